// The form as a clerk uses it, in Debian's headless Chromium, on the demo portal page served with
// `Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, newPage, ready, root } from './helpers.mjs';

let server;
let browser;
const out = path.join(root, 'pkg-tests/out');
fs.mkdirSync(out, { recursive: true });
const samplePath = path.join(root, 'samples/stats/heilongjiang-2010-batch1.json');
const sample = () => JSON.parse(fs.readFileSync(samplePath, 'utf8'));

before(async () => ({ server, browser } = await start()));
after(async () => {
  await browser?.close();
  await server?.close();
});

const F = 'cxzy-stats-form';
const cell = (page, r, f) => page.locator(`${F} [data-r="${r}"][data-f="${f}"]`);
/** A cell's text: the editor's value where the focus is, the text of the others. */
const shown = (el) => el.value ?? el.textContent;
const computed = (page, r, f) => page.locator(`${F} tbody output[id$="-c${r}-${f}"]`);
const total = (page, f) => page.evaluate(([s, field]) => document.querySelector(s).shadowRoot.querySelector('tr.total')
  .querySelectorAll('output')[[...document.querySelector(s).form.columns].slice(1).findIndex((c) => c.field === field)].textContent, [F, f]);

async function portal(opts, { lazy = false } = {}) {
  const p = await newPage(browser, opts);
  await p.page.goto(server.url);
  await ready(p.page);
  // The form's second module (keys, paste, undo, files) comes on the first focus or click; the
  // tests load it at once so that what a click does can be read right after it ('lazy' does not).
  if (!lazy) await p.page.evaluate(async () => (await import('./pkg/index.js')).loadMore());
  return p;
}

async function type(page, r, f, text) {
  await cell(page, r, f).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

test('renders the official layout: title, header fields, grouped headers, 栏次 row, 合计 first, read-only computed cells', async () => {
  const { page, log, context } = await portal();
  const shadow = page.locator(F);
  await assert.doesNotReject(shadow.locator('h1.title', { hasText: '创先争优活动领导点评情况统计表' }).waitFor());
  for (const label of ['填报单位', '批次', '统计截止日期', '填报日期', '负责人', '填表人', '联系电话', '报出日期', '一、总体情况', '二、突出做法', '三、典型事例']) {
    assert.equal(await shadow.getByText(label, { exact: false }).first().isVisible(), true, label);
  }
  const info = await page.evaluate((s) => {
    const r = document.querySelector(s).shadowRoot;
    const body = [...r.querySelectorAll('tbody tr')];
    const inputCell = r.querySelector('td [data-f="orgs_total"]').parentElement;
    const computedCell = r.querySelector('td.computed');
    return {
      groups: [...r.querySelectorAll('thead tr:first-child th[colspan]')].map((th) => th.textContent),
      no: [...r.querySelectorAll('thead tr.no th')].map((th) => th.textContent),
      first: body[0].querySelector('th').textContent,
      names: body.slice(1).filter((tr) => !tr.classList.contains('pad')).map((tr) => tr.querySelector('[data-f="name"]').textContent),
      computedIsOutput: computedCell.querySelector('output') !== null && computedCell.querySelector('input') === null,
      bgInput: getComputedStyle(inputCell).backgroundColor,
      bgComputed: getComputedStyle(computedCell).backgroundColor,
    };
  }, F);
  assert.deepEqual(info.groups.slice(0, 2), ['基层党组织', '其中“两新”组织党组织']);
  assert.equal(info.no.length, 26);
  assert.deepEqual(info.no.slice(0, 4), ['甲', '1', '2', '3=2/1']);
  assert.equal(info.no[21], '21=17+18+19+20');
  assert.equal(info.first, '合计');
  assert.equal(info.names.length, 19);
  assert.equal(info.names[0], '哈尔滨市');
  assert.equal(info.names[18], '大庆油田');
  assert.equal(info.computedIsOutput, true);
  assert.notEqual(info.bgInput, info.bgComputed, 'computed cells look different');
  // The preset's deadline is named by the preset's name (meta()), never by its id.
  await page.locator(`${F} .f-batch select`).selectOption('1');
  const deadline = await page.locator(`${F} .deadline`).textContent();
  assert.match(deadline, /按预设：黑龙江省/);
  assert.doesNotMatch(deadline, /heilongjiang/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('typing a value shows the issue on the cell, in the summary, and the new totals at once', async () => {
  const { page, context } = await portal();
  await type(page, 0, 'orgs_total', '100');
  await type(page, 0, 'orgs_reviewed', '120');
  const c = cell(page, 0, 'orgs_reviewed');
  assert.equal(await c.getAttribute('aria-invalid'), 'true');
  const describedBy = await c.getAttribute('aria-describedby');
  const msg = page.locator(`${F} [id="${describedBy}"]`);
  assert.match(await msg.textContent(), /错误：「哈尔滨市」已点评基层党组织数（120）不能大于基层党组织总数（100）/);
  assert.match(await page.locator(`${F} .cellmsg`).textContent(), /已点评基层党组织数（120）/, 'the message shows under the table for the focused cell');
  const link = page.locator(`${F} .summary a`, { hasText: '已点评基层党组织数（120）' });
  assert.equal(await link.count(), 1);
  assert.equal(await total(page, 'orgs_reviewed'), '120');
  assert.equal(await total(page, 'orgs_coverage'), '120.0%');
  assert.equal(await computed(page, 0, 'orgs_coverage').textContent(), '120.0%');
  // The summary's link focuses the cell.
  await cell(page, 3, 'orgs_total').focus();
  await link.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate((s) => document.querySelector(s).shadowRoot.activeElement.dataset.f, F), 'orgs_reviewed');
  // Fixing it clears the mark; full-width digits are read.
  await type(page, 0, 'orgs_reviewed', '９０');
  assert.equal(await c.getAttribute('aria-invalid'), null);
  assert.equal(await total(page, 'orgs_coverage'), '90.0%');
  // Invalid input stays as typed, with a hint.
  await type(page, 1, 'orgs_total', '1O0');
  assert.equal(await cell(page, 1, 'orgs_total').evaluate(shown), '1O0');
  assert.match(await page.locator(`${F} .summary`).textContent(), /字母 O/);
  const data = await page.evaluate((s) => document.querySelector(s).data(), F);
  assert.equal(data.rows[1].orgs_total, '1O0');
  await context.close();
});

test('every edit fires cxzy-change and cxzy-validate with { data, issues }', async () => {
  const { page, context } = await portal();
  await page.evaluate((s) => {
    window.__events = [];
    for (const type of ['cxzy-change', 'cxzy-validate']) {
      document.querySelector(s).addEventListener(type, (e) => window.__events.push({
        type, orgs: e.detail.data.rows[0].orgs_total, codes: e.detail.issues.map((i) => i.code),
      }));
    }
  }, F);
  await type(page, 0, 'orgs_total', '7');
  const events = await page.evaluate(() => window.__events);
  assert.deepEqual(events.at(-2), { type: 'cxzy-change', orgs: 7, codes: events.at(-2).codes });
  assert.equal(events.at(-1).type, 'cxzy-validate');
  assert.ok(events.at(-1).codes.includes('R002'), 'the issues ride along');
  await context.close();
});

test('a file dropped on the form opens', async () => {
  const { page, context } = await portal();
  await page.evaluate(([s, text]) => {
    const sheet = document.querySelector(s).shadowRoot.querySelector('.sheet');
    const dt = new DataTransfer();
    dt.items.add(new File([text], '黑龙江.json', { type: 'application/json' }));
    sheet.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    sheet.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [F, fs.readFileSync(samplePath, 'utf8')]);
  await page.locator(`${F} .notice`, { hasText: '已打开「黑龙江.json」' }).waitFor();
  assert.equal(await cell(page, 5, 'members_total').evaluate(shown), String(sample().rows[5].members_total));
  await context.close();
});

test('a file that cannot be read says why in the clerk\'s words, where it breaks', async () => {
  const { page, context } = await portal();
  await page.locator(`${F} input[type=file]`).setInputFiles({ name: '坏文件', mimeType: 'application/json', buffer: Buffer.from('{\n  "unit": "某市",\n  "batch": ,\n}') });
  const notice = page.locator(`${F} .notice`, { hasText: '坏文件' });
  await notice.waitFor();
  const text = await notice.textContent();
  assert.match(text, /第 3 行第 12 列/);
  assert.doesNotMatch(text, /[A-Za-z]{3,}/, `no English in a zh-CN page: ${text}`);
  await context.close();
});

test('readonly shows the form without editing', async () => {
  const { page, context } = await newPage(browser);
  await page.route(`${server.url}ro.html`, (r) => r.fulfill({
    contentType: 'text/html; charset=utf-8',
    headers: { 'content-security-policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'" },
    body: `<!doctype html><html lang="zh-CN"><head><title>t</title><link rel="icon" href="favicon.svg"><script type="module" src="pkg/index.js"></script></head><body><cxzy-stats-form readonly><script type="application/json">${JSON.stringify(sample())}</script></cxzy-stats-form></body></html>`,
  }));
  await page.goto(`${server.url}ro.html`);
  await ready(page);
  assert.equal(await cell(page, 0, 'orgs_total').evaluate(shown), String(sample().rows[0].orgs_total));
  // The focused cell's editor is read-only too.
  await cell(page, 0, 'orgs_total').click();
  assert.equal(await cell(page, 0, 'orgs_total').evaluate((el) => el.readOnly), true);
  await page.keyboard.type('9');
  assert.equal(await cell(page, 0, 'orgs_total').evaluate(shown), String(sample().rows[0].orgs_total));
  assert.equal(await page.locator(`${F} button[data-act=submit]`).count(), 0);
  assert.equal(await page.locator(`${F} button[data-act=open]`).count(), 0);
  await context.close();
});

test('the keyboard moves like a spreadsheet: arrows, Enter, Tab', async () => {
  const { page, context } = await portal();
  const focused = () => page.evaluate((s) => {
    const a = document.querySelector(s).shadowRoot.activeElement;
    return `${a.dataset.r}/${a.dataset.f}`;
  }, F);
  await cell(page, 0, 'orgs_total').click();
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  assert.equal(await focused(), '1/orgs_total');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), '2/orgs_total');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), '2/orgs_reviewed');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), '2/new_orgs_total', 'skips the computed column 3');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(), '1/new_orgs_total');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focused(), '1/orgs_total');
  await page.keyboard.press('Shift+Enter');
  assert.equal(await focused(), '0/orgs_total');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), '0/orgs_reviewed');
  await context.close();
});

