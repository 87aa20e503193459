package cliplog

import (
	"encoding/hex"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/aivc/aivc/pricing"
)

// Field labels, as errors name them ("Seconds must be a number, like 30 or
// 1,200.50"). The page uses the same words beside its inputs.
const (
	FieldID             = "ID"
	FieldDate           = "Date"
	FieldProfileID      = "Platform"
	FieldProfileName    = "Platform name"
	FieldPlanID         = "Plan"
	FieldModelID        = "Model"
	FieldModelName      = "Model name"
	FieldRes            = "Resolution"
	FieldSeconds        = "Seconds"
	FieldCredits        = "Credits used"
	FieldCurrency       = "Currency"
	FieldPricePerCredit = "Price per credit"
	FieldCost           = "Cost"
	FieldKept           = "Kept"
	FieldProject        = "Project"
	FieldClient         = "Client"
	FieldNote           = "Note"
	FieldCreated        = "Created"
	FieldUpdated        = "Updated"
	FieldAddons         = "Add-ons"
)

// Text limits, in bytes of UTF-8.
const (
	MaxNameLen = 200  // names, project, client, ids of profiles, plans, models
	MaxNoteLen = 2000 // note
	maxIDLen   = 64
)

// maxSeconds is the longest clip a log entry takes: a day (86,400 s).
var maxSeconds = decimal.NewFromInt(86400)

// Entry is one logged clip. It is a value: methods never change it, and the
// Log stores a copy.
//
// Credits are the units the platform charged for the clip and
// PricePerCredit what one unit cost on the plan it was made on, so Cost =
// Credits × PricePerCredit exactly (no rounding). In an API profile, whose
// units are money (see pricing.Model), Credits is the money charged and
// PricePerCredit is 1 of its currency (APIPrice).
//
// Compare entries with Equal: == is not allowed, since it would compare
// the decimals' inner pointers, not their values.
type Entry struct {
	_              pricing.NotComparable
	ID             string             // stable and unique: NewID
	Date           string             // the day the clip was made, YYYY-MM-DD
	ProfileID      string             // pricing.Profile.ID ("runway")
	ProfileName    string             // as shown when logged ("Runway (app)")
	PlanID         string             // the plan it was priced at, if any
	ModelID        string             // pricing.Model.ID
	ModelName      string             // as shown when logged
	Res            pricing.Resolution // "" when not said
	Seconds        decimal.Decimal    // clip length, > 0
	Credits        decimal.Decimal    // units used, >= 0
	PricePerCredit pricing.Money      // price of one unit, >= 0; its currency is the entry's
	Cost           pricing.Money      // Credits × PricePerCredit (Derive)
	Kept           bool               // kept, or rejected (a retake)
	// Addons are the add-ons ticked when the clip was logged (audio,
	// upscale), which its Credits count: none for a clip logged before
	// they were kept with it. Edit shows them as they were.
	Addons  []pricing.AddonKind
	Project string
	Client  string
	Note    string
	Created string // RFC 3339, when it was logged (Timestamp)
	Updated string // RFC 3339, when it was last changed
}

// CostOf returns credits × price, exactly.
func CostOf(credits decimal.Decimal, price pricing.Money) pricing.Money {
	return pricing.NewMoney(credits.Mul(price.Amount), price.Currency)
}

// APIPrice is the PricePerCredit of a clip made on an API profile, whose
// units are money: 1 of currency c.
func APIPrice(c pricing.Currency) pricing.Money {
	return pricing.NewMoney(decimal.NewFromInt(1), c)
}

// ParseCredits reads the credits a clip used, from a file's cell or a
// form: a number, or one with its unit ("50 credits"). Money there ("$5",
// "5 USD") was read as 5 credits: it is refused, naming FieldCredits (an
// *pricing.InputError whose Err is a *pricing.UnitError), unless the
// clip's units are money, an API's (price, its price per credit, is
// APIPrice: 1 of its currency), where an amount in that currency is its
// credits ("$0.96" at 1 USD).
func ParseCredits(s string, price pricing.Money) (decimal.Decimal, error) {
	if price.Amount.Equal(APIPrice(price.Currency).Amount) && price.Currency != "" {
		return pricing.ParsePrice(FieldCredits, s, price.Currency)
	}
	return pricing.ParseIn(FieldCredits, s, pricing.UnitCredits)
}

