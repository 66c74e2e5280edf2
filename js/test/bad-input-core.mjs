// Bad-input matrix core, environment-neutral (pure ES module, no Node or DOM
// imports), shared by bad-input.test.mjs (Node: both call paths) and
// browser/bad-input.html (every browser engine: the fast path). See
// bad-input.test.mjs for what each row checks.
//
//   badInputMatrix(paths, { test, assert })
//     paths  — { name: { name, lib, memory } }: each an initialised loader of
//              our module (Node: fast and slow; a page: fast)
//     test/assert — node:test and node:assert/strict, or the in-page stand-ins
import {
  readState, probeState, vec, detached, view, thrownBy, errorKind, showError, reEscape, exact, validCalls,
} from './robust-values.mjs';

// WebKit 2.50 (Safari) has no Symbol.dispose, so objects have no dispose method there.
const HAS_DISPOSE = typeof Symbol.dispose === 'symbol';

// Set by badInputMatrix().
let PATHS;
let GOLDEN;
let assert;
const DIM = 4; // dim of prepared LoRA objects
const EMB = 2; // embedding_dim of prepared trajectory buffers
const CAP = 3; // capacity of prepared trajectory buffers (probe records wrap it)

// ---- prepared objects ---------------------------------------------------------------

const PREP = {
  WasmMicroLoRA(lib) {
    const m = new lib.WasmMicroLoRA(DIM, 0.5, 0.1);
    m.adapt_array([1, -2, 3, 0.5]);
    m.forward_array([1, 1, 1, 1]);
    view(m.memory, m.get_input_ptr(), DIM).set([0.5, -1, 2, 0.25]);
    return m;
  },
  WasmScopedLoRA(lib) {
    const s = new lib.WasmScopedLoRA(DIM, 0.5, 0.1);
    s.adapt_array(0, [1, -2, 3, 0.5]);
    s.adapt_array(5, [0.25, 1, -1, 2]);
    s.forward_array(1, [1, 1, 1, 1]);
    view(s.memory, s.get_input_ptr(), DIM).set([0.5, -1, 2, 0.25]);
    return s;
  },
  WasmTrajectoryBuffer(lib) {
    const t = new lib.WasmTrajectoryBuffer(CAP, EMB);
    t.record([1, 2], 4, 7, 10, 15);
    t.record([3, 4], 5, 8, 10, 5);
    return t;
  },
};
const OTHER = { WasmMicroLoRA: 'WasmScopedLoRA', WasmScopedLoRA: 'WasmTrajectoryBuffer', WasmTrajectoryBuffer: 'WasmMicroLoRA' };

/** Every observation of obj, including probe calls (mutates obj). */
const fullState = (cls, obj) => probeState(cls, obj, EMB);

/** Fingerprint of fresh objects of every class after fixed valid calls. */
function health(lib) {
  const m = new lib.WasmMicroLoRA(8, 0.5, 0.1);
  m.adapt_array(vec(8, 1));
  const s = new lib.WasmScopedLoRA(8, 0.5, 0.1);
  s.adapt_array(3, vec(8, 2));
  const t = new lib.WasmTrajectoryBuffer(2, 8);
  t.record(vec(8, 3), 2, 1, 2, 3);
  const out = [probeState('WasmMicroLoRA', m), probeState('WasmScopedLoRA', s), probeState('WasmTrajectoryBuffer', t, 8)];
  for (const o of [m, s, t]) o.free();
  return out.join('\n');
}

// ---- bad values ------------------------------------------------------------------------

/** [label, value] pairs. Values that must be made fresh per call are functions marked lazy. */
const lazy = (make) => Object.assign(make, { lazy: true });
const val = (v) => (typeof v === 'function' && v.lazy ? v() : v);

