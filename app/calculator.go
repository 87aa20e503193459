package app

import (
	"cmp"
	"errors"
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

// calculator is the page at "/": the guide's three steps as a live form.
// Prices come from a bundled profile (platform → plan → model → resolution
// → duration) or from numbers the person types (custom). Results follow
// every keystroke, each with its working, and the state lives in the URL
// fragment (see calcKeys) so a link reproduces the calculation.
//
// The /embed page reuses it with Compact(true): no site frame, a smaller
// heading, and no link to the site's other pages (the embed's one link,
// "Open the full calculator", carries the state: embed.renderFull).
type calculator struct {
	app.Compo

	// ICompact renders the calculator for a frame in another site.
	ICompact bool

	ready     bool              // state was initialised (OnInit ran)
	bundled   bool              // prices from a catalog profile, not typed
	today     string            // YYYY-MM-DD: the visitor's day; "" when prerendering (the catalog's newest date)
	byCredit  bool              // custom: the price per credit is typed directly
	bySecond  bool              // custom: credits per second instead of per clip
	bonusOpen bool              // the first-month bonus' section is open in the page
	values    map[string]string // each field's text as typed or linked, by link key
	errs      map[string]string // each field's message, by link key
	general   string            // a message about the calculation as a whole
	current   bool              // results match the inputs
	rows      []resultRow       // the results, formatted
	summary   string            // the results in one sentence, for the live region
	note      string            // a remark under the results (paid vs asked seconds)
	paid      string            // the seconds a clip is billed for, where more than asked
	plan      string            // /plan for these clips, on a platform of the catalog
	seen      string            // the fragment's state as last read or written
	compare   string            // href of the compare page for this shot
	catalog   []pricing.Profile // decoded on first use of the bundled picker
	catErr    error
	catDone   bool
	choices   calcChoices // options of the bundled pickers, for the chosen profile
}

// resultRow is one result as the page shows it.
type resultRow struct {
	// Not comparable: a comparable struct gets equality functions in
	// app.wasm (one for [6]resultRow alone is 5 KB), and none is needed.
	_ pricing.NotComparable

	ID      string // the element's fixed id: "price-per-credit"
	Label   string
	Value   string // data-value: the exact decimal; "" when not current
	Text    string // the formatted amount, or "—"
	Unit    string // after the amount ("per credit")
	Working string // "$30 ÷ 3,000 credits = $0.01 per credit"
	First   string // the first-month figure beside the steady one
	FirstID string // its element's id: "first-price-per-credit"
	FirstV  string // its exact value
	FirstW  string // its working
	Month   string // a line under the working: what a month of the plan buys
	Source  app.UI // where the price comes from and when it was read (priceSource)
}

// calcChoices are the options of the bundled pickers.
type calcChoices struct {
	profiles []choice
	plans    []choice
	billing  []choice // Yearly only for a plan sold yearly
	addons   []string // the add-ons' keys to show: the model's, and any ticked
	models   []choice
	res      []choice
	durHint  string
	resHint  string // the platform's name for the chosen resolution
	planHint string // the chosen plan's credits
	unknown  string // what the profile's sources do not tell
	api      bool   // the profile charges money per clip: no plans
	custom   bool   // the person's own profile, on this device only
	currency pricing.Currency
	tier     pricing.Tier
}

// Link keys of the calculator, in the order links write them.
var calcKeys = []string{
	"profile", "plan", "billing", "model", "res", "audio", "upscale",
	"cur", "price", "credits", "ppc", "bonus", "bonus_cap",
	"clip", "cps", "dur", "paid", "takes", "clips",
}

// Field labels; errors name fields by them. The engine's own labels
// (pricing.FieldX) are used where it has one, so an error it returns lands
// beside the right field.
const (
	labelProfile  = "Platform"
	labelPlan     = "Plan"
	labelBilling  = "Billing"
	labelModel    = "Model"
	labelRes      = "Resolution"
	labelCurrency = "Currency"
	labelPrice    = pricing.FieldPrice     // "Plan price"
	labelCredits  = pricing.FieldCredits   // "Credits per month"
	labelPPC      = pricing.FieldPerCredit // "Price per credit"
	labelBonus    = "First-month bonus"
	labelBonusCap = pricing.FieldBonusCap         // "Bonus cap"
	labelClip     = pricing.FieldClipCredits      // "Credits per clip"
	labelCPS      = pricing.FieldCreditsPerSecond // "Credits per second"
	labelDur      = pricing.FieldDuration         // "Duration"
	labelTakes    = pricing.FieldTakes            // "Generations per kept clip"
	labelClips    = "Number of clips"
	// labelPaid names the seconds a clip is billed for, which only a link
	// types: a profile of one's own, shared as typed numbers, makes 10 s
	// clips of the 7 s asked.
	labelPaid = "Billed clip length"
)

// calcLabels maps each link key to its field's label.
var calcLabels = map[string]string{
	"profile": labelProfile, "plan": labelPlan, "billing": labelBilling,
	"model": labelModel, "res": labelRes, "audio": labelAudio, "upscale": labelUpscale, "cur": labelCurrency,
	"price": labelPrice, "credits": labelCredits, "ppc": labelPPC,
	"bonus": labelBonus, "bonus_cap": labelBonusCap, "clip": labelClip,
	"cps": labelCPS, "dur": labelDur, "paid": labelPaid, "takes": labelTakes, "clips": labelClips,
}

// calcUnits maps each number's link key to the unit its field is in, so
// that "$5" typed as credits per clip is refused, not read as 5 credits
// (pricing.ParseIn). Prices ("price", "ppc") are in the calculator's
// currency (pricing.ParsePrice); generations per kept clip is
// pricing.ParseTakes's.
var calcUnits = map[string]pricing.Unit{
	"credits": pricing.UnitCredits, "bonus": pricing.UnitPercent, "bonus_cap": pricing.UnitCredits,
	"clip": pricing.UnitCredits, "cps": pricing.UnitCredits, "dur": pricing.UnitSeconds,
	"paid": pricing.UnitSeconds, "clips": pricing.UnitClips,
}

// calcPeriod says which numbers are counted per month, which read "$30 a
// month", "3,000 credits/month" and "10 clips a month" as a pricing page
// writes them, and refuse "a year" (pricing.ParseInPer): the plan's price
// and credits, and the number of clips, which the results weigh against a
// month of the plan and which /plan takes as a month's. (A switch, not a
// map: a map of Period costs app.wasm a few KB.)
func calcPeriod(key string) pricing.Period {
	switch key {
	case "price", "credits", "clips":
		return pricing.PerMonth
	}
	return pricing.NoPeriod
}

// engineFields maps the engine's field names that differ from the page's
// labels to link keys.
var engineFields = map[string]string{
	pricing.FieldClips: "clips",
	pricing.FieldBonus: "bonus",
}

// The guide's worked example: $30 for 3,000 credits, 50 credits per clip, 5 s.
var customDefaults = map[string]string{
	"price": "30", "credits": "3000", "clip": "50", "dur": "5",
}

// Defaults when switching mode with an empty field.
const (
	defaultPPC     = "0.01"
	defaultCPS     = "10"
	defaultProfile = "runway"
	defaultRes     = pricing.Res720p
)

// Result ids: stable hooks for embedders and tests.
const (
	idPricePerCredit = "price-per-credit"
	idCreditsPerClip = "credits-per-clip"
	idCostPerClip    = "cost-per-clip"
	idCostPerSecond  = "cost-per-second"
	idCostPerKept    = "cost-per-kept-clip"
	idTotal          = "total-cost"
)

var (
	_ app.Initializer = (*calculator)(nil)
	_ app.Navigator   = (*calculator)(nil)
)

// newCalculator returns the calculator page. Its state is set up in OnInit,
// so the page (prerendered or in the browser) shows the default example
// and its results in its first render.
func newCalculator() *calculator {
	return &calculator{}
}

// Compact sets whether the calculator is shown compact, for a frame.
func (c *calculator) Compact(v bool) *calculator {
	c.ICompact = v
	return c
}

// OnInit sets the default example, or the state a link carries when in the
// browser, and computes it, so that the first render already shows results.
func (c *calculator) OnInit() {
	if app.IsClient {
		c.today = time.Now().Format(time.DateOnly)
	}
	c.init(pageURL())
}

// OnNav applies a link's state when the page is opened or the fragment
// changes (a link to "/#…", the back button). A URL that carries no state
// restores the default example.
//
// go-app re-renders the page after OnNav whatever it did. When the state is
// the one shown, as when the app starts (OnInit read the link), PreventUpdate
// cancels that: rendering and diffing the whole page for nothing took ~20 ms
// of the calculator's start, and more on /compare. The other pages do the
// same.
func (c *calculator) OnNav(ctx app.Context) {
	v := calcState(linkState(ctx.Page().URL()))
	if formatLinkState(v, calcKeys) == c.seen {
		ctx.PreventUpdate()
		return
	}
	c.apply(v)
	if app.IsClient {
		// go-app drops an empty value attribute instead of clearing the
		// input, so a field the new link leaves empty is cleared by hand.
		ctx.Defer(func(app.Context) {
			for _, key := range calcKeys {
				if el := app.Window().GetElementByID(fieldID(key)); el.Truthy() && el.Get("tagName").String() == "INPUT" &&
					el.Get("value").String() != c.values[key] {
					el.Set("value", c.values[key])
				}
			}
		})
	}
}

func (c *calculator) Render() app.UI {
	class := "calc"
	if c.ICompact {
		class += " calc-compact"
	}
	var head, share app.UI
	if c.ICompact {
		head = textElem("h1", "calc-compact-title", "AI video cost calculator")
	} else {
		head = elem("header", "calc-head",
			textElem("h1", "", "What does one AI video clip really cost?"),
			lede("calc-lede",
				"Three steps: the price of one credit, the credits one clip uses, "+
					"and how many tries one kept clip takes. Pick a platform's plan or type your own numbers."),
		)
		share = shareSection("/", shareState(c.shareValues(), c.errs, calcKeys))
	}
	body := elem("div", class,
		head,
		elem("div", "calc-grid",
			c.renderForm(),
			c.renderResults(),
		),
		share,
	)
	if c.ICompact {
		return elem("main", "page calc-page calc-page-compact", body).ID("main")
	}
	return elem("main", "page calc-page", body).ID("main")
}

// renderForm renders the inputs: the source of prices, then the three
// steps, then the results' summary (peek), except in the embed.
func (c *calculator) renderForm() app.UI {
	var steps, top, summary app.UI
	if c.bundled {
		steps = c.renderBundled()
	} else {
		steps = c.renderCustom()
	}
	if !c.ICompact {
		summary = peek("calc-peek", c.summary, c.current)
	} else {
		// On a phone a blog's reader met the results ~1,200 px down the
		// frame: the answer comes first, then the form to change it.
		top = peek("calc-peek", c.summary, c.current).Class("peek-top")
	}
	return elem("form", "calc-form",
		top,
		elem("fieldset", "calc-source",
			textElem("legend", "", "Prices from"),
			elem("div", "calc-switch",
				radio("source", "custom", "My own numbers", !c.bundled, c.onSource(false)),
				radio("source", "bundled", "A platform's plan", c.bundled, c.onSource(true)),
			),
		),
		steps,
		elem("fieldset", "calc-step",
			textElem("legend", "", "3. Kept clips"),
			elem("div", "calc-pair",
				c.takesField(), // empty: the clip log's measured figure (logstore.go), or 1
				c.field("clips", "clips you need", "", "1"),
			),
		),
		summary,
	).
		ID("calc-form").
		Attr("aria-label", "Calculation").
		On("submit", c.onSubmit)
}

// renderCustom renders steps 1 and 2 with typed numbers.
func (c *calculator) renderCustom() app.UI {
	cur := c.currency()
	var price, clip app.UI
	if c.byCredit {
		price = c.field("ppc", "", string(cur), "")
	} else {
		price = elem("div", "calc-pair",
			c.field("price", "per month", string(cur), ""),
			c.field("credits", "", "credits", ""),
		)
	}
	if c.bySecond {
		clip = c.field("cps", "", "credits/s", "")
	} else {
		clip = c.field("clip", "", "credits", "")
	}
	return elem("div", "calc-steps",
		elem("fieldset", "calc-step",
			textElem("legend", "", "1. Price per credit"),
			elem("div", "calc-switch",
				radio("price_by", "plan", "From a plan", !c.byCredit, c.onPriceBy(false)),
				radio("price_by", "credit", "I know the price per credit", c.byCredit, c.onPriceBy(true)),
			),
			picker{
				Name:     "cur",
				Label:    labelCurrency,
				Value:    string(cur),
				Error:    c.errs["cur"],
				Choices:  currencyChoices,
				OnChange: c.onPick("cur"),
			}.render(),
			price,
			c.renderBonus(),
		),
		elem("fieldset", "calc-step",
			textElem("legend", "", "2. Credits per clip"),
			elem("div", "calc-switch",
				radio("clip_by", "clip", "Per clip", !c.bySecond, c.onClipBy(false)),
				radio("clip_by", "second", "Per second", c.bySecond, c.onClipBy(true)),
			),
			elem("div", "calc-pair",
				clip,
				c.field("dur", "", "seconds", ""),
			),
		),
	)
}

// renderBonus renders the optional first-month bonus, open when it is set.
func (c *calculator) renderBonus() app.UI {
	var capField app.UI
	if c.shown("bonus_cap") {
		capField = c.field("bonus_cap", "at most", "credits", "")
	}
	d := details("calc-bonus",
		textElem("summary", "", "First-month bonus (optional)"),
		elem("div", "calc-pair",
			c.field("bonus", "extra credits in the first month", "%", ""),
			capField,
		),
	)
	// Only ever set open: go-app would write open="false", which HTML reads
	// as open. Open while the person has it open, too: go-app removes an
	// attribute a render leaves out, and clearing the bonus to type another
	// closed the section under their fingers and dropped the focus.
	if c.bonusOpen || strings.TrimSpace(c.values["bonus"]) != "" || strings.TrimSpace(c.values["bonus_cap"]) != "" {
		d = d.Attr("open", true)
	}
	return d.On("toggle", c.onBonusToggle)
}

// renderBundled renders steps 1 and 2 with a profile's pickers.
func (c *calculator) renderBundled() app.UI {
	ch := c.choices
	billing := c.values["billing"]
	if billing == "" {
		billing = string(pricing.LensMonthly)
	}
	var plans, general app.UI
	if c.hasPlans() {
		var billed app.UI // a pack is bought once: no billing (nil, the last child)
		if len(ch.billing) > 0 {
			// Half a row, as the pairs below, but alone: no room for a
			// neighbour's two-line label (app.css).
			billed = elem("div", "calc-pair calc-half",
				picker{
					Name: "billing", Label: labelBilling, Value: billing,
					Error: c.errs["billing"], Choices: ch.billing, OnChange: c.onPick("billing"),
				}.render(),
			)
		}
		plans = elem("div", "",
			picker{
				Name: "plan", Label: labelPlan, Value: c.values["plan"], Hint: ch.planHint,
				Error: c.errs["plan"], Choices: ch.plans, OnChange: c.onPick("plan"),
			}.render(),
			billed,
		)
	}
	if c.general != "" {
		general = textElem("p", "calc-error", c.general)
	}
	return elem("div", "calc-steps",
		elem("fieldset", "calc-step",
			textElem("legend", "", "1. Platform and plan"),
			picker{
				Name: "profile", Label: labelProfile, Value: c.values["profile"], Hint: ch.unknown,
				Error: c.errs["profile"], Choices: ch.profiles, OnChange: c.onPick("profile"),
			}.render(),
			plans,
		),
		elem("fieldset", "calc-step",
			textElem("legend", "", "2. Model and clip"),
			general,
			picker{
				Name: "model", Label: labelModel, Value: c.values["model"],
				Error: c.errs["model"], Choices: ch.models, OnChange: c.onPick("model"),
			}.render(),
			elem("div", "calc-pair",
				picker{
					Name: "res", Label: labelRes, Value: c.values["res"], Hint: ch.resHint,
					Error: c.errs["res"], Choices: ch.res, OnChange: c.onPick("res"),
				}.render(),
				c.field("dur", ch.durHint, "seconds", ""),
			),
			c.renderAddons(),
		),
	)
}

// renderAddons renders the model's add-ons as boxes to tick, each with its
// message on a line of its own (app.css).
func (c *calculator) renderAddons() app.UI {
	var boxes []app.UI
	for _, a := range addonKeys {
		if slices.Contains(c.choices.addons, a.key) {
			on, _ := flagValue(c.values[a.key])
			boxes = append(boxes, checkbox(fieldID(a.key), a.key, "1", a.label, on, c.errs[a.key], c.onCheck(a.key)),
				textElem("p", "field-msg", c.errs[a.key]).ID(fieldMessageID(a.key)))
		}
	}
	if boxes == nil {
		return nil
	}
	return elem("div", "cmp-checks", boxes...).Attr("role", "group").Attr("aria-label", "Add-ons")
}

// renderResults renders the six results, each with its working.
func (c *calculator) renderResults() app.UI {
	rows := make([]app.UI, len(c.rows))
	for i, r := range c.rows {
		rows[i] = renderRow(r, c.current)
	}
	var note, evidence, links app.UI
	if c.note != "" {
		note = textElem("p", "calc-note", c.note)
	}
	for _, r := range c.rows {
		if r.Source != nil {
			evidence = textElem("p", "calc-working", evidenceNote) // what the sources' "official" means
		}
	}
	// In a frame, the embed's one link to the site takes the calculation
	// to the full calculator (embed.renderFull), where these are.
	if !c.ICompact {
		var plan app.UI
		if c.plan != "" {
			plan = textElem("a", "", "Price the month on the Plan page").Attr("href", c.plan)
		}
		links = elem("p", "calc-links",
			textElem("a", "", c.compareText()).Attr("href", c.compare),
			plan,
		)
	}
	return elem("section", resultsClass("calc-results", c.current),
		textElem("h2", "", "Results").ID("results-title"),
		textElem("p", "calc-status", c.summary).
			ID("calc-status").
			Attr("data-announce", "results"), // read out once typing pauses (web/early.js)
		elem("dl", "calc-list", rows...),
		note,
		evidence,
		links,
	).ID("results").Attr("aria-labelledby", "results-title")
}

// compareText is the words of the link to /compare. The link ranks the
// picked model's tier, like with like (/compare's Tier picker), and says
// so: it carried tier=fast from Gen-4 Turbo with no word of it.
func (c *calculator) compareText() string {
	text := "Compare platforms for this clip"
	tier := tierWord(c.choices.tier)
	if !c.bundled || tier == "" {
		return text
	}
	for _, m := range c.choices.models {
		if m.Value == c.values["model"] {
			return text + ": " + tier + "-tier models, as " + m.Label + " is"
		}
	}
	return text
}

// renderRow renders one result: its label, its amount and its working.
func renderRow(r resultRow, current bool) app.UI {
	out := textElem("span", "calc-value", r.Text).ID(r.ID)
	if current && r.Value != "" {
		out = out.Attr("data-value", r.Value)
	}
	var unit, first, firstW app.UI
	if r.Unit != "" {
		unit = textElem("span", "calc-unit", " "+r.Unit)
	}
	if r.First != "" {
		v := textElem("span", "calc-first-value", r.First).ID(r.FirstID)
		if r.FirstV != "" {
			v = v.Attr("data-value", r.FirstV)
		}
		first = elem("span", "calc-first", app.Text("first month: "), v)
	}
	if r.FirstW != "" {
		firstW = textElem("p", "calc-working", r.FirstW)
	}
	var month app.UI
	if r.Month != "" {
		month = textElem("p", "calc-working calc-month", r.Month).ID(r.ID + "-month")
	}
	return elem("div", "calc-row",
		textElem("dt", "calc-label", r.Label),
		elem("dd", "calc-figure",
			elem("span", "calc-amount", out, unit),
			first,
			textElem("p", "calc-working", r.Working),
			firstW,
			month,
			r.Source,
		),
	)
}

// onSubmit keeps Enter in a field from reloading the page.
func (c *calculator) onSubmit(ctx app.Context, e app.Event) {
	e.PreventDefault()
}

// onInput stores a typed value and recomputes.
// Out of line, so that its call sites share one handler (issue 8: inlined,
// each would get its own copy in app.wasm).
//
//go:noinline
func (c *calculator) onInput(key string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		c.values[key] = ctx.JSSrc().Get("value").String()
		c.changed(ctx)
	}
}

