// The bare globals, however the Go program was started. Run by hand
// (wasm_exec.js, new Go(), go.run), the program defines them itself
// (cmd/wasm: defineGlobals); started by a loader (js/classic.js), it leaves
// them to the loader's accessors, which have Go define a name (rv_global)
// the first time it is read or assigned. Either way: the three class names
// and __ruvectorLearningGo are enumerable, configurable accessors until
// first used; reading any class name registers all three; assigning one
// first keeps the value assigned; the newest program's names win.
//
//   node --test js/test/globals.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as lib from '../index.js';
import { WASM_PATH, createLoader } from './robust-helpers.mjs';

const CLASSES = ['WasmMicroLoRA', 'WasmScopedLoRA', 'WasmTrajectoryBuffer'];
const HOOKS = '__ruvectorLearningGo', LOADER = '__ruvectorLearningLoader';
const bytes = fs.readFileSync(WASM_PATH);

/** Starts a program by hand, with no loader, as script-tag users of Go wasm do. */
async function runByHand() {
  const go = new globalThis.Go();
  const { instance } = await WebAssembly.instantiate(bytes, go.importObject);
  go.run(instance);
  return instance;
}

/** Asserts that each of names is an enumerable, configurable accessor. */
function assertAccessors(names) {
  for (const name of names) {
    const d = Object.getOwnPropertyDescriptor(globalThis, name);
    assert.ok(d, `${name} is defined`);
    assert.equal(typeof d.get, 'function', `${name} has a getter`);
    assert.equal(typeof d.set, 'function', `${name} has a setter`);
    assert.equal(d.enumerable, true, `${name} is enumerable`);
    assert.equal(d.configurable, true, `${name} is configurable`);
  }
}

/** Asserts that name is a plain, writable, enumerable, configurable property holding value. */
function assertPlain(name, value) {
  const d = Object.getOwnPropertyDescriptor(globalThis, name);
  assert.deepEqual(d, { value, writable: true, enumerable: true, configurable: true }, name);
}

/** Asserts that the hooks are this program's: memoryLimitForTests reports its budget. */
function assertHooks(hooks) {
  assert.equal(typeof hooks.exit, 'function');
  const r = hooks.memoryLimitForTests();
  assert.ok(r.limit > 0 && r.live >= 0, JSON.stringify(r));
}

test('run by hand, the program defines the globals as accessors; a read registers every class', async () => {
  const instance = await runByHand();
  assert.ok(!(LOADER in globalThis));
  assertAccessors(CLASSES);
  assertHooks(globalThis[HOOKS]);
  const M = globalThis.WasmMicroLoRA;
  assert.equal(typeof M, 'function');
  for (const name of CLASSES) assertPlain(name, globalThis[name]);
  const m = new M(4);
  assert.equal(m.dim(), 4);
  m.free();
  assert.ok(instance.exports.mem instanceof WebAssembly.Memory);
});

test('started by init, the loader defines them, and its program\'s classes replace the last one\'s', async () => {
  const before = globalThis.WasmMicroLoRA;
  await lib.default({ module_or_path: bytes });
  assert.ok(!(LOADER in globalThis), 'the marker is gone once the program has started');
  assertAccessors([...CLASSES, HOOKS]);
  const M = globalThis.WasmMicroLoRA;
  assert.equal(typeof M, 'function');
  assert.notEqual(M, before, 'the newest program\'s class');
  for (const name of CLASSES) assertPlain(name, globalThis[name]);
  const m = new M(8, 0.5, 0.1), twin = new lib.WasmMicroLoRA(8, 0.5, 0.1);
  const x = Float32Array.from({ length: 8 }, (_, i) => i - 3);
  assert.deepEqual(Array.from(m.forward_array(x)), Array.from(twin.forward_array(x)));
  m.free();
  twin.free();
});

test('a loader\'s hooks are its program\'s; assigned, they hold the value assigned', async () => {
  const loader = createLoader();
  await loader.init();
  assertAccessors([...CLASSES, HOOKS]);
  const hooks = globalThis[HOOKS];
  assertPlain(HOOKS, hooks);
  assertHooks(hooks);
  const limit = hooks.memoryLimitForTests(1 << 20).limit;
  assert.equal(limit, 1 << 20, 'the limit set is the one in force');
  hooks.memoryLimitForTests();
  globalThis[HOOKS] = 7;
  assertPlain(HOOKS, 7);
});

test('assigned before it is read, a class name keeps the value, and the other names hold classes', async () => {
  const loader = createLoader();
  await loader.init();
  assertAccessors(CLASSES);
  globalThis.WasmScopedLoRA = 42;
  assertPlain('WasmScopedLoRA', 42);
  for (const name of ['WasmMicroLoRA', 'WasmTrajectoryBuffer']) {
    assertPlain(name, globalThis[name]);
    assert.equal(typeof globalThis[name], 'function', name);
  }
  assertPlain('WasmScopedLoRA', 42); // registering the others kept it
  const t = new globalThis.WasmTrajectoryBuffer(4, 2);
  assert.equal(t.embedding_dim(), 2);
  t.free();
});
