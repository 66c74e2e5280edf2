// Seeded property test: random mixes of valid and invalid calls on all three
// classes, against our module and the reference @ruvector/learning-wasm@0.1.29
// side by side, on both of our call paths (wasmexport fast path, js.FuncOf
// slow path).
//
//   - a VALID call runs on both sides; its result, and then the object's
//     queries, must be bit-identical to the reference's;
//   - an INVALID call (docs/SEMANTICS.md §7: bad types, bad values, wrong lengths,
//     non-finite gradients, poisoned input buffer, wrong `this`, use after
//     free, bad constructor arguments) must throw on ours, name class and
//     method, and change nothing: every read-only observation of every live
//     object is the same before and after. It is skipped on the reference, so
//     any hidden change would also show up as a later divergence.
//
//   node --test js/test/property.test.mjs
//   PROP_SEEDS=1,2,3 PROP_STEPS=2000 node --test js/test/property.test.mjs
//   PROP_STRICT_NAN=1 ...  NaN bits are compared too (by default a NaN
//                          matches any NaN; every other bit is compared)
//
// Without PROP_SEEDS the seeds are a fixed list plus one from the clock; they
// are printed so that a failure can be replayed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  loadPaths, loadReference, readState, exact, detached, N_OPS, thrownBy, errorKind, showError, Rng,
} from './robust-helpers.mjs';

const PATHS = await loadPaths();
const REF = await loadReference();

const FIXED_SEEDS = [1, 7, 99, 2024, 0xdecaf];
const SEEDS = process.env.PROP_SEEDS
  ? process.env.PROP_SEEDS.split(',').map((s) => Number(s.trim()) >>> 0)
  : [...FIXED_SEEDS, Date.now() % 0x100000000];
const STEPS = Number(process.env.PROP_STEPS || 600);
const INVALID_SHARE = 0.3;
const MAX_REPORTED = 10;
// The wasm spec leaves the sign and payload of a NaN that arithmetic
// produces non-deterministic, so by default a NaN matches any NaN (every
// other bit, -0 included, is still compared). PROP_STRICT_NAN=1 compares NaN
// bits too. In V8 they then depend on the compiler tier: when both operands
// of a float add or multiply are NaNs, x86 returns the first one, and code
// from the baseline compiler (Liftoff) evidently orders some operands
// differently from optimized code. Seed 364279536 shows a NaN-sign
// difference under `--liftoff --no-wasm-tier-up`, and on whichever path still
// runs Liftoff code at step 252 by default; under `node --no-liftoff` it, and
// seeds 1, 2, 3 and 777, match the reference bit for bit on both paths.
const LOOSE_NAN = process.env.PROP_STRICT_NAN !== '1';
console.log(`property: PROP_SEEDS=${SEEDS.join(',')} PROP_STEPS=${STEPS}${LOOSE_NAN ? '' : ' PROP_STRICT_NAN=1'}`);

// ---- random numbers -------------------------------------------------------------------


// ---- valid values ----------------------------------------------------------------------------

/** Forward inputs: mostly [-2, 2]; now and then zeros, large values, NaN and ±Infinity (all valid). */
function inputs(rng, n) {
  const wild = rng.chance(0.05);
  return Array.from({ length: n }, () => {
    const r = rng.next();
    if (wild && r < 0.1) return rng.pick([NaN, Infinity, -Infinity, 3e38, -0, 0]);
    if (r < 0.03) return rng.uniform(-1e4, 1e4);
    return rng.uniform(-2, 2);
  });
}

/** The reference's float32 squared norm of g is finite (ours rejects the others). */
function finiteNorm(g) {
  let gs = 0;
  for (const v of g) gs = Math.fround(gs + Math.fround(Math.fround(v) * Math.fround(v)));
  return Number.isFinite(gs);
}

/** Valid gradients: dense, large, sparse, zero and tiny (the last two are skipped updates). */
function gradient(rng, n) {
  const kind = rng.pick(['dense', 'dense', 'dense', 'large', 'sparse', 'zero', 'tiny']);
  const g = Array.from({ length: n }, () => {
    switch (kind) {
      case 'large': return (rng.chance(0.5) ? -1 : 1) * 10 ** rng.uniform(-2, 3);
      case 'sparse': return rng.chance(0.2) ? rng.uniform(-5, 5) : 0;
      case 'zero': return 0;
      case 'tiny': return 1e-10;
      default: return rng.uniform(-1, 1);
    }
  });
  return finiteNorm(g) ? g : g.map(() => 0.5);
}

