// The register page (www/register.html), used as HR would: three declarations made in the real
// widget (Kent gifts with its details, an Oxfordshire nil declaration, Kent's annual declaration
// of two interests: officer-journeys.mjs) and ones made by the CLI in the
// test (v2 answers with their details for every council, two altered after making, one v1, one
// made under an archived version, one under a version not kept, a declaration of interests with
// two interests and a nil one, and a file that is not a declaration) are loaded at once; each
// shows as a row or is listed apart with why; the table sorts and filters; a management action is
// typed, the register saved, the page reloaded, the register opened again with the action kept;
// one more declaration is added and a duplicate recognised; and the CSV is byte for byte what
// `probity register --csv --register` writes for the same files. Also: no request beyond the
// page's own files, axe-core at 320 and 1280 px, and the keyboard alone.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { launch, repo, probityBin, probity, paths } from './harness.mjs';
import { kentGiftDeclaration, oxfordshireNilDeclaration, kentTwoInterestsDeclaration } from './officer-journeys.mjs';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const COUNCILS = ['kent', 'derbyshire', 'milton-keynes', 'oxfordshire', 'part-6b'];
const TEAMS = ['Highways', 'Libraries', 'Finance'];
const HISTORY = path.join(repo, 'tests/declarations/history/bf94cbe/kent--gifts--004.json');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-register-page-'));
const write = (name, text) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

/** The files the test loads, by what the page should make of them. */
const made = { valid: [], altered: [], unknown: [], invalid: [], extra: null, rows: 0 };

/** A v2 answer to a council's gifts tree, for the witness answers of one of its paths. */
function gift(council, n, extraArgs = []) {
  const row = paths(council, 'gifts')[n];
  const facts = write(`${council}-${n}-facts.json`, JSON.stringify(row.witness));
  const details = write(`${council}-${n}-details.json`, JSON.stringify({
    offered_by_person: `Giver ${council} ${n}`,
    offered_by_organisation: n % 2 ? 'Acme Supplies Ltd' : 'Bright Events plc',
    what_offered: ['A bottle of wine', 'Tickets to a concert', 'A box of chocolates'][n % 3],
    date_offered: `2026-10-${String(10 + n).padStart(2, '0')}`,
    action_taken: ['declined', 'accepted', 'returned'][n % 3],
  }));
  const day = String(1 + COUNCILS.indexOf(council) * 3 + n).padStart(2, '0');
  return probity(['decide', '--policy', council, '--tree', 'gifts', '--facts', facts, '--details', details,
    '--created-at', `2026-11-${day}T09:00:00Z`, '--name', `Officer ${council} ${n}`, '--job-title', 'Surveyor',
    '--team', TEAMS[(COUNCILS.indexOf(council) + n) % 3], ...extraArgs]);
}

