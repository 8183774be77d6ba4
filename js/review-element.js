// <cxzy-review-entry locale="zh-CN" today="2011-01-15">: the 领导点评登记表 (ReviewEntryForm) for pages
// that write no JavaScript. This class is all the statistics form's bundle carries of it: the form
// itself (./review.js) and the full wasm module (init()) load only when such an element is on the
// page, so <cxzy-stats-form> pages download nothing more. Initial data may sit inside the tag as
// <script type="application/json">…</script> (an entry, or { "entry": …, "roster": … }).
import init from './api.js';
import { showLoadError } from './load-error.js';

const Base = globalThis.HTMLElement || class {};

export class CxzyReviewEntry extends Base {
  static get observedAttributes() { return ['locale', 'today']; }

  constructor() {
    super();
    this.form = null;
    this.ready = new Promise((resolve) => { this.resolveReady = resolve; });
  }

  connectedCallback() {
    if (this.form || this.pending) return;
    const json = this.querySelector(':scope > script[type="application/json"]');
    /** @type {any} */
    let inline = null;
    if (json) { try { inline = JSON.parse(json.textContent); } catch { inline = null; } }
    const isWrap = inline && (inline.entry || inline.roster) && !inline.reviewer && !inline.target;
    const data = this.initialData ?? (isWrap ? inline.entry : inline);
    const roster = this.initialRoster ?? (isWrap ? inline.roster : null);
    this.pending = Promise.all([init(), import('./review.js')]).then(([, m]) => {
      this.pending = null;
      if (!this.isConnected || this.form) return;
      this.form = new m.ReviewEntryForm(this, {
        locale: this.getAttribute('locale') || undefined,
        today: this.getAttribute('today') || undefined,
        data: data || undefined,
        roster: roster || undefined,
      });
      this.resolveReady(this.form);
      this.dispatchEvent(new CustomEvent('cxzy-ready', { bubbles: true, composed: true }));
    }, (e) => {
      this.pending = null;
      showLoadError(this, e, { 'zh-CN': '点评登记表', en: 'review entry form' });
    });
  }

  disconnectedCallback() {
    // A moved element (disconnected, then connected elsewhere) draws its form again with the
    // entry and roster it had.
    if (this.form) {
      this.initialData = this.form.data();
      this.initialRoster = this.form.rosterDoc;
      this.form.destroy();
    }
    this.form = null;
    this.ready = new Promise((resolve) => { this.resolveReady = resolve; });
  }

  attributeChangedCallback(name, old, value) {
    if (!this.form || !value) return;
    if (name === 'locale') this.form.setLocale(value);
    if (name === 'today') this.form.setToday(value);
  }

  /** The entry (`null` until ready). */
  data() { return this.form ? this.form.data() : null; }
  /** The entry's issues. */
  issues() { return this.form ? this.form.issues() : []; }
  /** Replaces the entry; before ready, it becomes the initial entry. */
  setData(entry) { if (this.form) this.form.setData(entry); else this.initialData = entry; }
  /** Uses a roster; before ready, it becomes the initial roster. */
  setRoster(roster) { if (this.form) this.form.setRoster(roster); else this.initialRoster = roster; }
  submit() { return this.form ? this.form.submit() : Promise.resolve(false); }
}

/** Registers `<cxzy-review-entry>` once (no-op outside a browser). */
export function defineReviewElement() {
  if (typeof customElements !== 'undefined' && !customElements.get('cxzy-review-entry')) {
    customElements.define('cxzy-review-entry', CxzyReviewEntry);
  }
}
