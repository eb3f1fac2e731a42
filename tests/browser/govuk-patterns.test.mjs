// GOV.UK Design System patterns in full. Review 2026-11 rows 9 (error messages), 10 (page
// titles), 12 (focus styles), 13 ("Start again" and history), 14 (rounding in one sentence)
// and 16 (heading level, topic order, glyphs, forced colours, the money field as typed).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openWidget, live, chooseCouncilAndTree, answer, focused, heading } from './harness.mjs';

const errorText = async (page) => (await page.locator('probity-widget .pb-error-summary a').innerText()).trim();

test('row 9: error messages name the question, and an empty answer reads differently from a wrong one', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, url);
    await chooseCouncilAndTree(page, 'kent', 'fees');
    await page.locator('probity-widget [data-continue]').click();
    assert.equal(await errorText(page), 'Select what the fee is for');
    await answer(page, 'lecture');
    await answer(page, 'council_time_permitted');
    await answer(page, '');
    assert.equal(await errorText(page), 'Enter how much the fee is');
    await answer(page, 'abc');
    const invalid = await errorText(page);
    assert.notEqual(invalid, 'Enter how much the fee is');
    assert.match(invalid, /^The fee must be an amount in pounds/);
    assert.match(await page.locator('probity-widget .pb-error-message').innerText(), /The fee must be an amount in pounds/);

    await page.evaluate(() => sessionStorage.clear());
    await openWidget(page, url);
    await chooseCouncilAndTree(page, 'oxfordshire', 'gifts');
    // (No built-in policy asks a whole-number question any more; the value question is the
    // typed field on this walk.)
    for (const a of ['gift', 'contractor', 'neither']) await answer(page, a);
    await answer(page, '');
    const empty = await errorText(page);
    assert.match(empty, /^Enter /);
    await answer(page, 'two');
    const wrong = await errorText(page);
    assert.notEqual(wrong, empty);
    assert.match(wrong, /must be an amount in pounds/);
  } finally {
    await close();
  }
});

test('row 10: a title per page, "Error: " when there is an error, and the host\'s title kept when asked', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, `${url}embed/kent/fees.html`);
    assert.equal(await page.title(), 'What is the fee for? - Probity');
    await page.locator('probity-widget [data-continue]').click();
    await page.locator('probity-widget .pb-error-summary').waitFor();
    assert.equal(await page.title(), 'Error: What is the fee for? - Probity');
    await answer(page, 'lecture');
    assert.equal(await page.title(), `${await heading(page)} - Probity`);
    await page.locator('probity-widget .pb-back-link').click();
    await page.locator('probity-widget .pb-back-link').click();
    await page.locator('probity-widget button[data-tree="gifts"]').waitFor();
    assert.equal(await page.title(), 'Am I allowed to do this? - Probity', 'the council list is not titled with a question');
    await chooseCouncilAndTree(page, 'kent', 'fees');
    for (const a of ['lecture', 'council_time_permitted', '151.25']) await answer(page, a);
    await page.locator('probity-widget .pb-panel').waitFor();
    assert.match(await page.title(), /^Yes, if you follow these conditions: You may keep half .* - Probity$/);

    const host = await context.newPage();
    await openWidget(host, `${url}fixtures/hosts/keep-title.html`);
    await chooseCouncilAndTree(host, 'kent', 'fees');
    await host.locator('probity-widget [data-continue]').click();
    await host.locator('probity-widget .pb-error-summary').waitFor();
    assert.equal(await host.title(), 'Staff intranet: gifts and hospitality', 'keep-title leaves the host page title alone');
  } finally {
    await close();
  }
});

test('row 12: GOV.UK focus styles: the error summary ring and the button dark edge', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, url);
    await chooseCouncilAndTree(page, 'kent', 'fees');
    await page.locator('probity-widget [data-continue]').click();
    await page.locator('probity-widget .pb-error-summary').waitFor();
    const ring = await page.locator('probity-widget .pb-error-summary').evaluate((el) => {
      const cs = getComputedStyle(el);
      return { focused: el.matches(':focus'), style: cs.outlineStyle, width: cs.outlineWidth, color: cs.outlineColor };
    });
    assert.deepEqual(ring, { focused: true, style: 'solid', width: '3px', color: 'rgb(255, 221, 0)' });
    await page.locator('probity-widget input[value="lecture"]').focus();
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).text, 'Continue');
    const button = await page.locator('probity-widget [data-continue]').evaluate((el) => {
      const cs = getComputedStyle(el);
      return { background: cs.backgroundColor, shadow: cs.boxShadow, color: cs.color };
    });
    assert.equal(button.background, 'rgb(255, 221, 0)');
    assert.equal(button.color, 'rgb(11, 12, 12)');
    assert.match(button.shadow, /rgb\(11, 12, 12\) 0px 2px 0px/, 'the dark bottom edge');
  } finally {
    await close();
  }
});

test('row 13: "Start again" asks before clearing the answers', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, url);
    await chooseCouncilAndTree(page, 'kent', 'fees');
    for (const a of ['lecture', 'council_time_permitted', '151.25']) await answer(page, a);
    await page.locator('probity-widget .pb-panel').waitFor();
    await page.locator('probity-widget button', { hasText: 'Start again' }).click();
    assert.ok(await page.locator('probity-widget .pb-panel').isVisible(), 'nothing is cleared yet');
    const confirm = page.locator('probity-widget [data-confirm-restart]');
    assert.equal(await confirm.count(), 1, 'a confirmation is shown');
    assert.match(await confirm.innerText(), /clear your answers/i);
    assert.equal((await focused(page)).tag, 'h2', 'the question takes focus');
    await confirm.locator('button', { hasText: 'No, keep my answers' }).click();
    assert.equal(await confirm.count(), 0);
    assert.ok(await page.locator('probity-widget .pb-panel').isVisible());
    await page.locator('probity-widget button', { hasText: 'Start again' }).click();
    await confirm.locator('button', { hasText: 'Yes, start again' }).click();
    await page.locator('probity-widget h1', { hasText: 'Am I allowed to do this?' }).waitFor();
  } finally {
    await close();
  }
});

