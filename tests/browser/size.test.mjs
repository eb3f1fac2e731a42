// Byte budgets, compressed as served (the build's Brotli copies: Chromium accepts br). Deterministic for a given build, so they are tests: each fails
// when a change makes the widget heavier than its budget.
//
// 1. The first screen: every byte the browser needs to show the first question of a tree. The
//    wasm and its glue are blocked in this test, which also proves the first question does not
//    wait for them (www/takeover.js). Two pages: the per-tree iframe page (the first page in its
//    HTML) and embed.html?policy=…&tree=…, which carries the first pages of all five councils'
//    65 trees. Target and budget: 150 KB.
// 2. The whole widget, wasm included, once it has taken over: a regression guard.
// 3. The main wasm itself, gzip -9 as most servers send it: the policies are not in it (each
//    council's is its own file, www/pkg/policies/) and neither is the JSON policy reader and
//    checker (the checker module, www/checker/pkg/, loaded only for `policy-src`). The budget is
//    issue 14's target, 250 KB.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, live, repo } from './harness.mjs';

const FIRST_SCREEN_BUDGET = 150 * 1024;
// Lowered from 460 KB by issue 14 (the policies out of the wasm, one council fetched; the checker
// only for policy-src): measured 330 KB for Kent's gifts page, Brotli as served; then 351.6 KB
// with issue 12's "Record this" and declaration-of-interests pages (their record details, dates
// and v2 declarations are in the wasm officers download); then 309.8 KB with postcard policies,
// 293.2 KB with the smaller wasm.
const WHOLE_WIDGET_BUDGET = 295 * 1024;
const QUESTION = 'What have you been offered?';
// Measured 346,747 bytes (Node's zlib at level 9, as below) after issue 14's first cut, from
// 467,000 with the five policies and the checker inside. Lower it as the wasm shrinks; never
// raise it without saying what grew and why. Raised once: issue 12's "Record this" and
// declaration-of-interests pages (the record details and their checks, the `time` crate's date
// parsing, declarations v2 and the interests flow) grew it to 385,161 bytes. Then 321,613 once
// the compiled policies were postcard rather than CBOR (crates/core/src/shape.rs); then 299,309
// with tracing compiled out, RFC 3339 times read by hand, maps filled without sorting, wasm-opt -Os
// and the first answer rehearsed while idle (crates/web/src/rehearse.rs, +2.7 KB). Then 252,951,
// under issue 14's target, which is now the budget: serde_json's `raw_value` only with the core's
// `bundle` feature (it made every serialiser into a JSON value carry a JSON reader), the saved
// walk read with JSON.parse, case folded by hand (crates/core/src/case.rs, no Unicode table),
// Talc as the allocator, the exact decimal reader and wasm-opt run to convergence.
const MAIN_WASM_GZIP_BUDGET = 250 * 1024;

