//go:build js && wasm

package main

import (
	"syscall/js"

	"rvlw/internal/api"
)

// ctors[c] is class c's constructor on the JS global, once registered.
// (Indexed by any api.Class, so that no index needs a bounds check: each
// costs the wasm about 100 bytes, the unused entries nothing, being zero.)
var ctors [256]js.Value

// register puts the WasmMicroLoRA, WasmScopedLoRA and WasmTrajectoryBuffer
// constructors on global: real constructors (new, instanceof) with their
// members from the table (internal/api), the methods on their prototypes.
// Every member is one js.FuncOf (jsFunc; a class's constructor comes
// first in the table). A js.FuncOf callback cannot make its caller throw,
// so a rejected call returns its TypeError, RangeError or Error object
// instead, with nothing changed. (The loaders' classes, js/classic.js, call
// the exports instead.)
func register(global js.Value) {
	for i, name := range globalNames { // the intrinsics, looked up here rather than at start-up
		builtin[i] = global.Get(name)
	}
	object := global.Get("Object")
	proto := object.Call("getPrototypeOf", builtin[float32Array].Get("prototype"))
	for i, name := range getterNames {
		builtin[lengthOf+i] = object.Call("getOwnPropertyDescriptor", proto, name).Get("get")
	}
	dispose := global.Get("Symbol").Get("dispose")
	members := api.Members // a local slice: indexing it needs no bounds check
	for code := range members {
		m := &members[code]
		if m.Sort == api.Lifecycle && m.Name != "free" {
			continue // the views and memory() are the loaders' alone
		}
		fn := jsFunc(api.Code(code)).Value
		switch m.Sort {
		case api.Constructor:
			name := m.Class.String()
			define(fn, "name", "value", name)
			ctors[m.Class] = fn
			define(global, name, "value", fn, "writable", true, "enumerable", true, "configurable", true)
		default: // a static on the constructor, a method on its prototype
			target := ctors[m.Class]
			if m.Sort != api.Static {
				target = target.Get("prototype")
			}
			target.Set(m.Name, fn)
			if m.Name == "free" && is(dispose, js.TypeSymbol) {
				global.Get("Reflect").Call("set", target, dispose, fn)
			}
		}
	}
}

// define is Object.defineProperty(obj, key, descriptor), the descriptor's
// fields given as name, value pairs.
func define(obj js.Value, key string, fields ...any) {
	d := js.Global().Get("Object").New()
	for i := 0; i < len(fields); i += 2 {
		name, _ := fields[i].(string) // always a string: no panic path
		d.Set(name, fields[i+1])
	}
	js.Global().Get("Object").Call("defineProperty", obj, key, d)
}

// registered is set once register has run (or started to).
var registered bool

// registerOnce registers the classes on global (register) unless done.
func registerOnce(global js.Value) {
	if !registered {
		registered = true
		register(global)
	}
}

// quit is closed by the exit hook, which ends main.
var quit chan struct{}

// The entries of jsFunc below the members' codes: the class names'
// accessors are -Micro, -Scoped and -Buffer, then the test hooks.
const (
	exitHook  = -api.NumClasses - 1 - iota // __ruvectorLearningGo.exit()
	limitHook                              // __ruvectorLearningGo.memoryLimitForTests(bytes)
)

// jsFunc is the js.FuncOf of entry code, all of them one Go function (each
// costs the wasm about 400 bytes):
//   - a member's code (0 and up): the bare global's member, which returns
//     its value, or the JS error it was refused with; methods and statics
//     drop the big argument and result areas once done;
//   - -c: the accessor of class c's name (defineGlobals), which
//     registers the classes first;
//   - exitHook: ends the program (main's wait);
//   - limitHook: memoryLimitForTests(bytes) sets the budget's limit to
//     bytes, at most the default (so that tests can reach it cheaply), or
//     back to the default when bytes is undefined; it returns the limit in
//     force and the bytes live.
//
// Not inlined: each caller would carry its own copy of the closure.
//
//go:noinline
func jsFunc(code api.Code) js.Func {
	return js.FuncOf(func(this js.Value, argv []js.Value) (res any) {
		defer func() { // a panic becomes an Error result: it must never reach the runtime
			if r := recover(); r != nil {
				res = newError("Error", internalError(r))
			}
		}()
		global := js.Global()
		var ret js.Value // the result (undefined unless set), converted to an any in one place
		null := false    // the result is null instead: exit() and the setters give null, as they always have
		switch {
		case code >= 0:
			m := &api.Members[code]
			if m.Sort <= api.Static {
				defer api.DropBigAreas()
			}
			var err error
			if ret, err = invoke(code, m, this, argv); err != nil {
				// "Class.member: arg reason (got value)" for an argument error
				f := api.Fail(code, err)
				if f.Arg >= 0 {
					f.Message += " (got " + describe(arg(argv, f.Arg)) + ")"
				}
				ret = newError(errorClasses[f.Kind], f.Message)
			}
		case code >= -api.NumClasses:
			registerOnce(global)
			name := api.Class(-code).String()
			if null = len(argv) > 0; null { // an assignment: the name takes the value
				global.Set(name, argv[0])
			} else {
				ret = global.Get(name)
			}
		case code == exitHook:
			close(quit)
			null = true
		default:
			if v := arg(argv, 0); is(v, js.TypeNumber) {
				api.SetLimitForTests(max(int64(v.Float()), 0))
			} else if v.IsUndefined() {
				api.SetLimitForTests(-1)
			}
			ret = global.Get("Object").New()
			ret.Set("limit", float64(api.Limit()))
			ret.Set("live", float64(api.Live()))
		}
		if !null {
			res = ret
		}
		return // one return: each would carry its own copy of the deferred calls
	})
}
