//! Reading what clerks type or paste (SPEC §4): counts, dates and phone numbers.
//!
//! Every function takes the text as typed and returns either the value or a [`Hint`] that says
//! what is wrong in a way a clerk can act on. The caller keeps the original text in the issue's
//! params, so nothing typed is lost.

use chrono::NaiveDate;

/// Largest value of a cell (R004), [`crate::core::limits`].
pub use crate::core::limits::MAX_COUNT;

/// Why a text could not be read. The key (`hint.<key>` in the message catalogue) is public.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    Empty,
    /// A letter O/o (or 〇) where a digit belongs, as OCR and fast typing produce: did you mean 0?
    LetterO,
    /// A letter l/I where a digit belongs: did you mean 1?
    LetterL,
    Decimal,
    Negative,
    /// Spaces between digits of a number (`1 200`).
    InnerSpace,
    /// Thousands separators not in groups of three (`1,20`).
    Grouping,
    NotNumber,
    NotDate,
    /// A well-formed date that does not exist (`2011-02-30`).
    Impossible,
    NotPhone,
}

impl Hint {
    pub fn key(self) -> &'static str {
        match self {
            Hint::Empty => "empty",
            Hint::LetterO => "letter_o",
            Hint::LetterL => "letter_l",
            Hint::Decimal => "decimal",
            Hint::Negative => "negative",
            Hint::InnerSpace => "inner_space",
            Hint::Grouping => "grouping",
            Hint::NotNumber => "not_number",
            Hint::NotDate => "not_date",
            Hint::Impossible => "impossible_date",
            Hint::NotPhone => "not_phone",
        }
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{00a0}' || c == '\u{feff}'
}

/// Maps full-width ASCII variants (`１２００`, `，`, `．`, `－`, `／`) to ASCII and the ideographic
/// space to a plain space.
pub fn halfwidth(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// Trims spaces of every kind (ASCII, U+3000, NBSP, BOM).
pub fn trim(s: &str) -> &str {
    s.trim_matches(is_space)
}

fn digit_neighbours(chars: &[char], i: usize) -> bool {
    let before = chars[..i].iter().rev().find(|c| !is_space(**c));
    let after = chars[i + 1..].iter().find(|c| !is_space(**c));
    before.is_some_and(|c| c.is_ascii_digit()) || after.is_some_and(|c| c.is_ascii_digit())
}

/// A letter that looks like a digit, next to a digit: the hint for it.
fn lookalike_hint(s: &str) -> Option<Hint> {
    let chars: Vec<char> = s.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let hint = match c {
            'O' | 'o' | '〇' | '○' => Hint::LetterO,
            'l' | 'I' | '|' => Hint::LetterL,
            _ => continue,
        };
        if digit_neighbours(&chars, i) || chars.iter().all(|c| matches!(c, 'O' | 'o' | 'l' | 'I')) {
            return Some(hint);
        }
    }
    None
}

/// Reads a count: ASCII or full-width digits, surrounding spaces, thousands separators `,`/`，` in
/// groups of three. `Ok` values may still exceed [`MAX_COUNT`]; the caller reports that (R004).
pub fn parse_count(text: &str) -> Result<u64, Hint> {
    // Fast path: plain ASCII digits, what most cells hold.
    if !text.is_empty() && text.len() <= 19 && text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().map_err(|_| Hint::NotNumber);
    }
    let h = halfwidth(text);
    let t = trim(&h);
    if t.is_empty() {
        return Err(Hint::Empty);
    }
    if let Some(hint) = lookalike_hint(t) {
        return Err(hint);
    }
    // SPEC §4 lists what is accepted; a sign is not among it (`+5` is an error, not 5).
    let body = t;
    if body.starts_with('+') {
        return Err(Hint::NotNumber);
    }
    if body.starts_with('-') || body.starts_with('−') {
        let rest = body.trim_start_matches(['-', '−']);
        return Err(if rest.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            Hint::Negative
        } else {
            Hint::NotNumber
        });
    }
    if body.chars().any(is_space) {
        return Err(if body.chars().all(|c| c.is_ascii_digit() || is_space(c) || c == ',') {
            Hint::InnerSpace
        } else {
            Hint::NotNumber
        });
    }
    if let Some((int, frac)) = body.split_once('.') {
        let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || c == ',');
        return Err(if digits(int) && frac.chars().all(|c| c.is_ascii_digit()) {
            Hint::Decimal
        } else {
            Hint::NotNumber
        });
    }
    if !body.chars().all(|c| c.is_ascii_digit() || c == ',') || body.is_empty() {
        return Err(Hint::NotNumber);
    }
    if body.contains(',') {
        let groups: Vec<&str> = body.split(',').collect();
        let first_ok = (1..=3).contains(&groups[0].len());
        if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
            return Err(Hint::Grouping);
        }
    }
    let digits: String = body.chars().filter(|c| *c != ',').collect();
    // More digits than u64 holds is still "too large", not "not a number".
    Ok(digits.parse::<u64>().unwrap_or(u64::MAX))
}

