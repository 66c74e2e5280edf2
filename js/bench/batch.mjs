// batch.mjs — what a batch call saves per row (Node): n rows through one
// forward_batch / adapt_batch against n forward_array / adapt_array calls, on
// ours, and the reference's n single calls for scale; the forwards also into
// the caller's arrays (out), batch and single alike. Alternating rounds,
// best-of-slices per round, medians over rounds. Writes out/bench-batch.md.
//
//   node js/bench/batch.mjs           Env: BENCH_ROUNDS (default 15)

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import init, { WasmMicroLoRA, WasmScopedLoRA } from '../index.js';
import * as ref from '@ruvector/learning-wasm';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIM = 256;
const ROWS = [1, 8, 32, 128];

// Sink keeps results alive so that no call can be optimised away.
export let sink = 0;

function rows(n, seed) {
  const xs = new Float32Array(n * DIM);
  for (let i = 0; i < xs.length; i++) xs[i] = Math.sin(i * 0.37 + seed) * 0.5;
  return xs;
}

// microsPerRow times fn (which handles n rows) and returns µs per row.
function microsPerRow(fn, n, reps = 200) {
  let best = Infinity;
  for (let slice = 0; slice < 5; slice++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) fn();
    best = Math.min(best, (performance.now() - t0) / reps);
  }
  return (best * 1000) / n;
}

function median(a) {
  const s = [...a].sort((x, y) => x - y);
  return s[s.length >> 1];
}

function cases(n) {
  const xs = rows(n, 1), gs = rows(n, 2), ys = new Float32Array(n * DIM);
  const m = new WasmMicroLoRA(DIM, 0.1, 1e-4), s = new WasmScopedLoRA(DIM, 0.1, 1e-4);
  const r = new ref.WasmMicroLoRA(DIM, 0.1, 1e-4);
  const row = (a, i) => a.subarray(i * DIM, (i + 1) * DIM);
  const each = (f) => () => { for (let i = 0; i < n; i++) f(i); };
  return [
    ['forward', () => { sink += m.forward_batch(xs)[0]; }, each((i) => { sink += m.forward_array(row(xs, i))[0]; }),
      each((i) => { sink += r.forward_array(row(xs, i))[0]; })],
    ['forward, into out', () => { sink += m.forward_batch(xs, ys)[0]; }, each((i) => { sink += m.forward_array(row(xs, i), row(ys, i))[0]; }), null],
    ['adapt', () => m.adapt_batch(gs), each((i) => m.adapt_array(row(gs, i))), each((i) => r.adapt_array(row(gs, i)))],
    ['scoped forward', () => { sink += s.forward_batch(5, xs)[0]; }, each((i) => { sink += s.forward_array(5, row(xs, i))[0]; }), null],
    ['scoped forward, into out', () => { sink += s.forward_batch(5, xs, ys)[0]; }, each((i) => { sink += s.forward_array(5, row(xs, i), row(ys, i))[0]; }), null],
    ['scoped adapt', () => s.adapt_batch(5, gs), each((i) => s.adapt_array(5, row(gs, i))), null],
  ];
}

async function main() {
  const refWasm = path.join(REPO, 'node_modules/@ruvector/learning-wasm/ruvector_learning_wasm_bg.wasm');
  ref.initSync({ module: fs.readFileSync(refWasm) });
  await init();
  const rounds = Number(process.env.BENCH_ROUNDS) || 15;
  const lines = ['| op | rows | batch µs/row | single calls µs/row | gain | reference single µs/row |', '|---|---:|---:|---:|---:|---:|'];
  for (const n of ROWS) {
    for (const [op, batch, single, reference] of cases(n)) {
      const b = [], s = [], r = [];
      for (let k = 0; k < rounds; k++) {
        b.push(microsPerRow(batch, n));
        s.push(microsPerRow(single, n));
        if (reference) r.push(microsPerRow(reference, n));
      }
      const [mb, ms] = [median(b), median(s)];
      lines.push(`| ${op} | ${n} | ${mb.toFixed(3)} | ${ms.toFixed(3)} | ${(ms / mb).toFixed(2)}× | ${reference ? median(r).toFixed(3) : '–'} |`);
    }
  }
  const text = `# Batch calls (Node)\n\n${new Date().toISOString()} · Node ${process.version} · ${os.cpus()[0]?.model ?? ''} · ` +
    `shared, noisy 2-core machine; dim ${DIM}, ${rounds} rounds, medians\n\n${lines.join('\n')}\n`;
  console.log(text);
  fs.mkdirSync(path.join(REPO, 'out'), { recursive: true });
  fs.writeFileSync(path.join(REPO, 'out/bench-batch.md'), text);
}

await main();
