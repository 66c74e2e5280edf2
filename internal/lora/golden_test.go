package lora

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"rvlw/testdata"
)

// TestMicroGolden replays every WasmMicroLoRA scenario recorded from the
// reference and demands bit equality of every output and counter.
func TestMicroGolden(t *testing.T) {
	cases, err := testdata.Cases("WasmMicroLoRA")
	require.NoError(t, err)
	require.NotEmpty(t, cases)
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			m, err := NewMicro(int(c.Args[0]), math.Float32frombits(c.Args[1]), math.Float32frombits(c.Args[2]))
			require.NoError(t, err)
			for i, s := range c.Steps {
				replayMicro(t, m, i, s)
			}
		})
	}
}

func replayMicro(t *testing.T, m *Micro, i int, s testdata.Step) {
	t.Helper()
	switch s.Method() {
	case "forward":
		copy(m.In, s.F32s("x"))
		m.Forward()
		require.Equal(t, s.BitsList("y"), testdata.Bits(m.Out), "step %d", i)
	case "forward_array":
		y := make([]float32, m.Dim())
		require.NoError(t, m.ForwardInto(s.F32s("x"), y))
		require.Equal(t, s.BitsList("y"), testdata.Bits(y), "step %d", i)
	case "adapt":
		copy(m.In, s.F32s("g"))
		require.NoError(t, m.Adapt())
	case "adapt_array":
		require.NoError(t, m.AdaptArray(s.F32s("g")))
	case "adapt_with_reward":
		copy(m.In, s.F32s("g"))
		require.NoError(t, m.AdaptWithReward(s.F32("imp")))
	case "reset":
		m.Reset()
	case "check":
		assert.Equal(t, s.Int("dim"), m.Dim(), "step %d dim", i)
		assert.Equal(t, s.Int("param_count"), m.ParamCount(), "step %d param_count", i)
		assert.Equal(t, uint64(s.Int("forward_count")), m.Forwards, "step %d forward_count", i)
		assert.Equal(t, uint64(s.Int("adapt_count")), m.Adapts, "step %d adapt_count", i)
		require.Equal(t, s.Bits("delta_norm"), math.Float32bits(m.DeltaNorm()), "step %d delta_norm", i)
	default:
		t.Fatalf("step %d: unknown method %q", i, s.Method())
	}
}
