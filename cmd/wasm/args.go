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
// fits. A Float32Array is copied with one js.CopyBytesToGo over a byte view;
// any other array-like of numbers is converted by new Float32Array(v) first.
func float32s(v js.Value, name string, o any) error {
	if !arrayLike(v) {
		return argerr.NewType(name, "must be a Float32Array or an array of numbers")
	}
	if !v.InstanceOf(jsFloat32Array) {
		var converted bool
		if v, converted = toFloat32Array(v); !converted {
			return argerr.NewType(name, "must hold only numbers")
		}
	}
	if err := arrayLen(o, name, v.Length()); err != nil {
		return err
	}
	dst := scratchOf(o)
	bytes := jsUint8Array.New(v.Get("buffer"), v.Get("byteOffset"), v.Get("byteLength"))
	if js.CopyBytesToGo(byteView(dst), bytes) != 4*len(dst) {
		return argerr.NewRange(name, "must not be detached")
	}
	return nil
}

// floatsIn copies array argument name, of any length, into the input area
// and returns its length.
func floatsIn(v js.Value, name string) (int, error) {
	if !arrayLike(v) {
		return 0, argerr.NewType(name, "must be a Float32Array or an array of numbers")
	}
	if !v.InstanceOf(jsFloat32Array) {
		var converted bool
		if v, converted = toFloat32Array(v); !converted {
			return 0, argerr.NewType(name, "must hold only numbers")
		}
	}
	n := v.Length()
	dst, err := inBytes(4 * n)
	if err != nil {
		return 0, err
	}
	bytes := jsUint8Array.New(v.Get("buffer"), v.Get("byteOffset"), v.Get("byteLength"))
	js.CopyBytesToGo(dst, bytes)
	return n, nil
}

// bytesIn copies a Uint8Array (or ArrayBuffer) argument into the input area.
func bytesIn(v js.Value, name string) ([]byte, error) {
	if is(v, js.TypeObject) && v.InstanceOf(jsArrayBuffer) {
		v = jsUint8Array.New(v)
	}
	if !is(v, js.TypeObject) || !v.InstanceOf(jsUint8Array) {
		return nil, argerr.NewType(name, "must be a Uint8Array")
	}
	b, err := inBytes(v.Length())
	if err != nil {
		return nil, err
	}
	js.CopyBytesToGo(b, v)
	return b, nil
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
