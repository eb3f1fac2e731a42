// The policy studio (www/studio.html), used as a council's policy officer would: open Kent, make
// a mistake and see it at its line, fix it, change the lecture-fee share, read the change report,
// try the change in the real widget, and save a file `probity lint` accepts. Also: axe-core at
// 1280 px on every view, the keyboard, the strict CSP, the page's own size, and that the widget's
// wasm carries none of the studio.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { launch, repo, probityBin, artifacts } from './harness.mjs';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const KENT = fs.readFileSync(path.join(repo, 'policies', 'kent.toml'), 'utf8');
const lineOf = (text) => KENT.split('\n').findIndex((l) => l.startsWith(text)) + 1;
// The studio's own transfer, gzip as served: a regression guard (see docs/benchmarks.md).
const STUDIO_BUDGET = 900 * 1024;

/** Opens the studio in a fresh browser under the strict CSP, recording violations and errors. */
async function openStudio(options = {}) {
  const launched = await launch({ csp: true, viewport: { width: 1280, height: 900 }, ...options });
  await launched.context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await launched.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const responses = [];
  page.on('requestfinished', (r) => responses.push(r));
  await page.goto(`${launched.url}studio.html`);
  await page.locator('#summary[data-state="checked"]').waitFor();
  return { ...launched, page, errors, responses };
}

async function openKent(page, tree) {
  await page.selectOption('#built-in', 'kent.toml');
  await page.locator('#open-built-in button').click();
  await page.locator('#file-message', { hasText: 'Opened kent.toml' }).waitFor();
  if (tree) {
    await page.selectOption('#tree', tree);
    await page.waitForFunction((t) => document.getElementById('tree').value === t && document.querySelector('#summary[data-state="checked"]'), tree);
  }
}

/** The line the editor's cursor is on, as its highlighted line number shows it. */
const cursorLine = async (page) => Number(await page.locator('#editor .cm-activeLineGutter').first().innerText());
const checked = (page) => page.locator('#summary[data-state="checked"]').waitFor();

/** Find and replace in the editor, with its own search panel, as a person would. */
async function replaceAll(page, from, to) {
  await page.locator('#editor .cm-content').click();
  await page.keyboard.press('Control+f');
  const panel = page.locator('#editor .cm-search');
  await panel.locator('input[name="search"]').fill(from);
  await panel.locator('input[name="replace"]').fill(to);
  await panel.locator('button[name="replaceAll"]').click();
  await page.keyboard.press('Escape');
  await checked(page);
}

async function axe(page, name) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
  assert.deepEqual(violations, [], `axe on the studio, ${name}`);
}

/** Answers the widget's current question inside the "Try it" frame. */
async function answerInFrame(frame, value) {
  const radio = frame.locator(`probity-widget .pb-host[data-live] .pb-radios__input[value="${value}"]`);
  if (await radio.count()) await radio.check();
  else await frame.locator('probity-widget .pb-host[data-live] form .pb-input').fill(String(value));
  await frame.locator('probity-widget .pb-host[data-live] [data-continue]').click();
}