/** Loads the Kent gifts tree in a fresh context and returns the bytes of every finished response. */
async function load({ blockWasm, path = 'embed.html?policy=kent&tree=gifts' }) {
  const { context, url, close } = await launch({ contextOptions: { serviceWorkers: 'block' } });
  try {
    const page = await context.newPage();
    const blocked = [];
    if (blockWasm) {
      await page.route(/\/pkg\/probity_web(_bg\.wasm|\.js)(\?v=\w+)?$/, (route) => { blocked.push(route.request().url()); return route.abort(); });
    }
    const responses = [];
    page.on('requestfinished', (r) => responses.push(r));
    await page.goto(`${url}${path}`);
    await page.locator('probity-widget h1', { hasText: QUESTION }).first().waitFor();
    const styled = await page.locator('probity-widget').evaluate((el) => [...el.shadowRoot.querySelectorAll('link[rel="stylesheet"]')].every((l) => l.sheet));
    if (!blockWasm) await live(page);
    else await page.waitForFunction(() => document.querySelector('probity-widget').shadowRoot.querySelector('.pb-error-summary'));
    let total = 0;
    const lines = [];
    for (const r of responses) {
      const s = await r.sizes();
      const bytes = s.responseBodySize + s.responseHeadersSize;
      total += bytes;
      lines.push(`${String(bytes).padStart(8)}  ${new URL(r.url()).pathname}`);
    }
    return { total, lines, blocked, styled, paths: responses.map((r) => new URL(r.url()).pathname) };
  } finally {
    await close();
  }
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

for (const [path, mustLoad] of [['embed/kent/gifts.html', null], ['embed.html?policy=kent&tree=gifts', '/pkg/first-pages.js']]) {
  test(`${path}: the first question shows without the wasm, from at most ${FIRST_SCREEN_BUDGET / 1024} KB`, async () => {
    const { total, lines, blocked, styled, paths } = await load({ blockWasm: true, path });
    console.log(`first screen of ${path}: ${total} bytes (${kb(total)})\n${lines.join('\n')}`);
    assert.ok(blocked.length > 0, 'the wasm (or its glue) was requested and blocked');
    assert.ok(styled, 'the first question was styled');
    if (mustLoad) assert.ok(paths.includes(mustLoad), `${mustLoad} was loaded`);
    else assert.ok(!paths.includes('/pkg/first-pages.js'), 'the per-tree page needs no other first pages');
    assert.ok(total <= FIRST_SCREEN_BUDGET, `first screen is ${total} bytes, over the ${FIRST_SCREEN_BUDGET}-byte budget`);
  });
}

test(`the whole widget, wasm included, transfers at most ${WHOLE_WIDGET_BUDGET / 1024} KB`, async () => {
  const { total, lines, paths } = await load({ blockWasm: false });
  console.log(`whole widget: ${total} bytes (${kb(total)})\n${lines.join('\n')}`);
  assert.ok(paths.includes('/pkg/probity_web_bg.wasm'), 'the wasm was fetched');
  assert.ok(total <= WHOLE_WIDGET_BUDGET, `the whole widget is ${total} bytes, over the ${WHOLE_WIDGET_BUDGET}-byte budget`);
});

test('the per-tree page fetches the wasm early and only once (its preload is the one used)', async () => {
  const { total, paths } = await load({ blockWasm: false, path: 'embed/kent/gifts.html' });
  const wasm = paths.filter((p) => p.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `the wasm was downloaded ${wasm.length} times`);
  assert.ok(total <= WHOLE_WIDGET_BUDGET, `the whole widget is ${total} bytes, over the ${WHOLE_WIDGET_BUDGET}-byte budget`);
});

test(`the main wasm is at most ${MAIN_WASM_GZIP_BUDGET / 1024} KB gzip -9, and carries no policy or checker`, () => {
  const wasm = fs.readFileSync(path.join(repo, 'www', 'pkg', 'probity_web_bg.wasm'));
  const gzip = zlib.gzipSync(wasm, { level: 9 }).length;
  const br = zlib.brotliCompressSync(wasm, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`main wasm: ${wasm.length} bytes raw, ${gzip} gzip -9, ${br} Brotli 11 (budget, issue 14's target: ${MAIN_WASM_GZIP_BUDGET} gzip)`);
  for (const [what, text] of [
    ['the checker (a lint message)', 'is used by another file too'],
    ['the JSON policy reader (its help line)', 'policies/README.md lists every key'],
    ['a built-in policy (a council name in its header)', 'Kent County Council'],
  ]) {
    assert.ok(!wasm.includes(Buffer.from(text)), `the main wasm carries ${what}: \`${text}\``);
  }
  assert.ok(gzip <= MAIN_WASM_GZIP_BUDGET, `the main wasm is ${gzip} bytes gzip, over its ${MAIN_WASM_GZIP_BUDGET}-byte budget`);
});

// Postcard files (no field names): Oxfordshire, the largest, measured 32,311 bytes gzip -9 (24,541
// Brotli as served); they were up to 35.8 KB as CBOR. Issue 14's target, 25 KB, is held as served
// (Brotli, as the budgets above); gzip -9, for a server that sends no Brotli, is over it.
const POLICY_FILE_GZIP_BUDGET = 32 * 1024;
const POLICY_FILE_SERVED_BUDGET = 25 * 1024;
test(`each council\u2019s compiled policy file is small enough for one page (at most ${POLICY_FILE_SERVED_BUDGET / 1024} KB as served, ${POLICY_FILE_GZIP_BUDGET / 1024} KB gzip)`, () => {
  const dir = path.join(repo, 'www', 'pkg', 'policies');
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.bin'))) {
    const bytes = fs.readFileSync(path.join(dir, file));
    const gzip = zlib.gzipSync(bytes, { level: 9 }).length;
    const served = fs.statSync(path.join(dir, `${file}.br`)).size;
    console.log(`${file}: ${bytes.length} bytes raw, ${gzip} gzip -9, ${served} Brotli as served`);
    assert.ok(gzip <= POLICY_FILE_GZIP_BUDGET, `${file} is ${gzip} bytes gzip, over the ${POLICY_FILE_GZIP_BUDGET}-byte budget`);
    assert.ok(served <= POLICY_FILE_SERVED_BUDGET, `${file} is ${served} bytes as served, over the ${POLICY_FILE_SERVED_BUDGET}-byte budget`);
  }
});
