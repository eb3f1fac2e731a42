// Where the first Continue's extra time goes, and the first visit's waterfall: one throttled first
// visit of the per-tree page (the benchmark's server, flags, Slow 4G and 4× CPU), a Chromium trace
// around the first three presses of Continue, and the page's network events from the navigation
// to "ready". Prints each request's start, first byte and end relative to the navigation; when the
// page's idle callbacks ran (the widget's rehearsal, crates/web/src/rehearse.rs) against the first
// click; and per press (found in the trace by its `submit` event: a radio's click is a click too),
// the click-to-frame time, the trace's biggest items in it and the main thread's tasks in order,
// each with the wasm compiled lazily in it (V8's wasm.CompileLazy). A diagnostic for
// docs/benchmarks.md's figures, not part of the benchmark (tracing slows the page).
//   node tests/bench/profile.mjs                    one visit
//   PROFILE_WAIT=3000 node tests/bench/profile.mjs  wait 3 s after ready before the first press
//   PROFILE_RUNS=3                                  several visits, one after another
//   PROFILE_BEFORE=1500                             also list the tasks up to 1.5 s before each press
//   PROFILE_TRACE=/tmp/t.json                       also keep the last visit's trace (chrome://tracing)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch } from './browser.mjs';
import { probeScript, PAGES } from './probe.mjs';
import { SLOW_4G, CPU_SLOWDOWN } from './speed.mjs';

const PAGE = process.env.BENCH_PAGE || 'embed/kent/gifts.html';
const WAIT = Number(process.env.PROFILE_WAIT || 0);
const RUNS = Number(process.env.PROFILE_RUNS || 1);
const CATEGORIES = ['devtools.timeline', 'v8', 'v8.wasm', 'disabled-by-default-v8.compile', 'blink', 'toplevel',
  'disabled-by-default-devtools.timeline', 'v8.execute', 'ServiceWorker'].join(',');

async function tracing(cdp) {
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await done;
    return events;
  };
}

/** Complete events (X, or B/E paired) inside [from, to] µs on the clock of the trace, by name. */
function within(events, from, to) {
  const spans = [];
  const open = new Map();
  for (const e of events) {
    if (e.ph === 'X' && e.dur !== undefined) spans.push({ name: e.name, tid: e.tid, pid: e.pid, ts: e.ts, dur: e.dur, args: e.args });
    else if (e.ph === 'B') open.set(`${e.pid}:${e.tid}:${e.name}`, e);
    else if (e.ph === 'E') {
      const b = open.get(`${e.pid}:${e.tid}:${e.name}`);
      if (b) spans.push({ name: e.name, tid: e.tid, pid: e.pid, ts: b.ts, dur: e.ts - b.ts, args: b.args });
    }
  }
  const totals = new Map();
  for (const s of spans) {
    const a = Math.max(s.ts, from);
    const b = Math.min(s.ts + s.dur, to);
    if (b <= a) continue;
    const key = `${s.name} [${threadName(events, s.pid, s.tid)}]`;
    const t = totals.get(key) ?? { ms: 0, n: 0 };
    t.ms += (b - a) / 1000;
    t.n += 1;
    totals.set(key, t);
  }
  return [...totals.entries()].sort((x, y) => y[1].ms - x[1].ms);
}
const names = new WeakMap();
function threadName(events, pid, tid) {
  if (!names.has(events)) {
    const m = new Map();
    for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') m.set(`${e.pid}:${e.tid}`, e.args.name);
    names.set(events, m);
  }
  return names.get(events).get(`${pid}:${tid}`) ?? `${pid}:${tid}`;
}

async function oneVisit(srv, keep) {
  const { context, page, close } = await launch();
  try {
    await context.addInitScript({ content: probeScript(PAGES.widget) });
    // When the page's idle callbacks run (the widget's rehearsal, crates/web/src/rehearse.rs).
    await context.addInitScript({ content: `(() => { const ric = window.requestIdleCallback; if (!ric) return; window.__idle = [];
      window.requestIdleCallback = (f, o) => { const asked = performance.now(); return ric.call(window, (d) => { const t = performance.now(); f(d); window.__idle.push({ asked, ran: t, ms: performance.now() - t }); }, o); }; })();` });
    const cdp = await context.newCDPSession(page);
    const requests = new Map();
    let navAt = null;
    cdp.on('Network.requestWillBeSent', (e) => {
      if (navAt === null) navAt = e.timestamp;
      requests.set(e.requestId, { url: e.request.url.replace(srv.url, '/'), start: e.timestamp, initiator: e.initiator?.type, priority: e.request.initialPriority });
    });
    cdp.on('Network.responseReceived', (e) => {
      const r = requests.get(e.requestId);
      if (r) Object.assign(r, { firstByte: e.timestamp, type: e.response.headers['content-type'], encoding: e.response.headers['content-encoding'], cached: e.response.fromDiskCache || e.response.fromServiceWorker });
    });
    cdp.on('Network.loadingFinished', (e) => { const r = requests.get(e.requestId); if (r) Object.assign(r, { end: e.timestamp, bytes: e.encodedDataLength }); });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(srv.url + PAGE, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench?.readyAt != null, null, { timeout: 120_000, polling: 50 });
    const readyAt = await page.evaluate(() => window.__bench.readyAt);
    const waterfall = [...requests.values()].sort((a, b) => a.start - b.start);
    if (WAIT) await page.waitForTimeout(WAIT);
    const stop = await tracing(cdp);
    const presses = [];
    for (let i = 0; i < 3; i++) {
      const before = await page.evaluate(() => window.__bench.marks.length);
      const radio = page.locator('probity-widget .pb-host[data-live] .pb-radios__input').first();
      if (await radio.count()) await radio.check();
      else await page.locator('probity-widget .pb-host[data-live] form .pb-input').first().fill('100');
      await page.locator('probity-widget .pb-host[data-live] [data-continue]').click();
      await page.waitForFunction((n) => window.__bench.marks.length > n, before, { polling: 50 });
      const b = await page.evaluate(() => ({ idle: window.__idle, click: window.__bench.clicks.at(-1), frame: window.__bench.marks.at(-1).t, origin: performance.timeOrigin }));
      presses.push(b);
      await page.waitForTimeout(300);
    }
    const events = await stop();
    if (keep) fs.writeFileSync(keep, JSON.stringify({ traceEvents: events }));
    return { readyAt, waterfall, navAt, presses, events };
  } finally {
    await close();
  }
}

