package scoped

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"rvlw/internal/lora"
	"rvlw/internal/persist"
)

// trainedScoped is a dim-3 manager whose every adapter has learned once.
func trainedScoped(t *testing.T) *Scoped {
	t.Helper()
	s, err := New(3, 0.5, 0.1)
	require.NoError(t, err)
	for op := range NumOps {
		require.NoError(t, s.AdaptArray(op, []float32{1, float32(op), -2}))
	}
	return s
}

func TestUnmarshalRefusesNonFiniteWeights(t *testing.T) {
	nan, inf := float32(math.NaN()), float32(math.Inf(1))
	for _, tc := range []struct {
		name string
		pair func(s *Scoped) *lora.Pair
		set  func(p *lora.Pair)
		want string
	}{
		{"operator 0 A0[0] NaN", func(s *Scoped) *lora.Pair { return s.Ops[0] }, func(p *lora.Pair) { p.A0[0] = nan }, "A of operator 0 (SeqScan)"},
		{"operator 3 B1[2] +Inf", func(s *Scoped) *lora.Pair { return s.Ops[3] }, func(p *lora.Pair) { p.B1[2] = inf }, "B of operator 3 (IvfFlatScan)"},
		{"operator 16 B0[1] -Inf", func(s *Scoped) *lora.Pair { return s.Ops[16] }, func(p *lora.Pair) { p.B0[1] = -inf }, "B of operator 16 (Result)"},
		{"category 0 A1[2] NaN", func(s *Scoped) *lora.Pair { return s.Categories[0] }, func(p *lora.Pair) { p.A1[2] = nan }, "A of category 0 (Scan)"},
		{"category 1 B0[0] +Inf", func(s *Scoped) *lora.Pair { return s.Categories[1] }, func(p *lora.Pair) { p.B0[0] = inf }, "B of category 1 (Join)"},
		{"category 6 B1[2] NaN", func(s *Scoped) *lora.Pair { return s.Categories[6] }, func(p *lora.Pair) { p.B1[2] = nan }, "B of category 6 (Utility)"},
	} {
		s := trainedScoped(t)
		tc.set(tc.pair(s))
		b, err := s.MarshalBinary() // a valid CRC over the bad weight
		require.NoError(t, err)
		got, err := Unmarshal(b)
		assert.Nil(t, got, tc.name)
		assert.Equal(t, persist.Error("bytes holds a non-finite weight in "+tc.want), err, tc.name)
	}
}

func TestUnmarshalNamesEveryAdapter(t *testing.T) {
	for op := range NumOps {
		s := trainedScoped(t)
		s.Ops[op].B1[0] = float32(math.Inf(-1))
		b, _ := s.MarshalBinary()
		_, err := Unmarshal(b)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "in B of operator ", "operator %d", op)
		assert.Contains(t, err.Error(), "("+ScopeName(op)+")", "operator %d", op)
	}
	for c := range NumCategories {
		s := trainedScoped(t)
		s.Categories[c].A0[1] = float32(math.NaN())
		b, _ := s.MarshalBinary()
		_, err := Unmarshal(b)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "in A of category ", "category %d", c)
		assert.Contains(t, err.Error(), "("+categoryNames[c]+")", "category %d", c)
	}
}

func TestUnmarshalKeepsNonFiniteBuffers(t *testing.T) {
	s := trainedScoped(t)
	copy(s.In, []float32{float32(math.NaN()), float32(math.Inf(1)), 2})
	copy(s.Out, []float32{float32(math.Inf(-1)), math.Float32frombits(0xffc0beef), 1})
	b, err := s.MarshalBinary()
	require.NoError(t, err)
	back, err := Unmarshal(b)
	require.NoError(t, err)
	again, err := back.MarshalBinary()
	require.NoError(t, err)
	assert.Equal(t, b, again, "restored bit for bit")
}

func TestCategoryNamesMatchCategories(t *testing.T) {
	// The names follow opCategory: the first operator of each category is a Scan, Join, ... operator.
	for _, tc := range []struct {
		op   int
		want string
	}{{0, "Scan"}, {5, "Join"}, {8, "Aggregation"}, {9, "Transform"}, {12, "Order"}, {13, "Vector"}, {16, "Utility"}} {
		assert.Equal(t, tc.want, categoryNames[Category(tc.op)], "%s", ScopeName(tc.op))
	}
}
