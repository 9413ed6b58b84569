// Debian's Chromium driven by playwright-core. No browser is ever downloaded: the suite uses the
// one at /usr/bin/chromium (or $CHROMIUM). See DEVELOPERS.md for why each launch flag is there.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Pages in flight at once: enough to keep two cores busy without starving the browser. */
export const PARALLEL = Number(process.env.WAYMARK_PARALLEL ?? 3);

const DESKTOP = { width: 1280, height: 900 };

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, headless: true });
}

function isLoopback(url) {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** True for a `file:` address inside `folder` (a path), as when the site is opened from disk. */
function isInsideFolder(url, folder) {
  if (url.protocol !== 'file:' || !folder) return false;
  const file = path.resolve(fileURLToPath(url));
  return file.startsWith(path.resolve(folder) + path.sep);
}

/**
 * A browser tab that watches everything its pages do. `problems` collects what a user or the
 * site's promises would notice: a request to another host (blocked, so nothing leaves the
 * machine), a file of the site that fails to load, a JavaScript error. `requests` lists every
 * loopback address asked for. `options.allow(url, route)` may handle one off-site request itself
 * (the quick-exit test does); `options.javaScript: false` turns scripts off; `options.manualClock`
 * stops the page's timers until the test calls `tab.page.clock.runFor()`; `options.touch` makes the
 * tab a phone's, with a touch screen (taps, no hover); `options.files` names a
 * folder whose files the tab may open as `file:` addresses, as a reader who opens the site from
 * disk does (a file that fails to load is a problem, as a missing file on the server is).
 * Service workers are blocked, so that every check sees the pages as the server sends them,
 * unless `options.serviceWorkers` is 'allow' (the offline checks).
 */
export async function openTab(browser, options = {}) {
  const viewport = { width: options.width ?? DESKTOP.width, height: options.height ?? DESKTOP.height };
  const context = await browser.newContext({
    viewport,
    javaScriptEnabled: options.javaScript ?? true,
    hasTouch: options.touch ?? false,
    isMobile: options.touch ?? false,
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  // A page's timers run on a clock the test moves on by hand, so no check depends on how fast
  // the machine is.
  if (options.manualClock) await context.clock.install();
  const tab = { context, problems: [], requests: [] };
  await context.route('**/*', (route) => {
    const target = new URL(route.request().url());
    if (isLoopback(target) || isInsideFolder(target, options.files)) {
      tab.requests.push(target);
      return route.continue();
    }
    if (options.allow?.(target, route)) return undefined;
    tab.problems.push(`requested another host: ${target.href}`);
    return route.abort('blockedbyclient');
  });
  tab.page = await context.newPage();
  tab.page.on('response', (response) => {
    const target = new URL(response.url());
    if (isLoopback(target) && response.status() >= 400) {
      tab.problems.push(`${response.status()} for ${target.pathname} (${response.request().resourceType()})`);
    }
  });
  tab.page.on('pageerror', (error) => tab.problems.push(`JavaScript error: ${error.message}`));
  tab.page.on('requestfailed', (request) => {
    const target = new URL(request.url());
    if (target.protocol === 'file:') tab.problems.push(`could not load ${target.pathname} (${request.failure()?.errorText})`);
  });

  /** Loads `url` afresh: problems and requests start empty, the window is its starting size. */
  tab.goto = async (url) => {
    tab.problems.length = 0;
    tab.requests.length = 0;
    await tab.page.emulateMedia({ media: null });
    await tab.page.setViewportSize(viewport);
    const response = await tab.page.goto(url, { waitUntil: 'load' });
    if (!response || !response.ok()) tab.problems.push(`the page itself answered ${response?.status()}`);
    return tab;
  };
  tab.close = () => context.close();
  return tab;
}

/** A fresh tab showing `url`, for a test that needs one to itself; close it when done. */
export async function visit(browser, url, options = {}) {
  const tab = await openTab(browser, options);
  return tab.goto(url);
}

/**
 * Runs `check(relative, tab)` as one subtest per page, `PARALLEL` at once, each on a tab that has
 * just loaded the page. The parent test must be declared with `{ concurrency: PARALLEL }`.
 */
export async function eachPage(t, site, pages, options, check) {
  const tabs = await Promise.all(Array.from({ length: PARALLEL }, () => openTab(site.browser, options)));
  const free = [...tabs];
  try {
    await Promise.all(pages.map((relative) => t.test(relative, async () => {
      const tab = free.pop();
      if (!tab) throw new Error('eachPage needs its parent test to run at most PARALLEL subtests at once');
      try {
        await tab.goto(site.url(relative, options.mount));
        await check(relative, tab);
      } finally {
        free.push(tab);
      }
    })));
  } finally {
    await Promise.all(tabs.map((tab) => tab.close()));
  }
}
