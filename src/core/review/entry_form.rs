//! The state behind the 领导点评登记表 (`<cxzy-review-entry>`): a roster read and indexed once,
//! so that checking the one entry being typed costs the entry, not the roster. The form asks
//! here for its datalists (names of a kind, organisations, members) and for the roster entry a
//! typed name stands for, so the page holds no roster index of its own.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::{json, Value};

use super::entries;
use super::roster::{self, Index, Roster};
use super::tables::TargetKind;
use crate::core::issue::{Issue, Locale};
use crate::core::messages;

self_cell::self_cell!(
    /// A roster document and its typed form, which borrows from it.
    struct RosterRead {
        owner: Value,
        #[covariant]
        dependent: Roster,
    }
);

self_cell::self_cell!(
    /// A read roster and its index (ids, tree, units), which borrows from it.
    struct Indexed {
        owner: RosterRead,
        #[covariant]
        dependent: Index,
    }
);

/// The roster as the entry form uses it: indexed once when it is set.
struct RosterState {
    indexed: Indexed,
    /// Names → positions in `orgs` / `members` (the names clerks type).
    org_names: HashMap<String, Vec<usize>>,
    member_names: HashMap<String, Vec<usize>>,
    /// A member's position → the first organisation they are secretary of.
    secretary_of: HashMap<usize, usize>,
}

impl RosterState {
    fn new(doc: Value) -> RosterState {
        let read = RosterRead::new(doc, |v| roster::read(v).0);
        let indexed = Indexed::new(read, |r| roster::analyse(r.borrow_dependent()).0);
        let r = indexed.borrow_owner().borrow_dependent();
        let ix = indexed.borrow_dependent();
        let mut org_names: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, o) in r.orgs.iter().enumerate() {
            if let Some(n) = o.name.as_deref() {
                org_names.entry(n.to_string()).or_default().push(i);
            }
        }
        let mut member_names: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, m) in r.members.iter().enumerate() {
            if let Some(n) = m.name.as_deref() {
                member_names.entry(n.to_string()).or_default().push(i);
            }
        }
        let mut secretary_of = HashMap::new();
        for (i, o) in r.orgs.iter().enumerate() {
            if let Some(m) = o.secretary.as_deref().and_then(|s| ix.member(s)) {
                secretary_of.entry(m).or_insert(i);
            }
        }
        RosterState { indexed, org_names, member_names, secretary_of }
    }

    fn roster(&self) -> &Roster<'_> {
        self.indexed.borrow_owner().borrow_dependent()
    }

    fn index(&self) -> &Index<'_> {
        self.indexed.borrow_dependent()
    }

    fn org_name(&self, o: usize) -> &str {
        self.roster().orgs.get(o).and_then(|o| o.name.as_deref()).unwrap_or("")
    }

    fn unit(&self, o: usize) -> &str {
        self.index().unit.get(o).copied().flatten().unwrap_or("")
    }

    fn member_org(&self, m: usize) -> Option<usize> {
        self.index().member_org.get(m).copied().flatten()
    }
}

/// One choice of a datalist: the value typed and the label shown beside it.
pub type Choice = (String, String);

/// The entry form's state.
#[derive(Default)]
pub struct EntryForm {
    roster: Option<RosterState>,
}

impl EntryForm {
    /// A form with a roster (`cxzy-roster/1`), or none.
    pub fn new(roster: Option<Value>) -> EntryForm {
        EntryForm { roster: roster.filter(|v| !v.is_null()).map(RosterState::new) }
    }

    /// Uses another roster (or none): the one time the roster is read and indexed.
    pub fn set_roster(&mut self, roster: Option<Value>) {
        *self = EntryForm::new(roster);
    }

    pub fn has_roster(&self) -> bool {
        self.roster.is_some()
    }

    /// Organisations in the roster.
    pub fn org_count(&self) -> usize {
        self.roster.as_ref().map_or(0, |r| r.roster().orgs.len())
    }

    /// The issues of one entry (an entry object of `cxzy-entries/1`; paths `/entries/0/…`), with
    /// the roster's ids and tree when there is a roster, rendered in `locale`.
    pub fn check(&self, entry: &Value, today: Option<NaiveDate>, locale: Locale) -> Vec<Issue> {
        let doc = json!({ "format": entries::FORMAT, "entries": [entry] });
        let (list, read_issues) = entries::read(&doc);
        let index = self.roster.as_ref().map(RosterState::index);
        let rules = entries::check(&list, index, today);
        let mut issues = entries::merge(read_issues, rules);
        messages::localize(&mut issues, locale);
        issues
    }

    /// The names a target of `kind` may have, as `(name, "id · unit")` (organisations) or
    /// `(name, "id · organisation")` (secretaries, members).
    pub fn target_choices(&self, kind: &str) -> Vec<Choice> {
        let Some(r) = &self.roster else { return Vec::new() };
        let kind = TargetKind::parse(kind);
        let ro = r.roster();
        match kind {
            Some(k) if k.is_org() => ro
                .orgs
                .iter()
                .enumerate()
                .filter(|(_, o)| o.kind == Some(k))
                .filter_map(|(i, o)| Some((o.name.as_deref()?.to_string(), format!("{} · {}", o.id.as_deref().unwrap_or(""), r.unit(i)))))
                .collect(),
            Some(TargetKind::Secretary) => {
                let mut ms: Vec<usize> = r.secretary_of.keys().copied().collect();
                ms.sort_unstable();
                ms.into_iter().filter_map(|m| self.member_choice(r, m)).collect()
            }
            Some(TargetKind::Member) => (0..ro.members.len()).filter_map(|m| self.member_choice(r, m)).collect(),
            _ => Vec::new(),
        }
    }

