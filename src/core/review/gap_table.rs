//! The gap lists of a coverage (SPEC §6.3: who has not been reviewed yet) as tables a clerk
//! reads: roster ids resolved to names, kinds, parents, units and organisations, with headers in
//! the locale. The coverage view and its CSV export draw these; the page keeps no roster index.

use serde_json::{json, Value};

use super::roster;
use crate::core::issue::Locale;
use crate::core::vocab::{self, list};

/// The bars of the coverage view: `(id, reviewed column, total column, computed column)` — the
/// “两个全覆盖” of organisations and members, and the secretaries' coverage and participation.
/// Labels are the catalogue's `coverage_bar` words.
pub const BARS: &[(&str, &str, &str, &str)] = &[
    ("orgs", "orgs_reviewed", "orgs_total", "orgs_coverage"),
    ("secretaries", "secretaries_reviewed", "secretaries_total", "secretaries_coverage"),
    ("members", "members_reviewed", "members_total", "members_coverage"),
    ("participation", "secretaries_reviewing", "secretaries_total", "secretaries_participation"),
];

/// The columns of each gap list, as ids of the catalogue's `gap_column` words.
pub const GAP_COLUMNS: &[(&str, &[&str])] = &[
    ("orgs", &["id", "name", "kind", "parent", "unit", "secretary"]),
    ("secretaries", &["id", "name", "secretary_of", "unit"]),
    ("members", &["id", "name", "org", "mobile", "unit"]),
    ("not_reviewing", &["id", "name", "secretary_of", "unit"]),
];

/// `{ orgs: { title, head, rows }, secretaries: …, members: …, not_reviewing: … }` for the ids in
/// `gaps` (a coverage result's `gaps`), names from `roster_doc`.
pub fn gap_tables(roster_doc: &Value, gaps: &Value, locale: Locale) -> Value {
    let c = vocab::catalogue(locale);
    let (r, _) = roster::read(roster_doc);
    let (ix, _) = roster::analyse(&r);
    let org_name = |o: Option<usize>| o.and_then(|o| r.orgs.get(o)).and_then(|o| o.name.as_deref()).unwrap_or("").to_string();
    let unit = |o: Option<usize>| o.and_then(|o| ix.unit.get(o).copied().flatten()).unwrap_or("").to_string();
    let member_org = |m: Option<usize>| m.and_then(|m| ix.member_org.get(m).copied().flatten());
    // A secretary's organisation: the first that names them.
    let secretary_of = |m: usize| r.orgs.iter().position(|o| o.secretary.as_deref().and_then(|s| ix.member(s)) == Some(m));
    let mut out = serde_json::Map::new();
    for (kind, cols) in GAP_COLUMNS {
        let ids: Vec<String> = gaps
            .get(kind)
            .and_then(Value::as_array)
            .map(|a| a.iter().map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string)).collect())
            .unwrap_or_default();
        let rows: Vec<Vec<String>> = ids
            .iter()
            .map(|id| {
                if *kind == "orgs" {
                    let o = ix.org(id);
                    let org = o.and_then(|o| r.orgs.get(o));
                    let sec = org.and_then(|g| g.secretary.as_deref()).and_then(|s| ix.member(s)).and_then(|m| r.members.get(m));
                    vec![
                        id.clone(),
                        org.and_then(|g| g.name.as_deref()).unwrap_or("").to_string(),
                        org.and_then(|g| g.kind).map_or("", |k| c.word(list::KIND, k.key())).to_string(),
                        org_name(o.and_then(|o| ix.parent.get(o).copied().flatten())),
                        unit(o),
                        sec.and_then(|m| m.name.as_deref()).unwrap_or("").to_string(),
                    ]
                } else {
                    let m = ix.member(id);
                    let mem = m.and_then(|m| r.members.get(m));
                    let name = mem.and_then(|m| m.name.as_deref()).unwrap_or("").to_string();
                    if *kind == "members" {
                        let mobile = if mem.is_some_and(|m| m.mobile) { c.phrase("yes") } else { "" };
                        vec![id.clone(), name, org_name(member_org(m)), mobile.to_string(), unit(member_org(m))]
                    } else {
                        let of = m.and_then(secretary_of);
                        vec![id.clone(), name, org_name(of), unit(of.or_else(|| member_org(m)))]
                    }
                }
            })
            .collect();
        let head: Vec<&str> = cols.iter().map(|k| c.word(list::GAP_COLUMN, k)).collect();
        // Organisations count in 个, people in 名.
        let count = c.phrase(if *kind == "orgs" { "count_orgs" } else { "count_people" }).replace("{}", &rows.len().to_string());
        out.insert((*kind).to_string(), json!({ "title": c.word(list::GAP, kind), "count": count, "head": head, "rows": rows }));
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gap_lists_name_what_the_roster_says() {
        let roster = json!({ "format": "cxzy-roster/1",
          "orgs": [
            { "id": "o1", "name": "红星镇党委", "kind": "committee", "parent": null, "unit": "某县", "secretary": "m1" },
            { "id": "o2", "name": "红星村党支部", "kind": "branch", "parent": "o1" }
          ],
          "members": [ { "id": "m1", "name": "王建国", "org": "o1" }, { "id": "m2", "name": "李秀英", "org": "o2", "mobile": true } ] });
        let gaps = json!({ "orgs": ["o2"], "secretaries": ["m1"], "members": ["m2"], "not_reviewing": [] });
        let t = gap_tables(&roster, &gaps, Locale::ZhCn);
        assert_eq!(t["orgs"]["rows"][0], json!(["o2", "红星村党支部", "党支部", "红星镇党委", "某县", ""]));
        assert_eq!(t["secretaries"]["rows"][0], json!(["m1", "王建国", "红星镇党委", "某县"]));
        assert_eq!(t["members"]["rows"][0], json!(["m2", "李秀英", "红星村党支部", "是", "某县"]));
        assert_eq!(t["orgs"]["head"][0], "编号");
        assert_eq!(gap_tables(&roster, &gaps, Locale::En)["orgs"]["rows"][0][2], "Party branch");
    }
}
