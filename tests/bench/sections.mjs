// docs/benchmarks.md is shared: the speed benchmark (run.mjs, report.mjs), the kiosk soak
// (soak-report.mjs, only when asked for) and the core benchmarks (core-report.mjs) write their own
// `## ` sections. A rewrite keeps every section it did not write this time, word for word: the
// policy studio's (written by its own benchmark), and a soak or core section that was not re-run.

/** The `## ` headings the benchmark writes itself (by their opening words). */
const OWN = ['## Speed', '## Kiosk soak', '## Core speed'];

/** The file split into its `## ` sections (the part before the first is not one). */
function sections(text) {
  return text.split(/\n(?=## )/).slice(1).map((s) => s.replace(/\n+$/, ''));
}

/** Which of the benchmark's own headings a section is, or null. */
const ownOf = (section) => OWN.find((h) => section.startsWith(h)) ?? null;

/** Sections of `old` that `fresh` does not replace: not the benchmark's, or its but not in `fresh`. */
function kept(fresh, old) {
  const written = new Set(sections(fresh).map(ownOf).filter(Boolean));
  return sections(old).filter((s) => !written.has(ownOf(s)));
}

/** The freshly generated report followed by every section of the old file it does not replace. */
export function keepOthers(fresh, old = '') {
  const k = kept(fresh, old);
  return k.length ? `${fresh.replace(/\n+$/, '')}\n\n${k.join('\n\n')}\n` : `${fresh.replace(/\n+$/, '')}\n`;
}

/** Puts one of the benchmark's own sections in place of its old one, after the other own sections and before the rest. */
export function appendOwn(text, section) {
  const head = text.split(/\n(?=## )/)[0].replace(/\n+$/, '');
  const all = sections(text);
  const heading = ownOf(section.trim());
  const own = all.filter((s) => ownOf(s) && ownOf(s) !== heading);
  const others = all.filter((s) => !ownOf(s));
  return `${[head, ...own, section.trim(), ...others].join('\n\n')}\n`;
}
