// Benchmark (not a test: no thresholds), in headless Chromium: the first render of a 1 000-row
// table (setData to the table painted), and an edit on it, from the input event to the
// repainted row, totals and messages. Prints the figures.
//   node pkg-tests/bench.mjs        (after scripts/build-pkg.sh)
import { start, newPage, ready } from './browser/helpers.mjs';

const ROWS = 1000;
const EDITS = 60;
const { server, browser } = await start();
try {
  const { page } = await newPage(browser);
  await page.route(`${server.url}bench.html`, (r) => r.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: '<!doctype html><html lang="zh-CN"><head><title>bench</title><link rel="icon" href="favicon.svg"><script type="module" src="pkg/index.js"></script></head><body><cxzy-stats-form storage-key="bench"></cxzy-stats-form></body></html>',
  }));
  await page.goto(`${server.url}bench.html`);
  await ready(page);
  // First render: from setData to the table painted (the task that draws it, then the frame's
  // style, layout and paint: a setTimeout queued in requestAnimationFrame runs after that paint).
  const firstRender = (bad) => page.evaluate(async ([n, wrong]) => {
    const el = document.querySelector('cxzy-stats-form');
    const fields = el.form.columns.filter((c) => c.input).map((c) => c.field);
    const rows = Array.from({ length: n }, (_, i) => {
      const r = { name: `单位${i + 1}` };
      for (const f of fields) r[f] = 10;
      // `wrong`: reviewed > total in every row (R010), so 1 000 cells are marked.
      Object.assign(r, { orgs_total: 100, orgs_reviewed: wrong ? 101 : 90, members_total: 3000, members_reviewed: 2900, individual: 3000 });
      return r;
    });
    const t0 = performance.now();
    el.setData({ format: 'cxzy-stats/1', unit: '基准', batch: 1, as_of: '2011-01-15', filed_on: '2011-01-16', principal: '甲', preparer: '乙', phone: '0451-82345678', rows, report: { overview: 'x', practices: 'x', examples: 'x' } });
    const t1 = performance.now();
    await new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
    return { task: performance.now() - t0, js: t1 - t0, issues: el.issues().length };
  }, [ROWS, bad]);
  for (const [label, bad] of [['an error in every row', true], ['valid', false]]) {
    const r = await firstRender(bad);
    console.log(`${ROWS}-row table (${label}, ${r.issues} issues): first render, setData to the table painted ${r.task.toFixed(0)} ms `
      + `(of which setData itself: wasm check + DOM ${r.js.toFixed(0)} ms)`);
  }
  const runs = async (label, autosave) => {
    const r = await page.evaluate(async ([edits, save]) => {
      const el = document.querySelector('cxzy-stats-form');
      el.form.opts.autosave = save;
      const root = el.shadowRoot;
      const handler = [];
      const frame = [];
      for (let k = 0; k < edits; k++) {
        const input = root.querySelector(`[data-r="${500 + (k % 7)}"][data-f="orgs_reviewed"]`);
        // Alternate valid and invalid values: the row's marks and the summary change each time.
        input.value = String(k % 2 ? 95 : 150 + k);
        const t0 = performance.now();
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const t1 = performance.now();
        root.querySelector('table').offsetHeight; // style and layout of what changed
        const t2 = performance.now();
        handler.push(t1 - t0);
        await new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
        frame.push(t2 - t0);
      }
      const q = (a, p) => a.slice().sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(a.length * p))];
      return { handler: [q(handler, 0.5), q(handler, 0.95)], frame: [q(frame, 0.5), q(frame, 0.95)] };
    }, [EDITS, autosave]);
    console.log(`${label}: input handler (wasm + DOM) median ${r.handler[0].toFixed(2)} ms, p95 ${r.handler[1].toFixed(2)} ms; `
      + `with style+layout median ${r.frame[0].toFixed(2)} ms, p95 ${r.frame[1].toFixed(2)} ms`);
  };
  await runs('edit, autosave off', false);
  await runs('edit, autosave on ', true);
  const saveMs = await page.evaluate(() => {
    const el = document.querySelector('cxzy-stats-form');
    const t0 = performance.now();
    el.form.saveTimer = { cancel() {} };
    el.form.flushSave();
    return performance.now() - t0;
  });
  console.log(`draft save of the whole table to localStorage (when idle after the frame): ${saveMs.toFixed(2)} ms`);
} finally {
  await browser.close();
  await server.close();
}
