package lora

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"rvlw/internal/persist"
)

func TestMicroRoundTrip(t *testing.T) {
	for _, d := range []int{1, 17, 256, 1536} {
		m, err := NewMicro(d, -0.75, 0.3)
		require.NoError(t, err)
		r := rand.New(rand.NewPCG(uint64(d), 9))
		for range 5 {
			require.NoError(t, m.AdaptArray(unit(r, d)))
			copy(m.In, unit(r, d))
			m.Forward()
		}
		b, err := m.MarshalBinary()
		require.NoError(t, err)
		back, err := UnmarshalMicro(b)
		require.NoError(t, err)
		assert.Equal(t, m, back)
		// The same results for any further operation.
		g := unit(r, d)
		for _, e := range []*Micro{m, back} {
			require.NoError(t, e.AdaptArray(g))
			require.NoError(t, e.AdaptWithReward(1.5))
			e.Forward()
		}
		assert.Equal(t, bitsOf(m.Out), bitsOf(back.Out))
		assert.Equal(t, m.Adapts, back.Adapts)
	}
}

func TestMicroRejectsDamagedState(t *testing.T) {
	m, _ := NewMicro(5, 0.1, 0.01)
	_ = m.AdaptArray([]float32{1, 2, 3, 4, 5})
	b, _ := m.MarshalBinary()
	for n := range len(b) {
		_, err := UnmarshalMicro(b[:n])
		require.Error(t, err, "truncated to %d bytes", n)
	}
	for i := range len(b) {
		for bit := range 8 {
			c := append([]byte(nil), b...)
			c[i] ^= 1 << bit
			_, err := UnmarshalMicro(c)
			require.Error(t, err, "bit %d of byte %d", bit, i)
		}
	}
	_, err := UnmarshalMicro(append(append([]byte(nil), b...), 0))
	require.Error(t, err, "trailing byte")
	// A valid checksum over a header whose dim exceeds the limit.
	w := persist.NewWriter(persist.MicroLoRA, 12)
	SaveConfig(&w, MaxDim+1, 0.1, 0.01)
	_, err = UnmarshalMicro(w.Bytes())
	assert.ErrorIs(t, err, persist.ErrValue)
	w = persist.NewWriter(persist.ScopedLoRA, 12)
	SaveConfig(&w, 4, 0.1, 0.01)
	_, err = UnmarshalMicro(w.Bytes())
	assert.ErrorIs(t, err, persist.ErrClass)
}

// FuzzUnmarshalMicro feeds arbitrary bytes to the decoder: it must never
// panic, and whatever it accepts must save back to the same bytes.
func FuzzUnmarshalMicro(f *testing.F) {
	m, _ := NewMicro(3, 0.5, 0.1)
	_ = m.AdaptArray([]float32{1, 2, 3})
	b, _ := m.MarshalBinary()
	f.Add(b)
	f.Add(b[:20])
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := UnmarshalMicro(data)
		if err != nil {
			return
		}
		again, _ := got.MarshalBinary()
		if string(again) != string(data) {
			t.Fatal("accepted state does not save back to itself")
		}
	})
}

// unit returns n values uniform in [-1, 1).
func unit(r *rand.Rand, n int) []float32 {
	v := make([]float32, n)
	for i := range v {
		v[i] = 2*r.Float32() - 1
	}
	return v
}
