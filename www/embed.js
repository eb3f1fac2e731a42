// The iframe page: builds a <probity-widget> from the query string
// (?policy=…&tree=…&kiosk=1&idle=…&policy-src=…). The widget itself posts each exported
// declaration to the parent page (same origin) as { type: 'probity-declaration', declaration }.
import './probity-widget.js';

const params = new URLSearchParams(location.search);
const widget = document.createElement('probity-widget');
widget.id = 'probity-embed-widget';
for (const name of ['policy', 'tree', 'policy-src']) {
  const value = params.get(name);
  if (value) widget.setAttribute(name, value);
}
if (params.get('kiosk') === '1') widget.setAttribute('kiosk', '');
if (params.get('idle')) widget.setAttribute('idle-seconds', params.get('idle'));
document.getElementById('probity-embed').append(widget);
