// Review 2026-11 row 2: the case the review found. Back from a yes / no / I'm not sure question
// to a yes / no one (Oxfordshire gifts), by the Back link and by the browser's Back button: the
// answer the widget keeps is the one shown selected. (every-path.test.mjs checks every path.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, live } from './harness.mjs';
import { expectPage, give, cont } from './walk-helpers.mjs';

test('Back from a 3-option question to a 2-option one shows the kept answer', async () => {
  const { context, url, close } = await launch({ viewport: { width: 320, height: 640 } });
  try {
    const page = await context.newPage();
    for (const [how, picked] of [['link', null], ['browser', null], ['link', 'no'], ['browser', 'no'], ['link', 'not_sure'], ['browser', 'yes']]) {
      await page.evaluate(() => sessionStorage.clear()).catch(() => {});
      await page.goto(`${url}embed/oxfordshire/gifts.html`);
      await live(page);
      await give(page, 'gift');
      await cont(page);
      await expectPage(page, 'offer_invited', how);
      await give(page, 'no');
      await cont(page);
      await expectPage(page, 'improper_motive', how);
      // The officer may have picked an answer here before thinking again and going back.
      if (picked) await give(page, picked);
      if (how === 'link') await page.locator('probity-widget .pb-host[data-live] .pb-back-link').click();
      else await page.goBack();
      const shown = await expectPage(page, 'offer_invited', how);
      assert.equal(shown.shown, 'no', `${how} (${picked ?? 'nothing'} picked on the 3-option page): "No" is shown selected`);
    }
  } finally {
    await close();
  }
});
