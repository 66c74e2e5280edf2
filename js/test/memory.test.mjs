// Memory behaviour of our module:
//   (a) pointers and views after WebAssembly.Memory growth (in this process,
//       on both call paths): get_input_ptr()/get_output_ptr() do not change,
//       and fresh views over obj.memory.buffer read and write the right data
//       (results compared bit for bit with the reference);
//   (b) lifecycle (child `node --expose-gc`, js/test/memory-child.mjs):
//       20,000 create/free cycles of WasmScopedLoRA(256), and 60,000
//       WasmMicroLoRA(256) dropped without free(), keep wasm memory bounded;
//   (c) hot calls (child): 1.5 million mixed hot calls on the fast path do
//       not grow wasm memory at all; the js.FuncOf path is measured on 20,000
//       calls and only reported.
// Measurements are printed (a table at the end); bounds are generous and no
// assertion depends on timing.
//
//   node --test js/test/memory.test.mjs
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadPaths, loadReference, bitsOf, exact, vec, view } from './robust-helpers.mjs';

const MiB = 2 ** 20;
const CHILD = fileURLToPath(new URL('./memory-child.mjs', import.meta.url));
const CHILD_TIMEOUT_MS = 10 * 60_000;
const PATHS = await loadPaths();
const REF = await loadReference();
const table = []; // [measurement, path, value]

after(() => {
  const rows = table.map(([what, path, value]) => `  ${what.padEnd(62)} ${path.padEnd(5)} ${value}`);
  console.log(`memory measurements:\n${rows.join('\n')}`);
});

const mib = (bytes) => `${(bytes / MiB).toFixed(1)} MiB`;

// ---- (a) growth ---------------------------------------------------------------------------

const D = 64;

/** A trained object of ours and its reference twin, same calls. */
function twins(p, cls, args, train) {
  const ours = new p.lib[cls](...args);
  const ref = new REF.lib[cls](...args);
  train(ours);
  train(ref);
  return { ours, ref };
}

/** Allocates big trajectory buffers until memory has grown by at least minBytes (at most 8). */
function growMemory(p, minBytes) {
  const start = p.memory.buffer.byteLength;
  const big = [];
  while (p.memory.buffer.byteLength < start + minBytes && big.length < 8) {
    const t = new p.lib.WasmTrajectoryBuffer(100_000, 256); // 100 MB of ring storage
    t.record(vec(256, big.length), 3, 1, 2, 3);
    big.push(t);
  }
  return { big, start, grown: p.memory.buffer.byteLength };
}

/** forward() through fresh views of ours and ref; returns [ours bits, ref bits]. */
function zeroCopyForward(pair, x, op) {
  const call = (o) => (op === undefined ? o.forward() : o.forward(op));
  view(pair.ours.memory, pair.ours.get_input_ptr(), D).set(x);
  call(pair.ours);
  view(REF.memory, pair.ref.get_input_ptr(), D).set(x);
  call(pair.ref);
  return [bitsOf(view(pair.ours.memory, pair.ours.get_output_ptr(), D)), bitsOf(view(REF.memory, pair.ref.get_output_ptr(), D))];
}

function trajStats(t) {
  return ['total_count', 'len', 'mean_improvement', 'best_improvement', 'success_rate', 'best_attention', 'variance']
    .map((q) => exact(t[q]())).join(' ') + ` hq=${t.high_quality_count(0.5)} op3=${t.count_by_operator(3)}`;
}

for (const p of Object.values(PATHS)) {
  test(`memory (a) [${p.name}]: pointers fixed and fresh views right after WebAssembly.Memory growth`, () => {
    const micro = twins(p, 'WasmMicroLoRA', [D, 0.5, 0.1], (o) => o.adapt_array(vec(D, 1)));
    const scoped = twins(p, 'WasmScopedLoRA', [D, 0.5, 0.1], (o) => { o.adapt_array(4, vec(D, 2)); o.adapt_array(9, vec(D, 3)); });
    const traj = twins(p, 'WasmTrajectoryBuffer', [8, D], (o) => o.record(vec(D, 4), 3, 2, 10, 12));
    const ptrs = [micro.ours, scoped.ours].map((o) => [o.get_input_ptr(), o.get_output_ptr()]);
    const x1 = vec(D, 5);
    const oldView = view(micro.ours.memory, ptrs[0][0], D);
    oldView.set(x1);
    const oldBuffer = micro.ours.memory.buffer;

    const { big, start, grown } = growMemory(p, 64 * MiB);
    table.push(['(a) memory before -> after growth', p.name, `${mib(start)} -> ${mib(grown)}`]);
    assert.ok(grown >= start + 64 * MiB, `memory grew (${start} -> ${grown})`);
    assert.notEqual(micro.ours.memory.buffer, oldBuffer, 'a new ArrayBuffer after growth');
    assert.equal(oldView.length, 0, 'views made before growth are detached (JS semantics)');

    const ptrsAfter = [micro.ours, scoped.ours].map((o) => [o.get_input_ptr(), o.get_output_ptr()]);
    assert.deepEqual(ptrsAfter, ptrs, 'get_input_ptr()/get_output_ptr() unchanged');
    assert.equal(bitsOf(view(micro.ours.memory, ptrs[0][0], D)), bitsOf(x1), 'a fresh view reads what was written before growth');

    for (let i = 0; i < 5; i++) {
      const x = vec(D, 10 + i);
      const [a, b] = zeroCopyForward(micro, x);
      assert.equal(a, b, `WasmMicroLoRA.forward() through fresh views, round ${i}`);
      assert.equal(bitsOf(micro.ours.forward_array(x)), bitsOf(micro.ref.forward_array(x)), 'forward_array');
      for (const op of [4, 5, 9]) {
        const [c, d] = zeroCopyForward(scoped, x, op);
        assert.equal(c, d, `WasmScopedLoRA.forward(${op}) through fresh views, round ${i}`);
      }
      micro.ours.adapt_array(vec(D, 20 + i));
      micro.ref.adapt_array(vec(D, 20 + i));
      traj.ours.record(x, 3, i, 10, 11 + i);
      traj.ref.record(x, 3, i, 10, 11 + i);
      assert.equal(trajStats(traj.ours), trajStats(traj.ref), 'WasmTrajectoryBuffer stats after growth');
    }
    assert.equal(exact(micro.ours.delta_norm()), exact(micro.ref.delta_norm()), 'delta_norm');

    const bigStats = big.map((t) => `${t.len()} ${exact(t.mean_improvement())}`);
    assert.deepEqual(bigStats, big.map(() => `1 ${exact(Math.fround(Math.fround(3 / 2) - 1))}`), 'the big buffers work');
    for (const o of [...big, micro.ours, scoped.ours, traj.ours, micro.ref, scoped.ref, traj.ref]) o.free();
  });
}

