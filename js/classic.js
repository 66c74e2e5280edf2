// ruvector-learning-wasm loader, written as a classic script so that one file
// serves both ways of loading the package:
//
//   <script src="wasm_exec.js"></script><script src="classic.js"></script>
//     defines globalThis.ruvectorLearning = { init, initSync, WasmMicroLoRA,
//     WasmScopedLoRA, WasmTrajectoryBuffer }, whose default wasm URL is
//     ruvector_learning.wasm next to this script;
//   import ... from 'ruvector-learning-wasm' (js/index.js)
//     imports this file for globalThis.__ruvectorLearningCreate and exports
//     what it returns.
//
// The Go program (cmd/wasm) registers raw classes on the JS global and
// publishes its method table and the loaders' private entry points. The
// classes here are built from that table: each method calls the
// //go:wasmexport rv_call with the object's handle (the fast path), and when
// a call is rejected, repeats it through the private js.FuncOf entry call(),
// which returns the error object to throw (a Go callback cannot make its
// caller throw). Each object keeps its handle in a private record that
// nothing outside can read or change; they carry `memory`, and release the
// Go side of objects that are garbage-collected unfreed.
(function (global) {
  'use strict';

  // Class ids are 1-based, as in Go's table.
  const CLASS_NAMES = ['WasmMicroLoRA', 'WasmScopedLoRA', 'WasmTrajectoryBuffer'];
  const STATICS = { WasmScopedLoRA: ['scope_name'] };
  // Constructor arguments that are float32: syscall/js carries every JS zero
  // as +0, so on the js.FuncOf path a -0 goes in as -1e-46 (not zero in
  // float64, -0 once rounded to float32).
  const FLOAT_ARGS = { WasmMicroLoRA: [1, 2], WasmScopedLoRA: [1, 2], WasmTrajectoryBuffer: [] };
  const NEG_ZERO_IN = -1e-46;
  const EXITED = 'ruvector-learning-wasm: the Go runtime has exited; call init() or initSync() to start a fresh instance';
  // ADOPT, as a constructor's first argument, wraps an existing handle (from_bytes).
  const ADOPT = Object.freeze({});

  function float32In(args, indices) {
    for (const i of indices) if (Object.is(args[i], -0)) args[i] = NEG_ZERO_IN;
    return args;
  }

  // checked(r): throws r when the Go side returned an error object.
  function checked(r) {
    if (r instanceof Error) throw r;
    return r;
  }

  // The intrinsic getters of %TypedArray%.prototype read a typed array's
  // internal slots: neither a subclass nor an own `length` can make them lie.
  const TYPED_ARRAY = Object.getPrototypeOf(Float32Array.prototype);
  const taLength = Object.getOwnPropertyDescriptor(TYPED_ARRAY, 'length').get;
  const taBuffer = Object.getOwnPropertyDescriptor(TYPED_ARRAY, 'buffer').get;
  const taSet = TYPED_ARRAY.set; // into.set could be a subclass's own

  // typedLength(x): typed array x's true length, or -1 when x is none or is
  // detached (a detached array reads as length 0; the js.FuncOf path says so).
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

  // describe renders a JS value for an error message, as the Go side does
  // (cmd/wasm/errors.go): arrays by kind and length, strings quoted, bigints
  // with their n, objects by their constructor's name.
  function describe(v) {
    if (typeof v === 'bigint') return String(v) + 'n';
    if (typeof v === 'string') return JSON.stringify(v);
    if (typeof v === 'symbol') return 'a symbol';
    if (typeof v === 'function') return 'a function';
    if (v === null || typeof v !== 'object') return String(v);
    const c = typeof v.constructor === 'function' ? v.constructor.name : '';
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      const n = typedLength(v);
      return n < 0 ? 'a detached ' + (c || 'typed array') : (c || 'typed array') + ' of length ' + n;
    }
    if (typeof v.length === 'number') return (c || 'array') + ' of length ' + String(v.length);
    return c === '' ? 'an object' : (/^[AEIOUaeiou]/.test(c) ? 'an ' : 'a ') + c;
  }

  // checkInto requires forward_array's output array into to be a
  // Float32Array of dim values (method label), before anything runs.
  function checkInto(label, into, dim) {
    if (!(ArrayBuffer.isView(into) && into instanceof Float32Array)) {
      throw new TypeError(label + ': out must be a Float32Array (got ' + describe(into) + ')');
    }
    const n = typedLength(into);
    if (n !== dim) {
      throw new RangeError(label + ': out ' + (n < 0 ? 'must not be detached' : 'must have length dim() = ' + dim) +
        ' (got ' + describe(into) + ')');
    }
  }

  // boolNumber is a boolean argument as 0 or 1, NaN when it is not one.
  function boolNumber(v) {
    return v === true || v === 1 ? 1 : v === false || v === 0 ? 0 : NaN;
  }

  // fastMethod builds the fast version of method code with parameter letters
  // params (see cmd/wasm/methods.go) and result kind result, given
  // k = { ex: the exports, live(self): self's private record { gen, h, x, dim }
  // when self is a genuine live object of the class, else null; toF32(x):
  // array x as a Float32Array of conv.n elements, or null; conv; write(v, ptr):
  // Float32Array v copied into wasm memory; out(record, into): the call's
  // result (into: forward_array's optional output array); bufferHandle(b):
  // buffer b's handle if it is a live one, else 0; label: 'Class.method' }.
  // Whatever it cannot take goes to slow, which throws the right error.
  //
  // An array argument is converted first, before the object is looked at: an
  // element's valueOf may call back into the module (free this object, record
  // into the same buffer, grow the memory), and nothing the call relies on is
  // read until it has run. It is converted once: slow gets the converted copy.
  function fastMethod(k, code, params, slow) {
    const { ex, live, toF32, conv, write, out, label } = k;
    // reserveWrite puts Float32Array v of n elements into Go's input area.
    const reserveWrite = (v, n) => {
      const p = ex.rv_reserve(4 * n);
      return p !== 0 && write(v, p);
    };
    const isNum = (v) => typeof v === 'number';
    // pass(x, v): the array to give slow: the converted v (a copy when v is a
    // reusable stage), or x itself when it could not be converted.
    const pass = (x, v) => (v === null || v === x ? x : v.slice());
    switch (params) {
      case '':
        return function () {
          const r = live(this);
          return r !== null && ex.rv_call(r.h, code, 0, 0, 0, 0) === 1 ? out(r) : slow.apply(this, arguments);
        };
      case 'n':
        return function (a) {
          const r = live(this);
          return r !== null && isNum(a) && ex.rv_call(r.h, code, a, 0, 0, 0) === 1 ? out(r) : slow.apply(this, arguments);
        };
      case 'nn':
        return function (a, b) {
          const r = live(this);
          return r !== null && isNum(a) && isNum(b) && ex.rv_call(r.h, code, a, b, 0, 0) === 1
            ? out(r) : slow.apply(this, arguments);
        };
      case 'b':
        return function (a) {
          const r = live(this), b = boolNumber(a);
          return r !== null && b === b && ex.rv_call(r.h, code, b, 0, 0, 0) === 1 ? out(r) : slow.apply(this, arguments);
        };
      case 'a': // into: forward_array's output array, checked before anything runs
        return function (x, into) {
          const v = toF32(x), n = conv.n, r = live(this);
          if (into !== undefined && r !== null) checkInto(label, into, r.dim);
          return r !== null && v !== null && n === r.dim && write(v, r.x) &&
            ex.rv_call(r.h, code, 0, 0, 0, 0) === 1 ? out(r, into) : slow.call(this, pass(x, v), into);
        };
      case 'na':
        return function (a, x, into) {
          const v = toF32(x), n = conv.n, r = live(this);
          if (into !== undefined && r !== null) checkInto(label, into, r.dim);
          return r !== null && isNum(a) && v !== null && n === r.dim && write(v, r.x) &&
            ex.rv_call(r.h, code, a, 0, 0, 0) === 1 ? out(r, into) : slow.call(this, a, pass(x, v), into);
        };
      case 'A':
        return function (x) {
          const v = toF32(x), n = conv.n, r = live(this);
          return r !== null && v !== null && reserveWrite(v, n) && ex.rv_call(r.h, code, n, 0, 0, 0) === 1
            ? out(r) : slow.call(this, pass(x, v));
        };
      case 'nA':
        return function (a, x) {
          const v = toF32(x), n = conv.n, r = live(this);
          return r !== null && isNum(a) && v !== null && reserveWrite(v, n) && ex.rv_call(r.h, code, a, n, 0, 0) === 1
            ? out(r) : slow.call(this, a, pass(x, v));
        };
      case 'oN':
        return function (buffer, q) {
          const r = live(this), b = k.bufferHandle(buffer), m = q === undefined || q === null ? 0 : q;
          return r !== null && b !== 0 && isNum(m) && ex.rv_call(r.h, code, b, m, 0, 0) === 1
            ? out(r) : slow.apply(this, arguments);
        };
      case 'annnn': // record, through its own export rv_record
        return function (x, a, b, c, d) {
          const v = toF32(x), n = conv.n, r = live(this);
          if (r !== null && isNum(a) && isNum(b) && isNum(c) && isNum(d) && v !== null && n === r.dim &&
            write(v, r.x)) {
            const spare = ex.rv_record(r.h, a, b, c, d);
            if (spare !== 0) {
              r.x = spare;
              return;
            }
          }
          return slow.call(this, pass(x, v), a, b, c, d);
        };
    }
    return slow;
  }

  // fastNew constructs through rv_new when every argument is a number,
  // undefined or null; 0 (rejected, or other kinds of argument) sends the
  // call to the js.FuncOf constructor, which throws the right error.
  function fastNew(ex, classId, args) {
    if (args.length > 3) return 0;
    let defaults = 0;
    for (let i = 0; i < 3; i++) {
      const a = args[i];
      if (a === undefined || a === null) defaults |= 1 << i;
      else if (typeof a !== 'number') return 0;
    }
    return ex.rv_new(classId, defaults, args[0] ?? 0, args[1] ?? 0, args[2] ?? 0);
  }

  function isNode() {
    return typeof process === 'object' && process !== null && typeof process.versions === 'object' &&
      typeof process.versions.node === 'string';
  }

  // fileURL(input): the file: URL to read from disk in Node, or null.
  function fileURL(input) {
    if (!isNode()) return null;
    if (input instanceof URL) return input.protocol === 'file:' ? input : null;
    try {
      const url = new URL(input);
      return url.protocol === 'file:' ? url : null;
    } catch {
      const nodeURL = 'node:url';
      return import(/* webpackIgnore: true */ /* @vite-ignore */ nodeURL).then((m) => m.pathToFileURL(input));
    }
  }

  async function readFile(url) {
    const nodeFS = 'node:fs/promises';
    const fs = await import(/* webpackIgnore: true */ /* @vite-ignore */ nodeFS);
    return fs.readFile(await url);
  }

  // compile(input): the WebAssembly.Module of any InitInput. Modules and
  // bytes are tried first: in Node, merely reading the Request or Response
  // globals loads the fetch implementation, which costs tens of ms.
  async function compile(input) {
    input = await input;
    if (input instanceof WebAssembly.Module) return input;
    if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) return WebAssembly.compile(input);
    if (typeof input === 'string' || input instanceof URL) {
      const url = fileURL(input);
      if (url) return WebAssembly.compile(await readFile(url)); // no Response check: see above
      input = await fetch(input);
    } else if (typeof Request === 'function' && input instanceof Request) {
      input = await fetch(input);
    }
    if (typeof Response === 'function' && input instanceof Response) return compileResponse(input);
    return WebAssembly.compile(input);
  }

  // compileResponse streams when it can and falls back to bytes when the
  // server sent the wrong MIME type.
  async function compileResponse(response) {
    if (!response.ok) throw new Error('ruvector-learning-wasm: fetching the wasm failed: HTTP ' + response.status);
    if (typeof WebAssembly.compileStreaming === 'function' &&
        response.headers.get('Content-Type') === 'application/wasm') {
      return WebAssembly.compileStreaming(response);
    }
    return WebAssembly.compile(await response.arrayBuffer());
  }

  // The exports this package's wasm has; another module given to init() is
  // refused with an Error saying so, before it runs.
  const EXPORTS = ['mem', 'run', 'resume', 'getsp', 'rv_call', 'rv_new', 'rv_record', 'rv_release', 'rv_reserve',
    'rv_result', 'rv_scratch', 'rv_out', 'rv_from_bytes', 'rv_cost'];

  // checkModule(module, where): throws unless module is this package's
  // wasm, before it is instantiated; where is 'method: argument'.
  function checkModule(module, where) {
    const names = WebAssembly.Module.exports(module).map((e) => e.name);
    const missing = EXPORTS.find((e) => !names.includes(e));
    if (missing !== undefined) {
      throw new Error(where + ' is not the ruvector-learning-wasm module (it has no export ' + missing + ')');
    }
  }

  // create(defaultURL): one loader with its own module instance and classes.
  function create(defaultURL) {
    let state = null; // the live instance: { go, memory, exports, raw, priv, table, fastPath }
    let pending = null; // a running init()
    let generation = 0; // bumped at every start and every exit
    let exited = false; // a Go runtime of this loader has exited

    const registry = typeof FinalizationRegistry === 'function'
      ? new FinalizationRegistry((held) => {
        if (state && held.generation === generation) state.exports.rv_release(held.handle);
      })
      : { register() {}, unregister() {} };

    function newGo() {
      if (typeof global.Go !== 'function') {
        throw new Error('ruvector-learning-wasm: wasm_exec.js must be loaded before the module (globalThis.Go is missing)');
      }
      const go = new global.Go();
      go.argv = ['ruvector-learning-wasm'];
      go.env = {};
      return go;
    }

    // start runs the Go program, which registers the raw classes and blocks,
    // and binds the classes to it. Its end, however it comes, is noticed.
    function start(go, instance, fastPath) {
      const gen = ++generation;
      // wasm_exec calls go.exit synchronously when the program ends (an
      // out-of-memory crash included), before any promise settles.
      const exit = go.exit.bind(go);
      go.exit = (code) => {
        markExited(gen);
        exit(code);
      };
      go.run(instance).then(() => markExited(gen), () => markExited(gen));
      const raw = {};
      for (const name of CLASS_NAMES) raw[name] = global[name];
      const published = global.__ruvectorLearningGo;
      const priv = published.loader; // the loaders' own entry points: no other code may reach them
      delete published.loader;
      const ex = instance.exports;
      const table = published.methods.split(';').map((entry) => {
        const [classId, name, params, result] = entry.split(',');
        return [Number(classId), name, params, result];
      });
      state = { go, memory: ex.mem, exports: ex, raw, priv, table, fastPath };
      views.f32 = views.f64 = null;
      views.result = ex.rv_result() >>> 3;
      bindMethods(gen, fastPath);
      return { memory: state.memory };
    }

    // markExited retires generation gen: every later call on its objects throws.
    function markExited(gen) {
      if (gen !== generation) return;
      generation++;
      state = null;
      pending = null;
      exited = true;
    }

    // Views over wasm memory. Growth detaches the old buffer, which empties
    // a view; only then is it made anew (the memory.buffer getter costs more
    // than the rest of a fast call).
    const views = { f32: null, f64: null, result: 0 };
    function f32() {
      if (views.f32 === null || views.f32.length === 0) views.f32 = new Float32Array(state.memory.buffer);
      return views.f32;
    }
    function resultValue() {
      if (views.f64 === null || views.f64.length === 0) views.f64 = new Float64Array(state.memory.buffer);
      return views.f64[views.result];
    }

    // stages holds a reusable Float32Array per array length (at most
    // MAX_STAGES lengths, each at most MAX_STAGE floats), into which arrays
    // of other kinds are converted without allocating.
    const MAX_STAGES = 8, MAX_STAGE = 8192;
    const stages = new Map();
    let lastStage = new Float32Array(0);
    function stage(n) {
      if (lastStage.length === n) return lastStage;
      let s = stages.get(n);
      if (s === undefined && n <= MAX_STAGE && stages.size < MAX_STAGES) stages.set(n, s = new Float32Array(n));
      if (s !== undefined) lastStage = s;
      return s;
    }

    // toF32 is array x as a Float32Array, with its true length in conv.n: x
    // itself, or its elements converted (as new Float32Array(x) would) into
    // a stage or a new array; null when x is not an Array or a typed array,
    // is detached, or an element cannot become a number (a bigint, a symbol,
    // a throwing valueOf). Lengths come from the typed array's slots, or are
    // read once from an Array, so a lying or changing length cannot make a
    // copy overrun. A stage is valid until the next call. A conversion that
    // starts while another is under way (from an element's valueOf) gets a
    // new array, so that it cannot overwrite the outer stage.
    const conv = { n: 0 };
    let converting = false;
    function toF32(x) {
      let n;
      if (ArrayBuffer.isView(x)) {
        n = typedLength(x);
        if (n < 0) return null;
        if (x instanceof Float32Array) return (conv.n = n, x);
      } else if (Array.isArray(x)) {
        n = x.length;
        if (!(n >= 0 && n <= 0x3fffffff && n === Math.floor(n))) return null;
      } else {
        return null;
      }
      const s = converting ? undefined : stage(n);
      if (s !== undefined) converting = true;
      try {
        const v = s === undefined ? new Float32Array(n) : s;
        if (ArrayBuffer.isView(x)) v.set(x);
        else for (let i = 0; i < n; i++) v[i] = x[i];
        conv.n = n;
        return v;
      } catch {
        return null;
      } finally {
        if (s !== undefined) converting = false;
      }
    }

    // writeF32 copies Float32Array v into wasm memory at byte offset ptr.
    function writeF32(v, ptr) {
      try {
        f32().set(v, ptr >>> 2);
        return true;
      } catch {
        return false;
      }
    }

    // readers[kind](record): a call's JS result, from the result slot or memory.
    const readers = {
      v: () => undefined,
      x: (r) => { r.x = resultValue(); },
      n: resultValue,
      f: resultValue,
      c: () => BigInt(resultValue()),
      b: () => resultValue() !== 0,
      y: (r, into) => {
        const p = (r.x >>> 2) + r.dim;
        if (into === undefined) return f32().slice(p, p + r.dim);
        taSet.call(into, f32().subarray(p, p + r.dim));
        return into;
      },
      Y: () => {
        const n = resultValue(), p = state.exports.rv_out() >>> 2;
        return f32().slice(p, p + n);
      },
      U: () => {
        const n = resultValue(), p = state.exports.rv_out();
        return new Uint8Array(state.memory.buffer, p, n).slice();
      },
    };

    // goCall runs fn, an entry into Go of generation gen, and throws the
    // error it returns. wasm_exec's view of memory is renewed first, in case
    // JS grew the memory (obj.memory.grow()), which detaches it.
    function goCall(gen, fn) {
      if (gen !== generation) throw new Error(EXITED);
      const go = state.go;
      if (go.mem.buffer !== state.memory.buffer) go.mem = new DataView(state.memory.buffer);
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
      return checked(r);
    }

    // classes[name] = { C, record(self): self's private record, or undefined }.
    const classes = {};

    // checkThis returns the private record of self, which must be a genuine
    // object of class name (copies and objects of other classes have none)
    // from generation gen.
    function checkThis(name, self, label, gen) {
      const r = classes[name].record(self);
      if (r === undefined) throw new TypeError(label + ': this is not a ' + name);
      if (r.gen !== gen) throw new Error(label + ': this object belongs to a Go runtime that has exited; create a new one');
      return r;
    }

    // slowMethod is method code of class name through Go's loader entry
    // call(code, handle, ...args), which returns the error to throw. It reads
    // a zero or NaN number from the result slot (their bits do not survive
    // syscall/js) and re-reads the scratch offset a call of kind x moved.
    // Array arguments (params a and A) are converted here, once, as on the
    // fast path; with a buffer argument (param o), its handle goes too.
    function slowMethod(gen, name, code, params, result) {
      const label = name + '.' + state.table[code][1];
      const ex = state.exports, priv = state.priv, B = classes.WasmTrajectoryBuffer;
      const arrays = [...params].flatMap((p, i) => (p === 'a' || p === 'A' ? [i] : [])), o = params.indexOf('o');
      return function (...args) {
        if (gen !== generation) throw new Error(EXITED);
        for (const i of arrays) {
          const v = toF32(args[i]);
          if (v !== null && v !== args[i]) args[i] = v.slice();
        }
        const r = checkThis(name, this, label, gen);
        const into = result === 'y' ? args[params.length] : undefined; // forward_array's output array
        if (into !== undefined && r.h !== 0) checkInto(label, into, r.dim);
        if (result === 'y') args.length = Math.min(args.length, params.length);
        if (o >= 0) { // the buffer's handle goes after the arguments
          const b = B.record(args[o]);
          if (b !== undefined && b.gen !== gen) {
            throw new TypeError(label + ': buffer must be a live WasmTrajectoryBuffer (got a WasmTrajectoryBuffer of an exited runtime)');
          }
          args.length = params.length;
          args.push(b !== undefined ? b.h : 0);
        }
        const v = goCall(gen, () => priv.call(code, r.h, ...args));
        if (result === 'x') r.x = ex.rv_scratch(r.h);
        if (into !== undefined) return (taSet.call(into, v), into);
        return (result === 'f' || result === 'n') && (v === 0 || v !== v) ? resultValue() : v;
      };
    }

    // bindMethods defines every class's methods from Go's table, bound to
    // generation gen: fast ones unless fastPath is false.
    function bindMethods(gen, fastPath) {
      const ex = state.exports, B = classes.WasmTrajectoryBuffer;
      const bufferHandle = (b) => {
        const r = B.record(b);
        return r !== undefined && r.gen === gen && gen === generation ? r.h : 0;
      };
      state.table.forEach(([classId, m, params, result], code) => {
        const name = CLASS_NAMES[classId - 1], { C, record } = classes[name];
        const live = (self) => {
          const r = record(self);
          return r !== undefined && r.gen === gen && r.h !== 0 && gen === generation ? r : null;
        };
        const k = { ex, live, toF32, conv, write: writeF32, out: readers[result], bufferHandle, label: name + '.' + m };
        const slow = slowMethod(gen, name, code, params, result);
        const value = fastPath ? fastMethod(k, code, params, slow) : slow;
        Object.defineProperty(C.prototype, m, { value: renamed(value, m), writable: true, configurable: true });
      });
      CLASS_NAMES.forEach((name, i) => {
        const { C } = classes[name], label = name + '.from_bytes';
        Object.defineProperty(C, 'from_bytes', {
          value: renamed(function (bytes) {
            if (gen !== generation) throw new Error(EXITED);
            let h = 0;
            const n = bytes instanceof Uint8Array ? typedLength(bytes) : -1;
            if (fastPath && n >= 0) {
              const p = ex.rv_reserve(n);
              if (p !== 0) {
                new Uint8Array(state.memory.buffer).set(bytes, p);
                h = ex.rv_from_bytes(i + 1, n);
              }
            }
            if (h === 0) h = goCall(gen, () => state.priv.fromBytes(i + 1, bytes));
            return new C(ADOPT, h);
          }, 'from_bytes'),
          writable: true, configurable: true,
        });
      });
      for (const [name, statics] of Object.entries(STATICS)) {
        const G = state.raw[name];
        for (const m of statics) {
          const fn = G[m];
          Object.defineProperty(classes[name].C, m, {
            value: renamed(function (...args) { return goCall(gen, () => fn.apply(G, args)); }, m),
            writable: true, configurable: true,
          });
        }
      }
    }

    // renamed gives fn the method's name (for stack traces and .name).
    function renamed(fn, name) {
      Object.defineProperty(fn, 'name', { value: name });
      return fn;
    }

    // fastPathOption: { fastPath: false } keeps every call on js.FuncOf (for tests).
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

    // dimCode[classId] is the table code of the method giving the length of
    // the class's array arguments (dim, or embedding_dim for the buffer).
    function dimCode(classId) {
      const want = classId === 3 ? 'embedding_dim' : 'dim';
      return state.table.findIndex(([c, m]) => c === classId && m === want);
    }

    // ballast(n) is an untouched ArrayBuffer of n bytes, or null when the
    // engine refuses one (it only helps the engine's accounting).
    function ballast(n) {
      try {
        return new ArrayBuffer(n);
      } catch {
        return null;
      }
    }

    // viewOf is self's input_view or output_view (method m of class name): a
    // fresh Float32Array over the buffer that get_<which>_ptr() addresses.
    function viewOf(name, self, m, ptrMethod) {
      const label = name + '.' + m;
      if (!state) throw new Error(exited ? EXITED : label + ': call init() or initSync() first');
      if (checkThis(name, self, label, generation).h === 0) throw new Error(label + ': object has been freed');
      const { C } = classes[name];
      const p = C.prototype[ptrMethod].call(self), n = C.prototype.dim.call(self);
      return new Float32Array(state.memory.buffer, p, n);
    }

    function defineClass(name, classId) {
      let record;
      const C = {
        [name]: class {
          // The object's private record { gen, h, x, dim, ballast }: the
          // generation of its Go runtime, its handle (0 once freed), the byte
          // offset of its scratch area, the length of its array arguments,
          // and an ArrayBuffer as large as the object's memory in wasm. Only
          // genuine instances have one, and nothing outside can change it.
          //
          // The ballast lets the JS engine see that memory, which it
          // otherwise cannot: without it, Node 26 let 1,000 dropped
          // WasmScopedLoRA(8192) take 1,278 MiB before collecting them; with
          // it, 122 MiB (its pages are never touched).
          #r;

          static {
            record = (self) => (self !== null && typeof self === 'object' && #r in self ? self.#r : undefined);
          }

          constructor(...args) {
            if (!state) throw new Error(exited ? EXITED : name + ': call init() or initSync() before creating objects');
            const ex = state.exports, gen = generation;
            let h = args[0] === ADOPT ? args[1] : 0;
            if (h === 0 && state.fastPath) h = fastNew(ex, classId, args);
            if (h === 0) h = goCall(gen, () => state.priv.construct(classId, ...float32In(args, FLOAT_ARGS[name])));
            if (gen !== generation) throw new Error(EXITED);
            ex.rv_call(h, dimCode(classId), 0, 0, 0, 0);
            this.#r = { gen, h, x: ex.rv_scratch(h), dim: resultValue(), ballast: ballast(ex.rv_cost(h)) };
            registry.register(this, { handle: h, generation: gen }, this);
          }

          /** A fresh Float32Array over the input buffer (dim() floats). */
          input_view() {
            return viewOf(name, this, 'input_view', 'get_input_ptr');
          }

          /** A fresh Float32Array over the output buffer (dim() floats). */
          output_view() {
            return viewOf(name, this, 'output_view', 'get_output_ptr');
          }

          /** The module's WebAssembly.Memory (undefined once its Go runtime has exited). */
          get memory() {
            const r = record(this);
            return state && r !== undefined && r.gen === generation ? state.memory : undefined;
          }

          free() {
            const r = record(this);
            if (r === undefined) throw new TypeError(name + '.free: this is not a ' + name);
            registry.unregister(this);
            if (r.gen === generation && r.h !== 0) state.exports.rv_release(r.h);
            r.h = 0;
            r.ballast = null;
          }
        },
      }[name];
      if (classId === 3) { // the views are the LoRA classes' zero-allocation buffers
        delete C.prototype.input_view;
        delete C.prototype.output_view;
      }
      if (typeof Symbol.dispose === 'symbol') C.prototype[Symbol.dispose] = C.prototype.free;
      for (const m of [...(STATICS[name] || []), 'from_bytes']) {
        C[m] = () => { throw new Error(name + '.' + m + ': call init() or initSync() first'); };
      }
      classes[name] = { C, record };
      return C;
    }

    const api = { init, initSync };
    CLASS_NAMES.forEach((name, i) => { api[name] = defineClass(name, i + 1); });
    return api;
  }

  global.__ruvectorLearningCreate = create;
  // As a script tag, the default wasm URL is next to this script; in a classic
  // worker (importScripts), where no script element exists, next to the worker.
  const script = typeof document !== 'undefined' ? document.currentScript : null;
  if (script && script.src) {
    global.ruvectorLearning = create(() => new URL('ruvector_learning.wasm', script.src));
  } else if (typeof importScripts === 'function' && global.location) {
    global.ruvectorLearning = create(() => new URL('ruvector_learning.wasm', global.location.href));
  }
})(globalThis);
