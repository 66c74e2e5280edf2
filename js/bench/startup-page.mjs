// startup-page.mjs — one Chromium start-up sample, the browser twin of
// startup-child.mjs. Query: ?mode=<mode>&hello=<URL of the floor's wasm>.
//
// prepare() (imports, fetching bytes, compiling a Module for the *-module
// modes) runs before the timer; run() is timed up to the first usable object
// (a WasmMicroLoRA(256) and one forward_array; for the Go hello world, until
// the global `hello` it registers has been called). The page publishes
// window.startupResult = { ms, value }, or window.startupError.

import { firstUse, runHello } from './startup-common.mjs';

const params = new URLSearchParams(location.search);
const OURS_WASM = new URL('../ruvector_learning.wasm', import.meta.url);
const REF_JS = '../../node_modules/@ruvector/learning-wasm/ruvector_learning_wasm.js';
const REF_WASM = new URL('../../node_modules/@ruvector/learning-wasm/ruvector_learning_wasm_bg.wasm', import.meta.url);
const HELLO_WASM = new URL(params.get('hello') ?? '/__floor/hello.wasm', location.href);

const bytesOf = async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer());
const moduleOf = async (url) => WebAssembly.compile(await bytesOf(url));
const ours = () => import('../index.js');
const reference = () => import(REF_JS);
const wasmExec = () => import('../wasm_exec.js');

const MODES = {
  'ours-url': {
    prepare: ours,
    run: async (lib) => { await lib.default(); return firstUse(lib); },
  },
  'ours-bytes': {
    prepare: async () => ({ lib: await ours(), bytes: await bytesOf(OURS_WASM) }),
    run: async ({ lib, bytes }) => { await lib.default({ module_or_path: bytes }); return firstUse(lib); },
  },
  'ours-module': {
    prepare: async () => ({ lib: await ours(), module: await moduleOf(OURS_WASM) }),
    run: async ({ lib, module }) => { await lib.default({ module_or_path: module }); return firstUse(lib); },
  },
  'reference-url': {
    prepare: reference,
    run: async (lib) => { await lib.default(); return firstUse(lib); },
  },
  'reference-bytes': {
    prepare: async () => ({ lib: await reference(), bytes: await bytesOf(REF_WASM) }),
    run: async ({ lib, bytes }) => { lib.initSync({ module: bytes }); return firstUse(lib); },
  },
  'reference-module': {
    prepare: async () => ({ lib: await reference(), module: await moduleOf(REF_WASM) }),
    run: async ({ lib, module }) => { lib.initSync({ module }); return firstUse(lib); },
  },
  'hello-url': {
    prepare: wasmExec,
    run: () => runHello((go) => WebAssembly.instantiateStreaming(fetch(HELLO_WASM), go.importObject).then((r) => r.instance)),
  },
  'hello-bytes': {
    prepare: async () => { await wasmExec(); return bytesOf(HELLO_WASM); },
    run: (bytes) => runHello((go) => WebAssembly.instantiate(bytes, go.importObject).then((r) => r.instance)),
  },
  'hello-module': {
    prepare: async () => { await wasmExec(); return moduleOf(HELLO_WASM); },
    run: (module) => runHello((go) => WebAssembly.instantiate(module, go.importObject)),
  },
};

async function main() {
  const mode = MODES[params.get('mode')];
  if (!mode) throw new Error(`unknown mode ${params.get('mode')}; one of ${Object.keys(MODES).join(', ')}`);
  const prepared = await mode.prepare();
  const t0 = performance.now();
  const value = await mode.run(prepared);
  window.startupResult = { ms: performance.now() - t0, value };
}

main().catch((e) => { window.startupError = String(e && e.stack || e); });
