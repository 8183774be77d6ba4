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
import { h, fill, adoptSheet, dropSheet, errorsFirst, summaryItem, paintSummaryState, focusTarget } from './dom.js';
import { pickLocale } from './i18n.js';
import css from './styles.js';

const SUMMARY_MAX = 50;
/** px: every body row's height (CSS `.grid tbody`); measured after layout, this is the first guess. */
const ROW_H = 27;
/** Rows drawn above and below the view, so that a key or a wheel tick lands on a drawn row. */
const OVERSCAN = 4;
/** aria-rowindex of the 合计 row: three header rows above it. */
const HEAD_ROWS = 4;
const UNDO_MAX = 100;

/** @type {Promise<void> | null} */
let moreP = null;
let installed = false;
/** The form's words (`ui.form`) of the locales the form's wasm leaves out, by locale: stats-more.js brings them. */
const moreWords = {};
/** Runs `fn` now when stats-more.js is here (the usual case once the clerk works), else once it is. */
const withMore = (fn) => (installed ? fn() : loadMore().then(fn));
/**
 * Loads stats-more.js (keyboard travel, paste, undo, export checks, files) once, for
 * every form on the page. Resolves when its methods are on StatsForm's prototype.
 * @returns {Promise<void>}
 */
export function loadMore() {
  if (!moreP) {
    moreP = import('./stats-more.js').then((m) => {
      m.install(StatsForm.prototype, { h, fill, words: moreWords, readCsv, parseJson, decodeText, asText, writeCsv, focusTarget });
      installed = true;
    });
  }
  return moreP;
}

/**
 * Resolves once the form has its words in `locale`: at once for a locale the form's wasm carries
 * (`meta(locale).ui.form`), else when stats-more.js has brought them. Needs the wasm loaded.
 * @param {string} [locale]
 */
export function wordsFor(locale) {
  return hasWords(pickLocale(locale)) ? Promise.resolve() : loadMore();
}
const hasWords = (locale) => installed || Object.keys(meta(locale).ui.form).length > 0;

/** @type {CSSStyleSheet | null} */
let pageSheet = null;
let pageSheetUsers = 0;

/** The stylesheet, adopted; and A4 landscape for printing (@page only works at document level). */
function adopt(root) {
  if (!adoptSheet(root, css)) return false;
  if (!pageSheet) pageSheet = new CSSStyleSheet();
  if (pageSheetUsers++ === 0) document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageSheet];
  return true;
}

