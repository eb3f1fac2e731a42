// Sizes of the files a page loads: raw, gzip -9 and Brotli quality 11 (what scripts/compress.mjs
// writes beside them), from the snapshot of www/ that was served.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** { file, raw, gzip, brotli } for each served path that is a file under `root`. */
export function fileSizes(root, files) {
  const out = [];
  for (const file of files) {
    const full = path.join(root, file);
    if (!full.startsWith(root) || !fs.existsSync(full) || !fs.statSync(full).isFile()) continue;
    const body = fs.readFileSync(full);
    out.push({
      file,
      raw: body.length,
      gzip: zlib.gzipSync(body, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(body, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      }).length,
    });
  }
  return out.sort((a, b) => b.raw - a.raw);
}

/** The page's main wasm: the widget's own module if loaded, else the largest .wasm. */
export function mainWasm(sizes) {
  const wasm = sizes.filter((s) => s.file.endsWith('.wasm'));
  return wasm.find((s) => s.file === '/pkg/probity_web_bg.wasm') ?? wasm[0] ?? null;
}

/** Policy files fetched on their own (any path naming policies that is not a page, script or wasm). */
export function policyFiles(sizes) {
  return sizes.filter((s) => /polic/i.test(s.file) && !/\.(html|js|mjs|css|wasm)$/.test(s.file));
}
