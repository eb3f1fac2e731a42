// The static baseline: a plain HTML page (one stylesheet, no script) showing the same first
// question as the widget's per-tree page. It is written from that page's prerendered question at
// each run, so a policy edit changes both alike and never leaves the baseline asking something else.

import fs from 'node:fs';
import path from 'node:path';
import { launch, here } from './browser.mjs';

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The first question as the per-tree page prerenders it (read with scripts off: the HTML alone). */
async function firstQuestion(url) {
  const { page, close } = await launch({ contextOptions: { javaScriptEnabled: false, serviceWorkers: 'block' } });
  try {
    await page.goto(url);
    return await page.evaluate(() => {
      const root = document.querySelector('probity-widget')?.shadowRoot;
      if (!root) throw new Error('no prerendered widget on the page');
      const text = (el) => el?.textContent.trim() ?? '';
      return {
        title: document.title,
        caption: text(root.querySelector('.pb-caption')),
        heading: text(root.querySelector('h1')),
        hint: text(root.querySelector('.pb-fieldset > .pb-hint, .pb-form-group > .pb-hint')),
        options: [...root.querySelectorAll('.pb-radios__item')].map((item) => ({
          value: item.querySelector('input').value, label: text(item.querySelector('label')), hint: text(item.querySelector('.pb-hint')),
        })),
      };
    });
  } finally {
    await close();
  }
}

/** Writes q1.html and style.css into `dir` from the page at `url`; returns the question's heading. */
export async function writeStaticPage(url, dir) {
  const q = await firstQuestion(url);
  if (!q.heading) throw new Error(`no first question on ${url}`);
  const field = q.options.length
    ? `<div class="radios">\n${q.options.map((o, i) => `        <div class="radios__item">
          <input class="radios__input" id="q-${i}" name="q" type="radio" value="${esc(o.value)}" required>
          <label class="radios__label" for="q-${i}">${esc(o.label)}</label>${o.hint ? `\n          <div class="radios__hint">${esc(o.hint)}</div>` : ''}
        </div>`).join('\n')}\n        </div>`
    : '<input class="input" id="q" name="q" inputmode="decimal" required>';
  const html = `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${esc(q.title)}</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="style.css">
</head>
<body>
  <main class="page">
    <span class="caption">${esc(q.caption)}</span>
    <form action="q1.html" method="get">
      <fieldset class="fieldset">
        <legend class="fieldset__legend"><h1 class="fieldset__heading">${esc(q.heading)}</h1></legend>${q.hint ? `\n        <div class="hint">${esc(q.hint)}</div>` : ''}
        ${field}
      </fieldset>
      <button type="submit" class="button">Continue</button>
    </form>
  </main>
</body>
</html>
`;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'q1.html'), html);
  fs.copyFileSync(path.join(here, 'static.css'), path.join(dir, 'style.css'));
  return q.heading;
}
