//! `meta()`: the vocabulary in one locale, as the page needs it to draw the forms — the columns
//! and their headers, the presets, every list with its words, which focus tags and content fit
//! which kind, the roles' duties, what each code means for the form, the limits. The JavaScript
//! renders this; it holds no domain list, label or limit of its own.

use serde_json::{json, Map, Value};

use super::{catalogue, list, FORMATS, HEADER_FIELDS, LISTS, REPORT_SECTIONS};
use crate::core::issue::Locale;
use crate::core::review::tables::{self, ROLES, TARGETS};
use crate::core::{columns, limits, presets};

/// What the codes mean for the form (the same in every locale; text, read with the JSON reader
/// the module has anyway — cheaper in wasm than building it):
/// * `missing`: the issues that say a field was left empty (the forms show them once the clerk
///   has started, or on submit) — `"always"`, or `{ param, is }` when `params[param] == is`; an
///   issue whose `params.hint` is `emptyHint` is about an empty field too;
/// * `nameCodes`: the issues about the rows' names (shown by the name column).
const CODE_MEANINGS: &str = r#"{
  "missing": { "R002": "always", "T001": "always", "T006": "always", "T012": "always",
               "R001": { "param": "name", "is": "" }, "T011": { "param": "missing", "is": true },
               "T002": { "param": "value", "is": "" } },
  "emptyHint": "empty",
  "nameCodes": ["R001", "T010", "T011"]
}"#;

fn words(locale: Locale, list: &str, ids: &[&str]) -> Value {
    let c = catalogue(locale);
    ids.iter().map(|id| json!({ "id": id, "label": c.word(list, id) })).collect()
}

/// The vocabulary in `locale` (see the module doc): [`stats_meta`] and [`review_meta`] in one.
pub fn meta(locale: Locale) -> Value {
    let mut m = stats_meta(locale);
    if let (Value::Object(m), Value::Object(r)) = (&mut m, review_meta(locale)) {
        for (k, v) in r {
            match (m.get_mut(&k), v) {
                (Some(Value::Object(into)), Value::Object(more)) => into.extend(more),
                (_, v) => {
                    m.insert(k, v);
                }
            }
        }
    }
    m
}

/// What the statistics form needs: columns, presets, header fields and report sections, the
/// codes' meaning for the form, the limits. (The statistics form's own wasm module carries this
/// part only.)
pub fn stats_meta(locale: Locale) -> Value {
    crate::core::json::parse(&stats_meta_text(locale)).unwrap_or(Value::Null)
}

/// [`stats_meta`] as JSON text, written directly: in the statistics form's wasm module this is
/// what `meta()` answers, and writing text is much smaller code than building a `Value`.
pub fn stats_meta_text(locale: Locale) -> String {
    let c = catalogue(locale);
    let q = |s: &str| Value::from(s).to_string();
    let mut o = String::with_capacity(8192);
    o.push_str(&format!("{{\"locale\":{},\"columns\":[", q(c.tag)));
    for (i, col) in columns::COLUMNS.iter().enumerate() {
        o.push_str(if i > 0 { "," } else { "" });
        o.push_str(&format!(
            "{{\"no\":{},\"field\":{},\"group\":{},\"label\":{},\"header\":{},\"formula\":{},\"input\":{}}}",
            q(col.no),
            q(col.field),
            q(col.group(locale)),
            q(col.label(locale)),
            q(&col.header(locale)),
            q(col.formula),
            col.is_input()
        ));
    }
    o.push_str("],\"presets\":[");
    for (i, p) in presets::PRESETS.iter().enumerate() {
        let rows: Vec<String> = p.rows.iter().map(|r| q(r)).collect();
        o.push_str(if i > 0 { "," } else { "" });
        o.push_str(&format!(
            "{{\"id\":{},\"name\":{},\"receiver\":{},\"deadlines\":[{},{}],\"coverageDeadline\":{},\"rows\":[{}]}}",
            q(p.id),
            q(p.name(locale)),
            q(p.receiver(locale)),
            q(p.deadlines[0]),
            q(p.deadlines[1]),
            q(p.coverage_deadline),
            rows.join(",")
        ));
    }
    o.push_str("],\"lists\":{");
    for (i, (name, ids)) in [(list::HEADER, &HEADER_FIELDS[..]), (list::REPORT, &REPORT_SECTIONS[..]), (list::FORMAT, &FORMATS[..])].iter().enumerate() {
        let words: Vec<String> = ids.iter().map(|id| format!("{{\"id\":{},\"label\":{}}}", q(id), q(c.word(name, id)))).collect();
        o.push_str(&format!("{}{}:[{}]", if i > 0 { "," } else { "" }, q(name), words.join(",")));
    }
    o.push_str(&format!(
        "}},\"phrases\":{{\"total\":{},\"column_no\":{}}},\"maxRows\":{},\"limits\":{{\"maxRows\":{},\"maxName\":{},\"maxText\":{},\"maxItems\":{},\"maxBytes\":{},\"maxCount\":{}}},",
        q(c.phrase("total")),
        q(c.phrase("column_no")),
        limits::MAX_ROWS,
        limits::MAX_ROWS,
        limits::MAX_NAME,
        limits::MAX_TEXT,
        limits::MAX_ITEMS,
        limits::MAX_BYTES,
        limits::MAX_COUNT
    ));
    // CODE_MEANINGS is an object: its members go in as they are.
    let meanings = CODE_MEANINGS.trim();
    o.push_str(meanings.strip_prefix('{').unwrap_or(meanings));
    o
}

