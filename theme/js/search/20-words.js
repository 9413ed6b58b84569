/*
 * Splitting text into words, by the same rules as tokenize.rs
 * `for_each_word`, so query words meet the index's words.
 */

const MAX_WORD_CHARS = 40;
const WORD_CHAR = /[\p{Alphabetic}\p{N}]/u;

function isWordChar(ch) {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD_CHAR.test(ch);
}

/** The character at i of text: two UTF-16 units for a surrogate pair. */
function charAt(text, i) {
  const c = text.charCodeAt(i);
  return text.slice(i, c >= 0xd800 && c <= 0xdbff ? i + 2 : i + 1);
}

/**
 * Calls fn(lowercaseWord, start, end) for each word of text; start/end are
 * UTF-16 offsets into text. An apostrophe between word characters joins.
 */
export function scanWords(text, fn) {
  let word = '';
  let count = 0;
  let start = -1;
  const n = text.length;
  for (let i = 0; i <= n;) {
    const ch = i < n ? charAt(text, i) : '';
    if (ch && isWordChar(ch)) {
      if (count === 0) start = i;
      word += ch;
      count++;
    } else if (count > 0 && (ch === "'" || ch === '\u2019') && i + 1 < n && isWordChar(charAt(text, i + 1))) {
      // an apostrophe inside a word joins its two halves
    } else if (count > 0) {
      if (count <= MAX_WORD_CHARS) fn(word.toLowerCase(), start, i);
      word = '';
      count = 0;
    }
    i += ch.length || 1;
  }
}

/** Lowercased words of text, stop words included. */
export function words(text) {
  const out = [];
  scanWords(text, (w) => out.push(w));
  return out;
}
