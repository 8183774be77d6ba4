//! Reading fields of the roster and entries documents without ever failing: values borrow from
//! the JSON, anything unusable becomes `None` plus an issue.

use std::borrow::Cow;

use serde_json::{Map, Value};

use crate::core::normalize;

/// The limits of SPEC §7: one place, [`crate::core::limits`].
pub use crate::core::limits::{MAX_ITEMS, MAX_NAME, MAX_TEXT};

/// The readers the statistics table shares: one place, [`crate::core::fields`].
pub use crate::core::fields::{text, unknown_fields, unknown_keys};

/// An empty object, for a record that is not one (its fields then read as missing).
pub fn empty_map() -> &'static Map<String, Value> {
    static EMPTY: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
    EMPTY.get_or_init(Map::new)
}

/// An id: a non-blank string, or an integer (spreadsheets turn `7` into a number).
pub fn id<'a>(obj: &'a Map<String, Value>, key: &str) -> Option<Cow<'a, str>> {
    match obj.get(key)? {
        Value::String(s) => {
            let t = normalize::trim(s);
            (!t.is_empty()).then_some(Cow::Borrowed(t))
        }
        Value::Number(n) if n.is_u64() || n.is_i64() => Some(Cow::Owned(n.to_string())),
        _ => None,
    }
}

/// The value as shown in a `raw` param.
pub fn raw(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => {
            let s = other.to_string();
            // Keep params small: a huge object pasted by mistake is not echoed whole.
            if s.len() > 200 {
                let cut: String = s.chars().take(200).collect();
                format!("{cut}…")
            } else {
                s
            }
        }
    }
}
