// harness.mjs — side-by-side benchmark of three implementations of the same
// API: the reference (@ruvector/learning-wasm, Rust), ours (Go → wasm) and
// plain JavaScript (plain.mjs). Environment-neutral: no Node imports, so the
// Node runner (node.mjs) and the browser page (page.mjs, driven in Chromium,
// Firefox and WebKit by browser.mjs) share it.
//
//   const r = await runBench({ impls: { reference, ours, plain }, dim, rounds, targetMs, only, log });
//   (only: an array of op names to time, e.g. ['record']; default all;
//   arrays: true passes plain Arrays where the ops pass Float32Arrays)
//   r.rows, r.markdown, r.method (a sentence on how), r.env, r.config
//   const md = report(title, context, [r, ...])   one file: a table per dim
//
// Dims: BENCH_DIMS (16, 64, 128, 256 against the reference; 1024 and 4096
// against plain JS only). The reference clamps dim to REFERENCE_MAX_DIM (256),
// so above that runBench leaves it out (impls.reference may then be absent)
// and its self-check holds ours to plain JS's bits instead.
//
// Each impl is { WasmMicroLoRA, WasmScopedLoRA, WasmTrajectoryBuffer, memory }:
// memory is the WebAssembly.Memory holding its objects' zero-allocation
// buffers, null for plain JS (see viewsOf).
//
// Method: before timing, a self-check makes sure plain and ours give the
// reference's bits. The ops are then built once per rotation of the impls'
// order: whichever impl's objects and code are made first in a process runs
// a few percent faster (2-10% in Node, with the reference in all three
// places), so each impl comes first in one set, and round r uses set r % the
// number of sets. Per (set, op, impl), a warm-up and a one-time batch-size
// calibration (a batch takes about targetMs). Each round times one batch of
// every op for every impl, with the impl order rotating from round to round;
// each batch is cut into SLICES slices that alternate between the impls, and
// an impl's µs per call for the round is its fastest slice (noise from other
// processes only adds time). The table reports medians over rounds, and the
// median of the per-round ratios (so slow phases of a shared machine hit both
// sides of a ratio alike). Every batch feeds its outputs into `sink`. Then
// runSustained times each allocating call against its twin that fills the
// caller's `out` in whole batches, so that garbage collection counts too.

/** Accumulates something from every batch so no work can be optimised away. */
export let sink = 0;

const IMPL_NAMES = ['reference', 'ours', 'plain'];

/** The reference (@ruvector/learning-wasm@0.1.29) clamps dim to this; above it, it is left out. */
export const REFERENCE_MAX_DIM = 256;
/** The dims `make bench` runs: the first four against the reference, the rest against plain JS only. */
export const BENCH_DIMS = [16, 64, 128, 256, 1024, 4096];
/** parseDims('16,256') → [16, 256]; empty or missing → BENCH_DIMS. Throws on a bad entry. */
export function parseDims(text) {
  if (!text) return BENCH_DIMS;
  return String(text).split(',').map((t) => {
    const d = Number(t.trim());
    if (!Number.isInteger(d) || d < 1 || d > 8192) throw new Error(`bad dim ${JSON.stringify(t)} (want integers in 1..8192)`);
    return d;
  });
}

/** Which impls run at dim: all three up to REFERENCE_MAX_DIM, then ours and plain. */
export function implNames(dim) {
  return dim <= REFERENCE_MAX_DIM ? IMPL_NAMES : IMPL_NAMES.filter((n) => n !== 'reference');
}

const VARIANTS = 16; // prepared inputs, rotated through
const SLICES = 8; // each timed batch is cut into this many interleaved slices
const LR = 1e-4;
const ALPHA = 0.1;
const SCOPED_OP = 5; // HashJoin (category Join)
const SIBLING_OP = 4; // NestedLoopJoin, same category: gives the fallback adapter real weights

// viewsOf(memory, obj, dim) returns io(): { input, output }, views of obj's
// zero-allocation buffers. For a wasm-backed obj they are Float32Arrays over
// memory, re-made after it grows; for a plain.mjs obj (memory null), its own
// fields. runBench gives each impl its own compiled copy (isolatedCopy).
function viewsOf(memory, obj, dim) {
  if (memory === null) {
    const fields = { input: obj.input, output: obj.output };
    return () => fields;
  }
  const inPtr = obj.get_input_ptr(), outPtr = obj.get_output_ptr();
  let buffer = null, views = null;
  return () => {
    if (memory.buffer !== buffer) {
      buffer = memory.buffer;
      views = { input: new Float32Array(buffer, inPtr, dim), output: new Float32Array(buffer, outPtr, dim) };
    }
    return views;
  };
}

