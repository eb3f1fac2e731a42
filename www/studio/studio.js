// The policy studio: open a policy, edit it with every check run as you type, see its tree, its
// decision table, its cases and what changes for officers, try it in the real widget, and save
// it. The checks are probity-core's own, compiled to WebAssembly (crates/studio); nothing is
// sent anywhere: files are read from and saved to this computer by the browser.

import init, { analyse, changes, policy_json } from './pkg/probity_studio.js';
import { PolicyEditor } from './editor.js';
import { drawGraph, drawLegend } from './graph.js';
import { h, renderProblems, renderPaths, renderCases, renderChanges } from './views.js';
import { Tabs } from './tabs.js';

const $ = (id) => document.getElementById(id);
const ANALYSE_AFTER_MS = 250; // a pause in typing

await init({ module_or_path: new URL('pkg/probity_studio_bg.wasm', import.meta.url) });

const state = {
  fileName: 'policy.toml',
  opened: '', // the text as opened: the default version to compare with
  saved: '', // the text as last opened or saved, to warn before it is lost
  compare: { with: 'opened', text: null, label: 'the version you opened' },
  tree: '',
  result: null,
  discardConfirmed: false,
};
let builtIns = [];

const editor = new PolicyEditor($('editor'), {
  label: 'Policy file in TOML. Press Escape then Tab to leave the editor.',
  onChange: () => { state.discardConfirmed = false; schedule(); },
});
const tabs = new Tabs($('tabs'), (id) => { if (id === 'tab-changes') showChanges(); });
drawLegend($('legend'));

let timer = null;
function schedule() {
  clearTimeout(timer);
  timer = setTimeout(refresh, ANALYSE_AFTER_MS);
  $('summary').dataset.state = 'checking';
}

const jump = (line) => editor.jumpTo(line);
const dirty = () => editor.text !== state.saved;

/** Checks the text as it is now and redraws every view from the result. */
function refresh() {
  clearTimeout(timer);
  const text = editor.text;
  const result = JSON.parse(analyse(text, state.fileName, state.tree));
  state.result = result;
  editor.mark(result.diagnostics);
  renderProblems($('problems'), result.diagnostics, jump);
  $('problem-count').textContent = `(${result.diagnostics.length})`;

  const policy = result.policy;
  const summary = [
    policy ? `${policy.council} (${state.fileName})` : state.fileName,
    `${result.errors} ${result.errors === 1 ? 'error' : 'errors'}, ${result.warnings} ${result.warnings === 1 ? 'warning' : 'warnings'}`,
    dirty() ? 'Changes not saved' : 'No unsaved changes',
  ];
  // A live region: changed only when its words change, so typing does not make it repeat itself.
  if ($('summary').textContent !== summary.join(' · ')) $('summary').textContent = summary.join(' · ');
  $('summary').dataset.state = 'checked';
  $('file-name').textContent = `(${state.fileName})`;

  if (policy) {
    const select = $('tree');
    const ids = policy.trees.map((t) => t.id).join(' ');
    if (select.dataset.ids !== ids) {
      select.replaceChildren(...policy.trees.map((t) => h('option', { value: t.id }, `${t.title} (${t.id})`)));
      select.dataset.ids = ids;
    }
    if (result.tree) { select.value = result.tree.id; state.tree = result.tree.id; }
  }
  const tree = result.tree;
  const waiting = () => h('p', { class: 'studio-error' }, 'Fix the errors listed under Problems first: the tree is shown when its rules check.');
  if (tree) {
    drawGraph($('graph'), tree.graph, jump);
    renderPaths($('paths'), tree, jump);
    renderCases($('cases'), tree, jump);
    const failing = tree.cases.filter((c) => !c.passed).length;
    $('case-count').textContent = failing ? `(${failing} failing)` : '';
  } else {
    $('graph').replaceChildren(waiting());
    $('paths').replaceChildren(waiting());
    $('cases').replaceChildren(waiting());
    $('case-count').textContent = '';
  }
  if (tabs.current === 'tab-changes') showChanges();
}

/** The change report against the chosen version. */
async function showChanges() {
  const out = $('changes');
  const c = state.compare;
  if (c.with === 'built-in' && c.text === null) {
    const id = state.result?.policy?.id;
    const entry = builtIns.find((b) => b.id === id);
    if (!entry) { out.replaceChildren(h('p', { class: 'studio-error' }, id ? `There is no built-in policy with the id “${id}”.` : 'Fix the errors first, so the studio can tell which council this is.')); return; }
    c.text = await fetchText(`policies/${entry.file}`);
  }
  if (c.with === 'file' && c.text === null) { out.replaceChildren(h('p', {}, 'Choose the other version’s file above.')); return; }
  const before = c.with === 'opened' ? state.opened : c.text;
  renderChanges(out, JSON.parse(changes(before, editor.text)), c.label);
}

async function fetchText(path) {
  const response = await fetch(new URL(path, import.meta.url));
  if (!response.ok) throw new Error(`could not load ${path} (HTTP ${response.status})`);
  return response.text();
}

function say(id, text, kind = 'info') {
  const el = $(id);
  el.textContent = text;
  el.dataset.kind = kind;
}

