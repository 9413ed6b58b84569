/*
 * Ranking. Per query unit: idf x (BM25 body score + field boosts), times the
 * unit's match weight (1 exact, less for prefix and typo matches). Sections
 * holding every unit come first; the leading ones then get bonuses that need
 * word positions (the query covering the title or heading, words close
 * together); the page the answer names leads; and a page's further sections
 * count less, so one long page does not fill the list.
 */

import { BODY, TITLE, HEADING, SUB, TERMS, positions } from './15-postings.js';

const K1 = 1.2;
const B = 0.75;
const BOOST_TITLE = 2.5;
const BOOST_HEADING = 2.0;
const BOOST_SUB = 0.8;
const BOOST_TERMS = 1.0;
// Tiers added on top, so a whole-title match comes first, then a
// whole-heading match, then titles and headings holding every query unit.
const ANSWER_PAGE = 5000;
const EXACT_TITLE = 1000;
const EXACT_HEADING = 500;
const ALL_IN_TITLE = 100;
const ALL_IN_HEADING = 60;
const ALL_IN_BOTH = 60; // every unit in the page title or the section heading, split between them
const OTHER_SECTION = 0.1; // share of page-title tiers for a page's later sections
const PROXIMITY = 0.6; // up to +60% when the query units sit together in the body
const PHRASE = 0.4; // and +40% more when they appear in order, adjacent
const SAME_PAGE = 0.5; // each further section of one page is worth half the one before
const RERANK = 150; // leading sections that get the position-based bonuses
const FEW = 5; // below this many full matches, near matches are shown after them
const PARTIAL_CAP = 1e4; // near matches score below this; full matches above

/**
 * Buffers of one entry per section, kept between searches (a search runs on
 * every pause in typing) and cleared through the list of sections a search
 * touched.
 */
export function scoreBuffers(sectionCount) {
  return {
    scores: new Float64Array(sectionCount),
    matched: new Int32Array(sectionCount), // bit u: unit u matched
    best: new Float64Array(sectionCount),
    bestCand: [], // per unit: per section, the candidate that scored best
    bestK: [], // per unit: per section, its place in that candidate's postings
    dirty: [],
  };
}

/**
 * Ranks the sections that match units. ctx: {index, postingsOf, buffers}.
 * Returns {lead, total, scores}: the leading sections best first (at least
 * `shown` of them, when there are), the number of matches, and the scores.
 */
export function rankSections(ctx, units, answerDoc, shown) {
  const { scores, matched } = ctx.buffers;
  clearScores(ctx.buffers);
  const touched = scoreUnits(ctx, units);
  ctx.buffers.dirty = touched;
  const allMask = units.length >= 31 ? -1 : (1 << units.length) - 1;
  const { docs, lift } = selectMatches(ctx.buffers, touched, units.length, allMask);
  const liftOf = (d) => (matched[d] === allMask ? lift : 0);
  // Only the leading sections need ordering: take a margin more than
  // will be shown, so demoting repeats of a page can let others in.
  const byScore = (a, b) => scores[b] - scores[a] || a - b;
  const want = Math.max(RERANK, shown);
  const lead = topK(docs, scores, want + (want >> 1) + 20, byScore);
  for (const d of lead.slice(0, RERANK)) scores[d] += positionBonus(ctx, d, scores[d] - liftOf(d), units);
  if (answerDoc >= 0 && matched[answerDoc]) scores[answerDoc] += ANSWER_PAGE;
  lead.sort(byScore);
  discountRepeats(lead, scores, ctx.index.pages.ofSection, liftOf);
  lead.sort(byScore);
  return { lead, total: docs.length, scores };
}

/** Zeroes the scores and matched units the last search left. */
function clearScores(buffers) {
  const { scores, matched, dirty } = buffers;
  for (let i = 0; i < dirty.length; i++) {
    scores[dirty[i]] = 0;
    matched[dirty[i]] = 0;
  }
}

/** Lets other pages through: each further section of a page in lead counts less. */
function discountRepeats(lead, scores, pageOf, liftOf) {
  const perPage = new Map();
  for (let i = 0; i < lead.length; i++) {
    const d = lead[i];
    const c = perPage.get(pageOf[d]) || 0;
    if (c) scores[d] = liftOf(d) + (scores[d] - liftOf(d)) * Math.pow(SAME_PAGE, c);
    perPage.set(pageOf[d], c + 1);
  }
}

