// Issue 9 through the built package in Node: a text that cannot be read is a CxzyParseError that
// carries its kind (the id of the reason's sentence in the core's catalogues), and the page words
// it with parseErrorText — 第 N 行第 M 列 and Chinese in zh-CN, no Chinese in English — the same
// words as the CLI, also for an error from the statistics form's own module, which gives no kind.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import init, { validate, readCsv, parseJson, CxzyParseError } from '../../pkg/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let words;

before(async () => {
  await init({ module_or_path: fs.readFileSync(path.join(root, 'pkg/cxzy_form_bg.wasm')) });
  const full = await import('../../pkg/cxzy_form.js');
  words = (e, locale, kind = e.kind) => full.parseErrorText(e.line, e.column, e.message, locale, kind);
});

const han = (s) => /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/.test(s);
/** Latin words that are no names of formats. */
const english = (s) => (s.match(/[A-Za-z][A-Za-z0-9_-]*/g) || []).filter((w) => !['JSON', 'CSV', 'UTF-8', 'NUL', 'Word'].includes(w));

function caught(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail('no error');
}

test('a malformed JSON and an unclosed CSV quote: the kind, and the words in each locale', () => {
  const cases = [
    [() => validate('{\n  "unit": ,\n}'), 'json_value', '第 2 行第 11 列：此处应为一个值', 'Line 2, column 11: a value belongs here'],
    [() => parseJson('{"format": "cxzy-stats/1", "rows": [],}'), 'json_trailing_comma', '第 1 行第 39 列：最后一项后面多了一个逗号', 'there is a comma after the last item'],
    [() => parseJson('{"rows": ['), 'json_eof', '文件在此处意外结束', 'the file ends too early'],
    [() => readCsv('单位名称,基层党组织 · 总数(个)\n哈尔滨市,"12\n'), 'csv_quote', '第 2 行第 6 列：此处的引号（"）开始了一个单元格，但没有结束', 'a quote (") opens a cell here and is never closed'],
  ];
  for (const [f, kind, zh, en] of cases) {
    const e = caught(f);
    assert.ok(e instanceof CxzyParseError, String(e));
    assert.equal(e.kind, kind, e.message);
    const z = words(e, 'zh-CN');
    assert.ok(z.includes(zh), z);
    assert.deepEqual(english(z), [], z);
    const n = words(e, 'en');
    assert.ok(n.includes(en) && !han(n), n);
    // Without its kind (the statistics form's own module gives none), the message's class gives
    // the same words.
    assert.equal(words(e, 'zh-CN', ''), z);
  }
});

test('a file that is neither JSON nor a table says so in words, without a position', () => {
  const png = new TextDecoder().decode(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 0, 0]));
  const e = caught(() => readCsv(png));
  assert.equal(e.kind, 'not_a_table');
  const z = words(e, 'zh-CN');
  assert.ok(z.startsWith('该文件既不是 JSON 也不是表格（CSV）'), z);
  assert.deepEqual(english(z), [], z);
  assert.ok(!han(words(e, 'en')));
});

test('a text past 64 MiB, refused in JavaScript, has its kind and words too', () => {
  const e = caught(() => validate('x'.repeat(67108865)));
  assert.equal(e.kind, 'too_large');
  const z = words(e, 'zh-CN');
  assert.ok(z.startsWith('文件过大') && english(z).length === 0, z);
});
