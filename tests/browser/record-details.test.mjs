// "Record this" (issue 12 §1): after the answer, the details a register needs, GOV.UK patterns,
// an error summary and messages at each field that never lose what was typed, "Check your
// details" with Change links, then a declaration v2 that `probity verify` accepts. Kiosk: the
// same pages, Print only, nothing stored. The downloaded file is kept in artifacts/ for the
// register page's tests.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openWidget, chooseCouncilAndTree, answer, heading, focused, artifacts, probity, storageSnapshot } from './harness.mjs';

const w = (page, sel, options) => page.locator(`probity-widget .pb-host[data-live] ${sel}`, options);

async function kentWine(page) {
  await chooseCouncilAndTree(page, 'kent', 'gifts');
  await answer(page, 'gift');
  await answer(page, 'contractor');
  await answer(page, 'alcohol');
  await w(page, '.pb-panel').waitFor();
}

/** The required details of the wine, valid, with what was done with it. */
async function typeWineDetails(page, action) {
  await w(page, '#pb-detail-offered_by_person').fill('Sam Supplier');
  await w(page, '#pb-detail-what_offered').fill('A bottle of wine');
  await w(page, '#pb-detail-date_offered').fill('3');
  await w(page, '#pb-detail-date_offered-month').fill('3');
  await w(page, '#pb-detail-date_offered-year').fill('2025');
  await w(page, `#pb-detail-action_taken-${action}`).check();
}

test('Kent gifts: Record this, errors kept at the field, Check your details, Change, a v2 download that verifies', async () => {
  const { context, url, outside, close } = await launch();
  try {
    const page = await context.newPage();
    const errors = await openWidget(page, url);
    await kentWine(page);
    // The answer first: nothing to type before it.
    assert.equal(await w(page, '.pb-outcome input').count(), 0, 'the outcome page asks nothing');
    await w(page, '[data-record-this]').click();
    await w(page, '.pb-details-page').waitFor();
    assert.equal(await heading(page), 'Record this');
    assert.match(await w(page, '[data-detail="what_offered"] .pb-hint').innerText(), /up to 500 characters/);

    // Nothing typed: every required field in the summary, each message at its field.
    await w(page, '[data-continue]').click();
    const summary = w(page, '.pb-error-summary');
    await summary.waitFor();
    const links = await summary.locator('a').allInnerTexts();
    assert.deepEqual(links, ['Enter who offered it', 'Enter what was offered', 'Enter date offered', 'Select what you did']);
    assert.equal(await w(page, '.pb-form-group--error .pb-error-message').count(), 4);
    assert.match(await page.title(), /^Error: /);
    await summary.locator('a', { hasText: 'Enter date offered' }).click();
    assert.equal((await focused(page)).id, 'pb-detail-date_offered', 'the link lands on the day field');

    // A date that is no date: the message at the field, every part as typed.
    await w(page, '#pb-detail-offered_by_person').fill('Sam Supplier');
    await w(page, '#pb-detail-offered_by_organisation').fill('Acme Catering Ltd');
    await w(page, '#pb-detail-what_offered').fill('A bottle of wine');
    await w(page, '#pb-detail-date_offered').fill('31');
    await w(page, '#pb-detail-date_offered-month').fill('2');
    await w(page, '#pb-detail-date_offered-year').fill('2026');
    await w(page, '#pb-detail-action_taken-declined').check();
    await w(page, '[data-continue]').click();
    await w(page, '[data-detail="date_offered"] .pb-error-message').waitFor();
    assert.match(await w(page, '[data-detail="date_offered"] .pb-error-message').innerText(), /Date offered must be a real date/);
    assert.equal(await w(page, '.pb-error-summary a').count(), 1);
    assert.equal(await w(page, '#pb-detail-date_offered').inputValue(), '31', 'the day as typed');
    assert.equal(await w(page, '#pb-detail-what_offered').inputValue(), 'A bottle of wine', 'the rest kept');
    assert.ok(await w(page, '#pb-detail-action_taken-declined').isChecked());

    // Put right: the check page lists it all.
    await w(page, '#pb-detail-date_offered').fill('28');
    await w(page, '#pb-name').fill('Ada Officer');
    await w(page, '#pb-team').fill('Highways');
    await w(page, '[data-continue]').click();
    await w(page, '.pb-check').waitFor();
    assert.equal(await heading(page), 'Check your details');
    const text = await w(page, '.pb-check').innerText();
    for (const s of ['Kent County Council', 'No, you cannot', 'Sam Supplier', 'Acme Catering Ltd', '28 February 2026', 'Declined', 'Ada Officer', 'Highways']) {
      assert.ok(text.includes(s), `the check page shows ${s}`);
    }

    // Change: back at the field, with what was typed.
    await w(page, '[data-details] .pb-summary-list__row', { hasText: 'What was offered' }).locator('a').click();
    await w(page, '.pb-details-page').waitFor();
    assert.equal((await focused(page)).id, 'pb-detail-what_offered');
    assert.equal(await w(page, '#pb-detail-what_offered').inputValue(), 'A bottle of wine');
    assert.equal(await w(page, '#pb-detail-date_offered').inputValue(), '28');
    await w(page, '#pb-detail-what_offered').fill('A bottle of red wine');
    await w(page, '[data-continue]').click();
    await w(page, '.pb-check').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), w(page, '[data-download]').click()]);
    assert.equal(download.suggestedFilename(), 'probity-declaration-kent-gifts.json');
    const file = path.join(artifacts, 'kent-gifts-v2-declaration.json');
    await download.saveAs(file);
    const d = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(d.schema_version, 2);
    assert.equal(d.kind, 'answer');
    assert.match(d.policy.digest, /^sha256:/);
    const details = Object.fromEntries(d.details.map((x) => [x.field, x.value]));
    assert.deepEqual(details, {
      offered_by_person: 'Sam Supplier',
      offered_by_organisation: 'Acme Catering Ltd',
      what_offered: 'A bottle of red wine',
      date_offered: '2026-02-28',
      action_taken: 'declined',
    });
    assert.equal(d.declarant.name, 'Ada Officer');
    assert.match(probity(['verify', file]), /^valid: kent › gifts/);
    // The browser's Back button walks back through the same pages, keeping what was typed.
    await page.goBack();
    await w(page, '.pb-details-page').waitFor();
    assert.equal(await w(page, '#pb-detail-what_offered').inputValue(), 'A bottle of red wine');
    // (Before it, the check page the Change link left, then the details again, then the outcome.)
    await page.goBack();
    await w(page, '.pb-check').waitFor();
    await page.goBack();
    await page.goBack();
    await w(page, '.pb-panel').waitFor();
    await page.goForward();
    await w(page, '.pb-details-page').waitFor();
    assert.equal(await w(page, '#pb-detail-offered_by_person').inputValue(), 'Sam Supplier');
    assert.deepEqual(errors, []);
    assert.deepEqual(outside, []);
  } finally {
    await close();
  }
});