test('a block copied from Excel/WPS pastes into the grid from the focused cell', async () => {
  const { page, context } = await portal();
  await cell(page, 2, 'orgs_total').focus();
  // Two rows of columns 1–4 as Excel puts them on the clipboard (column 3 is computed: skipped).
  const tsv = '1,200\t1100\t91.6%\t30\r\n800\t"700"\t\t20\r\n';
  await page.evaluate(([s, text]) => {
    const el = document.querySelector(s).shadowRoot.activeElement;
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, [F, tsv]);
  assert.equal(await cell(page, 2, 'orgs_total').evaluate(shown), '1,200');
  assert.equal(await cell(page, 2, 'new_orgs_total').evaluate(shown), '30');
  assert.equal(await cell(page, 3, 'orgs_reviewed').evaluate(shown), '700');
  assert.equal(await computed(page, 2, 'orgs_coverage').textContent(), '91.6%');
  assert.equal(await total(page, 'orgs_total'), '2000');
  assert.equal(await total(page, 'orgs_reviewed'), '1800');
  assert.equal(await total(page, 'orgs_coverage'), '90.0%');
  await context.close();
});

test('drafts autosave on every change and come back after a reload, with a way to discard them', async () => {
  const { page, context } = await portal();
  await type(page, 4, 'members_total', '4321');
  await page.locator(`${F} #${await page.locator(`${F} .f-unit input`).getAttribute('id')}`).fill('大庆市委组织部');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('cxzy-stats-form:draft:')));
  await page.reload();
  await ready(page);
  assert.equal(await cell(page, 4, 'members_total').evaluate(shown), '4321');
  assert.equal(await page.locator(`${F} .f-unit input`).inputValue(), '大庆市委组织部');
  const notice = page.locator(`${F} .notice`);
  assert.match(await notice.textContent(), /已恢复 \d{4}-\d\d-\d\d \d\d:\d\d 自动保存的草稿/);
  await notice.getByRole('button', { name: '丢弃草稿' }).click();
  await page.locator(`${F} .notice`, { hasText: '已丢弃草稿' }).waitFor();
  assert.equal(await cell(page, 4, 'members_total').evaluate(shown), '');
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cxzy-stats-form:draft:')).length), 0);
  await page.reload();
  await ready(page);
  assert.equal(await cell(page, 4, 'members_total').evaluate(shown), '');
  await context.close();
});

