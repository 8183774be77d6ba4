//! Excel workbooks natively (the CLI; not in the wasm build): `.xlsx` and `.xls` read with
//! calamine into a cell grid that [`crate::core::stats::sheet`] lays out as a table, and the
//! official layout written with rust_xlsxwriter. Bytes in, bytes out: the CLI does the files.
//!
//! The browser has its own small reader and writer (js/excel.js) for size; both feed the same
//! core layout logic, and `tests/excel.rs` and `pkg-tests/browser/excel.test.mjs` read each
//! other's workbooks and openpyxl/xlwt-made fixtures.

use std::io::Cursor;

use calamine::{Data, Dimensions, Range, Reader, Xls, XlsError, Xlsx, XlsxError};
use chrono::NaiveDate;
use rust_xlsxwriter::{utility::row_col_to_cell, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet, XlsxError as WriteError};
use serde_json::Value;

use crate::core::columns::{Column, Kind, COLUMNS};
use crate::core::issue::{Issue, Locale};
use crate::core::normalize;
use crate::core::presets;
use crate::core::stats::model::{Cell, StatsDoc};
use crate::core::stats::sheet::{self, number_text, MAX_COLS, MAX_ROWS};
use crate::core::stats::totals::{compute, Computed};
use crate::core::text::Fill;
use crate::core::vocab::{catalogue, list, Catalogue};

/// What kind of workbook the bytes are, by their first bytes (not the file name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkbookKind {
    /// Office Open XML (`.xlsx`): a zip file.
    Xlsx,
    /// Excel 97–2003 (`.xls`, as WPS and old templates save it): an OLE2 compound file.
    Xls,
}

const ZIP: &[u8] = b"PK\x03\x04";
const OLE2: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The workbook kind of `bytes`, or `None` when they are not a workbook (JSON, CSV …).
pub fn sniff(bytes: &[u8]) -> Option<WorkbookKind> {
    if bytes.starts_with(ZIP) {
        Some(WorkbookKind::Xlsx)
    } else if bytes.starts_with(OLE2) {
        Some(WorkbookKind::Xls)
    } else {
        None
    }
}

/// Why a workbook cannot be read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkbookErrorKind {
    /// The bytes are neither `.xlsx` nor `.xls` content.
    NotAWorkbook,
    /// The workbook has an opening password.
    Password,
    /// The file is damaged (or not what its first bytes say); `detail` is the reader's own reason,
    /// for a developer (not shown to the clerk).
    Damaged { format: WorkbookKind, detail: String },
    /// The workbook has no worksheet.
    NoSheet,
    /// No worksheet has the table's column header row (单位名称 …); the position is the first sheet.
    NoTable,
    /// rust_xlsxwriter could not write the workbook (`detail`: its reason).
    Write { detail: String },
}

/// A workbook that cannot be read at all (the CLI's exit 2): a kind and, where there is one, a
/// position (the worksheet), as the csv crate's errors carry one. `Display` is for developers
/// (English, with the reader's detail); [`WorkbookError::message`] is for the clerk, from the
/// locale's catalogue.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{}", self.message(Locale::En), self.detail().map(|d| format!(" ({d})")).unwrap_or_default())]
pub struct WorkbookError {
    kind: WorkbookErrorKind,
    sheet: Option<String>,
}

impl WorkbookError {
    fn new(kind: WorkbookErrorKind) -> WorkbookError {
        WorkbookError { kind, sheet: None }
    }

    /// What went wrong.
    pub fn kind(&self) -> &WorkbookErrorKind {
        &self.kind
    }

    /// The worksheet it is about, if any.
    pub fn sheet(&self) -> Option<&str> {
        self.sheet.as_deref()
    }

    fn detail(&self) -> Option<&str> {
        match &self.kind {
            WorkbookErrorKind::Damaged { detail, .. } | WorkbookErrorKind::Write { detail } => Some(detail),
            _ => None,
        }
    }

