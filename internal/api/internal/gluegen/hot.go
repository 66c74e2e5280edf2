package main

import (
	"fmt"
	"go/format"
	"strings"

	"rvlw/internal/api"
)

// hotGo is cmd/wasm/hot_gen.go: one //go:wasmexport per member with an
// Export of its own (not api.QuickExport), calling its implementation
// (implName) directly (a static call), its numbers in hotArgs (record's as
// arguments of its implementation's Numbers variant), without rv_call's
// table lookup and argument placement, and without a deferred recover: see
// cmd/wasm/hot.go for why none can panic. A bounds check and a nil check
// find the object in its slot's field for the class (hotFields), and the
// refusal (refuse, one call for each reason) is the one way out. (Go lays
// out the accepted path with two taken branches, the nil and the error
// checks; written so that only one is taken, it measured the same, within
// 3 ns, in Firefox, Chromium and WebKit, and cost 38 bytes per export.)
func hotGo(string) ([]byte, error) {
	var w strings.Builder
	w.WriteString("// Code " + banner + "\n\n//go:build js && wasm\n\npackage main\n\n")
	w.WriteString("import \"rvlw/internal/api\"\n")
	for k, m := range api.Members {
		if m.Export == "" || m.Export == api.QuickExport {
			continue
		}
		impl := implName(&m)
		outer := camel(m.Export)
		var params, fills []string
		n := 0
		for _, p := range m.Params {
			switch p.Kind {
			case api.DimArray, api.Into:
				continue
			case api.Number:
				params = append(params, camel(p.Name))
				fills = append(fills, fmt.Sprintf("\thotArgs.N[%d] = %s\n", n, camel(p.Name)))
				n++
			default:
				return nil, fmt.Errorf("%s: no hot export for parameter kind %c", m.Label(), p.Kind)
			}
		}
		sig := "h uint32"
		if len(params) > 0 {
			sig += ", " + strings.Join(params, ", ") + " float64"
		}
		result, ret, refusal := "ok int32", "1", "return refuse(%d, h, err)\n"
		if m.Result == api.Spare { // the value is the new scratch offset
			result, ret, refusal = "p uint32", "uint32(v)", "return uint32(refuse(%d, h, err))\n"
		}
		fmt.Fprintf(&w, "\n// %s is %s on the loader's object h: %s, or 0 with the error in failure.\n//\n//go:wasmexport %s\n//go:nosplit\n", outer, m.Label(), ret, m.Export)
		fmt.Fprintf(&w, "func %s(%s) (%s) {\n\tvar err error\n", outer, sig, result)
		fmt.Fprintf(&w, "\tif i := int(h) - 1; uint(i) < uint(len(objects)) {\n\t\tif o := objects[i].%s; o != nil {\n", hotFields[m.Class])
		if m.Result == api.Spare {
			// record: its numbers go straight to <impl>Numbers as arguments
			// (measured: 71 against 84 ns a raw call in Node, through hotArgs)
			fmt.Fprintf(&w, "\t\t\tvar v float64\n\t\t\tif v, err = api.%sNumbers(o, %s); err == nil {\n", impl, strings.Join(params, ", "))
		} else {
			for _, f := range fills {
				w.WriteString("\t\t" + f)
			}
			fmt.Fprintf(&w, "\t\t\tif _, err = api.%s(o, &hotArgs); err == nil {\n", impl)
		}
		fmt.Fprintf(&w, "\t\t\t\treturn %s\n\t\t\t}\n\t\t}\n\t}\n\t"+refusal+"}\n", ret, k)
	}
	return format.Source([]byte(w.String()))
}

// hotFields are the fields of cmd/wasm's slot that hold a loader's object
// of each class as its own type.
var hotFields = map[api.Class]string{api.Micro: "micro", api.Scoped: "scoped", api.Buffer: "buffer"}

// camel is snake_case as camelCase.
func camel(s string) string {
	parts := strings.Split(s, "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}
