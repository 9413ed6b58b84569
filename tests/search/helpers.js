'use strict';
// Shared by the Node tests and the query bench: joins the search client from
// its parts as a site build does, builds or loads an index and evaluates its
// files the way a browser would (each is a classic script that pushes onto
// self.waymarkSearchData).

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const PARTS = path.join(ROOT, 'theme', 'js', 'search');

/**
 * The search client as a site build writes it to theme/js/search.js (see
 * src/render/assets.rs `join_search_client`): the parts in order of their
 * names, each without its opening comment, its import statements and
 * `export ` at the start of a line, inside one function.
 */
function joinClient(dir = PARTS) {
  let out = "/* waymark search client, joined from theme/js/search/ when the site is built. */\n" +
    "(function () {\n'use strict';\n";
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.js')).sort()) {
    let inImport = false;
    let part = '';
    let text = fs.readFileSync(path.join(dir, name), 'utf8');
    const opening = text.startsWith('/*') ? text.indexOf('*/', 2) : -1;
    if (opening >= 0) text = text.slice(opening + 2).replace(/^[\r\n]+/, '');
    for (const line of text.split(/(?<=\n)/)) {
      if (inImport || line.startsWith('import ')) {
        inImport = !line.trimEnd().endsWith(';');
        continue;
      }
      part += line.startsWith('export ') ? line.slice('export '.length) : line;
    }
    out += part && !part.endsWith('\n') ? part + '\n' : part;
  }
  return out + '})();\n';
}

/** Runs the joined client as Node runs a CommonJS file, and returns its exports. */
function loadClient(source) {
  const module = { exports: {} };
  vm.compileFunction(source, ['module', 'exports'], { filename: 'theme/js/search.js' })(module, module.exports);
  return module.exports;
}

const clientSource = joinClient();
const client = loadClient(clientSource);

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

module.exports = { ROOT, PARTS, client, clientSource, joinClient, evaluateIndex, buildFixture, buildDemoSite };
