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
//! Reading takes text already decoded (the CLI decodes UTF-8 or GBK, the browser uses
//! `TextDecoder`). Cells go through the same normalisation as typed input, so `1,200` and
//! full-width digits from a spreadsheet just work. A CSV without header fields is a bare table:
//! only the rows are checked (N004).

use serde_json::{Map, Value};

use crate::core::columns::{Kind, COLUMNS};
use crate::core::issue::{Issue, Locale};
use crate::core::json::ParseError;
use crate::core::normalize;
use crate::core::stats::model::{self, StatsDoc, FORMAT};
use crate::core::stats::totals::{column_sums, row_view, TOTAL_NAME};

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
fn fold(s: &str) -> String {
    normalize::halfwidth(s)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '·' | '・' | '•' | '"' | '“' | '”' | '‘' | '’'))
        .collect()
}

fn meta_key(cell: &str) -> Option<&'static str> {
    let f = fold(cell);
    let f = f.trim_end_matches([':', '：']);
    meta()
        .find(|(k, zh)| *k == f || fold(zh) == f)
        .map(|(k, _)| k)
        .or_else(|| META_ALIASES.iter().find(|(zh, _)| fold(zh) == f).map(|(_, k)| *k))
}

/// The column a header cell names: its JSON field or its zh-CN header (with or without the
/// group, spaces and `·`).
fn column_of(cell: &str) -> Option<&'static crate::core::columns::Column> {
    let f = fold(cell);
    // A computed column's header may carry its formula, as SPEC §3.1 writes it: `… = 2/1`.
    let f = match f.split_once('=') {
        Some((head, _)) if !head.is_empty() => head.to_string(),
        _ => f,
    };
    COLUMNS.iter().find(|c| {
        c.field == f
            || fold(&c.header_zh()) == f
            || fold(&c.header_two_level_zh()) == f
            || (c.group(Locale::ZhCn).is_empty() && fold(c.label(Locale::ZhCn)) == f)
            || fold(&c.header_en()) == f
    })
}

fn csv_error(e: &csv::Error) -> ParseError {
    let (line, column) = e.position().map_or((0, 0), |p| (p.line() as usize, 1));
    ParseError { line, column, message: e.to_string() }
}

/// The reason given for a file that is neither JSON nor a table.
pub const NOT_A_TABLE: &str = "the file is neither JSON nor a table (CSV)";

/// Text, not binary data: no NUL byte and few replacement characters in its first 4 KiB (a PNG,
/// a Word file or an archive decoded as text has both).
fn looks_like_text(text: &str) -> bool {
    let head = &text.as_bytes()[..text.len().min(4096)];
    let replaced = head.windows(3).filter(|w| *w == "\u{fffd}".as_bytes()).count();
    !head.contains(&0) && replaced * 60 <= head.len()
}

/// Reads a statistics table from CSV text.
pub fn read(text: &str) -> Result<(StatsDoc, Vec<Issue>), ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !looks_like_text(text) {
        // A picture, a Word file or an archive opened by mistake: say so in words
        // ([`crate::core::messages::parse_error`] renders it in the clerk's locale).
        return Err(ParseError { line: 0, column: 0, message: NOT_A_TABLE.into() });
    }
    if text.len() > crate::core::json::MAX_BYTES {
        return Err(ParseError { line: 0, column: 0, message: format!("file too large: {} bytes", text.len()) });
    }
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut doc = Map::new();
    doc.insert("format".into(), FORMAT.into());
    let mut report = Map::new();
    let mut issues = Vec::new();
    let mut header: Option<Vec<Option<&'static crate::core::columns::Column>>> = None;
    let mut rows = Vec::new();
    let mut skipped_computed = false;

    for record in reader.records() {
        let record = record.map_err(|e| csv_error(&e))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let cells: Vec<&str> = record.iter().collect();
        if cells.iter().all(|c| normalize::trim(c).is_empty()) {
            continue;
        }
        let first = normalize::trim(cells[0]);
        let Some(cols) = &header else {
            if column_of(first).is_some_and(|c| c.kind == Kind::Name) {
                let mut cols = Vec::with_capacity(cells.len());
                for (i, h) in cells.iter().enumerate() {
                    let c = column_of(h);
                    if c.is_none() && !normalize::trim(h).is_empty() {
                        issues.push(
                            Issue::new("T008", format!("/rows/0/{}", normalize::trim(h)))
                                .param("field", normalize::trim(h))
                                .param("suggestion", model::nearest(&fold(h), COLUMNS.iter().map(|c| c.field)))
                                .param("column", i + 1),
                        );
                    }
                    if c.is_some_and(|c| !c.is_input() && c.kind != Kind::Name) {
                        skipped_computed = true;
                    }
                    cols.push(c);
                }
                header = Some(cols);
            } else if let Some(key) = meta_key(first) {
                let value = cells.get(1).map_or("", |v| normalize::trim(v));
                if ["overview", "practices", "examples"].contains(&key) {
                    report.insert(key.into(), value.into());
                } else {
                    doc.insert(key.into(), value.into());
                }
            } else {
                return Err(ParseError {
                    line,
                    column: 1,
                    message: format!("「{first}」is neither a header field nor the column header row (单位名称 / name)"),
                });
            }
            continue;
        };
        // The 栏次 row (甲, 1, 2 …) and the totals row are the form's, not data.
        if first == "甲" {
            continue;
        }
        if first == TOTAL_NAME {
            skipped_computed = true;
            continue;
        }
        let extra = cells.iter().skip(cols.len()).filter(|c| !normalize::trim(c).is_empty()).count();
        if extra > 0 {
            issues.push(
                Issue::new("T014", format!("/rows/{}", rows.len()))
                    .param("line", line)
                    .param("extra", extra)
                    .param("columns", cols.len()),
            );
        }
        let mut row = Map::new();
        for (i, cell) in cells.iter().enumerate() {
            let Some(Some(c)) = cols.get(i) else { continue };
            if c.kind == Kind::Name || c.is_input() {
                row.insert(c.field.into(), Value::from(normalize::trim(cell)));
            }
        }
        rows.push(Value::Object(row));
    }
    if header.is_none() {
        return Err(ParseError { line: 1, column: 1, message: "no column header row (单位名称 / name) found".into() });
    }
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
    issues.extend(read_issues);
    Ok((stats, issues))
}

/// The text of a JSON value in a CSV cell (strings as they are, numbers as digits).
fn cell_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
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

/// The CSV writing [`write`] needs: RFC 4180 quoting (a field with a comma, a quote or a line
/// break is quoted, quotes doubled; a record of one empty field is `""`, as the `csv` crate
/// writes it), CRLF line ends. Not `csv::Writer`: in wasm it brings float parsing along (for a
/// quoting style never used here) and costs some 18 KiB gzip of the browser's download.
struct Writer(String);

impl Writer {
    fn write_record<I: IntoIterator<Item = S>, S: AsRef<str>>(&mut self, record: I) -> Result<(), std::convert::Infallible> {
        let start = self.0.len();
        let mut fields = 0;
        for field in record {
            let f = field.as_ref();
            if fields > 0 {
                self.0.push(',');
            }
            fields += 1;
            if f.contains([',', '"', '\r', '\n']) {
                self.0.push('"');
                self.0.push_str(&f.replace('"', "\"\""));
                self.0.push('"');
            } else {
                self.0.push_str(f);
            }
        }
        if fields == 1 && self.0.len() == start {
            self.0.push_str("\"\"");
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
}
