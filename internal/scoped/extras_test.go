package scoped

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestScopedBatchesEqualSingleCalls(t *testing.T) {
	batch, single := trained(t), trained(t)
	gs := []float32{1, 2, 3, -1, 0.5, 2, 0, 0, 1}
	xs := []float32{0.5, 1, -2, 3, 1, 1, -1, 0, 2}
	norms := make([]float32, 3)
	require.NoError(t, batch.AdaptBatch(4, gs, norms))
	ys := make([]float32, 9)
	require.NoError(t, batch.ForwardBatch(4, xs, ys))
	for i := 0; i < 9; i += 3 {
		require.NoError(t, single.AdaptArray(4, gs[i:i+3]))
	}
	for i := 0; i < 9; i += 3 {
		y := make([]float32, 3)
		require.NoError(t, single.ForwardInto(4, xs[i:i+3], y))
		assert.Equal(t, y, ys[i:i+3])
	}
	assert.Equal(t, snapshot(single), snapshot(batch))
	require.Error(t, batch.AdaptBatch(17, gs, norms))
	require.Error(t, batch.ForwardBatch(4, xs[:8], ys[:8]))
	assert.Equal(t, snapshot(single), snapshot(batch))
	assert.Zero(t, testing.AllocsPerRun(20, func() { require.NoError(t, batch.AdaptBatch(4, gs, norms)) }),
		"the caller's norms buffer is used, never a new one")
}