    fn member_choice(&self, r: &RosterState, m: usize) -> Option<Choice> {
        let mem = r.roster().members.get(m)?;
        let org = r.member_org(m).map_or("", |o| r.org_name(o));
        Some((mem.name.as_deref()?.to_string(), format!("{} · {org}", mem.id.as_deref().unwrap_or(""))))
    }

    /// Every organisation as `(id, "name · unit")`.
    pub fn org_choices(&self) -> Vec<Choice> {
        let Some(r) = &self.roster else { return Vec::new() };
        r.roster()
            .orgs
            .iter()
            .enumerate()
            .filter_map(|(i, o)| Some((o.id.as_deref()?.to_string(), format!("{} · {}", o.name.as_deref().unwrap_or(""), r.unit(i)))))
            .collect()
    }

    /// Every member as `(id, "name · organisation")`.
    pub fn member_choices(&self) -> Vec<Choice> {
        let Some(r) = &self.roster else { return Vec::new() };
        r.roster()
            .members
            .iter()
            .enumerate()
            .filter_map(|(m, mem)| {
                let org = r.member_org(m).map_or("", |o| r.org_name(o));
                Some((mem.id.as_deref()?.to_string(), format!("{} · {org}", mem.name.as_deref().unwrap_or(""))))
            })
            .collect()
    }

    /// The roster entry a typed name stands for, when exactly one of the kind has it: `(id,
    /// org)` — `org` for people only. `kind` is a target kind, or `reviewer` (any member).
    pub fn resolve(&self, kind: &str, name: &str) -> Option<(String, Option<String>)> {
        let r = self.roster.as_ref()?;
        let name = crate::core::normalize::trim(name);
        let ro = r.roster();
        let person = |m: usize| -> Option<(String, Option<String>)> {
            let mem = ro.members.get(m)?;
            Some((mem.id.as_deref()?.to_string(), mem.org.as_deref().map(str::to_string)))
        };
        let one = |hits: Vec<usize>| if hits.len() == 1 { hits.first().copied() } else { None };
        if kind == "reviewer" {
            return one(r.member_names.get(name).cloned().unwrap_or_default()).and_then(person);
        }
        match TargetKind::parse(kind)? {
            k if k.is_org() => {
                let hits: Vec<usize> = r.org_names.get(name).into_iter().flatten().copied().filter(|&o| ro.orgs[o].kind == Some(k)).collect();
                let o = one(hits)?;
                Some((ro.orgs[o].id.as_deref()?.to_string(), None))
            }
            TargetKind::Secretary => {
                let hits = r.member_names.get(name).into_iter().flatten().copied().filter(|m| r.secretary_of.contains_key(m)).collect();
                one(hits).and_then(person)
            }
            _ => one(r.member_names.get(name).cloned().unwrap_or_default()).and_then(person),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roster() -> Value {
        json!({ "format": "cxzy-roster/1",
          "orgs": [
            { "id": "o1", "name": "红星镇党委", "kind": "committee", "parent": null, "unit": "某县", "secretary": "m1" },
            { "id": "o2", "name": "红星村党支部", "kind": "branch", "parent": "o1", "secretary": "m2" }
          ],
          "members": [
            { "id": "m1", "name": "王建国", "org": "o1" },
            { "id": "m2", "name": "李秀英", "org": "o2" },
            { "id": "m3", "name": "张伟", "org": "o2" },
            { "id": "m4", "name": "张伟", "org": "o1" }
          ] })
    }

    #[test]
    fn the_roster_is_indexed_once_and_answers_the_forms_questions() {
        let f = EntryForm::new(Some(roster()));
        assert_eq!(f.org_count(), 2);
        assert_eq!(f.target_choices("branch"), vec![("红星村党支部".to_string(), "o2 · 某县".to_string())]);
        assert_eq!(f.target_choices("secretary").len(), 2);
        assert_eq!(f.target_choices("member").len(), 4);
        assert_eq!(f.resolve("committee", "红星镇党委"), Some(("o1".into(), None)));
        assert_eq!(f.resolve("member", "李秀英"), Some(("m2".into(), Some("o2".into()))));
        // Two members named 张伟: no guess.
        assert_eq!(f.resolve("member", "张伟"), None);
        assert_eq!(f.resolve("secretary", "张伟"), None);
        assert_eq!(f.resolve("reviewer", "王建国"), Some(("m1".into(), Some("o1".into()))));
    }

    #[test]
    fn checking_an_entry_uses_the_roster() {
        let f = EntryForm::new(Some(roster()));
        let e = json!({ "id": "e1", "date": "2010-12-20",
            "reviewer": { "id": "m9", "name": "王建国", "role": "committee_secretary" },
            "target": { "kind": "branch", "id": "o2", "name": "红星村党支部" }, "method": "collective" });
        let issues = f.check(&e, NaiveDate::from_ymd_opt(2011, 1, 15), Locale::ZhCn);
        let e014 = issues.iter().find(|i| i.code == "E014").expect("E014 for m9");
        assert_eq!(e014.path, "/entries/0/reviewer/id");
        assert!(!e014.message.is_empty());
        // Without a roster, no E014.
        let none = EntryForm::new(None).check(&e, None, Locale::En);
        assert!(none.iter().all(|i| i.code != "E014"));
    }
}
