//! The one-pass readers of rosters and entries (src/core/review/stream.rs) against the `Value`
//! readers (`read_roster`, `read_entries`) as the oracle: the same typed data and the same issues
//! (codes, paths, params, order) on the samples, on random documents, on texts mutated byte by
//! byte, and through `coverage` and a byte stream.

use cxzy_form::core::review::{self, split, stream};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

fn sample(name: &str) -> String {
    std::fs::read_to_string(format!("{}/samples/review/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The text as a `Value`, keeping the first value of a key given twice (as the one-pass
/// readers do, SPEC §5.1), and whether any key was given twice; `None` when not JSON.
fn first_wins(text: &str) -> Option<(Value, bool)> {
    use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
    struct First<'a>(&'a mut bool);
    impl<'de> DeserializeSeed<'de> for First<'_> {
        type Value = Value;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
            d.deserialize_any(self)
        }
    }
    impl<'de> Visitor<'de> for First<'_> {
        type Value = Value;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("JSON")
        }
        fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
            Ok(v.into())
        }
        fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
            Ok(v.into())
        }
        fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
            Ok(v.into())
        }
        fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
            Ok(v.into())
        }
        fn visit_str<E>(self, v: &str) -> Result<Value, E> {
            Ok(v.into())
        }
        fn visit_unit<E>(self) -> Result<Value, E> {
            Ok(Value::Null)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
            let mut out = Vec::new();
            while let Some(v) = seq.next_element_seed(First(&mut *self.0))? {
                out.push(v);
            }
            Ok(Value::Array(out))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
            let mut out = Map::new();
            while let Some(k) = map.next_key::<String>()? {
                if out.contains_key(&k) {
                    *self.0 = true;
                    map.next_value::<IgnoredAny>()?;
                } else {
                    let v = map.next_value_seed(First(&mut *self.0))?;
                    out.insert(k, v);
                }
            }
            Ok(Value::Object(out))
        }
    }
    cxzy_form::core::json::parse(text).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut twice = false;
    let mut de = serde_json::Deserializer::from_str(text);
    let v = First(&mut twice).deserialize(&mut de).ok()?;
    Some((v, twice))
}

/// The issues as JSON, without T015 (which the `Value` readers cannot raise).
fn but_t015(issues: &[cxzy_form::core::issue::Issue]) -> Value {
    serde_json::to_value(issues.iter().filter(|i| i.code != "T015").collect::<Vec<_>>()).unwrap()
}

/// Old and new on the same text; `None` when the text is not JSON (both then refuse it). The
/// old readers see the text with the first value of a repeated key (as the new ones keep it);
/// without repeated keys there is no T015, with them there is one at least.
fn same_on(text: &str) -> Result<(), TestCaseError> {
    let old = first_wins(text);
    let strings = stream::Strings::new();
    let (r, e) = (stream::roster_text(text, &strings), stream::entries_text(text, &strings));
    let Some((v, twice)) = old else {
        prop_assert!(r.is_err() && e.is_err(), "the one-pass readers refuse what the parser refuses");
        let (se, sr) = (split::read_entries_capped(text.as_bytes(), 5, &strings, usize::MAX), split::read_roster_capped(text.as_bytes(), 5, &strings, usize::MAX));
        prop_assert!(se.is_err() && sr.is_err(), "the item-by-item readers refuse it too");
        return Ok(());
    };
    let (r, e) = (r.expect("roster reads"), e.expect("entries read"));
    let (old_r, old_ri) = review::read_roster(&v);
    prop_assert_eq!(&r.0, &old_r);
    prop_assert_eq!(but_t015(&r.1), but_t015(&old_ri));
    let (old_e, old_ei) = review::read_entries(&v);
    prop_assert_eq!(&e.0, &old_e);
    prop_assert_eq!(but_t015(&e.1), but_t015(&old_ei));
    if !twice {
        prop_assert!(!r.1.iter().chain(&e.1).any(|i| i.code == "T015"), "T015 only for a key given twice");
    }
    // And from a byte stream, as the CLI reads.
    let mut de = serde_json::Deserializer::from_reader(text.as_bytes());
    let streamed = stream::read_entries(&mut de, &strings).expect("a stream reads");
    prop_assert_eq!(&streamed.0, &old_e);
    prop_assert_eq!(serde_json::to_value(&streamed.1).unwrap(), serde_json::to_value(&e.1).unwrap());
    // And item by item, as the CLI reads a large file, through buffers that items cross: the
    // same, or left to the exact reader (only a top level that is not an object, or nesting past
    // split::MAX_DEPTH).
    let leaves = !v.is_object() || depth(&v) > split::MAX_DEPTH;
    for buffer in [1, 7, 64, 1 << 16] {
        let strings = stream::Strings::new();
        match split::read_entries_capped(text.as_bytes(), buffer, &strings, usize::MAX) {
            Ok((got, read)) => {
                prop_assert_eq!(&got, &e.0);
                prop_assert_eq!(serde_json::to_value(&read.issues).unwrap(), serde_json::to_value(&e.1).unwrap());
            }
            Err(_) => prop_assert!(leaves, "an object is read item by item (buffer {})", buffer),
        }
        match split::read_roster_capped(text.as_bytes(), buffer, &strings, usize::MAX) {
            Ok((got, read)) => {
                prop_assert_eq!(&got, &r.0);
                prop_assert_eq!(serde_json::to_value(&read.issues).unwrap(), serde_json::to_value(&r.1).unwrap());
            }
            Err(_) => prop_assert!(leaves, "a roster object is read item by item (buffer {})", buffer),
        }
    }
    Ok(())
}

