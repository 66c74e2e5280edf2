// What happens when the Go runtime behind a loader exits
// (globalThis.__ruvectorLearningGo.exit(), a test hook set by the most
// recently started Go instance, makes the Go program return):
//   - from that moment on (same tick included) every method of every object
//     of that instance, its statics and the constructors throw ONE clear
//     plain Error that says the Go runtime has exited;
//   - free() and [Symbol.dispose]() on the old objects are no-ops, `memory`
//     is undefined;
//   - init() / initSync() start a fresh instance whose objects work exactly as
//     objects did before the exit; old objects keep throwing;
//   - a second init() after that is idempotent (same memory, objects keep
//     their state);
//   - another loader in the same realm is not affected.
// Run on both call paths: index.js's loader (fast path) and a second loader
// with { fastPath: false } (slow path).
//
//   node --test js/test/runtime-exit.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as fastLib from '../index.js';
import {
  createLoader, validCalls, vec, readState, probeState, thrownBy, errorKind, showError, WASM_PATH, CLASS_NAMES,
} from './robust-helpers.mjs';

const D = 8;
const E = 3;
const VALID = validCalls(D, E);
const MODULE = new WebAssembly.Module(fs.readFileSync(WASM_PATH));

/** A deterministic little training run on fresh objects; returns them and their fingerprint. */
function trainFresh(lib) {
  const m = new lib.WasmMicroLoRA(D, 0.5, 0.1);
  const s = new lib.WasmScopedLoRA(D, 0.5, 0.1);
  const t = new lib.WasmTrajectoryBuffer(4, E);
  for (let i = 0; i < 6; i++) {
    m.adapt_array(vec(D, i));
    s.adapt_array(i % 3, vec(D, 10 + i));
    t.record(vec(E, i), i % 5, i, 10, 8 + i);
  }
  const objs = { WasmMicroLoRA: m, WasmScopedLoRA: s, WasmTrajectoryBuffer: t };
  return { objs, print: fingerprint(objs) };
}

function fingerprint(objs) {
  return CLASS_NAMES.map((cls) => probeState(cls, objs[cls], E)).join('\n');
}

/** Problems with "fn throws one plain Error saying the Go runtime has exited", or null. */
function exitedProblem(fn) {
  const e = thrownBy(fn);
  if (errorKind(e) !== 'Error') return showError(e);
  if (!/Go runtime/.test(e.message) || !/exited/.test(e.message)) return `message "${e.message}"`;
  return null;
}

/** Every method, static and constructor that must throw the exited Error; returns the problems. */
function exitedProblems(lib, objs) {
  const problems = [];
  const check = (label, fn) => {
    const p = exitedProblem(fn);
    if (p) problems.push(`${label}: ${p}`);
  };
  for (const cls of CLASS_NAMES) {
    for (const [method, args] of Object.entries(VALID[cls])) check(`${cls}.${method}`, () => objs[cls][method](...args));
    check(`new ${cls}()`, () => new lib[cls]());
    check(`new ${cls}(bad arguments)`, () => new lib[cls]('x'));
  }
  check('WasmScopedLoRA.scope_name(1)', () => lib.WasmScopedLoRA.scope_name(1));
  return problems;
}

/** free(), [Symbol.dispose]() and memory on objects of an exited instance. */
function assertInert(objs) {
  for (const cls of CLASS_NAMES) {
    const o = objs[cls];
    assert.equal(o.memory, undefined, `${cls}.memory is undefined`);
    assert.equal(showError(thrownBy(() => o.free())), 'no error', `${cls}.free() is a no-op`);
    assert.equal(showError(thrownBy(() => o[Symbol.dispose]())), 'no error', `${cls}[Symbol.dispose]() is a no-op`);
  }
}

const macrotask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The exit hook of the instance owning memory. __ruvectorLearningGo belongs to
 * the most recently started Go instance, so call this right after the init()
 * that started it (before another loader starts one).
 */
const HOOKS = new Map();
function hookFor(memory) {
  if (!HOOKS.has(memory)) HOOKS.set(memory, globalThis.__ruvectorLearningGo);
  return HOOKS.get(memory);
}

/**
 * The whole story on one loader: lib has { init, initSync, classes },
 * initOptions selects its path.
 */
