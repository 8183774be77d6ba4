//! Hostile and unlucky CSV files through the `cxzy` command line (issue 10): formula injection on
//! export, an unterminated quote, NUL bytes, a header field given twice, GBK, a 合计 row that the
//! rows do not bear out.

use std::path::PathBuf;
use std::process::Output;

mod common;
use common::cli::{cxzy, tmp};

use serde_json::{json, Value};

fn issues(o: &Output) -> Vec<Value> {
    let v: Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stdout)));
    v.as_array().expect("array").clone()
}

fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples/stats").join(name)
}

const HEADER: &str = "填报单位,某市\n批次,1\n统计截止日期,2011-01-15\n报出日期,2011-01-16\n负责人,张三\n填表人,李四\n联系电话,0451-82345678\n\n";

#[test]
fn export_guards_formulas_and_import_gives_them_back() {
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(sample("heilongjiang-2010-batch1.json")).unwrap()).unwrap();
    doc["principal"] = json!("=HYPERLINK(\"http://evil.example/\",\"点此\")");
    doc["preparer"] = json!("@SUM(1+1)*cmd|' /C calc'!A0");
    doc["notes"] = json!("+cmd|' /C calc'!A0");
    doc["rows"][0]["orgs_total"] = json!("-2+3+cmd|' /C calc'!A0");
    let p = tmp("payloads.json", doc.to_string().as_bytes());
    let o = cxzy(&["export", &p, "--csv"]);
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8(o.stdout).unwrap();
    for line in text.lines() {
        for cell in line.split(',') {
            assert!(!cell.trim_matches('"').starts_with(['=', '+', '-', '@', '\t']), "unguarded cell {cell:?} in {line:?}");
        }
    }
    assert!(text.contains("负责人,\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"点此\"\")\""), "{text}");
    assert!(text.contains("填表人,'@SUM(1+1)*cmd|' /C calc'!A0"), "{text}");
    // Reading the export gives the same document back.
    let csv = tmp("payloads.csv", text.as_bytes());
    let again = cxzy(&["export", &csv, "--csv"]);
    assert_eq!(String::from_utf8(again.stdout).unwrap(), text, "export → import → export is exact");
}

#[test]
fn an_unterminated_quote_is_exit_2_at_the_line_where_it_opens() {
    let p = tmp("quote.csv", format!("{HEADER}单位名称,基层党组织 · 总数(个)\n哈尔滨市,\"12\n齐齐哈尔市,3\n").as_bytes());
    let o = cxzy(&["validate", &p]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("quote.csv:10:6:"), "{err}");
    assert!(!err.contains("no column header row"), "{err}");
}

#[test]
fn nul_bytes_are_exit_2() {
    let p = tmp("nul.csv", format!("{HEADER}name,orgs_total\n甲市,1\0\n").as_bytes());
    let o = cxzy(&["validate", &p]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("nul.csv:10:5:") && err.contains("NUL"), "{err}");
}

#[test]
fn a_header_field_given_twice_is_t015_and_the_first_is_kept() {
    let p = tmp("twice.csv", format!("{HEADER}批次,2\nname,orgs_total\n甲市,1\n").as_bytes());
    let o = cxzy(&["validate", &p, "--json", "--locale", "en"]);
    assert_eq!(o.status.code(), Some(1));
    let t015: Vec<_> = issues(&o).into_iter().filter(|i| i["code"] == "T015").collect();
    assert_eq!(t015.len(), 1);
    assert_eq!(t015[0]["path"], "/batch");
    assert_eq!(t015[0]["params"]["key"], "batch");
    assert!(t015[0]["message"].as_str().unwrap().contains("appears twice"));
    let totals = cxzy(&["export", &p, "--csv"]);
    assert!(String::from_utf8_lossy(&totals.stdout).contains("批次,1\r\n"), "the first batch is kept");
}

