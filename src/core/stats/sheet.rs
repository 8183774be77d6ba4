//! The statistics table laid out on a worksheet, as clerks and offices circulate it in Excel and
//! WPS (`.xlsx`, `.xls`): the cell grid → the document. Pure: the readers (calamine in the CLI,
//! the package's small xlsx reader in the browser) hand over the grid as text, this module finds
//! the layout. Header matching is [`super::csv`]'s, so a sheet and a CSV accept the same headers.
//!
//! Layouts recognised, top to bottom (blank rows anywhere):
//!
//! ```text
//! 创先争优活动领导点评情况统计表                ← title, 报送 line, notes: free text, skipped
//! 填报单位：黑龙江省   批次 | 1   统计截止日期 | 2011-01-15   ← header fields: `label：value` in one
//!                                                  cell, or a label cell and the next filled cell
//! 单位名称 | 基层党组织        | …              ← the column headers: one row (SPEC §3.1 headers or
//!          | 总数(个) | 已点评(个) | …          the JSON names) or the paper form's two levels, the
//!                                                  group merged (filled) over its columns or not
//! 甲 | 1 | 2 | 3=2/1 | …                         ← 栏次 row: skipped
//! 合计 | …                                        ← anywhere: skipped (recomputed), N005
//! 哈尔滨市 | 1200 | …                            ← the rows
//! 负责人：某某  填表人：某某  联系电话 | …  报出日期 | …   ← footer: header fields again
//! ```
//!
//! A merged cell should reach this module filled with its value in every cell it covers (both
//! readers do so); a group written once over its columns without a merge is carried to the
//! right as far as the lower row has labels.

use serde_json::{Map, Value};

use crate::core::columns::{Column, Kind};
use crate::core::issue::Issue;
use crate::core::json::{ParseError, ParseKind};
use crate::core::normalize;
use crate::core::stats::csv::{data_row, finish, fold, meta_key, Headers};
use crate::core::stats::model::{self, StatsDoc, FORMAT};
use crate::core::stats::totals::TOTAL_NAME;
use crate::core::columns::COLUMNS;

/// The most rows and columns of a sheet looked at: the table has at most 1 000 rows and 26
/// columns; header, notes and footer lines are a few more. Past them, nothing is read (the row
/// count itself is T010's business, so rows up to the limit plus one are kept).
pub const MAX_ROWS: usize = 1_200;
pub const MAX_COLS: usize = 64;

type Cols = Vec<Option<&'static Column>>;

/// A cell's text, trimmed (spaces, U+3000).
fn cell(row: &[String], j: usize) -> &str {
    row.get(j).map_or("", |s| normalize::trim(s))
}

fn is_blank(row: &[String]) -> bool {
    row.iter().all(|c| normalize::trim(c).is_empty())
}

/// `label：value` in one cell (full-width or ASCII colon), the label a header field.
fn label_value(text: &str) -> Option<(&'static str, &str)> {
    let (label, value) = text.split_once(['：', ':'])?;
    let key = meta_key(label)?;
    Some((key, normalize::trim(value)))
}

/// Header fields in a row (title rows and other text yield none). Each label takes the value in
/// its own cell after a colon, else the next filled cell that is not itself a label.
fn header_fields(row: &[String]) -> Vec<(&'static str, String)> {
    let mut found = Vec::new();
    let mut j = 0;
    while j < row.len() {
        let text = cell(row, j);
        j += 1;
        if text.is_empty() {
            continue;
        }
        // A merged label cell comes filled several times: one label.
        while j < row.len() && cell(row, j) == text {
            j += 1;
        }
        let (key, inline) = match label_value(text) {
            Some((k, v)) => (k, v),
            None => match meta_key(text) {
                Some(k) => (k, ""),
                None => continue,
            },
        };
        if !inline.is_empty() {
            found.push((key, inline.to_string()));
            continue;
        }
        // The value: the next filled cell, unless that is the next label (an empty field).
        let mut k = j;
        while k < row.len() && cell(row, k).is_empty() {
            k += 1;
        }
        let next = cell(row, k);
        if !next.is_empty() && meta_key(next).is_none() && label_value(next).is_none() {
            found.push((key, next.to_string()));
            j = k + 1;
            // A merged value cell comes filled several times: skip its copies.
            while j < row.len() && cell(row, j) == next {
                j += 1;
            }
        } else {
            found.push((key, String::new()));
        }
    }
    found
}

/// The columns a one-row header names.
fn one_row_header(h: &Headers, row: &[String]) -> Cols {
    (0..row.len()).map(|j| h.column_of(cell(row, j))).collect()
}

/// The columns a two-row header (group row above label row) names.
fn two_row_header(h: &Headers, upper: &[String], lower: &[String]) -> Cols {
    let width = upper.len().max(lower.len());
    let mut group = "";
    (0..width)
        .map(|j| {
            let (u, l) = (cell(upper, j), cell(lower, j));
            if !u.is_empty() {
                group = u;
            }
            if l.is_empty() || l == u {
                // A single-level header over both rows (merged or written in the upper row).
                return if u.is_empty() { None } else { h.column_of(u) };
            }
            // The lower label under its group (carried right from where it was written once).
            let g = if u.is_empty() { group } else { u };
            h.column_of(&format!("{g}{l}")).or_else(|| h.column_of(l))
        })
        .collect()
}

fn matched(cols: &Cols) -> usize {
    cols.iter().filter(|c| c.is_some()).count()
}

/// The header row (its index) if `i` starts one: a cell naming the 单位名称 column.
fn name_column(h: &Headers, row: &[String]) -> Option<usize> {
    (0..row.len()).find(|&j| h.column_of(cell(row, j)).is_some_and(|c| c.kind == Kind::Name))
}

