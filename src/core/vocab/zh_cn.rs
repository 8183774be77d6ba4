//! 简体中文 (zh-CN): the default; clerks read Chinese.
//!
//! One catalogue: every word of the locale, keyed by the ids of [`super`]. Templates name params
//! in braces (`{reviewed}`), `{param|list}` prints the word of the param's value in a list,
//! `{@name}` a sentence built in [`crate::core::messages`].

use super::{list, Catalogue, Words};

#[cfg(feature = "review")]
const KIND: Words = words![
    ("committee", "基层党委"),
    ("general_branch", "党总支"),
    ("branch", "党支部"),
    ("secretary", "基层党组织书记"),
    ("member", "党员"),
];

#[cfg(feature = "review")]
const ROLE: Words = words![
    ("branch_secretary", "党支部书记"),
    ("committee_secretary", "基层党委（党总支）书记"),
    ("county_leader", "县级党员领导干部"),
    ("county_party_secretary", "县委书记"),
    ("senior_cadre", "其他县处级以上党员领导干部"),
    ("leadership_member", "地方党委、部门党组领导班子成员"),
];

#[cfg(feature = "review")]
const METHOD: Words = words![
    ("collective", "集中点评"),
    ("individual", "个别点评"),
    ("onsite", "现场点评"),
    ("random", "随机点评"),
];

#[cfg(feature = "review")]
const GRADE: Words = words![
    ("good", "好"),
    ("fairly_good", "较好"),
    ("average", "一般"),
    ("poor", "差"),
];

#[cfg(feature = "review")]
const FOCUS: Words = words![
    ("central_work", "推进中心工作"),
    ("public_pledge", "开展公开承诺"),
    ("serve_people", "为群众办实事好事"),
    ("team_building", "加强党组织和党员队伍建设"),
    ("joint_building", "党群共建创先争优"),
    ("lead_by_example", "带头创先争优"),
    ("organize_members", "组织党员开展创先争优"),
    ("post_performance", "立足岗位争创一流业绩"),
];

#[cfg(feature = "review")]
const COMBINED: Words = words![
    ("org_life_meeting", "组织生活会"),
    ("democratic_appraisal", "民主评议党员"),
    ("mass_appraisal", "群众评议"),
    ("annual_assessment", "年度总结考核"),
    ("party_building_assessment", "党建工作责任制考核"),
    ("dual_report", "基层党组织书记“双述双评”"),
    ("field_visit", "领导干部下基层调研走访"),
];

#[cfg(feature = "review")]
const SECTOR: Words = words![
    ("non_public", "非公有制企业"),
    ("social", "社会组织"),
];

const HEADER: Words = words![
    ("unit", "填报单位"),
    ("batch", "批次"),
    ("as_of", "统计截止日期"),
    ("filed_on", "填报日期"),
    ("deadline", "报送截止日期"),
    ("principal", "负责人"),
    ("preparer", "填表人"),
    ("phone", "联系电话"),
    ("preset", "预设"),
    ("notes", "备注"),
];

const REPORT: Words = words![
    ("overview", "总体情况"),
    ("practices", "突出做法"),
    ("examples", "典型事例"),
];

/// Fields a statistics table's messages name.
const STATS_FIELD: Words = words![
    ("format", "文件格式"),
    ("id", "编号"),
    ("name", "名称（姓名）"),
    ("rows", "表格各行"),
    ("report", "书面报告"),
];

#[cfg(feature = "review")]
const FIELD: Words = words![
    ("evaluation", "总体评价"),
    ("achievements", "主要成绩"),
    ("shortcomings", "存在不足"),
    ("direction", "努力方向"),
    ("date", "点评时间"),
    ("method", "点评方式"),
    ("reviewer", "点评人"),
    ("reviewer.name", "点评人姓名"),
    ("reviewer.role", "点评人职务"),
    ("reviewer.id", "点评人名册编号"),
    ("reviewer.org", "点评人所在党组织"),
    ("target", "点评对象"),
    ("target.kind", "点评对象类别"),
    ("target.name", "点评对象名称"),
    ("target.id", "点评对象名册编号"),
    ("target.org", "点评对象所在党组织"),
    ("kind", "党组织类别"),
    ("parent", "上级党组织"),
    ("secretary", "书记"),
    ("org", "所在党组织"),
    ("sector", "所属领域"),
    ("mobile", "是否流动党员"),
    ("orgs", "党组织列表"),
    ("members", "党员列表"),
    ("entries", "点评记录列表"),
    ("role", "职务"),
    ("grade", "评定等次"),
    ("focus", "点评重点"),
    ("combined_with", "结合开展的工作"),
    ("model", "是否树立典型"),
    ("talk", "是否专门约谈"),
    ("problems_found", "发现问题数"),
    ("problems_solved", "已解决问题数"),
];

