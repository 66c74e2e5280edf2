//go:build js && wasm

package main

// The fast path: //go:wasmexport functions that the JS layer calls directly
// with an object's handle, about a thousand times cheaper than a js.FuncOf
// callback. Arrays travel through each object's scratch buffer x (the JS
// layer writes it with TypedArray.set) and results through y or the engine's
// own buffers. Numbers arrive as float64 and are checked exactly as the
// js.FuncOf path checks them. Every function returns ok (1) or failed (0);
// on failure nothing has changed, and the JS layer repeats the call through
// the js.FuncOf method, which builds the error to throw.
//
// Each export only defers the panic guard and calls its body in fast.go: a
// Go function that defers compiles to much slower wasm, so the work is kept
// out of the deferring frame (a measured 0.46 → 0.25 µs for record).

const (
	failed int32 = 0
	ok     int32 = 1
)

// guard turns a panic into failed.
func guard(r *int32) {
	if recover() != nil {
		*r = failed
	}
}

// guardZero turns a panic into 0.
func guardZero(r *uint32) {
	if recover() != nil {
		*r = 0
	}
}

// guardNaN turns a panic into NaN (no value).
func guardNaN(r *float64) {
	if recover() != nil {
		*r = noValue
	}
}

//go:wasmexport rv_new
func rvNew(kind, defaults int32, a0, a1, a2 float64) (h uint32) {
	defer guardZero(&h)
	return newObject(kind, defaults, a0, a1, a2)
}

//go:wasmexport rv_release
func rvRelease(h uint32) {
	defer func() { _ = recover() }()
	drop(h)
}

//go:wasmexport rv_scratch
func rvScratch(h uint32) (p uint32) {
	defer guardZero(&p)
	return scratch(h)
}

//go:wasmexport rv_get
func rvGet(h uint32, what int32, arg float64) (v float64) {
	defer guardNaN(&v)
	return get(h, what, arg)
}

//go:wasmexport rv_micro_forward
func rvMicroForward(h uint32) (r int32) {
	defer guard(&r)
	return microForward(h)
}

//go:wasmexport rv_micro_forward_array
func rvMicroForwardArray(h uint32) (r int32) {
	defer guard(&r)
	return microForwardArray(h)
}

//go:wasmexport rv_micro_adapt
func rvMicroAdapt(h uint32) (r int32) {
	defer guard(&r)
	return microAdapt(h)
}

//go:wasmexport rv_micro_adapt_array
func rvMicroAdaptArray(h uint32) (r int32) {
	defer guard(&r)
	return microAdaptArray(h)
}

//go:wasmexport rv_micro_adapt_with_reward
func rvMicroAdaptWithReward(h uint32, improvement float64) (r int32) {
	defer guard(&r)
	return microAdaptWithReward(h, improvement)
}

//go:wasmexport rv_scoped_forward
func rvScopedForward(h uint32, op float64) (r int32) {
	defer guard(&r)
	return scopedForward(h, op)
}

//go:wasmexport rv_scoped_forward_array
func rvScopedForwardArray(h uint32, op float64) (r int32) {
	defer guard(&r)
	return scopedForwardArray(h, op)
}

//go:wasmexport rv_scoped_adapt
func rvScopedAdapt(h uint32, op float64) (r int32) {
	defer guard(&r)
	return scopedAdapt(h, op)
}

//go:wasmexport rv_scoped_adapt_array
func rvScopedAdaptArray(h uint32, op float64) (r int32) {
	defer guard(&r)
	return scopedAdaptArray(h, op)
}

//go:wasmexport rv_scoped_adapt_with_reward
func rvScopedAdaptWithReward(h uint32, op, improvement float64) (r int32) {
	defer guard(&r)
	return scopedAdaptWithReward(h, op, improvement)
}

//go:wasmexport rv_buffer_record
func rvBufferRecord(h uint32, op, attention, executionMs, baselineMs float64) (p uint32) {
	defer guardZero(&p)
	return bufferRecord(h, op, attention, executionMs, baselineMs)
}

//go:wasmexport rv_buffer_reset
func rvBufferReset(h uint32) (p uint32) {
	defer guardZero(&p)
	return bufferReset(h)
}
