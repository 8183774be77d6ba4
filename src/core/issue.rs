//! Issues: what every check returns. An issue is data — a stable `code`, a JSON-Pointer `path`,
//! `params` with the values involved — and a `message` rendered from the catalogue
//! ([`crate::core::messages`]) in the caller's locale.

use serde::Serialize;
use serde_json::{Map, Value};

/// How serious an issue is. `Error` blocks submission, `Warning` needs a look,
/// `Info` reports a normalisation (e.g. `１,２００` read as `1200`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// The language of messages. zh-CN is the default: clerks read Chinese.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    ZhCn,
    En,
}

impl Locale {
    /// Reads `zh-CN`, `zh`, `en`, `en-US`… (case-insensitive); anything else is `None`.
    pub fn parse(s: &str) -> Option<Locale> {
        let l = s.trim().to_ascii_lowercase();
        if l == "zh" || l.starts_with("zh-") || l.starts_with("zh_") {
            Some(Locale::ZhCn)
        } else if l == "en" || l.starts_with("en-") || l.starts_with("en_") {
            Some(Locale::En)
        } else {
            None
        }
    }
}

/// One finding of a check.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    pub code: &'static str,
    pub severity: Severity,
    /// JSON Pointer (RFC 6901) into the checked document.
    pub path: String,
    pub related: Vec<String>,
    pub message: String,
    pub params: Map<String, Value>,
}

impl Issue {
    /// A new issue with its severity taken from the catalogue; the message is rendered later by
    /// [`crate::core::messages::localize`], once the locale is known.
    pub fn new(code: &'static str, path: impl Into<String>) -> Issue {
        Issue {
            code,
            severity: crate::core::messages::severity_of(code),
            path: path.into(),
            related: Vec::new(),
            message: String::new(),
            params: Map::new(),
        }
    }

    /// Adds a parameter (builder style).
    pub fn param(mut self, key: &str, value: impl Into<Value>) -> Issue {
        self.params.insert(key.to_string(), value.into());
        self
    }

    /// Adds a related path (builder style).
    pub fn related(mut self, path: impl Into<String>) -> Issue {
        self.related.push(path.into());
        self
    }

    /// Overrides the catalogue's severity (for codes whose severity depends on the case).
    pub fn severity(mut self, severity: Severity) -> Issue {
        self.severity = severity;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Escapes one JSON-Pointer reference token (RFC 6901 §3: `~` → `~0`, `/` → `~1`).
pub fn escape_token(token: &str) -> String {
    let mut s = String::with_capacity(token.len());
    push_token(&mut s, token);
    s
}

/// Appends `token` escaped (RFC 6901 §3); most tokens (field names, row numbers) need nothing.
fn push_token(s: &mut String, token: &str) {
    if token.bytes().any(|b| b == b'~' || b == b'/') {
        s.push_str(&token.replace('~', "~0").replace('/', "~1"));
    } else {
        s.push_str(token);
    }
}

/// Builds a pointer from tokens: `pointer(&["rows", "3", "orgs_total"])` → `/rows/3/orgs_total`.
pub fn pointer(tokens: &[&str]) -> String {
    let mut s = String::with_capacity(tokens.iter().map(|t| t.len() + 1).sum());
    for t in tokens {
        s.push('/');
        push_token(&mut s, t);
    }
    s
}

/// `/rows/{row}/{field}`, the path of a table cell.
pub fn cell_path(row: usize, field: &str) -> String {
    let mut s = format!("/rows/{row}/");
    push_token(&mut s, field);
    s
}

/// Appends `issues` as JSON text: exactly what `serde_json::to_string(issues)` writes (the
/// same keys in the same order, the same escapes), without its per-byte escaping of the many
/// strings that need none (paths, codes, most messages) — the JSON text of 1 000 issues was a
/// quarter of a 1 000-error `validate` in the wasm.
pub fn write_issues(out: &mut String, issues: &[Issue]) {
    out.push('[');
    for (k, i) in issues.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        out.push_str("{\"code\":");
        push_json_str(out, i.code);
        out.push_str(",\"severity\":");
        out.push_str(match i.severity {
            Severity::Error => "\"error\"",
            Severity::Warning => "\"warning\"",
            Severity::Info => "\"info\"",
        });
        out.push_str(",\"path\":");
        push_json_str(out, &i.path);
        out.push_str(",\"related\":[");
        for (n, r) in i.related.iter().enumerate() {
            if n > 0 {
                out.push(',');
            }
            push_json_str(out, r);
        }
        out.push_str("],\"message\":");
        push_json_str(out, &i.message);
        out.push_str(",\"params\":{");
        for (n, (key, v)) in i.params.iter().enumerate() {
            if n > 0 {
                out.push(',');
            }
            push_json_str(out, key);
            out.push(':');
            match v {
                Value::String(s) => push_json_str(out, s),
                Value::Number(x) => out.push_str(&x.to_string()),
                other => out.push_str(&other.to_string()),
            }
        }
        out.push_str("}}");
    }
    out.push(']');
}

/// `s` as a JSON string: copied as it is when it holds no `"`, `\\` or control character,
/// else escaped by serde_json (so the text is always serde_json's).
fn push_json_str(out: &mut String, s: &str) {
    if needs_escape(s.as_bytes()) {
        out.push_str(&Value::from(s).to_string());
    } else {
        out.push('"');
        out.push_str(s);
        out.push('"');
    }
}

/// Any byte below 0x20, `"` or `\\`: eight bytes at a time (SWAR: no SIMD in the wasm).
fn needs_escape(b: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Nonzero exactly when some byte of `w` is below `n` (n ≤ 0x80).
    let below = |w: u64, n: u64| w.wrapping_sub(ONES * n) & !w & HIGH;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        if below(w, 0x20) | below(w ^ (ONES * u64::from(b'"')), 1) | below(w ^ (ONES * u64::from(b'\\')), 1) != 0 {
            return true;
        }
    }
    chunks.remainder().iter().any(|&c| c < 0x20 || c == b'"' || c == b'\\')
}

