// Security review rows 10 and 11: two builds never mix. Every file the widget loads after its
// entry script carries the build id in its URL; the service worker keeps one build's own file
// list in a cache named by that id (never a policy-src file, never another same-origin response,
// never a match that ignores the query); a kiosk picks up a new build after its next reset.
//
// Each test serves a copy of www/ and "deploys" by rewriting the build id files and marking the
// stylesheet, so what the page uses can be told apart: build A's marker, or build B's.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, live, repo } from './harness.mjs';

const A = 'aaaaaaaaaaaa';
const B = 'bbbbbbbbbbbb';

/** A copy of the built site, to deploy builds into. */
function site() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-site-'));
  fs.cpSync(path.join(repo, 'www'), root, { recursive: true });
  return root;
}

/** "Deploys" build `id` into `root`: its id files, and a stylesheet marked with it. The list of
 * compiled policies in pkg/build.js is kept: the same policy files under the new id. */
function deploy(root, id, css) {
  const file = path.join(root, 'pkg', 'build.js');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/export const BUILD = '\w+';/, `export const BUILD = '${id}';`));
  fs.writeFileSync(path.join(root, 'pkg', 'build.json'), `${JSON.stringify({ build: id })}\n`);
  fs.writeFileSync(path.join(root, 'probity.css'), `${css}\n.pb-widget { --probity-build: "${id}"; }\n`);
}

/** Which build's stylesheet the live widget uses. */
const marker = (page) => page.locator('probity-widget .pb-host[data-live] .pb-widget').first()
  .evaluate((el) => getComputedStyle(el).getPropertyValue('--probity-build').trim().replace(/"/g, ''));

const versioned = (requests) => requests.filter((r) => /probity\.css|pkg\/(probity_web|first-pages)/.test(r));

test('a new build replaces the old one whole: online, offline and in the cache', async () => {
  const root = site();
  const css = fs.readFileSync(path.join(root, 'probity.css'), 'utf8');
  deploy(root, A, css);
  const { context, url, requests, close } = await launch({ root });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await live(page);
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await page.reload();
    await live(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    assert.equal(await marker(page), A);
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`probity-${A}`]);

    deploy(root, B, css);
    const from = requests.length;
    await page.reload();
    await live(page);
    assert.equal(await marker(page), B, "online, B's stylesheet");
    // The new worker takes over and keeps only B's files.
    await page.waitForFunction((b) => navigator.serviceWorker.controller?.scriptURL.includes(`build=${b}`), B, { timeout: 10000 });
    await page.waitForFunction(async (b) => (await caches.keys()).join() === `probity-${b}`, B, { timeout: 10000 });
    const loaded = versioned(requests.slice(from));
    assert.ok(loaded.length > 0 && loaded.every((r) => r.endsWith(`?v=${B}`)), `every versioned file from B: ${loaded}`);

    await context.setOffline(true);
    await page.reload();
    await live(page);
    assert.equal(await marker(page), B, "offline, B's stylesheet from the cache");
    const cached = await page.evaluate(async () => (await (await caches.open((await caches.keys())[0])).keys()).map((r) => r.url));
    assert.ok(cached.every((u) => !u.includes(`v=${A}`)), `no file of A is kept: ${cached}`);
    // A query the cache does not hold is not answered with another one's file.
    const other = await page.evaluate(async () => {
      try { return (await fetch('pkg/probity_web.js?v=zzzzzzzzzzzz')).status; } catch { return 'network error'; }
    });
    assert.notEqual(other, 200, 'no ignoreSearch: another ?v= is not served from the cache');
  } finally {
    await context.setOffline(false);
    await close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('the service worker keeps only the widget own files: never a policy-src file or another response', async () => {
  const root = site();
  const css = fs.readFileSync(path.join(root, 'probity.css'), 'utf8');
  deploy(root, A, css);
  fs.mkdirSync(path.join(root, 'uploads'));
  fs.copyFileSync(path.join(repo, 'tests', 'browser', 'fixtures', 'custom-policy.json'), path.join(root, 'uploads', 'policy.json'));
  const { context, url, close } = await launch({ root });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await live(page);
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.evaluate(async () => {
      const w = document.createElement('probity-widget');
      w.setAttribute('policy-src', 'uploads/policy.json');
      w.setAttribute('policy', 'example-borough');
      w.setAttribute('tree', 'gifts');
      document.body.append(w);
      await fetch('fixtures/blank.html');
    });
    await page.locator('probity-widget h1', { hasText: 'How much is the gift worth?' }).waitFor();
    await page.waitForTimeout(500);
    const cached = await page.evaluate(async () => {
      const all = [];
      for (const key of await caches.keys()) all.push(...(await (await caches.open(key)).keys()).map((r) => new URL(r.url).pathname));
      return all;
    });
    assert.ok(cached.includes('/probity-widget.js'), `the widget's files are kept: ${cached}`);
    assert.ok(!cached.some((p) => p.startsWith('/uploads/') || p.startsWith('/fixtures/')), `nothing else: ${cached}`);
  } finally {
    await close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('a kiosk picks up a new build after its reset', async () => {
  const root = site();
  const css = fs.readFileSync(path.join(root, 'probity.css'), 'utf8');
  deploy(root, A, css);
  const { context, url, close } = await launch({ root });
  try {
    const page = await context.newPage();
    await page.goto(`${url}embed.html?kiosk=1&idle=6&policy=kent&tree=gifts`);
    await live(page);
    assert.equal(await marker(page), A);
    await page.evaluate(() => { window.__before = true; });
    deploy(root, B, css);
    // No reload while the walk is in use: still A until the idle reset.
    await page.locator('probity-widget .pb-radios__input').first().check();
    await page.waitForTimeout(1000);
    assert.equal(await page.evaluate(() => window.__before), true);
    await page.waitForFunction(() => window.__before === undefined, null, { timeout: 15000 });
    await live(page);
    assert.equal(await marker(page), B);
    assert.equal(await page.locator('probity-widget .pb-widget.pb-kiosk').count(), 1, 'still a kiosk after the reload');
  } finally {
    await close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
