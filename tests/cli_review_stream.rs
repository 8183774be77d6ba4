//! `cxzy coverage` reads rosters and entries streaming (SPEC §7): from a file or standard input
//! (`-`), a BOM skipped, the same result as the whole-`Value` coverage; text that is not JSON or
//! not UTF-8 is exit 2 with where.

mod common;

use common::cli::{cxzy, tmp};
use std::io::Write;
use std::process::{Command, Stdio};

fn sample(name: &str) -> String {
    format!("{}/samples/review/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn coverage_json(roster: &str, entries: &str) -> serde_json::Value {
    let args = ["coverage", "--roster", roster, "--entries", entries, "--as-of", "2011-07-15", "--batch", "2", "--unit", "某县", "--json"];
    let o = cxzy(&args);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn coverage_streams_from_files_and_standard_input_as_the_value_reader_does() {
    let (r, e) = (std::fs::read_to_string(sample("roster.json")).unwrap(), std::fs::read_to_string(sample("entries.json")).unwrap());
    let as_of = chrono::NaiveDate::from_ymd_opt(2011, 7, 15).unwrap();
    let mut want = cxzy_form::core::review::coverage(&serde_json::from_str(&r).unwrap(), &serde_json::from_str(&e).unwrap(), as_of, 2, "某县");
    cxzy_form::core::messages::localize(&mut want.issues, cxzy_form::core::issue::Locale::ZhCn);
    let want = want.to_value();
    assert_eq!(coverage_json(&sample("roster.json"), &sample("entries.json")), want);
    // A BOM is skipped.
    let bom = tmp("bom-entries.json", format!("\u{feff}{e}").as_bytes());
    assert_eq!(coverage_json(&sample("roster.json"), &bom), want);
    // `-` is standard input.
    let mut child = Command::new(env!("CARGO_BIN_EXE_cxzy")).env("LC_ALL", "C")
        .args(["coverage", "--roster", &sample("roster.json"), "--entries", "-", "--as-of", "2011-07-15", "--batch", "2", "--unit", "某县", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(e.as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap(), want);
}

#[test]
fn broken_or_non_utf8_entries_are_exit_2_with_the_place() {
    let broken = tmp("broken-entries.json", b"{\"format\": \"cxzy-entries/1\",\n \"entries\": [ {\"id\": }]}");
    let not_utf8 = tmp("gbk-entries.json", b"{\"format\": \"cxzy-entries/1\",\n \"entries\": [ {\"id\": \"\xb5\xb3\"}]}");
    for f in [&broken, &not_utf8] {
        let o = cxzy(&["coverage", "--roster", &sample("roster.json"), "--entries", f, "--as-of", "2011-07-15", "--batch", "2", "--unit", "某县"]);
        assert_eq!(o.status.code(), Some(2));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(&format!("{f}:2:")), "{err}");
    }
    // A file stops the item-by-item reader and is read again by the exact one: the place and the
    // reason are those of the same bytes streamed from standard input; bytes that are not UTF-8
    // are named as such.
    let run = |file: &str, stdin: &[u8]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_cxzy"))
            .args(["coverage", "--roster", &sample("roster.json"), "--entries", file, "--as-of", "2011-07-15", "--batch", "2", "--unit", "某县", "--locale", "en"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(stdin).unwrap();
        String::from_utf8_lossy(&child.wait_with_output().unwrap().stderr).into_owned()
    };
    let bytes = std::fs::read(&broken).unwrap();
    assert_eq!(run(&broken, b""), run("-", &bytes).replacen("-:", &format!("{broken}:"), 1));
    assert!(run(&not_utf8, b"").contains("UTF-8"), "{}", run(&not_utf8, b""));
}

/// `cxzy validate` of an entries file past the 64 MiB read as text is read streaming (SPEC §7),
/// recognised by its `format`: the same issues as the same document under the limit.
#[test]
fn validate_streams_an_entries_file_past_the_text_limit() {
    let e: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(sample("entries_broken.json")).unwrap()).unwrap();
    let with_padding = |n: usize| {
        let mut doc = e.clone();
        doc["padding"] = "x".repeat(n).into();
        doc.to_string()
    };
    let small = tmp("validate-small-entries.json", with_padding(1).as_bytes());
    let large = tmp("validate-large-entries.json", with_padding(cxzy_form::core::json::MAX_BYTES + 1).as_bytes());
    let run = |f: &str| {
        let o = cxzy(&["validate", f, "--roster", &sample("roster.json"), "--today", "2011-12-31", "--json"]);
        (o.status.code(), String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
    };
    let (want, got) = (run(&small), run(&large));
    assert_eq!(want.0, Some(1), "{}", want.2);
    assert!(want.1.contains("\"T008\"") && want.1.contains("\"E0"), "{}", want.1);
    assert_eq!(got.0, want.0, "{}", got.2);
    assert_eq!(got.1, want.1);
    let _ = std::fs::remove_file(large);
}
