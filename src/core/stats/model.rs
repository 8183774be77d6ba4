//! The `cxzy-stats/1` document (SPEC §3.2): its typed form, how it is read from JSON (with the
//! issues that reading finds) and how it is written back.
//!
//! Reading never fails: every field that cannot be used becomes an issue and a `None`/`Invalid`
//! value, and the original text is kept so that writing the document back loses nothing the
//! clerk typed.

use chrono::NaiveDate;
use serde_json::{Map, Value};

use crate::core::columns::{self, INPUTS, INPUT_COUNT};
use crate::core::issue::{cell_path, escape_token, Issue};
use crate::core::normalize::{self, Hint, MAX_COUNT};

pub const FORMAT: &str = "cxzy-stats/1";
/// The limits of SPEC §7 (T010, X001): one place, [`crate::core::limits`].
pub use crate::core::limits::{MAX_NAME, MAX_ROWS, MAX_TEXT};

/// Top-level fields, in the order they are written.
pub const FIELDS: &[&str] = &[
    "format", "unit", "batch", "as_of", "filed_on", "deadline", "principal", "preparer", "phone",
    "preset", "rows", "report", "notes",
];
/// Sections of the written report (总体情况、突出做法和典型事例).
pub const REPORT_SECTIONS: [&str; 3] = ["overview", "practices", "examples"];

/// One input cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Missing,
    Value(u64),
    /// What was there, kept as it was (a string as typed, or a JSON number such as `-3`).
    Invalid(Value),
}

impl Cell {
    pub fn value(&self) -> Option<u64> {
        match self {
            Cell::Value(v) => Some(*v),
            _ => None,
        }
    }
    /// The cell as JSON: the number, the invalid input as it was, or `null`.
    pub fn to_json(&self) -> Value {
        match self {
            Cell::Missing => Value::Null,
            Cell::Value(v) => Value::from(*v),
            Cell::Invalid(v) => v.clone(),
        }
    }
}

/// One row of the table: a sub-unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub name: Option<String>,
    pub cells: [Cell; INPUT_COUNT],
}

impl Default for Row {
    fn default() -> Self {
        Row { name: None, cells: std::array::from_fn(|_| Cell::Missing) }
    }
}

impl Row {
    /// A row named `name` with every cell missing.
    pub fn named(name: &str) -> Row {
        Row { name: Some(name.to_string()), ..Row::default() }
    }
    /// The values of the cells, `None` where missing or invalid.
    pub fn values(&self) -> [Option<u64>; INPUT_COUNT] {
        std::array::from_fn(|i| self.cells[i].value())
    }
}

/// A date field as read: the date, or the text that was not one.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum DateField {
    #[default]
    Missing,
    Date(NaiveDate),
    Invalid(Value),
}

impl DateField {
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            DateField::Date(d) => Some(*d),
            _ => None,
        }
    }
    fn to_json(&self) -> Option<Value> {
        match self {
            DateField::Missing => None,
            DateField::Date(d) => Some(Value::from(normalize::iso(*d))),
            DateField::Invalid(v) => Some(v.clone()),
        }
    }
}

/// The statistics table document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StatsDoc {
    pub unit: Option<String>,
    /// 1 or 2 when valid; the raw value otherwise is in `batch_raw`.
    pub batch: Option<u8>,
    pub batch_raw: Option<Value>,
    pub as_of: DateField,
    pub filed_on: DateField,
    pub deadline: DateField,
    pub principal: Option<String>,
    pub preparer: Option<String>,
    /// The phone as typed (validity is a rule: T007).
    pub phone: Option<String>,
    pub preset: Option<String>,
    pub rows: Vec<Row>,
    /// `report` sections; `None` when the document has no `report` at all.
    pub report: Option<[Option<String>; 3]>,
    pub notes: Option<String>,
    /// False when the document came without header fields (a bare CSV table): T rules about
    /// the header are then not applied.
    pub has_header: bool,
}

impl StatsDoc {
    /// An empty table for a preset or a list of row names, with header fields unset.
    pub fn blank(preset: Option<&str>, rows: &[&str]) -> StatsDoc {
        StatsDoc {
            preset: preset.map(str::to_string),
            rows: rows.iter().map(|n| Row::named(n)).collect(),
            has_header: true,
            ..StatsDoc::default()
        }
    }