/// Value of a Chinese numeral digit (〇 ○ 零 一 … 九), including the forms used in dates.
fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' | 'Ｏ' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// 十六 → 16, 二十 → 20, 三十一 → 31, 十 → 10, 五 → 5; digits pass through.
fn cn_small_number(s: &str) -> Option<u32> {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()) {
        return parse_as(s);
    }
    let chars: Vec<char> = s.chars().collect();
    match chars.iter().position(|c| *c == '十' || *c == '拾') {
        None if chars.len() == 1 => cn_digit(chars[0]),
        None => None,
        Some(p) => {
            let tens = match p {
                0 => 1,
                1 => cn_digit(chars[0])?,
                _ => return None,
            };
            let ones = match chars.len() - p - 1 {
                0 => 0,
                1 => cn_digit(chars[p + 1])?,
                _ => return None,
            };
            Some(tens * 10 + ones)
        }
    }
}

/// `二〇一一年一月十六日` → (2011, 1, 16).
fn cn_date(s: &str) -> Option<(i32, u32, u32)> {
    let (y, rest) = s.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let d = rest.strip_suffix('日').or_else(|| rest.strip_suffix('号')).unwrap_or(rest);
    let year: String = y
        .chars()
        .map(|c| if c.is_ascii_digit() { Some(c) } else { cn_digit(c).and_then(|v| char::from_digit(v, 10)) })
        .collect::<Option<String>>()?;
    if year.len() != 4 {
        return None;
    }
    Some((parse_as(&year)?, cn_small_number(m)?, cn_small_number(d)?))
}

fn numeric_date(s: &str) -> Option<(i32, u32, u32)> {
    let s = s.strip_suffix('日').or_else(|| s.strip_suffix('号')).unwrap_or(s);
    let parts: Vec<&str> = s.split(['-', '/', '.', '年', '月']).collect();
    if parts.len() != 3 {
        return None;
    }
    // One kind of separator throughout (年 and 月 go together).
    let seps: Vec<char> = s.chars().filter(|c| !c.is_ascii_digit()).collect();
    let consistent = seps == ['年', '月'] || (seps.len() == 2 && seps[0] == seps[1]);
    let ok = |p: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit())
    };
    if !consistent || !ok(parts[0], 4..=4) || !ok(parts[1], 1..=2) || !ok(parts[2], 1..=2) {
        return None;
    }
    Some((parse_as(parts[0])?, parse_as(parts[1])?, parse_as(parts[2])?))
}

/// `s.parse::<T>().ok()` for an integer type narrower than u64, through the one u64 parser (each
/// `str::parse` type is its own code in the form's wasm): the same result, but a minus sign is
/// always refused (the callers read digits only).
pub fn parse_as<T: TryFrom<u64>>(s: &str) -> Option<T> {
    s.parse::<u64>().ok().and_then(|v| T::try_from(v).ok())
}

