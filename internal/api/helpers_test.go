package api

import "math"

func nan() float64         { return math.NaN() }
func inf(sign int) float64 { return math.Inf(sign) }

// marshal is object o's saved state, as to_bytes makes it (saveState).
func marshal(o any) []byte {
	n, err := saveState(o)
	if err != nil {
		return nil
	}
	return append([]byte(nil), OutBytes(int(n))...)
}
