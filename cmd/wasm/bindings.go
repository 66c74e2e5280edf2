//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/ruvector/ruvector-learning-wasm/internal/api"
)

// ctors[c] is class c's constructor on the JS global, once registered.
var ctors [api.NumClasses + 1]js.Value

// register puts the WasmMicroLoRA, WasmScopedLoRA and WasmTrajectoryBuffer
// constructors on global: real constructors (new, instanceof) with their
// members from the table (internal/api), the methods on their prototypes.
// Every member is one js.FuncOf of member (a class's constructor comes
// first in the table). A js.FuncOf callback cannot make its caller throw,
// so a rejected call returns its TypeError, RangeError or Error object
// instead, with nothing changed. (The loaders' classes, js/classic.js, call
// the exports instead.)
func register(global js.Value) {
	lookupIntrinsics()
	dispose := global.Get("Symbol").Get("dispose")
	for code := range api.Members {
		m := &api.Members[code]
		if m.Sort == api.Lifecycle && m.Name != "free" {
			continue // the views and memory() are the loaders' alone
		}
		fn := js.FuncOf(member(api.Code(code))).Value
		switch m.Sort {
		case api.Constructor:
			name := m.Class.String()
			define(fn, "name", "value", name)
			ctors[m.Class] = fn
			define(global, name, "value", fn, "writable", true, "enumerable", true, "configurable", true)
		case api.Static:
			ctors[m.Class].Set(m.Name, fn)
		default:
			proto := ctors[m.Class].Get("prototype")
			proto.Set(m.Name, fn)
			if m.Name == "free" && is(dispose, js.TypeSymbol) {
				global.Get("Reflect").Call("set", proto, dispose, fn)
			}
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
			} else {
				res = global.Get(name)
			}
			return // one return: each would carry its own copy of the deferred call
		})
		define(global, name, "get", access, "set", access, "enumerable", true, "configurable", true)
	}
}

// define is Object.defineProperty(obj, key, descriptor), the descriptor's
// fields given as name, value pairs.
func define(obj js.Value, key string, fields ...any) {
	d := js.Global().Get("Object").New()
	for i := 0; i < len(fields); i += 2 {
		d.Set(fields[i].(string), fields[i+1])
	}
	js.Global().Get("Object").Call("defineProperty", obj, key, d)
}

// member is the bare global's js.FuncOf body of member code: its value, or
// the JS error it was refused with. Methods and statics drop the big
// argument and result areas once done.
func member(code api.Code) func(js.Value, []js.Value) any {
	areas := api.Members[code].Sort <= api.Static
	return func(this js.Value, argv []js.Value) (res any) {
		defer recoverInto(&res)
		if areas {
			defer api.DropBigAreas()
		}
		res, err := invoke(code, this, argv)
		if err != nil {
			res = jsError(code, argv, err)
		}
		return res // one return: each would carry its own copy of the deferred calls
	}
}

// invoke runs member code on this with argv, by the member's sort:
//   - the constructor gives this the new object's handle, and this becomes
//     its owner; it accepts any fresh object as this;
//   - free() releases the Go object and zeroes the handle; a second call
//     does nothing;
//   - from_bytes and the methods are fromBytes and method.
func invoke(code api.Code, this js.Value, argv []js.Value) (v any, err error) {
	m := &api.Members[code]
	switch { // a failed step breaks out to the one return (each would copy its results)
	case m.Sort == api.Constructor:
		if !is(this, js.TypeObject) || !this.Get(handleKey).IsUndefined() {
			err = api.ErrNotThis
			break
		}
		var a api.Args
		var defaults int32
		if _, defaults, err = readArgs(nil, m, argv, &a); err != nil {
			break
		}
		var o any
		if o, err = api.New(m.Class, defaults, [3]float64(a.N[:3])); err == nil {
			this.Set(handleKey, store(o, this))
			v = js.Undefined()
		}
	case m.Sort == api.Lifecycle:
		var h uint32
		h, err = handleOf(this)
		if err == nil && h != 0 && api.ClassOf(objectAt(h)) != m.Class {
			err = api.ErrNotThis
		}
		if err == nil {
			drop(h)
			this.Set(handleKey, 0)
			v = js.Undefined()
		}
	case m.Sort == api.Static && m.Params[0].Kind == api.Bytes:
		v, err = fromBytes(m.Class, argv)
	default:
		v, err = method(code, m, this, argv)
	}
	return v, err
}

// fromBytes is class c's static from_bytes(bytes): a new object restored
// from to_bytes() output, a Uint8Array (or ArrayBuffer) copied into the
// input area.
func fromBytes(c api.Class, argv []js.Value) (obj any, err error) {
	v, intact := arg(argv, 0), true
	if is(v, js.TypeObject) && v.InstanceOf(builtin[arrayBuffer]) {
		v, intact = tryNew(builtin[uint8Array], v)
	}
	switch { // a failed step breaks out to the one return (each would copy its results)
	case !intact:
		err = api.ArgError("bytes", api.Detached)
	case !typedArray(v, builtin[uint8Array]):
		err = api.ArgError("bytes", api.NotBytes)
	default:
		bytes, n, ok := typedBytes(v, 1)
		if !ok {
			err = api.ArgError("bytes", api.Detached)
			break
		}
		var data []byte
		if data, err = api.InBytes(n, "bytes"); err != nil {
			break
		}
		js.CopyBytesToGo(data, bytes)
		var o any
		if o, err = api.FromBytes(c, data); err == nil {
			r := js.Global().Get("Object").Call("create", ctors[c].Get("prototype"))
			r.Set(handleKey, store(o, r))
			obj = r
		}
	}
	return obj, err
}