/**
 * Adds each unit's score (its best candidate's) to every section it
 * matches and marks the unit in the section's bits. Returns the sections
 * touched.
 */
function scoreUnits(ctx, units) {
  const { index, postingsOf, buffers } = ctx;
  const { scores, matched, best } = buffers;
  const { count: n, bodyLen, avgLen } = index.sections;
  const touched = [];
  for (let ui = 0; ui < units.length; ui++) {
    const bestCand = buffers.bestCand[ui] || (buffers.bestCand[ui] = new Int32Array(n));
    const bestK = buffers.bestK[ui] || (buffers.bestK[ui] = new Int32Array(n));
    const seen = [];
    const cands = units[ui].cands;
    for (let ci = 0; ci < cands.length; ci++) {
      const [term, weight] = cands[ci];
      const p = postingsOf(term);
      const w = weight * Math.log(1 + (n - p.n + 0.5) / (p.n + 0.5));
      for (let k = 0; k < p.n; k++) {
        const d = p.docs[k];
        const sc = fieldScore(p.masks[k], p.tf[k], bodyLen[d], avgLen) * w;
        if (sc > best[d]) {
          if (best[d] === 0) seen.push(d);
          best[d] = sc;
          bestCand[d] = ci;
          bestK[d] = k;
        }
      }
    }
    for (let j = 0; j < seen.length; j++) {
      const d = seen[j];
      if (!matched[d]) touched.push(d);
      scores[d] += best[d];
      best[d] = 0;
      matched[d] |= 1 << ui;
    }
  }
  return touched;
}

/**
 * A term's score in one section: BM25 of its frequency tf in a body of len words (when the
 * mask has BODY), plus a boost for each other field holding it.
 */
function fieldScore(m, tf, len, avgLen) {
  let sc = 0;
  if (m & BODY) sc = tf * (K1 + 1) / (tf + K1 * (1 - B + B * len / avgLen));
  if (m & TITLE) sc += BOOST_TITLE;
  if (m & HEADING) sc += BOOST_HEADING;
  if (m & SUB) sc += BOOST_SUB;
  if (m & TERMS) sc += BOOST_TERMS;
  return sc;
}

/**
 * The sections to list: those holding every unit; when there are few,
 * sections missing one unit follow (any match at all if there are none),
 * ranked down by the share of units they miss. Full matches are lifted by
 * PARTIAL_CAP to stay above partial ones (the lift is kept out of the
 * bonuses and the same-page discount).
 */
function selectMatches(buffers, touched, unitCount, allMask) {
  const { scores, matched } = buffers;
  let docs = touched.filter((d) => matched[d] === allMask);
  const full = docs.length;
  let lift = 0;
  if (full < FEW && unitCount > 1) {
    const need = full ? unitCount - 1 : 1;
    const partial = touched.filter((d) => {
      const c = popcount(matched[d]);
      return c < unitCount && c >= need;
    });
    for (let i = 0; i < partial.length; i++) {
      const d = partial[i];
      const c = popcount(matched[d]) / unitCount;
      scores[d] *= c * c;
      if (full) scores[d] = Math.min(scores[d], PARTIAL_CAP);
    }
    docs = docs.concat(partial);
    if (full) lift = PARTIAL_CAP;
  }
  for (let i = 0; i < full && lift; i++) scores[docs[i]] += lift;
  return { docs, lift };
}

/** Occurrences [[pos, span], ...] of unit ui's best term in a field of section d. */
function occurrences(ctx, units, d, ui, field) {
  const { bestCand, bestK } = ctx.buffers;
  return positions(ctx.postingsOf(units[ui].cands[bestCand[ui][d]][0]), bestK[ui][d], field);
}

