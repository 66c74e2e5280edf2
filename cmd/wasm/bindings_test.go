//go:build js && wasm

package main

import (
	"math"
	"os"
	"syscall/js"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"rvlw/internal/api"
	"rvlw/testdata"
)

func TestMain(m *testing.M) {
	register(js.Global())
	os.Exit(m.Run())
}

func newObj(t *testing.T, class string, args ...any) js.Value {
	t.Helper()
	v := js.Global().Get(class).New(args...)
	require.False(t, isError(v), "new %s: %v", class, errText(v))
	return v
}

func isError(v js.Value) bool { return v.InstanceOf(js.Global().Get("Error")) }

func errText(v js.Value) string {
	if isError(v) {
		return v.Get("constructor").Get("name").String() + ": " + v.Get("message").String()
	}
	return ""
}

// jsString is String(v), which also works for bigints.
func jsString(v js.Value) string { return js.Global().Get("String").Invoke(v).String() }

// bigText is String(BigInt(n)).
func bigText(n int) string { return jsString(js.Global().Get("BigInt").Invoke(n)) }

// f32s copies a Float32Array's bytes out, so -0 and NaN payloads survive.
func f32s(v js.Value) []float32 {
	out := make([]float32, v.Length())
	js.CopyBytesToGo(api.ByteView(out), builtin[uint8Array].New(v.Get("buffer"), v.Get("byteOffset"), v.Get("byteLength")))
	return out
}

// jsFloat32 reads a float32 result as the JS layer does: a zero from result.
func jsFloat32(v js.Value) float32 {
	if f := v.Float(); f != 0 {
		return float32(f)
	}
	return float32(result[0])
}

// jsF32 copies xs into a new JS Float32Array.
func jsF32(xs []float32) js.Value {
	out := builtin[float32Array].New(len(xs))
	js.CopyBytesToJS(builtin[uint8Array].New(out.Get("buffer")), api.ByteView(xs))
	return out
}

// self returns the object of class c behind bare-global object this.
func self(this js.Value, c api.Class) (any, error) {
	h, o, err := handleOf(this, c)
	if err == nil && h == 0 {
		err = api.ErrFreed
	}
	return o, err
}

// TestConstructors checks new, instanceof, defaults and the prototype methods.
func TestConstructors(t *testing.T) {
	g := js.Global()
	for _, tc := range []struct {
		class  string
		args   []any
		method string
		want   int
	}{
		{"WasmMicroLoRA", nil, "dim", 256},
		{"WasmMicroLoRA", []any{17, nil, js.Undefined()}, "dim", 17},
		{"WasmScopedLoRA", []any{64}, "dim", 64},
		{"WasmTrajectoryBuffer", []any{5, 3}, "len", 0},
	} {
		v := newObj(t, tc.class, tc.args...)
		assert.True(t, v.InstanceOf(g.Get(tc.class)), tc.class)
		assert.Equal(t, tc.want, v.Call(tc.method).Int(), tc.class)
		a, b := newObj(t, tc.class, tc.args...), newObj(t, tc.class, tc.args...)
		assert.True(t, a.Get("free").Equal(b.Get("free")), "methods live on the prototype")
		assert.False(t, a.Call("hasOwnProperty", "free").Bool())
	}
	assert.Equal(t, "HashJoin", g.Get("WasmScopedLoRA").Call("scope_name", 5).String())
	assert.Equal(t, "Unknown", g.Get("WasmScopedLoRA").Call("scope_name", 17).String())
	assert.Equal(t, "Unknown", g.Get("WasmScopedLoRA").Call("scope_name", 1.5).String())
}

