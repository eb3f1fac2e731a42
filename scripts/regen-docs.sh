#!/usr/bin/env bash
# Regenerates the documents made from the policies; tests fail when any of them is stale:
#   docs/compare.md                      probity compare --scenarios tests/scenarios.toml
#   policies/README.md (topic table)     probity topics
#   docs/declaration-v1.schema.json      probity schema
#   docs/declaration-v2.schema.json      probity schema --version 2
#   docs/register-columns.md             probity register --columns
#   crates/web/policies.bundle.json      probity bundle --without-cases (what the widget carries)
#   docs/review/<id>.md                  probity review --policy <id> (each council's sign-off pack)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q -p probity-cli
p=target/debug/probity
$p compare --scenarios tests/scenarios.toml > docs/compare.md
$p schema > docs/declaration-v1.schema.json
$p schema --version 2 > docs/declaration-v2.schema.json
$p register --columns > docs/register-columns.md
$p bundle --without-cases > crates/web/policies.bundle.json
for f in policies/*.toml; do
  id=$(basename "$f" .toml)
  [ "$id" = vocabulary ] || $p review --policy "$id" --out "docs/review/$id.md" > /dev/null
done
table=$($p topics)
python3 - "$table" <<'PY'
import sys, re
table = sys.argv[1]
path = 'policies/README.md'
text = open(path, encoding='utf-8').read()
start, end = '<!-- topics:start -->', '<!-- topics:end -->'
block = f'{start}\n{table}\n{end}'
if start in text:
    text = re.sub(re.escape(start) + '.*?' + re.escape(end), lambda _: block, text, flags=re.S)
else:
    raise SystemExit(f'{path} has no {start} marker')
open(path, 'w', encoding='utf-8').write(text)
PY
echo "regenerated docs/compare.md, docs/review/*.md, docs/declaration-v1.schema.json, docs/declaration-v2.schema.json, docs/register-columns.md, crates/web/policies.bundle.json and the topic table in policies/README.md"
