package pricing

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/aivc/aivc/internal/order"
	"github.com/shopspring/decimal"
)

// MixLine is one kind of shot in a month: Count clips kept of Shot
// (whose Takes are its generations per kept clip, and Addons what each
// clip comes with, as Rank prices them: native audio), named for people.
type MixLine struct {
	Name  string
	Count int
	Shot  Shot
}

// MonthOptions say how a month is bought: plans billed Billing
// (LensMonthly or LensYearly; "" means monthly), costs shown in Display
// ("" means the profile's currency for PlanMonth, USD for PlanAll),
// converted with Rates.
type MonthOptions struct {
	Billing Lens
	Rates   Rates
	Display Currency
}

// Month options: how a month's units are bought.
const (
	OptionPlan      = "plan"       // one plan covers the month
	OptionPlanPacks = "plan+packs" // a plan and top-up packs
	OptionPacks     = "packs"      // top-up packs alone
	OptionAPI       = "api"        // pay as you go
)

// MonthPlan is the cheapest way to buy a month's mix on one profile.
type MonthPlan struct {
	ProfileID, ProfileName, Platform string
	// Option is OptionPlan, OptionPlanPacks, OptionPacks or OptionAPI.
	Option           string
	PlanID, PlanName string
	PackID, PackName string
	Packs            int // how many packs
	// PackValidDays is how long the pack's credits last (Pack.ValidDays);
	// 0 when they never expire, or no period is stated, or no pack.
	PackValidDays int
	// Cost is the money per month, in the display currency.
	Cost Money
	// CreditsNeeded is the units the mix takes; CreditsBought what the
	// option buys; CreditsUnused = bought − needed. On an API profile they
	// are money in the profile's currency and nothing is unused.
	CreditsNeeded, CreditsBought, CreditsUnused decimal.Decimal
	// Expiring is the unused credits that are lost: the plan's unused
	// monthly credits, and unused pack credits valid fewer than 31 days.
	Expiring decimal.Decimal
	// MayExpire is the unused pack credits whose validity the platform
	// does not state (Pack.ValidityNotStated): neither lost nor kept for
	// sure, so never counted as lasting.
	MayExpire decimal.Decimal
	// CostPerKeptSecond = Cost ÷ KeptSeconds, the seconds of video kept.
	CostPerKeptSecond Money
	KeptSeconds       decimal.Decimal
	Lines             []MonthLine
	// Working is the reasoning in words, one step a line.
	Working []string
	// Figures says which figure the plan and the models used are where
	// their sources give a range or two figures (Profile.Figures).
	Figures []string
	// First is the plan's first months under its promotion (Plan.Promo),
	// where it has one that applies: FirstMonths months (the intro price's,
	// or 1 for a first-month bonus) at FirstCost a month, in the display
	// currency, said in words: "first 3 months $124.99 a month (intro
	// price; who qualifies not stated), then $249.99". Cost, and the
	// ranking, stay on the months after: what the month costs from then on.
	//
	// A bonus is the first month's alone: where it makes the first of
	// several intro months cheaper than the others, FirstMonths is 1 and
	// the other intro months are RestMonths at RestCost a month.
	FirstCost   Money
	FirstMonths int
	RestCost    Money
	RestMonths  int
	First       string
}

// MonthLine is how one mix line is made: on ModelID, UnitsPerKeptClip
// (units per generated clip × generations per kept clip), Units for the
// Count, and its share of the month's Cost (in proportion to its units).
type MonthLine struct {
	_                NotComparable // decimals: see NotComparable
	Name             string
	ModelID          string
	ModelName        string
	Count            int
	UnitsPerKeptClip decimal.Decimal
	Units            decimal.Decimal
	Cost             Money
}

// MonthRanking is PlanAll's answer: profiles that can make the mix,
// cheapest first, and apart the ones that cannot, with why.
type MonthRanking struct {
	Plans       []MonthPlan
	Unavailable []Unavailable
}

// candidate is a model that can make a mix line, with its units.
type candidate struct {
	_          NotComparable
	m          *Model
	units, upk decimal.Decimal // per generated clip; per kept clip
}

// monthOption is one way to buy the month, being compared.
type monthOption struct {
	kind        string
	plan        *Plan
	planPrice   decimal.Decimal
	pack        *Pack
	packs       int64
	cost        decimal.Decimal
	need        decimal.Decimal
	bought      decimal.Decimal
	planCredits decimal.Decimal
	chosen      []int // per line, index into its candidates (-1 when Count is 0)
	id          string
}

