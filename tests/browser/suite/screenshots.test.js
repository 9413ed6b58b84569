// Full-page screenshots of the pages practitioners use most, at a desktop width and a phone width,
// and of the first screen a phone shows, saved under tests/browser/artifacts/ for a person to look
// at; also the phone's menu open and a definition opened by a tap. The test fails if a page is
// missing or does not render.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { useSite, assertNoProblems } from '../lib/harness.js';
import { visit } from '../lib/browser.js';
import { representativePages, htmlPages, readPage } from '../lib/site.js';

const site = useSite();
const ARTIFACTS = process.env.WAYMARK_ARTIFACTS
  ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../artifacts');
const WIDTHS = [1280, 390];
const PHONE = { width: 390, height: 844 };
const pages = representativePages();

for (const [kind, relative] of Object.entries(pages)) {
  test(`screenshots: ${kind} (${relative})`, async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    for (const width of WIDTHS) {
      const tab = await visit(site.browser, site.url(relative), { width, height: 800 });
      try {
        const file = path.join(ARTIFACTS, `${kind.replace(/\W+/g, '-')}-${width}.png`);
        await tab.page.screenshot({ path: file, fullPage: true });
        assert.ok(fs.statSync(file).size > 0, `${file} is empty`);
        if (width === PHONE.width) {
          await tab.page.setViewportSize(PHONE);
          await tab.page.screenshot({ path: file.replace(/\.png$/, '-first-screen.png') });
        }
        assertNoProblems(assert, tab, relative);
      } finally {
        await tab.close();
      }
    }
  });
}

// Search with results on show: the header panel over a chapter, and search.html answering a question.
const searching = {
  'search-panel': { page: pages['strategy chapter'] ?? 'index.html', type: 'GCP', shown: '.wm-search__panel a' },
  'search-results': { page: 'search.html?q=what+is+disguised+compliance', shown: '#wm-search-results a' },
};

for (const [name, shot] of Object.entries(searching)) {
  // The searches are the demo site's words; a fixture site without the definitions skips them.
  const ready = pages.search && htmlPages().includes('definitions/graded-care-profile.html');
  test(`screenshots: ${name}`, { skip: ready ? false : 'the output has no search.html or no GCP definition' }, async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    for (const width of WIDTHS) {
      const tab = await visit(site.browser, site.url(shot.page), { width, height: 800 });
      try {
        if (shot.type) await tab.page.locator('#wm-search-input').fill(shot.type);
        await tab.page.locator(shot.shown).first().waitFor();
        const file = path.join(ARTIFACTS, `${name}-${width}.png`);
        // The panel floats over the page: the window, not the whole page, shows what a reader sees.
        await tab.page.screenshot({ path: file, fullPage: !shot.type });
        assert.ok(fs.statSync(file).size > 0, `${file} is empty`);
        assertNoProblems(assert, tab, shot.page);
      } finally {
        await tab.close();
      }
    }
  });
}

// On a phone: the menu open over a chapter, and a definition opened by tapping a linked term.
const showing = (text) => [pages['strategy chapter'], ...htmlPages()].find((p) => p && readPage(p).includes(text));
const phoneShots = {
  'menu-open': { page: showing('data-wm-menu'), tap: '[data-wm-menu]', shown: 'nav[aria-label="Main"] a' },
  'term-card': { page: showing('data-wm-definition'), tap: 'main a.wm-term[data-wm-definition]', shown: '.wm-term-card' },
};

for (const [name, shot] of Object.entries(phoneShots)) {
  test(`screenshots: ${name} on a phone`, { skip: !shot.page && 'no page has one' }, async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const tab = await visit(site.browser, site.url(shot.page), { ...PHONE, touch: true });
    try {
      await tab.page.locator(shot.tap).first().tap();
      await tab.page.locator(shot.shown).first().waitFor();
      const file = path.join(ARTIFACTS, `${name}-${PHONE.width}.png`);
      await tab.page.screenshot({ path: file });
      assert.ok(fs.statSync(file).size > 0, `${file} is empty`);
      assertNoProblems(assert, tab, shot.page);
    } finally {
      await tab.close();
    }
  });
}
