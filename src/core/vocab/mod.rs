//! The domain's vocabulary: every list the notices define, by id, and one catalogue per locale
//! with the words for each id, the message templates of the issue codes and the sentences the
//! messages are made of.
//!
//! * The **ids** (public contract: add, never rename) and their order live here: the kinds of
//!   target, roles, methods, grades, focus tags, `combined_with`, sectors, header fields, report
//!   sections. Columns are in [`crate::core::columns`], presets in [`crate::core::presets`]; the
//!   rules that relate the ids (who reviews whom, which focus fits which kind) in
//!   [`crate::core::review::tables`].
//! * The **words** live in one [`Catalogue`] per locale ([`zh_cn`], [`en`]). The messages, the
//!   CLI, the CSV headers and the DOM (through `meta()`) all read them, so the clerk sees the same
//!   label for a field everywhere. Adding a locale is one new catalogue file and one arm in
//!   [`catalogue`].

/// A list of words, written `words![("id", "word"), …]`: one text of `id\tword` lines. Text
/// rather than an array of pairs, because the statistics form's wasm download is budgeted and
/// a table of string pointers is most of a catalogue's bytes there.
macro_rules! words {
    ($(($id:literal, $word:literal)),* $(,)?) => {
        concat!($($id, "\t", $word, "\n"),*)
    };
}

/// A locale's [`Catalogue`] from its word lists, which each locale file defines under the same
/// names (`KIND`, `ROLE`, … `MESSAGES`): `catalogue!("zh-CN")`.
macro_rules! catalogue {
    ($tag:literal) => {
        /// The review's words (entries, roster, coverage): not in the statistics form's own
        /// module, which checks no entries (scripts/build-pkg.sh, without the `review` feature).
        #[cfg(feature = "review")]
        const REVIEW_LISTS: &[(&str, Words)] = &[
            (list::FIELD_PHRASE, REVIEW_FIELD_PHRASE),
            (list::PHRASE, REVIEW_PHRASE),
            (list::PHRASE, PARSE_PHRASE),
            (list::PHRASE, CLI_PHRASE),
            (list::PHRASE, CLI_HELP),
            (list::KIND, KIND),
            (list::ROLE, ROLE),
            (list::METHOD, METHOD),
            (list::GRADE, GRADE),
            (list::FOCUS, FOCUS),
            (list::COMBINED_WITH, COMBINED),
            (list::SECTOR, SECTOR),
            (list::FIELD, FIELD),
            (list::GAP, GAP),
            (list::GAP_COLUMN, GAP_COLUMN),
            (list::COVERAGE_BAR, COVERAGE_BAR),
            (list::UI_LOAD, UI_LOAD),
            (list::UI_ENTRY, UI_ENTRY),
            (list::UI_COVERAGE, UI_COVERAGE),
            (list::UI_ROLLUP, UI_ROLLUP),
            (list::UI_EXCEL, UI_EXCEL),
        ];
        #[cfg(not(feature = "review"))]
        const REVIEW_LISTS: &[(&str, Words)] = &[];

        pub static CATALOGUE: Catalogue = Catalogue {
            tag: $tag,
            lists: &[
                (list::HEADER, HEADER),
                (list::REPORT, REPORT),
                (list::FIELD_PHRASE, FIELD_PHRASE),
                (list::COLUMN_GROUP, COLUMN_GROUP),
                (list::COLUMN_LABEL, COLUMN_LABEL),
                (list::COLUMN_HEADER, COLUMN_HEADER),
                (list::PRESET, PRESET),
                (list::RECEIVER, RECEIVER),
                (list::FORMAT, FORMAT),
                (list::HINT, HINTS),
                (list::PHRASE, PHRASE),
                (list::FIELD, STATS_FIELD),
                (list::UI_FORM, UI_FORM),
            ],
            review_lists: REVIEW_LISTS,
            messages: MESSAGES,
            review_messages: REVIEW_MESSAGES,
            templates: std::sync::OnceLock::new(),
            #[cfg(not(target_arch = "wasm32"))]
            index: std::sync::OnceLock::new(),
        };
    };
}

pub mod en;
pub mod meta;
pub mod zh_cn;

