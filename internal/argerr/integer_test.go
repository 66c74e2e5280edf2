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
