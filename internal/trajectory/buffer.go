// Package trajectory holds the WasmTrajectoryBuffer of docs/SEMANTICS.md §5: a ring of the
// last capacity trajectories in one flat preallocated embedding store, plus
// running statistics over every record since the last reset.
package trajectory

import (
	"math"
	"unsafe"

	"rvlw/internal/argerr"
	"rvlw/internal/lora"
	"rvlw/internal/scoped"
)

// MaxStorageFloats caps capacity × embedding_dim at 256 MiB of float32.
const MaxStorageFloats = 256 << 20 / 4

// Defaults of the JS constructor.
const (
	DefaultCapacity = 1000
	DefaultDim      = 256
)

// Buffer is the trajectory ring and its statistics. Slot i of the ring holds
// Embeddings[i*dim:(i+1)*dim], Ops[i], Attentions[i] and Improvements[i].
// There is one slot more than the capacity: the spare slot, where the next
// record goes, is never a stored one, so a caller may write the next
// embedding there directly (Spare) and Record then has nothing to copy.
type Buffer struct {
	dim          int
	capacity     int
	Embeddings   []float32
	Ops          []uint8
	Attentions   []uint8
	Improvements []float32
	// next is the spare slot; Len is the number of stored trajectories.
	next, Len int
	Stats
}

// CheckSize validates capacity ≥ 1, embedding_dim in 1..lora.MaxDim and
// capacity × embedding_dim ≤ MaxStorageFloats. Capacity is an int64 so that
// any integral JS number can be checked without overflow.
func CheckSize(capacity int64, dim int) error {
	if capacity < 1 {
		return argerr.NewRange("capacity", "must be an integer >= 1")
	}
	if dim < 1 || dim > lora.MaxDim {
		return argerr.NewRange("embedding_dim", "must be an integer in 1..8192")
	}
	if capacity > MaxStorageFloats/int64(dim) {
		return argerr.NewRange("capacity", "times embedding_dim must not exceed 67108864 floats (256 MiB)")
	}
	return nil
}

// StorageBytes is what New allocates for capacity and dim: capacity+1 slots
// of dim floats and 6 bytes of metadata.
func StorageBytes(capacity int64, dim int) int64 { return (capacity + 1) * int64(4*dim+6) }

// New returns an empty buffer with all storage allocated, or the CheckSize error.
func New(capacity int64, dim int) (*Buffer, error) {
	if err := CheckSize(capacity, dim); err != nil {
		return nil, err
	}
	n := int(capacity) + 1
	return &Buffer{
		dim:          dim,
		capacity:     int(capacity),
		Embeddings:   make([]float32, n*dim),
		Ops:          make([]uint8, n),
		Attentions:   make([]uint8, n),
		Improvements: make([]float32, n),
	}, nil
}

// Capacity is the number of trajectories the ring keeps.
func (b *Buffer) Capacity() int { return b.capacity }

// slots is the number of ring slots, the spare one included.
func (b *Buffer) slots() int { return len(b.Ops) }

// Spare is the embedding of the spare slot, where the next record's
// embedding goes; Record does not copy an embedding that is this slice.
func (b *Buffer) Spare() []float32 { return b.Embedding(b.next) }

// EmbeddingDim is the length of every stored embedding.
func (b *Buffer) EmbeddingDim() int { return b.dim }

// CheckEmbeddingLen requires an embedding length n equal to embedding_dim.
func (b *Buffer) CheckEmbeddingLen(n int) error {
	if n != b.dim {
		return argerr.NewRange("embedding", "must have length embedding_dim() = "+argerr.Itoa(b.dim))
	}
	return nil
}

// CheckRecord validates the arguments of Record without changing anything.
func (b *Buffer) CheckRecord(embedding []float32, op, attention int, executionMs, baselineMs float32) error {
	if err := b.CheckEmbeddingLen(len(embedding)); err != nil {
		return err
	}
	if err := scoped.CheckOp(op); err != nil {
		return err
	}
	if attention < 0 || attention > math.MaxUint8 {
		return argerr.NewRange("attention_type", "must be an integer in 0..255")
	}
	if !(executionMs >= 0 && executionMs <= math.MaxFloat32) {
		return argerr.NewRange("execution_ms", "must be a finite number >= 0")
	}
	if !(baselineMs >= 0 && baselineMs <= math.MaxFloat32) {
		return argerr.NewRange("baseline_ms", "must be a finite number >= 0")
	}
	return nil
}

