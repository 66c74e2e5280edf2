// ruvector-learning-wasm — the ES module entry point.
//
//   import init, { WasmMicroLoRA } from 'ruvector-learning-wasm';
//   await init();                      // Node, browsers, workers and bundlers
//
// js/index.js is wasm_exec.js (Go's runtime glue, copied from GOROOT at
// build time: it defines globalThis.Go), then classic.js (the loader and the
// classes shared with script-tag users), then this file, as make
// concatenates them: one module loads about 1.6 ms sooner in Node than an
// index.js that imports the other two (medians of 40 fresh processes).

const api = globalThis.__ruvectorLearningCreate(() => new URL('./ruvector_learning.wasm', import.meta.url));

export default api.init;
export const { initSync, WasmMicroLoRA, WasmScopedLoRA, WasmTrajectoryBuffer } = api;
