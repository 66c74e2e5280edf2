// page.mjs — the browser side of browser.mjs (Chromium, Firefox, WebKit):
// loads ours (../index.js), the reference's ES module with its wasm URL, and
// plain.mjs, runs runBench at one dim and publishes globalThis.__result (or
// globalThis.__benchError); progress lines collect in globalThis.__benchLog
// (WebKit's driver gives no console events, so browser.mjs polls them).
// Query parameters: dim (default 256), rounds, ms (target ms per batch), ops
// (comma-separated op names), aa (1: the reference in ours's place too).

import init, * as ours from '../index.js';
import refInit, * as ref from '../../node_modules/@ruvector/learning-wasm/ruvector_learning_wasm.js';
import * as plain from './plain.mjs';
import { runBench } from './harness.mjs';

const REF_WASM = new URL('../../node_modules/@ruvector/learning-wasm/ruvector_learning_wasm_bg.wasm', import.meta.url);

globalThis.__benchLog = [];

function classes(m) {
  return { WasmMicroLoRA: m.WasmMicroLoRA, WasmScopedLoRA: m.WasmScopedLoRA, WasmTrajectoryBuffer: m.WasmTrajectoryBuffer };
}

function param(name, fallback) {
  const v = Number(new URLSearchParams(location.search).get(name));
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

function log(msg) {
  globalThis.__benchLog.push(msg);
  document.getElementById('log').textContent += `\n${msg}`;
}

async function main() {
  const refExports = await refInit({ module_or_path: REF_WASM });
  const { memory } = await init();
  const impls = {
    reference: { ...classes(ref), memory: refExports.memory },
    ours: new URLSearchParams(location.search).get('aa') === '1' ? { ...classes(ref), memory: refExports.memory } : { ...classes(ours), memory },
    plain: { ...classes(plain), memory: null },
  };
  const ops = new URLSearchParams(location.search).get('ops');
  const result = await runBench({
    impls, dim: param('dim', 256), rounds: param('rounds', 45), targetMs: param('ms', 10),
    only: ops ? ops.split(',') : null, log,
  });
  log(result.markdown);
  globalThis.__result = result;
}

main().catch((e) => {
  console.error(e);
  globalThis.__benchError = String(e && e.stack || e);
});
