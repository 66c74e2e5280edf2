package lora

import "rvlw/internal/argerr"

// GetB copies B into dst (length 2*dim): row 0 (B0) then row 1 (B1).
func (p *Pair) GetB(dst []float32) {
	d := len(p.B0)
	copy(dst[:d], p.B0)
	copy(dst[d:2*d], p.B1)
}

// SetB replaces B with b (length 2*dim, row 0 then row 1, finite values);
// nothing changes when b is rejected.
func (p *Pair) SetB(b []float32) error {
	d := len(p.B0)
	if len(b) != 2*d {
		return argerr.NewRange("b", "must have length 2 * dim() = "+argerr.Itoa(2*d))
	}
	for _, v := range b {
		if !finite(v) {
			return argerr.NewRange("b", "must hold finite values")
		}
	}
	copy(p.B0, b[:d])
	copy(p.B1, b[d:])
	return nil
}

// CheckRows requires a batch length that is a whole number of rows of dim.
func CheckRows(arg string, n, dim int) error {
	if n%dim != 0 {
		return argerr.NewRange(arg, "must have a length that is a multiple of dim() = "+argerr.Itoa(dim))
	}
	return nil
}

// ForwardBatch is ForwardInto on each dim-long row of xs into the same row of
// ys, in order: the same outputs and counters as that many single calls.
func (m *Micro) ForwardBatch(xs, ys []float32) error {
	d := m.Dim()
	if err := CheckRows("inputs", len(xs), d); err != nil {
		return err
	}
	if len(ys) != len(xs) {
		return argerr.NewRange("outputs", "must have the length of inputs")
	}
	for i := 0; i < len(xs); i += d {
		m.Pair.Forward(xs[i:i+d], ys[i:i+d])
		m.Forwards++
	}
	return nil
}

// AdaptBatch is AdaptArray on each dim-long row of gs, in order. Every row
// is checked first, so a bad row changes nothing; norms, of at least
// len(gs)/Dim() floats, holds the rows' squared norms meanwhile (the caller
// owns and accounts for that memory).
func (m *Micro) AdaptBatch(gs, norms []float32) error {
	norms, err := CheckRowGradients("gradients", gs, m.Dim(), norms[:0])
	if err != nil {
		return err
	}
	d := m.Dim()
	for i, gn := range norms {
		m.Update(gs[i*d:(i+1)*d], gn, m.LR)
		m.Adapts++
	}
	return nil
}

// CheckRowGradients checks every dim-long row of gs as a gradient and
// appends their squared norms to norms (which has room for them when its
// capacity is at least len(gs)/dim).
func CheckRowGradients(arg string, gs []float32, dim int, norms []float32) ([]float32, error) {
	if err := CheckRows(arg, len(gs), dim); err != nil {
		return norms, err
	}
	for i := 0; i < len(gs); i += dim {
		gn, ok := GradientNorm(gs[i:i+dim], dim)
		if !ok {
			return norms, GradientError(arg, gs[i:i+dim], dim)
		}
		norms = append(norms, gn)
	}
	return norms, nil
}
