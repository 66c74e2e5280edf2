//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/ruvector/ruvector-learning-wasm/internal/lora"
)

// micro is a WasmMicroLoRA: the engine plus scratch buffers for the array calls.
type micro struct {
	*lora.Micro
	x, y []float32
}

var loraParams = []string{"dim", "alpha", "learning_rate"}

// loraConfig reads (dim, alpha, learning_rate) with the SPEC §3 defaults.
func loraConfig(args []js.Value) (int, float32, float32, error) {
	dim, err := optInt(arg(args, 0), "dim", lora.DefaultDim)
	if err != nil {
		return 0, 0, 0, err
	}
	alpha, err := optFloat32(arg(args, 1), "alpha", lora.DefaultAlpha)
	if err != nil {
		return 0, 0, 0, err
	}
	lr, err := optFloat32(arg(args, 2), "learning_rate", lora.DefaultLR)
	if err != nil {
		return 0, 0, 0, err
	}
	return dim, alpha, lr, nil
}

func newMicro(args []js.Value) (any, error) {
	dim, alpha, lr, err := loraConfig(args)
	if err != nil {
		return nil, err
	}
	return makeMicro(dim, alpha, lr)
}

// makeMicro builds a WasmMicroLoRA from checked-type arguments.
func makeMicro(dim int, alpha, lr float32) (*micro, error) {
	m, err := lora.NewMicro(dim, alpha, lr)
	if err != nil {
		return nil, err
	}
	xy := make([]float32, 2*dim)
	return &micro{m, xy[:dim:dim], xy[dim:]}, nil
}

// microMethod adapts a body that needs the *micro behind this.
func microMethod(name string, params []string, fn func(m *micro, args []js.Value) (any, error)) method {
	return method{name, params, func(this js.Value, args []js.Value) (any, error) {
		m, err := self[*micro](this)
		if err != nil {
			return nil, err
		}
		return fn(m, args)
	}}
}

// dimCheck returns the length check of an array argument of m.
func (m *micro) dimCheck(name string) func(int) error {
	return func(n int) error { return lora.CheckLen(name, n, m.Dim()) }
}

func registerMicro(global js.Value) {
	class(global, "WasmMicroLoRA", loraParams, newMicro, []method{
		microMethod("dim", nil, func(m *micro, _ []js.Value) (any, error) { return m.Dim(), nil }),
		microMethod("param_count", nil, func(m *micro, _ []js.Value) (any, error) { return m.ParamCount(), nil }),
		microMethod("get_input_ptr", nil, func(m *micro, _ []js.Value) (any, error) { return address(m.In), nil }),
		microMethod("get_output_ptr", nil, func(m *micro, _ []js.Value) (any, error) { return address(m.Out), nil }),
		microMethod("forward_count", nil, func(m *micro, _ []js.Value) (any, error) { return bigint(m.Forwards), nil }),
		microMethod("adapt_count", nil, func(m *micro, _ []js.Value) (any, error) { return bigint(m.Adapts), nil }),
		microMethod("delta_norm", nil, func(m *micro, _ []js.Value) (any, error) { return float32Result(m.DeltaNorm()), nil }),
		microMethod("forward", nil, func(m *micro, _ []js.Value) (any, error) { m.Forward(); return nil, nil }),
		microMethod("forward_array", []string{"input"}, func(m *micro, args []js.Value) (any, error) {
			if err := float32s(arg(args, 0), "input", m.x, m.dimCheck("input")); err != nil {
				return nil, err
			}
			if err := m.ForwardInto(m.x, m.y); err != nil {
				return nil, err
			}
			return newFloat32Array(m.y), nil
		}),
		microMethod("adapt", nil, func(m *micro, _ []js.Value) (any, error) { return nil, m.Adapt() }),
		microMethod("adapt_array", []string{"gradient"}, func(m *micro, args []js.Value) (any, error) {
			if err := float32s(arg(args, 0), "gradient", m.x, m.dimCheck("gradient")); err != nil {
				return nil, err
			}
			return nil, m.AdaptArray(m.x)
		}),
		microMethod("adapt_with_reward", []string{"improvement"}, func(m *micro, args []js.Value) (any, error) {
			imp, err := float32Arg(arg(args, 0), "improvement")
			if err != nil {
				return nil, err
			}
			return nil, m.AdaptWithReward(imp)
		}),
		microMethod("reset", nil, func(m *micro, _ []js.Value) (any, error) { m.Reset(); return nil, nil }),
	}, nil)
}
