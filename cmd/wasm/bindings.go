//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/ruvector/ruvector-learning-wasm/internal/argerr"
	"github.com/ruvector/ruvector-learning-wasm/internal/scoped"
)

// register puts the WasmMicroLoRA, WasmScopedLoRA and WasmTrajectoryBuffer
// constructors on global: real constructors (new, instanceof) whose methods,
// built once from the method table, live on their prototypes. A js.FuncOf
// callback cannot make its caller throw, so a rejected call returns its
// TypeError, RangeError or Error object instead, with nothing changed.
func register(global js.Value) {
	dispose := global.Get("Symbol").Get("dispose")
	for c := classMicro; c <= classBuffer; c++ {
		name := classNames[c]
		ctor := js.FuncOf(constructor(c)).Value
		global.Get("Object").Call("defineProperty", ctor, "name", map[string]any{"value": name})
		proto := ctor.Get("prototype")
		for code := range methodCount {
			if methods[code].class == c {
				proto.Set(methods[code].name, js.FuncOf(method(code)))
			}
		}
		proto.Set("free", js.FuncOf(freeMethod(c)))
		ctor.Set("from_bytes", js.FuncOf(fromBytesStatic(c, ctor)))
		if is(dispose, js.TypeSymbol) {
			global.Get("Reflect").Call("set", proto, dispose, proto.Get("free"))
		}
		global.Set(name, ctor)
	}
	global.Get(classNames[classScoped]).Set("scope_name", js.FuncOf(scopeName))
}

// fromBytesStatic is class c's static from_bytes(bytes): a new object
// restored from to_bytes() output, or the Error saying why the bytes were
// refused.
func fromBytesStatic(c uint8, ctor js.Value) func(js.Value, []js.Value) any {
	label := classNames[c] + ".from_bytes"
	return func(_ js.Value, argv []js.Value) (res any) {
		defer recoverInto(&res, label)
		defer dropBigAreas()
		o, err := fromJSBytes(c, arg(argv, 0))
		if err != nil {
			return jsError(label, c, []string{"bytes"}, argv, err)
		}
		obj := js.Global().Get("Object").Call("create", ctor.Get("prototype"))
		obj.Set(handleKey, store(o, obj))
		return obj
	}
}

// fromJSBytes restores an object of class c from bytes, a JS Uint8Array
// or ArrayBuffer saved by to_bytes (both from_bytes paths).
func fromJSBytes(c uint8, bytes js.Value) (any, error) {
	data, err := bytesIn(bytes, "bytes")
	if err != nil {
		return nil, err
	}
	return fromBytes(c, data)
}

// constructor is class c's constructor: this gets the new object's handle
// and becomes its owner. It accepts any fresh object as this.
func constructor(c uint8) func(js.Value, []js.Value) any {
	label := classNames[c] + ".constructor"
	return func(this js.Value, argv []js.Value) (res any) {
		defer recoverInto(&res, label)
		if !is(this, js.TypeObject) || !this.Get(handleKey).IsUndefined() {
			return jsError(label, c, nil, nil, argerr.NewType("this", "is not a new object: use new "+classNames[c]+"()"))
		}
		o, err := constructFromJS(c, argv)
		if err != nil {
			return jsError(label, c, ctorParams[c], argv, err)
		}
		this.Set(handleKey, store(o, this))
		return js.Undefined()
	}
}

// constructFromJS builds an object of class c from constructor arguments
// argv: numbers, or undefined or null for a default.
func constructFromJS(c uint8, argv []js.Value) (any, error) {
	var a [3]float64
	var defaults int32
	for i, p := range ctorParams[c] {
		v := arg(argv, i)
		if v.IsUndefined() || v.IsNull() {
			defaults |= 1 << i
			continue
		}
		f, err := number(v, p)
		if err != nil {
			return nil, err
		}
		a[i] = f
	}
	return newObject(c, defaults, a)
}

// method is the bare global's js.FuncOf body of method code.
func method(code int32) func(js.Value, []js.Value) any {
	spec := &methods[code]
	label := classNames[spec.class] + "." + spec.name
	return func(this js.Value, argv []js.Value) (res any) {
		defer recoverInto(&res, label)
		return invoke(code, func() (any, error) { return self(this, spec.class) }, false, argv)
	}
}

// invoke runs method code on the object that find returns: read the
// arguments, dispatch, and turn the value into the JS result its table
// entry names, or the error to throw. find is asked again after the
// arguments are read, since an element's valueOf may have freed the object.
// loader says who calls: a loader passes a buffer argument's handle after
// the arguments.
func invoke(code int32, find func() (any, error), loader bool, argv []js.Value) any {
	spec := &methods[code]
	o, err := find()
	var a args
	if err == nil {
		err = readArgs(o, spec, argv, &a, loader)
	}
	if again, _ := find(); err == nil && again != o {
		err = errFreed // an element's valueOf, run while reading an array, freed this object
	}
	into, names := js.Undefined(), spec.names
	if spec.result == 'y' { // forward_array's optional output array
		into, names = arg(argv, len(spec.params)), append(names[:len(names):len(names)], "out")
		if err == nil && !into.IsUndefined() {
			_, _, err = intoArg(into, scratchLen(o))
		}
	}
	var v float64
	if err == nil {
		v, err = dispatch(o, code, &a)
	}
	defer dropBigAreas()
	if err != nil {
		return jsError(classNames[spec.class]+"."+spec.name, spec.class, names, argv, err)
	}
	result[0] = v
	if !into.IsUndefined() {
		bytes, _, _ := intoArg(into, scratchLen(o))
		js.CopyBytesToJS(bytes, byteView(outputOf(o)))
		return into
	}
	return toJS(o, spec.result, v)
}

