//! SPEC §4, what clerks type or paste: one test per accepted form and per error with its hint,
//! through the public functions and through `validate` on a document (where the issue keeps
//! the original text in `params.raw`).

mod common;

use chrono::NaiveDate;
use common::*;
use cxzy_form::core::issue::Severity;
use cxzy_form::core::normalize::{parse_count, parse_date, parse_phone, Hint, MAX_COUNT};
use serde_json::json;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A count typed in a cell of the base table: the value read (N001), or the R003 hint; the
/// original text is always in `params.raw`.
fn cell(text: &str) -> Result<u64, String> {
    let doc = doc_with(&[set("/rows/0/models", json!(text))]);
    let issues = cxzy_form::core::validate::validate(&doc, &Default::default());
    let here: Vec<_> = issues.iter().filter(|i| i.path == "/rows/0/models").collect();
    assert_eq!(here.len(), 1, "{issues:#?}");
    let i = here[0];
    assert_eq!(i.params["raw"], text, "the typed text is kept");
    match i.code {
        "N001" => {
            assert_eq!(i.severity, Severity::Info);
            Ok(i.params["value"].as_u64().unwrap())
        }
        "R003" => Err(i.params["hint"].as_str().unwrap().to_string()),
        other => panic!("unexpected {other}"),
    }
}

// ---------------------------------------------------------------- numbers

#[test]
fn count_ascii_digits() {
    assert_eq!(parse_count("1200"), Ok(1200));
    assert_eq!(parse_count("0"), Ok(0));
    // Plain digits in a string (every CSV cell is one) are read without an N001 note.
    let i = check(&[set("/rows/0/models", json!("1200"))], &[]);
    assert!(i.is_empty(), "{i:#?}");
}

#[test]
fn count_full_width_digits() {
    assert_eq!(parse_count("１２００"), Ok(1200));
    assert_eq!(cell("１２００"), Ok(1200));
}

#[test]
fn count_surrounding_spaces_including_ideographic() {
    assert_eq!(parse_count("  1200\t"), Ok(1200));
    assert_eq!(parse_count("\u{3000}1200\u{3000}"), Ok(1200));
    assert_eq!(cell("\u{3000}１２００ "), Ok(1200));
}

#[test]
fn count_thousands_separators_in_groups_of_three() {
    assert_eq!(parse_count("1,200"), Ok(1200));
    assert_eq!(parse_count("1，200"), Ok(1200));
    assert_eq!(parse_count("１，２００"), Ok(1200));
    assert_eq!(parse_count("12,345,678"), Ok(12_345_678));
    assert_eq!(parse_count("100,000,000"), Ok(MAX_COUNT));
    assert_eq!(cell("１,２００"), Ok(1200));
}

#[test]
fn count_wrong_grouping() {
    for t in ["1,20", "12,00", "1200,", ",200", "1,2000", "1,,200"] {
        assert_eq!(parse_count(t), Err(Hint::Grouping), "{t}");
    }
    assert_eq!(cell("12,00"), Err("grouping".into()));
}

#[test]
fn count_decimals() {
    assert_eq!(parse_count("1.5"), Err(Hint::Decimal));
    assert_eq!(parse_count("1200.0"), Err(Hint::Decimal));
    assert_eq!(parse_count("１．５"), Err(Hint::Decimal));
    assert_eq!(cell("1.5"), Err("decimal".into()));
}

#[test]
fn count_negatives() {
    assert_eq!(parse_count("-3"), Err(Hint::Negative));
    assert_eq!(parse_count("－３"), Err(Hint::Negative));
    assert_eq!(cell("-3"), Err("negative".into()));
}

#[test]
fn count_a_sign_is_not_a_number() {
    assert!(parse_count("+3").is_err());
}

#[test]
fn count_letters() {
    assert_eq!(parse_count("abc"), Err(Hint::NotNumber));
    assert_eq!(parse_count("约1200"), Err(Hint::NotNumber));
    assert_eq!(parse_count("1200个"), Err(Hint::NotNumber));
    assert_eq!(cell("五十"), Err("not_number".into()));
}

