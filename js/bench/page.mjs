// page.mjs — the Chromium side of browser.mjs: loads ours (../index.js), the
// reference's ES module with its wasm URL, and plain.mjs, runs runBench and
// publishes window.benchResult (or window.benchError). Query parameters:
// rounds, ms (target ms per batch), ops (comma-separated op names).

import init, * as ours from '../index.js';
import refInit, * as ref from '../../node_modules/@ruvector/learning-wasm/ruvector_learning_wasm.js';
import * as plain from './plain.mjs';
import { runBench, wasmIO, plainIO } from './harness.mjs';

const REF_WASM = new URL('../../node_modules/@ruvector/learning-wasm/ruvector_learning_wasm_bg.wasm', import.meta.url);

function classes(m) {
  return { WasmMicroLoRA: m.WasmMicroLoRA, WasmScopedLoRA: m.WasmScopedLoRA, WasmTrajectoryBuffer: m.WasmTrajectoryBuffer };
}

function param(name, fallback) {
  const v = Number(new URLSearchParams(location.search).get(name));
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

function log(msg) {
  console.log(`bench: ${msg}`);
  document.getElementById('log').textContent += `\n${msg}`;
}

async function main() {
  const refExports = await refInit({ module_or_path: REF_WASM });
  const { memory } = await init();
  const impls = {
    reference: { ...classes(ref), io: wasmIO(refExports.memory) },
    ours: { ...classes(ours), io: wasmIO(memory) },
    plain: { ...classes(plain), io: plainIO },
  };
  const ops = new URLSearchParams(location.search).get('ops');
  const result = await runBench({
    impls, rounds: param('rounds', 45), targetMs: param('ms', 10), only: ops ? ops.split(',') : null, log,
  });
  log(result.markdown);
  window.benchResult = result;
}

main().catch((e) => {
  console.error(e);
  window.benchError = String(e && e.stack || e);
});
