// docs/benchmarks.md is written by the benchmark (scripts/bench.sh: tests/bench/run.mjs, then
// core-report.mjs when asked). These tests check that the committed report is well-formed and
// current (every target of issue 14 has a row with a verdict, every section is there, the command
// to reproduce it is given), never the figures themselves; and that a rewrite keeps the sections
// it did not write (the policy studio's, a soak or core section not re-run), word for word.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { repo } from './harness.mjs';
import { keepOthers, appendOwn } from '../bench/sections.mjs';
import { TARGETS, summarise } from '../bench/report.mjs';

const doc = () => fs.readFileSync(path.join(repo, 'docs', 'benchmarks.md'), 'utf8');

const OLD = ['# Benchmarks', '', 'old intro', '', '## Speed: old', '', 'old speed', '', '## Kiosk soak', '', 'old soak', '',
  '## Core speed (native, criterion)', '', 'old core', '', '## Policy studio: the page\'s own size', '', 'studio figures', '| a | b |', ''].join('\n');

test("a rewrite of docs/benchmarks.md replaces what it wrote and keeps every other section", () => {
  const fresh = ['# Benchmarks', '', 'new intro', '', '## Speed: new', '', 'new speed', ''].join('\n');
  const written = keepOthers(fresh, OLD);
  assert.match(written, /new speed/);
  assert.doesNotMatch(written, /old speed|old intro/);
  // Not re-run this time: kept as it was, in its place.
  assert.match(written, /## Kiosk soak\n\nold soak/);
  assert.match(written, /## Policy studio: the page's own size\n\nstudio figures\n\| a \| b \|/);
  // The core figures, when run, replace the old ones, once, still before the studio's section.
  const withCore = appendOwn(written, '\n## Core speed (native, criterion)\n\nnew core\n');
  assert.doesNotMatch(withCore, /old core/);
  assert.ok(withCore.indexOf('new core') < withCore.indexOf('## Policy studio'), withCore);
  assert.ok(withCore.indexOf('new speed') < withCore.indexOf('new core'), withCore);
  assert.equal(withCore.split('## Policy studio').length, 2);
  assert.equal(withCore.split('## Core speed').length, 2);
  // A soak that was run replaces the old one.
  assert.doesNotMatch(keepOthers(`${fresh}\n## Kiosk soak\n\nnew soak\n`, OLD), /old soak/);
});

test('the committed docs/benchmarks.md keeps its studio section through a rewrite', () => {
  const text = doc();
  const studio = text.slice(text.indexOf('## Policy studio'));
  assert.ok(studio.length > 20, 'the document has a studio section');
  assert.ok(keepOthers('# Benchmarks\n', text).includes(studio.trimEnd()));
});

test('the committed report has a row with a verdict for every target of issue 14', () => {
  const text = doc();
  const table = text.slice(text.indexOf('### Targets'), text.indexOf('### Medians'));
  assert.ok(table.length > 0, 'the report has a Targets table before its Medians');
  for (const [key, name] of Object.entries(TARGETS)) {
    const row = table.split('\n').find((line) => line.startsWith(`| ${name} |`));
    assert.ok(row, `no row for the target "${key}" (${name}): regenerate with scripts/bench.sh`);
    const cells = row.split(' | ');
    assert.equal(cells.length, 4, `the row has target, this run, before, result: ${row}`);
    assert.match(cells[3], /^\*\*(met|not met)\*\*/, `a verdict: ${row}`);
    // A target not met says why.
    if (cells[3].startsWith('**not met**')) assert.match(cells[3], /^\*\*not met\*\*: \S.{10,}/, `a cause: ${row}`);
  }
});

test('the committed report gives the command, the machine and every section of a run', () => {
  const text = doc();
  assert.match(text, /```sh\n(\S+=\S+ )*bash scripts\/bench\.sh\n```/, 'the command to reproduce it');
  for (const fact of ['- Date: ', '- Machine: ', '- Code: commit ', '- Browser: ', '- Other work on the machine', '- Total time of this run: ']) {
    assert.ok(text.includes(fact), `the machine facts: ${fact}`);
  }
  for (const heading of ['## Speed: the per-tree page against a static page', '### Targets (issue 14)', '### Medians', '### Continue',
    '### Requests per file on a first visit', '### Sizes of the files the per-tree page loads', '### The main wasm by part', '### Every run']) {
    assert.ok(text.includes(`\n${heading}`), `the section "${heading}"`);
  }
  // The Slow 4G figures are stated, as the conditions of every figure.
  assert.match(text, /latency 562\.5 ms, download 180,000 B\/s, upload 84,375 B\/s/);
  // Both Continue figures, the first press and later ones.
  assert.match(text, /\| first press after ready \| \d+ \|/);
  assert.match(text, /\| later presses \(to the next question\) \| \d+ \|/);
});

test('a file sent twice on a first visit fails its target', () => {
  const visit = (files) => ({ firstQuestionMs: 1000, readyMs: 1800, bytes: 1, errors: [], files, presses: [{ clickToFrameMs: 10, eventMs: null }] });
  const run = (files) => ({ first: visit(files), repeat: visit([]) });
  const once = summarise({ widget: [run([{ file: '/pkg/x.wasm', transfers: 1 }])], statik: [run([])], sizes: [], parts: null });
  assert.deepEqual(once.twice, []);
  const twice = summarise({ widget: [run([{ file: '/pkg/x.wasm', transfers: 2 }])], statik: [run([])], sizes: [], parts: null });
  assert.deepEqual(twice.twice, ['`/pkg/x.wasm` ×2']);
  // No Event Timing entry means under 16 ms: counted as 16, and said.
  assert.deepEqual(once.firstPressEvent, { ms: 16, under: 1 });
});