test('row 13: after "Start again", Back finds no dead history entries', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, url);
    await chooseCouncilAndTree(page, 'kent', 'fees');
    for (const a of ['lecture', 'council_time_permitted', '151.25']) await answer(page, a);
    await page.locator('probity-widget .pb-panel').waitFor();
    await page.locator('probity-widget button', { hasText: 'Start again' }).click();
    const yes = page.locator('probity-widget [data-confirm-restart] button', { hasText: 'Yes, start again' });
    if (await yes.count()) await yes.click();
    await page.locator('probity-widget h1', { hasText: 'Am I allowed to do this?' }).waitFor();
    // The walk's history entries are gone: Back leaves the page rather than doing nothing.
    await page.waitForTimeout(300);
    await page.goBack();
    assert.equal(page.url(), 'about:blank');
  } finally {
    await close();
  }
});

test('row 14: the rounding is one plain sentence', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, url);
    await chooseCouncilAndTree(page, 'kent', 'fees');
    for (const a of ['lecture', 'council_time_permitted', '375.55']) await answer(page, a);
    const amount = page.locator('probity-widget [data-amount-row]');
    await amount.waitFor();
    const text = await amount.innerText();
    assert.match(text, /Half of £375\.55 is £187\.775, which rounded down to the penny is £187\.77\./);
    assert.doesNotMatch(text, /(^|[^£\d])187\.775/, 'no bare 187.775 beside £ amounts');
    assert.doesNotMatch(text, /half down/);
    assert.equal((text.match(/round/gi) || []).length, 2, 'the label and the one sentence mention rounding; nothing else in view');
  } finally {
    await close();
  }
});

test('row 16: a heading-level attribute for hosts that have their own h1', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, `${url}fixtures/hosts/heading-level.html`);
    const levels = async () => page.evaluate(() => [...document.querySelector('probity-widget').shadowRoot.querySelectorAll('.pb-host[data-live] :is(h1, h2, h3, h4, h5, h6)')].map((h) => h.tagName.toLowerCase()));
    assert.equal((await levels())[0], 'h2', 'the widget starts at the host\'s level');
    assert.ok(!(await levels()).includes('h1'));
    await chooseCouncilAndTree(page, 'kent', 'fees');
    assert.deepEqual(await levels(), ['h2']);
    await page.locator('probity-widget [data-continue]').click();
    await page.locator('probity-widget .pb-error-summary').waitFor();
    assert.deepEqual(await levels(), ['h3', 'h2'], 'the error summary title sits under the page heading');
    for (const a of ['lecture', 'council_time_permitted', '151.25']) await answer(page, a);
    await page.locator('probity-widget .pb-panel').waitFor();
    const outcome = await levels();
    assert.equal(outcome[0], 'h2');
    assert.ok(!outcome.includes('h1') && outcome.includes('h3'));
  } finally {
    await close();
  }
});

test('row 16: topics in the order officers look for them, gifts and hospitality first', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, url);
    await page.locator('probity-widget input[name="pb-council"][value="kent"]').check();
    const topics = await page.locator('probity-widget .pb-topic :is(h2, h3, h4)').allInnerTexts();
    // Kent's gifts question covers hospitality too, so Gifts leads and no Hospitality group follows.
    assert.equal(topics[0], 'Gifts', 'gifts and hospitality first');
    assert.ok(topics.indexOf('Arrest, convictions and bankruptcy') > 5);
  } finally {
    await close();
  }
});

async function kentOutcome(page, url) {
  await openWidget(page, url);
  await chooseCouncilAndTree(page, 'kent', 'fees');
  for (const a of ['lecture', 'council_time_permitted', '151.25']) await answer(page, a);
  await page.locator('probity-widget .pb-panel').waitFor();
}

test('row 16: no tick-box glyphs on the outcome', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await kentOutcome(page, url);
    assert.doesNotMatch(await page.locator('probity-widget .pb-outcome').innerText(), /☐/);
  } finally {
    await close();
  }
});

test('row 16: the verdict panel keeps its box in forced colours', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await kentOutcome(page, url);
    await page.emulateMedia({ forcedColors: 'active' });
    const box = await page.locator('probity-widget .pb-panel').evaluate((el) => {
      const cs = getComputedStyle(el);
      return { style: cs.borderTopStyle, width: parseFloat(cs.borderTopWidth) };
    });
    assert.equal(box.style, 'solid');
    assert.ok(box.width >= 2, 'the verdict panel keeps a box in forced colours');
  } finally {
    await close();
  }
});

test('row 16: a money field the officer returns to shows what was typed, also after a reload', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, url);
    await chooseCouncilAndTree(page, 'oxfordshire', 'gifts');
    for (const a of ['gift', 'contractor', 'neither', '30']) await answer(page, a);
    await page.locator('probity-widget .pb-back-link').click();
    await page.locator('probity-widget form .pb-input').waitFor();
    assert.equal(await page.locator('probity-widget form .pb-input').inputValue(), '30', 'the money field shows what was typed');
    await page.reload();
    await live(page);
    await page.locator('probity-widget form .pb-input').waitFor();
    assert.equal(await page.locator('probity-widget form .pb-input').inputValue(), '30', 'and still after a reload');
  } finally {
    await close();
  }
});
