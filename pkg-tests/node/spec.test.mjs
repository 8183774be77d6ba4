// A black-box suite of the built package (pkg/) for SPEC §6 and §8.1, written from the SPEC
// alone: validate(doc_or_text, { previous, roster, locale, today }), totals(doc),
// coverage(roster, entries, { as_of, batch, unit }) → { table, gaps, issues } and
// aggregate(children, { unit, batch }), on small hand-made documents with hand-computed results.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import init, { validate, totals, coverage, aggregate } from '../../pkg/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

before(async () => {
  await init({ module_or_path: fs.readFileSync(path.join(root, 'pkg/cxzy_form_bg.wasm')) });
});

// --- fixtures (the same as tests/spec_review.rs) ------------------------------------------------

const roster = () => ({
  format: 'cxzy-roster/1',
  orgs: [
    { id: 'c1', name: '甲镇党委', kind: 'committee', parent: null, unit: '甲镇', secretary: 'm1' },
    { id: 'b1', name: '甲镇某公司党支部', kind: 'branch', parent: 'c1', unit: '甲镇', secretary: 'm2', sector: 'non_public' },
    { id: 'b2', name: '甲镇第二党支部', kind: 'branch', parent: 'c1', unit: '甲镇', secretary: 'm5' },
    { id: 'c2', name: '乙镇党委', kind: 'committee', parent: null, unit: '乙镇', secretary: 'm8' },
    { id: 'b3', name: '乙镇协会党支部', kind: 'branch', parent: 'c2', unit: '乙镇', sector: 'social' },
  ],
  members: [
    ['m1', '张一', 'c1', false], ['m2', '张二', 'b1', false], ['m3', '张三', 'b1', true], ['m4', '张四', 'b1', false],
    ['m5', '张五', 'b2', false], ['m6', '张六', 'b2', false], ['m7', '张七', 'b2', true],
    ['m8', '李八', 'c2', false], ['m9', '李九', 'b3', false], ['m10', '李十', 'b3', true], ['m11', '李十一', 'b3', false],
  ].map(([id, name, org, mobile]) => ({ id, name, org, mobile })),
});

const TEXTS = [
  '支部围绕企业生产经营开展承诺践诺，党员示范岗作用明显。',
  '全年帮助职工解决住房困难十一户，组织技术攻关三项。',
  '新党员发展工作偏慢，入党积极分子培养缺少计划。',
  '明年要把优秀技术骨干培养成党员，建好流动党员档案。',
  '张二书记带头承担急难任务，常到一线与职工谈心。',
  '组织党员开展岗位练兵，车间合格率提高到百分之九十八。',
  '抓班子自身建设用力不足，民主生活会批评不够辣。',
  '今后多听群众意见，把支部例会制度真正坚持下来。',
  '张三在仓储岗位上账物相符，主动承担夜班巡查。',
  '业余时间学习不够，对新设备的操作规程还不熟。',
  '下一步考取叉车操作证，带一名新职工共同进步。',
  '张四负责的客户回访及时，被评为季度服务标兵。',
  '参加组织生活有两次请假，思想汇报写得比较简短。',
  '按时参加支部活动，每季度向支部书面汇报一次思想。',
  '乙镇党委推进农村道路硬化，六个村全部通了水泥路。',
  '建成村级便民服务站八个，办理群众事项一千余件。',
  '对社会组织党建工作指导不够，协会支部活动不规律。',
  '要为协会支部选派党建指导员，每月指导一次活动。',
  '李八书记包村蹲点，化解土地纠纷十余起，群众称道。',
  '组织党员认领服务岗位，春耕期间帮扶困难户四十家。',
  '调研多、落实少，个别承诺事项推进时间拖得较长。',
  '建立承诺事项台账，逐项明确完成时限和责任人。',
  '张六在社区服务中热情耐心，坚持为孤寡老人送药。',
  '对政策法规的宣传解释不够准确，需要系统学习。',
  '参加党员远程教育培训，争取当好社区政策宣讲员。',
  '张三在盘点中发现两处差错并及时更正，避免了损失。',
  '向老同志请教不多，处理突发情况时经验仍显不足。',
  '多与班组长交流，学习应急处置，做到心中有数。',
];
const orgContent = (k) => ({ evaluation: TEXTS[k], achievements: TEXTS[k + 1], shortcomings: TEXTS[k + 2], direction: TEXTS[k + 3] });
const memberContent = (k) => ({ evaluation: TEXTS[k], shortcomings: TEXTS[k + 1], direction: TEXTS[k + 2] });
const M1 = { id: 'm1', name: '张一', role: 'committee_secretary', org: 'c1' };
const M2 = { id: 'm2', name: '张二', role: 'branch_secretary', org: 'b1' };
const M5 = { id: 'm5', name: '张五', role: 'branch_secretary', org: 'b2' };
const LEADER = { name: '王县长', role: 'county_leader' };
const e = (id, date, reviewer, target, method, content, extra = {}) => ({ id, date, reviewer, target, method, ...content, ...extra });

