// The suite can fail: run it on tests/fixtures/a11y-broken, whose page template plants known
// faults, and expect each fault to be reported by the check that owns it, and nothing else to fail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SUITE = path.resolve(HERE, '..');
const REPOSITORY = path.resolve(SUITE, '../..');
const FIXTURE = path.join(REPOSITORY, 'tests/fixtures/a11y-broken');
const WAYMARK = process.env.WAYMARK_BIN ?? path.join(REPOSITORY, 'target/release/waymark');

let work;
let run;

/** This process's environment without the marker that makes a nested `node --test` skip its files. */
function suiteEnv() {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  return env;
}

before(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-a11y-broken-'));
  const output = path.join(work, 'site');
  const build = spawnSync(WAYMARK, ['build', '--site', FIXTURE, '--output', output], { encoding: 'utf8' });
  assert.equal(build.status, 0, `building the fixture failed:\n${build.stderr}`);
  const suite = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=tap', 'suite/'], {
    cwd: SUITE,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...suiteEnv(), WAYMARK_SITE: FIXTURE, WAYMARK_OUTPUT: output, WAYMARK_ARTIFACTS: path.join(work, 'artifacts') },
  });
  run = { status: suite.status, report: suite.stdout + suite.stderr };
  fs.writeFileSync(path.join(work, 'report.tap'), run.report);
});

after(() => fs.rmSync(work, { recursive: true, force: true }));

/** Names of the top-level tests that failed. */
function failedTests(report) {
  return [...report.matchAll(/^not ok \d+ - (.+)$/gm)].map((m) => m[1].replace(/ # .*$/, '')).sort();
}

test('the suite exits with failure on the broken site', () => {
  assert.notEqual(run.status, 0, 'the suite passed a site with planted faults');
});

test('axe reports the missing text alternative, the low contrast and the broken list', () => {
  for (const rule of ['image-alt', 'color-contrast', 'list']) {
    assert.match(run.report, new RegExp(`\\b${rule}: `), `axe did not report ${rule}`);
  }
});

test('the HTML checker reports the missing alt and the invalid nesting', () => {
  assert.match(run.report, /error: An “img” element must have an “alt” attribute/);
  assert.match(run.report, /error: Element “div” not allowed as child of element “ul”/);
});

test('the reflow and focus checks report the wide box and the hidden focus', () => {
  assert.match(run.report, /strategy\/chapter\.html: the page is \d+ px wide in a 320 px window/);
  assert.match(run.report, /focus is not visible on these elements[\s\S]*A link whose focus cannot/);
});

/** The report's lines for the top-level test named `name`, from its `not ok` line to the next test. */
function reportOf(report, name) {
  const lines = report.split('\n');
  const start = lines.findIndex((line) => /^not ok \d+ - /.test(line) && line.includes(name));
  if (start < 0) return '';
  const end = lines.findIndex((line, i) => i > start && /^(not )?ok \d+ - /.test(line));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

test('only the checks that own a planted fault fail', () => {
  const owners = [
    'axe finds no WCAG A or AA failure on any page, wide or narrow',
    'keyboard walk: strategy chapter (strategy/chapter.html)',
    'no page scrolls sideways at 320 px wide',
    'the Nu HTML Checker finds no error or warning on any page',
  ];
  const others = failedTests(run.report).filter((name) => !owners.includes(name));
  assert.deepEqual(others, [], `checks without a planted fault failed:\n${others.map((name) => reportOf(run.report, name)).join('\n')}`);
  assert.deepEqual(failedTests(run.report), owners, 'a check with a planted fault passed');
});
