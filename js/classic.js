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
// publishes its method table. The classes here are built from that table:
// each method calls the //go:wasmexport rv_call with the object's handle (the
// fast path), and when a call is rejected, repeats it through the raw js.FuncOf
// method, which returns the error object to throw (a Go callback cannot make
// its caller throw). They carry `memory`, a private brand, and release the Go
// side of objects that are garbage-collected unfreed.
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

  // isArray accepts what the fast path copies: Arrays and typed arrays
  // (a DataView is no array; other array-likes take the js.FuncOf path).
  function isArray(x) {
    return x instanceof Float32Array || Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView));
  }

  // boolNumber is a boolean argument as 0 or 1, NaN when it is not one.
  function boolNumber(v) {
    return v === true || v === 1 ? 1 : v === false || v === 0 ? 0 : NaN;
  }

  // fastMethod builds the fast version of method code with parameter letters
  // params (see cmd/wasm/methods.go) and result kind result, given
  // k = { ex: the exports, handle(self): self's handle, 0 unless a genuine
  // live object of the class; toF32(x): array x as a Float32Array, or null;
  // write(v, ptr): Float32Array v copied into wasm memory; out: the reader of
  // the result; calls: the counter of entries into the module }. Whatever it
  // cannot take goes to slow, the js.FuncOf method, which throws.
  //
  // An array argument is converted first, before the handle is taken: an
  // element's valueOf may call back into the module (free this object, record
  // into the same buffer, grow the memory), and nothing the call relies on is
  // read until it has run. If it did call back, the js.FuncOf method gets the
  // converted copy, so that valueOf does not run twice.
  function fastMethod(k, code, params, slow) {
    const { ex, handle, toF32, write, out, calls } = k;
    // reserveWrite puts Float32Array v into Go's input area.
    const reserveWrite = (v) => {
      const p = ex.rv_reserve(4 * v.length);
      return p !== 0 && write(v, p);
    };
    const isNum = (v) => typeof v === 'number';
    // arg(c, x, v): the array to pass on to slow: x itself, unless converting
    // it (calls.n was c before) called back into the module (handle() itself
    // counts once).
    const arg = (c, x, v) => (v === null || calls.n === c + 1 ? x : v.slice());
    switch (params) {
      case '':
        return function () {
          const h = handle(this);
          return h !== 0 && ex.rv_call(h, code, 0, 0, 0, 0) === 1 ? out(this) : slow.apply(this, arguments);
        };
      case 'n':
        return function (a) {
          const h = handle(this);
          return h !== 0 && isNum(a) && ex.rv_call(h, code, a, 0, 0, 0) === 1 ? out(this) : slow.apply(this, arguments);
        };
      case 'nn':
        return function (a, b) {
          const h = handle(this);
          return h !== 0 && isNum(a) && isNum(b) && ex.rv_call(h, code, a, b, 0, 0) === 1
            ? out(this) : slow.apply(this, arguments);
        };
      case 'b':
        return function (a) {
          const h = handle(this), b = boolNumber(a);
          return h !== 0 && b === b && ex.rv_call(h, code, b, 0, 0, 0) === 1 ? out(this) : slow.apply(this, arguments);
        };
      case 'a':
        return function (x) {
          const c = calls.n, v = toF32(x), h = handle(this);
          return h !== 0 && v !== null && v.length === this.__dim && write(v, this.__x) &&
            ex.rv_call(h, code, 0, 0, 0, 0) === 1 ? out(this) : slow.call(this, arg(c, x, v));
        };
      case 'na':
        return function (a, x) {
          const c = calls.n, v = toF32(x), h = handle(this);
          return h !== 0 && isNum(a) && v !== null && v.length === this.__dim && write(v, this.__x) &&
            ex.rv_call(h, code, a, 0, 0, 0) === 1 ? out(this) : slow.call(this, a, arg(c, x, v));
        };
      case 'A':
        return function (x) {
          const c = calls.n, v = toF32(x), h = handle(this);
          return h !== 0 && v !== null && reserveWrite(v) && ex.rv_call(h, code, v.length, 0, 0, 0) === 1
            ? out(this) : slow.call(this, arg(c, x, v));
        };
      case 'nA':
        return function (a, x) {
          const c = calls.n, v = toF32(x), h = handle(this);
          return h !== 0 && isNum(a) && v !== null && reserveWrite(v) && ex.rv_call(h, code, a, v.length, 0, 0) === 1
            ? out(this) : slow.call(this, a, arg(c, x, v));
        };
      case 'oN':
        return function (buffer, q) {
          const h = handle(this), b = k.bufferHandle(buffer), m = q === undefined || q === null ? 0 : q;
          return h !== 0 && b !== 0 && isNum(m) && ex.rv_call(h, code, b, m, 0, 0) === 1
            ? out(this) : slow.apply(this, arguments);
        };
      case 'annnn': // record, through its own export rv_record
        return function (x, a, b, c, d) {
          const n = calls.n, v = toF32(x), h = handle(this);
          if (h !== 0 && isNum(a) && isNum(b) && isNum(c) && isNum(d) && v !== null && v.length === this.__dim &&
            write(v, this.__x)) {
            const spare = ex.rv_record(h, a, b, c, d);
            if (spare !== 0) {
              this.__x = spare;
              return;
            }
          }
          return slow.call(this, arg(n, x, v), a, b, c, d);
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
      return import(/* @vite-ignore */ nodeURL).then((m) => m.pathToFileURL(input));
    }
  }

  async function readFile(url) {
    const nodeFS = 'node:fs/promises';
    const fs = await import(/* @vite-ignore */ nodeFS);
    return fs.readFile(await url);
  }

  // instantiate(input, imports): { instance, module } from any InitInput.
  // Modules and bytes are tried first: in Node, merely reading the Request or
  // Response globals loads the fetch implementation, which costs tens of ms.
  async function instantiate(input, imports) {
    input = await input;
    if (input instanceof WebAssembly.Module) {
      return { instance: await WebAssembly.instantiate(input, imports), module: input };
    }
    if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) {
      return WebAssembly.instantiate(input, imports);
    }
    if (typeof input === 'string' || input instanceof URL) {
      const url = fileURL(input);
      if (url) return WebAssembly.instantiate(await readFile(url), imports); // no Response check: see above
      input = await fetch(input);
    } else if (typeof Request === 'function' && input instanceof Request) {
      input = await fetch(input);
    }
    if (typeof Response === 'function' && input instanceof Response) {
      return instantiateResponse(input, imports);
    }
    return WebAssembly.instantiate(input, imports);
  }

  // instantiateResponse streams when it can and falls back to bytes when the
  // server sent the wrong MIME type.
  async function instantiateResponse(response, imports) {
    if (!response.ok) throw new Error('ruvector-learning-wasm: fetching the wasm failed: HTTP ' + response.status);
    if (typeof WebAssembly.instantiateStreaming === 'function' &&
        response.headers.get('Content-Type') === 'application/wasm') {
      return WebAssembly.instantiateStreaming(response, imports);
    }
    return WebAssembly.instantiate(await response.arrayBuffer(), imports);
  }

  // create(defaultURL): one loader with its own module instance and classes.
  function create(defaultURL) {
    let state = null; // the live instance: { memory, exports, raw, table, fastPath }
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
      const ex = instance.exports;
      const table = global.__ruvectorLearningGo.methods.split(';').map((entry) => {
        const [classId, name, params, result] = entry.split(',');
        return [Number(classId), name, params, result];
      });
      state = { memory: ex.mem, exports: ex, raw, table, fastPath };
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

    // calls.n counts entries into the module's methods: handle(), the
    // constructors and free() bump it (see fastMethod).
    const calls = { n: 0 };

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

    // toF32 is array x as a Float32Array: x itself, or its elements converted
    // (as new Float32Array(x) would) into a stage or a new array; null when x
    // is not an array or an element cannot become a number (a bigint, a
    // symbol, a throwing valueOf). A stage is valid until the next call. A
    // conversion that starts while another is under way (from an element's
    // valueOf) gets a new array, so that it cannot overwrite the outer stage.
    let converting = false;
    function toF32(x) {
      if (x instanceof Float32Array) return x;
      if (!isArray(x)) return null;
      const s = converting ? undefined : stage(x.length);
      if (s !== undefined) converting = true;
      try {
        return s === undefined ? new Float32Array(x) : (s.set(x), s);
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

    // readers[kind](self): a call's JS result, from the result slot or memory.
    const readers = {
      v: () => undefined,
      x: (self) => { self.__x = resultValue(); },
      n: resultValue,
      f: resultValue,
      c: () => BigInt(resultValue()),
      b: () => resultValue() !== 0,
      y: (self) => f32().slice((self.__x >>> 2) + self.__dim, (self.__x >>> 2) + 2 * self.__dim),
      Y: () => {
        const n = resultValue(), p = state.exports.rv_out() >>> 2;
        return f32().slice(p, p + n);
      },
      U: () => {
        const n = resultValue(), p = state.exports.rv_out();
        return new Uint8Array(state.memory.buffer, p, n).slice();
      },
    };

    // call runs fn, a raw Go method of generation gen, as self's method;
    // C is self's class (undefined for statics).
    function call(gen, C, self, label, fn, args) {
      if (gen !== generation) throw new Error(EXITED);
      if (C !== undefined) checkThis(C, self, label, gen);
      let r;
      try {
        r = fn.apply(self, args);
      } catch (e) {
        if (e instanceof WebAssembly.RuntimeError || /Go program has already exited/.test(String(e && e.message))) {
          markExited(gen);
          throw new Error(EXITED, { cause: e });
        }
        throw e;
      }
      return checked(r);
    }

    // checkThis requires self to be a genuine object of class C (copies and
    // objects of other classes carry no brand) from generation gen.
    function checkThis(C, self, label, gen) {
      const g = C.brand(self);
      if (g === undefined) throw new TypeError(label + ': this is not a ' + C.name);
      if (g !== gen) throw new Error(label + ': this object belongs to a Go runtime that has exited; create a new one');
    }

    // slowMethod wraps fn, the raw js.FuncOf method, to throw its errors. It
    // reads a zero or NaN number from the result slot (their bits do not
    // survive syscall/js) and re-reads the scratch offset a call of kind x moved.
    function slowMethod(gen, C, label, fn, result) {
      const ex = state.exports;
      if (result === 'f' || result === 'n') {
        // syscall/js turns -0 into +0 and every NaN into the canonical one.
        return function (...args) {
          const r = call(gen, C, this, label, fn, args);
          return r === 0 || r !== r ? resultValue() : r;
        };
      }
      if (result === 'x') {
        return function (...args) {
          const r = call(gen, C, this, label, fn, args);
          this.__x = ex.rv_scratch(this.__wbg_ptr);
          return r;
        };
      }
      return function (...args) { return call(gen, C, this, label, fn, args); };
    }

    // bindMethods defines every class's methods from Go's table, bound to
    // generation gen: fast ones unless fastPath is false.
    function bindMethods(gen, fastPath) {
      const ex = state.exports;
      const B = api.WasmTrajectoryBuffer;
      const bufferHandle = (b) => (B.brand(b) === gen && gen === generation ? b.__wbg_ptr : 0);
      state.table.forEach(([classId, m, params, result], code) => {
        const name = CLASS_NAMES[classId - 1], C = api[name], label = name + '.' + m;
        const handle = (self) => (calls.n++, C.brand(self) === gen && gen === generation ? self.__wbg_ptr : 0);
        const k = { ex, handle, toF32, write: writeF32, out: readers[result], bufferHandle, calls };
        let slow = slowMethod(gen, C, label, state.raw[name].prototype[m], result);
        const o = params.indexOf('o');
        if (o >= 0) { // a buffer argument must be a genuine buffer of this generation, not a look-alike
          const inner = slow;
          slow = function (...args) {
            const v = args[o];
            if (C.brand(this) === gen && this.__wbg_ptr !== 0 && v !== null && typeof v === 'object' && B.brand(v) !== gen) {
              throw new TypeError(label + ': buffer must be a live WasmTrajectoryBuffer (got ' +
                (B.brand(v) === undefined ? 'an object that is not one' : 'a WasmTrajectoryBuffer of an exited runtime') + ')');
            }
            return inner.apply(this, args);
          };
        }
        const value = fastPath ? fastMethod(k, code, params, slow) : slow;
        Object.defineProperty(C.prototype, m, { value: renamed(value, m), writable: true, configurable: true });
      });
      CLASS_NAMES.forEach((name, i) => {
        const C = api[name], G = state.raw[name], label = name + '.from_bytes';
        Object.defineProperty(C, 'from_bytes', {
          value: renamed(function (bytes) {
            if (gen !== generation) throw new Error(EXITED);
            let h = 0;
            if (fastPath && bytes instanceof Uint8Array) {
              const p = ex.rv_reserve(bytes.length);
              if (p !== 0) {
                new Uint8Array(state.memory.buffer).set(bytes, p);
                h = ex.rv_from_bytes(i + 1, bytes.length);
              }
            }
            if (h === 0) h = call(gen, undefined, G, label, G.from_bytes, [bytes]).__wbg_ptr;
            return new C(ADOPT, h);
          }, 'from_bytes'),
          writable: true, configurable: true,
        });
      });
      for (const [name, statics] of Object.entries(STATICS)) {
        const G = state.raw[name];
        for (const m of statics) {
          const fn = G[m], label = name + '.' + m;
          Object.defineProperty(api[name], m, {
            value: renamed(function (...args) { return call(gen, undefined, G, label, fn, args); }, m),
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
          const { instance } = await instantiate(input, go.importObject);
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
      const go = newGo();
      return start(go, new WebAssembly.Instance(module, go.importObject), fastPathOption(options));
    }

    // hidden(self, key, value) sets an internal property that copies skip.
    function hidden(self, key, value) {
      Object.defineProperty(self, key, { value, writable: true, enumerable: false, configurable: true });
    }

    // dimCode[classId] is the table code of the method giving the length of
    // the class's array arguments (dim, or embedding_dim for the buffer).
    function dimCode(classId) {
      const want = classId === 3 ? 'embedding_dim' : 'dim';
      return state.table.findIndex(([c, m]) => c === classId && m === want);
    }

    function defineClass(name, classId) {
      const C = {
        [name]: class {
          // The private brand: the generation of the Go runtime this object
          // lives in. Only genuine instances have it, so copies and objects
          // of other classes are refused before their handle is trusted.
          #gen;

          static brand(self) {
            return self !== null && typeof self === 'object' && #gen in self ? self.#gen : undefined;
          }

          constructor(...args) {
            if (!state) throw new Error(exited ? EXITED : name + ': call init() or initSync() before creating objects');
            const ex = state.exports, gen = generation;
            calls.n++;
            let h = args[0] === ADOPT ? args[1] : 0;
            try {
              if (h === 0 && state.fastPath) h = fastNew(ex, classId, args);
              if (h === 0) {
                checked(state.raw[name].apply(this, float32In(args, FLOAT_ARGS[name])));
                h = this.__wbg_ptr;
              }
            } catch (e) {
              if (gen !== generation) throw new Error(EXITED, { cause: e });
              throw e;
            }
            if (gen !== generation) throw new Error(EXITED);
            this.#gen = gen;
            hidden(this, '__wbg_ptr', h);
            hidden(this, '__x', ex.rv_scratch(h));
            ex.rv_call(h, dimCode(classId), 0, 0, 0, 0);
            hidden(this, '__dim', resultValue());
            registry.register(this, { handle: h, generation: gen }, this);
          }

          /** A fresh Float32Array over the input buffer (dim() floats). */
          input_view() {
            const p = this.get_input_ptr(), n = this.dim();
            return new Float32Array(state.memory.buffer, p, n);
          }

          /** A fresh Float32Array over the output buffer (dim() floats). */
          output_view() {
            const p = this.get_output_ptr(), n = this.dim();
            return new Float32Array(state.memory.buffer, p, n);
          }

          /** The module's WebAssembly.Memory (undefined once its Go runtime has exited). */
          get memory() {
            return state && C.brand(this) === generation ? state.memory : undefined;
          }

          free() {
            const g = C.brand(this);
            if (g === undefined) throw new TypeError(name + '.free: this is not a ' + name);
            registry.unregister(this);
            calls.n++;
            if (g === generation && this.__wbg_ptr !== 0) state.exports.rv_release(this.__wbg_ptr);
            this.__wbg_ptr = 0;
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
