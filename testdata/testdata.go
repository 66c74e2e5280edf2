// Package testdata gives tests the golden vectors recorded from the reference
// package (see gen/generate.mjs), embedded so that the js/wasm test binaries
// running in Chromium need no file system.
package testdata

import (
	"embed"
	"encoding/json"
	"math"
	"path"
	"strings"
)

//go:embed golden/*.json
var golden embed.FS

// Case is one recorded scenario: a constructor call and the steps after it.
type Case struct {
	Name  string
	Class string   `json:"class"`
	Args  []uint32 `json:"args"`
	Steps []Step   `json:"steps"`
}

// Step is one method call ("m") with its arguments and results, kept raw:
// float32 values are stored as their IEEE-754 bit patterns.
type Step map[string]json.RawMessage

// Method is the step's method name, or "check" for observed state.
func (s Step) Method() string {
	var m string
	s.decode("m", &m)
	return m
}

// Has reports whether the step has field k.
func (s Step) Has(k string) bool { _, ok := s[k]; return ok }

// Int is an integer field.
func (s Step) Int(k string) int {
	var v int
	s.decode(k, &v)
	return v
}

// Ints is an integer array field.
func (s Step) Ints(k string) []int {
	var v []int
	s.decode(k, &v)
	return v
}

// Bool is a boolean field.
func (s Step) Bool(k string) bool {
	var v bool
	s.decode(k, &v)
	return v
}

// Bits is a float32 field as its bit pattern.
func (s Step) Bits(k string) uint32 {
	var v uint32
	s.decode(k, &v)
	return v
}

// F32 is a float32 field.
func (s Step) F32(k string) float32 { return math.Float32frombits(s.Bits(k)) }

// BitsList is a float32 array field as bit patterns.
func (s Step) BitsList(k string) []uint32 {
	var v []uint32
	s.decode(k, &v)
	return v
}

// F32s is a float32 array field.
func (s Step) F32s(k string) []float32 { return Floats(s.BitsList(k)) }

// Pairs is an array of [bits, count] pairs, such as the "hq" thresholds.
func (s Step) Pairs(k string) [][2]uint32 {
	var v [][2]uint32
	s.decode(k, &v)
	return v
}

func (s Step) decode(k string, v any) {
	raw, ok := s[k]
	if !ok {
		panic("golden step has no field " + k)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		panic("golden step field " + k + ": " + err.Error())
	}
}

// Floats converts bit patterns to float32 values.
func Floats(bits []uint32) []float32 {
	f := make([]float32, len(bits))
	for i, b := range bits {
		f[i] = math.Float32frombits(b)
	}
	return f
}

// Bits converts float32 values to bit patterns.
func Bits(f []float32) []uint32 {
	b := make([]uint32, len(f))
	for i, v := range f {
		b[i] = math.Float32bits(v)
	}
	return b
}

// Cases returns every recorded scenario of the given class, in file name order.
func Cases(class string) ([]Case, error) {
	entries, err := golden.ReadDir("golden")
	if err != nil {
		return nil, err
	}
	var out []Case
	for _, e := range entries {
		raw, err := golden.ReadFile(path.Join("golden", e.Name()))
		if err != nil {
			return nil, err
		}
		var c Case
		if err := json.Unmarshal(raw, &c); err != nil {
			return nil, err
		}
		if c.Class == class {
			c.Name = strings.TrimSuffix(e.Name(), ".json")
			out = append(out, c)
		}
	}
	return out, nil
}

// ScopeNames returns the recorded [op, name] pairs of WasmScopedLoRA.scope_name.
func ScopeNames() (map[int]string, error) {
	raw, err := golden.ReadFile("golden/scope_names.json")
	if err != nil {
		return nil, err
	}
	var v struct {
		Names [][2]json.RawMessage `json:"names"`
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, err
	}
	out := make(map[int]string, len(v.Names))
	for _, p := range v.Names {
		var op int
		var name string
		if err := json.Unmarshal(p[0], &op); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(p[1], &name); err != nil {
			return nil, err
		}
		out[op] = name
	}
	return out, nil
}
