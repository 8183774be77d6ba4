//! The columns (栏次) of 《创先争优活动领导点评情况统计表》, as one table (SPEC §3.1).
//! Everything that walks the columns — parsing, rules, totals, CSV, the form's headers — reads
//! this table, so a column is added here, and its headers in each locale's catalogue
//! ([`crate::core::vocab`]).

use crate::core::issue::Locale;
use crate::core::vocab::{self, list};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The row's name (栏次 甲).
    Name,
    /// A non-negative integer typed by the clerk.
    Input,
    /// `num / den` shown as a percentage rounded down (indices into [`INPUTS`]).
    Ratio { num: usize, den: usize },
    /// The sum of the given input columns.
    Sum(&'static [usize]),
}

/// One column of the table.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// 栏次: `甲`, `1` … `25`.
    pub no: &'static str,
    /// JSON field name (public contract).
    pub field: &'static str,
    /// The formula shown in the 栏次 row for computed columns (`2/1`, `17+18+19+20`).
    pub formula: &'static str,
    pub kind: Kind,
}

/// The headers are words of the locale's catalogue ([`crate::core::vocab`], lists `column_group`,
/// `column_label`, `column_header`), keyed by the field.
impl Column {
    /// Upper header cell (the group); empty for single-level headers.
    pub fn group(&self, locale: Locale) -> &'static str {
        vocab::catalogue(locale).get(list::COLUMN_GROUP, self.field).unwrap_or("")
    }
    /// Lower header cell.
    pub fn label(&self, locale: Locale) -> &'static str {
        vocab::catalogue(locale).get(list::COLUMN_LABEL, self.field).unwrap_or(self.field)
    }
    /// The header in one cell, as spreadsheets carry it (zh-CN: exactly as SPEC §3.1 writes it).
    pub fn header(&self, locale: Locale) -> String {
        match vocab::catalogue(locale).get(list::COLUMN_HEADER, self.field) {
            Some(h) => h.to_string(),
            None => self.header_two_level(locale),
        }
    }
    /// The two-level header of the paper form joined (`基层党组织书记 · 参与点评(名)`).
    pub fn header_two_level(&self, locale: Locale) -> String {
        join_header(self.group(locale), self.label(locale))
    }
    /// The zh-CN header of SPEC §3.1 (what the CSV writes).
    pub fn header_zh(&self) -> String {
        self.header(Locale::ZhCn)
    }
    pub fn header_two_level_zh(&self) -> String {
        self.header_two_level(Locale::ZhCn)
    }
    pub fn header_en(&self) -> String {
        self.header(Locale::En)
    }
    pub fn is_input(&self) -> bool {
        self.kind == Kind::Input
    }
}

fn join_header(group: &str, label: &str) -> String {
    if group.is_empty() {
        label.to_string()
    } else {
        format!("{group} · {label}")
    }
}

/// Indices of the input columns in [`INPUTS`] order (used by the computed columns).
pub mod ix {
    pub const ORGS_TOTAL: usize = 0;
    pub const ORGS_REVIEWED: usize = 1;
    pub const NEW_ORGS_TOTAL: usize = 2;
    pub const NEW_ORGS_REVIEWED: usize = 3;
    pub const SECRETARIES_TOTAL: usize = 4;
    pub const SECRETARIES_REVIEWED: usize = 5;
    pub const SECRETARIES_REVIEWING: usize = 6;
    pub const MEMBERS_TOTAL: usize = 7;
    pub const MEMBERS_REVIEWED: usize = 8;
    pub const MOBILE_TOTAL: usize = 9;
    pub const MOBILE_REVIEWED: usize = 10;
    pub const CADRES_REVIEWING: usize = 11;
    pub const COLLECTIVE: usize = 12;
    pub const INDIVIDUAL: usize = 13;
    pub const ONSITE: usize = 14;
    pub const RANDOM: usize = 15;
    pub const TALKS: usize = 16;
    pub const MODELS: usize = 17;
    pub const PROBLEMS_FOUND: usize = 18;
    pub const PROBLEMS_SOLVED: usize = 19;
}