#[test]
fn count_letter_o_where_a_digit_belongs() {
    // Scanned notices write 2 O 1 O: the letter O is read as "did you mean 0?".
    for t in ["12O0", "1O", "O", "１２Ｏ０", "120o"] {
        assert_eq!(parse_count(t), Err(Hint::LetterO), "{t}");
    }
    assert_eq!(Hint::LetterO.key(), "letter_o");
    assert_eq!(cell("12O0"), Err("letter_o".into()));
    let doc = doc_with(&[set("/rows/0/models", json!("5O"))]);
    let issues = cxzy_form::core::validate::validate(&doc, &Default::default());
    let r = one(&issues, "R003");
    assert!(r.message.contains("是否应为数字 0"), "{}", r.message);
    assert!(r.message.contains("5O"), "{}", r.message);
}

#[test]
fn count_spaces_inside_digits() {
    assert_eq!(parse_count("1 200"), Err(Hint::InnerSpace));
    assert_eq!(parse_count("1 2 0 0"), Err(Hint::InnerSpace));
    assert_eq!(parse_count("1\u{3000}200"), Err(Hint::InnerSpace));
    assert_eq!(cell("1 200"), Err("inner_space".into()));
}

#[test]
fn count_empty_is_missing() {
    assert_eq!(parse_count(""), Err(Hint::Empty));
    assert_eq!(parse_count("\u{3000}"), Err(Hint::Empty));
}

#[test]
fn count_upper_bound_is_the_callers() {
    // parse_count reads the value; the cell rule (R004) bounds it.
    assert_eq!(parse_count("100000001"), Ok(100_000_001));
    assert_eq!(parse_count("99999999999999999999999999"), Ok(u64::MAX));
    check(&[set("/rows/0/models", json!("100000001"))], &[("R004", "/rows/0/models")]);
}

// ---------------------------------------------------------------- dates

fn date_read_as(text: &str, y: i32, m: u32, d: u32) {
    assert_eq!(parse_date(text), Ok(day(y, m, d)), "{text}");
    // Through a document: an N002 info with the typed text, ISO out.
    let i = check(&[set("/as_of", json!(text)), set("/filed_on", json!("2011-02-16")), set("/batch", json!(2))], &[]);
    let iso = format!("{y:04}-{m:02}-{d:02}");
    if text != iso {
        assert_eq!(params(one(&i, "N002")), json!({ "raw": text, "value": iso }));
    } else {
        assert!(i.iter().all(|i| i.code != "N002"));
    }
}

#[test]
fn date_iso() {
    date_read_as("2011-01-16", 2011, 1, 16);
}

#[test]
fn date_slashes() {
    date_read_as("2011/1/16", 2011, 1, 16);
    date_read_as("2011/01/06", 2011, 1, 6);
}

#[test]
fn date_dots() {
    date_read_as("2011.1.16", 2011, 1, 16);
}

#[test]
fn date_year_month_day_characters() {
    date_read_as("2011年1月16日", 2011, 1, 16);
    date_read_as("2010年12月17日", 2010, 12, 17);
}

#[test]
fn date_full_width_digits() {
    date_read_as("２０１１年１月１６日", 2011, 1, 16);
    date_read_as("２０１１－０１－１６", 2011, 1, 16);
}

#[test]
fn date_spaces_between_digits_as_scanned() {
    date_read_as("2 0 1 1年1月1 6日", 2011, 1, 16);
    date_read_as("2 0 1 0年1 2月1 7日", 2010, 12, 17);
    date_read_as(" 2011-01-16\u{3000}", 2011, 1, 16);
}

#[test]
fn date_chinese_numerals_with_either_zero() {
    date_read_as("二〇一一年一月十六日", 2011, 1, 16);
    date_read_as("二○一○年十二月十七日", 2010, 12, 17);
    date_read_as("二〇一一年二月三日", 2011, 2, 3);
    date_read_as("二〇一〇年十二月三十一日", 2010, 12, 31);
}

#[test]
fn date_impossible() {
    assert_eq!(parse_date("2011-02-30"), Err(Hint::Impossible));
    assert_eq!(parse_date("2011年2月29日"), Err(Hint::Impossible));
    assert_eq!(parse_date("二〇一一年二月三十日"), Err(Hint::Impossible));
    assert_eq!(parse_date("2011-13-01"), Err(Hint::Impossible));
    let i = check(&[set("/as_of", json!("2011-02-30"))], &[("T003", "/as_of")]);
    assert_eq!(params(one(&i, "T003")), json!({ "field": "as_of", "raw": "2011-02-30", "hint": "impossible_date" }));
}

