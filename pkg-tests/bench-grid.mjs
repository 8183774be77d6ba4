// Benchmark (not a test: no thresholds): the statistics form's grid beside AG Grid Community on
// the same 1 000-row table of 26 columns, in one headless Chromium run. Prints the figures and
// the ratios:
//   * first render: setData / createGrid to the painted frame (median of 5);
//   * edit → repaint: a value typed, to the frame with the row, the totals and the marks (p95 of 40);
//   * scrolling: frame time while the scroll box moves 60 px a frame (p95), beside an idle frame;
//   * our 19-row first render, for the "within 3×" reach.
// AG Grid is served from pkg-tests/node_modules (no CDN).
//   node pkg-tests/bench-grid.mjs        (after scripts/build-pkg.sh)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, newPage, ready } from './browser/helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const agJs = fs.readFileSync(path.join(here, 'node_modules/ag-grid-community/dist/ag-grid-community.min.js'));
const agVersion = JSON.parse(fs.readFileSync(path.join(here, 'node_modules/ag-grid-community/package.json'), 'utf8')).version;
const sample = JSON.parse(fs.readFileSync(path.join(here, '../samples/stats/heilongjiang-2010-batch1.json'), 'utf8'));
const ROWS = 1000;

const { server, browser } = await start();
try {
  const { page } = await newPage(browser, { viewport: { width: 1600, height: 1000 } });
  await page.route(`${server.url}ag.js`, (r) => r.fulfill({ contentType: 'text/javascript', body: agJs }));
  await page.route(`${server.url}bench-grid.html`, (r) => r.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: '<!doctype html><html lang="zh-CN"><head><title>bench</title><link rel="icon" href="favicon.svg"><script src="ag.js"></script>'
      + '<script type="module" src="pkg/index.js"></script></head><body><cxzy-stats-form storage-key="bench-grid" autosave="off"></cxzy-stats-form>'
      + '<div id="ag" style="height:700px;width:1500px"></div></body></html>',
  }));
  await page.goto(`${server.url}bench-grid.html`);
  await ready(page);
  await page.evaluate(async () => (await import('./pkg/index.js')).loadMore());
  const r = await page.evaluate(async ([n, small]) => {
    const frame = () => new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
    const med = (a) => a.slice().sort((x, y) => x - y)[Math.floor(a.length / 2)];
    const q95 = (a) => a.slice().sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(a.length * 0.95))];
    const el = document.querySelector('cxzy-stats-form');
    const cols = el.form.columns;
    const fields = cols.filter((c) => c.input).map((c) => c.field);
    const rows = Array.from({ length: n }, (_, i) => {
      const row = { name: `单位${i + 1}` };
      for (const f of fields) row[f] = 10;
      return Object.assign(row, { orgs_total: 100, orgs_reviewed: 90, members_total: 3000, members_reviewed: 2900, individual: 3000 });
    });
    const doc = { format: 'cxzy-stats/1', unit: '基准', batch: 1, as_of: '2011-01-15', filed_on: '2011-01-16', principal: '甲', preparer: '乙', phone: '0451-82345678', rows, report: { overview: 'x', practices: 'x', examples: 'x' } };
    const out = {};
    // ---- first render ----
    const ours = async (d) => {
      const t = [];
      for (let k = 0; k < 5; k++) {
        await frame();
        const t0 = performance.now();
        el.setData(d);
        await frame();
        t.push(performance.now() - t0);
      }
      return med(t);
    };
    out.small = await ours(small);
    out.first = await ours(doc);
    const view = el.form.views;
    const agRows = rows.map((row, i) => ({ ...row, ...view[i] }));
    const agCols = cols.map((c) => ({ field: c.field, headerName: c.label, editable: c.input, width: c.field === 'name' ? 120 : 70, pinned: c.field === 'name' ? 'left' : undefined }));
    const { createGrid, ModuleRegistry, AllCommunityModule } = window.agGrid;
    if (ModuleRegistry && AllCommunityModule) ModuleRegistry.registerModules([AllCommunityModule]);
    const host = document.getElementById('ag');
    let api;
    const agT = [];
    for (let k = 0; k < 5; k++) {
      if (api) api.destroy();
      await frame();
      const t0 = performance.now();
      api = createGrid(host, { columnDefs: agCols, rowData: agRows, pinnedTopRowData: [{ name: '合计' }], rowHeight: 27 });
      await frame();
      agT.push(performance.now() - t0);
    }
    out.agFirst = med(agT);
    // ---- edit → repaint ----
    const root = el.shadowRoot;
    const ourEdit = [];
    for (let k = 0; k < 40; k++) {
      const input = root.querySelector(`[data-r="${5 + (k % 7)}"][data-f="orgs_reviewed"]`);
      input.value = String(k % 2 ? 95 : 150 + k);
      const t0 = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
      ourEdit.push(performance.now() - t0);
    }
    out.edit = q95(ourEdit);
    const agEdit = [];
    for (let k = 0; k < 40; k++) {
      const node = api.getDisplayedRowAtIndex(5 + (k % 7));
      const t0 = performance.now();
      node.setDataValue('orgs_reviewed', k % 2 ? 95 : 150 + k);
      api.setGridOption('pinnedTopRowData', [{ name: '合计', orgs_reviewed: 90000 + k }]);
      await frame();
      agEdit.push(performance.now() - t0);
    }
    out.agEdit = q95(agEdit);
    // ---- scrolling ----
    const frames = async (count, step) => {
      const d = [];
      let last = await new Promise((res) => requestAnimationFrame(res));
      for (let k = 0; k < count; k++) {
        if (step) step(k);
        const now = await new Promise((res) => requestAnimationFrame(res));
        d.push(now - last);
        last = now;
      }
      return d;
    };
    out.idle = q95(await frames(60));
    const wrap = root.querySelector('.table-wrap');
    wrap.scrollTop = 0;
    out.scroll = q95(await frames(120, (k) => { wrap.scrollTop = 60 * (k + 1); }));
    const agBody = host.querySelector('.ag-body-viewport');
    out.agScroll = agBody ? q95(await frames(120, (k) => { agBody.scrollTop = 60 * (k + 1); })) : NaN;
    out.drawn = root.querySelectorAll('tbody tr[aria-rowindex]').length;
    api.destroy();
    return out;
  }, [ROWS, sample]);
  const f = (x) => `${x.toFixed(1)} ms`;
  const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
  console.log(`Chromium ${browser.version()}, AG Grid Community ${agVersion}; ${ROWS} rows × 26 columns, the same table`);
  console.log('| | cxzy | AG Grid | cxzy / AG Grid |');
  console.log('|---|---|---|---|');
  console.log(`| first render, ${ROWS} rows (median of 5) | ${f(r.first)} | ${f(r.agFirst)} | ${ratio(r.first, r.agFirst)} |`);
  console.log(`| edit → repaint, p95 of 40 | ${f(r.edit)} | ${f(r.agEdit)} | ${ratio(r.edit, r.agEdit)} |`);
  console.log(`| scrolling, frame time p95 | ${f(r.scroll)} | ${f(r.agScroll)} | ${ratio(r.scroll, r.agScroll)} |`);
  console.log(`cxzy: 19-row first render ${f(r.small)}; ${ROWS}-row / 19-row = ${ratio(r.first, r.small)}; idle frame p95 ${f(r.idle)}, scrolling / idle = ${ratio(r.scroll, r.idle)}; rows in the DOM at ${ROWS}: ${r.drawn}`);
} finally {
  await browser.close();
  await server.close();
}
