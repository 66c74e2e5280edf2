//go:build js && wasm

// Command wasm is the WebAssembly entry point. It registers the
// WasmMicroLoRA, WasmScopedLoRA and WasmTrajectoryBuffer constructors on the
// JS global object (bindings.go), offers the same methods to the JS layer as
// //go:wasmexport functions (exports.go), and then blocks so that both stay
// callable. Every call, on either path, runs through dispatch.
package main

import "syscall/js"

// main registers the classes, publishes the method table and result slot for
// js/classic.js, and waits until __ruvectorLearningGo.exit() is called, which
// only tests do: a Go program that has returned cannot be called again, and
// the JS layer must notice and say so.
func main() {
	global := js.Global()
	register(global)
	quit := make(chan struct{})
	global.Set("__ruvectorLearningGo", js.ValueOf(map[string]any{
		"methods": methodTable(),
		"exit": js.FuncOf(func(js.Value, []js.Value) any {
			close(quit)
			return nil
		}),
	}))
	<-quit
}

// methodTable is the method table as one string, "class,name,params,result;...",
// so that it crosses to JS in one call instead of hundreds. (Built in one
// buffer: concatenating strings took 2 ms of start-up.)
func methodTable() string {
	b := make([]byte, 0, 32*len(methods))
	for code, m := range methods {
		if code > 0 {
			b = append(b, ';')
		}
		b = append(b, '0'+m.class, ',')
		b = append(b, m.name...)
		b = append(b, ',')
		b = append(b, m.params...)
		b = append(b, ',', m.result)
	}
	return string(b)
}