before(() => {
  for (const council of COUNCILS) {
    for (const n of [0, 1, 2]) made.valid.push(write(`gift-${council}-${n}.json`, gift(council, n)));
  }
  made.rows = made.valid.length;
  // Altered after making: a detail's value, and the officer's team.
  const a = JSON.parse(gift('kent', 3));
  a.details.find((d) => d.field === 'what_offered').value = 'A pen';
  made.altered.push(write('altered-detail.json', JSON.stringify(a, null, 2)));
  const b = JSON.parse(gift('oxfordshire', 3));
  b.declarant.team = 'Someone else';
  made.altered.push(write('altered-team.json', JSON.stringify(b, null, 2)));
  // Declaration v1 under the version in force, and v1 made by the first release (archived).
  const wine = write('wine-facts.json', JSON.stringify({ offer_kind: 'gift', giver: 'contractor', gift_type: 'alcohol' }));
  made.valid.push(write('v1-kent.json', probity(['decide', '--policy', 'kent', '--tree', 'gifts', '--facts', wine, '--json',
    '--created-at', '2026-11-20T10:00:00Z', '--name', 'V. One', '--team', 'Finance'])));
  made.valid.push(write('first-release.json', fs.readFileSync(HISTORY, 'utf8')));
  made.rows += 2;
  // A declaration of interests with two, and a nil one.
  const i1 = write('i1.json', JSON.stringify({ interest_kind: 'financial', interest_could_conflict: 'yes' }));
  const i1d = write('i1d.json', JSON.stringify({ interest_body: 'Acme Supplies Ltd', interest_description: 'Director', interest_of: 'partner' }));
  const i2 = write('i2.json', JSON.stringify({ interest_kind: 'non_financial', interest_could_conflict: 'yes', trade_union_or_professional_membership: 'no', kent_closed_or_secret_body: 'no' }));
  const i2d = write('i2d.json', JSON.stringify({ interest_body: 'Kent Rowing Club', interest_description: 'Treasurer', interest_of: 'mine' }));
  made.valid.push(write('interests-kent.json', probity(['interests', '--policy', 'kent', '--occasion', 'annual',
    '--interest', `${i1},${i1d}`, '--interest', `${i2},${i2d}`, '--created-at', '2026-11-21T09:00:00Z', '--name', 'I. Two', '--team', 'Libraries'])));
  made.valid.push(write('nil-oxfordshire.json', probity(['interests', '--policy', 'oxfordshire', '--occasion', 'on_appointment',
    '--created-at', '2026-11-22T09:00:00Z', '--name', 'N. Il', '--team', 'Highways'])));
  made.rows += 3;
  // Made under a version of Kent's policy that this site does not keep (an edit never released).
  const edited = path.join(dir, 'edited-policies');
  fs.cpSync(path.join(repo, 'policies'), edited, { recursive: true, filter: (f) => !f.includes(`${path.sep}archive`) });
  const kent = path.join(edited, 'kent.toml');
  fs.writeFileSync(kent, fs.readFileSync(kent, 'utf8').replace(/^effective = ".*"$/m, 'effective = "2026-12-01"'));
  made.unknown.push(write('unknown-version.json', gift('kent', 0, ['--policies', edited])));
  made.invalid.push(write('notes.json', 'Minutes of the meeting, not a declaration'));
  made.extra = write('late-arrival.json', gift('part-6b', 3));
});

const allFiles = () => [...made.valid, ...made.altered, ...made.unknown, ...made.invalid];
const base = (f) => path.basename(f);

async function openPage(options = {}) {
  const launched = await launch({ csp: true, ...options });
  await launched.context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await launched.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().includes('404')) errors.push(m.text()); });
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(`${launched.url}register.html`);
  await page.locator('body[data-ready="true"]').waitFor();
  return { ...launched, page, errors, requested };
}

async function addFiles(page, files) {
  const before = await page.locator('#message').innerText().catch(() => '');
  await page.setInputFiles('#files', files);
  await page.waitForFunction((b) => {
    const t = document.getElementById('message').innerText;
    return t && t !== b && t.startsWith('Added');
  }, before);
}

const bodyRows = (page) => page.locator('#table tbody tr');
const column = (page, id) => page.locator(`#table tbody td[data-column="${id}"]`).allInnerTexts();

async function axe(page, name) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(result, [], `axe on ${name}`);
}

