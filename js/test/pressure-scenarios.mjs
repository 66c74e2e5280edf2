// Memory under pressure, engine-neutral: each scenario takes the package's
// API and the test hooks of its instance, runs, throws on any failure and
// returns its measurements. js/test/pressure.test.mjs runs them in fresh
// Node processes (js/test/pressure-child.mjs, no --expose-gc) and
// js/test/browser/pressure-page.mjs in browser pages.
//
//   env = { lib, memory, hooks, turn }
//     lib:    the package's exports (init already done)
//     memory: the instance's WebAssembly.Memory
//     hooks:  its __ruvectorLearningGo (memoryLimitForTests, a test hook)
//     turn(): a promise that settles after one event-loop turn
//
// Not a test file itself (no .test.mjs suffix).

const MiB = 2 ** 20;

function check(cond, msg) {
  if (!cond) throw new Error(msg);
}

function vector(n, seed) {
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) v[i] = Math.sin(seed * 12.9898 + i * 78.233) * 1.5 || 0.25;
  return v;
}

/** The memory budget's state: { limit, live } in bytes; limit(bytes) sets it first (undefined: the default). */
export function budget(env, ...limit) {
  return env.hooks.memoryLimitForTests(...limit);
}

/** healthy(env): the module still builds, trains and answers, bit for bit like a fresh twin. */
export function healthy(env) {
  const { WasmMicroLoRA } = env.lib;
  const a = new WasmMicroLoRA(8, 0.5, 0.1), b = new WasmMicroLoRA(8, 0.5, 0.1);
  a.adapt_array(vector(8, 3));
  b.adapt_array(vector(8, 3));
  const ya = a.forward_array(vector(8, 4)), yb = b.forward_array(vector(8, 4));
  check(ya.every((v, i) => Object.is(v, yb[i])) && a.adapt_count() === 1n, 'the module answers after the scenario');
  a.free();
  b.free();
}

/** An error's class and message, checked: class kind, and the message starts with label. */
function expectError(fn, kind, label) {
  let err;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  check(err !== undefined, `${label}: expected a ${kind}, nothing was thrown`);
  check(err.constructor.name === kind, `${label}: expected a ${kind}, got ${err.constructor.name}: ${err.message}`);
  check(err.message.startsWith(label), `${label}: the message names the method: ${err.message}`);
  return err;
}

/**
 * Objects dropped without free(), one event-loop turn each, as a request
 * handler would: new cls(dim), forward_array once, drop. Returns the wasm
 * memory at the start, the end and its peak, and how much it grew, in MiB,
 * and the time taken.
 */
export async function droppedObjects(env, { cls = 'WasmScopedLoRA', dim = 256, count = 1000 } = {}) {
  const C = env.lib[cls], x = vector(dim, 1);
  const start = env.memory.buffer.byteLength;
  const t0 = performance.now();
  let peak = 0;
  for (let i = 0; i < count; i++) {
    const o = new C(dim);
    if (cls === 'WasmScopedLoRA') o.forward_array(i % 17, x);
    else o.forward_array(x);
    await env.turn();
    if (i % 100 === 0) peak = Math.max(peak, env.memory.buffer.byteLength);
  }
  const ms = performance.now() - t0;
  peak = Math.max(peak, env.memory.buffer.byteLength);
  healthy(env);
  const at = (bytes) => bytes / MiB;
  return { cls, dim, count, startMiB: at(start), endMiB: at(env.memory.buffer.byteLength), peakMiB: at(peak), grewMiB: at(peak - start), ms };
}

/** The objects of every size that liveUntilLimit keeps, by name. */
export const SIZES = {
  'WasmMicroLoRA(1)': (l) => new l.WasmMicroLoRA(1),
  'WasmScopedLoRA(8192)': (l) => new l.WasmScopedLoRA(8192),
  'WasmTrajectoryBuffer(510, 8192)': (l) => new l.WasmTrajectoryBuffer(510, 8192),
  'WasmTrajectoryBuffer(512, 8192)': (l) => new l.WasmTrajectoryBuffer(512, 8192),
};

/**
 * Live objects of one size, kept until the budget (limit bytes; undefined:
 * the default) refuses the next with a RangeError; then the module is
 * healthy, the first object still answers, and once all are freed the
 * budget is back where it started.
 */
