//! One owner of the domain's vocabulary (issue 9): the JavaScript renders what the core says
//! (`meta()`, the ReviewHandle, `gapTables`) and holds no domain list of its own.

use std::path::Path;

use cxzy_form::core::{columns, presets, vocab};

/// The ids a page must learn from the core: every value of the notices' lists (kinds, roles,
/// methods, grades, focus tags, combined_with, sectors), every column of the table and every
/// preset. Column fields that are also fields of the entry document (`problems_found`,
/// `problems_solved`, SPEC §6.2) are the entry's field names, which the form writes: not counted.
fn domain_keys() -> Vec<&'static str> {
    let lists = [vocab::list::KIND, vocab::list::ROLE, vocab::list::METHOD, vocab::list::GRADE, vocab::list::FOCUS, vocab::list::COMBINED_WITH, vocab::list::SECTOR];
    let mut keys: Vec<&'static str> =
        vocab::LISTS.iter().filter(|(name, _)| lists.contains(name)).flat_map(|(_, ids)| ids.iter().copied()).collect();
    keys.extend(columns::COLUMNS.iter().map(|c| c.field).filter(|f| !matches!(*f, "name" | "problems_found" | "problems_solved")));
    keys.extend(presets::PRESETS.iter().map(|p| p.id));
    keys
}

/// The code of a JS file without its comments (a comment may cite the SPEC's ids) and without
/// `Math.random` (a word, not the method `random`).
fn code_of(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("/*") {
            rest = r.find("*/").map_or("", |e| &r[e + 2..]);
        } else if rest.starts_with("//") && !out.ends_with(':') && !out.ends_with('\\') {
            rest = rest.find('\n').map_or("", |e| &rest[e..]);
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out.replace("Math.random", "Math.rnd")
}

fn words(code: &str) -> impl Iterator<Item = &str> {
    code.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-')).filter(|w| !w.is_empty())
}

/// What else the JavaScript must take from `meta()` rather than know: an issue code (what R002 or
/// T011 means for the form is the core's `missing` / `nameCodes`), a limit under the core's name
/// (`MAX_BYTES`: `limits.maxBytes`). `X000` is the JS's own code for a call into wasm that threw,
/// no meaning of a core code.
fn knows_what_meta_says(w: &str) -> bool {
    const LIMITS: [&str; 6] = ["MAX_NAME", "MAX_TEXT", "MAX_ROWS", "MAX_ITEMS", "MAX_BYTES", "MAX_COUNT"];
    let b = w.as_bytes();
    let code = b.len() == 4 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_digit) && w != "X000";
    code || LIMITS.contains(&w)
}

/// Every `js/*.js` of the package (the hand-written DOM layer; `index.d.ts` describes the
/// documents' fields for TypeScript and is not code).
#[test]
fn js_holds_no_domain_key() {
    let keys = domain_keys();
    assert!(keys.contains(&"branch_secretary") && keys.contains(&"committee") && keys.contains(&"central_work") && keys.contains(&"orgs_total"));
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("js");
    let mut checked = 0;
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("js/") {
        let path = entry.expect("entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("js") {
            continue;
        }
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let code = code_of(&std::fs::read_to_string(&path).expect("read"));
        for w in words(&code) {
            if keys.contains(&w) || knows_what_meta_says(w) {
                found.push(format!("{name}: {w}"));
            }
        }
        checked += 1;
    }
    assert!(checked >= 8, "js/ has the package's files");
    assert!(found.is_empty(), "domain keys, issue codes or limits in js/ (take them from meta()): {found:?}");
}

/// The check sees a key where one is: in code, not in a comment.
#[test]
fn the_check_finds_a_key_in_code_and_ignores_comments() {
    let keys = domain_keys();
    let hits = |js: &str| words(&code_of(js)).filter(|w| keys.contains(w)).count();
    assert_eq!(hits("const ROLES = ['branch_secretary'];"), 1);
    assert_eq!(hits("if (kind === \"committee\") x.orgs_total = 1;"), 2);
    assert_eq!(hits("// 'branch_secretary' is the core's\n/* central_work */ const id = Math.random();"), 0);
    assert_eq!(hits("const url = 'https://x/onsite';"), 1);
    // What stats-form.js held before it read meta(): code meanings and the file-size limit.
    let meta_hits = |js: &str| words(&code_of(js)).filter(|w| knows_what_meta_says(w)).count();
    assert_eq!(meta_hits("const EMPTY_CODES = new Set(['R002', 'T001']); const MAX_BYTES = 64 * 1024 * 1024;"), 3);
    assert_eq!(meta_hits("if (i.code === \"T011\" && p.missing) x();"), 1);
    assert_eq!(meta_hits("// R002 is shown once the row is started\nissues = [{ code: 'X000' }]; const R0020 = 1;"), 0);
}