test('open a JSON file, save it as JSON and CSV: the same table comes back; a GBK CSV opens too', async () => {
  const { page, context } = await portal();
  await page.locator(`${F} input[type=file]`).setInputFiles(samplePath);
  await page.locator(`${F} .notice`, { hasText: '已打开' }).waitFor();
  assert.equal(await cell(page, 0, 'orgs_total').evaluate(shown), String(sample().rows[0].orgs_total));
  const [json] = await Promise.all([page.waitForEvent('download'), page.locator(`${F} button[data-act=json]`).click()]);
  assert.match(json.suggestedFilename(), /^黑龙江省-第1批\.json$/);
  assert.deepEqual(JSON.parse(fs.readFileSync(await json.path(), 'utf8')), sample());
  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator(`${F} button[data-act=csv]`).click()]);
  const csvText = fs.readFileSync(await csv.path(), 'utf8');
  assert.equal(csvText.charCodeAt(0), 0xfeff);
  const back = await page.evaluate(async (text) => (await import('./pkg/index.js')).readCsv(text).doc, csvText);
  assert.deepEqual(back.rows, sample().rows);
  // The CSV sample saved by Chinese Excel (GBK).
  await page.evaluate((s) => document.querySelector(s).setData({ format: 'cxzy-stats/1', rows: [] }), F);
  await page.locator(`${F} input[type=file]`).setInputFiles(path.join(root, 'samples/stats/heilongjiang-2010-batch1.gbk.csv'));
  await page.locator(`${F} .notice`, { hasText: '已打开' }).waitFor();
  assert.equal(await cell(page, 18, 'orgs_total').evaluate(shown), String(sample().rows[18].orgs_total));
  assert.equal(await total(page, 'members_total'), String(sample().rows.reduce((s, r) => s + r.members_total, 0)));
  await context.close();
});

test('export is blocked while errors remain; warnings need a confirmation', async () => {
  const { page, context } = await portal();
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.locator(`${F} button[data-act=json]`).click();
  assert.match(await page.locator(`${F} .notice`).textContent(), /还有错误/);
  assert.equal(await page.evaluate((s) => document.querySelector(s).shadowRoot.activeElement.classList.contains('summary'), F), true, 'focus moves to the summary');
  // Empty cells count once the clerk tries to submit.
  assert.match(await page.locator(`${F} .summary`).textContent(), /未填写/);
  assert.equal(downloads, 0);
  // A table with only a warning (R031: talks > individual reviews).
  const doc = sample();
  doc.rows[0].talks = doc.rows[0].individual + 1;
  await page.evaluate(([s, d]) => document.querySelector(s).setData(d), [F, doc]);
  await page.locator(`${F} button[data-act=json]`).click();
  const dialog = page.locator(`${F} dialog.confirm[open]`); // waits until the question is asked
  assert.match(await dialog.textContent(), /还有 1 个警告/);
  await dialog.getByRole('button', { name: '返回检查' }).click();
  assert.equal(downloads, 0);
  const [dl] = await Promise.all([page.waitForEvent('download'), (async () => {
    await page.locator(`${F} button[data-act=json]`).click();
    await dialog.getByRole('button', { name: '确认无误，继续' }).click();
  })()]);
  assert.equal(JSON.parse(fs.readFileSync(await dl.path(), 'utf8')).rows[0].talks, doc.rows[0].talks);
  // Submit fires cxzy-submit with the data.
  const submitted = page.evaluate((s) => new Promise((r) => document.querySelector(s).addEventListener('cxzy-submit', (e) => r(e.detail.data.unit), { once: true })), F);
  await page.locator(`${F} button[data-act=submit]`).click();
  await dialog.getByRole('button', { name: '确认无误，继续' }).click();
  assert.equal(await submitted, '黑龙江省');
  await context.close();
});

test('print: A4 landscape, the official form without the controls', async () => {
  const { page, context } = await portal();
  await page.evaluate(([s, d]) => document.querySelector(s).setData(d), [F, sample()]);
  await page.emulateMedia({ media: 'print' });
  const vis = await page.evaluate((s) => {
    const r = document.querySelector(s).shadowRoot;
    const shown = (q) => { const e = r.querySelector(q); return !!e && getComputedStyle(e).display !== 'none'; };
    return { toolbar: shown('.toolbar'), summary: shown('.summary'), table: shown('table.grid'), title: shown('h1.title'), footer: shown('.foot') };
  }, F);
  assert.deepEqual(vis, { toolbar: false, summary: false, table: true, title: true, footer: true });
  await page.screenshot({ path: path.join(out, 'print.png'), fullPage: true });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  assert.ok(box, 'PDF has a MediaBox');
  assert.ok(Math.abs(Number(box[1]) - 841.9) < 2 && Math.abs(Number(box[2]) - 595.3) < 2, `A4 landscape, got ${box[1]}×${box[2]}`);
  await context.close();
});

