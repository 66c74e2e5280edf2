// node.mjs — runs the side-by-side benchmark (harness.mjs) in Node: the
// reference @ruvector/learning-wasm, ours (../index.js) and plain JavaScript,
// at each dim in turn in this one process.
//
//   node js/bench/node.mjs            ours on its default (fast) path → out/bench-node.md
//   node js/bench/node.mjs --slow     ours with init({ fastPath: false }), every call
//                                     through js.FuncOf → out/bench-node-slow.md
//   node js/bench/node.mjs --aa       the reference in ours's place too (an A/A run:
//                                     its ratios are the harness's own bias, ideally
//                                     1.00) → out/bench-node-aa.md
//   node js/bench/node.mjs --arrays   the calls that take arrays, given plain Arrays
//                                     (dims 16, 64, 256 unless BENCH_DIMS says) →
//                                     out/bench-node-arrays.md
//
// Env: BENCH_DIMS (comma-separated, default 16,64,128,256,1024,4096; BENCH_DIM
// is an alias), BENCH_OPS (comma-separated op names, default all),
// BENCH_ROUNDS (default 45), BENCH_MS (target ms per batch, default 10). Many
// short rounds rather than a few long ones: on a shared machine the median of
// per-round ratios then settles better.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import init, * as ours from '../index.js';
import * as ref from '@ruvector/learning-wasm';
import * as plain from './plain.mjs';
import { runBench, report, parseDims } from './harness.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const REF_WASM = path.join(REPO, 'node_modules/@ruvector/learning-wasm/ruvector_learning_wasm_bg.wasm');

// ARRAY_OPS: the ops that pass an array argument, which --arrays times.
const ARRAY_OPS = ['forward_array', 'forward_array_out', 'adapt_array', 'scoped.forward_array', 'scoped.forward_array_out',
  'scoped.adapt_array', 'record'];

function envInt(name, fallback) {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

function classes(m) {
  return { WasmMicroLoRA: m.WasmMicroLoRA, WasmScopedLoRA: m.WasmScopedLoRA, WasmTrajectoryBuffer: m.WasmTrajectoryBuffer };
}

async function loadImpls(slow, aa) {
  const refExports = ref.initSync({ module: fs.readFileSync(REF_WASM) });
  const { memory } = await init(slow ? { fastPath: false } : undefined);
  return {
    reference: { ...classes(ref), memory: refExports.memory },
    ours: aa ? { ...classes(ref), memory: refExports.memory } : { ...classes(ours), memory },
    plain: { ...classes(plain), memory: null },
  };
}

async function main() {
  const slow = process.argv.includes('--slow'), aa = process.argv.includes('--aa'), arrays = process.argv.includes('--arrays');
  const impls = await loadImpls(slow, aa);
  const title = aa ? 'Benchmark (Node) — A/A: the reference in both columns, the harness\'s own bias'
    : slow ? 'Benchmark (Node) — ours on the slow js.FuncOf path (init({ fastPath: false }))'
      : arrays ? 'Benchmark (Node) — ours on its default fast path, given plain Arrays'
        : 'Benchmark (Node) — ours on its default fast path';
  const results = [];
  for (const dim of parseDims(process.env.BENCH_DIMS || process.env.BENCH_DIM || (arrays ? '16,64,256' : undefined))) {
    results.push(await runBench({
      impls,
      dim,
      arrays,
      only: process.env.BENCH_OPS ? process.env.BENCH_OPS.split(',') : arrays ? ARRAY_OPS : null,
      rounds: envInt('BENCH_ROUNDS', 45),
      targetMs: envInt('BENCH_MS', 10),
      log: (msg) => { if (!/round \d/.test(msg) || /round (\d+)\/\1$/.test(msg)) process.stderr.write(`bench: ${msg}\n`); },
    }));
  }
  const context = `${new Date().toISOString()} · Node ${process.version} · ${os.cpus()[0]?.model ?? 'unknown CPU'} · ` +
    'shared, noisy 2-core machine; ratios come from alternating rounds in one process';
  const md = report(title, context, results);
  console.log(md);
  const file = path.join(REPO, 'out', aa ? 'bench-node-aa.md' : slow ? 'bench-node-slow.md' : arrays ? 'bench-node-arrays.md' : 'bench-node.md');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, md);
  console.log(`wrote ${path.relative(REPO, file)}`);
}

await main();
