//! Properties of SPEC §3.4 (totals, coverage display) and §5 ("nothing panics, whatever the
//! input"), checked on random tables, random JSON and random text.

mod common;

use common::*;
use cxzy_form::core::columns::INPUTS;
use cxzy_form::core::issue::{Issue, Locale};
use cxzy_form::core::normalize::{parse_count, parse_date, parse_phone, MAX_COUNT};
use cxzy_form::core::stats::model;
use cxzy_form::core::stats::totals::{totals, Ratio};
use cxzy_form::core::validate::{validate, Options};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

// ---------------------------------------------------------------- strategies

/// Text as clerks and scanners produce it: digits of both widths, look-alike letters, Chinese
/// numerals and date characters, separators and spaces of every kind, plus anything at all.
fn clerk_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9０-９OolI|〇○零一二三四五六七八九十两年月日号转,，.．/／\\-－−+ 　\u{a0}\u{feff}]{0,24}",
        any::<String>(),
        "[\u{0}-\u{7f}]{0,12}",
        // Combining marks, right-to-left text, surrogate-range neighbours, emoji.
        "[\u{300}-\u{36f}\u{590}-\u{5ff}\u{fff0}-\u{ffff}\u{1f600}-\u{1f64f}0-9]{0,12}",
    ]
}

/// Numbers at the edges of what JSON carries.
fn edge_number() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f).map(Value::Number)),
        Just(json!(u64::MAX)),
        Just(json!(i64::MIN)),
        Just(json!(1.0e308)),
        Just(json!(-0.0)),
        Just(json!(100_000_001u64)),
        (0..=MAX_COUNT).prop_map(Value::from),
    ]
}

/// Keys: mostly the names the document uses (so the random values reach the rules), some typos
/// and arbitrary text.
fn key() -> impl Strategy<Value = String> {
    let mut known: Vec<&'static str> = model::FIELDS.to_vec();
    known.extend(INPUTS);
    known.extend(["name", "overview", "practices", "examples", "orgs_coverage", "methods_total", "total"]);
    prop_oneof![
        3 => proptest::sample::select(known).prop_map(str::to_string),
        1 => clerk_text(),
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        edge_number(),
        clerk_text().prop_map(Value::from),
        Just(json!("cxzy-stats/1")),
        Just(json!("heilongjiang-2010")),
    ]
}

/// Any JSON value, nested up to a few levels.
fn any_json() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..8).prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A random JSON document that looks like a table: the real `format` and top-level keys with
/// random values, and rows of random cells.
fn table_like() -> impl Strategy<Value = Value> {
    let row = prop::collection::vec((key(), leaf()), 0..24).prop_map(|kv| Value::Object(kv.into_iter().collect()));
    (
        prop::collection::vec((key(), any_json()), 0..12),
        prop::collection::vec(prop_oneof![4 => row, 1 => any_json()], 0..6),
        prop_oneof![Just("cxzy-stats/1"), Just("cxzy-roster/1"), Just("cxzy-entries/1"), Just("x")],
    )
        .prop_map(|(fields, rows, format)| {
            let mut m: Map<String, Value> = fields.into_iter().collect();
            m.insert("format".into(), format.into());
            m.insert("rows".into(), Value::Array(rows));
            Value::Object(m)
        })
}

/// The valid base table with a few cells or fields replaced by random values.
fn base_perturbed() -> impl Strategy<Value = Value> {
    let target = prop_oneof![
        proptest::sample::select(model::FIELDS.to_vec()).prop_map(|f| format!("/{f}")),
        (0usize..19, proptest::sample::select(INPUTS.to_vec())).prop_map(|(r, f)| format!("/rows/{r}/{f}")),
        (0usize..19).prop_map(|r| format!("/rows/{r}/name")),
        proptest::sample::select(vec!["/report/overview", "/report/practices", "/report/examples"]).prop_map(str::to_string),
    ];
    prop::collection::vec((target, any_json()), 1..6).prop_map(|changes| {
        let mut d = base();
        for (path, v) in changes {
            // A change may have replaced `rows` itself; later ones then have nowhere to go.
            let _ = try_apply_op(&mut d, &set(&path, v));
        }
        d
    })
}

