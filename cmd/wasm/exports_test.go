//go:build js && wasm

package main

import (
	"encoding/binary"
	"math"
	"syscall/js"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"rvlw/internal/api"
	"rvlw/internal/lora"
	"rvlw/testdata"
)

// code is the code of class c's member name (the test fails at once if
// there is none).
func code(c api.Class, name string) int32 {
	k := api.Find(c, name)
	if k < 0 {
		panic("no member " + name)
	}
	return k
}

// newLoader constructs a loader's object of class c through rv_new.
func newLoader(t *testing.T, c api.Class, a0, a1, a2 float64) uint32 {
	t.Helper()
	h := rvNew(code(c, "constructor"), 0, a0, a1, a2)
	require.NotZero(t, h, "rv_new %s: %+v", c, lastFailure())
	return h
}

// fastCall runs member k through rv_call and returns its value.
func fastCall(t *testing.T, h uint32, k int32, a ...float64) float64 {
	t.Helper()
	var v [4]float64
	copy(v[:], a)
	require.Equal(t, int32(1), rvCall(h, k, v[0], v[1], v[2], v[3]), "%s: %+v", api.Members[k].Label(), lastFailure())
	return result[0]
}

// lastFailure decodes the error record (rv_error's bytes), as js/classic.js does.
func lastFailure() api.Failure {
	if rvError() == 0 || len(failure) < 12 {
		return api.Failure{}
	}
	n := int(binary.LittleEndian.Uint32(failure[8:]))
	return api.Failure{
		Kind:    api.ErrorKind(int32(binary.LittleEndian.Uint32(failure))),
		Arg:     int(int32(binary.LittleEndian.Uint32(failure[4:]))),
		Message: string(failure[12 : 12+n]),
	}
}

// hotExports are the exports that the table's Export names, by name.
var hotExports = map[string]func(h uint32, a0, a1 float64) int32{
	"rv_micro_forward":            func(h uint32, _, _ float64) int32 { return rvMicroForward(h) },
	"rv_micro_forward_array":      func(h uint32, _, _ float64) int32 { return rvMicroForwardArray(h) },
	"rv_micro_adapt":              func(h uint32, _, _ float64) int32 { return rvMicroAdapt(h) },
	"rv_micro_adapt_array":        func(h uint32, _, _ float64) int32 { return rvMicroAdaptArray(h) },
	"rv_micro_adapt_with_reward":  func(h uint32, a, _ float64) int32 { return rvMicroAdaptWithReward(h, a) },
	"rv_scoped_forward":           func(h uint32, a, _ float64) int32 { return rvScopedForward(h, a) },
	"rv_scoped_forward_array":     func(h uint32, a, _ float64) int32 { return rvScopedForwardArray(h, a) },
	"rv_scoped_adapt":             func(h uint32, a, _ float64) int32 { return rvScopedAdapt(h, a) },
	"rv_scoped_adapt_array":       func(h uint32, a, _ float64) int32 { return rvScopedAdaptArray(h, a) },
	"rv_scoped_adapt_with_reward": func(h uint32, a, b float64) int32 { return rvScopedAdaptWithReward(h, a, b) },
	"rv_record":                   func(h uint32, a, b float64) int32 { return int32(min(rvRecord(h, a, b, 3, 5), 1)) },
}

// exportOf is member k's own export (hotExports), or rv_quick with k's
// code for a quick member, as a function of a handle and two numbers.
func exportOf(k int) func(h uint32, a0, a1 float64) int32 {
	if api.Members[k].Export == api.QuickExport {
		return func(h uint32, a, _ float64) int32 { return rvQuick(h, int32(k), a) }
	}
	return hotExports[api.Members[k].Export]
}

// TestHotExportsMatchRvCall runs every member with an export of its own or
// rv_quick through that export and through rv_call on twin objects,
// accepted and refused, and compares the values, the states and the errors.
// state is to_bytes() of the loader's object h of class c.
func state(t *testing.T, h uint32, c api.Class) []byte {
	t.Helper()
	require.Equal(t, int32(1), rvCall(h, code(c, "to_bytes"), 0, 0, 0, 0))
	return append([]byte(nil), api.OutBytes(int(result[0]))...)
}

