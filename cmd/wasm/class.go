//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/ruvector/ruvector-learning-wasm/internal/argerr"
)

// method is one prototype method: its JS name, its parameter names (so an
// argument error can show the value it got) and its body.
type method struct {
	name   string
	params []string
	fn     func(this js.Value, args []js.Value) (any, error)
}

// class registers a constructor named name on global: new name(...) calls
// create, stores the result in the handle table and sets this[handleKey].
// It also accepts any fresh object as this, so that the JS layer can
// Reflect.construct it with its own class as new.target.
// Methods go on the prototype once; statics on the constructor.
func class(global js.Value, name string, params []string, create func(args []js.Value) (any, error), methods, statics []method) js.Value {
	ctor := js.FuncOf(func(this js.Value, args []js.Value) (result any) {
		defer recoverInto(&result, name, "constructor")
		if !is(this, js.TypeObject) || !this.Get(handleKey).IsUndefined() {
			return jsError(name, "constructor", nil, nil, argerr.NewType("this", "is not a new object: use new "+name+"()"))
		}
		obj, err := create(args)
		if err != nil {
			return jsError(name, "constructor", params, args, err)
		}
		this.Set(handleKey, store(obj))
		return nil
	}).Value
	js.Global().Get("Object").Call("defineProperty", ctor, "name", map[string]any{"value": name})
	proto := ctor.Get("prototype")
	methods = append(methods, method{"free", nil, func(this js.Value, _ []js.Value) (any, error) {
		return nil, free(this)
	}})
	for _, m := range methods {
		proto.Set(m.name, wrap(name, m))
	}
	dispose := global.Get("Symbol").Get("dispose")
	if is(dispose, js.TypeSymbol) {
		global.Get("Reflect").Call("set", proto, dispose, proto.Get("free"))
	}
	for _, m := range statics {
		ctor.Set(m.name, wrap(name, m))
	}
	global.Set(name, ctor)
	return ctor
}

// wrap makes m callable from JS: panics are recovered and errors come back
// as JS error objects.
func wrap(class string, m method) js.Func {
	return js.FuncOf(func(this js.Value, args []js.Value) (result any) {
		defer recoverInto(&result, class, m.name)
		v, err := m.fn(this, args)
		switch {
		case err != nil:
			return jsError(class, m.name, m.params, args, err)
		case v == nil:
			return js.Undefined() // ValueOf(nil) would be null
		}
		return v
	})
}

// recoverInto turns a panic into an Error result, so that no Go panic ever
// reaches the runtime (which would end the program for good).
func recoverInto(result *any, class, method string) {
	if r := recover(); r != nil {
		msg := "internal error"
		if e, ok := r.(error); ok {
			msg += ": " + e.Error()
		} else if s, ok := r.(string); ok {
			msg += ": " + s
		}
		*result = js.Global().Get("Error").New(class + "." + method + ": " + msg)
	}
}

// jsError builds the JS error for err: "Class.method: arg reason (got value)".
func jsError(class, method string, params []string, args []js.Value, err error) js.Value {
	prefix := class + "." + method + ": "
	// The core returns *argerr.Error unwrapped, so a type assertion suffices
	// (errors.As would link internal/reflectlite into the wasm).
	ae, isArg := err.(*argerr.Error)
	switch {
	case isArg:
		msg := prefix + ae.Error()
		for i, p := range params {
			if p == ae.Arg {
				msg += " (got " + describe(arg(args, i)) + ")"
			}
		}
		return js.Global().Get(ae.Kind.String()).New(msg)
	case err == errNotThis:
		return js.Global().Get("TypeError").New(prefix + err.Error() + class)
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
	case t == js.TypeObject && is(v.Get("length"), js.TypeNumber):
		kind := "array"
		if c := v.Get("constructor"); is(c, js.TypeFunction) {
			kind = c.Get("name").String()
		}
		return kind + " of length " + js.Global().Get("String").Invoke(v.Get("length")).String()
	case t == js.TypeObject:
		return "an object"
	case t == js.TypeSymbol:
		return "a symbol"
	case t == js.TypeFunction:
		return "a function"
	}
	return js.Global().Get("String").Invoke(v).String()
}
