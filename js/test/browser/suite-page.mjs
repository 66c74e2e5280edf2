// Runs js/test/api-suite.mjs in a page or worker with the in-page harness.
// `lib` must look like the ES module namespace (init as `default`).

import { createHarness } from './harness.mjs';

export { failureResult, publish, runPage } from './page.mjs';

async function loadApiSuite() {
  const mod = await import('/js/test/api-suite.mjs');
  if (typeof mod.apiSuite !== 'function') throw new TypeError('api-suite.mjs does not export apiSuite()');
  return mod.apiSuite;
}

// Checks the value init()/initSync() resolved to, then runs the API suite.
export async function runApiSuite(lib, initResult, label = 'init') {
  const h = createHarness({ log: (m) => console.log(m) });
  h.test(`${label} resolves { memory: WebAssembly.Memory }`, () => {
    h.assert.ok(initResult && initResult.memory instanceof WebAssembly.Memory, `got ${String(initResult)}`);
  });
  try {
    const apiSuite = await loadApiSuite();
    await apiSuite(lib, { test: h.test, assert: h.assert });
  } catch (e) {
    h.error('api suite', e);
  }
  return h.finish();
}