func TestHotExportsMatchRvCall(t *testing.T) {
	seen := 0
	for k, m := range api.Members {
		if m.Export == "" {
			continue
		}
		if m.Export != api.QuickExport {
			seen++
		}
		hot := exportOf(k)
		require.NotNil(t, hot, "%s: export %s has no test entry", m.Label(), m.Export)
		a, b := newLoader(t, m.Class, 6, 4, 0.01), newLoader(t, m.Class, 6, 4, 0.01)
		for _, args := range [][2]float64{{5, 0.5}, {1, -2}, {17, 0.5}, {2.5, 1}, {3, math.NaN()}} {
			for _, h := range []uint32{a, b} {
				x := api.ScratchOf(objectAt(h))
				for i := range x {
					x[i] = float32(i) - 2.5
				}
			}
			okHot := hot(a, args[0], args[1])
			hotFailure, hotValue := lastFailure(), result[0]
			okCall := rvCall(b, int32(k), args[0], args[1], 3, 5)
			assert.Equal(t, okCall, okHot, "%s%v", m.Label(), args)
			if okHot == 0 {
				assert.Equal(t, lastFailure(), hotFailure, "%s%v: the same error", m.Label(), args)
			} else if m.Export == api.QuickExport { // the value Call gives on the same object (pointers differ between twins)
				want, err := api.Call(objectAt(a), int32(k), &api.Args{N: [4]float64{args[0], args[1]}})
				require.NoError(t, err, "%s%v", m.Label(), args)
				assert.Equal(t, math.Float64bits(want), math.Float64bits(hotValue), "%s%v: the same value", m.Label(), args)
			}
			assert.Equal(t, state(t, b, m.Class), state(t, a, m.Class), "%s%v: the same state", m.Label(), args)
		}
		rvRelease(a)
		rvRelease(b)
		assert.Equal(t, int32(0), hot(a, 1, 1), "%s: a released handle", m.Label())
		assert.Equal(t, "object has been freed", lastFailure().Message[len(m.Label())+2:])
	}
	assert.Equal(t, len(hotExports), seen, "every hot export is named by the table")
}

// TestLoaderMatchesBare runs the same calls through the loader's exports
// and through the js.FuncOf methods on twin objects and compares every result.
func TestLoaderMatchesBare(t *testing.T) {
	h := rvNew(code(api.Micro, "constructor"), 0b110, 8, 0, 0) // alpha, lr default
	require.NotZero(t, h)
	fast := objectAt(h).(*api.MicroLoRA)
	slowJS := newObj(t, "WasmMicroLoRA", 8)
	o, err := self(slowJS, api.Micro)
	require.NoError(t, err)
	slow := o.(*api.MicroLoRA)
	g := []float32{0.5, -1, 2, 0, 3, -0.25, 1, 1}
	for i := range 12 {
		copy(fast.X, g)
		require.Equal(t, int32(1), rvMicroAdaptArray(h))
		slowJS.Call("adapt_array", jsF32(g))
		copy(fast.Micro.In, g)
		copy(slow.Micro.In, g)
		fastCall(t, h, code(api.Micro, "adapt_with_reward"), float64(i%4)-1)
		slowJS.Call("adapt_with_reward", float64(i%4)-1)
		require.Equal(t, int32(1), rvMicroForward(h))
		slowJS.Call("forward")
		assert.Equal(t, testdata.Bits(slow.Micro.Out), testdata.Bits(fast.Micro.Out))
		g[i%8] *= -1.5
	}
	for _, name := range []string{"dim", "param_count", "forward_count", "adapt_count", "delta_norm"} {
		want, err := api.Call(slow, code(api.Micro, name), &api.Args{})
		require.NoError(t, err)
		assert.Equal(t, math.Float64bits(want), math.Float64bits(fastCall(t, h, code(api.Micro, name))), name)
	}
	rvRelease(h)
	assert.Zero(t, rvMicroForward(h), "released handle")
}

