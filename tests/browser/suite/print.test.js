// Printed, a page is the guidance alone: no navigation, search box, "Exit this page" button or
// skip link, and the heading still there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, assertNoProblems } from '../lib/harness.js';
import { eachPage, PARALLEL } from '../lib/browser.js';
import { htmlPages } from '../lib/site.js';

const site = useSite();

const SCREEN_ONLY = {
  'main navigation': 'nav[aria-label="Main"]',
  'search box': '[role="search"]',
  '"Exit this page"': '[data-wm-exit], .wm-exit',
  'skip link': 'a[href="#main-content"]',
};

function shownParts(selectors) {
  const shown = (el) => el.checkVisibility({ visibilityProperty: true })
    && el.getBoundingClientRect().width > 1;
  const h1 = document.querySelector('h1');
  return {
    heading: Boolean(h1 && shown(h1)),
    parts: Object.entries(selectors)
      .filter(([, selector]) => [...document.querySelectorAll(selector)].some(shown))
      .map(([name]) => name),
  };
}

test('printed pages leave out navigation, search and the exit button', { concurrency: PARALLEL }, async (t) => {
  await eachPage(t, site, htmlPages(), {}, async (relative, tab) => {
    const onScreen = await tab.page.evaluate(shownParts, SCREEN_ONLY);
    assert.ok(onScreen.parts.includes('"Exit this page"'), `${relative}: no "Exit this page" button on screen`);
    await tab.page.emulateMedia({ media: 'print' });
    const printed = await tab.page.evaluate(shownParts, SCREEN_ONLY);
    assert.ok(printed.heading, `${relative}: the heading does not print`);
    assert.deepEqual(printed.parts, [], `${relative}: these print, but are only for the screen`);
    assertNoProblems(assert, tab, relative);
  });
});
