package cliplog

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/aivc/aivc/pricing"
)

// Billing is how a bundled plan is paid.
type Billing string

const (
	Monthly Billing = "monthly" // the default
	Yearly  Billing = "yearly"
)

// MyPlan is the plan the person is on for one profile, so that each clip
// logged there is priced at their real price per credit. It is either a
// bundled plan (PlanID, and Billing) or a custom one (Price and Credits:
// what they pay per month, or for a pack, and the credits it buys).
type MyPlan struct {
	_         pricing.NotComparable // decimals: == would compare pointers
	ProfileID string
	PlanID    string          // a pricing.Plan.ID of the profile; empty for a custom plan
	Billing   Billing         // bundled plans: Monthly ("" means Monthly) or Yearly
	Price     pricing.Money   // custom plans: the price paid
	Credits   decimal.Decimal // custom plans: the credits it buys
}

// Custom reports whether p is a custom price rather than a bundled plan.
func (p MyPlan) Custom() bool { return p.PlanID == "" }

// Validate checks p on its own; PricePerCredit checks it against a profile.
func (p MyPlan) Validate() error {
	if err := checkText(FieldProfileID, p.ProfileID, true, MaxNameLen, false); err != nil {
		return err
	}
	if !p.Custom() {
		if err := checkText(FieldPlanID, p.PlanID, true, MaxNameLen, false); err != nil {
			return err
		}
		if p.Billing != "" && p.Billing != Monthly && p.Billing != Yearly {
			return inputErr("Billing", clip(string(p.Billing)), ErrBadPlan)
		}
		if !p.Price.Amount.IsZero() || p.Price.Currency != "" || !p.Credits.IsZero() {
			return inputErr(FieldPlanID, p.PlanID, ErrBadPlan)
		}
		return nil
	}
	if p.Billing != "" {
		return inputErr("Billing", string(p.Billing), ErrBadPlan)
	}
	if err := checkCurrency(p.Price.Currency); err != nil {
		return err
	}
	if err := checkAmount("Price", p.Price.Amount, false); err != nil {
		return err
	}
	return checkAmount("Credits", p.Credits, true)
}

// PricePerCredit returns what one unit costs on p, at
// pricing.DivisionScale (the one rounding). prof is the profile p is for.
// In an API profile one unit is money, so the price is APIPrice. A bundled
// plan is priced by its monthly price (Billing Monthly) or its price per
// month billed yearly (Yearly) divided by its monthly credits; an error
// wraps pricing.ErrUnknown (no such plan) or pricing.ErrNoPrice (the plan
// has no price for that billing, or no credits).
func (p MyPlan) PricePerCredit(prof pricing.Profile) (pricing.Money, error) {
	if prof.Kind == pricing.KindAPI {
		return APIPrice(prof.Currency), nil
	}
	if err := p.Validate(); err != nil {
		return pricing.Money{}, err
	}
	if p.Custom() {
		return pricing.NewMoney(p.Price.Amount.DivRound(p.Credits, pricing.DivisionScale), p.Price.Currency), nil
	}
	lens := pricing.LensMonthly
	if p.Billing == Yearly {
		lens = pricing.LensYearly
	}
	// The engine's own unit prices, so the log prices a plan exactly as
	// the calculator does.
	for _, u := range prof.UnitPrices(lens) {
		if u.PlanID == p.PlanID && u.PackID == "" {
			return pricing.NewMoney(u.PerCredit.Amount, u.PerCredit.Currency), nil
		}
	}
	// A pack, where the platform sells only packs (Kling's API): bought
	// once, whatever the billing.
	for _, u := range prof.UnitPrices(pricing.LensPacks) {
		if u.PackID == p.PlanID && len(prof.Plans) == 0 {
			return pricing.NewMoney(u.PerCredit.Amount, u.PerCredit.Currency), nil
		}
	}
	if _, ok := prof.FindPlan(p.PlanID); !ok {
		return pricing.Money{}, fmt.Errorf("plan %q of %s: %w", p.PlanID, prof.ID, pricing.ErrUnknown)
	}
	return pricing.Money{}, fmt.Errorf("plan %q of %s, billed %s: %w", p.PlanID, prof.ID, billingName(p.Billing), pricing.ErrNoPrice)
}

func billingName(b Billing) string {
	if b == "" {
		return string(Monthly)
	}
	return string(b)
}

// Settings are the log page's preferences.
type Settings struct {
	// Display is the currency totals are shown in; "" means USD.
	Display pricing.Currency
	// Rates is the person's exchange-rate table; a zero Rates (no Base)
	// means pricing.DefaultRates().
	Rates pricing.Rates
	// LastExport is when the log was last exported (RFC 3339), "" if never,
	// so the page can remind people that a browser may clear its data.
	LastExport string
}

// DisplayCurrency returns Display, or USD when it is empty.
func (s Settings) DisplayCurrency() pricing.Currency {
	if s.Display == "" {
		return pricing.USD
	}
	return s.Display
}

// Own reports what of s the person set: a display currency other than
// USD, and exchange rates whose figures are not the bundled ones (their
// date and source aside, as an import compares them). A backup holds them
// (Backup.Settings), so they are the device's own, as its clips are
// (Log.Holds).
func (s Settings) Own() (display, rates bool) {
	figures := func(r pricing.Rates) string { return ratesKey(pricing.Rates{Base: r.Base, Per: r.Per}) }
	return s.DisplayCurrency() != pricing.USD, figures(s.RatesOrDefault()) != figures(pricing.DefaultRates())
}

// RatesOrDefault returns Rates, or pricing.DefaultRates() when it is unset.
func (s Settings) RatesOrDefault() pricing.Rates {
	if s.Rates.Base == "" {
		return pricing.DefaultRates()
	}
	return s.Rates
}

// SavedRates returns the exchange rates saved in s (Settings.Rates), read
// alone: the pages that convert money without opening the log (/compare,
// /plan) convert it as the log does. pricing.DefaultRates when none are
// saved or they cannot be read.
func SavedRates(s Store) pricing.Rates {
	v, ok, err := s.Get(SettingsKey)
	if !ok || err != nil {
		return pricing.DefaultRates()
	}
	set, err := decodeSettings(v)
	if err != nil {
		return pricing.DefaultRates()
	}
	return set.RatesOrDefault()
}

// Validate checks the currency codes, the rates (each more than 0) and the
// export time.
func (s Settings) Validate() error {
	if s.Display != "" {
		if err := checkCurrency(s.Display); err != nil {
			return err
		}
	}
	if s.Rates.Base != "" || len(s.Rates.Per) > 0 {
		if err := checkCurrency(s.Rates.Base); err != nil {
			return err
		}
		if err := checkText("Rate date", s.Rates.Date, false, MaxNameLen, false); err != nil {
			return err
		}
		if err := checkText("Rate source", s.Rates.Source, false, MaxNoteLen, false); err != nil {
			return err
		}
		if len(s.Rates.Per) > 200 {
			return inputErr("Rates", "", ErrTooLong)
		}
		for _, c := range sortedCurrencies(s.Rates.Per) {
			if err := checkCurrency(c); err != nil {
				return err
			}
			if err := checkAmount("Rate for "+string(c), s.Rates.Per[c], true); err != nil {
				return err
			}
		}
	}
	if s.LastExport != "" {
		return checkTime("Last export", s.LastExport)
	}
	return nil
}

func sortedCurrencies(m map[pricing.Currency]decimal.Decimal) []pricing.Currency {
	cs := make([]pricing.Currency, 0, len(m))
	for c := range m {
		cs = append(cs, c)
	}
	slices.Sort(cs)
	return cs
}
