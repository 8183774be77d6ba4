//! Comparison with the first report (SPEC §5.2, P rules). The notices ask for two reports
//! (黑创先办[2010]11号: 1月16日、2月16日前分别报送); the second is cumulative, so its reviewed
//! counts cannot fall, and the numbers of organisations and members do not move much in a month.

use crate::core::columns::ix::*;
use crate::core::columns::INPUTS;
use crate::core::issue::{cell_path, Issue};
use crate::core::stats::model::StatsDoc;

/// Columns that accumulate from batch 1 to batch 2 (reviewed counts, methods, talks, models,
/// problems).
const CUMULATIVE: &[usize] = &[
    ORGS_REVIEWED, NEW_ORGS_REVIEWED, SECRETARIES_REVIEWED, SECRETARIES_REVIEWING, MEMBERS_REVIEWED,
    MOBILE_REVIEWED, CADRES_REVIEWING, COLLECTIVE, INDIVIDUAL, ONSITE, RANDOM, TALKS, MODELS,
    PROBLEMS_FOUND, PROBLEMS_SOLVED,
];
/// Totals that should be stable between the two reports (1, 4, 6, 11, 14).
const STABLE: &[usize] = &[ORGS_TOTAL, NEW_ORGS_TOTAL, SECRETARIES_TOTAL, MEMBERS_TOTAL, MOBILE_TOTAL];

/// The P rules for `doc` (batch 2) against `previous` (batch 1). Rows are matched by name.
pub fn compare(doc: &StatsDoc, previous: &StatsDoc) -> Vec<Issue> {
    let mut out = Vec::new();
    if previous.batch != Some(1) {
        let shown = previous.batch.map_or_else(
            || previous.batch_raw.as_ref().map_or_else(String::new, |v| v.to_string()),
            |b| b.to_string(),
        );
        out.push(Issue::new("P004", "/batch").param("value", shown));
    }
    if let (Some(a), Some(b)) = (&doc.unit, &previous.unit) {
        if a != b {
            out.push(Issue::new("P003", "/unit").param("previous", b.as_str()).param("current", a.as_str()));
        }
    }
    for (i, row) in doc.rows.iter().enumerate() {
        let Some(name) = &row.name else { continue };
        let Some(prev) = previous.rows.iter().find(|r| r.name.as_ref() == Some(name)) else { continue };
        let (cur, old) = (row.values(), prev.values());
        let mut push = |code: &'static str, f: usize, p: u64, c: u64| {
            out.push(
                Issue::new(code, cell_path(i, INPUTS[f]))
                    .param("row", name.as_str())
                    .param("field", INPUTS[f])
                    .param("previous", p)
                    .param("current", c),
            );
        };
        for &f in CUMULATIVE {
            if let (Some(c), Some(p)) = (cur[f], old[f]) {
                if c < p {
                    push("P001", f, p, c);
                }
            }
        }
        for &f in STABLE {
            if let (Some(c), Some(p)) = (cur[f], old[f]) {
                // |c − p| > 10 % of p, in integers.
                if u128::from(c.abs_diff(p)) * 10 > u128::from(p) {
                    push("P002", f, p, c);
                }
            }
        }
    }
    out
}
