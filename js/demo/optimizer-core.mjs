// optimizer-core.mjs — the simulated query optimizer's learning step, shared by
// the Node demo (./optimizer.mjs) and the browser page (./page/app.mjs).
// Environment-neutral: no Node modules, no DOM. The wasm classes come in as a
// parameter (the package's exports, already initialised), so each entry point
// loads the module its own way (`../index.js` in Node, `/js/index.js` in the
// browser) and both run exactly this code: for the same dim, learning rate and
// seed they compute the same numbers.
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

import { Workload } from './workload.mjs';

// A representative subset of the operators of docs/SEMANTICS.md §4.1, spanning six categories
// (two Scans and two Joins share a category adapter).
// SeqScan, HnswScan, HashJoin, MergeJoin, Aggregate, Filter, Sort, VectorDistance
export const OPS = [0, 2, 5, 6, 7, 9, 11, 13];
export const OP_CATEGORY = [0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6];
export const CATEGORY_NAMES = ['Scan', 'Join', 'Aggregation', 'Transform', 'Order', 'Vector', 'Utility'];

export const DEFAULT_LEARNING_RATE = 0.3; // scaled per update by min(improvement, 2)
export const QUERIES_PER_ROUND = 4 * OPS.length;
const ALPHA = 1.0; // LoRA scaling
const BUFFER_CAPACITY = 1000;
const OP_INDEX = new Map(OPS.map((op, k) => [op, k]));

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

/**
 * One run of the optimizer: the workload, both adapters, the trajectory buffer
 * and the per-operator improvement history, bucketed by round. Operators are
 * addressed by their index k into OPS. Call free() when done.
 */
export class Optimizer {
  /**
   * @param {object} lib  the package's exports after init(): WasmScopedLoRA,
   *                      WasmMicroLoRA and WasmTrajectoryBuffer
   * @param {{dim: number, lr?: number, seed: number, rounds: number}} settings
   */
  constructor(lib, { dim, lr = DEFAULT_LEARNING_RATE, seed, rounds }) {
    Object.assign(this, { dim, lr, seed, maxRounds: rounds, round: 0 });
    this.workload = new Workload(dim, OPS, seed);
    this.scoped = new lib.WasmScopedLoRA(dim, ALPHA, lr);
    this.micro = new lib.WasmMicroLoRA(dim, ALPHA, lr);
    this.buffer = new lib.WasmTrajectoryBuffer(BUFFER_CAPACITY, dim);
    this.estimators = OPS.map(() => new CheaperDirection(dim));
    const perOp = () => OPS.map(() => new Float64Array(rounds));
    this.sum = perOp();
    this.count = perOp();
    this.wins = perOp();
    this.globalSum = perOp();
    this.globalWins = perOp();
  }

  get done() {
    return this.round >= this.maxRounds;
  }

  /** One query through both adapters: execute, record, learn. Returns the two improvements. */
  runQuery(query) {
    const { workload, scoped, micro, buffer, dim } = this;
    const { op, attention, features: x } = query;
    const estimator = this.estimators[OP_INDEX.get(op)];

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

  /** Runs the next round (QUERIES_PER_ROUND queries) and records its per-operator statistics. */
  step() {
    const r = this.round;
    for (let q = 0; q < QUERIES_PER_ROUND; q++) {
      const query = this.workload.nextQuery();
      const { improvement, globalImprovement } = this.runQuery(query);
      const k = OP_INDEX.get(query.op);
      this.sum[k][r] += improvement;
      this.count[k][r] += 1;
      this.wins[k][r] += improvement > 0 ? 1 : 0;
      this.globalSum[k][r] += globalImprovement;
      this.globalWins[k][r] += globalImprovement > 0 ? 1 : 0;
    }
    this.round = r + 1;
  }

  /**
   * Mean improvement and success rate of operator index k over rounds
   * [from, to), for its scoped adapter and for the global one. A window in
   * which the operator ran no query reports `empty` for all four.
   */
  window(k, from, to, empty = NaN) {
    let sum = 0, count = 0, wins = 0, globalSum = 0, globalWins = 0;
    for (let r = from; r < to; r++) {
      sum += this.sum[k][r];
      count += this.count[k][r];
      wins += this.wins[k][r];
      globalSum += this.globalSum[k][r];
      globalWins += this.globalWins[k][r];
    }
    return count === 0
      ? { mean: empty, success: empty, global: empty, globalSuccess: empty, count }
      : { mean: sum / count, success: wins / count, global: globalSum / count, globalSuccess: globalWins / count, count };
  }

  free() {
    this.scoped.free();
    this.micro.free();
    this.buffer.free();
  }
}