// ---------------------------------------------------------------- inputs

// makeData: fixed pseudo-random inputs, gradients and trajectory timings;
// with arrays, the inputs and gradients are plain Arrays of the same
// float32 values.
function makeData(dim, arrays = false) {
  let s = 0x9e3779b9;
  const next = () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
  const vectors = (amp) => Array.from({ length: VARIANTS }, () => {
    const v = new Float32Array(dim);
    for (let i = 0; i < dim; i++) v[i] = (next() * 2 - 1) * amp;
    return arrays ? Array.from(v) : v;
  });
  return {
    dim,
    X: vectors(1),
    G: vectors(0.05),
    EXEC: Float64Array.from({ length: VARIANTS }, () => 5 + next() * 20),
    BASE: Float64Array.from({ length: VARIANTS }, () => 5 + next() * 20),
  };
}

// ---------------------------------------------------------------- ops

// opsFactory(impl, data, views) returns [{ name, batch(n) → number }]. It must
// only use its arguments and globals: each impl runs its own compiled copy
// (isolatedCopy), of it and of views (viewsOf), so V8's type feedback stays
// monomorphic per impl, as in an application that uses one of the three.
function opsFactory(impl, data, views) {
  const { X, G, EXEC, BASE, dim } = data;
  const M = 15; // VARIANTS - 1, as a mask
  const alpha = 0.1, lr = 1e-4, op = 5, sibling = 4; // ALPHA, LR, SCOPED_OP, SIBLING_OP

  function micro() {
    const m = new impl.WasmMicroLoRA(dim, alpha, lr);
    for (let k = 0; k < 4; k++) m.adapt_array(G[k]);
    return m;
  }
  function scoped() {
    const s = new impl.WasmScopedLoRA(dim, alpha, lr);
    for (let k = 0; k < 4; k++) s.adapt_array(sibling, G[k]);
    return s;
  }

  const ops = [];
  const add = (name, batch) => ops.push({ name, batch });

  {
    const m = micro(), io = views(impl.memory, m, dim);
    add('forward', (n) => {
      let s = 0;
      for (let k = 0; k < n; k++) {
        const v = io();
        v.input.set(X[k & M]);
        m.forward();
        s += v.output[k % dim];
      }
      return s;
    });
  }
  {
    const m = micro();
    add('forward_array', (n) => {
      let s = 0;
      for (let k = 0; k < n; k++) s += m.forward_array(X[k & M])[k % dim];
      return s;
    });
  }
  {
    // forward_array(x, out): the reference ignores out and allocates; ours fills out.
    const m = micro(), out = new Float32Array(dim);
    add('forward_array_out', (n) => {
      let s = 0;
      for (let k = 0; k < n; k++) s += m.forward_array(X[k & M], out)[k % dim];
      return s;
    });
  }
  {
    const m = micro(), io = views(impl.memory, m, dim);
    add('adapt', (n) => {
      for (let k = 0; k < n; k++) {
        io().input.set(G[k & M]);
        m.adapt();
      }
      return m.delta_norm();
    });
  }
  {
    const m = micro();
    add('adapt_array', (n) => {
      for (let k = 0; k < n; k++) m.adapt_array(G[k & M]);
      return m.delta_norm();
    });
  }
  {
    const m = micro(), io = views(impl.memory, m, dim);
    add('adapt_with_reward', (n) => {
      for (let k = 0; k < n; k++) {
        io().input.set(G[k & M]);
        m.adapt_with_reward(0.5);
      }
      return m.delta_norm();
    });
  }
  {
    const sc = scoped(), io = views(impl.memory, sc, dim);
    add('scoped.forward', (n) => {
      let s = 0;
      for (let k = 0; k < n; k++) {
        const v = io();
        v.input.set(X[k & M]);
        sc.forward(op);
        s += v.output[k % dim];
      }
      return s;
    });
  }
  {
    const sc = scoped();
    add('scoped.forward_array', (n) => {
      let s = 0;
      for (let k = 0; k < n; k++) s += sc.forward_array(op, X[k & M])[k % dim];
      return s;
    });
  }
  {
    // forward_array(op, x, out): as forward_array_out.
    const sc = scoped(), out = new Float32Array(dim);
    add('scoped.forward_array_out', (n) => {
      let s = 0;
      for (let k = 0; k < n; k++) s += sc.forward_array(op, X[k & M], out)[k % dim];
      return s;
    });
  }
  {
    const sc = scoped(), io = views(impl.memory, sc, dim);
    add('scoped.adapt', (n) => {
      for (let k = 0; k < n; k++) {
        io().input.set(G[k & M]);
        sc.adapt(op);
      }
      return sc.delta_norm(op);
    });
  }
  {
    const sc = scoped();
    add('scoped.adapt_array', (n) => {
      for (let k = 0; k < n; k++) sc.adapt_array(op, G[k & M]);
      return sc.delta_norm(op);
    });
  }
  {
    const sc = scoped(), io = views(impl.memory, sc, dim);
    add('scoped.adapt_with_reward', (n) => {
      for (let k = 0; k < n; k++) {
        io().input.set(G[k & M]);
        sc.adapt_with_reward(op, 0.5);
      }
      return sc.delta_norm(op);
    });
  }
  {
    const buf = new impl.WasmTrajectoryBuffer(1000, dim);
    add('record', (n) => {
      for (let k = 0; k < n; k++) {
        const i = k & M;
        buf.record(X[i], k % 17, k & 7, EXEC[i], BASE[i]);
      }
      return buf.mean_improvement();
    });
  }
  return ops;
}

