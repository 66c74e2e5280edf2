// optimizer.mjs — a simulated query optimizer that learns per-operator embedding
// adapters online (`make demo` runs `node js/demo/optimizer.mjs`).
//
// The database (./workload.mjs) hides, for every operator, a direction w_op in
// R^dim: a plan whose embedding points towards w_op runs faster. The optimizer
// never reads w_op. For each query it
//   1. embeds the query (its non-negative plan-feature vector x),
//   2. adapts the embedding with the operator's LoRA: y = scoped.forward_array(op, x),
//   3. runs the plan with y (execution_ms) and with x (baseline_ms),
//   4. records the trajectory in a WasmTrajectoryBuffer,
//   5. updates its own estimate of "which direction makes this operator cheaper"
//      from the observed baseline (embedding, time) pairs: the covariance
//      between the unit embedding and -log(time), i.e. a linear cost model,
//   6. writes the gradient (from x towards that estimated direction) straight
//      into the adapter's input buffer in wasm memory and calls
//      scoped.adapt_with_reward(op, improvement), so only plans that actually got
//      faster reinforce the adapter.
// A single operator-agnostic WasmMicroLoRA is trained the same way alongside,
// for comparison: one adapter cannot serve operators that want different
// directions, so per-operator (scoped) adapters should win.
//
// Why non-negative features: the adapters' rank-2 down-projection A is fixed at
// initialisation and (for this library's deterministic init) close to a uniform
// negative vector, so the learned shift is scaled by roughly sum(x). Plan
// features such as counts, sizes and selectivities are non-negative, which
// keeps that scale positive and the shift pointing the way it was trained.
//
// Usage: node js/demo/optimizer.mjs [--dim 64] [--rounds 100] [--seed 42] [--quiet]
// Deterministic for a given seed.

import { parseArgs } from 'node:util';
import init, { WasmMicroLoRA, WasmScopedLoRA, WasmTrajectoryBuffer } from '../index.js';
import { Workload, ATTENTION_NAMES } from './workload.mjs';

// A representative subset of SPEC §4's operators, spanning six categories
// (two Scans and two Joins share a category adapter).
// SeqScan, HnswScan, HashJoin, MergeJoin, Aggregate, Filter, Sort, VectorDistance
const OPS = [0, 2, 5, 6, 7, 9, 11, 13];
const OP_CATEGORY = [0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6];
const CATEGORY_NAMES = ['Scan', 'Join', 'Aggregation', 'Transform', 'Order', 'Vector', 'Utility'];

const ALPHA = 1.0; // LoRA scaling
const LEARNING_RATE = 0.3; // scaled per update by min(improvement, 2)
const QUERIES_PER_ROUND = 4 * OPS.length;
const BUFFER_CAPACITY = 1000;

const USAGE = 'usage: node js/demo/optimizer.mjs [--dim N] [--rounds N] [--seed N] [--quiet]';

function parseOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        dim: { type: 'string', default: '64' },
        rounds: { type: 'string', default: '100' },
        seed: { type: 'string', default: '42' },
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
  return {
    dim: int('dim', 16, 8192),
    rounds: int('rounds', 10, 100000),
    seed: int('seed', 0, 2 ** 32 - 1),
    quiet: values.quiet,
  };
}

/**
 * Estimates, from observed (embedding, execution time) pairs of one operator,
 * the direction in which embeddings get cheaper: the running covariance
 * between the unit embedding and -log(ms) (Welford co-moment).
 */
class CheaperDirection {
  constructor(dim) {
    this.n = 0;
    this.meanLog = 0;
    this.meanE = new Float64Array(dim);
    this.comoment = new Float64Array(dim);
  }

  observe(embedding, ms) {
    const e = unit(embedding);
    const logMs = Math.log(ms);
    this.n += 1;
    this.meanLog += (logMs - this.meanLog) / this.n;
    for (let i = 0; i < e.length; i++) {
      const dE = e[i] - this.meanE[i];
      this.meanE[i] += dE / this.n;
      this.comoment[i] -= dE * (logMs - this.meanLog); // minus: cheaper is better
    }
  }

  /** The estimated unit direction (all zeros before any signal). */
  direction() {
    return unit(this.comoment);
  }
}

function unit(v) {
  let ss = 0;
  for (let i = 0; i < v.length; i++) ss += v[i] * v[i];
  const out = new Float64Array(v.length);
  if (ss > 0) {
    const inv = 1 / Math.sqrt(ss);
    for (let i = 0; i < v.length; i++) out[i] = v[i] * inv;
  }
  return out;
}

/**
 * Writes the gradient into `target` (a Float32Array view of an adapter's input
 * buffer, so the adapter reads it without a copy): the direction that turns the
 * unit query embedding x̂ towards the estimated cheaper direction ĉ, i.e. the
 * gradient of cos(x, ĉ) up to scale: ĉ - (x̂·ĉ) x̂. (The adapter normalises it.)
 */
function writeGradient(target, x, cheaper) {
  const xu = unit(x);
  let along = 0;
  for (let i = 0; i < xu.length; i++) along += xu[i] * cheaper[i];
  for (let i = 0; i < target.length; i++) target[i] = cheaper[i] - along * xu[i];
}

/**
 * A fresh view of an adapter's input buffer. Any call into the module may grow
 * its memory and detach earlier ArrayBuffers, so ask for the pointer first,
 * then read memory.buffer, and fill the view before the next call.
 */
function inputView(adapter, dim) {
  const ptr = adapter.get_input_ptr();
  return new Float32Array(adapter.memory.buffer, ptr, dim);
}

