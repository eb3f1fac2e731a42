// What each measured page looks like to the benchmark: an init script that timestamps the frame
// in which a question first shows, every Continue click, and the browser's Event Timing entries;
// and, per page, how to tell which question is shown.

// Runs in every document before its own scripts. A requestAnimationFrame callback runs just before
// the frame is painted, so the first frame in which `predicate` sees a new question is the paint
// that shows it (performance.now() in that callback). A click on Continue is noted in a capturing
// listener by its event.timeStamp, the same clock and origin as the Event Timing entries' startTime,
// so each press can be matched with the browser's own measure of it.
function probe(predicate, clickSelector, ready) {
  if (window !== window.top) return;
  const bench = window.__bench = { marks: [], clicks: [], events: [], readyAt: null };
  addEventListener('click', (event) => {
    // Only a person's (or Playwright's) click: the widget's own replay of a click held before
    // the wasm arrived (www/takeover.js) is not one.
    if (!event.isTrusted) return;
    const target = event.composedPath()[0];
    if (target instanceof Element && target.closest(clickSelector)) bench.clicks.push(event.timeStamp);
  }, true);
  // Event Timing: every event whose handling up to the next paint took 16 ms or more (the least
  // the API reports), from the start of the page.
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        bench.events.push({ name: e.name, startTime: e.startTime, duration: e.duration, interactionId: e.interactionId });
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch { /* no Event Timing: the report says so */ }
  // Shown: laid out with a height, and every stylesheet of its tree loaded (no unstyled flash counts).
  const shown = (el) => !!el && el.getBoundingClientRect().height > 0;
  const styled = (root) => [...root.querySelectorAll('link[rel="stylesheet"]')].every((l) => l.sheet);
  let lastKey = null;
  const frame = () => {
    let key = null;
    try { key = predicate({ shown, styled }); } catch { /* page not ready */ }
    if (bench.readyAt === null && key) {
      let isReady = false;
      try { isReady = ready(); } catch { /* not yet */ }
      if (isReady) bench.readyAt = performance.now();
    }
    if (key && key !== lastKey) {
      bench.marks.push({ key, t: performance.now() });
      lastKey = key;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** The init script for a page definition (a string, so no eval is needed under the widget's CSP). */
export function probeScript(def) {
  return `(${probe})(${def.predicate}, ${JSON.stringify(def.clickSelector)}, ${def.ready ?? '() => true'});`;
}

// Each predicate returns a key for what is shown: 'outcome' for the result, else the question's
// heading and its field's name ("heading|field"), or null while nothing is shown.
export const PAGES = {
  // The per-tree iframe page: the first question prerendered in its HTML, then the live widget.
  widget: {
    clickSelector: '[data-continue]',
    // Ready to take an answer itself: the live widget has replaced the prerendered first page
    // (www/takeover.js; the browser tests' `live()` waits for the same).
    ready: String(() => !!document.querySelector('probity-widget')?.shadowRoot?.querySelector('.pb-host[data-live]:not([hidden]) .pb-widget')),
    predicate: String(({ shown, styled }) => {
      const root = document.querySelector('probity-widget')?.shadowRoot;
      if (!root || !styled(document) || !styled(root)) return null;
      if ([...root.querySelectorAll('.pb-panel')].some(shown)) return 'outcome';
      const h1 = [...root.querySelectorAll('h1')].find(shown);
      if (!h1) return null;
      const field = h1.closest('form')?.querySelector('input[name]')?.name ?? '';
      return `${h1.textContent.trim()}|${field}`;
    }),
  },
  static: {
    clickSelector: 'button[type="submit"]',
    predicate: String(({ shown, styled }) => {
      const h1 = document.querySelector('h1');
      return styled(document) && shown(h1) ? `${h1.textContent.trim()}|` : null;
    }),
  },
};

/** The question's heading from a key. */
export const headingOf = (key) => key.split('|')[0];
