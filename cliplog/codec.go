package cliplog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/aivc/aivc/pricing"
)

// This file holds the JSON shapes: the compact record of one entry in
// storage, the readable entry of a backup, and plans, settings and meta
// (the same in storage and in a backup). Amounts are JSON strings in plain
// decimal notation (pricing.Exact), never JSON numbers.

// Storage keys (see the package documentation).
const (
	MetaKey       = "aivc.log.meta"        // {"schema":1}
	LegacyKey     = "aivc.log"             // schema 0: one JSON array of every entry
	prefix        = "aivc.log."            // every key of the log
	v1Prefix      = "aivc.log.v1."         // every key of schema 1
	EntryPrefix   = "aivc.log.v1.e."       // + entry ID
	PlanPrefix    = "aivc.log.v1.p."       // + profile ID
	SettingsKey   = "aivc.log.v1.settings" // Settings
	CorruptPrefix = "aivc.log.v1.corrupt." // + what was set aside
	// SchemaVersion is the layout this package reads and writes.
	SchemaVersion = 1
)

// EntryKey returns the storage key of entry id.
func EntryKey(id string) string { return EntryPrefix + id }

// PlanKey returns the storage key of the plan for profile id.
func PlanKey(profileID string) string { return PlanPrefix + profileID }

// storedEntry is one entry in storage: short names and no empty fields,
// because localStorage holds about 5 million characters for the whole site.
// The ID is the key's; Cost is derived on load; Updated is omitted when it
// equals Created.
type storedEntry struct {
	_           pricing.NotComparable
	Date        string `json:"d"`
	ProfileID   string `json:"p"`
	ProfileName string `json:"pn,omitempty"`
	PlanID      string `json:"pl,omitempty"`
	ModelID     string `json:"m"`
	ModelName   string `json:"mn,omitempty"`
	Res         string `json:"r,omitempty"`
	Seconds     string `json:"s"`
	Credits     string `json:"c"`
	Currency    string `json:"cu"`
	Price       string `json:"pc"`
	Kept        bool   `json:"k,omitempty"`
	Addons      string `json:"a,omitempty"`
	Project     string `json:"pj,omitempty"`
	Client      string `json:"cl,omitempty"`
	Note        string `json:"n,omitempty"`
	Created     string `json:"t"`
	Updated     string `json:"u,omitempty"`
}

func encodeStored(e Entry) string {
	s := storedEntry{
		Date: e.Date, ProfileID: e.ProfileID, ProfileName: e.ProfileName, PlanID: e.PlanID,
		ModelID: e.ModelID, ModelName: e.ModelName, Res: string(e.Res),
		Seconds: pricing.Exact(e.Seconds), Credits: pricing.Exact(e.Credits),
		Currency: string(e.PricePerCredit.Currency), Price: pricing.Exact(e.PricePerCredit.Amount),
		Kept: e.Kept, Addons: joinAddons(e.Addons), Project: e.Project, Client: e.Client, Note: e.Note, Created: e.Created,
	}
	if e.Updated != e.Created {
		s.Updated = e.Updated
	}
	// json.Marshal escapes <, > and &, as go-app's storage would: the text
	// stored is the text written.
	b, _ := json.Marshal(s) // strings and a bool: cannot fail
	return string(b)
}

// decodeStored reads the record of entry id. Amounts must be in the exact
// form encodeStored writes, so any other text is reported as corrupt.
func decodeStored(id, v string) (Entry, error) {
	s, ok := decodeFlat(v)
	if !ok {
		s = storedEntry{}
		if err := strictJSON([]byte(v), &s); err != nil {
			return Entry{}, err
		}
	}
	e := Entry{
		ID: id, Date: s.Date, ProfileID: s.ProfileID, ProfileName: s.ProfileName, PlanID: s.PlanID,
		ModelID: s.ModelID, ModelName: s.ModelName, Res: pricing.Resolution(s.Res),
		Kept: s.Kept, Addons: splitAddons(s.Addons), Project: s.Project, Client: s.Client, Note: s.Note,
		Created: s.Created, Updated: s.Updated,
	}
	var err error
	if e.Seconds, err = canonical(FieldSeconds, s.Seconds); err != nil {
		return Entry{}, err
	}
	if e.Credits, err = canonical(FieldCredits, s.Credits); err != nil {
		return Entry{}, err
	}
	price, err := canonical(FieldPricePerCredit, s.Price)
	if err != nil {
		return Entry{}, err
	}
	e.PricePerCredit = pricing.NewMoney(price, pricing.Currency(s.Currency))
	e = e.Derive()
	// canonical already holds the amounts to pricing's limits.
	if err := e.validate(false); err != nil {
		return Entry{}, err
	}
	return e, nil
}

