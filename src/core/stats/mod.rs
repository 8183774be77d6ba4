//! The statistics table: model, rules, totals, previous-batch comparison, roll-up, CSV and the
//! worksheet layout (sheet).
pub mod model;
pub mod previous;
pub mod csv;
pub mod sheet;
pub mod aggregate;
pub mod rules;
pub mod totals;
#[doc(hidden)]
pub mod legacy;

pub use model::{Cell, Row, StatsDoc};
