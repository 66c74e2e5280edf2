//go:build js && wasm

package main

import (
	"syscall/js"

	"rvlw/internal/api"
)

// invoke runs member code, m, on this with argv, by the member's sort:
//   - the constructor gives this the new object's handle, and this becomes
//     its owner; it accepts any fresh object as this;
//   - free() releases the Go object and zeroes the handle; a second call
//     does nothing;
//   - from_bytes makes a new object, restored from to_bytes() output, a
//     Uint8Array (or ArrayBuffer) that readArgs copies into the input area;
//   - the methods and the other statics read their arguments, call, and
//     turn the value into the JS result their table entry names. The
//     object is looked up again after the arguments are read, since an
//     element's valueOf may have freed it.
//
// (One function for all: each costs the wasm about 400 bytes.) Its result
// is a js.Value, so that it is converted to an any in one place.
func invoke(code api.Code, m *api.Member, this js.Value, argv []js.Value) (res js.Value, err error) {
	var o any
	switch {
	case m.Sort == api.Constructor:
		if !is(this, js.TypeObject) || !this.Get(handleKey).IsUndefined() {
			err = api.ErrNotThis
		}
	case m.Sort == api.Lifecycle:
		var h uint32
		if h, _, err = handleOf(this, m.Class); err == nil {
			drop(h)
			this.Set(handleKey, 0)
		}
		return res, err // undefined: the zero Value
	case m.Sort == api.Method:
		var h uint32
		if h, o, err = handleOf(this, m.Class); err == nil && h == 0 {
			err = api.ErrFreed
		}
	}
	var a api.Args
	into, defaults := js.Undefined(), int32(0)
	if err == nil {
		into, defaults, err = readArgs(o, m, argv, &a)
	}
	if m.Result == api.Object { // a new object: the constructor's this, or from_bytes's own
		if err == nil && m.Sort == api.Constructor {
			o, err = api.New(m.Class, defaults, [3]float64(a.N[:3]))
		} else if err == nil {
			var data []byte // the bytes readArgs copied into the input area
			if data, err = api.InBytes(int(a.N[0]), "bytes"); err == nil {
				o, err = api.FromBytes(m.Class, data)
			}
			if err == nil {
				this = js.Global().Get("Object").Call("create", ctors[m.Class].Get("prototype"))
				res = this
			}
		}
		if err == nil {
			this.Set(handleKey, store(o, this))
		}
		return res, err
	}
	if _, again, _ := handleOf(this, m.Class); err == nil && m.Sort != api.Static && again != o { // this, looked up again
		err = api.ErrFreed // an element's valueOf, run while reading an array, freed this object
	}
	var v float64
	if err == nil {
		v, err = api.Call(o, code, &a)
	}
	if err != nil {
		return res, err
	}
	result[0] = v // a zero's or NaN's bits do not survive syscall/js: the loaders' slow path reads them here
	// The value as the JS result of its kind (api.Kind), undefined unless
	// set, with one return: each would copy its results.
	switch {
	case m.Result == api.NumberR, m.Result == api.Float32R, m.Result == api.Fixed:
		res = js.ValueOf(v)
	case m.Result == api.Count:
		res = bigint(v)
	case m.Result == api.BoolR:
		res = js.ValueOf(v != 0)
	case m.Result == api.Output, m.Result == api.Floats, m.Result == api.BytesR:
		// Go memory copied into a JS array: a new Uint8Array of the bytes,
		// or the floats into the out array, or a new Float32Array.
		var src []byte
		if m.Result == api.BytesR {
			res = builtin[uint8Array].New(int(v))
			src, into = api.OutBytes(int(v)), res
		} else {
			floats := api.OutputOf(o)
			if m.Result == api.Floats {
				floats = api.OutFloats(int(v))
			}
			if res = into; into.IsUndefined() {
				res = builtin[float32Array].New(len(floats))
				into = builtin[uint8Array].New(res.Get("buffer"))
			} else {
				into = typedBytesOf(into)
			}
			src = api.ByteView(floats)
		}
		js.CopyBytesToJS(into, src) // into: the bytes of the JS array
	case m.Result == api.Text:
		res = js.ValueOf(string(api.OutBytes(int(v))))
	}
	return res, nil
}

