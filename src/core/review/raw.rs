//! One organisation, member or entry as written, field by field: each known field's value in its
//! slot (a scalar as it is, an object or an array only where the format has one), the unknown
//! keys in order of first sight. Two front ends fill it — [`Item::of_map`] from a
//! `serde_json::Value` (documents handed over as objects), and `stream.rs` straight from a
//! deserializer (texts and byte streams, no `Value`) — and one reader per type turns it into the
//! typed data and its issues (`roster::read_org`, `roster::read_member`, `entries::read_entry`).

use serde_json::{Map, Number, Value};

/// A field's value as written. Strings borrow from where the item's strings live (the `Value`,
/// or the reader's arena).
#[derive(Debug, Clone, PartialEq)]
pub enum Raw<'s> {
    Null,
    Bool(bool),
    Num(Number),
    Str(&'s str),
    /// An array where the format has one (`focus`, `combined_with`): its items, each a scalar
    /// or [`Raw::Other`].
    List(Vec<Raw<'s>>),
    /// An object where the format has one (`reviewer`, `target`): its fields are in the item's
    /// slot for it.
    Object,
    /// An object or an array where the format has a scalar: kept only to be shown.
    Other(Box<Value>),
}

impl<'s> Raw<'s> {
    /// A value in a scalar's place.
    pub fn of(v: &'s Value) -> Raw<'s> {
        match v {
            Value::Null => Raw::Null,
            Value::Bool(b) => Raw::Bool(*b),
            Value::Number(n) => Raw::Num(n.clone()),
            Value::String(s) => Raw::Str(s),
            other => Raw::Other(Box::new(other.clone())),
        }
    }
    pub fn as_str(&self) -> Option<&'s str> {
        match self {
            Raw::Str(s) => Some(s),
            _ => None,
        }
    }
    fn to_value(&self) -> Value {
        match self {
            Raw::Null | Raw::Object => Value::Null,
            Raw::Bool(b) => Value::Bool(*b),
            Raw::Num(n) => Value::Number(n.clone()),
            Raw::Str(s) => Value::from(*s),
            Raw::List(items) => Value::Array(items.iter().map(Raw::to_value).collect()),
            Raw::Other(v) => (**v).clone(),
        }
    }
}

/// The value as shown in a `raw` param: a string as it is, anything else as JSON, cut at 200
/// characters (a huge object pasted by mistake is not echoed whole).
pub fn shown(v: Option<&Raw<'_>>) -> String {
    let s = match v {
        None | Some(Raw::Null) => return String::new(),
        Some(Raw::Str(s)) => return s.to_string(),
        Some(Raw::Other(v)) => v.to_string(),
        Some(other) => other.to_value().to_string(),
    };
    if s.len() > 200 {
        let cut: String = s.chars().take(200).collect();
        format!("{cut}…")
    } else {
        s
    }
}

/// The known fields of an object (`N` of them, in the order of the format's field list) and its
/// unknown keys.
#[derive(Debug, Clone)]
pub struct Item<'s, const N: usize> {
    pub vals: [Option<Raw<'s>>; N],
    pub unknown: Vec<&'s str>,
}

impl<const N: usize> Default for Item<'_, N> {
    fn default() -> Self {
        Item { vals: [const { None }; N], unknown: Vec::new() }
    }
}

impl<'s, const N: usize> Item<'s, N> {
    /// The value of the known field at position `j` of the field list.
    pub fn get(&self, j: usize) -> Option<&Raw<'s>> {
        self.vals.get(j)?.as_ref()
    }
    /// An object's fields, every value in a scalar's place (`known`: the field list).
    pub fn of_map(obj: &'s Map<String, Value>, known: &[&str; N]) -> Self {
        let mut it = Item::default();
        for (k, v) in obj {
            match known.iter().position(|f| f == k) {
                Some(j) => it.vals[j] = Some(Raw::of(v)),
                None => it.unknown.push(k.as_str()),
            }
        }
        it
    }
}

/// How a known field's value is read: the format's arrays and objects are read into their
/// items; anything else in their place, and objects and arrays in a scalar's place, are kept
/// only to be shown ([`Raw::Other`]). The one-pass reader stores a string by its shape; the
/// values are the same whatever the shape.
#[derive(Clone, Copy, Debug)]
pub enum Shape {
    /// Interned (ids and names repeat across entries).
    Scalar,
    /// Copied as it is (an entry's own id, its texts: they do not repeat).
    Text,
    /// Usually one of these words, which is then not stored at all.
    Word(&'static [&'static str]),
    /// An array of such words.
    List(&'static [&'static str]),
    /// An object with these fields, read by this shape into the item's slot of this number.
    Object(&'static [&'static str; 4], usize, fn(usize) -> Shape),
}
