package pricing

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Limits of what ParseAmount accepts.
const (
	// MaxIntegerDigits is the most digits before the decimal point
	// (ErrTooLarge beyond): 15 digits is a trillion dollars, well past any
	// price or credit count.
	MaxIntegerDigits = 15
	// MaxFractionDigits is the most digits after the decimal point
	// (ErrTooPrecise beyond), the engine's DivisionScale.
	MaxFractionDigits = int(DivisionScale)
	// maxInputBytes bounds the work on pasted text.
	maxInputBytes = 128
)

// currencyMarks may stand before or after an amount, each with the
// currency it names. Longer marks come first so that "US$" is not read as
// "$".
var currencyMarks = []struct {
	mark string
	cur  Currency
}{{"US$", USD}, {"USD", USD}, {"EUR", EUR}, {"GBP", GBP}, {"$", USD}, {"€", EUR}, {"£", GBP}}

// ParseAmount reads a non-negative amount that a person typed (or a link
// carried) into the input labelled field. It accepts what people write:
//
//	"30", "30.00", "0.5", ".5", "3,000", "1,200.50",
//	"3 000" (a space, no-break space or thin space groups thousands),
//	"$30", "€15", "30 $", "30 USD", "0,5", "0,024" (a comma with one or
//	two digits after it, or after a leading 0, and no point is a decimal
//	comma).
//
// Groups of thousands must be well formed ("1,2,3" is not a number).
// Only ASCII digits are read. An error is an *InputError naming field, whose
// Err is ErrEmpty, ErrNotNumber ("abc", "1e400", "NaN", "Inf"), ErrNegative
// ("-5"), ErrTooLarge (more than MaxIntegerDigits digits before the point)
// or ErrTooPrecise (more than MaxFractionDigits after it).
func ParseAmount(field, s string) (decimal.Decimal, error) {
	d, _, err := parseAmount(s)
	if err != nil {
		return zero, &InputError{Field: field, Value: s, Err: err}
	}
	return d, nil
}

// ParsePrice is ParseIn for a price in cur: a currency mark, if the
// text has one, must be cur's. "€30" typed where the price is in dollars
// is an *InputError ("Plan price is in USD, not EUR: type the amount
// alone, or change the currency"), never read as $30, and so is another
// unit's mark ("Plan price is in USD, not credits: type the amount
// alone", a *UnitError).
func ParsePrice(field, s string, cur Currency) (decimal.Decimal, error) {
	return ParsePricePer(field, s, cur, NoPeriod)
}

// ParsePricePer is ParsePrice for a price per (PerMonth: a plan's price a
// month), which reads the period after the amount as ParseInPer does:
// "$30 a month", "$30/month", "30 per month", "$30/mo"; another period is
// a *PeriodError ("Plan price is per month, not per year: type the price
// of one month"), never read as a month's price. ParsePrice refuses any
// period.
func ParsePricePer(field, s string, cur Currency, per Period) (decimal.Decimal, error) {
	d, got, marked, mark, p, err := parseMarked(s)
	switch {
	case err != nil:
	case marked && got != UnitMoney:
		err = &UnitError{Want: UnitMoney, Got: got, Cur: cur}
	case mark != "" && mark != cur:
		err = errors.New("is in " + string(cur) + ", not " + string(mark) + ": type the amount alone, or change the currency")
	case p != NoPeriod && p != per:
		err = &PeriodError{Want: per, Got: p, Money: true}
	}
	if err != nil {
		return zero, &InputError{Field: field, Value: s, Err: err}
	}
	return d, nil
}

// ParsePositive is ParseAmount for amounts that must be more than zero
// (ErrZero: "Credits per month must be more than 0").
func ParsePositive(field, s string) (decimal.Decimal, error) {
	d, _, err := parseAmount(s)
	if err == nil && d.IsZero() {
		err = ErrZero
	}
	if err != nil {
		return zero, &InputError{Field: field, Value: s, Err: err}
	}
	return d, nil
}

func isSpace(r rune) bool { return unicode.IsSpace(r) }

