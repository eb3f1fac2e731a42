// The record an officer keeps: printing, the export form and the declaration event.
// Review 2026-11 rows 3, 7 and 15; security review 2026-11 rows 5 (wording), 6, 7, 8 and 13.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openWidget, chooseCouncilAndTree, answer, focused, artifacts, probity, openRecordDetails, recordThis, toCheck } from './harness.mjs';

async function kentHalfFee(page) {
  await chooseCouncilAndTree(page, 'kent', 'fees');
  await answer(page, 'lecture');
  await answer(page, 'council_time_permitted');
  await answer(page, '151.25');
  await page.locator('probity-widget .pb-panel').waitFor();
}

async function fillDetails(page) {
  await openRecordDetails(page);
  await page.locator('probity-widget #pb-name').fill('Ada Officer');
  await page.locator('probity-widget #pb-job-title').fill('Planning officer');
  await page.locator('probity-widget #pb-team').fill('Development control');
  await page.locator('probity-widget #pb-email').fill('ada.officer@kent.gov.uk');
  await toCheck(page);
}

/** Records what each print would put on paper, instead of opening the print dialog. */
async function catchPrints(page) {
  await page.evaluate(() => {
    window.__printed = [];
    window.__mainPrinted = 0;
    window.print = () => { window.__mainPrinted += 1; };
    const desc = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow');
    Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
      configurable: true,
      get() {
        const w = desc.get.call(this);
        if (w && !w.__caught) {
          w.__caught = true;
          const frame = this;
          w.print = () => {
            // What the printout holds: the frame's text with its print stylesheet applied.
            const hidden = [...w.document.querySelectorAll('*')].filter((el) => w.getComputedStyle(el, null).display === 'none');
            window.__printed.push({
              text: w.document.body.innerText,
              inputs: w.document.querySelectorAll('input, button, form').length,
              styled: [...w.document.styleSheets].some((s) => { try { return s.cssRules.length > 0; } catch { return false; } }),
              hidden: hidden.length,
              frame,
            });
          };
        }
        return w;
      },
    });
  });
}

test('Print puts the record on paper from a hidden frame: details, time and digest; the frame goes after printing', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    const errors = await openWidget(page, url);
    await kentHalfFee(page);
    await fillDetails(page);
    await catchPrints(page);
    await page.locator('probity-widget [data-print]').click();
    await page.waitForFunction(() => window.__printed.length === 1, null, { timeout: 5000 });
    const printed = await page.evaluate(() => ({ ...window.__printed[0], frame: undefined }));
    assert.equal(await page.evaluate(() => window.__mainPrinted), 0, 'the host page itself is not printed');
    assert.ok(printed.styled, 'the frame has the widget stylesheet');
    assert.equal(printed.inputs, 0, 'no form, field or button in the printout');
    for (const expected of ['Ada Officer', 'Planning officer', 'Development control', 'ada.officer@kent.gov.uk', /sha256:[0-9a-f]{64}/, /\d{1,2} \w+ 20\d\d/, /You may keep half/i, /£75\.62/]) {
      assert.match(printed.text, expected instanceof RegExp ? expected : new RegExp(expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), `the printout has ${expected}`);
    }
    assert.doesNotMatch(printed.text, /Your name \(optional\)|Continue|Start again/);
    // The frame is in the widget only until the print is done.
    assert.equal(await page.evaluate(() => document.querySelector('probity-widget').shadowRoot.querySelectorAll('iframe').length), 1);
    await page.evaluate(() => window.__printed[0].frame.contentWindow.dispatchEvent(new Event('afterprint')));
    await page.waitForFunction(() => document.querySelector('probity-widget').shadowRoot.querySelectorAll('iframe').length === 0, null, { timeout: 3000 });
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('the page printed by the browser (Ctrl+P) is the check page: details, and a print-only block with time and digest', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, url);
    await kentHalfFee(page);
    await fillDetails(page);
    await catchPrints(page);
    await page.locator('probity-widget [data-print]').click();
    const block = page.locator('probity-widget .pb-host[data-live] .pb-print-only');
    assert.equal(await block.isVisible(), false, 'not on screen');
    await page.emulateMedia({ media: 'print' });
    assert.ok(await block.isVisible(), 'in print');
    const text = await page.locator('probity-widget .pb-host[data-live] .pb-check').innerText();
    for (const s of ['Ada Officer', 'Planning officer', 'Development control', 'ada.officer@kent.gov.uk', 'Kent County Council']) assert.ok(text.includes(s), `printed page has ${s}`);
    assert.match(await block.innerText(), /sha256:[0-9a-f]{64}/);
    await page.pdf({ path: path.join(artifacts, 'kent-fees-record.pdf'), format: 'A4' });
  } finally {
    await close();
  }
});

