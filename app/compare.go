package app

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/aivc/aivc/cliplog"
	"github.com/aivc/aivc/pricing"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// compare is the page at /compare: a standard shot (duration, resolution,
// tier, generations per kept clip, add-ons) priced on every model of the
// catalog through one way of buying (the billing lens), ranked by cost per
// kept second (pricing.Rank). Around the ranking: a bar chart of it, what
// each free tier buys of the shot, the models that cannot make it and why,
// and the ranking as Markdown (to copy) and CSV (to download).
//
// The state lives in the URL fragment under the form fields' names
// (compareKeys), so "/compare#dur=10&res=1080p&tier=any&takes=1&billing=monthly"
// reproduces a ranking; the calculator links here that way. The page is
// prerendered with the default shot, so its HTML already holds the ranking.
type compare struct {
	app.Compo

	// IFramed renders the ranking for a frame in another site: without the
	// Share & embed section, which offered an article's readers the embed
	// code of the frame they were reading, without the exchange rate's
	// field (renderForm), and without links to the calculator: the embed
	// links to the site once (embed.renderFull).
	IFramed bool

	ready  bool
	values map[string]string // each field's text as typed or linked, by link key
	errs   map[string]string // each field's message, by link key
	seen   string            // the fragment's state as last read or written

	// takes holds the clip log's measured figure, not a typed one: the
	// address leaves it out, so that a reload or the nav counts the log
	// as it is then instead of freezing the figure.
	takesMeasured bool
	// today is the day prices are judged stale against and the exports are
	// dated: the visitor's date in the browser; when prerendering, the
	// newest date in the catalog, so that the generated page is the same on
	// every build of the same catalog.
	today string

	catalog []pricing.Profile // pricing.Catalog: decoded once per process
	catErr  error
	catDone bool
	units   map[string]string // credit names by profile id, where not "credits"

	platforms []choice        // the filter's checkboxes: profile id, name
	checked   map[string]bool // profile ids in the filter
	// linkPlatforms is the platforms the link brought (apply), and
	// platformNote what the filter says of it while they are chosen: a
	// profile of one's own that the link names, and beside it a copy of
	// another that had its id.
	linkPlatforms, platformNote string
	filterSum                   string          // "All 23 platforms", "3 of 23 platforms"
	on                          map[string]bool // the add-ons' checkboxes, by link key

	current  bool      // the ranking matches the form
	general  string    // a message about the ranking as a whole
	status   string    // the ranking in one sentence, for the live region
	table    rankTable // the ranking, formatted
	view     []int     // the table's rows in display order
	showAll  bool      // every row, not only the first rankShown
	links    []string  // each row's calculator link
	sortKey  string    // column the table is sorted by
	sortDesc bool
	gone     []goneGroup
	free     []freeLine
	chart    barChart
	markdown string
	csvHref  string
	csvName  string
	copyMsg  string
	viewMsg  string // what the last sort or Show all did, for screen readers
	calcHref string // the calculator for this shot
	rateHint string
	rateBad  bool            // the rate had a message: a frame shows its field from then on (renderForm)
	base     pricing.Rates   // the clip log's rates (deviceRates)
	linkRate string          // a link's rate, its maker's clip log's ("~0.9" without "~"): linkedRate
	eur      decimal.Decimal // euros for 1 USD that an empty rate field counts
	later    later           // in the browser, the parts below the screen are built after the start
}

// goneLine is a platform that cannot make /plan's month, and why
// (plan.go; /compare's are goneGroups).
type goneLine struct {
	_      pricing.NotComparable
	Key    string // the profile id
	Where  string // "Runway (app)"
	Reason string
}

// freeLine is what one platform's free credits buy of the shot, on the
// model where they go furthest.
type freeLine struct {
	_       pricing.NotComparable
	Key     string // the model's data-model
	Where   string // "Runway (app) — Gen-3 Alpha Turbo"
	Credits string // "125 credits once"
	Buys    string // "25 s of this shot once", or "not one clip"
	Worth   string // "$1.00 once" at the paid price, or "—"
	// Figures says which figure the row's plan and model are (the
	// ranking's): the worth is at that plan's price, the clips of that
	// model ("Google AI Ultra: 25,000 credits a month is the later …").
	Figures string
}

// Link keys of the compare page, in the order links write them.
var compareKeys = []string{
	"dur", "res", "tier", "takes", "billing", "audio", "upscale", "platforms", "cur", "rate",
}

// Field labels of the compare page not shared with the calculator.
const (
	labelTier      = "Tier"
	labelAudio     = "Native audio"
	labelUpscale   = "Upscale"
	labelPlatforms = "Platforms"
	labelDisplay   = "Display currency"
	labelRate      = "Exchange rate"
)

// compareLabels maps each link key to its field's label.
var compareLabels = map[string]string{
	"dur": labelDur, "res": labelRes, "tier": labelTier, "takes": labelTakes,
	"billing": labelBilling, "audio": labelAudio, "upscale": labelUpscale,
	"platforms": labelPlatforms, "cur": labelDisplay, "rate": labelRate,
}

// compareDefaults is the standard shot: 5 s at 720p, any tier, kept at the
// first try, bought the cheapest available way, in US dollars. It is the
// shot most of the catalog can make (72 of 108 models): 5 s is the length
// the apps price their base clip at, and most models make 720p (30 make only
// 1080p). The 10 s 1080p shot on a monthly plan ranked 5.
var compareDefaults = map[string]string{
	"dur": "5", "res": string(pricing.Res720p), "tier": string(pricing.TierAny),
	"takes": "1", "billing": string(pricing.LensCheapest), "cur": string(pricing.USD),
}

// rankShown is how many ranked models the table and the chart show until
// the visitor asks for all. go-app rebuilds and diffs every row: a keystroke
// takes ~80 ms to show with 20 rows, ~105–135 ms with 49 and ~60 ms with 5
// (BenchmarkCompareKeystroke in e2e); and 72 bars filled several screens of
// a phone.
const rankShown = 20

// noPlatforms is the platforms value of a filter with every box unchecked
// (an empty value means every platform).
const noPlatforms = "none"

// Choices of the compare page's pickers.
var (
	compareResChoices = []choice{
		{Value: string(pricing.Res480p), Label: "480p"},
		{Value: string(pricing.Res540p), Label: "540p"},
		{Value: string(pricing.Res720p), Label: "720p"},
		{Value: string(pricing.Res1080p), Label: "1080p"},
		{Value: string(pricing.Res4K), Label: pricing.Res4K.Name()},
	}
	tierChoices = []choice{
		{Value: string(pricing.TierAny), Label: "Any tier"},
		{Value: string(pricing.TierFast), Label: "Fast"},
		{Value: string(pricing.TierStandard), Label: "Standard"},
		{Value: string(pricing.TierPremium), Label: "Premium"},
	}
	lensChoices = []choice{
		{Value: string(pricing.LensMonthly), Label: "Monthly plan"},
		{Value: string(pricing.LensYearly), Label: "Yearly plan"},
		{Value: string(pricing.LensFirst), Label: "First month with promotions"},
		{Value: string(pricing.LensPacks), Label: "Top-up packs"},
		{Value: string(pricing.LensAPI), Label: "API pay-as-you-go"},
		{Value: string(pricing.LensCheapest), Label: "Cheapest available"},
	}
	displayChoices = []choice{
		{Value: string(pricing.USD), Label: "US dollar ($)"},
		{Value: string(pricing.EUR), Label: "Euro (€)"},
	}
)

var (
	_ app.Initializer = (*compare)(nil)
	_ app.Navigator   = (*compare)(nil)
	_ app.Mounter     = (*compare)(nil)
	_ app.Dismounter  = (*compare)(nil)
)

