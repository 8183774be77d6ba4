// Types of the cxzy-form package (SPEC §3, §5, §6, §8.1). Field names are a public contract.

/** The reporting levels the package knows (SPEC §3.3): 黑龙江省 and the central level. */
export type Preset = 'heilongjiang-2010' | 'central-2010';
/** Languages of messages and of the forms. */
export type Locale = 'zh-CN' | 'en';

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
  /** Other fields involved, as JSON Pointers (empty when none). */
  related: string[];
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
  /**
   * Always `"cxzy-stats/1"`. Typed to accept a widened `string` as well, so that a document
   * literal assigned to a `const` without an annotation still passes (`validate` checks it).
   */
  format: 'cxzy-stats/1' | (string & {});
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
  /** `heilongjiang-2010`, `central-2010`, or absent (a widened string is accepted, as for `format`). */
  preset?: Preset | (string & {});
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

/** An id in a roster or an entry: text, or an integer (spreadsheets turn `7` into a number). */
export type RosterId = string | number;

/** One organisation of a roster (SPEC §6.1). */
export interface RosterOrg {
  /** Unique in the whole roster (organisations and members share one id space) — O001. */ id: RosterId;
  /** Name, ≤ 64 characters — O007 when missing. */ name: string;
  /** 基层党委 `committee` / 党总支 `general_branch` / 党支部 `branch` — O007 otherwise. */ kind: 'committee' | 'general_branch' | 'branch';
  /** Parent organisation id, or null for a top organisation — O002 when unknown or in a cycle. */ parent?: RosterId | null;
  /** The reporting unit (a row of the derived table); inherited from the nearest ancestor when absent. */ unit?: string;
  /** Member id of its secretary — O004 (warning) when not a member of it or of an organisation below it. */ secretary?: RosterId | null;
  /** `non_public` / `social`: the two “两新” kinds (column 4); absent for others. */ sector?: 'non_public' | 'social' | null;
}

/** One Party member of a roster. */
export interface RosterMember {
  /** Unique id — O001. */ id: RosterId;
  /** Name — O007 when missing. */ name: string;
  /** Id of the organisation the member belongs to — O003 when unknown. */ org: RosterId;
  /** 流动党员 (column 14) — O007 when not a boolean. */ mobile?: boolean;
}

/** A roster (`cxzy-roster/1`, SPEC §6.1): who is to be reviewed. */
export interface Roster {
  /** Always `"cxzy-roster/1"` (T009 otherwise). */ format: 'cxzy-roster/1';
  /** Party organisations (at most 1 000 000). */ orgs: RosterOrg[];
  /** Party members (at most 1 000 000). */ members: RosterMember[];
}

/** 职务 of a reviewer: 党支部书记, 基层党委(党总支)书记, 县级党员领导干部, 县委书记, 其他县处级以上党员领导干部, 领导班子成员. */
export type ReviewerRole = 'branch_secretary' | 'committee_secretary' | 'county_leader' | 'county_party_secretary' | 'senior_cadre' | 'leadership_member';
/** 点评对象 kind: 基层党委, 党总支, 党支部, 基层党组织书记, 党员. */
export type TargetKind = 'committee' | 'general_branch' | 'branch' | 'secretary' | 'member';
/** Focus tags: for organisations `central_work`, `public_pledge`, `serve_people`, `team_building`, `joint_building`; for secretaries `lead_by_example`, `organize_members`; for members `post_performance`, `public_pledge`, `serve_people` (E013 outside the kind's set). */
export type FocusTag = 'central_work' | 'public_pledge' | 'serve_people' | 'team_building' | 'joint_building' | 'lead_by_example' | 'organize_members' | 'post_performance';
/** 结合开展的工作: 组织生活会, 民主评议党员, 群众评议, 年度总结考核, 党建工作责任制考核, 书记“双述双评”, 下基层调研走访. */
export type CombinedWith = 'org_life_meeting' | 'democratic_appraisal' | 'mass_appraisal' | 'annual_assessment' | 'party_building_assessment' | 'dual_report' | 'field_visit';

