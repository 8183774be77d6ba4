// ReviewEntryForm: the 领导点评登记表 — one review act (SPEC §6.2) as an official form. The form
// holds no rule of its own: every keystroke builds one `cxzy-entries/1` entry and asks the core's
// `validate` (the full wasm module, with the roster when there is one); the issues' paths
// `/entries/0/…` name the fields to mark.
//
// Error pattern as in the statistics form (GOV.UK): an error summary whose links focus the
// field, `aria-invalid` on the control, the message in `{control id}-error` referenced by
// `aria-describedby`, with a visually hidden “错误：”. User text reaches the DOM only as text
// nodes or attribute values (never innerHTML).
import { validate } from './index.js';
import css from './review-styles.js';
import { h, isoDate, adoptSheet, errorsFirst, summaryItem, paintSummaryState, focusFromSummary } from './dom.js';
import { pickLocale } from './i18n.js';


const KINDS = ['committee', 'general_branch', 'branch', 'secretary', 'member'];
const ORG_KINDS = new Set(['committee', 'general_branch', 'branch']);
const ROLES = ['branch_secretary', 'committee_secretary', 'county_leader', 'county_party_secretary', 'senior_cadre', 'leadership_member'];
const METHODS = ['collective', 'individual', 'onsite', 'random'];
const GRADES = ['good', 'fairly_good', 'average', 'poor'];
const COMBINED = ['org_life_meeting', 'democratic_appraisal', 'mass_appraisal', 'annual_assessment', 'dual_report', 'field_visit'];
// Focus tags by target kind (SPEC §6.2, docs/review.md `TARGETS`): 25号 二、.
const FOCUS = {
  org: ['central_work', 'public_pledge', 'serve_people', 'team_building', 'joint_building'],
  secretary: ['lead_by_example', 'organize_members'],
  member: ['post_performance', 'public_pledge', 'serve_people'],
};
const CONTENT = ['evaluation', 'achievements', 'shortcomings', 'direction'];
/** Fields whose issues show together once one of them was touched (“content incomplete” is about the set). */
const GROUPS = [
  ['target/kind', 'target/name', 'target/id', 'target/org'],
  ['reviewer/name', 'reviewer/role', 'reviewer/id', 'reviewer/org'],
  CONTENT,
  ['method', 'talk'],
  ['problems_found', 'problems_solved'],
];

