//! The receiving office on the command line (issue 12): `cxzy validate` of many files in one call
//! (one line per file, a total, the worst exit status) and `cxzy aggregate` refusing what is not
//! a table (T009) and leaving unknown child totals empty (exit 1, R002 named).

use std::path::PathBuf;

mod common;
use common::cli::{cxzy, tmp};

use serde_json::{json, Value};

fn sample(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples").join(name).display().to_string()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A city's table from the bundled province sample: its unit renamed, the rows as they are.
fn city(unit: &str, edit: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(sample("stats/heilongjiang-2010-batch1.json")).unwrap()).unwrap();
    v["unit"] = json!(unit);
    edit(&mut v);
    tmp(&format!("{unit}.json"), serde_json::to_string(&v).unwrap().as_bytes())
}

#[test]
fn validate_many_files_prints_one_line_each_and_a_total_with_the_worst_exit_status() {
    let good = sample("stats/heilongjiang-2010-batch1.json");
    let csv = sample("stats/heilongjiang-2010-batch1.gbk.csv");
    let broken = sample("stats/broken.json");
    let unreadable = tmp("unreadable.json", b"{\n  \"format\": \"cxzy-stats/1\",\n  \"unit\": }");
    let o = cxzy(&["validate", &good, &csv, "--today", "2011-01-20"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].starts_with('✓') && lines[0].contains("heilongjiang-2010-batch1.json") && lines[0].contains("0 个错误"), "{out}");
    assert!(lines[1].starts_with('✓') && lines[1].contains(".gbk.csv"), "{out}");
    assert!(text(&o.stderr).contains("共 2 个文件：2 个无错误"), "{}", text(&o.stderr));

    // Errors in one: exit 1, its line names the first problem.
    let o = cxzy(&["validate", &good, &broken, "--today", "2011-01-20"]);
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o.stdout);
    let bad = out.lines().nth(1).unwrap();
    assert!(bad.starts_with('✗') && bad.contains("broken.json") && bad.contains("首个问题 T"), "{out}");
    assert!(text(&o.stderr).contains("1 个有错误"), "{}", text(&o.stderr));

    // A file that cannot be read says where, does not stop the others, and makes the exit 2.
    let o = cxzy(&["validate", &unreadable, &broken, &good, "--locale", "en", "--today", "2011-01-20"]);
    assert_eq!(o.status.code(), Some(2));
    let out = text(&o.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(lines[0].starts_with('✗') && lines[0].contains("cannot be read") && lines[0].contains("Line 3, column 11"), "{out}");
    assert!(lines[1].starts_with('✗') && lines[1].contains("errors"), "{out}");
    assert!(lines[2].starts_with('✓'), "{out}");
    assert!(text(&o.stderr).contains("3 files: 1 without errors, 1 with errors, 1 unreadable"), "{}", text(&o.stderr));

    // --json: one array, one object per file, in order.
    let o = cxzy(&["validate", &good, &unreadable, &broken, "--json", "--today", "2011-01-20"]);
    assert_eq!(o.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON array");
    assert_eq!(v.as_array().unwrap().len(), 3);
    assert_eq!(v[0]["errors"], 0);
    assert!(v[1]["error"].as_str().unwrap().contains("第 3 行第 11 列"), "{v}");
    assert!(v[2]["errors"].as_u64().unwrap() > 0);
    assert_eq!(v[2]["issues"].as_array().unwrap().iter().filter(|i| i["severity"] == "error").count() as u64, v[2]["errors"].as_u64().unwrap());
}

#[test]
fn validate_one_file_keeps_its_output() {
    let o = cxzy(&["validate", &sample("stats/broken.json")]);
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o.stdout);
    // Every issue on its own line, code first, as before: no ✓/✗ summary lines.
    assert!(out.lines().all(|l| l.starts_with(|c: char| c.is_ascii_uppercase())), "{out}");
    assert!(text(&o.stderr).contains("个错误") && !text(&o.stderr).contains("共 "), "{}", text(&o.stderr));
}

#[test]
fn aggregate_refuses_a_roster_with_t009() {
    let a = city("甲市", |_| {});
    let o = cxzy(&["aggregate", &a, &sample("review/roster.json"), "--unit", "某省"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.contains("T009") && out.contains("/children/1/format") && out.contains("cxzy-roster/1"), "{out}");
}

#[test]
fn aggregate_leaves_an_unknown_child_total_empty_and_exits_1() {
    // Issue 10 #7: a 2^64 orgs_total was counted as 0 and the parent looked complete (exit 0).
    let a = city("甲市", |_| {});
    // serde_json cannot hold 2^64 as an integer: the number goes in as text.
    let b = city("乙市", |v| v["rows"][0]["orgs_total"] = json!("__BIG__"));
    let raw = std::fs::read_to_string(&b).unwrap().replace("\"__BIG__\"", "18446744073709551616");
    std::fs::write(&b, raw).unwrap();
    let o = cxzy(&["aggregate", &a, &b, "--unit", "某省"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let parent: Value = serde_json::from_slice(&o.stdout).expect("the parent is still printed");
    assert!(parent["rows"][1].get("orgs_total").is_none(), "{}", parent["rows"][1]);
    assert!(parent["rows"][0]["orgs_total"].as_u64().unwrap() > 0);
    let err = text(&o.stderr);
    assert!(err.contains("A003") && err.contains("R002") && err.contains("乙市"), "{err}");
}
