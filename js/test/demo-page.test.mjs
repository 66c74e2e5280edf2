// The browser demo page (js/demo/page/) in headless Chromium: serves the
// repository with js/test/browser/server.mjs on 127.0.0.1 (port 0), opens the
// page and checks that
//   - the simulated optimizer runs (window.__demo.rounds grows) and each of the
//     three charts has drawn coloured series pixels (canvas getImageData);
//   - Pause stops it, Reset clears the charts, and changing the dimension and
//     learning-rate controls restarts the run, which draws again;
//   - the page's numbers equal `node js/demo/optimizer.mjs` for the same settings;
//   - there is no console error or warning, no page error, and no request to
//     anything but the local server.
// Saves a screenshot to out/demo/demo.png (git-ignored).
//
//   node --test js/test/demo-page.test.mjs     (after `make build`)
// Needs /usr/bin/chromium (never downloads one); loopback only; every wait is bounded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { startServer } from './browser/server.mjs';
import { launchOptions } from './browser/engines.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT_DIR = path.join(REPO, 'out', 'demo');
const PAGE = '/js/demo/page/';
const LAUNCH = launchOptions({ timeout: 60_000 });
const VIEWPORT = { width: 1360, height: 1000 };
const GOTO_TIMEOUT_MS = 30_000;
const WAIT_MS = 60_000; // any single wait for the page
const TEST_TIMEOUT_MS = 180_000;
const MIN_ROUNDS = 30; // rounds to wait for before looking at the charts
const MIN_COLOURED = 100; // saturated pixels a chart with series must have
const CHARTS = ['chart-delta', 'chart-improvement', 'chart-success'];

let server = null;
let browser = null;

before(async () => {
  for (const f of ['js/ruvector_learning.wasm', 'js/wasm_exec.js']) {
    await access(path.join(REPO, f)).catch(() => {
      throw new Error(`${f} is missing: run \`make build\` first`);
    });
  }
  server = await startServer({ root: REPO, port: 0 });
  browser = await chromium.launch(LAUNCH);
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.close();
});

/**
 * Opens the demo page in a fresh context. `problems` collects console errors
 * and warnings, page errors, crashes, failed requests and any request that is
 * not to the local server.
 */
async function openDemo(query = '') {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const problems = [];
  const logs = [];
  context.on('console', (msg) => {
    const text = `console.${msg.type()}: ${msg.text()} (${msg.location()?.url || 'no url'})`;
    logs.push(text);
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(text);
  });
  context.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(server.url + '/') && !url.startsWith('data:')) problems.push(`external request: ${url}`);
  });
  context.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
  context.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.name}: ${e.message}`));
  page.on('crash', () => problems.push('page crashed'));
  await page.goto(server.url + PAGE + query, { timeout: GOTO_TIMEOUT_MS, waitUntil: 'load' });
  return { context, page, problems, logs };
}

const demo = (page) => page.evaluate(() => ({ ...window.__demo, series: undefined }));

/** Waits until `fn(window.__demo)` holds; fails with the page's state otherwise. */
async function waitDemo(page, fn, arg, what) {
  const predicate = `(() => { const d = window.__demo; return !!d && (!!d.error || (${fn})(d, ${JSON.stringify(arg ?? null)})); })()`;
  try {
    await page.waitForFunction(predicate, null, { timeout: WAIT_MS, polling: 50 });
  } catch (err) {
    throw new Error(`timed out waiting for ${what}; window.__demo = ${JSON.stringify(await demo(page).catch(() => null))}`, { cause: err });
  }
  const d = await demo(page);
  assert.equal(d.error, null, `page reported an error while waiting for ${what}`);
  return d;
}

/** Per chart: { width, height, nonBlank, coloured } from getImageData over the whole canvas (a copy of it). */
function chartPixels(page) {
  return page.evaluate((ids) => ids.map((id) => {
    const canvas = document.getElementById(id);
    // Read a copy: repeated getImageData on the chart's own context makes
    // Chromium warn (willReadFrequently), and this test fails on warnings.
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(canvas, 0, 0);
    const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
    let nonBlank = 0, coloured = 0;
    for (let i = 0; i < data.length; i += 4) {
      const a = data[i + 3];
      if (a === 0) continue;
      nonBlank++;
      const r = data[i], g = data[i + 1], b = data[i + 2];
      // Grid, axes and labels are grey; only series are saturated.
      if (a >= 128 && Math.max(r, g, b) - Math.min(r, g, b) >= 60) coloured++;
    }
    return { id, width: canvas.width, height: canvas.height, nonBlank, coloured };
  }), CHARTS);
}

async function assertChartsDrawn(page, when) {
  const pixels = await chartPixels(page);
  for (const p of pixels) {
    assert.ok(p.width > 100 && p.height > 100, `${when}: #${p.id} has a real size (${p.width}x${p.height})`);
    assert.ok(p.coloured >= MIN_COLOURED, `${when}: #${p.id} shows series (${p.coloured} coloured pixels, ${p.nonBlank} non-blank)`);
  }
  return pixels;
}

