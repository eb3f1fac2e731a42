// <probity-widget>: the Probity widget as a custom element.
//
// Usage on any page:  <script type="module" src="/probity/probity-widget.js"></script>
//                     <probity-widget policy="kent" tree="gifts"></probity-widget>
// Attributes (all optional): policy, tree, kiosk, idle-seconds, policy-src, no-storage, heading-level, keep-title.
// The widget renders inside a shadow root with its own stylesheet, so the host page's CSS
// cannot reach it and its CSS cannot reach the host page.
//
// Two builds never mix: this script and its two imports are the entry (served `no-cache`);
// every other file it loads carries the build id in its URL (`?v=…`, see pkg/build.js, written
// by scripts/build-web.sh), so the glue, the wasm, the first pages and the stylesheet always
// come from the same build, and the service worker keeps one build's files at a time.

import { firstPage, afterPaint, Prerendered } from './takeover.js';
import { BUILD, POLICIES } from './pkg/build.js';

const here = new URL('.', import.meta.url);
/** A file of this build: its URL carries the build id. */
const built = (file) => new URL(`${file}?v=${BUILD}`, here);

// Kiosk idle time bounds, as the widget has them (crates/web/src/options.rs).
const IDLE = { min: 5, max: 3600, default: 120 };
// A council's own policy larger than this is refused: no council's code comes near it (the
// biggest built-in one is about 100 KB as JSON), and checking a huge one would freeze a phone.
const POLICY_MAX_BYTES = 512 * 1024;

let ready = null;
// The wasm and its glue are fetched when the widget starts, after the first page has painted
// (see takeover.js), so on a slow connection they never delay the first question; a per-tree
// iframe page has already preloaded the wasm from its <head>, and this fetch takes that copy.
function loadWasm() {
  if (!ready) {
    // The wasm is fetched beside its glue, not by it: the glue would ask for the wasm only once
    // it had itself arrived, a whole round trip later on a slow connection.
    const wasm = fetch(built('pkg/probity_web_bg.wasm'));
    wasm.catch(() => {}); // a failure is reported through `ready`, not as an unhandled rejection
    ready = import(built('pkg/probity_web.js').href).then(async (glue) => {
      await glue.default({ module_or_path: wasm });
      return glue;
    });
    ready.catch(() => { ready = null; }); // a failed download may be retried by the next render
  }
  return ready;
}

// The councils' compiled policies (pkg/policies/<id>.bin, checked at build time): one file each,
// fetched only when a widget needs it, once per page (widgets share the download). Fetched as the
// per-tree page's `<link rel=preload as=fetch crossorigin>` asks for it, so that copy is used. The
// bytes go to the wasm with the digest the build lists for the file; the wasm checks both.
const compiled = new Map();
function fetchCompiled(id) {
  if (!compiled.has(id)) {
    const request = fetch(built(`pkg/policies/${id}.bin`)).then(async (response) => {
      if (!response.ok) throw new Error(`could not load the policy \`${id}\` (HTTP ${response.status})`);
      return { id, digest: POLICIES[id], bytes: new Uint8Array(await response.arrayBuffer()) };
    });
    request.catch(() => compiled.delete(id)); // a failed download may be retried by the next render
    compiled.set(id, request);
  }
  return compiled.get(id);
}
/** The policies a widget starts with: its own council's alone when it names one, else all. */
const startingPolicies = (policy) => (Object.hasOwn(POLICIES, policy ?? '') ? [policy] : Object.keys(POLICIES));
/** The others, for the compare page (called by the wasm when it opens). */
const otherPolicies = (have) => Promise.all(Object.keys(POLICIES).filter((id) => !have.includes(id)).map(fetchCompiled));

// The checker module (crates/checker): the JSON policy reader and checker, only for a council's
// own policy file (`policy-src`, the studio's "Try it"). Loaded only then: the widget's wasm has no
// checker. It checks against the built-in vocabulary and hands back the compiled policy.
let checker = null;
function loadChecker() {
  if (!checker) {
    checker = Promise.all([
      import(built('checker/pkg/probity_checker.js').href).then(async (glue) => { await glue.default({ module_or_path: built('checker/pkg/probity_checker_bg.wasm') }); return glue; }),
      fetch(built('pkg/policies/vocabulary.json')).then((r) => { if (!r.ok) throw new Error(`could not load the vocabulary (HTTP ${r.status})`); return r.text(); }),
    ]);
    checker.catch(() => { checker = null; });
  }
  return checker;
}
async function checkOwn(text, label) {
  const [glue, vocabulary] = await loadChecker();
  const result = glue.check(vocabulary, label, text);
  try {
    const bytes = result.bytes();
    return bytes ? { custom_policy: bytes } : { custom_problems: result.problems() };
  } finally {
    result.free();
  }
}

