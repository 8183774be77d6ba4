#![no_main]
//! `cargo +nightly fuzz run split_json` — see fuzz/harness.rs and docs/fuzzing.md.

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::split_json(data));