// onBonusToggle follows the bonus' section as the person opens or closes
// it. It draws nothing: the browser shows the section as it is, and a
// render a frame later wrote back the state read here, reopening a section
// closed meanwhile (web/early.js, after a printout).
func (c *calculator) onBonusToggle(ctx app.Context, e app.Event) {
	c.bonusOpen = ctx.JSSrc().Get("open").Bool()
	ctx.PreventUpdate()
}

// onPick stores a picked option; a new profile or model resets the pickers
// that depend on it.
// Out of line, so that its call sites share one handler (issue 8: inlined,
// each would get its own copy in app.wasm).
//
//go:noinline
func (c *calculator) onPick(key string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		c.pick(key, ctx.JSSrc().Get("value").String())
		c.changed(ctx)
	}
}

// pick takes a picker's new value and fills in what follows from it.
func (c *calculator) pick(key, v string) {
	c.values[key] = v
	switch key {
	case "profile":
		// The new platform's own: its plan (the one saved in /log, or the
		// first), the billing that plan is sold by.
		delete(c.values, "plan")
		delete(c.values, "billing")
		delete(c.values, "model")
		delete(c.values, "res")
		c.fillBundled(true)
	case "plan", "model":
		c.fillBundled(true)
	}
}

// onCheck ticks or unticks an add-on.
func (c *calculator) onCheck(key string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		c.values[key] = checkedValue(ctx)
		c.changed(ctx)
	}
}

