//go:build js && wasm

package main

import (
	"github.com/ruvector/ruvector-learning-wasm/internal/lora"
	"github.com/ruvector/ruvector-learning-wasm/internal/scoped"
	"github.com/ruvector/ruvector-learning-wasm/internal/trajectory"
)

// ctorParams[c] names class c's constructor parameters, in order.
var ctorParams = [...][]string{
	classMicro:  {"dim", "alpha", "learning_rate"},
	classScoped: {"dim", "alpha", "learning_rate"},
	classBuffer: {"capacity", "embedding_dim"},
}

// newObject builds an object of class c from up to three numbers; bit i of
// defaults marks argument i as undefined or null, so that its default applies.
// Both the rv_new export and the js.FuncOf constructors come here.
func newObject(c uint8, defaults int32, a [3]float64) (any, error) {
	arg := func(i int, def float64) float64 {
		if defaults&(1<<i) != 0 {
			return def
		}
		return a[i]
	}
	switch c {
	case classMicro, classScoped:
		dim, err := integer(arg(0, lora.DefaultDim), "dim")
		if err != nil {
			return nil, err
		}
		alpha, lr := float32(arg(1, float64(lora.DefaultAlpha))), float32(arg(2, float64(lora.DefaultLR)))
		if err := lora.CheckConfig(dim, alpha, lr); err != nil {
			return nil, err
		}
		if c == classMicro {
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
	case classBuffer:
		capacity, err := integer(arg(0, trajectory.DefaultCapacity), "capacity")
		if err != nil {
			return nil, err
		}
		dim, err := integer(arg(1, trajectory.DefaultDim), "embedding_dim")
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
		return &buffer{b}, nil
	}
	return nil, errNotThis
}

// fromBytes restores an object of class c saved by to_bytes, and charges
// its cost: a buffer's before its storage is allocated, an adapter's (at
// most a few MB, dim being at most 8192) once its dimension is known.
func fromBytes(c uint8, data []byte) (any, error) {
	var o any
	switch c {
	case classMicro:
		m, err := lora.UnmarshalMicro(data)
		if err != nil {
			return nil, err
		}
		o = newMicro(m)
	case classScoped:
		s, err := scoped.Unmarshal(data)
		if err != nil {
			return nil, err
		}
		o = newScoped(s)
	case classBuffer:
		charged := int64(0)
		b, err := trajectory.Unmarshal(data, func(storage int64) error {
			charged = storageCost(storage)
			return charge("bytes", charged)
		})
		if err != nil {
			refund(charged)
			return nil, err
		}
		return &buffer{b}, nil
	default:
		return nil, errNotThis
	}
	if err := charge("bytes", costOf(o)); err != nil {
		return nil, err
	}
	return o, nil
}

// newMicro and newScoped give an engine its scratch x and y.
func newMicro(m *lora.Micro) *micro {
	x, y := pair(m.Dim())
	return &micro{m, x, y}
}

func newScoped(s *scoped.Scoped) *scopedLoRA {
	x, y := pair(s.Dim())
	return &scopedLoRA{s, x, y}
}
