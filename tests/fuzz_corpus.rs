//! Replays the fuzzers' corpora (fuzz/corpus/<target>/*) through the same harness as the fuzz
//! targets (fuzz/harness.rs), on stable Rust: an input that once made a target panic, or broke an
//! invariant, fails `cargo test` without nightly or cargo-fuzz. See docs/fuzzing.md.

#[path = "../fuzz/harness.rs"]
mod harness;

use std::path::Path;

#[test]
fn every_corpus_file_passes_its_target() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let mut total = 0;
    for (name, run) in harness::TARGETS {
        let dir = root.join(name);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.expect("a directory entry").path())
            .collect();
        files.sort();
        assert!(!files.is_empty(), "{name}: empty corpus");
        for f in &files {
            let data = std::fs::read(f).expect("a corpus file");
            if let Err(e) = std::panic::catch_unwind(|| run(&data)) {
                let msg = e.downcast_ref::<String>().map(String::as_str).or_else(|| e.downcast_ref::<&str>().copied()).unwrap_or("panic");
                panic!("{name}: {} fails: {msg}", f.display());
            }
        }
        total += files.len();
    }
    assert!(total >= harness::TARGETS.len());
}
