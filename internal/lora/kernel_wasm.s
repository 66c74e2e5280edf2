// Hand-written wasm for the loops in kernel_generic.go; each kernel
// keeps their operation order exactly (two float32 operands commute bit for
// bit, so only the order of the additions into a running sum matters). The
// loops are unrolled by four with a one-element tail; Go's compiled wasm
// re-enters a function-wide br_table on every loop back-edge, which these
// plain wasm loops avoid.

#include "textflag.h"

// func dot2(x, a0, a1 *float32, n int) (l0, l1 float32)
TEXT ·dot2(SB), NOSPLIT, $0-40
	MOVD x+0(FP), R0
	MOVD a0+8(FP), R1
	MOVD a1+16(FP), R2
	MOVD n+24(FP), R3
	F32Const $(0.0)
	Set F0
	F32Const $(0.0)
	Set F1
	Block
	Loop
		Get R3
		I64Const $4
		I64LtS
		BrIf $1
		Get F0
		Get R0
		I32WrapI64
		F32Load $0
		Tee F2
		Get R1
		I32WrapI64
		F32Load $0
		F32Mul
		F32Add
		Set F0
		Get F1
		Get F2
		Get R2
		I32WrapI64
		F32Load $0
		F32Mul
		F32Add
		Set F1
		Get F0
		Get R0
		I32WrapI64
		F32Load $4
		Tee F2
		Get R1
		I32WrapI64
		F32Load $4
		F32Mul
		F32Add
		Set F0
		Get F1
		Get F2
		Get R2
		I32WrapI64
		F32Load $4
		F32Mul
		F32Add
		Set F1
		Get F0
		Get R0
		I32WrapI64
		F32Load $8
		Tee F2
		Get R1
		I32WrapI64
		F32Load $8
		F32Mul
		F32Add
		Set F0
		Get F1
		Get F2
		Get R2
		I32WrapI64
		F32Load $8
		F32Mul
		F32Add
		Set F1
		Get F0
		Get R0
		I32WrapI64
		F32Load $12
		Tee F2
		Get R1
		I32WrapI64
		F32Load $12
		F32Mul
		F32Add
		Set F0
		Get F1
		Get F2
		Get R2
		I32WrapI64
		F32Load $12
		F32Mul
		F32Add
		Set F1
		Get R0
		I64Const $16
		I64Add
		Set R0
		Get R1
		I64Const $16
		I64Add
		Set R1
		Get R2
		I64Const $16
		I64Add
		Set R2
		Get R3
		I64Const $4
		I64Sub
		Set R3
		Br $0
	End
	End
	Block
	Loop
		Get R3
		I64Eqz
		BrIf $1
		Get F0
		Get R0
		I32WrapI64
		F32Load $0
		Tee F2
		Get R1
		I32WrapI64
		F32Load $0
		F32Mul
		F32Add
		Set F0
		Get F1
		Get F2
		Get R2
		I32WrapI64
		F32Load $0
		F32Mul
		F32Add
		Set F1
		Get R0
		I64Const $4
		I64Add
		Set R0
		Get R1
		I64Const $4
		I64Add
		Set R1
		Get R2
		I64Const $4
		I64Add
		Set R2
		Get R3
		I64Const $1
		I64Sub
		Set R3
		Br $0
	End
	End
	Get SP
	Get F0
	F32Store l0+32(FP)
	Get SP
	Get F1
	F32Store l1+36(FP)
	RET

