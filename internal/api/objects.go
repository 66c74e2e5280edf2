package api

import (
	"unsafe"

	"rvlw/internal/lora"
	"rvlw/internal/scoped"
	"rvlw/internal/trajectory"
)

// The objects behind the three JS classes. Each has a scratch area where the
// array argument of a call is written before the call runs (ScratchOf).
//
// Each holds its engine in a named field, not an embedded one: an object
// type's method table would otherwise list every promoted method of the
// engine (the handle table keeps the objects in an any, so their type
// descriptors are in the wasm), about 1.7 KB of wasm for nothing.

// MicroLoRA is a WasmMicroLoRA: the engine, and X and Y (dim floats each, Y
// right after X) for forward_array's input and output and adapt_array's
// gradient. The engine is held by value: a hot call then reaches its
// adapter with one pointer fewer (measured: forward at dim 16 in Node,
// about 5% less).
type MicroLoRA struct {
	Micro lora.Micro
	X, Y  []float32
}

// ScopedLoRA is a WasmScopedLoRA, with X and Y as for MicroLoRA.
type ScopedLoRA struct {
	Scoped *scoped.Scoped
	X, Y   []float32
}

// TrajectoryBuffer is a WasmTrajectoryBuffer; its array argument goes
// straight into the ring's spare slot, so record copies nothing.
type TrajectoryBuffer struct {
	Buffer *trajectory.Buffer
}

// ScratchOf is where o's next array argument goes. (Not inlined: none of
// its callers is a hot call, and each would carry a copy of the type
// switch and of a buffer's slot arithmetic, about 2 KB in all.)
//
//go:noinline
func ScratchOf(o any) []float32 {
	switch o := o.(type) {
	case *MicroLoRA:
		return o.X
	case *ScopedLoRA:
		return o.X
	case *TrajectoryBuffer:
		return o.Buffer.Spare()
	}
	return nil
}

// OutputOf is where forward_array leaves o's result (Y), nil for a buffer.
func OutputOf(o any) []float32 {
	switch o := o.(type) {
	case *MicroLoRA:
		return o.Y
	case *ScopedLoRA:
		return o.Y
	}
	return nil
}

// ScratchLen is the length of o's array arguments.
func ScratchLen(o any) int { return len(ScratchOf(o)) }

// Address is the byte offset of f[0] in the wasm linear memory; f is never
// empty. (Through unsafe.SliceData, not &f[0]: each of its ten inlined
// copies would carry a bounds check.)
func Address(f []float32) float64 { return float64(uintptr(unsafe.Pointer(unsafe.SliceData(f)))) }

// ByteView is the little-endian bytes of f, sharing its memory.
//
// Not inlined: none of its callers is a hot call.
//
//go:noinline
func ByteView(f []float32) []byte {
	if len(f) == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(&f[0])), 4*len(f))
}
