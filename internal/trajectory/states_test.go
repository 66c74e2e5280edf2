package trajectory

import (
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"rvlw/testdata"
)

// TestBufferFrozenStates loads every frozen version-1 WasmTrajectoryBuffer
// state (testdata/states/v1; a ring that has wrapped, a stored embedding
// holding NaN): it must save back to the same bytes, and the recorded steps
// must give every statistic bit for bit. (Its learn_from calls are replayed in
// internal/replay.)
func TestBufferFrozenStates(t *testing.T) {
	load := func(b []byte) (*Buffer, error) { return Unmarshal(b, nil) }
	testdata.EachState(t, 1, "WasmTrajectoryBuffer", load, func(t *testing.T, st testdata.State, b *Buffer) {
		require.Greater(t, b.Count, uint64(b.Capacity()), "the saved ring has wrapped")
		for i, s := range st.Steps {
			if s.Method() == "check" {
				assert.Equal(t, s.Int("embedding_dim"), b.EmbeddingDim(), "step %d embedding_dim", i)
			}
			replayBuffer(t, b, i, s)
		}
		saved, err := b.MarshalBinary()
		require.NoError(t, err)
		assert.Equal(t, st.Saved, hex.EncodeToString(saved), "state after the steps")
	})
}
