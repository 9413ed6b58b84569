'use strict';
// Runs the real client (joined from theme/js/search/ as a build does) against the index the Rust code
// builds for the fixture site (tests/fixtures/search/). Run: node --test tests/search/

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { client, clientSource, evaluateIndex, buildFixture } = require('./helpers.js');

let dir;
let items;
let searcher;

before(() => {
  dir = buildFixture();
  items = evaluateIndex(dir);
  searcher = client.createSearcher(client.collect(items));
});

after(() => {
  if (dir && !process.env.WAYMARK_FIXTURE_DIR) fs.rmSync(dir, { recursive: true, force: true });
});

const urls = (r) => r.results.map((x) => x.url);
const rank = (r, url) => urls(r).indexOf(url);

test('the JavaScript stemmer agrees with the Rust (rust-stemmers) one', () => {
  const lines = fs.readFileSync(path.join(dir, 'stems.txt'), 'utf8').trim().split('\n');
  assert.ok(lines.length > 300, 'fixture words and tricky cases');
  const wrong = [];
  for (const line of lines) {
    const [word, stem] = line.split(' ');
    if (client.stem(word) !== stem) wrong.push(`${word}: rust ${stem}, js ${client.stem(word)}`);
  }
  assert.deepEqual(wrong, []);
});

test('the JavaScript word splitter agrees with the Rust one', () => {
  assert.deepEqual(client.words("Horwath's six categories: GCP2, well-being (2023)"), [
    'horwaths', 'six', 'categories', 'gcp2', 'well', 'being', '2023',
  ]);
  assert.deepEqual(client.words("'quoted' words' children\u2019s Café"), ['quoted', 'words', 'childrens', 'café']);
  assert.deepEqual(client.words('x'.repeat(41) + ' ok'), ['ok']);
});

test('the files are split into several shards and all register', () => {
  const kinds = items.map((o) => o.t);
  assert.equal(kinds.filter((t) => t === 'core').length, 1);
  assert.ok(kinds.filter((t) => t === 'p').length > 1);
  assert.ok(kinds.filter((t) => t === 'x').length > 1);
});

test('"GCP" puts the Graded Care Profile definition first', () => {
  const r = searcher.search('GCP');
  assert.equal(r.results[0].url, 'definitions/graded-care-profile.html');
  assert.equal(r.results[0].kind, 'Definition');
  assert.equal(r.answer.term, 'Graded Care Profile');
  assert.equal(r.answer.abbreviation, 'GCP');
  assert.equal(searcher.search('gcp').results[0].url, 'definitions/graded-care-profile.html');
});

test('"graded care profile" finds a page that only says GCP', () => {
  const r = searcher.search('graded care profile');
  assert.ok(rank(r, 'toolkit/neglect-toolkit.html#using-the-tools') >= 0, urls(r).join('\n'));
  assert.equal(r.results[0].url, 'definitions/graded-care-profile.html');
  // and the match is marked in the snippet, as the abbreviation
  const hit = r.results.find((x) => x.url === 'toolkit/neglect-toolkit.html#using-the-tools');
  assert.ok(hit.snippetParts.some((p) => p.mark && p.text === 'GCP'));
});

test('abbreviations and aliases find each other both ways', () => {
  const taf = searcher.search('TAF');
  assert.ok(rank(taf, 'definitions/team-around-the-family.html') >= 0);
  const full = searcher.search('team around the family');
  assert.ok(rank(full, 'strategy/responding.html#team-around-the-family') >= 0);
  const dna = searcher.search('did not attend');
  assert.equal(dna.results[0].url, 'definitions/was-not-brought.html');
});

test('"negelct" (a typo) finds neglect pages', () => {
  const r = searcher.search('negelct');
  assert.ok(r.total > 5);
  assert.equal(r.results[0].url, 'definitions/neglect.html');
  assert.ok(r.results.slice(0, 5).every((x) => /neglect/i.test(x.title + ' ' + (x.section || ''))));
  const marked = r.results.flatMap((x) => x.snippetParts.filter((p) => p.mark).map((p) => p.text));
  assert.ok(marked.length > 0 && marked.every((t) => /^neglect$/i.test(t)), marked.join());
});

