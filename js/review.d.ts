// Types of `cxzy-form/review` (review.js): the 领导点评登记表 and the coverage view.
import type { Entry, Issue, Roster, RosterId, CoverageResult, RosterOrg, RosterMember } from './index.js';
export { CxzyReviewEntry, defineReviewElement } from './index.js';

/** Options of `new ReviewEntryForm(element, options)`. */
export interface ReviewEntryFormOptions {
  /** `zh-CN` (default) or `en`; switchable at run time (the form has a language button). */ locale?: string;
  /** The initial entry (object or JSON text); default: an empty record with a fresh id and today's date. */ data?: Entry | string;
  /** A roster: names offered and resolved to ids, and the checks E014/E015. */ roster?: Roster | string;
  /** “Today” (`YYYY-MM-DD` or a Date) for E002; default: the browser's date. */ today?: string | Date;
}

/**
 * The 领导点评登记表 in `element`'s open Shadow DOM: one review act, checked by the core's
 * `validate` on every keystroke (issues at the fields and in a summary whose links focus them).
 * Fires `cxzy-change`, `cxzy-validate` and, when recorded without error, `cxzy-submit` (detail
 * `{ data, issues }`). Call `init()` first.
 */
export class ReviewEntryForm {
  constructor(element: HTMLElement, options?: ReviewEntryFormOptions);
  /** The entry as one `cxzy-entries/1` entry (empty fields left out, invalid input kept as typed). */ data(): Entry;
  /** The entry's issues (paths `/entries/0/…`). */ issues(): Issue[];
  /** Replaces the entry; null empties the form. */ setData(entry: Entry | string | null): void;
  /** Uses a roster (or none). */ setRoster(roster: Roster | string | null): void;
  /** Sets “today” for E002. */ setToday(today: string | Date): void;
  /** Switches the language of the labels and messages. */ setLocale(locale: string): void;
  /** Shows every issue; resolves true when there is no error (then fires `cxzy-submit`). */ submit(): Promise<boolean>;
  /** Empties the form (a new record id). */ clear(): void;
  /** Removes the form and its listeners. */ destroy(): void;
}

/** Reviewed / total and the displayed percentage of one bar. */
export interface CoverageFigure {
  /** Reviewed (or, for participation, secretaries reviewing). */ reviewed: number;
  /** The total it is a share of. */ total: number;
  /** As the statistics form shows it: rounded down to 0.1 %, `—` when the total is 0. */ percent: string;
}
/** One unit (or the 合计 row) of the coverage view. */
export interface CoverageRow {
  /** The unit's name, or 合计 / Total. */ name: string;
  /** True for the 合计 row (first). */ total: boolean;
  /** Columns 2 / 1: organisations reviewed. */ orgs: CoverageFigure;
  /** Columns 7 / 6: secretaries reviewed. */ secretaries: CoverageFigure;
  /** Columns 12 / 11: members reviewed. */ members: CoverageFigure;
  /** Columns 9 / 6: secretaries taking part as reviewers. */ participation: CoverageFigure;
}
/** The four gap lists. */
export type GapKind = 'orgs' | 'secretaries' | 'members' | 'not_reviewing';

/** Per unit and in total (合计 first), from `coverage()`'s table. Needs `init()`. */
export function coverageRows(result: CoverageResult, locale?: string): CoverageRow[];
/**
 * A gap list as rows of texts, names from the roster: orgs `[id, name, kind, parent, unit,
 * secretary]`; secretaries and not_reviewing `[id, name, organisation led, unit]`; members `[id,
 * name, organisation, mobile, unit]`.
 */
export function gapRows(kind: GapKind, result: CoverageResult, roster: Roster | string, locale?: string): string[][];
/** Rows containing `query` in any cell (case-insensitive). */
export function filterRows(rows: string[][], query: string): string[][];
/** CSV of a gap list: UTF-8 BOM, the locale's headers, CRLF; cells starting with = + - @ get a leading `'`. */
export function gapCsv(kind: GapKind, rows: string[][], locale?: string, head?: string[]): string;
/** Rows drawn per gap list (the CSV export has every match). */
export const GAP_ROWS_SHOWN: number;
/** The handle of a drawn coverage view. */
export interface CoverageView {
  /** Redraws with a new result (and roster). */ update(result: CoverageResult, roster?: Roster | string): void;
  /** Sets a gap list's filter; returns the matching rows. */ filter(kind: GapKind, text: string): string[][];
  /** Downloads a gap list (as filtered) as CSV; also fires `cxzy-export` ({ name, text, type }). */ exportCsv(kind: GapKind): void;
  /** Empties the element. */ destroy(): void;
}
/** Draws the coverage table (bars per unit) and the gap lists into `element`'s open Shadow DOM. */
export function renderCoverage(element: HTMLElement, result: CoverageResult, roster: Roster | string, options?: { locale?: string; unit?: string }): CoverageView;
/** A gap list as the core draws it: its title and count in the locale, the column headers, the rows (names, kinds, units from the roster). */
export interface GapTable { title: string; count: string; head: string[]; rows: string[][] }
/** Every gap list of a result as a table, built by the core from the roster (needs `init()`). */
export function gapTables(result: CoverageResult | null, roster: Roster | string | null, locale?: string): Record<GapKind, GapTable>;
/** The form's labels by locale: the core's catalogue (`meta(locale).ui.entry`, after `init()`); templates name their params (`名册：{n}`). */
export const REVIEW_TEXT: Record<'zh-CN' | 'en', Record<string, unknown>>;
export type { RosterId };
