//go:build js && wasm

package main

import (
	"unsafe"

	"rvlw/internal/api"
)

// The loader's entry points: //go:wasmexport functions that js/classic.js
// calls directly with an object's handle, about a thousand times cheaper
// than a js.FuncOf callback. An array argument travels through the object's
// scratch area or the input area (the JS layer writes it with
// TypedArray.set), numbers arrive as float64, and a call's value is left in
// result. A rejected call returns 0 with nothing changed and leaves its
// error in failure (rv_error), which the JS layer throws: no call is ever
// repeated to learn its error.
//
// Each export here defers swallow, which records a panic as the call's
// error; the export then returns its named result as it stands, 0 unless
// it was assigned, which each does last. They do their work in the
// deferring frame (measured in Node: no slower than in a separate function,
// which costs the wasm about 400 bytes), but rv_new and rv_from_bytes,
// which share newObject. (The hot calls' exports, hot_gen.go, defer
// nothing: hot.go says why they need not; a Go function that defers
// compiles to slower wasm, measured 0.46 → 0.25 µs for record.)

// result holds the value of the latest successful call; after rv_new,
// rv_from_bytes and rv_info, the new object's facts (describeObject).
var result [3]float64

// failure holds the latest rejected call's error, encoded (api.Failure.Encode).
var failure []byte

// fail records member code's error err and returns 0, a rejected call's status.
//
//go:noinline
func fail(code api.Code, err error) int32 {
	failure = api.Fail(code, err).Encode(failure[:0])
	return 0
}

// swallow stops a panic and records it as an internal error of the call;
// the deferring export then returns its zero result.
func swallow() {
	if r := recover(); r != nil {
		failure = api.Failure{Kind: api.PlainError, Arg: -1, Message: internalError(r)}.Encode(failure[:0])
	}
}

// rvError returns the byte offset of the latest rejected call's error.
//
//go:wasmexport rv_error
func rvError() uint32 {
	if len(failure) == 0 {
		return 0
	}
	return uint32(uintptr(unsafe.Pointer(&failure[0])))
}

// rvCall runs member code on handle h with its arguments a0..a3 in
// parameter order (numbers, booleans as 0 or 1, an any-length array's
// length, a buffer's handle; a dim-long array is already in the scratch
// area and is not passed) and returns 1, its value in result, or 0. The
// target is the loader's object behind handle h (none for a static; an
// error when h is freed, unknown or of another class); a buffer's handle
// resolves to one of the loader's live buffers (or the parameter's
// TypeError), the other numbers go to the Args' N in order.
//
//go:wasmexport rv_call
func rvCall(h uint32, code int32, a0, a1, a2, a3 float64) (ok int32) {
	defer swallow()
	n := [4]float64{a0, a1, a2, a3}
	api.DropOut() // the previous call's large result has been read
	var o any
	var a api.Args
	var err error = api.ErrNoMember
	if code >= 0 && int(code) < len(api.Members) {
		m := &api.Members[code]
		err = nil
		if m.Sort != api.Static {
			switch o = loaderObject(h); {
			case o == nil:
				err = api.ErrFreed
			case api.ClassOf(o) != m.Class:
				err = api.ErrNotThis
			}
		}
		j, k := 0, 0
		for _, p := range m.Params {
			if err != nil {
				break
			}
			switch p.Kind {
			case api.DimArray, api.Into, api.IntoAll:
				continue
			case api.BufferArg:
				b, ok := loaderObject(uint32(n[j])).(*api.TrajectoryBuffer)
				if !ok || float64(uint32(n[j])) != n[j] {
					err = api.ArgError(p.Name, api.NotBuffer)
				}
				a.Buffer = b
			default:
				a.N[k] = n[j]
				k++
			}
			j++
		}
	}
	var v float64
	if err == nil {
		v, err = api.Call(o, code, &a)
	}
	api.DropBigAreas()
	if err != nil {
		return fail(code, err)
	}
	result[0] = v
	return 1
}

// rvReject records the error for reason r about argument i of member code
// on handle h (n: a refused length), for arguments the JS layer refused
// before calling Go; it returns 0.
//
//go:wasmexport rv_reject
func rvReject(h uint32, code, i, r int32, n float64) int32 {
	defer swallow()
	return fail(code, api.Rejection(loaderObject(h), code, int(i), api.Reason(r), n))
}

