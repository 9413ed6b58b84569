// Every page works from a sub-path of a web server (http://host/sub/path/): everything it loads
// comes from inside that folder and nothing fails to load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, assertNoProblems } from '../lib/harness.js';
import { eachPage, PARALLEL } from '../lib/browser.js';
import { htmlPages } from '../lib/site.js';
import { SUB_PATH } from '../lib/server.js';

const site = useSite();

// 404.html is served for a missing address at any depth, so it links from the path in base_url
// rather than relatively; it is checked from the root by every other test.
const pages = htmlPages().filter((p) => p !== '404.html');

test('every page loads all it needs from a sub-path', { concurrency: PARALLEL }, async (t) => {
  await eachPage(t, site, pages, { mount: SUB_PATH }, async (relative, tab) => {
    const outside = tab.requests.filter((url) => !url.pathname.startsWith(SUB_PATH)).map((url) => url.pathname);
    assert.deepEqual(outside, [], `${relative}: loaded from outside ${SUB_PATH}`);
    const styled = await tab.page.evaluate(() => [...document.styleSheets].some((s) => s.href && s.cssRules.length > 0));
    assert.ok(styled, `${relative}: no stylesheet applied`);
    assertNoProblems(assert, tab, relative);
  });
});
