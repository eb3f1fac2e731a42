// <probity-widget>: the Probity widget as a custom element.
//
// Usage on any page:  <script type="module" src="/probity/probity-widget.js"></script>
//                     <probity-widget policy="kent" tree="gifts"></probity-widget>
// Attributes (all optional): policy, tree, kiosk, idle-seconds, policy-src, heading-level, keep-title.
// The widget renders inside a shadow root with its own stylesheet, so the host page's CSS
// cannot reach it and its CSS cannot reach the host page.

import { firstPage, afterPaint, Prerendered } from './takeover.js';

const here = new URL('.', import.meta.url);
let ready = null;
// The wasm and its glue are fetched when the widget starts, after the first page has painted
// (see takeover.js), so on a slow connection they never delay the first question; a per-tree
// iframe page has already preloaded the wasm from its <head>, and this fetch takes that copy.
function loadWasm() {
  if (!ready) {
    // The wasm is fetched beside its glue, not by it: the glue would ask for the wasm only once
    // it had itself arrived, a whole round trip later on a slow connection.
    const wasm = fetch(new URL('pkg/probity_web_bg.wasm', here));
    wasm.catch(() => {}); // a failure is reported through `ready`, not as an unhandled rejection
    ready = import('./pkg/probity_web.js').then(async (glue) => {
      await glue.default({ module_or_path: wasm });
      return glue;
    });
    ready.catch(() => { ready = null; }); // a failed download may be retried by the next render
  }
  return ready;
}

let counter = 0;

class ProbityWidget extends HTMLElement {
  static get observedAttributes() { return ['policy', 'tree', 'kiosk', 'policy-src', 'idle-seconds', 'heading-level', 'keep-title']; }

  constructor() {
    super();
    // A per-tree iframe page (embed/<policy>/<tree>.html) ships the first page in a declarative
    // shadow root; it is adopted, not replaced, so the question the officer is reading stays.
    this._declarative = [...(this.shadowRoot?.children ?? [])].find((el) => el.classList.contains('pb-host')) ?? null;
    if (!this.shadowRoot) this.attachShadow({ mode: 'open' });
  }

  connectedCallback() { this._render(); }

  disconnectedCallback() { this._unmount(); }

  attributeChangedCallback() { if (this.isConnected && this._mounted) this._render(); }

  _unmount() {
    this._generation = (this._generation ?? 0) + 1; // an unfinished render must not mount
    if (this._widget) { this._widget.destroy(); this._widget = null; }
    this._mounted = false;
  }

  async _render() {
    // Names this widget's history entries and saved answers; the element's id when it has one.
    if (!this._instance) this._instance = this.id || `probity-${++counter}`;
    this._unmount();
    this._mounted = true;
    const generation = this._generation; // `_unmount` just moved it on
    const root = this.shadowRoot;
    const declarative = this._declarative;
    this._declarative = null; // only the first render can adopt it

    const params = new URLSearchParams(location.search);
    const kiosk = (this.hasAttribute('kiosk') && this.getAttribute('kiosk') !== 'false') || params.get('kiosk') === '1';
    const src = this.getAttribute('policy-src');
    const options = {
      policy: this.getAttribute('policy') || null,
      tree: this.getAttribute('tree') || null,
      kiosk,
      instance: this._instance,
      idle_seconds: Number(this.getAttribute('idle-seconds') || params.get('idle')) || null,
      // Only a whole number from 1 to 6 is passed on: anything else would make every option fall back.
      heading_level: headingLevel(this.getAttribute('heading-level')),
      keep_title: this.hasAttribute('keep-title') && this.getAttribute('keep-title') !== 'false',
    };
    // The first page, shown before the wasm arrives: the declarative one if the page has it,
    // else from pkg/first-pages.js; none when the live widget would open elsewhere.
    let container;
    let prerendered = null;
    // A first page that cannot be had (pkg/first-pages.js missing, say) only costs the early
    // view: the live widget still starts.
    // The prerendered first pages have an h1, so a host that asks for another level waits for the live one.
    const html = options.heading_level && options.heading_level !== 1 ? null
      : await firstPage({ ...options, policySrc: src, declarative: !!declarative }).catch(() => null);
    if (generation !== this._generation) return;
    if (declarative && html !== null) {
      container = declarative;
      prerendered = new Prerendered(container);
    } else {
      root.replaceChildren();
      const style = document.createElement('link');
      style.rel = 'stylesheet';
      style.href = new URL('probity.css', here).href;
      container = document.createElement('div');
      container.className = 'pb-host';
      if (html) {
        prerendered = new Prerendered(container, html);
      } else {
        const loading = document.createElement('p');
        loading.className = 'pb-loading';
        loading.textContent = 'Loading…';
        container.append(loading);
      }
      root.append(style, container);
    }

    try {
      if (src) {
        const url = new URL(src, document.baseURI);
        if (url.origin !== location.origin) throw new Error(`policy-src must be on this site (${location.origin}), not ${url.origin}`);
        const response = await fetch(url, { credentials: 'same-origin' });
        if (!response.ok) throw new Error(`could not load the policy from ${url.pathname} (HTTP ${response.status})`);
        options.policy_json = await response.text();
        options.policy_label = url.pathname.split('/').pop() || 'policy-src';
      }
      if (prerendered) await afterPaint();
      const { mount } = await loadWasm();
      if (generation !== this._generation) return; // re-rendered (or removed) while loading
      if (!prerendered) {
        container.replaceChildren();
        this._widget = mount(this, container, options);
        container.dataset.live = ''; // tests and host scripts can tell the live widget from the first page
        return;
      }
      // The live widget renders the same page off screen, then takes the prerendered one's place.
      const live = document.createElement('div');
      live.className = 'pb-host';
      live.dataset.live = '';
      live.hidden = true;
      root.append(live);
      // Replayed only once the widget has started (restored any saved walk, claimed its history
      // entry): it says so with `probity-ready`. Should that never come (a crash), the live page,
      // with its error panel, is shown after a few seconds anyway.
      const started = new Promise((resolve) => {
        live.addEventListener('probity-ready', resolve, { once: true });
        setTimeout(resolve, 5000);
      });
      this._widget = mount(this, live, options);
      await started;
      if (generation !== this._generation) return;
      live.remove();
      prerendered.handOver(live);
    } catch (error) {
      if (generation !== this._generation) return;
      if (prerendered) prerendered.fail(errorPanel(error));
      else container.replaceChildren(errorPanel(error));
    }
  }
}

function headingLevel(value) {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 6 ? n : null;
}

// A failure to load is shown as a panel that says what went wrong, never as a blank box.
function errorPanel(error) {
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
  return panel;
}

if (!customElements.get('probity-widget')) customElements.define('probity-widget', ProbityWidget);

// Works offline after the first visit: a service worker beside this script keeps the widget's
// files (never any answers). Its scope is this folder, so it never touches the rest of the intranet.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register(new URL('sw.js', here), { scope: here.pathname }).catch(() => {
    // Offline use is a bonus: the widget works online without it.
  });
}