// func project(x, y, b0, b1 *float32, n int, l0, l1, alpha float32)
TEXT ·project(SB), NOSPLIT, $0-52
	MOVD x+0(FP), R0
	MOVD y+8(FP), R1
	MOVD b0+16(FP), R2
	MOVD b1+24(FP), R3
	MOVD n+32(FP), R4
	Get SP
	F32Load l0+40(FP)
	Set F0
	Get SP
	F32Load l1+44(FP)
	Set F1
	Get SP
	F32Load alpha+48(FP)
	Set F2
	Block
	Loop
		Get R4
		I64Const $4
		I64LtS
		BrIf $1
		Get R1
		I32WrapI64
		Get R0
		I32WrapI64
		F32Load $0
		Get F2
		Get F0
		Get R2
		I32WrapI64
		F32Load $0
		F32Mul
		Get F1
		Get R3
		I32WrapI64
		F32Load $0
		F32Mul
		F32Add
		F32Mul
		F32Add
		F32Store $0
		Get R1
		I32WrapI64
		Get R0
		I32WrapI64
		F32Load $4
		Get F2
		Get F0
		Get R2
		I32WrapI64
		F32Load $4
		F32Mul
		Get F1
		Get R3
		I32WrapI64
		F32Load $4
		F32Mul
		F32Add
		F32Mul
		F32Add
		F32Store $4
		Get R1
		I32WrapI64
		Get R0
		I32WrapI64
		F32Load $8
		Get F2
		Get F0
		Get R2
		I32WrapI64
		F32Load $8
		F32Mul
		Get F1
		Get R3
		I32WrapI64
		F32Load $8
		F32Mul
		F32Add
		F32Mul
		F32Add
		F32Store $8
		Get R1
		I32WrapI64
		Get R0
		I32WrapI64
		F32Load $12
		Get F2
		Get F0
		Get R2
		I32WrapI64
		F32Load $12
		F32Mul
		Get F1
		Get R3
		I32WrapI64
		F32Load $12
		F32Mul
		F32Add
		F32Mul
		F32Add
		F32Store $12
		Get R0
		I64Const $16
		I64Add
		Set R0
		Get R1
		I64Const $16
		I64Add
		Set R1
		Get R2
		I64Const $16
		I64Add
		Set R2
		Get R3
		I64Const $16
		I64Add
		Set R3
		Get R4
		I64Const $4
		I64Sub
		Set R4
		Br $0
	End
	End
	Block
	Loop
		Get R4
		I64Eqz
		BrIf $1
		Get R1
		I32WrapI64
		Get R0
		I32WrapI64
		F32Load $0
		Get F2
		Get F0
		Get R2
		I32WrapI64
		F32Load $0
		F32Mul
		Get F1
		Get R3
		I32WrapI64
		F32Load $0
		F32Mul
		F32Add
		F32Mul
		F32Add
		F32Store $0
		Get R0
		I64Const $4
		I64Add
		Set R0
		Get R1
		I64Const $4
		I64Add
		Set R1
		Get R2
		I64Const $4
		I64Add
		Set R2
		Get R3
		I64Const $4
		I64Add
		Set R3
		Get R4
		I64Const $1
		I64Sub
		Set R4
		Br $0
	End
	End
	RET

// func sumSquares(v *float32, n int) float32
TEXT ·sumSquares(SB), NOSPLIT, $0-20
	MOVD v+0(FP), R0
	MOVD n+8(FP), R1
	F32Const $(0.0)
	Set F0
	Block
	Loop
		Get R1
		I64Const $4
		I64LtS
		BrIf $1
		Get F0
		Get R0
		I32WrapI64
		F32Load $0
		Tee F1
		Get F1
		F32Mul
		F32Add
		Set F0
		Get F0
		Get R0
		I32WrapI64
		F32Load $4
		Tee F1
		Get F1
		F32Mul
		F32Add
		Set F0
		Get F0
		Get R0
		I32WrapI64
		F32Load $8
		Tee F1
		Get F1
		F32Mul
		F32Add
		Set F0
		Get F0
		Get R0
		I32WrapI64
		F32Load $12
		Tee F1
		Get F1
		F32Mul
		F32Add
		Set F0
		Get R0
		I64Const $16
		I64Add
		Set R0
		Get R1
		I64Const $4
		I64Sub
		Set R1
		Br $0
	End
	End
	Block
	Loop
		Get R1
		I64Eqz
		BrIf $1
		Get F0
		Get R0
		I32WrapI64
		F32Load $0
		Tee F1
		Get F1
		F32Mul
		F32Add
		Set F0
		Get R0
		I64Const $4
		I64Add
		Set R0
		Get R1
		I64Const $1
		I64Sub
		Set R1
		Br $0
	End
	End
	Get SP
	Get F0
	F32Store ret+16(FP)
	RET