// canonical parses an amount that must be in the plain decimal form
// pricing.Exact writes ("0", "12", "0.012": no sign, no exponent, no
// leading or trailing zeros), within pricing's digit limits.
func canonical(field, s string) (decimal.Decimal, error) {
	intPart, frac, hasDot := strings.Cut(s, ".")
	ok := intPart != "" && len(intPart) <= pricing.MaxIntegerDigits && len(frac) <= pricing.MaxFractionDigits &&
		(intPart == "0" || intPart[0] != '0') && (!hasDot || frac != "" && frac[len(frac)-1] != '0')
	for i := 0; ok && i < len(intPart); i++ {
		ok = intPart[i] >= '0' && intPart[i] <= '9'
	}
	for i := 0; ok && i < len(frac); i++ {
		ok = frac[i] >= '0' && frac[i] <= '9'
	}
	if !ok {
		return decimal.Decimal{}, inputErr(field, clip(s), pricing.ErrNotNumber)
	}
	return decimal.NewFromString(s)
}

// strictJSON decodes one JSON value into v, refusing unknown fields and
// anything after the value.
func strictJSON(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(err)
	}
	if dec.More() {
		return errors.New("unexpected text after the value")
	}
	if _, err := dec.Token(); err == nil {
		return errors.New("unexpected text after the value")
	}
	return nil
}

// jsonError rewords encoding/json's errors for people.
func jsonError(err error) error {
	if te, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
		if te.Field != "" {
			return fmt.Errorf("%s has the wrong type (%s, expected %s)", fieldLabel(te.Field), te.Value, jsonKind(te.Type.Kind().String()))
		}
		return fmt.Errorf("expected %s, found %s", jsonKind(te.Type.Kind().String()), te.Value)
	}
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		return fmt.Errorf("unknown field %s", rest)
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("the text ends too early")
	}
	return errors.New(strings.TrimPrefix(msg, "json: "))
}

func jsonKind(k string) string {
	switch k {
	case "string":
		return "text in quotes"
	case "bool":
		return "true or false"
	case "slice":
		return "a list"
	case "struct", "map":
		return "an object"
	}
	return k
}

// fieldLabel names a JSON field of a backup for a person.
func fieldLabel(f string) string {
	if i := strings.LastIndexByte(f, '.'); i >= 0 {
		f = f[i+1:]
	}
	if l, ok := lookup(backupLabels, f); ok {
		return l
	}
	return `"` + f + `"`
}

var backupLabels = [][2]string{
	{"id", FieldID}, {"date", FieldDate}, {"profile_id", FieldProfileID}, {"profile_name", FieldProfileName},
	{"plan_id", FieldPlanID}, {"model_id", FieldModelID}, {"model_name", FieldModelName}, {"res", FieldRes},
	{"seconds", FieldSeconds}, {"credits", FieldCredits}, {"currency", FieldCurrency},
	{"price_per_credit", FieldPricePerCredit}, {"cost", FieldCost}, {"kept", FieldKept},
	{"project", FieldProject}, {"client", FieldClient}, {"note", FieldNote},
	{"created", FieldCreated}, {"updated", FieldUpdated}, {"addons", FieldAddons},
}

// lookup returns the value paired with key in pairs. The short tables of
// this package are lists, not maps: a map literal is built by code at
// start-up (~240 bytes of wasm an entry), a list of constants is data.
func lookup(pairs [][2]string, key string) (string, bool) {
	for _, p := range pairs {
		if p[0] == key {
			return p[1], true
		}
	}
	return "", false
}

