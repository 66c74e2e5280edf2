//go:build js && wasm

package main

import "rvlw/internal/api"

// The hot calls' own exports are generated from the table (hot_gen.go, by
// internal/api/internal/gluegen); these are what they share.
//
// Unlike the other entry points but rv_quick (quick.go), they defer no
// recover (measured: the deferred recover and the extra call it needs cost
// about 0.02 µs, a quarter of forward at dim 16), because their bodies
// cannot panic:
//   - the handle is looked up with its bounds checked, in the slot's field
//     for the class (slot.micro, .scoped or .buffer, nil unless a loader
//     made an object of that class), so any number is either one of the
//     loader's objects of the class or a refusal;
//   - such an object was built by api.New or api.FromBytes, which establish
//     what the kernels index by: In, Out, X, Y and every adapter's vectors
//     have dim >= 1 elements, a ring holds capacity slots of embedding_dim;
//   - every argument is range-checked (op_type, attention_type, the
//     gradient's norm, improvement) before anything is indexed by it, and
//     nothing allocates (TestHotExportsDoNotAllocate), so memory cannot run out.
// TestHotExportsNeverPanic calls them with every kind of handle and number;
// the core's fuzz tests drive the same methods with random sequences.
//
// They are also nosplit: no stack-growth check on entry. Their frames are
// small, and the linker checks that each nosplit chain fits in the stack's
// guard area.

// hotArgs holds a hot call's numbers for its implementation: each export
// but record's (which passes its four as arguments) sets the numbers its
// member takes, and the implementation reads only those (other slots keep
// an earlier call's; Buffer stays nil, since no hot member takes a
// buffer). A package variable rather than a local, which Go would zero on
// every call: Args is over 32 bytes, so that is a memory.fill, which V8
// runs as a call out of the wasm code. Nothing can call in again while a
// hot export runs (none calls JavaScript), so one is enough.
var hotArgs api.Args

// refuse records why a hot call of member code on handle h was refused,
// err, or when err is nil, that h names none of the loader's objects of
// the class (ErrFreed or ErrNotThis), and returns 0. Not inlined: each hot
// export has this one call for all its refusals (where three calls, to
// look up the handle again and to record an error, cost the eleven exports
// about 1 KB of wasm).
//
//go:noinline
func refuse(code api.Code, h uint32, err error) int32 {
	if err == nil {
		err = api.ErrNotThis
		if loaderObject(h) == nil {
			err = api.ErrFreed
		}
	}
	return fail(code, err)
}
