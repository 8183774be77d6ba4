//! Review entries (点评记录, `cxzy-entries/1`, SPEC §6.2): reading and the rules E001–E016.
//! Reading never fails: every unusable value is `None` plus an issue. The rules run in one pass
//! over the entries with hash maps (ids, the roster [`Index`]), plus the near-linear E009.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde_json::Value;

use super::fields::{self, MAX_ITEMS, MAX_NAME, MAX_TEXT};
use super::raw::{Item, Raw, Shape};
use super::roster::Index;
use super::similarity;
use super::tables::{self, Role, TargetKind, COMBINED_WITH, CONTENT_FIELDS, GRADES, METHODS};
use crate::core::issue::{Capped, Issue};
use crate::core::normalize::{self, Hint, MAX_COUNT};

pub const FORMAT: &str = "cxzy-entries/1";
pub(crate) const TOP_FIELDS: &[&str] = &["format", "entries"];
pub(crate) const ENTRY_FIELDS: [&str; 16] = [
    "id", "date", "reviewer", "target", "method", "grade", "evaluation", "achievements", "shortcomings", "direction",
    "focus", "model", "talk", "problems_found", "problems_solved", "combined_with",
];
const REVIEWER_FIELDS: [&str; 4] = ["id", "name", "role", "org"];
const TARGET_FIELDS: [&str; 4] = ["kind", "id", "name", "org"];
/// A content field needs this many letters or digits to say something (言之有物, E008).
pub const MIN_SUBSTANCE: usize = 8;

/// The reviewer or the target of an entry.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Party<'a> {
    pub id: Option<Cow<'a, str>>,
    /// Always borrowed (16 bytes, not a `Cow`'s 24: a million entries are held at once).
    pub name: Option<&'a str>,
    pub org: Option<Cow<'a, str>>,
}

