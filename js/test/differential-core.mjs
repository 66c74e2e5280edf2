// Differential test core, environment-neutral (pure ES module, no Node or
// DOM imports): this package against the reference
// @ruvector/learning-wasm@0.1.29, through the public JS API of both. Used by
// differential.test.mjs (Node, node:test) and browser/differential.html
// (every browser engine, in-page harness); see differential.test.mjs for
// what is compared and how.
//
//   differentialSuite({ ours, ref, refMemory, seeds, steps, injectFault }, { test, assert })
//     ours, ref  — the two module namespaces, both already initialised
//     refMemory  — the reference's WebAssembly.Memory (its objects have none)
//     seeds      — mulberry32 seeds (default: FIXED_SEEDS); steps per seed (2500)
//     injectFault — self-check: perturbs one of our results; must fail
//   test/assert: node:test and node:assert/strict, or the in-page stand-ins
//   (only test(name, fn), t.diagnostic, assert.equal/notEqual are used).
import { Rng } from './rng.mjs';

// ---- configuration ----------------------------------------------------------------

export const FIXED_SEEDS = [1, 2, 3, 42, 1337, 0xc0ffee, 20240601];
export const DEFAULT_STEPS = 2500;
const DIMS = [1, 2, 17, 64, 128, 256];
const N_OPS = 17;
const MAX_REPORTED = 15;

// Set by differentialSuite(): the two sides ({ name, lib, memory(obj) }) and the run.
let OURS;
let REF;
let STEPS = DEFAULT_STEPS;
let INJECT_FAULT = false;

// ---- inputs (never NaN) -------------------------------------------------------------

/** n values from fn; as float64 values (to be rounded by the callee) or not. */
function values(n, fn) {
  return Array.from({ length: n }, (_, i) => fn(i));
}

/**
 * Forward input: mostly [-2, 2], occasionally large, signed zeros, extremes
 * and (rarely) ±Infinity / ±3.4e38, which are valid forward inputs (docs/SEMANTICS.md §7.2)
 * and produce NaN outputs, so NaN bit patterns are compared as well.
 */
function inputValues(rng, n) {
  const extremes = rng.chance(0.03);
  return values(n, () => {
    const r = rng.next();
    if (extremes && r < 0.05) return rng.pick([Infinity, -Infinity, 3.4e38, -3.4e38]);
    if (r < 0.04) return rng.uniform(-1e4, 1e4);
    if (r < 0.06) return rng.chance(0.5) ? 0 : -0;
    if (r < 0.065) return (rng.chance(0.5) ? -1 : 1) * rng.decades(-40, 30);
    return rng.uniform(-2, 2);
  });
}

/** Gradients, including the kinds the reference skips (squared norm < 1e-16). */
const GRAD_KINDS = { uniform: 10, large: 4, sparse: 4, huge: 0.5, zero: 1, tiny: 1, denormal: 0.5, nearThreshold: 0.5 };

function gradValues(rng, n, kind) {
  switch (kind) {
    case 'uniform': return values(n, () => rng.uniform(-1, 1));
    case 'large': return values(n, () => (rng.chance(0.5) ? -1 : 1) * rng.decades(-2, 3));
    case 'sparse': {
      const v = values(n, () => 0);
      for (let j = 0; j < Math.max(1, n >> 3); j++) v[rng.int(0, n - 1)] = rng.uniform(-10, 10) || 1;
      return v;
    }
    case 'huge': return values(n, () => (rng.chance(0.5) ? -1 : 1) * 1e17 / Math.sqrt(n)); // |g|^2 ~ 1e34
    case 'zero': return values(n, () => (rng.chance(0.5) ? 0 : -0));
    case 'tiny': return values(n, () => (rng.chance(0.5) ? -1 : 1) * (n < 100 ? 1e-9 : 1e-10));
    case 'denormal': return values(n, () => 1e-20);
    case 'nearThreshold': { const v = values(n, () => 0); v[rng.int(0, n - 1)] = 2e-8; return v; }
    default: throw new Error(`unknown gradient kind ${kind}`);
  }
}

/**
 * Whether the reference's float32 squared norm of g is finite (docs/SEMANTICS.md §7.2: ours
 * rejects the others). Used before adapting from a stale input buffer, which
 * may still hold a forward input with huge values.
 */
function isValidGradient(g) {
  let gs = 0;
  for (const v of g) gs = Math.fround(gs + Math.fround(v * v));
  return Number.isFinite(gs);
}