const IMPROVEMENTS = [0, -0, -1, -Infinity, Infinity, 2, 3, 0.5, 1e-50, 1e30, 1.9999999];
const improvement = (rng) => (rng.chance(0.4) ? rng.pick(IMPROVEMENTS) : rng.uniform(-1, 4));
const millis = (rng) => (rng.chance(0.1) ? rng.pick([0, -0, 1e-30, 1e30]) : 10 ** rng.uniform(-2, 3));
const THRESHOLDS = [-Infinity, -1, 0, 0.25, 0.5, 0.75, 1, Infinity];

/** A Float32Array (usually) or a plain Array of the same values. */
const asArg = (rng, vals) => (rng.chance(0.75) ? Float32Array.from(vals) : vals.slice());

// ---- invalid values ----------------------------------------------------------------------------

const NOT_NUMBERS = ['1', {}, null, undefined, 1n, Symbol('p'), true, [1]];
const NOT_ARRAYS = ['abcd', {}, null, undefined, 4, 4n, Symbol('p'), true];
const BAD_OPS = [-1, 17, 2.5, NaN, Infinity, -Infinity, 2 ** 32];
const BAD_ATTENTION = [-1, 256, 1.5, NaN, Infinity, 2 ** 32];
const BAD_MS = [-1, -Infinity, Infinity, NaN, 1e39];

/** A bad array for dim n: wrong kind, wrong length, bad elements or detached, with its error kinds. */
function badArray(rng, n) {
  return rng.pick([
    () => [rng.pick(NOT_ARRAYS), ['TypeError']],
    () => [new Float32Array(rng.pick([0, n - 1, n + 1, 2 * n + 3])), ['RangeError']],
    () => [detached(n), ['RangeError']],
    () => [[Symbol('e'), ...new Array(n - 1).fill(0)], ['TypeError']],
    () => [[1n, ...new Array(n - 1).fill(0)], ['TypeError']],
  ])();
}

/** A bad gradient for dim n: badArray or non-finite values. */
function badGradient(rng, n) {
  if (rng.chance(0.5)) return badArray(rng, n);
  const g = new Array(n).fill(0.5);
  g[rng.int(0, n - 1)] = rng.pick([NaN, Infinity, -Infinity, 1e20, 1e39]);
  return [asArg(rng, g), ['RangeError']];
}

// ---- sides -------------------------------------------------------------------------------------------

/** Float32 view of the object's input or output buffer on a side. */
function buffer(side, obj, which, n) {
  const ptr = which === 'in' ? obj.get_input_ptr() : obj.get_output_ptr();
  return new Float32Array(side.memory.buffer, ptr, n);
}

class Twin {
  constructor(ours, cls, args) {
    this.cls = cls;
    this.args = args;
    this.text = `new ${cls}(${args.map(String).join(', ')})`;
    this.ours = new ours.lib[cls](...args);
    this.ref = new REF.lib[cls](...args);
    this.dim = cls === 'WasmTrajectoryBuffer' ? args[1] ?? 256 : args[0] ?? 256;
  }
  free() {
    this.ours.free();
    this.ref.free();
  }
}

const LORA_DIMS = [1, 2, 3, 8, 17, 64, 256];

function newArgs(rng, cls) {
  const opt = (v) => (rng.chance(0.1) ? rng.pick([undefined, null]) : v);
  if (cls === 'WasmTrajectoryBuffer') return [opt(rng.pick([1, 2, 3, 5, 16])), opt(rng.pick([1, 2, 8, 17]))];
  const dim = opt(rng.pick(LORA_DIMS));
  return [dim, opt(rng.pick([0.1, 0, -0, 0.5, 2, rng.uniform(-3, 3)])), opt(rng.pick([0.01, 0, 0.3, rng.uniform(-0.5, 1)]))];
}

// ---- valid operations ----------------------------------------------------------------------------------

/**
 * VALID[cls] = list of (rng, twin) => { label, call(obj, side) }.
 * Prepare steps (writing input buffers) happen inside call on each side.
 */
