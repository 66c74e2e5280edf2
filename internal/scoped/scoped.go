package scoped

import (
	"math"

	"rvlw/internal/argerr"
	"rvlw/internal/lora"
)

// fallbackUpdates is the number of applied updates after which an operator
// adapter no longer leans on its category adapter.
const fallbackUpdates = 10

// Scoped is the WasmScopedLoRA manager: 17 operator adapters, 7 category
// adapters, per-operator forward counters and the fallback switch.
type Scoped struct {
	Ops        [NumOps]*lora.Pair
	Categories [NumCategories]*lora.Pair
	Forwards   [NumOps]uint64
	Fallback   bool
	// In and Out are the zero-allocation buffers.
	In, Out []float32
}

// New returns a manager whose 24 adapters are lora.NewPair(dim, alpha, lr)
// (made by lora.NewPairs, which computes their common A once),
// with fallback on, or the lora.CheckConfig error.
func New(dim int, alpha, lr float32) (*Scoped, error) {
	if err := lora.CheckConfig(dim, alpha, lr); err != nil {
		return nil, err
	}
	s := &Scoped{Fallback: true}
	ps := lora.NewPairs(NumOps+NumCategories, dim, alpha, lr)
	copy(s.Ops[:], ps[:NumOps])
	copy(s.Categories[:], ps[NumOps:])
	io := make([]float32, 2*dim)
	s.In, s.Out = io[:dim:dim], io[dim:]
	return s, nil
}

// Dim is the adapters' dimension.
func (s *Scoped) Dim() int { return len(s.In) }

// Forward is Out = forward(op, In).
func (s *Scoped) Forward(op int) error { return s.ForwardInto(op, s.In, s.Out) }

// ForwardInto is Forwards[op] += 1; y = Ops[op](x); and, while fallback is on
// and Ops[op].Count < 10, y[i] = y[i]*w + c[i]*(1-w) with c = Categories[cat](x)
// and w = min(f32(Count)/10, 1), computed in one pass (lora.ForwardBlend).
// x and y must not overlap.
func (s *Scoped) ForwardInto(op int, x, y []float32) error {
	if err := CheckOp(op); err != nil {
		return err
	}
	if err := lora.CheckLen("input", len(x), s.Dim()); err != nil {
		return err
	}
	if len(y) != len(x) {
		return argerr.NewRange("output", "must have length dim()")
	}
	s.Forwards[op]++
	a := s.Ops[op]
	if !s.Fallback || a.Count >= fallbackUpdates {
		a.Forward(x, y)
		return nil
	}
	w := float32(a.Count) / fallbackUpdates // min(…, 1) is a no-op: Count < fallbackUpdates here
	lora.ForwardBlend(a, s.Categories[Category(op)], x, y, w)
	return nil
}

// Adapt is AdaptArray(op, In).
func (s *Scoped) Adapt(op int) error { return s.adapt(op, s.In, "input buffer", 1, false) }

// AdaptArray applies the update with r = lr to Ops[op] and to its category adapter.
func (s *Scoped) AdaptArray(op int, g []float32) error {
	return s.adapt(op, g, "gradient", 1, false)
}

// AdaptWithReward applies, on In, the update with r = lr*min(improvement, 2)
// to Ops[op] and its category adapter when improvement > 0.
func (s *Scoped) AdaptWithReward(op int, improvement float32) error {
	return s.adapt(op, s.In, "input buffer", improvement, true)
}

// adapt validates op, g and (when rewarded) the improvement before touching
// any state, then updates the operator adapter and its category adapter,
// both in one kernel call (lora.Learn2, which checks g as it goes).
func (s *Scoped) adapt(op int, g []float32, arg string, improvement float32, rewarded bool) error {
	if err := CheckOp(op); err != nil {
		return err
	}
	a, c := s.Ops[op], s.Categories[Category(op)]
	ra, rc := a.LR, c.LR
	if rewarded {
		if !(improvement > 0) {
			return lora.CheckUnrewarded(g, s.Dim(), arg, improvement)
		}
		ra, rc = a.RewardRate(improvement), c.RewardRate(improvement)
	}
	if lora.Learn2(a, c, g, ra, rc) <= math.MaxFloat32 {
		return nil
	}
	return lora.GradientError(arg, g, s.Dim())
}

// ResetScope resets Ops[op] and Forwards[op]; the category adapter keeps its learning.
func (s *Scoped) ResetScope(op int) error {
	if err := CheckOp(op); err != nil {
		return err
	}
	s.Ops[op].Reset()
	s.Forwards[op] = 0
	return nil
}

// ResetAll resets all 24 adapters and every counter.
func (s *Scoped) ResetAll() {
	for _, a := range s.Ops {
		a.Reset()
	}
	for _, c := range s.Categories {
		c.Reset()
	}
	clear(s.Forwards[:])
}

// TotalForwards is Σ Forwards[op].
func (s *Scoped) TotalForwards() uint64 {
	var t uint64
	for _, n := range s.Forwards {
		t += n
	}
	return t
}

// TotalAdapts is Σ Ops[op].Count (category adapters excluded).
func (s *Scoped) TotalAdapts() uint64 {
	var t uint64
	for _, a := range s.Ops {
		t += a.Count
	}
	return t
}
