// The receiving office (<cxzy-rollup>, www/rollup.html) as a clerk uses it, in Debian's headless
// Chromium under the strict CSP: the sub-units' real files (samples/rollup) through the picker, by
// drag and drop and through `addFiles`; the lines, the A issues, 应报未报, the read-only parent table,
// its exports and print; batch 2 against batch 1; keyboard, axe, no network, and the lazy load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, newPage, root } from './helpers.mjs';

let server;
let browser;
const R = 'cxzy-rollup';
const dir = (b) => path.join(root, 'samples/rollup', `batch${b}`);
const files = (b, skip = []) => fs.readdirSync(dir(b)).sort().filter((n) => !skip.some((s) => n.startsWith(s))).map((n) => path.join(dir(b), n));
const HLJ = ['哈尔滨市', '齐齐哈尔市', '牡丹江市', '佳木斯市', '大庆市', '鸡西市', '双鸭山市', '伊春市', '七台河市', '鹤岗市',
  '黑河市', '绥化市', '大兴安岭地区', '省直机关工委', '省委高校工委', '省国资委', '省农垦总局', '省森工总局', '大庆油田'];
const NOT_YET = ['大兴安岭地区', '省森工总局'];

before(async () => { ({ server, browser } = await start()); });
after(async () => {
  await browser?.close();
  await server?.close();
});

/** www/rollup.html with the element drawn, and a count of `cxzy-rollup` events. */
async function rollupPage(opts) {
  const p = await newPage(browser, opts);
  await p.page.addInitScript(() => {
    window.__events = [];
    document.addEventListener('cxzy-rollup', (e) => window.__events.push(e.detail));
  });
  await p.page.goto(`${server.url}rollup.html`);
  await p.page.waitForFunction((s) => document.querySelector(s)?.view != null, R);
  return p;
}

const result = (page) => page.evaluate((s) => document.querySelector(s).result(), R);
/** Each line of the files table: its cells' text. */
const lines = (page) => page.evaluate((s) => [...document.querySelector(s).shadowRoot.querySelectorAll('.files tbody tr')]
  .map((tr) => ({ cls: tr.className, cells: [...tr.children].map((c) => c.textContent.trim()) })), R);
