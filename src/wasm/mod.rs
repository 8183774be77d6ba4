//! The `#[wasm_bindgen]` API: a thin layer over [`crate::core`] for the npm package.
//!
//! Values cross the boundary as JSON text: the package's JavaScript (`js/index.js`) stringifies
//! what the portal passes and parses what comes back. That keeps this layer free of per-type
//! conversion code and the wasm small (one JSON reader and writer, which the core has anyway),
//! and JSON text is exactly the documents' own format. Every function answers an envelope,
//! `{"ok": …}` or `{"error": {"line", "column", "message"}}` when the input is not readable at
//! all; issues are results, never errors.
//!
//! Long-lived state — the table being edited — stays here behind one opaque handle,
//! [`FormHandle`], so that an edit sends one cell in and gets back only what changed.
//!
//! Built twice (scripts/build-pkg.sh): the full API (`cxzy_form_bg.wasm`, what `init()` loads),
//! and with `--no-default-features` (no `review`) the statistics form's own module (`cxzy_stats_bg.wasm`,
//! what `<cxzy-stats-form>` loads): without the review entries, roster, coverage and roll-up,
//! which the form never calls, so that the embedded form stays within its download budget.

#[cfg(feature = "review")]
use chrono::NaiveDate;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

use crate::core::form::{Edit, FormState};
use crate::core::issue::{Issue, Locale};
use crate::core::json::{self, ParseError};
use crate::core::messages;
use crate::core::stats::{self, csv, model};
#[cfg(feature = "review")]
use crate::core::stats::totals as tot;
#[cfg(feature = "review")]
use crate::core::stats::aggregate as roll_up;
use crate::core::validate as check;
#[cfg(feature = "review")]
use crate::core::validate::Options;
#[cfg(feature = "review")]
use crate::core::columns;
use crate::core::presets;

#[cfg(feature = "review")]
mod review;

/// The allocator: talc instead of the default dlmalloc — some 2 KiB gzip less for the embedded
/// form's download, and as fast for the many small allocations of JSON values.
#[global_allocator]
static ALLOC: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

fn ok(v: Value) -> String {
    json!({ "ok": v }).to_string()
}

/// The `error` envelope: where, the kind (the catalogue id of its sentence, [`json::ParseKind::id`])
/// and the reader's message. The statistics form's own module gives no kind (its download
/// budget): `parseErrorText` in the full module classes the message instead.
fn err(e: &ParseError) -> String {
    #[cfg(not(feature = "review"))]
    return json!({ "error": { "line": e.line, "column": e.column, "message": e.message } }).to_string();
    #[cfg(feature = "review")]
    json!({ "error": { "line": e.line, "column": e.column, "kind": e.kind.id(), "message": e.message } }).to_string()
}

fn issues_value(issues: &[Issue]) -> Value {
    serde_json::to_value(issues).unwrap_or(Value::Array(Vec::new()))
}

/// `issues` as JSON text, written straight (core::issue::write_issues), not through a `Value`.
/// The statistics form's own module (its download budget; a form's edit answers for one row)
/// writes them through a `Value`, as the rest of it does: the same text, no second serialiser.
#[cfg(feature = "review")]
fn issues_text(issues: &[Issue]) -> String {
    let mut s = String::with_capacity(64 + issues.len() * 256);
    crate::core::issue::write_issues(&mut s, issues);
    s
}

#[cfg(not(feature = "review"))]
fn issues_text(issues: &[Issue]) -> String {
    issues_value(issues).to_string()
}

fn locale_of(opts: &Value) -> Locale {
    opts.get("locale").and_then(Value::as_str).and_then(Locale::parse).unwrap_or_default()
}

#[cfg(feature = "review")]
fn date_of(opts: &Value, key: &str) -> Option<NaiveDate> {
    opts.get(key).and_then(Value::as_str).and_then(|s| crate::core::normalize::parse_date(s).ok())
}

/// Options passed as JSON text; unreadable or absent options are the defaults.
fn options(opts: &str) -> Value {
    json::parse(opts).unwrap_or(Value::Null)
}

