// Seed README example: WasmMicroLoRA zero-allocation API.
// Verbatim from ruvnet/RuVector crates/ruvector-learning-wasm/README.md (blob bddeebd6, unchanged from commit 907c695a to 20aca12a)
// ("JavaScript API" section; MIT OR Apache-2.0). Only the code between the
// BEGIN/END markers is the README's. That block continues the previous example
// (it has no import, no init and no myInputData), so the three prelude lines
// above it are added to make it run on its own.
// Run: node js/test/seed/<this file> (js/test/seed.test.mjs runs it).

// ---- prelude (added) ----
import init, { WasmMicroLoRA } from 'ruvector-learning-wasm';
await init();
const myInputData = new Float32Array(256).fill(0.5);

// ---- BEGIN README ----
const lora = new WasmMicroLoRA(256, 0.1, 0.01);

// Get buffer pointers
const inputPtr = lora.get_input_ptr();
const outputPtr = lora.get_output_ptr();
const dim = lora.dim();

// Create views into WASM memory
const memory = new Float32Array(lora.memory.buffer);
const inputView = new Float32Array(memory.buffer, inputPtr, dim);
const outputView = new Float32Array(memory.buffer, outputPtr, dim);

// Write input directly
inputView.set(myInputData);

// Forward pass (zero allocation)
lora.forward();

// Read output directly
const result = outputView.slice();

// Adapt using input buffer as gradient
lora.adapt();

// Adapt with reward (for RL)
lora.adapt_with_reward(0.5); // improvement ratio
// ---- END README ----