// backupEntry is one entry of a JSON backup: every field, always, in this
// order. Amounts are amountText so that a hand-edited backup may write
// them as JSON numbers; export writes strings.
type backupEntry struct {
	_              pricing.NotComparable
	ID             string     `json:"id"`
	Date           string     `json:"date"`
	ProfileID      string     `json:"profile_id"`
	ProfileName    string     `json:"profile_name"`
	PlanID         string     `json:"plan_id"`
	ModelID        string     `json:"model_id"`
	ModelName      string     `json:"model_name"`
	Res            string     `json:"res"`
	Seconds        amountText `json:"seconds"`
	Credits        amountText `json:"credits"`
	Currency       string     `json:"currency"`
	PricePerCredit amountText `json:"price_per_credit"`
	Cost           amountText `json:"cost"`
	Kept           bool       `json:"kept"`
	Project        string     `json:"project"`
	Client         string     `json:"client"`
	Note           string     `json:"note"`
	Created        string     `json:"created"`
	Updated        string     `json:"updated"`
	// Addons is left out when there are none, as backups before it.
	Addons string `json:"addons,omitempty"`
}

// amountText is an amount as written in JSON: a string, or a number whose
// literal text is kept as is (never read as a float).
type amountText string

func (a *amountText) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*a = amountText(s)
		return nil
	}
	if string(b) == "null" {
		*a = ""
		return nil
	}
	if len(b) > 0 && (b[0] == '-' || b[0] >= '0' && b[0] <= '9') {
		*a = amountText(b)
		return nil
	}
	// Named as encoding/json names a value's kind ("Kept has the wrong
	// type (string, …)"); it said "value" whatever was there.
	kind := "bool"
	switch {
	case len(b) > 0 && b[0] == '{':
		kind = "object"
	case len(b) > 0 && b[0] == '[':
		kind = "array"
	}
	return &json.UnmarshalTypeError{Value: kind, Type: amountType}
}

var amountType = reflect.TypeOf("")

func toBackupEntry(e Entry) backupEntry {
	return backupEntry{
		ID: e.ID, Date: e.Date, ProfileID: e.ProfileID, ProfileName: e.ProfileName,
		PlanID: e.PlanID, ModelID: e.ModelID, ModelName: e.ModelName, Res: string(e.Res),
		Seconds: amountText(pricing.Exact(e.Seconds)), Credits: amountText(pricing.Exact(e.Credits)),
		Currency: string(e.PricePerCredit.Currency), PricePerCredit: amountText(pricing.Exact(e.PricePerCredit.Amount)),
		Cost: amountText(pricing.Exact(e.Cost.Amount)), Kept: e.Kept,
		Project: e.Project, Client: e.Client, Note: e.Note, Created: e.Created, Updated: e.Updated,
		Addons: joinAddons(e.Addons),
	}
}

// fromBackupEntry builds and validates an entry; errs gets every problem.
func fromBackupEntry(b backupEntry) (Entry, []error) {
	var errs []error
	// Trimmed as a CSV's are (entryFromCells), so that a backup edited by
	// hand groups its clips as the page does, and a clip's CSV imports as
	// its backup does.
	trim := strings.TrimSpace
	e := Entry{
		ID: b.ID, Date: b.Date, ProfileID: trim(b.ProfileID), ProfileName: b.ProfileName, PlanID: trim(b.PlanID),
		ModelID: trim(b.ModelID), ModelName: b.ModelName, Res: pricing.Resolution(b.Res), Kept: b.Kept,
		Project: trim(b.Project), Client: trim(b.Client), Note: b.Note, Created: b.Created, Updated: b.Updated,
		Addons: splitAddons(b.Addons),
	}
	var err error
	if e.Seconds, err = pricing.ParsePositiveIn(FieldSeconds, string(b.Seconds), pricing.UnitSeconds); err != nil {
		errs = append(errs, err)
	}
	// The price first: an API clip's credits are money (ParseCredits).
	price, priceErr := pricing.ParseIn(FieldPricePerCredit, string(b.PricePerCredit), pricing.UnitMoney)
	e.PricePerCredit = pricing.NewMoney(price, pricing.Currency(b.Currency))
	if e.Credits, err = ParseCredits(string(b.Credits), e.PricePerCredit); err != nil {
		errs = append(errs, err)
	}
	if priceErr != nil {
		errs = append(errs, priceErr)
	}
	if len(errs) > 0 {
		return e, errs
	}
	e = e.Derive()
	if err := checkCost(e, string(b.Cost)); err != nil {
		errs = append(errs, err)
	}
	return e, append(errs, validateAll(e)...)
}

