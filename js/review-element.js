// <cxzy-review-entry locale="zh-CN" today="2011-01-15">: the 领导点评登记表 (ReviewEntryForm) for pages
// that write no JavaScript. This class is all the statistics form's bundle carries of it: the form
// itself (./review.js) and the full wasm module (init()) load only when such an element is on the
// page, so <cxzy-stats-form> pages download nothing more. Initial data may sit inside the tag as
// <script type="application/json">…</script> (an entry, or { "entry": …, "roster": … }).
import init from './api.js';
import { FormElement, define } from './lazy-element.js';

export class CxzyReviewEntry extends FormElement {
  static get observedAttributes() { return ['locale', 'today']; }

  /** @param {Element | null} json */
  initial(json) {
    /** @type {any} */
    let inline = null;
    if (json) { try { inline = JSON.parse(/** @type {string} */ (json.textContent)); } catch { inline = null; } }
    const isWrap = inline && (inline.entry || inline.roster) && !inline.reviewer && !inline.target;
    return { data: this.initialData ?? (isWrap ? inline.entry : inline), roster: this.initialRoster ?? (isWrap ? inline.roster : null) };
  }

  load() { return Promise.all([init(), import('./review.js')]).then(([, m]) => m); }

  make(m, { data, roster }) {
    return new m.ReviewEntryForm(this, {
      locale: this.getAttribute('locale') || undefined,
      today: this.getAttribute('today') || undefined,
      data: data || undefined,
      roster: roster || undefined,
    });
  }

  // A moved element draws its form again with the entry and roster it had.
  keep() {
    this.initialData = this.form.data();
    this.initialRoster = this.form.rosterDoc;
  }

  what() { return 'review'; }

  attributeChangedCallback(name, old, value) {
    if (!this.form || !value) return;
    if (name === 'locale') this.form.setLocale(value);
    if (name === 'today') this.form.setToday(value);
  }

  /**
   * Uses a roster; before ready, it becomes the initial roster.
   * @param {any} roster
   */
  setRoster(roster) { if (this.form) this.form.setRoster(roster); else this.initialRoster = roster; }
}

/** Registers `<cxzy-review-entry>` once (no-op outside a browser). */
export function defineReviewElement() { define('cxzy-review-entry', CxzyReviewEntry); }
