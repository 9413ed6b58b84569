'use strict';
// The search client's parts (theme/js/search/) and the one file a build joins them into.
// The parts are ES modules for editors and ESLint, but the browser runs them joined, in one
// scope, in the order of their names: so a part may only use what an earlier part exports, and
// no two parts may declare the same name. Run: node --test tests/search/

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { PARTS, clientSource, buildDemoSite } = require('./helpers.js');

const parts = fs.readdirSync(PARTS).filter((n) => n.endsWith('.js')).sort()
  .map((name) => ({ name, text: fs.readFileSync(path.join(PARTS, name), 'utf8') }));

/** Names a part declares at its top level (with or without `export`). */
function declared(text) {
  return [...text.matchAll(/^(export )?(?:function|const|let|class) (\w+)/gm)]
    .map((m) => ({ name: m[2], exported: m[1] !== undefined }));
}

/** A part's imports: [{names, from}]. */
function imports(text) {
  return [...text.matchAll(/^import \{([^}]*)\}\s*from '\.\/([^']+)';/gm)]
    .map((m) => ({ names: m[1].split(',').map((s) => s.trim()).filter(Boolean), from: m[2] }));
}

test('each part imports only what an earlier part exports', () => {
  const exported = new Map();
  const problems = [];
  for (const part of parts) {
    const importLines = part.text.match(/^import .*$/gm) || [];
    const found = imports(part.text);
    if (importLines.length !== found.length) problems.push(`${part.name}: an import the build cannot read`);
    for (const { names, from } of found) {
      if (!exported.has(from)) problems.push(`${part.name} imports from ${from}, which is not an earlier part`);
      for (const n of names) {
        if (exported.has(from) && !exported.get(from).has(n)) problems.push(`${part.name}: ${from} does not export ${n}`);
      }
    }
    exported.set(part.name, new Set(declared(part.text).filter((d) => d.exported).map((d) => d.name)));
  }
  assert.deepEqual(problems, []);
});

test('no two parts declare the same name, since the build joins them into one scope', () => {
  const owner = new Map();
  const clashes = [];
  for (const part of parts) {
    for (const { name } of declared(part.text)) {
      if (owner.has(name)) clashes.push(`${name} in ${owner.get(name)} and ${part.name}`);
      owner.set(name, part.name);
    }
  }
  assert.deepEqual(clashes, []);
  assert.ok(owner.size > 50, 'the declarations were found');
});

test('the parts use only the module syntax the build removes', () => {
  for (const part of parts) {
    assert.doesNotMatch(part.text, /^export (default|\{|\*)/m, `${part.name}: write export before a declaration`);
    assert.doesNotMatch(part.text, /^[ \t]+(import|export) /m, `${part.name}: import and export start a line`);
  }
});

test('a built site has the joined client as theme/js/search.js, and not the parts', () => {
  const out = buildDemoSite();
  try {
    assert.equal(fs.readFileSync(path.join(out, 'theme', 'js', 'search.js'), 'utf8'), clientSource);
    assert.ok(!fs.existsSync(path.join(out, 'theme', 'js', 'search')), 'the parts are not copied');
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
});
