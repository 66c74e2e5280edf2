// (d) Module worker: imports the package entry, default init(), runs the API
// suite with the in-page harness, posts { passed, failed, failures, tests }.

import init, * as lib from '/js/index.js';
import { runApiSuite, failureResult } from './suite-page.mjs';

let result;
try {
  result = await runApiSuite(lib, await init(), 'init() in a module worker');
} catch (e) {
  result = failureResult('worker', e);
}
postMessage(result);
