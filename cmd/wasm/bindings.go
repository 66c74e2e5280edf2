//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/ruvector/ruvector-learning-wasm/internal/api"
)

// register puts the WasmMicroLoRA, WasmScopedLoRA and WasmTrajectoryBuffer
// constructors on global: real constructors (new, instanceof) with their
// members from the table (internal/api), the methods on their prototypes.
// A js.FuncOf callback cannot make its caller throw, so a rejected call
// returns its TypeError, RangeError or Error object instead, with nothing
// changed. (The loaders' classes, js/classic.js, call the exports instead.)
func register(global js.Value) {
	lookupIntrinsics()
	dispose := global.Get("Symbol").Get("dispose")
	ctors := [api.NumClasses + 1]js.Value{}
	for code := range api.Members {
		m := &api.Members[code]
		if m.Sort == api.Constructor {
			ctor := js.FuncOf(constructor(api.Code(code))).Value
			global.Get("Object").Call("defineProperty", ctor, "name", map[string]any{"value": m.Class.String()})
			proto := ctor.Get("prototype")
			proto.Set("free", js.FuncOf(freeMethod(m.Class)))
			if is(dispose, js.TypeSymbol) {
				global.Get("Reflect").Call("set", proto, dispose, proto.Get("free"))
			}
			ctors[m.Class] = ctor
			global.Get("Object").Call("defineProperty", global, m.Class.String(), map[string]any{
				"value": ctor, "writable": true, "enumerable": true, "configurable": true,
			})
		}
	}
	for code := range api.Members {
		m := &api.Members[code]
		switch {
		case m.Sort == api.Method:
			ctors[m.Class].Get("prototype").Set(m.Name, js.FuncOf(method(api.Code(code))))
		case m.Sort == api.Static && m.Params[0].Kind == api.Bytes:
			ctors[m.Class].Set(m.Name, js.FuncOf(fromBytesStatic(api.Code(code), ctors[m.Class])))
		case m.Sort == api.Static:
			ctors[m.Class].Set(m.Name, js.FuncOf(method(api.Code(code))))
		}
	}
}

// registerOnFirstUse makes the three class names on global accessors that
// register every class (register) the first time any of them is read or
// assigned, and then read as plain properties. Start-up then creates three
// js.FuncOf instead of about sixty (each costs about 0.13 ms in Node before
// V8 has compiled the wrapper), and a program that only uses the loaders,
// which call the exports, never pays for the bare globals.
func registerOnFirstUse(global js.Value) {
	done := false
	for c := api.Micro; c <= api.Buffer; c++ {
		name := c.String()
		access := js.FuncOf(func(_ js.Value, argv []js.Value) (res any) {
			defer recoverInto(&res)
			if !done {
				done = true
				register(global)
			}
			if len(argv) > 0 { // an assignment: the name takes the value
				global.Set(name, argv[0])
				return nil
			}
			return global.Get(name)
		})
		global.Get("Object").Call("defineProperty", global, name, map[string]any{
			"get": access, "set": access, "enumerable": true, "configurable": true,
		})
	}
}

// fromBytesStatic is a class's static from_bytes(bytes): a new object
// restored from to_bytes() output, or the Error saying why the bytes were
// refused.
func fromBytesStatic(code api.Code, ctor js.Value) func(js.Value, []js.Value) any {
	c := api.Members[code].Class
	return func(_ js.Value, argv []js.Value) (res any) {
		defer recoverInto(&res)
		defer api.DropBigAreas()
		data, err := bytesIn(arg(argv, 0), "bytes")
		var o any
		if err == nil {
			o, err = api.FromBytes(c, data)
		}
		if err != nil {
			return jsError(code, argv, err)
		}
		obj := js.Global().Get("Object").Call("create", ctor.Get("prototype"))
		obj.Set(handleKey, store(o, obj))
		return obj
	}
}

// constructor is the class's constructor: this gets the new object's
// handle and becomes its owner. It accepts any fresh object as this.
func constructor(code api.Code) func(js.Value, []js.Value) any {
	m := &api.Members[code]
	return func(this js.Value, argv []js.Value) (res any) {
		defer recoverInto(&res)
		if !is(this, js.TypeObject) || !this.Get(handleKey).IsUndefined() {
			return jsError(code, nil, api.ErrNotThis)
		}
		var a [3]float64
		var defaults int32
		for i, p := range m.Params {
			v := arg(argv, i)
			if v.IsUndefined() || v.IsNull() {
				defaults |= 1 << i
				continue
			}
			f, err := number(v, p.Name)
			if err != nil {
				return jsError(code, argv, err)
			}
			a[i] = f
		}
		o, err := api.New(m.Class, defaults, a)
		if err != nil {
			return jsError(code, argv, err)
		}
		this.Set(handleKey, store(o, this))
		return js.Undefined()
	}
}

