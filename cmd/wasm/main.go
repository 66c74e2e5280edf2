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

// main defines the bare globals (globals.go) unless a loader runs it: a
// loader (js/classic.js) sets the global api.LoaderKey while it calls go.run
// and defines them itself afterwards, with accessors that call rv_global,
// so that its start-up makes no js.FuncOf and no descriptor at all
// (measured in Node: defining them took main about 3 ms, 1.2 of it the
// first js.FuncOf).
// main then waits until the exit hook is called, which only tests do: a Go
// program that has returned cannot be called again, and the JS layer must
// notice and say so.
func main() {
	global := js.Global()
	quit = make(chan struct{})
	if global.Get(api.LoaderKey).IsUndefined() {
		defineGlobals(global)
	}
	<-quit
}
