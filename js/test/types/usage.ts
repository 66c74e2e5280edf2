// Type-level test of types/index.d.ts: every declaration is used with its
// exact types, and each `@ts-expect-error` line proves a wrong use is
// rejected (tsc fails if such a line compiles). Checked, never run:
//   npx tsc -p js/test/types
import init, {
  initSync,
  WasmMicroLoRA,
  WasmScopedLoRA,
  WasmTrajectoryBuffer,
  type InitInput,
  type InitOutput,
  type SyncInitInput,
} from 'ruvector-learning-wasm';

// ---- helpers -------------------------------------------------------------

/** `true` only when A and B are the same type (not merely assignable). */
type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;

/** Compiles only when `value` has exactly type T. */
function exact<T>() {
  return <V>(value: V & (Equals<V, T> extends true ? unknown : never)): V => value;
}

const aNumber = exact<number>();
const aBigint = exact<bigint>();
const aBoolean = exact<boolean>();
const aString = exact<string>();
const aVoid = exact<void>();
const aFloat32Array = exact<Float32Array>();
const aMemory = exact<WebAssembly.Memory>();
// The additions beyond the reference return arrays over a plain ArrayBuffer
// (usable wherever a BufferSource is expected, e.g. a Blob or fetch body).
const anOwnFloat32Array = exact<Float32Array<ArrayBuffer>>();
const anOwnUint8Array = exact<Uint8Array<ArrayBuffer>>();
const aMicroLoRA = exact<WasmMicroLoRA>();
const aScopedLoRA = exact<WasmScopedLoRA>();
const aTrajectoryBuffer = exact<WasmTrajectoryBuffer>();

// ---- init / initSync -----------------------------------------------------

const wasmUrl = new URL('./ruvector_learning.wasm', import.meta.url);
const bytes: Uint8Array<ArrayBuffer> = new Uint8Array(8);
const compiled: WebAssembly.Module = new WebAssembly.Module(bytes);

const out: InitOutput = await init();
aMemory(out.memory);
await init({ module_or_path: wasmUrl });
await init({ module_or_path: wasmUrl.href });
await init({ module_or_path: fetch(wasmUrl) });
await init({ module_or_path: new Request(wasmUrl) });
await init({ module_or_path: bytes.buffer });
await init({ module_or_path: compiled });
await init({ module_or_path: Promise.resolve<InitInput>(compiled) });
await init(wasmUrl); // deprecated form, still typed
await init(await fetch(wasmUrl)); // deprecated form
await init(undefined);

const syncOut: InitOutput = initSync({ module: bytes });
aMemory(syncOut.memory);
initSync({ module: compiled });
initSync(bytes); // deprecated form
initSync(new DataView(bytes.buffer));
const syncInputs: SyncInitInput[] = [bytes, bytes.buffer, compiled];
const initInputs: InitInput[] = [...syncInputs, wasmUrl, 'x.wasm', new Response(bytes)];

// Not rejectable by types (as with the reference's d.ts): lib.dom declares
// WebAssembly.Module as an empty interface, so any non-nullish value, e.g.
// `init(42)` or `initSync({ module: wasmUrl })`, type-checks as an
// InitInput/SyncInitInput. Those are TypeErrors at run time instead.
// @ts-expect-error null is not an InitInput
await init(null);
// @ts-expect-error initSync needs an argument
initSync();
// @ts-expect-error InitOutput.memory is read-only
out.memory = new WebAssembly.Memory({ initial: 1 });
// @ts-expect-error init returns a promise, not InitOutput
const notAwaited: InitOutput = init();

// ---- WasmMicroLoRA -------------------------------------------------------