const COLUMN_GROUP: Words = words![
    ("name", ""),
    ("orgs_total", "基层党组织"),
    ("orgs_reviewed", "基层党组织"),
    ("orgs_coverage", "基层党组织"),
    ("new_orgs_total", "其中“两新”组织党组织"),
    ("new_orgs_reviewed", "其中“两新”组织党组织"),
    ("secretaries_total", "基层党组织书记"),
    ("secretaries_reviewed", "基层党组织书记"),
    ("secretaries_coverage", "基层党组织书记"),
    ("secretaries_reviewing", "基层党组织书记"),
    ("secretaries_participation", "基层党组织书记"),
    ("members_total", "党员"),
    ("members_reviewed", "党员"),
    ("members_coverage", "党员"),
    ("mobile_total", "其中流动党员"),
    ("mobile_reviewed", "其中流动党员"),
    ("cadres_reviewing", ""),
    ("collective", "点评方式"),
    ("individual", "点评方式"),
    ("onsite", "点评方式"),
    ("random", "点评方式"),
    ("methods_total", "点评方式"),
    ("talks", ""),
    ("models", ""),
    ("problems_found", ""),
    ("problems_solved", ""),
];

const COLUMN_LABEL: Words = words![
    ("name", "单位名称"),
    ("orgs_total", "总数(个)"),
    ("orgs_reviewed", "已点评(个)"),
    ("orgs_coverage", "覆盖率(%)"),
    ("new_orgs_total", "数量(个)"),
    ("new_orgs_reviewed", "已点评(个)"),
    ("secretaries_total", "总数(名)"),
    ("secretaries_reviewed", "已被点评(名)"),
    ("secretaries_coverage", "书记被点评覆盖率(%)"),
    ("secretaries_reviewing", "参与点评(名)"),
    ("secretaries_participation", "书记参与率(%)"),
    ("members_total", "总数(名)"),
    ("members_reviewed", "已点评(名)"),
    ("members_coverage", "党员覆盖率(%)"),
    ("mobile_total", "数量(名)"),
    ("mobile_reviewed", "已点评(名)"),
    ("cadres_reviewing", "参与点评的县级以上党员领导干部(名)"),
    ("collective", "集中点评(人/个次)"),
    ("individual", "个别点评(人/个次)"),
    ("onsite", "现场点评(人/个次)"),
    ("random", "随机点评(人/个次)"),
    ("methods_total", "合计"),
    ("talks", "专门约谈(次)"),
    ("models", "发现树立典型(个)"),
    ("problems_found", "发现问题(个)"),
    ("problems_solved", "已解决问题(个)"),
];

const COLUMN_HEADER: Words = words![
    ("name", "单位名称"),
    ("orgs_total", "基层党组织 · 总数(个)"),
    ("orgs_reviewed", "基层党组织 · 已点评(个)"),
    ("orgs_coverage", "基层党组织 · 覆盖率(%)"),
    ("new_orgs_total", "其中“两新”组织党组织 · 数量(个)"),
    ("new_orgs_reviewed", "其中“两新”组织党组织 · 已点评(个)"),
    ("secretaries_total", "基层党组织书记 · 总数(名)"),
    ("secretaries_reviewed", "基层党组织书记 · 已被点评(名)"),
    ("secretaries_coverage", "书记被点评覆盖率(%)"),
    ("secretaries_reviewing", "书记 · 参与点评(名)"),
    ("secretaries_participation", "书记参与率(%)"),
    ("members_total", "党员 · 总数(名)"),
    ("members_reviewed", "党员 · 已点评(名)"),
    ("members_coverage", "党员覆盖率(%)"),
    ("mobile_total", "其中流动党员 · 数量(名)"),
    ("mobile_reviewed", "其中流动党员 · 已点评(名)"),
    ("cadres_reviewing", "参与点评的县级以上党员领导干部(名)"),
    ("collective", "点评方式 · 集中点评(人/个次)"),
    ("individual", "点评方式 · 个别点评(人/个次)"),
    ("onsite", "点评方式 · 现场点评(人/个次)"),
    ("random", "点评方式 · 随机点评(人/个次)"),
    ("methods_total", "点评方式 · 合计"),
    ("talks", "专门约谈(次)"),
    ("models", "发现树立典型(个)"),
    ("problems_found", "发现问题(个)"),
    ("problems_solved", "已解决问题(个)"),
];

const PRESET: Words = words![
    ("heilongjiang-2010", "黑龙江省（黑创先办[2010]11号）"),
    ("central-2010", "中央（创先办[2010]7号）"),
];

const RECEIVER: Words = words![
    ("heilongjiang-2010", "黑龙江省创先争优活动领导小组办公室"),
    ("central-2010", "中央创先争优活动领导小组办公室"),
];

const FORMAT: Words = words![
    ("cxzy-stats/1", "统计表"),
    ("cxzy-roster/1", "名册"),
    ("cxzy-entries/1", "点评记录"),
];

#[cfg(feature = "review")]
const GAP: Words = words![
    ("orgs", "未点评的基层党组织"),
    ("secretaries", "未被点评的书记"),
    ("members", "未点评的党员"),
    ("not_reviewing", "未参与点评的书记"),
];