// onSource switches between a platform's plan and typed numbers.
// Out of line, so that its call sites share one handler (issue 8: inlined,
// each would get its own copy in app.wasm).
//
//go:noinline
func (c *calculator) onSource(bundled bool) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if c.bundled == bundled {
			return
		}
		c.bundled = bundled
		if bundled {
			c.fillBundled(true)
		} else {
			for key, v := range customDefaults {
				if strings.TrimSpace(c.values[key]) == "" {
					c.values[key] = v
				}
			}
		}
		c.changed(ctx)
	}
}

// onPriceBy switches between a plan's price and credits and a typed price
// per credit, carrying the current figure over.
// Out of line, so that its call sites share one handler (issue 8: inlined,
// each would get its own copy in app.wasm).
//
//go:noinline
func (c *calculator) onPriceBy(byCredit bool) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if c.byCredit == byCredit {
			return
		}
		c.byCredit = byCredit
		if byCredit && strings.TrimSpace(c.values["ppc"]) == "" {
			c.values["ppc"] = c.resultValue(idPricePerCredit, defaultPPC)
		}
		for _, key := range []string{"price", "credits"} {
			if !byCredit && strings.TrimSpace(c.values[key]) == "" {
				c.values[key] = customDefaults[key]
			}
		}
		c.changed(ctx)
	}
}

// onClipBy switches between credits per clip and credits per second.
// Out of line, so that its call sites share one handler (issue 8: inlined,
// each would get its own copy in app.wasm).
//
//go:noinline
func (c *calculator) onClipBy(bySecond bool) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if c.bySecond == bySecond {
			return
		}
		c.bySecond = bySecond
		switch {
		case bySecond && strings.TrimSpace(c.values["cps"]) == "":
			c.values["cps"] = c.perSecond()
		case !bySecond && strings.TrimSpace(c.values["clip"]) == "":
			c.values["clip"] = c.resultValue(idCreditsPerClip, customDefaults["clip"])
		}
		c.changed(ctx)
	}
}

// changed recomputes after an edit and writes the state to the fragment.
func (c *calculator) changed(ctx app.Context) {
	c.compute()
	v := c.linkValues()
	c.seen = formatLinkState(v, calcKeys)
	replaceLink(ctx, v, calcKeys)
}

