// Benchmark (not a test: no thresholds): the statistics form's grid beside AG Grid Community and
// Tabulator on the same 1 000-row table of 26 columns, in one headless Chromium run. Prints the figures and
// the ratios:
//   * first render: setData / createGrid to the painted frame (median of 5);
//   * edit → repaint: a value typed, to the frame with the row, the totals and the marks (p95 of 40);
//   * scrolling: frame time while the scroll box moves 60 px a frame (p95), beside an idle frame and two
//     floors (an empty scroll box; the same rows as a plain table);
// Each grid is measured alone on the page (the others not displayed meanwhile).
//   * our 19-row first render, for the "within 3×" reach.
// AG Grid and Tabulator are served from pkg-tests/node_modules (no CDN). Each grid is scrolled into
// view before it is measured (the browser paints nothing off screen).
//   node pkg-tests/bench-grid.mjs [--breakdown]   (after scripts/build-pkg.sh; --breakdown: where the time goes)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, newPage, ready } from './browser/helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const agJs = fs.readFileSync(path.join(here, 'node_modules/ag-grid-community/dist/ag-grid-community.min.js'));
const agVersion = JSON.parse(fs.readFileSync(path.join(here, 'node_modules/ag-grid-community/package.json'), 'utf8')).version;
const tabJs = fs.readFileSync(path.join(here, 'node_modules/tabulator-tables/dist/js/tabulator.min.js'));
const tabCss = fs.readFileSync(path.join(here, 'node_modules/tabulator-tables/dist/css/tabulator.min.css'));
const tabVersion = JSON.parse(fs.readFileSync(path.join(here, 'node_modules/tabulator-tables/package.json'), 'utf8')).version;
const sample = JSON.parse(fs.readFileSync(path.join(here, '../samples/stats/heilongjiang-2010-batch1.json'), 'utf8'));
const ROWS = 1000;
const SCROLL_FRAMES = 120;