const NOT_NUMBER = [
  ['string', '1'], ['object', {}], ['null', null], ['undefined', undefined],
  ['bigint', 1n], ['symbol', Symbol('s')], ['boolean', true], ['array', [1]],
];
/** Constructor arguments: null and undefined mean the default, so they are not bad. */
const NOT_NUMBER_CTOR = NOT_NUMBER.filter(([l]) => l !== 'null' && l !== 'undefined');
const NOT_ARRAY = [
  ['string', 'abcd'], ['object', {}], ['null', null], ['undefined', undefined], ['plain number', 4],
  ['bigint', 4n], ['symbol', Symbol('s')], ['boolean', true], ['function', () => {}], ['ArrayBuffer', new ArrayBuffer(16)],
  // Objects that inherit from Float32Array.prototype but are no typed array: its getters throw for them.
  ['object made from Float32Array.prototype', Object.create(Float32Array.prototype)],
  ['Proxy of a Float32Array', new Proxy(new Float32Array(DIM), {})],
  ['DataView given Float32Array.prototype', Object.setPrototypeOf(new DataView(new ArrayBuffer(4 * DIM)), Float32Array.prototype)],
];
/** Arrays of the right length whose elements are not numbers: a wrong kind of value. */
const BAD_ELEMENTS = (n) => [
  ['Array with a Symbol element', [Symbol('e'), ...new Array(n - 1).fill(1)]],
  ['Array with a BigInt element', [1n, ...new Array(n - 1).fill(1)]],
  ['BigInt64Array', new BigInt64Array(n)],
  ['BigInt64Array given Float32Array.prototype', Object.setPrototypeOf(new BigInt64Array(n), Float32Array.prototype)],
];
/** Arrays of the wrong length (including zero-length and detached ones). */
const BAD_LENGTH = (n) => [
  ['zero-length Float32Array', new Float32Array(0)],
  ['zero-length Array', []],
  [`Float32Array of length ${n - 1}`, new Float32Array(n - 1)],
  [`Array of length ${n + 1}`, new Array(n + 1).fill(1)],
  ['detached Float32Array', lazy(() => detached(n))],
];
/** Wrong length AND no numbers in it: either error class is right (docs/SEMANTICS.md §7.2 allows both). */
const HUGE_ARRAY_LIKE = ['array-like of 2**40 holes', { length: 2 ** 40 }];
const EITHER = 'TypeError|RangeError';
const BAD_OP = [-1, 17, 1.5, NaN, Infinity, -Infinity, 2 ** 32, -(2 ** 53)];
const NON_FINITE_GRADIENT = (n) => [
  ['NaN element', [1, NaN, ...new Array(n - 2).fill(1)]],
  ['Infinity element', [Infinity, ...new Array(n - 1).fill(1)]],
  ['-Infinity element', Float32Array.of(-Infinity, ...new Array(n - 1).fill(1))],
  ['squared norm overflows float32', [1e20, ...new Array(n - 1).fill(1)]],
  ['element rounds to Infinity (1e39)', [1e39, ...new Array(n - 1).fill(0)]],
  ['Float64Array with NaN', Float64Array.of(NaN, ...new Array(n - 1).fill(1))],
  ['array-like of holes', { length: n }, EITHER], // undefined elements: NaN values, or not numbers
];
const POISON = [NaN, Infinity, -Infinity, 1e20];

// ---- the table -----------------------------------------------------------------------------

const ROWS = [];
/** An argument error: message "<cls>.<method>: <arg> ... (got ...)". */
function argRow(cls, method, arg, kind, label, call, { got = true, setup } = {}) {
  ROWS.push({ type: 'arg', cls, method, arg, kind, label, call, got, setup });
}

