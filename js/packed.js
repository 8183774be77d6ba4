// The packed boundary of the full module (loaded by `init()`, not part of the embedded form's
// download): a statistics table given as an object crosses into wasm as numbers — its cells as
// one Float64Array, only the names and header fields as JSON text — and `totals` comes back as
// numbers that are turned into SPEC §3.4's view here. Measured against JSON text in
// BENCHMARKS.md; the answers are the same (pkg-tests/node/packed.test.mjs).
// The 20 input fields in column order, and the 25 fields of a computed row after `name`
// (SPEC §3.1); `COVERAGE` marks the four coverages (a computed column whose formula divides).
// They come from the core's columns table (meta().columns), given by `init()` once the wasm is
// loaded: the JS holds no copy of the domain's lists.
let INPUT_FIELDS = [];
let VIEW_FIELDS = [];
let COVERAGE = [];
let SLOT = new Map();
/** @type {Record<string, string | number | null>} */
let ROW = {};

/** js/api.js's `unwrap` (an `{ error }` answer is its `CxzyParseError`), given by `init()`. */
let unwrap;
/** The total row's name (合计: the catalogue's `total`). */
let TOTAL = '';

/** Takes the columns and the total row's name from the core (`meta('zh-CN')`) and `unwrap`; `init()` calls it before any `pack`. */
export function setColumns(meta, unwrapper) {
  unwrap = unwrapper;
  const { columns } = meta;
  TOTAL = meta.phrases.total;
  const rest = columns.slice(1); // after 栏次 甲, the unit's name
  INPUT_FIELDS = rest.filter((c) => c.input).map((c) => c.field);
  VIEW_FIELDS = rest.map((c) => c.field);
  COVERAGE = rest.map((c) => !c.input && String(c.formula).includes('/'));
  SLOT = new Map(INPUT_FIELDS.map((f, i) => [f, i]));
  lastKeys = [];
  ROW = Object.fromEntries(['name', ...VIEW_FIELDS].map((f) => [f, null]));
}
const MAX_PACKED_ROWS = 1000;
// The last row's keys and their slots in `cells` (-1 the name, -2 a key the packed form cannot say).
let lastKeys = /** @type {string[]} */ ([]);
let lastSlots = /** @type {number[]} */ ([]);
const sameKeys = (a, b) => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/**
 * A statistics table object packed for the core: the rows' cells as one Float64Array (NaN where
 * absent or null), the names and the other fields as JSON text — no JSON text of the rows.
 * `null` when the table has anything the packed form cannot say exactly (a key other than `name`
 * and the 20 inputs, a cell that is not a whole number in 0‥2⁵³, more than 1 000 rows): then the
 * document goes as JSON text, and the answer is the same either way.
 */
export function pack(doc) {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc) || doc.format !== 'cxzy-stats/1') return null;
  const rows = doc.rows;
  if (!Array.isArray(rows) || rows.length > MAX_PACKED_ROWS) return null;
  const cells = new Float64Array(rows.length * 20).fill(NaN);
  const names = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r === null || typeof r !== 'object' || Array.isArray(r)) return null;
    names[i] = r.name ?? null;
    const base = i * 20;
    // Its own keys (what JSON.stringify would write), by index: faster than `for … in`. Rows
    // built alike list the same keys in the same order: their slots are looked up once.
    const keys = Object.keys(r);
    if (!sameKeys(keys, lastKeys)) {
      lastKeys = keys;
      lastSlots = keys.map((k) => (k === 'name' ? -1 : SLOT.get(k) ?? -2));
    }
    for (let m = 0; m < keys.length; m++) {
      const j = lastSlots[m];
      if (j === -1) continue;
      if (j === -2) return null;
      const v = r[keys[m]];
      if (v === null || v === undefined) continue;
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0 || Object.is(v, -0)) return null;
      cells[base + j] = v;
    }
  }
  const { rows: _, ...head } = doc;
  return { head: JSON.stringify(head), names: JSON.stringify(names), cells };
}


/** `validate` of a packed table: `Issue[]`. */
export function validate(wasm, p, options) {
  return unwrap(wasm.validatePacked(p.head, p.names, p.cells, options));
}

/**
 * `totals` of a packed table: SPEC §3.4's view.
 * @returns {import('./index.js').TotalsView}
 */
export function totals(wasm, doc, p) {
  const out = new Float64Array((p.cells.length / 20 + 1) * 25);
  return view(doc, unwrap(wasm.totalsPacked(p.names, p.cells, out)), out);
}

// The display strings of 0.0% … 100.0%, made once (a ratio past 100 % is made each time).
const PERCENT = [];
const percent = (p) => (Number.isNaN(p) ? '—' : (PERCENT[p] ?? (p <= 1000 ? (PERCENT[p] = `${Math.floor(p / 10)}.${p % 10}%`) : `${Math.floor(p / 10)}.${p % 10}%`)));

/**
 * One computed row from 25 numbers at `at` in `out`.
 * @returns {import('./index.js').TotalsRow}
 */
function viewRow(name, out, at) {
  // A copy of a row with every key in place (one shape, copied at once), then its values: some
  // 3× faster in V8 than adding 26 properties one by one.
  const row = { ...ROW };
  row.name = name;
  for (let j = 0; j < 25; j++) {
    const x = out[at + j];
    row[VIEW_FIELDS[j]] = COVERAGE[j] ? percent(x) : (Number.isNaN(x) ? null : x);
  }
  return /** @type {import('./index.js').TotalsRow} */ (row);
}

/** `totals`' view from the numbers `totalsPacked` wrote into `out` and the names it changed. */
export function view(doc, renamed, out) {
  const n = out.length / 25 - 1;
  const rows = new Array(n);
  for (let i = 0; i < n; i++) rows[i] = viewRow(renamed[i] ?? doc.rows[i].name, out, (i + 1) * 25);
  return { total: viewRow(TOTAL, out, 0), rows };
}
