// cxzy-form/excel: .xlsx (and .xls) in, .xlsx out in the browser, loaded only when a clerk opens or saves a
// workbook (the form imports it on demand). Small by design: the zip container is read and
// written here with the browser's own DecompressionStream / CompressionStream('deflate-raw'), the
// XML with DOMParser; the table's layout is recognised by the core (`readSheet` in the full wasm,
// src/core/stats/sheet.rs — the same logic as the CLI's calamine path) and written in the
// official layout of `cxzy export --xlsx` (src/workbook.rs). Tested against openpyxl-made files
// and read back by calamine (pkg-tests/browser/excel.test.mjs).
import init, { totals, meta } from './index.js';
import { isoDate, fill } from './dom.js';
import { pickLocale } from './i18n.js';

// How much of a sheet is read (src/core/stats/sheet.rs) and how large a file may be: the core's
// limits (meta()), so the readers below need the wasm in (`readXlsx` loads it first).
let sheetRows = 0;
let sheetCols = 0;
/** @type {any} */
let known;
const limits = () => {
  known ||= meta().limits;
  ({ sheetRows, sheetCols } = known);
  return known;
};

// ---- zip ----

const u16 = (b, o) => b[o] | (b[o + 1] << 8);
const u32 = (b, o) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

async function pipe(bytes, stream) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

/** The entries of a zip file: name → () => Promise<Uint8Array>. */
function unzip(b) {
  let e = b.length - 22;
  while (e >= 0 && u32(b, e) !== 0x06054b50) e--;
  if (e < 0) throw new Error('not a zip file (no end of central directory)');
  const count = u16(b, e + 10);
  let p = u32(b, e + 16);
  const entries = new Map();
  const names = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw new Error('damaged zip directory');
    const method = u16(b, p + 10);
    const size = u32(b, p + 20);
    const n = u16(b, p + 28);
    const local = u32(b, p + 42);
    const name = names.decode(b.subarray(p + 46, p + 46 + n));
    p += 46 + n + u16(b, p + 30) + u16(b, p + 32);
    entries.set(name.replace(/^\//, ''), async () => {
      if (local + 30 > b.length || u32(b, local) !== 0x04034b50) throw new Error(`damaged zip entry ${name}`);
      const start = local + 30 + u16(b, local + 26) + u16(b, local + 28);
      const data = b.subarray(start, start + size);
      if (method === 0) return data;
      if (method === 8) return pipe(data, new DecompressionStream('deflate-raw'));
      throw new Error(`zip method ${method} not supported`);
    });
  }
  return entries;
}

const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b) {
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = CRC[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip file of `[name, text]` entries, deflated. */
async function zip(files) {
  const enc = new TextEncoder();
  const parts = [];
  const dir = [];
  let offset = 0;
  // 2011-01-16 00:00 in DOS time: fixed, so the same table gives the same bytes.
  const time = 0;
  const date = ((2011 - 1980) << 9) | (1 << 5) | 16;
  for (const [name, text] of files) {
    const raw = enc.encode(text);
    const data = await pipe(raw, new CompressionStream('deflate-raw'));
    const nameBytes = enc.encode(name);
    const head = (sig, extra) => {
      const h = new DataView(new ArrayBuffer(extra));
      h.setUint32(0, sig, true);
      return h;
    };
    const fields = (h, o) => {
      h.setUint16(o, 20, true); // version needed
      h.setUint16(o + 2, 0x0800, true); // UTF-8 names
      h.setUint16(o + 4, 8, true);
      h.setUint16(o + 6, time, true);
      h.setUint16(o + 8, date, true);
      h.setUint32(o + 10, crc32(raw), true);
      h.setUint32(o + 14, data.length, true);
      h.setUint32(o + 18, raw.length, true);
      h.setUint16(o + 22, nameBytes.length, true);
    };
    const local = head(0x04034b50, 30);
    fields(local, 4);
    parts.push(new Uint8Array(local.buffer), nameBytes, data);
    const central = head(0x02014b50, 46);
    central.setUint16(4, 20, true);
    fields(central, 6);
    central.setUint32(42, offset, true);
    dir.push(new Uint8Array(central.buffer), nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const dirSize = dir.reduce((n, d) => n + d.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, files.length, true);
  end.setUint16(10, files.length, true);
  end.setUint32(12, dirSize, true);
  end.setUint32(16, offset, true);
  return new Uint8Array(await new Blob([...parts, ...dir, end.buffer]).arrayBuffer());
}

// ---- reading ----

const xml = (text) => {
  const d = new DOMParser().parseFromString(text, 'application/xml');
  if (d.getElementsByTagName('parsererror').length) throw new Error('damaged XML in the workbook');
  return d;
};
const all = (node, name) => [...node.getElementsByTagNameNS('*', name)];
const attr = (el, name) => el.getAttribute(name);
/** The text of an `<si>` / `<is>`: its `<t>` runs, without phonetic guides (`<rPh>`). */
const runs = (el) => all(el, 't').filter((t) => t.parentNode.localName !== 'rPh').map((t) => t.textContent).join('');

/** `B12` → [11, 1]. */
function ref(r) {
  const m = /^([A-Z]+)(\d+)$/.exec(r || '');
  if (!m) return null;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]) - 1, c - 1];
}

/** Whether number format `id` shows a date: a built-in date id, or a code with y/m/d outside quotes. */
function isDateFormat(id, custom) {
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58)) return true;
  const code = (custom.get(id) || '').replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[ymd]/i.test(code) && !/^[#0.,%E+-]*$/.test(code);
}

