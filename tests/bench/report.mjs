// Turns one run's measurements into docs/benchmarks.md: conditions, medians, ratios, targets
// (met or not, with the measured cause of any gap), then every raw number.

import { median, ms, ms1, kb, mb, ratio, signedKb } from './stats.mjs';
import { SLOW_4G, CPU_SLOWDOWN } from './speed.mjs';

const NAMES = {
  widget: 'Probity widget, per-tree page',
  widgetGeneric: 'Probity widget, generic embed.html',
  static: 'Static HTML (baseline A)',
  surveyjs: 'SurveyJS (baseline B)',
};
const PATHS = { widget: '/embed/kent/gifts.html', widgetGeneric: '/embed.html?policy=kent&tree=gifts' };
const KB150 = 150 * 1024;
const MB1 = 1024 * 1024;

/** Per page: the medians over its runs (a run's transition figure is the median of its three). */
function summarise(runs) {
  return {
    first: median(runs.map((r) => r.firstQuestionMs)),
    bytes: median(runs.map((r) => r.firstScreenBytes)),
    ready: median(runs.map((r) => r.readyMs)),
    readyBytes: median(runs.map((r) => r.readyBytes)),
    walkBytes: median(runs.map((r) => r.walkBytes)),
    next: median(runs.map((r) => median(r.transitionsMs))),
    outcome: median(runs.map((r) => r.outcomeMs)),
  };
}

/** Medians over all question transitions of a page's runs: click → last DOM change, and the rest. */
function splitMedians(runs) {
  const all = runs.flatMap((r) => r.splits);
  return { script: median(all.map((x) => x.scriptMs)), render: median(all.map((x) => x.renderMs)) };
}

const yes = (ok) => (ok ? '**met**' : '**not met**');

/** When a resource finished arriving, median over runs (NaN if it was never fetched). */
const doneAt = (runs, suffix) => median(runs.map((r) => r.allResources.find((x) => x.path.endsWith(suffix))?.doneMs ?? NaN));
const bytesOf = (runs, suffix) => median(runs.map((r) => r.allResources.find((x) => x.path.endsWith(suffix))?.bytes ?? NaN));

