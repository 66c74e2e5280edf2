//go:build js && wasm

package main

import "github.com/ruvector/ruvector-learning-wasm/internal/argerr"

// memoryLimit is the most linear memory the module lets the Go runtime grow
// to. wasm32 memory ends at 4 GiB and running out kills the Go runtime for
// good, so an allocation that might cross this line is refused with a
// RangeError.
var memoryLimit int64 = 3<<30 + 512<<20

// memoryPages is the size of the wasm linear memory in 64 KiB pages
// (memory_wasm.s). Go's heap lives in it and it never shrinks, so it bounds
// the heap obtained so far from above, like runtime.MemStats.HeapSys but
// without the 10 KB of wasm that ReadMemStats costs.
func memoryPages() int32

// bigAllocation is the size from which an allocation checks the headroom.
const bigAllocation = 16 << 20

// checkHeadroom refuses an allocation of n bytes unless it would fit even
// if the runtime had to take all of it from fresh memory: the memory
// obtained so far plus n stays within memoryLimit. (Free space inside the
// heap need not be contiguous, so it cannot be counted on.) Small
// allocations pass.
func checkHeadroom(arg string, n int64) error {
	if n < bigAllocation {
		return nil
	}
	if int64(memoryPages())<<16+n <= memoryLimit {
		return nil
	}
	return argerr.NewRange(arg, "would need more memory than this module has left (free some objects first)")
}