#[cfg(feature = "review")]
const COVERAGE_BAR: Words = words![
    ("orgs", "基层党组织已点评"),
    ("secretaries", "书记已被点评"),
    ("members", "党员已点评"),
    ("participation", "书记参与点评"),
];

#[cfg(feature = "review")]
const GAP_COLUMN: Words = words![
    ("id", "编号"),
    ("name", "名称"),
    ("kind", "类别"),
    ("parent", "上级党组织"),
    ("unit", "单位"),
    ("secretary", "书记"),
    ("secretary_of", "担任书记的党组织"),
    ("org", "所在党组织"),
    ("mobile", "流动党员"),
];

const HINTS: Words = words![
    ("empty", "内容为空"),
    ("letter_o", "其中有字母 O，是否应为数字 0？"),
    ("letter_l", "其中有字母 l 或 I，是否应为数字 1？"),
    ("decimal", "请填写整数，不要带小数"),
    ("negative", "不能为负数"),
    ("inner_space", "数字中间有空格，请删除空格"),
    ("grouping", "千位分隔符应每三位一组，如 1,200"),
    ("not_number", "请填写不小于 0 的整数"),
    ("not_date", "请按 2011-01-16 或 2011年1月16日 的格式填写"),
    ("impossible_date", "该日期不存在，请核对月和日"),
    ("not_phone", "请填写 11 位手机号或带区号的固定电话，如 0451-82345678"),
    ("not_integer", "请填写整数"),
];

const PHRASE: Words = words![
    ("row", "「{}」"),
    ("column_ref", "第{no}栏「{header}」"),
    ("column_no", "栏次"),
    ("total", "合计"),
    ("list_sep", "、"),
    ("t011_missing", "应报单位「{}」未报"),
    ("t011_extra", "「{}」不在预设的应报单位中"),
    ("missing", "未填写{}"),
    ("bad_phone", "{f}无效（收到「{r}」）：{h}"),
    ("bad_date", "{f}不是有效日期（收到「{r}」）：{h}"),
    ("r001_missing", "单位名称未填写"),
    ("r001_duplicate", "单位名称「{}」重复"),
];

/// Sentences of the review, the coverage view and the CLI.
#[cfg(feature = "review")]
const REVIEW_PHRASE: Words = words![
    ("yes", "是"),
    ("count_orgs", "{} 个"),
    ("count_people", "{} 名"),
    ("e018_target", "{method}的对象应为基层党组织（现场点评是对基层党组织的点评，随机点评是对单位的点评），不是「{kind}」"),
    ("e018_role", "现场点评由党员领导干部深入基层时进行，「{role}」对所属组织和党员一般采用集中点评或个别点评"),
    ("half_1", "{year} 年上半年"),
    ("half_2", "{year} 年下半年"),
    ("severity_error", "错误"),
    ("severity_warning", "警告"),
    ("severity_info", "提示"),
    ("cli_gaps", "未点评：党组织 {orgs}，书记 {secretaries}，党员 {members}；未参与点评的书记 {not_reviewing}"),
    ("cli_counts", "{errors} 个错误，{warnings} 个警告"),
];

/// Why a text cannot be read (`json::ParseKind`, by its id), where (`parse_at`): the CLI's exit 2
/// and the page's `parseErrorText`; not in the statistics form's own module.
#[cfg(feature = "review")]
const PARSE_PHRASE: Words = words![
    ("parse_at", "第 {line} 行第 {column} 列：{detail}"),
    ("json_syntax", "JSON 格式有误"),
    ("json_key", "此处应为带引号的字段名"),
    ("json_value", "此处应为一个值"),
    ("json_eof", "文件在此处意外结束，可能缺少 } 或 ]"),
    ("json_trailing", "内容结束后还有多余字符"),
    ("json_comma", "此处缺少逗号或括号"),
    ("json_colon", "字段名后应为冒号"),
    ("json_string", "文本中有无效的转义或控制字符"),
    ("json_number", "数字写法无效"),
    ("json_depth", "嵌套层数过多"),
    ("json_control", "文本中有不能出现的控制字符"),
    ("csv_stray_row", "「{cell}」既不是表头栏目（填报单位、统计截止日期……），也不是以“单位名称”开头的栏目行"),
    ("csv_no_header", "没有找到以“单位名称”开头的栏目行"),
    ("csv_nul", "文件中有 NUL 字符，不是文本格式的 CSV 文件：请重新另存为“CSV UTF-8”或“CSV”"),
    ("csv_quote", "此处的引号（\"）开始了一个单元格，但没有结束：请补上结束的引号"),
    ("not_a_table", "该文件既不是 JSON 也不是表格（CSV），可能是图片、Word 文档或压缩包，请选择导出的 JSON 或 CSV 文件"),
    ("not_utf8", "文件不是 UTF-8 编码的文本，无法读取"),
    ("too_large", "文件过大（{size} 字节），最大 {max} 字节"),
    ("json_trailing_comma", "最后一项后面多了一个逗号：请删除这个逗号"),
    ("json_data", "此处的值类型不对"),
    ("not_rows", "工作表应按行给出各单元格"),
    ("not_a_date", "统计截止日期不是有效日期（请写作 2011-01-16）"),
    ("read_failed", "读取文件时出错，未能读完"),
];

