// docs/benchmarks.md is rewritten by the benchmark (tests/bench/run.mjs, then core-report.mjs),
// but not all of it is theirs: the policy studio's section is written by another benchmark. A
// rewrite must keep the sections it does not write, word for word.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { repo } from './harness.mjs';
import { keepOthers, appendOwn } from '../bench/sections.mjs';

const OLD = ['# Benchmarks', '', 'old intro', '', '## Speed: old', '', 'old speed', '', '## Core speed (native, criterion)', '', 'old core',
  '', '## Policy studio: the page\'s own size', '', 'studio figures', '| a | b |', ''].join('\n');

test("a rewrite of docs/benchmarks.md keeps the studio's section", () => {
  const fresh = ['# Benchmarks', '', 'new intro', '', '## Speed: new', '', 'new speed', ''].join('\n');
  const written = keepOthers(fresh, OLD);
  assert.match(written, /new speed/);
  assert.doesNotMatch(written, /old speed|old core|old intro/);
  assert.match(written, /## Policy studio: the page's own size\n\nstudio figures\n\| a \| b \|/);
  // The core figures are appended next, and still land before the kept section, once.
  const withCore = appendOwn(written, '\n## Core speed (native, criterion)\n\nnew core\n');
  assert.ok(withCore.indexOf('new core') < withCore.indexOf('## Policy studio'), withCore);
  assert.equal(withCore.split('## Policy studio').length, 2);
  assert.equal(withCore.split('## Core speed').length, 2);
});

test('the committed docs/benchmarks.md keeps its studio section through a rewrite', () => {
  const doc = fs.readFileSync(path.join(repo, 'docs', 'benchmarks.md'), 'utf8');
  const studio = doc.slice(doc.indexOf('## Policy studio'));
  assert.ok(studio.length > 20, 'the document has a studio section');
  assert.ok(keepOthers('# Benchmarks\n', doc).includes(studio.trimEnd()));
});
