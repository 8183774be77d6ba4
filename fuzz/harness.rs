#![allow(dead_code)] // each target uses one function; the corpus replay uses them all
//! What each fuzz target does with its input, shared by the targets (fuzz/fuzz_targets/, nightly
//! `cargo fuzz`) and the corpus replay on stable (tests/fuzz_corpus.rs), so a corpus file that
//! once failed fails `cargo test` too. Every function takes raw bytes, calls the crate's public
//! entry points and asserts the issue invariants: no panic (the fuzzer's own check), every issue
//! code in the catalogue with a message in both locales, and the round trips the product
//! promises (normalised values read back as themselves, CSV export → import exact).

use chrono::NaiveDate;
use cxzy_form::core::issue::{Issue, Locale};
use cxzy_form::core::messages::{self, CATALOGUE};
use cxzy_form::core::normalize::{iso, parse_count, parse_date, parse_phone};
use cxzy_form::core::stats::{aggregate, csv, rules};
use cxzy_form::core::validate::{check_stats, validate, Options};
use cxzy_form::core::{json, review};
use serde_json::Value;

/// A fuzz target: its name and the function fed each input.
pub type Target = (&'static str, fn(&[u8]));

/// The targets, by name (the directory names under fuzz/corpus/).
pub const TARGETS: &[Target] = &[
    ("normalize", normalize),
    ("stats_json", stats_json),
    ("roster_json", roster_json),
    ("entries_json", entries_json),
    ("csv", csv_bytes),
    ("coverage", coverage),
    ("aggregate", aggregate_json),
    ("stats_huge_key", huge_key),
    ("split_json", split_json),
];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2011, 2, 20).expect("a date")
}

/// Every issue has a catalogue code and a message: the first issue of each code in both locales,
/// the others in one (alternately), so that a flood of one code (a header of 2 000 unknown
/// cells) is not rendered twice per issue — that was half of the csv target's time.
fn check_issues(issues: &[Issue]) {
    let mut seen: Vec<&str> = Vec::new();
    for (n, i) in issues.iter().enumerate() {
        assert!(CATALOGUE.iter().any(|e| e.0 == i.code), "code {} is not in the catalogue", i.code);
        let first = !seen.contains(&i.code);
        if first {
            seen.push(i.code);
        }
        for locale in [Locale::ZhCn, Locale::En] {
            if first || (n % 2 == 0) == (locale == Locale::ZhCn) {
                let m = messages::render(i, locale);
                assert!(!m.trim().is_empty(), "{} has no message in {locale:?}", i.code);
            }
        }
    }
}

/// Number, date and phone normalisation: whatever is accepted reads back as itself.
pub fn normalize(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else { return };
    if let Ok(n) = parse_count(s) {
        assert_eq!(parse_count(&n.to_string()), Ok(n), "count {s:?}");
    }
    if let Ok(d) = parse_date(s) {
        assert_eq!(parse_date(&iso(d)), Ok(d), "date {s:?}");
    }
    if let Ok(p) = parse_phone(s) {
        assert_eq!(parse_phone(&p).as_deref(), Ok(p.as_str()), "phone {s:?}");
    }
}

/// The locale an input is validated in, from its length: one per input, not both (half the
/// work per execution; [`check_issues`] renders every issue in both locales anyway).
fn locale_of(data: &[u8]) -> Locale {
    if data.len().is_multiple_of(2) {
        Locale::ZhCn
    } else {
        Locale::En
    }
}

/// A document's text → both readers (the format decides the checks), in the input's locale.
fn validate_text(data: &[u8]) -> Option<Value> {
    let s = std::str::from_utf8(data).ok()?;
    both_readers(s, &Options { locale: locale_of(data), today: Some(today()), ..Options::default() })
}

