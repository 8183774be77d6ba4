//! One-pass readers of the roster and the entries from JSON text or a byte stream: no `Value`
//! tree, neither of the document nor of an item. The top level is read key by key; each
//! organisation, member or entry straight into its fields' slots ([`Item`]: a key is matched to
//! its field without a copy, a scalar kept as it is, only an object or array where a scalar
//! belongs is built as a `Value`, to be shown), then read by the same field readers as
//! [`roster::read`] and [`entries::read`]. Strings go into the caller's [`Strings`] arena (ids,
//! names and tags once each: a reviewer's id and name repeat in thousands of entries), so memory
//! is the typed data and the texts' bytes. The issues are the same, with the same paths and in
//! the same order, as reading the whole `Value` (tests/review_reading.rs compares both on the
//! samples and on random documents) — except that a key given twice in one object, which a
//! `Value` cannot show, is T015 here and its first value is kept (SPEC §5.1).
//!
//! [`roster::read`]: super::roster::read
//! [`entries::read`]: super::entries::read

use std::fmt;

use serde::de::value::SeqAccessDeserializer;
use crate::core::json::Skip;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::{Number, Value};

use super::entries::{self, Entries, Entry, EntryItem};
use super::fields::{self, MAX_ITEMS};
use super::raw::{Item, Raw, Shape};
use super::roster::{self, Member, Org, Roster};
use crate::core::issue::{Capped, Issue};
use crate::core::json::{self, ParseError};

/// Where the strings of what these readers return live: one arena for a roster or entries.
pub type Strings = bumpalo::Bump;

/// Copies strings into the arena, those up to [`fields::MAX_NAME`] bytes (ids, names, tags) once;
/// and how many issues of a code a list keeps (`cap`).
pub(super) struct Interner<'a> {
    arena: &'a Strings,
    short: rustc_hash::FxHashSet<&'a str>,
    cap: usize,
}

impl<'a> Interner<'a> {
    pub(super) fn new(arena: &'a Strings, cap: usize) -> Self {
        Interner { arena, short: Default::default(), cap }
    }
    /// `s` as it is, into the arena.
    fn copy(&mut self, s: &str) -> &'a str {
        self.arena.alloc_str(s)
    }
    /// `s` stored once.
    fn put(&mut self, s: &str) -> &'a str {
        if s.len() > fields::MAX_NAME {
            return self.arena.alloc_str(s);
        }
        if let Some(&k) = self.short.get(s) {
            return k;
        }
        let k: &'a str = self.arena.alloc_str(s);
        self.short.insert(k);
        k
    }
}

/// What a capped read gives besides the data: the issues kept, in document order, and per code
/// how many more were raised but not kept (for the X005 summaries,
/// [`crate::core::issue::cap_floods_with`]).
#[derive(Debug, Default)]
pub struct Read {
    pub issues: Vec<Issue>,
    pub dropped: Vec<(&'static str, usize)>,
}

/// Reads a roster from JSON text (BOM tolerated, at most [`json::MAX_BYTES`]).
pub fn roster_text<'a>(text: &str, strings: &'a Strings) -> Result<(Roster<'a>, Vec<Issue>), ParseError> {
    json::with_deserializer(text, |d| read_roster(d, strings))
}

/// Reads an entries document from JSON text (BOM tolerated, at most [`json::MAX_BYTES`]).
pub fn entries_text<'a>(text: &str, strings: &'a Strings) -> Result<(Entries<'a>, Vec<Issue>), ParseError> {
    json::with_deserializer(text, |d| read_entries(d, strings))
}

/// The issue for a list field given as something else (`raw`: the value as written).
fn not_a_list(code: &'static str, field: &'static str, raw: String) -> Issue {
    Issue::new(code, format!("/{field}")).param("field", field).param("raw", raw)
}

/// Reads a roster from a deserializer (a text, or a stream: `serde_json::Deserializer::from_reader`).
pub fn read_roster<'de, 'a, D: Deserializer<'de>>(d: D, strings: &'a Strings) -> Result<(Roster<'a>, Vec<Issue>), D::Error> {
    read_roster_capped(d, strings, usize::MAX).map(|(r, read)| (r, read.issues))
}