use crate::core::issue::Locale;
use crate::core::text::Fill;

/// `target.kind` (SPEC §6.2); the first three are also the `kind` of a roster organisation.
pub const KINDS: [&str; 5] = ["committee", "general_branch", "branch", "secretary", "member"];
/// `reviewer.role` (SPEC §6.2).
pub const ROLES: [&str; 6] =
    ["branch_secretary", "committee_secretary", "county_leader", "county_party_secretary", "senior_cadre", "leadership_member"];
/// `method` — 创先发[2010]25号 三、创新点评方式: 集中点评、个别点评、现场点评、随机点评. The index is the
/// method's offset from column 17 (`collective`) in the statistics table.
pub const METHODS: [&str; 4] = ["collective", "individual", "onsite", "random"];
/// `grade` (optional): 好、较好、一般、差.
pub const GRADES: [&str; 4] = ["good", "fairly_good", "average", "poor"];
/// Every focus tag (`focus`); which fit which kind is in [`crate::core::review::tables`].
pub const FOCUS: [&str; 8] = [
    "central_work", "public_pledge", "serve_people", "team_building", "joint_building", "lead_by_example", "organize_members",
    "post_performance",
];
/// What a review may be combined with — 创先办[2010]7号 三、“点评可与组织生活会、民主评议党员、群众评议等
/// 结合进行，与年度总结考核、党建工作责任制考核、基层党组织书记‘双述双评’、领导干部下基层调研走访等结合进行”.
pub const COMBINED_WITH: [&str; 7] = [
    "org_life_meeting", "democratic_appraisal", "mass_appraisal", "annual_assessment", "party_building_assessment", "dual_report",
    "field_visit",
];
/// Roster `sector`; both count as “两新”组织 (column 4).
pub const SECTORS: [&str; 2] = ["non_public", "social"];
/// The header fields of the statistics table (SPEC §3.2), in the order of the form.
pub const HEADER_FIELDS: [&str; 10] =
    ["unit", "batch", "as_of", "filed_on", "deadline", "principal", "preparer", "phone", "preset", "notes"];
/// Sections of the written report (总体情况、突出做法和典型事例).
pub const REPORT_SECTIONS: [&str; 3] = ["overview", "practices", "examples"];
/// The four content fields of a review, in the order of 二、明确点评内容: 评价、取得的成绩、存在的问题
/// （不足）和努力方向.
pub const CONTENT_FIELDS: [&str; 4] = ["evaluation", "achievements", "shortcomings", "direction"];
/// The gap lists of a coverage (SPEC §6.3), as `coverage --json` names them.
pub const GAP_LISTS: [&str; 4] = ["orgs", "secretaries", "members", "not_reviewing"];
/// The document formats.
pub const FORMATS: [&str; 3] = ["cxzy-stats/1", "cxzy-roster/1", "cxzy-entries/1"];

