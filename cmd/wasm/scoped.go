//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/ruvector/ruvector-learning-wasm/internal/lora"
	"github.com/ruvector/ruvector-learning-wasm/internal/scoped"
)

// scopedLoRA is a WasmScopedLoRA: the manager plus scratch buffers for the array calls.
type scopedLoRA struct {
	*scoped.Scoped
	x, y []float32
}

func newScoped(args []js.Value) (any, error) {
	dim, alpha, lr, err := loraConfig(args)
	if err != nil {
		return nil, err
	}
	return makeScoped(dim, alpha, lr)
}

// makeScoped builds a WasmScopedLoRA from checked-type arguments.
func makeScoped(dim int, alpha, lr float32) (*scopedLoRA, error) {
	s, err := scoped.New(dim, alpha, lr)
	if err != nil {
		return nil, err
	}
	xy := make([]float32, 2*dim)
	return &scopedLoRA{s, xy[:dim:dim], xy[dim:]}, nil
}

var opParam = []string{"op_type"}

// scopedMethod adapts a body that needs the *scopedLoRA behind this.
func scopedMethod(name string, params []string, fn func(s *scopedLoRA, args []js.Value) (any, error)) method {
	return method{name, params, func(this js.Value, args []js.Value) (any, error) {
		s, err := self[*scopedLoRA](this)
		if err != nil {
			return nil, err
		}
		return fn(s, args)
	}}
}

// opMethod is a method whose first argument is a valid op_type.
func opMethod(name string, params []string, fn func(s *scopedLoRA, op int, args []js.Value) (any, error)) method {
	return scopedMethod(name, params, func(s *scopedLoRA, args []js.Value) (any, error) {
		op, err := intArg(arg(args, 0), "op_type")
		if err == nil {
			err = scoped.CheckOp(op)
		}
		if err != nil {
			return nil, err
		}
		return fn(s, op, args)
	})
}

// array reads args[1] into s.x after checking its length against dim().
func (s *scopedLoRA) array(args []js.Value, name string) error {
	return float32s(arg(args, 1), name, s.x, func(n int) error { return lora.CheckLen(name, n, s.Dim()) })
}

func registerScoped(global js.Value) {
	class(global, "WasmScopedLoRA", loraParams, newScoped, []method{
		scopedMethod("dim", nil, func(s *scopedLoRA, _ []js.Value) (any, error) { return s.Dim(), nil }),
		scopedMethod("get_input_ptr", nil, func(s *scopedLoRA, _ []js.Value) (any, error) { return address(s.In), nil }),
		scopedMethod("get_output_ptr", nil, func(s *scopedLoRA, _ []js.Value) (any, error) { return address(s.Out), nil }),
		opMethod("forward", opParam, func(s *scopedLoRA, op int, _ []js.Value) (any, error) { return nil, s.Forward(op) }),
		opMethod("forward_array", []string{"op_type", "input"}, func(s *scopedLoRA, op int, args []js.Value) (any, error) {
			if err := s.array(args, "input"); err != nil {
				return nil, err
			}
			if err := s.ForwardInto(op, s.x, s.y); err != nil {
				return nil, err
			}
			return newFloat32Array(s.y), nil
		}),
		opMethod("adapt", opParam, func(s *scopedLoRA, op int, _ []js.Value) (any, error) { return nil, s.Adapt(op) }),
		opMethod("adapt_array", []string{"op_type", "gradient"}, func(s *scopedLoRA, op int, args []js.Value) (any, error) {
			if err := s.array(args, "gradient"); err != nil {
				return nil, err
			}
			return nil, s.AdaptArray(op, s.x)
		}),
		opMethod("adapt_with_reward", []string{"op_type", "improvement"}, func(s *scopedLoRA, op int, args []js.Value) (any, error) {
			imp, err := float32Arg(arg(args, 1), "improvement")
			if err != nil {
				return nil, err
			}
			return nil, s.AdaptWithReward(op, imp)
		}),
		opMethod("reset_scope", opParam, func(s *scopedLoRA, op int, _ []js.Value) (any, error) { return nil, s.ResetScope(op) }),
		scopedMethod("reset_all", nil, func(s *scopedLoRA, _ []js.Value) (any, error) { s.ResetAll(); return nil, nil }),
		opMethod("forward_count", opParam, func(s *scopedLoRA, op int, _ []js.Value) (any, error) { return bigint(s.Forwards[op]), nil }),
		opMethod("adapt_count", opParam, func(s *scopedLoRA, op int, _ []js.Value) (any, error) { return bigint(s.Ops[op].Count), nil }),
		opMethod("delta_norm", opParam, func(s *scopedLoRA, op int, _ []js.Value) (any, error) {
			return float32Result(s.Ops[op].DeltaNorm()), nil
		}),
		scopedMethod("total_forward_count", nil, func(s *scopedLoRA, _ []js.Value) (any, error) { return bigint(s.TotalForwards()), nil }),
		scopedMethod("total_adapt_count", nil, func(s *scopedLoRA, _ []js.Value) (any, error) { return bigint(s.TotalAdapts()), nil }),
		scopedMethod("set_category_fallback", []string{"enabled"}, func(s *scopedLoRA, args []js.Value) (any, error) {
			on, err := boolArg(arg(args, 0), "enabled")
			if err != nil {
				return nil, err
			}
			s.Fallback = on
			return nil, nil
		}),
	}, []method{{"scope_name", opParam, scopeName}})
}

// scopeName is the static WasmScopedLoRA.scope_name(op): "Unknown" for any
// number that is not an operator type.
func scopeName(_ js.Value, args []js.Value) (any, error) {
	f, err := number(arg(args, 0), "op_type")
	if err != nil {
		return nil, err
	}
	op, err := integer(f, "op_type")
	if err != nil {
		return "Unknown", nil
	}
	return scoped.ScopeName(op), nil
}
