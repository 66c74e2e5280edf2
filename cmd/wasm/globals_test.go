//go:build js && wasm

package main

import (
	"syscall/js"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"rvlw/internal/api"
)

// TestDefineGlobals: with no loader, the class names are enumerable,
// configurable accessors, one function for get and set, that read the
// registered class; the hooks report the budget.
func TestDefineGlobals(t *testing.T) {
	object := js.Global().Get("Object")
	target := object.New()
	defineGlobals(target)
	for c := api.Micro; c <= api.Buffer; c++ {
		d := object.Call("getOwnPropertyDescriptor", target, c.String())
		require.Equal(t, js.TypeFunction, d.Get("get").Type(), c.String())
		assert.True(t, d.Get("get").Equal(d.Get("set")), c.String())
		assert.True(t, d.Get("enumerable").Bool(), c.String())
		assert.True(t, d.Get("configurable").Bool(), c.String())
		assert.True(t, target.Get(c.String()).Equal(js.Global().Get(c.String())), c.String())
	}
	assertHooks(t, target.Get(api.HooksKey))
}

// TestRvGlobal: a loader's accessor for the hooks gets this program's; one
// for a class registers every class.
func TestRvGlobal(t *testing.T) {
	global := js.Global()
	global.Delete(api.HooksKey)
	require.Equal(t, int32(1), rvGlobal(0))
	assertHooks(t, global.Get(api.HooksKey))

	for c := api.Micro; c <= api.Buffer; c++ {
		global.Delete(c.String())
	}
	registered = false
	require.Equal(t, int32(1), rvGlobal(int32(api.Scoped)))
	assert.True(t, registered)
	for c := api.Micro; c <= api.Buffer; c++ {
		assert.True(t, global.Get(c.String()).Equal(ctors[c]), c.String())
	}
	m := newObj(t, "WasmMicroLoRA", 4)
	assert.Equal(t, 4, m.Call("dim").Int())
	m.Call("free")
}

// assertHooks checks a hooks object: exit is a function, and
// memoryLimitForTests() reports the budget's limit and live bytes.
func assertHooks(t *testing.T, hooks js.Value) {
	t.Helper()
	require.Equal(t, js.TypeObject, hooks.Type())
	assert.Equal(t, js.TypeFunction, hooks.Get("exit").Type())
	r := hooks.Call("memoryLimitForTests")
	assert.Equal(t, float64(api.Limit()), r.Get("limit").Float())
	assert.Equal(t, float64(api.Live()), r.Get("live").Float())
}