func TestLoaderRejects(t *testing.T) {
	for _, tc := range []struct {
		name       string
		class      api.Class
		a0, a1, a2 float64
		failure    api.Failure
	}{
		{"dim 0", api.Micro, 0, 0.1, 0.01, api.Failure{Kind: api.RangeError, Arg: 0, Message: "WasmMicroLoRA.constructor: dim must be an integer in 1..8192"}},
		{"dim 2.5", api.Scoped, 2.5, 0.1, 0.01, api.Failure{Kind: api.RangeError, Arg: 0, Message: "WasmScopedLoRA.constructor: dim must be an integer"}},
		{"alpha NaN", api.Micro, 4, math.NaN(), 0.01, api.Failure{Kind: api.RangeError, Arg: 1, Message: "WasmMicroLoRA.constructor: alpha must be a finite number"}},
		{"capacity 0", api.Buffer, 0, 4, 0, api.Failure{Kind: api.RangeError, Arg: 0, Message: "WasmTrajectoryBuffer.constructor: capacity must be an integer >= 1"}},
	} {
		assert.Zero(t, rvNew(code(tc.class, "constructor"), 0, tc.a0, tc.a1, tc.a2), tc.name)
		f := lastFailure()
		assert.Equal(t, tc.failure.Kind, f.Kind, tc.name)
		assert.Equal(t, tc.failure.Arg, f.Arg, tc.name)
		assert.Contains(t, f.Message, tc.failure.Message, tc.name)
	}
	assert.Zero(t, rvNew(code(api.Buffer, "constructor"), 0, 1e12, 8192, 0), "storage too large")
	assert.Zero(t, rvNew(-1, 0, 4, 4, 4), "unknown member")
	h := rvNew(code(api.Scoped, "constructor"), 0b111, 0, 0, 0)
	require.NotZero(t, h)
	s := objectAt(h).(*api.ScopedLoRA)
	assert.Equal(t, 256, s.Scoped.Dim(), "defaults apply")
	for _, op := range []float64{-1, 17, 1.5, math.NaN(), math.Inf(1)} {
		assert.Zero(t, rvScopedForward(h, op), "op %v", op)
		assert.Zero(t, rvCall(h, code(api.Scoped, "forward_count"), op, 0, 0, 0), "op %v", op)
		assert.Equal(t, api.RangeError, lastFailure().Kind)
	}
	assert.Zero(t, s.Scoped.TotalForwards())
	s.X[3] = float32(math.NaN())
	assert.Zero(t, rvScopedAdaptArray(h, 2))
	assert.Zero(t, rvScopedAdaptWithReward(h, 2, math.NaN()))
	assert.Zero(t, s.Scoped.TotalAdapts())
	assert.Zero(t, rvMicroForward(h), "a scoped handle is not a micro one")
	assert.Equal(t, api.Failure{Kind: api.TypeError, Arg: -1, Message: "WasmMicroLoRA.forward: this is not a WasmMicroLoRA"}, lastFailure())
	assert.Zero(t, rvCall(h, -1, 0, 0, 0, 0), "unknown code")
	assert.Zero(t, rvCall(h, int32(len(api.Members)), 0, 0, 0, 0), "unknown code")

	b := newLoader(t, api.Buffer, 3, 2, 0)
	scratch := func(h uint32) uint32 {
		require.Equal(t, int32(1), rvInfo(h))
		return uint32(result[0])
	}
	spare := scratch(b)
	assert.Zero(t, rvRecord(b, 1, 256, 1, 1))
	assert.Equal(t, 2, lastFailure().Arg, "attention_type: record(embedding, op_type, attention_type, ...)")
	assert.Zero(t, rvRecord(b, 1, 2, -1, 1))
	assert.Equal(t, spare, scratch(b), "a rejected record keeps the spare slot")
	next := rvRecord(b, 1, 2, 1, 2)
	assert.Equal(t, spare+2*4, next, "the spare slot moves on by one embedding")
	assert.Equal(t, next, scratch(b))
	assert.Equal(t, 1.0, fastCall(t, b, code(api.Buffer, "len")))
	assert.Equal(t, 1.0, fastCall(t, b, code(api.Buffer, "mean_improvement")))
	assert.Equal(t, 0.0, fastCall(t, b, code(api.Buffer, "is_empty")))
	require.Equal(t, int32(1), rvInfo(b))
	assert.Equal(t, [3]float64{float64(next), 2, float64(api.CostOf(objectAt(b)))}, result, "rv_info: scratch, embedding_dim, cost")
	assert.Zero(t, rvInfo(0))
	rvRelease(h)
	rvRelease(b)
}

