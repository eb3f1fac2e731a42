// docs/benchmarks.md is shared: the speed benchmark and kiosk soak (run.mjs, report.mjs) and the
// core benchmarks (core-report.mjs) write their own `## ` sections; any other section (the policy
// studio's, written by its own benchmark) is kept word for word when they rewrite the file.

/** The `## ` headings the benchmark writes itself (by their opening words). */
const OWN = ['## Speed', '## Kiosk soak', '## Core speed'];

/** The file split into its `## ` sections (the part before the first is not one). */
function sections(text) {
  return text.split(/\n(?=## )/).slice(1).map((s) => s.replace(/\n+$/, ''));
}

/** Sections of `text` that the benchmark does not write. */
function others(text) {
  return sections(text).filter((s) => !OWN.some((h) => s.startsWith(h)));
}

/** The freshly generated report followed by every section of the old file it does not write. */
export function keepOthers(fresh, old = '') {
  const kept = others(old);
  return kept.length ? `${fresh.replace(/\n+$/, '')}\n\n${kept.join('\n\n')}\n` : fresh;
}

/** Appends one of the benchmark's own sections before the kept ones. */
export function appendOwn(text, section) {
  const kept = others(text);
  let head = text;
  for (const k of kept) head = head.replace(k, '');
  return keepOthers(`${head.replace(/\n+$/, '')}\n${section}`, text);
}
