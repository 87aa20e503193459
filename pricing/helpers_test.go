package pricing

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// testCatalog returns the bundled catalog, or ends the test.
func testCatalog(t testing.TB) []Profile {
	t.Helper()
	ps, err := Catalog()
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

// dec reads a decimal written in a test table.
func dec(t testing.TB, s string) decimal.Decimal {
	t.Helper()
	d, err := decimal.NewFromString(s)
	if err != nil {
		t.Fatalf("bad decimal %q in test: %v", s, err)
	}
	return d
}

func ndec(t testing.TB, s string) decimal.NullDecimal {
	t.Helper()
	if s == "" {
		return decimal.NullDecimal{}
	}
	return decimal.NewNullDecimal(dec(t, s))
}

// eq reports whether got equals the decimal written want.
func eq(t testing.TB, got decimal.Decimal, want string) bool {
	t.Helper()
	return got.Equal(dec(t, want))
}

// model decodes a model written in the catalog's JSON (without Validate:
// these tests are about the engine).
func model(t testing.TB, js string) Model {
	t.Helper()
	var m Model
	d := json.NewDecoder(strings.NewReader(js))
	d.DisallowUnknownFields()
	if err := d.Decode(&m); err != nil {
		t.Fatalf("bad model in test: %v\n%s", err, js)
	}
	if m.ID == "" {
		m.ID = "m"
	}
	if m.Name == "" {
		m.Name = "M"
	}
	return m
}

// profile decodes a profile written in the catalog's JSON.
func profile(t testing.TB, js string) Profile {
	t.Helper()
	var p Profile
	d := json.NewDecoder(strings.NewReader(js))
	d.DisallowUnknownFields()
	if err := d.Decode(&p); err != nil {
		t.Fatalf("bad profile in test: %v\n%s", err, js)
	}
	return p
}

// shot reads a shot written "7 720p", "8 1080p premium x2 +audio +upscale".
func shot(t testing.TB, s string) Shot {
	t.Helper()
	f := strings.Fields(s)
	sh := Shot{Seconds: dec(t, f[0])}
	for _, w := range f[1:] {
		switch {
		case strings.HasPrefix(w, "+"):
			sh.Addons = append(sh.Addons, AddonKind(w[1:]))
		case strings.HasPrefix(w, "x"):
			sh.Takes = dec(t, w[1:])
		case w == "any" || w == "fast" || w == "standard" || w == "premium":
			sh.Tier = Tier(w)
		default:
			sh.Res = Resolution(w)
		}
	}
	return sh
}
