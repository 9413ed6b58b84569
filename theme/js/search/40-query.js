/*
 * Reading a query: question framing left out ("what is", "define",
 * "... stand for"), then units to score: a glossary concept (a multi-word
 * term is one unit) or a word, each with weighted candidate terms of the
 * vocabulary: its exact stem, the terms a word still being typed begins, or
 * the nearest spellings of a misspelt word.
 */

import { words } from './20-words.js';
import { stem } from './25-stem.js';
import { editDistance, allowedEdits } from './30-typos.js';

const LEAD = [
  ['what', 'is', 'meant', 'by'], ['what', 'is', 'the', 'meaning', 'of'], ['what', 'is', 'a'],
  ['what', 'is', 'an'], ['what', 'is'], ['what', 'are'], ['whats', 'a'], ['whats', 'an'], ['whats'],
  ['what', 'does'], ['what', 'do'], ['what', 'happens', 'at'], ['what', 'happens', 'in'],
  ['what', 'happens', 'during'], ['what', 'happens'], ['who', 'is'], ['who', 'are'], ['how', 'do', 'i'], ['how', 'to'],
  ['tell', 'me', 'about'], ['definition', 'of'], ['define'], ['meaning', 'of'], ['explain'],
  ['a'], ['an'], ['the'],
];
const TRAIL = [['stand', 'for'], ['stands', 'for'], ['mean'], ['means'], ['meaning'], ['definition']];

/** A query ending like this may still be being typed (no space or punctuation after its last word). */
const TYPING_END = /[^\s.,;:!?)"']$/;

/** Weights of a unit's candidate terms, by how they match the typed word. */
const EXACT = 1;
const CONCEPT_NEAR = 0.7; // a glossary name with a misspelt or unfinished word
const ONE_EDIT = 0.6;
const TWO_EDITS = 0.4;
const prefixWeight = (typed, term) => 0.55 + 0.35 * typed.length / term.length;

/** True if the last word of query may still be being typed (opts.prefix: false says it is finished). */
export function isTyping(query, opts = {}) {
  return opts.prefix !== false && TYPING_END.test(query);
}

function startsWithWords(ws, p) {
  return p.every((w, i) => ws[i] === w);
}

/** Removes question framing ("what is", "define", "... stand for") from a word list. */
export function stripQuestion(ws) {
  let out = ws.slice();
  for (let changed = true; changed && out.length;) {
    const lead = LEAD.find((p) => p.length < out.length && startsWithWords(out, p));
    changed = lead !== undefined;
    if (changed) out = out.slice(lead.length);
  }
  const trail = TRAIL.find((p) => p.length < out.length && startsWithWords(out.slice(out.length - p.length), p));
  return trail ? out.slice(0, out.length - trail.length) : out;
}

/**
 * Splits a query into units: {concept (its id, or -1 for a word), words,
 * cands: [[termIndex, weight], ...]}.
 */
export function analyze(index, query, opts = {}) {
  const all = words(query);
  const stripped = stripQuestion(all);
  const partial = isTyping(query, opts);
  const items = [];
  stripped.forEach((w, i) => {
    if (!index.stop.has(w)) items.push(queryWord(index, w, partial && i === stripped.length - 1));
  });
  const units = [];
  for (let i = 0; i < items.length;) {
    const unit = conceptAt(index, items, i) || wordUnit(index, items[i]);
    units.push(unit);
    i += unit.words.length;
  }
  return { words: all, stripped, units, partial };
}

/**
 * A query word with its stem, whether the vocabulary has it, and the terms it
 * may stand for: those it begins while being typed, or else, when it is not
 * in the vocabulary, its nearest spellings. `best` is the likeliest term.
 */
function queryWord(index, word, typing) {
  const wordStem = stem(word);
  const item = {
    word,
    stem: wordStem,
    exact: index.termIndex.has(wordStem) || index.synonyms.stems.has(wordStem),
    best: wordStem,
    prefix: typing && word.length >= 2 ? prefixed(index.terms, word) : [],
    fuzzy: [],
  };
  if (!item.exact && !item.prefix.length) {
    item.fuzzy = fuzzy(index, word, wordStem);
    if (item.fuzzy.length) item.best = index.terms[item.fuzzy[0][0]];
  }
  return item;
}

/** The longest run of query words from i that names a glossary concept, as a unit; or null. */
function conceptAt(index, items, i) {
  for (let len = Math.min(index.synonyms.longest, items.length - i); len >= 1; len--) {
    const run = items.slice(i, i + len);
    const concept = index.synonyms.byStems.get(run.map((x) => x.best).join(' '));
    if (concept === undefined) continue;
    const token = index.termIndex.get('~' + concept);
    const weight = run.every((x) => x.exact) ? EXACT : CONCEPT_NEAR;
    return { concept, words: run.map((x) => x.word), cands: token === undefined ? [] : [[token, weight]] };
  }
  return null;
}

/** A unit of one word: its exact stem, the terms it begins, its nearest spellings. */
function wordUnit(index, item) {
  const cands = [];
  const exact = index.termIndex.get(item.stem);
  if (exact !== undefined) cands.push([exact, EXACT]);
  for (const t of item.prefix) if (t !== exact) cands.push([t, prefixWeight(item.word, index.terms[t])]);
  for (const [t, edits] of item.fuzzy) cands.push([t, edits === 1 ? ONE_EDIT : TWO_EDITS]);
  return { concept: -1, words: [item.word], cands };
}

/** Nearest vocabulary terms to a misspelt word, among those with its first letter: [[termIndex, edits], ...]. */
function fuzzy(index, word, wordStem) {
  const max = allowedEdits(word);
  const bucket = max && index.buckets.get(word[0]);
  if (!bucket) return [];
  const { terms } = index;
  const found = [];
  for (let i = bucket[0]; i < bucket[1]; i++) {
    const t = terms[i];
    if (Math.abs(t.length - wordStem.length) > max && Math.abs(t.length - word.length) > max) continue;
    let d = editDistance(word, t, max);
    if (d > 0 && wordStem !== word) d = Math.min(d, editDistance(wordStem, t, max));
    if (d <= max) found.push([i, d]);
  }
  if (!found.length) return [];
  found.sort((a, b) => a[1] - b[1] || terms[a[0]].length - terms[b[0]].length || a[0] - b[0]);
  const fewest = found[0][1];
  return found.filter((f) => f[1] === fewest).slice(0, 4);
}

/** Vocabulary terms that start with a partly typed word, shortest first (at most 30). */
function prefixed(terms, word) {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid] < word) lo = mid + 1;
    else hi = mid;
  }
  const out = [];
  for (let i = lo; i < terms.length && terms[i].startsWith(word); i++) {
    if (terms[i].length > word.length) out.push(i);
  }
  out.sort((a, b) => terms[a].length - terms[b].length || a - b);
  return out.slice(0, 30);
}