let counter = 0;

// Works offline after the first visit: a service worker beside this script keeps this build's
// files (never any answers, never any other response). Its scope is this folder, so it never
// touches the rest of the intranet. The build id in its URL makes a new build a new worker.
// Registered only once a widget is ready: by then the page has fetched everything it needs, and
// the worker copies those files from the browser's HTTP cache (www/sw.js) instead of downloading
// them a second time while the officer's slow connection is still busy with the wasm.
let registered = false;
function registerWorker() {
  if (registered || !('serviceWorker' in navigator) || location.protocol === 'file:') return;
  registered = true;
  navigator.serviceWorker.register(new URL(`sw.js?build=${BUILD}`, here), { scope: here.pathname }).catch(() => {
    // Offline use is a bonus: the widget works online without it.
  });
}

/** A switch attribute: present (and not "false") means on. */
const switched = (el, name) => el.hasAttribute(name) && el.getAttribute(name) !== 'false';

/**
 * Kiosk mode from the element and the page address. Only ever turned on from the address, and
 * any value there but "0" or "false" turns it on: a mistyped `?kiosk=yes` must not leave a
 * kiosk keeping answers (security review, row 1).
 */
function kioskMode(el, params) {
  if (switched(el, 'kiosk')) return true;
  if (!params.has('kiosk')) return false;
  const value = params.get('kiosk');
  if (value !== '1' && value !== '0' && value !== 'false') {
    console.warn(`probity: \`?kiosk=\` should be 1, not \`${value}\`; kiosk mode is on`);
  }
  return value !== '0' && value !== 'false';
}

/**
 * The idle time in whole seconds, or null for the widget's default. A bad value (fractional,
 * negative, not a number, out of bounds) is only a warning: kiosk mode stays on, with the default.
 */
function idleSeconds(el, params) {
  const [name, raw] = el.hasAttribute('idle-seconds') ? ['idle-seconds', el.getAttribute('idle-seconds')] : ['?idle=', params.get('idle')];
  if (raw === null || raw.trim() === '') return null;
  // Digits only: `1e2` or `0x3c` are numbers to JavaScript, not a count of seconds to a person.
  const n = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (n >= IDLE.min && n <= IDLE.max) return n;
  console.warn(`probity: \`${name}\` must be a whole number of seconds from ${IDLE.min} to ${IDLE.max}, not \`${raw}\`; using ${IDLE.default}`);
  return null;
}

/**
 * Fetches a council's own policy: same site only, no redirect followed (an open redirect must
 * not lead elsewhere), and no more than POLICY_MAX_BYTES read. Resolves to its text.
 */
async function fetchPolicy(src) {
  const url = new URL(src, document.baseURI);
  if (url.origin !== location.origin) throw new Error(`policy-src must be on this site (${location.origin}), not ${url.origin}`);
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin', redirect: 'error' });
  } catch {
    throw new Error(`could not load the policy from ${url.pathname}: the address redirects elsewhere, or the site did not answer. Give policy-src the file's own address`);
  }
  if (!response.ok) throw new Error(`could not load the policy from ${url.pathname} (HTTP ${response.status})`);
  const tooBig = () => new Error(`the policy at ${url.pathname} is larger than ${POLICY_MAX_BYTES / 1024} KB, the most this tool reads. Check it is the right file`);
  if (Number(response.headers.get('content-length')) > POLICY_MAX_BYTES) throw tooBig();
  // Read as it arrives and stop at the limit (the length header may be missing, or compressed).
  const reader = response.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > POLICY_MAX_BYTES) { reader.cancel().catch(() => {}); throw tooBig(); }
    chunks.push(value);
  }
  return { text: await new Blob(chunks).text(), source: url.pathname };
}

class ProbityWidget extends HTMLElement {
  static get observedAttributes() { return ['policy', 'tree', 'kiosk', 'policy-src', 'idle-seconds', 'no-storage', 'heading-level', 'keep-title']; }

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

