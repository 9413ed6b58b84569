// Full-page screenshots of the pages practitioners use most, at a desktop width and a phone width,
// saved under tests/browser/artifacts/ for a person to look at. The test fails if a page is
// missing or does not render.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { useSite, assertNoProblems } from '../lib/harness.js';
import { visit } from '../lib/browser.js';
import { representativePages, htmlPages } from '../lib/site.js';

const site = useSite();
const ARTIFACTS = process.env.WAYMARK_ARTIFACTS
  ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../artifacts');
const WIDTHS = [1280, 375];
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
