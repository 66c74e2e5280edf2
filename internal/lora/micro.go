package lora

import (
	"math"
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

// Forward is Out = forward(In); Forwards += 1, both in one kernel call
// (forwardIO), which the hot export makes directly: this inlines.
func (m *Micro) Forward() { forwardIO(m) }

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
func (m *Micro) Adapt() error { return m.update(m.In, "input buffer", m.LR) }

// AdaptArray is adapt(g) with r = lr; Adapts += 1 even when skipped.
func (m *Micro) AdaptArray(g []float32) error { return m.update(g, "gradient", m.LR) }

// AdaptWithReward is, on In, the update with r = lr*min(improvement, 2) when
// improvement > 0 and nothing otherwise; Adapts += 1 either way.
func (m *Micro) AdaptWithReward(improvement float32) error {
	if improvement > 0 {
		return m.update(m.In, "input buffer", m.RewardRate(improvement))
	}
	if err := CheckUnrewarded(m.In, m.Dim(), "input buffer", improvement); err != nil {
		return err
	}
	m.Adapts++
	return nil
}

// update is the update on g with rate r, named arg in errors, in one kernel
// call (learn: GradientNorm, then Update unless gs < 1e-16); Adapts += 1
// even when skipped.
func (m *Micro) update(g []float32, arg string, r float32) error {
	if len(g) == m.Dim() && learn(&m.Pair, unsafe.SliceData(g), r) <= math.MaxFloat32 {
		m.Adapts++
		return nil
	}
	return GradientError(arg, g, m.Dim())
}

// Reset zeroes B and all counters.
func (m *Micro) Reset() {
	m.Pair.Reset()
	m.Forwards, m.Adapts = 0, 0
}
