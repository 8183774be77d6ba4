//! The domain core: no I/O, no wasm, no DOM. Builds for native and `wasm32-unknown-unknown`.
pub mod columns;
pub mod issue;
pub mod messages;
pub mod normalize;