const VALID = {
  WasmMicroLoRA: [
    (rng, tw) => { const x = asArg(rng, inputs(rng, tw.dim)); return { label: 'forward_array', call: (o) => o.forward_array(x), detail: x }; },
    (rng, tw) => { const g = asArg(rng, gradient(rng, tw.dim)); return { label: 'adapt_array', call: (o) => o.adapt_array(g) }; },
    (rng, tw) => zeroCopy(tw, inputs(rng, tw.dim), 'forward', (o) => o.forward()),
    (rng, tw) => zeroCopy(tw, gradient(rng, tw.dim), 'adapt', (o) => o.adapt()),
    (rng, tw) => { const imp = improvement(rng); return zeroCopy(tw, gradient(rng, tw.dim), `adapt_with_reward(${imp})`, (o) => o.adapt_with_reward(imp)); },
    () => ({ label: 'reset', call: (o) => o.reset(), weight: 0.1 }),
  ],
  WasmScopedLoRA: [
    (rng, tw) => { const op = scopedOp(rng); const x = asArg(rng, inputs(rng, tw.dim)); return { label: `forward_array(${op})`, call: (o) => o.forward_array(op, x), detail: x }; },
    (rng, tw) => { const op = scopedOp(rng); const g = asArg(rng, gradient(rng, tw.dim)); return { label: `adapt_array(${op})`, call: (o) => o.adapt_array(op, g) }; },
    (rng, tw) => { const op = scopedOp(rng); return zeroCopy(tw, inputs(rng, tw.dim), `forward(${op})`, (o) => o.forward(op)); },
    (rng, tw) => { const op = scopedOp(rng); return zeroCopy(tw, gradient(rng, tw.dim), `adapt(${op})`, (o) => o.adapt(op)); },
    (rng, tw) => {
      const op = scopedOp(rng);
      const imp = improvement(rng);
      return zeroCopy(tw, gradient(rng, tw.dim), `adapt_with_reward(${op}, ${imp})`, (o) => o.adapt_with_reward(op, imp));
    },
    (rng) => { const on = rng.chance(0.5); return { label: `set_category_fallback(${on})`, call: (o) => o.set_category_fallback(on) }; },
    (rng) => { const op = scopedOp(rng); return { label: `reset_scope(${op})`, call: (o) => o.reset_scope(op), weight: 0.2 }; },
    () => ({ label: 'reset_all', call: (o) => o.reset_all(), weight: 0.05 }),
    (rng) => { const n = rng.int(-2, 20); // other numbers: ours says "Unknown", the reference wraps to u8
       return { label: `scope_name(${n})`, call: (o, side) => side.lib.WasmScopedLoRA.scope_name(n) }; },
  ],
  WasmTrajectoryBuffer: [
    (rng, tw) => {
      const e = asArg(rng, inputs(rng, tw.dim));
      const [op, att, ex] = [rng.int(0, N_OPS - 1), rng.chance(0.8) ? rng.int(0, 15) : rng.int(0, 255), millis(rng)];
      const base = rng.chance(0.1) ? ex : millis(rng);
      return { label: `record(_, ${op}, ${att}, ${ex}, ${base})`, call: (o) => o.record(e, op, att, ex, base), weight: 4 };
    },
    (rng) => { const t = rng.pick(THRESHOLDS); return { label: `high_quality_count(${t})`, call: (o) => o.high_quality_count(t) }; },
    () => ({ label: 'reset', call: (o) => o.reset(), weight: 0.05 }),
  ],
};

/** Operators biased to a few, so that some pass the 10-update fallback mark. */
const scopedOp = (rng) => (rng.chance(0.6) ? rng.pick([2, 5, 13]) : rng.int(0, N_OPS - 1));

/** A zero-copy call: write vals into the input buffer on each side, call, then read the output buffer. */
function zeroCopy(tw, vals, label, fn) {
  return {
    label,
    detail: vals,
    call: (o, side) => {
      buffer(side, o, 'in', tw.dim).set(vals);
      const r = fn(o);
      return [r, buffer(side, o, 'out', tw.dim).slice()];
    },
  };
}

