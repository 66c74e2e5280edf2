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
//
// Versions. A state saved by any build must load, bit for bit, in every
// later build, so the format is frozen: version 1 never changes, and
// testdata/states/v1 keeps states the version-1 build saved, which every build
// must load into the same outputs and save back into the same bytes. A later
// change to any class's layout (or to the frame after offset 6) is version 2:
// Version becomes 2, Open accepts 1 and 2 and tells the class packages which
// one it read, each class keeps its version-1 decoder unchanged beside the new
// one, and testdata/states/v2 is added without touching v1. The magic and
// the version (offsets 0..5) are the same in every version, and Open checks
// them before anything else, so that a state of a version this build does not
// read is named as such whatever its later bytes hold.
//
// Every value goes through one out-of-line put (Writer) or get (Reader); the
// typed methods are inline wrappers around them. Each out-of-line function
// costs the wasm about 400 bytes, and saving state is not a hot path.
package persist

import (
	"math"

	"rvlw/internal/argerr"
)

// Class is the tag of a saved object's class.
type Class uint8

// The class tags.
const (
	MicroLoRA        Class = 1
	ScopedLoRA       Class = 2
	TrajectoryBuffer Class = 3
)

// Version is the format version written, and the only one read (see Versions above).
const Version = 1

// Version is one digit: Open's version error spells it as a character
// (a constant, not argerr.Itoa at run time). This fails to compile otherwise.
const _ = uint(9 - Version)

const (
	magic      = "RVLW"
	headerSize = 8
	crcSize    = 4
)

// Error is an error of Open and Reader. (A string type, not errors.New:
// the errors package links internal/reflectlite into the wasm.)
type Error string

func (e Error) Error() string { return string(e) }

// Errors of Open and Reader.
const (
	ErrShort    Error = "state is truncated"
	ErrMagic    Error = "bytes are not a ruvector-learning-wasm state (bad magic)"
	ErrChecksum Error = "state is corrupted (CRC-32 mismatch)"
	ErrClass    Error = "state belongs to another class"
	ErrLength   Error = "state length does not match its header"
	ErrValue    Error = "state holds a value its class does not allow"
)

// crcTables[0][i] is the IEEE CRC-32 remainder of byte i (reflected,
// polynomial 0xEDB88320); crcTables[k][i] is that of byte i followed by k
// zero bytes. Filled on first use.
var crcTables [8][256]uint32

// Checksum is the IEEE CRC-32 of b (as hash/crc32.ChecksumIEEE):
// c = ^0; for each byte v: c = t[0][byte(c)^v] ^ c>>8; then ^c, taken eight
// bytes at a time (slicing-by-8) since a Go wasm loop pays for each turn.
func Checksum(b []byte) uint32 {
	t := &crcTables
	if t[0][128] == 0 {
		for i := range 256 {
			c := uint32(i)
			for range 8 {
				c = c>>1 ^ 0xEDB88320&-(c&1)
			}
			t[0][i] = c
		}
		for i := range 256 {
			for k := 1; k < 8; k++ {
				t[k][i] = t[k-1][i]>>8 ^ t[0][byte(t[k-1][i])]
			}
		}
	}
	c := ^uint32(0)
	for ; len(b) >= 8; b = b[8:] {
		c ^= uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
		c = t[7][byte(c)] ^ t[6][byte(c>>8)] ^ t[5][byte(c>>16)] ^ t[4][c>>24] ^
			t[3][b[4]] ^ t[2][b[5]] ^ t[1][b[6]] ^ t[0][b[7]]
	}
	for _, v := range b {
		c = t[0][byte(c)^v] ^ c>>8
	}
	return ^c
}

// Writer appends little-endian values to a byte slice.
type Writer struct{ b []byte }

// NewWriter starts a state of class c whose body takes about size bytes.
// (A Writer, not a *Writer, as Open returns a Reader: kept on the caller's
// stack, neither needs the type descriptors and method tables that a heap
// allocation would put in the wasm, about 800 bytes for the two.)
func NewWriter(c Class, size int) Writer {
	w := Writer{make([]byte, 0, headerSize+size+crcSize)}
	w.b = append(w.b, magic...)
	w.U16(Version)
	w.U8(uint8(c))
	w.U8(0)
	return w
}

// put appends the n low bytes of v, least significant first.
//
//go:noinline
func (w *Writer) put(v uint64, n int) {
	for range n {
		w.b = append(w.b, byte(v))
		v >>= 8
	}
}

