// bad-input.html: runs bad-input-core.mjs with the in-page harness on the
// default init() of the ES module (the fast path).
import init, * as lib from '/js/index.js';
import { badInputMatrix } from '/js/test/bad-input-core.mjs';
import { createHarness, runPage } from './page.mjs';

runPage(async () => {
  const { memory } = await init();
  const h = createHarness({ log: (m) => console.log(m) });
  badInputMatrix({ fast: { name: 'fast', lib, memory } }, { test: h.test, assert: h.assert });
  return h.finish();
});
