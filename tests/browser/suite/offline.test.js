// Offline use, as a practitioner on a home visit with a phone and no signal has it. The site is
// copied and built into a folder of its own, served over HTTP, and visited once with service
// workers allowed; then the server drops every connection (as the network does without signal,
// for the service worker too) and the browser is switched offline. Saved pages open, search
// works, a page never opened shows the offline page; after a rebuild with changed and withdrawn
// pages, going online shows the new version and the "updated" notice, and a withdrawn page is no
// longer kept; a page kept offline past its review date says it may be out of date. The same
// from a sub-path; nothing is registered from file:// or by `waymark serve`, except with
// --offline-test. The offline page, the notice and the review warning pass axe and the HTML
// checker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve, SUB_PATH } from '../lib/server.js';
import { launch, openTab } from '../lib/browser.js';
import { axeViolations } from '../lib/axe.js';
import { checkHtml, formatMessage } from '../lib/vnu.js';
import { siteDir, htmlPages, readPage } from '../lib/site.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPOSITORY = path.resolve(HERE, '../../..');
const ARTIFACTS = process.env.WAYMARK_ARTIFACTS ?? path.resolve(HERE, '../artifacts');
const WAYMARK = process.env.WAYMARK_BIN ?? path.join(REPOSITORY, 'target/release/waymark');

// The pages a practitioner reaches for, picked from what the site under test has.
const pages = htmlPages();
const chapters = pages.filter((p) => p.startsWith('strategy/') && !p.endsWith('/index.html'));
const PAGE = {
  definition: pages.find((p) => p.startsWith('definitions/') && !p.endsWith('/index.html')),
  form: pages.find((p) => p.startsWith('toolkit/') && readPage(p).includes('class="wm-form')),
  visited: chapters[0],
  unvisited: chapters[1],
};
const missing = Object.entries(PAGE).filter(([, page]) => !page).map(([kind]) => kind);
const skip = missing.length ? `the site has no ${missing.join(', ')} page` : false;
// A page added to the copy, read once and then withdrawn from the site.
const EXTRA = { source: 'strategy/offline-check-extra.md', page: 'strategy/offline-check-extra.html' };
const QUERY = 'neglect';
// A page whose review date passed yesterday, by this machine's clock, as a phone's: the copy is
// built as on the day before, when the page was still current, so only the service worker can
// tell a reader that the copy it kept may be out of date.
const DAY_MS = 24 * 60 * 60 * 1000;
const BUILD_DAY = localDay(Date.now() - 2 * DAY_MS);
const REVIEW = {
  source: 'strategy/offline-check-review.md',
  page: 'strategy/offline-check-review.html',
  due: localDay(Date.now() - DAY_MS),
};

/** A day as YYYY-MM-DD in this machine's time zone. */
function localDay(time) {
  const d = new Date(time);
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
}

let work;
let site;
let output;
let server;
let browser;

/** Builds the copy of the site into `output`, without PDFs (a PDF is added as a content file). */
function build() {
  const run = spawnSync(WAYMARK, ['build', '--no-pdf', '--today', BUILD_DAY, '--site', site, '--output', output],
    { encoding: 'utf8' });
  assert.equal(run.status, 0, `building the site failed:\n${run.stderr}`);
}

