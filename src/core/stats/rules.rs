//! The rules of the statistics table (SPEC §5.1) that relate fields to each other. Field-level
//! problems (missing, not a number, unknown field) are found while reading, in
//! [`crate::core::stats::model`].

/// R001's names seen so far: a hash map in the full module (its `validate` of a county's
/// 1 000-row table hashes each name once), a BTreeMap in the embedded form's, whose download has
/// no other hash table of this shape to share the code with.
#[cfg(feature = "review")]
type Seen<'a> = rustc_hash::FxHashMap<&'a str, usize>;
#[cfg(not(feature = "review"))]
type Seen<'a> = std::collections::BTreeMap<&'a str, usize>;

use crate::core::columns::ix::*;
use crate::core::issue::{cell_path, Issue};
use crate::core::normalize;
use crate::core::presets;
use crate::core::stats::model::{Row, StatsDoc, REPORT_SECTIONS};
use crate::core::stats::totals::Ratio;
use crate::core::columns::INPUTS;

/// "A part must not exceed its whole": `(code, part, whole, part param, whole param, names)`.
/// The reviewed counts cannot exceed what there is to review (R010–R015); the notices' 其中
/// columns are parts of their columns (R017); problems are solved only once found (R032).
/// `names`: the message names the two columns (`field`/`whole` params) — only R017, which covers
/// six pairs; the others' params are exactly SPEC §5's `{ "reviewed": …, "total": … }`.
const NOT_ABOVE: &[(&str, usize, usize, &str, &str, bool)] = &[
    ("R010", ORGS_REVIEWED, ORGS_TOTAL, "reviewed", "total", false),
    ("R011", NEW_ORGS_REVIEWED, NEW_ORGS_TOTAL, "reviewed", "total", false),
    ("R012", SECRETARIES_REVIEWED, SECRETARIES_TOTAL, "reviewed", "total", false),
    ("R013", SECRETARIES_REVIEWING, SECRETARIES_TOTAL, "reviewed", "total", false),
    ("R014", MEMBERS_REVIEWED, MEMBERS_TOTAL, "reviewed", "total", false),
    ("R015", MOBILE_REVIEWED, MOBILE_TOTAL, "reviewed", "total", false),
    ("R017", NEW_ORGS_TOTAL, ORGS_TOTAL, "part", "total", true),
    ("R017", NEW_ORGS_REVIEWED, ORGS_REVIEWED, "part", "total", true),
    ("R017", MOBILE_TOTAL, MEMBERS_TOTAL, "part", "total", true),
    ("R017", MOBILE_REVIEWED, MEMBERS_REVIEWED, "part", "total", true),
    // A secretary is a party member (SPEC §3.1): secretaries are counted among members.
    ("R017", SECRETARIES_TOTAL, MEMBERS_TOTAL, "part", "total", true),
    ("R017", SECRETARIES_REVIEWED, MEMBERS_REVIEWED, "part", "total", true),
    ("R032", PROBLEMS_SOLVED, PROBLEMS_FOUND, "solved", "found", false),
];

/// The coverages that 两个全覆盖 requires at 100 % by the second report:
/// `(computed field, reviewed, total)`.
const FULL_COVERAGE: &[(&str, usize, usize)] = &[
    ("orgs_coverage", ORGS_REVIEWED, ORGS_TOTAL),
    ("secretaries_coverage", SECRETARIES_REVIEWED, SECRETARIES_TOTAL),
    ("secretaries_participation", SECRETARIES_REVIEWING, SECRETARIES_TOTAL),
    ("members_coverage", MEMBERS_REVIEWED, MEMBERS_TOTAL),
];

/// The rules of one row (R010–R040). `batch` is the table's batch, for R040.
pub fn check_row(i: usize, row: &Row, batch: Option<u8>) -> Vec<Issue> {
    let mut out = Vec::new();
    let v = row.values();
    let p = |f: usize| cell_path(i, INPUTS[f]);
    // Every issue of a row names the row's unit (「哈尔滨市」): a long table's summary must tell
    // the rows apart.
    let unit = row.name.as_deref().unwrap_or("");

    for &(code, part, whole, pn, wn, names) in NOT_ABOVE {
        if let (Some(a), Some(b)) = (v[part], v[whole]) {
            if a > b {
                let mut issue = Issue::new(code, p(part)).related(p(whole)).param(pn, a).param(wn, b);
                if names {
                    issue = issue.param("field", INPUTS[part]).param("whole", INPUTS[whole]);
                }
                out.push(issue);
            }
        }
    }
    if let (Some(s), Some(o)) = (v[SECRETARIES_TOTAL], v[ORGS_TOTAL]) {
        if s > o {
            out.push(Issue::new("R020", p(SECRETARIES_TOTAL)).related(p(ORGS_TOTAL)).param("secretaries", s).param("orgs", o));
        }
    }
    if let (Some(m), Some(o)) = (v[MEMBERS_TOTAL], v[ORGS_TOTAL]) {
        if u128::from(m) < 3 * u128::from(o) {
            out.push(Issue::new("R021", p(MEMBERS_TOTAL)).related(p(ORGS_TOTAL)).param("members", m).param("orgs", o));
        }
    }
    // 21 ≥ 2 + 12: every reviewed organisation and member was reviewed at least once.
    let methods: Option<u64> = [COLLECTIVE, INDIVIDUAL, ONSITE, RANDOM].iter().map(|&f| v[f]).sum();
    if let (Some(m), Some(o), Some(mem)) = (methods, v[ORGS_REVIEWED], v[MEMBERS_REVIEWED]) {
        let needed = o + mem;
        if m < needed {
            out.push(
                Issue::new("R030", cell_path(i, "methods_total"))
                    .related(p(ORGS_REVIEWED))
                    .related(p(MEMBERS_REVIEWED))
                    .param("methods", m)
                    .param("needed", needed),
            );
        }
    }
    // 约谈 is a form of 个别点评 (创先发[2010]25号 三、个别点评…也可专门约谈).
    if let (Some(t), Some(ind)) = (v[TALKS], v[INDIVIDUAL]) {
        if t > ind {
            out.push(Issue::new("R031", p(TALKS)).related(p(INDIVIDUAL)).param("talks", t).param("individual", ind));
        }
    }
    if batch == Some(2) {
        for &(field, num, den) in FULL_COVERAGE {
            if let (Some(n), Some(d)) = (v[num], v[den]) {
                let r = Ratio { num: n, den: d };
                if r.below_full() {
                    out.push(
                        Issue::new("R040", cell_path(i, field))
                            .related(p(num))
                            .related(p(den))
                            .param("field", field)
                            .param("coverage", r.display()),
                    );
                }
            }
        }
    }
    for issue in &mut out {
        issue.params.insert("row".into(), unit.into());
    }
    out
}

