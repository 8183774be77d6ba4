//! One-pass readers of the roster and the entries from JSON text or a byte stream: no `Value`
//! tree of the whole document. The document's top level is read key by key; each organisation,
//! member or entry is parsed on its own, read by the same field readers as [`roster::read`] and
//! [`entries::read`], its strings copied into the caller's [`Strings`] arena (ids, names and tags
//! once each: a reviewer's id and name repeat in thousands of entries) and its parse dropped, so
//! memory is the typed data, the texts' bytes and one element. The issues are the same, with the same paths and in the same order, as reading the
//! whole `Value` (tests/review_reading.rs compares both on the samples and on random documents).
//!
//! [`roster::read`]: super::roster::read
//! [`entries::read`]: super::entries::read

use std::borrow::Cow;
use std::fmt;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use crate::core::json::Skip;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;

use super::entries::{self, Entries, Entry, Party};
use super::fields::{self, MAX_ITEMS};
use super::roster::{self, Member, Org, Roster};
use crate::core::issue::Issue;
use crate::core::json::{self, ParseError};

/// Where the strings of what these readers return live: one arena for a roster or entries.
pub type Strings = bumpalo::Bump;

/// Copies strings into the arena, those up to [`fields::MAX_NAME`] bytes (ids, names, tags) once.
struct Interner<'a> {
    arena: &'a Strings,
    short: rustc_hash::FxHashSet<&'a str>,
}

impl<'a> Interner<'a> {
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
    let mut put = Interner { arena: strings, short: Default::default() };
    let top = d.deserialize_any(TopVisitor::<RosterLists<'a>>(&mut put, Default::default()))?;
    let mut issues = Vec::new();
    let lists = top.finish(roster::FORMAT, &mut issues);
    let mut r = Roster::default();
    if let Some(l) = lists {
        r.orgs = l.orgs.finish("orgs", |raw| not_a_list("O007", "orgs", raw), &mut issues);
        r.members = l.members.finish("members", |raw| not_a_list("O007", "members", raw), &mut issues);
    }
    Ok((r, issues))
}

/// Reads an entries document from a deserializer.
pub fn read_entries<'de, 'a, D: Deserializer<'de>>(d: D, strings: &'a Strings) -> Result<(Entries<'a>, Vec<Issue>), D::Error> {
    let mut put = Interner { arena: strings, short: Default::default() };
    let top = d.deserialize_any(TopVisitor::<EntryLists<'a>>(&mut put, Default::default()))?;
    let mut issues = Vec::new();
    let lists = top.finish(entries::FORMAT, &mut issues);
    let mut out = Entries::default();
    if let Some(l) = lists {
        out.entries = l.entries.finish("entries", |raw| not_a_list("E017", "entries", raw), &mut issues);
    }
    Ok((out, issues))
}

fn own<'a>(c: Option<Cow<'_, str>>, s: &mut Interner<'a>) -> Option<Cow<'a, str>> {
    c.map(|c| Cow::Borrowed(s.put(&c)))
}

fn own_party<'a>(p: Party<'_>, s: &mut Interner<'a>) -> Party<'a> {
    Party { id: own(p.id, s), name: own(p.name, s), org: own(p.org, s) }
}

fn own_entry<'a>(e: Entry<'_>, s: &mut Interner<'a>) -> Entry<'a> {
    Entry {
        id: own(e.id, s),
        date: e.date,
        reviewer: own_party(e.reviewer, s),
        role: e.role,
        target: own_party(e.target, s),
        kind: e.kind,
        method: e.method,
        grade: e.grade,
        content: e.content.map(|c| own(c, s)),
        focus: e.focus.into_iter().map(|(j, t)| (j, Cow::Borrowed(s.put(&t)))).collect(),
        model: e.model,
        talk: e.talk,
        problems_found: e.problems_found,
        problems_solved: e.problems_solved,
    }
}

fn own_org<'a>(o: Org<'_>, s: &mut Interner<'a>) -> Org<'a> {
    Org {
        id: own(o.id, s),
        name: own(o.name, s),
        kind: o.kind,
        parent: own(o.parent, s),
        unit: own(o.unit, s),
        secretary: own(o.secretary, s),
        new_sector: o.new_sector,
    }
}

fn own_member<'a>(m: Member<'_>, s: &mut Interner<'a>) -> Member<'a> {
    Member { id: own(m.id, s), name: own(m.name, s), org: own(m.org, s), mobile: m.mobile }
}

/// The lists of a document type, filled key by key.
trait Lists<'a>: Default {
    const FIELDS: &'static [&'static str];
    /// Reads the value of `key` when it is one of the lists; `false` when it is not.
    fn take<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A, put: &mut Interner<'a>) -> Result<bool, A::Error>;
}

#[derive(Default)]
struct RosterLists<'a> {
    orgs: List<Org<'a>>,
    members: List<Member<'a>>,
}

impl<'a> Lists<'a> for RosterLists<'a> {
    const FIELDS: &'static [&'static str] = roster::TOP_FIELDS;
    fn take<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A, put: &mut Interner<'a>) -> Result<bool, A::Error> {
        match key {
            "orgs" => self.orgs = map.next_value_seed(ListSeed(put, |v, i, is, s| own_org(roster::read_org(v, i, is), s)))?,
            "members" => self.members = map.next_value_seed(ListSeed(put, |v, i, is, s| own_member(roster::read_member(v, i, is), s)))?,
            _ => return Ok(false),
        }
        Ok(true)
    }
}

