// Memory safety and clean errors (issue 10), environment-neutral: run by
// js/test/safety.test.mjs in Node on both paths (the wasmexport fast path and
// the js.FuncOf slow path) and by js/test/browser/safety.html in browsers.
//   - lengths come from the typed array itself: a Float32Array whose own or
//     inherited `length` lies, or a Proxy whose length changes between reads,
//     writes nothing outside its object and gives what its real elements give;
//   - the loaders' objects carry no internals that could be reassigned;
//   - detached arrays, a wrong `this` on the views, a memory.grow() from JS
//     and a wrong .wasm given to init() get errors naming the method;
//   - the bare globals refuse the loaders' objects.
//
//   safetySuite({ lib, name, test, assert })     // one loaded path
//   wrongModuleSuite({ createLoader, ours, others, test, assert })
//     ours: this package's wasm bytes; others: [[what, bytes]] of other modules
//
// Not a test file itself (no .test.mjs suffix).
import { vec, bitsOf, thrownBy, errorKind, showError } from './robust-values.mjs';

const D = 8;
const hex = (u8) => Array.from(u8, (b) => b.toString(16).padStart(2, '0')).join('');

/** Twenty trained bystanders of every class, and a snapshot of all their states. */
function bystanders(lib) {
  const list = [];
  for (let i = 0; i < 7; i++) {
    const m = new lib.WasmMicroLoRA(D, 0.5, 0.1), s = new lib.WasmScopedLoRA(D), t = new lib.WasmTrajectoryBuffer(4, D);
    m.adapt_array(vec(D, i + 1));
    s.adapt_array(i, vec(D, i + 2));
    t.record(vec(D, i + 3), i, 1, 10, 20);
    m.input_view().set(vec(D, i + 4));
    list.push(m, s, t);
  }
  list.length = 20;
  return { list, states: () => list.map((o) => hex(o.to_bytes())), free: () => list.forEach((o) => o.free()) };
}

/** The outcome of fn as text: its error's class, or its result's bits. */
function resultOf(fn) {
  try {
    const v = fn();
    return v instanceof Float32Array ? `F32[${bitsOf(v)}]` : String(v);
  } catch (e) {
    return errorKind(e);
  }
}

/** Arrays whose length lies: [name, liar(real Float32Array)]. */
const LIARS = [
  ['own length property, over-reporting', (a) => Object.defineProperty(a, 'length', { value: a.length * 4 })],
  ['own length property, under-reporting', (a) => Object.defineProperty(a, 'length', { value: Math.max(1, a.length >> 2) })],
  ['subclass with a length getter', (a) => {
    class Liar extends Float32Array { get length() { return 1; } }
    const l = new Liar(a.length);
    l.set(a);
    return l;
  }],
];

/** Calls that take an array: [name, call(o, x), class, real lengths to try]. */
const ARRAY_CALLS = [
  ['micro forward_array', (o, x) => o.forward_array(x), 'WasmMicroLoRA', [D, 4 * D, 2]],
  ['micro adapt_array', (o, x) => o.adapt_array(x), 'WasmMicroLoRA', [D, 4 * D, 2]],
  ['micro set_b', (o, x) => o.set_b(x), 'WasmMicroLoRA', [2 * D, 8 * D, 2]],
  ['micro forward_batch', (o, x) => o.forward_batch(x), 'WasmMicroLoRA', [D, 4 * D, 2]],
  ['micro adapt_batch', (o, x) => o.adapt_batch(x), 'WasmMicroLoRA', [D, 4 * D, 2]],
  ['scoped forward_array', (o, x) => o.forward_array(3, x), 'WasmScopedLoRA', [D, 4 * D, 2]],
  ['scoped adapt_array', (o, x) => o.adapt_array(3, x), 'WasmScopedLoRA', [D, 4 * D, 2]],
  ['scoped forward_batch', (o, x) => o.forward_batch(3, x), 'WasmScopedLoRA', [D, 4 * D, 2]],
  ['record', (o, x) => o.record(x, 2, 1, 10, 20), 'WasmTrajectoryBuffer', [D, 4 * D, 2]],
];

function make(lib, cls) {
  return cls === 'WasmTrajectoryBuffer' ? new lib.WasmTrajectoryBuffer(4, D) : new lib[cls](D, 0.5, 0.1);
}