/// `validate(doc, { previous, roster, locale, today })` → `Issue[]` (SPEC §8.1). `doc` is the
/// document's JSON text; it is recognised by its `format`.
// In the full module only: the statistics form checks through its FormHandle, and SPEC §8.1's
// `validate` comes after `init()`; the embedded form's module stays within its download budget.
#[cfg(feature = "review")]
#[wasm_bindgen(js_name = validateJson)]
pub fn validate_json(doc: &str, opts: &str) -> String {
    let o = options(opts);
    let options = Options {
        previous: o.get("previous").filter(|v| !v.is_null()).cloned(),
        roster: o.get("roster").filter(|v| !v.is_null()).cloned(),
        locale: locale_of(&o),
        today: date_of(&o, "today"),
    };
    match check::validate_text(doc, &options) {
        Ok(issues) => ok_issues(&issues),
        Err(e) => err(&e),
    }
}

#[cfg(feature = "review")]
/// The packed form of a statistics table (see [`model::read_packed`]): `head` JSON text of the
/// fields without `rows`, `names` JSON text of the rows' names, `cells` 20 numbers per row.
fn packed(head: &str, names: &str, cells: &[f64]) -> Result<model::Read, ParseError> {
    let names = match json::parse(names)? {
        Value::Array(a) => a,
        _ => Vec::new(),
    };
    model::read_packed(head, &names, cells)
}

/// `validate(doc)` for a statistics table given as an object: its rows come as numbers
/// (`cells`), not as JSON text — the boundary costs a copy of 8 bytes per cell instead of
/// `JSON.stringify` and a parse. Same answer as [`validate_json`] on the document's text.
#[cfg(feature = "review")]
#[wasm_bindgen(js_name = validatePacked)]
pub fn validate_packed(head: &str, names: &str, cells: &[f64], opts: &str) -> String {
    let read = match packed(head, names, cells) {
        Ok(r) => r,
        Err(e) => return err(&e),
    };
    let o = options(opts);
    let previous = o.get("previous").filter(|v| !v.is_null());
    let mut issues = check::check_stats(&read.doc, read.issues, previous);
    crate::core::issue::cap_floods(&mut issues);
    messages::localize(&mut issues, locale_of(&o));
    ok_issues(&issues)
}

/// `totals(doc)` for a table given as an object (packed as for [`validate_packed`]): writes the
/// view into `out`, 25 numbers per row (the 合计 row first, then every row, in column order
/// after `name`): inputs and `methods_total` as integers, coverages in tenths of a percent
/// rounded down, `NaN` for an unknown value (`null`, or `—` for a coverage). Answers the names
/// that differ from the `name` given (`{ "3": "#4" }`: blank names shown by number, names
/// trimmed), so that JavaScript builds SPEC §3.4's view without a JSON text of it.
#[cfg(feature = "review")]
#[wasm_bindgen(js_name = totalsPacked)]
pub fn totals_packed(names: &str, cells: &[f64], out: &mut [f64]) -> String {
    // Straight from the cells, without reading the rows into `Row`s: a packed cell is a whole
    // number in 0‥2⁵³ (a value up to `MAX_COUNT`, over it R004's invalid cell) or NaN (no
    // value), and a name is shown trimmed, or by number when blank — as `read_packed` reads them.
    let given: Vec<Value> = match json::parse(names) {
        Ok(Value::Array(a)) => a,
        Ok(_) => Vec::new(),
        Err(e) => return err(&e),
    };
    let n = given.len().min(model::MAX_ROWS);
    let cell = |i: usize, c: usize| {
        let x = cells.get(i * columns::INPUT_COUNT + c).copied().unwrap_or(f64::NAN);
        // `as` saturates; the packer sends only whole numbers in 0‥2⁵³.
        (!x.is_nan() && x <= crate::core::limits::MAX_COUNT as f64).then_some(x as u64)
    };
    let width = columns::COLUMNS.len() - 1;
    let mut write = |k: usize, v: &tot::Values| {
        let mut input = 0;
        for (j, c) in columns::COLUMNS[1..].iter().enumerate() {
            let x = match tot::compute(c.kind, v) {
                None => {
                    input += 1;
                    v[input - 1].map_or(f64::NAN, |x| x as f64)
                }
                Some(tot::Computed::Sum(s)) => s.map_or(f64::NAN, |x| x as f64),
                Some(tot::Computed::Ratio(r)) => r.and_then(tot::Ratio::permille).map_or(f64::NAN, |p| p as f64),
            };
            if let Some(slot) = out.get_mut(k * width + j) {
                *slot = x;
            }
        }
    };
    let mut sums = Some([0u64; columns::INPUT_COUNT]);
    let mut renamed = serde_json::Map::new();
    for (i, name) in given.iter().take(n).enumerate() {
        let v: tot::Values = std::array::from_fn(|c| cell(i, c));
        write(i + 1, &v);
        // As `column_sums`: past u64 the 合计 row has no values (X004 is `validate`'s to say).
        sums = sums.and_then(|mut s| {
            for (t, x) in s.iter_mut().zip(v) {
                *t = t.checked_add(x.unwrap_or(0))?;
            }
            Some(s)
        });
        match name.as_str().map(crate::core::normalize::trim).filter(|t| !t.is_empty()) {
            Some(t) if Some(t) == name.as_str() => {}
            Some(t) => drop(renamed.insert(i.to_string(), t.into())),
            None => drop(renamed.insert(i.to_string(), format!("#{}", i + 1).into())),
        }
    }
    write(0, &sums.map_or([None; columns::INPUT_COUNT], |s| s.map(Some)));
    ok(Value::Object(renamed))
}

