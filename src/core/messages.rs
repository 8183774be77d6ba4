//! The message catalogue: one entry per issue code, with its severity and a zh-CN and an en
//! template. Templates name params in braces (`{reviewed}`); numbers are printed with thousands
//! separators. `{@field}` prints the label of the `field` param in the locale, `{@hint}` the text
//! of the `hint` param (a [`crate::core::normalize::Hint`] key). Codes are a public contract:
//! add, never rename. `docs/codes.md` lists the same entries (a test keeps them in step).

use crate::core::issue::{Issue, Locale, Severity};
use serde_json::Value;

use Severity::{Error as E, Info as I, Warning as W};

/// `(code, severity, zh-CN, en)`.
pub type Entry = (&'static str, Severity, &'static str, &'static str);

pub const CATALOGUE: &[Entry] = &[
    // T — the table as a whole
    ("T001", E, "未填写填报单位", "The reporting unit (unit) is missing"),
    ("T002", E, "批次应为 1 或 2（收到「{value}」）", "The batch must be 1 or 2 (got “{value}”)"),
    ("T003", E, "{@bad_or_missing}", "{@bad_or_missing}"),
    ("T004", W, "逾期报送：填报日期 {filed_on} 晚于报送截止日期 {deadline}", "Filed late: the filing date {filed_on} is after the deadline {deadline}"),
    ("T005", E, "统计截止日期 {as_of} 不能晚于填报日期 {filed_on}", "The statistics date {as_of} must not be after the filing date {filed_on}"),
    ("T006", E, "未填写{@field}", "{@field} is missing"),
    ("T007", E, "{@bad_or_missing}", "{@bad_or_missing}"),
    ("T008", E, "无法识别的字段「{field}」，是否应为「{suggestion}」？", "Unknown field “{field}” — did you mean “{suggestion}”?"),
    ("T009", E, "无法识别的文件格式「{value}」，应为 {expected}", "Unknown document format “{value}”; expected {expected}"),
    ("T010", E, "表格应有 1 至 {max} 行，现有 {count} 行", "The table needs 1 to {max} rows; it has {count}"),
    ("T011", W, "{@t011}", "{@t011}"),
    ("T012", W, "书面报告「{@field}」部分为空", "The “{@field}” section of the written report is empty"),
    ("T013", E, "未知的预设「{value}」，是否应为「{suggestion}」？", "Unknown preset “{value}” — did you mean “{suggestion}”?"),
    ("T014", E, "CSV 第 {line} 行有 {extra} 个单元格超出表头的 {columns} 列，这些内容没有读入：请删除多余内容或补上表头", "CSV line {line} has {extra} cells beyond the {columns} header columns; they were not read: remove them or add headers"),
    // R — one row
    ("R001", E, "{@r001}", "{@r001}"),
    ("R002", E, "「{row}」{@field}未填写", "“{row}”: {@field} is missing"),
    ("R003", E, "「{row}」{@field}应为不小于 0 的整数（收到「{raw}」）：{@hint}", "“{row}”: {@field} must be a whole number of 0 or more (got “{raw}”): {@hint}"),
    ("R004", E, "「{row}」{@field}为 {value}，超过上限 {max}", "“{row}”: {@field} is {value}, above the limit of {max}"),
    ("R041", W, "「{row}」{@field}填报为「{supplied}」，按各栏数据计算应为 {computed}：请核对", "“{row}”: {@field} is given as “{supplied}” but the counts give {computed}: check it"),
    ("R010", E, "已点评基层党组织数（{reviewed}）不能大于基层党组织总数（{total}）", "Organisations reviewed ({reviewed}) cannot exceed organisations ({total})"),
    ("R011", E, "已点评“两新”组织党组织数（{reviewed}）不能大于其总数（{total}）", "New-sector organisations reviewed ({reviewed}) cannot exceed their number ({total})"),
    ("R012", E, "已被点评的书记数（{reviewed}）不能大于书记总数（{total}）", "Secretaries reviewed ({reviewed}) cannot exceed secretaries ({total})"),
    ("R013", E, "参与点评的书记数（{reviewed}）不能大于书记总数（{total}）", "Secretaries reviewing ({reviewed}) cannot exceed secretaries ({total})"),
    ("R014", E, "已点评党员数（{reviewed}）不能大于党员总数（{total}）", "Members reviewed ({reviewed}) cannot exceed members ({total})"),
    ("R015", E, "已点评流动党员数（{reviewed}）不能大于流动党员数（{total}）", "Mobile members reviewed ({reviewed}) cannot exceed mobile members ({total})"),
    ("R017", E, "{@field}（{part}）不能大于{@whole}（{total}）", "{@field} ({part}) cannot exceed {@whole} ({total})"),
    ("R020", W, "书记数（{secretaries}）多于基层党组织数（{orgs}），请核对", "More secretaries ({secretaries}) than organisations ({orgs}); please check"),
    ("R021", W, "党员数（{members}）不足基层党组织数（{orgs}）的 3 倍，请核对", "Fewer than 3 members per organisation on average ({members} members, {orgs} organisations); please check"),
    ("R030", E, "点评方式合计（{methods}）少于已点评党组织与党员之和（{needed}）：每个被点评的党组织和党员至少要有一次点评", "Review acts ({methods}) are fewer than organisations plus members reviewed ({needed}): each needs at least one review"),
    ("R031", W, "专门约谈次数（{talks}）多于个别点评（{individual}）：约谈是个别点评的一种方式", "Special talks ({talks}) exceed individual reviews ({individual}): a talk is an individual review"),
    ("R032", E, "已解决问题数（{solved}）不能大于发现问题数（{found}）", "Problems solved ({solved}) cannot exceed problems found ({found})"),
    ("R040", W, "第二批报送时{@field}仅为 {coverage}，未实现“两个全覆盖”", "Batch 2: {@field} is only {coverage}; full coverage is not met"),
    // P — against the previous batch
    ("P001", W, "「{row}」{@field}比第一批减少（{previous} → {current}），累计数不应减少", "“{row}”: {@field} fell since batch 1 ({previous} → {current}); cumulative counts should not fall"),
    ("P002", W, "「{row}」{@field}比第一批变化超过 10%（{previous} → {current}），请核对", "“{row}”: {@field} changed by more than 10% since batch 1 ({previous} → {current}); please check"),
    ("P003", E, "与第一批的填报单位不同（「{previous}」与「{current}」）", "The unit differs from batch 1 (“{previous}” vs “{current}”)"),
    ("P004", E, "用于比较的上一批报表应为第一批（收到第 {value} 批）", "The previous table must be batch 1 (got batch {value})"),
    // A — roll-up
    ("A001", E, "下级报表批次不一致（「{unit}」为第 {batch} 批，应为第 {expected} 批）", "Children's batches differ (“{unit}” is batch {batch}, expected {expected})"),
    ("A002", E, "下级单位「{unit}」重复报送", "Child unit “{unit}” appears twice"),
    ("A003", W, "下级单位「{unit}」的报表有 {errors} 个错误", "Child unit “{unit}” has {errors} errors of its own"),
    // O — roster
    ("O001", E, "名册编号「{id}」重复", "Roster id “{id}” is duplicated"),
    ("O002", E, "党组织「{id}」的上级「{parent}」不存在或构成循环", "Organisation “{id}”: parent “{parent}” is unknown or forms a cycle"),
    ("O003", E, "党员「{id}」所在党组织「{org}」不存在", "Member “{id}” belongs to an unknown organisation “{org}”"),
    ("O004", W, "党组织「{id}」的书记「{secretary}」不是本组织或下属组织的党员", "Organisation “{id}”: secretary “{secretary}” is not a member of it or its children"),
    ("O005", W, "党支部「{id}」党员少于 3 名（{count} 名）", "Branch “{id}” has fewer than 3 members ({count})"),
    ("O006", E, "党支部「{id}」不能是基层党委「{child}」的上级", "Branch “{id}” cannot be above the committee “{child}”"),
    ("O007", E, "名册中{@field}缺失或无法识别（收到「{raw}」）", "Roster: {@field} is missing or not recognised (got “{raw}”)"),
    // E — review entries
    ("E001", E, "点评记录编号缺失或重复（「{id}」）", "Entry id missing or duplicated (“{id}”)"),
    ("E002", E, "点评时间缺失、无效或晚于今天（收到「{raw}」）", "Review date missing, invalid or after today (got “{raw}”)"),
    ("E003", W, "点评时间 {date} 不在活动期间（{from} 至 {to}）", "Review date {date} is outside the campaign ({from} to {to})"),
    ("E004", E, "点评人姓名或职务缺失或无法识别", "Reviewer name or role missing or unknown"),
    ("E005", E, "点评对象类别或名称缺失或无法识别", "Target kind or name missing or unknown"),
    ("E006", E, "点评方式缺失或无法识别（收到「{raw}」）", "Review method missing or unknown (got “{raw}”)"),
    ("E007", E, "点评内容不完整：缺少{@field}（既要肯定成绩，又要指出不足和努力方向）", "Review content incomplete: {@field} is missing (name achievements, shortcomings and direction)"),
    ("E008", W, "{@field}内容过于简单（少于 8 个字），点评要言之有物", "{@field} is too short (under 8 characters of substance)"),
    ("E009", W, "{@field}与另外 {others} 条记录内容相同或几乎相同，防止点评流于形式", "{@field} is the same as or nearly the same as in {others} other entries; avoid formulaic reviews"),
    ("E010", W, "点评人职务「{role}」一般不负责点评「{kind}」，请核对点评责任", "A reviewer with role “{role}” does not normally review a “{kind}”; check the responsibility rules"),
    ("E011", W, "专门约谈应为个别点评", "A special talk should be an individual review"),
    ("E012", E, "已解决问题数（{solved}）不能大于发现问题数（{found}）", "Problems solved ({solved}) cannot exceed problems found ({found})"),
    ("E013", E, "点评重点「{tag}」不适用于此类点评对象", "Focus “{tag}” does not fit this kind of target"),
    ("E014", E, "名册中没有编号「{id}」", "Id “{id}” is not in the roster"),
    ("E015", W, "点评对象不在点评人所在党组织及其下属组织内", "The target is outside the reviewer's organisation and its subtree"),
    ("E016", E, "点评人不能点评自己", "A reviewer cannot review themselves"),
    ("E017", E, "{@field}无法识别（收到「{raw}」）", "{@field} is not recognised (got “{raw}”)"),
    // F — frequency
    ("T015", E, "字段「{key}」重复出现：已采用第一次出现的值，请删除重复的字段", "The key “{key}” appears twice: the first value was used; delete the repeated one"),
    ("T016", E, "书面报告应分总体情况、突出做法、典型事例三部分填写（整段内容已放入总体情况）", "The written report has three sections (overview, practices, examples); the single text was kept as the overview"),
    ("F001", W, "「{name}」在 {period} 没有点评记录（对基层党组织及其书记的点评每半年至少一次）", "“{name}” has no review in {period} (organisations and secretaries are reviewed at least every half-year)"),
    // N — normalisation (info)
    ("N001", I, "已将「{raw}」读作 {value}", "Read “{raw}” as {value}"),
    ("N002", I, "已将日期「{raw}」读作 {value}", "Read the date “{raw}” as {value}"),
    ("N003", I, "已将电话「{raw}」读作 {value}", "Read the phone number “{raw}” as {value}"),
    ("N004", I, "CSV 文件中没有表头信息（填报单位、批次、日期等），只检查了表格各行", "The CSV file has no header fields (unit, batch, dates…); only the rows were checked"),
    ("N005", I, "已忽略文件中的“合计”行和计算栏，合计由系统重新计算", "The file's totals row and computed columns were ignored; totals are recomputed"),
    // X — input limits
    ("X001", E, "{@field}过长（{length} 字），最多 {max} 字", "{@field} is too long ({length} characters; at most {max})"),
    ("X002", E, "条目过多（{count} 条），最多 {max} 条", "Too many items ({count}; at most {max})"),
    ("X003", E, "文件过大（{size} 字节），最大 {max} 字节", "The file is too large ({size} bytes; at most {max})"),
    ("X004", E, "合计超出可计算范围", "A total is out of range"),
    ("X005", I, "{code} 类问题过多，另有 {more} 条未列出（每类最多列出 1000 条）", "Too many {code} issues: {more} more are not listed (at most 1000 of one code are listed)"),
];

/// Hints appended to messages (`{@hint}`), keyed by [`crate::core::normalize::Hint::key`].
const HINTS: &[(&str, &str, &str)] = &[
    ("empty", "内容为空", "it is empty"),
    ("letter_o", "其中有字母 O，是否应为数字 0？", "it contains the letter O — did you mean 0?"),
    ("letter_l", "其中有字母 l 或 I，是否应为数字 1？", "it contains the letter l or I — did you mean 1?"),
    ("decimal", "请填写整数，不要带小数", "enter a whole number, without decimals"),
    ("negative", "不能为负数", "it must not be negative"),
    ("inner_space", "数字中间有空格，请删除空格", "remove the spaces between the digits"),
    ("grouping", "千位分隔符应每三位一组，如 1,200", "thousands separators go every three digits, as in 1,200"),
    ("not_number", "请填写不小于 0 的整数", "enter a whole number of 0 or more"),
    ("not_date", "请按 2011-01-16 或 2011年1月16日 的格式填写", "write it as 2011-01-16 or 2011年1月16日"),
    ("impossible_date", "该日期不存在，请核对月和日", "this date does not exist; check the month and day"),
    ("not_phone", "请填写 11 位手机号或带区号的固定电话，如 0451-82345678", "enter an 11-digit mobile number or a landline with area code, as in 0451-82345678"),
    ("not_integer", "请填写整数", "enter a whole number"),
];

/// Labels of the fields outside the table's columns, for `{@field}`.
const FIELD_LABELS: &[(&str, &str, &str)] = &[
    ("unit", "填报单位", "the reporting unit"),
    ("batch", "批次", "the batch"),
    ("as_of", "统计截止日期", "the statistics date (as_of)"),
    ("filed_on", "填报日期", "the filing date (filed_on)"),
    ("deadline", "报送截止日期", "the deadline"),
    ("principal", "负责人", "the person in charge (principal)"),
    ("preparer", "填表人", "the preparer"),
    ("phone", "联系电话", "the phone number"),
    ("notes", "备注", "the notes"),
    ("overview", "总体情况", "overview"),
    ("practices", "突出做法", "outstanding practices"),
    ("examples", "典型事例", "typical examples"),
    ("evaluation", "总体评价", "the evaluation"),
    ("achievements", "主要成绩", "the achievements"),
    ("shortcomings", "存在不足", "the shortcomings"),
    ("direction", "努力方向", "the direction"),
    ("reviewer.name", "点评人姓名", "the reviewer's name"),
    ("target.name", "点评对象名称", "the target's name"),
    ("reviewer", "点评人", "the reviewer"),
    ("reviewer.role", "点评人职务", "the reviewer's role"),
    ("target", "点评对象", "the target"),
    ("target.kind", "点评对象类别", "the target's kind"),
    ("name", "名称（姓名）", "the name"),
    ("kind", "党组织类别", "the organisation's kind"),
    ("sector", "所属领域", "the sector"),
    ("mobile", "是否流动党员", "the mobile flag"),
    ("orgs", "党组织列表", "the organisations list"),
    ("members", "党员列表", "the members list"),
    ("entries", "点评记录列表", "the entries list"),
    ("grade", "评定等次", "the grade"),
    ("focus", "点评重点", "the focus tags"),
    ("combined_with", "结合开展的工作", "combined_with"),
    ("model", "是否树立典型", "the model flag"),
    ("talk", "是否专门约谈", "the talk flag"),
];

/// The catalogue entry of a code. Every issue asks for its severity when it is built and for
/// its template when it is rendered — millions of times for a large entries file — so the codes
/// (a letter and three digits) index a table built once instead of scanning the catalogue.
fn entry(code: &str) -> Option<&'static Entry> {
    static INDEX: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut t = vec![u8::MAX; 26 * 1000];
        for (i, e) in CATALOGUE.iter().enumerate() {
            if let (Some(k), Ok(i)) = (code_key(e.0), u8::try_from(i)) {
                if let Some(slot) = t.get_mut(k) {
                    *slot = i;
                }
            }
        }
        t
    });
    let found = code_key(code)
        .and_then(|k| index.get(k))
        .and_then(|&i| CATALOGUE.get(usize::from(i)))
        .filter(|e| e.0 == code);
    // Codes outside the letter-and-three-digits form (none today) still resolve.
    found.or_else(|| CATALOGUE.iter().find(|e| e.0 == code))
}