/** Current contents of the reference object's input buffer. */
function inputBuffer(twin) {
  return memView(REF, twin.ref, twin.ref.get_input_ptr(), twin.dim).slice();
}

/** Improvements: skips (<= 0, values rounding to +-0), clamps, infinities. */
const SPECIAL_IMPROVEMENTS = [0, -0, -0.5, -1e-30, -Infinity, Infinity, 2, 2.0000002, 3, 1e30, 1e39, 1e-30,
  1.9999999, 1e-50, -1e-50, 1.401298464324817e-45, 0.1];

function improvement(rng) {
  const r = rng.next();
  if (r < 0.35) return rng.pick(SPECIAL_IMPROVEMENTS);
  if (r < 0.75) return rng.uniform(0, 2);
  if (r < 0.9) return rng.uniform(2, 50);
  return rng.uniform(-5, 0);
}

/** Execution / baseline times: zero, tiny, rounding to zero, ordinary, large. */
function millis(rng) {
  const r = rng.next();
  if (r < 0.08) return rng.chance(0.5) ? 0 : -0;
  if (r < 0.1) return rng.pick([1e-50, 1.401298464324817e-45, 1e-30, 1e30, 3.4e38]);
  if (r < 0.3) return rng.int(1, 100);
  return rng.decades(-3, 4);
}

const THRESHOLDS = [-Infinity, -1, 0, -0, 0.25, 0.5, 0.49999997, 0.5000001, 0.75, 0.99, 1, 1.5, Infinity, 0.1];

/**
 * The same vector as the argument of an array method: a Float32Array
 * (usually) or a plain Array of the unrounded float64 values.
 */
function asArgument(rng, vals) {
  return rng.chance(0.75) ? Float32Array.from(vals) : vals.slice();
}

/** Constructor arguments: defaults via omission/undefined/null, or values. */
function scalarArg(rng, dflt, gen) {
  const r = rng.next();
  if (r < 0.15) return rng.pick([undefined, null]);
  if (r < 0.3) return dflt;
  return gen();
}

function trimTrailingUndefined(args) {
  while (args.length && args[args.length - 1] === undefined) args.pop();
  return args;
}

function loraArgs(rng) {
  const dim = rng.chance(0.1) ? rng.pick([undefined, null]) : rng.pick(DIMS);
  const alpha = scalarArg(rng, 0.1, () => rng.pick([0, -0, 1, -0.75, 1.5, 4, 1e-3, 1e-50, rng.uniform(-3, 3)]));
  const lr = scalarArg(rng, 0.01, () => rng.pick([0, -0, 0.5, 0.05, 0.3, rng.uniform(-0.5, 1)]));
  return trimTrailingUndefined([dim, alpha, lr]);
}

function trajArgs(rng) {
  const capacity = rng.chance(0.1) ? rng.pick([undefined, null]) : rng.pick([1, 2, 3, 5, 16, 100]);
  const dim = rng.chance(0.1) ? rng.pick([undefined, null]) : rng.pick(DIMS);
  return trimTrailingUndefined([capacity, dim]);
}

// ---- comparison -----------------------------------------------------------------

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const hex = (u) => `0x${u.toString(16).padStart(8, '0')}`;

/** Bit pattern of a float32 number. */
function bitsOfNumber(x) {
  f32[0] = x;
  return u32[0];
}

/** null when a and b are identical results, else a description. */
function difference(a, b) {
  if (a instanceof Float32Array || b instanceof Float32Array) {
    if (!(a instanceof Float32Array && b instanceof Float32Array)) return `type ${kind(a)} vs ${kind(b)}`;
    if (a.length !== b.length) return `length ${a.length} vs ${b.length}`;
    const ua = new Uint32Array(a.buffer, a.byteOffset, a.length);
    const ub = new Uint32Array(b.buffer, b.byteOffset, b.length);
    for (let i = 0; i < ua.length; i++) {
      if (ua[i] !== ub[i]) return `[${i}] ${a[i]} (${hex(ua[i])}) vs ${b[i]} (${hex(ub[i])})`;
    }
    return null;
  }
  if (typeof a !== typeof b) return `type ${kind(a)} ${String(a)} vs ${kind(b)} ${String(b)}`;
  if (typeof a === 'number') {
    if (Object.is(a, b)) return null;
    return `${a} (${hex(bitsOfNumber(a))}) vs ${b} (${hex(bitsOfNumber(b))})`;
  }
  return a === b ? null : `${String(a)} vs ${String(b)}`;
}

