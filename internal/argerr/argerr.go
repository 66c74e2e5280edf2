// Package argerr describes a rejected argument: which one, why, and whether the
// JS side should raise a TypeError or a RangeError (docs/SEMANTICS.md §7.1).
//
// The core never formats numbers into messages (that would link strconv or fmt
// into the wasm); the JS layer, which still holds the offending value, adds the
// class, the method and the value to the text.
package argerr

// Kind selects the JS error class.
type Kind uint8

const (
	// Range is a value of the right kind but outside what is allowed (RangeError).
	Range Kind = iota
	// Type is a value of the wrong kind, such as a string where an array is expected (TypeError).
	Type
)

// Name returns the JS constructor name of the error class. (Not String: a
// String method would be linked into the wasm, where nothing calls it.)
func (k Kind) Name() string {
	if k == Type {
		return "TypeError"
	}
	return "RangeError"
}

// Error is a rejected argument. Arg is the parameter name as the JS API spells
// it ("gradient", "op_type"); Reason completes the sentence "Arg ...".
// (Not comparable: errors are told apart by kind and text, and the wasm
// then carries no equality function for it.)
type Error struct {
	_      [0]func()
	Kind   Kind
	Arg    string
	Reason string
}

// Error returns "Arg Reason", e.g. "op_type must be an integer in 0..16".
func (e *Error) Error() string { return e.Arg + " " + e.Reason }

// NewRange returns a RangeError description for arg. Not inlined (nor is
// NewType): some sixty error paths call it, and in wasm each inlined copy
// of the allocation costs far more than the call.
//
//go:noinline
func NewRange(arg, reason string) *Error { return &Error{Kind: Range, Arg: arg, Reason: reason} }

// NewType returns a TypeError description for arg.
//
//go:noinline
func NewType(arg, reason string) *Error { return &Error{Kind: Type, Arg: arg, Reason: reason} }

// Itoa formats n in decimal (strconv would grow the wasm for this one use).
func Itoa(n int) string {
	if n < 0 {
		return "-" + Itoa(-n)
	}
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		if n /= 10; n == 0 {
			return string(b[i:])
		}
	}
}