function microLoRA(): void {
  const lora = new WasmMicroLoRA(4, 0.1, 0.01);
  new WasmMicroLoRA();
  new WasmMicroLoRA(256);
  new WasmMicroLoRA(null, null, null);
  new WasmMicroLoRA(undefined, 0.5);

  aNumber(lora.dim());
  aNumber(lora.get_input_ptr());
  aNumber(lora.get_output_ptr());
  aMemory(lora.memory);
  const input = new Float32Array(lora.memory.buffer, lora.get_input_ptr(), lora.dim());
  input.set([1, 2, 3, 4]);
  aVoid(lora.forward());
  aFloat32Array(lora.forward_array(new Float32Array(4)));
  aFloat32Array(lora.forward_array([1, 2, 3, 4]));
  aFloat32Array(lora.forward_array({ length: 4, 0: 1, 1: 2, 2: 3, 3: 4 }));
  aVoid(lora.adapt());
  aVoid(lora.adapt_array(new Float32Array([0.1, 0.2, 0.3, 0.4])));
  aVoid(lora.adapt_array([0.1, 0.2, 0.3, 0.4]));
  aVoid(lora.adapt_with_reward(0.5));
  aBigint(lora.forward_count());
  aBigint(lora.adapt_count());
  aNumber(lora.delta_norm());
  aNumber(lora.param_count());
  aVoid(lora.reset());
  aVoid(lora[Symbol.dispose]());
  aVoid(lora.free());

  // @ts-expect-error dim is a number, not a string
  new WasmMicroLoRA('256');
  // @ts-expect-error alpha is a number
  new WasmMicroLoRA(4, '0.1');
  // @ts-expect-error at most three arguments
  new WasmMicroLoRA(4, 0.1, 0.01, 1);
  // @ts-expect-error a class constructor needs `new`
  WasmMicroLoRA(4);
  // @ts-expect-error forward() reads the input buffer; it takes no argument
  lora.forward(new Float32Array(4));
  // @ts-expect-error a string is not an array of numbers
  lora.forward_array('1234');
  // @ts-expect-error an array of strings is not an array of numbers
  lora.adapt_array(['0.1', '0.2', '0.3', '0.4']);
  // @ts-expect-error the gradient is required
  lora.adapt_array();
  // @ts-expect-error improvement is a number
  lora.adapt_with_reward(true);
  // @ts-expect-error counts are bigint, not number
  const count: number = lora.forward_count();
  // @ts-expect-error memory is read-only
  lora.memory = out.memory;
  // @ts-expect-error WasmMicroLoRA has no per-operator methods
  lora.reset_all();
  void count;
}

// ---- WasmScopedLoRA ------------------------------------------------------

function scopedLoRA(): void {
  const scoped = new WasmScopedLoRA(4, 0.1, 0.01);
  new WasmScopedLoRA();
  new WasmScopedLoRA(null, undefined, 0.02);
  const HNSW_SCAN = 2;

  aString(WasmScopedLoRA.scope_name(HNSW_SCAN));
  aNumber(scoped.dim());
  aNumber(scoped.get_input_ptr());
  aNumber(scoped.get_output_ptr());
  aMemory(scoped.memory);
  aVoid(scoped.forward(HNSW_SCAN));
  aFloat32Array(scoped.forward_array(HNSW_SCAN, new Float32Array(4)));
  aFloat32Array(scoped.forward_array(HNSW_SCAN, [1, 2, 3, 4]));
  aVoid(scoped.adapt(HNSW_SCAN));
  aVoid(scoped.adapt_array(HNSW_SCAN, [0.1, 0.2, 0.3, 0.4]));
  aVoid(scoped.adapt_with_reward(HNSW_SCAN, 0.25));
  aBigint(scoped.forward_count(HNSW_SCAN));
  aBigint(scoped.adapt_count(HNSW_SCAN));
  aNumber(scoped.delta_norm(HNSW_SCAN));
  aBigint(scoped.total_forward_count());
  aBigint(scoped.total_adapt_count());
  aVoid(scoped.set_category_fallback(false));
  aVoid(scoped.reset_scope(HNSW_SCAN));
  aVoid(scoped.reset_all());
  aVoid(scoped[Symbol.dispose]());
  aVoid(scoped.free());

  // @ts-expect-error scope_name is static, not an instance method
  scoped.scope_name(HNSW_SCAN);
  // @ts-expect-error op_type is a number, not a name
  scoped.forward('HnswScan');
  // @ts-expect-error op_type comes first
  scoped.forward_array(new Float32Array(4), HNSW_SCAN);
  // @ts-expect-error the operator is required
  scoped.adapt();
  // @ts-expect-error enabled is a boolean
  scoped.set_category_fallback(1);
  // @ts-expect-error scope_name returns a string
  const name: number = WasmScopedLoRA.scope_name(0);
  void name;
}

// ---- WasmTrajectoryBuffer ------------------------------------------------

function trajectoryBuffer(): void {
  const buffer = new WasmTrajectoryBuffer(100, 4);
  new WasmTrajectoryBuffer();
  new WasmTrajectoryBuffer(null, 256);

  aMemory(buffer.memory);
  aVoid(buffer.record(new Float32Array(4), 2, 0, 100, 150));
  aVoid(buffer.record([1, 2, 3, 4], 5, 7, 45.2, 120.5));
  aBigint(buffer.total_count());
  aNumber(buffer.len());
  aBoolean(buffer.is_empty());
  aNumber(buffer.mean_improvement());
  aNumber(buffer.best_improvement());
  aNumber(buffer.success_rate());
  aNumber(buffer.best_attention());
  aNumber(buffer.variance());
  aNumber(buffer.high_quality_count(0.5));
  aNumber(buffer.count_by_operator(2));
  aVoid(buffer.reset());
  aVoid(buffer[Symbol.dispose]());
  aVoid(buffer.free());

  // @ts-expect-error record needs all five arguments
  buffer.record(new Float32Array(4), 2, 0, 100);
  // @ts-expect-error the embedding is an array, not a number
  buffer.record(4, 2, 0, 100, 150);
  // @ts-expect-error capacity is a number
  new WasmTrajectoryBuffer('1000');
  // @ts-expect-error is_empty returns a boolean
  const empty: number = buffer.is_empty();
  void empty;
}