// checkCost compares a cost written in a file with Credits × PricePerCredit;
// an empty cost is computed. They need agree only to 15 significant
// digits, as far as a spreadsheet keeps numbers: the log's own export,
// saved unchanged by one, wrote 0.431666666666666 for 35 × 0.0123333333333333
// = 0.4316666666666655, and the file was refused.
func checkCost(e Entry, cost string) error {
	if strings.TrimSpace(cost) == "" {
		return nil
	}
	c, err := parseCost(cost)
	if err != nil {
		return err
	}
	if c.Sub(e.Cost.Amount).Abs().GreaterThan(e.Cost.Amount.Abs().Mul(spreadsheetPrecision)) {
		return inputErr(FieldCost, clip(cost), fmt.Errorf("%w (%s × %s = %s); leave it empty to compute it",
			ErrCostMismatch, pricing.Exact(e.Credits), pricing.Exact(e.PricePerCredit.Amount), pricing.Exact(e.Cost.Amount)))
	}
	return nil
}

// spreadsheetPrecision is how far apart, relatively, a cost from a file and
// the cost computed may be: two numbers of 15 significant digits each.
var spreadsheetPrecision = decimal.New(1, -14)

// parseCost reads a cost as ParseAmount does, but with up to twice
// pricing.MaxFractionDigits decimal places in plain notation, as an exact
// product of credits and a price per credit can have.
func parseCost(s string) (decimal.Decimal, error) {
	c, err := pricing.ParseIn(FieldCost, s, pricing.UnitMoney)
	if !errors.Is(err, pricing.ErrTooPrecise) {
		return c, err
	}
	t := strings.TrimSpace(s)
	dot := strings.IndexByte(t, '.')
	if dot < 1 || len(t)-dot-1 > 2*pricing.MaxFractionDigits || dot > pricing.MaxIntegerDigits {
		return decimal.Decimal{}, err
	}
	for i := 0; i < len(t); i++ {
		if i != dot && (t[i] < '0' || t[i] > '9') {
			return decimal.Decimal{}, err
		}
	}
	return decimal.NewFromString(t)
}

// marshal is json.Marshal without HTML escaping, so that a backup shows
// "Beta & Co" as typed.
func marshal(v any) ([]byte, error) {
	// json.Marshal and unescapeHTML, not an Encoder with SetEscapeHTML(false):
	// Encoder.Encode brings the indenter (~9 KB of app.wasm) with it.
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return unescapeHTML(b), nil
}

// unescapeHTML undoes json.Marshal's escapes of <, > and & (\u003c, \u003e,
// \u0026) in b, in place; every other escape is kept as it is.
func unescapeHTML(b []byte) []byte {
	out := b[:0]
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '\\' {
			switch string(b[i:min(i+6, len(b))]) {
			case `\u003c`:
				c, i = '<', i+5
			case `\u003e`:
				c, i = '>', i+5
			case `\u0026`:
				c, i = '&', i+5
			default: // another escape, kept whole: \\ stays \\
				out = append(out, c)
				i++
				c = b[i]
			}
		}
		out = append(out, c)
	}
	return out
}

// validateAll returns every field problem of e, not only the first, by
// validating it again with each bad field mended.
func validateAll(e Entry) []error {
	var errs []error
	for range 32 {
		err := e.Validate()
		if err == nil {
			return errs
		}
		errs = append(errs, err)
		ie, ok := errors.AsType[*pricing.InputError](err)
		if !ok || !mend(&e, ie.Field) {
			return errs
		}
	}
	return errs
}

// mend replaces field with a valid placeholder so validation can go on.
func mend(e *Entry, field string) bool {
	switch field {
	case FieldID:
		e.ID = "x"
	case FieldDate:
		e.Date = "2000-01-01"
	case FieldProfileID:
		e.ProfileID = "x"
	case FieldProfileName:
		e.ProfileName = ""
	case FieldPlanID:
		e.PlanID = ""
	case FieldModelID:
		e.ModelID = "x"
	case FieldModelName:
		e.ModelName = ""
	case FieldRes:
		e.Res = ""
	case FieldSeconds:
		e.Seconds = decimal.NewFromInt(1)
	case FieldCredits:
		e.Credits = decimal.Zero
	case FieldCurrency:
		e.PricePerCredit.Currency = "USD"
	case FieldPricePerCredit:
		e.PricePerCredit.Amount = decimal.Zero
	case FieldProject:
		e.Project = ""
	case FieldClient:
		e.Client = ""
	case FieldNote:
		e.Note = ""
	case FieldCreated:
		e.Created = "2000-01-01T00:00:00Z"
	case FieldUpdated:
		e.Updated = "2000-01-01T00:00:00Z"
	case FieldAddons:
		e.Addons = nil
	default:
		return false
	}
	e.Cost = CostOf(e.Credits, e.PricePerCredit)
	return true
}

