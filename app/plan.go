package app

import (
	"cmp"
	"errors"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/aivc/aivc/pricing"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// planner is the page at /plan: a month of shots (rows of name, clips,
// seconds, resolution, tier, generations per kept clip, native audio and
// upscale, each priced as /compare prices its shot) bought the cheapest way on
// every platform (pricing.PlanAll): a plan, a plan and top-up packs, packs
// alone, or pay as you go. Around the ranking: where a subscription starts
// to beat the API as the month grows (the break-even, with a chart), what
// the mix saves against putting every row on a premium model, the
// platforms that cannot make the mix, with why, and the Share section
// (share.go): the month's link with a button to copy it, where a phone's
// address bar was the only way to share it.
//
// The state lives in the URL fragment:
// "/plan#mix=hero:20:8:1080p:premium:1.5:audio,broll:100:5:720p:fast:1::upscale&billing=monthly&cur=USD",
// each row name:clips:seconds:resolution:tier:takes:audio:upscale, and
// optionally "platform=runway&model=gen-4-turbo": the person's own
// platform (the calculator's, or picked here), whose month the table
// marks, and the model they chose there, named where the month is
// planned on another (links without them mark none). A row
// without takes uses the generations per kept clip measured in the clip
// log for its tier, or 1; a row without audio or upscale (every link made
// before rows had them) has none. The page is prerendered with the default mix.
//
// A link carries that measure as "~2" in place of takes, so that it shows
// the same month on a device without the log. It stays a measure: a device
// with a log (the one that made the link, reloaded) counts its own, and a
// device without one counts the link's. So with the exchange rate: a
// clip log's own euro rate is in the link ("rate=~0.9", euros for 1 USD, as
// /compare's), and counts on a device whose log has none of its own
// (linkedRate); the currency's hint says which rate converts.
type planner struct {
	app.Compo
	page app.Context // the page's own context (OnMount): focusAfterRender

	ready   bool
	rows    []mixRow
	values  map[string]string // billing, cur, rate, platform, model
	errs    map[string]string // by input name ("mix-0-count", "billing"); "mix" for the mix as a whole
	seen    string            // the fragment's state as last read or written
	catalog []pricing.Profile // allProfiles, read once per page
	catErr  error
	catDone bool
	today   string                     // YYYY-MM-DD: the visitor's day; "" when prerendering (the catalog's newest date)
	units   map[string]string          // credit names by profile id
	custom  map[string]bool            // custom profile ids
	logged  map[pricing.Tier]takeCount // generations and kept clips in the clip log, by tier
	base    pricing.Rates              // the clip log's exchange rates (deviceRates)
	rates   pricing.Rates              // base, or with the link's euro rate
	rateSrc string                     // which rate converts, where a link carried one: linkRateWords

	current   bool
	status    string
	yours     string // where the person's platform stands in the month, in words
	results   []planLine
	gone      []goneLine
	saving    string // spend guidance, in words
	savingV   string // what the mix saves a month, exact
	even      string // the break-even, in words
	evenV     string // the break-even in kept seconds a month, exact
	evenChart barChart
}

// mixRow is one row of the mix as typed or linked. Measured is the
// generations per kept clip a link carried as measured ("~2"), counted
// while Takes is empty and this device's log has no measure. Audio and
// Upscale are their add-on's key ("audio", "upscale") for clips with it,
// "" for none (rowAddonChoices).
type mixRow struct {
	_                                      pricing.NotComparable
	Name, Count, Seconds, Res, Tier, Takes string
	Measured, Audio, Upscale               string
}

// addon is the row's field for the add-on key of addonKeys.
func (r *mixRow) addon(key string) *string {
	if key == "upscale" {
		return &r.Upscale
	}
	return &r.Audio
}

// planLine is one platform's cheapest month, formatted.
type planLine struct {
	Rank      int
	ID        string
	Name      string
	Custom    bool
	Yours     bool   // the person's platform (the link's or the picker's)
	Way       string // "Pro plan + 2 × Top-up"
	First     string // the first months under the plan's promotion (pricing.MonthPlan.First)
	Cost      string
	Exact     string
	PerSecond string
	Credits   string // "3,450 of 4,000 credits"
	Unused    string // "550 unused, 550 expire" (pricing.UnusedWords)
	Figures   string // which figure a plan's credits or a model's price is (pricing.MonthPlan.Figures)
	Lines     []string
	Working   []string
	SrcWhat   string         // whose price Src is: "Plan price", "Pack price", "Price"
	Src       pricing.Source // where the price of the way to buy comes from, and when it was read
}

// takeCount is what the clip log measured: clips generated and kept.
type takeCount struct{ gens, kept int }

// Link keys of the planner, in the order links write them.
var planKeys = []string{"mix", "billing", "cur", "rate", "platform", "model"}

// labelYours is the label of the picker of the person's platform.
const labelYours = "Your platform"

// Row fields: the suffix of each input's name ("mix-0-count") and label.
var rowFields = []struct{ key, label, unit string }{
	{"name", "Name", ""}, {"count", "Clips a month", "clips"}, {"sec", "Seconds", "s"},
	{"res", labelRes, ""}, {"tier", labelTier, ""}, {"takes", labelTakes, ""}, {"audio", "Audio", ""},
	{"upscale", labelUpscale, ""},
}

// rowAddonChoices are a row's choices for the add-on key (addonKeys):
// none, or the add-on, which only the models that price it can give
// (Veo 3's audio costs more a second, Luma's upscale 10 credits a 5 s).
func rowAddonChoices(key string) []choice {
	for _, a := range addonKeys {
		if a.key == key {
			return []choice{{Value: "", Label: "None"}, {Value: key, Label: a.label}}
		}
	}
	return nil
}

// The default month: 20 hero shots of 5 s at 1080p on a premium model,
// 1.5 generations per kept clip, and 100 b-roll clips of 5 s at 720p on
// whichever model is cheapest. (The guide's "b-roll on a fast tier" is
// made by few platforms together with a premium hero shot in the catalog,
// so the default leaves the b-roll's tier open.)
const defaultMix = "hero:20:5:1080p:premium:1.5,broll:100:5:720p:any:1"

// Limits of a mix a person types.
const (
	maxMixRows    = 20
	maxMixCount   = 100000
	maxMixSeconds = 3600
	maxRowName    = 40
)

// evenScales are the sizes of the mix the break-even chart shows, as
// multiples of it.
var evenScales = []string{"0.25", "0.5", "1", "2", "4", "8"}

var (
	_ app.Initializer = (*planner)(nil)
	_ app.Navigator   = (*planner)(nil)
)

// newPlanner returns the planner page; OnInit sets the default mix or the
// linked one, so its first render shows the ranking.
func newPlanner() *planner {
	return &planner{}
}

// OnInit reads the link (in the browser) and plans it.
func (c *planner) OnInit() {
	if c.ready {
		return
	}
	c.ready = true
	if app.IsClient {
		c.today = time.Now().Format(time.DateOnly)
	}
	c.apply(planState(linkState(pageURL())))
}

// OnMount keeps the page's context, for focusAfterRender.
func (c *planner) OnMount(ctx app.Context) {
	c.page = ctx
	ctx.PreventUpdate() // nothing new to draw (see calculator.OnNav)
}

// OnNav applies a link's state when the fragment changes.
func (c *planner) OnNav(ctx app.Context) {
	v := planState(linkState(ctx.Page().URL()))
	if formatLinkState(v, planKeys) == c.seen {
		ctx.PreventUpdate() // nothing new to draw (see calculator.OnNav)
		return
	}
	c.apply(v)
	c.syncInputs(ctx)
}

func (c *planner) Render() app.UI {
	return elem("main", "page plan-page",
		elem("header", "plan-head",
			textElem("h1", "", "Plan a month of shots"),
			lede("plan-lede", "List the shots you make in a month. Every platform is priced the cheapest "+
				"way to buy them: a plan, a plan with top-up packs, packs alone, or pay as you go. Free credits are "+
				"not counted."),
		),
		c.renderForm(),
		c.renderResults(),
		c.renderGuidance(),
		c.renderEven(),
		c.renderGone(),
		c.renderShare(),
	).ID("main")
}

// renderShare renders the Share section: a link to the month without
// what has a message, and what it leaves out. A message about the mix as a
// whole (a link's row of too many fields, read as far as it goes) leaves
// the rows that are good in it.
func (c *planner) renderShare() app.UI {
	v, left := c.shareValues()
	errs := map[string]string{} // the fields' own (a loop: maps.Clone costs app.wasm ~4 KB)
	for key, msg := range c.errs {
		if key != "mix" {
			errs[key] = msg
		}
	}
	return shareSection("/plan", shareState(v, errs, planKeys)).Note(left)
}

// renderForm renders the rows of the mix, then billing and currency.
func (c *planner) renderForm() app.UI {
	rows := make([]app.UI, len(c.rows))
	for i := range c.rows {
		rows[i] = c.renderRow(i)
	}
	return elem("form", "plan-form",
		elem("fieldset", "plan-set",
			textElem("legend", "", "Your month"),
			elem("div", "plan-rows", rows...),
			textElem("p", "field-msg", c.errs["mix"]).ID(fieldMessageID("mix")).Attr("role", "alert"),
			button("plan-add", "secondary", "Add a row", c.onAdd),
		),
		elem("fieldset", "plan-set",
			textElem("legend", "", "Prices"),
			elem("div", "plan-prices",
				// Pay as you go has no billing: an API's month is its clips.
				picker{Name: "billing", Label: labelBilling, Value: c.values["billing"], Error: c.errs["billing"],
					Hint: "Plans only; pay as you go is billed by use.", Choices: billingChoices, OnChange: c.onPick}.render(),
				picker{Name: "cur", Label: labelDisplay, Value: c.values["cur"], Error: c.errs["cur"],
					Hint: c.rateHint(), Choices: displayChoices,
					OnChange: c.onPick}.render(),
				picker{Name: "platform", Label: labelYours, Value: c.values["platform"],
					Error: cmp.Or(c.errs["platform"], c.errs["model"]), Hint: "Marked in the table.",
					Choices: c.yourChoices(), OnChange: c.onPick}.render(),
			),
		),
		peek("plan-peek", c.peekText(), c.current),
	).ID("plan-form").Attr("aria-label", "Your month").On("submit", c.onSubmit)
}

// rateHint is the currency picker's hint: the rate the month converts at,
// and whose it is where a link carried one.
func (c *planner) rateHint() string {
	if c.rateSrc == "" {
		return c.rates.Describe(pricing.USD, pricing.EUR)
	}
	return c.rates.Describe(pricing.USD, pricing.EUR) + ", " + c.rateSrc + "."
}

// peekText is the plan in a sentence short enough for the bottom of a
// phone's screen: the cheapest platform's month, or the status when there
// is none or the plan is not current.
func (c *planner) peekText() string {
	if !c.current || len(c.results) == 0 {
		return c.status
	}
	first := c.results[0]
	return "Cheapest of " + strconv.Itoa(len(c.results)) + ": " + first.Name + ", " + first.Cost + " a month."
}

// renderRow renders row i: its eight fields and a remove button.
func (c *planner) renderRow(i int) app.UI {
	r := c.rows[i]
	takesHint, takesDefault, _ := c.defaultTakes(r)
	values := []string{r.Name, r.Count, r.Seconds, r.Res, r.Tier, r.Takes, r.Audio, r.Upscale}
	row := ", row " + strconv.Itoa(i+1)
	fields := make([]app.UI, len(rowFields))
	for j, f := range rowFields {
		name := rowInput(i, f.key)
		// Each field is heard with its row ("Seconds, row 2"), as its
		// Remove button is: a screen reader's list of the form's fields
		// leaves out the row's legend.
		heard := f.label + row
		switch f.key {
		case "res", "tier", "audio", "upscale":
			choices := compareResChoices
			switch f.key {
			case "tier":
				choices = tierChoices
			case "audio", "upscale":
				choices = rowAddonChoices(f.key)
			}
			fields[j] = picker{Name: name, Label: f.label, Value: values[j], Error: c.errs[name],
				Choices: choices, Heard: heard, OnChange: c.onRowField}.render()
		default:
			in := field{Name: name, Label: f.label, Value: values[j], Mode: "decimal", Unit: f.unit,
				Error: c.errs[name], Heard: heard, OnInput: c.onRowField}
			switch f.key {
			case "name":
				in.Mode, in.Placeholder = "text", "row "+strconv.Itoa(i+1)
			case "count":
				in.Mode = "numeric"
			case "takes":
				in.Hint, in.Placeholder = takesHint, pricing.FormatApprox(takesDefault)
			}
			fields[j] = in.render()
		}
	}
	return elem("fieldset", "plan-row",
		textElem("legend", "", "Row "+strconv.Itoa(i+1)),
		elem("div", "plan-row-fields", fields...),
		c.removeButton(i),
	).Attr("data-row", strconv.Itoa(i))
}

// removeButton removes row i; a month keeps one row, so the only row's is
// disabled.
func (c *planner) removeButton(i int) app.UI {
	b := textElem("button", "secondary plan-remove", "Remove").Attr("type", "button").Attr("data-index", strconv.Itoa(i)).
		Attr("aria-label", "Remove row "+strconv.Itoa(i+1)).On("click", c.onRemove)
	if len(c.rows) == 1 {
		b = b.Attr("disabled", true)
	}
	return b
}

// renderResults renders the status and the ranking of platforms.
func (c *planner) renderResults() app.UI {
	rows := make([]app.UI, len(c.results))
	today := c.today
	if today == "" {
		ps, _ := c.profiles()
		today = catalogDate(ps) // prerendering
	}
	for i, l := range c.results {
		var tag, yours app.UI
		if l.Custom {
			tag = textElem("span", "tag", "custom")
		}
		class := "plan-row-result"
		if l.Yours {
			yours, class = textElem("span", "tag tag-yours", "your platform"), class+" plan-yours"
		}
		how := make([]app.UI, 0, len(l.Lines)+len(l.Working))
		for _, s := range l.Lines {
			how = append(how, textElem("li", "", s))
		}
		for _, s := range l.Working {
			how = append(how, rateElem("li", "plan-working", s))
		}
		rank := strconv.Itoa(l.Rank)
		// data-way: the way to buy again, and its first months, shown
		// under the name where the box is too narrow for their column
		// (app.css), as /compare's platform under the model.
		// With the way its price's source, which the hidden column shows.
		way := l.Way
		if l.First != "" {
			way += "\n" + sentence(l.First)
		}
		if src := sourceText(l.SrcWhat, l.Src, today); src != "" {
			way += "\n" + src
		}
		rows[i] = attrs(elem("tr", class,
			textElem("td", "num", rank),
			attrs(elem("th", "", app.Text(l.Name), tag, yours), "scope", "row", "data-way", way),
			elem("td", "", textElem("span", "plan-way", l.Way), figureNote(l.First),
				priceSource("plan-source", l.SrcWhat, l.Src, today)),
			textElem("td", "num plan-cost", l.Cost),
			textElem("td", "num", l.PerSecond),
			elem("td", "", textElem("span", "plan-credits", l.Credits), textElem("span", "plan-unused", l.Unused)),
			// The figures under the working, in the widest column, as
			// /compare's are in its last: beside the credits, 9rem wide,
			// they ran ten lines.
			elem("td", "", details("plan-how",
				elem("summary", "", app.Text("Working"), textElem("span", "visually-hidden", " for "+l.Name)), elem("ul", "", how...)),
				figureNote(l.Figures)),
		), "data-platform", l.ID, "data-monthly-cost", l.Exact, "data-rank", rank)
	}
	// A slot: a typed value that plans no month takes the line out, and
	// the table after it was built again (its scroll, an open Working).
	yours := slot(c.yours != "", textElem("p", "plan-yours-line", c.yours).ID("plan-yours"))
	return attrs(elem("section", resultsClass("plan-results", c.current),
		textElem("h2", "", "The cheapest way to buy this month").ID("plan-results-title"),
		attrs(textElem("p", "plan-status", c.status), "id", "plan-status", "data-announce", "results"), // read out once typing pauses (web/early.js)
		yours,
		attrs(elem("div", "cmp-scroll",
			elem("table", "cmp-table plan-table",
				textElem("caption", "visually-hidden", "Platforms ranked by money per month for this mix."),
				tableHead("#|Platform|Way to buy|Per month|Per kept second|Credits|How", "n__nn"),
				elem("tbody", "", rows...),
			).ID("plan-table"),
		), "role", "region", "tabindex", "0", "aria-label", "Table of the cheapest ways"), // named apart from its section
		textElem("p", "plan-evidence", evidenceNote), // what the prices' sources' "official" means
	), "id", "plan-results", "aria-labelledby", "plan-results-title")
}

// renderGuidance renders what the mix saves against all premium.
func (c *planner) renderGuidance() app.UI {
	p := textElem("p", "plan-saving", c.saving).ID("plan-saving")
	if c.savingV != "" {
		p = p.Attr("data-value", c.savingV)
	}
	return elem("section", "plan-guidance",
		textElem("h2", "", "Premium only where it shows").ID("plan-guidance-title"),
		textElem("p", "plan-lede", "Hero shots may need a premium model; b-roll rarely does. Here is what your mix "+
			"costs against putting every row on a premium model."),
		p,
	).ID("plan-guidance").Attr("aria-labelledby", "plan-guidance-title")
}

// renderEven renders the break-even between subscriptions and APIs.
func (c *planner) renderEven() app.UI {
	p := textElem("p", "plan-even", c.even).ID("plan-break-even")
	if c.evenV != "" {
		p = p.Attr("data-value", c.evenV)
	}
	var chart app.UI = textElem("p", "cmp-empty", "Nothing to draw.")
	if len(c.evenChart.Bars) > 0 {
		chart = c.evenChart.render() // with its legend (barChart.Mark)
	}
	return elem("section", "plan-even-section",
		textElem("h2", "", "Subscription or API?").ID("plan-even-title"),
		textElem("p", "plan-lede", "The same mix, smaller and larger: the cheapest subscription (a plan, with "+
			"top-ups if needed) against the cheapest pay-as-you-go API, in money per month at the regular price "+
			"(a plan's first months at an intro price are said in its row above)."),
		p,
		chart,
	).ID("plan-even").Attr("aria-labelledby", "plan-even-title")
}

// renderGone lists the platforms that cannot make the mix, with why.
func (c *planner) renderGone() app.UI {
	summary := "Every platform can make this mix."
	switch n := len(c.gone); {
	case !c.current:
		// Not planned: it cannot say who can make it.
		summary = "The mix as it is cannot be planned: see the message above."
	case n == 0:
	case n == 1:
		summary = "1 platform cannot make this mix: show why"
	default:
		summary = strconv.Itoa(n) + " platforms cannot make this mix: show why"
	}
	items := make([]app.UI, len(c.gone))
	for i, g := range c.gone {
		items[i] = attrs(elem("li", "", textElem("span", "cmp-gone-where", g.Where),
			textElem("span", "cmp-gone-reason", g.Reason)), "data-platform", g.Key)
	}
	return attrs(elem("section", "cmp-gone",
		textElem("h2", "", "Cannot make this mix").ID("plan-gone-title"),
		details("cmp-gone-details", textElem("summary", "", summary),
			elem("ul", "cmp-gone-list", items...)),
	), "id", "plan-gone", "aria-labelledby", "plan-gone-title")
}

// onSubmit keeps Enter in a field from reloading the page.
func (c *planner) onSubmit(ctx app.Context, e app.Event) {
	e.PreventDefault()
}

// onRowField stores a row's typed or picked value (the input's name says
// which: "mix-0-count") and re-plans.
func (c *planner) onRowField(ctx app.Context, e app.Event) {
	parts := strings.Split(ctx.JSSrc().Get("name").String(), "-")
	if len(parts) != 3 {
		return
	}
	i, err := strconv.Atoi(parts[1])
	if err != nil || i < 0 || i >= len(c.rows) {
		return
	}
	v := ctx.JSSrc().Get("value").String()
	r := &c.rows[i]
	switch parts[2] {
	case "name":
		r.Name = v
	case "count":
		r.Count = v
	case "sec":
		r.Seconds = v
	case "res":
		r.Res = v
	case "tier":
		r.Tier = v
	case "takes":
		r.Takes = v
	case "audio", "upscale":
		*r.addon(parts[2]) = v
	}
	c.changed(ctx)
}

// onPick stores billing, currency or the person's platform (the select's
// name) and re-plans. Another platform drops the model the link named:
// it was the old platform's.
func (c *planner) onPick(ctx app.Context, e app.Event) {
	name := ctx.JSSrc().Get("name").String()
	c.values[name] = ctx.JSSrc().Get("value").String()
	if name == "platform" {
		delete(c.values, "model")
	}
	c.changed(ctx)
}

// onAdd adds a row of b-roll-like clips.
func (c *planner) onAdd(ctx app.Context, e app.Event) {
	if len(c.rows) >= maxMixRows {
		c.errs["mix"] = "A month holds at most " + strconv.Itoa(maxMixRows) + " rows."
		return
	}
	c.rows = append(c.rows, mixRow{Name: "row" + strconv.Itoa(len(c.rows)+1), Count: "10", Seconds: "5",
		Res: string(pricing.Res720p), Tier: string(pricing.TierAny)})
	c.changed(ctx)
	focusAfterRender(c.page, "#"+fieldID(rowInput(len(c.rows)-1, "name"))) // the new row's name
}

// onRemove removes the row the button's data-index names; the last row
// stays.
func (c *planner) onRemove(ctx app.Context, e app.Event) {
	i, err := strconv.Atoi(ctx.JSSrc().Get("dataset").Get("index").String())
	if err != nil || i < 0 || i >= len(c.rows) || len(c.rows) == 1 {
		return
	}
	c.rows = append(c.rows[:i:i], c.rows[i+1:]...)
	c.changed(ctx)
	// The name of the row that took its place, or of the one before: not
	// a Remove, which a second Enter would press again.
	focusAfterRender(c.page, "#"+fieldID(rowInput(min(i, len(c.rows)-1), "name")))
}

// changed re-plans after an edit and writes the state to the fragment.
func (c *planner) changed(ctx app.Context) {
	c.compute()
	v := c.linkValues()
	c.seen = formatLinkState(v, planKeys)
	replaceLink(ctx, v, planKeys)
	c.syncInputs(ctx)
}

// syncInputs makes the text inputs show the rows after they moved (a row
// removed): go-app leaves an input's typed value when its attribute goes.
func (c *planner) syncInputs(ctx app.Context) {
	if !app.IsClient {
		return
	}
	ctx.Defer(func(app.Context) {
		for i, r := range c.rows {
			for key, v := range map[string]string{"name": r.Name, "count": r.Count, "sec": r.Seconds, "takes": r.Takes} {
				in := app.Window().GetElementByID(fieldID(rowInput(i, key)))
				if in.Truthy() && in.Get("value").String() != v {
					in.Set("value", v)
				}
			}
		}
	})
}

// apply replaces the state with a link's values; what it leaves out takes
// the default's.
func (c *planner) apply(v url.Values) {
	c.values = map[string]string{"billing": string(pricing.LensMonthly), "cur": string(pricing.USD)}
	for _, key := range planKeys[1:] {
		if s := v.Get(key); s != "" {
			c.values[key] = s
		}
	}
	mix := v.Get("mix")
	if mix == "" {
		mix = defaultMix
	}
	var bad string
	c.rows, bad = parseMix(mix)
	c.seen = formatLinkState(v, planKeys)
	c.compute()
	if bad != "" {
		c.errs["mix"] = bad
		c.fail()
	}
}

// parseMix reads a link's mix: rows separated by commas, fields by colons
// (name:clips:seconds:resolution:tier:takes:audio:upscale, the last three
// optional, "~2" for a measure). A row with too few or too many fields is
// kept as far as it goes and named in bad.
func parseMix(s string) (rows []mixRow, bad string) {
	for i, part := range strings.Split(s, ",") {
		if len(rows) == maxMixRows {
			return rows, "A month holds at most " + strconv.Itoa(maxMixRows) + " rows; the link has more."
		}
		f := strings.Split(part, ":")
		if len(f) < 5 || len(f) > len(rowFields) {
			if bad == "" {
				bad = "Row " + strconv.Itoa(i+1) + " of the link (" + mixUnescape(part) + ") has " + pricing.CountInt(len(f), "field", "fields") +
					", want name:clips:seconds:resolution:tier:takes:audio:upscale"
				if len(f) < 5 {
					bad += "; " + strings.ToLower(rowFields[len(f)].label) + " is missing"
				}
				bad += "."
			}
		}
		for len(f) < len(rowFields) {
			f = append(f, "")
		}
		for j := range f {
			// Trimmed as formatMix writes them, so a link reads back the
			// same; "%2C" is a comma typed in the field ("1,200").
			f[j] = strings.TrimSpace(mixUnescape(strings.TrimSpace(f[j])))
		}
		r := mixRow{Name: f[0], Count: f[1], Seconds: f[2], Res: f[3], Tier: f[4], Takes: f[5], Audio: f[6], Upscale: f[7]}
		if m, ok := strings.CutPrefix(r.Takes, "~"); ok {
			// "~~2" is a typed "~2" (no number: formatMix doubles its "~").
			if m = strings.TrimSpace(m); strings.HasPrefix(m, "~") {
				r.Takes = m
			} else {
				r.Takes, r.Measured = "", m
			}
		}
		rows = append(rows, r)
	}
	return rows, bad
}

// formatMix writes rows for a link.
func formatMix(rows []mixRow) string {
	parts := make([]string, len(rows))
	for i, r := range rows {
		f := []string{r.Name, r.Count, r.Seconds, r.Res, r.Tier, r.Takes, r.Audio, r.Upscale}
		for j := range f {
			f[j] = mixEscape(strings.TrimSpace(f[j]))
		}
		if strings.HasPrefix(strings.TrimSpace(r.Takes), "~") {
			f[5] = "~" + f[5] // typed, not a measure: reloaded, "~2" was taken for one
		} else if m := strings.TrimSpace(r.Measured); f[5] == "" && m != "" {
			f[5] = "~" + mixEscape(m)
		}
		// The fields after the tier are written only as far as the last
		// one given: a row without add-ons as links made before them.
		for len(f) > 5 && f[len(f)-1] == "" {
			f = f[:len(f)-1]
		}
		parts[i] = strings.Join(f, ":")
	}
	return strings.Join(parts, ",")
}

// mixEscape writes a field of a row for a link (listKeys): as
// escapeLinkValue, and its "," and ":" as "%2C" and "%3A", so that a
// number typed with a comma ("1,200", "7,5") stays one field of its row
// when the link is read back (a reload, a shared link, the nav's way
// back). A hex digit after a "%" is escaped too ("%2C" typed is
// "%25%32C"): "%25" and a hex digit is what links written before wrote
// for a typed comma ("1%252C200", escaped twice), which mixUnescape reads
// as they meant.
func mixEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == ',' || c == ':' || i > 0 && s[i-1] == '%' && isHex(c) {
			writeEscape(&b, c)
		} else {
			b.WriteString(escapeLinkValue(s[i : i+1]))
		}
	}
	return b.String()
}