    /// The clerk's sentence in `locale` (the catalogue's `workbook_*` phrases).
    pub fn message(&self, locale: Locale) -> String {
        let c = crate::core::vocab::catalogue(locale);
        let text = match &self.kind {
            WorkbookErrorKind::NotAWorkbook => c.phrase("workbook_not").to_string(),
            WorkbookErrorKind::Password => c.phrase("workbook_password").to_string(),
            WorkbookErrorKind::Damaged { format, .. } => {
                c.phrase("workbook_damaged").replace("{format}", if *format == WorkbookKind::Xls { ".xls" } else { ".xlsx" })
            }
            // The browser's workbook reader says the same (one sentence: `ui.excel.noSheet`).
            WorkbookErrorKind::NoSheet => c.word(list::UI_EXCEL, "noSheet").to_string(),
            WorkbookErrorKind::NoTable => c.phrase("workbook_no_table").replace("{sheet}", self.sheet().unwrap_or("")),
            WorkbookErrorKind::Write { .. } => c.phrase("workbook_write").to_string(),
        };
        crate::core::messages::capitalize(text)
    }
}

fn password() -> WorkbookError {
    WorkbookError::new(WorkbookErrorKind::Password)
}

fn corrupt(format: WorkbookKind, e: impl std::fmt::Display) -> WorkbookError {
    WorkbookError::new(WorkbookErrorKind::Damaged { format, detail: e.to_string() })
}

thread_local! {
    /// Set while calamine reads a workbook under [`guarded`]: its panics are not printed.
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs calamine's reading of a workbook so that a panic inside it is the file's "damaged" error.
/// calamine 0.38 still panics on some damaged records that no check before it can see without
/// reading the workbook stream itself: an .xls sheet whose offset (BOUNDSHEET) points past the
/// stream (`xls.rs`: `&stream[pos..]`; tests/excel.rs's damaged-workbook property found it, one
/// byte flipped in clerk-wps.xls). Nothing may panic, and nothing may abort the CLI: the native
/// builds unwind (Cargo.toml, profile.release) and the panic's own message is not printed (the
/// hook stays silent on this thread meanwhile; any other panic is printed as before).
fn guarded<T>(format: WorkbookKind, read: impl FnOnce() -> Result<T, WorkbookError>) -> Result<T, WorkbookError> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(std::cell::Cell::get) {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(read));
    QUIET.with(|q| q.set(false));
    result.unwrap_or_else(|_| Err(corrupt(format, "a damaged record the reader could not follow")))
}

/// An encrypted `.xlsx` is an OLE2 file holding `EncryptionInfo` and `EncryptedPackage` streams
/// (names in UTF-16 in the directory).
fn is_encrypted_ooxml(bytes: &[u8]) -> bool {
    let needle: Vec<u8> = "EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(needle.len()).any(|w| w == needle)
}

/// Whether every sector an OLE2 (.xls) file's allocation tables point to is in the file. A
/// truncated .xls makes calamine 0.38 slice past its data (a panic: cfb.rs `Sectors::get`), and
/// nothing may panic, so such a file is refused as damaged before calamine sees it. Sector `n`
/// starts at `(n + 1) × size`; ids from 0xFFFF_FFFA up are markers (free, end of chain …).
fn cfb_is_complete(b: &[u8]) -> bool {
    let u32_at = |o: usize| b.get(o..o + 4).map(|x| u32::from_le_bytes([x[0], x[1], x[2], x[3]]));
    let shift = match b.get(30..32) {
        Some(&[9, 0]) => 9,
        Some(&[12, 0]) => 12,
        _ => return false,
    };
    let size = 1usize << shift;
    let Some(count) = b.len().checked_sub(size).map(|n| n.div_ceil(size)) else { return false };
    let ok = |id: u32| id >= 0xFFFF_FFFA || (id as usize) < count;
    let sector = |id: u32| {
        let start = (id as usize + 1) * size;
        b.get(start..(start + size).min(b.len()))
    };
    let mut fats: Vec<u32> = (0..109).filter_map(|i| u32_at(0x4C + 4 * i)).filter(|&id| id < 0xFFFF_FFFA).collect();
    // The DIFAT chain: 127 (or 1023) FAT sector ids per sector, the last entry the next sector.
    let mut next = u32_at(0x44).unwrap_or(u32::MAX);
    let mut hops = 0;
    while next < 0xFFFF_FFFA {
        hops += 1;
        let Some(s) = sector(next).filter(|_| ok(next) && hops <= count) else { return false };
        let ids: Vec<u32> = s.chunks_exact(4).map(|x| u32::from_le_bytes([x[0], x[1], x[2], x[3]])).collect();
        let Some((&last, rest)) = ids.split_last() else { return false };
        fats.extend(rest.iter().filter(|&&id| id < 0xFFFF_FFFA));
        next = last;
    }
    let header_ids = [0x30, 0x3C].iter().filter_map(|&o| u32_at(o));
    header_ids.chain(fats.iter().copied()).all(ok)
        && fats.iter().all(|&f| sector(f).is_some_and(|s| s.chunks_exact(4).all(|x| ok(u32::from_le_bytes([x[0], x[1], x[2], x[3]])))))
}

