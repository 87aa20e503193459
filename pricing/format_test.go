package pricing

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestFormatMoney(t *testing.T) {
	tests := []struct {
		amount string
		cur    Currency
		want   string
	}{
		// 1 and more: 2 decimal places, grouped.
		{"30", USD, "$30.00"},
		{"1200.5", USD, "$1,200.50"},
		{"1234567.891", USD, "$1,234,567.89"},
		{"1", USD, "$1.00"},
		{"1.005", USD, "$1.01"}, // half away from zero
		{"1.004999", USD, "$1.00"},
		// Below 1: up to 4 places, at least 2, no trailing zeros.
		{"0.01", USD, "$0.01"},
		{"0.5", USD, "$0.50"},
		{"0.1", USD, "$0.10"},
		{"0.375", USD, "$0.375"},
		{"0.0033333333333333", EUR, "€0.0033"},
		{"0.00333", USD, "$0.0033"},
		{"0.00005", USD, "$0.0001"},
		// Below 0.00005, which 4 places would show as nothing: 2 significant
		// digits ("$20 ÷ 1,000,000 credits = $0.00002", not "= $0.00").
		{"0.00004", USD, "$0.00004"},
		{"0.00002", USD, "$0.00002"},
		{"0.0000333", USD, "$0.000033"},
		{"0.00004999", USD, "$0.00005"},
		{"0.0000000000000001", USD, "$0.0000000000000001"},
		{"0.99999", USD, "$1.00"},
		{"0", USD, "$0.00"},
		// Currencies.
		{"9.99", GBP, "£9.99"},
		{"12.5", "CHF", "CHF 12.50"},
		{"0.5", "", "0.50"},
		// Negative amounts (never a price, but formatted sensibly).
		{"-1.5", USD, "-$1.50"},
		{"-0.00001", USD, "-$0.00001"},
		{"-0", USD, "$0.00"},
	}
	for _, tt := range tests {
		if got := FormatMoney(Money{dec(t, tt.amount), tt.cur}); got != tt.want {
			t.Errorf("FormatMoney(%s %s) = %q, want %q", tt.amount, tt.cur, got, tt.want)
		}
	}
}

