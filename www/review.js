// The demo page's own script (not part of the package): roster and entries from files (or the
// samples next to the page), coverage() with the chosen as_of/batch/unit, the coverage view, the
// statistics form filled from the result, and a <cxzy-review-entry> adding one entry. Nothing is
// uploaded: files go from the disk to the wasm and back to this page.
import init, { coverage, parseJson, decodeText } from './pkg/index.js';
// The full module's glue, which init() loaded: a CxzyParseError worded from the core's catalogue.
import { parseErrorText } from './pkg/cxzy_form.js';
const why = (err) => (err && err.kind ? parseErrorText(err.line, err.column, err.message, 'zh-CN', err.kind) : err.message);
import { renderCoverage } from './pkg/review.js';

const $ = (id) => document.getElementById(id);
const state = { roster: null, entries: null, result: null, view: null };
const el = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...kids.map((k) => (k instanceof Node ? k : String(k ?? ''))));
  return e;
};

const ready = init();
// The statistics form is created once the full module is loaded, so it uses it (no second wasm).
let statsForm = null;
ready.then(() => {
  statsForm = el('cxzy-stats-form', { id: 'stats', locale: 'zh-CN', autosave: 'off', rows: '待生成' });
  $('stats-slot').append(statsForm);
});

async function readJson(file) {
  return parseJson(decodeText(new Uint8Array(await file.arrayBuffer())));
}

function loaded() {
  const r = state.roster;
  const e = state.entries;
  const parts = [];
  if (r) parts.push(`名册：${r.orgs?.length ?? 0} 个党组织，${r.members?.length ?? 0} 名党员`);
  if (e) parts.push(`点评记录：${e.entries?.length ?? 0} 条`);
  $('loaded').textContent = parts.join('；');
  $('save-entries').disabled = !e;
}

async function compute() {
  if (!state.roster || !state.entries) return;
  await ready;
  const opts = { as_of: $('as-of').value.trim(), batch: Number($('batch').value), unit: $('unit').value.trim() };
  let result;
  try {
    result = coverage(state.roster, state.entries, opts);
  } catch (err) {
    $('checked').textContent = `无法计算：${why(err)}`;
    return;
  }
  state.result = result;
  const errors = result.issues.filter((i) => i.severity === 'error');
  const warnings = result.issues.filter((i) => i.severity === 'warning');
  $('checked').textContent = `截至 ${opts.as_of}：名册和点评记录 ${errors.length} 个错误，${warnings.length} 个警告（不计入的记录见检查结果）`;
  $('issues').replaceChildren(...result.issues.filter((i) => i.severity !== 'info').slice(0, 500)
    .map((i) => el('li', { class: i.severity }, el('code', {}, i.code), i.message, ' ', el('small', {}, i.path))));
  $('issues-box').hidden = result.issues.length === 0;
  if (state.view) state.view.update(result, state.roster);
  else state.view = renderCoverage($('coverage'), result, state.roster, { locale: 'zh-CN', unit: opts.unit });
  $('fill').disabled = !result.table;
}

$('roster-file').addEventListener('change', async (e) => {
  const f = e.target.files[0];
  if (!f) return;
  await ready;
  try { state.roster = await readJson(f); } catch (err) { $('loaded').textContent = `无法读取「${f.name}」：${why(err)}`; return; }
  $('entry').setRoster(state.roster);
  loaded();
  compute();
});
$('entries-file').addEventListener('change', async (e) => {
  const f = e.target.files[0];
  if (!f) return;
  await ready;
  try { state.entries = await readJson(f); } catch (err) { $('loaded').textContent = `无法读取「${f.name}」：${why(err)}`; return; }
  loaded();
  compute();
});
$('load-sample').addEventListener('click', async () => {
  const [roster, entries] = await Promise.all(['samples/review/roster.json', 'samples/review/entries.json']
    .map((u) => fetch(u).then((r) => r.json())));
  Object.assign(state, { roster, entries });
  $('entry').setRoster(roster);
  loaded();
  await compute();
});
$('compute').addEventListener('click', compute);

$('fill').addEventListener('click', async () => {
  if (!state.result || !state.result.table) return;
  await ready;
  const form = statsForm;
  await form.ready;
  form.setData(state.result.table);
  $('fill-status').textContent = `已按截至 ${state.result.table.as_of} 的点评记录填写 ${state.result.table.rows.length} 个单位。`;
  form.scrollIntoView({ block: 'start' });
});

// A new entry: checked by the element; added when it has no error and its id is new.
$('entry').addEventListener('cxzy-submit', (e) => {
  const entry = e.detail.data;
  if (!state.entries) state.entries = { format: 'cxzy-entries/1', entries: [] };
  if (state.entries.entries.some((x) => String(x.id) === String(entry.id))) {
    $('entry-status').textContent = `记录编号「${entry.id}」已存在，请换一个编号。`;
    return;
  }
  state.entries.entries.push(entry);
  $('entry-status').textContent = `已登记记录「${entry.id}」，共 ${state.entries.entries.length} 条。`;
  $('entry').setData(null);
  loaded();
  compute();
});

$('save-entries').addEventListener('click', () => {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(state.entries, null, 1)}\n`], { type: 'application/json' }));
  const a = el('a', { href: url, download: 'entries.json', hidden: '' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});