const entries = () => ({
  format: 'cxzy-entries/1',
  entries: [
    e('e1', '2010-12-10', M1, { kind: 'branch', id: 'b1', name: '甲镇某公司党支部' }, 'collective', orgContent(0),
      { model: true, problems_found: 2, problems_solved: 1, focus: ['central_work'] }),
    e('e2', '2010-12-11', M1, { kind: 'secretary', id: 'm2', name: '张二' }, 'individual', orgContent(4), { talk: true, focus: ['lead_by_example'] }),
    e('e3', '2011-01-05', M2, { kind: 'member', id: 'm3', name: '张三' }, 'individual', memberContent(8), { focus: ['post_performance'] }),
    // Collective, not on-site: 现场点评 is of organisations by leading cadres (E018).
    e('e4', '2011-01-06', M2, { kind: 'member', id: 'm4', name: '张四' }, 'collective', memberContent(11)),
    e('e5', '2010-12-20', LEADER, { kind: 'committee', id: 'c2', name: '乙镇党委' }, 'random', orgContent(14), { problems_found: 1, problems_solved: 1 }),
    e('e6', '2010-12-21', LEADER, { kind: 'secretary', id: 'm8', name: '李八' }, 'individual', orgContent(18)),
    e('e7', '2011-01-20', M5, { kind: 'member', id: 'm6', name: '张六' }, 'individual', memberContent(22)),
    e('e8', '2011-01-10', M2, { kind: 'member', id: 'm3', name: '张三' }, 'collective', memberContent(25)),
  ],
});

const stats = (unit, batch) => {
  const row = (name, k) => ({
    name, orgs_total: 10 * k, orgs_reviewed: 8 * k, new_orgs_total: 2 * k, new_orgs_reviewed: k,
    secretaries_total: 10 * k, secretaries_reviewed: 8 * k, secretaries_reviewing: 9 * k,
    members_total: 100 * k, members_reviewed: 80 * k, mobile_total: 5 * k, mobile_reviewed: 4 * k,
    cadres_reviewing: 3 * k, collective: 50 * k, individual: 40 * k, onsite: 10 * k, random: 5 * k,
    talks: 10 * k, models: 2 * k, problems_found: 5 * k, problems_solved: 3 * k,
  });
  return {
    format: 'cxzy-stats/1', unit, batch, as_of: '2011-01-15', filed_on: '2011-01-16', deadline: '2011-01-16',
    principal: '赵负责', preparer: '钱填表', phone: '0451-82345678',
    rows: [row('一区', 1), row('二区', 2)],
    report: { overview: '总体情况良好。', practices: '突出做法若干。', examples: '典型事例若干。' },
    notes: '',
  };
};

const show = (issues) => issues.map((i) => `${i.code} ${i.severity} ${i.path}`);
const has = (issues, code, severity, path) => issues.some((i) => i.code === code && i.severity === severity && i.path === path);
const TODAY = { today: '2011-01-31' };

// --- validate ------------------------------------------------------------------------------------

test('validate: the fixtures are free of errors; an object and its JSON text give the same issues', () => {
  assert.deepEqual(validate(roster()), []);
  const withRoster = validate(entries(), { roster: roster(), ...TODAY });
  assert.deepEqual(show(withRoster), []);
  assert.deepEqual(validate(JSON.stringify(entries()), { roster: JSON.stringify(roster()), ...TODAY }), withRoster);
  assert.ok(!validate(stats('某市', 1), TODAY).some((i) => i.severity === 'error'));
});

test('validate: every issue has the SPEC §5 shape', () => {
  const doc = entries();
  doc.entries[0].problems_solved = 5;
  const issues = validate(doc, TODAY);
  const i = issues.find((x) => x.code === 'E012');
  assert.ok(i, show(issues).join('\n'));
  assert.equal(i.severity, 'error');
  assert.equal(typeof i.message, 'string');
  assert.ok(i.message.length > 0);
  assert.ok(Array.isArray(i.related));
  assert.equal(typeof i.params, 'object');
  assert.match(i.path, /^\/entries\/0\/problems_(solved|found)$/);
});

