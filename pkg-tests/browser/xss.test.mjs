// XSS payloads through every route into the page (issue 10), in Debian's headless Chromium under
// the strict CSP: StatsForm setData, typing, paste, files through the file input, review entries,
// roster names, the coverage view and its gap lists (and their CSV). A MutationObserver on the
// document and on every shadow root records any script/iframe/object/embed element, any `on*`
// attribute and any javascript: URL created; a dialog listener records alert/confirm/prompt.
// Nothing may execute, nothing of that kind may be created, and the payloads must appear as text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newPage, ready } from './helpers.mjs';

let server;
let browser;
before(async () => ({ server, browser } = await start()));
after(async () => {
  await browser?.close();
  await server?.close();
});

/** 60 payloads: OWASP XSS filter-evasion classics, attribute breakers, template and URL tricks. */
export const PAYLOADS = [
  '<script>__xss(1)</script>',
  '<img src=x onerror=__xss(2)>',
  '<svg onload=__xss(3)>',
  '<svg><script>__xss(4)</script></svg>',
  '"><script>__xss(5)</script>',
  "'><img src=x onerror=__xss(6)>",
  '<iframe src="javascript:__xss(7)"></iframe>',
  '<a href="javascript:__xss(8)">点我</a>',
  '<body onload=__xss(9)>',
  '<input autofocus onfocus=__xss(10)>',
  '<details open ontoggle=__xss(11)>',
  '<marquee onstart=__xss(12)>',
  '<video><source onerror=__xss(13)></video>',
  '<audio src=x onerror=__xss(14)>',
  '<object data="javascript:__xss(15)"></object>',
  '<embed src="javascript:__xss(16)">',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss(17)>',
  '<form><button formaction="javascript:__xss(18)">x</button></form>',
  '<isindex action="javascript:__xss(19)" type=submit>',
  '<div style="background:url(javascript:__xss(20))">',
  '<style>@import "javascript:__xss(21)";</style>',
  '<link rel=stylesheet href="javascript:__xss(22)">',
  '<meta http-equiv="refresh" content="0;url=javascript:__xss(23)">',
  '<base href="javascript:__xss(24)//">',
  '<img src="x" onerror="&#95;&#95;xss(25)">',
  '<img src=x onerror=\\u005f_xss(26)>',
  '<IMG SRC=JaVaScRiPt:__xss(27)>',
  '<IMG """><SCRIPT>__xss(28)</SCRIPT>">',
  '<scr<script>ipt>__xss(29)</scr</script>ipt>',
  '<svg/onload=__xss(30)>',
  '<img src=`x`onerror=__xss(31)>',
  '<a href="jav&#x09;ascript:__xss(32)">x</a>',
  '<textarea></textarea><script>__xss(33)</script>',
  '</title><script>__xss(34)</script>',
  '</style><script>__xss(35)</script>',
  '<!--<img src="--><img src=x onerror=__xss(36)//">',
  '<noscript><p title="</noscript><img src=x onerror=__xss(37)>">',
  '<template><script>__xss(38)</script></template>',
  '<select onfocus=__xss(39) autofocus>',
  '<keygen autofocus onfocus=__xss(40)>',
  '<frameset onload=__xss(41)>',
  '<table background="javascript:__xss(42)">',
  '"onmouseover="__xss(43)"',
  "' onfocus='__xss(44)' autofocus='",
  'javascript:__xss(45)',
  'data:text/html,<script>__xss(46)</script>',
  '{{constructor.constructor("__xss(47)")()}}',
  '${__xss(48)}',
  '<x onclick=__xss(49)>click</x>',
  '<dialog open onclose=__xss(50)>',
  '<img srcset="x" onerror=__xss(51)>',
  '<picture><source srcset=x><img onerror=__xss(52)></picture>',
  '<object type="text/html" data="data:text/html,<script>__xss(53)</script>">',
  '<svg><animate onbegin=__xss(54) attributeName=x dur=1s>',
  '<svg><a xlink:href="javascript:__xss(55)"><text x="20" y="20">x</text></a></svg>',
  '\u003cimg src=x onerror=__xss(56)\u003e',
  '=HYPERLINK("javascript:__xss(57)","x")',
  '<div id="x" tabindex=1 onfocusin=__xss(58)>',
  '<xmp><img src=x onerror=__xss(59)></xmp>',
  '"><svg onload=__xss(60)>',
];

