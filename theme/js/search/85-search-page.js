/*
 * search.html: results for ?q=, updated as the query is edited, with a
 * "Show more results" button.
 */

import { el, resultItem, answerCard, listed, countText, clear, FAILED, NO_RESULTS_HINT } from './75-dom.js';
import { TYPING_PAUSE, ANNOUNCE_PAUSE } from './80-header-box.js';

const PAGE_STEP = 20;

/** The q parameter of a query string ("?q=a+b" -> "a b"). */
export function readQuery(search) {
  const m = /[?&]q=([^&#]*)/.exec(search || '');
  if (!m) return '';
  const raw = m[1].replace(/\+/g, ' ');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Runs search.html's box and lists its results, starting with the query in the address. */
export function setupPage(loader, root) {
  const input = document.getElementById('wm-search-page-input');
  const status = document.getElementById('wm-search-status');
  const answerEl = document.getElementById('wm-search-answer');
  const list = document.getElementById('wm-search-results');
  if (!input || !status || !list) return;
  const moreBtn = el('button', 'wm-search-more', 'Show more results');
  moreBtn.type = 'button';
  moreBtn.hidden = true;
  list.after(moreBtn);
  let limit = PAGE_STEP;
  let seq = 0;
  let timer = 0;
  let announceTimer = 0;

  /** Shows the results; the count is read out now or once typing pauses; focusFrom: the result to focus. */
  function showResults(r, query, announceNow, focusFrom) {
    if (answerEl) {
      clear(answerEl);
      if (r.answer) answerEl.appendChild(answerCard(r.answer, root));
    }
    list.replaceChildren(...listed(r).map((x) => resultItem(x, root)));
    moreBtn.hidden = r.total <= r.results.length;
    const text = countText(r.total, query) + (r.total ? '' : NO_RESULTS_HINT);
    if (announceNow) status.textContent = text;
    else announceTimer = setTimeout(() => { status.textContent = text; }, ANNOUNCE_PAUSE);
    const link = focusFrom !== undefined && list.children[focusFrom] && list.children[focusFrom].querySelector('a');
    if (link) link.focus();
  }

  function show(query, announceNow, focusFrom) {
    const mine = ++seq;
    clearTimeout(announceTimer);
    if (!query.trim()) {
      clear(list);
      if (answerEl) clear(answerEl);
      moreBtn.hidden = true;
      status.textContent = '';
      return;
    }
    if (!loader.isReady()) status.textContent = 'Loading search\u2026';
    loader.run(query, { limit }).then((r) => {
      if (mine === seq) showResults(r, query, announceNow, focusFrom);
    }, () => {
      if (mine === seq) status.textContent = FAILED;
    });
  }

  const setUrl = (query) => {
    try {
      history.replaceState(null, '', '?q=' + encodeURIComponent(query.trim()));
    } catch {
      // some browsers refuse on file://
    }
  };

  const q = readQuery(location.search);
  if (q) {
    input.value = q;
    show(q, true);
  }
  input.addEventListener('focus', () => loader.ready().catch(() => {}));
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      limit = PAGE_STEP;
      show(input.value, false);
    }, TYPING_PAUSE);
  });
  if (input.form) {
    input.form.addEventListener('submit', (e) => {
      e.preventDefault();
      clearTimeout(timer);
      limit = PAGE_STEP;
      setUrl(input.value);
      show(input.value, true);
    });
  }
  moreBtn.addEventListener('click', () => {
    const from = list.children.length;
    limit += PAGE_STEP;
    show(input.value, true, from);
  });
}
