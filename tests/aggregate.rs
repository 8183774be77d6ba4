//! The roll-up against SPEC §5.2: one row per child holding the child's totals; a total that
//! cannot be computed is left empty (never 0) so the parent's R002 shows it; what is not a
//! `cxzy-stats/1` table is refused (T009); A001–A003.

mod common;

use common::*;
use cxzy_form::core::issue::Issue;
use cxzy_form::core::stats::aggregate::{aggregate, refused};
use cxzy_form::core::stats::model;
use cxzy_form::core::validate::check_stats;
use serde_json::{json, Value};

/// A child table for `unit`: the base table's header, two rows of the valid cells.
fn child(unit: &str, batch: u8) -> Value {
    let mut d = base();
    d["unit"] = json!(unit);
    d["batch"] = json!(batch);
    d.as_object_mut().unwrap().remove("preset");
    d["rows"] = json!([row("甲区"), row("乙区")]);
    d
}

/// The parent as JSON, its issues as (code, path) and the parent's own issues.
fn roll(children: &[Value]) -> (Value, Vec<(String, String)>, Vec<Issue>) {
    let (doc, issues) = aggregate(children, "某省", None);
    let v = doc.to_value();
    let (read_back, read_issues) = model::read(&v);
    (v, findings(&issues), check_stats(&read_back, read_issues, None))
}

fn cell(total: u64) -> Value {
    json!(total * 2)
}

#[test]
fn each_child_is_one_row_holding_its_totals() {
    let (parent, issues, _) = roll(&[child("甲市", 1), child("乙市", 1)]);
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(parent["unit"], "某省");
    assert_eq!(parent["batch"], 1);
    assert_eq!(parent["rows"][0]["name"], "甲市");
    assert_eq!(parent["rows"][1]["name"], "乙市");
    for (field, v) in cells() {
        assert_eq!(parent["rows"][0][field], cell(v), "{field}");
    }
}

#[test]
fn an_invalid_cell_leaves_the_parents_cell_empty_and_r002_shows_it() {
    // 2^64: past every integer the table holds (issue 10 #7 reproduced: the parent counted it as 0).
    let mut big = child("乙市", 1);
    big["rows"][1]["orgs_total"] = cxzy_form::core::json::parse("18446744073709551616").expect("a JSON number");
    big["rows"][0]["members_total"] = json!("三万");
    let (parent, issues, own) = roll(&[child("甲市", 1), big]);
    assert_eq!(issues, vec![("A003".to_string(), "/children/1".to_string())]);
    assert!(parent["rows"][1].get("orgs_total").is_none(), "{}", parent["rows"][1]);
    assert!(parent["rows"][1].get("members_total").is_none(), "{}", parent["rows"][1]);
    // The other columns of that child are still its totals; the other child is untouched.
    assert_eq!(parent["rows"][1]["orgs_reviewed"], cell(1200));
    assert_eq!(parent["rows"][0]["orgs_total"], cell(1200));
    let r002: Vec<&str> = own.iter().filter(|i| i.code == "R002").map(|i| i.path.as_str()).collect();
    assert_eq!(r002, ["/rows/1/orgs_total", "/rows/1/members_total"]);
}

#[test]
fn a_missing_cell_or_a_child_without_rows_has_no_total() {
    let mut gap = child("乙市", 1);
    gap["rows"][0].as_object_mut().unwrap().remove("talks");
    let mut empty = child("丙市", 1);
    empty["rows"] = json!([]);
    let (parent, issues, own) = roll(&[gap, empty]);
    assert_eq!(findings_codes(&issues), ["A003", "A003"]);
    assert!(parent["rows"][0].get("talks").is_none());
    assert_eq!(parent["rows"][0]["models"], cell(50));
    // Every column of the child without rows is empty, not 0.
    assert_eq!(parent["rows"][1].as_object().unwrap().len(), 1, "{}", parent["rows"][1]);
    assert_eq!(own.iter().filter(|i| i.code == "R002" && i.path.starts_with("/rows/1/")).count(), 20);
}

#[test]
fn t009_a_child_that_is_not_a_statistics_table_is_refused() {
    let roster = json!({ "format": "cxzy-roster/1", "orgs": [], "members": [] });
    let (doc, issues) = aggregate(&[child("甲市", 1), roster, json!([1, 2]), json!({ "unit": "丁市", "rows": [] })], "某省", None);
    let f = findings(&issues);
    assert_eq!(
        f,
        [
            ("T009".to_string(), "/children/1/format".to_string()),
            ("T009".to_string(), "/children/2".to_string()),
            ("T009".to_string(), "/children/3/format".to_string()),
        ]
    );
    assert_eq!(issues[0].params["value"], "cxzy-roster/1");
    assert!(refused(&issues));
    // The refused children have no row: only 甲市 is in the (refused) parent.
    assert_eq!(doc.rows.len(), 1);
}

#[test]
fn a001_a002_refuse_and_a003_only_warns() {
    let (_, issues) = aggregate(&[child("甲市", 1), child("乙市", 2)], "某省", None);
    assert_eq!(findings(&issues), [("A001".to_string(), "/children/1/batch".to_string())]);
    assert!(refused(&issues));
    let (_, issues) = aggregate(&[child("甲市", 1), child("甲市", 1)], "某省", None);
    assert_eq!(findings(&issues), [("A002".to_string(), "/children/1/unit".to_string())]);
    assert_eq!(issues[0].related, ["/children/0/unit"]);
    assert!(refused(&issues));
    // Asked for batch 2, given batch 1: A001 on both.
    let (_, issues) = aggregate(&[child("甲市", 1), child("乙市", 1)], "某省", Some(2));
    assert_eq!(findings_codes(&findings(&issues)), ["A001", "A001"]);
    let mut bad = child("乙市", 1);
    bad["rows"][0]["orgs_reviewed"] = json!(1201);
    let (_, issues) = aggregate(&[child("甲市", 1), bad], "某省", None);
    assert_eq!(findings(&issues), [("A003".to_string(), "/children/1".to_string())]);
    assert_eq!(issues[0].params["errors"], 1);
    assert!(!refused(&issues));
}

#[test]
fn a_csv_child_is_a_table_like_its_json() {
    let text = cxzy_form::core::stats::csv::write(&model::read(&child("甲市", 1)).0);
    let (doc, _) = cxzy_form::core::stats::csv::read(&text).expect("csv");
    let (parent, issues, _) = roll(&[doc.to_value()]);
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(parent["rows"][0]["members_total"], cell(30000));
}

fn findings_codes(f: &[(String, String)]) -> Vec<&str> {
    f.iter().map(|(c, _)| c.as_str()).collect()
}
