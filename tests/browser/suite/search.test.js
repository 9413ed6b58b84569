// Search as a reader uses it: the box in every page's header shows results as they type, a result
// is followed with the keyboard, and search.html?q= lists results under the definition the query
// names. All of it from a web server's root, from a sub-path and from the folder opened from disk.
// Also: screen readers hear the count once typing pauses, Escape closes the results, axe finds
// nothing wrong with results on show, and without JavaScript search.html offers other ways in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { useSite, assertNoProblems } from '../lib/harness.js';
import { openTab, visit } from '../lib/browser.js';
import { axeViolations } from '../lib/axe.js';
import { outputDir, htmlPages } from '../lib/site.js';
import { SUB_PATH } from '../lib/server.js';

const site = useSite();
// A nested page, so that links from the results have to climb out of its folder.
const START = 'strategy/assessment.html';

// The searches below look for the demo site's words ("GCP", "disguised compliance", "fathers"),
// so they run on the demo site and skip on fixture sites without those pages.
const NEEDED = ['search.html', START, 'definitions/graded-care-profile.html', 'definitions/disguised-compliance.html'];
const missing = NEEDED.filter((page) => !htmlPages().includes(page));
const skip = missing.length === 0 ? false : `the site has no ${missing.join(', ')}`;

/** Where a page of the output is, for each way the site is published. */
const PLACES = {
  'server root': { url: (relative) => site.url(relative), options: {} },
  'server sub-path': { url: (relative) => site.url(relative, SUB_PATH), options: {} },
  'file://': { url: (relative) => pathToFileURL(path.join(outputDir, relative)).href, options: { files: outputDir } },
};

/** Opens `relative` in a new tab (see openTab for options), from one of the PLACES. */
async function open(place, relative, options = {}) {
  const tab = await openTab(site.browser, { ...place.options, ...options });
  const [file, query] = relative.split('?');
  const url = place.url(file) + (query ? `?${query}` : '');
  const response = await tab.page.goto(url, { waitUntil: 'load' });
  if (!response || !response.ok()) tab.problems.push(`${url} answered ${response?.status()}`);
  return tab;
}

/** The page's path from the output folder, whichever way it was opened. */
function relativePath(place, url) {
  const address = new URL(url);
  const root = new URL('./', place.url('index.html'));
  return decodeURIComponent(address.pathname.slice(root.pathname.length)) + address.hash;
}

const panel = (page) => page.locator('.wm-search__panel');

