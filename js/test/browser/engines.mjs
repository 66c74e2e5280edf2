// engines.mjs — the ONE place that knows how to start each browser engine the
// tests and benchmarks run in, always Debian's own binaries (never a
// downloaded browser), behind a small engine-neutral API:
//
//   import { ENGINES, launch } from './engines.mjs';
//   for (const name of ENGINES) {                 // 'chromium', 'firefox', 'webkit'
//     const browser = await launch(name);          // { name, version, parallel, gc, close() }
//     const page = await browser.open(url, { allowConsole: [/regex/] });  // navigates, waits for load
//     const result = await page.waitForResult();   // polls globalThis.__result (bounded), returns it
//     const y = await page.evaluate((x) => x * 2, 21);  // fn runs in the page; arg and value are JSON
//     await page.waitFor(() => document.title !== '');  // until fn() is truthy (bounded)
//     const { problems, logs } = await page.messages(); // problems: console.error/warning not in
//                                                 // allowConsole, uncaught errors, rejections, crashes
//     await page.screenshot('/abs/file.png');
//     await page.close();
//     await browser.close();
//   }
//
// browser.parallel is how many pages may be open at once (open() waits for a
// free slot, so callers need not care); browser.gc says whether pages have a
// global gc() (Chromium's --js-flags=--expose-gc). Each page gets a fresh
// realm (Chromium: its own context; Firefox: its own context; WebKit: the one
// window navigated anew), so init() state never carries over.
//
// The engines:
//   chromium  /usr/bin/chromium through playwright-core, headless, as root (so
//             --no-sandbox), background networking off (the closed network
//             refuses it). launchOptions() is what chromium.launch takes.
//   firefox   /usr/bin/firefox-esr (Debian's firefox-esr) through puppeteer-core
//             over WebDriver BiDi, headless; no geckodriver.
//   webkit    WebKitGTK's MiniBrowser (Debian's webkit2gtk-driver) driven by
//             WebKitWebDriver through selenium-webdriver, on an Xvfb display
//             started here (MiniBrowser has no headless mode). WebDriver
//             classic gives no console events, so pages must load CAPTURE_URL
//             first: server.mjs does that when started with { capture: true }
//             (pass browser.needsCapture); it records console.error/warn,
//             uncaught errors and rejections of the page (not of its workers).
//
// Every child process (Xvfb, WebKitWebDriver, MiniBrowser, the browsers) is
// ended by close(), and on process exit if close() was never reached.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

export const CHROMIUM_BIN = '/usr/bin/chromium';
export const FIREFOX_BIN = '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER_BIN = '/usr/bin/WebKitWebDriver';
export const MINIBROWSER_BIN = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const BINARIES = { chromium: [CHROMIUM_BIN], firefox: [FIREFOX_BIN], webkit: [WEBKIT_DRIVER_BIN, MINIBROWSER_BIN, '/usr/bin/Xvfb'] };

// The capture script's URL path (served by server.mjs with { capture: true }).
export const CAPTURE_URL = '/__capture.js';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync'];

// launchOptions is what playwright-core's chromium.launch takes; extraArgs come first.
export function launchOptions({ timeout = 60_000, extraArgs = [] } = {}) {
  return { executablePath: CHROMIUM_BIN, headless: true, timeout, args: [...extraArgs, ...CHROMIUM_ARGS] };
}

// Which engines' binaries are installed (`make browsers` installs them all).
export function available(name) {
  return BINARIES[name]?.every((f) => existsSync(f)) ?? false;
}

const DEFAULT_RESULT_TIMEOUT_MS = 120_000;
const GOTO_TIMEOUT_MS = 30_000;
const POLL_MS = 50;

/**
 * Starts one engine. Options: timeoutMs (launch), gc (Chromium: expose gc(),
 * default true).
 */
export async function launch(name, { timeoutMs = 60_000, gc = true } = {}) {
  if (name === 'chromium') return launchChromium(timeoutMs, gc);
  if (name === 'firefox') return launchFirefox(timeoutMs);
  if (name === 'webkit') return launchWebKit(timeoutMs);
  throw new Error(`unknown engine ${name} (one of ${ENGINES.join(', ')})`);
}

// ---- shared bookkeeping ----------------------------------------------------

// A counting semaphore: open() takes a slot, page.close() gives it back.
function slots(n) {
  let free = n;
  const waiting = [];
  return {
    take: () => (free > 0 ? (free--, Promise.resolve()) : new Promise((r) => waiting.push(r))),
    give: () => (waiting.length ? waiting.shift()() : free++),
  };
}

