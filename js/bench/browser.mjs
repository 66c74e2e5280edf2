// browser.mjs — runs the side-by-side benchmark (harness.mjs, through
// page.html/page.mjs) in a browser engine: Chromium, Firefox or WebKit, each
// started by js/test/browser/engines.mjs (Debian's own binaries). Serves the
// repo root on 127.0.0.1 (a free port) cross-origin isolated (COOP/COEP, so
// performance.now() has its finest step: 5 µs in Chromium, 20 µs in Firefox
// and WebKit), opens one fresh page per dim, waits (bounded) for its result,
// and writes out/bench-<engine>.md with one table per dim.
//
//   node js/bench/browser.mjs [--engine=chromium|firefox|webkit|all]   (default all)
//   node js/bench/browser.mjs --aa ...   the reference in ours's place too (an A/A
//                                        run: its ratios are the harness's own bias)
//                                        → out/bench-<engine>-aa.md
//
// Engines run one after another, never side by side. With --engine=all an
// engine whose binaries are missing is skipped with a note (`make browsers`
// installs them); named alone, it is an error.
// Env: BENCH_DIMS (comma-separated, default 16,64,128,256,1024,4096),
// BENCH_OPS (comma-separated op names, default all), BENCH_ROUNDS (default
// 45), BENCH_MS (target ms per batch, default 10), BENCH_TIMEOUT_MS (per
// page, default 600000).

import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINES, available, launch } from '../test/browser/engines.mjs';
import { mimeType } from '../test/browser/server.mjs';
import { parseDims, report } from './harness.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const POLL_MS = 1000;
const LABELS = { chromium: 'Chromium, headless', firefox: 'Firefox ESR, headless', webkit: 'WebKitGTK MiniBrowser under Xvfb' };

function envInt(name, fallback) {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

// serveFile answers one GET with a file under REPO (cross-origin isolated), or 404.
function serveFile(req, res) {
  const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const file = path.join(REPO, path.normalize(rel));
  if (!file.startsWith(REPO + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, {
    'Content-Type': mimeType(file),
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

// The page-side probe browser.mjs polls: new log lines, the result, an error.
const probe = (from) => ({
  lines: (globalThis.__benchLog ?? []).slice(from),
  result: globalThis.__result ?? null,
  error: globalThis.__benchError ?? null,
});

// runPage opens one page (one dim) and returns its runBench result, echoing
// the page's progress; throws on the page's error or after timeoutMs.
async function runPage(browser, url, timeoutMs, log) {
  const page = await browser.open(url);
  try {
    const end = Date.now() + timeoutMs;
    let seen = 0;
    for (;;) {
      const { lines, result, error } = await page.evaluate(probe, seen);
      seen += lines.length;
      for (const l of lines) if (!l.includes('\n') && (!/round \d/.test(l) || /round (\d+)\/\1$/.test(l))) log(l);
      if (error) throw new Error(`page failed: ${error}`);
      if (result) return result;
      if (!browser.needsCapture) { // WebKit reports uncaught errors only with the capture script
        const { problems } = await page.messages();
        if (problems.some((p) => p.startsWith('pageerror'))) throw new Error(`page failed: ${problems.join('; ')}`);
      }
      if (Date.now() > end) throw new Error(`no result within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  } finally {
    await page.close();
  }
}

// benchEngine runs every dim in one engine and writes out/bench-<engine>.md.
async function benchEngine(engine, base, { dims, rounds, ms, ops, timeoutMs, aa }) {
  const log = (msg) => process.stderr.write(`bench ${engine}: ${msg}\n`);
  const browser = await launch(engine, { gc: false });
  const results = [];
  try {
    log(`${browser.version}`);
    for (const dim of dims) {
      const url = `${base}/js/bench/page.html?dim=${dim}&rounds=${rounds}&ms=${ms}${ops ? `&ops=${encodeURIComponent(ops)}` : ''}${aa ? '&aa=1' : ''}`;
      results.push(await runPage(browser, url, timeoutMs, log));
    }
  } finally {
    await browser.close();
  }
  const env = results[0]?.env ?? {};
  const context = `${new Date().toISOString()} · ${engine} ${browser.version} · ${env.userAgent} · ` +
    `${os.cpus()[0]?.model ?? 'unknown CPU'} · shared, noisy 2-core machine; ratios come from alternating rounds ` +
    `in one page per dim · crossOriginIsolated: ${env.crossOriginIsolated}`;
  const what = aa ? 'A/A: the reference in both columns, the harness\'s own bias' : 'ours on its default fast path';
  const md = report(`Benchmark (${LABELS[engine] ?? engine}) — ${what}`, context, results);
  console.log(md);
  const file = path.join(REPO, 'out', `bench-${engine}${aa ? '-aa' : ''}.md`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, md);
  console.log(`wrote ${path.relative(REPO, file)}`);
}

function engines() {
  const arg = process.argv.find((a) => a.startsWith('--engine='))?.slice('--engine='.length) ?? 'all';
  if (arg === 'all') {
    return ENGINES.filter((e) => available(e) || (process.stderr.write(`bench: ${e} is not installed, skipped (make browsers)\n`), false));
  }
  const names = arg.split(',');
  for (const e of names) {
    if (!ENGINES.includes(e)) throw new Error(`unknown engine ${e} (one of ${ENGINES.join(', ')}, all)`);
    if (!available(e)) throw new Error(`${e} is not installed (make browsers)`);
  }
  return names;
}

async function main() {
  const opts = {
    dims: parseDims(process.env.BENCH_DIMS),
    rounds: envInt('BENCH_ROUNDS', 45),
    ms: envInt('BENCH_MS', 10),
    ops: process.env.BENCH_OPS ?? '',
    timeoutMs: envInt('BENCH_TIMEOUT_MS', 600000),
    aa: process.argv.includes('--aa'),
  };
  const list = engines();
  const server = await startServer();
  try {
    const base = `http://127.0.0.1:${server.address().port}`;
    for (const engine of list) await benchEngine(engine, base, opts);
  } finally {
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
