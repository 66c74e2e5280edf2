//go:build js && wasm

package main

import "syscall/js"

// The loaders' private entry points (js/classic.js takes them from
// __ruvectorLearningGo.loader and deletes them at start, so that no other
// code can reach the loaders' objects): a loader's object is known by its
// handle, kept in a private field, never by a property of a JS object. Each
// returns its JS result, or the TypeError, RangeError or Error to throw.
func loaderEntries() js.Value {
	o := js.Global().Get("Object").New()
	o.Set("call", js.FuncOf(loaderCall))
	o.Set("construct", js.FuncOf(loaderConstruct))
	o.Set("fromBytes", js.FuncOf(loaderFromBytes))
	return o
}

// loaderCall is call(code, handle, ...args): method code on a loader's
// object, the arguments as for the bare method; a method taking a buffer
// gets one more, that buffer's handle (0 if it is none of the loader's).
func loaderCall(_ js.Value, argv []js.Value) (res any) {
	code := int32(-1)
	if len(argv) >= 2 && is(argv[0], js.TypeNumber) && is(argv[1], js.TypeNumber) {
		code = int32(argv[0].Int())
	}
	if code < 0 || code >= methodCount {
		return js.Global().Get("Error").New("ruvector-learning-wasm: no such method")
	}
	spec := &methods[code]
	defer recoverInto(&res, classNames[spec.class]+"."+spec.name)
	h := uint32(argv[1].Float())
	return invoke(code, func() (any, error) {
		o := loaderObject(h)
		switch {
		case h == 0 || o == nil:
			return nil, errFreed
		case classOf(o) != spec.class:
			return nil, errNotThis
		}
		return o, nil
	}, true, argv[2:])
}

// loaderConstruct is construct(class, ...args): a new object's handle.
func loaderConstruct(_ js.Value, argv []js.Value) (res any) {
	c, ok := classArg(argv)
	if !ok {
		return errNoClass()
	}
	label := classNames[c] + ".constructor"
	defer recoverInto(&res, label)
	o, err := constructFromJS(c, argv[1:])
	if err != nil {
		return jsError(label, c, ctorParams[c], argv[1:], err)
	}
	return store(o, js.Value{})
}

// loaderFromBytes is fromBytes(class, bytes): the restored object's handle.
func loaderFromBytes(_ js.Value, argv []js.Value) (res any) {
	c, ok := classArg(argv)
	if !ok {
		return errNoClass()
	}
	label := classNames[c] + ".from_bytes"
	defer recoverInto(&res, label)
	defer dropBigAreas()
	o, err := fromJSBytes(c, arg(argv, 1))
	if err != nil {
		return jsError(label, c, []string{"bytes"}, argv[1:], err)
	}
	return store(o, js.Value{})
}

// classArg is a loader entry's first argument, a class id; ok is false
// when it is not one.
func classArg(argv []js.Value) (c uint8, ok bool) {
	if len(argv) > 0 && is(argv[0], js.TypeNumber) {
		c = uint8(argv[0].Int())
	}
	return c, c >= classMicro && c <= classBuffer
}

// errNoClass is the Error for a class id that is not one.
func errNoClass() js.Value {
	return js.Global().Get("Error").New("ruvector-learning-wasm: no such class")
}