const MESSAGES: Words = words![
    ("T001", "未填写填报单位"),
    ("T002", "批次应为 1 或 2（收到「{value}」）"),
    ("T003", "{@bad_or_missing}"),
    ("T004", "逾期报送：填报日期 {filed_on} 晚于报送截止日期 {deadline}"),
    ("T005", "统计截止日期 {as_of} 不能晚于填报日期 {filed_on}"),
    ("T006", "未填写{@field}"),
    ("T007", "{@bad_or_missing}"),
    ("T008", "无法识别的字段「{field}」，是否应为「{@suggestion}」？"),
    ("T009", "无法识别的文件格式「{value}」：应为{expected|format}"),
    ("T010", "表格应有 1 至 {max} 行，现有 {count} 行"),
    ("T011", "{@t011}"),
    ("T012", "书面报告「{@field}」部分为空"),
    ("T013", "未知的预设「{value}」，是否应为「{suggestion|preset}」？"),
    ("T014", "CSV 文件第 {line} 行有 {extra} 个单元格超出表头的 {columns} 列，这些内容没有读入：请删除多余内容或补上表头"),
    ("T015", "字段「{key}」重复出现：已采用第一次出现的值，请删除重复的字段"),
    ("T016", "书面报告应分总体情况、突出做法、典型事例三部分填写（整段内容已放入总体情况）"),
    ("R001", "{@r001}"),
    ("R002", "{@row}{@field}未填写"),
    ("R003", "{@row}{@field}应为不小于 0 的整数（收到「{raw}」）：{@hint}"),
    ("R004", "{@row}{@field}为 {value}，超过上限 {max}"),
    ("R010", "{@row}已点评基层党组织数（{reviewed}）不能大于基层党组织总数（{total}）"),
    ("R011", "{@row}已点评“两新”组织党组织数（{reviewed}）不能大于其总数（{total}）"),
    ("R012", "{@row}已被点评的书记数（{reviewed}）不能大于书记总数（{total}）"),
    ("R013", "{@row}参与点评的书记数（{reviewed}）不能大于书记总数（{total}）"),
    ("R014", "{@row}已点评党员数（{reviewed}）不能大于党员总数（{total}）"),
    ("R015", "{@row}已点评流动党员数（{reviewed}）不能大于流动党员数（{total}）"),
    ("R017", "{@row}{@field}（{part}）不能大于{@whole}（{total}）"),
    ("R020", "{@row}书记数（{secretaries}）多于基层党组织数（{orgs}），请核对"),
    ("R021", "{@row}党员数（{members}）不足基层党组织数（{orgs}）的 3 倍，请核对"),
    ("R030", "{@row}点评方式合计（{methods}）少于已点评党组织与党员之和（{needed}）：每个被点评的党组织和党员至少要有一次点评"),
    ("R031", "{@row}专门约谈次数（{talks}）多于个别点评（{individual}）：约谈是个别点评的一种方式"),
    ("R032", "{@row}已解决问题数（{solved}）不能大于发现问题数（{found}）"),
    ("R040", "{@row}第二批报送时{@field}仅为 {coverage}，未实现“两个全覆盖”"),
    ("R041", "{@row}{@field}填报为「{supplied}」，按各栏数据计算应为 {computed}：请核对"),
    ("P001", "{@row}{@field}比第一批减少（{previous} → {current}），累计数不应减少"),
    ("P002", "{@row}{@field}比第一批变化超过 10%（{previous} → {current}），请核对"),
    ("P003", "与第一批的填报单位不同（「{previous}」与「{current}」）"),
    ("P004", "用于比较的上一批报表应为第一批（收到第 {value} 批）"),
    ("A001", "下级报表批次不一致（「{unit}」为第 {batch} 批，应为第 {expected} 批）"),
    ("A002", "下级单位「{unit}」重复报送"),
    ("A003", "下级单位「{unit}」的报表有 {errors} 个错误"),
    ("N001", "已将「{raw}」读作 {value}"),
    ("N002", "已将日期「{raw}」读作 {value}"),
    ("N003", "已将电话「{raw}」读作 {value}"),
    ("N004", "CSV 文件中没有表头信息（填报单位、批次、日期等），只检查了表格各行"),
    ("N005", "已忽略文件中的“合计”行和计算栏，合计由系统重新计算"),
    ("N006", "文件不是 UTF-8 编码，已按 GBK（GB18030）读取：请核对中文是否显示正确"),
    ("X001", "{@field}过长（{length} 字），最多 {max} 字"),
    ("X002", "条目过多（{count} 条），最多 {max} 条"),
    ("X003", "文件过大（{size} 字节），最大 {max} 字节"),
    ("X004", "合计超出可计算范围"),
    ("X005", "{code} 类问题过多，另有 {more} 条未列出（每类最多列出 1000 条）"),
];