/** Closes the page as a reload or a closed tab would; resolves to the dialog's type, or null. */
async function leave(page) {
  // What was typed reaches the widget's state, and the state its effects, after a frame.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  const asked = new Promise((resolve) => {
    page.once('dialog', async (d) => { resolve(d.type()); await d.dismiss(); });
    page.once('close', () => resolve(null));
  });
  await page.close({ runBeforeUnload: true });
  return asked;
}

test('leaving with a record half made asks first (nothing typed is stored); once kept, it does not', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, url);
    await kentWine(page);
    await w(page, '[data-record-this]').click();
    await w(page, '#pb-detail-what_offered').fill('A bottle of wine');
    assert.equal(await leave(page), 'beforeunload', 'typed details: the browser asks');
    assert.equal(await w(page, '#pb-detail-what_offered').inputValue(), 'A bottle of wine', 'staying keeps it');
    await typeWineDetails(page, 'declined');
    await w(page, '[data-continue]').click();
    await w(page, '.pb-check').waitFor();
    assert.equal(await leave(page), 'beforeunload', 'on the check page, until it is kept');
    await Promise.all([page.waitForEvent('download'), w(page, '[data-download]').click()]);
    assert.equal(await leave(page), null, 'downloaded: the page closes without asking');

    // Nothing typed yet: no question.
    const fresh = await context.newPage();
    await openWidget(fresh, url);
    await kentWine(fresh);
    await w(fresh, '[data-record-this]').click();
    await w(fresh, '.pb-details-page').waitFor();
    assert.equal(await leave(fresh), null);

    // A kiosk never asks: its idle reset must clear the screen with no dialog in the way.
    const kiosk = await context.newPage();
    await openWidget(kiosk, `${url}embed.html?kiosk=1&idle=600`);
    await kentWine(kiosk);
    await w(kiosk, '[data-record-this]').click();
    await w(kiosk, '#pb-detail-what_offered').fill('A bottle of wine');
    assert.equal(await leave(kiosk), null);
  } finally {
    await close();
  }
});

test('a date in the future is refused where the field says it must be past, and kept to correct', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, url);
    await kentWine(page);
    await w(page, '[data-record-this]').click();
    await w(page, '#pb-detail-date_offered').fill('1');
    await w(page, '#pb-detail-date_offered-month').fill('1');
    await w(page, '#pb-detail-date_offered-year').fill('2999');
    await w(page, '[data-continue]').click();
    await w(page, '[data-detail="date_offered"] .pb-error-message').waitFor();
    assert.match(await w(page, '[data-detail="date_offered"] .pb-error-message').innerText(), /Date offered must be today or in the past/);
    assert.equal(await w(page, '#pb-detail-date_offered-year').inputValue(), '2999');
  } finally {
    await close();
  }
});

test('kiosk: the same pages, Print only, and nothing stored', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, `${url}embed.html?kiosk=1&idle=600`);
    await kentWine(page);
    await w(page, '[data-record-this]').click();
    await w(page, '.pb-details-page').waitFor();
    assert.equal(await w(page, '#pb-name').getAttribute('autocomplete'), 'off');
    await typeWineDetails(page, 'returned');
    await w(page, '[data-continue]').click();
    await w(page, '.pb-check').waitFor();
    assert.equal(await w(page, '[data-download]').count(), 0, 'no Download in kiosk mode');
    assert.equal(await w(page, 'button', { hasText: 'Copy to clipboard' }).count(), 0);
    assert.ok(await w(page, '[data-print]').isVisible());
    const snapshot = await storageSnapshot(page, context);
    assert.deepEqual(snapshot.session, [], 'nothing in sessionStorage');
    assert.deepEqual(snapshot.local, []);
  } finally {
    await close();
  }
});
