//go:build js && wasm

package main

import (
	"syscall/js"

	"rvlw/internal/api"
)

// builtin holds the JS constructors and intrinsics the bare globals use,
// looked up by register (not at start-up: a program that only uses the
// loaders never needs them).
var builtin [numBuiltins]js.Value

// Indexes into builtin: constructors of the global object, named in
// globalNames, then the intrinsic getters of %TypedArray%.prototype, named
// in getterNames: they read a typed array's internal slots, which neither a
// subclass nor an own property can change.
const (
	float32Array = iota
	uint8Array
	arrayBuffer
	array
	bigInt
	reflect
	lengthOf
	bufferOf
	byteOffsetOf
	numBuiltins
)

var (
	globalNames = [...]string{"Float32Array", "Uint8Array", "ArrayBuffer", "Array", "BigInt", "Reflect"}
	getterNames = [...]string{"length", "buffer", "byteOffset"}
)

// arg is args[i], or undefined when the caller passed fewer arguments.
func arg(args []js.Value, i int) js.Value {
	if i < len(args) {
		return args[i]
	}
	return js.Undefined()
}

// ignorePanic, deferred, stops a panic (a JS exception, or a value
// syscall/js does not know): the deferring function then returns its
// results as they are, all zero when the panic came before its return
// statement was done.
func ignorePanic() { recover() }

// typeOf is v.Type(), except that the kinds syscall/js does not know (bigint)
// come back as js.TypeUndefined with ok false instead of a panic.
func typeOf(v js.Value) (t js.Type, ok bool) {
	defer ignorePanic()
	return v.Type(), true
}

// is reports whether v is of kind t; a bigint is of no kind syscall/js knows.
// (Not inlined: a dozen checks call it, none on a hot call.)
//
//go:noinline
func is(v js.Value, t js.Type) bool {
	vt, ok := typeOf(v)
	return ok && vt == t
}

// attached reports whether typed array v is not detached.
func attached(v js.Value) bool {
	_, _, ok := typedBytes(v, 1)
	return ok
}

// isView is ArrayBuffer.isView(v): a typed array or DataView, by its slots.
func isView(v js.Value) bool { return isTrue(builtin[arrayBuffer].Call("isView", v)) }

// isTrue reports whether v is true: v.Bool() for a boolean, without the
// panic path Bool carries for other values, which each copy would carry.
func isTrue(v js.Value) bool { return v.Equal(js.ValueOf(true)) }

// typedBytes is typed array v's elements as a Uint8Array over the same
// memory, and their count, elements being size bytes; ok is false when v is
// detached (or no typed array at all).
func typedBytes(v js.Value, size int) (bytes js.Value, n int, ok bool) {
	defer ignorePanic()
	count := builtin[lengthOf].Call("call", v).Int()
	return builtin[uint8Array].New(builtin[bufferOf].Call("call", v), builtin[byteOffsetOf].Call("call", v), size*count), count, true
}

// tryNew is new ctor(v), or why it is none: api.NotNumbers when that
// throws (a detached buffer, an element that is a bigint or a symbol or has
// a throwing valueOf), and when lengthFirst is set, api.NotArray for a v
// without a numeric length. (Read through Reflect.get: a JS exception in
// Value.Get is no panic but unwinds through Go, and reading it throws for
// an object that only inherits a typed array's getter.)
func tryNew(ctor, v js.Value, lengthFirst bool) (out js.Value, why api.Reason) {
	defer ignorePanic()
	why = api.NotArray
	if lengthFirst && !is(builtin[reflect].Call("get", v, "length"), js.TypeNumber) {
		return
	}
	why = api.NotNumbers
	return ctor.New(v), 0
}

// bigint is the count n as a JS bigint (exact below 2^53, far beyond any
// count reached).
func bigint(n float64) js.Value { return builtin[bigInt].Call("call", nil, n) }

// typedBytesOf is typed array v's elements as a Uint8Array (v checked).
func typedBytesOf(v js.Value) js.Value {
	b, _, _ := typedBytes(v, 4)
	return b
}
