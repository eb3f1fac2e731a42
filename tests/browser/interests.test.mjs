// The declaration of interests (issue 12 §5): for a code that asks one, "Make my declaration of
// interests": when, then "add another" (each interest walked through the council's interests
// tree to say whether it must be declared, then its details), or a nil declaration; checked,
// downloaded as a declaration v2 that `probity verify` accepts. A code that asks none says so.
// The downloaded files are kept in artifacts/ for the register page's tests.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openWidget, answer, heading, artifacts, probity, toCheck } from './harness.mjs';
import { addInterest, downloadDeclaration } from './officer-journeys.mjs';

const w = (page, sel, options) => page.locator(`probity-widget .pb-host[data-live] ${sel}`, options);

async function council(page, id) {
  await w(page, `input[name="pb-council"][value="${id}"]`).check();
}

async function download(page, name) {
  const { file: saved, suggested } = await downloadDeclaration(page, path.join(artifacts, name));
  return { saved, json: JSON.parse(fs.readFileSync(saved, 'utf8')), suggested };
}

test('Oxfordshire: a nil declaration on appointment, verified', async () => {
  const { context, url, outside, close } = await launch();
  try {
    const page = await context.newPage();
    const errors = await openWidget(page, url);
    await council(page, 'oxfordshire');
    await w(page, '[data-interests]').click();
    // Only the occasions Oxfordshire's code names.
    const occasions = await w(page, 'input[name="pb-field-occasion"]').evaluateAll((els) => els.map((e) => e.value));
    assert.deepEqual(occasions, ['on_appointment', 'on_change']);
    await answer(page, 'on_appointment');
    await w(page, 'input[name="pb-field-add_another"]').first().waitFor();
    assert.match(await w(page, '.pb-radios').innerText(), /No, I have nothing to declare/);
    await answer(page, 'no');
    await w(page, '.pb-details-page').waitFor();
    await w(page, '#pb-name').fill('Olu Officer');
    await w(page, '#pb-job-title').fill('Social worker');
    await toCheck(page);
    assert.match(await w(page, '[data-nil]').innerText(), /Nil declaration/);
    const { saved, json, suggested } = await download(page, 'oxfordshire-nil-interests.json');
    assert.equal(suggested, 'probity-interests-oxfordshire-on_appointment.json');
    assert.equal(json.kind, 'interests');
    assert.equal(json.nil, true);
    assert.equal(json.occasion, 'on_appointment');
    assert.deepEqual(json.interests, []);
    assert.equal(json.declarant.name, 'Olu Officer');
    assert.match(probity(['verify', saved]), /^valid: oxfordshire/);
    assert.deepEqual(errors, []);
    assert.deepEqual(outside, []);
  } finally {
    await close();
  }
});

test('Kent: an annual declaration of two interests, changed and checked as the Appendix 1 form reads, verified', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    const errors = await openWidget(page, url);
    await council(page, 'kent');
    await w(page, '[data-interests]').click();
    await answer(page, 'annual');
    await w(page, 'input[name="pb-field-add_another"]').first().waitFor();
    // Nothing chosen: the question says so.
    await w(page, '[data-continue]').click();
    assert.match(await w(page, '.pb-error-summary').innerText(), /Select yes if you have an interest to declare/);

    await addInterest(page, ['financial', 'yes'], { interest_body: 'Acme Ltd', interest_description: 'Director', interest_of: 'mine' });
    assert.equal(await heading(page), 'You have added 1 interest');
    // Its details are asked again if a required one is left out.
    await answer(page, 'yes');
    await answer(page, 'non_financial');
    await answer(page, 'yes');
    await w(page, '[data-record-this]').click();
    await w(page, '[data-continue]').click();
    assert.match(await w(page, '.pb-error-summary').innerText(), /Enter the body or person/);
    await w(page, '#pb-detail-interest_body').fill('Unison');
    await w(page, '#pb-detail-interest_description').fill('Member');
    await w(page, 'input[name="pb-detail-interest_of"][value="mine"]').check();
    await w(page, '[data-continue]').click();
    await w(page, '[data-interest-list]').waitFor();
    assert.equal(await heading(page), 'You have added 2 interests');

    // Change the first: its details come back as typed; the list keeps two.
    await w(page, '[data-interest-list] a', { hasText: 'Change' }).first().click();
    await w(page, '.pb-details-page').waitFor();
    assert.equal(await w(page, '#pb-detail-interest_body').inputValue(), 'Acme Ltd');
    await w(page, '#pb-detail-interest_description').fill('Director and shareholder');
    await w(page, '[data-continue]').click();
    await w(page, '[data-interest-list]').waitFor();
    assert.equal(await w(page, '[data-interest-list] .pb-summary-list__row').count(), 2);

    await answer(page, 'no');
    await w(page, '.pb-details-page').waitFor();
    await w(page, '#pb-name').fill('Kim Officer');
    await toCheck(page);
    assert.equal(await heading(page), 'Check your declaration');
    const headers = await w(page, '[data-interests] th').allInnerTexts();
    assert.deepEqual(headers.slice(0, 3), ['Interest declared', 'Must it be declared?', 'Management action']);
    assert.equal(await w(page, '[data-interests] tbody tr').count(), 2);
    assert.deepEqual(await w(page, '[data-management-action]').allInnerTexts(), ['', ''], 'left blank for the manager');
    assert.match(await w(page, '[data-interests]').innerText(), /Director and shareholder/);

    const { saved, json } = await download(page, 'kent-annual-interests.json');
    assert.equal(json.kind, 'interests');
    assert.equal(json.occasion, 'annual');
    assert.equal(json.nil, false);
    assert.equal(json.interests.length, 2);
    assert.equal(json.interests[0].details.find((d) => d.field === 'interest_description').value, 'Director and shareholder');
    assert.match(probity(['verify', saved]), /^valid: kent/);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('Derbyshire asks no declaration of interests: the start page says what it asks instead', async () => {
  const { context, url, close } = await launch();
  try {
    const page = await context.newPage();
    await openWidget(page, url);
    await council(page, 'derbyshire');
    await w(page, '[data-interests-note]').waitFor();
    assert.equal(await w(page, '[data-interests]').count(), 0, 'no "Make my declaration of interests"');
    assert.match(await w(page, '[data-interests-note]').innerText(), /asks no annual or on-appointment declaration of interests/);
  } finally {
    await close();
  }
});