#[cfg(feature = "review")]
/// Issues as the `{ "ok": [...] }` envelope, written straight from the issues (no `Value`).
fn ok_issues(issues: &[Issue]) -> String {
    let mut s = String::with_capacity(64 + issues.len() * 256);
    s.push_str("{\"ok\":");
    crate::core::issue::write_issues(&mut s, issues);
    s.push('}');
    s
}

/// Reads a statistics table from CSV text (already decoded: UTF-8, with or without BOM, or GBK
/// decoded by the page, which then passes `{ "encoding": "gbk" }` for N006) and checks it:
/// `{ doc, issues }`.
#[wasm_bindgen(js_name = readCsv)]
pub fn read_csv(text: &str, opts: &str) -> String {
    let o = options(opts);
    match csv::read(text) {
        Ok((doc, mut read_issues)) => {
            // `{ encoding: "gbk" }`: the page decoded the bytes as GBK (js/api.js decodeBytes).
            if o.get("encoding").and_then(Value::as_str).is_some_and(|e| ["gbk", "gb18030"].contains(&e.to_ascii_lowercase().as_str())) {
                read_issues.insert(0, csv::gbk_notice());
            }
            #[cfg(feature = "review")]
            let previous = o.get("previous").filter(|v| !v.is_null());
            #[cfg(not(feature = "review"))]
            let previous = None;
            let mut issues = check::check_stats(&doc, read_issues, previous);
            // At most 1 000 of a code, and X005 says how many more (SPEC §7), as the CLI lists
            // them: a header of 200 000 unknown cells is not 200 000 messages in the page.
            crate::core::issue::cap_floods(&mut issues);
            messages::localize(&mut issues, locale_of(&o));
            ok(json!({ "doc": doc.to_value(), "issues": issues_value(&issues) }))
        }
        Err(e) => err(&e),
    }
}

/// Reads a statistics table from a worksheet's cells (JSON `string[][]`, as the package's xlsx
/// reader gives them: js/excel.js) and checks it: `{ doc, issues }`. Full module only: the
/// embedded form loads it with the Excel module, so its first download does not grow.
#[cfg(feature = "review")]
#[wasm_bindgen(js_name = readSheet)]
pub fn read_sheet(grid: &str, opts: &str) -> String {
    let o = options(opts);
    // Through the core's JSON reader (serde's typed path would add some 15 KiB gzip of wasm).
    let grid: Vec<Vec<String>> = match json::parse(grid) {
        Ok(Value::Array(rows)) => rows
            .iter()
            .map(|r| r.as_array().map_or_else(Vec::new, |cells| cells.iter().map(|c| c.as_str().unwrap_or("").to_string()).collect()))
            .collect(),
        Ok(_) => return err(&ParseError::new(json::ParseKind::NotRows, 0, 0, "a sheet is an array of rows")),
        Err(e) => return err(&e),
    };
    match stats::sheet::read(&grid) {
        Ok((doc, read_issues)) => {
            let mut issues = check::check_stats(&doc, read_issues, o.get("previous").filter(|v| !v.is_null()));
            crate::core::issue::cap_floods(&mut issues);
            messages::localize(&mut issues, locale_of(&o));
            ok(json!({ "doc": doc.to_value(), "issues": issues_value(&issues) }))
        }
        Err(e) => err(&e),
    }
}

/// Writes a statistics table as CSV (UTF-8 with BOM, zh-CN headers, 合计 first).
#[wasm_bindgen(js_name = writeCsv)]
pub fn write_csv(doc: &str) -> String {
    match json::parse(doc) {
        Ok(v) => ok(Value::from(csv::write(&model::read(&v).0))),
        Err(e) => err(&e),
    }
}

