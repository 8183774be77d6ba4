// <cxzy-rollup unit="黑龙江省" batch="1" locale="zh-CN">: the receiving office (SPEC §8.1). Only
// this stub is in the statistics form's bundle: the element's code (./rollup.js) and the full
// wasm (init()) load when the first one connects.
import init from './api.js';

const Base = globalThis.HTMLElement || class {};
const EMPTY = { doc: null, issues: [], refused: false, children: [], previous: [], unreadable: [], missing: [], preset: null, batch: null };

export class CxzyRollup extends Base {
  static get observedAttributes() { return ['unit', 'batch', 'locale', 'preset', 'today']; }

  constructor() {
    super();
    this.view = null;
    this.ready = new Promise((resolve) => { this.resolveReady = resolve; });
  }

  connectedCallback() {
    if (this.view || this.pending) return;
    this.pending = Promise.all([init(), import('./rollup.js')]).then(([, m]) => {
      this.pending = null;
      if (!this.isConnected || this.view) return;
      this.view = new m.Rollup(this);
      this.resolveReady(this.view);
      this.dispatchEvent(new CustomEvent('cxzy-ready', { bubbles: true, composed: true }));
    });
  }

  disconnectedCallback() {
    if (this.view) this.view.destroy();
    this.view = null;
    this.ready = new Promise((resolve) => { this.resolveReady = resolve; });
  }

  attributeChangedCallback() { if (this.view) this.view.refresh(); }

  /** Reads and checks files (a FileList or File[]); resolves with the result once checked. */
  async addFiles(files) { return (await this.ready).addFiles(files); }
  /** Removes every file. */
  clear() { if (this.view) this.view.clear(); }
  /** `{ doc, issues, refused, children, previous, unreadable, missing }` (index.d.ts). */
  result() { return this.view ? this.view.result() : { ...EMPTY }; }
}

/** Registers `<cxzy-rollup>` once (no-op outside a browser). */
export function defineRollupElement() {
  if (typeof customElements !== 'undefined' && !customElements.get('cxzy-rollup')) customElements.define('cxzy-rollup', CxzyRollup);
}