function kind(x) {
  return x === null ? 'null' : typeof x === 'object' ? x.constructor?.name ?? 'object' : typeof x;
}

/** Number of float32 values in a result (for the summary). */
function floatCount(x) {
  return x instanceof Float32Array ? x.length : typeof x === 'number' ? 1 : 0;
}

/** Number of NaN / ±Infinity values in a result (coverage of overflow paths). */
function specialCount(x) {
  const list = x instanceof Float32Array ? x : typeof x === 'number' ? [x] : [];
  let n = 0;
  for (const v of list) if (!Number.isFinite(v)) n++;
  return n;
}

/** Runs fn, returning { value } or { error }. */
function attempt(fn) {
  try {
    return { value: fn() };
  } catch (error) {
    return { error };
  }
}

/** Per-class counts of compared calls and values, plus the mismatches. */
class Tally {
  constructor(seed) {
    this.seed = seed;
    this.step = 0;
    this.calls = {};
    this.floats = {};
    this.specials = {};
    this.mismatches = [];
    this.faultAt = INJECT_FAULT ? 500 : -1;
    this.compared = 0;
  }

  /** Compare one call made on both sides (`fn(side, obj)`). */
  compare(cls, label, twin, fn) {
    let a = attempt(() => fn(OURS, twin.ours));
    const b = attempt(() => fn(REF, twin.ref));
    if (this.compared++ === this.faultAt) a = injectFault(a);
    this.calls[cls] = (this.calls[cls] ?? 0) + 1;
    this.floats[cls] = (this.floats[cls] ?? 0) + floatCount(b.value);
    this.specials[cls] = (this.specials[cls] ?? 0) + specialCount(b.value);
    const diff = a.error || b.error
      ? `ours ${a.error ? 'threw ' + a.error : 'returned'} / ref ${b.error ? 'threw ' + b.error : 'returned'}`
      : difference(a.value, b.value);
    if (diff !== null) this.mismatch(twin, `${label}: ${diff}`);
    return b.value;
  }

  mismatch(twin, text) {
    this.mismatches.push(`seed ${this.seed} step ${this.step} ${twin.args}: ${text}`);
  }

  /** Add another tally's counts to this one. */
  add(other) {
    for (const key of ['calls', 'floats', 'specials']) {
      for (const [cls, n] of Object.entries(other[key])) this[key][cls] = (this[key][cls] ?? 0) + n;
    }
    this.mismatches.push(...other.mismatches);
  }

  summary() {
    return Object.keys(this.calls).map((cls) =>
      `${cls}: ${this.calls[cls]} calls compared, ${this.floats[cls]} float32 values (${this.specials[cls]} NaN/Infinity)`);
  }
}

/** Self-check hook: flip the lowest bit of a result (or change its type). */
function injectFault(result) {
  const v = result.value;
  if (v instanceof Float32Array && v.length) {
    const w = v.slice();
    new Uint32Array(w.buffer)[0] ^= 1;
    return { value: w };
  }
  if (typeof v === 'number') return { value: v === 0 ? -0 : v * (1 + 2 ** -23) };
  if (typeof v === 'bigint') return { value: v + 1n };
  return { value: v === undefined ? null : undefined };
}

// ---- twins ----------------------------------------------------------------------

/** One object of each side, built with identical arguments. */
class Twin {
  constructor(cls, args) {
    this.cls = cls;
    this.args = `new ${cls}(${args.map(String).join(', ')})`;
    this.ours = new OURS.lib[cls](...args);
    this.ref = new REF.lib[cls](...args);
  }
  free() {
    this.ours.free();
    this.ref.free();
  }
}

/** Float32 view of n elements at byte offset ptr in the side's memory. */
function memView(side, obj, ptr, n) {
  return new Float32Array(side.memory(obj).buffer, ptr, n);
}

/** Write vals into the input buffer of both objects of the twin. */
function writeInput(twin, dim, vals) {
  memView(OURS, twin.ours, twin.ours.get_input_ptr(), dim).set(vals);
  memView(REF, twin.ref, twin.ref.get_input_ptr(), dim).set(vals);
}

/** Compare a call taking one array argument; also checks ours left it unchanged. */
function compareArrayCall(tally, twin, label, vals, rng, call) {
  const arg = asArgument(rng, vals);
  const before = arg.slice();
  const result = tally.compare(twin.cls, label, twin, (side, obj) => call(obj, side === OURS ? arg : arg.slice()));
  const changed = Array.from(arg).some((v, i) => !Object.is(v, before[i]));
  if (changed) tally.mismatch(twin, `${label}: ours modified its array argument`);
  return result;
}

