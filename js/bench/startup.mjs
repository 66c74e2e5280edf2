// startup.mjs — start-up and size benchmark (Node and Chromium).
//
//   node js/bench/startup.mjs
//
// Start-up: for each way of starting, N fresh processes (startup-child.mjs)
// in Node, and N fresh browser contexts (startup-page.mjs, through
// startup-browser.mjs) in Chromium, run in rotating order, each timing from
// the start of initialisation to the first usable object (new
// WasmMicroLoRA(256) + one forward_array; for the Go hello world, until its
// `hello` global answers), or in the import rows from before the import of
// the package (of wasm_exec.js, for the hello world). Reported: median and
// min ms, and the median's ratio to the floor's for the same way of starting.
// The "floor" is a Go syscall/js hello world built with the same toolchain and
// flags in a temporary directory outside the repo: what any Go program pays
// (floor.mjs builds it, for js/test/size-budget.test.mjs too).
// Size: raw and gzip -9 bytes of ours, of that floor, and of internal/coresize
// (the core packages alone, built the same way: the part no binding design
// can remove).
//
// Writes out/size.md, out/startup-node.md and out/startup-chromium.md (--size:
// the size table only).
// Env: BENCH_STARTUP_N (default 15).

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { measureChromium } from './startup-browser.mjs';
import { SIZE_BUDGET, buildGo, goVersion, withFloor } from './floor.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const CHILD = path.join(HERE, 'startup-child.mjs');
const OURS_WASM = path.join(REPO, 'js/ruvector_learning.wasm');
const REF_WASM = path.join(REPO, 'node_modules/@ruvector/learning-wasm/ruvector_learning_wasm_bg.wasm');
const CAVEAT = 'shared, noisy 2-core machine; each sample is a fresh process, modes run in rotating order';

const MODES = [
  ['ours-url', 'ours: `await init()` (default URL, file read included)'],
  ['ours-bytes', 'ours: `await init({ module_or_path: bytes })`'],
  ['ours-module', 'ours: `await init({ module_or_path: module })`, Module compiled before the timer'],
  ['ours-import-bytes', 'ours: `import()` of the package, then `await init({ module_or_path: bytes })`'],
  ['reference-bytes', 'reference: `initSync({ module: bytes })`'],
  ['reference-module', 'reference: `initSync({ module })`, Module compiled before the timer'],
  ['hello-bytes', 'Go hello world (floor): new Go() + instantiate(bytes) + go.run + hello()'],
  ['hello-module', 'Go hello world (floor): the same from a Module compiled before the timer'],
  ['hello-import-bytes', 'Go hello world (floor): `import()` of wasm_exec.js, then the same from bytes'],
];

// FLOOR[mode] is the floor's mode that mode's ratio is taken against.
const FLOOR = {
  'ours-url': 'hello-url', 'ours-bytes': 'hello-bytes', 'ours-module': 'hello-module', 'ours-import-bytes': 'hello-import-bytes',
  'reference-url': 'hello-url', 'reference-bytes': 'hello-bytes', 'reference-module': 'hello-module',
};

// Chromium's modes (startup-page.mjs): the Node ones, with the reference's
// default init() and the floor from a URL, which work in browsers.
const BROWSER_MODES = [
  ['ours-url', 'ours: `await init()` (default URL: fetch and streaming compile)'],
  ['ours-bytes', 'ours: `await init({ module_or_path: bytes })`'],
  ['ours-module', 'ours: `await init({ module_or_path: module })`, Module compiled before the timer'],
  ['reference-url', 'reference: `await init()` (default URL)'],
  ['reference-bytes', 'reference: `initSync({ module: bytes })`'],
  ['reference-module', 'reference: `initSync({ module })`, Module compiled before the timer'],
  ['hello-url', 'Go hello world (floor): instantiateStreaming(fetch(url)) + go.run + hello()'],
  ['hello-bytes', 'Go hello world (floor): new Go() + instantiate(bytes) + go.run + hello()'],
  ['hello-module', 'Go hello world (floor): the same from a Module compiled before the timer'],
];

// buildCore builds internal/coresize, the core packages and the member table with no JS binding,
// with the floor's flags; returns its path.
function buildCore(dir) {
  return buildGo('./internal/coresize', path.join(dir, 'coresize.wasm'), REPO);
}

function sample(mode, helloWasm) {
  const out = execFileSync(process.execPath, [CHILD, mode, helloWasm], { cwd: REPO, timeout: 60000 });
  return JSON.parse(out.toString()).ms;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

// measure: n samples per mode, the mode order rotating from pass to pass.
function measure(n, helloWasm) {
  const ms = Object.fromEntries(MODES.map(([m]) => [m, []]));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < MODES.length; j++) {
      const [mode] = MODES[(i + j) % MODES.length];
      ms[mode].push(sample(mode, helloWasm));
    }
    process.stderr.write(`startup: pass ${i + 1}/${n}\n`);
  }
  return ms;
}

