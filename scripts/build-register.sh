#!/usr/bin/env bash
# Builds the register page (www/register.html) beside the widget and the studio, apart from them:
#  1. crates/register-web (probity-core's declaration checks and register, the policies in force
#     compiled in as the widget's JSON bundle) to WebAssembly in www/register/pkg/, with wasm-opt
#     from the npm `binaryen` package. Its own wasm: the widget's does not grow.
#  2. A copy of every archived policy version (policies/archive/<id>/<digest16>.json) in
#     www/register/archive/, which the page fetches one by one, only for a declaration that names
#     an earlier version: 6 MB in all, so compiling them in would make every visit pay for them.
# Both are generated, not committed (www/register/.gitignore), and precompressed beside each file
# (scripts/compress.mjs) as the widget's are. Usage: scripts/build-register.sh [--dev]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

profile=--release
[ "${1:-}" = "--dev" ] && profile=--dev
node_bin=tests/browser/node_modules/.bin

wasm-pack build crates/register-web --target web --out-dir ../../www/register/pkg --no-typescript --no-pack "$profile"
rm -f www/register/pkg/.gitignore
if [ "$profile" = --release ]; then
  # The WebAssembly features rustc's output uses, as for the widget: the --enable-* lines of
  # scripts/wasm-opt-flags (one flag a line, no spaces, so split as words).
  # shellcheck disable=SC2046
  "$node_bin/wasm-opt" -Oz $(grep -e '^--enable-' scripts/wasm-opt-flags) \
    www/register/pkg/probity_register_web_bg.wasm -o www/register/pkg/probity_register_web_bg.wasm.opt
  mv www/register/pkg/probity_register_web_bg.wasm.opt www/register/pkg/probity_register_web_bg.wasm
fi

rm -rf www/register/archive
cp -r policies/archive www/register/archive
node scripts/compress.mjs www/register www/register.html
ls -l www/register/pkg/probity_register_web_bg.wasm | awk '{print "built " $9 ": " $5 " bytes"}'