/// A row of valid cells (each within the per-cell limit).
fn valid_row() -> impl Strategy<Value = Vec<u64>> {
    prop::collection::vec(0..=MAX_COUNT, INPUTS.len())
}

fn table_of(rows: &[Vec<u64>]) -> Value {
    let rows: Vec<Value> = rows
        .iter()
        .enumerate()
        .map(|(i, cells)| {
            let mut m = Map::new();
            m.insert("name".into(), format!("单位{i}").into());
            for (f, v) in INPUTS.iter().zip(cells) {
                m.insert((*f).into(), (*v).into());
            }
            Value::Object(m)
        })
        .collect();
    json!({ "format": "cxzy-stats/1", "unit": "某省", "batch": 1, "rows": rows })
}

/// Reads a display percentage back into tenths of a percent; `None` for `—`.
fn tenths(display: &str) -> Option<u128> {
    if display == "—" {
        return None;
    }
    let body = display.strip_suffix('%').expect("ends in %");
    let (int, dec) = body.split_once('.').expect("one decimal");
    assert_eq!(dec.len(), 1, "{display}");
    Some(int.parse::<u128>().unwrap() * 10 + dec.parse::<u128>().unwrap())
}

/// The coverage of SPEC §3.4 characterised without its formula: shown tenths `t` satisfy
/// `t/1000 ≤ num/den < (t+1)/1000`.
fn assert_display(num: u64, den: u64, shown: &str) {
    match tenths(shown) {
        None => assert_eq!(den, 0, "— only for a zero denominator"),
        Some(t) => {
            assert_ne!(den, 0, "{shown} for a zero denominator");
            let (n, d) = (u128::from(num), u128::from(den));
            assert!(t * d <= 1000 * n && 1000 * n < (t + 1) * d, "{num}/{den} shown as {shown}");
            if num <= den && shown == "100.0%" {
                assert_eq!(num, den, "100.0% only at full coverage");
            }
        }
    }
}

// ---------------------------------------------------------------- properties

