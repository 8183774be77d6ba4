//! Reading JSON text. The only true failure of the core: text that is not JSON at all. The
//! error says where (line and column, 1-based), so a clerk can find the broken spot.

use std::fmt;

use serde_json::Value;

/// A document that cannot be read: where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line; 0 when unknown.
    pub line: usize,
    /// 1-based column (characters); 0 when unknown.
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "line {}, column {}: {}", self.line, self.column, self.message)
        } else {
            f.write_str(&self.message)
        }
    }
}

impl std::error::Error for ParseError {}

/// Largest document accepted (SPEC §7: files ≤ 64 MiB), [`crate::core::limits`].
pub use crate::core::limits::MAX_BYTES;

/// Parses JSON text (a leading BOM is tolerated, as Windows editors write one).
pub fn parse(text: &str) -> Result<Value, ParseError> {
    if text.len() > MAX_BYTES {
        return Err(ParseError {
            line: 0,
            column: 0,
            message: format!("file too large: {} bytes (at most {MAX_BYTES})", text.len()),
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| ParseError {
        line: e.line(),
        column: e.column(),
        message: e.to_string().split(" at line ").next().unwrap_or_default().to_string(),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_line_and_column() {
        let e = super::parse("{\n  \"unit\": \"x\",\n  \"batch\": ,\n}").unwrap_err();
        assert_eq!((e.line, e.column), (3, 12));
        assert!(super::parse("\u{feff}{}").is_ok());
    }
}