/// True when any issue is an error.
pub fn has_errors(issues: &[Issue]) -> bool {
    issues.iter().any(Issue::is_error)
}

/// Most issues of one code that are listed (SPEC §7).
pub const MAX_PER_CODE: usize = 1000;

/// Issues kept as they are raised, at most `cap` of a code, the rest only counted: a flood of
/// one code (a million entries, one mistake each) costs no memory (SPEC §7). [`cap_floods`]
/// counts the same way over a finished list.
pub struct Capped {
    pub out: Vec<Issue>,
    cap: usize,
    /// Per code, in order of first sight, how many were raised (kept or not).
    counts: Vec<(&'static str, usize)>,
}

impl Capped {
    pub fn new(cap: usize) -> Capped {
        Capped { out: Vec::new(), cap, counts: Vec::new() }
    }
    pub fn push(&mut self, issue: Issue) {
        // Codes are few: a small list beats a hash map.
        let n = match self.counts.iter_mut().find(|c| c.0 == issue.code) {
            Some(c) => {
                c.1 += 1;
                c.1
            }
            None => {
                self.counts.push((issue.code, 1));
                1
            }
        };
        if n <= self.cap {
            self.out.push(issue);
        }
    }
    /// Per code, how many were raised but not kept.
    pub fn dropped(&self) -> impl Iterator<Item = (&'static str, usize)> + '_ {
        self.counts.iter().filter(|c| c.1 > self.cap).map(|c| (c.0, c.1 - self.cap))
    }
    /// The issues kept, then one info X005 per code with the count left out (`params: { code,
    /// more }`), in the order the codes were first raised.
    pub fn finish(mut self) -> Vec<Issue> {
        for (code, n) in self.counts {
            if n > self.cap {
                self.out.push(Issue::new("X005", "").param("code", code).param("more", n - self.cap));
            }
        }
        self.out
    }
}

/// Bounds an issue flood (SPEC §7): keeps the first [`MAX_PER_CODE`] issues of each code, in
/// order, and appends one info X005 per code with the count left out (`params: { code, more }`).
pub fn cap_floods(issues: &mut Vec<Issue>) {
    if issues.len() <= MAX_PER_CODE {
        return;
    }
    let mut capped = Capped::new(MAX_PER_CODE);
    std::mem::take(issues).into_iter().for_each(|i| capped.push(i));
    *issues = capped.finish();
}

/// [`cap_floods`], counting in the X005 summaries the issues that were raised but not kept
/// (`dropped`, from [`Capped::dropped`]): the same result as capping the whole list.
pub fn cap_floods_with(issues: &mut Vec<Issue>, dropped: &[(&'static str, usize)]) {
    cap_floods(issues);
    if dropped.is_empty() {
        return;
    }
    let summary = |i: &Issue, code: &str| i.code == "X005" && i.params.get("code").and_then(serde_json::Value::as_str) == Some(code);
    for &(code, n) in dropped {
        match issues.iter_mut().find(|i| summary(i, code)) {
            Some(x) => {
                let more = x.params.get("more").and_then(serde_json::Value::as_u64).unwrap_or(0) as usize + n;
                x.params.insert("more".into(), more.into());
            }
            None => issues.push(Issue::new("X005", "").param("code", code).param("more", n)),
        }
    }
    // The summaries in the order their codes first appear, as capping the whole list gives.
    let start = issues.iter().position(|i| i.code == "X005" && i.path.is_empty()).unwrap_or(issues.len());
    let (listed, summaries) = issues.split_at_mut(start);
    let first = |x: &Issue| {
        let code = x.params.get("code").and_then(serde_json::Value::as_str).unwrap_or("");
        listed.iter().position(|i| i.code == code).unwrap_or(usize::MAX)
    };
    summaries.sort_by_cached_key(|x| first(x));
}
