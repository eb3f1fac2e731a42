// The register page (register.html): HR adds declaration files, each verified on this computer
// by probity-core (compiled to wasm, crates/register-web) against the exact policy version it
// names; reads them as a table; writes a management action per row; saves and reopens the
// register file; downloads the CSV `probity register --csv` would write; prints.

import init, { start, RegisterBook } from './pkg/probity_register_web.js';
import { readFile, fetchArchive, download, today } from './device.js';
import { renderRefusals } from './refusals.js';
import { SHOWN, rowKey, visibleRows, renderHead, markSort, renderBody, fillChoices } from './table.js';

const $ = (id) => document.getElementById(id);

const state = {
  book: null,
  rows: [],
  refused: [],
  sort: null,
  /** Management actions typed but refused by the core: key → {text, error}. */
  actions: new Map(),
  pasted: 0,
};

function say(lines, kind = 'info') {
  const box = $('message');
  box.dataset.kind = kind;
  box.replaceChildren(...lines.map((line) => {
    const p = document.createElement('p');
    p.textContent = line;
    return p;
  }));
}

function filters() {
  return {
    team: $('filter-team').value,
    verdict: $('filter-verdict').value,
    question: $('filter-question').value,
    from: $('filter-from').value,
    to: $('filter-to').value,
  };
}

function render() {
  state.rows = JSON.parse(state.book.rows());
  const any = state.rows.length > 0;
  $('filters').hidden = !any;
  $('table-wrap').hidden = !any;
  $('proves').hidden = !any;
  fillChoices($('filter-team'), 'All teams', state.rows.map((r) => r.team));
  fillChoices($('filter-verdict'), 'All verdicts', state.rows.map((r) => r.verdict));
  fillChoices($('filter-question'), 'All questions', state.rows.map((r) => r.question));
  const shown = visibleRows(state.rows, state.sort, filters());
  renderBody($('table').tBodies[0], shown, state.actions, setAction);
  markSort($('table').tHead, state.sort);
  $('count').textContent = !any ? 'No declarations yet.'
    : shown.length === state.rows.length ? `${state.rows.length} ${state.rows.length === 1 ? 'row' : 'rows'}.`
      : `Showing ${shown.length} of ${state.rows.length} rows.`;
  $('refused-section').hidden = state.refused.length === 0;
  renderRefusals($('refused'), state.refused);
}

function setAction(row, text) {
  const result = JSON.parse(state.book.set_action(row.digest, row.item, text));
  const key = rowKey(row);
  const hadError = state.actions.has(key);
  if (result.error) state.actions.set(key, { text, error: result.error });
  else state.actions.delete(key);
  if (result.error || hadError) {
    // Re-rendered so the message shows at the field (or goes); the field keeps what was typed,
    // and focus stays where the person moved it.
    const active = document.activeElement?.id;
    render();
    if (active) $(active)?.focus();
  } else {
    const printed = document.querySelector(`tr[data-key="${CSS.escape(key)}"] .reg-print-only`);
    if (printed) printed.textContent = text.trim();
    state.rows = JSON.parse(state.book.rows());
  }
}

/** Verifies and adds each (name, text) in turn, fetching any archived version it names first. */
async function addAll(files) {
  const added = [];
  const notes = [];
  let refusedNow = 0;
  for (const { name, text } of files) {
    const archive = state.book.archive_file(text);
    if (archive) {
      const archived = await fetchArchive(archive);
      if (archived !== null) {
        const kept = JSON.parse(state.book.add_archive(archive, archived));
        if (kept.error) notes.push(`${name}: the archived version could not be used: ${kept.error}`);
      }
    }
    const outcome = JSON.parse(state.book.add(name, text));
    if (outcome.status === 'added') added.push(outcome);
    else if (outcome.status === 'already_there') {
      notes.push(`${name}: already in the register (same digest ${outcome.digest.slice(0, 23)}), not added again.`);
    } else {
      refusedNow += 1;
      state.refused = state.refused.filter((r) => r.file !== name);
      state.refused.push({ file: name, ...outcome });
    }
  }
  const rows = added.reduce((n, a) => n + a.rows, 0);
  const lines = [`Added ${added.length} ${added.length === 1 ? 'declaration' : 'declarations'} (${rows} ${rows === 1 ? 'row' : 'rows'}).`];
  if (refusedNow > 0) lines.push(`${refusedNow} ${refusedNow === 1 ? 'file was' : 'files were'} not added: see "Files not added" for why.`);
  say(lines.concat(notes), refusedNow > 0 ? 'warning' : 'info');
  render();
  return refusedNow;
}