/// One review act.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entry<'a> {
    pub id: Option<Cow<'a, str>>,
    pub date: Option<NaiveDate>,
    pub reviewer: Party<'a>,
    pub role: Option<&'static Role>,
    pub target: Party<'a>,
    pub kind: Option<TargetKind>,
    /// Index into [`METHODS`] (a byte: a million entries are held at once).
    pub method: Option<u8>,
    /// Index into [`GRADES`].
    pub grade: Option<u8>,
    /// The texts of [`CONTENT_FIELDS`], trimmed (always borrowed: 16 bytes each, not a `Cow`'s
    /// 24, with a million entries held at once).
    pub content: [Option<&'a str>; 4],
    /// `(position in the array, tag)` for every string in `focus`.
    pub focus: Box<[(usize, &'a str)]>,
    pub model: bool,
    pub talk: bool,
    /// At most [`MAX_COUNT`] (a `u32` holds it: 8 bytes less an entry).
    pub problems_found: u32,
    pub problems_solved: u32,
}

/// The entries of a document, in document order (the position is the index in `entries`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entries<'a> {
    pub entries: Vec<Entry<'a>>,
}

/// Reads an entries document. Field-level issues: T009, T008, X001, X002, N002, E001 (missing
/// id), E002 (missing or invalid date), E004, E005, E006, E013 (a non-string tag), E017.
pub fn read(doc: &Value) -> (Entries<'_>, Vec<Issue>) {
    let (entries, sink) = read_capped(doc, usize::MAX);
    (entries, sink.out)
}

/// [`read`], keeping at most `cap` issues of a code as they are raised ([`Capped`]): a million
/// empty entries raise millions of issues, which must not all be held (SPEC §7; in the page the
/// wasm ran out of memory).
pub fn read_capped(doc: &Value, cap: usize) -> (Entries<'_>, Capped) {
    let mut sink = Capped::new(cap);
    let mut issues = Vec::new();
    let mut out = Entries::default();
    let Some(obj) = doc.as_object() else {
        sink.push(Issue::new("T009", "").param("value", fields::raw(Some(&Raw::of(doc)))).param("expected", FORMAT));
        return (out, sink);
    };
    let format = obj.get("format").map(Raw::of);
    if format.as_ref().and_then(Raw::as_str) != Some(FORMAT) {
        issues.push(Issue::new("T009", "/format").param("value", fields::raw(format.as_ref())).param("expected", FORMAT));
    }
    fields::unknown_fields(obj, "", TOP_FIELDS, &mut issues);
    match obj.get("entries") {
        Some(Value::Array(a)) => {
            if a.len() > MAX_ITEMS {
                // Past the limit nothing more is read: a huge file must not hang the page.
                issues.push(Issue::new("X002", "/entries").param("count", a.len()).param("max", MAX_ITEMS));
            }
            let a = &a[..a.len().min(MAX_ITEMS)];
            out.entries.reserve(a.len());
            for (i, v) in a.iter().enumerate() {
                out.entries.push(read_entry(&EntryItem::of(v), i, &mut issues));
                issues.drain(..).for_each(|issue| sink.push(issue));
            }
        }
        None | Some(Value::Null) => {}
        Some(other) => issues.push(Issue::new("E017", "/entries").param("field", "entries").param("raw", fields::raw(Some(&Raw::of(other))))),
    }
    issues.into_iter().for_each(|issue| sink.push(issue));
    (out, sink)
}

/// Positions in [`ENTRY_FIELDS`].
const ID: usize = 0;
const DATE: usize = 1;
const REVIEWER: usize = 2;
const TARGET: usize = 3;
const METHOD: usize = 4;
const GRADE: usize = 5;
/// The first of [`CONTENT_FIELDS`] (the four follow in order).
const CONTENT: usize = 6;
const FOCUS: usize = 10;
const MODEL: usize = 11;
const TALK: usize = 12;
const PROBLEMS_FOUND: usize = 13;
const PROBLEMS_SOLVED: usize = 14;
const COMBINED: usize = 15;

/// How each field of an entry is read ([`ENTRY_FIELDS`] order).
pub(crate) fn entry_shape(j: usize) -> Shape {
    use crate::core::vocab;
    match j {
        ID | CONTENT..FOCUS => Shape::Text,
        REVIEWER => Shape::Object(&REVIEWER_FIELDS, 0, |j| if j == 2 { Shape::Word(&vocab::ROLES) } else { Shape::Scalar }),
        TARGET => Shape::Object(&TARGET_FIELDS, 1, |j| if j == 0 { Shape::Word(&vocab::KINDS) } else { Shape::Scalar }),
        METHOD => Shape::Word(&METHODS),
        GRADE => Shape::Word(&GRADES),
        FOCUS => Shape::List(&vocab::FOCUS),
        COMBINED => Shape::List(&COMBINED_WITH),
        _ => Shape::Scalar,
    }
}

/// One entry as written: its fields, and those of its reviewer and target when objects.
#[derive(Debug, Default)]
pub(crate) struct EntryItem<'s> {
    pub fields: Item<'s, 16>,
    pub parties: [Option<Item<'s, 4>>; 2],
}

impl<'s> EntryItem<'s> {
    /// The entry from a `Value` (anything but an object reads as an empty entry).
    fn of(v: &'s Value) -> Self {
        let Some(obj) = v.as_object() else { return EntryItem::default() };
        let mut e = EntryItem { fields: Item::of_map(obj, &ENTRY_FIELDS), parties: [None, None] };
        for (j, slot) in e.fields.vals.iter_mut().enumerate() {
            match (entry_shape(j), obj.get(ENTRY_FIELDS[j])) {
                (Shape::Object(known, k, _), Some(Value::Object(o))) => {
                    e.parties[k] = Some(Item::of_map(o, known));
                    *slot = Some(Raw::Object);
                }
                (Shape::List(_), Some(Value::Array(a))) => *slot = Some(Raw::List(a.iter().map(Raw::of).collect())),
                _ => {}
            }
        }
        e
    }
}

pub(crate) fn read_entry<'s>(it: &EntryItem<'s>, i: usize, issues: &mut Vec<Issue>) -> Entry<'s> {
    let base = At(i);
    let f = &it.fields;
    if !f.unknown.is_empty() {
        fields::unknown_keys(f.unknown.iter().copied(), &base.to_string(), &ENTRY_FIELDS, issues);
    }
    let mut e = Entry { id: fields::id(f.get(ID)), ..Entry::default() };
    if e.id.is_none() {
        issues.push(Issue::new("E001", format!("{base}/id")).param("id", fields::raw(f.get(ID))));
    }
    e.date = read_date(f.get(DATE), base, issues);

    // The reviewer: name and role are required (E004).
    match (f.get(REVIEWER), &it.parties[0]) {
        (Some(Raw::Object), Some(r)) => {
            // Paths are built only for an issue: a million entries, few issues.
            let p = || format!("{base}/reviewer");
            if !r.unknown.is_empty() {
                fields::unknown_keys(r.unknown.iter().copied(), &p(), &REVIEWER_FIELDS, issues);
            }
            e.reviewer = party(r, [0, 1, 3], base, "reviewer", issues);
            if e.reviewer.name.is_none() {
                issues.push(Issue::new("E004", format!("{}/name", p())).param("field", "reviewer.name").param("raw", fields::raw(r.get(1))));
            }
            e.role = r.get(2).and_then(Raw::as_str).and_then(|s| tables::role(s.trim()));
            if e.role.is_none() {
                issues.push(Issue::new("E004", format!("{}/role", p())).param("field", "reviewer.role").param("raw", fields::raw(r.get(2))));
            }
        }
        (other, _) => issues.push(Issue::new("E004", format!("{base}/reviewer")).param("field", "reviewer").param("raw", fields::raw(other))),
    }
    // The target: kind and name are required (E005).
    match (f.get(TARGET), &it.parties[1]) {
        (Some(Raw::Object), Some(t)) => {
            let p = || format!("{base}/target");
            if !t.unknown.is_empty() {
                fields::unknown_keys(t.unknown.iter().copied(), &p(), &TARGET_FIELDS, issues);
            }
            e.target = party(t, [1, 2, 3], base, "target", issues);
            e.kind = t.get(0).and_then(Raw::as_str).and_then(|s| TargetKind::parse(s.trim()));
            if e.kind.is_none() {
                issues.push(Issue::new("E005", format!("{}/kind", p())).param("field", "target.kind").param("raw", fields::raw(t.get(0))));
            }
            if e.target.name.is_none() {
                issues.push(Issue::new("E005", format!("{}/name", p())).param("field", "target.name").param("raw", fields::raw(t.get(2))));
            }
        }
        (other, _) => issues.push(Issue::new("E005", format!("{base}/target")).param("field", "target").param("raw", fields::raw(other))),
    }
    e.method = f.get(METHOD).and_then(Raw::as_str).and_then(|s| METHODS.iter().position(|m| *m == s.trim())).map(|m| m as u8);
    if e.method.is_none() {
        issues.push(Issue::new("E006", format!("{base}/method")).param("raw", fields::raw(f.get(METHOD))));
    }
    e.grade = match f.get(GRADE) {
        None | Some(Raw::Null) => None,
        Some(Raw::Str(s)) if s.trim().is_empty() => None,
        Some(g) => {
            let found = g.as_str().and_then(|s| GRADES.iter().position(|x| *x == s.trim())).map(|g| g as u8);
            if found.is_none() {
                issues.push(Issue::new("E017", format!("{base}/grade")).param("field", "grade").param("raw", fields::raw(Some(g))));
            }
            found
        }
    };
    for (k, name) in CONTENT_FIELDS.iter().enumerate() {
        e.content[k] = fields::text(f.get(CONTENT + k), name, || format!("{base}/{name}"), MAX_TEXT, issues);
    }
    match f.get(FOCUS) {
        None | Some(Raw::Null) => {}
        Some(Raw::List(tags)) => {
            // As many as there are (a first push makes room for four: 96 bytes an entry).
            let mut focus = Vec::with_capacity(tags.len());
            for (j, t) in tags.iter().enumerate() {
                match t.as_str() {
                    Some(s) => focus.push((j, s.trim())),
                    None => issues.push(Issue::new("E013", format!("{base}/focus/{j}")).param("tag", fields::raw(Some(t)))),
                }
            }
            e.focus = focus.into_boxed_slice();
        }
        Some(other) => issues.push(Issue::new("E017", format!("{base}/focus")).param("field", "focus").param("raw", fields::raw(Some(other)))),
    }
    e.model = flag(f.get(MODEL), "model", base, issues);
    e.talk = flag(f.get(TALK), "talk", base, issues);
    e.problems_found = count(f.get(PROBLEMS_FOUND), "problems_found", base, issues);
    e.problems_solved = count(f.get(PROBLEMS_SOLVED), "problems_solved", base, issues);
    match f.get(COMBINED) {
        None | Some(Raw::Null) => {}
        Some(Raw::List(items)) => {
            for (j, c) in items.iter().enumerate() {
                if !c.as_str().is_some_and(|s| COMBINED_WITH.contains(&s.trim())) {
                    issues.push(
                        Issue::new("E017", format!("{base}/combined_with/{j}")).param("field", "combined_with").param("raw", fields::raw(Some(c))),
                    );
                }
            }
        }
        Some(other) => issues.push(
            Issue::new("E017", format!("{base}/combined_with")).param("field", "combined_with").param("raw", fields::raw(Some(other))),
        ),
    }
    e
}

