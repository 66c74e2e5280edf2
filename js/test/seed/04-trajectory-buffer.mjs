// Seed README example: WasmTrajectoryBuffer.
// Verbatim from ruvnet/RuVector crates/ruvector-learning-wasm/README.md (blob bddeebd6, unchanged from commit 907c695a to 20aca12a)
// ("JavaScript API" section; MIT OR Apache-2.0). Only the code between the
// BEGIN/END markers is the README's; it already imports 'ruvector-learning-wasm'.
// Run: node js/test/seed/<this file> (js/test/seed.test.mjs runs it).

// ---- BEGIN README ----
import init, { WasmTrajectoryBuffer } from 'ruvector-learning-wasm';

await init();

const buffer = new WasmTrajectoryBuffer(
  1000,   // capacity: max trajectories to store
  256     // embedding_dim
);

// Record a trajectory
const embedding = new Float32Array(256).fill(1.0);
buffer.record(
  embedding,
  2,        // op_type: HnswScan
  0,        // attention_type
  100.0,    // execution_ms
  150.0     // baseline_ms (improvement = 150/100 - 1 = 0.5)
);

// Get statistics
console.log('Total count:', buffer.total_count());
console.log('Buffer length:', buffer.len());
console.log('Mean improvement:', buffer.mean_improvement());
console.log('Best improvement:', buffer.best_improvement());
console.log('Success rate:', buffer.success_rate());
console.log('Best attention type:', buffer.best_attention());
console.log('Variance:', buffer.variance());

// Filter by quality
console.log('High quality count:', buffer.high_quality_count(0.5));

// Filter by operator
console.log('HnswScan trajectories:', buffer.count_by_operator(2));

// Reset buffer
buffer.reset();
// ---- END README ----
