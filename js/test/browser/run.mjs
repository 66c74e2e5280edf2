// Browser test runner: serves the repo with server.mjs, opens every test page
// in one browser engine (engines.mjs: chromium, firefox or webkit, Debian's
// own binaries), waits for the page's `window.__result`, and fails a page on
// any failed test, uncaught page error, or console error/warning it does not
// explicitly allow. In Chromium it also builds js/test/vite-app with Vite and
// checks the bundle the same way.
//
//   node js/test/browser/run.mjs [--engine=chromium|firefox|webkit|all] [--only=REGEX] [--verbose]
//
// Prints one line per page and finally `N passed, N failed` (pages); exits 1
// on any failure. Every wait is bounded; a watchdog ends a stuck run.
// BROWSER_TEST_FILES='{"/url/path":"/file"}' serves stand-in files (used to
// try the harness against stubs before the real build exists).

import { access, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';
import { ENGINES, launch } from './engines.mjs';
import { CASES, LOADERS } from './init-cases.mjs';
import { buildViteApp, startViteDev } from './vite.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../../..');
const OUT = path.join(REPO, 'out');
const B = '/js/test/browser';

const RESULT_TIMEOUT_MS = 180000;
const WATCHDOG_MS = 30 * 60000;
const SETTLE_MS = 100; // collect console output that trails __result
const SLOW_TEST_MS = 1000; // --verbose lists tests slower than this
const MAX_PARALLEL = Math.max(1, Math.min(4, os.availableParallelism())); // pages open at once, each in its own realm

// Chromium asks the Vite dev server for /favicon.ico, which it does not have.
const FAVICON_404 = /Failed to load resource.*404.*\(\S*\/favicon\.ico\)$/;

const REQUIRED = ['js/index.js', 'js/classic.js', 'js/wasm_exec.js', 'js/ruvector_learning.wasm', 'js/test/api-suite.mjs'];

// A page runs in every engine unless it names `engines` (gc() exists only in
// Chromium; the bundler apps are built once and run in Chromium).
function pages() {
  const list = [
    { name: 'esm', url: `${B}/esm.html`, screenshot: 'esm.png' },
    { name: 'classic', url: `${B}/classic.html` },
    { name: 'bare-globals', url: `${B}/bare.html` },
    { name: 'worker-module', url: `${B}/worker.html?kind=module` },
    { name: 'worker-classic', url: `${B}/worker.html?kind=classic` },
    { name: 'csp', url: `${B}/csp.html` },
    { name: 'mixed-loaders', url: `${B}/mixed.html` },
    { name: 'gc-finalization', url: `${B}/gc.html`, engines: ['chromium'] },
    { name: 'differential', url: `${B}/differential.html` },
    { name: 'bad-input', url: `${B}/bad-input.html` },
    { name: 'safety', url: `${B}/safety.html` },
    { name: 'pressure', url: `${B}/pressure.html` },
  ];
  for (const c of CASES) {
    for (const loader of LOADERS) {
      list.push({
        name: `init:${c.name}:${loader}`,
        url: `${B}/init.html?case=${encodeURIComponent(c.name)}&loader=${loader}`,
        allowConsole: c.allowConsole,
      });
    }
  }
  list.push({ name: 'vite-build', vite: 'build', url: '/', engines: ['chromium'] });
  list.push({ name: 'vite-dev', vite: 'dev', url: '/', allowConsole: [FAVICON_404], engines: ['chromium'] });
  return list;
}

function parseArgs(argv) {
  const value = (flag) => argv.find((a) => a.startsWith(`--${flag}=`))?.slice(flag.length + 3);
  const only = value('only');
  const engine = value('engine') ?? 'chromium';
  const engines = engine === 'all' ? ENGINES : engine.split(',');
  for (const e of engines) if (!ENGINES.includes(e)) throw new Error(`--engine=${e}: not one of ${ENGINES.join(', ')}, all`);
  return { only: only ? new RegExp(only) : null, verbose: argv.includes('--verbose'), engines };
}

async function missingFiles(files) {
  const missing = [];
  for (const f of REQUIRED) {
    const urlPath = '/' + f;
    if (files[urlPath]) continue;
    await access(path.join(REPO, f)).catch(() => missing.push(f));
  }
  return missing;
}

// Opens one page and returns { result, problems: [string], logs: [string], ms };
// never rejects.
async function loadPage(browser, baseUrl, spec) {
  const started = Date.now();
  let page;
  try {
    page = await browser.open(baseUrl + spec.url, { allowConsole: spec.allowConsole });
    const result = await page.waitForResult(RESULT_TIMEOUT_MS);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    if (spec.screenshot) await saveScreenshot(page, `${browser.name}-${spec.screenshot}`);
    const { problems, logs } = await page.messages();
    return { result, problems, logs, ms: Date.now() - started };
  } catch (e) {
    const { problems, logs } = (await page?.messages().catch(() => null)) ?? { problems: [], logs: [] };
    problems.push(`runner: ${e.message.split('\n')[0]}`);
    return { result: null, problems, logs, ms: Date.now() - started };
  } finally {
    await page?.close();
  }
}

