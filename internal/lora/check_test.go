package lora

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"rvlw/internal/argerr"
)

var (
	nan  = float32(math.NaN())
	pinf = float32(math.Inf(1))
	ninf = float32(math.Inf(-1))
)

func TestCheckConfig(t *testing.T) {
	for _, tc := range []struct {
		dim       int
		alpha, lr float32
		arg       string // "" when valid
	}{
		{1, 0.1, 0.01, ""},
		{256, 0.1, 0.01, ""},
		{8192, -3, 0, ""},
		{0, 0.1, 0.01, "dim"},
		{-1, 0.1, 0.01, "dim"},
		{8193, 0.1, 0.01, "dim"},
		{1 << 40, 0.1, 0.01, "dim"},
		{4, nan, 0.01, "alpha"},
		{4, pinf, 0.01, "alpha"},
		{4, ninf, 0.01, "alpha"},
		{4, 0.1, nan, "learning_rate"},
		{4, 0.1, pinf, "learning_rate"},
		{4, 0.1, ninf, "learning_rate"},
		{0, nan, nan, "dim"}, // the first bad argument is named
	} {
		m, err := NewMicro(tc.dim, tc.alpha, tc.lr)
		if tc.arg == "" {
			require.NoError(t, err, "%+v", tc)
			assert.Equal(t, tc.dim, m.Dim())
			continue
		}
		assert.Nil(t, m)
		assertArgErr(t, err, argerr.Range, tc.arg)
	}
}

// microState is everything a failed call must leave unchanged.
type microState struct {
	B0, B1           []float32
	Count            uint64
	Forwards, Adapts uint64
	In, Out          []float32
}

func snapshot(m *Micro) microState {
	return microState{
		append([]float32(nil), m.B0...), append([]float32(nil), m.B1...),
		m.Count, m.Forwards, m.Adapts,
		append([]float32(nil), m.In...), append([]float32(nil), m.Out...),
	}
}

// trained returns an engine of dimension 4 with non-zero B and counters.
func trained(t *testing.T) *Micro {
	m, err := NewMicro(4, 0.5, 0.1)
	require.NoError(t, err)
	require.NoError(t, m.AdaptArray([]float32{1, -2, 3, 0.5}))
	require.NoError(t, m.ForwardInto([]float32{1, 1, 1, 1}, make([]float32, 4)))
	copy(m.In, []float32{0.25, 0.5, -1, 2})
	return m
}

func TestMicroRejectsBadInput(t *testing.T) {
	big := float32(1e20) // squares overflow float32
	for _, tc := range []struct {
		name string
		call func(m *Micro) error
		arg  string
	}{
		{"forward_array short", func(m *Micro) error { return m.ForwardInto(make([]float32, 3), make([]float32, 3)) }, "input"},
		{"forward_array long", func(m *Micro) error { return m.ForwardInto(make([]float32, 5), make([]float32, 5)) }, "input"},
		{"forward_array empty", func(m *Micro) error { return m.ForwardInto(nil, nil) }, "input"},
		{"forward_array output", func(m *Micro) error { return m.ForwardInto(make([]float32, 4), make([]float32, 3)) }, "output"},
		{"adapt_array short", func(m *Micro) error { return m.AdaptArray([]float32{1, 2, 3}) }, "gradient"},
		{"adapt_array empty", func(m *Micro) error { return m.AdaptArray([]float32{}) }, "gradient"},
		{"adapt_array NaN", func(m *Micro) error { return m.AdaptArray([]float32{1, nan, 3, 4}) }, "gradient"},
		{"adapt_array +Inf", func(m *Micro) error { return m.AdaptArray([]float32{1, 2, pinf, 4}) }, "gradient"},
		{"adapt_array -Inf", func(m *Micro) error { return m.AdaptArray([]float32{ninf, 2, 3, 4}) }, "gradient"},
		{"adapt_array overflow", func(m *Micro) error { return m.AdaptArray([]float32{big, 0, 0, 0}) }, "gradient"},
		{"adapt NaN buffer", func(m *Micro) error { m.In[3] = nan; return m.Adapt() }, "input buffer"},
		{"adapt_with_reward NaN", func(m *Micro) error { return m.AdaptWithReward(nan) }, "improvement"},
		{"adapt_with_reward Inf buffer", func(m *Micro) error { m.In[0] = pinf; return m.AdaptWithReward(1) }, "input buffer"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := trained(t)
			err := tc.call(m)
			assertArgErr(t, err, argerr.Range, tc.arg)
			want := snapshot(trained(t))
			got := snapshot(m)
			got.In = want.In // the case itself may have poisoned the input buffer
			assert.Equal(t, want, got, "state changed by a rejected call")
		})
	}
}

