//go:build js && wasm

package main

import (
	"github.com/ruvector/ruvector-learning-wasm/internal/lora"
	"github.com/ruvector/ruvector-learning-wasm/internal/trajectory"
)

// Class codes of rv_new.
const (
	newMicroLoRA int32 = iota + 1
	newScopedLoRA
	newTrajectoryBuffer
)

// newObject (rv_new) constructs an object of class kind from up to three
// number arguments; bit i of defaults marks argument i as undefined or null
// (its default applies). It returns the new handle, or 0 when the arguments
// are rejected: the JS layer then calls the js.FuncOf constructor for the error.
//
//go:noinline
func newObject(kind, defaults int32, a0, a1, a2 float64) uint32 {
	arg := func(i int, v, def float64) float64 {
		if defaults&(1<<i) != 0 {
			return def
		}
		return v
	}
	var obj any
	var err error
	switch kind {
	case newMicroLoRA, newScopedLoRA:
		dim, e := integer(arg(0, a0, lora.DefaultDim), "dim")
		if e != nil {
			return 0
		}
		alpha := float32(arg(1, a1, float64(lora.DefaultAlpha)))
		lr := float32(arg(2, a2, float64(lora.DefaultLR)))
		if kind == newMicroLoRA {
			obj, err = makeMicro(dim, alpha, lr)
		} else {
			obj, err = makeScoped(dim, alpha, lr)
		}
	case newTrajectoryBuffer:
		capacity, e1 := integer(arg(0, a0, trajectory.DefaultCapacity), "capacity")
		dim, e2 := integer(arg(1, a1, trajectory.DefaultDim), "embedding_dim")
		if e1 != nil || e2 != nil {
			return 0
		}
		obj, err = makeBuffer(capacity, dim)
	default:
		return 0
	}
	if err != nil {
		return 0
	}
	return store(obj)
}
