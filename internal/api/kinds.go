package api

// Kind is what a parameter accepts, or what a member gives back; each is one
// letter, as the generated JavaScript spells it.
type Kind byte

// Parameter kinds.
const (
	Number    Kind = 'n' // a number
	OptNumber Kind = 'N' // a number, or undefined or null for 0
	Int       Kind = 'i' // a constructor's integer, or undefined or null for its default
	Float     Kind = 'f' // a constructor's float32, or undefined or null for its default
	Bool      Kind = 'b' // true or false (1 or 0, as wasm-bindgen's bool)
	DimArray  Kind = 'a' // dim() numbers, written into the object's scratch area
	AnyArray  Kind = 'A' // numbers of any length, written into the input area
	Bytes     Kind = 'u' // a Uint8Array (or ArrayBuffer) saved by to_bytes
	BufferArg Kind = 'B' // a live WasmTrajectoryBuffer of the same module
	Into      Kind = 'o' // optional: a Float32Array of dim() values receiving the result
	IntoAll   Kind = 'O' // optional: a Float32Array as long as the AnyArray before it, receiving the result
)

// Result kinds.
const (
	Void     Kind = 'v' // undefined
	Spare    Kind = 'x' // undefined; the value is the buffer's new scratch offset
	NumberR  Kind = 'n' // a number
	Fixed    Kind = 'F' // a number that never changes for an object and is never 0: the loader keeps it in the object's record
	Float32R Kind = 'f' // a float32, as a number
	Count    Kind = 'c' // a count, as a bigint
	BoolR    Kind = 'b' // a boolean
	Output   Kind = 'y' // dim() values from the object's output scratch, as a Float32Array (or into Into)
	Floats   Kind = 'Y' // the output area's first value floats, as a Float32Array (or into IntoAll)
	BytesR   Kind = 'U' // the output area's first value bytes, as a Uint8Array
	Object   Kind = 'O' // a new object of the class (constructors, from_bytes)
	Text     Kind = 's' // a string
)

// Param is one parameter: its JS name (as error messages say it) and kind.
type Param struct {
	Name string
	Kind Kind
}

// Member sorts: how a member is reached and who implements it.
type Sort uint8

const (
	Method      Sort = iota // an instance method implemented in Go
	Static                  // a static method implemented in Go
	Constructor             // the constructor, implemented in Go
	Lifecycle               // implemented by the JS layers (free, the views, memory)
)
