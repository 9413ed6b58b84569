// ESLint's recommended rules over the site's JavaScript and the tests' (see DEVELOPERS.md).
// Run from the repository root by tests/lint: file patterns are relative to the root.
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['tests/browser/node_modules/', 'tests/browser/artifacts/', 'output/', 'target/'] },
  js.configs.recommended,
  {
    // What the site's pages load. The search client's parts are ES modules that the build
    // joins into one classic script (src/render/assets.rs); waymark.js is a classic script.
    // Syntax up to ES2020, which every browser of the last few years reads.
    files: ['theme/js/**/*.js'],
    languageOptions: { ecmaVersion: 2020, sourceType: 'script', globals: globals.browser },
  },
  { files: ['theme/js/search/**/*.js'], languageOptions: { sourceType: 'module' } },
  // The service worker runs in a worker, with its globals (self, caches, clients), not a page's.
  { files: ['theme/js/sw.js'], languageOptions: { globals: globals.serviceworker } },
  { files: ['tests/search/**/*.js'], languageOptions: { sourceType: 'commonjs', globals: globals.node } },
  {
    // The browser checks run in Node and hand functions to the page, which run there.
    files: ['tests/browser/**/*.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
  },
];
