//! The `cxzy-stats/1` document (SPEC §3.2): its typed form, how it is read from JSON (with the
//! issues that reading finds) and how it is written back.
//!
//! Reading never fails: every field that cannot be used becomes an issue and a `None`/`Invalid`
//! value, and the original text is kept so that writing the document back loses nothing the
//! clerk typed.

use std::fmt;

use chrono::NaiveDate;
use crate::core::json::Skip;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::core::columns::{self, INPUTS, INPUT_COUNT};
use crate::core::fields::unknown_fields;
use crate::core::issue::{cell_path, escape_token, Issue};
use crate::core::json::ParseError;
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

/// The known name nearest to `field` (for T008's "did you mean"), compared on its first 64
/// characters (as the CSV reader's headers): the edit distance is quadratic, and a key of
/// megabytes must not take seconds to name a suggestion no clerk reads past its start.
pub fn nearest<'a>(field: &str, known: impl IntoIterator<Item = &'a str>) -> &'a str {
    let field: String = field.chars().take(64).collect();
    known
        .into_iter()
        .min_by_key(|k| strsim::levenshtein(&field, k))
        .unwrap_or("")
}

/// T008 for the unknown key `k` at `path` (the whole key): the key named in the params and the
/// message by its first 64 characters — a key of megabytes is not copied into every part of the
/// issue (in the wasm, a 60 MB key ran out of memory) — and the known name nearest to it.
pub fn unknown_key<'a>(path: String, k: &str, known: impl IntoIterator<Item = &'a str>) -> Issue {
    let shown: String = k.chars().take(64).collect();
    let suggestion = nearest(&shown, known);
    Issue::new("T008", path).param("field", shown).param("suggestion", suggestion)
}

/// Reads a text field: trimmed, `None` when absent, blank or not a string (a non-string is kept
/// out: the caller's "missing" rule names it), X001 past `max`. (As [`text_of`] does, with the
/// path at hand: routed through it, the form's wasm grew by 37 B, past its budget.)
fn text(obj: &Map<String, Value>, key: &str, path: &str, max: usize, issues: &mut Vec<Issue>) -> Option<String> {
    let t = normalize::trim(obj.get(key)?.as_str()?);
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
/// input in the params. The cell's path is built only when an issue is raised.
pub fn read_cell(v: Option<&Value>, row: usize, row_name: &str, field: &str, issues: &mut Vec<Issue>) -> Cell {
    let path = || cell_path(row, field);
    let bad = |hint: Hint, raw: String| {
        Issue::new("R003", path()).param("row", row_name).param("field", field).param("raw", raw).param("hint", hint.key())
    };
    let value = match v {
        None | Some(Value::Null) => {
            issues.push(Issue::new("R002", path()).param("row", row_name).param("field", field));
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
                    issues.push(Issue::new("N001", path()).param("raw", s.as_str()).param("value", u));
                }
                u
            }
            Err(Hint::Empty) => {
                issues.push(Issue::new("R002", path()).param("row", row_name).param("field", field));
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
        issues.push(Issue::new("R004", path()).param("row", row_name).param("field", field).param("value", value).param("max", MAX_COUNT));
        return Cell::Invalid(v.cloned().unwrap_or_default());
    }
    Cell::Value(value)
}

/// The computed fields (columns 3, 8, 10, 13, 21), in column order. A row may carry them when
/// it comes from a totals view or a spreadsheet: they are recomputed, and a value that differs
/// from the computed one is R041 (an equal one N005).
pub const COMPUTED: [&str; 5] = ["orgs_coverage", "secretaries_coverage", "secretaries_participation", "members_coverage", "methods_total"];

/// The key of a row: `name` (0), an input (1 + index in [`INPUTS`]), a computed field
/// (21 + index in [`COMPUTED`]) — direct indices, no hashing — or an unknown key.
// Unused in the statistics-only wasm, which reads through a `Value` (see `read_text`).
#[allow(dead_code)]
enum RowKey {
    Known(usize),
    Unknown(String),
}

const ROW_KEYS: usize = 1 + INPUT_COUNT + COMPUTED.len();

// Unused in the statistics-only wasm, which reads through a `Value` (see `read_text`).
#[allow(dead_code)]
fn row_key_name(k: usize) -> &'static str {
    match k {
        0 => "name",
        k if k <= INPUT_COUNT => INPUTS[k - 1],
        k => COMPUTED[k - 1 - INPUT_COUNT],
    }
}

