/*
 * The definition answer: the glossary entry a query names, shown as a card
 * above the results with its short definition, and whose page leads them.
 */

import { stem } from './25-stem.js';
import { editDistance, allowedEdits } from './30-typos.js';
import { stemsOf } from './35-index.js';

// How well a query matches one of an entry's names; the best match wins.
const SAME_WORDS = 3;
const PLURAL = 2.5;
const SAME_STEMS = 2;
const NEAR_SPELLING = 1.5; // less 0.1 for each edit

/**
 * The glossary entry a (question-stripped) query names, if any: a name,
 * its plural, the same stems or a near spelling; failing those, the
 * leading words of one entry's names only ("section 47" for "Section 47
 * enquiry"), at least half of them. While typing, the last word may be
 * the start (4 letters or more) of the name's word.
 */
export function findAnswer(index, ws, typing) {
  if (!ws.length || ws.length > 8) return null;
  const query = { words: ws, text: ws.join(' '), stems: stemsOf(ws, index.stop).join(' ') };
  let best = null;
  let bestScore = 0;
  let begun = null; // the one entry whose name the query begins; false for several
  for (const entry of index.glossary) {
    for (const name of entry.names) {
      if (!name.abbr && begins(ws, name.words, typing)) begun = begun === null || begun === entry ? entry : false;
      const score = nameScore(name, query);
      if (score > bestScore) {
        bestScore = score;
        best = entry;
      }
    }
  }
  if (!best && begun) best = begun;
  return best && {
    term: best.term, abbreviation: best.abbreviation, summary: best.summary, url: best.url, doc: best.doc,
  };
}

/** How well query matches a glossary name: 0 for not at all. Abbreviations match only as written. */
function nameScore(name, query) {
  if (name.text === query.text) return SAME_WORDS;
  if (name.text + 's' === query.text || name.text + 'es' === query.text) return PLURAL;
  if (name.abbr) return 0;
  if (query.stems && query.stems === name.stems.join(' ')) return SAME_STEMS;
  if (name.words.length !== query.words.length) return 0;
  const edits = spellingDistance(query.words, name.words);
  return edits > 0 ? NEAR_SPELLING - 0.1 * edits : 0;
}

/**
 * Edits between typed words and a name's words of the same number, each
 * word within its allowance (by its spelling or its stem); -1 if one is not.
 */
function spellingDistance(typed, name) {
  let total = 0;
  for (let i = 0; i < typed.length; i++) {
    const a = typed[i];
    const b = name[i];
    if (a === b) continue;
    const max = allowedEdits(b);
    const d = Math.min(editDistance(a, b, max), editDistance(stem(a), stem(b), max));
    if (d > max) return -1;
    total += d;
  }
  return total;
}

/** True if ws are the leading words of name, at least half of them. */
function begins(ws, name, typing) {
  const n = ws.length;
  if (n > name.length || n * 2 < name.length) return false;
  for (let i = 0; i < n - 1; i++) if (ws[i] !== name[i]) return false;
  const last = ws[n - 1];
  if (last === name[n - 1]) return n < name.length;
  return typing && last.length >= 4 && name[n - 1].startsWith(last);
}
