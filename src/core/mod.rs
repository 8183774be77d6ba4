//! The domain core: no I/O, no wasm, no DOM. Builds for native and `wasm32-unknown-unknown`.
//!
//! Architecture invariant: nothing under `core/` names `wasm_bindgen`, `web_sys` or `js_sys`,
//! reads files or a clock. Inputs are values; outputs are values and issues.
pub mod columns;
pub mod fields;
pub mod form;
pub mod issue;
pub mod json;
pub mod limits;
pub mod messages;
pub mod normalize;
pub mod presets;
pub mod review;
pub mod stats;
pub mod text;
pub mod validate;
pub mod vocab;
