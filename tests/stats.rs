//! The statistics table against SPEC §5.1 (T and R rules) and §5.2 (P rules): one test per rule,
//! each a small change to a valid base table and the issues it must give.

mod common;

use common::*;
use cxzy_form::core::issue::{Issue, Locale, Severity};
use cxzy_form::core::messages::{self, CATALOGUE};
use cxzy_form::core::stats::{model, previous, rules};
use cxzy_form::core::validate::{validate, Options};
use serde_json::{json, Value};

fn sev(issues: &[Issue], code: &str) -> Severity {
    one(issues, code).severity
}

// ---------------------------------------------------------------- the base table

#[test]
fn the_base_table_is_valid_and_needs_no_normalisation() {
    let issues = check(&[], &[]);
    assert!(issues.is_empty(), "{issues:#?}");
}

#[test]
fn severities_are_those_of_the_spec() {
    use Severity::*;
    let spec = [
        ("T001", Error), ("T002", Error), ("T003", Error), ("T004", Warning), ("T005", Error),
        ("T006", Error), ("T007", Error), ("T008", Error), ("T010", Error), ("T011", Warning),
        ("T012", Warning), ("R001", Error), ("R002", Error), ("R003", Error), ("R004", Error),
        ("R010", Error), ("R011", Error), ("R012", Error), ("R013", Error), ("R014", Error),
        ("R015", Error), ("R017", Error), ("R020", Warning), ("R021", Warning), ("R030", Error),
        ("R031", Warning), ("R032", Error), ("R040", Warning), ("P001", Warning),
        ("P002", Warning), ("P003", Error), ("P004", Error), ("A001", Error), ("A002", Error),
        ("A003", Warning), ("N001", Info), ("N002", Info), ("N003", Info),
    ];
    for (code, s) in spec {
        assert_eq!(messages::severity_of(code), s, "{code}");
    }
}

// ---------------------------------------------------------------- T: the table

#[test]
fn t001_unit_missing_or_blank() {
    let i = check(&[del("/unit")], &[("T001", "/unit")]);
    assert_eq!(sev(&i, "T001"), Severity::Error);
    // U+3000 is blank too: a clerk's ideographic space is not a unit.
    check(&[set("/unit", json!("\u{3000} "))], &[("T001", "/unit")]);
    check(&[set("/unit", json!(null))], &[("T001", "/unit")]);
}

#[test]
fn t002_batch_not_1_or_2() {
    let i = check(&[set("/batch", json!(3))], &[("T002", "/batch")]);
    assert_eq!(params(one(&i, "T002")), json!({ "value": "3" }));
    check(&[del("/batch")], &[("T002", "/batch")]);
    check(&[set("/batch", json!(0))], &[("T002", "/batch")]);
    check(&[set("/batch", json!("第一批"))], &[("T002", "/batch")]);
    // Batch 2 is valid (the base table is fully reviewed, so R040 stays quiet).
    check(&[set("/batch", json!(2))], &[]);
}

#[test]
fn t003_a_date_missing_or_not_a_date() {
    let i = check(&[set("/as_of", json!("2011-13-01"))], &[("T003", "/as_of")]);
    let t = one(&i, "T003");
    assert_eq!(t.params["field"], "as_of");
    assert_eq!(t.params["raw"], "2011-13-01");
    check(&[del("/filed_on")], &[("T003", "/filed_on")]);
    check(&[set("/filed_on", json!(""))], &[("T003", "/filed_on")]);
    check(&[set("/as_of", json!(20110115))], &[("T003", "/as_of")]);
    // `deadline` is optional, but a present one must be a date.
    check(&[set("/deadline", json!("下周"))], &[("T003", "/deadline")]);
    let i = check(&[set("/filed_on", json!("2011-02-30"))], &[("T003", "/filed_on")]);
    assert_eq!(one(&i, "T003").params["hint"], "impossible_date");
}

#[test]
fn t004_filed_after_the_preset_deadline_of_the_batch() {
    // heilongjiang-2010 batch 1 is due 2011-01-16 (黑创先办[2010]11号: 1月16日前).
    let i = check(&[set("/filed_on", json!("2011-01-17"))], &[("T004", "/filed_on")]);
    assert_eq!(sev(&i, "T004"), Severity::Warning);
    assert_eq!(params(one(&i, "T004")), json!({ "filed_on": "2011-01-17", "deadline": "2011-01-16" }));
    assert_eq!(one(&i, "T004").message, "逾期报送：填报日期 2011-01-17 晚于报送截止日期 2011-01-16");
    // Batch 2 is due 2011-02-16.
    check(&[set("/batch", json!(2)), set("/filed_on", json!("2011-02-16"))], &[]);
    check(&[set("/batch", json!(2)), set("/filed_on", json!("2011-02-17"))], &[("T004", "/filed_on")]);
    // central-2010 is due 2011-01-20.
    let central = [
        set("/preset", json!("central-2010")),
        set("/rows", json!(cxzy_form::core::presets::find("central-2010").unwrap().rows.iter().map(|n| row(n)).collect::<Vec<_>>())),
    ];
    let mut ops = central.to_vec();
    ops.push(set("/filed_on", json!("2011-01-20")));
    check(&ops, &[]);
    ops.push(set("/filed_on", json!("2011-01-21")));
    check(&ops, &[("T004", "/filed_on")]);
}

