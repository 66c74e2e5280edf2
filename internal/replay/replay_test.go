package replay

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"rvlw/internal/scoped"
	"rvlw/internal/trajectory"
)

func TestLearnFromEqualsManualReplay(t *testing.T) {
	b, err := trajectory.New(5, 3)
	require.NoError(t, err)
	records := []struct {
		emb        []float32
		op         int
		exec, base float32
	}{
		{[]float32{1, 2, 3}, 1, 10, 30},  // evicted below
		{[]float32{1, 0, 0}, 2, 10, 15},  // improvement 0.5, quality 0.75
		{[]float32{0, 1, 0}, 5, 10, 5},   // improvement -0.5: skipped
		{[]float32{0, 0, 2}, 9, 10, 100}, // improvement 9, quality 1
		{[]float32{float32(math.NaN()), 0, 0}, 3, 1, 9},
		{[]float32{2, 2, 2}, 16, 10, 11}, // improvement ~0.1, quality ~0.55
	}
	for _, r := range records {
		require.NoError(t, b.Record(r.emb, r.op, 0, r.exec, r.base))
	}
	got, _ := scoped.New(3, 0.5, 0.2)
	want, _ := scoped.New(3, 0.5, 0.2)
	n, err := LearnFrom(got, b, 0.6)
	require.NoError(t, err)
	assert.Equal(t, 2, n, "the 0.5 and 9 improvements have quality above 0.6")
	require.NoError(t, want.Reward(2, []float32{1, 0, 0}, 0.5))
	require.NoError(t, want.Reward(9, []float32{0, 0, 2}, 9))
	assert.Equal(t, want.Ops, got.Ops)
	assert.Equal(t, want.Categories, got.Categories)

	all, _ := scoped.New(3, 0.5, 0.2)
	n, err = LearnFrom(all, b, 0)
	require.NoError(t, err)
	assert.Equal(t, 3, n, "quality > 0 lets the 0.1 improvement in; the NaN embedding is passed over")

	other, _ := scoped.New(4, 0.5, 0.2)
	_, err = LearnFrom(other, b, 0)
	require.Error(t, err)
	_, err = LearnFrom(all, b, float32(math.NaN()))
	require.Error(t, err)
}
