package scoped

import (
	"rvlw/internal/argerr"
	"rvlw/internal/lora"
	"rvlw/internal/persist"
)

// MarshalBinary saves the manager: config, fallback flag, forward counters,
// the 17 operator and 7 category pairs, and the input and output buffers.
func (s *Scoped) MarshalBinary() ([]byte, error) {
	d := s.Dim()
	a := s.Ops[0]
	w := persist.NewWriter(persist.ScopedLoRA, int(bodySize(d))+12)
	lora.SaveConfig(&w, d, a.Alpha, a.LR)
	var fallback uint8
	if s.Fallback {
		fallback = 1
	}
	w.U8(fallback)
	for _, n := range s.Forwards {
		w.U64(n)
	}
	for _, p := range s.Ops {
		p.Save(&w)
	}
	for _, p := range s.Categories {
		p.Save(&w)
	}
	w.F32s(s.In)
	w.F32s(s.Out)
	return w.Bytes(), nil
}

// bodySize is the saved size after the config, for dimension d.
func bodySize(d int) int64 {
	return 1 + 8*NumOps + (NumOps+NumCategories)*lora.PairSize(d) + 8*int64(d)
}

// Unmarshal restores a manager saved by MarshalBinary; it rejects any other
// bytes without allocating more than New may, and any adapter whose weights
// hold NaN or ±Inf (the input and output buffers are restored as stored).
func Unmarshal(b []byte) (*Scoped, error) {
	r, err := persist.Open(b, persist.ScopedLoRA)
	if err != nil {
		return nil, err
	}
	d, alpha, lr, err := lora.LoadConfig(&r)
	if err != nil {
		return nil, err
	}
	if err := r.Expect(bodySize(d)); err != nil {
		return nil, err
	}
	s, _ := New(d, alpha, lr)
	switch r.U8() {
	case 0:
		s.Fallback = false
	case 1:
	default:
		return nil, persist.ErrValue
	}
	for i := range s.Forwards {
		s.Forwards[i] = r.U64()
	}
	for _, p := range s.Ops {
		p.Load(&r)
	}
	for _, p := range s.Categories {
		p.Load(&r)
	}
	r.F32s(s.In)
	r.F32s(s.Out)
	if err := r.Err(); err != nil {
		return nil, err
	}
	// The first operator adapter, then category adapter, whose A or B holds
	// NaN or ±Inf is refused (lora.NonFiniteError): one loop over both, so
	// that the error is made in one place.
	for i := range NumOps + NumCategories {
		var p *lora.Pair
		kind, k, names := " of operator ", i, opNames[:]
		if i < NumOps {
			p = s.Ops[i]
		} else {
			k = i - NumOps
			p, kind, names = s.Categories[k], " of category ", categoryNames[:]
		}
		if w := p.NonFinite(); w != "" {
			return nil, lora.NonFiniteError(w, kind+argerr.Itoa(k)+" ("+names[k]+")")
		}
	}
	return s, nil
}
