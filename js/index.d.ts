// Types of the cxzy-form package (SPEC §3, §5, §6, §8.1). Field names are a public contract.

/** How serious an issue is: `error` blocks submission, `warning` needs a look, `info` reports a normalisation. */
export type Severity = 'error' | 'warning' | 'info';

/** One finding of a check (SPEC §5). */
export interface Issue {
  /** Stable code: one letter (T table, R row, P previous batch, A roll-up, E entry, O roster, F frequency, N normalisation, X limits) and a number, e.g. `R010`. */
  code: string;
  /** `error`, `warning` or `info`. */
  severity: Severity;
  /** JSON Pointer (RFC 6901) into the checked document, e.g. `/rows/3/orgs_reviewed`. */
  path: string;
  /** Other fields involved, as JSON Pointers (absent when none). */
  related?: string[];
  /** The message in the requested locale (zh-CN by default). */
  message: string;
  /** The values involved (e.g. `{ reviewed: 1250, total: 1200 }`), as used by the message. */
  params: Record<string, string | number | boolean | null>;
}

/** A count cell: an integer, or what was typed when it is not one (kept so nothing typed is lost). */
export type CountCell = number | string | null;

/** One row of the statistics table (SPEC §3.1): a sub-unit. */
export interface StatsRow {
  /** 栏次 甲: the unit's name (required, unique, ≤ 64 characters). */
  name?: string;
  /** 1 基层党组织总数(个). */ orgs_total?: CountCell;
  /** 2 已点评基层党组织(个). */ orgs_reviewed?: CountCell;
  /** 4 其中“两新”组织党组织数量(个). */ new_orgs_total?: CountCell;
  /** 5 “两新”组织党组织已点评(个). */ new_orgs_reviewed?: CountCell;
  /** 6 基层党组织书记总数(名). */ secretaries_total?: CountCell;
  /** 7 书记已被点评(名). */ secretaries_reviewed?: CountCell;
  /** 9 书记参与点评(名). */ secretaries_reviewing?: CountCell;
  /** 11 党员总数(名). */ members_total?: CountCell;
  /** 12 党员已点评(名). */ members_reviewed?: CountCell;
  /** 14 其中流动党员数量(名). */ mobile_total?: CountCell;
  /** 15 流动党员已点评(名). */ mobile_reviewed?: CountCell;
  /** 16 参与点评的县级以上党员领导干部(名). */ cadres_reviewing?: CountCell;
  /** 17 集中点评(人/个次). */ collective?: CountCell;
  /** 18 个别点评(人/个次). */ individual?: CountCell;
  /** 19 现场点评(人/个次). */ onsite?: CountCell;
  /** 20 随机点评(人/个次). */ random?: CountCell;
  /** 22 专门约谈(次). */ talks?: CountCell;
  /** 23 发现树立典型(个). */ models?: CountCell;
  /** 24 发现问题(个). */ problems_found?: CountCell;
  /** 25 已解决问题(个). */ problems_solved?: CountCell;
}

/** The written report that goes with the table (总体情况、突出做法、典型事例). */
export interface StatsReport {
  /** 总体情况. */ overview?: string;
  /** 突出做法. */ practices?: string;
  /** 典型事例. */ examples?: string;
}

/** A `cxzy-stats/1` document: the statistics table (SPEC §3.2). Unknown fields are errors (T008). */
export interface StatsDoc {
  /** Always `"cxzy-stats/1"`. */
  format: 'cxzy-stats/1';
  /** 填报单位. */
  unit?: string;
  /** 批次: 1 or 2 (the two reports the notices ask for). */
  batch?: 1 | 2 | number | string;
  /** 统计截止日期, `YYYY-MM-DD` (other forms such as `2011年1月15日` are read and normalised). */
  as_of?: string;
  /** 填报日期 (also shown as 报出日期 in the footer). */
  filed_on?: string;
  /** 报送截止日期; the preset's deadline for the batch applies when absent. */
  deadline?: string;
  /** 负责人. */
  principal?: string;
  /** 填表人. */
  preparer?: string;
  /** 联系电话: mobile or landline with area code. */
  phone?: string;
  /** `heilongjiang-2010`, `central-2010`, or absent. */
  preset?: string;
  /** One row per sub-unit (1 to 1 000). */
  rows: StatsRow[];
  /** The written report. */
  report?: StatsReport;
  /** 备注. */
  notes?: string;
}

