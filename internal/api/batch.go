package api

// batch is forward_batch (forward) or adapt_batch (not forward) on o, a
// MicroLoRA or a ScopedLoRA (whose first number is op_type): the rows are
// the input area's floats, as many as the call's next number, and their
// outputs (or squared norms, while adapting) go to the output area. Its
// value is the number of output floats when forwarding. (One function for
// the four members: each function costs the wasm about 400 bytes.)
func batch(o any, a *Args, forward bool) (float64, error) {
	s, isScoped := o.(*ScopedLoRA)
	op, n := 0, a.N[0]
	if isScoped {
		var err error
		if op, err = OpType(a.N[0]); err != nil {
			return 0, err
		}
		n = a.N[1]
	}
	xs, err := inArg(n)
	if err != nil {
		return 0, err
	}
	size, arg := len(xs), "inputs"
	if !forward {
		size, arg = len(xs)/ScratchLen(o), "gradients"
	}
	ys, err := outFloats(size, arg)
	if err != nil {
		return 0, err
	}
	switch m, _ := o.(*MicroLoRA); {
	case forward && isScoped:
		err = s.Scoped.ForwardBatch(op, xs, ys)
	case forward:
		err = m.Micro.ForwardBatch(xs, ys)
	case isScoped:
		err = s.Scoped.AdaptBatch(op, xs, ys)
	default:
		err = m.Micro.AdaptBatch(xs, ys)
	}
	if !forward {
		return 0, err
	}
	return float64(len(xs)), err
}
