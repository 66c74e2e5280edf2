package scoped

import (
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"rvlw/testdata"
)

// TestScopedFrozenStates loads every frozen version-1 WasmScopedLoRA state
// (testdata/states/v1; all 17 operators and 7 categories trained): it must save
// back to the same bytes, and the recorded steps must give every output and
// counter bit for bit.
func TestScopedFrozenStates(t *testing.T) {
	testdata.EachState(t, 1, "WasmScopedLoRA", Unmarshal, func(t *testing.T, st testdata.State, s *Scoped) {
		for _, p := range append(s.Ops[:], s.Categories[:]...) {
			require.Positive(t, p.Count, "every operator and category adapter has learned")
		}
		for i, step := range st.Steps {
			replayScopedState(t, s, i, step)
		}
		saved, err := s.MarshalBinary()
		require.NoError(t, err)
		assert.Equal(t, st.Saved, hex.EncodeToString(saved), "state after the steps")
	})
}

// replayScopedState is replayScoped plus the batch calls and the wider check
// (dim, input and output buffers) of the frozen states.
func replayScopedState(t *testing.T, s *Scoped, i int, st testdata.Step) {
	t.Helper()
	switch st.Method() {
	case "forward_batch":
		xs := st.F32s("xs")
		ys := make([]float32, len(xs))
		require.NoError(t, s.ForwardBatch(st.Int("op"), xs, ys))
		require.Equal(t, st.BitsList("ys"), testdata.Bits(ys), "step %d", i)
	case "adapt_batch":
		gs := st.F32s("gs")
		require.NoError(t, s.AdaptBatch(st.Int("op"), gs, make([]float32, len(gs)/s.Dim())))
	case "check":
		replayScoped(t, s, i, st)
		assert.Equal(t, st.Int("dim"), s.Dim(), "step %d dim", i)
		require.Equal(t, st.BitsList("input"), testdata.Bits(s.In), "step %d input buffer", i)
		require.Equal(t, st.BitsList("output"), testdata.Bits(s.Out), "step %d output buffer", i)
	default:
		replayScoped(t, s, i, st)
	}
}
