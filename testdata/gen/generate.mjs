// Golden-vector generator for ruvector-learning-wasm.
//
// Drives the real reference package `@ruvector/learning-wasm@0.1.29`
// (Rust + wasm-bindgen) through seeded sequences of operations and records
// every input and every observed output in testdata/golden/*.json, so that
// the Go tests can replay the same sequences and compare bit for bit.
//
// Run with `npm run testdata` (or `node testdata/gen/generate.mjs`).
// Re-running produces byte-identical files: all randomness comes from
// mulberry32 generators with fixed seeds.
//
// ---------------------------------------------------------------------------
// Value encoding
//   * Every float32 (inputs and outputs) is written as its IEEE-754 bit
//     pattern: an unsigned 32-bit integer (JSON number). JS numbers are
//     rounded with Math.fround before use; the rounded value is what the
//     reference receives and what is recorded.
//   * Counts (bigint in the reference), integers and lengths: JSON numbers.
//   * Booleans: JSON booleans.
//   * No input ever contains NaN.
//
// File schema: {"class": C, "args": [...], "steps": [step, ...]}
//   one step per line.
//
// C = "WasmMicroLoRA", args = [dim, alphaBits, lrBits] (resolved values; a
// scenario whose constructor was called with no arguments records the
// defaults [256, bits(0.1), bits(0.01)]). Steps:
//   {"m":"forward","x":[bits],"y":[bits]}        x -> input buffer, forward(),
//                                                y <- output buffer
//   {"m":"forward_array","x":[bits],"y":[bits]}
//   {"m":"adapt","g":[bits]}                     g -> input buffer, adapt()
//   {"m":"adapt_array","g":[bits]}
//   {"m":"adapt_with_reward","g":[bits],"imp":bits}
//                                                g -> input buffer,
//                                                adapt_with_reward(imp)
//   {"m":"reset"}
//   {"m":"check","dim":n,"param_count":n,"forward_count":n,"adapt_count":n,
//    "delta_norm":bits}
//
// C = "WasmScopedLoRA", args = [dim, alphaBits, lrBits]. Steps: the same
// method names, each carrying "op" (0..16) for forward / forward_array /
// adapt / adapt_array / adapt_with_reward, plus
//   {"m":"set_category_fallback","on":bool}
//   {"m":"reset_scope","op":n}
//   {"m":"reset_all"}
//   {"m":"check","forward_count":[17],"adapt_count":[17],"delta_norm":[17 bits],
//    "total_forward_count":n,"total_adapt_count":n}
//
// C = "WasmTrajectoryBuffer", args = [capacity, embedding_dim]. Steps:
//   {"m":"record","x":[bits],"op":n,"att":n,"exec":bits,"base":bits}
//   {"m":"reset"}
//   {"m":"check","total_count":n,"len":n,"is_empty":bool,"mean":bits,
//    "best":bits,"success_rate":bits,"best_attention":n,"variance":bits,
//    "hq":[[thresholdBits,count],...],"by_op":[17 counts]}
//
// Every file starts with a check of the freshly constructed object, and a
// check follows every non-check step.
//
// Additionally scope_names.json: {"names": [[op, name], ...]} for op 0..20.
// ---------------------------------------------------------------------------

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT_DIR = path.resolve(HERE, '../golden');

// ---- reference loading ----------------------------------------------------

const require = createRequire(import.meta.url);
const PKG_DIR = path.dirname(require.resolve('@ruvector/learning-wasm/package.json'));
const ref = await import(path.join(PKG_DIR, 'ruvector_learning_wasm.js'));
// The default async init() fetches a URL, which fails in Node 20: use initSync.
const wasm = ref.initSync({
  module: fs.readFileSync(path.join(PKG_DIR, 'ruvector_learning_wasm_bg.wasm')),
});
const { WasmMicroLoRA, WasmScopedLoRA, WasmTrajectoryBuffer } = ref;