// mixUnescape reads a field mixEscape wrote, or one of a link written
// before, whose fields were escaped twice ("1%252C200": mixEscape never
// writes "%25" before a hex digit). A "%" that starts no escape is kept
// as it is, as links made before any escape wrote it ("50% off").
func mixUnescape(s string) string {
	once, err := url.QueryUnescape(s)
	if err != nil {
		return s
	}
	if !twiceEscaped(s) {
		return once
	}
	if twice, err := url.PathUnescape(once); err == nil {
		return twice
	}
	return once
}

// twiceEscaped reports whether s holds "%25" before a hex digit.
func twiceEscaped(s string) bool {
	for i := 0; i+3 < len(s); i++ {
		if s[i:i+3] == "%25" && isHex(s[i+3]) {
			return true
		}
	}
	return false
}

// compute reads every row and plans the month on every platform, with
// the break-even and the spend guidance. A bad field leaves no old result
// behind: the table empties and the status says why.
func (c *planner) compute() {
	c.errs = map[string]string{}
	c.current = false
	ps, err := c.profiles()
	if err != nil {
		c.errs["mix"] = errorMessage(err)
	}
	mix := make([]pricing.MixLine, 0, len(c.rows))
	for i := range c.rows {
		if l, ok := c.readRow(i); ok {
			mix = append(mix, l)
		}
	}
	// The rate of the link's maker, where this device's log has none of its
	// own (linkedRate): its rates are the bundled table, never typed on
	// /log. (A rate typed back to the bundled one is the person's own: the
	// rate this page had put in its address before was taken for a link's,
	// and kept.) One that is no number is left out, and the hint says so.
	// /plan has no rate field: "0.9" is as "~0.9", as links wrote it before.
	link := strings.TrimSpace(strings.TrimPrefix(c.values["rate"], "~"))
	var used bool
	c.rates, used, _ = linkedRate(c.base, link)
	c.rateSrc = linkRateWords(link, used)
	o := pricing.MonthOptions{
		Billing: pricing.Lens(c.choose("billing", billingChoices)),
		Rates:   c.rates,
		Display: pricing.Currency(c.choose("cur", displayChoices)),
	}
	if len(c.errs) > 0 {
		c.fail()
		return
	}
	total := 0
	for _, l := range mix {
		total += l.Count
	}
	if total == 0 {
		c.errs["mix"] = "The month is empty: give at least one row a number of clips."
		c.fail()
		return
	}
	r := pricing.PlanAll(ps, mix, o)
	c.format(r, o)
	if len(r.Plans) == 0 && len(mix) > 1 {
		// A row no platform makes on its own: say which, to change or
		// remove (a 4K row blanked the month without naming itself).
		for _, l := range mix {
			if len(pricing.PlanAll(ps, []pricing.MixLine{l}, o).Plans) == 0 {
				c.status = "No platform can make the row “" + l.Name + "”: change it or remove it to plan the rest. The list below says why."
				break
			}
		}
	}
	c.guide(ps, mix, o, r)
	c.breakEven(ps, mix, o)
	// The person's platform prices nothing: a bad one leaves the month
	// current, with its message under its picker.
	c.markYours(ps, &r)
}

