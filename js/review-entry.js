// ReviewEntryForm: the 领导点评登记表 — one review act (SPEC §6.2) as an official form. The form
// holds no rule of its own: every keystroke builds one `cxzy-entries/1` entry and asks the core
// (a ReviewHandle of the full wasm module, which holds the roster indexed once); the issues'
// paths `/entries/0/…` name the fields to mark.
//
// Error pattern as in the statistics form (GOV.UK): an error summary whose links focus the
// field, `aria-invalid` on the control, the message in `{control id}-error` referenced by
// `aria-describedby`, with a visually hidden “错误：”. User text reaches the DOM only as text
// nodes or attribute values (never innerHTML).
import { meta } from './index.js';
import * as full from './cxzy_form.js';
import css from './review-styles.js';
import { h, fill, isoDate, adoptSheet, dropSheet, errorsFirst, summaryItem, paintSummaryState, focusFromSummary } from './dom.js';
import { pickLocale } from './i18n.js';

// The domain — kinds, roles, methods, grades, focus tags by kind, required content, combined_with,
// their words in the locale — comes from the core (`meta()`, src/core/vocab); the roster is
// indexed in Rust behind a ReviewHandle. This file holds none of it: it draws what they say.

/** Fields whose issues show together once one of them was touched (“content incomplete” is about the set). */
const groups = (content) => [
  ['target/kind', 'target/name', 'target/id', 'target/org'],
  ['reviewer/name', 'reviewer/role', 'reviewer/id', 'reviewer/org'],
  content,
  ['method', 'talk'],
  ['problems_found', 'problems_solved'],
];

/**
 * The form's labels by locale (`REVIEW_TEXT['zh-CN'].title`): the core's catalogue, `meta().ui.entry`
 * (after `init()`), kept under its old name. Templates name their params (`名册：{n}`).
 * @type {Record<'zh-CN' | 'en', Record<string, unknown>>}
 */
export const REVIEW_TEXT = /** @type {any} */ (Object.defineProperties({}, Object.fromEntries(['zh-CN', 'en'].map((l) => [l, {
  enumerable: true, get: () => /** @type {Required<import('./index.js').Meta>} */ (meta(/** @type {import('./index.js').Locale} */ (l))).ui.entry,
}]))));

const adopt = (root) => adoptSheet(root, css);

export class ReviewEntryForm {
  /**
   * @param {HTMLElement} element where the form goes (it gets an open Shadow DOM).
   * @param {import('./review.js').ReviewEntryFormOptions} [options] `{ locale, data, roster, today }` — see review.d.ts. Call `init()` first.
   */
  constructor(element, options = {}) {
    this.el = element;
    this.opts = { ...options };
    this.locale = pickLocale(options.locale);
    /** The summary's counts (paintSummaryState keeps them). */
    this.counts = { errors: 0, warnings: 0 };
    this.handle = new full.ReviewHandle('', this.locale);
    this.root = element.shadowRoot || element.attachShadow({ mode: 'open' });
    adopt(this.root);
    this.uid = `re${Math.random().toString(36).slice(2, 8)}`;
    this.touched = new Set();
    this.showAll = false;
    this.listeners = [];
    this.setRosterQuiet(options.roster);
    this.entry = options.data ? structuredClone(typeof options.data === 'string' ? JSON.parse(options.data) : options.data) : this.blank();
    this.render();
    this.check();
  }

  // ---- public API ----

  /** The entry as a `cxzy-entries/1` entry object (empty fields left out, invalid input kept as typed). */
  data() { return this.read(); }

  /** The issues of the entry now (paths `/entries/0/…`). */
  issues() { return this.current.slice(); }

  /** Replaces the entry and re-checks it. */
  setData(entry) {
    this.entry = entry ? structuredClone(typeof entry === 'string' ? JSON.parse(entry) : entry) : this.blank();
    this.touched.clear();
    this.showAll = false;
    this.render();
    this.changed();
  }