#[test]
fn t004_the_documents_own_deadline_overrides_the_presets() {
    check(&[set("/deadline", json!("2011-01-20")), set("/filed_on", json!("2011-01-18"))], &[]);
    let i = check(&[set("/deadline", json!("2011-01-10"))], &[("T004", "/filed_on")]);
    assert_eq!(one(&i, "T004").params["deadline"], "2011-01-10");
    // Without preset and deadline there is no deadline to miss.
    check(&[del("/preset"), set("/filed_on", json!("2012-01-01"))], &[]);
}

#[test]
fn t005_as_of_after_filed_on() {
    let i = check(&[set("/as_of", json!("2011-01-17"))], &[("T005", "/as_of")]);
    let t = one(&i, "T005");
    assert_eq!(t.related, vec!["/filed_on".to_string()]);
    assert_eq!(params(t), json!({ "as_of": "2011-01-17", "filed_on": "2011-01-16" }));
    check(&[set("/as_of", json!("2011-01-16"))], &[]);
}

#[test]
fn t006_principal_or_preparer_missing() {
    let i = check(&[del("/principal")], &[("T006", "/principal")]);
    assert_eq!(one(&i, "T006").message, "未填写负责人");
    let i = check(&[set("/preparer", json!("  "))], &[("T006", "/preparer")]);
    assert_eq!(one(&i, "T006").message, "未填写填表人");
}

#[test]
fn t007_phone_missing_or_not_a_phone() {
    check(&[del("/phone")], &[("T007", "/phone")]);
    let i = check(&[set("/phone", json!("12345"))], &[("T007", "/phone")]);
    assert_eq!(params(one(&i, "T007")), json!({ "raw": "12345", "hint": "not_phone" }));
    // The notice's own number, as scanned, is a phone: read with an N003 info, no error.
    let i = check(&[set("/phone", json!("0 1 0  6 8 1 3 3 3 2 2转7 6 4 1 1"))], &[]);
    assert_eq!(one(&i, "N003").params["value"], "01068133322转76411");
    check(&[set("/phone", json!("13912345678"))], &[]);
}

#[test]
fn t008_unknown_fields_name_the_nearest_known_one() {
    let i = check(&[set("/uint", json!("黑龙江省"))], &[("T008", "/uint")]);
    assert_eq!(params(one(&i, "T008")), json!({ "field": "uint", "suggestion": "unit" }));
    // The message names the field by its label (the clerk's word); the key is in the params.
    assert_eq!(one(&i, "T008").message, "无法识别的字段「uint」，是否应为「填报单位」？");

    let i = check(&[set("/rows/0/orgs_reviewd", json!(5))], &[("T008", "/rows/0/orgs_reviewd")]);
    assert_eq!(one(&i, "T008").params["suggestion"], "orgs_reviewed");

    let i = check(&[set("/report/overveiw", json!("…"))], &[("T008", "/report/overveiw")]);
    assert_eq!(one(&i, "T008").params["suggestion"], "overview");

    let i = check(&[set("/filed", json!("2011-01-16"))], &[("T008", "/filed")]);
    assert_eq!(one(&i, "T008").params["suggestion"], "filed_on");
}

#[test]
fn t008_a_huge_unknown_key_is_compared_on_its_first_64_characters() {
    // A key of 4 MB: the suggestion comes from its start (as the CSV reader's headers), not from
    // an edit distance over the whole key (quadratic).
    let key = format!("orgs_reviewd{}", "x".repeat(4 << 20));
    assert_eq!(model::nearest(&key, ["unit", "orgs_reviewed"]), "orgs_reviewed");
    let key = format!("unit{}", "字".repeat(1 << 20));
    assert_eq!(model::nearest(&key, ["orgs_reviewed", "unit"]), "unit");
    // The issue names the key by its first 64 characters (the path keeps it whole).
    let key = format!("orgs_reviewd{}", "x".repeat(1 << 20));
    let i = validate(&doc_with(&[set(&format!("/rows/0/{key}"), json!(5))]), &Options::default());
    let t = one(&i, "T008");
    assert_eq!(t.params["suggestion"], "orgs_reviewed");
    assert_eq!(t.params["field"], &key[..64]);
    assert_eq!(t.path, format!("/rows/0/{key}"));
    assert!(t.message.len() < 300, "{}", t.message.len());
}

