package pricing_test

import (
	"errors"
	"fmt"

	"github.com/aivc/aivc/pricing"
	"github.com/shopspring/decimal"
)

// mustDec reads a number the way the site reads what people type.
func mustDec(s string) decimal.Decimal {
	d, err := pricing.ParseAmount("example", s)
	if err != nil {
		panic(err) // the examples only use good numbers
	}
	return d
}

func optDec(s string) decimal.NullDecimal { return decimal.NewNullDecimal(mustDec(s)) }

// The guide's worked example: the three steps. $30 buys 3,000 credits, so a
// credit costs $0.01; a 5 s 720p clip of 50 credits costs $0.50, $0.10 a
// second; a 10 s 1080p clip of 120 credits costs $1.20, $0.12 a second.
func Example() {
	for _, clip := range []struct{ seconds, credits string }{{"5", "50"}, {"10", "120"}} {
		c, err := pricing.Calculate(pricing.CalcInput{
			Price: optDec("$30"), Credits: optDec("3,000"),
			ClipCredits: optDec(clip.credits), Seconds: mustDec(clip.seconds),
		})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(c.Working["price-per-credit"])
		fmt.Println(c.Working["cost-per-clip"])
		fmt.Println(c.Working["cost-per-second"])
	}
	// Output:
	// $30 ÷ 3,000 credits = $0.01 per credit
	// 50 credits × $0.01 = $0.50
	// $0.50 ÷ 5 s = $0.10 per second
	// $30 ÷ 3,000 credits = $0.01 per credit
	// 120 credits × $0.01 = $1.20
	// $1.20 ÷ 10 s = $0.12 per second
}

// A model sold in 5 s and 10 s buckets: a 7 s shot is made and paid as a
// 10 s clip, and 3 s of it go unused.
func ExampleModel_Usage() {
	m := pricing.Model{
		ID: "kling-std", Name: "Kling Standard", Tier: pricing.TierStandard,
		Durations: pricing.Durations{List: []int{5, 10}},
		Rates: []pricing.Rate{{Res: pricing.Res720p, Buckets: []pricing.Bucket{
			{Seconds: 5, Units: mustDec("20")}, {Seconds: 10, Units: mustDec("40")},
		}}},
	}
	u, err := m.Usage(pricing.Shot{Seconds: mustDec("7"), Res: pricing.Res720p})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(u.Units, "credits for", u.PaidSeconds, "s,", u.UnusedSeconds, "s unused")
	for _, l := range u.Lines {
		fmt.Println(l)
	}
	_, err = m.Usage(pricing.Shot{Seconds: mustDec("12"), Res: pricing.Res720p})
	fmt.Println(err)
	_, err = m.Usage(pricing.Shot{Seconds: mustDec("5"), Res: pricing.Res4K})
	fmt.Println(err)
	// Output:
	// 40 credits for 10 s, 3 s unused
	// Kling Standard: 10 s clip = 40 credits
	// 7 s asked: paid 10 s, 3 s unused
	// 12 s not offered at 720p (longest is 10 s)
	// 4K not offered (720p)
}

// Pricing by pixel volume: Luma Ray2 on the API at $0.0064 per million
// pixels, 24 frames a second.
func ExampleModel_Usage_megapixels() {
	rate := func(res pricing.Resolution, w, h int) pricing.Rate {
		return pricing.Rate{Res: res, Width: w, Height: h, FPS: 24,
			PerMegapixel: optDec("0.0064")}
	}
	m := pricing.Model{ID: "ray-2", Name: "Ray2", Tier: pricing.TierStandard,
		Durations: pricing.Durations{List: []int{5, 9}},
		Rates: []pricing.Rate{rate(pricing.Res540p, 960, 540), rate(pricing.Res720p, 1280, 720),
			rate(pricing.Res1080p, 1920, 1080), rate(pricing.Res4K, 3840, 2160)},
	}
	for _, res := range []pricing.Resolution{pricing.Res540p, pricing.Res720p, pricing.Res1080p, pricing.Res4K} {
		u, _ := m.Usage(pricing.Shot{Seconds: mustDec("5"), Res: res})
		fmt.Printf("%-5s %-9s ≈ %s\n", res, pricing.Exact(u.Units), pricing.FormatMoney(pricing.NewMoney(u.Units, pricing.USD)))
	}
	// Output:
	// 540p  0.3981312 ≈ $0.3981
	// 720p  0.7077888 ≈ $0.7078
	// 1080p 1.5925248 ≈ $1.59
	// 4k    6.3700992 ≈ $6.37
}