/** Queries compared after every step (ref has no WasmScopedLoRA.dim()). */
function queries(rng, tw) {
  switch (tw.cls) {
    case 'WasmMicroLoRA':
      return ['dim', 'param_count', 'forward_count', 'adapt_count', 'delta_norm'].map((q) => [q, (o) => o[q]()]);
    case 'WasmScopedLoRA': {
      const ops = [scopedOp(rng), rng.int(0, N_OPS - 1)];
      return [
        ['total_forward_count', (o) => o.total_forward_count()], ['total_adapt_count', (o) => o.total_adapt_count()],
        ...ops.flatMap((op) => ['forward_count', 'adapt_count', 'delta_norm'].map((q) => [`${q}(${op})`, (o) => o[q](op)])),
      ];
    }
    default: {
      const op = rng.int(0, N_OPS - 1);
      const plain = ['total_count', 'len', 'is_empty', 'mean_improvement', 'best_improvement', 'success_rate', 'best_attention', 'variance'];
      return [...plain.map((q) => [q, (o) => o[q]()]), [`count_by_operator(${op})`, (o) => o.count_by_operator(op)]];
    }
  }
}

// ---- invalid operations -------------------------------------------------------------------------------------

/**
 * INVALID[cls] = list of (rng, twin) => { method, label, call(obj), kinds, poison? }.
 * poison(n) gives input-buffer contents written on BOTH sides first (an
 * invalid gradient for adapt(); the buffers stay equal).
 */
const INVALID = {
  WasmMicroLoRA: [
    (rng, tw) => { const [x, kinds] = badArray(rng, tw.dim); return { method: 'forward_array', label: show(x), call: (o) => o.forward_array(x), kinds }; },
    (rng, tw) => { const [g, kinds] = badGradient(rng, tw.dim); return { method: 'adapt_array', label: show(g), call: (o) => o.adapt_array(g), kinds }; },
    (rng) => { const v = rng.pick([...NOT_NUMBERS, NaN]); return { method: 'adapt_with_reward', label: show(v), call: (o) => o.adapt_with_reward(v), kinds: kindsOfNumber(v) }; },
    (rng, tw) => ({ method: 'adapt', label: 'poisoned input buffer', call: (o) => o.adapt(), kinds: ['RangeError'], poison: poisonFor(rng, tw.dim) }),
  ],
  WasmScopedLoRA: [
    (rng, tw) => {
      const op = rng.pick([...BAD_OPS, ...NOT_NUMBERS]);
      const [method, call] = rng.pick(scopedOpCalls(tw.dim));
      return { method, label: `op_type ${show(op)}`, call: (o) => call(o, op), kinds: kindsOfNumber(op) };
    },
    (rng, tw) => { const [x, kinds] = badArray(rng, tw.dim); return { method: 'forward_array', label: show(x), call: (o) => o.forward_array(3, x), kinds }; },
    (rng, tw) => { const [g, kinds] = badGradient(rng, tw.dim); return { method: 'adapt_array', label: show(g), call: (o) => o.adapt_array(3, g), kinds }; },
    (rng) => { const v = rng.pick([...NOT_NUMBERS, NaN]); return { method: 'adapt_with_reward', label: show(v), call: (o) => o.adapt_with_reward(4, v), kinds: kindsOfNumber(v) }; },
    (rng, tw) => ({ method: 'adapt', label: 'poisoned input buffer', call: (o) => o.adapt(5), kinds: ['RangeError'], poison: poisonFor(rng, tw.dim) }),
    (rng) => {
      const v = rng.pick(['yes', null, undefined, {}, 2, -1, NaN]);
      return { method: 'set_category_fallback', label: show(v), call: (o) => o.set_category_fallback(v), kinds: typeof v === 'number' ? ['RangeError'] : ['TypeError'] };
    },
  ],
  WasmTrajectoryBuffer: [
    (rng, tw) => { const [e, kinds] = badArray(rng, tw.dim); return { method: 'record', label: `embedding ${show(e)}`, call: (o) => o.record(e, 1, 1, 1, 2), kinds }; },
    (rng, tw) => {
      const at = rng.int(1, 4);
      const args = [new Float32Array(tw.dim).fill(0.5), 2, 3, 4, 5];
      args[at] = rng.pick([...[BAD_OPS, BAD_ATTENTION, BAD_MS, BAD_MS][at - 1], ...NOT_NUMBERS]);
      return { method: 'record', label: `argument ${at} = ${show(args[at])}`, call: (o) => o.record(...args), kinds: kindsOfNumber(args[at]) };
    },
    (rng) => { const v = rng.pick([...NOT_NUMBERS, NaN]); return { method: 'high_quality_count', label: show(v), call: (o) => o.high_quality_count(v), kinds: kindsOfNumber(v) }; },
    (rng) => { const v = rng.pick([...BAD_OPS, ...NOT_NUMBERS]); return { method: 'count_by_operator', label: show(v), call: (o) => o.count_by_operator(v), kinds: kindsOfNumber(v) }; },
  ],
};

