// Environment-neutral API suite for the ruvector-learning-wasm ES module.
//
// Usage (Node):    import { apiSuite } from './api-suite.mjs';
//                  await apiSuite(lib, { test, assert });   // node:test + node:assert/strict
// Usage (browser): the same call with an in-page runner.
//
//   lib    — the module namespace { default: init, initSync, WasmMicroLoRA,
//            WasmScopedLoRA, WasmTrajectoryBuffer }, ALREADY initialised.
//   test   — test(name, fn): fn may be async; test may return a promise (it is
//            awaited, so tests run one after another).
//   assert — only assert.ok(value, message) and
//            assert.strictEqual(actual, expected, message) are used.
//
// Pure ESM, no Node or DOM imports. Covers every method of the three classes
// (the JS contract and docs/SEMANTICS.md §3–§7): defaults, pointers + memory
// (zero-allocation pattern), numeric semantics that can be checked without a
// reference, bigint counters, array-likes, TypeError/RangeError with
// "<Class>.<method>: <argument> ..." messages and unchanged state, free(),
// Symbol.dispose and calls with a wrong `this`.

export const browserSafe = true;

const OP_NAMES = [
  'SeqScan', 'IndexScan', 'HnswScan', 'IvfFlatScan', 'NestedLoopJoin', 'HashJoin',
  'MergeJoin', 'Aggregate', 'GroupBy', 'Filter', 'Project', 'Sort', 'Limit',
  'VectorDistance', 'Rerank', 'Materialize', 'Result',
];
const OPS = OP_NAMES.map((_, i) => i);

// ---- small value helpers ---------------------------------------------------

/** Bit pattern of the float32 nearest to x, as 8 hex digits. */
function hexBits(x) {
  const u = new Uint32Array(new Float32Array([x]).buffer)[0];
  return u.toString(16).padStart(8, '0');
}

/** Bit patterns of an array of float32 values, joined (for readable diffs). */
function bitsOf(arr) {
  return Array.from(arr, hexBits).join(',');
}

/** Deterministic test vector: values in roughly [-1.5, 1.5], never 0. */
function vec(n, seed = 1) {
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) v[i] = Math.sin(seed * 12.9898 + i * 78.233) * 1.5 || 0.25;
  return v;
}

/** Serialise a snapshot object: floats as bit patterns, bigints marked. */
function describe(value) {
  return JSON.stringify(value, (_, v) => {
    if (typeof v === 'bigint') return `${v}n`;
    if (typeof v === 'number' && !Number.isInteger(v)) return `f32:${hexBits(v)}`;
    return v;
  });
}

