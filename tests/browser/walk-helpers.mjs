// Helpers for tests that walk the widget question by question and check what it shows.

/** What the widget shows now: the question's fact and its shown answer, or the outcome. */
export function now(page) {
  return page.evaluate(() => {
    const root = document.querySelector('probity-widget').shadowRoot.querySelector('.pb-host[data-live]');
    if (!root) return { fact: null };
    const panel = root.querySelector('.pb-panel');
    if (panel) return { fact: 'outcome', verdict: panel.dataset.verdict };
    const field = root.querySelector('form input[id^="pb-field-"]');
    if (!field) return { fact: null };
    const checked = root.querySelector('form .pb-radios__input:checked');
    const input = root.querySelector('form .pb-input');
    const shown = field.type === 'radio' ? (checked ? checked.value : '') : input.value;
    return { fact: field.id.replace(/^pb-field-/, ''), shown };
  });
}

/** Waits until the widget shows `fact` (or 'outcome'); returns what it shows. */
export async function expectPage(page, fact, where) {
  let last;
  for (let i = 0; i < 100; i++) {
    last = await now(page);
    if (last.fact === fact) {
      await settle(page);
      return last;
    }
    await page.waitForTimeout(20);
  }
  throw new Error(`${where}: expected ${fact}, the widget shows ${JSON.stringify(last)}`);
}

export async function give(page, value) {
  const radio = page.locator(`probity-widget .pb-host[data-live] form .pb-radios__input[value="${value}"]`);
  if (await radio.count()) await radio.check();
  else await page.locator('probity-widget .pb-host[data-live] form .pb-input').fill(value);
}

export const cont = (page) => page.locator('probity-widget .pb-host[data-live] [data-continue]').click();

/**
 * Lets the widget finish with the page it shows: it writes the browser history entry in a task
 * after the paint (so the officer never waits for it). A person cannot press Back within that
 * millisecond; a test can, so it waits for the task queue to reach a timer set after it.
 */
export function settle(page) {
  return page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}