// func axpy2(b0, b1, v *float32, n int, inv, s0, s1 float32)
TEXT ·axpy2(SB), NOSPLIT, $0-44
	MOVD b0+0(FP), R0
	MOVD b1+8(FP), R1
	MOVD v+16(FP), R2
	MOVD n+24(FP), R3
	Get SP
	F32Load inv+32(FP)
	Set F0
	Get SP
	F32Load s0+36(FP)
	Set F1
	Get SP
	F32Load s1+40(FP)
	Set F2
	Block
	Loop
		Get R3
		I64Const $4
		I64LtS
		BrIf $1
		Get R2
		I32WrapI64
		F32Load $0
		Get F0
		F32Mul
		Set F3
		Get R0
		I32WrapI64
		Get R0
		I32WrapI64
		F32Load $0
		Get F1
		Get F3
		F32Mul
		F32Add
		F32Store $0
		Get R1
		I32WrapI64
		Get R1
		I32WrapI64
		F32Load $0
		Get F2
		Get F3
		F32Mul
		F32Add
		F32Store $0
		Get R2
		I32WrapI64
		F32Load $4
		Get F0
		F32Mul
		Set F3
		Get R0
		I32WrapI64
		Get R0
		I32WrapI64
		F32Load $4
		Get F1
		Get F3
		F32Mul
		F32Add
		F32Store $4
		Get R1
		I32WrapI64
		Get R1
		I32WrapI64
		F32Load $4
		Get F2
		Get F3
		F32Mul
		F32Add
		F32Store $4
		Get R2
		I32WrapI64
		F32Load $8
		Get F0
		F32Mul
		Set F3
		Get R0
		I32WrapI64
		Get R0
		I32WrapI64
		F32Load $8
		Get F1
		Get F3
		F32Mul
		F32Add
		F32Store $8
		Get R1
		I32WrapI64
		Get R1
		I32WrapI64
		F32Load $8
		Get F2
		Get F3
		F32Mul
		F32Add
		F32Store $8
		Get R2
		I32WrapI64
		F32Load $12
		Get F0
		F32Mul
		Set F3
		Get R0
		I32WrapI64
		Get R0
		I32WrapI64
		F32Load $12
		Get F1
		Get F3
		F32Mul
		F32Add
		F32Store $12
		Get R1
		I32WrapI64
		Get R1
		I32WrapI64
		F32Load $12
		Get F2
		Get F3
		F32Mul
		F32Add
		F32Store $12
		Get R0
		I64Const $16
		I64Add
		Set R0
		Get R1
		I64Const $16
		I64Add
		Set R1
		Get R2
		I64Const $16
		I64Add
		Set R2
		Get R3
		I64Const $4
		I64Sub
		Set R3
		Br $0
	End
	End
	Block
	Loop
		Get R3
		I64Eqz
		BrIf $1
		Get R2
		I32WrapI64
		F32Load $0
		Get F0
		F32Mul
		Set F3
		Get R0
		I32WrapI64
		Get R0
		I32WrapI64
		F32Load $0
		Get F1
		Get F3
		F32Mul
		F32Add
		F32Store $0
		Get R1
		I32WrapI64
		Get R1
		I32WrapI64
		F32Load $0
		Get F2
		Get F3
		F32Mul
		F32Add
		F32Store $0
		Get R0
		I64Const $4
		I64Add
		Set R0
		Get R1
		I64Const $4
		I64Add
		Set R1
		Get R2
		I64Const $4
		I64Add
		Set R2
		Get R3
		I64Const $1
		I64Sub
		Set R3
		Br $0
	End
	End
	RET

