//! Prints how long the core takes on a full-size statistics table (1 000 rows): reading,
//! every rule, the computed view, CSV out and back in. Figures only — no thresholds (machines
//! are shared and noisy). Run: `cargo run --release --example bench_stats`.

use std::time::Instant;

use serde_json::{json, Value};

use cxzy_form::core::stats::{csv, model, totals};
use cxzy_form::core::issue::{cap_floods, Locale};
use cxzy_form::core::messages::localize;
use cxzy_form::core::validate::{check_stats, validate, validate_text, Options};

fn table(rows: usize) -> Value {
    let rows: Vec<Value> = (0..rows)
        .map(|i| {
            let o = 100 + (i as u64 % 50);
            json!({
                "name": format!("单位{i:04}"), "orgs_total": o, "orgs_reviewed": o - 3, "new_orgs_total": o / 5,
                "new_orgs_reviewed": o / 5 - 1, "secretaries_total": o - 2, "secretaries_reviewed": o - 5,
                "secretaries_reviewing": o - 4, "members_total": o * 30, "members_reviewed": o * 29,
                "mobile_total": o, "mobile_reviewed": o - 1, "cadres_reviewing": 12, "collective": o * 20,
                "individual": o * 8, "onsite": o * 2, "random": o, "talks": 7, "models": 3,
                "problems_found": 9, "problems_solved": 8
            })
        })
        .collect();
    json!({ "format": "cxzy-stats/1", "unit": "测试", "batch": 1, "as_of": "2011-01-15",
            "filed_on": "2011-01-16", "principal": "甲", "preparer": "乙", "phone": "0451-82345678",
            "rows": rows, "report": { "overview": "x", "practices": "y", "examples": "z" } })
}

fn time<T>(label: &str, runs: u32, mut f: impl FnMut() -> T) -> T {
    let mut out = f();
    let start = Instant::now();
    for _ in 0..runs {
        out = f();
    }
    let per = start.elapsed() / runs;
    println!("{label:<40} {:>10.3} ms", per.as_secs_f64() * 1000.0);
    out
}

fn main() {
    let doc = table(1000);
    let text = doc.to_string();
    println!("1 000-row table, {} bytes of JSON", text.len());
    let _ = time("parse JSON text", 20, || cxzy_form::core::json::parse(&text).map(|_| ()));
    time("legacy reader: parse + Value tree read", 20, || {
        cxzy_form::core::stats::legacy::read(&cxzy_form::core::json::parse(&text).unwrap()).1.len()
    });
    let _ = time("one-pass reader from text", 20, || model::read_text(&text).map(|r| r.issues.len()));
    let _ = time("validate from text (one pass + rules)", 20, || validate_text(&text, &Options::default()).map(|i| i.len()));
    let issues = time("validate (read + every rule + messages)", 20, || validate(&doc, &Options::default()));
    println!("  issues: {}", issues.len());
    let (stats, _) = model::read(&doc);
    time("totals (computed view)", 20, || totals::totals(&stats));
    let csv_text = time("export CSV", 20, || csv::write(&stats));
    let _ = time("read CSV back", 20, || csv::read(&csv_text).map(|_| ()));

    // One error in every row (R010), split into the steps `validatePacked` takes.
    let mut bad = doc.clone();
    for r in bad["rows"].as_array_mut().unwrap() {
        r["orgs_reviewed"] = json!(r["orgs_total"].as_u64().unwrap() + 1);
    }
    println!("one error per row:");
    let (bad_doc, read_issues) = model::read(&bad);
    let mut found = time("  rules (check_stats)", 20, || check_stats(&bad_doc, read_issues.clone(), None));
    cap_floods(&mut found);
    time("  messages (localize)", 20, || localize(&mut found, Locale::ZhCn));
    println!("  issues: {}", found.len());
    let v = time("  issues as a Value tree", 20, || serde_json::to_value(&found).unwrap());
    time("  that tree as JSON text", 20, || v.to_string().len());
    time("  issues straight to JSON text", 20, || serde_json::to_string(&found).unwrap().len());
}
