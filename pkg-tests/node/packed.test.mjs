// The packed boundary (js/packed.js): a statistics table given as an object crosses into the
// wasm as numbers. Its answers must be exactly those of the same document as JSON text, on the
// samples and on random tables (valid, invalid, odd names, missing cells, values past the limit).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import init, { validate, totals, meta } from '../../pkg/index.js';
import { pack } from '../../pkg/packed.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sample = (name) => JSON.parse(fs.readFileSync(path.join(root, 'samples/stats', name), 'utf8'));

before(async () => {
  await init({ module_or_path: fs.readFileSync(path.join(root, 'pkg/cxzy_form_bg.wasm')) });
});

// A small deterministic generator (no dependency): the same tables on every run.
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function randomTable(r, inputs) {
  const n = 1 + Math.floor(r() * 30);
  const names = ['哈尔滨市', ' 大庆市 ', '', '　', '#1', 'x'.repeat(70), null, 7];
  const rows = Array.from({ length: n }, () => {
    const row = {};
    const name = names[Math.floor(r() * names.length)];
    if (name !== null || r() < 0.5) row.name = name;
    for (const f of inputs) {
      const k = r();
      if (k < 0.05) continue;
      if (k < 0.1) row[f] = null;
      else if (k < 0.12) row[f] = 100_000_001;
      else if (k < 0.13) row[f] = 2 ** 52;
      else row[f] = Math.floor(r() * 5000);
    }
    return row;
  });
  return {
    format: 'cxzy-stats/1', unit: '黑龙江省', batch: r() < 0.5 ? 1 : 2, as_of: '2011-01-15', filed_on: '2011-01-16',
    principal: '甲', preparer: '乙', phone: '0451-82345678', preset: r() < 0.5 ? 'heilongjiang-2010' : undefined, rows,
  };
}

test('the packer packs plain tables and leaves what it cannot say exactly to JSON text', () => {
  const doc = sample('heilongjiang-2010-batch1.json');
  const p = pack(doc);
  assert.equal(p.cells.length, doc.rows.length * 20);
  assert.equal(pack({ ...doc, rows: [{ name: 'a', orgs_coverage: '1%' }] }), null, 'a computed field');
  assert.equal(pack({ ...doc, rows: [{ name: 'a', orgs_total: 1.5 }] }), null, 'a decimal');
  assert.equal(pack({ ...doc, rows: [{ name: 'a', orgs_total: '12' }] }), null, 'text');
  assert.equal(pack({ ...doc, rows: [{ name: 'a', orgs_totl: 1 }] }), null, 'an unknown key');
  assert.equal(pack({ ...doc, format: 'cxzy-roster/1' }), null, 'another format');
  // The slots of the last row's keys are kept for the next row that lists the same keys.
  assert.equal(pack({ ...doc, rows: [{ name: 'a', orgs_total: 1 }, { name: 'b', orgs_total: 2 }, { name: 'c', orgs_totl: 3 }] }), null, 'an unknown key after rows alike');
  const swapped = pack({ ...doc, rows: [{ name: 'a', orgs_total: 1, orgs_reviewed: 2 }, { orgs_reviewed: 4, name: 'b', orgs_total: 3 }] });
  assert.deepEqual([swapped.cells[0], swapped.cells[1], swapped.cells[20], swapped.cells[21]], [1, 2, 3, 4], 'the same keys in another order');
});

test('the JS column tables match the core’s', () => {
  const cols = meta('en').columns;
  const doc = { format: 'cxzy-stats/1', rows: [Object.fromEntries(cols.filter((c) => c.input).map((c, i) => [c.field, i]))] };
  const p = pack(doc);
  assert.deepEqual(Array.from(p.cells), cols.filter((c) => c.input).map((_, i) => i));
  assert.deepEqual(Object.keys(totals(doc).total), cols.map((c) => c.field));
});

test('packed and text give the same issues and totals', () => {
  const inputs = meta('en').columns.filter((c) => c.input).map((c) => c.field);
  const docs = ['heilongjiang-2010-batch1.json', 'heilongjiang-2010-batch2.json', 'central-2010-batch1.json'].map(sample);
  const r = rng(7);
  for (let k = 0; k < 200; k++) docs.push(randomTable(r, inputs));
  let packed = 0;
  for (const doc of docs) {
    if (pack(doc)) packed++;
    const text = JSON.stringify(doc);
    for (const locale of ['zh-CN', 'en']) {
      assert.deepEqual(validate(doc, { locale, today: '2011-02-20' }), validate(text, { locale, today: '2011-02-20' }));
    }
    assert.deepEqual(totals(doc), totals(text));
  }
  assert.ok(packed > 150, `most tables took the packed path (${packed})`);
});

test('a document at the 64 MiB limit is read; past it, CxzyParseError before it enters the wasm', async () => {
  const { CxzyParseError, coverage } = await import('../../pkg/index.js');
  const limit = 64 * 1024 * 1024;
  // At the limit: one JSON string of exactly 64 MiB reads (it is not a table: T009).
  const at = `"${'a'.repeat(limit - 2)}"`;
  assert.equal(at.length, limit);
  assert.deepEqual(validate(at).map((i) => i.code).slice(0, 1), ['T009']);
  const past = `"${'a'.repeat(limit - 1)}"`;
  for (const call of [() => validate(past), () => totals(past), () => coverage(past, '{}', { as_of: '2011-01-15' })]) {
    assert.throws(call, (e) => e instanceof CxzyParseError && /too large/.test(e.message));
  }
  // Past it in UTF-8 only (three bytes a character): the core refuses it, still a CxzyParseError.
  const cjk = `"${'点'.repeat(limit / 3 + 10)}"`;
  assert.throws(() => validate(cjk), (e) => e instanceof CxzyParseError && /too large/.test(e.message));
});