/** A row of the computed view: inputs as integers (`null` when missing or invalid), `methods_total`, and the coverages as display strings. */
export interface TotalsRow extends Record<string, string | number | null> {
  /** The unit's name; `合计` for the totals row. */ name: string;
  /** 3 = 2/1, e.g. `"91.6%"`, rounded down; `"—"` when the denominator is 0. */ orgs_coverage: string;
  /** 8 = 7/6. */ secretaries_coverage: string;
  /** 10 = 9/6. */ secretaries_participation: string;
  /** 13 = 12/11. */ members_coverage: string;
  /** 21 = 17+18+19+20 (`null` when a part is unknown). */ methods_total: number | null;
}

/** `totals(doc)` (SPEC §3.4). */
export interface TotalsView {
  /** The 合计 row: column sums, coverages as Σreviewed / Σtotal. */ total: TotalsRow;
  /** One computed row per table row, in order. */ rows: TotalsRow[];
}

/** A roster (`cxzy-roster/1`, SPEC §6.1). */
export interface Roster {
  /** Always `"cxzy-roster/1"`. */ format: 'cxzy-roster/1';
  /** Party organisations. */
  orgs: Array<{
    /** Unique id. */ id: string; /** Name. */ name: string;
    /** 基层党委 / 党总支 / 党支部. */ kind: 'committee' | 'general_branch' | 'branch';
    /** Parent organisation id, or null. */ parent?: string | null;
    /** The reporting unit (a row of the table) it counts in. */ unit?: string;
    /** Member id of its secretary. */ secretary?: string | null;
    /** `non_public` / `social`: “两新” organisations. */ sector?: 'non_public' | 'social' | null;
  }>;
  /** Party members. */
  members: Array<{
    /** Unique id. */ id: string; /** Name. */ name: string;
    /** Organisation id. */ org: string; /** 流动党员. */ mobile?: boolean;
  }>;
}

/** Review entries (`cxzy-entries/1`, SPEC §6.2). */
export interface Entries {
  /** Always `"cxzy-entries/1"`. */ format: 'cxzy-entries/1';
  /** One record per review act. */
  entries: Array<{
    /** Unique id. */ id: string;
    /** Date of the review. */ date: string;
    /** Who reviewed. */
    reviewer: { id?: string; name: string; role: 'branch_secretary' | 'committee_secretary' | 'county_leader' | 'county_party_secretary' | 'senior_cadre' | 'leadership_member'; org?: string };
    /** Who or what was reviewed. */
    target: { kind: 'committee' | 'general_branch' | 'branch' | 'secretary' | 'member'; id?: string; name: string; org?: string };
    /** 集中 / 个别 / 现场 / 随机. */ method: 'collective' | 'individual' | 'onsite' | 'random';
    /** 好 / 较好 / 一般 / 差. */ grade?: 'good' | 'fairly_good' | 'average' | 'poor';
    /** 总体评价. */ evaluation?: string; /** 主要成绩. */ achievements?: string;
    /** 存在不足. */ shortcomings?: string; /** 努力方向. */ direction?: string;
    /** Focus tags (depend on the target kind). */ focus?: string[];
    /** Found to be a model. */ model?: boolean; /** A special talk (专门约谈). */ talk?: boolean;
    /** Problems found. */ problems_found?: number; /** Problems solved. */ problems_solved?: number;
    /** Combined with other activities. */ combined_with?: string[];
  }>;
}

/** Any document `validate` recognises by its `format`. */
export type Doc = StatsDoc | Roster | Entries;