/** Installed before any page script: the watcher, on the document and on every shadow root. */
function watcher() {
  window.__fired = [];
  window.__xss = (n) => window.__fired.push(n);
  window.__bad = [];
  const BAD_TAGS = new Set(['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'FRAME', 'FRAMESET', 'BASE', 'META', 'LINK']);
  const checkEl = (el) => {
    if (!(el instanceof Element)) return;
    if (BAD_TAGS.has(el.tagName)) window.__bad.push(`<${el.tagName.toLowerCase()}>`);
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) window.__bad.push(`${el.tagName.toLowerCase()} ${a.name}`);
      if (/^\s*(javascript|data|vbscript):/i.test(a.value) && /^(href|src|action|formaction|xlink:href|data|background|srcset)$/i.test(a.name)) {
        window.__bad.push(`${el.tagName.toLowerCase()} ${a.name}=${a.value}`);
      }
    }
    for (const c of el.querySelectorAll('*')) checkEl(c);
    if (el.shadowRoot) observe(el.shadowRoot);
  };
  const mo = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') checkEl(r.target);
      for (const n of r.addedNodes) checkEl(n);
    }
  });
  const observe = (root) => mo.observe(root, { subtree: true, childList: true, attributes: true });
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function attachShadow(init) {
    const root = attach.call(this, init);
    observe(root);
    return root;
  };
  // The document from when its own markup is parsed (its <meta>, <link> and module scripts are
  // the page's, not a payload's); shadow roots from their creation.
  document.addEventListener('DOMContentLoaded', () => observe(document));
}

async function page(url) {
  const p = await newPage(browser);
  await p.page.addInitScript(watcher);
  await p.page.goto(url);
  return p;
}

/** Nothing ran, nothing dangerous was created, no CSP violation, no dialog, no page error. */
async function clean(p, what) {
  const r = await p.page.evaluate(() => ({ fired: window.__fired, bad: window.__bad, csp: window.__csp }));
  assert.deepEqual(r.fired, [], `${what}: a payload executed`);
  assert.deepEqual(r.bad, [], `${what}: dangerous markup was created`);
  assert.deepEqual(r.csp, [], `${what}: CSP violations`);
  assert.deepEqual(p.log.errors, [], `${what}: page errors or dialogs`);
}

const F = 'cxzy-stats-form';
/** Every text of the form's shadow root: text nodes and control values. */
const shadowText = (p, sel) => p.page.evaluate((s) => {
  const r = document.querySelector(s).shadowRoot;
  return `${r.textContent}\n${[...r.querySelectorAll('input, textarea')].map((i) => i.value).join('\n')}`;
}, sel);

/**
 * The statistics form's text and field values, every row included: the grid draws the rows in
 * view, so each row is brought into view (focusCell) and its unit name read there.
 */
const formText = async (p) => {
  const names = await p.page.evaluate(async (s) => {
    const el = document.querySelector(s);
    const out = [];
    for (let i = 0; i < el.form.data().rows.length; i++) {
      await el.form.focusCell(i, 'name');
      const c = el.shadowRoot.querySelector(`[data-r="${i}"][data-f="name"]`);
      out.push(c ? c.value : '');
    }
    return out.join('\n');
  }, F);
  return `${await shadowText(p, F)}\n${names}`;
};

/** A table (no preset) with one row per payload, the payload as name, as cell and as unknown field. */
function hostileDoc(list) {
  return {
    format: 'cxzy-stats/1', unit: list[0], batch: 1, as_of: '2011-01-15', filed_on: '2011-01-16',
    principal: list[1], preparer: list[2], phone: list[3], notes: list[4],
    report: { overview: list[5], practices: list[6], examples: list[7] },
    rows: list.map((p, i) => ({ name: p, orgs_total: p, orgs_reviewed: i, [p.slice(0, 40)]: 1 })),
  };
}