/// 栏次 rows (甲, 1, 2, 3=2/1 …) and the label `栏次` itself.
fn is_number_row(row: &[String], name_at: usize) -> bool {
    let first = cell(row, name_at);
    first == "甲" || first == "栏次"
}

/// Sets a header field; the first value is kept (a label repeated in a footer must not override it).
fn add_field(key: &'static str, value: String, doc: &mut Map<String, Value>, report: &mut Map<String, Value>) {
    let target = if ["overview", "practices", "examples"].contains(&key) { report } else { doc };
    let kept = target.get(key).and_then(Value::as_str).is_some_and(|s| !s.is_empty());
    if !kept {
        target.insert(key.into(), value.into());
    }
}

/// Reads a statistics table from a worksheet's cells (rows of cell texts: numbers as their
/// digits, dates as `YYYY-MM-DD`). `Err` only when no column header row is found.
pub fn read(grid: &[Vec<String>]) -> Result<(StatsDoc, Vec<Issue>), ParseError> {
    let grid = &grid[..grid.len().min(MAX_ROWS)];
    let mut doc = Map::new();
    doc.insert("format".into(), FORMAT.into());
    let mut report = Map::new();
    let mut issues = Vec::new();
    let mut skipped_computed = false;
    let headers = Headers::get();

    // The header: the first row naming 单位名称; the rows above are header fields and free text.
    let mut at = None;
    for (i, row) in grid.iter().enumerate() {
        let row = &row[..row.len().min(MAX_COLS)];
        if let Some(n) = name_column(headers, row) {
            at = Some((i, n));
            break;
        }
        for (k, v) in header_fields(row) {
            add_field(k, v, &mut doc, &mut report);
        }
    }
    let Some((h, name_at)) = at else {
        return Err(ParseError::new(ParseKind::CsvNoHeader, 0, 0, "no column header row (单位名称 / name) found on the sheet"));
    };
    let upper = &grid[h][..grid[h].len().min(MAX_COLS)];
    let one = one_row_header(headers, upper);
    let (cols, mut next) = match grid.get(h + 1) {
        Some(lower) if !is_number_row(lower, name_at) => {
            let lower = &lower[..lower.len().min(MAX_COLS)];
            let two = two_row_header(headers, upper, lower);
            if matched(&two) > matched(&one) { (two, h + 2) } else { (one, h + 1) }
        }
        _ => (one, h + 1),
    };
    let header_rows = h..next;
    for (j, c) in cols.iter().enumerate() {
        match c {
            Some(c) if !c.is_input() && c.kind != Kind::Name => skipped_computed = true,
            Some(_) => {}
            None => {
                // A header cell naming no column: reported (T008), its cells not read.
                let text = header_rows.clone().rev().map(|r| cell(&grid[r], j)).find(|t| !t.is_empty()).unwrap_or("");
                if !text.is_empty() {
                    issues.push(
                        Issue::new("T008", format!("/rows/0/{text}"))
                            .param("field", text)
                            .param("suggestion", model::nearest(&fold(text), COLUMNS.iter().map(|c| c.field)))
                            .param("column", j + 1),
                    );
                }
            }
        }
    }

    let mut rows = Vec::new();
    while next < grid.len() {
        let row = &grid[next];
        let line = next + 1;
        next += 1;
        if is_blank(row) || is_number_row(row, name_at) {
            continue;
        }
        let name = cell(row, name_at);
        if name == TOTAL_NAME {
            skipped_computed = true;
            continue;
        }
        // Footer lines (负责人 / 填表人 / 联系电话 / 报出日期) and report sections below the table.
        let fields = header_fields(row);
        if !fields.is_empty() && (meta_key(name).is_some() || label_value(name).is_some() || name.is_empty()) {
            for (k, v) in fields {
                add_field(k, v, &mut doc, &mut report);
            }
            continue;
        }
        let cells: Vec<&str> = row.iter().map(|c| normalize::trim(c.as_ref())).collect();
        rows.push(data_row(&cells, &cols, line, rows.len(), &mut issues));
    }

    // The 合计 row and computed columns of a sheet are skipped (N005), not yet compared (R041).
    Ok(finish(doc, report, rows, skipped_computed, &[], issues))
}

/// The text of a number cell as the table reads it: an integral value as its digits (spreadsheets
/// store every number as a float), anything else as written (`1.5` stays `1.5`: R003 says why).
pub fn number_text(v: f64) -> String {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter().map(|r| r.iter().map(|s| s.to_string()).collect()).collect()
    }

    #[test]
    fn header_fields_in_one_cell_or_two() {
        let f = header_fields(&grid(&[&["填报单位：黑龙江省", "", "批次", "1", "统计截止日期：", "2011-01-15", "负责人", ""]])[0]);
        assert_eq!(f, vec![("unit", "黑龙江省".into()), ("batch", "1".into()), ("as_of", "2011-01-15".into()), ("principal", String::new())]);
    }

    #[test]
    fn two_level_header_with_the_group_written_once() {
        let g = grid(&[
            &["单位名称", "基层党组织", "", "", "参与点评的县级以上党员领导干部(名)"],
            &["", "总数(个)", "已点评(个)", "覆盖率(%)", ""],
        ]);
        let cols = two_row_header(Headers::get(), &g[0], &g[1]);
        let fields: Vec<_> = cols.iter().map(|c| c.map(|c| c.field)).collect();
        assert_eq!(fields, vec![Some("name"), Some("orgs_total"), Some("orgs_reviewed"), Some("orgs_coverage"), Some("cadres_reviewing")]);
    }

    #[test]
    fn numbers_as_digits() {
        assert_eq!(number_text(1200.0), "1200");
        assert_eq!(number_text(1.5), "1.5");
        assert_eq!(number_text(-3.0), "-3");
    }
}