#[test]
fn t008_a_key_with_a_slash_is_escaped_in_the_pointer() {
    check(&[set("/rows/0/a~1b", json!(1))], &[("T008", "/rows/0/a~1b")]);
}

#[test]
fn t009_a_document_that_is_not_a_statistics_table() {
    check(&[set("/format", json!("cxzy-stats/2"))], &[("T009", "/format")]);
    let i = validate(&json!([1, 2]), &Options::default());
    assert!(i.iter().any(|i| i.code == "T009"), "{i:#?}");
}

#[test]
fn t010_no_rows() {
    check(&[del("/preset"), set("/rows", json!([]))], &[("T010", "/rows")]);
    check(&[del("/preset"), del("/rows")], &[("T010", "/rows")]);
}

#[test]
fn t010_more_than_1000_rows_also_gives_an_x_limit_issue() {
    let rows: Vec<Value> = (0..1001).map(|i| row(&format!("单位{i}"))).collect();
    let i = check(&[del("/preset"), set("/rows", json!(rows))], &[("T010", "/rows"), ("X002", "/rows")]);
    assert_eq!(params(one(&i, "T010")), json!({ "count": 1001, "max": 1000 }));
    let rows: Vec<Value> = (0..1000).map(|i| row(&format!("单位{i}"))).collect();
    check(&[del("/preset"), set("/rows", json!(rows))], &[]);
}

#[test]
fn t011_a_preset_row_missing() {
    let i = check(&[del("/rows/18")], &[("T011", "/rows")]);
    let t = one(&i, "T011");
    assert_eq!(t.severity, Severity::Warning);
    assert_eq!(params(t), json!({ "name": "大庆油田", "missing": true }));
    assert_eq!(t.message, "应报单位「大庆油田」未报");
}

#[test]
fn t011_an_extra_row() {
    let i = check(&[set("/rows/-", row("漠河县"))], &[("T011", "/rows/19/name")]);
    let t = one(&i, "T011");
    assert_eq!(params(t), json!({ "name": "漠河县", "missing": false }));
    assert_eq!(t.message, "「漠河县」不在预设的应报单位中");
    // Without a preset any rows are fine.
    check(&[del("/preset"), set("/rows/-", row("漠河县"))], &[]);
}

#[test]
fn t012_a_report_section_empty() {
    let i = check(&[set("/report/examples", json!(""))], &[("T012", "/report/examples")]);
    assert_eq!(sev(&i, "T012"), Severity::Warning);
    assert_eq!(one(&i, "T012").message, "书面报告「典型事例」部分为空");
    check(&[del("/report")], &[("T012", "/report/overview"), ("T012", "/report/practices"), ("T012", "/report/examples")]);
}

#[test]
fn t013_an_unknown_preset_names_the_nearest() {
    let i = check(&[set("/preset", json!("heilongjiang2010"))], &[("T013", "/preset")]);
    assert_eq!(params(one(&i, "T013")), json!({ "value": "heilongjiang2010", "suggestion": "heilongjiang-2010" }));
    // A preset that is not even a string is not silently dropped.
    check(&[set("/preset", json!(2010))], &[("T013", "/preset")]);
}

// ---------------------------------------------------------------- R: one row

#[test]
fn r001_row_name_missing() {
    let i = check(&[del("/preset"), del("/rows/2/name")], &[("R001", "/rows/2/name")]);
    assert_eq!(one(&i, "R001").message, "单位名称未填写");
    check(&[del("/preset"), set("/rows/2/name", json!(" "))], &[("R001", "/rows/2/name")]);
}

#[test]
fn r001_row_name_duplicated() {
    let i = check(&[del("/preset"), set("/rows/5/name", json!("哈尔滨市"))], &[("R001", "/rows/5/name")]);
    let r = one(&i, "R001");
    assert_eq!(r.related, vec!["/rows/0/name".to_string()]);
    assert_eq!(r.message, "单位名称「哈尔滨市」重复");
}

#[test]
fn r002_a_cell_missing_or_null() {
    let i = check(&[del("/rows/0/orgs_total")], &[("R002", "/rows/0/orgs_total")]);
    let r = one(&i, "R002");
    assert_eq!(params(r), json!({ "row": "哈尔滨市", "field": "orgs_total" }));
    assert_eq!(r.message, "「哈尔滨市」第1栏「基层党组织 · 总数(个)」未填写");
    check(&[set("/rows/1/talks", json!(null))], &[("R002", "/rows/1/talks")]);
    check(&[set("/rows/1/talks", json!("\u{3000}"))], &[("R002", "/rows/1/talks")]);
}

