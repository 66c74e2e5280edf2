// (f) The init() / initSync() variants, one fresh page load each (init is
// idempotent per realm). init.html?case=<name>&loader=esm|classic runs one.
// Imported by run.mjs too (for names and console whitelists), so nothing here
// touches browser globals at import time.
//
// Each case's `run(lib, assert)` returns what init/initSync returned; the page
// then smoke-tests the instance (see smoke() in init-page.mjs).

const WASM = '/js/ruvector_learning.wasm';
const WRONG_MIME = '/__wrong-mime/js/ruvector_learning.wasm';
const MISSING = '/__status/404/ruvector_learning.wasm';

const bytes = async (url = WASM) => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`fetch ${url}: HTTP ${res.status}`);
  return res.arrayBuffer();
};

// Precondition of the wrong-MIME cases: the route really sends
// application/octet-stream, and the browser's instantiateStreaming rejects it.
async function wrongMimeRejectsStreaming(assert) {
  const type = (await fetch(WRONG_MIME, { method: 'HEAD' })).headers.get('content-type');
  assert.strictEqual(type, 'application/octet-stream', 'wrong-MIME route Content-Type');
  await assert.rejects(WebAssembly.instantiateStreaming(fetch(WRONG_MIME), {}), TypeError, 'instantiateStreaming rejects the MIME type');
}

// Console lines a case may legitimately cause.
const MIME_WARNING = /MIME|application\/wasm|instantiateStreaming/i;
const LOAD_404 = /Failed to load resource.*404|404 \(Not Found\)/i;

export const CASES = [
  { name: 'default', run: (lib) => lib.init() },
  { name: 'undefined-arg', run: (lib) => lib.init(undefined) },
  { name: 'url-object', run: (lib) => lib.init({ module_or_path: new URL(WASM, location.href) }) },
  { name: 'string', run: (lib) => lib.init({ module_or_path: WASM }) },
  { name: 'response', run: async (lib) => lib.init({ module_or_path: await fetch(WASM) }) },
  { name: 'promise-response', run: (lib) => lib.init({ module_or_path: fetch(WASM) }) },
  { name: 'arraybuffer', run: async (lib) => lib.init({ module_or_path: await bytes() }) },
  {
    name: 'uint8array-view',
    // A view with a non-zero byteOffset into a larger buffer.
    run: async (lib) => {
      const b = new Uint8Array(await bytes());
      const big = new Uint8Array(b.length + 16);
      big.set(b, 8);
      return lib.init({ module_or_path: big.subarray(8, 8 + b.length) });
    },
  },
  { name: 'module', run: async (lib) => lib.init({ module_or_path: await WebAssembly.compile(await bytes()) }) },
  { name: 'promise-module', run: (lib) => lib.init({ module_or_path: bytes().then((b) => WebAssembly.compile(b)) }) },
  {
    name: 'wrong-mime-string',
    allowConsole: [MIME_WARNING],
    run: async (lib, assert) => {
      await wrongMimeRejectsStreaming(assert);
      return lib.init({ module_or_path: WRONG_MIME });
    },
  },
  {
    name: 'wrong-mime-response',
    allowConsole: [MIME_WARNING],
    run: async (lib, assert) => {
      await wrongMimeRejectsStreaming(assert);
      return lib.init({ module_or_path: fetch(WRONG_MIME) });
    },
  },
  { name: 'initSync-module', run: async (lib) => lib.initSync({ module: await WebAssembly.compile(await bytes()) }) },
  { name: 'initSync-bytes', run: async (lib) => lib.initSync({ module: await bytes() }) },
  {
    name: 'idempotent',
    run: async (lib, assert) => {
      const a = await lib.init();
      const b = await lib.init({ module_or_path: MISSING }); // already initialised: not fetched
      const c = lib.initSync({ module: new ArrayBuffer(0) });
      assert.strictEqual(b.memory, a.memory, 'second init() resolves the same memory');
      assert.strictEqual(c.memory, a.memory, 'initSync() after init() returns the same memory');
      return a;
    },
  },
  {
    name: 'concurrent',
    run: async (lib, assert) => {
      const [a, b] = await Promise.all([lib.init(), lib.init({ module_or_path: fetch(WASM) })]);
      assert.strictEqual(a.memory, b.memory, 'two concurrent init() calls share one instance');
      return a;
    },
  },
  {
    // initSync() while an init() is still pending must not start a second Go
    // instance: both must end up with the same memory, and objects made in
    // between must keep working once init() settles.
    name: 'initSync-during-init',
    run: async (lib, assert) => {
      const b = await bytes();
      const pending = lib.init({ module_or_path: b.slice(0) });
      const s = lib.initSync({ module: b });
      const early = new lib.WasmMicroLoRA(4);
      const a = await pending;
      assert.strictEqual(a.memory, s.memory, 'init() and initSync() agree on the memory');
      assert.strictEqual(early.dim(), 4, 'object created before init() settled still works');
      early.free();
      return a;
    },
  },
  {
    name: 'retry-after-failure',
    allowConsole: [LOAD_404],
    run: async (lib, assert) => {
      await assert.rejects(lib.init({ module_or_path: MISSING }), undefined, 'init() of a 404 URL rejects');
      await assert.rejects(lib.init({ module_or_path: new Uint8Array([0, 1, 2, 3]) }), undefined, 'init() of garbage rejects');
      return lib.init();
    },
  },
  {
    name: 'before-init',
    run: async (lib, assert) => {
      for (const C of ['WasmMicroLoRA', 'WasmScopedLoRA', 'WasmTrajectoryBuffer']) {
        assert.throws(() => new lib[C](), (e) => e instanceof Error && /init\(\)|initSync/.test(e.message), `${C} before init`);
      }
      return lib.init();
    },
  },
];

export const LOADERS = ['esm', 'classic'];

export function findCase(name) {
  return CASES.find((c) => c.name === name);
}
