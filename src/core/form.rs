//! The editing state of the statistics form: a table being filled cell by cell, with its issues
//! kept per row so that an edit re-checks only what it can change.
//!
//! The browser form calls [`FormState::set_cell`] on every keystroke. On a 1 000-row table a full
//! [`crate::core::validate::validate`] would re-read every cell; here an edit re-reads one cell,
//! re-runs the row rules of its row (R010–R040 only relate cells of one row), and moves the column
//! sums by the difference. Names (R001 duplicates, T011 preset rows) are re-checked only when a
//! name changes, the header rules only when a header field changes, and everything only when the
//! batch changes (R040 depends on it) or rows are added or removed (paths shift).
//!
//! Invariant, tested below: after any sequence of edits, [`FormState::issues`] holds the same
//! issues as a full validation of [`FormState::to_value`] (normalisation notes aside: they are
//! reported once, when the clerk's text is read).

use serde_json::{json, Map, Value};

use crate::core::columns::{input_index, INPUTS, INPUT_COUNT};
use crate::core::issue::{Issue, Locale};
use crate::core::messages;
use crate::core::stats::model::{self, read_cell, Cell, Row, StatsDoc, MAX_NAME, MAX_ROWS, REPORT_SECTIONS};
use crate::core::stats::rules;
use crate::core::stats::totals::{row_view, TOTAL_NAME};

/// Header fields the form edits (the report sections are addressed by their names too).
pub const HEADER_FIELDS: &[&str] = &[
    "unit", "batch", "as_of", "filed_on", "deadline", "principal", "preparer", "phone", "notes",
];

/// The issues of one row, by where they come from.
#[derive(Debug, Clone, Default)]
struct RowIssues {
    /// Found when the document was loaded and not re-checked by edits (unknown fields: T008,
    /// ignored computed columns: N005).
    loaded: Vec<Issue>,
    /// The name's own issue (X001, too long).
    name: Vec<Issue>,
    /// Per input cell: R002, R003, R004, N001.
    cells: [Vec<Issue>; INPUT_COUNT],
    /// The row rules (R010–R040).
    rules: Vec<Issue>,
}

impl RowIssues {
    fn all(&self) -> impl Iterator<Item = &Issue> {
        self.loaded.iter().chain(&self.name).chain(self.cells.iter().flatten()).chain(&self.rules)
    }
}

/// What an edit changed, for the form to repaint: only the parts that are `Some`/listed.
#[derive(Debug, Clone)]
pub struct Edit {
    /// The edited row, if a row was edited.
    pub row: Option<usize>,
    /// Every issue was re-checked (batch changed, rows added or removed, data replaced): repaint
    /// all marks.
    pub full: bool,
    /// The header issues changed (header edits).
    pub header: bool,
    /// The name issues (R001, T010, T011) changed.
    pub names: bool,
}

/// A statistics table being edited, with its issues and column sums kept up to date.
#[derive(Debug, Clone)]
pub struct FormState {
    doc: StatsDoc,
    /// Load-time issues outside rows that edits cannot change (T008 unknown top-level fields,
    /// T009 wrong format, T010 too many rows).
    loaded: Vec<Issue>,
    /// Header fields and header rules (T001–T007, T012, T013, X001, N002, N003).
    header: Vec<Issue>,
    /// Names and the row set: T010 (no rows), T011, R001.
    names: Vec<Issue>,
    rows: Vec<RowIssues>,
    /// Column sums; u128 so that no order of edits can overflow.
    sums: [u128; INPUT_COUNT],
}

/// The row index and the rest of a path `/rows/{i}/…`.
fn row_of(path: &str) -> Option<(usize, &str)> {
    let rest = path.strip_prefix("/rows/")?;
    let (i, field) = rest.split_once('/').unwrap_or((rest, ""));
    Some((crate::core::normalize::parse_as(i)?, field))
}

fn label(row: &Row, i: usize) -> String {
    row.name.clone().unwrap_or_else(|| format!("#{}", i + 1))
}