// Derive returns e with Cost computed from Credits and PricePerCredit, and
// Updated set to Created when it is empty.
func (e Entry) Derive() Entry {
	e.Cost = CostOf(e.Credits, e.PricePerCredit)
	if e.Updated == "" {
		e.Updated = e.Created
	}
	return e
}

// CostPerSecond returns Cost ÷ Seconds at pricing.DivisionScale, and false
// when Seconds is not positive.
func (e Entry) CostPerSecond() (pricing.Money, bool) {
	if !e.Seconds.IsPositive() {
		return pricing.Money{Currency: e.Cost.Currency}, false
	}
	return pricing.NewMoney(e.Cost.Amount.DivRound(e.Seconds, pricing.DivisionScale), e.Cost.Currency), true
}

// Month returns the entry's month, YYYY-MM.
func (e Entry) Month() string {
	if len(e.Date) < 7 {
		return ""
	}
	return e.Date[:7]
}

// Equal reports whether e and o hold the same values, field by field
// (amounts compared as numbers).
func (e Entry) Equal(o Entry) bool {
	return e.ID == o.ID && e.Date == o.Date && e.ProfileID == o.ProfileID &&
		e.ProfileName == o.ProfileName && e.PlanID == o.PlanID && e.ModelID == o.ModelID &&
		e.ModelName == o.ModelName && e.Res == o.Res && e.Seconds.Equal(o.Seconds) &&
		e.Credits.Equal(o.Credits) && moneyEqual(e.PricePerCredit, o.PricePerCredit) &&
		moneyEqual(e.Cost, o.Cost) && e.Kept == o.Kept && e.Project == o.Project &&
		e.Client == o.Client && e.Note == o.Note && e.Created == o.Created && e.Updated == o.Updated &&
		joinAddons(e.Addons) == joinAddons(o.Addons)
}

func moneyEqual(a, b pricing.Money) bool {
	return a.Currency == b.Currency && a.Amount.Equal(b.Amount)
}

// Validate checks every field and returns the first problem as a
// *pricing.InputError naming the field (Field is one of the Field*
// labels): "Seconds must be more than 0", "Date: must be a date like
// 2025-03-01".
func (e Entry) Validate() error { return e.validate(true) }

// validate checks e; amounts says whether to check the amounts' digit
// limits and the cost too (a decoded record's amounts are already held to
// them, and its cost is derived).
func (e Entry) validate(amounts bool) error {
	if err := checkID(FieldID, e.ID); err != nil {
		return err
	}
	if err := checkDate(FieldDate, e.Date); err != nil {
		return err
	}
	for _, f := range []struct {
		label, v string
		need     bool
		max      int
	}{
		{FieldProfileID, e.ProfileID, true, MaxNameLen},
		{FieldProfileName, e.ProfileName, false, MaxNameLen},
		{FieldPlanID, e.PlanID, false, MaxNameLen},
		{FieldModelID, e.ModelID, true, MaxNameLen},
		{FieldModelName, e.ModelName, false, MaxNameLen},
		{FieldProject, e.Project, false, MaxNameLen},
		{FieldClient, e.Client, false, MaxNameLen},
	} {
		if err := checkText(f.label, f.v, f.need, f.max, false); err != nil {
			return err
		}
	}
	if err := checkText(FieldNote, e.Note, false, MaxNoteLen, true); err != nil {
		return err
	}
	if err := checkRes(e.Res); err != nil {
		return err
	}
	if err := checkAddons(e.Addons); err != nil {
		return err
	}
	if amounts {
		if err := checkAmount(FieldSeconds, e.Seconds, true); err != nil {
			return err
		}
		if err := checkAmount(FieldCredits, e.Credits, false); err != nil {
			return err
		}
		if err := checkAmount(FieldPricePerCredit, e.PricePerCredit.Amount, false); err != nil {
			return err
		}
		if want := CostOf(e.Credits, e.PricePerCredit); !moneyEqual(want, e.Cost) {
			return inputErr(FieldCost, pricing.Exact(e.Cost.Amount)+" "+string(e.Cost.Currency), ErrCostMismatch)
		}
		// Credits and a price of 15 digits each can make a cost of 16; the
		// backup's reader refuses it, so it is refused here, where it is
		// made: a CSV imported it, and its JSON export did not come back.
		if c := e.Cost.Amount; int64(c.NumDigits())+int64(c.Exponent()) > int64(pricing.MaxIntegerDigits) {
			return inputErr(FieldCost, "", pricing.ErrTooLarge)
		}
	} else if !e.Seconds.IsPositive() {
		return inputErr(FieldSeconds, "0", pricing.ErrZero)
	}
	if e.Seconds.Cmp(maxSeconds) > 0 {
		return inputErr(FieldSeconds, pricing.Exact(e.Seconds), pricing.ErrTooLarge)
	}
	if err := checkCurrency(e.PricePerCredit.Currency); err != nil {
		return err
	}
	if err := checkTime(FieldCreated, e.Created); err != nil {
		return err
	}
	return checkTime(FieldUpdated, e.Updated)
}