#[test]
fn date_not_a_date() {
    for t in ["明天", "2011", "16/1/2011", "2011-1/16", "2011-01-16-01"] {
        assert!(parse_date(t).is_err(), "{t}");
    }
    assert_eq!(parse_date("2 O 11年1月1 6日"), Err(Hint::LetterO));
    assert_eq!(parse_date(""), Err(Hint::Empty));
    let i = check(&[set("/as_of", json!("明天"))], &[("T003", "/as_of")]);
    assert_eq!(one(&i, "T003").params["raw"], "明天");
}

// ---------------------------------------------------------------- phones

fn phone_read_as(text: &str, out: &str) {
    assert_eq!(parse_phone(text).as_deref(), Ok(out), "{text}");
    let i = check(&[set("/phone", json!(text))], &[]);
    if text != out {
        assert_eq!(params(one(&i, "N003")), json!({ "raw": text, "value": out }));
    }
}

fn phone_rejected(text: &str) {
    assert!(parse_phone(text).is_err(), "{text}");
    let i = check(&[set("/phone", json!(text))], &[("T007", "/phone")]);
    assert_eq!(one(&i, "T007").params["raw"], text);
}

#[test]
fn phone_mobile() {
    phone_read_as("13912345678", "13912345678");
    phone_read_as("19912345678", "19912345678");
    phone_rejected("12912345678");
    phone_rejected("1391234567");
    phone_rejected("139123456789");
}

#[test]
fn phone_landline_with_dash() {
    phone_read_as("0451-82345678", "0451-82345678");
    phone_read_as("010-6813332", "010-6813332");
    phone_read_as("010-68133322", "010-68133322");
}

#[test]
fn phone_landline_without_dash() {
    phone_read_as("045182345678", "045182345678");
    phone_read_as("01068133322", "01068133322");
}

#[test]
fn phone_extensions_with_dash_and_zhuan() {
    phone_read_as("0451-82345678-123", "0451-82345678-123");
    phone_read_as("010-68133322转76411", "010-68133322转76411");
    phone_read_as("01068133322转7", "01068133322转7");
    phone_rejected("010-68133322转1234567");
    phone_rejected("010-68133322转");
}

#[test]
fn phone_full_width_and_spaces() {
    phone_read_as("０４５１－８２３４５６７８", "0451-82345678");
    phone_read_as("139 1234 5678", "13912345678");
    phone_read_as("\u{3000}0451 - 82345678 ", "0451-82345678");
}

#[test]
fn phone_the_notices_own_number() {
    // 创先办[2010]7号: 联系电话：0 1 0  6 8 1 3 3 3 2 2转7 6 4 1 1
    phone_read_as("0 1 0  6 8 1 3 3 3 2 2转7 6 4 1 1", "01068133322转76411");
}

#[test]
fn phone_not_a_phone() {
    phone_rejected("12345");
    phone_rejected("451-82345678");
    phone_rejected("0451-823456");
    phone_rejected("电话");
    assert_eq!(parse_phone("O451-82345678"), Err(Hint::LetterO));
    assert_eq!(parse_phone("  "), Err(Hint::Empty));
}

#[test]
fn phone_any_text_near_a_valid_one_does_not_panic() {
    // Regression: a byte index inside `é` used to panic while looking for an extension.
    assert!(parse_phone("0aé12345678-1").is_err());
    assert!(parse_phone("0é123456789-12").is_err());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, failure_persistence: None, ..Default::default() })]

    /// `YYYY-MM-DD` is read at once (`iso_date`); with a space in front (which the reader drops)
    /// the same text takes the general path. Both must answer alike: real dates, impossible ones
    /// (2010-02-30, month 13, day 00, year 0000) and near misses of the shape.
    #[test]
    fn an_iso_date_reads_as_the_general_path_reads_it(s in "[0-9]{4}-[0-1][0-9]-[0-3][0-9]|[0-9-]{10}|[0-9]{4}-[0-9]{2}/[0-9]{2}") {
        proptest::prop_assert_eq!(parse_date(&s), parse_date(&format!(" {s}")), "{}", s);
    }
}

#[test]
fn iso_dates_at_the_edges() {
    assert_eq!(parse_date("2012-02-29"), Ok(day(2012, 2, 29)));
    for s in ["2011-02-29", "2010-13-01", "2010-00-10", "2010-01-00", "2010-04-31"] {
        assert_eq!(parse_date(s), Err(Hint::Impossible), "{s}");
    }
    assert_eq!(parse_date("0000-01-01"), parse_date(" 0000-01-01"));
}
