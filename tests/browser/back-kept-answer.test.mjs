// Review 2026-11 row 2: the case the review found. Back from a yes / no / I'm not sure question
// to a yes / no one (the review found it on Oxfordshire gifts; since the sign-off rewrite that
// tree starts with choices, so the same shape is taken on Oxfordshire outside work), by the Back link and by the browser's Back button: the
// answer the widget keeps is the one shown selected. (every-path.test.mjs checks every path.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, live, openTreePage } from './harness.mjs';
import { expectPage, give, cont } from './walk-helpers.mjs';

test('Back from a 3-option question to a 2-option one shows the kept answer', async () => {
  const { context, url, close } = await launch({ viewport: { width: 320, height: 640 } });
  try {
    const page = await context.newPage();
    for (const [how, picked] of [['link', null], ['browser', null], ['link', 'no'], ['browser', 'no'], ['link', 'not_sure'], ['browser', 'yes']]) {
      await page.evaluate(() => sessionStorage.clear()).catch(() => {});
      await page.goto(`${url}embed/oxfordshire/outside-work.html`);
      await live(page);
      await expectPage(page, 'outside_work_uses_council_information', how);
      await give(page, 'no');
      await cont(page);
      await expectPage(page, 'outside_work_conflicts', how);
      // The officer may have picked an answer here before thinking again and going back.
      if (picked) await give(page, picked);
      if (how === 'link') await page.locator('probity-widget .pb-host[data-live] .pb-back-link').click();
      else await page.goBack();
      const shown = await expectPage(page, 'outside_work_uses_council_information', how);
      assert.equal(shown.shown, 'no', `${how} (${picked ?? 'nothing'} picked on the 3-option page): "No" is shown selected`);
    }
  } finally {
    await close();
  }
});

// Review 2026-11 row 8: after going Back, Continue steps through the answered questions one at a
// time (each with its answer shown), as GOV.UK services do, rather than jumping to the first
// unanswered one.
test('after Back, Continue steps through the answered questions one at a time', async () => {
  const { page, close } = await openTreePage('embed/oxfordshire/outside-work.html', { viewport: { width: 320, height: 640 } });
  try {
    for (const [fact, value] of [['outside_work_uses_council_information', 'no'], ['outside_work_conflicts', 'no'], ['outside_work_exceeds_working_time', 'no'], ['outside_work_paid', 'no']]) {
      await expectPage(page, fact, 'forward');
      await give(page, value);
      await cont(page);
    }
    await expectPage(page, 'offered_because_of_council_job', 'forward');
    for (const fact of ['outside_work_paid', 'outside_work_exceeds_working_time', 'outside_work_conflicts']) {
      await page.locator('probity-widget .pb-host[data-live] .pb-back-link').click();
      await expectPage(page, fact, 'Back');
    }
    await cont(page);
    assert.equal((await expectPage(page, 'outside_work_exceeds_working_time', 'Continue after Back')).shown, 'no');
    await cont(page);
    assert.equal((await expectPage(page, 'outside_work_paid', 'Continue again')).shown, 'no');
    await cont(page);
    await expectPage(page, 'offered_because_of_council_job', 'on to the first unanswered question');
    // The browser's Back retraces the same steps.
    await page.goBack();
    assert.equal((await expectPage(page, 'outside_work_paid', 'browser Back')).shown, 'no');
  } finally {
    await close();
  }
});
