package app

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/aivc/aivc/cliplog"
	"github.com/aivc/aivc/pricing"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

func TestParseEmbedOptions(t *testing.T) {
	long := strings.Repeat("f", 10000)
	tests := []struct {
		link string
		want embedOptions
	}{
		// Defaults.
		{"/embed", embedOptions{View: viewCalc}},
		{"/embed#price=30&credits=3000", embedOptions{View: viewCalc}},

		// Good values.
		{"/embed#view=compare", embedOptions{View: viewCompare}},
		{"/embed#view=Compare&theme=DARK", embedOptions{View: viewCompare, Theme: "dark"}},
		{"/embed#theme=light", embedOptions{View: viewCalc, Theme: "light"}},
		{"/embed#theme=auto", embedOptions{View: viewCalc}},
		{"/embed#accent=ff5500", embedOptions{View: viewCalc, Accent: "#ff5500"}},
		{"/embed#accent=%23FF5500", embedOptions{View: viewCalc, Accent: "#ff5500"}},
		{"/embed#accent=F50", embedOptions{View: viewCalc, Accent: "#ff5500"}},
		{"/embed?theme=dark#accent=000", embedOptions{View: viewCalc, Theme: "dark", Accent: "#000000"}},
		{"/embed?theme=dark#theme=light", embedOptions{View: viewCalc, Theme: "light"}},

		// Bad values fall back to the default.
		{"/embed#view=plan", embedOptions{View: viewCalc}},
		{"/embed#view=", embedOptions{View: viewCalc}},
		{"/embed#theme=purple", embedOptions{View: viewCalc}},
		{"/embed#theme=%3Cscript%3E", embedOptions{View: viewCalc}},
		{"/embed#accent=red", embedOptions{View: viewCalc}},
		{"/embed#accent=ff550", embedOptions{View: viewCalc}},
		{"/embed#accent=ff55000", embedOptions{View: viewCalc}},
		{"/embed#accent=gg0000", embedOptions{View: viewCalc}},
		{"/embed#accent=ff5500cc", embedOptions{View: viewCalc}},
		{"/embed#accent=%23%23ff5500", embedOptions{View: viewCalc}},
		{"/embed#accent=ff%2055", embedOptions{View: viewCalc}},
		{"/embed#accent=rgb(1,2,3)", embedOptions{View: viewCalc}},
		{"/embed#accent=ff5500;background:red", embedOptions{View: viewCalc}},
		{"/embed#accent=%EF%BC%A6%EF%BC%A6%EF%BC%A6", embedOptions{View: viewCalc}}, // full-width FFF
		{"/embed#accent=" + long, embedOptions{View: viewCalc}},
	}
	for _, tt := range tests {
		if got := parseEmbedOptions(linkState(mustURL(t, tt.link))); got != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.link, got, tt.want)
		}
	}
}

func TestAccentText(t *testing.T) {
	tests := []struct{ bg, want string }{
		{"#000000", "#ffffff"},
		{"#4338ca", "#ffffff"},
		{"#b42318", "#ffffff"},
		{"#ffffff", "#12121a"},
		{"#ffff00", "#12121a"},
		{"#a5b4fc", "#12121a"},
		{"bad", "#ffffff"},
	}
	for _, tt := range tests {
		if got := accentText(tt.bg); got != tt.want {
			t.Errorf("accentText(%s) = %s, want %s", tt.bg, got, tt.want)
		}
	}
}

// loadEmbed mounts the embed page opened at link in a test engine and
// returns its HTML. Natively the page renders as when prerendered.
func loadEmbed(t *testing.T, link string) (*embed, string) {
	t.Helper()
	e := newEmbed()
	e.setOptions(parseEmbedOptions(linkState(mustURL(t, link))))
	eng := app.NewTestEngine()
	if err := eng.Load(e); err != nil {
		t.Fatalf("Load: %v", err)
	}
	eng.ConsumeAll()
	return e, app.HTMLString(e)
}