// TestMicroGoldenThroughJS replays the golden vectors through the registered
// JS methods (array and pointer paths) and demands bit equality.
func TestMicroGoldenThroughJS(t *testing.T) {
	cases, err := testdata.Cases("WasmMicroLoRA")
	require.NoError(t, err)
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			v := newObj(t, "WasmMicroLoRA", c.Args[0], math.Float32frombits(c.Args[1]), math.Float32frombits(c.Args[2]))
			o, err := self(v, api.Micro)
			require.NoError(t, err)
			m := o.(*api.MicroLoRA)
			for i, s := range c.Steps {
				var r js.Value
				switch s.Method() {
				case "forward":
					copy(m.Micro.In, s.F32s("x"))
					r = v.Call("forward")
					require.Equal(t, s.BitsList("y"), testdata.Bits(m.Micro.Out), "step %d", i)
				case "forward_array":
					r = v.Call("forward_array", jsF32(s.F32s("x")))
					require.Equal(t, s.BitsList("y"), testdata.Bits(f32s(r)), "step %d", i)
				case "adapt":
					copy(m.Micro.In, s.F32s("g"))
					r = v.Call("adapt")
				case "adapt_array":
					r = v.Call("adapt_array", jsF32(s.F32s("g")))
				case "adapt_with_reward":
					copy(m.Micro.In, s.F32s("g"))
					r = v.Call("adapt_with_reward", s.F32("imp"))
				case "reset":
					r = v.Call("reset")
				case "check":
					assert.Equal(t, s.Int("param_count"), v.Call("param_count").Int())
					assert.Equal(t, bigText(s.Int("forward_count")), jsString(v.Call("forward_count")))
					assert.Equal(t, bigText(s.Int("adapt_count")), jsString(v.Call("adapt_count")))
					require.Equal(t, s.Bits("delta_norm"), math.Float32bits(jsFloat32(v.Call("delta_norm"))), "step %d", i)
				}
				require.False(t, isError(r), "step %d: %s", i, errText(r))
			}
		})
	}
}

// TestErrorsAreReturned checks that bad input comes back as an error object of
// the right class naming class, method and argument, with state unchanged.
func TestErrorsAreReturned(t *testing.T) {
	g := js.Global()
	micro := newObj(t, "WasmMicroLoRA", 4, 0.5, 0.1)
	micro.Call("adapt_array", jsF32([]float32{1, 2, 3, 4}))
	scoped := newObj(t, "WasmScopedLoRA", 4)
	buf := newObj(t, "WasmTrajectoryBuffer", 3, 4)
	before := micro.Call("forward_array", jsF32([]float32{1, 1, 1, 1}))
	for _, tc := range []struct {
		name  string
		call  func() js.Value
		class string
		parts []string
	}{
		{"dim 0", func() js.Value { return g.Get("WasmMicroLoRA").New(0) }, "RangeError", []string{"WasmMicroLoRA.constructor", "dim"}},
		{"dim 2.5", func() js.Value { return g.Get("WasmMicroLoRA").New(2.5) }, "RangeError", []string{"dim"}},
		{"dim bigint", func() js.Value { return g.Get("WasmMicroLoRA").New(js.Global().Get("BigInt").Invoke(4)) }, "TypeError", []string{"dim", "4n"}},
		{"dim string", func() js.Value { return g.Get("WasmScopedLoRA").New("8") }, "TypeError", []string{"WasmScopedLoRA.constructor", "dim"}},
		{"alpha Inf", func() js.Value { return g.Get("WasmMicroLoRA").New(4, math.Inf(1)) }, "RangeError", []string{"alpha"}},
		{"capacity 0", func() js.Value { return g.Get("WasmTrajectoryBuffer").New(0) }, "RangeError", []string{"capacity"}},
		{"huge storage", func() js.Value { return g.Get("WasmTrajectoryBuffer").New(1e9, 8192) }, "RangeError", []string{"capacity"}},
		{"short gradient", func() js.Value { return micro.Call("adapt_array", jsF32([]float32{1})) }, "RangeError", []string{"WasmMicroLoRA.adapt_array", "gradient", "4"}},
		{"NaN gradient", func() js.Value { return micro.Call("adapt_array", js.ValueOf([]any{1, math.NaN(), 1, 1})) }, "RangeError", []string{"gradient"}},
		{"string gradient", func() js.Value { return micro.Call("adapt_array", "1234") }, "TypeError", []string{"gradient"}},
		{"null input", func() js.Value { return micro.Call("forward_array", nil) }, "TypeError", []string{"WasmMicroLoRA.forward_array", "input"}},
		{"number input", func() js.Value { return micro.Call("forward_array", 4) }, "TypeError", []string{"input"}},
		{"NaN improvement", func() js.Value { return micro.Call("adapt_with_reward", math.NaN()) }, "RangeError", []string{"improvement"}},
		{"missing improvement", func() js.Value { return micro.Call("adapt_with_reward") }, "TypeError", []string{"improvement"}},
		{"op 17", func() js.Value { return scoped.Call("forward", 17) }, "RangeError", []string{"WasmScopedLoRA.forward", "op_type"}},
		{"op 1.5", func() js.Value { return scoped.Call("adapt", 1.5) }, "RangeError", []string{"op_type"}},
		{"fallback string", func() js.Value { return scoped.Call("set_category_fallback", "no") }, "TypeError", []string{"enabled"}},
		{"attention 256", func() js.Value { return buf.Call("record", jsF32(make([]float32, 4)), 1, 256, 1, 1) }, "RangeError", []string{"attention_type"}},
		{"negative exec", func() js.Value { return buf.Call("record", jsF32(make([]float32, 4)), 1, 2, -1, 1) }, "RangeError", []string{"execution_ms"}},
		{"NaN threshold", func() js.Value { return buf.Call("high_quality_count", math.NaN()) }, "RangeError", []string{"threshold"}},
		{"wrong this", func() js.Value { return micro.Get("dim").Call("call", scoped) }, "TypeError", []string{"this is not a WasmMicroLoRA"}},
		{"undefined this", func() js.Value { return micro.Get("dim").Call("call", js.Undefined()) }, "TypeError", []string{"WasmMicroLoRA.dim"}},
	} {
		r := tc.call()
		require.True(t, isError(r), "%s: got %v", tc.name, r)
		assert.Equal(t, tc.class, r.Get("constructor").Get("name").String(), tc.name)
		for _, p := range tc.parts {
			assert.Contains(t, r.Get("message").String(), p, tc.name)
		}
	}
	after := micro.Call("forward_array", jsF32([]float32{1, 1, 1, 1}))
	assert.Equal(t, f32s(before), f32s(after))
	assert.Equal(t, "2", jsString(micro.Call("forward_count")), "only the two probes counted")
	assert.Equal(t, "1", jsString(micro.Call("adapt_count")))
	assert.Equal(t, 0, buf.Call("len").Int())
}

