package scoped

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"rvlw/internal/argerr"
)

var nan = float32(math.NaN())

// trained returns a manager of dimension 3 with some learning and counters.
func trained(t *testing.T) *Scoped {
	s, err := New(3, 0.5, 0.1)
	require.NoError(t, err)
	for op := range NumOps {
		require.NoError(t, s.AdaptArray(op, []float32{1, float32(op), -2}))
		require.NoError(t, s.ForwardInto(op, []float32{1, 2, 3}, make([]float32, 3)))
	}
	copy(s.In, []float32{0.5, -1, 2})
	return s
}

// state is everything a rejected call must leave unchanged.
type state struct {
	B        [][]float32
	Counts   []uint64
	Forwards [NumOps]uint64
	Fallback bool
	Out      []float32
}

func snapshot(s *Scoped) state {
	st := state{Forwards: s.Forwards, Fallback: s.Fallback, Out: append([]float32(nil), s.Out...)}
	for _, a := range append(s.Ops[:], s.Categories[:]...) {
		st.B = append(st.B, append(append([]float32(nil), a.B0...), a.B1...))
		st.Counts = append(st.Counts, a.Count)
	}
	return st
}

func TestScopedRejectsBadInput(t *testing.T) {
	for _, tc := range []struct {
		name string
		call func(s *Scoped) error
		arg  string
	}{
		{"new dim 0", func(*Scoped) error { _, err := New(0, 0.1, 0.01); return err }, "dim"},
		{"new dim 8193", func(*Scoped) error { _, err := New(8193, 0.1, 0.01); return err }, "dim"},
		{"new alpha NaN", func(*Scoped) error { _, err := New(3, nan, 0.01); return err }, "alpha"},
		{"forward op -1", func(s *Scoped) error { return s.Forward(-1) }, "op_type"},
		{"forward op 17", func(s *Scoped) error { return s.Forward(17) }, "op_type"},
		{"forward_array op 255", func(s *Scoped) error { return s.ForwardInto(255, make([]float32, 3), make([]float32, 3)) }, "op_type"},
		{"forward_array short", func(s *Scoped) error { return s.ForwardInto(1, make([]float32, 2), make([]float32, 2)) }, "input"},
		{"forward_array output", func(s *Scoped) error { return s.ForwardInto(1, make([]float32, 3), make([]float32, 4)) }, "output"},
		{"adapt op 17", func(s *Scoped) error { return s.Adapt(17) }, "op_type"},
		{"adapt NaN buffer", func(s *Scoped) error { s.In[1] = nan; return s.Adapt(2) }, "input buffer"},
		{"adapt_array long", func(s *Scoped) error { return s.AdaptArray(2, make([]float32, 4)) }, "gradient"},
		{"adapt_array Inf", func(s *Scoped) error { return s.AdaptArray(2, []float32{float32(math.Inf(1)), 0, 0}) }, "gradient"},
		{"adapt_array overflow", func(s *Scoped) error { return s.AdaptArray(2, []float32{3e19, 3e19, 0}) }, "gradient"},
		{"adapt_with_reward NaN", func(s *Scoped) error { return s.AdaptWithReward(4, nan) }, "improvement"},
		{"adapt_with_reward op -3", func(s *Scoped) error { return s.AdaptWithReward(-3, 1) }, "op_type"},
		{"reset_scope op 17", func(s *Scoped) error { return s.ResetScope(17) }, "op_type"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := trained(t)
			err := tc.call(s)
			var ae *argerr.Error
			require.ErrorAs(t, err, &ae)
			assert.Equal(t, argerr.Range, ae.Kind)
			assert.Equal(t, tc.arg, ae.Arg)
			assert.Equal(t, snapshot(trained(t)), snapshot(s), "state changed by a rejected call")
		})
	}
}

func TestFallbackBlend(t *testing.T) {
	s, err := New(2, 1, 0.5)
	require.NoError(t, err)
	x := []float32{1, -1}
	g := []float32{0.3, 0.7}
	// Train op 0's category through op 1 (same category), then op 0 alone sees
	// the category's learning in proportion 1 - count/10.
	for range 3 {
		require.NoError(t, s.AdaptArray(1, g))
	}
	own, cat := make([]float32, 2), make([]float32, 2)
	s.Ops[0].Forward(x, own)
	s.Categories[0].Forward(x, cat)
	y := make([]float32, 2)
	require.NoError(t, s.ForwardInto(0, x, y))
	assert.Equal(t, cat, y, "count 0: the category alone (w = 0)")
	s.Fallback = false
	require.NoError(t, s.ForwardInto(0, x, y))
	assert.Equal(t, own, y, "fallback off: the operator alone")
	s.Fallback = true
	for range 10 {
		require.NoError(t, s.AdaptArray(0, g))
	}
	s.Ops[0].Forward(x, own)
	require.NoError(t, s.ForwardInto(0, x, y))
	assert.Equal(t, own, y, "count 10: the operator alone")
	assert.Equal(t, uint64(3), s.Forwards[0])
}

func TestResetScopeKeepsCategory(t *testing.T) {
	s := trained(t)
	catB := append([]float32(nil), s.Categories[Category(5)].B0...)
	require.NoError(t, s.ResetScope(5))
	assert.Zero(t, s.Forwards[5])
	assert.Zero(t, s.Ops[5].Count)
	assert.Equal(t, catB, s.Categories[Category(5)].B0)
	assert.Equal(t, uint64(16), s.TotalAdapts())
	assert.Equal(t, uint64(16), s.TotalForwards())
	s.ResetAll()
	assert.Zero(t, s.TotalAdapts()+s.TotalForwards())
	for _, c := range s.Categories {
		assert.Zero(t, c.Count)
		assert.Zero(t, c.DeltaNorm())
	}
}

func TestScopeName(t *testing.T) {
	for _, tc := range []struct {
		op   int
		want string
	}{
		{0, "SeqScan"}, {5, "HashJoin"}, {16, "Result"}, {-1, "Unknown"}, {17, "Unknown"}, {1 << 40, "Unknown"},
	} {
		assert.Equal(t, tc.want, ScopeName(tc.op))
	}
	for op := range NumOps {
		assert.Less(t, Category(op), NumCategories)
	}
}

func TestScopedHotPathsDoNotAllocate(t *testing.T) {
	s, err := New(256, 0.1, 0.01)
	require.NoError(t, err)
	x, y := make([]float32, 256), make([]float32, 256)
	for i := range x {
		x[i] = float32(i%5) - 2
	}
	copy(s.In, x)
	for name, f := range map[string]func(){
		"forward":           func() { _ = s.Forward(3) },
		"forward into":      func() { _ = s.ForwardInto(7, x, y) },
		"adapt":             func() { _ = s.Adapt(3) },
		"adapt_array":       func() { _ = s.AdaptArray(9, x) },
		"adapt_with_reward": func() { _ = s.AdaptWithReward(12, 0.5) },
	} {
		assert.Zero(t, testing.AllocsPerRun(100, f), name)
	}
}
