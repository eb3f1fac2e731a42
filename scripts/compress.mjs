// Writes precompressed copies beside the files the widget serves: `<file>.br` (Brotli, quality 11,
// the slowest and smallest) and `<file>.gz` (gzip -9). A server sends the one the browser accepts
// (tests/browser/server.mjs; the README's nginx and Apache snippets), so the best compression is
// paid for once at build time rather than on every request, where a server can afford only a
// quick, larger one. Node's own zlib: nothing to install.
//   node scripts/compress.mjs <file|folder>...
// A folder is walked for .wasm, .js, .css, .html, .json and .svg files. Files under 512 bytes are
// left alone (the server sends those as they are: compressing them saves less than its headers).

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const KINDS = /\.(wasm|bin|js|css|html|json|svg)$/;
export const MIN_BYTES = 512;

function* files(target) {
  const stat = fs.statSync(target);
  if (stat.isFile()) { yield target; return; }
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    const p = path.join(target, entry.name);
    if (entry.isDirectory()) yield* files(p);
    else if (KINDS.test(entry.name)) yield p;
  }
}

let count = 0;
let raw = 0;
let br = 0;
for (const target of process.argv.slice(2)) {
  for (const file of files(target)) {
    const body = fs.readFileSync(file);
    if (body.length < MIN_BYTES) continue;
    const text = !/\.(wasm|bin)$/.test(file);
    const brotli = zlib.brotliCompressSync(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_MODE]: text ? zlib.constants.BROTLI_MODE_TEXT : zlib.constants.BROTLI_MODE_GENERIC,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
    fs.writeFileSync(`${file}.br`, brotli);
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
    count += 1;
    raw += body.length;
    br += brotli.length;
  }
}
console.log(`compressed ${count} files: ${raw} bytes, ${br} as Brotli`);