// func dot4(x, a0, a1, c0, c1 *float32, n int) (l0, l1, m0, m1 float32)
TEXT ·dot4(SB), NOSPLIT, $0-64
	MOVD x+0(FP), R0
	MOVD a0+8(FP), R1
	MOVD a1+16(FP), R2
	MOVD c0+24(FP), R3
	MOVD c1+32(FP), R4
	MOVD n+40(FP), R5
	F32Const $(0.0)
	Set F0
	F32Const $(0.0)
	Set F1
	F32Const $(0.0)
	Set F2
	F32Const $(0.0)
	Set F3
	Block
	Loop
		Get R5
		I64Const $4
		I64LtS
		BrIf $1
		Get F0
		Get R0
		I32WrapI64
		F32Load $0
		Tee F8
		Get R1
		I32WrapI64
		F32Load $0
		F32Mul
		F32Add
		Set F0
		Get F1
		Get F8
		Get R2
		I32WrapI64
		F32Load $0
		F32Mul
		F32Add
		Set F1
		Get F2
		Get F8
		Get R3
		I32WrapI64
		F32Load $0
		F32Mul
		F32Add
		Set F2
		Get F3
		Get F8
		Get R4
		I32WrapI64
		F32Load $0
		F32Mul
		F32Add
		Set F3
		Get F0
		Get R0
		I32WrapI64
		F32Load $4
		Tee F8
		Get R1
		I32WrapI64
		F32Load $4
		F32Mul
		F32Add
		Set F0
		Get F1
		Get F8
		Get R2
		I32WrapI64
		F32Load $4
		F32Mul
		F32Add
		Set F1
		Get F2
		Get F8
		Get R3
		I32WrapI64
		F32Load $4
		F32Mul
		F32Add
		Set F2
		Get F3
		Get F8
		Get R4
		I32WrapI64
		F32Load $4
		F32Mul
		F32Add
		Set F3
		Get F0
		Get R0
		I32WrapI64
		F32Load $8
		Tee F8
		Get R1
		I32WrapI64
		F32Load $8
		F32Mul
		F32Add
		Set F0
		Get F1
		Get F8
		Get R2
		I32WrapI64
		F32Load $8
		F32Mul
		F32Add
		Set F1
		Get F2
		Get F8
		Get R3
		I32WrapI64
		F32Load $8
		F32Mul
		F32Add
		Set F2
		Get F3
		Get F8
		Get R4
		I32WrapI64
		F32Load $8
		F32Mul
		F32Add
		Set F3
		Get F0
		Get R0
		I32WrapI64
		F32Load $12
		Tee F8
		Get R1
		I32WrapI64
		F32Load $12
		F32Mul
		F32Add
		Set F0
		Get F1
		Get F8
		Get R2
		I32WrapI64
		F32Load $12
		F32Mul
		F32Add
		Set F1
		Get F2
		Get F8
		Get R3
		I32WrapI64
		F32Load $12
		F32Mul
		F32Add
		Set F2
		Get F3
		Get F8
		Get R4
		I32WrapI64
		F32Load $12
		F32Mul
		F32Add
		Set F3
		Get R0
		I64Const $16
		I64Add
		Set R0
		Get R1
		I64Const $16
		I64Add
		Set R1
		Get R2
		I64Const $16
		I64Add
		Set R2
		Get R3
		I64Const $16
		I64Add
		Set R3
		Get R4
		I64Const $16
		I64Add
		Set R4
		Get R5
		I64Const $4
		I64Sub
		Set R5
		Br $0
	End
	End
	Block
	Loop
		Get R5
		I64Eqz
		BrIf $1
		Get F0
		Get R0
		I32WrapI64
		F32Load $0
		Tee F8
		Get R1
		I32WrapI64
		F32Load $0
		F32Mul
		F32Add
		Set F0
		Get F1
		Get F8
		Get R2
		I32WrapI64
		F32Load $0
		F32Mul
		F32Add
		Set F1
		Get F2
		Get F8
		Get R3
		I32WrapI64
		F32Load $0
		F32Mul
		F32Add
		Set F2
		Get F3
		Get F8
		Get R4
		I32WrapI64
		F32Load $0
		F32Mul
		F32Add
		Set F3
		Get R0
		I64Const $4
		I64Add
		Set R0
		Get R1
		I64Const $4
		I64Add
		Set R1
		Get R2
		I64Const $4
		I64Add
		Set R2
		Get R3
		I64Const $4
		I64Add
		Set R3
		Get R4
		I64Const $4
		I64Add
		Set R4
		Get R5
		I64Const $1
		I64Sub
		Set R5
		Br $0
	End
	End
	Get SP
	Get F0
	F32Store l0+48(FP)
	Get SP
	Get F1
	F32Store l1+52(FP)
	Get SP
	Get F2
	F32Store m0+56(FP)
	Get SP
	Get F3
	F32Store m1+60(FP)
	RET

