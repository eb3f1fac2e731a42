// The kiosk soak: hundreds of complete walks in kiosk mode, each ended by the idle reset, with
// the JS heap and the wasm memory sampled (after a forced GC) every `every` walks. A leak in the
// widget (listeners, closures, state kept across resets) shows as steady growth.

import { launch } from './browser.mjs';

// The shortest idle time the widget accepts (crates/web/src/options.rs, MIN_IDLE_SECONDS; it
// refuses 1, which this soak used before), so each walk's reset comes soon.
export const IDLE = 5;
export const TREES = ['gifts', 'fees', 'legacies', 'discounts'];
const START = 'Am I allowed to do this?';

// Is the start page (what the idle reset leads to) showing?
const onStartPage = (text) => [...(document.querySelector('probity-widget')?.shadowRoot?.querySelectorAll('h1') ?? [])]
  .some((h) => h.textContent.trim() === text);

/** One walk: open the tree, answer the first option (or 100) until the outcome shows. */
async function walkOnce(page, tree) {
  await page.locator(`probity-widget button[data-tree="${tree}"]`).click({ timeout: 5000 });
  for (let step = 0; step < 25; step++) {
    if (await page.locator('probity-widget .pb-panel').count()) return;
    const radio = page.locator('probity-widget .pb-radios__input').first();
    if (await radio.count()) await radio.check({ timeout: 5000 });
    else await page.locator('probity-widget form .pb-input').fill('100', { timeout: 5000 });
    await page.locator('probity-widget [data-continue]').click({ timeout: 5000 });
  }
  throw new Error(`${tree}: no outcome after 25 answers`);
}

async function sample(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  return page.evaluate(async () => ({
    heapBytes: performance.memory.usedJSHeapSize,
    // The page has already loaded this module (under its build id), so this is the widget's own instance.
    wasmBytes: await (await import(`/pkg/probity_web.js?v=${(await import('/pkg/build.js')).BUILD}`)).wasm_memory_bytes(),
  }));
}

export async function soak(baseUrl, { walks = 500, every = 50, log = () => {} } = {}) {
  const { context, page, close } = await launch({ extraArgs: ['--enable-precise-memory-info'] });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    const cdp = await context.newCDPSession(page);
    // With the shortest idle time the "Are you still there?" warning can show mid-walk,
    // and its overlay blocks clicks; a person would press "I'm still here", and so do we.
    let stayed = 0;
    await page.addLocatorHandler(page.locator('probity-widget [data-still-here]'), async (button) => {
      stayed += 1;
      await button.click({ timeout: 2000 }).catch(() => {});
    });
    await page.goto(`${baseUrl}embed.html?kiosk=1&idle=${IDLE}&policy=kent`);
    await page.waitForFunction(onStartPage, START, { timeout: 60_000 });
    const started = Date.now();
    const series = [{ walk: 0, elapsedMs: 0, ...(await sample(page, cdp)) }];
    let restarts = 0;
    for (let i = 1; i <= walks; i++) {
      const tree = TREES[(i - 1) % TREES.length];
      for (let attempt = 0; ; attempt++) {
        try {
          await walkOnce(page, tree);
          break;
        } catch (error) {
          // The reset can still win a race with a click; start that walk again from the start page.
          if (attempt >= 4) throw error;
          restarts += 1;
          await page.waitForFunction(onStartPage, START, { timeout: 20_000 });
        }
      }
      // No more input: the warning shows, then everything resets to the start page.
      await page.waitForFunction(onStartPage, START, { timeout: 20_000, polling: 100 });
      if (i % every === 0) {
        series.push({ walk: i, elapsedMs: Date.now() - started, ...(await sample(page, cdp)) });
        log(`soak: ${i}/${walks} walks, heap ${series.at(-1).heapBytes} B, wasm ${series.at(-1).wasmBytes} B`);
      }
    }
    return { walks, every, idle: IDLE, trees: TREES, series, totalMs: Date.now() - started, restarts, stayed, errors };
  } finally {
    await close();
  }
}
