// Every tree of every council, walked start to outcome through the real widget at 320 px
// (the narrowest phone), along its longest path, with no sideways scrolling on any page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openWidget, chooseCouncilAndTree, allTrees, paths, walkPath, scrollsSideways } from './harness.mjs';

test('every council, every tree: a full walk at 320 px', async () => {
  const { context, url, outside, close } = await launch({ viewport: { width: 320, height: 640 } });
  try {
    const page = await context.newPage();
    const errors = await openWidget(page, url);
    const trees = allTrees();
    assert.ok(trees.length >= 65, `expected 5 councils × 13 trees, got ${trees.length}`);
    const sideways = [];
    for (const { policy, tree } of trees) {
      const rows = paths(policy, tree);
      const row = rows.reduce((a, b) => (b.steps.length > a.steps.length ? b : a));
      await chooseCouncilAndTree(page, policy, tree);
      const verdict = await walkPath(page, row, {
        onPage: async (step) => { if (await scrollsSideways(page)) sideways.push(`${policy}/${tree}/${step.fact}`); },
      });
      assert.equal(verdict, row.verdict, `${policy}/${tree} should end at ${row.outcome}`);
      if (await scrollsSideways(page)) sideways.push(`${policy}/${tree}/outcome`);
      await page.locator('probity-widget button', { hasText: 'Start again' }).click();
      await page.locator('probity-widget [data-confirm-restart] button', { hasText: 'Yes, start again' }).click();
      await page.locator('probity-widget h1', { hasText: 'Am I allowed to do this?' }).waitFor();
    }
    assert.deepEqual(sideways, [], 'no page scrolls sideways at 320 px');
    assert.deepEqual(errors, []);
    assert.deepEqual(outside, []);
  } finally {
    await close();
  }
});
