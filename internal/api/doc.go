// Package api is the JS API in pure Go: the classes, the one table of their
// members (table.go), the objects behind them, the memory budget and the
// argument checks. cmd/wasm binds it to JS twice, as //go:wasmexport
// functions for the loader (js/classic.js) and as js.FuncOf methods on the
// bare globals; internal/api/internal/gluegen writes from the same table the
// loader's JavaScript, the lists the tests iterate over, and checks the
// .d.ts and the README against it. Nothing here imports syscall/js, so all
// of it is tested natively.
package api

//go:generate go run ./internal/gluegen -root ../..
