// A program written purely against the API of @ruvector/learning-wasm@0.1.29
// (its d.ts and README), importing 'ruvector-learning-wasm' instead. It must
// compile unchanged against both declaration files:
//   npx tsc -p js/test/types                               (ours)
//   npx tsc -p js/test/types/tsconfig.reference.json       (the reference's)
// Checked, never run.
import init, {
  initSync,
  WasmMicroLoRA,
  WasmScopedLoRA,
  WasmTrajectoryBuffer,
  type InitInput,
  type InitOutput,
  type SyncInitInput,
} from 'ruvector-learning-wasm';

// ---- loading, the ways wasm-bindgen users do it --------------------------

let ready: Promise<InitOutput> | null = null;

/** Loads the module once; with no argument from next to the JS glue. */
export function load(source?: InitInput | Promise<InitInput>): Promise<InitOutput> {
  ready ??= source === undefined ? init() : init({ module_or_path: source });
  return ready;
}

/** Synchronous variant for workers that already hold the bytes. */
export function loadSync(bytes: SyncInitInput): WebAssembly.Memory {
  return initSync({ module: bytes }).memory;
}

// ---- an adapter per query operator, as in the reference's README ---------

const HNSW_SCAN = 2;
const FILTER = 9;

interface Stats {
  forwards: bigint;
  adapts: bigint;
  delta: number;
  params: number;
}

class QueryLearner {
  private readonly lora: WasmMicroLoRA;
  private readonly scoped: WasmScopedLoRA;
  private readonly history: WasmTrajectoryBuffer;

  constructor(dim = 256) {
    this.lora = new WasmMicroLoRA(dim, 0.1, 0.01);
    this.scoped = new WasmScopedLoRA(dim, null, undefined);
    this.history = new WasmTrajectoryBuffer(1000, dim);
  }

  embed(input: Float32Array, opType: number): Float32Array {
    const personal = this.lora.forward_array(input);
    return this.scoped.forward_array(opType, personal);
  }

  learn(gradient: Float32Array, opType: number, improvement: number): void {
    this.lora.adapt_array(gradient);
    this.scoped.adapt_array(opType, gradient);
    this.scoped.adapt_with_reward(opType, improvement);
    this.lora.adapt_with_reward(improvement);
  }

  observe(embedding: Float32Array, opType: number, executionMs: number, baselineMs: number): void {
    this.history.record(embedding, opType, 0, executionMs, baselineMs);
  }

  /** The zero-copy path: the caller writes the input buffer itself. */
  pointers(): [input: number, output: number, dim: number] {
    this.lora.forward();
    this.lora.adapt();
    this.scoped.forward(FILTER);
    this.scoped.adapt(FILTER);
    return [this.lora.get_input_ptr(), this.lora.get_output_ptr(), this.lora.dim()];
  }

  stats(): Stats {
    return {
      forwards: this.lora.forward_count(),
      adapts: this.lora.adapt_count(),
      delta: this.lora.delta_norm(),
      params: this.lora.param_count(),
    };
  }

  report(): string[] {
    const lines = [
      `${WasmScopedLoRA.scope_name(HNSW_SCAN)}: ${this.scoped.forward_count(HNSW_SCAN)} forwards`,
      `adapts: ${this.scoped.adapt_count(FILTER)} / ${this.scoped.total_adapt_count()}`,
      `forwards: ${this.scoped.total_forward_count()}`,
      `delta: ${this.scoped.delta_norm(FILTER).toFixed(6)}`,
    ];
    const h = this.history;
    if (!h.is_empty()) {
      lines.push(
        `trajectories: ${h.len()} of ${h.total_count()}`,
        `mean ${h.mean_improvement()} best ${h.best_improvement()} via ${h.best_attention()}`,
        `success ${(h.success_rate() * 100).toFixed(1)}% variance ${h.variance()}`,
        `good: ${h.high_quality_count(0.5)}, hnsw: ${h.count_by_operator(HNSW_SCAN)}`,
      );
    }
    return lines;
  }

  reset(): void {
    this.lora.reset();
    this.scoped.reset_scope(FILTER);
    this.scoped.reset_all();
    this.scoped.set_category_fallback(false);
    this.history.reset();
  }

  dispose(): void {
    this.lora.free();
    this.scoped[Symbol.dispose]();
    this.history.free();
  }
}

export async function main(): Promise<string[]> {
  await load();
  const learner = new QueryLearner();
  const input = new Float32Array(256).fill(1.0);
  const gradient = new Float32Array(256).fill(0.1);
  learner.observe(learner.embed(input, HNSW_SCAN), HNSW_SCAN, 100.0, 150.0);
  learner.learn(gradient, FILTER, 0.5);
  const [inPtr, outPtr, dim] = learner.pointers();
  const { forwards, adapts, delta, params }: Stats = learner.stats();
  const lines = learner.report();
  lines.push(`${inPtr} ${outPtr} ${dim} ${forwards + adapts} ${delta} ${params}`);
  learner.reset();
  learner.dispose();
  return lines;
}
