// The coverage view: what `coverage(roster, entries, …)` found, per unit, with progress bars for
// the “两个全覆盖” (organisations and members reviewed) and the secretaries' coverage and
// participation; then the gap lists — who has not been reviewed yet, and secretaries who reviewed
// nobody — with the names resolved from the roster, a text filter and a CSV export per list.
//
// The percentages come from the core's `totals` (rounded down, “—” for 0 of 0), the same figures
// the statistics form and the CLI show. Drawn in the element's Shadow DOM; text only as text.
import { totals } from './index.js';
import { indexRoster, REVIEW_TEXT } from './review-entry.js';
import { h } from './dom.js';
import css from './review-styles.js';

/** Rows drawn per gap list; the filter narrows, the CSV export always has every match. */
export const GAP_ROWS_SHOWN = 200;

const TEXT = {
  'zh-CN': {
    coverage: '点评覆盖情况', unit: '单位', total: '合计',
    orgs: '基层党组织已点评', secretaries: '书记已被点评', members: '党员已点评', participation: '书记参与点评',
    gaps: '尚未覆盖名单', filter: '筛选', filterPh: '输入姓名、编号、组织或单位', csv: '导出 CSV',
    lists: { orgs: '未点评的基层党组织', secretaries: '未被点评的书记', members: '未点评的党员', not_reviewing: '未参与点评的书记' },
    shown: (n, all) => (n < all ? `显示前 ${n} 条，共 ${all} 条（导出包含全部）` : `共 ${all} 条`), none: '无',
    count: (n) => `${n} 个`, people: (n) => `${n} 名`,
    head: {
      orgs: ['编号', '名称', '类别', '上级党组织', '单位', '书记'],
      secretaries: ['编号', '姓名', '担任书记的党组织', '单位'],
      members: ['编号', '姓名', '所在党组织', '流动党员', '单位'],
      not_reviewing: ['编号', '姓名', '担任书记的党组织', '单位'],
    },
    yes: '是', no: '',
  },
  en: {
    coverage: 'Review coverage', unit: 'Unit', total: 'Total',
    orgs: 'Organisations reviewed', secretaries: 'Secretaries reviewed', members: 'Members reviewed', participation: 'Secretaries reviewing',
    gaps: 'Not yet covered', filter: 'Filter', filterPh: 'Name, id, organisation or unit', csv: 'Export CSV',
    lists: { orgs: 'Organisations not reviewed', secretaries: 'Secretaries not reviewed', members: 'Members not reviewed', not_reviewing: 'Secretaries who reviewed nobody' },
    shown: (n, all) => (n < all ? `First ${n} of ${all} shown (the export has all)` : `${all} in all`), none: 'None',
    count: (n) => `${n}`, people: (n) => `${n}`,
    head: {
      orgs: ['Id', 'Name', 'Kind', 'Parent', 'Unit', 'Secretary'],
      secretaries: ['Id', 'Name', 'Secretary of', 'Unit'],
      members: ['Id', 'Name', 'Organisation', 'Mobile', 'Unit'],
      not_reviewing: ['Id', 'Name', 'Secretary of', 'Unit'],
    },
    yes: 'yes', no: '',
  },
};
const KEYS = ['orgs', 'secretaries', 'members', 'not_reviewing'];
/** The bars: [label key, reviewed column, total column, computed column of the form]. */
const BARS = [
  ['orgs', 'orgs_reviewed', 'orgs_total', 'orgs_coverage'],
  ['secretaries', 'secretaries_reviewed', 'secretaries_total', 'secretaries_coverage'],
  ['members', 'members_reviewed', 'members_total', 'members_coverage'],
  ['participation', 'secretaries_reviewing', 'secretaries_total', 'secretaries_participation'],
];
const pick = (l) => (/^en\b/i.test(l || '') ? 'en' : 'zh-CN');

/**
 * Per unit and in total: reviewed, total and the displayed percentage of the four bars.
 * `[{ name, total: bool, orgs: { reviewed, total, percent }, secretaries, members, participation }]`,
 * the 合计 row first.
 */
