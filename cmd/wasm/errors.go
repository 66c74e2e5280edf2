//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/ruvector/ruvector-learning-wasm/internal/api"
	"github.com/ruvector/ruvector-learning-wasm/internal/argerr"
)

// recoverInto turns a panic into an Error result, so that no Go panic ever
// reaches the runtime (which would end the program for good).
func recoverInto(res *any) {
	if r := recover(); r != nil {
		*res = newError("Error", internalError(r))
	}
}

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

// jsError builds the JS error for err from member code, called with argv:
// "Class.member: arg reason (got value)" for an argument error.
func jsError(code api.Code, argv []js.Value, err error) js.Value {
	f := api.Fail(code, err)
	msg := f.Message
	if f.Arg >= 0 && argv != nil {
		msg += " (got " + describe(arg(argv, f.Arg)) + ")"
	}
	return newError(errorClasses[f.Kind], msg)
}

// newError is new global[class](msg).
func newError(class, msg string) js.Value { return js.Global().Get(class).New(msg) }

// stringOf is String(v), which also works for bigints and symbols.
func stringOf(v js.Value) string { return js.Global().Get("String").Call("call", nil, v).String() }

// describe renders a JS value for an error message: arrays by kind and
// length, strings quoted, bigints with their n, the rest as String(v) would.
func describe(v js.Value) (s string) {
	t, ok := typeOf(v)
	switch {
	case !ok:
		s = stringOf(v) + "n"
	case t == js.TypeString:
		s = js.Global().Get("JSON").Call("stringify", v).String()
	case t == js.TypeSymbol:
		s = "a symbol"
	case t == js.TypeFunction:
		s = "a function"
	case t != js.TypeObject:
		s = stringOf(v)
	case isView(v):
		_, n, ok := typedBytes(v, 1)
		if s = constructorName(v, "typed array"); !ok {
			s = "a detached " + s
		} else {
			s += " of length " + argerr.Itoa(n)
		}
	case is(v.Get("length"), js.TypeNumber):
		s = constructorName(v, "array") + " of length " + stringOf(v.Get("length"))
	default:
		s = "an object"
		if c := v.Get("constructor"); is(c, js.TypeFunction) && c.Get("name").String() != "" {
			s = article(c.Get("name").String())
		}
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

// constructorName is the name of v's constructor, or def.
func constructorName(v js.Value, def string) string {
	if c := v.Get("constructor"); is(c, js.TypeFunction) {
		return c.Get("name").String()
	}
	return def
}
