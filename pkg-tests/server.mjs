// A static file server on 127.0.0.1 for the demo and the browser tests. It sends the strict
// Content-Security-Policy the widget must work under (SPEC §7), and logs every request so tests
// can check the form fetches nothing but its own files.
//   node pkg-tests/server.mjs DIR [PORT]   (PORT 0 or busy: a free port)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv', '.png': 'image/png', '.svg': 'image/svg+xml', '.ts': 'text/plain; charset=utf-8',
};

/** Serves `dir`; resolves `{ url, port, requests, close }`. */
export function serve(dir, { port = 0, csp = CSP } = {}) {
  const root = path.resolve(dir);
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url);
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (p.endsWith('/')) p += 'index.html';
    const file = path.join(root, path.normalize(p));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      const headers = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' };
      if (csp) headers['content-security-policy'] = csp;
      res.writeHead(200, headers).end(body);
    });
  });
  const listen = (p) => new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(p, '127.0.0.1', () => resolve());
  });
  return listen(port).catch((e) => {
    if (e.code !== 'EADDRINUSE' || port === 0) throw e;
    return listen(0);
  }).then(() => {
    const { port: actual } = server.address();
    return { url: `http://127.0.0.1:${actual}/`, port: actual, requests, close: () => new Promise((r) => server.close(r)) };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir = 'www', port = '8000'] = process.argv.slice(2);
  const s = await serve(dir, { port: Number(port) });
  console.log(`Serving ${path.resolve(dir)} at ${s.url}  (offline check: ${s.url}offline.html, review entries and coverage: ${s.url}review.html, the receiving office: ${s.url}rollup.html) — Ctrl+C to stop`);
}
