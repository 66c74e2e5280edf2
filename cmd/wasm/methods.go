//go:build js && wasm

package main

// methodSpec describes one instance method for both call paths.
//   - params: one letter per parameter: n a number, N a number that may be
//     undefined (0), b a boolean, a a dim-long array (written into the
//     object's scratch area before the call), A an array of any length
//     (written into the input area; its length is passed as a number), o a
//     WasmTrajectoryBuffer (its handle is passed as a number);
//   - names: the parameters' JS names, for error messages;
//   - result: v nothing, x nothing (the value is the object's new scratch
//     offset), n a number, f a float32, c a count (bigint), b a boolean,
//     y a dim-long array read from the object's y, Y a Float32Array and U a
//     Uint8Array read from the output area (the value is their length).
type methodSpec struct {
	class        uint8
	name, params string
	names        []string
	result       byte
}

// The method codes, indexes into methods; the JS layer learns them at start.
const (
	mMicroDim int32 = iota
	mMicroParamCount
	mMicroInputPtr
	mMicroOutputPtr
	mMicroForward
	mMicroForwardArray
	mMicroAdapt
	mMicroAdaptArray
	mMicroAdaptWithReward
	mMicroReset
	mMicroForwardCount
	mMicroAdaptCount
	mMicroDeltaNorm
	mScopedDim
	mScopedInputPtr
	mScopedOutputPtr
	mScopedForward
	mScopedForwardArray
	mScopedAdapt
	mScopedAdaptArray
	mScopedAdaptWithReward
	mScopedResetScope
	mScopedResetAll
	mScopedForwardCount
	mScopedAdaptCount
	mScopedDeltaNorm
	mScopedTotalForwardCount
	mScopedTotalAdaptCount
	mScopedSetCategoryFallback
	mBufferRecord
	mBufferTotalCount
	mBufferLen
	mBufferIsEmpty
	mBufferMeanImprovement
	mBufferBestImprovement
	mBufferSuccessRate
	mBufferBestAttention
	mBufferVariance
	mBufferHighQualityCount
	mBufferCountByOperator
	mBufferReset
	mBufferEmbeddingDim
	mMicroGetB
	mMicroSetB
	mMicroForwardBatch
	mMicroAdaptBatch
	mMicroToBytes
	mScopedForwardBatch
	mScopedAdaptBatch
	mScopedLearnFrom
	mScopedToBytes
	mBufferToBytes
	methodCount
)