function scopedOpCalls(n) {
  const x = new Float32Array(n).fill(0.25);
  return [
    ['forward', (s, op) => s.forward(op)], ['forward_array', (s, op) => s.forward_array(op, x)],
    ['adapt', (s, op) => s.adapt(op)], ['adapt_array', (s, op) => s.adapt_array(op, x)],
    ['adapt_with_reward', (s, op) => s.adapt_with_reward(op, 1)], ['reset_scope', (s, op) => s.reset_scope(op)],
    ['forward_count', (s, op) => s.forward_count(op)], ['adapt_count', (s, op) => s.adapt_count(op)],
    ['delta_norm', (s, op) => s.delta_norm(op)],
  ];
}

const kindsOfNumber = (v) => (typeof v === 'number' ? ['RangeError'] : ['TypeError']);

function poisonFor(rng, n) {
  const g = new Array(n).fill(0.5);
  g[rng.int(0, n - 1)] = rng.pick([NaN, Infinity, -Infinity, 1e20]);
  return g;
}

function show(v) {
  if (typeof v === 'symbol') return 'Symbol()';
  if (typeof v === 'bigint') return `${v}n`;
  if (ArrayBuffer.isView(v) || Array.isArray(v)) return `${v.constructor.name}(${v.length})`;
  if (typeof v === 'string') return JSON.stringify(v);
  return v !== null && typeof v === 'object' ? 'an object' : String(v);
}

// ---- one run ---------------------------------------------------------------------------------------------------

/** Weighted choice among generators (weight is read from a trial call's result; default 1). */
function chooseValid(rng, tw) {
  const made = VALID[tw.cls].map((gen) => gen(rng, tw));
  const total = made.reduce((s, m) => s + (m.weight ?? 1), 0);
  let r = rng.next() * total;
  for (const m of made) if ((r -= m.weight ?? 1) < 0) return m;
  return made[made.length - 1];
}

class Run {
  constructor(path, seed) {
    this.path = path;
    this.ours = { lib: path.lib, memory: path.memory };
    this.seed = seed;
    this.rng = new Rng(seed);
    this.problems = [];
    this.counts = { valid: 0, invalid: 0, compared: 0 };
    const names = Object.keys(VALID);
    this.live = names.flatMap((cls) => [this.newTwin(cls), this.newTwin(cls)]);
    this.graveyard = []; // freed objects of ours, for use-after-free calls
  }

  newTwin(cls) {
    return new Twin(this.ours, cls, newArgs(this.rng, cls));
  }

  problem(step, tw, text) {
    this.problems.push(`seed ${this.seed} step ${step} ${tw ? tw.text + ' ' : ''}: ${text}`);
  }

  /** Compare one result; label says what it was. */
  compare(step, tw, label, a, b) {
    this.counts.compared++;
    const [x, y] = [flat(a), flat(b)];
    if (x !== y) this.problem(step, tw, `${label}: ours ${x} / ref ${y}`);
  }

  valid(step, tw) {
    const op = chooseValid(this.rng, tw);
    const sideOurs = { lib: this.ours.lib, memory: this.ours.memory };
    let a;
    const e = thrownBy(() => { a = op.call(tw.ours, sideOurs); });
    const b = op.call(tw.ref, REF);
    if (errorKind(e) !== 'no error') return this.problem(step, tw, `${op.label}: valid call threw on ours: ${showError(e)}`);
    const before = this.problems.length;
    this.compare(step, tw, op.label, a, b);
    if (this.problems.length > before && op.detail) this.problems.push(`  input was [${Array.from(op.detail, String).join(', ')}]`);
    for (const [q, fn] of queries(this.rng, tw)) this.compare(step, tw, `${op.label} then ${q}`, fn(tw.ours), fn(tw.ref));
    this.counts.valid++;
  }

  /** Every read-only observation of every live object of ours. */
  snapshot() {
    return this.live.map((tw) => readState(tw.cls, tw.ours)).join('\n');
  }

