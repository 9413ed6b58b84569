/*
 * The searcher: a query in, ranked results out, over the index files
 * loaded so far. It asks for the files it lacks instead of loading them,
 * so it runs the same in the browser and in Node's tests.
 */

import { shardOf } from './10-decode.js';
import { postingsCache } from './15-postings.js';
import { words } from './20-words.js';
import { openIndex, isConceptTerm } from './35-index.js';
import { analyze, stripQuestion, isTyping } from './40-query.js';
import { findAnswer } from './45-answer.js';
import { scoreBuffers, rankSections } from './50-rank.js';
import { highlighter } from './55-highlight.js';

const KINDS = {
  strategy: 'Strategy', definition: 'Definition', toolkit: 'Toolkit',
  signposting: 'Signposting', news: 'News', briefing: 'Briefing', event: 'Event',
  page: 'Page',
};
const MAX_UNITS = 30; // one bit each in a section's matched units

/**
 * A searcher over a store {core, p: [...], x: [...]} (see collect()). The
 * core must be loaded; shards may be added to store.p / store.x later.
 * search() lists missing shards in result.missing: load them and ask again.
 */
export function createSearcher(store) {
  const index = openIndex(store);
  const isConcept = (t) => isConceptTerm(index.terms[t]);
  const ctx = {
    index,
    postingsOf: postingsCache(store, isConcept),
    buffers: scoreBuffers(index.sections.count),
  };

  /**
   * Runs a query. opts: {limit (20), offset (0), prefix (true: the last
   * word may be unfinished)}. Returns {query, answer, results, total,
   * missing}; each result is {doc, url, title, section, kind, snippetParts,
   * score}. When missing (file names) is not empty, load those files and
   * search again: postings shards first, then text shards for the results.
   */
  function search(query, opts = {}) {
    const limit = opts.limit === undefined ? 20 : opts.limit;
    const offset = opts.offset || 0;
    const q = analyze(index, query || '', opts);
    const answer = findAnswer(index, q.stripped, q.partial);
    const out = { query, answer, results: [], total: 0, missing: [] };
    const units = q.units.filter((u) => u.cands.length).slice(0, MAX_UNITS);
    if (!units.length) return out;
    out.missing = missingPostings(units);
    if (out.missing.length) return out;

    const ranked = rankSections(ctx, units, answer ? answer.doc : -1, offset + limit);
    out.total = ranked.total;
    const mark = highlighter(index, units);
    out.results = ranked.lead.slice(offset, offset + limit)
      .map((d) => result(d, ranked.scores[d], mark, out.missing));
    return out;
  }

  /** The postings files that units need and are not loaded yet. */
  function missingPostings(units) {
    const table = index.core.p;
    const missing = [];
    for (const u of units) {
      for (const [term] of u.cands) {
        const k = shardOf(table, term);
        if (!store.p[k] && !missing.includes(table[k][1])) missing.push(table[k][1]);
      }
    }
    return missing;
  }

  /** Section d as a result; its text file goes on `missing` if it is not loaded yet. */
  function result(d, score, mark, missing) {
    const table = index.core.x;
    const k = shardOf(table, d);
    const shard = store.x[k];
    const kind = index.core.kinds[index.sections.kind[d]] || '';
    const r = {
      doc: d, url: null, title: null, section: null, kind: KINDS[kind] || titleCase(kind), snippetParts: [], score,
    };
    if (!shard) {
      if (!missing.includes(table[k][1])) missing.push(table[k][1]);
      return r;
    }
    const row = (d - shard.s) * 4;
    r.url = shard.d[row];
    r.title = shard.d[row + 1];
    r.section = shard.d[row + 2] || null;
    r.snippetParts = mark(shard.d[row + 3]);
    return r;
  }

  return {
    search,
    analyze: (query, opts) => analyze(index, query, opts),
    /** The glossary entry a query asks about, or null. */
    answer: (query, opts) => findAnswer(index, stripQuestion(words(query)), isTyping(query, opts)),
    /** The sorted vocabulary (stems and ~N concept tokens). */
    terms: index.terms,
    /** Number of sections indexed. */
    docCount: index.sections.count,
  };
}

function titleCase(s) {
  return s ? s[0].toUpperCase() + s.slice(1) : '';
}
