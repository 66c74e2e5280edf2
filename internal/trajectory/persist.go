package trajectory

import (
	"rvlw/internal/persist"
	"rvlw/internal/scoped"
)

// recordSize is the saved size of one stored trajectory of dimension d.
func recordSize(d int) int64 { return 6 + 4*int64(d) }

// MarshalBinary saves the buffer: capacity, embedding_dim, the statistics,
// and the stored trajectories oldest first.
func (b *Buffer) MarshalBinary() ([]byte, error) {
	w := persist.NewWriter(persist.TrajectoryBuffer, int(29+int64(b.Len)*recordSize(b.dim)))
	w.U32(uint32(b.Capacity()))
	w.U32(uint32(b.dim))
	w.U64(b.Count)
	w.F32(b.Mean)
	w.F32(b.VarAcc)
	w.F32(b.Best)
	w.U8(b.BestAttention)
	w.F32(b.SuccessRate)
	w.U32(uint32(b.Len))
	for i := range b.Len {
		s := b.Slot(i)
		w.U8(b.Ops[s])
		w.U8(b.Attentions[s])
		w.F32(b.Improvements[s])
		w.F32s(b.Embedding(s))
	}
	return w.Bytes(), nil
}

// Unmarshal restores a buffer saved by MarshalBinary; it rejects any other
// bytes, and a header whose sizes New would refuse, before allocating. When
// guard is not nil it may also refuse the allocation's size in bytes. The
// statistics, improvements and embeddings may hold any float, NaN and ±Inf
// included, and are restored as stored.
func Unmarshal(data []byte, guard func(bytes int64) error) (*Buffer, error) {
	r, err := persist.Open(data, persist.TrajectoryBuffer)
	if err != nil {
		return nil, err
	}
	capacity, dim := int64(r.U32()), int(r.U32())
	if CheckSize(capacity, dim) != nil {
		return nil, persist.ErrValue
	}
	var st Stats
	st.Count, st.Mean, st.VarAcc, st.Best = r.U64(), r.F32(), r.F32(), r.F32()
	st.BestAttention, st.SuccessRate = r.U8(), r.F32()
	n := int64(r.U32())
	if n > capacity {
		return nil, persist.ErrValue
	}
	if err := r.Expect(n * recordSize(dim)); err != nil {
		return nil, err
	}
	if guard != nil {
		if err := guard(StorageBytes(capacity, dim)); err != nil {
			return nil, err
		}
	}
	b, _ := New(capacity, dim)
	b.Stats = st
	for i := range int(n) {
		op := r.U8()
		if scoped.CheckOp(int(op)) != nil {
			return nil, persist.ErrValue
		}
		b.Ops[i], b.Attentions[i], b.Improvements[i] = op, r.U8(), r.F32()
		r.F32s(b.Embedding(i))
	}
	b.Len, b.next = int(n), int(n)
	return b, r.Err()
}
