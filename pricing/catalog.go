package pricing

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
)

// The catalog is pricing/catalog/*.json: one file per profile, named after
// its id ("runway.json"), built from research/pricing.md. How it is written:
//
//   - A profile is one credit economy. A vendor's consumer app and its
//     developer API are separate profiles ("runway" and "runway-api"); an
//     "api" profile prices models in money of its currency and has no plans.
//   - Every plan, promotion, pack, free tier, model and add-on has a Source:
//     the URL of the page the research names (a help-centre search URL when
//     only an article title is known, the domain when nothing more is given),
//     the date the row gives (read, verified, captured or published), and the
//     evidence: official (O), secondary (S) or derived (D). Rows marked L
//     (low reliability) are never used. A source the research dates only
//     roughly is dated at the middle of that time, and its note says so:
//     Comfy-Org/docs' list prices, "~mid-2025", are 2025-07-01, "dated
//     about mid-2025 by the research (2025-07-01 here)". A row without any
//     date is dated 2026-10-01, the newest date in the research, with the
//     note "source undated; date is when the research was compiled". When
//     one item mixes an official and a secondary number (official credits,
//     secondary price), it takes the weaker evidence and its note says which
//     part is official.
//   - Where sources disagree the newest dated one wins and the other is kept
//     in Source.Note; the plan's or model's Figure says which was taken, in
//     words the pages show beside its price ("25,000 credits a month is the
//     later of two figures; …"). A number the sources do not give is left
//     out and named in the profile's Unknown list; a model whose price is
//     unknown has no rates ("price unknown": Validate allows it, the engine
//     reports "credit cost not published", and a person can type the price
//     in).
//   - A resolution the source does not name is listed at 720p with a note
//     saying so (Kling's unnamed modes follow its other rows: standard 720p,
//     professional 1080p); the platform's own name ("768P", "580p") goes in
//     the label. Clip lengths the source does not give are taken from the
//     vendor's other rows and noted.
//   - An approximate number ("about 20") is used, and Figure says so. A
//     range for one model at one resolution ("7–10 credits") is listed at
//     its upper bound, so a budget is not short, and Figure says so ("10
//     credits, the top of the 7–10 its source gives"); a range that spans
//     models or options ("50 to 200+ CS") is left unknown.
//   - A model's audio is left out when no source says whether it makes
//     native audio (AudioNotStated: the pages say "not stated by its
//     source" and do not price a shot with audio on it); "none" only where
//     a source says it makes none (Veo 2: "n/a"). The source's note says
//     where any other value was read ("audio none, secondary 2026-10-01:
//     …"); TestResearchAudio holds each model to the research.
//   - A pack whose platform gives no period for its credits has
//     validity_not_stated (Kling's terms: "cleared upon expiration"); the
//     pages never count its credits as lasting.
//   - Money and credits are JSON strings ("15.00"), never JSON numbers.
//   - Tiers: a model whose name says turbo, flash, fast or lite is "fast";
//     pro, master, quality, or a 4.5 version is "premium"; everything else
//     is "standard". One exception: PixVerse's "fast" motion mode doubles
//     the price, so it is not a fast tier and is tagged standard.
//
// The files are the source people edit; the site embeds catalog.min.json,
// generated from them: every profile, checked as DecodeProfile checks a
// person's import (and each file named after its id, none custom, no id
// twice), compacted, in ByName order, one per line. After editing a file, run
//
//	go generate ./pricing
//
// (it runs `go test -run '^TestCatalogMin$' -update`); TestCatalogMin fails
// while catalog.min.json is stale. The embedded catalog is therefore
// trusted: Catalog decodes it on first use, not at package init, with
// encoding/json alone, skipping the path-tracking walk and Validate that a
// person's profile goes through. That keeps app.wasm small and the first
// decode fast.

//go:generate go test -run ^TestCatalogMin$ -update .

//go:embed catalog.min.json
var catalogJSON []byte

// catalog is the decoded catalog, filled once, on the first call to
// Catalog. (A package-level sync.OnceValues would keep the decoder in every
// program that imports pricing, used or not.)
var catalog struct {
	once sync.Once
	ps   []Profile
	err  error
}

func decodeCatalog() {
	var ps []Profile
	if err := json.Unmarshal(catalogJSON, &ps); err != nil {
		catalog.err = &ProfileError{Err: errors.New("catalog.min.json: invalid json: " + err.Error())}
		return
	}
	catalog.ps = ps
}

