package pricing

import (
	"fmt"
	"strings"
	"testing"
)

func TestUnitPrices(t *testing.T) {
	studio := profile(t, studioJSON)
	cloud := profile(t, cloudJSON)
	tests := []struct {
		p    Profile
		lens Lens
		want string // lens:plan-or-pack=per credit (note), cheapest first
	}{
		// Monthly: monthly price ÷ credits. Max is billed yearly only.
		{studio, LensMonthly, "monthly:pro=0.0155555555555556 (billed monthly); monthly:std=0.024 (billed monthly, without the first month's bonus credits)"},
		// Yearly: yearly per month, or yearly ÷ 12, ÷ credits; std's bonus
		// is the first month's, billed yearly too (as the calculator has it).
		{studio, LensYearly, "yearly:max=0.008 (billed yearly); yearly:pro=0.0124444444444444 (billed yearly); yearly:std=0.0192 (billed yearly, without the first month's bonus credits)"},
		// First month: 15 ÷ (625 + min(312.5, 200)).
		{studio, LensFirst, "first:pro=0.0155555555555556 (first month, no promotion); first:std=0.0181818181818182 (first month: +50% credits, up to 200)"},
		// Packs.
		{studio, LensPacks, "packs:topup=0.01 (needs a subscription); packs:starter=0.0166666666666667 ($5 for 300 credits, valid 30 days)"},
		// Cheapest: monthly, yearly and packs, never first.
		{studio, LensCheapest, "yearly:max=0.008 (billed yearly); packs:topup=0.01 (needs a subscription); " +
			"yearly:pro=0.0124444444444444 (billed yearly); monthly:pro=0.0155555555555556 (billed monthly); " +
			"packs:starter=0.0166666666666667 ($5 for 300 credits, valid 30 days); yearly:std=0.0192 (billed yearly, without the first month's bonus credits); monthly:std=0.024 (billed monthly, without the first month's bonus credits)"},
		{studio, LensAPI, ""},
		// An API profile has one way: 1 unit of money per unit.
		{cloud, LensAPI, "api:=1 (pay as you go)"},
		{cloud, LensCheapest, "api:=1 (pay as you go)"},
		{cloud, LensMonthly, ""},
		{cloud, LensPacks, ""},
	}
	for _, tt := range tests {
		var got []string
		for _, u := range tt.p.UnitPrices(tt.lens) {
			id := u.PlanID + u.PackID
			got = append(got, fmt.Sprintf("%s:%s=%s (%s)", u.Lens, id, Exact(u.PerCredit.Amount), u.Note))
			if u.PerCredit.Currency != tt.p.Currency {
				t.Errorf("%s %s: currency %s", tt.p.ID, tt.lens, u.PerCredit.Currency)
			}
		}
		if g := strings.Join(got, "; "); g != tt.want {
			t.Errorf("%s %s:\n got %s\nwant %s", tt.p.ID, tt.lens, g, tt.want)
		}
	}
}

// TestYearlyBonusSaid: billed yearly, a plan's first month has its bonus
// in the calculator, so /compare's yearly price, the regular month's,
// says it is without it (it said only "billed yearly").
func TestYearlyBonusSaid(t *testing.T) {
	studio := profile(t, studioJSON)
	c, err := Calculate(CalcInput{Profile: &studio, PlanID: "std", Billing: LensYearly, ModelID: "turbo",
		Res: Res720p, Seconds: dec(t, "5")})
	// $12 ÷ (625 + 200 bonus) credits in the first month.
	if err != nil || !c.HasFirst || !strings.Contains(c.Working["first-price-per-credit"], "200 bonus") {
		t.Fatalf("std billed yearly: first month %v %q (%v), want the bonus", c.HasFirst, c.Working["first-price-per-credit"], err)
	}
	for _, u := range studio.UnitPrices(LensYearly) {
		if u.PlanID == "std" && u.Note != "billed yearly, without the first month's bonus credits" {
			t.Errorf("std billed yearly: noted %q, want the bonus said", u.Note)
		}
	}
}

// TestUnitPricesIntroNote: the first month's note says the intro price's
// months, and of one month nothing more: it said "for 1 months".
func TestUnitPricesIntroNote(t *testing.T) {
	base := `{"id":"p","name":"P","platform":"P","kind":"credits","currency":"USD","url":"https://p.example",
		"plans":[{"id":"a","name":"A","monthly":"30","credits":"10000","promo":{"intro_price":"15","intro_months":%d,"source":{}},"source":{}}],"models":[]}`
	for months, want := range map[int]string{
		3: "first month at the intro price for 3 months, then $30",
		1: "first month at the intro price, then $30",
	} {
		p := profile(t, fmt.Sprintf(base, months))
		if ups := p.UnitPrices(LensFirst); len(ups) != 1 || ups[0].Note != want {
			t.Errorf("intro for %d months: %+v, want the note %q", months, ups, want)
		}
	}
}

