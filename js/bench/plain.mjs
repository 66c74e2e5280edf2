// plain.mjs — the same math as ruvector-learning-wasm (docs/SEMANTICS.md §1–§5) written as
// plain JavaScript: what a user would otherwise write instead of loading wasm.
//
// Float32Array storage and Math.fround after every operation, so every number
// is bit-identical to @ruvector/learning-wasm@0.1.29 for valid input (the
// benchmark harness checks this before timing anything). Same class and method
// names as the package; no argument validation (a user's own code trusts its
// inputs). The zero-allocation buffers are the Float32Array fields `input` and
// `output` (the wasm versions expose pointers into wasm memory instead); only
// forward_array allocates (its result).
//
// Counts are kept as JS numbers and returned as bigint, like the package.

const fround = Math.fround;

// Scratch for the float32 bit trick in fastSqrt.
const bitsF32 = new Float32Array(1);
const bitsU32 = new Uint32Array(bitsF32.buffer);

const F32_MAX_U32 = fround(4294967295); // 4294967296 once rounded
const SKIP_NORM = fround(1e-16);
const ALPHA_DEFAULT = 0.1;
const LR_DEFAULT = 0.01;

// fastSqrt is the reference's approximate square root (docs/SEMANTICS.md §1.2).
export function fastSqrt(x) {
  if (x <= 0) return 0;
  bitsF32[0] = x;
  bitsU32[0] = 0x5f3759df - (bitsU32[0] >>> 1); // wraps mod 2^32 like uint32
  const y = bitsF32[0];
  return fround(fround(x * y) * fround(1.5 - fround(fround(fround(0.5 * x) * y) * y)));
}

// rand01 is xorshift32 scaled to [0, 1] (docs/SEMANTICS.md §1.3).
export function rand01(seed) {
  let x = seed >>> 0;
  x = (x ^ (x << 13)) >>> 0;
  x = (x ^ (x >>> 17)) >>> 0;
  x = (x ^ (x << 5)) >>> 0;
  return fround(fround(x) / F32_MAX_U32);
}

function orDefault(v, d) {
  return v === undefined || v === null ? d : v;
}

// LoRAPair is one rank-2 adapter (docs/SEMANTICS.md §2): y = x + alpha * (x·A)·B.
class LoRAPair {
  constructor(d, alpha, lr) {
    this.d = d;
    this.alpha = fround(alpha);
    this.lr = fround(lr);
    this.a0 = new Float32Array(d);
    this.a1 = new Float32Array(d);
    this.b0 = new Float32Array(d);
    this.b1 = new Float32Array(d);
    this.count = 0;
    const scale = fround(fround(Math.sqrt(fround(2 / d))) * fround(0.1));
    const half = fround(scale / 2);
    for (let i = 0; i < d; i++) {
      this.a0[i] = fround(fround(rand01(i) * scale) - half);
      this.a1[i] = fround(fround(rand01(i + 1000) * scale) - half);
    }
    // A never changes, so its column sums (used by every update) are kept.
    let c0 = 0, c1 = 0;
    for (let i = 0; i < d; i++) {
      c0 = fround(c0 + this.a0[i]);
      c1 = fround(c1 + this.a1[i]);
    }
    this.c0 = c0;
    this.c1 = c1;
  }

  // forward writes y = forward(x); x and y are Float32Arrays of length d.
  forward(x, y) {
    const d = this.d, a0 = this.a0, a1 = this.a1, b0 = this.b0, b1 = this.b1;
    let l0 = 0, l1 = 0;
    for (let i = 0; i < d; i++) {
      const v = x[i];
      l0 = fround(l0 + fround(v * a0[i]));
      l1 = fround(l1 + fround(v * a1[i]));
    }
    const alpha = this.alpha;
    for (let i = 0; i < d; i++) {
      y[i] = fround(x[i] + fround(alpha * fround(fround(l0 * b0[i]) + fround(l1 * b1[i]))));
    }
  }

  // update applies the normalised gradient step with rate r (docs/SEMANTICS.md §2.4).
  update(g, r) {
    const d = this.d;
    let gs = 0;
    for (let i = 0; i < d; i++) {
      const v = g[i];
      gs = fround(gs + fround(v * v));
    }
    if (gs < SKIP_NORM) return;
    const inv = fround(1 / fastSqrt(gs));
    const s0 = fround(r * this.c0), s1 = fround(r * this.c1);
    const b0 = this.b0, b1 = this.b1;
    for (let j = 0; j < d; j++) {
      const n = fround(g[j] * inv);
      b0[j] = fround(b0[j] + fround(s0 * n));
      b1[j] = fround(b1[j] + fround(s1 * n));
    }
    this.count++;
  }

