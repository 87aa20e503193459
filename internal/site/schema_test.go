package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/aivc/aivc/pricing"
)

// validator checks a JSON value against the subset of JSON Schema that
// CatalogSchema emits: $ref (to "#/$defs/…"), type (one or a list), enum,
// pattern, maxLength, minimum, properties, required,
// additionalProperties: false, items and anyOf. Anything else in the
// schema fails the test, so the schema cannot grow a keyword this
// validator silently ignores.
type validator struct {
	root map[string]any
}

var knownKeywords = []string{"$schema", "$id", "$defs", "title", "description", "$ref", "type", "enum",
	"pattern", "maxLength", "minimum", "properties", "required", "additionalProperties", "items", "anyOf"}

func (v validator) check(s map[string]any, x any, path string) error {
	for k := range s {
		if !slices.Contains(knownKeywords, k) {
			return fmt.Errorf("%s: the schema uses %q, which this validator does not know", path, k)
		}
	}
	if ref, ok := s["$ref"].(string); ok {
		name, ok := strings.CutPrefix(ref, "#/$defs/")
		def, found := v.root["$defs"].(map[string]any)[name].(map[string]any)
		if !ok || !found {
			return fmt.Errorf("%s: unresolved $ref %q", path, ref)
		}
		return v.check(def, x, path)
	}
	if alts, ok := s["anyOf"].([]any); ok {
		var errs []string
		for _, alt := range alts {
			err := v.check(alt.(map[string]any), x, path)
			if err == nil {
				return nil
			}
			errs = append(errs, err.Error())
		}
		return fmt.Errorf("%s: matches no alternative: %s", path, strings.Join(errs, "; "))
	}
	if t, ok := s["type"]; ok {
		types := []any{t}
		if l, ok := t.([]any); ok {
			types = l
		}
		if !slices.ContainsFunc(types, func(t any) bool { return jsonType(x, t.(string)) }) {
			return fmt.Errorf("%s: %v is not of type %v", path, x, t)
		}
	}
	if enum, ok := s["enum"].([]any); ok && !slices.Contains(enum, x) {
		return fmt.Errorf("%s: %v is not one of %v", path, x, enum)
	}
	if str, ok := x.(string); ok {
		if p, ok := s["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(str) {
			return fmt.Errorf("%s: %q does not match %s", path, str, p)
		}
		if n, ok := s["maxLength"].(float64); ok && float64(len([]rune(str))) > n {
			return fmt.Errorf("%s: %q is longer than %v", path, str, n)
		}
	}
	if num, ok := x.(float64); ok {
		if min, ok := s["minimum"].(float64); ok && num < min {
			return fmt.Errorf("%s: %v is below %v", path, num, min)
		}
	}
	if list, ok := x.([]any); ok {
		if items, ok := s["items"].(map[string]any); ok {
			for i, it := range list {
				if err := v.check(items, it, fmt.Sprintf("%s[%d]", path, i)); err != nil {
					return err
				}
			}
		}
	}
	if obj, ok := x.(map[string]any); ok {
		props, _ := s["properties"].(map[string]any)
		for _, r := range asList(s["required"]) {
			if _, ok := obj[r.(string)]; !ok {
				return fmt.Errorf("%s: %q is required", path, r)
			}
		}
		for k, val := range obj {
			ps, ok := props[k].(map[string]any)
			if !ok {
				if s["additionalProperties"] == false {
					return fmt.Errorf("%s: unknown property %q", path, k)
				}
				continue
			}
			if err := v.check(ps, val, path+"."+k); err != nil {
				return err
			}
		}
	}
	return nil
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

func jsonType(x any, t string) bool {
	switch t {
	case "null":
		return x == nil
	case "string":
		_, ok := x.(string)
		return ok
	case "boolean":
		_, ok := x.(bool)
		return ok
	case "array":
		_, ok := x.([]any)
		return ok
	case "object":
		_, ok := x.(map[string]any)
		return ok
	case "integer":
		f, ok := x.(float64)
		return ok && f == float64(int64(f))
	case "number":
		_, ok := x.(float64)
		return ok
	}
	return false
}

func loadSchema(t *testing.T) validator {
	t.Helper()
	data, err := CatalogSchema("calc.example.com")
	if err != nil {
		t.Fatal(err)
	}
	var root map[string]any
	if err := json.Unmarshal(data, &root); err != nil {
		t.Fatal(err)
	}
	if root["$schema"] != "https://json-schema.org/draft/2020-12/schema" || root["$id"] != "https://calc.example.com/catalog.schema.json" {
		t.Errorf("$schema %v, $id %v", root["$schema"], root["$id"])
	}
	return validator{root: root}
}

func decodeJSON(t *testing.T, data []byte) any {
	t.Helper()
	var x any
	if err := json.Unmarshal(data, &x); err != nil {
		t.Fatal(err)
	}
	return x
}

// TestSchemaValidatesCatalog: every file of pricing/catalog, every profile
// of catalog.json, and a custom profile as /profiles exports it are valid
// against catalog.schema.json.
func TestSchemaValidatesCatalog(t *testing.T) {
	v := loadSchema(t)
	root, err := FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(root, "pricing", "catalog", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no catalog files (%v)", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := v.check(v.root, decodeJSON(t, data), filepath.Base(f)); err != nil {
			t.Errorf("catalog file: %v", err)
		}
	}

	feed, err := CatalogFeed()
	if err != nil {
		t.Fatal(err)
	}
	var cat struct{ Profiles []json.RawMessage }
	if err := json.Unmarshal(feed, &cat); err != nil {
		t.Fatal(err)
	}
	if len(cat.Profiles) != len(files) {
		t.Errorf("catalog.json has %d profiles, the catalog %d files", len(cat.Profiles), len(files))
	}
	for i, raw := range cat.Profiles {
		if err := v.check(v.root, decodeJSON(t, raw), fmt.Sprintf("catalog.json profiles[%d]", i)); err != nil {
			t.Error(err)
		}
		if _, err := pricing.DecodeProfile(raw); err != nil {
			t.Errorf("catalog.json profiles[%d] does not decode: %v", i, err)
		}
	}

	// A custom profile as the app exports it: empty sources, null prices.
	custom, err := pricing.DecodeProfile([]byte(`{"id":"mine","name":"Mine","platform":"Mine","kind":"credits",
		"currency":"EUR","url":"","custom":true,
		"plans":[{"id":"p","name":"P","yearly":"120","credits":"100","source":{"url":"","read":"","evidence":""}}],
		"models":[{"id":"m","name":"M","tier":"fast","durations":{"min":1,"max":10},"rates":[{"res":"720p","per_second":"2"}],
		"source":{"url":"","read":"","evidence":""}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	exported, _ := json.MarshalIndent(custom, "", "  ")
	if err := v.check(v.root, decodeJSON(t, exported), "custom"); err != nil {
		t.Errorf("an exported custom profile: %v\n%s", err, exported)
	}
}

// TestSchemaRejects: the schema refuses what the decoder refuses.
func TestSchemaRejects(t *testing.T) {
	v := loadSchema(t)
	root, _ := FindRoot(".")
	good, err := os.ReadFile(filepath.Join(root, "pricing", "catalog", "runway.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ name, from, to string }{
		{"unknown field", `"platform": "Runway",`, `"platform": "Runway", "colour": "red",`},
		{"amount as a number", `"monthly": "15.00"`, `"monthly": 15`},
		{"bad tier", `"tier": "fast"`, `"tier": "ultra"`},
		{"bad id", `"id": "runway"`, `"id": "Runway!"`},
		{"bad currency", `"currency": "USD"`, `"currency": "usd"`},
		{"negative amount", `"credits": "625"`, `"credits": "-625"`},
		{"missing id", `"id": "runway",`, ``},
	} {
		bad := bytes.Replace(good, []byte(tt.from), []byte(tt.to), 1)
		if bytes.Equal(bad, good) {
			t.Fatalf("%s: %q is not in runway.json", tt.name, tt.from)
		}
		if err := v.check(v.root, decodeJSON(t, bad), "runway.json"); err == nil {
			t.Errorf("%s: the schema accepts it", tt.name)
		}
		if _, err := pricing.DecodeProfile(bad); err == nil {
			t.Errorf("%s: DecodeProfile accepts it", tt.name)
		}
	}
}

// TestSchemaAudioNotStated: a model's audio left out means that no source
// says whether it makes native audio, not that it makes none, and the
// schema says so to whoever reads catalog.json: Runway's Gen-4 has no
// audio there, Veo 2 (the research's "n/a") has "none".
func TestSchemaAudioNotStated(t *testing.T) {
	v := loadSchema(t)
	model := v.root["$defs"].(map[string]any)["Model"].(map[string]any)
	audio := model["properties"].(map[string]any)["audio"].(map[string]any)
	if d, _ := audio["description"].(string); !strings.Contains(d, "none (a source says it makes none)") ||
		!strings.Contains(d, "Left out when no source says whether it makes audio: the model is not said to be silent") {
		t.Errorf("the schema's audio says %q", d)
	}
	feed, err := CatalogFeed()
	if err != nil {
		t.Fatal(err)
	}
	var cat struct {
		Profiles []struct {
			ID     string
			Models []map[string]any
		}
	}
	if err := json.Unmarshal(feed, &cat); err != nil {
		t.Fatal(err)
	}
	got := map[string]any{}
	for _, p := range cat.Profiles {
		for _, m := range p.Models {
			got[p.ID+"/"+m["id"].(string)] = m["audio"]
		}
	}
	if a, ok := got["runway/gen-4"]; !ok || a != nil {
		t.Errorf("runway/gen-4's audio in catalog.json: %v (found %v), want none written", a, ok)
	}
	if a := got["veo-api/veo-2"]; a != "none" {
		t.Errorf("veo-api/veo-2's audio in catalog.json: %v, want \"none\"", a)
	}
}