// compareLater is the compare page's later parts (see later), in document
// order: the ranking's first rankShown rows, then the sections after it.
// The ranking's rows and the sections are ~4/5 of the page's elements.
var compareLater = func() []string {
	parts := make([]string, 0, rankShown+5)
	for i := 1; i <= rankShown; i++ {
		parts = append(parts, "#ranking > tbody > tr:nth-child("+strconv.Itoa(i)+")")
	}
	return append(parts, "#chart-section", "#free-section", "#unavailable", "#export", "#share")
}()

// Where the sections after the ranking are in compareLater.
const (
	laterChart = rankShown + iota
	laterFree
	laterGone
	laterExport
	laterShare
)

// newCompare returns the compare page. Its state is set up in OnInit, so
// the page (prerendered or in the browser) shows a ranking in its first
// render.
func newCompare() *compare {
	return &compare{}
}

// Framed sets frame mode (IFramed).
func (c *compare) Framed(v bool) *compare {
	c.IFramed = v
	return c
}

// OnInit sets the default shot, or the one a link carries when in the
// browser, and ranks it.
func (c *compare) OnInit() {
	if app.IsClient {
		c.today = time.Now().Format(time.DateOnly)
	}
	c.init(pageURL())
	c.later.start(compareLater)
}

// OnMount builds the parts below the screen (see later).
func (c *compare) OnMount(ctx app.Context) {
	c.later.begin(ctx, len(compareLater))
}

// OnDismount stops building them, as another page replaces this one.
func (c *compare) OnDismount() {
	c.later.stop()
}

// OnNav applies a link's state when the page is opened or the fragment
// changes (a link to "/compare#…", the back button).
func (c *compare) OnNav(ctx app.Context) {
	v := compareState(linkState(ctx.Page().URL()))
	if formatLinkState(v, compareKeys) == c.seen {
		ctx.PreventUpdate() // nothing new to draw (see calculator.OnNav)
		return
	}
	c.apply(v)
	c.syncInputs(ctx)
}

func (c *compare) Render() app.UI {
	var chart, free, gone, export, share app.UI
	if c.later.has(laterChart) {
		chart = c.renderChart()
	}
	if c.later.has(laterFree) {
		free = c.renderFree()
	}
	if c.later.has(laterGone) {
		gone = c.renderGone()
	}
	if c.later.has(laterExport) {
		export = c.renderExport()
	}
	if !c.IFramed && c.later.has(laterShare) {
		share = shareSection("/compare", shareState(c.shareValues(), c.errs, compareKeys))
	}
	return attrs(elem("main", "page cmp-page",
		elem("header", "cmp-head",
			textElem("h1", "", "Which platform is cheapest for your shot?"),
			lede("cmp-lede",
				"Fix one standard shot and every platform's models are priced on it, "+
					"ranked by what a second of video you keep costs, with the plan that price assumes "+
					"and how fresh the number is."),
		),
		c.renderForm(),
		c.renderRanking(),
		chart,
		free,
		gone,
		export,
		share,
	), "id", "main", "data-later", c.later.waiting())
}

// renderForm renders the shot, the way of buying and the platform filter.
func (c *compare) renderForm() app.UI {
	// The exchange rate's field is left out of a frame: a blog's reader
	// compares platforms, and the legend under the ranking says which rate
	// converted a price (the author's link may set one). A bad rate in
	// that link shows it with its message, to correct, and it stays while
	// it is corrected: going, it took the focus with it.
	var rate app.UI
	if !c.IFramed || c.rateBad {
		rate = field{
			Name: "rate", Label: labelRate, Value: c.values["rate"], Hint: c.rateHint,
			Unit: "EUR", Error: c.errs["rate"], Placeholder: c.defaultRate(),
			OnInput: c.onInput("rate"),
		}.render()
	}
	return attrs(elem("form", "cmp-form",
		elem("fieldset", "cmp-set cmp-shot",
			textElem("legend", "", "The shot"),
			elem("div", "cmp-fields",
				c.field("dur", "seconds", "numeric"),
				c.picker("res", "", compareResChoices),
				c.picker("tier", "models of one tier compare like with like", tierChoices),
				c.takesField(), // with the clip log's measured figure (logstore.go)
			),
			attrs(elem("div", "cmp-checks",
				c.checkbox("audio", "1", "Native audio", c.on["audio"]),
				c.checkbox("upscale", "1", "Upscale", c.on["upscale"]),
			), "role", "group", "aria-label", "Add-ons"),
			textElem("p", "field-msg", c.errs["audio"]).ID(fieldMessageID("audio")),
			textElem("p", "field-msg", c.errs["upscale"]).ID(fieldMessageID("upscale")),
		),
		elem("fieldset", "cmp-set",
			textElem("legend", "", "Prices"),
			elem("div", "cmp-fields",
				c.picker("billing", "", lensChoices),
				c.picker("cur", "", displayChoices),
				rate,
			),
		),
		c.renderPlatforms(),
		peek("cmp-peek", c.peekText(), c.current),
	), "id", "cmp-form", "aria-label", "Shot to compare").On("submit", c.onSubmit)
}

// peekText is the ranking in a sentence short enough for the bottom of a
// phone's screen: the cheapest model, or the status when there is none or
// the ranking is not current.
func (c *compare) peekText() string {
	if !c.current || len(c.table.Rows) == 0 {
		return c.status
	}
	first := c.table.Rows[0]
	return "Cheapest of " + strconv.Itoa(len(c.table.Rows)) + ": " + first.Model + " on " + first.Platform +
		", " + first.Kept + " per kept second."
}

// renderPlatforms renders the platform filter: one checkbox per profile.
func (c *compare) renderPlatforms() app.UI {
	items := make([]app.UI, len(c.platforms))
	for i, p := range c.platforms {
		items[i] = elem("li", "", c.checkbox("platforms", p.Value, p.Label, c.checked[p.Value]))
	}
	return elem("fieldset", "cmp-set cmp-platforms",
		textElem("legend", "", labelPlatforms),
		details("cmp-filter",
			textElem("summary", "", c.filterSum).ID("cmp-filter-summary"),
			elem("div", "cmp-filter-body",
				attrs(textElem("button", "secondary", "All platforms"), "id", "cmp-all", "type", "button").
					On("click", c.onAllPlatforms),
				elem("ul", "cmp-filter-list", items...),
			),
		),
		textElem("p", "field-msg", c.errs["platforms"]).ID(fieldMessageID("platforms")),
		textElem("p", "field-hint", c.platformNote).ID("f-platforms-note"),
	).Attr("aria-describedby", fieldMessageID("platforms")+" f-platforms-note")
}

