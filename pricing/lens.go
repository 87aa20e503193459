package pricing

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Lens is the way of buying credits that prices are seen through.
type Lens string

const (
	// LensMonthly: a subscription billed monthly.
	LensMonthly Lens = "monthly"
	// LensYearly: a subscription billed yearly, per month.
	LensYearly Lens = "yearly"
	// LensFirst: the first month of a monthly subscription, with its
	// promotion (bonus credits, an intro price).
	LensFirst Lens = "first"
	// LensPacks: one-off top-up packs.
	LensPacks Lens = "packs"
	// LensAPI: pay as you go on an API profile (money, no credits).
	LensAPI Lens = "api"
	// LensCheapest: the best of monthly, yearly, packs and API. Not first:
	// a promotion is not a steady state.
	LensCheapest Lens = "cheapest"
)

// Lenses lists every lens, in the order a page offers them.
var Lenses = []Lens{LensMonthly, LensYearly, LensFirst, LensPacks, LensAPI, LensCheapest}

// Valid reports whether l is one of Lenses.
func (l Lens) Valid() bool { return slices.Contains(Lenses, l) }

// UnitPrice is one way to buy one unit (a credit, or one unit of money on an
// API profile) under a lens.
type UnitPrice struct {
	_ NotComparable // decimals: see NotComparable
	// Lens is the lens the way belongs to: under LensCheapest, the lens of
	// the candidate (monthly, yearly, packs or api).
	Lens   Lens
	PlanID string // set when bought with a plan
	PackID string // set when bought as a top-up pack
	Name   string // the plan's or pack's name, "pay as you go" for an API
	// PerCredit = Price ÷ Credits, at DivisionScale.
	PerCredit Money
	// Price is what is paid for Credits: a month of the plan, one pack, 1
	// on an API.
	Price   Money
	Credits decimal.Decimal
	// MaxRes is the highest resolution the plan allows, if it limits it.
	MaxRes Resolution
	Source Source
	// Note says what else to know: "billed yearly", "needs a
	// subscription; validity not stated by Kling", "first month: +50%
	// credits, up to 5,000". No parentheses:
	// it is shown in them ("Pro (first month: …)").
	Note string
	// Promo is the end of Note that says what the price leaves out of a
	// promotion, or what follows it: "at the regular price, not the intro
	// $124.99 of the first 3 months", "without the first month's bonus
	// credits", "for 3 months, then $249.99"; "" when Note says none, or
	// goes on after it. A narrow column shows ShortNote, and Promo folded.
	Promo string
}

// ShortNote is Note without Promo: "billed monthly".
func (u UnitPrice) ShortNote() string {
	return strings.TrimRight(strings.TrimSuffix(u.Note, u.Promo), " ,")
}

// UnitPrices lists every candidate way to buy one unit of p under l,
// cheapest first (ties in catalog order: plans, then packs):
//
//   - monthly: each plan with a monthly price, price ÷ credits;
//   - yearly: each plan billed yearly, (yearly per month, or yearly ÷ 12)
//     ÷ credits;
//   - first: each plan's first month, (intro price if any, else monthly) ÷
//     (credits + min(credits × bonus% ÷ 100, cap));
//   - packs: each pack, price ÷ credits;
//   - api: an API profile's one way, 1 unit of money per unit;
//   - cheapest: all of monthly, yearly, packs and api.
//
// A plan or pack without credits is skipped (it cannot be divided by).
// The result is empty when p has no price under l.
func (p Profile) UnitPrices(l Lens) []UnitPrice {
	ws := p.ways(l, nil)
	if len(ws) == 0 {
		return nil
	}
	// Cheapest first; a stable insertion sort keeps catalog order on ties.
	for i := 1; i < len(ws); i++ {
		for j := i; j > 0 && cmpWays(&ws[j], &ws[j-1]) < 0; j-- {
			ws[j], ws[j-1] = ws[j-1], ws[j]
		}
	}
	out := make([]UnitPrice, len(ws))
	for i := range ws {
		out[i] = p.unitPrice(&ws[i])
	}
	return out
}

// way is one way to buy units, as the engine compares them; unitPrice
// writes it out for people.
//
// It is kept small: Rank makes one for every plan and pack of every
// profile, and copies them.
type way struct {
	_    NotComparable
	plan *Plan // bought with a plan
	pack *Pack // bought as a top-up pack
	// The price of a unit, price ÷ credits at DivisionScale: q × 10^-16
	// when it fits an int64 (fast), else per. per is made from q only when
	// a model needs it, so comparing ways allocates nothing.
	q       int64
	per     decimal.Decimal
	price   decimal.Decimal // for credits: per unrounded
	credits decimal.Decimal
	display ratio // price ÷ credits in Rank's display currency, once needed
	lens    int8  // index in Lenses
	maxRes  int8  // index of the plan's MaxRes, or len(Resolutions)
	fast    bool
	perSet  bool
	shown   bool // display is set
}

// lensIndex is l's index in Lenses.
func lensIndex(l Lens) int8 {
	for i, x := range Lenses {
		if x == l {
			return int8(i)
		}
	}
	return int8(len(Lenses) - 1)
}

