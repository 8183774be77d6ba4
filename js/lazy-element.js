// What the package's three elements share: `ready`, a view drawn once its code and wasm have
// loaded (`load()` then `make()`), the load failure shown in the page (load-error.js), and the
// view taken down when the element leaves the page — a moved element (disconnected, then
// connected elsewhere) draws it again, from what `keep()` kept. Each element says only what is
// its own: what it loads, how it makes its view, what it keeps.
import { showLoadError } from './load-error.js';

const Base = globalThis.HTMLElement || class {};

export class LazyElement extends Base {
  constructor() {
    super();
    /** The view inside, once ready. @type {any} */
    this.form = null;
    /** @type {Promise<void> | null} */
    this.pending = null;
    this.newReady();
  }

  /** `ready`: resolves with the view, or rejects when the wasm cannot be loaded (shown in the page). */
  newReady() {
    /** @type {Promise<any>} */
    this.ready = new Promise((resolve, reject) => { this.resolveReady = resolve; this.rejectReady = reject; });
    this.ready.catch(() => {});
  }

  connectedCallback() {
    if (this.form || this.pending) return;
    const init = /** @type {any} */ (this).initial(this.querySelector(':scope > script[type="application/json"]'));
    this.pending = /** @type {any} */ (this).load().then((m) => {
      this.pending = null;
      if (!this.isConnected || this.form) return;
      this.form = /** @type {any} */ (this).make(m, init);
      /** @type {(view: unknown) => void} */ (this.resolveReady)(this.form);
      this.dispatchEvent(new CustomEvent('cxzy-ready', { bubbles: true, composed: true }));
    }, (e) => {
      this.pending = null;
      /** @type {(e: unknown) => void} */ (this.rejectReady)(showLoadError(this, e, /** @type {any} */ (this).what()));
    });
  }

  disconnectedCallback() {
    if (this.form) {
      this.keep();
      this.form.destroy();
    }
    this.form = null;
    this.newReady();
  }

  // Each element defines `load()` (resolves with what `make` needs: the view's module),
  // `make(module, initial)` (the view) and `what()` (the id of its name in the catalogue's
  // `ui.load`, for the load error).
  /**
   * The initial data, from `<script type="application/json">` inside the tag (none by default).
   * @param {Element | null} _json
   * @returns {any}
   */
  initial(_json) {}
  /** Keeps what a moved element draws again (before its view is destroyed). */
  keep() {}
}

export class FormElement extends LazyElement {
  /** The document (`null` until the form is ready). */
  data() { return this.form ? this.form.data() : null; }
  /** Every issue. */
  issues() { return this.form ? this.form.issues() : []; }
  /**
   * Replaces the document; before the form is ready, it becomes the initial data.
   * @param {any} doc
   */
  setData(doc) {
    if (this.form) this.form.setData(doc);
    else this.initialData = doc;
  }
  submit() { return this.form ? this.form.submit() : Promise.resolve(false); }
}

/**
 * Registers an element once (no-op outside a browser).
 * @param {string} name
 * @param {CustomElementConstructor} cls
 */
export function define(name, cls) {
  if (typeof customElements !== 'undefined' && !customElements.get(name)) customElements.define(name, cls);
}