/// The review codes' templates (O, E, F): not in the statistics form's own module.
#[cfg(feature = "review")]
const REVIEW_MESSAGES: Words = words![
    ("O001", "名册编号「{id}」重复"),
    ("O002", "党组织「{id}」的上级「{parent}」不存在或构成循环"),
    ("O003", "党员「{id}」所在党组织「{org}」不存在"),
    ("O004", "党组织「{id}」的书记「{secretary}」不是本组织或下属组织的党员"),
    ("O005", "党支部「{id}」党员少于 3 名（{count} 名）"),
    ("O006", "党支部「{id}」不能是基层党委「{child}」的上级"),
    ("O007", "名册中{@field}缺失或无法识别（收到「{raw}」）"),
    ("E001", "点评记录编号缺失或重复（「{id}」）"),
    ("E002", "点评时间缺失、无效或晚于今天（收到「{raw}」）"),
    ("E003", "点评时间 {date} 不在活动期间（{from} 至 {to}）"),
    ("E004", "点评人姓名或职务缺失或无法识别"),
    ("E005", "点评对象类别或名称缺失或无法识别"),
    ("E006", "点评方式缺失或无法识别（收到「{raw}」）"),
    ("E007", "点评内容不完整：缺少{@field}（既要肯定成绩，又要指出不足和努力方向）"),
    ("E008", "{@field}内容过于简单（少于 8 个字），点评要言之有物"),
    ("E009", "{@field}与另外 {others} 条记录内容相同或几乎相同，防止点评流于形式"),
    ("E010", "点评人职务「{role|role}」一般不负责点评「{kind|kind}」，请核对点评责任"),
    ("E011", "专门约谈应为个别点评"),
    ("E012", "已解决问题数（{solved}）不能大于发现问题数（{found}）"),
    ("E013", "点评重点「{tag|focus}」不适用于此类点评对象"),
    ("E014", "名册中没有编号「{id}」"),
    ("E015", "点评对象不在点评人所在党组织及其下属组织内"),
    ("E016", "点评人不能点评自己"),
    ("E017", "{@field}无法识别（收到「{raw}」）"),
    ("E018", "{@e018}"),
    ("F001", "「{name}」在{@period}没有点评记录（对基层党组织及其书记的点评每半年至少一次）"),
];
#[cfg(not(feature = "review"))]
const REVIEW_MESSAGES: Words = "";

/// The native CLI's and the workbook reader's sentences (`cxzy`, `workbook::WorkbookError`): not
/// in either wasm module.
#[cfg(all(feature = "review", not(target_arch = "wasm32")))]
const CLI_PHRASE: Words = words![
    ("workbook_not", "该文件不是 Excel 工作簿（既不是 .xlsx 也不是 .xls）"),
    ("workbook_password", "工作簿设有打开密码：请另存一份不设密码的副本再检查"),
    ("workbook_damaged", "文件已损坏，或不是 Excel {format} 工作簿"),
    ("workbook_no_table", "工作簿中没有统计表：工作表「{sheet}」及其他工作表都没有栏目行（单位名称……）"),
    ("workbook_write", "无法写出工作簿"),
    ("too_large_over", "文件过大：超过 {max} 字节"),
    ("file_not_found", "找不到该文件"),
    ("file_denied", "没有读写该文件的权限"),
    ("file_is_dir", "这是文件夹，不是文件"),
    ("file_unreadable", "无法读取该文件"),
    ("file_unwritable", "无法写入该文件"),
    ("cli_not_date", "{name}：「{value}」不是日期（请写作 2011-01-16）"),
    ("cli_batch", "--batch 只能是 1 或 2，不能是 {batch}"),
    ("cli_unknown_arg", "不认识的选项「{arg}」"),
    ("cli_unknown_command", "不认识的命令「{arg}」（可用的命令：validate、totals、coverage、aggregate、export）"),
    ("cli_missing_arg", "缺少：{arg}"),
    ("cli_no_command", "请给出命令：validate、totals、coverage、aggregate 或 export"),
    ("cli_bad_value", "「{value}」不是 {arg} 的有效值"),
    ("cli_conflict", "{arg} 不能与 {other} 同时使用"),
    ("cli_usage", "命令行参数有误"),
    ("cli_locale", "不认识的语言「{locale}」（可用 zh-CN 或 en）"),
    ("cli_first", "；首个问题 {code} {path}：{message}"),
    ("cli_file_counts", "{file}：{errors} 个错误，{warnings} 个警告"),
    ("cli_file_unreadable", "{file}：无法读取（{why}）"),
    ("cli_files_total", "共 {n} 个文件：{passed} 个无错误，{failed} 个有错误，{unreadable} 个无法读取；合计 {errors} 个错误，{warnings} 个警告"),
    ("cli_totals_note", "注意：表中有 {errors} 个错误，合计仅供参考（用 cxzy validate 查看）"),
    ("cli_name_column", "甲"),
    ("cli_see_help", "用法见 cxzy --help（或 cxzy 命令 --help）。"),
];
#[cfg(all(feature = "review", target_arch = "wasm32"))]
const CLI_PHRASE: Words = "";