fn depth(v: &Value) -> usize {
    match v {
        Value::Array(a) => 1 + a.iter().map(depth).max().unwrap_or(0),
        Value::Object(o) => 1 + o.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
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
    let twice = r#"{"format":"x","zz":1,"entries":[{"id":"a"}],"zz":2,"format":"cxzy-entries/1","entries":[{"id":"b","q":1,"q":2}]}"#;
    same_on(twice).unwrap();
}

/// A key given twice in one object is T015 at the repeat, and the first value is kept (SPEC
/// §5.1): at the top level, in an entry, in its reviewer, in an organisation and a member.
#[test]
fn a_key_given_twice_is_t015_and_the_first_is_kept() {
    let strings = stream::Strings::new();
    let text = r#"{"format":"cxzy-entries/1","zz":1,"zz":2,"entries":[{"id":"a","q":1,"q":2,"id":"b",
        "reviewer":{"name":"甲","name":"乙","role":"branch_secretary"},"focus":["x"],"focus":[1]}],"entries":[],"format":"y"}"#;
    let (e, issues) = stream::entries_text(text, &strings).unwrap();
    let t015: Vec<(&str, &Value)> = issues.iter().filter(|i| i.code == "T015").map(|i| (i.path.as_str(), &i.params["key"])).collect();
    assert_eq!(
        t015,
        [
            ("/zz", &json!("zz")),
            ("/entries", &json!("entries")),
            ("/format", &json!("format")),
            ("/entries/0/q", &json!("q")),
            ("/entries/0/id", &json!("id")),
            ("/entries/0/reviewer/name", &json!("name")),
            ("/entries/0/focus", &json!("focus")),
        ]
        .into_iter()
        .collect::<Vec<_>>()
    );
    assert_eq!(e.entries.len(), 1);
    assert_eq!(e.entries[0].id.as_deref(), Some("a"));
    assert_eq!(e.entries[0].reviewer.name, Some("甲"));
    assert_eq!(e.entries[0].focus.len(), 1, "the first focus, of one string tag");
    assert!(!issues.iter().any(|i| i.code == "T009"), "the first format is kept");

    let text = r#"{"format":"cxzy-roster/1","orgs":[{"id":"o1","id":"o2","name":"党委","kind":"committee"}],
        "members":[{"id":"m1","name":"甲","org":"o1","org":"o9","a~/b":1,"a~/b":2}]}"#;
    let (r, issues) = stream::roster_text(text, &strings).unwrap();
    let t015: Vec<&str> = issues.iter().filter(|i| i.code == "T015").map(|i| i.path.as_str()).collect();
    assert_eq!(t015, ["/orgs/0/id", "/members/0/org", "/members/0/a~0~1b"]);
    assert_eq!(r.orgs[0].id.as_deref(), Some("o1"));
    assert_eq!(r.members[0].org.as_deref(), Some("o1"));
}

