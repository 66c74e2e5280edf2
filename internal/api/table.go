package api

// Member is one member of a JS class: the single source for both bindings,
// the generated JavaScript and Go, and the checks of the types and the README.
//   - A Method, and a Static with a result other than Object, is
//     implemented by the function of this package named after its class
//     and name: WasmMicroLoRA.get_b by microGetB. Call, generated into
//     call_gen.go, dispatches to it. Constructors, from_bytes and
//     Lifecycle members are implemented by name (construct.go, the
//     bindings, the JS layers).
//   - Export names the member's own //go:wasmexport (generated into
//     cmd/wasm/hot_gen.go), for the hot calls; its implementation is then
//     exported: WasmMicroLoRA.forward by MicroForward. Or it is
//     QuickExport, the one export of the members whose implementation
//     cannot panic and allocates nothing when it accepts the call (the
//     reads of a number and the resets), which reaches them through Call
//     like rv_call, but without its deferred recover. The others go
//     through rv_call with their Code.
//
// (One function pointer per member in the table would keep every small
// implementation a function of its own; Call's switch lets the compiler
// inline them, which makes the wasm smaller.)
//
// The three one-byte fields come first, so that they share one word: after
// each of them, padding of a word's other 7 bytes would be in the table's
// data in the wasm (about 750 bytes for the 69 members).
type Member struct {
	Class  Class
	Sort   Sort
	Result Kind
	Name   string
	Params []Param
	Export string
}

// Implemented reports whether m has a Go implementation that Call reaches.
func (m *Member) Implemented() bool {
	return m.Sort == Method || m.Sort == Static && m.Result != Object
}

// Args are a call's arguments once read: the numbers, booleans (0 or 1) and
// any-length arrays' lengths in N, in parameter order; a DimArray is already
// in the object's scratch area, a BufferArg in Buffer. (Not comparable, so
// that the wasm carries no equality function for it.)
type Args struct {
	_      [0]func()
	N      [4]float64
	Buffer *TrajectoryBuffer
}

// QuickExport is the Export of the quick members (Member says more): they
// take at most one number and give a number or nothing, and need neither
// rv_call's deferred recover nor its argument placement.
const QuickExport = "rv_quick"

// Code is a member's index in Members, as the exports and the generated
// JavaScript name it.
type Code = int32

