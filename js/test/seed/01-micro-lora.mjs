// Seed README example: WasmMicroLoRA.
// Verbatim from ruvnet/RuVector crates/ruvector-learning-wasm/README.md (blob bddeebd6, unchanged from commit 907c695a to 20aca12a)
// ("JavaScript API" section; MIT OR Apache-2.0). Only the code between the
// BEGIN/END markers is the README's; it already imports 'ruvector-learning-wasm'.
// Run: node js/test/seed/<this file> (js/test/seed.test.mjs runs it).

// ---- BEGIN README ----
import init, { WasmMicroLoRA } from 'ruvector-learning-wasm';

// Initialize WASM module
await init();

// Create a new MicroLoRA engine
const lora = new WasmMicroLoRA(
  256,    // dim: Embedding dimension (max 256)
  0.1,    // alpha: Scaling factor
  0.01    // learning_rate: Learning rate for adaptation
);

// Forward pass with typed array
const input = new Float32Array(256).fill(1.0);
const output = lora.forward_array(input);

// Adapt with gradient
const gradient = new Float32Array(256).fill(0.1);
lora.adapt_array(gradient);

// Get statistics
console.log('Forward count:', lora.forward_count());
console.log('Adapt count:', lora.adapt_count());
console.log('Delta norm:', lora.delta_norm());
console.log('Parameter count:', lora.param_count());

// Reset engine
lora.reset();
// ---- END README ----
