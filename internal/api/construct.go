package api

import (
	"rvlw/internal/argerr"
	"rvlw/internal/lora"
	"rvlw/internal/scoped"
	"rvlw/internal/trajectory"
)

// New builds an object of class c from up to three numbers; bit i of
// defaults marks argument i as undefined or null, so that its default applies.
// Both bindings construct here.
func New(c Class, defaults int32, a [3]float64) (o any, err error) {
	if c < Micro || c > Buffer {
		return nil, ErrNotThis
	}
	for i := range a {
		if defaults&(1<<i) != 0 {
			a[i] = constructorDefaults[c][i]
		}
	}
	// Each failed step breaks out of the switch to the one return (each
	// return would copy its results).
	switch c {
	case Micro, Scoped:
		var dim int
		if dim, err = argerr.Integer(a[0], "dim"); err != nil {
			break
		}
		alpha, lr := float32(a[1]), float32(a[2])
		if err = lora.CheckConfig(dim, alpha, lr); err != nil {
			break
		}
		var m *lora.Micro
		var s *scoped.Scoped
		if c == Micro {
			if err = charge("dim", microCost(dim)); err == nil {
				m, _ = lora.NewMicro(dim, alpha, lr)
			}
		} else if err = charge("dim", scopedCost(dim)); err == nil {
			s, _ = scoped.New(dim, alpha, lr)
		}
		if err == nil {
			o = object(m, s)
		}
	case Buffer:
		var capacity, dim int
		if capacity, err = argerr.Integer(a[0], "capacity"); err != nil {
			break
		}
		if dim, err = argerr.Integer(a[1], "embedding_dim"); err != nil {
			break
		}
		if err = trajectory.CheckSize(int64(capacity), dim); err != nil {
			break
		}
		if err = charge("capacity", bufferCost(int64(capacity), dim)); err == nil {
			b, _ := trajectory.New(int64(capacity), dim)
			o = &TrajectoryBuffer{b}
		}
	}
	return o, err
}

// constructorDefaults[c] are class c's constructor arguments when given as
// undefined or null.
var constructorDefaults = [...][3]float64{
	Micro:  {lora.DefaultDim, float64(lora.DefaultAlpha), float64(lora.DefaultLR)},
	Scoped: {lora.DefaultDim, float64(lora.DefaultAlpha), float64(lora.DefaultLR)},
	Buffer: {trajectory.DefaultCapacity, trajectory.DefaultDim},
}

// FromBytes restores an object of class c saved by to_bytes, and charges
// its cost: a buffer's before its storage is allocated, an adapter's (at
// most a few MB, dim being at most 8192) once its dimension is known.
func FromBytes(c Class, data []byte) (o any, err error) {
	var m *lora.Micro
	var s *scoped.Scoped
	switch c { // a failed step breaks out to the one return
	case Micro:
		if m, err = lora.UnmarshalMicro(data); err == nil {
			o = object(m, nil)
		}
	case Scoped:
		if s, err = scoped.Unmarshal(data); err == nil {
			o = object(nil, s)
		}
	case Buffer:
		charged := int64(0)
		b, err := trajectory.Unmarshal(data, func(storage int64) error {
			charged = storageCost(storage)
			return charge("bytes", charged)
		})
		if err != nil {
			refund(charged)
			return nil, err
		}
		return &TrajectoryBuffer{b}, nil
	default:
		err = ErrNotThis
	}
	if err == nil {
		if err = charge("bytes", CostOf(o)); err != nil {
			o = nil
		}
	}
	return o, err
}

// object is the object of engine m or s (the other nil), with its scratch
// x and y: dim floats each over one allocation, x then y. (One function
// for both classes: each costs the wasm about 400 bytes. Not inlined: its
// three callers would each carry a copy.)
//
//go:noinline
func object(m *lora.Micro, s *scoped.Scoped) any {
	dim := 0
	if m != nil {
		dim = m.Dim()
	} else {
		dim = s.Dim()
	}
	xy := make([]float32, 2*dim)
	x, y := xy[:dim:dim], xy[dim:]
	if m != nil {
		return &MicroLoRA{*m, x, y}
	}
	return &ScopedLoRA{s, x, y}
}