// PlanMonth finds the cheapest way to buy mix on p. Each line is made on
// the model with the fewest units per kept clip that can make its shot
// (of the shot's tier unless it is any, with its add-ons: a line with
// native audio never goes to a model without it) and that the way of
// buying may use. The ways compared: on an API profile, paying as you go; otherwise
// each plan priced under o.Billing alone if its credits cover the month,
// or with as many of one top-up pack as cover the shortfall, and packs
// alone when they need no subscription. The cheapest wins; ties go to
// fewer unused credits, then to the plan and pack ids.
//
// Errors: an *InputError for an empty mix, a negative count or a bad shot
// (the field is prefixed with the line's name); a *NotOfferedError when a
// line cannot be made on p or no way of buying covers the month; ErrUnknown
// for another billing; ErrCurrency when Display needs a missing rate.
func PlanMonth(p Profile, mix []MixLine, o MonthOptions) (MonthPlan, error) {
	billing := o.Billing
	if billing == "" {
		billing = LensMonthly
	}
	if billing != LensMonthly && billing != LensYearly {
		return MonthPlan{}, fmt.Errorf("%w billing %q (monthly or yearly)", ErrUnknown, billing)
	}
	shots, err := prepareMix(mix)
	if err != nil {
		return MonthPlan{}, err
	}
	f := profileFormat(&p, true)
	nf := profileFormat(&p, false)
	cands := make([][]candidate, len(mix))
	for i := range mix {
		if mix[i].Count == 0 {
			continue
		}
		si := &shots[i]
		var reasons []string
		var unable *Model // the model of the last reason
		for j := range p.Models {
			m := &p.Models[j]
			if si.Tier != TierAny && m.Tier != si.Tier {
				continue
			}
			u, reason := m.usage(si, &nf)
			if reason != "" {
				reasons, unable = append(reasons, reason), m
				continue
			}
			cands[i] = append(cands[i], candidate{m: m, units: u.Units, upk: u.Units.Mul(si.Takes)})
		}
		if len(cands[i]) == 0 {
			reason := lineName(mix[i], i) + ": no " + tierWord(si.Tier) + "model makes " + shotWords(si)
			if len(reasons) == 1 && !saysAgain(si, reasons[0]) {
				// The one model tried, named: "native audio price not
				// published" said of no model. The reason has its own
				// parentheses: "Quick: 4k not offered (720p, 1080p)".
				reason += "; " + unable.Name + ": " + reasons[0]
			}
			return MonthPlan{}, &NotOfferedError{Profile: p.ID, Reason: reason}
		}
		cs := cands[i]
		order.Stable(len(cs), func(a, b int) int { return cs[a].upk.Cmp(cs[b].upk) }, func(a, b int) { cs[a], cs[b] = cs[b], cs[a] })
	}

	// choose picks, per line, the first candidate allowed; ok is false when
	// a line has none.
	choose := func(allowed func(*Model, int) bool) (chosen []int, need decimal.Decimal, ok bool) {
		chosen = make([]int, len(mix))
		for i := range mix {
			chosen[i] = -1
			if mix[i].Count == 0 {
				continue
			}
			for j := range cands[i] {
				if allowed(cands[i][j].m, shots[i].res) {
					chosen[i] = j
					break
				}
			}
			if chosen[i] < 0 {
				return nil, zero, false
			}
			need = need.Add(cands[i][chosen[i]].upk.Mul(intDec(int64(mix[i].Count))))
		}
		return chosen, need, true
	}

	var opts []monthOption
	if p.Kind == KindAPI {
		if chosen, need, ok := choose(func(*Model, int) bool { return true }); ok {
			opts = append(opts, monthOption{kind: OptionAPI, cost: need, need: need, bought: need,
				chosen: chosen, id: "api"})
		}
	} else {
		for i := range p.Plans {
			pl := &p.Plans[i]
			price, ok := planAmount(pl, billing)
			if !ok || !pl.Credits.IsPositive() {
				continue
			}
			chosen, need, ok := choose(func(m *Model, res int) bool { return planAllows(pl, m, res) == "" })
			if !ok {
				continue
			}
			base := monthOption{kind: OptionPlan, plan: pl, planPrice: price, cost: price, need: need,
				bought: pl.Credits, planCredits: pl.Credits, chosen: chosen, id: "plan " + pl.ID}
			if pl.Credits.Cmp(need) >= 0 {
				opts = append(opts, base)
				continue
			}
			short := need.Sub(pl.Credits)
			for j := range p.Packs {
				pk := &p.Packs[j]
				n, ok := packsFor(short, pk)
				if !ok {
					continue
				}
				o := base
				o.kind, o.pack, o.packs, o.id = OptionPlanPacks, pk, n, base.id+" + pack "+pk.ID
				o.cost = price.Add(pk.Price.Mul(decimal.NewFromInt(n)))
				o.bought = pl.Credits.Add(pk.Credits.Mul(decimal.NewFromInt(n)))
				opts = append(opts, o)
			}
		}
		// Packs alone: only models not limited to plans.
		chosen, need, ok := choose(func(m *Model, _ int) bool { return len(m.Plans) == 0 })
		for j := range p.Packs {
			pk := &p.Packs[j]
			if !ok || pk.RequiresPlan {
				continue
			}
			n, nok := packsFor(need, pk)
			if !nok {
				continue
			}
			opts = append(opts, monthOption{kind: OptionPacks, pack: pk, packs: n,
				cost: pk.Price.Mul(decimal.NewFromInt(n)), need: need,
				bought: pk.Credits.Mul(decimal.NewFromInt(n)), chosen: chosen, id: "pack " + pk.ID})
		}
	}
	if len(opts) == 0 {
		reason := "no way to buy the month: "
		switch {
		case p.Kind == KindAPI:
			reason += "the models cannot make every line"
		case len(p.Plans) == 0 && len(p.Packs) == 0:
			reason += "no plan or pack prices published"
		default:
			reason += "no " + lensWords(billing) + " or pack covers it"
		}
		return MonthPlan{}, &NotOfferedError{Profile: p.ID, Reason: reason + unknownWords(&p)}
	}
	best := slices.MinFunc(opts, func(a, b monthOption) int {
		return cmp.Or(a.cost.Cmp(b.cost), a.bought.Sub(a.need).Cmp(b.bought.Sub(b.need)), strings.Compare(a.id, b.id))
	})
	return monthPlan(&p, mix, shots, cands, best, billing, o, &f)
}

