//go:build js && wasm

// Command wasm is the WebAssembly entry point. It registers the
// WasmMicroLoRA, WasmScopedLoRA and WasmTrajectoryBuffer constructors on the
// JS global object (bindings.go), offers the same members to the loaders as
// //go:wasmexport functions (exports.go, hot.go), and then blocks so that
// both stay callable. Both call into internal/api, whose table is the one
// source of every member.
package main

import "syscall/js"

// main registers the classes (on first use of their names), sets the test
// hooks (jsFunc) on __ruvectorLearningGo, and waits until its exit() is
// called, which only tests do: a Go program that has returned cannot be
// called again, and the JS layer must notice and say so.
func main() {
	global := js.Global()
	quit = make(chan struct{})
	registerOnFirstUse(global)
	hooks := global.Get("Object").New()
	hooks.Set("exit", jsFunc(exitHook))
	hooks.Set("memoryLimitForTests", jsFunc(limitHook))
	global.Set("__ruvectorLearningGo", hooks)
	<-quit
}
