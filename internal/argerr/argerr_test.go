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
		assert.Equal(t, tc.kind, tc.err.Kind.String())
		assert.Equal(t, tc.msg, tc.err.Error())
	}
}