// isolatedCopy(fn): a fresh compile of fn's source, with its own type feedback.
function isolatedCopy(fn) {
  return new Function(`return (${fn.toString()});`)();
}

// ---------------------------------------------------------------- self-check

function sameBits(a, b) {
  if (a.length !== b.length) return false;
  const ua = new Uint32Array(Float32Array.from(a).buffer), ub = new Uint32Array(Float32Array.from(b).buffer);
  return ua.every((v, i) => v === ub[i]);
}

// session runs a short scripted session on impl and returns its outputs. Its
// large alpha and learning rate make the LoRA term big enough that a missing
// float32 rounding anywhere shows in the output bits.
const CHECK_ALPHA = 1, CHECK_LR = 0.5;
function session(impl, data) {
  const { X, G, dim } = data;
  const out = {};
  const m = new impl.WasmMicroLoRA(dim, CHECK_ALPHA, CHECK_LR);
  for (let k = 0; k < 5; k++) m.adapt_array(G[k]);
  const io = viewsOf(impl.memory, m, dim);
  io().input.set(G[5]);
  m.adapt_with_reward(0.5);
  out.micro = m.forward_array(X[0]);
  io().input.set(X[1]);
  m.forward();
  out.microZeroAlloc = Float32Array.from(io().output);
  out.microNorm = m.delta_norm();
  const sc = new impl.WasmScopedLoRA(dim, CHECK_ALPHA, CHECK_LR);
  for (let k = 0; k < 3; k++) sc.adapt_array(SCOPED_OP, G[k]);
  for (let k = 0; k < 4; k++) sc.adapt_array(SIBLING_OP, G[k + 3]);
  out.scoped = sc.forward_array(SCOPED_OP, X[1]);
  const buf = new impl.WasmTrajectoryBuffer(8, dim);
  for (let k = 0; k < 12; k++) buf.record(X[k & 15], k % 17, k & 7, data.EXEC[k & 15], data.BASE[k & 15]);
  out.stats = [buf.mean_improvement(), buf.best_improvement(), buf.success_rate(), buf.variance(),
    buf.best_attention(), buf.high_quality_count(0.5), buf.len()];
  for (const o of [m, sc, buf]) o.free();
  return out;
}

