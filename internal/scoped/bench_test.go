package scoped

import "testing"

// Sink keeps benchmark results alive so the work cannot be optimised away.
var Sink float32

func benchScoped(b *testing.B) *Scoped {
	s, err := New(256, 0.1, 0.01)
	if err != nil {
		b.Fatal(err)
	}
	for i := range s.In {
		s.In[i] = float32(i%7-3) / 4
	}
	return s
}

// BenchmarkForwardFallback256 runs forward on an operator still blending in its category.
func BenchmarkForwardFallback256(b *testing.B) {
	s := benchScoped(b)
	for b.Loop() {
		_ = s.Forward(5)
	}
	Sink = s.Out[0]
}

// BenchmarkForwardTrained256 runs forward on an operator past the fallback threshold.
func BenchmarkForwardTrained256(b *testing.B) {
	s := benchScoped(b)
	for range fallbackUpdates {
		_ = s.Adapt(5)
	}
	for b.Loop() {
		_ = s.Forward(5)
	}
	Sink = s.Out[0]
}

func BenchmarkAdapt256(b *testing.B) {
	s := benchScoped(b)
	for b.Loop() {
		_ = s.Adapt(5)
	}
	Sink = s.Ops[5].B0[0]
}

func BenchmarkAdaptWithReward256(b *testing.B) {
	s := benchScoped(b)
	for b.Loop() {
		_ = s.AdaptWithReward(5, 0.7)
	}
	Sink = s.Ops[5].B0[0]
}