/// `text` through the two readers: [`json::parse`] → [`validate`] (a `Value` tree) and
/// [`cxzy_form::core::validate::validate_text`] (the one-pass reader the CLI and the page use).
/// Both accept the same texts, and without repeated keys (T015, which a `Value` cannot hold)
/// they give the same issues. The value, when the text is JSON.
fn both_readers(text: &str, opts: &Options) -> Option<Value> {
    let one_pass = cxzy_form::core::validate::validate_text(text, opts);
    let v = match json::parse(text) {
        Ok(v) => v,
        Err(e) => {
            assert!(one_pass.is_err(), "the one-pass reader accepts what json::parse refuses ({e})");
            return None;
        }
    };
    let one_pass = one_pass.unwrap_or_else(|e| panic!("the one-pass reader refuses what json::parse accepts: {e}"));
    check_issues(&one_pass);
    let issues = validate(&v, opts);
    check_issues(&issues);
    // A key given twice anywhere (also inside a value shown only as it was typed, which raises
    // no T015): the one-pass readers keep its first value (SPEC §5.1), a `Value` its last.
    if !one_pass.iter().any(|i| i.code == "T015") && !repeats_a_key(text) {
        assert_eq!(one_pass, issues, "the one-pass reader and the Value reader differ");
    }
    Some(v)
}

/// Whether some object of the JSON text gives a key twice.
fn repeats_a_key(text: &str) -> bool {
    use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
    struct Repeats;
    impl<'de> Visitor<'de> for Repeats {
        type Value = bool;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("JSON")
        }
        fn visit_bool<E>(self, _: bool) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_i64<E>(self, _: i64) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_u64<E>(self, _: u64) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_f64<E>(self, _: f64) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_str<E>(self, _: &str) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_unit<E>(self) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
            let mut any = false;
            while let Some(r) = seq.next_element::<Repeated>()? {
                any |= r.0;
            }
            Ok(any)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
            let (mut keys, mut any) = (Vec::new(), false);
            while let Some(k) = map.next_key::<String>()? {
                any |= keys.contains(&k) | map.next_value::<Repeated>()?.0;
                keys.push(k);
            }
            Ok(any)
        }
    }
    struct Repeated(bool);
    impl<'de> serde::Deserialize<'de> for Repeated {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Repeated, D::Error> {
            d.deserialize_any(Repeats).map(Repeated)
        }
    }
    serde_json::from_str::<Repeated>(text.strip_prefix('\u{feff}').unwrap_or(text)).is_ok_and(|r| r.0)
}

/// The statistics table (JSON), alone and as its own previous batch, and its CSV round trip.
pub fn stats_json(data: &[u8]) {
    let Some(v) = validate_text(data) else { return };
    let opts = Options { previous: Some(v.clone()), today: Some(today()), ..Options::default() };
    check_issues(&validate(&v, &opts));
    let (doc, _) = cxzy_form::core::stats::model::read(&v);
    csv_round_trip(&csv::write(&doc));
}

pub fn roster_json(data: &[u8]) {
    if let Some(v) = validate_text(data) {
        check_issues(&review::validate_roster(&v));
    }
}

pub fn entries_json(data: &[u8]) {
    if let Some(v) = validate_text(data) {
        check_issues(&review::validate_entries(&v, None, Some(today())));
    }
}

/// Export → import → export gives the same text.
fn csv_round_trip(text: &str) {
    let (doc, _) = csv::read(text).unwrap_or_else(|e| panic!("the product's own CSV is unreadable: {e}\n{text}"));
    assert_eq!(csv::write(&doc), text, "CSV export → import → export differs");
}

/// CSV bytes as the CLI reads them: UTF-8, else GB18030.
pub fn csv_bytes(data: &[u8]) {
    let text = match std::str::from_utf8(data) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::GB18030.decode(data).0.into_owned(),
    };
    if let Ok((doc, read_issues)) = csv::read(&text) {
        let mut issues = check_stats(&doc, read_issues, None);
        messages::localize(&mut issues, locale_of(data));
        check_issues(&issues);
        csv_round_trip(&csv::write(&doc));
    }
}

