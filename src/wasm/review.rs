//! [`ReviewHandle`]: the 领导点评登记表's state in Rust, like [`super::FormHandle`] for the
//! statistics table. The roster is read and indexed once, when it is set; a keystroke sends the
//! one entry and gets its issues back, so it costs the entry, not the roster.

use serde_json::Value;
use wasm_bindgen::prelude::*;

use super::issues_text;
use crate::core::issue::Locale;
use crate::core::json;
use crate::core::review::entry_form::{Choice, EntryForm};

fn roster_of(text: &str) -> Option<Value> {
    json::parse(text).ok().filter(|v| !v.is_null())
}

fn choices(list: Vec<Choice>) -> String {
    Value::Array(list.into_iter().map(|(v, l)| Value::Array(vec![v.into(), l.into()])).collect()).to_string()
}

/// The entry form's state. Every method answers JSON text.
#[wasm_bindgen]
pub struct ReviewHandle {
    form: EntryForm,
    locale: Locale,
}

#[wasm_bindgen]
impl ReviewHandle {
    /// A form over `roster` (`cxzy-roster/1` JSON text; empty or `null` for none).
    #[wasm_bindgen(constructor)]
    pub fn new(roster: &str, locale: &str) -> ReviewHandle {
        ReviewHandle { form: EntryForm::new(roster_of(roster)), locale: Locale::parse(locale).unwrap_or_default() }
    }

    /// Uses another roster (read and indexed now, once).
    #[wasm_bindgen(js_name = setRoster)]
    pub fn set_roster(&mut self, roster: &str) {
        self.form.set_roster(roster_of(roster));
    }

    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&mut self, locale: &str) {
        self.locale = Locale::parse(locale).unwrap_or_default();
    }

    #[wasm_bindgen(js_name = hasRoster)]
    pub fn has_roster(&self) -> bool {
        self.form.has_roster()
    }

    #[wasm_bindgen(js_name = orgCount)]
    pub fn org_count(&self) -> usize {
        self.form.org_count()
    }

    /// The issues of one entry (JSON text of an entry object) as `Issue[]`; `today` bounds the
    /// date (E002).
    pub fn check(&self, entry: &str, today: &str) -> String {
        let entry = json::parse(entry).unwrap_or(Value::Null);
        let today = crate::core::normalize::parse_date(today).ok();
        issues_text(&self.form.check(&entry, today, self.locale))
    }

    /// `[[name, label], …]`: the names a target of `kind` may have.
    #[wasm_bindgen(js_name = targetChoices)]
    pub fn target_choices(&self, kind: &str) -> String {
        choices(self.form.target_choices(kind))
    }

    /// `[[id, label], …]` of the organisations.
    #[wasm_bindgen(js_name = orgChoices)]
    pub fn org_choices(&self) -> String {
        choices(self.form.org_choices())
    }

    /// `[[id, label], …]` of the members.
    #[wasm_bindgen(js_name = memberChoices)]
    pub fn member_choices(&self) -> String {
        choices(self.form.member_choices())
    }

    /// `{ id, org }` of the one roster entry of `kind` (or `reviewer`) named `name`, or `null`.
    pub fn resolve(&self, kind: &str, name: &str) -> String {
        match self.form.resolve(kind, name) {
            Some((id, org)) => serde_json::json!({ "id": id, "org": org }).to_string(),
            None => "null".into(),
        }
    }
}

/// The gap lists of a coverage result as tables: `{ orgs: { title, head, rows }, … }`, roster ids
/// resolved to names, kinds, organisations and units, headers in `locale`.
#[wasm_bindgen(js_name = gapTables)]
pub fn gap_tables(roster: &str, gaps: &str, locale: &str) -> String {
    let roster = json::parse(roster).unwrap_or(Value::Null);
    let gaps = json::parse(gaps).unwrap_or(Value::Null);
    crate::core::review::gap_table::gap_tables(&roster, &gaps, Locale::parse(locale).unwrap_or_default()).to_string()
}