// TestFree checks free, double free, use after free and release by handle.
func TestFree(t *testing.T) {
	v := newObj(t, "WasmMicroLoRA", 4)
	h := v.Get(handleKey).Int()
	require.NotZero(t, h)
	assert.True(t, v.Call("free").IsUndefined())
	assert.True(t, v.Call("free").IsUndefined(), "second free is a no-op")
	r := v.Call("dim")
	require.True(t, isError(r))
	assert.Contains(t, r.Get("message").String(), "WasmMicroLoRA.dim: object has been freed")
	w := newObj(t, "WasmScopedLoRA", 4)
	hw := uint32(w.Get(handleKey).Int())
	rvRelease(hw)
	assert.NotNil(t, objects[hw-1].obj, "rv_release is the loaders': it leaves a bare object alone")
	w.Call("free")
	assert.Nil(t, objects[hw-1].obj, "free releases the Go side")
	dispose := js.Global().Get("Symbol").Get("dispose")
	if dispose.Type() == js.TypeSymbol {
		x := newObj(t, "WasmTrajectoryBuffer", 2, 2)
		js.Global().Get("Reflect").Call("get", x, dispose).Call("call", x)
		assert.Zero(t, x.Get(handleKey).Int())
	}
}

// TestBareMethodsTrustOnlyTheirOwnObjects: a bare method acts only on the
// very JS object its constructor made; a look-alike carrying a live handle,
// a copy, and a loader's object (which has no handle property) are refused,
// and the object behind the handle is untouched.
func TestBareMethodsTrustOnlyTheirOwnObjects(t *testing.T) {
	v := newObj(t, "WasmMicroLoRA", 4)
	defer v.Call("free")
	proto := js.Global().Get("WasmMicroLoRA").Get("prototype")
	forged := js.Global().Get("Object").Call("create", proto)
	forged.Set(handleKey, v.Get(handleKey))
	copied := js.Global().Get("Object").Call("assign", js.Global().Get("Object").Call("create", proto), v)
	loaderH := newLoader(t, api.Micro, 4, 0.1, 0.01)
	defer rvRelease(loaderH)
	reaching := js.Global().Get("Object").Call("create", proto)
	reaching.Set(handleKey, loaderH)
	for name, this := range map[string]js.Value{"forged": forged, "copied": copied, "a loader's handle": reaching} {
		r := proto.Get("adapt_array").Call("call", this, jsF32([]float32{1, 2, 3, 4}))
		require.True(t, isError(r), name)
		assert.Equal(t, "TypeError", r.Get("constructor").Get("name").String(), name)
		assert.Contains(t, r.Get("message").String(), "WasmMicroLoRA.adapt_array: this is not a WasmMicroLoRA", name)
	}
	assert.Equal(t, "0", jsString(v.Call("adapt_count")), "the bare object is untouched")
	assert.Zero(t, objectAt(loaderH).(*api.MicroLoRA).Micro.Adapts, "the loader's object is untouched")
}