/// `R010` → 17 × 1000 + 10; `None` for anything not a capital letter and three digits.
fn code_key(code: &str) -> Option<usize> {
    let b = code.as_bytes();
    let (&l, digits) = b.split_first()?;
    if !l.is_ascii_uppercase() || digits.len() != 3 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = digits.iter().fold(0usize, |n, d| n * 10 + usize::from(d - b'0'));
    Some(usize::from(l - b'A') * 1000 + n)
}

/// The catalogue's severity for a code (unknown codes are errors: they must be noticed).
pub fn severity_of(code: &str) -> Severity {
    entry(code).map_or(Severity::Error, |e| e.1)
}

/// Label of a field name for messages.
pub fn field_label(field: &str, locale: Locale) -> String {
    if let Some(&(_, zh, en)) = FIELD_LABELS.iter().find(|f| f.0 == field) {
        return pick(locale, zh, en).to_string();
    }
    crate::core::columns::label(field, locale)
}

fn pick<'a>(locale: Locale, zh: &'a str, en: &'a str) -> &'a str {
    match locale {
        Locale::ZhCn => zh,
        Locale::En => en,
    }
}

/// `1250` → `1,250`.
pub fn group_thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn show(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => match n.as_u64() {
            Some(u) => group_thousands(u),
            None => n.to_string(),
        },
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn param_str<'a>(issue: &'a Issue, key: &str) -> &'a str {
    issue.params.get(key).and_then(Value::as_str).unwrap_or("")
}

