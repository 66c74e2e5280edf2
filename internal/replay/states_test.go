package replay

import (
	"encoding/hex"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"rvlw/internal/scoped"
	"rvlw/internal/trajectory"
	"rvlw/testdata"
)

// TestLearnFromFrozenStates replays the recorded learn_from calls on every
// frozen version-1 buffer state (testdata/states/v1): each fresh learner must
// apply the same number of trajectories and save the same bytes, which shows
// every stored trajectory, oldest first, came back as it was saved.
func TestLearnFromFrozenStates(t *testing.T) {
	load := func(b []byte) (*trajectory.Buffer, error) { return trajectory.Unmarshal(b, nil) }
	testdata.EachState(t, 1, "WasmTrajectoryBuffer", load, func(t *testing.T, st testdata.State, b *trajectory.Buffer) {
		require.NotEmpty(t, st.Learn)
		for i, l := range st.Learn {
			s, err := scoped.New(int(l.Args[0]), math.Float32frombits(l.Args[1]), math.Float32frombits(l.Args[2]))
			require.NoError(t, err)
			n, err := LearnFrom(s, b, math.Float32frombits(l.Q))
			require.NoError(t, err)
			assert.Equal(t, l.Applied, n, "learn %d: applied", i)
			saved, err := s.MarshalBinary()
			require.NoError(t, err)
			assert.Equal(t, l.Saved, hex.EncodeToString(saved), "learn %d: the learner's state", i)
		}
		again, err := b.MarshalBinary()
		require.NoError(t, err)
		assert.Equal(t, st.Bytes, again, "learn_from leaves the buffer alone")
	})
}
