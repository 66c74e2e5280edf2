// Child process of memory.test.mjs (run with `node --expose-gc`): one
// scenario on one fresh module instance, printing one JSON line of
// measurements of the wasm memory (memory.buffer.byteLength, in bytes).
//
//   node --expose-gc js/test/memory-child.mjs <scenario> <fast|slow> [count]
//
// Scenarios:
//   scoped-churn   create + use + free() WasmScopedLoRA(256), count times
//   micro-drop     create + use WasmMicroLoRA(256) and drop it WITHOUT free(),
//                  count times, with gc() + a macrotask every GC_EVERY objects
//   hot-calls      count hot calls (forward, forward_array, adapt, adapt_array,
//                  adapt_with_reward, scoped forward/adapt, record, getters)
// Every loop is bounded by count; nothing here asserts (the parent does).
import * as lib from '../index.js';

const [scenario, pathName = 'fast', countArg] = process.argv.slice(2);
const { memory } = await lib.default(pathName === 'slow' ? { fastPath: false } : undefined);
const size = () => memory.buffer.byteLength;
const GC_EVERY = 2000;

if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');

function vec(n, seed) {
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) v[i] = Math.sin(seed * 12.9898 + i * 78.233) * 1.5 || 0.25;
  return v;
}

const macrotask = () => new Promise((resolve) => setTimeout(resolve, 0));

async function settle() {
  globalThis.gc();
  await macrotask(); // lets the FinalizationRegistry callbacks run
  globalThis.gc();
  await macrotask();
}

/** create/use/free() cycles of WasmScopedLoRA(256). */
async function scopedChurn(count) {
  const g = vec(256, 1);
  const cycle = (i) => {
    const s = new lib.WasmScopedLoRA(256);
    s.adapt_array(i % 17, g);
    s.forward(i % 17);
    s.free();
  };
  const warm = Math.min(1000, count);
  for (let i = 0; i < warm; i++) cycle(i);
  await settle();
  const afterWarmup = size();
  let peak = afterWarmup;
  for (let i = 0; i < count; i++) {
    cycle(i);
    if (i % 1000 === 999) peak = Math.max(peak, size());
  }
  await settle();
  return { afterWarmup, after: size(), peak, cycles: count };
}

/** WasmMicroLoRA(256) objects dropped without free(); sizes at each third. */
async function microDrop(count) {
  const g = vec(256, 2);
  const start = size();
  const thirds = [];
  for (let i = 0; i < count; i++) {
    const m = new lib.WasmMicroLoRA(256);
    m.adapt_array(g);
    if (i % GC_EVERY === GC_EVERY - 1) await settle();
    if ((i + 1) % Math.ceil(count / 3) === 0) thirds.push(size());
  }
  await settle();
  return { start, thirds, end: size(), objects: count, gcEvery: GC_EVERY };
}

/** One round of hot calls on a fixed set of objects; returns the number of calls made. */
function makeHotRound() {
  const d = 256;
  const m = new lib.WasmMicroLoRA(d, 0.1, 0.01);
  const s = new lib.WasmScopedLoRA(d, 0.1, 0.01);
  const t = new lib.WasmTrajectoryBuffer(100, d);
  const x = vec(d, 3);
  const g = vec(d, 4);
  const mIn = () => new Float32Array(memory.buffer, m.get_input_ptr(), d);
  const sIn = () => new Float32Array(memory.buffer, s.get_input_ptr(), d);
  mIn().set(g);
  sIn().set(g);
  let sink = 0;
  const calls = [
    () => m.forward(),
    () => { sink += m.forward_array(x)[0]; },
    () => m.adapt(),
    () => m.adapt_array(g),
    () => m.adapt_with_reward(0.5),
    (i) => s.forward(i % 17),
    (i) => s.adapt(i % 17),
    (i) => { sink += s.forward_array(i % 17, x)[1]; },
    (i) => s.adapt_with_reward(i % 17, 1.5),
    (i) => t.record(x, i % 17, i % 8, 10, 12),
    () => { sink += m.delta_norm(); },
    () => { sink += Number(m.forward_count()) + Number(m.adapt_count()); },
    (i) => { sink += s.delta_norm(i % 17) + Number(s.forward_count(i % 17)) + Number(s.total_adapt_count()); },
    () => { sink += t.mean_improvement() + t.len() + Number(t.total_count()) + t.variance(); },
    (i) => { sink += t.count_by_operator(i % 17) + t.high_quality_count(0.5); },
  ];
  return {
    calls: calls.length,
    run(n, offset) {
      for (let i = 0; i < n; i++) calls[i % calls.length](offset + i);
      return sink;
    },
  };
}

/** count hot calls after a warm-up of count/10; sizes before and after. */
async function hotCalls(count) {
  const round = makeHotRound();
  round.run(Math.max(1000, count / 10), 0);
  await settle();
  const before = size();
  const chunk = 50_000;
  let peak = before;
  for (let done = 0; done < count; done += chunk) {
    round.run(Math.min(chunk, count - done), done);
    peak = Math.max(peak, size());
  }
  const after = size();
  return { before, after, peak, calls: count };
}

const SCENARIOS = { 'scoped-churn': scopedChurn, 'micro-drop': microDrop, 'hot-calls': hotCalls };
const DEFAULT_COUNTS = { 'scoped-churn': 20_000, 'micro-drop': 60_000, 'hot-calls': 1_500_000 };
if (!SCENARIOS[scenario]) throw new Error(`unknown scenario ${scenario}`);
const count = Number(countArg || DEFAULT_COUNTS[scenario]);
const started = Date.now();
const result = await SCENARIOS[scenario](count);
console.log(JSON.stringify({ scenario, path: pathName, ...result, seconds: (Date.now() - started) / 1000 }));
