#![no_main]
//! `cargo +nightly fuzz run stats_huge_key` — see fuzz/harness.rs and docs/fuzzing.md.

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::huge_key(data));
