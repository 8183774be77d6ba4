//! `meta()`: the vocabulary in one locale, as the page needs it to draw the forms — the columns
//! and their headers, the presets, every list with its words, which focus tags and content fit
//! which kind, the roles' duties, what each code means for the form, the limits. The JavaScript
//! renders this; it holds no domain list, label or limit of its own.

use serde_json::{json, Map, Value};

use super::{catalogue, list, LISTS};
use crate::core::issue::Locale;
use crate::core::review::tables::{self, ROLES, TARGETS};
use crate::core::{columns, limits, messages, presets};

/// Issues that say a field was left empty (the forms show them once the clerk has started, or on
/// submit): `(code, None)` always, `(code, Some((param, value)))` when `params[param] == value`.
/// Any issue whose `hint` is `empty` also is.
fn missing() -> Vec<(&'static str, Option<(&'static str, Value)>)> {
    vec![
        ("R002", None),
        ("T001", None),
        ("T006", None),
        ("T012", None),
        ("R001", Some(("name", Value::from("")))),
        ("T011", Some(("missing", Value::Bool(true)))),
        ("T002", Some(("value", Value::from("")))),
    ]
}

/// Codes about the rows' names (the form shows them by the name column).
const NAME_CODES: [&str; 3] = ["R001", "T010", "T011"];

fn words(locale: Locale, list: &str, ids: &[&str]) -> Value {
    let c = catalogue(locale);
    ids.iter().map(|id| json!({ "id": id, "label": c.word(list, id) })).collect()
}

/// The vocabulary in `locale` (see the module doc); `locale` is the resolved tag (`zh-CN`, `en`).
pub fn meta(locale: Locale) -> Value {
    let c = catalogue(locale);
    let cols: Vec<Value> = columns::COLUMNS
        .iter()
        .map(|col| {
            json!({
                "no": col.no,
                "field": col.field,
                "group": col.group(locale),
                "label": col.label(locale),
                "header": col.header(locale),
                "formula": col.formula,
                "input": col.is_input(),
            })
        })
        .collect();
    let presets: Vec<Value> = presets::PRESETS
        .iter()
        .map(|p| {
            json!({
                "id": p.id, "name": p.name(locale), "receiver": p.receiver(locale), "deadlines": p.deadlines,
                "coverageDeadline": p.coverage_deadline, "rows": p.rows,
            })
        })
        .collect();
    let mut lists = Map::new();
    for (name, ids) in LISTS {
        lists.insert((*name).to_string(), words(locale, name, ids));
    }
    let fields: Map<String, Value> = c
        .lists
        .iter()
        .find(|(l, _)| *l == list::FIELD)
        .map(|(_, w)| w.iter().map(|(k, v)| ((*k).to_string(), Value::from(*v))).collect())
        .unwrap_or_default();
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
    let missing = missing();
    let codes: Vec<Value> = messages::CATALOGUE
        .iter()
        .map(|(code, severity)| {
            let m = missing.iter().find(|(c, _)| c == code).map(|(_, when)| match when {
                None => Value::from("always"),
                Some((param, value)) => json!({ "param": param, "is": value }),
            });
            json!({ "code": code, "severity": severity, "missing": m, "names": NAME_CODES.contains(code) })
        })
        .collect();
    let phrases: Map<String, Value> = ["total", "column_no"].iter().map(|k| ((*k).to_string(), Value::from(c.phrase(k)))).collect();
    json!({
        "locale": c.tag,
        "columns": cols,
        "presets": presets,
        "maxRows": limits::MAX_ROWS,
        "limits": {
            "maxRows": limits::MAX_ROWS, "maxName": limits::MAX_NAME, "maxText": limits::MAX_TEXT,
            "maxItems": limits::MAX_ITEMS, "maxBytes": limits::MAX_BYTES, "maxCount": limits::MAX_COUNT,
        },
        "lists": lists,
        "fields": fields,
        "review": {
            "kinds": kinds,
            "roles": roles,
            "contentFields": tables::CONTENT_FIELDS,
            "orgOnlyMethods": tables::ORG_ONLY_METHODS,
        },
        "codes": codes,
        "phrases": phrases,
        // Whatever a page's clerk has picked, `missing.is` is compared with `params[missing.param]`,
        // and an issue whose `params.hint` is `"empty"` is about an empty field too.
        "emptyHint": crate::core::normalize::Hint::Empty.key(),
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
            assert_eq!(m["codes"].as_array().map(Vec::len), Some(messages::CATALOGUE.len()));
            assert_eq!(m["lists"]["combined_with"][4]["id"], "party_building_assessment");
            assert_eq!(m["limits"]["maxBytes"], 64 * 1024 * 1024);
        }
        let zh = meta(Locale::ZhCn);
        assert_eq!(zh["lists"]["role"][0]["label"], "党支部书记");
        assert_eq!(zh["lists"]["header"][3]["label"], "填报日期");
        assert_eq!(zh["presets"][0]["name"], "黑龙江省（黑创先办[2010]11号）");
        assert_eq!(meta(Locale::En)["locale"], "en");
    }
}
