// The iframe page: builds a <probity-widget> from the query string
// (?policy=…&tree=…&kiosk=1&idle=…&no-storage=1). The widget itself posts each exported
// declaration to the parent page (same origin) as { type: 'probity-declaration', declaration },
// and each reset as { type: 'probity-reset' }.
// The per-tree pages (embed/<policy>/<tree>.html) already hold the element, with its first page
// prerendered. The element itself reads kiosk, idle and no-storage from the page address.
//
// Never `policy-src`: this page's address is whatever a link says, so taking a policy from it
// would let anyone show their own "policy" in the real page (security review, row 2). A council's
// own policy is named by the host page, on the element (`<probity-widget policy-src=…>`).

const params = new URLSearchParams(location.search);
let widget = document.getElementById('probity-embed-widget');
if (!widget) {
  widget = document.createElement('probity-widget');
  widget.id = 'probity-embed-widget';
  for (const name of ['policy', 'tree']) {
    const value = params.get(name);
    if (value) widget.setAttribute(name, value);
  }
  document.getElementById('probity-embed').append(widget);
}
if (params.has('policy-src')) {
  console.warn('probity: `policy-src` is not taken from the page address; it is ignored. Put the widget on a page of your own with <probity-widget policy-src="…">');
}
// Defined only now, so the element starts once, with every attribute in place.
await import('./probity-widget.js');