// ---- float32 helpers ------------------------------------------------------

const f32view = new Float32Array(1);
const u32view = new Uint32Array(f32view.buffer);

/** IEEE-754 bit pattern of the float32 nearest to x. */
function bits(x) {
  f32view[0] = x;
  return u32view[0];
}

/** Bit patterns of every element of a Float32Array. */
function bitsOf(arr) {
  return Array.from(arr, bits);
}

/** Write arr (Float32Array) into wasm memory at byte offset ptr. */
function writeBuffer(ptr, arr) {
  // Views are re-created every time: memory.grow detaches old buffers.
  new Float32Array(wasm.memory.buffer, ptr, arr.length).set(arr);
}

/** Copy n float32 values out of wasm memory at byte offset ptr. */
function readBuffer(ptr, n) {
  return new Float32Array(wasm.memory.buffer, ptr, n).slice();
}

// ---- deterministic randomness ---------------------------------------------

/** mulberry32: tiny seeded PRNG returning floats in [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  uniform(lo, hi) {
    return lo + (hi - lo) * this.next();
  }
  int(lo, hiInclusive) {
    return lo + Math.floor(this.next() * (hiInclusive - lo + 1));
  }
  chance(p) {
    return this.next() < p;
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  /** Pick a key of {key: weight} proportionally to its weight. */
  weighted(table) {
    const entries = Object.entries(table);
    let r = this.next() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [k, w] of entries) {
      if ((r -= w) < 0) return k;
    }
    return entries[entries.length - 1][0];
  }
}

// ---- vector generators (all return Float32Array, never NaN/Inf) ----------

function vecFrom(n, fn) {
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) v[i] = Math.fround(fn(i));
  return v;
}

const constVec = (n, c) => vecFrom(n, () => c);
const uniformVec = (rng, n, lo, hi) => vecFrom(n, () => rng.uniform(lo, hi));

/** Mostly zeros; a few non-zero entries (at least one). */
function sparseVec(rng, n, mag) {
  const v = new Float32Array(n);
  const k = Math.max(1, Math.floor(n / 8));
  for (let j = 0; j < k; j++) v[rng.int(0, n - 1)] = Math.fround(rng.uniform(-mag, mag));
  if (v.every((e) => e === 0)) v[rng.int(0, n - 1)] = Math.fround(mag / 2);
  return v;
}

/** Random magnitudes spread over several decades, up to 1e3. */
const largeVec = (rng, n) =>
  vecFrom(n, () => (rng.chance(0.5) ? -1 : 1) * Math.pow(10, rng.uniform(-2, 3)));

/** Forward input: [-2,2] with occasional larger values and signed zeros. */
function inputVec(rng, n) {
  return vecFrom(n, () => {
    const r = rng.next();
    if (r < 0.04) return rng.uniform(-1e4, 1e4);
    if (r < 0.08) return rng.uniform(-50, 50);
    if (r < 0.09) return rng.chance(0.5) ? 0 : -0;
    return rng.uniform(-2, 2);
  });
}

/**
 * Gradient of a given kind. "zero" and "tiny" are always skipped by the
 * reference (squared norm < 1e-16): 1e-9 per element at dim <= 99,
 * 1e-10 per element otherwise (256 * 1e-20 < 1e-16); "denormal" squares to
 * a subnormal / zero. "nearThreshold" is a single entry of 2e-8 (squared
 * norm 4e-16, applied).
 */
function gradVec(rng, n, kind) {
  switch (kind) {
    case 'uniform': return uniformVec(rng, n, -1, 1);
    case 'large': return largeVec(rng, n);
    case 'sparse': return sparseVec(rng, n, rng.pick([1, 10, 1000]));
    case 'zero': return constVec(n, 0);
    case 'tiny': return constVec(n, n * 1e-18 < 1e-16 ? 1e-9 : 1e-10);
    case 'tinyNeg': return vecFrom(n, (i) => (i % 2 ? -1e-10 : 1e-10));
    case 'denormal': return constVec(n, 1e-20);
    case 'nearThreshold': {
      const v = new Float32Array(n);
      v[rng.int(0, n - 1)] = Math.fround(2e-8);
      return v;
    }
    default: throw new Error(`unknown gradient kind ${kind}`);
  }
}

