//! Reading fields of the roster and entries documents without ever failing: values borrow from
//! the JSON, anything unusable becomes `None` plus an issue.

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::raw::Raw;

use crate::core::issue::{escape_token, Issue};
use crate::core::normalize;
use crate::core::stats::model::nearest;

/// The limits of SPEC §7: one place, [`crate::core::limits`].
pub use crate::core::limits::{MAX_ITEMS, MAX_NAME, MAX_TEXT};

/// Reports unknown keys of `obj` (T008, with the nearest known name) at `base`.
pub fn unknown_fields(obj: &Map<String, Value>, base: &str, known: &[&str], issues: &mut Vec<Issue>) {
    unknown_keys(obj.keys().map(String::as_str), base, known, issues);
}

/// [`unknown_fields`] of keys given in order (each once).
pub fn unknown_keys<'k>(keys: impl IntoIterator<Item = &'k str>, base: &str, known: &[&str], issues: &mut Vec<Issue>) {
    for k in keys {
        if !known.contains(&k) {
            issues.push(
                Issue::new("T008", format!("{base}/{}", escape_token(k)))
                    .param("field", k)
                    .param("suggestion", nearest(k, known.iter().copied())),
            );
        }
    }
}

/// A trimmed, non-blank string field; `None` when absent, blank or not a string. Past `max`
/// characters, X001 (the text is still used: it is the clerk's).
pub fn text<'s>(v: Option<&Raw<'s>>, label: &str, path: impl FnOnce() -> String, max: usize, issues: &mut Vec<Issue>) -> Option<Cow<'s, str>> {
    let t = normalize::trim(v?.as_str()?);
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
    Some(Cow::Borrowed(t))
}

/// An id: a non-blank string, or an integer (spreadsheets turn `7` into a number).
pub fn id<'s>(v: Option<&Raw<'s>>) -> Option<Cow<'s, str>> {
    match v? {
        Raw::Str(s) => {
            let t = normalize::trim(s);
            (!t.is_empty()).then_some(Cow::Borrowed(t))
        }
        Raw::Num(n) if n.is_u64() || n.is_i64() => Some(Cow::Owned(n.to_string())),
        _ => None,
    }
}

/// The value as shown in a `raw` param.
pub use super::raw::shown as raw;

/// T015: a key given twice in one object (the first is kept): at `base` + the key.
pub fn twice(base: &str, key: &str) -> Issue {
    Issue::new("T015", format!("{base}/{}", escape_token(key))).param("key", key)
}