/// Number of input columns (1–25 minus the five computed ones).
pub const INPUT_COUNT: usize = 20;

/// The input fields, in column order; a row's cells are stored in this order.
pub const INPUTS: [&str; INPUT_COUNT] = [
    "orgs_total",
    "orgs_reviewed",
    "new_orgs_total",
    "new_orgs_reviewed",
    "secretaries_total",
    "secretaries_reviewed",
    "secretaries_reviewing",
    "members_total",
    "members_reviewed",
    "mobile_total",
    "mobile_reviewed",
    "cadres_reviewing",
    "collective",
    "individual",
    "onsite",
    "random",
    "talks",
    "models",
    "problems_found",
    "problems_solved",
];

use ix::*;
const METHODS: &[usize] = &[COLLECTIVE, INDIVIDUAL, ONSITE, RANDOM];

macro_rules! col {
    ($no:expr, $field:expr, $formula:expr, $kind:expr) => {
        Column { no: $no, field: $field, formula: $formula, kind: $kind }
    };
}

/// All 26 columns (甲 and 1–25) in the order of the paper form.
pub const COLUMNS: [Column; 26] = [
    col!("甲", "name", "", Kind::Name),
    col!("1", "orgs_total", "", Kind::Input),
    col!("2", "orgs_reviewed", "", Kind::Input),
    col!("3", "orgs_coverage", "2/1", Kind::Ratio { num: ORGS_REVIEWED, den: ORGS_TOTAL }),
    col!("4", "new_orgs_total", "", Kind::Input),
    col!("5", "new_orgs_reviewed", "", Kind::Input),
    col!("6", "secretaries_total", "", Kind::Input),
    col!("7", "secretaries_reviewed", "", Kind::Input),
    col!("8", "secretaries_coverage", "7/6", Kind::Ratio { num: SECRETARIES_REVIEWED, den: SECRETARIES_TOTAL }),
    col!("9", "secretaries_reviewing", "", Kind::Input),
    col!("10", "secretaries_participation", "9/6", Kind::Ratio { num: SECRETARIES_REVIEWING, den: SECRETARIES_TOTAL }),
    col!("11", "members_total", "", Kind::Input),
    col!("12", "members_reviewed", "", Kind::Input),
    col!("13", "members_coverage", "12/11", Kind::Ratio { num: MEMBERS_REVIEWED, den: MEMBERS_TOTAL }),
    col!("14", "mobile_total", "", Kind::Input),
    col!("15", "mobile_reviewed", "", Kind::Input),
    col!("16", "cadres_reviewing", "", Kind::Input),
    col!("17", "collective", "", Kind::Input),
    col!("18", "individual", "", Kind::Input),
    col!("19", "onsite", "", Kind::Input),
    col!("20", "random", "", Kind::Input),
    col!("21", "methods_total", "17+18+19+20", Kind::Sum(METHODS)),
    col!("22", "talks", "", Kind::Input),
    col!("23", "models", "", Kind::Input),
    col!("24", "problems_found", "", Kind::Input),
    col!("25", "problems_solved", "", Kind::Input),
];

/// The column with this JSON field name.
pub fn by_field(field: &str) -> Option<&'static Column> {
    COLUMNS.iter().find(|c| c.field == field)
}

/// Index of an input field in [`INPUTS`].
pub fn input_index(field: &str) -> Option<usize> {
    INPUTS.iter().position(|f| *f == field)
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_follow_the_column_table() {
        let from_table: Vec<&str> =
            COLUMNS.iter().filter(|c| c.is_input()).map(|c| c.field).collect();
        assert_eq!(from_table, INPUTS.to_vec());
        for (i, c) in COLUMNS.iter().enumerate().skip(1) {
            assert_eq!(c.no, i.to_string(), "栏次 numbering");
        }
    }
}
