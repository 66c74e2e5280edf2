//go:build !wasm

package api

// memoryPages is 0 outside wasm, where no linear memory bounds the heap.
func memoryPages() int32 { return 0 }
