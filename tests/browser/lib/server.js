// A tiny static file server for the built site, on loopback only. It serves one folder both at
// `/` and at `/sub/path/`, the two ways the site is published on a web server. Nothing outside
// that folder can be served: paths are resolved and must stay inside it, symbolic links included.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';

export const SUB_PATH = '/sub/path/';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pdf': 'application/pdf',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file inside `root` that `urlPath` names, or null if it names nothing servable. */
export async function resolveInside(root, urlPath) {
  let relative;
  if (urlPath === SUB_PATH.slice(0, -1)) return null;
  if (urlPath.startsWith(SUB_PATH)) relative = urlPath.slice(SUB_PATH.length);
  else if (urlPath.startsWith('/')) relative = urlPath.slice(1);
  else return null;
  try {
    relative = decodeURIComponent(relative);
  } catch {
    return null;
  }
  if (relative.includes('\0')) return null;
  // The site's links always name files; only the root of each mount stands for its index.html.
  if (relative === '') relative = 'index.html';
  const realRoot = await fs.realpath(root);
  const candidate = path.resolve(realRoot, relative);
  if (!isInside(realRoot, candidate)) return null;
  try {
    const real = await fs.realpath(candidate);
    if (!isInside(realRoot, real)) return null;
    const stat = await fs.stat(real);
    return stat.isFile() ? real : null;
  } catch {
    return null;
  }
}

function isInside(root, candidate) {
  return candidate.startsWith(root + path.sep);
}

/**
 * Starts serving `root` on 127.0.0.1 at a free port; resolves to { origin, close, setDown }.
 * `setDown(true)` makes the server drop every connection unanswered, as a phone without signal
 * finds the network, for service workers too (the browser's own offline switch does not reach
 * them); `setDown(false)` brings it back.
 */
export async function serve(root) {
  let down = false;
  const server = http.createServer(async (request, response) => {
    if (down) {
      request.socket.destroy();
      return;
    }
    const file = request.method === 'GET' || request.method === 'HEAD'
      ? await resolveInside(root, rawPath(request.url))
      : null;
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Not found');
      return;
    }
    const body = await fs.readFile(file);
    response.writeHead(200, {
      'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    setDown: (value) => {
      down = value;
      if (down) server.closeAllConnections();
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}

// The path exactly as sent, before any normalising: `/sub/path/../../x` must not be tidied into
// something that looks harmless.
function rawPath(url) {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}
