package api

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMembersAreComplete checks each entry of the table for what the
// bindings and the generator rely on.
func TestMembersAreComplete(t *testing.T) {
	seen := map[string]bool{}
	for code, m := range Members {
		label := m.Label()
		require.False(t, seen[label], "%s twice", label)
		seen[label] = true
		require.True(t, m.Class >= Micro && m.Class <= Buffer, "code %d", code)
		numbers, names := 0, map[string]bool{}
		for _, p := range m.Params {
			assert.False(t, names[p.Name], "%s: parameter %s twice", label, p.Name)
			names[p.Name] = true
			assert.Contains(t, "nNifbaAuBoO", string(p.Kind), "%s: kind of %s", label, p.Name)
			if p.Kind != DimArray && p.Kind != Into && p.Kind != IntoAll {
				numbers++
			}
			if p.Kind == IntoAll {
				i := m.ArgIndex(p.Name)
				assert.True(t, i > 0 && m.Params[i-1].Kind == AnyArray && m.Result == Floats, "%s: an IntoAll follows an AnyArray, for a Floats result", label)
			}
			if p.Kind == Into || p.Kind == IntoAll {
				assert.Equal(t, p.Name, m.Params[len(m.Params)-1].Name, "%s: out comes last", label)
			}
		}
		assert.LessOrEqual(t, numbers, 4, "%s: rv_call carries four numbers", label)
		if m.Sort == Static {
			assert.Equal(t, m.Name != "from_bytes", m.Implemented(), "%s: static implementation", label)
		}
		assert.True(t, m.Export == "" || m.Sort == Method, "%s: only methods have their own export", label)
		if m.Sort != Constructor {
			assert.Less(t, Find(m.Class, "constructor"), Code(code), "%s: after its class's constructor (cmd/wasm's register needs it first)", label)
		}
		assert.Equal(t, Code(code), Find(m.Class, m.Name))
	}
	for c := Micro; c <= Buffer; c++ {
		for _, name := range []string{"constructor", "from_bytes", "free", "memory"} {
			assert.GreaterOrEqual(t, Find(c, name), Code(0), "%s.%s", c, name)
		}
	}
	assert.Equal(t, Code(-1), Find(Micro, "no_such_member"))
}

// TestQuickMembers: IsQuick accepts exactly the codes of the members whose
// Export is QuickExport, and each such member is a method that takes at
// most one number (or boolean) and gives a number, a bool, a count or
// nothing (what rv_quick carries).
func TestQuickMembers(t *testing.T) {
	quick := 0
	for code := Code(-130); code < 200; code++ {
		want := code >= 0 && int(code) < len(Members) && Members[code].Export == QuickExport
		assert.Equal(t, want, IsQuick(code), "code %d", code)
		if !want {
			continue
		}
		quick++
		m := &Members[code]
		assert.Equal(t, Method, m.Sort, m.Label())
		assert.Contains(t, []Kind{NumberR, Fixed, Float32R, Count, BoolR, Void}, m.Result, m.Label())
		assert.LessOrEqual(t, len(m.Params), 1, m.Label())
		for _, p := range m.Params {
			assert.Contains(t, []Kind{Number, Bool}, p.Kind, "%s: %s", m.Label(), p.Name)
		}
	}
	assert.Positive(t, quick)
	for _, code := range []Code{math.MinInt32, math.MaxInt32, 1 << 7, 1 << 8, 1<<6 + 1<<7} {
		assert.False(t, IsQuick(code), "code %d", code)
	}
}

