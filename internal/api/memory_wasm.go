package api

// memoryPages is the size of the wasm linear memory in 64 KiB pages
// (memory_wasm.s). It never shrinks: it bounds the heap obtained so far.
func memoryPages() int32
