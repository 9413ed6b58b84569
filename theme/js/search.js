/*
 * waymark site search client.
 *
 * Plain ES2017, no dependencies, no modules: it runs from file:// through a
 * classic <script> tag, and loads in Node for tests (see the exports at the
 * end). The index is built by the Rust `search` module; its files register
 * themselves with
 *   (self.waymarkSearchData = self.waymarkSearchData || []).push({...})
 * and are loaded lazily with <script src> (fetch/XHR fail from file://):
 *   search/index.js   core: vocabulary, numbers per page and section, glossary
 *   search/p<K>-*.js  postings for a run of the sorted vocabulary
 *   search/x<K>-*.js  URL, titles and snippet text for a run of sections
 * A query loads the core once, then only the postings shards holding its
 * terms and the text shards of the results on screen.
 *
 * Nothing typed is stored or sent anywhere.
 */
(function () {
  'use strict';

  // ------------------------------------------------------------------
  // Number digits (mirror of encode.rs)
  // ------------------------------------------------------------------

  var ALPHABET = "!#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";
  var TERMINAL = 64;
  var CONTINUATION = 28;
  var DIGIT = new Int8Array(128).fill(-1);
  for (var di = 0; di < ALPHABET.length; di++) DIGIT[ALPHABET.charCodeAt(di)] = di;

  /** Decodes a whole digit string into an array of numbers. */
  function decodeNums(s) {
    var out = [];
    var acc = 0;
    for (var i = 0; i < s.length; i++) {
      var d = DIGIT[s.charCodeAt(i)];
      if (d < 0) throw new Error('bad digit in search index');
      if (d >= TERMINAL) acc = acc * CONTINUATION + (d - TERMINAL) + 1;
      else { out.push(acc * TERMINAL + d); acc = 0; }
    }
    return out;
  }

  /** Front-coded vocabulary (see encode.rs `front_code`) to an array. */
  function frontDecode(s) {
    var out = [];
    var prev = '';
    var i = 0;
    while (i < s.length) {
      var shared = DIGIT[s.charCodeAt(i)];
      var end = s.indexOf(' ', i + 1);
      var term = prev.slice(0, shared) + s.slice(i + 1, end);
      out.push(term);
      prev = term;
      i = end + 1;
    }
    return out;
  }

  // ------------------------------------------------------------------
  // Words (mirror of tokenize.rs `for_each_word`)
  // ------------------------------------------------------------------

  var MAX_WORD_CHARS = 40;
  var WORD_CHAR = (function () {
    try { return new RegExp('[\\p{Alphabetic}\\p{N}]', 'u'); } catch (e) { return null; }
  })();

  function isWordChar(ch) {
    var c = ch.charCodeAt(0);
    if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (WORD_CHAR) return WORD_CHAR.test(ch);
    return ch.toLowerCase() !== ch.toUpperCase();
  }

  /**
   * Calls fn(lowercaseWord, start, end) for each word of text; start/end are
   * UTF-16 offsets into text. An apostrophe between word characters joins.
   */
  function scanWords(text, fn) {
    var word = '';
    var count = 0;
    var start = -1;
    var i = 0;
    var n = text.length;
    while (i <= n) {
      var ch = '';
      var w = 1;
      if (i < n) {
        var c = text.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) w = 2;
        ch = text.substr(i, w);
      }
      if (ch && isWordChar(ch)) {
        if (count === 0) start = i;
        word += ch;
        count++;
      } else if (count > 0 && (ch === "'" || ch === '\u2019') && i + 1 < n && isWordChar(nextChar(text, i + 1))) {
        // apostrophe inside a word: joined
      } else if (count > 0) {
        if (count <= MAX_WORD_CHARS) fn(word.toLowerCase(), start, i);
        word = '';
        count = 0;
      }
      i += w;
    }
  }

  function nextChar(text, i) {
    var c = text.charCodeAt(i);
    return text.substr(i, c >= 0xd800 && c <= 0xdbff ? 2 : 1);
  }

  /** Lowercased words of text, stop words included. */
  function words(text) {
    var out = [];
    scanWords(text, function (w) { out.push(w); });
    return out;
  }

  // ------------------------------------------------------------------
  // English Snowball (Porter2) stemmer, as in the Rust `rust-stemmers`
  // crate, so query words meet the index's stems.
  // ------------------------------------------------------------------

  var EXCEPTIONS1 = {
    skis: 'ski', skies: 'sky', dying: 'die', lying: 'lie', tying: 'tie',
    idly: 'idl', gently: 'gentl', ugly: 'ugli', early: 'earli', only: 'onli', singly: 'singl',
    sky: 'sky', news: 'news', howe: 'howe', atlas: 'atlas', cosmos: 'cosmos', bias: 'bias', andes: 'andes'
  };
  var EXCEPTIONS2 = { inning: 1, outing: 1, canning: 1, herring: 1, earring: 1, proceed: 1, exceed: 1, succeed: 1 };
  var STEP2 = [
    ['ization', 'ize'], ['ational', 'ate'], ['fulness', 'ful'], ['ousness', 'ous'], ['iveness', 'ive'],
    ['tional', 'tion'], ['biliti', 'ble'], ['lessli', 'less'], ['entli', 'ent'], ['ation', 'ate'],
    ['alism', 'al'], ['aliti', 'al'], ['ousli', 'ous'], ['iviti', 'ive'], ['fulli', 'ful'],
    ['enci', 'ence'], ['anci', 'ance'], ['abli', 'able'], ['izer', 'ize'], ['ator', 'ate'],
    ['alli', 'al'], ['bli', 'ble'], ['ogi', 'og'], ['li', '']
  ];
  var STEP3 = [
    ['ational', 'ate'], ['tional', 'tion'], ['alize', 'al'], ['icate', 'ic'], ['iciti', 'ic'],
    ['ative', ''], ['ical', 'ic'], ['ness', ''], ['ful', '']
  ];
  var STEP4 = [
    'ement', 'ance', 'ence', 'able', 'ible', 'ment', 'ant', 'ent', 'ism', 'ate', 'iti', 'ous',
    'ive', 'ize', 'ion', 'al', 'er', 'ic'
  ];

  function isVowel(c) {
    return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y';
  }

  function endsWith(w, suffix) {
    return w.length >= suffix.length && w.slice(w.length - suffix.length) === suffix;
  }

  /** A short syllable ends w (Porter2's definition). */
  function shortSyllable(w) {
    var n = w.length;
    if (n >= 3 && !isVowel(w[n - 1]) && w[n - 1] !== 'w' && w[n - 1] !== 'x' && w[n - 1] !== 'Y' &&
        isVowel(w[n - 2]) && !isVowel(w[n - 3])) return true;
    return n === 2 && isVowel(w[0]) && !isVowel(w[1]);
  }

  function hasVowel(w, end) {
    for (var i = 0; i < end; i++) if (isVowel(w[i])) return true;
    return false;
  }

  var stemMemo = new Map();

  /** Stem of a lowercased word (memoised: snippets repeat words). */
  function stem(word) {
    var s = stemMemo.get(word);
    if (s === undefined) {
      if (stemMemo.size > 20000) stemMemo.clear();
      s = porter2(word);
      stemMemo.set(word, s);
    }
    return s;
  }

  function porter2(word) {
    if (Object.prototype.hasOwnProperty.call(EXCEPTIONS1, word)) return EXCEPTIONS1[word];
    if (word.length < 3) return word;
    var w = word;
    if (w[0] === "'") w = w.slice(1);
    // Prelude: y as a consonant becomes Y.
    if (w.indexOf('y') >= 0) {
      var chars = w.split('');
      if (chars[0] === 'y') chars[0] = 'Y';
      for (var i = 1; i < chars.length; i++) {
        if (chars[i] === 'y' && isVowel(chars[i - 1])) chars[i] = 'Y';
      }
      w = chars.join('');
    }
    // Regions.
    var n = w.length;
    var p1 = n;
    var p2 = n;
    var k;
    if (w.slice(0, 5) === 'gener' || w.slice(0, 5) === 'arsen') p1 = 5;
    else if (w.slice(0, 6) === 'commun') p1 = 6;
    else {
      k = 0;
      while (k < n && !isVowel(w[k])) k++;
      while (k < n && isVowel(w[k])) k++;
      if (k < n) p1 = k + 1;
    }
    if (p1 < n) {
      k = p1;
      while (k < n && !isVowel(w[k])) k++;
      while (k < n && isVowel(w[k])) k++;
      if (k < n) p2 = k + 1;
    }

    // Step 1a.
    if (endsWith(w, "'s'")) w = w.slice(0, -3);
    else if (endsWith(w, "'s")) w = w.slice(0, -2);
    else if (endsWith(w, "'")) w = w.slice(0, -1);
    if (endsWith(w, 'sses')) w = w.slice(0, -2);
    else if (endsWith(w, 'ied') || endsWith(w, 'ies')) w = w.slice(0, -3) + (w.length > 4 ? 'i' : 'ie');
    else if (endsWith(w, 'us') || endsWith(w, 'ss')) { /* unchanged */ }
    else if (endsWith(w, 's') && w.length >= 2 && hasVowel(w, w.length - 2)) w = w.slice(0, -1);

    if (EXCEPTIONS2[w] === 1) return w;

    // Step 1b.
    var suffix = longest(w, ['eedly', 'ingly', 'edly', 'eed', 'ing', 'ed']);
    if (suffix === 'eed' || suffix === 'eedly') {
      if (w.length - suffix.length >= p1) w = w.slice(0, -suffix.length) + 'ee';
    } else if (suffix && hasVowel(w, w.length - suffix.length)) {
      w = w.slice(0, -suffix.length);
      if (endsWith(w, 'at') || endsWith(w, 'bl') || endsWith(w, 'iz')) w += 'e';
      else if (/(bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(w)) w = w.slice(0, -1);
      else if (w.length === p1 && shortSyllable(w)) w += 'e';
    }

    // Step 1c.
    n = w.length;
    if (n > 2 && (w[n - 1] === 'y' || w[n - 1] === 'Y') && !isVowel(w[n - 2])) w = w.slice(0, -1) + 'i';

    // Step 2.
    var rule = longestRule(w, STEP2);
    if (rule && w.length - rule[0].length >= p1) {
      var before = w[w.length - rule[0].length - 1];
      if (rule[0] === 'ogi') {
        if (before === 'l') w = w.slice(0, -3) + 'og';
      } else if (rule[0] === 'li') {
        if (before && 'cdeghkmnrt'.indexOf(before) >= 0) w = w.slice(0, -2);
      } else {
        w = w.slice(0, -rule[0].length) + rule[1];
      }
    }

    // Step 3.
    rule = longestRule(w, STEP3);
    if (rule && w.length - rule[0].length >= p1) {
      if (rule[0] === 'ative') {
        if (w.length - 5 >= p2) w = w.slice(0, -5);
      } else {
        w = w.slice(0, -rule[0].length) + rule[1];
      }
    }

    // Step 4.
    suffix = longest(w, STEP4);
    if (suffix && w.length - suffix.length >= p2) {
      if (suffix === 'ion') {
        var b = w[w.length - 4];
        if (b === 's' || b === 't') w = w.slice(0, -3);
      } else {
        w = w.slice(0, -suffix.length);
      }
    }

    // Step 5.
    n = w.length;
    if (w[n - 1] === 'e') {
      if (n - 1 >= p2 || (n - 1 >= p1 && !shortSyllable(w.slice(0, -1)))) w = w.slice(0, -1);
    } else if (w[n - 1] === 'l') {
      if (n - 1 >= p2 && w[n - 2] === 'l') w = w.slice(0, -1);
    }

    return w.indexOf('Y') >= 0 ? w.replace(/Y/g, 'y') : w;
  }

  function longest(w, suffixes) {
    var best = '';
    for (var i = 0; i < suffixes.length; i++) {
      var s = suffixes[i];
      if (s.length > best.length && endsWith(w, s)) best = s;
    }
    return best;
  }

  function longestRule(w, rules) {
    var best = null;
    for (var i = 0; i < rules.length; i++) {
      var r = rules[i];
      if ((!best || r[0].length > best[0].length) && endsWith(w, r[0])) best = r;
    }
    return best;
  }

  // ------------------------------------------------------------------
  // Edit distance (optimal string alignment: Damerau with adjacent swaps)
  // ------------------------------------------------------------------

  var ED_ROWS = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

  /** Distance between a and b, or max + 1 as soon as it must exceed max. */
  function editDistance(a, b, max) {
    var la = a.length;
    var lb = b.length;
    if (Math.abs(la - lb) > max) return max + 1;
    if (lb + 1 > ED_ROWS[0].length) ED_ROWS = [new Int32Array(lb + 1), new Int32Array(lb + 1), new Int32Array(lb + 1)];
    var prev2 = ED_ROWS[0];
    var prev = ED_ROWS[1];
    var cur = ED_ROWS[2];
    for (var j = 0; j <= lb; j++) prev[j] = j;
    for (var i = 1; i <= la; i++) {
      cur[0] = i;
      var rowMin = i;
      var ca = a.charCodeAt(i - 1);
      for (j = 1; j <= lb; j++) {
        var cb = b.charCodeAt(j - 1);
        var v = prev[j - 1] + (ca === cb ? 0 : 1);
        if (prev[j] + 1 < v) v = prev[j] + 1;
        if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
        if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && prev2[j - 2] + 1 < v) {
          v = prev2[j - 2] + 1;
        }
        cur[j] = v;
        if (v < rowMin) rowMin = v;
      }
      if (rowMin > max) return max + 1;
      var t = prev2; prev2 = prev; prev = cur; cur = t;
    }
    return prev[lb];
  }

  /** Edits allowed for a typed word: none below 4 letters, 1 from 4, 2 from 8. */
  function allowedEdits(word) {
    return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
  }

  // ------------------------------------------------------------------
  // Query parsing
  // ------------------------------------------------------------------

  var LEAD = [
    ['what', 'is', 'meant', 'by'], ['what', 'is', 'the', 'meaning', 'of'], ['what', 'is', 'a'],
    ['what', 'is', 'an'], ['what', 'is'], ['what', 'are'], ['whats', 'a'], ['whats', 'an'], ['whats'],
    ['what', 'does'], ['what', 'do'], ['what', 'happens', 'at'], ['what', 'happens', 'in'],
    ['what', 'happens', 'during'], ['what', 'happens'], ['who', 'is'], ['who', 'are'], ['how', 'do', 'i'], ['how', 'to'],
    ['tell', 'me', 'about'], ['definition', 'of'], ['define'], ['meaning', 'of'], ['explain'],
    ['a'], ['an'], ['the']
  ];
  var TRAIL = [['stand', 'for'], ['stands', 'for'], ['mean'], ['means'], ['meaning'], ['definition']];

  /** Removes question framing ("what is", "define", "... stand for") from a word list. */
  function stripQuestion(ws) {
    var out = ws.slice();
    var changed = true;
    while (changed && out.length) {
      changed = false;
      for (var i = 0; i < LEAD.length; i++) {
        var p = LEAD[i];
        if (p.length < out.length && startsWithWords(out, p)) { out = out.slice(p.length); changed = true; break; }
      }
    }
    for (i = 0; i < TRAIL.length; i++) {
      p = TRAIL[i];
      if (p.length < out.length && startsWithWords(out.slice(out.length - p.length), p)) {
        out = out.slice(0, out.length - p.length);
        break;
      }
    }
    return out;
  }

  /** A query ending like this may still be being typed (no space or punctuation after its last word). */
  var TYPING_END = /[^\s.,;:!?)"']$/;

  function startsWithWords(ws, p) {
    for (var i = 0; i < p.length; i++) if (ws[i] !== p[i]) return false;
    return true;
  }
  // ------------------------------------------------------------------
  // Loaded data
  // ------------------------------------------------------------------

  /** Adds pushed index objects to a store {core, p: [], x: []} (made if absent). */
  function collect(items, store) {
    store = store || { core: null, p: [], x: [] };
    for (var i = 0; i < items.length; i++) {
      var o = items[i];
      if (o.t === 'core') store.core = o;
      else if (o.t === 'p') store.p[o.i] = o;
      else if (o.t === 'x') store.x[o.i] = o;
    }
    return store;
  }

  // Field bits (index.rs).
  var BODY = 1;
  var TITLE = 2;
  var HEADING = 4;
  var SUB = 8;
  var TERMS = 16;

  /** Decodes a digit string into an Int32Array. */
  function decodeArray(s) {
    var count = 0;
    var i;
    for (i = 0; i < s.length; i++) {
      var d = DIGIT[s.charCodeAt(i)];
      if (d < 0) throw new Error('bad digit in search index');
      if (d < TERMINAL) count++;
    }
    var out = new Int32Array(count);
    var acc = 0;
    var j = 0;
    for (i = 0; i < s.length; i++) {
      d = DIGIT[s.charCodeAt(i)];
      if (d >= TERMINAL) acc = acc * CONTINUATION + d - TERMINAL + 1;
      else { out[j++] = acc * TERMINAL + d; acc = 0; }
    }
    return out;
  }

  /**
   * Decodes a postings shard's streams (layout: index.rs `TermPostings`,
   * files.rs `Streams`) and finds where each term starts in each of them.
   * isConcept(termIndex) tells concept terms, whose occurrences carry spans.
   */
  function indexShard(shard, isConcept) {
    var ix = {
      n: decodeArray(shard.n), g: decodeArray(shard.g), m: decodeArray(shard.m),
      f: decodeArray(shard.f), q: decodeArray(shard.q), r: decodeArray(shard.r),
      at: new Int32Array(shard.c * 4)
    };
    var gi = 0;
    var fi = 0;
    var qi = 0;
    var ri = 0;
    for (var j = 0; j < shard.c; j++) {
      ix.at[4 * j] = gi;
      ix.at[4 * j + 1] = fi;
      ix.at[4 * j + 2] = qi;
      ix.at[4 * j + 3] = ri;
      var per = isConcept(shard.s + j) ? 2 : 1;
      for (var k = 0; k < ix.n[j]; k++) {
        var mask = ix.m[gi + k];
        if (mask & BODY) {
          var tf = ix.f[fi++] + 1;
          qi += tf;
          if (per === 2) ri += tf;
        }
        if (mask & TITLE) ri += 1 + (ix.r[ri] + 1) * per;
        if (mask & HEADING) ri += 1 + (ix.r[ri] + 1) * per;
      }
      gi += ix.n[j];
    }
    return ix;
  }

  /**
   * One term's postings from an indexed shard (j: the term's place in the
   * shard): per section k its id docs[k], field mask, body term frequency,
   * and where its positions start in the shard's streams, read only for the
   * few sections that get position bonuses (see positions()): body positions
   * at q[bodyAt[k]] (tf[k] of them), a concept's spans at r[spanAt[k]], the
   * title's titleN[k] entries at r[titleAt[k]], the heading's at r[headAt[k]]
   * (each entry a position gap, then for a concept its span - 1).
   */
  function termPostings(ix, j, concept) {
    var n = ix.n[j];
    var gi = ix.at[4 * j];
    var fi = ix.at[4 * j + 1];
    var qi = ix.at[4 * j + 2];
    var ri = ix.at[4 * j + 3];
    var g = ix.g;
    var r = ix.r;
    var per = concept ? 2 : 1;
    var docs = new Int32Array(n);
    var masks = new Uint8Array(n);
    var tf = new Int32Array(n);
    var bodyAt = new Int32Array(n);
    var spanAt = concept ? new Int32Array(n) : null;
    var titleAt = new Int32Array(n);
    var titleN = new Int32Array(n);
    var headAt = new Int32Array(n);
    var headN = new Int32Array(n);
    var k;
    for (k = 0; k < n; k++) {
      docs[k] = k === 0 ? g[gi] : docs[k - 1] + g[gi + k] + 1;
      masks[k] = ix.m[gi + k];
    }
    for (k = 0; k < n; k++) {
      var m = masks[k];
      bodyAt[k] = qi;
      if (m & BODY) {
        var t = ix.f[fi++] + 1;
        tf[k] = t;
        qi += t;
        if (concept) { spanAt[k] = ri; ri += t; }
      }
      if (m & TITLE) { titleN[k] = r[ri] + 1; titleAt[k] = ri + 1; ri += 1 + titleN[k] * per; }
      if (m & HEADING) { headN[k] = r[ri] + 1; headAt[k] = ri + 1; ri += 1 + headN[k] * per; }
    }
    return {
      n: n, docs: docs, masks: masks, tf: tf, concept: concept, q: ix.q, r: r,
      bodyAt: bodyAt, spanAt: spanAt, titleAt: titleAt, titleN: titleN, headAt: headAt, headN: headN
    };
  }

  /** Occurrences [[position, words covered], ...] of a term in one field of its k-th section. */
  function positions(p, k, field) {
    var out = [];
    var pos = -1;
    var c;
    if (field === BODY) {
      if (!(p.masks[k] & BODY)) return out;
      var at = p.bodyAt[k];
      for (c = 0; c < p.tf[k]; c++) {
        pos = pos < 0 ? p.q[at + c] : pos + p.q[at + c] + 1;
        out.push([pos, p.concept ? p.r[p.spanAt[k] + c] + 1 : 1]);
      }
      return out;
    }
    var from = field === TITLE ? p.titleAt[k] : p.headAt[k];
    var count = field === TITLE ? p.titleN[k] : p.headN[k];
    var per = p.concept ? 2 : 1;
    for (c = 0; c < count; c++) {
      var e = from + c * per;
      pos = pos < 0 ? p.r[e] : pos + p.r[e] + 1;
      out.push([pos, p.concept ? p.r[e + 1] + 1 : 1]);
    }
    return out;
  }

  // Ranking. Per query unit: idf x (BM25 body score + field boosts), times the
  // unit's match weight (1 exact, less for prefix and typo matches).
  var K1 = 1.2;
  var B = 0.75;
  var BOOST_TITLE = 2.5;
  var BOOST_HEADING = 2.0;
  var BOOST_SUB = 0.8;
  var BOOST_TERMS = 1.0;
  // Tiers added on top, so a whole-title match comes first, then a
  // whole-heading match, then titles and headings holding every query unit.
  var ANSWER_PAGE = 5000;
  var EXACT_TITLE = 1000;
  var EXACT_HEADING = 500;
  var ALL_IN_TITLE = 100;
  var ALL_IN_HEADING = 60;
  var ALL_IN_BOTH = 60; // every unit in the page title or the section heading, split between them
  var OTHER_SECTION = 0.1; // share of page-title tiers for a page's later sections
  var PROXIMITY = 0.6; // up to +60% when the query units sit together in the body
  var PHRASE = 0.4; // and +40% more when they appear in order, adjacent
  var SAME_PAGE = 0.5; // each further section of one page is worth half the one before
  var RERANK = 150; // leading sections that get the position-based bonuses
  var FEW = 5; // below this many full matches, near matches are shown after them
  var PARTIAL_CAP = 1e4; // near matches score below this; full matches above
  var KINDS = {
    strategy: 'Strategy', definition: 'Definition', toolkit: 'Toolkit',
    signposting: 'Signposting', page: 'Page'
  };

  /**
   * A searcher over a store {core, p: [...], x: [...]} (see collect()). The
   * core must be loaded; shards may be added to store.p / store.x later.
   * search() lists missing shards in result.missing: load them and ask again.
   */
  function createSearcher(store) {
    var core = store.core;
    var N = core.n;
    var terms = frontDecode(core.vocab);
    var termIndex = new Map();
    var i;
    for (i = 0; i < terms.length; i++) termIndex.set(terms[i], i);
    var buckets = new Map(); // first character -> [start, end) in the sorted vocabulary
    for (i = 0; i < terms.length; i++) {
      var bk = buckets.get(terms[i][0]);
      if (bk) bk[1] = i + 1; else buckets.set(terms[i][0], [i, i + 1]);
    }
    var stop = new Set(core.stop ? core.stop.split(' ') : []);

    var pageNums = decodeNums(core.pages);
    var docNums = decodeNums(core.docs);
    var bodyLen = new Float64Array(N);
    var headLen = new Int32Array(N); // -1: a page's intro part (no heading)
    var kind = new Int32Array(N);
    var docPage = new Int32Array(N);
    var pageFirst = new Int32Array(core.np);
    var pageTitleLen = new Int32Array(core.np);
    var totalLen = 0;
    for (i = 0; i < N; i++) {
      bodyLen[i] = docNums[3 * i];
      headLen[i] = docNums[3 * i + 1] - 1;
      kind[i] = docNums[3 * i + 2];
      totalLen += bodyLen[i];
    }
    var avgLen = N ? Math.max(1, totalLen / N) : 1;
    var d0 = 0;
    for (i = 0; i < core.np; i++) {
      pageFirst[i] = d0;
      pageTitleLen[i] = pageNums[2 * i + 1];
      for (var s = 0; s < pageNums[2 * i]; s++) docPage[d0++] = i;
    }

    function stemsOf(ws) {
      var out = [];
      for (var i = 0; i < ws.length; i++) if (!stop.has(ws[i])) out.push(stem(ws[i]));
      return out;
    }

    // Glossary: answer names, concept phrases.
    var gloss = core.gloss.map(function (g) {
      var names = [g[0]].concat(g[1] ? [g[1]] : [], g[2]).map(function (name) {
        var ws = words(name);
        var caps = /[A-Z]/.test(name) && !/[a-z]/.test(name);
        return { words: ws, text: ws.join(' '), stems: stemsOf(ws), abbr: caps };
      });
      return {
        term: g[0], abbreviation: g[1] || null, summary: g[3], url: g[4], doc: g[5], names: names
      };
    });
    var synonyms = new Map(); // "stem stem" -> concept id
    var synWords = new Set();
    var variants = []; // concept id -> [[stem, ...], ...]
    var maxSyn = 1;
    core.syn.forEach(function (pair) {
      var parts = pair[1].split(' ');
      if (!synonyms.has(pair[1])) synonyms.set(pair[1], pair[0]);
      parts.forEach(function (p) { synWords.add(p); });
      if (parts.length > maxSyn) maxSyn = parts.length;
      (variants[pair[0]] = variants[pair[0]] || []).push(parts);
    });

    var cache = new Map();
    var cachedSize = 0;
    var pool = {
      scores: new Float64Array(N), matched: new Int32Array(N), best: new Float64Array(N), cand: [], k: [],
      dirty: []
    };
    function isConcept(t) { return terms[t].charCodeAt(0) === 126; } // '~'

    function shardOf(table, index) {
      var lo = 0;
      var hi = table.length - 1;
      while (lo < hi) {
        var mid = (lo + hi + 1) >> 1;
        if (table[mid][0] <= index) lo = mid; else hi = mid - 1;
      }
      return lo;
    }

    /** Decoded postings of term t (null if its shard is not loaded). */
    function postings(t) {
      var hit = cache.get(t);
      if (hit) return hit;
      var shard = store.p[shardOf(core.p, t)];
      if (!shard) return null;
      if (!shard.ix) shard.ix = indexShard(shard, isConcept);
      var p = termPostings(shard.ix, t - shard.s, isConcept(t));
      if (cachedSize > 1000000) { cache.clear(); cachedSize = 0; } // about 40 MB of postings
      cache.set(t, p);
      cachedSize += p.n;
      return p;
    }

    // ---- query analysis ----

    /** Nearest vocabulary terms to a misspelt word, among those with its first letter. */
    function fuzzy(word, wordStem) {
      var max = allowedEdits(word);
      var bk = max && buckets.get(word[0]);
      if (!bk) return [];
      var found = [];
      for (var i = bk[0]; i < bk[1]; i++) {
        var t = terms[i];
        if (Math.abs(t.length - wordStem.length) > max && Math.abs(t.length - word.length) > max) continue;
        var d = editDistance(word, t, max);
        if (d > 0 && wordStem !== word) d = Math.min(d, editDistance(wordStem, t, max));
        if (d <= max) found.push([i, d]);
      }
      if (!found.length) return [];
      found.sort(function (a, b) { return a[1] - b[1] || terms[a[0]].length - terms[b[0]].length || a[0] - b[0]; });
      var best = found[0][1];
      return found.filter(function (f) { return f[1] === best; }).slice(0, 4);
    }

    /** Vocabulary terms that start with a partly typed word, shortest first. */
    function prefixed(word) {
      var lo = 0;
      var hi = terms.length;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (terms[mid] < word) lo = mid + 1; else hi = mid;
      }
      var out = [];
      for (var i = lo; i < terms.length && terms[i].lastIndexOf(word, 0) === 0; i++) {
        if (terms[i].length > word.length) out.push(i);
      }
      out.sort(function (a, b) { return terms[a].length - terms[b].length || a - b; });
      return out.slice(0, 30);
    }

    /**
     * Turns a query into units: glossary concepts (a multi-word term is one
     * unit) and words, each with weighted candidate terms: [termIndex, weight].
     */
    function analyze(query, opts) {
      opts = opts || {};
      var all = words(query);
      var stripped = stripQuestion(all);
      var partial = opts.prefix !== false && TYPING_END.test(query);
      var items = [];
      for (var i = 0; i < stripped.length; i++) {
        var w = stripped[i];
        if (stop.has(w)) continue;
        var it = { word: w, stem: stem(w), last: i === stripped.length - 1, prefix: [], fuzzy: [] };
        it.exact = termIndex.has(it.stem) || synWords.has(it.stem);
        it.best = it.stem;
        if (partial && it.last && w.length >= 2) it.prefix = prefixed(w);
        if (!it.exact && !it.prefix.length) {
          it.fuzzy = fuzzy(w, it.stem);
          if (it.fuzzy.length) it.best = terms[it.fuzzy[0][0]];
        }
        items.push(it);
      }
      var units = [];
      for (i = 0; i < items.length;) {
        var taken = 0;
        for (var len = Math.min(maxSyn, items.length - i); len >= 1 && !taken; len--) {
          var run = items.slice(i, i + len);
          var cid = synonyms.get(run.map(function (x) { return x.best; }).join(' '));
          if (cid === undefined) continue;
          var ct = termIndex.get('~' + cid);
          var exact = run.every(function (x) { return x.exact; });
          units.push({
            concept: cid,
            words: run.map(function (x) { return x.word; }),
            cands: ct === undefined ? [] : [[ct, exact ? 1 : 0.7]]
          });
          taken = len;
        }
        if (taken) { i += taken; continue; }
        it = items[i++];
        var cands = [];
        var ti = termIndex.get(it.stem);
        if (ti !== undefined) cands.push([ti, 1]);
        it.prefix.forEach(function (t) {
          if (t !== ti) cands.push([t, 0.55 + 0.35 * it.word.length / terms[t].length]);
        });
        it.fuzzy.forEach(function (f) { cands.push([f[0], f[1] === 1 ? 0.6 : 0.4]); });
        units.push({ concept: -1, words: [it.word], cands: cands });
      }
      return { words: all, stripped: stripped, units: units, partial: partial };
    }

    // ---- definition answer ----

    /**
     * The glossary entry a (question-stripped) query names, if any: a name,
     * its plural, the same stems or a near spelling; failing those, the
     * leading words of one entry's names only ("section 47" for "Section 47
     * enquiry"), at least half of them. While typing, the last word may be
     * the start (4 letters or more) of the name's word.
     */
    function findAnswer(ws, typing) {
      if (!ws.length || ws.length > 8) return null;
      var text = ws.join(' ');
      var qStems = stemsOf(ws).join(' ');
      var best = null;
      var bestScore = 0;
      var begun = null; // the one entry whose name the query begins; false for several
      gloss.forEach(function (g) {
        g.names.forEach(function (nm) {
          if (!nm.abbr && begins(ws, nm.words, typing)) begun = begun === null || begun === g ? g : false;
          var score = 0;
          if (nm.text === text) score = 3;
          else if (nm.text + 's' === text || nm.text + 'es' === text) score = 2.5;
          else if (!nm.abbr && qStems && qStems === nm.stems.join(' ')) score = 2;
          else if (!nm.abbr && nm.words.length === ws.length) {
            var dist = 0;
            for (var i = 0; i < ws.length && dist >= 0; i++) {
              var a = ws[i];
              var b = nm.words[i];
              if (a === b) continue;
              var max = allowedEdits(b);
              var d = Math.min(editDistance(a, b, max), editDistance(stem(a), stem(b), max));
              dist = d > max ? -1 : dist + d;
            }
            if (dist > 0) score = 1.5 - 0.1 * dist;
          }
          if (score > bestScore) { bestScore = score; best = g; }
        });
      });
      if (!best && begun) best = begun;
      return best && {
        term: best.term, abbreviation: best.abbreviation, summary: best.summary, url: best.url, doc: best.doc
      };
    }

    /** True if ws are the leading words of name, at least half of them. */
    function begins(ws, name, typing) {
      var n = ws.length;
      if (n > name.length || n * 2 < name.length) return false;
      for (var i = 0; i < n - 1; i++) if (ws[i] !== name[i]) return false;
      var last = ws[n - 1];
      if (last === name[n - 1]) return n < name.length;
      return typing && last.length >= 4 && name[n - 1].lastIndexOf(last, 0) === 0;
    }

    // ---- scoring ----

    /**
     * Runs a query. opts: {limit (20), offset (0), prefix (true: the last
     * word may be unfinished)}. Returns {query, answer, results, total,
     * missing}; each result is {doc, url, title, section, kind, snippetParts,
     * score}. When missing (file names) is not empty, load those files and
     * search again: postings shards first, then text shards for the results.
     */
    function search(query, opts) {
      opts = opts || {};
      var limit = opts.limit === undefined ? 20 : opts.limit;
      var q = analyze(query || '', opts);
      var answer = findAnswer(q.stripped, q.partial);
      var out = { query: query, answer: answer, results: [], total: 0, missing: [] };
      var units = q.units.filter(function (u) { return u.cands.length; });
      var partial = null;
      if (!units.length) return out;
      if (units.length > 30) units = units.slice(0, 30);

      units.forEach(function (u) {
        u.cands.forEach(function (c) {
          var k = shardOf(core.p, c[0]);
          if (!store.p[k] && out.missing.indexOf(core.p[k][1]) < 0) out.missing.push(core.p[k][1]);
        });
      });
      if (out.missing.length) return out;

      // Buffers of one entry per section are kept between searches (a search
      // runs on every pause in typing) and cleared through the touched lists.
      var scores = pool.scores;
      var matched = pool.matched;
      pool.dirty.forEach(function (d) { scores[d] = 0; matched[d] = 0; });
      var touched = [];
      var best = pool.best;
      var unitData = units.map(function (u, ui) {
        var bestCand = pool.cand[ui] || (pool.cand[ui] = new Int32Array(N));
        var bestK = pool.k[ui] || (pool.k[ui] = new Int32Array(N));
        var seen = [];
        u.cands.forEach(function (c, ci) {
          var p = postings(c[0]);
          var w = c[1] * Math.log(1 + (N - p.n + 0.5) / (p.n + 0.5));
          for (var k = 0; k < p.n; k++) {
            var d = p.docs[k];
            var m = p.masks[k];
            var sc = 0;
            if (m & BODY) {
              var tf = p.tf[k];
              sc = tf * (K1 + 1) / (tf + K1 * (1 - B + B * bodyLen[d] / avgLen));
            }
            if (m & TITLE) sc += BOOST_TITLE;
            if (m & HEADING) sc += BOOST_HEADING;
            if (m & SUB) sc += BOOST_SUB;
            if (m & TERMS) sc += BOOST_TERMS;
            sc *= w;
            if (sc > best[d]) {
              if (best[d] === 0) seen.push(d);
              best[d] = sc;
              bestCand[d] = ci;
              bestK[d] = k;
            }
          }
        });
        for (var j = 0; j < seen.length; j++) {
          var d = seen[j];
          if (!matched[d]) touched.push(d);
          scores[d] += best[d];
          best[d] = 0;
          matched[d] |= 1 << ui;
        }
        return { bestCand: bestCand, bestK: bestK };
      });

      // Sections holding every unit come first. When there are few, sections
      // missing one unit follow (any match at all if there are none), ranked
      // down by the share of units they miss.
      var allMask = units.length >= 31 ? -1 : (1 << units.length) - 1;
      var docs = touched.filter(function (d) { return matched[d] === allMask; });
      if (docs.length < FEW && units.length > 1) {
        var need = docs.length ? units.length - 1 : 1;
        var partial = touched.filter(function (d) {
          var c = popcount(matched[d]);
          return c < units.length && c >= need;
        });
        partial.forEach(function (d) {
          var c = popcount(matched[d]) / units.length;
          scores[d] *= c * c;
          if (docs.length) scores[d] = Math.min(scores[d], PARTIAL_CAP);
        });
        docs = docs.concat(partial);
      }
      // Full matches stay above partial ones: they are lifted by PARTIAL_CAP,
      // which the bonuses and the same-page discount below leave out.
      var fullCount = docs.length - (partial ? partial.length : 0);
      var lift = partial && fullCount ? PARTIAL_CAP : 0;
      for (var fi = 0; fi < fullCount && lift; fi++) scores[docs[fi]] += lift;
      var liftOf = function (d) { return matched[d] === allMask ? lift : 0; };
      pool.dirty = touched;
      out.total = docs.length;
      var offset = opts.offset || 0;
      // Only the leading sections need ordering: take a margin more than
      // will be shown, so demoting repeats of a page can let others in.
      var byScore = function (a, b) { return scores[b] - scores[a] || a - b; };
      var want = Math.max(RERANK, offset + limit);
      var lead = topK(docs, scores, want + (want >> 1) + 20, byScore);
      var top = Math.min(lead.length, RERANK);
      for (var j = 0; j < top; j++) {
        var d = lead[j];
        scores[d] += positionBonus(d, scores[d] - liftOf(d), units, unitData, matched[d]);
      }
      if (answer && answer.doc >= 0 && matched[answer.doc]) scores[answer.doc] += ANSWER_PAGE;
      lead.sort(byScore);
      // Let other pages through: each further section of a page counts less.
      var perPage = new Map();
      lead.forEach(function (d) {
        var c = perPage.get(docPage[d]) || 0;
        if (c) scores[d] = liftOf(d) + (scores[d] - liftOf(d)) * Math.pow(SAME_PAGE, c);
        perPage.set(docPage[d], c + 1);
      });
      lead.sort(byScore);

      var mark = highlighter(units);
      out.results = lead.slice(offset, offset + limit).map(function (d) {
        var k = shardOf(core.x, d);
        var shard = store.x[k];
        var kd = core.kinds[kind[d]] || '';
        var r = {
          doc: d, url: null, title: null, section: null,
          kind: KINDS[kd] || titleCase(kd), snippetParts: [], score: scores[d]
        };
        if (!shard) {
          if (out.missing.indexOf(core.x[k][1]) < 0) out.missing.push(core.x[k][1]);
          return r;
        }
        var row = (d - shard.s) * 4;
        r.url = shard.d[row];
        r.title = shard.d[row + 1];
        r.section = shard.d[row + 2] || null;
        r.snippetParts = mark(shard.d[row + 3]);
        return r;
      });
      return out;
    }

    /** Occurrences [[pos, span], ...] of unit ui's best term in a field of section d. */
    function occurrences(d, ui, units, unitData, field) {
      var ud = unitData[ui];
      return positions(postings(units[ui].cands[ud.bestCand[d]][0]), ud.bestK[d], field);
    }

    /** Bonuses that need positions: whole or full-coverage title and heading, proximity. */
    function positionBonus(d, base, units, unitData, mask) {
      var page = docPage[d];
      var weight = 1;
      var bonus = 0;
      var lists = { title: [], head: [], body: [] };
      var inAll = { title: true, head: true, either: true };
      for (var ui = 0; ui < units.length; ui++) {
        if (!(mask & (1 << ui))) { inAll.title = inAll.head = inAll.either = false; continue; }
        weight = Math.min(weight, units[ui].cands[unitData[ui].bestCand[d]][1]);
        var t = occurrences(d, ui, units, unitData, TITLE);
        var h = occurrences(d, ui, units, unitData, HEADING);
        if (!t.length) inAll.title = false;
        if (!h.length) inAll.head = false;
        if (!t.length && !h.length) inAll.either = false;
        lists.title.push(t);
        lists.head.push(h);
        lists.body.push(occurrences(d, ui, units, unitData, BODY));
      }
      var tl = pageTitleLen[page];
      if (inAll.title && tl > 0) {
        var share = pageFirst[page] === d ? 1 : OTHER_SECTION;
        var cov = covered(lists.title, tl);
        bonus += share * (cov >= tl ? EXACT_TITLE : ALL_IN_TITLE * cov / tl * (isPhrase(lists.title) ? 1 : 0.7));
      }
      var hl = headLen[d];
      if (inAll.head && hl > 0) {
        cov = covered(lists.head, hl);
        bonus += cov >= hl ? EXACT_HEADING : ALL_IN_HEADING * cov / hl * (isPhrase(lists.head) ? 1 : 0.7);
      }
      // "What to do if you are worried about a child: Contact details" for
      // "worried about a child, who do I contact".
      if (inAll.either && !inAll.title && !inAll.head && hl > 0 && tl > 0) {
        bonus += ALL_IN_BOTH * (covered(lists.title, tl) + covered(lists.head, hl)) / (tl + hl);
      }
      bonus *= weight;
      var body = lists.body.filter(function (l) { return l.length; });
      if (body.length > 1) {
        var prox = proximity(body);
        bonus += base * (PROXIMITY * prox * prox + (prox === 1 && isPhrase(body) ? PHRASE : 0));
      }
      return bonus;
    }

    /** Highlights the words a query matched: function(text) -> [{text, mark}]. */
    function highlighter(units) {
      var stems = new Set();
      var phrases = [];
      units.forEach(function (u) {
        if (u.concept >= 0) phrases = phrases.concat(variants[u.concept] || []);
        else u.cands.forEach(function (c) { stems.add(terms[c[0]]); });
      });
      var firsts = new Set();
      stems.forEach(function (t) { firsts.add(t[0]); });
      phrases.forEach(function (ph) { ph.forEach(function (t) { firsts.add(t[0]); }); });
      return function (text) {
        var toks = [];
        scanWords(text, function (w, start, end) {
          // A stem starts with its word's first letter: skip stemming the rest.
          var st = stop.has(w) ? null : firsts.has(w[0]) ? stem(w) : '';
          toks.push({ start: start, end: end, stem: st });
        });
        var marked = new Uint8Array(text.length);
        var content = toks.filter(function (t) { return t.stem !== null; });
        content.forEach(function (t, i) {
          if (stems.has(t.stem)) marked.fill(1, t.start, t.end);
          phrases.forEach(function (ph) {
            if (i + ph.length > content.length) return;
            for (var j = 0; j < ph.length; j++) if (content[i + j].stem !== ph[j]) return;
            marked.fill(1, t.start, content[i + ph.length - 1].end);
          });
        });
        var parts = [];
        var from = 0;
        for (var k = 1; k <= text.length; k++) {
          if (k === text.length || marked[k] !== marked[from]) {
            parts.push({ text: text.slice(from, k), mark: marked[from] === 1 });
            from = k;
          }
        }
        return parts;
      };
    }

    return {
      search: search,
      analyze: analyze,
      /** The glossary entry a query asks about, or null. */
      answer: function (q, opts) {
        return findAnswer(stripQuestion(words(q)), (!opts || opts.prefix !== false) && TYPING_END.test(q));
      },
      /** The sorted vocabulary (stems and ~N concept tokens). */
      terms: terms,
      /** Number of sections indexed. */
      docCount: N
    };
  }

  /** Number of distinct positions covered by occurrence lists [[[pos, span]...]...]. */
  function covered(lists, len) {
    var hit = new Uint8Array(len);
    var n = 0;
    lists.forEach(function (l) {
      l.forEach(function (o) {
        for (var p = o[0]; p < o[0] + o[1] && p < len; p++) if (!hit[p]) { hit[p] = 1; n++; }
      });
    });
    return n;
  }

  /** True if the units occur in query order, each right after the previous. */
  function isPhrase(lists) {
    var starts = lists[0].map(function (o) { return o[0] + o[1]; });
    for (var i = 1; i < lists.length && starts.length; i++) {
      var next = [];
      lists[i].forEach(function (o) { if (starts.indexOf(o[0]) >= 0) next.push(o[0] + o[1]); });
      starts = next;
    }
    return starts.length > 0;
  }

  /**
   * How tightly the units sit together: (words they cover) / (width of the
   * smallest window holding one occurrence of each), so 1 for adjacent.
   */
  function proximity(lists) {
    var ev = [];
    var need = lists.length;
    var ideal = 0;
    lists.forEach(function (l, u) {
      var minSpan = Infinity;
      l.forEach(function (o) { ev.push([o[0], o[0] + o[1], u]); if (o[1] < minSpan) minSpan = o[1]; });
      ideal += minSpan;
    });
    ev.sort(function (a, b) { return a[0] - b[0] || a[2] - b[2]; });
    var count = new Int32Array(need);
    var have = 0;
    var bestWidth = Infinity;
    var lo = 0;
    for (var hi = 0; hi < ev.length; hi++) {
      if (count[ev[hi][2]]++ === 0) have++;
      while (have === need) {
        var end = 0;
        for (var k = lo; k <= hi; k++) if (ev[k][1] > end) end = ev[k][1];
        var width = end - ev[lo][0];
        if (width < bestWidth) bestWidth = width;
        if (--count[ev[lo][2]] === 0) have--;
        lo++;
      }
    }
    return bestWidth === Infinity ? 0 : Math.min(1, ideal / bestWidth);
  }

  /** The k best of docs by scores, sorted with cmp (all of them if fewer). */
  function topK(docs, scores, k, cmp) {
    if (docs.length > k) {
      var vals = new Float64Array(docs.length);
      for (var i = 0; i < docs.length; i++) vals[i] = scores[docs[i]];
      var threshold = kthLargest(vals, k);
      docs = docs.filter(function (d) { return scores[d] >= threshold; });
    }
    return docs.sort(cmp);
  }

  /** The k-th largest value (1-based) of a, which it reorders (quickselect). */
  function kthLargest(a, k) {
    var target = a.length - k;
    var lo = 0;
    var hi = a.length - 1;
    while (lo < hi) {
      var pivot = a[(lo + hi) >> 1];
      var i = lo;
      var j = hi;
      while (i <= j) {
        while (a[i] < pivot) i++;
        while (a[j] > pivot) j--;
        if (i <= j) { var t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
      }
      if (target <= j) hi = j;
      else if (target >= i) lo = i;
      else break;
    }
    return a[target];
  }

  function popcount(x) {
    var c = 0;
    while (x) { c += x & 1; x >>>= 1; }
    return c;
  }

  function titleCase(s) {
    return s ? s[0].toUpperCase() + s.slice(1) : '';
  }

  /** The q parameter of a query string ("?q=a+b" -> "a b"). */
  function readQuery(search) {
    var m = /[?&]q=([^&#]*)/.exec(search || "");
    if (!m) return "";
    var raw = m[1].replace(/\+/g, " ");
    try { return decodeURIComponent(raw); } catch (e) { return raw; }
  }

  // ------------------------------------------------------------------
  // Browser: loading and the two search boxes
  // ------------------------------------------------------------------

  var CORE_FILE = 'search/index.js';
  var HEADER_LIMIT = 8;
  var PAGE_STEP = 20;
  var TYPING_PAUSE = 150; // ms after the last keystroke before searching
  var ANNOUNCE_PAUSE = 900; // ms before the live region announces the count

  /** Loads index files with <script src> (works from file://) and searches. */
  function createLoader(root) {
    var store = { core: null, p: [], x: [] };
    var loading = {};
    var searcher = null;
    var queue = self.waymarkSearchData = self.waymarkSearchData || [];

    function drain() {
      if (queue.length) collect(queue.splice(0, queue.length), store);
    }

    function load(file) {
      if (!loading[file]) {
        loading[file] = new Promise(function (resolve, reject) {
          var el = document.createElement('script');
          el.src = root + file;
          el.async = true;
          el.onload = function () { drain(); resolve(); };
          el.onerror = function () {
            delete loading[file];
            if (el.parentNode) el.parentNode.removeChild(el);
            reject(new Error('could not load ' + file));
          };
          document.head.appendChild(el);
        });
      }
      return loading[file];
    }

    function ready() {
      drain();
      if (searcher) return Promise.resolve(searcher);
      return load(CORE_FILE).then(function () {
        if (!store.core) throw new Error('search index is empty');
        searcher = searcher || createSearcher(store);
        return searcher;
      });
    }

    /** Resolves to search results once every file they need is loaded. */
    function run(query, opts) {
      var rounds = 0;
      return ready().then(function again(s) {
        var r = s.search(query, opts);
        if (!r.missing.length) return r;
        if (++rounds > 3) throw new Error('search index files are inconsistent');
        return Promise.all(r.missing.map(load)).then(function () { drain(); return again(s); });
      });
    }

    return { ready: ready, run: run, isReady: function () { return !!searcher; } };
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function resultItem(r, root) {
    var li = el('li', 'wm-search-result');
    var a = el('a', 'wm-search-result__link', r.section ? r.title + ': ' + r.section : r.title);
    a.href = root + r.url;
    li.appendChild(a);
    li.appendChild(document.createTextNode(' '));
    li.appendChild(el('span', 'wm-search-result__kind', r.kind));
    if (r.snippetParts.length) {
      var p = el('p', 'wm-search-result__snippet');
      r.snippetParts.forEach(function (part) {
        p.appendChild(part.mark ? el('mark', null, part.text) : document.createTextNode(part.text));
      });
      li.appendChild(p);
    }
    return li;
  }

  function answerCard(ans, root) {
    var box = el('div', 'wm-search-answer');
    var h = el('p', 'wm-search-answer__term');
    var a = el('a', null, ans.term);
    a.href = root + ans.url;
    h.appendChild(a);
    if (ans.abbreviation) {
      var ab = el('abbr', 'wm-search-answer__abbr', ans.abbreviation);
      ab.title = ans.term;
      h.appendChild(document.createTextNode(' ('));
      h.appendChild(ab);
      h.appendChild(document.createTextNode(')'));
    }
    box.appendChild(el('p', 'wm-search-answer__label', 'Definition'));
    box.appendChild(h);
    if (ans.summary) box.appendChild(el('p', 'wm-search-answer__summary', ans.summary));
    return box;
  }

  /** The results to list: the answer card already shows its definition's opening. */
  function listed(r) {
    return r.answer ? r.results.filter(function (x) { return x.url !== r.answer.url; }) : r.results;
  }

  function countText(n, query) {
    var q = query.trim();
    return (n === 0 ? 'No results' : n === 1 ? '1 result' : n + ' results') + " for '" + q + "'";
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function visuallyHidden(node) {
    var s = node.style;
    s.position = 'absolute';
    s.width = '1px';
    s.height = '1px';
    s.margin = '-1px';
    s.padding = '0';
    s.overflow = 'hidden';
    s.clip = 'rect(0 0 0 0)';
    s.whiteSpace = 'nowrap';
    s.border = '0';
    return node;
  }

  var FAILED = 'Search could not be loaded. Check your connection, then reload the page to try again.';

  /** The header box: live results in a panel under the input. */
  function setupHeader(input, loader, root) {
    var form = input.form;
    if (!form) return;
    var panel = el('div', 'wm-search__panel');
    panel.id = 'wm-search-panel';
    panel.hidden = true;
    var live = visuallyHidden(el('p', 'wm-search__live'));
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    form.parentNode.insertBefore(panel, form.nextSibling);
    form.parentNode.insertBefore(live, panel.nextSibling);
    var timer = 0;
    var announceTimer = 0;
    var seq = 0;

    function open() { panel.hidden = false; }
    function close() { panel.hidden = true; }
    function say(text) {
      clearTimeout(announceTimer);
      announceTimer = setTimeout(function () { live.textContent = text; }, ANNOUNCE_PAUSE);
    }
    function message(text) {
      clear(panel);
      panel.appendChild(el('p', 'wm-search__message', text));
      open();
    }

    function update() {
      var query = input.value;
      var mine = ++seq;
      if (!query.trim()) { close(); clear(panel); clearTimeout(announceTimer); return; }
      if (!loader.isReady()) message('Loading search\u2026');
      loader.run(query, { limit: HEADER_LIMIT }).then(function (r) {
        if (mine !== seq) return;
        clear(panel);
        if (r.answer) panel.appendChild(answerCard(r.answer, root));
        var items = listed(r);
        if (items.length) {
          var list = el('ol', 'wm-search-results');
          items.forEach(function (x) { list.appendChild(resultItem(x, root)); });
          panel.appendChild(list);
        } else if (!r.answer) {
          panel.appendChild(el('p', 'wm-search__message', countText(0, query) + '. Try fewer words or check the spelling.'));
        }
        if (r.total > r.results.length) {
          var more = el('p', 'wm-search__all');
          var link = el('a', null, 'See all ' + r.total + ' results');
          link.href = root + 'search.html?q=' + encodeURIComponent(query.trim());
          more.appendChild(link);
          panel.appendChild(more);
        }
        open();
        say(countText(r.total, query));
      }, function () {
        if (mine !== seq) return;
        message(FAILED);
        live.textContent = FAILED;
      });
    }

    input.addEventListener('focus', function () { loader.ready().catch(function () {}); });
    input.addEventListener('input', function () {
      clearTimeout(timer);
      clearTimeout(announceTimer);
      timer = setTimeout(update, TYPING_PAUSE);
    });
    function escape(e) {
      if ((e.key === 'Escape' || e.key === 'Esc') && !panel.hidden) {
        e.preventDefault();
        close();
        input.focus();
      }
    }
    input.addEventListener('keydown', escape);
    panel.addEventListener('keydown', escape);
    // Close when focus or a click moves away from the box and its panel.
    function away(target) {
      return target && !form.contains(target) && !panel.contains(target);
    }
    form.addEventListener('focusout', function (e) { if (away(e.relatedTarget)) close(); });
    panel.addEventListener('focusout', function (e) { if (away(e.relatedTarget)) close(); });
    document.addEventListener('click', function (e) { if (away(e.target)) close(); });
  }

  /** search.html: results for ?q=, updated as the query is edited. */
  function setupPage(pageEl, loader, root) {
    var input = document.getElementById('wm-search-page-input');
    var status = document.getElementById('wm-search-status');
    var answerEl = document.getElementById('wm-search-answer');
    var list = document.getElementById('wm-search-results');
    if (!input || !status || !list) return;
    var moreBtn = el('button', 'wm-search-more', 'Show more results');
    moreBtn.type = 'button';
    moreBtn.hidden = true;
    list.parentNode.insertBefore(moreBtn, list.nextSibling);
    var limit = PAGE_STEP;
    var seq = 0;
    var timer = 0;
    var announceTimer = 0;

    function show(query, announceNow, focusFrom) {
      var mine = ++seq;
      clearTimeout(announceTimer);
      if (!query.trim()) {
        clear(list);
        if (answerEl) clear(answerEl);
        moreBtn.hidden = true;
        status.textContent = '';
        return;
      }
      if (!loader.isReady()) status.textContent = 'Loading search\u2026';
      loader.run(query, { limit: limit }).then(function (r) {
        if (mine !== seq) return;
        if (answerEl) {
          clear(answerEl);
          if (r.answer) answerEl.appendChild(answerCard(r.answer, root));
        }
        clear(list);
        listed(r).forEach(function (x) { list.appendChild(resultItem(x, root)); });
        moreBtn.hidden = r.total <= r.results.length;
        var text = countText(r.total, query) + (r.total ? '' : '. Try fewer words or check the spelling.');
        if (announceNow) status.textContent = text;
        else announceTimer = setTimeout(function () { status.textContent = text; }, ANNOUNCE_PAUSE);
        if (focusFrom !== undefined && list.children[focusFrom]) {
          var link = list.children[focusFrom].querySelector('a');
          if (link) link.focus();
        }
      }, function () {
        if (mine !== seq) return;
        status.textContent = FAILED;
      });
    }

    function setUrl(query) {
      try {
        history.replaceState(null, '', '?q=' + encodeURIComponent(query.trim()));
      } catch (e) { /* some browsers refuse on file:// */ }
    }

    var q = readQuery(location.search);
    if (q) {
      input.value = q;
      show(q, true);
    }
    input.addEventListener('focus', function () { loader.ready().catch(function () {}); });
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { limit = PAGE_STEP; show(input.value, false); }, TYPING_PAUSE);
    });
    if (input.form) {
      input.form.addEventListener('submit', function (e) {
        e.preventDefault();
        clearTimeout(timer);
        limit = PAGE_STEP;
        setUrl(input.value);
        show(input.value, true);
      });
    }
    moreBtn.addEventListener('click', function () {
      var from = list.children.length;
      limit += PAGE_STEP;
      show(input.value, true, from);
    });
  }

  function initBrowser() {
    var root = document.documentElement.getAttribute('data-root') || '';
    var loader = createLoader(root);
    var header = document.getElementById('wm-search-input');
    if (header) setupHeader(header, loader, root);
    var page = document.getElementById('wm-search-page');
    if (page) setupPage(page, loader, root);
  }

  if (typeof document !== 'undefined' && typeof window !== 'undefined') {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', initBrowser);
    else initBrowser();
  }

  if (typeof module === 'object' && module.exports) {
    module.exports = {
      createSearcher: createSearcher,
      collect: collect,
      decodeNums: decodeNums,
      frontDecode: frontDecode,
      indexShard: indexShard,
      termPostings: termPostings,
      positions: positions,
      words: words,
      scanWords: scanWords,
      stem: stem,
      editDistance: editDistance,
      stripQuestion: stripQuestion,
      proximity: proximity,
      isPhrase: isPhrase,
      readQuery: readQuery
    };
  }
})();