  /** Uses a roster (`cxzy-roster/1`, object or JSON text, or null) for names, ids and E014/E015. */
  setRoster(roster) {
    const entry = this.read();
    this.setRosterQuiet(roster);
    this.entry = entry;
    this.render();
    this.changed();
  }

  /** Sets “today” (`YYYY-MM-DD` or a Date): entries after it are E002. */
  setToday(today) {
    this.opts.today = today;
    this.check();
  }

  setLocale(locale) {
    const entry = this.read();
    this.locale = pickLocale(locale);
    this.vocab = null;
    this.handle.setLocale(this.locale);
    this.entry = entry;
    this.render();
    this.check();
  }

  /** Shows every issue. Resolves true when there is no error; then fires `cxzy-submit` ({ data, issues }). */
  async submit() {
    this.showAll = true;
    this.check();
    if (this.counts.errors > 0) {
      this.notice(this.t.blocked);
      this.summary.focus();
      return false;
    }
    this.notice(this.t.recorded);
    this.emit('cxzy-submit');
    return true;
  }

  /** Empties the form (a new record id). */
  clear() {
    this.setData(null);
    this.notice(this.t.cleared);
  }

  /** Removes the form from its element (listeners, content, the stylesheet) and frees its state in wasm. */
  destroy() {
    for (const [t, type, fn] of this.listeners) t.removeEventListener(type, fn);
    this.listeners = [];
    this.root.replaceChildren();
    dropSheet(this.root, css);
    if (this.handle) { this.handle.free(); this.handle = /** @type {any} */ (null); }
  }

  // ---- internals ----

  /** The form's words in its locale: the core's catalogue (`meta().ui.entry`). */
  get t() { return /** @type {Record<string, string>} */ (this.m.m.ui.entry); }

  /** The core's vocabulary in the locale (`meta()`), with lookups by id. */
  get m() {
    if (!this.vocab || this.vocab.locale !== this.locale) {
      // The full module's meta(): the review's part is there.
      const m = /** @type {Required<import('./index.js').Meta>} */ (meta(this.locale));
      const words = (list) => Object.fromEntries(m.lists[list].map((w) => [w.id, w.label]));
      const kinds = new Map(m.review.kinds.map((k) => [k.id, k]));
      this.vocab = { locale: this.locale, m, words, kinds, content: m.review.contentFields, fields: m.fields };
    }
    return this.vocab;
  }

  /** What the core says of a target kind (`{ id, label, org, focus, content }`), or null. */
  kindSpec(kind) { return this.m.kinds.get(kind) || null; }

  /** The roster goes to Rust once: read and indexed there, not at every keystroke. */
  setRosterQuiet(roster) {
    // Kept as given (not copied): a moved element hands it to its next form.
    this.rosterDoc = roster || null;
    const text = roster ? (typeof roster === 'string' ? roster : JSON.stringify(roster)) : '';
    this.handle.setRoster(text);
    this.hasRoster = this.handle.hasRoster();
  }

  blank() {
    const rnd = Math.random().toString(36).slice(2, 6);
    return { id: `e${isoDate().replace(/-/g, '')}-${rnd}`, date: isoDate(), reviewer: {}, target: {} };
  }

  on(target, type, fn) {
    target.addEventListener(type, fn);
    this.listeners.push([target, type, fn]);
  }

  /** Label, control and message slot of one field; `key` is the path below `/entries/0`. */
  field(key, label, control, { wide = false, hint = null } = {}) {
    control.id = `${this.uid}-${key.replace('/', '-')}`;
    control.dataset.k = key;
    const lab = h('label', { for: control.id }, label);
    const host = h('div', { class: `field f-${key.replace('/', '-')}${wide ? ' wide' : ''}` }, lab, hint, control);
    this.fields[key] = { control, host, label: lab };
    return host;
  }

  select(options, value, labels) {
    const s = h('select', {}, h('option', { value: '' }, this.t.choose), ...options.map((o) => h('option', { value: o }, labels[o])));
    if (value != null && value !== '' && !options.includes(String(value))) s.append(h('option', { value: String(value) }, String(value)));
    s.value = value == null ? '' : String(value);
    return s;
  }

