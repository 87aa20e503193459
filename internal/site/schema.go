package site

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/aivc/aivc/pricing"
	json "github.com/goccy/go-json"
	"github.com/shopspring/decimal"
)

// The catalog's public files, written at the root of the site:
//
//   - catalog.schema.json: the JSON Schema (draft 2020-12) of one profile,
//     the format of pricing/catalog/*.json and of a profile exported from
//     /profiles. It is derived from pricing's Go types (the same walk
//     pricing.DecodeProfile does), so it cannot drift from the decoder; a
//     test validates every catalog file against it.
//   - catalog.json: every bundled profile, {"profiles": [...]}, sorted by id,
//     each in that schema.
//
// They are built natively, with goccy/go-json (the project's JSON library
// for native code; it would add 0.7 MB brotli to app.wasm, where go-app
// already links encoding/json), never in app.wasm.
const (
	SchemaFile  = "catalog.schema.json"
	CatalogFile = "catalog.json"
)

// writeCatalogFiles writes catalog.schema.json and catalog.json into out.
func writeCatalogFiles(out, domain string) error {
	schema, err := CatalogSchema(domain)
	if err != nil {
		return err
	}
	feed, err := CatalogFeed()
	if err != nil {
		return err
	}
	for name, data := range map[string][]byte{SchemaFile: schema, CatalogFile: feed} {
		if err := os.WriteFile(filepath.Join(out, name), data, 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", name, err)
		}
	}
	return nil
}

