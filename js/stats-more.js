// The statistics form's second module: what runs once the clerk works in it (keyboard travel,
// paste, undo/redo, export and submit checks, files), and the form's words in the locales the
// form's wasm leaves out (the core's catalogue, `ui.form`: more-words.js, written by the build).
// stats-form.js loads it on the first focus or pointer press in the form (or at once for such a
// locale), so that the
// first download of <cxzy-stats-form> stays small. Its methods join StatsForm's prototype; what it
// needs from the first module comes in as `deps` (one copy of the wasm state, of the helpers).
import MORE_WORDS from './more-words.js';

/**
 * What the first module hands over (install): its copies of the DOM helpers and the api's readers.
 * @type {{ h: typeof import('./dom.js').h, fill: typeof import('./dom.js').fill, focusTarget: typeof import('./dom.js').focusTarget,
 *   words: Record<string, Record<string, string>>, readCsv: typeof import('./api.js').readCsv, parseJson: typeof import('./api.js').parseJson,
 *   decodeText: typeof import('./api.js').decodeText, asText: typeof import('./api.js').asText, writeCsv: typeof import('./api.js').writeCsv }}
 */
let dep;

/** Are two figures the same number ("91.6%" and "91.6 %", "1,200" and "1200")? */
function sameFigure(a, b) {
  const n = (x) => String(x == null ? '' : x).replace(/[\s,\uff0c%]/g, '');
  return n(a) === n(b) || (n(a) !== '' && Number(n(a)) === Number(n(b)));
}

const cellText = (v) => (v == null ? '' : typeof v === 'string' ? v : JSON.stringify(v));

export class More {
  /** Drops the draft: the form as the page gave it. */
  discardDraft() {
    this.drafts.remove();
    this.reopen(this.initialText);
    this.showMissing = this.opts.data != null;
    this.undoStack = [];
    this.redoStack = [];
    this.edited = false;
    this.render();
    this.notice(this.t.discarded);
    this.emit('cxzy-change');
    this.emit('cxzy-validate');
  }

  /** focusCell's work. */
  reach(r, field, block = 'nearest') {
    field = this.inputOf(field);
    if (!this.rowText[r] || !field) return false;
    let p = this.order.indexOf(r);
    if (p < 0) {
      // Filtered out: show every row again.
      this.findInput.value = '';
      this.problemsBox.checked = false;
      this.applyFilter();
      p = r;
    }
    const wrap = this.tableWrap;
    if (!this.drawn.has(r)) {
      // Not drawn: scroll so that it is (below the frozen rows, or at the bottom, or centred).
      const rh = this.rowH;
      const top = p * rh;
      wrap.scrollTop = block === 'center' ? top - (wrap.clientHeight - this.bodyTop) / 2
        : p < this.win[0] ? top : Math.max(0, this.bodyTop + top + rh - wrap.clientHeight);
      this.paintWindow();
    }
    const row = this.drawn.get(r);
    const el = row && row.cells[field];
    if (!el) return false;
    // A cell's text hands the focus to the editor (edit()), which may be in its place already: the
    // editor is what scrolls.
    (el === this.edSpan ? this.editor : el).focus();
    if (block === 'center') this.editor.scrollIntoView({ block: 'center', inline: 'nearest' });
    return true;
  }

  /** The field a cell link focuses: itself when it is typed in, else the first input of its formula. */
  inputOf(field) {
    const c = this.columns.find((x) => x.field === field);
    if (!c) return null;
    if (c.input || c.field === 'name') return field;
    const no = /\d+/.exec(c.formula || '');
    const dep = no && this.columns.find((x) => x.no === no[0] && x.input);
    return dep ? dep.field : null;
  }

  /** @param {HTMLAnchorElement} a the summary's link */
  onSummaryClick(a) {
    const id = a.dataset.target || '';
    const m = /-c(\d+)-([^-]+)$/.exec(id);
    if (m && id.startsWith(`${this.uid}-c`)) this.reach(Number(m[1]), m[2], 'center');
    else dep.focusTarget(this.root, a);
  }

