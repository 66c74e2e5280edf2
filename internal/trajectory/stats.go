package trajectory

// Stats are the running statistics over every record since the last reset,
// evicted ones included. All arithmetic is float32 Welford, as in docs/SEMANTICS.md §5.3.
type Stats struct {
	_             [0]func() // not comparable: the wasm then needs no equality function
	Count         uint64
	Mean          float32
	VarAcc        float32
	Best          float32
	BestAttention uint8
	SuccessRate   float32
}

// add folds one improvement in: n = f32(count), m = n+1, delta = x-mean,
// mean += delta/m, varAcc += delta*(x-mean), best/bestAttention when x > best,
// successRate = (successRate*n + [x > 0]) / m, count += 1. It is small
// enough to inline into RecordSpare.
func (s *Stats) add(x float32, attention uint8) {
	n := float32(s.Count)
	m := n + 1
	delta := x - s.Mean
	s.Mean += delta / m
	s.VarAcc += float32(delta * (x - s.Mean))
	if x > s.Best {
		s.Best, s.BestAttention = x, attention
	}
	// An integer: Go's wasm picks it with a select, which it makes only of
	// integers, rather than a branch.
	var success uint32
	if x > 0 {
		success = 1
	}
	s.SuccessRate = (float32(s.SuccessRate*n) + float32(success)) / m
	s.Count++
}

// Variance is varAcc / f32(count-1) when count > 1, else 0.
func (s *Stats) Variance() float32 {
	if s.Count <= 1 {
		return 0
	}
	return s.VarAcc / float32(s.Count-1)
}
