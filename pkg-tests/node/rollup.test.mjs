// The receiving office's logic (pkg/rollup.js, behind <cxzy-rollup>) in Node: reading submitted
// files (File objects, as the picker gives them), pairing batch 2 with batch 1, the roll-up, the A
// issues named by file, and 应报未报 from the preset the core's meta() gives.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import init, { meta, totals, aggregate, aggregateReport, CxzyIssuesError } from '../../pkg/index.js';
import { readSubmission, rollUp, presetFor } from '../../pkg/rollup.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = (b) => path.join(root, 'samples/rollup', `batch${b}`);
const file = (p, name = path.basename(p)) => new File([fs.readFileSync(p)], name);
const batchFiles = (b) => fs.readdirSync(dir(b)).sort().map((n) => file(path.join(dir(b), n)));
const readAll = (files, locale) => Promise.all(files.map((f) => readSubmission(f, { locale })));
const HLJ = () => meta().presets.find((p) => p.id === 'heilongjiang-2010').rows;

before(async () => {
  await init({ module_or_path: fs.readFileSync(path.join(root, 'pkg/cxzy_form_bg.wasm')) });
});

test('batch 1 of the 19 sub-units rolls up into the province table, one row per unit in the preset order', async () => {
  const entries = await readAll(batchFiles(1));
  const r = rollUp(entries, { unit: '黑龙江省', batch: 1, today: '2011-01-20' });
  assert.equal(r.refused, false);
  assert.equal(r.preset, 'heilongjiang-2010');
  assert.deepEqual(r.missing, []);
  assert.deepEqual(r.doc.rows.map((x) => x.name), HLJ());
  assert.equal(r.doc.unit, '黑龙江省');
  assert.equal(r.doc.batch, 1);
  // Each parent row holds its child's 合计 — the GBK CSV child too.
  for (const unit of ['哈尔滨市', '七台河市', '黑河市']) {
    const child = entries.find((e) => e.doc && e.doc.unit === unit);
    const t = totals(child.doc).total;
    const row = r.doc.rows.find((x) => x.name === unit);
    for (const f of ['orgs_total', 'members_reviewed', 'problems_solved']) assert.equal(row[f], t[f], `${unit} ${f}`);
  }
  // 鹤岗市 has errors of its own: A003 (a warning, named by file), and its line counts them.
  const a003 = r.issues.filter((i) => i.code === 'A003');
  assert.equal(a003.length, 1);
  assert.equal(a003[0].file, '鹤岗市.json');
  const hegang = r.children.find((c) => c.unit === '鹤岗市');
  assert.equal(hegang.errors, 2);
  assert.ok(hegang.issues.every((i) => i.file === '鹤岗市.json'));
  assert.equal(r.issues.filter((i) => i.severity === 'error').length, 2);
  assert.equal(r.children.filter((c) => c.errors === 0).length, 18);
});

test('the preset’s units that have not sent a file are 应报未报, and the preset comes from the core', async () => {
  const some = batchFiles(1).filter((f) => /哈尔滨|大庆市|省农垦/.test(f.name));
  const r = rollUp(await readAll(some), { unit: '黑龙江省', batch: 1 });
  assert.deepEqual(r.missing, HLJ().filter((n) => !['哈尔滨市', '大庆市', '省农垦总局'].includes(n)));
  assert.equal(presetFor('黑龙江省').id, 'heilongjiang-2010');
  assert.equal(presetFor('某某市'), null);
  assert.equal(presetFor('某某市', 'central-2010').id, 'central-2010');
  assert.deepEqual(rollUp(await readAll(some), { unit: '某某市' }).missing, []);
});

test('files that cannot be used say why and do not stop the others', async () => {
  const bad = [
    file(path.join(root, 'samples/review/roster.json')),
    file(path.join(root, 'samples/review/entries.json')),
    new File(['{ "format": "cxzy-stats/1", "unit": }'], 'broken.json'),
    new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1])], 'photo.png'),
    new File(['PK\u0003\u0004'], '报表.xlsx'),
    new File(['{"format":"cxzy-stats/2"}'], 'v2.json'),
  ];
  const good = batchFiles(1).slice(0, 2);
  const entries = await readAll([...bad, ...good]);
  const r = rollUp(entries, { unit: '黑龙江省', batch: 1 });
  assert.equal(r.children.length, 2);
  assert.equal(r.refused, false);
  assert.deepEqual(r.unreadable.map((u) => u.file), bad.map((f) => f.name));
  const why = Object.fromEntries(r.unreadable.map((u) => [u.file, u.message]));
  assert.match(why['roster.json'], /党员名册/);
  assert.match(why['entries.json'], /点评记录/);
  assert.match(why['broken.json'], /第 1 行第 \d+ 列/);
  assert.match(why['photo.png'], /不是 JSON 或 CSV/);
  assert.match(why['报表.xlsx'], /Excel 工作簿无法读取/);
  assert.match(why['v2.json'], /cxzy-stats\/2/);
  // In English when asked.
  const en = await readSubmission(bad[0], { locale: 'en' });
  assert.match(en.message, /roster/);
});

