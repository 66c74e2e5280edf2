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
// The Go program registers the raw classes on the JS global (cmd/wasm). A Go
// callback cannot make its caller throw, so raw methods return an Error object
// when they reject a call; the classes here throw it instead, carry `memory`,
// and release the Go side of objects that are garbage-collected unfreed.
(function (global) {
  'use strict';

  // Per class: its methods, those returning a float32 (whose zero may be -0),
  // its statics, the constructor arguments that are float32, and its rv_new code.
  const CLASSES = {
    WasmMicroLoRA: {
      methods: ['dim', 'param_count', 'get_input_ptr', 'get_output_ptr', 'forward', 'forward_array',
        'adapt', 'adapt_array', 'adapt_with_reward', 'reset', 'forward_count', 'adapt_count', 'delta_norm'],
      floats: ['delta_norm'],
      statics: [],
      floatArgs: [1, 2],
      code: 1,
    },
    WasmScopedLoRA: {
      methods: ['dim', 'get_input_ptr', 'get_output_ptr', 'forward', 'forward_array', 'adapt', 'adapt_array',
        'adapt_with_reward', 'reset_scope', 'reset_all', 'forward_count', 'adapt_count', 'delta_norm',
        'total_forward_count', 'total_adapt_count', 'set_category_fallback'],
      floats: ['delta_norm'],
      statics: ['scope_name'],
      floatArgs: [1, 2],
      code: 2,
    },
    WasmTrajectoryBuffer: {
      methods: ['record', 'total_count', 'len', 'is_empty', 'mean_improvement', 'best_improvement',
        'success_rate', 'best_attention', 'variance', 'high_quality_count', 'count_by_operator', 'reset'],
      floats: ['mean_improvement', 'best_improvement', 'success_rate', 'variance'],
      statics: [],
      floatArgs: [],
      code: 3,
    },
  };

  // FAST[class][method](k, slow) returns the fast version of a hot method,
  // given k = { ex: the instance's exports, write(array, ptr) and read(ptr,
  // n): copies into and out of wasm memory, handle(obj): obj's handle, 0
  // unless obj is a genuine live object of the class }: arrays are written into the object's Go-owned scratch buffer and
  // a //go:wasmexport function runs the call with the object's handle. Any
  // call it cannot take (wrong types or lengths, freed object, bad values)
  // goes to slow, the js.FuncOf method, which throws the right error.
  function arrayFits(x, n) {
    return (x instanceof Float32Array || Array.isArray(x)) && x.length === n;
  }
  const FAST = {
    WasmMicroLoRA: {
      forward: (k, slow) => function forward() {
        if (k.ex.rv_micro_forward(k.handle(this)) !== 1) return slow.apply(this, arguments);
      },
      forward_array: (k, slow) => function forward_array(input) {
        const h = k.handle(this);
        if (h !== 0 && arrayFits(input, this.__dim) && k.write(input, this.__x) &&
            k.ex.rv_micro_forward_array(h) === 1) {
          return k.read(this.__x + 4 * this.__dim, this.__dim);
        }
        return slow.apply(this, arguments);
      },
      adapt: (k, slow) => function adapt() {
        if (k.ex.rv_micro_adapt(k.handle(this)) !== 1) return slow.apply(this, arguments);
      },
      adapt_array: (k, slow) => function adapt_array(gradient) {
        const h = k.handle(this);
        if (h !== 0 && arrayFits(gradient, this.__dim) && k.write(gradient, this.__x) &&
            k.ex.rv_micro_adapt_array(h) === 1) {
          return;
        }
        return slow.apply(this, arguments);
      },
      adapt_with_reward: (k, slow) => function adapt_with_reward(improvement) {
        if (typeof improvement !== 'number' || k.ex.rv_micro_adapt_with_reward(k.handle(this), improvement) !== 1) {
          return slow.apply(this, arguments);
        }
      },
    },
    WasmScopedLoRA: {
      forward: (k, slow) => function forward(op_type) {
        if (typeof op_type !== 'number' || k.ex.rv_scoped_forward(k.handle(this), op_type) !== 1) {
          return slow.apply(this, arguments);
        }
      },
      forward_array: (k, slow) => function forward_array(op_type, input) {
        const h = k.handle(this);
        if (h !== 0 && typeof op_type === 'number' && arrayFits(input, this.__dim) && k.write(input, this.__x) &&
            k.ex.rv_scoped_forward_array(h, op_type) === 1) {
          return k.read(this.__x + 4 * this.__dim, this.__dim);
        }
        return slow.apply(this, arguments);
      },
      adapt: (k, slow) => function adapt(op_type) {
        if (typeof op_type !== 'number' || k.ex.rv_scoped_adapt(k.handle(this), op_type) !== 1) {
          return slow.apply(this, arguments);
        }
      },
      adapt_array: (k, slow) => function adapt_array(op_type, gradient) {
        const h = k.handle(this);
        if (h !== 0 && typeof op_type === 'number' && arrayFits(gradient, this.__dim) && k.write(gradient, this.__x) &&
            k.ex.rv_scoped_adapt_array(h, op_type) === 1) {
          return;
        }
        return slow.apply(this, arguments);
      },
      adapt_with_reward: (k, slow) => function adapt_with_reward(op_type, improvement) {
        if (typeof op_type !== 'number' || typeof improvement !== 'number' ||
            k.ex.rv_scoped_adapt_with_reward(k.handle(this), op_type, improvement) !== 1) {
          return slow.apply(this, arguments);
        }
      },
    },
    WasmTrajectoryBuffer: {
      // The embedding goes straight into the buffer's spare ring slot, whose
      // offset each record and reset returns; any other way of changing
      // the buffer re-reads it.
      record: (k, slow) => function record(embedding, op_type, attention_type, execution_ms, baseline_ms) {
        const h = k.handle(this);
        if (h !== 0 && typeof op_type === 'number' && typeof attention_type === 'number' &&
            typeof execution_ms === 'number' && typeof baseline_ms === 'number' &&
            arrayFits(embedding, this.__dim) && k.write(embedding, this.__x)) {
          const next = k.ex.rv_buffer_record(h, op_type, attention_type, execution_ms, baseline_ms);
          if (next !== 0) {
            this.__x = next;
            return;
          }
        }
        try {
          return slow.apply(this, arguments);
        } finally {
          if (h !== 0) this.__x = k.ex.rv_scratch(h);
        }
      },
      reset: (k, slow) => function reset() {
        const h = k.handle(this);
        const next = h !== 0 ? k.ex.rv_buffer_reset(h) : 0;
        if (next === 0) return slow.apply(this, arguments);
        this.__x = next;
      },
    },
  };

  // GETTERS[class][method] = [code, kind]: read-only methods answered by
  // rv_get(handle, code, arg) in one wasm call. kind: 'n' number, 'b' bigint,
  // 'z' boolean "is zero", 'a'/'ab' the same with a number argument. A NaN
  // answer (bad argument, freed object) goes to the js.FuncOf method.
  const GETTERS = {
    WasmMicroLoRA: {
      dim: [1, 'n'], param_count: [2, 'n'], forward_count: [3, 'b'], adapt_count: [4, 'b'], delta_norm: [5, 'n'],
    },
    WasmScopedLoRA: {
      dim: [1, 'n'], forward_count: [3, 'ab'], adapt_count: [4, 'ab'], delta_norm: [5, 'a'],
      total_forward_count: [6, 'b'], total_adapt_count: [7, 'b'],
    },
    WasmTrajectoryBuffer: {
      total_count: [8, 'b'], len: [9, 'n'], is_empty: [9, 'z'], mean_improvement: [10, 'n'],
      best_improvement: [11, 'n'], success_rate: [12, 'n'], best_attention: [13, 'n'], variance: [14, 'n'],
      high_quality_count: [15, 'a'], count_by_operator: [16, 'a'],
    },
  };
  const GET_INPUT_PTR = 17;

  function fastGetter(k, [code, kind], slow) {
    const get = k.ex.rv_get, handle = k.handle;
    switch (kind) {
      case 'n': return function () { const v = get(handle(this), code, 0); return v === v ? v : slow.apply(this, arguments); };
      case 'b': return function () { const v = get(handle(this), code, 0); return v === v ? BigInt(v) : slow.apply(this, arguments); };
      case 'z': return function () { const v = get(handle(this), code, 0); return v === v ? v === 0 : slow.apply(this, arguments); };
      case 'a': return function (a) {
        const v = typeof a === 'number' ? get(handle(this), code, a) : NaN;
        return v === v ? v : slow.apply(this, arguments);
      };
      case 'ab': return function (a) {
        const v = typeof a === 'number' ? get(handle(this), code, a) : NaN;
        return v === v ? BigInt(v) : slow.apply(this, arguments);
      };
    }
    throw new Error('unknown getter kind ' + kind);
  }

  // The buffer pointers are fixed for an object's lifetime (Go's collector
  // does not move objects), so they are read once at construction; asking Go
  // again could grow wasm memory and detach a view the caller is building.
  function fastPointer(C, k, offsetInDims, slow) {
    return function () {
      return k.handle(this) !== 0 ? this.__in + 4 * offsetInDims * this.__dim : slow.apply(this, arguments);
    };
  }

  // fastNew constructs through rv_new when every argument is a number,
  // undefined or null; 0 (rejected, or other kinds of argument) sends the
  // call to the js.FuncOf constructor, which throws the right error.
  function fastNew(ex, code, args) {
    if (args.length > 3) return 0;
    let defaults = 0;
    for (let i = 0; i < 3; i++) {
      const a = args[i];
      if (a === undefined || a === null) defaults |= 1 << i;
      else if (typeof a !== 'number') return 0;
    }
    return ex.rv_new(code, defaults, args[0] ?? 0, args[1] ?? 0, args[2] ?? 0);
  }

  // syscall/js carries every JS zero as +0. A float32 -0 goes in as -1e-46
  // (not zero in float64, -0 once rounded to float32) and a zero result is
  // read back exactly from the Go side's lastFloat slot.
  const NEG_ZERO_IN = -1e-46;
  function float32In(args, indices) {
    for (const i of indices) if (Object.is(args[i], -0)) args[i] = NEG_ZERO_IN;
    return args;
  }

  // checked(r): throws r when the Go side returned an error object.
  function checked(r) {
    if (r instanceof Error) throw r;
    return r;
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
  async function instantiate(input, imports) {
    input = await input;
    if (typeof input === 'string' || input instanceof URL ||
        (typeof Request === 'function' && input instanceof Request)) {
      const url = typeof input === 'string' || input instanceof URL ? fileURL(input) : null;
      input = url ? await readFile(url) : await fetch(input);
    }
    if (typeof Response === 'function' && input instanceof Response) {
      return instantiateResponse(input, imports);
    }
    if (input instanceof WebAssembly.Module) {
      return { instance: await WebAssembly.instantiate(input, imports), module: input };
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

  // create(defaultURL): one module instance's API.
  const EXITED = 'ruvector-learning-wasm: the Go runtime has exited; call init() or initSync() to start a fresh instance';

  // create(defaultURL): one loader with its own module instance and classes.
  function create(defaultURL) {
    let state = null; // the live instance: { memory, exports, raw, lastFloat }
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
      for (const name of Object.keys(CLASSES)) raw[name] = global[name];
      const { lastFloat } = global.__ruvectorLearningGo;
      state = { memory: instance.exports.mem, exports: instance.exports, raw, lastFloat, fastPath };
      f32view = null;
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

    // bindMethods points every wrapper method at generation gen's Go
    // functions, and the hot ones at the fast path unless fastPath is false.
    function bindMethods(gen, fastPath) {
      for (const [name, spec] of Object.entries(CLASSES)) {
        const C = api[name];
        const G = state.raw[name];
        const k = {
          ex: state.exports,
          write: writeF32,
          read: (ptr, n) => wasmF32().slice(ptr >>> 2, (ptr >>> 2) + n),
          handle: (self) => (C.brand(self) === gen && gen === generation ? self.__wbg_ptr : 0),
        };
        for (const m of spec.methods) {
          const fn = G.prototype[m], label = name + '.' + m;
          let value = spec.floats.includes(m)
            ? { [m](...args) { const r = call(gen, C, this, label, fn, args); return r === 0 ? lastFloat() : r; } }[m]
            : { [m](...args) { return call(gen, C, this, label, fn, args); } }[m];
          if (fastPath) value = fastMethod(C, k, name, m, value);
          Object.defineProperty(C.prototype, m, { value, writable: true, configurable: true });
        }
        for (const m of spec.statics) {
          const fn = G[m], label = name + '.' + m;
          Object.defineProperty(C, m, {
            value: { [m](...args) { return call(gen, undefined, G, label, fn, args); } }[m],
            writable: true, configurable: true,
          });
        }
      }
    }

    // fastMethod is the fast version of method m of class name, or slow.
    function fastMethod(C, k, name, m, slow) {
      if (FAST[name][m]) return FAST[name][m](k, slow);
      if (GETTERS[name][m]) return fastGetter(k, GETTERS[name][m], slow);
      if (m === 'get_input_ptr') return fastPointer(C, k, 0, slow);
      if (m === 'get_output_ptr') return fastPointer(C, k, 1, slow);
      return slow;
    }

    // wasmF32() is a Float32Array over all of wasm memory. Growth detaches
    // the old buffer, which empties the view; only then is it made anew (the
    // memory.buffer getter costs more than the rest of a fast call).
    let f32view = null;
    function wasmF32() {
      if (f32view === null || f32view.length === 0) f32view = new Float32Array(state.memory.buffer);
      return f32view;
    }

    // writeF32 copies array x into wasm memory at byte offset ptr; false
    // when an element cannot become a number (a bigint, a symbol).
    function writeF32(x, ptr) {
      try {
        wasmF32().set(x, ptr >>> 2);
        return true;
      } catch {
        return false;
      }
    }

    // lastFloat() is the exact float32 of the latest float result.
    function lastFloat() {
      return wasmF32()[state.lastFloat >>> 2];
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

    function defineClass(name, spec) {
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
            let h = 0;
            try {
              h = state.fastPath ? fastNew(ex, spec.code, args) : 0;
              if (h === 0) {
                checked(state.raw[name].apply(this, float32In(args, spec.floatArgs)));
                h = this.__wbg_ptr;
              }
            } catch (e) {
              if (gen !== generation) throw new Error(EXITED, { cause: e });
              throw e;
            }
            if (gen !== generation) throw new Error(EXITED);
            this.#gen = generation;
            hidden(this, '__wbg_ptr', h);
            hidden(this, '__x', ex.rv_scratch(h));
            hidden(this, '__dim', ex.rv_get(h, 1, 0));
            hidden(this, '__in', name === 'WasmTrajectoryBuffer' ? 0 : ex.rv_get(h, GET_INPUT_PTR, 0));
            registry.register(this, { handle: h, generation }, this);
          }

          /** The module's WebAssembly.Memory (undefined once its Go runtime has exited). */
          get memory() {
            return state && C.brand(this) === generation ? state.memory : undefined;
          }

          free() {
            const g = C.brand(this);
            if (g === undefined) throw new TypeError(name + '.free: this is not a ' + name);
            registry.unregister(this);
            if (g === generation && this.__wbg_ptr !== 0) state.exports.rv_release(this.__wbg_ptr);
            this.__wbg_ptr = 0;
          }
        },
      }[name];
      if (typeof Symbol.dispose === 'symbol') C.prototype[Symbol.dispose] = C.prototype.free;
      for (const m of spec.statics) {
        C[m] = () => { throw new Error(name + '.' + m + ': call init() or initSync() first'); };
      }
      return C;
    }

    const api = { init, initSync };
    for (const [name, spec] of Object.entries(CLASSES)) api[name] = defineClass(name, spec);
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
