package trajectory

import (
	"math"
	"testing"

	"rvlw/internal/model"
)

// FuzzBuffer records random trajectories, valid and not, into a Buffer and
// the plain model and demands the same statistics and counts.
func FuzzBuffer(f *testing.F) {
	f.Add([]byte{2, 1, 3, 7, 0, 0, 0x20, 0x41, 0, 0, 0xa0, 0x41})
	f.Add([]byte{0, 0, 18, 255, 0, 0, 0, 0, 0, 0, 0x80, 0x7f, 5, 5, 5})
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &model.Reader{B: data}
		capacity, dim := int(r.Byte()%6)+1, int(r.Byte()%3)+1
		b, err := New(int64(capacity), dim)
		if err != nil {
			t.Fatal(err)
		}
		want := &model.Buffer{Capacity: capacity}
		for r.More() {
			if r.Byte()%16 == 0 {
				b.Reset()
				want = &model.Buffer{Capacity: capacity}
				continue
			}
			op, att := int(r.Byte()%19)-1, int(r.Byte())+int(r.Byte()%2)*200
			exec, base := r.Float32(), r.Float32()
			err := b.Record(r.Vec(dim), op, att, exec, base)
			finite := func(v float32) bool { return v >= 0 && !math.IsInf(float64(v), 0) }
			valid := op >= 0 && op < 17 && att <= 255 && finite(exec) && finite(base)
			if valid != (err == nil) {
				t.Fatalf("record(op %d, att %d, %v, %v) error %v", op, att, exec, base, err)
			}
			if valid {
				want.Record(op, att, exec, base)
			}
			if b.Count != want.Count || b.Len != len(want.Ops) || int(b.BestAttention) != want.BestAttention {
				t.Fatalf("count %d len %d best_attention %d, model %d %d %d", b.Count, b.Len, b.BestAttention, want.Count, len(want.Ops), want.BestAttention)
			}
			for _, p := range [][2]float32{{b.Mean, want.Mean}, {b.Best, want.Best}, {b.SuccessRate, want.SuccessRate}, {b.Variance(), want.Variance()}} {
				if !model.SameBits(p[0], p[1]) {
					t.Fatalf("statistic %v, model %v", p[0], p[1])
				}
			}
			for _, th := range []float32{-1, 0, 0.5, 0.9} {
				if n, _ := b.HighQualityCount(th); n != want.HighQuality(th) {
					t.Fatalf("high_quality_count(%v) = %d, model %d", th, n, want.HighQuality(th))
				}
			}
			for op := range 17 {
				n, _ := b.CountByOperator(op)
				m := 0
				for _, o := range want.Ops {
					if o == op {
						m++
					}
				}
				if n != m {
					t.Fatalf("count_by_operator(%d) = %d, model %d", op, n, m)
				}
			}
		}
	})
}
