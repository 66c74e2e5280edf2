//go:build js && wasm

package main

import (
	"syscall/js"

	"rvlw/internal/api"
	"rvlw/internal/argerr"
)

// internalError is the message of an internal error: what the recovered
// panic value r says, after "ruvector-learning-wasm: internal error: ".
//
//go:noinline
func internalError(r any) string {
	text := "panic"
	switch r := r.(type) {
	case error:
		text = r.Error()
	case string:
		text = r
	}
	return "ruvector-learning-wasm: internal error: " + text
}

// errorClasses[k] is the JS constructor of api.ErrorKind k.
var errorClasses = [...]string{api.RangeError: "RangeError", api.TypeError: "TypeError", api.PlainError: "Error"}

// newError is new global[class](msg).
func newError(class, msg string) js.Value { return js.Global().Get(class).New(msg) }

// describe renders a JS value for an error message: arrays by kind and
// length, strings quoted, bigints with their n, the rest as String(v) would.
// Array-likes and other objects are named after their constructor (its
// name, when it is a function). It reads v in the same order for every
// kind of value, and calls String() in one place: each call site costs
// the wasm some tens of bytes.
func describe(v js.Value) (s string) {
	t, ok := typeOf(v)
	str, tail := v, "" // unless shown is false, s ends with String(str) + tail
	shown := true
	switch {
	case !ok: // a bigint
		tail = "n"
	case t == js.TypeString:
		s, shown = js.Global().Get("JSON").Call("stringify", v).String(), false
	case t == js.TypeSymbol:
		s, shown = "a symbol", false
	case t == js.TypeFunction:
		s, shown = "a function", false
	case t != js.TypeObject:
	default:
		view := isView(v)
		var n int
		var live bool
		if view {
			_, n, live = typedBytes(v, 1)
		}
		// Only an Array's length is read: another object's could lie, or
		// throw (one that only inherits a typed array's getter does).
		arrayLike := view || isTrue(builtin[array].Call("isArray", v))
		c := v.Get("constructor")
		named := is(c, js.TypeFunction)
		switch {
		case !arrayLike:
			s, shown = "an object", false
			if named && c.Get("name").String() != "" {
				s = article(c.Get("name").String())
			}
		case named:
			s = c.Get("name").String()
		case view:
			s = "typed array"
		default:
			s = "array"
		}
		switch {
		case !arrayLike:
		case !view:
			s += " of length "
			str = v.Get("length")
		case !live:
			s, shown = "a detached "+s, false
		default:
			s, shown = s+" of length "+argerr.Itoa(n), false
		}
	}
	if shown { // String(v), which also works for bigints and symbols
		s += js.Global().Get("String").Call("call", nil, str).String() + tail
	}
	return s // one return: each would copy its result
}

// article is name with "a" or "an" before it.
func article(name string) string {
	switch name[0] {
	case 'A', 'E', 'I', 'O', 'U', 'a', 'e', 'i', 'o', 'u':
		return "an " + name
	}
	return "a " + name
}
