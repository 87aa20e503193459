package pricing

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestParseIn reads each kind of input into a field of each unit: its own
// unit's mark is read, another's is refused with a message naming the
// field and both units, never read as the bare number ("$5" was 5 credits).
func TestParseIn(t *testing.T) {
	const (
		credits = "Credits per clip is in credits, not "
		money   = "Price paid is in money, not "
		secs    = "Duration is in seconds, not "
		pct     = "First-month bonus is a percentage, not "
		count   = "Number of clips is a count, not "
		clips   = "Clips a month is a count, not "
		alone   = ": type the number alone"
		amount  = ": type the amount alone"
	)
	fields := map[Unit]string{
		UnitCredits: "Credits per clip", UnitMoney: "Price paid", UnitSeconds: "Duration",
		UnitPercent: "First-month bonus", UnitCount: "Number of clips", UnitClips: "Clips a month",
	}
	tests := []struct {
		unit Unit
		in   string
		want string // the number read, or the message
	}{
		// Credits.
		{UnitCredits, "5", "5"},
		{UnitCredits, "1,500", "1500"},
		{UnitCredits, "5 credits", "5"},
		{UnitCredits, "1 credit", "1"},
		{UnitCredits, "2.5Credits", "2.5"},
		{UnitCredits, "$5", credits + "money" + alone},
		{UnitCredits, "5 USD", credits + "money" + alone},
		{UnitCredits, "€5", credits + "money" + alone},
		{UnitCredits, "5%", credits + "a percentage" + alone},
		{UnitCredits, "5 s", credits + "seconds" + alone},
		{UnitCredits, "5 seconds", credits + "seconds" + alone},
		{UnitCredits, "-$5", "Credits per clip cannot be negative"},
		{UnitCredits, "five credits", "Credits per clip must be a number, like 30 or 1,200.50"},
		{UnitCredits, "credits", "Credits per clip must be a number, like 30 or 1,200.50"},
		{UnitCredits, "$5 credits", "Credits per clip must be a number, like 30 or 1,200.50"},
		// Money.
		{UnitMoney, "5", "5"},
		{UnitMoney, "$5", "5"},
		{UnitMoney, "5 USD", "5"},
		{UnitMoney, "€1,50", "1.5"},
		{UnitMoney, "5 credits", money + "credits" + amount},
		{UnitMoney, "5%", money + "a percentage" + amount},
		{UnitMoney, "5 s", money + "seconds" + amount},
		// Seconds.
		{UnitSeconds, "5", "5"},
		{UnitSeconds, "5 s", "5"},
		{UnitSeconds, "5s", "5"},
		{UnitSeconds, "7.5 sec", "7.5"},
		{UnitSeconds, "10 secs", "10"},
		{UnitSeconds, "10 Seconds", "10"},
		{UnitSeconds, "1 second", "1"},
		{UnitSeconds, "5\u00a0s", "5"},
		{UnitSeconds, "$5", secs + "money" + alone},
		{UnitSeconds, "5 USD", secs + "money" + alone},
		{UnitSeconds, "5%", secs + "a percentage" + alone},
		{UnitSeconds, "5 credits", secs + "credits" + alone},
		{UnitSeconds, "5 cs", "Duration must be a number, like 30 or 1,200.50"},
		{UnitSeconds, "s", "Duration must be a number, like 30 or 1,200.50"},
		// Percent.
		{UnitPercent, "33", "33"},
		{UnitPercent, "33%", "33"},
		{UnitPercent, "33 %", "33"},
		{UnitPercent, "12.5 percent", "12.5"},
		{UnitPercent, "$5", pct + "money" + alone},
		{UnitPercent, "5 USD", pct + "money" + alone},
		{UnitPercent, "5 credits", pct + "credits" + alone},
		{UnitPercent, "5 s", pct + "seconds" + alone},
		// Count.
		{UnitCount, "10", "10"},
		{UnitCount, "$5", count + "money" + alone},
		{UnitCount, "5 USD", count + "money" + alone},
		{UnitCount, "5%", count + "a percentage" + alone},
		{UnitCount, "5 credits", count + "credits" + alone},
		{UnitCount, "5 s", count + "seconds" + alone},
		{UnitCount, "", "Number of clips is empty"},
		// Clips: a field counting clips reads its own unit, as a duration
		// reads "5 s"; "10 clips" was no number ("must be a whole number").
		{UnitClips, "10", "10"},
		{UnitClips, "10 clips", "10"},
		{UnitClips, "1 clip", "1"},
		{UnitClips, "1,200 Clips", "1200"},
		{UnitClips, "$5", clips + "money" + alone},
		{UnitClips, "5 s", clips + "seconds" + alone},
		{UnitClips, "5 credits", clips + "credits" + alone},
		{UnitCount, "3 clips", count + "clips" + alone},
		{UnitCredits, "5 clips", credits + "clips" + alone},
	}
	for _, tt := range tests {
		got, err := ParseIn(fields[tt.unit], tt.in, tt.unit)
		if err != nil {
			if err.Error() != tt.want {
				t.Errorf("ParseIn(%q, %s) = %q; want %q", tt.in, tt.unit, err, tt.want)
			}
			var ie *InputError
			if !errors.As(err, &ie) || ie.Field != fields[tt.unit] || ie.Value != tt.in {
				t.Errorf("ParseIn(%q, %s) = %#v; want an *InputError naming the field and the value", tt.in, tt.unit, err)
			}
			if strings.Contains(tt.want, ", not ") != errors.Is(err, ErrOtherUnit) {
				t.Errorf("ParseIn(%q, %s) = %v; want errors.Is ErrOtherUnit only for another unit", tt.in, tt.unit, err)
			}
			continue
		}
		if strings.Contains(tt.want, " ") {
			t.Errorf("ParseIn(%q, %s) = %s; want refused: %q", tt.in, tt.unit, got, tt.want)
			continue
		}
		if !eq(t, got, tt.want) {
			t.Errorf("ParseIn(%q, %s) = %s; want %q", tt.in, tt.unit, got, tt.want)
		}
	}
}

