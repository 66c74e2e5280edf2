package lora

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"rvlw/internal/argerr"
)

func TestGetSetB(t *testing.T) {
	m := trained(t)
	b := make([]float32, 8)
	m.GetB(b)
	assert.Equal(t, append(append([]float32(nil), m.B0...), m.B1...), b)
	fresh, _ := NewMicro(4, 0.5, 0.1)
	require.NoError(t, fresh.SetB(b))
	x := []float32{1, -1, 2, 0.5}
	y0, y1 := make([]float32, 4), make([]float32, 4)
	require.NoError(t, m.ForwardInto(x, y0))
	require.NoError(t, fresh.ForwardInto(x, y1))
	assert.Equal(t, y0, y1, "set_b(get_b()) carries the learning")
	for _, bad := range [][]float32{b[:7], append(b, 0), {1, 2, 3, float32(math.NaN()), 5, 6, 7, 8}, {float32(math.Inf(1)), 0, 0, 0, 0, 0, 0, 0}} {
		err := fresh.SetB(bad)
		var ae *argerr.Error
		require.ErrorAs(t, err, &ae)
		assert.Equal(t, "b", ae.Arg)
	}
	got := make([]float32, 8)
	fresh.GetB(got)
	assert.Equal(t, b, got, "rejected set_b changed nothing")
}

func TestBatchesEqualSingleCalls(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	const d, n = 7, 5
	batch, single := trained(t), trained(t)
	batch.Pair, single.Pair = *NewPair(d, 0.5, 0.1), *NewPair(d, 0.5, 0.1)
	gs, xs := unit(r, n*d), unit(r, n*d)
	norms := make([]float32, n)
	require.NoError(t, batch.AdaptBatch(gs, norms))
	for i := 0; i < n*d; i += d {
		require.NoError(t, single.AdaptArray(gs[i:i+d]))
	}
	ys := make([]float32, n*d)
	require.NoError(t, batch.ForwardBatch(xs, ys))
	for i := 0; i < n*d; i += d {
		y := make([]float32, d)
		require.NoError(t, single.ForwardInto(xs[i:i+d], y))
		assert.Equal(t, bitsOf(y), bitsOf(ys[i:i+d]))
	}
	assert.Equal(t, single.Forwards, batch.Forwards)
	assert.Equal(t, single.Adapts, batch.Adapts)
	assert.Equal(t, single.Count, batch.Count)
	// A bad row anywhere changes nothing; a partial row is refused.
	before := batch.Adapts
	bad := unit(r, 3*d)
	bad[2*d+1] = float32(math.NaN())
	require.Error(t, batch.AdaptBatch(bad, norms))
	require.Error(t, batch.AdaptBatch(unit(r, d+1), norms))
	require.Error(t, batch.ForwardBatch(unit(r, 2*d-1), make([]float32, 2*d-1)))
	assert.Equal(t, before, batch.Adapts)
	require.NoError(t, batch.ForwardBatch(nil, nil), "zero rows is an empty batch")
	allocs := testing.AllocsPerRun(20, func() { require.NoError(t, batch.AdaptBatch(gs, norms)) })
	assert.Zero(t, allocs, "the caller's norms buffer is used, never a new one")
}

func TestLargeDimensions(t *testing.T) {
	for _, d := range []int{384, 1536, 3072, 8192} {
		m, err := NewMicro(d, 0.1, 0.01)
		require.NoError(t, err)
		assert.Equal(t, 4*d, m.ParamCount())
		x := unit(rand.New(rand.NewPCG(uint64(d), 1)), d)
		y := make([]float32, d)
		require.NoError(t, m.ForwardInto(x, y))
		assert.Equal(t, x, y, "identity before learning")
		require.NoError(t, m.AdaptArray(x))
		require.NoError(t, m.ForwardInto(x, y))
		assert.NotEqual(t, x, y, "learning after")
		assert.Positive(t, m.DeltaNorm())
	}
}