// The engine's memory.buffer, past our own accessor (runtime.js: quickBuffer).
const engineBuffer = Object.getOwnPropertyDescriptor(WebAssembly.Memory.prototype, 'buffer').get;

for (const p of Object.values(PATHS)) {
  test(`memory (a) [${p.name}]: memory.buffer is the engine's buffer before and after growth, from Go and from JS`, () => {
    const memory = p.memory;
    assert.ok(memory instanceof WebAssembly.Memory, 'still a WebAssembly.Memory');
    assert.equal(typeof Object.getOwnPropertyDescriptor(memory, 'buffer')?.get, 'function', 'an own accessor');
    const m = new p.lib.WasmMicroLoRA(D);
    assert.equal(m.memory, memory, 'each object gives the same memory');
    const before = memory.buffer;
    assert.equal(before, engineBuffer.call(memory));
    assert.equal(memory.buffer, before, 'the same buffer while memory keeps its size');
    const { big } = growMemory(p, 16 * MiB); // Go grows it
    assert.equal(before.byteLength, 0, 'the old buffer is detached');
    assert.equal(memory.buffer, engineBuffer.call(memory), 'after growth from Go');
    const pages = memory.grow(1); // JS grows it
    assert.equal(memory.buffer.byteLength, (pages + 1) * 65536, 'after growth from JS');
    assert.equal(memory.buffer, engineBuffer.call(memory));
    const x = vec(D, 7);
    view(memory, m.get_input_ptr(), D).set(x);
    m.forward();
    assert.equal(bitsOf(view(memory, m.get_output_ptr(), D)), bitsOf(m.forward_array(x)), 'views over it work');
    for (const o of [...big, m]) o.free();
  });
}

// ---- (b), (c) children ----------------------------------------------------------------------

/** Runs memory-child.mjs with --expose-gc; resolves its JSON result. */
function child(scenario, path, count) {
  const args = ['--expose-gc', CHILD, scenario, path, ...(count ? [String(count)] : [])];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { timeout: CHILD_TIMEOUT_MS, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`${scenario} ${path}: ${err.message}\n${stderr}`));
      resolve(JSON.parse(stdout.trim().split('\n').pop()));
    });
  });
}

test('memory (b) [fast]: 20,000 create/free cycles of WasmScopedLoRA(256) keep wasm memory bounded', async () => {
  const r = await child('scoped-churn', 'fast');
  table.push(['(b) 20,000 x WasmScopedLoRA(256) create/free: warm -> end', 'fast', `${mib(r.afterWarmup)} -> ${mib(r.after)} (peak ${mib(r.peak)})`]);
  assert.ok(r.after - r.afterWarmup < 64 * MiB, `grew ${mib(r.after - r.afterWarmup)} after warm-up`);
});

test('memory (b) [fast]: 60,000 WasmMicroLoRA(256) dropped without free() are released by the FinalizationRegistry', async () => {
  const r = await child('micro-drop', 'fast');
  const [, second, third] = r.thirds;
  table.push(['(b) 60,000 x WasmMicroLoRA(256) unfreed: start, 1/3, 2/3, end', 'fast',
    [r.start, ...r.thirds].map(mib).join(', ')]);
  assert.ok(r.end < 256 * MiB, `final ${mib(r.end)} (60,000 live objects would need ~480 MiB)`);
  assert.ok(third - second < 32 * MiB, `last third grew ${mib(third - second)}`);
});

test('memory (c) [fast]: 1.5 million hot calls do not grow wasm memory at all', async () => {
  const r = await child('hot-calls', 'fast');
  table.push(['(c) 1.5M hot calls: before -> after', 'fast', `${mib(r.before)} -> ${mib(r.after)} (${r.after - r.before} bytes)`]);
  assert.equal(r.after, r.before, 'memory.buffer.byteLength identical before and after');
});

test('memory (c) [slow]: 20,000 hot calls on the js.FuncOf path (reported, not asserted)', async (t) => {
  const r = await child('hot-calls', 'slow', 20_000);
  const line = `${mib(r.before)} -> ${mib(r.after)} (${r.after - r.before} bytes)`;
  table.push(['(c) 20,000 hot calls: before -> after', 'slow', line]);
  t.diagnostic(`js.FuncOf path: ${line}`);
});