// TestLoaderExports runs the loaders' exports: construct, call by handle
// (a buffer argument by its handle too), reserve and from_bytes; none
// reaches a bare object, and each refusal leaves its error in rv_error.
func TestLoaderExports(t *testing.T) {
	h := newLoader(t, api.Scoped, 4, 0.5, 0.1)
	b := newLoader(t, api.Buffer, 10, 4, 0)
	copy(api.ScratchOf(objectAt(b)), []float32{1, 2, 3, 4})
	require.NotZero(t, rvRecord(b, 2, 1, 5, 10))
	assert.Equal(t, 1.0, fastCall(t, h, code(api.Scoped, "learn_from"), float64(b), 0))
	assert.Zero(t, rvCall(h, code(api.Scoped, "learn_from"), float64(h), 0, 0, 0))
	assert.Equal(t, api.Failure{Kind: api.TypeError, Arg: 0, Message: "WasmScopedLoRA.learn_from: buffer must be a live WasmTrajectoryBuffer"}, lastFailure())
	n := fastCall(t, h, code(api.Scoped, "to_bytes"))
	state := append([]byte(nil), api.OutBytes(int(n))...)
	fromBytes := code(api.Scoped, "from_bytes")
	p := rvReserve(fromBytes, 0, int32(len(state)))
	require.NotZero(t, p)
	in, err := api.InBytes(len(state), "bytes") // the area rv_reserve returned
	require.NoError(t, err)
	copy(in, state)
	restored := rvFromBytes(fromBytes, int32(len(state)))
	require.NotZero(t, restored)
	assert.Equal(t, 1.0, fastCall(t, restored, code(api.Scoped, "total_adapt_count")))
	assert.Zero(t, rvFromBytes(fromBytes, 3))
	assert.Equal(t, api.PlainError, lastFailure().Kind)
	bare := newObj(t, "WasmMicroLoRA", 4)
	defer bare.Call("free")
	assert.Zero(t, rvCall(uint32(bare.Get(handleKey).Int()), code(api.Micro, "dim"), 0, 0, 0, 0), "a bare object is not the loaders'")
	for _, x := range []uint32{h, b, restored} {
		rvRelease(x)
	}
	assert.Zero(t, rvCall(h, code(api.Scoped, "dim"), 0, 0, 0, 0))
	assert.Equal(t, "WasmScopedLoRA.dim: object has been freed", lastFailure().Message)
	assert.Zero(t, rvNew(code(api.Micro, "dim"), 0, 4, 0, 0), "not a constructor")
	assert.Zero(t, rvCall(1, -1, 0, 0, 0, 0), "no such member")
	assert.Zero(t, rvReject(0, code(api.Micro, "forward_array"), 0, int32(api.NotNumbers), 0))
	assert.Equal(t, api.Failure{Kind: api.TypeError, Arg: 0, Message: "WasmMicroLoRA.forward_array: input must hold only numbers"}, lastFailure())
}

// TestDetachedArrays: a detached typed array or ArrayBuffer is a RangeError
// that names the method and the argument, on every kind of array parameter.
func TestDetachedArrays(t *testing.T) {
	detached := func(ctor string, n int) js.Value {
		a := js.Global().Get(ctor).New(n)
		js.Global().Get("structuredClone").Invoke(a.Get("buffer"), map[string]any{"transfer": []any{a.Get("buffer")}})
		return a
	}
	m := newObj(t, "WasmMicroLoRA", 4)
	defer m.Call("free")
	for _, tc := range []struct{ method, arg string }{
		{"forward_array", "input"}, {"adapt_array", "gradient"}, {"set_b", "b"},
		{"forward_batch", "inputs"}, {"adapt_batch", "gradients"},
	} {
		r := m.Call(tc.method, detached("Float32Array", 8))
		require.True(t, isError(r), tc.method)
		assert.Equal(t, "RangeError", r.Get("constructor").Get("name").String(), tc.method)
		assert.Contains(t, r.Get("message").String(), "WasmMicroLoRA."+tc.method+": "+tc.arg+" must not be detached", tc.method)
	}
	r := m.Call("adapt_array", detached("Float64Array", 4))
	assert.Contains(t, r.Get("message").String(), "gradient must not be detached")
	for _, bytes := range []js.Value{detached("Uint8Array", 16), detached("Uint8Array", 16).Get("buffer")} {
		r = js.Global().Get("WasmMicroLoRA").Call("from_bytes", bytes)
		require.True(t, isError(r))
		assert.Contains(t, r.Get("message").String(), "WasmMicroLoRA.from_bytes: bytes must not be detached")
	}
}