  /** An invalid call: must throw one of kinds naming cls.method, and leave every object as it was. */
  expectRefused(step, tw, cls, method, label, kinds, fn) {
    const before = this.snapshot();
    const e = thrownBy(fn);
    const what = `${cls}.${method} ${label}`;
    if (!kinds.includes(errorKind(e))) this.problem(step, tw, `${what}: expected ${kinds.join('/')}, got ${showError(e)}`);
    else if (!String(e.message).startsWith(`${cls}.${method}: `)) this.problem(step, tw, `${what}: message "${e.message}"`);
    const after = this.snapshot();
    if (after !== before) this.problem(step, tw, `${what}: state changed by a refused call`);
    this.counts.invalid++;
  }

  invalid(step, tw) {
    const kind = this.rng.next();
    if (kind < 0.75) {
      const op = this.rng.pick(INVALID[tw.cls])(this.rng, tw);
      if (op.poison) for (const [o, side] of [[tw.ours, this.ours], [tw.ref, REF]]) buffer(side, o, 'in', tw.dim).set(op.poison);
      return this.expectRefused(step, tw, tw.cls, op.method, op.label, op.kinds, () => op.call(tw.ours));
    }
    if (kind < 0.85) return this.wrongThis(step, tw);
    if (kind < 0.93) return this.afterFree(step, tw);
    return this.badConstructor(step, tw);
  }

  wrongThis(step, tw) {
    const other = this.rng.pick(this.live.filter((t) => t.cls !== tw.cls));
    const method = this.rng.pick(['dim', 'free', 'reset', 'len', 'forward_count'].filter((m) => typeof tw.ours[m] === 'function'));
    const self = this.rng.pick([other.ours, Object.assign({}, tw.ours), undefined]);
    this.expectRefused(step, tw, tw.cls, method, 'wrong this', ['TypeError'], () => tw.ours[method].call(self, 0));
  }

  afterFree(step, tw) {
    const dead = this.graveyard.find((d) => d.cls === tw.cls);
    if (!dead) return;
    const method = tw.cls === 'WasmTrajectoryBuffer' ? 'len' : 'forward_count';
    this.expectRefused(step, tw, tw.cls, method, 'after free()', ['Error'], () => dead.obj[method](0));
    dead.obj.free(); // a second free is a no-op
  }

  badConstructor(step, tw) {
    const bad = tw.cls === 'WasmTrajectoryBuffer'
      ? this.rng.pick([[0, 2], [2, 0], [1.5, 2], ['3', 2], [1e9, 8192], [3, NaN]])
      : this.rng.pick([[0], [8193], [2.5], ['4'], [4, NaN], [4, 0.1, Infinity], [4n]]);
    const kinds = bad.some((v) => typeof v === 'string' || typeof v === 'bigint') ? ['TypeError'] : ['RangeError'];
    this.expectRefused(step, tw, tw.cls, 'constructor', `(${bad.map(show).join(', ')})`, kinds, () => new this.ours.lib[tw.cls](...bad));
  }

  replace(i) {
    const old = this.live[i];
    this.graveyard.push({ cls: old.cls, obj: old.ours });
    old.free();
    this.live[i] = this.newTwin(old.cls);
  }

  run(steps) {
    for (let step = 0; step < steps && this.problems.length < MAX_REPORTED; step++) {
      const i = this.rng.int(0, this.live.length - 1);
      if (this.rng.chance(0.01)) this.replace(i);
      else if (this.rng.chance(INVALID_SHARE)) this.invalid(step, this.live[i]);
      else this.valid(step, this.live[i]);
    }
    this.live.forEach((tw) => tw.free());
    return this;
  }
}

/** exact() of a result, or of each part of a [result, output buffer] pair. */
function flat(v) {
  if (Array.isArray(v)) return v.map(flat).join(' | ');
  if (LOOSE_NAN && typeof v === 'number' && Number.isNaN(v)) return 'NaN';
  if (LOOSE_NAN && v instanceof Float32Array) return exact(v.map((f) => (Number.isNaN(f) ? NaN : f)));
  return exact(v);
}

// ---- tests --------------------------------------------------------------------------------------------------------

for (const seed of SEEDS) {
  for (const p of Object.values(PATHS)) {
    test(`property [${p.name}] seed ${seed} (${STEPS} steps)`, (t) => {
      const run = new Run(p, seed).run(STEPS);
      t.diagnostic(`${run.counts.valid} valid calls (${run.counts.compared} values compared with the reference), ${run.counts.invalid} invalid calls refused`);
      assert.equal(run.problems.length, 0, `replay with PROP_SEEDS=${seed}:\n${run.problems.join('\n')}`);
    });
  }
}