// markYours marks the person's platform (values' platform) in the month
// r and says where it stands, and on which model each row is planned
// where that is not the one chosen (values' model); r is nil when no
// month was planned, and only the choices are checked. A platform or
// model not in the catalog gets its message. (Lean: issue 8.)
func (c *planner) markYours(ps []pricing.Profile, r *pricing.MonthRanking) {
	c.yours = ""
	id, model := strings.TrimSpace(c.values["platform"]), strings.TrimSpace(c.values["model"])
	p, ok := pricing.FindProfile(ps, id)
	m, known := p.FindModel(model)
	switch {
	case id != "" && !ok:
		c.errs["platform"] = errorMessage(&choiceError{Field: labelYours, Value: id})
	case model != "" && !known:
		c.errs["model"] = "The link's model “" + model + "” is not a model of " + cmp.Or(p.Name, "your platform") + "."
	}
	if !ok || r == nil {
		return
	}
	name := "Your platform, " + strings.TrimSuffix(p.Name, customMark)
	for i := range c.results {
		l := &c.results[i]
		if l.ID != id {
			continue
		}
		l.Yours = true
		c.yours = name + ", ranks " + strconv.Itoa(l.Rank) + " of " + strconv.Itoa(len(c.results)) + ": " + l.Cost +
			" a month, " + l.Way + "."
		// Each row is planned on the platform's cheapest model of its
		// tier: said where that is not the model chosen.
		for _, ml := range r.Plans[i].Lines {
			if known && ml.Count > 0 && ml.ModelID != m.ID {
				c.yours += " " + ml.Name + " is planned on " + ml.ModelName + ", the cheapest there for its tier, not on " + m.Name + "."
			}
		}
		return
	}
	for _, g := range c.gone {
		if g.Key == id {
			c.yours = name + ", cannot make this mix. " + g.Reason
		}
	}
}