export const REVIEW_TEXT = {
  'zh-CN': {
    title: '领导点评登记表',
    summaryTitle: '点评记录检查结果', counts: (e, w) => `${e} 个错误，${w} 个警告`, noIssues: '未发现问题',
    errorPrefix: '错误：', warningPrefix: '警告：',
    check: '检查并登记', print: '打印', clear: '清空', language: 'English',
    blocked: '还有错误，不能登记：请先改正下列问题。', recorded: '检查通过，已登记。', cleared: '已清空。',
    sTarget: '点评对象', sReviewer: '点评人', sAct: '点评情况', sContent: '点评内容', sResult: '点评成效',
    id: '记录编号', date: '点评时间', datePh: '2010-12-20',
    'target/kind': '对象类别', 'target/name': '点评对象', 'target/nameOrg': '党组织名称', 'target/namePerson': '姓名',
    'target/id': '名册编号', 'target/org': '所在党组织',
    'reviewer/name': '点评人', 'reviewer/role': '职务', 'reviewer/id': '点评人名册编号', 'reviewer/org': '点评人所在党组织',
    method: '点评方式', grade: '评价等次', focus: '点评重点', focusFirst: '请先选择对象类别',
    evaluation: '总体评价', achievements: '主要成绩', shortcomings: '存在不足', direction: '努力方向',
    required: '（必填）', optional: '（选填）',
    model: '树立为典型', talk: '专门约谈', problems_found: '发现问题（个）', problems_solved: '已解决问题（个）',
    combined_with: '结合开展的工作', choose: '请选择', none: '—', rosterHint: (n) => `名册：${n}`,
    kinds: { committee: '基层党委', general_branch: '党总支', branch: '党支部', secretary: '基层党组织书记', member: '党员' },
    roles: {
      branch_secretary: '党支部书记', committee_secretary: '基层党委（党总支）书记', county_leader: '县级党员领导干部',
      county_party_secretary: '县委书记', senior_cadre: '其他县处级以上党员领导干部', leadership_member: '地方党委、部门党组领导班子成员',
    },
    methods: { collective: '集中点评', individual: '个别点评', onsite: '现场点评', random: '随机点评' },
    grades: { good: '好', fairly_good: '较好', average: '一般', poor: '差' },
    focusTags: {
      central_work: '推进中心工作', public_pledge: '开展公开承诺', serve_people: '为群众办实事好事', team_building: '加强党组织和党员队伍建设',
      joint_building: '党群共建', lead_by_example: '带头创先争优', organize_members: '组织党员创先争优', post_performance: '立足岗位争创一流业绩',
    },
    combined: {
      org_life_meeting: '组织生活会', democratic_appraisal: '民主评议党员', mass_appraisal: '群众评议', annual_assessment: '年度总结考核',
      dual_report: '书记“双述双评”', field_visit: '下基层调研走访',
    },
  },
  en: {
    title: 'Leader’s Review Record',
    summaryTitle: 'Review record check', counts: (e, w) => `${e} errors, ${w} warnings`, noIssues: 'No problems found',
    errorPrefix: 'Error: ', warningPrefix: 'Warning: ',
    check: 'Check and record', print: 'Print', clear: 'Clear', language: '中文',
    blocked: 'There are errors: fix the problems below before recording.', recorded: 'No errors: recorded.', cleared: 'Cleared.',
    sTarget: 'Reviewed', sReviewer: 'Reviewer', sAct: 'The review', sContent: 'What was said', sResult: 'Outcome',
    id: 'Record id', date: 'Date', datePh: '2010-12-20',
    'target/kind': 'Kind', 'target/name': 'Reviewed', 'target/nameOrg': 'Organisation', 'target/namePerson': 'Name',
    'target/id': 'Roster id', 'target/org': 'Organisation',
    'reviewer/name': 'Reviewer', 'reviewer/role': 'Position', 'reviewer/id': 'Reviewer’s roster id', 'reviewer/org': 'Reviewer’s organisation',
    method: 'Method', grade: 'Grade', focus: 'Focus', focusFirst: 'Choose the kind first',
    evaluation: 'Evaluation', achievements: 'Achievements', shortcomings: 'Shortcomings', direction: 'Direction',
    required: ' (required)', optional: ' (optional)',
    model: 'Set up as a model', talk: 'Special talk', problems_found: 'Problems found', problems_solved: 'Problems solved',
    combined_with: 'Combined with', choose: 'Choose', none: '—', rosterHint: (n) => `Roster: ${n}`,
    kinds: { committee: 'Grassroots Party committee', general_branch: 'General branch', branch: 'Party branch', secretary: 'Secretary', member: 'Party member' },
    roles: {
      branch_secretary: 'Branch secretary', committee_secretary: 'Committee (general branch) secretary', county_leader: 'County-level leader',
      county_party_secretary: 'County Party secretary', senior_cadre: 'Other senior cadre', leadership_member: 'Leadership member',
    },
    methods: { collective: 'Collective', individual: 'Individual', onsite: 'On site', random: 'Random' },
    grades: { good: 'Good', fairly_good: 'Fairly good', average: 'Average', poor: 'Poor' },
    focusTags: {
      central_work: 'Central work', public_pledge: 'Public pledges', serve_people: 'Serving the people', team_building: 'Team building',
      joint_building: 'Joint building', lead_by_example: 'Leading by example', organize_members: 'Organising members', post_performance: 'Performance at one’s post',
    },
    combined: {
      org_life_meeting: 'Organisational life meeting', democratic_appraisal: 'Democratic appraisal of members', mass_appraisal: 'Appraisal by the public',
      annual_assessment: 'Annual assessment', dual_report: 'Secretaries’ dual reports', field_visit: 'Field visits',
    },
  },
};

const focusSet = (kind) => (ORG_KINDS.has(kind) ? FOCUS.org : FOCUS[kind] || []);

const adopt = (root) => adoptSheet(root, css);

/** Lookups over a roster: ids → organisations and members, who is a secretary. */
export function indexRoster(roster) {
  const r = typeof roster === 'string' ? JSON.parse(roster) : roster;
  const orgs = new Map();
  const members = new Map();
  const secretaryOf = new Map();
  for (const o of (r && Array.isArray(r.orgs) ? r.orgs : [])) {
    if (o && o.id != null) orgs.set(String(o.id), o);
  }
  for (const m of (r && Array.isArray(r.members) ? r.members : [])) {
    if (m && m.id != null) members.set(String(m.id), m);
  }
  for (const o of orgs.values()) {
    if (o.secretary != null && !secretaryOf.has(String(o.secretary))) secretaryOf.set(String(o.secretary), o);
  }
  /** The organisation's unit, inherited from the nearest ancestor that has one. */
  const unitOf = (org) => {
    const seen = new Set();
    for (let o = org; o && !seen.has(o); o = o.parent == null ? null : orgs.get(String(o.parent))) {
      seen.add(o);
      if (o.unit) return o.unit;
    }
    return '';
  };
  return { raw: r, orgs, members, secretaryOf, unitOf };
}