    /// The document as JSON, in the field order of SPEC §3.2. Invalid input is written back as
    /// it was, so a draft keeps what the clerk typed.
    pub fn to_value(&self) -> Value {
        let mut m = Map::new();
        m.insert("format".into(), FORMAT.into());
        let mut put = |k: &str, v: Option<Value>| {
            if let Some(v) = v {
                m.insert(k.into(), v);
            }
        };
        put("unit", self.unit.clone().map(Value::from));
        put("batch", self.batch.map(Value::from).or_else(|| self.batch_raw.clone()));
        put("as_of", self.as_of.to_json());
        put("filed_on", self.filed_on.to_json());
        put("deadline", self.deadline.to_json());
        put("principal", self.principal.clone().map(Value::from));
        put("preparer", self.preparer.clone().map(Value::from));
        put("phone", self.phone.clone().map(Value::from));
        put("preset", self.preset.clone().map(Value::from));
        put("rows", Some(Value::Array(self.rows.iter().map(row_to_value).collect())));
        if let Some(report) = &self.report {
            let mut r = Map::new();
            for (k, v) in REPORT_SECTIONS.iter().zip(report) {
                r.insert((*k).into(), v.clone().unwrap_or_default().into());
            }
            put("report", Some(Value::Object(r)));
        }
        put("notes", self.notes.clone().map(Value::from));
        Value::Object(m)
    }
}

/// A row as JSON: `name` then the input fields; missing cells are left out.
pub fn row_to_value(row: &Row) -> Value {
    let mut m = Map::new();
    if let Some(n) = &row.name {
        m.insert("name".into(), n.clone().into());
    }
    for (f, c) in INPUTS.iter().zip(&row.cells) {
        if *c != Cell::Missing {
            m.insert((*f).into(), c.to_json());
        }
    }
    Value::Object(m)
}

/// The known name nearest to `field` (for T008's "did you mean").
pub fn nearest<'a>(field: &str, known: impl IntoIterator<Item = &'a str>) -> &'a str {
    known
        .into_iter()
        .min_by_key(|k| strsim::damerau_levenshtein(field, k))
        .unwrap_or("")
}

/// Reports unknown keys of an object (T008) at `base`.
fn unknown_fields(
    obj: &Map<String, Value>,
    base: &str,
    known: &[&str],
    ignored: &[&str],
    issues: &mut Vec<Issue>,
) {
    for k in obj.keys() {
        if !known.contains(&k.as_str()) && !ignored.contains(&k.as_str()) {
            issues.push(
                Issue::new("T008", format!("{base}/{}", escape_token(k)))
                    .param("field", k.as_str())
                    .param("suggestion", nearest(k, known.iter().copied())),
            );
        }
    }
}

/// Reads a text field: trimmed, `None` when absent, blank or not a string (a non-string is
/// kept out: the caller's "missing" rule names it).
fn text(obj: &Map<String, Value>, key: &str, path: &str, max: usize, issues: &mut Vec<Issue>) -> Option<String> {
    let s = obj.get(key)?.as_str()?;
    let t = normalize::trim(s);
    if t.is_empty() {
        return None;
    }
    let len = t.chars().count();
    if len > max {
        issues.push(Issue::new("X001", path).param("field", key).param("length", len).param("max", max));
    }
    Some(t.to_string())
}

/// Reads a date field, reporting T003 for a present value that is not a date and N002 when the
/// text needed normalising. A missing date is reported by the caller (it may be optional).
fn date(obj: &Map<String, Value>, key: &str, issues: &mut Vec<Issue>) -> DateField {
    let path = format!("/{key}");
    match obj.get(key) {
        None | Some(Value::Null) => DateField::Missing,
        Some(Value::String(s)) => match normalize::parse_date(s) {
            Ok(d) => {
                let iso = normalize::iso(d);
                if iso != *s {
                    issues.push(Issue::new("N002", path).param("raw", s.as_str()).param("value", iso));
                }
                DateField::Date(d)
            }
            Err(Hint::Empty) => DateField::Missing,
            Err(h) => {
                issues.push(Issue::new("T003", path).param("field", key).param("raw", s.as_str()).param("hint", h.key()));
                DateField::Invalid(Value::from(s.as_str()))
            }
        },
        Some(other) => {
            issues.push(
                Issue::new("T003", path).param("field", key).param("raw", other.to_string()).param("hint", Hint::NotDate.key()),
            );
            DateField::Invalid(other.clone())
        }
    }
}

