//go:build !wasm

package lora

import (
	"math"
	"unsafe"
)

// The kernels in plain Go. On wasm, kernel_wasm.s implements the same loops
// in hand-written wasm, in the same order.

// forward is l0 = Σ x[i]*a0[i], l1 = Σ x[i]*a1[i], summed in index order, then
// y[i] = x[i] + alpha*((l0*b0[i]) + (l1*b1[i])), with a0, a1, b0, b1, alpha
// and n = len(a0) from p (the wasm kernel reads them as its fields).
func forward(p *Pair, x, y *float32) {
	n := len(p.A0)
	xs, ys := unsafe.Slice(x, n), unsafe.Slice(y, n)
	as0, as1, bs0, bs1, alpha := p.A0, p.A1[:n], p.B0[:n], p.B1[:n], p.Alpha
	var l0, l1 float32
	for i, v := range xs {
		l0 += float32(v * as0[i])
		l1 += float32(v * as1[i])
	}
	for i, v := range xs {
		ys[i] = v + float32(alpha*float32(float32(l0*bs0[i])+float32(l1*bs1[i])))
	}
}

// forwardIO is forward(&m.Pair, In, Out) and then Forwards += 1.
func forwardIO(m *Micro) {
	forward(&m.Pair, unsafe.SliceData(m.In), unsafe.SliceData(m.Out))
	m.Forwards++
}

// sumSquares is Σ v[i]*v[i] in index order. (In wasm assembly g names a
// register, so the kernels call a gradient v.)
func sumSquares(v *float32, n int) float32 {
	var gs float32
	for _, e := range unsafe.Slice(v, n) {
		gs += float32(e * e)
	}
	return gs
}

// axpy2 is b0[j] += s0*(v[j]*inv), b1[j] += s1*(v[j]*inv).
func axpy2(b0, b1, v *float32, n int, inv, s0, s1 float32) {
	bs0, bs1 := unsafe.Slice(b0, n), unsafe.Slice(b1, n)
	for j, e := range unsafe.Slice(v, n) {
		m := e * inv
		bs0[j] += float32(s0 * m)
		bs1[j] += float32(s1 * m)
	}
}

// forwardBlend is y[i] = p[i]*w + q[i]*v with v = 1-w, p and q forward's outputs
// for a and for c on x, every step rounded as in forward: their four sums
// l0, l1 (over a's A) and m0, m1 (over c's A) in one pass over x, each in
// index order, then y in a second. When len(c.A0) != len(a.A0) it returns
// and y is left as it was.
func forwardBlend(a, c *Pair, x, y *float32, w float32) {
	n, v := len(a.A0), 1-w
	if len(c.A0) != n {
		return
	}
	xs, ys := unsafe.Slice(x, n), unsafe.Slice(y, n)
	as0, as1, cs0, cs1 := a.A0, a.A1[:n], c.A0[:n], c.A1[:n]
	bs0, bs1, ds0, ds1 := a.B0[:n], a.B1[:n], c.B0[:n], c.B1[:n]
	var l0, l1, m0, m1 float32
	for i, e := range xs {
		l0 += float32(e * as0[i])
		l1 += float32(e * as1[i])
		m0 += float32(e * cs0[i])
		m1 += float32(e * cs1[i])
	}
	for i, e := range xs {
		p := e + float32(a.Alpha*float32(float32(l0*bs0[i])+float32(l1*bs1[i])))
		q := e + float32(c.Alpha*float32(float32(m0*ds0[i])+float32(m1*ds1[i])))
		ys[i] = float32(p*w) + float32(q*v)
	}
}

// learn is gs = Σ v[j]*v[j] in index order, then, when 1e-16 <= gs <= MaxFloat32,
// B0[j] += (r*C0)*(v[j]*(1/FastSqrt(gs))), B1[j] += (r*C1)*(v[j]*(1/FastSqrt(gs)))
// and Count += 1, with d = len(B0), B0, B1, C0, C1 and Count from p:
// GradientNorm and Update in one call.
func learn(p *Pair, v *float32, r float32) (gs float32) {
	n := len(p.B0)
	gs = sumSquares(v, n)
	if gs <= math.MaxFloat32 && gs >= skipNorm {
		axpy2(unsafe.SliceData(p.B0), unsafe.SliceData(p.B1), v, n, 1/FastSqrt(gs), r*p.C0, r*p.C1)
		p.Count++
	}
	return gs
}

// learn2 is learn(a, v, ra) and learn(c, v, rc) with one sum: gs = Σ v[j]*v[j],
// then, when 1e-16 <= gs <= MaxFloat32, both updates; or gs = +Inf and
// nothing else when len(c.B0) != len(a.B0).
func learn2(a, c *Pair, v *float32, ra, rc float32) (gs float32) {
	n := len(a.B0)
	if len(c.B0) != n {
		return inf
	}
	gs = sumSquares(v, n)
	if gs <= math.MaxFloat32 && gs >= skipNorm {
		inv := 1 / FastSqrt(gs)
		axpy2(unsafe.SliceData(a.B0), unsafe.SliceData(a.B1), v, n, inv, ra*a.C0, ra*a.C1)
		axpy2(unsafe.SliceData(c.B0), unsafe.SliceData(c.B1), v, n, inv, rc*c.C0, rc*c.C1)
		a.Count++
		c.Count++
	}
	return gs
}
