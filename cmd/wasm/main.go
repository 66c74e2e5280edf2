//go:build js && wasm

// Command wasm is the WebAssembly entry point. It registers the
// WasmMicroLoRA, WasmScopedLoRA and WasmTrajectoryBuffer constructors on the
// JS global object (bindings.go), offers the same methods to the JS layer as
// //go:wasmexport functions (exports.go), and then blocks so that both stay
// callable. Every call, on either path, runs through dispatch.
package main

import "syscall/js"

// main registers the classes, publishes the method
// table and the loaders' entry points for js/classic.js, and waits until __ruvectorLearningGo.exit() is called, which
// only tests do: a Go program that has returned cannot be called again, and
// the JS layer must notice and say so.
func main() {
	global := js.Global()
	register(global)
	quit := make(chan struct{})
	global.Set("__ruvectorLearningGo", js.ValueOf(map[string]any{
		"methods": methodTable(),
		"loader":  loaderEntries(),
		"exit": js.FuncOf(func(js.Value, []js.Value) any {
			close(quit)
			return nil
		}),
		"memoryLimitForTests": js.FuncOf(limitForTests),
	}))
	<-quit
}

// limitForTests is memoryLimitForTests(bytes), a test hook: it sets the
// budget's limit to bytes, at most the default (so that tests can reach it
// cheaply), or back to the default when bytes is undefined; it returns the
// limit in force and the bytes live.
func limitForTests(_ js.Value, argv []js.Value) any {
	if v := arg(argv, 0); is(v, js.TypeNumber) {
		budget.limit = min(max(int64(v.Float()), 0), defaultLimit)
	} else if v.IsUndefined() {
		budget.limit = defaultLimit
	}
	return js.ValueOf(map[string]any{"limit": float64(budget.limit), "live": float64(budget.live)})
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
