package pricing

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// makerJSON is a credit platform for the month planner: a small and a big
// plan, a top-up for subscribers that never expires, and a 30-day pack
// anyone can buy.
const makerJSON = `{"id":"maker","name":"Maker","platform":"Maker","kind":"credits","currency":"USD","url":"",
	"plans":[
		{"id":"small","name":"Small","monthly":"10","credits":"500","source":{}},
		{"id":"big","name":"Big","monthly":"40","yearly_per_month":"30","credits":"3000","source":{}}],
	"packs":[
		{"id":"topup","name":"Top-up","price":"10","credits":"1000","requires_plan":true,"source":{}},
		{"id":"flash","name":"Flash pack","price":"8","credits":"500","valid_days":30,"source":{}}],
	"models":[
		{"id":"quick","name":"Quick","tier":"fast","audio":"none","durations":{"min":1,"max":10},
		 "rates":[{"res":"720p","per_second":"5"}],"multipliers":[{"res":"1080p","factor":"2"}]},
		{"id":"hero","name":"Hero","tier":"premium","durations":{"list":[8]},"rates":[{"res":"1080p","per_clip":"200"}]},
		{"id":"hero-pro","name":"Hero Pro","tier":"premium","durations":{"list":[8]},"rates":[{"res":"1080p","per_clip":"150"}],
		 "plans":["big"]}]}`

// mix reads "name:count:shot, ..." with shots as in shot().
func mix(t *testing.T, spec string) []MixLine {
	t.Helper()
	var out []MixLine
	for _, l := range strings.Split(spec, ",") {
		f := strings.SplitN(strings.TrimSpace(l), ":", 3)
		var n int
		fmt.Sscan(f[1], &n)
		out = append(out, MixLine{Name: f[0], Count: n, Shot: shot(t, f[2])})
	}
	return out
}

func planSummary(mp MonthPlan) string {
	s := fmt.Sprintf("%s %s%s", mp.Option, mp.PlanID, mp.PackID)
	if mp.Packs > 0 {
		s += fmt.Sprintf("×%d", mp.Packs)
	}
	s += fmt.Sprintf(" cost %s need %s bought %s unused %s expiring %s",
		Exact(mp.Cost.Amount), Exact(mp.CreditsNeeded), Exact(mp.CreditsBought), Exact(mp.CreditsUnused),
		Exact(mp.Expiring))
	if !mp.MayExpire.IsZero() {
		s += " may-expire " + Exact(mp.MayExpire)
	}
	s += " per-kept-s " + Exact(mp.CostPerKeptSecond.Amount)
	for _, l := range mp.Lines {
		s += fmt.Sprintf(" | %s %s %s %s", l.Name, l.ModelID, Exact(l.Units), Exact(l.Cost.Amount))
	}
	return s
}

