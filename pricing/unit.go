package pricing

import (
	"errors"
	"strings"

	"github.com/shopspring/decimal"
)

// Unit is what a field's number counts. A person who types a number with
// another unit's mark ("$5" where credits are asked, "5%" where seconds
// are) has another figure in mind, so ParseIn refuses it rather than read
// the bare number: "$5" was read as 5 credits per clip.
type Unit uint8

// Units of the fields people type in.
const (
	// UnitCount is a number of things, written alone: generations per kept
	// clip.
	UnitCount Unit = iota
	// UnitCredits is a number of a platform's credits: "50", "50 credits".
	UnitCredits
	// UnitMoney is an amount in a currency: "30", "$30", "30 USD", "€15".
	UnitMoney
	// UnitSeconds is a length of time: "5", "5 s", "5 sec", "5 seconds".
	UnitSeconds
	// UnitPercent is a percentage: "33", "33%", "33 percent".
	UnitPercent
	// UnitClips is a number of clips, a count: "10", "10 clips", "1 clip".
	// As a UnitCount, "10 clips" typed in the calculator's number of clips
	// or a /plan row's clips a month was no number.
	UnitClips
)

// what names the unit as what a field is: "Credits per clip is in credits".
func (u Unit) what() string {
	switch u {
	case UnitCredits:
		return "in credits"
	case UnitMoney:
		return "in money"
	case UnitSeconds:
		return "in seconds"
	case UnitPercent:
		return "a percentage"
	}
	return "a count" // UnitCount, UnitClips
}

// noun names the unit as what a person typed: "not money".
func (u Unit) noun() string {
	switch u {
	case UnitCredits:
		return "credits"
	case UnitMoney:
		return "money"
	case UnitSeconds:
		return "seconds"
	case UnitPercent:
		return "a percentage"
	case UnitClips:
		return "clips"
	}
	return "a count"
}

// String returns the unit's name: "credits", "money", "seconds",
// "percent", "count", "clips".
func (u Unit) String() string {
	switch u {
	case UnitPercent:
		return "percent"
	case UnitCount:
		return "count"
	}
	return u.noun()
}

// unitMarks may follow a number, each with the unit it names; currency
// marks (currencyMarks) name Money. Longer marks come first, so that
// "credits" is not read as "s".
var unitMarks = []struct {
	mark string
	unit Unit
}{
	{"credits", UnitCredits}, {"credit", UnitCredits}, {"clips", UnitClips}, {"clip", UnitClips},
	{"seconds", UnitSeconds}, {"second", UnitSeconds}, {"secs", UnitSeconds}, {"sec", UnitSeconds}, {"s", UnitSeconds},
	{"percent", UnitPercent}, {"%", UnitPercent},
}

// unitMark returns the length of the unit mark that t ends with, in any
// case, and its unit. A letter mark must stand apart from a letter before
// it ("5 cs" is not 5 c of seconds), so only what follows a digit, a space
// or a point counts.
func unitMark(t string) (int, Unit, bool) {
	for _, m := range unitMarks {
		if len(t) <= len(m.mark) || !strings.EqualFold(t[len(t)-len(m.mark):], m.mark) {
			continue
		}
		before := t[len(t)-len(m.mark)-1]
		// A byte of 0x80 or more ends a multi-byte space ("5\u00a0s"), or a
		// letter that parseAmount then refuses.
		if before >= '0' && before <= '9' || before == '.' || before == ' ' || before == '\t' || before >= 0x80 {
			return len(m.mark), m.unit, true
		}
	}
	return 0, 0, false
}

// ErrOtherUnit: a number typed with another unit's mark than its field's
// ("$5" where credits are asked). The error is a *UnitError.
var ErrOtherUnit = errors.New("in another unit")

