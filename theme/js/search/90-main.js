/*
 * Start-up: in a browser, the header box and search.html come alive once
 * the page is read; in Node, the parts the tests check are exported.
 */

import { collect, frontDecode } from './10-decode.js';
import { indexShard, termPostings, positions } from './15-postings.js';
import { words, scanWords } from './20-words.js';
import { stem } from './25-stem.js';
import { editDistance } from './30-typos.js';
import { stripQuestion } from './40-query.js';
import { proximity, isPhrase } from './50-rank.js';
import { createSearcher } from './60-searcher.js';
import { createLoader } from './70-loader.js';
import { setupHeader } from './80-header-box.js';
import { setupPage, readQuery } from './85-search-page.js';

function initBrowser() {
  const root = document.documentElement.getAttribute('data-root') || '';
  const loader = createLoader(root);
  const header = document.getElementById('wm-search-input');
  if (header) setupHeader(header, loader, root);
  if (document.getElementById('wm-search-page')) setupPage(loader, root);
}

if (typeof document !== 'undefined' && typeof window !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', initBrowser);
  else initBrowser();
}

/* global module -- defined when Node's tests load the client */
if (typeof module === 'object' && module.exports) {
  module.exports = {
    createSearcher, collect, frontDecode, indexShard, termPostings, positions, words, scanWords, stem,
    editDistance, stripQuestion, proximity, isPhrase, readQuery,
  };
}