test('axe-core finds no accessibility violation, with and without issues on the page', async () => {
  const { page, context } = await portal();
  const axe = fs.readFileSync(path.join(root, 'pkg-tests/node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axe);
  const run = () => page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`));
  assert.deepEqual(await run(), []);
  await type(page, 0, 'orgs_total', '10');
  await type(page, 0, 'orgs_reviewed', '20');
  await page.locator(`${F} button[data-act=submit]`).click();
  assert.deepEqual(await run(), []);
  await context.close();
});

test('a unit name like <img src=x onerror=alert(1)> shows as text and runs nothing', async () => {
  const { page, log, context } = await portal();
  const evil = '<img src=x onerror=alert(1)>';
  const doc = sample();
  doc.unit = evil;
  doc.preset = undefined;
  delete doc.preset;
  doc.rows[0].name = evil;
  doc.rows[1].name = evil;
  doc.rows[2].orgs_total = '<script>alert(2)</script>';
  await page.evaluate(([s, d]) => document.querySelector(s).setData(d), [F, doc]);
  await page.locator(`${F} .summary`).waitFor();
  const r = await page.evaluate((s) => {
    const root = document.querySelector(s).shadowRoot;
    return { imgs: root.querySelectorAll('img, script').length, summary: root.querySelector('.summary').textContent, name: root.querySelector('[data-r="0"][data-f="name"]').textContent, unit: root.querySelector('.f-unit input').value };
  }, F);
  assert.equal(r.imgs, 0);
  assert.equal(r.name, evil);
  assert.equal(r.unit, evil);
  assert.ok(r.summary.includes(`单位名称「${evil}」重复`), r.summary);
  assert.ok(r.summary.includes('<script>alert(2)</script>'));
  await page.waitForTimeout(100);
  assert.deepEqual(log.errors, [], 'no alert dialog, no error');
  assert.ok(!log.requests.some((u) => /\/x$/.test(u)), 'the img never loaded');
  await context.close();
});

test('under the strict CSP the form works and makes no network request of its own', async () => {
  const { page, log, context } = await portal(undefined, { lazy: true });
  const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
  assert.equal(csp, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'");
  const before = log.requests.length - 1; // the fetch above is the test's own
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation');
  // Everything the page loaded came from 127.0.0.1, and only the page's and the package's files.
  for (const u of log.requests) assert.ok(u.startsWith(server.url), u);
  const files = log.requests.slice(0, before).map((u) => new URL(u).pathname);
  assert.deepEqual(files.filter((p) => !['/', '/portal.css', '/portal.js', '/favicon.svg'].includes(p) && !p.startsWith('/pkg/')), []);
  // The embedded form loads its own small module, not the full API (the download budget).
  assert.ok(files.includes('/pkg/cxzy_stats_bg.wasm'), files.join());
  assert.ok(!files.includes('/pkg/cxzy_form_bg.wasm'));
  // Editing, switching language, opening and saving files, printing: no request at all.
  const n = log.requests.length;
  await type(page, 0, 'orgs_total', '12');
  // The one file that comes later: the form's own second module, on the first click in it.
  await page.waitForFunction((k) => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/pkg/stats-more.js')), n);
  assert.deepEqual(log.requests.slice(n).map((u) => new URL(u).pathname), ['/pkg/stats-more.js']);
  const m = log.requests.length;
  await page.locator(`${F} button[data-act=locale]`).click();
  await page.locator(`${F} input[type=file]`).setInputFiles(samplePath);
  await page.locator(`${F} dialog.confirm`).getByRole('button', { name: 'Open and replace' }).click();
  await Promise.all([page.waitForEvent('download'), page.locator(`${F} button[data-act=csv]`).click()]);
  await page.emulateMedia({ media: 'print' });
  await page.waitForTimeout(50);
  assert.deepEqual(log.requests.slice(m), []);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  await context.close();
});

test('English at run time; the portal CSS and the form CSS do not leak into each other', async () => {
  const { page, context } = await portal();
  await type(page, 0, 'orgs_total', '1');
  await type(page, 0, 'orgs_reviewed', '2');
  await page.locator(`${F} button[data-act=locale]`).click();
  assert.match(await page.locator(`${F} h1.title`).textContent(), /Statistics Table/);
  assert.match(await page.locator(`${F} .summary`).textContent(), /Organisations reviewed \(2\) cannot exceed organisations \(1\)/);
  await page.evaluate((s) => document.querySelector(s).setAttribute('locale', 'zh-CN'), F);
  assert.match(await page.locator(`${F} h1.title`).textContent(), /统计表/);
  const styles = await page.evaluate((s) => {
    const r = document.querySelector(s).shadowRoot;
    return {
      formTableBorder: getComputedStyle(r.querySelector('table.grid')).borderTopStyle,
      formButtonBg: getComputedStyle(r.querySelector('button[data-act=print]')).backgroundColor,
      portalButtonBg: getComputedStyle(document.getElementById('load-sample')).backgroundColor,
    };
  }, F);
  assert.notEqual(styles.formTableBorder, 'double', 'portal table style stays out');
  assert.equal(styles.portalButtonBg, 'rgb(196, 22, 28)', 'form button style stays in');
  assert.notEqual(styles.formButtonBg, styles.portalButtonBg);
  await context.close();
});

test('without a preset the portal passes rows and the clerk adds and removes rows; destroy cleans up', async () => {
  const { page, context } = await newPage(browser);
  await page.route(`${server.url}custom.html`, (r) => r.fulfill({
    contentType: 'text/html; charset=utf-8',
    headers: { 'content-security-policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'" },
    body: '<!doctype html><html lang="zh-CN"><head><title>t</title><link rel="icon" href="favicon.svg"><script type="module" src="pkg/index.js"></script></head><body><cxzy-stats-form rows="甲区,乙区" autosave="off"></cxzy-stats-form></body></html>',
  }));
  await page.goto(`${server.url}custom.html`);
  await ready(page);
  await page.evaluate(async () => (await import('./pkg/index.js')).loadMore());
  const names = () => page.evaluate((s) => document.querySelector(s).data().rows.map((r) => r.name ?? ''), F);
  assert.deepEqual(await names(), ['甲区', '乙区']);
  await page.locator(`${F} button[data-act=add]`).click();
  await type(page, 2, 'name', '丙区');
  assert.deepEqual(await names(), ['甲区', '乙区', '丙区']);
  await page.locator(`${F} button[aria-label="删除「乙区」行"]`).click();
  assert.deepEqual(await names(), ['甲区', '丙区']);
  await type(page, 1, 'name', '甲区');
  assert.match(await page.locator(`${F} .summary`).textContent(), /单位名称「甲区」重复/);
  const left = await page.evaluate((s) => {
    const el = document.querySelector(s);
    el.remove();
    return { children: el.shadowRoot.childElementCount, pageSheets: document.adoptedStyleSheets.length };
  }, F);
  assert.deepEqual(left, { children: 0, pageSheets: 0 });
  await context.close();
});

test('new StatsForm(el, { data }) takes the preset its data names, given as an object or as JSON text', async () => {
  const { page, context, log } = await newPage(browser);
  await page.route(`${server.url}text.html`, (r) => r.fulfill({
    contentType: 'text/html; charset=utf-8',
    headers: { 'content-security-policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'" },
    body: '<!doctype html><html lang="zh-CN"><head><title>t</title><link rel="icon" href="favicon.svg"></head><body></body></html>',
  }));
  await page.goto(`${server.url}text.html`);
  const seen = await page.evaluate(async () => {
    const m = await import('./pkg/index.js');
    await m.default();
    const doc = m.blankDoc('heilongjiang-2010');
    const out = {};
    for (const [how, data] of [['object', doc], ['text', JSON.stringify(doc)]]) {
      const el = document.createElement('div');
      document.body.append(el);
      const form = new m.StatsForm(el, { data, autosave: false });
      const root = /** @type {ShadowRoot} */ (el.shadowRoot);
      out[how] = {
        receiver: root.querySelector('.receiver')?.textContent ?? null,
        addRow: root.querySelector('button[data-act=add]') != null,
        deadline: root.querySelector('.deadline') != null,
      };
      form.destroy();
      el.remove();
    }
    return out;
  });
  // The preset's receiving office is named, its units' names are fixed (no 增加一行), its deadline shown.
  assert.ok(seen.object.receiver && seen.object.receiver.length > 3, JSON.stringify(seen));
  assert.equal(seen.object.addRow, false);
  assert.equal(seen.object.deadline, true);
  assert.deepEqual(seen.text, seen.object, 'JSON text and the same object give the same form');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the offline check page shows a file\'s issues and totals, uploading nothing', async () => {
  const { page, log, context } = await newPage(browser);
  await page.goto(`${server.url}offline.html`);
  const n = log.requests.length;
  await page.locator('#file').setInputFiles(path.join(root, 'samples/stats/broken.json'));
  await page.locator('#verdict').waitFor();
  assert.match(await page.locator('#verdict').textContent(), /个错误/);
  assert.match(await page.locator('.issues').textContent(), /R010/);
  // Errors and warnings differ by a word and a sign, not only by colour.
  assert.match(await page.locator('.issues li.error').first().textContent(), /^✗ 错误 /);
  // English messages: the severities and the verdict in English too.
  await page.locator('#en').check();
  await page.locator('#verdict', { hasText: 'errors' }).waitFor();
  assert.match(await page.locator('#verdict').textContent(), /^✗ \d+ errors, \d+ warnings$/);
  assert.match(await page.locator('.issues li.error').first().textContent(), /^✗ Error: [A-Z]\d{3} /);
  await page.locator('#en').uncheck();
  await page.locator('#verdict', { hasText: '个错误' }).waitFor();
  await page.locator('#file').setInputFiles(path.join(root, 'samples/stats/heilongjiang-2010-batch1.gbk.csv'));
  await page.locator('#verdict', { hasText: '没有错误' }).waitFor();
  assert.equal(await page.locator('#totals tbody tr').first().locator('th').textContent(), '合计');
  const after = log.requests.slice(n).map((u) => new URL(u).pathname);
  assert.deepEqual(after.filter((p) => !p.startsWith('/pkg/') && p !== '/favicon.svg'), [], 'only the package was loaded');
  assert.ok(log.requests.every((u) => u.startsWith(server.url)));
  assert.deepEqual(log.errors, []);
  await context.close();
});

// ---- 1 000 rows: the grid draws the rows in view only ----

/** A valid table of `n` rows (every check passes), as a county office or a roll-up has them. */
async function bigDoc(page, n) {
  return page.evaluate(([s, count]) => {
    const fields = document.querySelector(s).form.columns.filter((c) => c.input).map((c) => c.field);
    const rows = Array.from({ length: count }, (_, i) => {
      const r = { name: `单位${i + 1}` };
      for (const f of fields) r[f] = 10;
      return Object.assign(r, { orgs_total: 100, orgs_reviewed: 90, members_total: 3000, members_reviewed: 2900, individual: 3000 });
    });
    return { format: 'cxzy-stats/1', unit: '某县', batch: 1, as_of: '2011-01-15', filed_on: '2011-01-16', principal: '甲', preparer: '乙', phone: '0451-82345678', rows, report: { overview: 'x', practices: 'x', examples: 'x' } };
  }, [F, n]);
}
const focusedCell = (page) => page.evaluate((s) => {
  const a = document.querySelector(s).shadowRoot.activeElement;
  return a && a.dataset.f ? `${a.dataset.r}/${a.dataset.f}` : a && a.className;
}, F);
const drawnRows = (page) => page.evaluate((s) => [...document.querySelector(s).shadowRoot.querySelectorAll('tbody tr[aria-rowindex]:not(.total)')]
  .map((tr) => Number(tr.getAttribute('aria-rowindex'))), F);

test('1 000 rows: only rows in view are drawn; keys, links, paste and aria reach every row; headers, 合计 and names stay in view', async () => {
  const { page, context } = await portal();
  const doc = await bigDoc(page, 1000);
  doc.rows[900].orgs_reviewed = 101; // R010, far down
  doc.rows[700].individual = 10; // R030 on the computed methods_total
  await page.evaluate(([s, d]) => document.querySelector(s).setData(d), [F, doc]);
  const drawn = await drawnRows(page);
  assert.ok(drawn.length > 10 && drawn.length < 80, `drawn ${drawn.length}`);
  assert.deepEqual(drawn.slice(0, 2), [5, 6], 'aria-rowindex counts the 3 header rows and 合计');
  assert.equal(await page.locator(`${F} table.grid`).getAttribute('aria-rowcount'), '1004');
  assert.equal(await cell(page, 999, 'orgs_total').count(), 0, 'row 1000 is not in the DOM');
  // The arrows travel past the drawn rows, and the row comes into view.
  await cell(page, 0, 'orgs_total').click();
  for (let k = 0; k < 60; k++) await page.keyboard.press('ArrowDown');
  assert.equal(await focusedCell(page), '60/orgs_total');
  await page.keyboard.press('Enter');
  assert.equal(await focusedCell(page), '61/orgs_total');
  // Tab from the last column goes on to the next row (names are typed in here: no preset).
  await page.evaluate((s) => document.querySelector(s).form.focusCell(61, 'problems_solved'), F);
  await page.keyboard.press('Tab');
  assert.equal(await focusedCell(page), '62/name');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focusedCell(page), '61/problems_solved');
  // Frozen: header rows, 合计 and the unit column stay at the scroll box's edges.
  const pos = await page.evaluate((s) => {
    const r = document.querySelector(s).shadowRoot;
    const wrap = r.querySelector('.table-wrap').getBoundingClientRect();
    const a = r.activeElement.closest('tr').querySelector('th.name').getBoundingClientRect();
    r.querySelector('.table-wrap').scrollLeft = 2000;
    const b = r.activeElement.closest('tr').querySelector('th.name').getBoundingClientRect();
    return { wrapTop: wrap.top, wrapLeft: wrap.left, head: r.querySelector('thead').getBoundingClientRect().top, total: r.querySelector('tr.total > th').getBoundingClientRect().top,
      headH: r.querySelector('thead').getBoundingClientRect().height, nameBefore: a.left, nameAfter: b.left };
  }, F);
  assert.ok(Math.abs(pos.head - pos.wrapTop) < 3, `header at the top ${JSON.stringify(pos)}`);
  assert.ok(Math.abs(pos.total - (pos.head + pos.headH)) < 3, '合计 under the header');
  assert.ok(Math.abs(pos.nameAfter - pos.nameBefore) < 1 && Math.abs(pos.nameAfter - pos.wrapLeft) < 3, 'unit column frozen');
  // The summary names the unit and its link reaches a row that is not drawn.
  const link = page.locator(`${F} .summary a`, { hasText: '「单位901」已点评基层党组织数（101）' });
  await link.click();
  assert.equal(await focusedCell(page), '900/orgs_reviewed');
  assert.equal(await page.evaluate((s) => document.querySelector(s).shadowRoot.activeElement.closest('tr').getAttribute('aria-rowindex'), F), '905');
  // A link to a computed cell (R030 on 21 = 17+18+19+20) focuses the first input it depends on.
  const first = await page.evaluate((s) => { const cols = document.querySelector(s).form.columns; return cols.find((c) => c.no === /\d+/.exec(cols.find((x) => x.field === 'methods_total').formula)[0]).field; }, F);
  await page.locator(`${F} .summary a`, { hasText: '「单位701」点评方式合计' }).click();
  assert.equal(await focusedCell(page), `700/${first}`);
  // A paste spills over rows not drawn yet.
  await page.evaluate((s) => document.querySelector(s).form.focusCell(10, 'orgs_total'), F);
  const tsv = Array.from({ length: 80 }, (_, i) => `${200 + i}\t${100 + i}`).join('\r\n');
  await page.evaluate(([s, text]) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    document.querySelector(s).shadowRoot.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, [F, tsv]);
  const data = await page.evaluate((s) => document.querySelector(s).data(), F);
  assert.equal(data.rows[89].orgs_total, 279);
  assert.equal(data.rows[89].orgs_reviewed, 179);
  assert.match(await page.locator(`${F} .notice`).textContent(), /已粘贴 160 个单元格/);
  await page.evaluate((s) => document.querySelector(s).form.focusCell(89, 'orgs_total'), F);
  assert.equal(await cell(page, 89, 'orgs_total').evaluate(shown), '279');
  await context.close();
});

test('1 000 rows by keyboard only, from the row filter into the grid and out; axe-core finds no violation', async () => {
  // lazy: the second module (keyboard travel) comes with the first focus, as on a real page.
  const { page, context } = await portal(undefined, { lazy: true });
  const doc = await bigDoc(page, 1000);
  doc.rows[500].orgs_reviewed = 101; // R010, far down
  await page.evaluate(([s, d]) => document.querySelector(s).setData(d), [F, doc]);
  const axe = fs.readFileSync(path.join(root, 'pkg-tests/node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axe);
  const violations = () => page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`));
  assert.deepEqual(await violations(), []);
  const at = (want) => page.waitForFunction(([s, w]) => {
    const a = document.querySelector(s).shadowRoot.activeElement;
    return a && `${a.dataset.r}/${a.dataset.f}` === w;
  }, [F, want]);
  // The row filter, then Tab: the scroll box is the grid's one Tab stop and hands over to a cell.
  await page.locator(`${F} input[type=search]`).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await at('0/orgs_total');
  assert.equal(await page.evaluate((s) => document.querySelector(s).shadowRoot.activeElement.tagName, F), 'INPUT', 'the editor has the focus');
  await page.keyboard.type('95');
  await page.keyboard.press('Enter');
  await at('1/orgs_total');
  for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowDown');
  await at('4/orgs_total');
  await page.keyboard.press('Tab');
  await at('4/orgs_reviewed');
  await page.keyboard.type('7');
  assert.equal((await page.evaluate((s) => document.querySelector(s).data(), F)).rows[4].orgs_reviewed, 7);
  await page.keyboard.press('Control+Z');
  assert.equal((await page.evaluate((s) => document.querySelector(s).data(), F)).rows[4].orgs_reviewed, 90, 'Ctrl+Z takes the typing back');
  await at('4/orgs_reviewed');
  assert.equal((await page.evaluate((s) => document.querySelector(s).data(), F)).rows[0].orgs_total, 95);
  // The summary's link, by keyboard: Enter on it reaches row 501, not drawn until then.
  await page.locator(`${F} .summary a`, { hasText: '「单位501」' }).focus();
  await page.keyboard.press('Enter');
  await at('500/orgs_reviewed');
  assert.equal(await page.evaluate((s) => document.querySelector(s).shadowRoot.activeElement.closest('tr').getAttribute('aria-rowindex'), F), '505');
  assert.match(await page.locator(`${F} .cellmsg`).textContent(), /已点评基层党组织数（101）/, "the cell's message shows under the grid");
  assert.deepEqual(await violations(), [], 'no violation with an error shown and the editor in a far row');
  // Tab goes on across rows; past the last cell of the last row it leaves the grid.
  await page.evaluate((s) => document.querySelector(s).form.focusCell(999, 'problems_solved'), F);
  await at('999/problems_solved');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate((s) => document.querySelector(s).shadowRoot.activeElement.dataset.act, F), 'remove', 'the row\'s remove button, then the page goes on');
  // Shift+Tab back into the grid from outside lands on the cell last edited.
  await page.locator(`${F} input[type=search]`).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await at('999/problems_solved');
  await context.close();
});

