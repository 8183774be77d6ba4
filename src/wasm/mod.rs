//! The `#[wasm_bindgen]` API (being built: issue 3).