// Catalog returns the bundled profiles in ByName order. They are decoded on
// the first call; every later call shares that decoding. The slice is the
// caller's own; the profiles in it share their plans and models with every
// other caller, so treat them as read-only.
//
// A broken catalog file never reaches a build: TestCatalogMin checks every
// file strictly and fails with its name and the JSON path of the problem
// ("catalog/runway.json: profile \"runway\": plans[1].credits: must be more
// than 0"). Should the embedded file still not decode, the error is a
// *ProfileError.
func Catalog() ([]Profile, error) {
	catalog.once.Do(decodeCatalog)
	if catalog.err != nil {
		return nil, catalog.err
	}
	return slices.Clone(catalog.ps), nil
}

// ByName orders profiles as people look for them in a list: by name,
// ignoring case ("Adobe Firefly", "fal", "Freepik"), then by id.
func ByName(a, b Profile) int {
	if c := strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// FindProfile returns the profile of ps with the given id.
func FindProfile(ps []Profile, id string) (Profile, bool) {
	for i := range ps {
		if ps[i].ID == id {
			return ps[i], true
		}
	}
	return Profile{}, false
}

// FindModel returns p's model with the given id.
func (p Profile) FindModel(id string) (Model, bool) {
	for i := range p.Models {
		if p.Models[i].ID == id {
			return p.Models[i], true
		}
	}
	return Model{}, false
}

// UnitName is what p calls its credits: Unit, or "credits".
func (p Profile) UnitName() string {
	if p.Unit == "" {
		return "credits"
	}
	return p.Unit
}

// UnitOne is one of p's units, as in "$0.14 per unit": "credit" when it
// names none.
func (p Profile) UnitOne() string { return strings.TrimSuffix(p.UnitName(), "s") }

// FindPlan returns p's plan with the given id.
func (p Profile) FindPlan(id string) (Plan, bool) {
	for i := range p.Plans {
		if p.Plans[i].ID == id {
			return p.Plans[i], true
		}
	}
	return Plan{}, false
}

// FindPack returns p's pack with the given id.
func (p Profile) FindPack(id string) (Pack, bool) {
	for i := range p.Packs {
		if p.Packs[i].ID == id {
			return p.Packs[i], true
		}
	}
	return Pack{}, false
}

// ProfileMaxBytes is the largest profile DecodeProfile reads (1 MiB; the
// biggest catalog file is a few dozen KB).
const ProfileMaxBytes = 1 << 20

// DecodeProfile reads one profile from JSON, strictly, and validates it. It
// is how the catalog is loaded and how a person's exported profile comes
// back in. Every error is a *ProfileError (errors.Is ErrInvalidProfile)
// whose Path names the place in the JSON a person can look at:
//
//	models[2].rates[0].per_second: must be a number in a string, like "0.05"
//	plans[0].colour: unknown field "colour"
//	models[1].tier: unknown tier "ultra" (want fast, standard or premium)
//
// Rejected: anything but one JSON object (trailing data included), unknown
// or repeated fields (names match exactly, case included), values of the
// wrong JSON type, amounts written as JSON numbers instead of strings,
// null where a value is required, and everything Validate rejects.
func DecodeProfile(data []byte) (Profile, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return Profile{}, &ProfileError{Err: errors.New("is empty (want a JSON object)")}
	}
	if len(data) > ProfileMaxBytes {
		return Profile{}, &ProfileError{Err: fmt.Errorf("is larger than %d bytes", ProfileMaxBytes)}
	}
	// First walk the JSON against the schema to find the first problem and
	// its path; encoding/json's own errors do not say which list item.
	w := profileWalker{dec: json.NewDecoder(bytes.NewReader(data))}
	w.dec.UseNumber()
	if err := w.value(walkProfileType, ""); err != nil {
		return Profile{}, err
	}
	if _, err := w.dec.Token(); err != io.EOF {
		return Profile{}, &ProfileError{Profile: w.id, Err: errors.New("has more data after the profile (want one JSON object)")}
	}
	// Then decode for real; after the walk this is not expected to fail.
	var p Profile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return Profile{}, &ProfileError{Profile: w.id, Err: fmt.Errorf("is not valid JSON: %v", err)}
	}
	if err := p.Validate(); err != nil {
		return Profile{}, err
	}
	return p, nil
}

var (
	walkProfileType     = reflect.TypeFor[Profile]()
	walkDecimalType     = reflect.TypeFor[decimal.Decimal]()
	walkNullDecimalType = reflect.TypeFor[decimal.NullDecimal]()
)

// profileWalker reads a profile's JSON token by token along the Go types of
// the schema, keeping the path, and stops at the first value that would not
// decode strictly.
type profileWalker struct {
	dec *json.Decoder
	id  string // the profile's id once read, for messages
}

