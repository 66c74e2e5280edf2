/**
 * Type declarations for `ruvector-learning-wasm`: rank-2 LoRA adapters for
 * per-operator online learning, written in Go and compiled to WebAssembly.
 *
 * A drop-in for the API of `@ruvector/learning-wasm@0.1.29`: every class,
 * method and argument order of that package's declarations is here, so code
 * written against its types compiles against these. The additions are
 * `memory` on every object, `WasmScopedLoRA.dim()`, array parameters that
 * accept any array-like of numbers, the features the reference lacks
 * (see below), and documented errors: where the
 * reference silently ignores, clamps or traps on bad input, this package
 * throws a `TypeError` (wrong kind of value) or a `RangeError` (wrong value)
 * whose message names the class, method and argument, e.g.
 * `"WasmMicroLoRA.adapt_array: gradient must have length dim() = 4 (got Float32Array of length 3)"`,
 * and leaves every object's state unchanged.
 *
 * Common to every method of every class (not repeated below):
 * - throws `Error` (`"<Class>.<method>: object has been freed"`) once `free()`
 *   has been called;
 * - throws `TypeError` (`"<Class>.<method>: this is not a <Class>"`) when
 *   called with a `this` that is not an instance of the class;
 * - numbers passed for float32 parameters are rounded to float32 first
 *   (`Math.fround`), as the reference does; float32 results are returned as
 *   ordinary JS numbers;
 * - an array parameter accepts a `Float32Array` (copied directly, fastest) or
 *   any array-like (an `Array`, another typed array, an object with a numeric
 *   `length`), whose elements are converted as `new Float32Array(array)` does;
 *   strings, functions, `ArrayBuffer`s, plain numbers, `null` and `undefined`
 *   are rejected with `TypeError`;
 * - an array's length is its real element count (a typed array's internal
 *   length, whatever its `length` property says; an `Array`'s length read
 *   once); a detached typed array is a `RangeError`
 *   (`"... must not be detached"`);
 * - everything that grows with its input (an object, a batch, a state) is
 *   charged to the module's memory budget of 3 GiB of live data first: past
 *   it, a `RangeError` (`"<Class>.<method>: <argument> would need more memory
 *   than this module has left (free some objects first)"`) that changes
 *   nothing; `free()` gives the memory back at once, and an object dropped
 *   without `free()` once the JS engine has collected it;
 * - for valid input with `dim <= 256`, every number returned is bit-identical
 *   to the reference's.
 *
 * Beyond the reference:
 * - persistence: `to_bytes()` on every object and static `from_bytes(bytes)`
 *   on every class (a versioned, little-endian format with a CRC-32, see
 *   {@link WasmMicroLoRA.to_bytes});
 * - {@link WasmMicroLoRA.get_b} / {@link WasmMicroLoRA.set_b};
 * - batches: `forward_batch` / `adapt_batch` on both LoRA classes;
 * - {@link WasmScopedLoRA.learn_from}, which replays a
 *   {@link WasmTrajectoryBuffer}, and {@link WasmTrajectoryBuffer.embedding_dim};
 * - `input_view()` / `output_view()`: fresh `Float32Array`s over the
 *   zero-allocation buffers;
 * - dimensions up to 8192 as real adapters.
 *
 * These declarations use the DOM/Fetch types `RequestInfo`, `Response` and
 * `BufferSource` and the `WebAssembly` namespace (lib `"DOM"`, or
 * `@types/node`), and `Symbol.dispose` (lib `"ESNext.Disposable"` or later).
 */

// ---------------------------------------------------------------------------
// Loading the module
// ---------------------------------------------------------------------------

/**
 * Where {@link init} can load the WebAssembly module from.
 *
 * - `RequestInfo` (a `string` or a `Request`) or `URL`: fetched with `fetch`;
 *   in Node, a `file:` URL (or a plain path) is read from disk.
 * - `Response`: its body is compiled (streaming when the MIME type allows).
 * - `BufferSource` (`ArrayBuffer`, typed array, `DataView`): the module's bytes.
 * - `WebAssembly.Module`: an already-compiled module.
 */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/**
 * What {@link initSync} accepts: the module's bytes or an already-compiled
 * `WebAssembly.Module`. (Synchronous compilation of large modules may be
 * refused on a browser's main thread; prefer {@link init} there.)
 */
export type SyncInitInput = BufferSource | WebAssembly.Module;

/** What {@link init} resolves to and {@link initSync} returns. */
export interface InitOutput {
  /**
   * The running module's linear memory (the same object as every class
   * instance's `memory`). Its `buffer` is replaced when the memory grows, so
   * re-create views after any call that may allocate.
   */
  readonly memory: WebAssembly.Memory;
}