/// Reads a date in any of the forms of SPEC §4: `2011-01-16`, `2011/1/16`, `2011.1.16`,
/// `2011年1月16日`, full-width digits, spaces between digits (`2 0 1 1年1月1 6日`), and
/// Chinese-numeral dates (`二〇一一年一月十六日`, `二○一○年十二月十七日`).
pub fn parse_date(text: &str) -> Result<NaiveDate, Hint> {
    #[cfg(feature = "review")]
    if let Some(d) = iso_date(text) {
        return Ok(d);
    }
    let h = halfwidth(text);
    let compact: String = h.chars().filter(|c| !is_space(*c)).collect();
    if compact.is_empty() {
        return Err(Hint::Empty);
    }
    let ymd = numeric_date(&compact).or_else(|| cn_date(&compact));
    let Some((y, m, d)) = ymd else {
        // `2 O 11年`: a letter O among digits (not a Chinese 〇, which cn_date reads).
        let latin: String = compact.chars().filter(|c| *c != '〇' && *c != '○').collect();
        return Err(match lookalike_hint(&latin) {
            Some(h) => h,
            None => Hint::NotDate,
        });
    };
    NaiveDate::from_ymd_opt(y, m, d).ok_or(Hint::Impossible)
}

/// `YYYY-MM-DD`, a real date, as files and the form write dates: read at once, with no copy. The
/// same date the general path reads (which handles everything else, impossible dates included).
/// Only where review entries are read, a date each (coverage of 100 000 entries 0.77×); the
/// statistics form's module reads three dates a table and keeps its budget.
#[cfg(feature = "review")]
fn iso_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| b[r].iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')));
    NaiveDate::from_ymd_opt(i32::try_from(num(0..4)?).ok()?, num(5..7)?, num(8..10)?)
}

/// Reads a phone number: mobile `1[3-9]` + 9 digits, or landline `0` + 2–3 digits, optional `-`,
/// 7–8 digits, optional extension (`-` or `转` + 1–6 digits). Spaces and full-width digits are
/// tolerated; the result is the number without spaces, in ASCII.
pub fn parse_phone(text: &str) -> Result<String, Hint> {
    let h = halfwidth(text);
    let s: String = h.chars().filter(|c| !is_space(*c)).collect();
    if s.is_empty() {
        return Err(Hint::Empty);
    }
    let valid = is_mobile(&s) || is_landline(&s);
    if valid {
        Ok(s)
    } else {
        Err(lookalike_hint(&s).unwrap_or(Hint::NotPhone))
    }
}