// planJSON is a MyPlan in storage and in a backup.
type planJSON struct {
	_         pricing.NotComparable
	ProfileID string `json:"profile_id"`
	PlanID    string `json:"plan_id,omitempty"`
	Billing   string `json:"billing,omitempty"`
	Price     string `json:"price,omitempty"`
	Currency  string `json:"currency,omitempty"`
	Credits   string `json:"credits,omitempty"`
}

func toPlanJSON(p MyPlan) planJSON {
	j := planJSON{ProfileID: p.ProfileID, PlanID: p.PlanID, Billing: string(p.Billing)}
	if p.Custom() {
		j.Price = pricing.Exact(p.Price.Amount)
		j.Currency = string(p.Price.Currency)
		j.Credits = pricing.Exact(p.Credits)
	}
	return j
}

func fromPlanJSON(j planJSON) (MyPlan, error) {
	p := MyPlan{ProfileID: j.ProfileID, PlanID: j.PlanID, Billing: Billing(j.Billing)}
	if j.PlanID == "" {
		price, err := pricing.ParseIn("Price", j.Price, pricing.UnitMoney)
		if err != nil {
			return p, err
		}
		credits, err := pricing.ParsePositiveIn("Credits", j.Credits, pricing.UnitCredits)
		if err != nil {
			return p, err
		}
		p.Price = pricing.NewMoney(price, pricing.Currency(j.Currency))
		p.Credits = credits
	} else if j.Price != "" || j.Currency != "" || j.Credits != "" {
		return p, inputErr(FieldPlanID, clip(j.PlanID), ErrBadPlan)
	}
	return p, p.Validate()
}

func encodePlan(p MyPlan) string {
	b, _ := json.Marshal(toPlanJSON(p))
	return string(b)
}

func decodePlan(key, v string) (MyPlan, error) {
	var j planJSON
	if err := strictJSON([]byte(v), &j); err != nil {
		return MyPlan{}, err
	}
	p, err := fromPlanJSON(j)
	if err != nil {
		return MyPlan{}, err
	}
	if PlanKey(p.ProfileID) != key {
		return MyPlan{}, fmt.Errorf("plan for %q stored under another key", p.ProfileID)
	}
	return p, nil
}

// settingsJSON is Settings in storage and in a backup.
type settingsJSON struct {
	_          pricing.NotComparable
	Display    string     `json:"display,omitempty"`
	Rates      *ratesJSON `json:"rates,omitempty"`
	LastExport string     `json:"last_export,omitempty"`
}

type ratesJSON struct {
	Base   string            `json:"base"`
	Date   string            `json:"date,omitempty"`
	Source string            `json:"source,omitempty"`
	Per    map[string]string `json:"per"` // encoding/json writes map keys sorted
}

func toSettingsJSON(s Settings) settingsJSON {
	j := settingsJSON{Display: string(s.Display), LastExport: s.LastExport}
	if s.Rates.Base != "" || len(s.Rates.Per) > 0 {
		r := &ratesJSON{Base: string(s.Rates.Base), Date: s.Rates.Date, Source: s.Rates.Source, Per: map[string]string{}}
		for c, v := range s.Rates.Per {
			r.Per[string(c)] = pricing.Exact(v)
		}
		j.Rates = r
	}
	return j
}

func fromSettingsJSON(j settingsJSON) (Settings, error) {
	s := Settings{Display: pricing.Currency(j.Display), LastExport: j.LastExport}
	if j.Rates != nil {
		s.Rates = pricing.Rates{Base: pricing.Currency(j.Rates.Base), Date: j.Rates.Date, Source: j.Rates.Source,
			Per: map[pricing.Currency]decimal.Decimal{}}
		if len(j.Rates.Per) > 200 {
			return s, inputErr("Rates", "", ErrTooLong)
		}
		for c, v := range j.Rates.Per {
			d, err := pricing.ParseRate("Rate for "+clip(c), v, s.Rates.Base, pricing.Currency(c))
			if err != nil {
				return s, err
			}
			s.Rates.Per[pricing.Currency(c)] = d
		}
	}
	return s, s.Validate()
}

