package pricing_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aivc/aivc/pricing"
	"github.com/shopspring/decimal"
)

func TestByName(t *testing.T) {
	ps := []pricing.Profile{
		{ID: "b", Name: "fal"}, {ID: "z", Name: "Adobe"}, {ID: "c", Name: "Freepik"}, {ID: "a", Name: "fal"},
	}
	slices.SortFunc(ps, pricing.ByName)
	var got []string
	for _, p := range ps {
		got = append(got, p.Name+"/"+p.ID)
	}
	if want := "Adobe/z fal/a fal/b Freepik/c"; strings.Join(got, " ") != want {
		t.Errorf("ByName order: %s, want %s", strings.Join(got, " "), want)
	}
}

func TestCatalog(t *testing.T) {
	ps, err := pricing.Catalog()
	if err != nil {
		t.Fatalf("Catalog() = %v", err)
	}
	if len(ps) < 16 {
		t.Errorf("%d profiles, want at least 16", len(ps))
	}
	platforms := map[string]bool{}
	ids := map[string]bool{}
	for i, p := range ps {
		if i > 0 && pricing.ByName(ps[i-1], p) >= 0 {
			t.Errorf("not in name order: %q then %q", ps[i-1].Name, p.Name)
		}
		if ids[p.ID] {
			t.Errorf("id %q twice", p.ID)
		}
		ids[p.ID] = true
		platforms[p.Platform] = true
		if len(p.Models) == 0 {
			t.Errorf("%s: no models", p.ID)
		}
		if p.Custom {
			t.Errorf("%s: custom is set", p.ID)
		}
		check := func(what string, s pricing.Source) {
			t.Helper()
			if !strings.HasPrefix(s.URL, "https://") {
				t.Errorf("%s %s: source url %q", p.ID, what, s.URL)
			}
			if _, err := time.Parse(time.DateOnly, s.Read); err != nil {
				t.Errorf("%s %s: read date %q", p.ID, what, s.Read)
			}
			if s.Read > "2026-10-01" {
				t.Errorf("%s %s: read %s is after the research was compiled", p.ID, what, s.Read)
			}
		}
		for _, pl := range p.Plans {
			check("plan "+pl.ID, pl.Source)
		}
		for _, pk := range p.Packs {
			check("pack "+pk.ID, pk.Source)
		}
		if p.Free != nil {
			check("free", p.Free.Source)
		}
		unpriced := false
		for _, m := range p.Models {
			check("model "+m.ID, m.Source)
			for _, a := range m.Addons {
				check("model "+m.ID+" add-on "+string(a.Kind), a.Source)
			}
			unpriced = unpriced || len(m.Rates) == 0
		}
		if unpriced && len(p.Unknown) == 0 {
			t.Errorf("%s: a model has no price but the profile's unknown list is empty", p.ID)
		}
	}
	if len(platforms) < 12 {
		t.Errorf("%d platforms, want at least 12", len(platforms))
	}
	for _, id := range []string{"runway", "runway-api", "pika", "kling", "kling-api", "luma", "luma-api", "freepik",
		"google-flow", "veo-api", "sora", "sora-api", "pixverse-api", "hailuo", "minimax-api", "firefly",
		"ltx-studio", "ltx-api", "higgsfield", "vidu-api", "fal"} {
		if _, ok := pricing.FindProfile(ps, id); !ok {
			t.Errorf("profile %q is missing", id)
		}
	}
	if p, _ := pricing.FindProfile(ps, "freepik"); p.Currency != "EUR" {
		t.Errorf("freepik currency = %q, want EUR", p.Currency)
	}
}

