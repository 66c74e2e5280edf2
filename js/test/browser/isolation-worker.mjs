// Module worker of isolation.html: imports the package entry, runs a seeded,
// deterministic training sequence on its own objects (two of each class,
// calls interleaved across them) in chunks on request, and posts every
// result as exact bit patterns.
//
// Messages in:  { type: 'start', seed }      -> { type: 'ready', seed }
//               { type: 'chunk', index }     -> { type: 'chunk', index, results }
//               { type: 'solo', seeds, chunks } runs each seed's whole sequence
//                 alone (fresh objects each)  -> { type: 'solo', runs: { seed: [results per chunk] } }
// Any failure                               -> { type: 'error', message }

import init, * as lib from '/js/index.js';
import { mulberry32 } from '/js/test/rng.mjs';

const DIM = 32;
const STEPS_PER_CHUNK = 40;
const N_OPS = 17;

const bits = (arr) => Array.from(new Uint32Array(Float32Array.from(arr).buffer), (u) => u.toString(16)).join(',');
const num = (x) => (typeof x === 'number' ? bits([x]) : String(x));

/** A seeded sequence over its own objects; chunk(i) runs the next STEPS_PER_CHUNK steps. */
class Sequence {
  constructor(seed) {
    this.rand = mulberry32(seed);
    const alpha = 0.05 + this.rand();
    this.micro = [new lib.WasmMicroLoRA(DIM, alpha, 0.05), new lib.WasmMicroLoRA(DIM, alpha * 2, 0.02)];
    this.scoped = [new lib.WasmScopedLoRA(DIM, alpha, 0.05), new lib.WasmScopedLoRA(DIM)];
    this.traj = [new lib.WasmTrajectoryBuffer(16, DIM), new lib.WasmTrajectoryBuffer(3, DIM)];
  }

  vec() {
    return Float32Array.from({ length: DIM }, () => this.rand() * 4 - 2);
  }

  pick(list) {
    return list[Math.floor(this.rand() * list.length)];
  }

  op() {
    return Math.floor(this.rand() * N_OPS);
  }

  /** One step: a random call on a random object; returns its exact result as a string. */
  step() {
    const m = this.pick(this.micro);
    const s = this.pick(this.scoped);
    const t = this.pick(this.traj);
    switch (Math.floor(this.rand() * 9)) {
      case 0: return `mf ${bits(m.forward_array(this.vec()))}`;
      case 1: {
        new Float32Array(m.memory.buffer, m.get_input_ptr(), DIM).set(this.vec());
        m.forward();
        return `mz ${bits(new Float32Array(m.memory.buffer, m.get_output_ptr(), DIM))}`;
      }
      case 2: m.adapt_array(this.vec()); return `ma ${num(m.delta_norm())} ${m.adapt_count()}`;
      case 3: {
        new Float32Array(m.memory.buffer, m.get_input_ptr(), DIM).set(this.vec());
        m.adapt_with_reward(this.rand() * 3 - 0.5);
        return `mr ${num(m.delta_norm())}`;
      }
      case 4: { const op = this.op(); return `sf ${bits(s.forward_array(op, this.vec()))}`; }
      case 5: { const op = this.op(); s.adapt_array(op, this.vec()); return `sa ${num(s.delta_norm(op))} ${s.total_adapt_count()}`; }
      case 6: {
        t.record(this.vec(), this.op(), Math.floor(this.rand() * 8), 1 + this.rand() * 10, 1 + this.rand() * 10);
        return `tr ${t.total_count()} ${t.len()} ${num(t.mean_improvement())} ${num(t.variance())} ${t.best_attention()}`;
      }
      case 7: return `tq ${t.high_quality_count(0.5)} ${t.count_by_operator(this.op())} ${num(t.success_rate())}`;
      default: {
        try {
          m.adapt_array([1, 2, 3]); // refused: wrong length
          return 'bad call accepted';
        } catch (e) {
          return `err ${e.name}: ${e.message}`;
        }
      }
    }
  }

  chunk() {
    return Array.from({ length: STEPS_PER_CHUNK }, () => this.step());
  }

  free() {
    for (const o of [...this.micro, ...this.scoped, ...this.traj]) o.free();
  }
}

let sequence = null;

const handlers = {
  start({ seed }) {
    sequence = new Sequence(seed);
    return { type: 'ready', seed };
  },
  chunk({ index }) {
    return { type: 'chunk', index, results: sequence.chunk() };
  },
  solo({ seeds, chunks }) {
    const runs = {};
    for (const seed of seeds) {
      const alone = new Sequence(seed);
      runs[seed] = Array.from({ length: chunks }, () => alone.chunk());
      alone.free();
    }
    return { type: 'solo', runs };
  },
};

const ready = init();
self.onmessage = async (e) => {
  try {
    await ready;
    postMessage(handlers[e.data.type](e.data));
  } catch (err) {
    postMessage({ type: 'error', message: `${err?.name}: ${err?.message}\n${err?.stack ?? ''}` });
  }
};