/// The path of entry `i` (`/entries/{i}`), written only into the path of an issue raised: a
/// million entries, no string each.
#[derive(Clone, Copy)]
pub(crate) struct At(pub usize);

impl std::fmt::Display for At {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "/entries/{}", self.0)
    }
}

/// `who` is `reviewer` or `target`: the field under `base` (`/entries/{i}`); `at`: the
/// positions of `id`, `name` and `org` in its field list.
fn party<'s>(it: &Item<'s, 4>, at: [usize; 3], base: At, who: &str, issues: &mut Vec<Issue>) -> Party<'s> {
    let label = if who == "reviewer" { "reviewer.name" } else { "target.name" };
    Party {
        id: fields::id(it.get(at[0])),
        name: fields::text(it.get(at[1]), label, || format!("{base}/{who}/name"), MAX_NAME, issues),
        org: fields::id(it.get(at[2])),
    }
}

fn read_date(v: Option<&Raw<'_>>, base: At, issues: &mut Vec<Issue>) -> Option<NaiveDate> {
    let path = || format!("{base}/date");
    match v {
        Some(Raw::Str(s)) => match normalize::parse_date(s) {
            Ok(d) => {
                // Most dates are already ISO: compare without formatting.
                if !is_iso(s, d) {
                    issues.push(Issue::new("N002", path()).param("raw", *s).param("value", iso(d)));
                }
                Some(d)
            }
            Err(h) => {
                issues.push(Issue::new("E002", path()).param("raw", *s).param("hint", h.key()));
                None
            }
        },
        other => {
            issues.push(Issue::new("E002", path()).param("raw", fields::raw(other)).param("hint", Hint::Empty.key()));
            None
        }
    }
}

