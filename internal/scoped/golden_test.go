package scoped

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"rvlw/testdata"
)

// TestScopedGolden replays every WasmScopedLoRA scenario recorded from the
// reference and demands bit equality of every output and counter.
func TestScopedGolden(t *testing.T) {
	cases, err := testdata.Cases("WasmScopedLoRA")
	require.NoError(t, err)
	require.NotEmpty(t, cases)
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			s, err := New(int(c.Args[0]), math.Float32frombits(c.Args[1]), math.Float32frombits(c.Args[2]))
			require.NoError(t, err)
			for i, st := range c.Steps {
				replayScoped(t, s, i, st)
			}
		})
	}
}

func replayScoped(t *testing.T, s *Scoped, i int, st testdata.Step) {
	t.Helper()
	switch st.Method() {
	case "forward":
		copy(s.In, st.F32s("x"))
		require.NoError(t, s.Forward(st.Int("op")))
		require.Equal(t, st.BitsList("y"), testdata.Bits(s.Out), "step %d", i)
	case "forward_array":
		y := make([]float32, s.Dim())
		require.NoError(t, s.ForwardInto(st.Int("op"), st.F32s("x"), y))
		require.Equal(t, st.BitsList("y"), testdata.Bits(y), "step %d", i)
	case "adapt":
		copy(s.In, st.F32s("g"))
		require.NoError(t, s.Adapt(st.Int("op")))
	case "adapt_array":
		require.NoError(t, s.AdaptArray(st.Int("op"), st.F32s("g")))
	case "adapt_with_reward":
		copy(s.In, st.F32s("g"))
		require.NoError(t, s.AdaptWithReward(st.Int("op"), st.F32("imp")))
	case "set_category_fallback":
		s.Fallback = st.Bool("on")
	case "reset_scope":
		require.NoError(t, s.ResetScope(st.Int("op")))
	case "reset_all":
		s.ResetAll()
	case "check":
		fwd, ad, dn := st.Ints("forward_count"), st.Ints("adapt_count"), st.BitsList("delta_norm")
		for op := range NumOps {
			assert.Equal(t, uint64(fwd[op]), s.Forwards[op], "step %d forward_count(%d)", i, op)
			assert.Equal(t, uint64(ad[op]), s.Ops[op].Count, "step %d adapt_count(%d)", i, op)
			require.Equal(t, dn[op], math.Float32bits(s.Ops[op].DeltaNorm()), "step %d delta_norm(%d)", i, op)
		}
		assert.Equal(t, uint64(st.Int("total_forward_count")), s.TotalForwards(), "step %d", i)
		assert.Equal(t, uint64(st.Int("total_adapt_count")), s.TotalAdapts(), "step %d", i)
	default:
		t.Fatalf("step %d: unknown method %q", i, st.Method())
	}
}

// TestScopeNamesGolden compares ScopeName with the reference's static scope_name.
func TestScopeNamesGolden(t *testing.T) {
	names, err := testdata.ScopeNames()
	require.NoError(t, err)
	require.Len(t, names, 21)
	for op, want := range names {
		assert.Equal(t, want, ScopeName(op), "scope_name(%d)", op)
	}
}
