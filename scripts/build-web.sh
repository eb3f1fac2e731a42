#!/usr/bin/env bash
# Builds the widget: probity-web to WebAssembly with wasm-pack, then wasm-opt from the npm
# `binaryen` package (Debian's binaryen is too old to read what current rustc emits).
# Output: www/pkg/. Usage: scripts/build-web.sh [--dev]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

profile=--release
[ "${1:-}" = "--dev" ] && profile=--dev

# The widget carries the policies as one JSON bundle; refresh it from policies/ first so a
# policy edit is always in the build (a test also fails if the committed bundle is stale).
cargo run -q -p probity-cli -- bundle --without-cases > crates/web/policies.bundle.json

# wasm-pack's own wasm-opt step is switched off in crates/web/Cargo.toml, so it never tries
# to download binaryen; we run the npm one here instead.
wasm-pack build crates/web --target web --out-dir ../../www/pkg --no-typescript --no-pack "$profile"
rm -f www/pkg/.gitignore

if [ "$profile" = --release ]; then
  opt=tests/browser/node_modules/.bin/wasm-opt
  "$opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    www/pkg/probity_web_bg.wasm -o www/pkg/probity_web_bg.wasm.opt
  mv www/pkg/probity_web_bg.wasm.opt www/pkg/probity_web_bg.wasm
fi
# The first page of every tree, rendered to HTML by the same components (see www/takeover.js).
# Also writes the per-tree iframe pages, www/embed/<policy>/<tree>.html.
cargo run -q -p probity-web --features ssr --bin prerender -- www

ls -l www/pkg/probity_web_bg.wasm | awk '{print "built www/pkg/probity_web_bg.wasm: " $5 " bytes"}'