#[test]
fn r003_a_cell_not_a_non_negative_integer() {
    let i = check(&[set("/rows/0/models", json!(1.5))], &[("R003", "/rows/0/models")]);
    assert_eq!(params(one(&i, "R003")), json!({ "row": "哈尔滨市", "field": "models", "raw": "1.5", "hint": "decimal" }));
    let i = check(&[set("/rows/0/models", json!(-3))], &[("R003", "/rows/0/models")]);
    assert_eq!(one(&i, "R003").params["hint"], "negative");
    check(&[set("/rows/0/models", json!("五十"))], &[("R003", "/rows/0/models")]);
    check(&[set("/rows/0/models", json!(true))], &[("R003", "/rows/0/models")]);
    check(&[set("/rows/0/models", json!([50]))], &[("R003", "/rows/0/models")]);
}

#[test]
fn r004_a_cell_above_100_000_000() {
    check(&[set("/rows/0/models", json!(100_000_000u64))], &[]);
    let i = check(&[set("/rows/0/models", json!(100_000_001u64))], &[("R004", "/rows/0/models")]);
    assert_eq!(params(one(&i, "R004")), json!({ "row": "哈尔滨市", "field": "models", "value": 100_000_001u64, "max": 100_000_000u64 }));
    check(&[set("/rows/0/models", json!("100,000,001"))], &[("R004", "/rows/0/models")]);
    // An integer beyond 64 bits (JSON reads it as a float) is still "too large".
    let big: Value = serde_json::from_str("123456789012345678901234567890").unwrap();
    check(&[set("/rows/0/models", big)], &[("R004", "/rows/0/models")]);
    check(&[set("/rows/0/models", json!(u64::MAX))], &[("R004", "/rows/0/models")]);
}

/// The R rules that compare two cells: change one, expect the issue at it with the other as
/// `related` and the SPEC's params.
fn pair(field: &str, value: u64, code: &str, whole: &str, p: Value) {
    let path = format!("/rows/0/{field}");
    let i = check(&[set(&path, json!(value))], &[(code, &path)]);
    let r = one(&i, code);
    assert_eq!(r.related, vec![format!("/rows/0/{whole}")], "{code}");
    // SPEC §7: a row's issue names the row's unit (the `row` param), besides the rule's own.
    let mut got = params(r);
    assert_eq!(got.as_object_mut().and_then(|m| m.remove("row")), Some(json!("哈尔滨市")), "{code}");
    assert_eq!(got, p, "{code}");
}

#[test]
fn r010_orgs_reviewed_above_orgs_with_the_spec_message() {
    pair("orgs_reviewed", 1250, "R010", "orgs_total", json!({ "reviewed": 1250, "total": 1200 }));
    let i = check(&[set("/rows/3/orgs_reviewed", json!(1250))], &[("R010", "/rows/3/orgs_reviewed")]);
    assert_eq!(one(&i, "R010").message, "「佳木斯市」已点评基层党组织数（1,250）不能大于基层党组织总数（1,200）");
    let i = check_with(&en(), &[set("/rows/3/orgs_reviewed", json!(1250))], &[("R010", "/rows/3/orgs_reviewed")]);
    assert_eq!(one(&i, "R010").message, "“佳木斯市”: Organisations reviewed (1,250) cannot exceed organisations (1,200)");
}

#[test]
fn r010_serialises_as_the_spec_example() {
    let i = check(&[set("/rows/3/orgs_reviewed", json!(1250))], &[("R010", "/rows/3/orgs_reviewed")]);
    assert_eq!(
        serde_json::to_value(one(&i, "R010")).unwrap(),
        json!({ "code": "R010", "severity": "error", "path": "/rows/3/orgs_reviewed",
                "related": ["/rows/3/orgs_total"],
                "message": "「佳木斯市」已点评基层党组织数（1,250）不能大于基层党组织总数（1,200）",
                "params": { "reviewed": 1250, "total": 1200, "row": "佳木斯市" } })
    );
}

#[test]
fn r011_new_orgs_reviewed_above_new_orgs() {
    pair("new_orgs_reviewed", 101, "R011", "new_orgs_total", json!({ "reviewed": 101, "total": 100 }));
}

#[test]
fn r012_secretaries_reviewed_above_secretaries() {
    pair("secretaries_reviewed", 1001, "R012", "secretaries_total", json!({ "reviewed": 1001, "total": 1000 }));
}

#[test]
fn r013_secretaries_reviewing_above_secretaries() {
    pair("secretaries_reviewing", 1001, "R013", "secretaries_total", json!({ "reviewed": 1001, "total": 1000 }));
}