// renderRanking renders the status and the sortable table: its first
// rankShown rows, and a button that shows the rest.
func (c *compare) renderRanking() app.UI {
	shown := c.view
	caption := "Models ranked by cost per kept second; the column buttons sort the table."
	if c.sortKey != "rank" || c.sortDesc {
		caption = "Models sorted by " + c.sortWords() + "; the column buttons sort the table."
	}
	if !c.showAll && len(shown) > rankShown {
		shown = shown[:rankShown]
		caption += " The first " + strconv.Itoa(rankShown) + " of " + strconv.Itoa(len(c.view)) +
			" are shown; the button after the table shows all."
	}
	shown = shown[:min(len(shown), c.later.built)] // the rows below the screen come after the start
	heads := make([]app.UI, len(rankColumns))
	for i, col := range rankColumns {
		heads[i] = c.renderHead(col)
	}
	rows := make([]app.UI, len(shown))
	for i := range shown {
		rows[i] = c.renderRow(shown[i])
	}
	var more, listed, calcLink app.UI
	// In a frame, the embed's one link to the site is the full comparison
	// (embed.renderFull), which has this one and the rows' own.
	if !c.IFramed {
		calcLink = elem("p", "cmp-links",
			attrs(textElem("a", "", "Price this clip in the calculator"), "id", "cmp-calc-link", "href", c.calcHref),
		)
	}
	if len(c.view) > rankShown {
		label := "Show all " + strconv.Itoa(len(c.view)) + " models"
		if c.showAll {
			label = "Show the first " + strconv.Itoa(rankShown) + " only"
		}
		more = attrs(textElem("button", "secondary cmp-more", label), "id", "cmp-more", "type", "button",
			"data-replay", "more", "aria-controls", "ranking", "aria-expanded", strconv.FormatBool(c.showAll)).
			On("click", c.onShowAll)
		if !c.showAll {
			listed = textElem("p", "print-only", "Listed: the first "+strconv.Itoa(rankShown)+" of "+
				strconv.Itoa(len(c.view))+" models.")
		}
	}
	return attrs(elem("section", resultsClass("cmp-results", c.current),
		textElem("h2", "", "Ranking").ID("ranking-title"),
		attrs(textElem("p", "cmp-status", c.status), "id", "cmp-status", "data-announce", "results"), // read out once typing pauses (web/early.js)
		// Named apart from its section: two regions named "Ranking".
		attrs(elem("div", "cmp-scroll",
			elem("table", "cmp-table",
				textElem("caption", "visually-hidden", caption),
				elem("thead", "", elem("tr", "", heads...)),
				elem("tbody", "", rows...),
			).ID("ranking"),
		), "role", "region", "tabindex", "0", "aria-label", "Ranking table"),
		attrs(textElem("p", "visually-hidden", c.viewMsg), "id", "cmp-view-status", "role", "status"),
		more,
		// On paper, where the button is not printed. After it: the button
		// keeps its place (and the focus) when this comes and goes.
		listed,
		elem("p", "cmp-legend",
			textElem("span", "cmp-legend-item", markStale+" "+staleWords()),
			rateElem("span", "cmp-legend-item", c.convertedNote()),
			// Why /plan's cheapest month may be another platform's.
			textElem("span", "cmp-legend-item", planUsedNote+
				" /plan prices whole months as bought, unused credits and top-ups included."),
			textElem("span", "cmp-legend-item", evidenceNote),
			textElem("span", "cmp-legend-item", lengthNote),
		),
		calcLink,
	), "id", "ranking-section", "aria-labelledby", "ranking-title")
}

// renderHead renders a column's header: a button that sorts by it. The
// model's header holds the platform's button too, shown where the box is
// too narrow for the Platform column (app.css), which is left out there
// with its button, and the platform shows under the model's name.
func (c *compare) renderHead(col rankColumn) app.UI {
	class := "cmp-col-" + col.Key
	if col.Num {
		class += " num"
	}
	var folded app.UI
	if col.Key == "model" {
		folded = elem("span", "cmp-sort-folded", c.sortButton(rankColumns[1], "folded-platform")) // Platform
	}
	// An empty aria-sort is not set: go-app drops empty attributes.
	_, sort := c.sortMark(col.Key)
	return attrs(elem("th", class, c.sortButton(col, col.Key), folded), "scope", "col", "aria-sort", sort)
}

// sortButton renders the button that sorts by col. replay names it for a
// click before the wasm, which counts (web/early.js): one name a button.
func (c *compare) sortButton(col rankColumn, replay string) app.UI {
	icon, _ := c.sortMark(col.Key)
	button := attrs(elem("button", "cmp-sort",
		textElem("span", "", col.Label),
		textElem("span", "cmp-sort-icon", icon).Attr("aria-hidden", "true"),
	), "type", "button", "data-sort", col.Key, "data-replay", replay).On("click", c.onSort(col.Key))
	if col.Key == "rank" {
		button = button.Attr("aria-label", "Rank") // heard as "number sign"
	}
	return button
}

// sortMark is how the column key shows the table's sort: its icon and its
// aria-sort, both "" when the table is not sorted by it.
func (c *compare) sortMark(key string) (icon, sort string) {
	switch {
	case c.sortKey != key:
		return "", ""
	case c.sortDesc:
		return "▼", "descending"
	}
	return "▲", "ascending"
}

// renderRow renders one ranked model.
func (c *compare) renderRow(i int) app.UI {
	l := c.table.Rows[i]
	cell := func(key, text string) app.UI {
		class := "cmp-col-" + key
		if key == "rank" || key == "credits" || key == "clip" || key == "second" || key == "kept" || key == "times" {
			class += " num"
		}
		return textElem("td", class, text)
	}
	staleClass := "cmp-stale"
	if !l.Stale {
		// Kept in place, invisible, so that a price going stale on the
		// visitor's date does not move the table.
		staleClass = "cmp-stale cmp-stale-off"
	}
	tr := attrs(elem("tr", "cmp-row"), "data-model", l.Key,
		"data-cost-per-second", pricing.Exact(l.row.CostPerKeptSecond.Amount), "data-rank", strconv.Itoa(l.Rank))
	var staleText app.UI
	if l.Stale {
		tr = tr.Attr("data-stale", "true")
		staleText = textElem("span", "visually-hidden", "possibly stale")
	}
	// The row's links say which row they are of: tabbing through the
	// table, or in a screen reader's list of links, two models' links
	// were both "Kling 1.0 Standard" (Kling's own and Krea's) and every
	// row's sources "source 1", "source 2".
	which := l.Model + " on " + l.Platform
	var name app.UI = attrs(textElem("a", "", l.Model), "href", c.links[i], "title", "Open in the calculator: "+which)
	if c.IFramed {
		name = textElem("span", "cmp-model", l.Model) // the embed links to the site once (embed.renderFull)
	}
	refs := make([]app.UI, len(l.Refs))
	for j, n := range l.Refs {
		refs[j] = attrs(textElem("a", "cmp-ref", "["+strconv.Itoa(n)+"]"), "href", c.table.Sources[n-1].URL,
			"target", "_blank", "rel", "noopener noreferrer", "aria-label", "source "+strconv.Itoa(n)+" for "+which)
	}
	return tr.Body(
		cell("rank", strconv.Itoa(l.Rank)),
		cell("platform", l.Platform),
		// data-platform: the platform again, shown under the name where the
		// box is too narrow for its column (app.css): on a phone the cost
		// kept at the box's edge lay over the model's name.
		attrs(elem("th", "cmp-col-model",
			// Its name stays the model's, which the row's header is (with
			// the platform folded under it where the box is narrow); the
			// description says the platform.
			name,
		), "scope", "row", "data-platform", l.Platform),
		cell("tier", l.Tier),
		planCell(l, which),
		cell("credits", l.Credits),
		clipCell(l),
		cell("second", l.Second),
		cell("kept", l.Kept),
		cell("times", l.Times),
		elem("td", "cmp-col-evidence",
			elem("div", "cmp-ev",
				textElem("span", "cmp-ev-text", l.Evidence),
				elem("span", "cmp-refs", refs...),
				staleMark(staleClass),
				staleText,
			),
			figureFold(l.Figures, which),
		),
	)
}

// tierWord is tier as a word in a sentence ("fast"), "" for any tier.
func tierWord(tier pricing.Tier) string {
	if tier == pricing.TierAny {
		return ""
	}
	for _, ch := range tierChoices {
		if ch.Value == string(tier) {
			return strings.ToLower(ch.Label)
		}
	}
	return ""
}

// staleWords is what the stale mark means, as /compare's legend says it.
func staleWords() string {
	return "possibly stale: the price was read more than " + strconv.Itoa(pricing.StaleDays) + " days ago."
}

// staleMark is the stale mark, hidden from a screen reader, which is
// told in words beside it.
func staleMark(class string) app.UI {
	return attrs(textElem("span", class, markStale), "aria-hidden", "true", "title", "Possibly stale")
}

