//! The roster (名册, `cxzy-roster/1`, SPEC §6.1): organisations with their hierarchy and members.
//! Reading never fails; [`analyse`] checks O001–O006 and builds the [`Index`] that the entries'
//! rules and coverage look ids up in (hash maps and subtree intervals: every lookup is O(1)).

use std::borrow::Cow;

use serde_json::Value;

use super::fields::{self, MAX_ITEMS, MAX_NAME};
use super::raw::{Item, Raw, Shape};
use super::tables::{TargetKind, SECTORS};
use crate::core::issue::Issue;

pub const FORMAT: &str = "cxzy-roster/1";
pub(crate) const TOP_FIELDS: &[&str] = &["format", "orgs", "members"];
pub(crate) const ORG_FIELDS: [&str; 7] = ["id", "name", "kind", "parent", "unit", "secretary", "sector"];
pub(crate) const MEMBER_FIELDS: [&str; 4] = ["id", "name", "org", "mobile"];

/// A grassroots organisation (基层党组织).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Org<'a> {
    pub id: Option<Cow<'a, str>>,
    pub name: Option<Cow<'a, str>>,
    /// `committee`, `general_branch` or `branch`; `None` when missing or unknown (O007).
    pub kind: Option<TargetKind>,
    pub parent: Option<Cow<'a, str>>,
    /// The unit (a row of the derived table); inherited from the parent when absent.
    pub unit: Option<Cow<'a, str>>,
    pub secretary: Option<Cow<'a, str>>,
    /// `sector` is `non_public` or `social`: a “两新” organisation (column 4).
    pub new_sector: bool,
}

/// A party member.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Member<'a> {
    pub id: Option<Cow<'a, str>>,
    pub name: Option<Cow<'a, str>>,
    pub org: Option<Cow<'a, str>>,
    /// 流动党员 (column 14).
    pub mobile: bool,
}

/// A roster as read; values borrow from the JSON document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Roster<'a> {
    pub orgs: Vec<Org<'a>>,
    pub members: Vec<Member<'a>>,
}

/// Reads a roster. Field-level issues: T009 (format), T008 (unknown field), X001/X002 (limits),
/// O001 (missing id), O007 (a required value missing or unknown).
pub fn read(doc: &Value) -> (Roster<'_>, Vec<Issue>) {
    let mut issues = Vec::new();
    let mut roster = Roster::default();
    let Some(obj) = doc.as_object() else {
        issues.push(Issue::new("T009", "").param("value", fields::raw(Some(&Raw::of(doc)))).param("expected", FORMAT));
        return (roster, issues);
    };
    let format = obj.get("format").map(Raw::of);
    if format.as_ref().and_then(Raw::as_str) != Some(FORMAT) {
        issues.push(Issue::new("T009", "/format").param("value", fields::raw(format.as_ref())).param("expected", FORMAT));
    }
    fields::unknown_fields(obj, "", TOP_FIELDS, &mut issues);
    for (list, what) in [("orgs", "orgs"), ("members", "members")] {
        match obj.get(list) {
            Some(Value::Array(a)) => {
                if a.len() > MAX_ITEMS {
                    issues.push(Issue::new("X002", format!("/{list}")).param("count", a.len()).param("max", MAX_ITEMS));
                }
                let a = &a[..a.len().min(MAX_ITEMS)];
                if what == "orgs" {
                    roster.orgs = a
                        .iter()
                        .enumerate()
                        .map(|(i, v)| read_org(v.as_object().map(|o| Item::of_map(o, &ORG_FIELDS)).as_ref(), i, &mut issues))
                        .collect();
                } else {
                    roster.members = a
                        .iter()
                        .enumerate()
                        .map(|(i, v)| read_member(&v.as_object().map(|o| Item::of_map(o, &MEMBER_FIELDS)).unwrap_or_default(), i, &mut issues))
                        .collect();
                }
            }
            None | Some(Value::Null) => {}
            Some(other) => {
                issues.push(Issue::new("O007", format!("/{list}")).param("field", list).param("raw", fields::raw(Some(&Raw::of(other)))))
            }
        }
    }
    (roster, issues)
}

