//go:build js && wasm

package main

import (
	"syscall/js"

	"rvlw/internal/api"
)

// noOwner is the owner of a loader's object: undefined.
var noOwner js.Value

// handleKey is the JS property that holds a bare-global object's handle; 0
// once freed. Objects made by the loaders (js/classic.js) keep theirs in a
// private field and have no such property.
const handleKey = "__wbg_ptr"

// slot is one entry of the handle table: the object, and for an object made
// through the bare globals, the very JS object that owns it (undefined for
// the loaders' objects).
type slot struct {
	obj   any
	owner js.Value
	// micro, scoped and buffer are a loader's object again as its own type
	// (the other two nil): what the hot exports look up.
	micro  *api.MicroLoRA
	scoped *api.ScopedLoRA
	buffer *api.TrajectoryBuffer
}

// newSlot is the slot for v and its owner.
func newSlot(v any, owner js.Value) slot {
	s := slot{obj: v, owner: owner}
	if owner.IsUndefined() {
		switch o := v.(type) {
		case *api.MicroLoRA:
			s.micro = o
		case *api.ScopedLoRA:
			s.scoped = o
		case *api.TrajectoryBuffer:
			s.buffer = o
		}
	}
	return s
}

// objects is the handle table: handle h refers to objects[h-1]; empty slots
// are free and listed in freeSlots for reuse.
var (
	objects   []slot
	freeSlots []uint32
)

// store puts v, already charged to the budget (api.CostOf), in the table with
// its owner and returns its handle (never 0). Not inlined: its append and
// the slot's write barriers would be copied into each of its four callers.
//
//go:noinline
func store(v any, owner js.Value) uint32 {
	if n := len(freeSlots); n > 0 {
		h := freeSlots[n-1]
		freeSlots = freeSlots[:n-1]
		objects[h-1] = newSlot(v, owner)
		return h
	}
	objects = append(objects, newSlot(v, owner))
	return uint32(len(objects))
}

// drop empties slot h and refunds its object's cost; a handle that is 0,
// unknown or already free is ignored.
func drop(h uint32) {
	if h == 0 || int(h) > len(objects) || objects[h-1].obj == nil {
		return
	}
	api.Release(objects[h-1].obj)
	objects[h-1] = slot{}
	freeSlots = append(freeSlots, h)
}

// objectAt is handle h's object, or nil.
func objectAt(h uint32) any {
	if h == 0 || int(h) > len(objects) {
		return nil
	}
	return objects[h-1].obj
}

// loaderObject is handle h's object if a loader made it, or nil: the
// loaders never reach a bare-global object.
func loaderObject(h uint32) any {
	if h == 0 || int(h) > len(objects) || !objects[h-1].owner.IsUndefined() {
		return nil
	}
	return objects[h-1].obj
}

// handleOf reads this[handleKey] of a bare-global object of class c: its
// handle, 0 for a freed object, and its object, or api.ErrNotThis when this
// is not one of this runtime's bare objects (a copy, a look-alike, another
// runtime's object or a loader's) or is one of another class.
func handleOf(this js.Value, c api.Class) (h uint32, o any, err error) {
	err = api.ErrNotThis
	if !is(this, js.TypeObject) {
		return
	}
	v := this.Get(handleKey)
	if !is(v, js.TypeNumber) {
		return
	}
	f := v.Float()
	h = uint32(f)
	if float64(h) != f || h != 0 && (int(h) > len(objects) || !objects[h-1].owner.Equal(this)) {
		return 0, nil, err
	}
	if o = objectAt(h); h != 0 && api.ClassOf(o) != c {
		return 0, nil, err
	}
	return h, o, nil
}