export class ReviewEntryForm {
  /**
   * @param {HTMLElement} element where the form goes (it gets an open Shadow DOM).
   * @param {object} options `{ locale, data, roster, today }` — see index.d.ts. Call `init()` first.
   */
  constructor(element, options = {}) {
    this.el = element;
    this.opts = { ...options };
    this.locale = pickLocale(options.locale);
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

  destroy() {
    for (const [t, type, fn] of this.listeners) t.removeEventListener(type, fn);
    this.listeners = [];
    this.root.replaceChildren();
    if (sheet) this.root.adoptedStyleSheets = this.root.adoptedStyleSheets.filter((s) => s !== sheet);
  }

  // ---- internals ----

  get t() { return REVIEW_TEXT[this.locale]; }

  setRosterQuiet(roster) {
    this.roster = roster ? (typeof roster === 'string' ? JSON.parse(roster) : roster) : null;
    this.index = this.roster ? indexRoster(this.roster) : null;
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
    this.fields = Object.create(null); // keyed by paths from issues: no inherited `constructor`
    const text = (v, attrs = {}) => h('input', { type: 'text', autocomplete: 'off', value: v == null ? '' : typeof v === 'string' ? v : JSON.stringify(v), ...attrs });
    const area = (v) => h('textarea', { rows: 3 }, v == null ? '' : String(v));
    const person = kind === 'secretary' || kind === 'member';
    const needs = (f) => (f === 'achievements' ? (ORG_KINDS.has(kind) || kind === 'secretary') : true);

    // Datalists from the roster: the names of the chosen kind, the organisations, the members.
    this.lists = h('div', { hidden: true });
    const targetList = `${this.uid}-tl`;
    const orgList = `${this.uid}-ol`;
    const memberList = `${this.uid}-ml`;
    if (this.index) {
      const ix = this.index;
      const orgName = (id) => (ix.orgs.get(String(id)) || {}).name || '';
      let names = [];
      if (ORG_KINDS.has(kind)) names = [...ix.orgs.values()].filter((o) => o.kind === kind).map((o) => [o.name, `${o.id} · ${ix.unitOf(o)}`]);
      else if (kind === 'secretary') names = [...ix.secretaryOf.keys()].map((id) => ix.members.get(id)).filter(Boolean).map((m) => [m.name, `${m.id} · ${orgName(m.org)}`]);
      else if (kind === 'member') names = [...ix.members.values()].map((m) => [m.name, `${m.id} · ${orgName(m.org)}`]);
      const opts = (pairs) => pairs.map(([v, l]) => h('option', { value: v, label: l }));
      this.lists.append(
        h('datalist', { id: targetList }, opts(names)),
        h('datalist', { id: orgList }, opts([...ix.orgs.values()].map((o) => [String(o.id), `${o.name} · ${ix.unitOf(o)}`]))),
        h('datalist', { id: memberList }, opts([...ix.members.values()].map((m) => [String(m.id), `${m.name} · ${orgName(m.org)}`]))));
    }
    const listed = (id) => (this.index ? { list: id } : {});

    const nameLabel = !kind ? t['target/name'] : person ? t['target/namePerson'] : t['target/nameOrg'];
    const section = (key, title, ...kids) => h('section', { class: `part p-${key}`, 'aria-labelledby': `${this.uid}-s-${key}` },
      h('h3', { id: `${this.uid}-s-${key}` }, title), h('div', { class: 'cells' }, ...kids));
    const orgField = this.field('target/org', t['target/org'], text(tg.org, listed(orgList)));
    orgField.hidden = !person;

    const focusKey = kind || '';
    const focusField = focusKey
      ? this.checks('focus', t.focus, focusSet(kind), t.focusTags, e.focus)
      : (() => {
        const host = h('fieldset', { class: 'field f-focus wide' }, h('legend', {}, t.focus), h('p', { class: 'hint' }, t.focusFirst));
        this.fields.focus = { control: null, host, group: true };
        return host;
      })();

    const form = h('form', { class: 'sheet', novalidate: true, 'aria-labelledby': `${this.uid}-title` },
      h('h2', { class: 'title', id: `${this.uid}-title` }, t.title),
      h('div', { class: 'head' },
        this.field('id', t.id, text(e.id)),
        this.field('date', t.date, text(e.date, { placeholder: t.datePh }))),
      section('target', t.sTarget,
        this.field('target/kind', t['target/kind'], this.select(KINDS, kind, t.kinds)),
        this.field('target/name', nameLabel, text(tg.name, listed(targetList))),
        this.field('target/id', t['target/id'], text(tg.id, listed(person ? memberList : orgList))),
        orgField),
      section('reviewer', t.sReviewer,
        this.field('reviewer/name', t['reviewer/name'], text(rv.name)),
        this.field('reviewer/role', t['reviewer/role'], this.select(ROLES, rv.role, t.roles)),
        this.field('reviewer/id', t['reviewer/id'], text(rv.id, listed(memberList))),
        this.field('reviewer/org', t['reviewer/org'], text(rv.org, listed(orgList)))),
      section('act', t.sAct,
        this.field('method', t.method, this.select(METHODS, e.method, t.methods)),
        this.field('grade', t.grade, this.select(GRADES, e.grade, t.grades)),
        focusField),
      section('content', t.sContent, ...CONTENT.map((f) => {
        const c = area(e[f]);
        if (needs(f)) c.setAttribute('aria-required', 'true');
        return this.field(f, [t[f], h('span', { class: 'req' }, needs(f) ? t.required : t.optional)], c, { wide: true });
      })),
      section('result', t.sResult,
        this.field('model', t.model, h('input', { type: 'checkbox', checked: e.model === true })),
        this.field('talk', t.talk, h('input', { type: 'checkbox', checked: e.talk === true })),
        this.field('problems_found', t.problems_found, text(e.problems_found, { inputmode: 'numeric' })),
        this.field('problems_solved', t.problems_solved, text(e.problems_solved, { inputmode: 'numeric' })),
        this.checks('combined_with', t.combined_with, COMBINED, t.combined, e.combined_with)),
      this.lists);
    if (this.index) form.append(h('p', { class: 'roster' }, t.rosterHint(this.roster.orgs?.length ?? 0)));
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
    for (const f of CONTENT) put(e, f, val(f));
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
      if (entry.focus) entry.focus = entry.focus.filter((f) => focusSet(entry.target.kind).includes(f));
      if (!(entry.target.kind === 'secretary' || entry.target.kind === 'member')) delete entry.target.org;
      this.entry = entry;
      const focusId = ev.target.id;
      this.render();
      const again = this.root.getElementById(focusId);
      if (again) again.focus();
    } else if ((k === 'target/name' || k === 'reviewer/name') && this.index) {
      this.resolve(k);
    }
    this.changed();
  }