test('paste maps one-to-one onto the columns; values on computed columns are compared, not written; the notice says what happened', async () => {
  const { page, context } = await portal();
  await cell(page, 0, 'orgs_total').focus();
  // Columns 1, 2, 3 (computed: 2/1), 4 — and one cell past the last row.
  await page.evaluate(([s, text]) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    document.querySelector(s).shadowRoot.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, [F, '100\t90\t95.0%\t7\r\n200\t100\t50.0%\t8']);
  assert.equal(await cell(page, 0, 'new_orgs_total').evaluate(shown), '7', 'column 4 gets the 4th value, nothing shifts');
  assert.equal(await cell(page, 1, 'new_orgs_total').evaluate(shown), '8');
  const notice = await page.locator(`${F} .notice`).textContent();
  assert.match(notice, /已粘贴 6 个单元格/);
  assert.match(notice, /2 个落在计算栏，只核对不粘贴：与计算结果不同——「哈尔滨市」第 3 栏粘贴 95\.0%，计算为 90\.0%/);
  assert.doesNotMatch(notice, /「齐齐哈尔市」/, '50.0% equals 100/200');
  await context.close();
});

test('undo and redo: typing, a paste, opening a file (asked first), removing a row', async () => {
  const { page, context } = await portal();
  await type(page, 0, 'orgs_total', '123');
  await type(page, 1, 'orgs_total', '45');
  await page.keyboard.press('Control+z');
  assert.equal(await cell(page, 1, 'orgs_total').evaluate(shown), '');
  assert.equal(await cell(page, 0, 'orgs_total').evaluate(shown), '123', 'one step per cell typed in');
  await page.keyboard.press('Control+y');
  assert.equal(await cell(page, 1, 'orgs_total').evaluate(shown), '45');
  assert.equal(await total(page, 'orgs_total'), '168');
  await page.keyboard.press('Meta+z'); // ⌘Z on macOS
  assert.equal(await total(page, 'orgs_total'), '123');
  // A file over an edited table: asked first; “取消” keeps the table.
  await page.locator(`${F} input[type=file]`).setInputFiles(samplePath);
  const dialog = page.locator(`${F} dialog.confirm[open]`); // waits until the question is asked
  assert.match(await dialog.textContent(), /会替换表中已填写的内容/);
  await dialog.getByRole('button', { name: '取消' }).click();
  assert.equal(await cell(page, 0, 'orgs_total').evaluate(shown), '123');
  await page.locator(`${F} input[type=file]`).setInputFiles(samplePath);
  await dialog.getByRole('button', { name: '打开并替换' }).click();
  await page.locator(`${F} .notice`, { hasText: '已打开' }).waitFor();
  assert.equal(await cell(page, 0, 'orgs_total').evaluate(shown), String(sample().rows[0].orgs_total));
  await page.locator(`${F} button[data-act=undo]`).click();
  assert.equal(await cell(page, 0, 'orgs_total').evaluate(shown), '123', 'undo takes the file back');
  // A paste is one step.
  await cell(page, 3, 'orgs_total').focus();
  await page.evaluate(([s, text]) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    document.querySelector(s).shadowRoot.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, [F, '1\t2\r\n3\t4']);
  assert.equal(await cell(page, 4, 'orgs_reviewed').evaluate(shown), '4');
  await page.keyboard.press('Control+z');
  assert.deepEqual([await cell(page, 3, 'orgs_total').evaluate(shown), await cell(page, 4, 'orgs_reviewed').evaluate(shown)], ['', '']);
  await context.close();
});

