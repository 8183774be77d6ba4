// Installs the built package (pkg/) into a consumer project the way `npm install` would: exactly
// the files `npm pack` ships, as node_modules/cxzy-form. The bundler and TypeScript tests build
// against that copy, so a file missing from the package (or from its `exports`) fails them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const pkg = path.join(root, 'pkg');
export const bin = (name) => path.join(root, 'pkg-tests/node_modules/.bin', name);

/** The files `npm pack` puts in the tarball, as sorted paths relative to pkg/. */
export function packedFiles() {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: pkg, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(out)[0].files.map((f) => f.path).sort();
}

/** A new temporary project: `template` copied in, and cxzy-form in its node_modules. */
export function consumerProject(template, name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cxzy-${name}-`));
  fs.cpSync(template, dir, { recursive: true });
  const dest = path.join(dir, 'node_modules/cxzy-form');
  for (const f of packedFiles()) {
    fs.mkdirSync(path.dirname(path.join(dest, f)), { recursive: true });
    fs.copyFileSync(path.join(pkg, f), path.join(dest, f));
  }
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `consumer-${name}`, private: true, type: 'module' }));
  return dir;
}

/** Runs a tool of pkg-tests/node_modules/.bin in `cwd`; returns its output, throws with it on failure. */
export function run(tool, args, cwd) {
  try {
    return execFileSync(bin(tool), args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  } catch (e) {
    throw new Error(`${tool} ${args.join(' ')} failed:\n${e.stdout}\n${e.stderr}`);
  }
}
