package api

import (
	"github.com/ruvector/ruvector-learning-wasm/internal/argerr"
	"github.com/ruvector/ruvector-learning-wasm/internal/lora"
	"github.com/ruvector/ruvector-learning-wasm/internal/scoped"
	"github.com/ruvector/ruvector-learning-wasm/internal/trajectory"
)

// New builds an object of class c from up to three numbers; bit i of
// defaults marks argument i as undefined or null, so that its default applies.
// Both bindings construct here.
func New(c Class, defaults int32, a [3]float64) (any, error) {
	arg := func(i int, def float64) float64 {
		if defaults&(1<<i) != 0 {
			return def
		}
		return a[i]
	}
	switch c {
	case Micro, Scoped:
		dim, err := argerr.Integer(arg(0, lora.DefaultDim), "dim")
		if err != nil {
			return nil, err
		}
		alpha, lr := float32(arg(1, float64(lora.DefaultAlpha))), float32(arg(2, float64(lora.DefaultLR)))
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
		capacity, err := argerr.Integer(arg(0, trajectory.DefaultCapacity), "capacity")
		if err != nil {
			return nil, err
		}
		dim, err := argerr.Integer(arg(1, trajectory.DefaultDim), "embedding_dim")
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