test('HR loads, checks, sorts, filters, annotates, saves, reopens, adds to and exports the register', async () => {
  const { page, close, errors, context, url } = await openPage();
  try {
    // Three officers first make declarations in the widget, as on their phones: Kent gifts with
    // the details typed, an Oxfordshire nil declaration, and Kent's annual one with two interests.
    const widget = [
      await kentGiftDeclaration(context, url, dir),
      await oxfordshireNilDeclaration(context, url, dir),
      await kentTwoInterestsDeclaration(context, url, dir),
    ];
    const files = [...allFiles(), ...widget];
    const rows = made.rows + 4;
    await addFiles(page, files);
    assert.equal(await bodyRows(page).count(), rows, 'one row a declaration, one an interest');
    assert.match(await page.locator('#message').innerText(), new RegExp(`Added ${made.valid.length + 3} declarations \\(${rows} rows\\)`));

    // The widget's declarations read as the officer made them.
    const wine = page.locator('#table tbody tr', { hasText: 'Ada Widget' });
    assert.equal(await wine.count(), 1);
    const cell = (row, id) => row.locator(`td[data-column="${id}"]`).innerText();
    assert.equal(await cell(wine, 'council'), 'Kent County Council');
    assert.equal(await cell(wine, 'verdict'), 'No, you cannot');
    assert.match(await cell(wine, 'offered_by'), /Sam Supplier.*Acme Catering Ltd/);
    assert.equal(await cell(wine, 'what'), 'A bottle of wine');
    assert.equal(await cell(wine, 'date_offered'), '2026-11-03');
    assert.match(await cell(wine, 'action_taken'), /^Declined/);
    assert.equal(await cell(wine, 'team'), 'Highways');
    assert.equal(await page.locator('#table tbody tr', { hasText: 'Kit Widget' }).count(), 2, 'one row an interest');
    assert.match(await cell(page.locator('#table tbody tr', { hasText: 'Olu Widget' }), 'verdict'), /^Nil declaration/);

    // Every refused file is listed apart, by why, with its name, the reason and what to do.
    const refused = async (kind) => page.locator(`.reg-refused[data-kind="${kind}"] .reg-refused__item`).allInnerTexts();
    const altered = await refused('altered');
    assert.equal(altered.length, 2);
    for (const f of made.altered) assert.ok(altered.some((t) => t.includes(base(f)) && /What to do: the file was changed after it was made/.test(t)), altered.join('\n'));
    const unknown = await refused('unknown_version');
    assert.equal(unknown.length, 1);
    assert.match(unknown[0], /unknown-version\.json/);
    const invalid = await refused('invalid');
    assert.equal(invalid.length, 1);
    assert.match(invalid[0], /notes\.json\s+the file is not JSON/);

    // What the digest proves, beside the rows; "made under" on each.
    assert.match(await page.locator('#proves').innerText(), /It is not a signature: it does not prove who made the declaration/);
    const madeUnder = await column(page, 'made_under');
    assert.equal(madeUnder.filter((t) => t.includes('an earlier version, released')).length, 1, 'the first release: its archived version');
    assert.equal(madeUnder.filter((t) => t.includes('(the version in force;')).length, rows - 1);
    const verdicts = await column(page, 'verdict');
    assert.ok(verdicts.includes('Nil declaration: nothing to declare'));
    const what = await column(page, 'what');
    assert.ok(what.includes('Director') && what.includes('Treasurer'), 'each interest its own row');
    const councils = new Set(await column(page, 'council'));
    assert.equal(councils.size, 5);
    // The columns, headed as the core names them.
    const headings = await page.locator('#table thead th').allInnerTexts();
    for (const h of ['Date made', 'Officer', 'Job title', 'Team', 'Council', 'Question', 'Verdict', 'Offered by', 'What', 'Value', 'What they did', 'Date offered', 'Management action', 'Made under']) {
      assert.ok(headings.includes(h), `column ${h}: ${headings}`);
    }

    // Sort by officer, both ways; aria-sort says which.
    await page.locator('button[data-sort="officer"]').click();
    assert.equal(await page.locator('th[data-column="officer"]').getAttribute('aria-sort'), 'ascending');
    const up = await column(page, 'officer');
    assert.deepEqual(up, [...up].sort((a, b) => a.localeCompare(b, 'en-GB', { numeric: true, sensitivity: 'base' })));
    await page.locator('button[data-sort="officer"]').click();
    assert.equal(await page.locator('th[data-column="officer"]').getAttribute('aria-sort'), 'descending');
    assert.deepEqual(await column(page, 'officer'), [...up].reverse());
    await page.locator('button[data-sort="made"]').click();
    assert.equal(await page.locator('th[data-column="officer"]').getAttribute('aria-sort'), null);

    // Filter by team, verdict, question and date range.
    const teams = await column(page, 'team');
    await page.selectOption('#filter-team', 'Libraries');
    assert.equal(await bodyRows(page).count(), teams.filter((t) => t === 'Libraries').length);
    assert.deepEqual([...new Set(await column(page, 'team'))], ['Libraries']);
    await page.locator('#filter-clear').click();
    await page.waitForFunction((n) => document.querySelectorAll('#table tbody tr').length === n, rows);
    await page.selectOption('#filter-verdict', 'Nil declaration: nothing to declare');
    assert.equal(await bodyRows(page).count(), 2, 'the CLI\'s nil declaration and the widget\'s');
    await page.selectOption('#filter-verdict', '');
    const questions = await column(page, 'question');
    await page.selectOption('#filter-question', { label: questions.find((q) => q.startsWith('Annual declaration')) });
    assert.equal(await bodyRows(page).count(), 4, 'two Kent declarations of two interests each');
    await page.selectOption('#filter-question', '');
    const dates = await column(page, 'made');
    await page.fill('#filter-from', '2026-11-05');
    await page.fill('#filter-to', '2026-11-10');
    assert.equal(await bodyRows(page).count(), dates.filter((d) => d >= '2026-11-05' && d <= '2026-11-10').length);
    assert.ok(await bodyRows(page).count() > 0);
    await page.locator('#filter-clear').click();
    await page.waitForFunction((n) => document.querySelectorAll('#table tbody tr').length === n, rows);

    // A management action on the Kent interests' first row; a bad one stays as typed, with why.
    const interestRow = page.locator('#table tbody tr', { hasText: 'Director' });
    await interestRow.locator('textarea').fill('Conflict managed: \u0007 bell');
    await interestRow.locator('textarea').blur();
    await page.locator('#table tbody tr', { hasText: 'Director' }).locator('.reg-field-error').waitFor();
    assert.match(await page.locator('#table .reg-field-error').innerText(), /^Error: the management action has characters that cannot be seen/);
    assert.equal(await page.locator('#table tbody tr', { hasText: 'Director' }).locator('textarea').inputValue(), 'Conflict managed: \u0007 bell');
    await page.locator('#table tbody tr', { hasText: 'Director' }).locator('textarea').fill('Removed from the Acme contract panel');
    await page.locator('#table tbody tr', { hasText: 'Director' }).locator('textarea').blur();
    await page.waitForFunction(() => !document.querySelector('#table .reg-field-error'));

    const [saved] = await Promise.all([page.waitForEvent('download'), page.locator('#save').click()]);
    assert.match(saved.suggestedFilename(), /^register-\d{4}-\d{2}-\d{2}\.json$/);
    const registerFile = path.join(dir, 'register.json');
    await saved.saveAs(registerFile);
    const register = JSON.parse(fs.readFileSync(registerFile, 'utf8'));
    assert.equal(register.rows.length, rows);
    assert.equal(register.rows.find((r) => r.what === 'Director').management_action, 'Removed from the Acme contract panel');
    // The officer's declaration is untouched: the action lives only in the register.
    assert.ok(!fs.readFileSync(made.valid.find((f) => f.endsWith('interests-kent.json')), 'utf8').includes('Acme contract panel'));

    // Next week: the page afresh, the register opened, the action still there.
    await page.reload();
    await page.locator('body[data-ready="true"]').waitFor();
    assert.equal(await bodyRows(page).count(), 0);
    await page.setInputFiles('#open-register', registerFile);
    await page.locator('#message', { hasText: `Opened register.json: ${rows} rows in the register now` }).waitFor();
    const director = page.locator('#table tbody tr', { hasText: 'Director' }).locator('textarea');
    assert.equal(await director.inputValue(), 'Removed from the Acme contract panel');
    // Opening a register over rows merges it: nothing twice, and where the page's action differs
    // from the file's, the page's is kept and the row named.
    await director.fill('Removed from the panel; reviewed in March');
    await director.blur();
    await page.setInputFiles('#open-register', registerFile);
    await page.locator('#message', { hasText: '0 declarations added' }).waitFor();
    assert.match(await page.locator('#message').innerText(), /Kept this page's management action where register\.json has a different one, for: [^;]*Director/);
    assert.equal(await bodyRows(page).count(), rows);
    assert.equal(await director.inputValue(), 'Removed from the panel; reviewed in March');
    await director.fill('Removed from the Acme contract panel');
    await director.blur();

    // One more, and one already there.
    await addFiles(page, [made.extra]);
    assert.equal(await bodyRows(page).count(), rows + 1);
    await page.setInputFiles('#files', [made.valid[3]]);
    await page.locator('#message', { hasText: 'already in the register' }).waitFor();
    assert.match(await page.locator('#message').innerText(), new RegExp(`${base(made.valid[3])}: already in the register \\(same digest sha256:[0-9a-f]{16}\\), not added again`));
    assert.equal(await bodyRows(page).count(), rows + 1);

    // The CSV is exactly `probity register --csv` for the same files and the saved register.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#csv').click()]);
    const pageCsv = fs.readFileSync(await csv.path(), 'utf8');
    const cliRegister = path.join(dir, 'cli-register.json');
    fs.copyFileSync(registerFile, cliRegister);
    const cli = spawnSync(probityBin, ['register', '--csv', '--register', cliRegister, ...files, made.extra], { cwd: repo, encoding: 'utf8' });
    assert.equal(cli.status, 1, 'the CLI refuses the same four files');
    assert.equal(pageCsv, cli.stdout);
    assert.equal(pageCsv.split('\r\n').length, rows + 3, 'header, rows, final line end');

    // Print: the table alone, management actions as text.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('#filters').isVisible(), false);
    assert.equal(await page.locator('#save').isVisible(), false);
    assert.equal(await page.locator('#table').isVisible(), true);
    assert.equal(await page.locator('#table tbody tr', { hasText: 'Director' }).locator('.reg-print-only').innerText(), 'Removed from the Acme contract panel');
    await page.emulateMedia({ media: 'screen' });

    assert.deepEqual(errors, []);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
  } finally {
    await close();
  }
});

test('a pasted or dropped declaration is checked too, and a bad paste keeps what was pasted with why', async () => {
  const { page, close } = await openPage();
  try {
    await page.locator('summary', { hasText: 'Paste a declaration instead' }).click();
    await page.fill('#paste', '{"schema": "probity.declaration"');
    await page.locator('#paste-add').click();
    await page.locator('#paste-error').waitFor();
    assert.match(await page.locator('#paste-error').innerText(), /^Error: the file is not JSON/);
    assert.equal(await page.inputValue('#paste'), '{"schema": "probity.declaration"');
    await page.fill('#paste', fs.readFileSync(made.valid[0], 'utf8'));
    await page.locator('#paste-add').click();
    await page.locator('#message', { hasText: 'Added 1 declaration (1 row)' }).waitFor();
    assert.equal(await page.inputValue('#paste'), '');
    assert.equal(await bodyRows(page).count(), 1);

    // A file dropped on the box is added as a chosen one is.
    const text = fs.readFileSync(made.valid[1], 'utf8');
    const dataTransfer = await page.evaluateHandle((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], 'dropped.json', { type: 'application/json' }));
      return dt;
    }, text);
    await page.dispatchEvent('#drop', 'drop', { dataTransfer });
    await page.waitForFunction(() => document.querySelectorAll('#table tbody tr').length === 2);
  } finally {
    await close();
  }
});

