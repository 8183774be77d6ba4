//! Fixtures and the one `check` helper the table tests go through.
//!
//! Every rule test starts from [`base`] — a complete, valid batch-1 table for the
//! `heilongjiang-2010` preset, every unit fully reviewed — applies a few [`Op`]s to it and states
//! the issues it expects. If the API moves, only this file changes.
#![allow(dead_code)]

pub mod cli;

use cxzy_form::core::issue::{Issue, Locale, Severity};
use cxzy_form::core::presets;
use cxzy_form::core::validate::{validate, Options};
use serde_json::{json, Map, Value};

/// One change to the base document, addressed by JSON Pointer.
#[derive(Debug, Clone)]
pub enum Op {
    /// Sets the value at the pointer (creating the key; `-` appends to an array).
    Set(String, Value),
    /// Removes the key or array element at the pointer.
    Del(String),
}

pub fn set(path: &str, v: Value) -> Op {
    Op::Set(path.to_string(), v)
}

pub fn del(path: &str) -> Op {
    Op::Del(path.to_string())
}

/// The cells of a valid, fully reviewed unit (SPEC §3.1 order). Every rule of §5.1 holds, with
/// room to spare where a test raises one cell (R030: 32 000 acts ≥ 1 200 + 30 000 reviewed).
pub fn cells() -> Vec<(&'static str, u64)> {
    vec![
        ("orgs_total", 1200),
        ("orgs_reviewed", 1200),
        ("new_orgs_total", 100),
        ("new_orgs_reviewed", 100),
        ("secretaries_total", 1000),
        ("secretaries_reviewed", 1000),
        ("secretaries_reviewing", 1000),
        ("members_total", 30000),
        ("members_reviewed", 30000),
        ("mobile_total", 500),
        ("mobile_reviewed", 500),
        ("cadres_reviewing", 80),
        ("collective", 20000),
        ("individual", 9000),
        ("onsite", 2000),
        ("random", 1000),
        ("talks", 300),
        ("models", 50),
        ("problems_found", 400),
        ("problems_solved", 350),
    ]
}

/// A valid row named `name`.
pub fn row(name: &str) -> Value {
    let mut m = Map::new();
    m.insert("name".into(), name.into());
    for (k, v) in cells() {
        m.insert(k.into(), v.into());
    }
    Value::Object(m)
}

/// The names of the `heilongjiang-2010` preset's rows, in order.
pub fn hlj_rows() -> Vec<&'static str> {
    presets::find("heilongjiang-2010").expect("preset").rows.to_vec()
}

/// A complete, valid table: batch 1, filed on the preset's deadline, every preset unit present
/// and fully reviewed, the written report filled in.
pub fn base() -> Value {
    json!({
        "format": "cxzy-stats/1",
        "unit": "黑龙江省",
        "batch": 1,
        "as_of": "2011-01-15",
        "filed_on": "2011-01-16",
        "principal": "李四",
        "preparer": "张三",
        "phone": "0451-82345678",
        "preset": "heilongjiang-2010",
        "rows": hlj_rows().iter().map(|n| row(n)).collect::<Vec<_>>(),
        "report": {
            "overview": "全省各级党组织普遍开展了领导点评。",
            "practices": "书记带头点评，集中点评与个别点评相结合。",
            "examples": "某某支部通过点评解决了群众关心的热点问题。"
        },
        "notes": "备注"
    })
}

fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// Applies one op; panics (a broken test, not a product bug) when the path does not exist.
pub fn apply_op(doc: &mut Value, op: &Op) {
    if let Err(e) = try_apply_op(doc, op) {
        panic!("{op:?}: {e}");
    }
}

