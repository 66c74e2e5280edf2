package api

// Member is one member of a JS class: the single source for both bindings,
// the generated JavaScript, and the checks of the types and the README.
//   - Impl runs a Method on an object of Class, or a Static (Call checks
//     which); constructors, from_bytes and Lifecycle members are
//     implemented by name (construct.go, the bindings, the JS layers).
//   - Export names the member's own //go:wasmexport (generated into
//     cmd/wasm/hot_gen.go), for the hot calls; the others go through
//     rv_call with their Code.
type Member struct {
	Class  Class
	Name   string
	Sort   Sort
	Params []Param
	Result Kind
	Export string
	Impl   Impl
}

// Impl is a member's Go implementation: the one field for its class, or
// Static.
type Impl struct {
	Micro  func(*MicroLoRA, *Args) (float64, error)
	Scoped func(*ScopedLoRA, *Args) (float64, error)
	Buffer func(*TrajectoryBuffer, *Args) (float64, error)
	Static func(*Args) (float64, error)
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
// entry here (then go generate ./internal/api/..., a doc line in
// types/index.d.ts and a test; see the README's Contributing section).
var Members = []Member{
	{Micro, "constructor", Constructor, []Param{{"dim", Int}, {"alpha", Float}, {"learning_rate", Float}}, Object, "", Impl{}},
	{Micro, "from_bytes", Static, []Param{{"bytes", Bytes}}, Object, "", Impl{}},
	{Micro, "free", Lifecycle, nil, Void, "", Impl{}},
	{Micro, "input_view", Lifecycle, nil, Output, "", Impl{}},
	{Micro, "output_view", Lifecycle, nil, Output, "", Impl{}},
	{Micro, "memory", Lifecycle, nil, Object, "", Impl{}},
	{Micro, "dim", Method, nil, NumberR, "", Impl{Micro: microDim}},
	{Micro, "param_count", Method, nil, NumberR, "", Impl{Micro: microParamCount}},
	{Micro, "get_input_ptr", Method, nil, NumberR, "", Impl{Micro: microInputPtr}},
	{Micro, "get_output_ptr", Method, nil, NumberR, "", Impl{Micro: microOutputPtr}},
	{Micro, "forward", Method, nil, Void, "rv_micro_forward", Impl{Micro: MicroForward}},
	{Micro, "forward_array", Method, []Param{{"input", DimArray}, {"out", Into}}, Output, "rv_micro_forward_array", Impl{Micro: MicroForwardArray}},
	{Micro, "adapt", Method, nil, Void, "rv_micro_adapt", Impl{Micro: MicroAdapt}},
	{Micro, "adapt_array", Method, []Param{{"gradient", DimArray}}, Void, "rv_micro_adapt_array", Impl{Micro: MicroAdaptArray}},
	{Micro, "adapt_with_reward", Method, []Param{{"improvement", Number}}, Void, "rv_micro_adapt_with_reward", Impl{Micro: MicroAdaptWithReward}},
	{Micro, "reset", Method, nil, Void, "", Impl{Micro: microReset}},
	{Micro, "forward_count", Method, nil, Count, "", Impl{Micro: microForwardCount}},
	{Micro, "adapt_count", Method, nil, Count, "", Impl{Micro: microAdaptCount}},
	{Micro, "delta_norm", Method, nil, Float32R, "", Impl{Micro: microDeltaNorm}},
	{Micro, "get_b", Method, nil, Floats, "", Impl{Micro: microGetB}},
	{Micro, "set_b", Method, []Param{{"b", AnyArray}}, Void, "", Impl{Micro: microSetB}},
	{Micro, "forward_batch", Method, []Param{{"inputs", AnyArray}}, Floats, "", Impl{Micro: microForwardBatch}},
	{Micro, "adapt_batch", Method, []Param{{"gradients", AnyArray}}, Void, "", Impl{Micro: microAdaptBatch}},
	{Micro, "to_bytes", Method, nil, BytesR, "", Impl{Micro: microToBytes}},

	{Scoped, "constructor", Constructor, []Param{{"dim", Int}, {"alpha", Float}, {"learning_rate", Float}}, Object, "", Impl{}},
	{Scoped, "from_bytes", Static, []Param{{"bytes", Bytes}}, Object, "", Impl{}},
	{Scoped, "scope_name", Static, []Param{{"op_type", Number}}, Text, "", Impl{Static: scopeName}},
	{Scoped, "free", Lifecycle, nil, Void, "", Impl{}},
	{Scoped, "input_view", Lifecycle, nil, Output, "", Impl{}},
	{Scoped, "output_view", Lifecycle, nil, Output, "", Impl{}},
	{Scoped, "memory", Lifecycle, nil, Object, "", Impl{}},
	{Scoped, "dim", Method, nil, NumberR, "", Impl{Scoped: scopedDim}},
	{Scoped, "get_input_ptr", Method, nil, NumberR, "", Impl{Scoped: scopedInputPtr}},
	{Scoped, "get_output_ptr", Method, nil, NumberR, "", Impl{Scoped: scopedOutputPtr}},
	{Scoped, "forward", Method, []Param{{"op_type", Number}}, Void, "rv_scoped_forward", Impl{Scoped: ScopedForward}},
	{Scoped, "forward_array", Method, []Param{{"op_type", Number}, {"input", DimArray}, {"out", Into}}, Output, "rv_scoped_forward_array", Impl{Scoped: ScopedForwardArray}},
	{Scoped, "adapt", Method, []Param{{"op_type", Number}}, Void, "rv_scoped_adapt", Impl{Scoped: ScopedAdapt}},
	{Scoped, "adapt_array", Method, []Param{{"op_type", Number}, {"gradient", DimArray}}, Void, "rv_scoped_adapt_array", Impl{Scoped: ScopedAdaptArray}},
	{Scoped, "adapt_with_reward", Method, []Param{{"op_type", Number}, {"improvement", Number}}, Void, "rv_scoped_adapt_with_reward", Impl{Scoped: ScopedAdaptWithReward}},
	{Scoped, "reset_scope", Method, []Param{{"op_type", Number}}, Void, "", Impl{Scoped: scopedResetScope}},
	{Scoped, "reset_all", Method, nil, Void, "", Impl{Scoped: scopedResetAll}},
	{Scoped, "forward_count", Method, []Param{{"op_type", Number}}, Count, "", Impl{Scoped: scopedForwardCount}},
	{Scoped, "adapt_count", Method, []Param{{"op_type", Number}}, Count, "", Impl{Scoped: scopedAdaptCount}},
	{Scoped, "delta_norm", Method, []Param{{"op_type", Number}}, Float32R, "", Impl{Scoped: scopedDeltaNorm}},
	{Scoped, "total_forward_count", Method, nil, Count, "", Impl{Scoped: scopedTotalForwardCount}},
	{Scoped, "total_adapt_count", Method, nil, Count, "", Impl{Scoped: scopedTotalAdaptCount}},
	{Scoped, "set_category_fallback", Method, []Param{{"enabled", Bool}}, Void, "", Impl{Scoped: scopedSetCategoryFallback}},
	{Scoped, "forward_batch", Method, []Param{{"op_type", Number}, {"inputs", AnyArray}}, Floats, "", Impl{Scoped: scopedForwardBatch}},
	{Scoped, "adapt_batch", Method, []Param{{"op_type", Number}, {"gradients", AnyArray}}, Void, "", Impl{Scoped: scopedAdaptBatch}},
	{Scoped, "learn_from", Method, []Param{{"buffer", BufferArg}, {"min_quality", OptNumber}}, NumberR, "", Impl{Scoped: scopedLearnFrom}},
	{Scoped, "to_bytes", Method, nil, BytesR, "", Impl{Scoped: scopedToBytes}},

	{Buffer, "constructor", Constructor, []Param{{"capacity", Int}, {"embedding_dim", Int}}, Object, "", Impl{}},
	{Buffer, "from_bytes", Static, []Param{{"bytes", Bytes}}, Object, "", Impl{}},
	{Buffer, "free", Lifecycle, nil, Void, "", Impl{}},
	{Buffer, "memory", Lifecycle, nil, Object, "", Impl{}},
	{Buffer, "record", Method, []Param{{"embedding", DimArray}, {"op_type", Number}, {"attention_type", Number}, {"execution_ms", Number}, {"baseline_ms", Number}}, Spare, "rv_record", Impl{Buffer: BufferRecord}},
	{Buffer, "total_count", Method, nil, Count, "", Impl{Buffer: bufferTotalCount}},
	{Buffer, "len", Method, nil, NumberR, "", Impl{Buffer: bufferLen}},
	{Buffer, "is_empty", Method, nil, BoolR, "", Impl{Buffer: bufferIsEmpty}},
	{Buffer, "mean_improvement", Method, nil, Float32R, "", Impl{Buffer: bufferMeanImprovement}},
	{Buffer, "best_improvement", Method, nil, Float32R, "", Impl{Buffer: bufferBestImprovement}},
	{Buffer, "success_rate", Method, nil, Float32R, "", Impl{Buffer: bufferSuccessRate}},
	{Buffer, "best_attention", Method, nil, NumberR, "", Impl{Buffer: bufferBestAttention}},
	{Buffer, "variance", Method, nil, Float32R, "", Impl{Buffer: bufferVariance}},
	{Buffer, "high_quality_count", Method, []Param{{"threshold", Number}}, NumberR, "", Impl{Buffer: bufferHighQualityCount}},
	{Buffer, "count_by_operator", Method, []Param{{"op_type", Number}}, NumberR, "", Impl{Buffer: bufferCountByOperator}},
	{Buffer, "reset", Method, nil, Spare, "", Impl{Buffer: bufferReset}},
	{Buffer, "embedding_dim", Method, nil, NumberR, "", Impl{Buffer: bufferEmbeddingDim}},
	{Buffer, "to_bytes", Method, nil, BytesR, "", Impl{Buffer: bufferToBytes}},
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