  /** A group of checkboxes (focus, combined_with) as a fieldset; the first box is the focus target. */
  checks(key, legend, options, labels, checked) {
    const boxes = h('div', { class: 'boxes' });
    const set = new Set(Array.isArray(checked) ? checked.map(String) : []);
    // Values the list does not offer (an imported entry) stay, as typed, so nothing is lost.
    const all = [...options, ...[...set].filter((v) => !options.includes(v))];
    all.forEach((o, i) => {
      const id = `${this.uid}-${key}-${i}`;
      boxes.append(h('span', { class: 'box' },
        h('input', { type: 'checkbox', id, value: o, 'data-k': key, checked: set.has(o) }),
        h('label', { for: id }, labels[o] || o)));
    });
    const host = h('fieldset', { class: `field f-${key} wide` }, h('legend', {}, legend), boxes);
    const first = boxes.querySelector('input');
    this.fields[key] = { control: first, host, group: true };
    return host;
  }

  render() {
    for (const [tg, type, fn] of this.listeners) tg.removeEventListener(type, fn);
    this.listeners = [];
    const t = this.t;
    const e = this.entry || {};
    const rv = e.reviewer && typeof e.reviewer === 'object' ? e.reviewer : {};
    const tg = e.target && typeof e.target === 'object' ? e.target : {};
    const kind = tg.kind == null ? '' : String(tg.kind);
    const m = this.m;
    const spec = this.kindSpec(kind);
    this.fields = Object.create(null); // keyed by paths from issues: no inherited `constructor`
    const text = (v, attrs = {}) => h('input', { type: 'text', autocomplete: 'off', value: v == null ? '' : typeof v === 'string' ? v : JSON.stringify(v), ...attrs });
    const area = (v) => h('textarea', { rows: 3 }, v == null ? '' : String(v));
    const person = !!spec && !spec.org;
    // Without a known kind, the core's minimum content (a member's) applies.
    const needs = (f) => (spec ? spec.content : m.m.review.contentWithoutKind).includes(f);

    // Datalists from the roster (built in Rust): the names of the chosen kind, the organisations, the members.
    this.lists = h('div', { hidden: true });
    const targetList = `${this.uid}-tl`;
    const orgList = `${this.uid}-ol`;
    const memberList = `${this.uid}-ml`;
    if (this.hasRoster) {
      const opts = (pairs) => JSON.parse(pairs).map(([v, l]) => h('option', { value: v, label: l }));
      this.lists.append(
        h('datalist', { id: targetList }, opts(this.handle.targetChoices(kind))),
        h('datalist', { id: orgList }, opts(this.handle.orgChoices())),
        h('datalist', { id: memberList }, opts(this.handle.memberChoices())));
    }
    const listed = (id) => (this.hasRoster ? { list: id } : {});
    const ids = (list) => m.m.lists[list].map((w) => w.id);

    const nameLabel = !kind ? t['target/name'] : person ? t['target/namePerson'] : t['target/nameOrg'];
    const section = (key, title, ...kids) => h('section', { class: `part p-${key}`, 'aria-labelledby': `${this.uid}-s-${key}` },
      h('h3', { id: `${this.uid}-s-${key}` }, title), h('div', { class: 'cells' }, ...kids));
    const orgField = this.field('target/org', t['target/org'], text(tg.org, listed(orgList)));
    orgField.hidden = !person;

    const focusField = spec
      ? this.checks('focus', m.fields.focus, spec.focus, m.words('focus'), e.focus)
      : (() => {
        const host = h('fieldset', { class: 'field f-focus wide' }, h('legend', {}, m.fields.focus), h('p', { class: 'hint' }, t.focusFirst));
        this.fields.focus = { control: null, host, group: true };
        return host;
      })();

    const form = h('form', { class: 'sheet', novalidate: true, 'aria-labelledby': `${this.uid}-title` },
      h('h2', { class: 'title', id: `${this.uid}-title` }, t.title),
      h('div', { class: 'head' },
        this.field('id', t.id, text(e.id)),
        this.field('date', t.date, text(e.date, { placeholder: t.datePh }))),
      section('target', t.sTarget,
        this.field('target/kind', t['target/kind'], this.select(ids('kind'), kind, m.words('kind'))),
        this.field('target/name', nameLabel, text(tg.name, listed(targetList))),
        this.field('target/id', t['target/id'], text(tg.id, listed(person ? memberList : orgList))),
        orgField),
      section('reviewer', t.sReviewer,
        this.field('reviewer/name', t['reviewer/name'], text(rv.name)),
        this.field('reviewer/role', t['reviewer/role'], this.select(ids('role'), rv.role, m.words('role'))),
        this.field('reviewer/id', t['reviewer/id'], text(rv.id, listed(memberList))),
        this.field('reviewer/org', t['reviewer/org'], text(rv.org, listed(orgList)))),
      section('act', t.sAct,
        this.field('method', m.fields.method, this.select(ids('method'), e.method, m.words('method'))),
        this.field('grade', m.fields.grade, this.select(ids('grade'), e.grade, m.words('grade'))),
        focusField),
      section('content', t.sContent, ...m.content.map((f) => {
        const c = area(e[f]);
        if (needs(f)) c.setAttribute('aria-required', 'true');
        return this.field(f, [m.fields[f], h('span', { class: 'req' }, needs(f) ? t.required : t.optional)], c, { wide: true });
      })),
      section('result', t.sResult,
        this.field('model', m.fields.model, h('input', { type: 'checkbox', checked: e.model === true })),
        this.field('talk', m.fields.talk, h('input', { type: 'checkbox', checked: e.talk === true })),
        this.field('problems_found', m.fields.problems_found, text(e.problems_found, { inputmode: 'numeric' })),
        this.field('problems_solved', m.fields.problems_solved, text(e.problems_solved, { inputmode: 'numeric' })),
        this.checks('combined_with', m.fields.combined_with, ids('combined_with'), m.words('combined_with'), e.combined_with)),
      this.lists);
    if (this.hasRoster) form.append(h('p', { class: 'roster' }, fill(t.rosterHint, { n: this.handle.orgCount() })));
    // Checkbox fields: the box sits after its label, inline.
    for (const k of ['model', 'talk']) this.fields[k].host.classList.add('check');

    const bar = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': t.title },
      h('button', { type: 'button', 'data-act': 'submit', class: 'primary' }, t.check),
      h('button', { type: 'button', 'data-act': 'print' }, t.print),
      h('button', { type: 'button', 'data-act': 'clear' }, t.clear),
      h('button', { type: 'button', 'data-act': 'locale', lang: this.locale === 'en' ? 'zh-CN' : 'en' }, t.language));
    this.noticeEl = h('div', { class: 'notice', role: 'status', 'aria-live': 'polite' });
    this.summaryList = h('ul');
    this.summaryCounts = h('p', { class: 'counts' });
    this.summary = h('section', { class: 'summary ok', tabindex: '-1', 'aria-labelledby': `${this.uid}-st` },
      h('h2', { id: `${this.uid}-st` }, t.summaryTitle), this.summaryCounts, this.summaryList);
    this.form = form;
    const wrap = h('div', { class: 'cxzy-review', lang: this.locale }, bar, this.noticeEl, this.summary, form);
    const keep = [...this.root.children].filter((c) => c.tagName === 'STYLE');
    this.root.replaceChildren(...keep, wrap);