// A first-month promotion: +50% credits, capped at 1,000, is shown beside
// the steady-state price.
func ExampleCalculate_promotion() {
	c, err := pricing.Calculate(pricing.CalcInput{
		Price: optDec("30"), Credits: optDec("3000"), BonusPercent: optDec("50"), BonusCap: optDec("1000"),
		ClipCredits: optDec("50"), Seconds: mustDec("5"), Takes: mustDec("1.5"), Clips: mustDec("10"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("steady:", c.PricePerCredit, "a credit,", c.CostPerClip, "a clip")
	fmt.Println("first month:", c.FirstPricePerCredit, "a credit,", c.FirstCostPerClip, "a clip")
	fmt.Println(c.Working["first-price-per-credit"])
	fmt.Println(c.Working["cost-per-kept-clip"])
	fmt.Println(c.Working["total-cost"])
	fmt.Println("data-value:", pricing.Exact(c.FirstPricePerCredit.Amount))
	// Output:
	// steady: $0.01 a credit, $0.50 a clip
	// first month: $0.0075 a credit, $0.375 a clip
	// $30 ÷ (3,000 + 1,000 bonus) credits = $0.0075 per credit in the first month
	// $0.50 × 1.5 generations = $0.75
	// $0.75 × 10 clips = $7.50
	// data-value: 0.0075
}

// Bad input is a typed error whose message names the field.
func ExampleParsePositive() {
	for _, s := range []string{"3,000", "0", "-5", "abc", ""} {
		d, err := pricing.ParsePositive("Credits per month", s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(d)
	}
	// Output:
	// 3000
	// Credits per month must be more than 0
	// Credits per month cannot be negative
	// Credits per month must be a number, like 30 or 1,200.50
	// Credits per month is empty
}

// A field's number in another unit is refused, naming the field and both
// units; its own unit is read.
func ExampleParseIn() {
	for _, s := range []string{"50", "50 credits", "$5", "5 USD", "5%"} {
		d, err := pricing.ParseIn("Credits per clip", s, pricing.UnitCredits)
		if errors.Is(err, pricing.ErrOtherUnit) {
			fmt.Println(err)
			continue
		}
		fmt.Println(d, err)
	}
	d, err := pricing.ParsePositiveIn("Duration", "8 s", pricing.UnitSeconds)
	fmt.Println(d, err)
	// Output:
	// 50 <nil>
	// 50 <nil>
	// Credits per clip is in credits, not money: type the number alone
	// Credits per clip is in credits, not money: type the number alone
	// Credits per clip is in credits, not a percentage: type the number alone
	// 8 <nil>
}

// A clip log's 7 generations for 3 kept clips: priced exactly, shown
// rounded.
func ExampleMeasuredTakes() {
	takes, _ := pricing.MeasuredTakes(7, 3)
	fmt.Println(takes)
	fmt.Println(pricing.CountApprox(takes, "generation", "generations"))
	fmt.Println(pricing.FormatMoney(pricing.NewMoney(mustDec("1.20").Mul(takes).Mul(mustDec("100")), pricing.USD)))
	// Output:
	// 2.3333333333333333
	// ~2.33 generations
	// $280.00
}

func ExampleFormatMoney() {
	for _, s := range []string{"0.01", "1200.5", "0.003333", "0.5", "30"} {
		fmt.Println(pricing.FormatMoney(pricing.NewMoney(mustDec(s), pricing.USD)))
	}
	fmt.Println(pricing.FormatMoney(pricing.NewMoney(mustDec("0.0033"), pricing.EUR)))
	fmt.Println(pricing.FormatMoney(pricing.NewMoney(mustDec("12.5"), "CHF")))
	// Output:
	// $0.01
	// $1,200.50
	// $0.0033
	// $0.50
	// $30.00
	// €0.0033
	// CHF 12.50
}

// A total a person pays is shown in cents; the price per clip it comes of
// keeps the places a rate needs.
func ExampleFormatTotal() {
	perClip := pricing.NewMoney(mustDec("7").DivRound(mustDec("9"), pricing.DivisionScale), pricing.USD)
	fmt.Println(pricing.FormatMoney(perClip), "a clip;", pricing.FormatTotal(perClip), "for 1 clip")
	fmt.Println(pricing.FormatTotal(pricing.NewMoney(mustDec("1200.5"), pricing.USD)))
	fmt.Println(pricing.FormatTotal(pricing.NewMoney(mustDec("0.0033"), pricing.EUR)))
	// Output:
	// $0.7778 a clip; $0.78 for 1 clip
	// $1,200.50
	// €0.0033
}

func ExampleRates_Convert() {
	r := pricing.DefaultRates()
	m, err := r.Convert(pricing.NewMoney(mustDec("15"), pricing.EUR), pricing.USD)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m)
	fmt.Println(r.Describe(pricing.EUR, pricing.USD))
	_, err = r.Convert(pricing.NewMoney(mustDec("15"), "JPY"), pricing.USD)
	fmt.Println(err)
	// Output:
	// $17.44
	// 1 EUR = 1.1628 USD (rate of 2026-11-01)
	// no exchange rate from JPY to USD
}

// Compare two platforms on a standard shot: the one billed in euros is
// converted before it is ranked, and a model that cannot make the shot is
// listed apart with the reason.
func ExampleRank() {
	src := pricing.Source{URL: "https://example.com/pricing", Read: "2026-10-01", Evidence: pricing.EvidenceOfficial}
	ps := []pricing.Profile{
		{ID: "alpha", Name: "Alpha", Platform: "Alpha", Kind: pricing.KindCredits, Currency: pricing.USD,
			Plans: []pricing.Plan{{ID: "std", Name: "Standard", Monthly: optDec("15"), Credits: mustDec("625"), Source: src}},
			Models: []pricing.Model{
				{ID: "turbo", Name: "Turbo", Tier: pricing.TierFast, Durations: pricing.Durations{Min: 2, Max: 10},
					Rates: []pricing.Rate{{Res: pricing.Res720p, PerSecond: optDec("5")}}, Source: src},
				{ID: "hd", Name: "HD", Tier: pricing.TierFast, Durations: pricing.Durations{List: []int{6}},
					Rates: []pricing.Rate{{Res: pricing.Res720p, PerClip: optDec("25")}}, Source: src},
			}},
		{ID: "beta", Name: "Beta", Platform: "Beta", Kind: pricing.KindCredits, Currency: pricing.EUR,
			Plans: []pricing.Plan{{ID: "pro", Name: "Pro", Monthly: optDec("10"), Credits: mustDec("1000"), Source: src}},
			Models: []pricing.Model{{ID: "fast", Name: "Fast", Tier: pricing.TierFast,
				Durations: pricing.Durations{List: []int{5, 10}},
				Rates:     []pricing.Rate{{Res: pricing.Res720p, Buckets: []pricing.Bucket{{Seconds: 5, Units: mustDec("20")}, {Seconds: 10, Units: mustDec("40")}}}},
				Source:    src}}},
	}
	shot := pricing.Shot{Seconds: mustDec("10"), Res: pricing.Res720p, Tier: pricing.TierFast}
	r := pricing.Rank(ps, shot, pricing.RankOptions{Lens: pricing.LensMonthly, Rates: pricing.DefaultRates(),
		Display: pricing.USD, Today: "2026-11-25"})
	for _, row := range r.Rows {
		fmt.Printf("%s %s: %s a clip, %s per second (×%s, plan %s)\n", row.ProfileName, row.ModelName,
			row.CostPerClip, row.CostPerKeptSecond, row.TimesCheapest, row.Price.Name)
	}
	for _, u := range r.Unavailable {
		fmt.Printf("%s %s: %s\n", u.ProfileName, u.ModelName, u.Reason)
	}
	fmt.Println(r.RatesUsed)
	// Output:
	// Beta Fast: $0.4651 a clip, $0.0465 per second (×1, plan Pro)
	// Alpha Turbo: $1.20 a clip, $0.12 per second (×2.58, plan Standard)
	// Alpha HD: 10 s not offered at 720p (longest is 6 s)
	// [1 EUR = 1.1628 USD (rate of 2026-11-01)]
}

// Plan a month: 30 b-roll clips of 10 s at 5 credits a second need 1,500
// credits. A $10 plan of 500 credits with one $10 top-up of 1,000 beats
// the $40 plan of 3,000 credits.
func ExamplePlanMonth() {
	p := pricing.Profile{ID: "maker", Name: "Maker", Platform: "Maker", Kind: pricing.KindCredits, Currency: pricing.USD,
		Plans: []pricing.Plan{
			{ID: "small", Name: "Small", Monthly: optDec("10"), Credits: mustDec("500")},
			{ID: "big", Name: "Big", Monthly: optDec("40"), Credits: mustDec("3000")},
		},
		Packs: []pricing.Pack{{ID: "topup", Name: "Top-up", Price: mustDec("10"), Credits: mustDec("1000"), RequiresPlan: true}},
		Models: []pricing.Model{{ID: "quick", Name: "Quick", Tier: pricing.TierFast,
			Durations: pricing.Durations{Min: 1, Max: 10},
			Rates:     []pricing.Rate{{Res: pricing.Res720p, PerSecond: optDec("5")}}}},
	}
	mix := []pricing.MixLine{{Name: "b-roll", Count: 30,
		Shot: pricing.Shot{Seconds: mustDec("10"), Res: pricing.Res720p, Tier: pricing.TierFast}}}
	mp, err := pricing.PlanMonth(p, mix, pricing.MonthOptions{Billing: pricing.LensMonthly})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(mp.Option, mp.PlanName, "+", mp.Packs, "×", mp.PackName, "=", mp.Cost)
	for _, w := range mp.Working {
		fmt.Println(w)
	}
	// Output:
	// plan+packs Small + 1 × Top-up = $20.00
	// b-roll, Quick, 10 s at 720p: 30 × 50 credits per kept clip = 1,500 credits
	// needed: 1,500 credits a month
	// Small plan: $10 a month for 500 credits
	// + 1 × Top-up at $10 for 1,000 credits = $10.00
	// total: $20.00 for 1,500 credits: nothing unused
	// $20.00 ÷ 300 s kept = $0.0667 per kept second
}

// A top-up whose validity the platform does not state (Kling's terms clear
// a balance "upon expiration" and give no period): its unused credits are
// neither lost this month nor counted as lasting. 28 clips of 50 credits
// take 1,400: Small's 500 and 1 top-up of 1,000 leave 100 unused.
func ExamplePlanMonth_validityNotStated() {
	p := pricing.Profile{ID: "maker", Name: "Maker", Platform: "Maker", Kind: pricing.KindCredits, Currency: pricing.USD,
		Plans: []pricing.Plan{{ID: "small", Name: "Small", Monthly: optDec("10"), Credits: mustDec("500")}},
		Packs: []pricing.Pack{{ID: "topup", Name: "Top-up", Price: mustDec("10"), Credits: mustDec("1000"),
			ValidityNotStated: true}},
		Models: []pricing.Model{{ID: "quick", Name: "Quick", Tier: pricing.TierFast,
			Durations: pricing.Durations{Min: 1, Max: 10},
			Rates:     []pricing.Rate{{Res: pricing.Res720p, PerSecond: optDec("5")}}}},
	}
	mix := []pricing.MixLine{{Name: "b-roll", Count: 28,
		Shot: pricing.Shot{Seconds: mustDec("10"), Res: pricing.Res720p, Tier: pricing.TierFast}}}
	mp, err := pricing.PlanMonth(p, mix, pricing.MonthOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(pricing.UnusedWords(mp, "expire"))
	fmt.Println(mp.Working[len(mp.Working)-2])
	// Output:
	// 100 unused, all may expire (validity not stated by Maker)
	// total: $20.00 for 1,500 credits: 100 unused, all may expire (validity not stated by Maker)
}

// A plan's first months under its promotion, from the research
// (docs: research pricing.md, Google AI Ultra "Intro price $124.99/mo for
// the first 3 months", then $249.99/mo): 200 Veo 3.1 Fast clips of 10
// credits need 2,000, more than Pro's 1,000, so Ultra's 25,000. The month
// is ranked at the regular price, what it costs from the fourth month on;
// the first three are said apart.
func ExamplePlanMonth_introPrice() {
	ps, _ := pricing.Catalog()
	p, _ := pricing.FindProfile(ps, "google-flow")
	mix := []pricing.MixLine{{Name: "b-roll", Count: 200,
		Shot: pricing.Shot{Seconds: mustDec("8"), Res: pricing.Res720p, Tier: pricing.TierFast}}}
	mp, err := pricing.PlanMonth(p, mix, pricing.MonthOptions{Billing: pricing.LensMonthly})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(mp.PlanName, mp.Cost, "a month;", mp.FirstMonths, "months at", mp.FirstCost)
	fmt.Println(mp.First)
	fmt.Println(mp.Working[len(mp.Working)-1])
	// Output:
	// Google AI Ultra $249.99 a month; 3 months at $124.99
	// first 3 months $124.99 a month (intro price; who qualifies not stated), then $249.99
	// first 3 months: Google AI Ultra plan at $124.99 a month (intro price), then $249.99
}
