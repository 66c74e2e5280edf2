package api

import (
	"math"

	"github.com/ruvector/ruvector-learning-wasm/internal/argerr"
	"github.com/ruvector/ruvector-learning-wasm/internal/lora"
	"github.com/ruvector/ruvector-learning-wasm/internal/scoped"
)

// OpType is an op_type argument: an integer in 0..16.
func OpType(f float64) (int, error) {
	op, err := Integer(f, "op_type")
	if err != nil {
		return 0, err
	}
	return op, scoped.CheckOp(op)
}

// opTypeError is OpType's error for an f that Integral refuses, as a hot
// call's result.
func opTypeError(f float64) (float64, error) {
	_, err := OpType(f)
	return 0, err
}

// Integral is int(f) and whether f is that integer exactly, small enough to
// inline: the hot calls pass an integral op_type straight to the core, whose
// range check (scoped.CheckOp) gives OpType's error, and send anything else
// to OpType for its error.
func Integral(f float64) (int, bool) {
	i := int(f)
	return i, float64(i) == f
}

// Integer requires an integral number; one too large for an int saturates
// to ±2^53, so that the core's range checks see every out-of-range value as
// out of range. The common case is small enough to inline.
func Integer(f float64, name string) (int, error) {
	if i := int(f); float64(i) == f {
		return i, nil
	}
	return bigInteger(f, name)
}

// maxExact is 2^53: every finite float64 beyond it is integral.
const maxExact = 1 << 53

// bigInteger is Integer's rare case: a saturated huge value, or the error.
//
//go:noinline
func bigInteger(f float64, name string) (int, error) {
	switch {
	case f > maxExact && f <= math.MaxFloat64:
		return maxExact, nil
	case f < -maxExact && f >= -math.MaxFloat64:
		return -maxExact, nil
	}
	return 0, argerr.NewRange(name, "must be an integer")
}

// ArrayLen checks the length n of array parameter name on o, before
// anything is written to o's scratch area.
func ArrayLen(o any, name string, n int) error {
	switch o := o.(type) {
	case *MicroLoRA:
		return lora.CheckLen(name, n, o.Dim())
	case *ScopedLoRA:
		return lora.CheckLen(name, n, o.Dim())
	case *TrajectoryBuffer:
		return o.CheckEmbeddingLen(n)
	}
	return ErrNotThis
}
