package scoped

import (
	"rvlw/internal/argerr"
	"rvlw/internal/lora"
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
// Every row is checked first, so a bad row changes nothing; norms, of at
// least len(gs)/Dim() floats, holds the rows' squared norms meanwhile.
func (s *Scoped) AdaptBatch(op int, gs, norms []float32) error {
	if err := CheckOp(op); err != nil {
		return err
	}
	norms, err := lora.CheckRowGradients("gradients", gs, s.Dim(), norms[:0])
	if err != nil {
		return err
	}
	a, c, d := s.Ops[op], s.Categories[Category(op)], s.Dim()
	for i, gn := range norms {
		g := gs[i*d : (i+1)*d]
		a.Update(g, gn, a.LR)
		c.Update(g, gn, c.LR)
	}
	return nil
}

// Reward applies the rewarded update with gradient g (a valid one, of
// length dim) to Ops[op] and its category adapter, as AdaptWithReward does
// with the input buffer; op must be valid.
func (s *Scoped) Reward(op int, g []float32, improvement float32) error {
	return s.adapt(op, g, "gradient", improvement, true)
}
