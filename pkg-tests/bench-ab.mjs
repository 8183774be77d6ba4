// Benchmark (not a test): two builds of the package side by side in one headless Chromium page —
// `validate(doc object)` of the 1 000-row table, valid and with one error per row, timed in turn
// (9 rounds, each build a batch of ≥ 40 ms a round, the medians), and `coverage` of 100 000
// entries (bench-coverage.mjs's synthetic county; 5 rounds, beside `JSON.parse` of the same
// texts), after checking both give the same answers. For a change's before and after on this noisy machine:
//   cp -r pkg /tmp/old   (before the change; build the new one)   node pkg-tests/bench-ab.mjs /tmp/old pkg [--swap]
// --swap loads and times the new build first (a check that the order does not favour one).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import { ARGS } from './browser/helpers.mjs';

const [oldDir, newDir] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!oldDir || !newDir) throw new Error('usage: node pkg-tests/bench-ab.mjs OLD_PKG_DIR NEW_PKG_DIR [--swap]');
const swap = process.argv.includes('--swap');
// bench-coverage.mjs's generator, sent to the page as source.
const covSrc = fs.readFileSync(new URL('./bench-coverage.mjs', import.meta.url), 'utf8');
const synthSrc = covSrc.slice(covSrc.indexOf('function synth('), covSrc.indexOf('const median ='));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cxzy-ab-'));
fs.cpSync(oldDir, path.join(dir, 'old'), { recursive: true });
fs.cpSync(newDir, path.join(dir, 'new'), { recursive: true });
fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head><title>ab</title><link rel="icon" href="data:,"></head><body></body></html>');
// No CSP on this bench page: the generator is compiled from its source (new Function).
const server = await serve(dir, { csp: '' });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ARGS });
const page = await browser.newPage();
await page.goto(server.url);
const r = await page.evaluate(async ([swap, synthSrc]) => {
  const load = async (p) => { const m = await import(p); await m.default(); return m; };
  const [B, A] = swap ? [await load('/new/index.js'), await load('/old/index.js')] : [null, await load('/old/index.js')];
  const Bm = B ?? await load('/new/index.js');
  const fields = A.meta('en').columns.filter((c) => c.input).map((c) => c.field);
  const mk = (bad) => ({ format: 'cxzy-stats/1', unit: '基准', batch: 1, as_of: '2011-01-15', filed_on: '2011-01-16', principal: '甲', preparer: '乙', phone: '0451-82345678',
    rows: Array.from({ length: 1000 }, (_, i) => { const row = { name: `单位${i + 1}` }; for (const f of fields) row[f] = 10; return Object.assign(row, { orgs_total: 100, orgs_reviewed: bad ? 101 : 90, members_total: 3000, members_reviewed: 2900, individual: 3000 }); }),
    report: { overview: 'x', practices: 'x', examples: 'x' } });
  const out = {};
  for (const bad of [false, true]) {
    const doc = mk(bad);
    if (JSON.stringify(A.validate(doc)) !== JSON.stringify(Bm.validate(doc))) throw new Error('the two builds answer differently');
    const batch = (m) => { let n = 0; const t0 = performance.now(); while (performance.now() - t0 < 40) { m.validate(doc); n++; } return (performance.now() - t0) / n; };
    const a = [], b = [];
    for (let k = 0; k < 9; k++) {
      if (swap) { b.push(batch(Bm)); a.push(batch(A)); } else { a.push(batch(A)); b.push(batch(Bm)); }
    }
    const med = (x) => x.sort((p, q) => p - q)[4];
    out[bad ? 'validate, 1 000 rows, 1 000 errors' : 'validate, 1 000 rows, valid'] = { old: med(a), new: med(b) };
  }
  const synth = new Function(`${synthSrc}; return synth;`)();
  const t = synth(100000);
  const opts = { as_of: '2011-06-30', batch: 2, unit: '某某县' };
  if (JSON.stringify(A.coverage(t.roster, t.entries, opts)) !== JSON.stringify(Bm.coverage(t.roster, t.entries, opts))) throw new Error('the two builds cover differently');
  const a = [], b = [], p = [];
  const once = (f) => { const t0 = performance.now(); f(); return performance.now() - t0; };
  for (let k = 0; k < 5; k++) {
    const runA = () => a.push(once(() => A.coverage(t.roster, t.entries, opts)));
    const runB = () => b.push(once(() => Bm.coverage(t.roster, t.entries, opts)));
    if (swap) { runB(); runA(); } else { runA(); runB(); }
    p.push(once(() => { JSON.parse(t.roster); JSON.parse(t.entries); }));
  }
  const med5 = (x) => x.sort((u, v) => u - v)[2];
  out['coverage, 100 000 entries'] = { old: med5(a), new: med5(b), parse: med5(p) };
  return out;
}, [swap, synthSrc]);
for (const [k, v] of Object.entries(r)) {
  const floor = v.parse ? `; JSON.parse of the texts ${v.parse.toFixed(1)} ms: old ${(v.old / v.parse).toFixed(2)}×, new ${(v.new / v.parse).toFixed(2)}×` : '';
  console.log(`${k}: old ${v.old.toFixed(2)} ms, new ${v.new.toFixed(2)} ms, new/old ${(v.new / v.old).toFixed(2)}×${floor}`);
}
await browser.close();
await server.close();
fs.rmSync(dir, { recursive: true, force: true });
