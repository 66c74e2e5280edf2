// Differential test: this package (../index.js) against the reference
// @ruvector/learning-wasm@0.1.29, through the public JS API of both.
//
// For every seed, a mulberry32 stream drives random sequences of every
// operation of the three classes on twin objects (one ours, one reference,
// built with the same arguments and fed the same inputs): the array path
// (forward_array, adapt_array, record with Float32Array or plain Array) and
// the zero-allocation path (write new Float32Array(memory.buffer,
// get_input_ptr(), dim), call forward()/adapt()/adapt_with_reward(), read
// get_output_ptr()). After every operation all queries of the object are
// compared. Every returned value must be identical: float32 arrays bit for
// bit (Uint32Array views), numbers with Object.is, bigints/booleans/strings
// with ===. Inputs are valid only (no NaN, right lengths, dims <= 256, no
// gradient whose squared norm overflows), so the two must never differ.
//
//   node --test js/test/differential.test.mjs
//   DIFF_SEEDS=1,2,3 DIFF_STEPS=2000 node --test js/test/differential.test.mjs
//   DIFF_INJECT_FAULT=1 ...   self-check: perturbs one of our results; must fail
//   RV_FAST_PATH=0 ...        ours without the loader's wasmexport fast path
//
// Without DIFF_SEEDS the seeds are a fixed list plus one derived from the
// current time; the list is printed so that a failure can be replayed.
//
// The comparison itself lives in differential-core.mjs, shared with the
// browser page (js/test/browser/differential.html, run in every engine).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as ours from '../index.js';
import { differentialSuite, FIXED_SEEDS, DEFAULT_STEPS } from './differential-core.mjs';

// ---- the two implementations ----------------------------------------------------

const require = createRequire(import.meta.url);
const REF_DIR = path.dirname(require.resolve('@ruvector/learning-wasm/package.json'));
const ref = await import(path.join(REF_DIR, 'ruvector_learning_wasm.js'));
const refWasm = ref.initSync({ module: fs.readFileSync(path.join(REF_DIR, 'ruvector_learning_wasm_bg.wasm')) });
// RV_FAST_PATH=0: ours through the js.FuncOf methods only (loader option { fastPath: false }).
await ours.default(process.env.RV_FAST_PATH === '0' ? { fastPath: false } : undefined);

// ---- configuration ----------------------------------------------------------------

const SEEDS = process.env.DIFF_SEEDS
  ? process.env.DIFF_SEEDS.split(',').map((s) => Number(s.trim()) >>> 0)
  : [...FIXED_SEEDS, Date.now() % 0x100000000];
const STEPS = Number(process.env.DIFF_STEPS || DEFAULT_STEPS);

console.log(`differential: DIFF_SEEDS=${SEEDS.join(',')} DIFF_STEPS=${STEPS}`);

differentialSuite({
  ours,
  ref,
  refMemory: refWasm.memory,
  seeds: SEEDS,
  steps: STEPS,
  injectFault: process.env.DIFF_INJECT_FAULT === '1',
}, { test, assert });
