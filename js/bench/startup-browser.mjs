// startup-browser.mjs — the Chromium half of startup.mjs: start-up samples
// of each mode in startup-page.mjs, each in a fresh browser context (its own
// cache; the server also sends no-store, so no compiled code is reused).
//
//   const { ms, version } = await measureChromium(n, helloWasm, modes);  // ms: { mode: [ms…] }

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { launchOptions } from '../test/browser/engines.mjs';
import { startServer } from '../test/browser/server.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLE_TIMEOUT_MS = 60_000;

// sample opens the page for one mode in a fresh context and returns its ms.
async function sample(browser, url) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.startupResult || window.startupError, null, { timeout: SAMPLE_TIMEOUT_MS });
    const { result, error } = await page.evaluate(() => ({ result: window.startupResult, error: window.startupError }));
    if (error) throw new Error(`start-up page: ${error}`);
    return result.ms;
  } finally {
    await context.close();
  }
}

// measureChromium: n samples per mode (modes: names of startup-page.mjs's
// modes), the mode order rotating from pass to pass, the floor's wasm served
// from helloWasm.
export async function measureChromium(n, helloWasm, modes, log = () => {}) {
  const srv = await startServer({ root: REPO, files: { '/__floor/hello.wasm': helloWasm } });
  const browser = await chromium.launch(launchOptions());
  try {
    const ms = Object.fromEntries(modes.map((m) => [m, []]));
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < modes.length; j++) {
        const mode = modes[(i + j) % modes.length];
        ms[mode].push(await sample(browser, `${srv.url}/js/bench/startup-page.html?mode=${mode}&hello=/__floor/hello.wasm`));
      }
      log(`chromium pass ${i + 1}/${n}`);
    }
    return { ms, version: browser.version() };
  } finally {
    await browser.close();
    await srv.close();
  }
}
