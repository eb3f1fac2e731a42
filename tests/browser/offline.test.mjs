// Offline after the first visit: the service worker keeps the widget's files, so a reload
// with the network off still works all the way to an outcome.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openWidget, chooseCouncilAndTree, answer, live } from './harness.mjs';

test('works offline after the first visit', async () => {
  const { context, url, outside, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, url);
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    // Let the worker take control and fill its cache from a controlled load.
    await page.reload();
    await live(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.evaluate(async () => {
      // The build's own files are kept under their build id (www/sw.js).
      const { BUILD } = await import('./pkg/build.js');
      for (const file of [`pkg/probity_web_bg.wasm?v=${BUILD}`, `pkg/first-pages.js?v=${BUILD}`, 'takeover.js']) {
        if (!(await caches.match(new URL(file, location.href)))) throw new Error(`${file} not cached`);
      }
    });

    await context.setOffline(true);
    await page.reload();
    await live(page);
    await chooseCouncilAndTree(page, 'derbyshire', 'gifts');
    for (let i = 0; i < 12 && !(await page.locator('probity-widget .pb-panel').count()); i++) {
      const radio = page.locator('probity-widget form .pb-radios__input');
      await answer(page, (await radio.count()) ? await radio.first().getAttribute('value') : '20');
    }
    assert.ok(await page.locator('probity-widget .pb-panel').isVisible(), 'an outcome with the network off');
    assert.deepEqual(outside, []);
  } finally {
    await context.setOffline(false);
    await close();
  }
});