test('"negl" (a word being typed) finds neglect pages', () => {
  const r = searcher.search('negl');
  assert.ok(r.total > 5);
  assert.equal(r.results[0].url, 'definitions/neglect.html');
  // Without prefix matching (a submitted query) the unfinished word is not a word.
  assert.equal(searcher.search('negl', { prefix: false }).total, 0);
  // A trailing space also ends the word.
  assert.equal(searcher.search('negl ').total, 0);
});

test('"what is disguised compliance" gives its definition first and as the answer', () => {
  const r = searcher.search('what is disguised compliance');
  assert.equal(r.answer.term, 'Disguised compliance');
  assert.equal(r.answer.url, 'definitions/disguised-compliance.html');
  assert.equal(r.results[0].url, 'definitions/disguised-compliance.html');
  // The section about families who do not engage is tagged with the term.
  assert.ok(rank(r, 'strategy/recognising-neglect.html#working-with-families-who-do-not-engage') > 0);
});

test('definition answers: question forms, abbreviations, plurals and typos', () => {
  const cases = {
    'what does TAF stand for': 'Team Around the Family',
    'define chronology': 'Chronology',
    'meaning of PLO': 'Public Law Outline',
    'What is a child in need?': 'Child in need',
    'graded care profiles': 'Graded Care Profile',
    'chronologies': 'Chronology',
    'disguised complaince': 'Disguised compliance',
    'what is the SDQ': 'Strengths and Difficulties Questionnaire',
    'EHAs': 'Early Help Assessment',
    'false compliance': 'Disguised compliance',
    'what happens at a TAF': 'Team Around the Family',
    'What happens in the public law outline?': 'Public Law Outline',
  };
  for (const [q, term] of Object.entries(cases)) {
    const a = searcher.answer(q);
    assert.ok(a, `no answer for ${q}`);
    assert.equal(a.term, term, q);
  }
  for (const q of ['care', 'neglect strategy', 'school attendance', 'gc', '']) {
    assert.equal(searcher.answer(q), null, q);
  }
});

test('definition answers: the leading words of one name, or a name still being typed', () => {
  assert.equal(searcher.answer('what is public law')?.term, 'Public Law Outline');
  assert.equal(searcher.answer('strengths and difficulties')?.term, 'Strengths and Difficulties Questionnaire');
  assert.equal(searcher.answer('disguised comp')?.term, 'Disguised compliance');
  assert.equal(searcher.answer('chron')?.term, 'Chronology');
  assert.equal(searcher.search('disguised comp').answer?.term, 'Disguised compliance');
  // A finished word must be whole; a name begun by two entries' names is neither.
  assert.equal(searcher.answer('disguised comp', { prefix: false }), null);
  assert.equal(searcher.answer('disguised comp '), null);
  assert.equal(searcher.answer('child protection'), null);
  // Too little of the name, or too few letters typed.
  assert.equal(searcher.answer('public'), null);
  assert.equal(searcher.answer('chr'), null);
});

test('plurals: "chronologies" finds chronology pages', () => {
  const r = searcher.search('chronologies');
  assert.equal(r.results[0].url, 'definitions/chronology.html');
  assert.ok(rank(r, 'strategy/recognising-neglect.html#cumulative-harm') >= 0);
  assert.ok(rank(r, 'toolkit/chronology-template.html') >= 0);
});

test('a phrase ranks above the same words far apart', () => {
  const r = searcher.search('school attendance');
  const near = rank(r, 'signposting/education-welfare.html');
  const far = rank(r, 'signposting/parenting-support.html');
  assert.ok(near >= 0 && far >= 0, urls(r).join('\n'));
  assert.ok(near < far, urls(r).join('\n'));
  assert.ok(r.results[near].score > r.results[far].score);
});

