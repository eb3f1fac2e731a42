// <probity-widget>: the Probity widget as a custom element.
//
// Usage on any page:  <script type="module" src="/probity/probity-widget.js"></script>
//                     <probity-widget policy="kent" tree="gifts"></probity-widget>
// Attributes (all optional): policy, tree, kiosk, idle-seconds, policy-src.
// The widget renders inside a shadow root with its own stylesheet, so the host page's CSS
// cannot reach it and its CSS cannot reach the host page.

import init, { mount } from './pkg/probity_web.js';

const here = new URL('.', import.meta.url);
let ready = null;
function loadWasm() {
  if (!ready) ready = init({ module_or_path: new URL('pkg/probity_web_bg.wasm', here) });
  return ready;
}

let counter = 0;

class ProbityWidget extends HTMLElement {
  static get observedAttributes() { return ['policy', 'tree', 'kiosk', 'policy-src', 'idle-seconds']; }

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }

  connectedCallback() { this._render(); }

  disconnectedCallback() { this._unmount(); }

  attributeChangedCallback() { if (this.isConnected && this._mounted) this._render(); }

  _unmount() {
    if (this._widget) { this._widget.destroy(); this._widget = null; }
    this._mounted = false;
  }

  async _render() {
    // Names this widget's history entries and saved answers; the element's id when it has one.
    if (!this._instance) this._instance = this.id || `probity-${++counter}`;
    this._unmount();
    this._mounted = true;
    const root = this.shadowRoot;
    root.replaceChildren();
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = new URL('probity.css', here).href;
    const container = document.createElement('div');
    container.className = 'pb-host';
    const loading = document.createElement('p');
    loading.className = 'pb-loading';
    loading.textContent = 'Loading…';
    container.append(loading);
    root.append(style, container);

    const params = new URLSearchParams(location.search);
    const kiosk = (this.hasAttribute('kiosk') && this.getAttribute('kiosk') !== 'false') || params.get('kiosk') === '1';
    const options = {
      policy: this.getAttribute('policy') || null,
      tree: this.getAttribute('tree') || null,
      kiosk,
      instance: this._instance,
      idle_seconds: Number(this.getAttribute('idle-seconds') || params.get('idle')) || null,
    };
    try {
      const src = this.getAttribute('policy-src');
      if (src) {
        const url = new URL(src, document.baseURI);
        if (url.origin !== location.origin) throw new Error(`policy-src must be on this site (${location.origin}), not ${url.origin}`);
        const response = await fetch(url, { credentials: 'same-origin' });
        if (!response.ok) throw new Error(`could not load the policy from ${url.pathname} (HTTP ${response.status})`);
        options.policy_json = await response.text();
        options.policy_label = url.pathname.split('/').pop() || 'policy-src';
      }
      await loadWasm();
      container.replaceChildren();
      this._widget = mount(this, container, options);
    } catch (error) {
      showError(container, error);
    }
  }
}

// A failure to load is shown as a panel that says what went wrong, never as a blank box.
function showError(container, error) {
  const panel = document.createElement('div');
  panel.className = 'pb-error-summary';
  panel.setAttribute('role', 'alert');
  const h = document.createElement('h2');
  h.className = 'pb-error-summary__title';
  h.textContent = 'This tool could not start';
  const p = document.createElement('p');
  p.textContent = String(error && error.message ? error.message : error);
  const help = document.createElement('p');
  help.textContent = 'Try reloading the page. If it keeps happening, tell whoever looks after this page.';
  panel.append(h, p, help);
  container.replaceChildren(panel);
}

if (!customElements.get('probity-widget')) customElements.define('probity-widget', ProbityWidget);

// Works offline after the first visit: a service worker beside this script keeps the widget's
// files (never any answers). Its scope is this folder, so it never touches the rest of the intranet.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register(new URL('sw.js', here), { scope: here.pathname }).catch(() => {
    // Offline use is a bonus: the widget works online without it.
  });
}
