package pricing

import (
	"errors"
	"strings"
	"testing"
)

// custom builds a custom calculator input from "key=value" pairs.
func custom(t *testing.T, spec string) CalcInput {
	t.Helper()
	var in CalcInput
	for _, kv := range strings.Fields(spec) {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "price":
			in.Price = ndec(t, v)
		case "credits":
			in.Credits = ndec(t, v)
		case "ppc":
			in.PerCredit = ndec(t, v)
		case "clip":
			in.ClipCredits = ndec(t, v)
		case "cps":
			in.CreditsPerSecond = ndec(t, v)
		case "bonus":
			in.BonusPercent = ndec(t, v)
		case "cap":
			in.BonusCap = ndec(t, v)
		case "dur":
			in.Seconds = dec(t, v)
		case "takes":
			in.Takes = dec(t, v)
		case "clips":
			in.Clips = dec(t, v)
		case "cur":
			in.Currency = Currency(v)
		default:
			t.Fatalf("bad key %q", k)
		}
	}
	return in
}

func TestCalculateCustom(t *testing.T) {
	tests := []struct {
		in string
		// price per credit, credits per clip, cost per clip, per second,
		// per kept clip, per kept second, total
		want string
	}{
		// Price per credit = plan price ÷ credits.
		{"price=30 credits=3000 clip=50 dur=5", "0.01 50 0.5 0.1 0.5 0.1 0.5"},
		{"price=30 credits=3000 clip=120 dur=10", "0.01 120 1.2 0.12 1.2 0.12 1.2"},
		{"price=10 credits=3 clip=1 dur=1", "3.3333333333333333 1 3.3333333333333333 3.3333333333333333 3.3333333333333333 3.3333333333333333 3.3333333333333333"},
		{"price=0 credits=100 clip=10 dur=5", "0 10 0 0 0 0 0"},
		// A typed price per credit.
		{"ppc=0.0033 clip=100 dur=5", "0.0033 100 0.33 0.066 0.33 0.066 0.33"},
		// Credits per second × seconds (custom: the seconds as typed).
		{"price=30 credits=3000 cps=5 dur=10", "0.01 50 0.5 0.05 0.5 0.05 0.5"},
		{"price=30 credits=3000 cps=5 dur=7.5", "0.01 37.5 0.375 0.05 0.375 0.05 0.375"},
		// Retakes and clips.
		{"price=30 credits=3000 clip=50 dur=5 takes=1.5", "0.01 50 0.5 0.1 0.75 0.15 0.75"},
		{"price=30 credits=3000 clip=50 dur=5 takes=2 clips=10", "0.01 50 0.5 0.1 1 0.2 10"},
		{"price=30 credits=3000 clip=50 dur=3 takes=1 clips=0", "0.01 50 0.5 0.1666666666666667 0.5 0.1666666666666667 0.5"},
		// Currency.
		{"price=15 credits=1500 clip=10 dur=5 cur=EUR", "0.01 10 0.1 0.02 0.1 0.02 0.1"},
	}
	for _, tt := range tests {
		c, err := Calculate(custom(t, tt.in))
		if err != nil {
			t.Errorf("%s: %v", tt.in, err)
			continue
		}
		got := strings.Join([]string{Exact(c.PricePerCredit.Amount), Exact(c.CreditsPerClip),
			Exact(c.CostPerClip.Amount), Exact(c.CostPerSecond.Amount), Exact(c.CostPerKeptClip.Amount),
			Exact(c.CostPerKeptSecond.Amount), Exact(c.Total.Amount)}, " ")
		if got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.in, got, tt.want)
		}
		if c.HasFirst {
			t.Errorf("%s: HasFirst without a bonus", tt.in)
		}
	}
}