// UnitError is a number typed with the mark of another unit than its
// field's (Want): "$5" (Got UnitMoney) in Credits per clip. It is the Err of
// an *InputError, which names the field: "Credits per clip is in credits,
// not money: type the number alone". It wraps ErrOtherUnit.
type UnitError struct {
	Want, Got Unit
	// Cur is the currency of a UnitMoney field, when it has one: "Plan price
	// is in USD, not credits".
	Cur Currency
	// Hint replaces "type the number alone" where the bare number would
	// mislead ("33%" is no 33 generations per kept clip).
	Hint string
	// Name is what the platform calls the credits of a UnitCredits field,
	// when it is not "credits" (NameCredits): "is in computing seconds, not
	// seconds of video", where "in credits, not seconds" confused a person
	// whose credits are called seconds.
	Name string
}

func (e *UnitError) Error() string {
	want := e.Want.what()
	if e.Want == UnitMoney && e.Cur != "" {
		want = "in " + string(e.Cur)
	}
	got := e.Got.noun()
	if e.Want == UnitCredits && e.Name != "" {
		want = "in " + e.Name
		if e.Got == UnitSeconds {
			got = "seconds of video"
		}
	}
	hint := e.Hint
	switch {
	case hint != "":
	case e.Want == UnitMoney:
		hint = "type the amount alone"
	default:
		hint = "type the number alone"
	}
	return "is " + want + ", not " + got + ": " + hint
}

func (e *UnitError) Unwrap() error { return ErrOtherUnit }

// NameCredits returns err, naming in a *UnitError of a UnitCredits field
// the platform's own name for its credits (Profile.UnitName): "Computing
// seconds per clip is in computing seconds, not seconds of video: type the
// number alone". With name "credits" or "", or any other error, err is
// returned as it is.
func NameCredits(err error, name string) error {
	if name == "" || strings.EqualFold(name, "credits") {
		return err
	}
	if u, ok := errors.AsType[*UnitError](err); ok && u.Want == UnitCredits {
		u.Name = name
	}
	return err
}

// ParseIn reads a non-negative number that a person typed (or a link or a
// file carried) into the field labelled field, whose numbers are in u. It
// reads numbers as ParseAmount does, and the mark of u after one: "50
// credits", "5 s", "33%", "10 clips", and for UnitMoney a currency's mark before or after
// ("$30", "30 USD"). The mark of another unit is an *InputError naming
// field whose Err is a *UnitError (errors.Is ErrOtherUnit): "$5" in Credits
// per clip says "Credits per clip is in credits, not money: type the
// number alone", and is never read as 5 credits. Any other error is
// ParseAmount's.
//
// A field's number has no period: "5 credits a month" is a *PeriodError
// ("Credits per clip is not per month: type the number alone"). A field
// counted per month reads it with ParseInPer.
func ParseIn(field, s string, u Unit) (decimal.Decimal, error) {
	return ParseInPer(field, s, u, NoPeriod)
}

// ParseInPer is ParseIn for a field whose number counts per (PerMonth:
// "Clips a month", "Credits per month"), which reads the period after the
// number as a pricing page writes it: "10 clips a month", "3,000
// credits/month", "10 per month", "10/mo", "10/mo.", "10 monthly". Another period is
// a *PeriodError ("Clips a month is per month, not per year: type the
// number for one month"), never read as a month's.
func ParseInPer(field, s string, u Unit, per Period) (decimal.Decimal, error) {
	d, got, marked, _, p, err := parseMarked(s)
	switch {
	case err != nil:
	case marked && got != u:
		err = &UnitError{Want: u, Got: got}
	case p != NoPeriod && p != per:
		err = &PeriodError{Want: per, Got: p, Money: u == UnitMoney}
	}
	if err != nil {
		return zero, &InputError{Field: field, Value: s, Err: err}
	}
	return d, nil
}

// ParsePositiveIn is ParseIn for numbers that must be more than zero
// (ErrZero).
func ParsePositiveIn(field, s string, u Unit) (decimal.Decimal, error) {
	return ParsePositiveInPer(field, s, u, NoPeriod)
}

// ParsePositiveInPer is ParseInPer for numbers that must be more than zero
// (ErrZero).
func ParsePositiveInPer(field, s string, u Unit, per Period) (decimal.Decimal, error) {
	d, err := ParseInPer(field, s, u, per)
	if err == nil && d.IsZero() {
		err = &InputError{Field: field, Value: s, Err: ErrZero}
	}
	return d, err
}

