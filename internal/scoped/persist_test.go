package scoped

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestScopedRoundTrip(t *testing.T) {
	s := trained(t)
	s.Fallback = false
	b, err := s.MarshalBinary()
	require.NoError(t, err)
	back, err := Unmarshal(b)
	require.NoError(t, err)
	assert.Equal(t, s, back)
	for _, x := range []*Scoped{s, back} {
		require.NoError(t, x.AdaptArray(4, []float32{1, 2, 3}))
		x.Fallback = true
		require.NoError(t, x.Forward(6))
	}
	assert.Equal(t, s.Out, back.Out)
	for n := range len(b) {
		_, err := Unmarshal(b[:n])
		require.Error(t, err, "truncated to %d bytes", n)
	}
	for i := 0; i < len(b); i += 7 {
		c := append([]byte(nil), b...)
		c[i] ^= 0x10
		_, err := Unmarshal(c)
		require.Error(t, err, "byte %d flipped", i)
	}
}

// FuzzUnmarshal feeds arbitrary bytes to the decoder: never a panic, and
// whatever it accepts saves back to the same bytes.
func FuzzUnmarshal(f *testing.F) {
	s, _ := New(2, 0.5, 0.1)
	b, _ := s.MarshalBinary()
	f.Add(b)
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := Unmarshal(data)
		if err != nil {
			return
		}
		again, _ := got.MarshalBinary()
		if string(again) != string(data) {
			t.Fatal("accepted state does not save back to itself")
		}
	})
}
