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
];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2011, 2, 20).expect("a date")
}

/// Every issue has a catalogue code and a message in both locales.
fn check_issues(issues: &[Issue]) {
    for i in issues {
        assert!(CATALOGUE.iter().any(|e| e.0 == i.code), "code {} is not in the catalogue", i.code);
        for locale in [Locale::ZhCn, Locale::En] {
            let m = messages::render(i, locale);
            assert!(!m.trim().is_empty(), "{} has no message in {locale:?}", i.code);
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

/// A document's text → `validate` (the format decides the checks), both locales.
fn validate_text(data: &[u8]) -> Option<Value> {
    let s = std::str::from_utf8(data).ok()?;
    let v = json::parse(s).ok()?;
    for locale in [Locale::ZhCn, Locale::En] {
        let issues = validate(&v, &Options { locale, today: Some(today()), ..Options::default() });
        check_issues(&issues);
    }
    Some(v)
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
        messages::localize(&mut issues, Locale::En);
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