function constructorRows() {
  for (const cls of ['WasmMicroLoRA', 'WasmScopedLoRA']) {
    const ctor = (args) => (o, lib) => new lib[cls](...args.map(val));
    for (const [l, v] of NOT_NUMBER_CTOR) argRow(cls, 'constructor', 'dim', 'TypeError', `dim ${l}`, ctor([v]));
    for (const d of [0, -1, 1.5, 8193, NaN, Infinity, -Infinity, 2 ** 32, 1e300]) argRow(cls, 'constructor', 'dim', 'RangeError', `dim ${d}`, ctor([d]));
    for (const [arg, at] of [['alpha', 1], ['learning_rate', 2]]) {
      const args = (v) => { const a = [DIM, 0.1, 0.01]; a[at] = v; return a; };
      for (const [l, v] of NOT_NUMBER_CTOR) argRow(cls, 'constructor', arg, 'TypeError', `${arg} ${l}`, ctor(args(v)));
      for (const v of [NaN, Infinity, -Infinity, 1e39]) argRow(cls, 'constructor', arg, 'RangeError', `${arg} ${v}`, ctor(args(v)));
    }
  }
  const cls = 'WasmTrajectoryBuffer';
  const ctor = (args) => (o, lib) => new lib[cls](...args);
  for (const [l, v] of NOT_NUMBER_CTOR) argRow(cls, 'constructor', 'capacity', 'TypeError', `capacity ${l}`, ctor([v, 2]));
  for (const c of [0, -1, 1.5, NaN, Infinity, -Infinity, 2 ** 53]) argRow(cls, 'constructor', 'capacity', 'RangeError', `capacity ${c}`, ctor([c, 2]));
  for (const [l, v] of NOT_NUMBER_CTOR) argRow(cls, 'constructor', 'embedding_dim', 'TypeError', `embedding_dim ${l}`, ctor([4, v]));
  for (const d of [0, -3, 2.5, 8193, NaN, Infinity]) argRow(cls, 'constructor', 'embedding_dim', 'RangeError', `embedding_dim ${d}`, ctor([4, d]));
  for (const [c, d] of [[1e9, 8192], [70_000_000, 1], [67_108_865, 1], [16_385, 4096], [1e9, undefined]]) {
    argRow(cls, 'constructor', 'capacity', 'RangeError', `storage of ${c} x ${d ?? 256} floats (above 256 MiB)`, ctor([c, d]));
  }
}

/** Rows for an array parameter: not an array, bad elements, bad lengths. */
function arrayRows(cls, method, arg, call) {
  for (const [l, v] of NOT_ARRAY) argRow(cls, method, arg, 'TypeError', `${arg} ${l}`, (o) => call(o, v));
  for (const [l, v] of BAD_ELEMENTS(DIM)) argRow(cls, method, arg, 'TypeError', `${arg} ${l}`, (o) => call(o, v));
  for (const [l, v] of BAD_LENGTH(DIM)) argRow(cls, method, arg, 'RangeError', `${arg} ${l}`, (o) => call(o, val(v)));
  argRow(cls, method, arg, EITHER, `${arg} ${HUGE_ARRAY_LIKE[0]}`, (o) => call(o, HUGE_ARRAY_LIKE[1]));
}

/** Rows for a gradient parameter: arrayRows plus non-finite values. */
function gradientRows(cls, method, call) {
  arrayRows(cls, method, 'gradient', call);
  for (const [l, v, kind = 'RangeError'] of NON_FINITE_GRADIENT(DIM)) argRow(cls, method, 'gradient', kind, `gradient ${l}`, (o) => call(o, v));
}

/** Row options: both twins get v written into element 1 of their input buffer (a bad gradient for adapt()). */
function poisoned(v) {
  return { got: false, setup: (o) => view(o.memory, o.get_input_ptr(), DIM).set([1, v, 1, 1]) };
}

function numberRows(cls, method, arg, call, rangeValues) {
  for (const [l, v] of NOT_NUMBER) argRow(cls, method, arg, 'TypeError', `${arg} ${l}`, (o) => call(o, v));
  for (const v of rangeValues) argRow(cls, method, arg, 'RangeError', `${arg} ${v}`, (o) => call(o, v));
}

function microRows() {
  const cls = 'WasmMicroLoRA';
  arrayRows(cls, 'forward_array', 'input', (o, x) => o.forward_array(x));
  gradientRows(cls, 'adapt_array', (o, g) => o.adapt_array(g));
  for (const v of POISON) argRow(cls, 'adapt', 'input buffer', 'RangeError', `input buffer holds ${v}`, (o) => o.adapt(), poisoned(v));
  numberRows(cls, 'adapt_with_reward', 'improvement', (o, v) => o.adapt_with_reward(v), [NaN]);
  for (const v of [NaN, 1e20]) {
    argRow(cls, 'adapt_with_reward', 'input buffer', 'RangeError', `input buffer holds ${v}`, (o) => o.adapt_with_reward(1), poisoned(v));
  }
}

