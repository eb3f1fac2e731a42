// The kiosk soak's section of docs/benchmarks.md (run only when SOAK_WALKS is set: it takes
// about an hour for 500 walks; when it is not run, the previous soak section is kept as it was).

import { ms, mb, signedKb } from './stats.mjs';

const MB1 = 1048576;
const yes = (ok) => (ok ? '**met**' : '**not met**');

export function soakSection(soak) {
  if (!soak) return ['', '## Kiosk soak', '', 'Not run (SOAK_WALKS=0).'];
  const out = ['', '## Kiosk soak', ''];
  out.push(`${soak.walks} complete walks on \`/embed.html?kiosk=1&idle=${soak.idle}&policy=kent\` in one page, no throttling, chromium with ` +
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
    `including the ${soak.idle} s idle reset). Walks restarted after the reset won a race with a click: ${soak.restarts}. ` +
    `"I'm still here" pressed because the warning covered a question mid-walk: ${soak.stayed}. Page errors: ${soak.errors.length ? soak.errors.join('; ') : 'none'}.`);
  return out;
}
