// differential.html: runs differential-core.mjs with the in-page harness.
import init, * as ours from '/js/index.js';
import refInit, * as ref from '/node_modules/@ruvector/learning-wasm/ruvector_learning_wasm.js';
import { differentialSuite, FIXED_SEEDS, DEFAULT_STEPS } from '/js/test/differential-core.mjs';
import { createHarness, runPage } from './page.mjs';

runPage(async () => {
  const params = new URLSearchParams(location.search);
  const seeds = params.get('seeds')?.split(',').map((s) => Number(s) >>> 0) ?? [...FIXED_SEEDS, Date.now() % 0x100000000];
  const steps = Number(params.get('steps') ?? DEFAULT_STEPS);
  console.log(`differential: seeds=${seeds.join(',')} steps=${steps}`);
  await init();
  const refWasm = await refInit({ module_or_path: '/node_modules/@ruvector/learning-wasm/ruvector_learning_wasm_bg.wasm' });
  const h = createHarness({ log: (m) => console.log(m) });
  differentialSuite({ ours, ref, refMemory: refWasm.memory, seeds, steps }, { test: h.test, assert: h.assert });
  return h.finish();
});
