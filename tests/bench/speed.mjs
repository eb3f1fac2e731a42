// One cold, throttled walk of one page: Slow 4G, no cache, 4× CPU slowdown, fresh profile,
// service workers blocked. Returns the four figures of the benchmark plus what was downloaded.

import { launch } from './browser.mjs';
import { PAGES, WALK, QUESTIONS, probeScript } from './probe.mjs';

// DevTools' "Slow 4G" preset: 1.6 Mbps ×0.9 down, 750 kbps ×0.9 up, 150 ms ×3.75 RTT (bytes/s, ms).
export const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: 180000, uploadThroughput: 84375 };
export const CPU_SLOWDOWN = 4;

/** Waits until the document shows its (index+1)th distinct question and returns the probe's record. */
async function waitForMark(page, index, expected) {
  for (let tries = 0; ; tries++) {
    try {
      await page.waitForFunction((i) => (window.__bench?.marks.length ?? 0) > i, index, { timeout: 120_000, polling: 100 });
      const { marks, clicks, mutations } = await page.evaluate(() => window.__bench);
      const mark = marks[index];
      if (!(mark.key === expected || mark.key.startsWith(expected))) throw new Error(`expected "${expected}", saw "${mark.key}"`);
      return { mark, clicks, mutations };
    } catch (error) {
      // A full page load (static baseline) can destroy the context we were polling; look again.
      if (tries < 5 && /context was destroyed|navigation/i.test(String(error))) continue;
      throw error;
    }
  }
}

export async function measure(id, baseUrl) {
  const def = PAGES[id];
  const { context, page, close } = await launch({ contextOptions: { serviceWorkers: 'block' } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // The baselines have no favicon; the browser's request for one is not a page error.
  page.on('console', (m) => { if (m.type() === 'error' && !/favicon/.test(m.location().url)) errors.push(m.text()); });
  try {
    const cdp = await context.newCDPSession(page);
    const sent = new Map();
    const finished = [];
    cdp.on('Network.requestWillBeSent', (e) => { if (!sent.has(e.requestId)) sent.set(e.requestId, { url: e.request.url, t: e.timestamp }); });
    cdp.on('Network.loadingFinished', (e) => finished.push({ id: e.requestId, t: e.timestamp, bytes: e.encodedDataLength }));
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await context.addInitScript({ content: probeScript(def) });

    await page.goto(baseUrl + def.path, { waitUntil: 'commit', timeout: 120_000 });
    const first = await waitForMark(page, 0, QUESTIONS[0]);
    // An officer reads the question before answering; the walk starts when the page is ready to
    // take an answer itself (for the widget: when the wasm has taken over from the prerendered
    // first page). Until then a Continue is held and replayed, so it would time the download.
    await page.waitForFunction(() => window.__bench.readyAt !== null, null, { timeout: 120_000, polling: 100 });
    const readyMs = await page.evaluate(() => window.__bench.readyAt);

    // Each answer: the time from the click on Continue/Next to the paint of what comes next.
    // A full page load starts a new document whose probe starts counting from 0 again.
    const steps = [];
    const splits = [];
    let index = 0;
    for (let i = 0; i < WALK.length; i++) {
      const url = page.url();
      await def.answer(page, WALK[i]);
      const expected = i + 1 < WALK.length ? QUESTIONS[i + 1] : 'outcome';
      if (id === 'static') {
        await page.waitForURL((u) => u.href !== url, { waitUntil: 'commit', timeout: 120_000 });
        index = 0;
      } else {
        index += 1;
      }
      const { mark, clicks, mutations } = await waitForMark(page, index, expected);
      const click = clicks[clicks.length - 1];
      const lastChange = Math.max(...mutations.filter((m) => m > click && m <= mark.wall));
      steps.push(mark.wall - click);
      // Only meaningful in one document (not for the static pages' full loads).
      if (id !== 'static' && Number.isFinite(lastChange)) splits.push({ scriptMs: lastChange - click, renderMs: mark.wall - lastChange });
    }

    // Bytes of every response that had finished by the time the first question was painted.
    // CDP timestamps are seconds on a monotonic clock; the document request marks navigation start.
    const docStart = Math.min(...[...sent.values()].map((r) => r.t));
    const firstScreen = finished.filter((f) => (f.t - docStart) * 1000 <= first.mark.t);
    const readyScreen = finished.filter((f) => (f.t - docStart) * 1000 <= readyMs);
    const describe = (f) => ({ path: new URL(sent.get(f.id)?.url ?? 'about:blank').pathname, bytes: f.bytes, doneMs: (f.t - docStart) * 1000 });
    const resources = firstScreen.map(describe);
    // Every response up to "ready" (the wasm and its glue included), for where the time went.
    const allResources = readyScreen.map(describe);
    return {
      firstQuestionMs: first.mark.t,
      readyMs,
      readyBytes: readyScreen.reduce((a, f) => a + f.bytes, 0),
      firstScreenBytes: firstScreen.reduce((a, f) => a + f.bytes, 0),
      walkBytes: finished.reduce((a, f) => a + f.bytes, 0),
      transitionsMs: steps.slice(0, 3),
      splits: splits.slice(0, 3), // per question transition: { scriptMs, renderMs }
      outcomeMs: steps[3],
      resources,
      allResources,
      errors,
    };
  } finally {
    await close();
  }
}
