// Every HTML page of the output is valid HTML by the Nu HTML Checker. Errors fail; warnings fail
// too, because each one the checker gives for this site's pages is something a browser or a
// screen reader may trip on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkHtml, formatMessage } from '../lib/vnu.js';
import { htmlPages, outputDir } from '../lib/site.js';

test('the Nu HTML Checker finds no error or warning on any page', () => {
  const pages = htmlPages();
  const messages = checkHtml(outputDir, pages);
  const problems = messages.filter((m) => m.type !== 'info');
  assert.deepEqual(problems.map(formatMessage), [], `${problems.length} problems in ${pages.length} pages`);
});
