// Package model is docs/SEMANTICS.md §1–§5 written as plainly as possible: one loop per
// formula, no caching, no kernels, no validation beyond what the formulas
// need. Fuzz tests run the real learners against it.
package model

import "math"

// fastSqrt is the approximate square root of docs/SEMANTICS.md §1.2.
func fastSqrt(x float32) float32 {
	if x <= 0 {
		return 0
	}
	y := math.Float32frombits(0x5f3759df - math.Float32bits(x)>>1)
	return float32(x*y) * (1.5 - float32(float32(float32(0.5*x)*y)*y))
}

// rand01 is the xorshift32 in [0, 1] of docs/SEMANTICS.md §1.3.
func rand01(seed uint32) float32 {
	x := seed
	x ^= x << 13
	x ^= x >> 17
	x ^= x << 5
	return float32(x) / float32(4294967295)
}

// Pair is one adapter (docs/SEMANTICS.md §2).
type Pair struct {
	A0, A1, B0, B1 []float32
	Alpha, LR      float32
	Count          uint64
}

// NewPair initialises A as docs/SEMANTICS.md §2.2 writes it.
func NewPair(d int, alpha, lr float32) *Pair {
	p := &Pair{make([]float32, d), make([]float32, d), make([]float32, d), make([]float32, d), alpha, lr, 0}
	scale := float32(math.Sqrt(float64(float32(2)/float32(d)))) * 0.1
	for i := range d {
		p.A0[i] = float32(rand01(uint32(i))*scale) - scale/2
		p.A1[i] = float32(rand01(uint32(i+1000))*scale) - scale/2
	}
	return p
}

// Forward returns x + alpha*(x·A)·B.
func (p *Pair) Forward(x []float32) []float32 {
	var l0, l1 float32
	for i := range x {
		l0 = l0 + float32(x[i]*p.A0[i])
		l1 = l1 + float32(x[i]*p.A1[i])
	}
	y := make([]float32, len(x))
	for i := range x {
		y[i] = x[i] + float32(p.Alpha*float32(float32(l0*p.B0[i])+float32(l1*p.B1[i])))
	}
	return y
}

// SquaredNorm is Σ g[i]*g[i].
func SquaredNorm(g []float32) float32 {
	var gs float32
	for _, v := range g {
		gs = gs + float32(v*v)
	}
	return gs
}

// Valid reports whether g is an acceptable gradient (finite squared norm).
func Valid(g []float32) bool {
	gs := SquaredNorm(g)
	return !math.IsNaN(float64(gs)) && !math.IsInf(float64(gs), 0)
}

// Update applies the update of docs/SEMANTICS.md §2.4 with rate r (g must be Valid).
func (p *Pair) Update(g []float32, r float32) {
	gs := SquaredNorm(g)
	if gs < 1e-16 {
		return
	}
	inv := 1 / fastSqrt(gs)
	var c0, c1 float32
	for i := range p.A0 {
		c0 = c0 + p.A0[i]
		c1 = c1 + p.A1[i]
	}
	for j := range g {
		n := g[j] * inv
		p.B0[j] = p.B0[j] + float32(float32(r*c0)*n)
		p.B1[j] = p.B1[j] + float32(float32(r*c1)*n)
	}
	p.Count++
}

// Reward applies adapt_with_reward(g, improvement) (improvement not NaN).
func (p *Pair) Reward(g []float32, improvement float32) {
	if improvement > 0 {
		p.Update(g, p.LR*min(improvement, 2))
	}
}

// DeltaNorm is fast_sqrt(Σ B0²+B1²) * alpha.
func (p *Pair) DeltaNorm() float32 {
	var s float32
	for i := range p.B0 {
		s = s + (float32(p.B0[i]*p.B0[i]) + float32(p.B1[i]*p.B1[i]))
	}
	return fastSqrt(s) * p.Alpha
}

// Reset zeroes B and the count.
func (p *Pair) Reset() {
	clear(p.B0)
	clear(p.B1)
	p.Count = 0
}

// Category is the operator → category table of docs/SEMANTICS.md §4.1.
var Category = [17]int{0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6}

// Scoped is the manager of docs/SEMANTICS.md §4.
type Scoped struct {
	Ops      [17]*Pair
	Cats     [7]*Pair
	Forwards [17]uint64
	Fallback bool
}

// NewScoped makes 24 fresh adapters with fallback on.
func NewScoped(d int, alpha, lr float32) *Scoped {
	s := &Scoped{Fallback: true}
	for i := range s.Ops {
		s.Ops[i] = NewPair(d, alpha, lr)
	}
	for i := range s.Cats {
		s.Cats[i] = NewPair(d, alpha, lr)
	}
	return s
}

// Forward is the forward with the category blend of docs/SEMANTICS.md §4.2.
func (s *Scoped) Forward(op int, x []float32) []float32 {
	s.Forwards[op]++
	a := s.Ops[op]
	y := a.Forward(x)
	if s.Fallback && a.Count < 10 {
		c := s.Cats[Category[op]].Forward(x)
		w := min(float32(a.Count)/10, 1)
		for i := range y {
			y[i] = float32(y[i]*w) + float32(c[i]*(1-w))
		}
	}
	return y
}

// Buffer is the trajectory buffer of docs/SEMANTICS.md §5, keeping every record in a slice.
type Buffer struct {
	Capacity                        int
	Improvements                    []float32
	Ops                             []int
	Count                           uint64
	Mean, VarAcc, Best, SuccessRate float32
	BestAttention                   int
}

// Record folds one record in and keeps the last Capacity ones.
func (b *Buffer) Record(op, attention int, exec, base float32) {
	var imp float32
	if exec > 0 {
		imp = base/exec - 1
	}
	n := float32(b.Count)
	m := n + 1
	delta := imp - b.Mean
	b.Mean = b.Mean + delta/m
	b.VarAcc = b.VarAcc + float32(delta*(imp-b.Mean))
	if imp > b.Best {
		b.Best, b.BestAttention = imp, attention
	}
	var s float32
	if imp > 0 {
		s = 1
	}
	b.SuccessRate = (float32(b.SuccessRate*n) + s) / m
	b.Count++
	b.Improvements = append(b.Improvements, imp)
	b.Ops = append(b.Ops, op)
	if len(b.Ops) > b.Capacity {
		b.Improvements, b.Ops = b.Improvements[1:], b.Ops[1:]
	}
}

// Variance is var_acc / (count-1), 0 below two records.
func (b *Buffer) Variance() float32 {
	if b.Count <= 1 {
		return 0
	}
	return b.VarAcc / float32(b.Count-1)
}

// HighQuality counts stored records with clamp((imp+1)/2, 0, 1) > t.
func (b *Buffer) HighQuality(t float32) int {
	n := 0
	for _, imp := range b.Improvements {
		if min(max((imp+1)/2, 0), 1) > t {
			n++
		}
	}
	return n
}
