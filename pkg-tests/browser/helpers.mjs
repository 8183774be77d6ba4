// Shared set-up of the browser tests: the built www/ (with www/pkg) served on 127.0.0.1 with the
// strict CSP, Debian's Chromium driven by playwright-core, and a log of every request.
import { chromium } from 'playwright-core';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../server.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const www = path.join(root, 'www');

export const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

export async function start() {
  const server = await serve(www);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ARGS });
  return { server, browser };
}

/** A new page that records every request, console error and CSP violation. */
export async function newPage(browser, { viewport = { width: 1600, height: 1000 } } = {}) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const log = { requests: [], errors: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') log.errors.push(m.text()); });
  // CSP violations, as the page sees them.
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('dialog', (d) => { log.errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  return { context, page, log };
}

/** Waits until the form in `selector` is drawn. */
export async function ready(page, selector = 'cxzy-stats-form') {
  await page.waitForFunction((s) => document.querySelector(s)?.form != null, selector);
  return page.locator(selector);
}
