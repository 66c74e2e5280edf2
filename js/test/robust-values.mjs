// robust-values.mjs — the environment-neutral half of robust-helpers.mjs
// (pure ES module: no Node or DOM imports), so that browser pages share it:
// bit-exact values and snapshots of every observable piece of an object's
// state, the valid calls of each class, and error classification.
// robust-helpers.mjs re-exports all of it next to its Node loaders.

export const CLASS_NAMES = ['WasmMicroLoRA', 'WasmScopedLoRA', 'WasmTrajectoryBuffer'];
export const N_OPS = 17;
export const OPS = Array.from({ length: N_OPS }, (_, i) => i);

// ---- values ----------------------------------------------------------------------

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Bit pattern of the float32 nearest to x, as 8 hex digits. */
export function hexBits(x) {
  f32[0] = x;
  return u32[0].toString(16).padStart(8, '0');
}

/** Bit patterns of a float32 array (Float32Array views compared bit for bit, NaN payloads included). */
export function bitsOf(arr) {
  if (arr instanceof Float32Array) {
    return Array.from(new Uint32Array(arr.buffer, arr.byteOffset, arr.length), (u) => u.toString(16).padStart(8, '0')).join(',');
  }
  return Array.from(arr, hexBits).join(',');
}

/** Exact text of any result: floats as bits (with Object.is for -0), bigints and types marked. */
export function exact(v) {
  if (v instanceof Float32Array) return `F32[${bitsOf(v)}]`;
  if (typeof v === 'number') return Number.isInteger(v) && !Object.is(v, -0) ? `n${v}` : `f${hexBits(v)}${Object.is(v, -0) ? '-0' : ''}`;
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'string') return JSON.stringify(v);
  return String(v);
}

/** Deterministic vector with values in roughly [-1.5, 1.5], never 0. */
export function vec(n, seed = 1) {
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) v[i] = Math.sin(seed * 12.9898 + i * 78.233) * 1.5 || 0.25;
  return v;
}

/** A Float32Array of length n whose buffer has been transferred away (detached, length 0). */
export function detached(n) {
  const a = new Float32Array(n).fill(1);
  structuredClone(a, { transfer: [a.buffer] });
  return a;
}

/** Float32 view of `n` floats at byte offset ptr of a WebAssembly.Memory. */
export function view(memory, ptr, n) {
  return new Float32Array(memory.buffer, ptr, n);
}

// ---- state snapshots -----------------------------------------------------------------

/** The input and output buffers of a LoRA object (read through fresh views). */
function buffers(obj) {
  const d = obj.dim();
  return `in=${bitsOf(view(obj.memory, obj.get_input_ptr(), d))} out=${bitsOf(view(obj.memory, obj.get_output_ptr(), d))}`;
}

const READERS = {
  WasmMicroLoRA: (m) => [
    `dim=${m.dim()} pc=${m.param_count()} fc=${m.forward_count()} ac=${m.adapt_count()} dn=${exact(m.delta_norm())}`,
    buffers(m),
  ],
  WasmScopedLoRA: (s) => [
    `dim=${s.dim()} tf=${s.total_forward_count()} ta=${s.total_adapt_count()}`,
    ...OPS.map((op) => `op${op}: fc=${s.forward_count(op)} ac=${s.adapt_count(op)} dn=${exact(s.delta_norm(op))}`),
    buffers(s),
  ],
  WasmTrajectoryBuffer: (t) => [
    `total=${t.total_count()} len=${t.len()} empty=${t.is_empty()} mean=${exact(t.mean_improvement())}`,
    `best=${exact(t.best_improvement())} sr=${exact(t.success_rate())} ba=${t.best_attention()} var=${exact(t.variance())}`,
    `hq=${[-1, 0, 0.25, 0.5, 0.75, 1].map((th) => t.high_quality_count(th)).join(',')}`,
    `byOp=${OPS.map((op) => t.count_by_operator(op)).join(',')}`,
  ],
};

/** Every read-only observation of obj, as one string (calls only getters). */
export function readState(cls, obj) {
  return READERS[cls](obj).join('\n');
}

/**
 * readState plus the outputs of probe calls that expose hidden state (B
 * matrices, fallback flag, ring position): forward_array for the LoRA
 * classes (after a probe adapt, so category weights show), probe records
 * that wrap the ring for the buffer (of embedding_dim embeddingDim).
 * Mutates obj: use it on both twins.
 */
export function probeState(cls, obj, embeddingDim = 2) {
  const lines = [readState(cls, obj)];
  if (cls === 'WasmMicroLoRA') {
    const d = obj.dim();
    lines.push(`probe=${bitsOf(obj.forward_array(vec(d, 99)))}`);
  } else if (cls === 'WasmScopedLoRA') {
    const d = obj.dim();
    for (const op of [0, 1, 4, 5, 16]) lines.push(`probe${op}=${bitsOf(obj.forward_array(op, vec(d, 98 + op)))}`);
  } else {
    for (let i = 0; i < 4; i++) obj.record(vec(embeddingDim, 50 + i), i % 3, 9, 4, 5 + i);
  }
  lines.push(readState(cls, obj));
  return lines.join('\n');
}

// ---- a valid call of every method ----------------------------------------------------------

/**
 * VALID[cls][method] = arguments of a valid call of every method besides
 * free(), for LoRA objects of dim d and trajectory buffers of embedding_dim e.
 */
export function validCalls(d, e) {
  return {
    WasmMicroLoRA: {
      dim: [], param_count: [], get_input_ptr: [], get_output_ptr: [], forward: [], forward_array: [vec(d, 1)],
      adapt: [], adapt_array: [vec(d, 2)], adapt_with_reward: [1], reset: [], forward_count: [], adapt_count: [], delta_norm: [],
    },
    WasmScopedLoRA: {
      dim: [], get_input_ptr: [], get_output_ptr: [], forward: [3], forward_array: [3, vec(d, 1)], adapt: [3],
      adapt_array: [3, vec(d, 2)], adapt_with_reward: [3, 1], reset_scope: [0], reset_all: [], forward_count: [0],
      adapt_count: [0], delta_norm: [0], total_forward_count: [], total_adapt_count: [], set_category_fallback: [false],
    },
    WasmTrajectoryBuffer: {
      record: [vec(e, 3), 1, 2, 3, 4], total_count: [], len: [], is_empty: [], mean_improvement: [], best_improvement: [],
      success_rate: [], best_attention: [], variance: [], high_quality_count: [0.5], count_by_operator: [4], reset: [],
    },
  };
}

// ---- errors ------------------------------------------------------------------------------

/** Runs fn; returns the thrown value or a marker when nothing was thrown. */
export function thrownBy(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return NOT_THROWN;
}
export const NOT_THROWN = Symbol('not thrown');

/** 'TypeError' | 'RangeError' | 'Error' (plain) | a description of something else. */
export function errorKind(e) {
  if (e === NOT_THROWN) return 'no error';
  if (!(e instanceof Error)) return `non-Error ${String(e)}`;
  if (e instanceof TypeError) return 'TypeError';
  if (e instanceof RangeError) return 'RangeError';
  return e.constructor === Error ? 'Error' : e.constructor.name;
}

/** "Kind: message" for diagnostics. */
export function showError(e) {
  return e === NOT_THROWN ? 'no error' : `${errorKind(e)}: ${e?.message}`;
}

/** Escapes a string for use in a RegExp. */
export function reEscape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Rng: the tests' seeded generator.
export { Rng } from './rng.mjs';
