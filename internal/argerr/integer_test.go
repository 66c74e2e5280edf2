package argerr

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestInteger: integral numbers pass, huge ones saturate at ±2^53, the rest
// are a RangeError naming the argument.
func TestInteger(t *testing.T) {
	for _, tc := range []struct {
		f    float64
		want int
		ok   bool
	}{
		{0, 0, true}, {-3, -3, true}, {1 << 52, 1 << 52, true}, {1e300, MaxExact, true}, {-1e300, -MaxExact, true},
		{math.MaxFloat64, MaxExact, true}, {0.5, 0, false}, {math.NaN(), 0, false}, {math.Inf(1), 0, false},
		{math.Inf(-1), 0, false},
	} {
		got, err := Integer(tc.f, "op_type")
		if !tc.ok {
			assert.EqualError(t, err, "op_type must be an integer", "%v", tc.f)
			continue
		}
		assert.NoError(t, err, "%v", tc.f)
		assert.Equal(t, tc.want, got, "%v", tc.f)
	}
}

// TestIntegral: exactly the numbers that are an int's value, nothing else.
func TestIntegral(t *testing.T) {
	for _, tc := range []struct {
		f    float64
		want int
		ok   bool
	}{
		{0, 0, true}, {math.Copysign(0, -1), 0, true}, {16, 16, true}, {-1, -1, true}, {1 << 53, 1 << 53, true},
		{0.5, 0, false}, {-16.5, 0, false}, {1e300, 0, false}, {math.NaN(), 0, false}, {math.Inf(1), 0, false},
	} {
		got, ok := Integral(tc.f)
		assert.Equal(t, tc.ok, ok, "%v", tc.f)
		if tc.ok {
			assert.Equal(t, tc.want, got, "%v", tc.f)
		}
	}
}