// ---- WasmMicroLoRA ----------------------------------------------------------------

const MICRO_STEPS = {
  forward: 3, forward_array: 3, adapt: 2, adapt_stale: 0.3, adapt_array: 2,
  adapt_with_reward: 3, reward_stale: 0.3, reset: 0.15, peek_buffers: 0.3,
};

function microStep(tally, twin, rng) {
  const d = twin.dim;
  const grad = () => gradValues(rng, d, rng.weighted(GRAD_KINDS));
  const step = rng.weighted(MICRO_STEPS);
  switch (step) {
    case 'forward':
      writeInput(twin, d, inputValues(rng, d));
      tally.compare('WasmMicroLoRA', 'forward', twin, (side, o) => o.forward());
      tally.compare('WasmMicroLoRA', 'forward (output buffer)', twin, (side, o) => memView(side, o, o.get_output_ptr(), d).slice());
      break;
    case 'forward_array':
      compareArrayCall(tally, twin, 'forward_array', inputValues(rng, d), rng, (o, x) => o.forward_array(x));
      break;
    case 'adapt':
      writeInput(twin, d, grad());
      tally.compare('WasmMicroLoRA', 'adapt', twin, (side, o) => o.adapt());
      break;
    case 'adapt_stale': // whatever the input buffer holds now, if it is a valid gradient
      if (isValidGradient(inputBuffer(twin))) tally.compare('WasmMicroLoRA', 'adapt (stale buffer)', twin, (side, o) => o.adapt());
      break;
    case 'adapt_array':
      compareArrayCall(tally, twin, 'adapt_array', grad(), rng, (o, g) => o.adapt_array(g));
      break;
    case 'adapt_with_reward': {
      writeInput(twin, d, grad());
      const imp = improvement(rng);
      tally.compare('WasmMicroLoRA', `adapt_with_reward(${imp})`, twin, (side, o) => o.adapt_with_reward(imp));
      break;
    }
    case 'reward_stale': {
      const imp = improvement(rng);
      if (!isValidGradient(inputBuffer(twin))) break;
      tally.compare('WasmMicroLoRA', `adapt_with_reward(${imp}) (stale buffer)`, twin, (side, o) => o.adapt_with_reward(imp));
      break;
    }
    case 'reset':
      tally.compare('WasmMicroLoRA', 'reset', twin, (side, o) => o.reset());
      break;
    case 'peek_buffers':
      peekBuffers(tally, twin, d);
      break;
  }
  microQueries(tally, twin);
  return step;
}

function peekBuffers(tally, twin, d) {
  tally.compare(twin.cls, 'input buffer', twin, (side, o) => memView(side, o, o.get_input_ptr(), d).slice());
  tally.compare(twin.cls, 'output buffer', twin, (side, o) => memView(side, o, o.get_output_ptr(), d).slice());
}

function microQueries(tally, twin) {
  for (const q of ['dim', 'param_count', 'forward_count', 'adapt_count', 'delta_norm']) {
    tally.compare('WasmMicroLoRA', q, twin, (side, o) => o[q]());
  }
}

// ---- WasmScopedLoRA -----------------------------------------------------------------

const SCOPED_STEPS = {
  forward: 3, forward_array: 3, adapt: 2, adapt_stale: 0.2, adapt_array: 2, adapt_with_reward: 3,
  set_category_fallback: 0.4, reset_scope: 0.3, reset_all: 0.08, scope_name: 0.2, peek_buffers: 0.2,
};

/** Operators: biased to a few so that several pass the 10-update fallback mark. */
function scopedOp(rng) {
  return rng.chance(0.6) ? rng.pick([5, 7, 8, 13]) : rng.int(0, N_OPS - 1);
}

