// Kiosk mode: larger targets, Print instead of Download, the idle warning with "I'm still
// here", and the reset that clears everything and leaves no trace in any storage.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openWidget, chooseCouncilAndTree, answer, heading, storageSnapshot, recordThis } from './harness.mjs';

test('kiosk: warning, still here, then reset with no trace', async () => {
  const { context, url, outside, close } = await launch();
  try {
    const page = await context.newPage();
    const errors = await openWidget(page, `${url}embed.html?kiosk=1&idle=6`);
    assert.ok(await page.locator('probity-widget .pb-widget.pb-kiosk').isVisible());
    await chooseCouncilAndTree(page, 'milton-keynes', 'gifts');
    await answer(page, await page.locator('probity-widget .pb-radios__input').first().getAttribute('value'));
    const asked = await heading(page);

    // After 4 quiet seconds (6 less the 2-second warning) the countdown shows.
    const warning = page.locator('probity-widget [role="alertdialog"]');
    await warning.waitFor({ timeout: 8000 });
    assert.match(await warning.innerText(), /cleared in \d second/);
    await page.locator('probity-widget [data-still-here]').click();
    await warning.waitFor({ state: 'detached' });
    assert.equal(await heading(page), asked, 'staying keeps the answers');

    // Left alone, it resets to the start page.
    await page.locator('probity-widget h1', { hasText: 'Am I allowed to do this?' }).waitFor({ timeout: 12000 });
    const snapshot = await storageSnapshot(page, context);
    assert.deepEqual(snapshot.session, [], 'nothing in sessionStorage');
    assert.deepEqual(snapshot.local, []);
    assert.deepEqual(snapshot.cookies, []);
    assert.deepEqual(snapshot.idb, []);
    assert.deepEqual(errors, []);
    assert.deepEqual(outside, []);
  } finally {
    await close();
  }
});

test('kiosk: print replaces download, targets are larger', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, `${url}embed.html?kiosk=1&policy=kent&tree=legacies`);
    const radio = page.locator('probity-widget .pb-radios__input').first();
    const box = await radio.boundingBox();
    assert.ok(box.width >= 56 && box.height >= 56, `kiosk radios are 56px, got ${box.width}×${box.height}`);
    for (let i = 0; i < 10 && !(await page.locator('probity-widget .pb-panel').count()); i++) {
      await answer(page, await radio.getAttribute('value'));
    }
    await page.locator('probity-widget .pb-panel').waitFor();
    // The same pages as anywhere else: Record this, the details, Check your details; Print only.
    await recordThis(page);
    assert.equal(await page.locator('probity-widget [data-download]').count(), 0, 'no Download in kiosk mode');
    assert.equal(await page.locator('probity-widget button', { hasText: 'Copy to clipboard' }).count(), 0);
    assert.ok(await page.locator('probity-widget button', { hasText: 'Print' }).isVisible());
    const snapshot = await storageSnapshot(page, context);
    assert.deepEqual(snapshot.session, [], 'kiosk mode writes nothing, even mid-walk');
  } finally {
    await close();
  }
});
