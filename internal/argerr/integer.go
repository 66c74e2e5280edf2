package argerr

import "math"

// Integer requires an integral number; one too large for an int saturates
// to ±2^53, so that the core's range checks see every out-of-range value as
// out of range.
func Integer(f float64, name string) (int, error) {
	if i, ok := Integral(f); ok {
		return i, nil
	}
	return bigInteger(f, name)
}

// Integral is int(f) and whether f is that integer exactly, small enough to
// inline: the hot calls pass such a number straight to the core's range
// check and leave everything else to Integer.
func Integral(f float64) (int, bool) {
	i := int(f)
	return i, float64(i) == f
}

// MaxExact is 2^53: every finite float64 beyond it is integral.
const MaxExact = 1 << 53

// bigInteger is Integer's rare case: a saturated huge value, or the error.
//
//go:noinline
func bigInteger(f float64, name string) (int, error) {
	switch {
	case f > MaxExact && f <= math.MaxFloat64:
		return MaxExact, nil
	case f < -MaxExact && f >= -math.MaxFloat64:
		return -MaxExact, nil
	}
	return 0, NewRange(name, "must be an integer")
}
