// Package lora holds the rank-2 LoRA pair of docs/SEMANTICS.md §2 and the
// MicroLoRA engine of docs/SEMANTICS.md §3, computed in float32 in exactly
// the reference's order.
//
// Every product that feeds an addition is wrapped in an explicit float32
// conversion: the Go spec lets a compiler fuse x*y+z unless a conversion rounds
// the product first, and fusing would break bit-exactness on FMA targets.
package lora

import "math"

// FastSqrt is the reference's approximate square root:
//
//	y = float32frombits(0x5f3759df - bits(x)>>1); return (x*y) * (1.5 - ((0.5*x)*y)*y)
//
// and 0 for x <= 0.
func FastSqrt(x float32) float32 {
	if x <= 0 {
		return 0
	}
	y := math.Float32frombits(0x5f3759df - math.Float32bits(x)>>1)
	return float32(x*y) * (1.5 - float32(float32(float32(0.5*x)*y)*y))
}

// Rand01 is xorshift32 scaled to [0, 1]: x ^= x<<13; x ^= x>>17; x ^= x<<5;
// return f32(x) / f32(4294967295). Rand01(0) == 0.
func Rand01(seed uint32) float32 {
	x := seed
	x ^= x << 13
	x ^= x >> 17
	x ^= x << 5
	return float32(x) / float32(4294967295)
}

// InitScale is f32(sqrt(f32(2/d))) * 0.1, the spread of the initial A.
// Rounding the float64 square root of a float32 to float32 is correctly rounded,
// as the reference's f32::sqrt is.
func InitScale(d int) float32 {
	q := float32(2) / float32(d)
	return float32(math.Sqrt(float64(q))) * 0.1
}
