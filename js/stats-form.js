// StatsForm: 《创先争优活动领导点评情况统计表》 in a page. The table's state and every check live in
// wasm (FormHandle); this file draws the DOM and sends each edit as one cell, then repaints only
// what the answer names: the row, the 合计 row, and the issues that changed.
//
// Safety: user text reaches the DOM only through textContent, `value` and setAttribute — never
// innerHTML — so a unit named `<img src=x onerror=…>` is text. No network: files are read with
// FileReader APIs and saved through blob: URLs.
import * as api from './api.js';
import { Drafts } from './draft.js';
import { unwrap, asText, meta, blankDoc, decodeText, readCsv, writeCsv, parseJson } from './api.js';
import { h, isoDate, adoptSheet, dropSheet, errorsFirst, summaryItem, paintSummaryState, focusFromSummary } from './dom.js';
import { TEXT, pickLocale } from './i18n.js';
import css from './styles.js';

const MAX_BYTES = 64 * 1024 * 1024;
const SUMMARY_MAX = 50;
/** Issues about a field left empty: shown once the clerk has started the row, or after submit. */
const EMPTY_CODES = new Set(['R002', 'T001', 'T006', 'T012']);
const NAME_CODES = new Set(['R001', 'T010', 'T011']);

let pageSheet = null;
let pageSheetUsers = 0;

/** The stylesheet, adopted; and A4 landscape for printing (@page only works at document level). */
function adopt(root) {
  if (!adoptSheet(root, css)) return false;
  if (!pageSheet) {
    pageSheet = new CSSStyleSheet();
    pageSheet.replaceSync('@page { size: A4 landscape; margin: 10mm; }');
  }
  if (pageSheetUsers++ === 0) document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageSheet];
  return true;
}

/** Splits text copied from Excel/WPS: tab-separated cells, CRLF rows, quoted cells with newlines. */
export function parseTsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  const t = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  while (i < t.length) {
    const c = t[i];
    if (quoted) {
      if (c === '"' && t[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      cell += c; i++; continue;
    }
    if (c === '"' && cell === '') { quoted = true; i++; continue; }
    if (c === '\t') { row.push(cell); cell = ''; i++; continue; }
    if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; continue; }
    cell += c; i++;
  }
  row.push(cell);
  rows.push(row);
  return rows;
}

/** Writes only what changed: every write to a cell costs layout. */
const setText = (el, text) => { if (el.textContent !== text) el.textContent = text; };
const cellText = (v) => (v == null ? '' : typeof v === 'string' ? v : JSON.stringify(v));

export class StatsForm {
  /**
   * @param {HTMLElement} element where the form goes (it gets an open Shadow DOM).
   * @param {object} options `{ preset, locale, data, rows, autosave = true, readonly = false,
   *   storageKey }` — see index.d.ts.
   */
  constructor(element, options = {}) {
    if (!api.wasm) throw new Error('cxzy-form: call `await init()` before `new StatsForm(…)`');
    this.el = element;
    this.opts = { autosave: true, readonly: false, ...options };
    this.locale = pickLocale(options.locale);
    this.root = element.shadowRoot || element.attachShadow({ mode: 'open' });
    this.adopted = adopt(this.root);
    this.listeners = [];
    this.timers = new Set();
    this.uid = `cx${Math.random().toString(36).slice(2, 8)}`;
    this.presetId = options.preset || (options.data && options.data.preset) || '';
    this.draftKey = options.storageKey || `cxzy-stats-form:draft:${this.presetId || 'custom'}`;
    this.initialText = options.data != null ? asText(options.data) : JSON.stringify(blankDoc(this.presetId, options.rows));
    this.showMissing = options.data != null;
    let text = this.initialText;
    this.drafts = new Drafts(this.draftKey, {
      locale: () => this.locale,
      notice: (msg, ...extra) => this.notice(msg, ...extra),
      data: () => this.handle.data(),
      load: (draftText) => this.setData(draftText),
      discard: () => this.discardDraft(),
    }, { enabled: this.opts.autosave !== false && !this.opts.readonly });
    const draft = this.drafts.read();
    if (draft && draft.data !== this.initialText) {
      text = draft.data;
      this.showMissing = true;
    }
    this.handle = new api.wasm.FormHandle(text, this.locale);
    this.render();
    this.drafts.announce(!!draft && text === draft.data);
    this.emit('cxzy-validate');
  }

