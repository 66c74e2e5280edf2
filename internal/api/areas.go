package api

import (
	"unsafe"

	"rvlw/internal/argerr"
)

// Variable-length arguments and results travel through two grow-only areas
// of wasm memory: in, which the JS layer fills after rv_reserve, and out,
// which a call fills and the JS layer reads at rv_out. Both are float32
// aligned; bytes use the same storage.
var in, out []float32

// bigArea is the size above which an area is dropped after the call that
// needed it, rather than kept for the next one.
const bigArea = 16 << 20

// grow returns buf with room for n floats, reallocating when it is short:
// the new area is charged to the budget for argument arg (a RangeError when
// it does not fit) and the old one refunded.
func grow(buf []float32, n int, arg string) ([]float32, error) {
	if cap(buf) < n {
		if err := charge(arg, 4*int64(n)); err != nil {
			return buf[:0], err
		}
		refund(4 * int64(cap(buf)))
		buf = make([]float32, n)
	}
	return buf[:n], nil
}

// dropArea releases *area (refunding it) when it is larger than bigArea.
// (Not inlined: its three copies cost the wasm more than the calls.)
//
//go:noinline
func dropArea(area *[]float32) {
	if n := 4 * int64(cap(*area)); n > bigArea {
		*area = nil
		refund(n)
	}
}

// DropBigAreas releases both areas when a large call grew them, once the
// call is over and its result copied out (the js.FuncOf path, from_bytes).
func DropBigAreas() {
	dropArea(&in)
	dropArea(&out)
	collect()
}

// InBytes makes the input area n bytes long, for argument arg, and returns
// it (Reserve's area, which the js.FuncOf path fills itself).
func InBytes(n int, arg string) ([]byte, error) {
	var err error
	if in, err = grow(in, (n+3)/4, arg); err != nil {
		return nil, err
	}
	return ByteView(in)[:n], nil
}

// inArg is an array argument of f floats in the input area, which
// rv_reserve (or the js.FuncOf path) has filled.
func inArg(f float64) ([]float32, error) {
	n := int(f)
	if float64(n) != f || n < 0 || n > len(in) {
		return nil, ErrInArea
	}
	return in[:n], nil
}

// outFloats is an output area of n floats for the current call, charged
// for argument arg.
func outFloats(n int, arg string) ([]float32, error) {
	var err error
	out, err = grow(out, n, arg)
	return out, err
}

// outBytes puts b in the output area and returns its length.
func outBytes(b []byte) (float64, error) {
	var err error
	if out, err = grow(out, (len(b)+3)/4, "state"); err != nil {
		return 0, err
	}
	copy(ByteView(out), b)
	return float64(len(b)), nil
}

// saveState is to_bytes: the state of o, charged as its cost (at least its
// size: TestCostsCoverAllocations) while it is built, copied into the output
// area, and its length. (A type switch on the objects' engines, which
// the objects hold in named fields: objects.go says why.)
func saveState(o any) (float64, error) {
	cost := CostOf(o)
	if err := charge("state", cost); err != nil {
		return 0, err
	}
	var b []byte
	switch o := o.(type) {
	case *MicroLoRA:
		b, _ = o.Micro.MarshalBinary()
	case *ScopedLoRA:
		b, _ = o.Scoped.MarshalBinary()
	case *TrajectoryBuffer:
		b, _ = o.Buffer.MarshalBinary()
	}
	n, err := outBytes(b)
	refund(cost)
	return n, err
}

// Reserve makes the input area n bytes long, for argument arg, and returns
// its offset: where the JS layer writes an array or bytes argument.
func Reserve(n int, arg string) (uint32, error) {
	if n < 0 || int64(n) > 1<<30 {
		return 0, argerr.NewRange(arg, reasonMemory)
	}
	b, err := InBytes(max(n, 4), arg)
	if err != nil {
		return 0, err
	}
	return uint32(uintptr(unsafe.Pointer(&b[0]))), nil
}

// OutAddress is the offset of the output area (valid until the next call), 0 when empty.
func OutAddress() uint32 {
	if len(out) == 0 {
		return 0
	}
	return uint32(uintptr(unsafe.Pointer(&out[0])))
}

// OutFloats is the output area's first n floats, a call's result.
func OutFloats(n int) []float32 { return out[:n] }

// OutBytes is the output area's first n bytes, a call's result.
func OutBytes(n int) []byte { return ByteView(out)[:n] }

// DropOut releases a large output area, once its result has been read.
func DropOut() { dropArea(&out) }

// outText puts s in the output area; its value is the length in bytes.
func outText(s string) (float64, error) { return outBytes([]byte(s)) }