async function addFiles(list) {
  const files = [];
  for (const file of list) files.push({ name: file.name, text: await readFile(file) });
  if (files.length > 0) await addAll(files);
}

async function addPasted() {
  const area = $('paste');
  const error = $('paste-error');
  if (area.value.trim() === '') {
    error.textContent = 'Error: Paste the text of a declaration first';
    error.hidden = false;
    area.setAttribute('aria-invalid', 'true');
    area.focus();
    return;
  }
  state.pasted += 1;
  const refused = await addAll([{ name: `pasted declaration ${state.pasted}`, text: area.value }]);
  if (refused === 0) {
    area.value = '';
    error.hidden = true;
    area.removeAttribute('aria-invalid');
  } else {
    // What was pasted stays, so it can be corrected or copied elsewhere.
    const r = state.refused[state.refused.length - 1];
    error.textContent = `Error: ${r.reason}. ${r.help}`;
    error.hidden = false;
    area.setAttribute('aria-invalid', 'true');
  }
}

async function openRegister(file) {
  const result = JSON.parse(state.book.open(await readFile(file)));
  if (result.error) {
    say([`Not opened: \`${file.name}\`: ${result.error}.`, 'Choose a register file saved by this page or by `probity register --register`.'], 'error');
    return;
  }
  // Merged into what is on the page (each declaration once), so nothing added before it is lost.
  const m = result.ok;
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  const lines = [`Opened ${file.name}: ${plural(m.rows, 'row', 'rows')} in the register now `
    + `(${plural(m.added, 'declaration', 'declarations')} added, ${m.already_there} already here). Add more declarations above, then save the register again.`];
  if (m.actions_taken > 0) lines.push(`${plural(m.actions_taken, 'management action', 'management actions')} taken from ${file.name} for rows that had none here.`);
  if (m.actions_kept.length > 0) {
    lines.push(`Kept this page's management action where ${file.name} has a different one, for: ${m.actions_kept.join('; ')}. Check those rows before you save.`);
  }
  say(lines);
  render();
}

function wire(headings) {
  $('files').addEventListener('change', async (e) => {
    await addFiles([...e.target.files]);
    e.target.value = '';
  });
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('reg-drop--over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('reg-drop--over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('reg-drop--over');
    addFiles([...e.dataTransfer.files]);
  });
  $('paste-add').addEventListener('click', addPasted);
  $('open-register').addEventListener('change', async (e) => {
    const [file] = e.target.files;
    if (file) await openRegister(file);
    e.target.value = '';
  });
  $('save').addEventListener('click', () => {
    download(`register-${today()}.json`, state.book.save(), 'application/json');
    say([`Saved the register (${state.rows.length} rows) to your downloads. Keep that file: open it here next time.`]);
  });
  $('csv').addEventListener('click', () => download(`register-${today()}.csv`, state.book.csv(), 'text/csv'));
  $('print').addEventListener('click', () => window.print());
  $('filters').addEventListener('change', render);
  $('filters').addEventListener('input', render);
  // A reset clears the fields after this event, so the table is redrawn once it has.
  $('filters').addEventListener('reset', () => setTimeout(render));
  renderHead($('table').tHead, headings, (id) => {
    state.sort = state.sort?.id === id && state.sort.dir === 'ascending' ? { id, dir: 'descending' } : { id, dir: 'ascending' };
    render();
  });
}

async function main() {
  try {
    await init();
  } catch (e) {
    $('loading').hidden = true;
    const panel = $('start-error');
    panel.textContent = `The checker could not load (${e.message ?? e}). Reload the page; if it happens again, ask your web team to run scripts/build-register.sh.`;
    panel.hidden = false;
    return;
  }
  const info = JSON.parse(start());
  if (info.errors.length > 0) {
    const panel = $('start-error');
    panel.textContent = `The built-in policies have errors: ${info.errors.join('; ')}. Ask your web team to rebuild the page.`;
    panel.hidden = false;
  }
  const headings = Object.fromEntries(info.columns.map((c) => [c.id, c.heading]));
  if (SHOWN.some((id) => !(id in headings))) throw new Error('the register page and its wasm come from different builds');
  $('proves').textContent = `What the checks prove: ${info.what_the_digest_proves}`;
  state.book = new RegisterBook();
  wire(headings);
  for (const id of ['files', 'paste-add', 'open-register', 'save', 'csv', 'print']) $(id).disabled = false;
  $('loading').textContent = 'Ready: add declaration files, or open a saved register.';
  document.body.dataset.ready = 'true';
  render();
}

main();