// priceSource says where a price the calculator or /plan uses comes
// from and when it was read ("Plan price: official · 2025-04-07"), with
// /compare's stale mark and its words where the price is stale against
// today. Both are kept in place, invisible, when it is not: a price going
// stale on the visitor's day moves nothing of the prerendered page.
func priceSource(class, what string, src pricing.Source, today string) app.UI {
	if src.Read == "" && src.Evidence == "" {
		return nil
	}
	mark, words := "cmp-stale", "price-stale"
	stale := isStale(src.Read, today)
	if !stale {
		mark, words = mark+" cmp-stale-off", words+" cmp-stale-off"
	}
	p := elem("p", class+" price-source",
		app.Text(sourceWords(what, src)+" "),
		staleMark(mark), app.Text(" "),
		textElem("span", words, staleWords()),
	)
	if stale {
		p = p.Attr("data-stale", "true")
	}
	return p
}

// sourceWords is priceSource's words: "Plan price: secondary · 2026-10-01".
func sourceWords(what string, src pricing.Source) string {
	return what + ": " + evidenceText(src.Evidence, src.Read)
}

// sourceText is priceSource in words alone, with the stale words only
// where the price is stale, for where no mark can go (/plan's folded
// row header, app.css's data-way), "" without a source.
func sourceText(what string, src pricing.Source, today string) string {
	if src.Read == "" && src.Evidence == "" {
		return ""
	}
	if isStale(src.Read, today) {
		return sourceWords(what, src) + " " + staleWords()
	}
	return sourceWords(what, src)
}

// clipCell is a row's cost per clip, with the clip's length under it
// where the model makes the shot longer than asked (rankLine.Length).
func clipCell(l rankLine) app.UI {
	if l.Length == "" {
		return textElem("td", "cmp-col-clip num", l.Clip)
	}
	// The space and the brackets: the cell's text reads as the Markdown's
	// ("$0.30 (6 s clip)"), not "$0.306 s clip".
	return elem("td", "cmp-col-clip num", app.Text(l.Clip+" "), textElem("small", "cmp-length", "("+l.Length+")"))
}

// figureNote says under a price which figure it is where the sources
// give a range or two ("Kling 3.0: 10 credits, the top of the 7–10 its
// source gives"); nil when there is nothing to say.
func figureNote(text string) app.UI {
	if text == "" {
		return nil
	}
	return textElem("small", "figure-note", sentence(text))
}

// figureFold is figureNote folded under "Which figure is used", for a
// table's narrow column: Google Flow's notes (its plan's credits and its
// model's) ran 12 lines in the ranking's Evidence column, a row ~230 px
// tall.
func figureFold(text, whose string) app.UI {
	if text == "" {
		return nil
	}
	return fold("Which figure is used", whose, text)
}

// fold is a note folded under a summary, for a table's narrow column; it
// prints open, without its summary (web/early.js, app.css). whose names
// the row for a screen reader ("Veo 3 Fast on Google Flow"), where every
// row's summary reads the same on screen.
func fold(summary, whose, text string) app.UI {
	return details("figure-fold",
		textElem("summary", "", summary).Attr("aria-label", summary+" for "+whose),
		figureNote(text))
}

// planCell is a row's plan: its name and note, where the note's words on
// a promotion are folded under "Promotion". Google AI Ultra's "billed
// monthly at the regular price, not the intro $124.99 of the first 3
// months" ran 8 lines in the 128 px column, a row 165 px tall at a
// desktop's width; the exports keep the whole note.
func planCell(l rankLine, whose string) app.UI {
	p := l.row.Price
	if p.Promo == "" {
		return textElem("td", "cmp-col-plan", l.Plan)
	}
	return elem("td", "cmp-col-plan", app.Text(planNoted(p, p.ShortNote())), fold("Promotion", whose, p.Promo))
}

// figureWords says, as sentences after a text, which figure a plan's
// credits and a model's price are where the sources give a range or two
// (pricing.Profile.Figures; either id may be ""): " Google AI Ultra:
// 25,000 credits a month is the later of two figures …".
func figureWords(p pricing.Profile, planID, modelID string) string {
	s := ""
	for _, f := range p.Figures(planID, modelID) {
		s += " " + sentence(f)
	}
	return s
}

// renderChart renders the bar chart of the ranking.
func (c *compare) renderChart() app.UI {
	var chart app.UI
	if len(c.chart.Bars) > 0 {
		chart = c.chart.render()
	} else {
		chart = textElem("p", "cmp-empty", "Nothing to draw: no model is ranked.")
	}
	return attrs(elem("section", "cmp-chart",
		textElem("h2", "", "Cost per kept second").ID("chart-title"),
		chart,
	), "id", "chart-section", "aria-labelledby", "chart-title")
}

// renderFree renders what the free tiers buy of the shot. Without a
// ranking (no platform ticked, a bad field, no model to rank) it is hidden
// and says nothing, as renderGone.
func (c *compare) renderFree() app.UI {
	sec := attrs(elem("section", "cmp-free",
		textElem("h2", "", "Free tiers as money").ID("free-title"),
		c.renderFreeTable(),
	), "id", "free-section", "aria-labelledby", "free-title")
	if len(c.table.Rows) == 0 {
		sec = sec.Attr("hidden", true)
	}
	return sec
}

// renderFreeTable renders the free tiers' table, or says there are none
// (nothing without a ranking).
func (c *compare) renderFreeTable() app.UI {
	if len(c.free) == 0 {
		none := ""
		if len(c.table.Rows) > 0 {
			none = "None of the ranked platforms has free credits that make this shot."
		}
		return textElem("p", "cmp-empty", none)
	}
	rows := make([]app.UI, len(c.free))
	for i, f := range c.free {
		rows[i] = elem("tr", "",
			textElem("th", "", f.Where).Attr("scope", "row"),
			textElem("td", "", f.Credits),
			textElem("td", "", f.Buys),
			elem("td", "num", app.Text(f.Worth), figureFold(f.Figures, f.Where)),
		).Attr("data-model", f.Key)
	}
	return attrs(elem("div", "cmp-scroll",
		elem("table", "cmp-table cmp-free-table",
			textElem("caption", "visually-hidden", "Free tiers as money: what each platform's free credits buy of this shot."),
			tableHead("Platform and model|Free credits|What they buy|Worth at the paid price", "___n"),
			elem("tbody", "", rows...),
		).ID("free"),
	), "role", "region", "tabindex", "0", "aria-label", "Free tiers table")
}

// renderGone renders the models that cannot make the shot, by reason
// (goneGroups): a line for each, its count in the line, and its platforms
// and models in a <details> under it. Without a ranking (no platform
// ticked, a bad field, an invalid shot) it is hidden: it cannot say that
// every model can make the shot, and the status says why there is none.
func (c *compare) renderGone() app.UI {
	shown := c.current && (len(c.gone) > 0 || len(c.table.Rows) > 0)
	lede := ""
	if shown {
		lede = goneSummary(c.gone)
	}
	groups := make([]app.UI, len(c.gone))
	for i, g := range c.gone {
		places := make([]app.UI, len(g.Places))
		for j, p := range g.Places {
			// The colon in the name's span: the prerendered HTML puts a
			// line break, a space on the page, between the two.
			places[j] = elem("li", "", textElem("span", "cmp-gone-platform", p.Name+":"), app.Text(" "+p.Models)).
				Attr("data-profile", p.Key)
		}
		groups[i] = elem("li", "", details("cmp-gone-group",
			elem("summary", "", textElem("span", "cmp-gone-reason", g.Reason), app.Text(" — "),
				textElem("span", "cmp-gone-count", goneCount(g))),
			elem("ul", "cmp-gone-list", places...),
		))
	}
	sec := attrs(elem("section", "cmp-gone",
		textElem("h2", "", "Cannot make this shot").ID("gone-title"),
		textElem("p", "cmp-gone-lede", lede),
		elem("ul", "cmp-gone-groups", groups...),
	), "id", "unavailable", "aria-labelledby", "gone-title")
	if !shown {
		sec = sec.Attr("hidden", true)
	}
	return sec
}

