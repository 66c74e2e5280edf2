package model

import (
	"encoding/binary"
	"math"
)

// Reader hands a fuzzer's bytes out as the values an operation sequence
// needs; once they run out it hands out zeros.
type Reader struct{ B []byte }

// Byte is the next byte.
func (r *Reader) Byte() byte {
	if len(r.B) == 0 {
		return 0
	}
	v := r.B[0]
	r.B = r.B[1:]
	return v
}

// Float32 is the next four bytes as a little-endian float32 (any bit pattern).
func (r *Reader) Float32() float32 {
	var b [4]byte
	for i := range b {
		b[i] = r.Byte()
	}
	return math.Float32frombits(binary.LittleEndian.Uint32(b[:]))
}

// Vec is the next n float32 values.
func (r *Reader) Vec(n int) []float32 {
	v := make([]float32, n)
	for i := range v {
		v[i] = r.Float32()
	}
	return v
}

// More reports whether bytes remain.
func (r *Reader) More() bool { return len(r.B) > 0 }

// SameBits reports whether a and b are the same float32, any NaN matching any NaN.
func SameBits(a, b float32) bool {
	return math.Float32bits(a) == math.Float32bits(b) || (a != a && b != b)
}
