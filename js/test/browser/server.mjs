// Tiny read-only static HTTP server for the browser tests (node:http only).
//
//   const srv = await startServer({ root });   // 127.0.0.1, random port
//   srv.url                                     // 'http://127.0.0.1:PORT'
//   await srv.close();
//
// Serves files under `root` (GET/HEAD only, no directory listings, no paths
// outside root) with correct MIME types and `Cache-Control: no-store`, plus:
//   /js/test/browser/csp.html          sent with a strict Content-Security-Policy
//   /__wrong-mime/<path>               <path> sent as application/octet-stream
//                                      (makes WebAssembly.instantiateStreaming reject)
//   /__status/404/<anything>           always 404 (a failing wasm URL)
//   /favicon.ico                       204, so pages log no 404 for it
//   /__capture.js                      capture.js (only with { capture: true }, which
//                                      also puts <script src="/__capture.js"> first
//                                      into every .html page; see engines.mjs)
// `files` maps exact URL paths to other files on disk (to try the harness
// against stand-ins before the real build exists).
//
// CLI: node js/test/browser/server.mjs [root]   (prints the URL, Ctrl-C stops)

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP = "script-src 'self' 'wasm-unsafe-eval'";
export const CSP_PAGES = new Set(['/js/test/browser/csp.html']);
const CAPTURE_FILE = fileURLToPath(new URL('./capture.js', import.meta.url));
const CAPTURE_TAG = '<script src="/__capture.js"></script>\n';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

export function mimeType(file) {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

// Maps a URL path to a file under root, or null if it escapes root.
function resolveUnder(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

function sendStatus(res, code, text) {
  res.writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text ? `${code} ${text}\n` : undefined);
}

// An .html file with the capture script tag put first (after a doctype).
async function sendCapturedHtml(req, res, file, headers) {
  let html;
  try {
    html = await readFile(file, 'utf8');
  } catch {
    return sendStatus(res, 404, 'Not Found');
  }
  const doctype = /^\s*<!doctype[^>]*>\s*/i.exec(html)?.[0] ?? '';
  const body = Buffer.from(doctype + CAPTURE_TAG + html.slice(doctype.length));
  res.writeHead(200, { 'Content-Length': body.length, 'Cache-Control': 'no-store', ...headers });
  res.end(req.method === 'HEAD' ? undefined : body);
}

async function sendFile(req, res, file, headers) {
  let st;
  try {
    st = await stat(file);
  } catch {
    return sendStatus(res, 404, 'Not Found');
  }
  if (!st.isFile()) return sendStatus(res, 404, 'Not Found');
  res.writeHead(200, { 'Content-Length': st.size, 'Cache-Control': 'no-store', ...headers });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

// Decides what a request gets: [file, extra headers] or a status.
function route(root, files, urlPath, capture) {
  if (urlPath === '/favicon.ico') return { status: 204 };
  if (capture && urlPath === '/__capture.js') return { file: CAPTURE_FILE, headers: { 'Content-Type': mimeType(CAPTURE_FILE) } };
  if (urlPath.startsWith('/__status/404/')) return { status: 404 };
  let wrongMime = false;
  if (urlPath.startsWith('/__wrong-mime/')) {
    wrongMime = true;
    urlPath = urlPath.slice('/__wrong-mime'.length);
  }
  if (urlPath.endsWith('/')) urlPath += 'index.html';
  const file = files[urlPath] ?? resolveUnder(root, urlPath);
  if (!file) return { status: 404 };
  const headers = { 'Content-Type': wrongMime ? 'application/octet-stream' : mimeType(file) };
  if (CSP_PAGES.has(urlPath)) headers['Content-Security-Policy'] = CSP;
  return { file, headers, html: capture && !wrongMime && path.extname(file).toLowerCase() === '.html' };
}

export async function startServer({ root, files = {}, port = 0, host = '127.0.0.1', onRequest, capture = false } = {}) {
  root = path.resolve(root);
  const server = createServer((req, res) => {
    const urlPath = new URL(req.url, 'http://x').pathname;
    onRequest?.(req.method, urlPath);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendStatus(res, 405, 'Method Not Allowed');
    }
    const r = route(root, files, urlPath, capture);
    if (r.status === 204) return res.writeHead(204).end();
    if (r.status) return sendStatus(res, r.status, 'Not Found');
    (r.html ? sendCapturedHtml : sendFile)(req, res, r.file, r.headers).catch(() => res.destroy());
  });
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: actual } = server.address();
  return {
    url: `http://${host}:${actual}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = process.argv[2] ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  const srv = await startServer({ root });
  console.log(`serving ${root} at ${srv.url}/`);
}