  /** Rows shown: those whose name holds the search text, and only those with problems if asked. */
  filterRows(repaint = true) {
    const q = this.findInput.value.trim().toLowerCase();
    const problems = this.problemsBox.checked;
    this.filter = { q, problems };
    this.order = [];
    this.rowText.forEach((text, r) => {
      if (q && !text.name.toLowerCase().includes(q)) return;
      if (problems && !this.rowIssues(r).some((i) => this.visible(i))) return;
      this.order.push(r);
    });
    this.foundEl.textContent = q || problems ? dep.fill(this.t.found, { n: this.order.length, all: this.rowText.length }) : '';
    if (!repaint) {
      this.paintWindow();
      return;
    }
    for (const row of this.drawn.values()) row.tr.remove();
    this.drawn.clear();
    this.win = [0, 0];
    this.tableWrap.scrollTop = 0;
    this.paintWindow();
  }

  /** @param {HTMLElement} b the toolbar's or a row's button */
  async onAction(b) {
    const act = b.dataset.act;
    if (act === 'open') this.fileInput.click();
    else if (act === 'json') { if (await this.gate()) this.download(this.fileName('json'), `${JSON.stringify(this.data(), null, 2)}\n`, 'application/json'); }
    else if (act === 'csv') { if (await this.gate()) this.download(this.fileName('csv'), dep.writeCsv(this.handle.data()), 'text/csv;charset=utf-8'); }
    // 导出 Excel: the workbook module (excel.js) loads on first use, not with the form.
    else if (act === 'xlsx') { if (await this.gate()) { const x = await import('./excel.js'); this.download(this.fileName('xlsx'), await x.writeXlsx(this.handle.data()), x.XLSX_TYPE); } }
    else if (act === 'print') window.print();
    else if (act === 'undo') this.undo();
    else if (act === 'redo') this.redo();
    else if (act === 'submit') this.submit();
    else if (act === 'locale') this.setLocale(this.locale === 'en' ? 'zh-CN' : 'en');
    else if (act === 'add') this.rowsChanged(() => this.handle.insertRow(this.handle.rowCount(), ''), this.rowText.length);
    else if (act === 'remove') {
      // The focus stays in the table: on the row that takes the removed one's place.
      const r = Number(b.dataset.r);
      this.rowsChanged(() => this.handle.removeRow(r), Math.max(0, Math.min(r, this.rowText.length - 2)));
    }
  }

  /** A row added or removed: one undo step holding the table before and after. */
  rowsChanged(edit, focusRow) {
    const before = this.handle.data();
    if (edit() === 'null') return;
    this.record({ doc: { before, after: this.handle.data() } });
    this.render();
    this.changed(true);
    if (focusRow != null) this.reach(focusRow, 'name');
  }

  /** Spreadsheet keys: arrows, Enter / Shift+Enter, Tab / Shift+Tab, over every row. */
  onKey(e) {
    const el = e.target;
    if (el.dataset.f == null || e.altKey || e.ctrlKey || e.metaKey) return;
    const p = this.order.indexOf(Number(el.dataset.r));
    const ci = this.columns.findIndex((x) => x.field === el.dataset.f);
    const c = this.navCols.indexOf(ci);
    const all = el.selectionStart === 0 && el.selectionEnd === el.value.length;
    /** @type {number[] | null} */
    let to = null;
    if (e.key === 'ArrowDown' || (e.key === 'Enter' && !e.shiftKey)) to = [p + 1, this.navCols[c]];
    else if (e.key === 'ArrowUp' || (e.key === 'Enter' && e.shiftKey)) to = [p - 1, this.navCols[c]];
    else if (e.key === 'ArrowLeft' && (all || el.selectionEnd === 0)) to = [p, this.navCols[c - 1]];
    else if (e.key === 'ArrowRight' && (all || el.selectionStart === el.value.length)) to = [p, this.navCols[c + 1]];
    else if (e.key === 'Tab' && !this.opts.readonly) {
      // The next cell a clerk types in, across rows not drawn yet; past the last, the page's own Tab.
      const k = this.tabCols.indexOf(ci);
      const d = e.shiftKey ? -1 : 1;
      let q = k < 0 ? (d > 0 ? 0 : this.tabCols.length - 1) : k + d;
      let pp = p;
      if (k < 0 && d < 0) pp = p - 1;
      if (q >= this.tabCols.length) { q = 0; pp++; }
      if (q < 0) { q = this.tabCols.length - 1; pp--; }
      if (pp < 0 || pp >= this.order.length) return;
      to = [pp, this.tabCols[q]];
    }
    if (!to) return;
    e.preventDefault();
    const r = this.order[to[0]];
    const col = this.columns[to[1]];
    if (r != null && col) this.reach(r, col.field);
  }