// parseMarked reads s as ParseInPer documents, and returns the unit of its
// mark (marked is false without one), for a currency's mark the currency,
// and the period written after it (NoPeriod without one).
func parseMarked(s string) (d decimal.Decimal, u Unit, marked bool, cur Currency, p Period, err error) {
	t := strings.TrimFunc(s, isSpace)
	// "$30/mo.", "10 per mo.", "$30 a month.": a period ends with a full
	// stop as pricing pages write it.
	if u, ok := strings.CutSuffix(t, "."); ok {
		if n, _ := periodMark(u); n > 0 {
			t = u
		}
	}
	if n, per := periodMark(t); n > 0 {
		rest := strings.TrimRightFunc(t[:len(t)-n], isSpace)
		if rest == "" { // "/month": a period, no number
			return zero, 0, false, "", NoPeriod, ErrNotNumber
		}
		d, u, marked, cur, err = parseUnitMarked(rest)
		if err != nil {
			return zero, 0, false, "", NoPeriod, err
		}
		return d, u, marked, cur, per, nil
	}
	d, u, marked, cur, err = parseUnitMarked(s)
	return d, u, marked, cur, NoPeriod, err
}

// parseUnitMarked is parseMarked without a period.
func parseUnitMarked(s string) (d decimal.Decimal, u Unit, marked bool, cur Currency, err error) {
	d, cur, err = parseAmount(s)
	switch {
	case err == nil && cur != "":
		return d, UnitMoney, true, cur, nil
	case err == nil:
		return d, 0, false, "", nil
	case !errors.Is(err, ErrNotNumber):
		return zero, 0, false, "", err
	}
	// Not a number with a currency's mark, or none: a number with another
	// unit's mark?
	t := strings.TrimFunc(s, isSpace)
	n, u, ok := unitMark(t)
	if !ok {
		return zero, 0, false, "", err
	}
	rest := strings.TrimRightFunc(t[:len(t)-n], isSpace)
	if n, _ := currencyMark(rest, true); n > 0 {
		return zero, 0, false, "", err // "$5 credits": which is it?
	}
	if n, _ := currencyMark(rest, false); n > 0 {
		return zero, 0, false, "", err
	}
	if d, _, err = parseAmount(rest); err != nil {
		return zero, 0, false, "", err
	}
	return d, u, true, "", nil
}

// ErrOtherCurrency: an amount typed with the mark of another currency than
// its field's ("$0.9" where a rate in euros is asked). The error is a
// *CurrencyError.
var ErrOtherCurrency = errors.New("in another currency")

// CurrencyError is an exchange rate typed with the mark of another
// currency than the one it is in (Want): "$0.9" (Got USD) in "1 USD in
// EUR", how many euros 1 USD (Base) buys. It is the Err of an
// *InputError, which names the field: "1 USD in EUR is in EUR (what 1 USD
// buys), not USD: type the number alone". It wraps ErrOtherCurrency.
type CurrencyError struct {
	Want, Got, Base Currency
}

func (e *CurrencyError) Error() string {
	return "is in " + string(e.Want) + " (what 1 " + string(e.Base) + " buys), not " + string(e.Got) +
		": type the number alone"
}

func (e *CurrencyError) Unwrap() error { return ErrOtherCurrency }

