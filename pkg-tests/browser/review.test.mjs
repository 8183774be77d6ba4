// The 领导点评登记表 (<cxzy-review-entry>) and the coverage page (www/review.html) as a clerk uses
// them, in Debian's headless Chromium, served with the strict CSP. The coverage figures are
// compared with the CLI's (`cxzy coverage --json`) when it is built, else with the Node package's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { start, newPage, root } from './helpers.mjs';
import init, { coverage } from '../../pkg/index.js';
import { gapRows, filterRows } from '../../pkg/review.js';

let server;
let browser;
const E = 'cxzy-review-entry';
const read = (p) => fs.readFileSync(path.join(root, p), 'utf8');
const roster = JSON.parse(read('samples/review/roster.json'));
const OPTS = ['--as-of', '2011-01-15', '--batch', '1', '--unit', '某某县'];
let expected;

before(async () => {
  ({ server, browser } = await start());
  // gapRows (the gap tables) is the core's: the Node side loads the package's wasm too.
  await init({ module_or_path: fs.readFileSync(path.join(root, 'pkg/cxzy_form_bg.wasm')) });
  const cli = path.join(root, 'target/release/cxzy');
  if (fs.existsSync(cli)) {
    // Exit status 1 when the samples' issues include errors (broken entries are not counted): the
    // JSON is still the result.
    try {
      expected = JSON.parse(execFileSync(cli, ['coverage', '--roster', path.join(root, 'samples/review/roster.json'),
        '--entries', path.join(root, 'samples/review/entries.json'), ...OPTS, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, LC_ALL: 'C' } }));
    } catch (e) {
      expected = JSON.parse(e.stdout);
    }
  } else {
    expected = coverage(roster, read('samples/review/entries.json'), { as_of: '2011-01-15', batch: 1, unit: '某某县' });
  }
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const sum = (rows, f) => rows.reduce((s, r) => s + r[f], 0);

async function reviewPage() {
  const p = await newPage(browser);
  await p.page.goto(`${server.url}review.html`);
  await p.page.waitForFunction((s) => document.querySelector(s)?.form != null, E);
  return p;
}

async function withSamples() {
  const p = await reviewPage();
  await p.page.locator('#load-sample').click();
  await p.page.locator('#coverage table.cov tr.total').waitFor();
  return p;
}

/** The entry form's control for a field key (`target/kind`, `evaluation`, …). */
const ctl = (page, key) => page.locator(`${E} [data-k="${key}"]`).first();
const shadowActive = (page) => page.evaluate((s) => document.querySelector(s).shadowRoot.activeElement?.dataset.k ?? null, E);

test('the entry form renders the record sheet with every field of the 登记表', async () => {
  const { page, log, context } = await reviewPage();
  const form = page.locator(E);
  await form.locator('h2.title', { hasText: '领导点评登记表' }).waitFor();
  for (const label of ['对象类别', '点评对象', '点评人', '职务', '点评方式', '点评时间', '评定等次', '总体评价', '主要成绩', '存在不足',
    '努力方向', '树立典型', '专门约谈', '发现问题', '已解决问题', '结合开展的工作', '记录编号']) {
    assert.equal(await form.getByText(label, { exact: false }).first().isVisible(), true, label);
  }
  // Nothing typed yet: no error shown.
  assert.equal(await form.locator('.msg').count(), 0);
  assert.match(await form.locator('.summary .counts').textContent(), /未发现问题/);
  // data() is one cxzy-entries/1 entry.
  const data = await page.evaluate((s) => document.querySelector(s).data(), E);
  assert.match(data.id, /^e\d{8}-/);
  assert.match(data.date, /^\d{4}-\d\d-\d\d$/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('fields change with the target kind: the organisation field, focus tags, what is required', async () => {
  const { page, context } = await reviewPage();
  const form = page.locator(E);
  await ctl(page, 'target/kind').selectOption('member');
  assert.equal(await form.locator('.f-target-org').isVisible(), true, 'a member has an organisation');
  assert.match(await form.locator('.f-achievements label').textContent(), /主要成绩（选填）/);
  assert.deepEqual(await form.locator('input[data-k=focus]').evaluateAll((b) => b.map((x) => x.value)), ['post_performance', 'public_pledge', 'serve_people']);
  await form.locator('input[data-k=focus][value=public_pledge]').check();
  await ctl(page, 'evaluation').fill('该同志工作积极主动，群众评价较好。');
  // A member needs evaluation, shortcomings and direction; achievements are optional.
  const codes = async () => page.evaluate((s) => document.querySelector(s).issues().filter((i) => i.code === 'E007').map((i) => i.path), E);
  assert.deepEqual(await codes(), ['/entries/0/shortcomings', '/entries/0/direction']);

  await ctl(page, 'target/kind').selectOption('branch');
  assert.equal(await form.locator('.f-target-org').isVisible(), false, 'an organisation is its own');
  assert.match(await form.locator('.f-achievements label').textContent(), /主要成绩（必填）/);
  assert.deepEqual(await form.locator('input[data-k=focus]').evaluateAll((b) => b.map((x) => x.value)),
    ['central_work', 'public_pledge', 'serve_people', 'team_building', 'joint_building']);
  // The tag both kinds offer stays checked; the evaluation typed stays.
  assert.equal(await form.locator('input[data-k=focus][value=public_pledge]').isChecked(), true);
  assert.equal(await ctl(page, 'evaluation').inputValue(), '该同志工作积极主动，群众评价较好。');
  assert.deepEqual(await codes(), ['/entries/0/achievements', '/entries/0/shortcomings', '/entries/0/direction']);
  assert.equal(await ctl(page, 'achievements').getAttribute('aria-invalid'), 'true');
  // The kind's control keeps the focus after the redraw.
  assert.equal(await shadowActive(page), 'target/kind');
  await context.close();
});

test('an incomplete entry shows E007 at the field and in the summary, whose link focuses the field', async () => {
  const { page, context } = await reviewPage();
  const form = page.locator(E);
  await ctl(page, 'target/kind').selectOption('secretary');
  await ctl(page, 'evaluation').click();
  await page.keyboard.type('带头创先争优，组织党员开展活动扎实有效。');
  const c = ctl(page, 'achievements');
  assert.equal(await c.getAttribute('aria-invalid'), 'true');
  const id = await c.getAttribute('id');
  assert.equal(await c.getAttribute('aria-describedby'), `${id}-error`);
  const msg = form.locator(`[id="${id}-error"]`);
  assert.match(await msg.textContent(), /^错误：点评内容不完整：缺少主要成绩/);
  assert.equal(await msg.locator('.sr').textContent(), '错误：');
  assert.equal(await msg.isVisible(), true);
  assert.equal(await msg.getAttribute('data-code'), 'E007');
  const link = form.locator('.summary a', { hasText: '缺少主要成绩' });
  assert.equal(await link.getAttribute('href'), `#${id}`);
  await link.click();
  assert.equal(await shadowActive(page), 'achievements');
  // Typing it clears the mark.
  await page.keyboard.type('带领班子完成承诺事项十二项，帮扶困难群众三十户。');
  assert.equal(await c.getAttribute('aria-invalid'), null);
  assert.equal(await form.locator(`[id="${id}-error"]`).count(), 0);
  // Submitting shows what was not touched yet and does not fire cxzy-submit.
  const submitted = page.evaluate((s) => new Promise((r) => {
    document.querySelector(s).addEventListener('cxzy-submit', () => r(true), { once: true });
    setTimeout(() => r(false), 500);
  }), E);
  await form.locator('button[data-act=submit]').click();
  assert.equal(await submitted, false);
  const shown = await form.locator('.summary li').evaluateAll((l) => l.map((x) => x.dataset.code));
  for (const code of ['E004', 'E006', 'E007']) assert.ok(shown.includes(code), `${code} in ${shown}`);
  assert.equal(await page.evaluate((s) => document.querySelector(s).shadowRoot.activeElement?.classList.contains('summary'), E), true);
  await context.close();
});

/** Types a complete, valid entry for the sample roster's branch o3 by its committee secretary. */
async function fillValid(page) {
  await ctl(page, 'target/kind').selectOption('branch');
  await ctl(page, 'target/name').fill('城关镇幸福社区党支部');
  await ctl(page, 'reviewer/name').fill('陆萍长');
  await ctl(page, 'reviewer/role').selectOption('committee_secretary');
  await ctl(page, 'method').selectOption('individual');
  await ctl(page, 'grade').selectOption('good');
  await ctl(page, 'date').fill('2010年12月20日');
  await page.locator(`${E} input[data-k=focus][value=central_work]`).check();
  await ctl(page, 'evaluation').fill('支部班子团结协作，带领党员服务社区居民成效明显。');
  await ctl(page, 'achievements').fill('开展公开承诺，为居民办实事十五件，新建党员志愿服务队一支。');
  await ctl(page, 'shortcomings').fill('对流动党员的教育管理办法不多，组织生活形式比较单一。');
  await ctl(page, 'direction').fill('建立流动党员联系台账，丰富组织生活形式，增强吸引力。');
  await ctl(page, 'problems_found').fill('3');
  await ctl(page, 'problems_solved').fill('1');
  await page.locator(`${E} input[data-k=combined_with][value=org_life_meeting]`).check();
}

test('a complete entry has no issue, resolves roster ids from names, and is recorded into the loaded entries', async () => {
  const { page, log, context } = await withSamples();
  const form = page.locator(E);
  await fillValid(page);
  // With the roster, names fill the ids.
  assert.equal(await ctl(page, 'target/id').inputValue(), 'o3');
  assert.equal(await ctl(page, 'reviewer/id').inputValue(), 'm1');
  const issues = await page.evaluate((s) => document.querySelector(s).issues(), E);
  assert.deepEqual(issues.filter((i) => i.severity !== 'info').map((i) => `${i.code} ${i.path}`), []);
  assert.equal(await form.locator('[aria-invalid=true]').count(), 0);
  const data = await page.evaluate((s) => document.querySelector(s).data(), E);
  assert.deepEqual(data.target, { kind: 'branch', id: 'o3', name: '城关镇幸福社区党支部' });
  assert.deepEqual(data.reviewer, { id: 'm1', name: '陆萍长', role: 'committee_secretary', org: 'o1' });
  assert.equal(data.problems_found, 3);
  assert.deepEqual(data.focus, ['central_work']);
  const before = Number(await page.locator('#coverage tr.total td[data-field=orgs]').getAttribute('data-reviewed'));
  const event = page.evaluate((s) => new Promise((r) => document.querySelector(s).addEventListener('cxzy-submit', (e) => r(e.detail.data), { once: true })), E);
  await form.locator('button[data-act=submit]').click();
  assert.equal((await event).id, data.id);
  await page.locator('#entry-status', { hasText: '已登记记录' }).waitFor();
  assert.match(await page.locator('#loaded').textContent(), new RegExp(`点评记录：${JSON.parse(read('samples/review/entries.json')).entries.length + 1} 条`));
  // o3 was already reviewed: the organisations reviewed stay; the form is empty again.
  assert.equal(Number(await page.locator('#coverage tr.total td[data-field=orgs]').getAttribute('data-reviewed')), before);
  assert.equal(await ctl(page, 'target/name').inputValue(), '');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('text like <img src=x onerror=…> stays text in the fields, the messages and the summary', async () => {
  const { page, log, context } = await withSamples();
  const evil = '<img src=x onerror=window.__xss=1>';
  await ctl(page, 'target/kind').selectOption('member');
  await ctl(page, 'target/name').fill(evil);
  await ctl(page, 'target/id').fill(evil);
  await ctl(page, 'evaluation').fill(evil);
  const form = page.locator(E);
  // E014: the unknown id is quoted in the message, as text.
  await form.locator('.summary li[data-code=E014]').first().waitFor();
  assert.match(await form.locator('.summary').textContent(), /<img src=x onerror=window.__xss=1>/);
  assert.equal(await page.evaluate((s) => document.querySelector(s).shadowRoot.querySelectorAll('img').length, E), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.ok(!log.requests.some((u) => /\/x$/.test(u)));
  await context.close();
});

test('the coverage page with the samples shows the CLI\'s figures per unit and in total, and the gap counts', async () => {
  const { page, log, context } = await withSamples();
  const rows = expected.table.rows;
  const cells = await page.evaluate(() => [...document.querySelector('#coverage').shadowRoot.querySelectorAll('table.cov tbody tr')]
    .map((tr) => ({ name: tr.querySelector('th').textContent,
      ...Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.dataset.field, [Number(td.dataset.reviewed), Number(td.dataset.total), td.querySelector('.pct').textContent]])) })));
  assert.equal(cells.length, rows.length + 1);
  assert.equal(cells[0].name, '合计');
  assert.deepEqual(cells[0].orgs.slice(0, 2), [sum(rows, 'orgs_reviewed'), sum(rows, 'orgs_total')]);
  assert.deepEqual(cells[0].secretaries.slice(0, 2), [sum(rows, 'secretaries_reviewed'), sum(rows, 'secretaries_total')]);
  assert.deepEqual(cells[0].members.slice(0, 2), [sum(rows, 'members_reviewed'), sum(rows, 'members_total')]);
  assert.deepEqual(cells[0].participation.slice(0, 2), [sum(rows, 'secretaries_reviewing'), sum(rows, 'secretaries_total')]);
  // Coverage rounded down, as the form: Σreviewed / Σtotal.
  const pct = (a, b) => { const p = Math.floor((a * 1000) / b); return `${Math.floor(p / 10)}.${p % 10}%`; };
  assert.equal(cells[0].members[2], pct(sum(rows, 'members_reviewed'), sum(rows, 'members_total')));
  rows.forEach((r, i) => {
    const c = cells[i + 1];
    assert.equal(c.name, r.name);
    assert.deepEqual([c.orgs[0], c.orgs[1], c.members[0], c.members[1]], [r.orgs_reviewed, r.orgs_total, r.members_reviewed, r.members_total], r.name);
  });
  // Progress bars carry the same numbers and a name.
  const bar = page.locator('#coverage tr.total td[data-field=orgs] progress');
  assert.equal(Number(await bar.getAttribute('value')), sum(rows, 'orgs_reviewed'));
  assert.equal(Number(await bar.getAttribute('max')), sum(rows, 'orgs_total'));
  assert.match(await bar.getAttribute('aria-label'), /合计 基层党组织已点评/);
  // The gap lists: as many as the CLI lists, names from the roster.
  for (const kind of ['orgs', 'secretaries', 'members', 'not_reviewing']) {
    const n = expected.gaps[kind].length;
    const heading = await page.locator(`#coverage section.gap-${kind} h3 .n`).textContent();
    assert.match(heading, new RegExp(`（${n} (个|名)）`), kind);
    assert.equal(await page.locator(`#coverage section.gap-${kind} tbody tr`).count(), Math.max(1, Math.min(n, 200)), kind);
  }
  const firstOrg = roster.orgs.find((o) => o.id === expected.gaps.orgs[0]);
  assert.equal(await page.locator('#coverage section.gap-orgs tbody tr:first-child td:nth-child(2)').textContent(), firstOrg.name);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a gap list filters as one types', async () => {
  const { page, context } = await withSamples();
  const all = gapRows('members', expected, roster);
  const want = filterRows(all, '城关镇');
  assert.ok(want.length > 0 && want.length < all.length);
  await page.locator('#coverage section.gap-members input[type=search]').fill('城关镇');
  assert.equal(await page.locator('#coverage section.gap-members tbody tr').count(), Math.min(want.length, 200));
  assert.match(await page.locator('#coverage section.gap-members .shown').textContent(), new RegExp(`共 ${want.length} 条`));
  const texts = await page.locator('#coverage section.gap-members tbody tr').evaluateAll((trs) => trs.map((tr) => tr.textContent));
  assert.ok(texts.every((t) => t.includes('城关镇')));
  // By id too; nothing found says so.
  await page.locator('#coverage section.gap-members input[type=search]').fill(all[0][0]);
  assert.ok(await page.locator('#coverage section.gap-members tbody tr').count() >= 1);
  await page.locator('#coverage section.gap-members input[type=search]').fill('没有这个人');
  assert.equal(await page.locator('#coverage section.gap-members tbody td.empty').textContent(), '无');
  await context.close();
});

test('a gap list exports as a CSV with BOM and Chinese headers', async () => {
  const { page, context } = await withSamples();
  await page.locator('#coverage section.gap-secretaries input[type=search]').fill('');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('#coverage section.gap-orgs button[data-act=csv]').click()]);
  assert.match(dl.suggestedFilename(), /^某某县-未点评的基层党组织\.csv$/);
  const bytes = fs.readFileSync(await dl.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
  assert.equal(lines[0], '编号,名称,类别,上级党组织,单位,书记');
  assert.equal(lines.length, expected.gaps.orgs.length + 1);
  assert.equal(lines[1].split(',')[0], expected.gaps.orgs[0]);
  // The export follows the filter.
  await page.locator('#coverage section.gap-members input[type=search]').fill('城关镇');
  const [dl2] = await Promise.all([page.waitForEvent('download'), page.locator('#coverage section.gap-members button[data-act=csv]').click()]);
  const text = fs.readFileSync(await dl2.path(), 'utf8');
  assert.equal(text.trimEnd().split('\r\n').length - 1, filterRows(gapRows('members', expected, roster), '城关镇').length);
  await context.close();
});

test('“fill” puts the derived table into <cxzy-stats-form>, whose totals match the CLI', async () => {
  const { page, log, context } = await withSamples();
  await page.locator('#fill').click();
  await page.locator('#fill-status', { hasText: '已按' }).waitFor();
  const data = await page.evaluate(() => document.getElementById('stats').data());
  assert.deepEqual(data.rows, expected.table.rows);
  assert.equal(data.unit, '某某县');
  assert.equal(data.as_of, '2011-01-15');
  const total = await page.evaluate(() => {
    const f = document.getElementById('stats').form;
    const cols = f.columns.slice(1);
    const outs = f.root.querySelector('tr.total').querySelectorAll('output');
    return Object.fromEntries(cols.map((c, i) => [c.field, outs[i].textContent]));
  });
  for (const f of ['orgs_total', 'orgs_reviewed', 'secretaries_total', 'secretaries_reviewed', 'secretaries_reviewing', 'members_total',
    'members_reviewed', 'mobile_total', 'mobile_reviewed', 'collective', 'individual', 'onsite', 'random', 'talks', 'models']) {
    assert.equal(total[f].replace(/,/g, ''), String(sum(expected.table.rows, f)), f);
  }
  // The rows pass every R rule: only the header fields a person fills are left.
  const issues = await page.evaluate(() => document.getElementById('stats').issues());
  assert.deepEqual(issues.filter((i) => i.severity === 'error' && i.path.startsWith('/rows')), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('review.html: no request off 127.0.0.1, no CSP violation, only the full wasm module', async () => {
  const { page, log, context } = await withSamples();
  await page.locator('#fill').click();
  await page.locator('#fill-status', { hasText: '已按' }).waitFor();
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation');
  for (const u of log.requests) assert.ok(u.startsWith(server.url), u);
  const files = log.requests.map((u) => new URL(u).pathname);
  assert.ok(files.includes('/pkg/review.js'));
  assert.ok(files.includes('/pkg/cxzy_form_bg.wasm'));
  assert.ok(!files.includes('/pkg/cxzy_stats_bg.wasm'), 'the stats form uses the full module already loaded');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the statistics portal page does not load the review module', async () => {
  const { page, log, context } = await newPage(browser);
  await page.goto(server.url);
  await page.waitForFunction(() => document.querySelector('cxzy-stats-form')?.form != null);
  const files = log.requests.map((u) => new URL(u).pathname);
  assert.ok(!files.includes('/pkg/review.js'), files.join());
  await context.close();
});

test('axe-core finds no accessibility violation on review.html, with the samples and with errors shown', async () => {
  const { page, context } = await withSamples();
  await page.locator('#fill').click();
  await page.locator('#fill-status', { hasText: '已按' }).waitFor();
  await page.evaluate(read('pkg-tests/node_modules/axe-core/axe.min.js'));
  const run = () => page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`));
  assert.deepEqual(await run(), []);
  await ctl(page, 'target/kind').selectOption('branch');
  await ctl(page, 'evaluation').fill('好');
  await page.locator(`${E} button[data-act=submit]`).click();
  assert.ok(await page.locator(`${E} [aria-invalid=true]`).count() > 0);
  assert.deepEqual(await run(), []);
  await context.close();
});

test('the entry form prints as the record sheet, without toolbar or summary', async () => {
  const { page, context } = await reviewPage();
  await fillValid(page);
  await page.emulateMedia({ media: 'print' });
  const form = page.locator(E);
  assert.equal(await form.locator('.toolbar').isVisible(), false);
  assert.equal(await form.locator('.summary').isVisible(), false);
  assert.equal(await form.locator('h2.title').isVisible(), true);
  assert.equal(await ctl(page, 'achievements').isVisible(), true);
  await context.close();
});

test('a moved <cxzy-review-entry> draws its form again, with its entry; destroy() leaves nothing behind', async () => {
  const { page, log, context } = await reviewPage();
  await ctl(page, 'reviewer/name').fill('王建国');
  const before = await page.evaluate((s) => document.querySelector(s).data(), E);
  assert.equal(before.reviewer.name, '王建国');
  // connect → disconnect → reconnect (a portal moving the element into another container).
  await page.evaluate((s) => {
    const el = document.querySelector(s);
    const box = document.createElement('div');
    document.body.append(box);
    el.remove();
    box.append(el);
  }, E);
  await page.waitForFunction((s) => document.querySelector(s)?.form != null, E);
  await page.locator(`${E} h2.title`, { hasText: '领导点评登记表' }).waitFor();
  assert.equal(await ctl(page, 'reviewer/name').inputValue(), '王建国');
  assert.deepEqual(await page.evaluate((s) => document.querySelector(s).data(), E), before);
  // Still live: a keystroke is checked.
  await ctl(page, 'date').fill('2099-01-01');
  assert.ok(await page.evaluate((s) => document.querySelector(s).issues().some((i) => i.code === 'E002'), E));
  // destroy(): no content, no adopted sheet, and it does not throw.
  const left = await page.evaluate((s) => {
    const el = document.querySelector(s);
    el.form.destroy();
    return { nodes: el.shadowRoot.childNodes.length, sheets: el.shadowRoot.adoptedStyleSheets.length };
  }, E);
  assert.deepEqual(left, { nodes: 0, sheets: 0 });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a moved <cxzy-stats-form> draws its form again', async () => {
  const { page, log, context } = await reviewPage();
  await page.evaluate(() => {
    const el = document.createElement('cxzy-stats-form');
    el.id = 'moved';
    el.setAttribute('autosave', 'off');
    el.setAttribute('rows', '甲镇,乙镇');
    document.body.append(el);
  });
  await page.waitForFunction(() => document.getElementById('moved')?.form != null);
  const cells = () => page.evaluate(() => document.getElementById('moved').shadowRoot.querySelectorAll('[data-f]').length);
  const first = await cells();
  assert.ok(first > 0);
  await page.evaluate(() => {
    const el = document.getElementById('moved');
    const box = document.createElement('section');
    document.body.append(box);
    el.remove();
    box.append(el);
  });
  await page.waitForFunction(() => document.getElementById('moved')?.form != null);
  assert.equal(await cells(), first);
  assert.deepEqual((await page.evaluate(() => document.getElementById('moved').data())).rows.map((r) => r.name), ['甲镇', '乙镇']);
  assert.deepEqual(log.errors, []);
  await context.close();
});
