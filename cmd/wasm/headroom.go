//go:build js && wasm

package main

import (
	"runtime"

	"github.com/ruvector/ruvector-learning-wasm/internal/argerr"
)

// heapLimit is the most heap the module lets the Go runtime obtain. wasm32
// memory ends at 4 GiB and running out kills the Go runtime for good, so an
// allocation that might cross this line is refused with a RangeError.
var heapLimit int64 = 3<<30 + 512<<20

// bigAllocation is the size from which an allocation checks the headroom.
const bigAllocation = 16 << 20

// checkHeadroom refuses an allocation of n bytes unless it would fit even
// if the runtime had to take all of it from fresh memory: the heap obtained
// so far plus n stays within heapLimit. (Free space inside the heap need not
// be contiguous, so it cannot be counted on.) Small allocations pass.
func checkHeadroom(arg string, n int64) error {
	if n < bigAllocation {
		return nil
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if int64(ms.HeapSys)+n <= heapLimit {
		return nil
	}
	return argerr.NewRange(arg, "would need more memory than this module has left (free some objects first)")
}