// TestLyingLengths: a Float32Array whose length property lies is read by
// its real length, so a wrong real length is refused whatever it claims.
func TestLyingLengths(t *testing.T) {
	m := newObj(t, "WasmMicroLoRA", 4)
	defer m.Call("free")
	long := jsF32([]float32{1, 2, 3, 4, 5, 6, 7, 8})
	js.Global().Get("Object").Call("defineProperty", long, "length", map[string]any{"value": 4})
	r := m.Call("forward_array", long)
	require.True(t, isError(r))
	assert.Contains(t, r.Get("message").String(), "WasmMicroLoRA.forward_array: input must have length dim() = 4")
	short := jsF32([]float32{1, 2})
	js.Global().Get("Object").Call("defineProperty", short, "length", map[string]any{"value": 4})
	r = m.Call("adapt_array", short)
	require.True(t, isError(r))
	assert.Equal(t, "0", jsString(m.Call("adapt_count")))
}

// TestHandlesAreReused keeps the table from growing across create/free cycles.
func TestHandlesAreReused(t *testing.T) {
	for range 1000 {
		newObj(t, "WasmMicroLoRA", 8).Call("free")
	}
	n := len(objects)
	for range 1000 {
		newObj(t, "WasmMicroLoRA", 8).Call("free")
	}
	assert.Equal(t, n, len(objects))
}

// TestPointers checks that the buffer pointers address the engine's buffers.
func TestPointers(t *testing.T) {
	v := newObj(t, "WasmMicroLoRA", 3)
	o, err := self(v, api.Micro)
	require.NoError(t, err)
	m := o.(*api.MicroLoRA)
	assert.Equal(t, api.Address(m.Micro.In), v.Call("get_input_ptr").Float())
	assert.Equal(t, api.Address(m.Micro.Out), v.Call("get_output_ptr").Float())
	assert.Equal(t, float64(3*4), v.Call("get_output_ptr").Float()-v.Call("get_input_ptr").Float())
}

// TestArraysByTheirKind: a typed array is read by its own kind, whatever
// prototype it was given, and an object that only inherits from
// Float32Array.prototype is refused by name, not by the engine's TypeError.
func TestArraysByTheirKind(t *testing.T) {
	m := newObj(t, "WasmMicroLoRA", 4)
	defer m.Call("free")
	object := js.Global().Get("Object")
	f32Proto := js.Global().Get("Float32Array").Get("prototype")
	given := func(v js.Value) js.Value { return object.Call("setPrototypeOf", v, f32Proto) }
	ints := js.Global().Get("Int32Array").Call("of", 1, -2, 3, -4)
	want := f32s(m.Call("forward_array", jsF32([]float32{1, -2, 3, -4})))
	assert.Equal(t, want, f32s(m.Call("forward_array", given(ints))), "an Int32Array given Float32Array.prototype")

	for _, tc := range []struct {
		name, reason string
		v            js.Value
	}{
		{"BigInt64Array given it", "must hold only numbers", given(js.Global().Get("BigInt64Array").New(4))},
		{"Object.create", "must be a Float32Array or an array of numbers", object.Call("create", f32Proto)},
		{"Proxy", "must be a Float32Array or an array of numbers", js.Global().Get("Proxy").New(jsF32(make([]float32, 4)), map[string]any{})},
		{"DataView given it", "must be a Float32Array or an array of numbers", given(js.Global().Get("DataView").New(js.Global().Get("ArrayBuffer").New(16)))},
	} {
		r := m.Call("adapt_array", tc.v)
		require.True(t, isError(r), tc.name)
		assert.Equal(t, "TypeError", r.Get("constructor").Get("name").String(), tc.name)
		assert.Contains(t, r.Get("message").String(), "WasmMicroLoRA.adapt_array: gradient "+tc.reason, tc.name)
	}
	assert.Equal(t, "0", jsString(m.Call("adapt_count")))
}
