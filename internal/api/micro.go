package api

// The WasmMicroLoRA methods of the table (table.go).

func microDim(m *MicroLoRA, _ *Args) (float64, error) { return float64(m.Micro.Dim()), nil }
func microParamCount(m *MicroLoRA, _ *Args) (float64, error) {
	return float64(m.Micro.ParamCount()), nil
}
func microGetInputPtr(m *MicroLoRA, _ *Args) (float64, error)  { return Address(m.Micro.In), nil }
func microGetOutputPtr(m *MicroLoRA, _ *Args) (float64, error) { return Address(m.Micro.Out), nil }
func microForwardCount(m *MicroLoRA, _ *Args) (float64, error) {
	return float64(m.Micro.Forwards), nil
}
func microAdaptCount(m *MicroLoRA, _ *Args) (float64, error) { return float64(m.Micro.Adapts), nil }
func microDeltaNorm(m *MicroLoRA, _ *Args) (float64, error)  { return float64(m.Micro.DeltaNorm()), nil }

func microReset(m *MicroLoRA, _ *Args) (float64, error) {
	m.Micro.Reset()
	return 0, nil
}

// MicroForward is forward(): Out = In + B(A In) scaled, in place.
func MicroForward(m *MicroLoRA, _ *Args) (float64, error) {
	m.Micro.Forward()
	return 0, nil
}

// MicroForwardArray is forward_array(input): Y = forward(X), X the scratch input.
func MicroForwardArray(m *MicroLoRA, _ *Args) (float64, error) {
	return 0, m.Micro.ForwardInto(m.X, m.Y)
}

// MicroAdapt is adapt(): one step along the gradient in In.
func MicroAdapt(m *MicroLoRA, _ *Args) (float64, error) { return 0, m.Micro.Adapt() }

// MicroAdaptArray is adapt_array(gradient): one step along X.
func MicroAdaptArray(m *MicroLoRA, _ *Args) (float64, error) { return 0, m.Micro.AdaptArray(m.X) }

// MicroAdaptWithReward is adapt_with_reward(improvement).
func MicroAdaptWithReward(m *MicroLoRA, a *Args) (float64, error) {
	return 0, m.Micro.AdaptWithReward(float32(a.N[0]))
}

func microGetB(m *MicroLoRA, _ *Args) (float64, error) {
	b, err := outFloats(2*m.Micro.Dim(), "b")
	if err != nil {
		return 0, err
	}
	m.Micro.GetB(b)
	return float64(len(b)), nil
}

func microSetB(m *MicroLoRA, a *Args) (float64, error) {
	v, err := inArg(a.N[0])
	if err != nil {
		return 0, err
	}
	return 0, m.Micro.SetB(v)
}

func microForwardBatch(m *MicroLoRA, a *Args) (float64, error) { return batch(m, a, true) }
func microAdaptBatch(m *MicroLoRA, a *Args) (float64, error)   { return batch(m, a, false) }

func microToBytes(m *MicroLoRA, _ *Args) (float64, error) { return saveState(m) }
