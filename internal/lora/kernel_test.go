package lora

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// The reference loops of docs/SEMANTICS.md §2.3 and §2.4, written out plainly; the kernels (wasm
// assembly under js/wasm) must agree with them bit for bit.

func refDot2(x, a0, a1 []float32) (l0, l1 float32) {
	for i := range x {
		l0 = l0 + float32(x[i]*a0[i])
		l1 = l1 + float32(x[i]*a1[i])
	}
	return l0, l1
}

func refProject(x, y, b0, b1 []float32, l0, l1, alpha float32) {
	for i := range x {
		y[i] = x[i] + float32(alpha*float32(float32(l0*b0[i])+float32(l1*b1[i])))
	}
}

func refAxpy2(b0, b1, g []float32, inv, s0, s1 float32) {
	for j := range g {
		n := g[j] * inv
		b0[j] = b0[j] + float32(s0*n)
		b1[j] = b1[j] + float32(s1*n)
	}
}

// vector returns n values mixing ordinary numbers with guard values that
// expose a wrong operation order (large and tiny magnitudes, signed zeros).
func vector(r *rand.Rand, n int) []float32 {
	special := []float32{0, float32(math.Copysign(0, -1)), 1e30, -1e30, 1e-30, 3.4e38, -1, 1,
		float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.NaN())}
	v := make([]float32, n)
	for i := range v {
		if r.IntN(8) == 0 {
			v[i] = special[r.IntN(len(special))]
		} else {
			v[i] = float32(r.NormFloat64() * math.Pow(10, float64(r.IntN(7)-3)))
		}
	}
	return v
}

// bitsOf is the bit patterns of v with every NaN as 0x7fc00000: which NaN an
// operation returns depends on the operand order the engine or compiler
// picks, which Go does not pin down; the JS differential and property tests
// compare NaN bits against the reference on the same engine.
func bitsOf(v []float32) []uint32 {
	b := make([]uint32, len(v))
	for i, f := range v {
		b[i] = math.Float32bits(f)
		if f != f {
			b[i] = 0x7fc00000
		}
	}
	return b
}

func TestKernelsMatchReferenceLoops(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 31, 64, 255, 256, 257, 1000} {
		for range 20 {
			x, a0, a1, b0, b1 := vector(r, n), vector(r, n), vector(r, n), vector(r, n), vector(r, n)

			alpha := vector(r, 1)[0]
			y, want := make([]float32, n+1), make([]float32, n+1)
			y[n], want[n] = 42, 42 // guard: nothing is written past n
			p := &Pair{A0: a0, A1: a1, B0: b0, B1: b1, Alpha: alpha}
			forward(p, &x[0], &y[0])
			l0, l1 := refDot2(x, a0, a1)
			refProject(x, want[:n], b0, b1, l0, l1, alpha)
			require.Equal(t, bitsOf(want), bitsOf(y), "forward, n=%d", n)

			inPlace := append([]float32(nil), x...) // y may be x itself
			forward(p, &inPlace[0], &inPlace[0])
			require.Equal(t, bitsOf(want[:n]), bitsOf(inPlace), "forward in place, n=%d", n)

			out := make([]float32, n+1)
			out[n] = 42
			m := &Micro{Pair: *p, In: x, Out: out[:n], Forwards: 41}
			forwardIO(m) // forward(&m.Pair, In, Out), Forwards += 1
			require.Equal(t, bitsOf(want), bitsOf(out), "forwardIO, n=%d", n)
			require.Equal(t, uint64(42), m.Forwards, "forwardIO's count, n=%d", n)

			var gs float32
			for _, v := range x {
				gs = gs + float32(v*v)
			}
			require.Equal(t, bitsOf([]float32{gs}), bitsOf([]float32{sumSquares(&x[0], n)}), "sumSquares, n=%d", n)

			inv, s0, s1 := vector(r, 1)[0], vector(r, 1)[0], vector(r, 1)[0]
			c0, c1 := append(append([]float32(nil), b0...), 7), append(append([]float32(nil), b1...), 7)
			axpy2(&c0[0], &c1[0], &x[0], n, inv, s0, s1)
			refAxpy2(b0, b1, x, inv, s0, s1)
			require.Equal(t, bitsOf(append(b0, 7)), bitsOf(c0), "axpy2 b0, n=%d", n)
			require.Equal(t, bitsOf(append(b1, 7)), bitsOf(c1), "axpy2 b1, n=%d", n)
		}
	}
}

