// Security review row 1: a bad kiosk-related value never turns kiosk mode off. Each mount option
// is read on its own, so a fractional, negative or huge idle time costs only itself: the widget
// stays a kiosk with the default idle time, and says so in the console.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, live, answer, storageSnapshot } from './harness.mjs';

/** Opens `path`, collecting console warnings; returns them once the live widget shows. */
async function open(page, url, path) {
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${url}${path}`);
  await live(page);
  return warnings;
}

for (const [how, path] of [
  ['?idle=90.5', 'embed.html?kiosk=1&idle=90.5&policy=kent&tree=legacies'],
  ['?idle=5e9', 'embed.html?kiosk=1&idle=5e9&policy=kent&tree=legacies'],
  ['?idle=-5', 'embed.html?kiosk=1&idle=-5&policy=kent&tree=legacies'],
]) {
  test(`a bad idle time (${how}) keeps kiosk mode on, with the default idle time and a warning`, async () => {
    const { context, url, close } = await launch();
    try {
      const page = await context.newPage();
      const warnings = await open(page, url, path);
      assert.equal(await page.locator('probity-widget .pb-widget.pb-kiosk').count(), 1, 'still a kiosk');
      assert.ok(await page.locator('probity-widget h1', { hasText: 'legacy' }).count(), 'the council and question are kept');
      assert.ok(warnings.some((w) => /idle/.test(w) && /120/.test(w)), `a warning naming the default: ${warnings}`);
      await answer(page, await page.locator('probity-widget .pb-radios__input').first().getAttribute('value'));
      assert.deepEqual((await storageSnapshot(page, context)).session, [], 'nothing stored');
    } finally {
      await close();
    }
  });
}

test('idle-seconds="-1" on the element keeps kiosk mode on', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await page.goto(`${url}fixtures/blank.html`);
    await page.evaluate(async () => {
      const w = document.createElement('probity-widget');
      w.setAttribute('kiosk', '');
      w.setAttribute('idle-seconds', '-1');
      w.setAttribute('policy', 'kent');
      document.getElementById('main').append(w);
      await import('/probity-widget.js');
    });
    await live(page);
    assert.equal(await page.locator('probity-widget .pb-widget.pb-kiosk').count(), 1);
    assert.ok(warnings.some((w) => /idle-seconds/.test(w) && /`-1`/.test(w)), `the warning names the value: ${warnings}`);
  } finally {
    await close();
  }
});

test('the widget itself reads each option on its own (a bad idle time given straight to mount)', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await page.goto(`${url}fixtures/blank.html`);
    const seen = await page.evaluate(async () => {
      const glue = await import('/pkg/probity_web.js');
      await glue.default({ module_or_path: '/pkg/probity_web_bg.wasm' });
      // The page hands the widget its council's compiled policy (as probity-widget.js does).
      const { POLICIES } = await import('/pkg/build.js');
      const bytes = new Uint8Array(await (await fetch('/pkg/policies/kent.bin')).arrayBuffer());
      const policies = [{ id: 'kent', digest: POLICIES.kent, bytes }];
      const results = {};
      for (const idle of [90.5, -1, 5e9, 'soon']) {
        const host = document.createElement('div');
        const container = document.createElement('div');
        host.append(container);
        document.body.append(host);
        glue.mount(host, container, { kiosk: true, policy: 'kent', tree: 'legacies', idle_seconds: idle, instance: `t${idle}`, policies });
        await new Promise((r) => setTimeout(r, 50));
        results[String(idle)] = {
          kiosk: !!container.querySelector('.pb-kiosk'),
          heading: container.querySelector('h1')?.textContent ?? '',
        };
      }
      return results;
    });
    for (const [idle, r] of Object.entries(seen)) {
      assert.ok(r.kiosk, `kiosk stays on with idle_seconds ${idle}`);
      assert.match(r.heading, /legacy/, `council and tree kept with idle_seconds ${idle}`);
    }
    assert.ok(warnings.filter((w) => /idle/.test(w)).length >= 4, `one warning per bad value: ${warnings}`);
  } finally {
    await close();
  }
});