#[test]
fn gbk_says_so_with_n006_and_utf8_does_not() {
    let o = cxzy(&["validate", sample("heilongjiang-2010-batch1.gbk.csv").to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let all = issues(&o);
    let n006: Vec<_> = all.iter().filter(|i| i["code"] == "N006").collect();
    assert_eq!(n006.len(), 1, "{all:?}");
    assert_eq!(n006[0]["severity"], "info");
    assert!(n006[0]["message"].as_str().unwrap().contains("GBK"));
    let text = as_utf8_by_export(&std::fs::read(sample("heilongjiang-2010-batch1.gbk.csv")).unwrap());
    let p = tmp("utf8.csv", text.as_bytes());
    let o = cxzy(&["export", &p, "--csv"]);
    let utf8 = tmp("utf8-export.csv", &o.stdout);
    let o = cxzy(&["validate", &utf8, "--json"]);
    assert!(issues(&o).iter().all(|i| i["code"] != "N006"));
}

/// The GBK sample re-encoded as UTF-8 by way of the CLI itself (export writes UTF-8).
fn as_utf8_by_export(gbk: &[u8]) -> String {
    let p = tmp("gbk-src.csv", gbk);
    String::from_utf8(cxzy(&["export", &p, "--csv"]).stdout).unwrap()
}

#[test]
fn a_totals_row_the_rows_do_not_bear_out_is_r041() {
    let p = tmp(
        "total.csv",
        format!("{HEADER}单位名称,基层党组织 · 总数(个),基层党组织 · 已点评(个),基层党组织 · 覆盖率(%)\n合计,15,11,100.0%\n甲市,12,11,91.6%\n").as_bytes(),
    );
    let o = cxzy(&["validate", &p, "--json"]);
    let all = issues(&o);
    let r041: Vec<_> = all.iter().filter(|i| i["code"] == "R041").collect();
    assert_eq!(r041.len(), 2, "{all:?}");
    assert_eq!(r041[0]["path"], "/total/orgs_total");
    assert_eq!(r041[0]["severity"], "warning");
    assert_eq!(r041[0]["params"], json!({ "row": "合计", "field": "orgs_total", "supplied": "15", "computed": 12 }));
    assert_eq!(r041[1]["path"], "/total/orgs_coverage");
    assert_eq!(r041[1]["params"], json!({ "row": "合计", "field": "orgs_coverage", "supplied": "100.0%", "computed": "91.6%" }));
    assert!(all.iter().any(|i| i["code"] == "N005"));
}

/// A header row of 3 000 unknown cells lists at most 1 000 T008 and says how many more (X005),
/// as a JSON document does (SPEC §7): the CSV route had listed every one.
#[test]
fn a_flood_of_unknown_header_cells_is_capped() {
    let cells: Vec<String> = (0..3000).map(|i| format!("x{i}")).collect();
    let p = tmp("wide.csv", format!("{HEADER}单位名称,{}\n哈尔滨市,1\n", cells.join(",")).as_bytes());
    let o = cxzy(&["validate", &p, "--json"]);
    let issues = issues(&o);
    assert_eq!(issues.iter().filter(|i| i["code"] == "T008").count(), 1000);
    let x005: Vec<&Value> = issues.iter().filter(|i| i["code"] == "X005").collect();
    assert_eq!(x005.len(), 1, "{x005:?}");
    assert_eq!(x005[0]["params"], json!({ "code": "T008", "more": 2000 }));
}

/// A GBK file with bytes no decoding can read (38 U+FFFD in its header fields: the csv fuzz
/// target's finding) is read with a warning, and its export reads back: the export, where the
/// header fields come closer together, had been refused as "neither JSON nor a table".
#[test]
fn a_gbk_file_with_undecodable_bytes_exports_and_reads_back() {
    let found = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/csv/found-csv-export-refused-replacement-chars.gbk.csv");
    let o = cxzy(&["validate", found.to_str().unwrap(), "--json"]);
    assert!(issues(&o).iter().any(|i| i["code"] == "N006"), "{}", String::from_utf8_lossy(&o.stdout));
    let o = cxzy(&["export", found.to_str().unwrap(), "--csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let exported = String::from_utf8(o.stdout).unwrap();
    assert!(exported.contains('\u{fffd}'), "the undecodable bytes stay visible as U+FFFD, not dropped");
    let p = tmp("replaced-export.csv", exported.as_bytes());
    let o = cxzy(&["export", &p, "--csv"]);
    assert_eq!(o.status.code(), Some(0), "the export must read back: {}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(String::from_utf8(o.stdout).unwrap(), exported, "export → import → export is exact");
}
