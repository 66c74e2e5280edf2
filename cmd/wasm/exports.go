//go:build js && wasm

package main

import (
	"syscall/js"
	"unsafe"
)

// The fast path: //go:wasmexport functions that the JS layer calls directly
// with an object's handle, about a thousand times cheaper than a js.FuncOf
// callback. An array argument travels through the object's scratch area
// (the JS layer writes it with TypedArray.set), numbers arrive as float64,
// and a call's value is left in result. On failure a call returns 0 with
// nothing changed; the JS layer then repeats it through the js.FuncOf
// method, which builds the error to throw.
//
// Each export only defers swallow and calls a separate function: a Go
// function that defers compiles to much slower wasm, so the work stays out
// of the deferring frame (measured 0.46 → 0.25 µs for record). A panic in
// that function leaves the export's named result unassigned, so the export
// returns 0, the answer for a rejected call.

// result holds the value of the latest successful call on either path.
var result [1]float64

// swallow stops a panic; the deferring export then returns its zero result.
// (Deferring a plain call with no arguments is the cheapest form: measured
// 0.010 µs a call, against 0.020 µs for a generic guard(&result).)
func swallow() { recover() }

// rvCall runs method code on handle h with number arguments a0..a3 and
// returns 1, its value in result, or 0 when rejected.
//
//go:wasmexport rv_call
func rvCall(h uint32, code int32, a0, a1, a2, a3 float64) (ok int32) {
	defer swallow()
	return call(h, code, &args{a0, a1, a2, a3})
}

//go:noinline
func call(h uint32, code int32, a *args) int32 {
	dropArea(&out) // the previous call's large result has been read
	o := objectAt(h)
	// The zero-allocation forward and adapt, the calls with the least work
	// of their own, skip the general dispatch: two Go calls fewer, about
	// 0.03 µs, a quarter of forward's cost at dim 16. A rejected call
	// returns 0 as dispatch would.
	switch o := o.(type) {
	case *micro:
		switch code {
		case mMicroForward:
			o.Forward()
			return done()
		case mMicroAdapt:
			return doneIf(o.Adapt())
		}
	case *scopedLoRA:
		op := int(a[0])
		if float64(op) != a[0] {
			break // not an integer: dispatch says so
		}
		switch code {
		case mScopedForward:
			return doneIf(o.Forward(op))
		case mScopedAdapt:
			return doneIf(o.Adapt(op))
		}
	}
	v, err := dispatch(o, code, a)
	dropArea(&in) // this call's large argument has been used
	collect()
	if err != nil {
		return 0
	}
	result[0] = v
	return 1
}

// done records a call without a value as successful.
func done() int32 {
	result[0] = 0
	return 1
}

// doneIf is done() when err is nil, else 0 (rejected).
func doneIf(err error) int32 {
	if err != nil {
		return 0
	}
	return done()
}

// rvNew constructs an object of class c (see newObject) and returns its
// handle, or 0 when the arguments are rejected.
//
//go:wasmexport rv_new
func rvNew(c, defaults int32, a0, a1, a2 float64) (h uint32) {
	defer swallow()
	return construct(uint8(c), defaults, [3]float64{a0, a1, a2})
}

//go:noinline
func construct(c uint8, defaults int32, a [3]float64) uint32 {
	o, err := newObject(c, defaults, a)
	if err != nil {
		return 0
	}
	return store(o, js.Value{})
}

// rvFromBytes restores an object of class c from the first n bytes of the
// input area and returns its handle, or 0 when the bytes are rejected.
//
//go:wasmexport rv_from_bytes
func rvFromBytes(c, n int32) (h uint32) {
	defer swallow()
	return restore(uint8(c), int(n))
}

//go:noinline
func restore(c uint8, n int) uint32 {
	if n < 0 || n > 4*len(in) {
		return 0
	}
	o, err := fromBytes(c, asBytes(in)[:n])
	dropBigAreas()
	if err != nil {
		return 0
	}
	return store(o, js.Value{})
}

// rvRelease frees handle h's object (free(), or the FinalizationRegistry for
// an object garbage-collected unfreed) if a loader made it, and collects
// once enough has been freed; other handles are ignored.
//
//go:wasmexport rv_release
func rvRelease(h uint32) {
	defer swallow()
	release(h)
}

//go:noinline
func release(h uint32) {
	if loaderObject(h) != nil {
		drop(h)
	}
	collect()
}

// rvScratch returns the byte offset of handle h's scratch area, or 0.
//
//go:wasmexport rv_scratch
func rvScratch(h uint32) (p uint32) {
	defer swallow()
	return scratchAddress(h)
}

//go:noinline
func scratchAddress(h uint32) uint32 {
	if x := scratchOf(objectAt(h)); x != nil {
		return uint32(address(x))
	}
	return 0
}

// rvCost returns what handle h's object costs the memory budget in bytes
// (costs.go), 0 for an unknown handle: the JS wrapper holds as much in an
// ArrayBuffer, so that the engine sees the memory and collects dropped
// wrappers in time.
//
//go:wasmexport rv_cost
func rvCost(h uint32) (n float64) {
	defer swallow()
	return objectCost(h)
}

//go:noinline
func objectCost(h uint32) float64 {
	if o := objectAt(h); o != nil {
		return float64(costOf(o))
	}
	return 0
}

// rvResult returns the byte offset of result.
//
//go:wasmexport rv_result
func rvResult() uint32 { return uint32(uintptr(unsafe.Pointer(&result[0]))) }

// rvRecord is rv_call's record without the general dispatch, the one call
// whose whole cost is small enough for the dispatch to show: it returns the
// new spare slot's offset, or 0 when rejected.
//
//go:wasmexport rv_record
func rvRecord(h uint32, op, attention, executionMs, baselineMs float64) (p uint32) {
	defer swallow()
	return record(h, op, attention, executionMs, baselineMs)
}

// record is rv_record's body: Record on the embedding already in the spare
// slot, then the new spare slot's offset. One call deep, since each Go call
// costs about 0.01 µs in wasm.
//
//go:noinline
func record(h uint32, op, attention, executionMs, baselineMs float64) uint32 {
	b, found := objectAt(h).(*buffer)
	o, a := int(op), int(attention)
	if !found || float64(o) != op || float64(a) != attention ||
		b.Record(b.Spare(), o, a, float32(executionMs), float32(baselineMs)) != nil {
		return 0
	}
	return uint32(address(b.Spare()))
}
