// Export: the probity-declaration event to the host page, copy to clipboard, the print
// stylesheet, and the iframe page posting the declaration to its parent.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openWidget, chooseCouncilAndTree, answer, artifacts, probity, openRecordDetails, recordThis, toCheck } from './harness.mjs';

async function kentHalfFee(page) {
  await chooseCouncilAndTree(page, 'kent', 'fees');
  await answer(page, 'lecture');
  await answer(page, 'council_time_permitted');
  await answer(page, '151.25');
  await page.locator('probity-widget .pb-panel').waitFor();
}

test('the host page receives the declaration as an event, and the copied text verifies', async () => {
  const { context, url, outside, close } = await launch();
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    const page = await context.newPage();
    const errors = await openWidget(page, url);
    await page.evaluate(() => {
      window.__declarations = [];
      document.addEventListener('probity-declaration', (e) => window.__declarations.push(e.detail.declaration));
    });
    await kentHalfFee(page);
    await openRecordDetails(page);
    await page.locator('probity-widget #pb-job-title').fill('Planning officer');
    await toCheck(page);
    await page.locator('probity-widget button', { hasText: 'Copy to clipboard' }).click();
    await page.locator('probity-widget [role="status"]', { hasText: 'copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const file = path.join(artifacts, 'copied-declaration.json');
    fs.writeFileSync(file, copied);
    assert.match(probity(['verify', file]), /^valid: kent › fees/);
    const events = await page.evaluate(() => window.__declarations);
    assert.equal(events.length, 1);
    assert.equal(events[0].declarant.job_title, 'Planning officer');
    assert.equal(events[0].outcome.amounts[0].value, '75.62');
    assert.equal(events[0].schema_version, 2);
    assert.ok(events[0].details.length >= 3, 'the record details are in the declaration');
    // The demo page shows what it received.
    assert.match(await page.locator('#demo-last-event').innerText(), /kent › fees/);
    assert.deepEqual(errors, []);
    assert.deepEqual(outside, []);
  } finally {
    await close();
  }
});

test('print gives a clean record: no buttons, back links or form fields', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, url);
    await kentHalfFee(page);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.pb-button', '.pb-back-link', '#pb-name', '[data-change]']) {
      const visible = await page.locator(`probity-widget ${selector}`).first().isVisible();
      assert.equal(visible, false, `${selector} is hidden in print`);
    }
    assert.ok(await page.locator('probity-widget .pb-panel').isVisible());
    assert.ok(await page.locator('probity-widget blockquote').first().isVisible());
    const pdf = await page.pdf({ path: path.join(artifacts, 'kent-fees-print.pdf'), format: 'A4' });
    assert.ok(pdf.length > 1000);
  } finally {
    await close();
  }
});

test('the iframe page posts the declaration to its parent', async () => {
  const { context, url, outside, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, url);
    const frame = page.frameLocator('iframe.demo-iframe');
    await frame.locator('probity-widget .pb-host[data-live] .pb-widget').waitFor();
    // The iframe fixed the council and tree (embed/kent/fees.html, its first question prerendered).
    await frame.locator('probity-widget input[value="lecture"]').check();
    await frame.locator('probity-widget [data-continue]').click();
    await frame.locator('probity-widget input[value="own_time_outside_body"]').check();
    await frame.locator('probity-widget [data-continue]').click();
    await frame.locator('probity-widget form .pb-input').fill('300');
    await frame.locator('probity-widget [data-continue]').click();
    await frame.locator('probity-widget .pb-panel').waitFor();
    await recordThis(frame);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      frame.locator('probity-widget [data-download]').click(),
    ]);
    const file = path.join(artifacts, 'iframe-declaration.json');
    await download.saveAs(file);
    assert.match(probity(['verify', file]), /^valid: kent › fees/);
    await page.locator('#demo-last-message', { hasText: 'kent › fees' }).waitFor();
    assert.deepEqual(outside, []);
  } finally {
    await close();
  }
});

test('a mistyped email is explained, and nothing is exported until it is put right', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, url);
    await page.evaluate(() => {
      window.__declarations = [];
      document.addEventListener('probity-declaration', (e) => window.__declarations.push(e.detail.declaration));
    });
    await kentHalfFee(page);
    await openRecordDetails(page);
    await page.locator('probity-widget #pb-name').fill('A. Officer');
    await page.locator('probity-widget #pb-email').fill('a.officer at kent');
    await page.locator('probity-widget [data-continue]').click();
    const summary = page.locator('probity-widget .pb-error-summary');
    await summary.waitFor();
    assert.match(await summary.innerText(), /Enter an email address in the correct format/);
    assert.equal(await page.evaluate(() => window.__declarations.length), 0, 'nothing left the widget');
    assert.equal(await page.locator('probity-widget #pb-name').inputValue(), 'A. Officer', 'what was typed is kept');
    await page.locator('probity-widget #pb-email').fill('a.officer@kent.gov.uk');
    await toCheck(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('probity-widget [data-download]').click()]);
    assert.ok(download.suggestedFilename().endsWith('.json'));
    assert.equal(await page.evaluate(() => window.__declarations[0].declarant.email), 'a.officer@kent.gov.uk');
  } finally {
    await close();
  }
});