// newWay prices a way at price ÷ credits (credits > 0).
func newWay(l Lens, pl *Plan, pk *Pack, price, credits decimal.Decimal) way {
	w := way{lens: lensIndex(l), plan: pl, pack: pk, maxRes: int8(len(Resolutions)), price: price, credits: credits}
	if pl != nil {
		w.maxRes = int8(maxResIndex(pl.MaxRes))
	}
	if q, ok := quotient(price, credits, DivisionScale); ok {
		w.q, w.fast = q, true
	} else {
		w.per, _ = div(price, credits)
		w.perSet = true
	}
	return w
}

// unit is the way's price of a unit, without trailing zeros (so that
// multiplying by it keeps coefficients small).
func (w *way) unit() decimal.Decimal {
	if !w.perSet {
		w.per, w.perSet = scaled(w.q, DivisionScale), true
	}
	return w.per
}

// scaled is q × 10^-scale without trailing zeros: scaled(1e16, 16) is 1.
func scaled(q int64, scale int32) decimal.Decimal {
	for scale > 0 && q != 0 && q%10 == 0 {
		q /= 10
		scale--
	}
	return decimal.New(q, -scale)
}

// cheapest is the index of the cheapest of ws that may be used for m at
// resolution index res (the first in catalog order on a tie), or -1.
func cheapest(ws []way, m *Model, res int) int {
	k := -1
	for i := range ws {
		if ws[i].allows(m, res) && (k < 0 || cmpWays(&ws[i], &ws[k]) < 0) {
			k = i
		}
	}
	return k
}

func cmpWays(a, b *way) int {
	if a.fast && b.fast {
		return cmp.Compare(a.q, b.q)
	}
	return a.unit().Cmp(b.unit())
}

// ways appends to out every way to buy a unit of p under l, in catalog
// order: plans (monthly before yearly), then packs.
func (p *Profile) ways(l Lens, out []way) []way {
	if p.Kind == KindAPI {
		if l == LensAPI || l == LensCheapest {
			out = append(out, newWay(LensAPI, nil, nil, one, one))
		}
		return out
	}
	if l == LensAPI {
		return out
	}
	for i := range p.Plans {
		pl := &p.Plans[i]
		if !pl.Credits.IsPositive() {
			continue
		}
		if (l == LensMonthly || l == LensCheapest) && pl.Monthly.Valid {
			out = append(out, newWay(LensMonthly, pl, nil, pl.Monthly.Decimal, pl.Credits))
		}
		if l == LensYearly || l == LensCheapest {
			switch {
			case pl.YearlyPerMonth.Valid:
				out = append(out, newWay(LensYearly, pl, nil, pl.YearlyPerMonth.Decimal, pl.Credits))
			case pl.Yearly.Valid: // one division: yearly ÷ (12 × credits)
				out = append(out, newWay(LensYearly, pl, nil, pl.Yearly.Decimal, pl.Credits.Mul(twelve)))
			}
		}
		if l == LensFirst {
			if price, credits, _ := firstMonth(pl); price.Valid && credits.IsPositive() {
				out = append(out, newWay(LensFirst, pl, nil, price.Decimal, credits))
			}
		}
	}
	if l == LensPacks || l == LensCheapest {
		for i := range p.Packs {
			pk := &p.Packs[i]
			if !pk.Credits.IsPositive() {
				continue
			}
			out = append(out, newWay(LensPacks, nil, pk, pk.Price, pk.Credits))
		}
	}
	return out
}

// noBonus is what a regular month's price leaves out of a first-month
// bonus (UnitPrice.Promo).
const noBonus = "without the first month's bonus credits"

// firstMonth is a plan's first month: its price (the intro price if any,
// else the monthly price), its credits with the bonus, and the bonus.
func firstMonth(pl *Plan) (price decimal.NullDecimal, credits, bonus decimal.Decimal) {
	price, credits = pl.Monthly, pl.Credits
	if pr := pl.Promo; pr != nil {
		if pr.IntroPrice.Valid {
			price = pr.IntroPrice
		}
		if pr.BonusPercent.Valid {
			bonus = bonusCredits(pl.Credits, pr.BonusPercent.Decimal, pr.BonusCap)
			credits = pl.Credits.Add(bonus)
		}
	}
	return price, credits, bonus
}

