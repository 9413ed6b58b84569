/*
 * Postings: for each term, the sections holding it, in which fields, how
 * often, and at which word positions (layout: index.rs `TermPostings`,
 * files.rs `Streams`).
 */

import { decodeNumbers, shardOf } from './10-decode.js';

// Field bits of a posting's mask (index.rs).
export const BODY = 1;
export const TITLE = 2;
export const HEADING = 4;
export const SUB = 8;
export const TERMS = 16;

/**
 * Decodes a postings shard's streams and finds where each term starts in each
 * of them. isConcept(termIndex) tells concept terms, whose occurrences carry
 * spans.
 */
export function indexShard(shard, isConcept) {
  const ix = {
    n: decodeNumbers(shard.n), g: decodeNumbers(shard.g), m: decodeNumbers(shard.m),
    f: decodeNumbers(shard.f), q: decodeNumbers(shard.q), r: decodeNumbers(shard.r),
    at: new Int32Array(shard.c * 4),
  };
  let gi = 0;
  let fi = 0;
  let qi = 0;
  let ri = 0;
  for (let j = 0; j < shard.c; j++) {
    ix.at[4 * j] = gi;
    ix.at[4 * j + 1] = fi;
    ix.at[4 * j + 2] = qi;
    ix.at[4 * j + 3] = ri;
    const per = isConcept(shard.s + j) ? 2 : 1;
    for (let k = 0; k < ix.n[j]; k++) {
      const mask = ix.m[gi + k];
      if (mask & BODY) {
        const tf = ix.f[fi++] + 1;
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
export function termPostings(ix, j, concept) {
  const n = ix.n[j];
  const gi = ix.at[4 * j];
  let fi = ix.at[4 * j + 1];
  let qi = ix.at[4 * j + 2];
  let ri = ix.at[4 * j + 3];
  const { g, r } = ix;
  const per = concept ? 2 : 1;
  const docs = new Int32Array(n);
  const masks = new Uint8Array(n);
  const tf = new Int32Array(n);
  const bodyAt = new Int32Array(n);
  const spanAt = concept ? new Int32Array(n) : null;
  const titleAt = new Int32Array(n);
  const titleN = new Int32Array(n);
  const headAt = new Int32Array(n);
  const headN = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    docs[k] = k === 0 ? g[gi] : docs[k - 1] + g[gi + k] + 1;
    masks[k] = ix.m[gi + k];
  }
  for (let k = 0; k < n; k++) {
    const m = masks[k];
    bodyAt[k] = qi;
    if (m & BODY) {
      const t = ix.f[fi++] + 1;
      tf[k] = t;
      qi += t;
      if (concept) {
        spanAt[k] = ri;
        ri += t;
      }
    }
    if (m & TITLE) {
      titleN[k] = r[ri] + 1;
      titleAt[k] = ri + 1;
      ri += 1 + titleN[k] * per;
    }
    if (m & HEADING) {
      headN[k] = r[ri] + 1;
      headAt[k] = ri + 1;
      ri += 1 + headN[k] * per;
    }
  }
  return { n, docs, masks, tf, concept, q: ix.q, r, bodyAt, spanAt, titleAt, titleN, headAt, headN };
}

/** Occurrences [[position, words covered], ...] of a term in one field of its k-th section. */
export function positions(p, k, field) {
  const out = [];
  let pos = -1;
  if (field === BODY) {
    if (!(p.masks[k] & BODY)) return out;
    const at = p.bodyAt[k];
    for (let c = 0; c < p.tf[k]; c++) {
      pos = pos < 0 ? p.q[at + c] : pos + p.q[at + c] + 1;
      out.push([pos, p.concept ? p.r[p.spanAt[k] + c] + 1 : 1]);
    }
    return out;
  }
  const from = field === TITLE ? p.titleAt[k] : p.headAt[k];
  const count = field === TITLE ? p.titleN[k] : p.headN[k];
  const per = p.concept ? 2 : 1;
  for (let c = 0; c < count; c++) {
    const e = from + c * per;
    pos = pos < 0 ? p.r[e] : pos + p.r[e] + 1;
    out.push([pos, p.concept ? p.r[e + 1] + 1 : 1]);
  }
  return out;
}

/**
 * Decoded postings by term index, for one store: shards are indexed on first
 * use and each term's postings are kept (up to about 40 MB) while a reader
 * keeps typing. Returns postingsOf(t), null if t's shard is not loaded.
 */
export function postingsCache(store, isConcept) {
  const cache = new Map();
  let cachedSize = 0;
  return (t) => {
    const hit = cache.get(t);
    if (hit) return hit;
    const shard = store.p[shardOf(store.core.p, t)];
    if (!shard) return null;
    if (!shard.ix) shard.ix = indexShard(shard, isConcept);
    const p = termPostings(shard.ix, t - shard.s, isConcept(t));
    if (cachedSize > 1000000) {
      cache.clear();
      cachedSize = 0;
    }
    cache.set(t, p);
    cachedSize += p.n;
    return p;
  };
}
