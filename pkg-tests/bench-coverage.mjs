// Benchmark (not a test): how long `coverage()` of the built package takes, in Node and in Debian's
// headless Chromium, on the largest review sample and on a synthetic county generated in memory.
//   node bench-coverage.mjs [ENTRIES...]     default sizes: 100000 150000 1000000
// With this generator's texts an entry is about 430 bytes of JSON, so some 150 000 entries fit in
// the 64 MiB a document may have (SPEC §7); 1 000 000 entries (428 MiB) show the refusal — an
// error naming the limit, no hang, no crash. `cargo run --release --example bench_coverage` times
// 1 000 000 entries natively, without the JSON text.
// Each figure is the wall time of one `coverage(rosterText, entriesText, options)` call — the JSON
// text crossing into wasm, reading, every rule but E009, counting, and the result's JSON back —
// the median of 3 runs for the sample; for the synthetic sizes a first (“cold”: the wasm memory
// grows to fit) and a second call. Generating the text is not counted. The machine's other load
// shows in the figures: run it on an idle machine. Prints a table; exits 0 unless the package cannot be loaded.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import { ARGS } from './browser/helpers.mjs';
import init, { coverage } from '../pkg/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (!sizes.length) sizes.push(100000, 150000, 1000000);
const OPTS = { as_of: '2011-06-30', batch: 2, unit: '某某县' };

/**
 * A synthetic county as JSON texts `{ roster, entries }`: one member per 5 entries, 33 members per
 * branch, 12 units each with a committee; 60 % of entries review members (by their branch
 * secretary), 20 % secretaries and 20 % organisations (by county leaders); dates over the campaign.
 * Self-contained (its source is sent to the browser as is).
 */