// TestPanicsAreContained plants objects whose engine is broken, so that
// their methods panic, and checks that rv_call and the bare methods report
// the call as failed and that the module keeps working. (The hot exports
// recover nothing: such objects cannot be built outside a test; see hot.go
// and TestHotExportsNeverPanic.) The broken adapter has B0 but no B1, so
// that delta_norm indexes out of range.
func TestPanicsAreContained(t *testing.T) {
	broken := func() *api.MicroLoRA {
		return &api.MicroLoRA{Micro: lora.Micro{Pair: lora.Pair{A0: make([]float32, 4), B0: make([]float32, 4)}}}
	}
	this := js.Global().Get("Object").New()
	brokenMicro := plant(broken(), this)
	brokenLoaderMicro := plant(broken(), js.Value{})
	brokenBuffer := plant(&api.TrajectoryBuffer{}, js.Value{})
	defer unplant(brokenMicro)
	defer unplant(brokenLoaderMicro)
	defer unplant(brokenBuffer)
	assert.Zero(t, rvCall(brokenLoaderMicro, code(api.Micro, "delta_norm"), 0, 0, 0, 0))
	assert.Contains(t, lastFailure().Message, "internal error")
	assert.Equal(t, api.PlainError, lastFailure().Kind)
	assert.Zero(t, rvCall(brokenBuffer, code(api.Buffer, "record"), 1, 2, 3, 4))
	assert.Contains(t, lastFailure().Message, "internal error")
	assert.Zero(t, rvCall(brokenBuffer, code(api.Buffer, "len"), 0, 0, 0, 0))

	this.Set(handleKey, brokenMicro)
	r := js.Global().Get("WasmMicroLoRA").Get("prototype").Get("delta_norm").Call("call", this)
	require.True(t, isError(r))
	assert.Equal(t, "Error", r.Get("constructor").Get("name").String())
	assert.Contains(t, r.Get("message").String(), "internal error")

	h := newLoader(t, api.Micro, 4, 0.5, 0.1)
	assert.Equal(t, 4.0, fastCall(t, h, code(api.Micro, "dim")), "the module still works")
	rvRelease(h)
}

// plant puts o in the handle table uncharged; unplant takes it out.
func plant(o any, owner js.Value) uint32 { return store(o, owner) }

func unplant(h uint32) {
	objects[h-1] = slot{}
	freeSlots = append(freeSlots, h)
}

// TestHotExportsDoNotAllocate runs every hot export: none may allocate on
// the Go side.
func TestHotExportsDoNotAllocate(t *testing.T) {
	const dim = 64
	m := newLoader(t, api.Micro, dim, 0.5, 0.01)
	s := newLoader(t, api.Scoped, dim, 0.5, 0.01)
	b := newLoader(t, api.Buffer, 100, dim, 0)
	defer rvRelease(m)
	defer rvRelease(s)
	defer rvRelease(b)
	for _, h := range []uint32{m, s} {
		x := api.ScratchOf(objectAt(h))
		for i := range x {
			x[i] = float32(i%7) - 3
		}
	}
	copy(objectAt(m).(*api.MicroLoRA).Micro.In, objectAt(m).(*api.MicroLoRA).X)
	copy(objectAt(s).(*api.ScopedLoRA).Scoped.In, objectAt(s).(*api.ScopedLoRA).X)
	for k, mem := range api.Members {
		if mem.Export == "" {
			continue
		}
		hot, h, a0, a1 := exportOf(k), m, 0.5, 0.0 // adapt_with_reward(0.5)
		switch mem.Class {
		case api.Buffer:
			h, a0, a1 = b, 3, 4 // record's op_type and attention_type, count_by_operator(3)
		case api.Scoped:
			h, a0, a1 = s, 5, 0.5 // op_type 5, adapt_with_reward(5, 0.5)
		}
		allocs := testing.AllocsPerRun(200, func() {
			if hot(h, a0, a1) != 1 {
				t.Fatalf("%s rejected: %+v", mem.Label(), lastFailure())
			}
		})
		assert.Zero(t, allocs, mem.Label())
	}
}

