'use strict';
// Shared by the Node tests and the query bench: builds or loads an index and
// evaluates its files the way a browser would (each is a classic script that
// pushes onto self.waymarkSearchData).

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const client = require(path.join(ROOT, 'theme', 'js', 'search.js'));

/**
 * Runs dir/search/index.js and every file its tables name, in a sandbox, as
 * classic scripts; returns the objects they pushed.
 */
function evaluateIndex(dir) {
  const sandbox = { self: {} };
  vm.createContext(sandbox);
  const run = (name) => vm.runInContext(fs.readFileSync(path.join(dir, name), 'utf8'), sandbox, { filename: name });
  run('search/index.js');
  const core = sandbox.self.waymarkSearchData[0];
  for (const [, name] of core.p.concat(core.x)) run(name);
  return sandbox.self.waymarkSearchData;
}

/** Builds the fixture index with the Rust example (or uses WAYMARK_FIXTURE_DIR). */
function buildFixture() {
  if (process.env.WAYMARK_FIXTURE_DIR) return process.env.WAYMARK_FIXTURE_DIR;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-search-'));
  execFileSync('cargo', ['run', '--quiet', '--example', 'search_fixture', '--', out], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return out;
}

/**
 * Builds the demo site (the repository itself) into a new temporary folder with the real
 * binary and returns the folder: `$WAYMARK_BIN`, else the debug build, brought up to date first.
 */
function buildDemoSite() {
  let bin = process.env.WAYMARK_BIN;
  if (!bin) {
    execFileSync('cargo', ['build', '--quiet'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    bin = path.join(ROOT, 'target', 'debug', 'waymark');
  }
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-demo-')), 'output');
  execFileSync(bin, ['build', '--site', ROOT, '--output', out, '--no-pdf'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return out;
}

module.exports = { ROOT, client, evaluateIndex, buildFixture, buildDemoSite };
