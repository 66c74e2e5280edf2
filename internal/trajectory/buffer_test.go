package trajectory

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"rvlw/internal/argerr"
)

func TestCheckSize(t *testing.T) {
	for _, tc := range []struct {
		capacity int64
		dim      int
		arg      string // "" when valid
	}{
		{1, 1, ""},
		{1000, 256, ""},
		{262144, 256, ""}, // exactly 256 MiB
		{1, 8192, ""},
		{0, 4, "capacity"},
		{-5, 4, "capacity"},
		{262145, 256, "capacity"}, // one slot over 256 MiB
		{1 << 53, 1, "capacity"},
		{4, 0, "embedding_dim"},
		{4, 8193, "embedding_dim"},
	} {
		err := CheckSize(tc.capacity, tc.dim)
		if tc.arg == "" {
			assert.NoError(t, err, "%+v", tc)
			continue
		}
		var ae *argerr.Error
		require.ErrorAs(t, err, &ae, "%+v", tc)
		assert.Equal(t, argerr.Range, ae.Kind)
		assert.Equal(t, tc.arg, ae.Arg)
	}
}

// filled returns a buffer of capacity 3, dim 2, holding four records (one evicted).
func filled(t *testing.T) *Buffer {
	b, err := New(3, 2)
	require.NoError(t, err)
	for i, r := range []struct {
		op, att    int
		exec, base float32
	}{{1, 7, 10, 20}, {2, 9, 10, 5}, {1, 3, 0, 4}, {16, 200, 4, 10}} {
		require.NoError(t, b.Record([]float32{float32(i), -float32(i)}, r.op, r.att, r.exec, r.base))
	}
	return b
}

func TestRecordRejectsBadInput(t *testing.T) {
	nan, inf := float32(math.NaN()), float32(math.Inf(1))
	for _, tc := range []struct {
		name      string
		emb       []float32
		op, att   int
		exec, bas float32
		arg       string
	}{
		{"short embedding", []float32{1}, 0, 0, 1, 1, "embedding"},
		{"long embedding", []float32{1, 2, 3}, 0, 0, 1, 1, "embedding"},
		{"empty embedding", nil, 0, 0, 1, 1, "embedding"},
		{"op -1", []float32{1, 2}, -1, 0, 1, 1, "op_type"},
		{"op 17", []float32{1, 2}, 17, 0, 1, 1, "op_type"},
		{"attention -1", []float32{1, 2}, 0, -1, 1, 1, "attention_type"},
		{"attention 256", []float32{1, 2}, 0, 256, 1, 1, "attention_type"},
		{"execution negative", []float32{1, 2}, 0, 0, -1, 1, "execution_ms"},
		{"execution NaN", []float32{1, 2}, 0, 0, nan, 1, "execution_ms"},
		{"execution Inf", []float32{1, 2}, 0, 0, inf, 1, "execution_ms"},
		{"baseline negative", []float32{1, 2}, 0, 0, 1, -0.5, "baseline_ms"},
		{"baseline NaN", []float32{1, 2}, 0, 0, 1, nan, "baseline_ms"},
		{"baseline Inf", []float32{1, 2}, 0, 0, 1, inf, "baseline_ms"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := filled(t)
			err := b.Record(tc.emb, tc.op, tc.att, tc.exec, tc.bas)
			var ae *argerr.Error
			require.ErrorAs(t, err, &ae)
			assert.Equal(t, argerr.Range, ae.Kind)
			assert.Equal(t, tc.arg, ae.Arg)
			assert.Equal(t, filled(t), b, "state changed by a rejected call")
		})
	}
	b := filled(t)
	_, err := b.HighQualityCount(nan)
	require.Error(t, err)
	_, err = b.CountByOperator(17)
	require.Error(t, err)
	assert.Equal(t, filled(t), b)
}

func TestRingOrderAndCounts(t *testing.T) {
	b := filled(t)
	assert.Equal(t, 3, b.Len)
	assert.Equal(t, uint64(4), b.Count)
	var order []float32
	for i := range b.Len {
		order = append(order, b.Embedding(b.Slot(i))[0])
	}
	assert.Equal(t, []float32{1, 2, 3}, order, "oldest first, record 0 evicted")
	n, _ := b.CountByOperator(1)
	assert.Equal(t, 1, n, "the evicted op-1 record no longer counts")
	n, _ = b.HighQualityCount(0.5)
	assert.Equal(t, 1, n, "improvements -0.5, 0, 1.5: only 1.5 has quality > 0.5")
	assert.Equal(t, float32(1.5), b.Best)
	assert.Equal(t, uint8(200), b.BestAttention)
	assert.Equal(t, float32(0.5), b.SuccessRate, "2 of 4 records improved")
	b.Reset()
	assert.Zero(t, b.Len)
	assert.Equal(t, Stats{}, b.Stats)
	assert.Len(t, b.Embeddings, 8, "storage is kept: 3 slots and the spare")
}

func TestQuality(t *testing.T) {
	for _, tc := range []struct{ imp, want float32 }{
		{-3, 0}, {-1, 0}, {0, 0.5}, {1, 1}, {5, 1}, {float32(math.Inf(1)), 1}, {float32(math.Inf(-1)), 0},
	} {
		assert.Equal(t, tc.want, Quality(tc.imp), "quality(%v)", tc.imp)
	}
	assert.True(t, math.IsNaN(float64(Quality(float32(math.NaN())))), "NaN stays NaN")
	assert.Equal(t, uint32(0), math.Float32bits(Quality(-1)), "+0, not -0")
}

func TestRecordDoesNotAllocate(t *testing.T) {
	b, err := New(1000, 256)
	require.NoError(t, err)
	emb := make([]float32, 256)
	assert.Zero(t, testing.AllocsPerRun(2000, func() { _ = b.Record(emb, 3, 4, 2, 3) }))
}

// Sink keeps benchmark results alive so the work cannot be optimised away.
var Sink float32

func BenchmarkRecord256(b *testing.B) {
	buf, err := New(1000, 256)
	if err != nil {
		b.Fatal(err)
	}
	emb := make([]float32, 256)
	for b.Loop() {
		_ = buf.Record(emb, 3, 4, 2, 3)
	}
	Sink = buf.Mean
}