#[test]
fn r014_members_reviewed_above_members() {
    pair("members_reviewed", 30001, "R014", "members_total", json!({ "reviewed": 30001, "total": 30000 }));
}

#[test]
fn r015_mobile_reviewed_above_mobile() {
    pair("mobile_reviewed", 501, "R015", "mobile_total", json!({ "reviewed": 501, "total": 500 }));
}

fn r017(part: &str, part_v: u64, whole: &str, whole_v: u64) -> Value {
    json!({ "part": part_v, "total": whole_v, "field": part, "whole": whole })
}

/// [`r017`] with the unit of row 0 (SPEC §7: a row's issue names its unit).
fn r017_at_row0(part: &str, part_v: u64, whole: &str, whole_v: u64) -> Value {
    let mut v = r017(part, part_v, whole, whole_v);
    v["row"] = json!("哈尔滨市");
    v
}

#[test]
fn r017_new_orgs_above_orgs() {
    pair("new_orgs_total", 1201, "R017", "orgs_total", r017("new_orgs_total", 1201, "orgs_total", 1200));
}

#[test]
fn r017_new_orgs_reviewed_above_orgs_reviewed() {
    let i = check(&[set("/rows/0/orgs_reviewed", json!(99))], &[("R017", "/rows/0/new_orgs_reviewed")]);
    assert_eq!(params(one(&i, "R017")), r017_at_row0("new_orgs_reviewed", 100, "orgs_reviewed", 99));
    assert_eq!(
        one(&i, "R017").message,
        "「哈尔滨市」第5栏「其中“两新”组织党组织 · 已点评(个)」（100）不能大于第2栏「基层党组织 · 已点评(个)」（99）"
    );
}

#[test]
fn r017_mobile_above_members() {
    pair("mobile_total", 30001, "R017", "members_total", r017("mobile_total", 30001, "members_total", 30000));
}

#[test]
fn r017_mobile_reviewed_above_members_reviewed() {
    let i = check(
        &[set("/rows/0/mobile_total", json!(2000)), set("/rows/0/mobile_reviewed", json!(1500)), set("/rows/0/members_reviewed", json!(1200))],
        &[("R017", "/rows/0/mobile_reviewed")],
    );
    assert_eq!(params(one(&i, "R017")), r017_at_row0("mobile_reviewed", 1500, "members_reviewed", 1200));
}

#[test]
fn r017_secretaries_above_members() {
    // Fewer members than secretaries also means fewer than 3 per organisation (R021).
    let i = check(
        &[
            set("/rows/0/members_total", json!(999)),
            set("/rows/0/members_reviewed", json!(999)),
            set("/rows/0/secretaries_reviewed", json!(999)),
            set("/rows/0/secretaries_reviewing", json!(999)),
        ],
        &[("R017", "/rows/0/secretaries_total"), ("R021", "/rows/0/members_total")],
    );
    assert_eq!(params(one(&i, "R017")), r017_at_row0("secretaries_total", 1000, "members_total", 999));
}

#[test]
fn r017_secretaries_reviewed_above_members_reviewed() {
    let i = check(&[set("/rows/0/members_reviewed", json!(999))], &[("R017", "/rows/0/secretaries_reviewed")]);
    assert_eq!(params(one(&i, "R017")), r017_at_row0("secretaries_reviewed", 1000, "members_reviewed", 999));
}

#[test]
fn r020_more_secretaries_than_organisations() {
    let i = check(&[set("/rows/0/secretaries_total", json!(1201))], &[("R020", "/rows/0/secretaries_total")]);
    let r = one(&i, "R020");
    assert_eq!(r.severity, Severity::Warning);
    assert_eq!(params(r), json!({ "secretaries": 1201, "orgs": 1200, "row": "哈尔滨市" }));
    assert_eq!(r.related, vec!["/rows/0/orgs_total".to_string()]);
}

#[test]
fn r021_fewer_than_three_members_per_organisation() {
    let members = [set("/rows/0/members_total", json!(3599)), set("/rows/0/members_reviewed", json!(3599))];
    let i = check(&members, &[("R021", "/rows/0/members_total")]);
    assert_eq!(sev(&i, "R021"), Severity::Warning);
    assert_eq!(params(one(&i, "R021")), json!({ "members": 3599, "orgs": 1200, "row": "哈尔滨市" }));
    check(&[set("/rows/0/members_total", json!(3600)), set("/rows/0/members_reviewed", json!(3600))], &[]);
}