// init sets the state from u (nil: the default example) and computes it.
func (c *calculator) init(u *url.URL) {
	if c.ready {
		return
	}
	c.ready = true
	c.apply(calcState(linkState(u)))
}

// apply replaces the state with a link's values; missing numbers get the
// default example's, missing choices the profile's first.
func (c *calculator) apply(v url.Values) {
	c.values = map[string]string{}
	for key := range v {
		c.values[key] = v.Get(key)
	}
	c.bundled = c.values["profile"] != ""
	c.byCredit = !c.bundled && c.values["ppc"] != ""
	c.bySecond = !c.bundled && c.values["cps"] != ""
	if c.bundled {
		c.fillBundled(false)
	} else {
		for key, d := range customDefaults {
			if _, ok := c.values[key]; ok {
				continue
			}
			if (key == "price" || key == "credits") && c.byCredit || key == "clip" && c.bySecond {
				continue
			}
			c.values[key] = d
		}
	}
	c.seen = formatLinkState(v, calcKeys)
	c.compute()
}

// compute parses every field and runs the calculation, keeping each field's
// message and the formatted results. Nothing old survives a bad input: the
// results are marked not current instead.
func (c *calculator) compute() {
	c.errs = map[string]string{}
	c.general, c.note, c.plan, c.paid = "", "", "", ""
	c.current = false

	in := pricing.CalcInput{}
	if c.bundled {
		c.inputBundled(&in)
	} else {
		c.inputCustom(&in)
	}
	if d, ok := c.parse("dur", true, false); ok {
		in.Seconds = d
	}
	var paid decimal.Decimal
	if !c.bundled {
		paid, _ = c.parse("paid", true, true)
	}
	if d, ok := c.parse("takes", true, true); ok {
		in.Takes = d
	} else if d, _, ok := c.measuredTakes(); ok && strings.TrimSpace(c.values["takes"]) == "" {
		in.Takes = d
	}
	if d, ok := c.parse("clips", true, true); ok && !d.IsInteger() {
		c.errs["clips"] = labelClips + " must be a whole number, like 1 or 12."
	} else if ok {
		in.Clips = d
	}
	c.compare = c.compareLink(in.Takes)

	if len(c.errs) == 0 && c.general == "" {
		calc, err := pricing.Calculate(in)
		if err != nil {
			c.fail(err)
		} else {
			c.current = true
			if paid.GreaterThan(calc.PaidSeconds) { // typed numbers: the link's billed length
				calc.PaidSeconds, calc.UnusedSeconds = paid, paid.Sub(in.Seconds)
			}
			c.format(calc, in)
			return
		}
	}
	c.formatStale()
}

// inputCustom reads the typed prices into in.
func (c *calculator) inputCustom(in *pricing.CalcInput) {
	in.Currency = c.currency()
	if c.byCredit {
		in.PerCredit = c.nullParse("ppc", false, false)
	} else {
		in.Price = c.nullParse("price", false, false)
		in.Credits = c.nullParse("credits", true, false)
		// A cap is a number of credits: there is none to cap without a plan's.
		in.BonusCap = c.nullParse("bonus_cap", false, true)
	}
	in.BonusPercent = c.nullParse("bonus", false, true)
	if c.bySecond {
		in.CreditsPerSecond = c.nullParse("cps", false, false)
	} else {
		in.ClipCredits = c.nullParse("clip", false, false)
	}
}

// inputBundled reads the picked profile, plan, model and resolution into in.
func (c *calculator) inputBundled(in *pricing.CalcInput) {
	c.choices = calcChoices{}
	profiles, err := c.profiles()
	if err != nil {
		c.errs["profile"] = errorMessage(err)
		return
	}
	c.choices.profiles = profileChoices(profiles)
	id := c.values["profile"]
	p, ok := pricing.FindProfile(profiles, id)
	if !ok {
		c.errs["profile"] = errorMessage(&choiceError{Field: labelProfile, Value: id})
		return
	}
	c.choices.currency = p.Currency
	c.choices.api, c.choices.custom = p.Kind == pricing.KindAPI, p.Custom
	c.choices.plans = planChoices(p, c.values["billing"])
	// Under the plan and its price: its credits, and which figure they
	// are where the sources give two (Flow's Ultra: 25,000 or 12,500).
	c.choices.planHint = sentence(planCredits(p, c.values["plan"]))
	for _, f := range p.Figures(c.values["plan"], "") {
		c.choices.planHint += " " + sentence(f)
	}
	c.choices.models = modelChoices(p)
	c.choices.unknown = ""
	if !c.ICompact {
		// Not in a frame: what the sources do not tell concerns the
		// platform, not the article's clip, and ran to five lines on a
		// phone (Runway's) before the plan. The full calculator says it.
		c.choices.unknown = unknownHint(p)
	}
	in.Profile = &p

	if !c.choices.api && len(c.choices.plans) == 0 {
		c.errs["profile"] = errorMessage(&unknownError{Subject: planPrices(p), Other: "platform"})
	}
	c.choices.billing = nil
	if c.hasPlans() {
		in.PlanID = c.values["plan"]
		_, pack := p.FindPack(in.PlanID)
		if _, ok := p.FindPlan(in.PlanID); !ok && !pack {
			c.errs["plan"] = errorMessage(&choiceError{Field: labelPlan, Value: in.PlanID})
		}
		if !pack {
			c.choices.billing = billingFor(p, in.PlanID, c.values["billing"])
		}
		switch b := c.values["billing"]; b {
		case "", string(pricing.LensMonthly):
			in.Billing = pricing.LensMonthly
		case string(pricing.LensYearly):
			in.Billing = pricing.LensYearly
		default:
			c.errs["billing"] = errorMessage(&choiceError{Field: labelBilling, Value: b})
		}
	}

	in.ModelID = c.values["model"]
	m, ok := p.FindModel(in.ModelID)
	if !ok {
		c.errs["model"] = errorMessage(&choiceError{Field: labelModel, Value: in.ModelID})
		return
	}
	c.choices.tier = m.Tier
	c.choices.res = resChoices(m)
	if len(c.choices.res) == 0 {
		c.errs["model"] = errorMessage(&unknownError{Subject: modelPrices(m, c.choices.api), Other: "model"})
		return
	}
	in.Res = pricing.Resolution(c.values["res"])
	if !slices.ContainsFunc(c.choices.res, func(ch choice) bool { return ch.Value == string(in.Res) }) {
		c.errs["res"] = errorMessage(&choiceError{Field: labelRes, Value: string(in.Res)})
		if slices.Contains(pricing.Resolutions, in.Res) {
			// A resolution the model does not make says what it does:
			// Runway's Gen-4 Turbo at 1080p said only "not in the list".
			c.errs["res"] = resOffered(m.Name, in.Res, c.choices.res)
		}
		return
	}
	c.choices.durHint = durationHint(m, in.Res)
	c.choices.resHint = resHint(m, in.Res)

	// Add-ons: a box for each the model prices (Veo 3's audio is extra), and
	// for one a link ticked, to say why the model cannot have it (audio
	// whose price, or whose making, no source states, named so). Audio a
	// model includes in its price is not one: ticked, it changes nothing.
	for _, a := range addonKeys {
		on, good := flagValue(c.values[a.key])
		offered, included := offersAddon(m, a.kind), includesAddon(m, a.kind)
		if offered || !good || on && !included {
			c.choices.addons = append(c.choices.addons, a.key)
		}
		switch {
		case !good:
			c.errs[a.key] = errorMessage(&choiceError{Field: a.label, Value: c.values[a.key]})
		case on && offered:
			in.Addons = append(in.Addons, a.kind)
		case on && a.kind == pricing.AddonAudio && unpricedAudio(m, p.Custom) != "":
			c.errs[a.key] = sentence(unpricedAudio(m, p.Custom) + "; untick the " + a.label + " box")
		case on && !included:
			c.errs[a.key] = m.Name + " cannot add " + strings.ToLower(a.label) + " here; untick the " + a.label + " box."
		}
	}
}

// offersAddon reports whether m prices add-on k on top of a clip.
func offersAddon(m pricing.Model, k pricing.AddonKind) bool {
	return addonPrice(m, k) == 1
}

