package trajectory

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"rvlw/testdata"
)

// TestBufferGolden replays every WasmTrajectoryBuffer scenario recorded from
// the reference and demands bit equality of every statistic.
func TestBufferGolden(t *testing.T) {
	cases, err := testdata.Cases("WasmTrajectoryBuffer")
	require.NoError(t, err)
	require.NotEmpty(t, cases)
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			b, err := New(int64(c.Args[0]), int(c.Args[1]))
			require.NoError(t, err)
			for i, s := range c.Steps {
				replayBuffer(t, b, i, s)
			}
		})
	}
}

func replayBuffer(t *testing.T, b *Buffer, i int, s testdata.Step) {
	t.Helper()
	switch s.Method() {
	case "record":
		require.NoError(t, b.Record(s.F32s("x"), s.Int("op"), s.Int("att"), s.F32("exec"), s.F32("base")))
	case "reset":
		b.Reset()
	case "check":
		assert.Equal(t, uint64(s.Int("total_count")), b.Count, "step %d total_count", i)
		assert.Equal(t, s.Int("len"), b.Len, "step %d len", i)
		assert.Equal(t, s.Bool("is_empty"), b.Len == 0, "step %d is_empty", i)
		assert.Equal(t, s.Bits("mean"), math.Float32bits(b.Mean), "step %d mean", i)
		assert.Equal(t, s.Bits("best"), math.Float32bits(b.Best), "step %d best", i)
		assert.Equal(t, s.Bits("success_rate"), math.Float32bits(b.SuccessRate), "step %d success_rate", i)
		assert.Equal(t, s.Int("best_attention"), int(b.BestAttention), "step %d best_attention", i)
		assert.Equal(t, s.Bits("variance"), math.Float32bits(b.Variance()), "step %d variance", i)
		for _, p := range s.Pairs("hq") {
			n, err := b.HighQualityCount(math.Float32frombits(p[0]))
			require.NoError(t, err)
			assert.Equal(t, int(p[1]), n, "step %d high_quality_count(%v)", i, math.Float32frombits(p[0]))
		}
		for op, want := range s.Ints("by_op") {
			n, err := b.CountByOperator(op)
			require.NoError(t, err)
			assert.Equal(t, want, n, "step %d count_by_operator(%d)", i, op)
		}
	default:
		t.Fatalf("step %d: unknown method %q", i, s.Method())
	}
}
