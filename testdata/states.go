package testdata

import (
	"bytes"
	"embed"
	"encoding/json"
	"path"
	"strconv"
	"strings"
	"testing"
)

// The frozen saved states (see gen/states.mjs): states/v<N>/<name>.rvlw as
// to_bytes of the version-N build returned it, and <name>.json with what it
// must give once loaded. Never regenerated: every later build must load them.
//
//go:embed states
var states embed.FS

// State is one frozen saved state and the outputs recorded from it.
type State struct {
	Name    string
	Class   string `json:"class"`
	Version int    `json:"version"`
	File    string `json:"state"`
	// Bytes is the saved state.
	Bytes []byte `json:"-"`
	// Learn holds, for a buffer, the learn_from calls made on the loaded state
	// before the steps: a fresh WasmScopedLoRA(Args) taught with min_quality Q.
	Learn []Learn `json:"learn"`
	// Steps are replayed on the loaded state, in the golden vectors' schema
	// plus forward_batch, adapt_batch and wider checks (b, input, output, embedding_dim).
	Steps []Step `json:"steps"`
	// Saved is the hex of to_bytes after the steps.
	Saved string `json:"saved"`
}

// Learn is one recorded learn_from: its learner's constructor arguments
// [dim, alpha bits, lr bits], min_quality bits, the applied count and the
// hex of the learner's to_bytes afterwards.
type Learn struct {
	Args    [3]uint32 `json:"args"`
	Q       uint32    `json:"q"`
	Applied int       `json:"applied"`
	Saved   string    `json:"saved"`
}

// States returns every frozen state of format version v and class class.
func States(v int, class string) ([]State, error) {
	dir := path.Join("states", "v"+strconv.Itoa(v))
	entries, err := states.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []State
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		raw, err := states.ReadFile(path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		var s State
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, err
		}
		if s.Class != class {
			continue
		}
		if s.Bytes, err = states.ReadFile(path.Join(dir, s.File)); err != nil {
			return nil, err
		}
		s.Name = strings.TrimSuffix(e.Name(), ".json")
		out = append(out, s)
	}
	return out, nil
}

// EachState runs f as a subtest on every frozen state of format version v
// and class class, loaded by load, after checking that the loaded state
// saves back to the same bytes; t fails when there is none.
func EachState[T interface{ MarshalBinary() ([]byte, error) }](t *testing.T, v int, class string,
	load func([]byte) (T, error), f func(t *testing.T, st State, loaded T)) {
	t.Helper()
	list, err := States(v, class)
	if err != nil || len(list) == 0 {
		t.Fatalf("no frozen version-%d %s state: %v", v, class, err)
	}
	for _, st := range list {
		t.Run(st.Name, func(t *testing.T) {
			loaded, err := load(st.Bytes)
			if err != nil {
				t.Fatalf("the frozen state does not load: %v", err)
			}
			if again, err := loaded.MarshalBinary(); err != nil || !bytes.Equal(again, st.Bytes) {
				t.Fatalf("the loaded state saves other bytes (%v)", err)
			}
			f(t, st, loaded)
		})
	}
}
