package pricing

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestCatalogMin checks that catalog.min.json, the catalog the site
// embeds, is exactly catalog/*.json checked and compacted. With -update
// (go generate ./pricing) it rewrites the file instead.
func TestCatalogMin(t *testing.T) {
	want, err := buildCatalogMin(os.DirFS("catalog"))
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("catalog.min.json", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile("catalog.min.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("catalog.min.json is stale: run go generate ./pricing (it runs go test -run '^TestCatalogMin$' -update)")
	}
}

// TestCatalogMinDecodes checks that Catalog, which decodes the embedded
// file without DecodeProfile's checks, returns what DecodeProfile makes of
// each source file.
func TestCatalogMinDecodes(t *testing.T) {
	ps := testCatalog(t)
	names, err := fs.Glob(os.DirFS("catalog"), "*.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != len(names) {
		t.Fatalf("Catalog() has %d profiles, catalog/ %d files", len(ps), len(names))
	}
	for _, name := range names {
		data, err := os.ReadFile("catalog/" + name)
		if err != nil {
			t.Fatal(err)
		}
		want, err := DecodeProfile(data)
		if err != nil {
			t.Fatalf("catalog/%s: %v", name, err)
		}
		got, ok := FindProfile(ps, want.ID)
		if !ok {
			t.Errorf("catalog/%s: Catalog() has no profile %q", name, want.ID)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("catalog/%s: Catalog() decodes profile %q differently from DecodeProfile", name, want.ID)
		}
	}
}

func TestBuildCatalogMinErrors(t *testing.T) {
	good := func(id string) string {
		return strings.Replace(demoJSON, `"id": "demo"`, `"id": "`+id+`"`, 1)
	}
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"broken", map[string]string{"demo.json": `{"id": "demo", "name": 5}`},
			`catalog/demo.json: profile "demo": name: must be a string (got a number)`},
		{"misnamed", map[string]string{"other.json": good("demo")},
			`catalog/other.json: profile "demo": id: the file must be named demo.json`},
		{"custom", map[string]string{"demo.json": strings.Replace(good("demo"), `"kind"`, `"custom": true, "kind"`, 1)},
			`catalog/demo.json: profile "demo": custom: is only for profiles a person made, never in the catalog`},
		{"empty", map[string]string{}, "catalog/ has no *.json files"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := mapFS(tt.files)
			_, err := buildCatalogMin(fsys)
			if err == nil || err.Error() != tt.want {
				t.Errorf("error = %v, want %s", err, tt.want)
			}
			if err != nil && tt.name != "empty" && !errors.Is(err, ErrInvalidProfile) {
				t.Errorf("errors.Is(%v, ErrInvalidProfile) = false", err)
			}
		})
	}
	// Sorted by id, one profile a line.
	out, err := buildCatalogMin(mapFS(map[string]string{"b.json": good("b"), "a-b.json": good("a-b"), "a.json": good("a")}))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if line == "[" || line == "]" {
			continue
		}
		var p Profile
		if err := json.Unmarshal([]byte(strings.TrimSuffix(line, ",")), &p); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		ids = append(ids, p.ID)
	}
	if want := []string{"a", "a-b", "b"}; !slices.Equal(ids, want) {
		t.Errorf("ids = %q, want %q", ids, want)
	}
}

// demoJSON is a small valid profile.
const demoJSON = `{"id": "demo", "name": "Demo", "platform": "Demo", "kind": "api", "currency": "USD",
 "url": "https://example.com/pricing",
 "models": [{"id": "m", "name": "M", "tier": "fast", "durations": {"list": [5]},
   "rates": [{"res": "720p", "per_second": "0.10"}],
   "source": {"url": "https://example.com/pricing", "read": "2026-01-02", "evidence": "official"}}]}`

// buildCatalogMin returns catalog.min.json for the profiles in fsys (the
// catalog/ folder): each file checked by DecodeProfile, named after its id
// and not custom; ids unique; each profile compacted (its text otherwise
// as written), in ByName order, one per line, in one JSON list.
func buildCatalogMin(fsys fs.FS) ([]byte, error) {
	names, err := fs.Glob(fsys, "*.json")
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, errors.New("catalog/ has no *.json files")
	}
	type entry struct {
		p    Profile
		data []byte
	}
	entries := make([]entry, 0, len(names))
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		p, err := DecodeProfile(data)
		if err != nil {
			return nil, fmt.Errorf("catalog/%s: %w", name, err)
		}
		switch {
		case name != p.ID+".json":
			err = &ProfileError{Profile: p.ID, Path: "id", Err: fmt.Errorf("the file must be named %s.json", p.ID)}
		case p.Custom:
			err = &ProfileError{Profile: p.ID, Path: "custom", Err: errors.New("is only for profiles a person made, never in the catalog")}
		}
		if err != nil {
			return nil, fmt.Errorf("catalog/%s: %w", name, err)
		}
		// File names are unique and each is its id, so ids are unique too.
		var b bytes.Buffer
		if err := json.Compact(&b, data); err != nil {
			return nil, fmt.Errorf("catalog/%s: %w", name, err)
		}
		entries = append(entries, entry{p, b.Bytes()})
	}
	slices.SortFunc(entries, func(a, b entry) int { return ByName(a.p, b.p) })
	var out bytes.Buffer
	out.WriteString("[\n")
	for i, e := range entries {
		out.Write(e.data)
		if i < len(entries)-1 {
			out.WriteByte(',')
		}
		out.WriteByte('\n')
	}
	out.WriteString("]\n")
	return out.Bytes(), nil
}

// mapFS is an fs.FS of the given files.
func mapFS(files map[string]string) fs.FS {
	m := fstest.MapFS{}
	for name, data := range files {
		m[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return m
}