function scopedRows() {
  const cls = 'WasmScopedLoRA';
  const x = [1, 2, 3, 4];
  const opCalls = {
    forward: (s, op) => s.forward(op), forward_array: (s, op) => s.forward_array(op, x),
    adapt: (s, op) => s.adapt(op), adapt_array: (s, op) => s.adapt_array(op, x),
    adapt_with_reward: (s, op) => s.adapt_with_reward(op, 1), reset_scope: (s, op) => s.reset_scope(op),
    forward_count: (s, op) => s.forward_count(op), adapt_count: (s, op) => s.adapt_count(op),
    delta_norm: (s, op) => s.delta_norm(op),
  };
  for (const [method, call] of Object.entries(opCalls)) numberRows(cls, method, 'op_type', call, BAD_OP);
  arrayRows(cls, 'forward_array', 'input', (s, v) => s.forward_array(2, v));
  gradientRows(cls, 'adapt_array', (s, g) => s.adapt_array(2, g));
  for (const v of [NaN, 1e20]) argRow(cls, 'adapt', 'input buffer', 'RangeError', `input buffer holds ${v}`, (s) => s.adapt(2), poisoned(v));
  numberRows(cls, 'adapt_with_reward', 'improvement', (s, v) => s.adapt_with_reward(2, v), [NaN]);
  argRow(cls, 'adapt_with_reward', 'input buffer', 'RangeError', 'input buffer holds Infinity', (s) => s.adapt_with_reward(2, 1), poisoned(Infinity));
  const notBool = NOT_NUMBER.filter(([l]) => l !== 'boolean');
  for (const [l, v] of notBool) argRow(cls, 'set_category_fallback', 'enabled', 'TypeError', `enabled ${l}`, (s) => s.set_category_fallback(v));
  for (const v of [2, -1, 0.5, NaN]) argRow(cls, 'set_category_fallback', 'enabled', 'RangeError', `enabled ${v}`, (s) => s.set_category_fallback(v));
  for (const [l, v] of NOT_NUMBER) argRow(cls, 'scope_name', 'op_type', 'TypeError', `static, op_type ${l}`, (s, lib) => lib.WasmScopedLoRA.scope_name(v));
}

function trajRows() {
  const cls = 'WasmTrajectoryBuffer';
  const rec = (e, op, att, ex, base) => (t) => t.record(val(e), op, att, ex, base);
  const e = [1, 2];
  for (const [l, v] of NOT_ARRAY) argRow(cls, 'record', 'embedding', 'TypeError', `embedding ${l}`, rec(v, 0, 0, 1, 1));
  for (const [l, v] of BAD_ELEMENTS(EMB)) argRow(cls, 'record', 'embedding', 'TypeError', `embedding ${l}`, rec(v, 0, 0, 1, 1));
  for (const [l, v] of BAD_LENGTH(EMB)) argRow(cls, 'record', 'embedding', 'RangeError', `embedding ${l}`, rec(v, 0, 0, 1, 1));
  argRow(cls, 'record', 'embedding', EITHER, `embedding ${HUGE_ARRAY_LIKE[0]}`, rec(HUGE_ARRAY_LIKE[1], 0, 0, 1, 1));
  numberRows(cls, 'record', 'op_type', (t, v) => rec(e, v, 0, 1, 1)(t), BAD_OP);
  numberRows(cls, 'record', 'attention_type', (t, v) => rec(e, 0, v, 1, 1)(t), [-1, 256, 1.5, NaN, Infinity, -Infinity, 2 ** 32]);
  const badMs = [-1, -1e-30, -Infinity, Infinity, NaN, 1e39];
  numberRows(cls, 'record', 'execution_ms', (t, v) => rec(e, 0, 0, v, 1)(t), badMs);
  numberRows(cls, 'record', 'baseline_ms', (t, v) => rec(e, 0, 0, 1, v)(t), badMs);
  numberRows(cls, 'high_quality_count', 'threshold', (t, v) => t.high_quality_count(v), [NaN]);
  numberRows(cls, 'count_by_operator', 'op_type', (t, v) => t.count_by_operator(v), BAD_OP);
}

/** A valid call of every method (besides free), for the wrong-this and after-free rows. */
const VALID = validCalls(DIM, EMB);