async function saveScreenshot(page, file) {
  const dir = path.join(OUT, 'browser');
  await mkdir(dir, { recursive: true });
  await page.screenshot(path.join(dir, file)).catch(() => {});
}

function report(engine, spec, { result, problems, logs, ms }, verbose) {
  const tests = result ? result.passed + result.failed : 0;
  const ok = result !== null && result.failed === 0 && result.passed > 0 && problems.length === 0;
  const summary = result ? `${result.passed}/${tests} tests passed` : 'no result';
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${engine.padEnd(8)} ${spec.name.padEnd(36)} ${summary.padEnd(22)} ${(ms / 1000).toFixed(1)} s`);
  if (!ok || verbose) {
    for (const f of result?.failures ?? []) console.log(`       - ${f.name}: ${f.message}`);
    if (result && result.passed === 0 && result.failed === 0) console.log('       - the page ran no tests');
    for (const p of problems) console.log(`       ! ${p}`);
  }
  if (verbose) {
    for (const t of result?.tests ?? []) if (t.ms >= SLOW_TEST_MS) console.log(`       ~ slow: ${t.name} ${t.ms} ms`);
    for (const l of logs) console.log(`       > ${l}`);
  }
  return ok;
}

async function runVite(browser, spec) {
  return spec.vite === 'dev' ? runViteDev(browser, spec) : runViteBuild(browser, spec);
}

async function runViteBuild(browser, spec) {
  const outDir = path.join(OUT, 'vite-app');
  let problems;
  try {
    problems = await buildViteApp(outDir);
  } catch (e) {
    return { result: null, problems: [`vite build failed: ${e.message.split('\n')[0]}`], logs: [], ms: 0 };
  }
  const srv = await startServer({ root: outDir });
  try {
    const r = await loadPage(browser, srv.url, spec);
    return { ...r, problems: [...problems, ...r.problems] };
  } finally {
    await srv.close();
  }
}

async function runViteDev(browser, spec) {
  let dev;
  try {
    dev = await startViteDev();
  } catch (e) {
    return { result: null, problems: [`vite dev server failed: ${e.message.split('\n')[0]}`], logs: [], ms: 0 };
  }
  try {
    return await loadPage(browser, dev.url, spec);
  } finally {
    await dev.close();
  }
}

// Runs `work` (which must not reject) on up to `limit` items at a time and
// calls `done` with each result in list order. Item i is always started by the
// time items 0..i-1 are done, because each finished item starts the next.
async function inOrder(items, limit, work, done) {
  const running = [];
  let next = 0;
  const startNext = () => {
    if (next >= items.length) return;
    const i = next++;
    running[i] = work(items[i]).finally(startNext);
  };
  for (let k = 0; k < limit; k++) startNext();
  for (let i = 0; i < items.length; i++) done(items[i], await running[i]);
}

// Runs the pages of one engine; returns [passed, failed].
async function runEngine(name, list, files, verbose) {
  let passed = 0;
  let failed = 0;
  const mine = list.filter((p) => !p.engines || p.engines.includes(name));
  if (mine.length === 0) return [0, 0];
  let browser;
  try {
    browser = await launch(name, { timeoutMs: 60000 });
  } catch (e) {
    console.log(`FAIL ${name.padEnd(8)} launch: ${e.message.split('\n')[0]}`);
    return [0, 1];
  }
  console.log(`# ${name} ${browser.version}`);
  const srv = await startServer({ root: REPO, files, capture: browser.needsCapture });
  try {
    const tally = (spec, r) => (report(name, spec, r, verbose) ? passed++ : failed++);
    const inBrowser = mine.filter((p) => !p.vite);
    const limit = Math.min(MAX_PARALLEL, browser.parallel);
    await inOrder(inBrowser, limit, (spec) => loadPage(browser, srv.url, spec), tally);
    for (const spec of mine.filter((p) => p.vite)) tally(spec, await runVite(browser, spec));
  } finally {
    await browser.close().catch(() => {});
    await srv.close();
  }
  return [passed, failed];
}

async function main() {
  const { only, verbose, engines } = parseArgs(process.argv.slice(2));
  const files = JSON.parse(process.env.BROWSER_TEST_FILES ?? '{}');
  const missing = await missingFiles(files);
  if (missing.length) {
    console.log(`FAIL missing ${missing.join(', ')} (run make build first)`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  const list = pages().filter((p) => !only || only.test(p.name));
  let passed = 0;
  let failed = 0;
  let ran = 0;
  for (const name of engines) {
    const started = Date.now();
    const [p, f] = await runEngine(name, list, files, verbose);
    if (p + f) console.log(`# ${name}: ${p + f} pages in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    passed += p;
    failed += f;
    ran += p + f;
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed || ran === 0 ? 1 : 0;
}

const watchdog = setTimeout(() => {
  console.log(`FAIL watchdog: run exceeded ${WATCHDOG_MS / 60000} min`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

main().then(
  (code) => process.exit(code),
  (e) => {
    console.log(`FAIL runner: ${e.stack ?? e}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