before(async () => {
  if (skip) return;
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-offline-'));
  site = path.join(work, 'site');
  output = path.join(work, 'output');
  for (const part of ['waymark.toml', 'content', 'templates', 'theme']) {
    const from = path.join(siteDir, part);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(site, part), { recursive: true });
  }
  fs.writeFileSync(path.join(site, 'content', EXTRA.source),
    '+++\ntitle = "A page soon withdrawn"\n+++\nThis page is withdrawn by the next build.\n');
  fs.writeFileSync(path.join(site, 'content', REVIEW.source),
    `+++\ntitle = "A page due for review yesterday"\nreview_due = "${REVIEW.due}"\n+++\nRead before its review date.\n`);
  // "PDFs are saved when opened": a small PDF among the content files.
  fs.writeFileSync(path.join(site, 'content/toolkit/leaflet.pdf'),
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n');
  build();
  server = await serve(output);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** A tab whose pages may install service workers. */
function openOfflineTab() {
  return openTab(browser, { serviceWorkers: 'allow' });
}

function url(relative, mount = '/') {
  return `${server.origin}${mount}${relative}`;
}

/**
 * Evaluates `check(arg)` in the page until it resolves to something truthy (waitForFunction
 * would take the promise an async check returns as truthy at once).
 */
async function until(page, what, check, arg) {
  for (let tries = 0; tries < 300; tries += 1) {
    if (await page.evaluate(check, arg)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting until ${what}`);
}

/** Waits until the page is looked after by a service worker. */
async function waitForWorker(page) {
  await until(page, 'a service worker looks after the page', () => navigator.serviceWorker.controller !== null);
}

/** Waits until the file at `address` is in one of the site's caches. */
async function waitUntilSaved(page, address) {
  await until(page, `${address} is saved`, async (wanted) => {
    for (const name of await caches.keys()) {
      if (await (await caches.open(name)).match(wanted)) return true;
    }
    return false;
  }, address);
}

/** No connection: the browser is offline and the server answers nothing. */
async function goOffline(tab) {
  await tab.context.setOffline(true);
  server.setDown(true);
}

async function goOnline(tab) {
  server.setDown(false);
  await tab.context.setOffline(false);
}

async function heading(page) {
  return (await page.locator('h1').textContent()).trim();
}

/** The title of a built page, from the file. */
function titleOf(relative) {
  const html = fs.readFileSync(path.join(output, relative), 'utf8');
  return html.match(/<h1[^>]*>([^<]*)<\/h1>/)[1].trim();
}

async function styled(page) {
  return page.evaluate(() => [...document.styleSheets].some((s) => s.href && s.cssRules.length > 0));
}

/** axe over the page as it is now, in a wide window and at 320 px, as the suite's axe check. */
async function axeBothWidths(page) {
  const found = [];
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    found.push(...(await axeViolations(page)).map((v) => `${width} px: ${v}`));
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  return found;
}

/** What a phone shows first, saved for a person to look at (see DEVELOPERS.md). */
async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}-390.png`) });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The HTML checker over the page as it is now (the notice or the offline page included). */
function htmlProblems(html, name) {
  const folder = fs.mkdtempSync(path.join(work, 'vnu-'));
  fs.writeFileSync(path.join(folder, name), html);
  return checkHtml(folder, [name]).filter((m) => m.type !== 'info').map(formatMessage);
}

/** What the reader sees of "Available offline". */
function offlineStatus(page) {
  return page.locator('[data-wm-offline-status]');
}

async function assertOfflinePage(page, where) {
  assert.equal(await heading(page), 'You are offline', `${where}: the offline page is not shown`);
  assert.ok(await styled(page), `${where}: the offline page has no stylesheet`);
  assert.equal(await offlineStatus(page).count(), 0, `${where}: the offline page says "Available offline"`);
}

test('first visit, then offline: saved pages open, search works, an unsaved page shows the offline page', { skip }, async () => {
  const tab = await openOfflineTab();
  const { page } = tab;
  try {
    await tab.goto(url('index.html'));
    await waitForWorker(page);
    await offlineStatus(page).waitFor();
    assert.equal((await offlineStatus(page).textContent()).trim(), 'Available offline');
    for (const relative of [PAGE.visited, EXTRA.page]) {
      await tab.goto(url(relative));
      await waitUntilSaved(page, url(relative));
    }
    assert.ok(await offlineStatus(page).isHidden(), 'a page saved as it was read is not promised "Available offline"');
    const pdf = url('toolkit/leaflet.pdf');
    const online = await page.evaluate((address) => fetch(address).then((r) => r.text()), pdf);
    await waitUntilSaved(page, pdf);
    assert.deepEqual(tab.problems, [], tab.problems.join('; '));

    await goOffline(tab);
    await tab.goto(url('index.html'));
    assert.equal(await heading(page), titleOf('index.html'));
    assert.ok(await styled(page), 'home: no stylesheet offline');
    await offlineStatus(page).waitFor();

    await tab.goto(url(PAGE.definition));
    assert.equal(await heading(page), titleOf(PAGE.definition), 'a definition opens offline');
    // On a phone, "Available offline" shares the breadcrumbs' row: the heading stays high.
    await offlineStatus(page).waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    const top = await page.locator('h1').evaluate((h) => h.getBoundingClientRect().top);
    assert.ok(top <= 300, `with "Available offline" shown, the heading starts ${top} px down a phone's screen`);
    await screenshot(page, 'available-offline');

    await tab.goto(url(PAGE.form));
    assert.ok(await page.locator('.wm-form textarea').count() > 0, 'a toolkit form opens offline with its boxes');

    await tab.goto(url(`search.html?q=${QUERY}`));
    const results = page.locator('#wm-search-results li');
    await results.first().waitFor();
    assert.ok(await results.count() > 0, 'search finds results offline');

    await tab.goto(url(PAGE.visited));
    assert.equal(await heading(page), titleOf(PAGE.visited), 'a page read before opens offline');

    const offlinePdf = await page.evaluate((address) => fetch(address).then((r) => r.text()), pdf);
    assert.equal(offlinePdf, online, 'a PDF opened before opens offline');

    await tab.goto(url(PAGE.unvisited));
    await assertOfflinePage(page, PAGE.unvisited);
    assert.deepEqual(tab.problems, [], tab.problems.join('; '));
    assert.deepEqual(await axeBothWidths(page), [], 'axe on the offline page');
    await screenshot(page, 'offline-page');
    assert.deepEqual(htmlProblems(await page.content(), 'offline-page.html'), [], 'HTML checker on the offline page');
    // Its links lead from where it is shown back to the saved pages.
    await Promise.all([page.waitForURL(url('index.html')), page.getByRole('link', { name: 'Home page', exact: true }).click()]);
    assert.equal(await heading(page), titleOf('index.html'), 'the offline page leads to the home page');
  } finally {
    await goOnline(tab);
    await tab.close();
  }
});

test('after a rebuild, going online shows the new version with a notice, and a withdrawn page is not kept', { skip }, async () => {
  const tab = await openOfflineTab();
  const { page } = tab;
  try {
    await tab.goto(url('index.html'));
    await waitForWorker(page);
    for (const relative of [PAGE.visited, EXTRA.page]) {
      await tab.goto(url(relative));
      await waitUntilSaved(page, url(relative));
    }
    await goOffline(tab);

    // Meanwhile the partnership publishes: a chapter and a definition change, a page goes.
    const CHANGED = 'This paragraph was added by the latest build.';
    const chapter = path.join(site, 'content', PAGE.visited.replace(/\.html$/, '.md'));
    fs.appendFileSync(chapter, `\n\n${CHANGED}\n`);
    const definition = path.join(site, 'content', PAGE.definition.replace(/\.html$/, '.md'));
    fs.appendFileSync(definition, `\n\n${CHANGED}\n`);
    fs.rmSync(path.join(site, 'content', EXTRA.source));
    build();
    const version = fs.readFileSync(path.join(output, 'sw.js'), 'utf8').match(/const VERSION = "(\w+)"/)[1];

    await goOnline(tab);
    await tab.goto(url(PAGE.visited));
    const notice = page.locator('.wm-update');
    await notice.getByRole('button').waitFor();
    assert.equal((await notice.getAttribute('role')), 'status', 'the notice is a polite live region');
    assert.match(await notice.textContent(), /This guidance has been updated\./);
    assert.deepEqual(await axeBothWidths(page), [], 'axe with the notice shown');
    await screenshot(page, 'update-notice');
    assert.deepEqual(htmlProblems(await page.content(), 'notice.html'), [], 'HTML checker with the notice shown');
    // The button is reached with the keyboard and reloads the page, which is now the new version.
    await page.locator('main').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Reload to see the new version');
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    await page.getByText(CHANGED).waitFor();

    // The new version installs, and what it replaced is gone.
    await until(page, `version ${version} replaces the one before`, async (v) => {
      const names = await caches.keys();
      return names.some((n) => n.endsWith(`:precache:${v}`)) && !names.some((n) => n.includes(':precache:') && !n.endsWith(v));
    }, version);
    await tab.goto(url(PAGE.definition));
    await page.getByText(CHANGED).waitFor();

    await goOffline(tab);
    await tab.goto(url(EXTRA.page));
    await assertOfflinePage(page, `${EXTRA.page}, withdrawn`);
    await tab.goto(url(PAGE.visited));
    assert.ok(await page.getByText(CHANGED).isVisible(), 'offline, the page read before is the new version');
  } finally {
    await goOnline(tab);
    await tab.close();
  }
});

test('a page kept offline past its review date says it may be out of date', { skip }, async () => {
  const tab = await openOfflineTab();
  const { page } = tab;
  const passed = page.locator('[data-wm-review-passed]');
  try {
    await tab.goto(url('index.html'));
    await waitForWorker(page);
    await tab.goto(url(REVIEW.page));
    await waitUntilSaved(page, url(REVIEW.page));
    assert.equal(await passed.count(), 0, 'online, the page is as the site sends it');
    assert.equal(await page.locator('.wm-warning-text').count(), 0, 'the build did not mark the page overdue');
    await tab.goto(url(PAGE.visited));
    await waitUntilSaved(page, url(PAGE.visited));

    await goOffline(tab);
    await tab.goto(url(REVIEW.page));
    assert.equal(await heading(page), titleOf(REVIEW.page), 'the saved copy still opens offline');
    const due = JSON.parse(fs.readFileSync(path.join(output, 'offline.json'), 'utf8')).reviews[REVIEW.page].due;
    assert.match(due, /^\d{1,2} [A-Z][a-z]+ \d{4}$/);
    assert.match(await passed.textContent(), new RegExp(`This guidance was due for review on ${due}\\. It may be out of date\\.`));
    const [warningTop, headingTop] = await Promise.all([passed, page.locator('h1')]
      .map((l) => l.evaluate((e) => e.getBoundingClientRect().top)));
    assert.ok(warningTop < headingTop, 'the warning comes before the heading');
    assert.deepEqual(tab.problems, [], tab.problems.join('; '));
    assert.deepEqual(await axeBothWidths(page), [], 'axe with the review warning');
    await screenshot(page, 'review-passed-offline');
    assert.deepEqual(htmlProblems(await page.content(), 'review-passed.html'), [], 'HTML checker with the review warning');

    await tab.goto(url(PAGE.visited));
    assert.equal(await passed.count(), 0, 'a page still current has no warning offline');
  } finally {
    await goOnline(tab);
    await tab.close();
  }
});

test(`from a sub-path (${SUB_PATH}) the worker looks after that folder alone, offline too`, { skip }, async () => {
  const tab = await openOfflineTab();
  const { page } = tab;
  try {
    await tab.goto(url('index.html', SUB_PATH));
    await waitForWorker(page);
    const scope = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.scope));
    assert.equal(scope, url('', SUB_PATH));
    await goOffline(tab);
    await tab.goto(url(PAGE.definition, SUB_PATH));
    assert.equal(await heading(page), titleOf(PAGE.definition));
    assert.ok(await styled(page), 'a definition from the sub-path has its stylesheet offline');
    await tab.goto(url(PAGE.unvisited, SUB_PATH));
    await assertOfflinePage(page, `${SUB_PATH}${PAGE.unvisited}`);
    const outside = tab.requests.filter((u) => !u.pathname.startsWith(SUB_PATH)).map((u) => u.pathname);
    assert.deepEqual(outside, [], 'nothing is asked for outside the sub-path');
  } finally {
    await goOnline(tab);
    await tab.close();
  }
});