// TestEmbedOneLinkRendered: each view of the embed links to the site once, in
// its nav, named for the full page it opens; embed-frame.js keeps the
// link's state (data-follow). The calculator had three links to the site,
// and the ranking one per row and another under the table.
func TestEmbedOneLinkRendered(t *testing.T) {
	toSite := regexp.MustCompile(`<a [^>]*href="/[^"]*"[^>]*>`)
	for _, tt := range []struct{ link, nav, text, path string }{
		{"/embed#profile=runway&plan=standard&model=gen-4-turbo&res=720p&dur=10", "Full calculator", "Open the full calculator", "/"},
		{"/embed#view=compare&dur=10", "Full comparison", "Open the full comparison", "/compare"},
	} {
		_, html := loadEmbed(t, tt.link)
		links := toSite.FindAllString(html, -1)
		if len(links) != 1 {
			t.Errorf("%s: %d links to the site, want 1: %q", tt.link, len(links), links)
		}
		nav := regexp.MustCompile(`<nav [^>]*aria-label="` + tt.nav + `"[^>]*>\s*<a [^>]*id="embed-full"[^>]*>` + tt.text + `</a>`)
		if !nav.MatchString(html) {
			t.Errorf("%s: no nav %q holding %q in\n%s", tt.link, tt.nav, tt.text, html)
			continue
		}
		tag, _, _ := element(html, "embed-full")
		for name, want := range map[string]string{"target": "_blank", "rel": "noopener", "data-follow": tt.path, "href": tt.path} {
			if v, _ := attr(tag, name); v != want {
				t.Errorf("%s: the full page's link: %s=%q, want %q", tt.link, name, v, want)
			}
		}
	}
}

