// The widget's wasm by part (policies, checker, yew, serde, std, core, …), so the next change can
// see where the bytes go. The shipped wasm has no names (wasm-opt drops them), so this rebuilds it
// from the same cargo output with the same steps as scripts/build-web.sh, but keeping the name
// section: wasm-bindgen (which keeps names by default), then wasm-opt with the widget's flags (scripts/wasm-opt-flags: -Os, …) and `-g`. Then every
// function body is given to a part by its demangled name, and the data segments to "policies"
// where they hold a built-in policy's text, else to "data (strings, tables)".
//
// Each part's gzip figure is its bytes compressed on their own (gzip -9): an estimate of its share
// of the download, as gzip's window spans parts in the real file.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';

/** Unsigned LEB128 at `p`: [value, next offset]. */
function leb(buf, p) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = buf[p++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, p];
}

/** The sections of a wasm module: [{ id, name (custom ones), start, end }]. */
export function sections(buf) {
  const out = [];
  let p = 8; // magic and version
  while (p < buf.length) {
    const id = buf[p++];
    let size;
    [size, p] = leb(buf, p);
    const s = { id, start: p, end: p + size, name: null };
    if (id === 0) {
      const [len, q] = leb(buf, p);
      s.name = buf.subarray(q, q + len).toString('utf8');
    }
    out.push(s);
    p += size;
  }
  return out;
}

/** How many functions are imported (they come first in the function index space). */
function importedFunctions(buf, sec) {
  if (!sec) return 0;
  let [count, p] = leb(buf, sec.start);
  let funcs = 0;
  const skipName = () => { let n; [n, p] = leb(buf, p); p += n; };
  for (let i = 0; i < count; i++) {
    skipName(); // module
    skipName(); // field
    const kind = buf[p++];
    if (kind === 0) { [, p] = leb(buf, p); funcs += 1; } // type index
    else if (kind === 1) { p += 1; const flags = buf[p++]; [, p] = leb(buf, p); if (flags & 1) [, p] = leb(buf, p); } // table
    else if (kind === 2) { const flags = buf[p++]; [, p] = leb(buf, p); if (flags & 1) [, p] = leb(buf, p); } // memory
    else if (kind === 3) { p += 2; } // global: type, mutability
    else if (kind === 4) { p += 1; [, p] = leb(buf, p); } // tag
  }
  return funcs;
}

/** Function index → name, from the name section's function names (subsection 1). */
function functionNames(buf, sec) {
  const names = new Map();
  if (!sec) return names;
  let [len, p] = leb(buf, sec.start);
  p += len; // the section's own name, "name"
  while (p < sec.end) {
    const sub = buf[p++];
    let size;
    [size, p] = leb(buf, p);
    if (sub === 1) {
      let [count, q] = leb(buf, p);
      for (let i = 0; i < count; i++) {
        let idx, n;
        [idx, q] = leb(buf, q);
        [n, q] = leb(buf, q);
        names.set(idx, buf.subarray(q, q + n).toString('utf8'));
        q += n;
      }
    }
    p += size;
  }
  return names;
}

/** Legacy Rust mangling (`_ZN3std2io5Write9write_all17h…E`) to `std::io::Write::write_all`; else as is. */
export function demangle(name) {
  if (!name.startsWith('_ZN')) return name.replace(/::h[0-9a-f]{16}$/, '');
  const parts = [];
  let p = 3;
  while (p < name.length && name[p] !== 'E') {
    const m = /^\d+/.exec(name.slice(p));
    if (!m) break;
    p += m[0].length;
    parts.push(name.slice(p, p + Number(m[0])));
    p += Number(m[0]);
  }
  if (/^h[0-9a-f]{16}$/.test(parts.at(-1) ?? '')) parts.pop();
  return parts.join('::').replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ')
    .replace(/\$RF\$/g, '&').replace(/\$C\$/g, ',').replace(/\.\./g, '::');
}

/**
 * The path a function belongs to: its own path, or for `<A as Trait>::f` the type A's path (the
 * trait's when A is a primitive such as `f64` or `str`). Crate disambiguators (`core[c593…]`) and
 * references are dropped, so `<&mut serde_json::de::Deserializer<R> as …>` gives `serde_json::de::…`.
 */
