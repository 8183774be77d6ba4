// What an element shows when its WebAssembly module cannot be loaded (a bundler that did not copy
// the .wasm, a server that answers 404 or the wrong MIME type, a CSP without 'wasm-unsafe-eval'):
// a clear message in the page instead of an element that stays blank, and a `cxzy-error` event.
// No styles of its own (the page's styles apply): a light-DOM paragraph with role="alert".
//
// No wasm answers then, so the words cannot come from `meta()` at run time: they are the core's
// catalogue all the same (`ui.load`), which scripts/build-pkg.sh writes into load-words.js.
import WORDS from './load-words.js';
import { fill } from './dom.js';
import { pickLocale } from './i18n.js';

/**
 * Shows the failure in `el` (once), fires `cxzy-error` with `detail: { error }` and returns the
 * error (for the element's `ready` promise to reject with). `what`: the element's id in `ui.load`
 * (`stats`, `review`, `rollup`).
 * @param {Element} el @param {unknown} error @param {string} what
 */
export function showLoadError(el, error, what) {
  const words = WORDS[pickLocale(el.getAttribute('locale'))] || {};
  const msg = String((error && /** @type {any} */ (error).message) || error);
  let p = el.querySelector(':scope > p.cxzy-load-error');
  if (!p) {
    p = document.createElement('p');
    p.className = 'cxzy-load-error';
    p.setAttribute('role', 'alert');
    el.append(p);
  }
  p.textContent = words.failed ? fill(words.failed, { what: words[what] || what, msg }) : msg;
  el.dispatchEvent(new CustomEvent('cxzy-error', { detail: { error }, bubbles: true, composed: true }));
  return error;
}