// Collects console lines and page errors; `allowed` regexes excuse console lines.
function recorder(allowed = []) {
  const problems = [];
  const logs = [];
  return {
    problems,
    logs,
    console(type, text, url, where = '') {
      const line = `${text} (${url || 'no url'})`;
      const shown = `${where}console.${type}: ${line}`;
      logs.push(shown);
      if ((type === 'error' || type === 'warning' || type === 'warn') && !allowed.some((re) => re.test(line))) problems.push(shown);
    },
    error(text) {
      problems.push(`pageerror: ${text}`);
    },
  };
}

async function pollUntil(check, timeoutMs, what) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

// The page-side half of waitForResult, in every engine.
const hasResult = () => globalThis.__result !== undefined;
const readResult = () => globalThis.__result;

// Ends child processes on exit if close() never ran.
const children = new Set();
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});
function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

// ---- Chromium (playwright-core) ---------------------------------------------

async function launchChromium(timeoutMs, gc) {
  const { chromium } = await import('playwright-core');
  const extraArgs = gc ? ['--js-flags=--expose-gc'] : [];
  const browser = await chromium.launch(launchOptions({ timeout: timeoutMs, extraArgs }));
  const pool = slots(4);
  return {
    name: 'chromium',
    version: browser.version(),
    parallel: 4,
    gc,
    needsCapture: false,
    raw: browser,
    async open(url, { allowConsole } = {}) {
      await pool.take();
      const rec = recorder(allowConsole);
      let context;
      try {
        context = await browser.newContext();
        const page = await context.newPage();
        context.on('console', (msg) => rec.console(msg.type(), msg.text(), msg.location()?.url, msg.worker?.() ? 'worker ' : ''));
        page.on('pageerror', (e) => rec.error(`${e.name}: ${e.message}`));
        page.on('crash', () => rec.error('page crashed'));
        const handle = pageHandle({
          evaluate: (fn, arg) => page.evaluate(fn, arg),
          screenshot: (file) => page.screenshot({ path: file, fullPage: true, timeout: 10_000 }),
          messages: async () => rec,
          close: () => context.close(),
          release: pool.give,
        });
        await page.goto(url, { timeout: GOTO_TIMEOUT_MS, waitUntil: 'load' }).catch((e) => handle.fail(e));
        return handle;
      } catch (e) {
        await context?.close().catch(() => {});
        pool.give();
        throw e;
      }
    },
    close: () => browser.close(),
  };
}

// ---- Firefox (puppeteer-core over WebDriver BiDi) -----------------------------

async function launchFirefox(timeoutMs) {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_BIN,
    headless: true,
    timeout: timeoutMs,
    // No telemetry, updates or remote settings: the network is closed.
    extraPrefsFirefox: { 'app.update.enabled': false, 'datareporting.policy.dataSubmissionEnabled': false },
  });
  const proc = browser.process();
  if (proc) track(proc);
  const version = (await browser.version()).replace(/^firefox\//i, '');
  const pool = slots(2);
  const lock = slots(1);
  const lifecycle = async (fn) => {
    await lock.take();
    try {
      return await fn();
    } finally {
      lock.give();
    }
  };
  return {
    name: 'firefox',
    version,
    parallel: 2,
    gc: false,
    needsCapture: false,
    raw: browser,
    async open(url, { allowConsole } = {}) {
      await pool.take();
      const rec = recorder(allowConsole);
      let context;
      try {
        // Creating and closing contexts concurrently makes Firefox's BiDi
        // report "no such frame" now and then, so those steps take turns.
        let page;
        await lifecycle(async () => {
          context = await browser.createBrowserContext();
          page = await context.newPage();
        });
        page.on('console', (msg) => {
          const type = msg.type() === 'warn' ? 'warning' : msg.type();
          rec.console(type, msg.text(), msg.location()?.url);
        });
        page.on('pageerror', (e) => rec.error(e instanceof Error ? `${e.name}: ${e.message}` : String(e)));
        const handle = pageHandle({
          evaluate: (fn, arg) => page.evaluate(fn, arg),
          screenshot: (file) => page.screenshot({ path: file, fullPage: true }),
          messages: async () => rec,
          close: () => lifecycle(() => context.close()),
          release: pool.give,
        });
        await page.goto(url, { timeout: GOTO_TIMEOUT_MS, waitUntil: 'load' }).catch((e) => handle.fail(e));
        return handle;
      } catch (e) {
        await lifecycle(() => context?.close()).catch(() => {});
        pool.give();
        throw e;
      }
    },
    close: () => browser.close(),
  };
}

