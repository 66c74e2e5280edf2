// runtime.js — one loader (create): its Go runtime's lifecycle, its views
// of wasm memory, the errors it throws, and the members every class shares
// (construction, from_bytes, free, the views, memory). The classes
// themselves are generated from the member table (defineClasses).

const EXITED = 'ruvector-learning-wasm: the Go runtime has exited; call init() or initSync() to start a fresh instance';
// ADOPT, as a constructor's first argument, wraps an existing handle (from_bytes).
const ADOPT = Object.freeze({});
// ERROR_CLASSES[kind] is the JS class of a Go error record's kind (api.ErrorKind).
const ERROR_CLASSES = [RangeError, TypeError, Error];
// Constructor arguments that are float32 (kind 'f'): syscall/js carries every
// JS zero as +0, so on the bare globals a -0 goes in as -1e-46 (not zero in
// float64, -0 once rounded to float32).
const NEG_ZERO_IN = -1e-46;

// ballast(n) is an untouched ArrayBuffer of n bytes, or null when the engine
// refuses one. Each object holds one as large as its memory in wasm, so that
// the engine sees that memory and collects dropped objects in time (without
// it, Node 26 let 1,000 dropped WasmScopedLoRA(8192) take 1,278 MiB; with
// it, 122 MiB). Its pages are never touched.
function ballast(n) {
  try {
    return new ArrayBuffer(n);
  } catch {
    return null;
  }
}

// quickBuffer gives memory an own buffer accessor: the buffer it last gave
// while that is attached, else WebAssembly.Memory.prototype.buffer's. A
// loop that reads memory.buffer at every call to catch growth, as zero-copy
// loops do, then pays a property read instead of a call into the engine.
// Attached is told by a one-byte view over the buffer (this memory is never
// empty), whose length a detaching growth makes 0: in WebKit that read
// costs about 2 ns where the buffer's byteLength cost 8, more than the
// engine's own getter saved (in one page, ns per memory.buffer read:
// WebKit 12.8, against 14.5 for the engine's getter and 22.5 with
// byteLength; Chromium 16.7 / 28.0 / 14.0; Firefox 5.5 / 15.3 / 1.0).
function quickBuffer(memory) {
  const read = Object.getOwnPropertyDescriptor(WebAssembly.Memory.prototype, 'buffer').get;
  let b = read.call(memory), live = new Uint8Array(b, 0, 1);
  const renew = () => {
    b = read.call(memory);
    live = new Uint8Array(b, 0, 1);
    return b;
  };
  Object.defineProperty(memory, 'buffer', { configurable: true, get: () => (live.length !== 0 ? b : renew()) });
}

// renewingMem makes go.mem, the DataView through which wasm_exec.js reads
// and writes Go's memory, renew itself once its buffer is detached.
// wasm_exec.js renews it when Go grows memory but not when JS does
// (memory.grow): Go's next call into JS (a clock read in a collection, say)
// would then throw inside the Go runtime and end it.
function renewingMem(go) {
  let dv = null;
  Object.defineProperty(go, 'mem', {
    configurable: true,
    get: () => (dv === null || dv.buffer.byteLength !== 0 ? dv : (dv = new DataView(go._inst.exports.mem.buffer))),
    set: (v) => {
      dv = v;
    },
  });
}

