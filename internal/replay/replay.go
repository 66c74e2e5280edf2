// Package replay teaches a WasmScopedLoRA from a WasmTrajectoryBuffer's
// stored trajectories (learn_from).
package replay

import (
	"math"

	"rvlw/internal/argerr"
	"rvlw/internal/lora"
	"rvlw/internal/scoped"
	"rvlw/internal/trajectory"
)

// LearnFrom replays b's stored trajectories from oldest to newest: each
// with improvement > 0 and quality > minQuality is applied to s as
// adapt_with_reward(op_type, embedding, improvement). It returns how many
// were applied. An embedding holding NaN or ±Inf cannot be a gradient and
// is passed over.
func LearnFrom(s *scoped.Scoped, b *trajectory.Buffer, minQuality float32) (int, error) {
	if b.EmbeddingDim() != s.Dim() {
		return 0, argerr.NewRange("buffer", "must have embedding_dim() equal to dim() = "+argerr.Itoa(s.Dim()))
	}
	if math.IsNaN(float64(minQuality)) {
		return 0, argerr.NewRange("min_quality", "must not be NaN")
	}
	applied := 0
	for i := range b.Len {
		slot := b.Slot(i)
		imp := b.Improvements[slot]
		g := b.Embedding(slot)
		if !(imp > 0) || !(trajectory.Quality(imp) > minQuality) {
			continue
		}
		if _, finite := lora.GradientNorm(g, len(g)); !finite {
			continue
		}
		if err := s.Reward(int(b.Ops[slot]), g, imp); err != nil {
			return applied, err
		}
		applied++
	}
	return applied, nil
}
