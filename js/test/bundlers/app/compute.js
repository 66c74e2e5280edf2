// The numbers the bundled app computes: every class, the array and the
// zero-allocation paths, as JSON-safe strings (float32 values as their bit
// patterns, bigints as decimal). The bundlers' test (../run.mjs) runs this
// same file in Node against the repo's build and compares, value by value,
// with what each bundle computes in the browser.

const bits = (x) => new Uint32Array(Float32Array.of(x).buffer)[0].toString(16).padStart(8, '0');
const allBits = (arr) => Array.from(arr, bits).join(',');

function vec(n, seed) {
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) v[i] = Math.sin(seed * 12.9898 + i * 78.233) * 1.5;
  return v;
}

export function compute({ WasmMicroLoRA, WasmScopedLoRA, WasmTrajectoryBuffer }) {
  const out = {};

  const lora = new WasmMicroLoRA(64, 0.2, 0.05);
  for (let i = 0; i < 5; i++) lora.adapt_array(vec(64, i + 1));
  lora.adapt_with_reward(0.75);
  out.microForward = allBits(lora.forward_array(vec(64, 9)));
  new Float32Array(lora.memory.buffer, lora.get_input_ptr(), 64).set(vec(64, 10));
  lora.forward();
  out.microForwardMemory = allBits(new Float32Array(lora.memory.buffer, lora.get_output_ptr(), 64));
  out.microCounts = `${lora.forward_count()} ${lora.adapt_count()} ${lora.param_count()}`;
  out.microDeltaNorm = bits(lora.delta_norm());
  lora.free();

  const scoped = new WasmScopedLoRA(32);
  for (let op = 0; op < 17; op += 3) scoped.adapt_array(op, vec(32, op + 20));
  out.scopedForward = [2, 5, 9].map((op) => allBits(scoped.forward_array(op, vec(32, op)))).join(';');
  out.scopedCounts = `${scoped.total_forward_count()} ${scoped.total_adapt_count()}`;
  out.scopeName = WasmScopedLoRA.scope_name(5);
  scoped.free();

  const buffer = new WasmTrajectoryBuffer(8, 4);
  for (let i = 0; i < 12; i++) buffer.record(vec(4, i), i % 17, i % 3, 10 + i, 20 + (i % 5));
  out.trajectory = [buffer.total_count(), buffer.len(), bits(buffer.mean_improvement()), bits(buffer.best_improvement()),
    bits(buffer.success_rate()), buffer.best_attention(), bits(buffer.variance()), buffer.high_quality_count(0.3)].join(' ');
  buffer.free();

  let rangeError = '';
  const bad = new WasmMicroLoRA(4);
  try {
    bad.adapt_array([1, 2, 3]);
  } catch (e) {
    rangeError = `${e.name}: ${e.message}`;
  }
  bad.free();
  out.badInput = rangeError;
  return out;
}
