// "Exit this page" leaves for the configured neutral site at once: by the button, with or without
// JavaScript, and by pressing Escape three times (that every page has the button is checked with
// JavaScript off, in no-javascript.test.js). The neutral site is answered inside the browser,
// so nothing leaves the machine, and with JavaScript the site is gone from the Back button.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, assertNoProblems } from '../lib/harness.js';
import { visit } from '../lib/browser.js';
import { quickExitUrl, representativePages } from '../lib/site.js';

const site = useSite();
const EXIT = new URL(quickExitUrl()).href;
const start = representativePages()['strategy chapter'] ?? 'index.html';

/** Tab options that answer the exit address with a stand-in page and count the requests for it. */
function answeringExit() {
  const options = {
    exits: 0,
    allow(url, route) {
      if (url.href !== EXIT) return false;
      options.exits += 1;
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><title>Elsewhere</title><p>Elsewhere' });
      return true;
    },
  };
  return options;
}

const exitButton = (page) => page.getByRole('link', { name: 'Exit this page' })
  .or(page.getByRole('button', { name: 'Exit this page' }));

test('the button leaves the site and Back does not return to it', async () => {
  const options = answeringExit();
  const tab = await visit(site.browser, site.url(start), options);
  try {
    await Promise.all([tab.page.waitForURL(EXIT), exitButton(tab.page).click()]);
    assert.equal(tab.page.url(), EXIT);
    assert.equal(options.exits, 1);
    await tab.page.goBack();
    assert.ok(!tab.page.url().startsWith(site.origin), `Back returned to the site: ${tab.page.url()}`);
    assertNoProblems(assert, tab, start);
  } finally {
    await tab.close();
  }
});

test('without JavaScript the button is an ordinary link that leaves the site', async () => {
  const options = { ...answeringExit(), javaScript: false };
  const tab = await visit(site.browser, site.url(start), options);
  try {
    await Promise.all([tab.page.waitForURL(EXIT), exitButton(tab.page).click()]);
    assert.equal(tab.page.url(), EXIT);
    assertNoProblems(assert, tab, start);
  } finally {
    await tab.close();
  }
});

test('pressing Escape three times leaves the site; twice says how many more', async () => {
  const options = { ...answeringExit(), manualClock: true };
  const tab = await visit(site.browser, site.url(start), options);
  try {
    await tab.page.keyboard.press('Escape');
    await tab.page.keyboard.press('Escape');
    const status = await tab.page.getByText(/press escape 1 more time/i).count();
    assert.equal(status, 1, 'no message after two presses of Escape');
    assert.equal(options.exits, 0, 'left after only two presses');
    await Promise.all([tab.page.waitForURL(EXIT), tab.page.keyboard.press('Escape')]);
    assert.equal(tab.page.url(), EXIT);
    assertNoProblems(assert, tab, start);
  } finally {
    await tab.close();
  }
});

test('presses of Escape more than two seconds apart do not add up', async () => {
  const options = { ...answeringExit(), manualClock: true };
  const tab = await visit(site.browser, site.url(start), options);
  try {
    await tab.page.keyboard.press('Escape');
    await tab.page.keyboard.press('Escape');
    await tab.page.clock.runFor(2100);
    await tab.page.keyboard.press('Escape');
    const status = await tab.page.getByText(/press escape 2 more times/i).count();
    assert.equal(status, 1, 'the count did not start again after a pause');
    assert.equal(options.exits, 0, 'left after presses spread over more than two seconds');
    assert.equal(tab.page.url(), site.url(start));
    assertNoProblems(assert, tab, start);
  } finally {
    await tab.close();
  }
});