/**
 * Loads, instantiates and starts the WebAssembly module. Call it (or
 * {@link initSync}) once before constructing any class.
 *
 * With no argument, loads `ruvector_learning.wasm` from next to this module
 * (`new URL('./ruvector_learning.wasm', import.meta.url)`); in Node the file
 * is read from disk.
 *
 * Idempotent: later calls resolve to the same {@link InitOutput} without
 * loading anything. If loading fails the promise rejects and `init` may be
 * called again.
 *
 * @param module_or_path - `{ module_or_path }`, where `module_or_path` is an
 *   {@link InitInput} or a promise of one. Passing the `InitInput` (or its
 *   promise) directly is deprecated but still accepted.
 * @returns a promise of `{ memory }`.
 * @throws (rejects) `TypeError` for an argument of the wrong kind; `Error`
 *   (or the underlying fetch / `WebAssembly` error) when the module cannot be
 *   fetched, compiled or started.
 */
export default function init(
  module_or_path?:
    | { module_or_path: InitInput | Promise<InitInput> }
    | InitInput
    | Promise<InitInput>,
): Promise<InitOutput>;

/**
 * Instantiates and starts the WebAssembly module synchronously from its bytes
 * or a compiled `WebAssembly.Module`.
 *
 * Idempotent: if the module is already running (from `init` or `initSync`),
 * returns the same {@link InitOutput} without using the argument.
 *
 * @param module - `{ module }`, where `module` is a {@link SyncInitInput}.
 *   Passing the `SyncInitInput` directly is deprecated but still accepted.
 * @returns `{ memory }`.
 * @throws `TypeError` for an argument of the wrong kind; a
 *   `WebAssembly.CompileError` / `LinkError` / `Error` when the bytes are not
 *   this package's module or the module cannot start.
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

// ---------------------------------------------------------------------------
// WasmMicroLoRA
// ---------------------------------------------------------------------------

/**
 * A single rank-2 LoRA adapter, `y = x + alpha * (x·A)·B`, that learns
 * online from gradients or rewards, plus an input buffer and an output buffer
 * of `dim()` float32 values each in the module's memory for zero-allocation
 * use.
 *
 * ```js
 * const lora = new WasmMicroLoRA(256, 0.1, 0.01);
 * const y = lora.forward_array(x);      // x: Float32Array(256)
 * lora.adapt_array(gradient);
 * ```
 */
export class WasmMicroLoRA {
  /**
   * Creates an adapter. `undefined` or `null` for any argument means its
   * default. `A` is initialised deterministically (the same for every adapter
   * of the same `dim`), `B` to zero, so a new adapter's output equals its input.
   *
   * @param dim - embedding dimension, an integer in 1..8192 (default 256).
   *   Bit-exactness with the reference is promised for `dim <= 256`; larger
   *   dims are real adapters (the reference clamps to 256).
   * @param alpha - scaling factor of the LoRA delta (default 0.1); any finite number.
   * @param learning_rate - step size of every update (default 0.01); any finite number.
   * @throws `Error` if neither {@link init} nor {@link initSync} has completed.
   * @throws `TypeError` if an argument is not a number and not undefined or null.
   * @throws `RangeError` if `dim` is not an integer in 1..8192, or `alpha` or
   *   `learning_rate` is NaN or ±Infinity.
   */
  constructor(dim?: number | null, alpha?: number | null, learning_rate?: number | null);

  /**
   * The module's `WebAssembly.Memory`, which holds the input and output
   * buffers: `new Float32Array(lora.memory.buffer, lora.get_input_ptr(), lora.dim())`.
   * Views must be re-created if the memory grows (its old `buffer` detaches).
   */
  readonly memory: WebAssembly.Memory;

  /**
   * Releases the adapter's memory now rather than when it is garbage-collected.
   * Afterwards every other method throws `Error`; calling `free()` again is a no-op.
   */
  free(): void;

  /** Same as {@link free}; lets `using lora = new WasmMicroLoRA()` release it at scope exit. */
  [Symbol.dispose](): void;

  /** The embedding dimension `d` (number of float32 values in each buffer and array). */
  dim(): number;

  /**
   * Byte offset of the input buffer (`dim()` float32 values) in {@link memory}.
   * Fixed for the object's lifetime; 4-byte aligned.
   */
  get_input_ptr(): number;

  /**
   * Byte offset of the output buffer (`dim()` float32 values) in {@link memory}.
   * Fixed for the object's lifetime; 4-byte aligned.
   */
  get_output_ptr(): number;

