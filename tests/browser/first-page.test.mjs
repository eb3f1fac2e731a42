// The first page before the wasm arrives (www/takeover.js): it is the live widget's own first
// page, it shows without the wasm, and whatever the officer does on it reaches the live widget.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, live, openTreePage, heading } from './harness.mjs';

/** Holds every request for the wasm until `release()` is called (or fails it with `fail()`). */
async function holdWasm(page) {
  let open;
  const gate = new Promise((resolve) => { open = resolve; });
  await page.route(/\/pkg\/probity_web_bg\.wasm(\?v=\w+)?$/, async (route) => ((await gate) ? route.continue() : route.abort()));
  return { release: () => open(true), fail: () => open(false) };
}

/** Every URL the page's main frame has had (an answer must never be one of their parts). */
function urlsOf(page) {
  const urls = [];
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) urls.push(f.url()); });
  return urls;
}

test('every prerendered first page is exactly what the live widget renders first', async () => {
  const { page, close } = await openTreePage('embed.html', { contextOptions: { serviceWorkers: 'block' } });
  try {
    const report = await page.evaluate(async () => {
      const { FIRST_PAGES } = await import('./pkg/first-pages.js');
      // Compared as the DOM sees them, not as text: Yew sets an input's value as a property (so
      // an empty `value` attribute in the HTML is the same page), and builds adjacent text as
      // separate nodes where the HTML parser makes one.
      const normalise = (root) => {
        for (const el of root.querySelectorAll('input[value=""]')) el.removeAttribute('value');
        root.normalize();
        return root;
      };
      const until = async (check) => { for (let i = 0; i < 600 && !check(); i++) await new Promise(requestAnimationFrame); return check(); };
      const different = [];
      let n = 0;
      for (const [key, html] of Object.entries(FIRST_PAGES)) {
        const [policy, tree] = key.split('/');
        const el = document.createElement('probity-widget');
        el.id = `compare-${n++}`;
        if (policy) el.setAttribute('policy', policy);
        if (tree) el.setAttribute('tree', tree);
        document.body.append(el);
        const host = await until(() => el.shadowRoot.querySelector('.pb-host[data-live]:not([hidden])'));
        const expected = document.createElement('div');
        expected.innerHTML = html;
        // Every id once: a repeated id sends aria-describedby (and the error summary's links) to
        // the wrong element.
        const ids = [...expected.querySelectorAll('[id]')].map((e) => e.id);
        const repeated = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
        if (repeated.length) different.push(`${key}: ids used more than once: ${repeated.join(', ')}`);
        const got = host ? normalise(host.cloneNode(true)) : null;
        normalise(expected);
        const same = got && got.childNodes.length === expected.childNodes.length
          && [...got.childNodes].every((node, i) => node.isEqualNode(expected.childNodes[i]));
        if (!same) {
          // Show where the two first part: a few words either side of the first difference.
          const a = expected.innerHTML;
          const b = got ? got.innerHTML : '(never shown)';
          let i = 0;
          while (i < a.length && a[i] === b[i]) i++;
          const at = Math.max(0, i - 80);
          different.push(`${key} at character ${i}\n  prerendered: …${a.slice(at, i + 120)}\n  live:        …${b.slice(at, i + 120)}`);
        }
        el.remove();
      }
      return { count: Object.keys(FIRST_PAGES).length, different };
    });
    assert.equal(report.count, 71, 'one first page per tree (65), per council (5) and the council picker');
    assert.deepEqual(report.different, []);
  } finally {
    await close();
  }
});