// yourChoices are the choices of the person's platform: none, or one of
// the catalog's and their own.
func (c *planner) yourChoices() []choice {
	return append([]choice{{Value: "", Label: "None"}}, profileChoices(c.catalog)...)
}

// readRow parses row i into a mix line, filing each bad field's message.
func (c *planner) readRow(i int) (pricing.MixLine, bool) {
	r := c.rows[i]
	in := rowInput(i, "")
	ok := true
	bad := func(key string, err error) {
		ok = false
		c.errs[in+key] = rowMessage(i, r.Name, errorMessage(err))
	}
	name := strings.TrimSpace(r.Name)
	switch {
	case strings.ContainsAny(name, ":,"):
		ok = false
		c.errs[in+"name"] = rowMessage(i, "", "Name cannot hold “:” or “,”: they separate the fields and rows of a link.")
	case len(name) > maxRowName:
		ok = false
		c.errs[in+"name"] = rowMessage(i, "", "Name is longer than "+strconv.Itoa(maxRowName)+" characters.")
	case name == "":
		name = "row " + strconv.Itoa(i+1)
	}
	line := pricing.MixLine{Name: name}
	// Not a number, a count is told it must be a whole one: "must be a
	// number, like 30 or 1,200.50" offered it a fraction of a clip.
	if d, err := pricing.ParseInPer(rowLabel("count"), r.Count, pricing.UnitClips, pricing.PerMonth); err != nil && !errors.Is(err, pricing.ErrNotNumber) {
		bad("count", err)
	} else if err != nil || !d.IsInteger() || d.GreaterThan(decimal.NewFromInt(maxMixCount)) {
		ok = false
		c.errs[in+"count"] = rowMessage(i, r.Name, "Clips a month must be a whole number from 0 to "+
			pricing.FormatNumber(decimal.NewFromInt(maxMixCount))+", like 30 or 1,200.")
	} else {
		line.Count = int(d.IntPart())
	}
	if d, err := pricing.ParsePositiveIn(rowLabel("sec"), r.Seconds, pricing.UnitSeconds); err != nil {
		bad("sec", err)
	} else if d.GreaterThan(decimal.NewFromInt(maxMixSeconds)) {
		ok = false
		c.errs[in+"sec"] = rowMessage(i, r.Name, "Seconds must be at most "+strconv.Itoa(maxMixSeconds)+" (an hour).")
	} else {
		line.Shot.Seconds = d
	}
	if !isChoice(r.Res, compareResChoices) {
		bad("res", &choiceError{Field: labelRes, Value: r.Res})
	}
	if !isChoice(r.Tier, tierChoices) {
		bad("tier", &choiceError{Field: labelTier, Value: r.Tier})
	}
	line.Shot.Res, line.Shot.Tier = pricing.Resolution(r.Res), pricing.Tier(r.Tier)
	for _, a := range addonKeys { // as /compare's boxes
		if v := *r.addon(a.key); !isChoice(v, rowAddonChoices(a.key)) {
			bad(a.key, &choiceError{Field: rowLabel(a.key), Value: v})
		} else if v != "" {
			line.Shot.Addons = append(line.Shot.Addons, a.kind)
		}
	}
	if strings.TrimSpace(r.Takes) == "" {
		var err error
		if _, line.Shot.Takes, err = c.defaultTakes(r); err != nil {
			bad("takes", err)
		}
	} else if d, err := pricing.ParseTakes(labelTakes, r.Takes); err != nil {
		bad("takes", err)
	} else {
		line.Shot.Takes = d
	}
	return line, ok
}

