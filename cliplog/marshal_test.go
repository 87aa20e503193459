package cliplog

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestMarshalAsEncoder checks marshal against the Encoder it replaces.
func TestMarshalAsEncoder(t *testing.T) {
	for _, v := range []any{
		"Beta & Co <b>", `\u003c typed`, `\\u003c`, `a\`, "\u2028 \x00 \t \"q\" é \xff",
		map[string]any{"k&<>": []any{"<", 1.5, nil, true, `\&`}},
		[]string{"", "&&", `"&"`},
	} {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		want := bytes.TrimSuffix(b.Bytes(), []byte("\n"))
		got, err := marshal(v)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("marshal(%q) = %s, %v; want %s", v, got, err, want)
		}
	}
}