/// A cell as the table reads it: numbers as digits, dates as `YYYY-MM-DD`.
fn text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => (if *b { "TRUE" } else { "FALSE" }).into(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, day, ..) = dt.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(day)).map_or_else(|| number_text(dt.as_f64()), normalize::iso)
        }
        Data::DateTime(dt) => number_text(dt.as_f64()),
        Data::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_string(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// The sheet as rows of cell texts from A1 (at most [`MAX_ROWS`] × [`MAX_COLS`]), every merged
/// region filled with its top-left value.
fn grid(range: &Range<Data>, merges: &[Dimensions]) -> Vec<Vec<String>> {
    let Some((r0, c0)) = range.start() else { return Vec::new() };
    let (r1, c1) = range.end().unwrap_or((r0, c0));
    let rows = (r1 as usize + 1).min(MAX_ROWS);
    let cols = (c1 as usize + 1).min(MAX_COLS);
    let mut g = vec![vec![String::new(); cols]; rows];
    for (r, row) in g.iter_mut().enumerate().skip(r0 as usize) {
        for (c, cell) in row.iter_mut().enumerate().skip(c0 as usize) {
            if let Some(d) = range.get_value((r as u32, c as u32)) {
                *cell = text(d);
            }
        }
    }
    for m in merges {
        let (sr, sc) = (m.start.0 as usize, m.start.1 as usize);
        let Some(v) = g.get(sr).and_then(|r| r.get(sc)).cloned() else { continue };
        for row in g.iter_mut().take(m.end.0 as usize + 1).skip(sr) {
            for cell in row.iter_mut().take(m.end.1 as usize + 1).skip(sc) {
                *cell = v.clone();
            }
        }
    }
    g
}

/// A worksheet: its name and its grid of cell texts.
pub type Sheet = (String, Vec<Vec<String>>);

/// Every worksheet's grid of a workbook opened as `R`, read under [`guarded`]: `is_password`
/// says whether an error opening it is the password's, `merges` gives a sheet's merged regions.
fn sheet_grids<'a, R: Reader<Cursor<&'a [u8]>>>(
    bytes: &'a [u8],
    kind: WorkbookKind,
    is_password: impl Fn(&R::Error) -> bool,
    merges: impl Fn(&mut R, &str) -> Vec<Dimensions>,
) -> Result<Vec<Sheet>, WorkbookError>
where
    R::Error: std::fmt::Display,
{
    guarded(kind, || {
        let mut wb: R = calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| if is_password(&e) { password() } else { corrupt(kind, e) })?;
        let mut out = Vec::new();
        for name in wb.sheet_names() {
            let range = wb.worksheet_range(&name).map_err(|e| corrupt(kind, e))?;
            let m = merges(&mut wb, &name);
            out.push((name, grid(&range, &m)));
        }
        Ok(out)
    })
}

/// Every worksheet's grid, in workbook order.
pub fn grids(bytes: &[u8]) -> Result<Vec<Sheet>, WorkbookError> {
    match sniff(bytes) {
        Some(WorkbookKind::Xlsx) => {
            sheet_grids(bytes, WorkbookKind::Xlsx, |e| matches!(e, XlsxError::Password), |wb: &mut Xlsx<_>, name| wb.merge_cells_by_sheet_name(name).unwrap_or_default())
        }
        Some(WorkbookKind::Xls) => {
            if is_encrypted_ooxml(bytes) {
                return Err(password());
            }
            if !cfb_is_complete(bytes) {
                return Err(corrupt(WorkbookKind::Xls, "sectors beyond the end of the file (truncated?)"));
            }
            sheet_grids(bytes, WorkbookKind::Xls, |e| matches!(e, XlsError::Password), |wb: &mut Xls<_>, name| wb.merge_cells_by_sheet_name(name).unwrap_or_default())
        }
        None => Err(WorkbookError::new(WorkbookErrorKind::NotAWorkbook)),
    }
}

