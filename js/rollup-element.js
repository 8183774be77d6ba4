// <cxzy-rollup unit="黑龙江省" batch="1" locale="zh-CN">: the receiving office (SPEC §8.1). Only
// this stub is in the statistics form's bundle: the element's code (./rollup.js) and the full
// wasm (init()) load when the first one connects.
import init from './api.js';
import { LazyElement, define } from './lazy-element.js';

const EMPTY = { doc: null, issues: [], refused: false, children: [], previous: [], unreadable: [], missing: [], preset: null, batch: null };

export class CxzyRollup extends LazyElement {
  static get observedAttributes() { return ['unit', 'batch', 'locale', 'preset', 'today']; }

  /** The view inside (js/rollup.js's Rollup), once ready. */
  get view() { return this.form; }

  load() { return Promise.all([init(), import('./rollup.js')]).then(([, m]) => m); }

  make(m) { return new m.Rollup(this); }

  what() { return 'rollup'; }

  attributeChangedCallback() { if (this.form) this.form.refresh(); }

  /**
   * Reads and checks files (a FileList or File[]); resolves with the result once checked.
   * @param {FileList | File[]} files
   */
  async addFiles(files) { return (await this.ready).addFiles(files); }
  /** Removes every file. */
  clear() { if (this.form) this.form.clear(); }
  /**
   * `{ doc, issues, refused, children, previous, unreadable, missing }` (index.d.ts).
   * @returns {import('./index.js').RollupResult}
   */
  result() { return this.form ? this.form.result() : { ...EMPTY }; }
}

/** Registers `<cxzy-rollup>` once (no-op outside a browser). */
export function defineRollupElement() { define('cxzy-rollup', CxzyRollup); }