/** For each cell style (xf) of styles.xml, whether it shows a date. */
function dateStyles(styles) {
  if (!styles) return [];
  const custom = new Map(all(styles, 'numFmt').map((f) => [Number(attr(f, 'numFmtId')), attr(f, 'formatCode') || '']));
  const xfs = all(styles, 'cellXfs')[0];
  return xfs ? all(xfs, 'xf').map((x) => isDateFormat(Number(attr(x, 'numFmtId') || 0), custom)) : [];
}

/** Integral numbers as digits; other numbers as written (1.5 stays 1.5: R003 says why). */
const numberText = (s) => {
  const v = Number(s);
  return Number.isInteger(v) && Math.abs(v) < 1e15 ? String(v) : s;
};
/** A date cell's serial number (days since 1899-12-30, or 1904-01-01) as `YYYY-MM-DD`. */
function serialDate(s, date1904) {
  return isoDate(new Date(1899, 11, 30 + Math.floor(Number(s)) + (date1904 ? 1462 : 0)));
}

/** Every worksheet of an .xlsx as `{ name, grid }` (rows of cell texts, merged cells filled). */
export async function readXlsxGrids(bytes) {
  limits();
  const files = unzip(bytes);
  const text = async (name) => (files.has(name) ? new TextDecoder().decode(await files.get(name)()) : null);
  const wbText = await text('xl/workbook.xml');
  if (!wbText) throw new Error('no xl/workbook.xml: not an .xlsx workbook');
  const wb = xml(wbText);
  const date1904 = all(wb, 'workbookPr').some((p) => /^(1|true)$/.test(attr(p, 'date1904') || ''));
  const rels = xml((await text('xl/_rels/workbook.xml.rels')) || '<r/>');
  const target = new Map(all(rels, 'Relationship').map((r) => [attr(r, 'Id'), attr(r, 'Target')]));
  const sstText = await text('xl/sharedStrings.xml');
  const sst = sstText ? all(xml(sstText), 'si').map(runs) : [];
  const stylesText = await text('xl/styles.xml');
  const dates = dateStyles(stylesText && xml(stylesText));
  const sheets = [];
  for (const s of all(wb, 'sheet')) {
    const id = s.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id') || attr(s, 'r:id');
    let path = target.get(id) || '';
    path = path.startsWith('/') ? path.slice(1) : `xl/${path}`;
    const sheetText = await text(path.replace(/\/\.\//g, '/'));
    if (!sheetText) continue;
    const doc = xml(sheetText);
    const grid = [];
    let width = 0;
    for (const c of all(doc, 'c')) {
      const at = ref(attr(c, 'r'));
      if (!at || at[0] >= sheetRows || at[1] >= sheetCols) continue;
      const t = attr(c, 't') || 'n';
      const v = all(c, 'v')[0]?.textContent ?? '';
      let value;
      if (t === 's') value = sst[Number(v)] ?? '';
      else if (t === 'inlineStr') value = runs(c);
      else if (t === 'b') value = v === '1' ? 'TRUE' : 'FALSE';
      else if (t === 'str' || t === 'e') value = v;
      else if (v === '') value = '';
      else value = dates[Number(attr(c, 's') || 0)] ? serialDate(v, date1904) : numberText(v);
      (grid[at[0]] ||= [])[at[1]] = value;
      width = Math.max(width, at[1] + 1);
    }
    for (const m of all(doc, 'mergeCell')) {
      const [a, b] = (attr(m, 'ref') || '').split(':').map(ref);
      if (!a || !b) continue;
      const v = grid[a[0]]?.[a[1]] ?? '';
      for (let r = a[0]; r <= Math.min(b[0], sheetRows - 1); r++) {
        for (let k = a[1]; k <= Math.min(b[1], sheetCols - 1); k++) (grid[r] ||= [])[k] = v;
      }
      width = Math.max(width, Math.min(b[1] + 1, sheetCols));
    }
    const rows = Array.from({ length: grid.length }, (_, r) => Array.from({ length: width }, (_, k) => grid[r]?.[k] ?? ''));
    sheets.push({ name: attr(s, 'name'), grid: rows });
  }
  return sheets;
}

// ---- .xls (Excel 97–2003: BIFF8 records in an OLE2 compound file) ----

const END = 0xfffffffa; // sector ids from here up are markers (free, end of chain …)

/** The `Workbook` stream of an OLE2 file. */
function cfbWorkbook(b) {
  const size = 1 << u16(b, 30);
  if (size !== 512 && size !== 4096) throw new Error('damaged OLE2 header');
  const count = Math.ceil((b.length - size) / size);
  const sector = (id) => {
    if (id >= count) throw new Error('sector beyond the end of the file (truncated?)');
    return b.subarray((id + 1) * size, (id + 2) * size);
  };
  const ids = (x) => Array.from({ length: x.length >> 2 }, (_, i) => u32(x, i * 4));
  const fatIds = ids(b.subarray(76, 512)).filter((id) => id < END);
  for (let d = u32(b, 68), hops = 0; d < END; hops++) {
    if (hops > count) throw new Error('DIFAT loop');
    const x = ids(sector(d));
    fatIds.push(...x.slice(0, -1).filter((id) => id < END));
    d = x[x.length - 1];
  }
  const fat = fatIds.flatMap((id) => ids(sector(id)));
  const chain = (start, table, get) => {
    const out = [];
    for (let id = start; id < END; id = table[id]) {
      if (out.length > table.length) throw new Error('sector chain loop');
      out.push(get(id));
    }
    return out;
  };
  const join = (parts, len) => {
    const o = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) { o.set(p, at); at += p.length; }
    return len == null ? o : o.subarray(0, len);
  };
  const dir = join(chain(u32(b, 48), fat, sector));
  const entries = [];
  for (let o = 0; o + 128 <= dir.length; o += 128) {
    const n = Math.max(0, u16(dir, o + 64) - 2);
    let name = '';
    for (let i = 0; i < n; i += 2) name += String.fromCharCode(u16(dir, o + i));
    entries.push({ name, type: dir[o + 66], start: u32(dir, o + 116), size: u32(dir, o + 120) });
  }
  const wb = entries.find((e) => e.type === 2 && (e.name === 'Workbook' || e.name === 'Book'));
  if (!wb) throw new Error(entries.some((e) => e.name === 'EncryptedPackage') ? 'password' : 'no Workbook stream');
  if (wb.size >= u32(b, 56)) return join(chain(wb.start, fat, sector), wb.size);
  // A small stream lives in the mini stream (64-byte sectors inside the root entry's stream).
  const mini = join(chain(entries[0].start, fat, sector));
  const minifat = ids(join(chain(u32(b, 60), fat, sector)));
  return join(chain(wb.start, minifat, (id) => mini.subarray(id * 64, id * 64 + 64)), wb.size);
}

/** The worksheets of an .xls as `{ name, grid }`, like readXlsxGrids. */
export function readXlsGrids(bytes) {
  limits();
  const w = cfbWorkbook(bytes);
  const view = new DataView(w.buffer, w.byteOffset, w.byteLength);
  const records = [];
  for (let o = 0; o + 4 <= w.length;) {
    const len = u16(w, o + 2);
    records.push({ type: u16(w, o), at: o, data: w.subarray(o + 4, o + 4 + len) });
    o += 4 + len;
  }
  // A string: characters (Latin-1 or UTF-16 by a flag byte), possibly over CONTINUE records,
  // each of which starts with the flag byte again; rich-text runs and phonetic data skipped.
  const latin1 = new TextDecoder('latin1');
  const utf16 = new TextDecoder('utf-16le');
  function reader(parts) {
    let k = 0;
    let o = 0;
    const byte = () => {
      while (o >= parts[k].length) { k++; o = 0; if (k >= parts.length) throw new Error('damaged string table'); }
      return parts[k][o++];
    };
    const word = () => byte() | (byte() << 8);
    const dword = () => (word() | (word() << 16)) >>> 0;
    const skip = (n) => { for (let i = 0; i < n; i++) byte(); };
    const str = (cch) => {
      let flags = byte();
      const runs = flags & 8 ? word() : 0;
      const ext = flags & 4 ? dword() : 0;
      let text = '';
      for (let left = cch; left > 0;) {
        if (o >= parts[k].length) { k++; o = 0; if (k >= parts.length) throw new Error('damaged string'); flags = parts[k][o++]; }
        const wide = flags & 1 ? 2 : 1;
        const n = Math.min(left, Math.floor((parts[k].length - o) / wide));
        if (n === 0) throw new Error('damaged string');
        const chunk = parts[k].subarray(o, o + n * wide);
        text += wide === 2 ? utf16.decode(chunk) : latin1.decode(chunk);
        o += n * wide;
        left -= n;
      }
      skip(runs * 4 + ext);
      return text;
    };
    return { byte, word, dword, str };
  }
  const sst = [];
  const formats = new Map();
  const xfFormat = [];
  const sheets = [];
  let date1904 = false;
  for (let i = 0; i < records.length; i++) {
    const { type, data } = records[i];
    if (type === 0x002f) throw new Error('password');
    if (type === 0x0022) date1904 = u16(data, 0) === 1;
    if (type === 0x041e) formats.set(u16(data, 0), reader([data.subarray(4)]).str(u16(data, 2)));
    if (type === 0x00e0) xfFormat.push(u16(data, 2));
    if (type === 0x0085) sheets.push({ pos: u32(data, 0), kind: data[5], name: reader([data.subarray(7)]).str(data[6]) });
    if (type === 0x00fc) {
      const parts = [data.subarray(8)];
      while (records[i + 1]?.type === 0x003c) parts.push(records[++i].data);
      const r = reader(parts);
      const n = u32(data, 4);
      for (let j = 0; j < n; j++) sst.push(r.str(r.word()));
    }
    if (type === 0x000a) break; // end of the workbook globals
  }
  const dates = xfFormat.map((f) => isDateFormat(f, formats));
  const rk = (v) => {
    let x;
    if (v & 2) x = v >> 2;
    else { const d = new DataView(new ArrayBuffer(8)); d.setUint32(4, v & 0xfffffffc, true); x = d.getFloat64(0, true); }
    return v & 1 ? x / 100 : x;
  };
  return sheets.filter((s) => s.kind === 0).map((s) => {
    const grid = [];
    let width = 0;
    const put = (r, c, v) => {
      if (r >= sheetRows || c >= sheetCols) return;
      (grid[r] ||= [])[c] = v;
      width = Math.max(width, c + 1);
    };
    const num = (r, c, xf, x) => put(r, c, dates[xf] ? serialDate(String(x), date1904) : numberText(String(x)));
    const merges = [];
    /** @type {number[] | null} */
    let pending = null;
    const start = records.findIndex((rec) => rec.at === s.pos);
    for (let i = start < 0 ? records.length : start + 1; i < records.length; i++) {
      const { type, data } = records[i];
      if (type === 0x000a) break;
      const r = u16(data, 0);
      const c = u16(data, 2);
      const xf = u16(data, 4);
      if (type === 0x00fd) put(r, c, sst[u32(data, 6)] ?? '');
      else if (type === 0x0204) put(r, c, reader([data.subarray(8)]).str(u16(data, 6)));
      else if (type === 0x0203) num(r, c, xf, view.getFloat64(data.byteOffset - w.byteOffset + 6, true));
      else if (type === 0x027e) num(r, c, xf, rk(u32(data, 6)));
      else if (type === 0x00bd) {
        const lastCol = u16(data, data.length - 2);
        for (let k = 0; c + k <= lastCol && 10 + k * 6 <= data.length - 2; k++) num(r, c + k, u16(data, 4 + k * 6), rk(u32(data, 6 + k * 6)));
      } else if (type === 0x0205) put(r, c, data[7] ? `#${data[6]}` : (data[6] ? 'TRUE' : 'FALSE'));
      else if (type === 0x0006) {
        if (u16(data, 12) !== 0xffff) num(r, c, xf, view.getFloat64(data.byteOffset - w.byteOffset + 6, true));
        else if (data[6] === 0) pending = [r, c];
        else if (data[6] === 1) put(r, c, data[8] ? 'TRUE' : 'FALSE');
      } else if (type === 0x0207 && pending) {
        put(pending[0], pending[1], reader([data.subarray(2)]).str(u16(data, 0)));
        pending = null;
      } else if (type === 0x00e5) {
        for (let k = 0; k < u16(data, 0); k++) merges.push([u16(data, 2 + k * 8), u16(data, 4 + k * 8), u16(data, 6 + k * 8), u16(data, 8 + k * 8)]);
      }
    }
    for (const [r0, r1, c0, c1] of merges) {
      const v = grid[r0]?.[c0] ?? '';
      for (let r = r0; r <= Math.min(r1, sheetRows - 1); r++) for (let c = c0; c <= Math.min(c1, sheetCols - 1); c++) put(r, c, v);
    }
    return { name: s.name, grid: Array.from({ length: grid.length }, (_, r) => Array.from({ length: width }, (_, k) => grid[r]?.[k] ?? '')) };
  });
}

/** What kind of file the bytes are: 'xlsx', 'xls' (Excel 97–2003, or a password-protected .xlsx), or null. */
export function sniffWorkbook(b) {
  if (b.length >= 4 && u32(b, 0) === 0x04034b50) return 'xlsx';
  if (b.length >= 8 && u32(b, 0) === 0xe011cfd0 && u32(b, 4) === 0xe11ab1a1) return 'xls';
  return null;
}

/**
 * Reads the statistics table of an .xlsx or .xls workbook (by content; the first sheet with the
 * column header row) and checks it → `{ doc, issues, sheet }`. Throws an Error with a
 * clerk-readable message for a damaged or password-protected file.
 */
export async function readXlsx(bytes, options = {}) {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  await init();
  const { maxBytes } = limits();
  if (b.length > maxBytes) throw new Error(`${b.length} > ${maxBytes} bytes`);
  const kind = sniffWorkbook(b);
  const locale = pickLocale(options.locale);
  const t = /** @type {Record<string, string>} */ (meta(locale).ui.excel);
  if (!kind) throw new Error(t.notWorkbook);
  let sheets;
  try {
    sheets = kind === 'xls' ? readXlsGrids(b) : await readXlsxGrids(b);
  } catch (e) {
    if (e.message === 'password') throw new Error(t.password);
    throw new Error(fill(t.damaged, { why: e.message }));
  }
  await init();
  const m = await import('./cxzy_form.js');
  /** @type {string | null} */
  let first = null;
  for (const s of sheets) {
    const r = JSON.parse(m.readSheet(JSON.stringify(s.grid), JSON.stringify(options)));
    if (r.ok) return { ...r.ok, sheet: s.name };
    // Why, in the clerk's words (the core's catalogue): 没有找到以“单位名称”开头的栏目行.
    first ||= `${s.name}: ${m.parseErrorText(r.error.line, r.error.column, r.error.message, locale, r.error.kind || '')}`;
  }
  throw new Error(first || t.noSheet);
}

// ---- writing: the official layout of `cxzy export --xlsx` (src/workbook.rs) ----

const esc = (s) => String(s).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const colName = (c) => {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
const cellRef = (r, c) => `${colName(c)}${r + 1}`;
const width = (s) => [...String(s)].reduce((n, ch) => n + (/** @type {number} */ (ch.codePointAt(0)) < 0x1100 ? 1 : 2), 0);

// Style indices of styles.xml below.
const S = { title: 1, label: 2, value: 3, date: 4, head: 5, name: 6, count: 7, percent: 8, totalName: 9, totalCount: 10, totalPercent: 11, wrap: 12, text: 13 };
/** The styles: the layout's font and date format are the catalogue's (`ui.excel`). @param {Record<string, string>} t */
const styles = (t) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="${esc(t.dateFormat)}"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>
<fonts count="3"><font><sz val="10.5"/><name val="${esc(t.font)}"/><charset val="134"/></font><font><b/><sz val="18"/><name val="${esc(t.font)}"/><charset val="134"/></font><font><b/><sz val="10.5"/><name val="${esc(t.font)}"/><charset val="134"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="3"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border><border><left/><right/><top/><bottom style="thin"/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="14">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="right"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="2" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="left"/></xf>
<xf numFmtId="164" fontId="0" fillId="0" borderId="2" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="left"/></xf>
<xf numFmtId="0" fontId="2" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>
<xf numFmtId="1" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>
<xf numFmtId="165" fontId="0" fillId="2" borderId="1" xfId="0" applyNumberFormat="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="right" vertical="center"/></xf>
<xf numFmtId="0" fontId="2" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>
<xf numFmtId="1" fontId="2" fillId="2" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>
<xf numFmtId="165" fontId="2" fillId="2" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="right" vertical="center"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

/** An Excel serial day of an ISO date (null when the text is not one). */
function serial(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || '');
  if (!m) return null;
  return (Date.UTC(+m[1], +m[2] - 1, +m[3]) - Date.UTC(1899, 11, 30)) / 86400000;
}

/** The official layout as an .xlsx file (bytes): the same sheet as `cxzy export --xlsx`. */
export async function writeXlsx(docOrText) {
  const doc = typeof docOrText === 'string' ? JSON.parse(docOrText) : docOrText;
  // totals() is the full module's (as reading a workbook, saving one loads it).
  await init();
  // The official layout's words are zh-CN's, from the core's catalogue.
  const m = meta('zh-CN');
  const cols = m.columns;
  const presets = m.presets;
  const t = { ...m.ui.form, ...m.ui.excel };
  const word = (list, id) => (m.lists[list].find((w) => w.id === id) || { label: id }).label;
  const label = (list, id) => `${word(list, id)}${t.colon}`;
  const sheetName = word('format', 'cxzy-stats/1');
  const view = totals(doc);
  const rows = new Map(); // row → Map(col → xml)
  const merges = [];
  const put = (r, c, x) => { if (!rows.has(r)) rows.set(r, new Map()); rows.get(r).set(c, x); };
  const str = (r, c, s, st) => put(r, c, `<c r="${cellRef(r, c)}" s="${st}" t="inlineStr"><is><t xml:space="preserve">${esc(s)}</t></is></c>`);
  const num = (r, c, v, st) => put(r, c, `<c r="${cellRef(r, c)}" s="${st}"><v>${v}</v></c>`);
  const blank = (r, c, st) => put(r, c, `<c r="${cellRef(r, c)}" s="${st}"/>`);
  const formula = (r, c, f, v, st) => put(r, c, v == null ? `<c r="${cellRef(r, c)}" s="${st}"><f>${esc(f)}</f></c>`
    : typeof v === 'number' ? `<c r="${cellRef(r, c)}" s="${st}"><f>${esc(f)}</f><v>${v}</v></c>`
      : `<c r="${cellRef(r, c)}" s="${st}" t="str"><f>${esc(f)}</f><v>${esc(v)}</v></c>`);
  const merge = (r0, c0, r1, c1, st) => {
    merges.push(`${cellRef(r0, c0)}:${cellRef(r1, c1)}`);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) if (!(r === r0 && c === c0)) blank(r, c, st);
  };
  const last = cols.length - 1;
  const text = (v) => (v == null ? '' : String(v));
  const field = (r, c, label, labelSpan, value, span) => {
    str(r, c, label, S.label);
    if (labelSpan > 1) merge(r, c, r, c + labelSpan - 1, S.label);
    const vc = c + labelSpan;
    const day = serial(value);
    if (day != null) num(r, vc, day, S.date);
    else if (typeof value === 'number' && Number.isInteger(value)) num(r, vc, value, S.value);
    else str(r, vc, text(value), S.value);
    if (span > 1) merge(r, vc, r, vc + span - 1, day != null ? S.date : S.value);
    return vc + span;
  };

  str(0, 0, t.title, S.title);
  merge(0, 0, 0, last, S.title);
  const preset = presets.find((p) => p.id === doc.preset);
  str(1, 0, `${t.receiver}${preset ? preset.receiver : ''}`, 0);
  merge(1, 0, 1, last, 0);
  let c = field(2, 0, label('header', 'unit'), 1, doc.unit, 5);
  c = field(2, c, label('header', 'batch'), 2, doc.batch, 1);
  c = field(2, c, label('header', 'as_of'), 3, doc.as_of, 3);
  c = field(2, c, label('header', 'filed_on'), 2, doc.filed_on, 3);
  if (doc.deadline != null) field(2, c, label('header', 'deadline'), 3, doc.deadline, 3);

  for (let j = 0; j < cols.length;) {
    const col = cols[j];
    if (!col.group) {
      str(4, j, col.label, S.head);
      merge(4, j, 5, j, S.head);
      j++;
      continue;
    }
    let end = j;
    while (end + 1 < cols.length && cols[end + 1].group === col.group) end++;
    str(4, j, col.group, S.head);
    if (end > j) merge(4, j, 4, end, S.head);
    for (let k = j; k <= end; k++) str(5, k, cols[k].label, S.head);
    j = end + 1;
  }
  cols.forEach((col, j) => str(6, j, col.formula ? `${col.no}=${col.formula}` : col.no, S.head));

  // Computed columns from their formulas in the 栏次 row (`2/1`, `17+18+19+20`).
  const byNo = new Map(cols.map((col, j) => [col.no, j]));
  const computedCell = (r, j, col, values, bold) => {
    const ratio = /^(\d+)\/(\d+)$/.exec(col.formula);
    if (ratio) {
      const [n, d] = /** @type {number[]} */ ([byNo.get(ratio[1]), byNo.get(ratio[2])]);
      const [nv, dv] = [values[cols[n].field], values[cols[d].field]];
      const v = typeof nv === 'number' && typeof dv === 'number' ? (dv === 0 ? '—' : Math.floor((nv * 1000) / dv) / 1000) : null;
      formula(r, j, `IF(${cellRef(r, d)}=0,"—",ROUNDDOWN(${cellRef(r, n)}/${cellRef(r, d)},3))`, v, bold ? S.totalPercent : S.percent);
    } else {
      const parts = col.formula.split('+').map((p) => byNo.get(p));
      const vals = parts.map((k) => values[cols[k].field]);
      const v = vals.every((x) => typeof x === 'number') ? vals.reduce((a, b) => a + b, 0) : null;
      formula(r, j, `SUM(${parts.map((k) => cellRef(r, k)).join(',')})`, v, bold ? S.totalCount : S.count);
    }
  };

  const n = doc.rows.length;
  str(7, 0, m.phrases.total, S.totalName);
  cols.forEach((col, j) => {
    if (j === 0) return;
    if (!col.input) computedCell(7, j, col, view.total, true);
    else if (n === 0) formula(7, j, '0', 0, S.totalCount);
    else formula(7, j, `SUM(${cellRef(8, j)}:${cellRef(8 + n - 1, j)})`, view.total[col.field], S.totalCount);
  });
  let nameWidth = width(cols[0].label);
  doc.rows.forEach((row, i) => {
    const r = 8 + i;
    nameWidth = Math.max(nameWidth, width(row.name || ''));
    str(r, 0, row.name || '', S.name);
    const values = view.rows[i];
    cols.forEach((col, j) => {
      if (j === 0) return;
      if (!col.input) { computedCell(r, j, col, values, false); return; }
      const v = row[col.field];
      if (typeof values[col.field] === 'number') num(r, j, values[col.field], S.count);
      else if (v == null || v === '') blank(r, j, S.count);
      else str(r, j, text(v), S.text);
    });
  });

  const foot = 8 + n + 1;
  c = field(foot, 0, label('header', 'principal'), 1, doc.principal, 3);
  c = field(foot, c, label('header', 'preparer'), 2, doc.preparer, 3);
  c = field(foot, c, label('header', 'phone'), 2, doc.phone, 4);
  field(foot, c, `${t.reported_on}${t.colon}`, 2, doc.filed_on, 3);
  let r = foot + 2;
  const heights = new Map([[0, 30], [4, 30], [5, 58]]);
  const hidden = new Set();
  for (const key of ['overview', 'practices', 'examples', 'notes']) {
    const v = key === 'notes' ? doc.notes : doc.report?.[key];
    if (v == null) continue;
    str(r, 0, key === 'notes' ? label('header', key) : label('report', key), S.label);
    str(r, 1, text(v), S.wrap);
    merge(r, 1, r, last, S.wrap);
    heights.set(r, 15 * Math.min(30, Math.floor(width(text(v)) / 120) + 1 + (text(v).match(/\n/g) || []).length));
    r++;
  }
  if (doc.preset) {
    str(r + 1, 0, word('header', 'preset'), 0);
    str(r + 1, 1, doc.preset, 0);
    hidden.add(r + 1);
  }

  const digits = Math.max(4, ...cols.slice(1).map((col) => String(view.total[col.field] ?? '').length));
  const widths = cols.map((col, j) => (j === 0 ? Math.max(12, nameWidth + 2)
    : Math.min(16, Math.max(6, Math.ceil(width(col.label) / 4) + 1, digits + 3, col.no.length + col.formula.length + 2))));
  const sheetRows = [...rows.keys()].sort((a, b) => a - b).map((ri) => {
    const cells = [...rows.get(ri).entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]).join('');
    const h = heights.has(ri) ? ` ht="${heights.get(ri)}" customHeight="1"` : '';
    return `<row r="${ri + 1}"${h}${hidden.has(ri) ? ' hidden="1"' : ''}>${cells}</row>`;
  }).join('');
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>
<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane xSplit="1" ySplit="8" topLeftCell="B9" activePane="bottomRight" state="frozen"/><selection pane="bottomRight" activeCell="B9" sqref="B9"/></sheetView></sheetViews>
<sheetFormatPr defaultRowHeight="15"/>
<cols>${widths.map((w, j) => `<col min="${j + 1}" max="${j + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>
<sheetData>${sheetRows}</sheetData>
<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>
<printOptions horizontalCentered="1"/>
<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>
<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>
<headerFooter><oddFooter>&amp;C${esc(fill(t.footer, { page: '&P', pages: '&N' }))}</oddFooter></headerFooter>
</worksheet>`;
  const ns = 'http://schemas.openxmlformats.org';
  return zip([
    ['[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets><sheet name="${esc(sheetName)}" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'${esc(sheetName)}'!$5:$7</definedName></definedNames></workbook>`],
    ['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${ns}/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`],
    ['xl/styles.xml', styles(t)],
    ['xl/worksheets/sheet1.xml', sheet],
  ]);
}

/** MIME type of .xlsx files. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
