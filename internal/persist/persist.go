// Package persist frames the saved state of the three learners:
//
//	offset  size  field
//	0       4     magic "RVLW"
//	4       2     format version (1), little-endian
//	6       1     class tag (1 WasmMicroLoRA, 2 WasmScopedLoRA, 3 WasmTrajectoryBuffer)
//	7       1     reserved, 0
//	8       n     body, written by the class's own package
//	8+n     4     CRC-32 (IEEE) of bytes 0 .. 8+n-1
//
// All numbers are little-endian; float32 values are stored as their bits.
// The Writer and Reader methods are kept out of line: inlined into every
// Save and Load they made the wasm about 20 KB larger, for no speed that
// matters to saving state.
package persist

import (
	"errors"
	"hash/crc32"
	"math"
)

// Class is the tag of a saved object's class.
type Class uint8

// The class tags.
const (
	MicroLoRA        Class = 1
	ScopedLoRA       Class = 2
	TrajectoryBuffer Class = 3
)

// Version is the format version written, and the only one read.
const Version = 1

const (
	magic      = "RVLW"
	headerSize = 8
	crcSize    = 4
)

// Errors of Open and Reader.
var (
	ErrShort    = errors.New("state is truncated")
	ErrMagic    = errors.New("bytes are not a ruvector-learning-wasm state (bad magic)")
	ErrVersion  = errors.New("state has an unsupported format version")
	ErrChecksum = errors.New("state is corrupted (CRC-32 mismatch)")
	ErrClass    = errors.New("state belongs to another class")
	ErrLength   = errors.New("state length does not match its header")
	ErrValue    = errors.New("state holds a value its class does not allow")
)

// Writer appends little-endian values to a byte slice.
type Writer struct{ b []byte }

// NewWriter starts a state of class c whose body takes about size bytes.
func NewWriter(c Class, size int) *Writer {
	w := &Writer{make([]byte, 0, headerSize+size+crcSize)}
	w.b = append(w.b, magic...)
	w.U16(Version)
	w.U8(uint8(c))
	w.U8(0)
	return w
}

// U8 appends one byte.
//
//go:noinline
func (w *Writer) U8(v uint8) { w.b = append(w.b, v) }

// U16 appends v.
//
//go:noinline
func (w *Writer) U16(v uint16) { w.b = append(w.b, byte(v), byte(v>>8)) }

// U32 appends v.
//
//go:noinline
func (w *Writer) U32(v uint32) { w.b = append(w.b, byte(v), byte(v>>8), byte(v>>16), byte(v>>24)) }

// U64 appends v.
//
//go:noinline
func (w *Writer) U64(v uint64) { w.U32(uint32(v)); w.U32(uint32(v >> 32)) }

// F32 appends the bits of v.
//
//go:noinline
func (w *Writer) F32(v float32) { w.U32(math.Float32bits(v)) }

// F32s appends the bits of every value of v.
func (w *Writer) F32s(v []float32) {
	for _, f := range v {
		w.F32(f)
	}
}

// Bytes appends the CRC-32 and returns the finished state.
func (w *Writer) Bytes() []byte {
	w.U32(crc32.ChecksumIEEE(w.b))
	return w.b
}

// Reader reads little-endian values from a state's body. Reading past the
// end yields zeros and makes Err return ErrShort.
type Reader struct {
	b   []byte
	err error
}

// Open checks the frame of state b (magic, version, checksum, class c) and
// returns a Reader over its body.
func Open(b []byte, c Class) (*Reader, error) {
	if len(b) < headerSize+crcSize {
		return nil, ErrShort
	}
	if string(b[:4]) != magic {
		return nil, ErrMagic
	}
	body, sum := b[:len(b)-crcSize], b[len(b)-crcSize:]
	if crc32.ChecksumIEEE(body) != uint32(sum[0])|uint32(sum[1])<<8|uint32(sum[2])<<16|uint32(sum[3])<<24 {
		return nil, ErrChecksum
	}
	r := &Reader{b: body[4:]}
	if r.U16() != Version {
		return nil, ErrVersion
	}
	if Class(r.U8()) != c {
		return nil, ErrClass
	}
	if r.U8() != 0 {
		return nil, ErrValue
	}
	return r, nil
}

func (r *Reader) take(n int) []byte {
	if r.err != nil || len(r.b) < n {
		r.err = ErrShort
		return make([]byte, n)
	}
	v := r.b[:n]
	r.b = r.b[n:]
	return v
}

// U8 reads one byte.
//
//go:noinline
func (r *Reader) U8() uint8 { return r.take(1)[0] }

// U16 reads a uint16.
//
//go:noinline
func (r *Reader) U16() uint16 { b := r.take(2); return uint16(b[0]) | uint16(b[1])<<8 }

// U32 reads a uint32.
//
//go:noinline
func (r *Reader) U32() uint32 {
	b := r.take(4)
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

// U64 reads a uint64.
//
//go:noinline
func (r *Reader) U64() uint64 { lo := r.U32(); return uint64(lo) | uint64(r.U32())<<32 }

// F32 reads a float32.
//
//go:noinline
func (r *Reader) F32() float32 { return math.Float32frombits(r.U32()) }

// F32s fills v.
func (r *Reader) F32s(v []float32) {
	for i := range v {
		v[i] = r.F32()
	}
}

// Remaining is the number of unread body bytes.
func (r *Reader) Remaining() int { return len(r.b) }

// Expect requires exactly n unread bytes, so that sizes read from a header
// are checked against the data before anything is allocated for them.
func (r *Reader) Expect(n int64) error {
	if r.err != nil {
		return r.err
	}
	if int64(len(r.b)) != n {
		return ErrLength
	}
	return nil
}

// Err is the first error met, or nil; it also rejects unread bytes.
func (r *Reader) Err() error {
	if r.err == nil && len(r.b) != 0 {
		return ErrLength
	}
	return r.err
}