    this.on(bar, 'click', (ev) => this.onAction(ev));
    this.on(form, 'input', (ev) => this.onEdit(ev));
    this.on(form, 'change', (ev) => this.onEdit(ev));
    this.on(form, 'submit', (ev) => { ev.preventDefault(); this.submit(); });
    this.on(this.summary, 'click', (ev) => this.onSummaryClick(ev));
  }

  /** The entry from the controls. */
  read() {
    if (!this.fields) return this.entry;
    const e = {};
    const val = (k) => {
      const f = this.fields[k];
      return f && f.control && !f.host.hidden ? f.control.value.trim() : '';
    };
    const put = (obj, key, v) => { if (v !== '') obj[key] = v; };
    const count = (v) => (/^\d{1,9}$/.test(v) ? Number(v) : v);
    put(e, 'id', val('id'));
    put(e, 'date', val('date'));
    const reviewer = {};
    for (const k of ['id', 'name', 'role', 'org']) put(reviewer, k, val(`reviewer/${k}`));
    e.reviewer = reviewer;
    const target = {};
    for (const k of ['kind', 'id', 'name', 'org']) put(target, k, val(`target/${k}`));
    e.target = target;
    put(e, 'method', val('method'));
    put(e, 'grade', val('grade'));
    for (const f of this.m.content) put(e, f, val(f));
    const boxes = (k) => [...this.form.querySelectorAll(`input[type=checkbox][data-k="${k}"]:checked`)].map((b) => b.value);
    if (this.fields.focus.control) {
      const f = boxes('focus');
      if (f.length) e.focus = f;
    }
    if (this.fields.model.control.checked) e.model = true;
    if (this.fields.talk.control.checked) e.talk = true;
    put(e, 'problems_found', count(val('problems_found')));
    put(e, 'problems_solved', count(val('problems_solved')));
    const c = boxes('combined_with');
    if (c.length) e.combined_with = c;
    return e;
  }

  onEdit(ev) {
    const k = ev.target.dataset && ev.target.dataset.k;
    if (!k) return;
    // Text is checked as it is typed; its `change` (on blur) would only redraw the summary under
    // the pointer of a click on one of its links.
    if (ev.type === 'change' && (ev.target.tagName === 'TEXTAREA' || ev.target.type === 'text')) return;
    this.touched.add(k);
    if (k === 'target/kind' && ev.type === 'change') {
      // Fields change with the kind: labels, the organisation field, the focus tags and what is
      // required. Focus tags the new kind does not offer are dropped (they would be E013).
      const entry = this.read();
      const spec = this.kindSpec(entry.target.kind);
      if (entry.focus) entry.focus = entry.focus.filter((f) => !!spec && spec.focus.includes(f));
      if (!spec || spec.org) delete entry.target.org;
      this.entry = entry;
      const focusId = ev.target.id;
      this.render();
      const again = this.root.getElementById(focusId);
      if (again) again.focus();
    } else if ((k === 'target/name' || k === 'reviewer/name') && this.hasRoster) {
      this.resolve(k);
    }
    this.changed();
  }

  /** With a roster: a name that matches exactly one roster entry of the kind fills its id and organisation (looked up in Rust). */
  resolve(k) {
    const name = this.fields[k].control.value.trim();
    if (!name) return;
    const target = k === 'target/name';
    const kind = target ? this.fields['target/kind'].control.value : 'reviewer';
    const hit = JSON.parse(this.handle.resolve(kind, name));
    if (!hit) return;
    const who = target ? 'target' : 'reviewer';
    this.fields[`${who}/id`].control.value = hit.id;
    if (hit.org != null) this.fields[`${who}/org`].control.value = hit.org;
  }

  changed() {
    this.check();
    this.emit('cxzy-change');
  }

  /** Validates the entry in the core and repaints the marks and the summary. */
  check() {
    const entry = this.read();
    const today = this.opts.today instanceof Date ? isoDate(this.opts.today) : (this.opts.today || isoDate());
    let issues;
    try {
      // The entry alone crosses into wasm: the roster is already there, indexed.
      issues = JSON.parse(this.handle.check(JSON.stringify(entry), today));
    } catch (err) {
      issues = [{ code: 'X000', severity: 'error', path: '', message: String(err.message || err), params: {} }];
    }
    this.current = issues;
    this.paint(issues);
    this.emit('cxzy-validate');
    return issues;
  }

  /** The field key of an issue's path, or null (shown in the summary only). */
  keyOf(path) {
    const m = /^\/entries\/0(\/.*)?$/.exec(path || '');
    if (!m || !m[1]) return null;
    const parts = m[1].slice(1).split('/');
    const [a, b] = parts;
    if (a === 'reviewer' || a === 'target') {
      if (b && this.fields[`${a}/${b}`]) return `${a}/${b}`;
      const first = a === 'reviewer' ? 'reviewer/name' : 'target/kind';
      return first;
    }
    if (this.fields[a]) return a;
    return null;
  }

  visible(i, key) {
    if (i.severity === 'info') return false;
    if (this.showAll) return true;
    if (!key) return this.touched.size > 0;
    if (this.touched.has(key)) return true;
    return groups(this.m.content).some((g) => g.includes(key) && g.some((k) => this.touched.has(k)));
  }

  paint(issues) {
    const t = this.t;
    for (const m of this.form.querySelectorAll('.msg')) m.remove();
    for (const f of Object.values(this.fields)) {
      f.host.classList.remove('invalid', 'warn');
      if (f.control) {
        f.control.removeAttribute('aria-invalid');
        f.control.removeAttribute('aria-describedby');
      }
    }
    const byKey = new Map();
    const shown = [];
    let errors = 0;
    let warnings = 0;
    for (const i of issues) {
      const key = this.keyOf(i.path);
      if (!this.visible(i, key)) continue;
      if (i.severity === 'error') errors++;
      else warnings++;
      shown.push([i, key]);
      if (key && this.fields[key] && !this.fields[key].host.hidden) {
        if (!byKey.has(key)) byKey.set(key, []);
        byKey.get(key).push(i);
      }
    }
    for (const [key, list] of byKey) {
      const f = this.fields[key];
      const base = f.control ? f.control.id : `${this.uid}-${key}`;
      const msgs = list.map((i, n) => h('span', { class: `msg ${i.severity}`, id: `${base}-error${n ? `-${n}` : ''}`, 'data-code': i.code },
        h('span', { class: 'sr' }, i.severity === 'error' ? t.errorPrefix : t.warningPrefix), i.message));
      // GOV.UK: the message goes between the label (or legend) and the control.
      const anchor = f.group ? f.host.querySelector('.boxes, .hint') : f.control;
      if (anchor && anchor.parentNode === f.host && !f.host.classList.contains('check')) anchor.before(...msgs);
      else f.host.append(...msgs);
      const err = list.some((i) => i.severity === 'error');
      f.host.classList.add(err ? 'invalid' : 'warn');
      const target = f.group ? f.host : f.control;
      if (target) {
        target.setAttribute('aria-describedby', msgs.map((m) => m.id).join(' '));
        if (err && !f.group) target.setAttribute('aria-invalid', 'true');
      }
    }
    shown.sort((a, b) => errorsFirst(a[0], b[0]));
    this.summaryList.replaceChildren(...shown.map(([i, key]) => {
      const f = key && this.fields[key];
      return summaryItem(i, f && f.control && !f.host.hidden ? f.control.id : '', t, { 'data-code': i.code });
    }));
    paintSummaryState(this, errors, warnings, t.noIssues, t.counts);
  }

  onSummaryClick(ev) {
    focusFromSummary(this.root, ev);
  }

  onAction(ev) {
    const b = ev.target.closest('button[data-act]');
    if (!b) return;
    const act = b.dataset.act;
    if (act === 'submit') this.submit();
    else if (act === 'print') window.print();
    else if (act === 'clear') this.clear();
    else if (act === 'locale') this.setLocale(this.locale === 'en' ? 'zh-CN' : 'en');
  }

  notice(text) {
    this.noticeEl.replaceChildren(h('p', {}, text));
  }

  emit(type) {
    const detail = { data: this.read(), issues: this.current ? this.current.slice() : [] };
    this.el.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
