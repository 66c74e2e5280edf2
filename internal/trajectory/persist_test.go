package trajectory

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"rvlw/internal/persist"
)

func TestBufferRoundTrip(t *testing.T) {
	b := filled(t) // wrapped: the oldest record is evicted
	data, err := b.MarshalBinary()
	require.NoError(t, err)
	back, err := Unmarshal(data, nil)
	require.NoError(t, err)
	assert.Equal(t, b.Stats, back.Stats)
	assert.Equal(t, b.Len, back.Len)
	for i := range b.Len {
		s, z := b.Slot(i), back.Slot(i)
		assert.Equal(t, b.Embedding(s), back.Embedding(z))
		assert.Equal(t, b.Improvements[s], back.Improvements[z])
	}
	for _, x := range []*Buffer{b, back} {
		require.NoError(t, x.Record([]float32{9, 9}, 3, 4, 2, 3))
	}
	again, _ := back.MarshalBinary()
	want, _ := b.MarshalBinary()
	assert.Equal(t, want, again, "the same state after one more record")
	for n := range len(data) {
		_, err := Unmarshal(data[:n], nil)
		require.Error(t, err, "truncated to %d bytes", n)
	}
}

func TestBufferHeaderLimits(t *testing.T) {
	// A valid checksum over sizes the constructor refuses: nothing is allocated.
	w := persist.NewWriter(persist.TrajectoryBuffer, 29)
	w.U32(1 << 30)
	w.U32(8192)
	_, err := Unmarshal(w.Bytes(), nil)
	assert.ErrorIs(t, err, persist.ErrValue)
	w = persist.NewWriter(persist.TrajectoryBuffer, 29)
	w.U32(2)
	w.U32(1)
	for range 6 {
		w.U32(0)
	}
	w.U8(0)
	w.U32(3) // more stored records than capacity
	_, err = Unmarshal(w.Bytes(), nil)
	assert.ErrorIs(t, err, persist.ErrValue)
}

// FuzzUnmarshal feeds arbitrary bytes to the decoder: never a panic, and
// whatever it accepts saves back to the same bytes.
func FuzzUnmarshal(f *testing.F) {
	b, _ := New(3, 2)
	_ = b.Record([]float32{1, 2}, 1, 2, 3, 4)
	data, _ := b.MarshalBinary()
	f.Add(data)
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := Unmarshal(data, nil)
		if err != nil {
			return
		}
		again, _ := got.MarshalBinary()
		if string(again) != string(data) {
			t.Fatal("accepted state does not save back to itself")
		}
	})
}
