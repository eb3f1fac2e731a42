// Kiosk mode's idle reset, as the security review (rows 6, 14, 15, 16) and the widget review
// (row 6) found it: the reset returns to the configured start, is timed by a clock that a
// change of the computer's time cannot move, catches up the moment a print dialog closes, tells
// the host page, and its warning is a real modal dialog (focus on "I'm still here", the rest
// inert, scrollable at 400 % zoom).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { launch, openWidget, answer, heading, focused, artifacts, recordThis } from './harness.mjs';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const firstRadio = async (page) => page.locator('probity-widget .pb-radios__input').first().getAttribute('value');

test('a per-tree kiosk resets to its own first question, and tells the host page', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(`${url}fixtures/blank.html`);
    await page.evaluate(async () => {
      window.__resets = [];
      document.addEventListener('probity-reset', (e) => window.__resets.push({ composed: e.composed, bubbles: e.bubbles }));
      const w = document.createElement('probity-widget');
      for (const [k, v] of Object.entries({ kiosk: '', 'idle-seconds': '6', policy: 'kent', tree: 'gifts' })) w.setAttribute(k, v);
      document.getElementById('main').append(w);
      await import('/probity-widget.js');
    });
    await page.locator('probity-widget .pb-host[data-live] .pb-widget').waitFor();
    const first = await heading(page);
    await answer(page, await firstRadio(page));
    assert.notEqual(await heading(page), first);
    await page.locator('probity-widget h1', { hasText: first }).waitFor({ timeout: 15000 });
    assert.equal(await page.locator('probity-widget input[name="pb-council"]').count(), 0, 'not the council list');
    assert.deepEqual(await page.evaluate(() => window.__resets), [{ composed: true, bubbles: true }]);
  } finally {
    await close();
  }
});

test("the demo page clears what it received when the widget resets", async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, `${url}?kiosk=1&idle=8`);
    const main = page.locator('#probity-main');
    await main.locator('input[name="pb-council"][value="kent"]').check();
    await main.locator('button[data-tree="legacies"]').click();
    for (let i = 0; i < 10 && !(await main.locator('.pb-panel').count()); i++) {
      await main.locator('.pb-radios__input').first().check();
      await main.locator('[data-continue]').click();
    }
    await recordThis(page);
    await main.locator('button', { hasText: 'Print' }).click();
    const last = page.locator('#demo-last-event');
    await page.waitForFunction(() => document.getElementById('demo-last-event').textContent !== '(none yet)');
    assert.match(await last.innerText(), /legacies/);
    await main.locator('h1', { hasText: 'Am I allowed to do this?' }).waitFor({ timeout: 15000 });
    assert.equal(await last.innerText(), '(none yet)');
  } finally {
    await close();
  }
});

test("a change of the computer's clock neither hastens nor stops the reset", async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, `${url}embed.html?kiosk=1&idle=6&policy=kent&tree=gifts`);
    await answer(page, await firstRadio(page));
    const asked = await heading(page);
    // The clock jumps an hour forward: no reset, no warning, within the next ticks.
    await page.evaluate(() => { const real = Date.now; Date.now = () => real() + 3600e3; });
    await page.waitForTimeout(2500);
    assert.equal(await heading(page), asked, 'a clock jump forward does not clear the answers');
    assert.equal(await page.locator('probity-widget [role="alertdialog"]').count(), 0);
    // The clock jumps two hours back: the warning still comes after the quiet spell.
    await page.evaluate(() => { const real = Date.now; Date.now = () => real() - 7200e3; });
    await page.locator('probity-widget [role="alertdialog"]').waitFor({ timeout: 8000 });
  } finally {
    await close();
  }
});

test('a reset that fell due while the page was held (a print dialog) happens the moment it is back', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, `${url}embed.html?kiosk=1&idle=60&policy=kent&tree=gifts`);
    await answer(page, await firstRadio(page));
    const asked = await heading(page);
    // Chromium's print preview stops the page's scripts; when it closes, `afterprint` fires.
    // Time passed meanwhile (both clocks moved on) and no timer ran: the reset is due at once.
    const shown = await page.evaluate(async () => {
      const perf = performance.now.bind(performance);
      const date = Date.now;
      performance.now = () => perf() + 3600e3;
      Date.now = () => date() + 3600e3;
      window.dispatchEvent(new Event('afterprint'));
      await new Promise((r) => setTimeout(r, 0));
      await new Promise((r) => requestAnimationFrame(r));
      return document.querySelector('probity-widget').shadowRoot.querySelector('h1')?.textContent ?? '';
    });
    assert.notEqual(shown.trim(), asked, 'reset before the next tick of the idle timer');
  } finally {
    await close();
  }
});