func encodeSettings(s Settings) string {
	b, _ := json.Marshal(toSettingsJSON(s))
	return string(b)
}

func decodeSettings(v string) (Settings, error) {
	var j settingsJSON
	if err := strictJSON([]byte(v), &j); err != nil {
		return Settings{}, err
	}
	return fromSettingsJSON(j)
}

// metaJSON is the value of MetaKey.
type metaJSON struct {
	Schema int `json:"schema"`
}

// quarantined is the value under a CorruptPrefix key.
type quarantined struct {
	_     pricing.NotComparable
	Key   string `json:"key"`   // where the value was found
	Error string `json:"error"` // why it could not be read
	Raw   string `json:"raw"`   // the value, unchanged
}

// decodeFlat reads the compact form encodeStored writes (no spaces, string
// values, "k" a bool) without reflection, which makes loading a large log
// several times faster. ok is false for anything else, and the caller then
// decodes with encoding/json, so the result never differs from it.
func decodeFlat(v string) (s storedEntry, ok bool) {
	if len(v) < 2 || v[0] != '{' || v[len(v)-1] != '}' {
		return s, false
	}
	if v == "{}" {
		return s, true
	}
	var seen [18]bool
	i := 1
	for {
		// "key":
		if i >= len(v) || v[i] != '"' {
			return s, false
		}
		end := strings.IndexByte(v[i+1:], '"')
		if end < 0 {
			return s, false
		}
		key := v[i+1 : i+1+end]
		i += end + 2
		if i >= len(v) || v[i] != ':' {
			return s, false
		}
		i++
		f, slot := s.field(key)
		if slot < 0 || seen[slot] {
			return s, false
		}
		seen[slot] = true
		if f == nil { // "k"
			switch {
			case strings.HasPrefix(v[i:], "true"):
				s.Kept, i = true, i+4
			case strings.HasPrefix(v[i:], "false"):
				s.Kept, i = false, i+5
			default:
				return s, false
			}
		} else {
			if i >= len(v) || v[i] != '"' {
				return s, false
			}
			j, esc := i+1, false
			for ; j < len(v) && v[j] != '"'; j++ {
				switch {
				case v[j] < 0x20:
					return s, false
				case v[j] == '\\':
					esc = true
					j++
				}
			}
			if j >= len(v) {
				return s, false
			}
			str := v[i+1 : j]
			if esc {
				if json.Unmarshal([]byte(v[i:j+1]), &str) != nil {
					return s, false
				}
			}
			if !utf8.ValidString(str) {
				return s, false
			}
			*f = str
			i = j + 1
		}
		if i >= len(v) {
			return s, false
		}
		if v[i] == '}' {
			return s, i == len(v)-1
		}
		if v[i] != ',' {
			return s, false
		}
		i++
	}
}

// field returns the string field of a compact key, nil for "k", and a slot
// number (-1: unknown key).
func (s *storedEntry) field(key string) (*string, int) {
	switch key {
	case "d":
		return &s.Date, 0
	case "p":
		return &s.ProfileID, 1
	case "pn":
		return &s.ProfileName, 2
	case "pl":
		return &s.PlanID, 3
	case "m":
		return &s.ModelID, 4
	case "mn":
		return &s.ModelName, 5
	case "r":
		return &s.Res, 6
	case "s":
		return &s.Seconds, 7
	case "c":
		return &s.Credits, 8
	case "cu":
		return &s.Currency, 9
	case "pc":
		return &s.Price, 10
	case "k":
		return nil, 11
	case "pj":
		return &s.Project, 12
	case "cl":
		return &s.Client, 13
	case "n":
		return &s.Note, 14
	case "t":
		return &s.Created, 15
	case "u":
		return &s.Updated, 16
	case "a":
		return &s.Addons, 17
	}
	return nil, -1
}

// sameJSON reports whether two stored values hold the same JSON, so that a
// Store that re-encodes what it is given (escaping, spacing) still reads
// back "as written".
func sameJSON(a, b string) bool {
	if a == b {
		return true
	}
	var x, y any
	if json.Unmarshal([]byte(a), &x) != nil || json.Unmarshal([]byte(b), &y) != nil {
		return false
	}
	return reflect.DeepEqual(x, y)
}