/// Every code docs/codes.md documents (a `### CODE —` section or a `| CODE |` row) is a code of
/// the core with a message in each locale; where the page quotes the templates (`| zh-CN |`,
/// `| en |` rows), they are the catalogue's, word for word.
#[test]
fn every_documented_code_has_its_message_in_each_locale() {
    use cxzy_form::core::issue::Locale;
    use cxzy_form::core::messages::CATALOGUE;
    let docs = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/codes.md")).expect("docs/codes.md");
    let is_code = |w: &str| w.len() == 4 && w.starts_with(|c: char| "TRPAEOFNX".contains(c)) && w[1..].bytes().all(|b| b.is_ascii_digit());
    let mut documented = 0;
    let mut drift = Vec::new();
    let mut current: Option<&str> = None;
    for line in docs.lines() {
        let head = line.strip_prefix("### ").and_then(|r| r.split_whitespace().next());
        let row = line.strip_prefix("| ").and_then(|r| r.split_whitespace().next());
        if let Some(code) = head.or(row).filter(|w| is_code(w)) {
            let at = CATALOGUE.iter().position(|(c, _)| *c == code).unwrap_or_else(|| panic!("{code} is documented but not a code of the core"));
            for l in [Locale::ZhCn, Locale::En] {
                assert!(vocab::catalogue(l).template(at).is_some_and(|t| !t.is_empty()), "{code}: no {l:?} message");
            }
            documented += 1;
            current = head.is_some().then_some(code).or(current.filter(|_| row.is_none()));
            continue;
        }
        if line.starts_with("### ") || line.starts_with("## ") {
            current = None;
        }
        let Some(code) = current else { continue };
        let at = CATALOGUE.iter().position(|(c, _)| *c == code).expect("code");
        for (tag, l) in [("| zh-CN | ", Locale::ZhCn), ("| en | ", Locale::En)] {
            if let Some(t) = line.strip_prefix(tag).and_then(|r| r.strip_suffix(" |")) {
                let want = vocab::catalogue(l).template(at).unwrap_or("");
                if t != want {
                    drift.push(format!("{code} {tag}\n  docs: {t}\n  core: {want}"));
                }
            }
        }
    }
    assert!(drift.is_empty(), "docs/codes.md's templates are not the catalogue's:\n{}", drift.join("\n"));
    assert!(documented >= CATALOGUE.len(), "{documented} codes documented, {} in the core", CATALOGUE.len());
}

/// The shipped types name the same values as the core: `index.d.ts`'s unions of roles, kinds,
/// focus tags, `combined_with`, methods, grades and presets are the vocabulary's lists (a value
/// added to `vocab/mod.rs` must reach TypeScript users too).
#[test]
fn index_d_ts_unions_are_the_vocabularys_lists() {
    let dts = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("js/index.d.ts")).expect("index.d.ts");
    // The quoted values after `anchor` up to the end of its line's union.
    let union = |anchor: &str| -> Vec<String> {
        let at = dts.find(anchor).unwrap_or_else(|| panic!("index.d.ts has no {anchor}")) + anchor.len();
        let line = dts[at..].lines().next().unwrap_or("");
        let end = line.find([';', '[']).unwrap_or(line.len());
        line[..end].split('|').filter_map(|v| v.trim().strip_prefix('\'')?.strip_suffix('\'').map(str::to_string)).collect()
    };
    let presets: Vec<&str> = presets::PRESETS.iter().map(|p| p.id).collect();
    let cases: [(&str, &[&str]); 7] = [
        ("export type ReviewerRole = ", &vocab::ROLES),
        ("export type TargetKind = ", &vocab::KINDS),
        ("export type FocusTag = ", &vocab::FOCUS),
        ("export type CombinedWith = ", &vocab::COMBINED_WITH),
        ("method: ", &vocab::METHODS),
        ("grade?: ", &vocab::GRADES),
        ("export type Preset = ", &presets),
    ];
    for (anchor, ids) in cases {
        assert_eq!(union(anchor), ids.to_vec(), "index.d.ts {anchor}");
    }
}

/// A character of Chinese text: CJK ideographs, CJK punctuation (、。「」), full-width forms (：，（）).
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

