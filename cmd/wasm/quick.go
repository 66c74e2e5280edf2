//go:build js && wasm

package main

import "rvlw/internal/api"

// rvQuick runs quick member code (api.QuickExport: the reads of a number
// and the resets) on the loader's object h, with its one number a0 (0 when
// it takes none): 1 with its value in result, or 0 with the error in
// failure. It refuses any other code.
//
// It is rv_call without what only the other members need: the deferred
// recover, the placement of up to four numbers and a buffer, and the
// release of large areas (measured in Node: len() through rv_call took
// about 200 ns, through this 40–70, the reference's 10). Like the hot exports
// (hot.go), it recovers nothing, for the same reasons: the handle is
// looked up with its bounds checked, Call refuses a member of another
// class, a0 is range-checked before anything is indexed by it, and on the
// accepted path nothing allocates (TestHotExportsDoNotAllocate).
// TestHotExportsNeverPanic calls it with every quick code, handle and number.
//
//go:wasmexport rv_quick
func rvQuick(h uint32, code int32, a0 float64) (ok int32) {
	if !api.IsQuick(code) {
		return refuse(code, h, api.ErrNoMember)
	}
	o := loaderObject(h)
	if o == nil {
		return refuse(code, h, nil)
	}
	hotArgs.N[0] = a0
	v, err := api.Call(o, code, &hotArgs)
	if err != nil {
		return refuse(code, h, err)
	}
	result[0] = v
	return 1
}