// rowMessage puts the row's number and name before a message about it.
func rowMessage(i int, name, msg string) string {
	where := "Row " + strconv.Itoa(i+1)
	if name = strings.TrimSpace(name); name != "" && !strings.ContainsAny(name, ":,()") && len(name) <= maxRowName {
		where += " (" + name + ")"
	}
	return where + ": " + msg
}

// choose returns the value of key when it is one of choices, and files a
// message otherwise.
func (c *planner) choose(key string, choices []choice) string {
	if v := c.values[key]; isChoice(v, choices) {
		return v
	}
	label := labelBilling
	if key == "cur" {
		label = labelDisplay
	}
	c.errs[key] = errorMessage(&choiceError{Field: label, Value: c.values[key]})
	return ""
}

// isChoice reports whether v is the value of one of choices.
func isChoice(v string, choices []choice) bool {
	for _, ch := range choices {
		if ch.Value == v {
			return true
		}
	}
	return false
}

// fail empties the results and says why.
func (c *planner) fail() {
	c.current = false
	c.results, c.gone = nil, nil
	c.saving, c.savingV, c.even, c.evenV = "", "", "", ""
	c.evenChart = barChart{}
	c.markYours(c.catalog, nil) // no month to mark it in: its choice is checked
	why := c.errs["mix"]
	for i := range c.rows {
		for _, f := range rowFields {
			if msg := c.errs[rowInput(i, f.key)]; why == "" && msg != "" {
				why = msg
			}
		}
	}
	if why == "" {
		why = c.errs["billing"] + c.errs["cur"]
	}
	c.status = "The month's prices are not current. " + why
}

