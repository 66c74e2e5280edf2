package lora

import (
	"math"
	"unsafe"

	"rvlw/internal/argerr"
)

// finite reports whether v is neither NaN nor ±Inf.
func finite(v float32) bool { return v-v == 0 }

// CheckLen requires an array length n equal to the adapter's dim().
func CheckLen(arg string, n, dim int) error {
	if n != dim {
		return argerr.NewRange(arg, "must have length dim() = "+argerr.Itoa(dim))
	}
	return nil
}

// GradientNorm checks gradient g for dimension n, small enough to inline:
// gs = Σ g[i]² (kernel sumSquares), the squared norm for the update, and
// whether len(g) == n and gs is finite (no NaN, no ±Inf, no float32
// overflow), the condition docs/SEMANTICS.md §7.2 puts on every gradient.
func GradientNorm(g []float32, n int) (gs float32, ok bool) {
	if len(g) != n {
		return 0, false
	}
	gs = sumSquares(unsafe.SliceData(g), n)
	return gs, gs <= math.MaxFloat32
}

// GradientError is the error for a g that GradientNorm refuses.
//
//go:noinline
func GradientError(arg string, g []float32, n int) error {
	if err := CheckLen(arg, len(g), n); err != nil {
		return err
	}
	return argerr.NewRange(arg, "must hold finite values whose squared norm fits in float32")
}

// CheckUnrewarded is the checks of a rewarded update that will not happen
// (improvement <= 0 or NaN): g as GradientNorm(g, n) wants it (named arg
// in the error), then improvement (CheckImprovement).
func CheckUnrewarded(g []float32, n int, arg string, improvement float32) error {
	if _, ok := GradientNorm(g, n); !ok {
		return GradientError(arg, g, n)
	}
	return CheckImprovement(improvement)
}

// CheckImprovement rejects NaN; ±Inf keep the reference's meaning.
func CheckImprovement(improvement float32) error {
	if math.IsNaN(float64(improvement)) {
		return argerr.NewRange("improvement", "must not be NaN")
	}
	return nil
}
