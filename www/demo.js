// The demo host page's own script: shows the declarations the widget hands to the page.
// Each carries { action, record, declaration }; `record` is the same for repeats of one record.
const show = (id, { action, record, declaration }) => {
  const el = document.getElementById(id);
  el.textContent = `${declaration.policy.id} › ${declaration.tree.id}: ${declaration.outcome.verdict_label} — ${declaration.outcome.headline} (${action}, record ${record.slice(7, 19)}…)`;
};
document.addEventListener('probity-declaration', (e) => show('demo-last-event', e.detail));
window.addEventListener('message', (e) => {
  if (e.origin !== location.origin || !e.data || e.data.type !== 'probity-declaration') return;
  show('demo-last-message', e.data);
});