// format turns PlanAll's ranking into the table's lines.
func (c *planner) format(r pricing.MonthRanking, o pricing.MonthOptions) {
	c.current = true
	c.results = make([]planLine, len(r.Plans))
	for i, mp := range r.Plans {
		c.results[i] = c.planLine(i+1, mp, o.Billing)
	}
	c.gone = make([]goneLine, len(r.Unavailable))
	for i, u := range r.Unavailable {
		reason := sentence(u.Reason)
		for _, row := range c.rows {
			// A reason that starts with a row's name keeps it as typed
			// ("acme-hero: …", not "Acme-hero: …").
			if n := strings.TrimSpace(row.Name); n != "" && strings.HasPrefix(u.Reason, n+":") {
				reason = strings.TrimSuffix(strings.TrimSpace(u.Reason), ".") + "."
			}
		}
		c.gone[i] = goneLine{Key: u.ProfileID, Where: u.ProfileName, Reason: reason}
	}
	switch n := len(r.Plans); n {
	case 0:
		c.status = "No platform can make this mix; the list below says why."
	default:
		first := c.results[0]
		// The way to buy between commas: it has parentheses of its own,
		// "Pro plan (billed yearly)". The billing is said, as /compare
		// says its own (cheapest available, by default).
		billed := " (billing: " + word(billingLabels, string(o.Billing)) + ")"
		c.status = strconv.Itoa(n) + " platforms can make this mix" + billed + ". Cheapest: " + first.Name + ", " +
			first.Cost + " a month, " + first.Way + ", " + first.PerSecond + " per kept second."
		if n == 1 {
			c.status = "1 platform can make this mix" + billed + ": " + first.Name + ", " + first.Cost + " a month, " + first.Way + "."
		}
	}
}

// planLine formats one platform's month.
func (c *planner) planLine(rank int, mp pricing.MonthPlan, billing pricing.Lens) planLine {
	unit := c.units[mp.ProfileID]
	l := planLine{Rank: rank, ID: mp.ProfileID, Name: strings.TrimSuffix(mp.ProfileName, customMark),
		Custom: c.custom[mp.ProfileID], Way: wayText(mp, billing), Cost: pricing.FormatTotal(mp.Cost),
		Exact: pricing.Exact(mp.Cost.Amount), PerSecond: pricing.FormatMoney(mp.CostPerKeptSecond),
		Working: mp.Working, Figures: strings.Join(mp.Figures, "; "), First: mp.First}
	api := mp.Option == pricing.OptionAPI
	l.SrcWhat, l.Src = c.waySource(mp)
	if api {
		l.Credits = "pay per clip"
		l.Unused = "nothing unused"
	} else {
		l.Credits = pricing.FormatApprox(mp.CreditsNeeded) + " of " + pricing.CountUnits(mp.CreditsBought, unit)
		l.Unused = pricing.UnusedWords(mp, "expire")
	}
	for _, ml := range mp.Lines {
		if ml.Count == 0 {
			continue
		}
		per := pricing.CountUnits(ml.UnitsPerKeptClip, unit)
		cost := pricing.FormatTotal(ml.Cost)
		if cur := c.currency(mp.ProfileID); api {
			// The platform's price, and what it comes to in the display
			// currency: "$0.32 per kept clip, $6.40 ≈ €5.95" ("…, €5.95"
			// read as dollars and euros mixed). The rate is said once, in
			// the working's conversion of the month: said on every row,
			// with the bundled rate's date, it ran to four lines a row on
			// a phone.
			per = pricing.FormatMoney(pricing.NewMoney(ml.UnitsPerKeptClip, cur))
			if cur != ml.Cost.Currency {
				cost = pricing.FormatConverted(pricing.NewMoney(ml.Units, cur), ml.Cost)
			}
		}
		l.Lines = append(l.Lines, ml.Name+": "+pricing.CountInt(ml.Count, "clip", "clips")+" on "+ml.ModelName+", "+per+
			" per kept clip, "+cost)
	}
	return l
}

// waySource says whose price mp's way to buy is and where it comes from
// (when it was read, how), as /compare's Evidence column does: the plan's,
// the pack's, or on an API the oldest of its models' used.
func (c *planner) waySource(mp pricing.MonthPlan) (what string, src pricing.Source) {
	ps, _ := c.profiles()
	p, ok := pricing.FindProfile(ps, mp.ProfileID)
	if !ok {
		return "", src
	}
	what = "Plan price"
	switch mp.Option {
	case pricing.OptionAPI:
		what = "Price"
		for _, ml := range mp.Lines {
			if m, ok := p.FindModel(ml.ModelID); ok && (src.Read == "" || m.Source.Read < src.Read) {
				src = m.Source
			}
		}
	case pricing.OptionPacks:
		what = "Pack price"
		pk, _ := p.FindPack(mp.PackID)
		src = pk.Source
	default:
		pl, _ := p.FindPlan(mp.PlanID)
		src = pl.Source
	}
	return what, src
}

// wayText says how a month is bought: "Pro plan + 2 × Top-up".
func wayText(mp pricing.MonthPlan, billing pricing.Lens) string {
	packs := pricing.FormatInt(mp.Packs) + " × " + mp.PackName
	switch mp.Option {
	case pricing.OptionAPI:
		return "pay as you go"
	case pricing.OptionPacks:
		return packs
	}
	s := mp.PlanName + " plan"
	if billing == pricing.LensYearly {
		s += " (billed yearly)"
	}
	if mp.Option == pricing.OptionPlanPacks {
		s += " + " + packs
	}
	return s
}

// guide compares the mix with the same mix all on premium models.
func (c *planner) guide(ps []pricing.Profile, mix []pricing.MixLine, o pricing.MonthOptions, r pricing.MonthRanking) {
	c.saving, c.savingV = "", ""
	premium := make([]pricing.MixLine, len(mix))
	all := true
	for i, l := range mix {
		if l.Count > 0 && l.Shot.Tier != pricing.TierPremium {
			all = false
		}
		l.Shot.Tier = pricing.TierPremium
		premium[i] = l
	}
	switch rp := pricing.PlanAll(ps, premium, o); {
	case all:
		c.saving = "Every row is on a premium model already. Put the shots where quality shows less on a fast or standard tier to spend less."
	case len(r.Plans) == 0:
		c.saving = "No platform can make this mix, so there is nothing to compare."
	case len(rp.Plans) == 0:
		c.saving = "No platform can make every row on a premium model: your mix of tiers is the only way to make this month."
	default:
		best, mine := rp.Plans[0], r.Plans[0]
		diff := best.Cost.Amount.Sub(mine.Cost.Amount)
		c.savingV = pricing.Exact(diff)
		c.saving = "Every row on a premium model would cost at best " + pricing.FormatTotal(best.Cost) + " a month: " +
			strings.TrimSuffix(best.ProfileName, customMark) + ", " + wayText(best, o.Billing) + ". Your mix costs " +
			pricing.FormatTotal(mine.Cost) + ": "
		if diff.IsPositive() {
			c.saving += "it saves " + pricing.FormatTotal(pricing.NewMoney(diff, mine.Cost.Currency)) + " a month"
			if best.Cost.Amount.IsPositive() {
				pct := diff.Mul(decimal.NewFromInt(100)).DivRound(best.Cost.Amount, 0)
				c.saving += " (" + pct.String() + "%)"
			}
			c.saving += "."
		} else {
			c.saving += "putting everything on premium costs no more here."
		}
	}
}

// evenPoint is the mix at one size: the cheapest subscription and the
// cheapest API.
type evenPoint struct {
	_        pricing.NotComparable
	scale    decimal.Decimal
	seconds  decimal.Decimal // kept seconds a month
	sub, api *pricing.MonthPlan
}