  // rewardRate is lr * min(improvement, 2); improvement is already float32.
  rewardRate(improvement) {
    return fround(this.lr * Math.min(improvement, 2));
  }

  deltaNorm() {
    const b0 = this.b0, b1 = this.b1;
    let s = 0;
    for (let i = 0; i < this.d; i++) {
      s = fround(s + fround(fround(b0[i] * b0[i]) + fround(b1[i] * b1[i])));
    }
    return fround(fastSqrt(s) * this.alpha);
  }

  reset() {
    this.b0.fill(0);
    this.b1.fill(0);
    this.count = 0;
  }
}

// asF32 returns x as a Float32Array (copying array-likes, like wasm-bindgen).
function asF32(x) {
  return x instanceof Float32Array ? x : Float32Array.from(x);
}

// WasmMicroLoRA: one adapter plus input/output buffers (docs/SEMANTICS.md §3).
export class WasmMicroLoRA {
  constructor(dim, alpha, learning_rate) {
    const d = orDefault(dim, 256);
    this.pair = new LoRAPair(d, orDefault(alpha, ALPHA_DEFAULT), orDefault(learning_rate, LR_DEFAULT));
    this.input = new Float32Array(d);
    this.output = new Float32Array(d);
    this.forwards = 0;
    this.adapts = 0;
  }

  dim() { return this.pair.d; }
  param_count() { return 2 * Math.max(this.pair.d, 256) + 2 * this.pair.d; }

  forward() {
    this.pair.forward(this.input, this.output);
    this.forwards++;
  }

  forward_array(x) {
    const y = new Float32Array(this.pair.d);
    this.pair.forward(asF32(x), y);
    this.forwards++;
    return y;
  }

  adapt() {
    this.pair.update(this.input, this.pair.lr);
    this.adapts++;
  }

  adapt_array(g) {
    this.pair.update(asF32(g), this.pair.lr);
    this.adapts++;
  }

  adapt_with_reward(improvement) {
    const imp = fround(improvement);
    if (imp > 0) this.pair.update(this.input, this.pair.rewardRate(imp));
    this.adapts++;
  }

  reset() {
    this.pair.reset();
    this.forwards = 0;
    this.adapts = 0;
  }

  forward_count() { return BigInt(this.forwards); }
  adapt_count() { return BigInt(this.adapts); }
  delta_norm() { return this.pair.deltaNorm(); }
  free() {}
}

// Operator → category (docs/SEMANTICS.md §4.1) and the operator names.
const CATEGORY = Uint8Array.of(0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6);
const SCOPE_NAMES = ['SeqScan', 'IndexScan', 'HnswScan', 'IvfFlatScan', 'NestedLoopJoin', 'HashJoin',
  'MergeJoin', 'Aggregate', 'GroupBy', 'Filter', 'Project', 'Sort', 'Limit', 'VectorDistance', 'Rerank',
  'Materialize', 'Result'];
const NUM_OPS = 17;
const NUM_CATEGORIES = 7;
const FALLBACK_UPDATES = 10;

// WasmScopedLoRA: 17 operator adapters plus 7 category adapters (docs/SEMANTICS.md §4).
export class WasmScopedLoRA {
  constructor(dim, alpha, learning_rate) {
    const d = orDefault(dim, 256);
    const a = orDefault(alpha, ALPHA_DEFAULT), lr = orDefault(learning_rate, LR_DEFAULT);
    this.d = d;
    this.ops = Array.from({ length: NUM_OPS }, () => new LoRAPair(d, a, lr));
    this.categories = Array.from({ length: NUM_CATEGORIES }, () => new LoRAPair(d, a, lr));
    this.forwards = new Float64Array(NUM_OPS);
    this.fallback = true;
    this.input = new Float32Array(d);
    this.output = new Float32Array(d);
    this.tmp = new Float32Array(d);
  }

  static scope_name(op) {
    return Number.isInteger(op) && op >= 0 && op < NUM_OPS ? SCOPE_NAMES[op] : 'Unknown';
  }

  dim() { return this.d; }

  // forwardInto: y = ops[op](x), blended with the category adapter while the
  // operator adapter has fewer than 10 updates and fallback is on.
  forwardInto(op, x, y) {
    this.forwards[op]++;
    const a = this.ops[op];
    a.forward(x, y);
    if (!this.fallback || a.count >= FALLBACK_UPDATES) return;
    const c = this.tmp;
    this.categories[CATEGORY[op]].forward(x, c);
    const w = Math.min(fround(fround(a.count) / FALLBACK_UPDATES), 1);
    const v = fround(1 - w);
    for (let i = 0; i < this.d; i++) y[i] = fround(fround(y[i] * w) + fround(c[i] * v));
  }