/// Positions in [`ORG_FIELDS`].
const O_ID: usize = 0;
const O_NAME: usize = 1;
const O_KIND: usize = 2;
const O_PARENT: usize = 3;
const O_UNIT: usize = 4;
const O_SECRETARY: usize = 5;
const O_SECTOR: usize = 6;
/// Positions in [`MEMBER_FIELDS`].
const M_ID: usize = 0;
const M_NAME: usize = 1;
const M_ORG: usize = 2;
const M_MOBILE: usize = 3;

/// How each field of an organisation is read ([`ORG_FIELDS`] order).
pub(crate) fn org_shape(j: usize) -> Shape {
    match j {
        O_KIND => Shape::Word(&crate::core::vocab::KINDS),
        O_SECTOR => Shape::Word(&SECTORS),
        _ => Shape::Scalar,
    }
}

/// Reads organisation `i` (`None`: the item is not an object).
pub(crate) fn read_org<'s>(it: Option<&Item<'s, 7>>, i: usize, issues: &mut Vec<Issue>) -> Org<'s> {
    let base = format!("/orgs/{i}");
    let Some(it) = it else {
        issues.push(Issue::new("O001", format!("{base}/id")).param("id", ""));
        return Org::default();
    };
    fields::unknown_keys(it.unknown.iter().copied(), &base, &ORG_FIELDS, issues);
    let id = fields::id(it.get(O_ID));
    if id.is_none() {
        issues.push(Issue::new("O001", format!("{base}/id")).param("id", fields::raw(it.get(O_ID))));
    }
    let name = fields::text(it.get(O_NAME), "name", || format!("{base}/name"), MAX_NAME, issues);
    if name.is_none() {
        issues.push(Issue::new("O007", format!("{base}/name")).param("field", "name").param("raw", fields::raw(it.get(O_NAME))));
    }
    let kind = it.get(O_KIND).and_then(Raw::as_str).and_then(|s| TargetKind::parse(s.trim())).filter(|k| k.is_org());
    if kind.is_none() {
        issues.push(Issue::new("O007", format!("{base}/kind")).param("field", "kind").param("raw", fields::raw(it.get(O_KIND))));
    }
    let unit = fields::text(it.get(O_UNIT), "unit", || format!("{base}/unit"), MAX_NAME, issues);
    let new_sector = match it.get(O_SECTOR) {
        None | Some(Raw::Null) => false,
        Some(Raw::Str(s)) if s.trim().is_empty() => false,
        Some(Raw::Str(s)) if SECTORS.contains(&s.trim()) => true,
        Some(other) => {
            issues.push(Issue::new("O007", format!("{base}/sector")).param("field", "sector").param("raw", fields::raw(Some(other))));
            false
        }
    };
    Org {
        id,
        name,
        kind,
        parent: fields::id(it.get(O_PARENT)),
        unit,
        secretary: fields::id(it.get(O_SECRETARY)),
        new_sector,
    }
}

/// Reads member `i` (an item that is not an object reads as an empty one).
pub(crate) fn read_member<'s>(it: &Item<'s, 4>, i: usize, issues: &mut Vec<Issue>) -> Member<'s> {
    let base = format!("/members/{i}");
    fields::unknown_keys(it.unknown.iter().copied(), &base, &MEMBER_FIELDS, issues);
    let id = fields::id(it.get(M_ID));
    if id.is_none() {
        issues.push(Issue::new("O001", format!("{base}/id")).param("id", fields::raw(it.get(M_ID))));
    }
    let name = fields::text(it.get(M_NAME), "name", || format!("{base}/name"), MAX_NAME, issues);
    if name.is_none() {
        issues.push(Issue::new("O007", format!("{base}/name")).param("field", "name").param("raw", fields::raw(it.get(M_NAME))));
    }
    let mobile = match it.get(M_MOBILE) {
        None | Some(Raw::Null) => false,
        Some(Raw::Bool(b)) => *b,
        Some(other) => {
            issues.push(Issue::new("O007", format!("{base}/mobile")).param("field", "mobile").param("raw", fields::raw(Some(other))));
            false
        }
    };
    Member { id, name, org: fields::id(it.get(M_ORG)), mobile }
}

