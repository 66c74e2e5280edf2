package main

import (
	"fmt"
	"strings"

	"rvlw/internal/api"
)

// shortNames are the classes' record accessors in the generated code.
var shortNames = [...]string{api.Micro: "micro", api.Scoped: "scoped", api.Buffer: "buffer"}

// reasonNames are the api.Reason constants as the generated REASON spells them.
var reasonNames = map[api.Reason]string{
	api.NotThis: "NotThis", api.Freed: "Freed", api.NotNumber: "NotNumber", api.NotBool: "NotBool",
	api.BoolRange: "BoolRange", api.NotArray: "NotArray", api.NotNumbers: "NotNumbers", api.Detached: "Detached",
	api.Length: "Length", api.NotFloat32Array: "NotFloat32Array", api.IntoLength: "IntoLength",
	api.NotBuffer: "NotBuffer", api.NotBytes: "NotBytes", api.Memory: "Memory",
}

// classes is the generated part of classic.js: the tables the runtime
// reads, and defineClasses(rt), the three classes with one straight-line
// function per member.
func classes(exports []string) string {
	var w strings.Builder
	w.WriteString("// ---- generated from internal/api/table.go ----\n\n")
	w.WriteString("// The exports this package's wasm has; init() refuses a module without them.\n")
	w.WriteString("const EXPORTS = ['" + strings.Join(exports, "', '") + "'];\n\n")
	w.WriteString("const CLASS_NAMES = [")
	for c := api.Micro; c <= api.Buffer; c++ {
		if c > api.Micro {
			w.WriteString(", ")
		}
		w.WriteString("'" + c.String() + "'")
	}
	w.WriteString("];\n\n")
	w.WriteString("// The global set while a loader starts the Go program, and the one that holds its test hooks (internal/api/globals.go).\n")
	w.WriteString("const LOADER_KEY = '" + api.LoaderKey + "', HOOKS_KEY = '" + api.HooksKey + "';\n\n")
	w.WriteString("// Why the JS layer refused an argument (api.Reason), as rv_reject takes it.\nconst REASON = {")
	for r := api.NotThis; r < api.NumReasons; r++ {
		if reasonNames[r] == "" {
			panic(fmt.Sprint("reason without a name: ", r))
		}
		fmt.Fprintf(&w, " %s: %d,", reasonNames[r], r)
	}
	w.WriteString(" };\n\n")
	w.WriteString("const SORT = { Method: 'm', Static: 's', Constructor: 'c', Lifecycle: 'l' };\n\n")
	w.WriteString("// MEMBERS[code] = [class id, name, sort, parameter kinds, result kind] (internal/api/kinds.go).\nconst MEMBERS = [\n")
	for i, m := range api.Members {
		fmt.Fprintf(&w, "  [%d, '%s', '%s', '%s', '%c'], // %d\n", m.Class, m.Name, sortLetters[m.Sort], kinds(m.Params), m.Result, i)
	}
	w.WriteString("];\n\n")
	w.WriteString(`// defineClasses(rt) defines the classes of one loader (runtime.js gives
// rt). bind(exports, generation) attaches them to a running instance (null,
// -1 once it has exited); fast[code] is member code's generated function.
// Each method checks its arguments and this, writes an array argument into
// wasm memory and calls its export; anything else goes to rt.failure, which
// finds the error to throw.
function defineClasses(rt) {
  const { toF32, conv, f32, value, failure, thrown, inputOf, output } = rt;
  let ex = null, gen = -1;
  let micro, scoped, buffer; // micro(o): o's private record if o is a WasmMicroLoRA, else undefined; and so on
  // bufferHandle(o) is the handle of o if it is a live WasmTrajectoryBuffer of this instance, else 0.
  const bufferHandle = (o) => {
    const b = buffer(o);
    return b !== undefined && b.g === gen ? b.h : 0;
  };
`)
	for c := api.Micro; c <= api.Buffer; c++ {
		writeClass(&w, c)
	}
	w.WriteString("  const classes = { WasmMicroLoRA, WasmScopedLoRA, WasmTrajectoryBuffer };\n")
	w.WriteString("  const records = { WasmMicroLoRA: micro, WasmScopedLoRA: scoped, WasmTrajectoryBuffer: buffer };\n")
	w.WriteString("  const fast = MEMBERS.map(([c, name, sort]) => {\n")
	w.WriteString("    const C = classes[CLASS_NAMES[c - 1]];\n")
	w.WriteString("    return sort === SORT.Method ? C.prototype[name] : sort === SORT.Static ? C[name] : null;\n  });\n")
	w.WriteString("  const bind = (exports, g) => {\n    ex = exports;\n    gen = g;\n  };\n")
	w.WriteString("  return { classes, records, bind, fast };\n}\n// ---- end of generated code ----\n")
	return w.String()
}

