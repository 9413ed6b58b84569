// A practitioner on a phone, 390 x 844 CSS pixels, often arriving from a search engine straight onto
// a definition or a toolkit page: the page's heading is on the first screen, "Exit this page"
// stays on screen while the page scrolls without hiding what has focus, the main navigation folds
// behind a "Menu" button (and is simply listed without JavaScript), long pages keep their contents
// one tap away, the A to Z letters are big enough for a thumb, a tap on a linked term shows its
// definition before leaving the page, the search page has one search box, and a page printed from
// a phone has the same A4 layout as one printed from a desktop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, assertNoProblems } from '../lib/harness.js';
import { visit } from '../lib/browser.js';
import { axeViolations, WCAG_TAGS } from '../lib/axe.js';
import { representativePages, htmlPages, readPage } from '../lib/site.js';
import { recordUnfocused, describeFocused } from '../lib/focus.js';

const site = useSite();
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const FIRST_SCREEN = 300;
const pages = representativePages();
// A chapter long enough to have a contents list, the A to Z, and a page with linked terms.
const chapter = htmlPages().find((p) => p.startsWith('strategy/') && readPage(p).includes('class="wm-contents"'));
const glossary = htmlPages().find((p) => p === 'definitions/index.html' && readPage(p).includes('class="wm-az"'));
const withTerms = [chapter, ...htmlPages()].find((p) => p && readPage(p).includes('data-wm-definition'));
const withNav = [chapter, 'index.html'].find((p) => p && readPage(p).includes('aria-label="Main"'));
const WCAG = { type: 'tag', values: WCAG_TAGS };
const MAIN_NAV = 'nav[aria-label="Main"] a[href]';

/** Where "Exit this page" is and whether anything covers it. */
function exitButton() {
  const button = document.querySelector('[data-wm-exit]');
  const box = button.getBoundingClientRect();
  const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return {
    top: box.top,
    bottom: box.bottom,
    height: box.height,
    onScreen: box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0,
    uncovered: Boolean(top && (top === button || button.contains(top))),
  };
}

/** Whether `el` is wholly inside the window and nothing covers its middle. */
function inView(el) {
  const box = el.getBoundingClientRect();
  const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight
    && Boolean(top && (top === el || el.contains(top)));
}