  // ---- public API (SPEC §8.1) ----

  /** The document, invalid input kept as typed. */
  data() { return JSON.parse(this.handle.data()); }

  /** Every issue (code, severity, path, related, message, params). */
  issues() { return JSON.parse(this.handle.issues()); }

  /** Replaces the document (object or JSON text) and re-checks everything. */
  setData(doc) {
    const text = asText(doc);
    this.handle.free();
    this.handle = new api.wasm.FormHandle(text, this.locale);
    const data = this.data();
    this.presetId = data.preset || '';
    this.showMissing = true;
    this.render(data);
    this.changed(true);
  }

  /** Switches the language of the form and of the messages (`zh-CN` or `en`). */
  setLocale(locale) {
    this.locale = pickLocale(locale);
    this.handle.setLocale(this.locale);
    this.render();
  }

  /**
   * Checks everything and shows every issue. Resolves `true` when there is no error and the
   * clerk confirmed any warnings; then fires `cxzy-submit` (detail `{ data, issues }`).
   */
  async submit() {
    if (!(await this.gate())) return false;
    this.notice(this.t.submitted);
    this.emit('cxzy-submit');
    return true;
  }

  /** Removes the form, its listeners and timers, and frees the wasm state. */
  destroy() {
    this.drafts.destroy();
    for (const [target, type, fn] of this.listeners) target.removeEventListener(type, fn);
    this.listeners = [];
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.root.replaceChildren();
    if (this.adopted) {
      dropSheet(this.root, css);
      if (--pageSheetUsers === 0) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== pageSheet);
    }
    if (this.handle) this.handle.free();
    this.handle = null;
  }

  // ---- rendering ----

  get t() { return TEXT[this.locale]; }

  on(target, type, fn, opts) {
    target.addEventListener(type, fn, opts);
    this.listeners.push([target, type, fn]);
  }

  render(doc = this.data()) {
    for (const [target, type, fn] of this.listeners) target.removeEventListener(type, fn);
    this.listeners = [];
    const t = this.t;
    const m = meta(this.locale);
    this.columns = m.columns;
    this.navCols = this.columns.map((c, i) => (c.input || c.field === 'name' ? i : -1)).filter((i) => i >= 0);
    this.preset = m.presets.find((p) => p.id === this.presetId) || null;
    const ro = this.opts.readonly;
    this.marks = new Map();

    const tool = (key, label, extra = {}) => h('button', { type: 'button', 'data-act': key, ...extra }, label);
    this.fileInput = h('input', { type: 'file', accept: '.json,.csv,.xlsx,.xls,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', hidden: true, 'aria-hidden': 'true', tabindex: '-1' });
    const toolbar = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': t.title },
      ro ? null : tool('open', t.open), tool('json', t.saveJson), tool('csv', t.saveCsv), tool('xlsx', this.locale === 'en' ? 'Export Excel' : '导出 Excel'), tool('print', t.print),
      ro ? null : tool('submit', t.submit, { class: 'primary' }),
      tool('locale', t.language, { lang: this.locale === 'en' ? 'zh-CN' : 'en' }),
      this.fileInput);
    this.noticeEl = h('div', { class: 'notice', role: 'status', 'aria-live': 'polite' });
    this.summaryList = h('ul');
    this.summaryCounts = h('p', { class: 'counts' });
    // A fixed-size panel (CSS): its content changes on every edit, but its size never moves the
    // table below, which would re-lay out all 1 000 rows.
    this.summary = h('section', { class: 'summary ok', tabindex: '-1', 'aria-labelledby': `${this.uid}-st` },
      h('h2', { id: `${this.uid}-st` }, t.summaryTitle), this.summaryCounts, this.summaryList);

    this.fields = {};
    this.deadlineEl = null;
    const field = (key, label, control) => {
      control.id = `${this.uid}-f-${key}`;
      control.dataset.h = key;
      if (ro) control.setAttribute(control.tagName === 'SELECT' ? 'disabled' : 'readonly', '');
      const wrap = h('div', { class: `field f-${key}` }, h('label', { for: control.id }, label), control);
      this.fields[key] = { control, host: wrap };
      return wrap;
    };
    const input = (key, value, attrs = {}) => h('input', { type: 'text', autocomplete: 'off', value: cellText(value), ...attrs });
    const batchSel = h('select', {}, h('option', { value: '' }, '—'), h('option', { value: '1' }, t.batchN(1)), h('option', { value: '2' }, t.batchN(2)));
    if (doc.batch != null && !['1', '2'].includes(String(doc.batch))) batchSel.append(h('option', { value: cellText(doc.batch) }, cellText(doc.batch)));
    batchSel.value = doc.batch == null ? '' : cellText(doc.batch);
    const dl = this.preset && doc.batch && this.preset.deadlines[Number(doc.batch) - 1];
    const header = h('div', { class: 'meta' },
      field('unit', t.unit, input('unit', doc.unit)),
      field('batch', t.batch, batchSel),
      field('as_of', t.as_of, input('as_of', doc.as_of, { placeholder: '2011-01-15' })),
      field('filed_on', t.filed_on, input('filed_on', doc.filed_on, { placeholder: '2011-01-16' })),
      this.preset && !doc.deadline
        ? (this.deadlineEl = h('p', { class: 'deadline' }, t.deadline, '：', dl || '—', dl ? t.deadlineAuto(this.preset.id) : ''))
        : field('deadline', t.deadline, input('deadline', doc.deadline)));
    const footer = h('div', { class: 'foot' },
      field('principal', t.principal, input('principal', doc.principal)),
      field('preparer', t.preparer, input('preparer', doc.preparer)),
      field('phone', t.phone, input('phone', doc.phone, { inputmode: 'tel' })),
      h('p', { class: 'reported' }, `${t.reported_on}：`, this.reportedOn = h('span', {}, cellText(doc.filed_on))));
    const report = doc.report || {};
    const area = (key, label, value) => field(key, label, h('textarea', { rows: 4 }, cellText(value)));
    const reportEl = h('section', { class: 'report', 'aria-labelledby': `${this.uid}-rp` },
      h('h2', { id: `${this.uid}-rp` }, t.report),
      area('overview', t.overview, report.overview), area('practices', t.practices, report.practices),
      area('examples', t.examples, report.examples), area('notes', t.notes, doc.notes));

    this.table = this.renderTable(doc);
    this.tableWrap = h('div', { class: 'table-wrap', 'data-hint': t.dropHint }, this.table);
    const addRow = !ro && !this.preset ? h('button', { type: 'button', 'data-act': 'add', class: 'add' }, t.addRow) : null;
    this.sheetEl = h('div', { class: 'sheet' },
      h('h1', { class: 'title' }, t.title),
      this.preset ? h('p', { class: 'receiver' }, t.receiver, this.preset.receiver) : null,
      header, this.tableWrap, addRow, footer, reportEl);
    this.dialog = h('dialog', { class: 'confirm', 'aria-labelledby': `${this.uid}-dq` },
      h('p', { id: `${this.uid}-dq` }), h('div', { class: 'actions' },
        h('button', { type: 'button', value: 'yes', class: 'primary' }, t.proceed), h('button', { type: 'button', value: 'no' }, t.back)));
    const wrap = h('div', { class: 'cxzy', lang: this.locale }, toolbar, this.noticeEl, this.summary, this.sheetEl, this.dialog);
    // Marks and the summary go on before the form is on the page: one insertion, not one per message.
    this.paintAll(JSON.parse(this.handle.issues()));
    const keep = [...this.root.children].filter((c) => c.tagName === 'STYLE');
    this.root.replaceChildren(...keep, wrap);

    this.on(toolbar, 'click', (e) => this.onAction(e));
    this.on(this.sheetEl, 'click', (e) => this.onAction(e));
    this.on(this.sheetEl, 'input', (e) => this.onInput(e));
    this.on(this.sheetEl, 'change', (e) => this.onChange(e));
    this.on(this.table, 'keydown', (e) => this.onKey(e));
    this.on(this.table, 'paste', (e) => this.onPaste(e));
    this.on(this.table, 'focusin', (e) => { if (e.target.tagName === 'INPUT') e.target.select(); });
    this.on(this.summary, 'click', (e) => this.onSummaryClick(e));
    this.on(this.fileInput, 'change', () => { const f = this.fileInput.files[0]; if (f) this.openFile(f); this.fileInput.value = ''; });
    if (!ro) {
      this.on(this.sheetEl, 'dragover', (e) => { e.preventDefault(); this.sheetEl.classList.add('drop'); });
      this.on(this.sheetEl, 'dragleave', () => this.sheetEl.classList.remove('drop'));
      this.on(this.sheetEl, 'drop', (e) => {
        e.preventDefault();
        this.sheetEl.classList.remove('drop');
        const f = e.dataTransfer && e.dataTransfer.files[0];
        if (f) this.openFile(f);
      });
    }
    this.on(window, 'pagehide', () => this.flushSave());
  }

  renderTable(doc) {
    const t = this.t;
    const cols = this.columns;
    const editRows = !this.opts.readonly && !this.preset;
    const r1 = h('tr', {}, h('th', { scope: 'col', rowspan: 2, class: 'name' }, t.rowName));
    const r2 = h('tr');
    const r3 = h('tr', { class: 'no' }, h('th', { scope: 'col' }, '甲'));
    for (let i = 1; i < cols.length; i++) {
      const c = cols[i];
      if (!c.group) r1.append(h('th', { scope: 'col', rowspan: 2 }, c.label));
      else {
        if (cols[i - 1].group !== c.group) {
          let n = 1;
          while (cols[i + n] && cols[i + n].group === c.group) n++;
          r1.append(h('th', { scope: 'colgroup', colspan: n }, c.group));
        }
        r2.append(h('th', { scope: 'col' }, c.label));
      }
      r3.append(h('th', { scope: 'col' }, c.formula ? `${c.no}=${c.formula}` : c.no));
    }
    if (editRows) {
      r1.append(h('th', { rowspan: 3, class: 'ctl' }, h('span', { class: 'sr' }, t.removeRow(''))));
    }
    const thead = h('thead', {}, r1, r2, r3);
    const totalRow = h('tr', { class: 'total' }, h('th', { scope: 'row' }, t.total));
    this.totalCells = {};
    for (const c of cols.slice(1)) {
      const o = h('output', { 'aria-label': `${t.total} ${t.headerCell(c.group, c.label)}` });
      this.totalCells[c.field] = o;
      totalRow.append(h('td', { class: c.input ? 'sum' : 'sum computed' }, h('div', { class: 'cb' }, o)));
    }
    if (editRows) totalRow.append(h('td', { class: 'ctl' }));
    this.tbody = h('tbody', {}, totalRow);
    this.rowEls = [];
    const views = JSON.parse(this.handle.totals());
    this.rowTpl = this.rowTemplate(editRows);
    this.headerCells = {};
    for (const c of cols) this.headerCells[c.field] = t.headerCell(c.group, c.label);
    // Built off the page and added at once: one style and layout pass for all rows.
    const rows = document.createDocumentFragment();
    (doc.rows || []).forEach((row, r) => rows.append(this.renderRow(r, row || {}, views.rows[r])));
    this.tbody.append(rows);
    this.paintTotal(views.total);
    // Fixed column widths: the table's layout never depends on what is typed, so an edit
    // re-lays out one cell, not a 1 000-row table.
    const colgroup = h('colgroup', {}, ...cols.map((c) => h('col', { class: c.field === 'name' ? 'c-name' : c.input ? 'c-in' : 'c-out' })),
      editRows ? h('col', { class: 'c-ctl' }) : null);
    return h('table', { class: editRows ? 'grid editable' : 'grid' }, h('caption', { class: 'sr' }, t.title), colgroup, thead, this.tbody);
  }

  /** One empty row (th, cells, remove button) that every row is cloned from: cloning a tree is
   * far cheaper than building 26 cells attribute by attribute, 1 000 times. */
  rowTemplate(editRows) {
    const ro = this.opts.readonly;
    const box = (el) => h('div', { class: 'cb' }, el);
    return h('tr', {},
      h('th', { scope: 'row', class: 'name' }, box(h('input', { type: 'text', autocomplete: 'off', 'data-f': 'name', readonly: ro || !!this.preset }))),
      this.columns.slice(1).map((c) => h('td', c.input ? {} : { class: 'computed' }, box(c.input
        ? h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', 'data-f': c.field, readonly: ro })
        : h('output')))),
      editRows ? h('td', { class: 'ctl' }, h('button', { type: 'button', 'data-act': 'remove' }, '×')) : null);
  }

  renderRow(r, row, view) {
    const t = this.t;
    const name = cellText(row.name);
    const label = name || `#${r + 1}`;
    const tr = this.rowTpl.cloneNode(true);
    const cells = {};
    const hosts = {};
    // Each cell's content sits in a fixed-size box (`.cb`, CSS `contain: size layout`): what is
    // typed, the marks and the messages then never re-lay out the 1 000-row table around it.
    let td = tr.firstElementChild;
    for (const c of this.columns) {
      const box = td.firstElementChild;
      const el = box.firstElementChild;
      el.id = `${this.uid}-c${r}-${c.field}`;
      if (c.field === 'name') {
        el.setAttribute('data-r', r);
        if (name) el.defaultValue = name;
        el.setAttribute('aria-label', `${t.rowName} ${r + 1}`);
      } else {
        el.setAttribute('aria-label', t.rowLabel(label, this.headerCells[c.field]));
        if (c.input) {
          el.setAttribute('data-r', r);
          const v = cellText(row[c.field]);
          if (v) el.defaultValue = v;
        } else if (view) el.textContent = cellText(view[c.field]);
      }
      cells[c.field] = el;
      hosts[c.field] = box;
      td = td.nextElementSibling;
    }
    if (td) {
      td.firstElementChild.setAttribute('data-r', r);
      td.firstElementChild.setAttribute('aria-label', t.removeRow(label));
    }
    this.rowEls[r] = { tr, cells, hosts };
    return tr;
  }

  paintTotal(total) {
    for (const c of this.columns.slice(1)) setText(this.totalCells[c.field], cellText(total[c.field]));
  }

  paintRowView(r, view) {
    const row = this.rowEls[r];
    if (!row || !view) return;
    for (const c of this.columns) if (!c.input && c.field !== 'name') setText(row.cells[c.field], cellText(view[c.field]));
  }

  // ---- issues on the page ----

  /** Where an issue is shown: `{ control, host }` or null (then only in the summary). */
  target(path) {
    const m = /^\/rows\/(\d+)(?:\/([^/]+))?$/.exec(path);
    if (m) {
      const row = this.rowEls[Number(m[1])];
      if (!row) return null;
      const f = m[2] || 'name';
      // Own keys only: a path may name any field (`/rows/0/constructor`, T008).
      return Object.hasOwn(row.cells, f) ? { control: row.cells[f], host: row.hosts[f] } : null;
    }
    const key = path.replace(/^\/(report\/)?/, '');
    if (Object.hasOwn(this.fields, key)) return this.fields[key];
    if (path === '/rows' || path === '/deadline') return { control: null, host: path === '/rows' ? this.tableWrap : this.sheetEl };
    return null;
  }

  rowStarted(r) {
    const row = this.rowEls[r];
    return !!row && this.columns.some((c) => c.input && row.cells[c.field].value.trim() !== '');
  }

  /** Shown inline and in the summary? Notes (info) never; "empty" only once it matters. */
  visible(i) {
    if (i.severity === 'info') return false;
    if (this.showMissing) return true;
    const p = i.params || {};
    const empty = EMPTY_CODES.has(i.code) || p.hint === 'empty' || (i.code === 'R001' && !p.name) || (i.code === 'T011' && p.missing) || (i.code === 'T002' && p.value === '');
    if (!empty) return true;
    const m = /^\/rows\/(\d+)\//.exec(i.path);
    return !!m && i.code === 'R002' && this.rowStarted(Number(m[1]));
  }

  /** Sorts issues into buckets: header, names, and one per row. */
  bucketsOf(all) {
    const b = { header: [], names: [], rows: this.rowEls.map(() => []) };
    for (const i of all) {
      const m = /^\/rows\/(\d+)/.exec(i.path);
      if (NAME_CODES.has(i.code)) b.names.push(i);
      else if (m && b.rows[Number(m[1])]) b.rows[Number(m[1])].push(i);
      else b.header.push(i);
    }
    return b;
  }

  paintAll(all) {
    const b = this.bucketsOf(all);
    this.issueSets = b;
    for (const key of [...this.marks.keys()]) this.paintBucket(key, []);
    this.paintBucket('header', b.header);
    this.paintBucket('names', b.names);
    b.rows.forEach((list, r) => this.paintBucket(`r${r}`, list));
    this.paintSummary();
  }

  /** Replaces the marks of one bucket: messages, aria-invalid, aria-describedby. */
  paintBucket(key, issues) {
    const touched = new Set();
    for (const msg of this.marks.get(key) || []) {
      touched.add(msg.parentNode);
      msg.remove();
    }
    const added = [];
    const t = this.t;
    for (const i of issues) {
      if (!this.visible(i)) continue;
      const tg = this.target(i.path);
      if (!tg) continue;
      const err = i.severity === 'error';
      const msg = h('span', { class: `msg ${err ? 'error' : 'warning'}`, 'data-sev': i.severity, 'data-code': i.code },
        h('span', { class: 'sr' }, err ? t.errorPrefix : t.warningPrefix), i.message);
      if (tg.control && tg.host.classList.contains('field')) tg.control.before(msg);
      else tg.host.append(msg);
      touched.add(tg.host);
      added.push(msg);
    }
    if (added.length) this.marks.set(key, added);
    else this.marks.delete(key);
    for (const host of touched) if (host) this.refreshHost(host);
  }

  refreshHost(host) {
    const msgs = [...host.querySelectorAll(':scope > .msg, :scope > .field > .msg')];
    const control = host.querySelector(':scope > input, :scope > select, :scope > textarea, :scope > output');
    const err = msgs.some((m) => m.dataset.sev === 'error');
    host.classList.toggle('invalid', err);
    host.classList.toggle('warn', !err && msgs.length > 0);
    if (!control) return;
    msgs.forEach((m, k) => { m.id = `${control.id}-error${k ? `-${k}` : ''}`; });
    if (msgs.length) control.setAttribute('aria-describedby', msgs.map((m) => m.id).join(' '));
    else control.removeAttribute('aria-describedby');
    if (control.tagName !== 'OUTPUT') {
      if (err) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    }
  }

  paintSummary() {
    const t = this.t;
    const list = [];
    let errors = 0;
    let warnings = 0;
    const take = (arr) => {
      for (const i of arr) {
        if (!this.visible(i)) continue;
        if (i.severity === 'error') errors++;
        else warnings++;
        if (list.length < SUMMARY_MAX) list.push(i);
      }
    };
    take(this.issueSets.header);
    take(this.issueSets.names);
    for (const r of this.issueSets.rows) take(r);
    list.sort(errorsFirst);
    const items = list.map((i) => {
      const tg = this.target(i.path);
      return summaryItem(i, tg && tg.control ? tg.control.id : '', t);
    });
    const more = errors + warnings - list.length;
    if (more > 0) items.push(h('li', { class: 'more' }, t.more(more)));
    this.summaryList.replaceChildren(...items);
    paintSummaryState(this, errors, warnings, t.noIssues, t.summaryErrors);
  }

  onSummaryClick(e) {
    focusFromSummary(this.root, e);
  }

  // ---- edits ----

  onInput(e) {
    const el = e.target;
    if (el.dataset.h) {
      this.apply(JSON.parse(this.handle.setHeader(el.dataset.h, el.value)));
      if (el.dataset.h === 'filed_on') this.reportedOn.textContent = el.value;
      return;
    }
    if (el.dataset.f == null) return;
    const r = Number(el.dataset.r);
    const res = el.dataset.f === 'name' ? this.handle.setName(r, el.value) : this.handle.setCell(r, el.dataset.f, el.value);
    this.apply(JSON.parse(res));
  }

  onChange(e) {
    // The preset's deadline depends on the batch.
    if (e.target.dataset.h !== 'batch' || !this.deadlineEl) return;
    const t = this.t;
    const dl = this.preset.deadlines[Number(e.target.value) - 1];
    this.deadlineEl.replaceChildren(t.deadline, '：', dl || '—', dl ? t.deadlineAuto(this.preset.id) : '');
  }

  /** Repaints what an edit's answer names, then tells the page. */
  apply(res, quiet = false) {
    if (!res) return;
    if (res.all) {
      this.paintAll(res.all);
    } else {
      if (res.row != null) {
        this.paintRowView(res.row, res.rowView);
        this.issueSets.rows[res.row] = res.rowIssues;
        this.paintBucket(`r${res.row}`, res.rowIssues);
      }
      if (res.names) { this.issueSets.names = res.names; this.paintBucket('names', res.names); }
      if (res.header) { this.issueSets.header = res.header; this.paintBucket('header', res.header); }
      if (!quiet) this.paintSummary();
    }
    if (res.total) this.paintTotal(res.total);
    if (!quiet) this.changed(false);
  }

  changed(full) {
    if (full) this.paintSummary();
    this.emit('cxzy-change');
    this.emit('cxzy-validate');
    this.scheduleSave();
  }

  emit(type) {
    const form = this;
    let data;
    let issues;
    // Computed on first read: a listener that does not look costs nothing on a 1 000-row table.
    const detail = {
      get data() { return data || (data = form.data()); },
      get issues() { return issues || (issues = form.issues()); },
    };
    this.el.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** Spreadsheet keys: arrows, Enter / Shift+Enter; Tab is the browser's own. */
  onKey(e) {
    const el = e.target;
    if (el.dataset.f == null || e.altKey || e.ctrlKey || e.metaKey) return;
    const r = Number(el.dataset.r);
    const c = this.navCols.indexOf(this.columns.findIndex((x) => x.field === el.dataset.f));
    const all = el.selectionStart === 0 && el.selectionEnd === el.value.length;
    let to = null;
    if (e.key === 'ArrowDown' || (e.key === 'Enter' && !e.shiftKey)) to = [r + 1, c];
    else if (e.key === 'ArrowUp' || (e.key === 'Enter' && e.shiftKey)) to = [r - 1, c];
    else if (e.key === 'ArrowLeft' && (all || el.selectionEnd === 0)) to = [r, c - 1];
    else if (e.key === 'ArrowRight' && (all || el.selectionStart === el.value.length)) to = [r, c + 1];
    if (!to) return;
    e.preventDefault();
    const row = this.rowEls[to[0]];
    const col = this.columns[this.navCols[to[1]]];
    const next = row && col && row.cells[col.field];
    if (next) next.focus();
  }

  /** Pastes a block copied from Excel/WPS, starting at the focused cell. */
  onPaste(e) {
    const el = e.target;
    if (el.dataset.f == null || this.opts.readonly) return;
    const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return;
    e.preventDefault();
    this.pasteBlock(Number(el.dataset.r), el.dataset.f, parseTsv(text));
  }

  /** Writes a block of texts into the grid from row `r0`, column `field`, as the paper form's
   * columns run (values landing on computed columns are ignored). Returns the cells written. */
  pasteBlock(r0, field, block) {
    const c0 = this.columns.findIndex((x) => x.field === field);
    let last = null;
    let n = 0;
    block.forEach((vals, i) => {
      const r = r0 + i;
      const row = this.rowEls[r];
      if (!row) return;
      let res = null;
      vals.forEach((v, j) => {
        const col = this.columns[c0 + j];
        if (!col) return;
        if (col.field === 'name') {
          if (this.preset) return;
          row.cells.name.value = v.trim();
          res = JSON.parse(this.handle.setName(r, v));
        } else if (col.input) {
          row.cells[col.field].value = v;
          res = JSON.parse(this.handle.setCell(r, col.field, v));
        } else return;
        n++;
        this.apply(res, true);
        last = res;
      });
    });
    if (last) {
      this.paintSummary();
      this.changed(false);
    }
    return n;
  }

  async onAction(e) {
    const b = e.target.closest('button[data-act]');
    if (!b) return;
    const act = b.dataset.act;
    if (act === 'open') this.fileInput.click();
    else if (act === 'json') { if (await this.gate()) this.download(this.fileName('json'), `${JSON.stringify(this.data(), null, 2)}\n`, 'application/json'); }
    else if (act === 'csv') { if (await this.gate()) this.download(this.fileName('csv'), writeCsv(this.handle.data()), 'text/csv;charset=utf-8'); }
    // 导出 Excel: the workbook module (excel.js) loads on first use, not with the form.
    else if (act === 'xlsx') { if (await this.gate()) { const x = await import('./excel.js'); this.download(this.fileName('xlsx'), await x.writeXlsx(this.handle.data()), x.XLSX_TYPE); } }
    else if (act === 'print') window.print();
    else if (act === 'submit') this.submit();
    else if (act === 'locale') this.setLocale(this.locale === 'en' ? 'zh-CN' : 'en');
    else if (act === 'add') this.rowsChanged(this.handle.insertRow(this.handle.rowCount(), ''));
    else if (act === 'remove') this.rowsChanged(this.handle.removeRow(Number(b.dataset.r)));
  }

  rowsChanged(res) {
    if (res === 'null') return;
    this.render();
    this.changed(true);
  }

  /** Export and submit: blocked by errors; warnings need the clerk's confirmation. */
  async gate() {
    this.showMissing = true;
    this.paintAll(JSON.parse(this.handle.issues()));
    if (this.counts.errors > 0) {
      this.notice(this.t.blocked);
      this.summary.focus();
      return false;
    }
    if (this.counts.warnings === 0) return true;
    return this.confirm(this.t.confirmWarnings(this.counts.warnings));
  }

  confirm(question) {
    const d = this.dialog;
    d.querySelector('p').textContent = question;
    return new Promise((resolve) => {
      const done = (e) => {
        const b = e.target.closest('button');
        if (!b && e.type === 'click') return;
        d.removeEventListener('click', done);
        d.removeEventListener('cancel', done);
        if (d.open) d.close();
        resolve(!!b && b.value === 'yes');
      };
      d.addEventListener('click', done);
      d.addEventListener('cancel', done);
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
      d.querySelector('button').focus();
    });
  }

  fileName(ext) {
    const d = this.data();
    const base = [d.unit || 'cxzy-stats', d.batch ? `${this.t.batchN(d.batch)}` : ''].filter(Boolean).join('-');
    return `${base.replace(/[\\/:*?"<>|]/g, '_')}.${ext}`;
  }

  download(name, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = h('a', { href: url, download: name, hidden: true });
    this.root.append(a);
    a.click();
    a.remove();
    const tm = setTimeout(() => { URL.revokeObjectURL(url); this.timers.delete(tm); }, 1000);
    this.timers.add(tm);
    this.notice(this.t.saved);
    this.el.dispatchEvent(new CustomEvent('cxzy-export', { detail: { name, text, type }, bubbles: true, composed: true }));
  }

  /** Opens a JSON or CSV file (UTF-8, with or without BOM, or GBK). */
  async openFile(file) {
    const t = this.t;
    try {
      if (file.size > MAX_BYTES) throw new Error(`${file.size} > ${MAX_BYTES} bytes`);
      const bytes = new Uint8Array(await file.arrayBuffer());
      // A workbook (zip or OLE2 by its first bytes, whatever its name): the Excel module reads it.
      if ((bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) {
        this.setData((await (await import('./excel.js')).readXlsx(bytes, { locale: this.locale })).doc);
        this.notice(t.opened(file.name));
        return;
      }
      const text = decodeText(bytes);
      const csv = /\.csv$/i.test(file.name) || !/^\s*[{[]/.test(text.replace(/^\uFEFF/, ''));
      const doc = csv ? readCsv(text).doc : parseJson(text);
      this.setData(doc);
      this.notice(t.opened(file.name));
    } catch (err) {
      this.notice(t.unreadable(file.name, err.message));
    }
  }

  notice(text, ...extra) {
    this.noticeEl.replaceChildren(h('p', {}, text, ...extra));
  }

  // ---- drafts (js/draft.js) ----

  scheduleSave() { this.drafts.schedule(); }

  flushSave() { if (this.handle) this.drafts.flush(); }

  discardDraft() {
    this.drafts.remove();
    this.handle.free();
    this.handle = new api.wasm.FormHandle(this.initialText, this.locale);
    this.showMissing = this.opts.data != null;
    this.render();
    this.notice(this.t.discarded);
    this.emit('cxzy-change');
    this.emit('cxzy-validate');
  }
}

export { unwrap };
