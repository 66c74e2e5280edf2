//go:build js && wasm

package main

import (
	"syscall/js"

	"rvlw/internal/api"
)

// defineGlobals is main's work when no loader runs it: the three class
// names become accessors that register every class (register) the first
// time any of them is read or assigned, and then read as plain properties,
// and api.HooksKey holds the test hooks. Start-up then creates five
// js.FuncOf instead of about sixty (each costs about 0.13 ms in Node
// before V8 has compiled the wrapper).
func defineGlobals(global js.Value) {
	for c := api.Micro; c <= api.Buffer; c++ {
		access := jsFunc(-api.Code(c))
		define(global, c.String(), "get", access, "set", access, "enumerable", true, "configurable", true)
	}
	global.Set(api.HooksKey, hooks())
}

// hooks is a new test hooks' object: {exit, memoryLimitForTests}.
func hooks() js.Value {
	h := js.Global().Get("Object").New()
	h.Set("exit", jsFunc(exitHook))
	h.Set("memoryLimitForTests", jsFunc(limitHook))
	return h
}

// rvGlobal is what a loader's accessor for global name c calls the first
// time the name is read or assigned (js/classic.js): for 0, api.HooksKey then
// holds this program's test hooks; for a class (1 to 3), it registers
// every class, whose names then hold their constructors. It returns 1, or
// 0 with the error in failure.
//
//go:wasmexport rv_global
func rvGlobal(c int32) (ok int32) {
	defer swallow()
	global := js.Global()
	if c == 0 {
		global.Set(api.HooksKey, hooks()) // the accessor's setter makes it a plain property
	} else {
		registerOnce(global)
	}
	return 1
}