test("the idle warning is a modal dialog: focus on I'm still here, the rest inert, axe clean", async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, `${url}embed.html?kiosk=1&idle=9&policy=kent&tree=gifts`);
    await answer(page, await firstRadio(page));
    // Focus is on the new question's heading, as after any Continue: the page has been used.
    const dialog = page.locator('probity-widget [role="alertdialog"]');
    await dialog.waitFor({ timeout: 12000 });
    await page.waitForTimeout(100);
    const f = await focused(page);
    assert.equal(f?.text, "I'm still here", `focus on the button, got ${JSON.stringify(f)}`);
    // Nothing behind the dialog can be reached.
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      assert.ok(!now || now.tag === 'body' || now.text === "I'm still here", `Tab stays in the dialog, reached ${JSON.stringify(now)}`);
    }
    assert.ok(await page.locator('probity-widget .pb-page').evaluate((el) => !!el.closest('[inert]')), 'the page behind is inert');
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
      return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    });
    assert.deepEqual(violations, [], 'axe on the idle dialog');
    await page.locator('probity-widget [data-still-here]').click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await page.locator('probity-widget [inert]').count(), 0, 'nothing left inert');
  } finally {
    await close();
  }
});

test('the idle warning scrolls at 400 % zoom (320×256) and is kept as a screenshot at 320 px', async () => {
  const { context, url, close } = await launch({ viewport: { width: 320, height: 256 } });
  try {
    const page = await context.newPage();
    await openWidget(page, `${url}embed.html?kiosk=1&idle=9&policy=kent&tree=gifts`);
    await answer(page, await firstRadio(page));
    const dialog = page.locator('probity-widget [role="alertdialog"]');
    await dialog.waitFor({ timeout: 12000 });
    const button = page.locator('probity-widget [data-still-here]');
    await button.scrollIntoViewIfNeeded();
    const box = await button.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 256, `the button can be scrolled into view: ${JSON.stringify(box)}`);
    const title = page.locator('probity-widget #pb-idle-title');
    await title.scrollIntoViewIfNeeded();
    const t = await title.boundingBox();
    assert.ok(t && t.y >= 0, `and so can the title: ${JSON.stringify(t)}`);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.screenshot({ path: path.join(artifacts, 'kiosk-idle-dialog-320.png') });
    await page.locator('probity-widget [data-still-here]').click();
  } finally {
    await close();
  }
});

test('an iframe page tells its parent when it resets, and the demo page clears the declaration it was sent', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, url);
    const frame = page.frameLocator('iframe.demo-iframe');
    await frame.locator('probity-widget .pb-host[data-live] .pb-widget').waitFor();
    await frame.locator('probity-widget input[value="lecture"]').check();
    await frame.locator('probity-widget [data-continue]').click();
    await frame.locator('probity-widget input[value="own_time_outside_body"]').check();
    await frame.locator('probity-widget [data-continue]').click();
    await frame.locator('probity-widget form .pb-input').fill('300');
    await frame.locator('probity-widget [data-continue]').click();
    await frame.locator('probity-widget .pb-panel').waitFor();
    await recordThis(frame);
    await Promise.all([page.waitForEvent('download'), frame.locator('probity-widget [data-download]').click()]);
    await page.locator('#demo-last-message', { hasText: 'kent › fees' }).waitFor();
    // Back to the outcome, where "Start again" is.
    await frame.locator('probity-widget .pb-back-link').click();
    await frame.locator('probity-widget .pb-details-page').waitFor();
    await frame.locator('probity-widget .pb-back-link').click();
    await frame.locator('probity-widget button', { hasText: 'Start again' }).click();
    // "Start again" asks first (widget review row 13); the reset comes with the confirmation.
    await frame.locator('probity-widget [data-confirm-restart] button', { hasText: 'Yes, start again' }).click();
    await page.locator('#demo-last-message', { hasText: '(none yet)' }).waitFor({ timeout: 5000 });
    // The per-tree page starts again at its own first question.
    await frame.locator('probity-widget input[value="lecture"]').waitFor();
  } finally {
    await close();
  }
});
