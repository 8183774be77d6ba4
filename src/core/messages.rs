//! The issue codes and their severities, and how a message is rendered from its locale's template
//! ([`crate::core::vocab`]: one catalogue per locale). Templates name params in braces
//! (`{reviewed}`); numbers are printed with thousands separators. `{param|list}` prints the word
//! for the param's value in a vocabulary list (`{role|role}` → 党支部书记), `{@field}` the label of
//! the `field` param, `{@row}` the unit a row issue is about (「哈尔滨市」), `{@hint}` the text of the
//! `hint` param (a [`crate::core::normalize::Hint`] key). Codes are a public contract: add, never
//! rename. `docs/codes.md` lists the same entries (a test keeps them in step).

use crate::core::issue::{Issue, Locale, Severity};
use crate::core::json::{ParseError, ParseKind};
use crate::core::text::{self, Fill};
use crate::core::vocab;
use serde_json::Value;

use Severity::{Error as E, Info as I, Warning as W};

/// `(code, severity)`.
pub type Entry = (&'static str, Severity);

/// Every issue code and its severity. The templates are in each locale's catalogue
/// ([`crate::core::vocab`]), in this order.
pub const CATALOGUE: &[Entry] = &[
    ("T001", E),
    ("T002", E),
    ("T003", E),
    ("T004", W),
    ("T005", E),
    ("T006", E),
    ("T007", E),
    ("T008", E),
    ("T009", E),
    ("T010", E),
    ("T011", W),
    ("T012", W),
    ("T013", E),
    ("T014", E),
    ("T015", E),
    ("T016", E),
    ("R001", E),
    ("R002", E),
    ("R003", E),
    ("R004", E),
    ("R010", E),
    ("R011", E),
    ("R012", E),
    ("R013", E),
    ("R014", E),
    ("R015", E),
    ("R017", E),
    ("R020", W),
    ("R021", W),
    ("R030", E),
    ("R031", W),
    ("R032", E),
    ("R040", W),
    ("R041", W),
    ("P001", W),
    ("P002", W),
    ("P003", E),
    ("P004", E),
    ("A001", E),
    ("A002", E),
    ("A003", W),
    ("O001", E),
    ("O002", E),
    ("O003", E),
    ("O004", W),
    ("O005", W),
    ("O006", E),
    ("O007", E),
    ("E001", E),
    ("E002", E),
    ("E003", W),
    ("E004", E),
    ("E005", E),
    ("E006", E),
    ("E007", E),
    ("E008", W),
    ("E009", W),
    ("E010", W),
    ("E011", W),
    ("E012", E),
    ("E013", E),
    ("E014", E),
    ("E015", W),
    ("E016", E),
    ("E017", E),
    ("E018", W),
    ("F001", W),
    ("N001", I),
    ("N002", I),
    ("N003", I),
    ("N004", I),
    ("N005", I),
    ("N006", I),
    ("X001", E),
    ("X002", E),
    ("X003", E),
    ("X004", E),
    ("X005", I),
];

/// The position of a code in [`CATALOGUE`] (and in every locale's templates). Every issue asks
/// for its severity when it is built and for its template when it is rendered — millions of
/// times for a large entries file — so the codes (a letter and three digits) index a table built
/// once instead of scanning the catalogue.
fn position(code: &str) -> Option<usize> {
    static INDEX: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut t = vec![u8::MAX; 26 * 1000];
        for (i, e) in CATALOGUE.iter().enumerate() {
            if let (Some(k), Ok(i)) = (code_key(e.0), u8::try_from(i)) {
                if let Some(slot) = t.get_mut(k) {
                    *slot = i;
                }
            }
        }
        t
    });
    let found = code_key(code)
        .and_then(|k| index.get(k))
        .map(|&i| usize::from(i))
        .filter(|&i| CATALOGUE.get(i).is_some_and(|e| e.0 == code));
    // Codes outside the letter-and-three-digits form (none today) still resolve.
    found.or_else(|| CATALOGUE.iter().position(|e| e.0 == code))
}

/// `R010` → 17 × 1000 + 10; `None` for anything not a capital letter and three digits.
fn code_key(code: &str) -> Option<usize> {
    let b = code.as_bytes();
    let (&l, digits) = b.split_first()?;
    if !l.is_ascii_uppercase() || digits.len() != 3 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = digits.iter().fold(0usize, |n, d| n * 10 + usize::from(d - b'0'));
    Some(usize::from(l - b'A') * 1000 + n)
}