  /**
   * Zero-allocation forward pass: output buffer = forward(input buffer).
   * Increments {@link forward_count}. Write the input at `get_input_ptr()`
   * first and read the result at `get_output_ptr()` afterwards. NaN in the
   * input propagates to the output; the adapter's weights are not changed.
   */
  forward(): void;

  /**
   * Forward pass on `input`; returns a new `Float32Array` of length `dim()`,
   * or fills `out` and returns it (no allocation: for hot loops; not in the
   * reference, which ignores a second argument). Increments
   * {@link forward_count} once. NaN in the input propagates to the output.
   *
   * @param input - `dim()` numbers (a `Float32Array` is fastest; any array-like
   *   of numbers is rounded to float32).
   * @param out - optional: a `Float32Array` of `dim()` values that receives
   *   the result, bit for bit what the allocating call returns.
   * @throws `TypeError` if `input` is not an array-like (e.g. a string, a
   *   plain number, an object without `length`, null or undefined), or if
   *   `out` is given and is not a `Float32Array`.
   * @throws `RangeError` if `input.length !== dim()`, or if `out` is not
   *   `dim()` long (or is detached). On any error nothing is counted.
   */
  forward_array<T extends Float32Array = Float32Array>(input: Float32Array | ArrayLike<number>, out?: T): T;

  /**
   * One update step using the input buffer as the gradient, at the learning
   * rate. Increments {@link adapt_count} even when the update is skipped
   * because the gradient's squared norm is below 1e-16.
   *
   * @throws `RangeError` if the input buffer holds NaN or ±Infinity, or its
   *   squared norm overflows float32.
   */
  adapt(): void;

  /**
   * One update step with `gradient`, at the learning rate. Increments
   * {@link adapt_count} even when the update is skipped (squared norm < 1e-16).
   *
   * @param gradient - `dim()` finite numbers.
   * @throws `TypeError` if `gradient` is not an array-like.
   * @throws `RangeError` if `gradient.length !== dim()`, it holds NaN or
   *   ±Infinity, or its squared norm overflows float32.
   */
  adapt_array(gradient: Float32Array | ArrayLike<number>): void;

  /**
   * Reward-scaled update using the input buffer as the gradient: skipped when
   * `improvement <= 0`, otherwise one step at `learning_rate * min(improvement, 2)`.
   * Increments {@link adapt_count} even when skipped.
   *
   * @param improvement - relative improvement (e.g. 0.15 for 15% faster);
   *   `+Infinity` counts as 2, `-Infinity` skips.
   * @throws `TypeError` if `improvement` is not a number.
   * @throws `RangeError` if `improvement` is NaN, or the input buffer holds
   *   NaN/±Infinity or its squared norm overflows float32 (checked even when
   *   the update would be skipped).
   */
  adapt_with_reward(improvement: number): void;

  /** Clears what the adapter learned (`B = 0`; `A` is kept) and both counters. */
  reset(): void;

  /** Number of forward passes (`forward` + `forward_array`) since creation or `reset()`. */
  forward_count(): bigint;

  /**
   * Number of adapt calls (`adapt`, `adapt_array`, `adapt_with_reward`) since
   * creation or `reset()`, including skipped ones; calls that threw are not counted.
   */
  adapt_count(): bigint;

  /** Magnitude of the learned change, `‖B‖ · alpha` (a float32 value; 0 for a new adapter). */
  delta_norm(): number;

  /**
   * Number of parameters of the adapter: `2 * max(dim, 256) + 2 * dim`
   * (the reference's `512 + 2 * dim` for `dim <= 256`; `4 * dim` above).
   */
  param_count(): number;

  // ---- beyond the reference ----

  /**
   * A fresh `Float32Array` of `dim()` elements over the input buffer
   * (`new Float32Array(memory.buffer, get_input_ptr(), dim())`). Made anew
   * on each call, so it is valid even after the module's memory has grown;
   * a view kept from before a growth is detached (length 0). Not in the reference.
   */
  input_view(): Float32Array<ArrayBuffer>;

  /**
   * A fresh `Float32Array` of `dim()` elements over the output buffer, where
   * {@link forward} writes. Like {@link input_view}, re-create it after the
   * memory may have grown. Not in the reference.
   */
  output_view(): Float32Array<ArrayBuffer>;

  /**
   * A copy of the learned up-projection `B`: `2 * dim()` values, row `B0`
   * then row `B1`. Zero for a new or reset adapter. Not in the reference.
   */
  get_b(): Float32Array<ArrayBuffer>;

