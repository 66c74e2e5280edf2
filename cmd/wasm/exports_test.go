//go:build js && wasm

package main

import (
	"math"
	"runtime"
	"syscall/js"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ruvector/ruvector-learning-wasm/testdata"
)

// TestMethodTable checks that every code has a complete entry and a method
// on its class's prototype.
func TestMethodTable(t *testing.T) {
	for code, m := range methods {
		require.NotZero(t, m.class, "code %d", code)
		require.NotEmpty(t, m.name, "code %d", code)
		require.Len(t, m.names, len(m.params), m.name)
		require.Contains(t, "vxnfcbyYU", string(m.result), m.name)
		proto := js.Global().Get(classNames[m.class]).Get("prototype")
		assert.True(t, is(proto.Get(m.name), js.TypeFunction), "%s.%s", classNames[m.class], m.name)
	}
}

// TestEveryMethodDispatches: each method of the table reaches a case of its
// class's dispatch (a forgotten one answers errNotThis), with arguments that
// are valid (an op_type of 1, an empty array) or refused by the method itself.
func TestEveryMethodDispatches(t *testing.T) {
	objs := map[uint8]uint32{
		classMicro:  rvNew(int32(classMicro), 0, 4, 0.1, 0.01),
		classScoped: rvNew(int32(classScoped), 0, 4, 0.1, 0.01),
		classBuffer: rvNew(int32(classBuffer), 0, 4, 4, 0),
	}
	for _, h := range objs {
		defer rvRelease(h)
	}
	for code := range methodCount {
		m := &methods[code]
		_, err := dispatch(objectAt(objs[m.class]), code, &args{1, 0, 1, 1})
		assert.NotEqual(t, errNotThis, err, "%s.%s reaches no case of dispatch", classNames[m.class], m.name)
	}
}

// fastCall runs code through the export and returns its value.
func fastCall(t *testing.T, h uint32, code int32, a ...float64) float64 {
	t.Helper()
	var v args
	copy(v[:], a)
	require.Equal(t, int32(1), rvCall(h, code, v[0], v[1], v[2], v[3]), "code %d", code)
	return result[0]
}

// TestFastPathMatchesSlowPath runs the same calls through rv_call and through
// the js.FuncOf methods on twin objects and compares every result.
func TestFastPathMatchesSlowPath(t *testing.T) {
	h := rvNew(int32(classMicro), 0b110, 8, 0, 0) // alpha, lr default
	require.NotZero(t, h)
	fast := objectAt(h).(*micro)
	slowJS := newObj(t, "WasmMicroLoRA", 8)
	o, err := self(slowJS, classMicro)
	require.NoError(t, err)
	slow := o.(*micro)
	g := []float32{0.5, -1, 2, 0, 3, -0.25, 1, 1}
	for i := range 12 {
		copy(fast.x, g)
		fastCall(t, h, mMicroAdaptArray)
		slowJS.Call("adapt_array", jsF32(g))
		copy(fast.In, g)
		copy(slow.In, g)
		fastCall(t, h, mMicroAdaptWithReward, float64(i%4)-1)
		slowJS.Call("adapt_with_reward", float64(i%4)-1)
		fastCall(t, h, mMicroForward)
		slowJS.Call("forward")
		assert.Equal(t, testdata.Bits(slow.Out), testdata.Bits(fast.Out))
		g[i%8] *= -1.5
	}
	for _, code := range []int32{mMicroDim, mMicroParamCount, mMicroForwardCount, mMicroAdaptCount, mMicroDeltaNorm} {
		want, err := dispatch(slow, code, &args{})
		require.NoError(t, err)
		assert.Equal(t, math.Float64bits(want), math.Float64bits(fastCall(t, h, code)), "code %d", code)
	}
	rvRelease(h)
	assert.Zero(t, rvCall(h, mMicroForward, 0, 0, 0, 0), "released handle")
}