// selfCheck throws unless plain and ours reproduce the reference's bits (above
// REFERENCE_MAX_DIM, where the reference is left out: unless ours reproduces
// plain JS's bits, plain JS having matched the reference at the smaller dims).
export function selfCheck(impls, dim = 256) {
  const data = makeData(dim);
  const withRef = implNames(dim).includes('reference');
  const baseline = withRef ? 'reference' : 'plain';
  const want = session(impls[baseline], data);
  for (const name of withRef ? ['ours', 'plain'] : ['ours']) {
    const got = session(impls[name], data);
    const bad = [];
    if (!sameBits(got.micro, want.micro)) bad.push('WasmMicroLoRA.forward_array');
    if (!sameBits(got.microZeroAlloc, want.microZeroAlloc)) bad.push('WasmMicroLoRA.forward');
    if (!Object.is(got.microNorm, want.microNorm)) bad.push('WasmMicroLoRA.delta_norm');
    if (!sameBits(got.scoped, want.scoped)) bad.push('WasmScopedLoRA.forward_array');
    if (!got.stats.every((v, i) => Object.is(v, want.stats[i]))) bad.push('WasmTrajectoryBuffer stats');
    if (bad.length) throw new Error(`self-check (dim ${dim}): ${name} differs from ${baseline} in ${bad.join(', ')}`);
  }
}

// ---------------------------------------------------------------- timing

function timeBatch(batch, n) {
  const t0 = performance.now();
  const s = batch(n);
  const ms = performance.now() - t0;
  sink += s;
  return ms;
}

// calibrate: the batch size n for which a batch takes ~targetMs (warming up
// on the way). Each size is timed three times and the fastest counts, so that
// a pause caused by another process cannot stop the search at a tiny n; the
// estimate is then checked once at full size, since some ops get faster or
// slower as their object's state fills up (e.g. a trajectory ring).
function calibrate(batch, targetMs) {
  const fastest = (n) => Math.min(timeBatch(batch, n), timeBatch(batch, n), timeBatch(batch, n));
  let n = 1;
  for (;;) {
    const ms = fastest(n);
    if (ms >= targetMs / 4) {
      n = Math.max(1, Math.round((n * targetMs) / ms));
      return Math.max(1, Math.round((n * targetMs) / fastest(n)));
    }
    n *= ms < targetMs / 100 ? 10 : 2;
  }
}

// timeRound: one batch per impl, each cut into SLICES slices that alternate
// between the impls (the order rotating with `shift`). An impl's figure for
// the round is its fastest slice in µs per call: other processes on a shared
// machine only ever add time, and with several short slices per round at
// least one usually runs undisturbed.
function timeRound(batches, sizes, shift) {
  const k = batches.length;
  const best = new Array(k).fill(Infinity);
  for (let s = 0; s < SLICES; s++) {
    for (let j = 0; j < k; j++) {
      const b = (shift + s + j) % k;
      const n = Math.max(1, Math.round(sizes[b] / SLICES));
      best[b] = Math.min(best[b], (timeBatch(batches[b], n) * 1000) / n);
    }
  }
  return best;
}