// includesAddon reports whether m's clips come with k in their price: audio
// a model includes, or an add-on priced at nothing (Luma's Ray 2 audio, a
// box that added "0 credits").
func includesAddon(m pricing.Model, k pricing.AddonKind) bool {
	return k == pricing.AddonAudio && m.Audio == pricing.AudioIncluded || addonPrice(m, k) == 0
}

// addonPrice says how m prices add-on k: -1 not at all, 0 at nothing (a
// price per clip of 0, and no other), 1 at something.
func addonPrice(m pricing.Model, k pricing.AddonKind) int {
	for i := range m.Addons {
		if a := &m.Addons[i]; a.Kind == k {
			if a.PerClip.Valid && a.PerClip.Decimal.IsZero() && !a.PerSecond.Valid && a.Block == nil && !a.Factor.Valid {
				return 0
			}
			return 1
		}
	}
	return -1
}

// addonKeys are the add-ons the calculator and /compare offer, with their
// link keys.
var addonKeys = []struct {
	key, label string
	kind       pricing.AddonKind
}{{"audio", labelAudio, pricing.AddonAudio}, {"upscale", labelUpscale, pricing.AddonUpscale}}

// fail files an error from the calculation beside its field, or as a
// message about the whole calculation.
func (c *calculator) fail(err error) {
	msg := errorMessage(err)
	if input, ok := errors.AsType[*pricing.InputError](err); ok {
		key, ok := engineFields[input.Field]
		for k, label := range calcLabels {
			if label == input.Field {
				key, ok = k, true
			}
		}
		if ok && c.shown(key) {
			c.errs[key] = msg
			return
		}
	}
	if errors.Is(err, pricing.ErrNoPrice) && c.shown("billing") {
		c.errs["billing"] = msg
		return
	}
	// A model that cannot make the shot: its resolutions are the picker's
	// choices, so what is typed is the length ("10 s not offered at 720p").
	if errors.Is(err, pricing.ErrNotOffered) {
		c.errs["dur"] = msg
		return
	}
	c.general = msg
}

// format turns a current calculation into the rows the page shows.
func (c *calculator) format(calc pricing.Calculation, in pricing.CalcInput) {
	money := func(m pricing.Money) (string, string) {
		return pricing.Exact(m.Amount), pricing.FormatMoney(m)
	}
	row := func(id, label, unit string, m pricing.Money) resultRow {
		v, t := money(m)
		return resultRow{ID: id, Label: label, Value: v, Text: t, Unit: unit, Working: calc.Working[id]}
	}

	ppc := row(idPricePerCredit, "Price per credit", "", calc.PricePerCredit)
	n, unit, _ := strings.Cut(pricing.Count(calc.CreditsPerClip, "credit", "credits"), " ")
	cpc := resultRow{
		ID: idCreditsPerClip, Label: "Credits per clip", Unit: unit,
		Value: pricing.Exact(calc.CreditsPerClip), Text: n,
		Working: calc.Working[idCreditsPerClip],
	}
	if calc.API {
		ppc.Value, ppc.Text, ppc.Unit = "", "n/a", ""
		ppc.Working = "This platform charges money per clip, not credits."
		cpc.Value, cpc.Text, cpc.Unit = "", "n/a", ""
		cpc.Working = "No credits: see the cost per clip."
	}
	clip := row(idCostPerClip, "Cost per clip", "", calc.CostPerClip)
	if in.Profile != nil { // which figure the model's price is, where the sources give a range or two
		price := &cpc
		if calc.API {
			price = &clip
		}
		for _, f := range in.Profile.Figures("", in.ModelID) {
			price.Working += " " + sentence(f)
		}
	}
	if p := in.Profile; p != nil && !c.ICompact { // in a frame, the full calculator says it (as unknownHint)
		// Where the prices come from, and when they were read, as
		// /compare's Evidence column says it: the calculator said nothing
		// of a plan price read in 2025.
		today := c.today
		if today == "" {
			today = catalogDate(c.catalog)
		}
		m, _ := p.FindModel(in.ModelID)
		if calc.API {
			clip.Source = priceSource("calc-working", "Price", m.Source, today)
		} else {
			pl, _ := p.FindPlan(in.PlanID)
			ppc.Source = priceSource("calc-working", "Plan price", pl.Source, today)
			cpc.Source = priceSource("calc-working", "Credit cost", m.Source, today)
		}
	}
	if calc.HasFirst && !calc.API {
		ppc.FirstID, ppc.FirstV = "first-"+idPricePerCredit, pricing.Exact(calc.FirstPricePerCredit.Amount)
		ppc.First = pricing.FormatMoney(calc.FirstPricePerCredit)
		ppc.FirstW = calc.Working[ppc.FirstID]
		clip.FirstID, clip.FirstV = "first-"+idCostPerClip, pricing.Exact(calc.FirstCostPerClip.Amount)
		clip.First = pricing.FormatMoney(calc.FirstCostPerClip)
		clip.FirstW = calc.Working[clip.FirstID]
	}
	clips := in.Clips
	if clips.IsZero() {
		clips = decimal.NewFromInt(1)
	}
	clipsWord := "for " + pricing.FormatNumber(clips) + " kept clip"
	if !clips.Equal(decimal.NewFromInt(1)) {
		clipsWord += "s"
	}
	// A plan's credits buy so many clips a month, said under the cost of
	// one (Kling Pro: 3,000 credits, 30 clips of 100).
	plan, monthly, unit := "the plan", calc.MonthCredits, "credits"
	if in.Profile != nil {
		plan, unit = calc.PlanName, in.Profile.UnitName()
	}
	takes := in.Takes
	if takes.IsZero() {
		takes = decimal.NewFromInt(1)
	}
	clip.Month = monthBuys(calc, plan, unit, takes)
	// What the clips cost all told is money paid: in cents. The prices
	// per credit, clip and second keep the places a rate needs.
	total := row(idTotal, "Total", clipsWord, calc.Total)
	total.Text = pricing.FormatTotal(calc.Total)
	c.rows = []resultRow{
		ppc,
		cpc,
		clip,
		row(idCostPerSecond, "Cost per second of video", "", calc.CostPerSecond),
		row(idCostPerKept, "Cost per kept clip", "", calc.CostPerKeptClip),
		total,
	}
	if calc.UnusedSeconds.IsPositive() {
		c.paid = pricing.Exact(calc.PaidSeconds)
		c.note = "The model makes " + pricing.FormatNumber(calc.PaidSeconds) + " s clips: you pay for " +
			pricing.FormatNumber(calc.UnusedSeconds) + " s more than you asked for. "
	}
	// A plan's credits cap what a month buys at its price per credit: past
	// them the total is not what the clips cost (Kling Pro gives 3,000
	// credits; 20 clips of 2 generations of 100 take 4,000).
	if need := calc.CreditsPerClip.Mul(takes).Mul(clips); !calc.API && monthly.IsPositive() && need.GreaterThan(monthly) {
		c.note += "These clips take " + pricing.Count(need, "credit", "credits") + ", and " + plan + " gives " +
			pricing.FormatNumber(monthly) + " a month: the total is at its price per credit, without the top-ups " +
			"or the larger plan they need."
	}
	if in.Profile != nil && clips.IsInteger() {
		// The same clips as a month's row, on every platform: /plan
		// prices the top-ups or the larger plan they need, and a month of
		// one clip as well as of many.
		mix := "clips:" + clips.String() + ":" + pricing.Exact(in.Seconds) + ":" + string(in.Res) + ":" +
			string(cmp.Or(c.choices.tier, pricing.TierAny)) + ":" + takesText(takes)
		// A row with native audio or upscale, as here (extra or
		// included): the row's fields after takes, as far as the last.
		skipped := ""
		for _, a := range addonKeys {
			if on, _ := flagValue(c.values[a.key]); on {
				mix += skipped + ":" + a.key
				skipped = ""
			} else {
				skipped += ":"
			}
		}
		// Billed and shown as here: a yearly plan's clips were planned
		// monthly, a calculation in euros in dollars. The platform and
		// model too: /plan marks the platform's month as yours.
		v := url.Values{"mix": {mix}, "cur": {c.displayCurrency()},
			"platform": {in.Profile.ID}, "model": {in.ModelID}}
		if in.Billing == pricing.LensYearly {
			v.Set("billing", string(pricing.LensYearly))
		}
		c.plan = linkTo("/plan", v, planKeys)
	}
	c.note = strings.TrimSpace(c.note)
	c.summary = "Cost per kept clip " + pricing.FormatMoney(calc.CostPerKeptClip) + "; total " +
		clipsWord + " " + total.Text + "."
}

