//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/ruvector/ruvector-learning-wasm/internal/argerr"
)

// callError is an error that is not about an argument. (A string type, not
// errors.New: the errors package links internal/reflectlite into the wasm.)
type callError string

func (e callError) Error() string { return string(e) }

// Errors about the object a method was called on, and the input area.
const (
	errFreed   callError = "object has been freed"
	errNotThis callError = "this is not a "
	errInArea  callError = "array argument larger than the reserved input area"
)

// recoverInto turns a panic into an Error result, so that no Go panic ever
// reaches the runtime (which would end the program for good).
func recoverInto(res *any, label string) {
	if r := recover(); r != nil {
		msg := "internal error"
		if e, ok := r.(error); ok {
			msg += ": " + e.Error()
		} else if s, ok := r.(string); ok {
			msg += ": " + s
		}
		*res = js.Global().Get("Error").New(label + ": " + msg)
	}
}

// jsError builds the JS error for err raised by label ("Class.method") of
// class c: "Class.method: arg reason (got value)" for an argument error.
func jsError(label string, c uint8, params []string, argv []js.Value, err error) js.Value {
	prefix := label + ": "
	// The core returns *argerr.Error unwrapped, so a type assertion suffices
	// (errors.As would link internal/reflectlite into the wasm).
	ae, isArg := err.(*argerr.Error)
	switch {
	case isArg:
		msg := prefix + ae.Error()
		for i, p := range params {
			if p == ae.Arg {
				msg += " (got " + describe(arg(argv, i)) + ")"
			}
		}
		return js.Global().Get(ae.Kind.String()).New(msg)
	case err == errNotThis:
		return js.Global().Get("TypeError").New(prefix + err.Error() + classNames[c])
	default:
		return js.Global().Get("Error").New(prefix + err.Error())
	}
}

// describe renders a JS value for an error message: arrays by kind and
// length, strings quoted, bigints with their n, the rest as String(v) would.
func describe(v js.Value) string {
	t, ok := typeOf(v)
	switch {
	case !ok:
		return js.Global().Get("String").Invoke(v).String() + "n"
	case t == js.TypeString:
		return js.Global().Get("JSON").Call("stringify", v).String()
	case t == js.TypeObject && isView(v):
		if _, n, ok := typedBytes(v, 1); ok {
			return constructorName(v, "typed array") + " of length " + argerr.Itoa(n)
		}
		return "a detached " + constructorName(v, "typed array")
	case t == js.TypeObject && is(v.Get("length"), js.TypeNumber):
		return constructorName(v, "array") + " of length " + js.Global().Get("String").Invoke(v.Get("length")).String()
	case t == js.TypeObject:
		if c := v.Get("constructor"); is(c, js.TypeFunction) && c.Get("name").String() != "" {
			return article(c.Get("name").String())
		}
		return "an object"
	case t == js.TypeSymbol:
		return "a symbol"
	case t == js.TypeFunction:
		return "a function"
	}
	return js.Global().Get("String").Invoke(v).String()
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
