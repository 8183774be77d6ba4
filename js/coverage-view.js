// The coverage view: what `coverage(roster, entries, …)` found, per unit, with progress bars for
// the “两个全覆盖” (organisations and members reviewed) and the secretaries' coverage and
// participation; then the gap lists — who has not been reviewed yet, and secretaries who reviewed
// nobody — with the names resolved from the roster, a text filter and a CSV export per list.
//
// The percentages come from the core's `totals` (rounded down, “—” for 0 of 0), the same figures
// the statistics form and the CLI show; which bars, which lists and their words come from the
// core's vocabulary (`meta().coverage`), the gap tables (names, kinds, units) from the core's
// `gapTables`. Drawn in the element's Shadow DOM; text only as text.
import { totals, meta } from './index.js';
import * as full from './cxzy_form.js';
import { h, fill } from './dom.js';
import { pickLocale } from './i18n.js';
import css from './review-styles.js';

/** Rows drawn per gap list; the filter narrows, the CSV export always has every match. */
export const GAP_ROWS_SHOWN = 200;


/** The core's coverage vocabulary in the locale: the bars, the gap lists, the word for the totals row, the view's words. */
const vocab = (locale) => {
  const m = /** @type {Required<import('./index.js').Meta>} */ (meta(pickLocale(locale)));
  return { bars: m.coverage.bars, lists: m.coverage.lists, total: m.phrases.total, t: /** @type {Record<string, string>} */ (m.ui.coverage) };
};

/**
 * Per unit and in total: reviewed, total and the displayed percentage of each bar the core names
 * (`meta().coverage.bars`). `[{ name, total: bool, [bar id]: { reviewed, total, percent } }]`,
 * the 合计 row first.
 * @returns {import('./review.js').CoverageRow[]}
 */
export function coverageRows(result, locale) {
  if (!result || !result.table) return [];
  const { bars, total } = vocab(locale);
  const view = totals(result.table);
  const row = (r, isTotal) => {
    const out = /** @type {any} */ ({ name: isTotal ? total : r.name, total: isTotal });
    for (const b of bars) out[b.id] = { reviewed: r[b.reviewed] ?? 0, total: r[b.total] ?? 0, percent: r[b.coverage] };
    return out;
  };
  return [row(view.total, true), ...view.rows.map((r) => row(r, false))];
}

/** The gap tables of a result, `{ [list]: { title, head, rows } }`, built by the core from the roster. */
export function gapTables(result, roster, locale) {
  const text = (v) => (typeof v === 'string' ? v : JSON.stringify(v ?? null));
  return JSON.parse(full.gapTables(text(roster), text((result && result.gaps) || {}), pickLocale(locale)));
}

/** The gap list `kind` (`orgs`, `secretaries`, `members`, `not_reviewing`) as rows of texts, names from the roster. */
export function gapRows(kind, result, roster, locale) {
  const t = gapTables(result, roster, locale)[kind];
  return t ? t.rows : [];
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
export function gapCsv(kind, rows, locale, head) {
  const heads = head || (gapTables(null, null, locale)[kind] || { head: [] }).head;
  const cell = (v) => {
    let s = String(v ?? '');
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[heads, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
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
  const locale = pickLocale(options.locale);
  const uid = `cv${Math.random().toString(36).slice(2, 8)}`;
  const v = vocab(locale);
  const t = v.t;
  let state = { result, roster, tables: {}, lists: {} };
  const timers = new Set();

  const pctCell = (r, b, unit) => {
    const k = b.id;
    const v = r[k];
    const label = `${unit} ${b.label}`;
    const bar = v.total > 0
      ? h('progress', { max: v.total, value: Math.min(v.reviewed, v.total), 'aria-label': label })
      : h('progress', { max: 1, value: 0, 'aria-label': label });
    return h('td', { class: 'bar', 'data-field': k, 'data-reviewed': v.reviewed, 'data-total': v.total },
      bar, h('span', { class: 'fig' }, `${v.reviewed} / ${v.total}`), h('span', { class: 'pct' }, v.percent ?? '—'));
  };

  function table() {
    const rows = coverageRows(state.result, locale);
    const head = h('tr', {}, h('th', { scope: 'col' }, t.unit), ...v.bars.map((b) => h('th', { scope: 'col' }, b.label)));
    const body = rows.map((r) => h('tr', { class: r.total ? 'total' : '' }, h('th', { scope: 'row' }, r.name), ...v.bars.map((b) => pctCell(r, b, r.name))));
    return h('section', { class: 'coverage' },
      h('h2', { id: `${uid}-c` }, t.coverage),
      h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-labelledby': `${uid}-c` }, h('table', { class: 'cov' }, h('thead', {}, head), h('tbody', {}, ...body))));
  }

  function gapList(kind) {
    const g = state.tables[kind] || { title: kind, count: '', head: [], rows: [] };
    const all = g.rows;
    const id = `${uid}-${kind}`;
    const input = h('input', { type: 'search', id: `${id}-q`, placeholder: t.filterPh, autocomplete: 'off', 'data-kind': kind });
    const note = h('p', { class: 'shown', 'aria-live': 'polite' });
    const tbody = h('tbody');
    const heads = g.head;
    const section = h('section', { class: `gap gap-${kind}`, 'data-kind': kind },
      h('h3', { id: `${id}-h` }, g.title, ' ', h('span', { class: 'n' }, fill(t.count, { n: g.count }))),
      h('div', { class: 'gap-tools' }, h('label', { for: input.id }, t.filter), input,
        h('button', { type: 'button', 'data-act': 'csv', 'data-kind': kind }, t.csv)),
      note,
      h('div', { class: 'scroll gap-table', tabindex: 0, role: 'region', 'aria-labelledby': `${id}-h` }, h('table', {}, h('thead', {}, h('tr', {}, ...heads.map((x) => h('th', { scope: 'col' }, x)))), tbody)));
    const list = { all, rows: all, input, note, tbody, section, head: heads, title: g.title };
    const draw = () => {
      list.rows = filterRows(all, input.value);
      const shown = list.rows.slice(0, GAP_ROWS_SHOWN);
      tbody.replaceChildren(...(shown.length ? shown.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, c))))
        : [h('tr', {}, h('td', { colspan: heads.length, class: 'empty' }, t.none))]));
      note.textContent = fill(shown.length < list.rows.length ? t.shownSome : t.shownAll, { n: shown.length, all: list.rows.length });
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
    const text = gapCsv(kind, list.rows, locale, list.head);
    const name = `${[options.unit, list.title].filter(Boolean).join('-').replace(/[\\/:*?"<>|]/g, '_')}.csv`;
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
    state.tables = gapTables(state.result, state.roster || {}, locale);
    state.lists = {};
    root.replaceChildren(h('div', { class: 'cxzy-coverage', lang: locale },
      table(),
      h('section', { class: 'gaps', 'aria-labelledby': `${uid}-g` }, h('h2', { id: `${uid}-g` }, t.gaps), ...v.lists.map(gapList))));
  }
  draw();

  return {
    update(r, ro) { state = { result: r, roster: ro ?? state.roster, tables: {}, lists: {} }; draw(); },
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
