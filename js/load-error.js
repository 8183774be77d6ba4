// What an element shows when its WebAssembly module cannot be loaded (a bundler that did not copy
// the .wasm, a server that answers 404 or the wrong MIME type, a CSP without 'wasm-unsafe-eval'):
// a clear message in the page instead of an element that stays blank, and a `cxzy-error` event.
// No styles of its own (the page's styles apply): a light-DOM paragraph with role="alert".

const TEXT = {
  'zh-CN': (what, msg) => `${what}未能加载（${msg}）：请将 .wasm 文件与脚本一同发布，以 application/wasm 提供。`,
  en: (what, msg) => `The ${what} could not load (${msg}): publish the .wasm files next to the script, as application/wasm.`,
};

/**
 * Shows the failure in `el` (once), fires `cxzy-error` with `detail: { error }` and returns the
 * error (for the element's `ready` promise to reject with).
 */
export function showLoadError(el, error, what) {
  const locale = /^en\b/i.test(el.getAttribute('locale') || '') ? 'en' : 'zh-CN';
  const msg = String((error && error.message) || error);
  let p = el.querySelector(':scope > p.cxzy-load-error');
  if (!p) {
    p = document.createElement('p');
    p.className = 'cxzy-load-error';
    p.setAttribute('role', 'alert');
    el.append(p);
  }
  p.textContent = TEXT[locale](what[locale], msg);
  el.dispatchEvent(new CustomEvent('cxzy-error', { detail: { error }, bubbles: true, composed: true }));
  return error;
}
