package pricing

import (
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Field labels: the names of the calculator's inputs, used in *InputError
// so that a message names what to fix ("Credits per month must be more
// than 0").
const (
	FieldPrice            = "Plan price"
	FieldCredits          = "Credits per month"
	FieldPerCredit        = "Price per credit"
	FieldClipCredits      = "Credits per clip"
	FieldCreditsPerSecond = "Credits per second"
	FieldDuration         = "Duration"
	FieldTakes            = "Generations per kept clip"
	FieldClips            = "Clips"
	FieldBonus            = "Bonus"
	FieldBonusCap         = "Bonus cap"
	FieldMix              = "Mix"
)

// CalcInput is the calculator page's form. With a Profile it prices a
// bundled plan and model (PlanID, Billing, ModelID, Res); without, the
// custom numbers a person typed (Currency, Price and Credits or
// PerCredit, ClipCredits or CreditsPerSecond, and an optional first-month
// BonusPercent capped at BonusCap credits). Seconds, Takes (0 means 1),
// Clips (0 means 1) and Addons apply to both.
type CalcInput struct {
	// Bundled.
	Profile *Profile
	PlanID  string // "" picks the first plan priced under Billing that can use the model
	Billing Lens   // LensMonthly or LensYearly; "" means monthly
	ModelID string
	Res     Resolution // "" means the model's first resolution

	// Custom.
	Currency         Currency // "" means USD
	Price            decimal.NullDecimal
	Credits          decimal.NullDecimal
	PerCredit        decimal.NullDecimal // instead of Price and Credits
	ClipCredits      decimal.NullDecimal
	CreditsPerSecond decimal.NullDecimal // instead of ClipCredits
	BonusPercent     decimal.NullDecimal
	BonusCap         decimal.NullDecimal

	Seconds decimal.Decimal
	Takes   decimal.Decimal
	Clips   decimal.Decimal
	Addons  []AddonKind
}

// Calculation is the calculator's result: the guide's three steps, then
// retakes and the total. Money is in Currency and keeps full precision;
// format it with FormatMoney, and put Exact(x.Amount) in data attributes.
type Calculation struct {
	Currency Currency
	// API is set for a pay-as-you-go profile: units are money, and
	// PricePerCredit is 1.
	API      bool
	PlanName string

	PricePerCredit Money
	CreditsPerClip decimal.Decimal // units per generated clip
	PaidSeconds    decimal.Decimal
	UnusedSeconds  decimal.Decimal

	CostPerClip       Money
	CostPerSecond     Money // cost per clip ÷ the seconds asked
	CostPerKeptClip   Money // cost per clip × generations per kept clip
	CostPerKeptSecond Money
	Total             Money // cost per kept clip × clips

	// MonthCredits is the plan's credits a month: a bundled plan's, or the
	// Credits typed; zero with a typed price per credit and on an API.
	// ClipsPerMonth is how many whole clips of the shot they buy, and
	// KeptPerMonth how many whole kept clips (at Takes generations each).
	MonthCredits, ClipsPerMonth, KeptPerMonth decimal.Decimal

	// HasFirst is set when the first period is cheaper: bonus credits
	// (percent, capped) or an intro price.
	HasFirst            bool
	FirstPricePerCredit Money
	FirstCostPerClip    Money

	// Working says how each result was reached, keyed by the result's id:
	// "price-per-credit" → "$30 ÷ 3,000 credits = $0.01 per credit", and
	// "credits-per-clip", "cost-per-clip", "cost-per-second",
	// "cost-per-kept-clip", "cost-per-kept-second", "total-cost", and with
	// HasFirst "first-price-per-credit" and "first-cost-per-clip".
	Working map[string]string
}

// Calculate runs the calculator. Impossible custom values are *InputError
// naming the field (every bad field is reported, joined with errors.Join;
// errors.As finds the first). A shot the model cannot make is a
// *NotOfferedError; an unknown plan or model wraps ErrUnknown; a plan
// without a price under Billing wraps ErrNoPrice.
func Calculate(in CalcInput) (Calculation, error) {
	var errs []error
	bad := func(field string, v decimal.Decimal, err error) {
		errs = append(errs, &InputError{Field: field, Value: Exact(v), Err: err})
	}
	// need checks an optional custom amount: present, not negative, and
	// more than zero when positive is set.
	need := func(field string, v decimal.NullDecimal, positive bool) {
		switch {
		case !v.Valid:
			errs = append(errs, &InputError{Field: field, Err: ErrEmpty})
		case v.Decimal.IsNegative():
			bad(field, v.Decimal, ErrNegative)
		case positive && v.Decimal.IsZero():
			bad(field, v.Decimal, ErrZero)
		}
	}
	custom := in.Profile == nil
	if custom {
		if in.PerCredit.Valid {
			need(FieldPerCredit, in.PerCredit, false)
		} else {
			need(FieldPrice, in.Price, false)
			need(FieldCredits, in.Credits, true)
		}
		if in.ClipCredits.Valid || !in.CreditsPerSecond.Valid {
			need(FieldClipCredits, in.ClipCredits, true)
		} else {
			need(FieldCreditsPerSecond, in.CreditsPerSecond, true)
		}
	}
	switch in.Seconds.Sign() {
	case 0:
		bad(FieldDuration, in.Seconds, ErrZero)
	case -1:
		bad(FieldDuration, in.Seconds, ErrNegative)
	}
	if err := checkTakes(FieldTakes, in.Takes, Exact(in.Takes)); err != nil {
		errs = append(errs, err)
	}
	clips := in.Clips
	switch {
	case clips.IsZero():
		clips = one
	case clips.IsNegative():
		bad(FieldClips, clips, ErrNegative)
	}
	if custom {
		if in.BonusPercent.Valid && in.BonusPercent.Decimal.IsNegative() {
			bad(FieldBonus, in.BonusPercent.Decimal, ErrNegative)
		}
		if in.BonusCap.Valid && in.BonusCap.Decimal.IsNegative() {
			bad(FieldBonusCap, in.BonusCap.Decimal, ErrNegative)
		}
	}
	if len(errs) == 1 {
		return Calculation{}, errs[0]
	}
	if len(errs) > 1 {
		return Calculation{}, errors.Join(errs...)
	}
	si, err := prepareShot(Shot{Seconds: in.Seconds, Res: in.Res, Tier: TierAny, Takes: in.Takes, Addons: in.Addons})
	if err != nil { // checked above; kept for safety
		return Calculation{}, err
	}
	if custom {
		return calcCustom(&in, &si, clips)
	}
	return calcBundled(&in, &si, clips)
}

// calcPrice is step one of a calculation: the price of a unit, and the
// first-period price when there is one.
type calcPrice struct {
	perCredit, first  Money
	exact, firstExact ratio // perCredit and first unrounded, for what multiplies them
	hasFirst          bool
	words, firstWord  string
}

func calcCustom(in *CalcInput, si *shotInfo, clips decimal.Decimal) (Calculation, error) {
	cur := in.Currency
	if cur == "" {
		cur = USD
	}
	var cp calcPrice
	bonus := in.BonusPercent.Valid && in.BonusPercent.Decimal.IsPositive()
	if in.PerCredit.Valid {
		cp.perCredit, cp.exact = Money{in.PerCredit.Decimal, cur}, ratio{num: in.PerCredit.Decimal, den: one}
		cp.words = FormatMoney(cp.perCredit) + " per credit"
		if bonus { // without credits per month a cap cannot apply
			cp.firstExact = ratio{num: in.PerCredit.Decimal.Mul(hundred), den: hundred.Add(in.BonusPercent.Decimal)}
			q, _ := div(cp.firstExact.num, cp.firstExact.den)
			cp.first, cp.hasFirst = Money{q, cur}, true
			cp.firstWord = FormatMoney(cp.perCredit) + " ÷ (1 + " + FormatNumber(in.BonusPercent.Decimal) +
				"% bonus) = " + FormatMoney(cp.first) + " per credit in the first month"
		}
	} else {
		price := Money{in.Price.Decimal, cur}
		q, _ := div(price.Amount, in.Credits.Decimal)
		cp.perCredit, cp.exact = Money{q, cur}, ratio{num: price.Amount, den: in.Credits.Decimal}
		cp.words = formatPrice(price) + " ÷ " + Count(in.Credits.Decimal, "credit", "credits") + " = " +
			FormatMoney(cp.perCredit) + " per credit"
		if bonus {
			b := bonusCredits(in.Credits.Decimal, in.BonusPercent.Decimal, in.BonusCap)
			if b.IsPositive() {
				cp.firstExact = ratio{num: price.Amount, den: in.Credits.Decimal.Add(b)}
				q, _ := div(cp.firstExact.num, cp.firstExact.den)
				cp.first, cp.hasFirst = Money{q, cur}, true
				cp.firstWord = formatPrice(price) + " ÷ (" + FormatNumber(in.Credits.Decimal) + " + " +
					FormatNumber(b) + " bonus) credits = " + FormatMoney(cp.first) + " per credit in the first month"
			}
		}
	}
	m := Model{ID: "custom", Name: "Custom", Tier: TierAny, Rates: []Rate{{Res: si.Res}}}
	if in.ClipCredits.Valid {
		m.Rates[0].PerClip = in.ClipCredits
	} else {
		m.Rates[0].PerSecond = in.CreditsPerSecond
	}
	f := unitFormat{word: "credits", cur: cur, lines: true}
	u, err := m.usageErr(si, &f)
	if err != nil { // only an add-on the custom model has no price for
		return Calculation{}, err
	}
	c := Calculation{Currency: cur}
	if !in.PerCredit.Valid {
		c.MonthCredits = in.Credits.Decimal
	}
	return finish(c, cp, u, si, clips, &f), nil
}

func calcBundled(in *CalcInput, si *shotInfo, clips decimal.Decimal) (Calculation, error) {
	p := in.Profile
	m := findModel(p, in.ModelID)
	if m == nil {
		return Calculation{}, fmt.Errorf("%w model %q on %s", ErrUnknown, in.ModelID, p.ID)
	}
	billing := in.Billing
	if billing == "" {
		billing = LensMonthly
	}
	if billing != LensMonthly && billing != LensYearly {
		return Calculation{}, fmt.Errorf("%w billing %q (monthly or yearly)", ErrUnknown, billing)
	}
	f := profileFormat(p, true)
	u, err := m.usageErr(si, &f)
	if err != nil {
		return Calculation{}, withProfile(err, p.ID)
	}
	c := Calculation{Currency: p.Currency}
	var cp calcPrice
	if p.Kind == KindAPI {
		c.API, c.PlanName = true, "pay as you go"
		cp.perCredit, cp.exact = Money{one, p.Currency}, ratio{num: one, den: one}
		cp.words = "pay as you go: the model is priced in " + string(p.Currency) + ", no credits"
		return finish(c, cp, u, si, clips, &f), nil
	}
	if pk := pickPack(p, in.PlanID); pk != nil {
		// A pack, bought once (Kling's API sells only packs): its price ÷
		// its credits, with no month of credits.
		c.PlanName = pk.Name
		cp.exact = ratio{num: pk.Price, den: pk.Credits}
		q, _ := div(pk.Price, pk.Credits)
		cp.perCredit = Money{q, p.Currency}
		cp.words = formatPrice(Money{pk.Price, p.Currency}) + " ÷ " + CountUnits(pk.Credits, p.UnitName()) + " = " +
			FormatMoney(cp.perCredit) + " per " + p.UnitOne()
		return finish(c, cp, u, si, clips, &f), nil
	}
	pl, err := pickPlan(p, m, in.PlanID, billing, si)
	if err != nil {
		return Calculation{}, err
	}
	c.PlanName, c.MonthCredits = pl.Name, pl.Credits
	cp, err = planPrice(p, pl, billing)
	if err != nil {
		return Calculation{}, err
	}
	return finish(c, cp, u, si, clips, &f), nil
}

// pickPlan finds the plan id (or, for "", the first plan priced under
// billing that can use m at the shot's resolution) and checks it can.
func pickPlan(p *Profile, m *Model, id string, billing Lens, si *shotInfo) (*Plan, error) {
	if id == "" {
		for i := range p.Plans {
			pl := &p.Plans[i]
			if _, ok := planAmount(pl, billing); ok && planAllows(pl, m, si.res) == "" {
				return pl, nil
			}
		}
		return nil, fmt.Errorf("%w: no %s of %s can make this shot on %s", ErrNoPrice, lensWords(billing), p.Name, m.Name)
	}
	pl := findPlan(p, id)
	if pl == nil {
		return nil, fmt.Errorf("%w plan %q on %s", ErrUnknown, id, p.ID)
	}
	if reason := planAllows(pl, m, si.res); reason != "" {
		return nil, &NotOfferedError{Profile: p.ID, Model: m.ID, Reason: reason}
	}
	return pl, nil
}

// pickPack is the pack the calculator prices at: the one id names, or with
// no id on a profile that sells no plan, its first pack that needs none;
// nil for a plan (or no way to buy).
func pickPack(p *Profile, id string) *Pack {
	for i := range p.Packs {
		pk := &p.Packs[i]
		if !pk.Credits.IsPositive() {
			continue
		}
		if pk.ID == id || id == "" && len(p.Plans) == 0 && !pk.RequiresPlan {
			return pk
		}
	}
	return nil
}

// planAllows says why pl cannot use m at resolution index res ("" if it can).
func planAllows(pl *Plan, m *Model, res int) string {
	if len(m.Plans) > 0 && !contains(m.Plans, pl.ID) {
		return "not on the " + pl.Name + " plan"
	}
	if res > maxResIndex(pl.MaxRes) {
		return "the " + pl.Name + " plan allows up to " + pl.MaxRes.Name()
	}
	return ""
}

// planAmount is a plan's price per month under billing.
func planAmount(pl *Plan, billing Lens) (decimal.Decimal, bool) {
	if billing == LensYearly {
		return yearlyPerMonth(pl)
	}
	return pl.Monthly.Decimal, pl.Monthly.Valid
}

// planPrice is step one for a plan: its price per month under billing ÷
// its credits per month, and the first month with its promotion.
func planPrice(p *Profile, pl *Plan, billing Lens) (calcPrice, error) {
	amount, ok := planAmount(pl, billing)
	if !ok {
		return calcPrice{}, fmt.Errorf("%w: the %s plan is not billed %s", ErrNoPrice, pl.Name, billing)
	}
	if !pl.Credits.IsPositive() {
		return calcPrice{}, fmt.Errorf("%w: the %s plan has no credits", ErrNoPrice, pl.Name)
	}
	cur := p.Currency
	var cp calcPrice
	cp.exact = ratio{num: amount, den: pl.Credits}
	if billing == LensYearly && !pl.YearlyPerMonth.Valid { // one division: yearly ÷ (12 × credits)
		cp.exact = ratio{num: pl.Yearly.Decimal, den: pl.Credits.Mul(twelve)}
	}
	q, _ := div(cp.exact.num, cp.exact.den)
	cp.perCredit = Money{q, cur}
	shown := formatPrice(Money{amount, cur})
	if billing == LensYearly {
		shown += " a month billed yearly"
		if !pl.YearlyPerMonth.Valid {
			shown = formatPrice(Money{pl.Yearly.Decimal, cur}) + " a year ÷ 12"
		}
	}
	cp.words = shown + " ÷ " + Count(pl.Credits, "credit", "credits") + " = " + FormatMoney(cp.perCredit) + " per credit"
	pr := pl.Promo
	if pr == nil {
		return cp, nil
	}
	price, credits := amount, pl.Credits
	intro := billing == LensMonthly && pr.IntroPrice.Valid
	if intro {
		price = pr.IntroPrice.Decimal
	}
	var b decimal.Decimal
	if pr.BonusPercent.Valid {
		b = bonusCredits(pl.Credits, pr.BonusPercent.Decimal, pr.BonusCap)
		credits = credits.Add(b)
	}
	if !intro && !b.IsPositive() {
		return cp, nil
	}
	fq, ok := div(price, credits)
	if !ok {
		return cp, nil
	}
	cp.first, cp.firstExact, cp.hasFirst = Money{fq, cur}, ratio{num: price, den: credits}, true
	w := formatPrice(Money{price, cur})
	if intro {
		w += " intro price"
	}
	if b.IsPositive() {
		w += " ÷ (" + FormatNumber(pl.Credits) + " + " + FormatNumber(b) + " bonus) credits"
	} else {
		w += " ÷ " + Count(pl.Credits, "credit", "credits")
	}
	cp.firstWord = w + " = " + FormatMoney(cp.first) + " per credit in the first month"
	return cp, nil
}

// finish runs steps two and three and the retakes, and writes the working.
func finish(c Calculation, cp calcPrice, u Usage, si *shotInfo, clips decimal.Decimal, f *unitFormat) Calculation {
	cur := cp.perCredit.Currency
	c.PricePerCredit = cp.perCredit
	c.CreditsPerClip, c.PaidSeconds, c.UnusedSeconds = u.Units, u.PaidSeconds, u.UnusedSeconds
	s := threeSteps(cp.exact, u.Units, si)
	c.CostPerClip = Money{s.clip, cur}
	c.CostPerSecond = Money{s.second, cur}
	c.CostPerKeptClip = Money{s.keptClip, cur}
	c.CostPerKeptSecond = Money{s.keptSecond, cur}
	c.Total = Money{divTrim(u.Units.Mul(cp.exact.num).Mul(si.Takes).Mul(clips), cp.exact.den), cur}
	if c.MonthCredits.IsPositive() {
		c.ClipsPerMonth = wholeClips(c.MonthCredits, u.Units)
		c.KeptPerMonth = wholeClips(c.MonthCredits, u.Units.Mul(si.Takes))
	}
	w := working(f, cp.perCredit, u.Units, si, s)
	c.Working = map[string]string{
		"price-per-credit":     cp.words,
		"credits-per-clip":     strings.Join(u.Lines, "; "),
		"cost-per-clip":        w.clip,
		"cost-per-second":      w.second,
		"cost-per-kept-clip":   w.keptClip,
		"cost-per-kept-second": w.keptSecond,
		"total-cost": WorkingMoney(c.CostPerKeptClip, clips.Mul, c.Total) + " × " + Count(clips, "clip", "clips") + " = " +
			FormatTotal(c.Total),
	}
	if f.money && len(u.Lines) > 0 {
		// No credits: the rule's working prices the clip itself ("Veo 3:
		// $0.20/s × 6 s = $1.20"), where it said "cost per clip: $1.20".
		c.Working["cost-per-clip"] = strings.Join(u.Lines, "; ")
	}
	if cp.hasFirst {
		c.HasFirst = true
		c.FirstPricePerCredit = cp.first
		c.FirstCostPerClip = Money{divTrim(u.Units.Mul(cp.firstExact.num), cp.firstExact.den), cur}
		c.Working["first-price-per-credit"] = cp.firstWord
		c.Working["first-cost-per-clip"] = f.amount(u.Units) + " × " + WorkingMoney(cp.first, u.Units.Mul, c.FirstCostPerClip) + " = " +
			FormatMoney(c.FirstCostPerClip)
	}
	return c
}

// wholeClips is how many whole clips of units each credits buy; none for
// a clip of no units (nothing to divide by).
func wholeClips(credits, units decimal.Decimal) decimal.Decimal {
	q, ok := div(credits, units)
	if !ok || units.IsNegative() {
		return zero
	}
	n := q.Floor()
	if n.Mul(units).Cmp(credits) > 0 { // the division rounded up to a whole clip
		n = n.Sub(one)
	}
	return n
}

// formatPrice writes a price as people typed it: a whole amount without
// cents ("$30"), otherwise as FormatMoney ("$9.99").
func formatPrice(m Money) string {
	if m.Amount.IsInteger() && !m.Amount.IsNegative() {
		return prefix(m.Currency) + FormatNumber(m.Amount)
	}
	return FormatMoney(m)
}