// packsFor is how many of pk cover credits (at least one when credits are
// needed); ok is false when pk has no credits.
func packsFor(credits decimal.Decimal, pk *Pack) (int64, bool) {
	if !pk.Credits.IsPositive() {
		return 0, false
	}
	if !credits.IsPositive() {
		return 0, true
	}
	q, _ := div(credits, pk.Credits)
	n := q.Ceil()
	if n.Mul(pk.Credits).Cmp(credits) < 0 { // the division rounded down past a whole pack
		n = n.Add(one)
	}
	if n.Cmp(decimal.NewFromInt(1<<53)) > 0 {
		return 0, false
	}
	return n.IntPart(), true
}

func prepareMix(mix []MixLine) ([]shotInfo, error) {
	if len(mix) == 0 {
		return nil, &InputError{Field: FieldMix, Err: ErrEmpty}
	}
	shots := make([]shotInfo, len(mix))
	total := 0
	for i, l := range mix {
		if l.Count < 0 {
			return nil, &InputError{Field: lineName(l, i) + ": count", Value: strconv.Itoa(l.Count), Err: ErrNegative}
		}
		total += l.Count
		si, err := prepareShot(l.Shot)
		if err != nil {
			if ie, ok := errors.AsType[*InputError](err); ok {
				e := *ie
				e.Field = lineName(l, i) + ": " + e.Field
				return nil, &e
			}
			return nil, err
		}
		shots[i] = si
	}
	if total == 0 {
		return nil, &InputError{Field: FieldMix, Err: ErrEmpty}
	}
	return shots, nil
}

func lineName(l MixLine, i int) string {
	if l.Name != "" {
		return l.Name
	}
	return "line " + strconv.Itoa(i+1)
}

func tierWord(t Tier) string {
	if t == TierAny || t == "" {
		return ""
	}
	return string(t) + " "
}

