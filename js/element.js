// <cxzy-stats-form preset="heilongjiang-2010" locale="zh-CN">: StatsForm for pages that load one
// <script type="module"> and write no JavaScript. Initial data may sit inside the tag as
// <script type="application/json">…</script> (not executed, so allowed by a strict CSP).
import { initForm } from './api.js';
import { StatsForm, wordsFor } from './stats-form.js';
import { FormElement, define } from './lazy-element.js';

export class CxzyStatsForm extends FormElement {
  static get observedAttributes() { return ['locale']; }

  /** @param {Element | null} json */
  initial(json) {
    let data = this.initialData;
    if (data == null && json) {
      try { data = JSON.parse(/** @type {string} */ (json.textContent)); } catch { data = json.textContent; }
    }
    return data;
  }

  // initForm after the current script: a page module that imports the package and then calls
  // initForm({ module_or_path }) (esbuild's file loader) is heard before the default URL is fetched.
  // A form in a locale whose words come with the second module (English) waits for them.
  load() { return Promise.resolve().then(() => initForm()).then(() => wordsFor(this.getAttribute('locale') || undefined)); }

  make(_m, data) {
    // An attribute may hold any text: an unknown preset is none, an unknown locale falls back (pickLocale).
    return new StatsForm(this, {
      preset: /** @type {import('./index.js').Preset | undefined} */ (this.getAttribute('preset') || undefined),
      locale: /** @type {import('./index.js').Locale | undefined} */ (this.getAttribute('locale') || undefined),
      readonly: this.hasAttribute('readonly'),
      autosave: this.getAttribute('autosave') !== 'off',
      storageKey: this.getAttribute('storage-key') || undefined,
      rows: this.getAttribute('rows') ? /** @type {string} */ (this.getAttribute('rows')).split(/[,\uff0c]/).map((s) => s.trim()).filter(Boolean) : undefined,
      data: data == null ? undefined : data,
    });
  }

  what() { return 'stats'; }

  attributeChangedCallback(name, old, value) {
    if (name === 'locale' && this.form && value) this.form.setLocale(value);
  }
}

/** Registers `<cxzy-stats-form>` once (no-op outside a browser). */
export function defineElements() { define('cxzy-stats-form', CxzyStatsForm); }
