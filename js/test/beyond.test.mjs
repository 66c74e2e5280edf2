// What this package adds beyond @ruvector/learning-wasm@0.1.29, tested on
// BOTH call paths of our module (the wasmexport fast path of index.js's
// loader and the js.FuncOf slow path of a second loader, see
// robust-helpers.mjs):
//
//   - persistence: to_bytes() / static from_bytes(bytes) on all three classes.
//     A restored object is indistinguishable from the original (every getter,
//     get_b, the buffers, the bytes it saves, and the results of a further
//     random sequence of operations on both); the bytes follow the documented
//     layout (checked with an independent JS codec and CRC-32); every single
//     bit flip, every truncation, bytes of another class and crafted headers
//     with a valid CRC but bad values are rejected with an Error, the huge ones
//     without allocating, and the module stays healthy;
//   - WasmMicroLoRA.get_b() / set_b(b);
//   - forward_batch / adapt_batch on both LoRA classes: bit-identical to that
//     many single calls, bad rows and bad lengths rejected with nothing changed;
//   - dims 384, 1536 and 3072: real adapters, checked bit for bit against a
//     float32 model of docs/SEMANTICS.md §2 and §4.2 (A init, forward, update, delta_norm, blend);
//   - WasmScopedLoRA.learn_from(buffer, min_quality) against a manual replay
//     with adapt_with_reward through the input buffer, and its errors;
//   - input_view() / output_view() across wasm memory growth.
//
//   node --test js/test/beyond.test.mjs
//   BEYOND_SEED=123 node --test js/test/beyond.test.mjs    (another random seed)
//   BEYOND_HEAVY=1 node --test js/test/beyond.test.mjs     (+ multi-GiB batches in a child process)
import { MEMBERS } from './members.gen.mjs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import {
  loadPaths, createLoader, readState, bitsOf, exact, hexBits, vec, thrownBy, errorKind, showError, OPS, INDEX_PATH, Rng,
} from './robust-helpers.mjs';

const PATHS = await loadPaths();
const SEED = process.env.BEYOND_SEED ? Number(process.env.BEYOND_SEED) >>> 0 : 0x5eed2024;
console.log(`beyond: BEYOND_SEED=${SEED}`);

const CLASSES = ['WasmMicroLoRA', 'WasmScopedLoRA', 'WasmTrajectoryBuffer'];
const TAG = { WasmMicroLoRA: 1, WasmScopedLoRA: 2, WasmTrajectoryBuffer: 3 };
const N_CATS = 7;
const CATEGORY = [0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6];
const MAX_STORAGE_FLOATS = (256 * 2 ** 20) / 4;

// ---- random numbers ----------------------------------------------------------------------


/** A seed for one test: SEED mixed with the test's name. */
function seedFor(name) {
  let h = SEED ^ 0x9e3779b9;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** n values uniform in [lo, hi). */
function rvec(rng, n, lo = -1.5, hi = 1.5) {
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) v[i] = rng.uniform(lo, hi);
  return v;
}

/** Forward inputs (any float is valid): mostly uniform, now and then NaN, ±Infinity, ±0, huge. */
function fwdVec(rng, n) {
  const v = rvec(rng, n, -2, 2);
  if (rng.chance(0.08)) v[rng.int(0, n - 1)] = rng.pick([NaN, Infinity, -Infinity, -0, 0, 3e38]);
  return v;
}

/** Valid gradients: dense, large, sparse, all zero and tiny (the last two are skipped updates). */
function gradVec(rng, n) {
  const r = rng.next();
  if (r < 0.06) return new Float32Array(n);
  if (r < 0.12) return rvec(rng, n, -1e-10, 1e-10);
  if (r < 0.2) return rvec(rng, n, -1e3, 1e3);
  if (r < 0.3) {
    const v = new Float32Array(n);
    v[rng.int(0, n - 1)] = rng.uniform(-3, 3);
    return v;
  }
  return rvec(rng, n);
}

/** k rows of n values from gen, flat. */
function rows(rng, k, n, gen) {
  const out = new Float32Array(k * n);
  for (let i = 0; i < k; i++) out.set(gen(rng, n), i * n);
  return out;
}

const IMPROVEMENTS = [-1, -0.5, 0, 0.1, 0.3, 1, 1.5, 2, 5, Infinity, -Infinity];

// ---- float32 helpers ---------------------------------------------------------------------

const fr = Math.fround;
const F = new Float32Array(1);
const U = new Uint32Array(F.buffer);
const f32FromBits = (b) => { U[0] = b; return F[0]; };
const bitsOfF32 = (x) => { F[0] = x; return U[0]; };

// ---- CRC-32 (IEEE) and an independent codec of the state format -----------------------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Little-endian byte writer. */
class Writer {
  constructor() { this.buf = new Uint8Array(256); this.n = 0; }
  room(k) {
    if (this.n + k <= this.buf.length) return;
    const b = new Uint8Array(Math.max(2 * this.buf.length, this.n + k));
    b.set(this.buf.subarray(0, this.n));
    this.buf = b;
  }
  u8(v) { this.room(1); this.buf[this.n++] = v & 0xff; }
  u16(v) { this.u8(v); this.u8(v >>> 8); }
  u32(v) { for (let i = 0; i < 4; i++) this.u8(v >>> (8 * i)); }
  u64(v) {
    v = BigInt.asUintN(64, BigInt(v));
    this.u32(Number(v & 0xffffffffn));
    this.u32(Number(v >> 32n));
  }
  /** A float32 scalar given as its bits (exact, NaN payloads included). */
  f32bits(b) { this.u32(b >>> 0); }
  f32(x) { this.u32(bitsOfF32(x)); }
  /** A float32 array, bit for bit. */
  f32s(arr) {
    const f = arr instanceof Float32Array ? arr : Float32Array.from(arr);
    this.bytes(new Uint8Array(f.buffer, f.byteOffset, f.byteLength));
  }
  bytes(b) { this.room(b.length); this.buf.set(b, this.n); this.n += b.length; }
  done() { return this.buf.slice(0, this.n); }
}

/** Little-endian byte reader. */
class Reader {
  constructor(bytes) {
    this.b = bytes;
    this.dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.o = 0;
  }
  u8() { return this.dv.getUint8(this.o++); }
  u16() { const v = this.dv.getUint16(this.o, true); this.o += 2; return v; }
  u32() { const v = this.dv.getUint32(this.o, true); this.o += 4; return v; }
  u64() { const v = this.dv.getBigUint64(this.o, true); this.o += 8; return v; }
  f32s(n) {
    const out = new Float32Array(n);
    new Uint8Array(out.buffer).set(this.b.subarray(this.o, this.o + 4 * n));
    this.o += 4 * n;
    return out;
  }
}

/** The documented sizes of a state (header and CRC included). */
const stateSize = {
  WasmMicroLoRA: (d) => 8 + 12 + 16 + (8 + 16 * d) + 8 * d + 4, // = 48 + 24d
  WasmScopedLoRA: (d) => 8 + 12 + 1 + 8 * 17 + 24 * (8 + 16 * d) + 8 * d + 4, // = 353 + 392d
  WasmTrajectoryBuffer: (n, e) => 8 + 37 + n * (6 + 4 * e) + 4, // = 49 + n(6 + 4e)
};

function readPair(r, d) {
  return { count: r.u64(), A0: r.f32s(d), A1: r.f32s(d), B0: r.f32s(d), B1: r.f32s(d) };
}
function writePair(w, p) {
  w.u64(p.count);
  w.f32s(p.A0); w.f32s(p.A1); w.f32s(p.B0); w.f32s(p.B1);
}

/**
 * Decodes a state per the documented layout. Float scalars are kept as bits
 * (alphaBits, ...). Throws if the bytes do not match the layout exactly.
 */
function decodeState(bytes) {
  const r = new Reader(bytes);
  const st = {};
  st.magic = String.fromCharCode(r.u8(), r.u8(), r.u8(), r.u8());
  st.version = r.u16();
  st.tag = r.u8();
  st.reserved = r.u8();
  if (st.tag === 1 || st.tag === 2) {
    st.dim = r.u32();
    st.alphaBits = r.u32();
    st.lrBits = r.u32();
    if (st.tag === 1) {
      st.forwards = r.u64();
      st.adapts = r.u64();
      st.pair = readPair(r, st.dim);
    } else {
      st.fallback = r.u8();
      st.forwards = Array.from({ length: 17 }, () => r.u64());
      st.ops = Array.from({ length: 17 }, () => readPair(r, st.dim));
      st.cats = Array.from({ length: N_CATS }, () => readPair(r, st.dim));
    }
    st.input = r.f32s(st.dim);
    st.output = r.f32s(st.dim);
  } else if (st.tag === 3) {
    st.capacity = r.u32();
    st.dim = r.u32();
    st.total = r.u64();
    st.meanBits = r.u32();
    st.varAccBits = r.u32();
    st.bestBits = r.u32();
    st.bestAttention = r.u8();
    st.successRateBits = r.u32();
    st.n = r.u32();
    st.records = Array.from({ length: st.n }, () => ({
      op: r.u8(), att: r.u8(), impBits: r.u32(), emb: r.f32s(st.dim),
    }));
  } else {
    throw new Error(`decodeState: unknown tag ${st.tag}`);
  }
  if (r.o !== bytes.length - 4) throw new Error(`decodeState: body ends at ${r.o}, CRC at ${bytes.length - 4}`);
  st.crc = r.u32();
  st.crcOk = crc32(bytes.subarray(0, bytes.length - 4)) === st.crc;
  return st;
}

/**
 * Encodes a state object (as decodeState returns) per the documented layout,
 * with a correct CRC-32 unless opts.crc is given; opts.extra appends body bytes.
 */
function encodeState(st, opts = {}) {
  const w = new Writer();
  for (const ch of st.magic ?? 'RVLW') w.u8(ch.charCodeAt(0));
  w.u16(st.version ?? 1);
  w.u8(st.tag);
  w.u8(st.reserved ?? 0);
  if (st.tag === 1 || st.tag === 2) {
    w.u32(st.dim);
    w.f32bits(st.alphaBits);
    w.f32bits(st.lrBits);
    if (st.tag === 1) {
      w.u64(st.forwards);
      w.u64(st.adapts);
      writePair(w, st.pair);
    } else {
      w.u8(st.fallback);
      for (const n of st.forwards) w.u64(n);
      for (const p of st.ops) writePair(w, p);
      for (const p of st.cats) writePair(w, p);
    }
    w.f32s(st.input);
    w.f32s(st.output);
  } else {
    w.u32(st.capacity);
    w.u32(st.dim);
    w.u64(st.total);
    w.f32bits(st.meanBits);
    w.f32bits(st.varAccBits);
    w.f32bits(st.bestBits);
    w.u8(st.bestAttention);
    w.f32bits(st.successRateBits);
    w.u32(st.n ?? st.records.length);
    for (const rec of st.records) {
      w.u8(rec.op);
      w.u8(rec.att);
      w.f32bits(rec.impBits);
      w.f32s(rec.emb);
    }
  }
  if (opts.extra) w.bytes(opts.extra);
  const body = w.done();
  const out = new Uint8Array(body.length + 4);
  out.set(body);
  new DataView(out.buffer).setUint32(body.length, opts.crc ?? crc32(body), true);
  return out;
}