fn is_iso(s: &str, d: NaiveDate) -> bool {
    use chrono::Datelike;
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && s.get(0..4).and_then(|y| y.parse::<i32>().ok()) == Some(d.year())
        && s.get(5..7).and_then(|m| m.parse::<u32>().ok()) == Some(d.month())
        && s.get(8..10).and_then(|x| x.parse::<u32>().ok()) == Some(d.day())
}

fn flag(v: Option<&Raw<'_>>, key: &str, base: At, issues: &mut Vec<Issue>) -> bool {
    match v {
        None | Some(Raw::Null) => false,
        Some(Raw::Bool(b)) => *b,
        Some(other) => {
            issues.push(Issue::new("E017", format!("{base}/{key}")).param("field", key).param("raw", fields::raw(Some(other))));
            false
        }
    }
}

/// A problem count: a non-negative integer (a JSON number, or text as clerks type it).
fn count(v: Option<&Raw<'_>>, key: &str, base: At, issues: &mut Vec<Issue>) -> u32 {
    let n = match v {
        None | Some(Raw::Null) => return 0,
        Some(Raw::Num(n)) => n.as_u64(),
        Some(Raw::Str(s)) => normalize::parse_count(s).ok(),
        Some(_) => None,
    };
    match n.filter(|&n| n <= MAX_COUNT).and_then(|n| u32::try_from(n).ok()) {
        Some(n) => n,
        _ => {
            issues.push(Issue::new("E017", format!("{base}/{key}")).param("field", key).param("raw", fields::raw(v)));
            0
        }
    }
}