  /**
   * Replaces `B` (row `B0` then row `B1`), e.g. with another adapter's
   * {@link get_b}: an adapter of the same `dim`, `alpha` and `learning_rate`
   * then gives the same outputs (`A` is the same for every adapter of a
   * `dim`). The counters are not changed. Not in the reference.
   *
   * @param b - `2 * dim()` finite numbers.
   * @throws `TypeError` if `b` is not an array-like of numbers.
   * @throws `RangeError` if `b.length !== 2 * dim()` or a value is NaN or
   *   ±Infinity (after rounding to float32); nothing changes then.
   */
  set_b(b: Float32Array | ArrayLike<number>): void;

  /**
   * Forward pass on `n` inputs at once: `inputs` holds `n` rows of `dim()`
   * values back to back; returns the `n` outputs the same way. Bit-identical
   * to `n` calls of {@link forward_array} in order (and `forward_count()`
   * grows by `n`), with one crossing of the JS/wasm boundary. Not in the reference.
   *
   * @param inputs - `n * dim()` numbers (`n` may be 0); any float values.
   * @param out - optional: a `Float32Array` of `inputs.length` values that
   *   receives the outputs and is returned, instead of a new array (as
   *   {@link forward_array}'s `out`).
   * @throws `TypeError` if `inputs` is not an array-like of numbers, or if
   *   `out` is given and is not a `Float32Array`.
   * @throws `RangeError` if `inputs.length` is not a multiple of `dim()`, or
   *   if `out` is not `inputs.length` long (or is detached). On any error
   *   nothing is counted.
   */
  forward_batch<T extends Float32Array = Float32Array<ArrayBuffer>>(inputs: Float32Array | ArrayLike<number>, out?: T): T;

  /**
   * `n` update steps at once, one per row of `gradients` (`n` rows of
   * `dim()` values), in order: the same state and `adapt_count()` as `n`
   * calls of {@link adapt_array}. Every row is checked before any is
   * applied. Not in the reference.
   *
   * @param gradients - `n * dim()` finite numbers (`n` may be 0).
   * @throws `TypeError` if `gradients` is not an array-like of numbers.
   * @throws `RangeError` if `gradients.length` is not a multiple of `dim()`,
   *   or any row holds NaN/±Infinity or has a squared norm that overflows
   *   float32; nothing changes then.
   */
  adapt_batch(gradients: Float32Array | ArrayLike<number>): void;

  /**
   * Saves the adapter's whole state (configuration, counters, `A`, `B`, and
   * the input and output buffers) as bytes that {@link WasmMicroLoRA.from_bytes}
   * restores, here or in another module instance. Not in the reference.
   *
   * Format (version 1), all little-endian: magic `"RVLW"`, u16 version 1,
   * u8 class tag (1 WasmMicroLoRA, 2 WasmScopedLoRA, 3 WasmTrajectoryBuffer),
   * u8 0, the class's body, and a u32 CRC-32 (IEEE) of every preceding byte.
   * This class's body: u32 dim, f32 alpha, f32 learning_rate, u64
   * forward_count, u64 adapt_count, the adapter (u64 applied updates, then
   * A0, A1, B0, B1: `dim` f32 each), the input buffer and the output buffer
   * (`dim` f32 each): `48 + 24 * dim` bytes in all.
   */
  to_bytes(): Uint8Array<ArrayBuffer>;

  /**
   * Restores an adapter saved by {@link to_bytes}: the new object is
   * indistinguishable from the saved one (same outputs, counters, `B`,
   * buffers, and the same results for any further calls). Not in the reference.
   *
   * @param bytes - the saved state (a `Uint8Array`, e.g. a Node `Buffer`, or
   *   an `ArrayBuffer`); it is copied.
   * @throws `Error` (`"WasmMicroLoRA.from_bytes: ..."`) if the bytes are
   *   truncated, corrupted (CRC-32 mismatch), of another class or another
   *   format version, or hold values the constructor refuses (e.g. `dim`
   *   outside 1..8192, a non-finite `alpha`) or a NaN/±Infinity weight in
   *   `A` or `B` (as {@link set_b} refuses; the buffers may hold any value).
   * @throws `TypeError` if `bytes` is neither a `Uint8Array` nor an `ArrayBuffer`.
   * @throws `Error` if neither {@link init} nor {@link initSync} has completed.
   */
  static from_bytes(bytes: Uint8Array | ArrayBuffer): WasmMicroLoRA;
}

// ---------------------------------------------------------------------------
// WasmScopedLoRA
// ---------------------------------------------------------------------------

