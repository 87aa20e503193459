package pricing

import (
	"slices"
	"strings"
	"time"

	"github.com/aivc/aivc/internal/order"
	"github.com/shopspring/decimal"
)

// StaleDays is how old (in days before RankOptions.Today) a price may be
// before a ranking flags it as possibly stale.
const StaleDays = 180

// RankOptions say how to rank: through which Lens ("" means cheapest),
// converting every cost into Display ("" means USD) with Rates, over the
// profiles of Platforms (matched against Profile.Platform or Profile.ID,
// ignoring case; empty means all), judging staleness against Today
// (YYYY-MM-DD; empty means nothing is stale).
type RankOptions struct {
	Lens      Lens
	Rates     Rates
	Display   Currency
	Platforms []string
	Today     string
}

// Ranking is every model that can make a shot, cheapest per kept second
// first, and apart the models (or whole profiles) that cannot, with why.
type Ranking struct {
	Shot        Shot
	Options     RankOptions
	Rows        []RankRow
	Unavailable []Unavailable
	// RatesUsed describes each exchange rate used, once:
	// "1 EUR = 1.1628 USD (rate of 2026-11-01)".
	RatesUsed []string
}

// RankRow is one model priced on a shot. Costs are in the display
// currency; Price stays in the profile's own currency (Original).
type RankRow struct {
	ProfileID, ProfileName, Platform string
	ModelID, ModelName               string
	Tier                             Tier
	Custom                           bool
	// Price is the cheapest unit price under the lens that may use the
	// model; its Lens says which way it is bought.
	Price UnitPrice
	// Usage is the units per generated clip. Rank leaves Usage.Lines empty
	// (Profile.Quote has them).
	Usage             Usage
	CostPerClip       Money
	CostPerSecond     Money
	CostPerKeptClip   Money
	CostPerKeptSecond Money
	// Converted is set when Original differs from the display currency.
	Converted bool
	Original  Currency
	// TimesCheapest = CostPerKeptSecond ÷ the first row's, to 2 decimal
	// places (0 when the cheapest is free and this row is not).
	TimesCheapest decimal.Decimal
	// Evidence is the weakest evidence behind the number (secondary is
	// weaker than derived, derived than official); Read the oldest date.
	Evidence Evidence
	Read     string
	// Stale is set when Read is more than StaleDays before Today.
	Stale bool
	// Free is what the profile's free credits buy of this shot, if any.
	Free    *FreeValue
	Sources []Source
	// Figures says which figure the price's plan and the model are where
	// their sources give a range or two figures (Profile.Figures).
	Figures []string
}

// FreeValue is what a free tier buys of a shot: per Period, Credits buy
// whole generated clips, that is Seconds of kept video, Worth what those
// clips cost at the row's paid unit price (display currency).
type FreeValue struct {
	Period  FreePeriod
	Credits decimal.Decimal
	Seconds decimal.Decimal
	Worth   Money
}

// Unavailable is a model (or, with ModelID empty, a whole profile) that
// cannot make a shot, and why, in words: "10 s not offered at 1080p
// (longest is 6 s)", "pay-as-you-go only: choose API or cheapest".
type Unavailable struct {
	_                                NotComparable // no equality function in app.wasm
	ProfileID, ProfileName, Platform string
	ModelID, ModelName               string
	Reason                           string
}