func TestCalculatePromo(t *testing.T) {
	tests := []struct {
		in, first, firstClip string
	}{
		// Bonus percent, capped: 30 ÷ (3,000 + min(1,500, 1,000)).
		{"price=30 credits=3000 bonus=50 cap=1000 clip=50 dur=5", "0.0075", "0.375"},
		// Uncapped: 30 ÷ 4,500.
		{"price=30 credits=3000 bonus=50 clip=50 dur=5", "0.0066666666666667", "0.3333333333333333"},
		// A typed price per credit: the cap cannot apply, 0.01 ÷ 1.5.
		{"ppc=0.01 bonus=50 clip=50 dur=5", "0.0066666666666667", "0.3333333333333333"},
	}
	for _, tt := range tests {
		c, err := Calculate(custom(t, tt.in))
		if err != nil {
			t.Errorf("%s: %v", tt.in, err)
			continue
		}
		if !c.HasFirst || !eq(t, c.FirstPricePerCredit.Amount, tt.first) || !eq(t, c.FirstCostPerClip.Amount, tt.firstClip) {
			t.Errorf("%s: first %v %s %s, want %s %s", tt.in, c.HasFirst, c.FirstPricePerCredit.Amount,
				c.FirstCostPerClip.Amount, tt.first, tt.firstClip)
		}
		if c.Working["first-price-per-credit"] == "" || c.Working["first-cost-per-clip"] == "" {
			t.Errorf("%s: no working for the first month: %v", tt.in, c.Working)
		}
	}
	// A bonus of 0, or capped at 0, is no promotion.
	for _, in := range []string{"price=30 credits=3000 bonus=0 clip=50 dur=5", "price=30 credits=3000 bonus=50 cap=0 clip=50 dur=5"} {
		if c, err := Calculate(custom(t, in)); err != nil || c.HasFirst {
			t.Errorf("%s: HasFirst %v, %v", in, c.HasFirst, err)
		}
	}
}

func TestCalculateWorking(t *testing.T) {
	c, err := Calculate(custom(t, "price=30 credits=3000 cps=5 dur=10 takes=1.5 clips=4"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"price-per-credit":     "$30 ÷ 3,000 credits = $0.01 per credit",
		"credits-per-clip":     "Custom: 5 credits/s × 10 s = 50 credits",
		"cost-per-clip":        "50 credits × $0.01 = $0.50",
		"cost-per-second":      "$0.50 ÷ 10 s = $0.05 per second",
		"cost-per-kept-clip":   "$0.50 × 1.5 generations = $0.75",
		"cost-per-kept-second": "$0.75 ÷ 10 s = $0.075 per kept second",
		"total-cost":           "$0.75 × 4 clips = $3.00",
	}
	for k, v := range want {
		if c.Working[k] != v {
			t.Errorf("%s: %q, want %q", k, c.Working[k], v)
		}
	}
	if len(c.Working) != len(want) {
		t.Errorf("working has %d entries: %v", len(c.Working), c.Working)
	}
}

// One generation and one clip are singular in the working.
func TestCalculateWorkingOne(t *testing.T) {
	c, err := Calculate(custom(t, "price=30 credits=3000 clip=50 dur=5 takes=1 clips=1"))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]string{
		"cost-per-kept-clip": "$0.50 × 1 generation = $0.50",
		"total-cost":         "$0.50 × 1 clip = $0.50",
	} {
		if c.Working[k] != v {
			t.Errorf("%s: %q, want %q", k, c.Working[k], v)
		}
	}
}

