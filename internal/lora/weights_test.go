package lora

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"rvlw/internal/persist"
)

// nonFinite are the values no weight may hold, NaN payloads and both signs included.
var nonFinite = []struct {
	name string
	v    float32
}{
	{"NaN", float32(math.NaN())},
	{"negative NaN with a payload", math.Float32frombits(0xffc01234)},
	{"signalling NaN", math.Float32frombits(0x7f800001)},
	{"+Inf", float32(math.Inf(1))},
	{"-Inf", float32(math.Inf(-1))},
}

// finiteEdges are weights at the edges of the finite range, which loading keeps.
var finiteEdges = []float32{math.MaxFloat32, -math.MaxFloat32, math.SmallestNonzeroFloat32, float32(math.Copysign(0, -1))}

// weights returns A0, A1, B0 and B1 of p by name.
func weights(p *Pair) map[string][]float32 {
	return map[string][]float32{"A0": p.A0, "A1": p.A1, "B0": p.B0, "B1": p.B1}
}

func TestUnmarshalMicroRefusesNonFiniteWeights(t *testing.T) {
	for _, row := range []struct{ name, matrix string }{{"A0", "A"}, {"A1", "A"}, {"B0", "B"}, {"B1", "B"}} {
		for _, i := range []int{0, 4} { // first and last of dim 5
			for _, bad := range nonFinite {
				m, err := NewMicro(5, 0.5, 0.1)
				require.NoError(t, err)
				require.NoError(t, m.AdaptArray([]float32{1, -2, 3, -4, 5}))
				weights(&m.Pair)[row.name][i] = bad.v
				b, err := m.MarshalBinary() // a valid CRC over the bad weight
				require.NoError(t, err)
				got, err := UnmarshalMicro(b)
				assert.Nil(t, got)
				require.Equal(t, persist.Error("bytes holds a non-finite weight in "+row.matrix), err, "%s[%d] = %s", row.name, i, bad.name)
			}
		}
	}
}

func TestUnmarshalMicroKeepsFiniteEdgesAndNonFiniteBuffers(t *testing.T) {
	m, err := NewMicro(4, 0.5, 0.1)
	require.NoError(t, err)
	for _, w := range weights(&m.Pair) {
		copy(w, finiteEdges)
	}
	copy(m.In, []float32{float32(math.NaN()), float32(math.Inf(1)), float32(math.Inf(-1)), math.Float32frombits(0x7fc00bad)})
	copy(m.Out, []float32{float32(math.Inf(-1)), float32(math.NaN()), 0, float32(math.Inf(1))})
	b, err := m.MarshalBinary()
	require.NoError(t, err)
	back, err := UnmarshalMicro(b)
	require.NoError(t, err)
	again, err := back.MarshalBinary()
	require.NoError(t, err)
	assert.Equal(t, b, again, "restored bit for bit")
}

func TestPairNonFinite(t *testing.T) {
	p := NewPair(3, 0.1, 0.01)
	assert.Equal(t, "", p.NonFinite(), "a new pair")
	p.B1[2] = float32(math.Inf(1))
	assert.Equal(t, "B", p.NonFinite())
	p.A0[0] = float32(math.NaN())
	assert.Equal(t, "A", p.NonFinite(), "A is named first")
}
