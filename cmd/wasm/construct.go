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
		if c == classMicro {
			m, err := lora.NewMicro(dim, alpha, lr)
			if err != nil {
				return nil, err
			}
			x, y := pair(dim)
			return &micro{m, x, y}, nil
		}
		s, err := scoped.New(dim, alpha, lr)
		if err != nil {
			return nil, err
		}
		x, y := pair(dim)
		return &scopedLoRA{s, x, y}, nil
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
		if err := checkHeadroom("capacity", trajectory.StorageBytes(int64(capacity), dim)); err != nil {
			return nil, err
		}
		b, err := trajectory.New(int64(capacity), dim)
		if err != nil {
			return nil, err
		}
		return &buffer{b}, nil
	}
	return nil, errNotThis
}

// fromBytes restores an object of class c saved by to_bytes.
func fromBytes(c uint8, data []byte) (any, error) {
	switch c {
	case classMicro:
		m, err := lora.UnmarshalMicro(data)
		if err != nil {
			return nil, err
		}
		x, y := pair(m.Dim())
		return &micro{m, x, y}, nil
	case classScoped:
		s, err := scoped.Unmarshal(data)
		if err != nil {
			return nil, err
		}
		x, y := pair(s.Dim())
		return &scopedLoRA{s, x, y}, nil
	case classBuffer:
		b, err := trajectory.Unmarshal(data, func(n int64) error { return checkHeadroom("bytes", n) })
		if err != nil {
			return nil, err
		}
		return &buffer{b}, nil
	}
	return nil, errNotThis
}