const rosterCases = [
  ['O001', 'error', '/orgs/5/id', (r) => r.orgs.push({ ...r.orgs[1] })],
  ['O002', 'error', '/orgs/1/parent', (r) => { r.orgs[1].parent = 'nowhere'; }],
  ['O003', 'error', '/members/8/org', (r) => { r.members[8].org = 'nowhere'; }],
  ['O004', 'warning', '/orgs/1/secretary', (r) => { r.orgs[1].secretary = 'm5'; }],
  ['O005', 'warning', '/orgs/1', (r) => { r.members.splice(3, 1); }],
];
for (const [code, severity, p, f] of rosterCases) {
  test(`validate roster: ${code} ${severity} at ${p}`, () => {
    const r = roster();
    f(r);
    const issues = validate(r);
    assert.ok(has(issues, code, severity, p), show(issues).join('\n'));
  });
}

test('validate roster: O002 for a cycle, O006 for a branch above a committee', () => {
  const cyc = roster();
  cyc.orgs[0].parent = 'b1';
  assert.ok(validate(cyc).some((i) => i.code === 'O002' && i.severity === 'error'));
  const up = roster();
  up.orgs[3].parent = 'b1';
  const issues = validate(up);
  assert.ok(issues.some((i) => i.code === 'O006' && i.severity === 'error' && i.path.startsWith('/orgs/3')), show(issues).join('\n'));
});

const entryCases = [
  ['E001', 'error', '/entries/3/id', (d) => { d.entries[3].id = 'e1'; }],
  ['E001', 'error', '/entries/2/id', (d) => { delete d.entries[2].id; }],
  ['E002', 'error', '/entries/2/date', (d) => { d.entries[2].date = '2011-02-30'; }],
  ['E002', 'error', '/entries/2/date', (d) => { d.entries[2].date = '2011-02-01'; }], // after today
  ['E002', 'error', '/entries/2/date', (d) => { delete d.entries[2].date; }],
  ['E003', 'warning', '/entries/2/date', (d) => { d.entries[2].date = '2010-03-31'; }],
  ['E004', 'error', '/entries/2/reviewer/role', (d) => { d.entries[2].reviewer = { ...M2, role: 'boss' }; }],
  ['E004', 'error', '/entries/2/reviewer/name', (d) => { d.entries[2].reviewer = { ...M2, name: '' }; }],
  ['E005', 'error', '/entries/2/target/kind', (d) => { d.entries[2].target.kind = 'person'; }],
  ['E005', 'error', '/entries/2/target/name', (d) => { delete d.entries[2].target.name; }],
  ['E006', 'error', '/entries/2/method', (d) => { d.entries[2].method = 'telephone'; }],
  ['E007', 'error', '/entries/0/achievements', (d) => { delete d.entries[0].achievements; }],
  ['E007', 'error', '/entries/2/direction', (d) => { d.entries[2].direction = ''; }],
  ['E008', 'warning', '/entries/2/evaluation', (d) => { d.entries[2].evaluation = '表现很好。'; }],
  ['E012', 'error', '/entries/0/problems_solved', (d) => { d.entries[0].problems_solved = 3; }],
];
for (const [code, severity, p, f] of entryCases) {
  test(`validate entries: ${code} ${severity} at ${p} (${f.toString().slice(8, 60)})`, () => {
    const d = entries();
    f(d);
    const issues = validate(d, TODAY);
    assert.ok(has(issues, code, severity, p), show(issues).join('\n'));
  });
}