// TestCatalogExampleLink checks the ids in the calculator's example link
// /#profile=runway&plan=standard&model=gen-4-turbo&res=720p&dur=10.
func TestCatalogExampleLink(t *testing.T) {
	ps, err := pricing.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	p, ok := pricing.FindProfile(ps, "runway")
	if !ok {
		t.Fatal("no runway profile")
	}
	if _, ok := p.FindPlan("standard"); !ok {
		t.Error("runway has no plan standard")
	}
	m, ok := p.FindModel("gen-4-turbo")
	if !ok {
		t.Fatal("runway has no model gen-4-turbo")
	}
	if !slices.ContainsFunc(m.Rates, func(r pricing.Rate) bool { return r.Res == pricing.Res720p }) {
		t.Error("gen-4-turbo has no 720p rate")
	}
	if !slices.Contains(m.Durations.List, 10) {
		t.Errorf("gen-4-turbo durations %v lack 10 s", m.Durations)
	}
	if _, ok := p.FindModel("nope"); ok {
		t.Error("FindModel found a model that does not exist")
	}
	if _, ok := p.FindPack("credits-1000"); !ok {
		t.Error("runway has no pack credits-1000")
	}
}

// TestCatalogFiles checks that every file in catalog/ is embedded and
// loaded, under its id.
func TestCatalogFiles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("catalog", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	ps, err := pricing.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(ps) {
		t.Errorf("%d files, %d profiles", len(files), len(ps))
	}
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".json")
		if _, ok := pricing.FindProfile(ps, id); !ok {
			t.Errorf("%s: no profile %q", f, id)
		}
	}
}

// TestCatalogCopy checks that a caller changing its slice does not change
// the next caller's.
func TestCatalogCopy(t *testing.T) {
	a, err := pricing.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	id := a[0].ID
	a[0] = pricing.Profile{ID: "changed"}
	b, _ := pricing.Catalog()
	if b[0].ID != id {
		t.Errorf("Catalog()[0].ID = %q after a caller changed its copy, want %q", b[0].ID, id)
	}
}