/** One review act (点评记录, SPEC §6.2). Values that are not recognised are kept and reported (E0xx), never dropped. */
export interface Entry {
  /** Unique record id — E001 when missing or repeated. */ id: RosterId;
  /** Date of the review, `YYYY-MM-DD` (clerk forms such as `2010年12月20日` are read, N002) — E002 when missing, invalid or after today; E003 outside the campaign window. */ date: string;
  /** Who reviewed (点评人). */ reviewer: {
    /** Roster member id; optional (leaders above the county are seldom in a grassroots roster) — E014 when unknown with a roster. */ id?: RosterId;
    /** Name — E004 when missing. */ name: string;
    /** 职务 — E004 when missing or unknown; E010 when outside the responsibility rules. */ role: ReviewerRole;
    /** The reviewer's organisation id (else the roster's for `id`) — E014 when unknown, E015 for a target outside it. */ org?: RosterId;
  };
  /** Who or what was reviewed (点评对象). */ target: {
    /** Kind — E005 when missing or unknown. */ kind: TargetKind;
    /** Roster id: an organisation for committee/general_branch/branch, a member for secretary/member — with a roster, E014 when unknown or missing (the entry then does not count). */ id?: RosterId;
    /** Name — E005 when missing. */ name: string;
    /** 所在党组织 of a person target (organisation id). */ org?: RosterId;
  };
  /** 点评方式: 集中 / 个别 / 现场 / 随机 — E006 when missing or unknown. */ method: 'collective' | 'individual' | 'onsite' | 'random';
  /** 评价等次 (optional): 好 / 较好 / 一般 / 差 — E017 otherwise. */ grade?: 'good' | 'fairly_good' | 'average' | 'poor';
  /** 总体评价 (required: E007). */ evaluation?: string;
  /** 主要成绩 (required for organisations and secretaries: E007). */ achievements?: string;
  /** 存在不足 (required: E007). */ shortcomings?: string;
  /** 努力方向 (required: E007). */ direction?: string;
  /** 点评重点 tags fitting the target kind. */ focus?: FocusTag[];
  /** 树立为典型 (column 23 counts distinct targets). */ model?: boolean;
  /** 专门约谈 (column 22); a form of 个别点评 — E011 with another method. */ talk?: boolean;
  /** 发现问题 (column 24): a non-negative integer (text such as `"１２"` is read). */ problems_found?: number | string;
  /** 已解决问题 (column 25) — E012 when more than found. */ problems_solved?: number | string;
  /** 结合开展的工作. */ combined_with?: CombinedWith[];
}

/** Review entries (`cxzy-entries/1`, SPEC §6.2). */
export interface Entries {
  /** Always `"cxzy-entries/1"`. */ format: 'cxzy-entries/1';
  /** One record per review act (at most 1 000 000). */ entries: Entry[];
}

/** Any document `validate` recognises by its `format`. */
export type Doc = StatsDoc | Roster | Entries;

/** Options of `validate`. */
export interface ValidateOptions {
  /** Batch 1 of the same unit, to compare a batch 2 table with (P rules). */ previous?: StatsDoc | string;
  /** A roster, for the entries' E014/E015. */ roster?: Roster | string;
  /** `zh-CN` (default) or `en`. */ locale?: Locale;
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
  /** Message locale. */ locale?: Locale;
}
/** The gap lists of `coverage`: roster ids, in roster order (“两个全覆盖” not yet met). */
export interface CoverageGaps {
  /** Organisations not reviewed as committee/general_branch/branch by `as_of`. */ orgs: RosterId[];
  /** Secretaries (members named as an organisation's `secretary`) not reviewed as `secretary`. */ secretaries: RosterId[];
  /** Members not reviewed, as a member or as a secretary. */ members: RosterId[];
  /** Secretaries who appear as `reviewer.id` of no counting entry (column 9). */ not_reviewing: RosterId[];
}
/** `coverage(...)`: the derived table, the gap lists (roster ids) and the issues (F001…). */
export interface CoverageResult {
  /** A statistics table, one row per roster unit, whose rows pass every R rule; principal, preparer, phone and filed_on are left for the clerk. */ table: StatsDoc | null;
  /** Who has not been reviewed yet, and secretaries who reviewed nobody. */ gaps: CoverageGaps;
  /** The roster's and the entries' issues (E009 left to `validate`), T002 for a bad batch, then F001 (a half-year without a review). */ issues: Issue[];
}
export function coverage(roster: Roster | string, entries: Entries | string, options: CoverageOptions): CoverageResult;