/// The name of each list of words in a catalogue.
pub mod list {
    pub const KIND: &str = "kind";
    pub const ROLE: &str = "role";
    pub const METHOD: &str = "method";
    pub const GRADE: &str = "grade";
    pub const FOCUS: &str = "focus";
    pub const COMBINED_WITH: &str = "combined_with";
    pub const SECTOR: &str = "sector";
    /// The header fields' labels as the form and the CSV show them.
    pub const HEADER: &str = "header";
    pub const REPORT: &str = "report";
    /// The labels of the review, roster and document fields (the form's labels).
    pub const FIELD: &str = "field";
    /// Fields named inside messages, where a locale needs another wording than the label
    /// (English mid-sentence: “the filing date”); messages fall back to the labels.
    pub const FIELD_PHRASE: &str = "field_phrase";
    /// A column's upper header cell (its group); empty for single-level headers.
    pub const COLUMN_GROUP: &str = "column_group";
    /// A column's lower header cell.
    pub const COLUMN_LABEL: &str = "column_label";
    /// A column's header in one cell, as spreadsheets carry it (SPEC §3.1); falls back to
    /// `group · label`.
    pub const COLUMN_HEADER: &str = "column_header";
    /// A preset's name (the reporting level and its notice).
    pub const PRESET: &str = "preset";
    /// The office a preset's table goes to.
    pub const RECEIVER: &str = "receiver";
    pub const FORMAT: &str = "format";
    pub const GAP: &str = "gap";
    /// The bars of the coverage view.
    pub const COVERAGE_BAR: &str = "coverage_bar";
    /// The columns of the gap lists (编号、名称、单位…).
    pub const GAP_COLUMN: &str = "gap_column";
    /// Hints appended to messages (`{@hint}`), keyed by [`crate::core::normalize::Hint::key`].
    pub const HINT: &str = "hint";
    /// The sentences messages are built from (`{@t011}`, `{@row}`…) and the words of the CLI.
    pub const PHRASE: &str = "phrase";
    /// The pages' own words (`meta().ui`, one object per section below): the statistics form's
    /// buttons, headings and notices (`ui.form`, in both wasm modules) …
    pub const UI_FORM: &str = "ui.form";
    /// … what an element says when its wasm cannot load (`ui.load`, put into the package's
    /// load-words.js by scripts/build-pkg.sh) …
    pub const UI_LOAD: &str = "ui.load";
    /// … the review-entry form's, the coverage view's, the roll-up's and the workbook module's
    /// (the full module only).
    pub const UI_ENTRY: &str = "ui.entry";
    pub const UI_COVERAGE: &str = "ui.coverage";
    pub const UI_ROLLUP: &str = "ui.rollup";
    pub const UI_EXCEL: &str = "ui.excel";
}

/// The sections of `meta().ui` (each a [`list`] `ui.<section>`): the statistics form's own
/// module has the first, the full module all of them.
pub const UI_SECTIONS: [&str; 6] = [list::UI_FORM, list::UI_LOAD, list::UI_ENTRY, list::UI_COVERAGE, list::UI_ROLLUP, list::UI_EXCEL];

/// The id lists every catalogue gives a word for, as `meta()` exports them.
pub const LISTS: &[(&str, &[&str])] = &[
    (list::KIND, &KINDS),
    (list::ROLE, &ROLES),
    (list::METHOD, &METHODS),
    (list::GRADE, &GRADES),
    (list::FOCUS, &FOCUS),
    (list::COMBINED_WITH, &COMBINED_WITH),
    (list::SECTOR, &SECTORS),
    (list::HEADER, &HEADER_FIELDS),
    (list::REPORT, &REPORT_SECTIONS),
    (list::GAP, &GAP_LISTS),
    (list::FORMAT, &FORMATS),
];

/// One list of words: `id\tword` lines (see `words!`).
pub type Words = &'static str;

/// The `(id, word)` pairs of a list.
pub fn pairs(words: Words) -> impl Iterator<Item = (&'static str, &'static str)> {
    words.lines().filter_map(|l| l.split_once('\t'))
}

/// Everything a locale says.
pub struct Catalogue {
    /// BCP 47 tag (`zh-CN`, `en`).
    pub tag: &'static str,
    /// `(list name, words)`, list names from [`list`].
    pub lists: &'static [(&'static str, Words)],
    /// The same for the review's lists (kinds, roles, methods…; empty in the statistics form's
    /// own wasm module).
    pub review_lists: &'static [(&'static str, Words)],
    /// One template per issue code (`code\ttemplate` lines; a test checks every code has one).
    pub messages: Words,
    /// The same for the review's codes (O, E, F; empty in the statistics form's own module).
    pub review_messages: Words,
    /// The templates in the order of [`crate::core::messages::CATALOGUE`], found once.
    pub templates: std::sync::OnceLock<Vec<&'static str>>,
    /// Natively, every list's words by `(list, id)`, built on the first lookup: the CLI and the
    /// fuzz targets ask for labels per header cell and per issue. The wasm modules search the
    /// text instead ([`find`]): a map costs the embedded form's budget ≈ 1.6 KiB.
    #[cfg(not(target_arch = "wasm32"))]
    pub index: std::sync::OnceLock<rustc_hash::FxHashMap<(&'static str, &'static str), &'static str>>,
}

