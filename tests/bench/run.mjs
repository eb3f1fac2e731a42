// The benchmark: speed of the widget against two baselines, then the kiosk soak; writes
// docs/benchmarks.md. Run through scripts/bench.sh (which builds the widget first).
//   BENCH_RUNS=7   fresh-profile runs per page      SOAK_WALKS=500   walks in the soak (0 skips it)

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, repo } from './browser.mjs';
import { measure } from './speed.mjs';
import { soak } from './soak.mjs';
import { machine, cpuBusy } from './machine.mjs';
import { report } from './report.mjs';
import { keepOthers } from './sections.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 7);
const WALKS = Number(process.env.SOAK_WALKS ?? 500);
// scripts/bench.sh passes its start time so that the total includes the build.
const started = Number(process.env.BENCH_STARTED_MS || Date.now());
const PAGES = ['widget', 'widgetGeneric', 'static', 'surveyjs'];

const info = machine();
const srv = await serve();
try {
  const speed = Object.fromEntries(PAGES.map((id) => [id, []]));
  // Other work on the machine slows the 4×-throttled runs; the report states how busy it was.
  const load = { busyBefore: await cpuBusy(), before: os.loadavg()[0] };
  // Interleaved, so that any drift of the machine over the run touches every page alike.
  for (let run = 1; run <= RUNS; run++) {
    for (const id of PAGES) {
      const r = await measure(id, srv.urls[id]);
      speed[id].push(r);
      console.log(`speed run ${run}/${RUNS} ${id}: first question ${r.firstQuestionMs.toFixed(0)} ms, ${r.firstScreenBytes} B, ` +
        `next ${r.transitionsMs.map((t) => t.toFixed(1)).join('/')} ms, outcome ${r.outcomeMs.toFixed(1)} ms`);
    }
  }
  load.busyAfter = await cpuBusy();
  const soaked = WALKS > 0 ? await soak(srv.urls.widget, { walks: WALKS, every: Math.min(50, WALKS), log: console.log }) : null;

  const wasmRawBytes = fs.statSync(srv.wasmPath).size;
  const command = 'bash scripts/bench.sh' + (RUNS !== 7 || WALKS !== 500 ? `   # this run: BENCH_RUNS=${RUNS} SOAK_WALKS=${WALKS}` : '');
  const out = path.join(repo, 'docs', 'benchmarks.md');
  // The sections this benchmark does not write (the policy studio's) are kept (sections.mjs).
  const previous = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  fs.writeFileSync(out, keepOthers(report({ info, speed, soak: soaked, wasmRawBytes, load, totalMs: Date.now() - started, command }), previous));
  console.log(`wrote ${path.relative(repo, out)}`);
} finally {
  srv.close();
}
