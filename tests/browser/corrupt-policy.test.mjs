// The compiled policy files (www/pkg/policies/<id>.bin, checked at build time): the widget never
// trusts one blindly. A damaged file, another council's file or a file of another format version
// is refused with the widget's error panel, naming the file, and no question of it is offered.
// Also: a one-council page fetches only its council, and the compare page fetches the others
// when it opens (with an error panel if that fails).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openTreePage, repo, paths, walkPath } from './harness.mjs';

// The shortest walk through Kent's gifts tree, to reach an outcome and its compare button.
const walk = paths('kent', 'gifts').reduce((a, b) => (b.steps.length < a.steps.length ? b : a));

const policies = path.join(repo, 'www', 'pkg', 'policies');
const kent = fs.readFileSync(path.join(policies, 'kent.bin'));
const serve = (bytes) => (req, res) => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes);
const flipped = (bytes, at) => { const copy = Buffer.from(bytes); copy[at] ^= 0x20; return copy; };

/** Opens Kent's list of questions (embed.html, no first page to hide behind) with kent.bin served as `bytes`. */
async function openKentWith(bytes) {
  return openTreePage('embed.html?policy=kent', { routes: { '/pkg/policies/kent.bin': serve(bytes) }, contextOptions: { serviceWorkers: 'block' } });
}

for (const [what, bytes, says] of [
  ['a byte changed in the middle', flipped(kent, Math.floor(kent.length / 2)), 'damaged'],
  ['cut short', kent.subarray(0, kent.length - 100), 'damaged'],
  ['an HTML page instead', Buffer.from('<!doctype html><title>Not found</title>'), 'not a compiled policy'],
  ['another format version', flipped(kent, 4), 'format'],
  ['another council\u2019s sound file', fs.readFileSync(path.join(policies, 'derbyshire.bin')), '`derbyshire'],
]) {
  test(`a compiled policy file that is ${what} is refused with the error panel`, async () => {
    const { page, close } = await openKentWith(bytes);
    try {
      const panel = page.locator('probity-widget [data-live] .pb-error-summary');
      await panel.waitFor();
      const text = await panel.innerText();
      assert.match(text, /could not be loaded/);
      assert.ok(text.includes(says), `the panel says "${says}": ${text}`);
      assert.ok(text.includes('kent'), `the panel names the file: ${text}`);
      assert.equal(await page.locator('probity-widget [data-live] [data-tree], probity-widget [data-live] input[type=radio]').count(), 0,
        'no question of the refused policy is offered');
    } finally {
      await close();
    }
  });
}

test('the sound file loads: the same page without the fault shows Kent\u2019s questions', async () => {
  const { page, close } = await openKentWith(kent);
  try {
    await page.locator('probity-widget [data-live] .pb-widget').waitFor();
    assert.equal(await page.locator('probity-widget [data-live] .pb-error-summary').count(), 0);
    assert.ok(await page.locator('probity-widget [data-live] [data-tree="gifts"]').count() > 0, 'Kent\u2019s gifts question is offered');
  } finally {
    await close();
  }
});

test('a one-council page fetches its council only; the compare page fetches the others when opened', async () => {
  const { page, requests, close } = await openTreePage('embed/kent/gifts.html', { contextOptions: { serviceWorkers: 'block' } });
  try {
    const fetched = () => requests.filter((r) => r.startsWith('/pkg/policies/')).map((r) => r.replace(/\?.*/, ''));
    assert.deepEqual(fetched(), ['/pkg/policies/kent.bin']);
    await walkPath(page, walk);
    await page.locator('probity-widget button', { hasText: 'How do other councils treat this?' }).click();
    await page.locator('probity-widget table.pb-table').waitFor();
    assert.deepEqual([...new Set(fetched())].sort(), ['derbyshire', 'kent', 'milton-keynes', 'oxfordshire', 'part-6b'].map((id) => `/pkg/policies/${id}.bin`));
    assert.ok(await page.locator('probity-widget table.pb-table tbody tr').count() >= 2, 'other councils are in the table');
  } finally {
    await close();
  }
});

test('if the other councils cannot be fetched, the compare page says so with an error panel', async () => {
  const broken = (req, res) => res.writeHead(500).end('no');
  const routes = Object.fromEntries(['derbyshire', 'milton-keynes', 'oxfordshire', 'part-6b'].map((id) => [`/pkg/policies/${id}.bin`, broken]));
  const { page, close } = await openTreePage('embed/kent/gifts.html', { routes, contextOptions: { serviceWorkers: 'block' } });
  try {
    await walkPath(page, walk);
    await page.locator('probity-widget button', { hasText: 'How do other councils treat this?' }).click();
    const panel = page.locator('probity-widget .pb-error-summary', { hasText: 'could not be loaded' });
    await panel.waitFor();
    assert.match(await panel.innerText(), /HTTP 500/);
  } finally {
    await close();
  }
});