test('undo brings back a removed row', async () => {
  const { page, context } = await newPage(browser);
  await page.route(`${server.url}rows.html`, (r) => r.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: '<!doctype html><html lang="zh-CN"><head><title>t</title><link rel="icon" href="favicon.svg"><script type="module" src="pkg/index.js"></script></head><body><cxzy-stats-form rows="甲区,乙区" autosave="off"></cxzy-stats-form></body></html>',
  }));
  await page.goto(`${server.url}rows.html`);
  await ready(page);
  await page.evaluate(async () => (await import('./pkg/index.js')).loadMore());
  await page.locator(`${F} button[aria-label="删除「甲区」行"]`).click();
  assert.deepEqual(await page.evaluate((s) => document.querySelector(s).data().rows.map((r) => r.name), F), ['乙区']);
  await page.keyboard.press('Control+z');
  assert.deepEqual(await page.evaluate((s) => document.querySelector(s).data().rows.map((r) => r.name), F), ['甲区', '乙区']);
  await context.close();
});

test('the row filter: find a unit by name, only rows with problems; Enter goes to the first', async () => {
  const { page, context } = await portal();
  await page.evaluate(async ([s, d]) => document.querySelector(s).setData(d), [F, await bigDoc(page, 1000)]);
  await type(page, 5, 'orgs_reviewed', '500');
  const find = page.locator(`${F} input[type=search]`);
  await find.fill('单位99');
  assert.equal(await page.locator(`${F} .found`).textContent(), '显示 11 / 1000 行');
  assert.deepEqual((await drawnRows(page)).slice(0, 2), [5 + 98, 5 + 989]);
  await find.press('Enter');
  assert.equal(await focusedCell(page), '98/orgs_total');
  await find.fill('');
  await page.locator(`${F} .find input[type=checkbox]`).check();
  assert.deepEqual(await drawnRows(page), [5 + 5]);
  await context.close();
});

