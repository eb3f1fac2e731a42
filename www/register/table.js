// The register as a table: the columns HR reads (headings from probity_core::register::COLUMNS),
// sorted by a button in each heading (aria-sort says which) and filtered by team, verdict,
// question and date made; each row's management action is a text area HR types into.

/** The columns shown, in the core's order; the CSV has every column (docs/register-columns.md). */
export const SHOWN = ['made', 'officer', 'job_title', 'team', 'council', 'question', 'verdict', 'offered_by', 'what',
  'value', 'action_taken', 'date_offered', 'management_action', 'made_under', 'digest'];

export const rowKey = (row) => `${row.digest}#${row.item}`;

/** `sha256:` and 16 hex digits (what `probity register` prints), `#item` for an interest. */
const shortDigest = (row) => `${row.digest.slice(0, 23)}${row.item > 0 ? `#${row.item}` : ''}`;

/** Money as a number to sort by ("£1,250.00" → 1250); blank sorts first. */
const amount = (text) => {
  const n = Number(String(text).replace(/[^0-9.]/g, ''));
  return text && Number.isFinite(n) ? n : -1;
};

function compare(id, a, b) {
  if (id === 'value') return amount(a.value) - amount(b.value);
  return String(a[id]).localeCompare(String(b[id]), 'en-GB', { numeric: true, sensitivity: 'base' });
}

/** The rows sorted (`sort`: {id, dir}) and kept by the filters; the register's own order otherwise. */
export function visibleRows(rows, sort, filters) {
  const kept = rows.filter((r) =>
    (!filters.team || r.team === filters.team)
    && (!filters.verdict || r.verdict === filters.verdict)
    && (!filters.question || r.question === filters.question)
    && (!filters.from || r.made >= filters.from)
    && (!filters.to || r.made <= filters.to));
  if (!sort) return kept;
  const sign = sort.dir === 'descending' ? -1 : 1;
  return kept.map((r, i) => [r, i]).sort(([a, i], [b, j]) => sign * compare(sort.id, a, b) || i - j).map(([r]) => r);
}

/** The heading row: a sort button in each column but the management action's. */
export function renderHead(thead, headings, onSort) {
  const tr = document.createElement('tr');
  for (const id of SHOWN) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.dataset.column = id;
    if (id === 'management_action') {
      th.textContent = headings[id];
    } else {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'reg-sort';
      button.dataset.sort = id;
      button.textContent = headings[id];
      button.addEventListener('click', () => onSort(id));
      th.append(button);
    }
    tr.append(th);
  }
  thead.replaceChildren(tr);
}

/** Marks the sorted column (aria-sort) and no other. */
export function markSort(thead, sort) {
  for (const th of thead.querySelectorAll('th')) {
    if (sort && th.dataset.column === sort.id) th.setAttribute('aria-sort', sort.dir);
    else th.removeAttribute('aria-sort');
  }
}

function cell(tr, id, text) {
  const td = document.createElement('td');
  td.dataset.column = id;
  td.textContent = text;
  tr.append(td);
  return td;
}

/**
 * The body rows. `actions` maps a row key to {text, error} where HR's typing has not (yet) been
 * accepted, so a rejected action stays as typed, with its message beside it.
 */
export function renderBody(tbody, rows, actions, onAction) {
  tbody.replaceChildren();
  rows.forEach((row, n) => {
    const tr = document.createElement('tr');
    tr.dataset.key = rowKey(row);
    for (const id of SHOWN) {
      if (id === 'digest') {
        cell(tr, id, shortDigest(row)).classList.add('reg-digest');
      } else if (id === 'management_action') {
        const td = cell(tr, id, '');
        const pending = actions.get(rowKey(row));
        const fieldId = `action-${n}`;
        const label = document.createElement('label');
        label.className = 'visually-hidden';
        label.htmlFor = fieldId;
        label.textContent = `Management action for ${row.officer || 'the officer'}, ${row.question}, made ${row.made}`;
        const area = document.createElement('textarea');
        area.className = 'reg-action';
        area.id = fieldId;
        area.rows = 2;
        area.value = pending ? pending.text : row.management_action;
        area.addEventListener('change', () => onAction(row, area.value));
        const printed = document.createElement('span');
        printed.className = 'reg-print-only';
        printed.textContent = area.value;
        td.append(label);
        if (pending?.error) {
          const error = document.createElement('p');
          error.className = 'reg-field-error';
          error.id = `${fieldId}-error`;
          error.textContent = `Error: ${pending.error}`;
          area.setAttribute('aria-describedby', error.id);
          area.setAttribute('aria-invalid', 'true');
          td.classList.add('reg-cell--error');
          td.append(error);
        }
        td.append(area, printed);
      } else {
        cell(tr, id, row[id]);
      }
    }
    tbody.append(tr);
  });
}

/** Fills a filter's choices from the rows, keeping what was chosen if it is still there. */
export function fillChoices(select, all, values) {
  const chosen = select.value;
  const unique = [...new Set(values.filter(Boolean))].sort((a, b) => a.localeCompare(b, 'en-GB'));
  const options = [new Option(all, '')].concat(unique.map((v) => new Option(v, v)));
  select.replaceChildren(...options);
  select.value = unique.includes(chosen) ? chosen : '';
}
