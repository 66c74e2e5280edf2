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

	"github.com/ruvector/ruvector-learning-wasm/internal/api"
)

// main registers the classes (on first use of their names) and waits until __ruvectorLearningGo.exit() is
// called, which only tests do: a Go program that has returned cannot be
// called again, and the JS layer must notice and say so.
func main() {
	global := js.Global()
	registerOnFirstUse(global)
	quit := make(chan struct{})
	hooks := global.Get("Object").New()
	hooks.Set("exit", js.FuncOf(func(js.Value, []js.Value) any {
		close(quit)
		return nil
	}))
	hooks.Set("memoryLimitForTests", js.FuncOf(limitForTests))
	global.Set("__ruvectorLearningGo", hooks)
	<-quit
}

// limitForTests is memoryLimitForTests(bytes), a test hook: it sets the
// budget's limit to bytes, at most the default (so that tests can reach it
// cheaply), or back to the default when bytes is undefined; it returns the
// limit in force and the bytes live.
func limitForTests(_ js.Value, argv []js.Value) any {
	if v := arg(argv, 0); is(v, js.TypeNumber) {
		api.SetLimitForTests(max(int64(v.Float()), 0))
	} else if v.IsUndefined() {
		api.SetLimitForTests(-1)
	}
	r := js.Global().Get("Object").New()
	r.Set("limit", float64(api.Limit()))
	r.Set("live", float64(api.Live()))
	return r
}