/** Waits up to two seconds for `check()` to hold, as a person glancing at the screen would. */
async function eventually(check) {
  for (let i = 0; i < 40; i += 1) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

for (const kind of ['home', 'definition', 'toolkit form', 'news post', 'event', 'briefing']) {
  const relative = pages[kind];
  test(`phone: the ${kind} page's heading is on the first screen (${relative ?? 'none'})`, { skip: !relative && `no ${kind} page` }, async () => {
    const tab = await visit(site.browser, site.url(relative), PHONE);
    try {
      const top = await tab.page.locator('h1').evaluate((h1) => Math.round(h1.getBoundingClientRect().top + window.scrollY));
      assert.ok(top <= FIRST_SCREEN, `${relative}: the <h1> starts ${top} px down a 844 px phone screen (at most ${FIRST_SCREEN})`);
      assertNoProblems(assert, tab, relative);
    } finally {
      await tab.close();
    }
  });
}

test(`phone: "Exit this page" stays on screen and hides nothing that has focus (${chapter ?? 'none'})`, { skip: !chapter && 'no strategy chapter' }, async () => {
  const tab = await visit(site.browser, site.url(chapter), PHONE);
  const { page } = tab;
  try {
    const start = await page.evaluate(exitButton);
    assert.ok(start.height <= 56, `${chapter}: the exit bar is ${start.height} px high on a phone (at most 56)`);
    await page.evaluate(recordUnfocused);
    const limit = (await page.evaluate(() => window.__wmUnfocused.size)) * 2 + 20;
    const seen = new Set();
    let deepest = 0;
    for (let i = 0; i < limit; i += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(describeFocused);
      if (!focused) continue;
      const id = focused.known ? focused.index : focused.name;
      if (seen.has(id)) break;
      seen.add(id);
      const exit = await page.evaluate(exitButton);
      deepest = Math.max(deepest, await page.evaluate(() => window.scrollY));
      assert.ok(exit.onScreen && exit.uncovered, `${chapter}: with ${focused.name} focused, "Exit this page" is off screen or covered (top ${exit.top})`);
      assert.ok(focused.seen, `${chapter}: ${focused.name} is hidden by other content when focused`);
    }
    assert.ok(deepest > PHONE.height, `${chapter}: the walk never scrolled past the first screen`);

    // A contents link lands its heading below the bar, not under it.
    const last = page.locator('.wm-contents a[href^="#"]').last();
    const id = (await last.getAttribute('href')).slice(1);
    await last.click();
    const heading = await page.evaluate((target) => document.getElementById(target).getBoundingClientRect().top, id);
    const exit = await page.evaluate(exitButton);
    assert.ok(exit.onScreen, `${chapter}: after following a contents link "Exit this page" is off screen`);
    assert.ok(heading >= exit.bottom, `${chapter}: #${id} lands at ${heading} px, under the exit bar (${exit.bottom} px)`);
    assertNoProblems(assert, tab, chapter);
  } finally {
    await tab.close();
  }
});

test('phone: the main navigation is behind a "Menu" button that opens, closes and leads on to the links', { skip: !withNav && 'no main navigation' }, async () => {
  const relative = withNav;
  const tab = await visit(site.browser, site.url(relative), PHONE);
  const { page } = tab;
  try {
    const button = page.getByRole('button', { name: 'Menu' });
    assert.ok(await button.isVisible(), `${relative}: no visible "Menu" button at 390 px`);
    const links = page.locator(MAIN_NAV);
    const count = await links.count();
    assert.ok(count > 0, `${relative}: no main navigation`);
    const controlled = await button.getAttribute('aria-controls');
    assert.ok(controlled && await page.locator(`#${controlled}`).count() === 1, `${relative}: the button's aria-controls names no element`);
    assert.equal(await button.getAttribute('aria-expanded'), 'false', `${relative}: the menu starts open`);
    assert.equal(await links.filter({ visible: true }).count(), 0, `${relative}: navigation links show while the menu is closed`);

    // Keyboard: Enter opens it, the next Tabs go through the links, Enter on the button closes it.
    await button.focus();
    await page.keyboard.press('Enter');
    assert.equal(await button.getAttribute('aria-expanded'), 'true', `${relative}: Enter did not open the menu`);
    assert.equal(await links.filter({ visible: true }).count(), count, `${relative}: not every link shows when the menu is open`);
    const found = await axeViolations(page, WCAG, ['header', 'nav[aria-label="Main"]']);
    assert.deepEqual(found, [], `${relative} with the menu open:\n${found.join('\n')}`);
    const hrefs = await links.evaluateAll((all) => all.map((a) => a.href));
    for (const href of hrefs) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement.href ?? document.activeElement.tagName);
      assert.equal(focused, href, `${relative}: Tab from the open menu does not go on to ${href}`);
    }
    await button.focus();
    await page.keyboard.press('Enter');
    assert.equal(await button.getAttribute('aria-expanded'), 'false', `${relative}: Enter did not close the menu`);
    assert.equal(await links.filter({ visible: true }).count(), 0, `${relative}: links still show after closing the menu`);

    // A tap works as well as a key, and at desktop width there is no button: the links show.
    await button.click();
    assert.equal(await button.getAttribute('aria-expanded'), 'true', `${relative}: a click did not open the menu`);
    await page.setViewportSize(DESKTOP);
    // waymark.js hides the button when its media query's change event comes, just after the resize.
    await button.waitFor({ state: 'hidden', timeout: 3000 }).catch(() => {});
    assert.ok(await button.isHidden(), `${relative}: the "Menu" button shows at 1280 px`);
    assert.equal(await links.filter({ visible: true }).count(), count, `${relative}: the links do not all show at 1280 px`);
    assertNoProblems(assert, tab, relative);
  } finally {
    await tab.close();
  }
});

test('phone: without JavaScript the navigation links are listed and there is no "Menu" button', { skip: !withNav && 'no main navigation' }, async () => {
  const relative = withNav;
  const tab = await visit(site.browser, site.url(relative), { ...PHONE, javaScript: false });
  const { page } = tab;
  try {
    const links = page.locator(MAIN_NAV);
    assert.ok(await links.count() > 0, `${relative}: no main navigation`);
    assert.equal(await links.filter({ visible: true }).count(), await links.count(), `${relative}: without JavaScript some navigation links are hidden`);
    assert.equal(await page.getByRole('button', { name: 'Menu' }).count(), 0, `${relative}: a "Menu" button shows that cannot work without JavaScript`);
    assertNoProblems(assert, tab, relative);
  } finally {
    await tab.close();
  }
});

// A long page keeps its contents list (or the A to Z letters) and its top one tap away.
const longPages = [
  [chapter, 'Contents', '#contents'],
  [glossary, 'A to Z', 'nav[aria-label="Definitions A to Z"]'],
].filter(([relative]) => relative);

