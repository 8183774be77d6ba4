//! Roll-up (SPEC §5.2): a province merges its sub-units' submitted tables into its own table,
//! one row per child holding the child's totals — 一级抓一级 (黑创先办[2010]11号).
//!
//! A child's total is only as good as its cells: a column with a missing or invalid cell in any
//! of the child's rows (a 2^64 `orgs_total`, `"十二"`) has no total, and the parent's cell is
//! left empty so that the parent's own R002 shows it. Counting it as 0 would report a parent
//! that looks complete and is wrong.

use std::collections::HashMap;

use serde_json::Value;

use crate::core::columns::INPUT_COUNT;
use crate::core::issue::Issue;
use crate::core::stats::model::{self, Cell, Row, StatsDoc};
use crate::core::validate::check_stats;

/// Builds the parent table for `unit` from the children's documents. The batch is `batch`, or
/// the first child's. Issues point into the list of children (`/children/{i}/…`): T009 a child
/// that is not a `cxzy-stats/1` table (a roster, an entries file: it has no row in the parent),
/// A001 a child of another batch, A002 a unit twice (all three errors: the parent would be
/// wrong, see [`refused`]), A003 a child with errors of its own (a warning: the receiving office
/// decides).
pub fn aggregate(children: &[Value], unit: &str, batch: Option<u8>) -> (StatsDoc, Vec<Issue>) {
    let mut issues = Vec::new();
    // (index in `children`, the child's table)
    let mut docs: Vec<(usize, StatsDoc)> = Vec::with_capacity(children.len());
    for (i, v) in children.iter().enumerate() {
        let (doc, read_issues) = model::read(v);
        if let Some(t009) = read_issues.iter().find(|x| x.code == "T009") {
            let mut refused = t009.clone();
            refused.path = format!("/children/{i}{}", t009.path);
            issues.push(refused);
            continue;
        }
        let errors = check_stats(&doc, read_issues, None).iter().filter(|x| x.is_error()).count();
        if errors > 0 {
            issues.push(
                Issue::new("A003", format!("/children/{i}"))
                    .param("unit", doc.unit.clone().unwrap_or_default())
                    .param("errors", errors),
            );
        }
        docs.push((i, doc));
    }
    let batch = batch.or_else(|| docs.iter().find_map(|(_, d)| d.batch));
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, d) in &docs {
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
            seen.insert(name, *i);
        }
    }
    let rows = docs.iter().map(|(_, d)| Row { name: d.unit.clone(), cells: child_totals(&d.rows) }).collect();
    let parent = StatsDoc { unit: Some(unit.to_string()), batch, rows, has_header: true, ..StatsDoc::default() };
    (parent, issues)
}

/// The child's 合计, column by column: a column with a missing or invalid cell in any row, or a
/// sum past 64 bits, has no total (`Cell::Missing`); a child without rows has none at all.
fn child_totals(rows: &[Row]) -> [Cell; INPUT_COUNT] {
    std::array::from_fn(|c| {
        if rows.is_empty() {
            return Cell::Missing;
        }
        rows.iter()
            .try_fold(0u64, |sum, r| sum.checked_add(r.cells[c].value()?))
            .map_or(Cell::Missing, Cell::Value)
    })
}

/// True when the roll-up must be refused: a child that is not a statistics table (T009),
/// children of different batches (A001) or a unit twice (A002).
pub fn refused(issues: &[Issue]) -> bool {
    issues.iter().any(|i| i.is_error() && matches!(i.code, "A001" | "A002" | "T009") && i.path.starts_with("/children/"))
}