function header(title, extra, caveat) {
  return `# ${title}\n\n${new Date().toISOString()} · Node ${process.version} · ${os.cpus()[0]?.model ?? 'unknown CPU'}` +
    `${caveat ? ` · ${caveat}` : ''}\n\n${extra}\n`;
}

// startupTable: median and min ms per mode, and the median's ratio to its
// floor's (FLOOR; in Node, ours-url's is hello-bytes's, the file read being
// the only difference).
function startupTable(ms, modes = MODES) {
  const lines = ['| what | median ms | min ms | median / floor\'s |', '|---|---:|---:|---:|'];
  for (const [mode, what] of modes) {
    const floor = ms[FLOOR[mode]] ?? (FLOOR[mode] === 'hello-url' ? ms['hello-bytes'] : undefined);
    const ratio = floor ? (median(ms[mode]) / median(floor)).toFixed(2) : '';
    lines.push(`| ${what} | ${median(ms[mode]).toFixed(1)} | ${Math.min(...ms[mode]).toFixed(1)} | ${ratio} |`);
  }
  return lines.join('\n');
}

function sizes(file) {
  const bytes = fs.readFileSync(file);
  return { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
}

// sizeTable: raw and gzip bytes of each build, with its ratio to the floor.
function sizeTable(floor, core, ours, ref) {
  const n = (v) => v.toLocaleString('en-US');
  const row = (what, x) => `| ${what} | ${n(x.raw)} | ${(x.raw / floor.raw).toFixed(3)} | ` +
    `${n(x.gzip)} | ${(x.gzip / floor.gzip).toFixed(3)} |`;
  return ['| build | raw bytes | raw / floor | gzip -9 bytes | gzip / floor |', '|---|---:|---:|---:|---:|',
    row('floor: Go syscall/js hello world', floor),
    row('core only: `internal/coresize`, the learning packages and their member table (`internal/api`), no JS binding', core),
    row('ours: `js/ruvector_learning.wasm`', ours)].join('\n') +
    `\n\nFor context, the reference's wasm (Rust) is ${n(ref.raw)} bytes raw, ${n(ref.gzip)} gzipped.`;
}

function write(name, text) {
  const file = path.join(REPO, 'out', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  console.log(`wrote ${path.relative(REPO, file)}`);
}

async function main() {
  const n = Math.max(1, Number(process.env.BENCH_STARTUP_N) || 15);
  await withFloor(async (helloWasm, dir) => {
    const floor = sizes(helloWasm), ours = sizes(OURS_WASM);
    const size = header('Size', `floor: the same Go hello world (\`${path.basename(helloWasm)}\`, ` +
      `${goVersion()}, -trimpath -buildvcs=false -ldflags="-s -w -buildid=").`) +
      `\n${sizeTable(floor, sizes(buildCore(dir)), ours, sizes(REF_WASM))}\n\n` +
      `Budget (\`make test\`, js/test/size-budget.test.mjs): ours at most ${SIZE_BUDGET} × the floor, raw; now ` +
      `${(ours.raw / floor.raw).toFixed(3)}, ${ours.raw / floor.raw <= SIZE_BUDGET ? 'within' : 'OVER'} budget.\n`;
    console.log(size);
    write('size.md', size);
    if (process.argv.includes('--size')) return;
    const ms = measure(n, helloWasm);
    const startup = header('Start-up (Node)', `${n} fresh processes per row; time from the start of init (of ` +
      'the import, in the import rows) to the first usable object (new WasmMicroLoRA(256) + one forward_array). ' +
      '"floor": a Go syscall/js hello world built with the same toolchain and flags.', CAVEAT) + `\n${startupTable(ms)}\n`;
    console.log(startup);
    write('startup-node.md', startup);
    const log = (msg) => process.stderr.write(`startup: ${msg}\n`);
    const b = await measureChromium(n, helloWasm, BROWSER_MODES.map(([m]) => m), log);
    const chromiumStartup = header('Start-up (Chromium)', `${n} fresh browser contexts per row (headless ` +
      `Chromium ${b.version}, files served with no-store); time from the start of init to the first usable ` +
      'object (new WasmMicroLoRA(256) + one forward_array). "floor": the same Go hello world.',
    CAVEAT.replace('fresh process', 'fresh browser context')) + `\n${startupTable(b.ms, BROWSER_MODES)}\n`;
    console.log(chromiumStartup);
    write('startup-chromium.md', chromiumStartup);
  });
}

await main();