test('a title match beats a body match', () => {
  const r = searcher.search('chronology');
  assert.equal(r.results[0].url, 'definitions/chronology.html');
  assert.ok(
    rank(r, 'toolkit/chronology-template.html') < rank(r, 'strategy/recognising-neglect.html#cumulative-harm'),
    urls(r).join('\n'),
  );
});

test('a whole-title match leads even when other sections hold only some of the words', () => {
  // Near misses lift the full matches by a constant; the bonuses must not grow with it.
  const r = searcher.search('recognising neglect');
  assert.ok(r.total > r.results.filter((x) => x.title === 'Recognising neglect').length);
  assert.equal(r.results[0].url, 'strategy/recognising-neglect.html', urls(r).join('\n'));
});

test('a section whose heading and page title hold the query between them leads', () => {
  const r = searcher.search('who do I contact if I am worried about a child');
  assert.equal(r.results[0].url, 'strategy/worried.html#contact-details', urls(r).join('\n'));
});

test('a heading match leads for a section query', () => {
  const r = searcher.search('lack of supervision');
  assert.equal(r.results[0].url, 'strategy/defining-neglect.html#lack-of-supervision');
  assert.equal(r.results[0].title, 'Defining neglect');
  assert.equal(r.results[0].section, 'Lack of supervision and guidance');
  assert.equal(searcher.search('emotional neglect').results[0].url, 'strategy/defining-neglect.html#emotional-neglect');
});

test('a query with no match gives zero results and no error', () => {
  for (const q of ['xylophone quasar', 'zzzz', '', '   ', 'the of and', '!!!', '"><script>']) {
    const r = searcher.search(q);
    assert.equal(r.total, 0, q);
    assert.deepEqual(r.results, []);
    assert.deepEqual(r.missing, []);
  }
});

test('results carry the display fields and highlighted snippet parts', () => {
  const r = searcher.search('nutritional neglect', { limit: 3 });
  assert.ok(r.results.length <= 3);
  const top = r.results[0];
  assert.equal(top.url, 'strategy/defining-neglect.html#nutritional-neglect');
  assert.equal(top.kind, 'Strategy');
  assert.equal(typeof top.score, 'number');
  const text = top.snippetParts.map((p) => p.text).join('');
  assert.ok(text.startsWith('Nutritional neglect is a child not being given enough food'));
  const marked = top.snippetParts.filter((p) => p.mark).map((p) => p.text.toLowerCase());
  assert.ok(marked.includes('nutritional') && marked.includes('neglect'), marked.join(','));
});

test('limit and offset page through the results', () => {
  const all = searcher.search('neglect', { limit: 100 });
  const page2 = searcher.search('neglect', { limit: 5, offset: 5 });
  assert.deepEqual(urls(page2), urls(all).slice(5, 10));
  assert.equal(page2.total, all.total);
});

test("a page's further sections come after other pages named by the query", () => {
  const r = searcher.search('chronology', { limit: 8 });
  assert.equal(r.results[0].url, 'definitions/chronology.html');
  assert.ok(rank(r, 'toolkit/chronology-template.html') < rank(r, 'definitions/chronology.html#what-to-do'), urls(r).join('\n'));
  assert.ok(rank(r, 'toolkit/chronology-template.html') < rank(r, 'definitions/chronology.html#why-it-matters'), urls(r).join('\n'));
});

test('sections of one page do not crowd out other pages', () => {
  const r = searcher.search('neglect', { limit: 8 });
  const pages = new Set(r.results.map((x) => x.url.split('#')[0]));
  assert.ok(pages.size >= 5, urls(r).join('\n'));
});