/// The special placeholders: labels and sentences that depend on the case.
fn special(issue: &Issue, key: &str, locale: Locale) -> String {
    match key {
        "field" => field_label(param_str(issue, "field"), locale),
        "whole" => field_label(param_str(issue, "whole"), locale),
        "hint" => {
            let h = param_str(issue, "hint");
            HINTS
                .iter()
                .find(|x| x.0 == h)
                .map_or_else(|| h.to_string(), |x| pick(locale, x.1, x.2).to_string())
        }
        "t011" => {
            let name = param_str(issue, "name");
            if issue.params.get("missing").and_then(Value::as_bool).unwrap_or(false) {
                pick(locale, "应报单位「{}」未报", "Expected unit “{}” is missing").replace("{}", name)
            } else {
                pick(locale, "「{}」不在预设的应报单位中", "“{}” is not one of the preset's units").replace("{}", name)
            }
        }
        // A field left empty is not "invalid (got “”)": say it is missing.
        "bad_or_missing" => {
            let raw = param_str(issue, "raw");
            let field = if issue.code == "T007" { "phone".to_string() } else { param_str(issue, "field").to_string() };
            let label = field_label(&field, locale);
            let text = if raw.trim().is_empty() {
                pick(locale, "未填写{}", "{} is missing").replace("{}", &label)
            } else {
                let hint = special(issue, "hint", locale);
                let t = if issue.code == "T007" {
                    pick(locale, "{f}无效（收到「{r}」）：{h}", "{f} is not valid (got “{r}”): {h}")
                } else {
                    pick(locale, "{f}不是有效日期（收到「{r}」）：{h}", "{f} is not a valid date (got “{r}”): {h}")
                };
                t.replace("{f}", &label).replace("{r}", raw).replace("{h}", &hint)
            };
            capitalize(text)
        }
        "r001" => {
            let name = param_str(issue, "name");
            if name.is_empty() {
                pick(locale, "单位名称未填写", "The unit name is missing").to_string()
            } else {
                pick(locale, "单位名称「{}」重复", "The unit name “{}” is duplicated").replace("{}", name)
            }
        }
        _ => String::new(),
    }
}