func TestParsePositiveIn(t *testing.T) {
	if _, err := ParsePositiveIn("Duration", "0 s", UnitSeconds); err == nil || err.Error() != "Duration must be more than 0" || !errors.Is(err, ErrZero) {
		t.Errorf(`ParsePositiveIn("0 s") = %v; want "Duration must be more than 0"`, err)
	}
	if d, err := ParsePositiveIn("Duration", "8 s", UnitSeconds); err != nil || !eq(t, d, "8") {
		t.Errorf(`ParsePositiveIn("8 s") = %s, %v; want 8`, d, err)
	}
	if _, err := ParsePositiveIn("Duration", "$8", UnitSeconds); !errors.Is(err, ErrOtherUnit) {
		t.Errorf(`ParsePositiveIn("$8") = %v; want ErrOtherUnit`, err)
	}
}

// TestParsePriceOtherUnit: a price refuses credits, seconds and
// percentages as it refuses another currency.
func TestParsePriceOtherUnit(t *testing.T) {
	tests := []struct{ in, want string }{
		{"5 credits", "Plan price is in USD, not credits: type the amount alone"},
		{"5%", "Plan price is in USD, not a percentage: type the amount alone"},
		{"€5", "Plan price is in USD, not EUR: type the amount alone, or change the currency"},
	}
	for _, tt := range tests {
		if _, err := ParsePrice("Plan price", tt.in, USD); err == nil || err.Error() != tt.want {
			t.Errorf("ParsePrice(%q) = %v; want %q", tt.in, err, tt.want)
		}
	}
	if d, err := ParsePrice("Plan price", "30 USD", USD); err != nil || !eq(t, d, "30") {
		t.Errorf(`ParsePrice("30 USD") = %s, %v; want 30`, d, err)
	}
}

// TestNameCredits: a platform whose credits are called seconds (LTX
// Studio's computing seconds) refuses "5 s" in its own words: "in credits,
// not seconds" confused, as its credits are seconds.
func TestNameCredits(t *testing.T) {
	const field = "Computing seconds per clip"
	tests := []struct{ in, name, want string }{
		{"5 s", "computing seconds", field + " is in computing seconds, not seconds of video: type the number alone"},
		{"$5", "computing seconds", field + " is in computing seconds, not money: type the number alone"},
		{"5%", "AI credits", field + " is in AI credits, not a percentage: type the number alone"},
		{"5 s", "credits", field + " is in credits, not seconds: type the number alone"},
		{"5 s", "", field + " is in credits, not seconds: type the number alone"},
		{"abc", "computing seconds", field + " must be a number, like 30 or 1,200.50"},
	}
	for _, tt := range tests {
		_, err := ParseIn(field, tt.in, UnitCredits)
		if err = NameCredits(err, tt.name); err == nil || err.Error() != tt.want {
			t.Errorf("ParseIn(%q), named %q: %v; want %q", tt.in, tt.name, err, tt.want)
		}
	}
	// Only credits take the name: a duration is in seconds of its own.
	_, err := ParseIn("Seconds", "5 credits", UnitSeconds)
	if err = NameCredits(err, "computing seconds"); err == nil || err.Error() != "Seconds is in seconds, not credits: type the number alone" {
		t.Errorf("a duration of 5 credits, named: %v", err)
	}
	if NameCredits(nil, "computing seconds") != nil {
		t.Error("NameCredits(nil) is not nil")
	}
}