test('missing shards are reported, then used once loaded', () => {
  const core = items.find((o) => o.t === 'core');
  const store = client.collect([core]);
  const s = client.createSearcher(store);
  const first = s.search('graded care profile');
  assert.ok(first.missing.length >= 1);
  assert.ok(first.missing.every((f) => /^search\/p\d+-[0-9a-f]{8}\.js$/.test(f)));
  assert.deepEqual(first.results, []);
  // Load what was asked for (by file name, as the browser does).
  const byFile = (names) => items.filter((o) => o.t !== 'core' && names.includes(fileOf(core, o)));
  client.collect(byFile(first.missing), store);
  const second = s.search('graded care profile');
  assert.ok(second.total > 0);
  assert.ok(second.missing.every((f) => /^search\/x\d+-[0-9a-f]{8}\.js$/.test(f)));
  assert.equal(second.results[0].url, null);
  client.collect(byFile(second.missing), store);
  const third = s.search('graded care profile');
  assert.deepEqual(third.missing, []);
  assert.equal(third.results[0].url, 'definitions/graded-care-profile.html');
});

function fileOf(core, o) {
  return (o.t === 'p' ? core.p : core.x)[o.i][1];
}

test('positions are read from the shard for one section at a time', () => {
  const core = items.find((o) => o.t === 'core');
  const terms = client.frontDecode(core.vocab);
  const isConcept = (t) => terms[t].startsWith('~');
  const section = (url) => {
    let at = 0;
    for (const o of items.filter((x) => x.t === 'x')) {
      for (let i = 0; i < o.d.length; i += 4, at++) if (o.d[i] === url) return at;
    }
    return -1;
  };
  const postingsOf = (term) => {
    const t = terms.indexOf(term);
    const shard = items.filter((o) => o.t === 'p').find((o) => t >= o.s && t < o.s + o.c);
    return client.termPostings(client.indexShard(shard, isConcept), t - shard.s, isConcept(t));
  };
  // "Defining neglect: Medical neglect": title word 1, heading word 1, and in the body.
  const p = postingsOf('neglect');
  const k = Array.from(p.docs).indexOf(section('strategy/defining-neglect.html#medical-neglect'));
  assert.ok(k >= 0);
  assert.deepEqual(client.positions(p, k, 2), [[1, 1]]);
  assert.deepEqual(client.positions(p, k, 4), [[1, 1]]);
  const body = client.positions(p, k, 1);
  assert.ok(body.length > 0 && body.every(([pos, span], i) => span === 1 && (i === 0 || pos > body[i - 1][0])));
  // A concept's occurrences cover its words: "Graded Care Profile" is three.
  const gcp = terms.find((t) => t.startsWith('~') && core.syn.some(([c, stems]) => `~${c}` === t && stems === 'grade care profil'));
  const c = postingsOf(gcp);
  const d = Array.from(c.docs).indexOf(section('definitions/graded-care-profile.html'));
  assert.deepEqual(client.positions(c, d, 2), [[0, 3]]);
});

test('query strings are read like a form submission', () => {
  assert.equal(client.readQuery('?q=graded+care%20profile'), 'graded care profile');
  assert.equal(client.readQuery('?x=1&q=GCP&y=2'), 'GCP');
  assert.equal(client.readQuery(''), '');
  assert.equal(client.readQuery('?q=%E0%A4%A'), '%E0%A4%A');
});

test('question framing is stripped', () => {
  assert.deepEqual(client.stripQuestion(['what', 'is', 'a', 'gcp']), ['gcp']);
  assert.deepEqual(client.stripQuestion(['what', 'does', 'taf', 'stand', 'for']), ['taf']);
  assert.deepEqual(client.stripQuestion(['define']), ['define']);
  assert.deepEqual(client.stripQuestion(['what', 'happens', 'at', 'a', 'core', 'group']), ['core', 'group']);
});

test('edit distance counts adjacent swaps as one edit', () => {
  assert.equal(client.editDistance('negelct', 'neglect', 2), 1);
  assert.equal(client.editDistance('neglect', 'neglect', 2), 0);
  assert.equal(client.editDistance('abcdef', 'uvwxyz', 2), 3);
});

test('the client stays on the site and keeps nothing', () => {
  const src = clientSource;
  for (const banned of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'fetch(',
    'XMLHttpRequest', 'localStorage', 'sessionStorage', 'indexedDB', 'http://', 'https://', 'import ', 'export ']) {
    assert.ok(!src.includes(banned), `client uses ${banned}`);
  }
});
