/*
 * Marking the words a query matched in a result's snippet: words with a
 * matched stem, and whole runs that spell a matched glossary concept.
 */

import { scanWords } from './20-words.js';
import { stem } from './25-stem.js';

/** Highlights the words units matched: returns text => [{text, mark}, ...]. */
export function highlighter(index, units) {
  const stems = new Set();
  let phrases = [];
  for (const u of units) {
    if (u.concept >= 0) phrases = phrases.concat(index.synonyms.variants[u.concept] || []);
    else for (const [t] of u.cands) stems.add(index.terms[t]);
  }
  const firsts = new Set();
  stems.forEach((t) => firsts.add(t[0]));
  phrases.forEach((ph) => ph.forEach((t) => firsts.add(t[0])));
  return (text) => {
    const marked = new Uint8Array(text.length);
    const content = contentWords(text, index.stop, firsts);
    content.forEach((t, i) => {
      if (stems.has(t.stem)) marked.fill(1, t.start, t.end);
      for (const ph of phrases) {
        if (spells(content, i, ph)) marked.fill(1, t.start, content[i + ph.length - 1].end);
      }
    });
    return splitByMark(text, marked);
  };
}

/**
 * The words of text that are not stop words, as {start, end, stem}. A stem
 * starts with its word's first letter, so a word whose first letter no
 * matched stem has is not stemmed (its stem is '').
 */
function contentWords(text, stop, firsts) {
  const out = [];
  scanWords(text, (w, start, end) => {
    if (!stop.has(w)) out.push({ start, end, stem: firsts.has(w[0]) ? stem(w) : '' });
  });
  return out;
}

/** True if the words from i on have the stems of phrase. */
function spells(content, i, phrase) {
  if (i + phrase.length > content.length) return false;
  for (let j = 0; j < phrase.length; j++) if (content[i + j].stem !== phrase[j]) return false;
  return true;
}

/** Text cut into runs of marked and unmarked characters: [{text, mark}, ...]. */
function splitByMark(text, marked) {
  const parts = [];
  let from = 0;
  for (let k = 1; k <= text.length; k++) {
    if (k === text.length || marked[k] !== marked[from]) {
      parts.push({ text: text.slice(from, k), mark: marked[from] === 1 });
      from = k;
    }
  }
  return parts;
}
