package pricing

import (
	"errors"
	"testing"
	"unicode/utf8"
)

func TestParseAmount(t *testing.T) {
	tests := []struct{ in, want string }{
		// Plain numbers.
		{"30", "30"},
		{"30.00", "30"},
		{"0.5", "0.5"},
		{".5", "0.5"},
		{"30.", "30"},
		{"007", "7"},
		{"0", "0"},
		{"-0", "0"},
		{"  42  ", "42"},
		{"0.0000000000000001", "0.0000000000000001"},
		{"999999999999999", "999999999999999"},
		{"999999999999999.9999999999999999", "999999999999999.9999999999999999"},
		// Thousands.
		{"3,000", "3000"},
		{"1,200.50", "1200.5"},
		{"1,000,000", "1000000"},
		{"3 000", "3000"},
		{"3\u00a0000", "3000"},       // no-break space
		{"3\u2009000", "3000"},       // thin space
		{"3\u202f000.25", "3000.25"}, // narrow no-break space
		{"1,500", "1500"},
		// A decimal comma: one or two digits after a single comma, or any
		// after a leading 0 (no group of thousands starts with 0: "0,024"
		// was read as 24).
		{"0,5", "0.5"},
		{"0,024", "0.024"},
		{"0,0123333", "0.0123333"},
		{"$0,024", "0.024"},
		{"1,50", "1.5"},
		{"1 200,50", "1200.5"},
		// Currency marks.
		{"$30", "30"},
		{"$ 30", "30"},
		{"30 $", "30"},
		{"30$", "30"},
		{"€15", "15"},
		{"15 €", "15"},
		{"£9.99", "9.99"},
		{"US$ 12", "12"},
		{"30 USD", "30"},
		{"eur 15", "15"},
		{"-$0", "0"},
	}
	for _, tt := range tests {
		got, err := ParseAmount("Price", tt.in)
		if err != nil || !eq(t, got, tt.want) {
			t.Errorf("ParseAmount(%q) = %s, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}

func TestParseAmountErrors(t *testing.T) {
	tests := []struct {
		in  string
		err error
		msg string
	}{
		{"", ErrEmpty, "Plan price is empty"},
		{"   ", ErrEmpty, "Plan price is empty"},
		{"abc", ErrNotNumber, "Plan price must be a number, like 30 or 1,200.50"},
		{"-5", ErrNegative, "Plan price cannot be negative"},
		{"−5", ErrNegative, "Plan price cannot be negative"}, // U+2212
		{"-$5", ErrNegative, "Plan price cannot be negative"},
		{"$-5", ErrNegative, "Plan price cannot be negative"},
		{"1e400", ErrNotNumber, "Plan price must be written out in full, like 1200000, not in exponent form like 1.2e6"},
		{"1E3", ErrNotNumber, "Plan price must be written out in full, like 1200000, not in exponent form like 1.2e6"},
		{"1.2e-5", ErrNotNumber, "Plan price must be written out in full, like 1200000, not in exponent form like 1.2e6"},
		{".5e2", ErrNotNumber, "Plan price must be written out in full, like 1200000, not in exponent form like 1.2e6"},
		{"e5", ErrNotNumber, "Plan price must be a number, like 30 or 1,200.50"},
		{"1e", ErrNotNumber, "Plan price must be a number, like 30 or 1,200.50"},
		{"1.e5x", ErrNotNumber, "Plan price must be a number, like 30 or 1,200.50"},
		{"NaN", ErrNotNumber, ""},
		{"Inf", ErrNotNumber, ""},
		{"-Inf", ErrNotNumber, ""},
		{"Infinity", ErrNotNumber, ""},
		{"0x10", ErrNotNumber, ""},
		{"+5", ErrNotNumber, ""},
		{"1,2,3", ErrNotNumber, ""},
		{"12,3456", ErrNotNumber, ""},
		{"1,20,000", ErrNotNumber, ""},
		{"0 200", ErrNotNumber, ""}, // no group of thousands starts with 0
		{"0,024,000", ErrNotNumber, ""},
		{"1,000 000", ErrNotNumber, ""}, // two kinds of separator
		{",500", ErrNotNumber, ""},
		{"1,", ErrNotNumber, ""},
		{"1.2.3", ErrNotNumber, ""},
		{"1.2,5", ErrNotNumber, ""},
		{".", ErrNotNumber, ""},
		{"$", ErrNotNumber, ""},
		{"$30$", ErrNotNumber, ""},
		{"--5", ErrNotNumber, ""},
		{"٣٠", ErrNotNumber, ""}, // Arabic-Indic digits
		{"３０", ErrNotNumber, ""}, // full-width digits
		{"30 credits", ErrNotNumber, ""},
		{"\xff", ErrNotNumber, ""},
		{"1000000000000000", ErrTooLarge, "Plan price is too large"},
		{"9,999,999,999,999,999", ErrTooLarge, ""},
		{"0.00000000000000001", ErrTooPrecise, "Plan price has too many decimal places"},
	}
	for _, tt := range tests {
		_, err := ParseAmount("Plan price", tt.in)
		var ie *InputError
		if !errors.As(err, &ie) || !errors.Is(err, tt.err) {
			t.Errorf("ParseAmount(%q) = %v, want %v", tt.in, err, tt.err)
			continue
		}
		if ie.Field != "Plan price" || ie.Value != tt.in {
			t.Errorf("ParseAmount(%q): field %q value %q", tt.in, ie.Field, ie.Value)
		}
		if tt.msg != "" && err.Error() != tt.msg {
			t.Errorf("ParseAmount(%q): %q, want %q", tt.in, err.Error(), tt.msg)
		}
	}
}

func TestParsePositive(t *testing.T) {
	tests := []struct {
		in, want string
		err      error
		msg      string
	}{
		{"3,000", "3000", nil, ""},
		{"0.5", "0.5", nil, ""},
		{"0", "", ErrZero, "Credits per month must be more than 0"},
		{"0.00", "", ErrZero, "Credits per month must be more than 0"},
		{"-5", "", ErrNegative, "Credits per month cannot be negative"},
		{"", "", ErrEmpty, "Credits per month is empty"},
		{"many", "", ErrNotNumber, "Credits per month must be a number, like 30 or 1,200.50"},
	}
	for _, tt := range tests {
		got, err := ParsePositive("Credits per month", tt.in)
		if tt.err == nil {
			if err != nil || !eq(t, got, tt.want) {
				t.Errorf("ParsePositive(%q) = %s, %v; want %s", tt.in, got, err, tt.want)
			}
			continue
		}
		if !errors.Is(err, tt.err) || err.Error() != tt.msg {
			t.Errorf("ParsePositive(%q) = %v, want %q", tt.in, err, tt.msg)
		}
	}
}

// TestParseTakes: generations per kept clip go from 1 to MaxTakes, so that
// a slip ("1000000" for "1") is named, not priced as a month of billions.
func TestParseTakes(t *testing.T) {
	tests := []struct {
		in, want string
		err      error
		msg      string
	}{
		{"1", "1", nil, ""},
		{"1.5", "1.5", nil, ""},
		{"1,000", "1000", nil, ""},
		{"1000.00", "1000", nil, ""},
		// Clips made/kept, as TakesText writes a clip log's measure.
		{"7/3", "2.3333333333333333", nil, ""},
		{" 14 / 6 ", "2.3333333333333333", nil, ""},
		{"1,200/450", "2.6666666666666667", nil, ""},
		{"3/3", "1", nil, ""},

		{"1000.01", "", ErrTooManyTakes, "Generations per kept clip must be at most 1,000"},
		{"1,000,000", "", ErrTooManyTakes, "Generations per kept clip must be at most 1,000"},
		{"0.5", "", ErrBelowOne, "Generations per kept clip must be 1 or more: keeping 1 clip in 3 is 3"},
		{"0", "", ErrZero, "Generations per kept clip must be more than 0"},
		{"-2", "", ErrNegative, "Generations per kept clip cannot be negative"},
		{"", "", ErrEmpty, "Generations per kept clip is empty"},
		{"7/0", "", ErrNotNumber, "Generations per kept clip must be a number like 1.5, or clips made/kept like 7/3"},
		{"7.5/3", "", ErrNotNumber, "Generations per kept clip must be a number like 1.5, or clips made/kept like 7/3"},
		{"7/3/2", "", ErrNotNumber, "Generations per kept clip must be a number like 1.5, or clips made/kept like 7/3"},
		{"/3", "", ErrNotNumber, "Generations per kept clip must be a number like 1.5, or clips made/kept like 7/3"},
		{"2/3", "", ErrBelowOne, "Generations per kept clip must be 1 or more: keeping 1 clip in 3 is 3"},
		// Someone who keeps 1 clip in 3 writes the share kept: the message
		// says which figure the field wants.
		{"1/3", "", ErrBelowOne, "Generations per kept clip must be 1 or more: keeping 1 clip in 3 is 3"},
		{"0.33", "", ErrBelowOne, "Generations per kept clip must be 1 or more: keeping 1 clip in 3 is 3"},
		{"5000/1", "", ErrTooManyTakes, "Generations per kept clip must be at most 1,000"},
	}
	for _, tt := range tests {
		got, err := ParseTakes(FieldTakes, tt.in)
		if tt.err == nil {
			if err != nil || !eq(t, got, tt.want) {
				t.Errorf("ParseTakes(%q) = %s, %v; want %s", tt.in, got, err, tt.want)
			}
			continue
		}
		if !errors.Is(err, tt.err) || err.Error() != tt.msg {
			t.Errorf("ParseTakes(%q) = %v, want %q", tt.in, err, tt.msg)
		}
	}
	if _, err := ParseTakes(FieldTakes, "2000"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("ErrTooManyTakes does not wrap ErrTooLarge: %v", err)
	}
}

// TestMeasuredTakes: a measure from a log is held between 1 and MaxTakes,
// so that a log where one clip in thousands is kept still prices.
func TestMeasuredTakes(t *testing.T) {
	tests := []struct {
		gens, kept int
		want       string
		ok         bool
		text       string // TakesText: what a field or a link shows
	}{
		{10, 0, "0", false, ""},
		{0, 0, "0", false, ""},
		{3, 2, "1.5", true, "1.5"},
		{10, 3, "3.3333333333333333", true, "10/3"}, // exact to DivisionScale, as the clip log divides
		{7, 3, "2.3333333333333333", true, "7/3"},
		{14, 6, "2.3333333333333333", true, "7/3"},
		{9, 4, "2.25", true, "2.25"},
		{2, 3, "1", true, "1"}, // impossible counts still give at least 1
		{1000, 1, "1000", true, "1000"},
		{5000, 1, "1000", true, "1000"},
		{2_000_001, 2, "1000", true, "1000"},
		{20_001, 19_997, "1.0002000300045007", true, "20001/19997"},
	}
	for _, tt := range tests {
		got, ok := MeasuredTakes(tt.gens, tt.kept)
		if ok != tt.ok || !eq(t, got, tt.want) {
			t.Errorf("MeasuredTakes(%d, %d) = %s, %v; want %s, %v", tt.gens, tt.kept, got, ok, tt.want, tt.ok)
		}
		text := TakesText(tt.gens, tt.kept)
		if text != tt.text {
			t.Errorf("TakesText(%d, %d) = %q, want %q", tt.gens, tt.kept, text, tt.text)
		}
		if ok {
			if back, err := ParseTakes(FieldTakes, Exact(got)); err != nil || !back.Equal(got) {
				t.Errorf("MeasuredTakes(%d, %d) = %s, which ParseTakes reads as %s: %v", tt.gens, tt.kept, got, back, err)
			}
			// The text reads back as the very figure the pages price with.
			if back, err := ParseTakes(FieldTakes, text); err != nil || !back.Equal(got) {
				t.Errorf("TakesText(%d, %d) = %q, which ParseTakes reads as %s: %v; want %s", tt.gens, tt.kept, text, back, err, got)
			}
		}
	}
}

// TestParsePrice: a price takes its own currency's marks, or none, and
// refuses another's, naming both: "€30" in a dollar price was read as $30.
func TestParsePrice(t *testing.T) {
	tests := []struct {
		in   string
		cur  Currency
		want string // the amount, or the message
	}{
		{"30", USD, "30"},
		{"$30", USD, "30"},
		{"30 usd", USD, "30"},
		{"US$ 1,200.50", USD, "1200.5"},
		{"€15", EUR, "15"},
		{"15 EUR", EUR, "15"},
		{"£9.99", GBP, "9.99"},
		{"€30", USD, "Plan price is in USD, not EUR: type the amount alone, or change the currency"},
		{"30 £", USD, "Plan price is in USD, not GBP: type the amount alone, or change the currency"},
		{"30 GBP", EUR, "Plan price is in EUR, not GBP: type the amount alone, or change the currency"},
		{"$30", EUR, "Plan price is in EUR, not USD: type the amount alone, or change the currency"},
		{"-€5", EUR, "Plan price cannot be negative"},
		{"€", EUR, "Plan price must be a number, like 30 or 1,200.50"},
	}
	for _, tt := range tests {
		got, err := ParsePrice("Plan price", tt.in, tt.cur)
		if err != nil {
			if err.Error() != tt.want {
				t.Errorf("ParsePrice(%q, %s) = %v, want %q", tt.in, tt.cur, err, tt.want)
			}
			if _, ok := errors.AsType[*InputError](err); !ok {
				t.Errorf("ParsePrice(%q, %s) = %T, want an *InputError", tt.in, tt.cur, err)
			}
			continue
		}
		if !eq(t, got, tt.want) {
			t.Errorf("ParsePrice(%q, %s) = %s, want %s", tt.in, tt.cur, got, tt.want)
		}
	}
}

// What FormatNumber writes, ParseAmount reads back to the same value.
func TestParseFormatRoundTrip(t *testing.T) {
	for _, s := range []string{"0", "1", "0.5", "1200.5", "3000", "1234567.891", "0.0033",
		"999999999999999.9999999999999999", "0.0000000000000001", "100000"} {
		d := dec(t, s)
		f := FormatNumber(d)
		back, err := ParseAmount("x", f)
		if err != nil || !back.Equal(d) {
			t.Errorf("%s → %q → %s, %v", s, f, back, err)
		}
		if f2 := FormatNumber(back); f2 != f {
			t.Errorf("%s: %q then %q", s, f, f2)
		}
	}
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"$30", "30.00", "3,000", "3 000", "1,200.50", "0.5", "€15", "30 $",
		"", "abc", "-5", "1e400", "NaN", "Inf", "1,2,3", "0,5", "1 200,50", "٣٠", "0.00000000000000001",
		"5 s", "50 credits", "33%", "$5 credits", "5\u00a0sec", "-5 %",
		"10 clips a month", "$30/mo", "$30/mo.", "1.38 CAD", "CAD 1.38", "¥150", "150円", "$360 a year", "3,000 credits per month", "/month", "5 s daily"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// In a unit (ParseIn): an *InputError naming the field, another
		// unit's refusal naming both; a number read is ParseAmount's
		// where that reads one too.
		whole, wholeErr := ParseAmount("Amount", s)
		for _, u := range []Unit{UnitCount, UnitCredits, UnitMoney, UnitSeconds, UnitPercent, UnitClips} {
			d, err := ParseIn("Amount", s, u)
			if err != nil {
				var ie *InputError
				if !errors.As(err, &ie) || ie.Field != "Amount" || ie.Value != s {
					t.Fatalf("%q in %s: %v is not an *InputError for the field", s, u, err)
				}
				if ue, ok := errors.AsType[*UnitError](err); ok && (ue.Want != u || ue.Got == u) {
					t.Fatalf("%q in %s: %+v", s, u, ue)
				}
				continue
			}
			if d.IsNegative() || wholeErr == nil && !d.Equal(whole) {
				t.Fatalf("%q in %s → %s (ParseAmount %s, %v)", s, u, d, whole, wholeErr)
			}
		}
		// A rate (ParseRate): more than 0, or an *InputError for the
		// field; a refusal for another currency names another; a rate
		// read where ParseAmount reads one too is its number.
		for _, in := range []Currency{EUR, "CAD", "JPY"} {
			d, err := ParseRate("Rate", s, USD, in)
			if err != nil {
				var ie *InputError
				if !errors.As(err, &ie) || ie.Field != "Rate" || ie.Value != s {
					t.Fatalf("%q as a rate in %s: %v is not an *InputError for the field", s, in, err)
				}
				if ce, ok := errors.AsType[*CurrencyError](err); ok && (ce.Got == in || ce.Want != in || ce.Got == "") {
					t.Fatalf("%q as a rate in %s: %+v", s, in, ce)
				}
				continue
			}
			if !d.IsPositive() || wholeErr == nil && !d.Equal(whole) {
				t.Fatalf("%q as a rate in %s → %s (ParseAmount %s, %v)", s, in, d, whole, wholeErr)
			}
		}
		// Per month (ParseInPer): what ParseIn reads, the same number; a
		// number read that ParseIn refuses was written with a month's
		// period; another period's refusal names both.
		for _, u := range []Unit{UnitCredits, UnitMoney, UnitClips} {
			d, err := ParseInPer("Amount", s, u, PerMonth)
			once, onceErr := ParseIn("Amount", s, u)
			if err != nil {
				var ie *InputError
				if !errors.As(err, &ie) || ie.Field != "Amount" || ie.Value != s || onceErr == nil {
					t.Fatalf("%q in %s a month: %v (ParseIn %s, %v)", s, u, err, once, onceErr)
				}
				if pe, ok := errors.AsType[*PeriodError](err); ok && (pe.Want != PerMonth || pe.Got == PerMonth || pe.Got == NoPeriod) {
					t.Fatalf("%q in %s a month: %+v", s, u, pe)
				}
				continue
			}
			if d.IsNegative() || onceErr == nil && !d.Equal(once) {
				t.Fatalf("%q in %s a month → %s (ParseIn %s, %v)", s, u, d, once, onceErr)
			}
			if pe, ok := errors.AsType[*PeriodError](onceErr); onceErr != nil && (!ok || pe.Got != PerMonth) {
				t.Fatalf("%q in %s: read a month, refused once: %v", s, u, onceErr)
			}
		}
		d, err := ParseAmount("Amount", s)
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) || ie.Field != "Amount" || ie.Value != s {
				t.Fatalf("%q: %v is not an *InputError for the field", s, err)
			}
			for _, e := range []error{ErrEmpty, ErrNotNumber, ErrNegative, ErrTooLarge, ErrTooPrecise} {
				if errors.Is(err, e) {
					return
				}
			}
			t.Fatalf("%q: %v wraps no sentinel", s, err)
		}
		if d.IsNegative() {
			t.Fatalf("%q → negative %s", s, d)
		}
		if d.Exponent() < -int32(MaxFractionDigits) || len(d.Truncate(0).String()) > MaxIntegerDigits {
			t.Fatalf("%q → %s out of range", s, d)
		}
		// Stable: format, parse, same value, same text.
		text := FormatNumber(d)
		back, err := ParseAmount("Amount", text)
		if err != nil || !back.Equal(d) || FormatNumber(back) != text {
			t.Fatalf("%q → %s → %q → %s, %v", s, d, text, back, err)
		}
		if !utf8.ValidString(text) {
			t.Fatalf("invalid utf-8 %q", text)
		}
		_ = FormatMoney(Money{d, USD})
		_, _ = ParsePositive("Amount", s)
	})
}
