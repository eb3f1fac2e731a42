// Offline after the first visit: the service worker keeps the widget's files, so a reload
// with the network off still works all the way to an outcome.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openWidget, openTreePage, chooseCouncilAndTree, answer, live } from './harness.mjs';

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

test('a one-council page works offline for its council, and for every council once the compare page fetched them', async () => {
  const { context, url, page, close } = await openTreePage('embed.html?policy=kent&tree=gifts');
  try {
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await page.reload();
    await live(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const kept = () => page.evaluate(async () => {
      const { BUILD, POLICIES } = await import('./pkg/build.js');
      const out = [];
      for (const id of Object.keys(POLICIES)) if (await caches.match(new URL(`pkg/policies/${id}.bin?v=${BUILD}`, location.href))) out.push(id);
      return out;
    });
    // Kept from the page's own fetch (the HTTP cache), never downloaded for the worker.
    await page.waitForFunction(async () => {
      const { BUILD } = await import('./pkg/build.js');
      return !!(await caches.match(new URL(`pkg/policies/kent.bin?v=${BUILD}`, location.href)));
    });
    assert.deepEqual(await kept(), ['kent'], 'only the council the page used');

    // The compare page fetches the others; the worker keeps each as it passes.
    await page.goto(`${url}embed.html?policy=kent&tree=gifts`);
    await live(page);
    await answer(page, 'gift');
    await answer(page, 'no_dealings');
    await page.locator('probity-widget button', { hasText: 'How do other councils treat this?' }).click();
    await page.locator('probity-widget table.pb-table').waitFor();
    await page.waitForFunction(async () => {
      const { BUILD, POLICIES } = await import('./pkg/build.js');
      const hits = await Promise.all(Object.keys(POLICIES).map((id) => caches.match(new URL(`pkg/policies/${id}.bin?v=${BUILD}`, location.href))));
      return hits.every(Boolean);
    });

    await context.setOffline(true);
    await page.goto(`${url}embed.html?policy=oxfordshire`);
    await live(page);
    assert.equal(await page.locator('probity-widget [data-live] .pb-error-summary').count(), 0);
    assert.ok(await page.locator('probity-widget [data-live] [data-tree]').count() > 0, 'Oxfordshire\u2019s questions, offline');
  } finally {
    await context.setOffline(false);
    await close();
  }
});
