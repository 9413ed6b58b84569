/*
 * The pieces of the results both search boxes show: a result, the
 * definition card, the count. Built with DOM calls only (never HTML
 * strings), so nothing in a page's text can become markup.
 */

export const FAILED = 'Search could not be loaded. Check your connection, then reload the page to try again.';
export const NO_RESULTS_HINT = '. Try fewer words or check the spelling.';

/** A new element with a class and text, each optional. */
export function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A result as a list item: the link, the kind of page and the snippet with its marked words. */
export function resultItem(r, root) {
  const li = el('li', 'wm-search-result');
  const a = el('a', 'wm-search-result__link', r.section ? r.title + ': ' + r.section : r.title);
  a.href = root + r.url;
  li.append(a, ' ', el('span', 'wm-search-result__kind', r.kind));
  if (r.snippetParts.length) {
    const p = el('p', 'wm-search-result__snippet');
    p.append(...r.snippetParts.map((part) => (part.mark ? el('mark', null, part.text) : part.text)));
    li.appendChild(p);
  }
  return li;
}

/** The card for the definition a query names: its term (and abbreviation) linked, and its summary. */
export function answerCard(ans, root) {
  const box = el('div', 'wm-search-answer');
  const term = el('p', 'wm-search-answer__term');
  const a = el('a', null, ans.term);
  a.href = root + ans.url;
  term.appendChild(a);
  if (ans.abbreviation) {
    const abbr = el('abbr', 'wm-search-answer__abbr', ans.abbreviation);
    abbr.title = ans.term;
    term.append(' (', abbr, ')');
  }
  box.append(el('p', 'wm-search-answer__label', 'Definition'), term);
  if (ans.summary) box.appendChild(el('p', 'wm-search-answer__summary', ans.summary));
  return box;
}

/** The results to list: the answer card already shows its definition's opening. */
export function listed(r) {
  return r.answer ? r.results.filter((x) => x.url !== r.answer.url) : r.results;
}

/** "3 results for 'neglect'". */
export function countText(n, query) {
  const count = n === 0 ? 'No results' : n === 1 ? '1 result' : n + ' results';
  return `${count} for '${query.trim()}'`;
}

/** Removes every child of node. */
export function clear(node) {
  node.replaceChildren();
}

/** Hides node from view but not from screen readers. */
export function visuallyHidden(node) {
  Object.assign(node.style, {
    position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: '0',
    overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: '0',
  });
  return node;
}