func (w *profileWalker) fail(path, msg string) error {
	return &ProfileError{Profile: w.id, Path: path, Err: errors.New(msg)}
}

func (w *profileWalker) failf(path, format string, args ...any) error {
	return w.fail(path, fmt.Sprintf(format, args...))
}

func (w *profileWalker) token(path string) (json.Token, error) {
	t, err := w.dec.Token()
	if err == nil {
		return t, nil
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, w.fail(path, "is not valid JSON: unexpected end of input")
	}
	return nil, w.failf(path, "is not valid JSON: %v", strings.TrimPrefix(err.Error(), "json: "))
}

func (w *profileWalker) value(t reflect.Type, path string) error {
	tok, err := w.token(path)
	if err != nil {
		return err
	}
	return w.valueFrom(tok, t, path)
}

// walkTokenKind names a token's JSON type for messages.
func walkTokenKind(tok json.Token) string {
	switch tok.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "true or false"
	case json.Delim:
		if tok == json.Delim('[') {
			return "a list"
		}
		return "an object"
	}
	return "a value"
}

func (w *profileWalker) valueFrom(tok json.Token, t reflect.Type, path string) error {
	if t == walkNullDecimalType && tok == nil {
		return nil
	}
	if t == walkDecimalType || t == walkNullDecimalType {
		s, ok := tok.(string)
		if !ok {
			return w.failf(path, "must be a number in a string, like \"15.00\" (got %s)", walkTokenKind(tok))
		}
		if _, err := decimal.NewFromString(s); err != nil || s == "" || strings.TrimSpace(s) != s {
			return w.failf(path, "%q is not a number (want digits and a point, like \"15.00\")", quoteClip(s))
		}
		return nil
	}
	switch t.Kind() {
	case reflect.Pointer:
		if tok == nil {
			return nil
		}
		return w.valueFrom(tok, t.Elem(), path)
	case reflect.Slice:
		if tok == nil {
			return nil
		}
		if tok != json.Delim('[') {
			return w.failf(path, "must be a list (got %s)", walkTokenKind(tok))
		}
		for i := 0; w.dec.More(); i++ {
			if err := w.value(t.Elem(), pathIndex(path, i)); err != nil {
				return err
			}
		}
		_, err := w.token(path)
		return err
	case reflect.Struct:
		if tok != json.Delim('{') {
			return w.failf(path, "must be an object (got %s)", walkTokenKind(tok))
		}
		fields := walkFields(t)
		seen := make(map[string]bool, len(fields))
		for w.dec.More() {
			kt, err := w.token(path)
			if err != nil {
				return err
			}
			key, _ := kt.(string) // object keys are always strings
			fp := pathField(path, key)
			f, known := fields[key]
			switch {
			case !known:
				return w.failf(fp, "unknown field %q", quoteClip(key))
			case seen[key]:
				return w.failf(fp, "field %q appears twice", key)
			}
			seen[key] = true
			if err := w.value(f, fp); err != nil {
				return err
			}
		}
		_, err := w.token(path)
		return err
	case reflect.String:
		s, ok := tok.(string)
		if !ok {
			return w.failf(path, "must be a string (got %s)", walkTokenKind(tok))
		}
		if path == "id" {
			w.id = s
		}
		return nil
	case reflect.Int:
		n, ok := tok.(json.Number)
		if !ok {
			return w.failf(path, "must be a whole number (got %s)", walkTokenKind(tok))
		}
		if _, err := strconv.Atoi(string(n)); err != nil {
			if errors.Is(err, strconv.ErrRange) {
				return w.fail(path, "is too large")
			}
			return w.failf(path, "%s is not a whole number", quoteClip(string(n)))
		}
		return nil
	case reflect.Bool:
		if _, ok := tok.(bool); !ok {
			return w.failf(path, "must be true or false (got %s)", walkTokenKind(tok))
		}
		return nil
	}
	return w.failf(path, "cannot read a %s", t)
}

// walkFieldsCache holds walkFields' answers: reflect.Type → map[string]reflect.Type.
var walkFieldsCache sync.Map

// walkFields maps the JSON names of struct t's fields to their types.
func walkFields(t reflect.Type) map[string]reflect.Type {
	if m, ok := walkFieldsCache.Load(t); ok {
		return m.(map[string]reflect.Type)
	}
	m := make(map[string]reflect.Type, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch name {
		case "-":
			continue
		case "":
			name = f.Name
		}
		m[name] = f.Type
	}
	walkFieldsCache.Store(t, m)
	return m
}