/**
 * Seventeen rank-2 LoRA adapters, one per query-operator type, plus seven
 * category adapters they fall back to while they have little experience.
 * Same constructor, buffers and `memory` as {@link WasmMicroLoRA}.
 *
 * Operator types (`op_type`, an integer 0..16) and their categories:
 * 0 SeqScan, 1 IndexScan, 2 HnswScan, 3 IvfFlatScan (Scan);
 * 4 NestedLoopJoin, 5 HashJoin, 6 MergeJoin (Join);
 * 7 Aggregate, 8 GroupBy (Aggregation); 9 Filter, 10 Project (Transform);
 * 11 Sort, 12 Limit (Order); 13 VectorDistance, 14 Rerank (Vector);
 * 15 Materialize, 16 Result (Utility).
 *
 * Every instance method taking `op_type` throws `TypeError` if it is not a
 * number and `RangeError` if it is not an integer in 0..16 (the reference
 * silently ignores such values).
 */
export class WasmScopedLoRA {
  /**
   * Creates the 24 adapters (all initialised like a new {@link WasmMicroLoRA}
   * of the same `dim`), with category fallback on. `undefined` or `null` for
   * any argument means its default.
   *
   * @param dim - embedding dimension, an integer in 1..8192 (default 256).
   * @param alpha - scaling factor (default 0.1); any finite number.
   * @param learning_rate - step size (default 0.01); any finite number.
   * @throws `Error` if neither {@link init} nor {@link initSync} has completed.
   * @throws `TypeError` if an argument is not a number and not undefined or null.
   * @throws `RangeError` if `dim` is not an integer in 1..8192, or `alpha` or
   *   `learning_rate` is NaN or ±Infinity.
   */
  constructor(dim?: number | null, alpha?: number | null, learning_rate?: number | null);

  /**
   * The name of operator type `op_type` (`"SeqScan"` … `"Result"`), or
   * `"Unknown"` for any other number, including non-integers, negatives and
   * NaN (e.g. `scope_name(2) === "HnswScan"`, `scope_name(17) === "Unknown"`).
   *
   * @throws `Error` if neither {@link init} nor {@link initSync} has completed.
   * @throws `TypeError` if `op_type` is not a number.
   */
  static scope_name(op_type: number): string;

  /**
   * The module's `WebAssembly.Memory`, which holds the input and output buffers.
   * Views must be re-created if the memory grows.
   */
  readonly memory: WebAssembly.Memory;

  /**
   * Releases all 24 adapters now rather than when garbage-collected.
   * Afterwards every other method throws `Error`; calling `free()` again is a no-op.
   */
  free(): void;

  /** Same as {@link free}; lets `using scoped = new WasmScopedLoRA()` release it at scope exit. */
  [Symbol.dispose](): void;

  /** The embedding dimension `d`. (Not in the reference, which has no getter.) */
  dim(): number;

  /** Byte offset of the input buffer (`dim()` float32 values) in {@link memory}; fixed for the object's lifetime. */
  get_input_ptr(): number;

  /** Byte offset of the output buffer (`dim()` float32 values) in {@link memory}; fixed for the object's lifetime. */
  get_output_ptr(): number;

  /**
   * Zero-allocation forward pass for operator `op_type`: output buffer =
   * the operator adapter's output, blended with its category adapter's while
   * the operator has fewer than 10 applied updates and fallback is on.
   * Increments `forward_count(op_type)`.
   *
   * @param op_type - operator type, an integer 0..16.
   */
  forward(op_type: number): void;

  /**
   * Forward pass for operator `op_type` on `input` (see {@link forward});
   * returns a new `Float32Array` of length `dim()`, or fills `out` and
   * returns it (as {@link WasmMicroLoRA.forward_array}).
   *
   * @param op_type - operator type, an integer 0..16.
   * @param input - `dim()` numbers.
   * @param out - optional: a `Float32Array` of `dim()` values for the result.
   * @throws `TypeError` if `input` is not an array-like, or `out` is given
   *   and is not a `Float32Array`.
   * @throws `RangeError` if `input.length !== dim()`, or `out` is not `dim()`
   *   long (or is detached). On any error nothing is counted.
   */
  forward_array<T extends Float32Array = Float32Array>(op_type: number, input: Float32Array | ArrayLike<number>, out?: T): T;

  /**
   * One update step, using the input buffer as the gradient, on the operator's
   * adapter and on its category adapter.
   *
   * @param op_type - operator type, an integer 0..16.
   * @throws `RangeError` if the input buffer holds NaN/±Infinity or its squared
   *   norm overflows float32.
   */
  adapt(op_type: number): void;

