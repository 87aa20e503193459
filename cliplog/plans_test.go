package cliplog

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/aivc/aivc/pricing"
)

func nd(s string) decimal.NullDecimal { return decimal.NewNullDecimal(d(s)) }

func TestPricePerCredit(t *testing.T) {
	prof := pricing.Profile{ID: "runway", Kind: pricing.KindCredits, Currency: pricing.USD, Plans: []pricing.Plan{
		{ID: "standard", Monthly: nd("15"), YearlyPerMonth: nd("12"), Credits: d("625")},
		{ID: "pro", Monthly: nd("35"), Yearly: nd("336"), Credits: d("2250")},
		{ID: "yearonly", Yearly: nd("120"), Credits: d("1000")},
	}}
	api := pricing.Profile{ID: "fal", Kind: pricing.KindAPI, Currency: pricing.USD}
	tests := []struct {
		name string
		prof pricing.Profile
		plan MyPlan
		want string // "" for an error
		err  error
	}{
		{"monthly", prof, MyPlan{ProfileID: "runway", PlanID: "standard"}, "0.024 USD", nil},
		{"yearly per month", prof, MyPlan{ProfileID: "runway", PlanID: "standard", Billing: Yearly}, "0.0192 USD", nil},
		{"yearly price ÷ 12", prof, MyPlan{ProfileID: "runway", PlanID: "pro", Billing: Yearly}, "0.0124444444444444 USD", nil},
		{"monthly, not offered", prof, MyPlan{ProfileID: "runway", PlanID: "yearonly"}, "", pricing.ErrNoPrice},
		{"unknown plan", prof, MyPlan{ProfileID: "runway", PlanID: "gold"}, "", pricing.ErrUnknown},
		{"custom", prof, MyPlan{ProfileID: "runway", Price: money("10", pricing.EUR), Credits: d("400")}, "0.025 EUR", nil},
		{"custom, no credits", prof, MyPlan{ProfileID: "runway", Price: money("10", pricing.EUR)}, "", pricing.ErrZero},
		{"custom, no currency", prof, MyPlan{ProfileID: "runway", Price: money("10", ""), Credits: d("1")}, "", pricing.ErrEmpty},
		{"api", api, MyPlan{ProfileID: "fal"}, "1 USD", nil},
		{"bad billing", prof, MyPlan{ProfileID: "runway", PlanID: "standard", Billing: "weekly"}, "", ErrBadPlan},
		{"plan and price", prof, MyPlan{ProfileID: "runway", PlanID: "standard", Credits: d("5")}, "", ErrBadPlan},
	}
	for _, tt := range tests {
		got, err := tt.plan.PricePerCredit(tt.prof)
		if tt.err != nil {
			if !errors.Is(err, tt.err) {
				t.Errorf("%s: err = %v, want %v", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil || pricing.Exact(got.Amount)+" "+string(got.Currency) != tt.want {
			t.Errorf("%s: %s %s, %v; want %s", tt.name, pricing.Exact(got.Amount), got.Currency, err, tt.want)
		}
	}
}

func TestSettings(t *testing.T) {
	var s Settings
	if s.DisplayCurrency() != pricing.USD || s.RatesOrDefault().Base != pricing.USD {
		t.Error("zero settings: want USD and the default rates")
	}
	if err := s.Validate(); err != nil {
		t.Error(err)
	}
	s = Settings{Display: "EUR", Rates: testRates, LastExport: "2025-03-01T10:00:00Z"}
	if err := s.Validate(); err != nil {
		t.Error(err)
	}
	back, err := decodeSettings(encodeSettings(s))
	if err != nil || encodeSettings(back) != encodeSettings(s) {
		t.Errorf("settings round trip: %v", err)
	}
	s.Rates.Per = map[pricing.Currency]decimal.Decimal{pricing.EUR: decimal.Zero}
	if err := s.Validate(); !errors.Is(err, pricing.ErrZero) {
		t.Errorf("zero rate: %v", err)
	}
}

// TestSavedRates: the rates saved in the settings, read alone; the
// bundled ones without settings, or with settings that cannot be read.
func TestSavedRates(t *testing.T) {
	s := NewMemStore()
	if r := SavedRates(s); r.Describe(pricing.USD, pricing.EUR) != pricing.DefaultRates().Describe(pricing.USD, pricing.EUR) {
		t.Errorf("no settings: %v", r)
	}
	s.Put(SettingsKey, encodeSettings(Settings{Display: "EUR", Rates: testRates}))
	if r := SavedRates(s); encodeSettings(Settings{Rates: r}) != encodeSettings(Settings{Rates: testRates}) {
		t.Errorf("saved %v, read %v", testRates, r)
	}
	s.Put(SettingsKey, `{"display":"EUR","rates":{"base":"USD","per":{"EUR":"0"}}}`)
	if r := SavedRates(s); !r.Per[pricing.EUR].Equal(pricing.DefaultRates().Per[pricing.EUR]) {
		t.Errorf("a zero rate saved: read %v", r)
	}
	// A rate is read as /log's field reads it (pricing.ParseRate): in
	// the currency it is for, never in another's ("$0.9" was 0.9 euros).
	if _, err := decodeSettings(`{"rates":{"base":"USD","per":{"EUR":"€0.9"}}}`); err != nil {
		t.Errorf("a rate with its own currency's mark: %v", err)
	}
	if _, err := decodeSettings(`{"rates":{"base":"USD","per":{"EUR":"$0.9"}}}`); !errors.Is(err, pricing.ErrOtherCurrency) {
		t.Errorf("a rate in euros written in dollars: %v", err)
	}
}

// Every bundled plan of the catalog prices, or says why not.
func TestPricePerCreditCatalog(t *testing.T) {
	ps, err := pricing.Catalog()
	if err != nil {
		t.Skipf("catalog: %v", err)
	}
	n := 0
	for _, prof := range ps {
		for _, pl := range prof.Plans {
			for _, b := range []Billing{Monthly, Yearly} {
				got, err := MyPlan{ProfileID: prof.ID, PlanID: pl.ID, Billing: b}.PricePerCredit(prof)
				switch {
				case err == nil:
					n++
					if got.Currency != prof.Currency || !got.Amount.IsPositive() {
						t.Errorf("%s/%s %s: %v", prof.ID, pl.ID, b, got)
					}
				case !errors.Is(err, pricing.ErrNoPrice):
					t.Errorf("%s/%s %s: %v", prof.ID, pl.ID, b, err)
				}
			}
		}
	}
	t.Logf("%d plan prices per credit from %d profiles", n, len(ps))
}

// TestHoldsSettings: a display currency or exchange rates of the device's
// own are what a backup holds of it (Log.Holds), as its clips are; the
// bundled rates, saved with a display currency picked, and USD are not.
func TestHoldsSettings(t *testing.T) {
	own := pricing.Rates{Base: pricing.USD, Per: map[pricing.Currency]decimal.Decimal{pricing.EUR: d("0.9"), pricing.GBP: d("0.76")}}
	retyped := pricing.DefaultRates()
	retyped.Date, retyped.Source = "2026-11-28", "Typed in on the clip log page."
	for _, tt := range []struct {
		name string
		set  Settings
		want bool
	}{
		{"none", Settings{}, false},
		{"USD picked", Settings{Display: pricing.USD, Rates: pricing.DefaultRates()}, false},
		{"the bundled rates typed again", Settings{Rates: retyped}, false},
		{"EUR picked", Settings{Display: pricing.EUR, Rates: pricing.DefaultRates()}, true},
		{"rates typed", Settings{Rates: own}, true},
	} {
		l := openLog(t, NewMemStore())
		if tt.set.Display != "" || tt.set.Rates.Base != "" {
			if err := l.SaveSettings(tt.set); err != nil {
				t.Fatal(err)
			}
		}
		if clips, plans, profiles, settings := l.Holds(); clips != 0 || plans != 0 || profiles != 0 || settings != tt.want {
			t.Errorf("%s: Holds() = %d, %d, %d, %v; want settings %v", tt.name, clips, plans, profiles, settings, tt.want)
		}
	}
}
