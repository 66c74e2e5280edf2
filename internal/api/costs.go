package api

import (
	"rvlw/internal/scoped"
	"rvlw/internal/trajectory"
)

// What an object costs the budget, computed from its constructor's
// arguments before anything is allocated. TestCostsCoverAllocations checks
// each against what Go actually allocates.

// perObject covers an object's fixed parts: its structs, its slot in the
// handle table (and that table's growth), and size-class rounding.
const perObject int64 = 512

// perPair is one lora.Pair's struct, and its pointer in the slice that
// lora.NewPairs makes.
const perPair int64 = 144

// rounded is n bytes as Go's allocator hands them out: a small object
// takes its size class, at most an eighth more; a large one (over 32 KiB)
// whole 8 KiB pages.
func rounded(n int64) int64 {
	if n > 32<<10 {
		return (n + 8<<10 - 1) &^ (8<<10 - 1)
	}
	return n + n/8
}

// microCost is a WasmMicroLoRA(dim): the pair's four vectors, In and Out,
// and the scratch x and y: 8 vectors of dim float32.
func microCost(dim int) int64 { return perObject + perPair + rounded(32*int64(dim)) }

// scopedCost is a WasmScopedLoRA(dim): 24 pairs of 4 vectors, In and Out,
// and the scratch x and y.
func scopedCost(dim int) int64 {
	const pairs = scoped.NumOps + scoped.NumCategories
	return perObject + pairs*(perPair+rounded(16*int64(dim))) + rounded(16*int64(dim))
}

// bufferCost is a WasmTrajectoryBuffer(capacity, dim): its ring storage.
func bufferCost(capacity int64, dim int) int64 {
	return storageCost(trajectory.StorageBytes(capacity, dim))
}

// storageCost is a trajectory buffer holding storage bytes of ring.
func storageCost(storage int64) int64 { return perObject + rounded(storage) }

// CostOf is what object o costs, from its dimensions.
func CostOf(o any) int64 {
	switch o := o.(type) {
	case *MicroLoRA:
		return microCost(o.Micro.Dim())
	case *ScopedLoRA:
		return scopedCost(o.Scoped.Dim())
	case *TrajectoryBuffer:
		return bufferCost(int64(o.Buffer.Capacity()), o.Buffer.EmbeddingDim())
	}
	return perObject
}
