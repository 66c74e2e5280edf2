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

const (
	failed int32 = 0
	ok     int32 = 1
)

// status is ok for a nil error, failed otherwise.
func status(err error) int32 {
	if err != nil {
		return failed
	}
	return ok
}

// lookup returns handle h's object of type T, or false.
func lookup[T any](h uint32) (T, bool) {
	t, found := objectAt(h).(T)
	return t, found
}

// guard turns a panic into failed; every export defers it.
func guard(r *int32) {
	if recover() != nil {
		*r = failed
	}
}

// opArg checks that f is an integer operator type.
func opArg(f float64) (int, bool) {
	op, err := integer(f, "op_type")
	return op, err == nil
}

// rvScratch returns the byte offset of handle h's scratch buffer x, or 0 for
// an unknown handle. For both LoRA classes y follows x, dim floats later.
//
//go:wasmexport rv_scratch
func rvScratch(h uint32) (p uint32) {
	defer func() { recover() }()
	switch o := objectAt(h).(type) {
	case *micro:
		return uint32(address(o.x))
	case *scopedLoRA:
		return uint32(address(o.x))
	case *buffer:
		return uint32(address(o.x))
	}
	return 0
}

// objectAt is handle h's object, or nil.
func objectAt(h uint32) any {
	if h == 0 || int(h) > len(objects) {
		return nil
	}
	return objects[h-1]
}

//go:wasmexport rv_micro_forward
func rvMicroForward(h uint32) (r int32) {
	defer guard(&r)
	m, found := lookup[*micro](h)
	if !found {
		return failed
	}
	m.Forward()
	return ok
}

//go:wasmexport rv_micro_forward_array
func rvMicroForwardArray(h uint32) (r int32) {
	defer guard(&r)
	m, found := lookup[*micro](h)
	if !found {
		return failed
	}
	return status(m.ForwardInto(m.x, m.y))
}

//go:wasmexport rv_micro_adapt
func rvMicroAdapt(h uint32) (r int32) {
	defer guard(&r)
	m, found := lookup[*micro](h)
	if !found {
		return failed
	}
	return status(m.Adapt())
}

//go:wasmexport rv_micro_adapt_array
func rvMicroAdaptArray(h uint32) (r int32) {
	defer guard(&r)
	m, found := lookup[*micro](h)
	if !found {
		return failed
	}
	return status(m.AdaptArray(m.x))
}

//go:wasmexport rv_micro_adapt_with_reward
func rvMicroAdaptWithReward(h uint32, improvement float64) (r int32) {
	defer guard(&r)
	m, found := lookup[*micro](h)
	if !found {
		return failed
	}
	return status(m.AdaptWithReward(float32(improvement)))
}

//go:wasmexport rv_scoped_forward
func rvScopedForward(h uint32, op float64) (r int32) {
	defer guard(&r)
	s, found := lookup[*scopedLoRA](h)
	o, valid := opArg(op)
	if !found || !valid {
		return failed
	}
	return status(s.Forward(o))
}

//go:wasmexport rv_scoped_forward_array
func rvScopedForwardArray(h uint32, op float64) (r int32) {
	defer guard(&r)
	s, found := lookup[*scopedLoRA](h)
	o, valid := opArg(op)
	if !found || !valid {
		return failed
	}
	return status(s.ForwardInto(o, s.x, s.y))
}

//go:wasmexport rv_scoped_adapt
func rvScopedAdapt(h uint32, op float64) (r int32) {
	defer guard(&r)
	s, found := lookup[*scopedLoRA](h)
	o, valid := opArg(op)
	if !found || !valid {
		return failed
	}
	return status(s.Adapt(o))
}

//go:wasmexport rv_scoped_adapt_array
func rvScopedAdaptArray(h uint32, op float64) (r int32) {
	defer guard(&r)
	s, found := lookup[*scopedLoRA](h)
	o, valid := opArg(op)
	if !found || !valid {
		return failed
	}
	return status(s.AdaptArray(o, s.x))
}

//go:wasmexport rv_scoped_adapt_with_reward
func rvScopedAdaptWithReward(h uint32, op, improvement float64) (r int32) {
	defer guard(&r)
	s, found := lookup[*scopedLoRA](h)
	o, valid := opArg(op)
	if !found || !valid {
		return failed
	}
	return status(s.AdaptWithReward(o, float32(improvement)))
}

//go:wasmexport rv_buffer_record
func rvBufferRecord(h uint32, op, attention, executionMs, baselineMs float64) (r int32) {
	defer guard(&r)
	b, found := lookup[*buffer](h)
	o, validOp := opArg(op)
	a, err := integer(attention, "attention_type")
	if !found || !validOp || err != nil {
		return failed
	}
	return status(b.Record(b.x, o, a, float32(executionMs), float32(baselineMs)))
}
