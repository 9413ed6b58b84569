// axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules on every page of the output, at a desktop width
// and at 320 px (where tables scroll and targets crowd), with nothing requested from another host.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, assertNoProblems } from '../lib/harness.js';
import { eachPage, PARALLEL } from '../lib/browser.js';
import { axeViolations } from '../lib/axe.js';
import { htmlPages } from '../lib/site.js';

const site = useSite();

test('axe finds no WCAG A or AA failure on any page, wide or narrow', { concurrency: PARALLEL }, async (t) => {
  await eachPage(t, site, htmlPages(), {}, async (relative, tab) => {
    const wide = await axeViolations(tab.page);
    assert.deepEqual(wide, [], `${relative} at 1280 px:\n${wide.join('\n')}`);
    await tab.page.setViewportSize({ width: 320, height: 640 });
    const narrow = await axeViolations(tab.page);
    assert.deepEqual(narrow, [], `${relative} at 320 px:\n${narrow.join('\n')}`);
    assertNoProblems(assert, tab, relative);
  });
});
