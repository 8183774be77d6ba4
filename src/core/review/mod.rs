//! Review entries (点评记录), the roster (名册) and coverage (两个全覆盖) — SPEC §6.
//! (Being built: see issue 4.)

use chrono::NaiveDate;
use serde_json::Value;

use crate::core::issue::Issue;

/// Checks a `cxzy-roster/1` document (O001–O006, X…).
pub fn validate_roster(_doc: &Value) -> Vec<Issue> {
    Vec::new()
}

/// Checks a `cxzy-entries/1` document (E001–E016, X…); `roster` enables E014/E015; `today`
/// bounds dates (E002).
pub fn validate_entries(_doc: &Value, _roster: Option<&Value>, _today: Option<NaiveDate>) -> Vec<Issue> {
    Vec::new()
}
