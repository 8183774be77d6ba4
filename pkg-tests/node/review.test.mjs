// The review samples through the built package (pkg/) in Node give what the CLI gives: the same
// issues for the roster and the entries, the same derived table, gap lists and issues for coverage.
// The CLI is (re)built first so the two come from the same source.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import init, { validate, coverage } from '../../pkg/index.js';
import { coverageRows, gapRows, gapCsv, filterRows } from '../../pkg/review.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const file = (name) => path.join(root, 'samples/review', name);
const text = (name) => fs.readFileSync(file(name), 'utf8');
const cliPath = path.join(root, 'target/release/cxzy');
const key = (issues) => issues.map((i) => `${i.code} ${i.severity} ${i.path} ${i.message}`);

/** Runs the CLI; exit status 1 (errors found) still prints the JSON. */
function cli(...args) {
  try {
    return JSON.parse(execFileSync(cliPath, args, { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, LC_ALL: 'C' } }));
  } catch (e) {
    if (e.status === 1 && e.stdout) return JSON.parse(e.stdout);
    throw e;
  }
}

before(async () => {
  execFileSync('cargo', ['build', '--release', '--quiet', '--bin', 'cxzy'], { cwd: root, stdio: 'inherit' });
  await init({ module_or_path: fs.readFileSync(path.join(root, 'pkg/cxzy_form_bg.wasm')) });
});

test('the roster sample: the same issues as `cxzy validate roster.json --json`', () => {
  const issues = validate(text('roster.json'));
  assert.deepEqual(key(issues), key(cli('validate', file('roster.json'), '--json')));
  assert.ok(issues.every((i) => i.severity !== 'error'), 'the sample roster has warnings only');
});

test('the entries sample with the roster: the same issues as the CLI with --roster and --today', () => {
  const issues = validate(text('entries.json'), { roster: text('roster.json'), today: '2011-06-30' });
  const expected = cli('validate', file('entries.json'), '--roster', file('roster.json'), '--today', '2011-06-30', '--json');
  assert.deepEqual(key(issues), key(expected));
  for (const code of ['E003', 'E008', 'E009', 'E010', 'E011', 'E015']) assert.ok(issues.some((i) => i.code === code), code);
  // In English too (same codes and paths).
  const en = validate(text('entries.json'), { roster: text('roster.json'), today: '2011-06-30', locale: 'en' });
  assert.deepEqual(en.map((i) => i.path), issues.map((i) => i.path));
});

test('the broken entries sample shows its rules, as the CLI does', () => {
  const issues = validate(text('entries_broken.json'), { roster: text('roster.json'), today: '2011-06-30' });
  const expected = cli('validate', file('entries_broken.json'), '--roster', file('roster.json'), '--today', '2011-06-30', '--json');
  assert.deepEqual(key(issues), key(expected));
  for (let n = 1; n <= 16; n++) {
    const code = `E${String(n).padStart(3, '0')}`;
    assert.ok(issues.some((i) => i.code === code), code);
  }
});

for (const [asOf, batch] of [['2011-01-15', 1], ['2011-02-15', 2]]) {
  test(`coverage as of ${asOf}, batch ${batch}: the table, gaps and issues of \`cxzy coverage --json\``, () => {
    const got = coverage(text('roster.json'), text('entries.json'), { as_of: asOf, batch, unit: '某某县' });
    const expected = cli('coverage', '--roster', file('roster.json'), '--entries', file('entries.json'),
      '--as-of', asOf, '--batch', String(batch), '--unit', '某某县', '--json');
    assert.deepEqual(got.table, expected.table);
    assert.deepEqual(got.gaps, expected.gaps);
    assert.deepEqual(key(got.issues), key(expected.issues));
    // The coverage view's figures are the table's.
    const rows = coverageRows(got);
    const sum = (f) => expected.table.rows.reduce((s, r) => s + r[f], 0);
    assert.equal(rows[0].name, '合计');
    assert.deepEqual([rows[0].orgs.reviewed, rows[0].orgs.total], [sum('orgs_reviewed'), sum('orgs_total')]);
    assert.deepEqual([rows[0].members.reviewed, rows[0].members.total], [sum('members_reviewed'), sum('members_total')]);
    assert.deepEqual([rows[0].participation.reviewed, rows[0].participation.total], [sum('secretaries_reviewing'), sum('secretaries_total')]);
    assert.equal(rows.length, expected.table.rows.length + 1);
  });
}

test('gap rows resolve names from the roster; CSV has BOM, zh headers, and defuses formulas', () => {
  const roster = JSON.parse(text('roster.json'));
  const got = coverage(roster, text('entries.json'), { as_of: '2011-01-15', batch: 1, unit: '某某县' });
  const members = gapRows('members', got, roster);
  assert.equal(members.length, got.gaps.members.length);
  const m = roster.members.find((x) => x.id === got.gaps.members[0]);
  assert.equal(members[0][1], m.name);
  assert.equal(members[0][2], roster.orgs.find((o) => o.id === m.org).name);
  const secs = gapRows('not_reviewing', got, roster);
  assert.ok(secs.every((r) => r[2] !== ''), 'each secretary with the organisation they lead');
  assert.equal(filterRows(members, '').length, members.length);
  const csv = gapCsv('orgs', [['o1', '=HYPERLINK("x")', '党支部', 'a,b', '单位', '']]);
  assert.equal(csv, '\uFEFF编号,名称,类别,上级党组织,单位,书记\r\no1,"\'=HYPERLINK(""x"")",党支部,"a,b",单位,\r\n');
});
