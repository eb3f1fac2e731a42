#!/usr/bin/env bash
# Builds the checker module (crates/checker) to www/checker/pkg/: the JSON policy reader and
# checker as their own wasm, loaded by www/probity-widget.js only when a page uses `policy-src`,
# so the widget's wasm (www/pkg/) carries neither. wasm-opt from the npm `binaryen` package, as
# scripts/build-web.sh does. Usage: scripts/build-checker.sh [--dev]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

profile=--release
[ "${1:-}" = "--dev" ] && profile=--dev

wasm-pack build crates/checker --target web --out-dir ../../www/checker/pkg --no-typescript --no-pack "$profile"
rm -f www/checker/pkg/.gitignore
if [ "$profile" = --release ]; then
  # The WebAssembly features rustc's output uses, as for the widget: the --enable-* lines of
  # scripts/wasm-opt-flags (one flag a line, no spaces, so split as words).
  # shellcheck disable=SC2046
  tests/browser/node_modules/.bin/wasm-opt -Oz $(grep -e '^--enable-' scripts/wasm-opt-flags) \
    www/checker/pkg/probity_checker_bg.wasm -o www/checker/pkg/probity_checker_bg.wasm.opt
  mv www/checker/pkg/probity_checker_bg.wasm.opt www/checker/pkg/probity_checker_bg.wasm
fi
ls -l www/checker/pkg/probity_checker_bg.wasm | awk '{print "built www/checker/pkg/probity_checker_bg.wasm: " $5 " bytes"}'