func TestFastPathRejects(t *testing.T) {
	for _, tc := range []struct {
		name       string
		class      uint8
		defaults   int32
		a0, a1, a2 float64
	}{
		{"dim 0", classMicro, 0, 0, 0.1, 0.01},
		{"dim 2.5", classScoped, 0, 2.5, 0.1, 0.01},
		{"alpha NaN", classMicro, 0, 4, math.NaN(), 0.01},
		{"capacity 0", classBuffer, 0, 0, 4, 0},
		{"storage too large", classBuffer, 0, 1e12, 8192, 0},
		{"unknown class", 9, 0, 4, 4, 4},
	} {
		assert.Zero(t, rvNew(int32(tc.class), tc.defaults, tc.a0, tc.a1, tc.a2), tc.name)
	}
	h := rvNew(int32(classScoped), 0b111, 0, 0, 0)
	require.NotZero(t, h)
	s := objectAt(h).(*scopedLoRA)
	assert.Equal(t, 256, s.Dim(), "defaults apply")
	for _, op := range []float64{-1, 17, 1.5, math.NaN(), math.Inf(1)} {
		assert.Zero(t, rvCall(h, mScopedForward, op, 0, 0, 0), "op %v", op)
		assert.Zero(t, rvCall(h, mScopedForwardCount, op, 0, 0, 0), "op %v", op)
	}
	assert.Zero(t, s.TotalForwards())
	s.x[3] = float32(math.NaN())
	assert.Zero(t, rvCall(h, mScopedAdaptArray, 2, 0, 0, 0))
	assert.Zero(t, rvCall(h, mScopedAdaptWithReward, 2, math.NaN(), 0, 0))
	assert.Zero(t, s.TotalAdapts())
	assert.Zero(t, rvCall(h, mMicroForward, 0, 0, 0, 0), "a scoped handle is not a micro one")
	assert.Zero(t, rvCall(h, -1, 0, 0, 0, 0), "unknown code")
	assert.Zero(t, rvCall(h, methodCount, 0, 0, 0, 0), "unknown code")

	b := rvNew(int32(classBuffer), 0, 3, 2, 0)
	spare := rvScratch(b)
	assert.Zero(t, rvCall(b, mBufferRecord, 1, 256, 1, 1))
	assert.Zero(t, rvCall(b, mBufferRecord, 1, 2, -1, 1))
	assert.Equal(t, spare, rvScratch(b), "a rejected record keeps the spare slot")
	next := uint32(fastCall(t, b, mBufferRecord, 1, 2, 1, 2))
	assert.Equal(t, spare+2*4, next, "the spare slot moves on by one embedding")
	assert.Equal(t, next, rvScratch(b))
	assert.Equal(t, 1.0, fastCall(t, b, mBufferLen))
	assert.Equal(t, 1.0, fastCall(t, b, mBufferMeanImprovement))
	assert.Equal(t, 0.0, fastCall(t, b, mBufferIsEmpty))
	assert.Equal(t, 2.0, fastCall(t, b, mBufferEmbeddingDim))
	rvRelease(h)
	rvRelease(b)
}

// TestBudget refuses what would take the live bytes past the limit, with a
// RangeError on both paths, and counts freed bytes as free again.
func TestBudget(t *testing.T) {
	saved := budget.limit
	defer func() { budget.limit = saved }()
	budget.limit = budget.live + 64<<20
	r := js.Global().Get("WasmTrajectoryBuffer").New(100000, 256) // ~100 MiB
	require.True(t, isError(r))
	assert.Equal(t, "RangeError", r.Get("constructor").Get("name").String())
	assert.Contains(t, r.Get("message").String(), "more memory than this module has left")
	assert.Zero(t, rvNew(int32(classBuffer), 0, 100000, 256, 0))
	var kept []uint32
	for { // many small objects reach the limit too
		h := rvNew(int32(classScoped), 0, 64, 0.1, 0.01)
		if h == 0 {
			break
		}
		kept = append(kept, h)
	}
	assert.Greater(t, len(kept), 100)
	assert.LessOrEqual(t, budget.live, budget.limit)
	for _, h := range kept {
		rvRelease(h)
	}
	budget.limit = saved
	h := rvNew(int32(classBuffer), 0, 100000, 256, 0)
	assert.NotZero(t, h, "freed memory counts as free again")
	assert.Equal(t, float64(bufferCost(100000, 256)), rvCost(h), "rv_cost is the cost charged")
	assert.Zero(t, rvCost(0))
	live := budget.live
	rvRelease(h)
	assert.Equal(t, live-bufferCost(100000, 256), budget.live, "release refunds the cost")
}

// TestCostsCoverAllocations checks each class's cost against what Go
// allocates to build an object, and each state against its object's cost.
func TestCostsCoverAllocations(t *testing.T) {
	for _, tc := range []struct {
		name  string
		class uint8
		a0    float64
		a1    float64
	}{
		{"micro dim 1", classMicro, 1, 0}, {"micro dim 17", classMicro, 17, 0}, {"micro dim 8192", classMicro, 8192, 0},
		{"scoped dim 1", classScoped, 1, 0}, {"scoped dim 256", classScoped, 256, 0}, {"scoped dim 8192", classScoped, 8192, 0},
		{"buffer 1 x 1", classBuffer, 1, 1}, {"buffer 1000 x 64", classBuffer, 1000, 64}, {"buffer 10 x 8192", classBuffer, 10, 8192},
	} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		h := rvNew(int32(tc.class), 0, tc.a0, tc.a1, 0.01)
		runtime.ReadMemStats(&after)
		require.NotZero(t, h, tc.name)
		o := objectAt(h)
		allocated := int64(after.TotalAlloc - before.TotalAlloc)
		assert.GreaterOrEqual(t, costOf(o), allocated, "%s: cost covers the allocation", tc.name)
		assert.Less(t, costOf(o), 2*allocated+2*perObject, "%s: cost is not wildly above it", tc.name)
		state, _ := o.(interface{ MarshalBinary() ([]byte, error) }).MarshalBinary()
		assert.LessOrEqual(t, int64(len(state)), costOf(o), "%s: the state fits the cost charged for it", tc.name)
		rvRelease(h)
	}
}

