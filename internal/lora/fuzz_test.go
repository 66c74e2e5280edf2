package lora

import (
	"math"
	"testing"

	"rvlw/internal/argerr"
	"rvlw/internal/model"
)

// FuzzMicro runs random operation sequences on a Micro and on the model and
// demands the same outputs, counters and errors; the engine never panics.
func FuzzMicro(f *testing.F) {
	f.Add([]byte{3, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
	f.Add([]byte{1, 1, 0x00, 0x00, 0x80, 0x3f, 2, 0x00, 0x00, 0xc0, 0x7f, 3, 0, 0, 0, 0x40, 4})
	f.Add([]byte{8, 2, 0xff, 0xff, 0xff, 0x7f, 1, 9, 9, 9, 9, 3, 0, 0, 0x80, 0x7f})
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &model.Reader{B: data}
		d := int(r.Byte()%16) + 1
		alpha, lr := float32(0.5), float32(0.1)
		m, err := NewMicro(d, alpha, lr)
		if err != nil {
			t.Fatal(err)
		}
		want := model.NewPair(d, alpha, lr)
		var forwards, adapts uint64
		for r.More() {
			switch r.Byte() % 5 {
			case 0:
				x := r.Vec(d)
				y := make([]float32, d)
				if err := m.ForwardInto(x, y); err != nil {
					t.Fatal(err)
				}
				forwards++
				for i, v := range want.Forward(x) {
					if !model.SameBits(v, y[i]) {
						t.Fatalf("forward[%d] = %v, model %v", i, y[i], v)
					}
				}
			case 1, 2:
				g := r.Vec(d)
				err := m.AdaptArray(g)
				if model.Valid(g) != (err == nil) {
					t.Fatalf("adapt_array error %v for gradient %v", err, g)
				}
				if err == nil {
					want.Update(g, lr)
					adapts++
				}
			case 3:
				copy(m.In, r.Vec(d))
				imp := r.Float32()
				err := m.AdaptWithReward(imp)
				if valid := model.Valid(m.In) && imp == imp; valid != (err == nil) {
					t.Fatalf("adapt_with_reward(%v) error %v", imp, err)
				}
				if err == nil {
					want.Reward(m.In, imp)
					adapts++
				}
			case 4:
				m.Reset()
				want.Reset()
				forwards, adapts = 0, 0
			}
			if m.Count != want.Count || m.Forwards != forwards || m.Adapts != adapts {
				t.Fatalf("counts %d/%d/%d, model %d/%d/%d", m.Count, m.Forwards, m.Adapts, want.Count, forwards, adapts)
			}
			if !model.SameBits(m.DeltaNorm(), want.DeltaNorm()) {
				t.Fatalf("delta_norm %v, model %v", m.DeltaNorm(), want.DeltaNorm())
			}
		}
	})
}

// FuzzConfig checks that NewMicro accepts exactly the valid configurations
// and names the first bad argument.
func FuzzConfig(f *testing.F) {
	f.Add(int64(256), float32(0.1), float32(0.01))
	f.Add(int64(0), float32(math.NaN()), float32(1))
	f.Add(int64(8193), float32(1), float32(math.Inf(-1)))
	f.Fuzz(func(t *testing.T, dim int64, alpha, lr float32) {
		if dim > 1<<16 || dim < -1<<16 {
			dim %= 1 << 16 // keep allocations small
		}
		m, err := NewMicro(int(dim), alpha, lr)
		var want string
		switch {
		case dim < 1 || dim > MaxDim:
			want = "dim"
		case alpha != alpha || math.IsInf(float64(alpha), 0):
			want = "alpha"
		case lr != lr || math.IsInf(float64(lr), 0):
			want = "learning_rate"
		}
		if want == "" {
			if err != nil || m.Dim() != int(dim) {
				t.Fatalf("valid config rejected: %v", err)
			}
			return
		}
		ae, ok := err.(*argerr.Error)
		if !ok || ae.Arg != want || ae.Kind != argerr.Range {
			t.Fatalf("got %v, want a RangeError for %s", err, want)
		}
	})
}