/// `{ "roster": …, "entries": …, "as_of", "batch", "unit" }` → coverage; its table passes the
/// row rules by construction (SPEC §6).
pub fn coverage(data: &[u8]) {
    let Some(v) = std::str::from_utf8(data).ok().and_then(|s| json::parse(s).ok()) else { return };
    let as_of = v.get("as_of").and_then(Value::as_str).and_then(|s| parse_date(s).ok()).unwrap_or(today());
    let batch = v.get("batch").and_then(Value::as_u64).map_or(1, |b| (b % 3) as u8);
    let unit = v.get("unit").and_then(Value::as_str).unwrap_or("");
    let null = Value::Null;
    let cov = review::coverage(v.get("roster").unwrap_or(&null), v.get("entries").unwrap_or(&null), as_of, batch, unit);
    check_issues(&cov.issues);
    let row_errors: Vec<_> = rules::check_table(&cov.table).into_iter().filter(|i| i.code.starts_with('R') && i.is_error()).collect();
    assert!(row_errors.is_empty(), "coverage's table breaks a row rule: {row_errors:?}");
    let _ = cov.to_value();
}

/// `[child, …]` → aggregate under unit 汇总.
pub fn aggregate_json(data: &[u8]) {
    let Some(v) = std::str::from_utf8(data).ok().and_then(|s| json::parse(s).ok()) else { return };
    let children = match v {
        Value::Array(a) => a,
        other => vec![other],
    };
    let (parent, issues) = aggregate::aggregate(&children, "汇总", None);
    check_issues(&issues);
    if !aggregate::refused(&issues) {
        check_issues(&check_stats(&parent, Vec::new(), None));
    }
}

/// How long [`huge_key`] makes a key: 256 KiB.
const HUGE: usize = 1 << 18;

/// A huge unknown key (SPEC §7 allows 64 MiB files): the input after its first byte, repeated to
/// [`HUGE`] bytes, as the key where a reader names unknown keys with a "did you mean" — chosen by
/// the first byte: the statistics table's top level, its report, a row, its `preset` (T013, the
/// value), a roster's organisation or member, an entry, a CSV header cell. Through both readers;
/// the key is reported (T008 / T013: by its start at least), never dropped.
pub fn huge_key(data: &[u8]) {
    let Some((&which, rest)) = data.split_first() else { return };
    let seed = String::from_utf8_lossy(rest);
    let seed = if seed.is_empty() { "x".into() } else { seed };
    let key = seed.repeat(HUGE / seed.len() + 1);
    let opts = Options { locale: locale_of(data), today: Some(today()), ..Options::default() };
    let with = |mut m: serde_json::Map<String, Value>| {
        m.insert(key.clone(), Value::from(1));
        Value::Object(m)
    };
    let obj = |v: Value| v.as_object().cloned().expect("an object");
    let row = serde_json::json!({ "name": "哈尔滨市", "orgs_total": 2, "orgs_reviewed": 1 });
    let stats = |top: Value| {
        let mut m = obj(serde_json::json!({ "format": "cxzy-stats/1", "unit": "黑龙江省", "batch": 1, "as_of": "2011-01-20" }));
        m.extend(obj(top));
        Value::Object(m)
    };
    let org = serde_json::json!({ "id": "o1", "name": "城关镇党委", "kind": "committee", "parent": null });
    let member = serde_json::json!({ "id": "m1", "name": "陆萍", "org": "o1" });
    let entry = serde_json::json!({ "id": "e1", "date": "2010-12-05", "reviewer": { "name": "郑国华", "role": "county_party_secretary" },
        "target": { "kind": "committee", "id": "o1", "name": "城关镇党委" }, "method": "collective", "grade": "good" });
    let (doc, code) = match which % 8 {
        0 => (with(obj(stats(serde_json::json!({ "rows": [row] })))), "T008"),
        1 => (stats(serde_json::json!({ "report": with(Default::default()), "rows": [row] })), "T008"),
        2 => (stats(serde_json::json!({ "rows": [with(obj(row))] })), "T008"),
        3 => (stats(serde_json::json!({ "preset": key, "rows": [row] })), "T013"),
        4 => (serde_json::json!({ "format": "cxzy-roster/1", "orgs": [with(obj(org))], "members": [member] }), "T008"),
        5 => (serde_json::json!({ "format": "cxzy-roster/1", "orgs": [org], "members": [with(obj(member))] }), "T008"),
        6 => (serde_json::json!({ "format": "cxzy-entries/1", "entries": [with(obj(entry))] }), "T008"),
        _ => {
            // A CSV header cell: no separators, quotes, spaces or line breaks in it, and no
            // U+FFFD or NUL (a text of them is refused as a binary file, rightly).
            let cell: String =
                key.chars().map(|c| if matches!(c, ',' | '"' | '\u{fffd}') || c.is_whitespace() || c.is_control() { 'x' } else { c }).collect();
            let text = format!("单位名称,{cell},orgs_total\n哈尔滨市,1,2\n");
            let (doc, issues) = csv::read(&text).unwrap_or_else(|e| panic!("a table: {e}"));
            let mut issues = check_stats(&doc, issues, None);
            messages::localize(&mut issues, opts.locale);
            check_issues(&issues);
            assert!(issues.iter().any(|i| i.code == "T008" || i.code == "T015"), "the huge header cell is not reported");
            return;
        }
    };
    let text = serde_json::to_string(&doc).expect("JSON");
    both_readers(&text, &opts).expect("JSON");
    // The key, or its start (a message need not carry megabytes).
    let names_key = |p: &Value| p.as_str().map(|p| p.trim_end_matches('…')).is_some_and(|p| !p.is_empty() && key.starts_with(p));
    let issues = validate(&doc, &opts);
    let named = issues.iter().any(|i| i.code == code && i.params.values().any(names_key));
    assert!(named, "the huge key is not reported as {code}: {:?}", issues.iter().map(|i| i.code).collect::<Vec<_>>());
}