func TestEmbedCalculator(t *testing.T) {
	e, html := loadEmbed(t, "/embed#theme=dark")
	if _, ok := e.page.(*calculator); !ok {
		t.Fatalf("view calc shows %T", e.page)
	}
	for _, want := range []string{
		`<script src="` + frameScript + `"></script>`,
		`class="embed embed-calc"`,
		`calc-page-compact`,
		`Open the full calculator`,
		`id="cost-per-clip"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("embed lacks %s", want)
		}
	}
	if strings.Contains(html, `id="share"`) {
		t.Error("the embed shows the Share & embed section")
	}
	checkClean(t, html)
}

func TestEmbedCompare(t *testing.T) {
	e, html := loadEmbed(t, "/embed#view=compare&dur=10")
	if _, ok := e.page.(*compare); !ok {
		t.Fatalf("view compare shows %T", e.page)
	}
	tag, text, ok := element(html, "embed-full")
	if !ok || text != "Open the full comparison" {
		t.Fatalf("no link to the full comparison in\n%s", html)
	}
	for name, want := range map[string]string{"target": "_blank", "rel": "noopener", "data-follow": "/compare", "href": "/compare"} {
		if v, _ := attr(tag, name); v != want {
			t.Errorf("full comparison link: %s=%q, want %q", name, v, want)
		}
	}
	if !strings.Contains(html, `class="embed embed-compare"`) || !strings.Contains(html, `<script src="`+frameScript+`">`) {
		t.Error("compare view: no embed classes or frame script")
	}
	// An article's readers are not offered the frame's own embed code.
	if strings.Contains(html, `id="share"`) {
		t.Error("the framed ranking shows the Share & embed section")
	}

	// Switching the view makes the other page; other options keep it.
	page := e.page
	e.setOptions(parseEmbedOptions(linkState(mustURL(t, "/embed#view=compare&theme=light"))))
	if e.page != page || e.opts.Theme != "light" {
		t.Error("a new theme replaced the page")
	}
	e.setOptions(parseEmbedOptions(linkState(mustURL(t, "/embed"))))
	if _, ok := e.page.(*calculator); !ok {
		t.Errorf("back to view calc shows %T", e.page)
	}
}

func TestShareLinks(t *testing.T) {
	const o = "https://calc.example"
	tests := []struct {
		path, state, theme string
		link, src          string
	}{
		{"/", "", "", o + "/", o + "/embed"},
		{"/", "price=30&credits=3,000", "", o + "/#price=30&credits=3,000", o + "/embed#price=30&credits=3,000"},
		{"/", "dur=5", "dark", o + "/#dur=5", o + "/embed#dur=5&theme=dark"},
		{"/", "", "light", o + "/", o + "/embed#theme=light"},
		{"/compare", "", "", o + "/compare", o + "/embed#view=compare"},
		{"/compare", "dur=10&res=1080p", "dark", o + "/compare#dur=10&res=1080p", o + "/embed#view=compare&dur=10&res=1080p&theme=dark"},
	}
	for _, tt := range tests {
		if got := shareLink(o, tt.path, tt.state); got != tt.link {
			t.Errorf("shareLink(%s, %s) = %s, want %s", tt.path, tt.state, got, tt.link)
		}
		if got := embedSrc(o, tt.path, tt.state, tt.theme); got != tt.src {
			t.Errorf("embedSrc(%s, %s, %s) = %s, want %s", tt.path, tt.state, tt.theme, got, tt.src)
		}
	}

	snippet := embedSnippet(o, o+`/embed#price=30&credits=3000&x="<b>`, "/")
	want := `<iframe src="https://calc.example/embed#price=30&amp;credits=3000&amp;x=&#34;&lt;b&gt;" title="AI video cost calculator" ` +
		`width="100%" height="` + embedHeight + `" style="border:0;width:100%" loading="lazy"></iframe>` + "\n" +
		`<script src="https://calc.example/embed.js" async></script>`
	if snippet != want {
		t.Errorf("snippet:\n%s\nwant:\n%s", snippet, want)
	}
}

// TestShareOnCalculator: the calculator's Share & embed section carries the
// calculator's state in the link and the snippet; before the browser knows
// the origin they use the placeholder.
func TestShareOnCalculator(t *testing.T) {
	_, html := loadCalculator(t, "/#price=15&credits=625&clip=50&dur=10")
	tag, _, ok := element(html, idShareLink)
	if !ok {
		t.Fatalf("the calculator has no share link")
	}
	if v, _ := attr(tag, "value"); v != sharePlaceholder+"/#price=15&credits=625&clip=50&dur=10" {
		t.Errorf("share link value %q", v)
	}
	_, snippet, _ := element(html, idShareSnippet)
	if !strings.Contains(snippet, "/embed#price=15&amp;amp;credits=625&amp;amp;clip=50&amp;amp;dur=10") ||
		!strings.Contains(snippet, "/embed.js") {
		t.Errorf("snippet %q does not carry the state", snippet)
	}
	if strings.Contains(html, `id="`+idShareFrame+`"`) {
		t.Error("the preview frame loads before it is asked for")
	}
}

// TestShareEmbedTitle: the snippet's frame is named for what it shows, as
// a screen reader announces it: the ranking's was "AI video cost
// calculator" too.
func TestShareEmbedTitle(t *testing.T) {
	for _, tt := range []struct {
		html, want string
	}{
		{func() string { _, h := loadCalculator(t, "/#dur=10"); return h }(), `title=&#34;AI video cost calculator&#34;`},
		{func() string { _, h := loadCompare(t, "/compare#dur=10"); return h }(), `title=&#34;AI video cost comparison&#34;`},
	} {
		_, snippet, ok := element(tt.html, idShareSnippet)
		if !ok || !strings.Contains(snippet, tt.want) {
			t.Errorf("snippet %q, want a frame with %s", snippet, tt.want)
		}
	}
}

func TestShareState(t *testing.T) {
	v := linkState(mustURL(t, "/#price=30&credits=abc&clip=50&dur=NaN"))
	errs := map[string]string{"credits": "Credits per month must be a number.", "dur": "Duration must be a number."}
	if got, want := shareState(v, errs, calcKeys), "price=30&clip=50"; got != want {
		t.Errorf("shareState = %q, want %q", got, want)
	}
}

// TestEmbedReadsNoStorage: the framed calculator and ranking read nothing
// of the device's storage: a reader's clip log set their generations per
// kept clip ("measured from your log"), and the reader's own profiles
// their platforms, where the blog and the app shared storage.
func TestEmbedReadsNoStorage(t *testing.T) {
	s := cliplog.NewMemStore()
	useStore(t, s)
	old := measured
	t.Cleanup(func() { measured = old })
	measured.done, measured.rs = false, nil
	l, _, err := cliplog.Open(s)
	if err != nil {
		t.Fatal(err)
	}
	for i, kept := range []bool{false, true} {
		e := cliplog.Entry{ID: "clip000" + strconv.Itoa(i), Date: "2026-11-01", ProfileID: "runway", ModelID: "gen-4-turbo",
			Seconds: decimal.NewFromInt(5), Credits: decimal.NewFromInt(25), PricePerCredit: pricing.NewMoney(decimal.RequireFromString("0.024"), pricing.USD),
			Kept: kept, Created: "2026-11-01T10:00:00Z"}
		if _, err := l.Add(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := saveCustom(s, blankProfile(never), ""); err != nil {
		t.Fatal(err)
	}
	for _, link := range []string{"/embed#profile=runway&model=gen-4-turbo&res=720p&dur=10", "/embed#view=compare"} {
		_, html := loadEmbed(t, link)
		if strings.Contains(html, "measured from your log") || strings.Contains(html, "Measured from your log") {
			t.Errorf("%s: the embed counts the reader's log", link)
		}
		if strings.Contains(html, "my-platform") {
			t.Errorf("%s: the embed lists the reader's own profile", link)
		}
	}
}

// TestShareCustomProfile: a calculation on a profile of one's own shares
// its numbers, which cost the same on a device without the profile and in
// the embed. Before, the link and the embed code named the profile, and
// showed "Platform “runway-custom” is not in the list" anywhere but on the
// device that made it, and in every embed (which reads no storage).
func TestShareCustomProfile(t *testing.T) {
	s := cliplog.NewMemStore()
	useStore(t, s)
	credits := cloneProfile(catalogProfile(t, "runway"), never) // runway-custom
	credits.Currency = pricing.EUR
	credits.Plans[0].Monthly = decimal.NewNullDecimal(decimal.RequireFromString("13"))
	if err := saveCustom(s, credits, ""); err != nil {
		t.Fatal(err)
	}
	if err := saveCustom(s, cloneProfile(catalogProfile(t, "fal"), never), ""); err != nil { // fal-custom
		t.Fatal(err)
	}
	for _, link := range []string{
		"/#profile=runway-custom&plan=standard&model=gen-4-turbo&res=720p&dur=7&takes=1.5&clips=3",
		"/#profile=fal-custom&model=veo-3&res=720p&audio=1&dur=6&clips=2",
		"/#profile=runway&plan=standard&model=gen-4-turbo&res=720p&dur=10", // the catalog's: named as it is
	} {
		useStore(t, s)
		c, html := loadCalculator(t, link)
		if !c.current {
			t.Fatalf("%s: not current: %v %q", link, c.errs, c.general)
		}
		state := shareState(c.shareValues(), c.errs, calcKeys)
		if strings.Contains(link, "custom") == strings.Contains(state, "profile=") {
			t.Errorf("%s: shares %q", link, state)
		}
		useStore(t, nil) // another device: no custom profiles
		other, otherHTML := loadCalculator(t, "/#"+state)
		e := newEmbed() // as loadEmbed, with the state its page reads in the browser
		e.setOptions(parseEmbedOptions(nil))
		framed := e.page.(*calculator)
		framed.init(mustURL(t, "/embed#"+state))
		if err := app.NewTestEngine().Load(e); err != nil {
			t.Fatal(err)
		}
		embedHTML := app.HTMLString(e)
		for what, got := range map[string]string{"another device": otherHTML, "the embed": embedHTML} {
			for _, id := range []string{idCostPerClip, idCostPerSecond, idCostPerKept, idTotal} {
				want, _, _ := element(html, id)
				tag, _, _ := element(got, id)
				if w, _ := attr(want, "data-value"); dataValue(tag) != w || w == "" {
					t.Errorf("%s shared as %q: #%s in %s is %q, here %q (%v %v)", link, state, id, what, dataValue(tag), w, other.errs, framed.errs)
				}
			}
		}
	}
}

// dataValue is a start tag's data-value.
func dataValue(tag string) string {
	v, _ := attr(tag, "data-value")
	return v
}

// TestShareCompareCustomProfile: /compare's share leaves out of its
// platforms the profiles of one's own, which no other device (and no
// embed) has: "Platforms “runway-custom” is not in the list" emptied the
// ranking there.
func TestShareCompareCustomProfile(t *testing.T) {
	s := cliplog.NewMemStore()
	useStore(t, s)
	if err := saveCustom(s, cloneProfile(catalogProfile(t, "runway"), never), ""); err != nil { // runway-custom
		t.Fatal(err)
	}
	for _, tt := range []struct{ link, state string }{
		{"/compare#dur=5&platforms=runway-custom,Kling", "dur=5&res=720p&tier=any&takes=1&billing=cheapest&platforms=kling"},
		{"/compare#dur=5&platforms=runway-custom", "dur=5&res=720p&tier=any&takes=1&billing=cheapest"},
		{"/compare#dur=5&platforms=kling,veo-api", "dur=5&res=720p&tier=any&takes=1&billing=cheapest&platforms=kling,veo-api"},
	} {
		useStore(t, s)
		c, _ := loadCompare(t, tt.link)
		if !c.current {
			t.Fatalf("%s: not current: %v", tt.link, c.errs)
		}
		state := shareState(c.shareValues(), c.errs, compareKeys)
		if state != tt.state {
			t.Errorf("%s: shares %q, want %q", tt.link, state, tt.state)
		}
		useStore(t, nil) // another device, or an embed
		if c, _ := loadCompare(t, "/compare#"+state); !c.current || len(c.table.Rows) == 0 {
			t.Errorf("%s shared as %q: elsewhere %d rows (%v)", tt.link, state, len(c.table.Rows), c.errs)
		}
	}
}

// TestShareCustomProfileExact: a calculation on a profile of one's own is
// shared as the plan's price and credits, its first-month bonus and the
// seconds its clips are billed for, so that the link shows what the page
// does: the same price per credit to the last digit (it carried that price
// rounded to 16 places: €13 ÷ 600 credits), the first month's figures and
// "you pay for 3 s more" (both were left out).
func TestShareCustomProfileExact(t *testing.T) {
	s := cliplog.NewMemStore()
	useStore(t, s)
	p := cloneProfile(catalogProfile(t, "runway"), never) // runway-custom
	p.Currency = pricing.EUR
	p.Plans[0].Monthly = decimal.NewNullDecimal(decimal.RequireFromString("13"))
	p.Plans[0].Credits = decimal.RequireFromString("600")
	p.Plans[0].Promo = &pricing.Promo{BonusPercent: decimal.NewNullDecimal(decimal.NewFromInt(20)),
		BonusCap: decimal.NewNullDecimal(decimal.NewFromInt(100))}
	if err := saveCustom(s, p, ""); err != nil {
		t.Fatal(err)
	}
	link := "/#profile=runway-custom&plan=standard&model=gen-4-turbo&res=720p&dur=7&clips=3"
	c, html := loadCalculator(t, link)
	if !c.current || !strings.Contains(c.note, "you pay for 3 s more") {
		t.Fatalf("%s: not current (%v %q), or note %q", link, c.errs, c.general, c.note)
	}
	state := shareState(c.shareValues(), c.errs, calcKeys)
	useStore(t, nil) // another device: no custom profiles
	other, otherHTML := loadCalculator(t, "/#"+state)
	for _, id := range []string{idPricePerCredit, "first-" + idPricePerCredit, idCostPerClip, "first-" + idCostPerClip,
		idCostPerSecond, idCostPerKept, idTotal} {
		want, _, _ := element(html, id)
		got, _, _ := element(otherHTML, id)
		if w := dataValue(want); dataValue(got) != w || w == "" {
			t.Errorf("shared as %q: #%s is %q there, %q here (%v)", state, id, dataValue(got), w, other.errs)
		}
	}
	if other.note != c.note {
		t.Errorf("shared as %q: the note there %q, here %q", state, other.note, c.note)
	}
	// Typed to the length billed, the note goes, as on the profile.
	other.values["dur"] = "10"
	other.compute()
	if !other.current || other.note != "" {
		t.Errorf("shared as %q, at 10 s: note %q (%v)", state, other.note, other.errs)
	}
	// A bad billed length is named, as any field a link fills.
	bad, _ := loadCalculator(t, "/#price=30&credits=3000&clip=50&dur=5&paid=abc")
	if bad.current || bad.summary != "Results are not current. Billed clip length must be a number, like 30 or 1,200.50." {
		t.Errorf("paid=abc: %q", bad.summary)
	}
}

// TestEmbedComparePrices: the framed ranking's prices are billed and shown
// as the reader picks, without the exchange rate's field: a blog's reader
// compares platforms, and the legend says which rate converted a price. A
// bad rate in the author's link shows the field with its message.
func TestEmbedComparePrices(t *testing.T) {
	framed := func(c *compare) { c.Framed(true) }
	_, full := loadCompare(t, "")
	if !strings.Contains(full, `id="f-rate"`) {
		t.Fatal("/compare has no exchange rate's field")
	}
	for _, link := range []string{"/embed#view=compare", "/embed#view=compare&cur=EUR&rate=0.9"} {
		_, html := loadCompare(t, link, framed)
		if strings.Contains(html, `id="f-rate"`) {
			t.Errorf("%s: the framed ranking shows the exchange rate's field", link)
		}
		for _, id := range []string{"f-billing", "f-cur", "f-dur", "f-res", "f-tier", "f-takes", "f-audio"} {
			if !strings.Contains(html, `id="`+id+`"`) {
				t.Errorf("%s: the framed ranking lacks #%s", link, id)
			}
		}
	}
	_, html := loadCompare(t, "/embed#view=compare&cur=EUR&rate=0.9", framed)
	if !strings.Contains(html, "1 USD = 0.9 EUR") {
		t.Errorf("the framed ranking in euros does not say the link's rate:\n%s", html)
	}
	c, html := loadCompare(t, "/embed#view=compare&cur=EUR&rate=abc", framed)
	if msg := c.errs["rate"]; msg == "" || !strings.Contains(html, `id="f-rate"`) || !strings.Contains(html, msg) {
		t.Errorf("a bad rate in the link: message %q, field shown %v", msg, strings.Contains(html, `id="f-rate"`))
	}
	// Corrected, the field stays (with the focus in it).
	c.values["rate"] = "0.9"
	c.compute()
	if html := app.HTMLString(c.Render()); len(c.errs) > 0 || !strings.Contains(html, `id="f-rate"`) {
		t.Errorf("the rate corrected: messages %v, field shown %v", c.errs, strings.Contains(html, `id="f-rate"`))
	}
}