// TestFormatTotal: money a person pays shows cents, where FormatMoney
// shows a price per unit with up to 4 places.
func TestFormatTotal(t *testing.T) {
	tests := []struct {
		amount string
		cur    Currency
		want   string
	}{
		// Below 1: cents, where FormatMoney gave "$0.7778".
		{"0.7777777777777778", USD, "$0.78"},
		{"0.375", USD, "$0.38"}, // half away from zero
		{"0.0049", USD, "$0.0049"},
		{"0.005", USD, "$0.01"},
		{"0.5", EUR, "€0.50"},
		{"0.99999", USD, "$1.00"},
		// Under half a cent: FormatMoney's figure, not nothing.
		{"0.0033333333333333", EUR, "€0.0033"},
		{"0.00002", USD, "$0.00002"},
		{"0", USD, "$0.00"},
		// 1 and more: as FormatMoney.
		{"30", USD, "$30.00"},
		{"1234567.891", USD, "$1,234,567.89"},
		{"1.005", GBP, "£1.01"},
		{"12.5", "CHF", "CHF 12.50"},
		{"0.5", "", "0.50"},
		{"-0.375", USD, "-$0.38"},
		{"-0.001", USD, "-$0.001"},
		{"-0", USD, "$0.00"},
	}
	for _, tt := range tests {
		if got := FormatTotal(Money{dec(t, tt.amount), tt.cur}); got != tt.want {
			t.Errorf("FormatTotal(%s %s) = %q, want %q", tt.amount, tt.cur, got, tt.want)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct{ in, want string }{
		{"3000", "3,000"},
		{"1.5", "1.5"},
		{"1.50", "1.5"},
		{"0.0033", "0.0033"},
		{"0", "0"},
		{"999", "999"},
		{"1000", "1,000"},
		{"1234567.125", "1,234,567.125"},
		{"-1234.5", "-1,234.5"},
		{"3E3", "3,000"},
		{"0.0000000000000001", "0.0000000000000001"},
	}
	for _, tt := range tests {
		if got := FormatNumber(dec(t, tt.in)); got != tt.want {
			t.Errorf("FormatNumber(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCount(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1", "1 clip"},
		{"1.0", "1 clip"},
		{"0", "0 clips"},
		{"1.5", "1.5 clips"},
		{"0.5", "0.5 clips"},
		{"2", "2 clips"},
		{"20000", "20,000 clips"},
	}
	for _, tt := range tests {
		if got := Count(dec(t, tt.in), "clip", "clips"); got != tt.want {
			t.Errorf("Count(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := CountInt(1, "clip was", "clips were"); got != "1 clip was" {
		t.Errorf("CountInt(1) = %q", got)
	}
	if got := CountInt(1200, "clip was", "clips were"); got != "1,200 clips were" {
		t.Errorf("CountInt(1200) = %q", got)
	}
	// A profile's unit, singular for one: "1 credits" was written where a
	// clip, a plan or a rate came to one.
	for _, tt := range []struct{ in, unit, want string }{
		{"1", "credits", "1 credit"},
		{"1.00", "credits", "1 credit"},
		{"50", "credits", "50 credits"},
		{"0", "credits", "0 credits"},
		{"0.5", "credits", "0.5 credits"},
		{"1", "computing seconds", "1 computing second"},
		{"1", "AI credits", "1 AI credit"},
		{"26000", "AI credits", "26,000 AI credits"},
		{"116.666666666666666667", "credits", "~116.67 credits"},
	} {
		if got := CountUnits(dec(t, tt.in), tt.unit); got != tt.want {
			t.Errorf("CountUnits(%s, %q) = %q, want %q", tt.in, tt.unit, got, tt.want)
		}
	}
	if got := FormatInt(20000); got != "20,000" {
		t.Errorf("FormatInt(20000) = %q", got)
	}
}

// TestFormatApprox: a figure of at most 2 decimal places as it is, any
// other rounded to 2 and marked as such.
func TestFormatApprox(t *testing.T) {
	for _, tt := range []struct{ in, want, count string }{
		{"1", "1", "1 generation"},
		{"1.0", "1", "1 generation"},
		{"1.5", "1.5", "1.5 generations"},
		{"2.50", "2.5", "2.5 generations"},
		{"1000", "1,000", "1,000 generations"},
		{"2.3333333333333333", "~2.33", "~2.33 generations"}, // 7 ÷ 3
		{"2.6666666666666667", "~2.67", "~2.67 generations"},
		{"11666.6666666666665", "~11,666.67", "~11,666.67 generations"},
		{"2.005000000000000001", "~2.01", "~2.01 generations"}, // half away from zero
		{"1.0000000000000001", "~1", "~1 generation"},          // rounds to 1, still not 1
		{"1.5000000000000000", "1.5", "1.5 generations"},       // a division that is exact
		{"1.005", "1.005", "1.005 generations"},                // as typed
		{"0.3981312", "0.3981312", "0.3981312 generations"},    // as a catalog gives it
	} {
		if got := FormatApprox(dec(t, tt.in)); got != tt.want {
			t.Errorf("FormatApprox(%s) = %q, want %q", tt.in, got, tt.want)
		}
		if got := CountApprox(dec(t, tt.in), "generation", "generations"); got != tt.count {
			t.Errorf("CountApprox(%s) = %q, want %q", tt.in, got, tt.count)
		}
	}
}

func TestExact(t *testing.T) {
	tests := []struct {
		in   decimal.Decimal
		want string
	}{
		{decimal.RequireFromString("3E3"), "3000"},
		{decimal.RequireFromString("1.5E-7"), "0.00000015"},
		{decimal.RequireFromString("0.0100"), "0.01"},
		{decimal.New(5, 2), "500"},
		{decimal.New(-12, -1), "-1.2"},
		{decimal.Zero, "0"},
		{decimal.NewFromInt(1).DivRound(decimal.NewFromInt(3), DivisionScale), "0.3333333333333333"},
	}
	for _, tt := range tests {
		if got := Exact(tt.in); got != tt.want {
			t.Errorf("Exact(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A conversion in a line of working says "=" only where the amounts shown
// are the amounts: $6.40 at 0.93 is €5.952, shown €5.95.
func TestFormatConversion(t *testing.T) {
	at := func(eur string) Rates {
		return Rates{Base: USD, Per: map[Currency]decimal.Decimal{EUR: decimal.RequireFromString(eur)}}
	}
	tests := []struct {
		from  string
		cur   Currency
		to    Currency
		rates Rates
		want  string
	}{
		// Rounded: "≈".
		{"6.40", USD, EUR, at("0.93"), "$6.40 ≈ €5.95 at 1 USD = 0.93 EUR"},
		{"0.123456", USD, EUR, at("0.9"), "$0.1235 ≈ €0.1111 at 1 USD = 0.9 EUR"},
		{"10", EUR, USD, DefaultRates(), "€10.00 ≈ $11.63 at 1 EUR = 1.1628 USD (rate of 2026-11-01)"},
		// Shown as they are: "=".
		{"10", USD, EUR, at("0.9"), "$10.00 = €9.00 at 1 USD = 0.9 EUR"},
		{"0.56", USD, EUR, at("0.93"), "$0.56 = €0.5208 at 1 USD = 0.93 EUR"},
		{"1200", USD, EUR, at("0.5"), "$1,200.00 = €600.00 at 1 USD = 0.5 EUR"},
	}
	for _, tt := range tests {
		from := Money{decimal.RequireFromString(tt.from), tt.cur}
		to, err := tt.rates.Convert(from, tt.to)
		if err != nil {
			t.Fatal(err)
		}
		if got := FormatConversion(from, to, tt.rates); got != tt.want {
			t.Errorf("%s %s in %s: %q, want %q", tt.from, tt.cur, tt.to, got, tt.want)
		}
		want, _, _ := strings.Cut(tt.want, " at ")
		if got := FormatConverted(from, to); got != want {
			t.Errorf("%s %s in %s without the rate: %q, want %q", tt.from, tt.cur, tt.to, got, want)
		}
	}
}
