// Declarations made in the real widget as officers make them, for the register page's tests
// (issue 12's "done when": the register page loads what the widget downloads, beside files the
// CLI makes). Each journey ends by downloading the declaration to a file and returns its path.
// interests.test.mjs and record-details.test.mjs test these pages closely (with the steps
// exported here); these journeys only get through them.

import assert from 'node:assert/strict';
import path from 'node:path';
import { openWidget, chooseCouncilAndTree, answer, heading, toCheck } from './harness.mjs';

const w = (page, sel, options) => page.locator(`probity-widget .pb-host[data-live] ${sel}`, options);

/** Presses Download on the check page and saves the declaration to `file`; the name the widget suggested too. */
export async function downloadDeclaration(page, file) {
  const [d] = await Promise.all([page.waitForEvent('download'), w(page, '[data-download]').click()]);
  await d.saveAs(file);
  return { file, suggested: d.suggestedFilename() };
}

async function download(page, file) {
  return (await downloadDeclaration(page, file)).file;
}

/** On the add-another page: one interest, walked through the interests tree with these answers, then its details. */
export async function addInterest(page, answers, details) {
  await answer(page, 'yes');
  for (const a of answers) await answer(page, a);
  await w(page, '.pb-panel').waitFor();
  await w(page, '[data-record-this]', { hasText: 'Add this interest' }).click();
  await w(page, '.pb-details-page').waitFor();
  assert.equal(await heading(page), 'About this interest');
  for (const [field, value] of Object.entries(details)) {
    const radio = w(page, `input[name="pb-detail-${field}"][value="${value}"]`);
    if (await radio.count()) await radio.check();
    else await w(page, `#pb-detail-${field}`).fill(value);
  }
  await w(page, '[data-continue]').click();
  await w(page, '[data-interest-list]').waitFor();
}

async function declarant(page, { name, jobTitle, team }) {
  await w(page, '#pb-name').fill(name);
  await w(page, '#pb-job-title').fill(jobTitle);
  await w(page, '#pb-team').fill(team);
}

/** Kent gifts: a contractor's bottle of wine, declined; the details typed, checked, downloaded. */
export async function kentGiftDeclaration(context, url, dir) {
  const page = await context.newPage();
  await openWidget(page, url);
  await chooseCouncilAndTree(page, 'kent', 'gifts');
  for (const a of ['gift', 'contractor', 'alcohol']) await answer(page, a);
  await w(page, '[data-record-this]').click();
  await w(page, '.pb-details-page').waitFor();
  await w(page, '#pb-detail-offered_by_person').fill('Sam Supplier');
  await w(page, '#pb-detail-offered_by_organisation').fill('Acme Catering Ltd');
  await w(page, '#pb-detail-what_offered').fill('A bottle of wine');
  await w(page, '#pb-detail-date_offered').fill('3');
  await w(page, '#pb-detail-date_offered-month').fill('11');
  await w(page, '#pb-detail-date_offered-year').fill('2026');
  await w(page, '#pb-detail-action_taken-declined').check();
  await declarant(page, { name: 'Ada Widget', jobTitle: 'Highways engineer', team: 'Highways' });
  await toCheck(page);
  const file = await download(page, path.join(dir, 'widget-kent-gifts.json'));
  await page.close();
  return file;
}

async function startInterests(context, url, council, occasion) {
  const page = await context.newPage();
  await openWidget(page, url);
  await w(page, `input[name="pb-council"][value="${council}"]`).check();
  await w(page, '[data-interests]').click();
  await answer(page, occasion);
  await w(page, 'input[name="pb-field-add_another"]').first().waitFor();
  return page;
}

/** Oxfordshire, on appointment: nothing to declare. */
export async function oxfordshireNilDeclaration(context, url, dir) {
  const page = await startInterests(context, url, 'oxfordshire', 'on_appointment');
  await answer(page, 'no');
  await w(page, '.pb-details-page').waitFor();
  await declarant(page, { name: 'Olu Widget', jobTitle: 'Social worker', team: 'Children' });
  await toCheck(page);
  const file = await download(page, path.join(dir, 'widget-oxfordshire-nil.json'));
  await page.close();
  return file;
}

/** Kent's annual declaration with two interests, each walked through Kent's interests tree. */
export async function kentTwoInterestsDeclaration(context, url, dir) {
  const page = await startInterests(context, url, 'kent', 'annual');
  const interests = [
    [['financial', 'yes'], { interest_body: 'Widget Holdings Ltd', interest_description: 'Shareholder', interest_of: 'mine' }],
    [['non_financial', 'no', 'no', 'yes'], { interest_body: 'Canterbury Choir', interest_description: 'Trustee', interest_of: 'mine' }],
  ];
  for (const [answers, details] of interests) await addInterest(page, answers, details);
  await answer(page, 'no');
  await w(page, '.pb-details-page').waitFor();
  await declarant(page, { name: 'Kit Widget', jobTitle: 'Buyer', team: 'Procurement' });
  await toCheck(page);
  const file = await download(page, path.join(dir, 'widget-kent-interests.json'));
  await page.close();
  return file;
}