/// The slot of a row key (see [`RowKey`]).
fn row_key(s: &str) -> Option<usize> {
    if s == "name" {
        return Some(0);
    }
    if let Some(i) = INPUTS.iter().position(|f| *f == s) {
        return Some(1 + i);
    }
    COMPUTED.iter().position(|f| *f == s).map(|i| 1 + INPUT_COUNT + i)
}

impl<'de> Deserialize<'de> for RowKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RowKey;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<RowKey, E> {
                Ok(row_key(s).map_or_else(|| RowKey::Unknown(s.to_string()), RowKey::Known))
            }
        }
        d.deserialize_str(V)
    }
}

/// T015: a key given twice in one object; the first is kept.
// Unused in the statistics-only wasm, which reads through a `Value` (see `read_text`).
#[allow(dead_code)]
fn duplicate_key(path: String, key: &str) -> Issue {
    Issue::new("T015", path).param("key", key)
}

/// One row, read in one pass from its JSON object: each value lands in its field's slot, only
/// unknown keys are kept as text (for T008), and nothing is formatted unless an issue is raised.
// Unused in the statistics-only wasm, which reads through a `Value` (see `read_text`).
#[allow(dead_code)]
struct RowSeed<'a> {
    i: usize,
    issues: &'a mut Vec<Issue>,
}

impl<'de> DeserializeSeed<'de> for RowSeed<'_> {
    type Value = Row;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Row, D::Error> {
        d.deserialize_any(self)
    }
}

impl RowSeed<'_> {
    /// A row that is not an object: R001 (no name), every cell missing.
    fn not_object(self) -> Row {
        self.issues.push(Issue::new("R001", format!("/rows/{}/name", self.i)).param("name", ""));
        Row::default()
    }
}

