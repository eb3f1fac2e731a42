// The iframe page: builds a <probity-widget> from the query string
// (?policy=…&tree=…&kiosk=1&idle=…&policy-src=…). The widget itself posts each exported
// declaration to the parent page (same origin) as { type: 'probity-declaration', declaration }.
// The per-tree pages (embed/<policy>/<tree>.html) already hold the element, with its first page
// prerendered; there only kiosk and idle come from the query string.

const params = new URLSearchParams(location.search);
let widget = document.getElementById('probity-embed-widget');
if (!widget) {
  widget = document.createElement('probity-widget');
  widget.id = 'probity-embed-widget';
  for (const name of ['policy', 'tree', 'policy-src']) {
    const value = params.get(name);
    if (value) widget.setAttribute(name, value);
  }
  document.getElementById('probity-embed').append(widget);
}
if (params.get('kiosk') === '1') widget.setAttribute('kiosk', '');
if (params.get('idle')) widget.setAttribute('idle-seconds', params.get('idle'));
// Defined only now, so the element starts once, with every attribute in place.
await import('./probity-widget.js');