const GRAD_KINDS = { uniform: 10, large: 4, sparse: 4, zero: 1, tiny: 1, tinyNeg: 0.5, denormal: 0.5, nearThreshold: 0.5 };

/** Improvements: specials (skip / clamp / infinities) and ordinary values. */
const SPECIAL_IMPROVEMENTS = [0, -0, -0.5, -1e-30, -Infinity, Infinity, 2, 2.0000002, 3, 1e30, 1e-30, 1.9999999];

function improvement(rng) {
  const r = rng.next();
  if (r < 0.35) return rng.pick(SPECIAL_IMPROVEMENTS);
  if (r < 0.75) return rng.uniform(0, 2);
  if (r < 0.9) return rng.uniform(2, 50);
  return rng.uniform(-5, 0);
}

// ---- output ---------------------------------------------------------------

/** Serialise one scenario: one step per line. */
function writeGolden(name, cls, args, steps) {
  const body = steps.map((s) => '  ' + JSON.stringify(s)).join(',\n');
  const text = `{"class":${JSON.stringify(cls)},"args":${JSON.stringify(args)},"steps":[\n${body}\n]}\n`;
  fs.writeFileSync(path.join(OUT_DIR, name), text);
  return text.length;
}

// ---- WasmMicroLoRA --------------------------------------------------------

/** Recorder: performs one operation on the reference and logs it + a check. */
class MicroRecorder {
  constructor(lora) {
    this.lora = lora;
    this.dim = lora.dim();
    this.steps = [];
    this.check();
  }
  check() {
    const l = this.lora;
    this.steps.push({
      m: 'check', dim: l.dim(), param_count: l.param_count(),
      forward_count: Number(l.forward_count()), adapt_count: Number(l.adapt_count()),
      delta_norm: bits(l.delta_norm()),
    });
  }
  push(step) {
    this.steps.push(step);
    this.check();
  }
  forward(x) {
    writeBuffer(this.lora.get_input_ptr(), x);
    this.lora.forward();
    const y = readBuffer(this.lora.get_output_ptr(), this.dim);
    this.push({ m: 'forward', x: bitsOf(x), y: bitsOf(y) });
  }
  forwardArray(x) {
    const y = this.lora.forward_array(x);
    this.push({ m: 'forward_array', x: bitsOf(x), y: bitsOf(y) });
  }
  adapt(g) {
    writeBuffer(this.lora.get_input_ptr(), g);
    this.lora.adapt();
    this.push({ m: 'adapt', g: bitsOf(g) });
  }
  adaptArray(g) {
    this.lora.adapt_array(g);
    this.push({ m: 'adapt_array', g: bitsOf(g) });
  }
  adaptWithReward(g, imp) {
    const i = Math.fround(imp);
    writeBuffer(this.lora.get_input_ptr(), g);
    this.lora.adapt_with_reward(i);
    this.push({ m: 'adapt_with_reward', g: bitsOf(g), imp: bits(i) });
  }
  reset() {
    this.lora.reset();
    this.push({ m: 'reset' });
  }
}

