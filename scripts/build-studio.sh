#!/usr/bin/env bash
# Builds the policy studio (www/studio.html) beside the widget, apart from it:
#  1. crates/studio (probity-core with its TOML reader) to WebAssembly in www/studio/pkg/, with
#     wasm-opt from the npm `binaryen` package, as scripts/build-web.sh does for the widget. It
#     is its own wasm: the widget's www/pkg/probity_web_bg.wasm is not touched and does not grow.
#  2. The editor (CodeMirror 6) and graph layout (dagre) from tests/browser/node_modules (npm ci,
#     scripts/setup.sh), bundled by esbuild into one file, www/studio/vendor.js: the page loads
#     nothing from anywhere else.
#  3. Copies of the built-in policies (www/studio/policies/*.toml and index.json) to open.
# All three are generated, not committed (www/studio/.gitignore). Usage: scripts/build-studio.sh [--dev]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

profile=--release
[ "${1:-}" = "--dev" ] && profile=--dev
node_bin=tests/browser/node_modules/.bin

wasm-pack build crates/studio --target web --out-dir ../../www/studio/pkg --no-typescript --no-pack "$profile"
rm -f www/studio/pkg/.gitignore
if [ "$profile" = --release ]; then
  # The WebAssembly features rustc's output uses, as for the widget: the --enable-* lines of
  # scripts/wasm-opt-flags (one flag a line, no spaces, so split as words).
  # shellcheck disable=SC2046
  "$node_bin/wasm-opt" -Oz $(grep -e '^--enable-' scripts/wasm-opt-flags) \
    www/studio/pkg/probity_studio_bg.wasm -o www/studio/pkg/probity_studio_bg.wasm.opt
  mv www/studio/pkg/probity_studio_bg.wasm.opt www/studio/pkg/probity_studio_bg.wasm
fi

# Only what the studio uses, so the bundle carries no more of each library than that.
# Run from tests/browser, where the imports resolve (esbuild reads its entry from stdin).
(cd tests/browser && node_modules/.bin/esbuild --bundle --format=esm --minify --legal-comments=linked --log-level=warning \
  --outfile=../../www/studio/vendor.js) <<'JS'
export { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection, highlightSpecialChars } from '@codemirror/view';
export { EditorState, EditorSelection } from '@codemirror/state';
export { StreamLanguage, syntaxHighlighting, HighlightStyle, bracketMatching, indentOnInput } from '@codemirror/language';
export { tags } from '@lezer/highlight';
export { toml } from '@codemirror/legacy-modes/mode/toml';
export { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
export { search, searchKeymap, highlightSelectionMatches } from '@codemirror/search';
export { setDiagnostics, lintGutter, lintKeymap } from '@codemirror/lint';
export { default as dagre } from '@dagrejs/dagre';
JS

# The built-in policies, as the studio offers them to open: each file and its council.
rm -rf www/studio/policies && mkdir -p www/studio/policies
cp policies/*.toml www/studio/policies/
rm -f www/studio/policies/vocabulary.toml
node --input-type=module -e '
  import fs from "node:fs";
  const dir = "www/studio/policies";
  const list = fs.readdirSync(dir).filter((f) => f.endsWith(".toml")).sort().map((file) => {
    const header = fs.readFileSync(`${dir}/${file}`, "utf8").split(/^\[/m).find((t) => t.startsWith("policy]")) ?? "";
    const field = (k) => (header.match(new RegExp(`^${k}\\s*=\\s*"([^"]*)"`, "m")) ?? [])[1] ?? file;
    return { file, id: field("id"), council: field("council") };
  });
  fs.writeFileSync(`${dir}/index.json`, JSON.stringify(list, null, 2) + "\n");
'
ls -l www/studio/pkg/probity_studio_bg.wasm www/studio/vendor.js | awk '{print "built " $9 ": " $5 " bytes"}'
