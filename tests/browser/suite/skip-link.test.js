// The first Tab on every page lands on a visible "Skip to main content" link, and following it puts
// keyboard focus at the start of the main content, past the header and navigation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, assertNoProblems } from '../lib/harness.js';
import { eachPage, PARALLEL } from '../lib/browser.js';
import { htmlPages } from '../lib/site.js';

const site = useSite();

test('every page starts with a skip link to the main content', { concurrency: PARALLEL }, async (t) => {
  await eachPage(t, site, htmlPages(), {}, async (relative, tab) => {
    const { page } = tab;
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => {
      const el = document.activeElement;
      const box = el.getBoundingClientRect();
      return {
        text: el.textContent.trim(),
        onScreen: box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0
          && box.bottom <= window.innerHeight && box.right <= window.innerWidth,
      };
    });
    assert.match(first.text, /^skip to main content$/i, `${relative}: the first Tab reached "${first.text}"`);
    assert.ok(first.onScreen, `${relative}: the skip link is not on screen when focused`);

    await page.keyboard.press('Enter');
    const landed = await page.evaluate(() => {
      const main = document.querySelector('main');
      return { isMain: document.activeElement === main, target: location.hash, mainId: main?.id };
    });
    assert.equal(landed.target, `#${landed.mainId}`, `${relative}: the skip link does not point at <main>`);
    assert.ok(landed.isMain, `${relative}: after the skip link, focus is not on the main content`);

    await page.keyboard.press('Tab');
    const onwards = await page.evaluate(() => {
      const main = document.querySelector('main');
      const afterMainStart = (el) => main.contains(el)
        || Boolean(main.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
      const focusable = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
        .filter((el) => el.tabIndex >= 0 && !el.disabled && el.checkVisibility());
      // With nothing focusable after the start of main, Tab rightly wraps round to the top.
      return !focusable.some(afterMainStart) || afterMainStart(document.activeElement);
    });
    assert.ok(onwards, `${relative}: the Tab after the skip link went back before the main content`);
    assertNoProblems(assert, tab, relative);
  });
});