/// Lookups over a roster, built once: ids to positions, the tree, subtree intervals and units.
/// Only the first organisation / member with a given id is used (later ones are O001).
#[derive(Debug, Default)]
pub struct Index<'r> {
    pub org_by_id: rustc_hash::FxHashMap<&'r str, usize>,
    pub member_by_id: rustc_hash::FxHashMap<&'r str, usize>,
    /// The organisation is used (has an id, the first with it).
    pub org_ok: Vec<bool>,
    pub member_ok: Vec<bool>,
    pub parent: Vec<Option<usize>>,
    /// Pre-order interval of each organisation in the forest; `None` when it hangs in a cycle.
    span: Vec<Option<(u32, u32)>>,
    /// Each organisation's unit: its own, else its nearest ancestor's.
    pub unit: Vec<Option<&'r str>>,
    /// Each member's organisation (when known).
    pub member_org: Vec<Option<usize>>,
}

impl<'r> Index<'r> {
    /// `org` is `root` or below it.
    pub fn in_subtree(&self, root: usize, org: usize) -> bool {
        match (self.span.get(root).copied().flatten(), self.span.get(org).copied().flatten()) {
            (Some((a, b)), Some((x, _))) => a <= x && x < b,
            _ => root == org,
        }
    }
    pub fn org(&self, id: &str) -> Option<usize> {
        self.org_by_id.get(id).copied()
    }
    pub fn member(&self, id: &str) -> Option<usize> {
        self.member_by_id.get(id).copied()
    }
}