/// An object of many keys, each given twice: every repeat is T015 (found through a set past a
/// few keys, not by a quadratic search).
#[test]
fn many_keys_given_twice_are_each_t015() {
    let keys: Vec<String> = (0..300).map(|k| format!("\"k{k}\":1")).collect();
    let text = format!(r#"{{"format":"cxzy-entries/1","entries":[{{{},{}}}]}}"#, keys.join(","), keys.join(","));
    let strings = stream::Strings::new();
    let (_, issues) = stream::entries_text(&text, &strings).unwrap();
    assert_eq!(issues.iter().filter(|i| i.code == "T015").count(), 300);
    assert_eq!(issues.iter().filter(|i| i.code == "T008").count(), 300);
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

/// `v` as JSON text, each object key followed by the same key again with the next value of
/// `again` when its flag is set.
fn write_repeating(v: &Value, again: &mut impl Iterator<Item = (bool, Value)>, out: &mut String) {
    match v {
        Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_repeating(x, again, out);
            }
            out.push(']');
        }
        Value::Object(m) => {
            out.push('{');
            for (i, (k, x)) in m.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                let key = Value::from(k.as_str()).to_string();
                out.push_str(&key);
                out.push(':');
                write_repeating(x, again, out);
                if let Some((true, y)) = again.next() {
                    out.push(',');
                    out.push_str(&key);
                    out.push(':');
                    out.push_str(&y.to_string());
                }
            }
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
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

    /// Random documents written with some keys given again (with another value), at any depth.
    #[test]
    fn documents_with_repeated_keys_read_as_their_first_values(v in document(), again in prop::collection::vec((any::<bool>(), any_json()), 1..40)) {
        let mut again = again.into_iter().cycle();
        let mut text = String::new();
        write_repeating(&v, &mut again, &mut text);
        same_on(&text)?;
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

/// What is not JSON the item-by-item reader never takes, wherever it is (between the top-level
/// keys, between items, inside an item, after the document), whatever its buffer: the CLI then
/// reads the file again with the exact reader, which says what is wrong.
#[test]
fn the_item_by_item_reader_refuses_what_json_refuses() {
    let deep = format!("{{\"entries\":[{}{}]}}", "[".repeat(101), "]".repeat(101));
    let cases: Vec<Vec<u8>> = [
        r#"{"format":"cxzy-entries/1","entries":[]} x"#,
        r#"{"format":"cxzy-entries/1","entries":[]}}"#,
        r#"{"entries":[{},]}"#,
        r#"{"entries":[{} {}]}"#,
        r#"{"entries" []}"#,
        r#"{"entries":[1,2}"#,
        r#"{"entries":["#,
        r#"{"entries":[{"id":"e1"}"#,
        r#"{"a":1,}"#,
        r#"{,"a":1}"#,
        r#"{"a":1 "b":2}"#,
        r#"{1:2}"#,
        r#"{"entries":[{"id":"\ud800"}]}"#,
        r#"{"entries":[1E525]}"#,
        r#"{"x":[1E525]}"#,
        r#"{"x":{"y":1E525}}"#,
        r#"{"entries":[tru]}"#,
        r#"{"entries":[01]}"#,
        r#"{"entries":[1 2]}"#,
        r#"{"entries":[1:2]}"#,
        r#"{"entries":["abc]}"#,
        r#"{"entries":[{"id":"a\"}]}"#,
        "{\"entries\":[{\"id\":\"\u{1}\"}]}",
        r#"{"format":"cxzy-entries/1",}"#,
        r#"{"format":}"#,
        r#"{"format""#,
        r#"["entries"]"#,
        "",
        "   ",
    ]
    .iter()
    .map(|t| t.as_bytes().to_vec())
    .chain([b"{\"entries\":[{\"id\":\"\xff\"}]}".to_vec(), b"{\"a\xff\":1}".to_vec(), b"{\"entries\":[]}\xef\xbb\xbf".to_vec(), deep.into_bytes()])
    .collect();
    for text in &cases {
        let exact = serde_json::from_slice::<Value>(text).ok().filter(Value::is_object);
        for buffer in [1, 3, 16, 1 << 12] {
            let strings = stream::Strings::new();
            let (e, r) = (split::read_entries_capped(&text[..], buffer, &strings, usize::MAX), split::read_roster_capped(&text[..], buffer, &strings, usize::MAX));
            assert!(e.is_err() && r.is_err(), "{} (buffer {buffer}; the exact reader: {exact:?})", String::from_utf8_lossy(text));
        }
    }
    // And what is JSON it takes, with a BOM, whitespace anywhere and items across the buffer.
    let text = "\u{feff} \n{ \"format\" : \"cxzy-entries/1\" ,\r\n\t\"x\" : [ 1 , { \"a\" : [ ] } ] , \"entries\" : [ { \"id\" : \"e\\\"1\" } , 7 , [ ] ] } \n";
    for buffer in [1, 2, 5, 1 << 12] {
        let strings = stream::Strings::new();
        let (got, read) = split::read_entries_capped(text.as_bytes(), buffer, &strings, usize::MAX).expect("JSON");
        let exact = stream::entries_text(text, &strings).expect("JSON");
        assert_eq!(got, exact.0);
        assert_eq!(serde_json::to_value(&read.issues).unwrap(), serde_json::to_value(&exact.1).unwrap());
        assert_eq!(got.entries.len(), 3);
    }
}