function synth(n) {
  const nMembers = Math.max(40, Math.ceil(n / 5));
  const nBranches = Math.max(1, Math.ceil(nMembers / 33));
  const units = 12;
  const orgs = [];
  const members = [];
  for (let u = 0; u < units; u++) orgs.push({ id: `c${u}`, name: `Township ${u} committee`, kind: 'committee', parent: null, unit: `Township ${u}`, secretary: null });
  const branchMembers = [];
  for (let b = 0; b < nBranches; b++) {
    const o = { id: `b${b}`, name: `Branch ${b}`, kind: 'branch', parent: `c${b % units}`, secretary: null };
    if (b % 9 === 0) o.sector = 'non_public';
    orgs.push(o);
    branchMembers.push([]);
  }
  for (let m = 0; m < nMembers; m++) {
    const b = m % nBranches;
    const mem = { id: `m${m}`, name: `Member ${m}`, org: `b${b}` };
    if (m % 17 === 0) mem.mobile = true;
    members.push(mem);
    branchMembers[b].push(mem.id);
  }
  orgs.forEach((o, i) => {
    if (o.kind === 'branch') o.secretary = branchMembers[i - units][0];
  });
  // Committee secretaries are members of a branch below them.
  for (let u = 0; u < units && u < nBranches; u++) orgs[u].secretary = branchMembers[u][0];
  const methods = ['collective', 'individual', 'onsite', 'random'];
  const entries = [];
  const day = (i) => {
    const d = new Date(Date.UTC(2010, 6, 1) + (i % 540) * 86400000);
    return d.toISOString().slice(0, 10);
  };
  for (let i = 0; i < n; i++) {
    const r = i % 10;
    const e = { id: `e${i}`, date: day(i), method: methods[i % 4] };
    if (r < 6) {
      const m = members[(i * 7) % nMembers];
      const b = Number(m.org.slice(1));
      e.reviewer = { id: branchMembers[b][0], name: `Member ${branchMembers[b][0].slice(1)}`, role: 'branch_secretary' };
      e.target = { kind: 'member', id: m.id, name: m.name };
      if (e.reviewer.id === m.id) e.target = { kind: 'member', id: branchMembers[b][1] || m.id, name: `Member ${(branchMembers[b][1] || m.id).slice(1)}` };
      e.evaluation = `Works hard at post ${i}, keeps the pledge made in spring.`;
    } else if (r < 8) {
      const o = orgs[units + (i % nBranches)];
      e.reviewer = { name: `Leader ${i % 40}`, role: 'senior_cadre' };
      e.target = { kind: 'secretary', id: o.secretary, name: `Member ${o.secretary.slice(1)}` };
      e.evaluation = `Leads the branch by example, meeting ${i} well organised.`;
      e.achievements = `Organised ${i % 50} members for the flood works and visits.`;
    } else {
      const o = orgs[i % orgs.length];
      e.reviewer = { name: `Leader ${i % 40}`, role: 'senior_cadre' };
      e.target = { kind: o.kind, id: o.id, name: o.name };
      e.evaluation = `The organisation serves the village well, item ${i}.`;
      e.achievements = `Completed ${i % 30} pledged projects for the residents.`;
    }
    e.shortcomings = `Study sessions ${i % 97} are too formal and too rare.`;
    e.direction = `Hold monthly open days, case ${i}, and visit the elderly.`;
    if (i % 11 === 0) e.talk = e.method === 'individual';
    if (i % 13 === 0) { e.problems_found = 2; e.problems_solved = 1; }
    entries.push(e);
  }
  return {
    roster: JSON.stringify({ format: 'cxzy-roster/1', orgs, members }),
    entries: JSON.stringify({ format: 'cxzy-entries/1', entries }),
  };
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const results = [];
const record = (where, what, n, ms, extra = '') => {
  results.push({ where, what, n, ms });
  console.log(`${where.padEnd(9)} ${what.padEnd(28)} ${String(n).padStart(8)} entries  ${fmt(ms).padStart(9)}  ${Math.round(n / (ms / 1000)).toLocaleString('en')} entries/s ${extra}`);
};

// ---- Node ----
await init({ module_or_path: fs.readFileSync(path.join(root, 'pkg/cxzy_form_bg.wasm')) });
const sample = { roster: fs.readFileSync(path.join(root, 'samples/review/roster.json'), 'utf8'), entries: fs.readFileSync(path.join(root, 'samples/review/entries.json'), 'utf8') };
const sampleN = JSON.parse(sample.entries).entries.length;
const timeNode = (t, runs) => {
  const ms = [];
  let out;
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    out = coverage(t.roster, t.entries, OPTS);
    ms.push(performance.now() - t0);
  }
  return [median(ms), out];
};
console.log(`coverage() of the built package (${OPTS.as_of}, batch ${OPTS.batch})`);
{
  const [ms, out] = timeNode(sample, 3);
  record('node', 'samples/review (as is)', sampleN, ms, `(${out.issues.length} issues)`);
}
for (const n of sizes) {
  const t = synth(n);
  try {
    // First call: includes growing the wasm memory for this size; second: memory already there.
    for (const run of ['cold', 'warm']) {
      const [ms, out] = timeNode(t, 1);
      record('node', `synthetic ${run} (${(t.entries.length / 1048576).toFixed(0)} MiB)`, n, ms, `(${out.issues.length} issues, ${out.table.rows.length} rows)`);
    }
  } catch (e) {
    console.log(`node      synthetic ${n}: refused — ${e.message}`);
  }
}

// ---- Chromium ----
// No CSP here: the generator is sent to the page as source text (new Function).
const server = await serve(path.join(root, 'www'), { csp: '' });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ARGS });
try {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}offline.html`);
  await page.evaluate(async (src) => {
    const m = await import('/pkg/index.js');
    await m.default();
    window.__m = m;
    // eslint-disable-next-line no-new-func
    window.__synth = new Function(`return (${src})`)();
  }, synth.toString());
  const ms = await page.evaluate(async (opts) => {
    const [roster, entries] = await Promise.all(['samples/review/roster.json', 'samples/review/entries.json'].map((u) => fetch(u).then((r) => r.text())));
    const t = [];
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      window.__m.coverage(roster, entries, opts);
      t.push(performance.now() - t0);
    }
    return t.sort((a, b) => a - b)[1];
  }, OPTS);
  record('chromium', 'samples/review (as is)', sampleN, ms);
  for (const n of sizes) {
    try {
      const runs = await page.evaluate(([k, opts]) => {
        const t = window.__synth(k);
        return ['cold', 'warm'].map((run) => {
          const t0 = performance.now();
          const out = window.__m.coverage(t.roster, t.entries, opts);
          return { run, ms: performance.now() - t0, issues: out.issues.length, mib: t.entries.length / 1048576 };
        });
      }, [n, OPTS]);
      for (const r of runs) record('chromium', `synthetic ${r.run} (${r.mib.toFixed(0)} MiB)`, n, r.ms, `(${r.issues} issues)`);
    } catch (e) {
      console.log(`chromium  synthetic ${n}: refused — ${e.message.split('\n')[0].replace(/^page.evaluate: /, '')}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