func TestUnitPricesPromos(t *testing.T) {
	base := `{"id":"p","name":"P","platform":"P","kind":"credits","currency":"USD","url":"https://p.example",
		"plans":[{"id":"a","name":"A","monthly":"30","credits":"10000","promo":%s,"source":{}}],"models":[]}`
	tests := []struct {
		promo string
		want  string
	}{
		// Bonus percent, capped: 30 ÷ (10,000 + min(5,000, 2,000)).
		{`{"bonus_percent":"50","bonus_cap":"2000","source":{}}`, "0.0025"},
		// Uncapped: 30 ÷ 15,000.
		{`{"bonus_percent":"50","source":{}}`, "0.002"},
		// Intro price: 15 ÷ 10,000.
		{`{"intro_price":"15","intro_months":3,"source":{}}`, "0.0015"},
		// Both: 15 ÷ 12,000.
		{`{"intro_price":"15","bonus_percent":"20","source":{}}`, "0.00125"},
		// A cap of 0 gives no bonus.
		{`{"bonus_percent":"50","bonus_cap":"0","source":{}}`, "0.003"},
		// No promotion: the monthly price.
		{`null`, "0.003"},
	}
	for _, tt := range tests {
		p := profile(t, fmt.Sprintf(base, tt.promo))
		ups := p.UnitPrices(LensFirst)
		if len(ups) != 1 || !eq(t, ups[0].PerCredit.Amount, tt.want) {
			t.Errorf("promo %s: %+v, want %s", tt.promo, ups, tt.want)
		}
		// The steady state ignores the promotion.
		if m := p.UnitPrices(LensMonthly); len(m) != 1 || !eq(t, m[0].PerCredit.Amount, "0.003") {
			t.Errorf("promo %s: monthly %+v", tt.promo, m)
		}
	}
}

// A plan or pack without credits is skipped, not divided by.
func TestUnitPricesNoCredits(t *testing.T) {
	p := profile(t, `{"id":"p","name":"P","platform":"P","kind":"credits","currency":"USD","url":"",
		"plans":[{"id":"a","name":"A","monthly":"30","yearly":"300","credits":"0","source":{}}],
		"packs":[{"id":"k","name":"K","price":"5","credits":"0","source":{}}],"models":[]}`)
	for _, l := range Lenses {
		if ups := p.UnitPrices(l); len(ups) != 0 {
			t.Errorf("%s: %+v", l, ups)
		}
	}
}

func TestLensValid(t *testing.T) {
	for _, l := range Lenses {
		if !l.Valid() {
			t.Errorf("%s not valid", l)
		}
	}
	if Lens("weekly").Valid() || Lens("").Valid() {
		t.Error("weekly or empty is valid")
	}
}

// TestUnitPricesPromoFolds: where a way's note says what its price leaves
// out of a promotion, or what follows it, Promo is that end of the note,
// and ShortNote the rest: /compare's Plan column shows the short note and
// folds the promotion. Google AI Ultra's note made its rows 165 px tall.
func TestUnitPricesPromoFolds(t *testing.T) {
	base := `{"id":"p","name":"P","platform":"P","kind":"credits","currency":"USD","url":"https://p.example",
		"plans":[{"id":"a","name":"A","monthly":"30","yearly":"300","credits":"10000","promo":%s,"source":{}}],"models":[]}`
	tests := []struct {
		promo string
		lens  Lens
		short string
		fold  string
	}{
		{`{"intro_price":"15","intro_months":3,"source":{}}`, LensMonthly,
			"billed monthly", "at the regular price, not the intro $15 of the first 3 months"},
		{`{"bonus_percent":"50","source":{}}`, LensMonthly, "billed monthly", "without the first month's bonus credits"},
		{`{"bonus_percent":"50","source":{}}`, LensYearly, "billed yearly", "without the first month's bonus credits"},
		{`{"intro_price":"15","intro_months":3,"source":{}}`, LensYearly, "billed yearly", ""},
		{`{"intro_price":"15","intro_months":3,"source":{}}`, LensFirst, "first month at the intro price", "for 3 months, then $30"},
		{`{"intro_price":"15","intro_months":1,"source":{}}`, LensFirst, "first month at the intro price", "then $30"},
		// The bonus after the intro price: nothing to fold at the end.
		{`{"intro_price":"15","intro_months":3,"bonus_percent":"20","source":{}}`, LensFirst,
			"first month at the intro price for 3 months, then $30: +20% credits", ""},
	}
	for _, tt := range tests {
		p := profile(t, fmt.Sprintf(base, tt.promo))
		ups := p.UnitPrices(tt.lens)
		if len(ups) != 1 {
			t.Fatalf("%s %s: %d ways", tt.promo, tt.lens, len(ups))
		}
		u := ups[0]
		if u.ShortNote() != tt.short || u.Promo != tt.fold || !strings.HasSuffix(u.Note, u.Promo) {
			t.Errorf("%s %s: note %q: short %q and promotion %q, want %q and %q", tt.promo, tt.lens, u.Note, u.ShortNote(), u.Promo, tt.short, tt.fold)
		}
	}
	// Every way of the catalog: the note is its short note, then its
	// promotion.
	ps, err := Catalog()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		for _, l := range Lenses {
			for _, u := range p.UnitPrices(l) {
				if u.Promo != "" && u.Note != u.ShortNote()+" "+u.Promo && u.Note != u.ShortNote()+", "+u.Promo {
					t.Errorf("%s %s %s: note %q is not %q then %q", p.ID, l, u.PlanID, u.Note, u.ShortNote(), u.Promo)
				}
			}
		}
	}
}