func TestPlanMonth(t *testing.T) {
	maker := profile(t, makerJSON)
	tests := []struct {
		mix, billing, want string
	}{
		// A small plan and a top-up ($20) beat the big plan ($40), the
		// small plan with flash packs ($26) and flash packs alone ($24).
		{"broll:30:10 720p fast", "monthly",
			"plan+packs smalltopup×1 cost 20 need 1500 bought 1500 unused 0 expiring 0 per-kept-s 0.0666666666666667 | broll quick 1500 20"},
		// The small plan alone would leave 250 credits to expire, as does a
		// flash pack, which is cheaper.
		{"broll:10:5 720p fast", "monthly",
			"packs flash×1 cost 8 need 250 bought 500 unused 250 expiring 250 per-kept-s 0.16 | broll quick 250 8"},
		// Heroes: on Big, Hero Pro takes 225 credits per kept clip
		// (150 × 1.5); on Small, Hero takes 300. Big: 4,500 + 1,500 =
		// 6,000 credits, 3 top-ups, $70; Small: 7,500, 7 top-ups, $80.
		{"hero:20:8 1080p premium x1.5, broll:30:10 720p fast", "monthly",
			"plan+packs bigtopup×3 cost 70 need 6000 bought 6000 unused 0 expiring 0 per-kept-s 0.1521739130434783 | hero hero-pro 4500 52.5 | broll quick 1500 17.5"},
		// With 10 heroes the two cost the same ($50): Small leaves fewer
		// credits unused.
		{"hero:10:8 1080p premium x1.5, broll:30:10 720p fast", "monthly",
			"plan+packs smalltopup×4 cost 50 need 4500 bought 4500 unused 0 expiring 0 per-kept-s 0.1315789473684211 | hero hero 3000 33.3333333333333333 | broll quick 1500 16.6666666666666667"},
		// Billed yearly: only Big has a yearly price ($30 a month).
		{"hero:20:8 1080p premium x1.5, broll:30:10 720p fast", "yearly",
			"plan+packs bigtopup×3 cost 60 need 6000 bought 6000 unused 0 expiring 0 per-kept-s 0.1304347826086957 | hero hero-pro 4500 45 | broll quick 1500 15"},
		{"broll:30:10 720p fast", "yearly",
			"packs flash×3 cost 24 need 1500 bought 1500 unused 0 expiring 0 per-kept-s 0.08 | broll quick 1500 24"},
		// A line with no clips is left out.
		{"broll:10:5 720p fast, hero:0:30 4k", "monthly",
			"packs flash×1 cost 8 need 250 bought 500 unused 250 expiring 250 per-kept-s 0.16 | broll quick 250 8 | hero  0 0"},
	}
	for _, tt := range tests {
		mp, err := PlanMonth(maker, mix(t, tt.mix), MonthOptions{Billing: Lens(tt.billing)})
		if err != nil {
			t.Errorf("%s: %v", tt.mix, err)
			continue
		}
		if got := planSummary(mp); got != tt.want {
			t.Errorf("%s %s:\n got %s\nwant %s", tt.mix, tt.billing, got, tt.want)
		}
	}
}

