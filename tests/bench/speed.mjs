// One throttled run of one page: a first visit on a fresh profile with the service worker allowed,
// then a repeat visit in the same profile (from the browser's and the service worker's caches).
// The widget's first visit also walks the tree to an outcome, timing every Continue.

import { launch } from './browser.mjs';
import { PAGES, probeScript, headingOf } from './probe.mjs';

// DevTools' "Slow 4G" preset (Chromium's front_end/core/sdk/NetworkManager.ts): 1.6 Mbps ×0.9 down,
// 750 kbps ×0.9 up, 150 ms ×3.75 round trip; in CDP's units, bytes per second and milliseconds.
export const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: 180000, uploadThroughput: 84375 };
export const CPU_SLOWDOWN = 4;
// The answer given to a money or number question on the walk.
export const MONEY = process.env.BENCH_MONEY || '100';
const TIMEOUT = 120_000;

/**
 * Throttles a page: network and CPU. Only the page: CDP's network emulation does not reach a
 * service worker's own fetches (sent to the worker's target, Network.emulateNetworkConditions is
 * accepted and has no effect in Chromium 156), so what the worker fetches from the network (on a
 * repeat visit, the pages and scripts it revalidates network-first) goes at full speed. The
 * report says so beside the repeat-visit figures.
 */
async function throttle(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return cdp;
}

const bench = (page) => page.evaluate(() => window.__bench);

/** Waits for the first question (checked against `heading`) and, if asked, for "ready". */
async function firstScreen(page, heading, { waitReady }) {
  await page.waitForFunction(() => (window.__bench?.marks.length ?? 0) > 0, null, { timeout: TIMEOUT, polling: 50 });
  if (waitReady) await page.waitForFunction(() => window.__bench.readyAt !== null, null, { timeout: TIMEOUT, polling: 50 });
  const b = await bench(page);
  if (headingOf(b.marks[0].key) !== heading) throw new Error(`first question: expected "${heading}", saw "${b.marks[0].key}"`);
  return { firstQuestionMs: b.marks[0].t, readyMs: b.readyAt };
}

/**
 * Walks the tree from the question shown to an outcome, whatever the policy asks: the first option
 * of a radio question, MONEY for a money or number field. Each press: click on Continue (its
 * event.timeStamp) to the frame that shows what comes next, and the browser's Event Timing duration
 * of that interaction (the longest entry with the click's interactionId; none means under 16 ms).
 */
async function walk(page) {
  const presses = [];
  for (let step = 0; step < 40; step++) {
    const before = await bench(page);
    if (before.marks.at(-1).key === 'outcome') break;
    const radio = page.locator('probity-widget .pb-host[data-live] .pb-radios__input').first();
    if (await radio.count()) await radio.check();
    else await page.locator('probity-widget .pb-host[data-live] form .pb-input').first().fill(MONEY);
    await page.locator('probity-widget .pb-host[data-live] [data-continue]').click();
    await page.waitForFunction((n) => window.__bench.marks.length > n, before.marks.length, { timeout: 30_000, polling: 50 })
      .catch(() => { throw new Error(`no new page after answering "${before.marks.at(-1).key}"`); });
    const after = await bench(page);
    presses.push({ click: after.clicks.at(-1), frame: after.marks.at(-1).t, to: after.marks.at(-1).key });
  }
  if (presses.at(-1)?.to !== 'outcome') throw new Error('the walk did not reach an outcome in 40 answers');
  // Event Timing entries are reported after the frame they end in; give them a moment.
  await page.waitForTimeout(500);
  const { events } = await bench(page);
  return presses.map((p) => {
    const click = events.find((e) => e.name === 'click' && Math.abs(e.startTime - p.click) < 1);
    const same = click?.interactionId ? events.filter((e) => e.interactionId === click.interactionId) : click ? [click] : [];
    return {
      clickToFrameMs: p.frame - p.click,
      eventMs: same.length ? Math.max(...same.map((e) => e.duration)) : null, // null: under 16 ms
      toOutcome: p.to === 'outcome',
    };
  });
}

/** Waits until the server has sent nothing for `quietMs` (the service worker filling its cache). */
async function settle(log, quietMs = 1500, maxMs = 30_000) {
  const started = Date.now();
  while (Date.now() - started < maxMs) {
    const last = log.at(-1)?.at ?? 0;
    if (Date.now() - last >= quietMs) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The server's responses since `from` (an index into its log), per file. */
export function perFile(entries) {
  const files = new Map();
  for (const e of entries) {
    // A file is its path: `embed.html?policy=…` and `embed.html` are the same bytes, as are `/` and `/index.html`.
    const file = new URL(e.path, 'http://x').pathname.replace(/\/$/, '/index.html');
    const f = files.get(file) ?? { file, requests: 0, transfers: 0, bytes: 0 };
    f.requests += 1;
    if (e.status === 200) { f.transfers += 1; f.bytes += e.bytes; }
    files.set(file, f);
  }
  return [...files.values()];
}

/** One visit in `context`: a new tab, throttled, opened at `url`. */
async function visit(context, url, def, heading, srv, { walkTree, waitWorker }) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const from = srv.log.length;
  try {
    await throttle(context, page);
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT });
    const first = await firstScreen(page, heading, { waitReady: true });
    const presses = walkTree ? await walk(page) : [];
    if (waitWorker) {
      // The service worker is registered once the widget is ready; it counts in the first visit.
      await page.evaluate(() => Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(r, 20_000))]));
    }
    await settle(srv.log);
    const files = perFile(srv.log.slice(from));
    return { ...first, presses, files, bytes: files.reduce((a, f) => a + f.bytes, 0), errors };
  } finally {
    await page.close();
  }
}

/** A first visit (fresh profile, service worker allowed) and a repeat visit of `path`. */
export async function measure(id, srv, path, heading) {
  const def = PAGES[id];
  const { context, page: blank, close } = await launch();
  try {
    await context.addInitScript({ content: probeScript(def) });
    const url = srv.url + path;
    const first = await visit(context, url, def, heading, srv, { walkTree: id === 'widget', waitWorker: id === 'widget' });
    await blank.goto('about:blank');
    const repeat = await visit(context, url, def, heading, srv, { walkTree: false, waitWorker: false });
    return { first, repeat };
  } finally {
    await close();
  }
}
