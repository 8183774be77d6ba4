#![no_main]
//! `cargo +nightly fuzz run entries_json` — see fuzz/harness.rs and docs/fuzzing.md.

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::entries_json(data));
