/*
 * The English Snowball (Porter2) stemmer, as in the Rust `rust-stemmers`
 * crate, so query words meet the index's stems ("neglected" and "neglect"
 * are both "neglect").
 */

const EXCEPTIONS1 = new Map(Object.entries({
  skis: 'ski', skies: 'sky', dying: 'die', lying: 'lie', tying: 'tie',
  idly: 'idl', gently: 'gentl', ugly: 'ugli', early: 'earli', only: 'onli', singly: 'singl',
  sky: 'sky', news: 'news', howe: 'howe', atlas: 'atlas', cosmos: 'cosmos', bias: 'bias', andes: 'andes',
}));
const EXCEPTIONS2 = new Set(['inning', 'outing', 'canning', 'herring', 'earring', 'proceed', 'exceed', 'succeed']);
const STEP1B = ['eedly', 'ingly', 'edly', 'eed', 'ing', 'ed'];
const STEP2 = [
  ['ization', 'ize'], ['ational', 'ate'], ['fulness', 'ful'], ['ousness', 'ous'], ['iveness', 'ive'],
  ['tional', 'tion'], ['biliti', 'ble'], ['lessli', 'less'], ['entli', 'ent'], ['ation', 'ate'],
  ['alism', 'al'], ['aliti', 'al'], ['ousli', 'ous'], ['iviti', 'ive'], ['fulli', 'ful'],
  ['enci', 'ence'], ['anci', 'ance'], ['abli', 'able'], ['izer', 'ize'], ['ator', 'ate'],
  ['alli', 'al'], ['bli', 'ble'], ['ogi', 'og'], ['li', ''],
];
const STEP3 = [
  ['ational', 'ate'], ['tional', 'tion'], ['alize', 'al'], ['icate', 'ic'], ['iciti', 'ic'],
  ['ative', ''], ['ical', 'ic'], ['ness', ''], ['ful', ''],
];
const STEP4 = [
  'ement', 'ance', 'ence', 'able', 'ible', 'ment', 'ant', 'ent', 'ism', 'ate', 'iti', 'ous',
  'ive', 'ize', 'ion', 'al', 'er', 'ic',
];

const isVowel = (c) => c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y';

/** A short syllable ends w (Porter2's definition). */
function shortSyllable(w) {
  const n = w.length;
  if (n >= 3 && !isVowel(w[n - 1]) && w[n - 1] !== 'w' && w[n - 1] !== 'x' && w[n - 1] !== 'Y' &&
      isVowel(w[n - 2]) && !isVowel(w[n - 3])) return true;
  return n === 2 && isVowel(w[0]) && !isVowel(w[1]);
}

/** True if a vowel is among the first `end` letters of w. */
function hasVowel(w, end) {
  for (let i = 0; i < end; i++) if (isVowel(w[i])) return true;
  return false;
}

/** The longest of suffixes that ends w, or ''. */
function longest(w, suffixes) {
  let best = '';
  for (const s of suffixes) if (s.length > best.length && w.endsWith(s)) best = s;
  return best;
}

/** The rule [suffix, replacement] with the longest suffix that ends w, or null. */
function longestRule(w, rules) {
  let best = null;
  for (const r of rules) if ((!best || r[0].length > best[0].length) && w.endsWith(r[0])) best = r;
  return best;
}

const stemMemo = new Map();

/** Stem of a lowercased word (memoised: snippets repeat words). */
export function stem(word) {
  let s = stemMemo.get(word);
  if (s === undefined) {
    if (stemMemo.size > 20000) stemMemo.clear();
    s = porter2(word);
    stemMemo.set(word, s);
  }
  return s;
}

function porter2(word) {
  if (EXCEPTIONS1.has(word)) return EXCEPTIONS1.get(word);
  if (word.length < 3) return word;
  let w = markConsonantY(word[0] === "'" ? word.slice(1) : word);
  const [p1, p2] = regions(w);
  w = step1a(w);
  if (EXCEPTIONS2.has(w)) return w;
  w = step1b(w, p1);
  w = step1c(w);
  w = step2(w, p1);
  w = step3(w, p1, p2);
  w = step4(w, p2);
  w = step5(w, p1, p2);
  return w.includes('Y') ? w.replace(/Y/g, 'y') : w;
}