/// [`read_roster`], each list keeping at most `cap` issues of a code as they are raised.
pub fn read_roster_capped<'de, 'a, D: Deserializer<'de>>(d: D, strings: &'a Strings, cap: usize) -> Result<(Roster<'a>, Read), D::Error> {
    let mut put = Interner::new(strings, cap);
    let top = d.deserialize_any(TopVisitor::<RosterLists<'a>>(&mut put, Default::default()))?;
    Ok(roster_of(top))
}

/// The roster of a top level read (by serde or by [`super::split`]).
pub(super) fn roster_of<'a>(top: Top<'a, RosterLists<'a>>) -> (Roster<'a>, Read) {
    let mut read = Read::default();
    let lists = top.finish(roster::FORMAT, &mut read.issues);
    let mut r = Roster::default();
    if let Some(l) = lists {
        r.orgs = l.orgs.finish("orgs", |raw| not_a_list("O007", "orgs", raw), &mut read);
        r.members = l.members.finish("members", |raw| not_a_list("O007", "members", raw), &mut read);
    }
    (r, read)
}

/// Reads an entries document from a deserializer.
pub fn read_entries<'de, 'a, D: Deserializer<'de>>(d: D, strings: &'a Strings) -> Result<(Entries<'a>, Vec<Issue>), D::Error> {
    read_entries_capped(d, strings, usize::MAX).map(|(e, read)| (e, read.issues))
}

/// [`read_entries`], keeping at most `cap` issues of a code as they are raised: a million empty
/// entries raise millions of issues, which must not all be held (SPEC §7).
pub fn read_entries_capped<'de, 'a, D: Deserializer<'de>>(d: D, strings: &'a Strings, cap: usize) -> Result<(Entries<'a>, Read), D::Error> {
    let mut put = Interner::new(strings, cap);
    let top = d.deserialize_any(TopVisitor::<EntryLists<'a>>(&mut put, Default::default()))?;
    Ok(entries_of(top))
}

/// The entries of a top level read (by serde or by [`super::split`]).
pub(super) fn entries_of<'a>(top: Top<'a, EntryLists<'a>>) -> (Entries<'a>, Read) {
    let mut read = Read::default();
    let lists = top.finish(entries::FORMAT, &mut read.issues);
    let mut out = Entries::default();
    if let Some(l) = lists {
        out.entries = l.entries.finish("entries", |raw| not_a_list("E017", "entries", raw), &mut read);
    }
    (out, read)
}

/// The lists of a document type, filled key by key.
pub(super) trait Lists<'a>: Default {
    const FIELDS: &'static [&'static str];
    /// Reads the value of `key` when it is one of the lists; `false` when it is not.
    fn take<T: TopAccess<'a>>(&mut self, key: &str, top: &mut T, put: &mut Interner<'a>) -> Result<bool, T::Error>;
}

/// Where the top level's keys and values come from: serde's `MapAccess` (a text, a byte stream)
/// or [`super::split`] (a large file, its lists item by item).
pub(super) trait TopAccess<'a> {
    type Error;
    /// The next key, interned; `None` past the last.
    fn key(&mut self, put: &mut Interner<'a>) -> Result<Option<&'a str>, Self::Error>;
    /// Reads and drops the value (checked as [`Skip`] does).
    fn skip(&mut self) -> Result<(), Self::Error>;
    /// The value, a scalar (`format`).
    fn scalar(&mut self, put: &mut Interner<'a>, issues: &mut Vec<Issue>) -> Result<Raw<'a>, Self::Error>;
    /// The value, a list of items read by `I`.
    fn list<I: Items<'a>>(&mut self, put: &mut Interner<'a>) -> Result<List<'a, I::Item>, Self::Error>;
}

/// A list's items, from serde's `SeqAccess` or from [`super::split`].
pub(super) trait ItemAccess<'a> {
    type Error;
    /// The next item, read by `seed`; `None` past the last.
    fn item<I: Items<'a>>(&mut self, seed: ItemSeed<'_, 'a, I>) -> Result<Option<I::Item>, Self::Error>;
    /// Reads and drops the next item; `false` past the last.
    fn skip(&mut self) -> Result<bool, Self::Error>;
}