// monthBuys says how many clips of the shot a month of the plan buys,
// and how many kept where a kept clip takes more than one: "Standard
// plan: 625 credits a month buy 12 clips of this shot (8 kept, at 1.5
// generations per kept clip)." It is "" without a month's credits (a
// typed price per credit, an API) or for a clip of no credits.
func monthBuys(calc pricing.Calculation, plan, unit string, takes decimal.Decimal) string {
	if !calc.MonthCredits.IsPositive() || !calc.CreditsPerClip.IsPositive() {
		return ""
	}
	s := plan + " plan: "
	if plan == "the plan" {
		s = "The plan: "
	}
	s += pricing.CountUnits(calc.MonthCredits, unit) + " a month buy "
	if calc.MonthCredits.Equal(decimal.NewFromInt(1)) {
		s = s[:len(s)-1] + "s "
	}
	if calc.ClipsPerMonth.IsZero() {
		return s + "no clip of this shot: one takes " + pricing.CountUnits(calc.CreditsPerClip, unit) + "."
	}
	s += pricing.Count(calc.ClipsPerMonth, "clip", "clips") + " of this shot"
	if !takes.Equal(decimal.NewFromInt(1)) {
		s += " (" + pricing.FormatNumber(calc.KeptPerMonth) + " kept, at " +
			pricing.CountApprox(takes, "generation", "generations") + " per kept clip)"
	}
	return s + "."
}

// formatStale shows every result as not current, with why.
func (c *calculator) formatStale() {
	c.rows = []resultRow{
		{ID: idPricePerCredit, Label: "Price per credit"},
		{ID: idCreditsPerClip, Label: "Credits per clip"},
		{ID: idCostPerClip, Label: "Cost per clip"},
		{ID: idCostPerSecond, Label: "Cost per second of video"},
		{ID: idCostPerKept, Label: "Cost per kept clip"},
		{ID: idTotal, Label: "Total"},
	}
	for i := range c.rows {
		c.rows[i].Text = "—"
		c.rows[i].Working = "\u00a0" // keeps the row's height
	}
	why := c.general
	if why == "" {
		for _, key := range calcKeys {
			if msg := c.errs[key]; msg != "" {
				why = msg
				break
			}
		}
	}
	if why == "" {
		why = genericErrorMessage
	}
	c.summary = "Results are not current. " + why
}

// field returns the text input for key with its state.
func (c *calculator) field(key, hint, unit, placeholder string) app.UI {
	mode := "decimal"
	if key == "clips" || key == "dur" && c.bundled {
		mode = "numeric"
	}
	return field{
		Name:        key,
		Label:       calcLabels[key],
		Value:       c.values[key],
		Hint:        hint,
		Unit:        unit,
		Error:       c.errs[key],
		Mode:        mode,
		Placeholder: placeholder,
		OnInput:     c.onInput(key),
	}.render()
}

// parse reads the field key: positive requires more than 0, optional
// accepts an empty field (ok is false then, and there is no message).
func (c *calculator) parse(key string, positive, optional bool) (decimal.Decimal, bool) {
	s := c.values[key]
	if optional && strings.TrimSpace(s) == "" {
		return decimal.Decimal{}, false
	}
	var d decimal.Decimal
	var err error
	switch {
	case key == "takes": // "7/3" too: a clip log's measure, as links write it
		d, err = pricing.ParseTakes(calcLabels[key], s)
	case key == "price" || key == "ppc":
		d, err = pricing.ParsePricePer(calcLabels[key], s, c.currency(), calcPeriod(key))
	case positive:
		d, err = pricing.ParsePositiveInPer(calcLabels[key], s, calcUnits[key], calcPeriod(key))
	default:
		d, err = pricing.ParseInPer(calcLabels[key], s, calcUnits[key], calcPeriod(key))
	}
	if err != nil {
		c.errs[key] = errorMessage(err)
		return decimal.Decimal{}, false
	}
	return d, true
}

// nullParse is parse for the engine's optional inputs.
func (c *calculator) nullParse(key string, positive, optional bool) decimal.NullDecimal {
	d, ok := c.parse(key, positive, optional)
	return decimal.NullDecimal{Decimal: d, Valid: ok}
}

// shown reports whether the field key is on the page in the current mode.
func (c *calculator) shown(key string) bool {
	switch key {
	case "dur", "takes", "clips":
		return true
	case "profile", "model", "res":
		return c.bundled
	case "audio", "upscale":
		return c.bundled && slices.Contains(c.choices.addons, key)
	case "plan", "billing":
		return c.bundled && c.hasPlans()
	case "cur", "bonus":
		return !c.bundled
	case "bonus_cap":
		return !c.bundled && !c.byCredit
	case "price", "credits":
		return !c.bundled && !c.byCredit
	case "ppc":
		return !c.bundled && c.byCredit
	case "paid":
		return !c.bundled && strings.TrimSpace(c.values["paid"]) != ""
	case "clip":
		return !c.bundled && !c.bySecond
	case "cps":
		return !c.bundled && c.bySecond
	}
	return false
}

// linkValues returns the state the page's address keeps: the fields on the
// page, as typed (a bad value too, so the link shows the same message).
func (c *calculator) linkValues() url.Values {
	v := url.Values{}
	for _, key := range calcKeys {
		if !c.shown(key) {
			continue
		}
		s := strings.TrimSpace(c.values[key])
		switch {
		case s == "",
			key == "billing" && s == string(pricing.LensMonthly),
			key == "cur" && s == string(pricing.USD):
			continue
		}
		v.Set(key, s)
	}
	return v
}

// shareValues is the state the Share section's link and embed code carry:
// linkValues, and the clip log's measured generations per kept clip when
// none is typed, which the results count: sent to a client, the link shows
// the same cost on a device without the log. Not in the page's own
// address: a reload or the nav would make the figure typed, and stop it
// following the log.
func (c *calculator) shareValues() url.Values {
	v := c.linkValues()
	if d, _, ok := c.measuredTakes(); ok && !v.Has("takes") {
		v.Set("takes", takesText(d))
	}
	// A profile of one's own is on this device only: anywhere else, and in
	// every embed, the link said "not in the list". It carries the
	// profile's numbers instead, typed prices that cost the same.
	if c.bundled && c.choices.custom && c.current {
		typed := url.Values{"cur": {string(c.choices.currency)}, "paid": {c.paid},
			"ppc":  {"1"}, // an API's units are its money
			"clip": {c.resultValue(idCreditsPerClip, c.resultValue(idCostPerClip, ""))}}
		for _, key := range []string{"dur", "takes", "clips"} {
			typed[key] = v[key]
		}
		if !c.choices.api {
			c.planNumbers(typed)
		}
		return typed
	}
	return v
}

// planNumbers sets in v the chosen plan's price and credits a month as
// typed numbers, which divide as the plan's do (its price per credit,
// rounded to 16 places, cost other amounts in their last digits), and its
// first-month bonus, which the plan's first-month figures come of. A
// promotion the typed numbers cannot say is left out: an intro price, and
// a bonus on a plan priced only by the year (its first month divides the
// year's price by 12 first).
func (c *calculator) planNumbers(v url.Values) {
	ps, _ := c.profiles()
	p, _ := pricing.FindProfile(ps, c.values["profile"])
	pl, ok := p.FindPlan(c.values["plan"])
	if !ok { // not current then; kept for safety
		v.Set("ppc", c.resultValue(idPricePerCredit, ""))
		return
	}
	v.Del("ppc")
	price, credits := pl.Monthly.Decimal, pl.Credits
	yearly := c.values["billing"] == string(pricing.LensYearly)
	bonus := pl.Promo != nil && pl.Promo.BonusPercent.Valid
	switch {
	case yearly && pl.YearlyPerMonth.Valid:
		price = pl.YearlyPerMonth.Decimal
	case yearly:
		price, credits, bonus = pl.Yearly.Decimal, credits.Mul(decimal.NewFromInt(12)), false
	case bonus:
		bonus = !pl.Promo.IntroPrice.Valid
	}
	v.Set("price", pricing.Exact(price))
	v.Set("credits", pricing.Exact(credits))
	if bonus {
		v.Set("bonus", pricing.Exact(pl.Promo.BonusPercent.Decimal))
		if pl.Promo.BonusCap.Valid {
			v.Set("bonus_cap", pricing.Exact(pl.Promo.BonusCap.Decimal))
		}
	}
}

