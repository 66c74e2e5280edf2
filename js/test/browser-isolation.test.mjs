// Isolation of module Web Workers in headless Chromium: serves the repository
// with js/test/browser/server.mjs, opens js/test/browser/isolation.html, which
// runs two workers (each importing /js/index.js, with its own objects)
// through interleaved deterministic training sequences and checks their
// results against a third worker running each sequence alone. Fails on a
// failed check, any console error (page or worker) or page error.
//
//   node --test js/test/browser-isolation.test.mjs
// Needs /usr/bin/chromium (never downloads one); loopback only; every wait is bounded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './browser/server.mjs';
import { launchOptions } from './browser/engines.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PAGE = '/js/test/browser/isolation.html';
const LAUNCH = launchOptions({ timeout: 60_000 });
const GOTO_TIMEOUT_MS = 60_000;
const RESULT_TIMEOUT_MS = 180_000;

let server = null;
let browser = null;

before(async () => {
  server = await startServer({ root: REPO });
  browser = await chromium.launch(LAUNCH);
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.close();
});

/** Opens the page; returns { result, problems, logs } (problems: console errors, page errors, crashes). */
async function openPage(url) {
  const context = await browser.newContext();
  const problems = [];
  const logs = [];
  context.on('console', (msg) => {
    const text = `${msg.worker?.() ? 'worker ' : ''}console.${msg.type()}: ${msg.text()} (${msg.location()?.url || 'no url'})`;
    logs.push(text);
    if (msg.type() === 'error') problems.push(text);
  });
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.name}: ${e.message}`));
    page.on('crash', () => problems.push('page crashed'));
    await page.goto(url, { timeout: GOTO_TIMEOUT_MS, waitUntil: 'load' });
    await page.waitForFunction(() => globalThis.__result !== undefined, null, { timeout: RESULT_TIMEOUT_MS });
    const result = await page.evaluate(() => globalThis.__result);
    await page.waitForTimeout(100); // console output that trails __result
    return { result, problems, logs };
  } finally {
    await context.close().catch(() => {});
  }
}

test('browser isolation: two module workers training interleaved match each sequence run alone', { timeout: 300_000 }, async (t) => {
  const { result, problems, logs } = await openPage(server.url + PAGE);
  for (const line of logs) t.diagnostic(line);
  for (const tc of result.tests ?? []) t.diagnostic(`${tc.status} ${tc.name}`);
  const failures = (result.failures ?? []).map((f) => `${f.name}: ${f.message}`);
  assert.deepEqual(failures, [], 'page checks');
  assert.ok(result.passed >= 4, `checks passed: ${result.passed}`);
  assert.deepEqual(problems, [], 'no console errors, page errors or crashes');
});