/// Letters and digits in a text: what E008 calls substance (spaces and punctuation do not count),
/// counted up to `at_most` (exact below it: E008 only asks whether a text has the minimum, and
/// most texts reach it in their first few characters).
pub fn substance(text: &str, at_most: usize) -> usize {
    text.chars().filter(|&c| similarity::is_alphanumeric(c)).take(at_most).count()
}

/// Where a target sits in the roster: its organisation (for an organisation, itself) and its
/// position in `orgs` or `members`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolved {
    Org(usize),
    Member(usize),
}

/// Looks the target up in the roster, in the namespace its kind names.
pub fn resolve_target(e: &Entry<'_>, ix: &Index<'_>) -> Option<Resolved> {
    let id = e.target.id.as_deref()?;
    if e.kind?.is_org() {
        ix.org(id).map(Resolved::Org)
    } else {
        ix.member(id).map(Resolved::Member)
    }
}

/// A person reviewing themselves (E016): same id, or, without ids, the same name.
pub fn self_review(e: &Entry<'_>) -> bool {
    if e.kind.is_some_and(TargetKind::is_org) {
        return false;
    }
    match (e.reviewer.id.as_deref(), e.target.id.as_deref()) {
        (Some(a), Some(b)) => a == b,
        (None, None) => e.reviewer.name.is_some() && e.reviewer.name == e.target.name,
        _ => false,
    }
}

/// The default campaign window (E003).
pub fn window() -> (NaiveDate, NaiveDate) {
    let d = |(y, m, d): (i32, u32, u32)| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    (d(tables::WINDOW_START), d(tables::WINDOW_END))
}

use crate::core::normalize::iso;

/// The rules over read entries (E001 duplicates, E002 after today, E003, E007–E016, E009);
/// `roster` enables E014/E015. Issues come out in entry order.
pub fn check(entries: &Entries<'_>, roster: Option<&Index<'_>>, today: Option<NaiveDate>) -> Vec<Issue> {
    rules(entries, roster, today, true, usize::MAX).out
}