  get tabCols() {
    return this.navCols.filter((i) => !(this.columns[i].field === 'name' && (this.preset || this.opts.readonly)));
  }


  /**
   * Writes a block of texts one-to-one onto the columns from row `r0`, column `field`, as in
   * Excel: down the rows shown (drawn or not), across the columns as the form shows them. A value
   * that lands on a computed column is compared with the computed one, not written; values past
   * the table's edge and on read-only names are skipped. A notice says what happened. Returns the
   * cells written.
   */
  pasteBlock(r0, field, block) {
    const c0 = this.columns.findIndex((x) => x.field === field);
    const p0 = this.order.indexOf(r0);
    const cells = [];
    const checks = [];
    let outside = 0;
    let names = 0;
    block.forEach((vals, i) => {
      const r = this.order[p0 + i];
      vals.forEach((v, j) => {
        const col = this.columns[c0 + j];
        if (r == null || !col) { if (v.trim()) outside++; return; }
        if (col.field === 'name' && this.preset) { if (v.trim() && v.trim() !== this.rowText[r].name) names++; return; }
        if (!col.input && col.field !== 'name') { if (v.trim()) checks.push({ r, col, v: v.trim() }); return; }
        const after = col.field === 'name' ? v.trim() : v;
        cells.push({ r, f: col.field, before: this.rowText[r][col.field], after });
      });
    });
    for (const c of cells) this.writeCell(c.r, c.f, c.after, true);
    // Compared after the writes: the pasted counts are what the computed value is computed from.
    const computed = (x) => { const v = this.views[x.r]; return v ? v[x.col.field] : null; };
    const differ = checks.filter((x) => !sameFigure(x.v, computed(x)));
    if (cells.length) {
      this.record({ cells });
      this.paintSummary();
      this.changed(false);
    }
    const t = this.t;
    const f = dep.fill;
    const listed = differ.slice(0, 3).map((x) => f(t.pasteCell, { unit: this.rowLabel(x.r), no: x.col.no, value: x.v, computed: cellText(computed(x)) }));
    this.notice(f(t.pasted, { n: cells.length }), outside ? f(t.pasteOutside, { n: outside }) : '', names ? f(t.pasteNames, { n: names }) : '',
      checks.length ? f(t.pasteChecked, { n: checks.length, result: listed.length ? f(t.pasteDiffers, { list: listed.join(t.pasteSep) }) : t.pasteSame }) : '');
    return cells.length;
  }