proptest! {
    // No failure files: a failing case is printed, and tests/ has no lib.rs to store them by.
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_total_row_is_the_column_sums(rows in prop::collection::vec(valid_row(), 0..30)) {
        let (doc, _) = model::read(&table_of(&rows));
        let (view, issues) = totals(&doc);
        prop_assert!(issues.is_empty());
        let total = &view["total"];
        prop_assert_eq!(&total["name"], "合计");
        prop_assert_eq!(view["rows"].as_array().map(Vec::len), Some(rows.len()));
        let sum = |i: usize| rows.iter().map(|r| r[i]).sum::<u64>();
        for (i, f) in INPUTS.iter().enumerate() {
            prop_assert_eq!(total[*f].as_u64(), Some(sum(i)), "{}", f);
            for (r, row) in rows.iter().enumerate() {
                prop_assert_eq!(view["rows"][r][*f].as_u64(), Some(row[i]));
            }
        }
        let idx = |f: &str| INPUTS.iter().position(|x| *x == f).unwrap();
        let methods: u64 = ["collective", "individual", "onsite", "random"].iter().map(|f| sum(idx(f))).sum();
        prop_assert_eq!(total["methods_total"].as_u64(), Some(methods));
        // Σreviewed / Σtotal, never the mean of the row percentages.
        for (cov, num, den) in [
            ("orgs_coverage", "orgs_reviewed", "orgs_total"),
            ("secretaries_coverage", "secretaries_reviewed", "secretaries_total"),
            ("secretaries_participation", "secretaries_reviewing", "secretaries_total"),
            ("members_coverage", "members_reviewed", "members_total"),
        ] {
            assert_display(sum(idx(num)), sum(idx(den)), total[cov].as_str().unwrap());
            for (r, row) in rows.iter().enumerate() {
                assert_display(row[idx(num)], row[idx(den)], view["rows"][r][cov].as_str().unwrap());
            }
        }
    }

    #[test]
    fn coverage_is_rounded_down_to_a_tenth(num in any::<u64>(), den in any::<u64>()) {
        let shown = Ratio { num, den }.display();
        assert_display(num, den, &shown);
        if den != 0 {
            // floor(1000·num/den)/10, computed here in u128.
            let p = u128::from(num) * 1000 / u128::from(den);
            prop_assert_eq!(shown, format!("{}.{}%", p / 10, p % 10));
        }
    }

    #[test]
    fn reviewed_up_to_total_is_100_percent_only_when_equal(den in 0u64..=MAX_COUNT, gap in 0u64..=MAX_COUNT) {
        let num = den.saturating_sub(gap);
        let shown = Ratio { num, den }.display();
        prop_assert_eq!(shown == "100.0%", den != 0 && num == den);
        prop_assert_eq!(shown == "—", den == 0);
    }

    #[test]
    fn nothing_panics_on_any_json(v in any_json(), prev in any_json()) {
        for locale in [Locale::ZhCn, Locale::En] {
            let _ = validate(&v, &Options { locale, previous: Some(prev.clone()), ..Options::default() });
        }
        let _ = totals(&model::read(&v).0);
    }

    #[test]
    fn nothing_panics_on_table_like_json(v in table_like(), prev in table_like()) {
        let issues = validate(&v, &Options { previous: Some(prev), ..Options::default() });
        for i in &issues {
            prop_assert!(i.path.is_empty() || i.path.starts_with('/'), "{:?}", i);
        }
        let _ = totals(&model::read(&v).0);
    }

    /// The issues' JSON text as the wasm and the CLI write it (`write_issues`, with its fast path
    /// for strings that need no escaping) is serde_json's, byte for byte: on the issues of
    /// random tables and on issues of any text, key and value.
    #[test]
    fn issues_are_written_as_serde_json_writes_them(
        v in table_like(),
        texts in prop::collection::vec(clerk_text(), 1..6),
        keys in prop::collection::vec(key(), 0..4),
        values in prop::collection::vec(any_json(), 0..4),
    ) {
        let mut issues = validate(&v, &Options::default());
        let mut odd = Issue::new("R010", texts[0].clone()).param(&texts[0], texts[texts.len() - 1].clone());
        for t in &texts {
            odd = odd.related(t.clone());
        }
        for (k, x) in keys.iter().zip(&values) {
            odd = odd.param(k, x.clone());
        }
        odd.message = texts.concat();
        issues.push(odd);
        let mut written = String::new();
        cxzy_form::core::issue::write_issues(&mut written, &issues);
        prop_assert_eq!(written, serde_json::to_string(&issues).unwrap());
    }

    #[test]
    fn nothing_panics_on_a_perturbed_valid_table(v in base_perturbed()) {
        let issues = validate(&v, &Options { previous: Some(base()), ..Options::default() });
        for i in &issues {
            prop_assert!(!i.message.is_empty(), "{:?}", i);
        }
        let (doc, _) = model::read(&v);
        let _ = totals(&doc);
        // What was read writes back and reads again to the same table.
        let again = model::read(&doc.to_value()).0;
        prop_assert_eq!(again.rows, doc.rows);
    }

    #[test]
    fn nothing_panics_on_any_text(s in clerk_text()) {
        let _ = parse_count(&s);
        let _ = parse_date(&s);
        let _ = parse_phone(&s);
    }

    #[test]
    fn accepted_counts_are_what_was_typed(n in 0u64..=MAX_COUNT) {
        let grouped = cxzy_form::core::messages::group_thousands(n);
        let wide: String = n.to_string().chars().map(|c| char::from_u32(c as u32 + 0xfee0).unwrap()).collect();
        prop_assert_eq!(parse_count(&n.to_string()), Ok(n));
        prop_assert_eq!(parse_count(&grouped), Ok(n));
        prop_assert_eq!(parse_count(&grouped.replace(',', "，")), Ok(n));
        prop_assert_eq!(parse_count(&format!("\u{3000}{wide} ")), Ok(n));
    }

    #[test]
    fn accepted_dates_come_out_iso(days in 0i64..20000) {
        let d = chrono::NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Duration::days(days);
        let iso = d.format("%Y-%m-%d").to_string();
        for text in [iso.clone(), d.format("%Y/%-m/%-d").to_string(), d.format("%Y.%-m.%-d").to_string(), d.format("%Y年%-m月%-d日").to_string()] {
            prop_assert_eq!(parse_date(&text), Ok(d), "{}", text);
            let spaced: String = text.chars().flat_map(|c| [c, ' ']).collect();
            prop_assert_eq!(parse_date(&spaced), Ok(d), "{}", spaced);
        }
    }
}