/// The catalogue's severity for a code (unknown codes are errors: they must be noticed).
pub fn severity_of(code: &str) -> Severity {
    position(code).and_then(|i| CATALOGUE.get(i)).map_or(Severity::Error, |e| e.1)
}

/// The template of a code in a locale.
pub fn template(code: &str, locale: Locale) -> Option<&'static str> {
    let i = position(code)?;
    vocab::catalogue(locale).template(i)
}

/// Label of a field name for messages (see [`vocab::field_label`]).
pub fn field_label(field: &str, locale: Locale) -> String {
    vocab::field_label(field, locale)
}

/// `1250` → `1,250`.
pub fn group_thousands(n: u64) -> String {
    let mut out = String::new();
    push_grouped(&mut out, n);
    out
}

fn push_grouped(out: &mut String, n: u64) {
    let mut buf = itoa::Buffer::new();
    let s = buf.format(n);
    for (i, c) in s.char_indices() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
}

fn show(v: &Value) -> String {
    let mut out = String::new();
    push_shown(&mut out, v);
    out
}

/// A param's value as a message shows it, appended (no string of its own).
fn push_shown(out: &mut String, v: &Value) {
    match v {
        Value::String(s) => out.push_str(s),
        Value::Number(n) => match n.as_u64() {
            Some(u) => push_grouped(out, u),
            None => out.push_str(&n.to_string()),
        },
        Value::Null => {}
        other => out.push_str(&other.to_string()),
    }
}

fn param_str<'a>(issue: &'a Issue, key: &str) -> &'a str {
    issue.params.get(key).and_then(Value::as_str).unwrap_or("")
}

/// The word of a param's value in a list (`{role|role}`); a comma-separated value (`T009`'s
/// `expected` may name several formats) is a list of ids.
fn word_of(issue: &Issue, param: &str, list: &str, locale: Locale) -> String {
    let c = vocab::catalogue(locale);
    let raw = match issue.params.get(param) {
        Some(v) => show(v),
        None => return String::new(),
    };
    let mut out = String::new();
    for (i, id) in text::split(&raw, ", ").enumerate() {
        if i > 0 {
            out.push_str(c.phrase("list_sep"));
        }
        out.push_str(c.word(list, id.trim()));
    }
    out
}

/// The word of a param `hint` in the hint list.
fn hint_word(issue: &Issue, locale: Locale) -> &str {
    vocab::catalogue(locale).word(vocab::list::HINT, param_str(issue, "hint"))
}

/// The special placeholders, appended to `out`: labels and sentences that depend on the case.
fn special(out: &mut String, issue: &Issue, key: &str, locale: Locale) {
    let c = vocab::catalogue(locale);
    match key {
        "field" => out.push_str(&field_label(param_str(issue, "field"), locale)),
        "whole" => out.push_str(&field_label(param_str(issue, "whole"), locale)),
        "suggestion" => out.push_str(&field_label(param_str(issue, "suggestion"), locale)),
        // The unit a row issue is about: 「哈尔滨市」; nothing for a row without a name.
        "row" => match param_str(issue, "row") {
            "" => {}
            name => text::push_filled(out, c.phrase("row"), "{}", name),
        },
        "hint" => out.push_str(hint_word(issue, locale)),
        "t011" => {
            let name = param_str(issue, "name");
            let missing = issue.params.get("missing").and_then(Value::as_bool).unwrap_or(false);
            text::push_filled(out, c.phrase(if missing { "t011_missing" } else { "t011_extra" }), "{}", name);
        }
        // A field left empty is not "invalid (got “”)": say it is missing.
        "bad_or_missing" => {
            let raw = param_str(issue, "raw");
            let field = if issue.code == "T007" { "phone" } else { param_str(issue, "field") };
            let label = field_label(field, locale);
            let text = if raw.trim().is_empty() {
                c.phrase("missing").fill("{}", &label)
            } else {
                let t = c.phrase(if issue.code == "T007" { "bad_phone" } else { "bad_date" });
                t.fill("{f}", &label).fill("{r}", raw).fill("{h}", hint_word(issue, locale))
            };
            out.push_str(&capitalize(text));
        }
        "r001" => match param_str(issue, "name") {
            "" => out.push_str(c.phrase("r001_missing")),
            name => text::push_filled(out, c.phrase("r001_duplicate"), "{}", name),
        },
        // 创先发[2010]25号 三: 现场点评 is of 基层党组织 by 党员领导干部, 随机点评 of 单位. (Review codes
        // are not rendered by the statistics form's own module.)
        #[cfg(feature = "review")]
        "e018" => {
            let method = word_of(issue, "method", vocab::list::METHOD, locale);
            let kind = param_str(issue, "kind");
            let is_org = crate::core::review::tables::TargetKind::parse(kind).is_some_and(|k| k.is_org());
            if is_org {
                text::push_filled(out, c.phrase("e018_role"), "{role}", &word_of(issue, "role", vocab::list::ROLE, locale));
            } else {
                out.push_str(&c.phrase("e018_target").fill("{method}", &method).fill("{kind}", &word_of(issue, "kind", vocab::list::KIND, locale)));
            }
        }
        // `2010-H2` → 2010 年下半年.
        #[cfg(feature = "review")]
        "period" => {
            let p = param_str(issue, "period");
            match p.split_once("-H") {
                Some((year, half @ ("1" | "2"))) => text::push_filled(out, c.phrase(if half == "1" { "half_1" } else { "half_2" }), "{year}", year),
                _ => out.push_str(p),
            }
        }
        _ => {}
    }
}

