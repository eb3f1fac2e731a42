// The first page before the wasm arrives, and the hand-over to the live widget when it does.
//
// `pkg/first-pages.js` holds the widget's first page for every way a host can open it, rendered
// at build time by the same Yew components (crates/web/src/bin/prerender.rs); the per-tree iframe
// pages (embed/<policy>/<tree>.html) carry theirs in a declarative shadow root. Showing it at once
// lets the officer read, and answer, the first question while the wasm downloads on a slow
// connection. The prerendered page is plain HTML: radios and text boxes work without any script.
// What needs the widget (Continue, Back, choosing a question) is held here and replayed into the
// live widget, so nothing the officer did before it arrived is lost. `pkg/first-pages.js` is
// loaded under the build id (`?v=…`), so it always matches the wasm that replays what was done
// on it: a held press is replayed by its place among the page's controls.

import { BUILD } from './pkg/build.js';

/**
 * The prerendered HTML for these options, or null when the live widget would open on another
 * page: a council's own policy (`policy-src`), kiosk mode, or a walk saved in this tab.
 * The fallbacks mirror how the widget opens: an unknown tree shows the council's questions, an
 * unknown council shows the council picker. With `declarative` (the page already holds the
 * first page) it only says whether to keep it: '' to keep, null not to.
 */
export async function firstPage({ policy, tree, kiosk, instance, no_storage: noStorage, policySrc, declarative }) {
  // With no-storage the widget restores nothing (it removes any walk left from before).
  if (policySrc || (!noStorage && hasSavedWalk(instance))) return null;
  // Kiosk pages differ from the prerendered ones only by a class and the idle timer, which the
  // live widget brings; a kiosk reached through a per-tree page keeps its first page.
  if (declarative) return '';
  if (kiosk) return null;
  // Loaded only when needed: a per-tree page never downloads the other trees' first pages.
  const { FIRST_PAGES } = await import(`./pkg/first-pages.js?v=${BUILD}`);
  const council = policy && FIRST_PAGES[`${policy}/`] ? policy : '';
  return FIRST_PAGES[`${council}/${council ? tree || '' : ''}`] ?? FIRST_PAGES[`${council}/`] ?? null;
}

function hasSavedWalk(instance) {
  try {
    return !!sessionStorage.getItem(`probity:${instance}`);
  } catch {
    return false; // storage blocked: the live widget cannot restore anything either
  }
}

/** Resolves after the next paint, so the prerendered page is on screen before the wasm download competes for the connection. */
export function afterPaint() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Shows `html` in `container` and holds what the officer does with it until `handOver`.
 * Only the last press of a control is kept (a second press of Continue is the same wish, and a
 * press of Back after Continue replaces it).
 */
export class Prerendered {
  constructor(container, html = null) {
    this.container = container;
    this.pending = null;
    if (html !== null) container.innerHTML = html;
    this.onClick = (event) => {
      const target = event.target instanceof Element ? event.target.closest(CONTROLS) : null;
      if (!target || !container.contains(target)) return;
      event.preventDefault();
      this.hold(target);
    };
    this.onSubmit = (event) => event.preventDefault(); // the click on Continue is what is held
    container.addEventListener('click', this.onClick);
    container.addEventListener('submit', this.onSubmit);
  }

  hold(control) {
    // Named by its place among the page's controls: the live page is the same markup (a test
    // compares every first page with the live widget's), and `handOver` checks it is the same page.
    this.pending = [...this.container.querySelectorAll(CONTROLS)].indexOf(control);
    this.container.setAttribute('aria-busy', 'true');
    let status = this.container.querySelector('[data-takeover-status]');
    if (!status) {
      status = document.createElement('p');
      status.className = 'pb-body pb-loading';
      status.setAttribute('role', 'status');
      status.dataset.takeoverStatus = '';
      (this.container.querySelector('.pb-page') ?? this.container).append(status);
    }
    status.textContent = control.matches('[data-continue], [data-tree]') ? 'Loading the next page…' : 'Loading…';
  }

  /**
   * The live widget could not start: says so above the page, and keeps the page and what the
   * officer entered on it (they may copy it, or reload when the connection is back).
   */
  fail(panel) {
    this.container.removeAttribute('aria-busy');
    this.container.querySelector('[data-takeover-status]')?.remove();
    this.container.prepend(panel);
  }

  /**
   * Swaps the prerendered page for `live` (where the widget has rendered the same page), then
   * replays the officer's choices, typing, focus and any held action, as real events on the live
   * page so that the widget's own handlers take them.
   */
  handOver(live) {
    const old = this.container;
    old.removeEventListener('click', this.onClick);
    old.removeEventListener('submit', this.onSubmit);
    const focusedId = old.getRootNode().activeElement?.id || null;
    const choices = [...old.querySelectorAll('input[type="radio"]:checked')].map((i) => ({ name: i.name, value: i.value }));
    const typed = [...old.querySelectorAll('input:not([type="radio"])')].filter((i) => i.value !== '').map((i) => ({ id: i.id, value: i.value }));
    old.replaceWith(live);
    live.hidden = false;
    // The live widget may have opened elsewhere (a walk restored from this tab's storage): then
    // what was done on the first page does not belong to this one.
    const heading = (root) => root.querySelector('h1')?.textContent.trim() ?? '';
    if (heading(live) !== heading(old)) return;

    for (const { name, value } of choices) {
      const radio = [...live.querySelectorAll('input[type="radio"]')].find((i) => i.name === name && i.value === value);
      if (radio && !radio.checked) radio.click();
    }
    for (const { id, value } of typed) {
      const input = id ? live.querySelector(`#${CSS.escape(id)}`) : null;
      if (input && input.value !== value) {
        input.value = value;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
      }
    }
    const focused = focusedId ? live.querySelector(`#${CSS.escape(focusedId)}`) : null;
    if (focused) focused.focus();
    const target = this.pending === null ? null : live.querySelectorAll(CONTROLS)[this.pending];
    if (target) target.click();
  }
}

// What needs the widget to act: its buttons and its in-page links (Back, the error summary's).
// A link elsewhere (a council's web page) works as a link, wasm or not.
const CONTROLS = 'button, a[href^="#"]';
