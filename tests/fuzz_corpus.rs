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

/// The slow unit of the `csv` target, at the size of a hostile file: every header cell looked
/// its column up through the vocabulary (26 columns, several scans each), 9 s for 200 000 empty
/// cells in a release build (a 64 MiB row of commas: most of an hour). The cells are read, the
/// empty ones are no column and the unknown one is named.
#[test]
fn a_header_row_of_a_million_cells_reads() {
    use cxzy_form::core::stats::csv;
    let mut text = String::from("单位名称");
    text.push_str(&",".repeat(1_000_000));
    text.push_str(",orgs_total,基层党组织 · 总数(个)x\n哈尔滨市,1\n");
    let (doc, issues) = csv::read(&text).expect("a table");
    assert_eq!(doc.rows.len(), 1);
    let t008: Vec<_> = issues.iter().filter(|i| i.code == "T008").collect();
    assert_eq!(t008.len(), 1, "{t008:?}");
    assert_eq!(t008[0].params["column"], 1_000_003);
    assert!(!issues.iter().any(|i| i.code == "T015"), "{issues:?}");
}
