package api

import (
	"github.com/ruvector/ruvector-learning-wasm/internal/lora"
	"github.com/ruvector/ruvector-learning-wasm/internal/scoped"
	"github.com/ruvector/ruvector-learning-wasm/internal/trajectory"
)

// New builds an object of class c from up to three numbers; bit i of
// defaults marks argument i as undefined or null, so that its default applies.
// Both bindings construct here.
func New(c Class, defaults int32, a [3]float64) (any, error) {
	if c < Micro || c > Buffer {
		return nil, ErrNotThis
	}
	for i := range a {
		if defaults&(1<<i) != 0 {
			a[i] = constructorDefaults[c][i]
		}
	}
	switch c {
	case Micro, Scoped:
		dim, err := Integer(a[0], "dim")
		if err != nil {
			return nil, err
		}
		alpha, lr := float32(a[1]), float32(a[2])
		if err := lora.CheckConfig(dim, alpha, lr); err != nil {
			return nil, err
		}
		if c == Micro {
			if err := charge("dim", microCost(dim)); err != nil {
				return nil, err
			}
			m, _ := lora.NewMicro(dim, alpha, lr)
			return newMicro(m), nil
		}
		if err := charge("dim", scopedCost(dim)); err != nil {
			return nil, err
		}
		s, _ := scoped.New(dim, alpha, lr)
		return newScoped(s), nil
	case Buffer:
		capacity, err := Integer(a[0], "capacity")
		if err != nil {
			return nil, err
		}
		dim, err := Integer(a[1], "embedding_dim")
		if err != nil {
			return nil, err
		}
		if err := trajectory.CheckSize(int64(capacity), dim); err != nil {
			return nil, err
		}
		if err := charge("capacity", bufferCost(int64(capacity), dim)); err != nil {
			return nil, err
		}
		b, _ := trajectory.New(int64(capacity), dim)
		return &TrajectoryBuffer{b}, nil
	}
	return nil, ErrNotThis
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
func FromBytes(c Class, data []byte) (any, error) {
	var o any
	switch c {
	case Micro:
		m, err := lora.UnmarshalMicro(data)
		if err != nil {
			return nil, err
		}
		o = newMicro(m)
	case Scoped:
		s, err := scoped.Unmarshal(data)
		if err != nil {
			return nil, err
		}
		o = newScoped(s)
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
		return nil, ErrNotThis
	}
	if err := charge("bytes", CostOf(o)); err != nil {
		return nil, err
	}
	return o, nil
}

// newMicro and newScoped give an engine its scratch x and y.
func newMicro(m *lora.Micro) *MicroLoRA {
	x, y := pair(m.Dim())
	return &MicroLoRA{m, x, y}
}

func newScoped(s *scoped.Scoped) *ScopedLoRA {
	x, y := pair(s.Dim())
	return &ScopedLoRA{s, x, y}
}
