// runtime-api.mjs — the JS API suite (api-suite.mjs) as a plain script that
// runs unchanged under Node, Deno and Bun: the package's ES module with the
// default init() (or the js.FuncOf path when RV_FAST_PATH=0, as in
// api.test.mjs), and the in-page harness (browser/harness.mjs) in place of
// node:test, whose support differs between runtimes. Prints each failure and
// a closing `N passed, N failed`; exits 1 on any failure or if no test ran.
//
//   node js/test/runtime-api.mjs
//   deno run --allow-read --allow-env js/test/runtime-api.mjs
//   RV_FAST_PATH=0 bun js/test/runtime-api.mjs
// (runtime-matrix.mjs runs it under every runtime of runtimes.mjs.)
import process from 'node:process';
import * as lib from '../index.js';
import { apiSuite } from './api-suite.mjs';
import { createHarness } from './browser/harness.mjs';

const fastPath = process.env.RV_FAST_PATH !== '0';
const h = createHarness({ log: (m) => console.log(m) });
h.test(`init(${fastPath ? '' : '{ fastPath: false }'}) resolves { memory }`, async () => {
  const out = await lib.default(fastPath ? undefined : { fastPath: false });
  h.assert.ok(out.memory instanceof WebAssembly.Memory, 'init() resolves { memory: WebAssembly.Memory }');
});
await h.finish();
try {
  await apiSuite(lib, { test: h.test, assert: h.assert });
} catch (e) {
  h.error('api suite', e);
}
const result = await h.finish();
for (const f of result.failures) console.log(`FAIL ${f.name}\n  ${f.message}`);
console.log(`${result.passed} passed, ${result.failed} failed`);
process.exitCode = result.failed || result.passed === 0 ? 1 : 0;