// readArgs converts argv by m's parameters into a, writing a dim-long array
// into o's scratch area; it returns the out array, if given,
// and a constructor's defaults: bit i for argument i undefined or null.
// An argument refused for a reason (api.ArgError) stops it with that error;
// each case only names the reason, so that the error is made in one place.
func readArgs(o any, m *api.Member, argv []js.Value, a *api.Args) (into js.Value, defaults int32, err error) {
	_ = *a // one nil check, not one at each use of a below
	k := 0
	for i, p := range m.Params {
		v := arg(argv, i)
		t, _ := typeOf(v) // js.TypeUndefined for a bigint, which is of no kind below
		var f float64
		if t == js.TypeNumber { // read once here for the kinds that take a number
			f = v.Float()
		}
		var why api.Reason
		switch p.Kind {
		case api.Number, api.OptNumber, api.Int, api.Float:
			if p.Kind != api.Number && (v.IsUndefined() || v.IsNull()) {
				defaults |= 1 << i // 0, or the constructor's default
			} else if t != js.TypeNumber {
				why = api.NotNumber
			}
		case api.Bool: // true or false, and 1 or 0 as wasm-bindgen's bool would
			switch t {
			case js.TypeBoolean:
				if isTrue(v) {
					f = 1
				}
			case js.TypeNumber:
				if f != 0 && f != 1 {
					why = api.BoolRange
				}
			default:
				why = api.NotBool
			}
		case api.AnyArray, api.DimArray:
			// An array-like of numbers (typed arrays, Arrays, objects with
			// a numeric length; not strings, functions or ArrayBuffers),
			// converted once by new Float32Array(v), a Float32Array too:
			// that reads a typed array's kind and length from its internal
			// slots, never from a prototype (a Float32Array's may be given
			// to another kind) or a length property that could lie. Anything
			// but an Array needs a numeric length first (a DataView has
			// none; for an object that only inherits a typed array's getter,
			// reading it throws). Then it is read into o's scratch area once
			// its length fits (DimArray), or of any length into the input
			// area.
			if t != js.TypeObject || v.InstanceOf(builtin[arrayBuffer]) {
				why = api.NotArray
			} else if f32, no := tryNew(builtin[float32Array], v, !isTrue(builtin[array].Call("isArray", v))); no == 0 {
				v = f32
			} else if why = no; no == api.NotNumbers && isView(v) && !attached(v) {
				why = api.Detached
			}
			if why == 0 {
				bytes, n, _ := typedBytes(v, 4)
				var dst []byte
				if p.Kind == api.DimArray {
					err = api.ArrayLen(o, p.Name, n)
					dst = api.ByteView(api.ScratchOf(o))
				} else {
					dst, err = api.InBytes(4*n, p.Name)
				}
				if err == nil {
					js.CopyBytesToGo(dst, bytes)
				}
				f = float64(n)
			}
		case api.Bytes: // from_bytes's: a Uint8Array (or ArrayBuffer) copied into the input area
			var no api.Reason
			if t == js.TypeObject && v.InstanceOf(builtin[arrayBuffer]) {
				v, no = tryNew(builtin[uint8Array], v, false)
			}
			if no != 0 {
				why = api.Detached
			} else if t != js.TypeObject || !isView(v) || !v.InstanceOf(builtin[uint8Array]) { // not a typed array made by Uint8Array (or a subclass)
				why = api.NotBytes
			} else if bytes, n, ok := typedBytes(v, 1); !ok {
				why = api.Detached
			} else {
				var data []byte
				if data, err = api.InBytes(n, p.Name); err == nil {
					js.CopyBytesToGo(data, bytes)
				}
				f = float64(n)
			}
		case api.BufferArg: // one of the bare globals' live buffers
			_, o, herr := handleOf(v, api.Buffer)
			b, ok := o.(*api.TrajectoryBuffer)
			if herr != nil || !ok {
				why = api.NotBuffer
			}
			a.Buffer = b
		case api.Into, api.IntoAll: // an out Float32Array: of dim values, or as long as the array before it
			if v.IsUndefined() {
				continue
			}
			into = v
			if t != js.TypeObject || !isView(v) || !v.InstanceOf(builtin[float32Array]) {
				why = api.NotFloat32Array
			} else if _, n, ok := typedBytes(v, 4); !ok {
				why = api.Detached
			} else if inputs := int(a.N[max(k-1, 0)]); n != api.IntoLen(o, p.Kind, inputs) { // an IntoAll follows its AnyArray
				err = api.IntoLengthError(o, m.Params, i, inputs)
			}
		}
		if why != 0 {
			err = api.ArgError(p.Name, why)
		}
		if err != nil || p.Kind == api.Into || p.Kind == api.IntoAll {
			return into, 0, err // the out array is the last parameter
		}
		if p.Kind != api.DimArray && p.Kind != api.BufferArg {
			a.N[k] = f
			k++
		}
	}
	return js.Undefined(), defaults, nil
}