/// `cxzy --help`, `cxzy COMMAND --help` and the usage line: the headings, the flags' and the
/// commands' help, the placeholders (`cli_value_*`). Native CLI only.
#[cfg(all(feature = "review", not(target_arch = "wasm32")))]
const CLI_HELP: Words = words![
    ("cli_heading_usage", "用法"),
    ("cli_heading_commands", "命令"),
    ("cli_heading_arguments", "参数"),
    ("cli_heading_options", "选项"),
    ("cli_options_tag", "[选项]"),
    ("cli_value_command", "命令"),
    ("cli_value_file", "文件"),
    ("cli_value_date", "日期"),
    ("cli_value_batch", "批次"),
    ("cli_value_unit", "单位名称"),
    ("cli_value_locale", "语言"),
    ("cli_help_help", "显示帮助"),
    ("cli_help_version", "显示版本号"),
    ("cli_help_locale", "提示和结果所用的语言：zh-CN 或 en；不给出时按系统的语言环境（LC_ALL、LC_MESSAGES、LANG），以 en 开头为 en，否则为 zh-CN"),
    ("cli_about", "创先争优活动领导点评情况统计表：上报前离线检查文件，计算合计、覆盖率，汇总下级报表"),
    ("cli_about_validate", "检查统计表（JSON、CSV 或 Excel）、名册或点评记录；多个文件时每个文件一行，最后给出合计，退出状态取其中最严重的"),
    ("cli_help_validate_files", "要检查的文件（- 表示标准输入）"),
    ("cli_help_validate_previous", "同一单位的第一批统计表，用来与第二批比较"),
    ("cli_help_validate_roster", "名册，用来核对点评记录（编号是否在名册中，点评对象是否在点评人所在组织内）"),
    ("cli_help_validate_today", "把“今天”定为该日期，便于重复得到相同结果（晚于今天的点评记录为错误）"),
    ("cli_help_validate_json", "把问题输出为一个 JSON 数组"),
    ("cli_about_totals", "输出统计表的计算结果：合计行、点评方式合计和各项覆盖率"),
    ("cli_help_totals_file", "统计表文件（JSON、CSV 或 Excel；- 表示标准输入）"),
    ("cli_help_totals_json", "以 JSON 输出"),
    ("cli_about_coverage", "由名册和点评记录得出统计表和未点评名单"),
    ("cli_help_coverage_roster", "名册文件"),
    ("cli_help_coverage_entries", "点评记录文件"),
    ("cli_help_coverage_as_of", "统计截止日期"),
    ("cli_help_coverage_batch", "批次：1 或 2"),
    ("cli_help_coverage_unit", "填报单位"),
    ("cli_help_coverage_json", "以 JSON 输出统计表、未点评名单和问题"),
    ("cli_about_aggregate", "把下级单位的统计表汇总为上级的统计表（每个下级单位一行）"),
    ("cli_help_aggregate_files", "下级单位的统计表文件"),
    ("cli_help_aggregate_unit", "上级的填报单位"),
    ("cli_help_aggregate_batch", "批次：1 或 2（不给出时取下级报表的批次）"),
    ("cli_about_export", "把统计表导出为 CSV（UTF-8 带 BOM，中文表头），或正式格式的 Excel 工作簿（.xlsx，须给出 -o）"),
    ("cli_help_export_file", "统计表文件（JSON、CSV 或 Excel；- 表示标准输入）"),
    ("cli_help_export_csv", "导出为 CSV"),
    ("cli_help_export_xlsx", "导出为 Excel 工作簿（.xlsx）"),
    ("cli_help_export_output", "写入该文件，而不是标准输出"),
    ("cli_about_help", "显示本帮助，或某个命令的帮助"),
    ("cli_help_help_command", "要显示其帮助的命令"),
];
#[cfg(all(feature = "review", target_arch = "wasm32"))]
const CLI_HELP: Words = "";

/// zh-CN names fields mid-sentence by their labels.
const FIELD_PHRASE: Words = "";
#[cfg(feature = "review")]
const REVIEW_FIELD_PHRASE: Words = "";

// ---- The pages' own words (`meta().ui`): buttons, headings, notices of the forms ----
// Keyed by id; templates name their params (`第{n}批`), which js/dom.js's `fill` puts in. Every
// locale has the same ids (vocab::tests). The header fields' labels, 栏次 and 合计 are the lists'
// and phrases' above, not repeated here.

