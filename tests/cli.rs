//! The `cxzy` command line as SPEC §8.2 describes it, run on the bundled samples.

use std::path::PathBuf;
use std::process::Output;

mod common;
use common::cli::{cxzy, tmp};

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sample(name: &str) -> String {
    root().join("samples/stats").join(name).display().to_string()
}

fn stdout_json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("stdout is JSON ({e}): {}", String::from_utf8_lossy(&o.stdout)))
}

fn codes(issues: &Value) -> Vec<String> {
    issues.as_array().expect("array").iter().map(|i| i["code"].as_str().unwrap_or("").to_string()).collect()
}

#[test]
fn validate_passes_the_samples_with_exit_0() {
    for s in ["heilongjiang-2010-batch1.json", "heilongjiang-2010-batch2.json", "central-2010-batch1.json", "heilongjiang-2010-batch1.gbk.csv"] {
        let o = cxzy(&["validate", &sample(s), "--json", "--today", "2011-02-20"]);
        let issues = stdout_json(&o);
        let bad: Vec<&Value> = issues.as_array().unwrap().iter().filter(|i| i["severity"] != "info").collect();
        assert!(bad.is_empty(), "{s}: {bad:?}");
        assert_eq!(o.status.code(), Some(0), "{s}");
    }
}

#[test]
fn validate_reports_the_broken_sample_with_exit_1() {
    let o = cxzy(&["validate", &sample("broken.json"), "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let c = codes(&stdout_json(&o));
    for code in ["T001", "T002", "T003", "T006", "T007", "T008", "T011", "T012", "R001", "R002", "R003", "R004", "R010", "R012", "R020", "R030", "R031", "R032"] {
        assert!(c.iter().any(|x| x == code), "{code} missing from {c:?}");
    }
}

#[test]
fn validate_text_output_and_locales() {
    let zh = cxzy(&["validate", &sample("broken.json")]);
    let text = String::from_utf8_lossy(&zh.stdout);
    assert!(text.contains("R010 错误 /rows/0/orgs_reviewed: 「哈尔滨市」已点评基层党组织数"), "{text}");
    assert!(text.contains("是否应为数字 0"), "the letter-O hint is shown: {text}");
    let en = cxzy(&["validate", &sample("broken.json"), "--locale", "en", "--json"]);
    let issues = stdout_json(&en);
    let r010 = issues.as_array().unwrap().iter().find(|i| i["code"] == "R010").expect("R010");
    assert!(r010["message"].as_str().unwrap().starts_with("“哈尔滨市”: Organisations reviewed"));
    assert_eq!(r010["related"][0], "/rows/0/orgs_total");
    assert_eq!(cxzy(&["validate", &sample("broken.json"), "--locale", "fr"]).status.code(), Some(2));
}

#[test]
fn malformed_json_names_line_and_column_with_exit_2() {
    let p = tmp("bad.json", b"{\n  \"format\": \"cxzy-stats/1\",\n  \"unit\": ,\n}");
    let o = cxzy(&["validate", &p]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.json:3:11"), "{err}");
    assert_eq!(cxzy(&["validate", "/nonexistent/x.json"]).status.code(), Some(2));
}

#[test]
fn previous_batch_comparison() {
    let o = cxzy(&["validate", &sample("heilongjiang-2010-batch2.json"), "--previous", &sample("heilongjiang-2010-batch1.json"), "--json"]);
    assert_eq!(o.status.code(), Some(0));
    // Batch 1 compared with itself as "previous" of a batch-1 table is still fine; a batch-2
    // table as previous is P004.
    let o = cxzy(&["validate", &sample("heilongjiang-2010-batch2.json"), "--previous", &sample("heilongjiang-2010-batch2.json"), "--json"]);
    assert!(codes(&stdout_json(&o)).contains(&"P004".to_string()));
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn totals_json_is_the_computed_view() {
    let o = cxzy(&["totals", &sample("heilongjiang-2010-batch1.json"), "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let v = stdout_json(&o);
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(sample("heilongjiang-2010-batch1.json")).unwrap()).unwrap();
    let rows = doc["rows"].as_array().unwrap();
    let sum = |f: &str| rows.iter().map(|r| r[f].as_u64().unwrap()).sum::<u64>();
    assert_eq!(v["total"]["name"], "合计");
    assert_eq!(v["total"]["orgs_total"].as_u64(), Some(sum("orgs_total")));
    assert_eq!(v["total"]["methods_total"].as_u64(), Some(sum("collective") + sum("individual") + sum("onsite") + sum("random")));
    let (n, d) = (sum("orgs_reviewed"), sum("orgs_total"));
    let p = n * 1000 / d;
    assert_eq!(v["total"]["orgs_coverage"], format!("{}.{}%", p / 10, p % 10));
    assert_eq!(v["rows"].as_array().unwrap().len(), rows.len());
}

#[test]
fn export_csv_has_bom_and_reads_back() {
    let o = cxzy(&["export", &sample("heilongjiang-2010-batch1.json"), "--csv"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stdout.starts_with(b"\xef\xbb\xbf"), "BOM for Excel/WPS");
    let text = String::from_utf8(o.stdout.clone()).unwrap();
    assert!(text.contains("单位名称,基层党组织 · 总数(个)"));
    let p = tmp("export.csv", &o.stdout);
    let t1 = stdout_json(&cxzy(&["totals", &p, "--json"]));
    let t2 = stdout_json(&cxzy(&["totals", &sample("heilongjiang-2010-batch1.json"), "--json"]));
    assert_eq!(t1, t2, "CSV round trip keeps every number");
    let v = cxzy(&["validate", &p, "--json"]);
    assert_eq!(v.status.code(), Some(0), "{}", String::from_utf8_lossy(&v.stdout));
}

#[test]
fn aggregate_rolls_children_up_and_refuses_mixed_batches() {
    let o = cxzy(&["aggregate", &sample("heilongjiang-2010-batch1.json"), &sample("central-2010-batch1.json"), "--unit", "汇总"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let parent = stdout_json(&o);
    assert_eq!(parent["unit"], "汇总");
    assert_eq!(parent["rows"][0]["name"], "黑龙江省");
    let t = stdout_json(&cxzy(&["totals", &sample("heilongjiang-2010-batch1.json"), "--json"]));
    assert_eq!(parent["rows"][0]["members_total"], t["total"]["members_total"]);
    let o = cxzy(&["aggregate", &sample("heilongjiang-2010-batch1.json"), &sample("heilongjiang-2010-batch2.json"), "--unit", "汇总"]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("A001") && out.contains("A002"), "{out}");
}

/// clap's own errors (an unknown option, a missing argument, no command) speak the clerk's
/// language — zh-CN by default, English with `--locale en` — and exit 2 (SPEC §8.2); `--help`
/// and `--version` exit 0.
#[test]
fn usage_errors_are_in_the_clerks_language_with_exit_2() {
    let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let cases: &[(&[&str], &str, &str)] = &[
        (&["validate", "--bogus", "x.json"], "不认识的选项「--bogus」", "unknown option “--bogus”"),
        (&["frob"], "不认识的命令「frob」", "unknown command “frob”"),
        (&["coverage", "--roster", "r.json"], "缺少：--entries", "missing: --entries"),
        (&[], "请给出命令", "which command?"),
        (&["export", "t.json", "--csv", "--xlsx"], "--csv 不能与 --xlsx 同时使用", "--csv cannot be used with --xlsx"),
    ];
    for (args, zh, en) in cases {
        let o = cxzy(args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(zh) && err.contains("cxzy --help") && !err.contains("error:") && !err.contains("Usage"), "{args:?}: {err}");
        let mut with_en = args.to_vec();
        with_en.extend(["--locale", "en"]);
        let o = cxzy(&with_en);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{with_en:?}: {err}");
        assert!(err.contains(en) && !han(&err), "{with_en:?}: {err}");
    }
    // `--locale=en` before the command too.
    let o = cxzy(&["--locale=en", "validate", "--bogus"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown option"), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(cxzy(&["--help"]).status.code(), Some(0));
    assert_eq!(cxzy(&["--version"]).status.code(), Some(0));
    // The CLI's own refusals too: a missing file, a bad date, a bad batch.
    let o = cxzy(&["validate", "/nonexistent/x.json"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("找不到该文件") && o.status.code() == Some(2));
    let o = cxzy(&["validate", "/nonexistent/x.json", "--locale", "en"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("there is no such file"));
    let o = cxzy(&["coverage", "--roster", "r", "--entries", "e", "--as-of", "2011-13-01", "--batch", "1", "--unit", "x"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("--as-of：「2011-13-01」不是日期") && o.status.code() == Some(2));
    let o = cxzy(&["coverage", "--roster", "r", "--entries", "e", "--as-of", "2011-01-01", "--batch", "3", "--unit", "x", "--locale", "en"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("--batch is 1 or 2, not 3") && o.status.code() == Some(2));
}
