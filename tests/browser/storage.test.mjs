// Security review row 12: a host that wants nothing kept says `no-storage` (or `?no-storage=1` on
// an iframe page): the walk is then never written to sessionStorage, so a reload, a reopened tab
// or another script of the site finds nothing. Without it, the walk is kept for a reload (the
// README says exactly what that means).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, live, openTreePage, answer, heading, storageSnapshot } from './harness.mjs';

const firstRadio = async (page) => page.locator('probity-widget .pb-radios__input').first().getAttribute('value');

async function walkTwo(page) {
  await answer(page, await firstRadio(page));
  await answer(page, await firstRadio(page));
  await page.waitForTimeout(300); // storage is written after the paint
}

test('no-storage on the element: nothing kept, nothing restored', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    const make = async () => {
      await page.evaluate(async () => {
        const w = document.createElement('probity-widget');
        for (const [k, v] of Object.entries({ 'no-storage': '', policy: 'kent', tree: 'gifts', id: 'w' })) w.setAttribute(k, v);
        document.getElementById('main').append(w);
        await import('/probity-widget.js');
      });
      await live(page);
    };
    await page.goto(`${url}fixtures/blank.html`);
    await make();
    const first = await heading(page);
    await walkTwo(page);
    assert.deepEqual((await storageSnapshot(page, context)).session, [], 'nothing in sessionStorage');
    await page.reload();
    await make();
    assert.equal(await heading(page), first, 'a reload starts again');
  } finally {
    await close();
  }
});

test('?no-storage=1 on an iframe page, and the default for comparison', async () => {
  const { context, url, page, close } = await openTreePage('embed/kent/gifts.html?no-storage=1');
  try {
    await walkTwo(page);
    assert.deepEqual((await storageSnapshot(page, context)).session, [], 'nothing kept with ?no-storage=1');

    await page.goto(`${url}embed/kent/gifts.html`);
    await live(page);
    await walkTwo(page);
    assert.equal((await storageSnapshot(page, context)).session.length, 1, 'kept for a reload without it');
  } finally {
    await close();
  }
});

test('an answer is kept even when the page is reloaded before the walk could be written', async () => {
  // The walk is written after the next page's frame (crate::saved_walk), and at once on
  // `pagehide` if it is still waiting. Here no frame comes (requestAnimationFrame never calls
  // back, as on a reload pressed at once), so only the pagehide write can keep the answer.
  const { page, close } = await openTreePage('embed/kent/gifts.html');
  try {
    const first = await heading(page);
    await page.locator('probity-widget .pb-radios__input').first().check();
    const next = await page.evaluate(async () => {
      window.requestAnimationFrame = () => 0;
      const host = document.querySelector('probity-widget');
      const root = host.shadowRoot ?? host;
      const shown = () => root.querySelector('.pb-host[data-live] h1, .pb-host[data-live] h2')?.textContent;
      const before = shown();
      root.querySelector('.pb-host[data-live] [data-continue]').click();
      for (let i = 0; i < 100 && shown() === before; i++) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 50));
      return shown();
    });
    assert.notEqual(next, first, 'the next page showed before the reload');
    await page.reload();
    await live(page);
    assert.equal(await heading(page), next, 'the reload shows the page the answer led to');
  } finally {
    await close();
  }
});