test('kiosk: the export form asks the browser not to remember names and emails', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, `${url}embed.html?kiosk=1&idle=600`);
    await kentHalfFee(page);
    await openRecordDetails(page);
    for (const id of ['pb-name', 'pb-job-title', 'pb-team', 'pb-email']) {
      assert.equal(await page.locator(`probity-widget #${id}`).getAttribute('autocomplete'), 'off', `${id} in kiosk mode`);
    }
    await openWidget(page, url);
    await kentHalfFee(page);
    await openRecordDetails(page);
    assert.equal(await page.locator('probity-widget #pb-email').getAttribute('autocomplete'), 'email', 'outside kiosk mode autofill helps');
  } finally {
    await close();
  }
});

test('export errors: the summary takes focus on screen, its links focus the field and leave the host URL alone', async () => {
  const { context, url, close } = await launch({ viewport: { width: 375, height: 812 } });
  try {
    const page = await context.newPage();
    await openWidget(page, url);
    await kentHalfFee(page);
    await openRecordDetails(page);
    await page.locator('probity-widget #pb-email').fill('a.officer at kent');
    await page.locator('probity-widget [data-continue]').click();
    const summary = page.locator('probity-widget .pb-details-page .pb-error-summary');
    await summary.waitFor();
    const before = await page.evaluate(() => ({ href: location.href, length: history.length }));
    await summary.waitFor();
    await page.waitForTimeout(100);
    const f = await focused(page);
    assert.equal(f.tag, 'div', 'the summary has focus');
    assert.match(f.text, /There is a problem/);
    const box = await summary.boundingBox();
    assert.ok(box.y >= 0 && box.y < 812, `the summary is on screen (top at ${Math.round(box.y)} px)`);
    await summary.locator('a').first().click();
    assert.equal((await focused(page)).id, 'pb-email', 'the link focuses the email field');
    const afterClick = await page.evaluate(() => ({ href: location.href, length: history.length }));
    assert.deepEqual(afterClick, before, 'the host page URL and history are untouched');
  } finally {
    await close();
  }
});

test('one record, one event: each export says which action fired it, and repeats carry the same record id', async () => {
  const { context, url, close } = await launch();
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    const page = await context.newPage();
    await openWidget(page, url);
    await page.evaluate(() => {
      window.__events = [];
      document.addEventListener('probity-declaration', (e) => window.__events.push(e.detail));
    });
    await kentHalfFee(page);
    await fillDetails(page);
    await catchPrints(page);
    await page.locator('probity-widget [data-download]').click();
    await page.locator('probity-widget button', { hasText: 'Copy to clipboard' }).click();
    await page.locator('probity-widget [role="status"]', { hasText: 'copied' }).waitFor();
    await page.locator('probity-widget [data-print]').click();
    const events = await page.evaluate(() => window.__events);
    assert.deepEqual(events.map((e) => e.action), ['download', 'copy', 'print']);
    assert.ok(events.every((e) => typeof e.record === 'string' && e.record.length > 8), 'each event has a record id');
    assert.equal(new Set(events.map((e) => e.record)).size, 1, 'the same record: the same id');
    assert.equal(new Set(events.map((e) => JSON.stringify(e.declaration))).size, 1, 'the same declaration each time');
    const file = path.join(artifacts, 'event-declaration.json');
    fs.writeFileSync(file, JSON.stringify(events[0].declaration, null, 2));
    assert.match(probity(['verify', file]), /^valid: kent › fees/);
    // A changed record is a new record: Change, the field focused with what was typed, Continue.
    await page.locator('probity-widget [data-declarant] .pb-summary-list__row', { hasText: 'Team' }).locator('a').click();
    await page.locator('probity-widget .pb-details-page').waitFor();
    assert.equal((await focused(page)).id, 'pb-team', 'Change lands on the field');
    assert.equal(await page.locator('probity-widget #pb-team').inputValue(), 'Development control');
    await page.locator('probity-widget #pb-team').fill('Planning policy');
    await toCheck(page);
    await page.locator('probity-widget [data-download]').click();
    const last = await page.evaluate(() => window.__events.at(-1));
    assert.notEqual(last.record, events[0].record);
    assert.equal(last.declaration.declarant.team, 'Planning policy');
    // The demo page shows what it received.
    assert.match(await page.locator('#demo-last-event').innerText(), /kent › fees/);
  } finally {
    await close();
  }
});

test('the iframe posts the action and record id with the declaration', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, url);
    await page.evaluate(() => {
      window.__messages = [];
      window.addEventListener('message', (e) => window.__messages.push(e.data));
    });
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
    await page.waitForFunction(() => window.__messages.length > 0);
    const m = await page.evaluate(() => window.__messages[0]);
    assert.equal(m.type, 'probity-declaration');
    assert.equal(m.action, 'download');
    assert.equal(m.record, m.declaration.digest);
  } finally {
    await close();
  }
});

test('the record says what its digest shows and what it does not', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, url);
    await kentHalfFee(page);
    await recordThis(page);
    const text = await page.locator('probity-widget .pb-check').innerText();
    assert.match(text, /unchanged/i);
    assert.match(text, /not a signature/i);
    assert.match(text, /does not prove who made the declaration, when, or that the answers and details are true/i);
  } finally {
    await close();
  }
});
