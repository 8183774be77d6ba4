// A portal developer's TypeScript, checked by `tsc --noEmit` (pkg-tests/node/types.test.mjs)
// against the package as it ships (node_modules/cxzy-form, resolved through its `exports`).
// Each `@ts-expect-error` line must stay an error: if the types loosen, tsc reports the
// directive as unused and the test fails.
import { readXlsx, writeXlsx } from 'cxzy-form/excel';
import init, { validate, totals, StatsForm, initForm, type StatsDoc, type Issue, type Preset, type Locale } from 'cxzy-form';

// A document literal type-checks without an annotation (format and batch are not widened away).
const doc = {
  format: 'cxzy-stats/1',
  unit: '黑龙江省',
  batch: 1,
  as_of: '2011-01-15',
  filed_on: '2011-01-16',
  principal: '王某',
  preparer: '李某',
  phone: '0451-82345678',
  preset: 'heilongjiang-2010',
  rows: [{ name: '哈尔滨市', orgs_total: 1200, orgs_reviewed: '1,100' }],
};

export async function main(): Promise<void> {
  await init();
  const issues: Issue[] = validate(doc, { locale: 'en', today: '2011-01-16' });
  const codes: string[] = issues.map((i) => i.code);
  const coverage: string = totals(doc).total.orgs_coverage;
  console.log(codes, coverage);

  // document.querySelector knows the element (HTMLElementTagNameMap).
  const el = document.querySelector('cxzy-stats-form');
  if (!el) return;
  const current: StatsDoc | null = el.data();
  el.setData(doc);
  await el.ready;

  // Each element's events carry their own detail: a StatsDoc here, not the review entry's.
  el.addEventListener('cxzy-submit', (e) => {
    const rows: number = e.detail.data.rows.length;
    const unit: string | undefined = e.detail.data.unit;
    const first: Issue | undefined = e.detail.issues[0];
    console.log(rows, unit, first);
    // @ts-expect-error a statistics table has no reviewer (that is the review entry's detail)
    console.log(e.detail.data.reviewer);
  });
  el.addEventListener('cxzy-change', (e) => console.log(e.detail.issues.length));
  el.addEventListener('cxzy-error', (e) => console.log(e.detail.error));
  el.addEventListener('click', (e) => console.log(e.clientX)); // ordinary events stay typed
  console.log(current);

  const entry = document.querySelector('cxzy-review-entry');
  entry?.addEventListener('cxzy-submit', (e) => console.log(e.detail.data.reviewer.role));

  const host = document.createElement('div');
  await initForm();
  const form = new StatsForm(host, { preset: 'central-2010', locale: 'zh-CN', autosave: false });
  form.setLocale('en');
  // @ts-expect-error a misspelt preset is a compile error
  new StatsForm(host, { preset: 'heilongjang-2010' });
  // @ts-expect-error a locale outside zh-CN / en is a compile error
  new StatsForm(host, { locale: 'fr' });
  // @ts-expect-error validate's locale too
  validate(doc, { locale: 'zh' });
  // @ts-expect-error a document needs its rows
  validate({ format: 'cxzy-stats/1', unit: '黑龙江省' });
  // @ts-expect-error a count is a number or the text typed, not a boolean
  validate({ format: 'cxzy-stats/1', rows: [{ name: '甲市', orgs_total: true }] });

  // The Excel module (cxzy-form/excel): a workbook in, the same StatsDoc out, and back.
  const opened = await readXlsx(new Uint8Array(0), { locale: 'zh-CN' });
  const bytes: Uint8Array = await writeXlsx(opened.doc);
  console.log(opened.issues.length, opened.sheet, bytes.length);

  const presets: Preset[] = ['heilongjiang-2010', 'central-2010'];
  const locales: Locale[] = ['zh-CN', 'en'];
  console.log(presets, locales);
}
