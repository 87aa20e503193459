package pricing

import (
	"fmt"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
)

// bytesSource hands out fuzz bytes as small choices; zeros once it runs out.
type bytesSource struct{ b []byte }

func (s *bytesSource) next() int {
	if len(s.b) == 0 {
		return 0
	}
	v := int(s.b[0])
	s.b = s.b[1:]
	return v
}

// n is a choice in [0, k).
func (s *bytesSource) n(k int) int { return s.next() % k }

// amount is a positive decimal: up to 65,535 with 0 to 4 decimal places.
func (s *bytesSource) amount() decimal.Decimal {
	v := int64(s.next()<<8|s.next()) + 1
	return decimal.New(v, -int32(s.n(5)))
}

func (s *bytesSource) maybe(k int) bool { return s.n(k) == 0 }

func (s *bytesSource) res() Resolution { return Resolutions[s.n(len(Resolutions))] }

// fuzzProfile builds a profile from fuzz bytes, shaped like the catalog's
// (the engine is also run on shapes Validate would refuse: it must not
// panic on those either).
func fuzzProfile(s *bytesSource, id string) Profile {
	src := Source{URL: "https://example.com/" + id, Read: fmt.Sprintf("2026-%02d-01", 1+s.n(12)), Evidence: EvidenceOfficial}
	p := Profile{ID: id, Name: id, Platform: id, Kind: KindCredits, Currency: []Currency{USD, EUR, GBP, "JPY"}[s.n(4)],
		URL: src.URL}
	if s.maybe(3) {
		p.Kind = KindAPI
	} else {
		for i := range s.n(4) {
			pl := Plan{ID: fmt.Sprintf("plan%d", i), Name: fmt.Sprintf("Plan %d", i), Credits: s.amount(), Source: src}
			if !s.maybe(4) {
				pl.Monthly = decimal.NewNullDecimal(s.amount())
			}
			switch s.n(3) {
			case 0:
				pl.YearlyPerMonth = decimal.NewNullDecimal(s.amount())
			case 1:
				pl.Yearly = decimal.NewNullDecimal(s.amount())
			}
			if s.maybe(3) {
				pl.MaxRes = s.res()
			}
			if s.maybe(3) {
				pr := &Promo{Source: src}
				if s.maybe(2) {
					pr.BonusPercent = decimal.NewNullDecimal(decimal.NewFromInt(int64(s.n(200))))
					if s.maybe(2) {
						pr.BonusCap = decimal.NewNullDecimal(s.amount())
					}
				}
				if s.maybe(2) {
					pr.IntroPrice = decimal.NewNullDecimal(s.amount())
					pr.IntroMonths = s.n(12)
				}
				pl.Promo = pr
			}
			if s.maybe(8) {
				pl.Credits = decimal.Zero // refused by Validate; must not be divided by
			}
			p.Plans = append(p.Plans, pl)
		}
		for i := range s.n(3) {
			p.Packs = append(p.Packs, Pack{ID: fmt.Sprintf("pack%d", i), Name: "Pack", Price: s.amount(),
				Credits: s.amount(), ValidDays: s.n(400), RequiresPlan: s.maybe(2), Source: src})
		}
		if s.maybe(2) {
			p.Free = &Free{Credits: s.amount(), Period: []FreePeriod{FreeOnce, FreeDay, FreeMonth}[s.n(3)], Source: src}
			if s.maybe(2) {
				p.Free.MaxRes = s.res()
			}
		}
	}
	for i := range 1 + s.n(4) {
		m := Model{ID: fmt.Sprintf("m%d", i), Name: fmt.Sprintf("M%d", i),
			Tier: []Tier{TierFast, TierStandard, TierPremium}[s.n(3)], Source: src}
		if s.maybe(2) {
			m.Durations.List = []int{1 + s.n(10), 5 + s.n(10), 10 + s.n(20)}
		} else {
			m.Durations.Min, m.Durations.Max = s.n(5), 5+s.n(30)
		}
		seen := map[Resolution]bool{}
		for range s.n(4) {
			r := Rate{Res: s.res()}
			if seen[r.Res] {
				continue
			}
			seen[r.Res] = true
			switch s.n(5) {
			case 0:
				r.PerSecond = decimal.NewNullDecimal(s.amount())
			case 1:
				for _, d := range []int{5, 10, 30} {
					r.Buckets = append(r.Buckets, Bucket{Seconds: d, Units: s.amount()})
				}
			case 2:
				r.Base = &Base{Seconds: s.n(10), Units: s.amount(), PerExtraSecond: s.amount()}
			case 3:
				r.PerClip = decimal.NewNullDecimal(s.amount())
			case 4:
				r.PerMegapixel = decimal.NewNullDecimal(s.amount())
				r.Width, r.Height, r.FPS = 64*(1+s.n(60)), 64*(1+s.n(34)), 1+s.n(60)
			}
			if s.maybe(6) {
				r.Durations = &Durations{List: []int{1 + s.n(10)}}
			}
			m.Rates = append(m.Rates, r)
		}
		if len(m.Rates) > 0 && s.maybe(2) {
			if r := s.res(); !seen[r] {
				m.Multipliers = append(m.Multipliers, Multiplier{Res: r, Factor: s.amount()})
			}
		}
		m.Audio = []AudioSupport{"", AudioNone, AudioIncluded, AudioAddon, AudioUnpriced}[s.n(5)]
		for _, k := range []AddonKind{AddonAudio, AddonUpscale, AddonLipSync, AddonExtend} {
			if !s.maybe(2) {
				continue
			}
			a := Addon{Kind: k, Name: string(k), RoundUp: s.maybe(2), Source: src}
			switch s.n(4) {
			case 0:
				a.PerClip = decimal.NewNullDecimal(s.amount())
			case 1:
				a.PerSecond = decimal.NewNullDecimal(s.amount())
			case 2:
				a.Block = &Bucket{Seconds: s.n(10), Units: s.amount()} // 0 s: refused by Validate
			case 3:
				a.Factor = decimal.NewNullDecimal(s.amount())
			}
			m.Addons = append(m.Addons, a)
		}
		if s.maybe(3) {
			m.MinCharge = decimal.NewNullDecimal(s.amount())
		}
		m.RoundUp = s.maybe(2)
		if len(p.Plans) > 0 && s.maybe(3) {
			m.Plans = []string{p.Plans[s.n(len(p.Plans))].ID}
		}
		p.Models = append(p.Models, m)
	}
	return p
}