// timerGranularity: the smallest step performance.now() takes here, in ms
// (5 µs in cross-origin-isolated Chromium, 20 µs in Firefox and WebKit, up
// to 1 ms elsewhere). runBench keeps every slice at least MIN_SLICE_TICKS of
// these long.
const MIN_SLICE_TICKS = 50;
function timerGranularity() {
  let best = Infinity;
  for (let k = 0; k < 20; k++) {
    const t0 = performance.now();
    let t = t0;
    const end = t0 + 5;
    for (let spin = 0; t === t0 && spin < 1e7; spin++) t = performance.now();
    if (t - t0 > 0) best = Math.min(best, t - t0);
    if (t > end) break;
  }
  return best;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

const yieldToEventLoop = () => new Promise((resolve) => setTimeout(resolve, 0));

// ---------------------------------------------------------------- sustained

// SUSTAINED_PAIRS: an allocating call and its twin that fills the caller's
// `out`. The fastest slice of a round leaves out the garbage collections an
// allocating call causes, so runSustained also times each pair on ours in
// whole SUSTAINED_MS batches, the two alternating, where every collection
// counts against the call whose garbage caused it.
const SUSTAINED_PAIRS = [['forward_array', 'forward_array_out'], ['scoped.forward_array', 'scoped.forward_array_out']];
const SUSTAINED_MS = 40;
const SUSTAINED_ROUNDS = 9;

// runSustained(ops, sizes, targetMs) → [{ op, allocUs, outUs, gain }] for each
// pair in ops (ours's { name, batch } list; sizes[i] the calibrated batch of
// ops[i] for targetMs): µs per call, medians over SUSTAINED_ROUNDS, and gain
// the median of the per-round allocUs / outUs.
async function runSustained(ops, sizes, targetMs) {
  const rows = [];
  for (const pair of SUSTAINED_PAIRS) {
    const idx = pair.map((name) => ops.findIndex((o) => o.name === name));
    if (idx.includes(-1)) continue;
    const n = idx.map((i) => Math.max(1, Math.round((sizes[i] * SUSTAINED_MS) / targetMs)));
    const us = [[], []];
    for (let r = 0; r < SUSTAINED_ROUNDS; r++) {
      for (const j of r & 1 ? [1, 0] : [0, 1]) us[j].push((timeBatch(ops[idx[j]].batch, n[j]) * 1000) / n[j]);
      await yieldToEventLoop();
    }
    rows.push({ op: pair[0], allocUs: median(us[0]), outUs: median(us[1]), gain: median(us[0].map((v, k) => v / us[1][k])) });
  }
  return rows;
}

function sustainedMarkdown(rows) {
  if (rows.length === 0) return '';
  const lines = [`Sustained, ours only: whole ${SUSTAINED_MS} ms batches, garbage collection included, the two calls ` +
    `alternating; medians over ${SUSTAINED_ROUNDS} rounds. Gain: median of the per-round ratios.`, '',
    '| op | new array µs | into `out` µs | gain |', '|---|---:|---:|---:|'];
  for (const r of rows) lines.push(`| ${r.op} | ${fmtUs(r.allocUs)} | ${fmtUs(r.outUs)} | ${r.gain.toFixed(2)} |`);
  return '\n\n' + lines.join('\n');
}

// ---------------------------------------------------------------- report

function fmtUs(us) {
  if (us >= 100) return us.toFixed(0);
  if (us >= 10) return us.toFixed(1);
  if (us >= 1) return us.toFixed(2);
  return us.toFixed(3);
}

function fmtRatio(x) {
  return Number.isFinite(x) ? x.toFixed(2) : 'n/a';
}

function toMarkdown(rows) {
  const withRef = rows.length > 0 && rows[0].referenceUs !== null;
  const lines = withRef
    ? ['| op | reference µs | ours µs | ours/ref | plain JS µs | ours/plain |', '|---|---:|---:|---:|---:|---:|']
    : ['| op | ours µs | plain JS µs | ours/plain |', '|---|---:|---:|---:|'];
  for (const r of rows) {
    lines.push(withRef
      ? `| ${r.op} | ${fmtUs(r.referenceUs)} | ${fmtUs(r.oursUs)} | ${fmtRatio(r.oursOverRef)} | ` +
        `${fmtUs(r.plainUs)} | ${fmtRatio(r.oursOverPlain)} |`
      : `| ${r.op} | ${fmtUs(r.oursUs)} | ${fmtUs(r.plainUs)} | ${fmtRatio(r.oursOverPlain)} |`);
  }
  return lines.join('\n');
}

// methodNote: one line saying how the table's numbers were made.
function methodNote(c) {
  return `dim ${c.dim}, alpha ${c.alpha}, lr ${c.lr}; ${c.rounds} rounds, each timing a ~${c.targetMs} ms batch per ` +
    `op and impl cut into ${c.slices} slices that alternate between the impls; the ops are built once per rotation ` +
    'of the impls\' order, and the rounds take these sets in turn. µs per call: the fastest slice of a ' +
    'round, median over rounds. Ratios: median of the per-round ratios (< 1 means ours is faster).' +
    (c.impls.includes('reference') ? '' : ` The reference clamps dim to ${REFERENCE_MAX_DIM}, so it is left out here.`);
}

function environment() {
  const g = globalThis;
  return {
    userAgent: g.navigator?.userAgent ?? null,
    node: g.process?.versions?.node ?? null,
    crossOriginIsolated: g.crossOriginIsolated ?? null,
    timerMs: timerGranularity(),
  };
}

/**
 * report(title, context, results) → one Markdown file: the title, a context
 * line (date, runtime, machine), how the numbers are made, then one table per
 * runBench result (one per dim), in the order given.
 */
export function report(title, context, results) {
  const c = results[0]?.config;
  const parts = [`# ${title}\n`, `${context}\n`];
  if (c) {
    parts.push(`Per dim: ${c.rounds} rounds, each timing a ~${c.targetMs} ms batch per op and impl cut into ${c.slices} ` +
      'slices that alternate between the impls, all in one process or page; alpha ' +
      `${c.alpha}, lr ${c.lr}. µs per call: the fastest slice of a round, median over rounds. Ratios: median of the ` +
      `per-round ratios (< 1 means ours is faster). The reference clamps dim to ${REFERENCE_MAX_DIM}, so dims above ` +
      `that compare ours with plain JS only.` +
      (Number.isFinite(results[0].env?.timerMs) ? ` Timer step: ${fmtUs(results[0].env.timerMs * 1000)} µs.` : '') + '\n');
  }
  for (const r of results) {
    const vs = r.config.impls.includes('reference') ? 'reference, ours, plain JS' : 'ours, plain JS (no reference)';
    parts.push(`## dim ${r.config.dim} — ${vs}\n\n${r.markdown}\n`);
  }
  return parts.join('\n');
}

// ---------------------------------------------------------------- main

/**
 * runBench({ impls: { reference, ours, plain }, dim, rounds, targetMs, log })
 * → { rows, markdown, method, env, config }. rows[i] = { op, referenceUs, oursUs,
 * plainUs, oursOverRef, oursOverPlain, batch: { reference, ours, plain } (calls per
 * batch), samples: { reference, ours, plain } (µs per call, one per round) }; above
 * REFERENCE_MAX_DIM the reference's fields are null or absent. sustained: runSustained's
 * rows (empty unless both calls of a pair ran). config.impls names
 * the impls that ran; config.targetMs is raised when the timer is coarse.
 */
export async function runBench({ impls, dim = 256, rounds = 15, targetMs = 20, only = null, arrays = false, log = () => {} }) {
  const names = implNames(dim);
  for (const name of names) if (!impls[name]) throw new Error(`runBench: impls.${name} is missing`);
  selfCheck(impls, dim);
  log(`dim ${dim}: self-check passed: ${names.includes('reference') ? 'plain and ours match the reference' : 'ours matches plain JS'} bit for bit`);

  const env = environment();
  // Slices at least MIN_SLICE_TICKS timer steps long, however coarse the timer.
  const sliceFloor = MIN_SLICE_TICKS * (Number.isFinite(env.timerMs) ? env.timerMs : 1);
  const target = Math.max(targetMs, Math.ceil(sliceFloor * SLICES));

  const data = makeData(dim, arrays);
  // sets[k]: every impl's ops, built in the impls' order rotated by k
  const sets = names.map((_, k) => {
    const ops = {};
    for (const name of [...names.slice(k), ...names.slice(0, k)]) {
      ops[name] = isolatedCopy(opsFactory)(impls[name], data, isolatedCopy(viewsOf)).filter((o) => !only || only.includes(o.name));
    }
    return ops;
  });
  const opNames = sets[0].ours.map((o) => o.name);
  if (opNames.length === 0) throw new Error(`runBench: no op named in ${only}`);

  // batchSize[k][i][name]: the calibrated batch of op i for impl name in set k
  const batchSize = sets.map((ops) => opNames.map((op, i) => Object.fromEntries(names.map((name) => [name, calibrate(ops[name][i].batch, target)]))));
  log(`dim ${dim}: calibrated batch sizes`);

  const us = opNames.map(() => Object.fromEntries(names.map((n) => [n, []])));
  for (let r = 0; r < rounds; r++) {
    const k = r % sets.length;
    opNames.forEach((op, i) => {
      const t = timeRound(names.map((name) => sets[k][name][i].batch), names.map((name) => batchSize[k][i][name]), r + i);
      names.forEach((name, j) => us[i][name].push(t[j]));
    });
    log(`dim ${dim}: round ${r + 1}/${rounds}`);
    await yieldToEventLoop(); // let GC finalizers and the page breathe
  }

  const ratio = (a, b) => (a && b ? median(a.map((v, k) => v / b[k])) : null);
  const rows = opNames.map((op, i) => {
    const t = us[i];
    return {
      op,
      referenceUs: t.reference ? median(t.reference) : null,
      oursUs: median(t.ours),
      plainUs: median(t.plain),
      oursOverRef: ratio(t.ours, t.reference),
      oursOverPlain: ratio(t.ours, t.plain),
      batch: batchSize[0][i],
      samples: t,
    };
  });
  const sustained = await runSustained(sets[0].ours, opNames.map((_, i) => batchSize[0][i].ours), target);
  const config = { dim, rounds, targetMs: target, lr: LR, alpha: ALPHA, slices: SLICES, impls: names };
  return { rows, sustained, markdown: toMarkdown(rows) + sustainedMarkdown(sustained), method: methodNote(config), env, config };
}
