//! The input limits of SPEC §7, in one place: the readers enforce them (X issues), `meta()`
//! tells the page, so a limit changes here only.

/// Longest name (units, people, organisations).
pub const MAX_NAME: usize = 64;
/// Longest free text (report sections, review content, notes).
pub const MAX_TEXT: usize = 2000;
/// Most rows a statistics table may have (T010).
pub const MAX_ROWS: usize = 1000;
/// Most entries (and most roster organisations / members) read.
pub const MAX_ITEMS: usize = 1_000_000;
/// Largest document accepted: 64 MiB.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;
/// Largest value of a cell (R004).
pub const MAX_COUNT: u64 = 100_000_000;