/** Wrong receivers for a method of o's class; `other` is a live object of another class. */
const SELVES = {
  'extracted method (no receiver)': null, // handled in wrongThisCall
  undefined: () => undefined,
  'object of another class': (o, other) => other,
  'Object.assign({}, obj) copy': (o) => Object.assign({}, o),
  'Object.create(prototype)': (o) => Object.create(Object.getPrototypeOf(o)),
  'forged copy carrying the handle': (o) => Object.assign(Object.create(Object.getPrototypeOf(o)), { __wbg_ptr: o.__wbg_ptr }),
};

function wrongThisCall(method, args, selfLabel) {
  return (o, lib, other) => {
    const fn = o[method];
    if (selfLabel.startsWith('extracted')) return fn(...args);
    return fn.apply(SELVES[selfLabel](o, other), args);
  };
}

function lifecycleRows() {
  for (const [cls, calls] of Object.entries(VALID)) {
    for (const [method, args] of [...Object.entries(calls), ['free', []]]) {
      for (const selfLabel of Object.keys(SELVES)) {
        ROWS.push({ type: 'this', cls, method, kind: 'TypeError', label: `this = ${selfLabel}`, call: wrongThisCall(method, args, selfLabel) });
      }
    }
    for (const [method, args] of Object.entries(calls)) {
      ROWS.push({ type: 'freed', cls, method, kind: 'Error', label: 'after free()', call: (o) => o[method](...args) });
      if (HAS_DISPOSE) ROWS.push({ type: 'freed', cls, method, kind: 'Error', label: 'after [Symbol.dispose]()', dispose: true, call: (o) => o[method](...args) });
    }
    ROWS.push({ type: 'double-free', cls, method: 'free', label: 'free() twice, handle reused by a new object in between' });
    if (HAS_DISPOSE) ROWS.push({ type: 'double-free', cls, method: 'free', label: '[Symbol.dispose]() then free() then [Symbol.dispose]()', dispose: true });
  }
}

/**
 * Re-entrancy: an array element whose valueOf() allocates a big object (wasm
 * memory grows while the argument is being read). Either the call is refused
 * with a TypeError/RangeError and nothing changes, or it behaves exactly as if
 * the element had been the number valueOf() returned.
 */
function reentrantRows() {
  const grow = (lib, keep) => ({ valueOf() { growMemory(lib, keep); return 2; } });
  const table = [
    ['WasmMicroLoRA', 'forward_array', (o, g) => o.forward_array(g)],
    ['WasmMicroLoRA', 'adapt_array', (o, g) => o.adapt_array(g)],
    ['WasmScopedLoRA', 'forward_array', (o, g) => o.forward_array(6, g)],
    ['WasmScopedLoRA', 'adapt_array', (o, g) => o.adapt_array(6, g)],
    ['WasmTrajectoryBuffer', 'record', (o, e) => o.record(e, 6, 1, 1, 3)],
  ];
  for (const [cls, method, call] of table) {
    const n = cls === 'WasmTrajectoryBuffer' ? EMB : DIM;
    ROWS.push({
      type: 'reentrant', cls, method, label: 'array element whose valueOf() grows wasm memory',
      evil: (o, lib, keep) => call(o, [grow(lib, keep), ...new Array(n - 1).fill(1)]),
      plain: (o) => call(o, [2, ...new Array(n - 1).fill(1)]),
    });
  }
}

/** Allocates 32 MiB trajectory buffers (kept in keep) until wasm memory has grown; at most 24. */
function growMemory(lib, keep) {
  const probe = new lib.WasmMicroLoRA(1);
  const { memory } = probe;
  probe.free();
  const before = memory.buffer.byteLength;
  while (memory.buffer.byteLength === before && keep.length < 24) keep.push(new lib.WasmTrajectoryBuffer(32_768, 256));
}

constructorRows();
microRows();
scopedRows();
trajRows();
lifecycleRows();
reentrantRows();

// ---- checks -------------------------------------------------------------------------------------