  /**
   * One update step with `gradient` on the operator's adapter and its
   * category adapter.
   *
   * @param op_type - operator type, an integer 0..16.
   * @param gradient - `dim()` finite numbers.
   * @throws `TypeError` if `gradient` is not an array-like.
   * @throws `RangeError` if `gradient.length !== dim()`, it holds NaN or
   *   ±Infinity, or its squared norm overflows float32.
   */
  adapt_array(op_type: number, gradient: Float32Array | ArrayLike<number>): void;

  /**
   * Reward-scaled update (input buffer as gradient) on the operator's adapter
   * and its category adapter: skipped when `improvement <= 0`, otherwise at
   * `learning_rate * min(improvement, 2)`.
   *
   * @param op_type - operator type, an integer 0..16.
   * @param improvement - relative improvement; `+Infinity` counts as 2, `-Infinity` skips.
   * @throws `TypeError` if `improvement` is not a number.
   * @throws `RangeError` if `improvement` is NaN, or the input buffer holds
   *   NaN/±Infinity or its squared norm overflows float32 (checked even when
   *   the update would be skipped).
   */
  adapt_with_reward(op_type: number, improvement: number): void;

  /**
   * Resets operator `op_type`'s adapter and its forward counter; its category
   * adapter keeps what it learned.
   *
   * @param op_type - operator type, an integer 0..16.
   */
  reset_scope(op_type: number): void;

  /** Resets all 24 adapters and every counter. */
  reset_all(): void;

  /**
   * Number of forward passes for operator `op_type` since creation or its reset.
   *
   * @param op_type - operator type, an integer 0..16.
   */
  forward_count(op_type: number): bigint;

  /**
   * Number of updates actually applied to operator `op_type`'s adapter
   * (skipped updates are not counted, unlike {@link WasmMicroLoRA.adapt_count}).
   *
   * @param op_type - operator type, an integer 0..16.
   */
  adapt_count(op_type: number): bigint;

  /**
   * Magnitude of operator `op_type`'s learned change, `‖B‖ · alpha` (float32).
   *
   * @param op_type - operator type, an integer 0..16.
   */
  delta_norm(op_type: number): number;

  /** Sum of the 17 operators' forward counts. */
  total_forward_count(): bigint;

  /** Sum of the 17 operators' applied-update counts (category adapters excluded). */
  total_adapt_count(): bigint;

  /**
   * Turns blending with the category adapters on or off (on by default).
   *
   * @param enabled - `true` to blend young operators with their category
   *   (`1` and `0` are accepted too, as wasm-bindgen's `bool` accepts them).
   * @throws `TypeError` if `enabled` is neither a boolean nor a number.
   * @throws `RangeError` if `enabled` is a number other than 0 or 1.
   */
  set_category_fallback(enabled: boolean): void;

  // ---- beyond the reference ----

  /**
   * A fresh `Float32Array` of `dim()` elements over the input buffer, valid
   * even after the module's memory has grown (see
   * {@link WasmMicroLoRA.input_view}). Not in the reference.
   */
  input_view(): Float32Array<ArrayBuffer>;

  /** A fresh `Float32Array` of `dim()` elements over the output buffer. Not in the reference. */
  output_view(): Float32Array<ArrayBuffer>;

  /**
   * Forward pass for operator `op_type` on `n` inputs at once (`n` rows of
   * `dim()` values, back to back); returns the `n` outputs the same way.
   * Bit-identical to `n` calls of {@link forward_array} in order, counters
   * included. Not in the reference.
   *
   * @param op_type - operator type, an integer 0..16.
   * @param inputs - `n * dim()` numbers (`n` may be 0); any float values.
   * @param out - optional: a `Float32Array` of `inputs.length` values that
   *   receives the outputs and is returned, instead of a new array.
   * @throws `TypeError` if `inputs` is not an array-like of numbers, or if
   *   `out` is given and is not a `Float32Array`.
   * @throws `RangeError` if `inputs.length` is not a multiple of `dim()`, or
   *   if `out` is not `inputs.length` long (or is detached). On any error
   *   nothing is counted.
   */
  forward_batch<T extends Float32Array = Float32Array<ArrayBuffer>>(op_type: number, inputs: Float32Array | ArrayLike<number>, out?: T): T;

  /**
   * `n` update steps for operator `op_type` (on its adapter and its
   * category adapter), one per row of `gradients`, in order: the same state
   * as `n` calls of {@link adapt_array}. Every row is checked before any is
   * applied. Not in the reference.
   *
   * @param op_type - operator type, an integer 0..16.
   * @param gradients - `n * dim()` finite numbers (`n` may be 0).
   * @throws `TypeError` if `gradients` is not an array-like of numbers.
   * @throws `RangeError` if `gradients.length` is not a multiple of `dim()`,
   *   or any row holds NaN/±Infinity or has a squared norm that overflows
   *   float32; nothing changes then.
   */
  adapt_batch(op_type: number, gradients: Float32Array | ArrayLike<number>): void;

