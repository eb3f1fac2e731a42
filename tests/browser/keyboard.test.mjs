// Keyboard only: a tree answered from the start page, its record details filled and checked, to
// a downloaded declaration, and a declaration of interests, with Tab, the arrow keys, Space and
// Enter, never the mouse.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, heading, focused } from './harness.mjs';

/** The focused element as `tag|type|value|text`, for matching with a pattern. */
async function active(page) {
  const el = await focused(page);
  return el ? `${el.tag}|${el.type}|${el.value}|${el.text.slice(0, 60)}` : '';
}

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(page, pattern, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (pattern.test(await active(page))) return;
  }
  throw new Error(`never reached ${pattern} by Tab; last focus: ${await active(page)}`);
}

/** Presses Tab until the element with this id has the focus. */
async function tabToId(page, id, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page))?.id === id) return;
  }
  throw new Error(`never reached #${id} by Tab; last focus: ${await active(page)}`);
}

/** Kent's start page, "Make my declaration of interests", the annual one: by keyboard. */
async function startKentAnnual(page, url) {
  await page.goto(`${url}embed.html?policy=kent`);
  await page.locator('probity-widget .pb-host[data-live] .pb-widget').waitFor();
  await tabTo(page, /^button\|button\|\|Make my declaration of interests/, 200);
  await page.keyboard.press('Enter');
  await tabTo(page, /^input\|radio\|annual/);
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
}

/** On to the check page's Download button by Tab, and Enter on it: the download. */
async function downloadByKeyboard(page) {
  await page.locator('probity-widget .pb-check').waitFor();
  await tabTo(page, /^button\|button\|\|Download declaration/, 120);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  return download;
}

test('keyboard only: Kent lecture fee, start to download', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(`${url}embed.html`);
    await page.locator('probity-widget .pb-host[data-live] .pb-widget').waitFor();
    await tabTo(page, /^input\|radio\|derbyshire/);
    await page.keyboard.press('ArrowDown');
    assert.match(await active(page), /^input\|radio\|kent/, 'arrow keys move through the councils');
    await tabTo(page, /^button\|button\|\|Can I keep this fee/);
    await page.keyboard.press('Enter');
    assert.match(await heading(page), /What is the fee for/);
    await tabTo(page, /^input\|radio\|lecture/);
    await page.keyboard.press('Space');
    await tabTo(page, /^button\|submit\|\|Continue/);
    await page.keyboard.press('Enter');
    assert.match(await heading(page), /When and for whom/);
    await tabTo(page, /^input\|radio\|own_time_outside_body/);
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await page.locator('probity-widget form .pb-input').waitFor();
    await tabTo(page, /^input\|text\|/);
    await page.keyboard.type('250');
    await page.keyboard.press('Enter');
    await page.locator('probity-widget .pb-panel').waitFor();
    // Record this: every detail typed, chosen and submitted by keyboard; then Download.
    await tabTo(page, /^button\|button\|\|Record this/);
    await page.keyboard.press('Enter');
    await page.locator('probity-widget .pb-details-page').waitFor();
    await tabTo(page, /^input\|text\|/);
    await page.keyboard.type('Kent Rotary Club');
    for (const part of ['10', '10', '2025']) {
      await page.keyboard.press('Tab');
      await page.keyboard.type(part);
    }
    await tabTo(page, /^input\|radio\|/);
    await page.keyboard.press('Space');
    await tabTo(page, /^button\|submit\|\|Continue/);
    await page.keyboard.press('Enter');
    const download = await downloadByKeyboard(page);
    assert.match(download.suggestedFilename(), /kent-fees/);
  } finally {
    await close();
  }
});

test('keyboard only: a Kent nil declaration of interests, start to download', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await startKentAnnual(page, url);
    await tabTo(page, /^input\|radio\|yes/);
    await page.keyboard.press('ArrowDown');
    assert.match(await active(page), /^input\|radio\|no/);
    await page.keyboard.press('Enter');
    await page.locator('probity-widget .pb-details-page').waitFor();
    await tabTo(page, /^button\|submit\|\|Continue/);
    await page.keyboard.press('Enter');
    const download = await downloadByKeyboard(page);
    assert.match(download.suggestedFilename(), /kent-annual/);
  } finally {
    await close();
  }
});

