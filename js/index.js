// ruvector-learning-wasm — the ES module entry point.
//
//   import init, { WasmMicroLoRA } from 'ruvector-learning-wasm';
//   await init();                      // Node, browsers, workers and bundlers
//
// wasm_exec.js (Go's runtime glue, copied at build time) defines globalThis.Go;
// classic.js holds the loader and the classes shared with script-tag users.
import './wasm_exec.js';
import './classic.js';

const api = globalThis.__ruvectorLearningCreate(() => new URL('./ruvector_learning.wasm', import.meta.url));

export default api.init;
export const { initSync, WasmMicroLoRA, WasmScopedLoRA, WasmTrajectoryBuffer } = api;