  /**
   * Learns from recorded trajectories: replays `buffer`'s stored
   * trajectories from oldest to newest, and applies each one whose
   * improvement is > 0 and whose quality is > `min_quality` as
   * `adapt_with_reward(op_type, improvement)` with its embedding as the
   * gradient (on the operator's adapter and its category adapter).
   * Trajectories whose embedding holds NaN/±Infinity (or whose squared norm
   * overflows float32) are skipped. Neither the buffer nor this object's
   * input buffer is changed. Not in the reference.
   *
   * @param buffer - a live {@link WasmTrajectoryBuffer} with
   *   `embedding_dim() === dim()`.
   * @param min_quality - quality threshold, compared strictly (default 0;
   *   `undefined` or `null` mean the default). A quality is
   *   `clamp((improvement + 1) / 2, 0, 1)`.
   * @returns the number of trajectories applied.
   * @throws `TypeError` if `buffer` is not a live `WasmTrajectoryBuffer` of
   *   this module, or `min_quality` is not a number.
   * @throws `RangeError` if `buffer.embedding_dim() !== dim()`, or
   *   `min_quality` is NaN; nothing changes then.
   */
  learn_from(buffer: WasmTrajectoryBuffer, min_quality?: number | null): number;

  /**
   * Saves the whole state (configuration, fallback flag, forward counters,
   * the 17 operator and 7 category adapters, the input and output buffers)
   * as bytes that {@link WasmScopedLoRA.from_bytes} restores. Same framing as
   * {@link WasmMicroLoRA.to_bytes} (class tag 2); body: u32 dim, f32 alpha,
   * f32 learning_rate, u8 fallback (0/1), 17 × u64 forward counts, 17
   * operator then 7 category adapters (each u64 applied updates, A0, A1, B0,
   * B1), input and output buffers: `353 + 392 * dim` bytes in all. Not in the reference.
   */
  to_bytes(): Uint8Array<ArrayBuffer>;

  /**
   * Restores a manager saved by {@link to_bytes}; indistinguishable from the
   * saved one. Not in the reference.
   *
   * @param bytes - the saved state (a `Uint8Array` or an `ArrayBuffer`).
   * @throws `Error` (`"WasmScopedLoRA.from_bytes: ..."`) if the bytes are
   *   truncated, corrupted, of another class or version, or hold values the
   *   constructor refuses, or a NaN/±Infinity weight in `A` or `B` of any
   *   operator or category adapter (the message names it).
   * @throws `TypeError` if `bytes` is neither a `Uint8Array` nor an `ArrayBuffer`.
   * @throws `Error` if neither {@link init} nor {@link initSync} has completed.
   */
  static from_bytes(bytes: Uint8Array | ArrayBuffer): WasmScopedLoRA;
}

// ---------------------------------------------------------------------------
// WasmTrajectoryBuffer
// ---------------------------------------------------------------------------

/**
 * A ring buffer of the last `capacity` query trajectories (embedding,
 * operator, attention type, timings) plus running statistics over every
 * record since creation or `reset()`, evicted ones included.
 *
 * A record's improvement is `baseline_ms / execution_ms - 1` (0 when
 * `execution_ms` is 0); its quality is `clamp((improvement + 1) / 2, 0, 1)`;
 * it is a success when improvement > 0.
 */
export class WasmTrajectoryBuffer {
  /**
   * Creates an empty buffer. `undefined` or `null` for any argument means its default.
   *
   * @param capacity - how many trajectories are kept, an integer >= 1 (default 1000).
   * @param embedding_dim - length of every embedding, an integer in 1..8192 (default 256).
   * @throws `Error` if neither {@link init} nor {@link initSync} has completed.
   * @throws `TypeError` if an argument is not a number and not undefined or null.
   * @throws `RangeError` if `capacity` is not an integer >= 1, `embedding_dim`
   *   is not an integer in 1..8192, or `capacity * embedding_dim` float32
   *   values would exceed 256 MiB.
   */
  constructor(capacity?: number | null, embedding_dim?: number | null);

  /** The module's `WebAssembly.Memory`. */
  readonly memory: WebAssembly.Memory;

  /**
   * Releases the buffer now rather than when garbage-collected.
   * Afterwards every other method throws `Error`; calling `free()` again is a no-op.
   */
  free(): void;

  /** Same as {@link free}; lets `using buf = new WasmTrajectoryBuffer()` release it at scope exit. */
  [Symbol.dispose](): void;

