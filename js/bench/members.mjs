// members.mjs — the small members side by side in Node: every method that
// takes at most one number (or boolean) and gives a number, a bool, a count
// or nothing (the reads and the resets: the table's quick members), but the
// hot calls, on ours and on the reference, at dim 16. Alternating rounds; each
// member's ratio is the median of its per-round ratios. Writes
// out/bench-members.md.
//
//   node js/bench/members.mjs        Env: BENCH_ROUNDS (default 25)

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import init, * as ours from '../index.js';
import * as ref from '@ruvector/learning-wasm';
import { MEMBERS } from '../test/members.gen.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIM = 16;
const N = 20000; // calls per timed batch

// ARGS are the arguments the timed members take, by parameter name: values
// every implementation accepts.
const ARGS = { op_type: 3, threshold: 0.5, enabled: true };

// Sink keeps results alive so that no call can be optimised away.
export let sink = 0;

// timed lists the members this bench times: see the header; but the hot
// ones, with an export of their own, which harness.mjs times.
function timed() {
  return MEMBERS.filter((m) => m.sort === 'method' && 'nFfcbv'.includes(m.result) && m.params.length <= 1 &&
    m.params.every((p) => 'nb'.includes(p.kind)) && (m.export === '' || m.export === 'rv_quick'));
}

// objects makes one warmed object of each class of implementation L.
function objects(L) {
  const x = Float32Array.from({ length: DIM }, (_, i) => Math.sin(i));
  const m = new L.WasmMicroLoRA(DIM, 0.1, 1e-4);
  m.adapt_array(x);
  const s = new L.WasmScopedLoRA(DIM, 0.1, 1e-4);
  s.adapt_array(ARGS.op_type, x);
  const b = new L.WasmTrajectoryBuffer(64, DIM);
  for (let i = 0; i < 10; i++) b.record(x, 2, 3, 10, 5);
  return { WasmMicroLoRA: m, WasmScopedLoRA: s, WasmTrajectoryBuffer: b };
}

// loop is a function of n that calls member m of o n times: its own compiled
// copy per implementation and member, so that each call site stays monomorphic.
function loop(m, o) {
  const args = m.params.map((p) => {
    if (!(p.name in ARGS)) throw new Error(`members.mjs: no argument for ${m.class}.${m.name}(${p.name})`);
    return JSON.stringify(ARGS[p.name]);
  });
  const call = `o.${m.name}(${args.join(', ')})`;
  const use = m.result === 'c' ? `Number(${call})` : m.result === 'v' ? `(${call}, 1)` : `+${call}`;
  return new Function('o', `return function (n) { let s = 0; for (let k = 0; k < n; k++) s += ${use}; return s; }`)(o);
}

function median(a) {
  const s = [...a].sort((x, y) => x - y);
  return s[s.length >> 1];
}

async function main() {
  ref.initSync({ module: fs.readFileSync(path.join(REPO, 'node_modules/@ruvector/learning-wasm/ruvector_learning_wasm_bg.wasm')) });
  await init();
  const rounds = Number(process.env.BENCH_ROUNDS) > 0 ? Number(process.env.BENCH_ROUNDS) : 25;
  const rows = timed().map((m) => {
    const r = objects(ref)[m.class]; // the reference lacks some (scoped dim(), for one): ours is then timed alone
    return { m, ref: typeof r[m.name] === 'function' ? loop(m, r) : null, ours: loop(m, objects(ours)[m.class]), r: [], o: [], q: [] };
  });
  for (let round = 0; round < rounds; round++) {
    for (const row of rows) {
      let tr = 0, to = 0;
      for (const which of round & 1 ? ['ref', 'ours'] : ['ours', 'ref']) {
        if (row[which] === null) continue;
        const t0 = performance.now();
        sink += row[which](N);
        const ns = ((performance.now() - t0) * 1e6) / N;
        if (which === 'ref') tr = ns;
        else to = ns;
      }
      if (round >= 3) { // the first rounds warm up
        row.r.push(tr);
        row.o.push(to);
        row.q.push(to / tr);
      }
    }
  }
  const lines = [
    '# Benchmark (Node) — the small members, at dim 16',
    '',
    `${new Date().toISOString()} · Node ${process.version} · ${os.cpus()[0]?.model ?? 'unknown CPU'} · ` +
      `shared, noisy 2-core machine; ${rounds - 3} alternating rounds of ${N} calls, medians; ours/ref is the median of the per-round ratios`,
    '',
    '| member | ours through | reference ns | ours ns | ours/ref |',
    '|---|---|---:|---:|---:|',
  ];
  for (const { m, r, o, q } of rows) {
    const args = m.params.map((p) => p.name).join(', ');
    const [rs, qs] = r[0] === 0 ? ['—', '—'] : [median(r).toFixed(1), median(q).toFixed(2)];
    lines.push(`| ${m.class}.${m.name}(${args}) | ${m.result === 'F' ? 'its record (rv_quick once)' : m.export || 'rv_call'} | ${rs} | ${median(o).toFixed(1)} | ${qs} |`);
  }
  const md = lines.join('\n') + '\n';
  console.log(md);
  fs.mkdirSync(path.join(REPO, 'out'), { recursive: true });
  fs.writeFileSync(path.join(REPO, 'out', 'bench-members.md'), md);
}

await main();