// func blend(x, y, b0, b1, d0, d1 *float32, n int, l0, l1, m0, m1, alpha, beta, w, v float32)
TEXT ·blend(SB), NOSPLIT, $0-88
	MOVD x+0(FP), R0
	MOVD y+8(FP), R1
	MOVD b0+16(FP), R2
	MOVD b1+24(FP), R3
	MOVD d0+32(FP), R4
	MOVD d1+40(FP), R5
	MOVD n+48(FP), R6
	Get SP
	F32Load l0+56(FP)
	Set F0
	Get SP
	F32Load l1+60(FP)
	Set F1
	Get SP
	F32Load m0+64(FP)
	Set F2
	Get SP
	F32Load m1+68(FP)
	Set F3
	Get SP
	F32Load alpha+72(FP)
	Set F4
	Get SP
	F32Load beta+76(FP)
	Set F5
	Get SP
	F32Load w+80(FP)
	Set F6
	Get SP
	F32Load v+84(FP)
	Set F7
	Block
	Loop
		Get R6
		I64Const $4
		I64LtS
		BrIf $1
		Get R1
		I32WrapI64
		Get R0
		I32WrapI64
		F32Load $0
		Tee F8
		Get F4
		Get F0
		Get R2
		I32WrapI64
		F32Load $0
		F32Mul
		Get F1
		Get R3
		I32WrapI64
		F32Load $0
		F32Mul
		F32Add
		F32Mul
		F32Add
		Get F6
		F32Mul
		Get F8
		Get F5
		Get F2
		Get R4
		I32WrapI64
		F32Load $0
		F32Mul
		Get F3
		Get R5
		I32WrapI64
		F32Load $0
		F32Mul
		F32Add
		F32Mul
		F32Add
		Get F7
		F32Mul
		F32Add
		F32Store $0
		Get R1
		I32WrapI64
		Get R0
		I32WrapI64
		F32Load $4
		Tee F8
		Get F4
		Get F0
		Get R2
		I32WrapI64
		F32Load $4
		F32Mul
		Get F1
		Get R3
		I32WrapI64
		F32Load $4
		F32Mul
		F32Add
		F32Mul
		F32Add
		Get F6
		F32Mul
		Get F8
		Get F5
		Get F2
		Get R4
		I32WrapI64
		F32Load $4
		F32Mul
		Get F3
		Get R5
		I32WrapI64
		F32Load $4
		F32Mul
		F32Add
		F32Mul
		F32Add
		Get F7
		F32Mul
		F32Add
		F32Store $4
		Get R1
		I32WrapI64
		Get R0
		I32WrapI64
		F32Load $8
		Tee F8
		Get F4
		Get F0
		Get R2
		I32WrapI64
		F32Load $8
		F32Mul
		Get F1
		Get R3
		I32WrapI64
		F32Load $8
		F32Mul
		F32Add
		F32Mul
		F32Add
		Get F6
		F32Mul
		Get F8
		Get F5
		Get F2
		Get R4
		I32WrapI64
		F32Load $8
		F32Mul
		Get F3
		Get R5
		I32WrapI64
		F32Load $8
		F32Mul
		F32Add
		F32Mul
		F32Add
		Get F7
		F32Mul
		F32Add
		F32Store $8
		Get R1
		I32WrapI64
		Get R0
		I32WrapI64
		F32Load $12
		Tee F8
		Get F4
		Get F0
		Get R2
		I32WrapI64
		F32Load $12
		F32Mul
		Get F1
		Get R3
		I32WrapI64
		F32Load $12
		F32Mul
		F32Add
		F32Mul
		F32Add
		Get F6
		F32Mul
		Get F8
		Get F5
		Get F2
		Get R4
		I32WrapI64
		F32Load $12
		F32Mul
		Get F3
		Get R5
		I32WrapI64
		F32Load $12
		F32Mul
		F32Add
		F32Mul
		F32Add
		Get F7
		F32Mul
		F32Add
		F32Store $12
		Get R0
		I64Const $16
		I64Add
		Set R0
		Get R1
		I64Const $16
		I64Add
		Set R1
		Get R2
		I64Const $16
		I64Add
		Set R2
		Get R3
		I64Const $16
		I64Add
		Set R3
		Get R4
		I64Const $16
		I64Add
		Set R4
		Get R5
		I64Const $16
		I64Add
		Set R5
		Get R6
		I64Const $4
		I64Sub
		Set R6
		Br $0
	End
	End
	Block
	Loop
		Get R6
		I64Eqz
		BrIf $1
		Get R1
		I32WrapI64
		Get R0
		I32WrapI64
		F32Load $0
		Tee F8
		Get F4
		Get F0
		Get R2
		I32WrapI64
		F32Load $0
		F32Mul
		Get F1
		Get R3
		I32WrapI64
		F32Load $0
		F32Mul
		F32Add
		F32Mul
		F32Add
		Get F6
		F32Mul
		Get F8
		Get F5
		Get F2
		Get R4
		I32WrapI64
		F32Load $0
		F32Mul
		Get F3
		Get R5
		I32WrapI64
		F32Load $0
		F32Mul
		F32Add
		F32Mul
		F32Add
		Get F7
		F32Mul
		F32Add
		F32Store $0
		Get R0
		I64Const $4
		I64Add
		Set R0
		Get R1
		I64Const $4
		I64Add
		Set R1
		Get R2
		I64Const $4
		I64Add
		Set R2
		Get R3
		I64Const $4
		I64Add
		Set R3
		Get R4
		I64Const $4
		I64Add
		Set R4
		Get R5
		I64Const $4
		I64Add
		Set R5
		Get R6
		I64Const $1
		I64Sub
		Set R6
		Br $0
	End
	End
	RET