/** Puts a text in the editor as a newly opened file. */
function open(text, fileName) {
  state.fileName = fileName;
  state.opened = text;
  state.saved = text;
  state.tree = '';
  state.compare = { with: 'opened', text: null, label: 'the version you opened' };
  $('compare-with').value = 'opened';
  $('compare-file').hidden = true;
  $('tree').dataset.ids = '';
  $('tree').replaceChildren(); // the last file's trees, until this one's are known
  editor.text = text;
  refresh();
  say('file-message', `Opened ${fileName}.`);
}

/** Opening another file would lose unsaved changes: the first press says so, a second goes ahead. */
function mayReplace() {
  if (!dirty() || state.discardConfirmed) return true;
  state.discardConfirmed = true;
  say('file-message', 'You have changes that are not saved. Save the file first, or open the other file again to leave your changes behind.', 'warning');
  return false;
}

function download(text, name, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

$('open-built-in').addEventListener('submit', async (e) => {
  e.preventDefault();
  if (!mayReplace()) return;
  const entry = builtIns.find((b) => b.file === $('built-in').value);
  try {
    open(await fetchText(`policies/${entry.file}`), entry.file);
  } catch (error) {
    say('file-message', String(error.message ?? error), 'error');
  }
});

$('open-file').addEventListener('change', async (e) => {
  const file = e.target.files?.[0];
  if (!file) return;
  if (!mayReplace()) { e.target.value = ''; return; }
  open(await file.text(), file.name);
  e.target.value = '';
});

$('save-toml').addEventListener('click', () => {
  const text = editor.text;
  download(text, state.fileName, 'application/toml');
  state.saved = text;
  state.discardConfirmed = false;
  const errors = state.result?.errors ?? 0;
  say('file-message', errors
    ? `Saved ${state.fileName}. It still has ${errors} ${errors === 1 ? 'error' : 'errors'}: fix them before you send it to the web team.`
    : `Saved ${state.fileName}. Send this file to your web team.`, errors ? 'warning' : 'info');
  refresh();
});

$('export-json').addEventListener('click', () => {
  const errors = state.result?.errors ?? 0;
  if (errors) {
    say('file-message', `This file has ${errors} ${errors === 1 ? 'error' : 'errors'}. Fix them first: the widget would refuse the policy.`, 'error');
    tabs.show('tab-problems');
    return;
  }
  const out = JSON.parse(policy_json(editor.text));
  if (out.error) { say('file-message', out.error, 'error'); return; }
  const name = `${state.result?.policy?.id ?? state.fileName.replace(/\.toml$/, '')}.json`;
  download(out.json, name, 'application/json');
  say('file-message', `Exported ${name}, the file the web team publishes with policy-src.`);
});

$('tree').addEventListener('change', (e) => { state.tree = e.target.value; refresh(); });

$('compare-with').addEventListener('change', (e) => {
  const value = e.target.value;
  $('compare-file').hidden = value !== 'file';
  const label = { opened: 'the version you opened', 'built-in': 'the built-in version', file: 'the other version' }[value];
  state.compare = { with: value, text: null, label };
  showChanges();
});

$('compare-file').addEventListener('change', async (e) => {
  const file = e.target.files?.[0];
  if (!file) return;
  state.compare = { with: 'file', text: await file.text(), label: file.name };
  showChanges();
});

// "Try it": the real widget, in a frame of this site, handed the edited policy's JSON by its
// `policyJson` property (the same in-browser checker as `policy-src`). A fresh element each time,
// with its own id, so no walk from an earlier try is restored.
let tries = 0;
$('try-start').addEventListener('click', async () => {
  const out = JSON.parse(policy_json(editor.text));
  if (out.error) { say('try-message', out.error, 'error'); return; }
  const frame = $('try-frame');
  const win = frame.contentWindow;
  if (!win || win.document.readyState !== 'complete' || !win.document.getElementById('try')) {
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  }
  await frame.contentWindow.customElements.whenDefined('probity-widget');
  const doc = frame.contentDocument;
  const widget = doc.createElement('probity-widget');
  widget.id = `probity-try-${++tries}`;
  const id = state.result?.policy?.id;
  if (id) widget.setAttribute('policy', id);
  if (state.tree) widget.setAttribute('tree', state.tree);
  widget.policyJson = out.json;
  doc.getElementById('try').replaceChildren(widget);
  say('try-message', `Running the policy as it was at ${new Date().toLocaleTimeString('en-GB')}. Press the button again after more changes.`);
});

window.addEventListener('beforeunload', (e) => { if (dirty()) e.preventDefault(); });

// Start: the built-in policies to open, and the first of them in the editor.
try {
  builtIns = JSON.parse(await fetchText('policies/index.json'));
  $('built-in').replaceChildren(...builtIns.map((b) => h('option', { value: b.file }, `${b.council} (${b.file})`)));
  $('main').hidden = false;
  $('loading').remove();
  if (builtIns.length) open(await fetchText(`policies/${builtIns[0].file}`), builtIns[0].file);
} catch (error) {
  $('loading').textContent = `The studio could not start: ${error.message ?? error}`;
}
