//! One entry point for every document: recognises it by its `format` and runs its checks.

use chrono::NaiveDate;
use serde_json::Value;

use crate::core::issue::{Issue, Locale};
use crate::core::json::ParseError;
use crate::core::messages;
use crate::core::review;
use crate::core::stats::{self, model, rules};

/// What a check may be given besides the document (SPEC §8.1 `validate(doc, options)`).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Batch 1 of the same unit, for the P rules when checking batch 2.
    pub previous: Option<Value>,
    /// A roster, for the entries' E014/E015.
    pub roster: Option<Value>,
    pub locale: Locale,
    /// "Today" (entries dated later are E002); the caller's clock, never the core's.
    pub today: Option<NaiveDate>,
}

/// The formats this crate reads.
pub const FORMATS: [&str; 3] = [model::FORMAT, "cxzy-roster/1", "cxzy-entries/1"];

/// Checks a statistics table, already read, with every rule of SPEC §5.1 and, given
/// `previous`, §5.2's P rules. Messages are not yet rendered.
pub fn check_stats(doc: &stats::StatsDoc, read_issues: Vec<Issue>, previous: Option<&Value>) -> Vec<Issue> {
    let mut issues = read_issues;
    issues.extend(rules::check_table(doc));
    if let Some(prev) = previous {
        let (prev_doc, _) = model::read(prev);
        issues.extend(stats::previous::compare(doc, &prev_doc));
    }
    issues
}

/// Checks any document, recognised by its `format`, and renders the messages in the locale.
pub fn validate(doc: &Value, opts: &Options) -> Vec<Issue> {
    let format = doc.get("format").and_then(Value::as_str).unwrap_or("");
    let mut issues = match format {
        "cxzy-roster/1" => review::validate_roster(doc),
        "cxzy-entries/1" => review::validate_entries(doc, opts.roster.as_ref(), opts.today),
        // Anything else is read as a statistics table: T009 names a wrong `format`.
        _ => {
            let (d, read_issues) = model::read(doc);
            check_stats(&d, read_issues, opts.previous.as_ref())
        }
    };
    crate::core::issue::cap_floods(&mut issues);
    messages::localize(&mut issues, opts.locale);
    issues
}

/// As [`validate`], from JSON text: a statistics table is read in one pass (no `Value` tree);
/// the other formats are read from the top-level value. `Err` only when the text is not JSON.
pub fn validate_text(text: &str, opts: &Options) -> Result<Vec<Issue>, ParseError> {
    #[cfg(feature = "review")]
    if let Some(issues) = review_text(text, opts, None)? {
        return Ok(issues);
    }
    let read = model::read_text(text)?;
    let mut issues = match read.format() {
        "cxzy-roster/1" | "cxzy-entries/1" => {
            // The top level's repeated keys (T015) come from the one-pass read.
            let mut issues: Vec<Issue> = read.issues.into_iter().filter(|i| i.code == "T015").collect();
            messages::localize(&mut issues, opts.locale);
            issues.extend(validate(&read.top, opts));
            return Ok(issues);
        }
        _ => check_stats(&read.doc, read.issues, opts.previous.as_ref()),
    };
    crate::core::issue::cap_floods(&mut issues);
    messages::localize(&mut issues, opts.locale);
    Ok(issues)
}

/// [`validate_text`] with the entries' roster given read and indexed (`roster`, in place of
/// `opts.roster`): what the CLI does with its `--roster` file, read once by the one-pass reader.
#[cfg(feature = "review")]
pub fn validate_text_indexed(text: &str, opts: &Options, roster: Option<&review::roster::Index<'_>>) -> Result<Vec<Issue>, ParseError> {
    match review_text(text, opts, roster)? {
        Some(issues) => Ok(issues),
        None => validate_text(text, opts),
    }
}

/// A roster or entries document from text, read in one pass (`review::stream`: no `Value`, a
/// key given twice is T015 at any depth); `None` for another format. `index`: the entries'
/// roster, when given read (else `opts.roster`).
#[cfg(feature = "review")]
fn review_text(text: &str, opts: &Options, index: Option<&review::roster::Index<'_>>) -> Result<Option<Vec<Issue>>, ParseError> {
    use crate::core::issue::MAX_PER_CODE;
    use crate::core::json::with_deserializer;
    use review::stream;
    let strings = stream::Strings::new();
    let mut issues = match stream::format_of(text.as_bytes()).as_deref() {
        Some(review::roster::FORMAT) => {
            let (r, read) = with_deserializer(text, |d| stream::read_roster_capped(d, &strings, MAX_PER_CODE))?;
            review::roster::validate_read(&r, read)
        }
        Some(review::entries::FORMAT) => {
            let (e, read) = with_deserializer(text, |d| stream::read_entries_capped(d, &strings, MAX_PER_CODE))?;
            match index {
                Some(ix) => review::entries::validate_indexed(&e, read, Some(ix), opts.today),
                None => review::entries::validate_read(&e, read, opts.roster.as_ref(), opts.today),
            }
        }
        _ => return Ok(None),
    };
    messages::localize(&mut issues, opts.locale);
    Ok(Some(issues))
}