// TestCatalogLumaPixels checks that Luma's price per million pixels
// reproduces its published Ray2 prices for 5 s and 9 s clips.
func TestCatalogLumaPixels(t *testing.T) {
	ps, err := pricing.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	p, _ := pricing.FindProfile(ps, "luma-api")
	m, ok := p.FindModel("ray-2")
	if !ok {
		t.Fatal("luma-api has no ray-2")
	}
	want := map[pricing.Resolution][2]string{
		pricing.Res540p:  {"0.40", "0.72"},
		pricing.Res720p:  {"0.71", "1.27"},
		pricing.Res1080p: {"1.59", "2.87"},
		pricing.Res4K:    {"6.37", "11.47"},
	}
	for _, r := range m.Rates {
		w, ok := want[r.Res]
		if !ok {
			t.Errorf("unexpected resolution %s", r.Res)
			continue
		}
		delete(want, r.Res)
		for i, secs := range []int64{5, 9} {
			px := decimal.NewFromInt(int64(r.Width) * int64(r.Height) * int64(r.FPS) * secs).Shift(-6)
			got := r.PerMegapixel.Decimal.Mul(px).Round(2).StringFixed(2)
			if got != w[i] {
				t.Errorf("ray-2 %s %d s = $%s, want $%s", r.Res, secs, got, w[i])
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("ray-2 lacks %v", want)
	}
}

// TestCatalogError checks that a broken embedded file would name itself:
// Catalog wraps DecodeProfile's error with the file name, which we imitate
// on a copy of a real file.
func TestCatalogError(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("catalog", "runway.json"))
	if err != nil {
		t.Fatal(err)
	}
	bad := bytes.Replace(data, []byte(`"credits": "625"`), []byte(`"credits": "0"`), 1)
	if bytes.Equal(bad, data) {
		t.Fatal("runway.json has no 625-credit plan to break")
	}
	_, err = pricing.DecodeProfile(bad)
	checkProfileError(t, err, "plans[0].credits", "must be more than 0")
	if got := err.Error(); got != `profile "runway": plans[0].credits: must be more than 0` {
		t.Errorf("error = %q", got)
	}
}

func TestDecodeProfileErrors(t *testing.T) {
	// demo returns demoProfileJSON with each old string replaced by new once.
	demo := func(oldNew ...string) string {
		s := demoProfileJSON
		for i := 0; i+1 < len(oldNew); i += 2 {
			if !strings.Contains(s, oldNew[i]) {
				panic("demo has no " + oldNew[i])
			}
			s = strings.Replace(s, oldNew[i], oldNew[i+1], 1)
		}
		return s
	}
	tests := []struct {
		name, in, path, msg string
	}{
		// Not one JSON object.
		{"empty", "", "", "is empty"},
		{"blank", " \n\t", "", "is empty"},
		{"list", "[]", "", "must be an object (got a list)"},
		{"null", "null", "", "must be an object (got null)"},
		{"cut short", demoProfileJSON[:strings.Index(demoProfileJSON, `"monthly"`)], "plans[0]", "unexpected end of input"},
		{"unclosed", "{", "", "unexpected end of input"},
		{"syntax", `{"id": "demo",}`, "", "is not valid JSON: invalid character '}'"},
		{"trailing object", demoProfileJSON + " {}", "", "has more data after the profile"},
		{"trailing text", demoProfileJSON + "x", "", "has more data after the profile"},
		{"too big", `{"id": "` + strings.Repeat("a", pricing.ProfileMaxBytes) + `"}`, "", "is larger than"},

		// Fields.
		{"unknown field", demo(`"currency": "USD",`, `"currency": "USD", "colour": "red",`), "colour",
			`unknown field "colour"`},
		{"unknown nested", demo(`"credits": "1000",`, `"credits": "1000", "bonus": "5",`), "plans[0].bonus",
			`unknown field "bonus"`},
		{"unknown deep", demo(`{"seconds": 8, "units": "80"}`, `{"seconds": 8, "units": "80", "fps": 24}`),
			"models[1].rates[0].buckets[1].fps", `unknown field "fps"`},
		{"field case", demo(`"platform": "Demo"`, `"Platform": "Demo"`), "Platform", `unknown field "Platform"`},
		{"field twice", demo(`"name": "Demo",`, `"name": "Demo", "name": "Other",`), "name", `field "name" appears twice`},

		// JSON types.
		{"credits as number", demo(`"credits": "1000"`, `"credits": 1000`), "plans[0].credits",
			`must be a number in a string, like "15.00" (got a number)`},
		{"credits null", demo(`"credits": "1000"`, `"credits": null`), "plans[0].credits", "(got null)"},
		{"price as text", demo(`"price": "5.00"`, `"price": "five"`), "packs[0].price", `"five" is not a number`},
		{"price with spaces", demo(`"price": "5.00"`, `"price": " 5.00"`), "packs[0].price", "is not a number"},
		{"huge exponent", demo(`"price": "5.00"`, `"price": "1e99999"`), "packs[0].price", "is not a number"},
		{"monthly null is absent", demo(`"monthly": "10.00", "credits": "1000"`, `"monthly": null, "credits": "1000"`),
			"plans[0].monthly", "a plan needs a monthly or a yearly price"},
		{"seconds as text", demo(`"list": [5, 10]`, `"list": [5, "10"]`), "models[0].durations.list[1]",
			"must be a whole number (got a string)"},
		{"seconds fraction", demo(`"list": [5, 10]`, `"list": [5.5, 10]`), "models[0].durations.list[0]",
			"5.5 is not a whole number"},
		{"seconds exponent", demo(`"list": [5, 10]`, `"list": [5, 1e1]`), "models[0].durations.list[1]",
			"1e1 is not a whole number"},
		{"seconds overflow", demo(`"list": [5, 10]`, `"list": [5, 99999999999999999999]`), "models[0].durations.list[1]",
			"is too large"},
		{"name null", demo(`"name": "Demo",`, `"name": null,`), "name", "must be a string (got null)"},
		{"name number", demo(`"name": "Fast One"`, `"name": 1`), "models[0].name", "must be a string (got a number)"},
		{"models object", demo(`"models": [`, `"models": {"x": [`) + "}", "models", "must be a list (got an object)"},
		{"free list", demo(`"free": {`, `"free": [{`), "free", "must be an object (got a list)"},
		{"flag text", demo(`"valid_days": 365,`, `"valid_days": 365, "requires_plan": "yes",`), "packs[0].requires_plan",
			"must be true or false (got a string)"},

		// Rules (Validate, through DecodeProfile).
		{"tier", demo(`"tier": "fast"`, `"tier": "ultra"`), "models[0].tier",
			`unknown tier "ultra" (want fast, standard or premium)`},
		{"zero credits", demo(`"credits": "1000"`, `"credits": "0"`), "plans[0].credits", "must be more than 0"},
		{"negative", demo(`"credits": "1000"`, `"credits": "-1000"`), "plans[0].credits", "cannot be negative"},
		{"too large", demo(`"credits": "1000"`, `"credits": "1e400"`), "plans[0].credits", "is too large"},
		{"date", demo(`"read": "2026-01-02"`, `"read": "2026-13-02"`), "plans[0].source.read", "is not a date"},
		{"api with plans", demo(`"kind": "credits"`, `"kind": "api"`), "plans", "an api profile has no plans"},
		{"bucket not offered", demo(`{"seconds": 8, "units": "80"}`, `{"seconds": 10, "units": "80"}`),
			"models[1].rates[0].buckets[1].seconds", "10 s is not an offered duration (4–8 s)"},
		{"two rules", demo(`"per_second": "5"`, `"per_second": "5", "per_clip": "1"`), "models[0].rates[0].per_clip",
			"is set with per_second"},
		{"id", demo(`"id": "demo"`, `"id": "Demo Profile"`), "id", `"Demo Profile" is not a valid id`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := pricing.DecodeProfile([]byte(tt.in))
			checkProfileError(t, err, tt.path, tt.msg)
			if !reflect.DeepEqual(p, pricing.Profile{}) {
				t.Errorf("got a profile with the error: %+v", p)
			}
		})
	}
}

