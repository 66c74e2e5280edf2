// Package scoped holds the WasmScopedLoRA manager of docs/SEMANTICS.md §4: one adapter per
// query operator, one per operator category, and a category fallback that
// blends the two while an operator adapter has seen fewer than ten updates.
package scoped

import "rvlw/internal/argerr"

// NumOps and NumCategories are the sizes of the two adapter sets.
const (
	NumOps        = 17
	NumCategories = 7
)

// opNames[op] is the operator's name, as WasmScopedLoRA.scope_name returns it.
var opNames = [NumOps]string{
	"SeqScan", "IndexScan", "HnswScan", "IvfFlatScan",
	"NestedLoopJoin", "HashJoin", "MergeJoin",
	"Aggregate", "GroupBy",
	"Filter", "Project",
	"Sort", "Limit",
	"VectorDistance", "Rerank",
	"Materialize", "Result",
}

// opCategory[op] is the operator's category: 0 Scan, 1 Join, 2 Aggregation,
// 3 Transform, 4 Order, 5 Vector, 6 Utility.
var opCategory = [NumOps]uint8{0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6}

// categoryNames[c] is the name of category c, as error messages give it.
var categoryNames = [NumCategories]string{"Scan", "Join", "Aggregation", "Transform", "Order", "Vector", "Utility"}

// ScopeName is the name of operator op, or "Unknown" outside 0..16.
func ScopeName(op int) string {
	if op < 0 || op >= NumOps {
		return "Unknown"
	}
	return opNames[op]
}

// Category is the category index of a valid operator.
func Category(op int) int { return int(opCategory[op]) }

// CheckOp requires an operator type in 0..16.
func CheckOp(op int) error {
	if op < 0 || op >= NumOps {
		return argerr.NewRange("op_type", "must be an integer in 0..16")
	}
	return nil
}
