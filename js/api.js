// The package's functions (SPEC §8.1) over the wasm API. Values cross into wasm as JSON text
// and come back as JSON text: one boundary format, the documents' own.
//
// Two builds of the same crate ship: `cxzy_form_bg.wasm`, the full API that `init()` loads, and
// `cxzy_stats_bg.wasm`, the statistics form's own module (no review entries, roster, coverage or
// roll-up) that `<cxzy-stats-form>` loads by itself — the embedded form downloads only that.
import statsInit, * as statsModule from './cxzy_stats.js';
import { isoDate } from './dom.js';
/** @import { Doc, Issue, StatsDoc, Roster, Entries, ValidateOptions, CoverageOptions, CoverageResult, AggregateOptions, TotalsView, Locale } from './index.js' */

/**
 * The loaded module: the full one once `init()` ran, else the form's.
 * @type {typeof import('./cxzy_form.js') | typeof import('./cxzy_stats.js') | null}
 */
export let wasm = null;
/** js/packed.js, loaded with the full module: document objects cross into wasm as numbers. */
/** @type {typeof import('./packed.js') | null} */
let packer = null;
/** @type {Promise<void> | null} */
let fullReady = null;
/** @type {Promise<void> | null} */
let statsReady = null;

/**
 * @template T
 * @param {() => Promise<T>} make
 * @returns {Promise<T>}
 */
const once = (make) => {
  const p = make();
  p.catch(() => {});
  return p;
};

/**
 * Loads the full WebAssembly module once. In a browser, `init()` fetches `cxzy_form_bg.wasm`
 * next to this file; in Node pass the bytes:
 * `init({ module_or_path: fs.readFileSync('node_modules/cxzy-form/cxzy_form_bg.wasm') })`.
 */
export default function init(input) {
  if (!fullReady) {
    fullReady = once(() => Promise.all([import('./cxzy_form.js'), import('./packed.js')]).then(async ([m, p]) => {
      await m.default(input);
      wasm = m;
      p.setColumns(unwrap(m.meta('zh-CN')), unwrap);
      packer = p;
    }));
    fullReady.catch(() => { fullReady = null; });
  }
  return fullReady;
}

/** Loads what the form needs: the full module if `init()` was called, else the smaller form module. */
export function initForm(input) {
  if (fullReady) return fullReady;
  if (!statsReady) {
    statsReady = once(() => statsInit(input).then(() => { if (!wasm) wasm = statsModule; }));
    statsReady.catch(() => { statsReady = null; });
  }
  return statsReady;
}

/**
 * The loaded module, or a clear error (it has `fn`: typed as the full module).
 * @param {string} fn
 * @returns {typeof import('./cxzy_form.js')}
 */
function api(fn) {
  if (!wasm) throw new Error('cxzy-form: call `await init()` first');
  if (!wasm[fn]) throw new Error(`cxzy-form: ${fn} is in the full module — call \`await init()\``);
  return /** @type {typeof import('./cxzy_form.js')} */ (wasm);
}

/**
 * A document that cannot be read at all (not JSON, broken CSV): says where, and what kind of
 * failure as the id of its sentence in the core's catalogues (`kind`: `json_value`, `csv_quote`,
 * `too_large`…), which the pages word for the clerk (`parseErrorText`); `message` is English.
 */
export class CxzyParseError extends Error {
  constructor(e) {
    super(e.line ? `line ${e.line}, column ${e.column}: ${e.message}` : e.message);
    this.name = 'CxzyParseError';
    this.line = e.line || 0;
    this.column = e.column || 0;
    this.kind = e.kind || '';
  }
}

/** Reads a `{ ok }` / `{ error }` envelope from the wasm API. */
export function unwrap(text) {
  const r = JSON.parse(text);
  if (r.error) throw new CxzyParseError(r.error);
  return r.ok;
}

/**
 * JSON text of a document given as an object or as text. What is neither (a function, a symbol,
 * a BigInt, a cyclic object) is a `TypeError` that says so, never one about `length` from inside
 * the glue. Past the core's limit (64 MiB, SPEC §7; a UTF-16 length over it is over it in UTF-8 too) it is refused
 * here, before it is copied into the wasm memory: a `CxzyParseError`, never the tab's allocation
 * failing inside the wasm.
 */
export function asText(doc, what = 'the document') {
  let text = doc;
  if (typeof doc !== 'string') {
    try {
      text = JSON.stringify(doc ?? null);
    } catch (e) {
      throw new TypeError(`cxzy-form: ${what} must be an object or JSON text (${e.message})`);
    }
    if (text === undefined) throw new TypeError(`cxzy-form: ${what} must be an object or JSON text, not a ${typeof doc}`);
  }
  const max = maxBytes();
  if (text.length > max) throw new CxzyParseError({ kind: 'too_large', message: `file too large: more than ${max} bytes (at most ${max})` });
  return text;
}

/** @type {number | undefined} */
let knownMax;
/** The core's file-size limit (`meta().limits.maxBytes`, SPEC §7), read once the wasm is in. */
const maxBytes = () => (knownMax ??= /** @type {number} */ (meta().limits.maxBytes));

/** JSON text of an options argument (a non-object is no options). */
const optionsText = (o) => asText(o !== null && typeof o === 'object' ? o : {}, 'the options');

export { isoDate };

const asValue = (v) => (typeof v === 'string' ? unwrap(api('parseJson').parseJson(v)) : v);

/**
 * `validate(doc, { previous, roster, locale, today })` → `Issue[]`.
 * @param {Doc | string} doc
 * @param {ValidateOptions} [options]
 * @returns {Issue[]}
 */