function scopedStep(tally, twin, rng) {
  const d = twin.dim;
  const op = scopedOp(rng);
  const grad = () => gradValues(rng, d, rng.weighted(GRAD_KINDS));
  const cls = 'WasmScopedLoRA';
  const step = rng.weighted(SCOPED_STEPS);
  switch (step) {
    case 'forward':
      writeInput(twin, d, inputValues(rng, d));
      tally.compare(cls, `forward(${op})`, twin, (side, o) => o.forward(op));
      tally.compare(cls, `forward(${op}) (output buffer)`, twin, (side, o) => memView(side, o, o.get_output_ptr(), d).slice());
      break;
    case 'forward_array':
      compareArrayCall(tally, twin, `forward_array(${op})`, inputValues(rng, d), rng, (o, x) => o.forward_array(op, x));
      break;
    case 'adapt':
      writeInput(twin, d, grad());
      tally.compare(cls, `adapt(${op})`, twin, (side, o) => o.adapt(op));
      break;
    case 'adapt_stale':
      if (isValidGradient(inputBuffer(twin))) tally.compare(cls, `adapt(${op}) (stale buffer)`, twin, (side, o) => o.adapt(op));
      break;
    case 'adapt_array':
      compareArrayCall(tally, twin, `adapt_array(${op})`, grad(), rng, (o, g) => o.adapt_array(op, g));
      break;
    case 'adapt_with_reward': {
      writeInput(twin, d, grad());
      const imp = improvement(rng);
      tally.compare(cls, `adapt_with_reward(${op}, ${imp})`, twin, (side, o) => o.adapt_with_reward(op, imp));
      break;
    }
    case 'set_category_fallback': {
      const on = rng.chance(0.5);
      tally.compare(cls, `set_category_fallback(${on})`, twin, (side, o) => o.set_category_fallback(on));
      break;
    }
    case 'reset_scope':
      tally.compare(cls, `reset_scope(${op})`, twin, (side, o) => o.reset_scope(op));
      break;
    case 'reset_all':
      tally.compare(cls, 'reset_all', twin, (side, o) => o.reset_all());
      break;
    case 'scope_name': {
      const n = rng.int(-3, 20);
      tally.compare(cls, `scope_name(${n})`, twin, (side) => side.lib.WasmScopedLoRA.scope_name(n));
      break;
    }
    case 'peek_buffers':
      peekBuffers(tally, twin, d);
      break;
  }
  scopedQueries(tally, twin);
  return step;
}

function scopedQueries(tally, twin) {
  const cls = 'WasmScopedLoRA';
  for (let op = 0; op < N_OPS; op++) {
    for (const q of ['forward_count', 'adapt_count', 'delta_norm']) {
      tally.compare(cls, `${q}(${op})`, twin, (side, o) => o[q](op));
    }
  }
  tally.compare(cls, 'total_forward_count', twin, (side, o) => o.total_forward_count());
  tally.compare(cls, 'total_adapt_count', twin, (side, o) => o.total_adapt_count());
  // The reference has no dim(): ours must report the constructor's dimension.
  tally.compare(cls, 'dim', twin, (side, o) => (side === OURS ? o.dim() : twin.dim));
}

// ---- WasmTrajectoryBuffer --------------------------------------------------------------

const TRAJ_STEPS = { record: 12, reset: 0.1, queries_only: 1 };

function trajStep(tally, twin, rng) {
  const cls = 'WasmTrajectoryBuffer';
  const step = rng.weighted(TRAJ_STEPS);
  if (step === 'record') {
    const vals = inputValues(rng, twin.dim);
    const op = rng.int(0, N_OPS - 1);
    const att = rng.chance(0.9) ? rng.int(0, 15) : rng.int(0, 255);
    const exec = millis(rng);
    const base = rng.chance(0.1) ? exec : millis(rng);
    compareArrayCall(tally, twin, `record(_, ${op}, ${att}, ${exec}, ${base})`, vals, rng, (o, e) => o.record(e, op, att, exec, base));
  } else if (step === 'reset') {
    tally.compare(cls, 'reset', twin, (side, o) => o.reset());
  }
  trajQueries(tally, twin, rng);
  return step;
}

function trajQueries(tally, twin, rng) {
  const cls = 'WasmTrajectoryBuffer';
  for (const q of ['total_count', 'len', 'is_empty', 'mean_improvement', 'best_improvement', 'success_rate', 'best_attention', 'variance']) {
    tally.compare(cls, q, twin, (side, o) => o[q]());
  }
  for (const t of [0.5, rng.pick(THRESHOLDS), rng.uniform(-0.5, 1.5)]) {
    tally.compare(cls, `high_quality_count(${t})`, twin, (side, o) => o.high_quality_count(t));
  }
  for (let op = 0; op < N_OPS; op++) {
    tally.compare(cls, `count_by_operator(${op})`, twin, (side, o) => o.count_by_operator(op));
  }
}

// ---- one seed -------------------------------------------------------------------------