#[test]
fn r030_fewer_review_acts_than_reviewed_orgs_and_members() {
    // 100 + 9 000 + 2 000 + 1 000 = 12 100 acts for 1 200 + 30 000 reviewed.
    let i = check(&[set("/rows/0/collective", json!(100))], &[("R030", "/rows/0/methods_total")]);
    let r = one(&i, "R030");
    assert_eq!(params(r), json!({ "methods": 12100, "needed": 31200, "row": "哈尔滨市" }));
    assert_eq!(r.related, vec!["/rows/0/orgs_reviewed".to_string(), "/rows/0/members_reviewed".to_string()]);
    // Exactly one act each is enough.
    check(&[set("/rows/0/collective", json!(19200))], &[]);
    check(&[set("/rows/0/collective", json!(19199))], &[("R030", "/rows/0/methods_total")]);
}

#[test]
fn r031_more_talks_than_individual_reviews() {
    let i = check(&[set("/rows/0/talks", json!(9001))], &[("R031", "/rows/0/talks")]);
    assert_eq!(sev(&i, "R031"), Severity::Warning);
    assert_eq!(params(one(&i, "R031")), json!({ "talks": 9001, "individual": 9000, "row": "哈尔滨市" }));
    check(&[set("/rows/0/talks", json!(9000))], &[]);
}

#[test]
fn r032_more_problems_solved_than_found() {
    let i = check(&[set("/rows/0/problems_solved", json!(401))], &[("R032", "/rows/0/problems_solved")]);
    let r = one(&i, "R032");
    assert_eq!(params(r), json!({ "solved": 401, "found": 400, "row": "哈尔滨市" }));
    assert_eq!(r.related, vec!["/rows/0/problems_found".to_string()]);
}

#[test]
fn r040_batch_2_below_full_coverage() {
    let b2 = set("/batch", json!(2));
    for (field, value, computed) in [
        ("orgs_reviewed", 1199, "orgs_coverage"),
        ("secretaries_reviewed", 999, "secretaries_coverage"),
        ("secretaries_reviewing", 999, "secretaries_participation"),
        ("members_reviewed", 29999, "members_coverage"),
    ] {
        let path = format!("/rows/4/{computed}");
        let i = check(&[b2.clone(), set(&format!("/rows/4/{field}"), json!(value))], &[("R040", &path)]);
        let r = one(&i, "R040");
        assert_eq!(r.severity, Severity::Warning);
        assert_eq!(r.params["field"], computed);
        // Rounded down: 1 199/1 200 is 99.9%, never "100.0%".
        assert_eq!(r.params["coverage"], "99.9%", "{computed}");
        assert!(r.related.contains(&format!("/rows/4/{field}")));
        // The first report may be below full coverage.
        check(&[set(&format!("/rows/4/{field}"), json!(value))], &[]);
    }
    // The “两新” and mobile columns are not among the four of R040.
    check(&[b2.clone(), set("/rows/4/new_orgs_reviewed", json!(99)), set("/rows/4/mobile_reviewed", json!(0))], &[]);
    // A unit with nothing to review (0/0) is not below full coverage.
    let mut empty = row("大庆油田");
    for (k, _) in cells() {
        empty[k] = json!(0);
    }
    check(&[b2, set("/rows/18", empty)], &[]);
}

#[test]
fn r040_message() {
    let i = check(&[set("/batch", json!(2)), set("/rows/0/orgs_reviewed", json!(600))], &[("R040", "/rows/0/orgs_coverage")]);
    assert_eq!(one(&i, "R040").message, "「哈尔滨市」第二批报送时第3栏「基层党组织 · 覆盖率(%)」仅为 50.0%，未实现“两个全覆盖”");
}

// ---------------------------------------------------------------- N: normalisation through validate

#[test]
fn n001_full_width_string_cells_are_read_with_an_info() {
    let i = check(&[set("/rows/0/orgs_total", json!("１,２００"))], &[]);
    let n = one(&i, "N001");
    assert_eq!(n.severity, Severity::Info);
    assert_eq!(n.path, "/rows/0/orgs_total");
    assert_eq!(params(n), json!({ "raw": "１,２００", "value": 1200 }));
    assert_eq!(n.message, "已将「１,２００」读作 1,200");
}

#[test]
fn n002_dates_in_other_forms_are_read_with_an_info() {
    let i = check(&[set("/as_of", json!("二〇一一年一月十五日"))], &[]);
    assert_eq!(params(one(&i, "N002")), json!({ "raw": "二〇一一年一月十五日", "value": "2011-01-15" }));
}

// ---------------------------------------------------------------- X: limits

