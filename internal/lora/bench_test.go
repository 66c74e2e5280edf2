package lora

import "testing"

// Sink keeps benchmark results alive so the work cannot be optimised away.
var Sink float32

func benchMicro(b *testing.B) *Micro {
	m, err := NewMicro(256, 0.1, 0.01)
	if err != nil {
		b.Fatal(err)
	}
	copy(m.In, ramp(256))
	return m
}

func BenchmarkForward256(b *testing.B) {
	m := benchMicro(b)
	for b.Loop() {
		m.Forward()
	}
	Sink = m.Out[0]
}

func BenchmarkForwardInto256(b *testing.B) {
	m := benchMicro(b)
	x, y := ramp(256), make([]float32, 256)
	for b.Loop() {
		_ = m.ForwardInto(x, y)
	}
	Sink = y[0]
}

func BenchmarkAdapt256(b *testing.B) {
	m := benchMicro(b)
	for b.Loop() {
		_ = m.Adapt()
	}
	Sink = m.B0[0]
}

func BenchmarkAdaptWithReward256(b *testing.B) {
	m := benchMicro(b)
	for b.Loop() {
		_ = m.AdaptWithReward(0.5)
	}
	Sink = m.B0[0]
}

func BenchmarkDeltaNorm256(b *testing.B) {
	m := benchMicro(b)
	_ = m.Adapt()
	for b.Loop() {
		Sink = m.DeltaNorm()
	}
}