/// serde's access to an object or an array, as a [`TopAccess`] or an [`ItemAccess`].
struct Serde<'de, A>(A, std::marker::PhantomData<&'de ()>);

impl<'de, 'a, A: MapAccess<'de>> TopAccess<'a> for Serde<'de, A> {
    type Error = A::Error;
    fn key(&mut self, put: &mut Interner<'a>) -> Result<Option<&'a str>, A::Error> {
        self.0.next_key_seed(KeySeed(put))
    }
    fn skip(&mut self) -> Result<(), A::Error> {
        self.0.next_value::<Skip>().map(drop)
    }
    fn scalar(&mut self, put: &mut Interner<'a>, issues: &mut Vec<Issue>) -> Result<Raw<'a>, A::Error> {
        self.0.next_value_seed(ValueSeed { shape: Shape::Scalar, put, base: &String::new, issues }).map(|v| v.0)
    }
    fn list<I: Items<'a>>(&mut self, put: &mut Interner<'a>) -> Result<List<'a, I::Item>, A::Error> {
        self.0.next_value_seed(ListSeed::<I>(put, Default::default()))
    }
}

impl<'de, 'a, A: SeqAccess<'de>> ItemAccess<'a> for Serde<'de, A> {
    type Error = A::Error;
    fn item<I: Items<'a>>(&mut self, seed: ItemSeed<'_, 'a, I>) -> Result<Option<I::Item>, A::Error> {
        self.0.next_element_seed(seed)
    }
    fn skip(&mut self) -> Result<bool, A::Error> {
        self.0.next_element::<Skip>().map(|v| v.is_some())
    }
}

#[derive(Default)]
pub(super) struct RosterLists<'a> {
    orgs: List<'a, Org<'a>>,
    members: List<'a, Member<'a>>,
}

impl<'a> Lists<'a> for RosterLists<'a> {
    const FIELDS: &'static [&'static str] = roster::TOP_FIELDS;
    fn take<T: TopAccess<'a>>(&mut self, key: &str, top: &mut T, put: &mut Interner<'a>) -> Result<bool, T::Error> {
        match key {
            "orgs" => self.orgs = top.list::<OrgItems>(put)?,
            "members" => self.members = top.list::<MemberItems>(put)?,
            _ => return Ok(false),
        }
        Ok(true)
    }
}

#[derive(Default)]
pub(super) struct EntryLists<'a> {
    entries: List<'a, Entry<'a>>,
}

impl<'a> Lists<'a> for EntryLists<'a> {
    const FIELDS: &'static [&'static str] = entries::TOP_FIELDS;
    fn take<T: TopAccess<'a>>(&mut self, key: &str, top: &mut T, put: &mut Interner<'a>) -> Result<bool, T::Error> {
        if key != "entries" {
            return Ok(false);
        }
        self.entries = top.list::<EntryItems>(put)?;
        Ok(true)
    }
}

/// A list field as read: absent or null, an array (its items read, its issues, its length), or
/// another value.
#[derive(Default)]
pub(super) enum List<'a, T> {
    #[default]
    None,
    Items(Vec<T>, Capped, usize),
    Other(Raw<'a>),
}

impl<T> List<'_, T> {
    /// The items, with X002 (past [`MAX_ITEMS`]) and the items' issues, or `other` for a value
    /// that is not an array.
    fn finish(self, name: &str, other: impl FnOnce(String) -> Issue, read: &mut Read) -> Vec<T> {
        match self {
            List::None => Vec::new(),
            List::Other(v) => {
                read.issues.push(other(fields::raw(Some(&v))));
                Vec::new()
            }
            List::Items(items, more, count) => {
                if count > MAX_ITEMS {
                    read.issues.push(Issue::new("X002", format!("/{name}")).param("count", count).param("max", MAX_ITEMS));
                }
                for (code, n) in more.dropped() {
                    match read.dropped.iter_mut().find(|d| d.0 == code) {
                        Some(d) => d.1 += n,
                        None => read.dropped.push((code, n)),
                    }
                }
                read.issues.extend(more.out);
                items
            }
        }
    }
}