test('A001 and A002 refuse the roll-up, and name the files', async () => {
  const [a, b] = ['哈尔滨市.json', '大庆市.json'].map((n) => file(path.join(dir(1), n)));
  const twice = rollUp(await readAll([a, b, file(path.join(dir(1), a.name), 'copy.json')]), { unit: '黑龙江省', batch: 1 });
  assert.equal(twice.refused, true);
  assert.equal(twice.doc, null);
  const a002 = twice.issues.find((i) => i.code === 'A002');
  assert.ok(a002 && ['copy.json', a.name].includes(a002.file), JSON.stringify(a002));
  // A batch-2 file in a batch-1 roll-up.
  const b2 = file(path.join(dir(2), '哈尔滨市.json'), 'h2.json');
  const mixed = rollUp(await readAll([b, b2]), { unit: '黑龙江省', batch: 1 });
  assert.equal(mixed.refused, true);
  assert.deepEqual(mixed.issues.filter((i) => i.code === 'A001').map((i) => i.file), ['h2.json']);
});

test('batch 2 with batch 1 files: each child is compared with its own batch 1 (P rules); batch 1 files are not rolled up', async () => {
  const entries = await readAll([...batchFiles(1), ...batchFiles(2)]);
  const r = rollUp(entries, { unit: '黑龙江省', batch: 2, today: '2011-02-20' });
  assert.equal(r.refused, false);
  assert.equal(r.children.length, 19);
  assert.equal(r.previous.length, 19);
  assert.ok(r.children.every((c) => c.batch === 2 && c.previous && c.previous.startsWith(c.unit)), JSON.stringify(r.children.map((c) => [c.unit, c.previous])));
  assert.ok(r.previous.every((p) => p.for && p.for.startsWith(p.unit)));
  const yichun = r.children.find((c) => c.unit === '伊春市');
  assert.deepEqual(yichun.issues.filter((i) => i.code.startsWith('P')).map((i) => `${i.code} ${i.path}`), ['P001 /rows/0/talks']);
  // Without its batch 1, no P rule for that child.
  const alone = rollUp(await readAll(batchFiles(2)), { unit: '黑龙江省', batch: 2, today: '2011-02-20' });
  assert.equal(alone.children.find((c) => c.unit === '伊春市').issues.filter((i) => i.code.startsWith('P')).length, 0);
  // The parent's own rows: 黑河市's coverage below 100% in batch 2 is visible (R040 in the child).
  assert.ok(r.children.find((c) => c.unit === '黑河市').issues.some((i) => i.code === 'R040'));
  // No batch given: the latest batch among the files (2), and the same pairing.
  const inferred = rollUp(entries, { unit: '黑龙江省', today: '2011-02-20' });
  assert.equal(inferred.batch, 2);
  assert.equal(inferred.children.length, 19);
  // A batch 1 whose batch 2 has not come: waiting, and the unit is 应报未报 for batch 2.
  const partial = rollUp(await readAll([...batchFiles(1), ...batchFiles(2).filter((f) => f.name !== '鸡西市.json')]), { unit: '黑龙江省', batch: 2 });
  assert.deepEqual(partial.missing, ['鸡西市']);
  assert.equal(partial.previous.find((p) => p.unit === '鸡西市').for, null);
});

test('an unknown child total reaches the parent empty, never as 0 (issue 10 #7)', async () => {
  const text = fs.readFileSync(path.join(dir(1), '大庆市.json'), 'utf8').replace(/"orgs_total": \d+/, '"orgs_total": 18446744073709551616');
  const r = rollUp(await readAll([new File([text], 'big.json'), ...batchFiles(1).filter((f) => f.name === '鸡西市.json')]), { unit: '黑龙江省', batch: 1 });
  const row = r.doc.rows.find((x) => x.name === '大庆市');
  assert.equal('orgs_total' in row, false, JSON.stringify(row));
  assert.ok(row.members_total > 0);
});

test('aggregate() refuses a roster among the children with T009, at its place in the list (issue 10 #7)', () => {
  const city = JSON.parse(fs.readFileSync(path.join(dir(1), '大庆市.json'), 'utf8'));
  const roster = JSON.parse(fs.readFileSync(path.join(root, 'samples/review/roster.json'), 'utf8'));
  const r = aggregateReport([city, roster], { unit: '黑龙江省' });
  assert.equal(r.refused, true);
  assert.deepEqual(r.issues.map((i) => `${i.code} ${i.path}`), ['T009 /children/1/format']);
  assert.match(r.issues[0].message, /cxzy-roster\/1/);
  assert.throws(() => aggregate([city, roster], { unit: '黑龙江省' }), (e) => e instanceof CxzyIssuesError && e.issues[0].code === 'T009');
});