func TestCalculateErrors(t *testing.T) {
	tests := []struct {
		in   string
		want []string // every message, in form order
	}{
		{"credits=3000 clip=50 dur=5", []string{"Plan price is empty"}},
		{"price=30 credits=0 clip=50 dur=5", []string{"Credits per month must be more than 0"}},
		{"price=30 clip=50 dur=5", []string{"Credits per month is empty"}},
		{"price=-1 credits=3000 clip=50 dur=5", []string{"Plan price cannot be negative"}},
		{"ppc=-0.01 clip=50 dur=5", []string{"Price per credit cannot be negative"}},
		{"price=30 credits=3000 dur=5", []string{"Credits per clip is empty"}},
		{"price=30 credits=3000 clip=0 dur=5", []string{"Credits per clip must be more than 0"}},
		{"price=30 credits=3000 cps=0 dur=5", []string{"Credits per second must be more than 0"}},
		{"price=30 credits=3000 clip=50", []string{"Duration must be more than 0"}},
		{"price=30 credits=3000 clip=50 dur=-5", []string{"Duration cannot be negative"}},
		{"price=30 credits=3000 clip=50 dur=5 takes=0.5", []string{"Generations per kept clip must be 1 or more: keeping 1 clip in 3 is 3"}},
		{"price=30 credits=3000 clip=50 dur=5 takes=1000000", []string{"Generations per kept clip must be at most 1,000"}},
		{"price=30 credits=3000 clip=50 dur=5 clips=-1", []string{"Clips cannot be negative"}},
		{"price=30 credits=3000 clip=50 dur=5 bonus=-5", []string{"Bonus cannot be negative"}},
		{"price=30 credits=3000 clip=50 dur=5 bonus=5 cap=-1", []string{"Bonus cap cannot be negative"}},
		// Every bad field at once.
		{"credits=0 clip=0 dur=0 takes=0.2", []string{"Plan price is empty", "Credits per month must be more than 0",
			"Credits per clip must be more than 0", "Duration must be more than 0", "Generations per kept clip must be 1 or more: keeping 1 clip in 3 is 3"}},
	}
	for _, tt := range tests {
		_, err := Calculate(custom(t, tt.in))
		if err == nil {
			t.Errorf("%s: no error", tt.in)
			continue
		}
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Errorf("%s: %v is not an *InputError", tt.in, err)
		}
		if got := strings.Split(err.Error(), "\n"); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s:\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestCalculateBundled(t *testing.T) {
	studio := profile(t, studioJSON)
	cloud := profile(t, cloudJSON)
	euro := profile(t, euroJSON)
	tests := []struct {
		p                    *Profile
		plan, billing, model string
		res                  Resolution
		dur                  string
		// price per credit, credits per clip, cost per clip, per second, unused
		want  string
		first string // first-month price per credit, "" for none
	}{
		// Monthly and yearly billing.
		{&studio, "std", "", "turbo", Res720p, "10", "0.024 50 1.2 0.12 0", "0.0181818181818182"},
		{&studio, "std", "yearly", "turbo", Res720p, "10", "0.0192 50 0.96 0.096 0", "0.0145454545454545"},
		{&studio, "pro", "yearly", "gen", Res1080p, "7", "0.0124444444444444 120 1.4933333333333333 0.2133333333333333 3", ""},
		{&studio, "max", "yearly", "gen", Res4K, "5", "0.008 120 0.96 0.192 0", ""},
		{&studio, "pro", "monthly", "turbo", Res1080p, "5", "0.0155555555555556 50 0.7777777777777778 0.1555555555555556 0", ""},
		// No plan given: the first plan priced under the billing that can use the model.
		{&studio, "", "monthly", "gen", Res720p, "5", "0.0155555555555556 60 0.9333333333333333 0.1866666666666667 0", ""},
		// Pay as you go.
		{&cloud, "", "", "veo", Res1080p, "8", "1 3.2 3.2 0.4 0", ""},
		{&cloud, "ignored", "", "veo-fast", Res720p, "5", "1 0.6 0.6 0.12 1", ""},
		// Another currency.
		{&euro, "basic", "", "wan", Res1080p, "7", "0.01 40 0.4 0.0571428571428571 3", ""},
	}
	for _, tt := range tests {
		in := CalcInput{Profile: tt.p, PlanID: tt.plan, Billing: Lens(tt.billing), ModelID: tt.model, Res: tt.res,
			Seconds: dec(t, tt.dur)}
		name := tt.p.ID + "/" + tt.plan + "/" + tt.billing + "/" + tt.model + "/" + string(tt.res)
		c, err := Calculate(in)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		got := strings.Join([]string{Exact(c.PricePerCredit.Amount), Exact(c.CreditsPerClip), Exact(c.CostPerClip.Amount),
			Exact(c.CostPerSecond.Amount), Exact(c.UnusedSeconds)}, " ")
		if got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", name, got, tt.want)
		}
		if c.Currency != tt.p.Currency || c.CostPerClip.Currency != tt.p.Currency {
			t.Errorf("%s: currency %s", name, c.Currency)
		}
		if c.API != (tt.p.Kind == KindAPI) {
			t.Errorf("%s: API %v", name, c.API)
		}
		if (tt.first != "") != c.HasFirst || c.HasFirst && !eq(t, c.FirstPricePerCredit.Amount, tt.first) {
			t.Errorf("%s: first %v %s, want %q", name, c.HasFirst, c.FirstPricePerCredit.Amount, tt.first)
		}
	}
}