/// The top level: `format`, the lists, the unknown keys (each once, in order of first sight) and
/// the keys given twice (T015).
pub(super) enum Top<'a, L> {
    Object { format: Option<Raw<'a>>, unknown: Vec<&'a str>, twice: Vec<Issue>, lists: L },
    Other(Raw<'a>),
}

impl<'a, L: Lists<'a>> Top<'a, L> {
    /// T009 and T008 as [`roster::read`] raises them, then T015; the lists when the document is
    /// an object.
    fn finish(self, expected: &str, issues: &mut Vec<Issue>) -> Option<L> {
        match self {
            Top::Other(v) => {
                issues.push(Issue::new("T009", "").param("value", fields::raw(Some(&v))).param("expected", expected));
                None
            }
            Top::Object { format, unknown, twice, lists } => {
                if format.as_ref().and_then(Raw::as_str) != Some(expected) {
                    issues.push(Issue::new("T009", "/format").param("value", fields::raw(format.as_ref())).param("expected", expected));
                }
                fields::unknown_keys(unknown, "", L::FIELDS, issues);
                issues.extend(twice);
                Some(lists)
            }
        }
    }
}

/// An object or array where a scalar belongs, as a `Value` (only to be shown: the rare path).
fn other_seq<'de, 'a, A: SeqAccess<'de>>(seq: A) -> Result<Raw<'a>, A::Error> {
    FirstWins.visit_seq(seq).map(|v| Raw::Other(Box::new(v)))
}

fn other_map<'de, 'a, A: MapAccess<'de>>(map: A) -> Result<Raw<'a>, A::Error> {
    FirstWins.visit_map(map).map(|v| Raw::Other(Box::new(v)))
}

/// Any value as a `Value`, an object's first value of a key kept (as everywhere else here).
struct FirstWins;

impl<'de> DeserializeSeed<'de> for FirstWins {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for FirstWins {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(v) = seq.next_element_seed(FirstWins)? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = serde_json::Map::new();
        while let Some(k) = map.next_key::<String>()? {
            if out.contains_key(&k) {
                map.next_value::<Skip>()?;
            } else {
                let v = map.next_value_seed(FirstWins)?;
                out.insert(k, v);
            }
        }
        Ok(Value::Object(out))
    }
}

/// Scalars as [`Raw`] (strings into the arena).
macro_rules! scalars_as_raw {
    ($out:expr) => {
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            Ok($out(Raw::Bool(v)))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok($out(Raw::Num(v.into())))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok($out(Raw::Num(v.into())))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            // As `Value::from(f64)`: what is not finite is null.
            Ok($out(Number::from_f64(v).map_or(Raw::Null, Raw::Num)))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok($out(Raw::Str(self.0.put(v))))
        }
    };
}

struct TopVisitor<'p, 'a, L>(&'p mut Interner<'a>, std::marker::PhantomData<L>);

impl<'de, 'a, L: Lists<'a>> Visitor<'de> for TopVisitor<'_, 'a, L> {
    type Value = Top<'a, L>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON document")
    }
    scalars_as_raw!(Top::Other);
    fn visit_unit<E: de::Error>(self) -> Result<Top<'a, L>, E> {
        Ok(Top::Other(Raw::Null))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Top<'a, L>, A::Error> {
        other_seq(seq).map(Top::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Top<'a, L>, A::Error> {
        top_object(&mut Serde(map, Default::default()), self.0)
    }
}

/// The top level, an object: its keys and values in order.
pub(super) fn top_object<'a, L: Lists<'a>, T: TopAccess<'a>>(top: &mut T, put: &mut Interner<'a>) -> Result<Top<'a, L>, T::Error> {
    let (mut format, mut lists) = (None, L::default());
    let (mut keys, mut twice) = (Keys::default(), Vec::new());
    while let Some(key) = top.key(put)? {
        if !keys.first(key) {
            top.skip()?;
            twice.push(fields::twice("", key));
        } else if key == "format" {
            format = Some(top.scalar(put, &mut twice)?);
        } else if !lists.take(key, top, put)? {
            top.skip()?;
        }
    }
    let unknown = keys.seen.into_iter().filter(|k| !L::FIELDS.contains(k)).collect();
    Ok(Top::Object { format, unknown, twice, lists })
}

