// Every path of every tree of all five councils (`probity paths --format json`), walked through
// the real widget on a 320 × 640 phone screen.
//
// Review 2026-11 rows 2 and 8, "the answer shown is the answer kept": at each Back link, each
// Continue after going back, each browser Back and Forward, a reload and each Change link, the
// question shown is the one expected and its selected option (or typed text) is the answer the
// widget keeps. After going back, Continue steps through the answered questions one at a time.
//
// Review row 11, "a short outcome page on a phone": on every outcome the verdict, what to do
// and the clause that decides end within two screens (1280 px), Download/Print starts within
// three and a half (2240 px),
// and the outcome's full height is recorded (tests/browser/artifacts/outcome-heights-320.json).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, live, allTrees, paths, artifacts } from './harness.mjs';
import { expectPage, give, cont } from './walk-helpers.mjs';

const SCREEN = { width: 320, height: 640 };

/** Heights on the outcome page, in CSS pixels from the top of the widget. */
function measure(page) {
  return page.evaluate(() => {
    const root = document.querySelector('probity-widget').shadowRoot.querySelector('.pb-host[data-live] .pb-widget');
    const top = root.getBoundingClientRect().top;
    const bottom = (sel) => Math.max(0, ...[...root.querySelectorAll(sel)].map((e) => e.getBoundingClientRect().bottom - top));
    const export_ = root.querySelector('[data-record-this]');
    return {
      height: Math.round(root.getBoundingClientRect().height),
      // The verdict, what to do and the clause that decides.
      key: Math.round(Math.max(bottom('.pb-panel'), bottom('[data-what-to-do]'), bottom('[data-deciding]'))),
      deciding: root.querySelectorAll('[data-deciding]').length,
      exportTop: export_ ? Math.round(export_.getBoundingClientRect().top - top) : null,
    };
  });
}

const problems = [];
const heights = [];

describe('every path of every tree at 320 px', () => {
  before(async () => {
    const { context, url, close } = await launch({ viewport: SCREEN });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(5000); // a control that cannot be used fails this path quickly
      page.on('pageerror', (e) => problems.push(`page error: ${e}`));
      // ONLY=kent/fees runs one tree (for looking into a failure).
      const only = process.env.ONLY;
      for (const { policy, tree } of allTrees().filter((t) => !only || `${t.policy}/${t.tree}` === only)) {
        for (const [n, row] of paths(policy, tree).entries()) {
          const where = `${policy}/${tree} path ${n + 1}`;
          const facts = row.steps.map((s) => s.fact);
          const kept = (fact) => String(row.witness[fact]);
          let doing = 'opening the tree';
          const check = async (fact, how) => {
            const shown = await expectPage(page, fact, `${where} ${how}`);
            if (fact !== 'outcome' && shown.shown !== kept(fact)) {
              problems.push(`${where} ${how}: ${fact} shows "${shown.shown}", kept "${kept(fact)}"`);
            }
          };
          try {
            await page.evaluate(() => sessionStorage.clear()).catch(() => {});
            await page.goto(`${url}embed/${policy}/${tree}.html`);
            await live(page);
            // Forward, answering as the path does.
            doing = 'forward';
            for (const fact of facts) {
              await expectPage(page, fact, `${where} forward`);
              await give(page, kept(fact));
              await cont(page);
            }
            const end = await expectPage(page, 'outcome', `${where} outcome`);
            assert.equal(end.verdict, row.verdict, `${where}: verdict`);
            heights.push({ where, outcome: row.outcome, ...(await measure(page)) });
            // A tree that settles the matter without a question has nothing to go back to.
            if (facts.length === 0) continue;
            // The Back link, question by question to the first.
            doing = 'Back link';
            for (const fact of [...facts].reverse()) {
              await page.locator('probity-widget .pb-host[data-live] .pb-back-link').click();
              await check(fact, 'Back link');
            }
            // Continue after going back: one answered question at a time, each answer shown.
            doing = 'Continue after Back';
            for (const fact of facts.slice(1)) {
              await cont(page);
              await check(fact, 'Continue after Back');
            }
            await cont(page);
            await expectPage(page, 'outcome', `${where} Continue to the outcome`);
            // The browser's Back and Forward buttons.
            doing = 'browser Back and Forward';
            for (const fact of [...facts].reverse()) {
              await page.goBack();
              await check(fact, 'browser Back');
            }
            for (const fact of facts.slice(1)) {
              await page.goForward();
              await check(fact, 'browser Forward');
            }
            await page.goForward();
            await expectPage(page, 'outcome', `${where} browser Forward to the outcome`);
            // A reload on the last question keeps the walk and the answer shown.
            doing = 'reload';
            await page.goBack();
            await check(facts.at(-1), 'browser Back before reload');
            await page.reload();
            await live(page);
            await check(facts.at(-1), 'reload');
            await cont(page);
            await expectPage(page, 'outcome', `${where} Continue after reload`);
            // Each Change link opens its question with the kept answer; Continue returns to the outcome.
            for (const fact of facts) {
              doing = `Change link for ${fact}`;
              await page.evaluate(() => document.querySelector('probity-widget').shadowRoot.querySelectorAll('details').forEach((d) => { d.open = true; }));
              await page.locator(`probity-widget .pb-host[data-live] [data-change="${fact}"]`).click();
              await check(fact, 'Change link');
              await cont(page);
              await expectPage(page, 'outcome', `${where} Continue after Change`);
            }
          } catch (e) {
            problems.push(`${where}, ${doing}: ${String(e.message || e).split('\n')[0]}`);
          }
        }
      }
    } finally {
      await close();
    }
    fs.writeFileSync(path.join(artifacts, 'outcome-heights-320.json'), JSON.stringify(heights, null, 1));
  });

  it('shows the kept answer at every Back, Continue, browser Back/Forward, reload and Change', () => {
    if (!process.env.ONLY) assert.ok(heights.length >= 390, `every path walked (${heights.length})`);
    assert.deepEqual(problems.slice(0, 30), [], `${problems.length} problems`);
  });

  it('puts the verdict, what to do and the deciding clause within about two screens, Download/Print within about three', () => {
    const sorted = heights.map((h) => h.height).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(`outcome height at 320 px over ${sorted.length} outcomes: median ${median} px, maximum ${sorted.at(-1)} px`);
    const tooLong = heights.filter((h) => h.key > 2 * SCREEN.height || h.deciding === 0).map((h) => `${h.where}: key ${h.key} px, deciding clause ${h.deciding}`);
    assert.deepEqual(tooLong.slice(0, 20), [], `${tooLong.length} outcomes whose first part is over two screens or lacks the deciding clause`);
    const exports = heights.map((h) => h.exportTop ?? Infinity).sort((a, b) => a - b);
    console.log(`Download/Print at 320 px: median ${exports[Math.floor(exports.length / 2)]} px, maximum ${exports.at(-1)} px`);
    const farExport = heights.filter((h) => h.exportTop === null || h.exportTop > 3.5 * SCREEN.height).map((h) => `${h.where}: export at ${h.exportTop} px`);
    assert.deepEqual(farExport.slice(0, 20), [], `${farExport.length} outcomes with Download/Print beyond about three screens`);
  });

  after(() => {});
});
