package pricing

import (
	"fmt"
	"math"
	"math/bits"
	"strings"

	"github.com/shopspring/decimal"
)

// DivisionScale is the number of decimal places every division in the
// package keeps (decimal.DivRound, half away from zero). Nothing else in the
// engine rounds: see "Rounding" in the package documentation.
const DivisionScale int32 = 16

// NotComparable, as a blank field, makes a struct not comparable with ==.
// Types that hold decimals take one: == would compare the decimals' inner
// pointers, not their values (compare them with Equal, field by field). The
// compiler then also writes no equality function for the type, which
// app.wasm carries for every comparable type passed as an interface: 1-3 KB
// each (cliplog's entry codecs; pricing's plans and prices).
type NotComparable [0]func()

// Often used constants. decimal values are immutable, so sharing them is safe.
var (
	zero    = decimal.Zero
	one     = decimal.NewFromInt(1)
	hundred = decimal.NewFromInt(100)
	twelve  = decimal.NewFromInt(12)
)

// div divides a by b at DivisionScale, rounding half away from zero
// exactly as decimal.DivRound does. ok is false (and q zero) when b is
// zero, the one case where shopspring/decimal would panic.
func div(a, b decimal.Decimal) (q decimal.Decimal, ok bool) {
	if b.IsZero() {
		return zero, false
	}
	return divScale(a, b, DivisionScale), true
}

// divTrim is div without trailing zeros, and a itself when b is 1 (so
// that multiplying by it keeps coefficients small); b is not zero.
func divTrim(a, b decimal.Decimal) decimal.Decimal {
	if b.Equal(one) {
		return a
	}
	if q, ok := quotient(a, b, DivisionScale); ok {
		return scaled(q, DivisionScale)
	}
	q, _ := div(a, b)
	return q
}

// divScale is a ÷ b rounded half away from zero to scale places, exactly
// as decimal.DivRound; b is not zero.
func divScale(a, b decimal.Decimal, scale int32) decimal.Decimal {
	if q, ok := divFast(a, b, scale); ok {
		return q
	}
	return a.DivRound(b, scale)
}

// pow10u are the powers of ten that fit a uint64.
var pow10u = func() (t [20]uint64) {
	t[0] = 1
	for i := 1; i < len(t); i++ {
		t[i] = t[i-1] * 10
	}
	return t
}()

// divFast is divScale in 128-bit integer arithmetic when both coefficients
// fit in 18 digits and the quotient in an int64, which covers every price in
// practice; ok is false otherwise, and divScale falls back to
// decimal.DivRound. It saves Rank most of its allocations. b is not zero.
func divFast(a, b decimal.Decimal, scale int32) (decimal.Decimal, bool) {
	q, ok := quotient(a, b, scale)
	if !ok {
		return zero, false
	}
	return decimal.New(q, -scale), true
}

// quotient is a ÷ b × 10^scale, rounded half away from zero, as an int64,
// when divFast's conditions hold. It allocates nothing.
func quotient(a, b decimal.Decimal, scale int32) (int64, bool) {
	if b.IsZero() || a.NumDigits() > 18 || b.NumDigits() > 18 {
		return 0, false
	}
	ca, cb := a.CoefficientInt64(), b.CoefficientInt64()
	neg := (ca < 0) != (cb < 0)
	ua, ub := uint64(ca), uint64(cb)
	if ca < 0 {
		ua = -ua
	}
	if cb < 0 {
		ub = -ub
	}
	// a ÷ b × 10^scale = ca × 10^k ÷ cb.
	k := int64(a.Exponent()) - int64(b.Exponent()) + int64(scale)
	var hi, lo uint64
	switch {
	case k >= 0 && k < int64(len(pow10u)):
		hi, lo = bits.Mul64(ua, pow10u[k])
	case k < 0 && -k < int64(len(pow10u)):
		h, l := bits.Mul64(ub, pow10u[-k])
		if h != 0 {
			return 0, false
		}
		ub, lo = l, ua
	default:
		return 0, false
	}
	if hi >= ub { // the quotient would not fit in 64 bits
		return 0, false
	}
	quo, rem := bits.Div64(hi, lo, ub)
	if rem >= ub-rem { // half or more: away from zero
		quo++
	}
	if quo > math.MaxInt64 {
		return 0, false
	}
	v := int64(quo)
	if neg {
		v = -v
	}
	return v, true
}

// Money is an amount in a currency. It is a small immutable value; the
// amount keeps full precision and is only rounded by FormatMoney.
type Money struct {
	Amount   decimal.Decimal
	Currency Currency
}

