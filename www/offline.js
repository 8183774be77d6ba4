// The offline check: read a file in the browser, show its issues and totals. Nothing is uploaded:
// the file goes from the disk to the wasm and back to this page.
import init, { validate, totals, readCsv, decodeText, parseJson, meta } from './pkg/index.js';
// The full module's glue, which init() loaded: a CxzyParseError worded from the core's catalogue.
import { parseErrorText } from './pkg/cxzy_form.js';

const result = document.getElementById('result');
const drop = document.getElementById('drop');
const en = document.getElementById('en');
let last = null;

const el = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...kids.map((k) => (k instanceof Node ? k : String(k ?? ''))));
  return e;
};

async function check(file) {
  await init();
  const locale = en.checked ? 'en' : 'zh-CN';
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = decodeText(bytes);
  let doc;
  let issues;
  try {
    // A workbook by its first bytes (.xlsx: zip; .xls / password-protected: OLE2): the Excel module.
    if ((bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) {
      ({ doc, issues } = await (await import('./pkg/excel.js')).readXlsx(bytes, { locale }));
    } else if (/\.csv$/i.test(file.name) || !/^\s*[{[]/.test(text.replace(/^\uFEFF/, ''))) {
      ({ doc, issues } = readCsv(text, { locale }));
    } else {
      doc = parseJson(text);
      issues = validate(doc, { locale });
    }
  } catch (e) {
    result.replaceChildren(el('h2', {}, file.name), el('p', { class: 'error', role: 'alert' }, `无法读取：${e && e.kind ? parseErrorText(e.line, e.column, e.message, locale, e.kind) : e.message}`));
    return;
  }
  last = file;
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  // English messages: the severities and the verdict in the form's English words too (the core's
  // catalogue, meta('en').ui.form); the page's own Chinese words otherwise.
  const w = locale === 'en' ? meta('en').ui.form : null;
  const fill = (t, v) => t.replace(/\{(\w+)\}/g, (_, k) => String(v[k]));
  const list = el('ul', { class: 'issues' }, ...issues.filter((i) => i.severity !== 'info')
    // The severity in words and a sign, not only a colour.
    .map((i) => el('li', { class: i.severity }, el('strong', {}, i.severity === 'error' ? `✗ ${w ? w.errorPrefix : '错误 '}` : `⚠ ${w ? w.warningPrefix : '警告 '}`), el('code', {}, i.code), ' ', i.message, ' ', el('small', {}, i.path))));
  const counts = { errors: errors.length, warnings: warnings.length };
  const verdict = w
    ? `${errors.length ? '✗' : '✓'} ${errors.length + warnings.length ? fill(w.summaryErrors, counts) : w.noIssues}`
    : errors.length ? `✗ ${errors.length} 个错误，${warnings.length} 个警告 — 请改正后再上报` : `✓ 没有错误（${warnings.length} 个警告）`;
  const kids = [el('h2', {}, file.name), el('p', { id: 'verdict' }, verdict), list];
  if (doc && doc.format === 'cxzy-stats/1') {
    const view = totals(doc);
    const cols = meta(locale).columns;
    const head = el('tr', {}, ...cols.map((c) => el('th', { scope: 'col' }, c.no === '甲' ? (c.label) : c.no)));
    const rows = [view.total, ...view.rows].map((r) => el('tr', {}, ...cols.map((c, k) => el(k ? 'td' : 'th', k ? {} : { scope: 'row' }, r[c.field] ?? ''))));
    kids.push(el('h3', {}, '合计与覆盖率'), el('div', { class: 'scroll' }, el('table', { id: 'totals' }, el('thead', {}, head), el('tbody', {}, ...rows))));
  }
  result.replaceChildren(...kids);
}

document.getElementById('file').addEventListener('change', (e) => { if (e.target.files[0]) check(e.target.files[0]); });
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); if (e.dataTransfer.files[0]) check(e.dataTransfer.files[0]); });
en.addEventListener('change', () => { if (last) check(last); });
