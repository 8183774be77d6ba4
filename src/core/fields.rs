//! Reading the fields of a JSON object without ever failing, for every document (the statistics
//! table's header fields and report, the roster, the entries): unknown keys become T008 with the
//! nearest known name, texts are trimmed and measured (X001). One copy: the statistics table's
//! reader and the review's (`review::fields`) call these.

use std::borrow::Cow;

use serde_json::{Map, Value};

use crate::core::issue::{escape_token, Issue};
use crate::core::normalize;
use crate::core::stats::model::unknown_key;

/// Reports unknown keys of `obj` (T008, with the nearest known name) at `base`.
pub fn unknown_fields(obj: &Map<String, Value>, base: &str, known: &[&str], issues: &mut Vec<Issue>) {
    for k in obj.keys() {
        if !known.contains(&k.as_str()) {
            issues.push(unknown_key(format!("{base}/{}", escape_token(k)), k, known.iter().copied()));
        }
    }
}

/// [`unknown_fields`] of keys given in order (each once).
pub fn unknown_keys<'k>(keys: impl IntoIterator<Item = &'k str>, base: &str, known: &[&str], issues: &mut Vec<Issue>) {
    for k in keys {
        if !known.contains(&k) {
            issues.push(unknown_key(format!("{base}/{}", escape_token(k)), k, known.iter().copied()));
        }
    }
}

/// A trimmed, non-blank string field; `None` when absent, blank or not a string. Past `max`
/// characters, X001 (the text is still used: it is the clerk's).
pub fn text<'a>(
    obj: &'a Map<String, Value>,
    key: &str,
    label: &str,
    path: impl FnOnce() -> String,
    max: usize,
    issues: &mut Vec<Issue>,
) -> Option<Cow<'a, str>> {
    text_value(obj.get(key)?.as_str()?, label, path, max, issues).map(Cow::Borrowed)
}

/// [`text`] of a string in hand: trimmed, `None` when blank, X001 (naming `label`) past `max`.
pub fn text_value<'a>(s: &'a str, label: &str, path: impl FnOnce() -> String, max: usize, issues: &mut Vec<Issue>) -> Option<&'a str> {
    let t = normalize::trim(s);
    if t.is_empty() {
        return None;
    }
    // Byte length bounds the char count from above: most texts skip the count.
    if t.len() > max {
        let len = t.chars().count();
        if len > max {
            issues.push(Issue::new("X001", path()).param("field", label).param("length", len).param("max", max));
        }
    }
    Some(t)
}