// ---- WebKit (WebKitWebDriver + MiniBrowser under Xvfb, selenium-webdriver) ---

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// Starts Xvfb on a free display (it prints the number it chose on fd 3).
async function startXvfb(timeoutMs) {
  const x = track(spawn('Xvfb', ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '1280x1024x24'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] }));
  let stderr = '';
  x.stderr.on('data', (d) => (stderr += d));
  const display = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start within ${timeoutMs} ms: ${stderr}`)), timeoutMs);
    x.stdio[3].once('data', (d) => (clearTimeout(timer), resolve(`:${String(d).trim()}`)));
    x.once('exit', (code) => (clearTimeout(timer), reject(new Error(`Xvfb exited ${code}: ${stderr}`))));
  });
  return { display, stop: () => x.kill() };
}

async function startWebKitDriver(display, timeoutMs) {
  const port = await freePort();
  const d = track(spawn(WEBKIT_DRIVER_BIN, [`--port=${port}`, '--host=127.0.0.1'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DISPLAY: display } }));
  let out = '';
  d.stdout.on('data', (c) => (out += c));
  d.stderr.on('data', (c) => (out += c));
  const url = `http://127.0.0.1:${port}`;
  await pollUntil(async () => {
    if (d.exitCode !== null) throw new Error(`WebKitWebDriver exited ${d.exitCode}: ${out}`);
    return fetch(`${url}/status`).then((r) => r.ok, () => false);
  }, timeoutMs, 'WebKitWebDriver');
  return { url, stop: () => d.kill() };
}

async function launchWebKit(timeoutMs) {
  const { Builder } = await import('selenium-webdriver');
  const xvfb = await startXvfb(timeoutMs);
  let driverServer;
  let driver;
  try {
    driverServer = await startWebKitDriver(xvfb.display, timeoutMs);
    driver = await new Builder()
      .usingServer(driverServer.url)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER_BIN, args: ['--automation'] },
      })
      .build();
    await driver.manage().setTimeouts({ script: DEFAULT_RESULT_TIMEOUT_MS, pageLoad: GOTO_TIMEOUT_MS });
  } catch (e) {
    driverServer?.stop();
    xvfb.stop();
    throw e;
  }
  const caps = await driver.getCapabilities();
  const pool = slots(1); // one window, navigated anew for each page
  // fn runs in the page with the JSON arg; its (awaited) value comes back as JSON.
  const evaluate = async (fn, arg) => {
    const script = `const done = arguments[arguments.length - 1];
Promise.resolve().then(() => (${fn.toString()})(arguments[0]))
  .then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ error: String(e && e.stack || e) }));`;
    const r = await driver.executeAsyncScript(script, arg ?? null);
    if (r && 'error' in r) throw new Error(`evaluate: ${r.error}`);
    return r?.ok;
  };
  return {
    name: 'webkit',
    version: `WebKitGTK ${caps.get('browserVersion')}`,
    parallel: 1,
    gc: false,
    needsCapture: true,
    raw: driver,
    async open(url, { allowConsole } = {}) {
      await pool.take();
      const rec = recorder(allowConsole);
      let read = 0; // entries of the page's __console already recorded
      const messages = async () => {
        const entries = await evaluate(() => globalThis.__console ?? null).catch(() => null);
        if (entries === null) {
          if (read === 0) rec.error(`the page did not load ${CAPTURE_URL} (start server.mjs with { capture: true })`);
          read = -1;
          return rec;
        }
        for (const e of entries.slice(read)) {
          if (e.type === 'pageerror') rec.error(e.text);
          else rec.console(e.type, e.text, e.url);
        }
        read = entries.length;
        return rec;
      };
      const handle = pageHandle({
        evaluate,
        screenshot: async (file) => {
          const { writeFile } = await import('node:fs/promises');
          await writeFile(file, Buffer.from(await driver.takeScreenshot(), 'base64'));
        },
        messages,
        close: () => driver.get('about:blank'),
        release: pool.give,
      });
      await driver.get(url).catch((e) => handle.fail(e));
      return handle;
    },
    async close() {
      await driver.quit().catch(() => {});
      driverServer.stop();
      xvfb.stop();
    },
  };
}

// ---- the page handle -------------------------------------------------------------

function pageHandle({ evaluate, screenshot, messages, close, release }) {
  let navError = null;
  let closed = false;
  const handle = {
    fail(e) {
      navError = e;
    },
    evaluate(fn, arg) {
      return evaluate(fn, arg);
    },
    waitFor(fn, arg, timeoutMs = DEFAULT_RESULT_TIMEOUT_MS) {
      if (navError) return Promise.reject(navError);
      return pollUntil(() => evaluate(fn, arg), timeoutMs, `${fn}`);
    },
    // Waits (bounded) for the page's globalThis.__result and returns it.
    async waitForResult(timeoutMs = DEFAULT_RESULT_TIMEOUT_MS) {
      if (navError) throw navError;
      await pollUntil(() => evaluate(hasResult), timeoutMs, 'globalThis.__result');
      return evaluate(readResult);
    },
    async messages() {
      const rec = await messages();
      return { problems: [...rec.problems], logs: [...rec.logs] };
    },
    screenshot,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await close();
      } catch {
        // the page or its context is gone already
      } finally {
        release();
      }
    },
  };
  return handle;
}
