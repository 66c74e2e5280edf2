//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/ruvector/ruvector-learning-wasm/internal/trajectory"
)

// buffer is a WasmTrajectoryBuffer plus a scratch embedding for record.
type buffer struct {
	*trajectory.Buffer
	x []float32
}

func newBuffer(args []js.Value) (any, error) {
	c, err := optNumber(arg(args, 0), "capacity", trajectory.DefaultCapacity)
	if err != nil {
		return nil, err
	}
	capacity, err := integer(c, "capacity")
	if err != nil {
		return nil, err
	}
	dim, err := optInt(arg(args, 1), "embedding_dim", trajectory.DefaultDim)
	if err != nil {
		return nil, err
	}
	return makeBuffer(capacity, dim)
}

// makeBuffer builds a WasmTrajectoryBuffer from checked-type arguments.
func makeBuffer(capacity, dim int) (*buffer, error) {
	if err := trajectory.CheckSize(int64(capacity), dim); err != nil {
		return nil, err
	}
	if err := checkHeadroom("capacity", int64(capacity+1)*int64(4*dim+6)); err != nil {
		return nil, err
	}
	b, err := trajectory.New(int64(capacity), dim)
	if err != nil {
		return nil, err
	}
	return &buffer{b, make([]float32, dim)}, nil
}

// bufferMethod adapts a body that needs the *buffer behind this.
func bufferMethod(name string, params []string, fn func(b *buffer, args []js.Value) (any, error)) method {
	return method{name, params, func(this js.Value, args []js.Value) (any, error) {
		b, err := self[*buffer](this)
		if err != nil {
			return nil, err
		}
		return fn(b, args)
	}}
}

var recordParams = []string{"embedding", "op_type", "attention_type", "execution_ms", "baseline_ms"}

// record reads and checks every argument before the core records anything.
func (b *buffer) record(args []js.Value) (any, error) {
	if err := float32s(arg(args, 0), "embedding", b.x, b.CheckEmbeddingLen); err != nil {
		return nil, err
	}
	op, err := intArg(arg(args, 1), "op_type")
	if err != nil {
		return nil, err
	}
	att, err := intArg(arg(args, 2), "attention_type")
	if err != nil {
		return nil, err
	}
	exec, err := float32Arg(arg(args, 3), "execution_ms")
	if err != nil {
		return nil, err
	}
	base, err := float32Arg(arg(args, 4), "baseline_ms")
	if err != nil {
		return nil, err
	}
	return nil, b.Record(b.x, op, att, exec, base)
}

func registerBuffer(global js.Value) {
	class(global, "WasmTrajectoryBuffer", []string{"capacity", "embedding_dim"}, newBuffer, []method{
		bufferMethod("record", recordParams, (*buffer).record),
		bufferMethod("total_count", nil, func(b *buffer, _ []js.Value) (any, error) { return bigint(b.Count), nil }),
		bufferMethod("len", nil, func(b *buffer, _ []js.Value) (any, error) { return b.Len, nil }),
		bufferMethod("is_empty", nil, func(b *buffer, _ []js.Value) (any, error) { return b.Len == 0, nil }),
		bufferMethod("mean_improvement", nil, func(b *buffer, _ []js.Value) (any, error) { return float32Result(b.Mean), nil }),
		bufferMethod("best_improvement", nil, func(b *buffer, _ []js.Value) (any, error) { return float32Result(b.Best), nil }),
		bufferMethod("success_rate", nil, func(b *buffer, _ []js.Value) (any, error) { return float32Result(b.SuccessRate), nil }),
		bufferMethod("best_attention", nil, func(b *buffer, _ []js.Value) (any, error) { return int(b.BestAttention), nil }),
		bufferMethod("variance", nil, func(b *buffer, _ []js.Value) (any, error) { return float32Result(b.Variance()), nil }),
		bufferMethod("high_quality_count", []string{"threshold"}, func(b *buffer, args []js.Value) (any, error) {
			t, err := float32Arg(arg(args, 0), "threshold")
			if err != nil {
				return nil, err
			}
			return b.HighQualityCount(t)
		}),
		bufferMethod("count_by_operator", opParam, func(b *buffer, args []js.Value) (any, error) {
			op, err := intArg(arg(args, 0), "op_type")
			if err != nil {
				return nil, err
			}
			return b.CountByOperator(op)
		}),
		bufferMethod("reset", nil, func(b *buffer, _ []js.Value) (any, error) { b.Reset(); return nil, nil }),
	}, nil)
}