/// R001 for duplicated names: every row after the first with the same name.
pub fn duplicate_names(rows: &[Row]) -> Vec<Issue> {
    let mut seen = Seen::default();
    let mut out = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        match &r.name {
            None => out.push(Issue::new("R001", format!("/rows/{i}/name")).param("name", "")),
            Some(n) => {
                if let Some(first) = seen.get(n.as_str()) {
                    out.push(Issue::new("R001", format!("/rows/{i}/name")).related(format!("/rows/{first}/name")).param("name", n.as_str()));
                } else {
                    seen.insert(n, i);
                }
            }
        }
    }
    out
}

/// The table-level rules: dates against each other and the deadline (T004, T005), the phone
/// (T007), rows (T010, T011), the written report (T012), the preset (T013), names (R001) and
/// every row.
pub fn check_table(doc: &StatsDoc) -> Vec<Issue> {
    let mut out = Vec::new();
    let preset = doc.preset.as_deref().and_then(presets::find);
    if let Some(id) = doc.preset.as_deref().filter(|_| preset.is_none()) {
        out.push(
            Issue::new("T013", "/preset")
                .param("value", id)
                .param("suggestion", crate::core::stats::model::nearest(id, presets::PRESETS.iter().map(|p| p.id))),
        );
    }
    if doc.has_header {
        header_rules(doc, preset, &mut out);
    }
    if doc.rows.is_empty() {
        out.push(Issue::new("T010", "/rows").param("count", 0).param("max", crate::core::stats::model::MAX_ROWS));
    }
    if let Some(p) = preset {
        for name in p.rows {
            if !doc.rows.iter().any(|r| r.name.as_deref() == Some(*name)) {
                out.push(Issue::new("T011", "/rows").param("name", *name).param("missing", true));
            }
        }
        for (i, r) in doc.rows.iter().enumerate() {
            if let Some(n) = &r.name {
                if !p.rows.contains(&n.as_str()) {
                    out.push(Issue::new("T011", format!("/rows/{i}/name")).param("name", n.as_str()).param("missing", false));
                }
            }
        }
    }
    out.extend(duplicate_names(&doc.rows));
    for (i, r) in doc.rows.iter().enumerate() {
        out.extend(check_row(i, r, doc.batch));
    }
    out
}

/// The effective deadline: the document's own, else the preset's for the batch.
pub fn deadline(doc: &StatsDoc) -> Option<chrono::NaiveDate> {
    doc.deadline.date().or_else(|| {
        let p = presets::find(doc.preset.as_deref()?)?;
        p.deadline(doc.batch?)
    })
}

fn header_rules(doc: &StatsDoc, _preset: Option<&presets::Preset>, out: &mut Vec<Issue>) {
    let iso = normalize::iso;
    if let (Some(f), Some(d)) = (doc.filed_on.date(), deadline(doc)) {
        if f > d {
            out.push(Issue::new("T004", "/filed_on").param("filed_on", iso(f)).param("deadline", iso(d)));
        }
    }
    if let (Some(a), Some(f)) = (doc.as_of.date(), doc.filed_on.date()) {
        if a > f {
            out.push(Issue::new("T005", "/as_of").related("/filed_on").param("as_of", iso(a)).param("filed_on", iso(f)));
        }
    }
    match doc.phone.as_deref() {
        None => out.push(Issue::new("T007", "/phone").param("raw", "").param("hint", normalize::Hint::Empty.key())),
        Some(raw) => match normalize::parse_phone(raw) {
            Ok(p) if p != raw => out.push(Issue::new("N003", "/phone").param("raw", raw).param("value", p)),
            Ok(_) => {}
            Err(h) => out.push(Issue::new("T007", "/phone").param("raw", raw).param("hint", h.key())),
        },
    }
    let sections = doc.report.clone().unwrap_or_default();
    for (key, s) in REPORT_SECTIONS.iter().zip(sections) {
        if s.is_none() {
            out.push(Issue::new("T012", format!("/report/{key}")).param("field", *key));
        }
    }
}