// subBeats reports whether the subscription is cheaper than the API.
func (p evenPoint) subBeats() bool {
	return p.sub != nil && (p.api == nil || p.sub.Cost.Amount.LessThan(p.api.Cost.Amount))
}

// breakEven finds where a subscription starts to beat the API as the mix
// grows, and charts both at several sizes of the mix.
func (c *planner) breakEven(ps []pricing.Profile, mix []pricing.MixLine, o pricing.MonthOptions) {
	subs, apis := splitProfiles(ps)
	at := func(scale decimal.Decimal) evenPoint {
		m := scaleMix(mix, scale)
		p := evenPoint{scale: scale}
		for _, l := range m {
			p.seconds = p.seconds.Add(l.Shot.Seconds.Mul(decimal.NewFromInt(int64(l.Count))))
		}
		if r := pricing.PlanAll(subs, m, o); len(r.Plans) > 0 {
			p.sub = &r.Plans[0]
		}
		if r := pricing.PlanAll(apis, m, o); len(r.Plans) > 0 {
			p.api = &r.Plans[0]
		}
		return p
	}
	c.even, c.evenV, c.evenChart = "", "", barChart{}
	smallest := at(decimal.New(1, -4)) // one clip of every row
	points := make([]evenPoint, len(evenScales))
	for i, s := range evenScales {
		points[i] = at(decimal.RequireFromString(s))
	}
	c.evenChart = evenChart(points)

	grid := append([]evenPoint{smallest}, points...)
	first := -1
	for i, p := range grid {
		if p.subBeats() {
			first = i
			break
		}
	}
	hasSub, hasAPI := false, false
	for _, p := range grid {
		hasSub = hasSub || p.sub != nil
		hasAPI = hasAPI || p.api != nil
	}
	largest := grid[len(grid)-1]
	switch {
	case !hasSub && !hasAPI:
		c.even = "Neither a subscription nor an API can make this mix."
		return
	case !hasAPI:
		c.even = "No pay-as-you-go API can make this mix: only subscriptions can."
		return
	case !hasSub:
		c.even = "No subscription can make this mix: only pay-as-you-go APIs can."
		return
	case first < 0:
		c.even = "The API stays cheaper at every size tried, up to " + secondsText(largest.seconds) +
			" kept a month (" + evenScales[len(evenScales)-1] + " times this mix)."
		return
	case first == 0 && smallest.api != nil:
		c.evenV = pricing.Exact(smallest.seconds)
		again, every := apiAgain(grid[1:]), "at every size, "
		if again != nil {
			every = ""
		}
		c.even = "A subscription beats the API " + every + "from one clip of each row (" +
			secondsText(smallest.seconds) + " kept a month): " + evenWords(smallest) + "."
		if again != nil {
			c.even += " " + again.againWords()
		}
		return
	case first == 0:
		c.evenV = pricing.Exact(smallest.seconds)
		c.even = "A subscription is the only way to buy the smallest month; it beats the API from " +
			secondsText(smallest.seconds) + " kept a month."
		if again := apiAgain(grid[1:]); again != nil {
			c.even += " " + again.againWords()
		}
		return
	}
	// The first size where the subscription wins is between two sizes of
	// the grid: halve the gap until the mix changes by less than 1%.
	lo, hi := grid[first-1], grid[first]
	for range 12 {
		mid := at(lo.scale.Add(hi.scale).DivRound(decimal.NewFromInt(2), 8))
		if mid.seconds.Equal(lo.seconds) || mid.seconds.Equal(hi.seconds) {
			break
		}
		if mid.subBeats() {
			hi = mid
		} else {
			lo = mid
		}
	}
	c.evenV = pricing.Exact(hi.seconds)
	// The factor said is of the seconds said: the factor the counts were
	// scaled by, before they were rounded to whole clips, said "1,010 s
	// (×5.03 this mix)" of a 200 s mix.
	factor, base := hi.scale, decimal.Zero
	for _, l := range mix {
		base = base.Add(l.Shot.Seconds.Mul(decimal.NewFromInt(int64(l.Count))))
	}
	if base.IsPositive() {
		factor = hi.seconds.DivRound(base, 4)
	}
	c.even = "A subscription starts to beat the API at about " + secondsText(hi.seconds) + " kept a month (" +
		scaleText(factor) + " this mix): " + evenWords(hi) + ". Below that, paying as you go costs less."
	if again := apiAgain(grid[first+1:]); again != nil {
		c.even += " " + again.againWords()
	}
}

// apiAgain returns the first of points (larger sizes of a mix where a
// subscription has beaten the API) at which the API is cheaper again, or
// nil. "Below that, paying as you go costs less" alone read as a
// subscription winning at every size above, under a chart where a plan's
// top-ups made the API cheaper again.
func apiAgain(points []evenPoint) *evenPoint {
	for i, p := range points {
		if p.sub != nil && p.api != nil && p.api.Cost.Amount.LessThan(p.sub.Cost.Amount) {
			return &points[i]
		}
	}
	return nil
}

// againWords says that the API is cheaper again at p, a size tried (the
// change is at p or below it).
func (p evenPoint) againWords() string {
	return "By " + secondsText(p.seconds) + " kept a month the API is cheaper again: " + evenWords(p) + "."
}

// evenWords compares a point's subscription and API in words.
func evenWords(p evenPoint) string {
	s := "the subscription, " + strings.TrimSuffix(p.sub.ProfileName, customMark) + " " +
		pricing.FormatTotal(p.sub.Cost)
	if p.api != nil {
		s += ", against the API, " + strings.TrimSuffix(p.api.ProfileName, customMark) + " " +
			pricing.FormatTotal(p.api.Cost)
	}
	return s
}

// evenChart draws the subscription and the API at each size of the mix.
func evenChart(points []evenPoint) barChart {
	var bars []chartBar
	desc := ""
	for i, p := range points {
		size := pricing.FormatNumber(p.seconds.Round(1)) + " s a month"
		beats := p.subBeats()
		for _, side := range []struct {
			key, word string
			mp        *pricing.MonthPlan
			mark      bool
		}{{"sub", "subscription", p.sub, beats}, {"api", "API", p.api, !beats}} {
			b := chartBar{Label: size + " · " + side.word, Text: "none can", Key: side.key + "-" + evenScales[i]}
			if side.mp != nil {
				b.Label += " (" + side.mp.Platform + ")"
				b.Text, b.Amount, b.Mark = pricing.FormatTotal(side.mp.Cost), side.mp.Cost.Amount, side.mark
			}
			bars = append(bars, b)
		}
		if i == 0 || i == len(points)-1 {
			w := "cheaper"
			if !beats {
				w = "dearer"
			}
			if desc != "" {
				desc += "; "
			}
			desc += "at " + secondsText(p.seconds) + " a month the subscription is " + w + " than the API"
		}
	}
	c := newBarChart("plan-chart", "Money per month: subscription and API", sentence(desc), "Money per month", bars)
	c.Mark = "the cheaper at that size"
	return c
}

// splitProfiles returns the profiles that sell subscriptions, each with
// every pack needing a plan (so a month is bought with a plan), and the
// pay-as-you-go APIs.
func splitProfiles(ps []pricing.Profile) (subs, apis []pricing.Profile) {
	for _, p := range ps {
		switch {
		case p.Kind == pricing.KindAPI:
			apis = append(apis, p)
		case len(p.Plans) > 0:
			packs := make([]pricing.Pack, len(p.Packs))
			for i, pk := range p.Packs {
				pk.RequiresPlan = true
				packs[i] = pk
			}
			p.Packs = packs
			subs = append(subs, p)
		}
	}
	return subs, apis
}

