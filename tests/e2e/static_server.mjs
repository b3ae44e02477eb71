// A static host for dist/ as people meet it (`make lighthouse`, tests/e2e/layout_shift.mjs):
// gzip for text and wasm when the browser asks for it, and the cache headers of a static host
// that knows which files are content-hashed. Python's http.server sends neither, which costs
// seconds of simulated mobile load that no user sees (../shared/toolchain.md).
// Needs nothing outside Node (no playwright-core): `make lighthouse` runs it on its own.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/** Compressed already, or too small to gain: sent as they are. */
const PLAIN = new Set(['.png']);

/**
 * The files trunk names by content hash (`base-74d01ea7464ce0a6.css`) and everything in the
 * per-build folder of the split wasm (`w-<hash>/`) never change under their URL: a year,
 * immutable. index.html, sw.js, the manifest and the templates are checked on each visit.
 */
export function cacheControl(rel) {
  if (/^w-[0-9a-f]{8,}\//.test(rel) || /-[0-9a-f]{8,}\.[a-z]+$/.test(rel)) {
    return 'public, max-age=31536000, immutable';
  }
  return 'no-cache';
}

/**
 * Serves `dir` at http://127.0.0.1:<free port><subPath> with gzip and cache headers; anything
 * outside `subPath` is a 404. Returns { url, close, log } (`log`: the paths asked for).
 */
export async function serveStatic(dir, { subPath = '/', gzip = true } = {}) {
  const root = path.resolve(dir);
  const gzipped = new Map();
  const log = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(subPath)) {
      res.writeHead(404).end('not under ' + subPath);
      return;
    }
    const rel = decodeURIComponent(url.pathname.slice(subPath.length)) || 'index.html';
    const file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    log.push(rel);
    const ext = path.extname(file);
    const headers = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': cacheControl(rel),
      vary: 'Accept-Encoding',
    };
    let body = fs.readFileSync(file);
    if (gzip && !PLAIN.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      if (!gzipped.has(file)) gzipped.set(file, zlib.gzipSync(body, { level: 9 }));
      body = gzipped.get(file);
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}${subPath}`,
    log,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
}

// `node tests/e2e/static_server.mjs [dir]` serves dir (default dist/) until Ctrl+C.
if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../dist');
  const served = await serveStatic(dir);
  console.log(`Serving ${dir} at ${served.url} (gzip, cache headers; Ctrl+C stops)`);
}
