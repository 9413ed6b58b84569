/* waymark service worker: the site keeps working without a connection.
 *
 * A build writes this file to sw.js at the top of the site, with its version in place of the
 * placeholder below: a hash of offline.json, which lists every file of the build with a hash of
 * its bytes, and the files saved at the first visit (the precache: the site's look and scripts,
 * the home and section pages, the search page and index, and what waymark.toml adds). Browsers
 * check sw.js for changes as pages are visited, so each new build installs a new worker:
 *
 * - install: saves the precache, copying files unchanged since the last version and fetching
 *   the rest;
 * - activate: keeps pages read before only if the new build has them unchanged (a page changed,
 *   withdrawn or replaced is dropped, and fetched again if it is still there), tells open pages
 *   that changed to offer a reload, and deletes the old version's caches;
 * - fetch: answers pages from what is saved at once and checks for a newer copy behind the
 *   scenes (stale-while-revalidate), saves every other file of the site as it is read (PDFs
 *   included), and shows offline.html for a page not saved when there is no connection; a
 *   saved page past its review date (offline.json has the dates) is asked of the site first,
 *   and without a connection shown with the warning that it may be out of date.
 *
 * Caches are named after the worker's scope, so two sites on one host never touch each other's.
 */
"use strict";

const VERSION = "__WAYMARK_VERSION__";
const SCOPE = self.registration.scope;
const PREFIX = "waymark:" + SCOPE + ":";
const PRECACHE = PREFIX + "precache:" + VERSION;
const PAGES = PREFIX + "pages:" + VERSION;
const LIST = "offline.json";
const OFFLINE_PAGE = "offline.html";
/** What an open page is sent when the guidance it shows has changed. */
const UPDATED = { type: "waymark:updated" };
/** How long a page past its review date waits for the site before the saved copy is shown. */
const NETWORK_WAIT_MS = 3000;

