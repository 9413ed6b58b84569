/*
 * Loading the index in the browser: each file is added as a <script src>
 * (which works from file://, where fetch does not), and pushes its data onto
 * self.waymarkSearchData for the loader to collect.
 */

import { collect } from './10-decode.js';
import { createSearcher } from './60-searcher.js';

const CORE_FILE = 'search/index.js';

/** Loads index files under root as a search needs them, and runs searches. */
export function createLoader(root) {
  const store = { core: null, p: [], x: [] };
  const loading = new Map(); // file -> promise
  let searcher = null;
  const queue = self.waymarkSearchData = self.waymarkSearchData || [];

  const drain = () => {
    if (queue.length) collect(queue.splice(0, queue.length), store);
  };

  function load(file) {
    if (!loading.has(file)) {
      loading.set(file, new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = root + file;
        script.async = true;
        script.onload = () => {
          drain();
          resolve();
        };
        script.onerror = () => {
          loading.delete(file); // a later search tries again
          script.remove();
          reject(new Error('could not load ' + file));
        };
        document.head.appendChild(script);
      }));
    }
    return loading.get(file);
  }

  /** Resolves to the searcher once the core is loaded. */
  function ready() {
    drain();
    if (searcher) return Promise.resolve(searcher);
    return load(CORE_FILE).then(() => {
      if (!store.core) throw new Error('search index is empty');
      searcher = searcher || createSearcher(store);
      return searcher;
    });
  }

  /** Resolves to search results once every file they need is loaded. */
  function run(query, opts) {
    let rounds = 0;
    const attempt = (s) => {
      const r = s.search(query, opts);
      if (!r.missing.length) return r;
      if (++rounds > 3) throw new Error('search index files are inconsistent');
      return Promise.all(r.missing.map(load)).then(() => {
        drain();
        return attempt(s);
      });
    };
    return ready().then(attempt);
  }

  return { ready, run, isReady: () => searcher !== null };
}