func TestPlanMonthWorking(t *testing.T) {
	euro := profile(t, euroJSON)
	mp, err := PlanMonth(euro, mix(t, "broll:20:7 720p fast x2"), MonthOptions{Rates: DefaultRates(), Display: USD})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"broll, Wan, 7 s at 720p: 20 × 40 credits per kept clip (20 credits × 2 generations) = 800 credits",
		"needed: 800 credits a month",
		"Basic plan: €10 a month for 1,000 credits",
		"total: €10.00 for 1,000 credits: 200 unused, all expiring",
		"€10.00 ≈ $11.63 at 1 EUR = 1.1628 USD (rate of 2026-11-01)",
		"$11.63 ÷ 140 s kept = $0.0831 per kept second",
	}
	if got := strings.Join(mp.Working, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("working:\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
}

// TestPlanMonthPackLine: the working's line for top-up packs keeps a
// pack's name whole: a name with parentheses of its own read "Credit
// top-up (1,000 credits) (1,000 credits for $10)" and "Top-up (rate per
// $1) (66 credits for $1)".
func TestPlanMonthPackLine(t *testing.T) {
	ps := testCatalog(t)
	for _, tt := range []struct{ profile, mix, want string }{
		{"runway", "b:48:5 720p fast", "+ 1 × Credit top-up (1,000 credits) at $10 for 1,000 credits = $10.00"},
		{"kling", "hero:40:5 1080p premium", "+ 12 × Top-up (rate per $1) at $1 for 66 credits = $12.00"},
	} {
		p, _ := FindProfile(ps, tt.profile)
		mp, err := PlanMonth(p, mix(t, tt.mix), MonthOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(mp.Working, tt.want) {
			t.Errorf("%s, %s: working %q, want the line %q", tt.profile, tt.mix, mp.Working, tt.want)
		}
	}
}

// TestUnusedWords: what becomes of a month's unused credits, in every
// combination, says no count of zero. It wrote "52 unused, 0 expire, 52
// may expire (validity not stated by Kling)" for Kling's top-ups, and "425
// unused, 0 expire" for Runway's.
func TestUnusedWords(t *testing.T) {
	tests := []struct {
		unused, expiring, mayExpire string
		want, wantIng               string
	}{
		// Nothing left over.
		{"0", "0", "0", "nothing unused", "nothing unused"},
		// A plan's credits: all lost at the month's end.
		{"550", "550", "0", "550 unused, all expire", "550 unused, all expiring"},
		// Packs valid beyond the month: all last.
		{"425", "0", "0", "425 unused, none expire", "425 unused, none expiring"},
		// Packs valid a stated time (Kling's API, 180 days): how long is
		// said, so a person sees the pack's units are not theirs for good.
		{"4795", "0", "0:180", "4,795 unused, none expire this month (valid 180 days)",
			"4,795 unused, none expiring this month (valid 180 days)"},
		// Some lost, the rest last.
		{"1000", "600", "0", "1,000 unused, 600 expire", "1,000 unused, 600 expiring"},
		{"1000", "600", "0:365", "1,000 unused, 600 expire, 400 valid 365 days",
			"1,000 unused, 600 expiring, 400 valid 365 days"},
		// Packs whose validity is not stated.
		{"52", "0", "52", "52 unused, all may expire (validity not stated by Kling)",
			"52 unused, all may expire (validity not stated by Kling)"},
		{"100", "48", "52", "100 unused, 48 expire, 52 may expire (validity not stated by Kling)",
			"100 unused, 48 expiring, 52 may expire (validity not stated by Kling)"},
		{"100", "0", "52", "100 unused, 52 may expire (validity not stated by Kling)",
			"100 unused, 52 may expire (validity not stated by Kling)"},
		// A share of a division is approximate.
		{"116.666666666666666667", "116.666666666666666667", "0", "~116.67 unused, all expire", "~116.67 unused, all expiring"},
	}
	for _, tt := range tests {
		may, days, _ := strings.Cut(tt.mayExpire, ":") // "0:180": none may expire; the pack is valid 180 days
		mp := MonthPlan{Platform: "Kling", CreditsUnused: dec(t, tt.unused), Expiring: dec(t, tt.expiring), MayExpire: dec(t, may)}
		mp.PackValidDays, _ = strconv.Atoi(days)
		if got := UnusedWords(mp, "expire"); got != tt.want {
			t.Errorf("%s unused, %s expire, %s may: %q, want %q", tt.unused, tt.expiring, tt.mayExpire, got, tt.want)
		}
		if got := UnusedWords(mp, "expiring"); got != tt.wantIng {
			t.Errorf("%s unused, %s expiring, %s may: %q, want %q", tt.unused, tt.expiring, tt.mayExpire, got, tt.wantIng)
		}
	}
}

func TestPlanMonthConverted(t *testing.T) {
	euro := profile(t, euroJSON)
	mp, err := PlanMonth(euro, mix(t, "broll:20:5 720p fast"), MonthOptions{Rates: DefaultRates(), Display: USD})
	if err != nil {
		t.Fatal(err)
	}
	if mp.Cost.Currency != USD || !eq(t, mp.Cost.Amount, "11.6279069767441860") || mp.CostPerKeptSecond.Currency != USD {
		t.Errorf("cost %v %s", mp.Cost.Amount, mp.Cost.Currency)
	}
	last := mp.Working[len(mp.Working)-2]
	if last != "€10.00 ≈ $11.63 at 1 EUR = 1.1628 USD (rate of 2026-11-01)" {
		t.Errorf("conversion line %q", last)
	}
	if _, err := PlanMonth(euro, mix(t, "broll:20:5 720p fast"), MonthOptions{Display: "JPY"}); !errors.Is(err, ErrCurrency) {
		t.Errorf("missing rate: %v", err)
	}
}

func TestPlanMonthErrors(t *testing.T) {
	maker := profile(t, makerJSON)
	euro := profile(t, euroJSON)
	tests := []struct {
		p       Profile
		mix     string
		billing string
		is      error
		msg     string
	}{
		{maker, "hero:10:20 1080p premium", "", ErrNotOffered, "hero: no premium model makes 20 s at 1080p"},
		{maker, "hero:10:8 4k fast", "", ErrNotOffered, "hero: no fast model makes 8 s at 4K; Quick: 4K not offered (720p, 1080p)"},
		// One model, and the shot's own words already say why: said once.
		{maker, "hero:10:5 720p fast +audio", "", ErrNotOffered, "hero: no fast model makes 5 s at 720p with native audio"},
		{maker, "x:1:5 720p", "weekly", ErrUnknown, `unknown billing "weekly" (monthly or yearly)`},
		{maker, "broll:-1:5 720p", "", ErrNegative, "broll: count cannot be negative"},
		{maker, "broll:0:5 720p", "", ErrEmpty, "Mix is empty"},
		{maker, "broll:3:0 720p", "", ErrZero, "broll: Duration must be more than 0"},
		{maker, "broll:3:5 720p x0.5", "", ErrBelowOne, "broll: Generations per kept clip must be 1 or more: keeping 1 clip in 3 is 3"},
		{maker, "broll:3:5 720p x1001", "", ErrTooManyTakes, "broll: Generations per kept clip must be at most 1,000"},
		// Basic's 1,000 credits do not cover 1,200, and Euro sells no packs.
		{euro, "broll:30:7 720p fast x2", "", ErrNotOffered, "no way to buy the month: no monthly plan or pack covers it"},
		{euro, "broll:1:5 720p", "yearly", ErrNotOffered, "no way to buy the month: no yearly plan or pack covers it"},
	}
	for _, tt := range tests {
		_, err := PlanMonth(tt.p, mix(t, tt.mix), MonthOptions{Billing: Lens(tt.billing)})
		if !errors.Is(err, tt.is) || err.Error() != tt.msg {
			t.Errorf("%s: %v, want %q", tt.mix, err, tt.msg)
		}
	}
	if _, err := PlanMonth(maker, nil, MonthOptions{}); !errors.Is(err, ErrEmpty) {
		t.Errorf("no mix: %v", err)
	}
}

func TestPlanAll(t *testing.T) {
	ps := append(fixtures(t), profile(t, makerJSON))
	tests := []struct {
		mix  string
		want string
	}{
		// A few clips: pay as you go beats every plan.
		{"broll:2:5 720p fast", "cloud api 1.2 | studio packs 5 | maker packs 8 | euro plan 11.627906976744186"},
		// A month of b-roll: every plan beats the API.
		{"broll:100:5 720p fast", "euro plan 11.627906976744186 | maker plan+packs 30 | studio plan+packs 35 | cloud api 60"},
		// Premium heroes: Euro has no premium model.
		{"hero:4:8 1080p premium", "cloud api 12.8 | maker packs 16 | studio packs 20 | - euro: hero: no premium model makes 8 s at 1080p"},
	}
	for _, tt := range tests {
		r := PlanAll(ps, mix(t, tt.mix), MonthOptions{Rates: DefaultRates()})
		var got []string
		for _, mp := range r.Plans {
			got = append(got, fmt.Sprintf("%s %s %s", mp.ProfileID, mp.Option, Exact(mp.Cost.Amount)))
			if mp.Cost.Currency != USD {
				t.Errorf("%s in %s", mp.ProfileID, mp.Cost.Currency)
			}
		}
		for _, u := range r.Unavailable {
			got = append(got, "- "+u.ProfileID+": "+u.Reason)
		}
		if g := strings.Join(got, " | "); g != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.mix, g, tt.want)
		}
	}
}