// Rank prices shot s on every model of ps through o.Lens and ranks them by
// cost per kept second in o.Display, then profile id, then model id. Each
// model is priced at the cheapest unit price of its profile under the
// lens that may use it (Model.Plans, Plan.MaxRes). Models of the wrong
// tier, models that cannot make the shot, and profiles with no price
// under the lens (or no exchange rate) are listed in Unavailable in the
// order of ps (the catalog's is by name), each profile's models in the
// profile's order. An invalid
// shot (no seconds, fewer than 1 generation per kept clip) gives no rows
// and one Unavailable entry saying why, as does an unknown lens. Rank
// never fails and never compares two currencies unconverted.
//
// Each profile's ways of buying are priced once per call, not per model,
// and Usage.Lines are left empty, so ranking the whole catalog takes
// well under 100 µs (BenchmarkRank).
func Rank(ps []Profile, s Shot, o RankOptions) Ranking {
	r := Ranking{Shot: s, Options: o}
	si, err := prepareShot(s)
	if err != nil {
		r.Unavailable = []Unavailable{{Reason: err.Error()}}
		return r
	}
	lens := o.Lens
	if lens == "" {
		lens = LensCheapest
	}
	if !lens.Valid() {
		r.Unavailable = []Unavailable{{Reason: "unknown billing lens \"" + string(lens) + "\""}}
		return r
	}
	display := o.Display
	if display == "" {
		display = USD
	}

	// First pass: price every model, keeping what the rows need.
	n, nw := 0, 0
	for i := range ps {
		n += len(ps[i].Models)
		nw += 2*len(ps[i].Plans) + len(ps[i].Packs) + 1 // at most, under any lens
	}
	type ranked struct {
		p, m, w int32 // indices in ps, ps[p].Models and ws
		u       Usage
		c       costs
	}
	found := make([]ranked, 0, min(n, 32))
	r.Unavailable = make([]Unavailable, 0, n)
	ws := make([]way, 0, nw) // every profile's ways of buying, one after another
	for i := range ps {
		p := &ps[i]
		if !platformMatch(p, o.Platforms) {
			continue
		}
		gone := func(reason string) {
			r.Unavailable = append(r.Unavailable, Unavailable{ProfileID: p.ID, ProfileName: p.Name, Platform: p.Platform, Reason: reason})
		}
		first := len(ws)
		ws = p.ways(lens, ws)
		pws := ws[first:]
		if len(pws) == 0 {
			gone(noPrices(p, lens))
			continue
		}
		converted := p.Currency != display
		if converted {
			if _, err := o.Rates.Rate(p.Currency, display); err != nil {
				gone(err.Error())
				continue
			}
			if d := o.Rates.Describe(p.Currency, display); !slices.Contains(r.RatesUsed, d) {
				r.RatesUsed = append(r.RatesUsed, d)
			}
		}
		f := profileFormat(p, false)
		for j := range p.Models {
			m := &p.Models[j]
			miss := func(reason string) {
				r.Unavailable = append(r.Unavailable, Unavailable{ProfileID: p.ID, ProfileName: p.Name, Platform: p.Platform,
					ModelID: m.ID, ModelName: m.Name, Reason: reason})
			}
			if si.Tier != TierAny && m.Tier != si.Tier {
				miss(tierReason(m.Tier, si.Tier))
				continue
			}
			u, reason := m.usage(&si, &f)
			if reason != "" {
				miss(reason)
				continue
			}
			k := cheapest(pws, m, si.res)
			if k < 0 {
				miss(noPriceReason(p, m, lens, pws, si.res))
				continue
			}
			w := &pws[k]
			if !w.shown { // each way converted once, for all the models
				w.display, w.shown = ratio{num: w.price, den: w.credits}, true
				if converted { // price × Per[display] ÷ (credits × Per[currency])
					pt, _ := o.Rates.per(display)
					pf, _ := o.Rates.per(p.Currency)
					w.display = ratio{num: w.price.Mul(pt), den: w.credits.Mul(pf)}
				}
			}
			found = append(found, ranked{p: int32(i), m: int32(j), w: int32(first + k), u: u,
				c: threeSteps(w.display, u.Units, &si)})
		}
	}

	// Sort: by cost per kept second, then profile id, then model id.
	order := order.Indexes(len(found), func(x, y int) int {
		a, b := &found[x], &found[y]
		if c := a.c.keptSecond.Cmp(b.c.keptSecond); c != 0 {
			return c
		}
		if c := strings.Compare(ps[a.p].ID, ps[b.p].ID); c != 0 {
			return c
		}
		return strings.Compare(ps[a.p].Models[a.m].ID, ps[b.p].Models[b.m].ID)
	})

	// Second pass: the rows, in order.
	cutoff := staleCutoff(o.Today)
	r.Rows = make([]RankRow, len(found))
	sources := make([]Source, 0, 2*len(found)) // one backing array for every row's Sources
	for i, k := range order {
		x := &found[k]
		p := &ps[x.p]
		m := &p.Models[x.m]
		row := &r.Rows[i]
		*row = RankRow{
			ProfileID: p.ID, ProfileName: p.Name, Platform: p.Platform,
			ModelID: m.ID, ModelName: m.Name, Tier: m.Tier, Custom: p.Custom,
			Price: p.unitPrice(&ws[x.w]), Usage: x.u,
			CostPerClip:       Money{x.c.clip, display},
			CostPerSecond:     Money{x.c.second, display},
			CostPerKeptClip:   Money{x.c.keptClip, display},
			CostPerKeptSecond: Money{x.c.keptSecond, display},
			Converted:         p.Currency != display, Original: p.Currency,
			Evidence: m.Source.Evidence, Read: m.Source.Read,
		}
		start := len(sources)
		sources = append(sources, m.Source)
		if src := row.Price.Source; src.Read != "" && src != m.Source {
			sources = append(sources, src)
			if row.Read == "" || src.Read < row.Read {
				row.Read = src.Read
			}
			if src.Evidence != "" && (row.Evidence == "" || strength(src.Evidence) < strength(row.Evidence)) {
				row.Evidence = src.Evidence
			}
		}
		row.Sources = sources[start:len(sources):len(sources)]
		row.Stale = cutoff != "" && row.Read != "" && row.Read < cutoff
		row.Free = freeValue(p, m, &si, x.u.Units, ws[x.w].display, display)
		row.Figures = figureNotes(nil, ws[x.w].plan, m)
	}
	if len(r.Rows) > 0 {
		cheapest := r.Rows[0].CostPerKeptSecond.Amount
		for i := range r.Rows {
			x := r.Rows[i].CostPerKeptSecond.Amount
			switch {
			case !cheapest.IsZero():
				r.Rows[i].TimesCheapest = divScale(x, cheapest, 2)
			case x.IsZero():
				r.Rows[i].TimesCheapest = one
			}
		}
	}
	return r
}

