/*
 * The search box in every page's header: results in a panel under it as
 * the reader types, the count announced once typing pauses, Escape or a
 * move away closes the panel.
 */

import { el, resultItem, answerCard, listed, countText, clear, visuallyHidden, FAILED, NO_RESULTS_HINT }
  from './75-dom.js';

const HEADER_LIMIT = 8;
export const TYPING_PAUSE = 150; // ms after the last keystroke before searching
export const ANNOUNCE_PAUSE = 900; // ms before the live region announces the count

/** Turns the header's search input into a live search with a results panel. */
export function setupHeader(input, loader, root) {
  const form = input.form;
  if (!form) return;
  const panel = el('div', 'wm-search__panel');
  panel.id = 'wm-search-panel';
  panel.hidden = true;
  const live = visuallyHidden(el('p', 'wm-search__live'));
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  form.after(panel, live);
  let timer = 0;
  let announceTimer = 0;
  let seq = 0;

  const open = () => { panel.hidden = false; };
  const close = () => { panel.hidden = true; };
  const say = (text) => {
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => { live.textContent = text; }, ANNOUNCE_PAUSE);
  };
  const message = (text) => {
    clear(panel);
    panel.appendChild(el('p', 'wm-search__message', text));
    open();
  };

  /** Fills the panel with the results: the answer card, the list, and a link to all of them. */
  function showResults(r, query) {
    clear(panel);
    if (r.answer) panel.appendChild(answerCard(r.answer, root));
    const items = listed(r);
    if (items.length) {
      const list = el('ol', 'wm-search-results');
      list.append(...items.map((x) => resultItem(x, root)));
      panel.appendChild(list);
    } else if (!r.answer) {
      panel.appendChild(el('p', 'wm-search__message', countText(0, query) + NO_RESULTS_HINT));
    }
    if (r.total > r.results.length) {
      const more = el('p', 'wm-search__all');
      const link = el('a', null, 'See all ' + r.total + ' results');
      link.href = root + 'search.html?q=' + encodeURIComponent(query.trim());
      more.appendChild(link);
      panel.appendChild(more);
    }
    open();
    say(countText(r.total, query));
  }

  function update() {
    const query = input.value;
    const mine = ++seq;
    if (!query.trim()) {
      close();
      clear(panel);
      clearTimeout(announceTimer);
      return;
    }
    if (!loader.isReady()) message('Loading search\u2026');
    loader.run(query, { limit: HEADER_LIMIT }).then((r) => {
      if (mine === seq) showResults(r, query);
    }, () => {
      if (mine !== seq) return;
      message(FAILED);
      live.textContent = FAILED;
    });
  }

  input.addEventListener('focus', () => loader.ready().catch(() => {}));
  input.addEventListener('input', () => {
    clearTimeout(timer);
    clearTimeout(announceTimer);
    timer = setTimeout(update, TYPING_PAUSE);
  });
  const escape = (e) => {
    if ((e.key === 'Escape' || e.key === 'Esc') && !panel.hidden) {
      e.preventDefault();
      close();
      input.focus();
    }
  };
  input.addEventListener('keydown', escape);
  panel.addEventListener('keydown', escape);
  // Close when focus or a click moves away from the box and its panel.
  const away = (target) => target && !form.contains(target) && !panel.contains(target);
  form.addEventListener('focusout', (e) => { if (away(e.relatedTarget)) close(); });
  panel.addEventListener('focusout', (e) => { if (away(e.relatedTarget)) close(); });
  document.addEventListener('click', (e) => { if (away(e.target)) close(); });
}
