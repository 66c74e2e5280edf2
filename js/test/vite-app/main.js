// Bundled by Vite (vite.mjs), or served by its dev server: the package is imported by its name, resolved
// through package.json "exports" (self-reference), and the default init()
// URL (new URL('./ruvector_learning.wasm', import.meta.url)) must have been
// rewritten to an emitted asset. Publishes window.__result for run.mjs.

import init, { WasmMicroLoRA, WasmScopedLoRA, WasmTrajectoryBuffer } from 'ruvector-learning-wasm';
import { createHarness, runPage } from '../browser/page.mjs';

function checks({ test, assert }, memory) {
  test('init() resolves { memory }', () => {
    assert.ok(memory instanceof WebAssembly.Memory);
  });

  test('the wasm came from an emitted asset (build) or the package dir (dev)', () => {
    const wasm = performance.getEntriesByType('resource').filter((e) => /\.wasm(\?|$)/.test(e.name));
    assert.strictEqual(wasm.length, 1, `wasm requests: ${wasm.map((e) => e.name).join(', ')}`);
    const where = import.meta.env.PROD ? /^\/assets\/.*\.wasm$/ : /\/js\/ruvector_learning\.wasm$/;
    assert.match(new URL(wasm[0].name).pathname, where);
  });

  test('WasmMicroLoRA learns', () => {
    const l = new WasmMicroLoRA(8);
    const x = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    assert.deepStrictEqual(l.forward_array(x), x);
    l.adapt_array(x);
    assert.strictEqual(l.adapt_count(), 1n);
    assert.ok(l.delta_norm() > 0);
    assert.strictEqual(l.memory, memory);
    assert.throws(() => l.adapt_array([1, 2]), RangeError);
    l.free();
  });

  test('WasmScopedLoRA and WasmTrajectoryBuffer', () => {
    assert.strictEqual(WasmScopedLoRA.scope_name(2), 'HnswScan');
    const s = new WasmScopedLoRA(4);
    assert.strictEqual(s.forward_array(5, [1, 2, 3, 4]).length, 4);
    s.free();
    const b = new WasmTrajectoryBuffer(4, 4);
    b.record([1, 2, 3, 4], 1, 0, 10, 15);
    assert.strictEqual(b.total_count(), 1n);
    b.free();
  });
}

runPage(async () => {
  const { memory } = await init();
  const h = createHarness({ log: (m) => console.log(m) });
  checks(h, memory);
  return h.finish();
});