// parseAmount reads s as ParseAmount documents, and returns the currency
// of its mark ("" without one).
func parseAmount(s string) (decimal.Decimal, Currency, error) {
	t := strings.TrimFunc(s, isSpace)
	if t == "" {
		return zero, "", ErrEmpty
	}
	if len(t) > maxInputBytes || !utf8.ValidString(t) {
		return zero, "", ErrNotNumber
	}
	// A sign and a currency mark, in either order, before the number; a
	// currency mark after it.
	neg := false
	var cur Currency
	for {
		switch {
		case !neg && (strings.HasPrefix(t, "-") || strings.HasPrefix(t, "−")):
			neg = true
			_, n := utf8.DecodeRuneInString(t)
			t = strings.TrimLeftFunc(t[n:], isSpace)
			continue
		case cur == "":
			if n, c := currencyMark(t, true); n > 0 {
				cur = c
				t = strings.TrimLeftFunc(t[n:], isSpace)
				continue
			}
		}
		break
	}
	if cur == "" {
		if n, c := currencyMark(t, false); n > 0 {
			cur = c
			t = strings.TrimRightFunc(t[:len(t)-n], isSpace)
		}
	}
	d, err := parseNumber(t)
	if err != nil {
		return zero, "", err
	}
	if neg && !d.IsZero() {
		return zero, "", ErrNegative
	}
	return d, cur, nil
}

// currencyMark returns the length of the currency mark that t starts
// with (ends with, unless start), in any case, and its currency; 0 and ""
// when it has none.
func currencyMark(t string, start bool) (int, Currency) {
	for _, m := range currencyMarks {
		if len(t) < len(m.mark) {
			continue
		}
		affix := t[len(t)-len(m.mark):]
		if start {
			affix = t[:len(m.mark)]
		}
		if strings.EqualFold(affix, m.mark) {
			return len(m.mark), m.cur
		}
	}
	return 0, ""
}

// parseNumber reads digits, thousands separators and one decimal point.
func parseNumber(t string) (decimal.Decimal, error) {
	if t == "" {
		return zero, ErrNotNumber
	}
	intPart, frac := t, ""
	if i := strings.IndexByte(t, '.'); i >= 0 {
		intPart, frac = t[:i], t[i+1:]
	} else if i := strings.IndexByte(t, ','); i >= 0 && strings.Count(t, ",") == 1 &&
		(len(t)-i-1 >= 1 && len(t)-i-1 <= 2 || t[0] == '0' && len(t)-i-1 >= 1) {
		// "0,5", "1 200,50": a decimal comma (it cannot be a group of
		// three); "0,024": one too, as no group of thousands starts with 0
		// (it was read as 24).
		intPart, frac = t[:i], t[i+1:]
	}
	digits, err := ungroup(intPart)
	if err != nil {
		return zero, err
	}
	for i := 0; i < len(frac); i++ {
		if frac[i] < '0' || frac[i] > '9' {
			return zero, ErrNotNumber
		}
	}
	if digits == "" && frac == "" {
		return zero, ErrNotNumber
	}
	digits = strings.TrimLeft(digits, "0")
	if len(digits) > MaxIntegerDigits {
		return zero, ErrTooLarge
	}
	if len(frac) > MaxFractionDigits {
		return zero, ErrTooPrecise
	}
	if digits == "" {
		digits = "0"
	}
	if frac != "" {
		digits += "." + frac
	}
	d, err := decimal.NewFromString(digits)
	if err != nil { // cannot happen: only ASCII digits and one point remain
		return zero, ErrNotNumber
	}
	return d, nil
}

// ungroup checks the thousands grouping of an integer part and returns its
// digits. One kind of separator may be used: a comma or a space (any
// Unicode space, such as a no-break or thin space). With separators, the
// first group has 1 to 3 digits and every other group exactly 3.
func ungroup(s string) (string, error) {
	var sep rune = -1
	var b strings.Builder
	group, groups := 0, 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
			group++
		case r == ',' || isSpace(r):
			kind := r
			if kind != ',' {
				kind = ' '
			}
			if sep == -1 {
				sep = kind
			} else if sep != kind {
				return "", ErrNotNumber
			}
			if group == 0 || (groups == 0 && group > 3) || (groups > 0 && group != 3) {
				return "", ErrNotNumber
			}
			groups++
			group = 0
		default:
			return "", ErrNotNumber
		}
	}
	if groups > 0 && (group != 3 || s[0] == '0') { // "0 200" is no grouping
		return "", ErrNotNumber
	}
	return b.String(), nil
}
