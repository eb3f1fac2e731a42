// The per-tree page's way to "ready" (issue 14): every script the live widget needs is asked for
// from the page's <head>, beside the wasm, not one after another as each module finds its imports.
// On a slow connection each link of such a chain costs a whole round trip: before this, the glue
// (pkg/probity_web.js) was asked for only once embed.js, probity-widget.js and pkg/build.js had
// each arrived, and it came after the wasm, so "ready" waited for it
// (docs/benchmarks.md: tests/bench/profile.mjs's waterfall).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openTreePage } from './harness.mjs';

// A round trip long enough that a chain of requests shows as a chain on a busy machine.
const LATENCY_MS = 400;

test('the per-tree page asks for the glue and pkg/build.js from its head, before embed.js has arrived', async () => {
  const sent = new Map();
  const arrived = new Map();
  const before = async (page) => {
    const cdp = await page.context().newCDPSession(page);
    const file = (u) => new URL(u).pathname;
    cdp.on('Network.requestWillBeSent', (e) => { if (!sent.has(file(e.request.url))) sent.set(file(e.request.url), e.timestamp); });
    const ids = new Map();
    cdp.on('Network.requestWillBeSent', (e) => ids.set(e.requestId, file(e.request.url)));
    cdp.on('Network.loadingFinished', (e) => { const f = ids.get(e.requestId); if (f && !arrived.has(f)) arrived.set(f, e.timestamp); });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: LATENCY_MS, downloadThroughput: 1_000_000, uploadThroughput: 1_000_000 });
  };
  const { close } = await openTreePage('embed/kent/gifts.html', { before });
  try {
    const entry = arrived.get('/embed.js');
    assert.ok(entry, 'embed.js was fetched');
    for (const f of ['/pkg/probity_web.js', '/pkg/build.js', '/pkg/probity_web_bg.wasm', '/pkg/policies/kent.bin']) {
      assert.ok(sent.has(f), `${f} was fetched`);
      assert.ok(sent.get(f) < entry, `${f} was asked for ${((sent.get(f) - entry) * 1000).toFixed(0)} ms after embed.js arrived: not from the page's head`);
    }
  } finally {
    await close();
  }
});