for (const [where, place] of Object.entries(PLACES)) {
  test(`${where}: a header search result is followed with Tab and Enter`, { skip }, async () => {
    const tab = await open(place, START);
    try {
      const { page } = tab;
      await page.getByRole('searchbox', { name: 'Search this site' }).fill('fathers');
      const first = panel(page).getByRole('link').first();
      await first.waitFor();
      assert.ok(await panel(page).isVisible(), `${where}: the results panel is not showing`);
      assert.equal((await first.textContent()).trim(), 'Working with families: Fathers and male carers');
      // Tab goes from the box to its Search button, then into the results.
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Search');
      await page.keyboard.press('Tab');
      assert.ok(await first.evaluate((a) => a === document.activeElement), `${where}: the second Tab does not reach the first result`);
      await Promise.all([page.waitForURL(/working-with-families\.html#fathers$/), page.keyboard.press('Enter')]);
      assert.equal(relativePath(place, page.url()), 'strategy/working-with-families.html#fathers');
      const heading = page.locator('#fathers');
      assert.equal((await heading.textContent()).trim(), 'Fathers and male carers');
      assert.ok(await heading.isVisible(), `${where}: the result's section is not shown`);
      assertNoProblems(assert, tab, START);
    } finally {
      await tab.close();
    }
  });

  test(`${where}: search.html?q= shows the definition the question names, then results`, { skip }, async () => {
    const relative = 'search.html?q=what+is+disguised+compliance';
    const tab = await open(place, relative);
    try {
      const { page } = tab;
      const results = page.locator('#wm-search-results > li');
      await results.first().waitFor();
      assert.equal(await page.getByRole('searchbox', { name: /search for a word/i }).inputValue(), 'what is disguised compliance');
      const status = (await page.locator('#wm-search-status').textContent()).trim();
      assert.match(status, /^\d+ results for 'what is disguised compliance'$/);
      const answer = page.locator('#wm-search-answer');
      assert.match(await answer.textContent(), /Definition\s*Disguised compliance\s*When a parent appears to cooperate/);
      const link = answer.getByRole('link', { name: 'Disguised compliance' });
      assert.equal(relativePath(place, await link.evaluate((a) => a.href)), 'definitions/disguised-compliance.html');
      const listed = await results.locator('a').evaluateAll((links) => links.map((a) => a.href));
      const pages = listed.map((href) => relativePath(place, href));
      assert.ok(pages.includes('strategy/working-with-families.html#disguised-compliance'), `${where}: ${pages.join(', ')}`);
      assert.ok(!pages.includes('definitions/disguised-compliance.html'), `${where}: the definition is listed again under its answer`);
      // The query words are marked in the snippets.
      assert.ok(await results.locator('mark', { hasText: /^disguised compliance$/i }).count() > 0, `${where}: nothing is marked`);
      assertNoProblems(assert, tab, relative);
    } finally {
      await tab.close();
    }
  });
}

test('the count is announced politely once typing pauses, not on every key', { skip }, async () => {
  const tab = await visit(site.browser, site.url(START), { manualClock: true });
  try {
    const { page } = tab;
    const box = page.getByRole('searchbox', { name: 'Search this site' });
    const announced = page.locator('[role="status"][aria-live="polite"]', { hasText: /results? for/ });
    // The panel's "See all" link names the query it shows results for.
    const showing = (query) => panel(page).locator(`a[href$="search.html?q=${query}"]`).waitFor();
    await box.focus();
    await page.keyboard.type('chronol');
    await page.clock.runFor(200);
    await showing('chronol');
    assert.equal(await announced.count(), 0, 'announced while the reader may still be typing');
    await page.keyboard.type('ogy');
    await page.clock.runFor(200);
    await showing('chronology');
    assert.equal(await announced.count(), 0, 'announced before typing paused');
    await page.clock.runFor(1000);
    await announced.waitFor();
    assert.match((await announced.textContent()).trim(), /^\d+ results for 'chronology'$/);
    assertNoProblems(assert, tab, START);
  } finally {
    await tab.close();
  }
});

test('Escape closes the results and leaves focus in the search box', { skip }, async () => {
  const tab = await visit(site.browser, site.url(START));
  try {
    const { page } = tab;
    const box = page.getByRole('searchbox', { name: 'Search this site' });
    const closed = async (from) => {
      await page.keyboard.press('Escape');
      assert.ok(await panel(page).isHidden(), `Escape from ${from}: the results are still showing`);
      assert.ok(await box.evaluate((input) => input === document.activeElement), `Escape from ${from}: focus is not in the search box`);
      assert.equal(await box.inputValue(), 'GCP', `Escape from ${from}: the query was cleared`);
    };
    await box.fill('GCP');
    await panel(page).getByRole('link').first().waitFor();
    await closed('the search box');
    // Typing again brings the results back; Escape from a result closes them too.
    await page.keyboard.press('Space');
    await page.keyboard.press('Backspace');
    await panel(page).getByRole('link').first().waitFor({ state: 'visible' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.ok(await panel(page).evaluate((p) => p.contains(document.activeElement)), 'focus is not on a result');
    await closed('a result');
    assertNoProblems(assert, tab, START);
  } finally {
    await tab.close();
  }
});

test('printing a page leaves out an open results panel', { skip }, async () => {
  const tab = await visit(site.browser, site.url(START));
  try {
    await tab.page.getByRole('searchbox', { name: 'Search this site' }).fill('GCP');
    await panel(tab.page).getByRole('link').first().waitFor();
    await tab.page.emulateMedia({ media: 'print' });
    assert.ok(await panel(tab.page).isHidden(), 'the results panel prints over the page');
    assertNoProblems(assert, tab, START);
  } finally {
    await tab.close();
  }
});

test('axe finds nothing wrong with search results on show', { skip }, async (t) => {
  await t.test('search.html with an answer and results', async () => {
    const relative = 'search.html?q=GCP';
    const tab = await visit(site.browser, site.url(relative));
    try {
      await tab.page.locator('#wm-search-results > li').first().waitFor();
      await tab.page.locator('#wm-search-answer a').waitFor();
      for (const width of [1280, 320]) {
        await tab.page.setViewportSize({ width, height: 800 });
        const found = await axeViolations(tab.page);
        assert.deepEqual(found, [], `${relative} at ${width} px:\n${found.join('\n')}`);
      }
      assertNoProblems(assert, tab, relative);
    } finally {
      await tab.close();
    }
  });
  await t.test('the header panel open over a page', async () => {
    const tab = await visit(site.browser, site.url(START));
    try {
      await tab.page.getByRole('searchbox', { name: 'Search this site' }).fill('neglect');
      await panel(tab.page).getByRole('link').first().waitFor();
      for (const width of [1280, 320]) {
        await tab.page.setViewportSize({ width, height: 800 });
        const found = await axeViolations(tab.page);
        assert.deepEqual(found, [], `${START} with results at ${width} px:\n${found.join('\n')}`);
      }
      assertNoProblems(assert, tab, START);
    } finally {
      await tab.close();
    }
  });
});

test('without JavaScript the header box leads to search.html, which offers the A to Z and all pages', { skip }, async () => {
  const tab = await visit(site.browser, site.url(START), { javaScript: false });
  try {
    const { page } = tab;
    await page.getByRole('searchbox', { name: 'Search this site' }).fill('neglect');
    await Promise.all([page.waitForURL(/search\.html\?q=neglect$/), page.keyboard.press('Enter')]);
    const azLink = page.getByRole('link', { name: 'the A to Z of definitions' });
    const allLink = page.getByRole('link', { name: 'a list of every page on this site' });
    assert.ok(await azLink.isVisible(), 'no visible link to the A to Z');
    assert.ok(await allLink.isVisible(), 'no visible link to the list of all pages');
    await Promise.all([page.waitForURL(/definitions\/index\.html$/), azLink.click()]);
    assert.equal((await page.locator('h1').textContent()).trim(), 'Definitions');
    await page.goBack();
    await Promise.all([page.waitForURL(/pages\.html$/), allLink.click()]);
    assert.ok(await page.locator('main a[href]').count() > 100, 'the list of all pages is short');
    assertNoProblems(assert, tab, 'search.html');
  } finally {
    await tab.close();
  }
});
