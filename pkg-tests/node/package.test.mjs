// What ships: `npm pack --dry-run` of the built package lists exactly these files, every
// `exports` target is among them, and every file the shipped modules load (imports, the
// `new URL('…wasm', import.meta.url)` of the glue) ships too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pkg, packedFiles } from '../install-pkg.mjs';

const files = packedFiles();

test('npm pack ships exactly the modules, wasm, styles, types, README and package.json', () => {
  assert.deepEqual(files, [
    'README.md',
    'cxzy-form.css',
    'cxzy_form.js',
    'cxzy_form_bg.wasm',
    'cxzy_stats_bg.wasm',
    'excel.d.ts',
    'excel.js',
    'index.d.ts',
    'index.js',
    'package.json',
    'packed.js',
    'review-entry.css',
    'review.d.ts',
    'review.js',
    'rollup.css',
    'rollup.js',
    'stats-more.js',
  ]);
});

test('every `exports` target ships, both wasm files are exported', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8'));
  const targets = Object.values(manifest.exports).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)));
  for (const t of targets) assert.ok(files.includes(t.replace(/^\.\//, '')), `${t} is exported but not shipped`);
  for (const w of files.filter((f) => f.endsWith('.wasm'))) assert.ok(manifest.exports[`./${w}`], `${w} is not in exports`);
  assert.ok(files.includes(manifest.types) && files.includes(manifest.main));
});

test('every file a shipped module loads ships', () => {
  for (const f of files.filter((f) => f.endsWith('.js'))) {
    const src = fs.readFileSync(path.join(pkg, f), 'utf8');
    const refs = [...src.matchAll(/(?:import\(|from)\s*["'](\.\/[^"']+)["']|new URL\(["']([^"']+)["'],\s*import\.meta\.url\)/g)]
      .map((m) => (m[1] || m[2]).replace(/^\.\//, ''));
    for (const r of refs) assert.ok(files.includes(r), `${f} loads ${r}, which does not ship`);
  }
});