// AddonKinds are the add-ons a clip may have been logged with, in the
// order an Entry lists them.
var AddonKinds = []pricing.AddonKind{pricing.AddonAudio, pricing.AddonUpscale, pricing.AddonLipSync, pricing.AddonExtend}

// checkAddons accepts known add-ons, each once.
func checkAddons(as []pricing.AddonKind) error {
	for i, a := range as {
		if !hasAddon(AddonKinds, a) || hasAddon(as[:i], a) {
			return inputErr(FieldAddons, clip(string(a)), ErrBadAddon)
		}
	}
	return nil
}

// hasAddon reports whether as holds k (a loop: slices.Contains would be
// one more instantiation in app.wasm).
func hasAddon(as []pricing.AddonKind, k pricing.AddonKind) bool {
	for _, a := range as {
		if a == k {
			return true
		}
	}
	return false
}

// joinAddons writes add-ons for a file or storage: "audio upscale".
func joinAddons(as []pricing.AddonKind) string {
	s := make([]string, len(as))
	for i, a := range as {
		s[i] = string(a)
	}
	return strings.Join(s, " ")
}

// splitAddons reads what joinAddons wrote (any spacing, any order; nil
// for none), in the order of AddonKinds, so that a clip is the same
// whatever order a file listed them in.
func splitAddons(s string) []pricing.AddonKind {
	if s == "" {
		return nil
	}
	var as []pricing.AddonKind
	for _, k := range AddonKinds {
		for _, f := range strings.Fields(s) {
			if pricing.AddonKind(strings.ToLower(f)) == k {
				as = append(as, k) // twice if listed twice: checkAddons says so
			}
		}
	}
	for _, f := range strings.Fields(s) {
		if k := pricing.AddonKind(strings.ToLower(f)); !hasAddon(AddonKinds, k) {
			as = append(as, k) // unknown: checkAddons names it
		}
	}
	return as
}

func inputErr(field, value string, err error) error {
	return &pricing.InputError{Field: field, Value: value, Err: err}
}

// checkID accepts 1 to 64 ASCII letters, digits, '.', '_' and '-',
// starting with a letter or digit, so that an ID is safe in a storage key,
// a CSV cell and an HTML attribute.
func checkID(field, id string) error {
	if id == "" {
		return inputErr(field, id, pricing.ErrEmpty)
	}
	if !validID(id) {
		return inputErr(field, clip(id), ErrBadID)
	}
	return nil
}

func validID(id string) bool {
	if id == "" || len(id) > maxIDLen {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case (c == '.' || c == '_' || c == '-') && i > 0:
		default:
			return false
		}
	}
	return true
}

func checkDate(field, s string) error {
	if s == "" {
		return inputErr(field, s, pricing.ErrEmpty)
	}
	if len(s) != 10 {
		return inputErr(field, clip(s), ErrBadDate)
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return inputErr(field, s, ErrBadDate)
	}
	return nil
}

// CheckMonth checks a YYYY-MM month, as Filter.Month takes it.
func CheckMonth(s string) error {
	if len(s) != 7 {
		return inputErr("Month", clip(s), ErrBadMonth)
	}
	if _, err := time.Parse("2006-01", s); err != nil {
		return inputErr("Month", s, ErrBadMonth)
	}
	return nil
}

func checkTime(field, s string) error {
	if s == "" {
		return inputErr(field, s, pricing.ErrEmpty)
	}
	if len(s) > 40 {
		return inputErr(field, clip(s), ErrBadTime)
	}
	if _, err := time.Parse(time.RFC3339, s); err != nil {
		return inputErr(field, s, ErrBadTime)
	}
	return nil
}

