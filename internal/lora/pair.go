package lora

import (
	"math"
	"unsafe"
)

// MaxDim is the largest dimension an adapter accepts (the reference caps at 256).
const MaxDim = 8192

// Pair is one rank-2 adapter, y = x + alpha * (x·A)·B, with A = [A0 A1] and
// B = [B0; B1] stored as four vectors of length d (docs/SEMANTICS.md §2).
type Pair struct {
	A0, A1, B0, B1 []float32
	Alpha, LR      float32
	// C0 and C1 are Σ A0 and Σ A1 (sequential float32 sums), fixed with A.
	C0, C1 float32
	// Count is the number of updates applied (skipped ones excluded).
	Count uint64
}

// NewPair returns an adapter of dimension d >= 1 with the reference's
// deterministic A: A0[i] = Rand01(i)*s - s/2, A1[i] = Rand01(i+1000)*s - s/2,
// s = InitScale(d), and B = 0. The four vectors share one allocation.
func NewPair(d int, alpha, lr float32) *Pair {
	all := make([]float32, 4*d)
	p := &Pair{
		A0: all[0*d : 1*d : 1*d], A1: all[1*d : 2*d : 2*d],
		B0: all[2*d : 3*d : 3*d], B1: all[3*d : 4*d : 4*d],
		Alpha: alpha, LR: lr,
	}
	s := InitScale(d)
	half := s / 2
	for i := range d {
		p.A0[i] = float32(Rand01(uint32(i))*s) - half
		p.A1[i] = float32(Rand01(uint32(i)+1000)*s) - half
	}
	p.SumA()
	return p
}

// NewPairs returns n >= 1 adapters equal to NewPair(d, alpha, lr) each,
// computing their common initial A once: ps[i] = ps[0] with its own vectors.
func NewPairs(n, d int, alpha, lr float32) []*Pair {
	ps := make([]*Pair, n)
	ps[0] = NewPair(d, alpha, lr)
	for i := 1; i < n; i++ {
		all := make([]float32, 4*d)
		p := *ps[0]
		p.A0, p.A1 = all[0*d:1*d:1*d], all[1*d:2*d:2*d]
		p.B0, p.B1 = all[2*d:3*d:3*d], all[3*d:4*d:4*d]
		copy(p.A0, ps[0].A0)
		copy(p.A1, ps[0].A1)
		ps[i] = &p
	}
	return ps
}

// SumA recomputes C0 = Σ A0 and C1 = Σ A1 in index order; call it after A changes.
func (p *Pair) SumA() {
	var c0, c1 float32
	for i, v := range p.A0 {
		c0 += v
		c1 += p.A1[i]
	}
	p.C0, p.C1 = c0, c1
}

// Dim is the adapter's dimension d.
func (p *Pair) Dim() int { return len(p.A0) }

// ParamCount is 2*max(d, 256) + 2*d. The reference stores A in arrays sized
// for its maximum dimension 256 and counts them whole, so it reports 512 + 2*d
// for d <= 256 (docs/SEMANTICS.md §2.8: "4*d" holds only at d = 256); above 256 both
// terms are 2*d and the count is 4*d.
func (p *Pair) ParamCount() int { return 2*max(len(p.A0), 256) + 2*len(p.A0) }

// Forward computes y = x + alpha*(l0*B0 + l1*B1) with l0 = Σ x[i]*A0[i] and
// l1 = Σ x[i]*A1[i], summed in index order (kernel forward). x and y have
// length d; they may be the same slice. It inlines, so a hot caller reaches
// the kernel with no Go call between; the kernel reads A, B, alpha and d from
// p, whose four vectors have length d (NewPair and the decoders make them so).
func (p *Pair) Forward(x, y []float32) {
	d := len(p.A0)
	forward(p, &x[:d][0], &y[:d][0])
}

// skipNorm is the threshold below which an update is skipped.
const skipNorm = 1e-16

// Update applies B0[j] += (r*c0)*n, B1[j] += (r*c1)*n with n = g[j]*(1/fast_sqrt(gs))
// (kernel axpy2), c0 = C0 = Σ A0, c1 = C1 = Σ A1, and counts it, unless
// gs = Σ g² < 1e-16. gs is GradientNorm(g)'s sum, passed in because callers have
// already computed it to validate g. It reports whether the update was
// applied. len(g) must be d. (The hot calls use learn and learn2 instead,
// which do GradientNorm and Update in one kernel call.)
func (p *Pair) Update(g []float32, gs, r float32) bool {
	if gs < skipNorm {
		return false
	}
	g = g[:len(p.B0)]
	axpy2(unsafe.SliceData(p.B0), unsafe.SliceData(p.B1), unsafe.SliceData(g), len(g), 1/FastSqrt(gs), r*p.C0, r*p.C1)
	p.Count++
	return true
}

// Learn2 is GradientNorm(g), then Update(g, gs, ra) on a and Update(g, gs, rc)
// on c, in one kernel call (learn2). It returns Σ g², or +Inf when len(g) is
// not the dimension of both adapters; above MaxFloat32, nothing has changed.
// (It inlines, so the caller compares.)
func Learn2(a, c *Pair, g []float32, ra, rc float32) (gs float32) {
	if len(g) != len(a.B0) {
		return inf
	}
	return learn2(a, c, unsafe.SliceData(g), ra, rc)
}

// inf is float32 +Inf.
var inf = float32(math.Inf(1))

// RewardRate is lr * min(improvement, 2), the learning rate of a rewarded
// update. Callers pass improvement > 0, never NaN, so a comparison does what
// the float min builtin would, without linking runtime.fmin32.
func (p *Pair) RewardRate(improvement float32) float32 {
	if improvement > 2 {
		improvement = 2
	}
	return p.LR * improvement
}

// DeltaNorm is fast_sqrt(Σ (B0[i]*B0[i] + B1[i]*B1[i])) * alpha.
func (p *Pair) DeltaNorm() float32 {
	var s float32
	for i, v := range p.B0 {
		w := p.B1[i]
		s += float32(v*v) + float32(w*w)
	}
	return FastSqrt(s) * p.Alpha
}

// Reset zeroes B and the update count; A is kept. (Not inlined: the
// resets are no hot calls, and each inlined copy of the two clears costs
// the wasm more than the call.)
//
//go:noinline
func (p *Pair) Reset() {
	clear(p.B0)
	clear(p.B1)
	p.Count = 0
}

// ForwardBlend computes y[i] = p[i]*w + q[i]*(1-w) with p = a.Forward(x) and
// q = c.Forward(x), in one kernel call (forwardBlend: both adapters' sums in
// one pass over x, then y) but with exactly the roundings of the two
// forwards and the blend done apart. x and y have length d, the dimension of
// a and c, and must not overlap. It inlines, like Forward.
func ForwardBlend(a, c *Pair, x, y []float32, w float32) {
	forwardBlend(a, c, &x[:len(a.A0)][0], &y[:len(a.A0)][0], w)
}
