/*
 * Reading the index files. The Rust `search` module writes them; each one
 * registers itself with
 *   (self.waymarkSearchData = self.waymarkSearchData || []).push({...})
 * and the browser loads them with <script src> (fetch fails from file://):
 *   search/index.js   core: vocabulary, numbers per page and section, glossary
 *   search/p<K>-*.js  postings for a run of the sorted vocabulary
 *   search/x<K>-*.js  URL, titles and snippet text for a run of sections
 */

// Numbers are written in a base-92 digit alphabet (mirror of encode.rs): a
// digit below TERMINAL ends a number, the others carry its higher places.
const ALPHABET = "!#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";
const TERMINAL = 64;
const CONTINUATION = 28;
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;

/** Decodes a digit string into an Int32Array of the numbers it holds. */
export function decodeNumbers(s) {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const d = DIGIT[s.charCodeAt(i)];
    if (d < 0) throw new Error('bad digit in search index');
    if (d < TERMINAL) count++;
  }
  const out = new Int32Array(count);
  let acc = 0;
  let j = 0;
  for (let i = 0; i < s.length; i++) {
    const d = DIGIT[s.charCodeAt(i)];
    if (d >= TERMINAL) acc = acc * CONTINUATION + d - TERMINAL + 1;
    else {
      out[j++] = acc * TERMINAL + d;
      acc = 0;
    }
  }
  return out;
}

/**
 * The front-coded vocabulary (encode.rs `front_code`) as an array: each term
 * is a digit (letters shared with the term before) and the rest of the term,
 * ended by a space.
 */
export function frontDecode(s) {
  const out = [];
  let prev = '';
  let i = 0;
  while (i < s.length) {
    const shared = DIGIT[s.charCodeAt(i)];
    const end = s.indexOf(' ', i + 1);
    const term = prev.slice(0, shared) + s.slice(i + 1, end);
    out.push(term);
    prev = term;
    i = end + 1;
  }
  return out;
}

/** Adds pushed index objects to a store {core, p: [], x: []} (made if absent). */
export function collect(items, store = { core: null, p: [], x: [] }) {
  for (const o of items) {
    if (o.t === 'core') store.core = o;
    else if (o.t === 'p') store.p[o.i] = o;
    else if (o.t === 'x') store.x[o.i] = o;
  }
  return store;
}

/** The entry of a shard table ([[first index, file], ...], sorted) that holds index. */
export function shardOf(table, index) {
  let lo = 0;
  let hi = table.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (table[mid][0] <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