const srv = await serve(fs.mkdtempSync(path.join(os.tmpdir(), 'probity-profile-')));
try {
  for (let run = 1; run <= RUNS; run++) {
    const v = await oneVisit(srv, run === RUNS ? process.env.PROFILE_TRACE : null);
    console.log(`run ${run}: ready ${v.readyAt.toFixed(0)} ms; presses ${v.presses.map((p) => (p.frame - p.click).toFixed(1)).join(' / ')} ms; ` +
      `first click at ${v.presses[0].click.toFixed(0)} ms; idle callbacks ${JSON.stringify((v.presses[0].idle ?? []).map((i) => [Math.round(i.asked), Math.round(i.ran), +i.ms.toFixed(1)]))}`);
    if (run === 1) {
      console.log('waterfall (ms from the first request: start → first byte → end, bytes):');
      for (const r of v.waterfall) {
        const at = (t) => (t === undefined ? '?' : ((t - v.navAt) * 1000).toFixed(0));
        console.log(`  ${at(r.start).padStart(5)} → ${at(r.firstByte).padStart(5)} → ${at(r.end).padStart(5)}  ${String(r.bytes ?? '').padStart(7)} ${r.priority ?? ''} ${r.encoding ?? ''} ${r.type ?? ''} ${r.url}`);
      }
    }
    // Each press's window on the trace clock, from its `submit` event (the trace's and the page's
    // clocks are not tied, so the window is generous and the tasks are listed by their own times).
    const clicks = v.events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'submit').sort((a, b) => a.ts - b.ts);
    clicks.forEach((c, i) => {
      const p = v.presses[i];
      if (!p) return;
      const to = c.ts + (p.frame - p.click) * 1000 + 2000;
      const top = within(v.events, c.ts - 1000, to).slice(0, 18);
      console.log(`press ${i + 1} (${(p.frame - p.click).toFixed(1)} ms):`);
      for (const [k, t] of top) console.log(`   ${t.ms.toFixed(1).padStart(6)} ms ×${t.n} ${k}`);
      // The main thread's tasks in order, from the click to just after the frame, and what each did.
      const main = v.events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain' && e.pid === c.pid);
      const tasks = v.events.filter((e) => e.pid === c.pid && e.tid === main?.tid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.ts >= c.ts - Number(process.env.PROFILE_BEFORE || 60) * 1000 && e.ts <= to + 20_000).sort((a, b) => a.ts - b.ts);
      for (const t of tasks) {
        const inner = v.events.filter((e) => e.pid === c.pid && e.tid === t.tid && e.ph === 'X' && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e !== t);
        const lazy = inner.filter((e) => e.name === 'wasm.CompileLazy').reduce((a, e) => a + e.dur, 0) / 1000;
        const what = ['EventDispatch', 'FireIdleCallback', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'Paint', 'Commit', 'BeginMainFrame', 'FunctionCall', 'UpdateLayoutTree', 'Layout']
          .map((n) => [n, inner.filter((e) => e.name === n).reduce((a, e) => a + e.dur, 0) / 1000]).filter(([, d]) => d > 0.2).map(([n, d]) => `${n} ${d.toFixed(1)}`).join(', ');
        if (t.dur < 300) continue;
        console.log(`     task at ${((t.ts - c.ts) / 1000).toFixed(1).padStart(6)} ms, ${(t.dur / 1000).toFixed(1).padStart(5)} ms: lazy wasm ${lazy.toFixed(1)}; ${what}`);
      }
      console.log(`     frame at ${(p.frame - p.click).toFixed(1)} ms after the click (page clock)`);
    });
  }
} finally {
  srv.close();
}