// unitPrice writes a way out for people.
func (p *Profile) unitPrice(w *way) UnitPrice {
	u := UnitPrice{Lens: Lenses[w.lens], PerCredit: Money{w.unit(), p.Currency}, Price: Money{one, p.Currency}, Credits: one}
	switch {
	case w.pack != nil:
		pk := w.pack
		u.PackID, u.Name, u.Source = pk.ID, pk.Name, pk.Source
		u.Price.Amount, u.Credits = pk.Price, pk.Credits
		if pk.RequiresPlan {
			u.Note = "needs a subscription"
		} else if pk.ValidDays > 0 {
			// Bought alone, the pack is the whole purchase: a price per
			// credit of Kling's Pack 3 is $5,670 paid at once, for units
			// that lapse.
			u.Note = formatPrice(Money{pk.Price, p.Currency}) + " for " + CountUnits(pk.Credits, p.UnitName()) +
				", valid " + CountInt(pk.ValidDays, "day", "days")
		}
		if pk.ValidityNotStated { // the credits may not last: say so where the price is
			u.Note = strings.TrimPrefix(u.Note+"; validity not stated by "+p.Platform, "; ")
		}
	case w.plan != nil:
		pl := w.plan
		u.PlanID, u.Name, u.MaxRes, u.Source = pl.ID, pl.Name, pl.MaxRes, pl.Source
		u.Price.Amount, u.Credits = pl.Monthly.Decimal, pl.Credits
		switch Lenses[w.lens] {
		case LensMonthly:
			u.Note = "billed monthly"
			// The month is the regular one, as /plan's: a promotion is
			// the first month's lens.
			switch pr := pl.Promo; {
			case pr == nil:
			case pr.IntroPrice.Valid:
				u.Promo = "at the regular price, not the intro " + formatPrice(Money{pr.IntroPrice.Decimal, p.Currency}) +
					" of the " + firstMonths(pr.IntroMonths)
				u.Note += " " + u.Promo
			case pr.BonusPercent.Valid:
				u.Promo = noBonus
				u.Note += ", " + u.Promo
			}
		case LensYearly:
			// A bonus comes with the first month billed yearly too (the
			// calculator's and /plan's first month): this is the regular one.
			u.Note = "billed yearly"
			if pr := pl.Promo; pr != nil && pr.BonusPercent.Valid {
				u.Promo = noBonus
				u.Note += ", " + u.Promo
			}
			u.Price.Amount, _ = yearlyPerMonth(pl)
		case LensFirst:
			price, credits, bonus := firstMonth(pl)
			u.Price.Amount, u.Credits = price.Decimal, credits
			u.Note = "first month, no promotion"
			if pr := pl.Promo; pr != nil {
				u.Note = "first month"
				if pr.IntroPrice.Valid {
					u.Note += " at the intro price"
					join := " "
					if pr.IntroMonths > 1 { // one: the first month's, said
						u.Promo = "for " + strconv.Itoa(pr.IntroMonths) + " months"
					}
					if pl.Monthly.Valid {
						if u.Promo == "" {
							u.Promo, join = "then ", ", "
						} else {
							u.Promo += ", then "
						}
						u.Promo += formatPrice(Money{pl.Monthly.Decimal, p.Currency})
					}
					if u.Promo != "" {
						u.Note += join + u.Promo
					}
				}
				if bonus.IsPositive() {
					u.Promo = "" // the note goes on: Promo is not its end
					u.Note += ": +" + FormatNumber(pr.BonusPercent.Decimal) + "% credits"
					if pr.BonusCap.Valid {
						u.Note += ", up to " + FormatNumber(pr.BonusCap.Decimal)
					}
				}
				if pr.Source.URL != "" {
					u.Source = pr.Source
				}
			}
		}
	default:
		u.Name, u.Note, u.Source = "pay as you go", "pay as you go", Source{URL: p.URL}
	}
	return u
}

// bonusCredits is a promotion's extra credits on a month of credits:
// min(credits × percent ÷ 100, cap). Dividing by 100 is exact.
func bonusCredits(credits, percent decimal.Decimal, capped decimal.NullDecimal) decimal.Decimal {
	if !percent.IsPositive() {
		return zero
	}
	b := credits.Mul(percent).Shift(-2)
	if capped.Valid && b.Cmp(capped.Decimal) > 0 {
		b = capped.Decimal
		if b.IsNegative() {
			b = zero
		}
	}
	return b
}

// PerMonth is the plan's price per month billed as l says: yearly under
// LensYearly (its price per month billed yearly, or a year's price ÷ 12),
// and otherwise monthly; false where the plan has no such price.
func (pl Plan) PerMonth(l Lens) (decimal.Decimal, bool) {
	if l == LensYearly {
		return yearlyPerMonth(&pl)
	}
	return pl.Monthly.Decimal, pl.Monthly.Valid
}

// yearlyPerMonth is a plan's price per month billed yearly.
func yearlyPerMonth(pl *Plan) (decimal.Decimal, bool) {
	switch {
	case pl.YearlyPerMonth.Valid:
		return pl.YearlyPerMonth.Decimal, true
	case pl.Yearly.Valid:
		q, _ := div(pl.Yearly.Decimal, twelve)
		return q, true
	}
	return zero, false
}

func maxResIndex(r Resolution) int {
	if r == "" {
		return len(Resolutions)
	}
	if i := resIndex(r); i >= 0 {
		return i
	}
	return len(Resolutions)
}

// allows reports whether the way can be used for model m at resolution
// index res: the model is on the plan (Model.Plans) and the plan allows the
// resolution (Plan.MaxRes). Packs and APIs allow every model.
func (w *way) allows(m *Model, res int) bool {
	if w.plan == nil {
		return true
	}
	if len(m.Plans) > 0 && !slices.Contains(m.Plans, w.plan.ID) {
		return false
	}
	return res <= int(w.maxRes)
}