/// Applies one op, or says why the path does not exist.
pub fn try_apply_op(doc: &mut Value, op: &Op) -> Result<(), String> {
    let (path, value) = match op {
        Op::Set(p, v) => (p.as_str(), Some(v.clone())),
        Op::Del(p) => (p.as_str(), None),
    };
    if path.is_empty() {
        *doc = value.ok_or("cannot delete the root")?;
        return Ok(());
    }
    let tokens: Vec<String> = path.split('/').skip(1).map(unescape).collect();
    let (last, parents) = tokens.split_last().ok_or("empty pointer")?;
    let mut cur = doc;
    for t in parents {
        cur = match cur {
            Value::Object(m) => m.get_mut(t),
            Value::Array(a) => t.parse::<usize>().ok().and_then(|i| a.get_mut(i)),
            _ => None,
        }
        .ok_or(format!("no {t}"))?;
    }
    let index = |a: &Vec<Value>| last.parse::<usize>().ok().filter(|i| *i < a.len()).ok_or(format!("no {last}"));
    match (cur, value) {
        (Value::Object(m), Some(v)) => {
            m.insert(last.clone(), v);
        }
        (Value::Object(m), None) => {
            m.remove(last).ok_or(format!("nothing to delete at {last}"))?;
        }
        (Value::Array(a), Some(v)) if last == "-" => a.push(v),
        (Value::Array(a), Some(v)) => {
            let i = index(a)?;
            a[i] = v;
        }
        (Value::Array(a), None) => {
            let i = index(a)?;
            a.remove(i);
        }
        _ => return Err("parent is not a container".into()),
    }
    Ok(())
}

/// The base document with `ops` applied.
pub fn doc_with(ops: &[Op]) -> Value {
    let mut d = base();
    for op in ops {
        apply_op(&mut d, op);
    }
    d
}

/// `(code, path)` of the issues that need a look (errors and warnings), sorted.
pub fn findings(issues: &[Issue]) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = issues
        .iter()
        .filter(|i| i.severity != Severity::Info)
        .map(|i| (i.code.to_string(), i.path.clone()))
        .collect();
    v.sort();
    v
}

/// The one helper: validates the base document changed by `ops` and asserts that its errors
/// and warnings are exactly `expected` (code, path), in any order. Returns every issue
/// (including infos) for further assertions on severity, params and messages.
pub fn check(ops: &[Op], expected: &[(&str, &str)]) -> Vec<Issue> {
    check_with(&Options::default(), ops, expected)
}

/// As [`check`], with options (previous batch, locale).
pub fn check_with(opts: &Options, ops: &[Op], expected: &[(&str, &str)]) -> Vec<Issue> {
    let doc = doc_with(ops);
    check_doc(opts, &doc, expected)
}

/// As [`check`], for a whole document.
pub fn check_doc(opts: &Options, doc: &Value, expected: &[(&str, &str)]) -> Vec<Issue> {
    let issues = validate(doc, opts);
    let mut want: Vec<(String, String)> = expected.iter().map(|(c, p)| (c.to_string(), p.to_string())).collect();
    want.sort();
    assert_eq!(findings(&issues), want, "issues: {issues:#?}");
    issues
}

/// Options with a previous batch.
pub fn with_previous(previous: Value) -> Options {
    Options { previous: Some(previous), ..Options::default() }
}

pub fn en() -> Options {
    Options { locale: Locale::En, ..Options::default() }
}

/// The only issue with this code (panics when there are none or several).
pub fn one<'a>(issues: &'a [Issue], code: &str) -> &'a Issue {
    let found: Vec<&Issue> = issues.iter().filter(|i| i.code == code).collect();
    assert_eq!(found.len(), 1, "exactly one {code} expected in {issues:#?}");
    found[0]
}

/// The issue with this code at this path.
pub fn at<'a>(issues: &'a [Issue], code: &str, path: &str) -> &'a Issue {
    issues
        .iter()
        .find(|i| i.code == code && i.path == path)
        .unwrap_or_else(|| panic!("no {code} at {path} in {issues:#?}"))
}

/// The params of an issue as a JSON object, for `assert_eq!` against `json!({...})`.
pub fn params(i: &Issue) -> Value {
    Value::Object(i.params.clone())
}