// TestPlanMonthPricesAsRank: a month of one clip on a pay-as-you-go API
// costs what /compare's ranking (Rank) gives as that platform's cheapest
// kept clip of the same shot, add-ons included; and a platform Rank has no
// model for cannot make the month. Native audio rows go only to models
// that make it (Veo 3 with its $0.20 a second more; not Veo 2 or Gen-4).
func TestPlanMonthPricesAsRank(t *testing.T) {
	ps := testCatalog(t)
	for _, spec := range []string{"8 720p", "8 720p +audio", "5 720p standard +audio", "10 1080p +audio", "5 1080p premium x1.5 +audio"} {
		s := shot(t, spec)
		for _, p := range ps {
			if p.Kind != KindAPI {
				continue
			}
			r := Rank([]Profile{p}, s, RankOptions{Display: p.Currency})
			mp, err := PlanMonth(p, []MixLine{{Name: "row", Count: 1, Shot: s}}, MonthOptions{})
			if len(r.Rows) == 0 {
				if err == nil {
					t.Errorf("%s %s: Rank has no model, the month is %s on %s", p.ID, spec, FormatMoney(mp.Cost), mp.Lines[0].ModelID)
				}
				continue
			}
			if err != nil {
				t.Errorf("%s %s: Rank has %s, the month: %v", p.ID, spec, r.Rows[0].ModelID, err)
				continue
			}
			best := r.Rows[0].CostPerKeptClip.Amount
			for _, row := range r.Rows {
				if row.CostPerKeptClip.Amount.LessThan(best) {
					best = row.CostPerKeptClip.Amount
				}
			}
			if !mp.Cost.Amount.Equal(best) {
				t.Errorf("%s %s: the month of one clip is %s on %s, Rank's cheapest kept clip %s", p.ID, spec,
					Exact(mp.Cost.Amount), mp.Lines[0].ModelID, Exact(best))
			}
		}
	}
}

