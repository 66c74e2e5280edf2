//go:build js && wasm

package main

import (
	"errors"
	"syscall/js"
)

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

var (
	errFreed   = errors.New("object has been freed")
	errNotThis = errors.New("this is not a ")
)

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

// self returns the Go object behind this, of type T.
func self[T any](this js.Value) (T, error) {
	var zero T
	h, err := handleOf(this)
	if err != nil {
		return zero, err
	}
	if h == 0 {
		return zero, errFreed
	}
	if int(h) > len(objects) {
		return zero, errNotThis
	}
	t, ok := objects[h-1].(T)
	if !ok {
		return zero, errNotThis
	}
	return t, nil
}

// free releases this's Go object and zeroes its handle; a second call does nothing.
func free(this js.Value) error {
	h, err := handleOf(this)
	if err != nil {
		return err
	}
	drop(h)
	this.Set(handleKey, 0)
	return nil
}