/// An English sentence starts with a capital (labels are written for mid-sentence use).
fn capitalize(s: String) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if f.is_ascii_lowercase() => f.to_ascii_uppercase().to_string() + c.as_str(),
        _ => s,
    }
}

/// Renders an issue's message from its template and params.
pub fn render(issue: &Issue, locale: Locale) -> String {
    let Some(e) = entry(issue.code) else {
        return issue.code.to_string();
    };
    let template = pick(locale, e.2, e.3);
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else {
            out.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let key = &after[..end];
        match key.strip_prefix('@') {
            Some(k) => out.push_str(&special(issue, k, locale)),
            None => out.push_str(&issue.params.get(key).map(show).unwrap_or_default()),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Fills in every issue's message in the locale.
pub fn localize(issues: &mut [Issue], locale: Locale) {
    for i in issues {
        i.message = render(i, locale);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_the_spec_example() {
        let i = Issue::new("R010", "/rows/3/orgs_reviewed")
            .param("reviewed", 1250u64)
            .param("total", 1200u64);
        assert_eq!(render(&i, Locale::ZhCn), "已点评基层党组织数（1,250）不能大于基层党组织总数（1,200）");
        assert_eq!(render(&i, Locale::En), "Organisations reviewed (1,250) cannot exceed organisations (1,200)");
    }

    #[test]
    fn every_code_finds_its_own_entry() {
        for e in CATALOGUE {
            assert_eq!(entry(e.0).map(|x| x.0), Some(e.0));
            assert_eq!(severity_of(e.0), e.1);
        }
        for unknown in ["", "E", "E0090", "e009", "Z999", "E0a9", "É009"] {
            assert!(entry(unknown).is_none(), "{unknown}");
        }
        assert_eq!(severity_of("Z999"), Severity::Error);
    }

    #[test]
    fn an_empty_date_or_phone_is_missing_not_invalid() {
        let empty = Issue::new("T003", "/filed_on").param("field", "filed_on").param("raw", "").param("hint", "empty");
        assert_eq!(render(&empty, Locale::ZhCn), "未填写填报日期");
        let bad = Issue::new("T003", "/filed_on").param("field", "filed_on").param("raw", "2011-02-30").param("hint", "impossible_date");
        assert_eq!(render(&bad, Locale::ZhCn), "填报日期不是有效日期（收到「2011-02-30」）：该日期不存在，请核对月和日");
        let phone = Issue::new("T007", "/phone").param("raw", "12345").param("hint", "not_phone");
        assert!(render(&phone, Locale::En).starts_with("The phone number is not valid (got “12345”)"));
        assert_eq!(render(&Issue::new("T007", "/phone").param("raw", ""), Locale::ZhCn), "未填写联系电话");
    }

    #[test]
    fn codes_are_unique() {
        for (i, e) in CATALOGUE.iter().enumerate() {
            assert!(CATALOGUE[i + 1..].iter().all(|o| o.0 != e.0), "{} twice", e.0);
        }
    }
}
