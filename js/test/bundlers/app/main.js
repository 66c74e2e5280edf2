// The bundled app: imports the package by name (installed from the packed
// tarball), starts it with the default init(), computes the numbers of
// compute.js and publishes them for the test as globalThis.__result (with
// the URLs of the .wasm it fetched).
import init, * as lib from 'ruvector-learning-wasm';
import { compute } from './compute.js';

function publish(result) {
  globalThis.__result = result;
  document.getElementById('out').textContent = JSON.stringify(result, null, 2);
}

init().then(
  ({ memory }) => {
    const wasm = performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\.wasm(\?|$)/.test(n));
    publish({ ok: memory instanceof WebAssembly.Memory, wasm, values: compute(lib) });
  },
  (e) => publish({ ok: false, error: `${e.name}: ${e.message}` }),
);