test('validate entries: E009, E010, E011, E013, E016 at their entry', () => {
  const at = (issues, code, severity, i) => issues.some((x) => x.code === code && x.severity === severity && x.path.startsWith(`/entries/${i}`));
  const d = entries();
  const same = (n) => `${n}同志工作积极主动，表现突出，起到了模范带头作用。`;
  d.entries[2].evaluation = same('张三');
  d.entries[3].evaluation = same('张四');
  d.entries[6].evaluation = `${same('张六')} `;
  let issues = validate(d, TODAY);
  for (const i of [2, 3, 6]) assert.ok(has(issues, 'E009', 'warning', `/entries/${i}/evaluation`), show(issues).join('\n'));

  const e10 = entries();
  e10.entries[2].target = { kind: 'committee', id: 'c1', name: '甲镇党委' };
  e10.entries[2].achievements = '党委公开承诺全部兑现，为群众办实事多件。';
  delete e10.entries[2].focus;
  issues = validate(e10, TODAY);
  assert.ok(at(issues, 'E010', 'warning', 2), show(issues).join('\n'));

  const e11 = entries();
  e11.entries[0].talk = true;
  assert.ok(at(validate(e11, TODAY), 'E011', 'warning', 0));

  const e13 = entries();
  e13.entries[2].focus = ['central_work'];
  assert.ok(at(validate(e13, TODAY), 'E013', 'error', 2));

  const e16 = entries();
  e16.entries[2].target = { kind: 'member', id: 'm2', name: '张二' };
  assert.ok(at(validate(e16, TODAY), 'E016', 'error', 2));
});

test('validate entries with a roster: E014 unknown id, E015 outside the reviewer\'s subtree', () => {
  const d = entries();
  d.entries[2].target.id = 'm99';
  assert.ok(has(validate(d, { roster: roster(), ...TODAY }), 'E014', 'error', '/entries/2/target/id'));
  assert.ok(!validate(d, TODAY).some((i) => i.code === 'E014'), 'no roster, no E014');
  const o = entries();
  o.entries[2].target = { kind: 'member', id: 'm6', name: '张六' };
  const issues = validate(o, { roster: roster(), ...TODAY });
  assert.ok(issues.some((i) => i.code === 'E015' && i.severity === 'warning' && i.path.startsWith('/entries/2')), show(issues).join('\n'));
});

test('validate: the locale option renders messages; today bounds dates', () => {
  const d = entries();
  d.entries[2].method = 'telephone';
  const zh = validate(d, TODAY).find((i) => i.code === 'E006');
  const en = validate(d, { ...TODAY, locale: 'en' }).find((i) => i.code === 'E006');
  assert.match(zh.message, /[\u4e00-\u9fff]/);
  assert.match(en.message, /[A-Za-z]{4}/);
  assert.notEqual(zh.message, en.message);
  const late = entries();
  late.entries[2].date = '2011-03-01';
  assert.ok(validate(late, TODAY).some((i) => i.code === 'E002'));
  assert.ok(!validate(late, { today: '2011-03-01' }).some((i) => i.code === 'E002'));
});

test('validate: previous gives the P rules for a batch-2 table', () => {
  const b2 = stats('某市', 2);
  const b1 = stats('某市', 1);
  b1.rows[0].orgs_reviewed = 9; // batch 2 has 8: a cumulative count decreased
  assert.ok(validate(b2, { previous: b1, ...TODAY }).some((i) => i.code === 'P001'));
  assert.ok(validate(b2, { previous: stats('别市', 1), ...TODAY }).some((i) => i.code === 'P003' && i.severity === 'error'));
});

test('validate: a text that is not JSON throws, naming line and column', () => {
  assert.throws(() => validate('{\n  "format": "cxzy-entries/1",\n  "entries": [ { "id": } ]\n}'), (err) => err.line === 3 && err.column === 24 && /line 3/.test(err.message) && /column 24/.test(err.message));
});

// --- totals --------------------------------------------------------------------------------------

test('totals: the 合计 row first, exact ratios, display strings', () => {
  const v = totals(stats('某市', 1));
  assert.equal(v.total.name, '合计');
  assert.equal(v.total.orgs_total, 30);
  assert.equal(v.total.members_reviewed, 240);
  assert.equal(v.total.methods_total, 315);
  assert.equal(v.total.orgs_coverage, '80.0%');
  assert.equal(v.rows.length, 2);
  assert.equal(v.rows[0].secretaries_participation, '90.0%');
  const z = stats('某市', 1);
  z.rows[0].mobile_total = 0;
  z.rows[0].mobile_reviewed = 0;
  z.rows[0].members_total = 9999; // 80 of 9 999 → 0.80…% → "0.8%"
  const t = totals(z);
  assert.equal(t.rows[0].members_coverage, '0.8%');
  const d = stats('某市', 1);
  d.rows[0].orgs_total = 0;
  d.rows[0].orgs_reviewed = 0;
  assert.equal(totals(d).rows[0].orgs_coverage, '—');
});

// --- coverage ------------------------------------------------------------------------------------