  // The policy studio's "Try it" (studio.html, same origin) hands the edited policy's JSON text
  // to the element by this property, in place of fetching `policy-src`: the same in-browser
  // checker then reads it. It is set only by a script on the page, never from a URL or a message.
  get policyJson() { return this._policyJson ?? null; }
  set policyJson(text) {
    this._policyJson = text == null ? null : String(text);
    if (this.isConnected && this._mounted) this._render();
  }

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

    // Each option is read on its own, and none can turn kiosk mode off but its own absence.
    const params = new URLSearchParams(location.search);
    const kiosk = kioskMode(this, params);
    const src = this.getAttribute('policy-src');
    // Started now, beside the first page, so the policy is in hand when the wasm is.
    const policies = Promise.all(startingPolicies(this.getAttribute('policy')).map(fetchCompiled));
    policies.catch(() => {}); // reported below, when awaited
    const own = this._policyJson ?? null;
    const options = {
      policy: this.getAttribute('policy') || null,
      tree: this.getAttribute('tree') || null,
      kiosk,
      // Like kiosk mode, keeping nothing can only be switched on from the page address.
      no_storage: switched(this, 'no-storage') || (params.has('no-storage') && !['0', 'false'].includes(params.get('no-storage'))),
      instance: this._instance,
      idle_seconds: kiosk ? idleSeconds(this, params) : null,
      // Only a whole number from 1 to 6 is passed on; the widget warns about anything else.
      heading_level: headingLevel(this.getAttribute('heading-level')),
      keep_title: switched(this, 'keep-title'),
    };
    // The first page, shown before the wasm arrives: the declarative one if the page has it,
    // else from pkg/first-pages.js; none when the live widget would open elsewhere.
    let container;
    let prerendered = null;
    // A first page that cannot be had (pkg/first-pages.js missing, say) only costs the early
    // view: the live widget still starts.
    // The prerendered first pages have an h1, so a host that asks for another level waits for the live one.
    const html = options.heading_level && options.heading_level !== 1 ? null
      : await firstPage({ ...options, policySrc: src || own !== null, declarative: !!declarative }).catch(() => null);
    if (generation !== this._generation) return;
    if (declarative && html !== null) {
      container = declarative;
      prerendered = new Prerendered(container);
    } else {
      root.replaceChildren();
      const style = document.createElement('link');
      style.rel = 'stylesheet';
      style.href = built('probity.css').href;
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
      if (own !== null) {
        // Set by the policy studio's "Try it" frame (same origin, a JS property): never a URL or a message.
        options.policy_source = 'the policy studio (your edited copy)';
        Object.assign(options, await checkOwn(own, options.policy_source));
      } else if (src) {
        const policy = await fetchPolicy(src);
        options.policy_source = policy.source;
        Object.assign(options, await checkOwn(policy.text, policy.source));
      }
      options.policies = await policies;
      // Only a widget that started with fewer than every council fetches the rest (for its compare page).
      if (options.policies.length < Object.keys(POLICIES).length) options.load_others = otherPolicies;
      if (prerendered) await afterPaint();
      const { mount } = await loadWasm();
      if (generation !== this._generation) return; // re-rendered (or removed) while loading
      if (kiosk) this._watchBuild();
      if (!prerendered) {
        container.replaceChildren();
        container.dataset.live = ''; // tests and host scripts can tell the live widget from the first page
        this._widget = mount(this, container, options);
        registerWorker();
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
      registerWorker();
    } catch (error) {
      if (generation !== this._generation) return;
      // A crash inside the widget has already shown its own panel (crates/web/src/crash.rs),
      // which says more than the bare "unreachable" the exception carries.
      if (root.querySelector('[data-crash]')) return;
      if (prerendered) prerendered.fail(errorPanel(error));
      else container.replaceChildren(errorPanel(error));
    }
  }

  /**
   * A kiosk runs for days without a reload. After each reset (the widget fires `probity-reset`)
   * it asks whether a newer build is on the server, and reloads into it if so: between two
   * people, so no one loses a walk, and no declaration is made against outdated policies.
   */
  _watchBuild() {
    if (this._watchingBuild) return;
    this._watchingBuild = true;
    this.addEventListener('probity-reset', async () => {
      try {
        const response = await fetch(new URL('pkg/build.json', here), { cache: 'no-store' });
        const { build } = await response.json();
        if (typeof build === 'string' && build !== BUILD) location.reload();
      } catch {
        // Offline, or the file is missing: keep running the build in hand.
      }
    });
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
