package lora

import (
	"encoding/hex"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"rvlw/testdata"
)

// TestMicroFrozenStates loads every frozen version-1 WasmMicroLoRA state (saved
// by the version-1 build, testdata/states/v1): it must save back to the same
// bytes, and the recorded steps must give every output and counter bit for bit.
func TestMicroFrozenStates(t *testing.T) {
	testdata.EachState(t, 1, "WasmMicroLoRA", UnmarshalMicro, func(t *testing.T, st testdata.State, m *Micro) {
		for i, s := range st.Steps {
			replayMicroState(t, m, i, s)
		}
		saved, err := m.MarshalBinary()
		require.NoError(t, err)
		assert.Equal(t, st.Saved, hex.EncodeToString(saved), "state after the steps")
	})
}

// replayMicroState is replayMicro plus the batch calls and the wider check
// (B, input and output buffers) of the frozen states.
func replayMicroState(t *testing.T, m *Micro, i int, s testdata.Step) {
	t.Helper()
	switch s.Method() {
	case "forward_batch":
		xs := s.F32s("xs")
		ys := make([]float32, len(xs))
		require.NoError(t, m.ForwardBatch(xs, ys))
		require.Equal(t, s.BitsList("ys"), testdata.Bits(ys), "step %d", i)
	case "adapt_batch":
		gs := s.F32s("gs")
		require.NoError(t, m.AdaptBatch(gs, make([]float32, len(gs)/m.Dim())))
	case "check":
		replayMicro(t, m, i, s)
		b := make([]float32, 2*m.Dim())
		m.GetB(b)
		require.Equal(t, s.BitsList("b"), testdata.Bits(b), "step %d get_b", i)
		require.Equal(t, s.BitsList("input"), testdata.Bits(m.In), "step %d input buffer", i)
		require.Equal(t, s.BitsList("output"), testdata.Bits(m.Out), "step %d output buffer", i)
	default:
		replayMicro(t, m, i, s)
	}
}

// TestMicroFrozenStatesKeepNonFiniteBuffers guards the fixture itself: the
// micro state's input buffer holds NaN and ±Inf, which loading must keep.
func TestMicroFrozenStatesKeepNonFiniteBuffers(t *testing.T) {
	states, err := testdata.States(1, "WasmMicroLoRA")
	require.NoError(t, err)
	require.NotEmpty(t, states)
	m, err := UnmarshalMicro(states[0].Bytes)
	require.NoError(t, err)
	var nan, inf int
	for _, v := range m.In {
		if math.IsNaN(float64(v)) {
			nan++
		}
		if math.IsInf(float64(v), 0) {
			inf++
		}
	}
	assert.Equal(t, 1, nan, "NaN in the input buffer")
	assert.Equal(t, 2, inf, "±Inf in the input buffer")
}
