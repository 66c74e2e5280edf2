// browser.mjs — runs the side-by-side benchmark in headless Chromium
// (/usr/bin/chromium via playwright-core): serves the repo root on
// 127.0.0.1 (a free port), opens js/bench/page.html, waits (bounded) for the
// page's window.benchResult, prints the table and writes out/bench-chromium.md.
//
//   node js/bench/browser.mjs
//
// Env: BENCH_OPS (comma-separated op names, default all), BENCH_ROUNDS (default 45),
// BENCH_MS (target ms per batch, default 10),
// BENCH_TIMEOUT_MS (default 600000). The page is served cross-origin isolated
// (COOP/COEP) so performance.now() has its finest resolution.

import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { launchOptions } from '../test/browser/engines.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

function envInt(name, fallback) {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

// serveFile answers one GET with a file under REPO, or 404.
function serveFile(req, res) {
  const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const file = path.join(REPO, path.normalize(rel));
  if (!file.startsWith(REPO + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cache-Control': 'no-store',
  });
  fs.createReadStream(file).pipe(res);
}

function startServer() {
  return new Promise((resolve, reject) => {
    const server = http.createServer(serveFile);
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// runPage opens the page and returns its benchResult; throws on benchError or timeout.
async function runPage(browser, url, timeoutMs) {
  const page = await browser.newPage();
  page.on('console', (m) => { if (m.text().startsWith('bench: round') || m.type() === 'error') process.stderr.write(`${m.text()}\n`); });
  page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
  await page.goto(url, { timeout: 30000 });
  await page.waitForFunction(() => window.benchResult || window.benchError, null, { timeout: timeoutMs, polling: 500 });
  const { result, error } = await page.evaluate(() => ({ result: window.benchResult, error: window.benchError }));
  if (error) throw new Error(`page failed: ${error}`);
  return result;
}

function header(result) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return '# Benchmark (headless Chromium) — ours on its default fast path\n\n' +
    `${new Date().toISOString()} · ${result.env.userAgent} · ${cpu} · ` +
    'shared, noisy 2-core machine; ratios come from alternating rounds in one process\n\n' +
    `${result.method} crossOriginIsolated: ${result.env.crossOriginIsolated}.\n`;
}

async function main() {
  const rounds = envInt('BENCH_ROUNDS', 45), ms = envInt('BENCH_MS', 10);
  const timeoutMs = envInt('BENCH_TIMEOUT_MS', 600000);
  const server = await startServer();
  let browser;
  try {
    browser = await chromium.launch(launchOptions({ timeout: 60000 }));
    const ops = process.env.BENCH_OPS ? `&ops=${encodeURIComponent(process.env.BENCH_OPS)}` : '';
    const url = `http://127.0.0.1:${server.address().port}/js/bench/page.html?rounds=${rounds}&ms=${ms}${ops}`;
    const result = await runPage(browser, url, timeoutMs);
    const md = `${header(result)}\n${result.markdown}\n`;
    console.log(md);
    const file = path.join(REPO, 'out', 'bench-chromium.md');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, md);
    console.log(`wrote ${path.relative(REPO, file)}`);
  } finally {
    await browser?.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