/** The error of an argument row: class, and "<cls>.<method>: <arg> <reason>[ (got <value>)]". */
function checkArgError(row, e) {
  assert.ok(row.kind.split('|').includes(errorKind(e)), `expected ${row.kind}, got ${showError(e)}`);
  const head = `^${reEscape(row.cls)}\\.${reEscape(row.method)}: ${reEscape(row.arg)} \\S.*`;
  const re = new RegExp(head + (row.got ? ' \\(got .+\\)$' : '$'));
  assert.match(e.message, re, `message form "${row.cls}.${row.method}: ${row.arg} <reason>${row.got ? ' (got <value>)' : ''}"`);
}

function checkError(row, e) {
  if (row.type === 'arg') return checkArgError(row, e);
  assert.equal(errorKind(e), row.kind, `expected ${row.kind}, got ${showError(e)}`);
  const want = row.type === 'this'
    ? `${row.cls}.${row.method}: this is not a ${row.cls}`
    : `${row.cls}.${row.method}: object has been freed`;
  assert.equal(e.message, want);
}

/** obj and its twin (same preparation, no bad call) agree on everything; both are freed. */
function assertSameAsTwin(cls, obj, twin, what) {
  assert.equal(fullState(cls, obj), fullState(cls, twin), `${what} unchanged (compared with an identically prepared twin)`);
  obj.free();
  twin.free();
}

function assertHealthy(p) {
  assert.equal(health(p.lib), GOLDEN[p.name], 'fresh objects behave as before');
}

function runArgOrThis(p, row) {
  const { lib } = p;
  const [a, b] = [PREP[row.cls](lib), PREP[row.cls](lib)];
  if (row.setup) [a, b].forEach(row.setup);
  const oc = OTHER[row.cls];
  const [x, y] = [PREP[oc](lib), PREP[oc](lib)];
  assert.equal(readState(row.cls, a), readState(row.cls, b), 'twins start identical');
  const e = thrownBy(() => row.call(a, lib, x));
  checkError(row, e);
  assertSameAsTwin(row.cls, a, b, 'the object');
  assertSameAsTwin(oc, x, y, `a bystander ${oc}`);
}

function runFreed(p, row) {
  const { lib } = p;
  const a = PREP[row.cls](lib);
  const [x, y] = [PREP[row.cls](lib), PREP[row.cls](lib)];
  if (row.dispose) a[Symbol.dispose]();
  else a.free();
  checkError(row, thrownBy(() => row.call(a, lib)));
  assertSameAsTwin(row.cls, x, y, 'another object of the class');
}

function runDoubleFree(p, row) {
  const { lib } = p;
  const a = PREP[row.cls](lib);
  const release = row.dispose ? () => a[Symbol.dispose]() : () => a.free();
  assert.equal(release(), undefined);
  const [x, y] = [PREP[row.cls](lib), PREP[row.cls](lib)]; // x may reuse a's handle slot
  assert.equal(showError(thrownBy(() => a.free())), 'no error', 'second free() is a no-op');
  if (row.dispose) assert.equal(showError(thrownBy(() => a[Symbol.dispose]())), 'no error', 'dispose again is a no-op');
  const [method, args] = Object.entries(VALID[row.cls])[0];
  checkError({ ...row, type: 'freed', method, kind: 'Error' }, thrownBy(() => a[method](...args)));
  assertSameAsTwin(row.cls, x, y, 'an object created after the first free');
}

function runReentrant(p, row) {
  const { lib } = p;
  const [a, b, c] = [PREP[row.cls](lib), PREP[row.cls](lib), PREP[row.cls](lib)];
  const keep = [];
  let result;
  const e = thrownBy(() => { result = row.evil(a, lib, keep); });
  for (const k of keep) k.free();
  assert.ok(keep.length > 0 && keep.length < 24, `valueOf() ran and grew wasm memory (${keep.length} allocations)`);
  if (errorKind(e) === 'no error') {
    // Accepted: must equal the call with the plain number, result and state.
    assert.equal(exact(result), exact(row.plain(b)), 'result equals the call with the number valueOf() returned');
    assertSameAsTwin(row.cls, a, b, 'the object (same as after the call with the plain number)');
    c.free();
  } else {
    assert.ok(['TypeError', 'RangeError'].includes(errorKind(e)), `refused with TypeError/RangeError, got ${showError(e)}`);
    assert.match(e.message, new RegExp(`^${row.cls}\\.${row.method}: `), 'message names class and method');
    assertSameAsTwin(row.cls, a, c, 'the object');
    b.free();
  }
}