fn all_digits(s: &str, len: std::ops::RangeInclusive<usize>) -> bool {
    len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_mobile(s: &str) -> bool {
    let b = s.as_bytes();
    all_digits(s, 11..=11) && b[0] == b'1' && (b'3'..=b'9').contains(&b[1])
}

fn is_landline(s: &str) -> bool {
    // Split off an extension first: `转` always, `-` only when it is the second dash.
    let (main, ext) = match s.split_once('转') {
        Some((m, e)) => (m, Some(e)),
        None => match s.match_indices('-').nth(1) {
            Some((i, _)) => (&s[..i], Some(&s[i + 1..])),
            None => (s, None),
        },
    };
    if let Some(e) = ext {
        if !all_digits(e, 1..=6) {
            // `0451-82345678-12`: maybe the only dash is the extension's.
            return false;
        }
    }
    let try_split = |area_len: usize| {
        if !main.is_char_boundary(area_len) || main.len() < area_len {
            return false;
        }
        let (area, rest) = main.split_at(area_len);
        let rest = rest.strip_prefix('-').unwrap_or(rest);
        area.starts_with('0') && all_digits(area, 3..=4) && all_digits(rest, 7..=8)
    };
    if try_split(3) || try_split(4) {
        return true;
    }
    // A single dash that is the extension: `045182345678-12`.
    if ext.is_none() {
        if let Some((m, e)) = main.rsplit_once('-') {
            return all_digits(e, 1..=6) && is_landline_plain(m);
        }
    }
    false
}

fn is_landline_plain(m: &str) -> bool {
    // `get` rather than slicing: `m` may hold any character, and a byte index inside one panics.
    (3..=4).any(|a| match (m.get(..a), m.get(a..)) {
        (Some(area), Some(rest)) => area.starts_with('0') && all_digits(area, 3..=4) && all_digits(rest, 7..=8),
        _ => false,
    })
}

/// A date as ISO `YYYY-MM-DD`. (Written out rather than with chrono's `format`, whose strftime
/// machinery would add some 12 KiB gzip to the browser's wasm for this one pattern.)
pub fn iso(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_as_reads_what_str_parse_reads() {
        for s in ["", "0", "7", "007", "+5", "-5", "2011", "4294967295", "4294967296", "2147483648", "18446744073709551616", "1a", " 1"] {
            assert_eq!(parse_as::<u32>(s), s.parse::<u32>().ok(), "{s:?}");
            assert_eq!(parse_as::<usize>(s), s.parse::<usize>().ok(), "{s:?}");
            if !s.starts_with('-') {
                assert_eq!(parse_as::<i32>(s), s.parse::<i32>().ok(), "{s:?}");
            }
        }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn counts() {
        assert_eq!(parse_count("1200"), Ok(1200));
        assert_eq!(parse_count("１２００"), Ok(1200));
        assert_eq!(parse_count("\u{3000} 1,200 "), Ok(1200));
        assert_eq!(parse_count("1，200"), Ok(1200));
        assert_eq!(parse_count("12,345,678"), Ok(12_345_678));
        assert_eq!(parse_count("1,20"), Err(Hint::Grouping));
        assert_eq!(parse_count("1200,"), Err(Hint::Grouping));
        assert_eq!(parse_count("1.5"), Err(Hint::Decimal));
        assert_eq!(parse_count("-3"), Err(Hint::Negative));
        assert_eq!(parse_count("12O0"), Err(Hint::LetterO));
        assert_eq!(parse_count("1 200"), Err(Hint::InnerSpace));
        assert_eq!(parse_count("abc"), Err(Hint::NotNumber));
        assert_eq!(parse_count(""), Err(Hint::Empty));
        assert_eq!(parse_count("99999999999999999999999"), Ok(u64::MAX));
    }

    #[test]
    fn dates() {
        for t in [
            "2011-01-16",
            "2011/1/16",
            "2011.1.16",
            "2011年1月16日",
            "２０１１年１月１６日",
            "2 0 1 1年1月1 6日",
            "二〇一一年一月十六日",
            "二○一一年一月十六日",
        ] {
            assert_eq!(parse_date(t), Ok(d(2011, 1, 16)), "{t}");
        }
        assert_eq!(parse_date("二○一○年十二月十七日"), Ok(d(2010, 12, 17)));
        assert_eq!(parse_date("二〇一〇年十二月三十一日"), Ok(d(2010, 12, 31)));
        assert_eq!(parse_date("2011-02-30"), Err(Hint::Impossible));
        assert_eq!(parse_date("2 O 11年1月1 6日"), Err(Hint::LetterO));
        assert_eq!(parse_date("2011-1/16"), Err(Hint::NotDate));
        assert_eq!(parse_date("明天"), Err(Hint::NotDate));
    }

    #[test]
    fn phones() {
        assert_eq!(parse_phone("0451-82345678").as_deref(), Ok("0451-82345678"));
        assert_eq!(parse_phone("13912345678").as_deref(), Ok("13912345678"));
        assert_eq!(parse_phone("010 68133322转76411").as_deref(), Ok("01068133322转76411"));
        assert_eq!(parse_phone("0 1 0  6 8 1 3 3 3 2 2转7 6 4 1 1").as_deref(), Ok("01068133322转76411"));
        assert_eq!(parse_phone("０４５１－８２３４５６７８").as_deref(), Ok("0451-82345678"));
        assert_eq!(parse_phone("0451-82345678-123").as_deref(), Ok("0451-82345678-123"));
        assert!(parse_phone("12345").is_err());
        assert!(parse_phone("12912345678").is_err());
        assert_eq!(parse_phone("O451-82345678"), Err(Hint::LetterO));
    }
}
