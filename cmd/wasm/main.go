//go:build js && wasm

// Command wasm is the WebAssembly entry point. It registers the
// WasmMicroLoRA, WasmScopedLoRA and WasmTrajectoryBuffer constructors on the
// JS global object (bindings.go), offers the same members to the loaders as
// //go:wasmexport functions (exports.go, hot.go), and then blocks so that
// both stay callable. Both call into internal/api, whose table is the one
// source of every member.
package main

import (
	"syscall/js"

	"rvlw/internal/api"
)

// main makes the three class names on the global object accessors that
// register every class (register) the first time any of them is read or
// assigned, and then read as plain properties. Start-up then creates three
// js.FuncOf instead of about sixty (each costs about 0.13 ms in Node before
// V8 has compiled the wrapper), and a program that only uses the loaders,
// which call the exports, never pays for the bare globals. It sets the test
// hooks (jsFunc) on __ruvectorLearningGo, and waits until its exit() is
// called, which only tests do: a Go program that has returned cannot be
// called again, and the JS layer must notice and say so.
func main() {
	global := js.Global()
	quit = make(chan struct{})
	for c := api.Micro; c <= api.Buffer; c++ {
		access := jsFunc(-api.Code(c))
		define(global, c.String(), "get", access, "set", access, "enumerable", true, "configurable", true)
	}
	hooks := global.Get("Object").New()
	hooks.Set("exit", jsFunc(exitHook))
	hooks.Set("memoryLimitForTests", jsFunc(limitHook))
	global.Set("__ruvectorLearningGo", hooks)
	<-quit
}