/// `totals(doc)` → `{ total, rows }` (SPEC §3.4). In the full module only, as `validate`.
#[cfg(feature = "review")]
#[wasm_bindgen(js_name = totalsJson)]
pub fn totals_json(doc: &str) -> String {
    match model::read_text(doc) {
        Ok(r) => ok(tot::totals(&r.doc).0),
        Err(e) => err(&e),
    }
}

#[cfg(feature = "review")]
/// `aggregate(children, { unit, batch, locale })` → `{ doc, issues, refused }`: the parent table
/// and the A issues; `refused` when A001/A002 make the parent wrong.
#[wasm_bindgen(js_name = aggregateJson)]
pub fn aggregate_json(children: &str, opts: &str) -> String {
    let children = match json::parse(children) {
        Ok(Value::Array(a)) => a,
        Ok(other) => vec![other],
        Err(e) => return err(&e),
    };
    let o = options(opts);
    let unit = o.get("unit").and_then(Value::as_str).unwrap_or("");
    let batch = o.get("batch").and_then(Value::as_u64).and_then(|b| u8::try_from(b).ok());
    let (doc, mut issues) = roll_up::aggregate(&children, unit, batch);
    messages::localize(&mut issues, locale_of(&o));
    ok(json!({
        "doc": doc.to_value(),
        "refused": roll_up::refused(&issues),
        "issues": issues_value(&issues),
    }))
}

#[cfg(feature = "review")]
/// `coverage(roster, entries, { as_of, batch, unit, locale })` → `{ table, gaps, issues }`
/// (SPEC §6.3).
#[wasm_bindgen(js_name = coverageJson)]
pub fn coverage_json(roster: &str, entries: &str, opts: &str) -> String {
    // One pass over each text (no `Value` tree), as the CLI reads them.
    use crate::core::review::stream;
    let strings = stream::Strings::new();
    let (roster, entries) = match (stream::roster_text(roster, &strings), stream::entries_text(entries, &strings)) {
        (Ok(r), Ok(e)) => (r, e),
        (Err(e), _) | (_, Err(e)) => return err(&e),
    };
    let o = options(opts);
    let Some(as_of) = date_of(&o, "as_of") else {
        return err(&ParseError::new(json::ParseKind::NotADate, 0, 0, "coverage: options.as_of must be a date"));
    };
    let batch = o.get("batch").and_then(Value::as_u64).and_then(|b| u8::try_from(b).ok()).unwrap_or(1);
    let unit = o.get("unit").and_then(Value::as_str).unwrap_or("");
    let mut c = crate::core::review::coverage_of(roster, entries, as_of, batch, unit);
    messages::localize(&mut c.issues, locale_of(&o));
    ok(c.to_value())
}

/// What the forms need to draw themselves: the core's vocabulary in the locale (see
/// [`crate::core::vocab::meta`]); the JavaScript holds no domain list, label or limit of its own.
#[wasm_bindgen]
pub fn meta(locale: &str) -> String {
    let locale = Locale::parse(locale).unwrap_or_default();
    // The statistics form's own module carries the form's part only, written as text (its
    // download budget).
    #[cfg(not(feature = "review"))]
    return format!("{{\"ok\":{}}}", crate::core::vocab::meta::stats_meta_text(locale));
    #[cfg(feature = "review")]
    ok(crate::core::vocab::meta::meta(locale))
}

/// The sentence for a document that cannot be read (`{ line, column, kind, message }` of an
/// `error` envelope, as `CxzyParseError` carries them), in the clerk's locale:
/// `第 4 行第 56 列：此处应为带引号的字段名`, or for a picture opened by mistake
/// `该文件既不是 JSON 也不是表格（CSV）…`. `kind` is the catalogue id of the sentence
/// ([`json::ParseKind::id`]); without one (`''`, the statistics form's own module) or with the
/// general `json_syntax`, the message's class gives it.
#[cfg(feature = "review")]
#[wasm_bindgen(js_name = parseErrorText)]
pub fn parse_error_text(line: usize, column: usize, message: &str, locale: &str, kind: &str) -> String {
    let locale = Locale::parse(locale).unwrap_or_default();
    match json::ParseKind::of_id(kind).filter(|k| *k != json::ParseKind::Syntax) {
        Some(kind) => messages::parse_error_as(kind, line, column, message, locale),
        None => messages::parse_error(line, column, message, locale),
    }
}

/// The statistics table being edited in a form. Every method answers JSON text.
#[wasm_bindgen]
pub struct FormHandle {
    state: FormState,
    locale: Locale,
}