/// The statistics form's words (`meta().ui.form`, in both wasm modules).
const UI_FORM: Words = words![
    ("title", "创先争优活动领导点评情况统计表"),
    ("receiver", "报送："),
    ("batchN", "第{n}批"),
    ("deadlineAuto", "（按预设：{preset}）"),
    ("reported_on", "报出日期"),
    ("report", "书面报告"),
    ("overview", "一、总体情况"),
    ("practices", "二、突出做法"),
    ("examples", "三、典型事例"),
    ("open", "打开文件…"),
    ("saveJson", "保存 JSON"),
    ("saveCsv", "导出 CSV"),
    ("saveXlsx", "导出 Excel"),
    ("print", "打印"),
    ("submit", "检查并提交"),
    ("addRow", "添加一行"),
    ("removeRow", "删除「{name}」行"),
    ("language", "English"),
    ("summaryTitle", "检查结果"),
    ("summaryErrors", "{errors} 个错误，{warnings} 个警告"),
    ("more", "……另有 {n} 个问题"),
    ("errorPrefix", "错误："),
    ("warningPrefix", "警告："),
    ("noIssues", "未发现问题"),
    ("restored", "已恢复自动保存的草稿。"),
    ("restoredAt", "已恢复 {time} 自动保存的草稿。"),
    ("discard", "丢弃草稿"),
    ("rowLabel", "{row} {column}"),
    ("headerCell", "{group} · {label}"),
    ("colon", "："),
    ("ofUnit", "{unit}：{message}"),
    ("undo", "撤销"),
    ("redo", "重做"),
    ("find", "查找单位"),
    ("findLabel", "筛选行"),
    ("onlyProblems", "只看有问题的行"),
    ("signUnit", "单位（盖章）"),
    ("signed", "（签字）"),
    ("pageOf", "第 {page} 页 共 {pages} 页"),
    ("draftAside", "上次自动保存的草稿已损坏或格式过旧，无法恢复：已另存为「{key}」，现打开空白表格。"),
    ("draftOff", "浏览器禁用了本地存储，草稿不会自动保存：请在完成前“保存 JSON”留存填写内容。"),
    ("draftFull", "浏览器存储空间已满，草稿未能自动保存：请先“保存 JSON”留存填写内容，或清理浏览器存储后继续。"),
    ("draftNewer", "另一个窗口保存了此表的较新草稿；本窗口已暂停自动保存，以免覆盖它。"),
    ("draftNewerAt", "另一个窗口在 {time} 保存了此表的较新草稿；本窗口已暂停自动保存，以免覆盖它。"),
    ("draftLoad", "载入较新的草稿"),
    ("draftKeep", "保留本窗口的内容"),
    ("pasted", "已粘贴 {n} 个单元格。"),
    ("pasteOutside", "{n} 个超出表格，未粘贴。"),
    ("pasteNames", "{n} 个落在只读的单位名称上，未粘贴。"),
    ("pasteChecked", "{n} 个落在计算栏，只核对不粘贴：{result}。"),
    ("pasteDiffers", "与计算结果不同——{list}"),
    ("pasteSame", "均与计算结果一致"),
    ("pasteCell", "「{unit}」第 {no} 栏粘贴 {value}，计算为 {computed}"),
    ("pasteSep", "；"),
    ("replaceAsk", "打开「{name}」会替换表中已填写的内容（可用“撤销”恢复）。继续吗？"),
    ("replaceYes", "打开并替换"),
    ("cancel", "取消"),
    ("back", "返回检查"),
    ("blocked", "还有错误，不能提交或导出：请先改正下列问题。"),
    ("confirmWarnings", "还有 {n} 个警告。请核对，确认无误后再继续。"),
    ("discarded", "已丢弃草稿。"),
    ("found", "显示 {n} / {all} 行"),
    ("opened", "已打开「{name}」。"),
    ("proceed", "确认无误，继续"),
    ("saved", "已生成文件。"),
    ("unreadable", "无法读取「{name}」：{why}"),
    ("submitted", "检查通过，已提交。"),
];

/// What an element says when its wasm cannot load (`meta().ui.load`): written into the package's
/// load-words.js by scripts/build-pkg.sh, since no wasm answers then.
#[cfg(feature = "review")]
const UI_LOAD: Words = words![
    ("failed", "{what}未能加载（{msg}）：请将 .wasm 文件与脚本一同发布，以 application/wasm 提供。"),
    ("stats", "统计表"),
    ("review", "点评登记表"),
    ("rollup", "汇总"),
];

/// The 领导点评登记表's words (`meta().ui.entry`).
#[cfg(feature = "review")]
const UI_ENTRY: Words = words![
    ("title", "领导点评登记表"),
    ("summaryTitle", "点评记录检查结果"),
    ("counts", "{errors} 个错误，{warnings} 个警告"),
    ("noIssues", "未发现问题"),
    ("errorPrefix", "错误："),
    ("warningPrefix", "警告："),
    ("check", "检查并登记"),
    ("print", "打印"),
    ("clear", "清空"),
    ("language", "English"),
    ("blocked", "还有错误，不能登记：请先改正下列问题。"),
    ("recorded", "检查通过，已登记。"),
    ("cleared", "已清空。"),
    ("sTarget", "点评对象"),
    ("sReviewer", "点评人"),
    ("sAct", "点评情况"),
    ("sContent", "点评内容"),
    ("sResult", "点评成效"),
    ("id", "记录编号"),
    ("date", "点评时间"),
    ("datePh", "2010-12-20"),
    ("target/kind", "对象类别"),
    ("target/name", "点评对象"),
    ("target/nameOrg", "党组织名称"),
    ("target/namePerson", "姓名"),
    ("target/id", "名册编号"),
    ("target/org", "所在党组织"),
    ("reviewer/name", "点评人"),
    ("reviewer/role", "职务"),
    ("reviewer/id", "点评人名册编号"),
    ("reviewer/org", "点评人所在党组织"),
    ("focusFirst", "请先选择对象类别"),
    ("required", "（必填）"),
    ("optional", "（选填）"),
    ("choose", "请选择"),
    ("none", "—"),
    ("rosterHint", "名册：{n}"),
];

