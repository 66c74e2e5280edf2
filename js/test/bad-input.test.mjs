// Bad-input matrix (docs/SEMANTICS.md §7 and the JS contract) for every constructor and
// method of WasmMicroLoRA, WasmScopedLoRA and WasmTrajectoryBuffer, run on
// BOTH call paths of our module: the default wasmexport fast path (index.js's
// loader) and the js.FuncOf slow path (a second loader with fastPath: false).
//
// Each row of the table is one bad call. For each row and path:
//   - the call throws the error class the contract names (TypeError for a
//     wrong kind of value, RangeError for a wrong value, Error after free());
//   - the message names class, method and argument, in the contract's form
//     "<Class>.<method>: <argument> <reason> (got <value>)";
//   - nothing changed: the object (and a bystander of another class) is
//     compared, bit for bit, with an identically prepared twin that never saw
//     the bad call, through all getters, its wasm buffers and probe calls;
//   - the module is healthy afterwards: fresh objects give the same
//     fingerprint as before the matrix ran.
//
//   node --test js/test/bad-input.test.mjs
//
// The matrix itself lives in bad-input-core.mjs, shared with the browser page
// (js/test/browser/bad-input.html, run in every engine on the fast path).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPaths } from './robust-helpers.mjs';
import { badInputMatrix } from './bad-input-core.mjs';

badInputMatrix(await loadPaths(), { test, assert });
