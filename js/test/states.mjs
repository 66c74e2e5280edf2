// states.mjs — deterministic saved states of the three classes and what they
// must give once loaded, shared by the frozen-fixture generator
// (testdata/gen/states.mjs), the fixture test (js/test/states.test.mjs) and
// the cross-runtime matrix (js/test/state-matrix.mjs). Pure ES module, no
// runtime APIs: it runs in Node, Deno, Bun, pages and workers alike.
//
//   const objs = train(lib);                        // { micro, scoped, buffer }: trained objects
//   const rec = replay(lib, cls, obj, plan(name));  // { learn, steps, saved }: outputs recorded
//   replay(lib, cls, obj, rec)                      // = rec again on an equal object
//   load(lib, cls, bytes, rec)                      // { resaved, ...replay } of from_bytes(bytes)
//   saveSet(lib) / loadSet(lib, set)                // the cross-runtime matrix's two halves
//
// Values are recorded as in testdata/golden (so testdata.Step reads them in
// Go): every float32 as its IEEE-754 bit pattern (a uint32 JSON number),
// counts and integers as numbers, booleans as booleans, bytes as hex.
//
// A recorded step repeats its inputs (m, op, x, g, ...) and adds the outputs
// (y, ys, and every field of a "check"). replay() reads only the inputs of
// the steps it is given, so replaying a recording must give the recording.
import { Rng } from './rng.mjs';

/** The three states: class, constructor arguments, training seed. Small dims. */
export const STATES = {
  micro: { cls: 'WasmMicroLoRA', args: [8, 0.5, 0.05], seed: 0x51a7e001 },
  scoped: { cls: 'WasmScopedLoRA', args: [5, 1.5, 0.02], seed: 0x51a7e002 },
  buffer: { cls: 'WasmTrajectoryBuffer', args: [6, 3], seed: 0x51a7e003 },
};
export const NAMES = Object.keys(STATES);

const N_OPS = 17;
const OPS = Array.from({ length: N_OPS }, (_, i) => i);
/** Thresholds of high_quality_count in a buffer check. */
const HQ = [-1, 0, 0.25, 0.5, 0.6, 0.75, 1];
/** Constructor arguments of the learners a buffer's learn_from teaches, after embedding_dim. */
const LEARNER = [0.3, 0.05];

// ---- values ----------------------------------------------------------------------------

const F = new Float32Array(1);
const U = new Uint32Array(F.buffer);

/** The bit pattern of the float32 nearest to x. */
export const bits = (x) => { F[0] = x; return U[0]; };
/** The float32 of bit pattern b. */
export const float = (b) => { U[0] = b; return F[0]; };
/** Bit patterns of a Float32Array (NaN payloads kept). */
export const bitsList = (a) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));
/** A Float32Array of bit patterns. */
export const floats = (list) => new Float32Array(Uint32Array.from(list).buffer);

