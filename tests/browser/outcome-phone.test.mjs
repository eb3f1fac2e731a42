// Review 2026-11 row 11: phones. GOV.UK's smaller type on narrow screens; a short outcome page
// whose verdict, what to do (with who) and deciding clause come first, with "Why", "Your answers"
// and the full clauses as details that do not repeat one another; a note's longer reading
// behind "More about this". every-path.test.mjs measures every outcome's height at 320 px.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, openWidget, chooseCouncilAndTree, answer, artifacts } from './harness.mjs';

const size = (page, selector) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).fontSize);

test('type scales down on a narrow screen as GOV.UK\'s does', async () => {
  for (const [width, h1, body] of [[320, '24px', '16px'], [1280, '32px', '19px']]) {
    const { context, url, close } = await launch({ viewport: { width, height: 800 } });
    try {
      const page = await context.newPage();
      await openWidget(page, url);
      await chooseCouncilAndTree(page, 'oxfordshire', 'gifts');
      assert.equal(await size(page, 'probity-widget h1'), h1, `question heading at ${width} px`);
      assert.equal(await size(page, 'probity-widget .pb-radios__label'), body, `option text at ${width} px`);
      if (width === 320) await page.screenshot({ path: path.join(artifacts, 'phone-question-320.png'), fullPage: true });
    } finally {
      await close();
    }
  }
});

test('the outcome: verdict, what to do and the deciding clause first; the rest in details, nothing repeated', async () => {
  const { context, url, close } = await launch({ viewport: { width: 320, height: 640 } });
  try {
    const page = await context.newPage();
    await openWidget(page, url);
    await chooseCouncilAndTree(page, 'kent', 'fees');
    for (const a of ['lecture', 'council_time_permitted', '375.55']) await answer(page, a);
    await page.locator('probity-widget .pb-panel').waitFor();
    await page.screenshot({ path: path.join(artifacts, 'phone-outcome-320.png'), fullPage: true });
    const outcome = page.locator('probity-widget .pb-outcome');
    // What to do names who does each thing.
    const todo = await outcome.locator('[data-what-to-do] li').allInnerTexts();
    assert.ok(todo.length >= 2 && todo.every((t) => /^(Your Managing Director|You)\b/.test(t)), JSON.stringify(todo));
    // The clause that decides is quoted before any details.
    const deciding = outcome.locator('[data-deciding]');
    assert.match(await deciding.innerText(), /retain half of any fee payable/);
    const summaries = await outcome.locator('details > summary').allInnerTexts();
    for (const s of ['Why', 'Your answers', 'What the code says']) assert.ok(summaries.some((x) => x.startsWith(s)), `a "${s}" details (${summaries})`);
    assert.equal(await outcome.locator('details[open]').count(), 0, 'closed until opened');
    // Nothing is said twice: each question once, each clause's text once.
    const all = await outcome.evaluate((el) => el.textContent);
    for (const q of ['What is the fee for?', 'When and for whom is the lecture?', 'How much is the fee?']) {
      assert.equal(all.split(q).length - 1, 1, `"${q}" appears once`);
    }
    for (const ref of ['G.6', 'G.5', 'L.2']) {
      assert.equal(await outcome.locator(`blockquote[data-cite="${ref}"]`).count(), 1, `${ref} quoted once`);
    }
    // "Record this" (the way to Download) sits within about three screens, not seven and a half
    // (the notes, which qualify the answer, come before it).
    const download = await outcome.locator('[data-record-this]').boundingBox();
    const top = await outcome.boundingBox();
    assert.ok(download.y - top.y < 3.5 * 640, `Download at ${Math.round(download.y - top.y)} px`);
  } finally {
    await close();
  }
});

test('a note\'s longer reading is behind "More about this"', async () => {
  const { context, url, close } = await launch({ viewport: { width: 320, height: 640 } });
  try {
    const page = await context.newPage();
    await openWidget(page, `${url}fixtures/hosts/note-detail.html`);
    await answer(page, '30');
    await page.locator('probity-widget .pb-panel').waitFor();
    const note = page.locator('probity-widget [data-note="interpretation"]');
    assert.match(await note.innerText(), /treats exactly £25 as declined/);
    const more = note.locator('details');
    assert.equal((await more.locator('summary').innerText()).trim(), 'More about this');
    assert.equal(await more.evaluate((d) => d.open), false);
    await more.locator('summary').click();
    assert.match(await more.innerText(), /measured before or after VAT/);
  } finally {
    await close();
  }
});