  forward(op) {
    this.forwardInto(op, this.input, this.output);
  }

  forward_array(op, x) {
    const y = new Float32Array(this.d);
    this.forwardInto(op, asF32(x), y);
    return y;
  }

  // update: the same step on the operator adapter and its category adapter.
  update(op, g, improvement, rewarded) {
    const a = this.ops[op], c = this.categories[CATEGORY[op]];
    if (!rewarded) {
      a.update(g, a.lr);
      c.update(g, c.lr);
    } else if (improvement > 0) {
      a.update(g, a.rewardRate(improvement));
      c.update(g, c.rewardRate(improvement));
    }
  }

  adapt(op) { this.update(op, this.input, 1, false); }
  adapt_array(op, g) { this.update(op, asF32(g), 1, false); }
  adapt_with_reward(op, improvement) { this.update(op, this.input, fround(improvement), true); }

  reset_scope(op) {
    this.ops[op].reset();
    this.forwards[op] = 0;
  }

  reset_all() {
    for (const a of this.ops) a.reset();
    for (const c of this.categories) c.reset();
    this.forwards.fill(0);
  }

  forward_count(op) { return BigInt(this.forwards[op]); }
  adapt_count(op) { return BigInt(this.ops[op].count); }
  delta_norm(op) { return this.ops[op].deltaNorm(); }
  total_forward_count() { return BigInt(this.forwards.reduce((s, n) => s + n, 0)); }
  total_adapt_count() { return BigInt(this.ops.reduce((s, a) => s + a.count, 0)); }
  set_category_fallback(enabled) { this.fallback = !!enabled; }
  free() {}
}

// WasmTrajectoryBuffer: a ring of the last `capacity` records plus float32
// Welford statistics over every record since reset (docs/SEMANTICS.md §5.3).
export class WasmTrajectoryBuffer {
  constructor(capacity, embedding_dim) {
    this.capacity = orDefault(capacity, 1000);
    this.edim = orDefault(embedding_dim, 256);
    this.embeddings = new Float32Array(this.capacity * this.edim);
    this.opTypes = new Uint8Array(this.capacity);
    this.attentions = new Uint8Array(this.capacity);
    this.qualities = new Float32Array(this.capacity);
    this.reset();
  }

  reset() {
    this.next = 0;
    this.size = 0;
    this.count = 0;
    this.mean = 0;
    this.varAcc = 0;
    this.best = 0;
    this.bestAttention = 0;
    this.successRate = 0;
  }

  record(embedding, op_type, attention_type, execution_ms, baseline_ms) {
    const exec = fround(execution_ms), base = fround(baseline_ms);
    const x = exec > 0 ? fround(fround(base / exec) - 1) : 0;
    const attention = attention_type & 255;
    this.addStats(x, attention);
    const i = this.next;
    this.embeddings.set(asF32(embedding), i * this.edim);
    this.opTypes[i] = op_type;
    this.attentions[i] = attention;
    this.qualities[i] = Math.min(Math.max(fround(fround(x + 1) / 2), 0), 1);
    this.next = i + 1 === this.capacity ? 0 : i + 1;
    if (this.size < this.capacity) this.size++;
  }

  addStats(x, attention) {
    const n = fround(this.count);
    const m = fround(n + 1);
    const delta = fround(x - this.mean);
    this.mean = fround(this.mean + fround(delta / m));
    this.varAcc = fround(this.varAcc + fround(delta * fround(x - this.mean)));
    if (x > this.best) {
      this.best = x;
      this.bestAttention = attention;
    }
    this.successRate = fround(fround(fround(this.successRate * n) + (x > 0 ? 1 : 0)) / m);
    this.count++;
  }

  total_count() { return BigInt(this.count); }
  len() { return this.size; }
  is_empty() { return this.size === 0; }
  mean_improvement() { return this.mean; }
  best_improvement() { return this.best; }
  success_rate() { return this.successRate; }
  best_attention() { return this.bestAttention; }
  variance() { return this.count > 1 ? fround(this.varAcc / fround(this.count - 1)) : 0; }

  high_quality_count(threshold) {
    const t = fround(threshold);
    let n = 0;
    for (let i = 0; i < this.size; i++) if (this.qualities[i] > t) n++;
    return n;
  }

  count_by_operator(op) {
    let n = 0;
    for (let i = 0; i < this.size; i++) if (this.opTypes[i] === op) n++;
    return n;
  }

  free() {}
}