// method runs method or static code: read the arguments, call, and turn
// the value into the JS result its table entry names. The object is looked
// up again after the arguments are read, since an element's valueOf may
// have freed it.
func method(code api.Code, m *api.Member, this js.Value, argv []js.Value) (res any, err error) {
	var o any
	if m.Sort != api.Static {
		o, err = self(this, m.Class)
	}
	var a api.Args
	into := js.Undefined()
	if err == nil {
		into, _, err = readArgs(o, m, argv, &a)
	}
	if again, _ := self(this, m.Class); err == nil && m.Sort != api.Static && again != o {
		err = api.ErrFreed // an element's valueOf, run while reading an array, freed this object
	}
	var v float64
	if err == nil {
		v, err = api.Call(o, code, &a)
	}
	if err != nil {
		return nil, err
	}
	result[0] = v // a zero's or NaN's bits do not survive syscall/js: the loaders' slow path reads them here
	// The value as the JS result of its kind (api.Kind), with one return:
	// each would copy its results.
	switch {
	case m.Result == api.NumberR, m.Result == api.Float32R:
		res = v
	case m.Result == api.Count:
		res = bigint(v)
	case m.Result == api.BoolR:
		res = v != 0
	case m.Result == api.Output, m.Result == api.Floats:
		src := api.OutputOf(o)
		if m.Result == api.Floats {
			src = api.OutFloats(int(v))
		}
		if into.IsUndefined() {
			res = newFloat32Array(src)
		} else {
			js.CopyBytesToJS(typedBytesOf(into), api.ByteView(src))
			res = into
		}
	case m.Result == api.BytesR:
		b := builtin[uint8Array].New(int(v))
		js.CopyBytesToJS(b, api.OutBytes(int(v)))
		res = b
	case m.Result == api.Text:
		res = string(api.OutBytes(int(v)))
	default:
		res = js.Undefined() // ValueOf(nil) would be null
	}
	return res, nil
}

// readArgs converts argv by m's parameters into a, writing a dim-long array
// into o's scratch area; it returns the out array, if given,
// and a constructor's defaults: bit i for argument i undefined or null.
func readArgs(o any, m *api.Member, argv []js.Value, a *api.Args) (into js.Value, defaults int32, err error) {
	k := 0
	for i, p := range m.Params {
		v := arg(argv, i)
		var f float64
		switch p.Kind {
		case api.Number, api.OptNumber, api.Int, api.Float:
			if p.Kind != api.Number && (v.IsUndefined() || v.IsNull()) {
				defaults |= 1 << i // 0, or the constructor's default
			} else if is(v, js.TypeNumber) {
				f = v.Float()
			} else {
				err = api.ArgError(p.Name, api.NotNumber)
			}
		case api.Bool: // true or false, and 1 or 0 as wasm-bindgen's bool would
			switch t, _ := typeOf(v); t {
			case js.TypeBoolean:
				if v.Bool() {
					f = 1
				}
			case js.TypeNumber:
				if f = v.Float(); f != 0 && f != 1 {
					err = api.ArgError(p.Name, api.BoolRange)
				}
			default:
				err = api.ArgError(p.Name, api.NotBool)
			}
		case api.AnyArray:
			var n int
			n, err = arrayIn(v, p.Name, nil)
			f = float64(n)
		case api.DimArray:
			if _, err = arrayIn(v, p.Name, o); err != nil {
				return
			}
			continue
		case api.BufferArg: // one of the bare globals' live buffers
			h, herr := handleOf(v)
			b, ok := objectAt(h).(*api.TrajectoryBuffer)
			if herr != nil || !ok {
				return into, 0, api.ArgError(p.Name, api.NotBuffer)
			}
			a.Buffer = b
			continue
		case api.Into, api.IntoAll: // an out Float32Array: of dim values, or as long as the array before it
			if v.IsUndefined() {
				continue
			}
			if !typedArray(v, builtin[float32Array]) {
				err = api.ArgError(p.Name, api.NotFloat32Array)
			} else if _, n, ok := typedBytes(v, 4); !ok {
				err = api.ArgError(p.Name, api.Detached)
			} else if inputs := int(a.N[max(k-1, 0)]); n != api.IntoLen(o, p.Kind, inputs) { // an IntoAll follows its AnyArray
				err = api.IntoLengthError(o, m.Params, i, inputs)
			}
			return v, 0, err
		}
		if err != nil {
			return
		}
		a.N[k] = f
		k++
	}
	return js.Undefined(), defaults, nil
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
