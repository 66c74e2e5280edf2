// The cross-runtime state matrix: every runtime saves the deterministic
// states of js/test/states.mjs (saveSet), every runtime loads every runtime's
// states (loadSet), and every load must give, bit for bit, what the saver
// itself gives: the same bytes back (resaved), every output and statistic of
// the plan's steps, and the same bytes after them. The saved sets themselves
// must be identical (the training is deterministic and the format does not
// depend on the platform).
//
//   node js/test/state-matrix.mjs [--engines=chromium,firefox,webkit|none] [--runtimes=node20,deno,...|none]
//
// Runners (default: every one installed; a missing one is skipped and named):
//   the runtimes of js/test/runtimes.mjs (the machine's Node, Node 22/24/26,
//              Deno, Bun), each running js/test/states-cli.mjs in a child process;
//   the engines of js/test/browser/engines.mjs (chromium, firefox, webkit),
//              each with js/test/browser/states.html open.
//
// Prints the matrix (rows: saver, columns: loader) and exits 1 on any
// difference, or if fewer than two runners ran.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NAMES } from './states.mjs';
import { RUNTIMES, installed, run } from './runtimes.mjs';
import { ENGINES, available, launch } from './browser/engines.mjs';
import { startServer } from './browser/server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const CLI = path.join(HERE, 'states-cli.mjs');

function option(name, fallback) {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3).split(',').filter((x) => x && x !== 'none') : fallback;
}

// ---- runners: { name, save(): set, load(sets): { saver: loadSet() }, close() } --------------

/** Runtime rt of runtimes.mjs, running states-cli.mjs once per half. */
function runtimeRunner(rt) {
  const cli = async (...args) => {
    const r = await run(rt, CLI, { args });
    if (r.code !== 0) throw new Error(`${rt.name}: states-cli.mjs ${args[0]} exited ${r.code}${r.signal ? ` (${r.signal})` : ''}: ${r.stderr.slice(-2000)}`);
    return JSON.parse(r.stdout);
  };
  return {
    name: rt.name,
    save: async () => (await cli('save')).set,
    load: async (sets) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rv-states-'));
      try {
        const file = path.join(dir, 'sets.json');
        fs.writeFileSync(file, JSON.stringify({ sets }));
        return (await cli('load', file)).loaded;
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    close: async () => {},
  };
}

/** One browser engine of engines.mjs with states.html open. */
async function engineRunner(name, server) {
  const browser = await launch(name);
  try {
    const page = await browser.open(`${server.url}/js/test/browser/states.html`);
    const ready = await page.waitForResult();
    if (!ready?.ready) throw new Error(`${name}: states.html: ${JSON.stringify(ready)}`);
    return {
      name,
      save: async () => JSON.parse(await page.evaluate(() => globalThis.__states.save())),
      load: async (sets) => JSON.parse(await page.evaluate((s) => globalThis.__states.load(s), sets)),
      close: async () => { await page.close(); await browser.close(); },
    };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

// ---- comparing ----------------------------------------------------------------------------

/** The first difference between two loadSet() results of one state, or ''. */
function firstDifference(got, want) {
  if (got.resaved !== want.resaved) return 'bytes saved back';
  for (let i = 0; i < Math.max(got.steps.length, want.steps.length); i++) {
    if (JSON.stringify(got.steps[i]) !== JSON.stringify(want.steps[i])) return `step ${i} (${want.steps[i]?.m})`;
  }
  if (JSON.stringify(got.learn) !== JSON.stringify(want.learn)) return 'learn_from';
  if (got.saved !== want.saved) return 'bytes after the steps';
  return '';
}

async function main() {
  const engines = option('engines', null);
  const runtimes = option('runtimes', null);
  const runners = [];
  let server;
  try {
    for (const rt of RUNTIMES.filter((r) => !runtimes || runtimes.includes(r.name))) {
      if (installed(rt)) runners.push(runtimeRunner(rt));
      else console.log(`state-matrix: ${rt.name} is not installed (make runtimes), skipped`);
    }
    const names = (engines ?? ENGINES).filter((n) => {
      if (available(n)) return true;
      console.log(`state-matrix: ${n} is not installed, skipped`);
      return false;
    });
    if (names.length) {
      server = await startServer({ root: REPO, capture: true });
      for (const n of names) runners.push(await engineRunner(n, server));
    }
    if (runners.length < 2) throw new Error(`state-matrix: ${runners.length} runner(s); a matrix needs two`);

    const sets = {};
    for (const r of runners) sets[r.name] = await r.save();
    const problems = [];
    const first = runners[0].name;
    for (const r of runners) {
      for (const n of NAMES) {
        if (sets[r.name][n] !== sets[first][n]) problems.push(`${r.name} saves other ${n} bytes than ${first}`);
      }
    }
    const loaded = {};
    for (const r of runners) loaded[r.name] = await r.load(sets);

    const rows = [['saver \\ loader', ...runners.map((r) => r.name)]];
    for (const saver of runners) {
      const row = [saver.name];
      for (const loader of runners) {
        const diffs = NAMES.flatMap((n) => {
          const got = loaded[loader.name][saver.name][n];
          const own = loaded[saver.name][saver.name][n];
          const d = got.resaved !== sets[saver.name][n] ? 'bytes saved back' : firstDifference(got, own);
          return d ? [`${n}: ${d}`] : [];
        });
        row.push(diffs.length ? `DIFF ${diffs.join('; ')}` : 'ok');
        for (const d of diffs) problems.push(`${saver.name} → ${loader.name}: ${d}`);
      }
      rows.push(row);
    }
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
    if (problems.length) {
      console.log(`\nstate-matrix: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
      process.exitCode = 1;
    } else {
      console.log(`\nstate-matrix: ${runners.length} × ${runners.length} runtimes, ${NAMES.length} states each: every load bit-identical`);
    }
  } finally {
    for (const r of runners) await r.close().catch(() => {});
    await server?.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