// TestCalculateClipsPerMonth: how many whole clips, and kept clips, a
// plan's credits buy; none said with a typed price per credit or on an API.
func TestCalculateClipsPerMonth(t *testing.T) {
	studio := profile(t, studioJSON)
	cloud := profile(t, cloudJSON)
	bundled := func(p *Profile, plan, model string, res Resolution, dur, takes string) CalcInput {
		return CalcInput{Profile: p, PlanID: plan, ModelID: model, Res: res, Seconds: dec(t, dur), Takes: dec(t, takes)}
	}
	tests := []struct {
		name string
		in   CalcInput
		want string // month credits, clips, kept clips
	}{
		{"custom", custom(t, "price=30 credits=3000 clip=50 dur=5"), "3000 60 60"},
		{"custom 1.5 takes", custom(t, "price=30 credits=3000 clip=50 dur=5 takes=1.5"), "3000 60 40"},
		{"custom, not whole", custom(t, "price=10 credits=660 clip=70 dur=5 takes=2"), "660 9 4"},
		{"custom, a clip dearer than the month", custom(t, "price=10 credits=40 clip=50 dur=5"), "40 0 0"},
		{"price per credit typed", custom(t, "ppc=0.01 clip=50 dur=5"), "0 0 0"},
		// Standard: 625 credits; Turbo 10 s: 50 credits; 1.5 takes: 75.
		{"Standard", bundled(&studio, "std", "turbo", Res720p, "10", "1.5"), "625 12 8"},
		{"Pro", bundled(&studio, "pro", "gen", Res1080p, "7", "1"), "2250 18 18"},
		{"API", bundled(&cloud, "", "veo", Res1080p, "8", "1"), "0 0 0"},
	}
	for _, tt := range tests {
		c, err := Calculate(tt.in)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got := Exact(c.MonthCredits) + " " + Exact(c.ClipsPerMonth) + " " + Exact(c.KeptPerMonth); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}

// TestWholeClips: the division rounds to 16 places; a whole clip is
// counted only when the credits cover it.
func TestWholeClips(t *testing.T) {
	for _, tt := range []struct{ credits, units, want string }{
		{"660", "10", "66"},
		{"10", "3", "3"},
		{"1", "0.3333333333333333", "3"},
		// 1 ÷ 0.333333333333333334 = 2.999999999999999994, which rounds to
		// 16 places as 3: 3 such clips take 1.000000000000000002 credits.
		{"1", "0.333333333333333334", "2"},
		{"5", "0", "0"},
		{"0", "5", "0"},
	} {
		if got := Exact(wholeClips(dec(t, tt.credits), dec(t, tt.units))); got != tt.want {
			t.Errorf("wholeClips(%s, %s) = %s, want %s", tt.credits, tt.units, got, tt.want)
		}
	}
}

func TestCalculateBundledErrors(t *testing.T) {
	studio := profile(t, studioJSON)
	studio.Plans[1].MaxRes = Res720p // Pro up to 720p: no monthly plan makes 4k
	tests := []struct {
		plan, billing, model string
		res                  Resolution
		dur                  string
		is                   error
		msg                  string
	}{
		{"std", "", "nope", Res720p, "5", ErrUnknown, `unknown model "nope" on studio`},
		{"nope", "", "turbo", Res720p, "5", ErrUnknown, `unknown plan "nope" on studio`},
		{"std", "weekly", "turbo", Res720p, "5", ErrUnknown, `unknown billing "weekly" (monthly or yearly)`},
		{"max", "monthly", "turbo", Res720p, "5", ErrNoPrice, "no price: the Max plan is not billed monthly"},
		{"std", "", "gen", Res720p, "5", ErrNotOffered, "not on the Standard plan"},
		{"std", "", "ultra", Res4K, "8", ErrNotOffered, "the Standard plan allows up to 1080p"},
		{"std", "", "turbo", Res4K, "5", ErrNotOffered, "4K not offered (720p, 1080p)"},
		{"std", "", "turbo", Res720p, "12", ErrNotOffered, "12 s not offered at 720p (longest is 10 s)"},
		{"std", "", "secret", Res720p, "5", ErrNotOffered, "credit cost not published"},
		{"", "monthly", "ultra", Res4K, "8", ErrNoPrice, "no price: no monthly plan of Studio (app) can make this shot on Ultra"},
	}
	for _, tt := range tests {
		_, err := Calculate(CalcInput{Profile: &studio, PlanID: tt.plan, Billing: Lens(tt.billing), ModelID: tt.model,
			Res: tt.res, Seconds: dec(t, tt.dur)})
		if !errors.Is(err, tt.is) || err.Error() != tt.msg {
			t.Errorf("%s/%s/%s: %v, want %q", tt.plan, tt.model, tt.res, err, tt.msg)
		}
		var no *NotOfferedError
		if errors.As(err, &no) && (no.Profile != "studio" || no.Model != tt.model) {
			t.Errorf("%s: not offered names %q/%q", tt.model, no.Profile, no.Model)
		}
	}
}