// TestHotExportsNeverPanic calls every hot export with every kind of handle
// (none, freed, unknown, of another class, a bare object's, each class's)
// and of number: each answers 1 or 0 (a panic would end the test binary).
// TestHotExportsRefuseOtherHandles: a hot export takes only a loader's live
// object of its class (its slot's typed field); anything else is refused,
// with the error rv_call gives, and no state changes.
func TestHotExportsRefuseOtherHandles(t *testing.T) {
	const dim = 4
	live := map[api.Class]uint32{
		api.Micro:  newLoader(t, api.Micro, dim, 0.5, 0.01),
		api.Scoped: newLoader(t, api.Scoped, dim, 0.5, 0.01),
		api.Buffer: newLoader(t, api.Buffer, 3, dim, 0),
	}
	freed := newLoader(t, api.Micro, dim, 0.5, 0.01)
	rvRelease(freed)
	bare := newObj(t, "WasmMicroLoRA", dim)
	defer bare.Call("free")
	gone := []uint32{0, freed, 1 << 31, ^uint32(0), uint32(bare.Get(handleKey).Int())}
	for k, m := range api.Members {
		if m.Export == "" {
			continue
		}
		hot := exportOf(k)
		var cases []uint32
		want := map[uint32]error{}
		for _, h := range gone {
			cases, want[h] = append(cases, h), api.ErrFreed
		}
		for c, h := range live {
			if c != m.Class {
				cases, want[h] = append(cases, h), api.ErrNotThis
			}
		}
		for _, h := range cases {
			before := states(t, live)
			assert.Equal(t, int32(0), hot(h, 5, 0.5), "%s(%d)", m.Label(), h)
			assert.Equal(t, api.Fail(int32(k), want[h]), lastFailure(), "%s(%d)", m.Label(), h)
			assert.Equal(t, before, states(t, live), "%s(%d): no state changes", m.Label(), h)
		}
	}
	for _, h := range live {
		rvRelease(h)
	}
}

// states are the saved states of the objects behind handles hs.
func states(t *testing.T, hs map[api.Class]uint32) map[api.Class][]byte {
	out := map[api.Class][]byte{}
	for c, h := range hs {
		out[c] = state(t, h, c)
	}
	return out
}

func TestHotExportsNeverPanic(t *testing.T) {
	const dim = 5
	live := []uint32{newLoader(t, api.Micro, dim, 0.5, 0.01), newLoader(t, api.Scoped, dim, 0.5, 0.01), newLoader(t, api.Buffer, 3, dim, 0)}
	freed := newLoader(t, api.Micro, dim, 0.5, 0.01)
	rvRelease(freed)
	bare := newObj(t, "WasmMicroLoRA", dim)
	defer bare.Call("free")
	handles := append([]uint32{0, freed, 1 << 31, ^uint32(0), uint32(bare.Get(handleKey).Int())}, live...)
	numbers := []float64{0, math.Copysign(0, -1), 1, 2, 5, 16, 17, -1, 255, 256, 1.5, -0.5, 1e300, -1e300,
		math.MaxFloat32 * 2, math.Inf(1), math.Inf(-1), math.NaN(), 1 << 53, 1<<63 + 1}
	for _, h := range live {
		x := api.ScratchOf(objectAt(h))
		for i := range x {
			x[i] = float32(i) - 1.5
		}
	}
	calls, exports := 0, 0
	for k, m := range api.Members {
		if m.Export == "" {
			continue
		}
		hot := exportOf(k)
		exports++
		for _, h := range handles {
			for _, a := range numbers {
				for _, b := range numbers {
					if r := hot(h, a, b); r != 0 && r != 1 {
						t.Fatalf("%s(%d, %v, %v) = %d", m.Label(), h, a, b, r)
					}
					calls++
				}
			}
		}
	}
	for _, k := range []int32{-1, 0, code(api.Micro, "forward"), code(api.Micro, "to_bytes"), code(api.Buffer, "reset"),
		int32(len(api.Members)), 127, 128, math.MaxInt32, math.MinInt32} {
		for _, h := range handles {
			assert.Zero(t, rvQuick(h, k, 1), "rv_quick(%d, %d): not a quick member", h, k)
			assert.Equal(t, api.Fail(k, api.ErrNoMember), lastFailure(), "rv_quick(%d, %d)", h, k)
		}
	}
	assert.Equal(t, exports*len(handles)*len(numbers)*len(numbers), calls)
	for _, h := range live {
		rvRelease(h)
	}
}