/// Reads one input cell. Strings are normalised (full-width digits, `1,200`); the issues for
/// missing (R002), non-integer (R003) and too-large (R004) cells are added here, with the raw
/// input in the params.
pub fn read_cell(v: Option<&Value>, row: usize, row_name: &str, field: &str, issues: &mut Vec<Issue>) -> Cell {
    let path = cell_path(row, field);
    let bad = |hint: Hint, raw: String| {
        Issue::new("R003", path.clone()).param("row", row_name).param("field", field).param("raw", raw).param("hint", hint.key())
    };
    let value = match v {
        None | Some(Value::Null) => {
            issues.push(Issue::new("R002", path).param("row", row_name).param("field", field));
            return Cell::Missing;
        }
        Some(Value::Number(n)) => match (n.as_u64(), n.as_f64()) {
            (Some(u), _) => u,
            // A whole number written as a float (`1.0`, or an integer too long for u64 such as
            // `1e20`): its value counts, so a huge one is R004 "too large", not a "decimal".
            // `as` saturates at u64::MAX.
            (None, Some(f)) if f.fract() == 0.0 && f >= 0.0 => f as u64,
            (None, Some(f)) => {
                let hint = if f < 0.0 { Hint::Negative } else { Hint::Decimal };
                issues.push(bad(hint, n.to_string()));
                return Cell::Invalid(v.cloned().unwrap_or_default());
            }
            (None, None) => {
                issues.push(bad(Hint::NotNumber, n.to_string()));
                return Cell::Invalid(v.cloned().unwrap_or_default());
            }
        },
        Some(Value::String(s)) => match normalize::parse_count(s) {
            Ok(u) => {
                // Plain digits in a string (every CSV cell) are not worth a note; `１,２００` is.
                if s.len() > 20 || s.parse::<u64>().ok() != Some(u) {
                    issues.push(Issue::new("N001", path.clone()).param("raw", s.as_str()).param("value", u));
                }
                u
            }
            Err(Hint::Empty) => {
                issues.push(Issue::new("R002", path).param("row", row_name).param("field", field));
                return Cell::Missing;
            }
            Err(h) => {
                issues.push(bad(h, s.clone()));
                return Cell::Invalid(Value::from(s.as_str()));
            }
        },
        Some(other) => {
            issues.push(bad(Hint::NotNumber, other.to_string()));
            return Cell::Invalid(other.clone());
        }
    };
    if value > MAX_COUNT {
        issues.push(Issue::new("R004", path).param("row", row_name).param("field", field).param("value", value).param("max", MAX_COUNT));
        return Cell::Invalid(v.cloned().unwrap_or_default());
    }
    Cell::Value(value)
}

/// Computed fields a row may carry when it comes from a totals view or a spreadsheet: ignored
/// (they are recomputed), reported once as N005.
fn computed_fields() -> impl Iterator<Item = &'static str> {
    columns::COLUMNS.iter().filter(|c| !c.is_input() && c.field != "name").map(|c| c.field)
}

/// Reads one row object.
pub fn read_row(v: &Value, i: usize, issues: &mut Vec<Issue>) -> Row {
    let Some(obj) = v.as_object() else {
        issues.push(Issue::new("R001", format!("/rows/{i}/name")).param("name", ""));
        return Row::default();
    };
    let name = text(obj, "name", &format!("/rows/{i}/name"), MAX_NAME, issues);
    let label = name.clone().unwrap_or_else(|| format!("#{}", i + 1));
    let mut known: Vec<&str> = vec!["name"];
    known.extend(INPUTS);
    let computed: Vec<&str> = computed_fields().collect();
    unknown_fields(obj, &format!("/rows/{i}"), &known, &computed, issues);
    if obj.keys().any(|k| computed.contains(&k.as_str())) {
        issues.push(Issue::new("N005", format!("/rows/{i}")));
    }
    let cells = std::array::from_fn(|c| read_cell(obj.get(INPUTS[c]), i, &label, INPUTS[c], issues));
    Row { name, cells }
}

/// Reads a statistics table from JSON. Returns the document and the issues found while reading
/// (field-level: T001–T003, T006–T008, T010, R001–R004, X001, N…). The relational rules are in
/// [`crate::core::stats::rules`].
pub fn read(v: &Value) -> (StatsDoc, Vec<Issue>) {
    read_with(v, true)
}

