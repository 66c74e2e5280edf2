package api

import "rvlw/internal/argerr"

// The WasmTrajectoryBuffer methods of the table (table.go).

func bufferTotalCount(b *TrajectoryBuffer, _ *Args) (float64, error) {
	return float64(b.Buffer.Count), nil
}
func bufferLen(b *TrajectoryBuffer, _ *Args) (float64, error) { return float64(b.Buffer.Len), nil }
func bufferMeanImprovement(b *TrajectoryBuffer, _ *Args) (float64, error) {
	return float64(b.Buffer.Mean), nil
}
func bufferBestImprovement(b *TrajectoryBuffer, _ *Args) (float64, error) {
	return float64(b.Buffer.Best), nil
}
func bufferSuccessRate(b *TrajectoryBuffer, _ *Args) (float64, error) {
	return float64(b.Buffer.SuccessRate), nil
}
func bufferBestAttention(b *TrajectoryBuffer, _ *Args) (float64, error) {
	return float64(b.Buffer.BestAttention), nil
}
func bufferVariance(b *TrajectoryBuffer, _ *Args) (float64, error) {
	return float64(b.Buffer.Variance()), nil
}
func bufferEmbeddingDim(b *TrajectoryBuffer, _ *Args) (float64, error) {
	return float64(b.Buffer.EmbeddingDim()), nil
}

func bufferIsEmpty(b *TrajectoryBuffer, _ *Args) (float64, error) {
	if b.Buffer.Len == 0 {
		return 1, nil
	}
	return 0, nil
}

// BufferRecord is record(embedding, op_type, attention_type, execution_ms,
// baseline_ms) on the embedding already in the spare slot; its value is
// the new spare slot's offset.
func BufferRecord(b *TrajectoryBuffer, a *Args) (float64, error) {
	return BufferRecordNumbers(b, a.N[0], a.N[1], a.N[2], a.N[3])
}

// BufferRecordNumbers is BufferRecord with its four numbers as arguments,
// which is how record's hot export calls it (inlined: one Go frame below
// the export).
func BufferRecordNumbers(b *TrajectoryBuffer, opType, attentionType, executionMs, baselineMs float64) (float64, error) {
	next, err := b.Buffer.RecordSpare(opType, attentionType, executionMs, baselineMs)
	return float64(next), err
}

func bufferHighQualityCount(b *TrajectoryBuffer, a *Args) (float64, error) {
	n, err := b.Buffer.HighQualityCount(float32(a.N[0]))
	return float64(n), err
}

func bufferCountByOperator(b *TrajectoryBuffer, a *Args) (float64, error) {
	op, err := argerr.Integer(a.N[0], "op_type")
	if err != nil {
		return 0, err
	}
	n, err := b.Buffer.CountByOperator(op)
	return float64(n), err
}

func bufferReset(b *TrajectoryBuffer, _ *Args) (float64, error) {
	b.Buffer.Reset()
	return Address(b.Buffer.Spare()), nil
}

func bufferToBytes(b *TrajectoryBuffer, _ *Args) (float64, error) { return saveState(b) }
