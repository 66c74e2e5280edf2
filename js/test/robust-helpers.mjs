// Shared helpers for the robustness tests (bad-input, property, memory,
// runtime-exit): the two loaders of our module (wasmexport fast path and
// js.FuncOf slow path) side by side in one realm, the reference package, and
// bit-exact snapshots of every observable piece of an object's state.
//
//   const { fast, slow } = await loadPaths();   // { name, lib, memory }
//   const ref = await loadReference();          // { name, lib, memory }
//   readState(cls, obj)                          // read-only snapshot (string)
//   probeState(cls, obj)                         // + probe calls (mutates!)
//
// Not a test file itself (no .test.mjs suffix). The environment-neutral part
// (everything but the loaders) is robust-values.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as fastLib from '../index.js';

export const JS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WASM_PATH = path.join(JS_DIR, 'ruvector_learning.wasm');
export const INDEX_PATH = path.join(JS_DIR, 'index.js');

// The values, snapshots and error helpers are environment-neutral and live in
// robust-values.mjs (browser pages use them too); re-exported here.
export * from './robust-values.mjs';

// ---- loaders ---------------------------------------------------------------------

/** A second, independent loader in this realm (classic.js is loaded by index.js). */
export function createLoader() {
  return globalThis.__ruvectorLearningCreate(() => pathToFileURL(WASM_PATH));
}

/**
 * Our module twice: `fast` is index.js's loader on the default (wasmexport)
 * path, `slow` a second loader kept on the js.FuncOf path.
 */
export async function loadPaths() {
  const fastInit = await fastLib.default();
  const slowLib = createLoader();
  const slowInit = await slowLib.init({ fastPath: false });
  return {
    fast: { name: 'fast', lib: fastLib, memory: fastInit.memory },
    slow: { name: 'slow', lib: slowLib, memory: slowInit.memory },
  };
}

/** The reference @ruvector/learning-wasm@0.1.29, loaded with initSync (its init() fails in Node 20). */
export async function loadReference() {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('@ruvector/learning-wasm/package.json'));
  const lib = await import(pathToFileURL(path.join(dir, 'ruvector_learning_wasm.js')).href);
  const { memory } = lib.initSync({ module: fs.readFileSync(path.join(dir, 'ruvector_learning_wasm_bg.wasm')) });
  return { name: 'ref', lib, memory };
}