impl<'de> Visitor<'de> for RowSeed<'_> {
    type Value = Row;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a row")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Row, E> {
        Ok(self.not_object())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Row, E> {
        Ok(self.not_object())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Row, E> {
        Ok(self.not_object())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Row, E> {
        Ok(self.not_object())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Row, E> {
        Ok(self.not_object())
    }
    fn visit_unit<E: de::Error>(self) -> Result<Row, E> {
        Ok(self.not_object())
    }
    fn visit_none<E: de::Error>(self) -> Result<Row, E> {
        Ok(self.not_object())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Row, A::Error> {
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(self.not_object())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Row, A::Error> {
        let (i, issues) = (self.i, self.issues);
        let mut slots: [Option<Value>; ROW_KEYS] = std::array::from_fn(|_| None);
        let mut unknown: Vec<String> = Vec::new();
        let mut dups: Vec<Issue> = Vec::new();
        while let Some(k) = map.next_key::<RowKey>()? {
            match k {
                RowKey::Known(k) if slots[k].is_none() => {
                    // `null` is kept as a value: a key given as null and again is still twice.
                    slots[k] = Some(map.next_value::<Value>()?);
                }
                RowKey::Known(k) => {
                    map.next_value::<Skip>()?;
                    dups.push(duplicate_key(cell_path(i, row_key_name(k)), row_key_name(k)));
                }
                RowKey::Unknown(k) => {
                    map.next_value::<Skip>()?;
                    if unknown.contains(&k) {
                        dups.push(duplicate_key(cell_path(i, &k), &k));
                    } else {
                        unknown.push(k);
                    }
                }
            }
        }
        Ok(finish_row(i, slots, &unknown, dups, issues))
    }
}

/// The issues of a row once its values are in their slots, in the order the rules are
/// documented: name (X001), unknown keys (T008), repeated keys (T015), computed fields (R041 /
/// N005), then the cells in column order (R002–R004, N001).
fn finish_row(i: usize, mut slots: [Option<Value>; ROW_KEYS], unknown: &[String], dups: Vec<Issue>, issues: &mut Vec<Issue>) -> Row {
    let name = match slots[0].take() {
        Some(Value::String(s)) => text_of(&s, "name", || format!("/rows/{i}/name"), MAX_NAME, issues),
        _ => None,
    };
    let numbered;
    let label = match &name {
        Some(n) => n.as_str(),
        None => {
            numbered = format!("#{}", i + 1);
            numbered.as_str()
        }
    };
    if !unknown.is_empty() {
        let mut known: Vec<&str> = vec!["name"];
        known.extend(INPUTS);
        for k in unknown {
            issues.push(unknown_key(cell_path(i, k), k, known.iter().copied()));
        }
    }
    issues.extend(dups);
    // The cells' issues come after R041 / N005 (about the row as a whole), which need the cells.
    let mut cell_issues = Vec::new();
    let cells: [Cell; INPUT_COUNT] = std::array::from_fn(|c| read_cell(slots[1 + c].as_ref(), i, label, INPUTS[c], &mut cell_issues));
    let supplied = &slots[1 + INPUT_COUNT..];
    if supplied.iter().any(Option::is_some) {
        let values: [Option<u64>; INPUT_COUNT] = std::array::from_fn(|c| cells[c].value());
        let mut equal = false;
        let mut mismatches = Vec::new();
        for (field, s) in COMPUTED.iter().zip(supplied) {
            let Some(s) = s else { continue };
            match computed_mismatch(&values, field, s) {
                Some(computed) => mismatches.push(
                    Issue::new("R041", cell_path(i, field))
                        .param("row", label)
                        .param("field", *field)
                        .param("supplied", s.clone())
                        .param("computed", computed),
                ),
                None => equal = true,
            }
        }
        if equal {
            issues.push(Issue::new("N005", format!("/rows/{i}")));
        }
        issues.extend(mismatches);
    }
    issues.extend(cell_issues);
    Row { name, cells }
}

/// The computed value of `field` for the row, when `supplied` claims another: `None` when they
/// agree, when nothing is claimed (`null`, blank) or when the row's cells do not allow computing
/// it. A coverage agrees when it is within a tenth of a percent of the exact ratio (so both the
/// rounded-down display and a rounded-to-nearest figure agree), `—` with a zero denominator; the
/// methods total must be the exact sum.
/// `values`: the row's cells (`None` where missing or invalid); for a 合计 row, the column sums.
pub fn computed_mismatch(values: &[Option<u64>; INPUT_COUNT], field: &str, supplied: &Value) -> Option<Value> {
    use crate::core::stats::totals::{compute, Computed};
    let col = columns::COLUMNS.iter().find(|c| c.field == field)?;
    let text = match supplied {
        Value::Null => return None,
        Value::String(s) => normalize::trim(s).to_string(),
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    };
    if text.is_empty() {
        return None;
    }
    match compute(col.kind, values)? {
        Computed::Sum(sum) => {
            let sum = sum?;
            let claimed = match supplied {
                Value::Number(n) => n.as_u64(),
                _ => normalize::parse_count(&text).ok(),
            };
            (claimed != Some(sum)).then(|| Value::from(sum))
        }
        Computed::Ratio(r) => {
            let r = r?;
            let shown = r.display();
            if text == shown {
                return None;
            }
            let agrees = match r.permille() {
                None => matches!(text.as_str(), "—" | "-" | "–" | "--"),
                Some(_) => {
                    let t = text.trim_end_matches(['%', '％']).trim();
                    within_a_tenth(t, r.num, r.den)
                }
            };
            (!agrees).then(|| Value::from(shown))
        }
    }
}

/// `t` (a percentage written `91.6`, `100`, `91.666`) is within 0.1 of `100 · num / den`, in
/// exact integer arithmetic (no float parsing: the embedded form's wasm carries none).
fn within_a_tenth(t: &str, num: u64, den: u64) -> bool {
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    let digits = |s: &str| !s.is_empty() && s.len() <= 12 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || !(frac.is_empty() || digits(frac)) || frac.len() > 6 {
        return false;
    }
    let scale = 10u128.pow(frac.len() as u32);
    // At most 12 and 6 digits: read as u64 (a u128 reader would be more code in the form's wasm).
    let read = |s: &str| u128::from(s.parse::<u64>().unwrap_or(0));
    let p = read(int) * scale + read(frac);
    // |p / scale − 100 · num / den| < 1/10  ⇔  |10 · p · den − 1000 · num · scale| < den · scale
    let (a, b) = (10 * p * u128::from(den), 1000 * u128::from(num) * scale);
    a.abs_diff(b) < u128::from(den) * scale
}

/// A text value: trimmed, `None` when blank; X001 past `max` characters ([`crate::core::fields::text_value`]).
fn text_of(s: &str, field: &str, path: impl FnOnce() -> String, max: usize, issues: &mut Vec<Issue>) -> Option<String> {
    crate::core::fields::text_value(s, field, path, max, issues).map(str::to_string)
}

/// Any JSON value into a [`Value`], an object's keys given twice reported as T015 at `base`
/// (the first kept). For the header fields and `report`: the few values outside the rows.
// Unused in the statistics-only wasm, which reads through a `Value` (see `read_text`).
#[allow(dead_code)]
struct ObjectSeed<'a> {
    base: &'a str,
    issues: &'a mut Vec<Issue>,
    /// The top level: `rows` is read by [`RowsSeed`] into `rows`, not kept as a value.
    rows: Option<&'a mut Rows>,
}

/// The rows as read: the rows, their issues and how many there were in all (past
/// [`MAX_ROWS`] only counted).
#[derive(Default)]
struct Rows {
    rows: Vec<Row>,
    issues: Vec<Issue>,
    count: usize,
    seen: bool,
}

impl<'de> DeserializeSeed<'de> for ObjectSeed<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

macro_rules! forward_to_value {
    ($($f:ident($t:ty)),*) => {$(
        fn $f<E: de::Error>(self, v: $t) -> Result<Value, E> {
            Ok(Value::from(v))
        }
    )*};
}

impl<'de> Visitor<'de> for ObjectSeed<'_> {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    forward_to_value!(visit_bool(bool), visit_i64(i64), visit_u64(u64), visit_f64(f64));
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(v) = seq.next_element::<Value>()? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let ObjectSeed { base, issues, mut rows } = self;
        let mut obj = Map::new();
        while let Some(k) = map.next_key::<String>()? {
            if let Some(r) = rows.as_deref_mut().filter(|_| k == "rows") {
                if r.seen {
                    map.next_value::<Skip>()?;
                    issues.push(duplicate_key(format!("{base}/rows"), "rows"));
                } else {
                    r.seen = true;
                    map.next_value_seed(RowsSeed(r))?;
                    // A placeholder keeps the key's place (T008 of other formats sees it).
                    obj.insert(k, Value::Null);
                }
            } else if obj.contains_key(&k) {
                map.next_value::<Skip>()?;
                issues.push(duplicate_key(format!("{base}/{}", escape_token(&k)), &k));
            } else if rows.is_some() && k == "report" {
                // The report's sections: T015 there too.
                let v = map.next_value_seed(ObjectSeed { base: "/report", issues: &mut *issues, rows: None })?;
                obj.insert(k, v);
            } else {
                let v = map.next_value::<Value>()?;
                obj.insert(k, v);
            }
        }
        Ok(Value::Object(obj))
    }
}

/// The `rows` array, row by row; past [`MAX_ROWS`] rows are only counted.
// Unused in the statistics-only wasm, which reads through a `Value` (see `read_text`).
#[allow(dead_code)]
struct RowsSeed<'a>(&'a mut Rows);