// goneCount is a reason's count as its line on /compare says it, naming
// the one platform or model a group holds: "1 platform: Beta (API)", "1
// model: A Short on Alpha (app)", or else the count, "46 models". A
// reason about one whole platform said "1 platform", and a person had to
// open it to learn which.
func goneCount(g goneGroup) string {
	if len(g.Places) != 1 || g.models+g.platforms != 1 {
		return g.Count
	}
	p := g.Places[0]
	if g.platforms == 1 {
		return g.Count + ": " + p.Name
	}
	return g.Count + ": " + p.Models + " on " + p.Name
}

// renderExport renders the Markdown and CSV exports.
func (c *compare) renderExport() app.UI {
	return attrs(elem("section", "cmp-export",
		textElem("h2", "", "Use this ranking").ID("export-title"),
		textElem("p", "cmp-export-lede",
			"For a blog post or a spreadsheet. Both carry the shot, the date and the sources."),
		elem("div", "cmp-export-actions",
			attrs(textElem("button", "", "Copy as Markdown"), "id", "copy-markdown", "type", "button").On("click", c.onCopy),
			attrs(textElem("a", "button secondary", "Download CSV"), "id", "download-csv",
				"href", c.csvHref, "download", c.csvName, "type", "text/csv"),
		),
		attrs(textElem("p", "cmp-copy-status", c.copyMsg), "id", "copy-status", "role", "status", "aria-live", "polite"),
		attrs(textElem("label", "cmp-md-label", "Markdown (select it and copy if the button does not work)"), "for", "markdown"),
		attrs(textElem("textarea", "cmp-md", c.markdown), "id", "markdown", "rows", "8", "spellcheck", "false").Attr("readonly", true),
	), "id", "export", "aria-labelledby", "export-title")
}

// onSubmit keeps Enter in a field from reloading the page.
func (c *compare) onSubmit(ctx app.Context, e app.Event) {
	e.PreventDefault()
}

// onInput stores a typed value and re-ranks.
func (c *compare) onInput(key string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		c.values[key] = ctx.JSSrc().Get("value").String()
		if key == "takes" {
			c.takesMeasured = false
		}
		if key == "rate" {
			c.linkRate = "" // typed over: the person's own
		}
		c.changed(ctx)
	}
}

// onPick stores a picked option and re-ranks.
func (c *compare) onPick(key string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		c.values[key] = ctx.JSSrc().Get("value").String()
		c.changed(ctx)
	}
}

// onCheck stores an add-on's checkbox and re-ranks.
func (c *compare) onCheck(key string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		c.values[key] = checkedValue(ctx)
		c.changed(ctx)
	}
}

// onPlatform adds a platform to the filter or takes it out.
func (c *compare) onPlatform(id string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		on := ctx.JSSrc().Get("checked").Bool()
		var ids []string
		for _, p := range c.platforms {
			if p.Value == id && on || p.Value != id && c.checked[p.Value] {
				ids = append(ids, p.Value)
			}
		}
		switch len(ids) {
		case len(c.platforms):
			c.values["platforms"] = ""
		case 0:
			c.values["platforms"] = noPlatforms
		default:
			c.values["platforms"] = strings.Join(ids, ",")
		}
		c.changed(ctx)
	}
}

// onAllPlatforms checks every platform.
func (c *compare) onAllPlatforms(ctx app.Context, e app.Event) {
	c.values["platforms"] = ""
	c.changed(ctx)
}

// onSort sorts the table by a column; the same column again reverses it.
func (c *compare) onSort(key string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if c.sortKey == key {
			c.sortDesc = !c.sortDesc
		} else {
			c.sortKey, c.sortDesc = key, false
		}
		c.view = c.table.order(c.sortKey, c.sortDesc)
		c.viewMsg = "Sorted by " + c.sortWords() + "."
	}
}

// sortWords says how the table is sorted: "platform, A to Z", "cost per
// clip, highest first", "rank, cheapest first". The status says it after
// a sort: in rank order it said "Sorted by ." (there the caption says
// "ranked by cost per kept second"), and "rank, highest first" read as
// rank 1 first when it meant the most expensive.
func (c *compare) sortWords() string {
	for _, col := range rankColumns {
		if col.Key != c.sortKey {
			continue
		}
		label, dir := strings.ToLower(col.Label), []string{", A to Z", ", Z to A"}
		switch {
		case col.Key == "rank":
			label, dir = "rank", []string{", cheapest first", ", most expensive first"}
		case col.Num:
			dir = []string{", lowest first", ", highest first"}
		}
		if c.sortDesc {
			return label + dir[1]
		}
		return label + dir[0]
	}
	return ""
}

// onShowAll shows every ranked model, or the first rankShown again.
func (c *compare) onShowAll(ctx app.Context, e app.Event) {
	c.showAll = !c.showAll
	c.chart = rankChart(c.table, c.chartBars())
	c.viewMsg = "Showing the first " + strconv.Itoa(rankShown) + " models."
	if c.showAll {
		// To the first row that was not shown: the button is now below them all.
		c.viewMsg = "Showing all " + strconv.Itoa(len(c.view)) + " models."
		focusAfterRender(ctx, "#ranking tbody tr:nth-child("+strconv.Itoa(rankShown+1)+") a")
		return
	}
	// The rows above the button went, and the page with them: on a phone
	// the button, which keeps the focus, was 2,000 px above the screen, and
	// in an article the embed shrank under the reader. Bring it back.
	if app.IsClient {
		ctx.Defer(func(app.Context) {
			if b := app.Window().GetElementByID("cmp-more"); b.Truthy() {
				b.Call("scrollIntoView", map[string]any{"block": "center"})
			}
		})
	}
}

// chartBars is how many of the cheapest models the chart draws: as many as
// the table shows in rank order.
func (c *compare) chartBars() int {
	if c.showAll {
		return len(c.table.Rows)
	}
	return min(len(c.table.Rows), rankShown)
}

// onCopy puts the Markdown on the clipboard, and says whether it worked.
func (c *compare) onCopy(ctx app.Context, e app.Event) {
	text := c.markdown
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() || !clip.Get("writeText").Truthy() {
		c.copyMsg = "This browser cannot copy from here: select the Markdown below and copy it."
		return
	}
	c.copyMsg = "Copying…"
	await(ctx, clip.Call("writeText", text), func(_ app.Context, _ app.Value, ok bool) {
		c.copyMsg = "Copied the ranking as Markdown."
		if !ok {
			c.copyMsg = "The browser did not allow copying: select the Markdown below and copy it."
		}
	})
}

// changed re-ranks after an edit and writes the state to the fragment.
func (c *compare) changed(ctx app.Context) {
	c.copyMsg = ""
	c.compute()
	v := c.linkValues()
	c.seen = formatLinkState(v, compareKeys)
	replaceLink(ctx, v, compareKeys)
	c.syncInputs(ctx)
}

// syncInputs makes the inputs show the state after it changed other than
// by typing: go-app drops an empty value attribute instead of clearing the
// input.
func (c *compare) syncInputs(ctx app.Context) {
	if !app.IsClient {
		return
	}
	ctx.Defer(func(app.Context) {
		for _, key := range []string{"dur", "takes", "rate"} {
			input := app.Window().GetElementByID(fieldID(key))
			if input.Truthy() && input.Get("value").String() != c.values[key] {
				input.Set("value", c.values[key])
			}
		}
	})
}

// init sets the state from u (nil: the default shot) and ranks it.
func (c *compare) init(u *url.URL) {
	if c.ready {
		return
	}
	c.ready = true
	c.apply(compareState(linkState(u)))
}

