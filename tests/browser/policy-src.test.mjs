// Security review rows 2 and 3: where a council's own policy (`policy-src`) may come from, and
// what the officer is told about it. Only the host page's element attribute names it (never the
// iframe page's own address); the fetch refuses redirects and files over 512 KB; a policy that
// crashes the widget shows the widget's own crash panel.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, live, here } from './harness.mjs';

const custom = fs.readFileSync(path.join(here, 'fixtures', 'custom-policy.json'), 'utf8');

/** A host page made in the test: the element with these attributes, under the same CSP. */
async function hostPage(page, url, attributes) {
  await page.goto(`${url}fixtures/blank.html`);
  await page.evaluate(async (attrs) => {
    const w = document.createElement('probity-widget');
    for (const [k, v] of Object.entries(attrs)) w.setAttribute(k, v);
    document.getElementById('main').append(w);
    await import('/probity-widget.js');
  }, attributes);
}

const routes = {
  // An open redirect on the site, pointing at a policy file.
  '/fixtures/redirect.json': (req, res) => res.writeHead(302, { location: '/fixtures/custom-policy.json' }).end(),
  // A valid policy padded to 600 KB: too big to be a council's code, big enough to freeze a phone.
  '/fixtures/big.json': (req, res) => {
    const body = custom.replace(/\}\s*$/, `${' '.repeat(600 * 1024)}}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  },
};

test("the iframe page never takes policy-src from its own address", async () => {
  const { context, url, requests, close } = await launch();
  try {
    const page = await context.newPage();
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await page.goto(`${url}embed.html?policy-src=/fixtures/custom-policy.json&policy=example-borough&tree=gifts`);
    await live(page);
    assert.ok(!requests.some((r) => r.startsWith('/fixtures/custom-policy.json')), `not fetched: ${requests}`);
    assert.equal(await page.locator('probity-widget h1', { hasText: 'How much is the gift worth?' }).count(), 0);
    assert.ok(await page.locator('probity-widget input[name="pb-council"][value="kent"]').count(), 'the built-in councils are offered');
    assert.ok(warnings.some((w) => /policy-src/.test(w)), `a console warning says why: ${warnings}`);
  } finally {
    await close();
  }
});

test('policy-src refuses a redirect', async () => {
  const { context, url, close } = await launch({ routes });
  try {
    const page = await context.newPage();
    await hostPage(page, url, { 'policy-src': '/fixtures/redirect.json', policy: 'example-borough', tree: 'gifts' });
    const panel = page.locator('probity-widget .pb-error-summary');
    await panel.waitFor();
    assert.match(await panel.innerText(), /redirect/);
    assert.equal(await page.locator('probity-widget h1', { hasText: 'How much is the gift worth?' }).count(), 0);
  } finally {
    await close();
  }
});

test('policy-src refuses a file over 512 KB', async () => {
  const { context, url, close } = await launch({ routes });
  try {
    const page = await context.newPage();
    await hostPage(page, url, { 'policy-src': '/fixtures/big.json', policy: 'example-borough', tree: 'gifts' });
    const panel = page.locator('probity-widget .pb-error-summary');
    await panel.waitFor();
    assert.match(await panel.innerText(), /512 KB/);
    assert.equal(await page.locator('probity-widget h1', { hasText: 'How much is the gift worth?' }).count(), 0);
  } finally {
    await close();
  }
});

test('a policy from policy-src is labelled with where it came from', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await hostPage(page, url, { 'policy-src': '/fixtures/custom-policy.json', policy: 'example-borough', tree: 'gifts' });
    await page.locator('probity-widget h1', { hasText: 'How much is the gift worth?' }).waitFor();
    const label = page.locator('probity-widget [data-policy-source]');
    assert.match(await label.innerText(), /\/fixtures\/custom-policy\.json/);
    assert.match(await label.innerText(), /not one of the policies built into/);
    // A built-in council carries no such label.
    await hostPage(page, url, { policy: 'kent', tree: 'gifts' });
    await live(page);
    assert.equal(await page.locator('probity-widget [data-policy-source]').count(), 0);
  } finally {
    await close();
  }
});

test('a policy that makes the widget fail shows its crash panel (installed before the policy is read)', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await hostPage(page, url, { 'policy-src': '/fixtures/overflow-policy.json' });
    const panel = page.locator('probity-widget .pb-error-summary');
    await panel.waitFor();
    const text = await panel.innerText();
    // Either the core refuses the bound (once it checks magnitudes) or the widget crashed and
    // said so in its own words; never a raw "unreachable" from the JavaScript side.
    assert.ok(/stopped unexpectedly/.test(text) || /could not be loaded/.test(text), text);
    assert.doesNotMatch(text, /unreachable|RuntimeError/);
    if (/stopped unexpectedly/.test(text)) assert.ok(errors.some((e) => /^probity: /.test(e)), `the panic is logged: ${errors}`);
  } finally {
    await close();
  }
});
