package api

import "rvlw/internal/argerr"

// callError is an error that is not about an argument. (A string type, not
// errors.New: the errors package links internal/reflectlite into the wasm.)
type callError string

func (e callError) Error() string { return string(e) }

// Errors about the object a member was called on, and the input area.
const (
	ErrFreed    callError = "object has been freed"
	ErrNotThis  callError = "this is not a " // Fail adds the class's name
	ErrInArea   callError = "array argument larger than the reserved input area"
	ErrNoMember callError = "no such member"
)

// Reason is why the bindings refused an argument before any Go code ran:
// the generated JavaScript passes it to rv_reject, and cmd/wasm's
// js.FuncOf methods build the same errors with ArgError.
type Reason int32

// The reasons, numbered as the generated JavaScript knows them.
const (
	NotThis Reason = iota + 1
	Freed
	NotNumber
	NotBool
	BoolRange
	NotArray
	NotNumbers
	Detached
	Length // the length, given as n, does not fit the parameter
	NotFloat32Array
	IntoLength
	NotBuffer
	NotBytes
	Memory
	NumReasons
)

// reasons[r] is reason r's error kind and text ("arg ..."), for the reasons
// that need nothing else to be told.
var reasons = [NumReasons]struct {
	kind argerr.Kind
	text string
}{
	NotNumber:       {argerr.Type, "must be a number"},
	NotBool:         {argerr.Type, "must be a boolean"},
	BoolRange:       {argerr.Range, "must be a boolean"},
	NotArray:        {argerr.Type, "must be a Float32Array or an array of numbers"},
	NotNumbers:      {argerr.Type, "must hold only numbers"},
	Detached:        {argerr.Range, "must not be detached"},
	NotFloat32Array: {argerr.Type, "must be a Float32Array"},
	NotBuffer:       {argerr.Type, "must be a live WasmTrajectoryBuffer"},
	NotBytes:        {argerr.Type, "must be a Uint8Array"},
	Memory:          {argerr.Range, reasonMemory},
}

// ArgError is argument name refused for reason r (one of the reasons with
// a text). Not inlined: the bindings call it from a dozen places, each of
// which would carry its own copy of the allocation.
//
//go:noinline
func ArgError(name string, r Reason) *argerr.Error {
	return &argerr.Error{Kind: reasons[r].kind, Arg: name, Reason: reasons[r].text}
}

// IntoLen is how many values an out parameter of kind k must hold on object
// o: dim() for an Into, n (the length of the array before it) for an IntoAll.
func IntoLen(o any, k Kind, n int) int {
	if k == IntoAll {
		return n
	}
	return ScratchLen(o)
}

// IntoLengthError is out parameter i of ps, on object o, of the wrong
// length (IntoLen's n is the length of the array before it).
func IntoLengthError(o any, ps []Param, i, n int) *argerr.Error {
	what := "dim()"
	if ps[i].Kind == IntoAll {
		what = ps[i-1].Name + ".length"
	}
	return argerr.NewRange(ps[i].Name, "must have length "+what+" = "+argerr.Itoa(IntoLen(o, ps[i].Kind, n)))
}

// Rejection is the error for reason r about argument i of member code,
// called on o (nil when there is none); n is the refused length for
// Length, the length an IntoAll must have for IntoLength.
func Rejection(o any, code Code, i int, r Reason, n float64) (err error) {
	if code < 0 || int(code) >= len(Members) {
		return ErrNoMember
	}
	m := &Members[code]
	switch {
	case r == NotThis:
		err = ErrNotThis
	case r == Freed:
		err = ErrFreed
	case i < 0 || i >= len(m.Params) || r <= 0 || r >= NumReasons:
		err = ErrNoMember
	case r == Length:
		err = ArrayLen(o, m.Params[i].Name, int(n))
	case r == IntoLength:
		err = IntoLengthError(o, m.Params, i, int(n))
	default:
		err = ArgError(m.Params[i].Name, r)
	}
	return err // one return: each would copy its result
}

// ErrorKind is the JS class of a Failure.
type ErrorKind int32

// The kinds, as the generated JavaScript numbers them.
const (
	RangeError ErrorKind = iota
	TypeError
	PlainError
)

// Failure is a rejected call as JS throws it: Kind's class with Message
// ("Class.member: arg reason"); Arg is the index of the argument to show
// after it as " (got ...)", or -1.
type Failure struct {
	Kind    ErrorKind
	Arg     int
	Message string
}

// Fail is the Failure of member code for err.
func Fail(code Code, err error) Failure {
	f := Failure{PlainError, -1, ""}
	msg := err.Error()
	if code < 0 || int(code) >= len(Members) {
		f.Message = "ruvector-learning-wasm: " + msg
		return f
	}
	m := &Members[code]
	// The core returns *argerr.Error unwrapped, so a type assertion suffices
	// (errors.As would link internal/reflectlite into the wasm).
	switch e := err.(type) {
	case *argerr.Error:
		f.Kind = RangeError
		if e.Kind == argerr.Type {
			f.Kind = TypeError
		}
		f.Arg = m.ArgIndex(e.Arg)
	case callError:
		if e == ErrNotThis {
			f.Kind = TypeError
			msg += m.Class.String()
		}
	}
	f.Message = m.Class.String() + "." + m.Name + ": " + msg // m.Label(), in one concatenation
	return f
}

// Encode appends f as the generated JavaScript reads it: the kind and the
// argument index as little-endian int32, the message's length as int32,
// then its UTF-8 bytes. (Not inlined: it would be copied into each caller.)
//
//go:noinline
func (f Failure) Encode(b []byte) []byte {
	for _, v := range [...]int32{int32(f.Kind), int32(f.Arg), int32(len(f.Message))} {
		b = append(b, byte(v), byte(v>>8), byte(v>>16), byte(v>>24))
	}
	return append(b, f.Message...)
}