/** Fixed opening: every method and every skip / special case once. */
function microScripted(rec, rng) {
  const d = rec.dim;
  rec.forward(inputVec(rng, d));
  rec.forwardArray(inputVec(rng, d));
  rec.adapt(gradVec(rng, d, 'zero'));
  rec.adaptArray(gradVec(rng, d, 'tiny'));
  rec.adaptWithReward(gradVec(rng, d, 'uniform'), 0);
  rec.adaptWithReward(gradVec(rng, d, 'uniform'), -0.5);
  rec.adaptWithReward(gradVec(rng, d, 'uniform'), -Infinity);
  rec.adaptWithReward(gradVec(rng, d, 'uniform'), -0);
  rec.adaptWithReward(gradVec(rng, d, 'zero'), 1.0);
  rec.adaptWithReward(gradVec(rng, d, 'uniform'), 1e-30); // applied, r underflows toward 0
  rec.adapt(gradVec(rng, d, 'uniform'));
  rec.forward(inputVec(rng, d));
  rec.adaptWithReward(gradVec(rng, d, 'uniform'), 0.5);
  rec.adaptWithReward(gradVec(rng, d, 'large'), 3);
  rec.adaptWithReward(gradVec(rng, d, 'sparse'), Infinity);
  rec.adaptWithReward(gradVec(rng, d, 'uniform'), 2);
  rec.adaptArray(gradVec(rng, d, 'large'));
  rec.forwardArray(inputVec(rng, d));
  rec.adaptArray(gradVec(rng, d, 'nearThreshold'));
  rec.forward(uniformVec(rng, d, -1e3, 1e3));
}

/** Random mix of operations. */
function microRandom(rec, rng, n) {
  const d = rec.dim;
  const table = { forward: 3, forward_array: 3, adapt: 2, adapt_array: 2, adapt_with_reward: 3, reset: 0.15 };
  for (let s = 0; s < n; s++) {
    switch (rng.weighted(table)) {
      case 'forward': rec.forward(inputVec(rng, d)); break;
      case 'forward_array': rec.forwardArray(inputVec(rng, d)); break;
      case 'adapt': rec.adapt(gradVec(rng, d, rng.weighted(GRAD_KINDS))); break;
      case 'adapt_array': rec.adaptArray(gradVec(rng, d, rng.weighted(GRAD_KINDS))); break;
      case 'adapt_with_reward':
        rec.adaptWithReward(gradVec(rng, d, rng.weighted(GRAD_KINDS)), improvement(rng));
        break;
      case 'reset': rec.reset(); break;
    }
  }
}

/**
 * ctor: array of constructor arguments (may be empty for defaults);
 * resolved args are read back / derived and recorded explicitly.
 */
function microScenario(name, seed, ctor, randomSteps) {
  const rng = new Rng(seed);
  const lora = new WasmMicroLoRA(...ctor);
  const alpha = ctor[1] === undefined ? Math.fround(0.1) : Math.fround(ctor[1]);
  const lr = ctor[2] === undefined ? Math.fround(0.01) : Math.fround(ctor[2]);
  const rec = new MicroRecorder(lora);
  microScripted(rec, rng);
  microRandom(rec, rng, randomSteps);
  rec.reset();
  microScripted(rec, rng); // after reset: A kept, B and counters cleared
  const size = writeGolden(name, 'WasmMicroLoRA', [rec.dim, bits(alpha), bits(lr)], rec.steps);
  lora.free();
  return size;
}

// ---- WasmScopedLoRA -------------------------------------------------------

const N_OPS = 17;

