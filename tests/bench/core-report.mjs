// Adds the core benchmarks (criterion's estimates from `cargo bench -p probity-core --bench
// core`) to docs/benchmarks.md, with the targets: lint plus every path of all five policies
// under 100 ms, one answer step under 10 µs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appendOwn } from './sections.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = path.join(repo, 'target', 'criterion');
const rows = [
  ['lint_all_policies', 'check and lint all five policies (parse, check, run every case)', null],
  ['lint_and_paths_all_policies', 'full lint plus every path of every tree, all five policies', 100e6],
  ['paths_all_trees', 'every path of every tree (checked policies)', null],
  ['evaluate_every_scenario_case', 'evaluate every scenario case of every policy', null],
  ['verify_declaration', 'verify one declaration (digest and re-run)', null],
  ['one_answer_step', 'one answer step: record an answer, prune, work out the next page', 10e3],
];
const fmt = (ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);
let md = '\n## Core speed (native, criterion)\n\n`cargo bench -p probity-core --bench core` on the same machine; median and 95% interval of criterion\'s estimate.\n\n| benchmark | what | median | 95% interval | target |\n|---|---|---|---|---|\n';
for (const [name, what, target] of rows) {
  const file = path.join(dir, name, 'new', 'estimates.json');
  if (!fs.existsSync(file)) { md += `| \`${name}\` | ${what} | not run | | |\n`; continue; }
  const e = JSON.parse(fs.readFileSync(file, 'utf8')).median;
  const verdict = target == null ? '' : e.point_estimate < target ? `under ${fmt(target)}: **met**` : `under ${fmt(target)}: **not met**`;
  md += `| \`${name}\` | ${what} | ${fmt(e.point_estimate)} | ${fmt(e.confidence_interval.lower_bound)} – ${fmt(e.confidence_interval.upper_bound)} | ${verdict} |\n`;
}
// Before the sections another benchmark wrote (the policy studio's), which stay (sections.mjs).
const doc = path.join(repo, 'docs', 'benchmarks.md');
fs.writeFileSync(doc, appendOwn(fs.readFileSync(doc, 'utf8'), md));
console.log(md);