const CLASSES = {
  WasmMicroLoRA: { args: loraArgs, step: microStep, queries: microQueries, dim: (args) => args[0] ?? 256 },
  WasmScopedLoRA: { args: loraArgs, step: scopedStep, queries: scopedQueries, dim: (args) => args[0] ?? 256 },
  WasmTrajectoryBuffer: { args: trajArgs, step: trajStep, queries: trajQueries, dim: (args) => args[1] ?? 256 },
};

function makeTwin(rng, cls) {
  const args = CLASSES[cls].args(rng);
  const twin = new Twin(cls, args);
  twin.dim = CLASSES[cls].dim(args);
  return twin;
}

/**
 * Two live twins per class, operated on in random interleaving (objects must
 * not disturb each other); now and then one is freed and replaced.
 */
function runSeed(seed) {
  const rng = new Rng(seed);
  const tally = new Tally(seed);
  const names = Object.keys(CLASSES);
  const live = names.flatMap((cls) => [makeTwin(rng, cls), makeTwin(rng, cls)]);
  live.forEach((twin) => CLASSES[twin.cls].queries(tally, twin, rng));
  const stepsSeen = {};
  for (tally.step = 0; tally.step < STEPS; tally.step++) {
    const i = rng.int(0, live.length - 1);
    if (rng.chance(0.01)) {
      live[i].free();
      live[i] = makeTwin(rng, live[i].cls);
      continue;
    }
    const step = CLASSES[live[i].cls].step(tally, live[i], rng);
    stepsSeen[`${live[i].cls}.${step}`] = true;
  }
  live.forEach((twin) => twin.free());
  return { tally, stepsSeen };
}

// ---- tests ----------------------------------------------------------------------------

export function differentialSuite({ ours, ref, refMemory, seeds = FIXED_SEEDS, steps = DEFAULT_STEPS, injectFault = false },
  { test, assert }) {
  OURS = { name: 'ours', lib: ours, memory: (obj) => obj.memory };
  REF = { name: 'ref', lib: ref, memory: () => refMemory };
  STEPS = steps;
  INJECT_FAULT = injectFault;
  const SEEDS = seeds;

  test('differential: the comparison itself detects differences', () => {
    const f = (...v) => new Float32Array(v);
    assert.equal(difference(f(1, 2), f(1, 2)), null);
    assert.equal(difference(f(NaN), f(NaN)), null);
    assert.notEqual(difference(f(1, 2), f(1, Math.fround(2 + 2 ** -22))), null, 'one ulp');
    assert.notEqual(difference(f(0), f(-0)), null, 'signed zero in arrays');
    assert.notEqual(difference(f(1), f(1, 2)), null, 'length');
    assert.notEqual(difference(f(1), [1]), null, 'Float32Array vs Array');
    assert.notEqual(difference(0, -0), null, 'signed zero');
    assert.notEqual(difference(0.1, Math.fround(0.1)), null, 'not rounded to float32');
    assert.notEqual(difference(1n, 1), null, 'bigint vs number');
    assert.notEqual(difference(true, 1), null, 'boolean vs number');
    assert.notEqual(difference(undefined, null), null, 'undefined vs null');
    assert.equal(difference(3n, 3n), null);
    const nanA = new Float32Array(new Uint32Array([0x7fc00000]).buffer);
    const nanB = new Float32Array(new Uint32Array([0xffc00000]).buffer);
    assert.notEqual(difference(nanA, nanB), null, 'NaN bit patterns');
  });

  const total = new Tally('all');

  for (const seed of SEEDS) {
    test(`differential: seed ${seed} (${STEPS} steps)`, (t) => {
      const { tally, stepsSeen } = runSeed(seed);
      total.add(tally);
      for (const line of tally.summary()) t.diagnostic(line);
      t.diagnostic(`${Object.keys(stepsSeen).length} distinct operations exercised, ${tally.mismatches.length} mismatches`);
      const shown = tally.mismatches.slice(0, MAX_REPORTED);
      assert.equal(tally.mismatches.length, 0, `mismatches (replay with DIFF_SEEDS=${seed}):\n${shown.join('\n')}`);
    });
}

  test('differential: summary over all seeds', (t) => {
    t.diagnostic(`seeds ${SEEDS.join(',')}, ${STEPS} steps each`);
    for (const line of total.summary()) t.diagnostic(line);
    t.diagnostic(`${total.mismatches.length} mismatches in total (0 expected)`);
    assert.equal(total.mismatches.length, 0);
  });
}
