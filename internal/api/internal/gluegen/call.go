package main

import (
	"fmt"
	"go/format"
	"strings"

	"rvlw/internal/api"
)

// callGo is internal/api/call_gen.go: Call, one switch per class over the
// codes of the members implemented (api.Member.Implemented), each case
// calling its implementation (implName), and quickCodes, the bit set of the
// quick members' codes (api.QuickExport) that IsQuick reads.
func callGo(string) ([]byte, error) {
	var w strings.Builder
	w.WriteString("// Code " + banner + "\n\npackage api\n\n")
	w.WriteString("// Call runs member code on o (call.go says more).\nfunc Call(o any, code Code, a *Args) (v float64, err error) {\n\timplemented := true\n\tswitch o := o.(type) {\n")
	for _, c := range []struct {
		class api.Class
		typ   string
	}{{api.Micro, "*MicroLoRA"}, {api.Scoped, "*ScopedLoRA"}, {api.Buffer, "*TrajectoryBuffer"}, {0, "nil"}} {
		fmt.Fprintf(&w, "\tcase %s:\n", c.typ)
		if c.class != 0 {
			// One nil check of o for all the class's cases: without it each
			// case checks o again (about 40 bytes of wasm each).
			w.WriteString("\t\t_ = *o // o is never nil: one nil check for every case below\n")
		}
		w.WriteString("\t\tswitch code {\n")
		for k, m := range api.Members {
			if !m.Implemented() || (m.Sort == api.Static) != (c.class == 0) || c.class != 0 && m.Class != c.class {
				continue
			}
			if c.class == 0 {
				fmt.Fprintf(&w, "\t\tcase %d:\n\t\t\tv, err = %s(a)\n", k, implName(&m))
			} else {
				fmt.Fprintf(&w, "\t\tcase %d:\n\t\t\tv, err = %s(o, a)\n", k, implName(&m))
			}
		}
		w.WriteString("\t\tdefault:\n\t\t\timplemented = false\n\t\t}\n")
	}
	w.WriteString("\tdefault:\n\t\timplemented = false\n\t}\n\tif !implemented {\n\t\terr = refused(code)\n\t}\n\treturn v, err // one return: each would copy its results\n}\n")
	var quick [2]uint64 // bit k: member k is quick
	for k, m := range api.Members {
		if m.Export == api.QuickExport {
			if k >= 128 {
				return nil, fmt.Errorf("%s: a quick member's code is below 128", m.Label())
			}
			quick[k/64] |= 1 << (k % 64)
		}
	}
	fmt.Fprintf(&w, "\n// quickCodes has bit k%%64 of word k/64 set for each quick member k (QuickExport).\nvar quickCodes = [2]uint64{%#x, %#x}\n", quick[0], quick[1])
	return format.Source([]byte(w.String()))
}

// classPrefixes name the implementations of each class's members.
var classPrefixes = map[api.Class]string{api.Micro: "micro", api.Scoped: "scoped", api.Buffer: "buffer"}

// implName is the name of m's implementation in internal/api: its class's
// prefix and its name in camelCase, exported when m has its own export
// (the hot exports call it from cmd/wasm): microGetB, MicroForward. A
// quick member's is not: Call calls it, as it calls rv_call's.
func implName(m *api.Member) string {
	name := camel(classPrefixes[m.Class] + "_" + m.Name)
	if m.Export != "" && m.Export != api.QuickExport {
		name = strings.ToUpper(name[:1]) + name[1:]
	}
	return name
}
