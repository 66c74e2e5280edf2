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
//     exported: WasmMicroLoRA.forward by MicroForward. The others go
//     through rv_call with their Code.
//
// (One function pointer per member in the table would keep every small
// implementation a function of its own; Call's switch lets the compiler
// inline them, which makes the wasm smaller.)
type Member struct {
	Class  Class
	Name   string
	Sort   Sort
	Params []Param
	Result Kind
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

// Code is a member's index in Members, as the exports and the generated
// JavaScript name it.
type Code = int32

// Members lists every member of the three classes. Adding a method is one
// entry here and its implementation (then go generate ./internal/api, a doc
// line in types/index.d.ts and a test; see the README's Contributing
// section).
var Members = []Member{
	{Micro, "constructor", Constructor, []Param{{"dim", Int}, {"alpha", Float}, {"learning_rate", Float}}, Object, ""},
	{Micro, "from_bytes", Static, []Param{{"bytes", Bytes}}, Object, ""},
	{Micro, "free", Lifecycle, nil, Void, ""},
	{Micro, "input_view", Lifecycle, nil, Output, ""},
	{Micro, "output_view", Lifecycle, nil, Output, ""},
	{Micro, "memory", Lifecycle, nil, Object, ""},
	{Micro, "dim", Method, nil, NumberR, ""},
	{Micro, "param_count", Method, nil, NumberR, ""},
	{Micro, "get_input_ptr", Method, nil, NumberR, ""},
	{Micro, "get_output_ptr", Method, nil, NumberR, ""},
	{Micro, "forward", Method, nil, Void, "rv_micro_forward"},
	{Micro, "forward_array", Method, []Param{{"input", DimArray}, {"out", Into}}, Output, "rv_micro_forward_array"},
	{Micro, "adapt", Method, nil, Void, "rv_micro_adapt"},
	{Micro, "adapt_array", Method, []Param{{"gradient", DimArray}}, Void, "rv_micro_adapt_array"},
	{Micro, "adapt_with_reward", Method, []Param{{"improvement", Number}}, Void, "rv_micro_adapt_with_reward"},
	{Micro, "reset", Method, nil, Void, ""},
	{Micro, "forward_count", Method, nil, Count, ""},
	{Micro, "adapt_count", Method, nil, Count, ""},
	{Micro, "delta_norm", Method, nil, Float32R, ""},
	{Micro, "get_b", Method, nil, Floats, ""},
	{Micro, "set_b", Method, []Param{{"b", AnyArray}}, Void, ""},
	{Micro, "forward_batch", Method, []Param{{"inputs", AnyArray}, {"out", IntoAll}}, Floats, ""},
	{Micro, "adapt_batch", Method, []Param{{"gradients", AnyArray}}, Void, ""},
	{Micro, "to_bytes", Method, nil, BytesR, ""},

	{Scoped, "constructor", Constructor, []Param{{"dim", Int}, {"alpha", Float}, {"learning_rate", Float}}, Object, ""},
	{Scoped, "from_bytes", Static, []Param{{"bytes", Bytes}}, Object, ""},
	{Scoped, "scope_name", Static, []Param{{"op_type", Number}}, Text, ""},
	{Scoped, "free", Lifecycle, nil, Void, ""},
	{Scoped, "input_view", Lifecycle, nil, Output, ""},
	{Scoped, "output_view", Lifecycle, nil, Output, ""},
	{Scoped, "memory", Lifecycle, nil, Object, ""},
	{Scoped, "dim", Method, nil, NumberR, ""},
	{Scoped, "get_input_ptr", Method, nil, NumberR, ""},
	{Scoped, "get_output_ptr", Method, nil, NumberR, ""},
	{Scoped, "forward", Method, []Param{{"op_type", Number}}, Void, "rv_scoped_forward"},
	{Scoped, "forward_array", Method, []Param{{"op_type", Number}, {"input", DimArray}, {"out", Into}}, Output, "rv_scoped_forward_array"},
	{Scoped, "adapt", Method, []Param{{"op_type", Number}}, Void, "rv_scoped_adapt"},
	{Scoped, "adapt_array", Method, []Param{{"op_type", Number}, {"gradient", DimArray}}, Void, "rv_scoped_adapt_array"},
	{Scoped, "adapt_with_reward", Method, []Param{{"op_type", Number}, {"improvement", Number}}, Void, "rv_scoped_adapt_with_reward"},
	{Scoped, "reset_scope", Method, []Param{{"op_type", Number}}, Void, ""},
	{Scoped, "reset_all", Method, nil, Void, ""},
	{Scoped, "forward_count", Method, []Param{{"op_type", Number}}, Count, ""},
	{Scoped, "adapt_count", Method, []Param{{"op_type", Number}}, Count, ""},
	{Scoped, "delta_norm", Method, []Param{{"op_type", Number}}, Float32R, ""},
	{Scoped, "total_forward_count", Method, nil, Count, ""},
	{Scoped, "total_adapt_count", Method, nil, Count, ""},
	{Scoped, "set_category_fallback", Method, []Param{{"enabled", Bool}}, Void, ""},
	{Scoped, "forward_batch", Method, []Param{{"op_type", Number}, {"inputs", AnyArray}, {"out", IntoAll}}, Floats, ""},
	{Scoped, "adapt_batch", Method, []Param{{"op_type", Number}, {"gradients", AnyArray}}, Void, ""},
	{Scoped, "learn_from", Method, []Param{{"buffer", BufferArg}, {"min_quality", OptNumber}}, NumberR, ""},
	{Scoped, "to_bytes", Method, nil, BytesR, ""},

	{Buffer, "constructor", Constructor, []Param{{"capacity", Int}, {"embedding_dim", Int}}, Object, ""},
	{Buffer, "from_bytes", Static, []Param{{"bytes", Bytes}}, Object, ""},
	{Buffer, "free", Lifecycle, nil, Void, ""},
	{Buffer, "memory", Lifecycle, nil, Object, ""},
	{Buffer, "record", Method, []Param{{"embedding", DimArray}, {"op_type", Number}, {"attention_type", Number}, {"execution_ms", Number}, {"baseline_ms", Number}}, Spare, "rv_record"},
	{Buffer, "total_count", Method, nil, Count, ""},
	{Buffer, "len", Method, nil, NumberR, ""},
	{Buffer, "is_empty", Method, nil, BoolR, ""},
	{Buffer, "mean_improvement", Method, nil, Float32R, ""},
	{Buffer, "best_improvement", Method, nil, Float32R, ""},
	{Buffer, "success_rate", Method, nil, Float32R, ""},
	{Buffer, "best_attention", Method, nil, NumberR, ""},
	{Buffer, "variance", Method, nil, Float32R, ""},
	{Buffer, "high_quality_count", Method, []Param{{"threshold", Number}}, NumberR, ""},
	{Buffer, "count_by_operator", Method, []Param{{"op_type", Number}}, NumberR, ""},
	{Buffer, "reset", Method, nil, Spare, ""},
	{Buffer, "embedding_dim", Method, nil, NumberR, ""},
	{Buffer, "to_bytes", Method, nil, BytesR, ""},
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