/// [`check`], with or without E009 (coverage counts entries and leaves the texts to `validate`),
/// keeping at most `cap` issues of a code ([`Capped`]).
pub fn rules(entries: &Entries<'_>, roster: Option<&Index<'_>>, today: Option<NaiveDate>, e009: bool, cap: usize) -> Capped {
    let (from, to) = window();
    let list = &entries.entries;
    let similar = if e009 { similarity::e009_by_entry(list) } else { Vec::new() };
    let mut seen: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    seen.reserve(list.len());
    let known_tags: Vec<&str> = tables::all_focus_tags().collect();
    let mut out = Capped::new(cap);
    for (i, e) in list.iter().enumerate() {
        let base = At(i);
        if let Some(id) = e.id.as_deref() {
            if let Some(&first) = seen.get(id) {
                out.push(Issue::new("E001", format!("{base}/id")).related(format!("/entries/{first}/id")).param("id", id));
            } else {
                seen.insert(id, i);
            }
        }
        if let Some(d) = e.date {
            if today.is_some_and(|t| d > t) {
                out.push(Issue::new("E002", format!("{base}/date")).param("raw", iso(d)).param("today", today.map(iso).unwrap_or_default()));
            } else if d < from || d > to {
                out.push(Issue::new("E003", format!("{base}/date")).param("date", iso(d)).param("from", iso(from)).param("to", iso(to)));
            }
        }
        // 既要肯定成绩，又要指出存在不足和努力方向 (E007); 言之有物 (E008). Without a known kind, the
        // member's minimum applies.
        let spec = tables::target(e.kind.unwrap_or(TargetKind::Member));
        for (k, f) in CONTENT_FIELDS.iter().enumerate() {
            match e.content[k] {
                None if spec.content.contains(f) => out.push(Issue::new("E007", format!("{base}/{f}")).param("field", *f)),
                None => {}
                Some(t) => {
                    let n = substance(t, MIN_SUBSTANCE);
                    if n < MIN_SUBSTANCE {
                        out.push(Issue::new("E008", format!("{base}/{f}")).param("field", *f).param("length", n));
                    }
                }
            }
        }
        if let Some(groups) = similar.get(i) {
            for (field, &others) in CONTENT_FIELDS.iter().zip(groups) {
                if others != similarity::NO_GROUP {
                    out.push(Issue::new("E009", format!("{base}/{field}")).param("field", *field).param("others", others));
                }
            }
        }
        if let (Some(role), Some(kind)) = (e.role, e.kind) {
            if !role.targets.contains(&kind) {
                out.push(
                    Issue::new("E010", format!("{base}/reviewer/role"))
                        .related(format!("{base}/target/kind"))
                        .param("role", role.key)
                        .param("kind", kind.key()),
                );
            }
        }
        // 创先发[2010]25号 三、创新点评方式: 现场点评 and 随机点评 are of organisations (基层党组织, 单位), and
        // 现场点评 is made by 党员领导干部 visiting the grassroots, not by its own secretaries.
        if let (Some(m), Some(kind)) = (e.method, e.kind) {
            let method = METHODS[usize::from(m)];
            let role = e.role.map(|r| r.key);
            let off_target = tables::ORG_ONLY_METHODS.contains(&method) && !kind.is_org();
            let off_role = method == "onsite" && role.is_some_and(|r| tables::ONSITE_NOT_BY.contains(&r));
            if off_target || off_role {
                let mut issue = Issue::new("E018", format!("{base}/method"))
                    .related(format!("{base}/{}", if off_target { "target/kind" } else { "reviewer/role" }))
                    .param("method", method)
                    .param("kind", kind.key());
                issue = issue.param("role", role.unwrap_or(""));
                out.push(issue);
            }
        }
        // 个别点评…也可专门约谈: a talk is an individual review.
        if e.talk && e.method.is_some_and(|m| METHODS[usize::from(m)] != "individual") {
            out.push(Issue::new("E011", format!("{base}/talk")).related(format!("{base}/method")));
        }
        if e.problems_solved > e.problems_found {
            out.push(
                Issue::new("E012", format!("{base}/problems_solved"))
                    .related(format!("{base}/problems_found"))
                    .param("solved", e.problems_solved)
                    .param("found", e.problems_found),
            );
        }
        for &(j, tag) in &e.focus {
            let fits = match e.kind {
                Some(k) => tables::target(k).focus.contains(&tag),
                None => known_tags.contains(&tag),
            };
            if !fits {
                out.push(Issue::new("E013", format!("{base}/focus/{j}")).param("tag", tag));
            }
        }
        if let Some(ix) = roster {
            roster_rules(e, base, ix, &mut out);
        }
        if self_review(e) {
            let p = if e.target.id.is_some() { format!("{base}/target/id") } else { format!("{base}/target/name") };
            out.push(Issue::new("E016", p).related(format!("{base}/reviewer")));
        }
    }
    out
}