/** Options of `aggregate`. */
export interface AggregateOptions {
  /** The parent unit. */ unit: string;
  /** The batch (default: the first child's). */ batch?: 1 | 2;
  /** Message locale. */ locale?: Locale;
}
/** `aggregate(children, options)`: the parent table. Throws `CxzyIssuesError` on A001/A002. */
export function aggregate(children: Array<StatsDoc | string>, options: AggregateOptions): StatsDoc;
/** The roll-up with its issues (A003 warnings included) and whether it was refused. */
export function aggregateReport(children: Array<StatsDoc | string>, options: AggregateOptions): { doc: StatsDoc; issues: Issue[]; refused: boolean };

/** Reads a CSV table (text, or bytes in UTF-8/BOM/GBK) and checks it. */
export function readCsv(input: string | Uint8Array, options?: { locale?: Locale; previous?: StatsDoc; encoding?: 'utf-8' | 'gbk' }): { doc: StatsDoc; issues: Issue[] };
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
  /** The header as one text (group and label), as CSV and the printout write it. */ header: string;
  /** True for cells the clerk fills. */ input: boolean;
}
/** A reporting level (SPEC §3.3). */
export interface PresetMeta {
  /** `heilongjiang-2010` or `central-2010`. */ id: Preset;
  /** The level's name in the locale. */ name: string;
  /** The receiving office. */ receiver: string;
  /** The date by which the two coverages are to be full (`YYYY-MM-DD`). */ coverageDeadline: string;
  /** Deadlines of batch 1 and 2. */ deadlines: [string, string];
  /** The units expected to report, in order. */ rows: string[];
}
/** A value of one of the notices' lists (a role, a kind, a header field…) and its word in the locale. */
export interface MetaWord { id: string; label: string }
/** A target kind: its word, whether it is an organisation, the focus tags and content fields that fit it. */
export interface MetaKind { id: TargetKind; label: string; org: boolean; focus: FocusTag[]; content: string[] }
/** A reviewer's role: its word and whom it reviews. */
export interface MetaRole { id: ReviewerRole; label: string; targets: TargetKind[]; ownSubtree: boolean; countyLevel: boolean }
/** A coverage bar: its word and the totals row's fields it is drawn from. */
export interface MetaCoverageBar { id: string; label: string; reviewed: string; total: string; coverage: string }
/** The domain's vocabulary in one locale, from the core: everything the forms draw. */
export interface Meta {
  /** The locale of the words. */ locale: Locale;
  /** The 26 columns. */ columns: ColumnMeta[];
  /** The reporting levels. */ presets: PresetMeta[];
  /** Every list by name (`header`, `report`, `format`; with the full module also `kind`, `role`, `method`, `grade`, `focus`, `combined_with`…). */ lists: Record<string, MetaWord[]>;
  /** Words the forms put together (`total`, `column_no`). */ phrases: Record<string, string>;
  /** The input limits of SPEC §7. */ limits: { maxRows: number; maxName: number; maxText: number; maxItems: number; maxBytes: number; maxCount: number; /** How much of a worksheet is read. */ sheetRows: number; sheetCols: number };
  /** At most this many rows. */ maxRows: number;
  /** The codes that say a field was left empty: always, or when `params[param] === is`. */ missing: Record<string, 'always' | { param: string; is: string | boolean }>;
  /** The `params.hint` of an issue about an empty field. */ emptyHint: string;
  /** The codes about the rows' names. */ nameCodes: string[];
  /** The codes of a roll-up's own checks of its children (shown first by `<cxzy-rollup>`). */ rollupCodes: string[];
  /** The entry's fields' labels (full module: after `init()`). */ fields?: Record<string, string>;
  /** What the 登记表 needs (full module). */ review?: { kinds: MetaKind[]; roles: MetaRole[]; contentFields: string[]; contentWithoutKind: string[]; orgOnlyMethods: string[] };
  /** What the coverage view needs (full module). */ coverage?: { bars: MetaCoverageBar[]; lists: string[] };
  /**
   * The pages' own words by id, one object per section: `form` (the statistics form), and with the
   * full module `load`, `entry`, `coverage`, `rollup`, `excel`. Templates name their params: `第{n}批`.
   */
  ui: { form: Record<string, string>; load?: Record<string, string>; entry?: Record<string, string>; coverage?: Record<string, string>; rollup?: Record<string, string>; excel?: Record<string, string> };
}
/** The vocabulary, with the words in the locale: the statistics part, and after `init()` the review's too. */
export function meta(locale?: Locale): Meta;

