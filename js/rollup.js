// cxzy-form/rollup: the receiving office (一级抓一级) behind <cxzy-rollup> — the sub-units' files
// are read and checked one by one, rolled up by the core's `aggregate` into the parent's table,
// which is shown in a read-only StatsForm and exported. A module of its own, loaded by the element
// when it connects (pages with only the statistics form never download it); it shares index.js's
// loaded wasm (the full module: `aggregate` is not in the form's).
//
// The rules are the core's: this file reads files, pairs them, and draws. Nothing is uploaded:
// files are read with File APIs, the exports saved through blob: URLs. User text (unit names,
// file names, messages) reaches the DOM only as text nodes and attribute values.
import {
  validate, readCsv, aggregateReport, decodeText, parseJson, meta, writeCsv, StatsForm,
} from './index.js';
import * as full from './cxzy_form.js';
import { h, fill, adoptSheet, dropSheet, errorsFirst } from './dom.js';
import { pickLocale } from './i18n.js';
import css from './rollup-styles.js';

/** The core's limits and code lists, asked for once (not on every file and repaint). @type {any} */
let words;
const vocabulary = () => (words ||= meta());
/** The element's words in a locale: the core's catalogue (`meta().ui.rollup`), asked for once. @type {Record<string, Record<string, string>>} */
const uiWords = {};
/** @param {import('./index.js').Locale} locale */
const wordsIn = (locale) => (uiWords[locale] ||= /** @type {Record<string, string>} */ (meta(locale).ui.rollup));
/** `64 MiB`: a limit in bytes as the words say it. @param {number} n */
const mib = (n) => `${Math.round(n / 1048576)} MiB`;

export { CxzyRollup, defineRollupElement } from './index.js';

/** Largest file read (SPEC §7). */
/** Problems shown on a file's line before “show all”. */
export const FIRST_SHOWN = 3;
const TABLE = 'cxzy-stats/1';

/** An .xlsx (zip) or .xls (OLE2) workbook by its first bytes. */
const isWorkbook = (b) => (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4)
  || (b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0);

