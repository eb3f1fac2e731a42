// The studio's lists and tables, drawn from what the wasm reports: problems, the decision table,
// the scenario cases and the change report. Built with DOM calls and textContent only, so text
// from a policy file can never become markup.

/** Makes an element: h('p', { class: 'x' }, 'text', child, …). */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'onclick') node.addEventListener('click', v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

/** A button that takes the editor to a line. */
export function lineButton(line, jump, words) {
  return h('button', { type: 'button', class: 'studio-link', onclick: () => jump(line ?? 1), 'data-line': line ?? '' }, words ?? `Line ${line ?? '–'}`);
}

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Every diagnostic: its line, code and name, message and help; each goes to its line. */
export function renderProblems(list, diagnostics, jump) {
  if (!diagnostics.length) {
    list.replaceChildren(h('li', { class: 'studio-ok' }, 'No problems: this file passes every check.'));
    return;
  }
  list.replaceChildren(...diagnostics.map((d) => h('li', { class: `studio-problem studio-problem--${d.severity}`, 'data-code': d.code, 'data-line': d.line ?? '' },
    h('p', { class: 'studio-problem__head' },
      h('strong', { class: 'studio-tag' }, d.severity === 'error' ? 'Error' : 'Warning'), ' ',
      d.line ? lineButton(d.line, jump, `Line ${d.line}`) : h('span', {}, 'In the shared vocabulary'), ' ',
      h('code', {}, `${d.code} ${d.name}`)),
    h('p', { class: 'studio-problem__message' }, d.message),
    h('p', { class: 'studio-problem__help' }, `Help: ${d.help}`),
    h('p', { class: 'studio-problem__place' }, d.place))));
}

const witness = (w) => Object.entries(w).map(([k, v]) => `${k} = ${v}`).join(', ');

/** The decision table: every path, its steps, outcome and a witness. */
export function renderPaths(container, tree, jump) {
  if (tree.paths_error) { container.replaceChildren(h('p', { class: 'studio-error' }, `The table could not be made: ${tree.paths_error}`)); return; }
  container.replaceChildren(h('table', { class: 'studio-table' },
    h('caption', { class: 'visually-hidden' }, `Every way through “${tree.title}”`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '#'), h('th', { scope: 'col' }, 'Answers on the way'), h('th', { scope: 'col' }, 'Outcome'), h('th', { scope: 'col' }, 'For example'))),
    h('tbody', {}, tree.paths.map((p, i) => h('tr', { class: `verdict-row verdict-${p.verdict}` },
      h('td', {}, String(i + 1)),
      h('td', {}, h('ol', { class: 'studio-steps' }, p.steps.map((s) => h('li', {}, h('code', {}, s.node), ` ${s.condition}`)))),
      h('td', {}, h('strong', {}, p.label), h('br'), p.headline, h('br'), lineButton(p.line, jump, `${p.outcome} (line ${p.line ?? '–'})`)),
      h('td', {}, h('code', {}, witness(p.witness))))))));
}

