// Objects dropped without free() must be released by the FinalizationRegistry:
// allocating ~300 MB worth of adapters in rounds, with gc() between rounds,
// must leave wasm memory far below that. A live object survives the churn.

import init, { WasmMicroLoRA } from '/js/index.js';
import { createHarness, runPage } from './page.mjs';

const DIM = 2048;
const PER_ROUND = 200; // ~10 MB of adapter state per round
const ROUNDS = 30;
const LIMIT_MIB = 150; // without release the memory would pass 300 MiB

const tick = () => new Promise((r) => setTimeout(r, 0));
const mib = (memory) => memory.buffer.byteLength / 2 ** 20;

async function churn() {
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < PER_ROUND; i++) new WasmMicroLoRA(DIM).forward_array(new Float32Array(DIM));
    globalThis.gc();
    await tick();
    await tick();
  }
}

runPage(async () => {
  const { memory } = await init();
  const h = createHarness({ log: (m) => console.log(m) });
  h.test('unfreed objects are released after GC; live ones keep working', async () => {
    h.assert.strictEqual(typeof globalThis.gc, 'function', 'gc() is exposed (--js-flags=--expose-gc)');
    const keep = new WasmMicroLoRA(8);
    keep.adapt_array([1, 2, 3, 4, 5, 6, 7, 8]);
    const before = keep.forward_array([1, 1, 1, 1, 1, 1, 1, 1]);
    await churn();
    h.assert.ok(mib(memory) < LIMIT_MIB, `wasm memory ${mib(memory)} MiB after churn (limit ${LIMIT_MIB})`);
    h.assert.strictEqual(keep.adapt_count(), 1n);
    h.assert.deepStrictEqual(keep.forward_array([1, 1, 1, 1, 1, 1, 1, 1]), before);
    keep.free();
  });
  return h.finish();
});