impl Catalogue {
    /// The word for `id` in `list`.
    pub fn get(&self, list: &str, id: &str) -> Option<&'static str> {
        #[cfg(not(target_arch = "wasm32"))]
        {
            let index = self.index.get_or_init(|| {
                let mut map = rustc_hash::FxHashMap::default();
                for (l, words) in self.lists.iter().chain(self.review_lists) {
                    for (id, word) in pairs(words) {
                        map.entry((*l, id)).or_insert(word);
                    }
                }
                map
            });
            index.get(&(list, id)).copied()
        }
        #[cfg(target_arch = "wasm32")]
        self.search(list, id)
    }

    /// [`Catalogue::get`] by searching the lists' text (the wasm modules' way).
    #[cfg(any(test, target_arch = "wasm32"))]
    fn search(&self, list: &str, id: &str) -> Option<&'static str> {
        // A list may be split between `lists` and `review_lists`: the first word wins.
        self.lists.iter().chain(self.review_lists).filter(|(l, _)| *l == list).find_map(|(_, words)| find(words, id))
    }

    /// Every `(id, word)` of a list.
    pub fn all(&self, list: &str) -> Vec<(&'static str, &'static str)> {
        self.lists.iter().chain(self.review_lists).filter(|(l, _)| *l == list).flat_map(|(_, w)| pairs(w)).collect()
    }

    /// The template of the code at `position` in [`crate::core::messages::CATALOGUE`].
    pub fn template(&self, position: usize) -> Option<&'static str> {
        let t = self.templates.get_or_init(|| {
            crate::core::messages::CATALOGUE
                .iter()
                .map(|(code, _)| find(self.messages, code).or_else(|| find(self.review_messages, code)).unwrap_or(""))
                .collect()
        });
        t.get(position).copied().filter(|t| !t.is_empty())
    }

    /// The word for `id` in `list`, or `id` itself when the catalogue has none (a value the
    /// clerk typed that is in no list is shown as typed).
    pub fn word<'a>(&self, list: &str, id: &'a str) -> &'a str {
        self.get(list, id).unwrap_or(id)
    }

    /// A sentence of [`list::PHRASE`] (empty when missing: a test checks every catalogue has
    /// every phrase the code asks for).
    pub fn phrase(&self, id: &str) -> &'static str {
        self.get(list::PHRASE, id).unwrap_or("")
    }
}

/// The word of `id` in a list's text: the line `id\tword`. A substring search (two-way, no
/// allocation) rather than a line-by-line scan: the CSV reader asks for every column's headers
/// for each header cell, and the line scan was most of the csv fuzz target's time.
fn find(words: Words, id: &str) -> Option<&'static str> {
    // Every id is ASCII (`orgs_total`, `reviewer.role`, `T008`, `cxzy-stats/1`): a clerk's
    // unknown header cell (`某某栏`), which the messages ask a label for, is no id at all.
    if !id.bytes().all(|b| b.is_ascii_alphanumeric() || b"_.-/".contains(&b)) {
        return None;
    }
    words.match_indices(id).find_map(|(at, _)| {
        let starts_line = at == 0 || words.as_bytes()[at - 1] == b'\n';
        let rest = words[at + id.len()..].strip_prefix('\t').filter(|_| starts_line)?;
        rest.split('\n').next()
    })
}

/// The catalogue of a locale.
pub fn catalogue(locale: Locale) -> &'static Catalogue {
    match locale {
        Locale::ZhCn => &zh_cn::CATALOGUE,
        Locale::En => &en::CATALOGUE,
    }
}

/// Every catalogue (for tests and `meta()`).
pub static CATALOGUES: [&Catalogue; 2] = [&zh_cn::CATALOGUE, &en::CATALOGUE];

/// The label of a field in the locale, for the form and for messages: a header field, a report
/// section, a review or roster field, or a column (`第2栏「基层党组织 · 已点评(个)」`); an unknown
/// name comes back as it is.
pub fn field_label(field: &str, locale: Locale) -> String {
    let c = catalogue(locale);
    for l in [list::FIELD_PHRASE, list::FIELD, list::HEADER, list::REPORT] {
        if let Some(w) = c.get(l, field) {
            return w.to_string();
        }
    }
    match crate::core::columns::by_field(field) {
        Some(col) => c.phrase("column_ref").fill("{no}", col.no).fill("{header}", &col.header(locale)),
        None => field.to_string(),
    }
}

