// Embedding: the shadow root keeps the host's CSS and the widget's apart; a council's own
// policy loads by URL (and a broken one is explained, not blank); policy text is text, never
// HTML; and the page runs under the strict Content-Security-Policy with no violation.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openWidget, answer, openAllDetails } from './harness.mjs';

async function hostPage(page, url, attributes) {
  // A host page built in the test: the element with the given attributes, under the same CSP.
  await page.goto(`${url}embed.html`);
  await page.evaluate((attrs) => {
    const main = document.getElementById('probity-embed');
    main.replaceChildren();
    const w = document.createElement('probity-widget');
    for (const [k, v] of Object.entries(attrs)) w.setAttribute(k, v);
    main.append(w);
  }, attributes);
}

test('styles stay inside the shadow root, both ways', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, url);
    // The demo page sets letter-spacing on every p, label and button; the widget must not inherit it.
    const inside = await page.locator('probity-widget .pb-body').first().evaluate((el) => getComputedStyle(el).letterSpacing);
    assert.equal(inside, 'normal');
    const font = await page.locator('probity-widget .pb-body').first().evaluate((el) => getComputedStyle(el).fontFamily);
    assert.ok(!/Georgia/.test(font), `the host's font does not reach in: ${font}`);
    // And the widget's classes do nothing outside it.
    const outside = await page.evaluate(() => {
      const p = document.createElement('p');
      p.className = 'pb-body pb-heading-l';
      document.body.append(p);
      return getComputedStyle(p).fontSize;
    });
    assert.notEqual(outside, '32px');
  } finally {
    await close();
  }
});

test("a council's own policy by URL, rendered as text", async () => {
  const { context, url, outside, close } = await launch();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await hostPage(page, url, { 'policy-src': '/fixtures/custom-policy.json', policy: 'example-borough', tree: 'gifts' });
    await page.locator('probity-widget h1', { hasText: 'How much is the gift worth?' }).waitFor();
    await answer(page, '30');
    await page.locator('probity-widget .pb-panel').waitFor();
    await openAllDetails(page); // 7.3 is quoted under "What the code says"
    const quote = page.locator('probity-widget blockquote[data-cite="7.3"]');
    assert.match(await quote.innerText(), /<b>cash<\/b> or <img src="x"/, 'markup in a clause is shown as text');
    assert.equal(await page.locator('probity-widget img').count(), 0);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.deepEqual(errors, []);
    assert.deepEqual(outside, []);
  } finally {
    await close();
  }
});

test('a policy that fails to check, or to load, is explained', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await hostPage(page, url, { 'policy-src': '/fixtures/broken-policy.json' });
    const panel = page.locator('probity-widget .pb-error-summary');
    await panel.waitFor();
    const text = await panel.innerText();
    assert.match(text, /could not be loaded/);
    assert.match(text, /clause `9\.9` is not in the clause table/);
    assert.match(text, /no branch handles/);
    // The built-in councils still work beside it.
    assert.ok(await page.locator('probity-widget input[name="pb-council"][value="kent"]').count());

    await hostPage(page, url, { 'policy-src': '/fixtures/missing.json' });
    await page.locator('probity-widget .pb-error-summary', { hasText: 'HTTP 404' }).waitFor();
    await hostPage(page, url, { 'policy-src': 'https://example.invalid/policy.json' });
    await page.locator('probity-widget .pb-error-summary', { hasText: 'must be on this site' }).waitFor();
  } finally {
    await close();
  }
});

test('the strict Content-Security-Policy page: no violation, no request elsewhere', async () => {
  const { context, url, outside, requests, close } = await launch({ csp: true });
  try {
    await context.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const page = await context.newPage();
    const response = await page.goto(url);
    assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
    assert.ok(!/unsafe-inline/.test(response.headers()['content-security-policy']));
    await page.locator('probity-widget .pb-host[data-live] .pb-widget').waitFor();
    await page.locator('probity-widget input[name="pb-council"][value="kent"]').check();
    await page.locator('probity-widget button[data-tree="fees"]').click();
    await answer(page, 'lecture');
    await page.frameLocator('iframe.demo-iframe').locator('probity-widget .pb-host[data-live] .pb-widget').waitFor();
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(outside, []);
    // Static files only: a query is a page's options, a file's build id, or the service worker's.
    const fileQuery = /^\/(embed\.html\?|sw\.js\?build=[0-9a-f]{12}$|[\w/.-]+\?v=[0-9a-f]{12}$)/;
    assert.ok(requests.every((r) => !r.includes('?') || fileQuery.test(r)), `only static files: ${requests}`);
  } finally {
    await close();
  }
});
