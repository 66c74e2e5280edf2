// Memory safety and clean errors (issue 10) in Node, on both paths: the
// suites of js/test/safety-suite.mjs, under node:test.
//
//   node --test js/test/safety.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { loadPaths, createLoader, WASM_PATH } from './robust-helpers.mjs';
import { safetySuite, wrongModuleSuite } from './safety-suite.mjs';

const PATHS = await loadPaths();
for (const p of Object.values(PATHS)) safetySuite({ lib: p.lib, name: p.name, test, assert });

const require = createRequire(import.meta.url);
wrongModuleSuite({
  createLoader,
  ours: fs.readFileSync(WASM_PATH),
  others: [
    ['the reference\'s wasm', fs.readFileSync(require.resolve('@ruvector/learning-wasm/ruvector_learning_wasm_bg.wasm'))],
    ['a wasm with no exports', new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])],
  ],
  test,
  assert,
});