const { server, browser } = await start();
try {
  const { page } = await newPage(browser, { viewport: { width: 1600, height: 1000 } });
  await page.route(`${server.url}ag.js`, (r) => r.fulfill({ contentType: 'text/javascript', body: agJs }));
  await page.route(`${server.url}tab.js`, (r) => r.fulfill({ contentType: 'text/javascript', body: tabJs }));
  await page.route(`${server.url}tab.css`, (r) => r.fulfill({ contentType: 'text/css', body: tabCss }));
  await page.route(`${server.url}bench-grid.html`, (r) => r.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: '<!doctype html><html lang="zh-CN"><head><title>bench</title><link rel="icon" href="favicon.svg"><script src="ag.js"></script><script src="tab.js"></script><link rel="stylesheet" href="tab.css">'
      + '<script type="module" src="pkg/index.js"></script></head><body><cxzy-stats-form storage-key="bench-grid" autosave="off"></cxzy-stats-form>'
      + '<div id="ag" style="height:700px;width:1500px"></div><div id="tab" style="height:700px;width:1500px"></div></body></html>',
  }));
  await page.goto(`${server.url}bench-grid.html`);
  await ready(page);
  await page.evaluate(async () => (await import('./pkg/index.js')).loadMore());
  // The main thread's CPU time of each measured step, from a CDP trace (thread time, not wall
  // time: it holds on a loaded machine, where the wall times above move by tens of percent).
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
  const r = await page.evaluate(async ([n, small, SCROLL_FRAMES]) => {
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
    // Each grid is measured alone on the page: the other two are not displayed meanwhile (else the
    // document layer each edit repaints holds the other grids too, and whichever is measured while
    // more of them exist pays for their painting).
    const hosts = () => [el, document.getElementById('ag'), document.getElementById('tab'), ...document.querySelectorAll('body > div:not(#ag):not(#tab)')];
    const only = (shown) => { for (const h of hosts()) h.style.display = h === shown ? '' : 'none'; };
    // ---- first render ----
    // The element that scrolls the most inside `host` (each grid names its viewport differently).
    const scroller = (host) => [...host.querySelectorAll('*')].filter((e) => /auto|scroll/.test(getComputedStyle(e).overflowY))
      .sort((a, b) => (b.scrollHeight - b.clientHeight) - (a.scrollHeight - a.clientHeight))[0];
    const ours = async (d, tag) => {
      const t = [];
      el.scrollIntoView();
      for (let k = 0; k < 5; k++) {
        await frame();
        const t0 = performance.now();
        performance.mark(`${tag}:s`);
        el.setData(d);
        await frame();
        performance.mark(`${tag}:e`);
        t.push(performance.now() - t0);
      }
      return med(t);
    };
    only(el);
    out.small = await ours(small, 'cx-small');
    out.first = await ours(doc, 'cx-first');
    const view = el.form.views;
    const agRows = rows.map((row, i) => ({ ...row, ...view[i] }));
    const agCols = cols.map((c) => ({ field: c.field, headerName: c.label, editable: c.input, width: c.field === 'name' ? 120 : 70, pinned: c.field === 'name' ? 'left' : undefined }));
    const { createGrid, ModuleRegistry, AllCommunityModule } = window.agGrid;
    if (ModuleRegistry && AllCommunityModule) ModuleRegistry.registerModules([AllCommunityModule]);
    const host = document.getElementById('ag');
    only(host);
    host.scrollIntoView();
    let api;
    const agT = [];
    for (let k = 0; k < 5; k++) {
      if (api) api.destroy();
      await frame();
      const t0 = performance.now();
      performance.mark(`ag-first:s`);
      api = createGrid(host, { columnDefs: agCols, rowData: agRows, pinnedTopRowData: [{ name: '合计' }], rowHeight: 27 });
      await frame();
      performance.mark(`ag-first:e`);
      agT.push(performance.now() - t0);
    }
    out.agFirst = med(agT);
    // ---- edit → repaint ----
    const root = el.shadowRoot;
    only(el);
    el.scrollIntoView();
    const ourEdit = [];
    for (let k = 0; k < 40; k++) {
      // The cell's text hands the focus to the editor, which takes its place (before the clock starts:
      // AG Grid and Tabulator are given the value without an editor).
      root.querySelector(`[data-r="${5 + (k % 7)}"][data-f="orgs_reviewed"]`).focus({ preventScroll: true });
      await frame();
      const input = root.activeElement;
      input.value = String(k % 2 ? 95 : 150 + k);
      const t0 = performance.now();
      performance.mark(`cx-edit:s`);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
      performance.mark(`cx-edit:e`);
      ourEdit.push(performance.now() - t0);
    }
    out.edit = q95(ourEdit);
    only(host);
    host.scrollIntoView();
    const agEdit = [];
    for (let k = 0; k < 40; k++) {
      const node = api.getDisplayedRowAtIndex(5 + (k % 7));
      const t0 = performance.now();
      performance.mark(`ag-edit:s`);
      node.setDataValue('orgs_reviewed', k % 2 ? 95 : 150 + k);
      api.setGridOption('pinnedTopRowData', [{ name: '合计', orgs_reviewed: 90000 + k }]);
      await frame();
      performance.mark(`ag-edit:e`);
      agEdit.push(performance.now() - t0);
    }
    out.agEdit = q95(agEdit);
    // ---- Tabulator: the same rows and columns, the 合计 row as a frozen top row ----
    const tabHost = document.getElementById('tab');
    only(tabHost);
    tabHost.scrollIntoView();
    const tabCols = cols.map((c) => ({ field: c.field, title: c.label, editor: c.input ? 'input' : undefined, width: c.field === 'name' ? 120 : 70, frozen: c.field === 'name', headerSort: false }));
    let tab;
    const tabT = [];
    for (let k = 0; k < 5; k++) {
      if (tab) tab.destroy();
      await frame();
      const t0 = performance.now();
      performance.mark(`tab-first:s`);
      await new Promise((res) => {
        tab = new window.Tabulator(tabHost, { data: [{ name: '合计' }, ...agRows], columns: tabCols, height: '700px', index: 'name', renderVertical: 'virtual' });
        tab.on('tableBuilt', res);
      });
      tab.getRows()[0].freeze();
      await frame();
      performance.mark(`tab-first:e`);
      tabT.push(performance.now() - t0);
    }
    out.tabFirst = med(tabT);
    const tabEdit = [];
    const tabRows = tab.getRows();
    for (let k = 0; k < 40; k++) {
      const t0 = performance.now();
      performance.mark(`tab-edit:s`);
      tabRows[6 + (k % 7)].update({ orgs_reviewed: k % 2 ? 95 : 150 + k });
      tabRows[0].update({ orgs_reviewed: 90000 + k });
      await frame();
      performance.mark(`tab-edit:e`);
      tabEdit.push(performance.now() - t0);
    }
    out.tabEdit = q95(tabEdit);
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
    // `tag`: user-timing marks around the SCROLL_FRAMES frames, for their main-thread CPU time a frame.
    const scroll = async (shown, pick, tag) => {
      only(shown);
      await frames(10);
      const box = pick();
      box.scrollIntoView();
      box.scrollTop = 0;
      await frames(10);
      if (tag) performance.mark(`${tag}:s`);
      const d = await frames(SCROLL_FRAMES, (k) => { box.scrollTop = 60 * (k + 1); });
      if (tag) performance.mark(`${tag}:e`);
      return q95(d);
    };
    out.scroll = await scroll(el, () => root.querySelector('.table-wrap'), 'cx-scroll');
    out.agScroll = await scroll(host, () => scroller(host), 'ag-scroll');
    out.tabScroll = await scroll(tabHost, () => scroller(tabHost), 'tab-scroll');
    // Two floors for the scrolling figure, same box size and steps: a scroll box with nothing to
    // paint (what the compositor costs alone), and the same table drawn whole as plain HTML, no script.
    const floor = document.createElement('div');
    floor.style.cssText = 'height:700px;width:1500px;overflow:auto';
    document.body.append(floor);
    floor.innerHTML = '<div style="height:27000px;background:linear-gradient(#fff,#eee)"></div>';
    out.emptyScroll = await scroll(floor, () => floor);
    floor.innerHTML = `<table style="border-collapse:collapse;font-size:12px">${rows.map((row) => `<tr style="height:27px">${
      cols.map((c) => `<td style="border:1px solid #b1b4b6;width:50px">${row[c.field] ?? ''}</td>`).join('')}</tr>`).join('')}</table>`;
    out.plainScroll = await scroll(floor, () => floor);
    floor.remove();
    only(el);
    el.scrollIntoView();
    out.idle2 = q95(await frames(60));
    out.drawn = root.querySelectorAll('tbody tr[aria-rowindex]').length;
    api.destroy();
    tab.destroy();
    return out;
  }, [ROWS, sample, SCROLL_FRAMES]);
  await new Promise((res) => { cdp.once('Tracing.tracingComplete', res); cdp.send('Tracing.end'); });
  // DUMP_TRACE=FILE: the whole trace, for a closer look (e.g. each Paint event's layer and duration).
  if (process.env.DUMP_TRACE) fs.writeFileSync(process.env.DUMP_TRACE, JSON.stringify(events));
  const main = events.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
  const tasks = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.name === 'RunTask' && e.ph === 'X');
  /** Mean main-thread CPU ms of the windows between the marks `tag:s` and `tag:e`. */
  const cpu = (tag) => {
    const at = (n) => events.filter((e) => e.name === n && e.cat.includes('user_timing')).map((e) => e.ts).sort((a, b) => a - b);
    const s = at(`${tag}:s`);
    const e = at(`${tag}:e`);
    let sum = 0;
    // A task that overlaps a window counts by its share of it (the step's first call runs in a task
    // that began before the mark).
    s.forEach((t0, i) => {
      for (const k of tasks) {
        const over = Math.min(k.ts + k.dur, e[i]) - Math.max(k.ts, t0);
        if (over > 0 && k.dur > 0) sum += ((k.tdur ?? k.dur) * over) / k.dur / 1000;
      }
    });
    return s.length ? sum / s.length : NaN;
  };
  const f = (x) => `${x.toFixed(1)} ms`;
  const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
  console.log(`Chromium ${browser.version()}, AG Grid Community ${agVersion}, Tabulator ${tabVersion}; ${ROWS} rows × 26 columns, the same table`);
  console.log('| | cxzy | AG Grid | Tabulator | cxzy / AG Grid | cxzy / Tabulator |');
  console.log('|---|---|---|---|---|---|');
  const line = (what, a, b, c) => console.log(`| ${what} | ${f(a)} | ${f(b)} | ${f(c)} | ${ratio(a, b)} | ${ratio(a, c)} |`);
  line(`first render, ${ROWS} rows (median of 5)`, r.first, r.agFirst, r.tabFirst);
  line('edit → repaint, p95 of 40', r.edit, r.agEdit, r.tabEdit);
  line('scrolling, frame time p95 (60 px a frame)', r.scroll, r.agScroll, r.tabScroll);
  const idle = Math.max(r.idle, r.idle2);
  console.log(`idle frame p95 ${f(r.idle)} / ${f(r.idle2)}; scrolling / idle: cxzy ${ratio(r.scroll, idle)}, AG Grid ${ratio(r.agScroll, idle)}, Tabulator ${ratio(r.tabScroll, idle)}`);
  console.log(`scrolling floors, frame time p95: an empty scroll box ${f(r.emptyScroll)} (${ratio(r.emptyScroll, idle)} idle), the same ${ROWS} rows as a plain HTML table, no script ${f(r.plainScroll)} (${ratio(r.plainScroll, idle)} idle)`);
  console.log('main-thread CPU time (CDP trace), mean per step:');
  console.log('| | cxzy | AG Grid | Tabulator | cxzy / AG Grid | cxzy / Tabulator |');
  console.log('|---|---|---|---|---|---|');
  line(`first render, ${ROWS} rows`, cpu('cx-first'), cpu('ag-first'), cpu('tab-first'));
  line('edit → repaint', cpu('cx-edit'), cpu('ag-edit'), cpu('tab-edit'));
  // The frame's budget is an idle frame (16.7 ms): what a slower or busier machine has left.
  const perFrame = (tag) => cpu(tag) / SCROLL_FRAMES;
  line('scrolling, a frame (60 px)', perFrame('cx-scroll'), perFrame('ag-scroll'), perFrame('tab-scroll'));
  if (process.argv.includes('--breakdown')) {
    // Where each step's main-thread time goes: the trace's events inside the windows, by name
    // (nested events count in their parents too: read it as a profile, not a sum).
    const by = (tag) => {
      const at = (n) => events.filter((e) => e.name === n && e.cat.includes('user_timing')).map((e) => e.ts).sort((a, b) => a - b);
      const s = at(`${tag}:s`);
      const e = at(`${tag}:e`);
      const sums = new Map();
      for (const ev of events) {
        if (!main || ev.pid !== main.pid || ev.tid !== main.tid || ev.ph !== 'X' || !ev.dur || ev.name === 'RunTask') continue;
        const i = s.findIndex((t0, k) => ev.ts >= t0 && ev.ts < e[k]);
        if (i >= 0) sums.set(ev.name, (sums.get(ev.name) || 0) + (ev.tdur ?? ev.dur) / 1000 / s.length);
      }
      return [...sums].sort((x, y) => y[1] - x[1]).slice(0, 12).map(([n, v]) => `${n} ${v.toFixed(2)}`).join(', ');
    };
    for (const tag of ['cx-edit', 'ag-edit', 'cx-first', 'ag-first', 'cx-scroll']) console.log(`${tag}: ${by(tag)}`);
  }
  console.log(`cxzy 19-row first render: ${f(cpu('cx-small'))} CPU; ${ROWS}-row / 19-row = ${ratio(cpu('cx-first'), cpu('cx-small'))}`);
  console.log(`cxzy: 19-row first render ${f(r.small)}; ${ROWS}-row / 19-row = ${ratio(r.first, r.small)}; rows in the DOM at ${ROWS}: ${r.drawn}`);
} finally {
  await browser.close();
  await server.close();
}
