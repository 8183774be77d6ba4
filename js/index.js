// cxzy-form: 《创先争优活动领导点评情况统计表》 — checks, totals, roll-up and coverage, and the
// <cxzy-stats-form> web component. See index.d.ts for the types and docs/embedding.md.
//
//   import init, { validate, totals, coverage, aggregate, StatsForm } from 'cxzy-form';
//   await init();
import init from './api.js';
import { defineElements } from './element.js';
import { defineReviewElement } from './review-element.js';
import { defineRollupElement } from './rollup-element.js';

export default init;
export {
  validate, totals, coverage, aggregate, aggregateReport, readCsv, writeCsv, decodeText, parseJson, meta, blankDoc,
  CxzyParseError, CxzyIssuesError, initForm,
} from './api.js';
export { StatsForm, parseTsv, loadMore } from './stats-form.js';
export { CxzyStatsForm, defineElements } from './element.js';
// <cxzy-review-entry>: only its small element class is here; ReviewEntryForm and the coverage view
// are in 'cxzy-form/review' (review.js), loaded when the element is on the page.
export { CxzyReviewEntry, defineReviewElement } from './review-element.js';
// <cxzy-rollup>: the receiving office; its code is in ./rollup.js, loaded when the element connects.
export { CxzyRollup, defineRollupElement } from './rollup-element.js';

defineElements();
defineReviewElement();
defineRollupElement();