#[wasm_bindgen]
impl FormHandle {
    /// A form holding `doc` (JSON text; unreadable text gives an empty table, and the error is
    /// for the caller to have reported — see [`parse_json`]).
    #[wasm_bindgen(constructor)]
    pub fn new(doc: &str, locale: &str) -> FormHandle {
        let v = json::parse(doc).unwrap_or(Value::Null);
        FormHandle { state: FormState::load(&v), locale: Locale::parse(locale).unwrap_or_default() }
    }

    /// Switches the language of messages.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&mut self, locale: &str) {
        self.locale = Locale::parse(locale).unwrap_or_default();
    }

    /// The document (JSON text), invalid input kept as typed.
    pub fn data(&self) -> String {
        self.state.to_value().to_string()
    }

    /// Every issue (JSON `Issue[]`).
    pub fn issues(&self) -> String {
        issues_text(&self.state.issues(self.locale))
    }

    /// `{ total, rows }`.
    pub fn totals(&self) -> String {
        self.state.totals().to_string()
    }

    #[wasm_bindgen(js_name = rowCount)]
    pub fn row_count(&self) -> usize {
        self.state.row_count()
    }

    /// Sets an input cell to the text typed; answers what changed (see [`FormHandle::answer`]).
    #[wasm_bindgen(js_name = setCell)]
    pub fn set_cell(&mut self, row: usize, field: &str, text: &str) -> String {
        let e = self.state.set_cell(row, field, text);
        self.answer(e)
    }

    /// Renames a row.
    #[wasm_bindgen(js_name = setName)]
    pub fn set_name(&mut self, row: usize, text: &str) -> String {
        let e = self.state.set_name(row, text);
        self.answer(e)
    }

    /// Sets a header field or report section.
    #[wasm_bindgen(js_name = setHeader)]
    pub fn set_header(&mut self, field: &str, text: &str) -> String {
        let e = self.state.set_header(field, text);
        self.answer(e)
    }

    #[wasm_bindgen(js_name = insertRow)]
    pub fn insert_row(&mut self, at: usize, name: &str) -> String {
        let e = self.state.insert_row(at, name);
        self.answer(e)
    }

    #[wasm_bindgen(js_name = removeRow)]
    pub fn remove_row(&mut self, at: usize) -> String {
        let e = self.state.remove_row(at);
        self.answer(e)
    }

    /// What an edit changed, and nothing more: `null` when the edit was refused, else `{ row,
    /// rowIssues, rowView, total, names?, header?, all? }` — `names` / `header` when those
    /// issues were re-checked, `all` (every issue) after a change that touches every row.
    fn answer(&self, e: Option<Edit>) -> String {
        let Some(e) = e else { return "null".into() };
        let mut m = serde_json::Map::new();
        if let Some(r) = e.row {
            m.insert("row".into(), r.into());
            m.insert("rowIssues".into(), issues_value(&self.state.row_issues(r, self.locale)));
            m.insert("rowView".into(), self.state.row_view(r));
        }
        m.insert("total".into(), self.state.total_view());
        if e.names {
            m.insert("names".into(), issues_value(&self.state.name_issues(self.locale)));
        }
        if e.header {
            m.insert("header".into(), issues_value(&self.state.header_issues(self.locale)));
        }
        if e.full {
            m.insert("all".into(), issues_value(&self.state.issues(self.locale)));
        }
        Value::Object(m).to_string()
    }
}

/// Parses JSON text, with line and column on failure: `{ ok: value }` or `{ error }`.
#[wasm_bindgen(js_name = parseJson)]
pub fn parse_json(text: &str) -> String {
    match json::parse(text) {
        Ok(v) => ok(v),
        Err(e) => err(&e),
    }
}

/// A blank table for a preset (or given row names) as JSON text.
#[wasm_bindgen(js_name = blankDoc)]
pub fn blank_doc(preset: &str, rows: &str) -> String {
    let names: Vec<String> = json::parse(rows)
        .ok()
        .and_then(|v| v.as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect()))
        .unwrap_or_default();
    let p = presets::find(preset);
    let refs: Vec<&str> = if names.is_empty() {
        p.map(|p| p.rows.to_vec()).unwrap_or_default()
    } else {
        names.iter().map(String::as_str).collect()
    };
    let preset = (!preset.is_empty()).then_some(preset);
    let mut d = stats::StatsDoc::blank(preset, &refs);
    if p.is_some() {
        // A blank form's written report is there to be filled in.
        d.report = Some(Default::default());
    }
    d.to_value().to_string()
}