// TestMemoryPages checks memory.size against memory the heap just handed out:
// the linear memory must reach past its last byte, and stay below 4 GiB.
func TestMemoryPages(t *testing.T) {
	b := make([]byte, 8<<20)
	end := int64(uintptr(unsafe.Pointer(&b[len(b)-1]))) + 1
	pages := int64(memoryPages())
	assert.GreaterOrEqual(t, pages<<16, end)
	assert.LessOrEqual(t, pages, int64(1<<16))
	runtime.KeepAlive(b)
}

// TestPanicsAreContained plants objects whose engine is missing, so that
// their methods panic, and checks that both paths report the call as
// rejected or failed and that the module keeps working.
func TestPanicsAreContained(t *testing.T) {
	this := js.Global().Get("Object").New()
	brokenMicro := plant(&micro{}, this)
	brokenLoaderMicro := plant(&micro{}, js.Value{})
	brokenBuffer := plant(&buffer{}, js.Value{})
	defer unplant(brokenMicro)
	defer unplant(brokenLoaderMicro)
	defer unplant(brokenBuffer)
	assert.Zero(t, rvCall(brokenBuffer, mMicroForward, 0, 0, 0, 0))
	assert.Zero(t, rvCall(brokenLoaderMicro, mMicroDeltaNorm, 0, 0, 0, 0))
	assert.Zero(t, rvRecord(brokenBuffer, 1, 2, 3, 4))
	assert.Zero(t, rvCall(brokenBuffer, mBufferLen, 0, 0, 0, 0))

	this.Set(handleKey, brokenMicro)
	r := js.Global().Get("WasmMicroLoRA").Get("prototype").Get("forward").Call("call", this)
	require.True(t, isError(r))
	assert.Equal(t, "Error", r.Get("constructor").Get("name").String())
	assert.Contains(t, r.Get("message").String(), "WasmMicroLoRA.forward: internal error")
	r = loaderEntries().Call("call", mMicroForward, brokenLoaderMicro)
	require.True(t, isError(r))
	assert.Contains(t, r.Get("message").String(), "WasmMicroLoRA.forward: internal error")

	h := rvNew(int32(classMicro), 0, 4, 0.5, 0.1)
	require.NotZero(t, h)
	assert.Equal(t, 4.0, fastCall(t, h, mMicroDim), "the module still works")
	rvRelease(h)
}

// plant puts o in the handle table uncharged; unplant takes it out.
func plant(o any, owner js.Value) uint32 { return store(o, owner) }

func unplant(h uint32) {
	objects[h-1] = slot{}
	freeSlots = append(freeSlots, h)
}

// TestHotExportsDoNotAllocate runs every fast-path hot call through its
// export: none may allocate on the Go side.
func TestHotExportsDoNotAllocate(t *testing.T) {
	const dim = 64
	m := rvNew(int32(classMicro), 0, dim, 0.5, 0.01)
	s := rvNew(int32(classScoped), 0, dim, 0.5, 0.01)
	b := rvNew(int32(classBuffer), 0, 100, dim, 0)
	require.True(t, m != 0 && s != 0 && b != 0)
	defer rvRelease(m)
	defer rvRelease(s)
	defer rvRelease(b)
	for _, h := range []uint32{m, s} {
		x := scratchOf(objectAt(h))
		for i := range x {
			x[i] = float32(i%7) - 3
		}
	}
	copy(objectAt(m).(*micro).In, objectAt(m).(*micro).x)
	copy(objectAt(s).(*scopedLoRA).In, objectAt(s).(*scopedLoRA).x)
	for _, tc := range []struct {
		name   string
		h      uint32
		code   int32
		a0, a1 float64
	}{
		{"micro forward", m, mMicroForward, 0, 0},
		{"micro forward_array", m, mMicroForwardArray, 0, 0},
		{"micro adapt", m, mMicroAdapt, 0, 0},
		{"micro adapt_array", m, mMicroAdaptArray, 0, 0},
		{"micro adapt_with_reward", m, mMicroAdaptWithReward, 0.5, 0},
		{"scoped forward", s, mScopedForward, 5, 0},
		{"scoped forward_array", s, mScopedForwardArray, 5, 0},
		{"scoped adapt", s, mScopedAdapt, 5, 0},
		{"scoped adapt_array", s, mScopedAdaptArray, 5, 0},
		{"scoped adapt_with_reward", s, mScopedAdaptWithReward, 5, 0.5},
	} {
		allocs := testing.AllocsPerRun(200, func() {
			if rvCall(tc.h, tc.code, tc.a0, tc.a1, 0, 0) != 1 {
				t.Fatalf("%s rejected", tc.name)
			}
		})
		assert.Zero(t, allocs, tc.name)
	}
	allocs := testing.AllocsPerRun(500, func() {
		if rvRecord(b, 3, 4, 2, 3) == 0 {
			t.Fatal("record rejected")
		}
	})
	assert.Zero(t, allocs, "record")
}
