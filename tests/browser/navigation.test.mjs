// Moving around: the Back link, the browser's Back and Forward buttons, Change links, the error
// summary on bad money input, focus on each new page, and a reload in the same tab.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openWidget, chooseCouncilAndTree, answer, heading, storageSnapshot, focused, openAllDetails } from './harness.mjs';

test('back link, browser back and forward, change links, focus', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    const errors = await openWidget(page, url);
    await chooseCouncilAndTree(page, 'kent', 'fees');
    assert.match(await heading(page), /What is the fee for/i);
    assert.equal((await focused(page)).tag, 'h1', 'focus moves to the heading of each new page');
    await answer(page, 'lecture');
    await answer(page, 'council_time_permitted');
    await answer(page, '151.25');
    await page.locator('probity-widget .pb-panel').waitFor();
    assert.equal((await focused(page)).tag, 'h1');
    assert.equal(await page.locator('probity-widget [data-amount]').getAttribute('data-amount'), '75.62');

    // The Back link returns to the money question with the answer still in it.
    await page.locator('probity-widget .pb-back-link').click();
    assert.equal(await page.locator('probity-widget form .pb-input').inputValue(), '151.25');

    // The browser's Back button goes back a question too, and Forward returns.
    await page.goBack();
    assert.match(await heading(page), /When and for whom/i);
    await page.goBack();
    assert.match(await heading(page), /What is the fee for/i);
    await page.goForward();
    assert.match(await heading(page), /When and for whom/i);

    // Continuing after going back steps to the next answered question, its answer shown
    // (review 2026-11 row 8), then to the outcome.
    await answer(page, 'council_time_permitted');
    assert.match(await heading(page), /How much is the fee/i);
    assert.equal(await page.locator('probity-widget form .pb-input').inputValue(), '151.25');
    await page.locator('probity-widget [data-continue]').click();
    await page.locator('probity-widget .pb-panel').waitFor();
    // Change the setting with a Change link (under "Your answers").
    await openAllDetails(page);
    await page.locator('probity-widget [data-change="lecture_setting"]').click();
    assert.match(await heading(page), /When and for whom/i);
    await answer(page, 'own_time_outside_body');
    // The fee still applies, so the outcome follows straight away, with the whole fee.
    await page.locator('probity-widget .pb-panel').waitFor();
    assert.equal(await page.locator('probity-widget [data-amount]').getAttribute('data-amount'), '151.25');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('bad money input: error summary takes focus and links to the field; nothing is lost', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, url);
    await chooseCouncilAndTree(page, 'kent', 'fees');
    await answer(page, 'lecture');
    await answer(page, 'council_time_permitted');
    for (const [bad, message] of [['', 'Enter how much the fee is'], ['twelve', 'The fee must be an amount in pounds, like 25 or 25.50'], ['12,50', 'The fee must use a full stop for pence, like 25.50'], ['12.5055', 'The fee must be to the nearest penny, like 25.50'], ['2.500', 'The fee must have pence as two digits after a full stop, like 2.50, or thousands with a comma, like 2,500'], ['-4', 'The fee must be £0 or more']]) {
      await answer(page, bad);
      const summary = page.locator('probity-widget .pb-error-summary');
      await summary.waitFor();
      assert.match(await summary.innerText(), /There is a problem/);
      assert.equal(await summary.locator('a').innerText(), message);
      assert.equal((await focused(page)).tag, 'div', 'the error summary takes focus');
      assert.match(await page.locator('probity-widget .pb-error-message').innerText(), new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      assert.equal(await page.locator('probity-widget form .pb-input').inputValue(), bad, 'the typed text is kept');
    }
    await page.locator('probity-widget .pb-error-summary a').click();
    assert.equal((await focused(page)).tag, 'input', 'the summary link moves to the field');
    // Earlier answers survived: Back shows the setting still chosen.
    await page.locator('probity-widget .pb-back-link').click();
    assert.ok(await page.locator('probity-widget input[value="council_time_permitted"]').isChecked());
    // A choice question with nothing chosen.
    await page.locator('probity-widget input[value="council_time_permitted"]').uncheck().catch(() => {});
  } finally {
    await close();
  }
});

test('a reload in the same tab keeps the answers; a new tab does not', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, url);
    await chooseCouncilAndTree(page, 'oxfordshire', 'gifts');
    await answer(page, 'gift');
    const second = await heading(page);
    await page.reload();
    await page.locator('probity-widget .pb-host[data-live] .pb-widget').waitFor();
    await page.locator('probity-widget h1').first().waitFor();
    assert.equal(await heading(page), second, 'the same question after a reload');
    const snapshot = await storageSnapshot(page, context);
    assert.deepEqual(snapshot.local, []);
    assert.deepEqual(snapshot.cookies, []);
    assert.deepEqual(snapshot.session, ['probity:probity-main'], 'only sessionStorage holds the walk');
    assert.ok(!snapshot.url.includes('?') && !snapshot.url.includes('#'), 'no answer in the URL');

    const other = await context.newPage();
    await openWidget(other, url);
    assert.equal(await heading(other), 'Am I allowed to do this?', 'a new tab starts afresh');
  } finally {
    await close();
  }
});