impl<'de> DeserializeSeed<'de> for RowsSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        // `rows` that is not an array is ignored here (T010 "no rows" follows).
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for RowsSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("rows")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<Skip, Skip>()?.is_some() {}
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let r = self.0;
        loop {
            if r.count < MAX_ROWS {
                let seed = RowSeed { i: r.count, issues: &mut r.issues };
                match seq.next_element_seed(seed)? {
                    Some(row) => r.rows.push(row),
                    None => break,
                }
            } else if seq.next_element::<Skip>()?.is_none() {
                break;
            }
            r.count += 1;
        }
        Ok(())
    }
}

/// A document read in one pass: the statistics table (as read, with its reading issues), and
/// the top-level fields other than `rows` as a [`Value`] (for `format` and the other readers).
pub struct Read {
    pub doc: StatsDoc,
    pub issues: Vec<Issue>,
    /// The top level as JSON, `rows` replaced by `null` (the whole document when it has none).
    pub top: Value,
}

impl Read {
    /// The document's `format`, `""` when absent or not a string.
    pub fn format(&self) -> &str {
        self.top.get("format").and_then(Value::as_str).unwrap_or("")
    }
}

// Unused in the statistics-only wasm, which reads through a `Value` (see `read_text`).
#[allow(dead_code)]
fn read_seed<'de, D: Deserializer<'de>>(d: D, header: bool) -> Result<Read, D::Error> {
    let mut rows = Rows::default();
    let mut dups = Vec::new();
    let top = ObjectSeed { base: "", issues: &mut dups, rows: Some(&mut rows) }.deserialize(d)?;
    let (doc, issues) = from_parts(&top, rows, dups, header);
    Ok(Read { doc, issues, top })
}

