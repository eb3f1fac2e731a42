// The demo host page's own script: shows the declarations the widget hands to the page, and
// clears them when the widget resets (a kiosk's idle reset, or Start again), as a host should:
// what the last person exported must not wait on the page for the next one.
// Each declaration arrives as { action, record, declaration }; `record` is the same for repeats of one record.
const NONE = '(none yet)';
const show = (id, { action, record, declaration }) => {
  const el = document.getElementById(id);
  // A declaration of interests (kind "interests") has interests, not one outcome.
  const what = declaration.outcome
    ? `${declaration.outcome.verdict_label} — ${declaration.outcome.headline}`
    : `declaration of interests, ${declaration.nil ? 'nil' : `${declaration.interests.length} listed`}`;
  el.textContent = `${declaration.policy.id} › ${declaration.tree.id}: ${what} (${action}, record ${record.slice(7, 19)}…)`;
};
const clear = (id) => { document.getElementById(id).textContent = NONE; };

document.addEventListener('probity-declaration', (e) => show('demo-last-event', e.detail));
document.addEventListener('probity-reset', () => clear('demo-last-event'));
window.addEventListener('message', (e) => {
  if (e.origin !== location.origin || !e.data) return;
  if (e.data.type === 'probity-declaration') show('demo-last-message', e.data);
  if (e.data.type === 'probity-reset') clear('demo-last-message');
});
