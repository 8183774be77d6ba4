// cxzy-form: 《创先争优活动领导点评情况统计表》 — checks, totals, roll-up and coverage, and the
// <cxzy-stats-form> web component. See index.d.ts for the types and docs/embedding.md.
//
//   import init, { validate, totals, coverage, aggregate, StatsForm } from 'cxzy-form';
//   await init();
import init from './api.js';
import { defineElements } from './element.js';

export default init;
export {
  validate, totals, coverage, aggregate, aggregateReport, readCsv, writeCsv, decodeText, parseJson, meta, blankDoc,
  CxzyParseError, CxzyIssuesError, initForm,
} from './api.js';
export { StatsForm, parseTsv } from './stats-form.js';
export { CxzyStatsForm, defineElements } from './element.js';

defineElements();