// Members lists every member of the three classes. Adding a method is one
// entry here and its implementation (then go generate ./internal/api, a doc
// line in types/index.d.ts and a test; see the README's Contributing
// section).
var Members = []Member{
	{Micro, Constructor, Object, "constructor", []Param{{"dim", Int}, {"alpha", Float}, {"learning_rate", Float}}, ""},
	{Micro, Static, Object, "from_bytes", []Param{{"bytes", Bytes}}, ""},
	{Micro, Lifecycle, Void, "free", nil, ""},
	{Micro, Lifecycle, Output, "input_view", nil, ""},
	{Micro, Lifecycle, Output, "output_view", nil, ""},
	{Micro, Lifecycle, Object, "memory", nil, ""},
	{Micro, Method, Fixed, "dim", nil, QuickExport},
	{Micro, Method, Fixed, "param_count", nil, QuickExport},
	{Micro, Method, Fixed, "get_input_ptr", nil, QuickExport},
	{Micro, Method, Fixed, "get_output_ptr", nil, QuickExport},
	{Micro, Method, Void, "forward", nil, "rv_micro_forward"},
	{Micro, Method, Output, "forward_array", []Param{{"input", DimArray}, {"out", Into}}, "rv_micro_forward_array"},
	{Micro, Method, Void, "adapt", nil, "rv_micro_adapt"},
	{Micro, Method, Void, "adapt_array", []Param{{"gradient", DimArray}}, "rv_micro_adapt_array"},
	{Micro, Method, Void, "adapt_with_reward", []Param{{"improvement", Number}}, "rv_micro_adapt_with_reward"},
	{Micro, Method, Void, "reset", nil, QuickExport},
	{Micro, Method, Count, "forward_count", nil, QuickExport},
	{Micro, Method, Count, "adapt_count", nil, QuickExport},
	{Micro, Method, Float32R, "delta_norm", nil, QuickExport},
	{Micro, Method, Floats, "get_b", nil, ""},
	{Micro, Method, Void, "set_b", []Param{{"b", AnyArray}}, ""},
	{Micro, Method, Floats, "forward_batch", []Param{{"inputs", AnyArray}, {"out", IntoAll}}, ""},
	{Micro, Method, Void, "adapt_batch", []Param{{"gradients", AnyArray}}, ""},
	{Micro, Method, BytesR, "to_bytes", nil, ""},

	{Scoped, Constructor, Object, "constructor", []Param{{"dim", Int}, {"alpha", Float}, {"learning_rate", Float}}, ""},
	{Scoped, Static, Object, "from_bytes", []Param{{"bytes", Bytes}}, ""},
	{Scoped, Static, Text, "scope_name", []Param{{"op_type", Number}}, ""},
	{Scoped, Lifecycle, Void, "free", nil, ""},
	{Scoped, Lifecycle, Output, "input_view", nil, ""},
	{Scoped, Lifecycle, Output, "output_view", nil, ""},
	{Scoped, Lifecycle, Object, "memory", nil, ""},
	{Scoped, Method, Fixed, "dim", nil, QuickExport},
	{Scoped, Method, Fixed, "get_input_ptr", nil, QuickExport},
	{Scoped, Method, Fixed, "get_output_ptr", nil, QuickExport},
	{Scoped, Method, Void, "forward", []Param{{"op_type", Number}}, "rv_scoped_forward"},
	{Scoped, Method, Output, "forward_array", []Param{{"op_type", Number}, {"input", DimArray}, {"out", Into}}, "rv_scoped_forward_array"},
	{Scoped, Method, Void, "adapt", []Param{{"op_type", Number}}, "rv_scoped_adapt"},
	{Scoped, Method, Void, "adapt_array", []Param{{"op_type", Number}, {"gradient", DimArray}}, "rv_scoped_adapt_array"},
	{Scoped, Method, Void, "adapt_with_reward", []Param{{"op_type", Number}, {"improvement", Number}}, "rv_scoped_adapt_with_reward"},
	{Scoped, Method, Void, "reset_scope", []Param{{"op_type", Number}}, QuickExport},
	{Scoped, Method, Void, "reset_all", nil, QuickExport},
	{Scoped, Method, Count, "forward_count", []Param{{"op_type", Number}}, QuickExport},
	{Scoped, Method, Count, "adapt_count", []Param{{"op_type", Number}}, QuickExport},
	{Scoped, Method, Float32R, "delta_norm", []Param{{"op_type", Number}}, QuickExport},
	{Scoped, Method, Count, "total_forward_count", nil, QuickExport},
	{Scoped, Method, Count, "total_adapt_count", nil, QuickExport},
	{Scoped, Method, Void, "set_category_fallback", []Param{{"enabled", Bool}}, QuickExport},
	{Scoped, Method, Floats, "forward_batch", []Param{{"op_type", Number}, {"inputs", AnyArray}, {"out", IntoAll}}, ""},
	{Scoped, Method, Void, "adapt_batch", []Param{{"op_type", Number}, {"gradients", AnyArray}}, ""},
	{Scoped, Method, NumberR, "learn_from", []Param{{"buffer", BufferArg}, {"min_quality", OptNumber}}, ""},
	{Scoped, Method, BytesR, "to_bytes", nil, ""},

	{Buffer, Constructor, Object, "constructor", []Param{{"capacity", Int}, {"embedding_dim", Int}}, ""},
	{Buffer, Static, Object, "from_bytes", []Param{{"bytes", Bytes}}, ""},
	{Buffer, Lifecycle, Void, "free", nil, ""},
	{Buffer, Lifecycle, Object, "memory", nil, ""},
	{Buffer, Method, Spare, "record", []Param{{"embedding", DimArray}, {"op_type", Number}, {"attention_type", Number}, {"execution_ms", Number}, {"baseline_ms", Number}}, "rv_record"},
	{Buffer, Method, Count, "total_count", nil, QuickExport},
	{Buffer, Method, NumberR, "len", nil, QuickExport},
	{Buffer, Method, BoolR, "is_empty", nil, QuickExport},
	{Buffer, Method, Float32R, "mean_improvement", nil, QuickExport},
	{Buffer, Method, Float32R, "best_improvement", nil, QuickExport},
	{Buffer, Method, Float32R, "success_rate", nil, QuickExport},
	{Buffer, Method, NumberR, "best_attention", nil, QuickExport},
	{Buffer, Method, Float32R, "variance", nil, QuickExport},
	{Buffer, Method, NumberR, "high_quality_count", []Param{{"threshold", Number}}, QuickExport},
	{Buffer, Method, NumberR, "count_by_operator", []Param{{"op_type", Number}}, QuickExport},
	{Buffer, Method, Spare, "reset", nil, ""},
	{Buffer, Method, Fixed, "embedding_dim", nil, QuickExport},
	{Buffer, Method, BytesR, "to_bytes", nil, ""},
}

// Find is the code of class c's member name, or -1.
func Find(c Class, name string) Code {
	for i := range Members {
		if Members[i].Class == c && Members[i].Name == name {
			return Code(i)
		}
	}
	return -1
}

// ArgIndex is the position of parameter name among m's parameters, or -1.
func (m *Member) ArgIndex(name string) int {
	for i, p := range m.Params {
		if p.Name == name {
			return i
		}
	}
	return -1
}

// Label is "Class.name".
func (m *Member) Label() string { return Label(m.Class, m.Name) }