// method is the bare global's js.FuncOf body of member code: read the
// arguments, call, and turn the value into the JS result its table entry
// names, or the error to return. The object is looked up again after the
// arguments are read, since an element's valueOf may have freed it. (Not
// inlined: register calls it twice, and each inlined copy would carry its
// own copy of the closure.)
//
//go:noinline
func method(code api.Code) func(js.Value, []js.Value) any {
	m := &api.Members[code]
	return func(this js.Value, argv []js.Value) (res any) {
		defer recoverInto(&res)
		defer api.DropBigAreas()
		var o any
		var err error
		if m.Sort != api.Static {
			o, err = self(this, m.Class)
		}
		var a api.Args
		into := js.Undefined()
		if err == nil {
			into, err = readArgs(o, m, argv, &a)
		}
		if again, _ := self(this, m.Class); err == nil && m.Sort != api.Static && again != o {
			err = api.ErrFreed // an element's valueOf, run while reading an array, freed this object
		}
		var v float64
		if err == nil {
			v, err = api.Call(o, code, &a)
		}
		if err != nil {
			return jsError(code, argv, err)
		}
		result[0] = v // a zero's or NaN's bits do not survive syscall/js: the loaders' slow path reads them here
		if !into.IsUndefined() {
			js.CopyBytesToJS(typedBytesOf(into), api.ByteView(api.OutputOf(o)))
			return into
		}
		return toJS(o, m.Result, v)
	}
}

// readArgs converts argv by m's parameters into a, writing a dim-long array
// into o's scratch area; it returns forward_array's out array, if given.
func readArgs(o any, m *api.Member, argv []js.Value, a *api.Args) (js.Value, error) {
	k := 0
	for i, p := range m.Params {
		v := arg(argv, i)
		switch p.Kind {
		case api.Number:
			f, err := number(v, p.Name)
			if err != nil {
				return js.Value{}, err
			}
			a.N[k] = f
		case api.OptNumber:
			if !v.IsUndefined() && !v.IsNull() {
				f, err := number(v, p.Name)
				if err != nil {
					return js.Value{}, err
				}
				a.N[k] = f
			}
		case api.Bool:
			on, err := boolArg(v, p.Name)
			if err != nil {
				return js.Value{}, err
			}
			if on {
				a.N[k] = 1
			}
		case api.DimArray:
			if err := float32s(v, p.Name, o); err != nil {
				return js.Value{}, err
			}
			continue
		case api.AnyArray:
			count, err := floatsIn(v, p.Name)
			if err != nil {
				return js.Value{}, err
			}
			a.N[k] = float64(count)
		case api.BufferArg:
			b, ok := bareBuffer(v)
			if !ok {
				return js.Value{}, api.ArgError(p.Name, api.NotBuffer)
			}
			a.Buffer = b
			continue
		case api.Into:
			if !v.IsUndefined() {
				return v, intoArg(v, api.ScratchLen(o))
			}
			continue
		}
		k++
	}
	return js.Undefined(), nil
}

// toJS is a member's value as the JS result of its kind (api.Kind).
func toJS(o any, kind api.Kind, v float64) any {
	switch kind {
	case api.NumberR, api.Float32R:
		return v
	case api.Count:
		return bigint(v)
	case api.BoolR:
		return v != 0
	case api.Output:
		return newFloat32Array(api.OutputOf(o))
	case api.Floats:
		return newFloat32Array(api.OutFloats(int(v)))
	case api.BytesR:
		b := jsUint8Array.New(int(v))
		js.CopyBytesToJS(b, api.OutBytes(int(v)))
		return b
	case api.Text:
		return string(api.OutBytes(int(v)))
	}
	return js.Undefined() // ValueOf(nil) would be null
}

// bareBuffer is buffer argument v as one of the bare globals' live buffers.
func bareBuffer(v js.Value) (*api.TrajectoryBuffer, bool) {
	h, err := handleOf(v)
	if err != nil {
		return nil, false
	}
	b, ok := objectAt(h).(*api.TrajectoryBuffer)
	return b, ok
}

// freeMethod is class c's free(): it releases the Go object and zeroes the
// handle; a second call does nothing.
func freeMethod(c api.Class) func(js.Value, []js.Value) any {
	code := api.Find(c, "free")
	return func(this js.Value, _ []js.Value) (res any) {
		defer recoverInto(&res)
		h, err := handleOf(this)
		if err == nil && h != 0 && api.ClassOf(objectAt(h)) != c {
			err = api.ErrNotThis
		}
		if err != nil {
			return jsError(code, nil, err)
		}
		drop(h)
		this.Set(handleKey, 0)
		return js.Undefined()
	}
}
