// A small static file server for the widget: serves www/ on 127.0.0.1 with the right MIME
// types, Brotli or gzip when the browser asks for it (the build's precompressed copies), and the headers the README tells deployers to send
// (the strict Content-Security-Policy, nosniff, no referrer, Cache-Control by kind of file).
// Used by `scripts/serve.sh`, the browser tests and the benchmarks.
//
//   node tests/browser/server.mjs [--port 8080] [--root www]

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** Sent with every response; the README's nginx and Apache snippets carry the same (a test checks). */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
  '.bin': 'application/octet-stream',
};

/**
 * Cache-Control by kind of file. A file asked for under the build id (`?v=<id>`, see
 * scripts/build-web.sh) never changes, so it may be kept for a year; everything else (pages, the
 * scripts a host names, pkg/build.*, sw.js) is revalidated on every use, so a deploy shows at once.
 */
export function cacheControl(url) {
  return url.searchParams.has('v') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** The codings an Accept-Encoding header accepts (any given q=0 refused). */
export function encodings(header = '') {
  const accepted = new Set();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)).find(Boolean);
    if (name && !(q && Number(q[1]) === 0)) accepted.add(name);
  }
  return accepted;
}

/** `<file>.br` or `<file>.gz` written by the build, if there and not older than the file itself. */
function precompressed(file, encoding) {
  const copy = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
  try {
    if (fs.statSync(copy).mtimeMs < fs.statSync(file).mtimeMs) return null;
    return fs.readFileSync(copy);
  } catch {
    return null;
  }
}

/**
 * Starts the server; resolves to { server, url, requests, transfers }: requests logs every path
 * asked for, transfers every one sent with its body (not answered 304).
 * `routes` maps a path to a handler `(req, res) => …` that answers it instead (tests only).
 */
export function start({ root, port = 0, host = '127.0.0.1', csp = true, log = false, mounts = {}, routes = {} } = {}) {
  const base0 = path.resolve(root);
  const requests = [];
  // Every file sent with its body (not a 304): what a first visit really downloads.
  const transfers = [];
  const server = http.createServer((req, res) => {
    // A malformed request (an unparsable address, a broken %-escape) is answered, not thrown:
    // one bad request must not take the server down for everyone.
    let url;
    let rel;
    try {
      url = new URL(req.url, `http://${req.headers.host || host}`);
      rel = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain', 'x-content-type-options': 'nosniff' }).end('bad request');
      return;
    }
    requests.push(url.pathname + url.search);
    if (Object.hasOwn(routes, url.pathname)) { routes[url.pathname](req, res); return; }
    if (rel.endsWith('/')) rel += 'index.html';
    // Extra folders mounted at a prefix (the tests' fixtures), else the site root.
    let base = base0;
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (rel.startsWith(prefix)) { base = path.resolve(dir); rel = rel.slice(prefix.length - 1); break; }
    }
    const file = path.join(base, rel);
    if (!file.startsWith(base + path.sep) && file !== base) { res.writeHead(403).end('forbidden'); return; }
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      const headers = {
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'cache-control': cacheControl(url),
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      };
      if (csp) headers['content-security-policy'] = CSP;
      // Validators, as nginx and Apache send them: a `no-cache` file the browser already holds is
      // revalidated with a 304 and no body, so a second frame or the service worker asking for
      // it again transfers nothing (tests/browser/download-once.test.mjs).
      const stat = fs.statSync(file);
      headers['last-modified'] = stat.mtime.toUTCString();
      headers['etag'] = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
      if (body.length > 512) {
        // Brotli when the browser takes it, else gzip: the build's precompressed copy
        // (scripts/compress.mjs: Brotli q11, gzip -9) when it is at least as new as the file,
        // else gzip now (a file edited since the build, say). Each coding has its own ETag.
        const accepted = encodings(req.headers['accept-encoding']);
        headers['vary'] = 'Accept-Encoding';
        const copy = ['br', 'gzip'].filter((e) => accepted.has(e)).map((e) => [e, precompressed(file, e)]).find(([, c]) => c);
        if (copy) [headers['content-encoding'], body] = copy;
        else if (accepted.has('gzip')) [headers['content-encoding'], body] = ['gzip', zlib.gzipSync(body, { level: 9 })];
        if (headers['content-encoding']) headers['etag'] = headers['etag'].replace(/"$/, `-${headers['content-encoding']}"`);
      }
      if (req.headers['if-none-match'] === headers['etag']) {
        for (const h of ['content-type', 'content-encoding']) delete headers[h];
        res.writeHead(304, headers).end();
        return;
      }
      transfers.push(url.pathname + url.search);
      headers['content-length'] = body.length;
      if (log) console.log(`${req.method} ${url.pathname} ${body.length}`);
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const { port: p } = server.address();
      resolve({ server, url: `http://${host}:${p}/`, requests, transfers });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = opt('--root', path.join(here, '..', '..', 'www'));
  const { url } = await start({ root, port: Number(opt('--port', 8080)), log: args.includes('--log') });
  console.log(`Probity is being served at ${url}  (press Ctrl+C to stop)`);
}
