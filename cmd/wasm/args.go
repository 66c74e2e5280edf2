//go:build js && wasm

package main

import (
	"syscall/js"
	"unsafe"

	"github.com/ruvector/ruvector-learning-wasm/internal/argerr"
)

var (
	jsFloat32Array = js.Global().Get("Float32Array")
	jsUint8Array   = js.Global().Get("Uint8Array")
	jsArrayBuffer  = js.Global().Get("ArrayBuffer")
	jsArray        = js.Global().Get("Array")
	jsBigInt       = js.Global().Get("BigInt")
)

// arg is args[i], or undefined when the caller passed fewer arguments.
func arg(args []js.Value, i int) js.Value {
	if i < len(args) {
		return args[i]
	}
	return js.Undefined()
}

// typeOf is v.Type(), except that the kinds syscall/js does not know (bigint)
// come back as js.TypeUndefined with ok false instead of a panic.
func typeOf(v js.Value) (t js.Type, ok bool) {
	defer func() {
		if recover() != nil {
			t, ok = js.TypeUndefined, false
		}
	}()
	return v.Type(), true
}

// is reports whether v is of kind t; a bigint is of no kind syscall/js knows.
func is(v js.Value, t js.Type) bool {
	vt, ok := typeOf(v)
	return ok && vt == t
}

// number is a JS number argument as float64; anything else is a TypeError.
func number(v js.Value, name string) (float64, error) {
	if !is(v, js.TypeNumber) {
		return 0, argerr.NewType(name, "must be a number")
	}
	return v.Float(), nil
}

// boolArg accepts true/false, and 1/0 as wasm-bindgen's bool would.
func boolArg(v js.Value, name string) (bool, error) {
	switch t, _ := typeOf(v); t {
	case js.TypeBoolean:
		return v.Bool(), nil
	case js.TypeNumber:
		if f := v.Float(); f == 0 || f == 1 {
			return f == 1, nil
		}
		return false, argerr.NewRange(name, "must be a boolean")
	}
	return false, argerr.NewType(name, "must be a boolean")
}

// float32s reads array argument name into o's scratch area once its length
// fits (floats).
func float32s(v js.Value, name string, o any) error {
	bytes, n, err := floats(v, name)
	if err != nil {
		return err
	}
	if err := arrayLen(o, name, n); err != nil {
		return err
	}
	js.CopyBytesToGo(byteView(scratchOf(o)), bytes)
	return nil
}

// floatsIn copies array argument name, of any length, into the input area
// and returns its length.
func floatsIn(v js.Value, name string) (int, error) {
	bytes, n, err := floats(v, name)
	if err != nil {
		return 0, err
	}
	dst, err := inBytes(4*n, name)
	if err != nil {
		return 0, err
	}
	js.CopyBytesToGo(dst, bytes)
	return n, nil
}

// floats is array argument name as the bytes of a Float32Array and its
// length: a Float32Array itself, any other array-like of numbers converted
// once by new Float32Array(v). Lengths come from the typed array's own
// internal slots, never from a length property that could lie.
func floats(v js.Value, name string) (js.Value, int, error) {
	if !arrayLike(v) {
		return js.Value{}, 0, argerr.NewType(name, "must be a Float32Array or an array of numbers")
	}
	view := isView(v)
	if view {
		if _, _, ok := typedBytes(v, 1); !ok {
			return js.Value{}, 0, argerr.NewRange(name, "must not be detached")
		}
	}
	if !view || !v.InstanceOf(jsFloat32Array) {
		var converted bool
		if v, converted = toFloat32Array(v); !converted {
			return js.Value{}, 0, argerr.NewType(name, "must hold only numbers")
		}
	}
	bytes, n, _ := typedBytes(v, 4)
	return bytes, n, nil
}

// bytesIn copies a Uint8Array (or ArrayBuffer) argument into the input area.
func bytesIn(v js.Value, name string) ([]byte, error) {
	if is(v, js.TypeObject) && v.InstanceOf(jsArrayBuffer) {
		if !intactBuffer(v) {
			return nil, argerr.NewRange(name, "must not be detached")
		}
		v = jsUint8Array.New(v)
	}
	if !is(v, js.TypeObject) || !isView(v) || !v.InstanceOf(jsUint8Array) {
		return nil, argerr.NewType(name, "must be a Uint8Array")
	}
	bytes, n, ok := typedBytes(v, 1)
	if !ok {
		return nil, argerr.NewRange(name, "must not be detached")
	}
	b, err := inBytes(n, name)
	if err != nil {
		return nil, err
	}
	js.CopyBytesToGo(b, bytes)
	return b, nil
}

// The intrinsic getters of %TypedArray%.prototype: they read a typed
// array's internal slots, which neither a subclass nor an own property can
// change.
var (
	typedArrayProto = js.Global().Get("Object").Call("getPrototypeOf", jsFloat32Array.Get("prototype"))
	lengthOf        = intrinsicGetter("length")
	bufferOf        = intrinsicGetter("buffer")
	byteOffsetOf    = intrinsicGetter("byteOffset")
)

func intrinsicGetter(name string) js.Value {
	return js.Global().Get("Object").Call("getOwnPropertyDescriptor", typedArrayProto, name).Get("get")
}

// isView is ArrayBuffer.isView(v): a typed array or DataView, by its slots.
func isView(v js.Value) bool { return jsArrayBuffer.Call("isView", v).Bool() }

// typedBytes is typed array v's elements as a Uint8Array over the same
// memory, and their count, elements being size bytes; ok is false when v is
// detached (or no typed array at all).
func typedBytes(v js.Value, size int) (bytes js.Value, n int, ok bool) {
	defer func() {
		if recover() != nil {
			bytes, n, ok = js.Value{}, 0, false
		}
	}()
	n = lengthOf.Call("call", v).Int()
	return jsUint8Array.New(bufferOf.Call("call", v), byteOffsetOf.Call("call", v), size*n), n, true
}

// intactBuffer reports whether ArrayBuffer b is not detached.
func intactBuffer(b js.Value) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	jsUint8Array.New(b)
	return true
}

// toFloat32Array is new Float32Array(v), or false when JS refuses an
// element (a bigint, a symbol, a throwing valueOf).
func toFloat32Array(v js.Value) (out js.Value, converted bool) {
	defer func() {
		if recover() != nil {
			converted = false
		}
	}()
	return jsFloat32Array.New(v), true
}

// arrayLike accepts typed arrays, Arrays and objects with a numeric length;
// strings, functions and ArrayBuffers are not arrays of numbers.
func arrayLike(v js.Value) bool {
	if !is(v, js.TypeObject) || v.InstanceOf(jsArrayBuffer) {
		return false
	}
	return jsArray.Call("isArray", v).Bool() || is(v.Get("length"), js.TypeNumber)
}

// newFloat32Array copies src into a new JS Float32Array.
func newFloat32Array(src []float32) js.Value {
	out := jsFloat32Array.New(len(src))
	js.CopyBytesToJS(jsUint8Array.New(out.Get("buffer")), byteView(src))
	return out
}

// byteView is the little-endian bytes of f, sharing its memory.
func byteView(f []float32) []byte {
	if len(f) == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(&f[0])), 4*len(f))
}

// address is the byte offset of f[0] in the wasm linear memory.
func address(f []float32) float64 { return float64(uintptr(unsafe.Pointer(&f[0]))) }

// bigint is the count n as a JS bigint (exact below 2^53, far beyond any
// count reached).
func bigint(n float64) js.Value { return jsBigInt.Invoke(n) }
