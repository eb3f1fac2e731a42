// The walking skeleton, end to end: the Kent gifts tree answered through the real widget in
// headless Chromium, the declaration downloaded, and `probity verify` accepting the file.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openWidget, chooseCouncilAndTree, answer, heading, artifacts, repo, openRecordDetails, toCheck } from './harness.mjs';

const probity = process.env.PROBITY_BIN || path.join(repo, 'target', 'debug', 'probity');

test('Kent gifts: a bottle of wine from a supplier, to a verified declaration', async () => {
  const { context, url, outside, close } = await launch();
  try {
    const page = await context.newPage();
    const errors = await openWidget(page, url);
    await chooseCouncilAndTree(page, 'kent', 'gifts');
    assert.match(await heading(page), /What have you been offered/i);
    await answer(page, 'gift');
    await answer(page, 'contractor');
    await answer(page, 'alcohol');

    const panel = page.locator('probity-widget .pb-panel');
    await panel.waitFor();
    assert.equal(await panel.getAttribute('data-verdict'), 'no');
    assert.match(await panel.innerText(), /No, you cannot/);
    const quotes = await page.locator('probity-widget blockquote[data-cite]').allInnerTexts();
    assert.ok(quotes.some((q) => q.includes("Gifts, 'fees', personal discounts")), 'L.2 is quoted');
    await page.screenshot({ path: path.join(artifacts, 'kent-gifts-outcome-1280.png'), fullPage: true });

    await openRecordDetails(page);
    await page.locator('probity-widget #pb-name').fill('A. Officer');
    await toCheck(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('probity-widget [data-download]').click(),
    ]);
    assert.match(download.suggestedFilename(), /^probity-declaration-kent-gifts\.json$/);
    const file = path.join(artifacts, 'kent-gifts-declaration.json');
    await download.saveAs(file);
    const declaration = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(declaration.schema, 'probity.declaration');
    assert.equal(declaration.declarant.name, 'A. Officer');
    assert.equal(declaration.answers.length, 3);

    const out = execFileSync(probity, ['verify', file], { cwd: repo, encoding: 'utf8' });
    assert.match(out, /^valid: kent › gifts/);
    assert.deepEqual(errors, []);
    assert.deepEqual(outside, [], 'no request leaves 127.0.0.1');
  } finally {
    await close();
  }
});
