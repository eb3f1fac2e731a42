// Smaller on the wire (issue 14): the build writes Brotli (q11) and gzip copies beside the wasm,
// the scripts and the pages (scripts/compress.mjs), and the server sends the one the browser
// accepts, with `Vary: Accept-Encoding`; the README's nginx and Apache snippets do the same.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { openTreePage, repo } from './harness.mjs';
import { start } from './server.mjs';

const www = path.join(repo, 'www');
const FILES = ['pkg/probity_web_bg.wasm', 'pkg/probity_web.js', 'pkg/first-pages.js', 'probity-widget.js', 'takeover.js', 'probity.css', 'embed/kent/gifts.html'];

/** The raw response (not decompressed, as fetch would): { headers, body }. */
function get(url, acceptEncoding) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

test('the build writes Brotli and gzip copies of the wasm, the scripts and the pages', () => {
  for (const file of FILES) {
    const raw = fs.readFileSync(path.join(www, file));
    const br = fs.readFileSync(path.join(www, `${file}.br`));
    const gz = fs.readFileSync(path.join(www, `${file}.gz`));
    assert.ok(zlib.brotliDecompressSync(br).equals(raw), `${file}.br is ${file}`);
    assert.ok(zlib.gunzipSync(gz).equals(raw), `${file}.gz is ${file}`);
    assert.ok(br.length < gz.length, `${file}: Brotli (${br.length} B) beats gzip (${gz.length} B)`);
  }
});

test('the server sends the precompressed copy the request accepts, with Vary', async () => {
  const srv = await start({ root: www });
  try {
    for (const file of FILES) {
      const url = new URL(file, srv.url);
      const br = await get(url, 'gzip, deflate, br');
      assert.equal(br.headers['content-encoding'], 'br', `${file} as Brotli`);
      assert.ok(br.body.equals(fs.readFileSync(path.join(www, `${file}.br`))), `${file}: the build's q11 copy`);
      assert.match(br.headers.vary, /accept-encoding/i);
      const gz = await get(url, 'gzip');
      assert.equal(gz.headers['content-encoding'], 'gzip', `${file} as gzip`);
      assert.ok(gz.body.equals(fs.readFileSync(path.join(www, `${file}.gz`))), `${file}: the build's gzip -9 copy`);
      const refused = await get(url, 'br;q=0, gzip');
      assert.equal(refused.headers['content-encoding'], 'gzip', `${file}: br;q=0 is a refusal`);
      const plain = await get(url, '');
      assert.equal(plain.headers['content-encoding'], undefined, `${file} as it is`);
      assert.ok(plain.body.equals(fs.readFileSync(path.join(www, file))));
      assert.match(plain.headers.vary, /accept-encoding/i, 'Vary on the uncompressed answer too, for caches');
    }
  } finally {
    srv.server.close();
  }
});

test('the browser gets the wasm compressed as it asked', async () => {
  let wasm;
  const before = (page) => { wasm = page.waitForResponse(/probity_web_bg\.wasm/); };
  const { close } = await openTreePage('embed/kent/gifts.html', { contextOptions: { serviceWorkers: 'block' }, before });
  try {
    const response = await wasm;
    const asked = (await response.request().allHeaders())['accept-encoding'] ?? '';
    const expected = /\bbr\b/.test(asked) ? 'br' : 'gzip';
    assert.equal((await response.allHeaders())['content-encoding'], expected, `asked for ${asked}`);
  } finally {
    await close();
  }
});

test("the README's nginx and Apache snippets send the precompressed copies", () => {
  const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
  const snippet = (lang) => new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(readme)[1];
  const nginx = snippet('nginx');
  assert.match(nginx, /brotli_static on;/);
  assert.match(nginx, /gzip_static on;/);
  assert.match(nginx, /gzip_vary on;/);
  const apache = snippet('apache');
  assert.match(apache, /RewriteCond %\{HTTP:Accept-Encoding\} br/);
  assert.match(apache, /RewriteRule .*\.br/);
  assert.match(apache, /RewriteRule .*\.gz/);
  assert.match(apache, /Header append Vary Accept-Encoding/);
  assert.match(apache, /no-brotli/);
});