class ScopedRecorder {
  constructor(lora, dim) {
    this.lora = lora;
    this.dim = dim;
    this.steps = [];
    this.check();
  }
  check() {
    const l = this.lora;
    const ops = [...Array(N_OPS).keys()];
    this.steps.push({
      m: 'check',
      forward_count: ops.map((o) => Number(l.forward_count(o))),
      adapt_count: ops.map((o) => Number(l.adapt_count(o))),
      delta_norm: ops.map((o) => bits(l.delta_norm(o))),
      total_forward_count: Number(l.total_forward_count()),
      total_adapt_count: Number(l.total_adapt_count()),
    });
  }
  push(step) {
    this.steps.push(step);
    this.check();
  }
  appliedCount(op) {
    return Number(this.lora.adapt_count(op));
  }
  forward(op, x) {
    writeBuffer(this.lora.get_input_ptr(), x);
    this.lora.forward(op);
    const y = readBuffer(this.lora.get_output_ptr(), this.dim);
    this.push({ m: 'forward', op, x: bitsOf(x), y: bitsOf(y) });
  }
  forwardArray(op, x) {
    const y = this.lora.forward_array(op, x);
    this.push({ m: 'forward_array', op, x: bitsOf(x), y: bitsOf(y) });
  }
  adapt(op, g) {
    writeBuffer(this.lora.get_input_ptr(), g);
    this.lora.adapt(op);
    this.push({ m: 'adapt', op, g: bitsOf(g) });
  }
  adaptArray(op, g) {
    this.lora.adapt_array(op, g);
    this.push({ m: 'adapt_array', op, g: bitsOf(g) });
  }
  adaptWithReward(op, g, imp) {
    const i = Math.fround(imp);
    writeBuffer(this.lora.get_input_ptr(), g);
    this.lora.adapt_with_reward(op, i);
    this.push({ m: 'adapt_with_reward', op, g: bitsOf(g), imp: bits(i) });
  }
  setFallback(on) {
    this.lora.set_category_fallback(on);
    this.push({ m: 'set_category_fallback', on });
  }
  resetScope(op) {
    this.lora.reset_scope(op);
    this.push({ m: 'reset_scope', op });
  }
  resetAll() {
    this.lora.reset_all();
    this.push({ m: 'reset_all' });
  }
}

/** Forward through op via the buffer or the array path (alternating by rng). */
function scopedForwardAny(rec, rng, op) {
  const x = inputVec(rng, rec.dim);
  if (rng.chance(0.5)) rec.forward(op, x);
  else rec.forwardArray(op, x);
}

/** One applied-or-skipped update through a randomly chosen path. */
function scopedAdaptAny(rec, rng, op, kind) {
  const g = gradVec(rng, rec.dim, kind);
  const r = rng.next();
  if (r < 0.35) rec.adapt(op, g);
  else if (r < 0.7) rec.adaptArray(op, g);
  else rec.adaptWithReward(op, g, rng.uniform(0.05, 4));
}

/**
 * Scripted coverage: fresh forwards (pure category output), skips, training
 * one operator past the 10-update fallback threshold while forwarding before
 * and after it with fallback on and off, category sharing, reset_scope.
 */
function scopedScripted(rec, rng, forwardEvery) {
  const d = rec.dim;
  rec.forward(0, inputVec(rng, d)); // count 0: output is the category adapter's
  rec.forwardArray(16, inputVec(rng, d));
  rec.adapt(1, gradVec(rng, d, 'zero'));
  rec.adaptArray(2, gradVec(rng, d, 'tiny'));
  rec.adaptWithReward(3, gradVec(rng, d, 'uniform'), 0);
  rec.adaptWithReward(3, gradVec(rng, d, 'uniform'), -2);
  rec.adaptWithReward(3, gradVec(rng, d, 'uniform'), -Infinity);
  rec.adaptWithReward(3, gradVec(rng, d, 'uniform'), -0);
  rec.adaptWithReward(3, gradVec(rng, d, 'uniform'), Infinity);
  rec.adaptWithReward(0, gradVec(rng, d, 'large'), 5);
  rec.adaptWithReward(1, gradVec(rng, d, 'sparse'), 0.25);
  rec.forward(2, inputVec(rng, d)); // op 2 untrained, Scan category trained

  // Train op 5 (Join) to 12 applied updates; forward at every count.
  const hot = 5;
  let i = 0;
  while (rec.appliedCount(hot) < 12) {
    if (i % forwardEvery === 0) scopedForwardAny(rec, rng, hot);
    if (i === 4) rec.setFallback(false);
    if (i === 5) scopedForwardAny(rec, rng, hot);
    if (i === 6) rec.setFallback(true);
    scopedAdaptAny(rec, rng, hot, i === 3 ? 'zero' : rng.pick(['uniform', 'large', 'sparse']));
    i++;
  }
  scopedForwardAny(rec, rng, hot);
  scopedForwardAny(rec, rng, 4); // sibling in Join: uses trained category
  rec.setFallback(false);
  scopedForwardAny(rec, rng, hot);
  scopedForwardAny(rec, rng, 4);
  rec.setFallback(true);
  rec.resetScope(hot); // operator cleared, category keeps its learning
  scopedForwardAny(rec, rng, hot);
  scopedAdaptAny(rec, rng, hot, 'uniform');
  scopedForwardAny(rec, rng, hot);
}