export function liveUntilLimit(env, { size, limit }) {
  const make = SIZES[size], cls = size.slice(0, size.indexOf('('));
  const start = budget(env, limit);
  const kept = [];
  let err;
  try {
    for (;;) kept.push(make(env.lib));
  } catch (e) {
    err = e;
  }
  const peak = budget(env);
  check(err instanceof RangeError, `${size}: the limit is a RangeError (got ${err && err.constructor.name}: ${err && err.message})`);
  check(err.message.startsWith(`${cls}.constructor: `) && /more memory than this module has left/.test(err.message),
    `${size}: the message names the class and the constructor: ${err.message}`);
  check(peak.live <= peak.limit, `${size}: live ${peak.live} stays within the limit ${peak.limit}`);
  healthy(env);
  check(typeof kept[0].dim === 'function' ? kept[0].dim() > 0 : kept[0].len() === 0, `${size}: the first object still answers`);
  for (const o of kept) o.free();
  const end = budget(env, undefined);
  check(end.live === start.live, `${size}: freeing everything gives back every byte (${start.live} → ${end.live})`);
  return { size, objects: kept.length, liveMiB: peak.live / MiB, memoryMiB: env.memory.buffer.byteLength / MiB };
}

/**
 * After big buffers filled the budget and were all freed, a 256 MiB buffer
 * can be made again, and again.
 */
export function bigAgainAfterFree(env, { limit } = {}) {
  budget(env, limit);
  const big = () => new env.lib.WasmTrajectoryBuffer(8191, 8192); // 268 MB of ring
  const kept = [];
  try {
    for (;;) kept.push(big());
  } catch (e) {
    check(e instanceof RangeError, `the budget is a RangeError (got ${e.constructor.name}: ${e.message})`);
  }
  const filled = kept.length;
  for (const o of kept) o.free();
  for (let i = 0; i < 3; i++) big().free();
  budget(env, undefined);
  healthy(env);
  return { filled, memoryMiB: env.memory.buffer.byteLength / MiB };
}

/**
 * Batches larger than the budget are a RangeError naming the method and the
 * argument; ones that fit give results; many adapters each given big
 * batches keep nothing per adapter.
 */
export function hugeBatches(env, { limit, rows }) {
  const { WasmMicroLoRA, WasmScopedLoRA } = env.lib;
  const start = budget(env, limit);
  const m = new WasmMicroLoRA(1), s = new WasmScopedLoRA(1);
  const xs = new Float32Array(rows).fill(0.5);
  expectError(() => m.adapt_batch(xs), 'RangeError', 'WasmMicroLoRA.adapt_batch: gradients');
  expectError(() => m.forward_batch(xs), 'RangeError', 'WasmMicroLoRA.forward_batch: inputs');
  expectError(() => s.adapt_batch(3, xs), 'RangeError', 'WasmScopedLoRA.adapt_batch: gradients');
  check(m.adapt_count() === 0n && s.adapt_count(3) === 0n, 'a refused batch changes nothing');
  const fits = xs.subarray(0, Math.floor(rows / 8));
  const adapters = Array.from({ length: 16 }, () => new WasmMicroLoRA(1));
  for (const a of adapters) a.adapt_batch(fits);
  check(adapters.every((a) => a.adapt_count() === BigInt(fits.length)), 'batches that fit are applied');
  const y = m.forward_batch(fits);
  check(y.length === fits.length, 'forward_batch that fits gives a result');
  for (const a of adapters) a.free();
  m.free();
  s.free();
  const end = budget(env, undefined);
  check(end.live - start.live <= 2 * 16 * MiB,
    `nothing is kept per adapter, only the two shared areas of at most 16 MiB (${start.live} → ${end.live} bytes live)`);
  healthy(env);
  return { rows, limitMiB: start.limit / MiB };
}

/**
 * to_bytes of a full buffer with less budget left than its state: a
 * RangeError naming the method, the module healthy; with room again, the
 * state saves and restores.
 */
export function toBytesNearLimit(env, { capacity, dim }) {
  const { WasmTrajectoryBuffer } = env.lib;
  const t = new WasmTrajectoryBuffer(capacity, dim);
  const e = vector(dim, 2);
  for (let i = 0; i <= capacity; i++) t.record(e, i % 17, i % 5, 10 + i, 20);
  const { live } = budget(env);
  budget(env, live + 1024 * 1024);
  expectError(() => t.to_bytes(), 'RangeError', 'WasmTrajectoryBuffer.to_bytes: state');
  budget(env, undefined);
  const bytes = t.to_bytes();
  const u = WasmTrajectoryBuffer.from_bytes(bytes);
  check(u.len() === capacity && u.total_count() === BigInt(capacity + 1), 'the state restores');
  t.free();
  u.free();
  healthy(env);
  return { stateMiB: bytes.length / MiB };
}
