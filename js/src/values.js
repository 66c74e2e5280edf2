// values.js — reading JS values safely: typed arrays' true lengths, array
// conversion into reusable stages, and describing a value in an error.

// The intrinsic getters of %TypedArray%.prototype read a typed array's
// internal slots: neither a subclass nor an own `length` can make them lie.
const TYPED_ARRAY = Object.getPrototypeOf(Float32Array.prototype);
const taLength = Object.getOwnPropertyDescriptor(TYPED_ARRAY, 'length').get;
const taBuffer = Object.getOwnPropertyDescriptor(TYPED_ARRAY, 'buffer').get;
// taTag.call(x) is x's kind ('Float32Array', ...), undefined for anything
// but a typed array (a DataView, a Proxy): it never throws.
const taTag = Object.getOwnPropertyDescriptor(TYPED_ARRAY, Symbol.toStringTag).get;
const taSet = TYPED_ARRAY.set; // into.set could be a subclass's own

// LOOP_MAX: the generated methods copy up to this many floats by a loop
// (putLoop) instead of a typed array's set. JavaScriptCore (Safari, Bun;
// alone in giving an Error a numeric `line`) spends 35-60 ns in set whatever
// the length, where a loop copies 16 floats in about 15 ns; V8's and
// SpiderMonkey's sets take 20-30 ns, less than their loops from 16 floats up.
const LOOP_MAX = typeof new Error().line === 'number' ? 32 : 0;

// putLoop(view, at, v, n) is view[at + i] = v[i] for i < n: v a Float32Array
// of n values, view one with room for them at at. A float32 makes the trip
// through a JS number unchanged, but a NaN may not: JavaScriptCore quiets or
// canonicalizes it on the way. So an array holding one is copied by set,
// which moves its bytes.
function putLoop(view, at, v, n) {
  for (let i = 0; i < n; i++) {
    const x = v[i];
    if (x !== x) {
      taSet.call(view, v, at);
      return;
    }
    view[at + i] = x;
  }
}

// typedLength(x): typed array x's true length, or -1 when x is none or is
// detached (a detached array reads as length 0).
function typedLength(x) {
  let n;
  try {
    n = taLength.call(x);
  } catch {
    return -1;
  }
  if (n === 0) {
    try {
      new Uint8Array(taBuffer.call(x));
    } catch {
      return -1;
    }
  }
  return n;
}

// isInto(v, n): v is a Float32Array of n values (an out argument).
function isInto(v, n) {
  return v instanceof Float32Array && ArrayBuffer.isView(v) && typedLength(v) === n;
}

// describe renders a JS value for an error message, as the Go side does
// for the bare globals (cmd/wasm/errors.go): arrays by kind and length,
// strings quoted, bigints with their n, objects by their constructor's name.
function describe(v) {
  if (typeof v === 'bigint') return String(v) + 'n';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'symbol') return 'a symbol';
  if (typeof v === 'function') return 'a function';
  if (v === null || typeof v !== 'object') return String(v);
  const c = typeof v.constructor === 'function' ? v.constructor.name : '';
  if (taTag.call(v) !== undefined) { // a typed array, whatever its prototype
    const n = typedLength(v);
    return n < 0 ? 'a detached ' + (c || 'typed array') : (c || 'typed array') + ' of length ' + n;
  }
  // Only an Array's length is read: another object's could lie, or throw
  // (one that only inherits a typed array's getter does).
  if (Array.isArray(v)) return (c || 'array') + ' of length ' + String(v.length);
  return c === '' ? 'an object' : (/^[AEIOUaeiou]/.test(c) ? 'an ' : 'a ') + c;
}

// boolNumber is a boolean argument as 0 or 1, NaN when it is not one.
function boolNumber(v) {
  return v === true || v === 1 ? 1 : v === false || v === 0 ? 0 : NaN;
}

// fill(v, x, n): v[i] = x[i] for i from 0 up to n, four a turn. Measured
// against the plain loop, in ns per Array of 256 numbers converted into a
// stage (Node 20 in one process, each browser in one page): Node 20
// 382/672, Firefox 250/360, WebKit 790/800, Chromium 300/230; and
// TypedArray.prototype.set from an Array: Node 20 529, Chromium 692, WebKit
// 6,070.
function fill(v, x, n) {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    v[i] = x[i];
    v[i + 1] = x[i + 1];
    v[i + 2] = x[i + 2];
    v[i + 3] = x[i + 3];
  }
  for (; i < n; i++) v[i] = x[i];
}

// converter() makes toF32(x): array x as a Float32Array, its true length in
// conv.n: x itself, or its elements converted (as new Float32Array(x) would)
// into a reusable stage or a new array; null when it cannot be, with the
// reason in conv.why (REASON.NotArray, .Detached or .NotNumbers). Lengths
// come from the typed array's slots, or are read once from an Array (or
// by new Float32Array from an array-like), so a
// lying or changing length cannot make a copy overrun. A stage is valid
// until the next call. A conversion that starts while another is under way
// (from an element's valueOf) gets a new array, so that it cannot overwrite
// the outer stage.
function converter() {
  const MAX_STAGES = 8, MAX_STAGE = 8192;
  const stages = new Map();
  let lastStage = new Float32Array(0), converting = false;
  const conv = { n: 0, why: 0 };
  function stage(n) {
    if (lastStage.length === n) return lastStage;
    let s = stages.get(n);
    if (s === undefined && n <= MAX_STAGE && stages.size < MAX_STAGES) stages.set(n, s = new Float32Array(n));
    if (s !== undefined) lastStage = s;
    return s;
  }
  const refuse = (why) => ((conv.why = why), null);
  // The generated methods take a non-empty Float32Array without calling
  // toF32 (gluegen's arrayArg reads its length from its slots), and call it
  // for everything else.
  function toF32(x) {
    let n;
    if (ArrayBuffer.isView(x)) { // a typed array or a DataView, whatever their prototypes say
      const kind = taTag.call(x);
      if (kind === undefined) return refuse(REASON.NotArray);
      n = typedLength(x);
      if (n < 0) return refuse(REASON.Detached);
      if (kind === 'Float32Array') return (conv.n = n, x);
    } else if (Array.isArray(x)) {
      n = x.length;
      if (!(n >= 0 && n <= 0x3fffffff && n === Math.floor(n))) return refuse(REASON.NotArray);
    } else if (x !== null && typeof x === 'object' && !(x instanceof ArrayBuffer)) {
      try { // an inherited typed-array getter throws for an object that is none
        n = x.length;
      } catch {
        return refuse(REASON.NotArray);
      }
      if (typeof n !== 'number') return refuse(REASON.NotArray);
      try { // an array-like: new Float32Array(x) reads its length once
        const v = new Float32Array(x);
        conv.n = v.length;
        return v;
      } catch {
        return refuse(REASON.NotNumbers);
      }
    } else {
      return refuse(REASON.NotArray);
    }
    const s = converting ? undefined : stage(n);
    if (s !== undefined) converting = true;
    try {
      const v = s === undefined ? new Float32Array(n) : s;
      if (ArrayBuffer.isView(x)) v.set(x);
      else fill(v, x, n);
      conv.n = n;
      return v;
    } catch {
      return refuse(REASON.NotNumbers);
    } finally {
      if (s !== undefined) converting = false;
    }
  }
  return { toF32, conv };
}
