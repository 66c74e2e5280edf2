package api

import (
	"rvlw/internal/argerr"
	"rvlw/internal/lora"
	"rvlw/internal/scoped"
)

// OpType is an op_type argument: an integer in 0..16.
func OpType(f float64) (int, error) {
	op, err := argerr.Integer(f, "op_type")
	if err != nil {
		return 0, err
	}
	return op, scoped.CheckOp(op)
}

// opTypeError is OpType's error for an f that argerr.Integral refuses, as
// a hot call's result: the hot calls pass an integral op_type straight to
// the core, whose range check (scoped.CheckOp) gives OpType's error.
func opTypeError(f float64) (float64, error) {
	_, err := OpType(f)
	return 0, err
}

// ArrayLen checks the length n of array parameter name on o, before
// anything is written to o's scratch area.
func ArrayLen(o any, name string, n int) error {
	switch o := o.(type) {
	case *MicroLoRA:
		return lora.CheckLen(name, n, o.Micro.Dim())
	case *ScopedLoRA:
		return lora.CheckLen(name, n, o.Scoped.Dim())
	case *TrajectoryBuffer:
		return o.Buffer.CheckEmbeddingLen(n)
	}
	return ErrNotThis
}