/** The scenario cases, run as the text is now: failing ones first-class, not hidden. */
export function renderCases(container, tree, jump) {
  if (!tree.cases.length) { container.replaceChildren(h('p', {}, 'This tree has no scenario cases yet.')); return; }
  const failing = tree.cases.filter((c) => !c.passed).length;
  container.replaceChildren(
    h('p', { class: failing ? 'studio-error' : 'studio-ok', id: 'case-summary' }, failing ? `${plural(failing, 'case')} of ${tree.cases.length} failing.` : `All ${plural(tree.cases.length, 'case')} pass.`),
    h('table', { class: 'studio-table' },
      h('caption', { class: 'visually-hidden' }, `Scenario cases of “${tree.title}”`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Case'), h('th', { scope: 'col' }, 'Result'), h('th', { scope: 'col' }, 'Reaches'))),
      h('tbody', {}, tree.cases.map((c) => h('tr', { class: c.passed ? 'case-passed' : 'case-failed', 'data-case': c.name },
        h('td', {}, c.name, h('br'), lineButton(c.line, jump)),
        h('td', {}, c.passed ? h('strong', { class: 'studio-tag studio-tag--pass' }, 'Passes') : [h('strong', { class: 'studio-tag studio-tag--fail' }, 'Fails'), h('ul', { class: 'studio-list' }, c.problems.map((p) => h('li', {}, p)))]),
        h('td', {}, c.reached ? h('code', {}, c.reached) : '–'))))));
}

/** The change report, as `probity diff` words it: trees, clauses, nodes, and each changed region. */
export function renderChanges(container, result, label) {
  if (result.error) { container.replaceChildren(h('p', { class: 'studio-error' }, result.error)); return; }
  const d = result.report;
  const regions = d.trees.reduce((n, t) => n + t.regions.length, 0);
  const header = h('p', { class: 'studio-change-summary', id: 'change-summary' }, isEmpty(d)
    ? `No changes from ${label}: every answer, clause and question is the same.`
    : `Compared with ${label}: ${plural(d.trees.length, 'tree')} changed, ${plural(regions, 'group')} of answers with a different outcome.`);
  const items = [header];
  const names = (title, list) => list.length ? h('p', {}, `${title}: `, ...list.map((x, i) => [i ? ', ' : '', h('code', {}, x)])) : null;
  items.push(names('Trees added', d.trees_added), names('Trees removed', d.trees_removed), names('Clauses added', d.clauses_added), names('Clauses removed', d.clauses_removed));
  for (const c of d.clauses_changed) {
    items.push(h('section', { class: 'studio-change' }, h('h4', {}, `Clause ${c.reference} reworded`),
      h('p', {}, h('strong', {}, 'Before: '), c.old), h('p', {}, h('strong', {}, 'After: '), c.new),
      c.quoted_by.length ? h('p', {}, `Quoted by: ${c.quoted_by.join(', ')}`) : null));
  }
  let index = 0;
  for (const t of d.trees) {
    const section = h('section', { class: 'studio-change', 'data-tree': t.tree }, h('h4', {}, `${t.title} (${t.tree})`));
    for (const line of t.header_changed) section.append(h('p', {}, line));
    section.append(names('Boxes added', t.nodes_added) ?? '', names('Boxes removed', t.nodes_removed) ?? '');
    for (const q of t.questions_changed) section.append(h('p', {}, `Question ${q}`));
    if (t.not_compared) section.append(h('p', { class: 'studio-error' }, `Answers not compared: ${t.not_compared}.`));
    const list = h('ol', { class: 'studio-regions' });
    for (const r of t.regions) {
      const amounts = result.amounts[index++] ?? { before: [], after: [] };
      list.append(h('li', { class: 'studio-region', 'data-changed': r.changed.join(' ') },
        h('p', {}, h('strong', {}, 'What changes: '), r.changed.join(', ')),
        h('p', {}, 'When the answers are:'),
        h('ul', { class: 'studio-list' }, r.answers.map((a) => h('li', {}, `“${a.question}” — ${a.answers}`))),
        h('dl', { class: 'studio-before-after' },
          h('dt', {}, 'Before'), h('dd', {}, h('strong', {}, r.old.label), ` — ${r.old.headline} (${r.old.node}; ${r.old.cite.join(', ')})`, ...amounts.before.map((a) => [h('br'), a])),
          h('dt', {}, 'After'), h('dd', {}, h('strong', {}, r.new.label), ` — ${r.new.headline} (${r.new.node}; ${r.new.cite.join(', ')})`, ...amounts.after.map((a) => [h('br'), a]))),
        h('p', { class: 'studio-witness' }, 'For example: ', h('code', {}, witness(r.witness)))));
    }
    if (t.regions.length) section.append(list);
    items.push(section);
  }
  container.replaceChildren(...items.filter(Boolean));
}

function isEmpty(d) {
  return !d.trees_added.length && !d.trees_removed.length && !d.clauses_added.length && !d.clauses_removed.length && !d.clauses_changed.length && !d.trees.length;
}