// shotWords says a line's shot: "8 s at 720p", "8 s at 720p with native
// audio".
func shotWords(si *shotInfo) string {
	w := si.text
	if si.Res != "" {
		w += " at " + si.Res.Name()
	}
	sep := " with "
	for _, a := range si.addons {
		w += sep + addonName(a)
		sep = " and "
	}
	return w
}

// saysAgain reports whether reason only repeats what shotWords says of the
// shot: "no native audio" after "… with native audio".
func saysAgain(si *shotInfo, reason string) bool {
	for _, a := range si.addons {
		if reason == "no "+addonName(a) {
			return true
		}
	}
	return false
}

// monthPlan writes out the chosen option.
func monthPlan(p *Profile, mix []MixLine, shots []shotInfo, cands [][]candidate, best monthOption,
	billing Lens, o MonthOptions, f *unitFormat) (MonthPlan, error) {
	display := o.Display
	if display == "" {
		display = p.Currency
	}
	mp := MonthPlan{ProfileID: p.ID, ProfileName: p.Name, Platform: p.Platform, Option: best.kind,
		CreditsNeeded: best.need, CreditsBought: best.bought}
	if best.plan != nil {
		mp.PlanID, mp.PlanName = best.plan.ID, best.plan.Name
		mp.Figures = figureNotes(nil, best.plan, nil)
	}
	if best.pack != nil {
		mp.PackID, mp.PackName, mp.Packs = best.pack.ID, best.pack.Name, int(best.packs)
		mp.PackValidDays = best.pack.ValidDays
	}
	if best.kind != OptionAPI {
		mp.CreditsUnused = best.bought.Sub(best.need)
		planUnused := best.planCredits.Sub(best.need)
		if planUnused.IsNegative() {
			planUnused = zero
		}
		mp.Expiring = planUnused
		switch pk := best.pack; { // plan credits are used first: what is unused is the packs'
		case pk == nil:
		case pk.ValidityNotStated:
			mp.MayExpire = mp.CreditsUnused.Sub(planUnused)
		case pk.ValidDays > 0 && pk.ValidDays < 31:
			mp.Expiring = mp.CreditsUnused
		}
	}
	cost, err := o.Rates.Convert(Money{best.cost, p.Currency}, display)
	if err != nil {
		return MonthPlan{}, err
	}
	mp.Cost = cost

	var w []string
	for i, l := range mix {
		ml := MonthLine{Name: lineName(l, i), Count: l.Count, Cost: Money{zero, display}}
		if j := best.chosen[i]; j >= 0 {
			c := cands[i][j]
			ml.ModelID, ml.ModelName = c.m.ID, c.m.Name
			mp.Figures = figureNotes(mp.Figures, nil, c.m)
			ml.UnitsPerKeptClip = c.upk
			ml.Units = c.upk.Mul(intDec(int64(l.Count)))
			if share, ok := div(cost.Amount.Mul(ml.Units), best.need); ok {
				ml.Cost = Money{share, display}
			}
			// The model's name may have parentheses of its own: it comes
			// first, beside the line's name and shot.
			count := intDec(int64(l.Count))
			line := ml.Name + ", " + c.m.Name + ", " + shotWords(&shots[i]) + ": " + FormatInt(l.Count) + " × " +
				f.operand(c.upk, count.Mul, ml.Units) + " per kept clip"
			if takes := shots[i].Takes; !takes.Equal(one) {
				line += " (" + f.operand(c.units, takes.Mul, c.upk) + " × " + CountApprox(takes, "generation", "generations") + ")"
			}
			w = append(w, line+" = "+f.amount(ml.Units))
		}
		mp.KeptSeconds = mp.KeptSeconds.Add(shots[i].Seconds.Mul(intDec(int64(l.Count))))
		mp.Lines = append(mp.Lines, ml)
	}
	cur := p.Currency
	switch best.kind {
	case OptionAPI:
		w = append(w, "pay as you go: "+FormatTotal(Money{best.cost, cur})+" a month")
	default:
		w = append(w, "needed: "+f.amount(best.need)+" a month")
		if best.plan != nil {
			line := best.plan.Name + " plan: " + formatPrice(Money{best.planPrice, cur}) + " a month"
			if billing == LensYearly {
				line += " billed yearly"
			}
			w = append(w, line+" for "+f.amount(best.plan.Credits))
		}
		if best.pack != nil {
			// Not in parentheses: a pack's name may end in its own,
			// "Credit top-up (1,000 credits) (1,000 credits for $10)".
			w = append(w, "+ "+FormatInt(int(best.packs))+" × "+best.pack.Name+" at "+
				formatPrice(Money{best.pack.Price, cur})+" for "+f.amount(best.pack.Credits)+" = "+
				FormatTotal(Money{best.pack.Price.Mul(decimal.NewFromInt(best.packs)), cur}))
		}
		w = append(w, "total: "+FormatTotal(Money{best.cost, cur})+" for "+f.amount(best.bought)+": "+
			UnusedWords(mp, "expiring"))
	}
	if cur != display {
		w = append(w, FormatConversion(Money{best.cost, cur}, cost, o.Rates))
	}
	if q, ok := div(cost.Amount, mp.KeptSeconds); ok {
		mp.CostPerKeptSecond = Money{q, display}
		// A converted cost is rounded: shown with the places that work out.
		perSecond := func(d decimal.Decimal) decimal.Decimal { q, _ := div(d, mp.KeptSeconds); return q }
		w = append(w, WorkingMoney(cost, perSecond, mp.CostPerKeptSecond)+" ÷ "+secs(mp.KeptSeconds)+" kept = "+
			FormatMoney(mp.CostPerKeptSecond)+" per kept second")
	}
	if line := firstPeriod(&mp, &best, cur, billing, o, f); line != "" {
		w = append(w, line)
	}
	mp.Working = w
	return mp, nil
}