test('Kent in the studio: a mistake at its line, fixed; a changed share in the report, tried, and saved as a file lint accepts', async () => {
  const { page, errors, outside, close } = await openStudio();
  try {
    await openKent(page, 'fees');

    // A box in the graph takes the editor to its text.
    await page.locator('#tab-graph').click();
    const header = lineOf('[trees.fees.nodes.keep_half_fee]');
    await page.locator('#graph [data-node="keep_half_fee"]').click();
    assert.equal(await cursorLine(page), header, 'the graph box goes to the node header');

    // A lint error: `verdict` misspelt on the next line. It is listed with its code, message,
    // help and line, and marked in the editor at that line.
    await page.keyboard.press('ArrowDown');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Delete');
    await checked(page);
    await page.locator('#tab-problems').click();
    const problem = page.locator('#problems .studio-problem--error');
    await problem.first().waitFor();
    assert.equal(await problem.count(), 1);
    assert.equal(await problem.getAttribute('data-code'), 'P001');
    assert.equal(Number(await problem.getAttribute('data-line')), header + 1);
    assert.match(await problem.innerText(), /unknown field `verdic`[\s\S]*Help: fix the syntax or the misspelt key/);
    const marked = page.locator('#editor .cm-line:has(.cm-lintRange-error)');
    assert.match(await marked.innerText(), /^verdic = "yes_with_conditions"/, 'the mark is on the misspelt line');
    assert.match(await page.locator('#summary').innerText(), /1 error\b/);

    // Choosing the problem goes to its line; the officer puts the `t` back.
    await problem.locator('button[data-line]').click();
    assert.equal(await cursorLine(page), header + 1);
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'the editor scrolls, not the page, so the list stays in view');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.type('t');
    await checked(page);
    assert.equal(await page.locator('#problems .studio-problem--error').count(), 0);
    assert.match(await page.locator('#summary').innerText(), /0 errors/);

    // A value: officers lecturing in KCC's time keep three quarters of the fee, not half.
    await replaceAll(page, 'multiply = "0.5"', 'multiply = "0.75"');
    await page.locator('#tab-cases').click();
    assert.equal(await page.locator('#cases tr.case-failed').count(), 2, 'the two cases that expected half fail, highlighted');
    assert.match(await page.locator('#case-count').innerText(), /2 failing/);
    // Their expectations brought up to date: three quarters of £151.25 is £113.4375, rounded down.
    await replaceAll(page, 'amounts = ["75.62"]', 'amounts = ["113.43"]');
    await replaceAll(page, 'amounts = ["100.00"]', 'amounts = ["150.00"]');
    assert.equal(await page.locator('#cases tr.case-failed').count(), 0);
    assert.match(await page.locator('#cases').innerText(), /All \d+ cases pass/);

    // The change report lists exactly that change: one tree, one group of answers, its amount.
    await page.locator('#tab-changes').click();
    await page.locator('#change-summary').waitFor();
    assert.match(await page.locator('#change-summary').innerText(), /1 tree changed, 1 group of answers/);
    assert.deepEqual(await page.locator('#changes [data-tree]').evaluateAll((s) => s.map((e) => e.dataset.tree)), ['fees']);
    const region = page.locator('#changes .studio-region');
    assert.equal(await region.count(), 1);
    assert.equal(await region.getAttribute('data-changed'), 'amounts');
    const text = await region.innerText();
    assert.match(text, /In KCC's time, with permission|council_time_permitted/i);
    const fee = Number(text.match(/fee_amount = ([\d.]+)/)[1]);
    const pounds = (s) => Number(s.replace(/[£,]/g, ''));
    const [before, after] = [...text.matchAll(/Fee you may keep[^:]*: (£[\d,.]+)/g)].map((m) => pounds(m[1]));
    assert.equal(before, Math.floor(fee * 50) / 100, 'before: half the witness fee');
    assert.equal(after, Math.floor(fee * 75) / 100, 'after: three quarters');
    assert.equal(await page.locator('#changes .studio-change').count(), 1, 'no clause, tree or question changes besides');

    // Try it: the real widget, in the frame, running the edited policy.
    await page.locator('#tab-try').click();
    await page.locator('#try-start').click();
    const frame = page.frameLocator('#try-frame');
    await frame.locator('probity-widget .pb-host[data-live] .pb-widget').waitFor();
    await answerInFrame(frame, 'lecture');
    await answerInFrame(frame, 'council_time_permitted');
    await answerInFrame(frame, '200');
    const panel = frame.locator('probity-widget .pb-host[data-live]');
    await panel.locator('.pb-panel').waitFor();
    assert.match(await panel.innerText(), /£150\.00/, 'three quarters of £200');
    await page.screenshot({ path: path.join(artifacts, 'studio-try-it-1280.png') });

    // Saved to the device, the file passes `probity lint`, and differs from Kent in just those lines.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#save-toml').click()]);
    assert.equal(download.suggestedFilename(), 'kent.toml');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-studio-'));
    const file = path.join(dir, 'kent.toml');
    await download.saveAs(file);
    const lint = spawnSync(probityBin, ['lint', file], { cwd: repo, encoding: 'utf8' });
    assert.equal(lint.status, 0, `probity lint accepts the saved file:\n${lint.stdout}${lint.stderr}`);
    const saved = fs.readFileSync(file, 'utf8').split('\n');
    const changed = KENT.split('\n').filter((l, i) => l !== saved[i]);
    assert.equal(saved.length, KENT.split('\n').length);
    assert.equal(changed.length, 3, 'the share and the two cases');
    fs.rmSync(dir, { recursive: true, force: true });
    assert.match(await page.locator('#summary').innerText(), /No unsaved changes/);

    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'nothing refused by the CSP');
    assert.deepEqual(errors, []);
    assert.deepEqual(outside, [], 'nothing leaves the device');
  } finally {
    await close();
  }
});

test('axe-core finds nothing on the studio at 1280 px, on any of its views', async () => {
  const { page, close } = await openStudio();
  try {
    await openKent(page, 'gifts');
    await axe(page, 'problems');
    for (const tab of ['graph', 'paths', 'cases', 'changes', 'try']) {
      await page.locator(`#tab-${tab}`).click();
      await axe(page, tab);
    }
    // With an error listed, and the report against another version.
    await replaceAll(page, 'kind = "permission"', 'kind = "permision"');
    await page.locator('#tab-problems').click();
    await axe(page, 'problems with errors');
    await replaceAll(page, 'kind = "permision"', 'kind = "permission"');
    await page.selectOption('#tree', 'fees');
    await replaceAll(page, 'multiply = "0.5"', 'multiply = "0.6"');
    await page.locator('#tab-changes').click();
    await page.locator('#changes .studio-region').waitFor();
    await axe(page, 'change report');
    await page.screenshot({ path: path.join(artifacts, 'studio-changes-1280.png') });
    assert.ok(!(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1)), 'no sideways scroll at 1280 px');
  } finally {
    await close();
  }
});