  /** With a roster: a name that matches exactly one roster entry of the kind fills its id and organisation. */
  resolve(k) {
    const ix = this.index;
    const name = this.fields[k].control.value.trim();
    if (!name) return;
    let hits = [];
    if (k === 'target/name') {
      const kind = this.fields['target/kind'].control.value;
      if (ORG_KINDS.has(kind)) hits = [...ix.orgs.values()].filter((o) => o.kind === kind && o.name === name);
      else if (kind === 'secretary') hits = [...ix.secretaryOf.keys()].map((id) => ix.members.get(id)).filter((m) => m && m.name === name);
      else if (kind === 'member') hits = [...ix.members.values()].filter((m) => m.name === name);
      if (hits.length !== 1) return;
      this.fields['target/id'].control.value = String(hits[0].id);
      if (!ORG_KINDS.has(kind) && hits[0].org != null) this.fields['target/org'].control.value = String(hits[0].org);
    } else {
      hits = [...ix.members.values()].filter((m) => m.name === name);
      if (hits.length !== 1) return;
      this.fields['reviewer/id'].control.value = String(hits[0].id);
      if (hits[0].org != null) this.fields['reviewer/org'].control.value = String(hits[0].org);
    }
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
      issues = validate({ format: 'cxzy-entries/1', entries: [entry] }, { roster: this.roster || undefined, today, locale: this.locale });
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
    return GROUPS.some((g) => g.includes(key) && g.some((k) => this.touched.has(k)));
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