/// An English sentence in code: a capitalised word and at least two more, one space apart
/// (`Check and submit`, `The browser has disabled`) — what a table of UI words holds and code does not.
fn english_sentences(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let words: Vec<(usize, &str)> = code
        .split_inclusive(|c: char| !(c.is_ascii_alphabetic() || c == '’'))
        .scan(0, |at, piece| {
            let start = *at;
            *at += piece.len();
            Some((start, piece))
        })
        .collect();
    let mut i = 0;
    while i < words.len() {
        // A run of `word ` pieces (each a word ended by one space), the first capitalised.
        let mut j = i;
        while j < words.len() && words[j].1.ends_with(' ') && words[j].1.trim_end().chars().filter(|c| c.is_ascii_alphabetic()).count() >= 2 {
            j += 1;
        }
        let last_is_word = words.get(j).is_some_and(|(_, w)| w.trim_end_matches(|c: char| !c.is_ascii_alphabetic()).len() >= 2);
        let n = j - i + usize::from(last_is_word);
        // `Check`, not an identifier (`CxzyRollup extends LazyElement`).
        let first = words[i].1.trim_end();
        let capital = first.starts_with(|c: char| c.is_ascii_uppercase()) && first.len() > 1 && first[1..].chars().all(|c| c.is_ascii_lowercase() || c == '’');
        if n >= 3 && capital {
            let end = words.get(j).map_or(code.len(), |(at, w)| at + w.len());
            found.push(code[words[i].0..end].trim_end_matches(|c: char| !c.is_ascii_alphabetic()).to_string());
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    found
}

/// The pages' own words are the catalogue's (issue 9: `meta().ui`, src/core/vocab/<locale>.rs),
/// never a table in `js/`: no Chinese in the code of any js/*.js (comments may cite it), no
/// English sentence, and none of the catalogue's UI words written out.
#[test]
fn js_holds_no_ui_words() {
    // The catalogue's words of more than one word, split at their `{param}`s.
    let mut ui_words: Vec<&str> = Vec::new();
    for c in vocab::CATALOGUES {
        for l in vocab::UI_SECTIONS {
            for (_, w) in c.all(l) {
                let fragments = w.split(['{', '}']).step_by(2).map(|f| f.trim_matches(|c: char| !c.is_alphabetic()));
                ui_words.extend(fragments.filter(|f| f.len() >= 10 && f.contains(' ')));
            }
        }
    }
    assert!(ui_words.contains(&"Check and submit") && ui_words.len() > 100, "{} UI words", ui_words.len());
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("js");
    let mut found = Vec::new();
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("js/") {
        let path = entry.expect("entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("js") {
            continue;
        }
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
        let code = code_of(&std::fs::read_to_string(&path).expect("read"));
        for line in code.lines().filter(|l| l.chars().any(is_cjk)) {
            found.push(format!("{name}: Chinese: {}", line.trim()));
        }
        for s in english_sentences(&code) {
            found.push(format!("{name}: English: {s}"));
        }
        for w in &ui_words {
            if code.contains(w) {
                found.push(format!("{name}: the catalogue's words: {w}"));
            }
        }
        checked += 1;
    }
    assert!(checked >= 8, "js/ has the package's files");
    assert!(found.is_empty(), "UI words in js/ (put them in the catalogue's ui sections, src/core/vocab/<locale>.rs):\n{}", found.join("\n"));
}

/// The check sees the tables that were there before issue 9, and lets code and comments be.
#[test]
fn the_ui_check_finds_a_table_and_ignores_code() {
    let zh = "const TEXT = { 'zh-CN': { open: '打开文件…', batchN: (n) => `第${n}批` } };";
    assert_eq!(code_of(zh).lines().filter(|l| l.chars().any(is_cjk)).count(), 1);
    assert_eq!(code_of("// 合计 first\n/* 第 N 页 */ const x = 1;").chars().filter(|c| is_cjk(*c)).count(), 0);
    assert_eq!(english_sentences("const EN = { submit: 'Check and submit', removeRow: (n) => `Remove row “${n}”` };"), ["Check and submit"]);
    assert_eq!(english_sentences("en: { draftOff: 'The browser has disabled local storage, so drafts are not saved' }").len(), 1);
    // Code and developers' errors are not sentences for a clerk.
    let code = "if (!wasm) throw new Error('cxzy-form: call `await init()` first'); return this.el.Item;\nclass CxzyForm extends LazyElement {}";
    assert!(english_sentences(code).is_empty(), "{:?}", english_sentences(code));
}

/// The official Excel layout (`cxzy export --xlsx`, src/workbook.rs) takes its words from the
/// zh-CN catalogue, as js/excel.js does: no Chinese in its code (comments may cite the form).
#[test]
fn the_workbook_writer_holds_no_words() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/workbook.rs");
    let text = std::fs::read_to_string(path).expect("src/workbook.rs");
    let found: Vec<&str> = text
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .filter(|code| code.chars().any(is_cjk))
        .collect();
    assert!(text.chars().any(is_cjk), "the file's comments cite the form (the check sees Chinese)");
    assert!(found.is_empty(), "words in src/workbook.rs (use the catalogue):\n{}", found.join("\n"));
}