// methods is the table of every instance method but free.
var methods = [methodCount]methodSpec{
	mMicroDim:                  {classMicro, "dim", "", nil, 'n'},
	mMicroParamCount:           {classMicro, "param_count", "", nil, 'n'},
	mMicroInputPtr:             {classMicro, "get_input_ptr", "", nil, 'n'},
	mMicroOutputPtr:            {classMicro, "get_output_ptr", "", nil, 'n'},
	mMicroForward:              {classMicro, "forward", "", nil, 'v'},
	mMicroForwardArray:         {classMicro, "forward_array", "a", []string{"input"}, 'y'},
	mMicroAdapt:                {classMicro, "adapt", "", nil, 'v'},
	mMicroAdaptArray:           {classMicro, "adapt_array", "a", []string{"gradient"}, 'v'},
	mMicroAdaptWithReward:      {classMicro, "adapt_with_reward", "n", []string{"improvement"}, 'v'},
	mMicroReset:                {classMicro, "reset", "", nil, 'v'},
	mMicroForwardCount:         {classMicro, "forward_count", "", nil, 'c'},
	mMicroAdaptCount:           {classMicro, "adapt_count", "", nil, 'c'},
	mMicroDeltaNorm:            {classMicro, "delta_norm", "", nil, 'f'},
	mScopedDim:                 {classScoped, "dim", "", nil, 'n'},
	mScopedInputPtr:            {classScoped, "get_input_ptr", "", nil, 'n'},
	mScopedOutputPtr:           {classScoped, "get_output_ptr", "", nil, 'n'},
	mScopedForward:             {classScoped, "forward", "n", []string{"op_type"}, 'v'},
	mScopedForwardArray:        {classScoped, "forward_array", "na", []string{"op_type", "input"}, 'y'},
	mScopedAdapt:               {classScoped, "adapt", "n", []string{"op_type"}, 'v'},
	mScopedAdaptArray:          {classScoped, "adapt_array", "na", []string{"op_type", "gradient"}, 'v'},
	mScopedAdaptWithReward:     {classScoped, "adapt_with_reward", "nn", []string{"op_type", "improvement"}, 'v'},
	mScopedResetScope:          {classScoped, "reset_scope", "n", []string{"op_type"}, 'v'},
	mScopedResetAll:            {classScoped, "reset_all", "", nil, 'v'},
	mScopedForwardCount:        {classScoped, "forward_count", "n", []string{"op_type"}, 'c'},
	mScopedAdaptCount:          {classScoped, "adapt_count", "n", []string{"op_type"}, 'c'},
	mScopedDeltaNorm:           {classScoped, "delta_norm", "n", []string{"op_type"}, 'f'},
	mScopedTotalForwardCount:   {classScoped, "total_forward_count", "", nil, 'c'},
	mScopedTotalAdaptCount:     {classScoped, "total_adapt_count", "", nil, 'c'},
	mScopedSetCategoryFallback: {classScoped, "set_category_fallback", "b", []string{"enabled"}, 'v'},
	mBufferRecord:              {classBuffer, "record", "annnn", []string{"embedding", "op_type", "attention_type", "execution_ms", "baseline_ms"}, 'x'},
	mBufferTotalCount:          {classBuffer, "total_count", "", nil, 'c'},
	mBufferLen:                 {classBuffer, "len", "", nil, 'n'},
	mBufferIsEmpty:             {classBuffer, "is_empty", "", nil, 'b'},
	mBufferMeanImprovement:     {classBuffer, "mean_improvement", "", nil, 'f'},
	mBufferBestImprovement:     {classBuffer, "best_improvement", "", nil, 'f'},
	mBufferSuccessRate:         {classBuffer, "success_rate", "", nil, 'f'},
	mBufferBestAttention:       {classBuffer, "best_attention", "", nil, 'n'},
	mBufferVariance:            {classBuffer, "variance", "", nil, 'f'},
	mBufferHighQualityCount:    {classBuffer, "high_quality_count", "n", []string{"threshold"}, 'n'},
	mBufferCountByOperator:     {classBuffer, "count_by_operator", "n", []string{"op_type"}, 'n'},
	mBufferReset:               {classBuffer, "reset", "", nil, 'x'},
	mBufferEmbeddingDim:        {classBuffer, "embedding_dim", "", nil, 'n'},
	mMicroGetB:                 {classMicro, "get_b", "", nil, 'Y'},
	mMicroSetB:                 {classMicro, "set_b", "A", []string{"b"}, 'v'},
	mMicroForwardBatch:         {classMicro, "forward_batch", "A", []string{"inputs"}, 'Y'},
	mMicroAdaptBatch:           {classMicro, "adapt_batch", "A", []string{"gradients"}, 'v'},
	mMicroToBytes:              {classMicro, "to_bytes", "", nil, 'U'},
	mScopedForwardBatch:        {classScoped, "forward_batch", "nA", []string{"op_type", "inputs"}, 'Y'},
	mScopedAdaptBatch:          {classScoped, "adapt_batch", "nA", []string{"op_type", "gradients"}, 'v'},
	mScopedLearnFrom:           {classScoped, "learn_from", "oN", []string{"buffer", "min_quality"}, 'n'},
	mScopedToBytes:             {classScoped, "to_bytes", "", nil, 'U'},
	mBufferToBytes:             {classBuffer, "to_bytes", "", nil, 'U'},
}
