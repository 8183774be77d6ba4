// Types of cxzy-form/excel: .xlsx in and out in the browser (loaded on demand by the form).
import type { StatsDoc, Issue, Locale } from './index.js';

/** What the bytes are: `'xlsx'`, `'xls'` (Excel 97–2003, or a password-protected .xlsx), or `null`. */
export function sniffWorkbook(bytes: Uint8Array): 'xlsx' | 'xls' | null;
/** Every worksheet as rows of cell texts (numbers as digits, dates as `YYYY-MM-DD`, merged cells filled), up to the core's `meta().limits.sheetRows` × `sheetCols`: after `init()`. */
export function readXlsxGrids(bytes: Uint8Array): Promise<Array<{ name: string; grid: string[][] }>>;
/** Every worksheet of an Excel 97–2003 .xls (BIFF8), as `readXlsxGrids` gives them (after `init()`). Throws on a damaged or protected file. */
export function readXlsGrids(bytes: Uint8Array): Array<{ name: string; grid: string[][] }>;
/**
 * Reads the statistics table of an .xlsx or .xls workbook (recognised by content) (the first sheet with the 单位名称 header row),
 * laid out as the official form or as `cxzy export`, and checks it. Loads the full wasm (`init()`).
 * Rejects with a clerk-readable Error for a damaged or password-protected file.
 */
export function readXlsx(bytes: Uint8Array | ArrayBuffer, options?: { locale?: Locale }): Promise<{ doc: StatsDoc; issues: Issue[]; sheet: string }>;
/** The table in the official layout (as `cxzy export --xlsx`): the .xlsx file's bytes. */
export function writeXlsx(doc: StatsDoc | string): Promise<Uint8Array>;
/** `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`. */
export const XLSX_TYPE: string;