/// E014 and E015: ids against the roster, and 按照党组织隶属关系 (the reviewer's subtree).
fn roster_rules(e: &Entry<'_>, base: At, ix: &Index<'_>, out: &mut Capped) {
    // A target must be found to be counted: without an id it cannot be.
    let target = resolve_target(e, ix);
    if target.is_none() && e.kind.is_some() {
        out.push(Issue::new("E014", format!("{base}/target/id")).param("id", e.target.id.as_deref().unwrap_or("")));
    }
    // The reviewer's id is optional (leaders above the county may be outside the roster), but
    // when given it must be there.
    let reviewer = e.reviewer.id.as_deref().map(|id| (id, ix.member(id)));
    if let Some((id, None)) = reviewer {
        out.push(Issue::new("E014", format!("{base}/reviewer/id")).param("id", id));
    }
    let mut org_of = |party: &str, org: Option<&str>| -> Option<usize> {
        let org = org?;
        let found = ix.org(org);
        if found.is_none() {
            out.push(Issue::new("E014", format!("{base}/{party}/org")).param("id", org));
        }
        found
    };
    let reviewer_org = org_of("reviewer", e.reviewer.org.as_deref())
        .or_else(|| reviewer.and_then(|(_, m)| m).and_then(|m| ix.member_org.get(m).copied().flatten()));
    let stated_target_org = org_of("target", e.target.org.as_deref());
    let target_org = match target {
        Some(Resolved::Org(o)) => Some(o),
        Some(Resolved::Member(m)) => ix.member_org.get(m).copied().flatten(),
        None => stated_target_org,
    };
    if let (Some(role), Some(ro), Some(to)) = (e.role, reviewer_org, target_org) {
        if role.own_subtree && !ix.in_subtree(ro, to) {
            let p = if e.target.id.is_some() { format!("{base}/target/id") } else { format!("{base}/target") };
            out.push(Issue::new("E015", p).related(format!("{base}/reviewer/org")));
        }
    }
}

/// All issues of an entries document: reading, then the rules, in entry order.
pub fn validate(doc: &Value, roster: Option<&Value>, today: Option<NaiveDate>) -> Vec<Issue> {
    // Reading and the rules keep at most a flood's worth of each code as found, and count the
    // rest into the X005 summaries: the same result as capping the whole list, in bounded memory.
    let (entries, sink) = read_capped(doc, crate::core::issue::MAX_PER_CODE);
    let read = super::stream::Read { dropped: sink.dropped().collect(), issues: sink.out };
    validate_read(&entries, read, roster, today)
}

/// [`validate`] of entries already read (by [`read_capped`] or the one-pass
/// [`super::stream::read_entries_capped`]): the rules with E009, merged with the reading issues
/// in entry order, floods capped; `roster` enables E014/E015.
pub fn validate_read(entries: &Entries<'_>, read: super::stream::Read, roster: Option<&Value>, today: Option<NaiveDate>) -> Vec<Issue> {
    let roster = roster.map(super::roster::read);
    let index = roster.as_ref().map(|(r, _)| super::roster::analyse(r).0);
    validate_indexed(entries, read, index.as_ref(), today)
}

/// [`validate_read`] against a roster already read and indexed (the CLI reads its `--roster`
/// file with the one-pass reader: a `Value` of 200 000 members held ~150 MB more).
pub fn validate_indexed(entries: &Entries<'_>, read: super::stream::Read, index: Option<&Index<'_>>, today: Option<NaiveDate>) -> Vec<Issue> {
    let rules = rules(entries, index, today, true, crate::core::issue::MAX_PER_CODE);
    let mut dropped = read.dropped;
    for (code, n) in rules.dropped() {
        match dropped.iter_mut().find(|d| d.0 == code) {
            Some(d) => d.1 += n,
            None => dropped.push((code, n)),
        }
    }
    let mut issues = merge(read.issues, rules.out);
    crate::core::issue::cap_floods_with(&mut issues, &dropped);
    issues
}

/// The entry a path points into (`/entries/12/...` → 12); document-level paths come first.
fn entry_of(path: &str) -> usize {
    path.strip_prefix("/entries/")
        .and_then(|r| r.split('/').next())
        .and_then(|n| n.parse::<usize>().ok())
        .map_or(0, |n| n + 1)
}

/// Merges the reading issues and the rule issues into entry order (both lists already are, so a
/// linear merge; stable within an entry: reading issues first).
pub fn merge(a: Vec<Issue>, b: Vec<Issue>) -> Vec<Issue> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let mut b = b.into_iter().peekable();
    for x in a {
        let k = entry_of(&x.path);
        while let Some(y) = b.next_if(|y| entry_of(&y.path) < k) {
            out.push(y);
        }
        out.push(x);
    }
    out.extend(b);
    out
}
