//! The reader that [`super::model`]'s one-pass reader replaced: it builds a `serde_json::Value`
//! tree first and reads the rows from it. Kept only as the oracle of the comparison test
//! (tests/reader_equivalence.rs), until that test is retired with it.
#![doc(hidden)]

use serde_json::Value;

use crate::core::columns::{self, INPUTS};
use crate::core::issue::{escape_token, Issue};
use crate::core::stats::model::{kind_name, read_cell, unknown_key, read_header, Row, StatsDoc, MAX_NAME, MAX_ROWS};

fn computed_fields() -> impl Iterator<Item = &'static str> {
    columns::COLUMNS.iter().filter(|c| !c.is_input() && c.field != "name").map(|c| c.field)
}

fn read_row(v: &Value, i: usize, issues: &mut Vec<Issue>) -> Row {
    let Some(obj) = v.as_object() else {
        issues.push(Issue::new("R001", format!("/rows/{i}/name")).param("name", ""));
        return Row::default();
    };
    let name = obj.get("name").and_then(Value::as_str).map(crate::core::normalize::trim).filter(|t| !t.is_empty()).map(str::to_string);
    if let Some(n) = &name {
        let len = n.chars().count();
        if len > MAX_NAME {
            issues.push(Issue::new("X001", format!("/rows/{i}/name")).param("field", "name").param("length", len).param("max", MAX_NAME));
        }
    }
    let label = name.clone().unwrap_or_else(|| format!("#{}", i + 1));
    let mut known: Vec<&str> = vec!["name"];
    known.extend(INPUTS);
    let computed: Vec<&str> = computed_fields().collect();
    for k in obj.keys() {
        if !known.contains(&k.as_str()) && !computed.contains(&k.as_str()) {
            issues.push(unknown_key(format!("/rows/{i}/{}", escape_token(k)), k, known.iter().copied()));
        }
    }
    if obj.keys().any(|k| computed.contains(&k.as_str())) {
        issues.push(Issue::new("N005", format!("/rows/{i}")));
    }
    let cells = std::array::from_fn(|c| read_cell(obj.get(INPUTS[c]), i, &label, INPUTS[c], issues));
    Row { name, cells }
}

/// The old `model::read`: a `Value` tree read field by field.
pub fn read(v: &Value) -> (StatsDoc, Vec<Issue>) {
    read_with(v, true)
}

/// As [`read`], `header: false` for a bare CSV table.
pub fn read_with(v: &Value, header: bool) -> (StatsDoc, Vec<Issue>) {
    let mut issues = Vec::new();
    let mut doc = StatsDoc { has_header: header, ..StatsDoc::default() };
    let Some(obj) = v.as_object() else {
        issues.push(Issue::new("T009", "").param("value", kind_name(v)).param("expected", crate::core::stats::model::FORMAT));
        return (doc, issues);
    };
    read_header(obj, header, &mut doc, &mut issues, None);
    if let Some(Value::Array(rows)) = obj.get("rows") {
        if rows.len() > MAX_ROWS {
            issues.push(Issue::new("T010", "/rows").param("count", rows.len()).param("max", MAX_ROWS));
            issues.push(Issue::new("X002", "/rows").param("count", rows.len()).param("max", MAX_ROWS));
        }
        doc.rows = rows.iter().take(MAX_ROWS).enumerate().map(|(i, r)| read_row(r, i, &mut issues)).collect();
    }
    (doc, issues)
}
