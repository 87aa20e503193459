package app

import (
	"net/url"
	"reflect"
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

// loadCompare mounts a compare page opened at link ("" for the plain page)
// in a test engine and returns it with its HTML. It runs without a clip
// log: no measured generations per kept clip (logstore.go) change the
// default.
func loadCompare(t *testing.T, link string, setup ...func(*compare)) (*compare, string) {
	t.Helper()
	saved := measured
	measured.done, measured.rs = true, nil
	t.Cleanup(func() { measured = saved })
	c := newCompare()
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

// withFixture ranks on compareProfiles (export_test.go), on 2026-11-25.
func withFixture(c *compare) {
	c.catalog, c.catDone = compareProfiles(), true
	c.units = map[string]string{"gamma": "tokens"}
	c.today = "2026-11-25"
}

// rankedRow is a row of the ranking table as the HTML shows it.
type rankedRow struct{ model, cost string }

var rowRe = regexp.MustCompile(`<tr [^>]*class="cmp-row"[^>]*>`)

// rankedRows reads the ranking table's rows from the page's HTML, in order.
func rankedRows(t *testing.T, html string) []rankedRow {
	t.Helper()
	var rows []rankedRow
	for _, tag := range rowRe.FindAllString(html, -1) {
		m, _ := attr(tag, "data-model")
		v, _ := attr(tag, "data-cost-per-second")
		rows = append(rows, rankedRow{m, v})
	}
	return rows
}

func checkRows(t *testing.T, what, html string, want []rankedRow) {
	t.Helper()
	got := rankedRows(t, html)
	if len(got) < len(want) {
		t.Fatalf("%s: %d rows %v, want at least %d: %v", what, len(got), got, len(want), want)
	}
	if !reflect.DeepEqual(got[:len(want)], want) {
		t.Errorf("%s: rows start %v\nwant %v", what, got[:len(want)], want)
	}
}

// The catalog's rankings below are worked out by hand from
// pricing/catalog/*.json (DivisionScale 16 on every division):
//
//   - 5 s 720p, any tier, cheapest (the default): the four of the fast
//     ranking below, then Krea's API Kling 1.0 Standard at $0.0221 a second.
//   - 10 s 1080p, any tier, monthly: Luma's cheapest monthly credit is Ultra,
//     $300 ÷ 150,000 = $0.002; Ray2 Flash 130 credits = $0.26 a clip, $0.026 a
//     second; Ray2 340 credits = $0.068 a second; Kling's is Ultra, $180 ÷
//     26,000; Kling 3.0 Pro 12 credits/s × 10 s = 120 credits: $180 × 120 ÷
//     26,000 = $0.8307692307692308, $0.0830769230769231 a second (one
//     division: the engine multiplies first); Kling 2.6 Pro 200 credits =
//     $0.1384615384615385 a second; Ray 3.2 80 credits/s = 800 credits =
//     $0.16 a second.
//   - 5 s 720p, fast, cheapest: Pika Starter yearly $8 ÷ 900 =
//     $0.0088888888888889 × 10 credits ÷ 5 s = $0.0177777777777778; Luma Ultra
//     yearly $250 × 55 credits ÷ (150,000 × 5 s) = $0.0183333333333333 (it
//     was …337 when the price of a credit was rounded first); Google AI Ultra
//     $249.99 ÷ 25,000 = $0.0099996 × 10 credits (an 8 s clip) ÷ 5 s =
//     $0.0199992 for Veo 2 Fast and Veo 3.1 Fast alike, in model id order.
var (
	defaultRanking = []rankedRow{
		{"pika/pika-2-5-turbo", "0.0177777777777778"},
		{"luma/ray-2-flash", "0.0183333333333333"},
		{"google-flow/veo-2-fast", "0.0199992"},
		{"google-flow/veo-3-1-fast", "0.0199992"},
		{"krea-api/kling-1-standard", "0.0221"},
	}
	monthly1080 = []rankedRow{
		{"luma/ray-2-flash", "0.026"},
		{"luma/ray-2", "0.068"},
		{"kling/kling-3-0-pro", "0.0830769230769231"},
		{"kling/kling-2-6-pro", "0.1384615384615385"},
		{"luma/ray-3-2", "0.16"},
	}
	fastRanking = []rankedRow{
		{"pika/pika-2-5-turbo", "0.0177777777777778"},
		{"luma/ray-2-flash", "0.0183333333333333"},
		{"google-flow/veo-2-fast", "0.0199992"},
		{"google-flow/veo-3-1-fast", "0.0199992"},
	}
)

func TestCompareDefault(t *testing.T) {
	c, html := loadCompare(t, "")
	if !c.current {
		t.Fatalf("not current: %v %q", c.errs, c.general)
	}
	checkRows(t, "the standard shot", html, defaultRanking)
	checkClean(t, html)
	if want := "72 models can make this shot (billing: cheapest available). Cheapest: Pika 2.5 Turbo on Pika (app), $0.0178 per kept second, Starter (billed yearly)."; c.status != want {
		t.Errorf("status %q, want %q", c.status, want)
	}
	if c.seen != "" {
		t.Errorf("default state reads as link %q, want none", c.seen)
	}
	// The chart's text for screen readers names the ends of the ranking
	// without parentheses inside parentheses.
	if !strings.Contains(c.chart.Desc, ": from $0.0178, Pika 2.5 Turbo on Pika (app), to $0.046, ") || nesting(c.chart.Desc) > 1 {
		t.Errorf("chart description %q", c.chart.Desc)
	}
	// Prerendered: judged against the catalog's newest date, not the clock.
	ps, err := pricing.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	if c.today != catalogDate(ps) || c.today == "" {
		t.Errorf("today = %q, want the catalog's date %q", c.today, catalogDate(ps))
	}
	if err := app.Match(el("main").ID("main").Class("page cmp-page"), c, 0); err != nil {
		t.Error(err)
	}
	// The fields carry their link keys as names and show the standard shot.
	for key, want := range map[string]string{"dur": "5", "takes": "1"} {
		tag, _, ok := element(html, fieldID(key))
		if !ok {
			t.Fatalf("no field %s", key)
		}
		if name, _ := attr(tag, "name"); name != key {
			t.Errorf("field %s has name %q", key, name)
		}
		if v, _ := attr(tag, "value"); v != want {
			t.Errorf("field %s shows %q, want %q", key, v, want)
		}
	}
	for _, name := range []string{"res", "tier", "billing", "audio", "upscale", "platforms", "cur", "rate"} {
		if !strings.Contains(html, `name="`+name+`"`) {
			t.Errorf("no field named %s", name)
		}
	}
	// Rank order by default, said on the rank column.
	if !regexp.MustCompile(`<th [^>]*aria-sort="ascending"[^>]*>\s*<button[^>]*data-sort="rank"`).MatchString(html) {
		t.Error("the rank column is not marked as sorted ascending")
	}
	// One bar per row shown, in rank order.
	checkBars(t, html, rankedRows(t, html))
	// Models that cannot make the shot, with why.
	if text := strings.Join(strings.Fields(pageText(html)), " "); !strings.Contains(text, "720p not offered (1080p) — ") || !regexp.MustCompile(`Kling AI \(app\): [^<]*Kling 3\.0 Professional \(with audio\)`).MatchString(text) {
		t.Error("the unavailable list lacks Kling 3.0 Pro and its reason")
	}
	// Most of the catalog makes the default shot.
	if n := len(c.table.Rows); n < 60 {
		t.Errorf("the default shot ranks %d models, want most of the catalog", n)
	}
	// The exports are there: the Markdown in the textarea, the CSV as a
	// download.
	if !strings.Contains(html, "### AI video cost per kept second: 5 s at 720p, any tier") {
		t.Error("no Markdown in the page")
	}
	tag, _, ok := element(html, "download-csv")
	if !ok {
		t.Fatal("no CSV download")
	}
	if href, _ := attr(tag, "href"); !strings.HasPrefix(href, "data:text/csv;charset=utf-8,") {
		t.Errorf("CSV href = %.60q", href)
	}
	if name, _ := attr(tag, "download"); name != "aivc-compare-5s-720p-any-"+c.today+".csv" {
		t.Errorf("CSV download name = %q", name)
	}
	// The cheapest row links to the calculator with its plan and the shot.
	if want := "/#profile=pika&plan=starter&billing=yearly&model=pika-2-5-turbo&res=720p&dur=5"; c.calcHref != want || c.links[0] != want {
		t.Errorf("calculator link = %q, row link %q, want %q", c.calcHref, c.links[0], want)
	}
}

// checkBars checks that the chart draws one bar per row, in their order.
func checkBars(t *testing.T, html string, rows []rankedRow) {
	t.Helper()
	bars := regexp.MustCompile(`<g [^>]*data-key="([^"]*)"`).FindAllStringSubmatch(html, -1)
	if len(bars) != len(rows) {
		t.Errorf("%d bars for %d rows", len(bars), len(rows))
	}
	for i, b := range bars {
		if i < len(rows) && b[1] != rows[i].model {
			t.Errorf("bar %d is %s, row %d is %s", i+1, b[1], i+1, rows[i].model)
		}
	}
}

// TestCompareShowAll: the table and the chart show the 20 cheapest models
// until the button after the table asks for all, and go back on a second
// press. A sort orders every model, and shows the first 20 of that order.
func TestCompareShowAll(t *testing.T) {
	c, html := loadCompare(t, "")
	n := len(c.table.Rows)
	if n <= rankShown {
		t.Fatalf("the default shot ranks %d models, no more than the %d shown", n, rankShown)
	}
	more := regexp.MustCompile(`<button [^>]*id="cmp-more"[^>]*>([^<]*)</button>`)
	check := func(what string, rows int, label, expanded string) {
		t.Helper()
		html = app.HTMLString(c.Render())
		got := rankedRows(t, html)
		if len(got) != rows {
			t.Errorf("%s: %d rows shown, want %d", what, len(got), rows)
		}
		if c.sortKey == "rank" {
			checkBars(t, html, got)
		}
		m := more.FindStringSubmatch(html)
		if m == nil {
			t.Fatalf("%s: no button to show all", what)
		}
		if m[1] != label {
			t.Errorf("%s: button says %q, want %q", what, m[1], label)
		}
		// go-app writes "true" bare; the build gives it back (internal/site).
		if e, ok := attr(m[0], "aria-expanded"); !ok || e != expanded && (expanded != "true" || e != "") {
			t.Errorf("%s: aria-expanded = %q, want %q", what, e, expanded)
		}
	}
	all := "Show all " + strconv.Itoa(n) + " models"
	check("at first", rankShown, all, "false")
	if !strings.Contains(html, "The first 20 of "+strconv.Itoa(n)+" are shown") {
		t.Error("the table's caption does not say that only the first 20 are shown")
	}
	if !strings.Contains(c.chart.Desc, "the 20 cheapest of "+strconv.Itoa(n)+" models") {
		t.Errorf("chart description %q", c.chart.Desc)
	}

	c.onShowAll(app.Context{}, app.Event{})
	check("after Show all", n, "Show the first 20 only", "true")
	if strings.Contains(html, "are shown; the button") {
		t.Error("the caption still says that only some are shown")
	}
	// Every model, also after the shot changes.
	c.values["takes"] = "2"
	c.compute()
	check("after a change", n, "Show the first 20 only", "true")

	c.onShowAll(app.Context{}, app.Event{})
	check("after Show the first 20", rankShown, all, "false")

	// Sorted by platform, descending: the first 20 of that order.
	c.onSort("platform")(app.Context{}, app.Event{})
	c.onSort("platform")(app.Context{}, app.Event{})
	check("sorted", rankShown, all, "false")
	if got := rankedRows(t, html); c.view[0] == 0 || got[0].model != c.table.Rows[c.view[0]].Key {
		t.Errorf("sorted by platform, descending: first row %s, want %s", got[0].model, c.table.Rows[c.view[0]].Key)
	}

	// No button when every model fits.
	_, html = loadCompare(t, "/compare#dur=10&res=1080p&billing=monthly")
	if more.MatchString(html) {
		t.Error("a Show all button for 5 models")
	}
}

// TestComparePeek: the summary at the end of the form names the cheapest
// model, or says why there is no ranking.
func TestComparePeek(t *testing.T) {
	for _, tt := range []struct{ link, text, class string }{
		{"", "Cheapest of 72: Pika 2.5 Turbo on Pika (app), $0.0178 per kept second.", "results peek"},
		{"/compare#dur=abc", "The ranking is not current. Duration must be a number, like 30 or 1,200.50.", "results peek is-stale"},
		{"/compare#dur=7&platforms=google-flow&res=4k", "No model can make this shot; the list below says why.", "results peek"},
	} {
		_, html := loadCompare(t, tt.link)
		tag, text, ok := element(html, "cmp-peek")
		if !ok {
			t.Fatalf("%s: no summary at the end of the form", tt.link)
		}
		if text != htmlEscape(tt.text) {
			t.Errorf("%s: summary %q, want %q", tt.link, text, tt.text)
		}
		if class, _ := attr(tag, "class"); class != tt.class {
			t.Errorf("%s: summary class %q, want %q", tt.link, class, tt.class)
		}
	}
}

func TestCompareLinks(t *testing.T) {
	tests := []struct {
		name, link string
		want       []rankedRow
		status     string
	}{
		{"the standard shot written out", "/compare#dur=5&res=720p&tier=any&takes=1&billing=cheapest", defaultRanking, "72 models can make this shot (billing: cheapest available)."},
		{"10 s 1080p, monthly", "/compare#dur=10&res=1080p&tier=any&takes=1&billing=monthly", monthly1080, "5 models can make this shot (billing: monthly plan)."},
		// The calculator links the shot without billing: cheapest, so
		// Luma's yearly Ultra (see "yearly").
		{"what the calculator links", "/compare#dur=10&res=1080p", []rankedRow{{"luma/ray-2-flash", "0.0216666666666667"}}, ""},
		{"fast 720p, cheapest", "/compare#dur=5&res=720p&tier=fast&billing=cheapest", fastRanking, "Cheapest: Pika 2.5 Turbo on Pika (app)"},
		{"query string", "/compare?dur=5&res=720p&tier=fast&billing=cheapest", fastRanking, ""},
		// Premium at 1080p, monthly: Kling 3.0 Pro first.
		{"premium", "/compare#dur=10&res=1080p&billing=monthly&tier=premium", []rankedRow{{"kling/kling-3-0-pro", "0.0830769230769231"}, {"kling/kling-2-6-pro", "0.1384615384615385"}}, ""},
		// Two generations per kept clip double the cost per kept second.
		{"retakes", "/compare#dur=10&res=1080p&billing=monthly&takes=2", []rankedRow{{"luma/ray-2-flash", "0.052"}, {"luma/ray-2", "0.136"}}, ""},
		// Yearly: Luma Ultra $250 ÷ 150,000 = $0.0016666666666667 × 130 ÷ 10 s.
		{"yearly", "/compare#dur=10&res=1080p&billing=yearly", []rankedRow{{"luma/ray-2-flash", "0.0216666666666667"}}, ""},
		// The platform filter, by id or platform name.
		{"filtered", "/compare#dur=10&res=1080p&billing=monthly&platforms=kling", []rankedRow{{"kling/kling-3-0-pro", "0.0830769230769231"}, {"kling/kling-2-6-pro", "0.1384615384615385"}}, ""},
		{"filtered, any case", "/compare#dur=10&res=1080p&billing=monthly&platforms=Kling,LUMA", monthly1080, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, html := loadCompare(t, tt.link)
			if !c.current {
				t.Fatalf("not current: %v %q", c.errs, c.general)
			}
			checkRows(t, tt.link, html, tt.want)
			if tt.status != "" && !strings.Contains(c.status, tt.status) {
				t.Errorf("status %q lacks %q", c.status, tt.status)
			}
		})
	}
	c, _ := loadCompare(t, "/compare#dur=10&res=1080p&billing=monthly&platforms=kling")
	for _, l := range c.table.Rows {
		if !strings.HasPrefix(l.Key, "kling/") {
			t.Errorf("filtered on kling, ranked %s", l.Key)
		}
	}
	if !c.checked["kling"] || c.checked["kling-api"] || c.filterSum != "1 of 23 platforms" {
		t.Errorf("checked %v, summary %q", c.checked, c.filterSum)
	}
	// A platform name that is no id picks all its profiles.
	c, _ = loadCompare(t, "/compare#platforms=Google&billing=cheapest&res=720p&dur=8")
	if !c.checked["google-flow"] || !c.checked["veo-api"] || len(c.checked) != 2 {
		t.Errorf("Google: checked %v", c.checked)
	}
	for _, l := range c.table.Rows {
		if !strings.HasPrefix(l.Key, "google-flow/") && !strings.HasPrefix(l.Key, "veo-api/") {
			t.Errorf("filtered on Google, ranked %s", l.Key)
		}
	}
}

func TestCompareLinkValues(t *testing.T) {
	tests := []struct{ link, want string }{
		{"", "dur=5&res=720p&tier=any&takes=1&billing=cheapest"},
		{"/compare#res=1080p", "dur=5&res=1080p&tier=any&takes=1&billing=cheapest"},
		{"/compare#audio=1&upscale=0&cur=USD&platforms=runway,kling", "dur=5&res=720p&tier=any&takes=1&billing=cheapest&audio=1&platforms=runway,kling"},
		{"/compare#cur=EUR&rate=0.9", "dur=5&res=720p&tier=any&takes=1&billing=cheapest&cur=EUR&rate=0.9"},
		// A currency typed by hand in lower case.
		{"/compare#cur=eur&rate=0.9", "dur=5&res=720p&tier=any&takes=1&billing=cheapest&cur=EUR&rate=0.9"},
		// A bad value stays in the link, as typed; other keys are dropped.
		{"/compare#dur=abc&foo=bar", "dur=abc&res=720p&tier=any&takes=1&billing=cheapest"},
	}
	for _, tt := range tests {
		c, _ := loadCompare(t, tt.link)
		if got := formatLinkState(c.linkValues(), compareKeys); got != tt.want {
			t.Errorf("%s: link = %q, want %q", tt.link, got, tt.want)
		}
	}
}

// TestCompareLinkMovedProfile: a link names a profile of one's own by
// its id on the device that made it (platforms=studio), and on this one
// the backup that brought it put it beside another of that id, as
// studio-custom. Absent here, "studio" is named with the copy that the
// filter lists (it said "not in the list; pick one of the choices" of a
// list that holds it); with this device's own Studio, the link ranks it
// and says the copy is beside it (it ranked this device's Studio alone,
// and said nothing).
func TestCompareLinkMovedProfile(t *testing.T) {
	s := cliplog.NewMemStore()
	useStore(t, s)
	theirs := cloneProfile(catalogProfile(t, "runway"), never)
	theirs.ID, theirs.Name, theirs.Platform = "studio-custom", "Studio (2)", "Studio (2)"
	if err := saveCustom(s, theirs, ""); err != nil {
		t.Fatal(err)
	}
	c, html := loadCompare(t, "/compare#platforms=studio,runway")
	want := "Platforms “studio” is not on this device; a profile restored or imported with that id is here as " +
		"“Studio (2) (custom)” (studio-custom): check it to compare it."
	if c.errs["platforms"] != want {
		t.Errorf("a link naming studio, kept here as studio-custom: message\n%q, want\n%q", c.errs["platforms"], want)
	}
	if c.current || len(rankedRows(t, html)) != 0 {
		t.Error("a ranking is shown without the platform the link names")
	}
	if got := c.linkValues().Get("platforms"); got != "studio,runway" {
		t.Errorf("the address's platforms are %q; the link's were studio,runway", got)
	}
	// With another that is not here either, both are named.
	c, _ = loadCompare(t, "/compare#platforms=nope,studio")
	if want := "Platforms “nope” is not in the list; pick one of the choices. " + want; c.errs["platforms"] != want {
		t.Errorf("platforms=nope,studio: message\n%q, want\n%q", c.errs["platforms"], want)
	}

	mine := theirs
	mine.ID, mine.Name, mine.Platform = "studio", "Studio", "Studio"
	if err := saveCustom(s, mine, ""); err != nil {
		t.Fatal(err)
	}
	c, html = loadCompare(t, "/compare#platforms=studio")
	want = "“studio” is Studio (custom) on this device; “Studio (2) (custom)” (studio-custom), restored or imported " +
		"beside it with that id, is not in the link: check it to compare it too."
	if c.platformNote != want || !strings.Contains(html, "f-platforms-note") {
		t.Errorf("a link naming studio, beside studio-custom: note\n%q, want\n%q", c.platformNote, want)
	}
	if !c.current || len(c.table.Rows) == 0 || c.errs["platforms"] != "" {
		t.Errorf("the link's own Studio is not ranked: %v", c.errs)
	}
	// The copy in the link too, or the filter changed since: nothing to say.
	c, _ = loadCompare(t, "/compare#platforms=studio,studio-custom")
	if c.platformNote != "" || !c.checked["studio-custom"] {
		t.Errorf("a link naming both: note %q", c.platformNote)
	}
	c, _ = loadCompare(t, "/compare#platforms=studio")
	c.values["platforms"] = "studio,runway"
	c.compute()
	if c.platformNote != "" {
		t.Errorf("the filter changed since the link: note %q", c.platformNote)
	}
}

func TestCompareBadValues(t *testing.T) {
	tests := []struct{ link, key, want string }{
		{"/compare#dur=abc", "dur", "Duration must be a number"},
		{"/compare#dur=0", "dur", "Duration must be more than 0"},
		{"/compare#dur=-5", "dur", "Duration cannot be negative"},
		{"/compare#res=8k", "res", "Resolution “8k” is not in the list"},
		{"/compare#tier=ultra", "tier", "Tier “ultra” is not in the list"},
		{"/compare#takes=0.5", "takes", "Generations per kept clip must be 1 or more: keeping 1 clip in 3 is 3."},
		{"/compare#takes=1000000", "takes", "Generations per kept clip must be at most 1,000."},
		{"/compare#billing=weekly", "billing", "Billing “weekly” is not in the list"},
		{"/compare#audio=maybe", "audio", "Native audio “maybe” is not in the list"},
		{"/compare#platforms=nope,runway", "platforms", "Platforms “nope” is not in the list"},
		{"/compare#platforms=none", "platforms", "Pick at least one platform."},
		{"/compare#cur=GBP", "cur", "Display currency “GBP” is not in the list"},
		{"/compare#cur=EUR&rate=0", "rate", "Exchange rate must be more than 0"},
		// A number in another unit: "$5" was read as 5 s.
		{"/compare#dur=%245", "dur", "Duration is in seconds, not money: type the number alone."},
		{"/compare#dur=5%20credits", "dur", "Duration is in seconds, not credits: type the number alone."},
		{"/compare#takes=33%25", "takes", "Generations per kept clip is a count, not a percentage: keeping 1 clip in 3 is 3."},
		{"/compare#cur=EUR&rate=5%25", "rate", "Exchange rate is in EUR, not a percentage: type the amount alone."},
		// A rate in another currency: "$0.9" was read as 0.9 euros.
		{"/compare#cur=EUR&rate=%240.9", "rate", "Exchange rate is in EUR (what 1 USD buys), not USD: type the number alone."},
	}
	for _, tt := range tests {
		c, html := loadCompare(t, tt.link)
		if !strings.HasPrefix(c.errs[tt.key], tt.want) {
			t.Errorf("%s: %s message %q, want %q", tt.link, tt.key, c.errs[tt.key], tt.want)
		}
		if c.current || len(rankedRows(t, html)) != 0 {
			t.Errorf("%s: a ranking is shown for a bad value", tt.link)
		}
		if !strings.HasPrefix(c.status, "The ranking is not current.") {
			t.Errorf("%s: status %q", tt.link, c.status)
		}
		// Nothing ranked, the list of who cannot make the shot says nothing
		// (it said every model of the chosen platforms could).
		if gone := app.HTMLString(c.renderGone()); strings.Contains(gone, "can make this shot") || !strings.Contains(gone, " hidden") {
			t.Errorf("%s: the list of who cannot make the shot: %s", tt.link, gone)
		}
		// Nor do the free tiers (they said no ranked platform had free
		// credits for the shot).
		if free := app.HTMLString(c.renderFree()); strings.Contains(free, "free credits that") || !strings.Contains(free, " hidden") {
			t.Errorf("%s: the free tiers: %s", tt.link, free)
		}
		// The message is beside its field.
		if _, text, ok := element(html, fieldMessageID(tt.key)); !ok || !strings.HasPrefix(text, htmlEscape(tt.want)) {
			t.Errorf("%s: message beside %s = %q", tt.link, tt.key, text)
		}
		checkClean(t, html)
	}
}

func TestCompareCurrency(t *testing.T) {
	// In euros at 1 USD = 0.8 EUR: the fixture's US-dollar rows are
	// converted and marked, the euro profile is not.
	c, html := loadCompare(t, "/compare#dur=10&res=1080p&billing=cheapest&cur=EUR&rate=0.8", withFixture)
	if !c.current {
		t.Fatalf("not current: %v", c.errs)
	}
	checkRows(t, "in euros", html, []rankedRow{{"beta-api/b1", "0.024"}, {"alpha/a-fast", "0.04"}, {"gamma/g1", "0.08"}})
	if got := c.table.Rows[0].Kept; got != "≈€0.024" {
		t.Errorf("converted cost = %q", got)
	}
	if got := c.table.Rows[2].Kept; got != "€0.08" {
		t.Errorf("cost in its own currency = %q", got)
	}
	if note := c.convertedNote(); note != "≈ converted into EUR: 1 USD = 0.8 EUR. The calculator shows each platform in its own currency." {
		t.Errorf("converted note = %q", note)
	}
	if want := "Euros for 1 USD, for the prices marked ≈. Your rate: 1 USD = 0.8 EUR; bundled: " +
		pricing.DefaultRates().Describe(pricing.USD, pricing.EUR); c.rateHint != want {
		t.Errorf("rate hint = %q, want %q", c.rateHint, want)
	}
	// The bundled rate says its date.
	c, _ = loadCompare(t, "/compare#dur=10&res=1080p&billing=cheapest&cur=EUR", withFixture)
	if !strings.Contains(c.rateHint, "rate of "+pricing.DefaultRates().Date) {
		t.Errorf("rate hint = %q", c.rateHint)
	}
	// In dollars, the rate field says what it is for: a new user saw an
	// exchange rate on a page in dollars, and nothing near it said why.
	c, _ = loadCompare(t, "/compare#dur=10&res=1080p&billing=cheapest", withFixture)
	if want := "Euros for 1 USD, for the prices marked ≈. Bundled: "; !strings.HasPrefix(c.rateHint, want) {
		t.Errorf("rate hint in dollars = %q, want it to start %q", c.rateHint, want)
	}
}

func TestCompareFree(t *testing.T) {
	c, _ := loadCompare(t, "/compare#dur=10&res=1080p&billing=cheapest", withFixture)
	want := []freeLine{{
		Key: "alpha/a-fast", Where: "Alpha (app) — A Fast", Credits: "100 credits a month",
		Buys: "20 s of this shot a month", Worth: "$1.00 a month",
	}}
	if !reflect.DeepEqual(c.free, want) {
		t.Errorf("free = %+v\nwant %+v", c.free, want)
	}
	// The catalog: Flow's 50 daily credits make five 8 s clips of Veo 2 Fast
	// (10 credits each) at 720p: 25 s of a 5 s shot, worth 5 × $0.099996.
	c, _ = loadCompare(t, "/compare#dur=5&res=720p&tier=fast&billing=cheapest")
	found := false
	for _, f := range c.free {
		if f.Key == "google-flow/veo-2-fast" {
			found = true
			if f.Credits != "50 AI credits a day" || f.Buys != "25 s of this shot a day" || f.Worth != "$0.50 a day" {
				t.Errorf("Flow's free tier = %+v", f)
			}
		}
	}
	if !found {
		t.Errorf("no free line for Flow: %+v", c.free)
	}
}

func TestCompareUnavailable(t *testing.T) {
	c, html := loadCompare(t, "/compare#dur=10&res=1080p&billing=cheapest", withFixture)
	want := []goneGroup{{Reason: "10 s not offered at 1080p (longest is 5 s)", Count: "1 model", models: 1,
		Places: []gonePlace{{Key: "alpha", Name: "Alpha (app)", Models: "A Short"}}}}
	if !reflect.DeepEqual(c.gone, want) {
		t.Errorf("gone = %+v\nwant %+v", c.gone, want)
	}
	if !strings.Contains(strings.Join(strings.Fields(pageText(html)), " "), "Alpha (app): A Short") || !strings.Contains(html, `<li data-profile="alpha">`) {
		t.Error("the unavailable model is not listed under its platform")
	}
	// A whole profile without a price under the lens.
	c, _ = loadCompare(t, "/compare#dur=10&res=1080p&billing=monthly", withFixture)
	if len(c.gone) < 2 || c.gone[1].Places[0].Key != "beta-api" || c.gone[1].Places[0].Models != "every model" ||
		!strings.Contains(c.gone[1].Reason, "ay-as-you-go") || c.gone[1].Count != "1 platform" {
		t.Errorf("gone = %+v", c.gone)
	}
}

// TestGoneCount: a reason's line names the one platform or model it is
// about, so a person need not open it to learn which.
func TestGoneCount(t *testing.T) {
	type u = pricing.Unavailable
	beta := u{ProfileID: "beta-api", ProfileName: "Beta (API)", Reason: "no price published"}
	short := u{ProfileID: "alpha", ProfileName: "Alpha (app)", ModelID: "a-short", ModelName: "A Short", Reason: "too long"}
	fast := u{ProfileID: "alpha", ProfileName: "Alpha (app)", ModelID: "a-fast", ModelName: "A Fast", Reason: "too long"}
	gamma := u{ProfileID: "gamma", ProfileName: "Gamma (app)", Reason: "no price published"}
	g1 := u{ProfileID: "gamma", ProfileName: "Gamma (app)", ModelID: "g1", ModelName: "G1", Reason: "too long"}
	for _, tc := range []struct {
		name string
		us   []pricing.Unavailable
		want string
	}{
		{"one platform", []pricing.Unavailable{beta}, "1 platform: Beta (API)"},
		{"one model", []pricing.Unavailable{short}, "1 model: A Short on Alpha (app)"},
		{"two platforms", []pricing.Unavailable{beta, gamma}, "2 platforms"},
		{"two models of a platform", []pricing.Unavailable{short, fast}, "2 models"},
		{"two models of two platforms", []pricing.Unavailable{short, g1}, "2 models"},
	} {
		gs := goneGroups(tc.us)
		if len(gs) != 1 {
			t.Fatalf("%s: %d groups", tc.name, len(gs))
		}
		if got := goneCount(gs[0]); got != tc.want {
			t.Errorf("%s: goneCount = %q, want %q", tc.name, got, tc.want)
		}
	}
	// On the page, in the reason's summary line.
	c, _ := loadCompare(t, "/compare#dur=10&res=1080p&billing=monthly", withFixture)
	html := strings.Join(strings.Fields(pageText(app.HTMLString(c.renderGone()))), " ")
	if !strings.Contains(html, "— 1 platform: Beta (API)") {
		t.Errorf("the one platform a reason is about is not named in its line: %s", html)
	}
}

func TestCompareSort(t *testing.T) {
	c, _ := loadCompare(t, "/compare#dur=10&res=1080p&billing=cheapest", withFixture)
	sorted := func() []string {
		var keys []string
		for _, i := range c.view {
			keys = append(keys, c.table.Rows[i].Key)
		}
		return keys
	}
	if got := sorted(); !reflect.DeepEqual(got, []string{"beta-api/b1", "alpha/a-fast", "gamma/g1"}) {
		t.Errorf("rank order = %v", got)
	}
	c.onSort("platform")(app.Context{}, app.Event{})
	if got := sorted(); !reflect.DeepEqual(got, []string{"alpha/a-fast", "beta-api/b1", "gamma/g1"}) || c.sortDesc {
		t.Errorf("by platform = %v", got)
	}
	c.onSort("platform")(app.Context{}, app.Event{})
	if got := sorted(); !reflect.DeepEqual(got, []string{"gamma/g1", "beta-api/b1", "alpha/a-fast"}) || !c.sortDesc {
		t.Errorf("by platform, descending = %v", got)
	}
	// The header says so; the exports keep rank order.
	html := app.HTMLString(c.Render())
	if !regexp.MustCompile(`<th [^>]*aria-sort="descending"[^>]*>\s*<button[^>]*data-sort="platform"`).MatchString(html) {
		t.Error("the platform column is not marked as sorted descending")
	}
	if strings.Count(html, "aria-sort=") != 1 {
		t.Error("more than one column is marked as sorted")
	}
	if rows := markdownRows(c.markdown); len(rows) != 4 || rows[1][2] != "B1" {
		t.Errorf("Markdown rows after sorting: %v", rows)
	}
	// The rank numbers travel with their rows.
	if got := rankedRows(t, html); len(got) != 3 || got[0].model != "gamma/g1" || !strings.Contains(html, `data-rank="3"`) {
		t.Errorf("rows after sorting = %v", got)
	}
}

// TestCompareSortSaid: each press of a sort button is said in the status
// beside the table (role="status"), in words, and differently from the
// press before, so that a screen reader, which does not read out a
// column's aria-sort changing, hears the new order once. Back in rank
// order it said "Sorted by ."; a rank sort said "highest first" for the
// most expensive first.
func TestCompareSortSaid(t *testing.T) {
	c, _ := loadCompare(t, "/compare#dur=10&res=1080p&billing=cheapest", withFixture)
	status := regexp.MustCompile(`<p [^>]*id="cmp-view-status"[^>]*>([^<]*)</p>`)
	said := func() string {
		m := status.FindStringSubmatch(app.HTMLString(c.Render()))
		if m == nil || !strings.Contains(m[0], `role="status"`) {
			t.Fatalf("no status beside the table: %q", m)
		}
		return m[1]
	}
	want := []struct{ key, said string }{
		{"rank", "Sorted by rank, most expensive first."},
		{"rank", "Sorted by rank, cheapest first."},
		{"platform", "Sorted by platform, A to Z."},
		{"platform", "Sorted by platform, Z to A."},
		{"kept", "Sorted by cost per kept second, lowest first."},
		{"kept", "Sorted by cost per kept second, highest first."},
		{"rank", "Sorted by rank, cheapest first."},
	}
	for i, w := range want {
		c.onSort(w.key)(app.Context{}, app.Event{})
		if got := said(); got != w.said {
			t.Errorf("press %d (%s): the status says %q, want %q", i+1, w.key, got, w.said)
		}
	}
	// Every column, both ways: words, never the same twice in a row.
	last := said()
	for _, col := range rankColumns {
		for range 2 {
			c.onSort(col.Key)(app.Context{}, app.Event{})
			got := said()
			if !regexp.MustCompile(`^Sorted by [a-z×][^.]*, [A-Za-z ]+ first\.$|^Sorted by [a-z×][^.]*, [AZ] to [AZ]\.$`).MatchString(got) || got == last {
				t.Errorf("sorting by %s: the status says %q (before: %q)", col.Key, got, last)
			}
			last = got
		}
	}
}

func TestCompareCalcLinks(t *testing.T) {
	c, _ := loadCompare(t, "/compare#dur=5&res=720p&tier=fast&billing=cheapest&takes=1.5")
	links := map[string]string{}
	for i, l := range c.table.Rows {
		links[l.Key] = c.links[i]
	}
	for key, want := range map[string]string{
		"pika/pika-2-5-turbo":          "/#profile=pika&plan=starter&billing=yearly&model=pika-2-5-turbo&res=720p&dur=5&takes=1.5",
		"google-flow/veo-2-fast":       "/#profile=google-flow&plan=ai-ultra&model=veo-2-fast&res=720p&dur=5&takes=1.5",
		"fal/hailuo-2-3-fast-standard": "/#profile=fal&model=hailuo-2-3-fast-standard&res=720p&dur=5&takes=1.5",
	} {
		if links[key] != want {
			t.Errorf("%s links to %q, want %q", key, links[key], want)
		}
	}
	// Every row's link opens the calculator at the row's cost per clip:
	// plans monthly and yearly, first months, APIs, add-ons (ticked there),
	// and what the calculator has no picker for, packs (their numbers
	// typed). Before, a pack's row linked to the platform's plan ($0.1667 a
	// clip in the ranking, $0.1111 in the calculator), and fal's Veo 3 with
	// audio to the clip without ($2.40, $1.20).
	for _, link := range []string{
		"/compare#dur=5&res=720p&billing=monthly", "/compare#dur=5&res=720p&billing=yearly",
		"/compare#dur=5&res=720p&billing=first", "/compare#dur=5&res=720p&billing=packs",
		"/compare#dur=6&res=720p&audio=1&takes=2", "/compare#dur=5&res=1080p&upscale=1",
	} {
		c, _ := loadCompare(t, link)
		if len(c.table.Rows) == 0 {
			t.Errorf("%s: no rows", link)
		}
		for i, l := range c.table.Rows {
			if want := "/#profile=fal&model=veo-3&res=720p&audio=1&dur=6&takes=2"; l.Key == "fal/veo-3" && strings.Contains(link, "audio") && c.links[i] != want {
				t.Errorf("%s: fal's Veo 3 links to %q, want %q", link, c.links[i], want)
			}
		}
		for i, l := range c.table.Rows {
			calc, html := loadCalculator(t, c.links[i])
			if !calc.current {
				t.Errorf("%s, %s: %s is not current: %v %q", link, l.Key, c.links[i], calc.errs, calc.general)
				continue
			}
			want := l.row.CostPerClip
			if want.Currency != pricing.USD {
				continue // converted for display; the calculator shows the original
			}
			tag, _, _ := element(html, "cost-per-clip")
			if first, _, ok := element(html, "first-cost-per-clip"); ok && l.row.Price.Lens == pricing.LensFirst {
				tag = first // a promotion: the first month, beside the months after it
			}
			v, _ := attr(tag, "data-value")
			if l.row.Price.Lens == pricing.LensPacks {
				// A pack's link carries its price of a credit, rounded at
				// 16 places ($5 ÷ 300 = 0.0166666666666667), where the
				// ranking multiplies first: the two agree to 12 places.
				if d, err := decimal.NewFromString(v); err == nil && d.Round(12).Equal(want.Amount.Round(12)) {
					continue
				}
			}
			if v != pricing.Exact(want.Amount) {
				t.Errorf("%s, %s: the calculator (%s) prices a clip at %s, the ranking at %s", link, l.Key, c.links[i], v, pricing.Exact(want.Amount))
			}
		}
	}

	// No row: the shot alone.
	c, _ = loadCompare(t, "/compare#dur=7&takes=2&platforms=google-flow&res=4k")
	if c.calcHref != "/#dur=7&takes=2" {
		t.Errorf("calculator link without rows = %q", c.calcHref)
	}
}

func TestCompareAddons(t *testing.T) {
	c, html := loadCompare(t, "/compare#dur=5&res=720p&audio=1")
	if !c.current {
		t.Fatalf("not current: %v", c.errs)
	}
	if !c.on["audio"] || c.on["upscale"] {
		t.Errorf("add-ons = %v", c.on)
	}
	if !strings.Contains(c.table.Shot, "with native audio") {
		t.Errorf("shot = %q", c.table.Shot)
	}
	if tag, _, _ := element(html, fieldID("audio")); !strings.Contains(tag, " checked") {
		t.Errorf("audio box = %s", tag)
	}
	if tag, _, _ := element(html, fieldID("upscale")); strings.Contains(tag, "checked") {
		t.Errorf("upscale box = %s", tag)
	}
	// Left out, each with why: Veo 2 makes no audio (pricing.md: "n/a");
	// no source says whether Gen-4 makes any, so it is neither priced as
	// if silent nor said to be silent.
	models := map[string]string{} // "reason|profile": its models
	for _, g := range c.gone {
		for _, p := range g.Places {
			models[g.Reason+"|"+p.Key] = p.Models
		}
	}
	for _, tt := range []struct{ reason, profile, model string }{
		{"No native audio", "veo-api", "Veo 2"},
		{"Native audio not stated by its source", "runway", "Gen-4"},
		{"Native audio not stated by its source", "fal", "Pika 2.2 (text or image to video)"},
	} {
		if !slices.Contains(strings.Split(models[tt.reason+"|"+tt.profile], ", "), tt.model) {
			t.Errorf("%s's %s is not left out for %q: %q", tt.profile, tt.model, tt.reason, models[tt.reason+"|"+tt.profile])
		}
	}
}

func TestCatalogDate(t *testing.T) {
	if got := catalogDate(compareProfiles()); got != "2026-10-01" {
		t.Errorf("catalogDate = %q", got)
	}
	if got := catalogDate(nil); got != "" {
		t.Errorf("catalogDate(nil) = %q", got)
	}
}

func TestFlagValue(t *testing.T) {
	for in, want := range map[string][2]bool{
		"1": {true, true}, "true": {true, true}, "On": {true, true},
		"": {false, true}, "0": {false, true}, "no": {false, true},
		"maybe": {false, false},
	} {
		on, ok := flagValue(in)
		if [2]bool{on, ok} != want {
			t.Errorf("flagValue(%q) = %v, %v", in, on, ok)
		}
	}
}

func TestBarChart(t *testing.T) {
	d := decimal.RequireFromString
	c := newBarChart("c", "Cost", "What it costs.", "Cost per second", []chartBar{
		{Label: "A", Text: "$0.02", Key: "a", Amount: d("0.02"), Mark: true},
		{Label: "B", Text: "$0.08", Key: "b", Amount: d("0.08")},
		{Label: "C", Text: "$0.0001", Key: "c", Amount: d("0.0001")},
		{Label: "Free", Text: "$0.00", Key: "free", Amount: d("0")},
		{Label: strings.Repeat("Long name ", 10), Text: "$0.04", Key: "long", Amount: d("0.04")},
	})
	var widths []string
	for _, b := range c.Bars {
		widths = append(widths, b.width)
	}
	if want := []string{"18.00%", "72.00%", "0.50%", "0.00%", "36.00%"}; !reflect.DeepEqual(widths, want) {
		t.Errorf("widths = %v, want %v", widths, want)
	}
	if got := c.Bars[4].short; len([]rune(got)) > chartLabelRunes || !strings.HasSuffix(got, "…") {
		t.Errorf("long label drawn as %q", got)
	}
	if c.height() != 2*chartPad+5*chartRowHeight {
		t.Errorf("height = %d", c.height())
	}

	e := app.NewTestEngine()
	host := &chartHost{chart: c}
	if err := e.Load(host); err != nil {
		t.Fatal(err)
	}
	html := app.HTMLString(host)
	for _, want := range []string{
		`role="img"`, `aria-labelledby="c-title"`, `aria-describedby="c-desc"`,
		`<title id="c-title">Cost</title>`, `<desc id="c-desc">What it costs.</desc>`,
		`<th scope="row">B</th>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("chart lacks %s", want)
		}
	}
	if !regexp.MustCompile(`<div class="visually-hidden">\s*<table id="c-data">`).MatchString(html) {
		t.Error("chart lacks its text alternative")
	}
	if n := strings.Count(html, `<g `); n != 5 {
		t.Errorf("%d bars, want 5", n)
	}
	if n := strings.Count(html, "chart-bar-mark"); n != 1 {
		t.Errorf("%d marked bars, want 1", n)
	}

	// Nothing but zeros: no division, no bars drawn.
	z := newBarChart("z", "Z", "", "V", []chartBar{{Label: "x", Amount: decimal.Zero}})
	if z.Bars[0].width != "0.00%" {
		t.Errorf("zero chart width = %q", z.Bars[0].width)
	}
}

// chartHost is a component that shows a chart, for tests.
type chartHost struct {
	app.Compo
	chart barChart
}

func (h *chartHost) Render() app.UI { return h.chart.render() }

func TestCompareState(t *testing.T) {
	v := compareState(url.Values{"dur": {"5"}, "price": {"30"}, "platforms": {""}})
	if !reflect.DeepEqual(v, url.Values{"dur": {"5"}}) {
		t.Errorf("compareState = %v", v)
	}
}

// TestCompareViewStatusCurrent: the screen readers' status beside the table
// never names a count of models the table no longer shows. "Showing all 72
// models." stayed after a change left 8 (and after every platform was
// unticked, none).
func TestCompareViewStatusCurrent(t *testing.T) {
	c, _ := loadCompare(t, "")
	c.onShowAll(app.Context{}, app.Event{})
	status := regexp.MustCompile(`<p [^>]*id="cmp-view-status"[^>]*>([^<]*)</p>`)
	html := app.HTMLString(c.Render())
	if m := status.FindStringSubmatch(html); m == nil || m[1] != "Showing all "+strconv.Itoa(len(c.table.Rows))+" models." {
		t.Fatalf("after Show all the status is %q", m)
	}
	c.values["res"], c.values["billing"] = "1080p", "monthly"
	c.compute()
	html = app.HTMLString(c.Render())
	m := status.FindStringSubmatch(html)
	if m == nil {
		t.Fatal("no status beside the table")
	}
	if n := len(rankedRows(t, html)); m[1] != "" && !strings.Contains(m[1], " "+strconv.Itoa(n)+" ") {
		t.Errorf("with %d rows shown, the status says %q", n, m[1])
	}
}

// TestCompareIntroPrice: /compare ranks Google AI Ultra at its regular
// $249.99 a month, as /plan does, and says so where it says how the
// credits are bought, on the page and in the Markdown and CSV; the first
// month's lens ranks it at the intro price and says what follows. The
// ranking's narrow Plan column folds the promotion's words under
// "Promotion" (they made the row 165 px tall); the exports say it whole.
func TestCompareIntroPrice(t *testing.T) {
	tests := []struct{ billing, want, short, fold string }{
		{"cheapest", "Google AI Ultra (billed monthly at the regular price, not the intro $124.99 of the first 3 months)",
			"Google AI Ultra (billed monthly)", "At the regular price, not the intro $124.99 of the first 3 months."},
		{"monthly", "Google AI Ultra (billed monthly at the regular price, not the intro $124.99 of the first 3 months)",
			"Google AI Ultra (billed monthly)", "At the regular price, not the intro $124.99 of the first 3 months."},
		{"first", "Google AI Ultra (first month at the intro price for 3 months, then $249.99)",
			"Google AI Ultra (first month at the intro price)", "For 3 months, then $249.99."},
	}
	for _, tt := range tests {
		c, html := loadCompare(t, "/compare#dur=8&res=720p&tier=fast&platforms=google-flow&billing="+tt.billing)
		if len(c.table.Rows) == 0 {
			t.Fatalf("%s: no rows", tt.billing)
		}
		l := c.table.Rows[0]
		if l.Plan != tt.want || !strings.Contains(c.table.Markdown(), tt.want) || !strings.Contains(c.table.CSV(), tt.want) {
			t.Errorf("%s: Flow's row bought as %q, want %q", tt.billing, l.Plan, tt.want)
		}
		row := html[strings.Index(html, `data-model="`+l.Key+`"`):]
		row = row[:strings.Index(row, "</tr>")]
		cell := row[strings.Index(row, `cmp-col-plan`):]
		cell = strings.Join(strings.Fields(cell[:strings.Index(cell, "</td>")]), " ")
		if !strings.Contains(cell, `"> `+htmlEscape(tt.short)+" <details") || !strings.Contains(cell, ">"+htmlEscape(tt.fold)+"<") ||
			!strings.Contains(cell, `aria-label="Promotion for `+l.Model+" on "+l.Platform+`"`) {
			t.Errorf("%s: Flow's plan cell is %s, want %q and %q folded under Promotion", tt.billing, cell, tt.short, tt.fold)
		}
	}
}

// TestCompareYearlyBonus: billed yearly, a plan's first month has its
// bonus in the calculator; /compare's yearly row, priced at the regular
// month, says it is without it, as its monthly row does.
func TestCompareYearlyBonus(t *testing.T) {
	s := cliplog.NewMemStore()
	useStore(t, s)
	p := cloneProfile(catalogProfile(t, "runway"), never) // runway-custom
	p.Plans = p.Plans[:1]                                 // Standard: $15, or $12 billed yearly, for 625
	p.Plans[0].Promo = &pricing.Promo{BonusPercent: decimal.NewNullDecimal(decimal.NewFromInt(50))}
	if err := saveCustom(s, p, ""); err != nil {
		t.Fatal(err)
	}
	calc, html := loadCalculator(t, "/#profile=runway-custom&plan=standard&billing=yearly&model=gen-4-turbo&res=720p&dur=5")
	if !calc.current || !strings.Contains(html, "312.5 bonus") {
		t.Fatalf("the calculator billed yearly gives no first-month bonus (current %v %v)", calc.current, calc.errs)
	}
	c, _ := loadCompare(t, "/compare#dur=5&res=720p&tier=fast&billing=yearly&platforms=runway-custom")
	want := "Standard (billed yearly, without the first month's bonus credits)"
	if len(c.table.Rows) == 0 || c.table.Rows[0].Plan != want || !strings.Contains(c.table.Markdown(), want) {
		t.Errorf("/compare billed yearly: %+v, want the plan %q", c.table.Rows, want)
	}
}

// TestCompareFreeFigures: "Free tiers as money" values Google Flow's free
// credits at AI Ultra's price, which is a credit's only at the later of
// its two figures (25,000 credits, not Google One help's 12,500): the
// section says so under the worth, as the ranking does under its price.
func TestCompareFreeFigures(t *testing.T) {
	c, html := loadCompare(t, "/compare#dur=8&res=720p&tier=fast&platforms=google-flow")
	if len(c.free) != 1 || c.free[0].Figures == "" {
		t.Fatalf("Flow's free tier: %+v", c.free)
	}
	free := html[strings.Index(html, `id="free-section"`):]
	free = free[:strings.Index(free, "</section>")]
	for _, want := range []string{"$0.50 a day", "Google AI Ultra: 25,000 credits a month is the later of two figures",
		"Google One help gives 12,500"} {
		if !strings.Contains(free, want) {
			t.Errorf("the free tiers' section does not say %q:\n%s", want, free)
		}
	}
}

// TestCompareClipLength: a model that makes set lengths prices a 5 s shot
// as the shortest that holds it, and its row says so under its cost per
// clip, as the Markdown does; the legend says why its cost per second is
// above its rate. On the opening shot 23 of 72 rows were such: Sora 2's
// $0.16 a second (an 8 s clip at $0.10 over 5 s) and Veo 3.1 Lite's $0.06
// ($0.05 a second, 6 s) said nothing of why, and a person who knew the
// rates read them as wrong. A model that makes the shot as asked says
// nothing more.
func TestCompareClipLength(t *testing.T) {
	c, _ := loadCompare(t, "/compare#dur=5&res=720p&tier=any&takes=1")
	c.showAll = true
	html := app.HTMLString(c.Render())
	tests := []struct{ key, clip, length string }{
		{"veo-api/veo-3-1-lite", "$0.30", "6 s clip"},
		{"sora-api/sora-2", "$0.80", "8 s clip"},
		{"runway-api/gen-4-turbo", "$0.25", ""},
	}
	md := c.table.Markdown()
	for _, tt := range tests {
		i := slices.IndexFunc(c.table.Rows, func(l rankLine) bool { return l.Key == tt.key })
		if i < 0 {
			t.Errorf("%s: not ranked", tt.key)
			continue
		}
		l := c.table.Rows[i]
		if l.Clip != tt.clip || l.Length != tt.length {
			t.Errorf("%s: a clip %q of length %q, want %q of %q", tt.key, l.Clip, l.Length, tt.clip, tt.length)
		}
		row := html[strings.Index(html, `data-model="`+tt.key+`"`):]
		row = row[:strings.Index(row, "</tr>")]
		cell := row[strings.Index(row, "cmp-col-clip"):]
		cell = cell[:strings.Index(cell, "</td>")]
		mdRow := md[strings.Index(md, "| "+l.Model+" |"):]
		mdRow = mdRow[:strings.Index(mdRow, "\n")]
		if tt.length == "" {
			if strings.Contains(cell, "cmp-length") || strings.Contains(mdRow, "s clip") {
				t.Errorf("%s: says a length it is made as asked: %s / %s", tt.key, cell, mdRow)
			}
			continue
		}
		if !strings.Contains(cell, `<small class="cmp-length">(`+tt.length+")</small>") {
			t.Errorf("%s: the cost per clip's cell does not say %q: %s", tt.key, tt.length, cell)
		}
		if !strings.Contains(mdRow, "| "+tt.clip+" ("+tt.length+") |") {
			t.Errorf("%s: the Markdown's row does not say %q: %s", tt.key, tt.length, mdRow)
		}
	}
	for _, where := range []string{html, md} {
		if !strings.Contains(where, "priced at the shortest that holds the shot") {
			t.Error("the legend does not say why a cost per second is above its model's rate")
		}
	}
}

// TestCompareEvidenceSaid: the legend says what the evidence column's
// words mean. A new user read "secondary · 2026-10-01" beside every price
// and nothing on the page said what "secondary" was.
func TestCompareEvidenceSaid(t *testing.T) {
	_, html := loadCompare(t, "/compare#dur=10&res=1080p&billing=cheapest", withFixture)
	for _, want := range []string{"Evidence: official, the platform", "secondary, another site quoting it", "derived, worked out from sourced numbers"} {
		if !strings.Contains(html, want) {
			t.Errorf("the page does not say %q", want)
		}
	}
}

// TestCompareGoneGrouped: with native audio asked for, 84 models and
// platforms cannot make the shot, 46 of them for one reason; they were
// listed one by one, each with its reason. They are grouped by reason,
// the largest group first (a size's groups by reason, A to Z), each a
// line saying its count with its platforms and models under it, and
// every one that cannot make the shot is in its reason's group, once.
func TestCompareGoneGrouped(t *testing.T) {
	c, html := loadCompare(t, "/compare#dur=5&res=720p&tier=any&takes=1&audio=1")
	want := map[string][]string{} // "reason|profile": its models, from pricing
	models, platforms := 0, 0
	for _, u := range c.table.ranking.Unavailable {
		name := u.ModelName
		if u.ModelID != "" {
			models++
		} else {
			name = "every model"
			platforms++
		}
		key := strings.TrimSuffix(sentence(u.Reason), ".") + "|" + u.ProfileID
		want[key] = append(want[key], name)
	}
	got := map[string][]string{}
	for i, g := range c.gone {
		n := 0
		for _, p := range g.Places {
			key := g.Reason + "|" + p.Key
			if _, twice := got[key]; twice {
				t.Errorf("%s is listed twice under %s", p.Key, g.Reason)
			}
			got[key] = strings.Split(p.Models, ", ")
			n += len(got[key])
		}
		if i > 0 {
			prev := c.gone[i-1]
			if prev.models+prev.platforms < n || prev.models+prev.platforms == n && prev.Reason > g.Reason {
				t.Errorf("group %d (%s, %s) after %s, %s", i, g.Reason, g.Count, prev.Reason, prev.Count)
			}
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("grouped:\n%v\nwant\n%v", got, want)
	}
	if g := c.gone[0]; g.Reason != "Native audio not stated by its source" || g.Count != "46 models" ||
		g.Places[0].Name != "fal (API marketplace)" || !strings.HasPrefix(g.Places[0].Models, "Kling 2.1 Standard (image to video), Kling 2.5") {
		t.Errorf("the first group is %s — %s, from %+v", g.Reason, g.Count, g.Places[0])
	}
	// On the page: the count above, a line a reason, its models under it.
	text := strings.Join(strings.Fields(pageText(html)), " ")
	lede := countWords(models, platforms) + " cannot make this shot, for " + strconv.Itoa(len(c.gone)) + " reasons:"
	for _, s := range []string{
		lede,
		"Native audio not stated by its source — 46 models",
		"Runway (app): Gen-4, Gen-4 Turbo, Gen-4.5, Gen-3 Alpha, Gen-3 Alpha Turbo, Aleph (video to video)",
		"Hailuo AI (app): every model",
	} {
		if !strings.Contains(text, s) {
			t.Errorf("the page does not say %q", s)
		}
	}
	if n := strings.Count(html, `<details class="cmp-gone-group"`); n != len(c.gone) {
		t.Errorf("%d groups' details for %d groups", n, len(c.gone))
	}
}

// TestCompareKlingAPIPacks: Kling's API sells units only in packs
// (research/pricing.md, pattern 17). /compare's cheapest available buys
// them at Pack 3, $5,670 for 45,000 units = $0.126 a unit, and its row
// says so, with the pack's price, size and 180 days; Kling 1.0 Standard's
// $0.14 list price is 1 unit: 1 × $0.126 = $0.126 a 5 s clip, ÷ 5 s =
// $0.0252 a second. Before, the row was pay as you go at $0.14 and its
// units said "1 units".
func TestCompareKlingAPIPacks(t *testing.T) {
	c, html := loadCompare(t, "/compare#platforms=kling-api")
	want := []string{"1", "Kling AI (API)", "Kling 1.0 Standard", "standard",
		"Pack 3 ($5,670 for 45,000 units, valid 180 days)", "1 unit", "$0.126", "$0.0252", "$0.0252"}
	rows := markdownRows(c.markdown)
	if len(rows) < 2 || len(rows[1]) < len(want) || !slices.Equal(rows[1][:len(want)], want) {
		t.Fatalf("Markdown's first row %q, want %q…", rows[1:2], want)
	}
	if !strings.Contains(html, htmlEscape("Pack 3 ($5,670 for 45,000 units, valid 180 days)")) {
		t.Error("the table does not say which pack prices the row")
	}
}

// TestCompareWanFrames: fal counts Wan 2.2's "video seconds" at 16 fps
// (research/pricing.md, pattern 22). /compare's 5 s 720p shot prices Wan
// 2.2 A14B at $0.08 a second × 5 s = $0.40, a second of 16 fps video, and
// says so beside it: at 24 fps the clip is billed 5 × 24 ÷ 16 = 7.5 s.
// Before, the frame rate was only in the profile's notes, on /profiles.
func TestCompareWanFrames(t *testing.T) {
	const fig = "Wan 2.2 A14B: a second of 16 fps video, fal's 'video second'; a clip at 24 fps is billed 1.5 times its length, a 5 s clip as 7.5 s."
	c, html := loadCompare(t, "/compare#platforms=fal&dur=5&res=720p")
	if !strings.Contains(pageText(html), fig) {
		t.Errorf("/compare does not say %q", fig)
	}
	for _, row := range markdownRows(c.markdown) {
		if len(row) > 8 && row[2] == "Wan 2.2 A14B" && (row[6] != "$0.40" || row[7] != "$0.08") {
			t.Errorf("Wan 2.2 A14B: %s a clip, %s a second; want $0.40, $0.08", row[6], row[7])
		}
	}
	if !strings.Contains(c.markdown, strings.TrimSuffix(fig, ".")) {
		t.Error("/compare's Markdown does not say which second Wan's price is")
	}
}

// TestFourKAsWritten: people write "4K"; the pages and exports show it
// so ("720p not offered (4k)", "at 4k" were shown), and links keep the
// stored value "4k", which old links and saved data carry.
func TestFourKAsWritten(t *testing.T) {
	c, html := loadCompare(t, "/compare#dur=8&res=4k")
	if !c.current {
		t.Fatalf("not current: %q", c.status)
	}
	md := c.table.Markdown()
	// In words ("(4k)", "at 4k"), not in ids, links or the CSV's data
	// columns ("kling-3-0-4k", "res=4k", ",4k,"), which keep the value.
	words := regexp.MustCompile(`[ (]4k\b`)
	for what, text := range map[string]string{"page": pageText(html), "Markdown": md, "CSV": c.table.CSV()} {
		if i := words.FindStringIndex(text); i != nil {
			t.Errorf("the %s shows %q", what, text[max(0, i[0]-60):min(len(text), i[1]+20)])
		}
	}
	if !strings.Contains(md, "8 s at 4K") || !strings.Contains(md, "4K not offered (") {
		t.Error("the Markdown does not say 4K as written")
	}
	if got := c.linkValues().Get("res"); got != "4k" {
		t.Errorf("link res = %q, want the stored 4k", got)
	}
	// The profile editor's resolution picker (it listed "4k").
	if ch := editResChoices[len(editResChoices)-1]; ch.Value != "4k" || ch.Label != "4K" {
		t.Errorf("the profile editor's 4K choice is %q labelled %q", ch.Value, ch.Label)
	}
	// The calculator's reason for a model that does not make 4K.
	calc, _ := loadCalculator(t, "/#profile=runway&plan=standard&model=gen-4-turbo&res=4k&dur=5", withTestCatalog)
	if want := "Resolution “4K” is not offered by Gen-4 Turbo, which makes 720p only; pick one of the choices."; calc.errs["res"] != want {
		t.Errorf("calculator: %q, want %q", calc.errs["res"], want)
	}
}