  /**
   * Records one trajectory, overwriting the oldest when full, and updates the
   * statistics.
   *
   * @param embedding - `embedding_dim` numbers (copied).
   * @param op_type - operator type, an integer 0..16 (see {@link WasmScopedLoRA}).
   * @param attention_type - attention mechanism used, an integer 0..255.
   * @param execution_ms - actual execution time in milliseconds, finite and >= 0.
   * @param baseline_ms - baseline execution time in milliseconds, finite and >= 0.
   * @throws `TypeError` if `embedding` is not an array-like or another
   *   argument is not a number.
   * @throws `RangeError` if `embedding.length !== embedding_dim`, `op_type` is
   *   not an integer in 0..16, `attention_type` not an integer in 0..255, or a
   *   time is negative, NaN or ±Infinity.
   */
  record(
    embedding: Float32Array | ArrayLike<number>,
    op_type: number,
    attention_type: number,
    execution_ms: number,
    baseline_ms: number,
  ): void;

  /** Number of records since creation or `reset()` (may exceed the capacity). */
  total_count(): bigint;

  /** Number of stored trajectories (at most the capacity). */
  len(): number;

  /** Whether no trajectory is stored. */
  is_empty(): boolean;

  /** Mean improvement over every record since reset (0 when none). */
  mean_improvement(): number;

  /** Best improvement seen since reset (starts at 0, so never negative). */
  best_improvement(): number;

  /** Fraction of records since reset whose improvement was > 0 (0..1). */
  success_rate(): number;

  /** `attention_type` of the record with the best improvement (0 when none improved). */
  best_attention(): number;

  /** Sample variance of the improvements since reset (0 with fewer than 2 records). */
  variance(): number;

  /**
   * Number of stored trajectories whose quality is strictly greater than `threshold`.
   *
   * @param threshold - a quality in 0..1 (any non-NaN number is accepted).
   * @throws `TypeError` if `threshold` is not a number.
   * @throws `RangeError` if `threshold` is NaN.
   */
  high_quality_count(threshold: number): number;

  /**
   * Number of stored trajectories recorded for operator `op_type`.
   *
   * @param op_type - operator type, an integer 0..16.
   * @throws `TypeError` if `op_type` is not a number.
   * @throws `RangeError` if `op_type` is not an integer in 0..16.
   */
  count_by_operator(op_type: number): number;

  /** Empties the buffer and resets every statistic. */
  reset(): void;

  // ---- beyond the reference ----

  /** The length of every embedding (the constructor's `embedding_dim`). Not in the reference. */
  embedding_dim(): number;

  /**
   * Saves the buffer (capacity, embedding_dim, every statistic, the stored
   * trajectories) as bytes that {@link WasmTrajectoryBuffer.from_bytes}
   * restores. Same framing as {@link WasmMicroLoRA.to_bytes} (class tag 3);
   * body: u32 capacity, u32 embedding_dim, u64 total_count, f32 mean, f32
   * variance accumulator, f32 best improvement, u8 best attention, f32
   * success rate, u32 stored count `n`, then the `n` trajectories oldest
   * first (u8 op_type, u8 attention_type, f32 improvement, `embedding_dim`
   * f32): `49 + n * (6 + 4 * embedding_dim)` bytes in all, so only stored
   * trajectories take space. Not in the reference.
   */
  to_bytes(): Uint8Array<ArrayBuffer>;

  /**
   * Restores a buffer saved by {@link to_bytes}, with its full capacity
   * allocated: statistics, stored trajectories and their order (the next
   * record evicts the same oldest one) are as they were. Not in the reference.
   *
   * @param bytes - the saved state (a `Uint8Array` or an `ArrayBuffer`).
   * @throws `Error` (`"WasmTrajectoryBuffer.from_bytes: ..."`) if the bytes
   *   are truncated, corrupted, of another class or version, or hold values
   *   the constructor refuses (capacity < 1, embedding_dim outside 1..8192,
   *   capacity × embedding_dim above 256 MiB, more trajectories than the
   *   capacity, an op_type above 16); such sizes are refused before
   *   anything is allocated.
   * @throws `RangeError` if the module does not have the memory left for the
   *   stated capacity (as the constructor; free some objects first). Note
   *   that a state of a few bytes may ask for up to 256 MiB, like
   *   `new WasmTrajectoryBuffer(8192, 8192)`.
   * @throws `TypeError` if `bytes` is neither a `Uint8Array` nor an `ArrayBuffer`.
   * @throws `Error` if neither {@link init} nor {@link initSync} has completed.
   */
  static from_bytes(bytes: Uint8Array | ArrayBuffer): WasmTrajectoryBuffer;
}
