package lora

import "rvlw/internal/persist"

// PairSize is the saved size of one Pair of dimension d: its count and A0,
// A1, B0, B1.
func PairSize(d int) int64 { return 8 + 16*int64(d) }

// Save appends the pair's count, A0, A1, B0 and B1.
func (p *Pair) Save(w *persist.Writer) {
	w.U64(p.Count)
	w.F32s(p.A0)
	w.F32s(p.A1)
	w.F32s(p.B0)
	w.F32s(p.B1)
}

// Load reads what Save wrote into p, whose dimension must match.
func (p *Pair) Load(r *persist.Reader) {
	p.Count = r.U64()
	r.F32s(p.A0)
	r.F32s(p.A1)
	r.F32s(p.B0)
	r.F32s(p.B1)
	p.SumA()
}

// NonFinite names the first of A (A0, A1) and B (B0, B1) that holds NaN or
// ±Inf, "" when every weight is finite: the rule set_b applies to B, which
// from_bytes applies to A and B of every adapter it restores.
//
// Not inlined: only loading state calls it, from three places.
//
//go:noinline
func (p *Pair) NonFinite() string {
	for _, m := range [...]struct {
		name   string
		v0, v1 []float32
	}{{"A", p.A0, p.A1}, {"B", p.B0, p.B1}} {
		for i, v := range m.v0 {
			if !finite(v) || !finite(m.v1[i]) {
				return m.name
			}
		}
	}
	return ""
}

// NonFiniteError is the error for weights that NonFinite names: "bytes holds
// a non-finite weight in <matrix><where>", where says which adapter.
func NonFiniteError(matrix, where string) error {
	return persist.Error("bytes holds a non-finite weight in " + matrix + where)
}

// SaveConfig appends dim, alpha and learning rate, the head of both LoRA bodies.
func SaveConfig(w *persist.Writer, d int, alpha, lr float32) {
	w.U32(uint32(d))
	w.F32(alpha)
	w.F32(lr)
}

// LoadConfig reads what SaveConfig wrote and applies the constructor's checks.
func LoadConfig(r *persist.Reader) (int, float32, float32, error) {
	d, alpha, lr := int(r.U32()), r.F32(), r.F32()
	if CheckConfig(d, alpha, lr) != nil {
		return 0, 0, 0, persist.ErrValue
	}
	return d, alpha, lr, nil
}

// MarshalBinary saves the engine: config, forward and adapt counts, the
// pair, and the input and output buffers.
func (m *Micro) MarshalBinary() ([]byte, error) {
	d := m.Dim()
	w := persist.NewWriter(persist.MicroLoRA, int(12+16+PairSize(d))+8*d)
	SaveConfig(&w, d, m.Alpha, m.LR)
	w.U64(m.Forwards)
	w.U64(m.Adapts)
	m.Pair.Save(&w)
	w.F32s(m.In)
	w.F32s(m.Out)
	return w.Bytes(), nil
}

// UnmarshalMicro restores an engine saved by MarshalBinary; it rejects any
// other bytes without allocating more than NewMicro may, and weights holding
// NaN or ±Inf (the input and output buffers are restored as stored).
func UnmarshalMicro(b []byte) (*Micro, error) {
	r, err := persist.Open(b, persist.MicroLoRA)
	if err != nil {
		return nil, err
	}
	d, alpha, lr, err := LoadConfig(&r)
	if err != nil {
		return nil, err
	}
	if err := r.Expect(16 + PairSize(d) + 8*int64(d)); err != nil {
		return nil, err
	}
	m, _ := NewMicro(d, alpha, lr)
	m.Forwards, m.Adapts = r.U64(), r.U64()
	m.Pair.Load(&r)
	r.F32s(m.In)
	r.F32s(m.Out)
	if err := r.Err(); err != nil {
		return nil, err
	}
	if w := m.Pair.NonFinite(); w != "" {
		return nil, NonFiniteError(w, "")
	}
	return m, nil
}