test('messages never cover a neighbour; they show under the table, also on a phone', async () => {
  const { page, context } = await portal({ viewport: { width: 390, height: 800 } });
  await type(page, 0, 'orgs_total', '10');
  await type(page, 0, 'orgs_reviewed', '20');
  // The cell under the failing one takes a click.
  await cell(page, 1, 'orgs_reviewed').click();
  assert.equal(await focusedCell(page), '1/orgs_reviewed');
  await cell(page, 0, 'orgs_reviewed').focus();
  const box = await page.locator(`${F} .cellmsg`).boundingBox();
  assert.match(await page.locator(`${F} .cellmsg`).textContent(), /已点评基层党组织数（20）/);
  assert.ok(box.x >= 0 && box.x + box.width <= 390, `inside the phone's width: ${JSON.stringify(box)}`);
  await context.close();
});

test('Tab skips read-only unit names; the page counts agree with the form; English uses an ASCII colon', async () => {
  const { page, context } = await portal();
  // The portal's status line and the form say the same on a blank form.
  await type(page, 0, 'orgs_total', '10');
  await type(page, 0, 'orgs_reviewed', '20');
  const counts = await page.evaluate((s) => document.querySelector(s).form.counts, F);
  assert.equal(await page.locator('#status').textContent(), `检查结果：${counts.errors} 个错误，${counts.warnings} 个警告`);
  assert.match(await page.locator(`${F} .summary .counts`).textContent(), new RegExp(`^${counts.errors} 个错误，${counts.warnings} 个警告`));
  await page.evaluate((s) => document.querySelector(s).form.focusCell(0, 'problems_solved'), F);
  await page.keyboard.press('Tab');
  assert.equal(await focusedCell(page), '1/orgs_total', 'the preset name of row 2 is no Tab stop');
  await page.locator(`${F} button[data-act=locale]`).click();
  assert.doesNotMatch(await page.locator(`${F} .sheet`).textContent(), /：/, 'no full-width colon in English');
  // No English header word is split over two lines ("participat/ion").
  const split = await page.evaluate((s) => {
    const out = [];
    for (const th of document.querySelector(s).shadowRoot.querySelectorAll('thead th')) {
      const walk = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        for (const m of n.data.matchAll(/[A-Za-z]+/g)) {
          const range = document.createRange();
          range.setStart(n, m.index);
          range.setEnd(n, m.index + m[0].length);
          if (new Set([...range.getClientRects()].map((q) => Math.round(q.top))).size > 1) out.push(m[0]);
        }
      }
    }
    return out;
  }, F);
  assert.deepEqual(split, [], 'English header words stay whole');
  await context.close();
});

test('the printout of the 19 units: the written report in full and the signature and seal block (PDF text)', async () => {
  const { page, context } = await portal();
  const doc = sample();
  doc.report.overview = Array.from({ length: 9 }, (_, i) => `第${i + 1}段：各级党组织开展点评。`).join('\n');
  await page.evaluate(([s, d]) => document.querySelector(s).setData(d), [F, doc]);
  await page.emulateMedia({ media: 'print' });
  const file = path.join(out, 'print-19.pdf');
  fs.writeFileSync(file, await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true }));
  const { execFileSync } = await import('node:child_process');
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  assert.match(text, /第1段：各级党组织开展点评/);
  assert.match(text, /第9段：各级党组织开展点评/, 'the report in full, not its first 4 lines');
  for (const label of ['单位（盖章）', '负责人（签字）', '填表人', '联系电话', '报出日期', doc.principal, doc.phone]) assert.ok(text.includes(label), label);
  assert.match(text, /第\s*1\s*页\s*共\s*\d+\s*页/);
  await context.close();
});

test('the printout of 1 000 rows: every row, the header on every page, 合计 in full (PDF text)', async () => {
  const { page, context } = await portal();
  const doc = await bigDoc(page, 1000);
  doc.rows[0].orgs_total = 123456;
  await page.evaluate(([s, d]) => document.querySelector(s).setData(d), [F, doc]);
  assert.ok((await drawnRows(page)).length < 100, 'the screen draws the rows in view only');
  await page.emulateMedia({ media: 'print' });
  const file = path.join(out, 'print-1000.pdf');
  fs.writeFileSync(file, await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true, timeout: 0 }));
  const { execFileSync } = await import('node:child_process');
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const pages = text.split('\f').filter((p) => p.trim());
  const names = new Set([...text.matchAll(/单位(\d+)\b/g)].map((m) => Number(m[1])));
  for (let i = 1; i <= 1000; i++) assert.ok(names.has(i), `单位${i} is printed`);
  const tablePages = pages.filter((p) => /单位\d+\b/.test(p));
  assert.ok(tablePages.length > 5, `1 000 rows take many pages (${tablePages.length})`);
  for (const [i, p] of tablePages.entries()) assert.ok(p.includes('单位名称') && /甲\s+1\s+2\s+3=2\/1/.test(p), `the header rows on table page ${i + 1}`);
  // Each row once (the rows drawn on screen are not printed twice).
  assert.equal([...text.matchAll(/单位(\d+)\b/g)].length, 1000);
  // 合计 of 栏 1: 123 456 + 999 × 100, in full (no ellipsis).
  assert.match(text, /223356(?!\d)/);
  for (const [i, p] of pages.entries()) assert.match(p, new RegExp(`第\\s*${i + 1}\\s*页\\s*共\\s*${pages.length}\\s*页`), `page ${i + 1} of ${pages.length}`);
  await page.emulateMedia({ media: 'screen' });
  // The media query's change event comes with the page's next rendering step, not with
  // emulateMedia's reply: wait for it (a loaded machine takes a while), then count.
  await page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelectorAll('tbody tr[aria-rowindex]:not(.total)').length < 100, F)
    .catch(() => {});
  assert.ok((await drawnRows(page)).length < 100, 'after printing the screen draws the rows in view again');
  await context.close();
});

