// The first Continue after the widget takes over (issue 14): no slower than the later ones.
// V8 compiles each wasm function the first time it runs, and the first answer ran about a hundred
// functions nothing had run yet, compiled in the press itself (tests/bench/profile.mjs). The widget
// now runs that code once on a copy while the page is idle (crates/web/src/rehearse.rs). Counted
// here as compilations (V8's wasm.CompileLazy trace events) during the press, a figure that does
// not depend on how busy the machine is; and the rehearsal must change nothing anyone can see.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openTreePage } from './harness.mjs';

// Before the rehearsal the first press compiled over a hundred functions; after it, only the few
// its own click handling needs. (Chromium of Debian; the count moves a little between versions.)
const MOST_COMPILED = 30;

/** Counts the wasm functions compiled on the page's main thread while `action` runs. */
async function compiledDuring(page, action) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  await cdp.send('Tracing.start', { categories: 'v8.wasm,disabled-by-default-v8.compile', transferMode: 'ReportEvents' });
  try {
    await action();
  } finally {
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await done;
  }
  return events.filter((e) => e.name === 'wasm.CompileLazy').length;
}

/** What the rehearsal must leave alone: the tab's history, its storage, the title, focus and the page. */
const seen = (page) => page.evaluate(() => ({
  history: history.length,
  storage: JSON.stringify({ ...sessionStorage }),
  title: document.title,
  focused: document.activeElement?.shadowRoot?.activeElement?.id ?? document.activeElement?.tagName,
  widget: document.querySelector('probity-widget').shadowRoot.innerHTML,
}));

test('the first Continue after the take-over compiles no more than a later one needs, and the rehearsal changes nothing', async () => {
  const { page, close } = await openTreePage('embed/kent/gifts.html');
  try {
    const atReady = await seen(page);
    // An officer reads the question first: the rehearsal runs in that idle time.
    await page.evaluate(() => new Promise((r) => setTimeout(() => requestIdleCallback(() => r()), 1000)));
    assert.deepEqual(await seen(page), atReady, 'the rehearsal changed something on the page');
    await page.locator('probity-widget .pb-host[data-live] .pb-radios__input').first().check();
    const heading = async () => (await page.locator('probity-widget .pb-host[data-live] h1').first().textContent()).trim();
    const first = await heading();
    const compiled = await compiledDuring(page, async () => {
      await page.locator('probity-widget .pb-host[data-live] [data-continue]').click();
      await page.waitForFunction((h) => document.querySelector('probity-widget').shadowRoot.querySelector('.pb-host[data-live] h1')?.textContent.trim() !== h, first);
      await page.waitForTimeout(300); // the history entry and the saved walk, written after the paint
    });
    console.log(`first Continue: ${compiled} wasm functions compiled`);
    assert.ok(compiled <= MOST_COMPILED, `the first Continue compiled ${compiled} wasm functions (at most ${MOST_COMPILED})`);
    // And the walk goes on as before: the answer is kept for a reload in this tab.
    assert.match(await page.evaluate(() => JSON.stringify({ ...sessionStorage })), /offer_kind/);
  } finally {
    await close();
  }
});
