// The package where portal developers build: a page importing `cxzy-form` from node_modules,
// bundled by Vite and webpack 5 with no configuration and by esbuild with the documented copy
// of the .wasm files (docs/embedding.md), renders the form in headless Chromium under the
// strict CSP, with no request failing. Without the copy, the element says why it is empty.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ARGS } from './helpers.mjs';
import { serve } from '../server.mjs';
import { root, consumerProject, run } from '../install-pkg.mjs';

const app = path.join(root, 'pkg-tests/bundlers/app');
let browser;
const dirs = [];

before(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ARGS });
});
after(async () => {
  await browser?.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function project(name) {
  const dir = consumerProject(app, name);
  dirs.push(dir);
  return dir;
}

/** Opens `page` of `dist` and returns what the page shows, every failed request and page error. */
async function open(dist, page = 'index.html', { waitForm = true } = {}) {
  const server = await serve(dist);
  const context = await browser.newContext();
  const p = await context.newPage();
  const failed = [];
  const errors = [];
  p.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  p.on('pageerror', (e) => errors.push(String(e)));
  try {
    await p.goto(server.url + page);
    if (waitForm) {
      await p.waitForFunction(() => document.querySelector('cxzy-stats-form')?.form != null, null, { timeout: 20000 });
    } else {
      await p.waitForSelector('cxzy-stats-form p[role="alert"]', { timeout: 20000 });
    }
    const shown = await p.evaluate(() => {
      const el = document.querySelector('cxzy-stats-form');
      const r = el.shadowRoot;
      return {
        title: r?.querySelector('h1')?.textContent ?? null,
        rows: r ? r.querySelectorAll('[data-f="name"]').length : 0,
        alert: el.querySelector('p[role="alert"]')?.textContent ?? null,
      };
    });
    // The full API from the same bundle: init() fetches the second wasm.
    const codes = waitForm ? await p.evaluate(() => window.cxzyCheck({ format: 'cxzy-stats/1', rows: [] })) : null;
    return { ...shown, codes, failed, errors, requests: server.requests };
  } finally {
    await context.close();
    await server.close();
  }
}

function assertRenders(r) {
  assert.equal(r.title, '创先争优活动领导点评情况统计表');
  assert.equal(r.rows, 19, 'the preset’s 19 rows');
  assert.ok(r.codes.includes('T001') && r.codes.includes('T010'), `validate() through init(): ${r.codes}`);
  assert.deepEqual(r.failed, []);
  assert.deepEqual(r.errors, []);
  assert.equal(r.requests.filter((u) => u.endsWith('.wasm')).length, 2, `both wasm files fetched: ${r.requests}`);
}

test('Vite, no configuration: `vite build` renders the form', async () => {
  const dir = project('vite');
  run('vite', ['build', '--logLevel', 'warn'], dir);
  assertRenders(await open(path.join(dir, 'dist')));
});

test('webpack 5, no configuration: `webpack --mode production` renders the form', async () => {
  const dir = project('webpack');
  run('webpack', ['--mode', 'production'], dir);
  fs.copyFileSync(path.join(dir, 'webpack.html'), path.join(dir, 'dist/index.html'));
  assertRenders(await open(path.join(dir, 'dist')));
});

test('esbuild with the documented copy of the .wasm files renders the form', async () => {
  const dir = project('esbuild');
  const dist = path.join(dir, 'dist');
  run('esbuild', ['src/index.js', '--bundle', '--format=esm', '--outdir=dist', '--log-level=warning'], dir);
  // The one-liner of docs/embedding.md: cp node_modules/cxzy-form/*.wasm dist/
  for (const f of fs.readdirSync(path.join(dir, 'node_modules/cxzy-form')).filter((f) => f.endsWith('.wasm'))) {
    fs.copyFileSync(path.join(dir, 'node_modules/cxzy-form', f), path.join(dist, f));
  }
  fs.writeFileSync(path.join(dist, 'index.html'), fs.readFileSync(path.join(dir, 'index.html'), 'utf8').replace('./src/index.js', './index.js'));
  assertRenders(await open(dist));
});

test('esbuild with `--loader:.wasm=file` and `module_or_path` renders the form', async () => {
  const dir = project('esbuild-file');
  const dist = path.join(dir, 'dist');
  run('esbuild', ['src/esbuild-file-loader.js', '--bundle', '--format=esm', '--loader:.wasm=file', '--outfile=dist/index.js', '--log-level=warning'], dir);
  fs.writeFileSync(path.join(dist, 'index.html'), fs.readFileSync(path.join(dir, 'index.html'), 'utf8').replace('./src/index.js', './index.js'));
  assertRenders(await open(dist));
});

test('esbuild without the copy: the element says the wasm could not be loaded, instead of staying blank', async () => {
  const dir = project('esbuild-nocopy');
  const dist = path.join(dir, 'dist');
  run('esbuild', ['src/index.js', '--bundle', '--format=esm', '--outdir=dist', '--log-level=warning'], dir);
  fs.writeFileSync(path.join(dist, 'index.html'), fs.readFileSync(path.join(dir, 'index.html'), 'utf8').replace('./src/index.js', './index.js'));
  const r = await open(dist, 'index.html', { waitForm: false });
  assert.equal(r.title, null, 'no form drawn');
  assert.match(r.alert, /统计表未能加载/);
  assert.match(r.alert, /\.wasm/);
  assert.ok(r.failed.some((f) => f.startsWith('404') && f.endsWith('/cxzy_stats_bg.wasm')), r.failed.join('\n'));
});
