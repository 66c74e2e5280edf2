//go:build js && wasm

package main

import (
	"math"
	"syscall/js"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ruvector/ruvector-learning-wasm/testdata"
)

// TestFastPathMatchesSlowPath runs the same calls through the exports and
// through the js.FuncOf methods on twin objects and compares every result.
func TestFastPathMatchesSlowPath(t *testing.T) {
	h := rvNew(newMicroLoRA, 0b110, 8, 0, 0) // alpha, lr default
	require.NotZero(t, h)
	fast, _ := lookup[*micro](h)
	slowJS := newObj(t, "WasmMicroLoRA", 8)
	slow, err := self[*micro](slowJS)
	require.NoError(t, err)
	g := []float32{0.5, -1, 2, 0, 3, -0.25, 1, 1}
	for i := range 12 {
		copy(fast.x, g)
		require.Equal(t, ok, rvMicroAdaptArray(h))
		slowJS.Call("adapt_array", jsF32(g))
		copy(fast.In, g)
		copy(slow.In, g)
		require.Equal(t, ok, rvMicroAdaptWithReward(h, float64(i%4)-1))
		slowJS.Call("adapt_with_reward", float64(i%4)-1)
		require.Equal(t, ok, rvMicroForward(h))
		slowJS.Call("forward")
		assert.Equal(t, testdata.Bits(slow.Out), testdata.Bits(fast.Out))
		g[i%8] *= -1.5
	}
	for code := getDim; code <= getInputPtr; code++ {
		want := slow.get(code)
		if code == getInputPtr {
			continue
		}
		assert.Equal(t, math.Float64bits(want), math.Float64bits(rvGet(h, code, 0)), "rv_get code %d", code)
	}
	rvRelease(h)
	assert.Equal(t, failed, rvMicroForward(h), "released handle")
	assert.True(t, math.IsNaN(rvGet(h, getDim, 0)))
}

func TestFastPathRejects(t *testing.T) {
	for _, tc := range []struct {
		name           string
		kind, defaults int32
		a0, a1, a2     float64
	}{
		{"dim 0", newMicroLoRA, 0, 0, 0.1, 0.01},
		{"dim 2.5", newScopedLoRA, 0, 2.5, 0.1, 0.01},
		{"alpha NaN", newMicroLoRA, 0, 4, math.NaN(), 0.01},
		{"capacity 0", newTrajectoryBuffer, 0, 0, 4, 0},
		{"storage too large", newTrajectoryBuffer, 0, 1e12, 8192, 0},
		{"unknown kind", 9, 0, 4, 4, 4},
	} {
		assert.Zero(t, rvNew(tc.kind, tc.defaults, tc.a0, tc.a1, tc.a2), tc.name)
	}
	h := rvNew(newScopedLoRA, 0b111, 0, 0, 0)
	require.NotZero(t, h)
	s, _ := lookup[*scopedLoRA](h)
	assert.Equal(t, 256, s.Dim(), "defaults apply")
	before := s.TotalForwards()
	for _, op := range []float64{-1, 17, 1.5, math.NaN(), math.Inf(1)} {
		assert.Equal(t, failed, rvScopedForward(h, op), "op %v", op)
		assert.True(t, math.IsNaN(rvGet(h, getForwardCount, op)), "op %v", op)
	}
	assert.Equal(t, before, s.TotalForwards())
	s.x[3] = float32(math.NaN())
	assert.Equal(t, failed, rvScopedAdaptArray(h, 2))
	assert.Equal(t, failed, rvScopedAdaptWithReward(h, 2, math.NaN()))
	assert.Zero(t, s.TotalAdapts())
	assert.Equal(t, failed, rvMicroForward(h), "a scoped handle is not a micro one")
	b := rvNew(newTrajectoryBuffer, 0, 3, 2, 0)
	spare := rvScratch(b)
	assert.Zero(t, rvBufferRecord(b, 1, 256, 1, 1))
	assert.Zero(t, rvBufferRecord(b, 1, 2, -1, 1))
	assert.Equal(t, spare, rvScratch(b), "a rejected record keeps the spare slot")
	next := rvBufferRecord(b, 1, 2, 1, 2)
	assert.Equal(t, spare+2*4, next, "the spare slot moves on by one embedding")
	assert.Equal(t, next, rvScratch(b))
	assert.Equal(t, 1.0, rvGet(b, getLen, 0))
	assert.Equal(t, 1.0, rvGet(b, getMean, 0))
	rvRelease(h)
	rvRelease(b)
}

// TestHeadroom refuses a buffer that would take the heap past the limit.
func TestHeadroom(t *testing.T) {
	saved := heapLimit
	defer func() { heapLimit = saved }()
	heapLimit = 64 << 20
	r := js.Global().Get("WasmTrajectoryBuffer").New(100000, 256) // ~100 MiB
	require.True(t, isError(r))
	assert.Equal(t, "RangeError", r.Get("constructor").Get("name").String())
	assert.Contains(t, r.Get("message").String(), "more memory than this module has left")
	assert.Zero(t, rvNew(newTrajectoryBuffer, 0, 100000, 256, 0))
	heapLimit = saved
	assert.NotZero(t, rvNew(newTrajectoryBuffer, 0, 100000, 256, 0))
}
