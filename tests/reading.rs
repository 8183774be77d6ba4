//! The one-pass reader of statistics tables (src/core/stats/model.rs): the same document and the
//! same issues as the `Value`-tree reader it replaced (src/core/stats/legacy.rs), on the samples
//! and on random documents; and what only the one-pass reader can see — keys given twice (T015),
//! computed values that disagree with the counts (R041), a report that is not an object (T016).

mod common;

use common::*;
use cxzy_form::core::columns::INPUTS;
use cxzy_form::core::issue::Issue;
use cxzy_form::core::stats::{legacy, model};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// The new reader on the text of `v`, and the old path (parse to a `Value`, read that) on the
/// same text, with the issues only the new one raises (T015/T016/R041, and N005 whose meaning
/// R041 narrowed) left out.
fn both(v: &Value) -> ((model::StatsDoc, Vec<Issue>), (model::StatsDoc, Vec<Issue>)) {
    let text = v.to_string();
    let r = model::read_text(&text).expect("JSON text of a Value reads");
    let keep = |i: &Issue| !matches!(i.code, "T015" | "T016" | "R041" | "N005");
    let new = (r.doc, r.issues.into_iter().filter(keep).collect());
    let (d, is) = legacy::read(&cxzy_form::core::json::parse(&text).unwrap());
    (new, (d, is.into_iter().filter(keep).collect()))
}

#[test]
fn samples_read_the_same_as_with_the_value_tree() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/stats");
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "json") {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            let (new, old) = both(&v);
            assert_eq!(new, old, "{}", p.display());
            // And `read(&Value)` (what the form and the roll-up call) is the same reader.
            assert_eq!(model::read(&v).0, new.0);
            n += 1;
        }
    }
    assert!(n >= 3, "the samples are there");
    let (new, old) = both(&base());
    assert_eq!(new, old);
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f).map(Value::Number)),
        (0u64..200_000_000).prop_map(Value::from),
        "[0-9０-９,， Oo.\\-]{0,12}".prop_map(Value::from),
        any::<String>().prop_map(Value::from),
    ]
}

fn key() -> impl Strategy<Value = String> {
    let mut known: Vec<&'static str> = model::FIELDS.to_vec();
    known.extend(INPUTS);
    known.extend(["name", "overview", "practices", "examples", "rows", "x~/y"]);
    prop_oneof![4 => proptest::sample::select(known).prop_map(str::to_string), 1 => any::<String>()]
}

