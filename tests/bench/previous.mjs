// "Before" figures to print beside this run's: the benchmark report before issue 14's work
// (docs/benchmarks.md at commit cd09cd2, measured 2026-11-22 on commit a942d29 with 7 runs), and,
// where that report had no such figure, the issue's own independent measurements. They are quoted,
// not measured here; the conditions differed as each note says.

export const PREVIOUS = {
  source: 'the previous report (docs/benchmarks.md, measured 2026-11-22 on commit a942d29, 7 runs, service workers blocked, cache disabled, no repeat visit)',
  firstQuestionMs: 1399,
  staticFirstQuestionMs: 1304,
  firstQuestionRatio: 1.07,
  readyMs: 3849,
  readyRatio: 2.95,
  wasmGzipKb: 372.7,
  wasmRawKb: 1066.1,
  transferUntilReadyKb: 394.9,
  // The old report's only Continue figure: the median of the 2nd to 4th presses, frame only.
  laterContinueMs: 27.5,
  // Not in the old report; from issue 14 (an independent run).
  firstContinueMs: '~41 (issue 14)',
  firstContinueEventMs: '64–80 (issue 14)',
  policyFile: 'none: all five in the wasm, 80.8 KB gzip (issue 14)',
  twice: 'not measured (service workers blocked); issue 14 saw the wasm sent twice',
};
