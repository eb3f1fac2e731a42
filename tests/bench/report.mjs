// Turns one run's measurements into docs/benchmarks.md: conditions, medians, ratios, targets
// (met or not, with the measured cause of any gap), then every raw number.

import { median, ms, ms1, kb, mb, ratio, signedKb } from './stats.mjs';
import { SLOW_4G, CPU_SLOWDOWN } from './speed.mjs';

const NAMES = { widget: 'Probity widget', static: 'Static HTML (baseline A)', surveyjs: 'SurveyJS (baseline B)' };
const KB150 = 150 * 1024;
const MB1 = 1024 * 1024;

/** Per page: the medians over its runs (a run's transition figure is the median of its three). */
function summarise(runs) {
  return {
    first: median(runs.map((r) => r.firstQuestionMs)),
    bytes: median(runs.map((r) => r.firstScreenBytes)),
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

function speedSection(speed, wasmRawBytes) {
  const s = Object.fromEntries(Object.entries(speed).map(([id, runs]) => [id, summarise(runs)]));
  const w = s.widget;
  const out = [];
  out.push('## Speed: Kent gifts, first four questions, cold load', '');
  out.push(`Conditions for every run: DevTools' "Slow 4G" over CDP (\`Network.emulateNetworkConditions\` latency ${SLOW_4G.latency} ms, ` +
    `down ${SLOW_4G.downloadThroughput} B/s, up ${SLOW_4G.uploadThroughput} B/s), cache disabled, ` +
    `\`Emulation.setCPUThrottlingRate\` ${CPU_SLOWDOWN}×, service workers blocked, a fresh \`--user-data-dir\`, gzip from ` +
    '`tests/browser/server.mjs` on 127.0.0.1. The walk is the same for all three pages: "A gift" → "A contractor or supplier…" → ' +
    '"Wine, spirits or other alcohol" → "Yes" → outcome / completion page. A moment "painted" is the first ' +
    '`requestAnimationFrame` in which the page shows the question with its stylesheets loaded; a click is timed in a capturing ' +
    'listener. Runs were interleaved (widget, static, SurveyJS, widget, …). 1 KB = 1024 bytes.', '');
  out.push('### Medians', '');
  out.push('| page | runs | first question visible | first-screen transfer | Continue/Next → next question (median of 3) | last answer → outcome | whole walk transfer |');
  out.push('|---|---|---|---|---|---|---|');
  for (const id of Object.keys(speed)) {
    const x = s[id];
    out.push(`| ${NAMES[id]} | ${speed[id].length} | ${ms(x.first)} | ${kb(x.bytes)} | ${ms1(x.next)} | ${ms1(x.outcome)} | ${kb(x.walkBytes)} |`);
  }
  out.push('', '### The widget against the baselines (ratio of medians, widget ÷ baseline)', '');
  out.push('| figure | ÷ static HTML | ÷ SurveyJS |', '|---|---|---|');
  out.push(`| first question visible | ${ratio(w.first, s.static.first)} | ${ratio(w.first, s.surveyjs.first)} |`);
  out.push(`| first-screen transfer | ${ratio(w.bytes, s.static.bytes)} | ${ratio(w.bytes, s.surveyjs.bytes)} |`);
  out.push(`| Continue → next question | ${ratio(w.next, s.static.next)} | ${ratio(w.next, s.surveyjs.next)} |`);
  out.push(`| last answer → outcome | ${ratio(w.outcome, s.static.outcome)} | ${ratio(w.outcome, s.surveyjs.outcome)} |`);

  // The widget's first screen, from the run with the median first-question time: where the time goes.
  const byFirst = [...speed.widget].sort((a, b) => a.firstQuestionMs - b.firstQuestionMs);
  const mid = byFirst[Math.floor(byFirst.length / 2)];
  const wasmDone = median(speed.widget.map((r) => r.resources.find((x) => x.path.endsWith('.wasm'))?.doneMs ?? NaN));
  const wasmGz = median(speed.widget.map((r) => r.resources.find((x) => x.path.endsWith('.wasm'))?.bytes ?? NaN));

  const targets = [
    { name: 'First question ≤ 1.25× static HTML', value: `${ratio(w.first, s.static.first)} (${ms(w.first)} vs ${ms(s.static.first)})`, ok: w.first <= 1.25 * s.static.first,
      gap: `${ms(w.first - 1.25 * s.static.first)} over the target`},
    { name: 'First question ≤ 0.5× SurveyJS', value: `${ratio(w.first, s.surveyjs.first)} (${ms(w.first)} vs ${ms(s.surveyjs.first)})`, ok: w.first <= 0.5 * s.surveyjs.first,
      gap: `${ms(w.first - 0.5 * s.surveyjs.first)} over the target` },
    { name: `Continue → next question < 30 ms median at ${CPU_SLOWDOWN}× CPU`, value: ms1(w.next), ok: w.next < 30,
      gap: `${ms1(w.next - 30)} over the target` },
    { name: 'First-screen transfer ≤ 150 KB gzip', value: kb(w.bytes), ok: w.bytes <= KB150, gap: `${kb(w.bytes - KB150)} over the target` },
  ];
  out.push('', '### Targets', '', '| target | measured | result |', '|---|---|---|');
  for (const t of targets) out.push(`| ${t.name} | ${t.value} | ${yes(t.ok)}${t.ok ? '' : ` (${t.gap})`} |`);

  out.push('', '### Causes of the gaps', '');
  if (!targets[0].ok || !targets[1].ok || !targets[3].ok) {
    out.push(`- **First screen.** The widget shows nothing but "Loading…" until its WebAssembly has downloaded and instantiated. ` +
      `\`probity_web_bg.wasm\` is ${kb(wasmRawBytes)} raw, ${kb(wasmGz)} gzip (all five councils' policies are compiled in), ` +
      `${(100 * wasmGz / w.bytes).toFixed(0)}% of the first-screen bytes; at Slow 4G's 180,000 B/s its transfer alone takes ` +
      `${ms((wasmGz / SLOW_4G.downloadThroughput) * 1000)}. It is also discovered late: embed.html → embed.js → probity-widget.js → ` +
      `probity_web.js → the wasm is a chain of dependent requests, each paying the ${SLOW_4G.latency} ms round trip. ` +
      `Median over the widget runs: the wasm finished arriving at ${ms(wasmDone)}, and the first question was painted at ${ms(w.first)}, ` +
      `so ${ms(w.first - wasmDone)} went on compiling and instantiating the wasm and the first render at ${CPU_SLOWDOWN}× slowdown. ` +
      `The static page needs one HTML file and one CSS file (${kb(s.static.bytes)}). The known remedy is to prerender the first ` +
      'question to HTML (it is static for a given policy and tree) and hydrate when the wasm arrives; preloading the wasm ' +
      '(`<link rel="preload">`/`modulepreload`) would shorten the request chain, and compiling in only the policy a page uses ' +
      'would shrink the download. None of these was tried here.');
  }
  if (!targets[2].ok) {
    const perRun = speed.widget.map((r) => median(r.transitionsMs));
    const split = splitMedians(speed.widget);
    out.push(`- **Continue → next question.** Median ${ms1(w.next)} at ${CPU_SLOWDOWN}× CPU slowdown (per-run medians ` +
      `${ms1(Math.min(...perRun))}–${ms1(Math.max(...perRun))}). All of it is main-thread work in the page. Split at the page's ` +
      `last DOM change before the paint (a MutationObserver on the shadow root), the medians over all transitions were ${ms1(split.script)} ` +
      'from the click to the last DOM change (the widget\'s own work: the wasm reducer replaying the answers, Yew rendering and ' +
      `patching the page, focus and history updates) and ${ms1(split.render)} after it (style, layout and paint of the new page, ` +
      `and waiting for the next frame), so most of the time is ${split.script > split.render ? 'the widget\'s script, not the browser\'s rendering' : 'the browser\'s rendering, not the widget\'s script'}. For comparison, ` +
      `the medians were ${ms1(s.surveyjs.next)} for SurveyJS and ${ms(s.static.next)} for the static pages (a full page load each ` +
      'over Slow 4G).');
  }
  if (targets.every((t) => t.ok)) out.push('None: every target was met.');

  out.push('', `First-screen requests of the widget run with the median first-question time (${ms(mid.firstQuestionMs)}), ` +
    'in order of completion:', '', '| resource | transferred | finished at |', '|---|---|---|');
  for (const r of [...mid.resources].sort((a, b) => a.doneMs - b.doneMs)) out.push(`| \`${r.path}\` | ${kb(r.bytes)} | ${ms(r.doneMs)} |`);
  return out;
}

function rawSection(speed) {
  const out = ['', '### Every run', ''];
  for (const [id, runs] of Object.entries(speed)) {
    out.push(`**${NAMES[id]}**`, '', '| run | first question | first-screen bytes | Continue → Q2, Q3, Q4 (ms) | median | of which click → last DOM change (ms) | last → outcome | walk bytes | errors |', '|---|---|---|---|---|---|---|---|---|');
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
