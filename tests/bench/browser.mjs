// Shared set-up for the benchmarks: one static server for the widget and both baselines, and a
// chromium launcher that gives every run a fresh profile.

import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { start } from '../browser/server.mjs';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '..', '..');

// The same flags as tests/browser/harness.mjs (it does not export them).
export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Two servers, both compressing (Brotli or gzip, as the browser accepts): the widget from www/ under its strict CSP, as deployed; the baselines
 * (pages under /bench/, the SurveyJS bundles under /vendor/) without it, because SurveyJS sets
 * inline styles that the widget's CSP blocks.
 */
export async function serve() {
  // A snapshot of www/ (with the pkg just built), so that a rebuild by anything else on the
  // machine during the benchmark cannot change what is measured half-way through.
  const snapshot = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-bench-www-'));
  // Timestamps kept: the server sends a precompressed copy only when it is not older than its file.
  fs.cpSync(path.join(repo, 'www'), snapshot, { recursive: true, preserveTimestamps: true });
  const widget = await start({ root: snapshot });
  const baselines = await start({
    root: path.join(here, 'pages'), csp: false,
    mounts: { '/bench/': path.join(here, 'pages'), '/vendor/': path.join(here, 'node_modules') },
  });
  return {
    urls: { widget: widget.url, widgetGeneric: widget.url, static: baselines.url, surveyjs: baselines.url },
    wasmPath: path.join(snapshot, 'pkg', 'probity_web_bg.wasm'),
    close: () => { widget.server.close(); baselines.server.close(); fs.rmSync(snapshot, { recursive: true, force: true }); },
  };
}

/** A browser on a fresh --user-data-dir; close() removes the profile again. */
export async function launch({ extraArgs = [], contextOptions = {} } = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [...FLAGS, ...extraArgs],
    viewport: { width: 1280, height: 900 },
    ...contextOptions,
  });
  const page = context.pages()[0] || await context.newPage();
  const close = async () => {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, page, close };
}