/// Reads the statistics table of a workbook: the first worksheet that has the column header
/// row (单位名称 …), laid out by [`sheet::read`].
pub fn read(bytes: &[u8]) -> Result<(StatsDoc, Vec<Issue>), WorkbookError> {
    let sheets = grids(bytes)?;
    for (_, g) in &sheets {
        if let Ok(found) = sheet::read(g) {
            return Ok(found);
        }
    }
    // The layout reader's only refusal is a sheet without the column header row.
    Err(match sheets.first() {
        Some((name, _)) => WorkbookError { kind: WorkbookErrorKind::NoTable, sheet: Some(name.clone()) },
        None => WorkbookError::new(WorkbookErrorKind::NoSheet),
    })
}

// ---- writing the official layout ----

/// Number of columns (甲 and 1–25).
const WIDTH: u16 = COLUMNS.len() as u16;

/// Rows of the layout (0-based).
const TITLE: u32 = 0;
const RECEIVER: u32 = 1;
const FIELDS: u32 = 2;
const GROUPS: u32 = 4;
const LABELS: u32 = 5;
const NUMBERS: u32 = 6;
const TOTAL: u32 = 7;
const FIRST_ROW: u32 = 8;

struct Formats {
    title: Format,
    left: Format,
    label: Format,
    value: Format,
    date: Format,
    head: Format,
    name: Format,
    count: Format,
    text: Format,
    percent: Format,
    total_name: Format,
    total_count: Format,
    total_percent: Format,
    wrap: Format,
}

fn formats(c: &Catalogue) -> Formats {
    let font_name = c.word(list::UI_EXCEL, "font");
    let font = |f: Format| f.set_font_name(font_name).set_font_size(10.5);
    let cell = |f: Format| font(f).set_border(FormatBorder::Thin).set_align(FormatAlign::VerticalCenter);
    Formats {
        title: font(Format::new()).set_font_size(18).set_bold().set_align(FormatAlign::Center).set_align(FormatAlign::VerticalCenter),
        left: font(Format::new()),
        label: font(Format::new()).set_align(FormatAlign::Right),
        value: font(Format::new()).set_align(FormatAlign::Left).set_border_bottom(FormatBorder::Thin),
        date: font(Format::new()).set_align(FormatAlign::Left).set_border_bottom(FormatBorder::Thin).set_num_format(c.word(list::UI_EXCEL, "dateFormat")),
        head: cell(Format::new()).set_bold().set_text_wrap().set_align(FormatAlign::Center),
        name: cell(Format::new()),
        count: cell(Format::new()).set_num_format("0"),
        text: cell(Format::new()),
        percent: cell(Format::new()).set_num_format("0.0%").set_align(FormatAlign::Right).set_background_color("F2F2F2"),
        total_name: cell(Format::new()).set_bold().set_align(FormatAlign::Center),
        total_count: cell(Format::new()).set_bold().set_num_format("0").set_background_color("F2F2F2"),
        total_percent: cell(Format::new()).set_bold().set_num_format("0.0%").set_align(FormatAlign::Right).set_background_color("F2F2F2"),
        wrap: font(Format::new()).set_text_wrap().set_align(FormatAlign::Top).set_border(FormatBorder::Thin),
    }
}

/// The width of text in Excel's character units: CJK and full-width characters count two.
fn display_width(s: &str) -> usize {
    s.chars().map(|c| if (c as u32) < 0x1100 { 1 } else { 2 }).sum()
}

/// The index among the 26 columns of an input (for formulas).
fn col_of_input(input: usize) -> u16 {
    let mut n = 0;
    for (j, c) in COLUMNS.iter().enumerate() {
        if c.is_input() {
            if n == input {
                return j as u16;
            }
            n += 1;
        }
    }
    0
}

