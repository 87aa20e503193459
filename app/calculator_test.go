package app

import (
	"cmp"
	"errors"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/aivc/aivc/cliplog"
	"github.com/aivc/aivc/pricing"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// loadCalculator mounts a calculator opened at link ("" for the plain page)
// in a test engine and returns it with its HTML.
func loadCalculator(t *testing.T, link string, setup ...func(*calculator)) (*calculator, string) {
	t.Helper()
	c := newCalculator()
	for _, f := range setup {
		f(c)
	}
	if link != "" {
		c.init(mustURL(t, link))
	}
	e := app.NewTestEngine()
	if err := e.Load(c); err != nil {
		t.Fatalf("Load: %v", err)
	}
	e.ConsumeAll()
	return c, app.HTMLString(c)
}

// element finds the start tag of the element with id and the text right
// after it. ok is false when there is no such element.
func element(html, id string) (tag, text string, ok bool) {
	re := regexp.MustCompile(`<[a-z]+[^>]*\sid="` + regexp.QuoteMeta(id) + `"[^>]*>([^<]*)`)
	m := re.FindStringSubmatch(html)
	if m == nil {
		return "", "", false
	}
	return m[0][:len(m[0])-len(m[1])], strings.TrimSpace(m[1]), true
}

// attr returns the value of attribute name in a start tag, and whether it is there.
func attr(tag, name string) (string, bool) {
	re := regexp.MustCompile(`\s` + regexp.QuoteMeta(name) + `(="([^"]*)")?[\s>]`)
	m := re.FindStringSubmatch(tag)
	if m == nil {
		return "", false
	}
	return m[2], true
}

type wantResult struct{ id, value, text string }

func checkResults(t *testing.T, html string, want []wantResult) {
	t.Helper()
	for _, w := range want {
		tag, text, ok := element(html, w.id)
		if !ok {
			t.Errorf("no element #%s", w.id)
			continue
		}
		v, _ := attr(tag, "data-value")
		if v != w.value || text != w.text {
			t.Errorf("#%s = data-value %q, text %q; want %q, %q", w.id, v, text, w.value, w.text)
		}
	}
}

// checkClean fails when the page shows a number that cannot be right.
func checkClean(t *testing.T, html string) {
	t.Helper()
	for _, bad := range []string{"NaN", "Inf", "$-", "-$", "<nil>", "%!"} {
		if strings.Contains(html, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
}

func TestCalculatorDefault(t *testing.T) {
	c, html := loadCalculator(t, "")
	checkResults(t, html, []wantResult{
		{"price-per-credit", "0.01", "$0.01"},
		{"credits-per-clip", "50", "50"},
		{"cost-per-clip", "0.5", "$0.50"},
		{"cost-per-second", "0.1", "$0.10"},
		{"cost-per-kept-clip", "0.5", "$0.50"},
		{"total-cost", "0.5", "$0.50"},
	})
	checkClean(t, html)
	if !strings.Contains(html, "$30 ÷ 3,000 credits = $0.01 per credit") {
		t.Error("the price per credit's working is missing")
	}
	// The page's root and its title, through go-app's matcher.
	if err := app.Match(el("main").ID("main").Class("page calc-page"), c, 0); err != nil {
		t.Error(err)
	}
	if err := app.Match(el("h1").Text("What does one AI video clip really cost?"), c, 0, 0, 0, 0); err != nil {
		t.Error(err)
	}
	// The fields carry their link keys as names, and show the example.
	for key, want := range map[string]string{"price": "30", "credits": "3000", "clip": "50", "dur": "5"} {
		tag, _, ok := element(html, fieldID(key))
		if !ok {
			t.Errorf("no field %s", key)
			continue
		}
		if name, _ := attr(tag, "name"); name != key {
			t.Errorf("field %s has name %q", key, name)
		}
		if v, _ := attr(tag, "value"); v != want {
			t.Errorf("field %s shows %q, want %q", key, v, want)
		}
		if !regexp.MustCompile(`<label[^>]* for="` + fieldID(key) + `"`).MatchString(html) {
			t.Errorf("field %s has no <label for>", key)
		}
	}
	if c.seen != "" {
		t.Errorf("default state reads as link %q, want none", c.seen)
	}
	if c.compare != "/compare#dur=5" {
		t.Errorf("compare link = %q", c.compare)
	}
	// The default does not decode the catalog.
	if c.catDone {
		t.Error("the default page decoded the catalog")
	}
}

func TestCalculatorCustomLinks(t *testing.T) {
	tests := []struct {
		name string
		link string
		want []wantResult
	}{
		{"guide", "/#price=30&credits=3000&clip=50&dur=5", []wantResult{
			{"price-per-credit", "0.01", "$0.01"},
			{"cost-per-clip", "0.5", "$0.50"},
		}},
		{"query", "/?price=15&credits=625&clip=50&dur=10", []wantResult{
			{"price-per-credit", "0.024", "$0.024"},
			{"cost-per-clip", "1.2", "$1.20"},
			{"cost-per-second", "0.12", "$0.12"},
		}},
		{"per credit and per second", "/#ppc=0.01&cps=10&dur=5&takes=3&clips=4", []wantResult{
			{"price-per-credit", "0.01", "$0.01"},
			{"credits-per-clip", "50", "50"},
			{"cost-per-clip", "0.5", "$0.50"},
			{"cost-per-kept-clip", "1.5", "$1.50"},
			{"total-cost", "6", "$6.00"},
		}},
		{"typed forms", "/#price=$1,200.50&credits=3 000&clip=50&dur=5", []wantResult{
			{"price-per-credit", "0.4001666666666667", "$0.4002"},
		}},
		{"euro", "/#cur=EUR&price=30&credits=3000&clip=50&dur=5", []wantResult{
			{"price-per-credit", "0.01", "€0.01"},
		}},
		{"bonus", "/#price=30&credits=3000&clip=50&dur=5&bonus=20&bonus_cap=500", []wantResult{
			{"price-per-credit", "0.01", "$0.01"},
			{"first-price-per-credit", "0.0085714285714286", "$0.0086"},
			{"first-cost-per-clip", "0.4285714285714286", "$0.4286"},
		}},
		// A price per credit too small for 4 places: "$20 ÷ 1,000,000
		// credits = $0.00002", not "= $0.00".
		{"a tiny price per credit", "/#price=20&credits=1000000&clip=500&dur=5", []wantResult{
			{"price-per-credit", "0.00002", "$0.00002"},
			{"cost-per-clip", "0.01", "$0.01"},
		}},
		// One credit is "1 credit": "$10 ÷ 1 credit", "1 credit × $10.00".
		{"one credit", "/#price=10&credits=1&clip=1&dur=3", []wantResult{
			{"credits-per-clip", "1", "1"},
			{"cost-per-clip", "10", "$10.00"},
		}},
		{"missing numbers get the example's", "/#dur=10", []wantResult{
			{"price-per-credit", "0.01", "$0.01"},
			{"cost-per-clip", "0.5", "$0.50"},
			{"cost-per-second", "0.05", "$0.05"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, html := loadCalculator(t, tt.link)
			if !c.current {
				t.Fatalf("not current: %v %q", c.errs, c.general)
			}
			checkResults(t, html, tt.want)
			checkClean(t, html)
			if strings.Contains(html, ">1 credits") || strings.Contains(html, " 1 credits") {
				t.Error(`the page says "1 credits"`)
			}
		})
	}
}

func TestCalculatorBadValues(t *testing.T) {
	tests := []struct {
		link, key, shown, msg string
	}{
		{"/#price=abc&credits=3000&clip=50&dur=5", "price", "abc", "Plan price must be a number, like 30 or 1,200.50."},
		{"/#price=30&credits=0&clip=50&dur=5", "credits", "0", "Credits per month must be more than 0."},
		{"/#price=-5&credits=3000&clip=50&dur=5", "price", "-5", "Plan price cannot be negative."},
		{"/#price=30&credits=3000&clip=0&dur=5", "clip", "0", "Credits per clip must be more than 0."},
		{"/#price=30&credits=3000&clip=50&dur=0", "dur", "0", "Duration must be more than 0."},
		{"/#price=30&credits=3000&clip=50&dur=5&takes=0.5", "takes", "0.5", "Generations per kept clip must be 1 or more: keeping 1 clip in 3 is 3."},
		{"/#price=30&credits=3000&clip=50&dur=5&takes=1000000", "takes", "1000000", "Generations per kept clip must be at most 1,000."},
		{"/#profile=kling&plan=pro&model=kling-2-6-standard&res=720p&dur=10&takes=1000000", "takes", "1000000",
			"Generations per kept clip must be at most 1,000."},
		{"/#price=30&credits=3000&clip=50&dur=5&clips=NaN", "clips", "NaN", "Number of clips must be a number, like 30 or 1,200.50."},
		{"/#ppc=Inf&clip=50&dur=5", "ppc", "Inf", "Price per credit must be a number, like 30 or 1,200.50."},
		{"/#price=30&credits=3000&clip=50&dur=5&clips=2.5", "clips", "2.5", "Number of clips must be a whole number, like 1 or 12."},
		// A price typed in another currency than the one chosen.
		{"/#price=%E2%82%AC30&credits=3000&clip=50&dur=5", "price", "€30", "Plan price is in USD, not EUR: type the amount alone, or change the currency."},
		{"/#cur=GBP&ppc=0.01%20USD&clip=50&dur=5", "ppc", "0.01 USD", "Price per credit is in GBP, not USD: type the amount alone, or change the currency."},
		// A number in another unit than its field's: "$5" was read as 5
		// credits per clip, "5 USD" as 5 s.
		{"/#price=30&credits=3000&clip=%245&dur=5", "clip", "$5", "Credits per clip is in credits, not money: type the number alone."},
		{"/#price=30&credits=3000%20USD&clip=50&dur=5", "credits", "3000 USD", "Credits per month is in credits, not money: type the number alone."},
		{"/#ppc=0.01&cps=%E2%82%AC5&dur=5", "cps", "€5", "Credits per second is in credits, not money: type the number alone."},
		{"/#ppc=0.01&cps=5%25&dur=5", "cps", "5%", "Credits per second is in credits, not a percentage: type the number alone."},
		{"/#price=30&credits=3000&clip=50&dur=5%20USD", "dur", "5 USD", "Duration is in seconds, not money: type the number alone."},
		{"/#price=30&credits=3000&clip=50&dur=%245", "dur", "$5", "Duration is in seconds, not money: type the number alone."},
		{"/#price=30&credits=3000&clip=50&dur=5&clips=%245", "clips", "$5", "Number of clips is a count, not money: type the number alone."},
		{"/#price=30&credits=3000&clip=50&dur=5&takes=33%25", "takes", "33%", "Generations per kept clip is a count, not a percentage: keeping 1 clip in 3 is 3."},
		{"/#price=30&credits=3000&clip=50&dur=5&bonus=%245", "bonus", "$5", "First-month bonus is a percentage, not money: type the number alone."},
		{"/#price=5%20credits&credits=3000&clip=50&dur=5", "price", "5 credits", "Plan price is in USD, not credits: type the amount alone."},
		// A figure of another period than its field's: "$360 a year" was no
		// number; read as a month's it would price a credit 12 times over.
		{"/#price=%24360%20a%20year&credits=3000&clip=50&dur=5", "price", "$360 a year", "Plan price is per month, not per year: type the price of one month."},
		{"/#price=30&credits=36000%2Fyr&clip=50&dur=5", "credits", "36000/yr", "Credits per month is per month, not per year: type the number for one month."},
		{"/#price=30&credits=3000&clip=50&dur=5&clips=120%20clips%20a%20year", "clips", "120 clips a year", "Number of clips is per month, not per year: type the number for one month."},
		{"/#ppc=0.01%20a%20month&clip=50&dur=5", "ppc", "0.01 a month", "Price per credit is not per month: type the amount alone."},
		{"/#price=30&credits=3000&clip=50%20a%20month&dur=5", "clip", "50 a month", "Credits per clip is not per month: type the number alone."},
	}
	for _, tt := range tests {
		t.Run(tt.key+"="+tt.shown, func(t *testing.T) {
			c, html := loadCalculator(t, tt.link)
			if c.current {
				t.Fatal("results are current with a bad value")
			}
			if got := c.errs[tt.key]; got != tt.msg {
				t.Errorf("message for %s = %q, want %q", tt.key, got, tt.msg)
			}
			// The field shows the bad text, is marked invalid and points at its message.
			tag, _, ok := element(html, fieldID(tt.key))
			if !ok {
				t.Fatalf("no field %s", tt.key)
			}
			if v, _ := attr(tag, "value"); v != tt.shown {
				t.Errorf("field shows %q, want %q", v, tt.shown)
			}
			if _, ok := attr(tag, "aria-invalid"); !ok {
				t.Error("field has no aria-invalid")
			}
			if d, _ := attr(tag, "aria-describedby"); !strings.Contains(d, fieldMessageID(tt.key)) {
				t.Errorf("aria-describedby = %q", d)
			}
			if _, text, _ := element(html, fieldMessageID(tt.key)); text != htmlEscape(tt.msg) {
				t.Errorf("message beside the field = %q, want %q", text, tt.msg)
			}
			// No result shows a number; the status says why.
			for _, id := range []string{"price-per-credit", "credits-per-clip", "cost-per-clip", "cost-per-second", "cost-per-kept-clip", "total-cost"} {
				tag, text, _ := element(html, id)
				if _, ok := attr(tag, "data-value"); ok || text != "—" {
					t.Errorf("#%s shows %q (%s) with a bad input", id, text, tag)
				}
			}
			if _, text, _ := element(html, "calc-status"); !strings.Contains(text, "not current") {
				t.Errorf("status = %q", text)
			}
			if !strings.Contains(html, "is-stale") {
				t.Error("results are not marked stale")
			}
			checkClean(t, strings.ReplaceAll(html, `value="`+tt.shown+`"`, ""))
		})
	}
}

// TestCalculatorOwnUnits: a field's own unit typed after its number is
// read as the number alone, and the link to /compare carries the bare
// duration.
func TestCalculatorOwnUnits(t *testing.T) {
	c, html := loadCalculator(t, "/#price=%2430&credits=3000%20credits&clip=50%20credits&dur=5%20s&takes=1.5&clips=2%20clips")
	if !c.current {
		t.Fatalf("not current: %v", c.errs)
	}
	checkResults(t, html, []wantResult{
		{"price-per-credit", "0.01", "$0.01"},
		{"credits-per-clip", "50", "50"},
		{"cost-per-second", "0.1", "$0.10"},
	})
	if c.compare != "/compare#dur=5&takes=1.5" {
		t.Errorf("compare link = %q", c.compare)
	}
	c, _ = loadCalculator(t, "/#price=30&credits=3000&clip=50&dur=5&bonus=20%25")
	if !c.current || c.errs["bonus"] != "" {
		t.Errorf("a bonus of 20%%: current %v, %v", c.current, c.errs)
	}
	// A plan's month as a pricing page writes it ("$30/month", "3,000
	// credits a month"), and the clips of a month: they were no number.
	c, html = loadCalculator(t, "/#price=%2430%2Fmonth&credits=3%2C000%20credits%20a%20month&clip=50&dur=5&clips=10%20clips%20a%20month")
	if !c.current {
		t.Fatalf("a month as a pricing page writes it: not current: %v", c.errs)
	}
	_, bare := loadCalculator(t, "/#price=30&credits=3000&clip=50&dur=5&clips=10")
	for _, id := range []string{"price-per-credit", "cost-per-kept-clip", "total-cost"} {
		if got, want := value(t, html, id), value(t, bare, id); got != want {
			t.Errorf("a month as a pricing page writes it: %s = %s, want %s", id, got, want)
		}
	}
}

// TestCalculatorBonusCapByCredit: with the price per credit typed there are
// no plan credits to cap, so there is no cap field, and a cap a link
// carries is not read (it had no effect, yet a bad one stopped the page).
func TestCalculatorBonusCapByCredit(t *testing.T) {
	c, html := loadCalculator(t, "/#ppc=0.01&clip=50&dur=5&bonus=25&bonus_cap=abc")
	if !c.current {
		t.Fatalf("not current: %v %q", c.errs, c.general)
	}
	if _, _, ok := element(html, fieldID("bonus_cap")); ok {
		t.Error("a bonus cap field beside a typed price per credit")
	}
	checkResults(t, html, []wantResult{{"first-price-per-credit", "0.008", "$0.008"}}) // $0.01 ÷ 1.25
	if _, html := loadCalculator(t, "/#price=30&credits=3000&clip=50&dur=5&bonus=25"); !strings.Contains(html, `id="`+fieldID("bonus_cap")+`"`) {
		t.Error("no bonus cap field beside a plan's credits")
	}
}

// TestCalculatorAPIWorking: a pay-as-you-go model has no credits, so its
// cost per clip shows the rule's working: it said "cost per clip: $1.20".
func TestCalculatorAPIWorking(t *testing.T) {
	for link, want := range map[string]string{
		"/#profile=fal&model=veo-3&res=720p&dur=6":             "Veo 3: $0.20/s × 6 s = $1.20",
		"/#profile=luma-api&model=ray-2&res=720p&dur=5":        "1280×720 × 24 fps × 5 s = 110.592 Mpx × $0.0064/Mpx = $0.7078",
		"/#profile=fal&model=kling-2-1-master&res=1080p&dur=7": "$1.40 for the first 5 s + $0.28/s × 5 s = $2.80; 7 s asked: paid 10 s",
	} {
		c, html := loadCalculator(t, link)
		if !c.current {
			t.Fatalf("%s: not current: %v %q", link, c.errs, c.general)
		}
		if !strings.Contains(html, want) {
			t.Errorf("%s: the cost per clip's working is not %q", link, want)
		}
	}
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "'", "&#39;", "<", "&lt;", ">", "&gt;", `"`, "&#34;").Replace(s)
}

func TestCalculatorLinkValues(t *testing.T) {
	tests := []struct{ link, want string }{
		{"/#price=30&credits=3000&clip=50&dur=5", "price=30&credits=3000&clip=50&dur=5"},
		// Only the keys of the chosen mode; USD and monthly are the defaults.
		{"/#cur=USD&ppc=0.01&price=30&cps=10&clip=50&dur=5", "ppc=0.01&cps=10&dur=5"},
		{"/#dur=10", "price=30&credits=3000&clip=50&dur=10"},
		// A bad value stays in the link, as typed.
		{"/#price=abc&credits=3,000&clip=50&dur=5&takes=2", "price=abc&credits=3,000&clip=50&dur=5&takes=2"},
	}
	for _, tt := range tests {
		c, _ := loadCalculator(t, tt.link)
		if got := formatLinkState(c.linkValues(), calcKeys); got != tt.want {
			t.Errorf("%s: link = %q, want %q", tt.link, got, tt.want)
		}
	}
}

// TestCalculatorPeek: the form ends with the results' summary (on a phone
// it stays at the bottom of the screen): the status's words, marked stale
// with them; the embed's form starts with it (a blog's reader on a phone
// met the results ~1,200 px down the frame).
func TestCalculatorPeek(t *testing.T) {
	tests := []struct {
		name, link  string
		compact     bool
		text, class string
	}{
		{"current", "/#price=60&credits=3000&clip=100&dur=10&takes=3&clips=4", false,
			"Cost per kept clip $6.00; total for 4 kept clips $24.00.", "results peek"},
		{"a bad value", "/#price=abc&credits=3000&clip=50&dur=5", false,
			"Results are not current. Plan price must be a number, like 30 or 1,200.50.", "results peek is-stale"},
		{"the embed", "/embed#price=15&credits=625&clip=50&dur=10&clips=4", true,
			"Cost per kept clip $1.20; total for 4 kept clips $4.80.", "results peek peek-top"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, html := loadCalculator(t, tt.link, func(c *calculator) { c.Compact(tt.compact) })
			tag, text, _ := element(html, "calc-peek")
			if form := strings.Index(html, `class="calc-form"`); tt.compact && strings.Index(html[form:], `id="calc-peek"`) > strings.Index(html[form:], "<fieldset") {
				t.Error("the embed's summary is not first in its form")
			}
			if text != htmlEscape(tt.text) || text != htmlEscape(c.summary) {
				t.Errorf("summary %q, want %q (the status's)", text, tt.text)
			}
			if class, _ := attr(tag, "class"); class != tt.class {
				t.Errorf("summary class %q, want %q", class, tt.class)
			}
		})
	}
}

// TestCalculatorCompact: the framed calculator links to no page of the
// site: the embed's one link does (TestEmbedOneLink). It had three: the
// ranking, /plan and the full calculator.
func TestCalculatorCompact(t *testing.T) {
	_, html := loadCalculator(t, "/embed#profile=runway&plan=standard&model=gen-4-turbo&res=720p&dur=10",
		func(c *calculator) { c.Compact(true) })
	if !strings.Contains(html, `calc-page-compact`) {
		t.Error("no compact class")
	}
	if strings.Contains(html, "What does one AI video clip really cost?") {
		t.Error("compact view shows the full page's heading")
	}
	if links := regexp.MustCompile(`<a [^>]*href="/[^"]*"[^>]*>[^<]*</a>`).FindAllString(html, -1); len(links) != 0 {
		t.Errorf("the compact calculator links to the site: %q", links)
	}
}

// testProfiles is a small catalog, so bundled tests do not depend on the
// real catalog's data.
func testProfiles() []pricing.Profile {
	d := decimal.RequireFromString
	nd := func(s string) decimal.NullDecimal { return decimal.NewNullDecimal(d(s)) }
	src := pricing.Source{URL: "https://example.com", Read: "2026-01-01", Evidence: pricing.EvidenceOfficial}
	return []pricing.Profile{
		{
			ID: "api-co", Name: "API Co (API)", Platform: "API Co", Kind: pricing.KindAPI, Currency: pricing.USD,
			Models: []pricing.Model{{
				ID: "fast", Name: "Fast", Tier: pricing.TierFast, Durations: pricing.Durations{Min: 1, Max: 10},
				Rates: []pricing.Rate{{Res: pricing.Res720p, PerSecond: nd("0.05")}}, Source: src,
			}},
		},
		{
			ID: "runway", Name: "Runway (app)", Platform: "Runway", Kind: pricing.KindCredits, Currency: pricing.USD,
			Plans: []pricing.Plan{
				{ID: "free", Name: "Free", Monthly: nd("0"), Credits: d("125"), Source: src},
				{ID: "standard", Name: "Standard", Monthly: nd("15"), YearlyPerMonth: nd("12"), Credits: d("625"), Source: src},
			},
			Models: []pricing.Model{
				{
					ID: "gen-4-turbo", Name: "Gen-4 Turbo", Tier: pricing.TierFast, Durations: pricing.Durations{List: []int{5, 10}},
					Rates: []pricing.Rate{{Res: pricing.Res720p, PerSecond: nd("5")}}, Source: src,
				},
				{
					ID: "gen-4", Name: "Gen-4", Tier: pricing.TierStandard, Durations: pricing.Durations{List: []int{5, 10}},
					Rates: []pricing.Rate{{Res: pricing.Res720p, PerSecond: nd("12")}}, Source: src,
				},
			},
		},
		{
			ID: "mystery", Name: "Mystery (app)", Platform: "Mystery", Kind: pricing.KindCredits, Currency: pricing.USD,
			Unknown: []string{"plan prices"},
			Models:  []pricing.Model{{ID: "m1", Name: "M1", Tier: pricing.TierFast, Source: src}},
		},
	}
}

func withTestCatalog(c *calculator) {
	c.catalog, c.catDone = testProfiles(), true
}

func TestCalculatorBundled(t *testing.T) {
	c, html := loadCalculator(t, "/#profile=runway&plan=standard&model=gen-4-turbo&res=720p&dur=10", withTestCatalog)
	if !c.current {
		t.Fatalf("not current: %v %q", c.errs, c.general)
	}
	checkResults(t, html, []wantResult{
		{"price-per-credit", "0.024", "$0.024"},
		{"credits-per-clip", "50", "50"},
		{"cost-per-clip", "1.2", "$1.20"},
		{"cost-per-second", "0.12", "$0.12"},
		{"cost-per-kept-clip", "1.2", "$1.20"},
		{"total-cost", "1.2", "$1.20"},
	})
	checkClean(t, html)
	// The plan picker names each plan and its price; the chosen plan's
	// credits are its hint.
	if _, text, _ := element(html, "f-plan-hint"); text != "625 credits a month." {
		t.Errorf("plan hint %q", text)
	}
	if !regexp.MustCompile(`<option [^>]*value="standard"[^>]*>Standard — \$15\.00/mo</option>`).MatchString(html) {
		t.Errorf("no plan choice %q", "Standard — $15.00/mo")
	}
	if c.compare != "/compare#dur=10&res=720p&tier=fast" {
		t.Errorf("compare link = %q", c.compare)
	}
	// The link ranks the model's tier, like with like, and says so: it
	// carried tier=fast with no word of it.
	if !strings.Contains(html, ">Compare platforms for this clip: fast-tier models, as Gen-4 Turbo is</a>") {
		t.Error("the compare link does not say that it ranks Gen-4 Turbo's tier")
	}
	if got := formatLinkState(c.linkValues(), calcKeys); got != "profile=runway&plan=standard&model=gen-4-turbo&res=720p&dur=10" {
		t.Errorf("link = %q", got)
	}

	// Yearly billing.
	c, html = loadCalculator(t, "/#profile=runway&plan=standard&billing=yearly&model=gen-4-turbo&res=720p&dur=10", withTestCatalog)
	checkResults(t, html, []wantResult{{"price-per-credit", "0.0192", "$0.0192"}})
	if !strings.HasSuffix(c.compare, "&billing=yearly") {
		t.Errorf("compare link = %q", c.compare)
	}

	// A link naming only the platform gets its first paid plan, first model and a resolution.
	c, _ = loadCalculator(t, "/#profile=runway", withTestCatalog)
	if got := formatLinkState(c.linkValues(), calcKeys); got != "profile=runway&plan=standard&model=gen-4-turbo&res=720p&dur=5" {
		t.Errorf("filled link = %q", got)
	}
	if !c.current {
		t.Errorf("not current: %v %q", c.errs, c.general)
	}

	// An API profile has no plan and no credits.
	c, html = loadCalculator(t, "/#profile=api-co&model=fast&res=720p&dur=4", withTestCatalog)
	if !c.current {
		t.Fatalf("not current: %v %q", c.errs, c.general)
	}
	checkResults(t, html, []wantResult{{"cost-per-clip", "0.2", "$0.20"}, {"price-per-credit", "", "n/a"}})
	if strings.Contains(html, `name="plan"`) {
		t.Error("an API profile shows a plan picker")
	}
}

func TestCalculatorBundledBadChoices(t *testing.T) {
	tests := []struct{ link, key, msg string }{
		{"/#profile=nope&dur=5", "profile", "Platform “nope” is not in the list; pick one of the choices."},
		{"/#profile=runway&plan=gold&model=gen-4&res=720p&dur=5", "plan", "Plan “gold” is not in the list; pick one of the choices."},
		{"/#profile=runway&plan=standard&model=gen-9&res=720p&dur=5", "model", "Model “gen-9” is not in the list; pick one of the choices."},
		{"/#profile=runway&plan=standard&model=gen-4&res=8k&dur=5", "res", "Resolution “8k” is not in the list; pick one of the choices."},
		// A resolution the model does not make says what it does make:
		// Gen-4 Turbo at 1080p said only "not in the list".
		{"/#profile=runway&plan=standard&model=gen-4-turbo&res=1080p&dur=5", "res", "Resolution “1080p” is not offered by Gen-4 Turbo, which makes 720p only; pick one of the choices."},
		{"/#profile=runway&plan=standard&billing=weekly&model=gen-4&res=720p&dur=5", "billing", "Billing “weekly” is not in the list; pick one of the choices."},
		{"/#profile=runway&plan=standard&model=gen-4&res=720p&dur=ten", "dur", "Duration must be a number, like 30 or 1,200.50."},
	}
	for _, tt := range tests {
		c, html := loadCalculator(t, tt.link, withTestCatalog)
		if c.current {
			t.Errorf("%s: current", tt.link)
		}
		if got := c.errs[tt.key]; got != tt.msg {
			t.Errorf("%s: message = %q, want %q", tt.link, got, tt.msg)
		}
		checkClean(t, html)
		// A picked value that is not a choice is shown, so the person sees it.
		if tt.key != "dur" && !strings.Contains(html, "(not in the list)") {
			t.Errorf("%s: the bad choice is not shown", tt.link)
		}
	}

	// A platform whose prices are not published says so beside its pickers.
	c, html := loadCalculator(t, "/#profile=mystery", withTestCatalog)
	if c.current {
		t.Error("mystery: current")
	}
	if got, want := c.errs["profile"], "The plan prices of Mystery (app) are not published; pick another platform, or type your own numbers."; got != want {
		t.Errorf("mystery: profile message = %q, want %q", got, want)
	}
	if got, want := c.errs["model"], "The credit costs of M1 are not published; pick another model, or type your own numbers."; got != want {
		t.Errorf("mystery: model message = %q, want %q", got, want)
	}
	if !strings.Contains(html, "Not published: plan prices.") {
		t.Error("mystery: the profile's unknowns are not shown")
	}
	checkClean(t, html)

	// A length the model cannot make is said beside Duration, which is
	// marked invalid (it was a message above the pickers, with every result
	// blank and no field to blame).
	c, html = loadCalculator(t, "/#profile=runway&plan=standard&model=gen-4&res=720p&dur=30", withTestCatalog)
	if c.current || c.general != "" || !strings.HasPrefix(c.errs["dur"], "30 s not offered") {
		t.Errorf("30 s on a 5/10 s model: current=%v general=%q, Duration's message %q", c.current, c.general, c.errs["dur"])
	}
	if tag, _, _ := element(html, fieldID("dur")); !strings.Contains(tag, "aria-invalid") {
		t.Errorf("30 s on a 5/10 s model: Duration is %s", tag)
	}
}

// TestCalculatorCatalog checks the guide's bundled example against the real
// catalog, once it holds Runway.
func TestCalculatorCatalog(t *testing.T) {
	ps, err := pricing.Catalog()
	if err != nil {
		t.Fatalf("Catalog: %v", err)
	}
	if _, ok := pricing.FindProfile(ps, "runway"); !ok {
		t.Skip("the catalog has no runway profile yet")
	}
	c, html := loadCalculator(t, "/#profile=runway&plan=standard&model=gen-4-turbo&res=720p&dur=10")
	if !c.current {
		t.Fatalf("not current: %v %q", c.errs, c.general)
	}
	checkResults(t, html, []wantResult{
		{"price-per-credit", "0.024", "$0.024"},
		{"credits-per-clip", "50", "50"},
		{"cost-per-clip", "1.2", "$1.20"},
	})
	// Every profile, plan and model of the catalog renders without a panic or NaN.
	for _, p := range ps {
		for _, m := range p.Models {
			v := url.Values{"profile": {p.ID}, "model": {m.ID}}
			_, html := loadCalculator(t, "/#"+formatLinkState(v, calcKeys))
			checkClean(t, html)
		}
	}
}

func TestErrorMessage(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{nil, ""},
		{&pricing.InputError{Field: "Plan price", Value: "x", Err: pricing.ErrNotNumber}, "Plan price must be a number, like 30 or 1,200.50."},
		{&pricing.InputError{Field: "Credits per month", Value: "0", Err: pricing.ErrZero}, "Credits per month must be more than 0."},
		{errors.Join(&pricing.InputError{Field: "Duration", Err: pricing.ErrEmpty}, errors.New("other")), "Duration is empty."},
		{&pricing.NotOfferedError{Reason: "10 s not offered at 1080p"}, "10 s not offered at 1080p."},
		{&pricing.NotOfferedError{}, "This model cannot make that clip."},
		{&choiceError{Field: "Model", Value: "x"}, "Model “x” is not in the list; pick one of the choices."},
		{errors.Join(pricing.ErrNoPrice, errors.New("the Free plan is not billed yearly")), "This plan has no price for that billing; pick another billing or plan."},
		{pricing.ErrCurrency, "There is no exchange rate for this currency."},
		{pricing.ErrUnknown, "That choice is not in the catalog; pick one from the list."},
		{&pricing.ProfileError{Profile: "x", Path: "plans[0]", Err: pricing.ErrZero}, "This platform's prices could not be read. Pick another platform, or type your own numbers."},
		{errors.New("boom"), genericErrorMessage},
	}
	for _, tt := range tests {
		if got := errorMessage(tt.err); got != tt.want {
			t.Errorf("errorMessage(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

// TestResChoices: a resolution picker lists the resolutions alone, and
// its hint names the chosen one as the platform sells it, when that says
// more.
func TestResChoices(t *testing.T) {
	m := pricing.Model{Rates: []pricing.Rate{
		{Res: pricing.Res1080p, Label: "1920×1080"},
		{Res: pricing.Res720p, Label: "720p widescreen"},
		{Res: pricing.Res480p, Label: "480P"},
		{Res: pricing.Res4K},
	}}
	var got []string
	for _, c := range resChoices(m) {
		got = append(got, c.Value+": "+c.Label+" / "+resHint(m, pricing.Resolution(c.Value)))
	}
	want := []string{"480p: 480p / ", "720p: 720p / Sold as 720p widescreen.", "1080p: 1080p / Sold as 1920×1080.", "4k: 4K / "}
	if !slices.Equal(got, want) {
		t.Errorf("resChoices = %q, want %q", got, want)
	}
	if h := resHint(m, pricing.Res540p); h != "" {
		t.Errorf("hint for a resolution the model does not make: %q", h)
	}
	// In the calculator, under the picker: Runway sells Gen-4 Turbo's 720p
	// as 1280×720 (the bundled catalog).
	_, html := loadCalculator(t, "/#profile=runway&plan=standard&model=gen-4-turbo&res=720p&dur=10")
	if _, text, _ := element(html, "f-res-hint"); text != "Sold as 1280×720." {
		t.Errorf("resolution hint %q", text)
	}
	if !regexp.MustCompile(`<option [^>]*value="720p"[^>]*>720p</option>`).MatchString(html) {
		t.Error("the 720p choice says more than 720p")
	}
}

// TestCalculatorBilling: the Billing picker offers the ways the chosen plan
// is sold, a plan sold one way only is billed that way by default and after
// a pick, and a link's unsold billing is kept, with its message.
func TestCalculatorBilling(t *testing.T) {
	options := func(html string) string {
		sel := regexp.MustCompile(`(?s)<select[^>]*id="f-billing".*?</select>`).FindString(html)
		var vals []string
		for _, m := range regexp.MustCompile(`<option[^>]*>`).FindAllString(sel, -1) {
			v, _ := attr(m, "value")
			if _, ok := attr(m, "selected"); ok {
				v += "*"
			}
			vals = append(vals, v)
		}
		return strings.Join(vals, " ")
	}
	for _, tc := range []struct {
		link, options, msg string
	}{
		{"/#profile=runway&plan=standard", "monthly* yearly", ""},
		{"/#profile=runway&plan=standard&billing=yearly", "monthly yearly*", ""},
		// Kling's plans are not sold yearly.
		{"/#profile=kling&plan=pro", "monthly*", ""},
		{"/#profile=kling&plan=pro&billing=yearly", "monthly yearly*", "This plan has no price for that billing"},
		// Higgsfield's Starter is sold yearly only.
		{"/#profile=higgsfield&plan=starter", "yearly*", ""},
		{"/#profile=higgsfield&plan=starter&billing=monthly", "monthly* yearly", "This plan has no price for that billing"},
	} {
		c, html := loadCalculator(t, tc.link)
		if got := options(html); got != tc.options {
			t.Errorf("%s: billing options %q, want %q", tc.link, got, tc.options)
		}
		if got := c.errs["billing"]; !strings.HasPrefix(got, tc.msg) || (tc.msg == "") != (got == "") {
			t.Errorf("%s: billing message %q, want %q", tc.link, got, tc.msg)
		}
		if tc.msg == "" && !c.current {
			t.Errorf("%s: not current: %v %q", tc.link, c.errs, c.general)
		}
	}

	// Picking a plan or a platform brings the billing it is sold by.
	c, _ := loadCalculator(t, "/#profile=higgsfield&plan=plus&billing=monthly")
	for _, pick := range [][2]string{{"plan", "starter"}, {"plan", "plus"}, {"profile", "runway"}, {"billing", "yearly"}, {"profile", "kling"}} {
		c.pick(pick[0], pick[1])
		c.compute()
		if !c.current {
			t.Errorf("after picking %s %s: not current: %v %q", pick[0], pick[1], c.errs, c.general)
		}
	}
	if got := c.values["billing"]; got == string(pricing.LensYearly) {
		t.Errorf("Kling after a yearly Runway: billing %q", got)
	}
}

// TestCalculatorAddons: a model that prices an add-on offers it as a box,
// ticked in a link; its cost is in the clip's, its working says so, and the
// link to /compare asks for it too. A model without it says so beside the
// box, and audio a model includes in its price changes nothing.
func TestCalculatorAddons(t *testing.T) {
	// Veo 3 on the API: $0.20 a second, $0.40 with audio (pricing.md).
	c, html := loadCalculator(t, "/#profile=veo-api&model=veo-3&res=720p&dur=8")
	checkResults(t, html, []wantResult{{"cost-per-clip", "1.6", "$1.60"}})
	if tag, _, ok := element(html, "f-audio"); !ok || strings.Contains(tag, "checked") {
		t.Errorf("Veo 3 without audio: the box %q (found %v)", tag, ok)
	}
	c, html = loadCalculator(t, "/#profile=veo-api&model=veo-3&res=720p&dur=8&audio=1")
	checkResults(t, html, []wantResult{{"cost-per-clip", "3.2", "$3.20"}})
	if tag, _, _ := element(html, "f-audio"); !strings.Contains(tag, "checked") {
		t.Errorf("Veo 3 with audio: the box %q", tag)
	}
	if !strings.Contains(html, "audio") || !strings.Contains(c.compare, "audio=1") {
		t.Errorf("the link to /compare %q does not ask for audio", c.compare)
	}
	if got := c.linkValues().Get("audio"); got != "1" {
		t.Errorf("the link's audio %q", got)
	}

	// Veo 2 makes no audio (pricing.md: "n/a"); a bad flag is named.
	c, html = loadCalculator(t, "/#profile=veo-api&model=veo-2&res=720p&dur=8&audio=1")
	if c.current || c.errs["audio"] != "Veo 2 cannot add native audio here; untick the Native audio box." {
		t.Errorf("Veo 2 with audio: current %v, message %q", c.current, c.errs["audio"])
	}
	if _, _, ok := element(html, "f-audio-msg"); !ok {
		t.Error("no message element beside the box")
	}
	// Sora 2 makes audio, but its price with it is not published: the
	// box says that, not that it cannot have audio, and names the model
	// and the box plainly (it read "Kling 3.0 Standard (silent)'s price
	// with native audio is not published; untick it."). Gen-4 Turbo's
	// sources do not say whether it makes audio: it is not said to be
	// silent ("cannot add native audio"), nor priced as if it were.
	for link, want := range map[string]string{
		"/#profile=runway&plan=standard&model=gen-4-turbo&res=720p&dur=10&audio=1":      "Whether Gen-4 Turbo makes native audio is not stated by its source; untick the Native audio box.",
		"/#profile=sora-api&model=sora-2&res=720p&dur=8&audio=1":                        "The price of Sora 2 with native audio is not published; untick the Native audio box.",
		"/#profile=kling&plan=standard&model=kling-3-0-standard&res=720p&dur=5&audio=1": "The price of Kling 3.0 Standard (silent) with native audio is not published; untick the Native audio box.",
	} {
		c, _ = loadCalculator(t, link)
		if c.current || c.errs["audio"] != want {
			t.Errorf("%s: current %v, message %q, want %q", link, c.current, c.errs["audio"], want)
		}
	}
	c, _ = loadCalculator(t, "/#profile=veo-api&model=veo-3&res=720p&dur=8&audio=maybe")
	if !strings.HasPrefix(c.errs["audio"], "Native audio “maybe” is not in the list") {
		t.Errorf("audio=maybe: message %q", c.errs["audio"])
	}
	c, html = loadCalculator(t, "/#profile=runway&plan=standard&model=gen-4-turbo&res=720p&dur=10")
	if _, _, ok := element(html, "f-audio"); ok || c.linkValues().Has("audio") {
		t.Error("Gen-4 Turbo offers a box for audio it cannot add")
	}
	// Picked away from a model with audio ticked: to another platform, the
	// box goes (it stopped every result with "cannot add native audio");
	// to a model that includes audio, it is still asked for, and goes at
	// a model without any.
	c, _ = loadCalculator(t, "/#profile=veo-api&model=veo-3&res=720p&dur=8&audio=1")
	for _, pick := range []struct{ key, value, audio string }{
		{"model", "veo-3-1", "1"}, {"model", "veo-2", ""}, {"model", "veo-3", ""},
	} {
		c.pick(pick.key, pick.value)
		c.compute()
		if c.values["audio"] != pick.audio || !c.current {
			t.Errorf("after picking %s %s: audio %q (want %q), current %v %v", pick.key, pick.value, c.values["audio"], pick.audio, c.current, c.errs)
		}
	}
	c, _ = loadCalculator(t, "/#profile=veo-api&model=veo-3&res=720p&dur=8&audio=1")
	c.pick("profile", "runway")
	c.compute()
	if c.values["audio"] != "" || !c.current {
		t.Errorf("Runway after Veo 3 with audio: audio %q, current %v %v", c.values["audio"], c.current, c.errs)
	}

	// Luma's Ray 2 prices its audio at nothing: no box for it ("+ 0 credits"),
	// and asked for by a link, it changes nothing.
	c, html = loadCalculator(t, "/#profile=luma&plan=plus&model=ray-2&res=720p&dur=5")
	if _, _, ok := element(html, "f-audio"); ok {
		t.Error("Ray 2 offers a box for audio that costs nothing")
	}
	c, _ = loadCalculator(t, "/#profile=luma&plan=plus&model=ray-2&res=720p&dur=5&audio=1")
	if !c.current || c.errs["audio"] != "" {
		t.Errorf("Ray 2 with audio: current %v %v", c.current, c.errs)
	}

	// Veo 3.1 includes its audio: asked for, it costs the same.
	_, without := loadCalculator(t, "/#profile=veo-api&model=veo-3-1&res=720p&dur=8")
	c, with := loadCalculator(t, "/#profile=veo-api&model=veo-3-1&res=720p&dur=8&audio=1")
	if !c.current || value(t, with, "cost-per-clip") != value(t, without, "cost-per-clip") {
		t.Errorf("Veo 3.1 with audio: current %v (%v), %s a clip, %s without", c.current, c.errs,
			value(t, with, "cost-per-clip"), value(t, without, "cost-per-clip"))
	}
}

// TestCalculatorPlanCredits: a total that needs more credits than the
// plan gives in a month says so: it is at the plan's price per credit,
// without the top-ups or the larger plan those clips need.
func TestCalculatorPlanCredits(t *testing.T) {
	for _, tt := range []struct{ link, note string }{
		// Kling Pro: 3,000 credits; 2.6 Standard, 10 s: 100 credits × 2 × 20 = 4,000.
		{"/#profile=kling&plan=pro&model=kling-2-6-standard&res=720p&dur=10&takes=2&clips=20",
			"These clips take 4,000 credits, and Pro gives 3,000 a month: the total is at its price per credit"},
		{"/#profile=kling&plan=pro&model=kling-2-6-standard&res=720p&dur=10&takes=2&clips=15", ""},
		// $30 for 3,000 credits, 50 a clip: 100 clips take 5,000.
		{"/#price=30&credits=3000&clip=50&dur=5&clips=100", "These clips take 5,000 credits, and the plan gives 3,000 a month"},
		{"/#price=30&credits=3000&clip=50&dur=5&clips=60", ""},
		// A price per credit typed: no month to fill.
		{"/#ppc=0.01&clip=50&dur=5&clips=100", ""},
	} {
		c, html := loadCalculator(t, tt.link)
		if !c.current {
			t.Fatalf("%s: not current: %v", tt.link, c.errs)
		}
		if !strings.HasPrefix(c.note, tt.note) || (tt.note == "") != (c.note == "") {
			t.Errorf("%s: note %q, want %q…", tt.link, c.note, tt.note)
		}
		if tt.note != "" && !strings.Contains(html, htmlEscape(tt.note)) {
			t.Errorf("%s: the note is not on the page", tt.link)
		}
		// A platform's clips link to /plan as a month's row, which prices
		// them there.
		if strings.Contains(tt.link, "profile=") && tt.note != "" {
			u := mustURL(t, c.plan)
			p := openPlanner(t, u.EscapedFragment())
			if u.Path != "/plan" || len(p.rows) != 1 || p.rows[0].Count != "20" || p.rows[0].Takes != "2" || !p.current {
				t.Errorf("%s: the note's /plan link %q plans %+v (current %v %v)", tt.link, c.plan, p.rows, p.current, p.errs)
			}
			if !strings.Contains(html, `href="`+c.plan+`"`) { // HTMLString leaves "&" as it is
				t.Errorf("%s: no link to %s on the page", tt.link, c.plan)
			}
			// /plan marks the platform's month as the person's, and says
			// where it stands (it lost the platform and model).
			yours := 0
			for _, l := range p.results {
				if l.Yours {
					yours++
					if l.ID != "kling" {
						t.Errorf("%s: /plan marks %s as yours", tt.link, l.ID)
					}
				}
			}
			if yours != 1 || !strings.HasPrefix(p.yours, "Your platform, Kling AI (app), ") || len(p.errs) != 0 {
				t.Errorf("%s: /plan marks %d rows as yours and says %q (%v)", tt.link, yours, p.yours, p.errs)
			}
		}
	}
}

// TestCalculatorPlanLink: whenever a calculation on a platform of the
// catalog is current, the links under the results take its clips to /plan
// as a month's row, beside the link to /compare: one clip as well as more
// than the plan's month.
// Before, the link was in the note, only when the clips took more credits
// than the plan's month. Typed numbers have no platform to plan; a bad
// field leaves no link to a calculation that is not current.
func TestCalculatorPlanLink(t *testing.T) {
	links := regexp.MustCompile(`(?s)<p class="calc-links">(.*?)</p>`)
	for _, tt := range []struct{ link, want string }{
		{"/#profile=runway&plan=standard&model=gen-4-turbo&res=720p&dur=5",
			"/plan#mix=clips:1:5:720p:fast:1&platform=runway&model=gen-4-turbo"},
		{"/#profile=kling&plan=pro&model=kling-2-6-standard&res=720p&dur=10",
			"/plan#mix=clips:1:10:720p:standard:1&platform=kling&model=kling-2-6-standard"},
		{"/#profile=kling&plan=pro&model=kling-2-6-standard&res=720p&dur=10&takes=2&clips=20",
			"/plan#mix=clips:20:10:720p:standard:2&platform=kling&model=kling-2-6-standard"},
		{"", ""}, // the page as it opens: typed numbers
		{"/#price=30&credits=3000&clip=50&dur=5", ""},
		{"/#profile=kling&plan=pro&model=kling-2-6-standard&res=720p&dur=abc", ""},
		{"/#profile=kling&plan=pro&model=kling-2-6-standard&res=720p&dur=10&clips=1.5", ""},
	} {
		c, html := loadCalculator(t, tt.link)
		if c.plan != tt.want || c.current != (tt.want != "" || !strings.Contains(tt.link, "profile=")) {
			t.Errorf("%q: link to /plan %q (current %v %v), want %q", tt.link, c.plan, c.current, c.errs, tt.want)
		}
		m := links.FindStringSubmatch(html)
		if m == nil {
			t.Fatalf("%q: no links under the results", tt.link)
		}
		a := `href="` + tt.want + `">Price the month on the Plan page</a>`
		if got := strings.Contains(m[1], a); got != (tt.want != "") || strings.Count(html, "Price the month on the Plan page") != strings.Count(m[1], "Price the month on the Plan page") {
			t.Errorf("%q: the links under the results are %s, want the link to %q: %v", tt.link, m[1], tt.want, tt.want != "")
		}
	}
}

// TestCalculatorSavedPlan: with a plan saved under /log's My plans, the
// calculator starts from it (it started from the platform's first plan,
// and priced the same clip unlike /log); a link's plan still wins, and a
// price of one's own or a plan no longer sold leaves the default.
func TestCalculatorSavedPlan(t *testing.T) {
	s := cliplog.NewMemStore()
	useStore(t, s)
	l, _, err := cliplog.Open(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, mp := range []cliplog.MyPlan{
		{ProfileID: "runway", PlanID: "pro", Billing: cliplog.Yearly},
		{ProfileID: "pika", Price: pricing.NewMoney(decimal.NewFromInt(10), pricing.USD), Credits: decimal.NewFromInt(1000)},
	} {
		if err := l.SetPlan(mp); err != nil {
			t.Fatal(err)
		}
	}
	s.Put(cliplog.PlanKey("kling"), `{"profile_id":"kling","plan_id":"gone"}`)
	s.Put(cliplog.PlanKey("luma"), `{"profile_id":"luma","plan_id":"lite","billing":"yearly"}`) // Lite: monthly only
	for _, tt := range []struct{ link, plan, billing string }{
		{"/#profile=runway&model=gen-4-turbo&res=720p&dur=10", "pro", "yearly"},
		{"/#profile=runway&plan=standard&model=gen-4-turbo&res=720p&dur=10", "standard", "monthly"},
		{"/#profile=pika", "starter", "monthly"},
		{"/#profile=kling", "standard", "monthly"},
		{"/#profile=luma", "lite", "monthly"}, // its saved yearly is not sold: no message on opening
	} {
		c, _ := loadCalculator(t, tt.link)
		if c.values["plan"] != tt.plan || cmp.Or(c.values["billing"], "monthly") != tt.billing || !c.current {
			t.Errorf("%s: plan %q billing %q (current %v %v), want %q %q", tt.link, c.values["plan"], c.values["billing"], c.current, c.errs, tt.plan, tt.billing)
		}
	}
	// Picked from a platform billed yearly, Runway comes with its saved
	// plan and that plan's billing, not the yearly left over.
	s.Put(cliplog.PlanKey("runway"), `{"profile_id":"runway","plan_id":"pro"}`)
	c, _ := loadCalculator(t, "/#profile=pika&billing=yearly")
	c.pick("profile", "runway")
	if c.values["plan"] != "pro" || c.values["billing"] == string(pricing.LensYearly) {
		t.Errorf("Runway after a yearly Pika: plan %q billing %q, want pro monthly", c.values["plan"], c.values["billing"])
	}
}

// TestCalculatorLinksKeepBillingAndCurrency: the calculator's links to
// /compare and /plan open them billed and shown as the calculation is.
// Before, a calculation in euros opened /compare in dollars, and Runway's
// Standard billed yearly sent its clips to /plan billed monthly.
func TestCalculatorLinksKeepBillingAndCurrency(t *testing.T) {
	s := cliplog.NewMemStore()
	useStore(t, s)
	euro := cloneProfile(catalogProfile(t, "runway"), never) // runway-custom
	euro.Currency = pricing.EUR
	if err := saveCustom(s, euro, ""); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ link, compare, plan string }{
		{"/#cur=EUR&price=30&credits=3000&clip=50&dur=5", "/compare#dur=5&cur=EUR", ""},
		{"/#cur=GBP&price=30&credits=3000&clip=50&dur=5", "/compare#dur=5", ""}, // no pounds on /compare
		{"/#profile=runway&plan=standard&billing=yearly&model=gen-4-turbo&res=720p&dur=10&clips=100",
			"/compare#dur=10&res=720p&tier=fast&billing=yearly",
			"/plan#mix=clips:100:10:720p:fast:1&billing=yearly&platform=runway&model=gen-4-turbo"},
		{"/#profile=runway-custom&plan=standard&model=gen-4-turbo&res=720p&dur=10&clips=100",
			"/compare#dur=10&res=720p&tier=fast&cur=EUR",
			"/plan#mix=clips:100:10:720p:fast:1&cur=EUR&platform=runway-custom&model=gen-4-turbo"},
	} {
		c, _ := loadCalculator(t, tt.link)
		if !c.current || c.compare != tt.compare || c.plan != tt.plan {
			t.Errorf("%s: links %q and %q (current %v %v), want %q and %q", tt.link, c.compare, c.plan, c.current, c.errs, tt.compare, tt.plan)
		}
	}
	cmp, _ := loadCompare(t, "/compare#dur=5&cur=EUR")
	if cmp.table.Currency != pricing.EUR || len(cmp.table.Rows) == 0 {
		t.Errorf("/compare#dur=5&cur=EUR ranks in %s (%d rows)", cmp.table.Currency, len(cmp.table.Rows))
	}
	p := openPlanner(t, "mix=clips:100:10:720p:fast:1&billing=yearly")
	for _, l := range p.results {
		if l.ID == "runway" && !strings.Contains(l.Way, "billed yearly") {
			t.Errorf("/plan's Runway month billed yearly: %q", l.Way)
		}
	}
}

// TestTakesFractionHint: generations per kept clip typed as a clip log's
// counts ("7/3", as links from a log carry them) show the figure they
// stand for beside the field, on a device without the log as well.
func TestTakesFractionHint(t *testing.T) {
	saved := measured
	measured.done, measured.rs = true, nil
	t.Cleanup(func() { measured = saved })
	for _, c := range []struct {
		name, html, want string
	}{
		{"calculator 7/3", second(loadCalculator(t, "/#price=30&credits=3000&clip=50&dur=5&takes=7/3")), "~2.33 tries for each clip you keep"},
		{"calculator 1.5", second(loadCalculator(t, "/#price=30&credits=3000&clip=50&dur=5&takes=1.5")), "tries for each clip you keep"},
		{"calculator 7/0", second(loadCalculator(t, "/#price=30&credits=3000&clip=50&dur=5&takes=7/0")), "tries for each clip you keep"},
		{"compare 11/6", second(loadCompare(t, "/compare#dur=5&takes=11/6")), "~1.83"},
		{"compare 2", second(loadCompare(t, "/compare#dur=5&takes=2")), ""},
	} {
		if _, got, ok := element(c.html, "f-takes-hint"); !ok || got != c.want {
			t.Errorf("%s: the hint is %q (found %v), want %q", c.name, got, ok, c.want)
		}
	}
}

func second[A, B any](_ A, b B) B { return b }

// TestCalculatorTotalInCents: the total, money a person pays, shows cents;
// the price per clip it comes of keeps the places a rate needs, and the
// exact figure stays in data-value. $35 ÷ 2,250 credits × 50 = $0.7778.
func TestCalculatorTotalInCents(t *testing.T) {
	c, html := loadCalculator(t, "/#price=35&credits=2250&clip=50&dur=5")
	if !c.current {
		t.Fatalf("not current: %v", c.errs)
	}
	checkResults(t, html, []wantResult{
		{idCostPerClip, "0.7777777777777778", "$0.7778"},
		{idCostPerKept, "0.7777777777777778", "$0.7778"},
		{idTotal, "0.7777777777777778", "$0.78"},
	})
	if want := "Cost per kept clip $0.7778; total for 1 kept clip $0.78."; c.summary != want {
		t.Errorf("summary %q, want %q", c.summary, want)
	}
	for _, r := range c.rows {
		if r.ID == idTotal && !strings.HasSuffix(r.Working, " = $0.78") {
			t.Errorf("the total's working %q does not end in its cents", r.Working)
		}
	}
}

// TestCalculatorMonthBuys: under the cost per clip, how many clips of the
// shot a month of the plan buys (and keeps, at more than one generation
// each), its units singular for one; nothing without a month's credits.
func TestCalculatorMonthBuys(t *testing.T) {
	for _, tt := range []struct{ link, want string }{
		// Runway Standard: 625 credits; Gen-4 Turbo, 10 s: 50 credits.
		{"/#profile=runway&plan=standard&model=gen-4-turbo&res=720p&dur=10",
			"Standard plan: 625 credits a month buy 12 clips of this shot."},
		{"/#profile=runway&plan=standard&model=gen-4-turbo&res=720p&dur=10&takes=1.5",
			"Standard plan: 625 credits a month buy 12 clips of this shot (8 kept, at 1.5 generations per kept clip)."},
		{"/#price=30&credits=3000&clip=50&dur=5", "The plan: 3,000 credits a month buy 60 clips of this shot."},
		{"/#price=30&credits=3000&clip=50&dur=5&takes=7/3",
			"The plan: 3,000 credits a month buy 60 clips of this shot (25 kept, at ~2.33 generations per kept clip)."},
		{"/#price=5&credits=50&clip=50&dur=5", "The plan: 50 credits a month buy 1 clip of this shot."},
		{"/#price=5&credits=1&clip=50&dur=5", "The plan: 1 credit a month buys no clip of this shot: one takes 50 credits."},
		// No month: a price per credit typed, an API.
		{"/#ppc=0.01&clip=50&dur=5", ""},
		{"/#profile=runway-api&model=gen-4-turbo&res=720p&dur=10", ""},
	} {
		c, html := loadCalculator(t, tt.link)
		if !c.current {
			t.Fatalf("%s: not current: %v", tt.link, c.errs)
		}
		_, got, ok := element(html, idCostPerClip+"-month")
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("%s: %q (shown %v), want %q", tt.link, got, ok, tt.want)
		}
	}
}

// TestUnknownHintReads: what a platform's sources do not tell reads as
// one list after "Not published:": an item of its own "Label: …" read
// "Not published: Max plan: whether it still includes …".
func TestUnknownHintReads(t *testing.T) {
	ps, err := pricing.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if h := unknownHint(p); h != "" && strings.Count(h, ": ") != 1 {
			t.Errorf("%s: %q", p.ID, h)
		}
	}
	const want = "Not published: whether the Max plan still includes unlimited Explore Mode (relaxed) generations, " +
		"as the older Unlimited plan did; Enterprise prices and credits."
	if got := unknownHint(catalogProfile(t, "runway")); got != want {
		t.Errorf("Runway: %q, want %q", got, want)
	}
}

// TestCalculatorPlanPriceBilled: the plan picker gives each plan's price
// a month as the billing picked bills it. Billed yearly, Runway's Standard
// read "Standard — $15.00/mo" above a working of "$12 a month billed
// yearly ÷ 625 credits"; Higgsfield's Starter, sold yearly only, shows its
// price billed yearly and none billed monthly; a plan with no yearly
// price (Kling's) keeps its monthly one. /log's My plans says the same.
func TestCalculatorPlanPriceBilled(t *testing.T) {
	tests := []struct{ link, plan, want string }{
		{"/#profile=runway&plan=standard&billing=monthly&model=gen-4-turbo&res=720p&dur=10", "standard", "Standard — $15.00/mo"},
		{"/#profile=runway&plan=standard&billing=yearly&model=gen-4-turbo&res=720p&dur=10", "standard", "Standard — $12.00/mo"},
		{"/#profile=runway&plan=standard&billing=yearly&model=gen-4-turbo&res=720p&dur=10", "max", "Max — $76.00/mo"},
		{"/#profile=higgsfield&plan=plus&billing=yearly", "starter", "Starter — $19.00/mo"},
		{"/#profile=higgsfield&plan=plus&billing=monthly", "starter", "Starter"},
		{"/#profile=kling&plan=standard&billing=yearly", "standard", "Standard — $10.00/mo"},
	}
	for _, tt := range tests {
		c, html := loadCalculator(t, tt.link)
		i := slices.IndexFunc(c.choices.plans, func(ch choice) bool { return ch.Value == tt.plan })
		if i < 0 || c.choices.plans[i].Label != tt.want {
			t.Errorf("%s: plan choices %v, want %s as %q", tt.link, c.choices.plans, tt.plan, tt.want)
		}
		if !strings.Contains(html, ">"+htmlEscape(tt.want)+"</option>") {
			t.Errorf("%s: the page does not offer %q", tt.link, tt.want)
		}
	}
	l := newClipLog()
	l.values = map[string]string{"plan_profile": "runway", "billing": "yearly"}
	l.catalog, _ = pricing.Catalog()
	if got := l.planChoices(); len(got) == 0 || got[0].Label != "Standard — $12.00/mo" {
		t.Errorf("/log's My plans billed yearly: %v", got)
	}
}

// TestCalculatorPacks: Kling's API sells only prepaid packs of units
// (research/pricing.md, pattern 17), so its plan picker lists the packs,
// the smallest first and picked, with no billing (a pack is bought once),
// and prices the clip at the pack picked. Before, a profile with no plan
// said its plan prices were not published.
// Kling 1.6 Pro 5 s: $0.49 ÷ $0.14 = 3.5 units; at Pack 1 $700 ÷ 5,000 =
// $0.14 a unit, $0.49; at Pack 3 $5,670 ÷ 45,000 = $0.126, 3.5 × $0.126 =
// $0.441.
func TestCalculatorPacks(t *testing.T) {
	tests := []struct{ link, plan, hint, perUnit, working, clip string }{
		{"/#profile=kling-api&model=kling-1-6-pro&res=1080p&dur=5", "pack-1", "5,000 units, bought once, valid 180 days.",
			"0.14", "$700 ÷ 5,000 units = $0.14 per unit", "0.49"},
		{"/#profile=kling-api&plan=pack-3&model=kling-1-6-pro&res=1080p&dur=5", "pack-3", "45,000 units, bought once, valid 180 days.",
			"0.126", "$5,670 ÷ 45,000 units = $0.126 per unit", "0.441"},
	}
	for _, tt := range tests {
		c, html := loadCalculator(t, tt.link)
		if !c.current {
			t.Errorf("%s: not current: %v %q", tt.link, c.errs, c.general)
			continue
		}
		var labels []string
		for _, ch := range c.choices.plans {
			labels = append(labels, ch.Label)
		}
		if want := []string{"Pack 1 — $700.00", "Pack 2 — $2,100.00", "Pack 3 — $5,670.00", "Pack 4 — $7,560.00"}; !slices.Equal(labels, want) {
			t.Errorf("%s: plan picker %q, want %q", tt.link, labels, want)
		}
		if c.values["plan"] != tt.plan || c.choices.planHint != tt.hint {
			t.Errorf("%s: plan %q, hint %q; want %q, %q", tt.link, c.values["plan"], c.choices.planHint, tt.plan, tt.hint)
		}
		if strings.Contains(html, `name="billing"`) {
			t.Errorf("%s: a billing picker for a pack", tt.link)
		}
		if got := c.resultValue(idPricePerCredit, ""); got != tt.perUnit {
			t.Errorf("%s: price per unit %s, want %s", tt.link, got, tt.perUnit)
		}
		if got := c.resultValue(idCostPerClip, ""); got != tt.clip {
			t.Errorf("%s: cost per clip %s, want %s", tt.link, got, tt.clip)
		}
		if !strings.Contains(html, htmlEscape(tt.working)) {
			t.Errorf("%s: the working does not say %q", tt.link, tt.working)
		}
	}
}

// TestCalculatorPriceSource checks that the calculator says where a
// bundled price comes from and when it was read, with /compare's stale
// mark and words past pricing.StaleDays (runway.json: the Standard plan
// read 2026-10-01 from a secondary source, Gen-4 Turbo's credits
// 2025-04-07 from Runway's own help page), and keeps the stale words in
// place, invisible, where the price is not stale.
func TestCalculatorPriceSource(t *testing.T) {
	link := "/#profile=runway&plan=standard&model=gen-4-turbo&res=720p&dur=10"
	on := func(day string) func(*calculator) { return func(c *calculator) { c.today = day } }
	c, html := loadCalculator(t, link, on("2026-11-29"))
	if !c.current {
		t.Fatalf("not current: %v %q", c.errs, c.general)
	}
	plain := strings.Join(strings.Fields(pageText(html)), " ")
	for _, want := range []string{
		"Plan price: secondary · 2026-10-01 ⚠ possibly stale: the price was read more than 180 days ago.",
		"Credit cost: official · 2025-04-07 ⚠ possibly stale: the price was read more than 180 days ago.",
		"Evidence: official, the platform's own page;",
	} {
		if !strings.Contains(plain, want) {
			t.Errorf("the results do not say %q", want)
		}
	}
	// The plan's price is 59 days old: its words are there, hidden; the
	// model's, 601 days old, shown.
	if n := strings.Count(html, `class="price-stale cmp-stale-off"`); n != 1 {
		t.Errorf("%d hidden stale words, want 1 (the plan's)", n)
	}
	if n := strings.Count(html, `class="price-stale"`); n != 1 {
		t.Errorf("%d shown stale words, want 1 (the model's)", n)
	}
	// A day past 180 days after 2026-10-01, the plan's price is stale too.
	_, html = loadCalculator(t, link, on("2027-03-31"))
	if n := strings.Count(html, `class="price-stale"`); n != 2 {
		t.Errorf("on 2027-03-31: %d shown stale words, want 2", n)
	}
}
