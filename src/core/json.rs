//! Reading JSON text. The only true failure of the core: text that is not JSON at all. The
//! error says where (line and column, 1-based), so a clerk can find the broken spot.

use serde_json::Value;

/// A document that cannot be read: where, and why. Its position is `line`/`column` (as the csv
/// crate's errors carry one); `Display` writes "line L, column C: message".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.describe())]
pub struct ParseError {
    /// 1-based line; 0 when unknown.
    pub line: usize,
    /// 1-based column (characters); 0 when unknown.
    pub column: usize,
    pub message: String,
}

impl ParseError {
    fn describe(&self) -> String {
        if self.line > 0 {
            format!("line {}, column {}: {}", self.line, self.column, self.message)
        } else {
            self.message.clone()
        }
    }
}

/// Largest document accepted (SPEC §7: files ≤ 64 MiB), [`crate::core::limits`].
pub use crate::core::limits::MAX_BYTES;

/// Parses JSON text (a leading BOM is tolerated, as Windows editors write one).
pub fn parse(text: &str) -> Result<Value, ParseError> {
    if text.len() > MAX_BYTES {
        return Err(too_large(text.len()));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| from_serde(&e))
}

/// Runs `f` on a JSON deserializer over `text` (BOM tolerated, size checked) and requires the
/// text to end after the value: the one-pass readers' entry point.
pub fn with_deserializer<T>(
    text: &str,
    f: impl FnOnce(&mut serde_json::Deserializer<serde_json::de::StrRead<'_>>) -> Result<T, serde_json::Error>,
) -> Result<T, ParseError> {
    if text.len() > MAX_BYTES {
        return Err(too_large(text.len()));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut de = serde_json::Deserializer::from_str(text);
    f(&mut de).and_then(|v| de.end().map(|()| v)).map_err(|e| from_serde(&e))
}

/// A value read and dropped, as `serde::de::IgnoredAny` does, but checked as a
/// `serde_json::Value` is: `IgnoredAny` skips a number's digits without reading it, so the
/// one-pass readers accepted `1E525` in an unknown key that [`parse`] refuses ("number out of
/// range"; the stats_json fuzz target). Every reader skips with this, so both accept one language.
pub struct Skip;

impl<'de> serde::Deserialize<'de> for Skip {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Skip, D::Error> {
        d.deserialize_any(Skip)
    }
}

impl<'de> serde::de::Visitor<'de> for Skip {
    type Value = Skip;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_str<E>(self, _: &str) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_unit<E>(self) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Skip, A::Error> {
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(Skip)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Skip, A::Error> {
        while map.next_entry::<Skip, Skip>()?.is_some() {}
        Ok(Skip)
    }
}

fn too_large(len: usize) -> ParseError {
    ParseError { line: 0, column: 0, message: format!("file too large: {len} bytes (at most {MAX_BYTES})") }
}

/// Where and why serde_json refused a text (also for the CLI's streamed rosters and entries).
pub fn from_serde(e: &serde_json::Error) -> ParseError {
    ParseError {
        line: e.line(),
        column: e.column(),
        message: crate::core::text::before(&e.to_string(), " at line ").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[test]
    fn skipping_accepts_what_parse_accepts() {
        let skip = |t: &str| super::with_deserializer(t, |d| super::Skip::deserialize(d).map(|_| ()));
        for t in ["1E525", "[1, 1E525]", "{\"a\": {\"b\": [-1e999]}}", "{\"a\": \"\\ud800\"}", "[1,]"] {
            assert!(super::parse(t).is_err() && skip(t).is_err(), "{t}");
        }
        for t in ["1E308", "[1, -0.5e-400, 18446744073709551616]", "{\"a\": {\"b\": [null, true, \"x\"]}}"] {
            assert!(super::parse(t).is_ok() && skip(t).is_ok(), "{t}");
        }
    }

    #[test]
    fn names_line_and_column() {
        let e = super::parse("{\n  \"unit\": \"x\",\n  \"batch\": ,\n}").unwrap_err();
        assert_eq!((e.line, e.column), (3, 12));
        assert!(super::parse("\u{feff}{}").is_ok());
    }
}