/// The coverage view's words (`meta().ui.coverage`).
#[cfg(feature = "review")]
const UI_COVERAGE: Words = words![
    ("coverage", "点评覆盖情况"),
    ("unit", "单位"),
    ("gaps", "尚未覆盖名单"),
    ("filter", "筛选"),
    ("filterPh", "输入姓名、编号、组织或单位"),
    ("csv", "导出 CSV"),
    ("shownSome", "显示前 {n} 条，共 {all} 条（导出包含全部）"),
    ("shownAll", "共 {all} 条"),
    ("none", "无"),
    ("count", "（{n}）"),
];

/// The receiving office's words (`<cxzy-rollup>`, `meta().ui.rollup`).
#[cfg(feature = "review")]
const UI_ROLLUP: Words = words![
    ("title", "下级报表汇总"),
    ("pick", "选择文件…"),
    ("clear", "全部清空"),
    ("remove", "移除「{file}」"),
    ("removeShort", "移除"),
    ("drop", "将下级单位报送的统计表（JSON 或 CSV，可一次多个）拖放到这里，或"),
    ("dropNow", "松开鼠标即可加入"),
    ("received", "已收到 {n} 个文件，其中 {tables} 个下级单位报表。"),
    ("none", "尚未收到下级单位的报表。"),
    ("filesCaption", "收到的文件"),
    ("colResult", "检查结果"),
    ("colUnit", "单位"),
    ("colBatch", "批次"),
    ("colErrors", "错误"),
    ("colWarnings", "警告"),
    ("colProblems", "主要问题"),
    ("colFile", "文件"),
    ("batchN", "第{n}批"),
    ("ok", "通过"),
    ("bad", "有错误"),
    ("unread", "无法读取"),
    ("all", "全部 {n} 个问题"),
    ("noProblems", "未发现问题"),
    ("prevFor", "第一批，用于对比「{file}」"),
    ("prevWaiting", "第一批，尚未收到该单位第二批"),
    ("prevDup", "重复的第一批（已用「{file}」），未使用"),
    ("comparedWith", "已与第一批「{file}」对比"),
    ("checks", "汇总检查"),
    ("checksOk", "各下级报表批次一致、单位不重复。"),
    ("refused", "不能汇总：请先处理下列错误。"),
    ("missing", "应报未报（{n} 个单位）"),
    ("missingNone", "应报单位均已报送。"),
    ("missingOf", "按「{preset}」的应报单位"),
    ("unreadableNote", "「{file}」无法读取：{why}"),
    ("parent", "汇总表：{unit}{batch}"),
    ("noUnit", "（未指定单位）"),
    ("parentBatch", " 第{n}批"),
    ("parentNote", "汇总表只读；导出后可在统计表中补填负责人、填表人、联系电话、日期和书面报告，再检查上报。"),
    ("saveJson", "导出汇总表 JSON"),
    ("saveCsv", "导出汇总表 CSV"),
    ("saveXlsx", "导出汇总表 Excel"),
    ("print", "打印汇总表"),
    ("saved", "已生成文件。"),
    ("notJsonCsv", "不是 JSON 或 CSV 文件"),
    ("excel", "Excel 工作簿无法读取："),
    ("tooLarge", "文件过大（{n} 字节，最多 {max}）"),
    ("roster", "这是党员名册（cxzy-roster/1），不是统计表"),
    ("entries", "这是点评记录（cxzy-entries/1），不是统计表"),
    ("notTable", "不是统计表（format 为「{format}」，应为 {expected}）"),
    ("notObject", "不是统计表（应为一个 JSON 对象）"),
    ("unparsable", "无法解析 {kind}：{why}"),
    ("errorPrefix", "错误："),
    ("warningPrefix", "警告："),
    ("fileSuffix", "汇总"),
];

/// The workbook module's words (`meta().ui.excel`, js/excel.js): its refusals, and what the
/// official layout writes besides the form's words (the page footer, the font, the date format).
#[cfg(feature = "review")]
const UI_EXCEL: Words = words![
    ("notWorkbook", "不是 Excel 工作簿"),
    ("noSheet", "工作簿中没有工作表"),
    ("password", "工作簿设有密码：请另存一份无密码的文件后再打开"),
    ("damaged", "工作簿已损坏: {why}"),
    ("footer", "第 {page} 页，共 {pages} 页"),
    ("font", "宋体"),
    ("dateFormat", "yyyy\"年\"m\"月\"d\"日\""),
];

catalogue!("zh-CN");
