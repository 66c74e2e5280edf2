package api

import (
	"runtime"

	"rvlw/internal/argerr"
)

// The memory budget. wasm32 memory ends at 4 GiB, and running out of it
// kills the Go runtime for good, with every object and all it learned. So
// every allocation that grows with its input is charged here before it is
// made: objects (their cost, costs.go), the argument and result areas, a
// call's temporaries. budget.live is what live objects and areas hold, by
// this accounting; a charge that would take it past budget.limit is a
// RangeError and changes nothing. A refund counts as free at once: freed
// memory is reused after Go's next collection, which collect starts.
var budget = struct {
	live  int64 // bytes charged and not refunded
	limit int64 // the most live may reach
	freed int64 // bytes refunded since the last collection
}{limit: defaultLimit}

// The defaults. defaultLimit leaves 1 GiB of the 4 GiB for garbage awaiting
// collection, the runtime and fragmentation; ceiling is where linear memory
// must never go (memory.size); gcStep is the least that freeing makes worth
// a collection. (Go's own memory limit, runtime/debug.SetMemoryLimit, is no
// help here: set to 3.5 GiB, it made rv_new + rv_release of a
// WasmMicroLoRA(256) 6 times slower, about 550 against 90 µs.)
const (
	defaultLimit int64 = 3 << 30
	ceiling      int64 = 4<<30 - 64<<20
	gcStep       int64 = 32 << 20
)

// charge reserves n bytes for argument arg: live += n, unless that passes
// limit (a RangeError naming arg). When fresh memory might be needed past
// ceiling, it first collects what has been freed, so that Go reuses it.
func charge(arg string, n int64) error {
	if n < 0 || n > budget.limit-budget.live {
		return argerr.NewRange(arg, reasonMemory)
	}
	if budget.freed > 0 && int64(memoryPages())<<16+n > ceiling {
		collectNow()
	}
	budget.live += n
	return nil
}

// refund returns n charged bytes: live -= n, freed += n.
func refund(n int64) {
	budget.live -= n
	budget.freed += n
}

// collect runs a collection once the bytes freed since the last one reach
// max(gcStep, live/2), so that its cost, which grows with live, stays in
// proportion. Go's collector does its background work only while the Go
// scheduler runs, and a //go:wasmexport call never hands it control: without
// this, the memory of dropped objects waits indefinitely (measured: 10,000
// dropped WasmScopedLoRA(256) took linear memory from 4 to 880 MiB).
func collect() {
	if budget.freed >= max(gcStep, budget.live/2) {
		collectNow()
	}
}

// collectNow runs a full collection and forgets what was freed before it.
func collectNow() {
	budget.freed = 0
	runtime.GC()
}

// reasonMemory completes "arg ..." when a charge does not fit.
const reasonMemory = "would need more memory than this module has left (free some objects first)"

// Limit is the budget's limit in bytes, and Live what is charged now.
func Limit() int64 { return budget.limit }

// Live is the bytes charged and not refunded.
func Live() int64 { return budget.live }

// SetLimitForTests sets the limit to bytes, at most DefaultLimit (so that
// tests can reach it cheaply); a negative bytes restores the default.
func SetLimitForTests(bytes int64) {
	if bytes < 0 {
		budget.limit = defaultLimit
		return
	}
	budget.limit = min(bytes, defaultLimit)
}

// Collect runs a collection once enough has been freed (see collect).
func Collect() { collect() }

// Release refunds what object o cost, once it is dropped.
func Release(o any) { refund(CostOf(o)) }