/// An English sentence starts with a capital (labels are written for mid-sentence use).
pub(crate) fn capitalize(s: String) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if f.is_ascii_lowercase() => f.to_ascii_uppercase().to_string() + c.as_str(),
        _ => s,
    }
}

/// Renders an issue's message from its template and params.
pub fn render(issue: &Issue, locale: Locale) -> String {
    let Some(template) = template(issue.code, locale) else {
        return issue.code.to_string();
    };
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else {
            out.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let key = &after[..end];
        if let Some(k) = key.strip_prefix('@') {
            special(&mut out, issue, k, locale);
        } else if let Some((param, list)) = key.split_once('|') {
            out.push_str(&word_of(issue, param, list, locale));
        } else {
            if let Some(v) = issue.params.get(key) {
                push_shown(&mut out, v);
            }
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    capitalize(out)
}

/// Fills in every issue's message in the locale.
pub fn localize(issues: &mut [Issue], locale: Locale) {
    for i in issues {
        i.message = render(i, locale);
    }
}

/// What a document that cannot be read at all says to the clerk: where (第 4 行第 56 列), and
/// why, in the locale — the catalogue's sentence for the error's [`ParseKind`]; the CSV cell a
/// stray row starts with, and a too-large file's size, come from its message.
pub fn parse_error_words(e: &ParseError, locale: Locale) -> String {
    parse_error_as(e.kind, e.line, e.column, &e.message, locale)
}

/// [`parse_error_words`] from the parts of an error handed back (by JavaScript: `line`,
/// `column`, `message`): `detail` is a kind's id ([`ParseKind::id`]) or the reader's English
/// reason, whose class gives the kind; one of no class is the locale's general “not well formed”,
/// so that zh-CN shows no English.
pub fn parse_error(line: usize, column: usize, detail: &str, locale: Locale) -> String {
    let kind = ParseKind::of_id(detail).unwrap_or_else(|| ParseKind::of_message(detail));
    parse_error_as(kind, line, column, detail, locale)
}

/// The sentence of `kind` at `line`/`column` (0: no position); `detail` the reader's message.
pub fn parse_error_as(kind: ParseKind, line: usize, column: usize, detail: &str, locale: Locale) -> String {
    let c = vocab::catalogue(locale);
    let text = match kind {
        ParseKind::TooLarge => {
            // "file too large: 70000000 bytes (at most …)": the first number is the size.
            let size: String = detail.chars().skip_while(|c| !c.is_ascii_digit()).take_while(char::is_ascii_digit).collect();
            let max = crate::core::json::MAX_BYTES.to_string();
            c.phrase(kind.id()).fill("{size}", &size).fill("{max}", &max)
        }
        // A stray row names its first cell (「…」 in the reader's text).
        ParseKind::CsvStrayRow => {
            let cell = detail.split_once('「').and_then(|(_, r)| r.split_once('」')).map_or("", |(cell, _)| cell);
            c.phrase(kind.id()).fill("{cell}", cell)
        }
        _ => c.phrase(kind.id()).to_string(),
    };
    let text = if line > 0 {
        c.phrase("parse_at").fill("{line}", &line.to_string()).fill("{column}", &column.to_string()).fill("{detail}", &text)
    } else {
        text
    };
    capitalize(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_the_spec_example() {
        let i = Issue::new("R010", "/rows/3/orgs_reviewed")
            .param("reviewed", 1250u64)
            .param("total", 1200u64);
        assert_eq!(render(&i, Locale::ZhCn), "已点评基层党组织数（1,250）不能大于基层党组织总数（1,200）");
        assert_eq!(render(&i, Locale::En), "Organisations reviewed (1,250) cannot exceed organisations (1,200)");
        let i = i.param("row", "哈尔滨市");
        assert_eq!(render(&i, Locale::ZhCn), "「哈尔滨市」已点评基层党组织数（1,250）不能大于基层党组织总数（1,200）");
        assert_eq!(render(&i, Locale::En), "“哈尔滨市”: Organisations reviewed (1,250) cannot exceed organisations (1,200)");
    }

    #[test]
    fn every_code_finds_its_own_entry_and_template() {
        for (i, e) in CATALOGUE.iter().enumerate() {
            assert_eq!(position(e.0), Some(i));
            assert_eq!(severity_of(e.0), e.1);
        }
        for unknown in ["", "E", "E0090", "e009", "Z999", "E0a9", "É009"] {
            assert!(position(unknown).is_none(), "{unknown}");
        }
        assert_eq!(severity_of("Z999"), Severity::Error);
        // Every locale has one template per code, and no template of an unknown code.
        for c in vocab::CATALOGUES {
            let mut codes: Vec<&str> = vocab::pairs(c.messages).chain(vocab::pairs(c.review_messages)).map(|m| m.0).collect();
            codes.sort_unstable();
            let mut expected: Vec<&str> = CATALOGUE.iter().map(|e| e.0).collect();
            expected.sort_unstable();
            assert_eq!(codes, expected, "{}", c.tag);
            for (i, (code, _)) in CATALOGUE.iter().enumerate() {
                assert!(c.template(i).is_some(), "{}: {code}", c.tag);
            }
        }
    }

    #[test]
    fn an_empty_date_or_phone_is_missing_not_invalid() {
        let empty = Issue::new("T003", "/filed_on").param("field", "filed_on").param("raw", "").param("hint", "empty");
        assert_eq!(render(&empty, Locale::ZhCn), "未填写填报日期");
        let bad = Issue::new("T003", "/filed_on").param("field", "filed_on").param("raw", "2011-02-30").param("hint", "impossible_date");
        assert_eq!(render(&bad, Locale::ZhCn), "填报日期不是有效日期（收到「2011-02-30」）：该日期不存在，请核对月和日");
        let phone = Issue::new("T007", "/phone").param("raw", "12345").param("hint", "not_phone");
        assert!(render(&phone, Locale::En).starts_with("The phone number is not valid (got “12345”)"));
        assert_eq!(render(&Issue::new("T007", "/phone").param("raw", ""), Locale::ZhCn), "未填写联系电话");
    }

    #[test]
    fn codes_are_unique() {
        for (i, e) in CATALOGUE.iter().enumerate() {
            assert!(CATALOGUE[i + 1..].iter().all(|o| o.0 != e.0), "{} twice", e.0);
        }
    }

    #[test]
    fn the_issue_examples_read_in_the_clerks_words() {
        let e010 = Issue::new("E010", "/entries/0/reviewer/role").param("role", "branch_secretary").param("kind", "committee");
        assert_eq!(render(&e010, Locale::ZhCn), "点评人职务「党支部书记」一般不负责点评「基层党委」，请核对点评责任");
        let e013 = Issue::new("E013", "/entries/0/focus/0").param("tag", "central_work");
        assert_eq!(render(&e013, Locale::ZhCn), "点评重点「推进中心工作」不适用于此类点评对象");
        let t013 = Issue::new("T013", "/preset").param("value", "heilongjiang").param("suggestion", "heilongjiang-2010");
        assert_eq!(render(&t013, Locale::ZhCn), "未知的预设「heilongjiang」，是否应为「黑龙江省（黑创先办[2010]11号）」？");
        let f001 = Issue::new("F001", "/orgs/0").param("name", "甲镇党委").param("period", "2010-H2");
        assert_eq!(render(&f001, Locale::ZhCn), "「甲镇党委」在2010 年下半年没有点评记录（对基层党组织及其书记的点评每半年至少一次）");
        assert!(render(&f001, Locale::En).contains("the second half of 2010"));
    }

    #[test]
    fn parse_errors_say_line_and_column_in_the_locale() {
        assert_eq!(parse_error(4, 56, "key must be a string", Locale::ZhCn), "第 4 行第 56 列：此处应为带引号的字段名");
        assert_eq!(parse_error(4, 56, "key must be a string", Locale::En), "Line 4, column 56: a quoted field name belongs here");
        // Whatever the reader says, zh-CN shows no English.
        let odd = parse_error(1, 1, "some reason nobody mapped", Locale::ZhCn);
        assert!(!odd.fill("JSON", "").chars().any(|c| c.is_ascii_alphabetic()), "{odd}");
        let png = parse_error(0, 0, "the file is neither JSON nor a table (CSV)", Locale::ZhCn);
        assert!(png.starts_with("该文件既不是 JSON 也不是表格（CSV）"), "{png}");
    }

    /// Every kind of unreadable text has its sentence in every locale; zh-CN's hold no English
    /// but the names of formats, English's no Chinese.
    #[test]
    fn every_parse_kind_has_words_in_every_locale() {
        for k in ParseKind::ALL {
            assert_eq!(ParseKind::of_id(k.id()), Some(k));
            for locale in [Locale::ZhCn, Locale::En] {
                let words = parse_error_as(k, 2, 5, "「某栏」 file too large: 70000000 bytes", locale);
                assert!(words.len() > "Line 2, column 5: ".len(), "{k:?} {locale:?}: {words}");
                if locale == Locale::ZhCn {
                    assert!(words.starts_with("第 2 行第 5 列："), "{words}");
                    let latin: Vec<&str> = words
                        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
                        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
                        .filter(|w| !["JSON", "CSV", "UTF-8", "NUL", "GBK", "Word"].contains(w))
                        .collect();
                    assert!(latin.is_empty(), "{k:?}: English {latin:?} in {words}");
                } else {
                    let own = words.replace("某栏", "");
                    assert!(!own.chars().any(|c| ('\u{3000}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c)), "{words}");
                }
            }
        }
        assert!(parse_error_as(ParseKind::TooLarge, 0, 0, "file too large: 70000000 bytes (at most 67108864)", Locale::ZhCn).contains("70000000 字节"));
        assert!(parse_error_as(ParseKind::CsvStrayRow, 3, 1, "「备注栏」is neither a header field", Locale::ZhCn).contains("「备注栏」"));
        // A kind's id handed back from JavaScript, or a message without one.
        assert_eq!(parse_error(1, 8, "json_trailing_comma", Locale::ZhCn), parse_error(1, 8, "trailing comma", Locale::ZhCn));
    }

    /// Sample params for every placeholder the templates use: the values are the vocabulary's
    /// ids where a param carries one, so that an id left untranslated shows.
    fn samples(row: &str) -> Vec<Issue> {
        let mut out = Vec::new();
        for (code, _) in CATALOGUE {
            let fields: &[&str] = match *code {
                "T003" => &["as_of", "filed_on", "deadline"],
                // T008's field is the unknown key the file has: the clerk's own text.
                "T008" => &["fild_on", "orgs_totl"],
                "T006" => &["principal", "preparer"],
                "T012" => &vocab::REPORT_SECTIONS,
                "R040" => &["orgs_coverage", "secretaries_coverage", "secretaries_participation", "members_coverage"],
                "E007" | "E008" | "E009" => &vocab::CONTENT_FIELDS,
                "O007" => &["name", "kind", "sector", "mobile", "orgs", "members"],
                "E017" => &["grade", "focus", "combined_with", "model", "talk", "problems_found", "entries"],
                "X001" => &["unit", "notes", "overview", "evaluation", "reviewer.name", "target.name", "name"],
                _ => &["orgs_total", "orgs_reviewed", "members_reviewed", "filed_on", "evaluation"],
            };
            for field in fields {
                for hint in ["empty", "letter_o", "not_date", "not_phone"] {
                    for (role, kind) in [("branch_secretary", "committee"), ("committee_secretary", "member"), ("senior_cadre", "secretary")] {
                        for method in vocab::METHODS {
                            let i = Issue::new(code, "/x")
                                .param("row", row)
                                .param("field", *field)
                                .param("whole", "orgs_total")
                                .param("suggestion", if *code == "T013" { "central-2010" } else { "filed_on" })
                                .param("expected", if *code == "T009" { Value::from("cxzy-stats/1, cxzy-roster/1, cxzy-entries/1") } else { Value::from(1) })
                                .param("batch", 2)
                                .param("hint", hint)
                                .param("raw", "x1")
                                .param("role", role)
                                .param("kind", kind)
                                .param("method", method)
                                .param("tag", "central_work")
                                .param("period", "2011-H1")
                                .param("missing", hint == "empty")
                                .param("name", if hint == "empty" { "" } else { row })
                                .param("unit", row)
                                .param("value", 3)
                                .param("reviewed", 1250)
                                .param("total", 1200);
                            out.push(i);
                        }
                    }
                }
            }
        }
        out
    }

    /// Words of a message that are internal keys (whole words of `[A-Za-z0-9_./-]`). In English
    /// prose, ids that are plain words (`unit`, `member`) are words: only the ids no English
    /// sentence has (`branch_secretary`, `heilongjiang-2010`, `cxzy-stats/1`) count.
    fn keys_in(text: &str, plain_words_too: bool) -> Vec<String> {
        static KEYS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
        let mut keys = KEYS.get_or_init(vocab::internal_keys).clone();
        if !plain_words_too {
            keys.retain(|k| k.contains(['_', '-', '/']));
        }
        text.split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '/' | '.')))
            .map(|w| w.trim_matches(|c| c == '.' || c == '-' || c == '/'))
            .filter(|w| keys.contains(w))
            .map(str::to_string)
            .collect()
    }

    /// SPEC §7: messages speak the clerk's language. Every code, with sample params: zh-CN has no
    /// internal key and no English (the names of file types excepted); en has no key and no
    /// Chinese of its own; a row's issue names the row's unit.
    #[test]
    fn every_message_speaks_the_clerks_language() {
        const ALLOWED_LATIN: &[&str] = &["CSV", "JSON", "UTF", "GBK", "GB18030", "O", "l", "I", "x1", "fild_on", "orgs_totl"];
        let on_a_row = |code: &str| (code.starts_with('R') && code != "R001") || code == "P001" || code == "P002";
        for i in samples("哈尔滨市") {
            let zh = render(&i, Locale::ZhCn);
            assert!(!zh.is_empty() && !zh.contains('{'), "{}: {zh}", i.code);
            assert_eq!(keys_in(&zh, true), Vec::<String>::new(), "{}: {zh}", i.code);
            let latin: Vec<&str> = zh
                .split(|c: char| !c.is_ascii_alphabetic() && c != '_' && !c.is_ascii_digit())
                .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()) && !ALLOWED_LATIN.contains(w))
                .collect();
            assert!(latin.is_empty(), "{}: English in {zh}: {latin:?}", i.code);
            if on_a_row(i.code) {
                assert!(zh.contains("「哈尔滨市」"), "{}: the unit is not named: {zh}", i.code);
            }
        }
        for i in samples("Harbin") {
            let en = render(&i, Locale::En);
            assert!(!en.is_empty() && !en.contains('{'), "{}: {en}", i.code);
            assert_eq!(keys_in(&en, false), Vec::<String>::new(), "{}: {en}", i.code);
            // Chinese allowed only inside the examples of accepted input that hints give.
            let own: String = en.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).collect();
            assert!(own.is_empty(), "{}: Chinese in {en}", i.code);
            if on_a_row(i.code) {
                assert!(en.contains("“Harbin”"), "{}: the unit is not named: {en}", i.code);
            }
        }
    }
}