/// Reads a statistics table from JSON text in one pass (no `Value` tree for the rows). Fails
/// only when the text is not JSON.
///
/// The statistics form's own wasm module (no `review` feature, within its download budget) reads
/// the text into a `Value` first and so cannot see a key given twice (T015): the one-pass
/// reader's code would cost it ~20 KiB gzip. The full module and the CLI read in one pass.
pub fn read_text(text: &str) -> Result<Read, ParseError> {
    #[cfg(feature = "review")]
    return crate::core::json::with_deserializer(text, |d| read_seed(d, true));
    #[cfg(not(feature = "review"))]
    {
        let top = crate::core::json::parse(text)?;
        let (doc, issues) = read_with(&top, true);
        Ok(Read { doc, issues, top })
    }
}

/// Reads a statistics table from JSON. Returns the document and the issues found while reading
/// (field-level: T001–T003, T006–T008, T010, T015, T016, R001–R004, R041, X001, N…). The
/// relational rules are in [`crate::core::stats::rules`].
pub fn read(v: &Value) -> (StatsDoc, Vec<Issue>) {
    read_with(v, true)
}

/// As [`read`]; with `header: false` (a bare CSV table) absent header fields are not reported.
/// A `Value` has no repeated keys: the same document and issues as [`read_text`] on its text.
pub fn read_with(v: &Value, header: bool) -> (StatsDoc, Vec<Issue>) {
    let mut rows = Rows::default();
    if let Some(Value::Array(a)) = v.get("rows") {
        rows.seen = true;
        rows.count = a.len();
        for (i, r) in a.iter().take(MAX_ROWS).enumerate() {
            let row = match r.as_object() {
                None => RowSeed { i, issues: &mut rows.issues }.not_object(),
                Some(obj) => {
                    let mut slots: [Option<Value>; ROW_KEYS] = std::array::from_fn(|_| None);
                    let mut unknown = Vec::new();
                    for (k, x) in obj {
                        match row_key(k) {
                            Some(j) => slots[j] = Some(x.clone()),
                            None => unknown.push(k.clone()),
                        }
                    }
                    finish_row(i, slots, &unknown, Vec::new(), &mut rows.issues)
                }
            };
            rows.rows.push(row);
        }
    }
    from_parts(v, rows, Vec::new(), header)
}

/// The document from its top-level fields and its rows, with the issues in the documented order:
/// the header fields, then the rows.
fn from_parts(top: &Value, rows: Rows, dups: Vec<Issue>, header: bool) -> (StatsDoc, Vec<Issue>) {
    let mut issues = Vec::new();
    let mut doc = StatsDoc { has_header: header, ..StatsDoc::default() };
    let Some(obj) = top.as_object() else {
        issues.push(Issue::new("T009", "").param("value", kind_name(top)).param("expected", FORMAT));
        return (doc, issues);
    };
    read_header(obj, header, &mut doc, &mut issues, Some(dups));
    if rows.count > MAX_ROWS {
        // Past the limit nothing more is read: a huge table must not hang the page.
        issues.push(Issue::new("T010", "/rows").param("count", rows.count).param("max", MAX_ROWS));
        // SPEC §7 also wants an X issue past every input limit; both name the same fact.
        issues.push(Issue::new("X002", "/rows").param("count", rows.count).param("max", MAX_ROWS));
    }
    doc.rows = rows.rows;
    issues.extend(rows.issues);
    (doc, issues)
}