// compareLink returns the compare page's href for this clip: its duration,
// resolution and tier, takes and billing, as far as they are known and good.
func (c *calculator) compareLink(takes decimal.Decimal) string {
	v := url.Values{}
	good := func(key string) string {
		if c.errs[key] != "" {
			return ""
		}
		return strings.TrimSpace(c.values[key])
	}
	if d, err := pricing.ParsePositiveIn(labelDur, good("dur"), pricing.UnitSeconds); err == nil {
		v.Set("dur", pricing.Exact(d))
	}
	if c.bundled {
		if r := good("res"); r != "" {
			v.Set("res", r)
		}
		if c.choices.tier != "" {
			v.Set("tier", string(c.choices.tier))
		}
		for _, a := range addonKeys {
			if on, _ := flagValue(good(a.key)); on {
				v.Set(a.key, "1")
			}
		}
	}
	// The generations per kept clip counted here (typed, or measured for
	// this model), when /compare would count others without them (its
	// own default: the log's measure for every platform, or 1).
	one := decimal.NewFromInt(1)
	want, _, ok := measuredTakes("", "")
	if !ok {
		want = one
	}
	if takes.IsZero() {
		takes = one
	}
	if !takes.Equal(want) && c.errs["takes"] == "" { // a bad one: its message is here
		v.Set("takes", takesText(takes))
	}
	if c.bundled && good("billing") == string(pricing.LensYearly) {
		v.Set("billing", string(pricing.LensYearly))
	}
	v.Set("cur", c.displayCurrency())
	return linkTo("/compare", v, []string{"dur", "res", "tier", "takes", "billing", "audio", "upscale", "cur"})
}

// displayCurrency is the calculation's currency as /compare's and /plan's
// display currency, "" for their default (US dollars) or one they do not
// offer: a calculation in euros opened them in dollars.
func (c *calculator) displayCurrency() string {
	cur := c.currency()
	if c.bundled {
		cur = c.choices.currency
	}
	if cur == pricing.USD || !isChoice(string(cur), displayChoices) {
		return ""
	}
	return string(cur)
}

// profiles returns the catalog, decoding it on first use.
func (c *calculator) profiles() ([]pricing.Profile, error) {
	if !c.catDone {
		c.catalog, c.catErr = allProfiles() // the catalog and the person's custom profiles
		c.catDone = true
	}
	return c.catalog, c.catErr
}

// fillBundled completes the bundled choices a link or a new pick left
// empty: the default platform, its first monthly plan, its first model, a
// resolution and duration that model offers, and the billing the plan is
// sold by. After a pick it also replaces a resolution the model does not
// offer and a billing the plan is not sold by (a link's bad value is kept,
// to show its message).
func (c *calculator) fillBundled(pick bool) {
	profiles, err := c.profiles()
	if err != nil || len(profiles) == 0 {
		return
	}
	if c.values["profile"] == "" {
		c.values["profile"] = profiles[0].ID
		if _, ok := pricing.FindProfile(profiles, defaultProfile); ok {
			c.values["profile"] = defaultProfile
		}
	}
	p, ok := pricing.FindProfile(profiles, c.values["profile"])
	if !ok {
		return
	}
	if c.values["plan"] == "" && len(p.Plans) == 0 {
		// A platform that sells only packs (Kling's API): the first, the
		// smallest a person would buy.
		if ps := planChoices(p, ""); len(ps) > 0 {
			c.values["plan"] = ps[0].Value
		}
	}
	if c.values["plan"] == "" && p.Kind != pricing.KindAPI && len(p.Plans) > 0 {
		c.values["plan"] = p.Plans[0].ID
		for _, pl := range p.Plans {
			if pl.Monthly.Valid && pl.Monthly.Decimal.IsPositive() {
				c.values["plan"] = pl.ID
				break
			}
		}
		// The plan the person is on, saved under the clip log's My plans:
		// /log priced their clips with it, the calculator with another.
		if s := deviceStore(); s != nil {
			mp, saved := cliplog.SavedPlan(s, p.ID)
			if _, sold := p.FindPlan(mp.PlanID); saved && sold { // not a price of one's own, nor a plan gone
				c.values["plan"] = mp.PlanID
				if c.values["billing"] == "" && mp.Billing == cliplog.Yearly {
					c.values["billing"] = soldBy(p, mp.PlanID, string(pricing.LensYearly))
				}
			}
		}
	}
	if pick || c.values["billing"] == "" {
		c.values["billing"] = soldBy(p, c.values["plan"], c.values["billing"])
	}
	if c.values["model"] == "" && len(p.Models) > 0 {
		c.values["model"] = p.Models[0].ID
		for _, m := range p.Models {
			if len(resChoices(m)) > 0 && (len(m.Plans) == 0 || slices.Contains(m.Plans, c.values["plan"])) {
				c.values["model"] = m.ID
				break
			}
		}
	}
	m, ok := p.FindModel(c.values["model"])
	if !ok {
		return
	}
	if pick {
		// An add-on the new model cannot have goes: it made the results
		// wait on a message about a box the person never ticked there.
		// Audio a model includes stays asked for.
		for _, a := range addonKeys {
			if on, _ := flagValue(c.values[a.key]); on && !offersAddon(m, a.kind) && !includesAddon(m, a.kind) {
				delete(c.values, a.key)
			}
		}
	}
	offered := resChoices(m)
	res := c.values["res"]
	if len(offered) > 0 && (res == "" || pick && !slices.ContainsFunc(offered, func(ch choice) bool { return ch.Value == res })) {
		c.values["res"] = offered[0].Value
		for _, ch := range offered {
			if ch.Value == string(defaultRes) {
				c.values["res"] = ch.Value
			}
		}
	}
	if strings.TrimSpace(c.values["dur"]) == "" {
		c.values["dur"] = firstDuration(m)
	}
}

// billingFor returns the billings profile p sells plan planID by (Kling's
// plans are not sold yearly), and chosen, so that its message can say why
// it has no price; every billing for a plan p does not have.
func billingFor(p pricing.Profile, planID, chosen string) []choice {
	sold := planSold(p, planID)
	if chosen == string(pricing.LensYearly) {
		sold[1] = true
	} else {
		sold[0] = true
	}
	lo, hi := 0, 2
	if !sold[0] {
		lo = 1
	}
	if !sold[1] {
		hi = 1
	}
	return billingChoices[lo:hi]
}

// soldBy returns billing, or the other billing when plan planID of p is not
// sold by billing and is by the other (Higgsfield's Starter only yearly).
func soldBy(p pricing.Profile, planID, billing string) string {
	sold, i := planSold(p, planID), 0
	if billing == string(pricing.LensYearly) {
		i = 1
	}
	if !sold[i] && sold[1-i] {
		return billingChoices[1-i].Value
	}
	return billing
}

// planSold reports, in billingChoices' order, the billings plan planID of p
// has a price for: every one for a plan p does not have.
func planSold(p pricing.Profile, planID string) [2]bool {
	for i := range p.Plans {
		if pl := &p.Plans[i]; pl.ID == planID {
			return [2]bool{pl.Monthly.Valid, pl.Yearly.Valid || pl.YearlyPerMonth.Valid}
		}
	}
	return [2]bool{true, true}
}

// hasPlans reports whether the chosen profile sells plans the page can pick.
func (c *calculator) hasPlans() bool {
	return !c.choices.api && len(c.choices.plans) > 0
}