// rvNew constructs an object for constructor code from its numbers a0..a2;
// bit i of defaults marks argument i as undefined or null. It returns the
// new handle, the object described in result, or 0.
//
//go:wasmexport rv_new
func rvNew(code, defaults int32, a0, a1, a2 float64) (h uint32) {
	defer swallow()
	return newObject(code, defaults, [3]float64{a0, a1, a2}, -1)
}

// rvFromBytes restores an object for from_bytes member code from the first
// n bytes of the input area and returns its handle, the object described in
// result, or 0.
//
//go:wasmexport rv_from_bytes
func rvFromBytes(code, n int32) (h uint32) {
	defer swallow()
	return newObject(code, 0, [3]float64{}, int(n))
}

// newObject is the body of rv_new (n < 0: constructor code with defaults
// and a) and of rv_from_bytes (from_bytes member code, from the first n
// bytes of the input area): one function for both, since each costs the
// wasm about 400 bytes.
//
//go:noinline
func newObject(code api.Code, defaults int32, a [3]float64, n int) uint32 {
	sort := api.Constructor
	if n >= 0 {
		sort = api.Static
	}
	c, err := classOfMember(code, sort)
	var o any
	if err == nil {
		if n < 0 {
			o, err = api.New(c, defaults, a)
		} else {
			var data []byte
			if data, err = api.InBytes(n, "bytes"); err == nil {
				o, err = api.FromBytes(c, data)
			}
		}
	}
	if n >= 0 {
		api.DropBigAreas()
	}
	if err != nil {
		fail(code, err)
		return 0
	}
	h := store(o, noOwner)
	describeObject(h)
	return h
}

// classOfMember is the class of member code, which must be of sort s.
func classOfMember(code api.Code, s api.Sort) (api.Class, error) {
	if code < 0 || int(code) >= len(api.Members) || api.Members[code].Sort != s {
		return 0, api.ErrNoMember
	}
	return api.Members[code].Class, nil
}

// rvReserve makes the input area n bytes long for argument i of member
// code and returns its offset, or 0 (the error recorded).
//
//go:wasmexport rv_reserve
func rvReserve(code, i, n int32) (p uint32) {
	defer swallow()
	name := "bytes"
	if code >= 0 && int(code) < len(api.Members) && i >= 0 && int(i) < len(api.Members[code].Params) {
		name = api.Members[code].Params[i].Name
	}
	p, err := api.Reserve(int(n), name)
	if err != nil {
		fail(code, err)
	}
	return p
}

// rvOut returns the offset of the output area (valid until the next call).
//
//go:wasmexport rv_out
func rvOut() uint32 { return api.OutAddress() }

// rvRelease frees handle h's object (free(), or the FinalizationRegistry for
// an object garbage-collected unfreed) if a loader made it, and collects
// once enough has been freed; other handles are ignored.
//
//go:wasmexport rv_release
func rvRelease(h uint32) {
	defer swallow()
	if loaderObject(h) != nil {
		drop(h)
	}
	api.Collect()
}

// rvInfo puts handle h's object's facts in result (describe) and returns
// 1, or 0 for an unknown handle.
//
//go:wasmexport rv_info
func rvInfo(h uint32) (ok int32) {
	defer swallow()
	return describeObject(h)
}

// describeObject puts in result what the JS layer keeps of handle h's
// object: its scratch area's byte offset, the length of its array
// arguments (dim, or embedding_dim), and what it costs the memory budget
// in bytes (costs.go: the JS wrapper holds as much in an untouched
// ArrayBuffer, so that the engine sees the memory and collects dropped
// wrappers in time). It returns 1, or 0 for an unknown handle.
//
//go:noinline
func describeObject(h uint32) int32 {
	o := objectAt(h)
	x := api.ScratchOf(o)
	if x == nil {
		return 0
	}
	result = [3]float64{api.Address(x), float64(len(x)), float64(api.CostOf(o))}
	return 1
}

// rvResult returns the byte offset of result.
//
//go:wasmexport rv_result
func rvResult() uint32 { return uint32(uintptr(unsafe.Pointer(&result[0]))) }
