// Classic loader and ES module in one realm: two independent instances.

import init, { WasmMicroLoRA } from '/js/index.js';
import { createHarness, runPage } from './page.mjs';

const X = [1, 2, 3, 4];

runPage(async () => {
  const h = createHarness({ log: (m) => console.log(m) });
  const { assert } = h;
  h.test('classic.js and index.js side by side', async () => {
    const C = globalThis.ruvectorLearning;
    assert.ok(C, 'globalThis.ruvectorLearning');
    const c = await C.init();
    const cl = new C.WasmMicroLoRA(4);
    cl.adapt_array(X);
    const e = await init();
    assert.notStrictEqual(e.memory, c.memory, 'separate instances');
    const el = new WasmMicroLoRA(4);
    assert.strictEqual(el.adapt_count(), 0n);
    assert.ok(!(el instanceof C.WasmMicroLoRA), 'classes are distinct');
    cl.adapt_array(X);
    el.adapt_array(X);
    el.adapt_array(X);
    assert.strictEqual(cl.adapt_count(), 2n, 'classic object after the ES module started');
    assert.deepStrictEqual(cl.forward_array(X), el.forward_array(X), 'same math in both');
    assert.strictEqual(cl.memory, c.memory);
    assert.strictEqual(el.memory, e.memory);
    cl.free();
    el.free();
  });
  return h.finish();
});
