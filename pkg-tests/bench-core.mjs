// Benchmark (not a test: no thresholds), in one headless Chromium page: the core's `validate` and
// `totals` of the built package on a statistics table of 19 and 1 000 rows (valid, and with one
// error in every row), next to what a portal developer would write instead — an ajv schema of
// `cxzy-stats/1` plus hand-written cross-field rules and totals — and `JSON.parse` of the same
// text; then `coverage` of 10 000 and 100 000 entries from JSON text next to `JSON.parse` of the
// same texts. Prints medians and ratios.
//   node pkg-tests/bench-core.mjs          (after scripts/build-pkg.sh)
//   node pkg-tests/bench-core.mjs --no-coverage   (validate/totals only: a minute less)
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { start, newPage } from './browser/helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
// ajv for the browser: bundled by esbuild (already a dev dependency) into one ES module.
const ajvBundle = execFileSync(path.join(here, 'node_modules/.bin/esbuild'), ['--bundle', '--format=esm', '--minify', '--log-level=error'], {
  input: "export { default } from 'ajv';", cwd: here, encoding: 'utf8',
});

const withCoverage = !process.argv.includes('--no-coverage');
const { server, browser } = await start();
try {
  const { page } = await newPage(browser);
  // The bench page has no CSP of its own: ajv compiles its validators with `new Function`.
  await page.route(`${server.url}bench-core.html`, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>bench</title>' }));
  await page.route(`${server.url}ajv.js`, (r) => r.fulfill({ contentType: 'text/javascript', body: ajvBundle }));
  await page.goto(`${server.url}bench-core.html`);
  const out = await page.evaluate(async (withCoverage) => {
    const cx = await import('/pkg/index.js');
    await cx.default();
    const Ajv = (await import('/ajv.js')).default;
    const INPUTS = cx.meta('en').columns.filter((c) => c.input).map((c) => c.field);
    const int = { type: 'integer', minimum: 0, maximum: 100000000 };
    const text = (max) => ({ type: 'string', minLength: 1, maxLength: max });
    const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
    const schema = {
      type: 'object', additionalProperties: false,
      required: ['format', 'unit', 'batch', 'as_of', 'filed_on', 'principal', 'preparer', 'phone', 'rows'],
      properties: {
        format: { const: 'cxzy-stats/1' }, unit: text(64), batch: { enum: [1, 2] }, as_of: date, filed_on: date, deadline: date,
        principal: text(64), preparer: text(64), phone: { type: 'string', pattern: '^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}((-|转)\\d{1,6})?)$' },
        preset: { enum: ['heilongjiang-2010', 'central-2010'] }, notes: { type: 'string', maxLength: 2000 },
        report: { type: 'object', additionalProperties: false, properties: { overview: text(2000), practices: text(2000), examples: text(2000) } },
        rows: {
          type: 'array', minItems: 1, maxItems: 1000,
          items: { type: 'object', additionalProperties: false, required: ['name', ...INPUTS], properties: { name: text(64), ...Object.fromEntries(INPUTS.map((f) => [f, int])) } },
        },
      },
    };
    const ajvValidate = new Ajv({ allErrors: true }).compile(schema);
    // Hand-written cross-field rules (SPEC §5.1 R001, R010–R032, R040, T005) and totals (§3.4).
    const PAIRS = [['orgs_reviewed', 'orgs_total'], ['new_orgs_reviewed', 'new_orgs_total'], ['secretaries_reviewed', 'secretaries_total'],
      ['secretaries_reviewing', 'secretaries_total'], ['members_reviewed', 'members_total'], ['mobile_reviewed', 'mobile_total'],
      ['new_orgs_total', 'orgs_total'], ['new_orgs_reviewed', 'orgs_reviewed'], ['mobile_total', 'members_total'], ['mobile_reviewed', 'members_reviewed'],
      ['secretaries_total', 'members_total'], ['secretaries_reviewed', 'members_reviewed'], ['problems_solved', 'problems_found']];
    const cross = (doc) => {
      const errors = [];
      const seen = new Map();
      if (doc.as_of > doc.filed_on) errors.push({ path: '/as_of' });
      doc.rows.forEach((r, i) => {
        if (seen.has(r.name)) errors.push({ path: `/rows/${i}/name` }); else seen.set(r.name, i);
        for (const [a, b] of PAIRS) if (r[a] > r[b]) errors.push({ path: `/rows/${i}/${a}`, a: r[a], b: r[b] });
        if (r.secretaries_total > r.orgs_total) errors.push({ path: `/rows/${i}/secretaries_total` });
        if (r.members_total < 3 * r.orgs_total) errors.push({ path: `/rows/${i}/members_total` });
        if (r.collective + r.individual + r.onsite + r.random < r.orgs_reviewed + r.members_reviewed) errors.push({ path: `/rows/${i}/methods_total` });
        if (r.talks > r.individual) errors.push({ path: `/rows/${i}/talks` });
        if (doc.batch === 2 && (r.orgs_reviewed < r.orgs_total || r.members_reviewed < r.members_total)) errors.push({ path: `/rows/${i}` });
      });
      return errors;
    };
    const pct = (n, d) => { if (!d) return '—'; const p = Math.floor((n * 1000) / d); return `${Math.floor(p / 10)}.${p % 10}%`; };
    const viewOf = (name, v) => ({ name, ...v, orgs_coverage: pct(v.orgs_reviewed, v.orgs_total), secretaries_coverage: pct(v.secretaries_reviewed, v.secretaries_total),
      secretaries_participation: pct(v.secretaries_reviewing, v.secretaries_total), members_coverage: pct(v.members_reviewed, v.members_total),
      methods_total: v.collective + v.individual + v.onsite + v.random });
    const jsTotals = (doc) => {
      const sum = Object.fromEntries(INPUTS.map((f) => [f, 0]));
      const rows = doc.rows.map((r) => { const v = {}; for (const f of INPUTS) { v[f] = r[f]; sum[f] += r[f]; } return viewOf(r.name, v); });
      return { total: viewOf('合计', sum), rows };
    };
    const table = (n, bad) => ({
      format: 'cxzy-stats/1', unit: '基准', batch: 1, as_of: '2011-01-15', filed_on: '2011-01-16', principal: '甲', preparer: '乙', phone: '0451-82345678',
      rows: Array.from({ length: n }, (_, i) => {
        const r = { name: `单位${i + 1}` };
        for (const f of INPUTS) r[f] = 10;
        return Object.assign(r, { orgs_total: 100, orgs_reviewed: bad ? 101 : 90, members_total: 3000, members_reviewed: 2900, individual: 3000 });
      }),
      report: { overview: 'x', practices: 'x', examples: 'x' },
    });
    // The page's clock is coarse (100 µs without cross-origin isolation): each sample times a
    // batch of calls lasting ≥ 20 ms; the figure is the median of 7 samples, per call.
    const time = (f) => {
      for (let i = 0; i < 3; i++) f();
      const samples = [];
      for (let k = 0; k < 7; k++) {
        let n = 0;
        const t0 = performance.now();
        let t = t0;
        while (t - t0 < 20) { f(); n++; t = performance.now(); }
        samples.push((t - t0) / n);
      }
      samples.sort((a, b) => a - b);
      return samples[3];
    };
    const results = [];
    for (const n of [19, 1000]) {
      for (const bad of [false, true]) {
        const doc = table(n, bad);
        const textDoc = JSON.stringify(doc);
        const o = { today: '2011-02-20' };
        const ours = cx.validate(doc, o);
        const peer = (ajvValidate(doc), cross(doc));
        results.push({
          n, bad, issues: ours.length, peerErrors: peer.length,
          validateObj: time(() => cx.validate(doc, o)),
          validateText: time(() => cx.validate(textDoc, o)),
          totalsObj: time(() => cx.totals(doc)),
          totalsText: time(() => cx.totals(textDoc)),
          ajvOnly: time(() => ajvValidate(doc)),
          ajvCross: time(() => { ajvValidate(doc); cross(doc); jsTotals(doc); }),
          jsTotals: time(() => jsTotals(doc)),
          parse: time(() => JSON.parse(textDoc)),
        });
      }
    }
    // Coverage from JSON text: a synthetic county (one member per 5 entries, 30 per branch).
    const county = (n) => {
      const m = Math.max(30, Math.floor(n / 5));
      const orgs = [{ id: 'c', name: '县委组织部党委', kind: 'committee', unit: '某某县', secretary: 'm0' }];
      const members = [];
      for (let b = 0; b * 30 < m; b++) orgs.push({ id: `b${b}`, name: `第${b + 1}党支部`, kind: 'branch', parent: 'c', secretary: `m${b * 30}` });
      for (let i = 0; i < m; i++) members.push({ id: `m${i}`, name: `党员${i}`, org: `b${Math.floor(i / 30)}`, mobile: i % 17 === 0 });
      const entries = Array.from({ length: n }, (_, i) => {
        const t = (i * 7919) % m;
        const b = Math.floor(t / 30);
        return { id: `e${i}`, date: `2011-0${1 + (i % 6)}-1${i % 9}`, reviewer: { id: `m${b * 30}`, name: `党员${b * 30}`, role: 'branch_secretary', org: `b${b}` },
          target: { kind: 'member', id: `m${t}`, name: `党员${t}`, org: `b${b}` }, method: ['collective', 'individual'][i % 2],
          evaluation: `第${i}次点评：该同志能够认真履行党员义务`, shortcomings: `不足之处${i % 97}：学习不够深入系统`, direction: `努力方向${i % 89}：加强理论学习` };
      });
      return { roster: JSON.stringify({ format: 'cxzy-roster/1', orgs, members }), entries: JSON.stringify({ format: 'cxzy-entries/1', entries }) };
    };
    const cov = [];
    for (const n of withCoverage ? [10000, 100000] : []) {
      const { roster, entries } = county(n);
      const opts = { as_of: '2011-06-30', batch: 2, unit: '某某县' };
      const once = (f) => { f(); const ts = []; for (let i = 0; i < 3; i++) { const t0 = performance.now(); f(); ts.push(performance.now() - t0); } return ts.sort((a, b) => a - b)[1]; };
      cov.push({ n, mb: (roster.length + entries.length) / 1e6, coverage: once(() => cx.coverage(roster, entries, opts)), parse: once(() => { JSON.parse(roster); JSON.parse(entries); }) });
    }
    return { results, cov, ua: navigator.userAgent };
  }, withCoverage);
  const f = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);
  const x = (a, b) => `${(a / b).toFixed(2)}×`;
  console.log(out.ua);
  for (const r of out.results) {
    console.log(`\n${r.n} rows, ${r.bad ? 'one error per row' : 'valid'} (${r.issues} issues; the JS peer finds ${r.peerErrors})`);
    console.log(`  validate(doc object)        ${f(r.validateObj).padStart(10)}   vs ajv+cross-field+totals ${f(r.ajvCross)}: ${x(r.validateObj, r.ajvCross)}; vs ajv schema only ${f(r.ajvOnly)}: ${x(r.validateObj, r.ajvOnly)}`);
    console.log(`  validate(JSON text)         ${f(r.validateText).padStart(10)}   vs JSON.parse of the text ${f(r.parse)}: ${x(r.validateText, r.parse)}`);
    console.log(`  totals(doc object)          ${f(r.totalsObj).padStart(10)}   vs plain JS totals ${f(r.jsTotals)}: ${x(r.totalsObj, r.jsTotals)}`);
    console.log(`  totals(JSON text)           ${f(r.totalsText).padStart(10)}   vs JSON.parse ${f(r.parse)}: ${x(r.totalsText, r.parse)}`);
  }
  for (const c of out.cov) {
    console.log(`\ncoverage of ${c.n} entries from JSON text (${c.mb.toFixed(1)} MB): ${f(c.coverage)}; JSON.parse of the same texts ${f(c.parse)}: ${x(c.coverage, c.parse)}`);
  }
} finally {
  await browser.close();
  await server.close();
}