// create(defaultURL): one loader with its own module instance and classes.
function create(defaultURL) {
  let state = null; // the live instance: { go, memory, exports, raw (the bare classes when fastPath is false) }
  let pending = null; // a running init()
  let generation = 0; // bumped at every start and every exit
  let exited = false; // a Go runtime of this loader has exited
  const { toF32, conv } = converter();

  // Views over wasm memory. Growth detaches the old buffer, which empties a
  // view; only then is it made anew (the memory.buffer getter costs more
  // than the rest of a fast call).
  const views = { f32: null, f64: null, result: 0 };
  function f32() {
    if (views.f32 === null || views.f32.length === 0) views.f32 = new Float32Array(state.memory.buffer);
    return views.f32;
  }
  function value() {
    if (views.f64 === null || views.f64.length === 0) views.f64 = new Float64Array(state.memory.buffer);
    return views.f64[views.result];
  }

  const registry = typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry((held) => {
      if (!state || held.g !== generation) return;
      if (held.raw) held.raw.free();
      else state.exports.rv_release(held.h);
    })
    : { register() {}, unregister() {} };

  // label(code) is 'Class.member'.
  const label = (code) => CLASS_NAMES[MEMBERS[code][0] - 1] + '.' + MEMBERS[code][1];

  // thrown(args) is the error that Go recorded for the rejected call
  // (api.Failure.Encode), with the argument it names described.
  function thrown(args) {
    const ex = state.exports, p = ex.rv_error();
    const head = new Int32Array(state.memory.buffer, p, 3);
    let msg = new TextDecoder().decode(new Uint8Array(state.memory.buffer, p + 12, head[2]));
    if (head[1] >= 0) msg += ' (got ' + describe(args[head[1]]) + ')';
    return new ERROR_CLASSES[head[0]](msg);
  }

  // reject is the error for reason why about argument i of member code on
  // record r (n: a refused length), told by Go.
  function reject(code, r, i, why, n, args) {
    state.exports.rv_reject(r === undefined ? 0 : r.h, code, i, why, n);
    return thrown(args);
  }

  // failure(code, r, args, v) is the error of a call of member code that
  // the generated fast path did not complete: r is this's record, v the
  // converted array argument (null if it could not be). It repeats the fast
  // path's checks in order to find the one that failed; when all pass, Go
  // refused the call and recorded why.
  function failure(code, r, args, v) {
    const [, , sort, params] = MEMBERS[code];
    if (state === null) {
      return new Error(exited ? EXITED : label(code) + ': call init() or initSync() first');
    }
    if (sort === SORT.Method) {
      if (r === undefined) return reject(code, r, -1, REASON.NotThis, 0, args);
      if (r.g !== generation) return new Error(label(code) + ': this object belongs to a Go runtime that has exited; create a new one');
      if (r.h === 0) return reject(code, r, -1, REASON.Freed, 0, args);
    }
    for (let i = 0; i < params.length; i++) {
      const why = refusal(params[i], args[i], r, v);
      if (why !== 0) return reject(code, r, i, why, why === REASON.Length || why === REASON.IntoLength ? typedLength(v) : 0, args);
    }
    return thrown(args);
  }

  // refusal is the reason argument a of kind k fails the fast path's
  // checks, or 0.
  function refusal(k, a, r, v) {
    switch (k) {
      case 'n': return typeof a === 'number' ? 0 : REASON.NotNumber;
      case 'N': case 'i': case 'f': return a === undefined || a === null || typeof a === 'number' ? 0 : REASON.NotNumber;
      case 'b': return boolNumber(a) === boolNumber(a) ? 0 : typeof a === 'number' ? REASON.BoolRange : REASON.NotBool;
      case 'a': return v === null ? conv.why : typedLength(v) === r.dim ? 0 : REASON.Length;
      case 'A': return v === null ? conv.why : 0;
      case 'o': case 'O':
        if (a === undefined) return 0;
        if (!(a instanceof Float32Array && ArrayBuffer.isView(a))) return REASON.NotFloat32Array;
        if (typedLength(a) < 0) return REASON.Detached;
        return typedLength(a) === (k === 'o' ? r.dim : typedLength(v)) ? 0 : REASON.IntoLength;
      case 'B': return live(records.WasmTrajectoryBuffer(a)) === 0 ? REASON.NotBuffer : 0;
      case 'u':
        if (a instanceof ArrayBuffer) return bufferLength(a) < 0 ? REASON.Detached : 0;
        if (!(a instanceof Uint8Array && ArrayBuffer.isView(a))) return REASON.NotBytes;
        return typedLength(a) < 0 ? REASON.Detached : 0;
    }
    return 0;
  }

  // bufferLength is ArrayBuffer b's length, -1 when detached.
  function bufferLength(b) {
    try {
      return new Uint8Array(b).length;
    } catch {
      return -1;
    }
  }

  // live(r) is the handle of record r when it is a live object of the running instance, else 0.
  const live = (r) => (r !== undefined && r.g === generation && state !== null ? r.h : 0);

  // newRecord is the private record of the object with handle h, which
  // Go has just described in the result slots (rv_new, rv_from_bytes,
  // rv_info): its generation, handle (0 once freed), scratch offset, array
  // length and ballast; raw is its bare-global object on the slow path, y
  // its output view (output); k0..k3 the values of its class's Fixed
  // members (never 0) once read.
  function newRecord(h, raw) {
    value(); // renews the view if memory grew
    const f = views.f64, i = views.result;
    return { g: generation, h, x: f[i], dim: f[i + 1], ballast: ballast(f[i + 2]), raw, i: null, y: null, k0: 0, k1: 0, k2: 0, k3: 0 };
  }

  // construct is constructor code's work for args: the new object's record.
  function construct(code, args) {
    if (args[0] === ADOPT) return args[1];
    if (state === null) {
      throw new Error(exited ? EXITED : CLASS_NAMES[MEMBERS[code][0] - 1] + ': call init() or initSync() before creating objects');
    }
    const params = MEMBERS[code][3];
    if (state.raw) return slowConstruct(code, args, params);
    let defaults = 0;
    for (let i = 0; i < params.length; i++) {
      const a = args[i];
      if (a === undefined || a === null) defaults |= 1 << i;
      else if (typeof a !== 'number') throw failure(code, undefined, args, null);
    }
    const h = state.exports.rv_new(code, defaults, args[0] ?? 0, args[1] ?? 0, args[2] ?? 0);
    if (h === 0) throw thrown(args);
    return newRecord(h, null);
  }

  function slowConstruct(code, args, params) {
    const C = state.raw[CLASS_NAMES[MEMBERS[code][0] - 1]];
    const a = [...args];
    for (let i = 0; i < params.length; i++) if (params[i] === 'f' && Object.is(a[i], -0)) a[i] = NEG_ZERO_IN;
    const raw = slowCall(() => new C(...a));
    state.exports.rv_info(raw.__wbg_ptr);
    return newRecord(raw.__wbg_ptr, raw);
  }

  // track registers self, whose record is r, for release when collected unfreed.
  function track(self, r) {
    if (r.h !== 0) registry.register(self, { g: r.g, h: r.h, raw: r.raw }, self);
  }

  // fromBytes is from_bytes member code: bytes restored into a new C.
  function fromBytes(code, bytes, C) {
    if (state === null) throw failure(code, undefined, [bytes], null);
    if (state.raw) {
      const raw = slowCall(() => state.raw[C.name].from_bytes(bytes));
      state.exports.rv_info(raw.__wbg_ptr);
      return new C(ADOPT, newRecord(raw.__wbg_ptr, raw));
    }
    const b = bytes instanceof ArrayBuffer && bufferLength(bytes) >= 0 ? new Uint8Array(bytes) : bytes;
    const n = b instanceof Uint8Array ? typedLength(b) : -1;
    if (n < 0) throw failure(code, undefined, [bytes], null);
    const ex = state.exports, p = ex.rv_reserve(code, 0, n);
    if (p === 0) throw thrown([bytes]);
    taSet.call(new Uint8Array(state.memory.buffer, p, n), b);
    const h = ex.rv_from_bytes(code, n);
    if (h === 0) throw thrown([bytes]);
    return new C(ADOPT, newRecord(h, null));
  }

  // free releases the object of record r (of class name); a second call does nothing.
  function free(self, r, name) {
    if (r === undefined) throw new TypeError(name + '.free: this is not a ' + name);
    registry.unregister(self);
    if (r.g === generation && r.h !== 0) {
      if (r.raw) r.raw.free();
      else state.exports.rv_release(r.h);
    }
    r.h = 0;
    r.raw = null;
    r.ballast = null;
  }

  // view is input_view or output_view (member code): a fresh Float32Array
  // over the buffer that get_<which>_ptr() of self addresses.
  function view(code, self, r, ptrMethod) {
    if (state === null) throw failure(code, r, [], null);
    if (r === undefined) throw new TypeError(label(code) + ': this is not a ' + CLASS_NAMES[MEMBERS[code][0] - 1]);
    if (r.g !== generation) throw failure(code, r, [], null);
    if (r.h === 0) throw new Error(label(code) + ': object has been freed');
    const P = Object.getPrototypeOf(self);
    const p = P[ptrMethod].call(self); // first: the call may grow memory (a collection), detaching the old buffer
    return new Float32Array(state.memory.buffer, p, r.dim);
  }

  // memoryOf is the module's WebAssembly.Memory for record r (undefined
  // once its Go runtime has exited).
  const memoryOf = (r) => (state && r !== undefined && r.g === generation ? state.memory : undefined);

  // The slow path ({ fastPath: false }, for tests): every call goes to the
  // bare globals' js.FuncOf methods, which return the error to throw.
  function slowCall(fn) {
    const gen = generation;
    let r;
    try {
      r = fn();
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError || /Go program has already exited/.test(String(e && e.message))) {
        markExited(gen);
        throw new Error(EXITED, { cause: e });
      }
      throw e;
    }
    if (r instanceof Error) throw r;
    return r;
  }

  // slowMember is member code on the slow path. A zero or NaN number is read
  // from the result slot, which the bare method also fills: their bits do
  // not survive syscall/js.
  function slowMember(code) {
    const [c, name, sort, params, result] = MEMBERS[code], cls = CLASS_NAMES[c - 1];
    const exact = (v) => ((result === 'f' || result === 'n' || result === 'F') && (v === 0 || v !== v) ? value() : v);
    const b = params.indexOf('B');
    return function (...args) {
      if (state === null || !state.raw) throw failure(code, undefined, args, null);
      const R = state.raw[cls];
      // Arrays are converted once, as on the fast path, and first: an
      // element's valueOf may free this object.
      for (let i = 0; i < params.length; i++) {
        if (params[i] !== 'a' && params[i] !== 'A') continue;
        const v = toF32(args[i]);
        if (v !== null && v !== args[i]) args[i] = v.slice();
      }
      if (sort === SORT.Static) return exact(slowCall(() => R[name](...args)));
      const r = records[cls](this);
      if (r === undefined || r.g !== generation) throw failure(code, r, args, null);
      if (r.raw === null) throw failure(code, r, args, null);
      if (b >= 0) { // the buffer's bare object, if it is a live one of this loader
        const rb = records.WasmTrajectoryBuffer(args[b]);
        if (live(rb) !== 0 && rb.raw) args[b] = rb.raw;
      }
      return exact(slowCall(() => R.prototype[name].apply(r.raw, args)));
    };
  }

  // inputOf(r) is a view of the dim values at r.x, where an array argument
  // goes, kept in its record and made anew once memory growth detached it.
  // (Only for objects whose r.x stays put: a buffer's moves with each record.
  // Filling it costs less in Firefox than f32().set(v, offset).)
  function inputOf(r) {
    if (r.i === null || r.i.length === 0) r.i = new Float32Array(state.memory.buffer, r.x, r.dim);
    return r.i;
  }

  // output(r) is a view of the object's output scratch (forward_array's
  // result), kept in its record and made anew once memory growth detached it
  // (its length is then 0), so that filling a caller's array allocates
  // nothing. A new result is a new Float32Array filled from it: slicing the
  // memory costs up to 5 times more (Firefox, WebKit).
  function output(r) {
    if (r.y === null || r.y.length === 0) r.y = new Float32Array(state.memory.buffer, r.x + 4 * r.dim, r.dim);
    return r.y;
  }

  const rt = {
    toF32, conv, f32, value, failure, thrown, inputOf, output, construct, track, fromBytes, free, view, memoryOf,
    // outFloats is the output area's first n floats: a new array, or copied into out.
    outFloats: (n, out) => {
      const p = state.exports.rv_out() >>> 2;
      if (out === undefined) out = new Float32Array(n);
      taSet.call(out, f32().subarray(p, p + n));
      return out;
    },
    outBytes: (n) => new Uint8Array(state.memory.buffer, state.exports.rv_out(), n).slice(),
    outText: (n) => new TextDecoder().decode(new Uint8Array(state.memory.buffer, state.exports.rv_out(), n)),
  };
  const { classes, records, bind, fast } = defineClasses(rt);
  // install puts the fast (generated) or the slow members on the classes
  // (the fast ones are there from the start): the methods and the statics
  // but from_bytes. The slow ones (slowMember) are made on the first
  // install(false), since only tests take that path.
  let installed = true, slow = null;
  function install(fastPath) {
    if (fastPath === installed) return;
    installed = fastPath;
    if (!fastPath && slow === null) slow = MEMBERS.map((m, code) => slowMember(code));
    MEMBERS.forEach(([c, name, sort], code) => {
      if (sort !== SORT.Method && (sort !== SORT.Static || name === 'from_bytes')) return;
      const C = classes[CLASS_NAMES[c - 1]], where = sort === SORT.Static ? C : C.prototype;
      const fn = fastPath ? fast[code] : slow[code];
      if (!fastPath) Object.defineProperty(fn, 'name', { value: name });
      Object.defineProperty(where, name, { value: fn, writable: true, configurable: true });
    });
  }

  function newGo() {
    if (typeof global.Go !== 'function') {
      throw new Error('ruvector-learning-wasm: wasm_exec.js must be loaded before the module (globalThis.Go is missing)');
    }
    const go = new global.Go();
    go.argv = ['ruvector-learning-wasm'];
    go.env = {};
    renewingMem(go);
    return go;
  }

  // start runs the Go program, which registers the bare classes and
  // blocks, and binds the classes to it. Its end, however it comes, is noticed.
  function start(go, instance, fastPath) {
    const gen = ++generation;
    // wasm_exec calls go.exit synchronously when the program ends (an
    // out-of-memory crash included), before any promise settles.
    const exit = go.exit.bind(go);
    go.exit = (code) => {
      markExited(gen);
      exit(code);
    };
    const ex = instance.exports;
    global[LOADER_KEY] = true; // the program leaves the bare globals to defineGlobals
    try {
      go.run(instance).then(() => markExited(gen), () => markExited(gen));
    } finally {
      delete global[LOADER_KEY];
    }
    defineGlobals(ex);
    let raw = null;
    if (!fastPath) {
      raw = {};
      for (const name of CLASS_NAMES) raw[name] = global[name];
    }
    quickBuffer(ex.mem);
    state = { go, memory: ex.mem, exports: ex, raw };
    views.f32 = views.f64 = null;
    views.result = ex.rv_result() >>> 3;
    install(fastPath);
    bind(ex, gen);
    return { memory: state.memory };
  }

  // defineGlobals makes the bare globals of instance exports ex what the Go
  // program makes them when no loader runs it (cmd/wasm: defineGlobals):
  // HOOKS_KEY and the class names, as accessors that have Go define the
  // name (rv_global) the first time it is read or assigned. A class's
  // registers every class, which makes their names plain properties; Go
  // assigns the hooks, which the setter makes a plain property. Start-up
  // then makes no js.FuncOf.
  function defineGlobals(ex) {
    [HOOKS_KEY, ...CLASS_NAMES].forEach((name, c) => {
      const define = () => {
        if (ex.rv_global(c) === 1) return;
        throw state && state.exports === ex ? thrown([]) : new Error('ruvector-learning-wasm: ' + name + ' could not be defined');
      };
      Object.defineProperty(global, name, {
        get() {
          define();
          return global[name];
        },
        set(v) {
          if (c === 0) Object.defineProperty(global, name, { value: v, writable: true, enumerable: true, configurable: true });
          else {
            define();
            global[name] = v;
          }
        },
        enumerable: true,
        configurable: true,
      });
    });
  }

  // markExited retires generation gen: every later call on its objects throws.
  function markExited(gen) {
    if (gen !== generation) return;
    generation++;
    state = null;
    pending = null;
    exited = true;
    bind(null, -1);
  }

  // fastPathOption: { fastPath: false } sends every call to the bare globals (for tests).
  function fastPathOption(options) {
    return !(options && Object.getPrototypeOf(options) === Object.prototype && options.fastPath === false);
  }

  function unwrapInit(arg, key) {
    if (arg !== undefined && arg !== null && Object.getPrototypeOf(arg) === Object.prototype) return arg[key];
    return arg;
  }

  function init(options) {
    if (state) return Promise.resolve({ memory: state.memory });
    if (!pending) {
      const attempt = (async () => {
        let input = unwrapInit(options, 'module_or_path');
        if (input === undefined || input === null) input = defaultURL();
        const go = newGo();
        const module = await compile(input);
        checkModule(module, 'init: module_or_path');
        const instance = await WebAssembly.instantiate(module, go.importObject);
        if (state) return { memory: state.memory }; // initSync finished first
        return start(go, instance, fastPathOption(options));
      })();
      attempt.catch(() => { if (pending === attempt) pending = null; });
      pending = attempt;
    }
    return pending;
  }

  function initSync(options) {
    if (state) return { memory: state.memory };
    let module = unwrapInit(options, 'module');
    if (!(module instanceof WebAssembly.Module)) module = new WebAssembly.Module(module);
    checkModule(module, 'initSync: module');
    const go = newGo();
    return start(go, new WebAssembly.Instance(module, go.importObject), fastPathOption(options));
  }

  return { init, initSync, ...classes };
}