  onUndoKey(e) {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || this.opts.readonly || e.target.dataset.find != null) return;
    const k = e.key.toLowerCase();
    if (k === 'z' && !e.shiftKey) { e.preventDefault(); this.undo(); }
    else if (k === 'y' || (k === 'z' && e.shiftKey)) { e.preventDefault(); this.redo(); }
  }

  /** Takes back the last edit: typed text, a paste, a row added or removed, a file opened. */
  undo() { this.step(this.undoStack, this.redoStack, 'before'); }

  redo() { this.step(this.redoStack, this.undoStack, 'after'); }

  step(from, to, side) {
    const e = from.pop();
    if (!e) return;
    to.push(e);
    this.typing = null;
    if (e.doc) {
      this.load(e.doc[side]);
    } else {
      const cells = side === 'before' ? [...e.cells].reverse() : e.cells;
      for (const c of cells) {
        if (c.r < 0) this.writeHeader(c.f, c[side], true);
        else this.writeCell(c.r, c.f, c[side], true);
      }
      this.paintSummary();
      this.changed(false);
      const c = cells[cells.length - 1];
      if (c.r >= 0) this.reach(c.r, c.f);
      else if (this.fields[c.f]) this.fields[c.f].control.focus();
    }
    this.edited = true;
    this.paintUndo();
  }


  /** Export and submit: blocked by errors; warnings need the clerk's confirmation. */
  async gate() {
    this.showMissing = true;
    this.setIssues(JSON.parse(this.handle.issues()));
    if (this.counts.errors > 0) {
      this.notice(this.t.blocked);
      this.summary.focus();
      return false;
    }
    if (this.counts.warnings === 0) return true;
    return this.confirm(dep.fill(this.t.confirmWarnings, { n: this.counts.warnings }));
  }

  confirm(question, yes = this.t.proceed, no = this.t.back) {
    const d = this.dialog;
    /** @type {HTMLElement} */ (d.querySelector('p')).textContent = question;
    const [b1, b2] = d.querySelectorAll('button');
    b1.textContent = yes;
    b2.textContent = no;
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
      b1.focus();
    });
  }

  fileName(ext) {
    const d = this.data();
    const base = [d.unit || 'cxzy-stats', d.batch ? dep.fill(this.t.batchN, { n: d.batch }) : ''].filter(Boolean).join('-');
    return `${base.replace(/[\\/:*?"<>|]/g, '_')}.${ext}`;
  }

  download(name, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = dep.h('a', { href: url, download: name, hidden: true });
    this.root.append(a);
    a.click();
    a.remove();
    const tm = setTimeout(() => { URL.revokeObjectURL(url); this.timers.delete(tm); }, 1000);
    this.timers.add(tm);
    this.notice(this.t.saved);
    this.el.dispatchEvent(new CustomEvent('cxzy-export', { detail: { name, text, type }, bubbles: true, composed: true }));
  }

  /** Opens a JSON, CSV (UTF-8, with or without BOM, or GBK) or Excel (.xlsx/.xls) file. */
  async openFile(file) {
    const t = this.t;
    try {
      const max = this.meta.limits.maxBytes;
      if (file.size > max) throw new Error(`${file.size} > ${max} bytes`);
      const bytes = new Uint8Array(await file.arrayBuffer());
      let doc;
      if ((bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) {
        // A workbook (zip or OLE2 by its first bytes, whatever its name): the Excel module reads it.
        doc = (await (await import('./excel.js')).readXlsx(bytes, { locale: this.locale })).doc;
      } else {
        const text = dep.decodeText(bytes);
        const csv = /\.csv$/i.test(file.name) || !/^\s*[{[]/.test(text.replace(/^\uFEFF/, ''));
        // A CSV as bytes: readCsv keeps the BOM that marks text (an export with U+FFFD reads back).
        doc = csv ? dep.readCsv(bytes).doc : dep.parseJson(text);
      }
      // A file replaces the table: asked first when the clerk has typed in it; undo takes it back.
      if (this.edited && !(await this.confirm(dep.fill(t.replaceAsk, { name: file.name }), t.replaceYes, t.cancel))) return;
      const before = this.handle.data();
      this.load(dep.asText(doc));
      this.record({ doc: { before, after: this.handle.data() } });
      this.edited = false;
      this.notice(dep.fill(t.opened, { name: file.name }));
    } catch (err) {
      this.notice(dep.fill(t.unreadable, { name: file.name, why: await why(err, this.locale) }));
    }
  }

}

/** Adds the methods to StatsForm's prototype, and the words to the form's. */
export function install(proto, deps) {
  dep = deps;
  Object.assign(dep.words, MORE_WORDS);
  for (const k of Object.getOwnPropertyNames(More.prototype)) {
    if (k !== 'constructor') Object.defineProperty(proto, k, /** @type {PropertyDescriptor} */ (Object.getOwnPropertyDescriptor(More.prototype, k)));
  }
}

/**
 * Why a file could not be read, in the clerk's words: a CxzyParseError (line, column, its kind
 * and the reader's reason in English) is worded by the core's catalogue — 第 3 行第 11 列：此处应为一个值 —
 * which the full module carries (loaded only then: the form's own module has no room for it).
 * @param {any} err @param {string} locale
 */
async function why(err, locale) {
  if (!err || typeof err.kind !== 'string') return err && err.message;
  try {
    await (await import('./index.js')).default();
    return (await import('./cxzy_form.js')).parseErrorText(err.line, err.column, err.message, locale, err.kind);
  } catch {
    return err.message;
  }
}
