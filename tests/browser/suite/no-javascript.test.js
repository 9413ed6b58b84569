// With JavaScript off, every page still reads and navigates: its heading and content are there,
// its main navigation links name pages that exist and lead to them, "Exit this page" is an
// ordinary link to the configured site, and nothing that only works with JavaScript (a button
// with no form to submit) is on show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useSite, assertNoProblems } from '../lib/harness.js';
import { visit, eachPage, PARALLEL } from '../lib/browser.js';
import { htmlPages, outputDir, quickExitUrl, representativePages } from '../lib/site.js';

const site = useSite();
const NO_JS = { javaScript: false };
const EXIT = new URL(quickExitUrl()).href;

function inspect() {
  const main = document.querySelector('main');
  const h1 = document.querySelector('h1');
  const shown = (el) => el.checkVisibility({ visibilityProperty: true });
  const deadButtons = [...document.querySelectorAll('button, [role="button"]')]
    .filter(shown)
    .filter((b) => !(b.tagName === 'BUTTON' && b.type === 'submit' && b.form?.getAttribute('action')))
    .map((b) => b.textContent.trim());
  return {
    heading: h1 && shown(h1) ? h1.textContent.trim() : '',
    words: main ? main.innerText.split(/\s+/).filter(Boolean).length : 0,
    titleWords: h1 ? h1.innerText.split(/\s+/).filter(Boolean).length : 0,
    nav: [...document.querySelectorAll('nav[aria-label="Main"] a[href]')].map((a) => a.href),
    exits: [...document.querySelectorAll('a[href]')]
      .filter((a) => shown(a) && a.textContent.trim().toLowerCase() === 'exit this page')
      .map((a) => a.href),
    deadButtons,
  };
}

test('without JavaScript every page reads, can be left, and nothing on show needs JavaScript', { concurrency: PARALLEL }, async (t) => {
  await eachPage(t, site, htmlPages(), NO_JS, async (relative, tab) => {
    const found = await tab.page.evaluate(inspect);
    assert.ok(found.heading, `${relative}: no visible main heading`);
    assert.ok(found.words > found.titleWords, `${relative}: the main content is empty`);
    assert.deepEqual(found.deadButtons, [], `${relative}: these buttons do nothing without JavaScript`);
    assert.deepEqual(found.exits, [EXIT], `${relative}: expected one visible "Exit this page" link to ${EXIT}`);
    const missing = found.nav
      .map((href) => decodeURIComponent(new URL(href).pathname).slice(1))
      .filter((file) => !fs.existsSync(path.join(outputDir, file)));
    assert.deepEqual(missing, [], `${relative}: main navigation links to missing pages`);
    assertNoProblems(assert, tab, relative);
  });
});

test('without JavaScript the main navigation can be followed from a top-level and a nested page', async (t) => {
  const nested = Object.values(representativePages()).find((p) => p.includes('/')) ?? 'index.html';
  for (const start of new Set(['index.html', nested])) {
    await t.test(start, async () => {
      const visited = await visit(site.browser, site.url(start), NO_JS);
      try {
        const { nav } = await visited.page.evaluate(inspect);
        assert.ok(nav.length > 0, `${start}: no main navigation`);
        for (let i = 0; i < nav.length; i += 1) {
          await visited.page.goto(site.url(start));
          const link = visited.page.locator('nav[aria-label="Main"] a[href]').nth(i);
          await Promise.all([visited.page.waitForURL(nav[i]), link.click()]);
          const arrived = await visited.page.evaluate(inspect);
          assert.ok(arrived.heading, `${start}: following ${nav[i]} gave a page with no heading`);
        }
        assertNoProblems(assert, visited, start);
      } finally {
        await visited.close();
      }
    });
  }
});