test('nothing leaves the device: no request beyond the page\'s own files', async () => {
  const { page, close, requested, outside, url } = await openPage();
  try {
    await addFiles(page, allFiles());
    await Promise.all([page.waitForEvent('download'), page.locator('#save').click()]);
    await Promise.all([page.waitForEvent('download'), page.locator('#csv').click()]);
    assert.deepEqual(outside, []);
    const own = /^(register\.html|favicon\.svg|register\/(register\.(js|css)|table\.js|refusals\.js|device\.js|pkg\/probity_register_web(_bg\.wasm|\.js)|archive\/[a-z0-9-]+\/[0-9a-f]{16}\.json))$/;
    const paths = requested.filter((u) => !u.startsWith('blob:')).map((u) => {
      assert.ok(u.startsWith(url), `request off the site: ${u}`);
      return new URL(u).pathname.slice(1);
    });
    for (const p of paths) assert.match(p, own, `a request that is not one of the page's own files: ${p}`);
    // The only archive files asked for are the ones declarations name outside the version in
    // force: the first release's (kept) and the never-released edit's (not kept: a 404).
    const archived = paths.filter((p) => p.startsWith('register/archive/')).sort();
    const named = [HISTORY, made.unknown[0]].map((f) => JSON.parse(fs.readFileSync(f, 'utf8')).policy.digest.slice(7, 23));
    assert.deepEqual(archived, named.map((d) => `register/archive/kent/${d}.json`).sort());
  } finally {
    await close();
  }
});

