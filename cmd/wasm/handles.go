//go:build js && wasm

package main

import "syscall/js"

// handleKey is the JS property that holds an object's handle; 0 once freed.
const handleKey = "__wbg_ptr"

// objects is the handle table: handle h refers to objects[h-1]; nil slots are
// free and listed in freeSlots for reuse.
var (
	objects   []any
	freeSlots []uint32
)

// store puts v in the table and returns its handle (never 0).
func store(v any) uint32 {
	if n := len(freeSlots); n > 0 {
		h := freeSlots[n-1]
		freeSlots = freeSlots[:n-1]
		objects[h-1] = v
		return h
	}
	objects = append(objects, v)
	return uint32(len(objects))
}

// drop empties slot h; a handle that is 0, unknown or already free is ignored.
func drop(h uint32) {
	if h == 0 || int(h) > len(objects) || objects[h-1] == nil {
		return
	}
	objects[h-1] = nil
	freeSlots = append(freeSlots, h)
}

// objectAt is handle h's object, or nil.
func objectAt(h uint32) any {
	if h == 0 || int(h) > len(objects) {
		return nil
	}
	return objects[h-1]
}

// handleOf reads this[handleKey]: 0 for a freed object, errNotThis when this
// is not one of our objects.
func handleOf(this js.Value) (uint32, error) {
	if !is(this, js.TypeObject) {
		return 0, errNotThis
	}
	v := this.Get(handleKey)
	if !is(v, js.TypeNumber) {
		return 0, errNotThis
	}
	return uint32(v.Int()), nil
}

// self returns the object of class c behind this.
func self(this js.Value, c uint8) (any, error) {
	h, err := handleOf(this)
	switch {
	case err != nil:
		return nil, err
	case h == 0:
		return nil, errFreed
	}
	o := objectAt(h)
	if classOf(o) != c {
		return nil, errNotThis
	}
	return o, nil
}