// TestParseTakesOtherUnit: generations per kept clip is a count; a share
// kept typed as a percentage says how to write it.
func TestParseTakesOtherUnit(t *testing.T) {
	tests := []struct{ in, want string }{
		{"33%", "Generations per kept clip is a count, not a percentage: keeping 1 clip in 3 is 3"},
		{"$2", "Generations per kept clip is a count, not money: type the number alone"},
		{"2 credits", "Generations per kept clip is a count, not credits: type the number alone"},
	}
	for _, tt := range tests {
		if _, err := ParseTakes(FieldTakes, tt.in); err == nil || err.Error() != tt.want || !errors.Is(err, ErrOtherUnit) {
			t.Errorf("ParseTakes(%q) = %v; want %q", tt.in, err, tt.want)
		}
	}
}

// TestParseRate: an exchange rate is a number of the currency it is in,
// for 1 of its base. Its own currency's mark is read; another's is refused
// naming the field and what the rate means: "$0.9" and "0.9 GBP" were read
// as 0.9 euros for 1 USD.
func TestParseRate(t *testing.T) {
	const (
		field = "1 USD in EUR"
		other = field + " is in EUR (what 1 USD buys), not "
		alone = ": type the number alone"
	)
	tests := []struct{ in, want string }{
		// The number alone, or with the mark of the currency it is in.
		{"0.9", "0.9"},
		{"0,9", "0.9"},
		{"€0.9", "0.9"},
		{"0.9 EUR", "0.9"},
		{"0.9 eur", "0.9"},
		{" 0.86 € ", "0.86"},
		// Another currency's mark.
		{"$0.9", other + "USD" + alone},
		{"0.9 USD", other + "USD" + alone},
		{"US$0.9", other + "USD" + alone},
		{"0.9 GBP", other + "GBP" + alone},
		{"£0.9", other + "GBP" + alone},
		// Another unit's mark, no number, zero.
		{"0.9 credits", field + " is in EUR, not credits: type the amount alone"},
		{"90%", field + " is in EUR, not a percentage: type the amount alone"},
		{"abc", field + " must be a number, like 30 or 1,200.50"},
		{"", field + " is empty"},
		{"0", field + " must be more than 0"},
		{"€0", field + " must be more than 0"},
		{"-0.9", field + " cannot be negative"},
	}
	for _, tt := range tests {
		got, err := ParseRate(field, tt.in, USD, EUR)
		if err != nil {
			if err.Error() != tt.want {
				t.Errorf("ParseRate(%q) = %q; want %q", tt.in, err, tt.want)
			}
			var ie *InputError
			if !errors.As(err, &ie) || ie.Field != field || ie.Value != tt.in {
				t.Errorf("ParseRate(%q) = %#v; want an *InputError naming the field and the value", tt.in, err)
			}
			if strings.Contains(tt.want, "what 1 USD buys") != errors.Is(err, ErrOtherCurrency) {
				t.Errorf("ParseRate(%q) = %v; want errors.Is ErrOtherCurrency only for another currency", tt.in, err)
			}
			continue
		}
		if strings.Contains(tt.want, " ") {
			t.Errorf("ParseRate(%q) = %s; want refused: %q", tt.in, got, tt.want)
			continue
		}
		if !eq(t, got, tt.want) {
			t.Errorf("ParseRate(%q) = %s; want %s", tt.in, got, tt.want)
		}
	}
	// A currency parseAmount has no mark for (CAD, JPY) reads its own code
	// and symbols, as a person writes the rate, and refuses the dollar's
	// and another code or symbol: "1.38 CAD" was "must be a number".
	for _, tt := range []struct {
		in   Currency
		s    string
		want string // the rate read, or what the rate is typed in
	}{
		{"CAD", "1.38 CAD", "1.38"},
		{"CAD", "CAD 1.38", "1.38"},
		{"CAD", "1.38cad", "1.38"},
		{"CAD", "C$1.38", "1.38"},
		{"CAD", "1,38 CAD", "1.38"},
		{"CAD", "$1.38 CAD", "1.38"},
		{"CAD", "CAD $1.38", "1.38"},
		{"CAD", "1.38$ CAD", "1.38"},
		{"AUD", "$1.52 AUD", "1.52"},
		{"CAD", "$1.38 AUD", "AUD"},
		{"CAD", "$1.38 USD", "USD"},
		{"JPY", "¥150", "150"},
		{"JPY", "150 JPY", "150"},
		{"JPY", "150円", "150"},
		{"JPY", "JPY 149.5", "149.5"},
		{"CNY", "¥7.1", "7.1"},
		{"CAD", "$1.38", "USD"},
		{"CAD", "1.38 USD", "USD"},
		{"CAD", "1.38 AUD", "AUD"},
		{"CAD", "AUD 1.38", "AUD"},
		{"CAD", "A$1.38", "AUD"},
		{"CAD", "¥150", "JPY"},
		{"JPY", "150 CAD", "CAD"},
		{"JPY", "150 €", "EUR"},
	} {
		field := "1 USD in " + string(tt.in)
		got, err := ParseRate(field, tt.s, USD, tt.in)
		if len(tt.want) == 3 && tt.want[0] >= 'A' {
			want := field + " is in " + string(tt.in) + " (what 1 USD buys), not " + tt.want + alone
			if err == nil || err.Error() != want || !errors.Is(err, ErrOtherCurrency) {
				t.Errorf("ParseRate(%q, %s) = %s, %v; want %q", tt.s, tt.in, got, err, want)
			}
			continue
		}
		if err != nil || !eq(t, got, tt.want) {
			t.Errorf("ParseRate(%q, %s) = %s, %v; want %s", tt.s, tt.in, got, err, tt.want)
		}
	}
	// Letters that are no currency's code are no number.
	// Nor is another currency's mark beside the code, nor a dollar sign
	// beside a currency written without one.
	for _, s := range []string{"1.38 abc", "ACAD 1.38", "1.38 CADS", "CAD", "cad1.38x", "€1.38 CAD", "US$1.38 CAD", "$1.38 JPY"} {
		if _, err := ParseRate("1 USD in CAD", s, USD, "CAD"); err == nil || !errors.Is(err, ErrNotNumber) {
			t.Errorf("ParseRate(%q, CAD) = %v; want no number", s, err)
		}
	}
}