/**
 * Re-entrancy that touches the object itself: an element's valueOf() records
 * into the same buffer (the nested record must be stored intact, then the
 * outer one), or frees the object and creates another of its class, which
 * may take over its handle (the call must fail as on a freed object, and the
 * newcomer must not see it).
 */
function runSelfReentrant(p, row) {
  const { lib } = p;
  if (row.cls === 'WasmTrajectoryBuffer') {
    // The nested record comes from the last element, after the first one has
    // been converted: it must not disturb that conversion either.
    const [a, b] = [PREP[row.cls](lib), PREP[row.cls](lib)];
    const nested = { valueOf() { a.record([5, 6], 3, 2, 10, 20); return 8; } };
    assert.equal(showError(thrownBy(() => a.record([7, nested], 6, 1, 1, 3))), 'no error');
    b.record([5, 6], 3, 2, 10, 20);
    b.record([7, 8], 6, 1, 1, 3);
    assert.deepEqual(a.to_bytes(), b.to_bytes(), 'the stored embeddings (to_bytes), the nested record intact');
    assertSameAsTwin(row.cls, a, b, 'the buffer (the nested record, then the outer one)');
    return;
  }
  const a = PREP[row.cls](lib);
  let newcomer = null;
  const evil = { valueOf() { a.free(); newcomer = PREP[row.cls](lib); return 1; } };
  const args = row.cls === 'WasmScopedLoRA' ? [2, [evil, 1, 1, 1]] : [[evil, 1, 1, 1]];
  const e = thrownBy(() => a[row.method](...args));
  assert.equal(errorKind(e), 'Error', `refused as a freed object, got ${showError(e)}`);
  assert.match(e.message, new RegExp(`^${row.cls}\\.${row.method}: `), 'message names class and method');
  assert.ok(newcomer !== null, 'valueOf() ran');
  assertSameAsTwin(row.cls, newcomer, PREP[row.cls](lib), 'the object created inside valueOf()');
}

function selfReentrantRows() {
  for (const [cls, method] of [['WasmMicroLoRA', 'forward_array'], ['WasmMicroLoRA', 'adapt_array'],
    ['WasmScopedLoRA', 'forward_array'], ['WasmScopedLoRA', 'adapt_array'], ['WasmTrajectoryBuffer', 'record']]) {
    const label = cls === 'WasmTrajectoryBuffer'
      ? "array element whose valueOf() records into the same buffer"
      : "array element whose valueOf() frees the object and creates another";
    ROWS.push({ type: 'self-reentrant', cls, method, label });
  }
}
selfReentrantRows();

const RUNNERS = {
  arg: runArgOrThis, this: runArgOrThis, freed: runFreed, 'double-free': runDoubleFree, reentrant: runReentrant,
  'self-reentrant': runSelfReentrant,
};

// ---- tests -----------------------------------------------------------------------------------------

export function badInputMatrix(paths, { test, assert: assertImpl }) {
  PATHS = paths;
  assert = assertImpl;
  GOLDEN = Object.fromEntries(Object.values(PATHS).map((p) => [p.name, health(p.lib)]));

  if (PATHS.fast && PATHS.slow) {
    test('bad-input: the twins and fingerprints agree across the two paths', () => {
      assert.equal(GOLDEN.fast, GOLDEN.slow, 'fast and slow path fingerprints');
    });
  }

  for (const p of Object.values(PATHS)) {
    for (const row of ROWS) {
      test(`bad-input [${p.name}] ${row.cls}.${row.method}: ${row.label}${row.kind ? ` -> ${row.kind}` : ''}`, () => {
        RUNNERS[row.type](p, row);
        assertHealthy(p);
      });
    }
  }

  test('bad-input: case count', (t) => {
    const byType = {};
    for (const r of ROWS) byType[r.type] = (byType[r.type] ?? 0) + 1;
    t.diagnostic(`${ROWS.length} rows x ${Object.keys(PATHS).length} paths = ${ROWS.length * Object.keys(PATHS).length} cases; rows by type ${JSON.stringify(byType)}`);
    assert.ok(ROWS.length >= 120);
  });
}
