//! Review entries (点评记录), the roster (名册) and coverage (两个全覆盖) — SPEC §6.
//!
//! * [`tables`] — the notices' responsibility and content rules, as data;
//! * [`roster`] — `cxzy-roster/1`: reading, O001–O007, the id/tree [`roster::Index`];
//! * [`entries`] — `cxzy-entries/1`: reading, E001–E018;
//! * [`entry_form`] — the state behind the entry form: a roster indexed once, one entry checked;
//! * [`stream`] — the one-pass readers of both from text or a byte stream (no `Value` tree);
//! * `split` — natively, a large file of either read item by item through a buffer;
//! * [`similarity`] — E009 (near-)duplicate texts, near-linear (MinHash + LSH);
//! * [`coverage`](mod@coverage) — the statistics table, gap lists and F001 derived from both.
//!
//! Reading never fails and nothing here panics: every unusable value becomes an issue. Messages
//! are rendered by the caller ([`crate::core::validate`]), except in [`Coverage`], whose issues
//! come rendered in zh-CN (call [`crate::core::messages::localize`] again for another locale).

pub mod coverage;
pub mod entries;
pub mod entry_form;
pub mod gap_table;
mod fields;
pub(crate) mod raw;
pub mod roster;
pub mod similarity;
#[cfg(not(target_arch = "wasm32"))]
pub mod split;
pub mod stream;
pub mod tables;

use chrono::NaiveDate;
use serde_json::Value;

use crate::core::issue::Issue;

pub use coverage::{coverage, coverage_of, coverage_text, Coverage, Gaps, HalfYear};
pub use entries::{Entries, Entry};
pub use fields::{MAX_ITEMS, MAX_NAME, MAX_TEXT};
pub use roster::Roster;

/// Checks a `cxzy-roster/1` document (O001–O007, T008/T009, X…).
pub fn validate_roster(doc: &Value) -> Vec<Issue> {
    roster::validate(doc)
}

/// Checks a `cxzy-entries/1` document (E001–E017, T008/T009, X…); `roster` enables E014/E015;
/// `today` bounds dates (E002).
pub fn validate_entries(doc: &Value, roster: Option<&Value>, today: Option<NaiveDate>) -> Vec<Issue> {
    entries::validate(doc, roster, today)
}

/// Reads a roster into its typed form (borrowing from `doc`) with the reading issues.
pub fn read_roster(doc: &Value) -> (Roster<'_>, Vec<Issue>) {
    roster::read(doc)
}

/// Reads an entries document into its typed form (borrowing from `doc`) with the reading issues.
pub fn read_entries(doc: &Value) -> (Entries<'_>, Vec<Issue>) {
    entries::read(doc)
}
