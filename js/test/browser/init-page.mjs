// (f) Runs one init variant (init-cases.mjs) with the ES module or the classic
// loader, then smoke-tests the instance it produced.

import { findCase } from './init-cases.mjs';
import { createHarness, runPage } from './page.mjs';

function loadClassicScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = resolve;
    s.onerror = () => reject(new Error(`failed to load ${src}`));
    document.head.appendChild(s);
  });
}

// Both loaders as { init, initSync, WasmMicroLoRA, ... }.
async function loadLib(loader) {
  if (loader === 'esm') {
    const ns = await import('/js/index.js');
    return { ...ns, init: ns.default };
  }
  await loadClassicScript('/js/wasm_exec.js');
  await loadClassicScript('/js/classic.js');
  if (!globalThis.ruvectorLearning) throw new Error('classic.js did not define globalThis.ruvectorLearning');
  return globalThis.ruvectorLearning;
}

// The instance works: memory is shared with objects, forward via memory and
// forward_array agree, learning changes the output.
function smoke(lib, out, assert) {
  assert.ok(out && out.memory instanceof WebAssembly.Memory, 'init result has { memory: WebAssembly.Memory }');
  const l = new lib.WasmMicroLoRA(8, 0.5, 0.05);
  try {
    assert.strictEqual(l.memory, out.memory, 'lora.memory is the memory init resolved');
    const x = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    assert.deepStrictEqual(l.forward_array(x), x, 'identity before learning');
    l.adapt_array(x);
    assert.strictEqual(l.adapt_count(), 1n);
    const y = l.forward_array(x);
    assert.notDeepStrictEqual(y, x, 'output changes after adapt');
    new Float32Array(out.memory.buffer, l.get_input_ptr(), 8).set(x);
    l.forward();
    assert.deepStrictEqual(new Float32Array(out.memory.buffer, l.get_output_ptr(), 8).slice(), y, 'forward() via memory = forward_array()');
  } finally {
    l.free();
  }
}

runPage(async () => {
  const params = new URLSearchParams(location.search);
  const c = findCase(params.get('case'));
  const loader = params.get('loader') ?? 'esm';
  if (!c) throw new Error(`unknown case ${params.get('case')}`);
  document.title = `init ${c.name} (${loader})`;
  const h = createHarness({ log: (m) => console.log(m) });
  h.test(`${c.name} (${loader})`, async () => {
    const lib = await loadLib(loader);
    smoke(lib, await c.run(lib, h.assert), h.assert);
  });
  return h.finish();
});