/// The keys of one object seen so far, in order: a key given twice is found in a list while
/// there are few, in a hash set past that (an object of 100 000 keys is not quadratic).
#[derive(Default)]
struct Keys<'a> {
    seen: Vec<&'a str>,
    set: rustc_hash::FxHashSet<&'a str>,
}

impl<'a> Keys<'a> {
    /// `true` the first time `key` is seen.
    fn first(&mut self, key: &'a str) -> bool {
        const FEW: usize = 16;
        let new = if self.seen.len() < FEW { !self.seen.contains(&key) } else { self.set.insert(key) };
        if new {
            self.seen.push(key);
            if self.seen.len() == FEW {
                self.set.extend(self.seen.iter().copied());
            }
        }
        new
    }
}

/// A key, into the arena (keys repeat: interned once).
pub(super) struct KeySeed<'p, 'a>(pub(super) &'p mut Interner<'a>);

impl<'de, 'a> DeserializeSeed<'de> for KeySeed<'_, 'a> {
    type Value = &'a str;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<&'a str, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de, 'a> Visitor<'de> for KeySeed<'_, 'a> {
    type Value = &'a str;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<&'a str, E> {
        Ok(self.0.put(v))
    }
}

/// The known field a key names (its position in `known`), matched without a copy.
struct FieldSeed<'p, 'a> {
    known: &'static [&'static str],
    put: &'p mut Interner<'a>,
}

enum Key<'a> {
    Known(usize),
    Unknown(&'a str),
}

impl<'de, 'a> DeserializeSeed<'de> for FieldSeed<'_, 'a> {
    type Value = Key<'a>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Key<'a>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de, 'a> Visitor<'de> for FieldSeed<'_, 'a> {
    type Value = Key<'a>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'a>, E> {
        // The first byte first: most keys differ there, without a call to compare.
        let first = v.as_bytes().first();
        Ok(match self.known.iter().position(|k| k.as_bytes().first() == first && *k == v) {
            Some(j) => Key::Known(j),
            None => Key::Unknown(self.put.put(v)),
        })
    }
}

/// Reads an object's fields into an [`Item`] (`known`: its field list, `shape`: how each is
/// read; objects go into `slots`); a key given twice is T015 at `base()` + the key, its first
/// value kept.
#[allow(clippy::too_many_arguments)]
fn read_item<'de, 'a, A: MapAccess<'de>, const N: usize>(
    map: &mut A,
    known: &'static [&'static str; N],
    shape: fn(usize) -> Shape,
    put: &mut Interner<'a>,
    base: &dyn Fn() -> String,
    issues: &mut Vec<Issue>,
    slots: &mut [Option<Item<'a, 4>>],
) -> Result<Item<'a, N>, A::Error> {
    let mut it = Item::<N>::default();
    let mut unknown = Keys::default();
    while let Some(key) = map.next_key_seed(FieldSeed { known, put: &mut *put })? {
        match key {
            Key::Known(j) if it.vals[j].is_some() => {
                map.next_value::<Skip>()?;
                issues.push(fields::twice(&base(), known[j]));
            }
            Key::Known(j) => {
                let sub = || format!("{}/{}", base(), known[j]);
                let (v, obj) = map.next_value_seed(ValueSeed { shape: shape(j), put: &mut *put, base: &sub, issues: &mut *issues })?;
                if let (Shape::Object(_, k, _), Some(obj)) = (shape(j), obj) {
                    if let Some(slot) = slots.get_mut(k) {
                        *slot = Some(obj);
                    }
                }
                it.vals[j] = Some(v);
            }
            Key::Unknown(k) => {
                map.next_value::<Skip>()?;
                if !unknown.first(k) {
                    issues.push(fields::twice(&base(), k));
                }
            }
        }
    }
    it.unknown = unknown.seen;
    Ok(it)
}

/// A field's value, read as its [`Shape`] says: the value, and the fields of an object where the
/// format has one.
pub(super) struct ValueSeed<'p, 'a> {
    pub(super) shape: Shape,
    pub(super) put: &'p mut Interner<'a>,
    pub(super) base: &'p dyn Fn() -> String,
    pub(super) issues: &'p mut Vec<Issue>,
}

