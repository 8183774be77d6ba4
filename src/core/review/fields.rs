//! Reading fields of the roster and entries documents without ever failing: values borrow from
//! the JSON, anything unusable becomes `None` plus an issue.

use std::borrow::Cow;


use super::raw::Raw;

use crate::core::issue::{escape_token, Issue};
use crate::core::normalize;

/// The limits of SPEC §7: one place, [`crate::core::limits`].
pub use crate::core::limits::{MAX_ITEMS, MAX_NAME, MAX_TEXT};

/// The readers the statistics table shares: one place, [`crate::core::fields`].
pub use crate::core::fields::{unknown_fields, unknown_keys};

/// A trimmed, non-blank string field; `None` when absent, blank or not a string. Past `max`
/// characters, X001 (the text is still used: it is the clerk's).
pub fn text<'s>(v: Option<&Raw<'s>>, label: &str, path: impl FnOnce() -> String, max: usize, issues: &mut Vec<Issue>) -> Option<&'s str> {
    crate::core::fields::text_value(v?.as_str()?, label, path, max, issues)
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