for (const width of [320, 1280]) {
  test(`axe-core finds nothing at ${width} px: empty, with rows, with refusals`, async () => {
    const { page, close } = await openPage({ viewport: { width, height: 900 } });
    try {
      await axe(page, `empty at ${width}px`);
      await addFiles(page, made.valid.slice(0, 4));
      assert.equal(await page.locator('#refused-section').isVisible(), false);
      await axe(page, `rows at ${width}px`);
      await addFiles(page, [...made.altered, ...made.unknown, ...made.invalid, ...made.valid.slice(4)]);
      assert.equal(await page.locator('#refused-section').isVisible(), true);
      await page.locator('#table tbody tr textarea').first().fill('\u0007');
      await page.locator('#table tbody tr textarea').first().blur();
      await page.locator('#table .reg-field-error').waitFor();
      await axe(page, `rows, refusals and an error at ${width}px`);
      // The page never scrolls sideways; the table scrolls in its own region.
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1));
    } finally {
      await close();
    }
  });
}

/** Presses Tab (or Shift+Tab) until `predicate` holds for the focused element; fails after 80. */
async function tabTo(page, predicate, arg, key = 'Tab') {
  for (let i = 0; i < 80; i += 1) {
    if (await page.evaluate(predicate, arg)) return;
    await page.keyboard.press(key);
  }
  assert.fail(`keyboard could not reach ${predicate} ${arg}`);
}

