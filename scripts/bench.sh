#!/usr/bin/env bash
# The speed benchmark and kiosk soak: builds the widget (release), measures it against a static
# HTML page set and SurveyJS in Debian's chromium, runs the core benchmarks (criterion), and
# writes docs/benchmarks.md.
# Takes ~20 min (the 500-walk soak is most of it). BENCH_RUNS and SOAK_WALKS shorten it for trying out.
# Usage: scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_STARTED_MS=$(($(date +%s%N) / 1000000))
export BENCH_STARTED_MS

# The benchmark's own packages (SurveyJS, playwright-core); build-web.sh needs wasm-opt from tests/browser.
[ -d tests/bench/node_modules/survey-js-ui ] || (cd tests/bench && npm ci --no-audit --no-fund)
[ -d tests/browser/node_modules/binaryen ] || (cd tests/browser && npm ci --no-audit --no-fund)

scripts/build-web.sh
node tests/bench/run.mjs

# Core speed, natively (criterion), appended to the same report.
cargo bench -q -p probity-core --bench core -- --warm-up-time 1 --measurement-time 5 > /dev/null
node tests/bench/core-report.mjs > /dev/null
echo "wrote docs/benchmarks.md"