test('opened from disk (file://) nothing is registered and the page is as before', { skip }, async () => {
  const tab = await openTab(browser, { serviceWorkers: 'allow', files: output });
  try {
    await tab.goto(pathToFileURL(path.join(output, 'index.html')).href);
    assert.equal(await tab.page.locator('.wm-update').count(), 0, 'no update notice region');
    assert.ok(await offlineStatus(tab.page).isHidden(), '"Available offline" stays hidden');
    assert.deepEqual(tab.problems, [], tab.problems.join('; '));
  } finally {
    await tab.close();
  }
});

/** Runs `waymark serve` on the copy of the site; resolves to { origin, stop }. */
async function startServe(args) {
  const child = spawn(WAYMARK, ['serve', '--site', site, '--port', '0', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  const origin = await new Promise((resolve, reject) => {
    let seen = '';
    child.stderr.on('data', (chunk) => {
      seen += chunk;
      const found = seen.match(/at (http:\/\/[\d.]+:\d+)\//);
      if (found) resolve(found[1]);
    });
    child.on('exit', (code) => reject(new Error(`waymark serve exited with ${code}:\n${seen}`)));
  });
  return {
    origin,
    stop: () => new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    }),
  };
}

test('waymark serve registers no service worker; with --offline-test it does', { skip }, async () => {
  for (const [args, expected] of [[[], false], [['--offline-test'], true]]) {
    const preview = await startServe(args);
    const tab = await openOfflineTab();
    try {
      // Every call to register() is noted before the page's scripts run.
      await tab.page.addInitScript(() => {
        const register = ServiceWorkerContainer.prototype.register;
        window.registered = [];
        ServiceWorkerContainer.prototype.register = function (...call) {
          window.registered.push(String(call[0]));
          return register.apply(this, call);
        };
      });
      await tab.page.goto(`${preview.origin}/index.html`, { waitUntil: 'load' });
      const registered = await tab.page.evaluate(() => window.registered);
      assert.deepEqual(registered, expected ? ['sw.js'] : [], `waymark serve ${args.join(' ')}`);
      if (expected) await waitForWorker(tab.page);
    } finally {
      await tab.close();
      await preview.stop();
    }
  }
});