// tierReasons are the reasons a model of one tier is left out of a shot
// that asks for another, built once.
var tierReasons = func() map[[2]Tier]string {
	t := map[[2]Tier]string{}
	tiers := []Tier{TierFast, TierStandard, TierPremium}
	for _, have := range tiers {
		for _, want := range tiers {
			t[[2]Tier{have, want}] = string(have) + " tier; shot asks for " + string(want)
		}
	}
	return t
}()

func tierReason(have, want Tier) string {
	if r, ok := tierReasons[[2]Tier{have, want}]; ok {
		return r
	}
	return string(have) + " tier; shot asks for " + string(want)
}

// strength orders evidence, weakest first.
func strength(e Evidence) int {
	switch e {
	case EvidenceOfficial:
		return 3
	case EvidenceDerived:
		return 2
	case EvidenceSecondary:
		return 1
	}
	return 0
}

func platformMatch(p *Profile, platforms []string) bool {
	if len(platforms) == 0 {
		return true
	}
	for _, x := range platforms {
		if strings.EqualFold(x, p.Platform) || strings.EqualFold(x, p.ID) {
			return true
		}
	}
	return false
}

// staleCutoff is the date StaleDays before today: a price read before it
// is stale. It is "" when today is not a YYYY-MM-DD date.
func staleCutoff(today string) string {
	t, err := time.Parse(time.DateOnly, today)
	if err != nil {
		return ""
	}
	return t.AddDate(0, 0, -StaleDays).Format(time.DateOnly)
}

// freeValue is what p's free credits buy of the shot on m: whole generated
// clips, their kept seconds and their worth at the paid price per unit
// (per, in display: clips × units × per, one division). Models limited to
// paid plans, or a free tier below the shot's resolution, get nil.
func freeValue(p *Profile, m *Model, s *shotInfo, units decimal.Decimal, per ratio, display Currency) *FreeValue {
	fr := p.Free
	if fr == nil || p.Kind == KindAPI || !fr.Credits.IsPositive() || len(m.Plans) > 0 || s.res > maxResIndex(fr.MaxRes) {
		return nil
	}
	if !units.IsPositive() {
		return nil
	}
	q, _ := div(fr.Credits, units)
	clips := q.Floor()
	secs := clips.Mul(s.Seconds)
	if !s.Takes.Equal(one) {
		secs, _ = div(secs, s.Takes)
	}
	return &FreeValue{Period: fr.Period, Credits: fr.Credits, Seconds: secs,
		Worth: Money{divTrim(clips.Mul(units).Mul(per.num), per.den), display}}
}
