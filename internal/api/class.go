package api

// Class is a JS class: Micro, Scoped or Buffer (1-based, as the exports and
// the generated JavaScript number them).
type Class uint8

// The classes.
const (
	Micro Class = iota + 1
	Scoped
	Buffer
)

// NumClasses is the number of classes; ids run 1..NumClasses.
const NumClasses = 3

// String is the class's JS name.
func (c Class) String() string {
	if c >= Micro && c <= Buffer {
		return classNames[c]
	}
	return "?"
}

var classNames = [...]string{Micro: "WasmMicroLoRA", Scoped: "WasmScopedLoRA", Buffer: "WasmTrajectoryBuffer"}

// Label is "Class.member", the prefix of every error message.
func Label(c Class, member string) string { return c.String() + "." + member }

// ClassOf is the class of an object this package made, 0 for anything else.
func ClassOf(o any) Class {
	switch o.(type) {
	case *MicroLoRA:
		return Micro
	case *ScopedLoRA:
		return Scoped
	case *TrajectoryBuffer:
		return Buffer
	}
	return 0
}