for (const [relative, name, target] of longPages) {
  test(`phone: "${name}" and "Back to top" stay within reach halfway down ${relative}`, async () => {
    const tab = await visit(site.browser, site.url(relative), PHONE);
    const { page } = tab;
    try {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
      for (const label of [name, 'Back to top']) {
        const link = page.getByRole('link', { name: label, exact: true });
        assert.ok(await link.count() > 0, `${relative}: no "${label}" link`);
        const reachable = await eventually(() => link.evaluateAll((all) => all.some((a) => {
          const box = a.getBoundingClientRect();
          const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          return box.top >= 0 && box.bottom <= window.innerHeight && Boolean(top && (top === a || a.contains(top)));
        })));
        assert.ok(reachable, `${relative}: halfway down, "${label}" is not on screen`);
      }
      const y = await page.evaluate(() => window.scrollY);
      await page.getByRole('link', { name, exact: true }).last().click();
      const landed = await page.locator(target).first().evaluate((el) => {
        const bar = document.querySelector('[data-wm-exit]').getBoundingClientRect();
        const box = el.getBoundingClientRect();
        return { top: box.top, below: box.top >= bar.bottom, scrollY: window.scrollY };
      });
      assert.ok(landed.scrollY < y && landed.below && landed.top < PHONE.height, `${relative}: "${name}" does not bring ${target} into view below the exit bar (it is at ${landed.top} px)`);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
      const back = page.getByRole('link', { name: 'Back to top', exact: true });
      await eventually(() => back.evaluate(inView));
      await back.click();
      assert.equal(await page.evaluate(() => window.scrollY), 0, `${relative}: "Back to top" does not go to the top`);
      assertNoProblems(assert, tab, relative);
    } finally {
      await tab.close();
    }
  });
}

test('phone: the A to Z letters are targets a thumb can hit (44 x 44 px)', { skip: !glossary && 'no A to Z' }, async () => {
  const tab = await visit(site.browser, site.url(glossary), PHONE);
  try {
    const letters = await tab.page.locator('nav[aria-label="Definitions A to Z"] a').evaluateAll((all) => all.map((a) => {
      const box = a.getBoundingClientRect();
      return { letter: a.textContent.trim(), width: box.width, height: box.height };
    }));
    assert.ok(letters.length > 0, `${glossary}: no letter links`);
    const small = letters.filter((l) => l.width < 44 || l.height < 44).map((l) => `${l.letter} (${l.width} x ${l.height})`);
    assert.deepEqual(small, [], `${glossary}: these letters are smaller than 44 x 44 px at 390 px wide`);
    assertNoProblems(assert, tab, glossary);
  } finally {
    await tab.close();
  }
});

test('phone: a tap on a linked term shows its definition, with "Read more" and "Close", before leaving the page', { skip: !withTerms && 'no linked terms' }, async (t) => {
  const relative = withTerms;
  const term = (page) => page.locator('main a.wm-term[data-wm-definition]').first();
  const readMore = (page) => page.getByRole('link', { name: /^Read more/ });
  const close = (page) => page.getByRole('button', { name: /^Close/ });

  await t.test('touch', async () => {
    const tab = await visit(site.browser, site.url(relative), { ...PHONE, touch: true });
    const { page } = tab;
    try {
      const link = term(page);
      const href = await link.evaluate((a) => a.href);
      const definition = await link.getAttribute('data-wm-definition');
      await link.tap();
      const card = page.getByText(definition, { exact: true }).filter({ visible: true });
      assert.equal(await card.count(), 1, `${relative}: the definition does not show after a tap`);
      assert.equal(page.url(), site.url(relative), `${relative}: the first tap on a term left the page`);
      assert.ok(await readMore(page).isVisible(), `${relative}: no "Read more" link with the definition`);
      assert.equal(await readMore(page).evaluate((a) => a.href), href, `${relative}: "Read more" does not lead to the term's page`);
      assert.ok(await close(page).isVisible(), `${relative}: no "Close" button with the definition`);
      assert.ok(await card.evaluate(inView), `${relative}: the definition is not wholly on screen`);
      assert.ok(await link.evaluate(inView), `${relative}: the definition covers the term`);
      const found = await axeViolations(page, WCAG, ['.wm-term-card']);
      assert.deepEqual(found, [], `${relative} with a definition open:\n${found.join('\n')}`);

      await close(page).tap();
      assert.equal(await card.count(), 0, `${relative}: "Close" left the definition on screen`);
      assert.equal(page.url(), site.url(relative));

      // The first tap shows it again, the second follows the link.
      await link.tap();
      assert.equal(await card.count(), 1, `${relative}: a tap after closing did not show the definition`);
      await Promise.all([page.waitForURL(href), link.tap()]);

      await page.goBack();
      await term(page).tap();
      await Promise.all([page.waitForURL(href), readMore(page).tap()]);
      assertNoProblems(assert, tab, relative);
    } finally {
      await tab.close();
    }
  });

  await t.test('mouse and keyboard as before: hover or focus shows a tooltip, a click or Enter follows the link', async () => {
    const tab = await visit(site.browser, site.url(relative), PHONE);
    const { page } = tab;
    try {
      const link = term(page);
      const href = await link.evaluate((a) => a.href);
      await link.hover();
      const tip = page.getByRole('tooltip');
      assert.equal(await tip.filter({ visible: true }).count(), 1, `${relative}: hovering over a term shows no tooltip`);
      const described = await link.evaluate((a) => a.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id)?.textContent).join(' '));
      assert.ok(described.includes(await link.getAttribute('data-wm-definition')), `${relative}: the term is not described by its definition`);
      await Promise.all([page.waitForURL(href), link.click()]);
      await page.goBack();
      await term(page).focus();
      assert.equal(await tip.filter({ visible: true }).count(), 1, `${relative}: focusing a term shows no tooltip`);
      await Promise.all([page.waitForURL(href), page.keyboard.press('Enter')]);
      assert.equal(await readMore(page).count(), 0, `${relative}: a "Read more" card appeared without a tap`);
      assertNoProblems(assert, tab, relative);
    } finally {
      await tab.close();
    }
  });
});