/** Lower-case hex of bytes. */
export function hex(bytes) {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** Bytes of a hex string. */
export function unhex(s) {
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** n values uniform in [lo, hi), as float32. */
function vec(rng, n, lo = -1.5, hi = 1.5) {
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) v[i] = rng.uniform(lo, hi);
  return v;
}

// ---- training ----------------------------------------------------------------------------

/** A WasmMicroLoRA after every kind of call, with NaN and ±Infinity left in its input buffer. */
function trainMicro(lib, { args, seed }) {
  const rng = new Rng(seed), m = new lib.WasmMicroLoRA(...args), d = args[0];
  for (let i = 0; i < 48; i++) {
    switch (i % 8) {
      case 0: m.adapt_array(vec(rng, d)); break;
      case 1: m.input_view().set(vec(rng, d)); m.adapt(); break;
      case 2: m.input_view().set(vec(rng, d)); m.adapt_with_reward(rng.pick([-1, 0, 0.3, 1.5, 3, Infinity])); break;
      case 3: m.forward_array(vec(rng, d)); break;
      case 4: m.adapt_batch(vec(rng, 2 * d)); break;
      case 5: m.forward_batch(vec(rng, 3 * d)); break;
      case 6: m.input_view().set(vec(rng, d)); m.forward(); break;
      default: m.adapt_array(new Float32Array(d)); // skipped: adapt_count grows, the adapter's count does not
    }
    if (i === 20) m.set_b(vec(rng, 2 * d, -0.05, 0.05));
  }
  m.input_view().set([NaN, Infinity, -Infinity, -0, 1e-45, 3e38, -1, 0.5].slice(0, d));
  return m;
}

/**
 * A WasmScopedLoRA whose 17 operator adapters all learned (1..14 updates each,
 * so some still lean on their category and some no longer do) and so its 7
 * category adapters too, through every kind of call; fallback on at the end,
 * -Infinity left in its input buffer.
 */
function trainScoped(lib, { args, seed }) {
  const rng = new Rng(seed), s = new lib.WasmScopedLoRA(...args), d = args[0];
  for (const op of OPS) {
    const updates = (op * 5) % 14 + 1;
    for (let k = 0; k < updates; k++) {
      switch ((op + k) % 5) {
        case 0: s.adapt_array(op, vec(rng, d)); break;
        case 1: s.input_view().set(vec(rng, d)); s.adapt(op); break;
        case 2: s.input_view().set(vec(rng, d)); s.adapt_with_reward(op, rng.pick([0.2, 0.9, 2.5])); break;
        case 3: s.input_view().set(vec(rng, d)); s.adapt_with_reward(op, -0.5); s.adapt_array(op, vec(rng, d)); break;
        default: s.adapt_batch(op, vec(rng, d));
      }
      if (k % 3 === 0) s.forward_array(op, vec(rng, d));
    }
    s.set_category_fallback(op % 4 !== 1);
    s.input_view().set(vec(rng, d));
    s.forward(op);
    if (op % 5 === 2) s.forward_batch(op, vec(rng, 2 * d));
  }
  s.set_category_fallback(true);
  s.input_view().set([0.25, -Infinity, -0, 2, -3].slice(0, d));
  return s;
}

/**
 * A WasmTrajectoryBuffer that has wrapped around (17 records into 6 slots):
 * improvements of every sign, zero execution and zero baseline times, and a
 * stored embedding holding NaN.
 */
function trainBuffer(lib, { args, seed }) {
  const rng = new Rng(seed), b = new lib.WasmTrajectoryBuffer(...args), e = args[1];
  for (let i = 0; i < 17; i++) {
    const x = vec(rng, e, -2, 2);
    if (i === 3 || i === 14) x[i % e] = NaN;
    const exec = i % 5 === 0 ? 0 : rng.uniform(1, 10);
    const base = i % 7 === 3 ? 0 : rng.uniform(1, 16);
    b.record(x, rng.int(0, 16), rng.int(0, 255), exec, base);
  }
  return b;
}

const TRAIN = { micro: trainMicro, scoped: trainScoped, buffer: trainBuffer };

/** Trains one object of every state; { name: object }. */
export function train(lib) {
  return Object.fromEntries(NAMES.map((n) => [n, TRAIN[n](lib, STATES[n])]));
}

// ---- the steps that probe a loaded state -------------------------------------------------

/** The inputs of the steps run on a loaded state: every output, statistic and method kind. */
export function plan(name) {
  const { args, seed } = STATES[name];
  const rng = new Rng(seed ^ 0x9e3779b9), check = { m: 'check' };
  if (name === 'micro') {
    const d = args[0], v = (n = 1) => bitsList(vec(rng, n * d));
    return {
      steps: [check, { m: 'forward_array', x: v() }, check, { m: 'forward', x: v() }, { m: 'forward_batch', xs: v(2) },
        { m: 'adapt_array', g: v() }, { m: 'adapt_with_reward', g: v(), imp: bits(0.7) }, { m: 'adapt_with_reward', g: v(), imp: bits(-0.5) },
        { m: 'adapt', g: v() }, { m: 'adapt_batch', gs: v(2) }, { m: 'forward_array', x: v() }, check],
    };
  }
  if (name === 'scoped') {
    const d = args[0], v = (n = 1) => bitsList(vec(rng, n * d));
    const every = () => OPS.map((op) => ({ m: 'forward_array', op, x: v() }));
    return {
      steps: [check, ...every(), check,
        { m: 'set_category_fallback', on: false }, ...[0, 4, 9, 16].map((op) => ({ m: 'forward_array', op, x: v() })),
        { m: 'set_category_fallback', on: true },
        ...OPS.filter((op) => op % 3 === 0).map((op) => ({ m: 'adapt_array', op, g: v() })),
        { m: 'forward', op: 2, x: v() }, { m: 'forward', op: 5, x: v() }, { m: 'forward_batch', op: 7, xs: v(2) },
        { m: 'adapt_batch', op: 11, gs: v(2) }, { m: 'adapt_with_reward', op: 13, g: v(), imp: bits(1.2) },
        { m: 'adapt', op: 1, g: v() }, ...every(), check],
    };
  }
  const e = args[1];
  const record = () => ({
    m: 'record', x: bitsList(vec(rng, e, -2, 2)), op: rng.int(0, 16), att: rng.int(0, 255),
    exec: bits(rng.uniform(1, 10)), base: bits(rng.uniform(1, 10)),
  });
  return {
    learn: [0, 0.6, 0.9].map((q) => ({ args: [e, ...LEARNER.map(bits)], q: bits(q) })),
    steps: [check, record(), record(), check, record(), check],
  };
}

// ---- replaying steps ---------------------------------------------------------------------

/** Every observable of obj (class cls) as a "check" step. */
export function check(cls, obj) {
  if (cls === 'WasmMicroLoRA') {
    return {
      m: 'check', dim: obj.dim(), param_count: obj.param_count(), forward_count: Number(obj.forward_count()),
      adapt_count: Number(obj.adapt_count()), delta_norm: bits(obj.delta_norm()), b: bitsList(obj.get_b()),
      input: bitsList(obj.input_view()), output: bitsList(obj.output_view()),
    };
  }
  if (cls === 'WasmScopedLoRA') {
    return {
      m: 'check', dim: obj.dim(), forward_count: OPS.map((op) => Number(obj.forward_count(op))),
      adapt_count: OPS.map((op) => Number(obj.adapt_count(op))), delta_norm: OPS.map((op) => bits(obj.delta_norm(op))),
      total_forward_count: Number(obj.total_forward_count()), total_adapt_count: Number(obj.total_adapt_count()),
      input: bitsList(obj.input_view()), output: bitsList(obj.output_view()),
    };
  }
  return {
    m: 'check', embedding_dim: obj.embedding_dim(), total_count: Number(obj.total_count()), len: obj.len(),
    is_empty: obj.is_empty(), mean: bits(obj.mean_improvement()), best: bits(obj.best_improvement()),
    success_rate: bits(obj.success_rate()), best_attention: obj.best_attention(), variance: bits(obj.variance()),
    hq: HQ.map((q) => [bits(q), obj.high_quality_count(q)]), by_op: OPS.map((op) => obj.count_by_operator(op)),
  };
}

/** Runs one step's inputs on obj; returns the step with its outputs. */
function step(cls, obj, s) {
  const x = s.x && floats(s.x), g = s.g && floats(s.g);
  const scoped = cls === 'WasmScopedLoRA', pre = scoped ? [s.op] : [];
  switch (s.m) {
    case 'check': return check(cls, obj);
    case 'forward_array': return { ...s, y: bitsList(obj.forward_array(...pre, x)) };
    case 'forward': obj.input_view().set(x); obj.forward(...pre); return { ...s, y: bitsList(obj.output_view()) };
    case 'forward_batch': return { ...s, ys: bitsList(obj.forward_batch(...pre, floats(s.xs))) };
    case 'adapt_array': obj.adapt_array(...pre, g); return s;
    case 'adapt': obj.input_view().set(g); obj.adapt(...pre); return s;
    case 'adapt_with_reward': obj.input_view().set(g); obj.adapt_with_reward(...pre, float(s.imp)); return s;
    case 'adapt_batch': obj.adapt_batch(...pre, floats(s.gs)); return s;
    case 'set_category_fallback': obj.set_category_fallback(s.on); return s;
    case 'record': obj.record(x, s.op, s.att, float(s.exec), float(s.base)); return s;
  }
  throw new Error(`states.mjs: unknown step ${s.m}`);
}

/**
 * Runs a plan (or a recording) on obj, of class cls: first, for a buffer, learn_from into fresh learners (which shows every stored trajectory,
 * oldest first; the buffer is left alone), then the steps, then to_bytes.
 * Returns { learn, steps, saved } with every output. Mutates obj.
 */
export function replay(lib, cls, obj, { learn = [], steps }) {
  const learned = learn.map(({ args, q }) => {
    const s = new lib.WasmScopedLoRA(args[0], float(args[1]), float(args[2]));
    try {
      return { args, q, applied: s.learn_from(obj, float(q)), saved: hex(s.to_bytes()) };
    } finally {
      s.free();
    }
  });
  const out = { steps: steps.map((s) => step(cls, obj, s)), saved: hex(obj.to_bytes()) };
  return learn.length ? { learn: learned, ...out } : out;
}

/** Loads `bytes` as class cls; returns { resaved, ...replay } and frees the object. */
export function load(lib, cls, bytes, recording) {
  const obj = lib[cls].from_bytes(bytes);
  try {
    return { resaved: hex(obj.to_bytes()), ...replay(lib, cls, obj, recording) };
  } finally {
    obj.free();
  }
}

/** The matrix's saving half: trains and saves every state; { name: hex of to_bytes }. */
export function saveSet(lib) {
  const objs = train(lib);
  const out = {};
  for (const n of NAMES) {
    out[n] = hex(objs[n].to_bytes());
    objs[n].free();
  }
  return out;
}

/**
 * The matrix's loading half: loads every state of a set that saveSet made
 * (here or in another runtime) and runs its plan; { name: load() }, with
 * every output as bit patterns and every state as hex.
 */
export function loadSet(lib, set) {
  return Object.fromEntries(NAMES.map((n) => [n, load(lib, STATES[n].cls, unhex(set[n]), plan(n))]));
}

// ---- crafting states -----------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, i) => {
  let c = i;
  for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  return c >>> 0;
});

/** The IEEE CRC-32 of bytes: c = ~0; per byte c = T[(c ^ b) & 255] ^ c >>> 8; then ~c. */
export function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** A copy of state bytes with edit(view of the copy) applied and the CRC-32 recomputed. */
export function reseal(bytes, edit) {
  const out = Uint8Array.from(bytes);
  const view = new DataView(out.buffer);
  edit(view);
  view.setUint32(out.length - 4, crc32(out.subarray(0, out.length - 4)), true);
  return out;
}

/** Sets the version field of state bytes, resealed or not. */
export function withVersion(bytes, v, resealed = true) {
  if (resealed) return reseal(bytes, (w) => w.setUint16(4, v, true));
  const out = Uint8Array.from(bytes);
  new DataView(out.buffer).setUint16(4, v, true);
  return out;
}
