//! Reading JSON text. The only true failure of the core: text that is not JSON at all. The
//! error says where (line and column, 1-based), so a clerk can find the broken spot.

use serde_json::Value;

/// A document that cannot be read: where, what kind of failure, and the reader's own words. Its
/// position is `line`/`column` (as the csv crate's errors carry one); `Display` writes
/// "line L, column C: message" for developers. The clerk reads the kind, worded by the locale's
/// catalogue ([`crate::core::messages::parse_error_words`]): `message` is English and may quote
/// the clerk's cell or a size, which the words take from it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.describe())]
pub struct ParseError {
    /// 1-based line; 0 when unknown.
    pub line: usize,
    /// 1-based column (characters); 0 when unknown.
    pub column: usize,
    /// What went wrong, as a catalogue id ([`ParseKind::id`]).
    pub kind: ParseKind,
    /// The reader's reason (English, for developers; serde_json's text for JSON).
    pub message: String,
}

impl ParseError {
    pub fn new(kind: ParseKind, line: usize, column: usize, message: impl Into<String>) -> ParseError {
        ParseError { line, column, kind, message: message.into() }
    }

    fn describe(&self) -> String {
        if self.line > 0 {
            format!("line {}, column {}: {}", self.line, self.column, self.message)
        } else {
            self.message.clone()
        }
    }
}

/// Why a text could not be read, one per sentence of the catalogues (the `PARSE_PHRASE` lists of
/// `vocab/zh_cn.rs` and `vocab/en.rs`, under [`ParseKind::id`]). JSON's kinds are serde_json's
/// [`serde_json::error::Category`] and, for a syntax error, the class of its message
/// ([`ParseKind::of_message`]); the CSV reader, the sheet reader and the file reader say theirs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParseKind {
    /// A syntax error of no class below.
    Syntax,
    /// `{1: 2}`, `{a: 1}`: a key that is not a quoted string.
    Key,
    /// `"unit": ,`: no value where one belongs (also a misspelt `true`/`null`).
    Value,
    /// The text ends inside a value, an array or an object (serde_json's `Category::Eof`).
    Eof,
    /// Text after the document's end.
    Trailing,
    /// `[1,]`, `{"a": 1,}`.
    TrailingComma,
    /// A missing `,` or closing bracket.
    Comma,
    /// A missing `:` after a key.
    Colon,
    /// An invalid escape or code point in a string.
    Escape,
    /// A control character inside a string.
    Control,
    /// A number that is not one, or out of range.
    Number,
    /// Nested deeper than serde_json's recursion limit.
    Depth,
    /// Valid JSON with a value of the wrong type where the reader needs another
    /// (`Category::Data`).
    Data,
    /// Bytes that are not UTF-8 (the CLI's JSON files; `Category::Io` of a streamed file).
    NotUtf8,
    /// Past the 64 MiB limit (the size is in the message).
    TooLarge,
    /// A CSV line before the column headers that is no header field (its cell is in the message,
    /// between 「 and 」).
    CsvStrayRow,
    /// A CSV or worksheet without the column header row.
    CsvNoHeader,
    /// A NUL character in a CSV.
    CsvNul,
    /// A quote that opens a cell and is never closed.
    CsvQuote,
    /// Neither JSON nor a table (a picture, a Word file, an archive).
    NotATable,
    /// A worksheet handed over that is not an array of rows (the wasm's `readSheet`).
    NotRows,
    /// A required option that is not a date (the wasm's `coverageJson`'s `as_of`).
    NotADate,
    /// The file failed while being read (serde_json's `Category::Io` of a streamed file).
    Io,
}

impl ParseKind {
    /// Every kind (for the test that each has a sentence in every catalogue).
    pub const ALL: [ParseKind; 23] = [
        ParseKind::Syntax, ParseKind::Key, ParseKind::Value, ParseKind::Eof, ParseKind::Trailing, ParseKind::TrailingComma,
        ParseKind::Comma, ParseKind::Colon, ParseKind::Escape, ParseKind::Control, ParseKind::Number, ParseKind::Depth,
        ParseKind::Data, ParseKind::NotUtf8, ParseKind::TooLarge, ParseKind::CsvStrayRow, ParseKind::CsvNoHeader,
        ParseKind::CsvNul, ParseKind::CsvQuote, ParseKind::NotATable, ParseKind::NotRows, ParseKind::NotADate, ParseKind::Io,
    ];

