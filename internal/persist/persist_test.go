package persist

import (
	"hash/crc32"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestChecksum(t *testing.T) {
	long := make([]byte, 4099)
	for i := range long {
		long[i] = byte(i*31 + i>>8)
	}
	for _, tc := range []struct {
		name string
		b    []byte
		want uint32
	}{
		{"empty", nil, 0},
		{"check value", []byte("123456789"), 0xCBF43926},
		{"one zero byte", []byte{0}, 0xD202EF8D},
		{"all ones", []byte{0xff, 0xff, 0xff, 0xff}, 0xFFFFFFFF},
		{"long", long, crc32.ChecksumIEEE(long)},
	} {
		assert.Equal(t, tc.want, Checksum(tc.b), tc.name)
		assert.Equal(t, crc32.ChecksumIEEE(tc.b), Checksum(tc.b), tc.name)
	}
}

func TestRoundTrip(t *testing.T) {
	w := NewWriter(ScopedLoRA, 0)
	w.U8(0xa5)
	w.U16(0xbeef)
	w.U32(0xdeadbeef)
	w.U64(0x0123456789abcdef)
	w.F32(-0.5)
	w.F32s([]float32{1, -2, 3.25})
	b := w.Bytes()
	require.Len(t, b, 8+1+2+4+8+4+12+4)
	assert.Equal(t, []byte{'R', 'V', 'L', 'W', 1, 0, byte(ScopedLoRA), 0, 0xa5, 0xef, 0xbe}, b[:11])

	r, err := Open(b, ScopedLoRA)
	require.NoError(t, err)
	assert.Equal(t, uint8(0xa5), r.U8())
	assert.Equal(t, uint16(0xbeef), r.U16())
	assert.Equal(t, uint32(0xdeadbeef), r.U32())
	assert.Equal(t, uint64(0x0123456789abcdef), r.U64())
	assert.Equal(t, float32(-0.5), r.F32())
	got := make([]float32, 3)
	r.F32s(got)
	assert.Equal(t, []float32{1, -2, 3.25}, got)
	assert.NoError(t, r.Err())
	assert.Equal(t, uint8(0), r.U8(), "reading past the end yields zero")
	assert.Equal(t, ErrShort, r.Err())
}

func TestOpenRejects(t *testing.T) {
	good := NewWriter(MicroLoRA, 4)
	good.U32(7)
	b := good.Bytes()
	flip := func(i int) []byte {
		c := append([]byte(nil), b...)
		c[i] ^= 1
		return c
	}
	reframe := func(i int, v byte) []byte {
		c := append([]byte(nil), b[:len(b)-4]...)
		c[i] = v
		w := &Writer{c}
		return w.Bytes()
	}
	// version sets the version field, resealing the CRC or not.
	version := func(v uint16, reseal bool) []byte {
		c := append([]byte(nil), b...)
		c[4], c[5] = byte(v), byte(v>>8)
		if !reseal {
			return c
		}
		w := &Writer{c[:len(c)-4]}
		return w.Bytes()
	}
	for _, tc := range []struct {
		name string
		b    []byte
		c    Class
		want error
	}{
		{"too short", b[:11], MicroLoRA, ErrShort},
		{"magic", flip(0), MicroLoRA, ErrMagic},
		{"body bit", flip(9), MicroLoRA, ErrChecksum},
		{"crc bit", flip(len(b) - 1), MicroLoRA, ErrChecksum},
		{"version 2", version(2, true), MicroLoRA, Error("bytes is a version-2 state; this build reads version 1")},
		{"version 2, checksum of another version", version(2, false), MicroLoRA, Error("bytes is a version-2 state; this build reads version 1")},
		{"version 0", version(0, true), MicroLoRA, Error("bytes claims format version 0, which no build writes; this build reads version 1")},
		{"version 257", version(257, true), MicroLoRA, Error("bytes is a version-257 state; this build reads version 1")},
		{"version 65535", version(65535, false), MicroLoRA, Error("bytes is a version-65535 state; this build reads version 1")},
		{"class", b, ScopedLoRA, ErrClass},
		{"reserved", reframe(7, 1), MicroLoRA, ErrValue},
	} {
		_, err := Open(tc.b, tc.c)
		assert.Equal(t, tc.want, err, tc.name)
	}
	r, err := Open(b, MicroLoRA)
	require.NoError(t, err)
	assert.Equal(t, ErrLength, r.Expect(3))
	assert.NoError(t, r.Expect(4))
	assert.Equal(t, ErrLength, r.Err(), "unread bytes")
}

// Sink keeps benchmark results alive so the work cannot be optimised away.
var Sink uint32

func BenchmarkChecksum1MiB(b *testing.B) {
	data := make([]byte, 1<<20)
	for i := range data {
		data[i] = byte(i * 7)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		Sink = Checksum(data)
	}
}

func BenchmarkF32sRoundTrip1MiB(b *testing.B) {
	v := make([]float32, 1<<18)
	for i := range v {
		v[i] = float32(i) / 3
	}
	b.SetBytes(4 * int64(len(v)))
	for b.Loop() {
		w := NewWriter(MicroLoRA, 4*len(v))
		w.F32s(v)
		r, err := Open(w.Bytes(), MicroLoRA)
		if err != nil {
			b.Fatal(err)
		}
		r.F32s(v)
		Sink = math.Float32bits(v[len(v)-1])
	}
}