export function ownerPath(name) {
  const n = name.replace(/\[[0-9a-f]{8,}\]/g, '');
  if (!n.startsWith('<')) return n;
  let depth = 0;
  let as = -1;
  let end = n.length;
  for (let i = 1; i < n.length; i++) {
    if (n[i] === '<') depth += 1;
    else if (n[i] === '>') { if (depth === 0) { end = i; break; } depth -= 1; }
    else if (depth === 0 && as < 0 && n.startsWith(' as ', i)) as = i;
  }
  const self = n.slice(1, as >= 0 ? as : end).replace(/^(&(mut )?|\*(const|mut) |dyn |\[)+/, '');
  const trait = as >= 0 ? n.slice(as + 4, end) : '';
  if (/^[a-z_][a-z0-9_]*::/.test(self)) return self;
  if (/^[a-z_][a-z0-9_]*::/.test(trait)) return trait;
  // An inherent method of a primitive (`<str>::to_lowercase`): the standard library's.
  return `alloc::${self}`;
}

// Parts, first match wins. Serde's code instantiated for probity-core's types is counted as serde
// (it is the cost of reading and writing JSON), so that rule looks at the whole name; the others
// look at the owner's path. The checker is what issue 14 moves to build time: probity-core's
// check, raw model, lint and canonical-JSON digest code, and the SHA-256 behind the digests.
export const PARTS = [
  ['serde', (name) => /serde/.test(name)],
  ['checker (check, raw model, lint, digests)',
    (_, own) => /^(probity_core::(check|raw|jcs|diag|catalog|robustness|partition)\b|(sha2|digest|block_buffer|generic_array)::)/.test(own)],
  ['yew', (_, own) => /^(yew|implicit_clone|gloo\w*|prokio|yew_macro)::/.test(own)],
  ['probity-web', (_, own) => /^probity_web::/.test(own)],
  ['probity-core (rest)', (_, own) => /^probity_core::/.test(own)],
  ['rust_decimal', (_, own) => /^rust_decimal::/.test(own)],
  ['wasm-bindgen, js-sys, web-sys', (name, own) => /^(wasm_bindgen\w*|js_sys|web_sys)::/.test(own) || /__wbg|__wbindgen/.test(name)],
  ['core', (_, own) => /^core::/.test(own)],
  ['std (std, alloc, hashbrown, the allocator)', (_, own) => /^(std|alloc|hashbrown|dlmalloc|talc)::/.test(own)],
];

/** Which part a function belongs to, by its demangled name. */
export function partOf(name) {
  const own = ownerPath(name);
  return PARTS.find(([, test]) => test(name, own))?.[0] ?? 'other';
}

/** Byte offsets of every data segment's bytes (active or passive). */
function dataSegments(buf, sec) {
  const out = [];
  if (!sec) return out;
  let [count, p] = leb(buf, sec.start);
  for (let i = 0; i < count; i++) {
    let flags;
    [flags, p] = leb(buf, p);
    if (flags === 2) [, p] = leb(buf, p); // memory index
    if (flags !== 1) { while (buf[p] !== 0x0b) p++; p++; } // offset expression up to `end`
    let size;
    [size, p] = leb(buf, p);
    out.push(buf.subarray(p, p + size));
    p += size;
  }
  return out;
}

/** Bytes of `hay` covered by any of the `needles` (found whole; a policy text is one string). */
function coveredBy(hay, needles) {
  const hit = new Uint8Array(hay.length);
  for (const n of needles) {
    if (n.length < 64) continue;
    for (let at = hay.indexOf(n); at >= 0; at = hay.indexOf(n, at + 1)) hit.fill(1, at, at + n.length);
  }
  return hit;
}

/**
 * Sizes by part of a wasm module with a name section. `policyTexts` are the built-in policies as
 * the wasm may hold them (a JSON bundle, per-council texts); data bytes matching one are "policies".
 */
export function partsOf(buf, policyTexts = []) {
  const secs = sections(buf);
  const imported = importedFunctions(buf, secs.find((s) => s.id === 2));
  const names = functionNames(buf, secs.find((s) => s.id === 0 && s.name === 'name'));
  const parts = new Map();
  const add = (part, bytes) => {
    const e = parts.get(part) ?? { part, raw: 0, chunks: [], functions: 0, largest: [] };
    e.raw += bytes.length;
    e.chunks.push(bytes);
    parts.set(part, e);
    return e;
  };
  const code = secs.find((s) => s.id === 10);
  let unnamed = 0;
  if (code) {
    let [count, p] = leb(buf, code.start);
    for (let i = 0; i < count; i++) {
      const at = p;
      let size;
      [size, p] = leb(buf, p);
      const name = names.get(imported + i);
      if (!name) unnamed += 1;
      const full = name ? demangle(name) : `function ${imported + i}`;
      const e = add(name ? partOf(full) : 'other', buf.subarray(at, p + size));
      e.functions += 1;
      e.largest.push({ name: full, bytes: p + size - at });
      p += size;
    }
  }
  const needles = policyTexts.map((t) => Buffer.from(t));
  for (const seg of dataSegments(buf, secs.find((s) => s.id === 11))) {
    const hit = coveredBy(seg, needles);
    let start = 0;
    // Runs of policy and non-policy bytes, each to its part.
    for (let i = 1; i <= seg.length; i++) {
      if (i === seg.length || hit[i] !== hit[start]) {
        add(hit[start] ? 'policies' : 'data (strings, tables)', seg.subarray(start, i));
        start = i;
      }
    }
  }
  // Everything else the shipped file has: types, imports, exports, tables, section headers.
  const named = secs.filter((s) => s.id === 0 && s.name === 'name').reduce((a, s) => a + (s.end - s.start), 0);
  const counted = [...parts.values()].reduce((a, e) => a + e.raw, 0);
  const rest = buf.length - counted - named;
  const list = [...parts.values()].map(({ part, raw, chunks, functions, largest }) => ({
    part, raw, functions, gzip: zlib.gzipSync(Buffer.concat(chunks), { level: 9 }).length,
    // Its three largest functions, so a reader sees what a part is made of.
    largest: largest.sort((a, b) => b.bytes - a.bytes).slice(0, 3),
  }));
  list.push({ part: 'module structure (types, imports, exports, headers)', raw: rest, functions: 0, gzip: null });
  return { parts: list.sort((a, b) => b.raw - a.raw), total: buf.length - named, nameSection: named, unnamed };
}

/** The widget's wasm-opt flags, from scripts/wasm-opt-flags (one a line; # comments and blank lines skipped). */
export function wasmOptFlags(repo) {
  return fs.readFileSync(path.join(repo, 'scripts', 'wasm-opt-flags'), 'utf8').split('\n')
    .map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
}

/**
 * Builds the named copy of the widget's wasm from the release cargo output and measures it.
 * Returns null (with the reason) when a tool or the cargo output is missing.
 */
export function widgetWasmParts(repo, { policyTexts = [] } = {}) {
  const input = path.join(repo, 'target', 'wasm32-unknown-unknown', 'release', 'probity_web.wasm');
  const bindgen = path.join(os.homedir(), '.cargo', 'bin', 'wasm-bindgen');
  const opt = path.join(repo, 'tests', 'browser', 'node_modules', '.bin', 'wasm-opt');
  for (const f of [input, bindgen, opt]) if (!fs.existsSync(f)) return { error: `\`${f}\` is missing` };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-wasm-parts-'));
  try {
    execFileSync(bindgen, [input, '--target', 'web', '--no-typescript', '--out-dir', dir], { stdio: 'inherit' });
    const named = path.join(dir, 'named.wasm');
    // The flags scripts/build-web.sh runs (read from the one list of them), plus -g to keep the names.
    execFileSync(opt, [...wasmOptFlags(repo), '-g', path.join(dir, 'probity_web_bg.wasm'), '-o', named], { stdio: 'inherit' });
    return partsOf(fs.readFileSync(named), policyTexts);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
