package pricing

import (
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// workingLine is a line of working with a sum in money: "40 credits ×
// $0.015556 = $0.6222", "$0.6222 ÷ 7.5 s = $0.083 per second".
var workingLine = regexp.MustCompile(`^(?:[^:]*: )?([$€£]?[0-9][0-9,.]*)(?:/s)?(?: [^×÷=+]*)? ([×÷]) ([$€£]?[0-9][0-9,.]*)[^=+]* = ([$€£][0-9][0-9,.]*)`)

// checkWorking fails for each line of money working that does not work
// out as written: its operands, as shown, give a result that FormatMoney
// shows otherwise.
func checkWorking(t *testing.T, what string, lines []string) (checked int) {
	t.Helper()
	num := func(s string) decimal.Decimal {
		d, err := decimal.NewFromString(strings.ReplaceAll(strings.TrimLeft(s, "$€£"), ",", ""))
		if err != nil {
			t.Fatalf("%s: %q is not a number", what, s)
		}
		return d
	}
	for _, line := range lines {
		m := workingLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		a, b := num(m[1]), num(m[3])
		var got decimal.Decimal
		if m[2] == "×" {
			got = a.Mul(b)
		} else {
			got = a.DivRound(b, 16)
		}
		cur := Currency("")
		for c, sym := range symbols {
			if strings.HasPrefix(m[4], sym) {
				cur = c
			}
		}
		if FormatMoney(Money{got, cur}) != m[4] {
			t.Errorf("%s: %q: %s %s %s is %s, not %s", what, line, m[1], m[2], m[3], FormatMoney(Money{got, cur}), m[4])
		}
		checked++
	}
	return checked
}

func TestWorkingMoney(t *testing.T) {
	usd := func(s string) Money { return Money{decimal.RequireFromString(s), USD} }
	tests := []struct {
		m, by, want string
	}{
		{"0.0151515151515152", "20", "$0.01515"},   // $0.0152 × 20 = $0.304, not $0.303
		{"0.0155555555555556", "40", "$0.015556"},  // $0.01556 × 40 = $0.6224
		{"0.01", "50", "$0.01"},                    // exact: as FormatMoney
		{"0.303030303030303", "1000", "$0.30303"},  // 1,000 clips: $303.03
		{"12.3456789", "100", "$12.3457"},          // $12.35 × 100 = $1,235.00, not $1,234.57
		{"-0.0151515151515152", "20", "-$0.01515"}, // a refund
	}
	for _, tt := range tests {
		m := usd(tt.m)
		by := decimal.RequireFromString(tt.by)
		if got := WorkingMoney(m, by.Mul, Money{m.Amount.Mul(by), USD}); got != tt.want {
			t.Errorf("WorkingMoney(%s) × %s = %q, want %q", tt.m, tt.by, got, tt.want)
		}
	}
}

// Every line of money working the calculator, the quotes and the month
// plans write works out as written, for every bundled model and a spread of
// shots and mixes.
func TestWorkingChecksOut(t *testing.T) {
	ps := testCatalog(t)
	checked := 0
	for _, p := range ps {
		for _, m := range p.Models {
			for _, s := range []string{"5 720p", "7.5 1080p x1.5", "10 720p x3", "4 480p x1.25"} {
				for _, l := range []Lens{LensMonthly, LensYearly, LensFirst, LensPacks, LensAPI} {
					q, err := p.Quote(m.ID, shot(t, s), l)
					if err != nil {
						continue
					}
					checked += checkWorking(t, p.ID+"/"+m.ID+" "+s+" "+string(l), q.Working)
				}
			}
		}
	}
	for _, in := range []string{
		"price=10 credits=660 clip=20 dur=5 takes=1 clips=1000",
		"price=35 credits=2250 cps=5 dur=7.5 takes=1.5 clips=7",
		"price=9.99 credits=700 clip=33 dur=6 takes=2.5 clips=12 bonus=50",
		"ppc=0.0123456 clip=77 dur=9 takes=1.75 clips=333",
	} {
		c, err := Calculate(custom(t, in))
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		lines := make([]string, 0, len(c.Working))
		for _, w := range c.Working {
			lines = append(lines, w)
		}
		checked += checkWorking(t, in, lines)
	}
	// In euros too, at a rate typed on /log: the month's cost is converted,
	// and its line per kept second divides the euros shown.
	typed := Rates{Base: USD, Per: map[Currency]decimal.Decimal{EUR: decimal.RequireFromString("0.93")}}
	for _, gm := range goldenMixes {
		for _, p := range ps {
			for _, o := range []MonthOptions{
				{Billing: LensMonthly, Rates: DefaultRates(), Display: USD},
				{Billing: LensYearly, Rates: DefaultRates(), Display: USD},
				{Billing: LensMonthly, Rates: typed, Display: EUR},
			} {
				mp, err := PlanMonth(p, mix(t, gm.mix), o)
				if err == nil {
					checked += checkWorking(t, p.ID+" "+gm.mix+" "+string(o.Billing)+" "+string(o.Display), mp.Working)
				}
			}
		}
	}
	if checked < 500 {
		t.Errorf("checked %d lines of working, want many more: is the pattern still right?", checked)
	}
	t.Logf("%d lines of working checked", checked)
}