test('keyboard only: a Kent interest added, changed and removed on the "add another" page, then one declared', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await startKentAnnual(page, url);

    /** "Yes" on the add-another question, a contract interest walked, its details typed. */
    async function addContract(body) {
      await tabTo(page, /^input\|radio\|yes/);
      await page.keyboard.press('Space');
      await page.keyboard.press('Enter');
      // Tab reaches a radio group once; the arrow keys move within it (and choose).
      await tabTo(page, /^input\|radio\|/, 80);
      for (let i = 0; i < 12 && !/^input\|radio\|contract/.test(await active(page)); i++) await page.keyboard.press('ArrowDown');
      assert.match(await active(page), /^input\|radio\|contract/);
      await page.keyboard.press('Enter');
      await tabTo(page, /^button\|button\|\|Add this interest/, 120);
      await page.keyboard.press('Enter');
      await page.locator('probity-widget .pb-details-page').waitFor();
      await tabToId(page, 'pb-detail-interest_body');
      await page.keyboard.type(body);
      await tabToId(page, 'pb-detail-interest_description');
      await page.keyboard.type('Director');
      await tabTo(page, /^input\|radio\|mine/);
      await page.keyboard.press('Space');
      await tabTo(page, /^button\|submit\|\|Continue/, 80);
      await page.keyboard.press('Enter');
      await page.locator('probity-widget [data-interest-list]').waitFor();
    }
    await addContract('Acme Ltd');
    await addContract('Bright plc');
    assert.equal(await heading(page), 'You have added 2 interests');

    // Change the first by keyboard: its details page, what was typed still there.
    await tabTo(page, /^a\|\|\|Change/);
    await page.keyboard.press('Enter');
    await page.locator('probity-widget .pb-details-page').waitFor();
    assert.equal(await page.locator('probity-widget #pb-detail-interest_body').inputValue(), 'Acme Ltd');
    await tabTo(page, /^button\|submit\|\|Continue/, 80);
    await page.keyboard.press('Enter');
    await page.locator('probity-widget [data-interest-list]').waitFor();

    // Remove the second by keyboard: past the first row's Remove to the second's.
    await tabTo(page, /^a\|\|\|Remove/);
    await tabTo(page, /^a\|\|\|Remove/);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('probity-widget').shadowRoot.querySelectorAll('[data-interest-list] .pb-summary-list__row').length === 1);
    assert.match(await page.locator('probity-widget [data-interest-list]').innerText(), /Acme Ltd/);

    await tabTo(page, /^input\|radio\|yes/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('probity-widget .pb-details-page').waitFor();
    await tabTo(page, /^button\|submit\|\|Continue/, 80);
    await page.keyboard.press('Enter');
    const download = await downloadByKeyboard(page);
    assert.match(download.suggestedFilename(), /kent-annual/);
  } finally {
    await close();
  }
});

test('typing a search keeps the focus in the box, letter after letter', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(`${url}embed.html?policy=kent`);
    await page.locator('probity-widget .pb-host[data-live] #pb-search').waitFor();
    await page.locator('probity-widget #pb-search').focus();
    for (const letter of 'lecture') {
      await page.keyboard.type(letter);
      assert.match(await active(page), /^input\|search\|/, `focus left the search box after "${letter}"`);
    }
    assert.equal(await page.locator('probity-widget #pb-search').inputValue(), 'lecture');
    await page.locator('probity-widget #pb-search-count', { hasText: /^1 question shown$/ }).waitFor();
    // And back to everything, one Backspace at a time.
    for (let i = 0; i < 'lecture'.length; i++) await page.keyboard.press('Backspace');
    await page.locator('probity-widget #pb-search-count', { hasText: /^13 questions shown$/ }).waitFor();
    assert.match(await active(page), /^input\|search\|/);
  } finally {
    await close();
  }
});