self.addEventListener("install", (event) => {
  event.waitUntil(install().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(activate());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const key = keyOf(request.url);
  if (key === null || key === LIST || key === "sw.js") return;
  event.respondWith(respond(event, key));
});

/* ---------- Install: save the precache ---------- */

async function install() {
  const response = await fetch(urlOf(LIST) + "?v=" + VERSION, { cache: "no-store" });
  if (!response.ok) throw new Error(LIST + " answered " + response.status);
  const listed = await response.clone().json();
  // A build newer than this worker is already published: its own worker will install.
  if (listed.version !== VERSION) throw new Error("the site changed while its worker installed");
  const earlier = await earlierVersions();
  const cache = await caches.open(PRECACHE);
  await Promise.all(listed.precache.map(async (path) => {
    const url = urlOf(path);
    for (const old of earlier) {
      if (old.list.files[path] === listed.files[path]) {
        const kept = await old.precache.match(url);
        if (kept) return cache.put(url, kept);
      }
    }
    const fresh = await fetch(url, { cache: "no-cache" });
    if (!fresh.ok) throw new Error(path + " answered " + fresh.status);
    return cache.put(url, await storable(fresh));
  }));
  // Last, so that a precache holding its list is complete.
  await cache.put(urlOf(LIST), response);
}

/* ---------- Activate: keep what is still current, drop the rest ---------- */

async function activate() {
  const listed = await currentList();
  const earlier = await earlierVersions();
  const pages = await caches.open(PAGES);
  const changed = [];
  for (const old of earlier) {
    if (!old.pages) continue;
    for (const request of await old.pages.keys()) {
      const key = keyOf(request.url);
      if (key === null || !(key in listed.files)) continue; // withdrawn: dropped
      if (old.list.files[key] === listed.files[key]) {
        await pages.put(request, await old.pages.match(request));
      } else {
        changed.push(key);
      }
    }
  }
  if (earlier.length) {
    const windows = await self.clients.matchAll({ type: "window" });
    for (const client of windows) {
      const key = keyOf(client.url);
      if (key !== null && earlier.some((old) => old.list.files[key] !== listed.files[key])) {
        client.postMessage(UPDATED);
      }
    }
  }
  const names = await caches.keys();
  await Promise.all(names
    .filter((name) => name.startsWith(PREFIX) && name !== PRECACHE && name !== PAGES)
    .map((name) => caches.delete(name)));
  await self.clients.claim();
  // Pages read before that changed are fetched again, so they stay readable offline.
  changed.forEach((key) => fetchAndSave(key, PAGES).catch(() => {}));
}

/**
 * The versions saved before this one whose precache is complete: each with its list, its
 * precache and the pages it saved as they were read.
 */
async function earlierVersions() {
  const names = await caches.keys();
  const precaches = names.filter((name) => name.startsWith(PREFIX + "precache:") && name !== PRECACHE);
  const found = [];
  for (const name of precaches) {
    const precache = await caches.open(name);
    const saved = await precache.match(urlOf(LIST));
    if (!saved) continue;
    const version = name.slice((PREFIX + "precache:").length);
    const pages = await existing(PREFIX + "pages:" + version);
    found.push({ list: await saved.json(), precache, pages });
  }
  return found;
}

/* ---------- Fetch: saved copies first, the network behind them ---------- */

async function respond(event, key) {
  const request = event.request;
  const navigating = request.mode === "navigate";
  const listed = await currentList();
  if (!listed || !(key in listed.files)) {
    // Not a file of this build: gone from the site, or another site below this one.
    try {
      return await fetch(request);
    } catch (error) {
      if (navigating) return offlinePage(key);
      throw error;
    }
  }
  const saved = await savedCopy(key);
  if (saved) {
    const review = isPage(key) ? reviewPassed(listed, key) : null;
    if (review) return pastReview(event, key, saved, review);
    if (isPage(key)) event.waitUntil(revalidate(key, saved.response.clone(), saved.cache));
    return saved.response;
  }
  try {
    const fresh = await fetch(request);
    if (fresh.ok) event.waitUntil(save(PAGES, key, fresh.clone()));
    return fresh;
  } catch (error) {
    if (navigating) return offlinePage(key);
    throw error;
  }
}

/**
 * A saved page past its review date by this device's clock, which the build that saved it did
 * not know: the site's own copy if it answers within a few seconds (a newer build may have
 * reviewed the page), else the saved copy with the warning a build gives an overdue page.
 */
async function pastReview(event, key, saved, review) {
  const asked = fetch(urlOf(key), { cache: "no-cache" }).then(async (fresh) => {
    if (fresh.ok) await save(saved.cache, key, fresh.clone());
    else if (fresh.status === 404 || fresh.status === 410) {
      const cache = await existing(saved.cache);
      if (cache) await cache.delete(urlOf(key));
    }
    return fresh;
  });
  event.waitUntil(asked.catch(() => {}));
  const waited = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS, null));
  const fresh = await Promise.race([asked, waited]).catch(() => null);
  if (fresh && (fresh.ok || fresh.status === 404 || fresh.status === 410)) return storable(fresh);
  return withReviewWarning(saved.response, review.due);
}

/** A saved page with the overdue warning at the top of its main content. */
async function withReviewWarning(response, due) {
  const html = await response.text();
  const warning = '<div class="wm-warning-text" data-wm-review-passed>\n' +
    '<span class="wm-warning-text__icon" aria-hidden="true">!</span>\n' +
    '<p class="wm-warning-text__text"><span class="wm-visually-hidden">Warning: </span>' +
    "This guidance was due for review on " + escapeHtml(due) + ". It may be out of date. " +
    "This is the copy saved on this device: open the page again when you have a signal.</p>\n</div>\n";
  const marked = html.replace(/<main\b[^>]*>\n?/, (tag) => tag + warning);
  const headers = new Headers(response.headers);
  headers.delete("Content-Length");
  return new Response(marked, { status: response.status, statusText: response.statusText, headers });
}