/** The parent form's row names, as drawn in the read-only StatsForm. */
const parentNames = (page) => page.evaluate((s) => {
  const host = document.querySelector(s).shadowRoot.querySelector('.parent .form');
  return host.shadowRoot ? [...host.shadowRoot.querySelectorAll('[data-f="name"]')].map((i) => i.value ?? i.textContent) : null;
}, R);
const pick = async (page, paths) => {
  const n = await page.evaluate(() => window.__events.length);
  await page.locator(`${R} .drop input[type=file]`).setInputFiles(paths);
  await page.waitForFunction((k) => window.__events.length > k, n);
};
const axeRun = async (page) => {
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(fs.readFileSync(path.join(root, 'pkg-tests/node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`));
};
const ownRequestsOnly = (log) => {
  for (const u of log.requests) assert.ok(u.startsWith(server.url), `request outside the page's origin: ${u}`);
};

test('files through the picker: one line each, A003 on top, 应报未报, the parent table in the preset order', async () => {
  const { page, log, context } = await rollupPage();
  await pick(page, files(1, NOT_YET));
  const r = await result(page);
  assert.equal(r.children.length, 17);
  assert.equal(r.refused, false);
  assert.deepEqual(r.missing, NOT_YET);
  const ls = await lines(page);
  assert.equal(ls.length, 17);
  // Lines in the order received (the picker's order), each with ✓/✗, unit, batch, counts and file.
  const hegang = ls.find((l) => l.cells[1] === '鹤岗市');
  assert.match(hegang.cells[0], /✗/);
  assert.equal(hegang.cells[2], '第1批');
  assert.equal(hegang.cells[3], '2');
  assert.match(hegang.cells[5], /R010/);
  assert.equal(hegang.cells[6], '鹤岗市.json');
  assert.equal(ls.filter((l) => l.cells[0].startsWith('✓')).length, 16);
  assert.ok(ls.some((l) => l.cells[6] === '七台河市.gbk.csv' && l.cells[1] === '七台河市'), 'the GBK CSV is read');
  // The A issues at the top, before the lines.
  const top = await page.evaluate((s) => {
    const root = document.querySelector(s).shadowRoot;
    const summary = root.querySelector('.summary');
    return { text: summary.textContent, before: !!(summary.compareDocumentPosition(root.querySelector('.files')) & Node.DOCUMENT_POSITION_FOLLOWING) };
  }, R);
  assert.match(top.text, /A003.*鹤岗市/);
  assert.ok(top.before);
  const missing = await page.locator(`${R} .missing`).textContent();
  assert.match(missing, /应报未报（2 个单位）/);
  for (const n of NOT_YET) assert.ok(missing.includes(n), n);
  // The parent: a read-only statistics form, rows in the preset's order.
  assert.deepEqual(await parentNames(page), HLJ.filter((n) => !NOT_YET.includes(n)));
  // A cell is its text; the editor that takes the focused cell's place is read-only here.
  await page.locator(`${R} .parent [data-f="orgs_total"]`).first().focus();
  assert.equal(await page.locator(`${R} .parent [data-f="orgs_total"]`).first().evaluate((el) => el.readOnly), true);
  // More later: the two missing units and a roster (which says why and stops nothing).
  await pick(page, [...files(1).filter((f) => NOT_YET.some((n) => f.includes(n))), path.join(root, 'samples/review/roster.json')]);
  const r2 = await result(page);
  assert.equal(r2.children.length, 19);
  assert.deepEqual(r2.missing, []);
  assert.deepEqual(r2.unreadable.map((u) => u.file), ['roster.json']);
  const roster = (await lines(page)).find((l) => l.cells[6] === 'roster.json');
  assert.match(roster.cells[0], /✗/);
  assert.match(roster.cells[5], /党员名册/);
  assert.match(await page.locator(`${R} .missing`).textContent(), /应报单位均已报送/);
  assert.deepEqual(await parentNames(page), HLJ);
  // The event fired after each change, with the result as detail.
  const events = await page.evaluate(() => window.__events.map((d) => d.children.length));
  assert.deepEqual(events.slice(-2), [17, 19]);
  ownRequestsOnly(log);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('addFiles resolves once checked, result() and the event agree, clear() empties, A002 refuses', async () => {
  const { page, log, context } = await rollupPage();
  const payload = files(1).slice(0, 4).map((p) => ({ name: path.basename(p), bytes: [...fs.readFileSync(p)] }));
  const r = await page.evaluate(async ([s, list]) => {
    const el = document.querySelector(s);
    const made = list.map((f) => new File([new Uint8Array(f.bytes)], f.name));
    const res = await el.addFiles(made);
    const last = window.__events[window.__events.length - 1];
    return { res, same: JSON.stringify(last) === JSON.stringify(el.result()), now: el.result() };
  }, [R, payload]);
  assert.equal(r.same, true);
  assert.equal(r.res.children.length, 4);
  assert.deepEqual(Object.keys(r.now).slice(0, 4), ['doc', 'issues', 'refused', 'children']);
  for (const c of r.now.children) {
    assert.deepEqual(['file', 'unit', 'batch', 'errors', 'warnings'].filter((k) => !(k in c)), []);
    assert.equal(c.batch, 1);
  }
  assert.equal(r.now.doc.format, 'cxzy-stats/1');
  assert.equal(r.now.doc.unit, '黑龙江省');
  assert.equal(r.now.doc.rows.length, 4);
  // The same unit twice (a FileList-like array again): A002, the roll-up refused, no parent shown.
  const again = await page.evaluate(async ([s, f]) => document.querySelector(s).addFiles([new File([new Uint8Array(f.bytes)], `copy-${f.name}`)]), [R, payload[1]]);
  assert.equal(again.refused, true);
  assert.equal(again.doc, null);
  const a002 = again.issues.find((i) => i.code === 'A002');
  assert.ok(a002 && a002.file.endsWith(payload[1].name), JSON.stringify(a002));
  assert.match(await page.locator(`${R} .summary [role=alert]`).textContent(), /不能汇总/);
  assert.equal(await page.locator(`${R} .parent`).isHidden(), true);
  // Removing one line by its button (keyboard: focus, Enter) lifts the refusal.
  await page.locator(`${R} button.remove`).last().focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((s) => document.querySelector(s).result().refused === false, R);
  assert.equal(await page.locator(`${R} .parent`).isVisible(), true);
  await page.evaluate((s) => document.querySelector(s).clear(), R);
  const empty = await result(page);
  assert.equal(empty.children.length, 0);
  assert.equal(empty.doc, null);
  assert.equal(await page.locator(`${R} .files tbody tr`).count(), 0);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('batch 2 with the batch 1 files: the P rules per child, batch 1 not rolled up, a coverage that fell visible in the parent', async () => {
  const { page, log, context } = await rollupPage();
  await page.locator('#batch').selectOption('2');
  await page.waitForFunction((s) => document.querySelector(s).getAttribute('batch') === '2', R);
  await pick(page, [...files(1), ...files(2)]);
  const r = await result(page);
  assert.equal(r.children.length, 19);
  assert.equal(r.previous.length, 19);
  assert.equal(r.refused, false);
  assert.equal(r.doc.batch, 2);
  const ls = await lines(page);
  assert.equal(ls.length, 38);
  const yichun = ls.find((l) => l.cells[1] === '伊春市' && l.cells[2] === '第2批');
  assert.match(yichun.cells[5], /已与第一批「伊春市\.json」对比/);
  assert.match(yichun.cells[5], /P001.*累计数不应减少/);
  const prev = ls.find((l) => l.cells[1] === '伊春市' && l.cells[2] === '第1批');
  assert.match(prev.cells[5], /第一批，用于对比「伊春市\.json」/);
  // The parent's own R rules: 黑河市 not fully reviewed in batch 2 (R040) in the parent table.
  const own = await page.evaluate(async (doc) => (await import('/pkg/index.js')).validate(doc, { today: '2011-02-20' }), r.doc);
  const i = r.doc.rows.findIndex((x) => x.name === '黑河市');
  assert.ok(own.some((x) => x.code === 'R040' && x.path.startsWith(`/rows/${i}/`)), JSON.stringify(own.map((x) => x.code)));
  const marked = await page.evaluate(([s, row]) => {
    const host = document.querySelector(s).shadowRoot.querySelector('.parent .form');
    const name = host.shadowRoot.querySelector(`[data-r="${row}"][data-f="name"]`);
    return { name: name.value ?? name.textContent, text: name.closest('tr').textContent };
  }, [R, i]);
  assert.equal(marked.name, '黑河市');
  assert.match(marked.text, /9\d\.\d%.*两个全覆盖/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('drag and drop of several files, a line with every problem behind “show all”, and no markup from a file', async () => {
  const { page, log, context } = await rollupPage();
  const broken = fs.readFileSync(path.join(root, 'samples/stats/broken.json'), 'utf8');
  const evil = JSON.stringify({ ...JSON.parse(fs.readFileSync(files(2)[0], 'utf8')), unit: '<img src=x onerror=alert(1)>' });
  const n = await page.evaluate(() => window.__events.length);
  await page.evaluate(([s, b, e]) => {
    const zone = document.querySelector(s).shadowRoot.querySelector('.drop');
    const dt = new DataTransfer();
    dt.items.add(new File([b], 'broken.json', { type: 'application/json' }));
    dt.items.add(new File([e], '<b>x</b>.json', { type: 'application/json' }));
    dt.items.add(new File(['not a table at all'], 'notes.txt', { type: 'text/plain' }));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [R, broken, evil]);
  await page.waitForFunction((k) => window.__events.length > k, n);
  const r = await result(page);
  assert.deepEqual(r.unreadable.map((u) => u.file), ['notes.txt']);
  assert.equal(r.children.length, 2);
  // broken.json: many problems; three shown, all behind a <details> the keyboard opens.
  const row = page.locator(`${R} .files tbody tr`).first();
  assert.equal(await row.locator('ul.first li').count(), 3);
  const summary = row.locator('details summary');
  assert.match(await summary.textContent(), /全部 \d+ 个问题/);
  const all = Number(/全部 (\d+)/.exec(await summary.textContent())[1]);
  const b = r.children.find((c) => c.file === 'broken.json');
  assert.equal(all, b.errors + b.warnings);
  assert.equal(await row.locator('details ul').isVisible(), false);
  await summary.focus();
  await page.keyboard.press('Enter');
  assert.equal(await row.locator('details ul').isVisible(), true);
  assert.equal(await row.locator('details ul li').count(), all);
  // User text is text: nothing parsed as markup, nothing run.
  const tags = await page.evaluate((s) => document.querySelector(s).shadowRoot.querySelectorAll('img, b, script').length, R);
  assert.equal(tags, 0);
  assert.ok((await lines(page)).some((l) => l.cells[1] === '<img src=x onerror=alert(1)>' && l.cells[6] === '<b>x</b>.json'));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the parent table exports as JSON, CSV and Excel (nothing uploaded) and prints alone', async () => {
  const { page, log, context } = await rollupPage();
  await pick(page, files(1));
  const before = log.requests.length;
  const [json] = await Promise.all([page.waitForEvent('download'), page.locator(`${R} .parent > .toolbar button[data-act=json]`).click()]);
  assert.equal(json.suggestedFilename(), '黑龙江省-第1批-汇总.json');
  const doc = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  assert.equal(doc.format, 'cxzy-stats/1');
  assert.deepEqual(doc.rows.map((x) => x.name), HLJ);
  assert.deepEqual(doc, (await result(page)).doc);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator(`${R} .parent > .toolbar button[data-act=csv]`).click()]);
  assert.equal(csv.suggestedFilename(), '黑龙江省-第1批-汇总.csv');
  const text = fs.readFileSync(await csv.path(), 'utf8');
  assert.ok(text.startsWith('\uFEFF'));
  for (const n of ['合计', '哈尔滨市', '大庆油田']) assert.ok(text.includes(n), n);
  // Read back by the package: the same rows.
  const back = await page.evaluate(async (t) => (await import('/pkg/index.js')).readCsv(t).doc.rows.map((x) => [x.name, x.orgs_total]), text);
  assert.deepEqual(back, doc.rows.map((x) => [x.name, x.orgs_total]));
  // Excel: the official layout (cxzy-form/excel), which the package reads back to the same rows.
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator(`${R} .parent > .toolbar button[data-act=xlsx]`).click()]);
  assert.equal(xlsx.suggestedFilename(), '黑龙江省-第1批-汇总.xlsx');
  const bytes = [...fs.readFileSync(await xlsx.path())];
  const fromXlsx = await page.evaluate(async (b) => (await (await import('/pkg/excel.js')).readXlsx(new Uint8Array(b))).doc.rows.map((x) => [x.name, x.orgs_total]), bytes);
  assert.deepEqual(fromXlsx, doc.rows.map((x) => [x.name, x.orgs_total]));
  assert.ok(log.requests.slice(before).every((u) => u.startsWith('blob:') || u.startsWith(server.url)), log.requests.slice(before).join());
  // Print: the parent table, without the intake and the file lines.
  await page.emulateMedia({ media: 'print' });
  const vis = await page.evaluate((s) => {
    const root = document.querySelector(s).shadowRoot;
    const shown = (q) => { const e = root.querySelector(q); return !!e && getComputedStyle(e).display !== 'none'; };
    return { drop: shown('.drop'), files: shown('.files'), parent: shown('.parent'), form: shown('.parent .form') };
  }, R);
  assert.deepEqual(vis, { drop: false, files: false, parent: true, form: true });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('keyboard: Tab reaches 选择文件, Enter opens the picker; axe-core finds no violation with problems shown', async () => {
  const { page, log, context } = await rollupPage();
  assert.deepEqual(await axeRun(page), []);
  const pickBtn = page.locator(`${R} button[data-act=pick]`);
  for (let i = 0; i < 30 && !(await pickBtn.evaluate((b) => b.getRootNode().activeElement === b)); i++) await page.keyboard.press('Tab');
  assert.equal(await pickBtn.evaluate((b) => b.getRootNode().activeElement === b), true, 'Tab reaches the picker button');
  // Enter on the button opens the element's file input (a multiple picker). Whether headless
  // Chromium then raises its chooser depends on which page has the browser's focus, so the test
  // watches the input being opened, then gives it the files as the chooser would.
  await page.evaluate((s) => {
    const input = document.querySelector(s).shadowRoot.querySelector('.drop input[type=file]');
    input.click = () => { window.__opened = (window.__opened || 0) + 1; };
  }, R);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.__opened === 1);
  assert.equal(await page.locator(`${R} .drop input[type=file]`).evaluate((i) => i.multiple), true);
  await pick(page, [...files(1, NOT_YET), path.join(root, 'samples/review/entries.json'), path.join(root, 'samples/stats/broken.json')]);
  assert.equal((await result(page)).unreadable.length, 1);
  assert.deepEqual(await axeRun(page), []);
  // English.
  await page.evaluate((s) => document.querySelector(s).setAttribute('locale', 'en'), R);
  assert.match(await page.locator(`${R} .missing h2`).textContent(), /Expected, not yet received \(2 units\)/);
  assert.equal(await page.locator(`${R} button[data-act=pick]`).textContent(), 'Choose files…');
  assert.match(await page.locator(`${R} .files caption`).textContent(), /Files received/);
  assert.equal(await page.locator(`${R} .files tbody tr`).count(), 19);
  assert.deepEqual(await axeRun(page), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('lazy: the statistics form’s page loads neither rollup.js nor the full wasm; the first <cxzy-rollup> does', async () => {
  const { page, log, context } = await newPage(browser);
  await page.goto(server.url);
  await page.waitForFunction(() => document.querySelector('cxzy-stats-form')?.form != null);
  const paths = () => log.requests.map((u) => new URL(u).pathname);
  assert.ok(!paths().includes('/pkg/rollup.js'), paths().join());
  assert.ok(!paths().includes('/pkg/cxzy_form_bg.wasm'), paths().join());
  assert.equal(await page.evaluate(() => !!customElements.get('cxzy-rollup')), true);
  await page.evaluate(() => { const el = document.createElement('cxzy-rollup'); el.setAttribute('unit', '黑龙江省'); document.querySelector('main').append(el); });
  await page.waitForFunction(() => document.querySelector('cxzy-rollup')?.view != null);
  assert.ok(paths().includes('/pkg/rollup.js'));
  assert.ok(paths().includes('/pkg/cxzy_form_bg.wasm'));
  // The statistics form still works alongside it.
  assert.equal(await page.evaluate(() => document.querySelector('cxzy-stats-form').data().format), 'cxzy-stats/1');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a workbook (.xlsx, .xls) sent by a sub-unit is read like its JSON; a damaged one says so', async () => {
  const { page, log, context } = await rollupPage();
  const xl = (n) => path.join(root, 'tests/fixtures/excel', n);
  await pick(page, [...files(1, NOT_YET).slice(0, 2), xl('clerk-official.xlsx'), xl('corrupt.xlsx')]);
  const r = await result(page);
  // The openpyxl workbook holds 黑龙江省's own table: a child like any other.
  const child = r.children.find((c) => c.file === 'clerk-official.xlsx');
  assert.ok(child, JSON.stringify(r.children));
  assert.equal(child.unit, '黑龙江省');
  assert.equal(child.batch, 1);
  assert.equal(r.children.length, 3);
  assert.deepEqual(r.unreadable.map((u) => u.file), ['corrupt.xlsx']);
  assert.match(r.unreadable[0].message, /Excel 工作簿无法读取/);
  // The workbook's lines and a further .xls.
  await pick(page, [xl('clerk-wps.xls')]);
  const r2 = await result(page);
  assert.ok(r2.issues.some((i) => i.code === 'A002'), 'the .xls is 黑龙江省 again: A002');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a file that cannot be parsed says where and why in the clerk’s words (the core’s catalogue)', async () => {
  const { page, log, context } = await rollupPage();
  const r = await page.evaluate((s) => document.querySelector(s).addFiles([
    new File(['{\n  "format": "cxzy-stats/1",\n  "unit": ,\n}'], 'bad.json', { type: 'application/json' }),
    new File(['单位名称,基层党组织 · 总数(个)\n哈尔滨市,"12\n'], 'bad.csv', { type: 'text/csv' }),
  ]), R);
  const said = Object.fromEntries(r.unreadable.map((u) => [u.file, u.message]));
  assert.equal(said['bad.json'], '无法解析 JSON：第 3 行第 11 列：此处应为一个值');
  assert.match(said['bad.csv'], /^无法解析 CSV：第 2 行第 \d+ 列：此处的引号（"）开始了一个单元格，但没有结束/);
  assert.deepEqual(log.errors, []);
  await context.close();
});