impl FormState {
    /// Loads a document (anything: a wrong shape becomes issues, as in `validate`). The form
    /// always shows the header, so header rules apply even to a bare CSV table.
    pub fn load(v: &Value) -> FormState {
        let (mut doc, read_issues) = model::read(v);
        doc.has_header = true;
        let mut st = FormState {
            doc,
            loaded: Vec::new(),
            header: Vec::new(),
            names: Vec::new(),
            rows: Vec::new(),
            sums: [0; INPUT_COUNT],
        };
        st.rows = vec![RowIssues::default(); st.doc.rows.len()];
        for issue in read_issues {
            match row_of(&issue.path) {
                Some((i, field)) if i < st.rows.len() => {
                    let r = &mut st.rows[i];
                    match (issue.code, input_index(field)) {
                        // Names are re-checked as a whole (R001).
                        ("R001", _) => {}
                        (_, Some(c)) => r.cells[c].push(issue),
                        ("X001", None) if field == "name" => r.name.push(issue),
                        _ => r.loaded.push(issue),
                    }
                }
                Some(_) => {}
                None => {
                    if matches!(issue.code, "T008" | "T009") || issue.path == "/rows" {
                        st.loaded.push(issue);
                    }
                }
            }
        }
        st.check_header();
        st.check_names();
        st.check_all_rows();
        st.sum_all();
        st
    }

    /// A blank form: a preset's rows (or the given names) with every cell empty.
    pub fn blank(preset: Option<&str>, rows: &[&str]) -> FormState {
        FormState::load(&StatsDoc::blank(preset, rows).to_value())
    }

    /// The document as JSON, invalid input kept as typed (SPEC §7: a draft is never lost).
    pub fn to_value(&self) -> Value {
        self.doc.to_value()
    }

    pub fn doc(&self) -> &StatsDoc {
        &self.doc
    }

    pub fn row_count(&self) -> usize {
        self.doc.rows.len()
    }

    /// Every issue, header first, then rows in order; messages in `locale`.
    pub fn issues(&self, locale: Locale) -> Vec<Issue> {
        let mut out: Vec<Issue> = self.loaded.iter().chain(&self.header).chain(&self.names).cloned().collect();
        for r in &self.rows {
            out.extend(r.all().cloned());
        }
        messages::localize(&mut out, locale);
        out
    }

    /// The issues of row `i` (cells, name length and row rules; not R001, see [`Self::name_issues`]).
    pub fn row_issues(&self, i: usize, locale: Locale) -> Vec<Issue> {
        let mut out: Vec<Issue> = self.rows.get(i).map(|r| r.all().cloned().collect()).unwrap_or_default();
        messages::localize(&mut out, locale);
        out
    }

    /// Issues outside the rows: load-time, header and header rules.
    pub fn header_issues(&self, locale: Locale) -> Vec<Issue> {
        let mut out: Vec<Issue> = self.loaded.iter().chain(&self.header).cloned().collect();
        messages::localize(&mut out, locale);
        out
    }

    /// R001, T010 and T011: the issues about row names and the set of rows.
    pub fn name_issues(&self, locale: Locale) -> Vec<Issue> {
        let mut out = self.names.clone();
        messages::localize(&mut out, locale);
        out
    }

    /// The computed view of row `i` (SPEC §3.4 ROW).
    pub fn row_view(&self, i: usize) -> Value {
        match self.doc.rows.get(i) {
            Some(r) => row_view(&label(r, i), &r.values()),
            None => Value::Null,
        }
    }

    /// The 合计 row. A sum past 64 bits (impossible within the cell limit) shows as unknown.
    pub fn total_view(&self) -> Value {
        row_view(TOTAL_NAME, &self.sums.map(|s| u64::try_from(s).ok()))
    }

    /// The whole computed view `{ total, rows }`, as [`crate::core::stats::totals::totals`].
    pub fn totals(&self) -> Value {
        let rows: Vec<Value> = (0..self.doc.rows.len()).map(|i| self.row_view(i)).collect();
        json!({ "total": self.total_view(), "rows": rows })
    }

