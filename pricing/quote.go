package pricing

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// costs are the money steps of a quote, all in one currency.
type costs struct {
	_                                  NotComparable
	clip, second, keptClip, keptSecond decimal.Decimal
}

// ratio is a price per unit kept exact, num ÷ den (den > 0): what it
// multiplies is multiplied before the one division, so a result that is
// exact stays exact. Dividing first (the price per unit at DivisionScale,
// then × the units) left residue: Ray2 Flash's 55 credits at $10 ÷ 6,000
// credits, in euros at 1.5, came to €0.1375000000000055, not €0.1375.
type ratio struct {
	_        NotComparable
	num, den decimal.Decimal
}

// threeSteps turns units per generated clip into money: cost per clip =
// units × price per unit; cost per second = cost per clip ÷ the seconds
// asked; cost per kept clip = cost per clip × takes; cost per kept second =
// cost per kept clip ÷ the seconds asked. Each is one division of products
// (see ratio). s.Seconds is positive (prepareShot) and per.den too, so the
// divisions cannot fail.
func threeSteps(per ratio, units decimal.Decimal, s *shotInfo) costs {
	var c costs
	n, perSecond := units.Mul(per.num), per.den.Mul(s.Seconds)
	c.clip, c.second = divTrim(n, per.den), divTrim(n, perSecond)
	if s.Takes.Equal(one) {
		c.keptClip, c.keptSecond = c.clip, c.second
	} else {
		n = n.Mul(s.Takes)
		c.keptClip, c.keptSecond = divTrim(n, per.den), divTrim(n, perSecond)
	}
	return c
}

// Quote is the price of one shot on one model, bought one way: the three
// steps and their working. It is a value; all money is in the profile's
// currency.
type Quote struct {
	ProfileID, ModelID string
	Shot               Shot
	// Price is the way the units are bought.
	Price UnitPrice
	// Usage is the units one generated clip takes, with its working.
	Usage             Usage
	CostPerClip       Money
	CostPerSecond     Money
	CostPerKeptClip   Money
	CostPerKeptSecond Money
	// Working is every step in words, Usage.Lines first.
	Working []string
}

// Quote prices shot s on p's model modelID at the cheapest unit price under
// l that may use the model (its plans, the plans' highest resolution).
// Errors wrap ErrUnknown (no such model), ErrNoPrice (no way to buy it
// under l), or are a *NotOfferedError or an *InputError.
func (p Profile) Quote(modelID string, s Shot, l Lens) (Quote, error) {
	m := findModel(&p, modelID)
	if m == nil {
		return Quote{}, fmt.Errorf("%w model %q on %s", ErrUnknown, modelID, p.ID)
	}
	si, err := prepareShot(s)
	if err != nil {
		return Quote{}, err
	}
	if l == "" {
		l = LensCheapest
	}
	f := profileFormat(&p, true)
	u, err := m.usageErr(&si, &f)
	if err != nil {
		return Quote{}, withProfile(err, p.ID)
	}
	ws := p.ways(l, nil)
	k := cheapest(ws, m, si.res)
	if k < 0 {
		return Quote{}, fmt.Errorf("%w: %s", ErrNoPrice, noPriceReason(&p, m, l, ws, si.res))
	}
	up := p.unitPrice(&ws[k])
	price := &up
	c := threeSteps(ratio{num: ws[k].price, den: ws[k].credits}, u.Units, &si)
	q := Quote{ProfileID: p.ID, ModelID: m.ID, Shot: s, Price: *price, Usage: u,
		CostPerClip:       Money{c.clip, p.Currency},
		CostPerSecond:     Money{c.second, p.Currency},
		CostPerKeptClip:   Money{c.keptClip, p.Currency},
		CostPerKeptSecond: Money{c.keptSecond, p.Currency},
	}
	q.Working = append(q.Working, u.Lines...)
	sw := working(&f, price.PerCredit, u.Units, &si, c)
	q.Working = append(q.Working, sw.clip, sw.second)
	if !si.Takes.Equal(one) {
		q.Working = append(q.Working, sw.keptClip, sw.keptSecond)
	}
	return q, nil
}

// stepWords is the working of threeSteps in words.
type stepWords struct{ clip, second, keptClip, keptSecond string }