// writeClass writes class c with its members, in table order.
func writeClass(w *strings.Builder, c api.Class) {
	name, rec := c.String(), shortNames[c]
	fmt.Fprintf(w, "\n  class %s {\n    #r;\n\n", name)
	fmt.Fprintf(w, "    static {\n      %s = (o) => (o !== null && typeof o === 'object' && #r in o ? o.#r : undefined);\n    }\n", rec)
	for i := range api.Members {
		m := &api.Members[i]
		if m.Class != c {
			continue
		}
		w.WriteString("\n")
		writeMember(w, api.Code(i), m, rec)
	}
	w.WriteString("  }\n")
	fmt.Fprintf(w, "  if (typeof Symbol.dispose === 'symbol') %s.prototype[Symbol.dispose] = %[1]s.prototype.free;\n", name)
}

// paramNames is m's parameters' names, joined for a JS parameter list.
func paramNames(m *api.Member) string {
	var ns []string
	for _, p := range m.Params {
		ns = append(ns, p.Name)
	}
	return strings.Join(ns, ", ")
}

// argArray is m's parameters as a JS array literal, what the error paths
// take instead of `arguments`: an engine may build the arguments object on
// entry to any function that names it, while a literal on the throw path is
// built only there (measured in WebKit at dim 16: the array methods took
// 0.77–0.92 of the time with `arguments`; V8 and Firefox did not change).
func argArray(m *api.Member) string { return "[" + paramNames(m) + "]" }

// writeMember writes member code of the class.
func writeMember(w *strings.Builder, code api.Code, m *api.Member, rec string) {
	args := paramNames(m)
	switch {
	case m.Sort == api.Constructor:
		fmt.Fprintf(w, "    constructor(%s) {\n      this.#r = rt.construct(%d, %s);\n      rt.track(this, this.#r);\n    }\n", args, code, argArray(m))
	case m.Sort == api.Static && m.Params[0].Kind == api.Bytes:
		fmt.Fprintf(w, "    static %s(%s) {\n      return rt.fromBytes(%d, %s, %s);\n    }\n", m.Name, args, code, args, m.Class)
	case m.Name == "free":
		fmt.Fprintf(w, "    free() {\n      rt.free(this, %s(this), '%s');\n    }\n", rec, m.Class)
	case m.Name == "input_view" || m.Name == "output_view":
		fmt.Fprintf(w, "    %s() {\n      return rt.view(%d, this, %s(this), 'get_%s_ptr');\n    }\n", m.Name, code, rec, strings.TrimSuffix(m.Name, "_view"))
	case m.Name == "memory":
		fmt.Fprintf(w, "    get memory() {\n      return rt.memoryOf(%s(this));\n    }\n", rec)
	case m.Sort == api.Lifecycle:
		panic("gluegen: no JS for lifecycle member " + m.Label())
	default:
		writeCall(w, code, m, rec)
	}
}