func checkText(field, s string, need bool, max int, multiline bool) error {
	if need && strings.TrimSpace(s) == "" {
		return inputErr(field, s, pricing.ErrEmpty)
	}
	if len(s) > max {
		return inputErr(field, clip(s), ErrTooLong)
	}
	if !utf8.ValidString(s) {
		return inputErr(field, clip(s), ErrBadText)
	}
	for _, r := range s {
		if r == '\n' && multiline || r == '\t' {
			continue
		}
		if unicode.IsControl(r) || r == '\uFEFF' {
			return inputErr(field, clip(s), ErrBadText)
		}
	}
	return nil
}

func checkRes(r pricing.Resolution) error {
	if r == "" {
		return nil
	}
	for _, x := range pricing.Resolutions {
		if r == x {
			return nil
		}
	}
	return inputErr(FieldRes, clip(string(r)), ErrBadRes)
}

// upperASCII is strings.ToUpper for a currency code, which checkCurrency
// holds to A-Z anyway: strings.ToUpper's Unicode tables cost ~2.7 KB of
// app.wasm for these two calls.
func upperASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - ('a' - 'A')
		}
	}
	return string(b)
}

func checkCurrency(c pricing.Currency) error {
	if c == "" {
		return inputErr(FieldCurrency, "", pricing.ErrEmpty)
	}
	if len(c) != 3 {
		return inputErr(FieldCurrency, clip(string(c)), ErrBadCurrency)
	}
	for i := 0; i < 3; i++ {
		if c[i] < 'A' || c[i] > 'Z' {
			return inputErr(FieldCurrency, string(c), ErrBadCurrency)
		}
	}
	return nil
}

// checkAmount holds an amount to what pricing.ParseAmount reads: not
// negative, at most pricing.MaxIntegerDigits digits before the point and
// pricing.MaxFractionDigits after it; positive requires more than zero.
func checkAmount(field string, d decimal.Decimal, positive bool) error {
	if d.IsZero() {
		if positive {
			return inputErr(field, "0", pricing.ErrZero)
		}
		return nil
	}
	if d.IsNegative() {
		return inputErr(field, "-", pricing.ErrNegative)
	}
	// Bound the exponent before anything prints the number: a decimal
	// built in code can carry any exponent.
	exp := d.Exponent()
	if int64(d.NumDigits())+int64(exp) > int64(pricing.MaxIntegerDigits) {
		return inputErr(field, "", pricing.ErrTooLarge)
	}
	if exp < -int32(pricing.MaxFractionDigits)-64 {
		return inputErr(field, "", pricing.ErrTooPrecise)
	}
	s := pricing.Exact(d)
	if _, err := pricing.ParseAmount(field, s); err != nil {
		return err
	}
	return nil
}

// clip shortens a bad value for an error message.
func clip(s string) string {
	if len(s) <= 40 {
		return s
	}
	i := 40
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// NewID returns a new entry ID from the time and 6 bytes read from random
// (crypto/rand.Reader in the app): the Unix time in milliseconds in base 36,
// a dash and 12 hex digits, e.g. "m7q16ps0-9f3a21bc04de" (2025-03-01 10:00 UTC). IDs made later
// sort later (until the year 5188); two tabs logging in the same
// millisecond still get different IDs. The package never reads the clock
// or a random source itself.
func NewID(now time.Time, random io.Reader) (string, error) {
	var b [6]byte
	if _, err := io.ReadFull(random, b[:]); err != nil {
		return "", err
	}
	ms := now.UnixMilli()
	if ms < 0 {
		ms = 0
	}
	return strconv.FormatInt(ms, 36) + "-" + hex.EncodeToString(b[:]), nil
}

// Timestamp formats t for Entry.Created and Updated: RFC 3339 in UTC, to
// the second.
func Timestamp(t time.Time) string {
	return t.UTC().Format(time.RFC3339)
}

// Today formats t's date for Entry.Date (in t's own time zone, so pass the
// local time).
func Today(t time.Time) string {
	return t.Format(time.DateOnly)
}

func decInt(n int) decimal.Decimal { return decimal.NewFromInt(int64(n)) }
