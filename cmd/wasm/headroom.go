//go:build js && wasm

package main

import (
	"runtime"

	"github.com/ruvector/ruvector-learning-wasm/internal/argerr"
)

// heapLimit is the Go heap this module lets itself reach. wasm32 memory ends
// at 4 GiB and running out kills the Go runtime for good, so an allocation
// that would cross this line is refused with a RangeError instead.
var heapLimit int64 = 3 << 30

// bigAllocation is the size from which an allocation checks the headroom.
const bigAllocation = 16 << 20

// checkHeadroom refuses an allocation of n bytes that would take the heap
// past heapLimit even after a collection; small ones are not checked.
func checkHeadroom(arg string, n int64) error {
	if n < bigAllocation {
		return nil
	}
	var ms runtime.MemStats
	for attempt := range 2 {
		runtime.ReadMemStats(&ms)
		if int64(ms.HeapAlloc)+n <= heapLimit {
			return nil
		}
		if attempt == 0 {
			runtime.GC()
		}
	}
	return argerr.NewRange(arg, "would need more memory than this module has left (free some objects first)")
}