const hex = (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');

// ---- a float32 model of docs/SEMANTICS.md §2 (for dims where the reference cannot be the oracle) ------------

function rand01(seed) {
  let x = seed >>> 0;
  x = (x ^ (x << 13)) >>> 0;
  x = (x ^ (x >>> 17)) >>> 0;
  x = (x ^ (x << 5)) >>> 0;
  return fr(fr(x) / 4294967296);
}

function fastSqrt(x) {
  if (!(x > 0)) return 0;
  const y = f32FromBits((0x5f3759df - (bitsOfF32(x) >>> 1)) >>> 0);
  return fr(fr(x * y) * fr(1.5 - fr(fr(fr(0.5 * x) * y) * y)));
}

class ModelPair {
  constructor(d, alpha, lr) {
    this.d = d; this.alpha = fr(alpha); this.lr = fr(lr); this.count = 0;
    const s = fr(fr(Math.sqrt(fr(2 / d))) * fr(0.1));
    const half = fr(s / 2);
    this.A0 = new Float32Array(d); this.A1 = new Float32Array(d);
    this.B0 = new Float32Array(d); this.B1 = new Float32Array(d);
    for (let i = 0; i < d; i++) {
      this.A0[i] = fr(fr(rand01(i) * s) - half);
      this.A1[i] = fr(fr(rand01(i + 1000) * s) - half);
    }
  }
  /** y = x + alpha * (x·A)·B, every operation rounded to float32. */
  forward(x) {
    let l0 = 0, l1 = 0;
    for (let i = 0; i < this.d; i++) { l0 = fr(l0 + fr(x[i] * this.A0[i])); l1 = fr(l1 + fr(x[i] * this.A1[i])); }
    const y = new Float32Array(this.d);
    for (let i = 0; i < this.d; i++) y[i] = fr(x[i] + fr(this.alpha * fr(fr(l0 * this.B0[i]) + fr(l1 * this.B1[i]))));
    return y;
  }
  update(g, r) {
    let gs = 0;
    for (let i = 0; i < this.d; i++) gs = fr(gs + fr(g[i] * g[i]));
    if (gs < fr(1e-16)) return;
    const inv = fr(1 / fastSqrt(gs));
    let c0 = 0, c1 = 0;
    for (let i = 0; i < this.d; i++) { c0 = fr(c0 + this.A0[i]); c1 = fr(c1 + this.A1[i]); }
    const s0 = fr(fr(r) * c0), s1 = fr(fr(r) * c1);
    for (let j = 0; j < this.d; j++) {
      const n = fr(g[j] * inv);
      this.B0[j] = fr(this.B0[j] + fr(s0 * n));
      this.B1[j] = fr(this.B1[j] + fr(s1 * n));
    }
    this.count++;
  }
  deltaNorm() {
    let s = 0;
    for (let i = 0; i < this.d; i++) s = fr(s + fr(fr(this.B0[i] * this.B0[i]) + fr(this.B1[i] * this.B1[i])));
    return fr(fastSqrt(s) * this.alpha);
  }
  b() { const b = new Float32Array(2 * this.d); b.set(this.B0); b.set(this.B1, this.d); return b; }
}

/** The blend of docs/SEMANTICS.md §4.2: y = op(x)*w + cat(x)*(1-w) with w = min(f32(count)/10, 1). */
function modelScopedForward(opPair, catPair, x, fallback = true) {
  const p = opPair.forward(x);
  if (!fallback || opPair.count >= 10) return p;
  const q = catPair.forward(x);
  const w = Math.min(fr(fr(opPair.count) / 10), 1), v = fr(1 - w);
  return p.map((pi, i) => fr(fr(pi * w) + fr(q[i] * v)));
}

// ---- a JS model of the trajectory ring (what learn_from replays) ---------------------------

class RingModel {
  constructor(capacity, dim) { this.capacity = capacity; this.dim = dim; this.all = []; }
  /** The improvement as the module computes it (float32): baseline/execution - 1, 0 when execution is 0. */
  static improvement(exec, base) {
    const e = fr(exec), b = fr(base);
    return e > 0 ? fr(fr(b / e) - 1) : 0;
  }
  static quality(imp) { return Math.min(Math.max(fr(fr(imp + 1) / 2), 0), 1); }
  record(emb, op, att, exec, base) {
    this.all.push({ emb: Float32Array.from(emb), op, att, imp: RingModel.improvement(exec, base) });
  }
  reset() { this.all = []; }
  /** The stored trajectories, oldest first. */
  stored() { return this.all.slice(Math.max(0, this.all.length - this.capacity)); }
}

/** True when the float32 squared norm of g is finite (otherwise it cannot be a gradient). */
function finiteNorm(g) {
  let gs = 0;
  for (const v of g) gs = fr(gs + fr(v * v));
  return gs <= 3.4028234663852886e38;
}

// ---- observations --------------------------------------------------------------------------

/** Every read-only observation of obj (getters, views, get_b), as text. */
function observe(cls, obj) {
  const lines = [readState(cls, obj)];
  if (cls === 'WasmMicroLoRA') lines.push(`b=${bitsOf(obj.get_b())}`);
  if (cls !== 'WasmTrajectoryBuffer') lines.push(`views=${bitsOf(obj.input_view())}|${bitsOf(obj.output_view())}`);
  if (cls === 'WasmTrajectoryBuffer') lines.push(`edim=${obj.embedding_dim()}`);
  return lines.join('\n');
}

/**
 * Observations that need calls with side effects (use on both twins): every
 * operator's forward for the LoRA classes; for a buffer, learn_from into two
 * fresh learners (which exposes every stored trajectory, in order) and records
 * that wrap the ring.
 */
function probe(lib, cls, obj, rng) {
  const lines = [];
  if (cls === 'WasmMicroLoRA') {
    lines.push(bitsOf(obj.forward_array(rvec(rng, obj.dim()))));
  } else if (cls === 'WasmScopedLoRA') {
    for (const op of OPS) lines.push(`${op}:${bitsOf(obj.forward_array(op, rvec(rng, obj.dim())))}`);
  } else {
    const e = obj.embedding_dim();
    for (const q of [undefined, 0.6]) {
      const s = new lib.WasmScopedLoRA(e, 0.3, 0.05);
      lines.push(`learn ${q}: ${s.learn_from(obj, q)} ${hex(s.to_bytes())}`);
      s.free();
    }
    for (let i = 0; i < obj.len() + 2; i++) obj.record(rvec(rng, e), rng.int(0, 16), rng.int(0, 255), rng.uniform(1, 10), rng.uniform(1, 10));
  }
  lines.push(observe(cls, obj));
  return lines.join('\n');
}

/** Asserts two logs are equal, pointing at the first difference. */
function sameLog(actual, expected, what) {
  const n = Math.max(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    if (actual[i] !== expected[i]) {
      assert.fail(`${what}: logs differ at entry ${i} of ${n}:\n  got      ${String(actual[i]).slice(0, 300)}\n  expected ${String(expected[i]).slice(0, 300)}`);
    }
  }
}

// ---- random sequences of operations ----------------------------------------------------------

/**
 * Runs `steps` random operations (mostly valid, some invalid: those must throw
 * and change nothing) on obj, logging every result exactly. The same rng seed
 * on two indistinguishable objects must give the same log.
 */
function drive(cls, obj, rng, steps, log = []) {
  const attempt = (fn) => {
    const e = thrownBy(fn);
    return typeof e === 'symbol' ? 'ok' : errorKind(e);
  };
  if (cls === 'WasmMicroLoRA') {
    const d = obj.dim();
    for (let s = 0; s < steps; s++) {
      const r = rng.next();
      if (r < 0.14) log.push(`fa ${bitsOf(obj.forward_array(fwdVec(rng, d)))}`);
      else if (r < 0.24) { obj.input_view().set(rvec(rng, d)); obj.forward(); log.push(`f ${bitsOf(obj.output_view())}`); }
      else if (r < 0.36) obj.adapt_array(gradVec(rng, d));
      else if (r < 0.44) { obj.input_view().set(gradVec(rng, d)); obj.adapt(); }
      else if (r < 0.54) { obj.input_view().set(gradVec(rng, d)); obj.adapt_with_reward(rng.pick(IMPROVEMENTS)); }
      else if (r < 0.62) log.push(`fb ${bitsOf(obj.forward_batch(rows(rng, rng.int(0, 4), d, fwdVec)))}`);
      else if (r < 0.7) obj.adapt_batch(rows(rng, rng.int(0, 4), d, gradVec));
      else if (r < 0.75) { obj.forward(); log.push(`f0 ${bitsOf(obj.output_view())}`); } // the input buffer as it is
      else if (r < 0.78) obj.adapt_with_reward(rng.pick([0.5, 2])); // the input buffer as it is (finite)
      else if (r < 0.83) log.push(`b ${bitsOf(obj.get_b())}`);
      else if (r < 0.86) obj.set_b(rvec(rng, 2 * d, -0.05, 0.05));
      else if (r < 0.87) obj.reset();
      else if (r < 0.9) log.push(`bad ${attempt(() => obj.adapt_array(Float32Array.from({ length: d }, (_, i) => (i === d - 1 ? NaN : 1))))}`);
      else if (r < 0.93) log.push(`bad ${attempt(() => obj.adapt_batch(rows(rng, 2, d, gradVec).fill(Infinity, d)))}`);
      else if (r < 0.96) log.push(`bad ${attempt(() => obj.set_b(new Float32Array(2 * d + 1)))}`);
      else log.push(`pc ${obj.param_count()} ${obj.dim()}`);
      log.push(`c ${obj.forward_count()} ${obj.adapt_count()} ${exact(obj.delta_norm())}`);
    }
  } else if (cls === 'WasmScopedLoRA') {
    const d = obj.dim();
    const pickOp = () => (rng.chance(0.5) ? rng.int(0, 2) : rng.int(0, 16)); // some operators pass 10 updates
    for (let s = 0; s < steps; s++) {
      const r = rng.next(), op = pickOp();
      if (r < 0.14) log.push(`fa ${bitsOf(obj.forward_array(op, fwdVec(rng, d)))}`);
      else if (r < 0.22) { obj.input_view().set(rvec(rng, d)); obj.forward(op); log.push(`f ${bitsOf(obj.output_view())}`); }
      else if (r < 0.34) obj.adapt_array(op, gradVec(rng, d));
      else if (r < 0.4) { obj.input_view().set(gradVec(rng, d)); obj.adapt(op); }
      else if (r < 0.5) { obj.input_view().set(gradVec(rng, d)); obj.adapt_with_reward(op, rng.pick(IMPROVEMENTS)); }
      else if (r < 0.58) log.push(`fb ${bitsOf(obj.forward_batch(op, rows(rng, rng.int(0, 4), d, fwdVec)))}`);
      else if (r < 0.68) obj.adapt_batch(op, rows(rng, rng.int(0, 6), d, gradVec));
      else if (r < 0.72) { obj.forward(op); log.push(`f0 ${bitsOf(obj.output_view())}`); }
      else if (r < 0.75) obj.set_category_fallback(rng.chance(0.6));
      else if (r < 0.77) obj.reset_scope(op);
      else if (r < 0.775) obj.reset_all();
      else if (r < 0.8) log.push(`bad ${attempt(() => obj.adapt_batch(op, rows(rng, 3, d, gradVec).fill(NaN, 2 * d, 2 * d + 1)))}`);
      else if (r < 0.83) log.push(`bad ${attempt(() => obj.forward_batch(17, new Float32Array(d)))}`);
      else if (r < 0.86) log.push(`bad ${attempt(() => obj.adapt_array(op, new Float32Array(d + 1)))}`);
      else log.push(`q ${op} ${obj.forward_count(op)} ${obj.adapt_count(op)} ${exact(obj.delta_norm(op))}`);
      log.push(`c ${obj.total_forward_count()} ${obj.total_adapt_count()}`);
    }
  } else {
    const e = obj.embedding_dim();
    for (let s = 0; s < steps; s++) {
      const r = rng.next();
      if (r < 0.7) {
        const emb = rvec(rng, e, -2, 2);
        if (rng.chance(0.05)) emb[rng.int(0, e - 1)] = rng.pick([NaN, Infinity, -Infinity]);
        const exec = rng.pick([0, rng.uniform(1, 100), rng.uniform(1, 100), 1e-30]);
        const base = rng.pick([0, exec, rng.uniform(1, 200), rng.uniform(1, 200), 3e38]);
        obj.record(emb, rng.int(0, 16), rng.int(0, 255), exec, base);
      } else if (r < 0.8) log.push(`hq ${obj.high_quality_count(rng.pick([-1, 0, 0.25, 0.5, 0.6, 0.75, 1]))}`);
      else if (r < 0.88) log.push(`op ${obj.count_by_operator(rng.int(0, 16))}`);
      else if (r < 0.89) obj.reset();
      else if (r < 0.93) log.push(`bad ${attempt(() => obj.record(new Float32Array(e), 17, 0, 1, 2))}`);
      else if (r < 0.96) log.push(`bad ${attempt(() => obj.record(new Float32Array(e + 1), 1, 0, 1, 2))}`);
      else log.push(`dim ${obj.embedding_dim()}`);
      log.push(readState(cls, obj).replace(/\n/g, ' '));
    }
  }
  return log;
}

/** A new object of class cls with constructor arguments args. */
const make = (lib, cls, args) => new lib[cls](...args);

// ---- the tests, on both call paths ----------------------------------------------------------

test('CRC-32 helper matches the IEEE check value', () => {
  assert.equal(crc32(new TextEncoder().encode('123456789')), 0xcbf43926);
});

for (const P of [PATHS.fast, PATHS.slow]) {
  const { lib } = P;
  const { WasmMicroLoRA, WasmScopedLoRA, WasmTrajectoryBuffer } = lib;
  const tname = (s) => `[${P.name}] ${s}`;

  // Configurations of trained objects: [constructor args, training steps].
  const CONFIGS = {
    WasmMicroLoRA: [[[8, 0.5, 0.05], 200], [[1, 0.1, 0.01], 60], [[384, 0.1, 0.01], 40]],
    WasmScopedLoRA: [[[6, 0.5, 0.05], 250], [[1, 2, 0.5], 60], [[300, 0.1, 0.01], 40]],
    WasmTrajectoryBuffer: [[[7, 5], 200], [[1, 1], 40], [[40, 384], 80]],
  };

  /** A trained object of class cls, and the bytes it saves. */
  function trained(cls, args, steps, seed) {
    const obj = make(lib, cls, args);
    drive(cls, obj, new Rng(seed), steps);
    return obj;
  }

  describe(tname('persistence'), () => {
    for (const cls of CLASSES) {
      test(tname(`${cls}: a restored object is indistinguishable from the original`), () => {
        const C = lib[cls];
        for (const [args, steps] of CONFIGS[cls]) {
          const seed = seedFor(`${P.name} ${cls} ${args}`);
          const a = trained(cls, args, steps, seed);
          const bytes = a.to_bytes();
          assert.ok(bytes instanceof Uint8Array, 'to_bytes returns a Uint8Array');
          assert.deepEqual(a.to_bytes(), bytes, 'to_bytes is deterministic');
          const b = C.from_bytes(bytes);
          assert.ok(b instanceof C);
          assert.notEqual(b, a);
          if (cls !== 'WasmTrajectoryBuffer') assert.notEqual(b.get_input_ptr(), a.get_input_ptr());
          assert.equal(b.memory, P.memory);
          assert.equal(observe(cls, b), observe(cls, a), `${args}: restored state`);
          assert.equal(hex(b.to_bytes()), hex(bytes), `${args}: the restored object saves the same bytes`);

          // The same further random sequence of operations on both.
          const seed2 = seed ^ 0xabcdef;
          sameLog(drive(cls, b, new Rng(seed2), steps), drive(cls, a, new Rng(seed2), steps), `${cls}(${args}) after restore`);
          assert.equal(probe(lib, cls, b, new Rng(seed2 + 1)), probe(lib, cls, a, new Rng(seed2 + 1)));
          assert.equal(hex(b.to_bytes()), hex(a.to_bytes()));

          // Independent objects: freeing the original leaves the copy working.
          const before = observe(cls, b);
          a.free();
          assert.equal(observe(cls, b), before);
          b.free();
        }
      });
    }

    test(tname('fresh objects round-trip too, and from_bytes takes a Uint8Array at any offset, a Buffer or an ArrayBuffer'), () => {
      for (const [cls, args] of [['WasmMicroLoRA', [3]], ['WasmScopedLoRA', [2]], ['WasmTrajectoryBuffer', [4, 3]], ['WasmMicroLoRA', []]]) {
        const C = lib[cls];
        const a = make(lib, cls, args);
        const bytes = a.to_bytes();
        const padded = new Uint8Array(bytes.length + 7);
        padded.set(bytes, 3);
        const inputs = [bytes, bytes.buffer, padded.subarray(3, 3 + bytes.length), Buffer.from(bytes)];
        for (const input of inputs) {
          const b = C.from_bytes(input);
          assert.equal(observe(cls, b), observe(cls, a));
          assert.equal(hex(b.to_bytes()), hex(bytes));
          b.free();
        }
        a.free();
      }
    });

    test(tname('to_bytes follows the documented layout (independent decoder, CRC-32, sizes, field by field)'), () => {
      const rng = new Rng(seedFor(`${P.name} layout`));
      // WasmMicroLoRA
      {
        const d = 6, m = new WasmMicroLoRA(d, 0.375, 0.0625);
        drive('WasmMicroLoRA', m, rng, 80);
        m.input_view().set(rvec(rng, d));
        const bytes = m.to_bytes(), st = decodeState(bytes);
        assert.equal(bytes.length, stateSize.WasmMicroLoRA(d));
        assert.deepEqual([st.magic, st.version, st.tag, st.reserved, st.crcOk], ['RVLW', 1, 1, 0, true]);
        assert.equal(st.dim, d);
        assert.equal(st.alphaBits, bitsOfF32(0.375));
        assert.equal(st.lrBits, bitsOfF32(0.0625));
        assert.equal(st.forwards, m.forward_count());
        assert.equal(st.adapts, m.adapt_count());
        assert.ok(st.pair.count <= st.adapts, 'the pair counts applied updates only');
        const model = new ModelPair(d, 0.375, 0.0625);
        assert.equal(bitsOf(st.pair.A0), bitsOf(model.A0), 'A0 is the deterministic init');
        assert.equal(bitsOf(st.pair.A1), bitsOf(model.A1), 'A1 is the deterministic init');
        const b = m.get_b();
        assert.equal(bitsOf(st.pair.B0), bitsOf(b.subarray(0, d)), 'B0 = get_b() row 0');
        assert.equal(bitsOf(st.pair.B1), bitsOf(b.subarray(d)), 'B1 = get_b() row 1');
        assert.equal(bitsOf(st.input), bitsOf(m.input_view()));
        assert.equal(bitsOf(st.output), bitsOf(m.output_view()));
        assert.equal(hex(encodeState(st)), hex(bytes), 'the JS encoder reproduces the bytes');
        m.free();
      }
      // WasmScopedLoRA
      {
        const d = 5, s = new WasmScopedLoRA(d, 0.25, 0.125);
        for (let i = 0; i < 40; i++) {
          const op = rng.int(0, 16);
          s.adapt_array(op, rvec(rng, d));
          s.forward_array(rng.int(0, 16), rvec(rng, d));
        }
        s.set_category_fallback(false);
        s.input_view().set(rvec(rng, d));
        s.forward(3);
        const bytes = s.to_bytes(), st = decodeState(bytes);
        assert.equal(bytes.length, stateSize.WasmScopedLoRA(d));
        assert.deepEqual([st.magic, st.version, st.tag, st.reserved, st.crcOk], ['RVLW', 1, 2, 0, true]);
        assert.equal(st.dim, d);
        assert.equal(st.alphaBits, bitsOfF32(0.25));
        assert.equal(st.lrBits, bitsOfF32(0.125));
        assert.equal(st.fallback, 0);
        const model = new ModelPair(d, 0.25, 0.125);
        for (const op of OPS) {
          assert.equal(st.forwards[op], s.forward_count(op), `forward_count(${op})`);
          assert.equal(st.ops[op].count, s.adapt_count(op), `adapt_count(${op})`);
          assert.equal(bitsOf(st.ops[op].A0), bitsOf(model.A0));
        }
        for (let c = 0; c < N_CATS; c++) {
          const expected = OPS.filter((op) => CATEGORY[op] === c).reduce((n, op) => n + st.ops[op].count, 0n);
          assert.equal(st.cats[c].count, expected, `category ${c} counts its operators' updates`);
          assert.equal(bitsOf(st.cats[c].A1), bitsOf(model.A1));
        }
        assert.equal(bitsOf(st.input), bitsOf(s.input_view()));
        assert.equal(bitsOf(st.output), bitsOf(s.output_view()));
        assert.equal(hex(encodeState(st)), hex(bytes));
        s.set_category_fallback(true);
        assert.equal(decodeState(s.to_bytes()).fallback, 1);
        s.free();
      }
      // WasmTrajectoryBuffer (a wrapped ring)
      {
        const cap = 5, e = 3, t = new WasmTrajectoryBuffer(cap, e), ring = new RingModel(cap, e);
        for (let i = 0; i < 13; i++) {
          const emb = rvec(rng, e), op = rng.int(0, 16), att = rng.int(0, 255);
          const exec = rng.pick([0, rng.uniform(1, 50)]), base = rng.uniform(0, 80);
          t.record(emb, op, att, exec, base);
          ring.record(emb, op, att, exec, base);
        }
        const bytes = t.to_bytes(), st = decodeState(bytes);
        assert.equal(bytes.length, stateSize.WasmTrajectoryBuffer(cap, e));
        assert.deepEqual([st.magic, st.version, st.tag, st.reserved, st.crcOk], ['RVLW', 1, 3, 0, true]);
        assert.equal(st.capacity, cap);
        assert.equal(st.dim, e);
        assert.equal(st.total, t.total_count());
        assert.equal(hexBits(f32FromBits(st.meanBits)), hexBits(t.mean_improvement()));
        assert.equal(hexBits(f32FromBits(st.bestBits)), hexBits(t.best_improvement()));
        assert.equal(st.bestAttention, t.best_attention());
        assert.equal(hexBits(f32FromBits(st.successRateBits)), hexBits(t.success_rate()));
        assert.equal(hexBits(fr(f32FromBits(st.varAccBits) / fr(Number(st.total) - 1))), hexBits(t.variance()),
          'variance() = var_acc / f32(count - 1)');
        assert.equal(st.n, t.len());
        const stored = ring.stored();
        assert.equal(st.records.length, stored.length);
        st.records.forEach((rec, i) => {
          assert.equal(rec.op, stored[i].op, `record ${i} op_type (oldest first)`);
          assert.equal(rec.att, stored[i].att, `record ${i} attention_type`);
          assert.equal(rec.impBits, bitsOfF32(stored[i].imp), `record ${i} improvement`);
          assert.equal(bitsOf(rec.emb), bitsOf(stored[i].emb), `record ${i} embedding`);
        });
        assert.equal(hex(encodeState(st)), hex(bytes));
        t.free();
      }
    });

    test(tname('states built from scratch in JS load and behave as their fields say'), () => {
      // A WasmMicroLoRA with an arbitrary A (not the init one): restoring must
      // load A (and the sums of A an update uses), B, counters and buffers.
      const d = 3, model = new ModelPair(d, 0.5, 0.25);
      model.A0.set([0.5, -0.25, 0.125]);
      model.A1.set([-1, 0.75, 2]);
      model.B0.set([0.1, 0.2, -0.3]);
      model.B1.set([-0.5, 0.05, 0.4]);
      model.count = 4;
      const st = {
        tag: 1, dim: d, alphaBits: bitsOfF32(0.5), lrBits: bitsOfF32(0.25), forwards: 7n, adapts: 9n,
        pair: { count: 4n, A0: model.A0, A1: model.A1, B0: model.B0, B1: model.B1 },
        input: Float32Array.of(1, 2, 3), output: Float32Array.of(-1, -2, -3),
      };
      const m = WasmMicroLoRA.from_bytes(encodeState(st));
      assert.equal(m.dim(), d);
      assert.equal(m.forward_count(), 7n);
      assert.equal(m.adapt_count(), 9n);
      assert.equal(bitsOf(m.get_b()), bitsOf(model.b()));
      assert.equal(bitsOf(m.input_view()), bitsOf(st.input));
      assert.equal(bitsOf(m.output_view()), bitsOf(st.output));
      assert.equal(exact(m.delta_norm()), exact(model.deltaNorm()));
      const x = Float32Array.of(0.3, -1.7, 2.2);
      assert.equal(bitsOf(m.forward_array(x)), bitsOf(model.forward(x)));
      const g = Float32Array.of(0.6, 0.1, -0.9);
      m.adapt_array(g);
      model.update(g, model.lr);
      assert.equal(bitsOf(m.get_b()), bitsOf(model.b()), 'the update uses the loaded A');
      assert.equal(bitsOf(m.forward_array(x)), bitsOf(model.forward(x)));
      assert.equal(m.adapt_count(), 10n);
      assert.equal(decodeState(m.to_bytes()).pair.count, 5n);
      m.free();

      // A WasmTrajectoryBuffer with 3 of 4 slots used and arbitrary statistics.
      const recs = [
        { op: 2, att: 9, imp: 0.5, emb: [1, 2] },
        { op: 2, att: 3, imp: -0.25, emb: [3, 4] },
        { op: 16, att: 255, imp: 1.5, emb: [5, 6] },
      ];
      const bst = {
        tag: 3, capacity: 4, dim: 2, total: 10n, meanBits: bitsOfF32(0.125), varAccBits: bitsOfF32(4.5),
        bestBits: bitsOfF32(1.5), bestAttention: 255, successRateBits: bitsOfF32(0.75),
        records: recs.map((r) => ({ op: r.op, att: r.att, impBits: bitsOfF32(r.imp), emb: Float32Array.from(r.emb) })),
      };
      const t = WasmTrajectoryBuffer.from_bytes(encodeState(bst));
      assert.equal(t.len(), 3);
      assert.equal(t.total_count(), 10n);
      assert.equal(t.embedding_dim(), 2);
      assert.equal(t.mean_improvement(), 0.125);
      assert.equal(t.variance(), fr(4.5 / 9));
      assert.equal(t.best_improvement(), 1.5);
      assert.equal(t.best_attention(), 255);
      assert.equal(t.success_rate(), 0.75);
      assert.equal(t.count_by_operator(2), 2);
      assert.equal(t.count_by_operator(16), 1);
      assert.equal(t.high_quality_count(0.7), 2); // qualities 0.75, 0.375, 1
      // Replay order and content: learn_from equals adapt_with_reward by hand.
      const learner = new WasmScopedLoRA(2, 0.5, 0.1), twin = new WasmScopedLoRA(2, 0.5, 0.1);
      assert.equal(learner.learn_from(t), 2);
      for (const r of [recs[0], recs[2]]) { twin.input_view().set(r.emb); twin.adapt_with_reward(r.op, r.imp); }
      twin.input_view().fill(0);
      assert.equal(hex(learner.to_bytes()), hex(twin.to_bytes()));
      // Two more records fill the ring and evict the oldest.
      t.record([7, 8], 5, 1, 1, 3);
      t.record([9, 10], 6, 1, 1, 3);
      const after = decodeState(t.to_bytes());
      assert.equal(after.total, 12n);
      assert.deepEqual(after.records.map((r) => r.op), [2, 16, 5, 6]);
      assert.deepEqual(after.records.map((r) => Array.from(r.emb)), [[3, 4], [5, 6], [7, 8], [9, 10]]);
      t.free(); learner.free(); twin.free();

      // A WasmScopedLoRA state edited in JS: fallback off and forward counters.
      const s0 = new WasmScopedLoRA(2);
      const sst = decodeState(s0.to_bytes());
      sst.fallback = 0;
      sst.forwards = OPS.map((op) => BigInt(op * 1000));
      const s = WasmScopedLoRA.from_bytes(encodeState(sst));
      for (const op of OPS) assert.equal(s.forward_count(op), BigInt(op * 1000));
      assert.equal(s.total_forward_count(), 136000n);
      s.adapt_array(4, [1, 1]); // with fallback off, op 4 no longer blends with its category
      const ref = new WasmScopedLoRA(2);
      ref.set_category_fallback(false);
      ref.adapt_array(4, [1, 1]);
      assert.equal(bitsOf(s.forward_array(4, [0.5, 2])), bitsOf(ref.forward_array(4, [0.5, 2])));
      s0.free(); s.free(); ref.free();
    });

    /** One trained object of each class, its bytes, and a fingerprint of its state. */
    function samples() {
      return CLASSES.map((cls) => {
        const [args, steps] = CONFIGS[cls][0];
        const obj = trained(cls, args, steps, seedFor(`${P.name} sample ${cls}`));
        return { cls, obj, bytes: obj.to_bytes() };
      });
    }

    /** Asserts that from_bytes(bytes) on class cls throws a plain Error naming the method. */
    function rejects(cls, bytes, what) {
      const e = thrownBy(() => lib[cls].from_bytes(bytes));
      assert.equal(errorKind(e), 'Error', `${cls} ${what}: ${showError(e)}`);
      assert.ok(e.message.startsWith(`${cls}.from_bytes: `), `${cls} ${what}: message ${e.message}`);
      return e;
    }

    /** The module still works: the sample objects are intact and restore again; new objects work. */
    function healthy(list) {
      for (const { cls, obj, bytes } of list) {
        assert.equal(hex(obj.to_bytes()), hex(bytes), `${cls} unchanged`);
        const again = lib[cls].from_bytes(bytes);
        assert.equal(observe(cls, again), observe(cls, obj));
        again.free();
      }
      const m = new WasmMicroLoRA(4);
      m.adapt_array([1, 2, 3, 4]);
      assert.equal(m.forward_array([1, 1, 1, 1]).length, 4);
      m.free();
    }

    test(tname('every single-bit corruption and every truncation is rejected with an Error; the module stays healthy'), () => {
      const list = samples();
      const rng = new Rng(seedFor(`${P.name} corrupt`));
      for (const { cls, bytes } of list) {
        // 200 random single-bit flips anywhere, plus every bit of the header and of the CRC.
        const flips = Array.from({ length: 200 }, () => [rng.int(0, bytes.length - 1), rng.int(0, 7)]);
        for (let i = 0; i < 8; i++) for (let bit = 0; bit < 8; bit++) flips.push([i, bit]);
        for (let i = bytes.length - 4; i < bytes.length; i++) for (let bit = 0; bit < 8; bit++) flips.push([i, bit]);
        for (const [i, bit] of flips) {
          const bad = bytes.slice();
          bad[i] ^= 1 << bit;
          rejects(cls, bad, `bit ${bit} of byte ${i} flipped`);
        }
        // Every truncation, and one byte too many.
        for (let n = 0; n < bytes.length; n++) rejects(cls, bytes.subarray(0, n), `truncated to ${n} bytes`);
        const longer = new Uint8Array(bytes.length + 1);
        longer.set(bytes);
        rejects(cls, longer, 'one byte appended');
        rejects(cls, longer.buffer, 'one byte appended (ArrayBuffer)');
      }
      healthy(list);
      for (const { obj } of list) obj.free();
    });

    test(tname("bytes of another class are rejected with an Error"), () => {
      const list = samples();
      for (const { cls: from, bytes } of list) {
        for (const to of CLASSES) {
          if (to === from) continue;
          const e = rejects(to, bytes, `bytes of ${from}`);
          assert.match(e.message, /another class/);
          // The same with the class tag rewritten (and the CRC fixed): the body does not fit.
          const raw = bytes.slice();
          raw[6] = TAG[to];
          new DataView(raw.buffer).setUint32(raw.length - 4, crc32(raw.subarray(0, raw.length - 4)), true);
          rejects(to, raw, `bytes of ${from} relabelled as ${to}`);
        }
      }
      healthy(list);
      for (const { obj } of list) obj.free();
    });

    test(tname('crafted states with a valid CRC but values the constructors refuse are rejected, the huge ones without allocating'), () => {
      const memory = P.memory;
      const micro = decodeState(new WasmMicroLoRA(4).to_bytes());
      const scoped = decodeState(new WasmScopedLoRA(2).to_bytes());
      const buf0 = new WasmTrajectoryBuffer(3, 2);
      buf0.record([1, 2], 1, 2, 4, 5);
      buf0.record([3, 4], 3, 4, 4, 3);
      const { n: _stored, ...buffer } = decodeState(buf0.to_bytes()); // n is written from records unless a case sets it
      buf0.free();
      const pairOf = (d) => ({ count: 0n, A0: new Float32Array(d), A1: new Float32Array(d), B0: new Float32Array(d), B1: new Float32Array(d) });
      const cases = {
        WasmMicroLoRA: [
          ['bad magic', { ...micro, magic: 'RVLX' }],
          ['magic of another format', { ...micro, magic: '\x89PNG' }],
          ['version 0', { ...micro, version: 0 }],
          ['version 2', { ...micro, version: 2 }],
          ['reserved byte 1', { ...micro, reserved: 1 }],
          ['reserved byte 255', { ...micro, reserved: 255 }],
          ['class tag 0', { ...micro, tag: 0 }, true],
          ['class tag 4', { ...micro, tag: 4 }, true],
          ['dim 0', { ...micro, dim: 0, pair: pairOf(0), input: [], output: [] }],
          ['dim 8193', { ...micro, dim: 8193, pair: pairOf(8193), input: new Float32Array(8193), output: new Float32Array(8193) }],
          ['dim 2^32-1 with a 4-dim body', { ...micro, dim: 0xffffffff }],
          ['dim 5 with a 4-dim body', { ...micro, dim: 5 }],
          ['dim 3 with a 4-dim body', { ...micro, dim: 3 }],
          ['alpha NaN', { ...micro, alphaBits: 0x7fc00000 }],
          ['alpha +Infinity', { ...micro, alphaBits: 0x7f800000 }],
          ['learning rate -Infinity', { ...micro, lrBits: 0xff800000 }],
          ['learning rate NaN with a payload', { ...micro, lrBits: 0xffc01234 }],
          ['one extra body byte', micro, false, { extra: [0] }],
        ],
        WasmScopedLoRA: [
          ['fallback 2', { ...scoped, fallback: 2 }],
          ['fallback 255', { ...scoped, fallback: 255 }],
          ['reserved byte 7', { ...scoped, reserved: 7 }],
          ['dim 8193 with a 2-dim body', { ...scoped, dim: 8193 }],
          ['dim 8192 with a 2-dim body', { ...scoped, dim: 8192 }],
          ['dim 0', { ...scoped, dim: 0 }],
          ['alpha -Infinity', { ...scoped, alphaBits: 0xff800000 }],
          ['one extra body byte', scoped, false, { extra: [1] }],
        ],
        WasmTrajectoryBuffer: [
          ['capacity 0', { ...buffer, capacity: 0, records: [] }],
          ['embedding_dim 0', { ...buffer, dim: 0, records: [] }],
          ['embedding_dim 8193', { ...buffer, dim: 8193, records: [] }],
          ['capacity 8193 × embedding_dim 8192 (over 256 MiB)', { ...buffer, capacity: 8193, dim: 8192, records: [] }],
          ['capacity 67108865 × embedding_dim 1 (over 256 MiB)', { ...buffer, capacity: MAX_STORAGE_FLOATS + 1, dim: 1, records: [] }],
          ['capacity 2^32-1 × embedding_dim 8192', { ...buffer, capacity: 0xffffffff, dim: 8192, records: [] }],
          ['capacity 2^32-1 × embedding_dim 1', { ...buffer, capacity: 0xffffffff, dim: 1, records: [] }],
          ['legal 8192 × 8192 header claiming 1000 records it does not hold', { ...buffer, capacity: 8192, dim: 8192, n: 1000, records: [] }],
          ['legal 8192 × 8192 header claiming 8192 records it does not hold', { ...buffer, capacity: 8192, dim: 8192, n: 8192, records: [] }],
          ['legal 67108864 × 1 header claiming 2^32-1 records', { ...buffer, capacity: MAX_STORAGE_FLOATS, dim: 1, n: 0xffffffff, records: [] }],
          ['more records than the capacity', { ...buffer, capacity: 1 }],
          ['n = 3 with 2 records', { ...buffer, n: 3 }],
          ['n = 1 with 2 records', { ...buffer, n: 1 }],
          ['a record with op_type 17', { ...buffer, records: [buffer.records[0], { ...buffer.records[1], op: 17 }] }],
          ['a record with op_type 255', { ...buffer, records: [{ ...buffer.records[0], op: 255 }, buffer.records[1]] }],
          ['embedding_dim 3 with 2-dim records', { ...buffer, dim: 3 }],
          ['version 2', { ...buffer, version: 2 }],
          ['one extra body byte', buffer, false, { extra: [0] }],
        ],
      };
      const before = memory.buffer.byteLength;
      assert.ok(before < 192 * 2 ** 20, `precondition: memory (${before} bytes) is small enough that a 256 MiB allocation would grow it`);
      for (const [cls, list] of Object.entries(cases)) {
        for (const [what, st, otherTag, opts] of list) {
          let bytes;
          if (otherTag) {
            // An unknown class tag: take the valid bytes, rewrite the tag and fix the CRC.
            bytes = encodeState(micro);
            bytes[6] = st.tag;
            new DataView(bytes.buffer).setUint32(bytes.length - 4, crc32(bytes.subarray(0, bytes.length - 4)), true);
          } else {
            bytes = encodeState(st, opts ?? {});
          }
          assert.equal(crc32(bytes.subarray(0, bytes.length - 4)), new DataView(bytes.buffer).getUint32(bytes.length - 4, true));
          rejects(cls, bytes, what);
        }
      }
      // Each claimed size is 256 MiB or more; the rejections' own garbage (error
      // records, messages) may grow the heap by a few pages before Go collects.
      const grown = memory.buffer.byteLength - before;
      assert.ok(grown < 32 * 2 ** 20, `no crafted header made the module allocate its claimed size (memory grew by ${grown} bytes)`);
      // A state whose CRC is wrong only in its last bit, everything else valid.
      const good = encodeState(micro);
      WasmMicroLoRA.from_bytes(good).free();
      rejects('WasmMicroLoRA', encodeState(micro, { crc: crc32(good.subarray(0, good.length - 4)) ^ 1 }), 'CRC off by one bit');
    });

    test(tname('from_bytes throws TypeError for an argument that is not bytes'), () => {
      const values = [
        ['undefined', undefined], ['null', null], ['a number', 42], ['a string', 'RVLW'], ['an Array', [82, 86, 76, 87]],
        ['an object', { length: 0 }], ['a Float32Array', new Float32Array(8)], ['a DataView', new DataView(new ArrayBuffer(8))],
        ['an Int8Array', new Int8Array(8)], ['a bigint', 1n], ['a symbol', Symbol('x')], ['a function', () => 0],
      ];
      for (const cls of CLASSES) {
        for (const [what, v] of values) {
          const e = thrownBy(() => lib[cls].from_bytes(v));
          assert.equal(errorKind(e), 'TypeError', `${cls}.from_bytes(${what}): ${showError(e)}`);
          assert.match(e.message, new RegExp(`^${cls}\\.from_bytes: bytes `), `${cls}.from_bytes(${what})`);
        }
        const e = thrownBy(() => lib[cls].from_bytes());
        assert.equal(errorKind(e), 'TypeError', `${cls}.from_bytes(): ${showError(e)}`);
      }
    });

    test(tname('every method follows the common rules: freed objects, wrong this'), () => {
      const m = new WasmMicroLoRA(2), s = new WasmScopedLoRA(2), t = new WasmTrajectoryBuffer(2, 2);
      // Every method of the table (members.gen.mjs), with valid arguments by kind.
      const argOf = { n: 0, N: undefined, b: true, a: [0, 0], A: [1, 2], B: t, o: undefined };
      const calls = {};
      for (const mem of MEMBERS.filter((x) => x.sort === 'method' || x.name.endsWith('_view'))) {
        (calls[mem.class] ??= []).push([mem.name, mem.params.map((p) => argOf[p.kind])]);
      }
      const objs = { WasmMicroLoRA: m, WasmScopedLoRA: s, WasmTrajectoryBuffer: t };
      for (const [cls, list] of Object.entries(calls)) {
        const other = cls === 'WasmMicroLoRA' ? t : cls === 'WasmScopedLoRA' ? m : s;
        for (const [name, args] of list) {
          // (input_view/output_view are plain JS over get_input_ptr/dim, so on
          // the other LoRA class they give that object's view: not checked.)
          if (!name.endsWith('_view')) {
            const e = thrownBy(() => lib[cls].prototype[name].apply(other, args));
            assert.equal(errorKind(e), 'TypeError', `${cls}.${name} on another class: ${showError(e)}`);
          }
          const e2 = thrownBy(() => lib[cls].prototype[name].apply({}, args));
          assert.equal(errorKind(e2), 'TypeError', `${cls}.${name} on a plain object: ${showError(e2)}`);
        }
      }
      assert.equal(WasmTrajectoryBuffer.prototype.input_view, undefined, 'the buffer has no zero-allocation views');
      assert.equal(WasmTrajectoryBuffer.prototype.output_view, undefined);
      assert.equal(WasmTrajectoryBuffer.prototype.get_b, undefined);
      assert.equal(t.embedding_dim(), 2);
      const learner = new WasmScopedLoRA(2);
      t.free();
      const lf = thrownBy(() => learner.learn_from(t));
      assert.equal(errorKind(lf), 'TypeError', `learn_from(freed buffer): ${showError(lf)}`);
      for (const mem of MEMBERS.filter((x) => x.result === 'F' && x.class !== 'WasmTrajectoryBuffer')) {
        assert.ok(objs[mem.class][mem.name]() > 0, `${mem.class}.${mem.name}, which the loader then keeps`);
      }
      m.free(); s.free(); learner.free();
      for (const [cls, list] of Object.entries(calls)) {
        for (const [name, args] of list) {
          const e = thrownBy(() => objs[cls][name](...args));
          assert.equal(errorKind(e), 'Error', `${cls}.${name} after free: ${showError(e)}`);
          assert.match(e.message, /object has been freed/, `${cls}.${name} after free`);
        }
      }
    });
  });

  describe(tname('get_b / set_b'), () => {
    test(tname('get_b is B0 then B1 (zero when new); set_b(get_b()) on a fresh twin reproduces every output'), () => {
      const rng = new Rng(seedFor(`${P.name} getb`));
      for (const [d, alpha, lr] of [[1, 0.1, 0.01], [7, 0.5, 0.2], [256, 0.1, 0.01], [384, 0.25, 0.05]]) {
        const fresh = new WasmMicroLoRA(d, alpha, lr);
        const zero = fresh.get_b();
        assert.ok(zero instanceof Float32Array);
        assert.equal(zero.length, 2 * d);
        assert.ok(zero.every((v) => Object.is(v, 0)));
        const a = new WasmMicroLoRA(d, alpha, lr);
        drive('WasmMicroLoRA', a, rng, 60);
        const b = a.get_b();
        b[0] += 1; // a copy: changing it changes nothing
        assert.notEqual(bitsOf(b), bitsOf(a.get_b()));
        const got = a.get_b();
        fresh.set_b(got);
        assert.equal(bitsOf(fresh.get_b()), bitsOf(got));
        assert.equal(fresh.forward_count(), 0n, 'set_b leaves the counters alone');
        assert.equal(fresh.adapt_count(), 0n);
        assert.equal(exact(fresh.delta_norm()), exact(a.delta_norm()));
        for (let i = 0; i < 5; i++) {
          const x = fwdVec(rng, d);
          assert.equal(bitsOf(fresh.forward_array(x)), bitsOf(a.forward_array(x)), `dim ${d}: output ${i}`);
        }
        // ... and learning goes on identically.
        const g = rvec(rng, d);
        fresh.adapt_array(g);
        a.adapt_array(g);
        assert.equal(bitsOf(fresh.get_b()), bitsOf(a.get_b()));
        // A plain array works as well, and a model check of set_b's meaning.
        const model = new ModelPair(d, alpha, lr);
        const nb = rvec(rng, 2 * d, -0.5, 0.5);
        model.B0.set(nb.subarray(0, d));
        model.B1.set(nb.subarray(d));
        fresh.set_b(Array.from(nb));
        const x = rvec(rng, d);
        assert.equal(bitsOf(fresh.forward_array(x)), bitsOf(model.forward(x)), 'set_b(b) makes B0 = b[0..d), B1 = b[d..2d)');
        assert.equal(exact(fresh.delta_norm()), exact(model.deltaNorm()));
        fresh.free(); a.free();
      }
    });

    test(tname('set_b rejects wrong lengths (RangeError), non-finite values (RangeError), non-arrays (TypeError), with state unchanged'), () => {
      const d = 4, m = new WasmMicroLoRA(d, 0.5, 0.1);
      m.adapt_array([1, -2, 3, 0.5]);
      m.input_view().set([0.5, -1, 2, 0.25]);
      const before = hex(m.to_bytes());
      const good = Array.from({ length: 2 * d }, (_, i) => i / 10);
      const bad = [
        ['RangeError', 'length 0', []], ['RangeError', 'length dim', new Float32Array(d)],
        ['RangeError', 'length 2*dim - 1', new Float32Array(2 * d - 1)], ['RangeError', 'length 2*dim + 1', new Float32Array(2 * d + 1)],
        ['RangeError', 'NaN first', [NaN, ...good.slice(1)]], ['RangeError', 'NaN last', [...good.slice(1), NaN]],
        ['RangeError', '+Infinity', Float32Array.from(good, (v, i) => (i === 3 ? Infinity : v))],
        ['RangeError', '-Infinity', Float32Array.from(good, (v, i) => (i === 5 ? -Infinity : v))],
        ['RangeError', 'a value that overflows float32', good.map((v, i) => (i === 2 ? 1e39 : v))],
        ['TypeError', 'a string', '01234567'], ['TypeError', 'a number', 8], ['TypeError', 'null', null],
        ['TypeError', 'undefined', undefined], ['TypeError', 'an ArrayBuffer', new ArrayBuffer(32)],
        ['TypeError', 'bigints', Array.from({ length: 2 * d }, () => 1n)],
      ];
      for (const [kind, what, v] of bad) {
        const e = thrownBy(() => m.set_b(v));
        assert.equal(errorKind(e), kind, `set_b(${what}): ${showError(e)}`);
        assert.match(e.message, /^WasmMicroLoRA\.set_b: b /, `set_b(${what})`);
        assert.equal(hex(m.to_bytes()), before, `set_b(${what}) changed the state`);
      }
      assert.match(thrownBy(() => m.set_b(new Float32Array(3))).message, /length 2 \* dim\(\) = 8/);
      m.free();
    });
  });

  describe(tname('batches'), () => {
    /** Twins a (batches) and b (single calls) of class cls. */
    const twins = (cls, args) => [make(lib, cls, args), make(lib, cls, args)];

    test(tname('WasmMicroLoRA: forward_batch / adapt_batch equal that many single calls, bit for bit, counters included'), () => {
      const rng = new Rng(seedFor(`${P.name} microbatch`));
      for (const d of [1, 5, 64, 300]) {
        const [a, b] = twins('WasmMicroLoRA', [d, 0.5, 0.05]);
        for (let round = 0; round < 12; round++) {
          const k = rng.pick([0, 1, 2, 3, 7, 16]);
          if (rng.chance(0.5)) {
            const xs = rows(rng, k, d, fwdVec);
            const ys = a.forward_batch(rng.chance(0.3) ? Array.from(xs) : xs);
            assert.ok(ys instanceof Float32Array);
            assert.equal(ys.length, k * d);
            const singles = new Float32Array(k * d);
            for (let i = 0; i < k; i++) singles.set(b.forward_array(xs.subarray(i * d, (i + 1) * d)), i * d);
            assert.equal(bitsOf(ys), bitsOf(singles), `dim ${d} round ${round}: forward_batch of ${k}`);
          } else {
            const gs = rows(rng, k, d, gradVec);
            assert.equal(a.adapt_batch(gs), undefined);
            for (let i = 0; i < k; i++) b.adapt_array(gs.subarray(i * d, (i + 1) * d));
          }
          assert.equal(a.forward_count(), b.forward_count());
          assert.equal(a.adapt_count(), b.adapt_count());
          assert.equal(hex(a.to_bytes()), hex(b.to_bytes()), `dim ${d} round ${round}: whole state`);
        }
        a.free(); b.free();
      }
    });

    test(tname('WasmScopedLoRA: forward_batch / adapt_batch equal that many single calls, across the fallback threshold'), () => {
      const rng = new Rng(seedFor(`${P.name} scopedbatch`));
      for (const d of [1, 4, 33]) {
        const [a, b] = twins('WasmScopedLoRA', [d, 0.5, 0.05]);
        for (let round = 0; round < 30; round++) {
          const op = rng.chance(0.6) ? rng.int(4, 6) : rng.int(0, 16);
          const k = rng.pick([0, 1, 2, 5, 12]); // 12 rows take an operator past 10 updates in one batch
          if (rng.chance(0.1)) { const on = rng.chance(0.5); a.set_category_fallback(on); b.set_category_fallback(on); }
          if (rng.chance(0.5)) {
            const xs = rows(rng, k, d, fwdVec);
            const ys = a.forward_batch(op, xs);
            const singles = new Float32Array(k * d);
            for (let i = 0; i < k; i++) singles.set(b.forward_array(op, xs.subarray(i * d, (i + 1) * d)), i * d);
            assert.equal(bitsOf(ys), bitsOf(singles), `dim ${d} round ${round}: forward_batch(${op}) of ${k}`);
          } else {
            const gs = rows(rng, k, d, gradVec);
            a.adapt_batch(op, rng.chance(0.3) ? Array.from(gs) : gs);
            for (let i = 0; i < k; i++) b.adapt_array(op, gs.subarray(i * d, (i + 1) * d));
          }
          assert.equal(a.total_forward_count(), b.total_forward_count());
          assert.equal(a.total_adapt_count(), b.total_adapt_count());
          assert.equal(hex(a.to_bytes()), hex(b.to_bytes()), `dim ${d} round ${round}: whole state`);
        }
        // Every operator's output agrees too (category adapters included).
        for (const op of OPS) {
          const x = rvec(rng, d);
          assert.equal(bitsOf(a.forward_array(op, x)), bitsOf(b.forward_array(op, x)));
        }
        a.free(); b.free();
      }
    });

    test(tname('a bad row anywhere, a length that is not a multiple of dim, a bad op_type or a non-array is rejected with nothing changed'), () => {
      const d = 5, rng = new Rng(seedFor(`${P.name} badbatch`));
      const m = new WasmMicroLoRA(d, 0.5, 0.1), s = new WasmScopedLoRA(d, 0.5, 0.1);
      m.adapt_batch(rows(rng, 3, d, rvec));
      s.adapt_batch(2, rows(rng, 3, d, rvec));
      m.input_view().set(rvec(rng, d)); s.input_view().set(rvec(rng, d));
      const good = rows(rng, 4, d, rvec);
      const withBad = (row, col, v) => { const g = good.slice(); g[row * d + col] = v; return g; };
      const badRows = [
        ['NaN in the first row', withBad(0, 0, NaN)], ['NaN in the third row', withBad(2, 3, NaN)],
        ['+Infinity in the last row', withBad(3, 4, Infinity)], ['-Infinity in the second row', withBad(1, 2, -Infinity)],
        ['a row whose squared norm overflows float32', (() => { const g = good.slice(); g.fill(2e19, 2 * d, 3 * d); return g; })()],
      ];
      const lengths = [1, d - 1, d + 1, 3 * d + 2, 4 * d - 1];
      const nonArrays = [['a string', 'abcde'], ['a number', 5], ['null', null], ['undefined', undefined], ['an object', {}],
        ['an ArrayBuffer', new ArrayBuffer(4 * d)], ['bigints', Array.from({ length: d }, () => 1n)]];
      const expect = (kind, fn, what, re) => {
        const bm = hex(m.to_bytes()), bs = hex(s.to_bytes());
        const e = thrownBy(fn);
        assert.equal(errorKind(e), kind, `${what}: ${showError(e)}`);
        if (re) assert.match(e.message, re, what);
        assert.equal(hex(m.to_bytes()), bm, `${what} changed the WasmMicroLoRA`);
        assert.equal(hex(s.to_bytes()), bs, `${what} changed the WasmScopedLoRA`);
      };
      for (const [what, g] of badRows) {
        expect('RangeError', () => m.adapt_batch(g), `WasmMicroLoRA.adapt_batch(${what})`, /^WasmMicroLoRA\.adapt_batch: gradients /);
        expect('RangeError', () => s.adapt_batch(5, g), `WasmScopedLoRA.adapt_batch(${what})`, /^WasmScopedLoRA\.adapt_batch: gradients /);
      }
      for (const n of lengths) {
        const x = rvec(rng, n);
        expect('RangeError', () => m.forward_batch(x), `forward_batch of length ${n}`, /^WasmMicroLoRA\.forward_batch: inputs must have a length that is a multiple of dim\(\) = 5/);
        expect('RangeError', () => m.adapt_batch(x), `adapt_batch of length ${n}`, /multiple of dim\(\) = 5/);
        expect('RangeError', () => s.forward_batch(1, x), `scoped forward_batch of length ${n}`, /^WasmScopedLoRA\.forward_batch: inputs .*multiple of dim\(\) = 5/);
        expect('RangeError', () => s.adapt_batch(1, x), `scoped adapt_batch of length ${n}`, /multiple of dim\(\) = 5/);
      }
      for (const [what, v] of nonArrays) {
        expect('TypeError', () => m.forward_batch(v), `WasmMicroLoRA.forward_batch(${what})`, /^WasmMicroLoRA\.forward_batch: inputs /);
        expect('TypeError', () => m.adapt_batch(v), `WasmMicroLoRA.adapt_batch(${what})`, /^WasmMicroLoRA\.adapt_batch: gradients /);
        expect('TypeError', () => s.forward_batch(0, v), `WasmScopedLoRA.forward_batch(0, ${what})`);
        expect('TypeError', () => s.adapt_batch(0, v), `WasmScopedLoRA.adapt_batch(0, ${what})`);
      }
      for (const op of [17, -1, 0.5, NaN, Infinity, 2 ** 53]) {
        expect('RangeError', () => s.forward_batch(op, good), `forward_batch(op ${op})`, /op_type/);
        expect('RangeError', () => s.adapt_batch(op, good), `adapt_batch(op ${op})`, /op_type/);
      }
      for (const op of ['0', null, undefined, 0n]) {
        expect('TypeError', () => s.forward_batch(op, good), `forward_batch(op ${String(op)})`, /op_type/);
        expect('TypeError', () => s.adapt_batch(op, good), `adapt_batch(op ${String(op)})`, /op_type/);
      }
      // Empty batches change nothing and return an empty Float32Array.
      const bm = hex(m.to_bytes()), bs = hex(s.to_bytes());
      const e1 = m.forward_batch([]), e2 = s.forward_batch(3, new Float32Array(0));
      assert.ok(e1 instanceof Float32Array && e1.length === 0);
      assert.ok(e2 instanceof Float32Array && e2.length === 0);
      m.adapt_batch([]); s.adapt_batch(3, []);
      assert.equal(hex(m.to_bytes()), bm);
      assert.equal(hex(s.to_bytes()), bs);
      // Forward inputs may hold anything: NaN rows are computed, not rejected.
      const xs = rows(rng, 2, d, rvec);
      xs[3] = NaN;
      const ys = m.forward_batch(xs);
      assert.ok(Number.isNaN(ys[3]));
      assert.equal(m.forward_count(), 2n);
      m.free(); s.free();
    });
  });

  describe(tname('large dims'), () => {
    for (const d of [384, 1536, 3072]) {
      test(tname(`dim ${d}: identity before learning, learning after (bit for bit against a float32 model of docs/SEMANTICS.md §2), param_count = 4*dim`), () => {
        const rng = new Rng(seedFor(`${P.name} dim ${d}`));
        const alpha = 0.25, lr = 0.05;
        // WasmMicroLoRA
        const m = new WasmMicroLoRA(d, alpha, lr);
        assert.equal(m.dim(), d);
        assert.equal(m.param_count(), 4 * d);
        const x = rvec(rng, d);
        assert.equal(bitsOf(m.forward_array(x)), bitsOf(x), 'a new adapter is the identity');
        m.input_view().set(x);
        m.forward();
        assert.equal(bitsOf(m.output_view()), bitsOf(x));
        assert.equal(m.delta_norm(), 0);
        const model = new ModelPair(d, alpha, lr);
        const g = rvec(rng, d), g2 = rvec(rng, d);
        m.adapt_array(g); model.update(g, model.lr);
        m.input_view().set(g2); m.adapt_with_reward(1.5); model.update(g2, fr(model.lr * 1.5));
        assert.ok(m.delta_norm() > 0, 'it learned');
        assert.equal(exact(m.delta_norm()), exact(model.deltaNorm()));
        assert.equal(bitsOf(m.get_b()), bitsOf(model.b()));
        const y = m.forward_array(x);
        assert.notEqual(bitsOf(y), bitsOf(x), 'the output moved');
        assert.equal(bitsOf(y), bitsOf(model.forward(x)));
        assert.equal(bitsOf(decodeState(m.to_bytes()).pair.A0), bitsOf(model.A0), 'A is the initial A of docs/SEMANTICS.md §2.2 at this dim');
        // batches at this dim
        const xs = rows(rng, 3, d, rvec);
        const ys = m.forward_batch(xs);
        for (let i = 0; i < 3; i++) assert.equal(bitsOf(ys.subarray(i * d, (i + 1) * d)), bitsOf(model.forward(xs.subarray(i * d, (i + 1) * d))));
        assert.equal(m.forward_count(), 6n); // 2 before learning, 1 after, 3 in the batch
        assert.equal(m.adapt_count(), 2n);
        m.free();

        // WasmScopedLoRA: op 5 (HashJoin) learns; op 4 (NestedLoopJoin) shares its category.
        const s = new WasmScopedLoRA(d, alpha, lr);
        assert.equal(s.dim(), d);
        for (const op of [0, 5, 16]) assert.equal(bitsOf(s.forward_array(op, x)), bitsOf(x), `op ${op} starts as the identity`);
        const opPair = new ModelPair(d, alpha, lr), catPair = new ModelPair(d, alpha, lr), idle = new ModelPair(d, alpha, lr);
        s.adapt_array(5, g); opPair.update(g, opPair.lr); catPair.update(g, catPair.lr);
        assert.equal(s.adapt_count(5), 1n);
        assert.ok(s.delta_norm(5) > 0);
        assert.equal(exact(s.delta_norm(5)), exact(opPair.deltaNorm()));
        assert.equal(bitsOf(s.forward_array(5, x)), bitsOf(modelScopedForward(opPair, catPair, x)), 'op 5 blends (1 update)');
        assert.equal(bitsOf(s.forward_array(4, x)), bitsOf(modelScopedForward(idle, catPair, x)), 'op 4 falls back to its category');
        assert.equal(bitsOf(s.forward_array(0, x)), bitsOf(x), 'another category is untouched');
        for (let i = 1; i < 10; i++) {
          const gi = rvec(rng, d);
          s.adapt_array(5, gi); opPair.update(gi, opPair.lr); catPair.update(gi, catPair.lr);
        }
        assert.equal(bitsOf(s.forward_array(5, x)), bitsOf(modelScopedForward(opPair, catPair, x)), 'op 5 alone after 10 updates');
        assert.equal(bitsOf(s.forward_array(5, x)), bitsOf(opPair.forward(x)));
        s.free();
      });
    }
  });

  describe(tname('learn_from'), () => {
    /**
     * A buffer of capacity cap and embedding_dim e filled with n random
     * records (improvements negative, zero, positive and +Infinity; some
     * embeddings with NaN, ±Infinity, an overflowing norm, or all zeros),
     * and the JS ring model of it.
     */
    function filledBuffer(rng, cap, e, n) {
      const t = new WasmTrajectoryBuffer(cap, e), ring = new RingModel(cap, e);
      for (let i = 0; i < n; i++) {
        const emb = rvec(rng, e, -2, 2);
        const r = rng.next();
        if (r < 0.05) emb[rng.int(0, e - 1)] = NaN;
        else if (r < 0.08) emb[rng.int(0, e - 1)] = rng.pick([Infinity, -Infinity]);
        else if (r < 0.1) emb.fill(3e19);
        else if (r < 0.13) emb.fill(0);
        let exec = rng.uniform(1, 100), base = rng.uniform(1, 200);
        const k = rng.next();
        if (k < 0.05) exec = 0;
        else if (k < 0.1) base = exec; // improvement exactly 0
        else if (k < 0.13) { exec = 1e-30; base = 3e38; } // improvement +Infinity
        else if (k < 0.2) { exec = 10; base = 15; } // improvement 0.5, quality exactly 0.75
        const op = rng.chance(0.5) ? rng.int(4, 6) : rng.int(0, 16);
        const att = rng.int(0, 255);
        t.record(emb, op, att, exec, base);
        ring.record(emb, op, att, exec, base);
      }
      return { t, ring };
    }

    /** The manual replay: adapt_with_reward through the input buffer for each qualifying trajectory. */
    function manualReplay(twin, ring, minQuality) {
      const q = fr(minQuality ?? 0);
      const saved = twin.input_view().slice();
      let applied = 0;
      for (const rec of ring.stored()) {
        if (!(rec.imp > 0) || !(RingModel.quality(rec.imp) > q) || !finiteNorm(rec.emb)) continue;
        twin.input_view().set(rec.emb);
        twin.adapt_with_reward(rec.op, rec.imp);
        applied++;
      }
      twin.input_view().set(saved); // learn_from does not touch the input buffer
      return applied;
    }

    test(tname('learn_from equals a manual replay with adapt_with_reward, bit for bit, for every min_quality'), () => {
      const rng = new Rng(seedFor(`${P.name} learn_from`));
      for (const [cap, e, n, dim] of [[20, 4, 45, 4], [60, 3, 60, 3], [7, 1, 30, 1], [30, 384, 40, 384]]) {
        const { t, ring } = filledBuffer(rng, cap, e, n);
        const bufferBytes = hex(t.to_bytes());
        // The ring model agrees with what the buffer stores.
        const stored = decodeState(t.to_bytes()).records;
        assert.deepEqual(stored.map((r) => r.impBits), ring.stored().map((r) => bitsOfF32(r.imp)));
        for (const minQuality of [undefined, null, 0, -1, -Infinity, 0.5, 0.75, 0.9, 0.99, 1, Infinity]) {
          // A trained learner and its exact twin (restored from its bytes).
          const learner = new WasmScopedLoRA(dim, 0.5, 0.05);
          drive('WasmScopedLoRA', learner, new Rng(seedFor(`${P.name} learner ${dim}`)), 30);
          const twin = WasmScopedLoRA.from_bytes(learner.to_bytes());
          const forwardsBefore = learner.total_forward_count();
          const inputBefore = bitsOf(learner.input_view());
          const got = minQuality === undefined ? learner.learn_from(t) : learner.learn_from(t, minQuality);
          const expected = manualReplay(twin, ring, minQuality);
          const what = `cap ${cap} e ${e} n ${n}, min_quality ${minQuality}`;
          assert.equal(got, expected, `${what}: count applied`);
          assert.equal(hex(learner.to_bytes()), hex(twin.to_bytes()), `${what}: state after learn_from`);
          for (const op of OPS) assert.equal(exact(learner.delta_norm(op)), exact(twin.delta_norm(op)));
          assert.equal(learner.total_forward_count(), forwardsBefore, 'learn_from runs no forward pass');
          assert.equal(bitsOf(learner.input_view()), inputBefore, 'learn_from leaves the input buffer alone');
          const x = rvec(rng, dim);
          for (const op of OPS) assert.equal(bitsOf(learner.forward_array(op, x)), bitsOf(twin.forward_array(op, x)));
          learner.free(); twin.free();
        }
        assert.equal(hex(t.to_bytes()), bufferBytes, 'learn_from leaves the buffer alone');
        t.free();
      }
    });

    test(tname('learn_from: filtering by improvement and quality, skipped non-finite embeddings, defaults'), () => {
      const e = 2, t = new WasmTrajectoryBuffer(10, e);
      t.record([1, 0], 0, 0, 10, 15); // improvement 0.5, quality 0.75
      t.record([0, 1], 1, 0, 10, 10); // improvement 0: never applied
      t.record([1, 1], 2, 0, 10, 5); // improvement -0.5: never applied
      t.record([NaN, 1], 3, 0, 10, 30); // NaN embedding: skipped, not counted
      t.record([1, Infinity], 4, 0, 10, 30); // infinite embedding: skipped
      t.record([-Infinity, 0], 5, 0, 10, 30);
      t.record([3e19, 3e19], 6, 0, 10, 30); // squared norm overflows float32: skipped
      t.record([2, -1], 7, 0, 10, 40); // improvement 3, quality 1
      t.record([0, 0], 8, 0, 10, 40); // zero gradient: counted, but the update itself is a no-op
      t.record([0.5, 0.5], 9, 0, 0, 40); // execution 0: improvement 0
      const count = (q) => { const s = new WasmScopedLoRA(e); const n = q === 'none' ? s.learn_from(t) : s.learn_from(t, q); s.free(); return n; };
      assert.equal(count('none'), 3);
      assert.equal(count(undefined), 3);
      assert.equal(count(null), 3);
      assert.equal(count(0), 3);
      assert.equal(count(0.7), 3);
      assert.equal(count(0.75), 2, 'quality must be strictly greater than min_quality');
      assert.equal(count(0.9), 2);
      assert.equal(count(1), 0);
      assert.equal(count(-5), 3, 'improvement must still be > 0');
      const s = new WasmScopedLoRA(e);
      s.learn_from(t);
      assert.equal(s.adapt_count(0), 1n);
      assert.equal(s.adapt_count(7), 1n);
      assert.equal(s.adapt_count(8), 0n, 'a zero gradient updates nothing');
      for (const op of [1, 2, 3, 4, 5, 6, 9]) assert.equal(s.adapt_count(op), 0n, `op ${op}`);
      assert.equal(s.total_adapt_count(), 2n);
      // An empty buffer teaches nothing.
      const empty = new WasmTrajectoryBuffer(3, e);
      assert.equal(s.learn_from(empty), 0);
      s.free(); t.free(); empty.free();
    });

    test(tname('learn_from errors: RangeError for a dim mismatch or NaN min_quality, TypeError for a non-buffer, Error when freed'), () => {
      const d = 3, s = new WasmScopedLoRA(d, 0.5, 0.1);
      s.adapt_array(4, [1, 2, 3]);
      const t = new WasmTrajectoryBuffer(5, d);
      t.record([1, 2, 3], 4, 1, 10, 20);
      const wrongDim = new WasmTrajectoryBuffer(5, d + 1);
      wrongDim.record([1, 2, 3, 4], 4, 1, 10, 20);
      const m = new WasmMicroLoRA(d);
      const freed = new WasmTrajectoryBuffer(5, d);
      freed.free();
      const expect = (kind, fn, what, re) => {
        const before = hex(s.to_bytes()), tb = hex(t.to_bytes());
        const e = thrownBy(fn);
        assert.equal(errorKind(e), kind, `${what}: ${showError(e)}`);
        if (re) assert.match(e.message, re, what);
        assert.equal(hex(s.to_bytes()), before, `${what} changed the learner`);
        assert.equal(hex(t.to_bytes()), tb, `${what} changed the buffer`);
      };
      expect('RangeError', () => s.learn_from(wrongDim), 'embedding_dim 4 for dim 3', /^WasmScopedLoRA\.learn_from: buffer must have embedding_dim\(\) equal to dim\(\) = 3/);
      expect('RangeError', () => s.learn_from(t, NaN), 'min_quality NaN', /^WasmScopedLoRA\.learn_from: min_quality /);
      for (const [what, v] of [['undefined', undefined], ['null', null], ['a number', 1], ['a plain object', {}],
        ['a WasmMicroLoRA', m], ['the learner itself', s], ['a freed buffer', freed], ['an Array', [1, 2, 3]], ['a string', 'buffer']]) {
        expect('TypeError', () => s.learn_from(v), `learn_from(${what})`, /^WasmScopedLoRA\.learn_from: buffer must be a live WasmTrajectoryBuffer/);
      }
      for (const [what, v] of [['a string', '0.5'], ['a bigint', 1n], ['an object', {}], ['a boolean', true]]) {
        expect('TypeError', () => s.learn_from(t, v), `min_quality ${what}`, /^WasmScopedLoRA\.learn_from: min_quality /);
      }
      // Still usable afterwards.
      assert.equal(s.learn_from(t), 1);
      s.free();
      const e = thrownBy(() => s.learn_from(t));
      assert.equal(errorKind(e), 'Error');
      assert.match(e.message, /^WasmScopedLoRA\.learn_from: object has been freed/);
      t.free(); wrongDim.free(); m.free();
    });

    test(tname('learn_from refuses what only looks like a live buffer: a copy, a forged handle'), () => {
      const d = 2, s = new WasmScopedLoRA(d), t = new WasmTrajectoryBuffer(4, d);
      t.record([1, 2], 1, 0, 10, 20);
      const before = hex(s.to_bytes());
      for (const [what, v] of [['Object.create(buffer)', Object.create(t)], ['{ __wbg_ptr: handle }', { __wbg_ptr: t.__wbg_ptr }]]) {
        const e = thrownBy(() => s.learn_from(v));
        assert.equal(errorKind(e), 'TypeError', `learn_from(${what}): ${showError(e)}`);
        assert.equal(hex(s.to_bytes()), before, `learn_from(${what}) taught the learner from the real buffer`);
      }
      s.free(); t.free();
    });
  });

  describe(tname('array kinds'), () => {
    test(tname('batches, set_b and record take Arrays and typed arrays with the bits of a Float32Array'), () => {
      const rng = new Rng(seedFor(`${P.name} array kinds`));
      const d = 6;
      const xs = Float32Array.from({ length: 3 * d }, () => rng.uniform(-2, 2));
      const kinds = (v) => [Array.from(v), Float64Array.from(v)];
      const twins = (make) => [make(), ...kinds(xs).map(() => make())];
      const ms = twins(() => new WasmMicroLoRA(d, 0.5, 0.1));
      const ss = twins(() => new WasmScopedLoRA(d, 0.5, 0.1));
      const ts = twins(() => new WasmTrajectoryBuffer(4, d));
      [xs, ...kinds(xs)].forEach((v, i) => {
        ms[i].adapt_batch(v);
        ss[i].adapt_batch(3, v);
        for (let r = 0; r < 3; r++) ts[i].record(i === 0 ? v.subarray(r * d, (r + 1) * d) : v.slice(r * d, (r + 1) * d), r, 1, 2, 3);
      });
      const bMicro = ms[0].get_b();
      for (let i = 1; i < 3; i++) {
        assert.equal(bitsOf(ms[i].forward_batch(kinds(xs)[i - 1])), bitsOf(ms[0].forward_batch(xs)), `micro kind ${i}`);
        assert.equal(bitsOf(ss[i].forward_batch(3, kinds(xs)[i - 1])), bitsOf(ss[0].forward_batch(3, xs)), `scoped kind ${i}`);
        assert.equal(hex(ts[i].to_bytes()), hex(ts[0].to_bytes()), `buffer kind ${i}`);
        ms[i].set_b(kinds(bMicro)[i - 1]);
        assert.equal(bitsOf(ms[i].get_b()), bitsOf(bMicro), `set_b kind ${i}`);
      }
      for (const o of [...ms, ...ss, ...ts]) o.free();
    });
  });

  describe(tname('input_view / output_view'), () => {
    test(tname('fresh views over the zero-allocation buffers, valid after memory growth; the old view detaches'), () => {
      const rng = new Rng(seedFor(`${P.name} views`));
      const d = 16;
      const m = new WasmMicroLoRA(d, 0.5, 0.1), s = new WasmScopedLoRA(d, 0.5, 0.1);
      m.adapt_array(rvec(rng, d)); s.adapt_array(6, rvec(rng, d));
      for (const obj of [m, s]) {
        const v = obj.input_view(), w = obj.output_view();
        assert.ok(v instanceof Float32Array && w instanceof Float32Array);
        assert.equal(v.length, d);
        assert.equal(w.length, d);
        assert.equal(v.buffer, obj.memory.buffer);
        assert.equal(v.byteOffset, obj.get_input_ptr());
        assert.equal(w.byteOffset, obj.get_output_ptr());
        assert.notEqual(obj.input_view(), v, 'a fresh view each call');
      }
      const x = rvec(rng, d);
      const oldIn = m.input_view(), oldOut = m.output_view(), oldScopedIn = s.input_view();
      oldIn.set(x);
      m.forward();
      assert.equal(bitsOf(oldOut), bitsOf(m.forward_array(x)));
      oldScopedIn.set(x);

      // Grow the memory: allocate trajectory buffers larger than it, up to a few times.
      const before = P.memory.buffer.byteLength;
      const big = [];
      while (P.memory.buffer.byteLength === before && big.length < 6) {
        const cap = Math.min(8192, Math.ceil((P.memory.buffer.byteLength + 2 ** 24) / (4 * 8192 + 6)));
        big.push(new WasmTrajectoryBuffer(cap, 8192));
      }
      assert.ok(P.memory.buffer.byteLength > before, 'the memory grew');
      assert.equal(oldIn.length, 0, 'a view made before the growth is detached');
      assert.equal(oldOut.byteLength, 0);
      assert.equal(oldScopedIn.length, 0);

      // New views see the same data and write where the module reads.
      const v = m.input_view();
      assert.equal(v.buffer, P.memory.buffer);
      assert.equal(bitsOf(v), bitsOf(x), 'the input survived the growth');
      assert.equal(bitsOf(m.output_view()), bitsOf(m.forward_array(x)));
      const x2 = rvec(rng, d);
      v.set(x2);
      m.forward();
      assert.equal(bitsOf(m.output_view()), bitsOf(m.forward_array(x2)));
      m.input_view().set(x2);
      m.adapt_with_reward(1);
      const twin = new WasmMicroLoRA(d, 0.5, 0.1);
      twin.set_b(m.get_b());
      assert.equal(bitsOf(twin.forward_array(x)), bitsOf(m.forward_array(x)));

      const sv = s.input_view();
      assert.equal(bitsOf(sv), bitsOf(x));
      sv.set(x2);
      s.forward(6);
      assert.equal(bitsOf(s.output_view()), bitsOf(s.forward_array(6, x2)));

      for (const b of big) b.free();
      const fm = thrownBy(() => { m.free(); return m.input_view(); });
      assert.equal(errorKind(fm), 'Error', `input_view after free: ${showError(fm)}`);
      assert.match(fm.message, /object has been freed/);
      s.free(); twin.free();
    });
  });
}

// ---- across loaders, before init, and the heavy checks --------------------------------------

test('states are portable between module instances (fast-path bytes restore on the slow path and back)', () => {
  for (const cls of CLASSES) {
    const args = { WasmMicroLoRA: [6, 0.5, 0.1], WasmScopedLoRA: [4, 0.5, 0.1], WasmTrajectoryBuffer: [5, 3] }[cls];
    const seed = seedFor(`portable ${cls}`);
    const a = make(PATHS.fast.lib, cls, args);
    drive(cls, a, new Rng(seed), 120);
    const b = PATHS.slow.lib[cls].from_bytes(a.to_bytes());
    assert.equal(observe(cls, b), observe(cls, a));
    sameLog(drive(cls, b, new Rng(seed + 1), 60), drive(cls, a, new Rng(seed + 1), 60), `${cls} across instances`);
    const c = PATHS.fast.lib[cls].from_bytes(b.to_bytes());
    assert.equal(hex(c.to_bytes()), hex(a.to_bytes()));
    a.free(); b.free(); c.free();
  }
});

test('learn_from refuses a WasmTrajectoryBuffer of another loader (module instance)', () => {
  // The slow loader's buffer must never be read as whatever object of the fast
  // instance has the same handle number: make one that does, then pass it.
  const slowBuf = new PATHS.slow.lib.WasmTrajectoryBuffer(4, 2);
  slowBuf.record([1, 2], 1, 0, 10, 20);
  const h = slowBuf.__wbg_ptr;
  const extra = [];
  let same = null;
  for (let i = 0; i < 20000 && !same; i++) {
    const b = new PATHS.fast.lib.WasmTrajectoryBuffer(4, 2);
    if (b.__wbg_ptr === h) same = b;
    else extra.push(b);
  }
  for (const b of extra) b.free();
  const s = new PATHS.fast.lib.WasmScopedLoRA(2);
  const before = hex(s.to_bytes());
  if (same) same.record([5, 5], 2, 0, 10, 40); // a different trajectory in the look-alike
  const e = thrownBy(() => s.learn_from(slowBuf));
  assert.equal(errorKind(e), 'TypeError', `learn_from(a buffer of another loader${same ? ', whose handle is a live buffer here' : ''}): ${showError(e)}`);
  assert.equal(hex(s.to_bytes()), before);
  s.free(); slowBuf.free(); same?.free();
});

test('from_bytes before init throws an Error saying to call init(), like the constructors', () => {
  const L = createLoader();
  for (const cls of CLASSES) {
    const e = thrownBy(() => L[cls].from_bytes(new Uint8Array(16)));
    assert.equal(errorKind(e), 'Error', `${cls}.from_bytes before init: ${showError(e)}`);
    assert.match(e.message, /init\(\)/);
  }
});

test('huge batches (GiBs, legal input) never kill the Go runtime', {
  skip: process.env.BEYOND_HEAVY ? false : 'set BEYOND_HEAVY=1 (allocates about 4 GiB in a child process)',
}, () => {
  // Each batch is at most 1 GiB (legal); the module must throw a RangeError
  // rather than run out of memory, and keep working.
  const script = `
    import init, { WasmMicroLoRA } from ${JSON.stringify(pathToFileURL(INDEX_PATH).href)};
    await init();
    const m = new WasmMicroLoRA(8192);
    const out = [];
    for (const rows of [8192, 16384, 30000, 32768]) {
      try { m.forward_batch(new Float32Array(8192 * rows)); out.push('ok'); }
      catch (e) { out.push(e.constructor.name + ': ' + e.message.slice(0, 100)); }
    }
    try { out.push('after: ' + m.forward_count()); } catch (e) { out.push('after: ' + e.message); }
    console.log(JSON.stringify(out));
  `;
  // (stderr is ignored: a Go crash dump into a pipe fails with EAGAIN and hides the real error.)
  const r = spawnSync(process.execPath, ['--max-old-space-size=8000', '--input-type=module', '-e', script],
    { encoding: 'utf8', timeout: 600_000, stdio: ['ignore', 'pipe', 'ignore'] });
  const out = JSON.parse(r.stdout.trim().split('\n').pop());
  for (const line of out.slice(0, 4)) assert.match(line, /^(ok|RangeError: )/, `a batch: ${line}`);
  assert.match(out[4], /^after: \d+n?$/, `the module still works: ${out[4]}`);
});

test('from_bytes refuses a legal state the module has no memory left for with a RangeError, and works after objects are freed', {
  skip: process.env.BEYOND_HEAVY ? false : 'set BEYOND_HEAVY=1 (allocates about 3 GiB in a child process)',
}, () => {
  // A 49-byte state of an empty 8192 × 8192 buffer asks for 256 MiB; restoring
  // it again and again must end in a RangeError (the headroom check), not a crash.
  const script = `
    import init, { WasmTrajectoryBuffer } from ${JSON.stringify(pathToFileURL(INDEX_PATH).href)};
    await init();
    const bytes = new WasmTrajectoryBuffer(8192, 8192).to_bytes();
    const keep = [], out = [];
    for (let i = 0; i < 20 && out.length === 0; i++) {
      try { keep.push(WasmTrajectoryBuffer.from_bytes(bytes)); }
      catch (e) { out.push(e.constructor.name + ': ' + e.message); }
    }
    for (const k of keep) k.free();
    try { out.push('after: ' + WasmTrajectoryBuffer.from_bytes(bytes).len()); } catch (e) { out.push('after: ' + e.message); }
    console.log(JSON.stringify(out));
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script],
    { encoding: 'utf8', timeout: 600_000, stdio: ['ignore', 'pipe', 'ignore'] });
  const out = JSON.parse(r.stdout.trim().split('\n').pop());
  assert.match(out[0], /^RangeError: WasmTrajectoryBuffer\.from_bytes: bytes would need more memory/);
  assert.equal(out[1], 'after: 0');
});