// ---- found by a walk-through of issue 8 as a new user (each failed before its fix) ----

test('the first click on a summary link or a toolbar button works while the second module is still loading', async () => {
  const { page, context } = await portal(undefined, { lazy: true });
  const doc = await bigDoc(page, 1000);
  doc.rows[900].orgs_reviewed = 101;
  await page.evaluate(([s, d]) => document.querySelector(s).setData(d), [F, doc]);
  const more = () => page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/stats-more.js')));
  assert.equal(await more(), false, 'nothing has loaded the second module yet');
  // One click: the link's target is taken at the click, not once the module is in.
  await page.locator(`${F} .summary a`, { hasText: '单位901' }).first().click();
  await page.waitForFunction((s) => document.querySelector(s).shadowRoot.activeElement?.dataset.r === '900', F, { timeout: 5000 });
  assert.equal(await focusedCell(page), '900/orgs_reviewed');
  await context.close();
  // The same for a toolbar button (the language switch) on a fresh page.
  const p2 = await portal(undefined, { lazy: true });
  await p2.page.locator(`${F} button[data-act=locale]`).click();
  await p2.page.locator(`${F} h1.title`, { hasText: 'Statistics Table' }).waitFor({ timeout: 5000 });
  await p2.context.close();
});

test('Ctrl+Z / Ctrl+Y still work after a file is opened and after the undo button: the focus stays in the form', async () => {
  const { page, context } = await portal();
  await type(page, 0, 'orgs_total', '123');
  await page.locator(`${F} input[type=file]`).setInputFiles(samplePath);
  await page.locator(`${F} dialog.confirm[open]`).getByRole('button', { name: '打开并替换' }).click();
  await page.locator(`${F} .notice`, { hasText: '已打开' }).waitFor();
  assert.notEqual(await page.evaluate(() => document.activeElement.tagName), 'BODY', 'the focus is not lost to the page');
  await page.keyboard.press('Control+z');
  assert.equal(await cell(page, 0, 'orgs_total').evaluate(shown), '123', 'Ctrl+Z takes the file back');
  await page.keyboard.press('Control+y');
  assert.equal(await cell(page, 0, 'orgs_total').evaluate(shown), String(sample().rows[0].orgs_total), 'Ctrl+Y opens it again');
  await page.locator(`${F} button[data-act=undo]`).click();
  assert.equal(await cell(page, 0, 'orgs_total').evaluate(shown), '123');
  await page.keyboard.press('Control+y');
  assert.equal(await cell(page, 0, 'orgs_total').evaluate(shown), String(sample().rows[0].orgs_total), 'Ctrl+Y after the undo button');
  await context.close();
});

test('a file opened over a restored draft asks first', async () => {
  const { page, context } = await portal();
  await type(page, 2, 'orgs_total', '999');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('cxzy-stats-form:draft:')));
  await page.reload();
  await ready(page);
  await page.evaluate(async () => (await import('./pkg/index.js')).loadMore());
  assert.equal(await cell(page, 2, 'orgs_total').evaluate(shown), '999');
  await page.locator(`${F} input[type=file]`).setInputFiles(samplePath);
  const dialog = page.locator(`${F} dialog.confirm[open]`);
  assert.match(await dialog.textContent(), /会替换表中已填写的内容/);
  await dialog.getByRole('button', { name: '取消' }).click();
  assert.equal(await cell(page, 2, 'orgs_total').evaluate(shown), '999');
  await context.close();
});

test('scrolled right, the 单位名称 header stays above the header cells that scroll under it', async () => {
  for (const viewport of [{ width: 1600, height: 1000 }, { width: 390, height: 844 }]) {
    const { page, context } = await portal({ viewport });
    await page.evaluate(async ([s, n]) => {
      const el = document.querySelector(s);
      const fields = el.form.columns.filter((c) => c.input).map((c) => c.field);
      const rows = Array.from({ length: n }, (_, i) => Object.fromEntries([['name', `单位${i + 1}`], ...fields.map((f) => [f, 1])]));
      el.setData({ ...el.data(), rows });
    }, [F, 1000]);
    const hit = await page.evaluate(async (s) => {
      const r = document.querySelector(s).shadowRoot;
      const wrap = r.querySelector('.table-wrap');
      wrap.scrollIntoView();
      wrap.scrollTop = 600 * 27;
      wrap.scrollLeft = 400;
      await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
      const th = r.querySelector('thead th.name');
      const b = th.getBoundingClientRect();
      const at = r.elementFromPoint(b.left + 10, b.top + b.height / 2);
      return at && (at === th || th.contains(at)) ? 'name' : at && at.textContent;
    }, F);
    assert.equal(hit, 'name', `${viewport.width} px: the top-left corner shows 单位名称, not ${hit}`);
    await context.close();
  }
});

test('the English printout fits the page: the last column and its 合计 are printed', async () => {
  const { page, context } = await portal();
  const doc = sample();
  await page.evaluate(([s, d]) => { const el = document.querySelector(s); el.setData(d); el.setAttribute('locale', 'en'); }, [F, doc]);
  await page.locator(`${F} h1.title`, { hasText: 'Statistics Table' }).waitFor();
  await page.emulateMedia({ media: 'print' });
  const fit = await page.evaluate((s) => {
    const r = document.querySelector(s).shadowRoot;
    return [r.querySelector('table.grid').getBoundingClientRect().width, r.querySelector('.sheet').getBoundingClientRect().width];
  }, F);
  assert.ok(fit[0] <= fit[1] + 1, `the table (${fit[0]} px) fits the sheet (${fit[1]} px)`);
  const file = path.join(out, 'print-en.pdf');
  fs.writeFileSync(file, await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true }));
  const { execFileSync } = await import('node:child_process');
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const last = await page.evaluate((s) => document.querySelector(s).form.columns.at(-1), F);
  const sum = doc.rows.reduce((a, row) => a + (Number(row[last.field]) || 0), 0);
  assert.ok(text.includes(String(last.no)), `栏次 ${last.no} is printed`);
  assert.match(text, new RegExp(`(^|\\s)${sum}(\\s|$)`, 'm'), `the last column's 合计 (${sum}) is printed`);
  await context.close();
});