test('the studio by keyboard: tabs by arrow keys, a box and a problem by Enter, and Tab leaves the editor', async () => {
  const { page, close } = await openStudio();
  try {
    await openKent(page, 'fees');
    await page.locator('#tab-problems').focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-graph');
    assert.ok(await page.locator('#panel-graph').isVisible());
    await page.keyboard.press('End');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-try');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');

    const box = page.locator('#graph [data-node="keep_whole_fee"]');
    await box.focus();
    await page.keyboard.press('Enter');
    assert.equal(await cursorLine(page), lineOf('[trees.fees.nodes.keep_whole_fee]'));
    // Escape then Tab leaves the editor (CodeMirror's own way out), so the keyboard is never trapped.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    assert.notEqual(await page.evaluate(() => document.activeElement.id), 'editor');
    assert.ok(await page.evaluate(() => !document.getElementById('editor').contains(document.activeElement)));

    // Kent lints clean, so make a problem to jump to: rename a clause, so a citation of it
    // names no clause (L011) and the renamed one is cited by nothing (L013).
    await replaceAll(page, '"L.7" = ', '"L.77" = ');
    await page.locator('#tab-problems').click();
    const warning = page.locator('#problems button[data-line]').first();
    const line = Number(await warning.getAttribute('data-line'));
    await warning.focus();
    await page.keyboard.press('Enter');
    assert.equal(await cursorLine(page), line);
  } finally {
    await close();
  }
});

test('opening another file never silently drops unsaved changes', async () => {
  const { page, close } = await openStudio();
  try {
    await openKent(page);
    await replaceAll(page, 'version = "', 'version = "edited ');
    await page.selectOption('#built-in', 'oxfordshire.toml');
    await page.locator('#open-built-in button').click();
    await page.locator('#file-message[data-kind="warning"]', { hasText: 'not saved' }).waitFor();
    assert.match(await page.locator('#summary').innerText(), /Kent County Council/, 'Kent, with the edit, is still open');
    await page.locator('#open-built-in button').click();
    await page.locator('#file-message', { hasText: 'Opened oxfordshire.toml' }).waitFor();
  } finally {
    await close();
  }
});

test("the studio's own transfer size is measured, and the widget's wasm carries none of it", async () => {
  const { page, responses, close } = await openStudio({ contextOptions: { serviceWorkers: 'block' } });
  try {
    await openKent(page);
    let total = 0;
    const lines = [];
    for (const r of responses) {
      const s = await r.sizes();
      const bytes = s.responseBodySize + s.responseHeadersSize;
      total += bytes;
      lines.push(`${String(bytes).padStart(8)}  ${new URL(r.url()).pathname}`);
    }
    console.log(`studio, Kent open: ${total} bytes (${(total / 1024).toFixed(1)} KB)\n${lines.join('\n')}`);
    assert.ok(total <= STUDIO_BUDGET, `the studio is ${total} bytes, over its ${STUDIO_BUDGET}-byte budget`);
    assert.ok(!responses.some((r) => new URL(r.url()).pathname === '/pkg/probity_web_bg.wasm'), 'the studio does not load the widget until "Try it"');
  } finally {
    await close();
  }
  // The TOML reader is in the studio's wasm only: the checker module (policy-src) says it reads
  // JSON only, and the widget reads no policy text at all (its policies arrive compiled).
  const widget = fs.readFileSync(path.join(repo, 'www', 'pkg', 'probity_web_bg.wasm'));
  const checker = fs.readFileSync(path.join(repo, 'www', 'checker', 'pkg', 'probity_checker_bg.wasm'));
  const studio = fs.readFileSync(path.join(repo, 'www', 'studio', 'pkg', 'probity_studio_bg.wasm'));
  const jsonOnly = 'this build reads policies as JSON only';
  assert.ok(checker.includes(jsonOnly), 'the checker module is built without the TOML reader');
  assert.ok(!widget.includes(jsonOnly), 'the widget has no policy reader');
  assert.ok(!studio.includes(jsonOnly), 'the studio is built with it');
  console.log(`widget wasm ${widget.length} bytes (${zlib.gzipSync(widget, { level: 9 }).length} gzip); studio wasm ${studio.length} bytes (${zlib.gzipSync(studio, { level: 9 }).length} gzip)`);
});