function scopedRandom(rec, rng, n) {
  const d = rec.dim;
  const table = {
    forward: 3, forward_array: 3, adapt: 2, adapt_array: 2, adapt_with_reward: 3,
    set_category_fallback: 0.4, reset_scope: 0.3, reset_all: 0.08,
  };
  // Bias toward a few operators so several of them pass the 10-update mark.
  const opOf = () => (rng.chance(0.6) ? rng.pick([7, 8, 13]) : rng.int(0, N_OPS - 1));
  for (let s = 0; s < n; s++) {
    const op = opOf();
    switch (rng.weighted(table)) {
      case 'forward': rec.forward(op, inputVec(rng, d)); break;
      case 'forward_array': rec.forwardArray(op, inputVec(rng, d)); break;
      case 'adapt': rec.adapt(op, gradVec(rng, d, rng.weighted(GRAD_KINDS))); break;
      case 'adapt_array': rec.adaptArray(op, gradVec(rng, d, rng.weighted(GRAD_KINDS))); break;
      case 'adapt_with_reward':
        rec.adaptWithReward(op, gradVec(rng, d, rng.weighted(GRAD_KINDS)), improvement(rng));
        break;
      case 'set_category_fallback': rec.setFallback(rng.chance(0.5)); break;
      case 'reset_scope': rec.resetScope(op); break;
      case 'reset_all': rec.resetAll(); break;
    }
  }
}

function scopedScenario(name, seed, ctor, { forwardEvery, randomSteps }) {
  const rng = new Rng(seed);
  const lora = new WasmScopedLoRA(...ctor);
  const dim = ctor[0] === undefined ? 256 : ctor[0];
  const alpha = ctor[1] === undefined ? Math.fround(0.1) : Math.fround(ctor[1]);
  const lr = ctor[2] === undefined ? Math.fround(0.01) : Math.fround(ctor[2]);
  const rec = new ScopedRecorder(lora, dim);
  scopedScripted(rec, rng, forwardEvery);
  scopedRandom(rec, rng, randomSteps);
  rec.resetAll();
  scopedForwardAny(rec, rng, 5);
  scopedAdaptAny(rec, rng, 5, 'uniform');
  scopedForwardAny(rec, rng, 5);
  const size = writeGolden(name, 'WasmScopedLoRA', [dim, bits(alpha), bits(lr)], rec.steps);
  lora.free();
  return size;
}

// ---- WasmTrajectoryBuffer -------------------------------------------------

const HQ_THRESHOLDS = [-1, 0, 0.25, 0.5, 0.5000001, 0.75, 0.99, 1].map(Math.fround);

class TrajRecorder {
  constructor(buf, embDim) {
    this.buf = buf;
    this.embDim = embDim;
    this.steps = [];
    this.check();
  }
  check() {
    const b = this.buf;
    this.steps.push({
      m: 'check',
      total_count: Number(b.total_count()),
      len: b.len(),
      is_empty: b.is_empty(),
      mean: bits(b.mean_improvement()),
      best: bits(b.best_improvement()),
      success_rate: bits(b.success_rate()),
      best_attention: b.best_attention(),
      variance: bits(b.variance()),
      hq: HQ_THRESHOLDS.map((t) => [bits(t), b.high_quality_count(t)]),
      by_op: [...Array(N_OPS).keys()].map((o) => b.count_by_operator(o)),
    });
  }
  push(step) {
    this.steps.push(step);
    this.check();
  }
  record(x, op, att, exec, base) {
    const e = Math.fround(exec);
    const bl = Math.fround(base);
    this.buf.record(x, op, att, e, bl);
    this.push({ m: 'record', x: bitsOf(x), op, att, exec: bits(e), base: bits(bl) });
  }
  reset() {
    this.buf.reset();
    this.push({ m: 'reset' });
  }
}