export function coverageRows(result, locale) {
  const t = TEXT[pick(locale)];
  if (!result || !result.table) return [];
  const view = totals(result.table);
  const row = (r, isTotal) => {
    const out = { name: isTotal ? t.total : r.name, total: isTotal };
    for (const [k, n, d, pct] of BARS) out[k] = { reviewed: r[n] ?? 0, total: r[d] ?? 0, percent: r[pct] };
    return out;
  };
  return [row(view.total, true), ...view.rows.map((r) => row(r, false))];
}

/** The gap list `kind` (`orgs`, `secretaries`, `members`, `not_reviewing`) as rows of texts, names from the roster. */
export function gapRows(kind, result, roster, locale) {
  const t = TEXT[pick(locale)];
  const kinds = REVIEW_TEXT[pick(locale)].kinds;
  const ix = roster && roster.orgs instanceof Map ? roster : indexRoster(roster || {});
  const ids = (result && result.gaps && result.gaps[kind]) || [];
  const orgName = (id) => (id == null ? '' : (ix.orgs.get(String(id)) || {}).name || String(id));
  const unitOfMember = (m) => (m ? ix.unitOf(ix.orgs.get(String(m.org))) : '');
  return ids.map((raw) => {
    const id = String(raw);
    if (kind === 'orgs') {
      const o = ix.orgs.get(id) || {};
      const sec = o.secretary == null ? null : ix.members.get(String(o.secretary));
      return [id, o.name || '', kinds[o.kind] || o.kind || '', orgName(o.parent), ix.unitOf(o), sec ? sec.name : ''];
    }
    const m = ix.members.get(id);
    if (kind === 'members') return [id, m ? m.name : '', orgName(m && m.org), m && m.mobile === true ? t.yes : t.no, unitOfMember(m)];
    const of = ix.secretaryOf.get(id);
    return [id, m ? m.name : '', of ? of.name : '', of ? ix.unitOf(of) : unitOfMember(m)];
  });
}

/** Rows whose text contains `query` (case-insensitive, spaces ignored at the ends). */
export function filterRows(rows, query) {
  const q = String(query || '').trim().toLowerCase();
  if (!q) return rows;
  return rows.filter((r) => r.some((c) => String(c).toLowerCase().includes(q)));
}

/**
 * CSV text of a gap list: UTF-8 with BOM (Excel and WPS then read the Chinese), the locale's
 * headers, CRLF. A cell starting with = + - @ gets a leading apostrophe so a spreadsheet does not
 * run a name as a formula.
 */
