// Type-level proof that types/index.d.ts is a drop-in superset of the
// reference's declarations (@ruvector/learning-wasm@0.1.29): for every member
// of every reference class, ours has it, accepts every argument list the
// reference accepts, and returns something assignable to what the reference
// returns. Checked by `npx tsc -p js/test/types`; never run.
import type * as Ref from '@ruvector/learning-wasm';
import type * as Ours from 'ruvector-learning-wasm';

type Fn = (...args: never[]) => unknown;

/** true when a call that type-checks against R also type-checks against O. */
type MemberCompat<R, O> = R extends Fn
  ? O extends Fn
    ? Parameters<R> extends Parameters<O>
      ? ReturnType<O> extends ReturnType<R>
        ? true
        : false
      : false
    : false
  : [O] extends [R]
    ? true
    : false;

/** The reference members that ours lacks or types incompatibly (never = none). */
type Incompatible<R, O> = {
  [K in keyof R]: K extends keyof O ? (MemberCompat<R[K], O[K]> extends true ? never : K) : K;
}[keyof R];

/** Compiles only when T is never. */
function none<T extends never>(): T | void {}

// Instance members, including free() and [Symbol.dispose]().
none<Incompatible<Ref.WasmMicroLoRA, Ours.WasmMicroLoRA>>();
none<Incompatible<Ref.WasmScopedLoRA, Ours.WasmScopedLoRA>>();
none<Incompatible<Ref.WasmTrajectoryBuffer, Ours.WasmTrajectoryBuffer>>();

// Static members (scope_name, prototype).
none<Incompatible<typeof Ref.WasmScopedLoRA, typeof Ours.WasmScopedLoRA>>();

// Constructors: every reference argument list is accepted, and our instances
// can stand in wherever the reference's instance type is expected.
type CtorCompat<R extends abstract new (...a: never[]) => unknown, O extends abstract new (...a: never[]) => unknown> =
  ConstructorParameters<R> extends ConstructorParameters<O>
    ? InstanceType<O> extends InstanceType<R>
      ? never
      : 'instance'
    : 'parameters';
none<CtorCompat<typeof Ref.WasmMicroLoRA, typeof Ours.WasmMicroLoRA>>();
none<CtorCompat<typeof Ref.WasmScopedLoRA, typeof Ours.WasmScopedLoRA>>();
none<CtorCompat<typeof Ref.WasmTrajectoryBuffer, typeof Ours.WasmTrajectoryBuffer>>();

// init and initSync accept whatever the reference's accept; their results
// carry `memory` (the only InitOutput member that is not wasm-bindgen's
// internal export table).
type InitCompat = Parameters<typeof Ref.default> extends Parameters<typeof Ours.default> ? never : 'init';
type InitSyncCompat = Parameters<typeof Ref.initSync> extends Parameters<typeof Ours.initSync> ? never : 'initSync';
type MemoryCompat = Ours.InitOutput['memory'] extends Ref.InitOutput['memory'] ? never : 'memory';
type InputCompat = Ref.InitInput extends Ours.InitInput ? (Ref.SyncInitInput extends Ours.SyncInitInput ? never : 'sync') : 'input';
none<InitCompat | InitSyncCompat | MemoryCompat | InputCompat>();