/// What the review-entry form and the coverage view need: every list with its words, the
/// fields' labels, which focus tags and content fit which kind, the roles' duties, the coverage
/// bars and gap lists.
pub fn review_meta(locale: Locale) -> Value {
    let c = catalogue(locale);
    let mut lists = Map::new();
    for (name, ids) in LISTS {
        lists.insert((*name).to_string(), words(locale, name, ids));
    }
    let fields: Map<String, Value> = c
        .lists
        .iter()
        .chain(c.review_lists)
        .filter(|(l, _)| *l == list::FIELD)
        .flat_map(|(_, w)| w.iter().map(|(k, v)| ((*k).to_string(), Value::from(*v))))
        .collect();
    let kinds: Vec<Value> = TARGETS
        .iter()
        .map(|t| {
            json!({
                "id": t.key, "label": c.word(list::KIND, t.key), "org": t.kind.is_org(),
                "focus": t.focus, "content": t.content,
            })
        })
        .collect();
    let roles: Vec<Value> = ROLES
        .iter()
        .map(|r| {
            json!({
                "id": r.key, "label": c.word(list::ROLE, r.key),
                "targets": r.targets.iter().map(|k| k.key()).collect::<Vec<_>>(),
                "ownSubtree": r.own_subtree, "countyLevel": r.county_level,
            })
        })
        .collect();
    let bars: Vec<Value> = crate::core::review::gap_table::BARS
        .iter()
        .map(|(id, reviewed, total, coverage)| {
            json!({ "id": id, "label": c.word(list::COVERAGE_BAR, id), "reviewed": reviewed, "total": total, "coverage": coverage })
        })
        .collect();
    json!({
        "lists": lists,
        "fields": fields,
        "review": {
            "kinds": kinds,
            "roles": roles,
            "contentFields": tables::CONTENT_FIELDS,
            // Without a known kind, the member's minimum content applies (as E007 does).
            "contentWithoutKind": tables::target(tables::TargetKind::Member).content,
            "orgOnlyMethods": tables::ORG_ONLY_METHODS,
        },
        "coverage": { "bars": bars, "lists": super::GAP_LISTS },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_carries_every_list_and_every_code() {
        for l in [Locale::ZhCn, Locale::En] {
            let m = meta(l);
            assert_eq!(m["columns"].as_array().map(Vec::len), Some(26));
            assert_eq!(m["missing"]["R002"], "always");
            assert_eq!(m["missing"]["T011"], json!({ "param": "missing", "is": true }));
            assert_eq!(m["lists"]["combined_with"][4]["id"], "party_building_assessment");
            assert_eq!(m["limits"]["maxBytes"], 64 * 1024 * 1024);
        }
        let zh = meta(Locale::ZhCn);
        assert_eq!(zh["lists"]["role"][0]["label"], "党支部书记");
        assert_eq!(zh["lists"]["header"][3]["label"], "填报日期");
        assert_eq!(zh["presets"][0]["name"], "黑龙江省（黑创先办[2010]11号）");
        assert_eq!(meta(Locale::En)["locale"], "en");
        // The code meanings name codes that exist, and the empty hint is the normaliser's.
        let known = |code: &str| crate::core::messages::CATALOGUE.iter().any(|(c, _)| *c == code);
        assert_eq!(zh["missing"].as_object().map(Map::len), Some(7));
        assert!(zh["missing"].as_object().unwrap().keys().all(|c| known(c)));
        assert!(zh["nameCodes"].as_array().unwrap().iter().all(|c| c.as_str().is_some_and(known)));
        assert_eq!(zh["emptyHint"], crate::core::normalize::Hint::Empty.key());
    }
}
