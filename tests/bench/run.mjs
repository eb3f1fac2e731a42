// The benchmark: the widget's per-tree page against a static page with the same first question,
// throttled, first and repeat visits, side by side in one run; the sizes of what the page loads
// and of the main wasm by part; optionally the kiosk soak. Writes docs/benchmarks.md. Run through
// scripts/bench.sh (which builds the widget first).
//   BENCH_RUNS=7                  runs of each page (each a first and a repeat visit)
//   BENCH_PAGE=embed/kent/gifts.html   the per-tree page measured
//   SOAK_WALKS=0                  walks in the kiosk soak (0: not run, its old section kept)
//   BENCH_CORE=1                  set by scripts/bench.sh when it runs the core benchmarks after this

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, repo } from './browser.mjs';
import { measure } from './speed.mjs';
import { writeStaticPage } from './static-page.mjs';
import { fileSizes } from './sizes.mjs';
import { widgetWasmParts } from './wasm-parts.mjs';
import { soak } from './soak.mjs';
import { soakSection } from './soak-report.mjs';
import { machine, cpuBusy } from './machine.mjs';
import { report } from './report.mjs';
import { keepOthers } from './sections.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 7);
const PAGE = process.env.BENCH_PAGE || 'embed/kent/gifts.html';
const WALKS = Number(process.env.SOAK_WALKS || 0);
// scripts/bench.sh passes its start time so that the total includes the build.
const started = Number(process.env.BENCH_STARTED_MS || Date.now());

const info = machine();
const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-bench-static-'));
const srv = await serve(staticDir);
try {
  const heading = await writeStaticPage(srv.url + PAGE, staticDir);
  console.log(`first question of /${PAGE}: "${heading}"`);
  // Other work on the machine slows the 4×-throttled runs; the report states how busy it was.
  const load = { busyBefore: await cpuBusy(), before: os.loadavg()[0] };
  const widget = [];
  const statik = [];
  // Alternating, so that any drift of the machine over the run touches both pages alike.
  for (let run = 1; run <= RUNS; run++) {
    const w = await measure('widget', srv, PAGE, heading);
    widget.push(w);
    const s = await measure('static', srv, 'bench/q1.html', heading);
    statik.push(s);
    console.log(`run ${run}/${RUNS}: static ${s.first.firstQuestionMs.toFixed(0)} ms (repeat ${s.repeat.firstQuestionMs.toFixed(0)}); ` +
      `widget first question ${w.first.firstQuestionMs.toFixed(0)} ms, ready ${w.first.readyMs.toFixed(0)} ms, ` +
      `presses ${w.first.presses.map((p) => `${p.clickToFrameMs.toFixed(1)}/${p.eventMs ?? '<16'}`).join(' ')}, ` +
      `${w.first.bytes} B; repeat ${w.repeat.firstQuestionMs.toFixed(0)}/${w.repeat.readyMs.toFixed(0)} ms`);
  }
  load.busyAfter = await cpuBusy();

  // Every file the per-tree page loaded on any first visit, the service worker's fetches included.
  const loaded = [...new Set(widget.flatMap((w) => w.first.files.map((f) => f.file)))];
  const sizes = fileSizes(srv.root, loaded);
  // Every council's compiled policy, not only the one this page fetched: the target is for each.
  const policyDir = path.join(srv.root, 'pkg', 'policies');
  const councilFiles = fs.existsSync(policyDir)
    ? fileSizes(srv.root, fs.readdirSync(policyDir).filter((f) => f.endsWith('.bin')).map((f) => `/pkg/policies/${f}`))
    : [];
  // The built-in policies as the wasm may hold them (today one JSON bundle), to find them in its data.
  const bundle = path.join(repo, 'crates', 'web', 'policies.bundle.json');
  const policyTexts = fs.existsSync(bundle) ? [fs.readFileSync(bundle, 'utf8')] : [];
  let parts = null;
  let partsError = null;
  try {
    parts = widgetWasmParts(repo, { policyTexts });
    if (parts.error) [partsError, parts] = [parts.error, null];
  } catch (error) {
    partsError = String(error.message ?? error).split('\n')[0];
  }

  const soaked = WALKS > 0 ? await soak(srv.url, { walks: WALKS, every: Math.min(50, WALKS), log: console.log }) : null;

  const env = [RUNS !== 7 && `BENCH_RUNS=${RUNS}`, PAGE !== 'embed/kent/gifts.html' && `BENCH_PAGE=${PAGE}`, WALKS && `SOAK_WALKS=${WALKS}`].filter(Boolean);
  const command = `${env.length ? `${env.join(' ')} ` : ''}bash scripts/bench.sh`;
  let md = report({ info, widget, statik, sizes, councilFiles, parts, partsError, load, totalMs: Date.now() - started, command, runs: RUNS, pagePath: PAGE });
  if (soaked) md += `${soakSection(soaked).join('\n')}\n`;
  const out = path.join(repo, 'docs', 'benchmarks.md');
  // Sections this run did not write (the policy studio's, a soak not re-run) are kept (sections.mjs).
  const previous = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  let written = keepOthers(md, previous);
  // Say which of the benchmark's own sections were not re-run and are an earlier run's figures.
  // (scripts/bench.sh writes the core section after this, when BENCH_CORE=1.)
  const later = process.env.BENCH_CORE === '1' ? ['## Core speed'] : [];
  const stale = ['## Kiosk soak', '## Core speed'].filter((h) => !later.includes(h) && !md.includes(`\n${h}`) && written.includes(`\n${h}`));
  if (stale.length) {
    const note = `- Not re-run this time, kept from an earlier run (their own text gives their conditions): ${stale.map((h) => `"${h.slice(3)}"`).join(', ')}; ${[stale.includes('## Kiosk soak') && '`SOAK_WALKS=500`', stale.includes('## Core speed') && '`BENCH_CORE=1`'].filter(Boolean).join(' and ')} re-run${stale.length > 1 ? ' them' : ' it'}\n`;
    written = written.replace(/(- Total time of this run: [^\n]*\n)/, `$1${note}`);
  }
  fs.writeFileSync(out, written);
  console.log(`wrote ${path.relative(repo, out)}`);
} finally {
  srv.close();
  fs.rmSync(staticDir, { recursive: true, force: true });
}