/**
 * Opens the focused file input's chooser with the keyboard: Space, as a person would, and Enter or
 * Space again if the browser did not open it (under load Chromium has once let a Space pass with
 * no chooser). Fails if no key opens it.
 */
async function chooserByKeyboard(page) {
  for (const key of ['Space', 'Enter', 'Space']) {
    const waiting = page.waitForEvent('filechooser', { timeout: 8000 }).catch(() => null);
    await page.keyboard.press(key);
    const chooser = await waiting;
    if (chooser) return chooser;
  }
  return assert.fail('no key opened the file chooser');
}

test('keyboard alone: choose files, sort, type an action, save', async () => {
  const { page, close } = await openPage();
  try {
    await tabTo(page, () => document.activeElement?.id === 'files');
    const chooser = await chooserByKeyboard(page);
    await chooser.setFiles(made.valid);
    await page.locator('#message', { hasText: 'Added' }).waitFor();
    assert.equal(await bodyRows(page).count(), made.rows);

    await tabTo(page, (id) => document.activeElement?.dataset?.sort === id, 'team');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('th[data-column="team"]').getAttribute('aria-sort'), 'ascending');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.sort), 'team', 'focus stays on the button');
    await page.keyboard.press('Space');
    assert.equal(await page.locator('th[data-column="team"]').getAttribute('aria-sort'), 'descending');

    await tabTo(page, () => document.activeElement?.classList.contains('reg-action'));
    const key = await page.evaluate(() => document.activeElement.closest('tr').dataset.key);
    await page.keyboard.type('Line manager told');
    await tabTo(page, () => document.activeElement?.id === 'save', undefined, 'Shift+Tab');
    const [saved] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const register = JSON.parse(fs.readFileSync(await saved.path(), 'utf8'));
    const [digest, item] = key.split('#');
    assert.equal(register.rows.find((r) => r.digest === digest && r.item === Number(item)).management_action, 'Line manager told');
  } finally {
    await close();
  }
});