// firstPeriod sets mp's first months under the promotion of best's plan
// and returns their working, or "" when there is none: the intro price,
// billed monthly, for its months; a bonus's extra credits in the first
// month alone, which may need fewer top-up packs. With both, a first
// month the bonus makes cheaper is said apart from the other intro months.
func firstPeriod(mp *MonthPlan, best *monthOption, pcur Currency, billing Lens, o MonthOptions, f *unitFormat) string {
	pl := best.plan
	if pl == nil || pl.Promo == nil {
		return ""
	}
	pr := pl.Promo
	price, months := best.planPrice, 1
	intro := billing == LensMonthly && pr.IntroPrice.Valid
	if intro {
		price, months = pr.IntroPrice.Decimal, pr.IntroMonths
	}
	var bonus decimal.Decimal
	if pr.BonusPercent.Valid {
		bonus = bonusCredits(pl.Credits, pr.BonusPercent.Decimal, pr.BonusCap)
	}
	if !intro && !bonus.IsPositive() {
		return ""
	}
	cur := mp.Cost.Currency
	// The packs that cover the month with the bonus's extra credits, and
	// (rest) the other intro months' without them.
	cost, packs, rest := price, int64(0), int64(0)
	if best.pack != nil {
		short := best.need.Sub(pl.Credits)
		rest = best.packs
		if short = short.Sub(bonus); short.IsPositive() {
			packs, _ = packsFor(short, best.pack)
		}
		cost = cost.Add(best.pack.Price.Mul(decimal.NewFromInt(packs)))
	}
	split := bonus.IsPositive() && months > 1 && rest != packs // the bonus month is cheaper than the others
	if split {
		months = 1
	}
	first, err := o.Rates.Convert(Money{cost, pcur}, cur)
	if err != nil { // the month's own cost converted: the rate is there
		return ""
	}
	mp.FirstCost, mp.FirstMonths = first, months
	bonusWhen := "" // when the bonus comes, where more months are said
	if months > 1 {
		bonusWhen = " in the first month"
	}
	when := firstMonths(months)
	line := when + ": " + pl.Name + " plan at " + formatPrice(Money{price, pcur})
	words := when + " " + FormatTotal(first)
	if months > 1 {
		words += " a month"
	}
	words += " ("
	if intro {
		line += " a month (intro price)"
		words += "intro price; who qualifies not stated"
	}
	if bonus.IsPositive() {
		line += " with " + f.amount(pl.Credits.Add(bonus)) + " (" + FormatNumber(bonus) + " bonus)" + bonusWhen
		if intro {
			words += "; "
		}
		words += "+" + FormatNumber(bonus) + " bonus credits" + bonusWhen
	}
	if packs > 0 {
		line += " + " + FormatInt(int(packs)) + " × " + best.pack.Name
	}
	words += ")"
	if best.pack != nil {
		line += " = " + FormatTotal(Money{cost, pcur})
		if months > 1 {
			line += " a month"
		}
	}
	if split {
		// The other intro months: the intro price and the month's packs.
		restCost := price.Add(best.pack.Price.Mul(decimal.NewFromInt(rest)))
		then, _ := o.Rates.Convert(Money{restCost, pcur}, cur) // as first's
		mp.RestCost, mp.RestMonths = then, pr.IntroMonths-1
		restWhen, each := "month 2", ""
		if mp.RestMonths > 1 {
			restWhen, each = "months 2 to "+strconv.Itoa(pr.IntroMonths), " a month"
		}
		words += ", " + restWhen + " " + FormatTotal(then) + each + " (intro price)"
		line += "; " + restWhen + ": + " + FormatInt(int(rest)) + " × " + best.pack.Name + " = " + FormatTotal(Money{restCost, pcur}) + each
	}
	mp.First = words + ", then " + FormatTotal(mp.Cost)
	return line + ", then " + FormatTotal(Money{best.cost, pcur})
}

