package lora

import (
	"unsafe"

	"rvlw/internal/argerr"
)

// Micro is the WasmMicroLoRA engine of docs/SEMANTICS.md §3: one Pair, an input and an
// output buffer of Dim() float32 each, and forward/adapt counters.
type Micro struct {
	Pair
	// In and Out are the zero-allocation buffers behind get_input_ptr/get_output_ptr,
	// of Dim() values each: NewMicro makes them and nothing reassigns them
	// (Forward passes them to the kernel without a length check).
	In, Out []float32
	// Forwards and Adapts count calls; Adapts includes skipped updates.
	Forwards, Adapts uint64
}

// Defaults of the JS constructor when an argument is undefined or null.
const (
	DefaultDim   = 256
	DefaultAlpha = float32(0.1)
	DefaultLR    = float32(0.01)
)

// CheckConfig validates the constructor arguments shared by both LoRA classes:
// dim in 1..MaxDim, alpha and learning_rate finite.
func CheckConfig(dim int, alpha, lr float32) error {
	if dim < 1 || dim > MaxDim {
		return argerr.NewRange("dim", "must be an integer in 1..8192")
	}
	if !finite(alpha) {
		return argerr.NewRange("alpha", "must be a finite number")
	}
	if !finite(lr) {
		return argerr.NewRange("learning_rate", "must be a finite number")
	}
	return nil
}

// NewMicro returns an engine with a fresh Pair, or the CheckConfig error.
func NewMicro(dim int, alpha, lr float32) (*Micro, error) {
	if err := CheckConfig(dim, alpha, lr); err != nil {
		return nil, err
	}
	m := &Micro{Pair: *NewPair(dim, alpha, lr)}
	io := make([]float32, 2*dim)
	m.In, m.Out = io[:dim:dim], io[dim:]
	return m, nil
}

// Forward is Out = forward(In); Forwards += 1. It is m.Pair.Forward(m.In,
// m.Out) without the slicing, to stay within Go's inlining budget: the
// hot export then calls the kernel directly.
func (m *Micro) Forward() {
	forward(&m.Pair, unsafe.SliceData(m.In), unsafe.SliceData(m.Out))
	m.Forwards++
}

// ForwardInto is y = forward(x); Forwards += 1. Both lengths must be Dim().
func (m *Micro) ForwardInto(x, y []float32) error {
	if err := CheckLen("input", len(x), m.Dim()); err != nil {
		return err
	}
	if len(y) != len(x) {
		return argerr.NewRange("output", "must have length dim()")
	}
	m.Pair.Forward(x, y)
	m.Forwards++
	return nil
}

// Adapt is adapt(In); Adapts += 1 even when the update is skipped.
func (m *Micro) Adapt() error { return m.adapt(m.In, "input buffer", 0, false) }

// AdaptArray is adapt(g) with r = lr; Adapts += 1 even when skipped.
func (m *Micro) AdaptArray(g []float32) error { return m.adapt(g, "gradient", 0, false) }

// AdaptWithReward is, on In, the update with r = lr*min(improvement, 2) when
// improvement > 0 and nothing otherwise; Adapts += 1 either way.
func (m *Micro) AdaptWithReward(improvement float32) error {
	return m.adapt(m.In, "input buffer", improvement, true)
}

// adapt is the update on g, named arg in errors, with r = lr, or when
// rewarded r = lr*min(improvement, 2) and no update unless improvement > 0.
// Like every hot path, it calls the kernels (sumSquares, axpy2) with no Go
// call between: GradientNorm, StepScale and Step inline.
func (m *Micro) adapt(g []float32, arg string, improvement float32, rewarded bool) error {
	gs, ok := GradientNorm(g, m.Dim())
	if !ok {
		return GradientError(arg, g, m.Dim())
	}
	r := m.LR
	if rewarded {
		if err := CheckImprovement(improvement); err != nil {
			return err
		}
		r = m.RewardRate(improvement)
	}
	if inv, ok := StepScale(gs); ok && (!rewarded || improvement > 0) {
		m.Step(g, inv, r)
		m.Count++
	}
	m.Adapts++
	return nil
}

// Reset zeroes B and all counters.
func (m *Micro) Reset() {
	m.Pair.Reset()
	m.Forwards, m.Adapts = 0, 0
}