/** Prelude: a y that acts as a consonant becomes Y. */
function markConsonantY(w) {
  if (!w.includes('y')) return w;
  const chars = w.split('');
  if (chars[0] === 'y') chars[0] = 'Y';
  for (let i = 1; i < chars.length; i++) {
    if (chars[i] === 'y' && isVowel(chars[i - 1])) chars[i] = 'Y';
  }
  return chars.join('');
}

/** Where the regions R1 and R2 start (w.length if empty). */
function regions(w) {
  const n = w.length;
  const after = (from) => {
    let k = from;
    while (k < n && !isVowel(w[k])) k++;
    while (k < n && isVowel(w[k])) k++;
    return k < n ? k + 1 : n;
  };
  let p1;
  if (w.startsWith('gener') || w.startsWith('arsen')) p1 = 5;
  else if (w.startsWith('commun')) p1 = 6;
  else p1 = after(0);
  const p2 = p1 < n ? after(p1) : n;
  return [p1, p2];
}

function step1a(word) {
  let w = word;
  if (w.endsWith("'s'")) w = w.slice(0, -3);
  else if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ied') || w.endsWith('ies')) return w.slice(0, -3) + (w.length > 4 ? 'i' : 'ie');
  if (w.endsWith('us') || w.endsWith('ss')) return w;
  if (w.endsWith('s') && w.length >= 2 && hasVowel(w, w.length - 2)) return w.slice(0, -1);
  return w;
}

function step1b(w, p1) {
  const suffix = longest(w, STEP1B);
  if (suffix === 'eed' || suffix === 'eedly') {
    return w.length - suffix.length >= p1 ? w.slice(0, -suffix.length) + 'ee' : w;
  }
  if (!suffix || !hasVowel(w, w.length - suffix.length)) return w;
  const v = w.slice(0, -suffix.length);
  if (v.endsWith('at') || v.endsWith('bl') || v.endsWith('iz')) return v + 'e';
  if (/(bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(v)) return v.slice(0, -1);
  if (v.length === p1 && shortSyllable(v)) return v + 'e';
  return v;
}

function step1c(w) {
  const n = w.length;
  return n > 2 && (w[n - 1] === 'y' || w[n - 1] === 'Y') && !isVowel(w[n - 2]) ? w.slice(0, -1) + 'i' : w;
}

function step2(w, p1) {
  const rule = longestRule(w, STEP2);
  if (!rule || w.length - rule[0].length < p1) return w;
  const before = w[w.length - rule[0].length - 1];
  if (rule[0] === 'ogi') return before === 'l' ? w.slice(0, -3) + 'og' : w;
  if (rule[0] === 'li') return before && 'cdeghkmnrt'.includes(before) ? w.slice(0, -2) : w;
  return w.slice(0, -rule[0].length) + rule[1];
}

function step3(w, p1, p2) {
  const rule = longestRule(w, STEP3);
  if (!rule || w.length - rule[0].length < p1) return w;
  if (rule[0] === 'ative') return w.length - 5 >= p2 ? w.slice(0, -5) : w;
  return w.slice(0, -rule[0].length) + rule[1];
}

function step4(w, p2) {
  const suffix = longest(w, STEP4);
  if (!suffix || w.length - suffix.length < p2) return w;
  if (suffix !== 'ion') return w.slice(0, -suffix.length);
  const before = w[w.length - 4];
  return before === 's' || before === 't' ? w.slice(0, -3) : w;
}

function step5(w, p1, p2) {
  const n = w.length;
  if (w[n - 1] === 'e') {
    return n - 1 >= p2 || (n - 1 >= p1 && !shortSyllable(w.slice(0, -1))) ? w.slice(0, -1) : w;
  }
  if (w[n - 1] === 'l') return n - 1 >= p2 && w[n - 2] === 'l' ? w.slice(0, -1) : w;
  return w;
}