// TestFixedMembers: a Fixed member is quick and takes nothing, and its
// value is never 0 and stays the same while its object learns, records
// and resets (the loader keeps the first value it reads).
func TestFixedMembers(t *testing.T) {
	objs := objects(t)
	fixed := map[Code]float64{}
	read := func(code Code) float64 {
		v, err := Call(objs[Members[code].Class], code, &Args{})
		require.NoError(t, err, Members[code].Label())
		return v
	}
	for code, m := range Members {
		if m.Result != Fixed {
			continue
		}
		assert.Equal(t, QuickExport, m.Export, m.Label())
		assert.Empty(t, m.Params, m.Label())
		fixed[Code(code)] = read(Code(code))
		assert.NotZero(t, fixed[Code(code)], m.Label())
	}
	assert.Len(t, fixed, 8)
	ScratchOf(objs[Micro])[0], ScratchOf(objs[Scoped])[1] = 0.5, -0.25
	for _, step := range []struct {
		class Class
		name  string
		n     float64
	}{{Micro, "adapt_array", 0}, {Micro, "adapt", 0}, {Micro, "forward", 0}, {Micro, "reset", 0},
		{Scoped, "adapt_array", 3}, {Scoped, "forward", 3}, {Scoped, "reset_all", 0},
		{Buffer, "record", 0}, {Buffer, "reset", 0}} {
		_, err := Call(objs[step.class], Find(step.class, step.name), &Args{N: [4]float64{step.n, 1, 2, 3}})
		require.NoError(t, err, "%s.%s", step.class, step.name)
		for code, v := range fixed {
			assert.Equal(t, v, read(code), "%s after %s.%s", Members[code].Label(), step.class, step.name)
		}
	}
}

// objects returns one small object of each class.
func objects(t *testing.T) map[Class]any {
	t.Helper()
	out := map[Class]any{}
	for c, a := range map[Class][3]float64{Micro: {4, 0.1, 0.01}, Scoped: {4, 0.1, 0.01}, Buffer: {4, 4}} {
		o, err := New(c, 0, a)
		require.NoError(t, err)
		out[c] = o
	}
	return out
}

// TestEveryMethodCalls reaches each method's implementation through Call
// with arguments it accepts or refuses itself (an op_type of 1, empty
// arrays), never with ErrNotThis or ErrNoMember; a method of another class
// is ErrNotThis.
func TestEveryMethodCalls(t *testing.T) {
	objs := objects(t)
	buffer := objs[Buffer].(*TrajectoryBuffer)
	for code, m := range Members {
		if m.Sort != Method && m.Sort != Static {
			continue
		}
		if !m.Implemented() {
			continue
		}
		var o any
		if m.Sort == Method {
			o = objs[m.Class]
		}
		_, err := Call(o, Code(code), &Args{N: [4]float64{1, 0, 1, 1}, Buffer: buffer})
		assert.NotEqual(t, ErrNotThis, err, m.Label())
		assert.NotEqual(t, ErrNoMember, err, m.Label())
		if m.Sort == Method {
			other := objs[m.Class%3+1]
			_, err = Call(other, Code(code), &Args{})
			assert.Equal(t, ErrNotThis, err, "%s on a %s", m.Label(), ClassOf(other))
		}
	}
	for _, code := range []Code{-1, Code(len(Members)), Find(Micro, "free"), Find(Micro, "constructor")} {
		_, err := Call(objs[Micro], code, &Args{})
		assert.Error(t, err, "code %d", code)
	}
}

// TestFail turns each kind of error into the Failure JS throws.
func TestFail(t *testing.T) {
	adaptArray, record := Find(Micro, "adapt_array"), Find(Buffer, "record")
	m := objects(t)[Micro]
	for _, tc := range []struct {
		name string
		code Code
		err  error
		want Failure
	}{
		{"range", adaptArray, ArrayLen(m, "gradient", 3), Failure{RangeError, 0, "WasmMicroLoRA.adapt_array: gradient must have length dim() = 4"}},
		{"type", adaptArray, ArgError("gradient", NotArray), Failure{TypeError, 0, "WasmMicroLoRA.adapt_array: gradient must be a Float32Array or an array of numbers"}},
		{"not this", adaptArray, ErrNotThis, Failure{TypeError, -1, "WasmMicroLoRA.adapt_array: this is not a WasmMicroLoRA"}},
		{"freed", record, ErrFreed, Failure{PlainError, -1, "WasmTrajectoryBuffer.record: object has been freed"}},
		{"fourth argument", record, ArgError("execution_ms", NotNumber), Failure{TypeError, 3, "WasmTrajectoryBuffer.record: execution_ms must be a number"}},
		{"no such argument", record, ArgError("state", Memory), Failure{RangeError, -1, "WasmTrajectoryBuffer.record: state " + reasonMemory}},
		{"no such member", -1, ErrNoMember, Failure{PlainError, -1, "ruvector-learning-wasm: no such member"}},
	} {
		assert.Equal(t, tc.want, Fail(tc.code, tc.err), tc.name)
	}
}

