//! The statistics table: model, rules, totals, previous-batch comparison, roll-up and CSV.
pub mod model;
pub mod previous;
pub mod csv;
pub mod aggregate;
pub mod rules;
pub mod totals;
#[doc(hidden)]
pub mod legacy;

pub use model::{Cell, Row, StatsDoc};