/** The suite for one loaded path: lib is its API, name labels its tests. */
export function safetySuite({ lib, name, test, assert }) {
  test(`[${name}] a lying length writes nothing outside its object, and the real elements decide the outcome`, () => {
    const by = bystanders(lib);
    const before = by.states();
    for (const [name, call, cls, lengths] of ARRAY_CALLS) {
      for (const n of lengths) {
        for (const [liarName, liar] of LIARS) {
          const target = make(lib, cls), twin = make(lib, cls);
          const real = vec(n, n + 7);
          const got = resultOf(() => call(target, liar(real.slice())));
          const want = resultOf(() => call(twin, real.slice()));
          assert.equal(got, want, `${name}, real length ${n}, ${liarName}: the outcome of the real elements`);
          assert.equal(hex(target.to_bytes()), hex(twin.to_bytes()), `${name}, real length ${n}, ${liarName}: state`);
          target.free();
          twin.free();
        }
      }
    }
    assert.deepEqual(by.states(), before, 'no bystander changed');
    by.free();
  });

  test(`[${name}] a typed array given another kind's prototype is read by its own kind's values`, () => {
    const kinds = [
      ['Int32Array given Float32Array.prototype', Int32Array, Float32Array],
      ['Float64Array given Float32Array.prototype', Float64Array, Float32Array],
      ['Float32Array given Int32Array.prototype', Float32Array, Int32Array],
    ];
    for (const [kindName, Kind, Proto] of kinds) {
      for (const [callName, call, cls] of ARRAY_CALLS.filter(([n]) => !n.includes('set_b'))) {
        const target = make(lib, cls), twin = make(lib, cls);
        const values = Array.from({ length: D }, (_, i) => (Kind === Int32Array ? i - 3 : (i - 3) / 7));
        const odd = Object.setPrototypeOf(Kind.from(values), Proto.prototype);
        assert.equal(resultOf(() => call(target, odd)), resultOf(() => call(twin, Float32Array.from(Kind.from(values)))), `${callName}, ${kindName}`);
        assert.equal(hex(target.to_bytes()), hex(twin.to_bytes()), `${callName}, ${kindName}: state`);
        target.free();
        twin.free();
      }
    }
  });

  test(`[${name}] a from_bytes argument with a lying length reads its real bytes`, () => {
    const by = bystanders(lib);
    const before = by.states();
    const bytes = by.list[0].to_bytes();
    const liar = Object.defineProperty(bytes.slice(), 'length', { value: 8 });
    const m = lib.WasmMicroLoRA.from_bytes(liar);
    assert.equal(hex(m.to_bytes()), hex(bytes));
    const short = Object.defineProperty(bytes.slice(0, 16), 'length', { value: bytes.length });
    assert.equal(errorKind(thrownBy(() => lib.WasmMicroLoRA.from_bytes(short))), 'Error');
    assert.deepEqual(by.states(), before, 'no bystander changed');
    m.free();
    by.free();
  });

  test(`[${name}] an Array whose length changes between reads is converted once`, () => {
    for (const [name, call, cls] of ARRAY_CALLS.filter(([n]) => !n.includes('batch') && !n.includes('set_b'))) {
      const target = make(lib, cls), twin = make(lib, cls);
      thrownBy(() => call(target, new Array(4 * D).fill(9))); // stages a longer array first
      thrownBy(() => call(twin, new Array(4 * D).fill(9)));
      const values = Array.from(vec(D, 5));
      let reads = 0;
      const proxy = new Proxy(values, { get: (t, k) => (k === 'length' ? (reads++ === 0 ? D : D / 2) : t[k]) });
      assert.equal(resultOf(() => call(target, proxy)), resultOf(() => call(twin, values)), `${name}: the first length read decides`);
      assert.equal(hex(target.to_bytes()), hex(twin.to_bytes()), `${name}: state`);
      target.free();
      twin.free();
    }
  });

  test(`[${name}] the loaders' objects have no internals to reassign`, () => {
    const by = bystanders(lib);
    const before = by.states();
    const m = new lib.WasmMicroLoRA(D, 0.5, 0.1), twin = new lib.WasmMicroLoRA(D, 0.5, 0.1);
    assert.deepEqual(Reflect.ownKeys(m), [], 'no own properties');
    for (const k of ['__wbg_ptr', '__x', '__dim']) m[k] = k === '__dim' ? 1e6 : 0;
    const x = vec(D, 2);
    assert.equal(bitsOf(m.forward_array(x)), bitsOf(twin.forward_array(x)));
    m.adapt_array(x);
    twin.adapt_array(x);
    assert.equal(hex(m.to_bytes()), hex(twin.to_bytes()));
    assert.deepEqual(by.states(), before, 'no bystander changed');
    for (const C of [lib.WasmMicroLoRA, lib.WasmScopedLoRA, lib.WasmTrajectoryBuffer]) {
      assert.equal(C.brand, undefined, `${C.name} has no static brand()`);
    }
    m.free();
    twin.free();
    by.free();
  });

  test(`[${name}] detached arrays are a RangeError naming the method and the argument`, () => {
    const detach = (a) => (structuredClone(a.buffer, { transfer: [a.buffer] }), a);
    const m = new lib.WasmMicroLoRA(D), s = new lib.WasmScopedLoRA(D), t = new lib.WasmTrajectoryBuffer(4, D);
    const cases = [
      ['WasmMicroLoRA.forward_array: input', () => m.forward_array(detach(new Float32Array(D)))],
      ['WasmMicroLoRA.set_b: b', () => m.set_b(detach(new Float32Array(2 * D)))],
      ['WasmMicroLoRA.forward_batch: inputs', () => m.forward_batch(detach(new Float32Array(D)))],
      ['WasmMicroLoRA.adapt_batch: gradients', () => m.adapt_batch(detach(new Float64Array(D)))],
      ['WasmScopedLoRA.adapt_batch: gradients', () => s.adapt_batch(1, detach(new Float32Array(D)))],
      ['WasmTrajectoryBuffer.record: embedding', () => t.record(detach(new Float32Array(D)), 1, 1, 1, 1)],
      ['WasmMicroLoRA.from_bytes: bytes', () => lib.WasmMicroLoRA.from_bytes(detach(m.to_bytes()))],
      ['WasmScopedLoRA.from_bytes: bytes', () => lib.WasmScopedLoRA.from_bytes(detach(s.to_bytes()).buffer)],
    ];
    for (const [label, fn] of cases) {
      const e = thrownBy(fn);
      assert.equal(errorKind(e), 'RangeError', `${label}: ${showError(e)}`);
      assert.ok(e.message.startsWith(label + ' must not be detached'), `${label}: ${e.message}`);
    }
    assert.equal(m.forward_count(), 0n);
    m.free(); s.free(); t.free();
  });

  test(`[${name}] a wrong this on the views is a TypeError; a freed object is an Error; both name the view`, () => {
    const m = new lib.WasmMicroLoRA(D), s = new lib.WasmScopedLoRA(D);
    for (const view of ['input_view', 'output_view']) {
      for (const [what, self] of [['a WasmScopedLoRA', s], ['a plain object', {}], ['a copy', Object.create(m)], ['undefined', undefined]]) {
        const e = thrownBy(() => lib.WasmMicroLoRA.prototype[view].call(self));
        assert.equal(errorKind(e), 'TypeError', `${view} on ${what}: ${showError(e)}`);
        assert.equal(e.message, `WasmMicroLoRA.${view}: this is not a WasmMicroLoRA`);
      }
    }
    m.free();
    const e = thrownBy(() => m.input_view());
    assert.equal(errorKind(e), 'Error');
    assert.equal(e.message, 'WasmMicroLoRA.input_view: object has been freed');
    s.free();
  });

  test(`[${name}] after memory.grow() from JS, every kind of call still answers or names its error`, () => {
    const m = new lib.WasmMicroLoRA(D, 0.5, 0.1), s = new lib.WasmScopedLoRA(D), t = new lib.WasmTrajectoryBuffer(4, D);
    const twin = new lib.WasmMicroLoRA(D, 0.5, 0.1);
    m.memory.grow(16);
    const arrayLike = { length: D, ...Array.from(vec(D, 1)) };
    const checks = [
      ['RangeError', 'WasmMicroLoRA.forward_array: input', () => m.forward_array(new Float32Array(D + 1))],
      ['TypeError', 'WasmMicroLoRA.adapt_with_reward: improvement', () => m.adapt_with_reward('x')],
      ['RangeError', 'WasmMicroLoRA.constructor: dim', () => new lib.WasmMicroLoRA(0)],
      ['Error', 'WasmMicroLoRA.from_bytes: bytes', () => lib.WasmMicroLoRA.from_bytes(new Uint8Array(40))],
      ['TypeError', 'WasmScopedLoRA.learn_from: buffer', () => s.learn_from({})],
    ];
    for (const [kind, label, fn] of checks) {
      const e = thrownBy(fn);
      assert.equal(errorKind(e), kind, `${label}: ${showError(e)}`);
      assert.ok(e.message.startsWith(label), `${label}: ${e.message}`);
      m.memory.grow(1);
    }
    assert.equal(bitsOf(m.forward_array(arrayLike)), bitsOf(twin.forward_array(arrayLike)), 'an array-like, converted by Go');
    assert.equal(lib.WasmScopedLoRA.scope_name(3), 'IvfFlatScan');
    t.record(vec(D, 2), 1, 1, 10, 20);
    assert.equal(s.learn_from(t), 1);
    m.free(); s.free(); t.free(); twin.free();
  });

  test(`[${name}] learn_from's errors describe the buffer argument, never its handle`, () => {
    const s = new lib.WasmScopedLoRA(4), t = new lib.WasmTrajectoryBuffer(4, 3);
    for (const [kind, arg, got] of [['RangeError', t, 'a WasmTrajectoryBuffer'], ['TypeError', {}, 'an Object'], ['TypeError', 7, '7']]) {
      const e = thrownBy(() => s.learn_from(arg));
      assert.equal(errorKind(e), kind, showError(e));
      assert.ok(e.message.startsWith('WasmScopedLoRA.learn_from: buffer ') && e.message.endsWith(`(got ${got})`), e.message);
    }
    s.free(); t.free();
  });

  test(`[${name}] the bare globals refuse the loaders' objects, which stay untouched`, () => {
    const m = new lib.WasmMicroLoRA(D, 0.5, 0.1), twin = new lib.WasmMicroLoRA(D, 0.5, 0.1);
    const t = new lib.WasmTrajectoryBuffer(4, D), tTwin = new lib.WasmTrajectoryBuffer(4, D);
    const bare = (cls, method, self, ...args) => globalThis[cls].prototype[method].call(self, ...args);
    for (const r of [bare('WasmMicroLoRA', 'adapt_array', m, vec(D, 1)), bare('WasmTrajectoryBuffer', 'record', t, vec(D, 1), 1, 1, 1, 1)]) {
      assert.ok(r instanceof TypeError, `a bare method on a loader's object returns a TypeError (got ${showError(r)})`);
      assert.match(r.message, /this is not a Wasm/);
    }
    t.record(vec(D, 3), 2, 1, 10, 20);
    tTwin.record(vec(D, 3), 2, 1, 10, 20);
    assert.equal(hex(t.to_bytes()), hex(tTwin.to_bytes()), 'the loader\'s write slot is as it was');
    assert.equal(hex(m.to_bytes()), hex(twin.to_bytes()));
    m.free(); twin.free(); t.free(); tTwin.free();
  });
}

/** init() and initSync() given modules that are not this package's. */
export function wrongModuleSuite({ createLoader, ours, others, test, assert }) {
  for (const [what, bytes] of others) {
    test(`init with ${what} rejects with an Error naming init and module_or_path; the right module then loads`, async () => {
      const L = createLoader();
      await assert.rejects(L.init({ module_or_path: bytes }), (e) => {
        assert.equal(errorKind(e), 'Error', showError(e));
        assert.match(e.message, /^init: module_or_path is not the ruvector-learning-wasm module/);
        return true;
      });
      const e = thrownBy(() => L.initSync({ module: bytes }));
      assert.equal(errorKind(e), 'Error', showError(e));
      assert.match(e.message, /^initSync: module is not the ruvector-learning-wasm module/);
      await L.init({ module_or_path: ours });
      const m = new L.WasmMicroLoRA(4);
      assert.equal(m.dim(), 4);
      m.free();
    });
  }
}