/// As [`read`]; with `header: false` (a bare CSV table) absent header fields are not reported.
pub fn read_with(v: &Value, header: bool) -> (StatsDoc, Vec<Issue>) {
    let mut issues = Vec::new();
    let mut doc = StatsDoc { has_header: header, ..StatsDoc::default() };
    let Some(obj) = v.as_object() else {
        issues.push(Issue::new("T009", "").param("value", kind_name(v)).param("expected", FORMAT));
        return (doc, issues);
    };
    match obj.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        other => issues.push(
            Issue::new("T009", "/format")
                .param("value", other.unwrap_or(""))
                .param("expected", FORMAT),
        ),
    }
    unknown_fields(obj, "", FIELDS, &[], &mut issues);

    doc.unit = text(obj, "unit", "/unit", MAX_NAME, &mut issues);
    if doc.unit.is_none() && header {
        issues.push(Issue::new("T001", "/unit"));
    }
    if header || obj.contains_key("batch") {
        read_batch(obj, &mut doc, &mut issues);
    }
    doc.as_of = date(obj, "as_of", &mut issues);
    doc.filed_on = date(obj, "filed_on", &mut issues);
    doc.deadline = date(obj, "deadline", &mut issues);
    for key in ["as_of", "filed_on"] {
        let f = if key == "as_of" { &doc.as_of } else { &doc.filed_on };
        if *f == DateField::Missing && header {
            issues.push(Issue::new("T003", format!("/{key}")).param("field", key).param("raw", "").param("hint", Hint::Empty.key()));
        }
    }
    doc.principal = text(obj, "principal", "/principal", MAX_NAME, &mut issues);
    doc.preparer = text(obj, "preparer", "/preparer", MAX_NAME, &mut issues);
    for (key, val) in [("principal", &doc.principal), ("preparer", &doc.preparer)] {
        if val.is_none() && header {
            issues.push(Issue::new("T006", format!("/{key}")).param("field", key));
        }
    }
    // The phone is kept as typed (not trimmed): T007/N003 show the clerk's own text as `raw`.
    doc.phone = text(obj, "phone", "/phone", MAX_NAME, &mut issues)
        .and_then(|_| obj.get("phone").and_then(Value::as_str).map(str::to_string));
    // A preset that is not a string is kept as its JSON text, so T013 names it instead of the
    // table silently losing its preset.
    doc.preset = match obj.get("preset") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(other) => Some(other.to_string()),
    };
    doc.notes = text(obj, "notes", "/notes", MAX_TEXT, &mut issues);
    doc.report = obj.get("report").map(|r| read_report(r, &mut issues));

    match obj.get("rows") {
        Some(Value::Array(rows)) => {
            if rows.len() > MAX_ROWS {
                // Past the limit nothing more is read: a huge table must not hang the page.
                issues.push(Issue::new("T010", "/rows").param("count", rows.len()).param("max", MAX_ROWS));
                // SPEC §7 also wants an X issue past every input limit; both name the same fact.
                issues.push(Issue::new("X002", "/rows").param("count", rows.len()).param("max", MAX_ROWS));
            }
            doc.rows = rows.iter().take(MAX_ROWS).enumerate().map(|(i, r)| read_row(r, i, &mut issues)).collect();
        }
        _ => {}
    }
    (doc, issues)
}

fn kind_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn read_batch(obj: &Map<String, Value>, doc: &mut StatsDoc, issues: &mut Vec<Issue>) {
    let raw = obj.get("batch");
    let n = match raw {
        Some(Value::Number(n)) => n.as_u64(),
        Some(Value::String(s)) => normalize::parse_count(s).ok(),
        _ => None,
    };
    match n {
        Some(b @ (1 | 2)) => doc.batch = Some(b as u8),
        _ => {
            let shown = match raw {
                None | Some(Value::Null) => String::new(),
                Some(Value::String(s)) => s.clone(),
                Some(v) => v.to_string(),
            };
            issues.push(Issue::new("T002", "/batch").param("value", shown));
            doc.batch_raw = raw.cloned();
        }
    }
}

fn read_report(v: &Value, issues: &mut Vec<Issue>) -> [Option<String>; 3] {
    let empty = Map::new();
    let obj = v.as_object().unwrap_or(&empty);
    unknown_fields(obj, "/report", &REPORT_SECTIONS, &[], issues);
    std::array::from_fn(|i| {
        let key = REPORT_SECTIONS[i];
        text(obj, key, &format!("/report/{key}"), MAX_TEXT, issues)
    })
}
