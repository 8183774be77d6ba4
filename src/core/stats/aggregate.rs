//! Roll-up (SPEC §5.2): a province merges its sub-units' submitted tables into its own table,
//! one row per child holding the child's totals — 一级抓一级 (黑创先办[2010]11号).

use std::collections::HashMap;

use serde_json::Value;

use crate::core::issue::Issue;
use crate::core::stats::model::{self, Cell, Row, StatsDoc};
use crate::core::stats::totals::column_sums;
use crate::core::validate::check_stats;

/// Builds the parent table for `unit` from the children's documents. The batch is `batch`, or
/// the first child's. Issues point into the list of children (`/children/{i}/…`): A001 a child
/// of another batch, A002 a unit twice (both errors: the parent would be wrong), A003 a child
/// with errors of its own (a warning: the receiving office decides).
pub fn aggregate(children: &[Value], unit: &str, batch: Option<u8>) -> (StatsDoc, Vec<Issue>) {
    let mut issues = Vec::new();
    let docs: Vec<StatsDoc> = children
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let (doc, read_issues) = model::read(v);
            let errors = check_stats(&doc, read_issues, None).iter().filter(|x| x.is_error()).count();
            if errors > 0 {
                issues.push(
                    Issue::new("A003", format!("/children/{i}"))
                        .param("unit", doc.unit.clone().unwrap_or_default())
                        .param("errors", errors),
                );
            }
            doc
        })
        .collect();
    let batch = batch.or_else(|| docs.iter().find_map(|d| d.batch));
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, d) in docs.iter().enumerate() {
        let name = d.unit.as_deref().unwrap_or("");
        if d.batch != batch {
            issues.push(
                Issue::new("A001", format!("/children/{i}/batch"))
                    .param("unit", name)
                    .param("batch", d.batch.map_or_else(String::new, |b| b.to_string()))
                    .param("expected", batch.map_or_else(String::new, |b| b.to_string())),
            );
        }
        if let Some(first) = seen.get(name) {
            issues.push(Issue::new("A002", format!("/children/{i}/unit")).related(format!("/children/{first}/unit")).param("unit", name));
        } else {
            seen.insert(name, i);
        }
    }
    let rows = docs
        .iter()
        .map(|d| {
            let sums = column_sums(&d.rows).unwrap_or([0; crate::core::columns::INPUT_COUNT]);
            Row { name: d.unit.clone(), cells: sums.map(Cell::Value) }
        })
        .collect();
    let parent = StatsDoc { unit: Some(unit.to_string()), batch, rows, has_header: true, ..StatsDoc::default() };
    (parent, issues)
}

/// True when the roll-up must be refused: children of different batches or a unit twice.
pub fn refused(issues: &[Issue]) -> bool {
    issues.iter().any(|i| i.is_error() && (i.code == "A001" || i.code == "A002"))
}