/// The formula of computed column `c` on sheet row `r`, and its cached result.
fn computed_formula(c: &Column, r: u32, values: &[Option<u64>; 20]) -> Option<Formula> {
    let at = |input: usize| row_col_to_cell(r, col_of_input(input));
    let (f, result) = match (c.kind, compute(c.kind, values)?) {
        (Kind::Ratio { num, den }, Computed::Ratio(ratio)) => (
            // Rounded down to 0.1 % like the form (SPEC §3.4), so 100.0% means full coverage.
            format!("=IF({d}=0,\"—\",ROUNDDOWN({n}/{d},3))", n = at(num), d = at(den)),
            ratio.map(|r| r.permille().map_or_else(|| "—".to_string(), |p| format!("{}", p as f64 / 1000.0))),
        ),
        (Kind::Sum(parts), Computed::Sum(s)) => (
            format!("=SUM({})", parts.iter().map(|&p| at(p)).collect::<Vec<_>>().join(",")),
            s.map(|s| s.to_string()),
        ),
        _ => return None,
    };
    let formula = Formula::new(f);
    Some(match result {
        Some(r) => formula.set_result(r),
        None => formula,
    })
}

fn json_text(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// Writes a label and its value (merged over `span` cells) at `(row, col)`; returns the next column.
#[allow(clippy::too_many_arguments)]
fn field(ws: &mut Worksheet, f: &Formats, row: u32, col: u16, label: &str, label_span: u16, value: Option<&Value>, span: u16) -> Result<u16, WriteError> {
    if label_span > 1 {
        ws.merge_range(row, col, row, col + label_span - 1, label, &f.label)?;
    } else {
        ws.write_string_with_format(row, col, label, &f.label)?;
    }
    let vc = col + label_span;
    let text = json_text(value);
    let date = normalize::parse_date(&text).ok().filter(|_| text.len() == 10 && text.as_bytes()[4] == b'-');
    if span > 1 {
        ws.merge_range(row, vc, row, vc + span - 1, "", &f.value)?;
    }
    match (date, value) {
        (Some(d), _) => {
            use chrono::Datelike;
            let dt = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
            ws.write_datetime_with_format(row, vc, dt, &f.date)?;
        }
        (None, Some(Value::Number(n))) if n.as_u64().is_some() => {
            ws.write_number_with_format(row, vc, n.as_u64().unwrap_or(0) as f64, &f.value)?;
        }
        _ => {
            ws.write_string_with_format(row, vc, text, &f.value)?;
        }
    }
    Ok(vc + span)
}

/// The table in the official layout: title, 报送 line, header fields, the two-level headers
/// (merged), the 栏次 row, 合计 first (formulas), the rows (integers as numbers, coverages as
/// percentages by number format, with formulas), the footer lines, the written report; A4
/// landscape, one page wide, the header rows repeated on every page, panes frozen below 合计.
pub fn write(doc: &StatsDoc) -> Result<Vec<u8>, WorkbookError> {
    write_inner(doc).map_err(|e| WorkbookError::new(WorkbookErrorKind::Write { detail: e.to_string() }))
}

fn write_inner(doc: &StatsDoc) -> Result<Vec<u8>, WriteError> {
    // The official layout's words are zh-CN's catalogue (as js/excel.js writes them).
    let c = catalogue(Locale::ZhCn);
    let f = formats(c);
    let colon = c.word(list::UI_FORM, "colon");
    let label = |l: &str, id: &str| format!("{}{colon}", c.word(l, id));
    let json = doc.to_value();
    let get = |k: &str| json.get(k).filter(|v| !v.is_null());
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(c.word(list::FORMAT, "cxzy-stats/1"))?;
    let last = WIDTH - 1;

    ws.merge_range(TITLE, 0, TITLE, last, c.word(list::UI_FORM, "title"), &f.title)?;
    ws.set_row_height(TITLE, 30)?;
    let receiver = doc.preset.as_deref().and_then(presets::find).map_or("", |p| p.receiver(Locale::ZhCn));
    ws.merge_range(RECEIVER, 0, RECEIVER, last, &format!("{}{receiver}", c.word(list::UI_FORM, "receiver")), &f.left)?;

    let h = |id: &str| label(list::HEADER, id);
    let mut at = field(ws, &f, FIELDS, 0, &h("unit"), 1, get("unit"), 5)?;
    at = field(ws, &f, FIELDS, at, &h("batch"), 2, get("batch"), 1)?;
    at = field(ws, &f, FIELDS, at, &h("as_of"), 3, get("as_of"), 3)?;
    at = field(ws, &f, FIELDS, at, &h("filed_on"), 2, get("filed_on"), 3)?;
    if get("deadline").is_some() {
        field(ws, &f, FIELDS, at, &h("deadline"), 3, get("deadline"), 3)?;
    }

    // Two-level headers: a group merged over its columns; a single-level header over both rows.
    let mut j = 0;
    while j < COLUMNS.len() {
        let c = &COLUMNS[j];
        if c.group(Locale::ZhCn).is_empty() {
            ws.merge_range(GROUPS, j as u16, LABELS, j as u16, c.label(Locale::ZhCn), &f.head)?;
            j += 1;
            continue;
        }
        let end = (j..COLUMNS.len()).take_while(|&k| COLUMNS[k].group(Locale::ZhCn) == c.group(Locale::ZhCn)).last().unwrap_or(j);
        if end > j {
            ws.merge_range(GROUPS, j as u16, GROUPS, end as u16, c.group(Locale::ZhCn), &f.head)?;
        } else {
            ws.write_string_with_format(GROUPS, j as u16, c.group(Locale::ZhCn), &f.head)?;
        }
        for (k, col) in COLUMNS.iter().enumerate().take(end + 1).skip(j) {
            ws.write_string_with_format(LABELS, k as u16, col.label(Locale::ZhCn), &f.head)?;
        }
        j = end + 1;
    }
    ws.set_row_height(GROUPS, 30)?;
    ws.set_row_height(LABELS, 58)?;
    for (j, c) in COLUMNS.iter().enumerate() {
        let no = if c.formula.is_empty() { c.no.to_string() } else { format!("{}={}", c.no, c.formula) };
        ws.write_string_with_format(NUMBERS, j as u16, no, &f.head)?;
    }

    // 合计 first: sums of the rows below, as formulas with their values cached.
    let n = doc.rows.len() as u32;
    let sums = crate::core::stats::totals::column_sums(&doc.rows).ok();
    let sum_values = sums.map_or([None; 20], |s| s.map(Some));
    ws.write_string_with_format(TOTAL, 0, c.phrase("total"), &f.total_name)?;
    let mut input = 0;
    for (j, c) in COLUMNS.iter().enumerate().skip(1) {
        let j = j as u16;
        if c.is_input() {
            let formula = if n == 0 {
                Formula::new("=0").set_result("0")
            } else {
                let range = format!("{}:{}", row_col_to_cell(FIRST_ROW, j), row_col_to_cell(FIRST_ROW + n - 1, j));
                let fm = Formula::new(format!("=SUM({range})"));
                match sum_values[input] {
                    Some(v) => fm.set_result(v.to_string()),
                    None => fm,
                }
            };
            ws.write_formula_with_format(TOTAL, j, formula, &f.total_count)?;
            input += 1;
        } else if let Some(fm) = computed_formula(c, TOTAL, &sum_values) {
            let fmt = if matches!(c.kind, Kind::Ratio { .. }) { &f.total_percent } else { &f.total_count };
            ws.write_formula_with_format(TOTAL, j, fm, fmt)?;
        }
    }

    // The rows: inputs as numbers; what is not a count stays as it was typed (text).
    let mut name_width = display_width(COLUMNS[0].label(Locale::ZhCn));
    for (i, row) in doc.rows.iter().enumerate() {
        let r = FIRST_ROW + i as u32;
        let name = row.name.as_deref().unwrap_or("");
        name_width = name_width.max(display_width(name));
        ws.write_string_with_format(r, 0, name, &f.name)?;
        let values = row.values();
        let mut input = 0;
        for (j, c) in COLUMNS.iter().enumerate().skip(1) {
            let j = j as u16;
            if c.is_input() {
                match &row.cells[input] {
                    Cell::Value(v) => ws.write_number_with_format(r, j, *v as f64, &f.count)?,
                    Cell::Missing => ws.write_blank(r, j, &f.count)?,
                    Cell::Invalid(v) => ws.write_string_with_format(r, j, json_text(Some(v)), &f.text)?,
                };
                input += 1;
            } else if let Some(fm) = computed_formula(c, r, &values) {
                let fmt = if matches!(c.kind, Kind::Ratio { .. }) { &f.percent } else { &f.count };
                ws.write_formula_with_format(r, j, fm, fmt)?;
            }
        }
    }

    // Footer lines below the table, then the written report and the notes.
    let foot = FIRST_ROW + n + 1;
    let mut at = field(ws, &f, foot, 0, &h("principal"), 1, get("principal"), 3)?;
    at = field(ws, &f, foot, at, &h("preparer"), 2, get("preparer"), 3)?;
    at = field(ws, &f, foot, at, &h("phone"), 2, get("phone"), 4)?;
    field(ws, &f, foot, at, &label(list::UI_FORM, "reported_on"), 2, get("filed_on"), 3)?;
    let mut r = foot + 2;
    let report = json.get("report");
    for (key, section) in [("overview", list::REPORT), ("practices", list::REPORT), ("examples", list::REPORT), ("notes", list::HEADER)] {
        let v = report.and_then(|rep| rep.get(key)).or_else(|| json.get(key)).filter(|v| !v.is_null());
        let Some(v) = v else { continue };
        ws.write_string_with_format(r, 0, label(section, key), &f.label)?;
        let text = json_text(Some(v));
        ws.merge_range(r, 1, r, last, &text, &f.wrap)?;
        // Room for the text: about 120 characters a line across the merged cells.
        let lines = (display_width(&text) / 120 + 1 + text.matches('\n').count()).min(30);
        ws.set_row_height(r, 15.0 * lines as f64)?;
        r += 1;
    }
    // The preset (which rows and deadlines apply) travels with the table in a hidden row, as
    // the CSV's 预设 line does: not on the paper form, but read back by both readers.
    if let Some(p) = &doc.preset {
        ws.write_string(r + 1, 0, c.word(list::HEADER, "preset"))?;
        ws.write_string(r + 1, 1, p)?;
        ws.set_row_hidden(r + 1)?;
    }

    ws.set_column_width(0, (name_width + 2).max(12) as f64)?;
    // Numbers need their digits (the widest is the 合计's), bold; labels wrap on up to four lines.
    let digits = sum_values.iter().flatten().map(|v| v.to_string().len()).max().unwrap_or(4);
    for (j, c) in COLUMNS.iter().enumerate().skip(1) {
        let label = display_width(c.label(Locale::ZhCn)).div_ceil(4) + 1;
        let no = c.no.len() + c.formula.len() + 2;
        ws.set_column_width(j as u16, label.max(digits + 3).max(no).clamp(6, 16) as f64)?;
    }
    ws.set_freeze_panes(FIRST_ROW, 1)?;
    ws.set_paper_size(9); // A4
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    ws.set_repeat_rows(GROUPS, NUMBERS)?;
    ws.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    ws.set_footer(format!("&C{}", c.word(list::UI_EXCEL, "footer").fill("{page}", "&P").fill("{pages}", "&N")));
    wb.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every refusal has its sentence in each locale (a phrase missing from a catalogue would be
    /// an empty message), and no sentence is an id or an internal key.
    #[test]
    fn every_refusal_is_worded_in_each_locale() {
        let kinds = [
            WorkbookErrorKind::NotAWorkbook,
            WorkbookErrorKind::Password,
            WorkbookErrorKind::Damaged { format: WorkbookKind::Xlsx, detail: "zip".into() },
            WorkbookErrorKind::NoSheet,
            WorkbookErrorKind::NoTable,
            WorkbookErrorKind::Write { detail: "io".into() },
        ];
        for locale in [Locale::ZhCn, Locale::En] {
            for kind in &kinds {
                let m = WorkbookError::new(kind.clone()).message(locale);
                assert!(m.chars().count() > 6, "{kind:?} in {locale:?}: {m:?}");
                assert!(!m.contains("noSheet") && !m.contains("workbook_"), "{kind:?} in {locale:?}: {m:?}");
                assert_eq!(m.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), locale == Locale::ZhCn, "{m:?}");
            }
        }
        // The same sentence as the browser's reader (excel.js: `meta().ui.excel.noSheet`).
        for locale in [Locale::ZhCn, Locale::En] {
            let (cli, browser) = (WorkbookError::new(WorkbookErrorKind::NoSheet).message(locale), catalogue(locale).word(list::UI_EXCEL, "noSheet"));
            // (The CLI's English sentence starts with a capital.)
            assert!(cli.eq_ignore_ascii_case(browser), "{cli:?} / {browser:?}");
        }
    }
}