// writeCall writes a member implemented in Go: the fast path's checks,
// then its export, then its result; else rt.failure.
func writeCall(w *strings.Builder, code api.Code, m *api.Member, rec string) {
	static := m.Sort == api.Static
	if static {
		fmt.Fprintf(w, "    static %s(%s) {\n", m.Name, paramNames(m))
	} else {
		fmt.Fprintf(w, "    %s(%s) {\n", m.Name, paramNames(m))
	}
	var conds, before, nums []string
	array := "null"
	for i, p := range m.Params {
		switch p.Kind {
		case api.Number:
			conds = append(conds, "typeof "+p.Name+" === 'number'")
			nums = append(nums, p.Name)
		case api.OptNumber:
			fmt.Fprintf(w, "      const %s_ = %s ?? 0;\n", p.Name, p.Name)
			conds = append(conds, "typeof "+p.Name+"_ === 'number'")
			nums = append(nums, p.Name+"_")
		case api.Bool:
			fmt.Fprintf(w, "      const %s_ = boolNumber(%s);\n", p.Name, p.Name)
			conds = append(conds, p.Name+"_ === "+p.Name+"_")
			nums = append(nums, p.Name+"_")
		case api.DimArray:
			w.WriteString(arrayArg(p.Name))
			conds = append(conds, "v !== null", "n === r.dim")
			if m.Result == api.Spare { // record: its destination, r.x, moves with each call
				before = append(before, put("        ", "n", "f32().set(v, r.x >>> 2)", "f32(), r.x >>> 2, v"))
			} else {
				before = append(before, put("        ", "n", "inputOf(r).set(v)", "inputOf(r), 0, v"))
			}
			array = "v"
		case api.AnyArray:
			w.WriteString(arrayArg(p.Name))
			conds = append(conds, "v !== null")
			before = append(before, fmt.Sprintf("const p = ex.rv_reserve(%d, %d, 4 * n);", code, i),
				"if (p === 0) throw thrown("+argArray(m)+");", "f32().set(v, p >>> 2);")
			nums = append(nums, "n")
			array = "v"
		case api.BufferArg:
			fmt.Fprintf(w, "      const %s_ = bufferHandle(%s);\n", p.Name, p.Name)
			conds = append(conds, p.Name+"_ !== 0")
			nums = append(nums, p.Name+"_")
		case api.Into:
			conds = append(conds, "("+p.Name+" === undefined || isInto("+p.Name+", r.dim))")
		case api.IntoAll:
			conds = append(conds, "("+p.Name+" === undefined || isInto("+p.Name+", n))")
		default:
			panic(fmt.Sprintf("gluegen: %s: no fast path for parameter kind %c", m.Label(), p.Kind))
		}
	}
	target, self := "r.h", "r"
	if static {
		target, self = "0", "undefined"
		conds = append([]string{"ex !== null"}, conds...)
	} else {
		// rec(this), written out (a call costs more than the check in some
		// engines), as one read of #r, which throws for anything but one of
		// this class's objects: in Firefox that made the array calls about
		// 10% faster than `#r in this` and a second read.
		w.WriteString("      let r;\n      try {\n        r = this.#r;\n      } catch {\n        r = undefined;\n      }\n")
		conds = append([]string{"r !== undefined", "r.g === gen"}, conds...)
	}
	var call string
	switch {
	case m.Export == api.QuickExport:
		if len(nums) > 1 || array != "null" {
			panic("gluegen: a quick member takes at most one number: " + m.Label())
		}
		call = fmt.Sprintf("ex.%s(%s, %d, %s)", m.Export, target, code, strings.Join(append(nums, "0")[:1], ", "))
	case m.Export != "":
		call = "ex." + m.Export + "(" + strings.Join(append([]string{target}, nums...), ", ") + ")"
	default:
		for len(nums) < 4 {
			nums = append(nums, "0")
		}
		if len(nums) > 4 {
			panic("gluegen: more than four numbers: " + m.Label())
		}
		call = fmt.Sprintf("ex.rv_call(%s, %d, %s)", target, code, strings.Join(nums, ", "))
	}
	if m.Result == api.Fixed { // known after the first call, while the object lives
		before = append([]string{fmt.Sprintf("if (r.h !== 0 && r.%s !== 0) return r.%[1]s;", fixedSlot(m))}, before...)
	}
	fmt.Fprintf(w, "      if (%s) {\n", strings.Join(conds, " && "))
	for _, b := range before {
		w.WriteString("        " + b + "\n")
	}
	if m.Result == api.Spare && m.Export != "" { // the export returns the new scratch offset
		fmt.Fprintf(w, "        const x = %s;\n        if (x !== 0) {\n          r.x = x;\n          return;\n        }\n", call)
	} else {
		fmt.Fprintf(w, "        if (%s === 1) %s\n", call, result(m))
	}
	fmt.Fprintf(w, "      }\n      throw failure(%d, %s, %s, %s);\n    }\n", code, self, argArray(m), array)
}