    /// Sets input cell `field` of row `row` to the text typed or pasted. The text is read as a
    /// count (full-width digits, `1,200`…); what cannot be read stays in the cell as typed.
    /// Returns `None` when the row or field does not exist.
    pub fn set_cell(&mut self, row: usize, field: &str, text: &str) -> Option<Edit> {
        let c = input_index(field)?;
        let r = self.doc.rows.get(row)?;
        let name = label(r, row);
        let mut issues = Vec::new();
        let cell = read_cell(Some(&Value::from(text)), row, &name, field, &mut issues);
        let old = self.doc.rows[row].cells[c].value().unwrap_or(0);
        let new = cell.value().unwrap_or(0);
        self.sums[c] = self.sums[c] - u128::from(old) + u128::from(new);
        self.doc.rows[row].cells[c] = cell;
        self.rows[row].cells[c] = issues;
        self.rows[row].rules = rules::check_row(row, &self.doc.rows[row], self.doc.batch);
        Some(Edit { row: Some(row), full: false, header: false, names: false })
    }

    /// Renames row `row`. Re-checks the names (R001, T011) and the row's cells (their messages
    /// name the row).
    pub fn set_name(&mut self, row: usize, text: &str) -> Option<Edit> {
        self.doc.rows.get(row)?;
        let t = crate::core::normalize::trim(text);
        let mut name_issues = Vec::new();
        let len = t.chars().count();
        if len > MAX_NAME {
            name_issues.push(
                Issue::new("X001", format!("/rows/{row}/name")).param("field", "name").param("length", len).param("max", MAX_NAME),
            );
        }
        self.doc.rows[row].name = (!t.is_empty()).then(|| t.to_string());
        self.rows[row].name = name_issues;
        self.reread_row(row);
        self.check_names();
        Some(Edit { row: Some(row), full: false, header: false, names: true })
    }

    /// Sets a header field (`unit`, `batch`, `as_of`, `filed_on`, `deadline`, `principal`,
    /// `preparer`, `phone`, `notes`) or a report section (`overview`, `practices`, `examples`) to
    /// the text typed. Returns `None` for an unknown field.
    pub fn set_header(&mut self, field: &str, text: &str) -> Option<Edit> {
        let mut v = self.header_value();
        let obj = v.as_object_mut()?;
        let blank = crate::core::normalize::trim(text).is_empty();
        if REPORT_SECTIONS.contains(&field) {
            let report = obj.entry("report").or_insert_with(|| Value::Object(Map::new()));
            if let Some(r) = report.as_object_mut() {
                r.insert(field.to_string(), Value::from(text));
            }
        } else if HEADER_FIELDS.contains(&field) {
            if blank {
                obj.remove(field);
            } else {
                obj.insert(field.to_string(), Value::from(text));
            }
        } else {
            return None;
        }
        let (h, _) = model::read(&v);
        let batch_changed = h.batch != self.doc.batch;
        let d = &mut self.doc;
        d.unit = h.unit;
        d.batch = h.batch;
        d.batch_raw = h.batch_raw;
        d.as_of = h.as_of;
        d.filed_on = h.filed_on;
        d.deadline = h.deadline;
        d.principal = h.principal;
        d.preparer = h.preparer;
        d.phone = h.phone;
        d.report = h.report;
        d.notes = h.notes;
        self.check_header();
        if batch_changed {
            // R040 (两个全覆盖 by the second report) depends on the batch.
            self.check_all_rows();
        }
        Some(Edit { row: None, full: batch_changed, header: true, names: false })
    }

    /// Inserts an empty row named `name` at `at` (at the end when past it). Refused past
    /// 1 000 rows (T010).
    pub fn insert_row(&mut self, at: usize, name: &str) -> Option<Edit> {
        if self.doc.rows.len() >= MAX_ROWS {
            return None;
        }
        let at = at.min(self.doc.rows.len());
        let t = crate::core::normalize::trim(name);
        let row = if t.is_empty() { Row::default() } else { Row::named(t) };
        self.doc.rows.insert(at, row);
        self.rebuild();
        Some(Edit { row: None, full: true, header: false, names: true })
    }

    /// Removes row `at`.
    pub fn remove_row(&mut self, at: usize) -> Option<Edit> {
        if at >= self.doc.rows.len() {
            return None;
        }
        self.doc.rows.remove(at);
        self.rebuild();
        Some(Edit { row: None, full: true, header: false, names: true })
    }

