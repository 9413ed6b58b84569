/*
 * The index's core, decoded once into the tables a search reads: the
 * vocabulary, each section's and page's numbers, the glossary and its
 * synonyms.
 */

import { decodeNumbers, frontDecode } from './10-decode.js';
import { words } from './20-words.js';
import { stem } from './25-stem.js';

/**
 * The decoded core of a store {core, p: [...], x: [...]} (see collect()).
 * Shards added to store.p and store.x later are read from the store itself.
 */
export function openIndex(store) {
  const { core } = store;
  const terms = frontDecode(core.vocab);
  const stop = new Set(core.stop ? core.stop.split(' ') : []);
  return {
    store,
    core,
    /** The sorted vocabulary: stems, and ~N for concept N. */
    terms,
    termIndex: indexOfTerms(terms),
    buckets: bucketsByFirstCharacter(terms),
    stop,
    sections: readSections(core),
    pages: readPages(core),
    glossary: readGlossary(core.gloss, stop),
    synonyms: readSynonyms(core.syn),
  };
}

/** Stems of words, stop words left out. */
export function stemsOf(ws, stop) {
  return ws.filter((w) => !stop.has(w)).map(stem);
}

/** True for a concept token (~N) of the vocabulary. */
export function isConceptTerm(term) {
  return term.charCodeAt(0) === 126; // '~'
}

/** Term -> its index in the vocabulary. */
function indexOfTerms(terms) {
  const index = new Map();
  for (let i = 0; i < terms.length; i++) index.set(terms[i], i);
  return index;
}

/** First character -> [start, end) of the terms that begin with it in the sorted vocabulary. */
function bucketsByFirstCharacter(terms) {
  const buckets = new Map();
  terms.forEach((t, i) => {
    const bucket = buckets.get(t[0]);
    if (bucket) bucket[1] = i + 1;
    else buckets.set(t[0], [i, i + 1]);
  });
  return buckets;
}

/**
 * Per section: its body length in words, its heading's (-1 for a page's
 * opening part, which has none) and its kind of page; and the average body
 * length, for BM25.
 */
function readSections(core) {
  const n = core.n;
  const nums = decodeNumbers(core.docs);
  const bodyLen = new Float64Array(n);
  const headLen = new Int32Array(n);
  const kind = new Int32Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    bodyLen[i] = nums[3 * i];
    headLen[i] = nums[3 * i + 1] - 1;
    kind[i] = nums[3 * i + 2];
    total += bodyLen[i];
  }
  return { count: n, bodyLen, headLen, kind, avgLen: n ? Math.max(1, total / n) : 1 };
}

/** Per page: its first section and its title's length; per section: its page. */
function readPages(core) {
  const nums = decodeNumbers(core.pages);
  const first = new Int32Array(core.np);
  const titleLen = new Int32Array(core.np);
  const ofSection = new Int32Array(core.n);
  let section = 0;
  for (let i = 0; i < core.np; i++) {
    first[i] = section;
    titleLen[i] = nums[2 * i + 1];
    for (let s = 0; s < nums[2 * i]; s++) ofSection[section++] = i;
  }
  return { first, titleLen, ofSection };
}

/** Glossary entries with each name (term, abbreviation, aliases) split into words and stems. */
function readGlossary(entries, stop) {
  return entries.map(([term, abbreviation, aliases, summary, url, doc]) => ({
    term,
    abbreviation: abbreviation || null,
    summary,
    url,
    doc,
    names: [term, ...(abbreviation ? [abbreviation] : []), ...aliases].map((name) => {
      const ws = words(name);
      const allCaps = /[A-Z]/.test(name) && !/[a-z]/.test(name);
      return { words: ws, text: ws.join(' '), stems: stemsOf(ws, stop), abbr: allCaps };
    }),
  }));
}

/**
 * The glossary's synonyms: which concept a run of stems names
 * ("grade care profil" -> 3), every stem in any of them, each concept's
 * variants, and the most words in one.
 */
function readSynonyms(pairs) {
  const byStems = new Map();
  const stems = new Set();
  const variants = [];
  let longest = 1;
  for (const [concept, text] of pairs) {
    const parts = text.split(' ');
    if (!byStems.has(text)) byStems.set(text, concept);
    parts.forEach((p) => stems.add(p));
    longest = Math.max(longest, parts.length);
    (variants[concept] = variants[concept] || []).push(parts);
  }
  return { byStems, stems, variants, longest };
}
