#!/usr/bin/env bash
# Runs every test: policy lint, unit and integration tests (core and CLI), clippy, the wasm
# build, and the browser tests in headless Chromium. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "setting up tools"
scripts/setup.sh

step "formatting (cargo fmt --check)"
cargo fmt --all --check

step "linting the policies"
cargo run -q -p probity-cli -- lint policies/

step "unit and integration tests (probity-core, probity-cli)"
cargo test -q --workspace --exclude probity-web

step "clippy (no unwrap, expect, panic or indexing outside tests)"
cargo clippy -q --workspace --exclude probity-web --all-targets -- -D warnings
cargo clippy -q -p probity-web --target wasm32-unknown-unknown -- -D warnings
cargo clippy -q -p probity-web --features ssr --bin prerender -- -D warnings

step "widget logic (wasm-bindgen-test in Node)"
wasm-pack test --node crates/web --features bundle

step "building the widget (wasm-pack, release)"
scripts/build-web.sh
scripts/build-studio.sh
scripts/build-register.sh

step "browser tests (Debian chromium via playwright-core)"
cargo build -q -p probity-cli
(cd tests/browser && node --test --test-concurrency=1 --test-reporter=spec ./*.test.mjs)

step "all tests passed"
