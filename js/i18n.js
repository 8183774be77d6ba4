// The form's own words (labels, buttons, notices). Issue messages come from the core's
// catalogue (src/core/messages.rs), never from here. English, and the words of what happens only
// after the clerk starts working (paste, files, export checks, the row filter), are in stats-more.js.
export const TEXT = {
  'zh-CN': {
    title: '创先争优活动领导点评情况统计表',
    receiver: '报送：',
    unit: '填报单位', batch: '批次', batchN: (n) => `第${n}批`, as_of: '统计截止日期', filed_on: '填报日期',
    deadline: '报送截止日期', deadlineAuto: (d) => `（按预设：${d}）`,
    principal: '负责人', preparer: '填表人', phone: '联系电话', reported_on: '报出日期',
    report: '书面报告', overview: '一、总体情况', practices: '二、突出做法', examples: '三、典型事例', notes: '备注',
    no: '栏次', total: '合计', rowName: '单位名称',
    open: '打开文件…', saveJson: '保存 JSON', saveCsv: '导出 CSV', saveXlsx: '导出 Excel', print: '打印', submit: '检查并提交',
    addRow: '添加一行', removeRow: (n) => `删除「${n}」行`, language: 'English',
    summaryTitle: '检查结果', summaryErrors: (e, w) => `${e} 个错误，${w} 个警告`,
    more: (n) => `……另有 ${n} 个问题`, errorPrefix: '错误：', warningPrefix: '警告：',
    noIssues: '未发现问题', restored: (t) => `已恢复${t ? ` ${t} ` : ''}自动保存的草稿。`, discard: '丢弃草稿',
    rowLabel: (row, col) => `${row} ${col}`, headerCell: (g, l) => (g ? `${g} · ${l}` : l),
    colon: '：', ofUnit: (u, m) => `${u}：${m}`, undo: '撤销', redo: '重做',
    find: '查找单位', findLabel: '筛选行', onlyProblems: '只看有问题的行',
    signUnit: '单位（盖章）', signed: '（签字）', pageOf: ['第 ', ' 页 共 ', ' 页'],
  },
};

/** `zh-CN` unless the locale asks for English. */
/**
 * @param {string | null | undefined} locale
 * @returns {import('./index.js').Locale}
 */
export function pickLocale(locale) {
  return /^en(\b|_)/i.test(locale || '') ? 'en' : 'zh-CN';
}