    /// Re-checks everything after the rows moved (their paths changed), keeping the load-time
    /// issues outside the rows.
    fn rebuild(&mut self) {
        let loaded = std::mem::take(&mut self.loaded);
        *self = FormState::load(&self.doc.to_value());
        self.loaded = loaded;
    }

    /// The document without its rows (what the header rules look at).
    fn header_value(&self) -> Value {
        let mut v = self.doc.to_value();
        if let Some(o) = v.as_object_mut() {
            o.remove("rows");
        }
        v
    }

    fn check_header(&mut self) {
        let (h, mut issues) = model::read(&self.header_value());
        issues.retain(|i| !matches!(i.code, "T008" | "T009"));
        issues.extend(rules::check_table(&h).into_iter().filter(|i| !i.path.starts_with("/rows")));
        self.header = issues;
    }

    fn check_names(&mut self) {
        let names = StatsDoc {
            preset: self.doc.preset.clone(),
            rows: self.doc.rows.iter().map(|r| Row { name: r.name.clone(), ..Row::default() }).collect(),
            has_header: false,
            ..StatsDoc::default()
        };
        // The empty cells give no row rule; T013 (unknown preset) belongs to the header.
        self.names = rules::check_table(&names).into_iter().filter(|i| i.code != "T013").collect();
    }

    fn check_all_rows(&mut self) {
        for (i, row) in self.doc.rows.iter().enumerate() {
            if let Some(r) = self.rows.get_mut(i) {
                r.rules = rules::check_row(i, row, self.doc.batch);
            }
        }
    }

    /// Re-reads the cells of a row from their stored values (after a rename: messages name it).
    fn reread_row(&mut self, i: usize) {
        let Some(row) = self.doc.rows.get(i) else { return };
        let name = label(row, i);
        let mut cells: [Vec<Issue>; INPUT_COUNT] = Default::default();
        for (c, cell) in row.cells.iter().enumerate() {
            let v = cell.to_json();
            let arg = if *cell == Cell::Missing { None } else { Some(&v) };
            read_cell(arg, i, &name, INPUTS[c], &mut cells[c]);
        }
        if let Some(r) = self.rows.get_mut(i) {
            r.cells = cells;
            r.rules = rules::check_row(i, row, self.doc.batch);
        }
    }

