//go:build js && wasm

// Command wasm is the WebAssembly entry point: it registers the
// WasmMicroLoRA, WasmScopedLoRA and WasmTrajectoryBuffer constructors on the
// JS global object and then blocks, so that their methods stay callable.
//
// A js.FuncOf callback cannot make its JS caller throw, so every method
// returns a TypeError, RangeError or Error object instead of its result when
// it rejects a call (state unchanged); js/index.js turns those into throws.
package main

import "syscall/js"

// main registers the classes and waits until __ruvectorLearningGo.exit() is
// called, which only tests do: a Go program that has returned cannot be
// called again, and the JS layer must notice and say so.
func main() {
	global := js.Global()
	registerMicro(global)
	registerScoped(global)
	registerBuffer(global)
	quit := make(chan struct{})
	global.Set("__ruvectorLearningGo", js.ValueOf(map[string]any{
		"lastFloat": address(lastFloat[:]),
		"exit": js.FuncOf(func(js.Value, []js.Value) any {
			close(quit)
			return nil
		}),
	}))
	<-quit
}
