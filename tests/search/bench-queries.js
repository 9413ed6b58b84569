'use strict';
// Times representative queries against a large index in Node.
//
//   cargo run --release --example search_bench -- /tmp/waymark-bench
//   node tests/search/bench-queries.js /tmp/waymark-bench
//
// Loads every file first (a browser loads only the shards a query needs), then
// runs each query as a first search (cold: postings decoded, shards indexed)
// and again (warm: decoded postings cached, as when a user keeps typing).

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { client, evaluateIndex } = require('./helpers.js');

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node tests/search/bench-queries.js INDEX_DIR');
  process.exit(2);
}

const QUERIES = [
  'neglect', 'child', 'negelct', 'negl', 'what is disguised compliance', 'graded care profile',
  'chronology', 'chronologies', 'school attendance', 'early help assessment', 'lack of supervision',
  'how do i make a referral', 'safe sleeping babies', 'domestic abuse', 'substance misuse parents',
  'team around the family', 'practitioner', 'supervison', 'c', 'health visitor home visit',
];


// CPU time (ms) rather than wall-clock time: on a busy machine a process
// waits for a core, and that wait says nothing about the code.
function time(fn) {
  const s = process.cpuUsage();
  const r = fn();
  const d = process.cpuUsage(s);
  return [(d.user + d.system) / 1000, r];
}

const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
};
const [evalMs, items] = time(() => evaluateIndex(dir));
const [initMs, searcher] = time(() => client.createSearcher(client.collect(items)));

const cold = [];
const warm = [];
const rows = [];
for (const q of QUERIES) {
  const [c, r] = time(() => searcher.search(q, { limit: 20 }));
  // Warm: the median of 7 repeats, so a busy machine's hiccups do not count.
  const reps = [];
  for (let i = 0; i < 7; i++) reps.push(time(() => searcher.search(q, { limit: 20 }))[0]);
  const w = median(reps);
  cold.push(c);
  warm.push(w);
  rows.push(`${q.padEnd(30)} ${String(r.total).padStart(6)} results  cold ${c.toFixed(2).padStart(7)} ms  warm ${w.toFixed(2).padStart(6)} ms`);
}

const max = (xs) => Math.max.apply(null, xs);

// What a phone downloads for its first query in the header box (8 results):
// the core, the postings shards the query needs, then the text shards of the
// results shown. Files are found by name, as the browser loads them.
const gz = (file) => zlib.gzipSync(fs.readFileSync(path.join(dir, file))).length;
const byName = new Map();
for (const name of fs.readdirSync(path.join(dir, 'search'))) {
  const sandboxItems = evaluateSingle(path.join(dir, 'search', name));
  byName.set('search/' + name, sandboxItems);
}
function evaluateSingle(file) {
  const vm = require('node:vm');
  const sandbox = { self: {} };
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), sandbox);
  return sandbox.self.waymarkSearchData;
}
function firstQuery(q) {
  const store = client.collect(byName.get('search/index.js'));
  const probe = client.createSearcher(store);
  const loaded = ['search/index.js'];
  for (let round = 0; round < 3; round++) {
    const r = probe.search(q, { limit: 8 });
    if (!r.missing.length) break;
    r.missing.forEach((f) => { loaded.push(f); client.collect(byName.get(f), store); });
  }
  return { files: loaded.length, kb: loaded.reduce((a, f) => a + gz(f), 0) / 1024 };
}

console.log(rows.join('\n'));
console.log(`\n(CPU time) load: evaluate files ${evalMs.toFixed(0)} ms, createSearcher ${initMs.toFixed(0)} ms (${searcher.terms.length} terms, ${searcher.docCount} sections)`);
console.log(`cold: median ${median(cold).toFixed(2)} ms, max ${max(cold).toFixed(2)} ms`);
console.log(`warm: median ${median(warm).toFixed(2)} ms, max ${max(warm).toFixed(2)} ms`);
for (const q of ['graded care profile', 'neglect', 'what is disguised compliance']) {
  const f = firstQuery(q);
  console.log(`first query "${q}" in the header box downloads ${f.files} files, ${f.kb.toFixed(0)} KB gzipped`);
}