// ParseRate reads an exchange rate typed into the field labelled field:
// how many units of in 1 base buys ("0.86", euros for 1 USD), more than
// 0. The number may carry the mark of in, the currency the rate is in
// ("€0.86", "0.86 EUR"; any currency's code, "1.38 CAD" or "CAD 1.38",
// with a dollar sign where the currency is written with one, "$1.38 CAD",
// and rateSymbols' "¥150", "150円"); another currency's mark is a
// *CurrencyError ("$0.86", "0.86 GBP" or "0.86 AUD" in euros for 1 USD:
// it was read as 0.86 euros whatever the mark), and another unit's a
// *UnitError ("0.86 credits"), each in an *InputError naming field. Every
// rate a person, a link or a file gives is read by it, so that each says
// the same.
func ParseRate(field, s string, base, in Currency) (decimal.Decimal, error) {
	d, got, marked, mark, p, err := parseMarked(s)
	if errors.Is(err, ErrNotNumber) {
		// A code parseAmount does not know ("1.38 CAD" was no number),
		// alone or beside a dollar sign ("$1.38 CAD").
		if rest, c := cutCode(strings.TrimFunc(s, isSpace), in); c != "" {
			if d2, _, marked2, mark2, p2, err2 := parseMarked(rest); err2 == nil && (!marked2 || dollarOf(rest, mark2, c)) {
				d, got, marked, mark, p, err = d2, UnitMoney, true, c, p2, nil
			}
		}
	}
	switch {
	case err != nil:
	case marked && got != UnitMoney:
		err = &UnitError{Want: UnitMoney, Got: got, Cur: in}
	case mark != "" && mark != in:
		err = &CurrencyError{Want: in, Got: mark, Base: base}
	case p != NoPeriod:
		err = &PeriodError{Got: p}
	case d.IsZero():
		err = ErrZero
	}
	if err != nil {
		return zero, &InputError{Field: field, Value: s, Err: err}
	}
	return d, nil
}

// dollarSigned are the currencies written with a bare "$", their code
// beside it telling which: "$1.38 CAD", "CAD $1.38".
const dollarSigned = " USD CAD AUD NZD HKD SGD MXN "

// dollarOf reports whether rest, read with the mark mark, is a bare dollar
// sign and its amount, and c a currency written with one: "$1.38" of
// "$1.38 CAD" is the Canadian dollar's, "US$1.38" and "€1.38" are not.
func dollarOf(rest string, mark, c Currency) bool {
	t := strings.TrimFunc(rest, isSpace)
	bare := strings.HasPrefix(t, "$") || strings.HasSuffix(t, "$") && !strings.HasSuffix(strings.ToUpper(t), "US$")
	return mark == USD && bare && strings.Contains(dollarSigned, " "+string(c)+" ")
}

// rateSymbols are currencies' symbols that currencyMarks leaves out, as
// a rate in them is written: "¥150" or "150円" in 1 USD in JPY. The yen's
// sign is the yuan's too, so it is read in either's field.
var rateSymbols = []struct {
	mark string
	curs string // the currencies it may be, the first said where it is not
}{{"CA$", "CAD"}, {"C$", "CAD"}, {"A$", "AUD"}, {"¥", "JPY CNY"}, {"￥", "JPY CNY"}, {"円", "JPY"}, {"₹", "INR"}}

// cutCode returns t without the currency code or rateSymbols' mark it
// starts or ends with, and the currency: in where it is in's ("cad" in
// CAD), another where it is written as a code ("AUD") or a symbol; ""
// without one. A code stands apart from the number (a space or a digit
// beside it): "1.38CAD" and "CAD 1.38" are the Canadian dollar's, "ACAD
// 1.38" nothing.
func cutCode(t string, in Currency) (string, Currency) {
	for _, m := range rateSymbols {
		rest, ok := strings.CutPrefix(t, m.mark)
		if !ok {
			rest, ok = strings.CutSuffix(t, m.mark)
		}
		if !ok {
			continue
		}
		c := Currency(m.curs[:3])
		if strings.Contains(m.curs, string(in)) && in != "" {
			c = in
		}
		return strings.TrimFunc(rest, isSpace), c
	}
	if len(t) < 4 {
		return t, ""
	}
	letters := func(code string) bool {
		for i := 0; i < 3; i++ {
			if b := code[i] | 0x20; b < 'a' || b > 'z' {
				return false
			}
		}
		return true
	}
	code, rest := t[len(t)-3:], t[:len(t)-3]
	if !apart(t, len(t)-3) || !letters(code) {
		code, rest = t[:3], t[3:]
		if b := rest[0]; b != ' ' && b != '\t' && (b < '0' || b > '9') && b < 0x80 || !letters(code) {
			return t, ""
		}
	}
	switch {
	case strings.EqualFold(code, string(in)):
		return strings.TrimFunc(rest, isSpace), in
	case code[0] < 'a' && code[1] < 'a' && code[2] < 'a': // "AUD"; "abc" is no code (not strings.ToUpper: its tables cost app.wasm ~3 KB)
		return strings.TrimFunc(rest, isSpace), Currency(code)
	}
	return t, ""
}

