// The demo host page's own script: shows the declarations the widget hands to the page.
const show = (id, declaration) => {
  const el = document.getElementById(id);
  el.textContent = `${declaration.policy.id} › ${declaration.tree.id}: ${declaration.outcome.verdict_label} — ${declaration.outcome.headline}`;
};
document.addEventListener('probity-declaration', (e) => show('demo-last-event', e.detail));
window.addEventListener('message', (e) => {
  if (e.origin !== location.origin || !e.data || e.data.type !== 'probity-declaration') return;
  show('demo-last-message', e.data.declaration);
});