// intoArg checks forward_array's output array into: a Float32Array of dim
// values; it returns its bytes.
func intoArg(into js.Value, dim int) (js.Value, int, error) {
	if !is(into, js.TypeObject) || !isView(into) || !into.InstanceOf(jsFloat32Array) {
		return js.Value{}, 0, argerr.NewType("out", "must be a Float32Array")
	}
	bytes, n, ok := typedBytes(into, 4)
	switch {
	case !ok:
		return js.Value{}, 0, argerr.NewRange("out", "must not be detached")
	case n != dim:
		return js.Value{}, 0, argerr.NewRange("out", "must have length dim() = "+argerr.Itoa(dim))
	}
	return bytes, n, nil
}

// readArgs converts argv by spec.params into a, writing an array argument
// into o's scratch area.
func readArgs(o any, spec *methodSpec, argv []js.Value, a *args, loader bool) error {
	n := 0
	for i := range len(spec.params) {
		v, name := arg(argv, i), spec.names[i]
		switch spec.params[i] {
		case 'n':
			f, err := number(v, name)
			if err != nil {
				return err
			}
			a[n], n = f, n+1
		case 'b':
			on, err := boolArg(v, name)
			if err != nil {
				return err
			}
			if on {
				a[n] = 1
			}
			n++
		case 'N':
			if !v.IsUndefined() && !v.IsNull() {
				f, err := number(v, name)
				if err != nil {
					return err
				}
				a[n] = f
			}
			n++
		case 'a':
			if err := float32s(v, name, o); err != nil {
				return err
			}
		case 'A':
			count, err := floatsIn(v, name)
			if err != nil {
				return err
			}
			a[n], n = float64(count), n+1
		case 'o':
			if loader { // the loader passes the live buffer's handle after the arguments
				v = arg(argv, len(spec.params))
			}
			h, err := bufferArg(v, loader)
			if err != nil {
				return argerr.NewType(name, "must be a live WasmTrajectoryBuffer")
			}
			a[n], n = float64(h), n+1
		}
	}
	return nil
}

// toJS is a method's value as the JS result of its kind (see methodSpec).
func toJS(o any, kind byte, v float64) any {
	switch kind {
	case 'n', 'f':
		return v
	case 'c':
		return bigint(v)
	case 'b':
		return v != 0
	case 'y':
		return newFloat32Array(outputOf(o))
	case 'Y':
		return newFloat32Array(out[:int(v)])
	case 'U':
		b := jsUint8Array.New(int(v))
		js.CopyBytesToJS(b, asBytes(out)[:int(v)])
		return b
	}
	return js.Undefined() // ValueOf(nil) would be null
}

// bufferArg is the handle of a buffer argument: from a loader, the handle
// it passes (0 when the argument is no live buffer of its own); from the
// bare globals, one of their live buffers.
func bufferArg(v js.Value, loader bool) (uint32, error) {
	var h uint32
	if loader {
		if !is(v, js.TypeNumber) {
			return 0, errNotThis
		}
		h = uint32(v.Float())
		if classOf(loaderObject(h)) != classBuffer {
			return 0, errNotThis
		}
		return h, nil
	}
	h, err := handleOf(v)
	if err != nil || classOf(objectAt(h)) != classBuffer {
		return 0, errNotThis
	}
	return h, nil
}

// freeMethod is class c's free(): it releases the Go object and zeroes the
// handle; a second call does nothing.
func freeMethod(c uint8) func(js.Value, []js.Value) any {
	label := classNames[c] + ".free"
	return func(this js.Value, _ []js.Value) (res any) {
		defer recoverInto(&res, label)
		h, err := handleOf(this)
		if err == nil && h != 0 && classOf(objectAt(h)) != c {
			err = errNotThis
		}
		if err != nil {
			return jsError(label, c, nil, nil, err)
		}
		drop(h)
		this.Set(handleKey, 0)
		return js.Undefined()
	}
}

// scopeName is the static WasmScopedLoRA.scope_name(op): "Unknown" for any
// number that is not an operator type.
func scopeName(_ js.Value, argv []js.Value) (res any) {
	const label = "WasmScopedLoRA.scope_name"
	defer recoverInto(&res, label)
	f, err := number(arg(argv, 0), "op_type")
	if err != nil {
		return jsError(label, classScoped, []string{"op_type"}, argv, err)
	}
	op, err := integer(f, "op_type")
	if err != nil {
		return "Unknown"
	}
	return scoped.ScopeName(op)
}
