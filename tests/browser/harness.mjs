// Shared set-up for the browser tests: Debian's chromium driven by playwright-core, the
// widget served from www/ on 127.0.0.1, and helpers to walk the widget like a person.

import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { start } from './server.mjs';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '..', '..');
export const artifacts = path.join(here, 'artifacts');
fs.mkdirSync(artifacts, { recursive: true });

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Starts the server and a fresh browser profile; returns { browser, context, url, requests, transfers, close }.
 * `root` serves another copy of the site (the build-update tests); `routes` answers chosen paths
 * with a test's own handler (a redirect, an oversized file).
 */
export async function launch({ csp = true, viewport = { width: 1280, height: 900 }, contextOptions = {}, root = path.join(repo, 'www'), routes = {} } = {}) {
  const srv = await start({ root, csp, routes, mounts: { '/fixtures/': path.join(here, 'fixtures') } });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
    viewport,
    acceptDownloads: true,
    ...contextOptions,
  });
  const outside = [];
  context.on('request', (r) => {
    const u = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol)) outside.push(r.url());
  });
  const close = async () => {
    await context.close();
    srv.server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, url: srv.url, requests: srv.requests, transfers: srv.transfers, outside, close };
}

/**
 * Launches as `launch` does (the same options), opens `pagePath` of the site (a per-tree page such as
 * `embed/kent/gifts.html`, or `embed.html?…`) in a new page and waits until the live widget has
 * taken over from the prerendered first page. `before(page)` runs before the page is loaded, for
 * what must be in place first (a route, a response to wait for, a CDP session). Returns what
 * `launch` returns and the `page`; on a failure here the browser is closed before the error goes on.
 */
export async function openTreePage(pagePath, { before, ...options } = {}) {
  const launched = await launch(options);
  try {
    const page = await launched.context.newPage();
    if (before) await before(page);
    await page.goto(`${launched.url}${pagePath}`);
    await live(page);
    return { ...launched, page };
  } catch (e) {
    await launched.close();
    throw e;
  }
}

/** The widget's shadow root content is reachable with ordinary locators (playwright pierces open shadow roots). */
export async function openWidget(page, url) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await live(page);
  return errors;
}

/** Waits until the live widget (not the prerendered first page, see www/takeover.js) is showing. */
export async function live(page) {
  await page.locator('probity-widget .pb-host[data-live] .pb-widget').first().waitFor();
}

/** Answers the current question page: a radio by option id, or text for money and numbers. */
export async function answer(page, value) {
  const radio = page.locator(`probity-widget .pb-radios__input[value="${value}"]`);
  if (await radio.count() > 0) {
    await radio.first().check();
  } else {
    await page.locator('probity-widget form .pb-input').fill(String(value));
  }
  await page.locator('probity-widget [data-continue]').click();
}

/** The element that has focus, looking inside the widget's shadow root (and any nested one). */
export async function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return el ? { tag: el.tagName.toLowerCase(), type: el.getAttribute('type') || '', value: el.value || '', text: el.textContent.trim().slice(0, 80), id: el.id } : null;
  });
}

export async function heading(page) {
  return (await page.locator('probity-widget h1').first().innerText()).trim();
}

export async function chooseCouncilAndTree(page, policy, tree) {
  const council = page.locator(`probity-widget input[name="pb-council"][value="${policy}"]`);
  if (await council.count() > 0) await council.check();
  await page.locator(`probity-widget button[data-tree="${tree}"]`).click();
}

/** Runs the probity CLI (built by `cargo build -p probity-cli`). */
import { execFileSync } from 'node:child_process';
export const probityBin = process.env.PROBITY_BIN || path.join(repo, 'target', 'debug', 'probity');
export function probity(args) {
  return execFileSync(probityBin, args, { cwd: repo, encoding: 'utf8' });
}

/** Every (policy, tree) pair, from the policies themselves. */
export function allTrees() {
  const bundle = JSON.parse(probity(['bundle']));
  return bundle.policies.flatMap((p) => Object.keys(p.trees).map((t) => ({ policy: p.policy.id, tree: t })));
}

/** The decision table of a tree (probity paths --format json). */
export function paths(policy, tree) {
  return JSON.parse(probity(['paths', '--policy', policy, '--tree', tree, '--format', 'json']));
}

/** True when the page scrolls sideways (it never should, down to 320 px). */
export async function scrollsSideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/** Walks one path of the decision table through the widget; returns the verdict shown. */
export async function walkPath(page, row, { onPage } = {}) {
  for (const step of row.steps) {
    const value = row.witness[step.fact];
    if (onPage) await onPage(step);
    await answer(page, typeof value === 'number' ? String(value) : value);
  }
  const panel = page.locator('probity-widget .pb-panel');
  await panel.waitFor();
  return panel.getAttribute('data-verdict');
}

/** Storage of every kind the page could write: nothing of Probity's should ever be here but sessionStorage. */
export async function storageSnapshot(page, context) {
  const inPage = await page.evaluate(async () => ({
    session: Object.keys(sessionStorage),
    local: Object.keys(localStorage),
    cookie: document.cookie,
    idb: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [],
    url: location.href,
  }));
  return { ...inPage, cookies: (await context.cookies()).map((c) => c.name) };
}

/**
 * "Record this" on the outcome, then every record detail the tree's register needs filled with a
 * plain valid value left as it is if already typed (text, a past date, the first choice, 10 for
 * money or a number); stays on the details page, where the declarant's fields are too.
 */
export async function openRecordDetails(page) {
  const button = page.locator('probity-widget .pb-host[data-live] [data-record-this]');
  if (await button.count()) await button.click();
  await page.locator('probity-widget .pb-host[data-live] .pb-details-page').waitFor();
  await fillRecordFields(page);
}

/** Fills every empty record detail on the details page with a plain valid value. */
export async function fillRecordFields(page) {
  const groups = page.locator('probity-widget .pb-host[data-live] [data-detail]');
  for (let i = 0; i < (await groups.count()); i += 1) {
    const group = groups.nth(i);
    const radios = group.locator('input[type="radio"]');
    if (await radios.count()) {
      if (!(await group.locator('input[type="radio"]:checked').count())) await radios.first().check();
      continue;
    }
    const inputs = group.locator('input');
    const n = await inputs.count();
    const values = n === 3 ? ['1', '2', '2024'] : [(await inputs.first().getAttribute('inputmode')) === 'decimal' ? '10' : 'Test value'];
    for (let j = 0; j < n; j += 1) {
      if (!(await inputs.nth(j).inputValue())) await inputs.nth(j).fill(values[j]);
    }
  }
}

/** Continue from the details page to "Check your details". */
export async function toCheck(page) {
  await page.locator('probity-widget .pb-host[data-live] .pb-details-page [data-continue]').click();
  await page.locator('probity-widget .pb-host[data-live] .pb-check').waitFor();
}

/** "Record this", the details filled, and on to the check page with Download, Copy and Print. */
export async function recordThis(page) {
  await openRecordDetails(page);
  await toCheck(page);
}

/** Opens every details section in the widget (Your answers, Why, …), so what is in them can be used. */
export async function openAllDetails(page) {
  await page.evaluate(() => document.querySelector('probity-widget').shadowRoot.querySelectorAll('details').forEach((d) => { d.open = true; }));
}
