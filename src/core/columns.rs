//! The columns (栏次) of 《创先争优活动领导点评情况统计表》, as one table (SPEC §3.1).
//! Everything that walks the columns — parsing, rules, totals, CSV, the form's headers — reads
//! this table, so a column is added or renamed in one place.

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
    /// The zh-CN header exactly as SPEC §3.1 writes it (what spreadsheets carry).
    pub header_zh: &'static str,
    /// Upper header cell (the group), zh-CN; empty for single-level headers.
    pub group_zh: &'static str,
    /// Lower header cell, zh-CN.
    pub label_zh: &'static str,
    pub group_en: &'static str,
    pub label_en: &'static str,
    /// The formula shown in the 栏次 row for computed columns (`2/1`, `17+18+19+20`).
    pub formula: &'static str,
    pub kind: Kind,
}

impl Column {
    /// The two-level header of the paper form joined (`基层党组织书记 · 参与点评(名)`).
    pub fn header_two_level_zh(&self) -> String {
        join_header(self.group_zh, self.label_zh)
    }
    pub fn header_en(&self) -> String {
        join_header(self.group_en, self.label_en)
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
    ($no:expr, $field:expr, $header:expr, $gz:expr, $lz:expr, $ge:expr, $le:expr, $formula:expr, $kind:expr) => {
        Column {
            no: $no,
            field: $field,
            header_zh: $header,
            group_zh: $gz,
            label_zh: $lz,
            group_en: $ge,
            label_en: $le,
            formula: $formula,
            kind: $kind,
        }
    };
}

/// All 26 columns (甲 and 1–25) in the order of the paper form.
pub const COLUMNS: [Column; 26] = [
    col!("甲", "name", "单位名称", "", "单位名称", "", "Unit", "", Kind::Name),
    col!("1", "orgs_total", "基层党组织 · 总数(个)", "基层党组织", "总数(个)", "Grassroots organisations", "total", "", Kind::Input),
    col!("2", "orgs_reviewed", "基层党组织 · 已点评(个)", "基层党组织", "已点评(个)", "Grassroots organisations", "reviewed", "", Kind::Input),
    col!("3", "orgs_coverage", "基层党组织 · 覆盖率(%)", "基层党组织", "覆盖率(%)", "Grassroots organisations", "coverage (%)", "2/1", Kind::Ratio { num: ORGS_REVIEWED, den: ORGS_TOTAL }),
    col!("4", "new_orgs_total", "其中“两新”组织党组织 · 数量(个)", "其中“两新”组织党组织", "数量(个)", "of which in new economic and social organisations", "number", "", Kind::Input),
    col!("5", "new_orgs_reviewed", "其中“两新”组织党组织 · 已点评(个)", "其中“两新”组织党组织", "已点评(个)", "of which in new economic and social organisations", "reviewed", "", Kind::Input),
    col!("6", "secretaries_total", "基层党组织书记 · 总数(名)", "基层党组织书记", "总数(名)", "Secretaries", "total", "", Kind::Input),
    col!("7", "secretaries_reviewed", "基层党组织书记 · 已被点评(名)", "基层党组织书记", "已被点评(名)", "Secretaries", "reviewed", "", Kind::Input),
    col!("8", "secretaries_coverage", "书记被点评覆盖率(%)", "基层党组织书记", "书记被点评覆盖率(%)", "Secretaries", "reviewed coverage (%)", "7/6", Kind::Ratio { num: SECRETARIES_REVIEWED, den: SECRETARIES_TOTAL }),
    col!("9", "secretaries_reviewing", "书记 · 参与点评(名)", "基层党组织书记", "参与点评(名)", "Secretaries", "reviewing", "", Kind::Input),
    col!("10", "secretaries_participation", "书记参与率(%)", "基层党组织书记", "书记参与率(%)", "Secretaries", "participation (%)", "9/6", Kind::Ratio { num: SECRETARIES_REVIEWING, den: SECRETARIES_TOTAL }),
    col!("11", "members_total", "党员 · 总数(名)", "党员", "总数(名)", "Party members", "total", "", Kind::Input),
    col!("12", "members_reviewed", "党员 · 已点评(名)", "党员", "已点评(名)", "Party members", "reviewed", "", Kind::Input),
    col!("13", "members_coverage", "党员覆盖率(%)", "党员", "党员覆盖率(%)", "Party members", "coverage (%)", "12/11", Kind::Ratio { num: MEMBERS_REVIEWED, den: MEMBERS_TOTAL }),
    col!("14", "mobile_total", "其中流动党员 · 数量(名)", "其中流动党员", "数量(名)", "of which mobile members", "number", "", Kind::Input),
    col!("15", "mobile_reviewed", "其中流动党员 · 已点评(名)", "其中流动党员", "已点评(名)", "of which mobile members", "reviewed", "", Kind::Input),
    col!("16", "cadres_reviewing", "参与点评的县级以上党员领导干部(名)", "", "参与点评的县级以上党员领导干部(名)", "", "County-level or higher leaders reviewing", "", Kind::Input),
    col!("17", "collective", "点评方式 · 集中点评(人/个次)", "点评方式", "集中点评(人/个次)", "Review methods", "collective", "", Kind::Input),
    col!("18", "individual", "点评方式 · 个别点评(人/个次)", "点评方式", "个别点评(人/个次)", "Review methods", "individual", "", Kind::Input),
    col!("19", "onsite", "点评方式 · 现场点评(人/个次)", "点评方式", "现场点评(人/个次)", "Review methods", "on-site", "", Kind::Input),
    col!("20", "random", "点评方式 · 随机点评(人/个次)", "点评方式", "随机点评(人/个次)", "Review methods", "random", "", Kind::Input),
    col!("21", "methods_total", "点评方式 · 合计", "点评方式", "合计", "Review methods", "total", "17+18+19+20", Kind::Sum(METHODS)),
    col!("22", "talks", "专门约谈(次)", "", "专门约谈(次)", "", "Special talks", "", Kind::Input),
    col!("23", "models", "发现树立典型(个)", "", "发现树立典型(个)", "", "Models found", "", Kind::Input),
    col!("24", "problems_found", "发现问题(个)", "", "发现问题(个)", "", "Problems found", "", Kind::Input),
    col!("25", "problems_solved", "已解决问题(个)", "", "已解决问题(个)", "", "Problems solved", "", Kind::Input),
];

/// The column with this JSON field name.
pub fn by_field(field: &str) -> Option<&'static Column> {
    COLUMNS.iter().find(|c| c.field == field)
}

/// Index of an input field in [`INPUTS`].
pub fn input_index(field: &str) -> Option<usize> {
    INPUTS.iter().position(|f| *f == field)
}

/// The label of a field for messages, in the locale (`基层党组织 · 总数(个)` / `Grassroots
/// organisations total`); unknown names come back as they are.
pub fn label(field: &str, locale: crate::core::issue::Locale) -> String {
    match by_field(field) {
        Some(c) => match locale {
            crate::core::issue::Locale::ZhCn => format!("第{}栏「{}」", c.no, c.header_zh),
            crate::core::issue::Locale::En => format!("column {} ({})", c.no, c.header_en()),
        },
        None => field.to_string(),
    }
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