// apply replaces the state with a link's values; what the link leaves out
// takes the standard shot's value.
func (c *compare) apply(v url.Values) {
	c.values = map[string]string{}
	for key, d := range compareDefaults {
		c.values[key] = d
	}
	for key := range v {
		c.values[key] = v.Get(key)
	}
	c.linkPlatforms = strings.TrimSpace(c.values["platforms"])
	c.linkRate = ""
	if m, ok := strings.CutPrefix(c.values["rate"], "~"); ok { // a clip log's rate: linkedRate
		c.linkRate, c.values["rate"] = strings.TrimSpace(m), ""
	}
	c.takesMeasured = false
	if d, _, ok := measuredTakes("", ""); ok && v.Get("takes") == "" {
		// The clip log's measured figure, shown to 2 places ("2.33", not
		// "~2.33": typed, "~" is no number); compute counts it exactly.
		c.values["takes"] = strings.TrimPrefix(pricing.FormatApprox(d), "~")
		c.takesMeasured = true
	}
	c.seen = formatLinkState(v, compareKeys)
	c.compute()
}

// compute reads every field and ranks the shot, keeping each field's
// message and the formatted ranking. A bad field leaves no old ranking
// behind: the table empties and the status says why.
func (c *compare) compute() {
	c.errs = map[string]string{}
	c.general = ""
	c.current = false
	// What Show all or a sort said is of the table before: "Showing all 72
	// models." stayed beside 8. The status above the table says the new one.
	c.viewMsg = ""
	if c.sortKey == "" {
		c.sortKey = "rank"
	}

	ps, err := c.profiles()
	if err != nil {
		c.general = errorMessage(err)
	}
	if c.today == "" {
		c.today = catalogDate(ps)
	}

	var shot pricing.Shot
	if d, ok := c.number("dur", pricing.UnitSeconds); ok {
		shot.Seconds = d
	}
	shot.Res = pricing.Resolution(c.choose("res", compareResChoices))
	shot.Tier = pricing.Tier(c.choose("tier", tierChoices))
	if d, err := pricing.ParseTakes(labelTakes, c.values["takes"]); err != nil {
		c.errs["takes"] = errorMessage(err)
	} else {
		shot.Takes = d
	}
	if d, _, ok := measuredTakes("", ""); ok && c.takesMeasured {
		shot.Takes = d // the field shows it rounded
	}
	c.on = map[string]bool{}
	for _, a := range addonKeys {
		on, ok := flagValue(c.values[a.key])
		if !ok {
			c.errs[a.key] = errorMessage(&choiceError{Field: compareLabels[a.key], Value: c.values[a.key]})
		}
		if on {
			c.on[a.key] = true
			shot.Addons = append(shot.Addons, a.kind)
		}
	}
	opts := pricing.RankOptions{
		Lens:    pricing.Lens(c.choose("billing", lensChoices)),
		Display: pricing.Currency(c.choose("cur", displayChoices)),
		Rates:   c.rates(),
		Today:   c.today,
	}
	c.rateBad = c.rateBad || c.errs["rate"] != ""
	chosen := c.filter(ps)
	c.filterSum = "All " + strconv.Itoa(len(c.platforms)) + " platforms"
	if n := len(c.checked); n < len(c.platforms) {
		c.filterSum = strconv.Itoa(n) + " of " + strconv.Itoa(len(c.platforms)) + " platforms"
	}
	c.calcHref = linkTo("/", c.calcValues(shot), calcKeys)

	if len(c.errs) > 0 || c.general != "" {
		c.formatStale()
		return
	}
	c.format(pricing.Rank(chosen, shot, opts))
}

// format turns a ranking into what the page shows.
func (c *compare) format(r pricing.Ranking) {
	c.current = true
	c.table = newRankTable(r, c.units, c.today)
	c.view = c.table.order(c.sortKey, c.sortDesc)
	c.links = make([]string, len(r.Rows))
	for i, row := range r.Rows {
		c.links[i] = calcRowLink(row, r.Shot)
	}
	if len(r.Rows) > 0 {
		c.calcHref = c.links[0]
	}
	c.gone = c.table.Gone
	c.free = freeLines(c.table, c.units)
	c.chart = rankChart(c.table, c.chartBars())
	c.markdown = c.table.Markdown()
	c.csvHref = csvDataURL(c.table.CSV())
	c.csvName = csvFileName(r.Shot, c.today)

	switch n := len(r.Rows); {
	case n == 0 && len(r.Unavailable) > 0 && r.Unavailable[0].ProfileID == "":
		// An invalid shot: pricing says why.
		c.status = "No model can make this shot: " + sentence(r.Unavailable[0].Reason)
	case n == 0:
		c.status = "No model can make this shot; the list below says why."
	default:
		first := c.table.Rows[0]
		models := "models can"
		if n == 1 {
			models = "model can"
		}
		// The plan after a comma: it has parentheses of its own, "Starter
		// (billed yearly)". The billing is said, as /plan says its own:
		// on one shot the two pages' cheapest differed, this one's on its
		// default, the cheapest available (a yearly plan), /plan's on a
		// monthly one, and neither said so.
		// The tier ranked, which a link may have picked (the
		// calculator's carries its model's): "7 fast-tier models".
		if tier := tierWord(r.Shot.Tier); tier != "" {
			models = tier + "-tier " + models
		}
		c.status = strconv.Itoa(n) + " " + models + " make this shot (billing: " + c.table.Billing + "). Cheapest: " +
			first.Model + " on " + first.Platform + ", " + first.Kept + " per kept second, " + first.Plan + "."
	}
}

// formatStale empties the ranking and says why.
func (c *compare) formatStale() {
	c.table = rankTable{Date: c.today}
	c.view, c.links = nil, nil
	c.gone, c.free = nil, nil
	c.chart = barChart{}
	c.markdown, c.csvHref = "", ""
	why := c.general
	if why == "" {
		for _, key := range compareKeys {
			if msg := c.errs[key]; msg != "" {
				why = msg
				break
			}
		}
	}
	c.status = "The ranking is not current. " + why
}

// field returns the text input for key with its state.
func (c *compare) field(key, unit, mode string) app.UI {
	return field{
		Name:    key,
		Label:   compareLabels[key],
		Value:   c.values[key],
		Unit:    unit,
		Error:   c.errs[key],
		Mode:    mode,
		OnInput: c.onInput(key),
	}.render()
}

// picker returns the select for key with its state.
func (c *compare) picker(key, hint string, choices []choice) app.UI {
	return picker{
		Name:     key,
		Label:    compareLabels[key],
		Value:    c.values[key],
		Hint:     hint,
		Error:    c.errs[key],
		Choices:  choices,
		OnChange: c.onPick(key),
	}.render()
}

// checkbox returns a labelled checkbox named key with the value value.
func (c *compare) checkbox(key, value, label string, checked bool) app.UI {
	id, h, msg := fieldID(key), c.onCheck(key), c.errs[key]
	if key == "platforms" {
		id, h, msg = id+"-"+value, c.onPlatform(value), ""
	}
	return checkbox(id, key, value, label, checked, msg, h)
}

// number parses the positive number in the field key, in unit.
func (c *compare) number(key string, unit pricing.Unit) (decimal.Decimal, bool) {
	d, err := pricing.ParsePositiveIn(compareLabels[key], c.values[key], unit)
	if err != nil {
		c.errs[key] = errorMessage(err)
		return decimal.Decimal{}, false
	}
	return d, true
}

// choose returns the field key's value when it is one of choices, and
// files a message otherwise.
func (c *compare) choose(key string, choices []choice) string {
	v := c.values[key]
	for _, ch := range choices {
		if ch.Value == v {
			return v
		}
	}
	c.errs[key] = errorMessage(&choiceError{Field: compareLabels[key], Value: v})
	return ""
}