function speedSection(speed, wasmRawBytes) {
  const s = Object.fromEntries(Object.entries(speed).map(([id, runs]) => [id, summarise(runs)]));
  const w = s.widget;
  const widgets = ['widget', 'widgetGeneric'].filter((id) => s[id]);
  const out = [];
  out.push('## Speed: Kent gifts, first four questions, cold load', '');
  out.push(`Conditions for every run: DevTools' "Slow 4G" over CDP (\`Network.emulateNetworkConditions\` latency ${SLOW_4G.latency} ms, ` +
    `down ${SLOW_4G.downloadThroughput} B/s, up ${SLOW_4G.uploadThroughput} B/s), cache disabled, ` +
    `\`Emulation.setCPUThrottlingRate\` ${CPU_SLOWDOWN}×, service workers blocked, a fresh \`--user-data-dir\`, gzip from ` +
    '`tests/browser/server.mjs` on 127.0.0.1. The walk is the same for every page: "A gift" → "A contractor or supplier…" → ' +
    '"Wine, spirits or other alcohol" → "Yes" → outcome / completion page. A moment "painted" is the first ' +
    '`requestAnimationFrame` in which the page shows the question with its stylesheets loaded; a click is timed in a capturing ' +
    'listener (only trusted clicks: the widget\'s own replay of a held click does not count). Runs were interleaved ' +
    '(per-tree widget, generic widget, static, SurveyJS, …). 1 KB = 1024 bytes.', '');
  out.push('The widget is measured on its two iframe pages: the per-tree page `embed/kent/gifts.html` (its first question ' +
    'prerendered into the HTML as a declarative shadow root) and the generic `embed.html?policy=kent&tree=gifts` (the first ' +
    'question taken from `pkg/first-pages.js`, which holds the first pages of all 65 trees of the five councils). On both, the ' +
    'question shows before the wasm has arrived, and the wasm then takes over ' +
    '(`www/takeover.js`). "Ready" is when it has: from then on the widget answers by itself. An officer who presses Continue ' +
    'before then sees "Loading the next page…" and the press is carried out when the wasm arrives. The walk starts at "ready", ' +
    'as an officer reads the question first; the static page and SurveyJS are ready when their first question shows.', '');
  out.push('### Medians', '');
  out.push('| page | runs | first question visible | first-screen transfer | ready to answer by itself | transfer until ready | Continue/Next → next question (median of 3) | last answer → outcome | whole walk transfer |');
  out.push('|---|---|---|---|---|---|---|---|---|');
  for (const id of Object.keys(speed)) {
    const x = s[id];
    out.push(`| ${NAMES[id]} | ${speed[id].length} | ${ms(x.first)} | ${kb(x.bytes)} | ${ms(x.ready)} | ${kb(x.readyBytes)} | ${ms1(x.next)} | ${ms1(x.outcome)} | ${kb(x.walkBytes)} |`);
  }
  out.push('', '### The widget against the baselines (ratio of medians, widget ÷ baseline)', '');
  out.push('| figure | page | ÷ static HTML | ÷ SurveyJS |', '|---|---|---|---|');
  for (const id of widgets) {
    const x = s[id];
    out.push(`| first question visible | ${NAMES[id]} | ${ratio(x.first, s.static.first)} | ${ratio(x.first, s.surveyjs.first)} |`);
    out.push(`| first-screen transfer | ${NAMES[id]} | ${ratio(x.bytes, s.static.bytes)} | ${ratio(x.bytes, s.surveyjs.bytes)} |`);
    out.push(`| ready to answer by itself | ${NAMES[id]} | ${ratio(x.ready, s.static.ready)} | ${ratio(x.ready, s.surveyjs.ready)} |`);
  }
  out.push(`| Continue → next question | ${NAMES.widget} | ${ratio(w.next, s.static.next)} | ${ratio(w.next, s.surveyjs.next)} |`);
  out.push(`| last answer → outcome | ${NAMES.widget} | ${ratio(w.outcome, s.static.outcome)} | ${ratio(w.outcome, s.surveyjs.outcome)} |`);

  const targets = [];
  for (const id of widgets) {
    const x = s[id];
    targets.push({ name: `First question ≤ 1.25× static HTML (${NAMES[id]})`, value: `${ratio(x.first, s.static.first)} (${ms(x.first)} vs ${ms(s.static.first)})`,
      ok: x.first <= 1.25 * s.static.first, gap: `${ms(x.first - 1.25 * s.static.first)} over the target` });
    targets.push({ name: `First question ≤ 0.5× SurveyJS (${NAMES[id]})`, value: `${ratio(x.first, s.surveyjs.first)} (${ms(x.first)} vs ${ms(s.surveyjs.first)})`,
      ok: x.first <= 0.5 * s.surveyjs.first, gap: `${ms(x.first - 0.5 * s.surveyjs.first)} over the target` });
  }
  targets.push({ name: `Continue → next question < 30 ms median at ${CPU_SLOWDOWN}× CPU`, value: ms1(w.next), ok: w.next < 30, gap: `${ms1(w.next - 30)} over the target` });
  for (const id of widgets) {
    const x = s[id];
    targets.push({ name: `First-screen transfer ≤ 150 KB gzip (${NAMES[id]}${id === 'widgetGeneric' ? ', first pages of all five councils' : ''})`,
      value: kb(x.bytes), ok: x.bytes <= KB150, gap: `${kb(x.bytes - KB150)} over the target` });
  }
  targets.push({ name: 'Whole widget, wasm with all five policies, ≤ 150 KB gzip (the target read strictly: everything before the widget answers by itself)',
    value: kb(w.readyBytes), ok: w.readyBytes <= KB150, gap: `${kb(w.readyBytes - KB150)} over` });
  out.push('', '### Targets', '', '| target | measured | result |', '|---|---|---|');
  for (const t of targets) out.push(`| ${t.name} | ${t.value} | ${yes(t.ok)}${t.ok ? '' : ` (${t.gap})`} |`);

  // Where the time goes on the per-tree page: the run with the median first-question time.
  const byFirst = [...speed.widget].sort((a, b) => a.firstQuestionMs - b.firstQuestionMs);
  const mid = byFirst[Math.floor(byFirst.length / 2)];
  const wasmDone = doneAt(speed.widget, '.wasm');
  const wasmGz = bytesOf(speed.widget, '.wasm');
  const glueDone = doneAt(speed.widget, 'probity_web.js');
  out.push('', '### What is left, and why', '');
  out.push(`- **The first screen** no longer waits for the wasm. On the per-tree page it is the HTML with the question in it and ` +
    `the stylesheets, the same two round trips as the static page (${kb(w.bytes)} against ${kb(s.static.bytes)}: the widget's ` +
    `stylesheet and scripts come in the second round trip beside the CSS). The generic page also fetches the first pages of ` +
    `every tree (${kb(bytesOf(speed.widgetGeneric ?? [], 'first-pages.js'))}), so it paints later (${ms(s.widgetGeneric?.first ?? NaN)}).`);
  out.push(`- **Ready to answer by itself** at ${ms(w.ready)} (median, per-tree page). \`probity_web_bg.wasm\` is ${kb(wasmRawBytes)} raw and ` +
    `${kb(wasmGz)} gzip. The per-tree page preloads it from its \`<head>\`, so it downloads beside the stylesheets (the question ` +
    'needs only the HTML and CSS); the generic page fetches it after the first paint, so as not to slow the first pages it needs. ' +
    `Its ${kb(bytesOf(speed.widget, 'probity_web.js'))} glue is fetched after the first paint (done at ${ms(glueDone)}). ` +
    `At Slow 4G's ${SLOW_4G.downloadThroughput.toLocaleString('en-GB')} B/s the wasm's transfer alone takes ` +
    `${ms((wasmGz / SLOW_4G.downloadThroughput) * 1000)}. It finished arriving at ${ms(wasmDone)}; the remaining ` +
    `${ms(w.ready - wasmDone)} is compiling it, checking the five policies and the first render, at ${CPU_SLOWDOWN}× slowdown. ` +
    'About 80 KB gzip of the wasm is the five policies (362 KB of JSON); most of the rest is Yew, serde_json (the in-browser ' +
    'checker reads councils\' own policies, `policy-src`, as well as the built-in ones) and rust_decimal. So the whole widget ' +
    `is ${kb(w.readyBytes)} against the 150 KB target read strictly; the officer does not wait for it before reading and ` +
    'answering the first question, but a Continue pressed in the first seconds waits for it.');
  out.push('', `Requests of the per-tree widget run with the median first-question time (${ms(mid.firstQuestionMs)}; first question ` +
    `at ${ms(mid.firstQuestionMs)}, ready at ${ms(mid.readyMs)}), in order of completion:`, '', '| resource | transferred | finished at | part of the first screen |', '|---|---|---|---|');
  for (const r of [...mid.allResources].sort((a, b) => a.doneMs - b.doneMs)) {
    out.push(`| \`${r.path}\` | ${kb(r.bytes)} | ${ms(r.doneMs)} | ${r.doneMs <= mid.firstQuestionMs ? 'yes' : 'no'} |`);
  }
  return out;
}

