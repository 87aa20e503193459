package pricing

import (
	"strings"

	"github.com/shopspring/decimal"
)

// symbols are the currencies shown with a sign; any other is shown with its
// code and a space ("CHF 12.50").
var symbols = map[Currency]string{USD: "$", EUR: "€", GBP: "£"}

// FormatMoney formats m for people, and is the one place money is rounded
// for display (half away from zero):
//
//   - amounts of 1 or more show 2 decimal places: "$1,200.50", "$30.00";
//   - amounts below 1 show up to 4 decimal places, at least 2, without
//     trailing zeros: "$0.01", "$0.50", "€0.0033"; below 0.00005, where
//     4 places would show a price as nothing, 2 significant digits:
//     "$0.00002", "$0.0000033";
//   - the integer part is grouped by thousands with commas;
//   - USD, EUR and GBP are shown as $, € and £; other currencies as their
//     code and a space; no currency as the bare number.
func FormatMoney(m Money) string {
	a := m.Amount
	neg := a.IsNegative()
	if neg {
		a = a.Neg()
	}
	var s string
	if a.Cmp(one) >= 0 {
		s = a.StringFixed(2)
	} else {
		places := int32(4)
		if !a.IsZero() && a.Round(4).IsZero() {
			// 2 significant digits: 0.00002 (2 × 10⁻⁵) takes 6 places.
			places = min(2-a.Exponent()-int32(a.NumDigits()), DivisionScale)
		}
		r := a.Round(places)
		if r.Cmp(one) >= 0 {
			s = r.StringFixed(2)
		} else {
			s = trimFraction(r.StringFixed(places), 2)
		}
	}
	return signed(neg, m.Currency, group(s))
}

// FormatTotal formats money a person pays, a total or a month's cost, in
// cents, as a bill shows it: "$0.78", "$1,200.50", "$0.00". A price per
// unit (a credit, a second, a clip) keeps FormatMoney's places, which a
// rate needs ($10 ÷ 660 credits is $0.0152 a credit). A total above
// zero that rounds to less than a cent is shown as FormatMoney shows it
// ("$0.0033"), not as nothing. Like FormatMoney it rounds for display
// only, half away from zero.
func FormatTotal(m Money) string {
	a := m.Amount.Abs()
	if !a.IsZero() && a.Round(2).IsZero() {
		return FormatMoney(m)
	}
	return signed(m.Amount.IsNegative(), m.Currency, group(a.StringFixed(2)))
}

// signed puts the sign and the currency before digits, leaving out the
// sign of an amount that shows as zero.
func signed(neg bool, c Currency, digits string) string {
	if neg && strings.Trim(digits, "0.,") != "" {
		return "-" + prefix(c) + digits
	}
	return prefix(c) + digits
}

// WorkingMoney writes m as an operand in a line of working whose result is
// op(m), shown as FormatMoney shows want: with FormatMoney's places when
// the line then checks out, otherwise with more places, up to 10, until it
// does. $10 ÷ 660 credits is $0.0152 a credit, but "20 credits × $0.0152 =
// $0.303" does not multiply out; "20 credits × $0.01515 = $0.303" does.
func WorkingMoney(m Money, op func(decimal.Decimal) decimal.Decimal, want Money) string {
	target := FormatMoney(want)
	a, neg := m.Amount, m.Amount.IsNegative()
	if neg {
		a = a.Neg()
	}
	start := int32(4)
	if a.Cmp(one) >= 0 {
		start = 2
	}
	for places := start; places <= 10; places++ {
		if FormatMoney(Money{op(m.Amount.Round(places)), want.Currency}) != target {
			continue
		}
		if places == start {
			break // FormatMoney's places do
		}
		return signed(neg, m.Currency, group(trimFraction(a.Round(places).StringFixed(places), 2)))
	}
	return FormatMoney(m)
}

// FormatConversion writes from converted into to's currency at r, for a
// line of working: "$6.40 ≈ €5.95 at 1 USD = 0.93 EUR". The sign is "="
// where FormatMoney shows both amounts as they are, and "≈" where it
// rounded one ($6.40 at 0.93 is €5.952).
func FormatConversion(from, to Money, r Rates) string {
	return FormatConverted(from, to) + " at " + r.Describe(from.Currency, to.Currency)
}

// FormatConverted is FormatConversion without the rate, for a line whose
// rate is said elsewhere (once in the working it belongs to): "$6.40 ≈
// €5.95", "$10.00 = €9.00".
func FormatConverted(from, to Money) string {
	sign := " ≈ "
	if shownExactly(from) && shownExactly(to) {
		sign = " = "
	}
	return FormatMoney(from) + sign + FormatMoney(to)
}

