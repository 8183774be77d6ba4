//! Coverage from entries (SPEC §6.3): the statistics table derived from a roster and the review
//! entries, the “两个全覆盖” gap lists and the half-yearly F001 warnings.
//!
//! Counting decisions (docs/review.md has the reasons):
//! * An entry *counts* when its date is valid and on or before `as_of`, its method is known, its
//!   target is found in the roster (by id, in the namespace of its kind), it is not a self-review
//!   (E016) and its id is not a repeat of an earlier entry's (E001: the same act imported twice).
//!   An entry that counts counts in every column; one that does not counts in none.
//! * Every count is in the unit of the target (an organisation's own `unit`, else its nearest
//!   ancestor's, else the `unit` argument; a member's is their organisation's) — except column 9,
//!   which counts a reviewing secretary in the secretary's own unit, so that 9 ≤ 6 holds.
//! * Secretaries (6) are the distinct roster members named as `secretary` of an organisation
//!   (书记 counted in 名, persons); a secretary is a member of their unit (6 ≤ 11).
//! * Problems solved are clamped to problems found per entry (E012 is reported), and the sums
//!   saturate at the cell limit, so 25 ≤ 24 and every cell ≤ 100 000 000.
//!
//! So every row passes every R rule that is an error, by construction (a property test checks it).

use rustc_hash::{FxHashMap, FxHashSet};

use chrono::{Datelike, NaiveDate};
use serde_json::{json, Value};

use super::entries::{self, resolve_target, self_review, Resolved};
use super::roster::{self, Roster};
use super::entries::Entries;
use crate::core::json::ParseError;
use super::tables::TargetKind;
use crate::core::columns::ix::*;
use crate::core::columns::INPUT_COUNT;
use crate::core::issue::Issue;
use crate::core::messages;
use crate::core::normalize::MAX_COUNT;
use crate::core::stats::model::{Cell, DateField, Row, StatsDoc};

/// Roster ids not yet covered (SPEC §6.3 (b)), in roster order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gaps {
    /// Organisations not reviewed.
    pub orgs: Vec<String>,
    /// Secretaries not reviewed as secretaries (in the order of the organisations naming them).
    pub secretaries: Vec<String>,
    /// Members not reviewed (as a member or as a secretary).
    pub members: Vec<String>,
    /// Secretaries who have reviewed nobody.
    pub not_reviewing: Vec<String>,
}

/// The result of [`coverage`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Coverage {
    /// The derived statistics table (principal, preparer, phone and filed_on left for the clerk).
    pub table: StatsDoc,
    pub gaps: Gaps,
    /// The roster's and the entries' issues (every entry rule but E009), then F001; messages
    /// rendered in zh-CN.
    pub issues: Vec<Issue>,
}

impl Coverage {
    /// `{ "table": …, "gaps": { "orgs": [], "secretaries": [], "members": [], "not_reviewing": [] },
    /// "issues": [] }` (SPEC §8.2 `coverage --json`).
    pub fn to_value(&self) -> Value {
        json!({
            "table": self.table.to_value(),
            "gaps": {
                "orgs": self.gaps.orgs,
                "secretaries": self.gaps.secretaries,
                "members": self.gaps.members,
                "not_reviewing": self.gaps.not_reviewing,
            },
            "issues": serde_json::to_value(&self.issues).unwrap_or_else(|_| Value::Array(Vec::new())),
        })
    }
}

/// A half-year (Jan–Jun or Jul–Dec): 对基层党组织及其书记的点评每半年至少进行一次.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HalfYear {
    pub year: i32,
    /// 1 (Jan–Jun) or 2 (Jul–Dec).
    pub half: u32,
}