// Record stores one trajectory, overwriting the oldest when full, and folds
// improvement = baseline/execution - 1 (0 when execution is 0) into Stats.
// The embedding goes through the spare slot, after every check.
func (b *Buffer) Record(embedding []float32, op, attention int, executionMs, baselineMs float32) error {
	if err := b.CheckRecord(embedding, op, attention, executionMs, baselineMs); err != nil {
		return err
	}
	copy(b.Spare(), embedding)
	_, err := b.RecordSpare(float64(op), float64(attention), float64(executionMs), float64(baselineMs))
	return err
}

// RecordSpare is Record of the embedding already in the spare slot (Spare),
// with its numbers op_type, attention_type, execution_ms and baseline_ms
// as JS numbers: op_type and attention_type must be integers
// (argerr.Integer), the times are rounded to float32. It returns the
// address of the new Spare (0 with the error), where the JS layer writes
// the next embedding. It is the whole of record below the export, which
// passes it the numbers as they came (through api.BufferRecordNumbers,
// inlined): the call costs one Go frame.
func (b *Buffer) RecordSpare(opType, attentionType, executionTime, baselineTime float64) (uintptr, error) {
	op, opOK := argerr.Integral(opType)
	attention, attentionOK := argerr.Integral(attentionType)
	executionMs, baselineMs := float32(executionTime), float32(baselineTime)
	// One inlined test for the common case; checkNumbers names the bad argument.
	if !opOK || !attentionOK || uint(op) >= scoped.NumOps || uint(attention) > math.MaxUint8 ||
		!(executionMs >= 0 && executionMs <= math.MaxFloat32) || !(baselineMs >= 0 && baselineMs <= math.MaxFloat32) {
		return 0, b.checkNumbers(opType, attentionType, executionMs, baselineMs)
	}
	// The common case falls through: in wasm a taken branch costs a jump
	// through the function's dispatch table.
	var improvement float32
	if executionMs > 0 {
		improvement = baselineMs/executionMs - 1
	}
	b.Stats.add(improvement, uint8(attention))
	i := b.next
	b.Ops[i] = uint8(op)
	b.Attentions[i] = uint8(attention)
	b.Improvements[i] = improvement
	next, n := i+1, b.Len+1
	if next == b.slots() {
		next = 0
	}
	if n > b.capacity {
		n = b.capacity
	}
	b.next, b.Len = next, n
	return uintptr(unsafe.Pointer(&b.Embeddings[next*b.dim])), nil
}

// checkNumbers is RecordSpare's error: op_type and attention_type must be
// integers (huge ones saturate), then CheckRecord.
//
//go:noinline
func (b *Buffer) checkNumbers(opType, attentionType float64, executionMs, baselineMs float32) error {
	op, err := argerr.Integer(opType, "op_type")
	if err != nil {
		return err
	}
	attention, err := argerr.Integer(attentionType, "attention_type")
	if err != nil {
		return err
	}
	return b.CheckRecord(b.Spare(), op, attention, executionMs, baselineMs)
}

// Slot is the ring index of the i-th stored trajectory, oldest first (0 <= i < Len).
func (b *Buffer) Slot(i int) int {
	s := b.next - b.Len + i
	if s < 0 {
		s += b.slots()
	}
	return s
}

// Embedding is the stored embedding of ring slot s.
func (b *Buffer) Embedding(s int) []float32 { return b.Embeddings[s*b.dim : (s+1)*b.dim : (s+1)*b.dim] }

// Quality is clamp((improvement + 1) / 2, 0, 1), NaN staying NaN (as the
// float min and max builtins would have it, without linking runtime.fmin32).
func Quality(improvement float32) float32 {
	q := (improvement + 1) / 2
	if q < 0 {
		q = 0
	} else if q > 1 {
		q = 1
	}
	return q
}

// HighQualityCount counts stored trajectories with Quality > threshold; NaN is rejected.
func (b *Buffer) HighQualityCount(threshold float32) (int, error) {
	if math.IsNaN(float64(threshold)) {
		return 0, argerr.NewRange("threshold", "must not be NaN")
	}
	n := 0
	for i := range b.Len {
		if Quality(b.Improvements[b.Slot(i)]) > threshold {
			n++
		}
	}
	return n, nil
}

// CountByOperator counts stored trajectories of operator op (0..16).
func (b *Buffer) CountByOperator(op int) (int, error) {
	if err := scoped.CheckOp(op); err != nil {
		return 0, err
	}
	n := 0
	for i := range b.Len {
		if int(b.Ops[b.Slot(i)]) == op {
			n++
		}
	}
	return n, nil
}

// Reset empties the ring and clears the statistics; storage is kept.
func (b *Buffer) Reset() {
	b.next, b.Len = 0, 0
	b.Stats = Stats{}
}