/** Options of `validate`. */
export interface ValidateOptions {
  /** Batch 1 of the same unit, to compare a batch 2 table with (P rules). */ previous?: StatsDoc | string;
  /** A roster, for the entries' E014/E015. */ roster?: Roster | string;
  /** `zh-CN` (default) or `en`. */ locale?: 'zh-CN' | 'en' | string;
  /** “Today” as `YYYY-MM-DD` or a Date (entries after it are E002); defaults to the browser's date. */ today?: string | Date;
}

/** `validate(doc, options)`: every issue of a document (object or JSON text). Throws `CxzyParseError` for text that is not JSON. */
export function validate(doc: Doc | string, options?: ValidateOptions): Issue[];
/** `totals(doc)`: the computed view (SPEC §3.4). */
export function totals(doc: StatsDoc | string): TotalsView;

/** Options of `coverage`. */
export interface CoverageOptions {
  /** Count entries dated on or before this date. */ as_of: string | Date;
  /** The batch of the derived table. */ batch: 1 | 2;
  /** The reporting unit of the derived table. */ unit: string;
  /** Message locale. */ locale?: string;
}
/** `coverage(...)`: the derived table, the gap lists (roster ids) and the issues (F001…). */
export interface CoverageResult {
  /** A statistics table whose rows pass every R rule. */ table: StatsDoc | null;
  /** Who has not been reviewed yet, and secretaries who reviewed nobody. */
  gaps: { orgs: string[]; secretaries: string[]; members: string[]; not_reviewing: string[] };
  /** Issues found. */ issues: Issue[];
}
export function coverage(roster: Roster | string, entries: Entries | string, options: CoverageOptions): CoverageResult;

/** Options of `aggregate`. */
export interface AggregateOptions {
  /** The parent unit. */ unit: string;
  /** The batch (default: the first child's). */ batch?: 1 | 2;
  /** Message locale. */ locale?: string;
}
/** `aggregate(children, options)`: the parent table. Throws `CxzyIssuesError` on A001/A002. */
export function aggregate(children: Array<StatsDoc | string>, options: AggregateOptions): StatsDoc;
/** The roll-up with its issues (A003 warnings included) and whether it was refused. */
export function aggregateReport(children: Array<StatsDoc | string>, options: AggregateOptions): { doc: StatsDoc; issues: Issue[]; refused: boolean };

/** Reads a CSV table (text, or bytes in UTF-8/BOM/GBK) and checks it. */
export function readCsv(input: string | Uint8Array, options?: { locale?: string; previous?: StatsDoc }): { doc: StatsDoc; issues: Issue[] };
/** The table as CSV (UTF-8 with BOM, zh-CN headers, 合计 first). */
export function writeCsv(doc: StatsDoc | string): string;
/** Text of a file's bytes: UTF-8 (with or without BOM), else GBK. */
export function decodeText(bytes: Uint8Array): string;
/** Parses JSON text; throws `CxzyParseError` with line and column. */
export function parseJson(text: string): unknown;
/** A blank table for a preset (its rows) or for the given row names. */
export function blankDoc(preset?: string, rows?: string[]): StatsDoc;

/** A column of the table, from the core's column table. */
export interface ColumnMeta {
  /** 栏次: `甲`, `1` … `25`. */ no: string;
  /** JSON field name. */ field: string;
  /** Upper header cell (empty for single-level headers). */ group: string;
  /** Lower header cell. */ label: string;
  /** Formula of a computed column (`2/1`), empty otherwise. */ formula: string;
  /** True for cells the clerk fills. */ input: boolean;
}
/** A reporting level (SPEC §3.3). */
export interface PresetMeta {
  /** `heilongjiang-2010` or `central-2010`. */ id: string;
  /** The receiving office. */ receiver: string;
  /** Deadlines of batch 1 and 2. */ deadlines: [string, string];
  /** The units expected to report, in order. */ rows: string[];
}
/** Columns and presets, with labels in the locale. */
export function meta(locale?: string): { columns: ColumnMeta[]; presets: PresetMeta[]; maxRows: number };

/** Text that is not JSON (or broken CSV): where it breaks. */
export class CxzyParseError extends Error {
  /** 1-based line, 0 when unknown. */ line: number;
  /** 1-based column, 0 when unknown. */ column: number;
}
/** A refusal that carries the issues behind it. */
export class CxzyIssuesError extends Error {
  /** The issues (A001/A002 errors, A003 warnings). */ issues: Issue[];
}