export function validate(doc, options = {}) {
  const o = { ...options };
  o.today = o.today instanceof Date ? isoDate(o.today) : (o.today ?? isoDate());
  if (o.previous != null) o.previous = asValue(o.previous);
  if (o.roster != null) o.roster = asValue(o.roster);
  const p = typeof doc === 'string' ? null : packer?.pack(doc);
  return p ? /** @type {typeof import('./packed.js')} */ (packer).validate(wasm, p, optionsText(o)) : unwrap(api('validateJson').validateJson(asText(doc), optionsText(o)));
}

/**
 * `totals(doc)` → `{ total, rows }` with coverages as display strings (SPEC §3.4).
 * @param {StatsDoc | string} doc
 * @returns {TotalsView}
 */
export function totals(doc) {
  const p = typeof doc === 'string' ? null : packer?.pack(doc);
  return p ? /** @type {typeof import('./packed.js')} */ (packer).totals(wasm, doc, p) : unwrap(api('totalsJson').totalsJson(asText(doc)));
}

/**
 * `coverage(roster, entries, { as_of, batch, unit, locale })` → `{ table, gaps, issues }`.
 * @param {Roster | string} roster
 * @param {Entries | string} entries
 * @param {Partial<CoverageOptions>} [options]
 * @returns {CoverageResult}
 */
export function coverage(roster, entries, options = {}) {
  const o = { ...options };
  if (o.as_of instanceof Date) o.as_of = isoDate(o.as_of);
  return unwrap(api('coverageJson').coverageJson(asText(roster, 'the roster'), asText(entries, 'the entries'), optionsText(o)));
}

/**
 * The roll-up with its issues: `{ doc, issues, refused }`.
 * @param {Array<StatsDoc | string> | string} children
 * @param {Partial<AggregateOptions>} [options]
 * @returns {{ doc: StatsDoc, issues: Issue[], refused: boolean }}
 */
export function aggregateReport(children, options = {}) {
  const list = typeof children === 'string' ? asValue(children) : children;
  if (!Array.isArray(list)) throw new TypeError('cxzy-form: aggregate takes an array of tables (objects or JSON text)');
  const texts = list.map((c, i) => asText(typeof c === 'string' ? asValue(c) : c, `table ${i + 1}`));
  return unwrap(api('aggregateJson').aggregateJson(`[${texts.join(',')}]`, optionsText(options)));
}

/** An error that carries issues (a roll-up refused by A001/A002). */
export class CxzyIssuesError extends Error {
  constructor(message, issues) {
    super(message);
    this.name = 'CxzyIssuesError';
    this.issues = issues;
  }
}

/**
 * `aggregate(children, { unit, batch })` → the parent statistics table. Throws a
 * `CxzyIssuesError` (with `.issues`) when the children cannot be merged (A001, A002).
 * @param {Array<StatsDoc | string>} children
 * @param {Partial<AggregateOptions>} [options]
 * @returns {StatsDoc}
 */
export function aggregate(children, options = {}) {
  const r = aggregateReport(children, options);
  if (r.refused) throw new CxzyIssuesError(r.issues.filter((i) => i.severity === 'error').map((i) => i.message).join('\n'), r.issues);
  return r.doc;
}

/**
 * Text of a file's bytes: UTF-8 (with or without BOM), else GBK as Chinese Excel and WPS save
 * CSV files.
 */
export function decodeText(bytes) {
  return decodeBytes(bytes).text;
}

/**
 * As `decodeText`, with the encoding found: `{ text, encoding: 'utf-8' | 'gbk' }`; `bom` keeps a
 * UTF-8 byte order mark, which tells the CSV reader the file is text however many U+FFFD it has.
 */
export function decodeBytes(bytes, bom) {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: bom }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk' };
  }
}

/**
 * Reads a CSV table (text, or bytes in UTF-8/GBK) and checks it → `{ doc, issues }`. Bytes that
 * are not UTF-8 are read as GBK and say so (info N006); so does text with `{ encoding: 'gbk' }`.
 */
export function readCsv(input, options = {}) {
  let o = options;
  let text = input;
  if (typeof input !== 'string') {
    if (!ArrayBuffer.isView(input) && !(input instanceof ArrayBuffer)) throw new TypeError(`cxzy-form: readCsv takes CSV text or bytes, not a ${input === null ? 'null' : typeof input}`);
    const d = decodeBytes(input, true);
    text = d.text;
    if (d.encoding === 'gbk') o = { ...options, encoding: 'gbk' };
  }
  return unwrap(api('readCsv').readCsv(text, optionsText(o)));
}

/** The table as CSV text (UTF-8 with BOM, zh-CN headers, 合计 first). */
export function writeCsv(doc) {
  return unwrap(api('writeCsv').writeCsv(asText(doc)));
}

/** Parses JSON text, throwing `CxzyParseError` with line and column. */
export function parseJson(text) {
  if (typeof text !== 'string') throw new TypeError(`cxzy-form: parseJson takes JSON text, not a ${text === null ? 'null' : typeof text}`);
  return unwrap(api('parseJson').parseJson(text));
}

/**
 * The columns and presets, from the core's tables.
 * @param {Locale} [locale]
 * @returns {ReturnType<typeof import('./index.js').meta>}
 */
export function meta(locale = 'zh-CN') {
  return unwrap(api('meta').meta(locale));
}

/** A blank table for a preset or a list of row names. */
export function blankDoc(preset = '', rows = []) {
  return JSON.parse(api('blankDoc').blankDoc(preset || '', JSON.stringify(rows || [])));
}

