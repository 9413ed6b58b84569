// The suite's own web server serves the output folder and nothing else.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { serve, SUB_PATH } from '../lib/server.js';
import { outputDir } from '../lib/site.js';

let server;
before(async () => { server = await serve(outputDir); });
after(() => server.close());

/** GETs `rawPath` exactly as written (no client-side tidying of `..`) and returns the status. */
function status(rawPath) {
  return new Promise((resolve, reject) => {
    const { port } = new URL(server.origin);
    http.get({ host: '127.0.0.1', port, path: rawPath }, (response) => {
      response.resume();
      resolve(response.statusCode);
    }).on('error', reject);
  });
}

test('pages are served at the root and at the sub-path', async () => {
  assert.equal(await status('/index.html'), 200);
  assert.equal(await status('/'), 200);
  assert.equal(await status(`${SUB_PATH}index.html`), 200);
  assert.equal(await status(SUB_PATH), 200);
  assert.equal(await status(`${SUB_PATH}theme/css/waymark.css`), 200);
});

test('nothing outside the output folder can be fetched', async () => {
  for (const path of [
    '/../waymark.toml',
    '/%2e%2e/waymark.toml',
    '/..%2fwaymark.toml',
    `${SUB_PATH}../../waymark.toml`,
    `${SUB_PATH}..%2f..%2fCargo.toml`,
    '/theme/../../Cargo.toml',
    '/%2fetc%2fpasswd',
    '//etc/passwd',
    '/index.html%00.css',
    '/theme',
  ]) {
    assert.equal(await status(path), 404, path);
  }
});