// arrayArg is the code that makes array argument a into v, a Float32Array
// of n values: a itself when it is a non-empty Float32Array, its length read
// from its slots (taLength, which throws for an object that only inherits
// from Float32Array.prototype) and its first element a number (not so in a
// BigInt64Array given Float32Array.prototype), else toF32(a), which
// converts or refuses the rest. It is written out in each method because
// Firefox inlines no function that holds a try: as a call (toF32's first
// case until then) it cost about 9 ns of record's 100-160 at dim 16 there
// (17-20 ns against 9 in one page), and Firefox's record went from
// 1.02-1.03 to 0.92-0.99 of the reference's.
func arrayArg(a string) string {
	return "      let v = " + a + ", n = 0;\n" +
		"      if (" + a + " instanceof Float32Array) {\n" +
		"        try {\n          n = taLength.call(" + a + ");\n        } catch {\n          n = 0;\n        }\n      }\n" +
		"      if (n === 0 || typeof " + a + "[0] !== 'number') {\n        v = toF32(" + a + ");\n        n = conv.n;\n      }\n"
}

// result is the statement returning m's value after a successful call.
func result(m *api.Member) string {
	switch m.Result {
	case api.Void:
		return "return;"
	case api.NumberR, api.Float32R:
		return "return value();"
	case api.Fixed:
		return fmt.Sprintf("return (r.%s = value());", fixedSlot(m))
	case api.Count:
		return "return BigInt(value());"
	case api.BoolR:
		return "return value() !== 0;"
	case api.Spare:
		return "{\n          r.x = value();\n          return;\n        }"
	case api.Floats:
		if n := len(m.Params); n > 0 && m.Params[n-1].Kind == api.IntoAll {
			return "return rt.outFloats(value(), out);"
		}
		return "return rt.outFloats(value());"
	case api.BytesR:
		return "return rt.outBytes(value());"
	case api.Text:
		return "return rt.outText(value());"
	case api.Output:
		return "{\n          if (out === undefined) out = new Float32Array(r.dim);\n" +
			"          " + put("          ", "r.dim", "taSet.call(out, output(r))", "out, 0, output(r)") + "\n          return out;\n        }"
	}
	panic(fmt.Sprintf("gluegen: %s: no result for kind %c", m.Label(), m.Result))
}

// put is the statement, its second line indented by indent, that copies n
// floats with set (a call of a typed array's set) or, up to LOOP_MAX floats
// (js/src/values.js), with putLoop(loop, n).
func put(indent, n, set, loop string) string {
	return "if (" + n + " > LOOP_MAX) " + set + ";\n" + indent + "else putLoop(" + loop + ", " + n + ");"
}

// fixedSlots is how many Fixed members a class may have: a record keeps
// their values in k0..k3 (js/src/runtime.js: newRecord), 0 until known.
const fixedSlots = 4

// fixedSlot is the record field that keeps the value of Fixed member m:
// k<i> for the i-th Fixed member of its class.
func fixedSlot(m *api.Member) string {
	i := 0
	for k := range api.Members {
		o := &api.Members[k]
		if o.Class == m.Class && o.Result == api.Fixed {
			if o.Name == m.Name {
				if i >= fixedSlots {
					panic("gluegen: more than " + fmt.Sprint(fixedSlots) + " Fixed members in " + m.Class.String())
				}
				return "k" + fmt.Sprint(i)
			}
			i++
		}
	}
	panic("gluegen: not a Fixed member: " + m.Label())
}