const FIELDS = ['orgs_total', 'orgs_reviewed', 'new_orgs_total', 'new_orgs_reviewed', 'secretaries_total',
  'secretaries_reviewed', 'secretaries_reviewing', 'members_total', 'members_reviewed', 'mobile_total',
  'mobile_reviewed', 'cadres_reviewing', 'collective', 'individual', 'onsite', 'random', 'talks', 'models',
  'problems_found', 'problems_solved'];

test('coverage: { table, gaps, issues } with the hand-computed columns and gap lists', () => {
  const c = coverage(roster(), entries(), { as_of: '2011-01-15', batch: 1, unit: '某县' });
  assert.deepEqual(Object.keys(c), ['table', 'gaps', 'issues']);
  assert.equal(c.table.format, 'cxzy-stats/1');
  assert.equal(c.table.unit, '某县');
  assert.equal(c.table.batch, 1);
  assert.equal(c.table.as_of, '2011-01-15');
  const want = {
    甲镇: [3, 1, 1, 1, 3, 1, 2, 7, 3, 2, 1, 0, 3, 2, 0, 0, 1, 1, 2, 1],
    乙镇: [2, 1, 1, 0, 1, 1, 0, 4, 1, 1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1],
  };
  assert.deepEqual(c.table.rows.map((r) => r.name), Object.keys(want));
  for (const r of c.table.rows) assert.deepEqual(FIELDS.map((f) => r[f]), want[r.name], r.name);
  assert.deepEqual(c.gaps, {
    orgs: ['c1', 'b2', 'b3'],
    secretaries: ['m1', 'm5'],
    members: ['m1', 'm5', 'm6', 'm7', 'm9', 'm10', 'm11'],
    not_reviewing: ['m5', 'm8'],
  });
  const f001 = c.issues.filter((i) => i.code === 'F001');
  assert.ok(f001.every((i) => i.severity === 'warning'));
  const ids = f001.map((i) => i.params.id);
  for (const id of ['c1', 'b2', 'b3', 'm1', 'm5']) assert.ok(ids.includes(id), `${id} in ${ids}`);
  for (const id of ['b1', 'c2', 'm2', 'm8']) assert.ok(!ids.includes(id), `${id} not in ${ids}`);
});

test('coverage: the derived table passes every R rule; roster and entries may be JSON text', () => {
  const c = coverage(JSON.stringify(roster()), JSON.stringify(entries()), { as_of: '2011-01-15', batch: 2, unit: '某县' });
  assert.equal(c.table.batch, 2);
  const issues = validate(c.table, TODAY);
  assert.deepEqual(show(issues.filter((i) => i.code.startsWith('R') && i.severity === 'error')), []);
  // Batch 2 below full coverage: R040 warnings (“两个全覆盖” not met).
  assert.ok(issues.some((i) => i.code === 'R040' && i.severity === 'warning'));
});

test('coverage: as_of is inclusive', () => {
  const c = coverage(roster(), entries(), { as_of: '2011-01-20', batch: 1, unit: '某县' });
  assert.equal(c.table.rows[0].secretaries_reviewing, 3);
  assert.equal(c.table.rows[0].members_reviewed, 4);
  assert.deepEqual(c.gaps.not_reviewing, ['m8']);
});

// --- aggregate -----------------------------------------------------------------------------------

test('aggregate: one row per child named after its unit, holding its totals', () => {
  const parent = aggregate([stats('甲市', 1), JSON.stringify(stats('乙市', 1))], { unit: '某省', batch: 1 });
  assert.equal(parent.format, 'cxzy-stats/1');
  assert.equal(parent.unit, '某省');
  assert.equal(parent.batch, 1);
  assert.deepEqual(parent.rows.map((r) => r.name), ['甲市', '乙市']);
  assert.equal(parent.rows[0].orgs_total, 30);
  assert.equal(parent.rows[1].members_reviewed, 240);
  assert.equal(totals(parent).total.orgs_total, 60);
});

test('aggregate: A001 (batches differ) and A002 (a unit twice) refuse the roll-up', () => {
  const refused = (children, opts, code) => {
    assert.throws(() => aggregate(children, opts), (err) => Array.isArray(err.issues) && err.issues.some((i) => i.code === code && i.severity === 'error'));
  };
  refused([stats('甲市', 1), stats('乙市', 2)], { unit: '某省' }, 'A001');
  refused([stats('甲市', 1), stats('乙市', 1)], { unit: '某省', batch: 2 }, 'A001');
  refused([stats('甲市', 1), stats('甲市', 1)], { unit: '某省' }, 'A002');
});
