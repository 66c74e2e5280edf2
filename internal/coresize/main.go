//go:build js && wasm

// Command coresize is the core packages and the member table
// (internal/api), with no JS binding: make size builds it to show what the
// learning code and its table add to a Go syscall/js program, the lower
// bound of any binding around them. Call reaches every implementation the
// bindings call, so keeping it, the table and the two constructors keeps
// them all, and adding a method needs no edit here.
package main

import (
	"syscall/js"

	"rvlw/internal/api"
)

// entryPoints are what the bindings reach the core through.
var entryPoints = []any{api.Members, api.New, api.FromBytes, api.Call}

func main() {
	js.Global().Set("coresize", len(entryPoints))
	select {}
}
