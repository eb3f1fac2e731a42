#!/usr/bin/env bash
# Recovers every policy version released on main before policies were archived, and keeps each
# in policies/archive/<id>/ (probity archive), so the declarations officers already hold keep
# verifying.
#
# "Released" means the state of main after each commit of its first-parent history, from the
# first commit up to BASE (the last commit before the archive existed): each is a state the
# widget could have been built and published from. Commits on branches that were merged later
# were never on main by themselves, so they are not counted. Each distinct digest is kept once,
# with the date and commit it first appeared on main. A state whose policy does not check even
# relaxed could not have made a declaration, and is skipped (the script says so).
#
# Until commit 9288e41 (22 November 2026) a policy's digest also covered its scenario cases, so
# versions from commits before it are kept with their cases (`--keep-cases`): the digest the
# archive file proves is then the digest those declarations carry.
#
# Usage: scripts/archive-history.sh [BASE]   (default: 97634c5, main when issue 12 began)
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-97634c56ebfffdff58e4492b906a254df4726e04}
digest_rule_change=9288e41
cargo build -q -p probity-cli
p=$PWD/target/debug/probity
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for c in $(git rev-list --first-parent --reverse "$base"); do
  rm -rf "$tmp/policies" && mkdir -p "$tmp/policies"
  git archive "$c" policies | tar -x -C "$tmp"
  released=$(git show -s --format=%cd --date=format:%Y-%m-%d "$c")
  keep=()
  if ! git merge-base --is-ancestor "$digest_rule_change" "$c"; then keep=(--keep-cases); fi
  for f in "$tmp"/policies/*.toml; do
    [ "$(basename "$f")" = vocabulary.toml ] && continue
    if ! "$p" archive "$f" --released "$released" --commit "$c" \
        --note "recovered from git: main's first-parent history before policies were archived" \
        "${keep[@]}" > "$tmp/out" 2>&1; then
      echo "skipped $(basename "$f") at ${c:0:7}: $(head -1 "$tmp/out")"
    else
      grep -v '^already archived' "$tmp/out" || true
    fi
  done
done