// firstMonths says a promotion's months: "first month", "first 3 months".
func firstMonths(n int) string {
	if n > 1 {
		return "first " + strconv.Itoa(n) + " months"
	}
	return "first month"
}

// UnusedWords says what becomes of a month's unused credits, saying no
// count of zero: "nothing unused"; "550 unused, all expire"; "425
// unused, none expire" (they last beyond the month), "4,795 unused, none
// expire this month (valid 180 days)" where the pack gives a period;
// "1,000 unused, 600 expire" (the rest last), or "…, 400 valid 365 days";
// and with packs whose validity is not stated,
// "52 unused, all may expire (validity not stated by Kling)" or "100
// unused, 48 expire, 52 may expire (validity not stated by Kling)".
// expire is the verb's form: "expire" or "expiring".
func UnusedWords(mp MonthPlan, expire string) string {
	unused, lost, may := mp.CreditsUnused, mp.Expiring, mp.MayExpire
	if !unused.IsPositive() {
		return "nothing unused"
	}
	s := FormatApprox(unused) + " unused, "
	valid := "" // "valid 180 days": how long the pack's credits last, if stated
	if mp.PackValidDays > 0 {
		valid = "valid " + CountInt(mp.PackValidDays, "day", "days")
	}
	notStated := " (validity not stated by " + mp.Platform + ")"
	switch {
	case lost.Equal(unused):
		return s + "all " + expire
	case may.Equal(unused):
		return s + "all may expire" + notStated
	case !lost.IsPositive() && !may.IsPositive():
		if valid != "" { // they last, not for good: say how long
			return s + "none " + expire + " this month (" + valid + ")"
		}
		return s + "none " + expire
	}
	var parts []string
	if lost.IsPositive() {
		parts = append(parts, FormatApprox(lost)+" "+expire)
	}
	if kept := unused.Sub(lost).Sub(may); valid != "" && kept.IsPositive() {
		parts = append(parts, FormatApprox(kept)+" "+valid)
	}
	if may.IsPositive() {
		parts = append(parts, FormatApprox(may)+" may expire"+notStated)
	}
	return s + strings.Join(parts, ", ")
}

// PlanAll plans mix on every profile of ps and ranks the plans by Cost in
// o.Display ("" means USD), ties by profile id. Profiles that cannot make
// the mix, or cannot be converted, are listed in Unavailable with why, in
// the order of ps.
func PlanAll(ps []Profile, mix []MixLine, o MonthOptions) MonthRanking {
	if o.Display == "" {
		o.Display = USD
	}
	var r MonthRanking
	for i := range ps {
		mp, err := PlanMonth(ps[i], mix, o)
		if err != nil {
			r.Unavailable = append(r.Unavailable, Unavailable{ProfileID: ps[i].ID, ProfileName: ps[i].Name,
				Platform: ps[i].Platform, Reason: err.Error()})
			continue
		}
		r.Plans = append(r.Plans, mp)
	}
	mps := r.Plans
	order.Stable(len(mps), func(i, j int) int {
		return cmp.Or(mps[i].Cost.Amount.Cmp(mps[j].Cost.Amount), strings.Compare(mps[i].ProfileID, mps[j].ProfileID))
	}, func(i, j int) { mps[i], mps[j] = mps[j], mps[i] })
	return r
}