function rawSection(speed) {
  const out = ['', '### Every run', ''];
  for (const [id, runs] of Object.entries(speed)) {
    out.push(`**${NAMES[id]}**${PATHS[id] ? ` (\`${PATHS[id]}\`)` : ''}`, '', '| run | first question | first-screen bytes | Continue → Q2, Q3, Q4 (ms) | median | of which click → last DOM change (ms) | last → outcome | walk bytes | errors |', '|---|---|---|---|---|---|---|---|---|');
    runs.forEach((r, i) => out.push(`| ${i + 1} | ${ms1(r.firstQuestionMs)} | ${r.firstScreenBytes} | ${r.transitionsMs.map((t) => t.toFixed(1)).join(', ')} | ` +
      `${ms1(median(r.transitionsMs))} | ${r.splits.length ? r.splits.map((x) => x.scriptMs.toFixed(1)).join(', ') : 'n/a (full page load)'} | ` +
      `${ms1(r.outcomeMs)} | ${r.walkBytes} | ${r.errors.length ? r.errors.join('; ').slice(0, 200) : 'none'} |`));
    out.push('');
    const first = runs[0].resources.map((r) => `\`${r.path}\` ${r.bytes} B`).join(', ');
    out.push(`First-screen requests (run 1): ${first}.`, '');
  }
  return out;
}