// TestDecodeProfileNamesProfile checks that JSON errors found after the
// id name the profile.
func TestDecodeProfileNamesProfile(t *testing.T) {
	_, err := pricing.DecodeProfile([]byte(`{"id": "mine", "name": 5}`))
	var pe *pricing.ProfileError
	if !errors.As(err, &pe) || pe.Profile != "mine" {
		t.Fatalf("error = %v, want one naming profile mine", err)
	}
	if got, want := err.Error(), `profile "mine": name: must be a string (got a number)`; got != want {
		t.Errorf("error = %q, want %q", got, want)
	}
}

// TestCatalogRoundTrip encodes every catalog profile with encoding/json and
// decodes it back: the same profile, and the same bytes when encoded again.
func TestCatalogRoundTrip(t *testing.T) {
	ps, err := pricing.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		t.Run(p.ID, func(t *testing.T) {
			out, err := json.Marshal(p)
			if err != nil {
				t.Fatal(err)
			}
			q, err := pricing.DecodeProfile(out)
			if err != nil {
				t.Fatalf("DecodeProfile(Marshal(p)) = %v", err)
			}
			if path := profileDiff(reflect.ValueOf(p), reflect.ValueOf(q), ""); path != "" {
				t.Errorf("round trip changed %s", path)
			}
			again, err := json.Marshal(q)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out, again) {
				t.Errorf("encoding is not stable:\n%s\n%s", out, again)
			}
		})
	}
}

