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
  "nameCodes": ["R001", "T010", "T011"],
  "rollupCodes": ["A001", "A002", "A003", "T009"]
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

/// JSON text of a string.
fn q(s: &str) -> String {
    Value::from(s).to_string()
}

/// Appends `"key":value,` (`value` already JSON).
fn member(o: &mut String, key: &str, value: &str) {
    o.push('"');
    o.push_str(key);
    o.push_str("\":");
    o.push_str(value);
    o.push(',');
}

/// Closes an object or array opened with `{`/`[` whose members end with a comma.
fn close(o: &mut String, end: char) {
    if o.ends_with(',') {
        o.pop();
    }
    o.push(end);
}

/// [`stats_meta`] as JSON text, written directly: in the statistics form's wasm module this is
/// what `meta()` answers, and writing text is much smaller code than building a `Value`.
pub fn stats_meta_text(locale: Locale) -> String {
    let c = catalogue(locale);
    let mut o = String::with_capacity(8192);
    o.push('{');
    member(&mut o, "locale", &q(c.tag));
    o.push_str("\"columns\":[");
    for col in &columns::COLUMNS {
        o.push('{');
        for (k, v) in [("no", col.no), ("field", col.field), ("group", col.group(locale)), ("label", col.label(locale)), ("formula", col.formula)] {
            member(&mut o, k, &q(v));
        }
        member(&mut o, "header", &q(&col.header(locale)));
        member(&mut o, "input", if col.is_input() { "true" } else { "false" });
        close(&mut o, '}');
        o.push(',');
    }
    close(&mut o, ']');
    o.push_str(",\"presets\":[");
    for p in presets::PRESETS {
        o.push('{');
        for (k, v) in [("id", p.id), ("name", p.name(locale)), ("receiver", p.receiver(locale)), ("coverageDeadline", p.coverage_deadline)] {
            member(&mut o, k, &q(v));
        }
        for (k, list) in [("deadlines", &p.deadlines[..]), ("rows", p.rows)] {
            let mut a = String::from("[");
            for r in list {
                a.push_str(&q(r));
                a.push(',');
            }
            close(&mut a, ']');
            member(&mut o, k, &a);
        }
        close(&mut o, '}');
        o.push(',');
    }
    close(&mut o, ']');
    o.push_str(",\"lists\":{");
    for (name, ids) in [(list::HEADER, &HEADER_FIELDS[..]), (list::REPORT, &REPORT_SECTIONS[..]), (list::FORMAT, &FORMATS[..])] {
        let mut a = String::from("[");
        for id in ids {
            a.push_str("{\"id\":");
            a.push_str(&q(id));
            a.push_str(",\"label\":");
            a.push_str(&q(c.word(name, id)));
            a.push_str("},");
        }
        close(&mut a, ']');
        member(&mut o, name, &a);
    }
    close(&mut o, '}');
    o.push_str(",\"phrases\":{");
    for k in ["total", "column_no"] {
        member(&mut o, k, &q(c.phrase(k)));
    }
    close(&mut o, '}');
    // The form's own words, by id (`ui.form`; the full module adds the other sections).
    o.push_str(",\"ui\":{\"form\":{");
    for (id, w) in c.all(list::UI_FORM) {
        member(&mut o, id, &q(w));
    }
    close(&mut o, '}');
    o.push('}');
    o.push_str(",\"limits\":{");
    for (k, v) in [
        ("maxRows", limits::MAX_ROWS),
        ("maxName", limits::MAX_NAME),
        ("maxText", limits::MAX_TEXT),
        ("maxItems", limits::MAX_ITEMS),
        ("maxBytes", limits::MAX_BYTES),
        ("sheetRows", crate::core::stats::sheet::MAX_ROWS),
        ("sheetCols", crate::core::stats::sheet::MAX_COLS),
    ] {
        member(&mut o, k, &v.to_string());
    }
    member(&mut o, "maxCount", &limits::MAX_COUNT.to_string());
    close(&mut o, '}');
    o.push(',');
    member(&mut o, "maxRows", &limits::MAX_ROWS.to_string());
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
    let fields: Map<String, Value> = c.all(list::FIELD).into_iter().map(|(k, v)| (k.to_string(), Value::from(v))).collect();
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
    // The pages' words: `ui.<section>` (the statistics form's `ui.form` comes with stats_meta).
    let ui: Map<String, Value> = super::UI_SECTIONS[1..]
        .iter()
        .map(|l| {
            let words: Map<String, Value> = c.all(l).into_iter().map(|(k, v)| (k.to_string(), Value::from(v))).collect();
            (l.trim_start_matches("ui.").to_string(), Value::Object(words))
        })
        .collect();
    json!({
        // Every locale the catalogues speak (scripts/build-pkg.sh writes their load words).
        "locales": super::CATALOGUES.iter().map(|c| c.tag).collect::<Vec<_>>(),
        "ui": ui,
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
        // The pages' words: every section, the form's in the statistics part too.
        assert_eq!(zh["ui"]["form"]["batchN"], "第{n}批");
        assert_eq!(stats_meta(Locale::En)["ui"]["form"]["saveJson"], "Save JSON");
        for s in ["form", "load", "entry", "coverage", "rollup", "excel"] {
            assert!(zh["ui"][s].as_object().is_some_and(|o| !o.is_empty()), "ui.{s}");
        }
        // The code meanings name codes that exist, and the empty hint is the normaliser's.
        let known = |code: &str| crate::core::messages::CATALOGUE.iter().any(|(c, _)| *c == code);
        assert_eq!(zh["missing"].as_object().map(Map::len), Some(7));
        assert!(zh["missing"].as_object().unwrap().keys().all(|c| known(c)));
        assert!(zh["nameCodes"].as_array().unwrap().iter().all(|c| c.as_str().is_some_and(known)));
        assert_eq!(zh["emptyHint"], crate::core::normalize::Hint::Empty.key());
    }
}
