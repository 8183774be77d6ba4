//! The one-pass readers of rosters and entries (src/core/review/stream.rs) against the `Value`
//! readers (`read_roster`, `read_entries`) as the oracle: the same typed data and the same issues
//! (codes, paths, params, order) on the samples, on random documents, on texts mutated byte by
//! byte, and through `coverage` and a byte stream.

use cxzy_form::core::review::{self, stream};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

fn sample(name: &str) -> String {
    std::fs::read_to_string(format!("{}/samples/review/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// Old and new on the same text; `None` when the text is not JSON (both then refuse it).
fn same_on(text: &str) -> Result<(), TestCaseError> {
    let old = cxzy_form::core::json::parse(text);
    let strings = stream::Strings::new();
    let (r, e) = (stream::roster_text(text, &strings), stream::entries_text(text, &strings));
    let Ok(v) = old else {
        prop_assert!(r.is_err() && e.is_err(), "the one-pass readers refuse what the parser refuses");
        return Ok(());
    };
    let (r, e) = (r.expect("roster reads"), e.expect("entries read"));
    let (old_r, old_ri) = review::read_roster(&v);
    prop_assert_eq!(&r.0, &old_r);
    prop_assert_eq!(serde_json::to_value(&r.1).unwrap(), serde_json::to_value(&old_ri).unwrap());
    let (old_e, old_ei) = review::read_entries(&v);
    prop_assert_eq!(&e.0, &old_e);
    prop_assert_eq!(serde_json::to_value(&e.1).unwrap(), serde_json::to_value(&old_ei).unwrap());
    // And from a byte stream, as the CLI reads.
    let mut de = serde_json::Deserializer::from_reader(text.as_bytes());
    let streamed = stream::read_entries(&mut de, &strings).expect("a stream reads");
    prop_assert_eq!(&streamed.0, &old_e);
    Ok(())
}

#[test]
fn samples_read_the_same_as_with_the_value_tree() {
    for name in ["roster.json", "entries.json", "entries_broken.json"] {
        same_on(&sample(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn coverage_from_text_is_coverage_from_values() {
    let (r, e) = (sample("roster.json"), sample("entries.json"));
    let as_of = chrono::NaiveDate::from_ymd_opt(2011, 7, 15).unwrap();
    let old = review::coverage(&serde_json::from_str(&r).unwrap(), &serde_json::from_str(&e).unwrap(), as_of, 2, "某县");
    let new = review::coverage_text(&r, &e, as_of, 2, "某县").unwrap();
    assert_eq!(new, old);
    assert!(!new.table.rows.is_empty());
}

#[test]
fn what_is_not_a_document_or_a_list_reads_the_same() {
    for v in [
        json!(null),
        json!([1, 2]),
        json!("cxzy-entries/1"),
        json!(7),
        json!({ "format": "cxzy-entries/1", "entries": { "a": 1 } }),
        json!({ "format": "cxzy-entries/1", "entries": "x", "orgs": 3, "members": [1, {"id": 2}] }),
        json!({ "format": "cxzy-roster/1", "orgs": [null, 1, {"id": "a", "zz": 1}], "members": {"x": [1]} }),
        json!({ "format": ["cxzy-roster/1"], "x~/y": 1, "orgs": null, "entries": [null, [], {}] }),
    ] {
        same_on(&v.to_string()).unwrap_or_else(|e| panic!("{v}: {e}"));
    }
    // Keys given twice: the last value wins in both, each unknown key is reported once.
    let twice = r#"{"format":"x","zz":1,"entries":[{"id":"a"}],"zz":2,"format":"cxzy-entries/1","entries":[{"id":"b","q":1,"q":2}]}"#;
    same_on(twice).unwrap();
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (0u64..30).prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f).map(Value::Number)),
        prop::sample::select(vec![
            "2011-03-01", "2011年3月1日", "2031-01-01", "x", " ", "branch", "member", "secretary", "committee",
            "branch_secretary", "committee_secretary", "collective", "individual", "onsite", "good", "central_work",
            "a", "b", "m1", "m2", "o1", "该同志工作积极主动，群众反映较好。", "non_public", "3",
        ])
        .prop_map(Value::from),
        any::<String>().prop_map(Value::from),
    ]
}

fn key() -> impl Strategy<Value = String> {
    let known = vec![
        "id", "date", "reviewer", "target", "method", "grade", "evaluation", "achievements", "shortcomings", "direction",
        "focus", "model", "talk", "problems_found", "problems_solved", "combined_with", "name", "role", "org", "kind",
        "parent", "unit", "secretary", "sector", "mobile", "format", "entries", "orgs", "members", "x~/y",
    ];
    prop_oneof![6 => prop::sample::select(known).prop_map(str::to_string), 1 => any::<String>()]
}

fn any_json() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(3, 40, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..10).prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn document() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec((key(), any_json()), 0..4),
        prop::collection::vec(any_json(), 0..6),
        prop::collection::vec(any_json(), 0..6),
        prop::sample::select(vec!["cxzy-entries/1", "cxzy-roster/1", "x"]),
    )
        .prop_map(|(extra, a, b, format)| {
            let mut m: Map<String, Value> = extra.into_iter().collect();
            m.insert("format".into(), format.into());
            let list = if format == "cxzy-roster/1" { ["orgs", "members"] } else { ["entries", "members"] };
            m.insert(list[0].into(), Value::Array(a));
            m.insert(list[1].into(), Value::Array(b));
            Value::Object(m)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_documents_read_the_same(v in document()) {
        same_on(&v.to_string())?;
    }

    #[test]
    fn any_json_reads_the_same(v in any_json()) {
        same_on(&v.to_string())?;
    }

    /// The samples' texts with a few bytes cut, repeated or replaced: broken JSON is refused by
    /// both, what still parses reads the same.
    #[test]
    fn mutated_samples_read_the_same(which in 0usize..3, cuts in prop::collection::vec((0.0f64..1.0, 0usize..4, any::<u8>()), 1..4)) {
        let name = ["roster.json", "entries.json", "entries_broken.json"][which];
        let mut bytes = sample(name).into_bytes();
        for (at, how, b) in cuts {
            let i = ((bytes.len() - 1) as f64 * at) as usize;
            match how {
                0 => { bytes.remove(i); }
                1 => { let c = bytes[i]; bytes.insert(i, c); }
                2 => bytes[i] = b" ,:{}[]\"0a"[b as usize % 10],
                _ => { let piece = bytes[i..(i + 40).min(bytes.len())].to_vec(); bytes.splice(i..i, piece); }
            }
        }
        if let Ok(text) = String::from_utf8(bytes) {
            same_on(&text)?;
        }
    }
}

/// Coverage keeps at most 1 000 rule issues of a code as it finds them; the result is the same as
/// capping the whole list at the end (the listed issues, the X005 counts and their order).
#[test]
fn coverage_caps_floods_as_capping_the_whole_list_does() {
    use cxzy_form::core::issue::{cap_floods, Locale};
    use cxzy_form::core::review::{entries, roster};
    let roster_text = sample("roster.json");
    let mut list = Vec::new();
    for i in 0..1300 {
        list.push(json!({}));
        list.push(json!({ "id": format!("d{}", i % 700), "date": "2010-11-20", "method": "onsite",
            "reviewer": { "name": "张三", "role": "branch_secretary" }, "target": { "kind": "member", "name": "李四" } }));
    }
    let doc = json!({ "format": "cxzy-entries/1", "entries": list });
    // No half-year has ended: no F001.
    let as_of = chrono::NaiveDate::from_ymd_opt(2010, 12, 1).unwrap();
    let got = review::coverage_text(&roster_text, &doc.to_string(), as_of, 1, "某县").unwrap();

    let rv: Value = serde_json::from_str(&roster_text).unwrap();
    let (r, mut want) = roster::read(&rv);
    let (ix, more) = roster::analyse(&r);
    want.extend(more);
    let (e, read) = entries::read(&doc);
    want.extend(entries::merge(read, entries::rules(&e, Some(&ix), None, false, usize::MAX).out));
    cap_floods(&mut want);
    cxzy_form::core::messages::localize(&mut want, Locale::ZhCn);
    assert!(want.iter().filter(|i| i.code == "X005").count() >= 5, "floods of several codes, from reading and from rules");
    assert_eq!(serde_json::to_value(&got.issues).unwrap(), serde_json::to_value(&want).unwrap());
}

/// A flood of reading and rule issues (3 000 empty entries, several codes each) is capped as it
/// is raised: `validate` gives exactly what capping the whole list gives, so a million empty
/// entries no longer hold millions of issues (the page's wasm ran out of memory on them).
#[test]
fn validate_caps_issue_floods_as_they_are_raised() {
    let doc = json!({ "format": "cxzy-entries/1", "entries": vec![json!({}); 3000] });
    let (entries, read) = review::entries::read(&doc);
    let mut whole = review::entries::merge(read, review::entries::check(&entries, None, None));
    assert!(whole.len() > 2 * cxzy_form::core::issue::MAX_PER_CODE, "the flood is there before capping");
    cxzy_form::core::issue::cap_floods(&mut whole);
    let capped = review::entries::validate(&doc, None, None);
    assert_eq!(capped, whole);
    let x005: Vec<&Value> = capped.iter().filter(|i| i.code == "X005").map(|i| &i.params["more"]).collect();
    assert!(!x005.is_empty() && x005.iter().all(|m| m.as_u64().is_some_and(|n| n >= 2000)), "{x005:?}");
}
