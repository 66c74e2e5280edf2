// workload.mjs — the simulated database behind js/demo/optimizer.mjs.
//
// It owns everything the optimizer must NOT see: each operator's hidden cost
// structure. The optimizer only gets queries (an operator, an attention type and
// a non-negative feature vector) and can only ask `execute(...)` how long a plan
// took with a given (possibly adapted) embedding.
//
// Hidden cost model, per operator `op`:
//   ms = base_op * exp(-k_op * att * cos(embedding, w_op)) * noise
// where w_op is a hidden direction in R^dim, k_op a hidden sensitivity,
// att a hidden per-attention-type multiplier and noise a log-normal jitter.
// Embeddings that point towards w_op run faster.

/** mulberry32: a tiny deterministic PRNG; returns a function giving [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal sample (Box–Muller) from a [0, 1) generator. */
export function gaussian(rand) {
  const u = 1 - rand(); // (0, 1]
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** Cosine of the angle between two equal-length vectors (0 if either is zero). */
export function cosine(a, b) {
  let dot = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

// Attention mechanisms a plan may use (recorded as attention_type 0..3); the
// hidden multiplier says how strongly a good embedding pays off with each.
export const ATTENTION_NAMES = ['dot', 'multi-head', 'flash', 'sparse'];
const ATTENTION_GAIN = [0.8, 1.0, 1.15, 1.3];

const NOISE_SIGMA = 0.04; // log-normal execution-time jitter (~4%)
const TEMPLATES = 12; // query shapes the workload mixes
const TEMPLATE_WEIGHT = 0.3; // share of a query's features taken from its template
const SHARED_AXES = 2; // trade-off directions the operators disagree on
const OWN_WEIGHT = 0.5; // weight of each operator's own direction

export class Workload {
  #hidden = new Map(); // op -> { w, base, k }: private, the optimizer cannot read it
  #axes;

  /**
   * @param {number} dim   embedding dimension
   * @param {number[]} ops operator ids (0..16) the workload uses
   * @param {number} seed
   */
  constructor(dim, ops, seed) {
    this.dim = dim;
    this.ops = ops;
    this.rand = mulberry32(seed);
    // Operators disagree: each hidden direction mixes a few shared "trade-off"
    // axes with its own sign (what speeds up a hash join may slow a sort) plus
    // an operator-specific part, so no single global adapter suits them all.
    this.#axes = Array.from({ length: SHARED_AXES }, () => this.#gaussianVector());
    for (const op of ops) this.#hidden.set(op, this.#hiddenCost());
    this.templates = Array.from({ length: TEMPLATES }, () => this.#uniformVector());
  }

  #hiddenCost() {
    // w = OWN_WEIGHT * (own direction) + sum over shared axes of (±1) * axis
    const w = this.#gaussianVector();
    for (let i = 0; i < this.dim; i++) w[i] *= OWN_WEIGHT;
    for (const axis of this.#axes) {
      const sign = this.rand() < 0.5 ? -1 : 1;
      for (let i = 0; i < this.dim; i++) w[i] += sign * axis[i];
    }
    return {
      w,
      base: 5 + 195 * this.rand(), // 5..200 ms
      k: 0.8 + 0.6 * this.rand(), // 0.8..1.4
    };
  }

  #gaussianVector() {
    const v = new Float64Array(this.dim);
    for (let i = 0; i < this.dim; i++) v[i] = gaussian(this.rand);
    return v;
  }

  #uniformVector() {
    const v = new Float32Array(this.dim);
    for (let i = 0; i < this.dim; i++) v[i] = this.rand();
    return v;
  }

  /**
   * The next query: an operator, an attention type and its plan features — a
   * non-negative vector (feature counts, selectivities, sizes…) that mixes a
   * query template with per-query variation.
   */
  nextQuery() {
    const op = this.ops[Math.floor(this.rand() * this.ops.length)];
    const attention = Math.floor(this.rand() * ATTENTION_NAMES.length);
    const template = this.templates[Math.floor(this.rand() * TEMPLATES)];
    const features = new Float32Array(this.dim);
    for (let i = 0; i < this.dim; i++) {
      features[i] = TEMPLATE_WEIGHT * template[i] + (1 - TEMPLATE_WEIGHT) * this.rand();
    }
    return { op, attention, features };
  }

  /** Simulated execution time (ms) of `op` run with `embedding`. */
  execute(op, attention, embedding) {
    const { w, base, k } = this.#hidden.get(op);
    const jitter = Math.exp(NOISE_SIGMA * gaussian(this.rand));
    return base * Math.exp(-k * ATTENTION_GAIN[attention] * cosine(embedding, w)) * jitter;
  }
}