/** Text that is not JSON (or broken CSV): where it breaks. */
export class CxzyParseError extends Error {
  /** 1-based line, 0 when unknown. */ line: number;
  /** 1-based column, 0 when unknown. */ column: number;
  /** What went wrong: the id of its sentence in the core's catalogues (`json_value`, `json_eof`, `csv_quote`, `not_a_table`, `too_large`…; `''` from the statistics form's own module, which leaves it to the full one); `message` is the reader's English. */ kind: string;
}
/** A refusal that carries the issues behind it. */
export class CxzyIssuesError extends Error {
  /** The issues (A001/A002 errors, A003 warnings). */ issues: Issue[];
}

/** Options of `new StatsForm(element, options)`. */
export interface StatsFormOptions {
  /** `heilongjiang-2010` or `central-2010`: fills the row names and the deadlines (a misspelt one is a compile error). */ preset?: Preset;
  /** `zh-CN` (default) or `en`; switchable at run time. */ locale?: Locale;
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
  /** The errors and warnings the form shows (a blank form does not count its empty cells yet). */ readonly counts?: { errors: number; warnings: number };
}

/** The statistics form rendered into `element` (in its open Shadow DOM). Call `init()` first. */
export class StatsForm {
  constructor(element: HTMLElement, options?: StatsFormOptions);
  /** The document, invalid input kept as typed. */ data(): StatsDoc;
  /** Replaces the document and re-checks everything. */ setData(doc: StatsDoc | string): void;
  /** Every issue. */ issues(): Issue[];
  /** Switches the language of the form and the messages. */ setLocale(locale: Locale): void;
  /** Shows every issue; resolves true when there is no error and warnings were confirmed (then fires `cxzy-submit`). */ submit(): Promise<boolean>;
  /** Removes the form, its listeners and timers. */ destroy(): void;
}

/** `detail` of `cxzy-export`: the file a form offered for download. */
export interface ExportEventDetail {
  /** File name, e.g. `黑龙江省-第1批.csv`. */ readonly name: string;
  /** The content: text, or the workbook's bytes for 导出 Excel. */ readonly text: string | Uint8Array;
  /** MIME type. */ readonly type: string;
}
/** `detail` of `cxzy-error`: the WebAssembly module could not be loaded (the element shows the message). */
export interface LoadErrorEventDetail {
  /** What failed (a fetch, a MIME type or a compile error). */ readonly error: unknown;
}

/** The events of `<cxzy-stats-form>` (they bubble and cross the shadow boundary). */
export interface CxzyStatsFormEventMap extends HTMLElementEventMap {
  /** After every edit. */ 'cxzy-change': CustomEvent<StatsFormEventDetail>;
  /** After every check. */ 'cxzy-validate': CustomEvent<StatsFormEventDetail>;
  /** 检查并提交 passed (no error, warnings confirmed). */ 'cxzy-submit': CustomEvent<StatsFormEventDetail>;
  /** A file was offered for download (JSON, CSV, Excel). */ 'cxzy-export': CustomEvent<ExportEventDetail>;
  /** The form is drawn (`ready` resolved). */ 'cxzy-ready': CustomEvent<null>;
  /** The wasm could not be loaded: the element shows why, `ready` rejects. */ 'cxzy-error': CustomEvent<LoadErrorEventDetail>;
}

