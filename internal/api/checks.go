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