/** [exec, base] pairs covering every branch of the improvement formula. */
function timingPair(rng) {
  const r = rng.next();
  if (r < 0.06) return [0, rng.uniform(0, 100)]; // exec 0: improvement 0
  if (r < 0.12) return [rng.uniform(0.1, 100), 0]; // baseline 0: improvement -1
  if (r < 0.18) { const t = rng.uniform(0.5, 50); return [t, t]; } // improvement exactly 0
  if (r < 0.55) { const b = rng.uniform(1, 100); return [b * rng.uniform(1, 4), b]; } // slower
  if (r < 0.9) { const b = rng.uniform(1, 100); return [b / rng.uniform(1, 4), b]; } // faster
  return [rng.uniform(0.01, 0.1), rng.uniform(50, 1000)]; // much faster: improvement >> 1
}

/** Scripted opening: special timings, tie on best (strict >), all quality edges. */
function trajScripted(rec, rng) {
  const e = () => uniformVec(rng, rec.embDim, -1, 1);
  rec.record(e(), 0, 0, 0, 0); // exec 0, base 0
  rec.record(e(), 1, 7, 0, 12.5); // exec 0: improvement 0, quality 0.5
  rec.record(e(), 2, 3, 10, 0); // base 0: improvement -1, quality 0
  rec.record(e(), 3, 200, 10, 10); // equal: improvement 0
  rec.record(e(), 4, 11, 20, 10); // slower: -0.5
  rec.record(e(), 5, 42, 10, 30); // faster: +2, new best
  rec.record(e(), 6, 99, 5, 15); // +2 again: tie, best_attention stays 42
  rec.record(e(), 16, 255, 4, 6); // +0.5, quality 0.75
  rec.record(e(), 13, 128, 0.5, 1000); // huge improvement
  rec.record(e(), 13, 1, 3, 3.0000002); // tiny positive improvement
}

function trajRandom(rec, rng, n) {
  for (let s = 0; s < n; s++) {
    if (rng.chance(0.015)) { rec.reset(); continue; }
    const x = rng.chance(0.8) ? uniformVec(rng, rec.embDim, -1, 1) : inputVec(rng, rec.embDim);
    const [exec, base] = timingPair(rng);
    rec.record(x, rng.int(0, N_OPS - 1), rng.int(0, 255), exec, base);
  }
}

function trajScenario(name, seed, ctor, randomSteps) {
  const rng = new Rng(seed);
  const buf = new WasmTrajectoryBuffer(...ctor);
  const capacity = ctor[0] === undefined ? 1000 : ctor[0];
  const embDim = ctor[1] === undefined ? 256 : ctor[1];
  const rec = new TrajRecorder(buf, embDim);
  trajScripted(rec, rng);
  trajRandom(rec, rng, randomSteps);
  rec.reset();
  trajScripted(rec, rng);
  const size = writeGolden(name, 'WasmTrajectoryBuffer', [capacity, embDim], rec.steps);
  buf.free();
  return size;
}

// ---- scope names ----------------------------------------------------------

function scopeNames() {
  const names = [];
  for (let op = 0; op <= 20; op++) names.push([op, WasmScopedLoRA.scope_name(op)]);
  const text = `{"names":[\n${names.map((p) => '  ' + JSON.stringify(p)).join(',\n')}\n]}\n`;
  fs.writeFileSync(path.join(OUT_DIR, 'scope_names.json'), text);
  return text.length;
}

