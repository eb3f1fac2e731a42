#!/usr/bin/env bash
# Runs each fuzz target in turn (cargo-fuzz, nightly) for SECONDS each (default 600), then
# minimises each corpus. New corpus entries and any crash reproducers land in fuzz/corpus/ and
# fuzz/artifacts/; commit them: `cargo test -p probity-core --test fuzz_regressions` replays them.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
export PATH="$HOME/.cargo/bin:$PATH"
seconds=${1:-600}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
for target in policy_toml policy_json policy_paths money declaration; do
  echo "== fuzzing $target for ${seconds}s"
  cargo +nightly fuzz run "$target" "corpus/$target" -- -max_total_time="$seconds" -print_final_stats=1 2>&1 | tail -15
  cargo +nightly fuzz cmin "$target" "corpus/$target" 2>&1 | tail -1
done