/// Every id the vocabulary defines that a clerk must never read in a message: the list ids, the
/// column fields, the presets' ids, the content fields and the hint keys.
pub fn internal_keys() -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = LISTS.iter().flat_map(|(_, ids)| ids.iter().copied()).collect();
    keys.extend(crate::core::columns::COLUMNS.iter().map(|c| c.field));
    keys.extend(crate::core::presets::PRESETS.iter().map(|p| p.id));
    keys.extend(CONTENT_FIELDS);
    keys.extend(catalogue(Locale::ZhCn).all(list::HINT).into_iter().map(|(k, _)| k));
    keys.sort_unstable();
    keys.dedup();
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catalogue_has_a_word_for_every_id() {
        for c in CATALOGUES {
            for (l, ids) in LISTS {
                for id in *ids {
                    assert!(c.get(l, id).is_some_and(|w| !w.is_empty()), "{}: {l}.{id}", c.tag);
                }
            }
            for col in crate::core::columns::COLUMNS {
                assert!(c.get(list::COLUMN_LABEL, col.field).is_some(), "{}: column {}", c.tag, col.field);
                assert!(c.get(list::COLUMN_GROUP, col.field).is_some(), "{}: column group {}", c.tag, col.field);
            }
            for p in crate::core::presets::PRESETS {
                assert!(c.get(list::PRESET, p.id).is_some() && c.get(list::RECEIVER, p.id).is_some(), "{}: {}", c.tag, p.id);
            }
            for f in CONTENT_FIELDS {
                assert!(c.get(list::FIELD, f).is_some(), "{}: {f}", c.tag);
            }
            // The same phrases and hints in every locale.
            for l in [list::PHRASE, list::HINT, list::FIELD].iter().chain(&UI_SECTIONS) {
                let ids = |c: &Catalogue| {
                    let mut v: Vec<&str> = c.all(l).into_iter().map(|(k, _)| k).collect();
                    v.sort_unstable();
                    v
                };
                assert_eq!(ids(c), ids(&zh_cn::CATALOGUE), "{}: {l}", c.tag);
            }
            // Every section of the pages' words is there, and no word is empty (a template's
            // params are named: `{n}`, never `{}`).
            for l in UI_SECTIONS {
                let words = c.all(l);
                assert!(words.len() >= 4, "{}: {l} has {} words", c.tag, words.len());
                for (id, w) in words {
                    assert!(!w.is_empty() && !w.contains("{}"), "{}: {l}.{id} = {w:?}", c.tag);
                    let zh = zh_cn::CATALOGUE.get(l, id).unwrap_or("");
                    assert_eq!(params(w), params(zh), "{}: {l}.{id} names other params than zh-CN's", c.tag);
                }
            }
        }
    }

    /// The `{name}`s of a template, sorted.
    fn params(t: &str) -> Vec<&str> {
        let mut v: Vec<&str> = t.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(n, _)| n)).collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn lists_have_no_duplicate_ids() {
        for c in CATALOGUES {
            for (l, _) in c.lists.iter().chain(c.review_lists) {
                let words: Vec<&str> = c.all(l).into_iter().map(|(k, _)| k).collect();
                for (i, k) in words.iter().enumerate() {
                    assert!(!words[i + 1..].contains(k), "{}: {l}.{k} twice", c.tag);
                }
            }
        }
    }

    #[test]
    fn the_native_index_gives_the_words_the_wasm_search_finds() {
        for c in CATALOGUES {
            for (l, words) in c.lists.iter().chain(c.review_lists) {
                for (id, _) in pairs(words) {
                    assert_eq!(c.get(l, id), c.search(l, id), "{}: {l}.{id}", c.tag);
                    assert!(c.get(l, id).is_some());
                }
                for not_an_id in ["", "某某栏", "orgs", "T00", "orgs_total\t", "\n"] {
                    assert_eq!(c.get(l, not_an_id), c.search(l, not_an_id), "{}: {l}.{not_an_id:?}", c.tag);
                }
            }
        }
    }
}