/** `<cxzy-stats-form preset="…" locale="…" readonly autosave="off" storage-key="…" rows="甲,乙">`. */
export class CxzyStatsForm extends HTMLElement {
  addEventListener<K extends keyof CxzyStatsFormEventMap>(type: K, listener: (this: CxzyStatsForm, ev: CxzyStatsFormEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof CxzyStatsFormEventMap>(type: K, listener: (this: CxzyStatsForm, ev: CxzyStatsFormEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
  /** The StatsForm inside, once ready. */ form: StatsForm | null;
  /** Resolves with the StatsForm once the wasm is loaded and the form drawn; rejects when the wasm cannot be loaded (the element then shows why and fires `cxzy-error`). */ ready: Promise<StatsForm>;
  /** The document (null until ready). */ data(): StatsDoc | null;
  /** Every issue. */ issues(): Issue[];
  /** Replaces the document (before ready: the initial data). */ setData(doc: StatsDoc | string): void;
  /** As StatsForm.submit. */ submit(): Promise<boolean>;
}
/** Registers `<cxzy-stats-form>` (done on import in a browser). */
export function defineElements(): void;

/** `detail` of `<cxzy-review-entry>`'s `cxzy-change`, `cxzy-validate` and `cxzy-submit` events. */
export interface ReviewEntryEventDetail {
  /** The entry now (one `cxzy-entries/1` entry; empty fields left out). */ readonly data: Entry;
  /** Its issues (paths `/entries/0/…`), from the core's `validate`. */ readonly issues: Issue[];
}

/** The events of `<cxzy-review-entry>`. */
export interface CxzyReviewEntryEventMap extends HTMLElementEventMap {
  /** After every edit. */ 'cxzy-change': CustomEvent<ReviewEntryEventDetail>;
  /** After every check. */ 'cxzy-validate': CustomEvent<ReviewEntryEventDetail>;
  /** 提交 passed. */ 'cxzy-submit': CustomEvent<ReviewEntryEventDetail>;
  /** The form is drawn. */ 'cxzy-ready': CustomEvent<null>;
  /** The wasm or the form's module could not be loaded: the element shows why. */ 'cxzy-error': CustomEvent<LoadErrorEventDetail>;
}

/**
 * `<cxzy-review-entry locale="zh-CN" today="2011-01-15">`: the 领导点评登记表. The form itself
 * (`ReviewEntryForm`, in `cxzy-form/review`) and the full wasm module load when the element is
 * connected. Initial data may sit inside as `<script type="application/json">` (an entry, or
 * `{ "entry": …, "roster": … }`).
 */
export class CxzyReviewEntry extends HTMLElement {
  addEventListener<K extends keyof CxzyReviewEntryEventMap>(type: K, listener: (this: CxzyReviewEntry, ev: CxzyReviewEntryEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof CxzyReviewEntryEventMap>(type: K, listener: (this: CxzyReviewEntry, ev: CxzyReviewEntryEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
  /** The ReviewEntryForm inside, once ready. */ form: import('./review.js').ReviewEntryForm | null;
  /** Resolves with the form once the module and the wasm are loaded; rejects when they cannot be (the element then shows why and fires `cxzy-error`). */ ready: Promise<import('./review.js').ReviewEntryForm>;
  /** The entry (null until ready). */ data(): Entry | null;
  /** The entry's issues. */ issues(): Issue[];
  /** Replaces the entry (before ready: the initial entry); null empties the form. */ setData(entry: Entry | string | null): void;
  /** Uses a roster for names, ids and E014/E015 (before ready: the initial roster). */ setRoster(roster: Roster | string | null): void;
  /** As ReviewEntryForm.submit. */ submit(): Promise<boolean>;
}
/** Registers `<cxzy-review-entry>` (done on import in a browser). */
export function defineReviewElement(): void;
/** Splits text copied from Excel/WPS into rows of cells. */
export function parseTsv(text: string): string[][];
/** Loads the statistics form's second module (keyboard travel, paste, undo, files, English) now
 * instead of on the first focus or click in a form. */
export function loadMore(): Promise<void>;

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
  interface HTMLElementTagNameMap { 'cxzy-stats-form': CxzyStatsForm; 'cxzy-review-entry': CxzyReviewEntry; }
  interface HTMLElementEventMap {
    'cxzy-change': CustomEvent<StatsFormEventDetail | ReviewEntryEventDetail>;
    'cxzy-validate': CustomEvent<StatsFormEventDetail | ReviewEntryEventDetail>;
    'cxzy-submit': CustomEvent<StatsFormEventDetail | ReviewEntryEventDetail>;
  }
}

// ---- <cxzy-rollup>: the receiving office (issue 12) ----

/** An issue in a roll-up's result: the file (and unit) it is about. */
export interface RollupIssue extends Issue {
  /** The file's name, as picked or dropped. */ file?: string;
  /** The child's `unit` (empty when the table names none). */ unit?: string;
}
/** One sub-unit's table rolled up: a row of the parent. */
export interface RollupChild {
  /** The file's name. */ file: string;
  /** The child's `unit` (the parent row's name). */ unit: string;
  /** The child's batch (1 or 2; the raw value when invalid, null when absent). */ batch: number | string | null;
  /** Errors of the child's own table (with the P rules when paired with its batch 1). */ errors: number;
  /** Warnings of the child's own table. */ warnings: number;
  /** Its issues, each with `file` and `unit`. */ issues: RollupIssue[];
  /** The batch-1 file it was compared with (batch 2 only), or null. */ previous: string | null;
}
/** A batch-1 table given to a batch-2 roll-up: the `previous` of the same unit's batch 2; not rolled up. */
export interface RollupPrevious {
  file: string; unit: string; batch: 1; errors: number; warnings: number; issues: RollupIssue[];
  /** The batch-2 file it is compared with, or null while that unit's batch 2 has not come. */ for: string | null;
  /** When this unit's batch 1 came twice: the file used instead of this one. */ duplicateOf: string | null;
}
/** `el.result()` and the `cxzy-rollup` event's detail (SPEC §8.1). */
export interface RollupResult {
  /** `aggregate`'s parent table (with the preset when there is one); null when refused or no child. */ doc: StatsDoc | null;
  /** The A issues (and T009), then each child's own issues, each naming its file. */ issues: RollupIssue[];
  /** A001 or A002: the children cannot be merged. */ refused: boolean;
  /** The tables rolled up, in the preset's row order, then in the order received. */ children: RollupChild[];
  /** Batch-1 tables in a batch-2 roll-up. */ previous: RollupPrevious[];
  /** Files that cannot be used, and why (not JSON/CSV, unparsable, a roster or entries file, another format). */ unreadable: Array<{ file: string; message: string }>;
  /** 应报未报: the preset's units that have sent no table of this batch yet. */ missing: string[];
  /** The preset of the parent unit (the `preset` attribute, or the one whose receiver is that unit's office). */ preset: string | null;
  /** The roll-up's batch: the `batch` attribute, else the latest batch among the tables. */ batch: 1 | 2 | null;
}
/**
 * `<cxzy-rollup unit="黑龙江省" batch="1" locale="zh-CN">`: the sub-units' files by picker, drag and
 * drop or `addFiles`, one line per file, the A issues, 应报未报, and the parent table in a read-only
 * statistics form with JSON/CSV export and print. Attributes: `unit`, `batch` (1 or 2), `locale`,
 * `preset` (default: from `unit`), `today` (for the entries' and P rules' dates). Its code
 * (`rollup.js`) and the full wasm load when the first one connects. Nothing is uploaded.
 */
export class CxzyRollup extends HTMLElement {
  /** Resolves once the code and the wasm are loaded and the element drawn; rejects when they cannot be (the element then shows why and fires `cxzy-error`). */ ready: Promise<unknown>;
  /** Reads and checks the files (after those still being read); resolves with the result. */ addFiles(files: FileList | File[]): Promise<RollupResult>;
  /** Removes every file (fires `cxzy-rollup`). */ clear(): void;
  /** The current result (empty before the element is ready). */ result(): RollupResult;
}
/** Registers `<cxzy-rollup>` (done on import in a browser). */
export function defineRollupElement(): void;

declare global {
  interface HTMLElementTagNameMap { 'cxzy-rollup': CxzyRollup; }
  interface HTMLElementEventMap { 'cxzy-rollup': CustomEvent<RollupResult>; }
}