/** Bonuses that need positions: whole or full-coverage title and heading, proximity. */
function positionBonus(ctx, d, base, units) {
  const { index, buffers } = ctx;
  const mask = buffers.matched[d];
  const page = index.pages.ofSection[d];
  let weight = 1;
  let bonus = 0;
  const lists = { title: [], head: [], body: [] };
  const inAll = { title: true, head: true, either: true };
  for (let ui = 0; ui < units.length; ui++) {
    if (!(mask & (1 << ui))) {
      inAll.title = inAll.head = inAll.either = false;
      continue;
    }
    weight = Math.min(weight, units[ui].cands[buffers.bestCand[ui][d]][1]);
    const t = occurrences(ctx, units, d, ui, TITLE);
    const h = occurrences(ctx, units, d, ui, HEADING);
    if (!t.length) inAll.title = false;
    if (!h.length) inAll.head = false;
    if (!t.length && !h.length) inAll.either = false;
    lists.title.push(t);
    lists.head.push(h);
    lists.body.push(occurrences(ctx, units, d, ui, BODY));
  }
  const tl = index.pages.titleLen[page];
  if (inAll.title && tl > 0) {
    const share = index.pages.first[page] === d ? 1 : OTHER_SECTION;
    const cov = covered(lists.title, tl);
    bonus += share * (cov >= tl ? EXACT_TITLE : ALL_IN_TITLE * cov / tl * (isPhrase(lists.title) ? 1 : 0.7));
  }
  const hl = index.sections.headLen[d];
  if (inAll.head && hl > 0) {
    const cov = covered(lists.head, hl);
    bonus += cov >= hl ? EXACT_HEADING : ALL_IN_HEADING * cov / hl * (isPhrase(lists.head) ? 1 : 0.7);
  }
  // "What to do if you are worried about a child: Contact details" for
  // "worried about a child, who do I contact".
  if (inAll.either && !inAll.title && !inAll.head && hl > 0 && tl > 0) {
    bonus += ALL_IN_BOTH * (covered(lists.title, tl) + covered(lists.head, hl)) / (tl + hl);
  }
  bonus *= weight;
  const body = lists.body.filter((l) => l.length);
  if (body.length > 1) {
    const prox = proximity(body);
    bonus += base * (PROXIMITY * prox * prox + (prox === 1 && isPhrase(body) ? PHRASE : 0));
  }
  return bonus;
}

/** Number of distinct positions below len covered by occurrence lists [[[pos, span]...]...]. */
function covered(lists, len) {
  const hit = new Uint8Array(len);
  let n = 0;
  for (const l of lists) {
    for (const [pos, span] of l) {
      for (let p = pos; p < pos + span && p < len; p++) {
        if (!hit[p]) {
          hit[p] = 1;
          n++;
        }
      }
    }
  }
  return n;
}

/** True if the units occur in query order, each right after the previous. */
export function isPhrase(lists) {
  let ends = lists[0].map(([pos, span]) => pos + span);
  for (let i = 1; i < lists.length && ends.length; i++) {
    const next = [];
    for (const [pos, span] of lists[i]) if (ends.includes(pos)) next.push(pos + span);
    ends = next;
  }
  return ends.length > 0;
}

/**
 * How tightly the units sit together: (words they cover) / (width of the
 * smallest window holding one occurrence of each), so 1 for adjacent.
 */
export function proximity(lists) {
  const events = [];
  const need = lists.length;
  let ideal = 0;
  lists.forEach((l, u) => {
    let minSpan = Infinity;
    for (const [pos, span] of l) {
      events.push([pos, pos + span, u]);
      if (span < minSpan) minSpan = span;
    }
    ideal += minSpan;
  });
  events.sort((a, b) => a[0] - b[0] || a[2] - b[2]);
  const count = new Int32Array(need);
  let have = 0;
  let bestWidth = Infinity;
  let lo = 0;
  for (let hi = 0; hi < events.length; hi++) {
    if (count[events[hi][2]]++ === 0) have++;
    while (have === need) {
      let end = 0;
      for (let k = lo; k <= hi; k++) if (events[k][1] > end) end = events[k][1];
      const width = end - events[lo][0];
      if (width < bestWidth) bestWidth = width;
      if (--count[events[lo][2]] === 0) have--;
      lo++;
    }
  }
  return bestWidth === Infinity ? 0 : Math.min(1, ideal / bestWidth);
}

/** The k best of docs by scores, sorted with cmp (all of them if fewer). */
function topK(docs, scores, k, cmp) {
  let chosen = docs;
  if (docs.length > k) {
    const values = new Float64Array(docs.length);
    for (let i = 0; i < docs.length; i++) values[i] = scores[docs[i]];
    const threshold = kthLargest(values, k);
    chosen = docs.filter((d) => scores[d] >= threshold);
  }
  return chosen.sort(cmp);
}

/** The k-th largest value (1-based) of a, which it reorders (quickselect). */
function kthLargest(a, k) {
  const target = a.length - k;
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return a[target];
}

/** The number of bits set in x. */
function popcount(x) {
  let c = 0;
  for (let v = x; v; v >>>= 1) c += v & 1;
  return c;
}
