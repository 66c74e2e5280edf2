//go:build js && wasm

package main

import (
	"math"

	"github.com/ruvector/ruvector-learning-wasm/internal/scoped"
)

// The bodies of the exports in exports.go, kept out of their deferring
// frames (see there). Each returns ok or failed, with nothing changed on failure.

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

// objectAt is handle h's object, or nil.
func objectAt(h uint32) any {
	if h == 0 || int(h) > len(objects) {
		return nil
	}
	return objects[h-1]
}

// intIn converts f to an int when it is an integer in lo..hi; small enough
// to inline, so the fast path makes no call for it.
func intIn(f float64, lo, hi int) (int, bool) {
	if !(f >= float64(lo) && f <= float64(hi)) {
		return 0, false
	}
	i := int(f)
	return i, float64(i) == f
}

// opArg checks that f is an integer operator type in 0..16.
func opArg(f float64) (int, bool) { return intIn(f, 0, scoped.NumOps-1) }

// scratch is the byte offset where the JS layer writes handle h's next array
// argument, or 0 for an unknown handle: x for both LoRA classes (y follows,
// dim floats later), and for a buffer its spare slot, which moves with
// every record and reset.
//
//go:noinline
func scratch(h uint32) uint32 {
	switch o := objectAt(h).(type) {
	case *micro:
		return uint32(address(o.x))
	case *scopedLoRA:
		return uint32(address(o.x))
	case *buffer:
		return uint32(address(o.Spare()))
	}
	return 0
}

//go:noinline
func microForward(h uint32) int32 {
	m, found := lookup[*micro](h)
	if !found {
		return failed
	}
	m.Forward()
	return ok
}

//go:noinline
func microForwardArray(h uint32) int32 {
	m, found := lookup[*micro](h)
	if !found {
		return failed
	}
	return status(m.ForwardInto(m.x, m.y))
}

//go:noinline
func microAdapt(h uint32) int32 {
	m, found := lookup[*micro](h)
	if !found {
		return failed
	}
	return status(m.Adapt())
}

//go:noinline
func microAdaptArray(h uint32) int32 {
	m, found := lookup[*micro](h)
	if !found {
		return failed
	}
	return status(m.AdaptArray(m.x))
}

//go:noinline
func microAdaptWithReward(h uint32, improvement float64) int32 {
	m, found := lookup[*micro](h)
	if !found {
		return failed
	}
	return status(m.AdaptWithReward(float32(improvement)))
}

// scopedOp is handle h's WasmScopedLoRA and the operator type op, or false.
func scopedOp(h uint32, op float64) (*scopedLoRA, int, bool) {
	s, found := lookup[*scopedLoRA](h)
	o, valid := opArg(op)
	return s, o, found && valid
}

//go:noinline
func scopedForward(h uint32, op float64) int32 {
	s, o, valid := scopedOp(h, op)
	if !valid {
		return failed
	}
	return status(s.Forward(o))
}

//go:noinline
func scopedForwardArray(h uint32, op float64) int32 {
	s, o, valid := scopedOp(h, op)
	if !valid {
		return failed
	}
	return status(s.ForwardInto(o, s.x, s.y))
}

//go:noinline
func scopedAdapt(h uint32, op float64) int32 {
	s, o, valid := scopedOp(h, op)
	if !valid {
		return failed
	}
	return status(s.Adapt(o))
}

//go:noinline
func scopedAdaptArray(h uint32, op float64) int32 {
	s, o, valid := scopedOp(h, op)
	if !valid {
		return failed
	}
	return status(s.AdaptArray(o, s.x))
}

//go:noinline
func scopedAdaptWithReward(h uint32, op, improvement float64) int32 {
	s, o, valid := scopedOp(h, op)
	if !valid {
		return failed
	}
	return status(s.AdaptWithReward(o, float32(improvement)))
}

// bufferRecord records the embedding the JS layer wrote into the spare
// slot and returns the new spare slot's byte offset, or 0 when rejected.
//
//go:noinline
func bufferRecord(h uint32, op, attention, executionMs, baselineMs float64) uint32 {
	b, found := lookup[*buffer](h)
	o, validOp := opArg(op)
	a, validAtt := intIn(attention, 0, math.MaxUint8)
	if !found || !validOp || !validAtt || b.Record(b.Spare(), o, a, float32(executionMs), float32(baselineMs)) != nil {
		return 0
	}
	return uint32(address(b.Spare()))
}

// bufferReset empties the buffer and returns the new spare slot's byte offset, or 0.
//
//go:noinline
func bufferReset(h uint32) uint32 {
	b, found := lookup[*buffer](h)
	if !found {
		return 0
	}
	b.Reset()
	return uint32(address(b.Spare()))
}