#[derive(Default)]
struct EntryLists<'a> {
    entries: List<Entry<'a>>,
}

impl<'a> Lists<'a> for EntryLists<'a> {
    const FIELDS: &'static [&'static str] = entries::TOP_FIELDS;
    fn take<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A, put: &mut Interner<'a>) -> Result<bool, A::Error> {
        if key != "entries" {
            return Ok(false);
        }
        self.entries = map.next_value_seed(ListSeed(put, |v, i, is, s| own_entry(entries::read_entry(v, i, is), s)))?;
        Ok(true)
    }
}

/// A list field as read: absent or null, an array (its items read, its issues, its length), or
/// another value.
#[derive(Default)]
enum List<T> {
    #[default]
    None,
    Items(Vec<T>, Vec<Issue>, usize),
    Other(Value),
}

impl<T> List<T> {
    /// The items, with X002 (past [`MAX_ITEMS`]) and the items' issues, or `other` for a value
    /// that is not an array.
    fn finish(self, name: &str, other: impl FnOnce(String) -> Issue, issues: &mut Vec<Issue>) -> Vec<T> {
        match self {
            List::None => Vec::new(),
            List::Other(v) => {
                issues.push(other(fields::raw(Some(&v))));
                Vec::new()
            }
            List::Items(items, more, count) => {
                if count > MAX_ITEMS {
                    issues.push(Issue::new("X002", format!("/{name}")).param("count", count).param("max", MAX_ITEMS));
                }
                issues.extend(more);
                items
            }
        }
    }
}

/// The top level: `format`, the lists, and the unknown keys (each once, in order of first sight).
enum Top<L> {
    Object { format: Option<Value>, unknown: Vec<String>, lists: L },
    Other(Value),
}

impl<L> Top<L> {
    /// T009 and T008 as [`roster::read`] raises them; the lists when the document is an object.
    fn finish<'a>(self, expected: &str, issues: &mut Vec<Issue>) -> Option<L>
    where
        L: Lists<'a>,
    {
        match self {
            Top::Other(v) => {
                issues.push(Issue::new("T009", "").param("value", fields::raw(Some(&v))).param("expected", expected));
                None
            }
            Top::Object { format, unknown, lists } => {
                if format.as_ref().and_then(Value::as_str) != Some(expected) {
                    issues.push(Issue::new("T009", "/format").param("value", fields::raw(format.as_ref())).param("expected", expected));
                }
                fields::unknown_keys(unknown.iter().map(String::as_str), "", L::FIELDS, issues);
                Some(lists)
            }
        }
    }
}

/// Values other than an object or an array, as a `Value` (the rare path: a document or a list
/// that is not what it should be).
macro_rules! scalars_as_value {
    ($out:expr) => {
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            Ok($out(Value::Bool(v)))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok($out(Value::from(v)))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok($out(Value::from(v)))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            Ok($out(Value::from(v)))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok($out(Value::String(v.to_string())))
        }
    };
}

struct TopVisitor<'p, 'a, L>(&'p mut Interner<'a>, std::marker::PhantomData<L>);

impl<'de, 'a, L: Lists<'a>> Visitor<'de> for TopVisitor<'_, 'a, L> {
    type Value = Top<L>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON document")
    }
    scalars_as_value!(Top::Other);
    fn visit_unit<E: de::Error>(self) -> Result<Top<L>, E> {
        Ok(Top::Other(Value::Null))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Top<L>, A::Error> {
        Value::deserialize(SeqAccessDeserializer::new(seq)).map(Top::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Top<L>, A::Error> {
        let (mut format, mut unknown, mut lists) = (None, Vec::<String>::new(), L::default());
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if key == "format" {
                format = Some(map.next_value::<Value>()?);
            } else if !lists.take(&key, &mut map, self.0)? {
                map.next_value::<Skip>()?;
                if !L::FIELDS.contains(&key.as_ref()) && !unknown.iter().any(|k| *k == key) {
                    unknown.push(key.into_owned());
                }
            }
        }
        Ok(Top::Object { format, unknown, lists })
    }
}

/// Reads an array item by item with `read` (the item, its position, the issues); past
/// [`MAX_ITEMS`] items are only counted.
#[allow(clippy::type_complexity)]
struct ListSeed<'p, 'a, T>(&'p mut Interner<'a>, fn(&Value, usize, &mut Vec<Issue>, &mut Interner<'a>) -> T);

impl<'de, T> DeserializeSeed<'de> for ListSeed<'_, '_, T> {
    type Value = List<T>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<List<T>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, T> Visitor<'de> for ListSeed<'_, '_, T> {
    type Value = List<T>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list")
    }
    scalars_as_value!(List::Other);
    fn visit_unit<E: de::Error>(self) -> Result<List<T>, E> {
        Ok(List::None)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<List<T>, A::Error> {
        Value::deserialize(MapAccessDeserializer::new(map)).map(List::Other)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<List<T>, A::Error> {
        let (mut items, mut issues, mut count) = (Vec::new(), Vec::new(), 0usize);
        loop {
            if count < MAX_ITEMS {
                let Some(v) = seq.next_element::<Value>()? else { break };
                items.push((self.1)(&v, count, &mut issues, self.0));
            } else if seq.next_element::<Skip>()?.is_none() {
                break;
            }
            count += 1;
        }
        Ok(List::Items(items, issues, count))
    }
}