test('a per-tree iframe page shows its question without the wasm, and an answer given then is kept', async () => {
  const { context, url, close } = await launch({ contextOptions: { serviceWorkers: 'block' } });
  try {
    const page = await context.newPage();
    const urls = urlsOf(page);
    const wasm = await holdWasm(page);
    await page.goto(`${url}embed/kent/gifts.html`);
    assert.equal(await heading(page), 'What have you been offered?');
    assert.ok(await page.locator('probity-widget').evaluate((el) => [...el.shadowRoot.querySelectorAll('link[rel="stylesheet"]')].every((l) => l.sheet)), 'styled');
    assert.equal(await page.locator('probity-widget .pb-host[data-live]').count(), 0, 'the wasm is not there yet');

    await page.locator('probity-widget .pb-radios__input[value="gift"]').check();
    await page.locator('probity-widget [data-continue]').click();
    await page.locator('probity-widget [role="status"]', { hasText: 'Loading the next page' }).waitFor();
    assert.equal(await heading(page), 'What have you been offered?', 'still on the first question, answer in place');
    assert.ok(await page.locator('probity-widget .pb-radios__input[value="gift"]').isChecked());

    wasm.release();
    await page.locator('probity-widget h1', { hasText: 'Who is offering it?' }).waitFor();
    assert.equal(await page.locator('probity-widget [data-takeover-status]').count(), 0, 'the loading note went with the first page');
    await page.locator('probity-widget .pb-back-link').click();
    await page.locator('probity-widget h1', { hasText: 'What have you been offered?' }).waitFor(); // Back goes through history, a moment later
    assert.ok(await page.locator('probity-widget .pb-radios__input[value="gift"]').isChecked(), 'the answer given before the wasm arrived');
    assert.ok(urls.every((u) => new URL(u).search === ''), `no answer in the URL: ${urls}`);
  } finally {
    await close();
  }
});

test('a search typed on the prerendered list of questions carries over', async () => {
  const { context, url, close } = await launch({ contextOptions: { serviceWorkers: 'block' } });
  try {
    const page = await context.newPage();
    const wasm = await holdWasm(page);
    await page.goto(`${url}embed.html?policy=kent`);
    await page.locator('probity-widget #pb-search').fill('lecture');
    await page.locator('probity-widget #pb-search').focus();
    wasm.release();
    await live(page);
    await page.locator('probity-widget #pb-search-count', { hasText: /^1 question shown$/ }).waitFor();
    assert.equal(await page.locator('probity-widget #pb-search').inputValue(), 'lecture');
    assert.equal(await page.locator('probity-widget').evaluate((el) => el.shadowRoot.activeElement?.id), 'pb-search', 'focus stays in the box');
  } finally {
    await close();
  }
});

test('a walk saved in this tab is not covered by the first page after a reload', async () => {
  const { page, close } = await openTreePage('embed/kent/gifts.html', { contextOptions: { serviceWorkers: 'block' } });
  try {
    await page.locator('probity-widget .pb-radios__input[value="gift"]').check();
    await page.locator('probity-widget [data-continue]').click();
    await page.locator('probity-widget h1', { hasText: 'Who is offering it?' }).waitFor();
    await page.waitForFunction(() => Object.keys(sessionStorage).some((k) => k.startsWith('probity:')));

    const wasm = await holdWasm(page);
    await page.reload();
    await page.locator('probity-widget .pb-loading').waitFor();
    assert.equal(await page.locator('probity-widget h1').count(), 0, 'no first question shown over the saved walk');
    wasm.release();
    await live(page);
    assert.equal(await heading(page), 'Who is offering it?');
  } finally {
    await close();
  }
});

test('if the wasm cannot load, the first page stays with what was entered, under an error', async () => {
  const { context, url, close } = await launch({ contextOptions: { serviceWorkers: 'block' } });
  try {
    const page = await context.newPage();
    const wasm = await holdWasm(page);
    await page.goto(`${url}embed/kent/gifts.html`);
    await page.locator('probity-widget .pb-radios__input[value="hospitality"]').check();
    wasm.fail();
    await page.locator('probity-widget [role="alert"]', { hasText: 'This tool could not start' }).waitFor();
    assert.equal(await heading(page), 'What have you been offered?');
    assert.ok(await page.locator('probity-widget .pb-radios__input[value="hospitality"]').isChecked());
  } finally {
    await close();
  }
});

test('without the prerendered pages (a missing file), the live widget still starts', async () => {
  const errors = [];
  const before = async (page) => {
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.route(/\/pkg\/first-pages\.js(\?v=\w+)?$/, (route) => route.fulfill({ status: 404, body: 'not found' }));
  };
  const { page, close } = await openTreePage('embed.html?policy=kent&tree=gifts', { contextOptions: { serviceWorkers: 'block' }, before });
  try {
    assert.equal(await heading(page), 'What have you been offered?');
    assert.deepEqual(errors, [], 'no uncaught error');
  } finally {
    await close();
  }
});
