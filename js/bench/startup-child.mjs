// startup-child.mjs — one start-up sample for startup.mjs, in a fresh process.
//
//   node js/bench/startup-child.mjs <mode> [hello.wasm]
//
// Prints {"ms": …}: the time from the start of initialisation to the first
// usable object (a WasmMicroLoRA(256) and one forward_array), or, for the Go
// hello world, until the global `hello` it registers has been called. Anything
// outside the timer (imports, reading bytes, compiling a Module for the
// *-module modes) happens before it starts, but in the *-import-bytes modes
// the timer starts before the package's import (wasm_exec.js's, for the
// floor), as in a program that imports it and starts at once.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstUse, runHello } from './startup-common.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const OURS_WASM = path.join(REPO, 'js/ruvector_learning.wasm');
const REF_WASM = path.join(REPO, 'node_modules/@ruvector/learning-wasm/ruvector_learning_wasm_bg.wasm');

// Each mode: prepare() runs before the timer, run(prepared) is timed.
const MODES = {
  'ours-url': {
    prepare: () => import('../index.js'),
    run: async (lib) => { await lib.default(); return firstUse(lib); },
  },
  'ours-bytes': {
    prepare: async () => ({ lib: await import('../index.js'), bytes: fs.readFileSync(OURS_WASM) }),
    run: async ({ lib, bytes }) => { await lib.default({ module_or_path: bytes }); return firstUse(lib); },
  },
  'ours-module': {
    prepare: async () => ({ lib: await import('../index.js'), module: new WebAssembly.Module(fs.readFileSync(OURS_WASM)) }),
    run: async ({ lib, module }) => { await lib.default({ module_or_path: module }); return firstUse(lib); },
  },
  'reference-bytes': {
    prepare: async () => ({ lib: await import('@ruvector/learning-wasm'), bytes: fs.readFileSync(REF_WASM) }),
    run: async ({ lib, bytes }) => { lib.initSync({ module: bytes }); return firstUse(lib); },
  },
  'reference-module': {
    prepare: async () => ({ lib: await import('@ruvector/learning-wasm'), module: new WebAssembly.Module(fs.readFileSync(REF_WASM)) }),
    run: async ({ lib, module }) => { lib.initSync({ module }); return firstUse(lib); },
  },
  'ours-import-bytes': {
    prepare: () => fs.readFileSync(OURS_WASM),
    run: async (bytes) => { const lib = await import('../index.js'); await lib.default({ module_or_path: bytes }); return firstUse(lib); },
  },
  'hello-bytes': {
    prepare: async () => { await import('../wasm_exec.js'); return fs.readFileSync(process.argv[3]); },
    run: async (bytes) => runHello((go) => WebAssembly.instantiate(bytes, go.importObject).then((r) => r.instance)),
  },
  'hello-import-bytes': {
    prepare: () => fs.readFileSync(process.argv[3]),
    run: async (bytes) => { await import('../wasm_exec.js'); return runHello((go) => WebAssembly.instantiate(bytes, go.importObject).then((r) => r.instance)); },
  },
  'hello-module': {
    prepare: async () => { await import('../wasm_exec.js'); return new WebAssembly.Module(fs.readFileSync(process.argv[3])); },
    run: async (module) => runHello((go) => WebAssembly.instantiate(module, go.importObject)),
  },
};

async function main() {
  const mode = MODES[process.argv[2]];
  if (!mode) throw new Error(`unknown mode ${process.argv[2]}; one of ${Object.keys(MODES).join(', ')}`);
  const prepared = await mode.prepare();
  const t0 = performance.now();
  const value = await mode.run(prepared);
  const ms = performance.now() - t0;
  process.stdout.write(`${JSON.stringify({ ms, value })}\n`);
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
