// cxzy-form/review: the 领导点评登记表 (ReviewEntryForm, behind <cxzy-review-entry>) and the
// coverage view. A module of its own so that pages with only the statistics form never download
// it; <cxzy-review-entry> loads it by itself. It shares index.js's loaded wasm (call `init()`).
//
//   import init from 'cxzy-form';
//   import { ReviewEntryForm, renderCoverage } from 'cxzy-form/review';
export { ReviewEntryForm, REVIEW_TEXT } from './review-entry.js';
export { renderCoverage, coverageRows, gapRows, gapTables, filterRows, gapCsv, GAP_ROWS_SHOWN } from './coverage-view.js';
export { CxzyReviewEntry, defineReviewElement } from './index.js';