impl HalfYear {
    pub fn of(d: NaiveDate) -> HalfYear {
        HalfYear { year: d.year(), half: if d.month() <= 6 { 1 } else { 2 } }
    }
    pub fn start(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, if self.half == 1 { 1 } else { 7 }, 1).unwrap_or_default()
    }
    pub fn end(self) -> NaiveDate {
        let (m, d) = if self.half == 1 { (6, 30) } else { (12, 31) };
        NaiveDate::from_ymd_opt(self.year, m, d).unwrap_or_default()
    }
    fn next(self) -> HalfYear {
        if self.half == 1 {
            HalfYear { year: self.year, half: 2 }
        } else {
            HalfYear { year: self.year + 1, half: 1 }
        }
    }
    /// `2010-H2`: the same in every locale.
    pub fn label(self) -> String {
        format!("{}-H{}", self.year, self.half)
    }
}

/// The half-years F001 checks at `as_of`: those lying wholly inside the campaign window and
/// ended on or before `as_of`. With the default window: 2010-H2 (the notice came in November 2010
/// and asked for a review “今年年底前”), 2011-H1, 2011-H2, 2012-H1, 2012-H2.
pub fn checked_half_years(as_of: NaiveDate) -> Vec<HalfYear> {
    let (from, to) = entries::window();
    let mut h = HalfYear::of(from);
    if h.start() < from {
        h = h.next();
    }
    let mut out = Vec::new();
    while h.end() <= to && h.end() <= as_of && out.len() < 64 {
        out.push(h);
        h = h.next();
    }
    out
}

/// Derives the statistics table, the gap lists and F001 from a roster and entries, counting the
/// entries dated on or before `as_of` (SPEC §6.3). `unit` is the reporting unit (the table's
/// `unit`); `batch` its batch (1 or 2).
pub fn coverage(roster_doc: &Value, entries_doc: &Value, as_of: NaiveDate, batch: u8, unit: &str) -> Coverage {
    coverage_of(roster::read(roster_doc), entries::read(entries_doc), as_of, batch, unit)
}

/// [`coverage`] from JSON texts, read in one pass ([`super::stream`]): no `Value` tree.
pub fn coverage_text(roster: &str, entries: &str, as_of: NaiveDate, batch: u8, unit: &str) -> Result<Coverage, ParseError> {
    let strings = super::stream::Strings::new();
    let (r, e) = (super::stream::roster_text(roster, &strings)?, super::stream::entries_text(entries, &strings)?);
    Ok(coverage_of(r, e, as_of, batch, unit))
}