func fuzzShot(s *bytesSource) Shot {
	sh := Shot{Seconds: decimal.New(int64(1+s.n(300)), -int32(s.n(2))), Res: s.res(),
		Tier: []Tier{"", TierAny, TierFast, TierStandard, TierPremium}[s.n(5)],
		Takes: []decimal.Decimal{decimal.Zero, one, decimal.RequireFromString("1.5"), decimal.NewFromInt(2),
			decimal.RequireFromString("3.7")}[s.n(5)]}
	for _, k := range []AddonKind{AddonAudio, AddonUpscale, AddonLipSync, AddonExtend} {
		if s.maybe(4) {
			sh.Addons = append(sh.Addons, k)
		}
	}
	return sh
}

// FuzzEngine runs the engine on random profiles and shots: nothing panics;
// cost per second × seconds = cost per clip to within the division's
// rounding; rankings are sorted; month plans cover what they need.
func FuzzEngine(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("a credit platform, an API and a shot"))
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 200, 100, 50})
	f.Add([]byte{0, 1, 0, 2, 0, 3, 0, 4, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 9, 9, 9})
	f.Fuzz(func(t *testing.T, data []byte) {
		s := &bytesSource{b: data}
		ps := []Profile{fuzzProfile(s, "a"), fuzzProfile(s, "b"), fuzzProfile(s, "c")}
		sh := fuzzShot(s)
		rates := DefaultRates()
		// Within the two divisions' rounding: cost per clip and per second
		// are each the exact value rounded once (half a unit in the 16th
		// place), so |per second × s − per clip| ≤ (s + 1) × 10^-16 ÷ 2.
		tolerance := sh.Seconds.Add(one).Mul(decimal.New(1, -DivisionScale))
		for _, l := range Lenses {
			r := Rank(ps, sh, RankOptions{Lens: l, Rates: rates, Display: []Currency{USD, EUR}[s.n(2)], Today: "2026-11-25"})
			checkSorted(t, r)
			for _, row := range r.Rows {
				diff := row.CostPerSecond.Amount.Mul(sh.Seconds).Sub(row.CostPerClip.Amount).Abs()
				if diff.Cmp(tolerance) > 0 {
					t.Fatalf("%s/%s: %s/s × %s s ≠ %s a clip", row.ProfileID, row.ModelID,
						row.CostPerSecond.Amount, sh.Seconds, row.CostPerClip.Amount)
				}
				if row.CostPerClip.Amount.IsNegative() || row.TimesCheapest.IsNegative() {
					t.Fatalf("negative cost %+v", row)
				}
			}
			for _, p := range ps {
				_ = p.UnitPrices(l)
				for _, m := range p.Models {
					_, _ = p.Quote(m.ID, sh, l)
				}
			}
		}
		for i := range ps {
			p := &ps[i]
			for _, m := range p.Models {
				_, _ = m.Usage(sh)
				for _, billing := range []Lens{LensMonthly, LensYearly} {
					planID := ""
					if len(p.Plans) > 0 {
						planID = p.Plans[s.n(len(p.Plans))].ID
					}
					_, _ = Calculate(CalcInput{Profile: p, PlanID: planID, Billing: billing, ModelID: m.ID,
						Res: sh.Res, Seconds: sh.Seconds, Takes: sh.Takes, Clips: decimal.NewFromInt(3), Addons: sh.Addons})
				}
			}
		}
		mix := []MixLine{{Name: "a", Count: 1 + s.n(50), Shot: sh}, {Name: "b", Count: s.n(50), Shot: fuzzShot(s)}}
		all := PlanAll(ps, mix, MonthOptions{Billing: []Lens{LensMonthly, LensYearly}[s.n(2)], Rates: rates})
		if !slices.IsSortedFunc(all.Plans, func(a, b MonthPlan) int { return a.Cost.Amount.Cmp(b.Cost.Amount) }) {
			t.Fatalf("month plans not sorted")
		}
		for _, mp := range all.Plans {
			if mp.CreditsBought.Cmp(mp.CreditsNeeded) < 0 || mp.CreditsUnused.IsNegative() || mp.Expiring.Cmp(mp.CreditsUnused) > 0 {
				t.Fatalf("%s: bought %s for %s, unused %s, expiring %s", mp.ProfileID, mp.CreditsBought,
					mp.CreditsNeeded, mp.CreditsUnused, mp.Expiring)
			}
		}
		// The custom calculator on numbers from the bytes.
		_, _ = Calculate(CalcInput{Price: decimal.NewNullDecimal(s.amount()), Credits: decimal.NewNullDecimal(s.amount()),
			CreditsPerSecond: decimal.NewNullDecimal(s.amount()), BonusPercent: decimal.NewNullDecimal(s.amount()),
			BonusCap: decimal.NewNullDecimal(s.amount()), Seconds: sh.Seconds, Takes: sh.Takes})
	})
}
