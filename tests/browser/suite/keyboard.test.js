// A keyboard-only walk through representative pages, forwards with Tab and back with Shift+Tab:
// every link, the search box, "Exit this page" and the main navigation are reached, each focused
// element visibly changes (outline, box shadow or background), and none is hidden behind other
// content such as the sticky exit bar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, assertNoProblems } from '../lib/harness.js';
import { visit } from '../lib/browser.js';
import { representativePages } from '../lib/site.js';
import { recordUnfocused, describeFocused, mustReach } from '../lib/focus.js';

const site = useSite();

// Presses `key` until focus comes back to an element it has already reached (Tab order wraps
// round through the browser itself), and returns each element focused on the way.
async function walk(page, key, limit) {
  const stops = [];
  const seen = new Set();
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press(key);
    const focused = await page.evaluate(describeFocused);
    if (!focused) continue;
    const id = focused.known ? focused.index : focused.name;
    if (seen.has(id)) break;
    seen.add(id);
    stops.push(focused);
  }
  return stops;
}

for (const [kind, relative] of Object.entries(representativePages())) {
  test(`keyboard walk: ${kind} (${relative})`, async () => {
    const visited = await visit(site.browser, site.url(relative));
    const { page } = visited;
    try {
      await page.evaluate(recordUnfocused);
      const targets = await page.evaluate(mustReach);
      const limit = (await page.evaluate(() => window.__wmUnfocused.size)) * 2 + 20;

      const forward = await walk(page, 'Tab', limit);
      const reached = new Set(forward.map((s) => s.index));
      const missed = (list) => list.filter((el) => !reached.has(el.index)).map((el) => el.name);

      assert.ok(targets.search.length > 0, `${relative}: no search box`);
      assert.ok(targets.exit.length > 0, `${relative}: no "Exit this page" button`);
      assert.ok(targets.nav.length > 0, `${relative}: no main navigation`);
      assert.deepEqual(missed(targets.search), [], `${relative}: Tab never reaches the search box`);
      assert.deepEqual(missed(targets.exit), [], `${relative}: Tab never reaches "Exit this page"`);
      assert.deepEqual(missed(targets.nav), [], `${relative}: Tab never reaches these navigation links`);
      assert.deepEqual(missed(targets.links), [], `${relative}: Tab never reaches these links`);

      const backward = await walk(page, 'Shift+Tab', limit);
      assert.equal(backward.length, forward.length, `${relative}: Shift+Tab reaches a different number of elements than Tab`);
      for (const stops of [forward, backward]) {
        const invisible = stops.filter((s) => s.indicators.length === 0).map((s) => s.name);
        assert.deepEqual(invisible, [], `${relative}: focus is not visible on these elements`);
        const hidden = stops.filter((s) => !s.seen).map((s) => s.name);
        assert.deepEqual(hidden, [], `${relative}: these elements are hidden by other content when focused`);
      }
      assertNoProblems(assert, visited, relative);
    } finally {
      await visited.close();
    }
  });
}
