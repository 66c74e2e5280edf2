// Runs the environment-neutral API suite (api-suite.mjs) under node:test
// against this package's ES module (../index.js), plus a few Node-only checks
// of initialisation that need a fresh module instance (child processes).
//
//   node --test js/test/api.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as lib from '../index.js';
import { apiSuite } from './api-suite.mjs';

// RV_FAST_PATH=0 runs the suite on the js.FuncOf methods only (the loader's
// internal { fastPath: false } option) instead of the wasmexport fast path.
const options = process.env.RV_FAST_PATH === '0' ? { fastPath: false } : undefined;
await lib.default(options);
await apiSuite(lib, { test, assert });

// ---- initialisation (each case in a fresh Node process) -----------------------

const INDEX = fileURLToPath(new URL('../index.js', import.meta.url));
const WASM = fileURLToPath(new URL('../ruvector_learning.wasm', import.meta.url));

/** Run an ES-module snippet with `lib` (../index.js) and `fs` in scope; returns its stdout. */
function runFresh(body) {
  const src = `import * as lib from ${JSON.stringify(INDEX)}; import fs from 'node:fs';
const WASM = ${JSON.stringify(WASM)};
${body}`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', src], { encoding: 'utf8' }).trim();
}

test('init: constructing before init() throws an Error that says to call init', () => {
  const out = runFresh(`try { new lib.WasmMicroLoRA(4); console.log('no error'); }
catch (e) { console.log(e.constructor.name + ': ' + e.message); }`);
  assert.match(out, /^Error: .*init\(\)/, out);
  assert.match(out, /initSync\(\)/, out);
});

test('init: a failed init can be retried', () => {
  const out = runFresh(`let first = 'resolved';
try { await lib.default({ module_or_path: new Uint8Array([0, 1, 2, 3]) }); } catch (e) { first = 'rejected'; }
const r = await lib.default();
console.log(first, r.memory instanceof WebAssembly.Memory, new lib.WasmMicroLoRA(3).dim());`);
  assert.equal(out, 'rejected true 3');
});

const INIT_FORMS = {
  'init()': 'await lib.default()',
  'init({ module_or_path: bytes })': 'await lib.default({ module_or_path: fs.readFileSync(WASM) })',
  'init(bytes) (deprecated form)': 'await lib.default(fs.readFileSync(WASM))',
  'init({ module_or_path: path string })': 'await lib.default({ module_or_path: WASM })',
  'init({ module_or_path: file URL })': "await lib.default({ module_or_path: new URL('file://' + WASM) })",
  'init({ module_or_path: WebAssembly.Module })': 'await lib.default({ module_or_path: new WebAssembly.Module(fs.readFileSync(WASM)) })',
  'init({ module_or_path: Promise<bytes> })': 'await lib.default({ module_or_path: fs.promises.readFile(WASM) })',
  'initSync({ module: bytes })': 'lib.initSync({ module: fs.readFileSync(WASM) })',
  'initSync({ module: WebAssembly.Module })': 'lib.initSync({ module: new WebAssembly.Module(fs.readFileSync(WASM)) })',
};

for (const [name, expr] of Object.entries(INIT_FORMS)) {
  test(`init: ${name} resolves { memory }, is idempotent, and the classes work`, () => {
    const out = runFresh(`const a = ${expr};
const b = await lib.default();
const c = lib.initSync({ module: fs.readFileSync(WASM) });
const m = new lib.WasmMicroLoRA(2);
console.log(a.memory instanceof WebAssembly.Memory, a.memory === b.memory, b.memory === c.memory, m.memory === a.memory, m.dim());`);
    assert.equal(out, 'true true true true 2');
  });
}

test('lifecycle: objects that are never freed are released after garbage collection', () => {
  // 3000 unfreed WasmMicroLoRA(8192) hold ~600 MB if nothing is released.
  const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', `
import * as lib from ${JSON.stringify(INDEX)};
const { memory } = await lib.default();
for (let i = 0; i < 3000; i++) {
  new lib.WasmMicroLoRA(8192).adapt_array(new Float32Array(8192).fill(1));
  if (i % 100 === 99) { globalThis.gc(); await new Promise((r) => setTimeout(r, 0)); }
}
console.log(memory.buffer.byteLength);`], { encoding: 'utf8' }).trim();
  assert.ok(Number(out) < 300 * 2 ** 20, `wasm memory ${out} bytes after 3000 unfreed objects`);
});