function soakSection(soak) {
  if (!soak) return ['', '## Kiosk soak', '', 'Not run (SOAK_WALKS=0).'];
  const out = ['', '## Kiosk soak', ''];
  out.push(`${soak.walks} complete walks on \`/embed.html?kiosk=1&idle=1&policy=kent\` in one page, no throttling, chromium with ` +
    `\`--enable-precise-memory-info\`. Each walk presses a tree button (in turn: ${soak.trees.join(', ')}), answers the first ` +
    'option (or 100 for a money or number question) until the outcome shows, then waits without input for the idle warning and ' +
    `the reset to the start page ("Am I allowed to do this?"). Every ${soak.every} walks: \`HeapProfiler.collectGarbage\` over CDP, ` +
    'then `performance.memory.usedJSHeapSize` and `wasm_memory_bytes()` from the page\'s own `/pkg/probity_web.js`. ' +
    'Walk 0 is the start page just after loading; the rise from it to walk 50 is first use (every tree opened once, code ' +
    'compiled), which is why growth is counted from walk 50.', '');
  out.push('| after walk | elapsed | JS heap used | wasm memory |', '|---|---|---|---|');
  for (const p of soak.series) out.push(`| ${p.walk} | ${ms(p.elapsedMs)} | ${p.heapBytes} B (${mb(p.heapBytes)}) | ${p.wasmBytes} B (${mb(p.wasmBytes)}) |`);
  const from = soak.series.find((p) => p.walk === soak.every) ?? soak.series[0];
  const to = soak.series.at(-1);
  const heap = to.heapBytes - from.heapBytes;
  const wasm = to.wasmBytes - from.wasmBytes;
  out.push('', `Growth from walk ${from.walk} to walk ${to.walk} (target: under 1 MB each):`, '');
  out.push('| memory | growth | result |', '|---|---|---|');
  out.push(`| JS heap | ${signedKb(heap)} | ${yes(heap < MB1)} |`);
  out.push(`| wasm memory | ${signedKb(wasm)} | ${yes(wasm < MB1)} |`);
  // Under the target can still be a leak: say whether the heap was still rising at the end.
  const steps = soak.series.slice(1).map((p, i) => p.heapBytes - soak.series[i].heapBytes).slice(-3);
  if (steps.length === 3 && steps.every((d) => d > 0)) {
    const perWalk = heap / (to.walk - from.walk);
    out.push('', `The JS heap was still rising at the end (each of the last three intervals grew), about ${Math.round(perWalk)} B ` +
      `per walk; at that rate it would pass 1 MB of growth after about ${Math.round(MB1 / perWalk).toLocaleString('en-GB')} walks.`);
  }
  out.push('', `Total soak time: ${ms(soak.totalMs)} (${(soak.totalMs / 60000).toFixed(1)} min, ${ms(soak.totalMs / soak.walks)} per walk ` +
    `including the ~1–2 s idle reset). Walks restarted after the reset won a race with a click: ${soak.restarts}. ` +
    `"I'm still here" pressed because the warning covered a question mid-walk: ${soak.stayed}. Page errors: ${soak.errors.length ? soak.errors.join('; ') : 'none'}.`);
  return out;
}

export function report({ info, speed, soak, wasmRawBytes, load, totalMs, command }) {
  const out = ['# Benchmarks', '', 'Generated by `tests/bench/run.mjs`; do not edit by hand. To reproduce:', '', '```sh', command, '```', ''];
  out.push(`- Date: ${info.date}`);
  out.push(`- Machine: ${info.nproc} cores (nproc), ${info.cpu}, ${info.memory} memory, ${info.os}`);
  out.push(`- Code: commit ${info.commit || 'unknown'}${info.dirty ? ` plus uncommitted changes to ${info.dirty} tracked files` : ''}, widget built by \`scripts/build-web.sh\` (release) just before measuring`);
  out.push(`- Browser: ${info.chromium}, driven by playwright-core; node ${info.node}`);
  const pct = (x) => `${Math.round(100 * x)}%`;
  out.push(`- Other work on the machine (CPU busy over 3 s with no benchmark browser running): ${pct(load.busyBefore)} just before ` +
    `the speed runs, ${pct(load.busyAfter)} just after them; 1-min load average before them ${load.before.toFixed(2)}. ` +
    'The throttled timings share the 2 cores with whatever else runs, so a busy machine inflates them.');
  out.push(`- Total time of this run: ${(totalMs / 60000).toFixed(1)} min`, '');
  out.push(...speedSection(speed, wasmRawBytes), ...rawSection(speed), ...soakSection(soak), '');
  return out.join('\n');
}
