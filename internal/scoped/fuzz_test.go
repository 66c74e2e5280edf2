package scoped

import (
	"testing"

	"rvlw/internal/model"
)

// FuzzScoped runs random operation sequences on a Scoped and on the plain
// model and demands the same outputs, counters and errors.
func FuzzScoped(f *testing.F) {
	f.Add([]byte{2, 0, 3, 0, 0, 0x80, 0x3f, 0, 0, 0, 0x40, 1, 3, 0, 0, 0x80, 0x3f, 9, 9, 9, 9})
	f.Add([]byte{1, 1, 20, 0, 0, 0xc0, 0x7f, 2, 5, 0, 0, 0x80, 0x7f, 0, 0, 0, 0x3f, 4, 5, 5})
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &model.Reader{B: data}
		d := int(r.Byte()%8) + 1
		s, err := New(d, 0.5, 0.2)
		if err != nil {
			t.Fatal(err)
		}
		want := model.NewScoped(d, 0.5, 0.2)
		for r.More() {
			op := int(r.Byte()%19) - 1 // -1 and 17 are invalid
			valid := op >= 0 && op < NumOps
			switch r.Byte() % 6 {
			case 0:
				x := r.Vec(d)
				y := make([]float32, d)
				err := s.ForwardInto(op, x, y)
				if valid != (err == nil) {
					t.Fatalf("forward(%d) error %v", op, err)
				}
				if valid {
					for i, v := range want.Forward(op, x) {
						if !model.SameBits(v, y[i]) {
							t.Fatalf("forward(%d)[%d] = %v, model %v", op, i, y[i], v)
						}
					}
				}
			case 1, 2:
				g := r.Vec(d)
				err := s.AdaptArray(op, g)
				if ok := valid && model.Valid(g); ok != (err == nil) {
					t.Fatalf("adapt_array(%d) error %v", op, err)
				}
				if err == nil {
					want.Ops[op].Update(g, 0.2)
					want.Cats[model.Category[op]].Update(g, 0.2)
				}
			case 3:
				copy(s.In, r.Vec(d))
				imp := r.Float32()
				err := s.AdaptWithReward(op, imp)
				if ok := valid && model.Valid(s.In) && imp == imp; ok != (err == nil) {
					t.Fatalf("adapt_with_reward(%d, %v) error %v", op, imp, err)
				}
				if err == nil {
					want.Ops[op].Reward(s.In, imp)
					want.Cats[model.Category[op]].Reward(s.In, imp)
				}
			case 4:
				if err := s.ResetScope(op); valid != (err == nil) {
					t.Fatalf("reset_scope(%d) error %v", op, err)
				}
				if valid {
					want.Ops[op].Reset()
					want.Forwards[op] = 0
				}
			case 5:
				s.Fallback = !s.Fallback
				want.Fallback = !want.Fallback
			}
			for i := range NumOps {
				if s.Forwards[i] != want.Forwards[i] || s.Ops[i].Count != want.Ops[i].Count {
					t.Fatalf("op %d counts %d/%d, model %d/%d", i, s.Forwards[i], s.Ops[i].Count, want.Forwards[i], want.Ops[i].Count)
				}
				if !model.SameBits(s.Ops[i].DeltaNorm(), want.Ops[i].DeltaNorm()) {
					t.Fatalf("delta_norm(%d) %v, model %v", i, s.Ops[i].DeltaNorm(), want.Ops[i].DeltaNorm())
				}
			}
		}
	})
}
