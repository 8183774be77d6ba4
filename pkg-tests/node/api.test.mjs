// The built package (pkg/) in Node: the functions of SPEC §8.1 on the sample files.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import init, { validate, totals, aggregate, aggregateReport, readCsv, writeCsv, parseJson, coverage, meta, blankDoc, CxzyParseError, CxzyIssuesError } from '../../pkg/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sample = (name) => JSON.parse(fs.readFileSync(path.join(root, 'samples/stats', name), 'utf8'));
const codes = (issues) => issues.map((i) => `${i.code} ${i.path}`);

before(async () => {
  await init({ module_or_path: fs.readFileSync(path.join(root, 'pkg/cxzy_form_bg.wasm')) });
});

test('the Heilongjiang batch 1 sample has no issue, and its totals are the column sums', () => {
  const doc = sample('heilongjiang-2010-batch1.json');
  assert.deepEqual(validate(doc), []);
  const view = totals(doc);
  assert.equal(view.total.name, '合计');
  assert.equal(view.rows.length, 19);
  for (const f of ['orgs_total', 'members_reviewed', 'problems_solved']) {
    assert.equal(view.total[f], doc.rows.reduce((s, r) => s + r[f], 0), f);
  }
  // Σreviewed / Σtotal rounded down, not a mean of percentages.
  const permille = Math.floor((view.total.orgs_reviewed * 1000) / view.total.orgs_total);
  assert.equal(view.total.orgs_coverage, `${Math.floor(permille / 10)}.${permille % 10}%`);
  assert.equal(view.total.methods_total, view.total.collective + view.total.individual + view.total.onsite + view.total.random);
});

test('validate takes JSON text, recognises the format, and names line and column of broken JSON', () => {
  const text = fs.readFileSync(path.join(root, 'samples/stats/broken.json'), 'utf8');
  const issues = validate(text);
  assert.ok(codes(issues).includes('R010 /rows/0/orgs_reviewed'));
  assert.ok(codes(issues).includes('T008 /unitt'));
  const r010 = issues.find((i) => i.code === 'R010');
  assert.equal(r010.severity, 'error');
  assert.match(r010.message, /已点评基层党组织数/);
  assert.equal(validate(text, { locale: 'en' }).find((i) => i.code === 'R010').message.startsWith('“哈尔滨市”: Organisations reviewed'), true);
  assert.throws(() => validate('{\n  "unit": ,\n}'), (e) => e instanceof CxzyParseError && e.line === 2 && e.column > 0);
});

test('batch 2 against batch 1: previous-batch rules run', () => {
  const b1 = sample('heilongjiang-2010-batch1.json');
  const b2 = sample('heilongjiang-2010-batch2.json');
  b2.rows[0].orgs_reviewed = b1.rows[0].orgs_reviewed - 1;
  const issues = validate(b2, { previous: b1 });
  assert.ok(codes(issues).includes('P001 /rows/0/orgs_reviewed'), codes(issues).join());
  assert.ok(codes(validate(b2, { previous: b2 })).includes('P004 /batch'));
});

test('the GBK CSV sample reads like the JSON sample; CSV export reads back to the same table', () => {
  const json = sample('heilongjiang-2010-batch1.json');
  const { doc, issues } = readCsv(fs.readFileSync(path.join(root, 'samples/stats/heilongjiang-2010-batch1.gbk.csv')));
  assert.deepEqual(issues.filter((i) => i.severity !== 'info'), []);
  assert.deepEqual(totals(doc), totals(json));
  const csv = writeCsv(json);
  assert.equal(csv.charCodeAt(0), 0xfeff, 'UTF-8 BOM for Excel/WPS');
  assert.match(csv, /合计/);
  const back = readCsv(csv).doc;
  assert.deepEqual(back.rows, json.rows);
  assert.equal(back.unit, json.unit);
});

test('aggregate builds the parent table from children, and refuses a unit twice', () => {
  const a = sample('heilongjiang-2010-batch1.json');
  const b = { ...sample('heilongjiang-2010-batch1.json'), unit: '吉林省', preset: undefined };
  delete b.preset;
  const parent = aggregate([a, b], { unit: '全国' });
  assert.equal(parent.format, 'cxzy-stats/1');
  assert.deepEqual(parent.rows.map((r) => r.name), ['黑龙江省', '吉林省']);
  assert.equal(parent.rows[0].orgs_total, totals(a).total.orgs_total);
  assert.throws(() => aggregate([a, a], { unit: '全国' }), (e) => e instanceof CxzyIssuesError && e.issues.some((i) => i.code === 'A002'));
  assert.equal(aggregateReport([a, a], { unit: '全国' }).refused, true);
});

test('coverage answers the table, the gap lists and the issues', () => {
  const roster = { format: 'cxzy-roster/1', orgs: [], members: [] };
  const entries = { format: 'cxzy-entries/1', entries: [] };
  const r = coverage(roster, entries, { as_of: '2011-01-15', batch: 1, unit: '黑龙江省' });
  assert.ok('table' in r && 'gaps' in r && Array.isArray(r.issues));
  assert.ok(Array.isArray(r.gaps.orgs) && Array.isArray(r.gaps.not_reviewing));
});

test('meta and blankDoc come from the core tables', () => {
  const m = meta('zh-CN');
  assert.equal(m.columns.length, 26);
  assert.equal(m.columns[3].formula, '2/1');
  assert.equal(m.columns.filter((c) => c.input).length, 20);
  const hlj = m.presets.find((p) => p.id === 'heilongjiang-2010');
  assert.equal(hlj.rows.length, 19);
  const blank = blankDoc('heilongjiang-2010');
  assert.deepEqual(blank.rows.map((r) => r.name), hlj.rows);
  assert.deepEqual(parseJson('\ufeff{"a":1}'), { a: 1 });
});

test('the TypeScript declarations describe the API without a bare any', () => {
  const dts = fs.readFileSync(path.join(root, 'pkg/index.d.ts'), 'utf8');
  assert.doesNotMatch(dts, /\bany\b/);
  for (const name of ['interface Issue', 'interface StatsDoc', 'interface StatsFormOptions', 'interface TotalsView', 'class StatsForm', 'function validate', 'function coverage', 'function aggregate']) {
    assert.match(dts, new RegExp(name), name);
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'pkg/package.json'), 'utf8'));
  assert.equal(pkg.name, 'cxzy-form');
  assert.equal(pkg.types, 'index.d.ts');
});