func working(f *unitFormat, perUnit Money, units decimal.Decimal, s *shotInfo, c costs) stepWords {
	cur := perUnit.Currency
	clip, keptClip := Money{c.clip, cur}, Money{c.keptClip, cur}
	perSecond := func(x decimal.Decimal) decimal.Decimal { d, _ := div(x, s.Seconds); return d }
	var w stepWords
	if f.money {
		w.clip = "cost per clip: " + FormatMoney(clip)
	} else {
		w.clip = f.amount(units) + " × " + WorkingMoney(perUnit, units.Mul, clip) + " = " + FormatMoney(clip)
	}
	w.second = WorkingMoney(clip, perSecond, Money{c.second, cur}) + " ÷ " + s.text + " = " +
		FormatMoney(Money{c.second, cur}) + " per second"
	w.keptClip = WorkingMoney(clip, s.Takes.Mul, keptClip) + " × " + CountApprox(s.Takes, "generation", "generations") + " = " +
		FormatMoney(keptClip)
	w.keptSecond = WorkingMoney(keptClip, perSecond, Money{c.keptSecond, cur}) + " ÷ " + s.text + " = " +
		FormatMoney(Money{c.keptSecond, cur}) + " per kept second"
	return w
}

// withProfile fills in the profile of a *NotOfferedError.
func withProfile(err error, id string) error {
	if e, ok := err.(*NotOfferedError); ok && e.Profile == "" {
		e.Profile = id
	}
	return err
}

func findModel(p *Profile, id string) *Model {
	for i := range p.Models {
		if p.Models[i].ID == id {
			return &p.Models[i]
		}
	}
	return nil
}

func findPlan(p *Profile, id string) *Plan {
	for i := range p.Plans {
		if p.Plans[i].ID == id {
			return &p.Plans[i]
		}
	}
	return nil
}

// lensWords names what a lens buys, in a sentence.
func lensWords(l Lens) string {
	switch l {
	case LensMonthly:
		return "monthly plan"
	case LensYearly:
		return "yearly plan"
	case LensFirst:
		return "first-month plan"
	case LensPacks:
		return "top-up pack"
	case LensAPI:
		return "pay-as-you-go"
	}
	return "plan or pack"
}

// noPrices says why a profile has no price at all under l: what is not
// published, never that the platform does not sell it that way. "No
// yearly billing" was said of Google Flow, whose own unknowns name "yearly
// prices of the Google AI plans", and of Kling, whose older prices the
// research thinks are yearly ones; "no top-up packs" of Flow, whose packs
// exist at prices not published. A person's own profile says what it
// does not set.
func noPrices(p *Profile, l Lens) string {
	var r string
	switch {
	case p.Kind == KindAPI && l != LensAPI && l != LensCheapest:
		return "pay-as-you-go only: choose API or cheapest"
	case p.Kind != KindAPI && l == LensAPI:
		return "sold in credits, not pay-as-you-go: choose a plan, packs or cheapest"
	case l == LensYearly:
		r = "no yearly price"
	case l == LensPacks:
		r = "no top-up pack price"
	case l == LensMonthly || l == LensFirst:
		r = "no monthly plan price"
	default:
		r = "no price"
	}
	if p.Custom {
		return r + " set in your profile"
	}
	return r + " published" + unknownWords(p)
}

// unknownWords adds what p's sources leave unknown to a reason, after a
// semicolon: the items have parentheses of their own ("plan prices
// (Standard, Pro, Premium)").
func unknownWords(p *Profile) string {
	if len(p.Unknown) == 0 {
		return ""
	}
	return "; unknown: " + strings.Join(p.Unknown, ", ")
}

// noPriceReason says why none of the ways ws may be used for m at
// resolution index res.
func noPriceReason(p *Profile, m *Model, l Lens, ws []way, res int) string {
	if len(ws) == 0 {
		return noPrices(p, l)
	}
	onPlan := false
	for i := range ws {
		if ws[i].plan != nil && (len(m.Plans) == 0 || contains(m.Plans, ws[i].plan.ID)) {
			onPlan = true
		}
	}
	if onPlan && res >= 0 {
		return "no " + lensWords(l) + " allows " + string(Resolutions[res])
	}
	return "not on any " + lensWords(l) + " (only " + strings.Join(m.Plans, ", ") + ")"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