// ---- main -----------------------------------------------------------------

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const f of fs.readdirSync(OUT_DIR)) {
    if (f.endsWith('.json')) fs.unlinkSync(path.join(OUT_DIR, f));
  }
  const sizes = {};
  const add = (name, size) => { sizes[name] = size; };

  // WasmMicroLoRA: ~2 * 18 scripted + random steps (each followed by a check).
  add('micro_d1.json', microScenario('micro_d1.json', 101, [1, 0.1, 0.01], 60));
  add('micro_d17.json', microScenario('micro_d17.json', 117, [17, 0.1, 0.01], 50));
  add('micro_d64.json', microScenario('micro_d64.json', 164, [64, 0.1, 0.01], 30));
  add('micro_d256.json', microScenario('micro_d256.json', 356, [256, 0.1, 0.01], 6));
  add('micro_default.json', microScenario('micro_default.json', 400, [], 4));
  add('micro_d17_a1.5_lr0.3.json', microScenario('micro_d17_a1.5_lr0.3.json', 217, [17, 1.5, 0.3], 50));
  add('micro_d64_a-0.75_lr0.05.json', microScenario('micro_d64_a-0.75_lr0.05.json', 264, [64, -0.75, 0.05], 25));
  add('micro_d1_a4_lr0.5.json', microScenario('micro_d1_a4_lr0.5.json', 201, [1, 4, 0.5], 40));

  // WasmScopedLoRA.
  add('scoped_d1.json', scopedScenario('scoped_d1.json', 501, [1, 0.1, 0.01], { forwardEvery: 1, randomSteps: 70 }));
  add('scoped_d17.json', scopedScenario('scoped_d17.json', 517, [17, 0.1, 0.01], { forwardEvery: 1, randomSteps: 50 }));
  add('scoped_d64.json', scopedScenario('scoped_d64.json', 564, [64, 0.1, 0.01], { forwardEvery: 1, randomSteps: 25 }));
  add('scoped_d256.json', scopedScenario('scoped_d256.json', 756, [256, 0.1, 0.01], { forwardEvery: 3, randomSteps: 6 }));
  add('scoped_default.json', scopedScenario('scoped_default.json', 800, [], { forwardEvery: 4, randomSteps: 4 }));
  add('scoped_d17_a1.5_lr0.3.json', scopedScenario('scoped_d17_a1.5_lr0.3.json', 617, [17, 1.5, 0.3], { forwardEvery: 1, randomSteps: 50 }));
  add('scoped_d1_a-2_lr0.2.json', scopedScenario('scoped_d1_a-2_lr0.2.json', 601, [1, -2, 0.2], { forwardEvery: 1, randomSteps: 60 }));

  // WasmTrajectoryBuffer: [capacity, embedding_dim].
  add('traj_d1_c5.json', trajScenario('traj_d1_c5.json', 901, [5, 1], 40));
  add('traj_d1_c1.json', trajScenario('traj_d1_c1.json', 902, [1, 1], 30));
  add('traj_d17_c5.json', trajScenario('traj_d17_c5.json', 917, [5, 17], 40));
  add('traj_d17_c1000.json', trajScenario('traj_d17_c1000.json', 918, [1000, 17], 60));
  add('traj_d64_c16.json', trajScenario('traj_d64_c16.json', 964, [16, 64], 40));
  add('traj_d256_c3.json', trajScenario('traj_d256_c3.json', 1256, [3, 256], 15));
  add('traj_default.json', trajScenario('traj_default.json', 1300, [], 10));

  add('scope_names.json', scopeNames());

  let total = 0;
  for (const [name, size] of Object.entries(sizes)) {
    total += size;
    console.log(`${String(size).padStart(9)}  ${name}`);
  }
  console.log(`${String(total).padStart(9)}  total`);
}

main();