// scaleMix returns mix with every count multiplied by scale and rounded up
// (a row with clips keeps at least one).
func scaleMix(mix []pricing.MixLine, scale decimal.Decimal) []pricing.MixLine {
	out := make([]pricing.MixLine, len(mix))
	for i, l := range mix {
		l.Count = int(decimal.NewFromInt(int64(l.Count)).Mul(scale).Ceil().IntPart())
		out[i] = l
	}
	return out
}

// scaleText says a multiple in words: "half", "twice", "×1.37".
func scaleText(s decimal.Decimal) string {
	switch s.String() {
	case "0.25":
		return "a quarter of"
	case "0.5":
		return "half"
	case "1":
		return "all of"
	case "2":
		return "twice"
	}
	return "×" + pricing.FormatNumber(s.Round(2))
}

// secondsText is an amount of video: "1,200 s (20 min)".
func secondsText(s decimal.Decimal) string {
	t := pricing.FormatNumber(s.Round(1)) + " s"
	if s.GreaterThanOrEqual(decimal.NewFromInt(120)) {
		t += " (" + pricing.FormatNumber(s.DivRound(decimal.NewFromInt(60), 0)) + " min)"
	}
	return t
}

// defaultTakes is the generations per kept clip of a row that gives none:
// the clip log's measure for the row's tier (or all tiers) when it has kept
// clips, else the measure the row's link carried, else 1; hint says where
// it comes from. A measure the link carried that is no count is an error.
func (c *planner) defaultTakes(r mixRow) (hint string, takes decimal.Decimal, err error) {
	t := pricing.Tier(strings.TrimSpace(r.Tier))
	n, ok := c.logged[t]
	if !ok || n.kept == 0 {
		n = c.logged[pricing.TierAny]
	}
	if n.kept == 0 {
		if r.Measured == "" {
			return "", decimal.NewFromInt(1), nil
		}
		takes, err = pricing.ParseTakes("The link's measured generations per kept clip", r.Measured)
		if err != nil {
			return "", decimal.NewFromInt(1), err
		}
		return "if empty: " + pricing.FormatApprox(takes) + ", measured in the clip log this link was made with", takes, nil
	}
	takes, _ = pricing.MeasuredTakes(n.gens, n.kept)
	return "if empty: " + pricing.FormatApprox(takes) + ", measured from your log: " + pricing.CountInt(n.gens, "clip", "clips") +
		", " + pricing.FormatInt(n.kept) + " kept", takes, nil
}

// profiles returns the catalog and custom profiles, read on first use,
// with the clip log's measured retakes.
func (c *planner) profiles() ([]pricing.Profile, error) {
	if !c.catDone {
		c.catDone = true
		c.catalog, c.catErr = allProfiles()
		c.units, c.custom = map[string]string{}, map[string]bool{}
		for _, p := range c.catalog {
			c.units[p.ID] = "credits"
			if p.Unit != "" {
				c.units[p.ID] = p.Unit
			}
			c.custom[p.ID] = p.Custom
		}
		c.logged = logTakes(c.catalog)
		c.base = deviceRates() // as /log converts
	}
	return c.catalog, c.catErr
}

// currency returns a profile's currency.
func (c *planner) currency(id string) pricing.Currency {
	p, _ := pricing.FindProfile(c.catalog, id)
	return p.Currency
}

// logTakes sums the clip log's generated and kept clips by the tier of
// their model (and all together under TierAny), from the measures
// logstore.go reads once. No log, no storage: none.
func logTakes(ps []pricing.Profile) map[pricing.Tier]takeCount {
	measuredTakes("", "") // reads the log on first use
	out := map[pricing.Tier]takeCount{}
	for _, r := range measured.rs {
		tiers := []pricing.Tier{pricing.TierAny}
		if p, ok := pricing.FindProfile(ps, r.ProfileID); ok {
			if m, ok := p.FindModel(r.ModelID); ok {
				tiers = append(tiers, m.Tier)
			}
		}
		for _, t := range tiers {
			n := out[t]
			n.gens += r.Generations
			n.kept += r.Kept
			out[t] = n
		}
	}
	return out
}

// linkValues returns the state the page's address keeps: every row, a bad
// one too, so that a reload shows the same message.
func (c *planner) linkValues() url.Values {
	v, _ := c.stateValues(false)
	return v
}

// shareValues returns the state the Share section's link carries, and
// says what it leaves out: the rows with a message (a typo sent on is a
// message on the other side too, or a month planned without the row it
// stands for), as the other fields with one (shareState). A month of bad
// rows alone is shared as no month: the default's.
func (c *planner) shareValues() (url.Values, string) {
	v, left := c.stateValues(true)
	switch {
	case len(left) == len(c.rows):
		return v, "Every row has a mistake: the link opens the default month until one is fixed."
	case len(left) == 1:
		return v, left[0] + " is not in the link until its mistake is fixed."
	case len(left) > 1:
		return v, strings.Join(left, ", ") + " are not in the link until their mistakes are fixed."
	}
	return v, ""
}

// stateValues returns the state a link carries; with good, only the rows
// without a message, and the others named ("Row 2 (broll)") in left.
func (c *planner) stateValues(good bool) (v url.Values, left []string) {
	// A row without takes counts the clip log's measure: the link carries
	// it as a measure ("~2"), so that it shows the month as it is here on a
	// device without the log, and follows the log on one with it.
	rows := make([]mixRow, 0, len(c.rows))
	for i, r := range c.rows {
		if good && c.rowBad(i) {
			left = append(left, strings.TrimSuffix(rowMessage(i, r.Name, ""), ": "))
			continue
		}
		if strings.TrimSpace(r.Takes) == "" {
			if hint, d, err := c.defaultTakes(r); hint != "" && err == nil {
				r.Measured = takesText(d)
			}
		}
		rows = append(rows, r)
	}
	v = url.Values{}
	if len(rows) > 0 {
		v.Set("mix", formatMix(rows))
	}
	if b := c.values["billing"]; b != string(pricing.LensMonthly) {
		v.Set("billing", b)
	}
	if cur := c.values["cur"]; cur != string(pricing.USD) {
		v.Set("cur", cur)
	}
	// The rate the month converts at, where it is not the bundled one: on a
	// device without the log, the month costs the same.
	if eur := c.rates.Per[pricing.EUR]; !eur.Equal(pricing.DefaultRates().Per[pricing.EUR]) {
		v.Set("rate", "~"+pricing.Exact(eur)) // a clip log's: linkedRate
	}
	for _, key := range []string{"platform", "model"} {
		if s := strings.TrimSpace(c.values[key]); s != "" {
			v.Set(key, s)
		}
	}
	return v, left
}

// rowBad reports whether row i has a message.
func (c *planner) rowBad(i int) bool {
	for _, f := range rowFields {
		if c.errs[rowInput(i, f.key)] != "" {
			return true
		}
	}
	return false
}

// planState keeps only the planner's keys of a link's values.
func planState(v url.Values) url.Values {
	out := url.Values{}
	for _, key := range planKeys {
		if s := v.Get(key); s != "" {
			out.Set(key, s)
		}
	}
	return out
}

// rowInput is the name of row i's input key: "mix-0-count".
func rowInput(i int, key string) string {
	return "mix-" + strconv.Itoa(i) + "-" + key
}

// rowLabel is the label of a row's field.
func rowLabel(key string) string {
	for _, f := range rowFields {
		if f.key == key {
			return f.label
		}
	}
	return key
}
