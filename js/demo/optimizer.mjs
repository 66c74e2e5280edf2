// optimizer.mjs — a simulated query optimizer that learns per-operator embedding
// adapters online (`make demo` runs `node js/demo/optimizer.mjs`).
//
// The learning itself (the workload, the cost-direction estimate, the scoped
// and global adapter updates, the per-operator statistics) lives in
// ./optimizer-core.mjs, shared with the browser page (./page/app.mjs); this file
// parses the command line and prints the progress and the final tables.
//
// Usage: node js/demo/optimizer.mjs [--dim 64] [--rounds 100] [--seed 42] [--lr 0.3] [--quiet]
// Deterministic for a given dim, seed and learning rate; the page
// (`make serve`) computes the same numbers for the same settings.

import { parseArgs } from 'node:util';
import init, * as wasm from '../index.js';
import { ATTENTION_NAMES } from './workload.mjs';
import {
  Optimizer, OPS, OP_CATEGORY, CATEGORY_NAMES, QUERIES_PER_ROUND, DEFAULT_LEARNING_RATE,
} from './optimizer-core.mjs';

const { WasmScopedLoRA } = wasm;

const USAGE = 'usage: node js/demo/optimizer.mjs [--dim N] [--rounds N] [--seed N] [--lr X] [--quiet]';

function parseOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        dim: { type: 'string', default: '64' },
        rounds: { type: 'string', default: '100' },
        seed: { type: 'string', default: '42' },
        lr: { type: 'string', default: String(DEFAULT_LEARNING_RATE) },
        quiet: { type: 'boolean', short: 'q', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    console.error(`optimizer: ${err.message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const int = (name, min, max) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min || n > max) {
      console.error(`optimizer: --${name} must be an integer in ${min}..${max} (got ${values[name]})`);
      process.exit(2);
    }
    return n;
  };
  // The learning rate: any number in (0, 10], the range the page accepts.
  const rate = (name, max) => {
    const n = Number(values[name]);
    if (values[name].trim() === '' || !Number.isFinite(n) || n <= 0 || n > max) {
      console.error(`optimizer: --${name} must be a number in (0, ${max}] (got ${values[name]})`);
      process.exit(2);
    }
    return n;
  };
  return {
    dim: int('dim', 16, 8192),
    rounds: int('rounds', 10, 100000),
    seed: int('seed', 0, 2 ** 32 - 1),
    lr: rate('lr', 10),
    quiet: values.quiet,
  };
}

const signed = (v, digits = 3) => (v >= 0 ? '+' : '') + v.toFixed(digits);
const pct = (v) => `${(100 * v).toFixed(0)}%`.padStart(4);

// Rounds in which an operator ran no query count as 0 here (the page shows '—').
const windowStats = (opt, k, from, to) => opt.window(k, from, to, 0);

function printProgress(opt, from) {
  const { scoped, round } = opt;
  const span = `rounds ${from + 1}-${round}`;
  console.log(`round ${round}/${opt.maxRounds}  (${span}: improvement, success, delta_norm | global)`);
  OPS.forEach((op, k) => {
    const w = windowStats(opt, k, from, round);
    console.log(
      `  ${WasmScopedLoRA.scope_name(op).padEnd(15)} ${signed(w.mean)}  ${pct(w.success)}` +
        `  Δ ${scoped.delta_norm(op).toFixed(3).padStart(8)}   global ${signed(w.global)}`,
    );
  });
}

function printTable(opt) {
  const { scoped, micro, maxRounds: rounds } = opt;
  const tenth = Math.max(1, Math.round(rounds / 10));
  const header =
    'operator        category     forwards adapts delta_norm  first10%  last10%  success  global last10%';
  console.log('\nper-operator adapters (WasmScopedLoRA); improvement = baseline_ms / execution_ms - 1');
  console.log(header);
  console.log('-'.repeat(header.length));
  let improved = 0, beatsGlobal = 0, scopedSum = 0, globalSum = 0, scopedSlower = 0, globalSlower = 0;
  OPS.forEach((op, k) => {
    const first = windowStats(opt, k, 0, tenth);
    const last = windowStats(opt, k, rounds - tenth, rounds);
    const all = windowStats(opt, k, 0, rounds);
    if (last.mean > first.mean) improved += 1;
    if (last.mean > last.global) beatsGlobal += 1;
    scopedSum += last.mean;
    globalSum += last.global;
    if (last.mean < 0) scopedSlower += 1;
    if (last.global < 0) globalSlower += 1;
    console.log(
      [
        WasmScopedLoRA.scope_name(op).padEnd(15),
        CATEGORY_NAMES[OP_CATEGORY[op]].padEnd(12),
        String(scoped.forward_count(op)).padStart(8),
        String(scoped.adapt_count(op)).padStart(6),
        scoped.delta_norm(op).toFixed(4).padStart(10),
        signed(first.mean).padStart(9),
        signed(last.mean).padStart(8),
        pct(all.success).padStart(8),
        signed(last.global).padStart(15),
      ].join(' '),
    );
  });
  console.log(
    `totals: forwards ${scoped.total_forward_count()}, applied adapts ${scoped.total_adapt_count()}; ` +
      `${improved}/${OPS.length} operators improved from the first to the last 10% of rounds`,
  );
  console.log(
    `global adapter (WasmMicroLoRA): forwards ${micro.forward_count()}, ` +
      `adapt calls ${micro.adapt_count()}, delta_norm ${micro.delta_norm().toFixed(4)}, ` +
      `params ${micro.param_count()}`,
  );
  console.log(
    `last 10% mean improvement over operators: scoped ${signed(scopedSum / OPS.length)} vs global ` +
      `${signed(globalSum / OPS.length)}; scoped ahead on ${beatsGlobal}/${OPS.length} operators`,
  );
  console.log(
    `operators made slower in the last 10% (improvement < 0): scoped ${scopedSlower}/${OPS.length}, ` +
      `global ${globalSlower}/${OPS.length}`,
  );
}

function printBufferStats(buffer) {
  const best = buffer.best_attention();
  console.log('\ntrajectory buffer (WasmTrajectoryBuffer)');
  console.log(`  total_count            ${buffer.total_count()} (stored ${buffer.len()})`);
  console.log(`  mean_improvement       ${signed(buffer.mean_improvement(), 4)}`);
  console.log(`  variance               ${buffer.variance().toFixed(4)}`);
  console.log(`  success_rate           ${(100 * buffer.success_rate()).toFixed(1)}%`);
  console.log(`  best_improvement       ${signed(buffer.best_improvement(), 4)}`);
  console.log(`  best_attention         ${best} (${ATTENTION_NAMES[best] ?? '?'})`);
  console.log(`  high_quality_count(0.6) ${buffer.high_quality_count(0.6)} of ${buffer.len()} stored`);
}

function runRounds(opt, quiet) {
  const every = Math.max(1, Math.round(opt.maxRounds / 5));
  let lastPrinted = 0;
  while (!opt.done) {
    opt.step();
    if (!quiet && opt.round % every === 0) {
      printProgress(opt, lastPrinted);
      lastPrinted = opt.round;
    }
  }
}

async function main() {
  const { dim, rounds, seed, lr, quiet } = parseOptions();
  const started = performance.now();
  await init();

  const opt = new Optimizer(wasm, { dim, lr, seed, rounds });
  try {
    // The learning rate is named only when it is not the default, so the
    // default run prints what it always has.
    const rate = lr === DEFAULT_LEARNING_RATE ? '' : `, learning rate ${lr}`;
    console.log(
      `query optimizer demo: ${OPS.length} operators, dim ${dim}, ${rounds} rounds x ` +
        `${QUERIES_PER_ROUND} queries, seed ${seed}${rate}`,
    );
    runRounds(opt, quiet);
    printTable(opt);
    printBufferStats(opt.buffer);
    console.log(`\ndone in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  } finally {
    opt.free();
  }
}

await main();