// Period is how often a field's number counts, or what a person wrote after
// a number: "a month", "per year".
type Period uint8

// Periods.
const (
	// NoPeriod: a number that counts once (a clip's credits, a duration).
	NoPeriod Period = iota
	PerMonth
	PerYear
	PerWeek
	PerDay
)

// String returns "per month", "per year", "per week", "per day" ("" for
// NoPeriod).
func (p Period) String() string {
	switch p {
	case PerMonth:
		return "per month"
	case PerYear:
		return "per year"
	case PerWeek:
		return "per week"
	case PerDay:
		return "per day"
	}
	return ""
}

// periodNouns may follow "a", "per", "/"…; periodWords stand alone
// ("monthly").
var (
	periodNouns = []struct {
		noun string
		p    Period
	}{
		{"month", PerMonth}, {"mo", PerMonth}, {"mth", PerMonth}, {"year", PerYear}, {"yr", PerYear},
		{"week", PerWeek}, {"wk", PerWeek}, {"day", PerDay},
	}
	periodWords = []struct {
		word string
		p    Period
	}{
		{"monthly", PerMonth}, {"yearly", PerYear}, {"annually", PerYear}, {"weekly", PerWeek}, {"daily", PerDay},
	}
	periodJoins = []string{"every", "each", "per", "an", "a"}
)

// apart reports whether the byte before a word (t[:i]'s last) sets it
// apart from a word before it, as unitMark asks: a digit, a point, a space
// or a multi-byte character.
func apart(t string, i int) bool {
	if i <= 0 {
		return false
	}
	b := t[i-1]
	return b >= '0' && b <= '9' || b == '.' || b == ' ' || b == '\t' || b >= 0x80
}

// periodMark returns the length of the period that t ends with, in any
// case ("a month", "per month", "/month", "/ mo", "monthly"), and its
// period; 0 without one.
func periodMark(t string) (int, Period) {
	for _, w := range periodWords {
		if i := len(t) - len(w.word); i > 0 && strings.EqualFold(t[i:], w.word) && apart(t, i) {
			return len(w.word), w.p
		}
	}
	for _, w := range periodNouns {
		i := len(t) - len(w.noun)
		if i <= 0 || !strings.EqualFold(t[i:], w.noun) {
			continue
		}
		rest := strings.TrimRightFunc(t[:i], isSpace)
		if strings.HasSuffix(rest, "/") {
			return len(t) - len(rest) + 1, w.p
		}
		if len(rest) == i { // "30 amonth", "30 demo": no word of its own
			continue
		}
		for _, j := range periodJoins {
			k := len(rest) - len(j)
			if k > 0 && strings.EqualFold(rest[k:], j) && apart(rest, k) {
				return len(t) - k, w.p
			}
		}
	}
	return 0, NoPeriod
}

// ErrOtherPeriod: a number typed with another period than its field's
// ("$30 a year" in a price per month, "5 credits a month" in credits per
// clip). The error is a *PeriodError.
var ErrOtherPeriod = errors.New("for another period")

// PeriodError is a number typed with a period (Got) its field does not
// count per (Want, NoPeriod for a field that counts once): "$300 a year"
// in a plan's price per month, which was no number, and had been read as a
// month's had it been read. It is the Err of an *InputError, which names
// the field: "Plan price is per month, not per year: type the price of
// one month". Money says the field is a price. It wraps ErrOtherPeriod.
type PeriodError struct {
	Want, Got Period
	Money     bool
}

func (e *PeriodError) Error() string {
	if e.Want == NoPeriod {
		if e.Money {
			return "is not " + e.Got.String() + ": type the amount alone"
		}
		return "is not " + e.Got.String() + ": type the number alone"
	}
	hint := "type the number for one " + strings.TrimPrefix(e.Want.String(), "per ")
	if e.Money {
		hint = "type the price of one " + strings.TrimPrefix(e.Want.String(), "per ")
	}
	return "is " + e.Want.String() + ", not " + e.Got.String() + ": " + hint
}

func (e *PeriodError) Unwrap() error { return ErrOtherPeriod }