/** Options of `new StatsForm(element, options)`. */
export interface StatsFormOptions {
  /** `heilongjiang-2010` or `central-2010`: fills the row names and the deadlines. */ preset?: string;
  /** `zh-CN` (default) or `en`; switchable at run time. */ locale?: string;
  /** Initial document (object or JSON text). */ data?: StatsDoc | string;
  /** Row names when there is no preset and no data (the clerk can add and remove rows). */ rows?: string[];
  /** Save a draft to localStorage on every change and offer it back after a reload (default true). */ autosave?: boolean;
  /** Show the form without editing (default false). */ readonly?: boolean;
  /** localStorage key of the draft (default `cxzy-stats-form:draft:<preset or custom>`). */ storageKey?: string;
}

/** `detail` of the `cxzy-change`, `cxzy-validate` and `cxzy-submit` events. */
export interface StatsFormEventDetail {
  /** The document now (computed when first read). */ readonly data: StatsDoc;
  /** Every issue now (computed when first read). */ readonly issues: Issue[];
}

/** The statistics form rendered into `element` (in its open Shadow DOM). Call `init()` first. */
export class StatsForm {
  constructor(element: HTMLElement, options?: StatsFormOptions);
  /** The document, invalid input kept as typed. */ data(): StatsDoc;
  /** Replaces the document and re-checks everything. */ setData(doc: StatsDoc | string): void;
  /** Every issue. */ issues(): Issue[];
  /** Switches the language of the form and the messages. */ setLocale(locale: string): void;
  /** Shows every issue; resolves true when there is no error and warnings were confirmed (then fires `cxzy-submit`). */ submit(): Promise<boolean>;
  /** Removes the form, its listeners and timers. */ destroy(): void;
}

/** `<cxzy-stats-form preset="…" locale="…" readonly autosave="off" storage-key="…" rows="甲,乙">`. */
export class CxzyStatsForm extends HTMLElement {
  /** The StatsForm inside, once ready. */ form: StatsForm | null;
  /** Resolves with the StatsForm once the wasm is loaded and the form drawn. */ ready: Promise<StatsForm>;
  /** The document (null until ready). */ data(): StatsDoc | null;
  /** Every issue. */ issues(): Issue[];
  /** Replaces the document (before ready: the initial data). */ setData(doc: StatsDoc | string): void;
  /** As StatsForm.submit. */ submit(): Promise<boolean>;
}
/** Registers `<cxzy-stats-form>` (done on import in a browser). */
export function defineElements(): void;
/** Splits text copied from Excel/WPS into rows of cells. */
export function parseTsv(text: string): string[][];

/** Input of `init`: a URL/path of the .wasm, its bytes, or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;
/**
 * Loads the full WebAssembly module (`cxzy_form_bg.wasm`, once) — every function of the package.
 * Browser: `await init()`. Node: `await init({ module_or_path: fs.readFileSync('node_modules/cxzy-form/cxzy_form_bg.wasm') })`.
 */
export default function init(input?: { module_or_path: InitInput | Promise<InitInput> }): Promise<void>;
/**
 * Loads only what the form needs (`cxzy_stats_bg.wasm`: statistics tables, CSV, the form's state),
 * or the full module when `init()` was called. `<cxzy-stats-form>` calls it by itself; `validate` of
 * rosters and entries, `coverage`, `aggregate` and `previous` need `init()`.
 */
export function initForm(input?: { module_or_path: InitInput | Promise<InitInput> }): Promise<void>;

declare global {
  interface HTMLElementTagNameMap { 'cxzy-stats-form': CxzyStatsForm; }
  interface HTMLElementEventMap {
    'cxzy-change': CustomEvent<StatsFormEventDetail>;
    'cxzy-validate': CustomEvent<StatsFormEventDetail>;
    'cxzy-submit': CustomEvent<StatsFormEventDetail>;
  }
}
