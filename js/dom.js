// DOM helpers shared by the statistics form and the review-entry form. No state, no imports:
// each bundle (index.js, review.js) may carry its own copy safely.

/** `h('td', { class: 'x' }, child, …)`: children are nodes or text (never parsed as HTML). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === false || v == null) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c != null && c !== false) el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

/**
 * A template of the core's catalogue (`meta().ui`) with its params put in: `fill('第{n}批', { n: 2 })`.
 * An unknown `{name}` stays as written.
 * @param {string} template @param {Record<string, unknown>} params
 */
export const fill = (template, params) => template.replace(/\{(\w+)\}/g, (m, k) => (k in params ? String(params[k]) : m));

const pad = (n) => String(n).padStart(2, '0');
/** Local date as `YYYY-MM-DD` (the core never reads a clock: "today" comes from here). */
export function isoDate(d = new Date()) {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const sheets = new Map();
/**
 * Adopts a stylesheet into a shadow root (no inline <style>: a strict CSP blocks those); one
 * CSSStyleSheet per stylesheet text is shared by every form. Returns false when the browser
 * cannot adopt sheets and a <style> element was appended instead.
 */
export function adoptSheet(root, css) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    let sheet = sheets.get(css);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(css, sheet);
    }
    root.adoptedStyleSheets = [...root.adoptedStyleSheets.filter((s) => s !== sheet), sheet];
    return true;
  }
  root.append(h('style', {}, css));
  return false;
}

/** Removes what `adoptSheet` adopted into `root`. */
export function dropSheet(root, css) {
  const sheet = sheets.get(css);
  if (sheet && 'adoptedStyleSheets' in root) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
}

/** Errors before warnings (stable). */
export const errorsFirst = (a, b) => (a.severity === 'error' ? 0 : 1) - (b.severity === 'error' ? 0 : 1);

/**
 * One entry of the GOV.UK error summary: the message with a visually hidden “错误：”/“警告：”,
 * linked to the control `id` when there is one.
 */
export function summaryItem(issue, id, t, attrs = {}) {
  const text = [h('span', { class: 'sr' }, issue.severity === 'error' ? t.errorPrefix : t.warningPrefix), issue.message];
  return h('li', { class: issue.severity, ...attrs }, id ? h('a', { href: `#${id}`, 'data-target': id }, ...text) : h('span', {}, ...text));
}

/** The summary's counts line and state classes; the template `counts` (`{errors}`, `{warnings}`) words it. */
export function paintSummaryState(form, errors, warnings, noIssues, counts) {
  const none = errors + warnings === 0;
  form.summaryCounts.textContent = none ? noIssues : fill(counts, { errors, warnings });
  form.summary.classList.toggle('ok', none);
  form.summary.classList.toggle('has-errors', errors > 0);
  form.counts = { errors, warnings };
}

/** A click on a summary link focuses its field (and scrolls it into view) inside `root`. */
export function focusFromSummary(root, ev) {
  const a = ev.target.closest('a[data-target]');
  if (!a) return;
  ev.preventDefault();
  focusTarget(root, a);
}

/** Focuses (and scrolls to) what the summary's link `a` names. */
export function focusTarget(root, a) {
  const el = root.getElementById(a.dataset.target);
  if (el) {
    el.focus();
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
  }
}