// flagValue reads a checkbox's link value: "1" (or "true", "yes", "on")
// is checked, empty (or "0", "false", "no", "off") is not; ok is false for
// anything else.
func flagValue(s string) (on, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "true", "yes", "on":
		return true, true
	case "", "0", "false", "no", "off":
		return false, true
	}
	return false, false
}

// filter reads the platforms field into the checkboxes' state and returns
// the profiles to rank. A value lists profile ids or platform names, any
// case, separated by commas: an id picks that profile ("kling": the app
// only), a platform name that is no id picks all its profiles ("Google":
// Flow and the Veo API). Empty means every profile; "none" unchecks every
// box.
//
// The page filters the profiles itself instead of passing
// RankOptions.Platforms: pricing.Rank matches each name against ids and
// platforms alike, so "kling" there would also pick Kling's API.
func (c *compare) filter(ps []pricing.Profile) []pricing.Profile {
	c.platforms = make([]choice, len(ps))
	c.checked = make(map[string]bool, len(ps))
	for i, p := range ps {
		c.platforms[i] = choice{Value: p.ID, Label: p.Name}
	}
	raw := strings.TrimSpace(c.values["platforms"])
	if raw == "" {
		for _, p := range ps {
			c.checked[p.ID] = true
		}
		return ps
	}
	if strings.EqualFold(raw, noPlatforms) {
		c.errs["platforms"] = "Pick at least one platform."
		return nil
	}
	var bad []string
	msg, note := "", ""
	items := strings.Split(raw, ",")
	for _, item := range items {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		if i := slices.IndexFunc(ps, func(p pricing.Profile) bool { return strings.EqualFold(item, p.ID) }); i >= 0 {
			c.checked[ps[i].ID] = true
			// One's own profile of that id, and beside it a copy of
			// another that had it (restored from a backup): the link may
			// mean either, and the page says so while it shows the link.
			if cs := profileCopies(ps, ps[i].ID, items); cs != "" && ps[i].Custom && raw == c.linkPlatforms {
				note += "“" + item + "” is " + ps[i].Name + " on this device; " + cs +
					", restored or imported beside it with that id, is not in the link: check it to compare it too. "
			}
			continue
		}
		found := false
		for _, p := range ps {
			if strings.EqualFold(item, p.Platform) {
				c.checked[p.ID], found = true, true
			}
		}
		if found {
			continue
		}
		// The device that made the link had a profile of this id, which
		// this one keeps under another (cliplog.CopyID): not "not in the
		// list", which sent the person to a list that holds it.
		if cs := profileCopies(ps, item, items); cs != "" {
			msg += " Platforms “" + item + "” is not on this device; a profile restored or imported with that id is here as " +
				cs + ": check it to compare it."
			continue
		}
		bad = append(bad, item)
	}
	c.platformNote = strings.TrimSpace(note)
	if len(bad) > 0 {
		msg = errorMessage(&choiceError{Field: labelPlatforms, Value: strings.Join(bad, ", ")}) + msg
	}
	if msg != "" {
		c.errs["platforms"] = strings.TrimSpace(msg)
		return nil
	}
	var chosen []pricing.Profile
	for _, p := range ps {
		if c.checked[p.ID] {
			chosen = append(chosen, p)
		}
	}
	if len(chosen) == 0 {
		c.errs["platforms"] = "Pick at least one platform."
	}
	return chosen
}

// profileCopies names, as the platform filter lists them, the profiles of
// ps whose id is a copy's of the id from (cliplog.CopyID: a backup's
// profile restored beside one of its id) and that the link's items do not
// name: "“Studio (2) (custom)” (studio-custom)"; "" for none.
func profileCopies(ps []pricing.Profile, from string, items []string) string {
	names, from := "", strings.ToLower(from)
outer:
	for i := range ps {
		id := ps[i].ID
		if !ps[i].Custom || !cliplog.CopyID(from, id) {
			continue
		}
		for _, s := range items {
			if strings.EqualFold(strings.TrimSpace(s), id) {
				continue outer
			}
		}
		if names != "" {
			names += " and "
		}
		names += "“" + ps[i].Name + "” (" + id + ")"
	}
	return names
}

// rateFieldSays starts the rate field's hint: what the rate is, and what it
// is for, which a page in dollars did not say (Freepik prices in euros).
const rateFieldSays = "Euros for 1 USD, for the prices marked " + markConverted + ". "

// rates returns the exchange rates: the clip log's, as /log converts (the
// bundled table until rates are typed there), with the euro's rate
// replaced by the one typed in the rate field (then undated, as the
// person's own).
func (c *compare) rates() pricing.Rates {
	if c.base.Base == "" {
		c.base = deviceRates()
	}
	r := c.base
	c.eur = r.Per[pricing.EUR]
	bundled := pricing.DefaultRates().Describe(pricing.USD, pricing.EUR)
	c.rateHint = rateFieldSays + "Bundled: " + bundled + ", approximate; type your own"
	if own := r.Describe(pricing.USD, pricing.EUR); own != bundled {
		c.rateHint = rateFieldSays + "Your clip log's: " + own + "; bundled: " + bundled
	}
	s := strings.TrimSpace(c.values["rate"])
	if s == "" {
		linked, used, err := linkedRate(r, c.linkRate)
		if err != nil {
			c.errs["rate"] = errorMessage(err)
			return r
		}
		if c.linkRate != "" {
			c.rateHint = rateFieldSays + linked.Describe(pricing.USD, pricing.EUR) + ", " +
				linkRateWords(c.linkRate, used) + "; bundled: " + bundled
		}
		c.eur = linked.Per[pricing.EUR]
		return linked
	}
	d, err := pricing.ParseRate(labelRate, s, pricing.USD, pricing.EUR)
	if err != nil {
		c.errs["rate"] = errorMessage(err)
		return r
	}
	if d.Equal(r.Per[pricing.EUR]) {
		return r
	}
	r = withRate(r, d, "typed on the page")
	c.rateHint = rateFieldSays + "Your rate: 1 USD = " + pricing.FormatNumber(d) + " EUR; bundled: " + bundled
	return r
}

// withRate returns r with d euros for 1 USD, undated, from source: a rate
// typed or linked, not the table's.
func withRate(r pricing.Rates, d decimal.Decimal, source string) pricing.Rates {
	per := make(map[pricing.Currency]decimal.Decimal, len(r.Per))
	for k, v := range r.Per {
		per[k] = v
	}
	per[pricing.EUR] = d
	r.Per, r.Date, r.Source = per, "", source
	return r
}

// defaultRate is the euro rate an empty rate field counts (the clip
// log's, or the bundled one), shown in it.
func (c *compare) defaultRate() string {
	return pricing.Exact(c.eur)
}

// convertedNote says which rate converted the costs marked ≈, if any, and
// that the calculator does not.
func (c *compare) convertedNote() string {
	if len(c.table.Rates) == 0 {
		return ""
	}
	// A row's link opens the calculator, which prices a platform's plan
	// in the platform's own money: said here, so that $ there is no
	// surprise after € here.
	return markConverted + " converted into " + string(c.table.Currency) + ": " + strings.Join(c.table.Rates, "; ") +
		". The calculator shows each platform in its own currency."
}

// linkValues returns the state a link carries: the fields as typed (a bad
// value too, so the link shows the same message), leaving out unchecked
// add-ons, US dollars, an empty rate and the clip log's measured figure.
func (c *compare) linkValues() url.Values {
	v := url.Values{}
	for _, key := range compareKeys {
		s := strings.TrimSpace(c.values[key])
		switch {
		case s == "",
			key == "takes" && c.takesMeasured,
			key == "cur" && s == string(pricing.USD),
			(key == "audio" || key == "upscale") && isOff(s):
			continue
		}
		v.Set(key, s)
	}
	if c.linkRate != "" && !v.Has("rate") {
		v.Set("rate", "~"+c.linkRate) // reloaded, read by the same rule
	}
	return v
}

