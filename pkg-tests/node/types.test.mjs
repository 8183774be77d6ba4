// TypeScript as a portal developer uses it: `tsc --noEmit` (strict) on pkg-tests/types/*.ts,
// against the package installed as npm would (node_modules/cxzy-form, through its `exports`).
// The consumer file holds `@ts-expect-error` lines (a misspelt preset, a wrong locale, a review
// entry's field on a statistics event…): tsc fails when one of them stops being an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { root, consumerProject, run } from '../install-pkg.mjs';

test('tsc --noEmit accepts the consumer file and every @ts-expect-error is still an error', () => {
  const dir = consumerProject(path.join(root, 'pkg-tests/types'), 'ts');
  try {
    run('tsc', ['-p', dir], dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('tsc fails on a misspelt preset (the check is live, not vacuous)', () => {
  const dir = consumerProject(path.join(root, 'pkg-tests/types'), 'ts-broken');
  try {
    const file = path.join(dir, 'consumer.ts');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace("preset: 'central-2010'", "preset: 'central-2011'"));
    assert.throws(() => run('tsc', ['-p', dir], dir), /central-2011/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