// U8 appends one byte.
func (w *Writer) U8(v uint8) { w.put(uint64(v), 1) }

// U16 appends v.
func (w *Writer) U16(v uint16) { w.put(uint64(v), 2) }

// U32 appends v.
func (w *Writer) U32(v uint32) { w.put(uint64(v), 4) }

// U64 appends v.
func (w *Writer) U64(v uint64) { w.put(v, 8) }

// F32 appends the bits of v. (Not inlined, unlike the other typed
// methods: its conversion, copied into each of its callers, costs more.)
//
//go:noinline
func (w *Writer) F32(v float32) { w.put(uint64(math.Float32bits(v)), 4) }

// F32s appends the bits of every value of v, growing the state once.
func (w *Writer) F32s(v []float32) {
	n := len(w.b)
	w.b = append(w.b, make([]byte, 4*len(v))...)
	out := w.b[n:]
	for i, f := range v {
		u := math.Float32bits(f)
		out[4*i], out[4*i+1], out[4*i+2], out[4*i+3] = byte(u), byte(u>>8), byte(u>>16), byte(u>>24)
	}
}

// Bytes appends the CRC-32 and returns the finished state.
func (w *Writer) Bytes() []byte {
	w.U32(Checksum(w.b))
	return w.b
}

// Reader reads little-endian values from a state's body. Reading past the
// end yields zeros and makes Err return ErrShort.
type Reader struct {
	b   []byte
	err error
}

// Open checks the frame of state b (magic, version, checksum, class c, in
// that order) and returns a Reader over its body (by value: NewWriter says
// why).
func Open(b []byte, c Class) (Reader, error) {
	if len(b) < headerSize+crcSize {
		return Reader{}, ErrShort
	}
	if string(b[:4]) != magic {
		return Reader{}, ErrMagic
	}
	if v := uint16(b[4]) | uint16(b[5])<<8; v != Version {
		// "bytes is a version-<v> state; this build reads version <Version>"
		// (version 0 was never written, and is named as such)
		const reads = "; this build reads version " + string(rune('0'+Version))
		if v == 0 {
			return Reader{}, Error("bytes claims format version 0, which no build writes" + reads)
		}
		return Reader{}, Error("bytes is a version-" + argerr.Itoa(int(v)) + " state" + reads)
	}
	n := len(b) - crcSize
	r := Reader{b: b[n:]}
	if Checksum(b[:n]) != r.U32() {
		return Reader{}, ErrChecksum
	}
	r.b = b[6:n]
	if Class(r.U8()) != c {
		return Reader{}, ErrClass
	}
	if r.U8() != 0 {
		return Reader{}, ErrValue
	}
	return r, nil
}

// get reads n bytes as a little-endian number: v |= b[i] << 8i for i < n;
// past the end it returns 0 and records ErrShort.
//
//go:noinline
func (r *Reader) get(n int) uint64 {
	if r.err != nil || len(r.b) < n {
		r.err = ErrShort
		return 0
	}
	var v uint64
	for i := n - 1; i >= 0; i-- {
		v = v<<8 | uint64(r.b[i])
	}
	r.b = r.b[n:]
	return v
}

// U8 reads one byte.
func (r *Reader) U8() uint8 { return uint8(r.get(1)) }

// U16 reads a uint16.
func (r *Reader) U16() uint16 { return uint16(r.get(2)) }

// U32 reads a uint32.
func (r *Reader) U32() uint32 { return uint32(r.get(4)) }

// U64 reads a uint64.
func (r *Reader) U64() uint64 { return r.get(8) }

// F32 reads a float32. (Not inlined: as Writer.F32.)
//
//go:noinline
func (r *Reader) F32() float32 { return math.Float32frombits(uint32(r.get(4))) }

// F32s fills v; past the end it zeroes v and records ErrShort.
func (r *Reader) F32s(v []float32) {
	if r.err != nil || len(r.b) < 4*len(v) {
		r.err = ErrShort
		clear(v)
		return
	}
	in := r.b[:4*len(v)]
	for i := range v {
		v[i] = math.Float32frombits(uint32(in[4*i]) | uint32(in[4*i+1])<<8 | uint32(in[4*i+2])<<16 | uint32(in[4*i+3])<<24)
	}
	r.b = r.b[4*len(v):]
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
