#![no_main]
//! `cargo +nightly fuzz run coverage` — see fuzz/harness.rs and docs/fuzzing.md.

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::coverage(data));