// shownExactly reports whether FormatMoney shows m without rounding it.
func shownExactly(m Money) bool {
	s := strings.TrimPrefix(strings.TrimPrefix(FormatMoney(m), "-"), prefix(m.Currency))
	d, err := decimal.NewFromString(strings.ReplaceAll(s, ",", ""))
	return err == nil && d.Equal(m.Amount.Abs())
}

func prefix(c Currency) string {
	if sym, ok := symbols[c]; ok {
		return sym
	}
	if c == "" {
		return ""
	}
	return string(c) + " "
}

// FormatNumber formats d with thousands grouped by commas and no trailing
// zeros, without rounding: "3,000", "1.5", "0.0033". ParseAmount reads the
// result back to the same value.
func FormatNumber(d decimal.Decimal) string {
	s := Exact(d)
	if s[0] == '-' {
		return "-" + group(s[1:])
	}
	return group(s)
}

// FormatApprox writes for people a figure that may come of a division
// that is not exact (generations per kept clip measured from a log, 7 ÷ 3
// = 2.3333333333333333, and the credits they take): one of more than
// approxPlaces decimal places, as a division's are, is rounded to 2, half
// away from zero, and marked "~" ("~2.33"); any other is written as
// FormatNumber writes it ("1.5", "0.3981312", "1,000"). What is priced
// stays the figure itself.
func FormatApprox(d decimal.Decimal) string {
	if !d.Round(approxPlaces).Equal(d) {
		return "~" + FormatNumber(d.Round(2))
	}
	return FormatNumber(d)
}

// approxPlaces is the most decimal places FormatApprox writes exactly:
// more than a catalog's figures or a person's typing have (a megapixel
// price gives 0.3981312 credits), fewer than a division's DivisionScale.
const approxPlaces = 8

// CountApprox is Count with its figure written by FormatApprox:
// "1 generation", "~1 generation" (a division's 1.0000000000000001),
// "~2.33 generations", "~11,666.67 credits".
func CountApprox(d decimal.Decimal, one, many string) string {
	n := FormatApprox(d)
	if n == "1" || n == "~1" {
		return n + " " + one
	}
	return n + " " + many
}

// Count writes a count and its noun, the noun singular for exactly one:
// "1 clip", "1.5 generations", "20,000 clips".
func Count(d decimal.Decimal, one, many string) string {
	if d.Equal(decimal.NewFromInt(1)) {
		return "1 " + one
	}
	return FormatNumber(d) + " " + many
}

// CountUnits writes an amount in a profile's unit (Profile.UnitName, a
// plural), by FormatApprox and singular for one: "1 credit", "50
// credits", "1 computing second", "~116.67 credits".
func CountUnits(d decimal.Decimal, unit string) string {
	return CountApprox(d, strings.TrimSuffix(unit, "s"), unit)
}

// CountInt is Count for a whole number.
func CountInt(n int, one, many string) string {
	return Count(decimal.NewFromInt(int64(n)), one, many)
}

// FormatInt is FormatNumber for a whole number: "20,000".
func FormatInt(n int) string { return FormatNumber(decimal.NewFromInt(int64(n))) }

// Exact returns d as a plain decimal string: no exponent, no grouping, no
// trailing zeros ("0.0033", "1200.5", "3000"). It does not depend on
// shopspring's package-level settings, so it is the form for data
// attributes and links.
func Exact(d decimal.Decimal) string {
	places := -d.Exponent()
	if places < 0 {
		places = 0
	}
	return trimFraction(d.StringFixed(places), 0)
}

// trimFraction removes trailing zeros after the decimal point of s, keeping
// at least keep fraction digits (and the point only if digits remain).
func trimFraction(s string, keep int) string {
	dot := strings.IndexByte(s, '.')
	if dot < 0 {
		return s
	}
	end := len(s)
	for end > dot+1+keep && s[end-1] == '0' {
		end--
	}
	if end == dot+1 {
		end = dot
	}
	return s[:end]
}

// group inserts a comma every three digits of the integer part of an
// unsigned plain decimal string.
func group(s string) string {
	intEnd := strings.IndexByte(s, '.')
	if intEnd < 0 {
		intEnd = len(s)
	}
	if intEnd <= 3 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + intEnd/3)
	first := intEnd % 3
	if first == 0 {
		first = 3
	}
	b.WriteString(s[:first])
	for i := first; i < intEnd; i += 3 {
		b.WriteByte(',')
		b.WriteString(s[i : i+3])
	}
	b.WriteString(s[intEnd:])
	return b.String()
}
