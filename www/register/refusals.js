// The files the register did not add, listed apart by why: invalid, altered, unknown version.
// Each with its file name, the reason (the core's words, the same as `probity register`) and
// what to do about it.

const KINDS = [
  ['invalid', 'Invalid'],
  ['altered', 'Altered'],
  ['unknown_version', 'Unknown policy version'],
];

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Fills `container` with the refused files (`{file, kind, label, reason, help}`), by kind. */
export function renderRefusals(container, refused) {
  container.replaceChildren();
  for (const [kind, label] of KINDS) {
    const these = refused.filter((r) => r.kind === kind);
    if (these.length === 0) continue;
    const group = el('div', 'reg-refused');
    group.dataset.kind = kind;
    group.append(el('h3', 'reg-h3', `${label} (${these.length})`));
    const list = el('ul', 'reg-refused__list');
    for (const r of these) {
      const item = el('li', 'reg-refused__item');
      item.append(el('p', 'reg-refused__file', r.file));
      item.append(el('p', 'reg-refused__reason', r.reason));
      item.append(el('p', 'reg-refused__help', `What to do: ${r.help}`));
      list.append(item);
    }
    group.append(list);
    container.append(group);
  }
}
