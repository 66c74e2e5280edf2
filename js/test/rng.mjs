// rng.mjs — the seeded random numbers every JS test draws from (pure ES
// module, so Node tests and browser pages and workers share it).

/** mulberry32: a seeded function returning floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rng wraps mulberry32 with the draws the tests use. */
export class Rng {
  constructor(seed) { this.next = mulberry32(seed); }
  uniform(lo, hi) { return lo + (hi - lo) * this.next(); }
  int(lo, hi) { return lo + Math.floor(this.next() * (hi - lo + 1)); }
  chance(p) { return this.next() < p; }
  pick(list) { return list[Math.floor(this.next() * list.length)]; }
  /** Log-uniform magnitude in [10^lo, 10^hi). */
  decades(lo, hi) { return Math.pow(10, this.uniform(lo, hi)); }
  /** A key of {key: weight}, chosen proportionally to its weight. */
  weighted(table) {
    const entries = Object.entries(table);
    let r = this.next() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [k, w] of entries) if ((r -= w) < 0) return k;
    return entries[entries.length - 1][0];
  }
}
