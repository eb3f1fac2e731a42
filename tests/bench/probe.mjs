// What each measured page looks like to the benchmark: an init script that timestamps the
// frame in which a question first shows, and, per page, how to tell which question is shown
// and how to answer it.

/** The four answers of the walk (Kent gifts: gift → contractor → alcohol → delivered) and the questions they answer. */
export const WALK = ['gift', 'contractor', 'alcohol', 'yes'];
export const QUESTIONS = ['What have you been offered?', 'Who is offering the gift?', 'What kind of gift is it?',
  'Has the gift already been sent or delivered to you?'];

// Runs in every document before its own scripts. A requestAnimationFrame callback runs just before
// the frame is painted, so the first frame in which `predicate` sees a new question is the paint
// that shows it. Clicks on the page's Continue/Next button are recorded in a capturing listener
// (before the page's own handlers run) and kept in sessionStorage, so that a full page load (the
// static baseline) can still be timed from the click on the previous page. Times are wall-clock
// milliseconds (timeOrigin + now) so that they compare across documents. A MutationObserver notes
// when the page's DOM last changed, which splits a transition into the script that builds the
// next page (click → last DOM change) and the style, layout and paint after it.
function probe(predicate, clickSelector, ready) {
  if (window !== window.top) return;
  const wall = () => performance.timeOrigin + performance.now();
  let clicks = [];
  try { clicks = JSON.parse(sessionStorage.getItem('__benchClicks') || '[]'); } catch { /* about:blank */ }
  const bench = window.__bench = { marks: [], clicks, mutations: [], readyAt: null };
  const observed = new WeakSet();
  const observe = (root) => {
    if (!root || observed.has(root)) return;
    observed.add(root);
    new MutationObserver(() => bench.mutations.push(wall()))
      .observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  };
  observe(document);
  addEventListener('click', (event) => {
    // Only a person's (or Playwright's) click: the widget's own replay of a click held before
    // the wasm arrived (www/takeover.js) is not one, and timing from it would hide the wait.
    if (!event.isTrusted) return;
    const target = event.composedPath()[0];
    if (!(target instanceof Element) || !target.closest(clickSelector)) return;
    clicks.push(wall());
    try { sessionStorage.setItem('__benchClicks', JSON.stringify(clicks)); } catch { /* ignore */ }
  }, true);
  // Shown: laid out with a height, and every stylesheet of its tree loaded (no unstyled flash counts).
  const shown = (el) => !!el && el.getBoundingClientRect().height > 0;
  const styled = (root) => [...root.querySelectorAll('link[rel="stylesheet"]')].every((l) => l.sheet);
  let lastKey = null;
  const frame = () => {
    observe(document.querySelector('probity-widget')?.shadowRoot); // the widget renders in its shadow root
    let key = null;
    try { key = predicate({ shown, styled }); } catch { /* page not ready */ }
    if (bench.readyAt === null && key) {
      let isReady = false;
      try { isReady = ready(); } catch { /* not yet */ }
      if (isReady) bench.readyAt = performance.now();
    }
    if (key && key !== lastKey) {
      bench.marks.push({ key, t: performance.now(), wall: wall() });
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

// Each predicate returns the text of the question shown, 'outcome' for the result page, or null.
export const PAGES = {
  // The per-tree iframe page: the first question prerendered in its HTML.
  widget: {
    name: 'Probity widget',
    path: 'embed/kent/gifts.html',
    clickSelector: '[data-continue]',
    // Ready to take an answer itself: the live widget has replaced the prerendered first page.
    ready: String(() => !!document.querySelector('probity-widget')?.shadowRoot?.querySelector('.pb-host[data-live]:not([hidden]) .pb-widget')),
    predicate: String(({ shown, styled }) => {
      const root = document.querySelector('probity-widget')?.shadowRoot;
      if (!root || !styled(document) || !styled(root)) return null;
      if (shown(root.querySelector('.pb-panel'))) return 'outcome';
      const h1 = root.querySelector('h1');
      return shown(h1) ? h1.textContent.trim() : null;
    }),
    async answer(page, value) {
      await page.locator(`probity-widget .pb-radios__input[value="${value}"]`).check();
      await page.locator('probity-widget [data-continue]').click();
    },
  },
  static: {
    name: 'Static HTML',
    path: 'bench/static/q1.html',
    clickSelector: 'button[type="submit"]',
    predicate: String(({ shown, styled }) => {
      const h1 = document.querySelector('h1');
      if (!styled(document) || !shown(h1)) return null;
      return document.body.dataset.page === 'complete' ? 'outcome' : h1.textContent.trim();
    }),
    async answer(page, value) {
      await page.locator(`input[value="${value}"]`).check();
      await page.locator('button[type="submit"]').click({ noWaitAfter: true });
    },
  },
  surveyjs: {
    name: 'SurveyJS',
    path: 'bench/surveyjs/',
    clickSelector: '.sd-navigation__next-btn, .sd-navigation__complete-btn',
    predicate: String(({ shown, styled }) => {
      if (!styled(document)) return null;
      if (shown(document.querySelector('.bench-complete'))) return 'outcome';
      const title = document.querySelector('.sd-question__title');
      return shown(title) ? title.textContent.trim() : null;
    }),
    async answer(page, value) {
      // SurveyJS hides the native radio under a styled label; click the label as a person would.
      await page.locator('label', { has: page.locator(`input[type="radio"][value="${value}"]`) }).click();
      await page.locator('.sd-navigation__next-btn, .sd-navigation__complete-btn').filter({ visible: true }).click();
    },
  },
};
// The generic iframe page: the first question from pkg/first-pages.js (all 71 first pages).
PAGES.widgetGeneric = { ...PAGES.widget, name: 'Probity widget, generic embed.html', path: 'embed.html?policy=kent&tree=gifts' };