fn any_json() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(3, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6).prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn table_like() -> impl Strategy<Value = Value> {
    let row = prop::collection::vec((key(), leaf()), 0..26).prop_map(|kv| Value::Object(kv.into_iter().collect()));
    (
        prop::collection::vec((key(), any_json()), 0..10),
        prop::collection::vec(prop_oneof![5 => row, 1 => any_json()], 0..8),
        prop_oneof![Just("cxzy-stats/1"), Just("x")],
    )
        .prop_map(|(fields, rows, format)| {
            let mut m: Map<String, Value> = fields.into_iter().collect();
            m.insert("format".into(), format.into());
            m.insert("rows".into(), Value::Array(rows));
            Value::Object(m)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_tables_read_the_same(v in table_like()) {
        let (new, old) = both(&v);
        prop_assert_eq!(new, old);
    }

    #[test]
    fn any_json_reads_the_same(v in any_json()) {
        let (new, old) = both(&v);
        prop_assert_eq!(new, old);
    }
}

fn codes_at(issues: &[Issue], code: &str) -> Vec<(String, Value)> {
    issues.iter().filter(|i| i.code == code).map(|i| (i.path.clone(), Value::Object(i.params.clone()))).collect()
}

/// The base table's text with `extra` spliced in right after the opening brace of the object
/// that starts at `anchor`.
fn splice(anchor: &str, extra: &str) -> String {
    let text = base().to_string();
    let at = text.find(anchor).expect("anchor") + anchor.len();
    format!("{}{extra}{}", &text[..at], &text[at..])
}

/// SPEC §5.1 T015: “a key appears twice in one JSON object … the first is kept, the second
/// reported at its path — never a silent last-one-wins”.
#[test]
fn a_key_twice_is_t015_at_the_second_and_the_first_is_kept() {
    assert!(codes_at(&model::read_text(&base().to_string()).unwrap().issues, "T015").is_empty(), "no repeat, no T015");
    // Top level: `batch` first as 2, then the base table's 1.
    let text = base().to_string().replacen('{', r#"{"batch":2,"#, 1);
    let r = model::read_text(&text).unwrap();
    assert_eq!(codes_at(&r.issues, "T015"), vec![("/batch".to_string(), json!({ "key": "batch" }))]);
    assert_eq!(r.doc.batch, Some(2), "the first `batch` is kept");

    // In a row: the first orgs_reviewed (1 300 > 1 200, R010) is kept, the repeat reported.
    let text = splice(r#""rows":[{"#, r#""orgs_reviewed":1300,"#);
    let issues = validate_text(&text);
    assert_eq!(codes_at(&issues, "T015"), vec![("/rows/0/orgs_reviewed".to_string(), json!({ "key": "orgs_reviewed" }))]);
    assert!(issues.iter().any(|i| i.code == "R010" && i.path == "/rows/0/orgs_reviewed"));

    // In the report.
    let text = splice(r#""report":{"#, r#""overview":"第一份总体情况","#);
    let r = model::read_text(&text).unwrap();
    assert_eq!(codes_at(&r.issues, "T015"), vec![("/report/overview".to_string(), json!({ "key": "overview" }))]);
    assert_eq!(r.doc.report.unwrap()[0].as_deref(), Some("第一份总体情况"));
}

fn validate_text(text: &str) -> Vec<Issue> {
    cxzy_form::core::validate::validate_text(text, &Default::default()).expect("JSON")
}

/// 创先办[2010]7号 一、确保全面覆盖：“要努力做到每名书记都作点评，每个基层党组织和每名党员都被点评”；
/// 二、务求取得实效：“点评要实事求是、言之有物”. A coverage is what the counts say was done: one
/// claimed in the file that they do not bear out is R041 (a warning naming the unit), not silently
/// replaced.
#[test]
fn a_computed_value_that_disagrees_is_r041_an_equal_one_n005() {
    // Row 0 of the base table: 1 200 of 1 200 organisations reviewed (100.0%).
    let with = |field: &str, v: Value| {
        let mut d = base();
        d["rows"][0][field] = v;
        model::read_text(&d.to_string()).unwrap().issues
    };
    let issues = with("orgs_coverage", json!("95.0%"));
    assert_eq!(
        codes_at(&issues, "R041"),
        vec![(
            "/rows/0/orgs_coverage".to_string(),
            json!({ "row": "哈尔滨市", "field": "orgs_coverage", "supplied": "95.0%", "computed": "100.0%" })
        )]
    );
    assert_eq!(cxzy_form::core::messages::severity_of("R041"), cxzy_form::core::issue::Severity::Warning);
    assert!(codes_at(&issues, "N005").is_empty());
    // The clerk reads which unit claimed what, in words.
    let mut d = base();
    d["rows"][0]["orgs_coverage"] = json!("95.0%");
    let r041 = validate_text(&d.to_string()).into_iter().find(|i| i.code == "R041").expect("R041");
    assert!(r041.message.starts_with("「哈尔滨市」") && r041.message.contains("填报为「95.0%」，按各栏数据计算应为 100.0%"), "{}", r041.message);
    assert!(!r041.message.contains("orgs_coverage"), "{}", r041.message);
    for equal in [json!("100.0%"), json!(100), json!("100"), json!(99.95)] {
        let issues = with("orgs_coverage", equal.clone());
        assert!(codes_at(&issues, "R041").is_empty(), "{equal}");
        assert_eq!(codes_at(&issues, "N005").len(), 1, "{equal}");
    }
    let methods: u64 = ["collective", "individual", "onsite", "random"].iter().map(|f| base()["rows"][0][f].as_u64().unwrap()).sum();
    assert!(codes_at(&with("methods_total", json!(methods)), "R041").is_empty());
    assert_eq!(
        codes_at(&with("methods_total", json!(methods + 1)), "R041"),
        vec![(
            "/rows/0/methods_total".to_string(),
            json!({ "row": "哈尔滨市", "field": "methods_total", "supplied": methods + 1, "computed": methods })
        )]
    );
}

#[test]
fn a_report_that_is_not_an_object_is_t016_and_its_text_is_kept() {
    let mut d = base();
    d["report"] = json!("总体情况、做法和事例写在了一起");
    let issues = validate_text(&d.to_string());
    assert_eq!(codes_at(&issues, "T016"), vec![("/report".to_string(), json!({ "raw": "总体情况、做法和事例写在了一起" }))]);
    let (doc, _) = model::read(&d);
    assert_eq!(doc.to_value()["report"]["overview"], "总体情况、做法和事例写在了一起");
    assert!(issues.iter().any(|i| i.code == "T016" && !i.message.is_empty()));
}

#[test]
fn an_issue_flood_is_capped_per_code_with_one_x005() {
    // 1 000 rows without a single cell: 20 000 R002 would be listed.
    let rows: Vec<Value> = (0..1000).map(|i| json!({ "name": format!("单位{i}") })).collect();
    let doc = json!({ "format": "cxzy-stats/1", "rows": rows });
    let issues = validate_text(&doc.to_string());
    let r002 = issues.iter().filter(|i| i.code == "R002").count();
    assert_eq!(r002, 1000);
    let x005: Vec<&Issue> = issues.iter().filter(|i| i.code == "X005").collect();
    assert_eq!(x005.len(), 1);
    assert_eq!(Value::Object(x005[0].params.clone()), json!({ "code": "R002", "more": 19_000 }));
    assert!(!x005[0].message.is_empty());
    // The first 1 000 are the first in document order.
    assert_eq!(issues.iter().find(|i| i.code == "R002").unwrap().path, "/rows/0/orgs_total");
}