// resultValue returns the exact value of a current result, or def.
func (c *calculator) resultValue(id, def string) string {
	if !c.current {
		return def
	}
	for _, r := range c.rows {
		if r.ID == id && r.Value != "" {
			return r.Value
		}
	}
	return def
}

// perSecond returns the credits per second of the current clip, for the
// switch from "per clip" to "per second".
func (c *calculator) perSecond() string {
	if !c.current {
		return defaultCPS
	}
	credits, err1 := decimal.NewFromString(c.resultValue(idCreditsPerClip, ""))
	secs, err2 := pricing.ParsePositiveIn(labelDur, c.values["dur"], pricing.UnitSeconds)
	if err1 != nil || err2 != nil || secs.IsZero() {
		return defaultCPS
	}
	return pricing.Exact(credits.DivRound(secs, 4))
}

// currency returns the currency of typed prices.
func (c *calculator) currency() pricing.Currency {
	switch cur := pricing.Currency(c.values["cur"]); cur {
	case pricing.EUR, pricing.GBP:
		return cur
	}
	return pricing.USD
}

// calcState keeps only the calculator's keys of a link's values.
func calcState(v url.Values) url.Values {
	out := url.Values{}
	for _, key := range calcKeys {
		if s := v.Get(key); s != "" {
			out.Set(key, s)
		}
	}
	return out
}

// radio is one labelled radio button of a switch.
func radio(name, value, label string, checked bool, h app.EventHandler) app.UI {
	id := "r-" + name + "-" + value
	in := void("input").Attr("type", "radio").ID(id).Attr("name", name).Attr("value", value).On("change", h)
	if checked {
		in = in.Attr("checked", true)
	}
	return elem("label", "calc-radio", in, textElem("span", "", label)).Attr("for", id)
}

// currencyChoices are the currencies typed prices may be in.
var currencyChoices = []choice{
	{Value: string(pricing.USD), Label: "US dollar ($)"},
	{Value: string(pricing.EUR), Label: "Euro (€)"},
	{Value: string(pricing.GBP), Label: "Pound sterling (£)"},
}

// billingChoices are the ways a plan is billed.
var billingChoices = []choice{
	{Value: string(pricing.LensMonthly), Label: "Monthly"},
	{Value: string(pricing.LensYearly), Label: "Yearly"},
}

// profileChoices lists the catalog's profiles.
func profileChoices(ps []pricing.Profile) []choice {
	out := make([]choice, 0, len(ps))
	for _, p := range ps {
		out = append(out, choice{Value: p.ID, Label: p.Name})
	}
	return out
}

// planChoices lists a profile's plans with their price a month as billing
// ("monthly" or "yearly") bills it: "Ultra — $180.00/mo". Billed yearly,
// Runway's Standard said "$15.00/mo" above a working of "$12 a month
// billed yearly"; a plan with no price billed so shows its monthly one.
// Their credits are in planCredits, the picker's hint: with them ("…,
// 26,000 credits") the chosen plan was cut on a phone, 17 of the 22
// bundled plans at 360 px.
func planChoices(p pricing.Profile, billing string) []choice {
	out := make([]choice, 0, len(p.Plans))
	for _, pl := range p.Plans {
		label := pl.Name
		price, ok := pl.PerMonth(pricing.Lens(billing))
		if !ok {
			price, ok = pl.PerMonth(pricing.LensMonthly)
		}
		if ok {
			label += " — " + pricing.FormatMoney(pricing.NewMoney(price, p.Currency)) + "/mo"
		}
		out = append(out, choice{Value: pl.ID, Label: label})
	}
	if len(p.Plans) > 0 {
		return out
	}
	// Sold only in packs (Kling's API): a pack is bought once, "Pack 3 —
	// $5,670.00"; its units and validity are in the hint (planCredits).
	for _, pk := range p.Packs {
		if !pk.RequiresPlan && pk.Credits.IsPositive() {
			out = append(out, choice{Value: pk.ID, Label: pk.Name + " — " + pricing.FormatMoney(pricing.NewMoney(pk.Price, p.Currency))})
		}
	}
	return out
}

// planCredits says what plan id of p gives a month: "26,000 credits a
// month", or "" for no such plan.
func planCredits(p pricing.Profile, id string) string {
	pl, ok := p.FindPlan(id)
	if pk, pack := p.FindPack(id); !ok && pack {
		// "45,000 units, bought once, valid 180 days": the price is the
		// picker's, its price per unit the working's.
		return pricing.CountUnits(pk.Credits, p.UnitName()) + ", bought once, " + validityWords(pk, p.Platform)
	}
	if !ok {
		return ""
	}
	return pricing.CountUnits(pl.Credits, p.UnitName()) + " a month"
}

// unknownHint says what a profile's sources do not tell, for the hint
// under the platform picker.
func unknownHint(p pricing.Profile) string {
	if len(p.Unknown) == 0 {
		return ""
	}
	return "Not published: " + strings.Join(p.Unknown, "; ") + "."
}

// modelChoices lists a profile's models.
func modelChoices(p pricing.Profile) []choice {
	out := make([]choice, 0, len(p.Models))
	for _, m := range p.Models {
		out = append(out, choice{Value: m.ID, Label: m.Name})
	}
	return out
}

// resChoices lists the resolutions a model offers, lowest first. The
// platform's own name for one ("1280×720", "768P") is resHint's, the
// picker's hint: in the label ("720p (1280×720)") it was cut in half a
// phone's row.
func resChoices(m pricing.Model) []choice {
	var out []choice
	for _, res := range pricing.Resolutions {
		if _, ok := resLabel(m, res); ok {
			out = append(out, choice{Value: string(res), Label: res.Name()})
		}
	}
	return out
}

// resOffered says that model does not make res, and which of res (the
// picker's choices) it makes: "Resolution “1080p” is not offered by
// Gen-4 Turbo, which makes 720p only; pick one of the choices."
func resOffered(model string, res pricing.Resolution, offered []choice) string {
	names := make([]string, len(offered))
	for i, ch := range offered {
		names[i] = ch.Label
	}
	makes := strings.Join(names, ", ")
	if len(names) == 1 {
		makes += " only"
	}
	return labelRes + " “" + res.Name() + "” is not offered by " + model + ", which makes " + makes +
		"; pick one of the choices."
}

// resHint names res as the platform sells it on m, when that is not just
// the resolution: "Sold as 1280×720.", or "".
func resHint(m pricing.Model, res pricing.Resolution) string {
	label, _ := resLabel(m, res)
	if label == "" || strings.EqualFold(label, string(res)) {
		return ""
	}
	return "Sold as " + label + "."
}

// resLabel returns the platform's label for res on m, and whether m
// offers res at all.
func resLabel(m pricing.Model, res pricing.Resolution) (string, bool) {
	for _, r := range m.Rates {
		if r.Res == res {
			return r.Label, true
		}
	}
	for _, r := range m.Multipliers {
		if r.Res == res {
			return r.Label, true
		}
	}
	return "", false
}

// durationHint says which clip lengths a model offers at res.
func durationHint(m pricing.Model, res pricing.Resolution) string {
	d := m.Durations
	for _, r := range m.Rates {
		if r.Res == res && r.Durations != nil {
			d = *r.Durations
		}
	}
	switch {
	case len(d.List) == 1:
		return "offered: " + strconv.Itoa(d.List[0]) + " s"
	case len(d.List) > 1:
		parts := make([]string, len(d.List))
		for i, s := range d.List {
			parts[i] = strconv.Itoa(s)
		}
		return "offered: " + strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1] + " s"
	case d.Max > 0:
		return "offered: " + strconv.Itoa(d.Min) + "–" + strconv.Itoa(d.Max) + " s"
	}
	return ""
}

// firstDuration returns the shortest clip length a model offers, or 5 s.
func firstDuration(m pricing.Model) string {
	switch d := m.Durations; {
	case len(d.List) > 0:
		return strconv.Itoa(slices.Min(d.List))
	case d.Min > 0:
		return strconv.Itoa(d.Min)
	}
	return customDefaults["dur"]
}
