package argerr

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestError(t *testing.T) {
	for _, tc := range []struct {
		err       *Error
		kind, msg string
	}{
		{NewRange("dim", "must be an integer in 1..8192"), "RangeError", "dim must be an integer in 1..8192"},
		{NewType("gradient", "must be an array of numbers"), "TypeError", "gradient must be an array of numbers"},
	} {
		assert.Equal(t, tc.kind, tc.err.Kind.Name())
		assert.Equal(t, tc.msg, tc.err.Error())
	}
}

func TestItoa(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{{0, "0"}, {7, "7"}, {-12, "-12"}, {8192, "8192"}, {1 << 53, "9007199254740992"}} {
		assert.Equal(t, tc.want, Itoa(tc.n))
	}
}
