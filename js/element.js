// <cxzy-stats-form preset="heilongjiang-2010" locale="zh-CN">: StatsForm for pages that load one
// <script type="module"> and write no JavaScript. Initial data may sit inside the tag as
// <script type="application/json">…</script> (not executed, so allowed by a strict CSP).
import { initForm } from './api.js';
import { StatsForm, loadMore } from './stats-form.js';
import { showLoadError } from './load-error.js';

const WHAT = { 'zh-CN': '统计表', en: 'statistics form' };

const Base = globalThis.HTMLElement || class {};

export class CxzyStatsForm extends Base {
  static get observedAttributes() { return ['locale']; }

  constructor() {
    super();
    this.form = null;
    this.pending = null;
    this.newReady();
  }

  /** `ready`: resolves with the form, or rejects when the wasm cannot be loaded (shown in the page). */
  newReady() {
    /** @type {Promise<StatsForm>} */
    this.ready = new Promise((resolve, reject) => { this.resolveReady = resolve; this.rejectReady = reject; });
    this.ready.catch(() => {});
  }

  connectedCallback() {
    if (this.form || this.pending) return;
    const json = this.querySelector(':scope > script[type="application/json"]');
    let data = this.initialData;
    if (data == null && json) {
      try { data = JSON.parse(json.textContent); } catch { data = json.textContent; }
    }
    // initForm after the current script: a page module that imports the package and then calls
    // initForm({ module_or_path }) (esbuild's file loader) is heard before the default URL is fetched.
    // An English form waits for the English words (the form's second module).
    this.pending = Promise.all([Promise.resolve().then(() => initForm()), /^en\b/i.test(this.getAttribute('locale') || '') && loadMore()]).then(() => {
      this.pending = null;
      if (!this.isConnected || this.form) return;
      this.form = new StatsForm(this, {
        preset: this.getAttribute('preset') || undefined,
        locale: this.getAttribute('locale') || undefined,
        readonly: this.hasAttribute('readonly'),
        autosave: this.getAttribute('autosave') !== 'off',
        storageKey: this.getAttribute('storage-key') || undefined,
        rows: this.getAttribute('rows') ? /** @type {string} */ (this.getAttribute('rows')).split(/[,，]/).map((s) => s.trim()).filter(Boolean) : undefined,
        data: data == null ? undefined : data,
      });
      /** @type {(form: StatsForm) => void} */ (this.resolveReady)(this.form);
      this.dispatchEvent(new CustomEvent('cxzy-ready', { bubbles: true, composed: true }));
    }, (e) => {
      this.pending = null;
      /** @type {(e: unknown) => void} */ (this.rejectReady)(showLoadError(this, e, WHAT));
    });
  }

  disconnectedCallback() {
    if (this.form) this.form.destroy();
    this.form = null;
    this.newReady();
  }

  attributeChangedCallback(name, old, value) {
    if (name === 'locale' && this.form && value) this.form.setLocale(value);
  }

  /** The document (`null` until the form is ready). */
  data() { return this.form ? this.form.data() : null; }
  /** Every issue. */
  issues() { return this.form ? this.form.issues() : []; }
  /** Replaces the document; before the form is ready, it becomes the initial data. */
  setData(doc) {
    if (this.form) this.form.setData(doc);
    else this.initialData = doc;
  }
  submit() { return this.form ? this.form.submit() : Promise.resolve(false); }
}

/** Registers `<cxzy-stats-form>` once (no-op outside a browser). */
export function defineElements() {
  if (typeof customElements !== 'undefined' && !customElements.get('cxzy-stats-form')) {
    customElements.define('cxzy-stats-form', CxzyStatsForm);
  }
}