// shareValues is the state the Share section's link and embed code carry:
// linkValues, and the clip log's measured figure when takes holds it, as
// the calculator's shareValues does: sent to a client, the link ranks the
// same on a device without the log.
func (c *compare) shareValues() url.Values {
	v := c.linkValues()
	if d, _, ok := measuredTakes("", ""); ok && c.takesMeasured {
		v.Set("takes", takesText(d)) // as counted ("7/3"), not as shown
	}
	// A profile of one's own is on this device only: named in the
	// platforms, it made the ranking "not in the list" anywhere else and
	// in every embed. The others chosen stay (none: every platform).
	// The clip log's rate (or a link's), which the ranking converts with
	// when none is typed, marked as a clip log's ("~"): elsewhere the
	// bundled one converted it. A device with rates of its own keeps its
	// own (linkedRate).
	if strings.TrimSpace(c.values["rate"]) == "" {
		v.Del("rate")
		if !c.eur.Equal(pricing.DefaultRates().Per[pricing.EUR]) {
			v.Set("rate", "~"+pricing.Exact(c.eur))
		}
	}
	custom, ids := false, []string{}
	for _, p := range c.catalog {
		if c.checked[p.ID] {
			custom = custom || p.Custom
			if !p.Custom {
				ids = append(ids, p.ID)
			}
		}
	}
	if custom && v.Has("platforms") {
		v.Set("platforms", strings.Join(ids, ","))
	}
	return v
}

// isOff reports whether a checkbox's link value means unchecked.
func isOff(s string) bool {
	on, ok := flagValue(s)
	return ok && !on
}

// calcValues is the shot as the calculator's link keys: its duration and
// generations per kept clip, as far as they are good.
func (c *compare) calcValues(s pricing.Shot) url.Values {
	v := url.Values{}
	if c.errs["dur"] == "" && s.Seconds.IsPositive() {
		v.Set("dur", pricing.Exact(s.Seconds))
	}
	if c.errs["takes"] == "" && s.Takes.IsPositive() && !s.Takes.Equal(decimal.NewFromInt(1)) {
		v.Set("takes", takesText(s.Takes))
	}
	return v
}

// profiles returns the catalog, decoded on first use, and each profile's
// credit name.
func (c *compare) profiles() ([]pricing.Profile, error) {
	if !c.catDone {
		c.catalog, c.catErr = allProfiles() // the catalog and the person's custom profiles
		c.catDone = true
		c.units = map[string]string{}
		for _, p := range c.catalog {
			if p.Unit != "" && p.Unit != "credits" {
				c.units[p.ID] = p.Unit
			}
		}
	}
	return c.catalog, c.catErr
}

// compareState keeps only the compare page's keys of a link's values.
func compareState(v url.Values) url.Values {
	out := url.Values{}
	for _, key := range compareKeys {
		if s := v.Get(key); s != "" {
			out.Set(key, s)
		}
	}
	return out
}

// calcRowLink is the calculator's link for a ranked model: its profile,
// plan and billing, model, and the shot's resolution, duration and
// generations per kept clip, and the add-ons asked for. The calculator has
// no top-up packs: a row bought with a pack links to its own numbers typed
// (price per credit, credits per clip), so that the calculator shows the
// row's cost, not the plan's.
func calcRowLink(row pricing.RankRow, s pricing.Shot) string {
	v := url.Values{}
	if row.Price.Lens == pricing.LensPacks {
		v.Set("cur", string(row.Price.PerCredit.Currency))
		v.Set("ppc", pricing.Exact(row.Price.PerCredit.Amount))
		v.Set("clip", pricing.Exact(row.Usage.Units))
	} else {
		v.Set("profile", row.ProfileID)
		switch row.Price.Lens {
		case pricing.LensMonthly, pricing.LensFirst:
			v.Set("plan", row.Price.PlanID)
		case pricing.LensYearly:
			v.Set("plan", row.Price.PlanID)
			v.Set("billing", string(pricing.LensYearly))
		}
		v.Set("model", row.ModelID)
		v.Set("res", string(s.Res))
		for _, k := range s.Addons {
			v.Set(string(k), "1") // the kinds are addonKeys' keys
		}
	}
	v.Set("dur", pricing.Exact(s.Seconds))
	if s.Takes.IsPositive() && !s.Takes.Equal(decimal.NewFromInt(1)) {
		v.Set("takes", takesText(s.Takes))
	}
	return linkTo("/", v, calcKeys)
}

// freeLines says what each platform's free credits buy of the shot, on
// its model where they buy the most seconds (the cheapest of those: rows
// come in rank order).
func freeLines(t rankTable, units map[string]string) []freeLine {
	var out []freeLine
	type best struct {
		_       pricing.NotComparable
		at      int // index in out
		seconds decimal.Decimal
	}
	seen := map[string]best{} // by profile id
	for _, l := range t.Rows {
		f := l.row.Free
		if f == nil {
			continue
		}
		unit := units[l.row.ProfileID]
		if unit == "" {
			unit = "credits"
		}
		per := periodWords(f.Period)
		line := freeLine{
			Key:     l.Key,
			Where:   l.Platform + " — " + l.Model,
			Credits: pricing.CountUnits(f.Credits, unit) + per,
			Buys:    "not one clip",
			Worth:   noValue,
			Figures: l.Figures,
		}
		if f.Seconds.IsPositive() {
			line.Buys = pricing.FormatNumber(f.Seconds.Round(1)) + " s of this shot" + per
			line.Worth = moneyText(f.Worth, l.row.Converted) + per
		}
		b, ok := seen[l.row.ProfileID]
		switch {
		case !ok:
			seen[l.row.ProfileID] = best{at: len(out), seconds: f.Seconds}
			out = append(out, line)
		case f.Seconds.GreaterThan(b.seconds):
			out[b.at] = line
			seen[l.row.ProfileID] = best{at: b.at, seconds: f.Seconds}
		}
	}
	return out
}

// periodWords says how often free credits come: " a day", " a month", " once".
func periodWords(p pricing.FreePeriod) string {
	switch p {
	case pricing.FreeDay:
		return " a day"
	case pricing.FreeMonth:
		return " a month"
	case pricing.FreeOnce:
		return " once"
	}
	return ""
}

// rankChart is the bar chart of the cost per kept second of a ranking's
// first n rows.
func rankChart(t rankTable, n int) barChart {
	bars := make([]chartBar, n)
	for i, l := range t.Rows[:n] {
		bars[i] = chartBar{
			Label:  l.Model + " · " + l.Platform,
			Text:   l.Kept,
			Key:    l.Key,
			Amount: l.row.CostPerKeptSecond.Amount,
			Mark:   i == 0,
		}
	}
	desc := ""
	if n > 0 {
		first, last := t.Rows[0], t.Rows[n-1]
		models := strconv.Itoa(n) + " models"
		if n < len(t.Rows) {
			models = "the " + strconv.Itoa(n) + " cheapest of " + strconv.Itoa(len(t.Rows)) + " models"
		}
		desc = "Cost per kept second in " + string(t.Currency) + " of " + models +
			" for " + t.Shot + ", billed as " + t.Billing + ": from " + first.Kept + ", " +
			first.Model + " on " + first.Platform + ", to " + last.Kept + ", " + last.Model + " on " + last.Platform + "."
	}
	c := newBarChart("cmp-chart", "Cost per kept second ("+string(t.Currency)+")", desc, "Cost per kept second", bars)
	c.Mark = "the cheapest"
	return c
}

// catalogDate is the newest date a price of the catalog was read: the
// "today" of a prerendered page, so that the build does not depend on the
// day it runs.
func catalogDate(ps []pricing.Profile) string {
	newest := ""
	for _, p := range ps {
		_, n := profileDates(p)
		newest = max(newest, n)
	}
	return newest
}
