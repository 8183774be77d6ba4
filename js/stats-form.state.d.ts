// The statistics form's state, declared for TypeScript's check of js/ (scripts/check-js.sh): not
// shipped. StatsForm (stats-form.js) sets these fields in its constructor and in render(); the
// second module's class More (stats-more.js) is a mixin whose methods join StatsForm's prototype
// once loaded (loadMore), so each side sees the other's members through the declarations below.
// A field added to the form is declared here, with its type; a method added to More is named in
// `StatsForm` (typed from More) when the first module calls it.
import type { ColumnMeta, Issue, Locale, Meta, PresetMeta, StatsFormOptions, TotalsRow } from './index.js';
import type { FormHandle } from './cxzy_stats.js';
import type { Drafts } from './draft.js';
import type { More } from './stats-more.js';
import type { StatsForm } from './stats-form.js';

/** One typed edit: a row (`-1` for a header field), its field, and its text before and after. */
export interface CellEdit { r: number; f: string; before: string; after: string }
/** One undo step: typed or pasted cells, or the whole table (a row added or removed, a file opened). */
export type UndoStep = { cells: CellEdit[]; doc?: undefined } | { doc: { before: string; after: string }; cells?: undefined };
/** A row on the page: its <tr>, each field's text element, each field's cell box, and the messages in it. */
export interface DrawnRow { tr: HTMLTableRowElement; cells: Record<string, HTMLElement>; hosts: Record<string, HTMLElement>; marks: HTMLElement[] }
/** The issues, sorted: the header's, the rows' names', and one list per row. */
export interface IssueSets { header: Issue[]; names: Issue[]; rows: Issue[][] }

declare module './stats-form.js' {
  interface StatsForm {
    el: HTMLElement;
    opts: StatsFormOptions & { autosave: boolean; readonly: boolean };
    locale: Locale;
    root: ShadowRoot;
    adopted: boolean;
    listeners: Array<[EventTarget, string, (e: any) => void]>;
    timers: Set<ReturnType<typeof setTimeout>>;
    uid: string;
    presetId: string;
    draftKey: string;
    initialText: string;
    showMissing: boolean;
    drafts: Drafts;
    /** The table in wasm (null once destroyed). */
    handle: FormHandle;
    /** `t`'s cache. */
    words: Record<string, string> | null;
    meta: Meta;
    columns: ColumnMeta[];
    /** The columns the arrow keys travel: the unit's name and the inputs, by index. */
    navCols: number[];
    preset: PresetMeta | null;
    /** Each row's texts as typed, by field (the mirror of the wasm table the grid draws from). */
    rowText: Record<string, string>[];
    views: Array<TotalsRow | null | undefined>;
    total: TotalsRow;
    headText: Record<string, string>;
    headMarks: HTMLElement[];
    undoStack: UndoStep[];
    redoStack: UndoStep[];
    edited: boolean;
    /** `r/field` of the cell being typed in (one undo step). */
    typing: string | null;
    fileInput: HTMLInputElement;
    noticeEl: HTMLElement;
    summaryList: HTMLElement;
    summaryCounts: HTMLElement;
    summary: HTMLElement;
    /** The counts the summary shows (dom.js's paintSummaryState keeps them). */
    counts: { errors: number; warnings: number };
    fields: Record<string, { control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement; host: HTMLElement }>;
    deadlineEl: HTMLElement | null;
    reportedOn: HTMLElement;
    filter: { q: string; problems: boolean };
    findInput: HTMLInputElement;
    problemsBox: HTMLInputElement;
    foundEl: HTMLElement;
    /** The one input that takes a focused cell's place. */
    editor: HTMLInputElement;
    /** The cell text the editor stands in for. */
    edSpan: HTMLElement | null;
    table: HTMLTableElement;
    thead: HTMLTableSectionElement;
    tbody: HTMLTableSectionElement;
    totalRow: HTMLTableRowElement;
    totalCells: Record<string, HTMLElement>;
    padTop: HTMLTableRowElement;
    padBottom: HTMLTableRowElement;
    rowTpl: HTMLTableRowElement;
    tableWrap: HTMLElement;
    cellMsg: HTMLElement;
    sheetEl: HTMLElement;
    dialog: HTMLDialogElement;
    toolbar: HTMLElement;
    ro: ResizeObserver | undefined;
    /** The rows on the page, by row. */
    drawn: Map<number, DrawnRow>;
    /** The drawn rows' range in `order`: [first, last). */
    win: number[];
    /** The rows shown, in order (the filter's result). */
    order: number[];
    rowH: number;
    viewH: number;
    bodyTop: number;
    /** `[header, header + 合计, unit column]` px. */
    sz: number[] | undefined;
    headerCells: Record<string, string>;
    issueSets: IssueSets;
    namesByRow: Map<number, Issue[]>;
    namesLeft: Issue[];
    focused: { r: number; f: string } | null | undefined;
    parked: { r: number; f: string } | null | undefined;
    printing: boolean;

    // stats-more.js's methods that the first module calls (present once loadMore() resolved).
    discardDraft: More['discardDraft'];
    gate: More['gate'];
    onAction: More['onAction'];
    onKey: More['onKey'] | undefined;
    onUndoKey: More['onUndoKey'] | undefined;
    onSummaryClick: More['onSummaryClick'];
    reach: More['reach'];
    filterRows: More['filterRows'] | undefined;
    pasteBlock: More['pasteBlock'];
    openFile: More['openFile'];
  }
}

declare module './stats-more.js' {
  interface More extends StatsForm {}
}