#[test]
fn x001_names_and_texts_past_their_limits() {
    let long_name = "黑".repeat(65);
    let i = check(&[set("/unit", json!(long_name))], &[("X001", "/unit")]);
    assert_eq!(params(one(&i, "X001")), json!({ "field": "unit", "length": 65, "max": 64 }));
    check(&[set("/unit", json!("黑".repeat(64)))], &[]);
    check(&[set("/notes", json!("注".repeat(2001)))], &[("X001", "/notes")]);
    check(&[set("/report/overview", json!("况".repeat(2001)))], &[("X001", "/report/overview")]);
    check(&[del("/preset"), set("/rows/0/name", json!("市".repeat(65)))], &[("X001", "/rows/0/name")]);
}

// ---------------------------------------------------------------- P: previous batch

fn batch2(ops: &[Op]) -> Value {
    let mut all = vec![set("/batch", json!(2)), set("/filed_on", json!("2011-02-16")), set("/as_of", json!("2011-02-15"))];
    all.extend_from_slice(ops);
    doc_with(&all)
}

fn check_previous(ops: &[Op], prev: Value, expected: &[(&str, &str)]) -> Vec<Issue> {
    check_doc(&with_previous(prev), &batch2(ops), expected)
}

#[test]
fn p_the_same_numbers_a_month_later_are_fine() {
    check_previous(&[], base(), &[]);
}

#[test]
fn p001_a_cumulative_column_decreased() {
    let i = check_previous(&[set("/rows/2/talks", json!(299))], base(), &[("P001", "/rows/2/talks")]);
    let p = one(&i, "P001");
    assert_eq!(p.severity, Severity::Warning);
    assert_eq!(params(p), json!({ "row": "牡丹江市", "field": "talks", "previous": 300, "current": 299 }));
    for field in ["orgs_reviewed", "new_orgs_reviewed", "members_reviewed", "collective", "models", "problems_found", "problems_solved"] {
        let prev = doc_with(&[set(&format!("/rows/2/{field}"), json!(0))]);
        // previous 0 → current > 0 is growth, not a decrease; the other way round is P001.
        check_doc(&with_previous(prev), &batch2(&[]), &[]);
    }
    let prev = doc_with(&[set("/rows/2/problems_solved", json!(360))]);
    check_previous(&[], prev, &[("P001", "/rows/2/problems_solved")]);
}

#[test]
fn p002_a_total_changed_by_more_than_10_percent() {
    // 1 200 → 1 320 is exactly 10 %: fine; 1 321 is more.
    let grow = |n: u64| [set("/rows/0/orgs_total", json!(n)), set("/rows/0/orgs_reviewed", json!(n))];
    check_previous(&grow(1320), base(), &[]);
    let i = check_previous(&grow(1321), base(), &[("P002", "/rows/0/orgs_total")]);
    assert_eq!(params(one(&i, "P002")), json!({ "row": "哈尔滨市", "field": "orgs_total", "previous": 1200, "current": 1321 }));
    assert_eq!(sev(&i, "P002"), Severity::Warning);
    // A fall counts too (a total is not cumulative): 500 → 449 mobile members.
    check_previous(&[set("/rows/0/mobile_total", json!(449)), set("/rows/0/mobile_reviewed", json!(449))], base(), &[("P001", "/rows/0/mobile_reviewed"), ("P002", "/rows/0/mobile_total")]);
}

#[test]
fn p003_units_differ() {
    let i = check_previous(&[], doc_with(&[set("/unit", json!("吉林省"))]), &[("P003", "/unit")]);
    assert_eq!(params(one(&i, "P003")), json!({ "previous": "吉林省", "current": "黑龙江省" }));
    assert_eq!(sev(&i, "P003"), Severity::Error);
}

#[test]
fn p004_previous_is_not_batch_1() {
    let i = check_previous(&[], batch2(&[]), &[("P004", "/batch")]);
    assert_eq!(params(one(&i, "P004")), json!({ "value": "2" }));
    assert_eq!(one(&i, "P004").message, "用于比较的上一批报表应为第一批（收到第 2 批）");
}

#[test]
fn p_rules_through_compare() {
    let (cur, _) = model::read(&batch2(&[set("/rows/0/models", json!(10))]));
    let (prev, _) = model::read(&base());
    let issues = previous::compare(&cur, &prev);
    assert_eq!(findings(&issues), vec![("P001".to_string(), "/rows/0/models".to_string())]);
    // Rows are matched by name, not position.
    let (mut reordered, _) = model::read(&base());
    reordered.rows.reverse();
    assert!(previous::compare(&cur, &reordered).iter().all(|i| i.path == "/rows/0/models"));
}

// ---------------------------------------------------------------- locale and messages