    /// The catalogue id of the sentence (also `kind` in the wasm's error envelope and
    /// `CxzyParseError.kind`).
    pub fn id(self) -> &'static str {
        match self {
            ParseKind::Syntax => "json_syntax",
            ParseKind::Key => "json_key",
            ParseKind::Value => "json_value",
            ParseKind::Eof => "json_eof",
            ParseKind::Trailing => "json_trailing",
            ParseKind::TrailingComma => "json_trailing_comma",
            ParseKind::Comma => "json_comma",
            ParseKind::Colon => "json_colon",
            ParseKind::Escape => "json_string",
            ParseKind::Control => "json_control",
            ParseKind::Number => "json_number",
            ParseKind::Depth => "json_depth",
            ParseKind::Data => "json_data",
            ParseKind::NotUtf8 => "not_utf8",
            ParseKind::TooLarge => "too_large",
            ParseKind::CsvStrayRow => "csv_stray_row",
            ParseKind::CsvNoHeader => "csv_no_header",
            ParseKind::CsvNul => "csv_nul",
            ParseKind::CsvQuote => "csv_quote",
            ParseKind::NotATable => "not_a_table",
            ParseKind::NotRows => "not_rows",
            ParseKind::NotADate => "not_a_date",
            ParseKind::Io => "read_failed",
        }
    }

    /// The kind of an id ([`ParseKind::id`]).
    pub fn of_id(id: &str) -> Option<ParseKind> {
        ParseKind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// The kind of a reader's English reason: serde_json's syntax messages (its `ErrorCode`
    /// texts), and the texts this crate's readers write (for a message handed back from
    /// JavaScript without its kind). Anything else is [`ParseKind::Syntax`].
    pub fn of_message(message: &str) -> ParseKind {
        const CLASSES: &[(&str, ParseKind)] = &[
            // The readers' own, first: a CSV cell quoted in a message may hold any word below.
            ("is neither a header field", ParseKind::CsvStrayRow),
            ("no column header row", ParseKind::CsvNoHeader),
            ("nul character", ParseKind::CsvNul),
            ("is never closed", ParseKind::CsvQuote),
            ("neither json nor a table", ParseKind::NotATable),
            ("file too large", ParseKind::TooLarge),
            ("not utf-8", ParseKind::NotUtf8),
            ("invalid utf-8", ParseKind::NotUtf8),
            ("valid utf-8", ParseKind::NotUtf8),
            ("array of rows", ParseKind::NotRows),
            ("must be a date", ParseKind::NotADate),
            // serde_json's ErrorCode texts.
            ("eof while parsing", ParseKind::Eof),
            ("key must be a string", ParseKind::Key),
            ("expected `\"`", ParseKind::Key),
            ("key to be a number", ParseKind::Key),
            ("float key", ParseKind::Key),
            ("trailing comma", ParseKind::TrailingComma),
            ("trailing characters", ParseKind::Trailing),
            ("expected `,` or", ParseKind::Comma),
            ("expected `:`", ParseKind::Colon),
            ("expected value", ParseKind::Value),
            ("expected ident", ParseKind::Value),
            ("control character", ParseKind::Control),
            ("escape", ParseKind::Escape),
            ("unicode code point", ParseKind::Escape),
            ("surrogate", ParseKind::Escape),
            ("invalid number", ParseKind::Number),
            ("number out of range", ParseKind::Number),
            ("recursion limit", ParseKind::Depth),
            ("invalid type", ParseKind::Data),
            ("invalid value", ParseKind::Data),
            ("invalid length", ParseKind::Data),
        ];
        let m = message.to_ascii_lowercase();
        CLASSES.iter().find(|(k, _)| crate::core::text::find(&m, k).is_some()).map_or(ParseKind::Syntax, |(_, kind)| *kind)
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
    ParseError::new(ParseKind::TooLarge, 0, 0, format!("file too large: {len} bytes (at most {MAX_BYTES})"))
}

/// Where and why serde_json refused a text (also for the CLI's streamed rosters and entries): the
/// kind from its [`serde_json::error::Category`] — the end of the text, a value of the wrong type,
/// a stream that is not UTF-8 — and for a syntax error from the class of its message.
pub fn from_serde(e: &serde_json::Error) -> ParseError {
    use serde_json::error::Category;
    let text = e.to_string();
    let message = crate::core::text::before(&text, " at line ").to_string();
    let kind = match e.classify() {
        Category::Eof => ParseKind::Eof,
        // A streamed file whose reading failed (bytes that are not UTF-8 are a syntax error).
        Category::Io => ParseKind::Io,
        Category::Data => ParseKind::Data,
        #[cfg(feature = "review")]
        Category::Syntax => ParseKind::of_message(&message),
        // The statistics form's own wasm module leaves the class to the full module, which words
        // the error (`parseErrorText` classes the message as this would): its download is
        // budgeted, and the table of classes cost some 700 B gzip there.
        #[cfg(not(feature = "review"))]
        Category::Syntax => ParseKind::Syntax,
    };
    ParseError::new(kind, e.line(), e.column(), message)
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

    /// serde_json's errors by their category and class: the end of the text, the misplaced
    /// comma, the unquoted key…
    #[test]
    fn kinds_of_json_errors() {
        use super::ParseKind as K;
        let cases = [
            ("{\"a\": 1", K::Eof),
            ("[1, 2", K::Eof),
            ("\"abc", K::Eof),
            ("", K::Eof),
            ("{\"a\": 1,}", K::TrailingComma),
            ("[1,]", K::TrailingComma),
            ("{} x", K::Trailing),
            ("{\"a\": }", K::Value),
            ("{\"a\": tru}", K::Value),
            ("{1: 2}", K::Key),
            ("{\"a\" 1}", K::Colon),
            ("[1 2]", K::Comma),
            ("{\"a\": 1 \"b\": 2}", K::Comma),
            ("\"\\q\"", K::Escape),
            ("\"\\ud800\"", K::Escape),
            ("\"a\u{1}b\"", K::Control),
            ("1E999", K::Number),
            ("-x", K::Number),
        ];
        for (text, kind) in cases {
            let e = super::parse(text).unwrap_err();
            assert_eq!(e.kind, kind, "{text:?}: {}", e.message);
        }
        let deep = "[".repeat(200);
        assert_eq!(super::parse(&deep).unwrap_err().kind, K::Depth);
        // A value of the wrong type for a typed reader: serde_json's `Category::Data`.
        let e = super::with_deserializer("\"x\"", |d| <u8 as serde::Deserialize>::deserialize(d)).unwrap_err();
        assert_eq!(e.kind, K::Data, "{}", e.message);
    }

    #[test]
    fn names_line_and_column() {
        let e = super::parse("{\n  \"unit\": \"x\",\n  \"batch\": ,\n}").unwrap_err();
        assert_eq!((e.line, e.column), (3, 12));
        assert!(super::parse("\u{feff}{}").is_ok());
    }
}