/// The header fields (everything but the rows). `dups`: the top level's repeated keys (T015),
/// reported after the unknown ones; `None` in the legacy reader.
pub(crate) fn read_header(obj: &Map<String, Value>, header: bool, doc: &mut StatsDoc, issues: &mut Vec<Issue>, dups: Option<Vec<Issue>>) {
    match obj.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        other => issues.push(
            Issue::new("T009", "/format")
                .param("value", other.unwrap_or(""))
                .param("expected", FORMAT),
        ),
    }
    unknown_fields(obj, "", FIELDS, issues);
    issues.extend(dups.unwrap_or_default());

    doc.unit = text(obj, "unit", "/unit", MAX_NAME, issues);
    if doc.unit.is_none() && header {
        issues.push(Issue::new("T001", "/unit"));
    }
    if header || obj.contains_key("batch") {
        read_batch(obj, doc, issues);
    }
    doc.as_of = date(obj, "as_of", issues);
    doc.filed_on = date(obj, "filed_on", issues);
    doc.deadline = date(obj, "deadline", issues);
    for key in ["as_of", "filed_on"] {
        let f = if key == "as_of" { &doc.as_of } else { &doc.filed_on };
        if *f == DateField::Missing && header {
            issues.push(Issue::new("T003", format!("/{key}")).param("field", key).param("raw", "").param("hint", Hint::Empty.key()));
        }
    }
    doc.principal = text(obj, "principal", "/principal", MAX_NAME, issues);
    doc.preparer = text(obj, "preparer", "/preparer", MAX_NAME, issues);
    for (key, val) in [("principal", &doc.principal), ("preparer", &doc.preparer)] {
        if val.is_none() && header {
            issues.push(Issue::new("T006", format!("/{key}")).param("field", key));
        }
    }
    // The phone is kept as typed (not trimmed): T007/N003 show the clerk's own text as `raw`.
    doc.phone = text(obj, "phone", "/phone", MAX_NAME, issues)
        .and_then(|_| obj.get("phone").and_then(Value::as_str).map(str::to_string));
    // A preset that is not a string is kept as its JSON text, so T013 names it instead of the
    // table silently losing its preset.
    doc.preset = match obj.get("preset") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(other) => Some(other.to_string()),
    };
    doc.notes = text(obj, "notes", "/notes", MAX_TEXT, issues);
    doc.report = obj.get("report").map(|r| read_report(r, issues));
}

pub(crate) fn kind_name(v: &Value) -> &'static str {
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

/// The written report. An object of the three sections; `null` reads as three empty sections
/// (T012). Anything else is T016 — a report written as one text is kept, as the overview, so
/// that nothing the clerk wrote is lost.
fn read_report(v: &Value, issues: &mut Vec<Issue>) -> [Option<String>; 3] {
    let empty = Map::new();
    let obj = match v {
        Value::Object(o) => o,
        Value::Null => &empty,
        other => {
            let raw = match other {
                Value::String(s) => s.chars().take(200).collect(),
                v => v.to_string().chars().take(200).collect::<String>(),
            };
            issues.push(Issue::new("T016", "/report").param("raw", raw));
            let overview = other.as_str().and_then(|s| text_of(s, "overview", || "/report".into(), MAX_TEXT, issues));
            return [overview, None, None];
        }
    };
    unknown_fields(obj, "/report", &REPORT_SECTIONS, issues);
    std::array::from_fn(|i| {
        let key = REPORT_SECTIONS[i];
        text(obj, key, &format!("/report/{key}"), MAX_TEXT, issues)
    })
}

/// Reads a statistics table handed over packed, as the JavaScript API does for a document
/// object: `head` is the JSON text of the top-level fields without `rows`, `names` the rows'
/// `name` values (JSON `null` where absent) and `cells` the rows' input cells, [`INPUT_COUNT`]
/// per row in [`INPUTS`] order, `NaN` where absent or `null`. The JavaScript side packs only
/// rows whose keys are `name` and input fields and whose cells are integers in
/// 0‥2⁵³ (anything else goes as JSON text), so the result is exactly [`read_text`]'s on the
/// document's text. No `Value` is built for the cells and no text is parsed for them.
pub fn read_packed(head: &str, names: &[Value], cells: &[f64]) -> Result<Read, ParseError> {
    // A JavaScript object has no repeated keys: the head is a plain `Value`.
    let mut top = crate::core::json::parse(head)?;
    let mut rows = Rows { seen: true, count: names.len(), ..Rows::default() };
    for (i, name) in names.iter().enumerate().take(MAX_ROWS) {
        let mut slots: [Option<Value>; ROW_KEYS] = std::array::from_fn(|_| None);
        slots[0] = Some(name.clone());
        for c in 0..INPUT_COUNT {
            let x = cells.get(i * INPUT_COUNT + c).copied().unwrap_or(f64::NAN);
            // `as` saturates; the packer sends only whole numbers in 0‥2⁵³.
            slots[1 + c] = (!x.is_nan()).then(|| Value::from(x as u64));
        }
        let row = finish_row(i, slots, &[], Vec::new(), &mut rows.issues);
        rows.rows.push(row);
    }
    if let Value::Object(m) = &mut top {
        m.insert("rows".into(), Value::Null);
    }
    let (doc, issues) = from_parts(&top, rows, Vec::new(), true);
    Ok(Read { doc, issues, top })
}