/** Per-operator improvement history, bucketed by round. */
class OpHistory {
  constructor(rounds) {
    this.sum = new Float64Array(rounds);
    this.count = new Uint32Array(rounds);
    this.wins = new Uint32Array(rounds);
    this.globalSum = new Float64Array(rounds);
  }

  add(round, improvement, globalImprovement) {
    this.sum[round] += improvement;
    this.count[round] += 1;
    this.wins[round] += improvement > 0 ? 1 : 0;
    this.globalSum[round] += globalImprovement;
  }

  /** Mean improvement, success rate and global-adapter mean over rounds [from, to). */
  window(from, to) {
    let sum = 0, count = 0, wins = 0, globalSum = 0;
    for (let r = from; r < to; r++) {
      sum += this.sum[r];
      count += this.count[r];
      wins += this.wins[r];
      globalSum += this.globalSum[r];
    }
    return count === 0
      ? { mean: 0, success: 0, global: 0, count }
      : { mean: sum / count, success: wins / count, global: globalSum / count, count };
  }
}

/** One query through both adapters: execute, record, learn. Returns the two improvements. */
function runQuery(ctx, query) {
  const { workload, scoped, micro, buffer, estimators, dim } = ctx;
  const { op, attention, features: x } = query;
  const estimator = estimators.get(op);

  // The baseline run (unadapted embedding) feeds the cost-direction estimate:
  // it samples embeddings independently of what the adapters learned, so the
  // estimate does not chase the adapters' own shift.
  const baselineMs = workload.execute(op, attention, x);
  estimator.observe(x, baselineMs);

  // Per-operator adapter.
  const adapted = scoped.forward_array(op, x);
  const executionMs = workload.execute(op, attention, adapted);
  buffer.record(adapted, op, attention, executionMs, baselineMs);
  const improvement = baselineMs / executionMs - 1;

  // Global adapter, same query.
  const globalAdapted = micro.forward_array(x);
  const globalMs = workload.execute(op, attention, globalAdapted);
  const globalImprovement = baselineMs / globalMs - 1;

  const cheaper = estimator.direction();
  writeGradient(inputView(scoped, dim), x, cheaper);
  scoped.adapt_with_reward(op, improvement);
  writeGradient(inputView(micro, dim), x, cheaper);
  micro.adapt_with_reward(globalImprovement);

  return { improvement, globalImprovement };
}

const signed = (v, digits = 3) => (v >= 0 ? '+' : '') + v.toFixed(digits);
const pct = (v) => `${(100 * v).toFixed(0)}%`.padStart(4);

function printProgress(ctx, round, from) {
  const { scoped, history } = ctx;
  const span = `rounds ${from + 1}-${round}`;
  console.log(`round ${round}/${ctx.rounds}  (${span}: improvement, success, delta_norm | global)`);
  for (const op of OPS) {
    const w = history.get(op).window(from, round);
    console.log(
      `  ${WasmScopedLoRA.scope_name(op).padEnd(15)} ${signed(w.mean)}  ${pct(w.success)}` +
        `  Δ ${scoped.delta_norm(op).toFixed(3).padStart(8)}   global ${signed(w.global)}`,
    );
  }
}

function printTable(ctx) {
  const { scoped, micro, history, rounds } = ctx;
  const tenth = Math.max(1, Math.round(rounds / 10));
  const header =
    'operator        category     forwards adapts delta_norm  first10%  last10%  success  global last10%';
  console.log('\nper-operator adapters (WasmScopedLoRA); improvement = baseline_ms / execution_ms - 1');
  console.log(header);
  console.log('-'.repeat(header.length));
  let improved = 0, beatsGlobal = 0, scopedSum = 0, globalSum = 0, scopedSlower = 0, globalSlower = 0;
  for (const op of OPS) {
    const h = history.get(op);
    const first = h.window(0, tenth);
    const last = h.window(rounds - tenth, rounds);
    const all = h.window(0, rounds);
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
  }
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

function runRounds(ctx, quiet) {
  const every = Math.max(1, Math.round(ctx.rounds / 5));
  let lastPrinted = 0;
  for (let round = 0; round < ctx.rounds; round++) {
    for (let q = 0; q < QUERIES_PER_ROUND; q++) {
      const query = ctx.workload.nextQuery();
      const { improvement, globalImprovement } = runQuery(ctx, query);
      ctx.history.get(query.op).add(round, improvement, globalImprovement);
    }
    if (!quiet && (round + 1) % every === 0) {
      printProgress(ctx, round + 1, lastPrinted);
      lastPrinted = round + 1;
    }
  }
}

async function main() {
  const opts = parseOptions();
  const started = performance.now();
  await init();

  const { dim, rounds, seed, quiet } = opts;
  const ctx = {
    dim,
    rounds,
    workload: new Workload(dim, OPS, seed),
    scoped: new WasmScopedLoRA(dim, ALPHA, LEARNING_RATE),
    micro: new WasmMicroLoRA(dim, ALPHA, LEARNING_RATE),
    buffer: new WasmTrajectoryBuffer(BUFFER_CAPACITY, dim),
    estimators: new Map(OPS.map((op) => [op, new CheaperDirection(dim)])),
    history: new Map(OPS.map((op) => [op, new OpHistory(rounds)])),
  };
  try {
    console.log(
      `query optimizer demo: ${OPS.length} operators, dim ${dim}, ${rounds} rounds x ` +
        `${QUERIES_PER_ROUND} queries, seed ${seed}`,
    );
    runRounds(ctx, quiet);
    printTable(ctx);
    printBufferStats(ctx.buffer);
    console.log(`\ndone in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  } finally {
    ctx.scoped.free();
    ctx.micro.free();
    ctx.buffer.free();
  }
}

await main();