// CatalogFeed returns catalog.json: every bundled profile, indented.
func CatalogFeed() ([]byte, error) {
	ps, err := pricing.Catalog()
	if err != nil {
		return nil, err
	}
	data, err := json.MarshalIndent(struct {
		Profiles []pricing.Profile `json:"profiles"`
	}{ps}, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// Patterns of the schema's strings.
const (
	// amountPattern: a decimal in a string, at most
	// pricing.ProfileMaxIntDigits before the point and ProfileMaxFracDigits
	// after it; no sign, exponent or grouping.
	amountPattern = `^[0-9]{1,15}(\.[0-9]{1,16})?$`
	idPattern     = `^[a-z0-9]+(-[a-z0-9]+)*$`
	datePattern   = `^([0-9]{4}-[0-9]{2}-[0-9]{2})?$`
)

// schemaEnums are the values of pricing's named string types. The empty
// evidence is a custom profile's source left empty.
var schemaEnums = map[reflect.Type][]string{
	reflect.TypeFor[pricing.Tier]():         {string(pricing.TierFast), string(pricing.TierStandard), string(pricing.TierPremium)},
	reflect.TypeFor[pricing.Evidence]():     {string(pricing.EvidenceOfficial), string(pricing.EvidenceSecondary), string(pricing.EvidenceDerived), ""},
	reflect.TypeFor[pricing.ProfileKind]():  {string(pricing.KindCredits), string(pricing.KindAPI)},
	reflect.TypeFor[pricing.FreePeriod]():   {string(pricing.FreeOnce), string(pricing.FreeDay), string(pricing.FreeMonth)},
	reflect.TypeFor[pricing.AudioSupport](): {string(pricing.AudioNone), string(pricing.AudioIncluded), string(pricing.AudioAddon), string(pricing.AudioUnpriced)},
	reflect.TypeFor[pricing.AddonKind]():    {string(pricing.AddonAudio), string(pricing.AddonUpscale), string(pricing.AddonLipSync), string(pricing.AddonExtend)},
	reflect.TypeFor[pricing.Resolution]():   resolutions(),
}

// schemaNotes describe a named type where its values alone would mislead:
// an audio left out is not stated, not silent.
var schemaNotes = map[reflect.Type]string{
	reflect.TypeFor[pricing.AudioSupport](): "Whether the model makes native audio, as its sources state: " +
		"none (a source says it makes none), included (in its price), addon (an add-on of kind audio " +
		"prices it) or unpriced (it makes audio, but no source gives its price with audio). Left out when " +
		"no source says whether it makes audio: the model is not said to be silent, and a shot with audio " +
		"is not priced on it.",
}

func resolutions() []string {
	out := make([]string, len(pricing.Resolutions))
	for i, r := range pricing.Resolutions {
		out[i] = string(r)
	}
	return out
}

// CatalogSchema returns catalog.schema.json. domain, when set, makes its
// $id absolute ("https://calc.example.com/catalog.schema.json").
func CatalogSchema(domain string) ([]byte, error) {
	g := schemaGen{defs: map[string]any{}}
	root := g.object(reflect.TypeFor[pricing.Profile]())
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	if domain != "" {
		root["$id"] = "https://" + domain + "/" + SchemaFile
	}
	root["title"] = "AIVC platform profile"
	root["description"] = "One credit economy of one AI video platform, as in AIVC's catalog " +
		"(pricing/catalog/*.json) and in a profile exported from /profiles. Money and credits are " +
		"decimal numbers written as strings (\"15.00\"). AIVC also checks rules a schema cannot " +
		"(unique ids, one pricing rule per rate, every offered clip length priced); its importer " +
		"names the field of any broken rule."
	root["$defs"] = g.defs
	data, err := json.MarshalIndent(root, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// schemaGen turns Go types into schemas, one $defs entry per struct type.
type schemaGen struct {
	defs map[string]any
}

var (
	decimalType     = reflect.TypeFor[decimal.Decimal]()
	nullDecimalType = reflect.TypeFor[decimal.NullDecimal]()
	currencyType    = reflect.TypeFor[pricing.Currency]()
)

// schema returns the schema of t. field is the JSON name of the field it
// is the type of, for the patterns ids and dates get.
func (g *schemaGen) schema(t reflect.Type, field string) map[string]any {
	switch {
	case t == decimalType:
		return map[string]any{"type": "string", "pattern": amountPattern}
	case t == nullDecimalType:
		return map[string]any{"type": []any{"string", "null"}, "pattern": amountPattern}
	case t == currencyType:
		return map[string]any{"type": "string", "pattern": "^[A-Z]{3}$"}
	}
	if enum, ok := schemaEnums[t]; ok {
		vals := make([]any, len(enum))
		for i, v := range enum {
			vals[i] = v
		}
		s := map[string]any{"type": "string", "enum": vals}
		if note, ok := schemaNotes[t]; ok {
			s["description"] = note
		}
		return s
	}
	switch t.Kind() {
	case reflect.Pointer:
		s := g.schema(t.Elem(), field)
		if ref, ok := s["$ref"]; ok {
			return map[string]any{"anyOf": []any{map[string]any{"$ref": ref}, map[string]any{"type": "null"}}}
		}
		return s
	case reflect.Slice:
		item := field
		if field == "plans" && t.Elem().Kind() == reflect.String {
			item = "id" // Model.Plans lists plan ids
		}
		return map[string]any{"type": []any{"array", "null"}, "items": g.schema(t.Elem(), item)}
	case reflect.Struct:
		name := t.Name()
		if _, done := g.defs[name]; !done {
			g.defs[name] = g.object(t)
		}
		return map[string]any{"$ref": "#/$defs/" + name}
	case reflect.String:
		s := map[string]any{"type": "string"}
		switch field {
		case "id":
			s["pattern"] = idPattern
			s["maxLength"] = pricing.ProfileMaxID
		case "read":
			s["pattern"] = datePattern
		}
		return s
	case reflect.Int:
		return map[string]any{"type": "integer", "minimum": 0}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	}
	return map[string]any{}
}

// object returns the schema of a struct: its fields, no others, and the
// fields always written (no omitempty) that are not lists, pointers or
// nullable amounts as required.
func (g *schemaGen) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []any
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		props[name] = g.schema(f.Type, name)
		omit := strings.Contains(opts, "omitempty")
		k := f.Type.Kind()
		if !omit && f.Type != nullDecimalType && k != reflect.Pointer && k != reflect.Slice {
			required = append(required, name)
		}
	}
	s := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		s["required"] = required
	}
	return s
}
