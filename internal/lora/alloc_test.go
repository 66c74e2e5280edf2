package lora

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHotPathsDoNotAllocate proves the zero-allocation promise of every hot call.
func TestHotPathsDoNotAllocate(t *testing.T) {
	m, err := NewMicro(256, 0.1, 0.01)
	require.NoError(t, err)
	x, y := ramp(256), make([]float32, 256)
	copy(m.In, x)
	for name, f := range map[string]func(){
		"forward":           m.Forward,
		"forward into":      func() { _ = m.ForwardInto(x, y) },
		"adapt":             func() { _ = m.Adapt() },
		"adapt_array":       func() { _ = m.AdaptArray(x) },
		"adapt_with_reward": func() { _ = m.AdaptWithReward(0.5) },
		"delta_norm":        func() { _ = m.DeltaNorm() },
	} {
		assert.Zero(t, testing.AllocsPerRun(100, f), name)
	}
}

// ramp is x[i] = (i%7 - 3) / 4, a fixed non-trivial input.
func ramp(n int) []float32 {
	x := make([]float32, n)
	for i := range x {
		x[i] = float32(i%7-3) / 4
	}
	return x
}