test('payloads through StatsForm.setData, the file input (JSON and CSV) and the form\'s issue messages render as text', async () => {
  const p = await page(server.url);
  await ready(p.page);
  await p.page.evaluate(([s, doc]) => document.querySelector(s).form.setData(doc), [F, hostileDoc(PAYLOADS)]);
  let text = await formText(p);
  for (const x of PAYLOADS) assert.ok(text.includes(x), `setData: ${x} is not shown as text`);
  // The unknown fields named after payloads are T008 messages in the summary.
  const summary = await p.page.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('.summary').textContent, F);
  assert.ok(summary.includes(PAYLOADS[1].slice(0, 40)), 'T008 names the payload field as text');
  await clean(p, 'setData');

  // Files through the file input: the same table as JSON, then as the form's own CSV.
  const input = p.page.locator(`${F} input[type=file]`);
  const reversed = [...PAYLOADS].reverse();
  await input.setInputFiles({ name: 'x<img src=x onerror=__xss(99)>.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostileDoc(reversed))) });
  await p.page.locator(`${F} .notice`, { hasText: '已打开' }).waitFor();
  text = await formText(p);
  for (const x of reversed) assert.ok(text.includes(x), `JSON file: ${x}`);
  assert.ok(text.includes('x<img src=x onerror=__xss(99)>.json'), 'the file name is shown as text');
  const csv = await p.page.evaluate(async (doc) => (await import('./pkg/index.js')).writeCsv(doc), hostileDoc(PAYLOADS));
  await input.setInputFiles({ name: 'payloads.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await p.page.locator(`${F} .notice`, { hasText: '已打开「payloads.csv」' }).waitFor();
  text = await formText(p);
  for (const x of PAYLOADS) assert.ok(text.includes(x), `CSV file: ${x}`);
  await clean(p, 'files');
  await p.context.close();
});

test('payloads typed and pasted into the form render as text', async () => {
  const p = await page(server.url);
  await ready(p.page);
  const unit = p.page.locator(`${F} .f-unit input`);
  // Typed key by key (a few), and filled (every one).
  for (const x of PAYLOADS.slice(0, 5)) {
    await unit.click();
    await p.page.keyboard.press('Control+A');
    await p.page.keyboard.type(x);
    assert.equal(await unit.inputValue(), x);
  }
  for (const x of PAYLOADS) {
    await unit.fill(x);
    const cell = p.page.locator(`${F} [data-r="0"][data-f="orgs_total"]`);
    // A cell is its text until it has the focus: then the editor takes its place (and its data-r/data-f).
    await cell.click();
    await p.page.keyboard.press('Control+A');
    await p.page.keyboard.insertText(x);
    assert.equal(await cell.inputValue(), x);
  }
  // The invalid cell's message quotes nothing as markup.
  await clean(p, 'typing');
  // Paste: TSV from a spreadsheet, 19 rows × 2 columns twice (tabs and line breaks in a payload
  // only move it to another cell).
  const safe = PAYLOADS.map((x) => x.replace(/[\t\r\n]/g, ' '));
  const paste = (field, from) => p.page.evaluate(([s, f, tsv]) => {
    const el = document.querySelector(s).shadowRoot.querySelector(`[data-r="0"][data-f="${f}"]`);
    el.focus();
    const dt = new DataTransfer();
    dt.setData('text/plain', tsv);
    // The focus went on to the editor, which took the cell's place.
    document.querySelector(s).shadowRoot.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, [F, field, Array.from({ length: 19 }, (_, r) => [0, 1].map((c) => safe[(from + r * 2 + c) % safe.length]).join('\t')).join('\r\n')]);
  await paste('orgs_total', 0);
  await paste('new_orgs_total', 38);
  const text = await shadowText(p, F);
  // (A cell that starts with `"` is a quoted TSV cell, as Excel writes them: its quotes go.)
  for (const x of safe.filter((v) => !v.startsWith('"'))) assert.ok(text.includes(x), `paste: ${x}`);
  await clean(p, 'paste');
  await p.context.close();
});

/** A roster whose organisations and members are named by the payloads, and no entries. */
function hostileRoster() {
  const orgs = [{ id: 'o1', name: PAYLOADS[0], kind: 'committee', parent: null, unit: PAYLOADS[1], secretary: 'm1' }];
  PAYLOADS.slice(2, 12).forEach((x, i) => orgs.push({ id: `o${i + 2}`, name: x, kind: 'branch', parent: 'o1', secretary: `m${i + 2}` }));
  const members = PAYLOADS.map((x, i) => ({ id: `m${i + 1}`, name: x, org: orgs[i % orgs.length].id }));
  return { format: 'cxzy-roster/1', orgs, members };
}

test('payloads as roster names and review entries render as text in the coverage view, the gap lists, the entry form and the gap CSV', async () => {
  const p = await page(`${server.url}review.html`);
  await p.page.waitForFunction(() => document.querySelector('cxzy-review-entry')?.form != null);
  const roster = hostileRoster();
  const entries = {
    format: 'cxzy-entries/1',
    entries: [{ id: PAYLOADS[12], date: '2010-12-05', reviewer: { id: 'm1', name: PAYLOADS[0], role: 'county_party_secretary' },
      target: { kind: 'member', id: 'm3', name: PAYLOADS[2], org: 'o2' }, method: 'individual', grade: 'good',
      evaluation: PAYLOADS[13], shortcomings: PAYLOADS[14], direction: PAYLOADS[15] }],
  };
  await p.page.locator('#roster-file').setInputFiles({ name: 'roster.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(roster)) });
  await p.page.locator('#entries-file').setInputFiles({ name: 'entries.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(entries)) });
  await p.page.locator('#unit').fill(PAYLOADS[1]);
  await p.page.locator('#compute').click();
  await p.page.locator('#coverage table').first().waitFor();
  const view = await p.page.evaluate(() => document.querySelector('#coverage').shadowRoot.textContent);
  for (const x of PAYLOADS.slice(3)) assert.ok(view.includes(x), `gap list: ${x}`);
  // Every gap list filtered by a payload, and exported as CSV: guarded, never markup.
  const filter = p.page.locator('#coverage input[type=search]').first();
  if (await filter.count()) {
    await filter.fill(PAYLOADS[20]);
    await filter.fill('');
  }
  const csvs = await p.page.evaluate(async () => {
    const out = [];
    document.addEventListener('cxzy-export', (e) => out.push(e.detail.text));
    for (const b of document.querySelector('#coverage').shadowRoot.querySelectorAll('button[data-act=csv]')) b.click();
    return out;
  });
  assert.ok(csvs.length >= 1);
  assert.ok(csvs.join('\n').includes("'=HYPERLINK(\"\"javascript:__xss(57)\"\",\"\"x\"\")"), 'the gap CSV guards the formula');
  await clean(p, 'roster and coverage');

  // The entry form: every payload as every text of an entry, through setData and the roster's names.
  await p.page.evaluate((list) => {
    const el = document.querySelector('cxzy-review-entry');
    for (const x of list) {
      el.form.setData({ id: x, date: x, reviewer: { name: x, role: x }, target: { kind: 'member', name: x, id: x }, method: x, grade: x,
        evaluation: x, achievements: x, shortcomings: x, direction: x, focus: [x], topics: [x], problems_found: x });
    }
  }, PAYLOADS);
  for (const x of PAYLOADS.slice(-3)) {
    await p.page.evaluate((v) => document.querySelector('cxzy-review-entry').form.setData({ evaluation: v, reviewer: { name: v }, target: { kind: 'member', name: v } }), x);
    assert.ok((await shadowText(p, 'cxzy-review-entry')).includes(x), `entry: ${x}`);
  }
  await clean(p, 'review entries');
  await p.context.close();
});

test('the watcher sees what it must: markup injected into the form\'s shadow root is caught', async () => {
  const p = await page(server.url);
  await ready(p.page);
  const bad = await p.page.evaluate(async (s) => {
    const r = document.querySelector(s).shadowRoot;
    const d = document.createElement('div');
    d.innerHTML = '<img src=x onerror="__xss(0)"><a href="javascript:void 0">x</a>';
    r.append(d);
    await new Promise((res) => setTimeout(res, 50));
    return window.__bad;
  }, F);
  assert.deepEqual(bad, ['img onerror', 'a href=javascript:void 0']);
  await p.context.close();
});