export function gapCsv(kind, rows, locale) {
  const t = TEXT[pick(locale)];
  const cell = (v) => {
    let s = String(v ?? '');
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[t.head[kind], ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/**
 * Draws the coverage result into `element` (its open Shadow DOM): the per-unit table with bars and
 * the four gap lists. Returns `{ update(result, roster), filter(kind, text), destroy() }`.
 * `options`: `{ locale, unit }`; `unit` names the CSV files.
 */
export function renderCoverage(element, result, roster, options = {}) {
  const root = element.shadowRoot || element.attachShadow({ mode: 'open' });
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function') {
    const s = new CSSStyleSheet();
    s.replaceSync(css);
    root.adoptedStyleSheets = [s];
  }
  const locale = pick(options.locale);
  const t = TEXT[locale];
  const uid = `cv${Math.random().toString(36).slice(2, 8)}`;
  let state = { result, roster, index: null, lists: {} };
  const timers = new Set();

  const pctCell = (r, k, unit) => {
    const v = r[k];
    const label = `${unit} ${t[k]}`;
    const bar = v.total > 0
      ? h('progress', { max: v.total, value: Math.min(v.reviewed, v.total), 'aria-label': label })
      : h('progress', { max: 1, value: 0, 'aria-label': label });
    return h('td', { class: 'bar', 'data-field': k, 'data-reviewed': v.reviewed, 'data-total': v.total },
      bar, h('span', { class: 'fig' }, `${v.reviewed} / ${v.total}`), h('span', { class: 'pct' }, v.percent ?? '—'));
  };

  function table() {
    const rows = coverageRows(state.result, locale);
    const head = h('tr', {}, h('th', { scope: 'col' }, t.unit), ...BARS.map(([k]) => h('th', { scope: 'col' }, t[k])));
    const body = rows.map((r) => h('tr', { class: r.total ? 'total' : '' }, h('th', { scope: 'row' }, r.name), ...BARS.map(([k]) => pctCell(r, k, r.name))));
    return h('section', { class: 'coverage' },
      h('h2', { id: `${uid}-c` }, t.coverage),
      h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-labelledby': `${uid}-c` }, h('table', { class: 'cov' }, h('thead', {}, head), h('tbody', {}, ...body))));
  }

  function gapList(kind) {
    const all = gapRows(kind, state.result, state.index, locale);
    const id = `${uid}-${kind}`;
    const input = h('input', { type: 'search', id: `${id}-q`, placeholder: t.filterPh, autocomplete: 'off', 'data-kind': kind });
    const note = h('p', { class: 'shown', 'aria-live': 'polite' });
    const tbody = h('tbody');
    const heads = t.head[kind];
    const section = h('section', { class: `gap gap-${kind}`, 'data-kind': kind },
      h('h3', { id: `${id}-h` }, t.lists[kind], ' ', h('span', { class: 'n' }, `（${kind === 'orgs' ? t.count(all.length) : t.people(all.length)}）`)),
      h('div', { class: 'gap-tools' }, h('label', { for: input.id }, t.filter), input,
        h('button', { type: 'button', 'data-act': 'csv', 'data-kind': kind }, t.csv)),
      note,
      h('div', { class: 'scroll gap-table', tabindex: 0, role: 'region', 'aria-labelledby': `${id}-h` }, h('table', {}, h('thead', {}, h('tr', {}, ...heads.map((x) => h('th', { scope: 'col' }, x)))), tbody)));
    const list = { all, rows: all, input, note, tbody, section };
    const draw = () => {
      list.rows = filterRows(all, input.value);
      const shown = list.rows.slice(0, GAP_ROWS_SHOWN);
      tbody.replaceChildren(...(shown.length ? shown.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, c))))
        : [h('tr', {}, h('td', { colspan: heads.length, class: 'empty' }, t.none))]));
      note.textContent = t.shown(shown.length, list.rows.length);
    };
    list.draw = draw;
    input.addEventListener('input', draw);
    draw();
    state.lists[kind] = list;
    return section;
  }

  function exportCsv(kind) {
    const list = state.lists[kind];
    if (!list) return;
    const text = gapCsv(kind, list.rows, locale);
    const name = `${[options.unit, t.lists[kind]].filter(Boolean).join('-').replace(/[\\/:*?"<>|]/g, '_')}.csv`;
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    const a = h('a', { href: url, download: name, hidden: true });
    root.append(a);
    a.click();
    a.remove();
    const tm = setTimeout(() => { URL.revokeObjectURL(url); timers.delete(tm); }, 1000);
    timers.add(tm);
    element.dispatchEvent(new CustomEvent('cxzy-export', { detail: { name, text, type: 'text/csv' }, bubbles: true, composed: true }));
  }

  const onClick = (e) => {
    const b = e.target.closest('button[data-act=csv]');
    if (b) exportCsv(b.dataset.kind);
  };
  root.addEventListener('click', onClick);

  function draw() {
    state.index = indexRoster(state.roster || {});
    state.lists = {};
    root.replaceChildren(h('div', { class: 'cxzy-coverage', lang: locale },
      table(),
      h('section', { class: 'gaps', 'aria-labelledby': `${uid}-g` }, h('h2', { id: `${uid}-g` }, t.gaps), ...KEYS.map(gapList))));
  }
  draw();

  return {
    update(r, ro) { state = { result: r, roster: ro ?? state.roster, index: null, lists: {} }; draw(); },
    filter(kind, text) {
      const l = state.lists[kind];
      if (l) { l.input.value = text; l.draw(); }
      return l ? l.rows : [];
    },
    exportCsv,
    destroy() {
      root.removeEventListener('click', onClick);
      for (const tm of timers) clearTimeout(tm);
      root.replaceChildren();
    },
  };
}
