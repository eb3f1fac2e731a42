#!/usr/bin/env bash
# Installs every tool the build and the tests need, skipping what is already present.
# Safe to run again: each step checks before it installs.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130   # must equal the `=` pin of wasm-bindgen in Cargo.toml
WASM_PACK_VERSION=0.15.1
BINARYEN_VERSION=132.0.0

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! command -v wasm-bindgen >/dev/null || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Without --locked: with it, this version fails on a dependency version that is missing upstream.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! command -v wasm-pack >/dev/null; then
  say "installing wasm-pack $WASM_PACK_VERSION"
  cargo install wasm-pack --version "$WASM_PACK_VERSION"
fi

# Node tools (binaryen's wasm-opt, playwright-core, axe-core) live in tests/browser/node_modules.
# Reinstalled whenever package-lock.json changes (a stamp copy of it is kept in node_modules), so
# a machine that installed an older list picks up new tools (the studio's esbuild, say).
if [ ! -x tests/browser/node_modules/.bin/wasm-opt ] || [ ! -d tests/browser/node_modules/playwright-core ] \
   || ! cmp -s tests/browser/package-lock.json tests/browser/node_modules/.probity-lock.json; then
  say "installing node test tools (npm ci)"
  (cd tests/browser && npm ci --no-audit --no-fund && cp package-lock.json node_modules/.probity-lock.json)
fi

if [ ! -x /usr/bin/chromium ]; then
  say "installing Debian's chromium and chromium-driver"
  apt_get() { if [ "$(id -u)" = 0 ]; then apt-get "$@"; else sudo apt-get "$@"; fi; }
  apt_get update -qq
  DEBIAN_FRONTEND=noninteractive apt_get install -y -qq chromium chromium-driver
fi
say "tools ready"
