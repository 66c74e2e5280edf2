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
// classDigits[c] is class id c as a digit, for the table string.
const classDigits = "0123"

func main() {
	global := js.Global()
	register(global)
	// The table goes to JS as one string, "class,name,params,result;...",
	// one boundary crossing instead of hundreds.
	table := ""
	for code, m := range methods {
		if code > 0 {
			table += ";"
		}
		table += classDigits[m.class:m.class+1] + "," + m.name + "," + m.params + "," + string([]byte{m.result})
	}
	quit := make(chan struct{})
	global.Set("__ruvectorLearningGo", js.ValueOf(map[string]any{
		"methods": table,
		"exit": js.FuncOf(func(js.Value, []js.Value) any {
			close(quit)
			return nil
		}),
	}))
	<-quit
}