/// Checks the roster's relations (O001 duplicates, O002–O006) and builds its [`Index`].
pub fn analyse<'r>(roster: &'r Roster<'_>) -> (Index<'r>, Vec<Issue>) {
    let mut issues = Vec::new();
    let n = roster.orgs.len();
    let mut ix = Index { org_ok: vec![false; n], member_ok: vec![false; roster.members.len()], ..Index::default() };
    ix.org_by_id.reserve(n);
    for (i, o) in roster.orgs.iter().enumerate() {
        let Some(id) = o.id.as_deref() else { continue };
        if let Some(&first) = ix.org_by_id.get(id) {
            issues.push(Issue::new("O001", format!("/orgs/{i}/id")).related(format!("/orgs/{first}/id")).param("id", id));
        } else {
            ix.org_by_id.insert(id, i);
            ix.org_ok[i] = true;
        }
    }
    ix.member_by_id.reserve(roster.members.len());
    for (i, m) in roster.members.iter().enumerate() {
        let Some(id) = m.id.as_deref() else { continue };
        if let Some(&first) = ix.member_by_id.get(id) {
            issues.push(Issue::new("O001", format!("/members/{i}/id")).related(format!("/members/{first}/id")).param("id", id));
        } else {
            // Ids are one namespace: a member may not share an organisation's id.
            if let Some(&o) = ix.org_by_id.get(id) {
                issues.push(Issue::new("O001", format!("/members/{i}/id")).related(format!("/orgs/{o}/id")).param("id", id));
            }
            ix.member_by_id.insert(id, i);
            ix.member_ok[i] = true;
        }
    }

    // The tree: unknown parents are O002 and the organisation is treated as a root.
    ix.parent = vec![None; n];
    for (i, o) in roster.orgs.iter().enumerate() {
        if !ix.org_ok[i] {
            continue;
        }
        if let Some(p) = o.parent.as_deref() {
            match ix.org_by_id.get(p) {
                Some(&pi) => ix.parent[i] = Some(pi),
                None => issues.push(Issue::new("O002", format!("/orgs/{i}/parent")).param("id", id_of(o)).param("parent", p)),
            }
        }
    }
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, p) in ix.parent.iter().enumerate() {
        if let Some(p) = p {
            children[*p].push(i);
        }
    }
    ix.span = vec![None; n];
    ix.unit = vec![None; n];
    let mut clock: u32 = 0;
    // Iterative DFS (a deep chain must not overflow the stack). The frame carries the nearest
    // branch above, for O006.
    let mut stack: Vec<(usize, bool, Option<usize>)> = Vec::new();
    for root in 0..n {
        if !ix.org_ok[root] || ix.parent[root].is_some() {
            continue;
        }
        stack.push((root, false, None));
        while let Some((v, done, branch_above)) = stack.pop() {
            if done {
                if let Some((start, _)) = ix.span[v] {
                    ix.span[v] = Some((start, clock));
                }
                continue;
            }
            ix.span[v] = Some((clock, clock));
            clock += 1;
            let o = &roster.orgs[v];
            ix.unit[v] = o.unit.as_deref().or_else(|| ix.parent[v].and_then(|p| ix.unit[p]));
            // “党支部” is the lowest level: a 基层党委 under a branch is an error (O006).
            if o.kind == Some(TargetKind::Committee) {
                if let Some(b) = branch_above {
                    issues.push(
                        Issue::new("O006", format!("/orgs/{v}/parent"))
                            .related(format!("/orgs/{b}"))
                            .param("id", id_of(&roster.orgs[b]))
                            .param("child", id_of(o)),
                    );
                }
            }
            let below = if o.kind == Some(TargetKind::Branch) { Some(v) } else { branch_above };
            stack.push((v, true, branch_above));
            for &c in children[v].iter().rev() {
                stack.push((c, false, below));
            }
        }
    }
    // Organisations not reached hang in (or under) a parent cycle: O002 on those in the cycle.
    let mut state = vec![0u8; n]; // 0 unseen, 1 on the current walk, 2 finished
    for start in 0..n {
        if !ix.org_ok[start] || ix.span[start].is_some() || state[start] != 0 {
            continue;
        }
        let mut path = Vec::new();
        let mut v = Some(start);
        while let Some(x) = v {
            if state[x] == 2 || ix.span[x].is_some() {
                break;
            }
            if state[x] == 1 {
                // `x` closes a cycle: everything on the walk from `x` is in it.
                let from = path.iter().position(|&p| p == x).unwrap_or(0);
                for &c in &path[from..] {
                    let o = &roster.orgs[c];
                    issues.push(
                        Issue::new("O002", format!("/orgs/{c}/parent"))
                            .param("id", id_of(o))
                            .param("parent", o.parent.as_deref().unwrap_or("")),
                    );
                }
                break;
            }
            state[x] = 1;
            path.push(x);
            v = ix.parent[x];
        }
        for c in path {
            state[c] = 2;
            ix.unit[c] = roster.orgs[c].unit.as_deref();
        }
    }

    // Members: their organisation (O003) and the branches' sizes (O005).
    let mut direct = vec![0usize; n];
    ix.member_org = vec![None; roster.members.len()];
    for (i, m) in roster.members.iter().enumerate() {
        if !ix.member_ok[i] {
            continue;
        }
        match m.org.as_deref().and_then(|o| ix.org_by_id.get(o)) {
            Some(&o) => {
                ix.member_org[i] = Some(o);
                direct[o] += 1;
            }
            None => issues.push(
                Issue::new("O003", format!("/members/{i}/org")).param("id", id_of_member(m)).param("org", m.org.as_deref().unwrap_or("")),
            ),
        }
    }
    for (i, o) in roster.orgs.iter().enumerate() {
        if !ix.org_ok[i] {
            continue;
        }
        // “党支部书记负责对本支部党员进行点评”: the secretary is one of the organisation's members
        // (or, for a 党委/党总支, of an organisation below it).
        if let Some(s) = o.secretary.as_deref() {
            let at_home = ix.member(s).and_then(|m| ix.member_org[m]).is_some_and(|mo| ix.in_subtree(i, mo));
            if !at_home {
                issues.push(Issue::new("O004", format!("/orgs/{i}/secretary")).param("id", id_of(o)).param("secretary", s));
            }
        }
        // A 党支部 needs at least three full members (党章: 有正式党员三人以上的，都应当成立党的基层组织).
        if o.kind == Some(TargetKind::Branch) && direct[i] < 3 {
            issues.push(Issue::new("O005", format!("/orgs/{i}")).param("id", id_of(o)).param("count", direct[i]));
        }
    }
    (ix, issues)
}

fn id_of<'a>(o: &'a Org<'_>) -> &'a str {
    o.id.as_deref().unwrap_or("")
}

fn id_of_member<'a>(m: &'a Member<'_>) -> &'a str {
    m.id.as_deref().unwrap_or("")
}

/// All issues of a roster document, in document order of discovery (reading, then relations).
pub fn validate(doc: &Value) -> Vec<Issue> {
    let (roster, mut issues) = read(doc);
    let (_, more) = analyse(&roster);
    issues.extend(more);
    issues
}

/// [`validate`] of a roster read by [`super::stream::read_roster_capped`], floods capped.
pub fn validate_read(roster: &Roster<'_>, read: super::stream::Read) -> Vec<Issue> {
    let mut issues = read.issues;
    issues.extend(analyse(roster).1);
    crate::core::issue::cap_floods_with(&mut issues, &read.dropped);
    issues
}
