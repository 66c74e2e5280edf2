package api

import (
	"rvlw/internal/argerr"
	"rvlw/internal/replay"
	"rvlw/internal/scoped"
)

// The WasmScopedLoRA methods of the table (table.go). Those with an op_type
// take it as their first number.

func scopedDim(s *ScopedLoRA, _ *Args) (float64, error)          { return float64(s.Scoped.Dim()), nil }
func scopedGetInputPtr(s *ScopedLoRA, _ *Args) (float64, error)  { return Address(s.Scoped.In), nil }
func scopedGetOutputPtr(s *ScopedLoRA, _ *Args) (float64, error) { return Address(s.Scoped.Out), nil }
func scopedTotalForwardCount(s *ScopedLoRA, _ *Args) (float64, error) {
	return float64(s.Scoped.TotalForwards()), nil
}
func scopedTotalAdaptCount(s *ScopedLoRA, _ *Args) (float64, error) {
	return float64(s.Scoped.TotalAdapts()), nil
}

func scopedResetAll(s *ScopedLoRA, _ *Args) (float64, error) {
	s.Scoped.ResetAll()
	return 0, nil
}

func scopedSetCategoryFallback(s *ScopedLoRA, a *Args) (float64, error) {
	s.Scoped.Fallback = a.N[0] != 0
	return 0, nil
}

// ScopedForward is forward(op_type): op_type's adapter on In into Out.
func ScopedForward(s *ScopedLoRA, a *Args) (float64, error) {
	op, ok := argerr.Integral(a.N[0])
	if !ok {
		return opTypeError(a.N[0])
	}
	return 0, s.Scoped.Forward(op)
}

// ScopedForwardArray is forward_array(op_type, input): Y = forward(X).
func ScopedForwardArray(s *ScopedLoRA, a *Args) (float64, error) {
	op, ok := argerr.Integral(a.N[0])
	if !ok {
		return opTypeError(a.N[0])
	}
	return 0, s.Scoped.ForwardInto(op, s.X, s.Y)
}

// ScopedAdapt is adapt(op_type): one step along the gradient in In.
func ScopedAdapt(s *ScopedLoRA, a *Args) (float64, error) {
	op, ok := argerr.Integral(a.N[0])
	if !ok {
		return opTypeError(a.N[0])
	}
	return 0, s.Scoped.Adapt(op)
}

// ScopedAdaptArray is adapt_array(op_type, gradient): one step along X.
func ScopedAdaptArray(s *ScopedLoRA, a *Args) (float64, error) {
	op, ok := argerr.Integral(a.N[0])
	if !ok {
		return opTypeError(a.N[0])
	}
	return 0, s.Scoped.AdaptArray(op, s.X)
}

// ScopedAdaptWithReward is adapt_with_reward(op_type, improvement).
func ScopedAdaptWithReward(s *ScopedLoRA, a *Args) (float64, error) {
	op, ok := argerr.Integral(a.N[0])
	if !ok {
		return opTypeError(a.N[0])
	}
	return 0, s.Scoped.AdaptWithReward(op, float32(a.N[1]))
}

func scopedResetScope(s *ScopedLoRA, a *Args) (float64, error)   { return byOp(s, a, resetScope) }
func scopedForwardCount(s *ScopedLoRA, a *Args) (float64, error) { return byOp(s, a, forwardCount) }
func scopedAdaptCount(s *ScopedLoRA, a *Args) (float64, error)   { return byOp(s, a, adaptCount) }
func scopedDeltaNorm(s *ScopedLoRA, a *Args) (float64, error)    { return byOp(s, a, deltaNorm) }

// What byOp does with one operator's adapter.
const (
	resetScope = iota
	forwardCount
	adaptCount
	deltaNorm
)

// byOp is reset_scope, forward_count, adapt_count or delta_norm (what) of
// the op_type in the call's first number. (One function for the four: each
// costs the wasm about 400 bytes.)
func byOp(s *ScopedLoRA, a *Args, what int) (float64, error) {
	op, err := OpType(a.N[0])
	if err != nil {
		return 0, err
	}
	switch what {
	case forwardCount:
		return float64(s.Scoped.Forwards[op]), nil
	case adaptCount:
		return float64(s.Scoped.Ops[op].Count), nil
	case deltaNorm:
		return float64(s.Scoped.Ops[op].DeltaNorm()), nil
	}
	return 0, s.Scoped.ResetScope(op)
}

func scopedForwardBatch(s *ScopedLoRA, a *Args) (float64, error) { return batch(s, a, true) }
func scopedAdaptBatch(s *ScopedLoRA, a *Args) (float64, error)   { return batch(s, a, false) }

// scopedLearnFrom is learn_from(buffer, min_quality): the bindings have
// resolved buffer, and min_quality is 0 when it was undefined or null.
func scopedLearnFrom(s *ScopedLoRA, a *Args) (float64, error) {
	if a.Buffer == nil {
		return 0, ArgError("buffer", NotBuffer)
	}
	n, err := replay.LearnFrom(s.Scoped, a.Buffer.Buffer, float32(a.N[0]))
	return float64(n), err
}

func scopedToBytes(s *ScopedLoRA, _ *Args) (float64, error) { return saveState(s) }

// scopedScopeName is the static scope_name(op_type): the operator's name in the
// output area, "Unknown" for any number that is not an operator type.
func scopedScopeName(a *Args) (float64, error) {
	name := "Unknown"
	if op, err := argerr.Integer(a.N[0], "op_type"); err == nil {
		name = scoped.ScopeName(op)
	}
	return outText(name)
}