#[test]
fn messages_render_in_english_when_asked() {
    let i = check_with(&en(), &[del("/unit"), set("/rows/0/talks", json!(9001))], &[("T001", "/unit"), ("R031", "/rows/0/talks")]);
    assert_eq!(one(&i, "T001").message, "The reporting unit is missing");
    assert_eq!(one(&i, "R031").message, "“哈尔滨市”: Special talks (9,001) exceed individual reviews (9,000): a talk is an individual review");
    let i = check_with(&en(), &[set("/rows/0/models", json!("12O"))], &[("R003", "/rows/0/models")]);
    assert!(one(&i, "R003").message.contains("did you mean 0?"), "{}", one(&i, "R003").message);
}

#[test]
fn every_issue_gets_a_message_in_both_locales() {
    let bad = doc_with(&[
        del("/unit"), set("/batch", json!(9)), set("/phone", json!("x")), set("/uint", json!(1)),
        set("/rows/0/orgs_reviewed", json!(5000)), set("/rows/1/models", json!("1.5")), del("/rows/2/talks"),
        set("/rows/3/talks", json!(1e9)), set("/report/overview", json!("")), set("/rows/4/collective", json!(0)),
    ]);
    for locale in [Locale::ZhCn, Locale::En] {
        let issues = validate(&bad, &Options { locale, ..Options::default() });
        assert!(issues.len() >= 9);
        for i in &issues {
            assert!(!i.message.is_empty() && !i.message.contains('{'), "{i:?}");
        }
    }
}

#[test]
fn rules_are_reachable_without_reading_json() {
    let (doc, read) = model::read(&base());
    assert!(read.is_empty());
    assert!(rules::check_table(&doc).is_empty());
    assert_eq!(rules::deadline(&doc), chrono::NaiveDate::from_ymd_opt(2011, 1, 16));
}

// ---------------------------------------------------------------- docs/codes.md cannot drift

#[test]
fn every_catalogue_code_is_documented() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/codes.md")).expect("docs/codes.md");
    for (code, ..) in CATALOGUE {
        let heading = docs.lines().any(|l| l.starts_with('#') && l.contains(code));
        let table_row = docs.lines().any(|l| l.starts_with('|') && l.contains(&format!("| {code} ")));
        let listed = docs.lines().any(|l| l.starts_with(&format!("| `{code}`")) || l.starts_with(&format!("| {code} ")));
        assert!(heading || table_row || listed, "{code} is not in docs/codes.md");
    }
}

#[test]
fn a_picture_is_neither_json_nor_a_table_in_words() {
    // A PNG opened on the offline page, decoded as text the way a browser does.
    let png = String::from_utf8_lossy(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0").into_owned();
    let e = cxzy_form::core::stats::csv::read(&png).unwrap_err();
    let zh = messages::parse_error(e.line, e.column, &e.message, cxzy_form::Locale::ZhCn);
    assert!(zh.starts_with("该文件既不是 JSON 也不是表格（CSV）"), "{zh}");
    assert!(!zh.contains("PNG"), "{zh}");
    let en = messages::parse_error(e.line, e.column, &e.message, cxzy_form::Locale::En);
    assert!(en.starts_with("The file is neither JSON nor a table (CSV)"), "{en}");
    // A table is still a table.
    assert!(cxzy_form::core::stats::csv::read("单位名称,基层党组织 · 总数(个)\n哈尔滨市,12\n").is_ok());
}

/// What the CSV reader refuses is said in the clerk's words too: zh-CN without English (but the
/// names of formats), English without Chinese (but the clerk's own cell), never “the JSON is not
/// well formed” for a CSV.
#[test]
fn a_csv_that_cannot_be_read_says_why_in_words() {
    let han = |s: &str| s.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count();
    let cases = [
        ("单位名称,基层党组织 · 总数(个)\n哈尔滨市,\"12\n", "引号", "quote"),
        ("单位名称,基层党组织 · 总数(个)\n哈尔滨市,1\0\n", "NUL 字符", "NUL character"),
        ("填报单位,黑龙江省\n备注栏,x\n", "「备注栏」既不是表头栏目", "“备注栏” is neither a header field"),
    ];
    for (csv, zh_says, en_says) in cases {
        let e = cxzy_form::core::stats::csv::read(csv).unwrap_err();
        let zh = messages::parse_error(e.line, e.column, &e.message, cxzy_form::Locale::ZhCn);
        assert!(zh.contains(zh_says) && !zh.contains("JSON") && zh.starts_with('第'), "{zh}");
        let latin: Vec<&str> = zh.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty() && !["CSV", "UTF", "NUL"].contains(w)).collect();
        assert!(latin.is_empty(), "English in {zh}: {latin:?}");
        let en = messages::parse_error(e.line, e.column, &e.message, cxzy_form::Locale::En);
        assert!(en.contains(en_says) && en.starts_with("Line "), "{en}");
        assert_eq!(han(&en), han(if csv.contains("备注栏") { "备注栏" } else { "" }), "Chinese in {en}");
    }
}
