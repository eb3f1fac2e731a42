// Each file downloaded once (issue 14): on a first visit, with the service worker allowed, the
// worker keeps what the page already fetched rather than downloading it again. The server counts
// every file it sends with its body (a revalidation answered 304 sends none, as nginx or Apache
// would answer it); any file sent twice fails the test.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, live } from './harness.mjs';

/**
 * Files the server sent more than once, as "file ×n". A file is its path: `embed.html?policy=…`
 * and `embed.html` are the same bytes, and so are `/` and `/index.html`.
 */
function repeated(requests) {
  const counts = new Map();
  for (const r of requests) {
    const file = new URL(r, 'http://x').pathname.replace(/\/$/, '/index.html');
    counts.set(file, (counts.get(file) ?? 0) + 1);
  }
  return [...counts].filter(([, n]) => n > 1).map(([r, n]) => `${r} ×${n}`);
}

for (const page of ['embed/kent/gifts.html', 'embed.html?policy=kent&tree=gifts', '']) {
  test(`first visit to /${page}: no file is fetched twice, service worker on`, async () => {
    const { context, url, requests, transfers, close } = await launch();
    try {
      const tab = await context.newPage();
      await tab.goto(`${url}${page}`);
      await live(tab);
      // The worker is registered once the widget is ready; wait until it has filled its cache
      // (installed and active), then a moment more for anything it fetches late.
      await tab.evaluate(async () => { await navigator.serviceWorker.ready; });
      await tab.waitForTimeout(500);
      assert.ok(requests.some((r) => r.startsWith('/sw.js')), 'the service worker was registered');
      assert.ok(requests.some((r) => r.startsWith('/pkg/probity_web_bg.wasm')), 'the wasm was fetched');
      assert.deepEqual(repeated(transfers), [], `sent more than once:\n${transfers.join('\n')}`);
    } finally {
      await close();
    }
  });
}
