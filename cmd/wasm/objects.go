//go:build js && wasm

package main

import (
	"github.com/ruvector/ruvector-learning-wasm/internal/lora"
	"github.com/ruvector/ruvector-learning-wasm/internal/scoped"
	"github.com/ruvector/ruvector-learning-wasm/internal/trajectory"
)

// The objects behind the three JS classes. Each has a scratch area where the
// array argument of a call is written before the call runs (scratchOf).

// micro is a WasmMicroLoRA: the engine, and x and y (dim floats each, y right
// after x) for forward_array's input and output and adapt_array's gradient.
type micro struct {
	*lora.Micro
	x, y []float32
}

// scopedLoRA is a WasmScopedLoRA, with x and y as for micro.
type scopedLoRA struct {
	*scoped.Scoped
	x, y []float32
}

// buffer is a WasmTrajectoryBuffer; its array argument goes straight into the
// ring's spare slot, so record copies nothing.
type buffer struct {
	*trajectory.Buffer
}

// Class ids, as the method table and rv_new use them.
const (
	classMicro uint8 = iota + 1
	classScoped
	classBuffer
)

// classNames[c] is the JS name of class c.
var classNames = [...]string{classMicro: "WasmMicroLoRA", classScoped: "WasmScopedLoRA", classBuffer: "WasmTrajectoryBuffer"}

// classOf is the class id of a table object, 0 for anything else.
func classOf(o any) uint8 {
	switch o.(type) {
	case *micro:
		return classMicro
	case *scopedLoRA:
		return classScoped
	case *buffer:
		return classBuffer
	}
	return 0
}

// scratchOf is where o's next array argument goes.
func scratchOf(o any) []float32 {
	switch o := o.(type) {
	case *micro:
		return o.x
	case *scopedLoRA:
		return o.x
	case *buffer:
		return o.Spare()
	}
	return nil
}

// outputOf is where forward_array leaves o's result (y), nil for a buffer.
func outputOf(o any) []float32 {
	switch o := o.(type) {
	case *micro:
		return o.y
	case *scopedLoRA:
		return o.y
	}
	return nil
}

// scratchLen is the length of o's array arguments.
func scratchLen(o any) int { return len(scratchOf(o)) }

// pair returns dim floats twice over one allocation: x, then y.
func pair(dim int) ([]float32, []float32) {
	xy := make([]float32, 2*dim)
	return xy[:dim:dim], xy[dim:]
}
