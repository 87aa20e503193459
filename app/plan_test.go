package app

import (
	"cmp"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/aivc/aivc/cliplog"
	"github.com/aivc/aivc/pricing"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// openPlanner plans the link's state natively.
func openPlanner(t *testing.T, state string) *planner {
	t.Helper()
	c := newPlanner()
	c.ready = true
	v, err := url.ParseQuery(state)
	if err != nil {
		t.Fatal(err)
	}
	c.apply(v)
	return c
}

func TestParseMix(t *testing.T) {
	tests := []struct {
		in, bad, out string
		rows         int
	}{
		{in: "hero:20:8:1080p:premium:1.5,broll:100:5:720p:fast:1", rows: 2,
			out: "hero:20:8:1080p:premium:1.5,broll:100:5:720p:fast:1"},
		{in: "hero:20:8:1080p:premium", rows: 1, out: "hero:20:8:1080p:premium"},
		{in: "hero:20:8", rows: 1, bad: "Row 1 of the link (hero:20:8) has 3 fields, want name:clips:seconds:resolution:tier:takes:audio:upscale; resolution is missing.",
			out: "hero:20:8::"},
		{in: "hero", rows: 1, bad: "Row 1 of the link (hero) has 1 field, want name:clips:seconds:resolution:tier:takes:audio:upscale; clips a month is missing.",
			out: "hero::::"},
		// Audio is the seventh field, written only when there is some: a
		// link without it (every link made before) has none.
		{in: "a:1:2:720p:fast:1:audio", rows: 1, out: "a:1:2:720p:fast:1:audio"},
		{in: "a:1:2:720p:fast::audio", rows: 1, out: "a:1:2:720p:fast::audio"},
		{in: "a:1:2:720p:fast:1:", rows: 1, out: "a:1:2:720p:fast:1"},
		{in: "a:1:2:720p:fast:1:9", rows: 1, out: "a:1:2:720p:fast:1:9"}, // readRow names the bad audio
		// Upscale is the eighth, written only when there is some.
		{in: "a:1:2:720p:fast:1:audio:upscale", rows: 1, out: "a:1:2:720p:fast:1:audio:upscale"},
		{in: "a:1:2:720p:fast:::upscale", rows: 1, out: "a:1:2:720p:fast:::upscale"},
		{in: "a:1:2:720p:fast:~2::upscale", rows: 1, out: "a:1:2:720p:fast:~2::upscale"},
		{in: "a:1:2:720p:fast:1:audio:", rows: 1, out: "a:1:2:720p:fast:1:audio"},
		{in: "a:1:2:720p:fast:1::", rows: 1, out: "a:1:2:720p:fast:1"},
		{in: "a:1:2:720p:fast:1:audio:9", rows: 1, out: "a:1:2:720p:fast:1:audio:9"}, // readRow names the bad upscale
		{in: "a:1:2:720p:fast:1:audio:upscale:9", rows: 1, bad: "Row 1 of the link (a:1:2:720p:fast:1:audio:upscale:9) has 9 fields, want name:clips:seconds:resolution:tier:takes:audio:upscale.",
			out: "a:1:2:720p:fast:1:audio:upscale"},
	}
	for _, tt := range tests {
		rows, bad := parseMix(tt.in)
		if len(rows) != tt.rows || bad != tt.bad || formatMix(rows) != tt.out {
			t.Errorf("parseMix(%q) = %d rows, %q, %q; want %d, %q, %q", tt.in, len(rows), bad, formatMix(rows), tt.rows, tt.bad, tt.out)
		}
	}
	many := strings.Repeat("a:1:5:720p:any:1,", maxMixRows+1)
	if rows, bad := parseMix(many); len(rows) != maxMixRows || !strings.Contains(bad, "at most") {
		t.Errorf("a long mix: %d rows, %q", len(rows), bad)
	}
}

// TestPlannerHandChecked: the month of e2e/pages/plan_test.go's first case,
// natively: fal $6.40 (pay as you go), Luma Lite $9.99, Runway API $10,
// Runway Standard + one top-up $25.
func TestPlannerHandChecked(t *testing.T) {
	c := openPlanner(t, "mix=broll:20:10:720p:fast:1")
	want := []struct{ id, cost, way string }{
		{"fal", "6.4", "pay as you go"},
		{"luma", "9.99", "Lite plan"},
		{"runway-api", "10", "pay as you go"},
		{"runway", "25", "Standard plan + 1 × Credit top-up (1,000 credits)"},
	}
	if !c.current || len(c.results) != len(want) {
		t.Fatalf("%d results (current %v): %s", len(c.results), c.current, c.status)
	}
	for i, w := range want {
		l := c.results[i]
		if l.ID != w.id || l.Exact != w.cost || l.Way != w.way || l.Rank != i+1 {
			t.Errorf("rank %d = %s %s %q, want %s %s %q", i+1, l.ID, l.Exact, l.Way, w.id, w.cost, w.way)
		}
	}
	if want := "4 platforms can make this mix (billing: monthly plan). Cheapest: " + c.results[0].Name + ", $6.40 a month, pay as you go, " +
		c.results[0].PerSecond + " per kept second."; c.status != want {
		t.Errorf("status %q, want %q", c.status, want)
	}
	if got, want := c.peekText(), "Cheapest of 4: "+c.results[0].Name+", $6.40 a month."; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	if got := c.results[3].Unused; got != "625 unused, none expire" {
		t.Errorf("Runway unused %q", got)
	}
	if len(c.gone) == 0 || c.gone[0].Reason == "" {
		t.Error("no platform listed as unable to make the mix")
	}
	if len(c.evenChart.Bars) != 2*len(evenScales) {
		t.Errorf("%d bars", len(c.evenChart.Bars))
	}
	if !strings.Contains(c.even, "The API stays cheaper") {
		t.Errorf("break-even %q", c.even)
	}
	if got := c.linkValues().Get("mix"); got != "broll:20:10:720p:fast:1" {
		t.Errorf("link mix %q", got)
	}
}

// nesting returns how deep s nests parentheses.
func nesting(s string) int {
	depth, most := 0, 0
	for _, r := range s {
		switch r {
		case '(':
			depth++
			most = max(most, depth)
		case ')':
			depth--
		}
	}
	return most
}

// The planner's sentences name platforms and ways to buy, which have
// parentheses of their own ("Kling AI (app)", "Top-up (rate per $1)"), so
// the sentences put them after a comma or a colon, never in parentheses.
func TestPlannerSentences(t *testing.T) {
	saving := regexp.MustCompile(`^Every row on a premium model would cost at best \$[0-9,.]+ a month: [^:]+, [^:]+\. ` +
		`Your mix costs \$[0-9,.]+: it saves \$[0-9,.]+ a month \(\d+%\)\.$`)
	for _, mix := range []string{"hero:20:5:1080p:premium:1.5,broll:100:5:720p:any:1", "broll:20:10:720p:fast:1"} {
		c := openPlanner(t, "mix="+mix)
		if !c.current {
			t.Fatalf("%s: %s", mix, c.status)
		}
		if !saving.MatchString(c.saving) {
			t.Errorf("%s: saving %q", mix, c.saving)
		}
		for _, s := range []string{c.status, c.saving, c.even, c.peekText()} {
			if nesting(s) > 1 {
				t.Errorf("%s: parentheses inside parentheses: %q", mix, s)
			}
		}
	}
}

func TestRowMessage(t *testing.T) {
	for _, tt := range []struct{ name, want string }{
		{"hero", "Row 1 (hero): bad."},
		{"", "Row 1: bad."},
		{"hero (wide)", "Row 1: bad."}, // not "Row 1 (hero (wide))"
	} {
		if got := rowMessage(0, tt.name, "bad."); got != tt.want {
			t.Errorf("rowMessage(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestPlannerWrongUnit: a row's number typed in another unit was read as
// the bare number ("$5" as 5 clips a month, "5 USD" as 5 s): it is refused
// naming the row and the field; "8 s" is the row's seconds.
func TestPlannerWrongUnit(t *testing.T) {
	for _, tt := range []struct{ key, typed, want string }{
		{"count", "$5", "Row 1 (hero): Clips a month is a count, not money: type the number alone."},
		{"count", "5 credits", "Row 1 (hero): Clips a month is a count, not credits: type the number alone."},
		{"sec", "5 USD", "Row 1 (hero): Seconds is in seconds, not money: type the number alone."},
		{"sec", "5%", "Row 1 (hero): Seconds is in seconds, not a percentage: type the number alone."},
		{"takes", "33%", "Row 1 (hero): Generations per kept clip is a count, not a percentage: keeping 1 clip in 3 is 3."},
		{"sec", "8 s", ""},
		// Its own unit: "10 clips" said "must be a whole number".
		{"count", "10 clips", ""},
		{"count", "1 clip", ""},
		// A month's, as a pricing page writes it: it was no number.
		{"count", "10 clips a month", ""},
		{"count", "10 per month", ""},
		{"count", "10/mo", ""},
		{"count", "120 clips a year", "Row 1 (hero): Clips a month is per month, not per year: type the number for one month."},
		{"sec", "5 s a month", "Row 1 (hero): Seconds is not per month: type the number alone."},
	} {
		c := openPlanner(t, "mix=hero:20:5:720p:any:1")
		switch tt.key {
		case "count":
			c.rows[0].Count = tt.typed
		case "sec":
			c.rows[0].Seconds = tt.typed
		case "takes":
			c.rows[0].Takes = tt.typed
		}
		c.compute()
		if got := c.errs["mix-0-"+tt.key]; got != tt.want {
			t.Errorf("%s %q: %q, want %q", tt.key, tt.typed, got, tt.want)
		}
		if c.current != (tt.want == "") {
			t.Errorf("%s %q: current %v", tt.key, tt.typed, c.current)
		}
		if tt.key == "count" && tt.want == "" { // the month of the bare number
			bare := openPlanner(t, "mix=hero:20:5:720p:any:1")
			bare.rows[0].Count = strings.Fields(tt.typed)[0]
			bare.compute()
			if got, want := fmt.Sprint(c.results), fmt.Sprint(bare.results); got != want || len(c.results) == 0 {
				t.Errorf("%s %q: results\n%s\nwant\n%s", tt.key, tt.typed, got, want)
			}
		}
	}
}

func TestPlannerErrors(t *testing.T) {
	c := openPlanner(t, "mix=hero:1.5:abc:8k:ultra:0.5&billing=weekly&cur=JPY")
	for key, want := range map[string]string{
		"mix-0-count": "Row 1 (hero): Clips a month must be a whole number from 0 to 100,000, like 30 or 1,200.",
		"mix-0-sec":   "Row 1 (hero): Seconds must be a number, like 30 or 1,200.50.",
		"mix-0-res":   "Row 1 (hero): Resolution “8k” is not in the list; pick one of the choices.",
		"mix-0-tier":  "Row 1 (hero): Tier “ultra” is not in the list; pick one of the choices.",
		"mix-0-takes": "Row 1 (hero): Generations per kept clip must be 1 or more: keeping 1 clip in 3 is 3.",
		"billing":     "Billing “weekly” is not in the list; pick one of the choices.",
		"cur":         "Display currency “JPY” is not in the list; pick one of the choices.",
	} {
		if got := c.errs[key]; got != want {
			t.Errorf("errs[%s] = %q, want %q", key, got, want)
		}
	}
	if c.current || len(c.results) != 0 || !strings.HasPrefix(c.status, "The month's prices are not current. ") {
		t.Errorf("a bad mix left results: %v %d %q", c.current, len(c.results), c.status)
	}
	// A count that is no number is told what a count is: "must be a
	// number, like 30 or 1,200.50" offered a fraction of a clip.
	for _, typed := range []string{"abc", "1.200,50", "½"} {
		c := openPlanner(t, "mix=hero:20:5:720p:any:1")
		c.rows[0].Count = typed
		c.compute()
		if got, want := c.errs["mix-0-count"], "Row 1 (hero): Clips a month must be a whole number from 0 to 100,000, like 30 or 1,200."; got != want {
			t.Errorf("clips a month %q: %q, want %q", typed, got, want)
		}
	}
	if got := c.peekText(); got != c.status {
		t.Errorf("summary of a bad mix %q, want the status %q", got, c.status)
	}
	// Not planned, the page does not say every platform can make it.
	if html := app.HTMLString(c.renderGone()); strings.Contains(html, "Every platform can make this mix") {
		t.Errorf("a bad mix's list of who cannot make it: %s", html)
	}

	// A slip of the keyboard is named, not priced as a month of billions.
	c = openPlanner(t, "mix=hero:10:5:720p:any:1000000")
	if got, want := c.errs["mix-0-takes"], "Row 1 (hero): Generations per kept clip must be at most 1,000."; got != want || c.current {
		t.Errorf("takes of a million: %q (current %v), want %q", got, c.current, want)
	}

	c = openPlanner(t, "mix=a:0:5:720p:any:1")
	if !strings.Contains(c.errs["mix"], "The month is empty") {
		t.Errorf("an empty month: %q", c.errs["mix"])
	}
	c = openPlanner(t, "mix=a:b:c:d:1:5:720p:any:1")
	if !strings.Contains(c.errs["mix"], "9 fields") {
		t.Errorf("a row with colons in its name: %q", c.errs["mix"])
	}
	// With one colon, its fields move along by one: not planned, and each
	// that is wrong says so.
	c = openPlanner(t, "mix=a:b:1:5:720p:any:1")
	if c.current || c.errs["mix-0-count"] == "" || c.errs["mix-0-audio"] != "Row 1 (a): Audio “1” is not in the list; pick one of the choices." {
		t.Errorf("a row with a colon in its name: current %v, %q", c.current, c.errs)
	}
}

// breakEvenSub is the break-even tests' subscription, "sub": a model M at
// 10 credits a second of 720p, and the plans and packs given (JSON, each
// list followed by a comma).
func breakEvenSub(t *testing.T, plansAndPacks string) pricing.Profile {
	t.Helper()
	p, err := pricing.DecodeProfile([]byte(`{"id":"sub","name":"Sub","platform":"Sub","kind":"credits","currency":"USD",
		"url":"","custom":true,` + plansAndPacks + `
		"models":[{"id":"m","name":"M","tier":"standard","durations":{"min":1,"max":20},
			"rates":[{"res":"720p","per_second":"10"}],"source":{}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// breakEvenAPI is the break-even tests' API, "api": the same model M at
// perSecond dollars a second of 720p.
func breakEvenAPI(t *testing.T, perSecond string) pricing.Profile {
	t.Helper()
	p, err := pricing.DecodeProfile([]byte(`{"id":"api","name":"API","platform":"Api","kind":"api","currency":"USD",
		"url":"","custom":true,
		"models":[{"id":"m","name":"M","tier":"standard","durations":{"min":1,"max":20},
			"rates":[{"res":"720p","per_second":"` + perSecond + `"}],"source":{}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestBreakEvenAgain: where the API is cheaper again at a larger size of
// the mix, the break-even says so. A plan of $30 for 3,000 credits with
// top-ups of $10 for 500 (10 credits a second: $0.20 a second past the
// plan) against an API at $0.15 a second, on 20 clips of 10 s: the plan
// beats the API from 201 s, and from 3,000 credits on its top-ups cost more
// than the API. A creator's month (fal against Luma) read "starts to beat
// the API at about 890 s … Below that, paying as you go costs less", under
// a chart where the API was cheaper again at 2,000 s.
func TestBreakEvenAgain(t *testing.T) {
	profiles := func(pack, perSecond string) []pricing.Profile {
		return []pricing.Profile{
			breakEvenSub(t, `"plans":[{"id":"small","name":"Small","monthly":"30","credits":"3000","source":{}}],
				"packs":[{"id":"top","name":"Top-up","price":"`+pack+`","credits":"500","requires_plan":true,"source":{}}],`),
			breakEvenAPI(t, perSecond),
		}
	}
	mix := func(seconds int64) []pricing.MixLine {
		return []pricing.MixLine{{Name: "a", Count: 20, Shot: pricing.Shot{Seconds: decimal.NewFromInt(seconds),
			Res: pricing.Res720p, Tier: pricing.TierAny, Takes: decimal.NewFromInt(1)}}}
	}
	o := pricing.MonthOptions{Billing: pricing.LensMonthly, Rates: pricing.DefaultRates(), Display: pricing.USD}
	c := newPlanner()
	c.breakEven(profiles("10", "0.15"), mix(10), o)
	// At 800 s (×4, the first size tried past the break-even where it is)
	// the plan, 8,000 credits, is $30 + 10 × $10 = $130; the API $120.
	if want := "By 800 s (13 min) kept a month the API is cheaper again: the subscription, Sub $130.00, against the API, API $120.00."; !strings.HasPrefix(c.even, "A subscription starts to beat the API at about ") ||
		!strings.HasSuffix(c.even, want) {
		t.Errorf("break-even %q, want it to end %q", c.even, want)
	}
	// With top-ups of $150 for 500 credits ($3 a second) against an API at
	// $2 a second, on clips of 20 s: the plan beats the API from one clip
	// ($30 against $40), not "at every size": at 1,600 s (×4) the top-ups
	// make it $30 + 26 × $150 = $3,930, the API $3,200.
	c.breakEven(profiles("150", "2"), mix(20), o)
	if want := "By 1,600 s (27 min) kept a month the API is cheaper again: the subscription, Sub $3,930.00, against the API, API $3,200.00."; !strings.HasPrefix(c.even, "A subscription beats the API from one clip of each row (20 s kept a month)") ||
		!strings.HasSuffix(c.even, want) {
		t.Errorf("break-even of 20 s clips %q, want it to end %q", c.even, want)
	}
}

// TestBreakEven: a subscription of $30 for 3,000 credits or $100 for
// 100,000, against an API at $0.10 a second, on 10 s clips of 100 credits:
// up to 30 clips the small plan costs $30 (the API less, up to $30); from
// 31 the big plan costs $100, which the API passes at 101 clips, 1,010 s.
func TestBreakEven(t *testing.T) {
	sub := breakEvenSub(t, `"plans":[{"id":"small","name":"Small","monthly":"30","credits":"3000","source":{}},
		{"id":"big","name":"Big","monthly":"100","credits":"100000","source":{}}],`)
	api := breakEvenAPI(t, "0.1")
	c := newPlanner()
	mix := []pricing.MixLine{{Name: "a", Count: 20, Shot: pricing.Shot{Seconds: decimal.NewFromInt(10), Res: pricing.Res720p,
		Tier: pricing.TierAny, Takes: decimal.NewFromInt(1)}}}
	o := pricing.MonthOptions{Billing: pricing.LensMonthly, Rates: pricing.DefaultRates(), Display: pricing.USD}
	c.breakEven([]pricing.Profile{sub, api}, mix, o)
	if c.evenV != "1010" || !strings.Contains(c.even, "about 1,010 s (17 min) kept a month (×5.05 this mix)") ||
		!strings.Contains(c.even, "Sub $100.00, against the API, API $101.00") {
		t.Errorf("break-even %q (%s)", c.even, c.evenV)
	}
	// With 13 clips of 10 s (130 s) too: 1,010 s is ×7.77.
	mix13 := slices.Clone(mix)
	mix13[0].Count = 13
	c.breakEven([]pricing.Profile{sub, api}, mix13, o)
	if !strings.Contains(c.even, "about 1,010 s (17 min) kept a month (×7.77 this mix)") {
		t.Errorf("break-even of 13 clips %q (%s)", c.even, c.evenV)
	}
	c.breakEven([]pricing.Profile{sub, api}, mix, o)
	// At 5 clips (a quarter of the mix) the API costs $5, the plan $30.
	b := c.evenChart.Bars
	if b[0].Label != "50 s a month · subscription (Sub)" || b[0].Text != "$30.00" || b[0].Mark ||
		b[1].Text != "$5.00" || !b[1].Mark {
		t.Errorf("first bars %+v %+v", b[0], b[1])
	}

	c.breakEven([]pricing.Profile{api}, mix, o)
	if c.even != "No subscription can make this mix: only pay-as-you-go APIs can." {
		t.Errorf("APIs only: %q", c.even)
	}
	c.breakEven([]pricing.Profile{sub}, mix, o)
	if c.even != "No pay-as-you-go API can make this mix: only subscriptions can." {
		t.Errorf("subscriptions only: %q", c.even)
	}
}

// TestPlannerMeasuredTakes: a row without takes uses the clip log's
// measure for its tier.
func TestPlannerMeasuredTakes(t *testing.T) {
	old := measured
	t.Cleanup(func() { measured = old })
	entry := func(id string, kept bool) cliplog.Entry {
		return cliplog.Entry{ID: id, ProfileID: "runway", ModelID: "gen-4-turbo", Kept: kept}
	}
	measured.done, measured.rs = true, cliplog.MeasureRetakes([]cliplog.Entry{entry("a", true), entry("b", false), entry("c", false), entry("d", true)})

	c := openPlanner(t, "mix=broll:20:10:720p:fast")
	if hint, takes, _ := c.defaultTakes(mixRow{Tier: "fast"}); takes.String() != "2" ||
		hint != "if empty: 2, measured from your log: 4 clips, 2 kept" {
		t.Errorf("fast default %s %q", takes, hint)
	}
	// 20 clips × 2 generations × 50 credits = 2,000: Runway Pro, $35.
	for _, l := range c.results {
		if l.ID == "runway" && l.Exact != "35" {
			t.Errorf("Runway with measured takes: %s (%s)", l.Exact, l.Way)
		}
	}
	if _, takes, _ := c.defaultTakes(mixRow{Tier: "premium"}); takes.String() != "2" {
		t.Errorf("a tier without clips falls back to every clip: %s", takes)
	}
	// A log where one clip in 5,000 is kept counts the most a row takes,
	// and the month is priced: it is no error in a field left empty.
	many := []cliplog.Entry{entry("kept", true)}
	for i := range 4999 {
		many = append(many, entry("x"+strconv.Itoa(i), false))
	}
	measured.rs = cliplog.MeasureRetakes(many)
	c = openPlanner(t, "mix=broll:1:10:720p:fast")
	if hint, takes, err := c.defaultTakes(c.rows[0]); takes.String() != "1000" || err != nil ||
		hint != "if empty: 1,000, measured from your log: 5,000 clips, 1 kept" {
		t.Errorf("a log of 5,000 clips and 1 kept: %s %q %v", takes, hint, err)
	}
	if !c.current || c.errs["mix-0-takes"] != "" {
		t.Errorf("a log of 5,000 clips and 1 kept stops the month: %v %q", c.current, c.errs)
	}
	if got := c.linkValues().Get("mix"); got != "broll:1:10:720p:fast:~1000" {
		t.Errorf("its link %q", got)
	}
	if d, _, ok := measuredTakes("", ""); !ok || d.String() != "1000" {
		t.Errorf("measuredTakes of every clip: %s %v", d, ok)
	}
	measured.rs = cliplog.MeasureRetakes([]cliplog.Entry{entry("a", true), entry("b", false), entry("c", false), entry("d", true)})
	// The link carries the measure a row without takes counts, as a
	// measure, so that it shows the same month on a device without the
	// log; a typed one stays.
	c = openPlanner(t, "mix=broll:20:10:720p:fast,hero:2:8:1080p:premium:1.5")
	link := c.linkValues().Get("mix")
	if link != "broll:20:10:720p:fast:~2,hero:2:8:1080p:premium:1.5" {
		t.Errorf("the link's mix %q", link)
	}
	if c.rows[0].Takes != "" {
		t.Errorf("writing the link filled the row's takes: %q", c.rows[0].Takes)
	}
	// Opened where the log measures 3 (the maker's device, reloaded after
	// more clips): the row follows the log, not the link (it became a typed
	// 2 that stayed).
	measured.rs = cliplog.MeasureRetakes([]cliplog.Entry{entry("a", true), entry("b", false), entry("c", false)})
	c = openPlanner(t, "mix="+link)
	if c.rows[0].Takes != "" || c.errs["mix-0-takes"] != "" {
		t.Errorf("a linked measure became typed: %q (%s)", c.rows[0].Takes, c.errs["mix-0-takes"])
	}
	if _, takes, _ := c.defaultTakes(c.rows[0]); takes.String() != "3" {
		t.Errorf("with a log measuring 3, the row counts %s", takes)
	}
	if got := c.linkValues().Get("mix"); !strings.HasPrefix(got, "broll:20:10:720p:fast:~3,") {
		t.Errorf("the link after the log changed %q", got)
	}
	// Opened on a device without a log: the link's measure, said so.
	measured.rs = nil
	c = openPlanner(t, "mix="+link)
	if hint, takes, err := c.defaultTakes(c.rows[0]); takes.String() != "2" || err != nil ||
		hint != "if empty: 2, measured in the clip log this link was made with" {
		t.Errorf("without a log: %s %q %v", takes, hint, err)
	}
	for _, l := range c.results {
		if l.ID == "runway" && l.Exact != "35" {
			t.Errorf("Runway with the link's measure: %s (%s)", l.Exact, l.Way)
		}
	}
	if got := c.linkValues().Get("mix"); got != link {
		t.Errorf("the link without a log %q, want %q", got, link)
	}
	// A typed "~2" is no number, and stays typed through the link (it came
	// back as a measure).
	c = openPlanner(t, "mix=broll:20:10:720p:fast")
	c.rows[0].Takes = "~2"
	c.compute()
	c = openPlanner(t, "mix="+c.linkValues().Get("mix"))
	if c.rows[0].Takes != "~2" || c.rows[0].Measured != "" || !strings.Contains(c.errs["mix-0-takes"], "must be a number") {
		t.Errorf("a typed ~2 through the link: %+v, %q", c.rows[0], c.errs["mix-0-takes"])
	}
	// A measure that is no count stops the month and names it.
	for in, want := range map[string]string{
		"~x":    "The link's measured generations per kept clip must be a number, like 30 or 1,200.50",
		"~0.5":  "The link's measured generations per kept clip must be 1 or more: keeping 1 clip in 3 is 3",
		"~5000": "The link's measured generations per kept clip must be at most 1,000",
	} {
		c = openPlanner(t, "mix=broll:20:10:720p:fast:"+in)
		if got := c.errs["mix-0-takes"]; got != "Row 1 (broll): "+want+"." || c.current {
			t.Errorf("%s: %q (current %v), want %q", in, got, c.current, want)
		}
	}
}

// TestPlannerRenders: the page renders its default mix with the hooks
// tests and embedders use.
func TestPlannerRenders(t *testing.T) {
	c := newPlanner()
	e := app.NewTestEngine()
	if err := e.Load(c); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	html := app.HTMLString(c)
	// Each row's Working is named for its platform (it was "Working" on
	// every row).
	if n, named := strings.Count(html, `class="plan-how"`), strings.Count(html, `class="visually-hidden"> for `); n == 0 || named != n {
		t.Errorf("%d of %d rows' Working are named for their platform", named, n)
	}
	for _, want := range []string{`id="plan-table"`, `data-platform="`, `data-monthly-cost="`, `name="mix-1-tier"`, `id="plan-peek"`,
		`id="plan-chart"`, `id="plan-saving"`, `data-value="`,
		// The month leaves free credits out (Kling's 66 a day, Flow's 50):
		// the research's free tiers are daily, watermarked or one-off.
		"Free credits are not counted."} {
		if !strings.Contains(html, want) {
			t.Errorf("the planner lacks %s", want)
		}
	}
}

// TestPlannerEuro: costs in the display currency, converted at the bundled
// rate (1 USD = 0.86 EUR): fal's $6.40 is €5.504.
func TestPlannerEuro(t *testing.T) {
	c := openPlanner(t, "mix=broll:20:10:720p:fast:1&cur=EUR")
	if len(c.results) == 0 || c.results[0].ID != "fal" || c.results[0].Exact != "5.504" || c.results[0].Cost != "€5.50" {
		t.Fatalf("first result %+v", c.results)
	}
	if got := c.linkValues().Encode(); got != "cur=EUR&mix=broll%3A20%3A10%3A720p%3Afast%3A1" {
		t.Errorf("link %s", got)
	}
}

// TestPlannerCounts: counts read as numbers do ("91,542 × Top-up", "1
// clip"): they read "91542 × Top-up" and "measured from your log: 1 clips".
func TestPlannerCounts(t *testing.T) {
	if got := wayText(pricing.MonthPlan{Option: pricing.OptionPlanPacks, PlanName: "Ultra", Packs: 91542, PackName: "Top-up"}, pricing.LensMonthly); got != "Ultra plan + 91,542 × Top-up" {
		t.Errorf("wayText = %q", got)
	}
	c := &planner{logged: map[pricing.Tier]takeCount{pricing.TierAny: {gens: 1, kept: 1}}}
	if hint, _, _ := c.defaultTakes(mixRow{Tier: "fast"}); hint != "if empty: 1, measured from your log: 1 clip, 1 kept" {
		t.Errorf("hint %q", hint)
	}
}

// TestPlannerGoneNames: a reason that starts with a row's name keeps the
// name as typed: "Acme-hero: no premium model…" for a row named acme-hero.
func TestPlannerGoneNames(t *testing.T) {
	c := openPlanner(t, "mix=acme-hero:12:8:4k:premium:1")
	if len(c.gone) == 0 {
		t.Fatal("every platform makes 4K premium clips of 8 s")
	}
	for _, g := range c.gone {
		if !strings.HasPrefix(g.Reason, "acme-hero: ") || !strings.HasSuffix(g.Reason, ".") {
			t.Errorf("%s: %q", g.Where, g.Reason)
		}
	}
}

// TestPlannerNamesTheRow: when one row is what no platform can make, the
// status names it: a 4K row blanked the month without a word of which.
func TestPlannerNamesTheRow(t *testing.T) {
	c := openPlanner(t, "mix=broll:20:5:720p:any:1,uhd:5:60:4k:premium:2")
	if want := "No platform can make the row “uhd”"; !strings.HasPrefix(c.status, want) {
		t.Errorf("status %q, want it to start %q", c.status, want)
	}
}

// TestPlannerLinkKeepsCommas: a number typed with a comma ("1,200" clips,
// "7,5" seconds, "1,5" generations) is one field of its row in the link,
// so that a reload, a shared link or the nav's way back shows the same
// month. The comma split the row: the month came back as a broken link.
func TestPlannerLinkKeepsCommas(t *testing.T) {
	for _, typed := range [][3]string{{"1,200", "5", "1.5"}, {"100", "7,5", "1"}, {"100", "5", "1,5"}, {"1 200", "5:00", "50%"}} {
		c := openPlanner(t, "mix=hero:20:5:1080p:premium:1.5,broll:100:5:720p:any:1")
		c.rows[0].Count, c.rows[0].Seconds, c.rows[0].Takes = typed[0], typed[1], typed[2]
		c.compute()
		c2 := newPlanner()
		c2.ready = true
		c2.apply(planState(linkState(reread(t, "/plan", c.linkValues(), planKeys))))
		if len(c2.rows) != 2 || c2.rows[0].Count != typed[0] || c2.rows[0].Seconds != typed[1] || c2.rows[0].Takes != typed[2] {
			t.Errorf("typed %q: the link %q reads back as %+v", typed, formatLinkState(c.linkValues(), planKeys), c2.rows)
		}
		if c2.status != c.status || c2.errs["mix"] != "" {
			t.Errorf("typed %q: the month %q reads back as %q (%q)", typed, c.status, c2.status, c2.errs["mix"])
		}
	}
	// Links made before keep their "%".
	if rows, bad := parseMix("50% off:1:5:720p:any:1"); bad != "" || rows[0].Name != "50% off" {
		t.Errorf("an old link's name: %q, %q", rows[0].Name, bad)
	}
}

// TestPlannerLinkEscapesOnce: a typed comma is "%2C" in the address, once:
// the mix's fields were escaped, then the whole fragment again, and "1,200"
// shots were "1%252C200". The link reads back exactly, and links written
// that way before still read as they meant.
func TestPlannerLinkEscapesOnce(t *testing.T) {
	for _, tt := range []struct {
		name, count, want string // a row's name and clips as typed; the link's mix
	}{
		{"hero", "1,200", "hero:1%2C200:5:1080p:premium:1.5"},
		{"hero", "1 200", "hero:1%20200:5:1080p:premium:1.5"},
		{"héro & co", "12", "h%C3%A9ro%20%26%20co:12:5:1080p:premium:1.5"},
		{"50% off", "12", "50%25%20off:12:5:1080p:premium:1.5"},
		{"%2C", "1:2", "%25%32C:1%3A2:5:1080p:premium:1.5"}, // typed as it is, not a comma
	} {
		c := openPlanner(t, "mix=hero:20:5:1080p:premium:1.5")
		c.rows[0].Name, c.rows[0].Count = tt.name, tt.count
		c.compute()
		u := reread(t, "/plan", c.linkValues(), planKeys)
		if got := u.EscapedFragment(); got != "mix="+tt.want {
			t.Errorf("%q, %q: the link is #%s, want #mix=%s", tt.name, tt.count, got, tt.want)
		}
		c2 := newPlanner()
		c2.ready = true
		c2.apply(planState(linkState(u)))
		if r := c2.rows[0]; len(c2.rows) != 1 || r.Name != tt.name || r.Count != tt.count {
			t.Errorf("%q, %q: the link reads back as %+v", tt.name, tt.count, c2.rows)
		}
	}
	// As links were written before: "1,200" clips and "50%" generations.
	old, err := url.Parse("/plan#mix=hero:1%252C200:5:1080p:premium:50%2525")
	if err != nil {
		t.Fatal(err)
	}
	c := newPlanner()
	c.ready = true
	c.apply(planState(linkState(old)))
	if r := c.rows[0]; r.Count != "1,200" || r.Takes != "50%" {
		t.Errorf("a link written before reads as %+v", c.rows)
	}
}

// TestPlannerLineCounts: a platform's working counts a row's clips as the
// rest of the page does: "1 clip", "1,200 clips" (it read "1 clips" and
// "1200 clips").
func TestPlannerLineCounts(t *testing.T) {
	for _, tt := range []struct{ mix, want string }{
		{"mix=hero:1:5:720p:any:1", "hero: 1 clip on "},
		{"mix=hero:1200:5:720p:any:1", "hero: 1,200 clips on "},
	} {
		c := openPlanner(t, tt.mix)
		if len(c.results) == 0 || len(c.results[0].Lines) == 0 || !strings.HasPrefix(c.results[0].Lines[0], tt.want) {
			t.Errorf("%s: %q, want it to start %q", tt.mix, c.results[0].Lines, tt.want)
		}
	}
}

// TestPlannerWorkingCurrencies: a platform priced in dollars, on a month
// shown in euros, says how its dollars become euros; each figure of its
// working is in one currency, or the line converts ("$6.40 ≈ €5.95"), and
// the working says the rate once, on the line that converts the month. An
// API's row read "$0.32 per kept clip, €5.95": dollars and euros mixed
// unsaid; then each row said the rate too, "at 1 USD = 0.86 EUR (rate of
// 2026-11-01)", four lines of a phone's column a row. (The page keeps
// the rate's parts whole: rateElem, e2e TestRatesWhole.)
func TestPlannerWorkingCurrencies(t *testing.T) {
	const broll = "mix=broll:20:10:720p:fast:1"
	tests := []struct {
		state, platform string
		want            []string // the row's lines, then its working
	}{
		{broll + "&cur=EUR&rate=~0.93", "fal", []string{
			"broll: 20 clips on Hailuo 2.3 Fast Standard (image to video), $0.32 per kept clip, $6.40 ≈ €5.95",
			"broll, Hailuo 2.3 Fast Standard (image to video), 10 s at 720p: 20 × $0.32 per kept clip = $6.40",
			"pay as you go: $6.40 a month",
			"$6.40 ≈ €5.95 at 1 USD = 0.93 EUR",
			"€5.95 ÷ 200 s kept = €0.0298 per kept second",
		}},
		{broll + "&cur=EUR&rate=~0.9", "runway-api", []string{
			"broll: 20 clips on Gen-4 Turbo (gen4_turbo), $0.50 per kept clip, $10.00 = €9.00",
			"broll, Gen-4 Turbo (gen4_turbo), 10 s at 720p: 20 × $0.50 per kept clip = $10.00",
			"pay as you go: $10.00 a month",
			"$10.00 = €9.00 at 1 USD = 0.9 EUR",
			"€9.00 ÷ 200 s kept = €0.045 per kept second",
		}},
		{broll + "&cur=EUR", "fal", []string{ // the bundled rate, with its date
			"broll: 20 clips on Hailuo 2.3 Fast Standard (image to video), $0.32 per kept clip, $6.40 ≈ €5.50",
			"broll, Hailuo 2.3 Fast Standard (image to video), 10 s at 720p: 20 × $0.32 per kept clip = $6.40",
			"pay as you go: $6.40 a month",
			"$6.40 ≈ €5.50 at 1 USD = 0.86 EUR (rate of " + pricing.DefaultRates().Date + ")",
			"€5.50 ÷ 200 s kept = €0.0275 per kept second",
		}},
		{broll, "fal", []string{ // in dollars: nothing to convert
			"broll: 20 clips on Hailuo 2.3 Fast Standard (image to video), $0.32 per kept clip, $6.40",
			"broll, Hailuo 2.3 Fast Standard (image to video), 10 s at 720p: 20 × $0.32 per kept clip = $6.40",
			"pay as you go: $6.40 a month",
			"$6.40 ÷ 200 s kept = $0.032 per kept second",
		}},
		{broll + "&cur=EUR&rate=~0.93", "luma", []string{ // credits, then the plan's dollars in euros
			"broll: 20 clips on Ray2 Flash, 110 credits per kept clip, €9.29",
			"broll, Ray2 Flash, 10 s at 720p: 20 × 110 credits per kept clip = 2,200 credits",
			"needed: 2,200 credits a month",
			"Lite plan: $9.99 a month for 3,200 credits",
			"total: $9.99 for 3,200 credits: 1,000 unused, all expiring",
			"$9.99 ≈ €9.29 at 1 USD = 0.93 EUR",
			"€9.29 ÷ 200 s kept = €0.0465 per kept second",
		}},
	}
	money := regexp.MustCompile(`[$€£]`)
	for _, tt := range tests {
		c := openPlanner(t, tt.state)
		i := slices.IndexFunc(c.results, func(l planLine) bool { return l.ID == tt.platform })
		if i < 0 {
			t.Fatalf("%s: no %s among %d results: %s", tt.state, tt.platform, len(c.results), c.status)
		}
		l := c.results[i]
		got := strings.Join(append(slices.Clone(l.Lines), l.Working...), "\n")
		if want := strings.Join(tt.want, "\n"); got != want {
			t.Errorf("%s, %s:\n%s\nwant\n%s", tt.state, tt.platform, got, want)
		}
		// Every line of every platform: one currency, or a conversion
		// ("$6.40 ≈ €5.95", "$10.00 = €9.00"); the rate said on one line.
		convert := regexp.MustCompile(`[$€£][0-9.,]+ [≈=] [$€£][0-9.,]+`)
		for _, l := range c.results {
			rated := 0
			for _, s := range append(slices.Clone(l.Lines), l.Working...) {
				if cs := slices.Compact(slices.Sorted(slices.Values(money.FindAllString(s, -1)))); len(cs) > 1 && !convert.MatchString(s) {
					t.Errorf("%s, %s: %q mixes %v without converting", tt.state, l.ID, s, cs)
				}
				if strings.Contains(s, " at 1 ") {
					rated++
				}
			}
			if strings.Contains(tt.state, "cur=EUR") && c.currency(l.ID) == pricing.USD && rated != 1 {
				t.Errorf("%s, %s: the rate is said on %d lines, want 1", tt.state, l.ID, rated)
			}
		}
	}
}

// TestBillingSaid: /compare and /plan keep their defaults (a link without
// billing opens as it did: the cheapest available way on /compare, a
// monthly plan on /plan), and each says in its status which billing its
// figures are on. On one shot, 10 s of fast 720p, /compare's cheapest is
// Luma's Ray2 Flash on a yearly plan, /plan's fal's API, and neither page
// said which billing it was on. /compare also says that a plan's price
// there assumes every credit of it is used, which /plan does not.
func TestBillingSaid(t *testing.T) {
	tests := []struct{ page, link, billing, says string }{
		{"/compare", "/compare#dur=10&res=720p&tier=fast", "cheapest", "7 fast-tier models can make this shot (billing: cheapest available). Cheapest: Ray2 Flash on Luma Dream Machine (app), $0.0183 per kept second, Ultra (billed yearly)."},
		{"/compare", "/compare#dur=10&res=720p&tier=fast&billing=monthly", "monthly", "(billing: monthly plan). Cheapest: "},
		{"/plan", "mix=broll:20:10:720p:fast:1", "monthly", "4 platforms can make this mix (billing: monthly plan). Cheapest: fal (API marketplace)"},
		{"/plan", "mix=broll:20:10:720p:fast:1&billing=yearly", "yearly", "(billing: yearly plan). Cheapest: "},
		{"/plan", "mix=long:1:20:1080p:any:1", "monthly", "1 platform can make this mix (billing: monthly plan): fal (API marketplace)"},
	}
	for _, tt := range tests {
		var billing, status string
		if tt.page == "/compare" {
			c, html := loadCompare(t, tt.link)
			billing, status = c.values["billing"], c.status
			// Why /plan's cheapest month may differ on the same billing.
			if !strings.Contains(html, "as if every credit of it is used. /plan prices whole months as bought") {
				t.Errorf("%s does not say that its plans' prices assume every credit is used", tt.link)
			}
		} else {
			c := openPlanner(t, tt.link)
			billing, status = c.values["billing"], c.status
		}
		if billing != tt.billing || !strings.Contains(status, tt.says) {
			t.Errorf("%s: billing %q, status %q; want %q and %q", tt.link, billing, status, tt.billing, tt.says)
		}
	}
}

// TestPlannerAudio: a row with native audio ("…:audio", the row's seventh
// field) is priced as /compare prices the shot with its Native audio box:
// only on models that make audio, Veo 3 at its $0.40 a second with it
// ($0.20 without), and the platforms with none say so. The link carries
// it, and reads back the same month.
func TestPlannerAudio(t *testing.T) {
	const silent, audio = "hero:10:8:720p:standard:1", "hero:10:8:720p:standard:1:audio"
	cost := func(c *planner, id string) string {
		for _, l := range c.results {
			if l.ID == id {
				return l.Exact
			}
		}
		return "none"
	}
	c := openPlanner(t, "mix="+silent)
	if !c.current || cost(c, "fal") != "2.5" || cost(c, "veo-api") != "16" || cost(c, "runway-api") == "none" {
		t.Fatalf("without audio: fal %s, Veo API %s, Runway API %s (%s)", cost(c, "fal"), cost(c, "veo-api"), cost(c, "runway-api"), c.status)
	}
	// The row's audio picked: fal's row goes to Veo 3 (no source says Pika
	// makes audio).
	c.rows[0].Audio = "audio"
	c.compute()
	// Runway's API makes it on Veo 3, whose $0.40 a second includes audio;
	// LTX's API has one model, and no source says whether it makes audio.
	if !c.current || cost(c, "fal") != "32" || cost(c, "veo-api") != "32" || cost(c, "runway-api") != "32" || cost(c, "ltx-api") != "none" {
		t.Fatalf("with audio: fal %s, Veo API %s, Runway API %s, LTX API %s (%s)", cost(c, "fal"), cost(c, "veo-api"),
			cost(c, "runway-api"), cost(c, "ltx-api"), c.status)
	}
	for _, l := range c.results {
		if l.ID == "fal" && (len(l.Lines) != 1 || !strings.HasPrefix(l.Lines[0], "hero: 10 clips on Veo 3, $3.20 per kept clip") ||
			!slices.Contains(l.Working, "hero, Veo 3, 8 s at 720p with native audio: 10 × $3.20 per kept clip = $32.00")) {
			t.Errorf("fal's month with audio: %q %q", l.Lines, l.Working)
		}
	}
	said := false
	for _, g := range c.gone {
		if g.Key == "ltx-api" {
			said = g.Reason == "hero: no standard model makes 8 s at 720p with native audio; LTX-2: native audio not stated by its source."
		}
	}
	if !said {
		t.Errorf("LTX's API, whose one model is not stated to make audio, is not listed as unable to make the row, saying why: %+v", c.gone)
	}
	v := c.linkValues()
	if got := v.Get("mix"); got != audio {
		t.Errorf("the link's mix %q, want %q", got, audio)
	}
	c2 := newPlanner()
	c2.ready = true
	c2.apply(planState(linkState(reread(t, "/plan", v, planKeys))))
	if c2.rows[0].Audio != "audio" || c2.status != c.status || cost(c2, "fal") != "32" {
		t.Errorf("the link reads back as %+v: %q, want %q", c2.rows, c2.status, c.status)
	}
	// A row without takes keeps its place: "::audio".
	c.rows[0].Takes = ""
	if got := c.linkValues().Get("mix"); got != "hero:10:8:720p:standard::audio" {
		t.Errorf("no takes: the link's mix %q", got)
	}

	// The picker: in the row's fieldset ("Row 1"), labelled Audio, native
	// audio chosen; a bad value named; the calculator's clips with audio
	// go to /plan with it.
	html := render(t, c2)
	if !strings.Contains(html, `<legend>Row 1</legend>`) {
		t.Error("the planner's first row has no legend")
	}
	checkRowAddon(t, html, "audio", "Audio", "Native audio", "loud", "/#profile=luma&plan=lite&model=ray-2&res=720p&dur=5&audio=1&clips=100")
}

// TestPlannerUpscale: a row upscaled ("…::upscale", the row's eighth
// field) is priced as /compare prices the shot with its Upscale box: only
// Luma's Ray2 and Ray2 Flash price it, so Luma's row goes from Ray1.6 (80
// credits) to Ray2 (160, and 10 for each 5 s upscaled: 170 a clip), and
// every other platform says it cannot. The link carries it after audio.
func TestPlannerUpscale(t *testing.T) {
	const plain, upscaled = "hero:10:5:720p:standard:1", "hero:10:5:720p:standard:1::upscale"
	working := func(c *planner, id string) string {
		for _, l := range c.results {
			if l.ID == id {
				return strings.Join(l.Working, " | ")
			}
		}
		return "none"
	}
	c := openPlanner(t, "mix="+plain)
	if w := working(c, "luma"); !c.current || !strings.Contains(w, "hero, Ray1.6, 5 s at 720p: 10 × 80 credits per kept clip") || working(c, "kling") == "none" {
		t.Fatalf("not upscaled: Luma %q (%s)", w, c.status)
	}
	c.rows[0].Upscale = "upscale"
	c.compute()
	if w := working(c, "luma"); !c.current || len(c.results) != 1 ||
		!strings.Contains(w, "hero, Ray2, 5 s at 720p with upscale: 10 × 170 credits per kept clip = 1,700 credits | needed: 1,700 credits a month") {
		t.Fatalf("upscaled: %d platforms, Luma %q (%s)", len(c.results), w, c.status)
	}
	// /compare's shot with Upscale ticked: the same 170 credits.
	luma, _ := pricing.FindProfile(c.catalog, "luma")
	if u, err := luma.Usage("ray-2", pricing.Shot{Seconds: decimal.NewFromInt(5), Res: pricing.Res720p,
		Addons: []pricing.AddonKind{pricing.AddonUpscale}}); err != nil || !u.Units.Equal(decimal.NewFromInt(170)) {
		t.Errorf("Ray2 upscaled, 5 s: %v credits, %v", u.Units, err)
	}
	said := ""
	for _, g := range c.gone {
		if g.Key == "kling" {
			said = g.Reason
		}
	}
	if said != "hero: no standard model makes 5 s at 720p with upscale." {
		t.Errorf("Kling, which has no upscale, says %q", said)
	}
	if got := c.linkValues().Get("mix"); got != upscaled {
		t.Errorf("the link's mix %q, want %q", got, upscaled)
	}
	c.rows[0].Audio = "audio"
	v := c.linkValues()
	if got := v.Get("mix"); got != "hero:10:5:720p:standard:1:audio:upscale" {
		t.Errorf("with audio, the link's mix %q", got)
	}
	c2 := newPlanner()
	c2.ready = true
	c2.apply(planState(linkState(reread(t, "/plan", v, planKeys))))
	if r := c2.rows[0]; r.Audio != "audio" || r.Upscale != "upscale" || !c2.current || len(c2.results) != 1 {
		t.Errorf("the link reads back as %+v: %q", c2.rows, c2.status)
	}

	// The picker: labelled Upscale, in the row's fieldset, upscale
	// chosen; a bad value named; the calculator's clips upscaled go to
	// /plan with it.
	checkRowAddon(t, render(t, c2), "upscale", "Upscale", "Upscale", "4k", "/#profile=luma&plan=lite&model=ray-2&res=720p&dur=5&upscale=1&clips=100")
}

// checkRowAddon checks row 1's add-on picker key (audio, upscale) in a
// planner's html whose row has it: a select named and heard with its row,
// labelled label, option chosen; a link with the value bad names it and
// plans nothing; and the calculator at calcLink, its box ticked, links to
// /plan with the add-on.
func checkRowAddon(t *testing.T, html, key, label, option, bad, calcLink string) {
	t.Helper()
	tag, _, ok := element(html, fieldID(rowInput(0, key)))
	if name, _ := attr(tag, "name"); !ok || !strings.HasPrefix(tag, "<select") || name != "mix-0-"+key {
		t.Fatalf("no select for row 1's %s: %q", key, tag)
	}
	if heard, _ := attr(tag, "aria-label"); heard != label+", row 1" {
		t.Errorf("row 1's %s is heard as %q, want “%s, row 1”", key, heard, label)
	}
	if l := regexp.MustCompile(`<label[^>]* for="f-mix-0-` + key + `"[^>]*>([^<]*)</label>`).FindStringSubmatch(html); l == nil || l[1] != label {
		t.Errorf("row 1's %s is labelled %q", key, l)
	}
	if opt := regexp.MustCompile(`<option[^>]* value="` + key + `"[^>]*>` + option + `</option>`).FindString(html); !strings.Contains(opt, " selected") {
		t.Errorf("row 1's %s: %q, want it selected", key, opt)
	}
	mix := "hero:10:5:720p:standard:1:" + bad
	if key == "upscale" {
		mix = "hero:10:5:720p:standard:1::" + bad
	}
	c := openPlanner(t, "mix="+mix)
	if got, want := c.errs["mix-0-"+key], "Row 1 (hero): "+label+" “"+bad+"” is not in the list; pick one of the choices."; got != want || c.current {
		t.Errorf("a bad %s: %q (current %v), want %q", key, got, c.current, want)
	}
	calc, _ := loadCalculator(t, calcLink)
	if u := mustURL(t, calc.plan); !strings.HasSuffix(linkState(u).Get("mix"), ":"+key) {
		t.Errorf("the calculator's /plan link %q has no %s", calc.plan, key)
	}
}

// TestPlannerOldLinks: a link made before rows had audio opens as it did:
// no row has audio, the month is the engine's without add-ons, and the
// page writes the very link back.
func TestPlannerOldLinks(t *testing.T) {
	for _, link := range []string{
		"mix=hero:20:5:1080p:premium:1.5,broll:100:5:720p:any:1",
		"mix=broll:20:10:720p:fast:1&cur=EUR",
		"mix=hero:20:5:1080p:premium:1.5,broll:100:5:720p:any:1&billing=yearly",
		"mix=a:1:5:720p:any",
		"mix=clips:100:10:720p:fast:1&billing=yearly",
	} {
		c := openPlanner(t, link)
		if got := formatLinkState(c.linkValues(), planKeys); got != link {
			t.Errorf("%s writes %s", link, got)
		}
		mix := make([]pricing.MixLine, len(c.rows))
		for i, r := range c.rows {
			if r.Audio != "" || r.Upscale != "" {
				t.Errorf("%s: row %d has audio %q, upscale %q", link, i+1, r.Audio, r.Upscale)
			}
			l, ok := c.readRow(i)
			if !ok || len(l.Shot.Addons) != 0 {
				t.Errorf("%s: row %d reads %v %v", link, i+1, ok, l.Shot.Addons)
			}
			mix[i] = l
		}
		r := pricing.PlanAll(c.catalog, mix, pricing.MonthOptions{Billing: pricing.Lens(c.values["billing"]), Rates: c.rates,
			Display: pricing.Currency(c.values["cur"])})
		if len(r.Plans) != len(c.results) || len(r.Plans) == 0 {
			t.Fatalf("%s: %d results, the engine %d", link, len(c.results), len(r.Plans))
		}
		for i, mp := range r.Plans {
			if l := c.results[i]; l.ID != mp.ProfileID || l.Exact != pricing.Exact(mp.Cost.Amount) {
				t.Errorf("%s: rank %d %s %s, the engine's %s %s", link, i+1, l.ID, l.Exact, mp.ProfileID, pricing.Exact(mp.Cost.Amount))
			}
		}
	}
}

// TestPlannerShare: /plan has the share section of the calculator and
// /compare, with a link to the plan as it is, and no embed code (/embed
// shows no plan).
func TestPlannerShare(t *testing.T) {
	c := openPlanner(t, "mix=hero:10:8:720p:standard:1:audio&cur=EUR")
	html := render(t, c)
	tag, _, ok := element(html, idShareLink)
	if !ok {
		t.Fatal("the planner has no share link")
	}
	if v, _ := attr(tag, "value"); v != sharePlaceholder+"/plan#mix=hero:10:8:720p:standard:1:audio&cur=EUR" {
		t.Errorf("share link value %q", v)
	}
	for _, want := range []string{`<h2 id="share-title">Share</h2>`, `<label for="share-link">Link to this plan</label>`, `id="share-copy-link"`} {
		if !strings.Contains(html, want) {
			t.Errorf("the planner's share section lacks %s", want)
		}
	}
	if strings.Contains(html, `id="`+idShareSnippet+`"`) || strings.Contains(html, `id="share-preview"`) {
		t.Error("the planner offers embed code for a page /embed does not show")
	}
}

// TestPlanFirstMonths: Google AI Ultra's row is ranked at $249.99, what
// the month costs from then on, and says its first 3 months at the intro
// price, under the way to buy, with the working's line; a plan without a
// promotion says nothing.
func TestPlanFirstMonths(t *testing.T) {
	flow := func(state string) planLine {
		t.Helper()
		for _, l := range openPlanner(t, state).results {
			if l.ID == "google-flow" {
				return l
			}
		}
		t.Fatalf("%s: no Google Flow row", state)
		return planLine{}
	}
	// 200 × 10 credits: more than Pro's 1,000.
	l := flow("mix=b:200:8:720p:fast:1&billing=monthly")
	const want = "first 3 months $124.99 a month (intro price; who qualifies not stated), then $249.99"
	if l.Way != "Google AI Ultra plan" || l.Cost != "$249.99" || l.First != want {
		t.Errorf("Ultra: %q, %s, first %q; want %q", l.Way, l.Cost, l.First, want)
	}
	if w := l.Working[len(l.Working)-1]; w != "first 3 months: Google AI Ultra plan at $124.99 a month (intro price), then $249.99" {
		t.Errorf("Ultra's working ends %q", w)
	}
	if l := flow("mix=b:100:8:720p:fast:1&billing=monthly"); l.Way != "Google AI Pro plan" || l.First != "" {
		t.Errorf("Pro: %q, first %q", l.Way, l.First)
	}
}

// TestPlannerRowFieldsHeard: every field of a row is heard with its row, as
// its Remove button is ("Remove row 2"): a screen reader's list of the
// form's fields gives names without the fieldset's legend, and a month of
// three rows would list three "Seconds". Each name starts with the visible
// label, so voice control's "click Seconds" still finds it.
func TestPlannerRowFieldsHeard(t *testing.T) {
	c := openPlanner(t, "mix=hero:10:8:720p:standard:1,broll:100:5:720p:any:1:audio")
	html := render(t, c)
	for i := range 2 {
		for _, f := range rowFields {
			tag, _, ok := element(html, fieldID(rowInput(i, f.key)))
			if !ok {
				t.Fatalf("no field %s in row %d", f.key, i+1)
			}
			want := f.label + ", row " + strconv.Itoa(i+1)
			if heard, _ := attr(tag, "aria-label"); heard != want {
				t.Errorf("row %d's %s is heard as %q, want %q", i+1, f.key, heard, want)
			}
		}
	}
}

// TestPlannerTotalsInCents: a month a person pays shows cents (Luma's
// API: $0.2433 a 5 s clip at 720p), its exact cost in data-monthly-cost;
// the cost per kept second keeps a rate's places.
func TestPlannerTotalsInCents(t *testing.T) {
	c := openPlanner(t, "mix=a:1:5:720p:fast:1")
	for _, l := range c.results {
		if l.ID != "luma-api" {
			continue
		}
		if l.Cost != "$0.24" || !strings.HasPrefix(l.Exact, "0.2433") || l.PerSecond != "$0.0487" {
			t.Errorf("Luma API: %s (exact %s), %s per kept second", l.Cost, l.Exact, l.PerSecond)
		}
		if !slices.Contains(l.Lines, "a: 1 clip on Ray2 Flash (ray-flash-2), $0.2433 per kept clip, $0.24") {
			t.Errorf("Luma API's row: %q", l.Lines)
		}
		return
	}
	t.Fatalf("no Luma API row: %v", c.errs)
}

// TestPlannerShareLeavesOutBadRows: the share link carries the rows
// without a message and says which it leaves out; the address keeps them
// all (a reload shows the same message). A typo was sent on in the link.
func TestPlannerShareLeavesOutBadRows(t *testing.T) {
	for _, tt := range []struct{ link, share, note string }{
		{"mix=hero:10:8:720p:standard:1,broll:1x0:5:720p:any:1",
			"mix=hero:10:8:720p:standard:1", "Row 2 (broll) is not in the link until its mistake is fixed."},
		{"mix=hero:10:8:720p:standard:1,broll:100:5:720p:any:1,c:5:5:720q:any:1,d:5:-5:720p:any:1",
			"mix=hero:10:8:720p:standard:1,broll:100:5:720p:any:1",
			"Row 3 (c), Row 4 (d) are not in the link until their mistakes are fixed."},
		{"mix=hero:1x0:8:720p:standard:1&cur=EUR", "cur=EUR",
			"Every row has a mistake: the link opens the default month until one is fixed."},
		// A link's row of too many fields, read as far as it goes: good.
		{"mix=hero:10:8:720p:standard:1::::extra", "mix=hero:10:8:720p:standard:1", ""},
		{"mix=hero:10:8:720p:standard:1", "mix=hero:10:8:720p:standard:1", ""},
	} {
		c := openPlanner(t, tt.link)
		html := render(t, c)
		tag, _, _ := element(html, idShareLink)
		if v, _ := attr(tag, "value"); v != sharePlaceholder+"/plan#"+tt.share {
			t.Errorf("%s: shares %q, want …#%s", tt.link, v, tt.share)
		}
		_, note, ok := element(html, "share-note")
		if note != tt.note || ok != (tt.note != "") {
			t.Errorf("%s: the note is %q (shown %v), want %q", tt.link, note, ok, tt.note)
		}
		if d, _ := attr(tag, "aria-describedby"); (d == "share-note") != (tt.note != "") {
			t.Errorf("%s: the link is described by %q", tt.link, d)
		}
	}
}

// TestPlannerYours: a link's platform (the calculator's) is marked in the
// ranking and said under the status, with the model each row is planned
// on where the link's is another; a platform or model not in the catalog
// gets a message naming it and leaves the month current, and the share
// link leaves it out. Links without them mark nothing, as before.
func TestPlannerYours(t *testing.T) {
	const mix = "mix=broll:20:10:720p:fast:1"
	// Runway: Standard ($15, 625 credits) and a $10 top-up for 1,000.
	const runway = "Your platform, Runway (app), ranks 4 of 4: $25.00 a month, Standard plan + 1 × Credit top-up (1,000 credits)."
	marked := func(c *planner) []string {
		var ids []string
		for _, l := range c.results {
			if l.Yours {
				ids = append(ids, l.ID)
			}
		}
		return ids
	}
	for _, tt := range []struct {
		link, yours string
		marked      []string
		errs        map[string]string
		share       string // the share link's state
	}{
		{link: mix, share: mix},
		{link: mix + "&platform=runway", yours: runway, marked: []string{"runway"}, share: mix + "&platform=runway"},
		{link: mix + "&platform=runway&model=gen-4-turbo", yours: runway, marked: []string{"runway"},
			share: mix + "&platform=runway&model=gen-4-turbo"},
		{link: mix + "&platform=runway&model=gen-4-5",
			yours:  runway + " broll is planned on Gen-4 Turbo, the cheapest there for its tier, not on Gen-4.5.",
			marked: []string{"runway"}, share: mix + "&platform=runway&model=gen-4-5"},
		{link: mix + "&platform=fal", yours: "Your platform, fal (API marketplace), ranks 1 of 4: $6.40 a month, pay as you go.",
			marked: []string{"fal"}, share: mix + "&platform=fal"},
		{link: mix + "&platform=sora",
			yours: "Your platform, Sora (ChatGPT plans), cannot make this mix. broll: no fast model makes 10 s at 720p.",
			share: mix + "&platform=sora"},
		{link: mix + "&platform=runwayy",
			errs:  map[string]string{"platform": "Your platform “runwayy” is not in the list; pick one of the choices."},
			share: mix},
		{link: mix + "&platform=runway&model=gen-9", yours: runway, marked: []string{"runway"},
			errs:  map[string]string{"model": "The link's model “gen-9” is not a model of Runway (app)."},
			share: mix + "&platform=runway"},
		{link: mix + "&model=gen-4-turbo",
			errs:  map[string]string{"model": "The link's model “gen-4-turbo” is not a model of your platform."},
			share: mix},
	} {
		c := openPlanner(t, tt.link)
		if !c.current {
			t.Errorf("%s: not current: %v", tt.link, c.errs)
		}
		if c.yours != tt.yours {
			t.Errorf("%s: says %q, want %q", tt.link, c.yours, tt.yours)
		}
		if got := marked(c); !slices.Equal(got, tt.marked) {
			t.Errorf("%s: marks %v, want %v", tt.link, got, tt.marked)
		}
		if len(c.errs) != len(tt.errs) {
			t.Errorf("%s: messages %v, want %v", tt.link, c.errs, tt.errs)
		}
		for key, want := range tt.errs {
			if c.errs[key] != want {
				t.Errorf("%s: %s's message %q, want %q", tt.link, key, c.errs[key], want)
			}
		}
		html := render(t, c)
		tag, _, _ := element(html, idShareLink)
		if v, _ := attr(tag, "value"); v != sharePlaceholder+"/plan#"+tt.share {
			t.Errorf("%s: shares %q, want …#%s", tt.link, v, tt.share)
		}
		// The page's own address keeps the link as it came, to show the
		// same message on a reload.
		if got := formatLinkState(c.linkValues(), planKeys); got != tt.link {
			t.Errorf("%s: the address keeps %q", tt.link, got)
		}
		if n := strings.Count(html, `class="tag tag-yours"`); n != len(tt.marked) {
			t.Errorf("%s: %d rows tagged as yours", tt.link, n)
		}
		if msg := cmp.Or(tt.errs["platform"], tt.errs["model"]); msg != "" {
			if _, got, _ := element(html, fieldMessageID("platform")); got != htmlEscape(msg) {
				t.Errorf("%s: the picker's message is %q, want %q", tt.link, got, msg)
			}
		}
	}
	// Picked here, a platform drops the link's model: it was another's.
	c := openPlanner(t, mix+"&platform=runway&model=gen-4-turbo")
	c.values["platform"] = "fal"
	delete(c.values, "model") // as onPick
	c.compute()
	if got := marked(c); !slices.Equal(got, []string{"fal"}) || len(c.errs) != 0 {
		t.Errorf("fal picked: marks %v (%v)", got, c.errs)
	}
}

// TestPlannerBillingAndChartSaid: Billing says it is for plans only (an
// API has none), and the break-even chart says what its darker bars are,
// in a legend under it (read in order) and beside each marked value of its
// table.
func TestPlannerBillingAndChartSaid(t *testing.T) {
	html := render(t, openPlanner(t, "mix=broll:20:10:720p:fast:1"))
	if _, hint, _ := element(html, fieldID("billing")+"-hint"); hint != "Plans only; pay as you go is billed by use." {
		t.Errorf("Billing's hint: %q", hint)
	}
	const legend = "the cheaper at that size"
	if _, got, _ := element(html, "plan-even"); !strings.Contains(html, `<p class="chart-legend">Darker bar: `+legend+`.</p>`) {
		t.Errorf("the chart has no legend (%q)", got)
	}
	// Each darker bar's value says so in the chart's table.
	marked := strings.Count(html, `class="chart-bar chart-bar-mark"`)
	if said := strings.Count(html, " ("+legend+")</td>"); marked == 0 || said != marked {
		t.Errorf("%d marked bars, %d said so in the table", marked, said)
	}
}

// TestPlanKlingAPIPacks: a month on Kling's API is bought in packs of
// units valid 180 days (research/pricing.md, pattern 17). 20 × Kling 3.0
// Standard 10 s 720p: $0.084/s ÷ $0.14 = 0.6 units/s × 10 s = 6 units ×
// 20 = 120 units: one Pack 1, $700 for 5,000 units; 4,880 left, which
// last 180 days. Before, the month was $16.80 pay as you go, a way the
// API does not sell.
func TestPlanKlingAPIPacks(t *testing.T) {
	c := openPlanner(t, "mix=shots:20:10:720p:standard:1")
	i := slices.IndexFunc(c.results, func(l planLine) bool { return l.ID == "kling-api" })
	if i < 0 {
		t.Fatalf("no Kling API month: %v", c.gone)
	}
	l := c.results[i]
	got := []string{l.Way, l.Cost, l.Credits, l.Unused}
	want := []string{"1 × Pack 1", "$700.00", "120 of 5,000 units", "4,880 unused, none expire this month (valid 180 days)"}
	if !slices.Equal(got, want) {
		t.Errorf("Kling API's month %q, want %q", got, want)
	}
}

// TestPlannerPriceSource checks that each month says where the price of
// its way to buy comes from and when it was read, with /compare's stale
// mark and words past pricing.StaleDays (luma.json, runway.json: the
// Lite and Standard plans read 2026-10-01 from a secondary source; fal's
// and Runway's API prices 2026-10-01 from their own pages).
func TestPlannerPriceSource(t *testing.T) {
	for _, tt := range []struct {
		today        string
		shown, quiet int
	}{
		{"2026-11-29", 0, 4}, // 59 days: the words kept in place, hidden
		{"2027-03-30", 0, 4}, // 180 days: not more than 180
		{"2027-03-31", 4, 0},
	} {
		c := newPlanner()
		c.ready, c.today = true, tt.today
		c.apply(url.Values{"mix": {"broll:20:10:720p:fast:1"}})
		want := map[string]string{
			"fal":        "Price: official · 2026-10-01",
			"luma":       "Plan price: secondary · 2026-10-01",
			"runway-api": "Price: official · 2026-10-01",
			"runway":     "Plan price: secondary · 2026-10-01",
		}
		shown, quiet := 0, 0
		for _, l := range c.results {
			html := app.HTMLString(priceSource("plan-source", l.SrcWhat, l.Src, tt.today))
			if got := strings.Join(strings.Fields(pageText(html)), " "); !strings.HasPrefix(got, want[l.ID]+" ⚠ possibly stale: the price was read more than 180 days ago.") {
				t.Errorf("%s, %s: source %q, want %q and the stale mark", tt.today, l.ID, got, want[l.ID])
			}
			shown += strings.Count(html, `class="price-stale"`)
			quiet += strings.Count(html, `class="price-stale cmp-stale-off"`)
		}
		if shown != tt.shown || quiet != tt.quiet {
			t.Errorf("%s: %d stale words shown, %d hidden; want %d, %d", tt.today, shown, quiet, tt.shown, tt.quiet)
		}
	}
	html := render(t, newPlanner())
	if !strings.Contains(pageText(html), evidenceNote) {
		t.Error("/plan does not say what the evidence words mean")
	}
	if n, rows := strings.Count(html, `class="plan-source price-source"`), strings.Count(html, `data-monthly-cost="`); n == 0 || n != rows {
		t.Errorf("%d of %d months say where their price comes from", n, rows)
	}
}