/** The page box: A4 landscape, and 第 N 页 共 M 页 in the bottom margin (a CSS margin box). */
function setPageSheet(t) {
  if (!pageSheet) return;
  // `第 {page} 页 共 {pages} 页`: the words around the two counters.
  const [a, b, c] = t.pageOf.split(/\{\w+\}/).map((x) => JSON.stringify(x));
  pageSheet.replaceSync(`@page { size: A4 landscape; margin: 10mm 10mm 12mm; @bottom-center { content: ${a} counter(page) ${b} counter(pages) ${c}; font-size: 8pt; } }`);
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

/** What a cell's text and the editor hand each other (edit / unedit). */
const CELL_ATTRS = ['id', 'data-r', 'data-f', 'aria-describedby', 'aria-invalid'];
const moveAttrs = (from, to) => {
  for (const k of CELL_ATTRS) {
    const v = from.getAttribute(k);
    from.removeAttribute(k);
    if (v == null) to.removeAttribute(k);
    else to.setAttribute(k, v);
  }
};
/** Writes only what changed: every write to a cell costs layout. */
const setText = (el, text) => { if (el.textContent !== text) el.textContent = text; };
const cellText = (v) => (v == null ? '' : typeof v === 'string' ? v : JSON.stringify(v));
/** The `preset` of a document given as an object or as JSON text ('' when it has none or is not JSON). */
const presetOf = (doc) => {
  try {
    const d = typeof doc === 'string' ? JSON.parse(doc) : doc;
    return d && typeof d.preset === 'string' ? d.preset : '';
  } catch {
    return '';
  }
};
export class StatsForm {
  /**
   * @param {HTMLElement} element where the form goes (it gets an open Shadow DOM).
   * @param {import('./index.js').StatsFormOptions} [options] `{ preset, locale, data, rows,
   *   autosave = true, readonly = false, storageKey }` — see index.d.ts.
   */
  constructor(element, options = {}) {
    if (!api.wasm) throw new Error('cxzy-form: call `await init()` before `new StatsForm(…)`');
    this.el = element;
    this.opts = { autosave: true, readonly: false, ...options };
    this.locale = pickLocale(options.locale);
    // A locale whose words come with the second module: drawn in zh-CN until they are here (the element waits for them).
    if (!hasWords(this.locale)) {
      const want = this.locale;
      this.locale = 'zh-CN';
      loadMore().then(() => this.handle && this.setLocale(want));
    }
    this.root = element.shadowRoot || element.attachShadow({ mode: 'open' });
    this.adopted = adopt(this.root);
    this.listeners = [];
    this.timers = new Set();
    this.uid = `cx${Math.random().toString(36).slice(2, 8)}`;
    // The preset of the data given (an object, or JSON text: its `preset` read here too).
    this.presetId = options.preset || presetOf(options.data) || '';
    this.draftKey = options.storageKey || `cxzy-stats-form:draft:${this.presetId || 'custom'}`;
    this.initialText = options.data != null ? asText(options.data) : JSON.stringify(blankDoc(this.presetId, options.rows));
    this.showMissing = options.data != null;
    let text = this.initialText;
    this.drafts = new Drafts(this.draftKey, {
      words: () => this.t,
      notice: (msg, ...extra) => this.notice(msg, ...extra),
      data: () => this.handle.data(),
      // A draft is the clerk's work: a file opened over it asks first, as over typed edits.
      load: (draftText) => { this.setData(draftText); this.edited = true; },
      discard: () => withMore(() => this.discardDraft()),
    }, { enabled: this.opts.autosave !== false && !this.opts.readonly });
    const draft = this.drafts.read();
    if (draft && draft.data !== this.initialText) {
      text = draft.data;
      this.showMissing = true;
    }
    this.handle = new api.wasm.FormHandle(text, this.locale);
    this.render();
    this.edited = !!draft && text === draft.data;
    this.drafts.announce(this.edited);
    this.emit('cxzy-validate');
  }

  // ---- public API (SPEC §8.1) ----

  /** The document, invalid input kept as typed. */
  data() { return JSON.parse(this.handle.data()); }

  /** Every issue (code, severity, path, related, message, params). */
  issues() { return JSON.parse(this.handle.issues()); }

  /** Replaces the document (object or JSON text) and re-checks everything. */
  setData(doc) {
    this.undoStack = [];
    this.redoStack = [];
    this.load(asText(doc));
    this.edited = false;
  }

  /** Switches the language of the form and of the messages (`zh-CN` or `en`). */
  setLocale(locale) {
    if (!hasWords(pickLocale(locale))) return withMore(() => this.setLocale(locale));
    this.locale = pickLocale(locale);
    this.words = null;
    this.handle.setLocale(this.locale);
    this.render();
  }

  /**
   * Checks everything and shows every issue. Resolves `true` when there is no error and the
   * clerk confirmed any warnings; then fires `cxzy-submit` (detail `{ data, issues }`).
   */
  async submit() {
    if (!installed) await loadMore();
    if (!(await this.gate())) return false;
    this.notice(this.t.submitted);
    this.emit('cxzy-submit');
    return true;
  }

  /** Removes the form, its listeners and timers, and frees the wasm state. */
  destroy() {
    this.drafts.destroy();
    if (this.ro) this.ro.disconnect();
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
    // A destroyed form has no table (the state's type leaves that out: every other method needs one).
    this.handle = /** @type {any} */ (null);
  }

  // ---- rendering ----

  /**
   * The form's words in its locale, from the core's catalogue (`meta().ui.form`, the header
   * fields' labels, 栏次 and 合计): templates are filled with `fill`.
   * @returns {Record<string, string>}
   */
  get t() {
    if (this.words) return this.words;
    const m = this.meta && this.meta.locale === this.locale ? this.meta : meta(this.locale);
    return (this.words = {
      ...Object.fromEntries(m.lists.header.map((w) => [w.id, w.label])),
      no: m.phrases.column_no, total: m.phrases.total, rowName: m.columns[0].label, ...m.ui.form, ...moreWords[this.locale],
    });
  }

  on(target, type, fn, opts) {
    target.addEventListener(type, fn, opts);
    this.listeners.push([target, type, fn]);
  }

  render(doc = this.data()) {
    for (const [target, type, fn] of this.listeners) target.removeEventListener(type, fn);
    this.listeners = [];
    if (this.ro) this.ro.disconnect();
    const scrolled = this.tableWrap ? [this.tableWrap.scrollTop, this.tableWrap.scrollLeft] : [0, 0];
    // Where the focus was in the form (the old nodes go): it comes back to the same button or
    // field, else the same cell, else the scroll box — never to the page's <body>, where the
    // form's keys (Ctrl+Z / Ctrl+Y after a file opened or an undo) would not reach it.
    const had = /** @type {HTMLElement | null} */ (this.root.activeElement);
    const inTable = !!had && !!this.table && this.table.contains(had);
    const hadAct = had && !inTable ? had.dataset.act : '';
    const hadId = had && !inTable ? had.id : '';
    const hadCell = inTable ? this.focused : null;
    // The core's vocabulary: columns, presets, the limits, what the codes mean for the form, its words.
    const m = this.meta = meta(this.locale);
    this.words = null;
    const t = this.t;
    this.columns = m.columns;
    this.navCols = this.columns.map((c, i) => (c.input || c.field === 'name' ? i : -1)).filter((i) => i >= 0);
    this.preset = m.presets.find((p) => p.id === this.presetId) || null;
    const ro = this.opts.readonly;
    // What the grid draws from: each row's texts as typed and its computed view. The wasm handle
    // holds the table; these mirror it so that a row scrolled into view is drawn without a call.
    this.rowText = (doc.rows || []).map((row) => {
      const o = {};
      for (const c of this.columns) if (c.input || c.field === 'name') o[c.field] = cellText(row && row[c.field]);
      return o;
    });
    const views = JSON.parse(this.handle.totals());
    this.views = views.rows;
    this.headText = {};
    this.headMarks = [];
    this.undoStack = this.undoStack || [];
    this.redoStack = this.redoStack || [];
    setPageSheet(t);

    const tool = (key, label, extra = {}) => h('button', { type: 'button', 'data-act': key, ...extra }, label);
    this.fileInput = h('input', { type: 'file', accept: '.json,.csv,.xlsx,.xls,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', hidden: true, 'aria-hidden': 'true', tabindex: '-1' });
    const toolbar = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': t.title },
      ro ? null : tool('open', t.open), tool('json', t.saveJson), tool('csv', t.saveCsv), tool('xlsx', t.saveXlsx), tool('print', t.print),
      ro ? null : [tool('undo', t.undo, { 'aria-keyshortcuts': 'Control+Z Meta+Z' }), tool('redo', t.redo, { 'aria-keyshortcuts': 'Control+Y Meta+Shift+Z' })],
      ro ? null : tool('submit', t.submit, { class: 'primary' }),
      tool('locale', t.language, { lang: this.locale === 'en' ? 'zh-CN' : 'en' }),
      this.fileInput);
    this.noticeEl = h('div', { class: 'notice', role: 'status', 'aria-live': 'polite' });
    this.summaryList = h('ul');
    this.summaryCounts = h('p', { class: 'counts' });
    // A fixed-size panel (CSS): its content changes on every edit, but its size never moves the
    // table below.
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
    const input = (key, value, attrs = {}) => {
      this.headText[key] = cellText(value);
      return h('input', { type: 'text', autocomplete: 'off', value: cellText(value), ...attrs });
    };
    const batchSel = h('select', {}, h('option', { value: '' }, '—'), h('option', { value: '1' }, fill(t.batchN, { n: 1 })), h('option', { value: '2' }, fill(t.batchN, { n: 2 })));
    if (doc.batch != null && !['1', '2'].includes(String(doc.batch))) batchSel.append(h('option', { value: cellText(doc.batch) }, cellText(doc.batch)));
    batchSel.value = doc.batch == null ? '' : cellText(doc.batch);
    this.headText.batch = batchSel.value;
    const header = h('div', { class: 'meta' },
      field('unit', t.unit, input('unit', doc.unit)),
      field('batch', t.batch, batchSel),
      field('as_of', t.as_of, input('as_of', doc.as_of, { placeholder: '2011-01-15' })),
      field('filed_on', t.filed_on, input('filed_on', doc.filed_on, { placeholder: '2011-01-16' })),
      this.preset && !doc.deadline
        ? (this.deadlineEl = h('p', { class: 'deadline' }))
        : field('deadline', t.deadline, input('deadline', doc.deadline)));
    this.paintDeadline(batchSel.value);
    // On paper the footer is the signature and seal block: 单位（盖章） and 负责人（签字） get room to sign.
    const footer = h('div', { class: 'foot' },
      h('p', { class: 'seal' }, t.signUnit, t.colon),
      field('principal', [t.principal, h('span', { class: 'sig' }, t.signed)], input('principal', doc.principal)),
      field('preparer', t.preparer, input('preparer', doc.preparer)),
      field('phone', t.phone, input('phone', doc.phone, { inputmode: 'tel' })),
      h('p', { class: 'reported' }, t.reported_on, t.colon, this.reportedOn = h('span', {}, cellText(doc.filed_on))));
    const report = doc.report || {};
    const area = (key, label, value) => {
      this.headText[key] = cellText(value);
      return field(key, label, h('textarea', { rows: 4 }, cellText(value)));
    };
    const reportEl = h('section', { class: 'report', 'aria-labelledby': `${this.uid}-rp` },
      h('h2', { id: `${this.uid}-rp` }, t.report),
      area('overview', t.overview, report.overview), area('practices', t.practices, report.practices),
      area('examples', t.examples, report.examples), area('notes', t.notes, doc.notes));

    this.filter = this.filter || { q: '', problems: false };
    this.findInput = h('input', { type: 'search', id: `${this.uid}-find`, 'data-find': '', autocomplete: 'off', value: this.filter.q });
    this.problemsBox = h('input', { type: 'checkbox', id: `${this.uid}-prob`, 'data-find': '', checked: this.filter.problems });
    this.foundEl = h('span', { class: 'found', role: 'status' });
    const find = h('div', { class: 'find', role: 'search', 'aria-label': t.findLabel },
      h('label', { for: this.findInput.id }, t.find), this.findInput,
      h('label', { class: 'prob' }, this.problemsBox, t.onlyProblems), this.foundEl);
    this.editor = h('input', { type: 'text', autocomplete: 'off' });
    this.edSpan = null;
    this.table = this.renderTable(views.total);
    // One scroll box: the header rows, the 合计 row and the unit column stick inside it.
    this.tableWrap = h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t.title }, this.table);
    this.sizes(this.sz);
    this.cellMsg = h('p', { class: 'cellmsg', 'aria-hidden': 'true' });
    const addRow = !ro && !this.preset ? h('button', { type: 'button', 'data-act': 'add', class: 'add' }, t.addRow) : null;
    this.sheetEl = h('div', { class: 'sheet' },
      h('h1', { class: 'title' }, t.title),
      this.preset ? h('p', { class: 'receiver' }, t.receiver, this.preset.receiver) : null,
      header, find, this.tableWrap, this.cellMsg, addRow, footer, reportEl);
    this.dialog = h('dialog', { class: 'confirm', 'aria-labelledby': `${this.uid}-dq` },
      h('p', { id: `${this.uid}-dq` }), h('div', { class: 'actions' },
        h('button', { type: 'button', value: 'yes', class: 'primary' }), h('button', { type: 'button', value: 'no' })));
    const wrap = h('div', { class: 'cxzy', lang: this.locale }, toolbar, this.noticeEl, this.summary, this.sheetEl, this.dialog);
    this.toolbar = toolbar;
    // Marks, the summary and the rows in view go on before the form is on the page: one insertion.
    this.setIssues(JSON.parse(this.handle.issues()));
    this.applyFilter(false);
    this.paintUndo();
    const keep = [...this.root.children].filter((c) => c.tagName === 'STYLE');
    this.root.replaceChildren(...keep, wrap);
    if (scrolled[0] || scrolled[1]) [this.tableWrap.scrollTop, this.tableWrap.scrollLeft] = scrolled;

    // The button (and the link below) is taken now: when the second module is still loading, the
    // call runs after the event, whose target is then the host element.
    const act = (e) => {
      const b = e.target.closest('button[data-act]');
      if (b) withMore(() => this.onAction(b));
    };
    this.on(toolbar, 'click', act);
    this.on(this.sheetEl, 'click', act);
    this.on(this.sheetEl, 'input', (e) => this.onInput(e));
    this.on(this.sheetEl, 'focusout', () => { this.typing = null; });
    // The second module loads when the clerk starts working here; keys before it arrives do what
    // the browser does.
    const more = () => { loadMore(); };
    this.on(wrap, 'focusin', more);
    this.on(wrap, 'pointerdown', more);
    this.on(wrap, 'keydown', (e) => this.onUndoKey && this.onUndoKey(e));
    this.on(find, 'keydown', (e) => {
      if (e.key === 'Enter' && this.order.length) { e.preventDefault(); this.focusCell(this.order[0], this.columns[this.navCols[1]].field); }
    });
    this.on(this.table, 'keydown', (e) => this.onKey && this.onKey(e));
    this.on(this.table, 'paste', (e) => this.onPaste(e));
    this.on(this.table, 'focusin', (e) => {
      if (e.target.classList.contains('v')) this.edit(e.target);
      if (e.target !== this.editor) return;
      e.target.select();
      this.focused = { r: Number(e.target.dataset.r), f: e.target.dataset.f };
      this.paintCellMsg();
    });
    this.on(this.tableWrap, 'scroll', () => this.paintWindow(), { passive: true });
    // Tab into the scroll box goes on to the cell last edited, else the first (cells are no Tab stops).
    this.on(this.tableWrap, 'focus', (e) => {
      const fc = this.focused;
      if (this.tableWrap.matches(':focus-visible') && !this.tableWrap.contains(e.relatedTarget) && this.order.length) this.focusCell(fc ? fc.r : this.order[0], fc ? fc.f : this.columns[this.navCols[1]].field);
    });
    this.on(this.summary, 'click', (e) => {
      const a = e.target.closest('a[data-target]');
      if (!a) return;
      e.preventDefault();
      withMore(() => this.onSummaryClick(a));
    });
    this.on(this.fileInput, 'change', () => { const f = this.fileInput.files?.[0]; if (f) this.open(f); this.fileInput.value = ''; });
    if (!ro) {
      this.on(this.sheetEl, 'dragover', (e) => { e.preventDefault(); this.sheetEl.classList.add('drop'); });
      this.on(this.sheetEl, 'dragleave', () => this.sheetEl.classList.remove('drop'));
      this.on(this.sheetEl, 'drop', (e) => {
        e.preventDefault();
        this.sheetEl.classList.remove('drop');
        const f = e.dataTransfer && e.dataTransfer.files[0];
        if (f) this.open(f);
      });
    }
    this.on(window, 'pagehide', () => this.flushSave());
    // The printout holds every row, whatever the screen draws.
    this.on(window, 'beforeprint', () => this.printRows(true));
    this.on(window, 'afterprint', () => this.printRows(false));
    const mq = typeof matchMedia === 'function' && matchMedia('print');
    if (mq) this.on(mq, 'change', () => this.printRows(mq.matches));
    // Sizes are read after layout, in the frame the form first paints (no forced layout).
    if (typeof ResizeObserver === 'function') {
      this.ro = new ResizeObserver(() => this.measure());
      this.ro.observe(this.tableWrap);
      this.ro.observe(this.thead);
    }
    if (had) {
      // A button by what it does (buttons have no id), a field by its id.
      const back = /** @type {HTMLButtonElement | null} */ (hadAct ? this.root.querySelector(`[data-act="${hadAct}"]`) : hadId ? this.root.getElementById(hadId) : null);
      if (back && !back.disabled) back.focus({ preventScroll: true });
      else if (hadCell && hadCell.r < this.rowText.length) this.focusCell(hadCell.r, hadCell.f);
      else this.tableWrap.focus({ preventScroll: true });
    }
  }

  renderTable(total) {
    const t = this.t;
    const cols = this.columns;
    const editRows = !this.opts.readonly && !this.preset;
    const r1 = h('tr', { 'aria-rowindex': 1 }, h('th', { scope: 'col', rowspan: 2, class: 'name' }, t.rowName));
    const r2 = h('tr', { 'aria-rowindex': 2 });
    const r3 = h('tr', { class: 'no', 'aria-rowindex': 3 }, h('th', { scope: 'col', class: 'name' }, cols[0].no));
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
      // A formula breaks only after "=", "+" or "/" (a printout's narrow 栏次 cells): never inside a number.
      r3.append(h('th', { scope: 'col' }, (c.formula ? `${c.no}=${c.formula}` : c.no).split(/(?<=[=+/])/).flatMap((x) => [x, h('wbr')])));
    }
    if (editRows) {
      r1.append(h('th', { rowspan: 3, class: 'ctl' }, h('span', { class: 'sr' }, fill(t.removeRow, { name: '' }))));
    }
    this.thead = h('thead', {}, r1, r2, r3);
    this.totalRow = h('tr', { class: 'total', 'aria-rowindex': HEAD_ROWS }, h('th', { scope: 'row', class: 'name' }, t.total));
    this.totalCells = {};
    for (const c of cols.slice(1)) {
      const o = h('output', { 'aria-label': `${t.total} ${this.headerCell(c)}` });
      this.totalCells[c.field] = o;
      this.totalRow.append(h('td', { class: c.input ? 'sum' : 'sum computed' }, h('div', { class: 'cb' }, o)));
    }
    if (editRows) this.totalRow.append(h('td', { class: 'ctl' }));
    const span = cols.length + (editRows ? 1 : 0);
    const pad = () => h('tr', { class: 'pad', 'aria-hidden': 'true', hidden: true }, h('td', { colspan: span }));
    this.padTop = pad();
    this.padBottom = pad();
    this.tbody = h('tbody', {}, this.totalRow, this.padTop, this.padBottom);
    this.drawn = new Map();
    this.win = [0, 0];
    this.rowH = this.rowH || ROW_H;
    this.bodyTop = this.bodyTop || 0;
    this.rowTpl = this.rowTemplate(editRows);
    this.headerCells = {};
    for (const c of cols) this.headerCells[c.field] = this.headerCell(c);
    this.total = total;
    this.paintTotal(total);
    // Fixed column widths: the table's layout never depends on what is typed.
    const colgroup = h('colgroup', {}, ...cols.map((c) => h('col', { class: c.field === 'name' ? 'c-name' : c.input ? 'c-in' : 'c-out' })),
      editRows ? h('col', { class: 'c-ctl' }) : null);
    return h('table', { class: editRows ? 'grid editable' : 'grid', 'aria-rowcount': HEAD_ROWS + this.rowText.length },
      h('caption', { class: 'sr' }, t.title), colgroup, this.thead, this.tbody);
  }

  /**
   * One empty row (th, cells, remove button) that every drawn row is cloned from. A cell is its
   * text (`.v`, focusable): the one editor (an input) takes its place while it has the focus, so
   * a drawn row costs the browser text, not 26 inputs.
   */
  rowTemplate(editRows) {
    const box = (el) => h('div', { class: 'cb' }, el);
    const text = (f) => box(h('span', { class: 'v', tabindex: '-1', 'data-f': f }));
    return h('tr', {},
      h('th', { scope: 'row', class: 'name' }, text('name')),
      this.columns.slice(1).map((c) => h('td', c.input ? {} : { class: 'computed' }, c.input ? text(c.field) : box(h('output')))),
      editRows ? h('td', { class: 'ctl' }, h('button', { type: 'button', 'data-act': 'remove' }, '×')) : null);
  }

  /** Draws row `r` (not yet on the page) from the mirror: texts, computed view, marks. */
  drawRow(r) {
    const t = this.t;
    const text = this.rowText[r];
    const view = this.views[r];
    const label = this.rowLabel(r);
    const tr = /** @type {HTMLTableRowElement} */ (this.rowTpl.cloneNode(true));
    tr.setAttribute('aria-rowindex', HEAD_ROWS + 1 + r);
    /** @type {Record<string, HTMLElement>} */
    const cells = {};
    /** @type {Record<string, HTMLElement>} */
    const hosts = {};
    // The template's shape: a cell per column (each a box around its text), then the remove button's.
    /** @type {any} */
    let td = tr.firstElementChild;
    for (const c of this.columns) {
      /** @type {HTMLElement} */
      const box = td.firstElementChild;
      const el = /** @type {HTMLElement} */ (box.firstElementChild);
      el.id = `${this.uid}-c${r}-${c.field}`;
      if (c.input || c.field === 'name') {
        el.setAttribute('data-r', r);
        if (text[c.field]) el.textContent = text[c.field];
      } else {
        el.setAttribute('aria-label', fill(t.rowLabel, { row: label, column: this.headerCells[c.field] }));
        if (view) el.textContent = cellText(view[c.field]);
      }
      cells[c.field] = el;
      hosts[c.field] = box;
      td = td.nextElementSibling;
    }
    if (td) {
      td.firstElementChild.setAttribute('data-r', r);
      td.firstElementChild.setAttribute('aria-label', fill(t.removeRow, { name: label }));
    }
    const row = { tr, cells, hosts, marks: [] };
    this.drawn.set(r, row);
    this.paintRowMarks(r);
    return tr;
  }

  /** A column's header in one line: `group · label`, or the label alone. */
  headerCell(c) {
    return c.group ? fill(this.t.headerCell, { group: c.group, label: c.label }) : c.label;
  }

  rowLabel(r) {
    const text = this.rowText[r];
    return (text && text.name) || `#${r + 1}`;
  }

  /** The focused cell `span` becomes the editor: its id, row, field and marks go with it. */
  edit(span) {
    const ed = this.editor;
    this.unedit();
    const r = Number(span.dataset.r);
    const f = span.dataset.f;
    const name = f === 'name';
    moveAttrs(span, ed);
    ed.value = this.rowText[r][f];
    ed.readOnly = this.opts.readonly || (name && !!this.preset);
    ed.inputMode = name ? 'text' : 'numeric';
    ed.setAttribute('aria-label', name ? `${this.t.rowName} ${r + 1}` : fill(this.t.rowLabel, { row: this.rowLabel(r), column: this.headerCells[f] }));
    span.replaceWith(ed);
    this.edSpan = span;
    ed.focus({ preventScroll: true });
  }

  /** The editor's cell is text again. */
  unedit() {
    const span = this.edSpan;
    this.edSpan = null;
    if (!span) return;
    moveAttrs(this.editor, span);
    this.editor.replaceWith(span);
  }

  /**
   * Draws the rows in view (and a few either side) and only those: spacer rows stand for the
   * rest at a fixed row height. Rows that stay are never moved (a moved node loses focus).
   */
  paintWindow() {
    const n = this.order.length;
    const wrap = this.tableWrap;
    const rh = this.rowH;
    const s = wrap.scrollTop;
    // Before the first layout: the last view's height, else the box's CSS max-height (70vh).
    const viewH = this.viewH || innerHeight * 0.7;
    const first = this.printing ? 0 : Math.min(n, Math.max(0, Math.floor(s / rh) - OVERSCAN));
    const last = this.printing ? n : Math.min(n, Math.ceil((s + viewH) / rh) + OVERSCAN);
    if (first === this.win[0] && last === this.win[1]) return;
    const active = this.root.activeElement;
    const want = new Set(this.order.slice(first, last));
    for (const [r, row] of this.drawn) {
      if (want.has(r)) continue;
      // The focused cell scrolls out: the scroll box keeps the focus and gives it back when the
      // row is drawn again (as data grids do).
      if (active && row.tr.contains(active)) {
        this.parked = { r, f: /** @type {HTMLElement} */ (active).dataset.f || '' };
        wrap.focus({ preventScroll: true });
      }
      row.tr.remove();
      this.drawn.delete(r);
    }
    // Bottom up: each row not drawn yet goes in front of the one below it.
    let next = this.padBottom;
    for (let p = last; p-- > first;) {
      const row = this.drawn.get(this.order[p]);
      next = row ? row.tr : this.tbody.insertBefore(this.drawRow(this.order[p]), next);
    }
    this.win = [first, last];
    this.pad(this.padTop, first * rh);
    this.pad(this.padBottom, (n - last) * rh);
    const pk = this.parked;
    // (A parked remove button has no cell of its field: the scroll box keeps the focus then.)
    const back = pk && this.drawn.get(pk.r)?.cells[pk.f];
    if (back && this.root.activeElement === wrap) {
      back.focus({ preventScroll: true });
      this.parked = null;
    }
  }

  pad(tr, px) {
    tr.hidden = px === 0;
    tr.firstElementChild.style.height = `${px}px`;
  }

  /**
   * After layout: the row height, the view's height, and the sticky rows' height (the 合计 row
   * sits under the header). Every size is read before any is written (no forced layout), and
   * written only when it changed: render() puts the last ones on a new table at once.
   */
  measure() {
    if (!this.thead || !this.tableWrap.isConnected) return;
    const head = this.thead.offsetHeight;
    const first = this.drawn.values().next().value;
    const rh = first ? first.tr.offsetHeight : 0;
    const sz = [head, head + this.totalRow.offsetHeight, /** @type {HTMLElement} */ (this.totalRow.firstElementChild).offsetWidth];
    this.viewH = this.tableWrap.clientHeight;
    if (`${sz}` !== `${this.sz}`) this.sizes(sz);
    if (rh && rh !== this.rowH) {
      this.rowH = rh;
      this.win = [this.win[0], -1];
    }
    this.paintWindow();
  }

  /** `[header, header + 合计, unit column]` px: the 合計 row's top, and the keyboard travel's scroll padding. */
  sizes(sz) {
    this.sz = sz;
    if (!sz) return;
    this.bodyTop = sz[1];
    this.table.style.setProperty('--head', `${sz[0]}px`);
    // Keyboard travel and links scroll a cell clear of the frozen rows and the unit column.
    this.tableWrap.style.scrollPaddingTop = `${sz[1]}px`;
    this.tableWrap.style.scrollPaddingLeft = `${sz[2]}px`;
  }

  paintTotal(total) {
    this.total = total;
    for (const c of this.columns.slice(1)) setText(this.totalCells[c.field], cellText(total[c.field]));
  }

  paintRowView(r, view) {
    this.views[r] = view;
    const row = this.drawn.get(r);
    if (!row || !view) return;
    for (const c of this.columns) if (!c.input && c.field !== 'name') setText(row.cells[c.field], cellText(view[c.field]));
  }

  // ---- issues on the page ----

  /** Where a header issue is shown: `{ control, host }` or null (then only in the summary). */
  target(path) {
    const key = path.replace(/^\/(report\/)?/, '');
    // Own keys only: a path may name any field (`/report/constructor`, T008).
    if (Object.hasOwn(this.fields, key)) return this.fields[key];
    if (path === '/rows' || path === '/deadline') return { control: null, host: path === '/rows' ? this.tableWrap : this.sheetEl };
    return null;
  }

  rowStarted(r) {
    const text = this.rowText[r];
    return !!text && this.columns.some((c) => c.input && text[c.field].trim() !== '');
  }

  /**
   * Shown inline and in the summary? Notes (info) never; an issue about a field left empty (the
   * core's `missing`, meta()) once it matters: after submit, or on a row the clerk has started.
   */
  visible(i) {
    if (i.severity === 'info') return false;
    if (this.showMissing) return true;
    const p = i.params || {};
    const w = this.meta.missing[i.code];
    if (!(w === 'always' || p.hint === this.meta.emptyHint || (w && (p[w.param] ?? '') === w.is))) return true;
    const m = /^\/rows\/(\d+)\//.exec(i.path);
    return !!m && this.rowStarted(Number(m[1]));
  }

  /** Sorts every issue into the header's, the names' and one list per row; paints them. */
  setIssues(all) {
    /** @type {import('./stats-form.state.js').IssueSets} */
    const b = { header: [], names: [], rows: this.rowText.map(() => []) };
    for (const i of all) {
      const m = /^\/rows\/(\d+)/.exec(i.path);
      if (this.meta.nameCodes.includes(i.code)) b.names.push(i);
      else if (m && b.rows[Number(m[1])]) b.rows[Number(m[1])].push(i);
      else b.header.push(i);
    }
    this.issueSets = b;
    this.setNames(b.names, false);
    for (const r of this.drawn.keys()) this.paintRowMarks(r);
    this.paintSummary();
  }

  /** The name issues (R001, T011…) by row; those of no row go with the header's. */
  setNames(list, repaint = true) {
    this.issueSets.names = list;
    this.namesByRow = new Map();
    this.namesLeft = [];
    for (const i of list) {
      const m = /^\/rows\/(\d+)/.exec(i.path);
      const r = m ? Number(m[1]) : -1;
      if (m && this.rowText[r]) {
        const at = this.namesByRow.get(r);
        if (at) at.push(i);
        else this.namesByRow.set(r, [i]);
      } else this.namesLeft.push(i);
    }
    this.paintHeaderMarks();
    if (repaint) for (const r of this.drawn.keys()) this.paintRowMarks(r);
  }

  rowIssues(r) {
    return [...(this.issueSets.rows[r] || []), ...(this.namesByRow.get(r) || [])];
  }

  msgEl(i) {
    const err = i.severity === 'error';
    return h('span', { class: `msg ${err ? 'error' : 'warning'}`, 'data-sev': i.severity, 'data-code': i.code },
      h('span', { class: 'sr' }, err ? this.t.errorPrefix : this.t.warningPrefix), i.message);
  }

  /** Replaces the marks of a drawn row: messages, aria-invalid, aria-describedby. */
  paintRowMarks(r) {
    const row = this.drawn.get(r);
    if (!row) return;
    const touched = new Set();
    for (const msg of row.marks) { touched.add(msg.parentNode); msg.remove(); }
    row.marks = [];
    for (const i of this.rowIssues(r)) {
      if (!this.visible(i)) continue;
      const f = /^\/rows\/\d+\/([^/]+)$/.exec(i.path);
      const key = f ? f[1] : 'name';
      // Own keys only: a path may name any field (`/rows/0/constructor`, T008).
      const host = Object.hasOwn(row.hosts, key) ? row.hosts[key] : null;
      if (!host) continue;
      const msg = this.msgEl(i);
      host.append(msg);
      row.marks.push(msg);
      touched.add(host);
    }
    for (const host of touched) if (host) this.refreshHost(host);
  }

  paintHeaderMarks() {
    const touched = new Set();
    for (const msg of this.headMarks) { touched.add(msg.parentNode); msg.remove(); }
    this.headMarks = [];
    for (const i of [...this.issueSets.header, ...this.namesLeft]) {
      if (!this.visible(i)) continue;
      const tg = this.target(i.path);
      if (!tg) continue;
      const msg = this.msgEl(i);
      if (tg.control && tg.host.classList.contains('field')) tg.control.before(msg);
      else tg.host.append(msg);
      touched.add(tg.host);
      this.headMarks.push(msg);
    }
    for (const host of touched) if (host) this.refreshHost(host);
  }

  refreshHost(host) {
    const msgs = [...host.querySelectorAll(':scope > .msg, :scope > .field > .msg')];
    const control = host.querySelector(':scope > input, :scope > select, :scope > textarea, :scope > output, :scope > .v');
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

  /**
   * The focused cell's messages, under the scroll box: they never cover a neighbour or catch its
   * clicks, and a phone's narrow scroll box never cuts them off. (Screen readers get them through
   * aria-describedby.)
   */
  paintCellMsg() {
    const fc = this.focused;
    const row = fc && this.drawn.get(fc.r);
    const host = row && row.hosts[fc.f];
    const msgs = host && host.isConnected && host.contains(this.root.activeElement) ? [...host.querySelectorAll(':scope > .msg')] : [];
    this.cellMsg.replaceChildren(...msgs.map((m) => h('span', { class: m.className }, m.textContent)));
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
      const m = /^\/rows\/(\d+)(?:\/([^/]+))?$/.exec(i.path);
      if (!m || !this.rowText[Number(m[1])]) {
        const tg = this.target(i.path);
        return summaryItem(i, tg && tg.control ? tg.control.id : '', t);
      }
      // Every entry names its unit; the link reaches the cell even when it is not drawn.
      const r = Number(m[1]);
      const label = this.rowLabel(r);
      const named = i.message.includes(label) ? i : { ...i, message: fill(t.ofUnit, { unit: label, message: i.message }) };
      return summaryItem(named, `${this.uid}-c${r}-${m[2] || 'name'}`, t);
    });
    const more = errors + warnings - list.length;
    if (more > 0) items.push(h('li', { class: 'more' }, fill(t.more, { n: more })));
    this.summaryList.replaceChildren(...items);
    paintSummaryState(this, errors, warnings, t.noIssues, t.summaryErrors);
  }

  /**
   * Brings row `r`, column `field` into view (drawing it if need be) and focuses it: the way a
   * portal's script reaches a cell that is not drawn (only drawn rows are in the DOM). `field` may
   * be a computed column: the first input its formula names is focused. Resolves false when there
   * is no such cell.
   */
  focusCell(r, field, block) {
    return withMore(() => this.reach(r, field, block));
  }

  // ---- the row filter ----

  /** Rows shown (all, unless the filter box holds something: stats-more.js filters). */
  applyFilter(repaint) {
    if (this.findInput.value.trim() || this.problemsBox.checked || this.filter.q || this.filter.problems) {
      if (this.filterRows) this.filterRows(repaint);
      else loadMore().then(() => this.applyFilter(true));
      if (this.order) return;
    }
    this.order = this.rowText.map((_, r) => r);
    this.paintWindow();
  }


  // ---- edits ----

  onInput(e) {
    const el = e.target;
    if (el.dataset.find != null) { this.applyFilter(); return; }
    if (el.dataset.h) {
      const key = el.dataset.h;
      this.remember(-1, key, this.headText[key], el.value);
      this.writeHeader(key, el.value, false);
      return;
    }
    if (el.dataset.f == null) return;
    const r = Number(el.dataset.r);
    const f = el.dataset.f;
    this.remember(r, f, this.rowText[r][f], el.value);
    this.writeCell(r, f, el.value, false);
  }

  /** Records a typed edit for undo; keys typed into one cell in a row make one step. */
  remember(r, f, before, after) {
    const key = `${r}/${f}`;
    const last = this.undoStack[this.undoStack.length - 1];
    if (this.typing === key && last && last.cells && last.cells.length === 1 && last.cells[0].r === r && last.cells[0].f === f) {
      last.cells[0].after = after;
      this.redoStack = [];
      this.paintUndo();
      return;
    }
    this.typing = key;
    this.record({ cells: [{ r, f, before, after }] });
  }

  writeHeader(key, text, setControl) {
    this.headText[key] = text;
    const fc = this.fields[key];
    if (setControl && fc) fc.control.value = text;
    this.apply(JSON.parse(this.handle.setHeader(key, text)), setControl);
    if (key === 'filed_on') this.reportedOn.textContent = text;
    if (key === 'batch') this.paintDeadline(text);
  }

  /** Writes a cell's text to the table, and to its input when drawn; repaints what it changed. */
  writeCell(r, f, text, quiet) {
    this.rowText[r][f] = text;
    const row = this.drawn.get(r);
    if (row) setText(row.cells[f], text);
    const ed = this.editor;
    if (ed.dataset.r === `${r}` && ed.dataset.f === f && ed.value !== text) ed.value = text;
    this.apply(JSON.parse(f === 'name' ? this.handle.setName(r, text) : this.handle.setCell(r, f, text)), quiet);
  }

  paintDeadline(batch) {
    // The preset's deadline depends on the batch.
    const p = this.preset;
    if (!this.deadlineEl || !p) return;
    const t = this.t;
    const dl = p.deadlines[Number(batch) - 1];
    this.deadlineEl.replaceChildren(t.deadline, t.colon, dl || '—', dl ? fill(t.deadlineAuto, { preset: p.name }) : '');
  }

  /** Repaints what an edit's answer names, then tells the page. */
  apply(res, quiet = false) {
    if (!res) return;
    if (res.all) {
      this.setIssues(res.all);
    } else {
      if (res.row != null) {
        this.paintRowView(res.row, res.rowView);
        this.issueSets.rows[res.row] = res.rowIssues;
      }
      if (res.names) this.setNames(res.names);
      else if (res.row != null) this.paintRowMarks(res.row);
      if (res.header) { this.issueSets.header = res.header; this.paintHeaderMarks(); }
      if (!quiet) this.paintSummary();
    }
    if (res.total) this.paintTotal(res.total);
    if (this.focused) this.paintCellMsg();
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
    const counts = { ...this.counts };
    // Computed on first read: a listener that does not look costs nothing on a 1 000-row table.
    // `counts`: the errors and warnings the form shows (empty cells of a blank form not yet).
    const detail = {
      get data() { return data || (data = form.data()); },
      get issues() { return issues || (issues = form.issues()); },
      counts,
    };
    this.el.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  // ---- undo / redo ----
  /** Pastes a block copied from Excel/WPS, starting at the focused cell. */
  onPaste(e) {
    const el = e.target;
    if (el.dataset.f == null || this.opts.readonly) return;
    const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return;
    e.preventDefault();
    const block = parseTsv(text);
    withMore(() => this.pasteBlock(Number(el.dataset.r), el.dataset.f, block));
  }


  record(entry) {
    this.undoStack.push(entry);
    if (this.undoStack.length > UNDO_MAX) this.undoStack.shift();
    this.redoStack = [];
    this.edited = true;
    this.paintUndo();
  }

  paintUndo() {
    if (!this.toolbar) return;
    const set = (act, on) => { const b = /** @type {HTMLButtonElement | null} */ (this.toolbar.querySelector(`[data-act=${act}]`)); if (b) b.disabled = !on; };
    set('undo', this.undoStack.length > 0);
    set('redo', this.redoStack.length > 0);
  }

  /** Replaces the table with `text` (JSON) and re-checks everything. */
  load(text) {
    this.reopen(text);
    const data = this.data();
    this.presetId = data.preset || '';
    this.showMissing = true;
    this.render(data);
    this.changed(true);
  }

  /** A new table in wasm from `text` (JSON) in place of the old one. */
  reopen(text) {
    this.handle.free();
    this.handle = new (/** @type {NonNullable<typeof api.wasm>} */ (api.wasm)).FormHandle(text, this.locale);
  }

  // ---- the printout ----

  /**
   * Printing draws every row (the screen draws those in view): the printout is what an office
   * files. Undone after printing.
   */
  printRows(on) {
    this.printing = on;
    // The box's height on paper is every row's: the screen's comes with the next measure().
    this.viewH = 0;
    this.win = [this.win[0], -1];
    this.paintWindow();
  }

  open(file) {
    return withMore(() => this.openFile(file));
  }

  notice(text, ...extra) {
    this.noticeEl.replaceChildren(h('p', {}, text, ...extra.filter(Boolean)));
  }

  // ---- drafts (js/draft.js) ----

  scheduleSave() { this.drafts.schedule(); }

  flushSave() { if (this.handle) this.drafts.flush(); }

}

export { unwrap };