// ---- beyond the reference: WasmMicroLoRA -----------------------------------

function microBeyond(): void {
  const lora = new WasmMicroLoRA(4, 0.1, 0.01);

  // zero-allocation views, made anew after any memory growth
  const input = lora.input_view();
  anOwnFloat32Array(input);
  input.set([1, 2, 3, 4]);
  lora.forward();
  anOwnFloat32Array(lora.output_view());

  // B
  const b = lora.get_b();
  anOwnFloat32Array(b);
  aVoid(lora.set_b(b));
  aVoid(lora.set_b([0, 0, 0, 0, 0, 0, 0, 0]));

  // batches: n rows of dim() values, back to back
  anOwnFloat32Array(lora.forward_batch(new Float32Array(3 * 4)));
  anOwnFloat32Array(lora.forward_batch([1, 2, 3, 4, 5, 6, 7, 8]));
  aVoid(lora.adapt_batch(new Float32Array(2 * 4)));
  aVoid(lora.adapt_batch([0.1, 0.2, 0.3, 0.4]));
  // out: the caller's Float32Array is filled and returned, keeping its type
  const rows = new Float32Array(3 * 4);
  const filled: Float32Array<ArrayBuffer> = lora.forward_batch(new Float32Array(3 * 4), rows);
  const one: Float32Array<ArrayBuffer> = lora.forward_array([1, 2, 3, 4], new Float32Array(4));
  void filled;
  void one;
  // @ts-expect-error out must be a Float32Array
  lora.forward_batch([1, 2, 3, 4], new Float64Array(4));
  // @ts-expect-error out must be a Float32Array, not an array
  lora.forward_array([1, 2, 3, 4], [0, 0, 0, 0]);

  // persistence
  const saved = lora.to_bytes();
  anOwnUint8Array(saved);
  aMicroLoRA(WasmMicroLoRA.from_bytes(saved));
  aMicroLoRA(WasmMicroLoRA.from_bytes(saved.buffer));
  const blob = new Blob([saved]); // a Uint8Array<ArrayBuffer> is a BlobPart
  void blob;

  // @ts-expect-error from_bytes is static, not an instance method
  lora.from_bytes(saved);
  // @ts-expect-error from_bytes takes bytes, not a string
  WasmMicroLoRA.from_bytes('RVLW');
  // @ts-expect-error from_bytes takes a Uint8Array or ArrayBuffer, not floats
  WasmMicroLoRA.from_bytes(new Float32Array(4));
  // @ts-expect-error from_bytes needs the bytes
  WasmMicroLoRA.from_bytes();
  // @ts-expect-error from_bytes of WasmMicroLoRA does not make a WasmScopedLoRA
  const wrongClass: WasmScopedLoRA = WasmMicroLoRA.from_bytes(saved);
  // @ts-expect-error to_bytes returns bytes, not a string
  const text: string = lora.to_bytes();
  // @ts-expect-error to_bytes takes no argument
  lora.to_bytes(true);
  // @ts-expect-error set_b needs the values
  lora.set_b();
  // @ts-expect-error set_b takes numbers
  lora.set_b(['0', '0', '0', '0', '0', '0', '0', '0']);
  // @ts-expect-error get_b takes no argument
  lora.get_b(0);
  // @ts-expect-error forward_batch needs the inputs
  lora.forward_batch();
  // @ts-expect-error a WasmMicroLoRA batch has no op_type
  lora.adapt_batch(2, new Float32Array(4));
  // @ts-expect-error input_view takes no argument (it is always dim() long)
  lora.input_view(4);
  // @ts-expect-error WasmMicroLoRA has no learn_from
  lora.learn_from(new WasmTrajectoryBuffer(10, 4));
  void wrongClass;
  void text;
}

// ---- beyond the reference: WasmScopedLoRA ----------------------------------