/// [`coverage`] of a roster and entries already read (with their reading issues).
pub fn coverage_of(
    (roster, mut issues): (Roster<'_>, Vec<Issue>),
    (list, read_issues): (Entries<'_>, Vec<Issue>),
    as_of: NaiveDate,
    batch: u8,
    unit: &str,
) -> Coverage {
    let (ix, more) = roster::analyse(&roster);
    issues.extend(more);
    // Every rule but E009: coverage decides which entries count; whether texts are formulaic is
    // `validate`'s question, and on a large file it would be most of the time and the issues.
    // At most a flood's worth of each code is kept as found; the rest is counted for X005.
    let sink = entries::rules(&list, Some(&ix), None, false, crate::core::issue::MAX_PER_CODE);
    let dropped: Vec<(&'static str, usize)> = sink.dropped().collect();
    issues.extend(entries::merge(read_issues, sink.out));

    // Rows: one per unit, in the order units first appear among the organisations.
    let fallback = {
        let u = crate::core::normalize::trim(unit);
        if u.is_empty() { "本级" } else { u }
    };
    let mut units: Vec<&str> = Vec::new();
    let mut unit_ix: FxHashMap<&str, usize> = FxHashMap::default();
    let org_unit: Vec<Option<usize>> = (0..roster.orgs.len())
        .map(|o| {
            if !ix.org_ok[o] {
                return None;
            }
            let name = ix.unit[o].unwrap_or(fallback);
            Some(*unit_ix.entry(name).or_insert_with(|| {
                units.push(name);
                units.len() - 1
            }))
        })
        .collect();
    let member_unit: Vec<Option<usize>> =
        (0..roster.members.len()).map(|m| ix.member_org[m].and_then(|o| org_unit[o])).collect();
    let mut cells: Vec<[u64; INPUT_COUNT]> = vec![[0; INPUT_COUNT]; units.len()];

    // Secretaries: distinct members named as an organisation's secretary.
    let mut is_secretary = vec![false; roster.members.len()];
    let mut secretaries: Vec<usize> = Vec::new();
    for (o, org) in roster.orgs.iter().enumerate() {
        if !ix.org_ok[o] {
            continue;
        }
        if let Some(m) = org.secretary.as_deref().and_then(|s| ix.member(s)) {
            if member_unit[m].is_some() && !is_secretary[m] {
                is_secretary[m] = true;
                secretaries.push(m);
            }
        }
    }

    // Totals from the roster (columns 1, 4, 6, 11, 14).
    for (o, org) in roster.orgs.iter().enumerate() {
        if let Some(u) = org_unit[o] {
            cells[u][ORGS_TOTAL] += 1;
            if org.new_sector {
                cells[u][NEW_ORGS_TOTAL] += 1;
            }
        }
    }
    for (m, mem) in roster.members.iter().enumerate() {
        if let Some(u) = member_unit[m] {
            cells[u][MEMBERS_TOTAL] += 1;
            if mem.mobile {
                cells[u][MOBILE_TOTAL] += 1;
            }
            if is_secretary[m] {
                cells[u][SECRETARIES_TOTAL] += 1;
            }
        }
    }

    let halves = checked_half_years(as_of);
    let half_index = |d: NaiveDate| halves.iter().position(|h| *h == HalfYear::of(d));
    let mut org_reviewed = vec![false; roster.orgs.len()];
    let mut org_halves = vec![0u64; roster.orgs.len()];
    let mut org_model = vec![false; roster.orgs.len()];
    let mut member_reviewed = vec![false; roster.members.len()];
    let mut member_model = vec![false; roster.members.len()];
    let mut sec_reviewed = vec![false; roster.members.len()];
    let mut sec_halves = vec![0u64; roster.members.len()];
    let mut sec_reviewing = vec![false; roster.members.len()];
    let mut cadres: FxHashSet<(usize, &str)> = FxHashSet::default();
    // An entry id seen before is a duplicate (E001): not counted twice.
    let mut ids: FxHashSet<&str> = FxHashSet::with_capacity_and_hasher(list.entries.len(), Default::default());

    for e in &list.entries {
        if let Some(id) = e.id.as_deref() {
            if !ids.insert(id) {
                continue;
            }
        }
        let (Some(date), Some(method), Some(kind)) = (e.date, e.method, e.kind) else { continue };
        if date > as_of || self_review(e) {
            continue;
        }
        let Some(target) = resolve_target(e, &ix) else { continue };
        let u = match target {
            Resolved::Org(o) => org_unit[o],
            Resolved::Member(m) => member_unit[m],
        };
        let Some(u) = u else { continue };
        let row = &mut cells[u];
        row[COLLECTIVE + usize::from(method)] += 1;
        if e.talk {
            row[TALKS] += 1;
        }
        let found = u64::from(e.problems_found).min(MAX_COUNT);
        let solved = u64::from(e.problems_solved).min(found);
        row[PROBLEMS_FOUND] = (row[PROBLEMS_FOUND] + found).min(MAX_COUNT);
        row[PROBLEMS_SOLVED] = (row[PROBLEMS_SOLVED] + solved).min(row[PROBLEMS_FOUND]);
        let half = half_index(date);
        match target {
            Resolved::Org(o) => {
                org_reviewed[o] = true;
                org_model[o] |= e.model;
                if let Some(h) = half {
                    org_halves[o] |= 1 << h;
                }
            }
            Resolved::Member(m) => {
                member_reviewed[m] = true;
                member_model[m] |= e.model;
                if kind == TargetKind::Secretary && is_secretary[m] {
                    sec_reviewed[m] = true;
                    if let Some(h) = half {
                        sec_halves[m] |= 1 << h;
                    }
                }
            }
        }
        if e.role.is_some_and(|r| r.county_level) {
            if let Some(key) = e.reviewer.id.as_deref().or(e.reviewer.name) {
                cadres.insert((u, key));
            }
        }
        if let Some(m) = e.reviewer.id.as_deref().and_then(|id| ix.member(id)) {
            if is_secretary[m] {
                sec_reviewing[m] = true;
            }
        }
    }

    for (o, org) in roster.orgs.iter().enumerate() {
        if let (Some(u), true) = (org_unit[o], org_reviewed[o]) {
            cells[u][ORGS_REVIEWED] += 1;
            if org.new_sector {
                cells[u][NEW_ORGS_REVIEWED] += 1;
            }
        }
        if let (Some(u), true) = (org_unit[o], org_model[o]) {
            cells[u][MODELS] += 1;
        }
    }
    for (m, mem) in roster.members.iter().enumerate() {
        let Some(u) = member_unit[m] else { continue };
        let row = &mut cells[u];
        if member_reviewed[m] {
            row[MEMBERS_REVIEWED] += 1;
            if mem.mobile {
                row[MOBILE_REVIEWED] += 1;
            }
        }
        if member_model[m] {
            row[MODELS] += 1;
        }
        if sec_reviewed[m] {
            row[SECRETARIES_REVIEWED] += 1;
        }
        if sec_reviewing[m] {
            row[SECRETARIES_REVIEWING] += 1;
        }
    }
    for (u, _) in &cadres {
        cells[*u][CADRES_REVIEWING] += 1;
    }

    // F001: organisations, then secretaries, each half-year without a review.
    for (o, org) in roster.orgs.iter().enumerate() {
        if org_unit[o].is_none() {
            continue;
        }
        for (h, half) in halves.iter().enumerate() {
            if org_halves[o] & (1 << h) == 0 {
                issues.push(f001(format!("/orgs/{o}"), org.id.as_deref().unwrap_or(""), org.name.as_deref(), *half));
            }
        }
    }
    for &m in &secretaries {
        let mem = &roster.members[m];
        for (h, half) in halves.iter().enumerate() {
            if sec_halves[m] & (1 << h) == 0 {
                issues.push(f001(format!("/members/{m}"), mem.id.as_deref().unwrap_or(""), mem.name.as_deref(), *half));
            }
        }
    }

    let id_of_org = |o: usize| roster.orgs[o].id.as_deref().unwrap_or("").to_string();
    let id_of_member = |m: usize| roster.members[m].id.as_deref().unwrap_or("").to_string();
    let gaps = Gaps {
        orgs: (0..roster.orgs.len()).filter(|&o| org_unit[o].is_some() && !org_reviewed[o]).map(id_of_org).collect(),
        secretaries: secretaries.iter().copied().filter(|&m| !sec_reviewed[m]).map(id_of_member).collect(),
        members: (0..roster.members.len()).filter(|&m| member_unit[m].is_some() && !member_reviewed[m]).map(id_of_member).collect(),
        not_reviewing: secretaries.iter().copied().filter(|&m| !sec_reviewing[m]).map(id_of_member).collect(),
    };

    let (batch_ok, batch_raw) = match batch {
        1 | 2 => (Some(batch), None),
        other => {
            issues.push(Issue::new("T002", "/batch").param("value", other.to_string()));
            (None, Some(Value::from(other)))
        }
    };
    let table = StatsDoc {
        unit: Some(fallback.to_string()).filter(|_| !crate::core::normalize::trim(unit).is_empty()),
        batch: batch_ok,
        batch_raw,
        as_of: DateField::Date(as_of),
        rows: units
            .iter()
            .zip(&cells)
            .map(|(name, c)| Row { name: Some((*name).to_string()), cells: std::array::from_fn(|i| Cell::Value(c[i])) })
            .collect(),
        has_header: true,
        ..StatsDoc::default()
    };
    crate::core::issue::cap_floods_with(&mut issues, &dropped);
    messages::localize(&mut issues, crate::core::issue::Locale::ZhCn);
    Coverage { table, gaps, issues }
}

fn f001(path: String, id: &str, name: Option<&str>, half: HalfYear) -> Issue {
    let iso = crate::core::normalize::iso;
    Issue::new("F001", path)
        .param("id", id)
        .param("name", name.unwrap_or(id))
        .param("period", half.label())
        .param("from", iso(half.start()))
        .param("to", iso(half.end()))
}
