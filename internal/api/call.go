package api

// Call runs member code on o, an object of the member's class (nil for a
// static), and returns its value as a float64 (exact for every result:
// counts stay below 2^53, float32 values keep their sign of zero). On error
// nothing changed. Both bindings end here, but for the hot exports, which
// call the same Impl functions directly.
func Call(o any, code Code, a *Args) (float64, error) {
	if code < 0 || int(code) >= len(Members) {
		return 0, ErrNoMember
	}
	f := &Members[code].Impl
	switch o := o.(type) {
	case *MicroLoRA:
		if f.Micro != nil {
			return f.Micro(o, a)
		}
	case *ScopedLoRA:
		if f.Scoped != nil {
			return f.Scoped(o, a)
		}
	case *TrajectoryBuffer:
		if f.Buffer != nil {
			return f.Buffer(o, a)
		}
	case nil:
		if f.Static != nil {
			return f.Static(a)
		}
	}
	if Members[code].Sort == Method {
		return 0, ErrNotThis
	}
	return 0, ErrNoMember
}