/** indexOfBytes(hay, needle): where needle's bytes first occur in hay, or -1. */
function indexOfBytes(hay, needle) {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Float32 view of `dim` elements at byte offset ptr of obj.memory. */
function view(obj, ptr, dim) {
  return new Float32Array(obj.memory.buffer, ptr, dim);
}

// ---- assertion helpers -----------------------------------------------------

function makeChecks(assert) {
  const eq = (actual, expected, msg) => assert.strictEqual(actual, expected, msg);
  const ok = (cond, msg) => assert.ok(cond, msg);

  /** a and b are float32 arrays with identical bit patterns. */
  const sameBits = (a, b, msg) => eq(bitsOf(a), bitsOf(b), msg);

  /** A number that is exactly a float32 value. */
  const isF32 = (x, msg) => ok(typeof x === 'number' && Object.is(Math.fround(x), x), `${msg}: ${x} is a float32 number`);

  /**
   * fn() throws an error of class Kind ('TypeError' | 'RangeError' | 'Error';
   * 'Error' means a plain Error, not a TypeError/RangeError) whose message
   * contains every string of parts. Returns the error.
   */
  function throws(fn, Kind, parts, msg = '') {
    let err;
    try {
      fn();
    } catch (e) {
      err = e;
    }
    const where = `${msg} [expected ${Kind} mentioning ${JSON.stringify(parts)}]`;
    ok(err !== undefined, `${where}: did not throw`);
    ok(err instanceof Error, `${where}: threw a non-Error ${String(err)}`);
    if (Kind === 'Error') {
      ok(!(err instanceof TypeError) && !(err instanceof RangeError), `${where}: got ${err.name}: ${err.message}`);
    } else {
      eq(err.name, Kind, `${where}: got ${err.name}: ${err.message}`);
      ok(err instanceof globalThis[Kind], `${where}: not instanceof ${Kind}`);
    }
    for (const p of parts) ok(String(err.message).includes(p), `${where}: message "${err.message}" lacks "${p}"`);
    return err;
  }

  return { eq, ok, sameBits, isF32, throws };
}

// ---- snapshots (all observable state; used to prove "state unchanged") ------

function microSnapshot(m) {
  const d = m.dim();
  return describe({
    fc: m.forward_count(), ac: m.adapt_count(), dn: m.delta_norm(),
    y: bitsOf(m.forward_array(vec(d, 99))), fc2: m.forward_count(),
  });
}

function scopedSnapshot(s) {
  const d = s.dim();
  const per = OPS.map((op) => [s.forward_count(op), s.adapt_count(op), s.delta_norm(op)]);
  const totals = [s.total_forward_count(), s.total_adapt_count()];
  const ys = [0, 1, 5, 16].map((op) => bitsOf(s.forward_array(op, vec(d, 98 + op))));
  return describe({ per, totals, ys, after: s.total_forward_count() });
}

function trajSnapshot(t) {
  return describe({
    total: t.total_count(), len: t.len(), empty: t.is_empty(),
    mean: t.mean_improvement(), best: t.best_improvement(), sr: t.success_rate(),
    ba: t.best_attention(), variance: t.variance(),
    hq: [-1, 0, 0.25, 0.5, 0.75, 1].map((th) => t.high_quality_count(th)),
    byOp: OPS.map((op) => t.count_by_operator(op)),
  });
}

// ---- the suite -------------------------------------------------------------

export async function apiSuite(lib, { test, assert }) {
  const c = makeChecks(assert);
  const groups = [moduleTests, microTests, scopedTests, trajTests, errorTests, lifecycleTests];
  for (const group of groups) {
    for (const [name, fn] of group(lib, c)) await test(name, fn);
  }
}

// ---- module ------------------------------------------------------------------

function moduleTests(lib, c) {
  const { WasmMicroLoRA, WasmScopedLoRA, WasmTrajectoryBuffer } = lib;
  return [
    ['module: exports', () => {
      c.eq(typeof lib.default, 'function', 'default export init');
      c.eq(typeof lib.initSync, 'function', 'initSync');
      for (const C of [WasmMicroLoRA, WasmScopedLoRA, WasmTrajectoryBuffer]) c.eq(typeof C, 'function', C.name);
      c.eq(WasmMicroLoRA.name, 'WasmMicroLoRA', 'class name');
      c.eq(WasmScopedLoRA.name, 'WasmScopedLoRA', 'class name');
      c.eq(WasmTrajectoryBuffer.name, 'WasmTrajectoryBuffer', 'class name');
    }],
    ['module: init() and initSync() are idempotent and return { memory }', async () => {
      const a = await lib.default();
      const b = lib.initSync();
      c.ok(a && a.memory instanceof WebAssembly.Memory, 'init() resolves { memory }');
      c.ok(b && b.memory === a.memory, 'initSync() returns the same memory');
      const m = new WasmMicroLoRA(4);
      c.ok(m.memory === a.memory, 'objects expose the module memory');
      m.free();
    }],
    ['module: instances, prototypes and methods', () => {
      const objs = [new WasmMicroLoRA(2), new WasmScopedLoRA(2), new WasmTrajectoryBuffer(2, 2)];
      const classes = [WasmMicroLoRA, WasmScopedLoRA, WasmTrajectoryBuffer];
      objs.forEach((o, i) => {
        c.ok(o instanceof classes[i], `instanceof ${classes[i].name}`);
        c.eq(typeof classes[i].prototype.free, 'function', `${classes[i].name}.prototype.free`);
        c.ok(o.memory instanceof WebAssembly.Memory, `${classes[i].name}.memory`);
        o.free();
      });
      c.eq(typeof WasmScopedLoRA.scope_name, 'function', 'static scope_name');
    }],
  ];
}

// ---- WasmMicroLoRA -----------------------------------------------------------

function microTests(lib, c) {
  const { WasmMicroLoRA } = lib;
  const fresh = (...a) => new WasmMicroLoRA(...a);
  const withGrad = (m, seed) => { m.adapt_array(vec(m.dim(), seed)); return m; };
  return [
    ['WasmMicroLoRA: constructor defaults', () => {
      const m = fresh();
      c.eq(m.dim(), 256, 'dim default');
      c.eq(m.param_count(), 1024, 'param_count at 256');
      c.eq(m.forward_count(), 0n, 'forward_count');
      c.eq(m.adapt_count(), 0n, 'adapt_count');
      c.eq(m.delta_norm(), 0, 'delta_norm');
      // Defaults 0.1 / 0.01 and undefined/null: identical behaviour to explicit values.
      const twins = [fresh(), fresh(undefined, undefined, undefined), fresh(null, null, null), fresh(256, 0.1, 0.01)];
      for (const t of twins) withGrad(t, 3);
      const ref = microSnapshot(twins[3]);
      twins.slice(0, 3).forEach((t, i) => c.eq(microSnapshot(t), ref, `defaults twin ${i}`));
      const otherAlpha = withGrad(fresh(256, 0.2, 0.01), 3);
      const otherLr = withGrad(fresh(256, 0.1, 0.02), 3);
      c.ok(microSnapshot(otherAlpha) !== ref && microSnapshot(otherLr) !== ref, 'alpha and learning_rate matter');
      [m, otherAlpha, otherLr, ...twins].forEach((t) => t.free());
    }],
    ['WasmMicroLoRA: dim and param_count = 2*max(dim,256)+2*dim', () => {
      for (const d of [1, 2, 17, 64, 255, 256, 257, 300, 1024]) {
        const m = fresh(d);
        c.eq(m.dim(), d, `dim ${d}`);
        c.eq(m.param_count(), 2 * Math.max(d, 256) + 2 * d, `param_count(${d})`);
        c.eq(typeof m.param_count(), 'number', 'param_count is a number');
        m.free();
      }
    }],
    ['WasmMicroLoRA: pointers are fixed, aligned, disjoint, inside memory', () => {
      const m = fresh(64);
      const other = fresh(64);
      checkPointers(c, m, 64, [other]);
      const before = [m.get_input_ptr(), m.get_output_ptr()];
      const big = [fresh(8192), fresh(8192), fresh(4096)]; // encourage memory growth
      withGrad(m, 5);
      m.forward_array(vec(64));
      c.eq(m.get_input_ptr(), before[0], 'input ptr fixed');
      c.eq(m.get_output_ptr(), before[1], 'output ptr fixed');
      checkPointers(c, m, 64, [other, ...big]);
      [m, other, ...big].forEach((o) => o.free());
    }],
    ['WasmMicroLoRA: forward() through memory equals forward_array()', () => {
      for (const d of [1, 17, 256]) {
        const m = withGrad(fresh(d, 0.5, 0.1), 7);
        const x = vec(d, 11);
        view(m, m.get_input_ptr(), d).set(x);
        c.eq(m.forward(), undefined, 'forward returns undefined');
        const y = view(m, m.get_output_ptr(), d).slice();
        c.eq(m.forward_count(), 1n, 'forward counted');
        const y2 = m.forward_array(x);
        c.sameBits(y, y2, `dim ${d}: buffer path == array path`);
        c.eq(m.forward_count(), 2n, 'forward_array counted');
        c.sameBits(view(m, m.get_input_ptr(), d), x, 'input buffer untouched by forward');
        m.free();
      }
    }],
    ['WasmMicroLoRA: forward_array(x, out) fills out with forward_array(x)\'s bits, at every copy size', () => {
      // 32 and 33 straddle the glue's loop-copy limit in JavaScriptCore
      for (const d of [1, 17, 32, 33, 256]) {
        const m = withGrad(fresh(d, 0.5, 0.1), 5);
        const x = vec(d, 13), out = new Float32Array(d).fill(7);
        const want = m.forward_array(x);
        c.ok(m.forward_array(x, out) === out, `dim ${d}: returns out`);
        c.sameBits(out, want, `dim ${d}: same bits`);
        c.eq(m.forward_count(), 2n, `dim ${d}: one forward each`);
        m.free();
      }
    }],
    ['WasmMicroLoRA: the zero-allocation idiom survives memory growth', () => {
      const m = withGrad(fresh(64, 0.5, 0.1), 3);
      const keep = [];
      for (let i = 0; i < 40; i++) {
        const x = vec(64, i);
        new Float32Array(m.memory.buffer, m.get_input_ptr(), m.dim()).set(x);
        m.forward();
        const y = new Float32Array(m.memory.buffer, m.get_output_ptr(), m.dim());
        c.sameBits(y, m.forward_array(x), `iteration ${i}`);
        keep.push(new WasmMicroLoRA(4096)); // grows the heap between iterations
      }
      [m, ...keep].forEach((o) => o.free());
    }],
    ['WasmMicroLoRA: forward_array returns a fresh Float32Array; untrained is identity', () => {
      const m = fresh(17);
      const x = vec(17, 2);
      const y = m.forward_array(x);
      c.ok(y instanceof Float32Array, 'Float32Array');
      c.eq(y.length, 17, 'length');
      c.ok(y.buffer !== m.memory.buffer, 'not a view on wasm memory');
      c.ok(y !== x && m.forward_array(x) !== y, 'new array each call');
      c.sameBits(y, x, 'B = 0 so y = x');
      const yn = m.forward_array(Object.assign(vec(17, 2), { 0: NaN }));
      c.ok(Number.isNaN(yn[1]), 'NaN input propagates');
      c.eq(m.delta_norm(), 0, 'forward never learns');
      m.free();
    }],
    ['WasmMicroLoRA: adapt() from the input buffer equals adapt_array()', () => {
      const a = fresh(17, 0.3, 0.05);
      const b = fresh(17, 0.3, 0.05);
      for (const seed of [1, 2, 3]) {
        const g = vec(17, seed);
        view(a, a.get_input_ptr(), 17).set(g);
        c.eq(a.adapt(), undefined, 'adapt returns undefined');
        c.eq(b.adapt_array(g), undefined, 'adapt_array returns undefined');
      }
      c.eq(a.adapt_count(), 3n, 'adapt_count bigint');
      c.ok(a.delta_norm() > 0, 'learned');
      c.isF32(a.delta_norm(), 'delta_norm');
      c.eq(microSnapshot(a), microSnapshot(b), 'same state');
      [a, b].forEach((o) => o.free());
    }],
    ['WasmMicroLoRA: adapt_with_reward skips improvement <= 0, clamps at 2, counts every call', () => {
      const m = fresh(8);
      const g = vec(8, 4);
      view(m, m.get_input_ptr(), 8).set(g);
      for (const imp of [0, -0, -1, -Infinity, 1e-50]) m.adapt_with_reward(imp); // 1e-50 rounds to 0
      c.eq(m.delta_norm(), 0, 'skipped rewards do not learn');
      c.eq(m.adapt_count(), 5n, 'adapt_count counts skipped calls (docs/SEMANTICS.md §3.2)');
      // min(improvement, 2): 2, 3 and Infinity are the same update.
      const twins = [2, 3, Infinity].map((imp) => {
        const t = fresh(8);
        view(t, t.get_input_ptr(), 8).set(g);
        t.adapt_with_reward(imp);
        return t;
      });
      const reward2 = twins[0].delta_norm();
      c.ok(reward2 > 0, 'reward 2 learns');
      const [s2, s3, sInf] = twins.map(microSnapshot);
      c.eq(s3, s2, 'reward 3 == reward 2');
      c.eq(sInf, s2, 'reward Infinity == reward 2');
      const half = fresh(8);
      view(half, half.get_input_ptr(), 8).set(g);
      half.adapt_with_reward(0.5);
      c.ok(half.delta_norm() > 0 && half.delta_norm() < reward2, 'reward 0.5 learns less than 2');
      [m, half, ...twins].forEach((o) => o.free());
    }],
    ['WasmMicroLoRA: zero / tiny gradients are skipped but counted', () => {
      const m = fresh(4);
      m.adapt_array(new Float32Array(4));
      m.adapt_array([1e-10, 0, 0, 0]);
      view(m, m.get_input_ptr(), 4).fill(0);
      m.adapt();
      c.eq(m.adapt_count(), 3n, 'counted');
      c.eq(m.delta_norm(), 0, 'no learning');
      m.free();
    }],
    ['WasmMicroLoRA: reset() clears B and counters, keeps A', () => {
      const m = withGrad(fresh(17), 2);
      m.forward_array(vec(17));
      m.reset();
      c.eq(m.forward_count(), 0n, 'forward_count');
      c.eq(m.adapt_count(), 0n, 'adapt_count');
      c.eq(m.delta_norm(), 0, 'delta_norm');
      c.sameBits(m.forward_array(vec(17, 5)), vec(17, 5), 'identity again');
      const twin = withGrad(fresh(17), 6);
      withGrad(m, 6);
      c.sameBits(m.forward_array(vec(17, 8)), twin.forward_array(vec(17, 8)), 'after reset == fresh');
      [m, twin].forEach((o) => o.free());
    }],
    ['WasmMicroLoRA: array-likes are accepted', () => {
      const d = 4;
      const x = vec(d, 3);
      const inputs = [Array.from(x), Float64Array.from(x), { length: d, ...Array.from(x) }];
      const ms = [fresh(d), ...inputs.map(() => fresh(d))];
      ms[0].adapt_array(x);
      inputs.forEach((g, i) => ms[i + 1].adapt_array(g));
      const want = bitsOf(ms[0].forward_array(x));
      inputs.forEach((xi, i) => c.eq(bitsOf(ms[i + 1].forward_array(xi)), want, `array-like #${i}`));
      // Every kind of array at a dozen lengths (more than the loader keeps
      // conversion buffers for): the same bits as the Float32Array.
      for (const n of [1, 2, 3, 5, 8, 13, 16, 21, 34, 55, 89, 144]) {
        const xs = vec(n, n);
        const kinds = [Array.from(xs), Float64Array.from(xs), Int16Array.from(xs, (v) => v * 1000)];
        const want = fresh(n).forward_array(Float32Array.from(kinds[2]));
        const got = fresh(n).forward_array(kinds[2]);
        c.sameBits(got, want, `Int16Array, length ${n}`);
        kinds.slice(0, 2).forEach((k, i) => c.sameBits(fresh(n).forward_array(k), fresh(n).forward_array(xs), `kind ${i}, length ${n}`));
      }
      // Plain numbers are rounded to float32 like a Float32Array would.
      const r = fresh(1);
      c.sameBits(r.forward_array([0.1]), [Math.fround(0.1)], 'rounded to float32');
      [...ms, r].forEach((o) => o.free());
    }],
    ['WasmMicroLoRA: objects are independent', () => {
      const [a, b, untouched] = [fresh(8), fresh(8), fresh(8)];
      withGrad(a, 1);
      a.forward_array(vec(8));
      a.reset();
      withGrad(a, 2);
      c.eq(microSnapshot(b), microSnapshot(untouched), 'b unaffected by a');
      [a, b, untouched].forEach((o) => o.free());
    }],
  ];
}

/** Pointer invariants for an object with two dim-float buffers. */
function checkPointers(c, obj, dim, others) {
  const inp = obj.get_input_ptr();
  const out = obj.get_output_ptr();
  const size = obj.memory.buffer.byteLength;
  for (const p of [inp, out]) {
    c.ok(Number.isInteger(p) && p > 0, `pointer ${p} is a positive integer`);
    c.eq(p % 4, 0, 'pointer aligned to 4');
    c.ok(p + 4 * dim <= size, 'buffer inside memory');
  }
  c.ok(Math.abs(inp - out) >= 4 * dim, 'input and output buffers do not overlap');
  c.eq(obj.get_input_ptr(), inp, 'stable input ptr');
  for (const o of others) {
    const od = o.dim();
    for (const [p, q] of [[inp, o.get_input_ptr()], [inp, o.get_output_ptr()], [out, o.get_input_ptr()], [out, o.get_output_ptr()]]) {
      c.ok(p + 4 * dim <= q || q + 4 * od <= p, `buffers of different objects do not overlap (${p}, ${q})`);
    }
  }
}

// ---- WasmScopedLoRA ------------------------------------------------------------

function scopedTests(lib, c) {
  const { WasmScopedLoRA, WasmMicroLoRA } = lib;
  const fresh = (...a) => new WasmScopedLoRA(...a);
  return [
    ['WasmScopedLoRA: constructor defaults and counters', () => {
      const s = fresh();
      c.eq(s.dim(), 256, 'dim default');
      for (const op of OPS) {
        c.eq(s.forward_count(op), 0n, `forward_count(${op})`);
        c.eq(s.adapt_count(op), 0n, `adapt_count(${op})`);
        c.eq(s.delta_norm(op), 0, `delta_norm(${op})`);
      }
      c.eq(s.total_forward_count(), 0n, 'total_forward_count');
      c.eq(s.total_adapt_count(), 0n, 'total_adapt_count');
      const twins = [fresh(undefined, null), fresh(null, undefined, null), fresh(256, 0.1, 0.01)];
      for (const t of [s, ...twins]) t.adapt_array(3, vec(256, 1));
      const want = scopedSnapshot(s);
      twins.forEach((t, i) => c.eq(scopedSnapshot(t), want, `defaults twin ${i}`));
      [s, ...twins].forEach((o) => o.free());
    }],
    ['WasmScopedLoRA: dim and pointers', () => {
      const s = fresh(17);
      const m = new WasmMicroLoRA(17);
      c.eq(s.dim(), 17, 'dim');
      const big = fresh(300);
      c.eq(big.dim(), 300, 'dim above 256 is real');
      big.free();
      checkPointers(c, s, 17, [m]);
      [s, m].forEach((o) => o.free());
    }],
    ['WasmScopedLoRA: forward_array(op, x, out) fills out with forward_array(op, x)\'s bits, at every copy size', () => {
      for (const d of [1, 17, 32, 33, 256]) {
        const s = fresh(d, 0.4, 0.2);
        s.adapt_array(5, vec(d, 3));
        const x = vec(d, 4), out = new Float32Array(d).fill(7);
        const want = s.forward_array(5, x);
        c.ok(s.forward_array(5, x, out) === out, `dim ${d}: returns out`);
        c.sameBits(out, want, `dim ${d}: same bits`);
        c.eq(s.forward_count(5), 2n, `dim ${d}: one forward each`);
        s.free();
      }
    }],
    ['WasmScopedLoRA: forward(op) through memory equals forward_array(op, x)', () => {
      const s = fresh(17, 0.4, 0.2);
      s.adapt_array(5, vec(17, 1));
      const x = vec(17, 9);
      for (const op of [0, 5, 16]) {
        view(s, s.get_input_ptr(), 17).set(x);
        c.eq(s.forward(op), undefined, 'forward returns undefined');
        const y = view(s, s.get_output_ptr(), 17).slice();
        const y2 = s.forward_array(op, x);
        c.ok(y2 instanceof Float32Array && y2.buffer !== s.memory.buffer, 'fresh Float32Array');
        c.sameBits(y, y2, `op ${op}`);
        c.eq(s.forward_count(op), 2n, `forward_count(${op})`);
      }
      c.eq(s.total_forward_count(), 6n, 'total_forward_count');
      s.free();
    }],
    ['WasmScopedLoRA: adapt paths; adapt_count counts applied updates only', () => {
      const a = fresh(8);
      const b = fresh(8);
      const g = vec(8, 2);
      view(a, a.get_input_ptr(), 8).set(g);
      a.adapt(4);
      b.adapt_array(4, g);
      view(a, a.get_input_ptr(), 8).set(g);
      a.adapt_with_reward(4, 2);
      b.adapt_with_reward(4, 0); // skipped (buffer of b holds zeros anyway)
      view(b, b.get_input_ptr(), 8).set(g);
      b.adapt_with_reward(4, 5); // clamped to 2
      b.adapt_with_reward(4, -1); // skipped
      b.adapt_array(4, new Float32Array(8)); // skipped: zero gradient
      c.eq(a.adapt_count(4), 2n, 'a applied 2');
      c.eq(b.adapt_count(4), 2n, 'b applied 2 (skips not counted)');
      c.eq(b.total_adapt_count(), 2n, 'total_adapt_count excludes category adapters');
      c.eq(scopedSnapshot(a), scopedSnapshot(b), 'same state');
      c.ok(a.delta_norm(4) > 0 && a.delta_norm(5) === 0, 'only op 4 learned');
      c.isF32(a.delta_norm(4), 'delta_norm');
      [a, b].forEach((o) => o.free());
    }],
    ['WasmScopedLoRA: category fallback (sibling uses the trained category adapter)', () => {
      const s = fresh(8, 0.5, 0.1);
      const g = vec(8, 3);
      s.adapt_array(0, g); // SeqScan + Scan category, identical updates
      const x = vec(8, 4);
      s.set_category_fallback(false);
      const op0 = s.forward_array(0, x);
      const sibOff = s.forward_array(1, x);
      s.set_category_fallback(true);
      const sibOn = s.forward_array(1, x);
      c.sameBits(sibOff, x, 'fallback off: untrained sibling is identity');
      c.sameBits(sibOn, op0, 'fallback on, count 0: output is the category adapter = op 0 adapter');
      c.sameBits(s.forward_array(7, x), x, 'other category untouched');
      s.free();
    }],
    ['WasmScopedLoRA: fallback blends below 10 applied updates, not from 10 on', () => {
      const s = fresh(8, 0.5, 0.1);
      const x = vec(8, 6);
      const outputs = (on) => { s.set_category_fallback(on); return bitsOf(s.forward_array(9, x)); };
      s.adapt_array(10, vec(8, 1)); // sibling trains the Transform category differently
      for (let i = 0; i < 9; i++) s.adapt_array(9, vec(8, 20 + i));
      c.ok(outputs(true) !== outputs(false), 'count 9: blended');
      s.adapt_array(9, vec(8, 40));
      c.eq(s.adapt_count(9), 10n, 'ten applied');
      c.eq(outputs(true), outputs(false), 'count 10: operator adapter only');
      s.free();
    }],
    ['WasmScopedLoRA: operator adapters equal a WasmMicroLoRA fed the same updates', () => {
      const s = fresh(17, 0.7, 0.03);
      const m = new WasmMicroLoRA(17, 0.7, 0.03);
      for (let i = 0; i < 4; i++) { s.adapt_array(13, vec(17, i)); m.adapt_array(vec(17, i)); }
      s.set_category_fallback(false);
      c.sameBits(s.forward_array(13, vec(17, 50)), m.forward_array(vec(17, 50)), 'forward');
      c.eq(hexBits(s.delta_norm(13)), hexBits(m.delta_norm()), 'delta_norm');
      [s, m].forEach((o) => o.free());
    }],
    ['WasmScopedLoRA: reset_scope keeps the category, reset_all clears everything', () => {
      const s = fresh(8, 0.5, 0.1);
      s.adapt_array(5, vec(8, 1));
      s.adapt_array(6, vec(8, 2));
      s.forward_array(5, vec(8));
      const x = vec(8, 3);
      const catOut = (() => { s.set_category_fallback(true); return s.forward_array(4, x); })();
      c.eq(s.reset_scope(5), undefined, 'reset_scope returns undefined');
      c.eq(s.adapt_count(5), 0n, 'adapt_count cleared');
      c.eq(s.forward_count(5), 0n, 'forward_count cleared');
      c.eq(s.delta_norm(5), 0, 'delta_norm cleared');
      c.eq(s.adapt_count(6), 1n, 'sibling kept');
      c.eq(s.forward_count(4), 1n, 'other forward counter kept');
      c.sameBits(s.forward_array(5, x), catOut, 'category kept its learning');
      c.eq(s.total_forward_count(), 2n, 'totals after reset_scope');
      c.eq(s.reset_all(), undefined, 'reset_all returns undefined');
      const blank = fresh(8, 0.5, 0.1);
      c.eq(scopedSnapshot(s), scopedSnapshot(blank), 'reset_all == fresh');
      [s, blank].forEach((o) => o.free());
    }],
    ['WasmScopedLoRA: totals are sums over operators', () => {
      const s = fresh(4);
      for (const op of [0, 3, 3, 16]) { s.forward_array(op, vec(4)); s.adapt_array(op, vec(4, op + 1)); }
      const sum = (f) => OPS.reduce((acc, op) => acc + f(op), 0n);
      c.eq(s.total_forward_count(), sum((op) => s.forward_count(op)), 'forward sum');
      c.eq(s.total_adapt_count(), sum((op) => s.adapt_count(op)), 'adapt sum');
      c.eq(s.total_adapt_count(), 4n, 'four applied');
      c.eq(typeof s.total_forward_count(), 'bigint', 'bigint');
      s.free();
    }],
    ['WasmScopedLoRA: scope_name', () => {
      OP_NAMES.forEach((name, op) => c.eq(WasmScopedLoRA.scope_name(op), name, `op ${op}`));
      for (const op of [17, 18, 255, 256, -1, 1.5, 1e9, -0.5, Infinity]) c.eq(WasmScopedLoRA.scope_name(op), 'Unknown', `op ${op}`);
      const detached = WasmScopedLoRA.scope_name;
      c.eq(detached(2), 'HnswScan', 'static works without this');
    }],
    ['WasmScopedLoRA: array-likes are accepted', () => {
      const a = fresh(4);
      const b = fresh(4);
      a.adapt_array(2, vec(4, 1));
      b.adapt_array(2, Array.from(vec(4, 1)));
      c.sameBits(b.forward_array(2, Array.from(vec(4, 2))), a.forward_array(2, vec(4, 2)), 'plain Array');
      [a, b].forEach((o) => o.free());
    }],
  ];
}

// ---- WasmTrajectoryBuffer ------------------------------------------------------

function trajTests(lib, c) {
  const { WasmTrajectoryBuffer } = lib;
  const fresh = (...a) => new WasmTrajectoryBuffer(...a);
  const emb = (n) => vec(n, 5);
  return [
    ['WasmTrajectoryBuffer: constructor defaults and empty state', () => {
      const t = fresh();
      c.eq(t.len(), 0, 'len');
      c.eq(t.is_empty(), true, 'is_empty');
      c.eq(t.total_count(), 0n, 'total_count');
      for (const f of ['mean_improvement', 'best_improvement', 'success_rate', 'variance']) c.eq(t[f](), 0, f);
      c.eq(t.best_attention(), 0, 'best_attention');
      c.eq(t.high_quality_count(-1), 0, 'high_quality_count');
      c.eq(t.count_by_operator(0), 0, 'count_by_operator');
      t.record(emb(256), 0, 0, 1, 1); // embedding_dim default 256
      c.throws(() => t.record(emb(255), 0, 0, 1, 1), 'RangeError', ['embedding'], 'default embedding_dim is 256');
      for (let i = 0; i < 1005; i++) t.record(emb(256), i % 17, 0, 1, 2);
      c.eq(t.len(), 1000, 'default capacity 1000');
      t.free();
      const d = fresh(null, undefined);
      d.record(emb(256), 0, 0, 1, 1);
      c.eq(d.len(), 1, 'null/undefined are defaults');
      d.free();
    }],
    ['WasmTrajectoryBuffer: record statistics (hand-computed float32)', () => {
      const t = fresh(3, 2);
      t.record([1, 2], 0, 3, 10, 20); // improvement 1, quality 1
      c.eq(t.variance(), 0, 'variance of one record');
      t.record(new Float32Array([1, 2]), 1, 5, 20, 10); // improvement -0.5, quality 0.25
      c.eq(t.total_count(), 2n, 'total_count');
      c.eq(t.len(), 2, 'len');
      c.eq(t.is_empty(), false, 'is_empty');
      c.eq(t.mean_improvement(), 0.25, 'mean');
      c.eq(t.variance(), 1.125, 'variance');
      c.eq(t.best_improvement(), 1, 'best');
      c.eq(t.best_attention(), 3, 'best_attention');
      c.eq(t.success_rate(), 0.5, 'success_rate');
      c.eq(t.high_quality_count(0.2), 2, 'quality > 0.2');
      c.eq(t.high_quality_count(0.25), 1, 'strictly greater');
      c.eq(t.high_quality_count(1), 0, 'quality 1 is not > 1');
      c.eq(t.high_quality_count(-Infinity), 2, '-Infinity threshold');
      c.eq(t.count_by_operator(0), 1, 'op 0');
      c.eq(t.count_by_operator(1), 1, 'op 1');
      c.eq(t.count_by_operator(2), 0, 'op 2');
      t.record([0, 0], 2, 9, 0, 5); // execution_ms 0: improvement 0, not a success
      c.eq(t.success_rate(), Math.fround(1 / 3), 'success_rate 1/3');
      c.eq(t.best_attention(), 3, 'best unchanged');
      c.isF32(t.mean_improvement(), 'mean is float32');
      t.free();
    }],
    ['WasmTrajectoryBuffer: ring wrap-around keeps statistics over every record', () => {
      const t = fresh(3, 1);
      for (let i = 0; i < 5; i++) t.record([i], i, i, 1, 1 + i); // improvements 0..4
      c.eq(t.total_count(), 5n, 'total_count counts evicted records');
      c.eq(t.len(), 3, 'len capped at capacity');
      c.eq(t.count_by_operator(0), 0, 'op 0 evicted');
      c.eq(t.count_by_operator(1), 0, 'op 1 evicted');
      c.eq(t.count_by_operator(4), 1, 'op 4 stored');
      c.eq(t.best_improvement(), 4, 'best over all');
      c.eq(t.best_attention(), 4, 'best_attention');
      c.eq(t.mean_improvement(), 2, 'mean over all five');
      c.eq(t.variance(), 2.5, 'variance over all five');
      c.eq(t.high_quality_count(0.99), 3, 'stored qualities are clamped to 1');
      c.eq(t.high_quality_count(1), 0, 'and none exceeds 1');
      t.free();
    }],
    ['WasmTrajectoryBuffer: record keeps an embedding\'s bits, NaN payloads included', () => {
      // 32 and 33 straddle the glue's loop-copy limit in JavaScriptCore, whose
      // typed-array reads can quiet or canonicalize a NaN
      for (const d of [4, 17, 32, 33]) {
        const x = vec(d, 3), bits = new Uint32Array(x.buffer);
        bits.set([0x7fc00001, 0x7f800001, 0xffc12345]);
        bits[d - 1] = 0x7fa00000;
        const t = fresh(4, d);
        t.record(x, 1, 2, 10, 12);
        c.ok(indexOfBytes(t.to_bytes(), new Uint8Array(x.buffer)) >= 0, `dim ${d}: the embedding's bytes are in to_bytes()`);
        t.free();
      }
    }],
    ['WasmTrajectoryBuffer: reset()', () => {
      const t = fresh(4, 2);
      t.record([1, 1], 3, 7, 1, 3);
      c.eq(t.reset(), undefined, 'reset returns undefined');
      c.eq(trajSnapshot(t), trajSnapshot(fresh(4, 2)), 'reset == fresh');
      t.free();
    }],
  ];
}

// ---- errors ------------------------------------------------------------------

/** Non-array values for array parameters: TypeError. */
const NOT_ARRAYS = ['abcd', {}, null, undefined, 4, true, 4n];
/** Non-number values for number parameters: TypeError. */
const NOT_NUMBERS = ['1', null, undefined, {}, [1], 1n, true];
/** Invalid op_type numbers: RangeError. */
const BAD_OPS = [-1, 17, 1.5, NaN, Infinity, -Infinity, 2 ** 32];

function errorTests(lib, c) {
  const { WasmMicroLoRA, WasmScopedLoRA, WasmTrajectoryBuffer } = lib;

  /**
   * Two identically prepared objects; `bad` must throw on the first and leave
   * it in the same observable state as the untouched twin.
   */
  function unchanged(make, prep, snap, bad, Kind, parts, label) {
    const a = prep(make());
    const b = prep(make());
    c.throws(() => bad(a), Kind, parts, label);
    c.eq(snap(a), snap(b), `${label}: state unchanged`);
    a.free();
    b.free();
  }

  /**
   * caseFor(cls, make, snap)(method, bad, Kind, arg): `bad` called on a
   * prepared object throws Kind with "<cls>", "<method>" and, when the error
   * is about an argument, "<arg>" and "(got " in its message; state unchanged.
   */
  const caseFor = (cls, make, snap) => (method, bad, Kind, arg) => {
    const parts = [cls, method, ...(arg ? [arg, '(got '] : [])];
    unchanged(make, (o) => o, snap, bad, Kind, parts, `${cls}.${method}`);
  };
  const microCase = caseFor('WasmMicroLoRA', () => {
    const m = new WasmMicroLoRA(4, 0.5, 0.1);
    m.adapt_array([1, -2, 3, 0.5]);
    m.forward_array([1, 1, 1, 1]);
    return m;
  }, microSnapshot);
  const scopedCase = caseFor('WasmScopedLoRA', () => {
    const s = new WasmScopedLoRA(4, 0.5, 0.1);
    s.adapt_array(0, [1, -2, 3, 0.5]);
    s.forward_array(1, [1, 1, 1, 1]);
    return s;
  }, scopedSnapshot);
  const trajCase = caseFor('WasmTrajectoryBuffer', () => {
    const t = new WasmTrajectoryBuffer(3, 2);
    t.record([1, 2], 4, 7, 10, 15);
    t.record([3, 4], 5, 8, 10, 5);
    return t;
  }, trajSnapshot);

  const ctorRejects = (C, args, Kind, arg) =>
    c.throws(() => new C(...args), Kind, [`${C.name}.constructor`, arg, '(got '], `new ${C.name}(${args.map(String).join(', ')})`);

  return [
    ['errors: constructors of the LoRA classes', () => {
      for (const C of [WasmMicroLoRA, WasmScopedLoRA]) {
        for (const d of [0, -1, 1.5, 8193, NaN, Infinity, 2 ** 32]) ctorRejects(C, [d], 'RangeError', 'dim');
        for (const v of ['4', {}, [4], 4n, true]) ctorRejects(C, [v], 'TypeError', 'dim');
        for (const a of [NaN, Infinity, -Infinity]) ctorRejects(C, [4, a], 'RangeError', 'alpha');
        for (const lr of [NaN, Infinity, -Infinity]) ctorRejects(C, [4, 0.1, lr], 'RangeError', 'learning_rate');
        ctorRejects(C, [4, '0.1'], 'TypeError', 'alpha');
        ctorRejects(C, [4, 0.1, '0.01'], 'TypeError', 'learning_rate');
        const ok = new C(8192, 0, 0); // bounds are inclusive; zero alpha/lr are fine
        c.eq(ok.dim(), 8192, `${C.name}(8192)`);
        ok.free();
      }
    }],
    ['errors: WasmTrajectoryBuffer constructor', () => {
      const C = WasmTrajectoryBuffer;
      for (const cap of [0, -1, 1.5, NaN, Infinity]) ctorRejects(C, [cap, 2], 'RangeError', 'capacity');
      for (const d of [0, -3, 2.5, 8193, NaN]) ctorRejects(C, [4, d], 'RangeError', 'embedding_dim');
      ctorRejects(C, ['4', 2], 'TypeError', 'capacity');
      ctorRejects(C, [4, '2'], 'TypeError', 'embedding_dim');
      c.throws(() => new C(70_000_000, 1), 'RangeError', ['WasmTrajectoryBuffer.constructor', 'capacity'], 'storage above 256 MiB');
      c.throws(() => new C(1_000_000, 8192), 'RangeError', ['WasmTrajectoryBuffer.constructor', 'capacity'], 'storage above 256 MiB');
    }],
    ['errors: WasmMicroLoRA array arguments', () => {
      for (const bad of NOT_ARRAYS) {
        microCase('forward_array', (m) => m.forward_array(bad), 'TypeError', 'input');
        microCase('adapt_array', (m) => m.adapt_array(bad), 'TypeError', 'gradient');
      }
      for (const n of [0, 3, 5]) {
        microCase('forward_array', (m) => m.forward_array(new Float32Array(n)), 'RangeError', 'input');
        microCase('adapt_array', (m) => m.adapt_array(new Array(n).fill(1)), 'RangeError', 'gradient');
      }
      for (const v of [NaN, Infinity, -Infinity]) microCase('adapt_array', (m) => m.adapt_array([1, v, 1, 1]), 'RangeError', 'gradient');
      microCase('adapt_array', (m) => m.adapt_array([1e20, 1, 1, 1]), 'RangeError', 'gradient'); // squared norm overflows
      microCase('adapt_array', (m) => m.adapt_array([1e39, 0, 0, 0]), 'RangeError', 'gradient'); // rounds to Infinity
    }],
    ['errors: the exact message format', () => {
      const m = new WasmMicroLoRA(4);
      const err = c.throws(() => m.adapt_array([1, 2, 3]), 'RangeError', []);
      c.ok(/^WasmMicroLoRA\.adapt_array: gradient .*4.*\(got .*length 3\)$/.test(err.message), `format: ${err.message}`);
      m.free();
    }],
    ['errors: WasmMicroLoRA input buffer and numbers', () => {
      const poison = (m, v) => { view(m, m.get_input_ptr(), 4).set([1, v, 1, 1]); return m; };
      for (const v of [NaN, Infinity, 1e20]) {
        microCase('adapt', (m) => poison(m, v).adapt(), 'RangeError');
        microCase('adapt_with_reward', (m) => poison(m, v).adapt_with_reward(1), 'RangeError');
      }
      microCase('adapt_with_reward', (m) => poison(m, 1).adapt_with_reward(NaN), 'RangeError', 'improvement');
      for (const v of NOT_NUMBERS) microCase('adapt_with_reward', (m) => poison(m, 1).adapt_with_reward(v), 'TypeError', 'improvement');
    }],
    ['errors: WasmScopedLoRA op_type on every method', () => {
      const x = [1, 2, 3, 4];
      const calls = {
        forward: (s, op) => s.forward(op), forward_array: (s, op) => s.forward_array(op, x),
        adapt: (s, op) => s.adapt(op), adapt_array: (s, op) => s.adapt_array(op, x),
        adapt_with_reward: (s, op) => s.adapt_with_reward(op, 1), reset_scope: (s, op) => s.reset_scope(op),
        forward_count: (s, op) => s.forward_count(op), adapt_count: (s, op) => s.adapt_count(op),
        delta_norm: (s, op) => s.delta_norm(op),
      };
      for (const [method, call] of Object.entries(calls)) {
        for (const op of BAD_OPS) scopedCase(method, (s) => call(s, op), 'RangeError', 'op_type');
        for (const op of NOT_NUMBERS) scopedCase(method, (s) => call(s, op), 'TypeError', 'op_type');
      }
      for (const v of NOT_NUMBERS) c.throws(() => WasmScopedLoRA.scope_name(v), 'TypeError', ['WasmScopedLoRA', 'scope_name', 'op_type']);
    }],
    ['errors: WasmScopedLoRA arrays, gradients and improvement', () => {
      for (const bad of NOT_ARRAYS) {
        scopedCase('forward_array', (s) => s.forward_array(0, bad), 'TypeError', 'input');
        scopedCase('adapt_array', (s) => s.adapt_array(0, bad), 'TypeError', 'gradient');
      }
      scopedCase('forward_array', (s) => s.forward_array(0, [1, 2, 3]), 'RangeError', 'input');
      scopedCase('adapt_array', (s) => s.adapt_array(0, [1, 2, 3, 4, 5]), 'RangeError', 'gradient');
      for (const v of [NaN, -Infinity, 1e20]) scopedCase('adapt_array', (s) => s.adapt_array(3, [1, v, 1, 1]), 'RangeError', 'gradient');
      const poison = (s, v) => { view(s, s.get_input_ptr(), 4).set([1, v, 1, 1]); return s; };
      scopedCase('adapt', (s) => poison(s, NaN).adapt(2), 'RangeError');
      scopedCase('adapt_with_reward', (s) => poison(s, Infinity).adapt_with_reward(2, 1), 'RangeError');
      scopedCase('adapt_with_reward', (s) => s.adapt_with_reward(2, NaN), 'RangeError', 'improvement');
      scopedCase('adapt_with_reward', (s) => s.adapt_with_reward(2, '1'), 'TypeError', 'improvement');
    }],
    ['errors: WasmTrajectoryBuffer.record and queries', () => {
      const rec = (e, op, att, ex, base) => (t) => t.record(e, op, att, ex, base);
      for (const bad of NOT_ARRAYS) trajCase('record', rec(bad, 0, 0, 1, 1), 'TypeError', 'embedding');
      trajCase('record', rec([1], 0, 0, 1, 1), 'RangeError', 'embedding');
      trajCase('record', rec([1, 2, 3], 0, 0, 1, 1), 'RangeError', 'embedding');
      for (const op of BAD_OPS) trajCase('record', rec([1, 2], op, 0, 1, 1), 'RangeError', 'op_type');
      for (const a of [-1, 256, 1.5, NaN]) trajCase('record', rec([1, 2], 0, a, 1, 1), 'RangeError', 'attention_type');
      for (const ms of [-1, -Infinity, Infinity, NaN]) {
        trajCase('record', rec([1, 2], 0, 0, ms, 1), 'RangeError', 'execution_ms');
        trajCase('record', rec([1, 2], 0, 0, 1, ms), 'RangeError', 'baseline_ms');
      }
      for (const v of NOT_NUMBERS) {
        trajCase('record', rec([1, 2], v, 0, 1, 1), 'TypeError', 'op_type');
        trajCase('record', rec([1, 2], 0, v, 1, 1), 'TypeError', 'attention_type');
        trajCase('record', rec([1, 2], 0, 0, v, 1), 'TypeError', 'execution_ms');
        trajCase('record', rec([1, 2], 0, 0, 1, v), 'TypeError', 'baseline_ms');
        trajCase('high_quality_count', (t) => t.high_quality_count(v), 'TypeError', 'threshold');
        trajCase('count_by_operator', (t) => t.count_by_operator(v), 'TypeError', 'op_type');
      }
      trajCase('high_quality_count', (t) => t.high_quality_count(NaN), 'RangeError', 'threshold');
      for (const op of BAD_OPS) trajCase('count_by_operator', (t) => t.count_by_operator(op), 'RangeError', 'op_type');
    }],
    ['errors: the module keeps working after errors', () => {
      const m = new WasmMicroLoRA(4);
      for (let i = 0; i < 50; i++) {
        try { m.adapt_array([NaN, 0, 0, 0]); } catch { /* expected */ }
      }
      m.adapt_array([1, 2, 3, 4]);
      c.ok(m.delta_norm() > 0, 'still learning');
      c.eq(m.adapt_count(), 1n, 'only the valid call counted');
      m.free();
    }],
  ];
}

// ---- lifecycle: free, Symbol.dispose, wrong this ---------------------------------

/** A valid call of every method of each class (besides free/dispose). */
const METHOD_CALLS = {
  WasmMicroLoRA: {
    dim: [], get_input_ptr: [], get_output_ptr: [], forward: [], forward_array: [[1, 2]],
    adapt: [], adapt_array: [[1, 2]], adapt_with_reward: [1], reset: [], forward_count: [],
    adapt_count: [], delta_norm: [], param_count: [],
  },
  WasmScopedLoRA: {
    dim: [], get_input_ptr: [], get_output_ptr: [], forward: [0], forward_array: [0, [1, 2]],
    adapt: [0], adapt_array: [0, [1, 2]], adapt_with_reward: [0, 1], reset_scope: [0], reset_all: [],
    forward_count: [0], adapt_count: [0], delta_norm: [0], total_forward_count: [],
    total_adapt_count: [], set_category_fallback: [false],
  },
  WasmTrajectoryBuffer: {
    record: [[1, 2], 0, 0, 1, 2], total_count: [], len: [], is_empty: [], mean_improvement: [],
    best_improvement: [], success_rate: [], best_attention: [], variance: [],
    high_quality_count: [0.5], count_by_operator: [0], reset: [],
  },
};

function lifecycleTests(lib, c) {
  const make = {
    WasmMicroLoRA: () => new lib.WasmMicroLoRA(2),
    WasmScopedLoRA: () => new lib.WasmScopedLoRA(2),
    WasmTrajectoryBuffer: () => new lib.WasmTrajectoryBuffer(2, 2),
  };
  const tests = [];
  for (const cls of Object.keys(METHOD_CALLS)) {
    tests.push([`${cls}: every method works, then throws after free()`, () => freeTest(c, cls, make[cls])]);
    tests.push([`${cls}: Symbol.dispose`, () => disposeTest(c, cls, make[cls])]);
    tests.push([`${cls}: wrong this`, () => wrongThisTest(c, cls, make)]);
  }
  tests.push(['lifecycle: many objects created and freed', () => churnTest(c, lib)]);
  return tests;
}

function freeTest(c, cls, make) {
  const calls = Object.entries(METHOD_CALLS[cls]);
  const o = make();
  const proto = Object.getPrototypeOf(o);
  for (const [method, args] of calls) {
    c.eq(typeof proto[method], 'function', `${cls}.prototype.${method}`);
    o[method](...args); // valid call works
  }
  c.eq(o.free(), undefined, 'free returns undefined');
  for (const [method, args] of calls) {
    c.throws(() => o[method](...args), 'Error', [`${cls}.${method}`, 'freed'], `${cls}.${method} after free`);
  }
  c.eq(o.free(), undefined, 'second free is a no-op');
  const [method, args] = calls[0];
  c.throws(() => o[method](...args), 'Error', ['freed'], 'still freed after the second free');
}

function disposeTest(c, cls, make) {
  const o = make();
  if (typeof Symbol.dispose !== 'symbol') {
    // A runtime without explicit resource management (WebKit 2.50, Safari):
    // no `using`, so no dispose method, and no stray "undefined" key either.
    c.ok(!('undefined' in o), `${cls} has no "undefined" member where Symbol.dispose is missing`);
    c.eq(o.free(), undefined, 'free() is the way to release it');
    return;
  }
  c.eq(typeof o[Symbol.dispose], 'function', `${cls}[Symbol.dispose]`);
  o[Symbol.dispose]();
  const [method, args] = Object.entries(METHOD_CALLS[cls])[0];
  c.throws(() => o[method](...args), 'Error', [`${cls}.${method}`, 'freed'], 'disposed object is freed');
  o[Symbol.dispose]();
  o.free(); // both no-ops now
}

/** Objects that are not a live `cls`, labelled, for wrong-`this` calls. */
function foreignSelves(o, other) {
  const proto = Object.getPrototypeOf(o);
  return {
    undefined: undefined,
    '{}': {},
    [other.constructor.name]: other,
    prototype: proto,
    'Object.assign({}, obj)': Object.assign({}, o), // copies the object's own properties
    'Object.create(prototype)': Object.create(proto),
  };
}

/** Description of why fn.apply(self, args) is not the wrong-this TypeError, or null. */
function wrongThisProblem(fn, self, args, cls, method) {
  try {
    fn.apply(self, args);
    return 'did not throw';
  } catch (e) {
    const ok = e instanceof TypeError && String(e.message).includes(`${cls}.${method}: this is not a ${cls}`);
    return ok ? null : `${e.name}: ${e.message}`;
  }
}

function wrongThisTest(c, cls, make) {
  const o = make[cls]();
  const other = cls === 'WasmMicroLoRA' ? make.WasmScopedLoRA() : make.WasmMicroLoRA();
  const proto = Object.getPrototypeOf(o);
  const problems = [];
  const calls = [...Object.entries(METHOD_CALLS[cls]), ['free', []]]; // free last: it may free `other`
  for (const [method, args] of calls) {
    for (const [label, self] of Object.entries(foreignSelves(o, other))) {
      const p = wrongThisProblem(proto[method], self, args, cls, method);
      if (p) problems.push(`${cls}.prototype.${method}.call(${label}): ${p}`);
    }
  }
  const [name, args] = calls[0];
  const extracted = o[name];
  const p = wrongThisProblem(extracted, undefined, args, cls, name);
  if (p) problems.push(`extracted ${name}(): ${p}`);
  const stillWorks = { 'the object': () => o[name](...args), 'the other object': () => other.dim() };
  for (const [label, call] of Object.entries(stillWorks)) {
    try {
      call();
    } catch (e) {
      problems.push(`${label} no longer works after the wrong-this calls: ${e.name}: ${e.message}`);
    }
  }
  c.eq(problems.join('\n'), '', 'every wrong-this call throws TypeError "<Class>.<method>: this is not a <Class>"');
  o.free();
  other.free();
}

function churnTest(c, lib) {
  for (let i = 0; i < 200; i++) {
    const m = new lib.WasmMicroLoRA(64);
    m.adapt_array(vec(64, i));
    m.free();
    const t = new lib.WasmTrajectoryBuffer(10, 64);
    t.record(vec(64), 1, 1, 1, 2);
    t.free();
  }
  const m = new lib.WasmMicroLoRA(64);
  c.eq(m.delta_norm(), 0, 'fresh object after churn');
  m.free();
}
