package app

import (
	"encoding/json"
	"testing"

	"github.com/aivc/aivc/pricing"
)

// TestIndentJSON checks indentJSON against json.MarshalIndent, which
// exportProfile used.
func TestIndentJSON(t *testing.T) {
	ps, err := pricing.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	vals := []any{
		map[string]any{"a": []any{}, "b": map[string]any{}, "c": []any{map[string]any{}, []any{1, "x"}}},
		[]string{`{"[,:]}`, `\"`, `\\`, "", `a\\"b`, "<&>"},
		[]any{}, map[string]any{}, "s", 1.5, nil,
	}
	for _, p := range ps {
		vals = append(vals, p)
	}
	for _, v := range vals {
		want, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		compact, _ := json.Marshal(v)
		if got := indentJSON(compact); string(got) != string(want) {
			t.Errorf("indentJSON(%s) =\n%s\nwant\n%s", compact, got, want)
		}
	}
}
