// .xlsx in the browser (issue 11), in Debian's headless Chromium on the demo pages under the strict
// CSP: the form's 打开文件 opens clerk workbooks made by openpyxl (tests/fixtures/excel), 导出 Excel
// saves the official layout, which the CLI's calamine reader (and LibreOffice) read back to the
// same table; the Excel module loads only when a workbook is opened or saved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { start, newPage, ready, root } from './helpers.mjs';

let server;
let browser;
const F = 'cxzy-stats-form';
const fixture = (name) => path.join(root, 'tests/fixtures/excel', name);
const samplePath = path.join(root, 'samples/stats/heilongjiang-2010-batch1.json');
const sample = () => JSON.parse(fs.readFileSync(samplePath, 'utf8'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cxzy-excel-'));

before(async () => ({ server, browser } = await start()));
after(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** One entry of a zip file, as text (its central directory read here, inflated by node:zlib). */
function unzip(file, name) {
  const b = fs.readFileSync(file);
  let p = b.readUInt32LE(b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) + 16);
  while (b.readUInt32LE(p) === 0x02014b50) {
    const n = b.readUInt16LE(p + 28);
    if (b.toString('utf8', p + 46, p + 46 + n) === name) {
      const local = b.readUInt32LE(p + 42);
      const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
      const data = b.subarray(start, start + b.readUInt32LE(p + 20));
      return (b.readUInt16LE(p + 10) === 8 ? zlib.inflateRawSync(data) : data).toString('utf8');
    }
    p += 46 + n + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  throw new Error(`${name} not in ${file}`);
}

/** The native CLI (calamine) on a file: `cxzy ARGS…` → stdout. */
const cxzy = (...args) => execFileSync('cargo', ['run', '--quiet', '--bin', 'cxzy', '--', ...args], { cwd: root, encoding: 'utf8' });

async function portal() {
  const p = await newPage(browser);
  await p.page.goto(server.url);
  await ready(p.page);
  return p;
}

async function open(page, file) {
  await page.locator(`${F} input[type=file]`).setInputFiles(file);
  await page.locator(`${F} .notice p`).filter({ hasText: path.basename(file) }).waitFor();
  return page.locator(`${F} .notice p`).textContent();
}

test('the form opens an openpyxl-made official-layout .xlsx: the same table as the JSON it was made from; the Excel module loads only then', async () => {
  const { page, log, context } = await portal();
  const first = log.requests.map((u) => new URL(u).pathname).filter((p) => p.startsWith('/pkg/'));
  assert.deepEqual(first.sort(), ['/pkg/cxzy_stats_bg.wasm', '/pkg/index.js'], 'the first load is the same two requests');
  assert.match(await open(page, fixture('clerk-official.xlsx')), /已打开/);
  assert.deepEqual(await page.evaluate((s) => document.querySelector(s).data(), F), sample());
  const later = log.requests.map((u) => new URL(u).pathname);
  assert.ok(later.includes('/pkg/excel.js') && later.includes('/pkg/cxzy_form_bg.wasm'), later.join());
  assert.deepEqual(log.errors, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation');
  await context.close();
});

test('a one-row-header workbook with its table on the second sheet opens; a damaged or protected one says why', async () => {
  const { page, context } = await portal();
  await open(page, fixture('clerk-plain.xlsx'));
  const doc = await page.evaluate((s) => document.querySelector(s).data(), F);
  assert.deepEqual(doc.rows, sample().rows);
  assert.equal(doc.filed_on, '2011-01-16');
  assert.match(await open(page, fixture('corrupt.xlsx')), /无法读取.*工作簿已损坏/);
  assert.match(await open(page, fixture('password.xlsx')), /无法读取.*密码/);
  const half = path.join(tmp, 'half.xls');
  const xls = fs.readFileSync(fixture('clerk-wps.xls'));
  fs.writeFileSync(half, xls.subarray(0, Math.floor(xls.length * 0.9)));
  assert.match(await open(page, half), /无法读取.*工作簿已损坏/);
  assert.deepEqual((await page.evaluate((s) => document.querySelector(s).data(), F)).rows, sample().rows, 'a failed open keeps the table');
  await context.close();
});

test('the form opens an xlwt-made Excel 97–2003 .xls (two-level headers, the group written once): the same rows and header fields', async () => {
  const { page, context } = await portal();
  assert.match(await open(page, fixture('clerk-wps.xls')), /已打开/);
  const doc = await page.evaluate((s) => document.querySelector(s).data(), F);
  const want = sample();
  assert.deepEqual(doc.rows, want.rows);
  for (const k of ['unit', 'batch', 'as_of', 'filed_on', 'principal', 'preparer', 'phone', 'preset']) assert.equal(doc[k], want[k], k);
  await context.close();
});

test('导出 Excel saves the official layout; calamine reads it back to the same table and totals, and the form reopens it', async () => {
  const { page, log, context } = await portal();
  await page.locator(`${F} input[type=file]`).setInputFiles(samplePath);
  await page.locator(`${F} .notice`, { hasText: '已打开' }).waitFor();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(`${F} button[data-act=xlsx]`, { hasText: '导出 Excel' }).click()]);
  assert.equal(dl.suggestedFilename(), '黑龙江省-第1批.xlsx');
  const saved = path.join(tmp, 'browser.xlsx');
  await dl.saveAs(saved);
  const bytes = fs.readFileSync(saved);
  assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\u0003\u0004');
  // The CLI (calamine) reads the browser's workbook: the same table, field for field, and totals.
  assert.equal(cxzy('export', saved, '--csv'), cxzy('export', samplePath, '--csv'));
  assert.deepEqual(JSON.parse(cxzy('totals', saved, '--json')), JSON.parse(cxzy('totals', samplePath, '--json')));
  // Its layout: what `cxzy export --xlsx` writes (formulas, percentages, panes, print titles).
  const sheet = unzip(saved, 'xl/worksheets/sheet1.xml');
  assert.match(sheet, /<f>SUM\(B9:B27\)<\/f><v>6014<\/v>/);
  assert.match(sheet, /<f>IF\(B9=0,&quot;—&quot;,ROUNDDOWN\(C9\/B9,3\)\)<\/f><v>0\.838<\/v>/);
  assert.match(sheet, /ySplit="8"[^>]*state="frozen"/);
  assert.match(sheet, /paperSize="9" orientation="landscape"/);
  assert.match(unzip(saved, 'xl/styles.xml'), /formatCode="0\.0%"/);
  assert.match(unzip(saved, 'xl/workbook.xml'), /_xlnm\.Print_Titles[^<]*<\/definedName>/);
  // And the form opens its own workbook again.
  await open(page, saved);
  assert.deepEqual(await page.evaluate((s) => document.querySelector(s).data(), F), sample());
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('LibreOffice opens the browser’s workbook and prints the computed coverages', async () => {
  const { page, context } = await portal();
  await page.locator(`${F} input[type=file]`).setInputFiles(samplePath);
  await page.locator(`${F} .notice`, { hasText: '已打开' }).waitFor();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(`${F} button[data-act=xlsx]`).click()]);
  const saved = path.join(tmp, 'print.xlsx');
  await dl.saveAs(saved);
  await context.close();
  execFileSync('soffice', [`-env:UserInstallation=file://${tmp}/lo`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', tmp, saved], { stdio: 'ignore' });
  const text = execFileSync('pdftotext', ['-layout', path.join(tmp, 'print.pdf'), '-'], { encoding: 'utf8' });
  const view = JSON.parse(cxzy('totals', samplePath, '--json'));
  for (const want of ['创先争优活动领导点评情况统计表', '合计', '大庆油田', '负责人：', view.total.orgs_coverage, view.rows[0].members_coverage, String(view.total.methods_total)]) {
    assert.ok(text.includes(want), `${want} in the PDF`);
  }
});

test('the offline page checks a dropped .xlsx without uploading it', async () => {
  const { page, log, context } = await newPage(browser);
  await page.goto(`${server.url}offline.html`);
  await page.locator('#file').setInputFiles(fixture('clerk-official.xlsx'));
  await page.locator('#verdict').waitFor();
  assert.match(await page.locator('#verdict').textContent(), /✓ 没有错误/);
  assert.match(await page.locator('#totals').textContent(), /哈尔滨市/);
  await page.locator('#file').setInputFiles(fixture('typed-errors.xlsx'));
  await page.locator('#verdict', { hasText: '✗' }).waitFor();
  assert.match(await page.locator('#result').textContent(), /R003.*12O/s);
  for (const u of log.requests) assert.ok(u.startsWith(server.url), u);
  assert.deepEqual(log.errors, []);
  await context.close();
});
