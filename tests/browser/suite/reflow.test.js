// WCAG 1.4.10 Reflow: at 320 CSS pixels wide nothing on any page makes the page scroll sideways.
// Wide tables and code scroll inside their own region instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, assertNoProblems } from '../lib/harness.js';
import { eachPage, PARALLEL } from '../lib/browser.js';
import { htmlPages } from '../lib/site.js';

const site = useSite();

test('no page scrolls sideways at 320 px wide', { concurrency: PARALLEL }, async (t) => {
  await eachPage(t, site, htmlPages(), { width: 320, height: 640 }, async (relative, tab) => {
    const widths = await tab.page.evaluate(() => {
      const viewport = document.documentElement.clientWidth;
      const culprits = [...document.body.querySelectorAll('*')]
        .filter((el) => el.getBoundingClientRect().right > viewport + 0.5)
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}${el.classList.length ? `.${el.classList[0]}` : ''}`);
      return { scroll: document.documentElement.scrollWidth, viewport, culprits };
    });
    assert.ok(
      widths.scroll <= widths.viewport,
      `${relative}: the page is ${widths.scroll} px wide in a ${widths.viewport} px window (${widths.culprits.join(', ')})`,
    );
    assertNoProblems(assert, tab, relative);
  });
});