test('the search page has one search box, at phone and desktop widths', { skip: !pages.search && 'no search page' }, async () => {
  for (const size of [PHONE, DESKTOP]) {
    const tab = await visit(site.browser, site.url(pages.search), size);
    try {
      const boxes = await tab.page.getByRole('searchbox').filter({ visible: true }).count();
      assert.equal(boxes, 1, `${pages.search}: ${boxes} search boxes at ${size.width} px`);
      assertNoProblems(assert, tab, pages.search);
    } finally {
      await tab.close();
    }
  }
});

/** What decides how a printed page looks: type sizes, layout of the lists, form lines, hidden parts. */
function printedLook() {
  const style = (selector) => {
    const el = document.querySelector(selector);
    return el ? getComputedStyle(el) : null;
  };
  const shown = (el) => el.checkVisibility({ visibilityProperty: true }) && el.getBoundingClientRect().width > 1;
  return {
    body: style('body').fontSize,
    h1: style('h1')?.fontSize,
    h2: style('.wm-body h2')?.fontSize,
    lead: style('.wm-lead')?.fontSize,
    summaryList: style('.wm-summary-list')?.display,
    formLines: [...document.querySelectorAll('.wm-form__lines')].filter(shown).length,
    textAreas: [...document.querySelectorAll('textarea')].filter(shown).length,
    screenOnly: [...document.querySelectorAll('[data-wm-exit], [data-wm-menu], nav[aria-label="Main"], .wm-back-to-top, [role="search"]')]
      .filter(shown).map((el) => el.className || el.tagName),
  };
}

for (const kind of ['toolkit form', 'strategy chapter']) {
  const relative = pages[kind];
  test(`printed from a phone, the ${kind} has the A4 layout printed from a desktop (${relative ?? 'none'})`, { skip: !relative && `no ${kind}` }, async () => {
    const looks = {};
    let paper = null;
    for (const size of [PHONE, DESKTOP]) {
      const tab = await visit(site.browser, site.url(relative), size);
      try {
        await tab.page.emulateMedia({ media: 'print' });
        looks[size.width] = await tab.page.evaluate(printedLook);
        if (size === PHONE) {
          const pdf = await tab.page.pdf({ preferCSSPageSize: true });
          const box = pdf.toString('latin1').match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
          paper = box && [Math.round(box[1]), Math.round(box[2])];
        }
        assertNoProblems(assert, tab, relative);
      } finally {
        await tab.close();
      }
    }
    const phone = looks[PHONE.width];
    assert.deepEqual(phone.screenOnly, [], `${relative}: these print from a phone, but are only for the screen`);
    assert.deepEqual(phone, looks[DESKTOP.width], `${relative}: printed from a phone it looks different from printed from a desktop`);
    if (kind === 'toolkit form') {
      assert.ok(phone.formLines > 0, `${relative}: printed from a phone the form has no lines to write on`);
      assert.equal(phone.textAreas, 0, `${relative}: printed from a phone the form shows its text boxes`);
    }
    // The page size the stylesheet asks for: A4 is 595 x 842 points.
    assert.deepEqual(paper, [595, 842], `${relative}: the printed page is not A4`);
  });
}