// TestLearnIsGradientNormThenUpdate checks the fused kernels (learn, and
// learn2 on two adapters with their own rates and sums of A) against the
// steps they replace, with gradients whose squared norm sits on each side of
// the skip threshold (1e-16) and of MaxFloat32, where they must change nothing.
func TestLearnIsGradientNormThenUpdate(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	pair := func(n int, count uint64) (p, want *Pair) {
		p = NewPair(n, 0.5, 0.01)
		copy(p.B0, vector(r, n))
		copy(p.B1, vector(r, n))
		p.C0, p.C1 = p.C0*float32(count), p.C1-float32(count)
		p.Count = count
		w := *p
		w.B0, w.B1 = append([]float32(nil), p.B0...), append([]float32(nil), p.B1...)
		return p, &w
	}
	same := func(want, got *Pair, what string) {
		t.Helper()
		require.Equal(t, bitsOf(want.B0), bitsOf(got.B0), "B0, %s", what)
		require.Equal(t, bitsOf(want.B1), bitsOf(got.B1), "B1, %s", what)
		require.Equal(t, want.Count, got.Count, "Count, %s", what)
	}
	check := func(g []float32, rate float32, what string) {
		t.Helper()
		n := len(g)
		gs, ok := GradientNorm(g, n)
		p, want := pair(n, 7)
		a, wantA := pair(n, 3)
		c, wantC := pair(n, 9)
		if ok {
			want.Update(g, gs, rate)
			wantA.Update(g, gs, rate)
			wantC.Update(g, gs, 0.25-rate)
		}
		got := learn(p, &g[0], rate)
		require.Equal(t, bitsOf([]float32{gs}), bitsOf([]float32{got}), "gs, %s", what)
		same(want, p, what)
		got = learn2(a, c, &g[0], rate, 0.25-rate)
		require.Equal(t, bitsOf([]float32{gs}), bitsOf([]float32{got}), "learn2 gs, %s", what)
		same(wantA, a, "learn2 a, "+what)
		same(wantC, c, "learn2 c, "+what)
	}
	var edges []float32 // around the square roots of both bounds
	for _, e := range []float32{1e-8, float32(math.Sqrt(math.MaxFloat32))} {
		for k := -40; k <= 40; k++ {
			edges = append(edges, math.Float32frombits(uint32(int(math.Float32bits(e))+k)))
		}
	}
	for _, n := range []int{1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 64, 255, 256, 257} {
		for trial := range 60 {
			g := vector(r, n) // ordinary and guard values, often not finite in Σ g²
			switch {
			case trial >= 40: // one edge value, the rest zero
				clear(g)
				g[r.IntN(n)] = edges[r.IntN(len(edges))]
			case trial >= 20:
				for i := range g {
					g[i] = float32(r.NormFloat64())
				}
			}
			rate := []float32{0.01, -0.5, 0, 3e38, float32(math.Inf(1))}[trial%5]
			check(g, rate, fmt.Sprintf("n=%d trial=%d", n, trial))
		}
	}
	// Σ g² exactly MaxFloat32 still updates; one ulp more in g[1] makes it +Inf.
	top, b := float32(1.8446743e19), float32(4.5035996e15)
	require.Equal(t, float32(math.MaxFloat32), top*top+b*b)
	check([]float32{top, b, 0.5}, 1e-30, "sum of squares MaxFloat32")
	check([]float32{top, math.Nextafter32(b, 1e30)}, 1e-30, "sum of squares past MaxFloat32")

	// Adapters or a gradient of another dimension: +Inf, and nothing changes.
	a, wantA := pair(4, 1)
	c, wantC := pair(5, 2)
	g := []float32{1, 2, 3, 4, 5}
	require.Equal(t, float32(math.Inf(1)), learn2(a, c, &g[0], 0.1, 0.1), "learn2 with len(c.B0) != len(a.B0)")
	require.Equal(t, float32(math.Inf(1)), Learn2(a, a, g, 0.1, 0.1), "Learn2 with len(g) != len(a.B0)")
	same(wantA, a, "learn2 refusing, a")
	same(wantC, c, "learn2 refusing, c")
}

func TestForwardBlendMatchesSeparatePasses(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{1, 3, 4, 5, 9, 64, 255, 256} {
		a, c := NewPair(n, 0.7, 0.1), NewPair(n, -1.25, 0.1)
		copy(a.B0, vector(r, n))
		copy(a.B1, vector(r, n))
		copy(c.B0, vector(r, n))
		copy(c.B1, vector(r, n))
		for _, w := range []float32{0, 0.1, 0.3, 0.9} {
			x := vector(r, n)
			p, q := make([]float32, n), make([]float32, n)
			a.Forward(x, p)
			c.Forward(x, q)
			want := make([]float32, n+1)
			for i := range n {
				want[i] = float32(p[i]*w) + float32(q[i]*(1-w))
			}
			y := make([]float32, n+1) // y[n] is a guard
			ForwardBlend(a, c, x, y, w)
			require.Equal(t, bitsOf(want), bitsOf(y), "n=%d w=%v", n, w)
		}
	}
}
