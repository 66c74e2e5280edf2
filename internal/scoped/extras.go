package scoped

import (
	"github.com/ruvector/ruvector-learning-wasm/internal/argerr"
	"github.com/ruvector/ruvector-learning-wasm/internal/lora"
)

// ForwardBatch is ForwardInto(op, row) on each dim-long row of xs into the
// same row of ys, in order; ys must not overlap xs.
func (s *Scoped) ForwardBatch(op int, xs, ys []float32) error {
	d := s.Dim()
	if err := CheckOp(op); err != nil {
		return err
	}
	if err := lora.CheckRows("inputs", len(xs), d); err != nil {
		return err
	}
	if len(ys) != len(xs) {
		return argerr.NewRange("outputs", "must have the length of inputs")
	}
	for i := 0; i < len(xs); i += d {
		if err := s.ForwardInto(op, xs[i:i+d], ys[i:i+d]); err != nil {
			return err
		}
	}
	return nil
}

// AdaptBatch is AdaptArray(op, row) on each dim-long row of gs, in order.
// Every row is checked first, so a bad row changes nothing.
func (s *Scoped) AdaptBatch(op int, gs []float32) error {
	d := s.Dim()
	if err := CheckOp(op); err != nil {
		return err
	}
	if err := lora.CheckRows("gradients", len(gs), d); err != nil {
		return err
	}
	for i := 0; i < len(gs); i += d {
		if _, err := lora.CheckGradient("gradients", gs[i:i+d], d); err != nil {
			return err
		}
	}
	for i := 0; i < len(gs); i += d {
		if err := s.AdaptArray(op, gs[i:i+d]); err != nil {
			return err
		}
	}
	return nil
}

// Reward applies the rewarded update with gradient g (a valid one, of
// length dim) to Ops[op] and its category adapter, as AdaptWithReward does
// with the input buffer; op must be valid.
func (s *Scoped) Reward(op int, g []float32, improvement float32) error {
	return s.adapt(op, g, "gradient", improvement, true)
}