// TestFailureEncode checks the layout the generated JavaScript decodes.
func TestFailureEncode(t *testing.T) {
	guard := []byte{0xEE}
	b := Failure{TypeError, -1, "ab"}.Encode(guard)
	assert.Equal(t, []byte{0xEE, 1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 2, 0, 0, 0, 'a', 'b'}, b)
	b = Failure{PlainError, 258, ""}.Encode(nil)
	assert.Equal(t, []byte{2, 0, 0, 0, 2, 1, 0, 0, 0, 0, 0, 0}, b)
}

// TestRejection gives each reason's error for a parameter of a member.
func TestRejection(t *testing.T) {
	m := objects(t)[Micro]
	forwardArray, learnFrom := Find(Micro, "forward_array"), Find(Scoped, "learn_from")
	for _, tc := range []struct {
		code   Code
		i      int
		r      Reason
		n      float64
		kind   ErrorKind
		arg    int
		suffix string
	}{
		{forwardArray, -1, NotThis, 0, TypeError, -1, "this is not a WasmMicroLoRA"},
		{forwardArray, -1, Freed, 0, PlainError, -1, "object has been freed"},
		{forwardArray, 0, NotArray, 0, TypeError, 0, "input must be a Float32Array or an array of numbers"},
		{forwardArray, 0, NotNumbers, 0, TypeError, 0, "input must hold only numbers"},
		{forwardArray, 0, Detached, 0, RangeError, 0, "input must not be detached"},
		{forwardArray, 0, Length, 7, RangeError, 0, "input must have length dim() = 4"},
		{forwardArray, 1, NotFloat32Array, 0, TypeError, 1, "out must be a Float32Array"},
		{forwardArray, 1, IntoLength, 0, RangeError, 1, "out must have length dim() = 4"},
		{Find(Micro, "forward_batch"), 1, IntoLength, 12, RangeError, 1, "out must have length inputs.length = 12"},
		{Find(Scoped, "forward_batch"), 2, NotFloat32Array, 0, TypeError, 2, "out must be a Float32Array"},
		{learnFrom, 0, NotBuffer, 0, TypeError, 0, "buffer must be a live WasmTrajectoryBuffer"},
		{learnFrom, 1, NotNumber, 0, TypeError, 1, "min_quality must be a number"},
		{Find(Scoped, "set_category_fallback"), 0, NotBool, 0, TypeError, 0, "enabled must be a boolean"},
		{Find(Scoped, "set_category_fallback"), 0, BoolRange, 0, RangeError, 0, "enabled must be a boolean"},
		{Find(Micro, "from_bytes"), 0, NotBytes, 0, TypeError, 0, "bytes must be a Uint8Array"},
	} {
		f := Fail(tc.code, Rejection(m, tc.code, tc.i, tc.r, tc.n))
		assert.Equal(t, tc.kind, f.Kind, f.Message)
		assert.Equal(t, tc.arg, f.Arg, f.Message)
		assert.Equal(t, Members[tc.code].Label()+": "+tc.suffix, f.Message)
	}
	for _, bad := range []struct {
		code Code
		i    int
		r    Reason
	}{{forwardArray, 5, NotArray}, {forwardArray, 0, 0}, {forwardArray, 0, NumReasons}, {-1, 0, NotArray}} {
		assert.Equal(t, ErrNoMember, Rejection(m, bad.code, bad.i, bad.r, 0), "%+v", bad)
	}
}

// TestOpType: an integer in 0..16, else an error.
func TestOpType(t *testing.T) {
	for _, f := range []float64{-1, 17, 1e300, 2.5} {
		_, err := OpType(f)
		assert.Error(t, err, "%v", f)
	}
	op, err := OpType(16)
	assert.NoError(t, err)
	assert.Equal(t, 16, op)
}