func FuzzDecodeProfile(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("catalog", "*.json"))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(demoProfileJSON))
	f.Add([]byte(`{"id":"x","models":[{"rates":[{"per_second":"1e-9999"}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := pricing.DecodeProfile(data)
		if err != nil {
			var pe *pricing.ProfileError
			if !errors.As(err, &pe) || !errors.Is(err, pricing.ErrInvalidProfile) {
				t.Fatalf("error %T %v is not a *ProfileError wrapping ErrInvalidProfile", err, err)
			}
			return
		}
		out, err := json.Marshal(p)
		if err != nil {
			t.Fatalf("Marshal: %v", err)
		}
		q, err := pricing.DecodeProfile(out)
		if err != nil {
			t.Fatalf("decoding the re-encoded profile: %v\n%s", err, out)
		}
		if path := profileDiff(reflect.ValueOf(p), reflect.ValueOf(q), ""); path != "" {
			t.Fatalf("round trip changed %s\n%s", path, out)
		}
	})
}

var (
	profDecimalType     = reflect.TypeFor[decimal.Decimal]()
	profNullDecimalType = reflect.TypeFor[decimal.NullDecimal]()
)

// profileDiff compares two values of the catalog schema and returns the
// path of the first difference, or "". Decimals compare by value ("15.00"
// equals "15"), and a nil slice equals an empty one (omitempty drops both).
func profileDiff(a, b reflect.Value, path string) string {
	switch a.Type() {
	case profDecimalType:
		if !a.Interface().(decimal.Decimal).Equal(b.Interface().(decimal.Decimal)) {
			return path
		}
		return ""
	case profNullDecimalType:
		x, y := a.Interface().(decimal.NullDecimal), b.Interface().(decimal.NullDecimal)
		if x.Valid != y.Valid || x.Valid && !x.Decimal.Equal(y.Decimal) {
			return path
		}
		return ""
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return path
			}
			return ""
		}
		return profileDiff(a.Elem(), b.Elem(), path)
	case reflect.Slice:
		if a.Len() != b.Len() {
			return path + " (length)"
		}
		for i := range a.Len() {
			if d := profileDiff(a.Index(i), b.Index(i), path+"["+strconv.Itoa(i)+"]"); d != "" {
				return d
			}
		}
		return ""
	case reflect.Struct:
		for i := range a.NumField() {
			if a.Type().Field(i).Name == "_" {
				continue // NotComparable
			}
			if d := profileDiff(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name); d != "" {
				return d
			}
		}
		return ""
	}
	if !a.Equal(b) {
		return path
	}
	return ""
}

// TestSources: every source of a profile, in the documented order.
func TestSources(t *testing.T) {
	src := func(u string) pricing.Source { return pricing.Source{URL: u} }
	p := pricing.Profile{
		Plans: []pricing.Plan{{Source: src("plan1"), Promo: &pricing.Promo{Source: src("promo1")}}, {Source: src("plan2")}},
		Packs: []pricing.Pack{{Source: src("pack")}},
		Free:  &pricing.Free{Source: src("free")},
		Models: []pricing.Model{
			{Source: src("model1"), Addons: []pricing.Addon{{Source: src("addon1")}, {Source: src("addon2")}}},
			{Source: src("model2")},
		},
	}
	var got []string
	for _, s := range p.Sources() {
		got = append(got, s.URL)
	}
	want := []string{"plan1", "promo1", "plan2", "pack", "free", "model1", "addon1", "addon2", "model2"}
	if !slices.Equal(got, want) {
		t.Errorf("Sources() = %v, want %v", got, want)
	}
	if n := len((pricing.Profile{}).Sources()); n != 0 {
		t.Errorf("an empty profile has %d sources", n)
	}
}

func TestUnitName(t *testing.T) {
	for _, tt := range []struct{ unit, want string }{{"", "credits"}, {"AI credits", "AI credits"}} {
		if got := (pricing.Profile{Unit: tt.unit}).UnitName(); got != tt.want {
			t.Errorf("UnitName of Unit %q = %q, want %q", tt.unit, got, tt.want)
		}
	}
}
