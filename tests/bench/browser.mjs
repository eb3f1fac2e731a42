// Shared set-up for the benchmarks: the project's own server (tests/browser/server.mjs, with its
// real caching headers and precompressed files) over a snapshot of www/, a log of every response
// it sends, and a chromium launcher that gives every run a fresh profile.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { start } from '../browser/server.mjs';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '..', '..');

// The browser tests' playwright-core, so the benchmark needs no packages of its own.
const { chromium } = createRequire(path.join(repo, 'tests', 'browser', 'package.json'))('playwright-core');

// The same flags as tests/browser/harness.mjs (it does not export them).
export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * The widget's server over a snapshot of www/ (so that a rebuild by anything else on the machine
 * cannot change what is measured half-way through), with `staticDir` mounted at /bench/ for the
 * static baseline, under the same headers. `log` holds every response sent, in order:
 * { at (ms, Date.now()), path (with query), status, bytes (body as sent), encoding }. The server
 * sees the service worker's requests too, which the page's own network events do not.
 */
export async function serve(staticDir) {
  const snapshot = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-bench-www-'));
  // Timestamps kept: the server sends a precompressed copy only when it is not older than its file.
  fs.cpSync(path.join(repo, 'www'), snapshot, { recursive: true, preserveTimestamps: true });
  const srv = await start({ root: snapshot, mounts: { '/bench/': staticDir } });
  const log = [];
  srv.server.on('request', (req, res) => {
    // This listener runs before the server answers (it reads the file first), so it can see the
    // status, the coding and the body as they are sent.
    let bytes = 0;
    let encoding = '';
    const { writeHead, end } = res;
    res.writeHead = function (status, headers, ...rest) {
      encoding = headers?.['content-encoding'] ?? '';
      return writeHead.call(this, status, headers, ...rest);
    };
    res.end = function (chunk, ...rest) {
      if (chunk && typeof chunk !== 'function') bytes += Buffer.byteLength(chunk);
      return end.call(this, chunk, ...rest);
    };
    res.on('finish', () => {
      const u = new URL(req.url, 'http://x');
      log.push({ at: Date.now(), path: u.pathname + u.search, status: res.statusCode, bytes, encoding });
    });
  });
  return {
    url: srv.url, root: snapshot, log,
    close: () => { srv.server.close(); fs.rmSync(snapshot, { recursive: true, force: true }); },
  };
}

/**
 * A browser with one fresh context (a new, empty profile in memory: no cache, no service worker),
 * service workers allowed. The browser itself is returned too, for a browser-level CDP session.
 */
export async function launch({ extraArgs = [], contextOptions = {} } = {}) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [...FLAGS, ...extraArgs],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  return { browser, context, page, close: () => browser.close() };
}