    fn sum_all(&mut self) {
        self.sums = [0; INPUT_COUNT];
        for r in &self.doc.rows {
            for (s, c) in self.sums.iter_mut().zip(&r.cells) {
                *s += u128::from(c.value().unwrap_or(0));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::validate::{validate, Options};

    fn doc() -> Value {
        json!({
            "format": "cxzy-stats/1", "unit": "黑龙江省", "batch": 1,
            "as_of": "2011-01-15", "filed_on": "2011-01-16",
            "principal": "甲", "preparer": "乙", "phone": "0451-82345678",
            "preset": "heilongjiang-2010",
            "rows": [ row("哈尔滨市", 1200, 1100), row("齐齐哈尔市", 800, 700) ],
            "report": { "overview": "总体情况", "practices": "突出做法", "examples": "典型事例" }
        })
    }

    fn row(name: &str, orgs: u64, reviewed: u64) -> Value {
        let mut m = Map::new();
        m.insert("name".into(), name.into());
        for f in INPUTS {
            m.insert(f.into(), 0.into());
        }
        m.insert("orgs_total".into(), orgs.into());
        m.insert("orgs_reviewed".into(), reviewed.into());
        m.insert("members_total".into(), (orgs * 30).into());
        m.insert("members_reviewed".into(), (reviewed * 30).into());
        m.insert("secretaries_total".into(), orgs.into());
        m.insert("individual".into(), (reviewed * 31).into());
        Value::Object(m)
    }

    /// Issue keys without the normalisation notes (reported once, when text is read).
    fn keys(issues: &[Issue]) -> Vec<(String, String)> {
        let mut k: Vec<_> = issues
            .iter()
            .filter(|i| !i.code.starts_with('N'))
            .map(|i| (i.code.to_string(), i.path.clone()))
            .collect();
        k.sort();
        k
    }

    fn same_as_full(st: &FormState) {
        let full = validate(&st.to_value(), &Options::default());
        assert_eq!(keys(&st.issues(Locale::ZhCn)), keys(&full));
        let (d, _) = model::read(&st.to_value());
        assert_eq!(st.totals(), crate::core::stats::totals::totals(&d).0);
    }

    #[test]
    fn an_edit_rechecks_its_row_and_moves_the_totals() {
        let mut st = FormState::load(&doc());
        same_as_full(&st);
        let e = st.set_cell(1, "orgs_reviewed", "９００").unwrap();
        assert_eq!(e.row, Some(1));
        let codes: Vec<_> = st.row_issues(1, Locale::ZhCn).iter().map(|i| (i.code, i.path.clone())).collect();
        assert!(codes.contains(&("R010", "/rows/1/orgs_reviewed".to_string())), "{codes:?}");
        assert_eq!(st.total_view()["orgs_reviewed"], 2000);
        assert_eq!(st.total_view()["orgs_coverage"], "100.0%");
        same_as_full(&st);
        st.set_cell(1, "orgs_reviewed", "7OO").unwrap();
        let r = st.row_issues(1, Locale::ZhCn);
        assert_eq!(r[0].code, "R003");
        assert_eq!(r[0].params["raw"], "7OO");
        // Kept as typed.
        assert_eq!(st.to_value()["rows"][1]["orgs_reviewed"], "7OO");
        assert_eq!(st.total_view()["orgs_reviewed"], 1100);
        same_as_full(&st);
        st.set_cell(1, "orgs_reviewed", "").unwrap();
        assert_eq!(st.row_issues(1, Locale::ZhCn)[0].code, "R002");
        same_as_full(&st);
    }

    #[test]
    fn names_header_batch_and_rows() {
        let mut st = FormState::load(&doc());
        st.set_name(1, "哈尔滨市").unwrap();
        assert!(st.name_issues(Locale::ZhCn).iter().any(|i| i.code == "R001" && i.path == "/rows/1/name"));
        same_as_full(&st);
        st.set_header("phone", "12").unwrap();
        assert!(st.header_issues(Locale::ZhCn).iter().any(|i| i.code == "T007"));
        st.set_header("filed_on", "二〇一一年一月二十日").unwrap();
        assert!(st.header_issues(Locale::ZhCn).iter().any(|i| i.code == "T004"));
        same_as_full(&st);
        let e = st.set_header("batch", "2").unwrap();
        assert!(e.full);
        assert!(st.issues(Locale::ZhCn).iter().any(|i| i.code == "R040"));
        same_as_full(&st);
        st.set_header("overview", "").unwrap();
        assert!(st.header_issues(Locale::En).iter().any(|i| i.code == "T012" && i.path == "/report/overview"));
        same_as_full(&st);
        st.insert_row(0, "牡丹江市").unwrap();
        assert_eq!(st.row_count(), 3);
        same_as_full(&st);
        st.remove_row(0).unwrap();
        st.remove_row(0).unwrap();
        st.remove_row(0).unwrap();
        assert!(st.name_issues(Locale::ZhCn).iter().any(|i| i.code == "T010"));
        same_as_full(&st);
        assert!(st.set_cell(0, "orgs_total", "1").is_none());
        assert!(st.set_header("bogus", "1").is_none());
    }

    #[test]
    fn a_blank_preset_form() {
        let st = FormState::blank(Some("heilongjiang-2010"), &["哈尔滨市"]);
        same_as_full(&st);
        assert!(st.issues(Locale::ZhCn).iter().any(|i| i.code == "R002"));
        assert_eq!(st.total_view()["orgs_coverage"], "—");
    }

    #[test]
    fn junk_never_panics() {
        for v in [json!(null), json!([1]), json!({"rows": [1, null, {"name": 3}]}), json!({"rows": "x"})] {
            let mut st = FormState::load(&v);
            let _ = st.set_cell(0, "orgs_total", "-1");
            let _ = st.set_name(0, &"x".repeat(100));
            let _ = st.set_header("batch", "3");
            let _ = st.issues(Locale::En);
            let _ = st.totals();
        }
    }
}