function assertNoProblems(problems, logs) {
  assert.deepEqual(problems, [], `console/page problems:\n${problems.join('\n')}\nlog:\n${logs.join('\n')}`);
}

test('the demo page runs, draws, and restarts on control changes', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { context, page, problems, logs } = await openDemo('?rounds=500');
  try {
    // Runs on its own and draws all three charts.
    let d = await waitDemo(page, (d, n) => d.rounds >= n, MIN_ROUNDS, `${MIN_ROUNDS} rounds`);
    assert.equal(d.dim, 64);
    assert.equal(d.lr, 0.3);
    assert.equal(d.seed, 42);
    assert.deepEqual(d.ops, ['SeqScan', 'HnswScan', 'HashJoin', 'MergeJoin', 'Aggregate', 'Filter', 'Sort', 'VectorDistance']);
    await assertChartsDrawn(page, 'first run');
    const series = await page.evaluate(() => window.__demo.series());
    assert.ok(series.deltaNorm.every((s) => s.length >= MIN_ROUNDS && s.every((v) => Number.isFinite(v) && v >= 0)),
      'delta norms are finite and non-negative');
    assert.ok(series.success.every((s) => s.every((v) => v === null || (v >= 0 && v <= 1))), 'success rates in [0, 1]');

    // Pause holds the round count; Resume continues.
    await page.click('#run');
    d = await waitDemo(page, (d) => !d.running, null, 'pause');
    const paused = d.rounds;
    await page.waitForTimeout(300);
    assert.equal((await demo(page)).rounds, paused, 'no rounds run while paused');
    assert.equal(await page.textContent('#run'), 'Resume');
    await page.click('#run');
    await waitDemo(page, (d, n) => d.rounds > n || d.done, paused, 'resume');

    // Reset: back to round 0, paused, charts without series.
    await page.click('#reset');
    d = await waitDemo(page, (d) => d.rounds === 0 && !d.running, null, 'reset');
    const blank = await chartPixels(page);
    for (const p of blank) assert.ok(p.coloured < 10, `after reset #${p.id} has no series (${p.coloured} coloured pixels)`);
    assert.equal(await page.textContent('#run'), 'Start');
    await page.click('#run');
    await waitDemo(page, (d, n) => d.rounds >= n, MIN_ROUNDS, 'start after reset');
    await assertChartsDrawn(page, 'after reset and start');

    // Dimension: a new run with dim 128, which draws again.
    let before = await demo(page);
    await page.selectOption('#dim', '128');
    d = await demo(page);
    assert.ok(d.runId > before.runId, 'changing the dimension starts a new run');
    assert.ok(d.rounds < before.rounds, `the run restarted (round ${d.rounds} after ${before.rounds})`);
    assert.equal(d.dim, 128);
    assert.equal(d.runs.at(-1).reason, 'dim');
    d = await waitDemo(page, (d, n) => d.rounds >= n && d.dim === 128, MIN_ROUNDS, 'the dim-128 run');
    await assertChartsDrawn(page, 'after changing the dimension');
    assert.match(page.url(), /[?&]dim=128\b/, 'the URL records the dimension');

    // Learning rate: the range input steps through presets; pick 0.5.
    before = d;
    const lrIndex = await page.evaluate(() => {
      const input = document.getElementById('lr');
      for (let i = Number(input.min); i <= Number(input.max); i++) {
        input.value = String(i);
        input.dispatchEvent(new Event('input'));
        if (document.getElementById('lr-out').textContent === '0.5') return i;
      }
      return -1;
    });
    assert.ok(lrIndex >= 0, 'the learning-rate control offers 0.5');
    await page.fill('#lr', String(lrIndex)); // sets the value and fires input + change
    d = await demo(page);
    assert.ok(d.runId > before.runId, 'changing the learning rate starts a new run');
    assert.ok(d.rounds < before.rounds, `the run restarted (round ${d.rounds} after ${before.rounds})`);
    assert.equal(d.lr, 0.5);
    assert.equal(d.dim, 128, 'the dimension is kept');
    assert.equal(d.runs.at(-1).reason, 'lr');
    assert.equal((await page.textContent('#lr-out')).trim(), '0.5');
    // Speed: more rounds per frame, same run.
    const runId = d.runId;
    await page.selectOption('#speed', '10');
    d = await demo(page);
    assert.equal(d.speed, 10);
    assert.equal(d.runId, runId, 'changing the speed does not restart the run');
    d = await waitDemo(page, (d) => d.done, null, 'the lr-0.5 run to finish');
    assert.equal(d.rounds, 500);
    assert.equal(d.runId, runId);
    await assertChartsDrawn(page, 'after changing the learning rate');
    assert.equal(await page.textContent('#run'), 'Run again');
    const rows = await page.$$eval('#table-body tr', (trs) => trs.map((tr) => tr.querySelector('.delta').textContent));
    assert.equal(rows.length, 8);
    assert.ok(rows.every((t) => /^\d+\.\d{4}$/.test(t)), `the table shows delta norms (${rows.join(', ')})`);

    await mkdir(OUT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(OUT_DIR, 'demo.png'), fullPage: true });
    await page.waitForTimeout(100); // console output that trails
    assertNoProblems(problems, logs);
  } finally {
    await context.close();
  }
});

