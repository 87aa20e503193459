package pricing

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
)

func TestConvert(t *testing.T) {
	r := DefaultRates()
	tests := []struct {
		amount   string
		from, to Currency
		want     string
	}{
		{"100", USD, USD, "100"},
		{"100", USD, EUR, "86"},
		{"86", EUR, USD, "100"},
		{"1", EUR, USD, "1.1627906976744186"},
		{"100", EUR, GBP, "88.3720930232558140"},
		{"0", EUR, USD, "0"},
		{"7", "JPY", "JPY", "7"}, // same currency: no rate needed
	}
	for _, tt := range tests {
		got, err := r.Convert(Money{dec(t, tt.amount), tt.from}, tt.to)
		if err != nil || !eq(t, got.Amount, tt.want) || got.Currency != tt.to {
			t.Errorf("Convert(%s %s → %s) = %v %s, %v; want %s", tt.amount, tt.from, tt.to,
				got.Amount, got.Currency, err, tt.want)
		}
	}
}

func TestConvertMissing(t *testing.T) {
	r := DefaultRates()
	r.Per = map[Currency]decimal.Decimal{EUR: dec(t, "0.86"), "XXX": decimal.Zero}
	for _, c := range []struct{ from, to Currency }{{"JPY", USD}, {USD, "JPY"}, {GBP, EUR}, {"XXX", USD}, {USD, ""}} {
		_, err := r.Convert(Money{dec(t, "1"), c.from}, c.to)
		if !errors.Is(err, ErrCurrency) {
			t.Errorf("%s → %s: %v, want ErrCurrency", c.from, c.to, err)
		}
		if _, err := r.Rate(c.from, c.to); !errors.Is(err, ErrCurrency) {
			t.Errorf("Rate %s → %s: %v, want ErrCurrency", c.from, c.to, err)
		}
	}
	var empty Rates // the zero table converts nothing, and does not panic
	if _, err := empty.Convert(Money{dec(t, "1"), EUR}, USD); !errors.Is(err, ErrCurrency) {
		t.Errorf("empty table: %v", err)
	}
}

func TestDescribe(t *testing.T) {
	r := DefaultRates()
	tests := []struct {
		from, to Currency
		want     string
	}{
		{EUR, USD, "1 EUR = 1.1628 USD (rate of 2026-11-01)"},
		{USD, EUR, "1 USD = 0.86 EUR (rate of 2026-11-01)"},
		{GBP, EUR, "1 GBP = 1.1316 EUR (rate of 2026-11-01)"},
		{"JPY", USD, "no exchange rate from JPY to USD"},
	}
	for _, tt := range tests {
		if got := r.Describe(tt.from, tt.to); got != tt.want {
			t.Errorf("Describe(%s, %s) = %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
	if r.Source == "" || r.Date == "" || r.Base != USD {
		t.Errorf("DefaultRates must say where and when: %+v", r)
	}
}

// div's integer fast path must agree with decimal.DivRound exactly.
func TestDiv(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"30", "3000", "0.01"},
		{"1", "3", "0.3333333333333333"},
		{"2", "3", "0.6666666666666667"},
		{"-2", "3", "-0.6666666666666667"},
		{"2", "-3", "-0.6666666666666667"},
		{"0.00000000000000005", "1", "0.0000000000000001"}, // half: away from zero
		{"-0.00000000000000005", "1", "-0.0000000000000001"},
		{"0.00000000000000004", "1", "0"},
		{"999999999999999999", "0.000000000000000001", "999999999999999999000000000000000000"}, // slow path
		{"123456789012345678901234567890", "7", "17636684144620811271604938270"},
		{"336", "27000", "0.0124444444444444"},
		{"1", "0.0000000000000001", "10000000000000000"},
	}
	for _, tt := range tests {
		got, ok := div(dec(t, tt.a), dec(t, tt.b))
		if !ok || !eq(t, got, tt.want) {
			t.Errorf("div(%s, %s) = %s, want %s", tt.a, tt.b, got, tt.want)
		}
		if want := dec(t, tt.a).DivRound(dec(t, tt.b), DivisionScale); !got.Equal(want) {
			t.Errorf("div(%s, %s) = %s, DivRound %s", tt.a, tt.b, got, want)
		}
	}
	if q, ok := div(dec(t, "1"), decimal.Zero); ok || !q.IsZero() {
		t.Errorf("div by zero: %s %v", q, ok)
	}
}

func FuzzDiv(f *testing.F) {
	f.Add(int64(30), int8(0), int64(3000), int8(0))
	f.Add(int64(-2), int8(-5), int64(3), int8(2))
	f.Add(int64(999999999999999999), int8(-18), int64(7), int8(19))
	f.Fuzz(func(t *testing.T, a int64, ea int8, b int64, eb int8) {
		if b == 0 {
			return
		}
		x, y := decimal.New(a, int32(ea)), decimal.New(b, int32(eb))
		got, ok := div(x, y)
		want := x.DivRound(y, DivisionScale)
		if !ok || !got.Equal(want) {
			t.Fatalf("div(%s, %s) = %s, DivRound %s", x, y, got, want)
		}
	})
}
