//go:build wasm

package lora

// The kernels of kernel_wasm.s; kernel_generic.go states each one's loop.

//go:noescape
func dot2(x, a0, a1 *float32, n int) (l0, l1 float32)

//go:noescape
func project(x, y, b0, b1 *float32, n int, l0, l1, alpha float32)

//go:noescape
func sumSquares(v *float32, n int) float32

//go:noescape
func axpy2(b0, b1, v *float32, n int, inv, s0, s1 float32)

//go:noescape
func dot4(x, a0, a1, c0, c1 *float32, n int) (l0, l1, m0, m1 float32)

//go:noescape
func blend(x, y, b0, b1, d0, d1 *float32, n int, l0, l1, m0, m1, alpha, beta, w, v float32)
