//! cxzy-form: 《创先争优活动领导点评情况统计表》 and the leaders' review records behind it —
//! checked exactly as the 2010 notices require, natively (the `cxzy` CLI) and in the browser
//! (WebAssembly).
//!
//! * [`core`] — the domain: columns, presets, normalisation, rules, totals, roll-up, coverage,
//!   messages. No I/O, no wasm.
//! * `wasm` (wasm32 only) — the thin `#[wasm_bindgen]` API used by the npm package.
//! * [`workbook`] (native only) — `.xlsx`/`.xls` bytes to a cell grid and the official layout
//!   written as `.xlsx`; the grid's layout is [`core::stats::sheet`]'s.
//! * `src/bin/cxzy.rs` — the command-line program, with file reading and encodings.
pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

/// Excel workbooks natively (calamine, rust_xlsxwriter): not in the wasm build.
#[cfg(not(target_arch = "wasm32"))]
pub mod workbook;

pub use crate::core::issue::{Issue, Locale, Severity};
pub use crate::core::validate::{validate, Options};
