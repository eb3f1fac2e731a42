// Review 2026-11 row 1: the host page's CSS must not reach the widget. Four host pages give
// the element the same 600 px slot: a plain one, a themed intranet (html{font-size:62.5%},
// uppercase, centred, letter-spacing, line-height, small caps), a hostile one (`* {…!important}`,
// `button{display:none}`) and a dark theme. On each, every element the widget draws must have
// the same computed type, case, alignment, colours, visibility and size as on the plain page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openWidget, answer } from './harness.mjs';

const HOSTS = ['themed', 'hostile', 'dark'];

/** A fingerprint of every element the widget draws: what a person sees of it. */
async function fingerprint(page) {
  // The pointer is moved off the widget first: a button under it takes its hover colour.
  await page.mouse.move(0, 0);
  return page.evaluate(() => {
    const root = document.querySelector('probity-widget').shadowRoot.querySelector('.pb-host[data-live]') ??
      document.querySelector('probity-widget').shadowRoot.querySelector('.pb-host');
    const props = ['font-size', 'line-height', 'font-family', 'font-style', 'font-weight', 'font-variant-caps',
      'text-transform', 'text-align', 'text-indent', 'letter-spacing', 'word-spacing', 'white-space', 'color',
      'background-color', 'color-scheme', 'visibility', 'display', 'cursor'];
    const out = [];
    for (const [i, el] of [root, ...root.querySelectorAll('*')].entries()) {
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      const name = `${i} ${el.tagName.toLowerCase()}.${[...el.classList].join('.')}${el.id ? '#' + el.id : ''}`;
      const style = Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
      out.push({ name, ...style, width: Math.round(r.width), height: Math.round(r.height) });
    }
    return out;
  });
}

/** The same four pages on any host: a council's question list, a question with its error, a money question, the outcome. */
async function pages(page) {
  const shots = {};
  await page.locator('probity-widget input[name="pb-council"][value="kent"]').check();
  shots.list = await fingerprint(page);
  await page.locator('probity-widget button[data-tree="fees"]').click();
  await page.locator('probity-widget [data-continue]').click();
  await page.locator('probity-widget .pb-error-summary').waitFor();
  shots.error = await fingerprint(page);
  await answer(page, 'lecture');
  await answer(page, 'council_time_permitted');
  await page.locator('probity-widget form .pb-input').waitFor();
  shots.money = await fingerprint(page);
  await answer(page, '151.25');
  await page.locator('probity-widget .pb-panel').waitFor();
  shots.outcome = await fingerprint(page);
  return shots;
}

function differences(plain, other) {
  const found = [];
  for (const [name, elements] of Object.entries(plain)) {
    assert.equal(other[name].length, elements.length, `${name}: the same elements`);
    elements.forEach((el, i) => {
      for (const [prop, value] of Object.entries(el)) {
        if (other[name][i][prop] !== value) found.push(`${name} ${el.name} ${prop}: ${value} → ${other[name][i][prop]}`);
      }
    });
  }
  return found;
}

for (const width of [1280, 320]) {
  test(`host page CSS does not reach the widget (${width} px)`, async () => {
    const { context, url, close } = await launch({ viewport: { width, height: 900 } });
    try {
      const plainPage = await context.newPage();
      const errors = await openWidget(plainPage, `${url}fixtures/hosts/plain.html`);
      const plain = await pages(plainPage);
      // The widget's own type, independent of the host: 19 px body text on a wide screen.
      const body = plain.list.find((e) => e.name.includes('.pb-body'));
      assert.equal(body['font-size'], width >= 641 ? '19px' : '16px');
      for (const host of HOSTS) {
        const page = await context.newPage();
        errors.push(...(await openWidget(page, `${url}fixtures/hosts/${host}.html`)));
        const found = differences(plain, await pages(page));
        assert.deepEqual(found.slice(0, 25), [], `${host} host: ${found.length} differences from the plain page`);
        // Every control is there to be used: visible, and the buttons not hidden by `button{display:none}`.
        const hidden = await page.evaluate(() => [...document.querySelector('probity-widget').shadowRoot.querySelectorAll('button, input, a')]
          .filter((el) => el.getClientRects().length === 0 || getComputedStyle(el).visibility !== 'visible')
          .filter((el) => !el.closest('details:not([open])'))
          .map((el) => el.outerHTML.slice(0, 60)));
        assert.deepEqual(hidden, [], `${host}: every control visible`);
      }
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });
}