// NewMoney returns amount in currency c.
func NewMoney(amount decimal.Decimal, c Currency) Money {
	return Money{Amount: amount, Currency: c}
}

// String formats m for people (FormatMoney).
func (m Money) String() string { return FormatMoney(m) }

// IsZero reports whether the amount is zero.
func (m Money) IsZero() bool { return m.Amount.IsZero() }

// Common currencies.
const (
	USD Currency = "USD"
	EUR Currency = "EUR"
	GBP Currency = "GBP"
)

// Rates is an exchange-rate table: 1 Base is worth Per[c] units of c. Date
// says when the rates were read and Source where from, so a page can show
// the rate it used; people can edit the table.
type Rates struct {
	Base   Currency
	Date   string // YYYY-MM-DD
	Source string
	Per    map[Currency]decimal.Decimal
}

// DefaultRates returns the bundled table: a USD base with EUR and GBP.
func DefaultRates() Rates {
	return Rates{
		Base: USD,
		Date: "2026-11-01",
		Source: "Approximate mid-market rates typed in by hand on 2026-11-01 " +
			"(1 USD = 0.86 EUR = 0.76 GBP), not fetched from a live feed. " +
			"Check the ECB euro reference rates " +
			"(https://www.ecb.europa.eu/stats/policy_and_exchange_rates/euro_reference_exchange_rates/) " +
			"and edit them here.",
		Per: map[Currency]decimal.Decimal{
			EUR: decimal.RequireFromString("0.86"),
			GBP: decimal.RequireFromString("0.76"),
		},
	}
}

// per returns how many units of c one Base is worth.
func (r Rates) per(c Currency) (decimal.Decimal, bool) {
	if c == r.Base && c != "" {
		return one, true
	}
	v, ok := r.Per[c]
	if !ok || !v.IsPositive() {
		return zero, false
	}
	return v, true
}

// Rate returns how many units of to one unit of from is worth, at
// DivisionScale when it has to divide. It wraps ErrCurrency when the table
// has no rate for either currency.
func (r Rates) Rate(from, to Currency) (decimal.Decimal, error) {
	if from == to {
		return one, nil
	}
	pf, okf := r.per(from)
	pt, okt := r.per(to)
	if !okf || !okt {
		return zero, r.missing(from, to)
	}
	if from == r.Base {
		return pt, nil
	}
	q, _ := div(pt, pf) // pf > 0: per() only returns positive rates
	return q, nil
}

func (r Rates) missing(from, to Currency) error {
	return fmt.Errorf("%w from %s to %s", ErrCurrency, from, to)
}

// Convert returns m in currency to. The same currency is returned as is;
// a missing rate wraps ErrCurrency. The amount is multiplied by the target
// rate before it is divided by the source rate, so one division at
// DivisionScale is the only rounding.
func (r Rates) Convert(m Money, to Currency) (Money, error) {
	if m.Currency == to {
		return m, nil
	}
	if _, okf := r.per(m.Currency); !okf {
		return Money{}, r.missing(m.Currency, to)
	}
	if _, okt := r.per(to); !okt {
		return Money{}, r.missing(m.Currency, to)
	}
	return Money{Amount: r.convert(m.Amount, m.Currency, to), Currency: to}, nil
}

// convert is Convert on an amount whose rates are known to exist: a ×
// Per[to] ÷ Per[from], one division at DivisionScale, without trailing
// zeros.
func (r Rates) convert(a decimal.Decimal, from, to Currency) decimal.Decimal {
	if from == to {
		return a
	}
	pf, _ := r.per(from)
	pt, _ := r.per(to)
	return divTrim(a.Mul(pt), pf)
}

// Describe says in words which rate converts from into to, for the page:
// "1 EUR = 1.1628 USD (rate of 2026-11-01)". The rate is shown to 4
// decimal places.
func (r Rates) Describe(from, to Currency) string {
	rate, err := r.Rate(from, to)
	if err != nil {
		return err.Error()
	}
	shown := rate.Round(4)
	if shown.IsZero() {
		shown = rate
	}
	var b strings.Builder
	b.WriteString("1 ")
	b.WriteString(string(from))
	b.WriteString(" = ")
	b.WriteString(FormatNumber(shown))
	b.WriteString(" ")
	b.WriteString(string(to))
	if r.Date != "" {
		b.WriteString(" (rate of ")
		b.WriteString(r.Date)
		b.WriteString(")")
	}
	return b.String()
}