async function exitStory(t, lib, initOptions, otherLib) {
  const first = await lib.init(initOptions);
  const go = hookFor(first.memory);
  const before = trainFresh(lib);
  const old = trainFresh(lib).objs;
  const bystander = otherLib ? trainFresh(otherLib) : null;

  go.exit();
  assert.deepEqual(exitedProblems(lib, old), [], 'same tick as exit(): everything throws the exited Error');
  await null;
  assert.deepEqual(exitedProblems(lib, old), [], 'after a microtask');
  await macrotask();
  assert.deepEqual(exitedProblems(lib, old), [], 'after a macrotask');
  assertInert(old);

  if (bystander) {
    const again = trainFresh(otherLib);
    assert.equal(fingerprint(bystander.objs), fingerprint(again.objs), 'the other loader is unaffected');
  }

  const second = await lib.init(initOptions);
  hookFor(second.memory);
  assert.ok(second.memory instanceof WebAssembly.Memory, 'init() resolves { memory }');
  assert.notEqual(second.memory, first.memory, 'init() started a fresh instance');
  const fresh = trainFresh(lib);
  assert.equal(fresh.print, before.print, 'objects of the fresh instance behave as before the exit');
  assert.equal(fresh.objs.WasmMicroLoRA.memory, second.memory, 'new objects carry the new memory');

  const problems = exitedProblems(lib, old).filter((p) => !p.startsWith('new ') && !p.startsWith('WasmScopedLoRA.scope_name'));
  assert.deepEqual(problems, [], 'old objects keep throwing the exited Error after init()');

  const keep = readState('WasmMicroLoRA', fresh.objs.WasmMicroLoRA);
  const third = await lib.init(initOptions);
  const fourth = lib.initSync({ module: MODULE, ...(initOptions ?? {}) });
  assert.equal(third.memory, second.memory, 'a second init() is idempotent');
  assert.equal(fourth.memory, second.memory, 'initSync() too');
  assert.equal(readState('WasmMicroLoRA', fresh.objs.WasmMicroLoRA), keep, 'objects keep their state');
  t.diagnostic(`exit story done on ${initOptions ? 'the slow' : 'the fast'} path`);
}

test('runtime exit [fast]: after exit() everything throws, init() starts afresh, old objects stay dead', async (t) => {
  await exitStory(t, { ...fastLib, init: fastLib.default }, undefined, null);
});

let slowLib;
test('runtime exit [slow]: the same on the js.FuncOf path; the other loader in the realm is unaffected', async (t) => {
  const fastMemory = (await fastLib.default()).memory; // the bystander loader (idempotent if already started)
  hookFor(fastMemory);
  slowLib = createLoader();
  await exitStory(t, slowLib, { fastPath: false }, { ...fastLib, init: fastLib.default });
});

test('runtime exit: repeated exit/init cycles with init() and initSync(), both paths', async () => {
  const loaders = [[{ ...fastLib, init: fastLib.default }, undefined], [slowLib ?? createLoader(), { fastPath: false }]];
  for (const [lib, options] of loaders) {
    const graveyard = [];
    for (let cycle = 0; cycle < 3; cycle++) {
      const { memory } = cycle % 2 ? lib.initSync({ module: MODULE, ...(options ?? {}) }) : await lib.init(options);
      const go = hookFor(memory);
      const run = trainFresh(lib);
      assert.equal(run.objs.WasmMicroLoRA.memory, memory, `cycle ${cycle}: objects on the current instance`);
      graveyard.push(trainFresh(lib).objs);
      go.exit();
      for (const objs of graveyard) {
        const p = exitedProblems(lib, objs).filter((s) => !s.startsWith('new ') && !s.startsWith('WasmScopedLoRA.scope_name'));
        assert.deepEqual(p, [], `cycle ${cycle}: objects of every exited instance throw`);
      }
    }
    hookFor((await lib.init(options)).memory);
    assert.equal(new lib.WasmMicroLoRA(4).dim(), 4, 'works after the last cycle');
  }
});

test('runtime exit: init()/initSync() right after exit(), with no call in between, start a fresh instance', async () => {
  const loaders = [[{ ...fastLib, init: fastLib.default }, undefined], [slowLib ?? createLoader(), { fastPath: false }]];
  for (const [lib, options] of loaders) {
    for (const how of ['init()', 'initSync()']) {
      const start = () => (how === 'init()' ? lib.init(options) : lib.initSync({ module: MODULE, ...(options ?? {}) }));
      const { memory: before } = await lib.init(options);
      hookFor(before).exit();
      const { memory: after } = await start();
      hookFor(after);
      assert.notEqual(after, before, `${how} in the same tick as exit() gave the exited instance (${options ? 'slow' : 'fast'} loader)`);
      const m = new lib.WasmMicroLoRA(4);
      assert.equal(m.memory, after, 'new objects live on the fresh instance');
      assert.equal(m.forward_array([1, 2, 3, 4]).join(), '1,2,3,4');
    }
  }
});