/** The review date of the page at `key` if this device's today is past it, else null. */
function reviewPassed(listed, key) {
  const review = listed.reviews && listed.reviews[key];
  if (!review) return null;
  const now = new Date();
  const today = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
    .map((n, i) => String(n).padStart(i ? 2 : 4, "0")).join("-");
  return today > review.last_day ? review : null;
}

/** Fetches a page saved earlier again; if it changed, saves it and tells the pages showing it. */
async function revalidate(key, saved, cacheName) {
  let fresh;
  try {
    fresh = await fetch(urlOf(key), { cache: "no-cache" });
  } catch {
    return; // still offline: the saved copy stands
  }
  if (fresh.status === 404 || fresh.status === 410) {
    // Withdrawn from the site: not kept, and whoever shows it is told.
    const cache = await existing(cacheName);
    if (cache) await cache.delete(urlOf(key));
    return tell(key);
  }
  if (!fresh.ok) return;
  const [before, after] = await Promise.all([saved.arrayBuffer(), fresh.clone().arrayBuffer()]);
  if (sameBytes(before, after)) return;
  await save(cacheName, key, fresh);
  return tell(key);
}

async function tell(key) {
  const windows = await self.clients.matchAll({ type: "window" });
  for (const client of windows) {
    if (keyOf(client.url) === key) client.postMessage(UPDATED);
  }
}

async function fetchAndSave(key, cacheName) {
  const fresh = await fetch(urlOf(key), { cache: "no-cache" });
  if (fresh.ok) await save(cacheName, key, fresh);
}

/** Saves a response in this version's cache, unless a newer version has replaced it. */
async function save(cacheName, key, response) {
  const cache = await existing(cacheName);
  if (cache) await cache.put(urlOf(key), await storable(response));
}

/** This version's saved copy of a file, and the cache it is in. */
async function savedCopy(key) {
  for (const name of [PRECACHE, PAGES]) {
    const cache = await existing(name);
    const response = cache && await cache.match(urlOf(key));
    if (response) return { response, cache: name };
  }
  return null;
}

/**
 * A cache that exists, or null. A worker still running after a newer version took over must not
 * bring back the caches the newer one deleted (caches.open would make them again).
 */
async function existing(name) {
  return (await caches.has(name)) ? caches.open(name) : null;
}

/**
 * The offline page, in place of the page at `key`: its links start with "./" (the top of the
 * site, where it was built), so they are pointed back to the top from where `key` is.
 */
async function offlinePage(key) {
  const precache = await existing(PRECACHE);
  const saved = precache && await precache.match(urlOf(OFFLINE_PAGE));
  if (!saved) return Response.error();
  const depth = key.split("/").length - 1;
  const root = depth ? "../".repeat(depth) : "./";
  const html = (await saved.text()).split('="./').join('="' + root);
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}

/* ---------- Helpers ---------- */

let thisVersionsList = null;

/** This version's list of files, read once from the precache. */
async function currentList() {
  if (!thisVersionsList) {
    const precache = await existing(PRECACHE);
    const saved = precache && await precache.match(urlOf(LIST));
    if (saved) thisVersionsList = await saved.json();
  }
  return thisVersionsList;
}

/**
 * The path of a URL inside the site ("strategy/vision.html"; a folder stands for its
 * index.html), or null for a URL outside it.
 */
function keyOf(url) {
  const parsed = new URL(url);
  const href = parsed.origin + parsed.pathname;
  if (!href.startsWith(SCOPE)) return null;
  let path = href.slice(SCOPE.length);
  if (path === "" || path.endsWith("/")) path += "index.html";
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

function urlOf(key) {
  return new URL(key, SCOPE).href;
}

function isPage(key) {
  return key.endsWith(".html");
}

/** A response as it can be saved and served for any request (a redirected one cannot). */
async function storable(response) {
  if (!response.redirected) return response;
  return new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

function sameBytes(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a);
  const y = new Uint8Array(b);
  for (let i = 0; i < x.length; i += 1) if (x[i] !== y[i]) return false;
  return true;
}