func TestRewardBoundaries(t *testing.T) {
	g := []float32{1, -2, 3, 0.5}
	for _, tc := range []struct {
		imp     float32
		applied bool
	}{
		{0, false}, {float32(math.Copysign(0, -1)), false}, {-1, false}, {ninf, false},
		{1e-30, true}, {0.5, true}, {2, true}, {3, true}, {pinf, true},
	} {
		m, err := NewMicro(4, 0.1, 0.01)
		require.NoError(t, err)
		copy(m.In, g)
		require.NoError(t, m.AdaptWithReward(tc.imp))
		assert.Equal(t, uint64(1), m.Adapts, "adapt_count counts skipped updates too")
		assert.Equal(t, tc.applied, m.Count == 1, "improvement %v", tc.imp)
	}
	// min(improvement, 2): 3 and +Inf learn exactly as 2 does.
	var deltas []uint32
	for _, imp := range []float32{2, 3, pinf} {
		m, _ := NewMicro(4, 0.1, 0.01)
		copy(m.In, g)
		require.NoError(t, m.AdaptWithReward(imp))
		deltas = append(deltas, math.Float32bits(m.DeltaNorm()))
	}
	assert.Equal(t, deltas[0], deltas[1])
	assert.Equal(t, deltas[0], deltas[2])
}

func TestSkippedUpdates(t *testing.T) {
	for _, tc := range []struct {
		name    string
		g       []float32
		applied bool
	}{
		{"zero", []float32{0, 0, 0, 0}, false},
		{"tiny", []float32{1e-9, 1e-9, 1e-9, 1e-9}, false},      // Σg² = 4e-18
		{"just above", []float32{2e-8, 0, 0, 0}, true},          // Σg² = 4e-16
		{"subnormal squares", []float32{1e-20, 0, 0, 0}, false}, // squares to 0 in float32
		{"unit", []float32{1, 0, 0, 0}, true},
	} {
		m, _ := NewMicro(4, 0.1, 0.01)
		require.NoError(t, m.AdaptArray(tc.g), tc.name)
		assert.Equal(t, uint64(1), m.Adapts, tc.name)
		assert.Equal(t, tc.applied, m.Count == 1, tc.name)
		assert.Equal(t, tc.applied, m.DeltaNorm() != 0, tc.name)
	}
}

func TestResetKeepsA(t *testing.T) {
	m := trained(t)
	a0 := append([]float32(nil), m.A0...)
	m.Reset()
	assert.Equal(t, a0, m.A0)
	assert.Equal(t, []float32{0, 0, 0, 0}, m.B0)
	assert.Zero(t, m.Count+m.Forwards+m.Adapts)
	assert.Zero(t, m.DeltaNorm())
}

func TestParamCount(t *testing.T) {
	for _, tc := range []struct{ dim, want int }{
		{1, 514}, {17, 546}, {256, 1024}, {257, 1028}, {384, 1536}, {8192, 32768},
	} {
		m, err := NewMicro(tc.dim, 0.1, 0.01)
		require.NoError(t, err)
		assert.Equal(t, tc.want, m.ParamCount(), "dim %d", tc.dim)
	}
}

func TestHelpers(t *testing.T) {
	for _, tc := range []struct {
		x, want float32
	}{
		{0, 0}, {-4, 0}, {float32(math.Copysign(0, -1)), 0},
	} {
		assert.Equal(t, tc.want, FastSqrt(tc.x))
	}
	for _, x := range []float32{1e-30, 0.5, 1, 2, 4, 100, 1e30} {
		assert.InEpsilon(t, math.Sqrt(float64(x)), float64(FastSqrt(x)), 2e-3, "fast_sqrt(%v)", x)
	}
	assert.Zero(t, Rand01(0))
	for _, seed := range []uint32{1, 2, 1000, 1<<32 - 1} {
		r := Rand01(seed)
		assert.True(t, r > 0 && r <= 1, "rand01(%d) = %v", seed, r)
	}
}

func assertArgErr(t *testing.T, err error, kind argerr.Kind, arg string) {
	t.Helper()
	var ae *argerr.Error
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, kind, ae.Kind)
	assert.Equal(t, arg, ae.Arg)
	assert.NotEmpty(t, ae.Reason)
}

// TestNewPairsEqualNewPair: every adapter of NewPairs is NewPair's, bit for
// bit, with vectors of its own.
func TestNewPairsEqualNewPair(t *testing.T) {
	for _, d := range []int{1, 17, 256, 8192} {
		ps := NewPairs(3, d, 0.5, 0.01)
		want := NewPair(d, 0.5, 0.01)
		for i, p := range ps {
			assert.Equal(t, bitsOf(want.A0), bitsOf(p.A0), "d %d pair %d A0", d, i)
			assert.Equal(t, bitsOf(want.A1), bitsOf(p.A1), "d %d pair %d A1", d, i)
			assert.Equal(t, bitsOf(want.B0), bitsOf(p.B0), "d %d pair %d B0", d, i)
			assert.Equal(t, bitsOf(want.B1), bitsOf(p.B1), "d %d pair %d B1", d, i)
			assert.Equal(t, []any{want.Alpha, want.LR, want.C0, want.C1, want.Count}, []any{p.Alpha, p.LR, p.C0, p.C1, p.Count})
		}
		ps[1].A0[0], ps[1].B1[d-1] = 7, 7
		assert.NotEqual(t, float32(7), ps[0].A0[0], "d %d: the vectors are not shared", d)
		assert.NotEqual(t, float32(7), ps[2].B1[d-1], "d %d: the vectors are not shared", d)
	}
}