/// The first byte a buffer size (1 to 64 bytes: items cross its end), the rest a roster or
/// entries file as the CLI reads it item by item (`review::split`). It takes only what the
/// exact stream reader takes, and then gives the same data and issues; what it leaves (a
/// `Stop`) the CLI reads again with the exact reader, so that is never wrong, only slower: it
/// leaves no JSON object of ordinary depth.
pub fn split_json(data: &[u8]) {
    use review::{split, stream};
    let Some((&b, bytes)) = data.split_first() else { return };
    let buffer = usize::from(b % 64) + 1;
    let text = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let strings = stream::Strings::new();
    let exact_e = stream::read_entries(&mut serde_json::Deserializer::from_slice(text), &strings);
    let exact_r = stream::read_roster(&mut serde_json::Deserializer::from_slice(text), &strings);
    let ordinary = serde_json::from_slice::<Value>(text).ok().is_some_and(|v| v.is_object() && depth(&v) <= split::MAX_DEPTH);
    agree("entries", split::read_entries_capped(bytes, buffer, &strings, usize::MAX), exact_e, ordinary);
    agree("roster", split::read_roster_capped(bytes, buffer, &strings, usize::MAX), exact_r, ordinary);
}

/// The split reader's answer beside the stream reader's (`ordinary`: the text is a JSON object
/// of ordinary depth, which the split reader must take).
fn agree<T: PartialEq + std::fmt::Debug>(
    what: &str,
    split: Result<(T, review::stream::Read), review::split::Stop>,
    exact: Result<(T, Vec<Issue>), serde_json::Error>,
    ordinary: bool,
) {
    match (split, exact) {
        (Ok((got, read)), Ok((want, issues))) => {
            assert_eq!(got, want, "split and stream read different {what}");
            assert_eq!(serde_json::to_value(&read.issues).ok(), serde_json::to_value(&issues).ok(), "split and stream raise different issues ({what})");
        }
        (Ok(_), Err(e)) => panic!("the split reader takes {what} the stream reader refuses ({e})"),
        (Err(_), Ok(_)) => assert!(!ordinary, "the split reader leaves an ordinary object ({what})"),
        (Err(_), Err(_)) => {}
    }
}

fn depth(v: &Value) -> usize {
    match v {
        Value::Array(a) => 1 + a.iter().map(depth).max().unwrap_or(0),
        Value::Object(o) => 1 + o.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}