function scopedBeyond(): void {
  const scoped = new WasmScopedLoRA(4, 0.1, 0.01);
  const buffer = new WasmTrajectoryBuffer(100, 4);
  const HASH_JOIN = 5;

  anOwnFloat32Array(scoped.input_view());
  anOwnFloat32Array(scoped.output_view());
  anOwnFloat32Array(scoped.forward_batch(HASH_JOIN, new Float32Array(2 * 4)));
  anOwnFloat32Array(scoped.forward_batch(HASH_JOIN, [1, 2, 3, 4]));
  anOwnFloat32Array(scoped.forward_batch(HASH_JOIN, [1, 2, 3, 4], new Float32Array(4)));
  // @ts-expect-error out must be a Float32Array
  scoped.forward_batch(HASH_JOIN, [1, 2, 3, 4], [0, 0, 0, 0]);
  aVoid(scoped.adapt_batch(HASH_JOIN, new Float32Array(2 * 4)));
  aVoid(scoped.adapt_batch(HASH_JOIN, [0.1, 0.2, 0.3, 0.4]));
  aNumber(scoped.learn_from(buffer));
  aNumber(scoped.learn_from(buffer, 0.6));
  aNumber(scoped.learn_from(buffer, null));
  aNumber(scoped.learn_from(buffer, undefined));
  const saved = scoped.to_bytes();
  anOwnUint8Array(saved);
  aScopedLoRA(WasmScopedLoRA.from_bytes(saved));
  aScopedLoRA(WasmScopedLoRA.from_bytes(saved.buffer));

  // @ts-expect-error op_type comes first in a batch
  scoped.forward_batch(new Float32Array(4));
  // @ts-expect-error op_type is a number, not a name
  scoped.adapt_batch('HashJoin', new Float32Array(4));
  // @ts-expect-error learn_from needs a buffer
  scoped.learn_from();
  // @ts-expect-error learn_from takes a WasmTrajectoryBuffer, not a LoRA
  scoped.learn_from(new WasmMicroLoRA(4));
  // @ts-expect-error learn_from takes a WasmTrajectoryBuffer, not raw embeddings
  scoped.learn_from(new Float32Array(4));
  // @ts-expect-error min_quality is a number
  scoped.learn_from(buffer, '0.6');
  // @ts-expect-error learn_from returns a count (number), not a bigint
  const applied: bigint = scoped.learn_from(buffer);
  // @ts-expect-error WasmScopedLoRA has no single B to get
  scoped.get_b();
  void applied;
}

// ---- beyond the reference: WasmTrajectoryBuffer ----------------------------

function bufferBeyond(): void {
  const buffer = new WasmTrajectoryBuffer(100, 4);
  buffer.record([1, 2, 3, 4], 5, 7, 45.2, 120.5);
  aNumber(buffer.embedding_dim());
  const saved = buffer.to_bytes();
  anOwnUint8Array(saved);
  aTrajectoryBuffer(WasmTrajectoryBuffer.from_bytes(saved));
  aTrajectoryBuffer(WasmTrajectoryBuffer.from_bytes(saved.buffer));

  // @ts-expect-error the buffer has no zero-allocation buffers
  buffer.input_view();
  // @ts-expect-error the buffer has no batches
  buffer.forward_batch([1, 2, 3, 4]);
  // @ts-expect-error embedding_dim is a method
  const dim: number = buffer.embedding_dim;
  void dim;
}

// Persistence is generic over the three classes.
interface Persistent {
  to_bytes(): Uint8Array<ArrayBuffer>;
}
function saveAll(objects: Persistent[]): Uint8Array<ArrayBuffer>[] {
  return objects.map((o) => o.to_bytes());
}
const restorers: ((bytes: Uint8Array) => Persistent)[] = [
  WasmMicroLoRA.from_bytes,
  WasmScopedLoRA.from_bytes,
  WasmTrajectoryBuffer.from_bytes,
];

// ---- explicit resource management ---------------------------------------

function withUsing(): number {
  using lora = new WasmMicroLoRA(4);
  using scoped = new WasmScopedLoRA(4);
  using buffer = new WasmTrajectoryBuffer(10, 4);
  buffer.record(lora.forward_array(scoped.forward_array(0, [1, 2, 3, 4])), 0, 0, 1, 2);
  return buffer.len();
}

// Every class is Disposable, so it also fits a DisposableStack.
function withDisposableStack(): void {
  const disposables: Disposable[] = [
    new WasmMicroLoRA(),
    new WasmScopedLoRA(),
    new WasmTrajectoryBuffer(),
  ];
  for (const d of disposables) d[Symbol.dispose]();
}

microLoRA();
scopedLoRA();
trajectoryBuffer();
microBeyond();
scopedBeyond();
bufferBeyond();
void saveAll([new WasmMicroLoRA(), new WasmScopedLoRA(), new WasmTrajectoryBuffer()]);
void restorers;
aNumber(withUsing());
withDisposableStack();
void initInputs;
void notAwaited;