fn plain<'a>(v: Raw<'a>) -> (Raw<'a>, Option<Item<'a, 4>>) {
    (v, None)
}

impl<'de, 'a> DeserializeSeed<'de> for ValueSeed<'_, 'a> {
    type Value = (Raw<'a>, Option<Item<'a, 4>>);
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, 'a> Visitor<'de> for ValueSeed<'_, 'a> {
    type Value = (Raw<'a>, Option<Item<'a, 4>>);
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(plain(Raw::Bool(v)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(plain(Raw::Num(v.into())))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(plain(Raw::Num(v.into())))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        // As `Value::from(f64)`: what is not finite is null.
        Ok(plain(Number::from_f64(v).map_or(Raw::Null, Raw::Num)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        let s = match self.shape {
            Shape::Text => self.put.copy(v),
            Shape::Word(words) => match words.iter().find(|w| **w == v) {
                Some(w) => w,
                None => self.put.put(v),
            },
            _ => self.put.put(v),
        };
        Ok(plain(Raw::Str(s)))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(plain(Raw::Null))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let Shape::List(words) = self.shape else { return other_seq(seq).map(plain) };
        let mut items = Vec::new();
        while let Some((v, _)) =
            seq.next_element_seed(ValueSeed { shape: Shape::Word(words), put: &mut *self.put, base: self.base, issues: &mut *self.issues })?
        {
            items.push(v);
        }
        Ok(plain(Raw::List(items)))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let Shape::Object(known, _, shape) = self.shape else { return other_map(map).map(plain) };
        let it = read_item(&mut map, known, shape, self.put, self.base, self.issues, &mut [])?;
        Ok((Raw::Object, Some(it)))
    }
}

/// How the items of one list are read.
pub(super) trait Items<'a>: Default {
    type Item;
    /// Item `i`, an object.
    fn object<'de, A: MapAccess<'de>>(map: &mut A, i: usize, put: &mut Interner<'a>, issues: &mut Vec<Issue>) -> Result<Self::Item, A::Error>;
    /// Item `i`, something else.
    fn other(i: usize, issues: &mut Vec<Issue>) -> Self::Item;
}

#[derive(Default)]
pub(super) struct OrgItems;
#[derive(Default)]
pub(super) struct MemberItems;
#[derive(Default)]
pub(super) struct EntryItems;

impl<'a> Items<'a> for OrgItems {
    type Item = Org<'a>;
    fn object<'de, A: MapAccess<'de>>(map: &mut A, i: usize, put: &mut Interner<'a>, issues: &mut Vec<Issue>) -> Result<Org<'a>, A::Error> {
        let it = read_item(map, &roster::ORG_FIELDS, roster::org_shape, put, &|| format!("/orgs/{i}"), issues, &mut [])?;
        Ok(roster::read_org(Some(&it), i, issues))
    }
    fn other(i: usize, issues: &mut Vec<Issue>) -> Org<'a> {
        roster::read_org(None, i, issues)
    }
}

impl<'a> Items<'a> for MemberItems {
    type Item = Member<'a>;
    fn object<'de, A: MapAccess<'de>>(map: &mut A, i: usize, put: &mut Interner<'a>, issues: &mut Vec<Issue>) -> Result<Member<'a>, A::Error> {
        let it = read_item(map, &roster::MEMBER_FIELDS, |_| Shape::Scalar, put, &|| format!("/members/{i}"), issues, &mut [])?;
        Ok(roster::read_member(&it, i, issues))
    }
    fn other(i: usize, issues: &mut Vec<Issue>) -> Member<'a> {
        roster::read_member(&Item::default(), i, issues)
    }
}

impl<'a> Items<'a> for EntryItems {
    type Item = Entry<'a>;
    fn object<'de, A: MapAccess<'de>>(map: &mut A, i: usize, put: &mut Interner<'a>, issues: &mut Vec<Issue>) -> Result<Entry<'a>, A::Error> {
        let mut parties = [None, None];
        let base = || entries::At(i).to_string();
        let fields = read_item(map, &entries::ENTRY_FIELDS, entries::entry_shape, put, &base, issues, &mut parties)?;
        Ok(entries::read_entry(&EntryItem { fields, parties }, i, issues))
    }
    fn other(i: usize, issues: &mut Vec<Issue>) -> Entry<'a> {
        entries::read_entry(&EntryItem::default(), i, issues)
    }
}

/// One item of a list: an object read by `I`, anything else skipped.
pub(super) struct ItemSeed<'p, 'a, I> {
    i: usize,
    put: &'p mut Interner<'a>,
    issues: &'p mut Vec<Issue>,
    kind: std::marker::PhantomData<I>,
}

impl<'de, 'a, I: Items<'a>> DeserializeSeed<'de> for ItemSeed<'_, 'a, I> {
    type Value = I::Item;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<I::Item, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, 'a, I: Items<'a>> Visitor<'de> for ItemSeed<'_, 'a, I> {
    type Value = I::Item;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an item")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<I::Item, E> {
        Ok(I::other(self.i, self.issues))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<I::Item, E> {
        Ok(I::other(self.i, self.issues))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<I::Item, E> {
        Ok(I::other(self.i, self.issues))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<I::Item, E> {
        Ok(I::other(self.i, self.issues))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<I::Item, E> {
        Ok(I::other(self.i, self.issues))
    }
    fn visit_unit<E: de::Error>(self) -> Result<I::Item, E> {
        Ok(I::other(self.i, self.issues))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<I::Item, A::Error> {
        Skip::deserialize(SeqAccessDeserializer::new(seq))?;
        Ok(I::other(self.i, self.issues))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<I::Item, A::Error> {
        I::object(&mut map, self.i, self.put, self.issues)
    }
}

/// Reads an array item by item with `I`; past [`MAX_ITEMS`] items are only counted.
pub(super) struct ListSeed<'p, 'a, I>(pub(super) &'p mut Interner<'a>, pub(super) std::marker::PhantomData<I>);

impl<'de, 'a, I: Items<'a>> DeserializeSeed<'de> for ListSeed<'_, 'a, I> {
    type Value = List<'a, I::Item>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, 'a, I: Items<'a>> Visitor<'de> for ListSeed<'_, 'a, I> {
    type Value = List<'a, I::Item>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list")
    }
    scalars_as_raw!(List::Other);
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(List::None)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        other_map(map).map(List::Other)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        items::<I, _>(&mut Serde(seq, Default::default()), self.0)
    }
}

/// A list's items, read by `I`; past [`MAX_ITEMS`] only counted.
pub(super) fn items<'a, I: Items<'a>, S: ItemAccess<'a>>(seq: &mut S, put: &mut Interner<'a>) -> Result<List<'a, I::Item>, S::Error> {
    let (mut items, mut kept, mut count) = (Vec::new(), Capped::new(put.cap), 0usize);
    let mut issues = Vec::new();
    loop {
        if count < MAX_ITEMS {
            let seed = ItemSeed::<I> { i: count, put: &mut *put, issues: &mut issues, kind: Default::default() };
            let Some(item) = seq.item(seed)? else { break };
            items.push(item);
            issues.drain(..).for_each(|i| kept.push(i));
        } else if !seq.skip()? {
            break;
        }
        count += 1;
    }
    Ok(List::Items(items, kept, count))
}

/// The `format` of a document from as much of its text as is given (it is usually the first
/// key, so a file's first bytes tell): `None` when it is not there, or not a string. A key given
/// twice: the first.
pub fn format_of(bytes: &[u8]) -> Option<String> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut found = None;
    // Reading stops at `format`: the error for the rest (or for a cut text) is no matter.
    let _ = serde_json::Deserializer::from_slice(bytes).deserialize_any(FormatVisitor(&mut found));
    found
}

struct FormatVisitor<'p>(&'p mut Option<String>);

impl<'de> Visitor<'de> for FormatVisitor<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        // The top level's few keys: a copy each is no matter.
        while let Some(key) = map.next_key::<String>()? {
            if key == "format" {
                *self.0 = map.next_value::<Value>()?.as_str().map(str::to_string);
                return Ok(());
            }
            map.next_value::<Skip>()?;
        }
        Ok(())
    }
}