const run = promisify(execFile);

/** The per-operator rows of the Node demo's final table, by operator name. */
function parseNodeTable(stdout) {
  // operator  category  forwards adapts delta_norm first10% last10% success global
  const node = new Map();
  for (const line of stdout.split('\n')) {
    const m = line.match(/^(\w+)\s+\w+\s+(\d+)\s+(\d+)\s+(\d+\.\d{4})\s+([+-]\d+\.\d{3})\s+([+-]\d+\.\d{3})\s/);
    if (m) node.set(m[1], { forwards: +m[2], adapts: +m[3], delta: m[4], first: m[5], last: m[6] });
  }
  assert.equal(node.size, 8, `parsed the Node table:\n${stdout}`);
  return node;
}

/**
 * Runs the page with these settings, then the Node command its footer gives
 * for them, and checks the page's final numbers against the Node table.
 * Returns the Node table.
 */
async function crossCheck({ dim, lr, seed, rounds }) {
  const { context, page, problems, logs } = await openDemo(`?dim=${dim}&lr=${lr}&seed=${seed}&rounds=${rounds}&speed=10`);
  try {
    const d = await waitDemo(page, (d) => d.done, null, 'the run to finish');
    assert.equal(d.dim, dim);
    assert.equal(d.lr, lr);
    assert.equal(d.seed, seed);
    assert.equal(d.rounds, rounds);

    // The footer names the Node command for any learning rate; run exactly that.
    const command = (await page.textContent('#node-note code'))?.trim();
    assert.equal(command, `node js/demo/optimizer.mjs --dim ${dim} --lr ${lr} --seed ${seed} --rounds ${rounds}`);
    const [, script, ...args] = command.split(/\s+/);
    const { stdout } = await run(process.execPath, [script, ...args, '--quiet'], { cwd: REPO, timeout: 60_000 });
    const node = parseNodeTable(stdout);

    const s = await page.evaluate(() => window.__demo.series());
    const signed = (v) => (v >= 0 ? '+' : '') + v.toFixed(3);
    s.ops.forEach((name, k) => {
      const want = node.get(name);
      assert.ok(want, `Node printed ${name}`);
      assert.deepEqual(
        {
          forwards: s.forwards[k],
          adapts: s.adapts[k],
          delta: s.deltaNorm[k][rounds - 1].toFixed(4),
          first: signed(s.improvement[k][9]),
          last: signed(s.improvement[k][rounds - 1]),
        },
        want,
        `${name} (lr ${lr}): page vs node`,
      );
    });
    assertNoProblems(problems, logs);
    return { node, stdout };
  } finally {
    await context.close();
  }
}

test('the page computes what `node js/demo/optimizer.mjs` prints, at any learning rate', { timeout: TEST_TIMEOUT_MS }, async () => {
  // 100 rounds: the Node table's first/last 10% are the page's 10-round windows.
  const common = { dim: 48, seed: 7, rounds: 100 };
  const base = await crossCheck({ ...common, lr: 0.3 });
  assert.doesNotMatch(base.stdout, /learning rate/, 'the default run does not name its learning rate');
  const slow = await crossCheck({ ...common, lr: 0.05 });
  assert.match(slow.stdout, /^query optimizer demo: .*, seed 7, learning rate 0\.05$/m);
  const deltas = (node) => [...node.values()].map((row) => row.delta);
  assert.notDeepEqual(deltas(slow.node), deltas(base.node), 'the learning rate reaches the adapters');
});

test('the Node demo validates --lr', async () => {
  const script = path.join(REPO, 'js/demo/optimizer.mjs');
  for (const bad of ['0', '-0.1', '10.5', 'abc', '', 'Infinity', 'NaN']) {
    const err = await run(process.execPath, [script, `--lr=${bad}`, '--rounds', '10'], { timeout: 30_000 }).then(
      () => assert.fail(`--lr=${JSON.stringify(bad)} was accepted`),
      (e) => e,
    );
    assert.equal(err.code, 2, `--lr=${JSON.stringify(bad)} exits with 2`);
    assert.match(err.stderr, /--lr must be a number in \(0, 10\]/);
  }
  const { stdout } = await run(process.execPath, [script, '--lr', '10', '--rounds', '10', '--quiet'], { timeout: 30_000 });
  assert.match(stdout, /learning rate 10$/m, 'the upper bound is accepted');
});
