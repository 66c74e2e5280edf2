package api

import "math"

func nan() float64         { return math.NaN() }
func inf(sign int) float64 { return math.Inf(sign) }

// marshal is object o's saved state.
func marshal(o any) []byte {
	var b []byte
	switch o := o.(type) {
	case *MicroLoRA:
		b, _ = o.Micro.MarshalBinary()
	case *ScopedLoRA:
		b, _ = o.Scoped.MarshalBinary()
	case *TrajectoryBuffer:
		b, _ = o.Buffer.MarshalBinary()
	}
	return b
}