// TestPlanMonthFirst: a plan's promotion is said apart from the month,
// which stays on the regular price. The intro price is a monthly one (not
// under yearly billing, as the calculator's first month); a bonus's extra
// credits may need fewer top-ups in the first month.
func TestPlanMonthFirst(t *testing.T) {
	maker := profile(t, makerJSON)
	maker.Packs = maker.Packs[:1] // the top-up alone: its count is what a bonus changes
	small := &maker.Plans[0]
	tests := []struct {
		name, billing, mix string
		promo              Promo
		cost, first, words string
		months             int
	}{
		// 1,500 credits: Small $10 + 1 Top-up $10. At the $5 intro price,
		// $15 for the first 2 months.
		{"intro", "monthly", "b:30:10 720p fast", Promo{IntroPrice: ndec(t, "5"), IntroMonths: 2},
			"20", "15", "first 2 months $15.00 a month (intro price; who qualifies not stated), then $20.00", 2},
		// 800 credits: Small 500 + 1 Top-up. A 100% bonus makes Small's
		// first month 1,000 credits: no top-up, $10.
		{"bonus saves a top-up", "monthly", "b:16:10 720p fast", Promo{BonusPercent: ndec(t, "100")},
			"20", "10", "first month $10.00 (+500 bonus credits), then $20.00", 1},
		// Capped at 100 credits: 600 still needs the top-up.
		{"bonus capped", "monthly", "b:16:10 720p fast", Promo{BonusPercent: ndec(t, "100"), BonusCap: ndec(t, "100")},
			"20", "20", "first month $20.00 (+100 bonus credits), then $20.00", 1},
		// An intro price and a bonus: the bonus is the first month's
		// alone. 800 credits: the first month's 1,000 need no top-up
		// ($5); months 2 and 3 are Small's 500 and a top-up, $15 a month.
		{"intro and bonus", "monthly", "b:16:10 720p fast",
			Promo{IntroPrice: ndec(t, "5"), IntroMonths: 3, BonusPercent: ndec(t, "100")}, "20", "5",
			"first month $5.00 (intro price; who qualifies not stated; +500 bonus credits), " +
				"months 2 to 3 $15.00 a month (intro price), then $20.00", 1},
		// 400 credits fit Small alone: every intro month costs $5, and
		// the bonus is said to be the first month's.
		{"intro and bonus, no top-up", "monthly", "b:8:10 720p fast",
			Promo{IntroPrice: ndec(t, "5"), IntroMonths: 3, BonusPercent: ndec(t, "100")}, "10", "5",
			"first 3 months $5.00 a month (intro price; who qualifies not stated; +500 bonus credits in the first month), then $10.00", 3},
		// Billed yearly, Big is chosen; Small's intro price is not Big's.
		{"other plan", "yearly", "b:50:10 720p fast", Promo{IntroPrice: ndec(t, "5"), IntroMonths: 2},
			"30", "", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pr := tt.promo
			small.Promo = &pr
			mp, err := PlanMonth(maker, mix(t, tt.mix), MonthOptions{Billing: Lens(tt.billing)})
			if err != nil {
				t.Fatal(err)
			}
			first := ""
			if mp.FirstMonths > 0 {
				first = Exact(mp.FirstCost.Amount)
			}
			// The months are whole: the first, and the rest of the intro price's.
			if tt.months > 0 && pr.IntroMonths > 0 && mp.FirstMonths+mp.RestMonths != pr.IntroMonths {
				t.Errorf("%d + %d months under the promotion, want %d", mp.FirstMonths, mp.RestMonths, pr.IntroMonths)
			}
			if Exact(mp.Cost.Amount) != tt.cost || first != tt.first || mp.First != tt.words || mp.FirstMonths != tt.months {
				t.Errorf("cost %s, first %s for %d months, %q; want %s, %s for %d, %q\n%s", Exact(mp.Cost.Amount), first,
					mp.FirstMonths, mp.First, tt.cost, tt.first, tt.months, tt.words, strings.Join(mp.Working, "\n"))
			}
		})
	}
}