// TestParseInPer: a field counted per month reads a month's number as a
// pricing page writes it ("10 clips a month", "$30/month"), which was no
// number; another period is refused naming the field and the periods, never
// read as a month's; a field that counts once refuses any period.
func TestParseInPer(t *testing.T) {
	const (
		clips   = "Clips a month"
		price   = "Plan price"
		credits = "Credits per clip"
	)
	tests := []struct {
		field string
		unit  Unit
		per   Period
		in    string
		want  string // the number read, or the message
	}{
		// A month's, in a field per month.
		{clips, UnitClips, PerMonth, "10", "10"},
		{clips, UnitClips, PerMonth, "10 clips a month", "10"},
		{clips, UnitClips, PerMonth, "10 clips per month", "10"},
		{clips, UnitClips, PerMonth, "10 clips/month", "10"},
		{clips, UnitClips, PerMonth, "10 clips / month", "10"},
		{clips, UnitClips, PerMonth, "10/mo", "10"},
		// A period's full stop, as pricing pages write it.
		{price, UnitMoney, PerMonth, "$30/mo.", "30"},
		{price, UnitMoney, PerMonth, "$30/mo", "30"},
		{price, UnitMoney, PerMonth, "$30 per mo.", "30"},
		{price, UnitMoney, PerMonth, "$30 per mo", "30"},
		{price, UnitMoney, PerMonth, "$30 / mo.", "30"},
		{price, UnitMoney, PerMonth, "$30 a month.", "30"},
		{price, UnitMoney, PerMonth, "$30 monthly.", "30"},
		{price, UnitMoney, PerMonth, "30.50/mo.", "30.5"},
		{clips, UnitClips, PerMonth, "10 clips/mo.", "10"},
		{price, UnitMoney, PerMonth, "$360/yr.", price + " is per month, not per year: type the price of one month"},
		{price, UnitMoney, PerMonth, "$30/mo..", price + " must be a number, like 30 or 1,200.50"},
		{price, UnitMoney, PerMonth, "$30.", "30"},
		{"Price paid", UnitMoney, NoPeriod, "$5/mo.", "Price paid is not per month: type the amount alone"},
		{clips, UnitClips, PerMonth, "10 a month", "10"},
		{clips, UnitClips, PerMonth, "1,200 Clips Monthly", "1200"},
		{clips, UnitClips, PerMonth, "10 clips each month", "10"},
		{clips, UnitClips, PerMonth, "10 clips every month", "10"},
		{clips, UnitClips, PerMonth, "10\u00a0clips\u00a0a\u00a0month", "10"},
		{"Credits per month", UnitCredits, PerMonth, "3,000 credits/month", "3000"},
		{"Credits per month", UnitCredits, PerMonth, "3000 credits a mo", "3000"},
		// Another period, in a field per month.
		{clips, UnitClips, PerMonth, "100 clips a year", clips + " is per month, not per year: type the number for one month"},
		{clips, UnitClips, PerMonth, "5 per day", clips + " is per month, not per day: type the number for one month"},
		{clips, UnitClips, PerMonth, "5 clips weekly", clips + " is per month, not per week: type the number for one month"},
		{clips, UnitClips, PerMonth, "5/wk", clips + " is per month, not per week: type the number for one month"},
		{clips, UnitClips, PerMonth, "5 clips annually", clips + " is per month, not per year: type the number for one month"},
		// Still its unit's mark, and a number.
		{clips, UnitClips, PerMonth, "$5 a month", clips + " is a count, not money: type the number alone"},
		{clips, UnitClips, PerMonth, "a month", clips + " must be a number, like 30 or 1,200.50"},
		{clips, UnitClips, PerMonth, "/month", clips + " must be a number, like 30 or 1,200.50"},
		{clips, UnitClips, PerMonth, "monthly", clips + " must be a number, like 30 or 1,200.50"},
		{clips, UnitClips, PerMonth, "10 demo", clips + " must be a number, like 30 or 1,200.50"},
		{clips, UnitClips, PerMonth, "10 amonth", clips + " must be a number, like 30 or 1,200.50"},
		{clips, UnitClips, PerMonth, "-10 a month", clips + " cannot be negative"},
		// Any period, in a field that counts once.
		{credits, UnitCredits, NoPeriod, "5 credits a month", credits + " is not per month: type the number alone"},
		{credits, UnitCredits, NoPeriod, "5/day", credits + " is not per day: type the number alone"},
		{"Price paid", UnitMoney, NoPeriod, "$5 a month", "Price paid is not per month: type the amount alone"},
		{credits, UnitCredits, NoPeriod, "5 credits", "5"},
	}
	for _, tt := range tests {
		got, err := ParseInPer(tt.field, tt.in, tt.unit, tt.per)
		if tt.per == NoPeriod {
			got2, err2 := ParseIn(tt.field, tt.in, tt.unit)
			if fmt.Sprint(err) != fmt.Sprint(err2) || !got.Equal(got2) {
				t.Errorf("ParseIn(%q) = %s, %v; ParseInPer(NoPeriod) = %s, %v", tt.in, got2, err2, got, err)
			}
		}
		if err != nil {
			if err.Error() != tt.want {
				t.Errorf("ParseInPer(%q, %s, %q) = %q; want %q", tt.in, tt.unit, tt.per, err, tt.want)
			}
			if strings.Contains(tt.want, "per ") != errors.Is(err, ErrOtherPeriod) {
				t.Errorf("ParseInPer(%q) = %v; want errors.Is ErrOtherPeriod only for another period", tt.in, err)
			}
			continue
		}
		if strings.Contains(tt.want, " ") {
			t.Errorf("ParseInPer(%q, %s, %q) = %s; want refused: %q", tt.in, tt.unit, tt.per, got, tt.want)
			continue
		}
		if !eq(t, got, tt.want) {
			t.Errorf("ParseInPer(%q, %s, %q) = %s; want %s", tt.in, tt.unit, tt.per, got, tt.want)
		}
	}

	// A plan's price a month, as a pricing page writes it.
	for _, tt := range []struct{ in, want string }{
		{"$30 a month", "30"},
		{"$30/month", "30"},
		{"30 per month", "30"},
		{"$30/mo", "30"},
		{"30 USD monthly", "30"},
		{"US$30 / month", "30"},
		{"$360 a year", price + " is per month, not per year: type the price of one month"},
		{"$360/yr", price + " is per month, not per year: type the price of one month"},
		{"€30 a month", price + " is in USD, not EUR: type the amount alone, or change the currency"},
		{"30 credits a month", price + " is in USD, not credits: type the amount alone"},
	} {
		got, err := ParsePricePer(price, tt.in, USD, PerMonth)
		switch {
		case err != nil && err.Error() != tt.want:
			t.Errorf("ParsePricePer(%q) = %q; want %q", tt.in, err, tt.want)
		case err == nil && !eq(t, got, tt.want):
			t.Errorf("ParsePricePer(%q) = %s; want %s", tt.in, got, tt.want)
		}
	}
	// A price per credit is no month's.
	if _, err := ParsePrice("Price per credit", "$0.01 a month", USD); err == nil ||
		err.Error() != "Price per credit is not per month: type the amount alone" {
		t.Errorf(`ParsePrice("$0.01 a month") = %v`, err)
	}
}