const kindOf = (name, text) => {
  if (/\.json$/i.test(name)) return 'json';
  if (/\.csv$/i.test(name)) return 'csv';
  const t = text.replace(/^\uFEFF/, '');
  if (/^\s*[{[]/.test(t)) return 'json';
  return /[,\t]/.test(t) && !t.includes('\0') ? 'csv' : null;
};

/**
 * Reads one submitted file: `{ file, kind: 'json' | 'csv', doc, text }` for a statistics table, or
 * `{ file, message }` when it cannot be used (not JSON/CSV, unparsable, a roster or entries file,
 * another format) — the message says why, in `locale`.
 * @param {File} file
 * @param {{ locale?: string }} [options]
 */
export async function readSubmission(file, { locale } = {}) {
  const t = wordsIn(pickLocale(locale));
  const name = String(file.name || '');
  try {
    if (file.size > vocabulary().limits.maxBytes) return { file: name, message: fill(t.tooLarge, { n: file.size, max: mib(vocabulary().limits.maxBytes) }) };
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (/\.xlsx?$/i.test(name) || isWorkbook(bytes)) {
      // A workbook (by content, whatever its name): read by cxzy-form/excel, loaded on first use.
      const { readXlsx } = await import('./excel.js');
      try {
        const { doc } = await readXlsx(bytes, { locale: pickLocale(locale) });
        return { file: name, kind: 'excel', doc };
      } catch (err) {
        return { file: name, message: `${t.excel}${err && err.message ? err.message : String(err)}` };
      }
    }
    const text = decodeText(bytes);
    const kind = kindOf(name, text);
    if (!kind) return { file: name, message: t.notJsonCsv };
    // The bytes, not the text: readCsv says N006 for GBK and keeps the BOM that marks text.
    if (kind === 'csv') return { file: name, kind, text, doc: readCsv(bytes).doc };
    const doc = /** @type {any} */ (parseJson(text));
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return { file: name, message: t.notObject };
    if (doc.format === 'cxzy-roster/1') return { file: name, message: t.roster };
    if (doc.format === 'cxzy-entries/1') return { file: name, message: t.entries };
    if (doc.format !== TABLE) return { file: name, message: fill(t.notTable, { format: typeof doc.format === 'string' ? doc.format : '', expected: TABLE }) };
    return { file: name, kind, text, doc };
  } catch (err) {
    // A CxzyParseError (line, column, kind): where and why in the clerk's words, from the core's catalogue.
    if (err && err.kind) {
      const why = full.parseErrorText(err.line, err.column, err.message, pickLocale(locale), err.kind);
      return { file: name, message: fill(t.unparsable, { kind: /\.csv$/i.test(name) ? 'CSV' : 'JSON', why }) };
    }
    return { file: name, message: err && err.message ? err.message : String(err) };
  }
}

/** Which entry (as read) each line of a result came from: the view's, kept out of the result. */
const entryOf = new WeakMap();
const tag = (entry, line) => { entryOf.set(line, entry); return line; };
const count = (issues, s) => issues.reduce((n, i) => n + (i.severity === s ? 1 : 0), 0);
const batchOf = (doc) => (doc.batch === 1 || doc.batch === 2 ? doc.batch : null);
const unitOf = (doc) => (typeof doc.unit === 'string' ? doc.unit.trim() : '');

/** The preset whose sub-units report to `unit`: given by id, else the one whose receiver is that unit's office. */
export function presetFor(unit, presetId, locale) {
  const presets = meta(locale).presets;
  if (presetId) return presets.find((p) => p.id === presetId) || null;
  // Units are named in Chinese whatever the page's language: match the zh-CN receiver.
  const zh = meta('zh-CN').presets.find((p) => unit && p.receiver.startsWith(unit));
  return (zh && presets.find((p) => p.id === zh.id)) || null;
}

/**
 * The roll-up of what was read (SPEC §8.1 `result()`), from `readSubmission`'s answers in the
 * order the files came. With batch 2 (given, or the latest batch among the tables), a batch-1
 * table is the `previous` of the batch-2 table of the same unit (P rules per child) and is not
 * rolled up itself.
 * @param {any[]} entries
 * @param {{ unit?: string, batch?: number | string, preset?: string, locale?: import('./index.js').Locale, today?: string }} [options]
 * @returns {import('./index.js').RollupResult}
 */
export function rollUp(entries, { unit = '', batch, preset, locale, today } = {}) {
  const tables = entries.filter((e) => e.doc);
  const unreadable = entries.filter((e) => !e.doc).map((e) => ({ file: e.file, message: e.message }));
  const asked = Number(batch) === 1 || Number(batch) === 2 ? Number(batch) : null;
  const eff = asked ?? (tables.reduce((b, e) => Math.max(b, batchOf(e.doc) || 0), 0) || null);
  const p = presetFor(unit, preset, locale);
  const order = new Map((p ? p.rows : []).map((n, i) => [n, i]));

  let childEntries = tables;
  const previous = [];
  if (eff === 2) {
    const byUnit = new Map();
    for (const e of tables) {
      if (batchOf(e.doc) !== 1) continue;
      const u = unitOf(e.doc);
      const first = byUnit.get(u);
      previous.push({ entry: e, dupOf: first ? first.file : null });
      if (!first) byUnit.set(u, e);
    }
    childEntries = tables.filter((e) => batchOf(e.doc) !== 1);
    for (const c of childEntries) c.pairedWith = byUnit.get(unitOf(c.doc)) || null;
  } else {
    for (const c of tables) c.pairedWith = null;
  }
  // In the preset's order (the order of the parent's form), then in the order received.
  const rank = (e) => (order.has(unitOf(e.doc)) ? /** @type {number} */ (order.get(unitOf(e.doc))) : order.size);
  const sorted = childEntries.map((e, i) => [e, i]).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map(([e]) => e);

  const own = (e, prev) => {
    const o = { locale, today, previous: prev ? prev.doc : undefined };
    // A CSV is checked as read (a bare table has no header to check), like `cxzy validate`.
    return e.kind === 'csv' ? readCsv(e.text, o).issues : validate(e.doc, o);
  };
  const named = (issues, e) => issues.map((i) => ({ ...i, file: e.file, unit: unitOf(e.doc) }));
  const children = sorted.map((e) => {
    const issues = named(own(e, e.pairedWith), e);
    return tag(e, {
      file: e.file, unit: unitOf(e.doc), batch: batchOf(e.doc) ?? e.doc.batch ?? null,
      errors: count(issues, 'error'), warnings: count(issues, 'warning'), issues,
      previous: e.pairedWith ? e.pairedWith.file : null,
    });
  });
  const paired = new Set(sorted.map((e) => e.pairedWith).filter(Boolean));
  const prevOut = previous.map(({ entry: e, dupOf }) => {
    const issues = named(own(e, null), e);
    const partner = paired.has(e) ? sorted.find((c) => c.pairedWith === e) : null;
    return tag(e, {
      file: e.file, unit: unitOf(e.doc), batch: 1, errors: count(issues, 'error'), warnings: count(issues, 'warning'), issues,
      for: partner ? partner.file : null, duplicateOf: dupOf,
    });
  });

  /** @type {import('./index.js').StatsDoc | null} */
  let doc = null;
  let aIssues = [];
  let refused = false;
  if (sorted.length) {
    const r = aggregateReport(sorted.map((e) => e.doc), { unit, batch: eff ?? undefined, locale });
    refused = r.refused;
    aIssues = r.issues.map((i) => {
      const n = Number(i.path.split('/')[2]);
      const e = sorted[n];
      return e ? { ...i, file: e.file, unit: unitOf(e.doc) } : i;
    });
    if (!refused) {
      doc = r.doc;
      if (p) doc.preset = p.id;
    }
  }
  const sent = new Set(children.map((c) => c.unit));
  const missing = p ? p.rows.filter((n) => !sent.has(n)) : [];
  return {
    doc,
    issues: [...aIssues, ...children.flatMap((c) => c.issues)],
    refused,
    children,
    previous: prevOut,
    unreadable,
    missing,
    preset: p ? p.id : null,
    batch: eff,
  };
}

let uid = 0;

/** The element's view: drawn in `host`'s shadow root; `host` is the `<cxzy-rollup>`. */
export class Rollup {
  constructor(host) {
    this.host = host;
    this.entries = [];
    /** @type {Promise<unknown>} */
    this.queue = Promise.resolve();
    this.uid = `cxr${++uid}`;
    this.root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    adoptSheet(this.root, css);
    this.form = null;
    this.listeners = [];
    this.timers = new Set();
    this.build();
    this.refresh();
  }

  get opts() {
    const a = (n) => this.host.getAttribute(n) || undefined;
    return { unit: a('unit') || '', batch: a('batch'), preset: a('preset'), locale: pickLocale(a('locale')), today: a('today') };
  }

  get t() { return wordsIn(this.opts.locale); }

  on(target, type, fn) {
    target.addEventListener(type, fn);
    this.listeners.push([target, type, fn]);
  }

  /** Reads, checks and rolls up `files` (FileList or File[]), after any files still being read. */
  addFiles(files) {
    const list = Array.from(files || []);
    const run = this.queue.then(async () => {
      const read = await Promise.all(list.map((f) => readSubmission(f, { locale: this.opts.locale })));
      this.entries.push(...read.map((e) => ({ ...e, id: ++uid })));
      return this.refresh();
    });
    this.queue = run.catch(() => {});
    return run;
  }

  clear() {
    this.entries = [];
    this.refresh();
  }

  remove(id) {
    this.entries = this.entries.filter((e) => e.id !== id);
    this.refresh();
  }

  /** @returns {import('./index.js').RollupResult} (refresh(), which the constructor calls, set it) */
  result() { return /** @type {import('./index.js').RollupResult} */ (this.last); }

  destroy() {
    for (const [target, type, fn] of this.listeners) target.removeEventListener(type, fn);
    this.listeners = [];
    for (const tm of this.timers) clearTimeout(tm);
    if (this.form) this.form.destroy();
    this.form = null;
    this.root.replaceChildren();
    dropSheet(this.root, css);
  }

  // ---- drawing ----

  build() {
    // A rebuild (the locale changed) starts from nothing: no listener or form of the last one.
    for (const [target, type, fn] of this.listeners) target.removeEventListener(type, fn);
    this.listeners = [];
    if (this.form) this.form.destroy();
    this.form = null;
    this.builtLocale = this.opts.locale;
    const t = this.t;
    const id = (s) => `${this.uid}-${s}`;
    this.input = h('input', { type: 'file', multiple: true, accept: '.json,.csv,.xlsx,.xls,application/json,text/csv', hidden: true, tabindex: '-1', 'aria-hidden': 'true' });
    this.pickBtn = h('button', { type: 'button', class: 'primary', 'data-act': 'pick' }, t.pick);
    this.clearBtn = h('button', { type: 'button', 'data-act': 'clear' }, t.clear);
    this.dropZone = h('div', { class: 'drop', 'data-hint': t.dropNow }, h('p', {}, t.drop, ' ', this.pickBtn, ' ', this.clearBtn), this.input);
    this.status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    this.checks = h('section', { class: 'summary', tabindex: '-1', 'aria-labelledby': id('ch') });
    this.missingEl = h('section', { class: 'missing', 'aria-labelledby': id('mi') });
    this.files = h('div', { class: 'files' });
    this.parentTitle = h('h2', { id: id('pt') });
    this.parentTools = h('div', { class: 'toolbar', role: 'toolbar', 'aria-labelledby': id('pt') },
      h('button', { type: 'button', 'data-act': 'json' }, t.saveJson),
      h('button', { type: 'button', 'data-act': 'csv' }, t.saveCsv),
      h('button', { type: 'button', 'data-act': 'xlsx' }, t.saveXlsx),
      h('button', { type: 'button', 'data-act': 'print' }, t.print));
    this.notice = h('p', { class: 'notice', role: 'status' });
    this.formHost = h('div', { class: 'form' });
    // The inner form's own events stay inside: the element's event is `cxzy-rollup`.
    for (const type of ['cxzy-change', 'cxzy-validate', 'cxzy-export', 'cxzy-submit']) this.on(this.formHost, type, (e) => e.stopPropagation());
    this.parentNote = h('p', { class: 'note' }, t.parentNote);
    this.parentEl = h('section', { class: 'parent', 'aria-labelledby': id('pt') }, this.parentTitle, this.parentNote, this.parentTools, this.notice, this.formHost);
    const wrap = h('div', { class: 'rollup', lang: this.opts.locale },
      h('h2', { class: 'title' }, t.title), this.dropZone, this.status, this.checks, this.missingEl, this.files, this.parentEl);
    this.root.replaceChildren(wrap);
    this.wrap = wrap;

    this.on(wrap, 'click', (e) => this.onClick(e));
    this.on(this.input, 'change', () => {
      const files = Array.from(this.input.files || []);
      this.input.value = '';
      if (files.length) this.addFiles(files);
    });
    this.on(this.dropZone, 'dragover', (e) => { e.preventDefault(); this.dropZone.classList.add('over'); });
    this.on(this.dropZone, 'dragleave', () => this.dropZone.classList.remove('over'));
    this.on(this.dropZone, 'drop', (e) => {
      e.preventDefault();
      this.dropZone.classList.remove('over');
      if (e.dataTransfer && e.dataTransfer.files.length) this.addFiles(e.dataTransfer.files);
    });
  }

  onClick(e) {
    const b = e.target.closest('button[data-act]');
    if (!b) return;
    const act = b.dataset.act;
    const last = /** @type {import('./index.js').RollupResult} */ (this.last);
    if (act === 'pick') this.input.click();
    else if (act === 'clear') this.clear();
    else if (act === 'remove') this.remove(Number(b.dataset.id));
    else if (act === 'json' && last.doc) this.download('json', `${JSON.stringify(last.doc, null, 2)}\n`, 'application/json');
    else if (act === 'csv' && last.doc) this.download('csv', writeCsv(last.doc), 'text/csv;charset=utf-8');
    // The official layout as a workbook (cxzy-form/excel, loaded on first use).
    else if (act === 'xlsx' && last.doc) {
      const doc = last.doc;
      import('./excel.js').then(async (x) => this.download('xlsx', await x.writeXlsx(doc), x.XLSX_TYPE));
    }
    else if (act === 'print') window.print();
  }

  download(ext, text, type) {
    const d = /** @type {import('./index.js').StatsDoc} */ (/** @type {import('./index.js').RollupResult} */ (this.last).doc);
    const base = [d.unit || 'cxzy-stats', d.batch ? fill(this.t.batchN, { n: d.batch }) : '', this.t.fileSuffix].filter(Boolean).join('-');
    const name = `${base.replace(/[\\/:*?"<>|]/g, '_')}.${ext}`;
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = h('a', { href: url, download: name, hidden: true });
    this.root.append(a);
    a.click();
    a.remove();
    const tm = setTimeout(() => { URL.revokeObjectURL(url); this.timers.delete(tm); }, 1000);
    this.timers.add(tm);
    this.notice.textContent = this.t.saved;
    this.host.dispatchEvent(new CustomEvent('cxzy-export', { detail: { name, text, type }, bubbles: true, composed: true }));
  }

  /** Recomputes the roll-up from the files, redraws, and fires `cxzy-rollup`; returns the result. */
  refresh() {
    const o = this.opts;
    const t = this.t;
    if (o.locale !== this.builtLocale) this.build();
    const r = rollUp(this.entries, o);
    this.last = r;
    this.status.textContent = this.entries.length ? fill(t.received, { n: this.entries.length, tables: r.children.length }) : t.none;
    this.paintChecks(r);
    this.paintMissing(r);
    this.paintFiles(r);
    this.paintParent(r);
    this.host.dispatchEvent(new CustomEvent('cxzy-rollup', { detail: r, bubbles: true, composed: true }));
    return r;
  }

  item(issue) {
    const t = this.t;
    const sev = issue.severity === 'error' ? t.errorPrefix : issue.severity === 'warning' ? t.warningPrefix : '';
    return h('li', { class: issue.severity }, h('span', { class: 'sr' }, sev), h('code', {}, issue.code), ' ', issue.message);
  }

  paintChecks(r) {
    const t = this.t;
    // The roll-up's own checks of its children (the core says which codes they are).
    const own = vocabulary().rollupCodes;
    const a = r.issues.filter((i) => own.includes(i.code)).sort(errorsFirst);
    const notes = r.unreadable.map((u) => h('li', { class: 'error' }, h('span', { class: 'sr' }, t.errorPrefix), fill(t.unreadableNote, { file: u.file, why: u.message })));
    const list = h('ul', {}, ...a.map((i) => this.item(i)), ...notes);
    const head = h('h2', { id: `${this.uid}-ch` }, t.checks);
    const bad = r.refused || a.some((i) => i.severity === 'error') || notes.length;
    const lead = r.refused ? h('p', { class: 'counts', role: 'alert' }, t.refused)
      : h('p', { class: 'counts' }, r.children.length && !a.length && !notes.length ? t.checksOk : '');
    this.checks.className = `summary ${bad ? 'has-errors' : a.length ? 'has-warnings' : 'ok'}`;
    this.checks.hidden = !this.entries.length;
    this.checks.replaceChildren(head, lead, a.length || notes.length ? list : '');
  }

  paintMissing(r) {
    const t = this.t;
    this.missingEl.hidden = !r.preset;
    if (!r.preset) { this.missingEl.replaceChildren(); return; }
    const head = h('h2', { id: `${this.uid}-mi` }, r.missing.length ? fill(t.missing, { n: r.missing.length }) : t.missingNone);
    this.missingEl.classList.toggle('done', !r.missing.length);
    this.missingEl.replaceChildren(head, r.missing.length ? h('ul', { 'aria-label': fill(t.missingOf, { preset: r.preset }) }, ...r.missing.map((n) => h('li', {}, n))) : '');
  }

  paintFiles(r) {
    const t = this.t;
    if (!this.entries.length) { this.files.replaceChildren(); return; }
    const line = new Map();
    for (const c of r.children) line.set(entryOf.get(c), { c, kind: 'child' });
    for (const c of r.previous) line.set(entryOf.get(c), { c, kind: 'previous' });
    const rows = [];
    // One line per file, in the order received.
    const lines = this.entries.map((e) => ({ e, ...(line.get(e) || { c: e, kind: 'unreadable' }) }));
    for (const { e, c, kind } of lines) {
      const { id } = e;
      const remove = h('button', { type: 'button', class: 'remove', 'data-act': 'remove', 'data-id': id, 'aria-label': fill(t.remove, { file: e.file }) }, t.removeShort);
      if (kind === 'unreadable') {
        rows.push(h('tr', { class: 'bad' },
          h('td', { class: 'mark' }, h('span', { 'aria-hidden': 'true' }, '✗'), h('span', { class: 'sr' }, t.unread)),
          h('td', {}, '—'), h('td', {}, '—'), h('td', { class: 'n' }, '—'), h('td', { class: 'n' }, '—'),
          h('td', {}, h('p', { class: 'why' }, c.message)),
          h('th', { scope: 'row', class: 'file' }, e.file), h('td', {}, remove)));
        continue;
      }
      const shown = c.issues.filter((i) => i.severity !== 'info').sort(errorsFirst);
      const note = kind === 'previous'
        ? h('p', { class: 'pair' }, c.duplicateOf ? fill(t.prevDup, { file: c.duplicateOf }) : c.for ? fill(t.prevFor, { file: c.for }) : t.prevWaiting)
        : c.previous ? h('p', { class: 'pair' }, fill(t.comparedWith, { file: c.previous })) : null;
      const problems = shown.length
        ? [h('ul', { class: 'first' }, ...shown.slice(0, FIRST_SHOWN).map((i) => this.item(i))),
          shown.length > FIRST_SHOWN ? h('details', {}, h('summary', {}, fill(t.all, { n: shown.length })), h('ul', {}, ...shown.map((i) => this.item(i)))) : null]
        : [h('p', { class: 'none' }, t.noProblems)];
      const okMark = c.errors === 0;
      rows.push(h('tr', { class: `${okMark ? 'ok' : 'bad'}${kind === 'previous' ? ' prev' : ''}` },
        h('td', { class: 'mark' }, h('span', { 'aria-hidden': 'true' }, okMark ? '✓' : '✗'), h('span', { class: 'sr' }, okMark ? t.ok : t.bad)),
        h('td', { class: 'unit' }, c.unit || '—'),
        h('td', {}, c.batch === 1 || c.batch === 2 ? fill(t.batchN, { n: c.batch }) : String(c.batch ?? '—')),
        h('td', { class: 'n' }, String(c.errors)), h('td', { class: 'n' }, String(c.warnings)),
        h('td', { class: 'problems' }, note, ...problems),
        h('th', { scope: 'row', class: 'file' }, e.file), h('td', {}, remove)));
    }
    const head = h('tr', {}, ...[t.colResult, t.colUnit, t.colBatch, t.colErrors, t.colWarnings, t.colProblems, t.colFile, ''].map((l, i) => h('th', { scope: 'col' }, i === 7 ? h('span', { class: 'sr' }, t.removeShort) : l)));
    this.files.replaceChildren(h('table', {}, h('caption', {}, t.filesCaption), h('thead', {}, head), h('tbody', {}, ...rows)));
  }

  paintParent(r) {
    const t = this.t;
    const o = this.opts;
    this.parentEl.hidden = !r.doc;
    this.parentTitle.textContent = fill(t.parent, { unit: o.unit || t.noUnit, batch: r.batch ? fill(t.parentBatch, { n: r.batch }) : '' });
    if (!r.doc) {
      if (this.form) this.form.destroy();
      this.form = null;
      return;
    }
    if (!this.form) {
      this.form = new StatsForm(this.formHost, { readonly: true, autosave: false, locale: o.locale, preset: r.preset || undefined, data: r.doc });
    } else {
      this.form.setData(r.doc);
    }
  }
}
