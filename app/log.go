package app

import (
	"bytes"
	"cmp"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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

// clipLog is the page at /log: what every generated clip really cost, by
// project and client, kept in this browser and nowhere else (package
// cliplog does the work: storage, totals, measured retakes, export and
// import; this page only asks and shows).
//
//   - Log a clip: date, platform, model, resolution, seconds, credits used
//     (prefilled from the catalog's rule), kept or rejected, project, client,
//     note; its cost per clip and per second show as it is typed. "Log
//     another like this" saves and keeps every field for the next one, but
//     the credits go back to the catalog's (typed ones were that clip's).
//   - Edit on a clip's row puts it in the form to correct it in place; it
//     keeps its price per credit as logged unless asked for the plan's now.
//   - The list with its filters, totals, measured generations per kept clip
//     and a chart of spend per month or per project.
//   - My plans: the plan the person is on for each platform, so clips are
//     priced at their real price per credit.
//   - Display currency and the rates the person types.
//   - Your data: export (CSV, JSON backup), import, the last export and a
//     reminder that browsers clear local data.
//
// Nothing typed is lost: a save that fails (storage full or blocked) says so
// in the alert and leaves the form as it was; a half-typed clip waits in
// the tab (draftKey), each tab's its own. Another tab's changes arrive
// through the window's "storage" event (and when the page is shown again),
// and the log is read again from storage; each clip has its own key, so two
// tabs never overwrite each other.
type clipLog struct {
	app.Compo

	log     *cliplog.Log
	catalog []pricing.Profile

	values map[string]string // every input's text, by name
	errs   map[string]string // every input's message, by name

	alert    string           // storage trouble, said plainly (role=alert)
	status   string           // what the last action did (role=status)
	undo     *cliplog.Deleted // the last delete, until another action
	unedit   *cliplog.Entry   // the version the last edit changed, until another action
	editedTo cliplog.Entry    // the version the last edit saved (unedit's Undo puts it back only over this)
	corrupt  []cliplog.CorruptRecord
	keep     keepState // whether the browser may clear the log (logkeep.go)

	seen string // the filters as the address last had them (logKeys)

	// The last import's clips whose id is saved with other values (a
	// client corrected in a spreadsheet), which Replace saves; then the
	// versions it replaced, which Put back saves again.
	conflicts, replaced []cliplog.Entry

	// The clip form.
	tab       cliplog.Store  // the tab's storage, where its drafts wait (tabStore)
	editing   *cliplog.Entry // the saved clip the form edits, as it was; nil: a new clip
	reprice   bool           // the edited clip is priced at the plan's price now, not as logged
	clipMsg   string         // a message about the clip as a whole (no price)
	usage     string         // the catalog rule behind the prefilled credits
	priceText string         // the price per credit the clip gets, and from where
	unit      string         // what the platform calls its credits
	models    []choice
	res       []choice
	resHint   string    // the platform's name for the chosen resolution
	addons    []string  // the add-ons a clip of the chosen model may have (logsAddon; addonKeys' keys): boxes
	inPrice   []string  // those of them its price includes: "(in the price)"
	withAudio bool      // the chosen model's price is with native audio (Kling 2.6 "with audio")
	cost      resultRow // cost per clip, as the form stands
	perSecond resultRow

	// My plans.
	planPrice string // the price per credit of the plan in the form
	api       bool   // the plan form's platform charges money, no plan
	planRows  []planRow

	// The list.
	limit    int             // rows shown
	rows     []cliplog.Entry // the clips shown, newest first
	sel      []cliplog.Entry // the clips the filters match, every one when they match all
	hidden   int             // matching rows not shown
	count    string
	empty    string // in place of the list when it has no row: why
	unread   bool   // generating the page: no log to read, figures unknown
	totals   []resultRow
	byCur    string // the costs in each currency, when there are several
	totalMsg string
	retakes  []cliplog.Retakes
	chart    barChart
	filters  [4][]choice        // project, client, platform, month
	exported string             // when the log was last exported, in words
	rates    []pricing.Currency // the exchange rates asked for (rateCurrencies), in the order first shown

	importErrs []string
	planOf     string      // the platform the plan form was filled for
	blobURL    string      // the last download's, revoked at the next
	pending    bool        // a reload from storage is scheduled
	stop       func()      // removes the window listeners
	page       app.Context // the page's own context (OnMount): focusAfterRender
}

// planRow is one saved plan.
type planRow struct {
	_                          pricing.NotComparable
	Profile, Name, Plan, Price string
}

// Clock and randomness of new entries; tests replace them.
var (
	logNow              = time.Now
	logRandom io.Reader = rand.Reader
)

// logRows is how many clips the list shows at first, and adds each time.
const logRows = 100

// Ids of the totals, with exact data-values.
const (
	idLogCount          = "log-total-clips"
	idLogCost           = "log-total-cost"
	idLogSeconds        = "log-total-seconds"
	idLogKeptSeconds    = "log-total-kept-seconds"
	idLogCostPerKeptSec = "log-cost-per-kept-second"
	idLogCostPerKept    = "log-cost-per-kept-clip"
)

// logLabels are the labels of the page's inputs, by name. The clip form
// uses cliplog's field labels, so an error cliplog returns lands beside its
// input.
var logLabels = [][2]string{
	{"date", cliplog.FieldDate},
	{"profile", cliplog.FieldProfileID},
	{"model", cliplog.FieldModelID},
	{"res", cliplog.FieldRes},
	{"dur", cliplog.FieldSeconds},
	{"credits", cliplog.FieldCredits},
	{"kept", cliplog.FieldKept},
	{"project", cliplog.FieldProject},
	{"client", cliplog.FieldClient},
	{"note", cliplog.FieldNote},
	{"plan_profile", labelProfile},
	{"plan", labelPlan},
	{"billing", labelBilling},
	{"plan_price", "Price paid"},
	{"plan_cur", labelCurrency},
	{"plan_credits", "Credits it buys"},
	{"disp", labelDisplay},
	{"f_project", cliplog.FieldProject},
	{"f_client", cliplog.FieldClient},
	{"f_profile", cliplog.FieldProfileID},
	{"f_month", "Month"},
	{"f_kept", "Kept or rejected"},
	{"chart", "Chart"},
}

// logLabel returns the label of the input name; a rate's is "1 USD in
// EUR".
func logLabel(name string) string {
	if cur, ok := strings.CutPrefix(name, "rate_"); ok {
		return "1 USD in " + cur
	}
	for _, l := range logLabels {
		if l[0] == name {
			return l[1]
		}
	}
	return name
}

// clipKeys are the clip form's inputs; clipPicks those that fill in what
// follows them (fillClip).
var (
	clipKeys  = []string{"date", "profile", "model", "res", "dur", "audio", "upscale", "credits", "kept", "project", "client", "note"}
	clipPicks = []string{"profile", "model", "res", "dur", "audio", "upscale"}
)

// customPlan is the plan picker's value for a price the person types.
const customPlan = "custom"

var (
	keptChoices = []choice{
		{Value: "", Label: "All"},
		{Value: string(cliplog.KeptOnly), Label: "Kept only"},
		{Value: string(cliplog.RejectedOnly), Label: "Rejected only"},
	}
	chartChoices = []choice{{Value: "month", Label: "Spend per month"}, {Value: "project", Label: "Spend per project"},
		{Value: "client", Label: "Spend per client"}}
	rateKeys = []pricing.Currency{pricing.EUR, pricing.GBP} // always offered; rateCurrencies adds the log's others
)

var (
	_ app.Initializer = (*clipLog)(nil)
	_ app.Mounter     = (*clipLog)(nil)
	_ app.Dismounter  = (*clipLog)(nil)
)

// newClipLog returns the log page; OnInit opens the log.
func newClipLog() *clipLog {
	return &clipLog{}
}

// OnInit opens the log (in the browser; an empty one when prerendering)
// and sets up the forms, so the first render shows the log.
func (c *clipLog) OnInit() {
	c.values = map[string]string{"chart": "month"}
	c.errs = map[string]string{}
	c.limit = logRows
	c.catalog, _ = allProfiles()
	c.unread = deviceStore() == nil
	c.tab = tabStore()
	l, rep, mem, err := openLog()
	c.log = l
	switch {
	case mem:
		c.alert = "Your browser is not letting this app save data (private browsing, or site data blocked). " +
			"You can log clips, but they last only until this tab closes: export your log before you leave."
	case err != nil:
		c.alert = err.Error()
	}
	if rep.Migrated {
		c.status = "Your log was moved to this version's storage layout; nothing was lost."
	}
	c.resetClip("")
	c.restoreDraft()
	c.restoreEdit()
	c.values["plan_profile"] = c.values["profile"]
	c.fillPlan()
	c.fillRates()
	c.refresh()
}

// OnMount listens for the other tabs' changes (the window's "storage"
// event) and for the page being shown again, and reads the log again then.
func (c *clipLog) OnMount(ctx app.Context) {
	ctx.PreventUpdate() // nothing new to draw (see calculator.OnNav)
	if !app.IsClient {
		return
	}
	c.page = ctx
	c.readKeep(ctx)
	w := app.Window()
	doc := w.Get("document")
	onChange := app.FuncOf(func(_ app.Value, args []app.Value) any {
		if len(args) == 0 {
			return nil
		}
		ev := args[0]
		if ev.Get("type").String() == "visibilitychange" {
			if doc.Get("visibilityState").String() != "visible" {
				return nil
			}
		} else if k := ev.Get("key"); k.Truthy() && (!strings.HasPrefix(k.String(), "aivc.log") || k.String() == cliplog.MeasuredKey) {
			return nil // not the log's (a null key: storage was cleared), or figures another page kept
		}
		ctx.Dispatch(c.scheduleReload)
		return nil
	})
	w.Call("addEventListener", "storage", onChange)
	doc.Call("addEventListener", "visibilitychange", onChange)
	c.stop = func() {
		w.Call("removeEventListener", "storage", onChange)
		doc.Call("removeEventListener", "visibilitychange", onChange)
		onChange.Release()
	}
}

// OnDismount removes the listeners.
func (c *clipLog) OnDismount() {
	if c.stop != nil {
		c.stop()
		c.stop = nil
	}
}

func (c *clipLog) Render() app.UI {
	return elem("main", "page log-page",
		elem("header", "log-head",
			textElem("h1", "", "Clip log"),
			lede("log-lede",
				"Log every clip you generate and see what your video really costs: per clip, per second you keep, "+
					"per project and client, and how many tries a kept clip takes on each model. "+
					"Your log stays in this browser; nothing is sent anywhere."),
			elem("p", "log-reminder",
				app.Text("Only this browser holds your log, and browsers may clear it (Safari does after 7 days without a visit). "),
				textElem("strong", "", c.exported).ID("log-last-export"),
				app.Text(" Export a backup under Your data, below."),
			).ID("log-reminder"),
		),
		textElem("p", "log-alert", c.alert).ID("log-alert").Attr("role", "alert"),
		// A slot: another tab's change can set a record aside while a
		// clip is typed below (see slot).
		slot(len(c.corrupt) > 0, c.renderCorrupt()),
		c.renderForm(),
		c.renderList(),
		c.renderPlans(),
		c.renderData(),
	).ID("main")
}

// section returns a section of the page with its heading, which the
// focus may be sent to (tabindex -1) when the control it was on goes.
//
//go:noinline
func section(id, title string, body ...app.UI) app.HTMLElem {
	return elem("section", "log-section", append([]app.UI{textElem("h2", "", title).ID(id+"-title").Attr("tabindex", "-1")}, body...)...).
		ID(id).Attr("aria-labelledby", id+"-title")
}

// button returns a button (type "button") with an id (or none), a class
// and a click handler. The log and profiles pages use it.
//
// A button in a list needs app.EventScope(its item) in opts: go-app keeps
// an element's old handler when the new one comes from the same function
// literal and scope, so without it a row that moves keeps the click
// handler of the row that was there before.
//
//go:noinline
func button(id, class, text string, h app.EventHandler, opts ...app.EventOption) app.HTMLElem {
	b := textElem("button", class, text).Attr("type", "button").On("click", h, opts...)
	if id != "" {
		b = b.ID(id)
	}
	return b
}

// renderCorrupt lists the records that could not be read, each with its
// text to download, and a way to discard it.
func (c *clipLog) renderCorrupt() app.HTMLElem {
	items := make([]app.UI, len(c.corrupt))
	for i, r := range c.corrupt {
		key := cmp.Or(r.QuarantineKey, r.Key)
		items[i] = elem("li", "log-corrupt-item",
			elem("p", "", textElem("code", "", r.Key), app.Text(": "+errorText(r.Err))),
			textElem("pre", "log-raw", shorten(r.Raw, 300)),
			button("log-corrupt-download-"+strconv.Itoa(i), "secondary", "Download", c.onDownloadRaw(r.Key, r.Raw), app.EventScope(key)),
			button("", "secondary", "Discard", c.onDiscard(key), app.EventScope(key)),
		).Attr("data-key", key)
	}
	return section("log-corrupt", pricing.CountInt(len(c.corrupt), "saved record", "saved records")+" could not be read",
		textElem("p", "", "They were set aside, not deleted, and the rest of your log is shown. Download each one to keep it, then discard it."),
		elem("ul", "log-corrupt-list", items...),
	)
}

// renderForm renders "Log a clip".
func (c *clipLog) renderForm() app.UI {
	var undo, reprice app.UI
	editing := elem("p", "")
	if c.undo != nil || c.unedit != nil {
		// Described by what it undoes: a list of the page's buttons
		// said "Undo" and nothing else.
		undo = button("log-undo", "secondary", "Undo", c.onUndo).Attr("aria-describedby", "log-status-text")
	}
	title, save, again := "Log a clip", "Log clip", button("log-save-again", "secondary", "Log another like this", c.onSave(true))
	describedBy := "" // go-app leaves out an empty attribute
	if e := c.editing; e != nil {
		title, save, again = "Edit a clip", "Save changes", button("log-cancel-edit", "secondary", "Cancel", c.onCancelEdit)
		describedBy = "log-editing" // which clip, heard with the form's name
		editing = textElem("p", "log-editing", "Editing "+c.describe(*e)+". Save changes to replace it, or Cancel.").ID("log-editing")
		if c.priceDiffers() {
			reprice = button("log-reprice", "secondary", "Price it at your plan now", c.onReprice)
		}
	}
	kept := c.values["kept"] != "no"
	return section("log-add", title,
		// A slot: the edit ends while the focus is in the form (Save
		// changes by Enter, the clip deleted in another tab).
		slot(c.editing != nil, editing),
		elem("form", "log-form",
			elem("div", "log-fields",
				c.field("date", "YYYY-MM-DD", "", "numeric"),
				c.picker("profile", "", c.profileChoices()),
				c.picker("model", "", c.models),
				c.picker("res", c.resHint, c.res),
				c.field("dur", "", "s", "decimal"),
				c.renderAddons(),
				c.field("credits", c.usage, c.unit, "decimal"),
			),
			elem("fieldset", "log-kept",
				textElem("legend", "", "This clip"),
				elem("div", "calc-switch",
					radio("kept", "yes", "Kept", kept, c.onInput("kept")),
					radio("kept", "no", "Rejected (a retry)", !kept, c.onInput("kept")),
				),
			),
			elem("div", "log-fields",
				c.field("project", "", "", "text"),
				c.field("client", "", "", "text"),
				c.field("note", "", "", "text"),
			),
			elem("p", "log-price", app.Text(c.priceText), reprice).ID("log-price").Attr("tabindex", "-1"),
			textElem("p", "calc-error", c.clipMsg).ID("log-clip-msg").Attr("tabindex", "-1"),
			elem("dl", "log-preview",
				renderRow(c.cost, c.cost.Value != ""),
				renderRow(c.perSecond, c.perSecond.Value != ""),
			),
			elem("div", "log-actions",
				textElem("button", "", save).ID("log-save").Attr("type", "submit"),
				again,
			),
		).ID("log-form").Attr("aria-label", title).Attr("aria-describedby", describedBy).On("submit", c.onSave(false)),
		elem("p", "log-status", textElem("span", "", c.status).ID("log-status-text"), undo).ID("log-status").Attr("role", "status").Attr("tabindex", "-1"),
	)
}

// renderList renders the filters, the totals, the measured retakes, the
// chart and the clips.
func (c *clipLog) renderList() app.UI {
	totals := make([]app.UI, len(c.totals))
	for i, r := range c.totals {
		totals[i] = renderRow(r, r.Value != "")
	}
	var retakes, chart, more, listed app.UI
	if len(c.retakes) == 0 {
		retakes = textElem("p", "log-note", "Log kept and rejected clips to measure how many tries a kept clip takes on each model.")
	} else {
		rows := make([]app.UI, len(c.retakes))
		for i, r := range c.retakes {
			per, value := "none kept yet", ""
			if r.OK() {
				per, value = pricing.FormatNumber(r.PerKept.Round(2)), pricing.Exact(r.PerKept)
			}
			rows[i] = elem("tr", "",
				textElem("th", "", c.where(r.ProfileID, r.ProfileName, r.ModelID, r.ModelName)).Attr("scope", "row"),
				textElem("td", "num", pricing.FormatInt(r.Generations)),
				textElem("td", "num", pricing.FormatInt(r.Kept)),
				textElem("td", "num", per),
			).Attr("data-key", r.ProfileID+"/"+r.ModelID).Attr("data-value", value)
		}
		retakes = table("log-retakes", "Generations per kept clip, by model, measured from your clips", retakeColumns, rows)
	}
	if len(c.chart.Bars) > 0 {
		chart = c.chart.render()
	}
	if c.hidden > 0 {
		more = button("log-more", "secondary", "Show "+pricing.FormatInt(min(c.hidden, logRows))+" more of "+pricing.FormatInt(c.hidden), c.onMore)
		// The button does not print: the paper says what it leaves out, as
		// /compare's does.
		listed = textElem("p", "print-only", "Listed: the newest "+pricing.FormatInt(len(c.rows))+" of "+
			pricing.FormatInt(len(c.rows)+c.hidden)+" clips.").ID("log-listed")
	}
	rows := make([]app.UI, len(c.rows))
	for i, r := range c.rows {
		rows[i] = c.renderRow(i, r)
	}
	return section("log-list", "Your clips",
		elem("form", "log-filters log-fields",
			c.picker("f_project", "", c.filters[0]),
			c.picker("f_client", "", c.filters[1]),
			c.picker("f_profile", "", c.filters[2]),
			c.picker("f_month", "", c.filters[3]),
			c.picker("f_kept", "", keptChoices),
			c.picker("disp", "", currencyChoices),
		).Attr("aria-label", "Filters").On("submit", preventSubmit),
		elem("dl", "log-totals", totals...).ID("log-totals"),
		// Three clips of $1.128 show $1.13 each and $3.38 in all.
		textElem("p", "log-note", "Totals add the exact costs and show the money spent in cents; the list rounds each "+
			"clip's (to the cent from $1, to four places under it), so its rows may add up to a cent or two more or less. "+
			"The CSV export holds the exact costs."),
		textElem("p", "log-note", c.byCur).ID("log-by-currency"),
		textElem("p", "calc-error", c.totalMsg).ID("log-total-msg"),
		textElem("h3", "", "Generations per kept clip, measured"),
		retakes,
		elem("div", "log-chart", c.picker("chart", "", chartChoices), chart),
		textElem("h3", "", c.count).ID("log-count"),
		c.renderClips(rows),
		listed,
		more,
	)
}

// renderClips renders the table of clips, or in its place why it has none.
func (c *clipLog) renderClips(rows []app.UI) app.UI {
	if len(rows) == 0 {
		return textElem("p", "log-note", c.empty).ID("log-empty")
	}
	return table("log-table", "Your clips, newest first", logColumns, rows)
}

// Columns of the list and of the measured retakes; a name ending in "#"
// heads a column of numbers.
var (
	logColumns    = []string{"Date", "Platform · model", "Res.", "Seconds#", "Credits#", "Cost#", "Per second#", "Kept", "Project", "Client", "Note", ""}
	retakeColumns = []string{"Platform · model", "Clips#", "Kept#", "Generations per kept clip#"}
)

// table returns a table that scrolls sideways on a phone, named by its
// caption for screen readers; a column without a name holds the rows' Edit
// and Delete.
func table(id, caption string, columns []string, rows []app.UI) app.UI {
	head := make([]app.UI, len(columns))
	for i, col := range columns {
		name, num := strings.CutSuffix(col, "#")
		class := ""
		if num {
			class = "num"
		}
		th := textElem("th", class, name)
		if name == "" {
			th = elem("th", "", textElem("span", "visually-hidden", "Edit or delete"))
		}
		head[i] = th.Attr("scope", "col")
	}
	return elem("div", "cmp-scroll",
		elem("table", "log-table",
			textElem("caption", "visually-hidden", caption),
			elem("thead", "", elem("tr", "", head...)),
			elem("tbody", "", rows...),
		).ID(id),
	)
}

// renderRow renders one clip, row i of the list.
func (c *clipLog) renderRow(i int, e cliplog.Entry) app.UI {
	per, kept := noValue, "kept"
	if ps, ok := e.CostPerSecond(); ok {
		per = pricing.FormatMoney(ps)
	}
	if !e.Kept {
		kept = "rejected"
	}
	where := c.where(e.ProfileID, e.ProfileName, e.ModelID, e.ModelName)
	cells := [...]string{e.Date, withAddons(where, e.Addons), string(e.Res), pricing.FormatNumber(e.Seconds), pricing.FormatNumber(e.Credits),
		pricing.FormatMoney(e.Cost), per, kept, e.Project, e.Client, e.Note}
	tds := make([]app.UI, len(cells)+1)
	for i, text := range cells {
		tds[i] = textElem("td", logCellClass[i], text)
		if i == 1 {
			tds[i] = textElem("th", "", text).Attr("scope", "row") // the platform and model
		}
	}
	// Named by their row too: two clips of a day on one model had one name.
	row := " row " + strconv.Itoa(i+1) + ": the clip of " + e.Date + ", " + where
	tds[len(cells)] = elem("td", "log-actions-cell",
		textElem("button", "secondary log-edit", "Edit").Attr("type", "button").
			Attr("aria-label", "Edit"+row).On("click", c.onEdit(e.ID), app.EventScope(e.ID)),
		textElem("button", "secondary log-delete", "Delete").Attr("type", "button").
			Attr("aria-label", "Delete"+row).On("click", c.onDelete(e.ID), app.EventScope(e.ID)))
	class := "log-row"
	if c.editing != nil && c.editing.ID == e.ID {
		class += " log-editing-row"
	}
	return elem("tr", class, tds...).Attr("data-entry-id", e.ID).Attr("data-cost", pricing.Exact(e.Cost.Amount))
}

// withAddons names a clip's platform and model with the add-ons it was
// logged with, which its row says: "Kling · Kling 2.6 Standard (with
// audio) + native audio", "Luma · Ray2 + native audio, upscale".
func withAddons(where string, as []pricing.AddonKind) string {
	for i, k := range as {
		name := strings.ReplaceAll(string(k), "_", " ")
		if k == pricing.AddonAudio {
			name = "native audio"
		}
		sep := ", "
		if i == 0 {
			sep = " + "
		}
		where += sep + name
	}
	return where
}

// logCellClass is the class of each cell of a row of the list.
var logCellClass = [...]string{"", "", "", "num", "num", "num", "num", "", "", "", "log-note-cell"}

// renderPlans renders My plans.
func (c *clipLog) renderPlans() app.UI {
	items := make([]app.UI, len(c.planRows))
	for i, r := range c.planRows {
		items[i] = elem("li", "",
			textElem("strong", "", r.Name), app.Text(": "+r.Plan+", "+r.Price+" "),
			button("", "secondary", "Remove", c.onRemovePlan(r.Profile), app.EventScope(r.Profile)).Attr("aria-label", "Remove: "+r.Name),
		).Attr("data-profile", r.Profile)
	}
	var plan, save app.UI
	switch {
	case c.api:
		plan = textElem("p", "log-note", "Pay as you go: a clip costs the money it charges, no plan needed.")
	case c.values["plan"] == customPlan:
		plan = elem("div", "log-fields",
			c.picker("plan", "", c.planChoices()),
			c.field("plan_price", planPriceHint(c.catalog, c.values["plan_profile"]), "", "decimal"),
			c.picker("plan_cur", "", currencyChoices),
			c.field("plan_credits", "", "credits", "decimal"),
		)
	default:
		p, _ := pricing.FindProfile(c.catalog, c.values["plan_profile"])
		var billed app.UI // a pack is bought once: no billing (nil, the last child), as on the calculator
		if _, pack := p.FindPack(c.values["plan"]); !pack {
			billed = c.picker("billing", "", billingFor(p, c.values["plan"], c.values["billing"]))
		}
		plan = elem("div", "log-fields", c.picker("plan", "", c.planChoices()), billed)
	}
	if !c.api {
		save = elem("div", "log-actions", textElem("button", "", "Save plan").ID("log-plan-save").Attr("type", "submit"))
	}
	return section("log-plans", "My plans",
		textElem("p", "log-note", "The plan you are on for each platform prices every clip you log there. "+
			"A clip keeps the price it was logged at."),
		elem("ul", "log-plan-list", items...).ID("log-plan-list"),
		elem("form", "log-plan-form",
			c.picker("plan_profile", "", c.profileChoices()),
			plan,
			textElem("p", "log-price", c.planPrice).ID("log-plan-price"),
			save,
		).ID("log-plan-form").Attr("aria-label", "My plan").On("submit", c.onSavePlan),
	)
}

// csvLeavesOut says what a CSV export is not.
const csvLeavesOut = "A CSV is for a spreadsheet or a bill, not a backup: it holds clips only, without your plans, " +
	"your own platform profiles, the display currency or the exchange rates."

// renderData renders export, import, the reminder and the rates.
func (c *clipLog) renderData() app.UI {
	errs := make([]app.UI, len(c.importErrs))
	for i, e := range c.importErrs {
		errs[i] = textElem("li", "", e)
	}
	// A filtered list exports as it is: a client's bill holds that client's
	// clips only. The backup always holds everything.
	importInput := void("input").ID("log-import").Attr("type", "file").Attr("accept", ".json,.csv,.txt,application/json,text/csv,text/plain").
		Attr("aria-describedby", "log-import-hint").On("change", c.onImport)
	if len(c.importErrs) > 0 {
		importInput = importInput.Attr("aria-invalid", "true").Attr("aria-describedby", "log-import-hint log-import-errors")
	}
	csvButton := button("log-export-csv", "secondary", "Export CSV (spreadsheet)", c.onExport(false))
	if c.sel != nil {
		csvButton = button("log-export-csv", "secondary", "Export CSV: "+pricing.CountInt(len(c.sel), "clip", "clips")+" shown", c.onExport(false))
		if len(c.sel) == 0 {
			csvButton = csvButton.Attr("disabled", true) // a file of a header alone
		}
	}
	rates := make([]app.UI, len(c.rates))
	for i, cur := range c.rates {
		rates[i] = c.field("rate_"+string(cur), "", string(cur), "decimal")
	}
	return section("log-data", "Your data",
		textElem("p", "", "Your log is saved only in this browser, on this device. A browser may clear it: Safari deletes a site's data "+
			"after 7 days without a visit, and clearing browsing data deletes it everywhere. Export a backup now and then; "+
			"importing it here or in another browser brings the log back."),
		c.renderKeep(),
		elem("div", "log-actions",
			button("log-export-json", "", "Export JSON backup", c.onExport(true)).Attr("aria-describedby", "log-export-hint"),
			csvButton.Attr("aria-describedby", "log-export-hint"),
		),
		textElem("p", "field-hint", "The backup holds everything: clips, plans, your own platform profiles, the display currency "+
			"and the exchange rates. "+csvLeavesOut).ID("log-export-hint"),
		elem("div", "field",
			textElem("label", "", "Import a JSON backup or a CSV file").Attr("for", "log-import"),
			importInput,
			textElem("span", "field-hint", "Clips already in your log are not added twice. A file with a bad line changes nothing.").
				ID("log-import-hint"),
		),
		// The list inside the alert: as the alert itself it lost its list
		// role, and its lines were read as one.
		elem("div", "", elem("ul", "log-import-errors", errs...)).ID("log-import-errors").Attr("role", "alert"),
		c.renderReplace(),
		textElem("h3", "", "Exchange rates"),
		textElem("p", "log-note", "Every clip keeps the currency it was priced in; totals convert it at these rates. They start at "+
			"the app's own, typed in by hand on "+pricing.DefaultRates().Date+" (not a live feed): put in today's."),
		elem("div", "log-fields", rates...),
	)
}

// rateCurrencies returns the currencies whose rate /log asks for: rateKeys,
// then any other of the clips' (a custom profile priced in Canadian
// dollars, a CSV's JPY), whose totals cannot be converted without it.
// (Loops, not slices.Contains and slices.Sort: their instantiations for
// Currency cost app.wasm ~5 KB.)
func rateCurrencies(es []cliplog.Entry) []pricing.Currency {
	out := append([]pricing.Currency(nil), rateKeys...)
next:
	for _, e := range es {
		cur := e.Cost.Currency
		if cur == pricing.USD {
			continue
		}
		i := len(rateKeys)
		for j, c := range out {
			if c == cur {
				continue next
			}
			if j >= len(rateKeys) && c < cur {
				i = j + 1
			}
		}
		out = append(out, "")
		copy(out[i+1:], out[i:])
		out[i] = cur
	}
	return out
}

// renderReplace offers to save the last import's differing clips over the
// saved ones, or to put those back. A slot, above the rates' inputs.
func (c *clipLog) renderReplace() app.UI {
	text, back := "", true
	switch {
	case len(c.conflicts) > 0:
		text, back = "Replace "+pricing.CountInt(len(c.conflicts), "saved clip", "saved clips")+" with the file's version", false
	case len(c.replaced) == 1:
		text = "Put the replaced clip back as it was"
	case len(c.replaced) > 1:
		text = "Put the " + strconv.Itoa(len(c.replaced)) + " replaced clips back as they were"
	}
	scope := "back"
	if !back {
		scope = "replace"
	}
	return slot(text != "", button("log-replace", "secondary", text, c.onReplace(back), app.EventScope(scope)))
}

// onReplace saves the import's differing clips over the saved ones, or
// (back) the replaced ones again. A clip deleted since is passed over and
// said; a failure to save stops it and says how far it got: what was saved
// stays saved (and can be put back), what was not is offered again.
func (c *clipLog) onReplace(back bool) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		c.status, c.undo, c.unedit, c.alert = "", nil, nil, ""
		todo, now := c.conflicts, cliplog.Timestamp(logNow())
		if back {
			todo = c.replaced
		}
		var done, left []cliplog.Entry
		gone := 0
		for i, x := range todo {
			saved, ok := c.log.Entry(x.ID)
			if !ok { // deleted since, here or in another tab
				gone++
				continue
			}
			if !back {
				x.Updated = now
			}
			if _, err := c.log.Update(x); err != nil {
				c.failAction(err, pricing.CountInt(len(done), "clip was", "clips were")+" saved, then "+c.describe(x)+" was not:")
				left = todo[i:]
				break
			}
			done = append(done, saved)
		}
		c.conflicts, c.replaced = nil, nil
		if back {
			c.replaced = left
		} else {
			c.conflicts, c.replaced = left, done
		}
		switch {
		case c.alert != "":
		case back:
			c.status = "Put back " + pricing.CountInt(len(done), "clip as it was.", "clips as they were.")
		default:
			c.status = "Replaced " + pricing.CountInt(len(done), "clip", "clips") + " with the file's version."
		}
		if gone > 0 && c.alert == "" {
			c.status += " " + pricing.CountInt(gone, "clip was deleted since and is", "clips were deleted since and are") + " not saved again."
		}
		c.refresh()
		focusAfterRender(c.page, "#log-replace", "#log-status")
	}
}

// field renders the text input name.
func (c *clipLog) field(name, hint, unit, mode string) app.UI {
	return field{
		Name: name, Label: logLabel(name), Value: c.values[name], Hint: hint, Unit: unit,
		Error: c.errs[name], Mode: mode, OnInput: c.onInput(name),
	}.render()
}

// renderAddons renders the add-ons a clip of the chosen model may have as
// boxes to tick: those it prices (Veo 3's audio), whose credits the
// catalog's then count; those its price includes (Kling 2.6's audio),
// which change no credit and say so; and audio it makes at a price no
// source gives (Sora 2's), or that no source says it makes (Gen-4's),
// whose credits are left for the person to type.
func (c *clipLog) renderAddons() app.UI {
	var boxes []app.UI
	for _, a := range addonKeys {
		if slices.Contains(c.addons, a.key) {
			label := a.label
			if slices.Contains(c.inPrice, a.key) {
				label += " (in the price)"
			}
			boxes = append(boxes, checkbox(fieldID(a.key), a.key, "1", label, c.values[a.key] == "1", "", c.onCheck(a.key)))
		}
	}
	if boxes == nil {
		return nil
	}
	return elem("div", "cmp-checks", boxes...).Attr("role", "group").Attr("aria-label", "Add-ons")
}

// onCheck follows a box of renderAddons, and shows the credits it changed
// (emptied, for audio no source prices: go-app left the old number).
func (c *clipLog) onCheck(name string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		c.values[name] = checkedValue(ctx)
		c.edited(name)
		c.syncInputs(ctx, name)
	}
}

// picker renders the select name. The filters and My plans' platform are
// named by their place too: the page had three pickers called "Platform",
// and a Project and a Client both typed and picked, which a screen
// reader's list of fields could not tell apart.
func (c *clipLog) picker(name, hint string, choices []choice) app.UI {
	label, heard := logLabel(name), ""
	switch {
	case strings.HasPrefix(name, "f_"):
		heard = label + " filter"
	case name == "plan_profile":
		heard = label + " of your plan"
	}
	return picker{
		Name: name, Label: label, Value: c.values[name], Hint: hint,
		Error: c.errs[name], Choices: choices, Heard: heard, OnChange: c.onInput(name),
	}.render()
}

// onInput keeps what was typed or picked, and follows it up.
func (c *clipLog) onInput(name string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		c.values[name] = ctx.JSSrc().Get("value").String()
		c.edited(name)
		c.syncInputs(ctx, name)
		if strings.HasPrefix(name, "f_") || name == "chart" {
			v := c.filterValues()
			c.seen = formatLinkState(v, logKeys)
			replaceLink(ctx, v, logKeys)
		}
	}
}

// The filters and the chart in the address ("/log#client=Acme&chart=project"),
// so that a client's clips can be bookmarked and a reload keeps the view
// (it put the chart back to months): link key, input name.
var (
	logKeys    = []string{"project", "client", "platform", "month", "kept", "chart"}
	logFilters = [...]string{"f_project", "f_client", "f_profile", "f_month", "f_kept", "chart"}
)

// filterValues returns the filters and the chart as link values; the
// chart per month, the first, is left out.
func (c *clipLog) filterValues() url.Values {
	v := url.Values{}
	for i, key := range logKeys {
		if s := c.values[logFilters[i]]; s != "" && (key != "chart" || s != chartChoices[0].Value) {
			v.Set(key, s)
		}
	}
	return v
}

// OnNav sets the filters from the address: a link, a bookmark, a reload.
// A kept filter or a chart that is none of the choices is said and left
// out.
func (c *clipLog) OnNav(ctx app.Context) {
	v := linkState(ctx.Page().URL())
	if formatLinkState(v, logKeys) == c.seen {
		ctx.PreventUpdate() // nothing new to draw (see calculator.OnNav)
		return
	}
	c.applyFilters(v)
	c.refresh()
	c.syncInputs(ctx, "")
}

// applyFilters sets the filters to a link's values.
func (c *clipLog) applyFilters(v url.Values) {
	c.seen = formatLinkState(v, logKeys)
	for i, key := range logKeys {
		c.values[logFilters[i]] = strings.TrimSpace(v.Get(key))
	}
	delete(c.errs, "f_kept")
	if s := c.values["f_kept"]; !isChoice(s, keptChoices) {
		c.errs["f_kept"] = errorMessage(&choiceError{Field: logLabel("f_kept"), Value: s})
		c.values["f_kept"] = ""
	}
	delete(c.errs, "chart")
	if s := c.values["chart"]; s == "" {
		c.values["chart"] = chartChoices[0].Value
	} else if !isChoice(s, chartChoices) {
		c.errs["chart"] = errorMessage(&choiceError{Field: logLabel("chart"), Value: s})
		c.values["chart"] = chartChoices[0].Value
	}
	c.limit = logRows
}

// draftKey keeps the clip form as it was left, outside the log's keys:
// going to another page and back, or reloading for a new version, lost a
// half-typed clip. It is the tab's (tabStore): two tabs on /log shared one
// draft in localStorage, so a reload showed what the other tab typed last,
// and a clip logged there emptied this tab's draft.
const draftKey = "aivc.draft.v1.log"

// editDraftKey keeps an edit of a saved clip as it was left (a reload, a
// visit to another page): the clip's id, its Updated when the edit began,
// and the form. The new clip's draft waits under draftKey meanwhile.
const editDraftKey = "aivc.draft.v1.logedit"

var (
	editDraftKeys = append([]string{"edit", "was"}, clipKeys...)
	draftKeys     = append(clipKeys[:len(clipKeys):len(clipKeys)], "day") // "day": a date typed (keepDraft)
)

// tabStore returns the tab's own storage, its sessionStorage, which a
// reload keeps and another tab does not see; none when prerendering or in
// the embed. Tests replace it.
var tabStore = func() cliplog.Store {
	if app.IsClient && deviceStore() != nil {
		return browserStore{tab: true}
	}
	return nil
}

// draft reads the tab's draft under key. A draft the version before kept
// in localStorage, for every tab, moves to the first tab that reads it:
// the new version's reload does not lose it, and no second tab gets a copy
// to log twice.
func (c *clipLog) draft(key string) (string, bool) {
	if c.tab == nil {
		return "", false
	}
	if v, ok, err := c.tab.Get(key); ok && err == nil {
		return v, true
	}
	if s := deviceStore(); s != nil {
		if v, ok, err := s.Get(key); ok && err == nil {
			_ = s.Del(key)
			_ = c.tab.Set(key, v)
			return v, true
		}
	}
	return "", false
}

// keepDraft stores the clip form for restoreDraft, or the edit for
// restoreEdit.
func (c *clipLog) keepDraft() {
	if c.tab != nil {
		key, keys, d := draftKey, draftKeys, url.Values{}
		if e := c.editing; e != nil {
			key, keys = editDraftKey, editDraftKeys
			d.Set("edit", e.ID)
			d.Set("was", e.Updated)
		}
		for _, k := range clipKeys {
			if v := c.values[k]; v != "" {
				d.Set(k, v)
			}
		}
		if c.editing == nil {
			// A date typed, as "day": a draft before it kept the form's
			// own as "date", which a draft of yesterday's is not logged at.
			if day := d.Get("date"); day != cliplog.Today(logNow()) {
				d.Set("day", day)
			}
			d.Del("date")
		}
		_ = c.tab.Set(key, formatLinkState(d, keys)) // a draft that is not kept costs only itself
	}
}

// restoreDraft puts back the clip form keepDraft stored. A date typed
// comes back (last week's clips, logged after a visit to another page,
// were logged today); the form's own, today's, is not kept, so a draft
// of yesterday's is logged today.
func (c *clipLog) restoreDraft() {
	if v, ok := c.draft(draftKey); ok {
		d := parsePairs(v)
		d.Set("date", d.Get("day"))
		c.fillForm(d)
	}
}

// restoreEdit puts back the edit keepDraft stored, on the clip as it is
// saved now; a clip deleted since, or no longer editable, ends it.
func (c *clipLog) restoreEdit() {
	v, ok := c.draft(editDraftKey)
	if !ok {
		return
	}
	d := parsePairs(v)
	e, ok := c.log.Entry(d.Get("edit"))
	if !ok || c.notEditable(e) != "" {
		_ = c.tab.Del(editDraftKey)
		return
	}
	if !d.Has("res") {
		d.Set("res", "") // kept only when said
	}
	c.beginEdit(e)
	c.fillForm(d)
	if e.Updated != d.Get("was") {
		c.clipMsg = "This clip was changed elsewhere since you began editing it (another tab, or an import): it is now " +
			c.describe(e) + ". Save changes to replace it with the form."
	}
}

// fillForm fills the clip form from f (a kept draft, or formOf a clip) as
// the person picked: each pick filling in what follows (the model list,
// the catalog's credits), then what was typed. A platform gone since (a
// deleted profile) leaves the form's own.
func (c *clipLog) fillForm(f url.Values) {
	if _, ok := pricing.FindProfile(c.catalog, f.Get("profile")); ok {
		for _, k := range clipPicks {
			if x := f.Get(k); x != "" || k == "res" && f.Has(k) { // "": an edited clip's resolution, not said
				c.values[k] = x
				c.fillClip(k)
			}
		}
	}
	for _, k := range []string{"credits", "date", "kept", "project", "client", "note"} {
		if x := f.Get(k); x != "" {
			c.values[k] = x
			delete(c.errs, k) // said while the catalog had no credits for it
		}
	}
	c.previewClip()
}

// formOf is the clip form's values for e, its add-ons' boxes ticked as it
// was logged.
func formOf(e cliplog.Entry) url.Values {
	kept := "yes"
	if !e.Kept {
		kept = "no"
	}
	v := url.Values{}
	for _, f := range [...][2]string{{"profile", e.ProfileID}, {"model", e.ModelID}, {"res", string(e.Res)},
		{"dur", pricing.Exact(e.Seconds)}, {"credits", pricing.Exact(e.Credits)}, {"date", e.Date}, {"kept", kept},
		{"project", e.Project}, {"client", e.Client}, {"note", e.Note}} {
		v.Set(f[0], f[1])
	}
	for _, a := range addonKeys {
		if slices.Contains(e.Addons, a.kind) {
			v.Set(a.key, "1")
		}
	}
	return v
}

// edited follows up a change of the input name.
func (c *clipLog) edited(name string) {
	if slices.Contains(clipKeys, name) {
		defer c.keepDraft()
	}
	switch name {
	case "profile", "model":
		was := c.withAudio
		c.fillClip(name)
		c.followAudio(was)
	case "res", "dur", "audio", "upscale":
		c.fillClip(name)
	case "credits", "date", "kept", "project", "client", "note":
		delete(c.errs, name)
		c.previewClip()
	case "plan_profile", "plan":
		c.fillPlan()
	case "billing", "plan_price", "plan_cur", "plan_credits":
		c.previewPlan()
	case "disp":
		c.saveSettings(name)
	case "f_project", "f_client", "f_profile", "f_month", "f_kept":
		delete(c.errs, name)
		c.limit = logRows
		c.refresh()
	case "chart":
		delete(c.errs, name)
		c.refresh()
	default:
		if strings.HasPrefix(name, "rate_") {
			c.saveSettings(name)
		}
	}
}

// onSave logs the clip in the form; again keeps every field for the next
// one but its credits, otherwise the form starts a fresh clip on the same
// platform.
func (c *clipLog) onSave(again bool) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		e.PreventDefault()
		if c.save(again) {
			c.syncInputs(ctx, "")
			return
		}
		// Nothing was logged: the focus goes to what says why, the first
		// field to fix (a screen reader heard nothing before).
		focusAfterRender(c.page, `#log-add [aria-invalid="true"]`, "#log-clip-msg:not(:empty)")
	}
}

// save logs the clip in the form, or saves the clip being edited. On any
// failure the form stays as it is, with the reason beside the field or in
// the alert.
func (c *clipLog) save(again bool) bool {
	c.status, c.undo, c.unedit = "", nil, nil
	c.previewClip()
	e, err := c.clipEntry()
	if err == nil && c.editing != nil {
		return c.saveEdit(e)
	}
	if err == nil {
		e, err = c.log.Add(e)
	}
	if err != nil {
		c.fail(err)
		return false
	}
	c.alert = ""
	// With the log's size: "Log another like this" twice said the same,
	// and a screen reader heard the second not at all.
	c.status = "Logged " + c.describe(e) + "; " + pricing.CountInt(c.log.Len(), "clip", "clips") + " in your log."
	if again {
		c.nextLike()
	} else {
		c.resetClip(c.values["profile"])
	}
	c.keepDraft()
	c.refresh()
	return true
}

// nextLike readies the form for another clip like the one just logged:
// every field stays but the credits, which go back to the catalog's for
// the clip. Credits typed by hand were what the platform charged for that
// clip (a retry it refunded, a price the catalog does not know), a fact of
// that clip, not of the next: kept, the next clip was logged at them
// unseen. The status says when they differ.
func (c *clipLog) nextLike() {
	typed := strings.TrimSpace(c.values["credits"])
	c.fillClip("credits")
	switch next := c.values["credits"]; {
	case next == "":
		c.status += " Type the next clip's credits: the " + typed + " typed were this clip's."
	case next != typed:
		c.status += " The next clip has the catalog's " + next + " " + c.unit +
			", not the " + typed + " typed for this one."
	}
}

// clipEntry builds the entry the form describes.
func (c *clipLog) clipEntry() (cliplog.Entry, error) {
	v := c.values
	p, ok := pricing.FindProfile(c.catalog, v["profile"])
	if !ok {
		return cliplog.Entry{}, &choiceError{Field: cliplog.FieldProfileID, Value: v["profile"]}
	}
	m, ok := p.FindModel(v["model"])
	if !ok {
		return cliplog.Entry{}, &choiceError{Field: cliplog.FieldModelID, Value: v["model"]}
	}
	secs, err := pricing.ParsePositiveIn(cliplog.FieldSeconds, v["dur"], pricing.UnitSeconds)
	if err != nil {
		return cliplog.Entry{}, err
	}
	credits, err := parseClipCredits(p, v["credits"])
	if err != nil {
		return cliplog.Entry{}, err
	}
	price, planID, _, err := c.priceFor(p)
	if err != nil {
		return cliplog.Entry{}, err
	}
	now := logNow()
	id, created := "", cliplog.Timestamp(now)
	if e := c.editing; e != nil {
		id, created = e.ID, e.Created // saveEdit sets Updated
	} else if id, err = cliplog.NewID(now, logRandom); err != nil {
		return cliplog.Entry{}, err
	}
	return cliplog.Entry{
		ID: id, Date: strings.TrimSpace(v["date"]), ProfileID: p.ID, ProfileName: p.Name, PlanID: planID,
		ModelID: m.ID, ModelName: m.Name, Res: pricing.Resolution(v["res"]), Addons: c.clipAddons(),
		Seconds: secs, Credits: credits, PricePerCredit: price, Kept: v["kept"] != "no",
		Project: strings.TrimSpace(v["project"]), Client: strings.TrimSpace(v["client"]), Note: strings.TrimSpace(v["note"]),
		Created: created,
	}, nil
}

// clipAddons are the add-ons of the clip in the form: its boxes ticked,
// and, editing a clip on the model it was logged on, the add-ons it was
// logged with that have no box (the catalog no longer prices them), which
// its credits still count.
func (c *clipLog) clipAddons() []pricing.AddonKind {
	var out []pricing.AddonKind
	e := c.editing
	same := e != nil && e.ProfileID == c.values["profile"] && e.ModelID == c.values["model"]
	for _, k := range cliplog.AddonKinds {
		key := ""
		for _, a := range addonKeys {
			if a.kind == k && slices.Contains(c.addons, a.key) {
				key = a.key // its box
			}
		}
		if key != "" && c.values[key] == "1" || key == "" && same && slices.Contains(e.Addons, k) {
			out = append(out, k)
		}
	}
	return out
}

// saveEdit saves e over the clip being edited, unless that clip changed
// since the edit began (another tab, an import) or was deleted: then the
// form keeps the changes and says what to do.
func (c *clipLog) saveEdit(e cliplog.Entry) bool {
	was := *c.editing
	saved, ok := c.log.Entry(was.ID)
	var err error
	switch {
	case !ok:
		err = cliplog.ErrNotFound
	case !saved.Equal(was):
		err = cliplog.ErrConflict
	default:
		if e.Updated = was.Updated; e.Derive().Equal(was) {
			c.status = "Nothing was changed: " + c.describe(was) + " is as it was."
			c.endEdit()
			focusAfterRender(c.page, c.editButton(was.ID), "#log-status")
			return true
		}
		e.Updated = cliplog.Timestamp(logNow())
		// Update checks the stored clip too: another tab's change may not
		// have reached this one yet.
		e, err = c.log.Update(e)
	}
	switch {
	case errors.Is(err, cliplog.ErrNotFound):
		// Logged again as a new clip on the next save, with what was typed.
		c.dropEdit()
		c.previewClip() // a new clip's price now: the preview shows what Log clip saves
		c.clipMsg = "The clip you were editing is no longer in your log (deleted in another tab?). " +
			"Your changes are still in the form: Log clip logs them as a new clip, at the price per credit shown."
		c.refresh()
		return false
	case errors.Is(err, cliplog.ErrConflict):
		saved, _ = c.log.Entry(was.ID) // the stored version, which the log now holds
		c.mergeEdit(saved)
		c.refresh()
		return false
	case err != nil:
		c.fail(err)
		return false
	}
	c.alert, c.unedit, c.editedTo = "", &was, e
	c.status = "Saved your changes: " + c.describe(e) + "."
	c.endEdit()
	focusAfterRender(c.page, c.editButton(e.ID), "#log-status")
	return true
}

// mergeEdit takes into the form what was changed elsewhere (another tab,
// an import) in the clip being edited since the edit began, where the
// form has it as it was, and says what differs; the next save saves the
// form over saved.
func (c *clipLog) mergeEdit(saved cliplog.Entry) {
	old := *c.editing
	was, now, mine := formOf(old), formOf(saved), url.Values{}
	for _, k := range clipKeys {
		mine.Set(k, strings.TrimSpace(c.values[k])) // before a pick taken below fills in what follows it
	}
	c.editing = &saved
	var taken, both []string
	for _, k := range clipKeys { // in the form's order
		switch there := now.Get(k); {
		case !now.Has(k) || there == was.Get(k):
		case mine.Get(k) == was.Get(k):
			c.values[k] = there
			if slices.Contains(clipPicks, k) {
				c.fillClip(k) // and what follows it
			}
			taken = append(taken, logLabel(k))
		case mine.Get(k) != there:
			both = append(both, logLabel(k)+" ("+cmp.Or(there, "empty")+" there)")
		}
	}
	if p := saved.PricePerCredit; !c.reprice && (p.Currency != old.PricePerCredit.Currency || !p.Amount.Equal(old.PricePerCredit.Amount)) {
		taken = append(taken, "price per credit") // the form prices the clip as saved
	}
	c.previewClip()
	c.clipMsg = "This clip was changed elsewhere since you began (another tab, or an import)."
	if len(taken) > 0 {
		c.clipMsg += " The form now has its new " + strings.Join(taken, ", ") + "."
	}
	if len(both) > 0 {
		c.clipMsg += " Changed there and here: " + strings.Join(both, "; ") + "."
	}
	c.clipMsg += " Check the form, then Save changes to save it."
	c.keepDraft()
}

// endEdit leaves the clip being edited: the form is the new clip's again,
// as it was before the edit.
func (c *clipLog) endEdit() {
	c.dropEdit()
	c.resetClip("")
	c.restoreDraft()
	c.refresh()
}

// dropEdit ends the edit and forgets its draft.
func (c *clipLog) dropEdit() {
	c.editing, c.reprice = nil, false
	if c.tab != nil {
		_ = c.tab.Del(editDraftKey)
	}
}

// editButton selects the Edit button of the clip id in the list.
func (c *clipLog) editButton(id string) string {
	return `#log-table tr[data-entry-id="` + id + `"] .log-edit`
}

// onEdit fills the form with a saved clip to change it. Changes to
// another clip being edited, not saved, are said to be dropped.
func (c *clipLog) onEdit(id string) app.EventHandler {
	return func(ctx app.Context, _ app.Event) {
		c.status, c.undo, c.unedit, c.alert = "", nil, nil, ""
		e, ok := c.log.Entry(id)
		if !ok {
			c.status = "That clip is no longer in your log."
			c.refresh()
			return
		}
		if why := c.notEditable(e); why != "" {
			c.status = why
			return
		}
		if was := c.editing; was != nil && len(c.editedFields(formOf(*was))) > 0 {
			c.status = "Your changes to " + c.describe(*was) + " were not saved."
		}
		c.beginEdit(e)
		c.fillForm(formOf(e))
		c.keepDraft()
		c.refresh()
		c.syncInputs(ctx, "")
		focusAfterRender(c.page, "#"+fieldID("date"))
	}
}

// notEditable says why e cannot be edited, or "": the form picks from
// known platforms and models only.
func (c *clipLog) notEditable(e cliplog.Entry) string {
	p, ok := pricing.FindProfile(c.catalog, e.ProfileID)
	if _, known := p.FindModel(e.ModelID); ok && known {
		return ""
	}
	return "To edit " + c.describe(e) + ", its platform and model need to be among yours: " +
		"add them under Profiles, or correct the clip in a CSV export and import it."
}

// beginEdit makes e the clip the form edits, with an empty form. The new
// clip's form is kept first (its draft), for after the edit.
func (c *clipLog) beginEdit(e cliplog.Entry) {
	if c.editing == nil {
		c.keepDraft()
	}
	c.editing, c.reprice = &e, false
	for _, k := range clipKeys {
		delete(c.values, k)
		delete(c.errs, k)
	}
}

// editedFields returns the clip form's inputs whose values are not f's
// (formOf a clip).
func (c *clipLog) editedFields(f url.Values) []string {
	var out []string
	for k := range f {
		if strings.TrimSpace(c.values[k]) != f.Get(k) {
			out = append(out, k)
		}
	}
	return out
}

// onCancelEdit leaves the clip as it is saved.
func (c *clipLog) onCancelEdit(ctx app.Context, e app.Event) {
	id := c.editing.ID
	c.endEdit()
	c.status = "The clip is as it was."
	c.syncInputs(ctx, "")
	focusAfterRender(c.page, c.editButton(id), "#log-status")
}

// priceDiffers reports whether the clip being edited is priced as logged,
// at another price per credit than its platform's plan now gives.
func (c *clipLog) priceDiffers() bool {
	e := c.editing
	if e == nil || c.reprice || c.values["profile"] != e.ProfileID {
		return false
	}
	p, _ := pricing.FindProfile(c.catalog, e.ProfileID)
	price, _, _, err := c.priceNow(p)
	return err == nil && (price.Currency != e.PricePerCredit.Currency || !price.Amount.Equal(e.PricePerCredit.Amount))
}

// onReprice prices the clip being edited at its platform's plan now.
func (c *clipLog) onReprice(ctx app.Context, e app.Event) {
	c.reprice = true
	c.previewClip()
	focusAfterRender(c.page, "#log-price", "#log-save")
}

// fail shows why the clip was not saved: beside its field when the error
// names one, a storage failure in the alert, anything else under the form.
func (c *clipLog) fail(err error) {
	storage, isStorage := errors.AsType[*cliplog.StorageError](err)
	input, isInput := errors.AsType[*pricing.InputError](err)
	choice, isChoice := errors.AsType[*choiceError](err)
	_, isUnknown := errors.AsType[*unknownError](err)
	switch {
	case isStorage:
		c.alert = storage.Error() + " What you typed is still in the form."
	case isInput && labelKey(input.Field) != "":
		c.errs[labelKey(input.Field)] = errorMessage(err)
	case isChoice && labelKey(choice.Field) != "":
		c.errs[labelKey(choice.Field)] = errorMessage(err)
	case isUnknown:
		c.clipMsg = errorMessage(err) + " Type your plan's price under My plans."
	default:
		c.clipMsg = errorMessage(err)
	}
}

// failAction says in the alert why an action on the log did not happen:
// a storage failure in cliplog's words (what was not done, and what to
// do), anything else after what.
func (c *clipLog) failAction(err error, what string) {
	if storage, ok := errors.AsType[*cliplog.StorageError](err); ok {
		c.alert = storage.Error()
		return
	}
	c.alert = what + " " + errorText(err)
}

// labelKey returns the clip form's input labelled label.
func labelKey(label string) string {
	for _, k := range clipKeys {
		if logLabel(k) == label {
			return k
		}
	}
	return ""
}

// resetClip starts a fresh clip on profile (or the default platform):
// today's date, the platform's first model and its defaults, kept.
func (c *clipLog) resetClip(profile string) {
	for _, k := range clipKeys {
		delete(c.values, k)
		delete(c.errs, k)
	}
	c.values["date"] = cliplog.Today(logNow())
	c.values["profile"] = profile
	c.fillClip("profile")
	c.followAudio(false)
}

// followAudio ticks the Audio box when the model picked is priced with
// native audio (Kling 2.6 "with audio", Veo 3 via Runway): its clips have
// it, unless the person unticks it. Going from such a model (was) to one
// where audio costs extra (Veo 3 on the API), the box is unticked again:
// ticked there, it would add audio's credits the person never chose.
// Ticked or not, a clip's add-ons are the boxes as saved.
func (c *clipLog) followAudio(was bool) {
	if c.withAudio == was || !slices.Contains(c.addons, "audio") {
		return
	}
	c.values["audio"] = ""
	if c.withAudio {
		c.values["audio"] = "1"
	}
	c.fillClip("audio")
}

// fillClip completes the clip form after name changed: a new platform
// picks its first model, a model its resolution and length, and the
// credits follow the catalog's rule for the clip (the person may then type
// what the platform really charged).
func (c *clipLog) fillClip(name string) {
	v := c.values
	delete(c.errs, name)
	p, ok := pricing.FindProfile(c.catalog, v["profile"])
	if !ok {
		p, ok = pricing.FindProfile(c.catalog, defaultProfile)
		if !ok && len(c.catalog) > 0 {
			p, ok = c.catalog[0], true
		}
		v["profile"], name = p.ID, "profile"
	}
	c.models = modelChoices(p)
	c.unit = p.UnitName()
	if p.Kind == pricing.KindAPI {
		c.unit = string(p.Currency)
	}
	m, ok := p.FindModel(v["model"])
	if !ok || name == "profile" {
		for _, mm := range p.Models {
			if len(resChoices(mm)) > 0 {
				m = mm
				break
			}
		}
		// Seconds typed stay where the new model makes clips that long
		// (10 s from Runway to Luma); else its first length, below.
		dur := v["dur"]
		v["model"], v["res"], v["dur"] = m.ID, "", ""
		if n, err := strconv.Atoi(strings.TrimSpace(dur)); err == nil && m.Durations.Offers(n) {
			v["dur"] = dur
		}
	}
	c.res = resChoices(m)
	if e := c.editing; e != nil && p.ID == e.ProfileID && m.ID == e.ModelID &&
		!slices.ContainsFunc(c.res, func(ch choice) bool { return ch.Value == string(e.Res) }) {
		// The clip's own resolution, which the model no longer offers, or
		// none (an imported clip that did not say): a choice of its own, so
		// that correcting its client does not change its resolution.
		label := e.Res.Name() + " (as logged)"
		if e.Res == "" {
			label = "Not said (as logged)"
		}
		c.res = append(c.res, choice{Value: string(e.Res), Label: label})
	}
	if !slices.ContainsFunc(c.res, func(ch choice) bool { return ch.Value == v["res"] }) && len(c.res) > 0 {
		v["res"] = c.res[0].Value
		if slices.ContainsFunc(c.res, func(ch choice) bool { return ch.Value == string(defaultRes) }) {
			v["res"] = string(defaultRes)
		}
	}
	c.resHint = resHint(m, pricing.Resolution(v["res"]))
	// The add-ons a clip of the model may have (logsAddon), ticked or
	// not: ticked, the catalog counts them, or has no credits for the clip
	// and the person types them (Sora 2's audio). One it cannot have is
	// dropped with its box.
	c.addons, c.inPrice = c.addons[:0], c.inPrice[:0]
	c.withAudio = m.Audio == pricing.AudioIncluded
	var addons []pricing.AddonKind
	for _, a := range addonKeys {
		if !logsAddon(m, a.kind) {
			delete(v, a.key)
			continue
		}
		c.addons = append(c.addons, a.key)
		if includesAddon(m, a.kind) {
			c.inPrice = append(c.inPrice, a.key)
		}
		if v[a.key] == "1" {
			addons = append(addons, a.kind)
		}
	}
	// A new model gets its first length; Seconds emptied by the person
	// stays empty, and says so, rather than logging a length not typed.
	if strings.TrimSpace(v["dur"]) == "" && name != "dur" {
		v["dur"] = firstDuration(m)
	}
	c.usage = ""
	secs, err := pricing.ParsePositiveIn(cliplog.FieldSeconds, v["dur"], pricing.UnitSeconds)
	if err != nil {
		c.errs["dur"] = errorMessage(err)
	} else if u, err := p.Usage(m.ID, pricing.Shot{Seconds: secs, Res: pricing.Resolution(v["res"]), Addons: addons}); err != nil {
		// The credits shown were another clip's: the person types these.
		// What is not published names the model, as the calculator does.
		why := strings.TrimSuffix(errorMessage(err), ".")
		switch {
		case len(c.res) == 0:
			why = modelPrices(m, p.Kind == pricing.KindAPI) + " are not published"
		case slices.Contains(addons, pricing.AddonAudio) && unpricedAudio(m, p.Custom) != "":
			why = unpricedAudio(m, p.Custom)
		}
		c.usage = sentence(why + ": type what the platform charged")
		v["credits"] = ""
	} else {
		v["credits"] = pricing.Exact(u.Units)
		c.usage = "Catalog: " + strings.Join(u.Lines, "; ") + figureWords(p, "", m.ID)
		delete(c.errs, "credits")
	}
	c.previewClip()
}

// parseClipCredits reads the credits a clip of p used, as typed in the
// form, as a file's are read (cliplog.ParseCredits): credits ("50", "50
// credits"), where "$5" is refused, not read as 5 credits; on an API,
// whose units are money, an amount in its currency ("$0.96"). A refusal
// names p's credits as p calls them (pricing.NameCredits).
func parseClipCredits(p pricing.Profile, s string) (decimal.Decimal, error) {
	var price pricing.Money // no price: credits
	if p.Kind == pricing.KindAPI {
		price = cliplog.APIPrice(p.Currency)
	}
	d, err := cliplog.ParseCredits(s, price)
	return d, pricing.NameCredits(err, p.Unit)
}

// logsAddon reports whether a clip of m may be logged with add-on k: one m
// prices (Veo 3's audio), one its price includes (Kling 2.6's audio, Ray2's
// at 0 credits), audio it makes at a price no source gives (Sora 2's), and
// audio no source says whether it makes (Gen-4's): the person knows.
func logsAddon(m pricing.Model, k pricing.AddonKind) bool {
	return offersAddon(m, k) || includesAddon(m, k) ||
		k == pricing.AddonAudio && audioUnknown(m)
}

// previewClip prices the clip in the form: its cost and cost per second,
// at the price per credit of the platform's plan.
func (c *clipLog) previewClip() {
	c.clipMsg, c.priceText = "", ""
	c.cost = resultRow{ID: "log-clip-cost", Label: "Cost of this clip", Text: noValue}
	c.perSecond = resultRow{ID: "log-clip-cost-per-second", Label: "Cost per second", Text: noValue}
	p, ok := pricing.FindProfile(c.catalog, c.values["profile"])
	if !ok {
		return
	}
	// The credits first: a platform with no plan price (LTX Studio's
	// computing seconds) said nothing of "abc" in them until Save.
	credits, creditsErr := parseClipCredits(p, c.values["credits"])
	if creditsErr != nil {
		c.errs["credits"] = errorMessage(creditsErr)
	}
	price, _, words, err := c.priceFor(p)
	if err != nil {
		c.clipMsg = errorMessage(err)
		return
	}
	c.priceText = words
	if creditsErr != nil {
		return
	}
	e := cliplog.Entry{Credits: credits, PricePerCredit: price}.Derive()
	c.cost.Value, c.cost.Text = pricing.Exact(e.Cost.Amount), pricing.FormatMoney(e.Cost)
	if p.Kind != pricing.KindAPI { // an API's "credits" are the money: "0.96 USD × $1.00" said nothing
		c.cost.Working = pricing.CountUnits(credits, c.unit) + " × " + pricing.WorkingMoney(price, credits.Mul, e.Cost)
	}
	if e.Seconds, err = pricing.ParsePositiveIn(cliplog.FieldSeconds, c.values["dur"], pricing.UnitSeconds); err == nil {
		if ps, ok := e.CostPerSecond(); ok {
			c.perSecond.Value, c.perSecond.Text = pricing.Exact(ps.Amount), pricing.FormatMoney(ps)
			perSecond := func(x decimal.Decimal) decimal.Decimal { return x.DivRound(e.Seconds, pricing.DivisionScale) }
			c.perSecond.Working = pricing.WorkingMoney(e.Cost, perSecond, ps) + " ÷ " + pricing.FormatNumber(e.Seconds) + " s"
		}
	}
}

// priceFor returns the price per credit of a clip made on p, the plan it
// comes from and words saying so: the person's plan for p, or else p's
// first plan with a monthly price. An API profile's credits are money. A
// clip being edited keeps its price while it stays on its platform, unless
// the person asks for the plan's (reprice).
func (c *clipLog) priceFor(p pricing.Profile) (price pricing.Money, planID, words string, err error) {
	if e := c.editing; e != nil && !c.reprice && e.ProfileID == p.ID {
		// An edit keeps the clip's price: changing its client is no reason
		// to price it at a plan taken since.
		words := "Priced at " + pricing.FormatMoney(e.PricePerCredit) + " per " + p.UnitOne() + ", as when it was logged."
		if p.Kind == pricing.KindAPI {
			words = "Pay as you go: the credits used are the money charged, in " + string(e.PricePerCredit.Currency) + "."
		}
		return e.PricePerCredit, e.PlanID, words, nil
	}
	return c.priceNow(p)
}

// priceNow returns the price per credit of a clip made on p now, as priceFor does.
func (c *clipLog) priceNow(p pricing.Profile) (price pricing.Money, planID, words string, err error) {
	if p.Kind == pricing.KindAPI {
		return cliplog.APIPrice(p.Currency), "", "Pay as you go: the credits used are the money charged, in " + string(p.Currency) + ".", nil
	}
	mp, saved := c.log.Plan(p.ID)
	if !saved {
		mp = defaultPlan(p)
		if mp.PlanID == "" {
			return pricing.Money{}, "", "", &unknownError{Subject: planPrices(p), Other: "platform, or set your own price in My plans"}
		}
	}
	price, err = mp.PricePerCredit(p)
	if err != nil {
		return pricing.Money{}, "", "", err
	}
	words = "Priced at " + pricing.FormatMoney(price) + " per " + p.UnitOne() + ": " + planWords(p, mp)
	if !saved {
		words += " (set your own plan in My plans)"
	}
	// And which figure the plan's credits are, where the sources give two.
	return price, mp.PlanID, words + "." + figureWords(p, mp.PlanID, ""), nil
}

// defaultPlan is p's first plan with a monthly price, billed monthly; a
// zero MyPlan when there is none.
func defaultPlan(p pricing.Profile) cliplog.MyPlan {
	for _, pl := range p.Plans {
		if pl.Monthly.Valid && pl.Monthly.Decimal.IsPositive() && pl.Credits.IsPositive() {
			return cliplog.MyPlan{ProfileID: p.ID, PlanID: pl.ID, Billing: cliplog.Monthly}
		}
	}
	if ps := planChoices(p, ""); len(p.Plans) == 0 && len(ps) > 0 { // sold only in packs: the first, as the calculator's
		return cliplog.MyPlan{ProfileID: p.ID, PlanID: ps[0].Value, Billing: cliplog.Monthly}
	}
	return cliplog.MyPlan{}
}

// planWords describes a plan: "Standard, billed monthly" or "$12 for 1,000
// credits".
func planWords(p pricing.Profile, mp cliplog.MyPlan) string {
	if mp.Custom() {
		return pricing.FormatMoney(mp.Price) + " for " + pricing.CountUnits(mp.Credits, "credits")
	}
	name := mp.PlanID
	if pk, ok := p.FindPack(mp.PlanID); ok && len(p.Plans) == 0 {
		return pk.Name + ", bought once"
	}
	if pl, ok := p.FindPlan(mp.PlanID); ok {
		name = pl.Name
	}
	return name + ", billed " + string(cmp.Or(mp.Billing, cliplog.Monthly))
}

// fillPlan shows the plan saved for the plan form's platform, or its
// default plan, after the platform or the plan changed.
func (c *clipLog) fillPlan() {
	v := c.values
	p, ok := pricing.FindProfile(c.catalog, v["plan_profile"])
	if !ok {
		return
	}
	c.api = p.Kind == pricing.KindAPI
	if v["plan"] == "" || !slices.ContainsFunc(c.planChoices(), func(ch choice) bool { return ch.Value == v["plan"] }) ||
		c.planOf != p.ID {
		mp, ok := c.log.Plan(p.ID)
		if !ok {
			mp = defaultPlan(p)
		}
		v["plan"], v["billing"] = cmp.Or(mp.PlanID, customPlan), string(cmp.Or(mp.Billing, cliplog.Monthly))
		v["plan_price"], v["plan_credits"], v["plan_cur"] = "", "", string(cmp.Or(p.Currency, pricing.USD))
		if mp.Custom() && mp.ProfileID != "" {
			v["plan_price"], v["plan_credits"], v["plan_cur"] = pricing.Exact(mp.Price.Amount), pricing.Exact(mp.Credits), string(mp.Price.Currency)
		}
		c.planOf = p.ID
	}
	v["billing"] = soldBy(p, v["plan"], v["billing"])
	c.previewPlan()
}

// planInput reads the plan form.
func (c *clipLog) planInput() (cliplog.MyPlan, pricing.Profile, error) {
	v := c.values
	p, ok := pricing.FindProfile(c.catalog, v["plan_profile"])
	if !ok {
		return cliplog.MyPlan{}, p, &choiceError{Field: labelProfile, Value: v["plan_profile"]}
	}
	if v["plan"] != customPlan {
		return cliplog.MyPlan{ProfileID: p.ID, PlanID: v["plan"], Billing: cliplog.Billing(v["billing"])}, p, nil
	}
	// A month's, or a pack's: "$30 a month" is read, "$300 a year" refused.
	// On a platform that sells packs and no plan, it is a pack's, which
	// has no period: "$30 a month" is refused ("Price paid is not per
	// month"), as a clip's credits refuse one.
	per := pricing.PerMonth
	if packOnly(p) {
		per = pricing.NoPeriod
	}
	price, err := pricing.ParsePricePer(logLabel("plan_price"), v["plan_price"], pricing.Currency(v["plan_cur"]), per)
	if err != nil {
		c.errs["plan_price"] = errorMessage(err)
	}
	credits, err2 := pricing.ParsePositiveInPer(logLabel("plan_credits"), v["plan_credits"], pricing.UnitCredits, per)
	if err2 != nil {
		c.errs["plan_credits"] = errorMessage(err2)
	}
	if err = cmp.Or(err, err2); err != nil {
		return cliplog.MyPlan{}, p, err
	}
	return cliplog.MyPlan{ProfileID: p.ID, Price: pricing.NewMoney(price, pricing.Currency(v["plan_cur"])), Credits: credits}, p, nil
}

// planPriceHint is the hint under Price paid: "for a pack" on a platform
// that sells packs and no plan (packOnly), where "a month" is refused.
func planPriceHint(catalog []pricing.Profile, id string) string {
	if p, ok := pricing.FindProfile(catalog, id); ok && packOnly(p) {
		return "for a pack"
	}
	return "per month, or for a pack"
}

// packOnly reports whether p sells packs of credits and no plan: what is
// paid there is a pack's price, once, with no period.
func packOnly(p pricing.Profile) bool { return len(p.Plans) == 0 && len(p.Packs) > 0 }

// previewPlan shows the price per credit of the plan in the form.
func (c *clipLog) previewPlan() {
	for _, k := range []string{"plan_price", "plan_credits", "billing"} {
		delete(c.errs, k)
	}
	c.planPrice = ""
	if c.api {
		return
	}
	mp, p, err := c.planInput()
	for _, k := range []string{"plan_price", "plan_credits"} {
		if strings.TrimSpace(c.values[k]) == "" {
			delete(c.errs, k) // not typed yet: Save plan says so if it stays empty
		}
	}
	if err == nil {
		var price pricing.Money
		if price, err = mp.PricePerCredit(p); err == nil {
			lead := "That is " // a price of one's own
			if credits := planCredits(p, mp.PlanID); credits != "" {
				lead = credits + ": "
			}
			c.planPrice = lead + pricing.FormatMoney(price) + " per " + p.UnitOne() + "." + figureWords(p, mp.PlanID, "")
			return
		}
	}
	if _, input := errors.AsType[*pricing.InputError](err); !input {
		c.errs["billing"] = errorMessage(err)
	}
}

// onSavePlan saves the plan in the form.
func (c *clipLog) onSavePlan(ctx app.Context, e app.Event) {
	e.PreventDefault()
	c.status, c.undo, c.unedit = "", nil, nil
	mp, p, err := c.planInput()
	if err == nil {
		if _, err = mp.PricePerCredit(p); err == nil {
			err = c.log.SetPlan(mp)
		}
	}
	if storage, ok := errors.AsType[*cliplog.StorageError](err); ok {
		c.alert = storage.Error()
		return
	}
	if err != nil {
		if _, input := errors.AsType[*pricing.InputError](err); !input {
			c.previewPlan() // says why, beside billing
		}
		return // an input's message is beside it already (planInput), empty ones too
	}
	c.alert = ""
	c.status = "Saved your plan for " + p.Name + ": new clips there are priced at it."
	if !mp.Custom() {
		relinkProfile(p.ID, "", mp.PlanID, string(mp.Billing))
	}
	c.previewClip()
	c.refresh()
}

// onRemovePlan forgets the plan of a platform.
func (c *clipLog) onRemovePlan(profile string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		c.status, c.undo, c.unedit = "", nil, nil
		mp, _ := c.log.Plan(profile)
		if err := c.log.DeletePlan(profile); err != nil {
			c.failAction(err, "The plan was not removed.")
			return
		}
		if !mp.Custom() {
			relinkProfile(profile, mp.PlanID, "", "")
		}
		c.status = "Removed your plan for " + c.profileName(profile) + "."
		// The button is gone (it fell to <body>): the focus goes to the
		// Remove of the plan that takes its place, else the one before,
		// else the form below the list.
		next := "#f-plan_profile"
		for i, r := range c.planRows {
			if r.Profile != profile || len(c.planRows) == 1 {
				continue
			}
			j := min(i+1, len(c.planRows)-1)
			if j == i {
				j = i - 1
			}
			next = `#log-plan-list li[data-profile="` + c.planRows[j].Profile + `"] button`
		}
		c.planOf = ""
		c.fillPlan()
		c.previewClip()
		c.refresh()
		focusAfterRender(c.page, next, "#f-plan_profile")
	}
}

// fillRates shows the saved exchange rates and display currency. A rate's
// field keeps what is typed in it when that is not yet a rate ("0.", its
// message beside it) or is the saved rate as typed ("0.90" for 0.9):
// another tab's change read the rates back under the person's caret.
func (c *clipLog) fillRates() {
	s := c.log.Settings()
	c.values["disp"] = string(s.DisplayCurrency())
	r := s.RatesOrDefault()
	for cur := range r.Per {
		key := "rate_" + string(cur)
		d, err := r.Rate(pricing.USD, cur)
		if err != nil || c.errs[key] != "" {
			continue
		}
		if typed, err := pricing.ParseRate(logLabel(key), c.values[key], pricing.USD, cur); err == nil && typed.Equal(d) {
			continue
		}
		c.values[key] = pricing.Exact(d)
	}
}

// saveSettings saves the display currency and the rates after the input
// name changed; a rate that is not a number is said beside it and not
// saved.
func (c *clipLog) saveSettings(name string) {
	delete(c.errs, name)
	s := c.log.Settings()
	s.Display = pricing.Currency(c.values["disp"])
	r := s.RatesOrDefault()
	per := map[pricing.Currency]decimal.Decimal{}
	for cur, d := range r.Per {
		per[cur] = d
	}
	for _, cur := range c.rates {
		key := "rate_" + string(cur)
		d, err := pricing.ParseRate(logLabel(key), c.values[key], pricing.USD, cur)
		if err != nil {
			if key == name {
				c.errs[key] = errorMessage(err)
				return
			}
			continue
		}
		if !per[cur].Equal(d) && r.Base == pricing.USD {
			per[cur] = d
			r.Date, r.Source = cliplog.Today(logNow()), "Typed in on the clip log page."
		}
	}
	r.Per = per
	s.Rates = r
	if err := c.log.SaveSettings(s); err != nil {
		c.failAction(err, "The setting was not saved.")
	}
	c.refresh()
}

// onDelete deletes a clip; the status offers to undo it.
func (c *clipLog) onDelete(id string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		c.status, c.undo, c.unedit = "", nil, nil
		d, err := c.log.Delete(id)
		if err != nil {
			c.failAction(err, "The clip was not deleted.")
			return
		}
		c.undo = &d
		c.status = "Deleted " + c.describe(d.Entry) + "."
		// The focus goes to the row that takes this one's place, or else
		// the one before it (1-based, among the rows left).
		next := "#log-undo"
		for i, e := range c.rows {
			if e.ID == id && len(c.rows) > 1 {
				next = "#log-table tbody tr:nth-child(" + strconv.Itoa(min(i+1, len(c.rows)-1)) + ") .log-delete"
			}
		}
		if c.editing != nil && c.editing.ID == id {
			c.endEdit() // and Undo puts it back as it was
			c.syncInputs(ctx, "")
		} else {
			c.refresh()
		}
		focusAfterRender(c.page, next, "#log-undo")
	}
}

// onUndo puts the last deleted clip back, or the last edited one as it
// was.
func (c *clipLog) onUndo(ctx app.Context, e app.Event) {
	d, was := c.undo, c.unedit
	c.status, c.undo, c.unedit = "", nil, nil
	var err error
	switch {
	case d != nil:
		err, was = c.log.Restore(*d), &d.Entry
	case was != nil:
		cur, ok := c.log.Entry(was.ID)
		switch {
		case !ok:
			c.alert = "The clip was not put back: it was deleted since your change (in another tab?)."
			c.refresh()
			return
		case !cur.Equal(c.editedTo):
			// Another tab or an import changed it since: Undo would
			// overwrite that without saying so.
			c.alert = "The clip was not put back: it was changed elsewhere since your change (another tab, or an import), " +
				"and is now " + c.describe(cur) + ". Edit it to correct it."
			c.refresh()
			return
		}
		_, err = c.log.Update(*was)
	default:
		return
	}
	if err != nil {
		c.failAction(err, "The clip was not put back.")
		return
	}
	c.status = "Put back " + c.describe(*was) + "."
	c.refresh()
	// The focus goes to the clip's Edit, the status saying "Put back …"
	// as a live region: on the status, which changed under it, a
	// screen reader heard a nameless "status", on no control. Not in
	// the list shown (a filter), to the status.
	focusAfterRender(c.page, c.editButton(was.ID), "#log-status")
}

// onMore shows more of the list, and moves the focus to the first clip
// it shows: the button, gone with the last of them, left it on <body>.
func (c *clipLog) onMore(ctx app.Context, e app.Event) {
	first := len(c.rows) + 1
	c.limit += logRows
	c.refresh()
	focusAfterRender(c.page, "#log-table tbody tr:nth-child("+strconv.Itoa(first)+") .log-edit", "#log-more")
}

// onExport downloads the log: a JSON backup of everything, or CSV for a
// spreadsheet, of the clips the filters show. The date of a backup is then
// saved for the reminder; a CSV's is not, and the status says what it
// leaves out: it holds clips, not plans, profiles or settings, so a
// person who exported one was told the log was backed up.
func (c *clipLog) onExport(backup bool) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		c.status, c.undo, c.unedit = "", nil, nil
		now := logNow()
		var b strings.Builder
		name, mime := "aivc-clip-log-"+cliplog.Today(now), "text/csv"
		var err error
		var bk cliplog.Backup
		if backup {
			name, mime = name+".json", "application/json"
			bk = c.log.Backup(cliplog.Timestamp(now))
			err = cliplog.WriteBackup(&b, bk)
		} else {
			name += ".csv"
			if c.sel != nil {
				// Told apart on disk from the whole log's export, and named
				// for the client, project or month it holds: one client's
				// bill is not another's.
				name = strings.TrimSuffix(name, ".csv") + "-" + c.filterName() + ".csv"
				err = cliplog.WriteCSV(&b, c.sel, cliplog.CSVOptions{BOM: true})
			} else {
				err = c.log.ExportCSV(&b, cliplog.CSVOptions{BOM: true})
			}
		}
		if err == nil {
			err = c.download(name, mime, b.String())
		}
		if err != nil {
			c.alert = "The export failed: " + errorText(err)
			return
		}
		if !backup {
			what := "Exported " + pricing.CountInt(c.log.Len(), "clip", "clips")
			if c.sel != nil {
				what = "Exported the " + pricing.CountInt(len(c.sel), "clip", "clips") + " shown"
			}
			c.status = what + " to " + name + ". " + csvLeavesOut
			return
		}
		// What the file holds: the clips, plans and the person's own profiles
		// (it named the clips alone, and a backup of profiles alone said
		// "Backed up 0 clips").
		display, rates := bk.Settings.Own()
		c.status = "Backed up " + backupHolds(len(bk.Entries), len(bk.Plans), len(bk.Profiles), display, rates) + " to " + name + "."
		if err := c.log.MarkExported(cliplog.Timestamp(now)); err != nil {
			c.failAction(err, "The file was made, but the date of this export was not saved.")
		}
		c.refresh()
	}
}

// backupHolds says what a backup holds: "12 clips", "12 clips and 2
// platform profiles", "2 plans", "12 clips, 1 plan and 1 platform
// profile"; "0 clips" when it holds none of them.
func backupHolds(clips, plans, profiles int, display, rates bool) string {
	var parts []string
	if clips > 0 || plans == 0 && profiles == 0 && !display && !rates {
		parts = append(parts, pricing.CountInt(clips, "clip", "clips"))
	}
	if plans > 0 {
		parts = append(parts, pricing.CountInt(plans, "plan", "plans"))
	}
	if profiles > 0 {
		parts = append(parts, pricing.CountInt(profiles, "platform profile", "platform profiles"))
	}
	// The settings only where they are the person's own: every backup
	// holds the bundled ones.
	if display {
		parts = append(parts, "your display currency")
	}
	if rates {
		parts = append(parts, "your exchange rates")
	}
	if n := len(parts); n > 1 {
		return strings.Join(parts[:n-1], ", ") + " and " + parts[n-1]
	}
	return parts[0]
}

// filterName names the filtered clips in a file name: the client, project
// and month filtered on, in ASCII letters, digits and hyphens ("acme-ltd"),
// else "filtered".
func (c *clipLog) filterName() string {
	var b []byte
	for _, key := range []string{"f_client", "f_project", "f_month"} {
		for _, r := range strings.ToLower(c.values[key]) {
			switch {
			case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
				b = append(b, byte(r))
			case len(b) > 0 && b[len(b)-1] != '-':
				b = append(b, '-')
			}
		}
		if len(b) > 0 && b[len(b)-1] != '-' {
			b = append(b, '-')
		}
	}
	if s := strings.Trim(string(b[:min(len(b), 60)]), "-"); s != "" {
		return s
	}
	return "filtered"
}

// onDownloadRaw downloads a record that could not be read, as it is stored.
func (c *clipLog) onDownloadRaw(key, raw string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if err := c.download(key+".txt", "text/plain", raw); err != nil {
			c.alert = "The download failed: " + errorText(err)
		}
	}
}

// onDiscard deletes a record that could not be read.
func (c *clipLog) onDiscard(key string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if err := c.log.DiscardCorrupt(key); err != nil {
			c.failAction(err, "The record was kept.")
			return
		}
		c.status = "Discarded the record " + key + "."
		i := 0 // a loop: slices.IndexFunc's instantiation costs app.wasm
		for i < len(c.corrupt) && cmp.Or(c.corrupt[i].QuarantineKey, c.corrupt[i].Key) != key {
			i++
		}
		c.refresh()
		// The button is gone (it fell to <body>): the focus goes to the
		// Discard of the record that takes its place, else the one
		// before (by place: a key may hold any character), else (none
		// left: no nth-child(0), and the section is gone) to the heading
		// of the form that takes the section's place. On the status, a
		// screen reader heard "status" and no control to go on from.
		focusAfterRender(c.page, ".log-corrupt-list > li:nth-child("+strconv.Itoa(min(i, len(c.corrupt)-1)+1)+") button:last-child", "#log-add-title")
	}
}

// download hands text to the browser as a file: a Blob behind an <a
// download> the page clicks. Following a link is not something the site's
// Content-Security-Policy governs, so no script or data source needs
// allowing; a blob: URL also takes a 10 MB backup, which a data: URL in an
// attribute would not. The previous download's URL is released.
func (c *clipLog) download(name, mime, text string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	if !app.IsClient {
		return nil
	}
	w := app.Window()
	url := w.Get("URL")
	if c.blobURL != "" {
		url.Call("revokeObjectURL", c.blobURL)
	}
	// Go's strings reach JavaScript through a TextDecoder, which drops a
	// leading byte order mark: the CSV's goes in as bytes.
	parts := []any{text}
	if rest, ok := strings.CutPrefix(text, "\ufeff"); ok {
		parts = []any{w.Get("Uint8Array").New([]any{0xEF, 0xBB, 0xBF}), rest}
	}
	blob := w.Get("Blob").New(parts, map[string]any{"type": mime + ";charset=utf-8"})
	c.blobURL = url.Call("createObjectURL", blob).String()
	a := w.Get("document").Call("createElement", "a")
	a.Set("href", c.blobURL)
	a.Set("download", name)
	a.Call("click")
	return nil
}

// onImport reads the chosen file, once its size is known to be within
// cliplog's limit, and merges it into the log.
func (c *clipLog) onImport(ctx app.Context, e app.Event) {
	in := ctx.JSSrc()
	files := in.Get("files")
	if !files.Truthy() || files.Length() == 0 {
		return
	}
	f := files.Index(0)
	in.Set("value", "")
	c.status, c.undo, c.unedit, c.importErrs = "", nil, nil, nil
	name, size := f.Get("name").String(), f.Get("size").Int()
	if size > cliplog.MaxImportBytes {
		c.importErrs = []string{(&cliplog.LimitError{Size: size, MaxSize: cliplog.MaxImportBytes}).Error()}
		return
	}
	await(ctx, f.Call("text"), func(_ app.Context, text app.Value, ok bool) {
		if !ok {
			c.importErrs = []string{"The file could not be read; nothing was imported."}
			return
		}
		c.importFile(name, []byte(text.String()))
	})
}

// importFile merges a file into the log: a JSON backup or CSV by what it
// holds (cliplog.IsJSON), whatever its name, and says which it was read
// as. Every bad line is listed; nothing changes then.
func (c *clipLog) importFile(name string, data []byte) {
	c.importErrs, c.conflicts, c.replaced = nil, nil, nil
	var rep cliplog.ImportReport
	var err error
	bundled, _ := pricing.Catalog()
	opts := cliplog.ImportOptions{Known: func(profileID, modelID string) bool {
		p, ok := pricing.FindProfile(c.catalog, profileID)
		_, known := p.FindModel(modelID)
		return ok && known
	}, Bundled: func(id string) bool {
		_, ok := pricing.FindProfile(bundled, id)
		return ok
	}}
	read := "CSV"
	if cliplog.IsJSON(data) {
		read = "a JSON backup"
		rep, err = c.log.ImportJSON(data, opts)
	} else {
		rep, err = c.log.ImportCSV(data, opts)
	}
	lines, isLines := errors.AsType[*cliplog.ImportErrors](err)
	storage, isStorage := errors.AsType[*cliplog.StorageError](err)
	elsewhere := "" // what a refused file is, when it is no backup
	if isLines {
		elsewhere = notBackup(data)
	}
	switch {
	case elsewhere != "":
		c.importErrs = []string{elsewhere + " Nothing was imported from " + name + "."}
	case isLines:
		// Problems, not lines: a line can have two ("fix 4 lines" for 3).
		c.importErrs = append(c.importErrs, "Nothing was imported from "+name+" (read as "+read+"): fix the "+
			pricing.CountInt(len(lines.Errs)+lines.Omitted, "problem", "problems")+" below and import it again.")
		for _, x := range lines.Errs {
			c.importErrs = append(c.importErrs, x.Error())
		}
		if lines.Omitted > 0 {
			c.importErrs = append(c.importErrs, "… and "+pricing.FormatInt(lines.Omitted)+" more.")
		}
	case isStorage:
		c.alert = storage.Error()
	case err != nil:
		c.importErrs = []string{errorText(err)}
	default:
		c.status = "Read " + name + " as " + read + ". " + restoreSummary(rep)
		if rep.ProfilesAdded > 0 { // a backup's own profiles: in the pickers now
			c.catalog, _ = allProfiles()
		}
		for _, x := range rep.Conflicts {
			if x.Saved.ID != "" { // a saved record that cannot be read is not replaced
				c.conflicts = append(c.conflicts, x.Incoming)
			}
		}
		c.fillPlan()
		c.fillRates()
		c.previewClip()
		// The summary is above the list, a screen and more above the import
		// field at the page's foot, where a file chosen seemed to do nothing:
		// the field emptied and nothing near it changed. The focus goes to
		// the offer to replace saved clips where the file brings one (under
		// the field, named for what it does), and otherwise to the summary,
		// with the totals and the list under it. Not when the person has
		// gone on elsewhere meanwhile (typing a rate, TestInsertLogReplace).
		if focusOn("#log-import") {
			focusAfterRender(c.page, "#log-replace", "#log-status")
		}
	}
	c.refresh()
}

// notBackup says what a JSON file that is no clip log backup is, and
// where it goes, as /profiles says of a backup (importProfile): a
// platform profile exported from /profiles was refused with "line 2: not
// a readable JSON file: unknown field "id"", and catalog.json with "this
// file is not a backup made by this app". It is "" for a file that may be
// a backup (it has "app") or is no JSON object: its own errors say more.
func notBackup(data []byte) string {
	var keys map[string]json.RawMessage
	if json.Unmarshal(bytes.TrimPrefix(data, []byte("\ufeff")), &keys) != nil || keys["app"] != nil {
		return ""
	}
	switch {
	case keys["profiles"] != nil:
		return "This is a list of platform profiles (as catalog.json is), not a clip log backup: import each profile on the Profiles page (/profiles)."
	case keys["kind"] != nil && keys["models"] != nil:
		return "This is a platform profile, not a clip log backup: import it on the Profiles page (/profiles)."
	}
	return ""
}

// restoreSummary is rep's summary, with a backup's profile left out for a
// broken rule worded as /profiles words an imported one: "line 14:
// profile “studio”: Plan 1, monthly price: cannot be negative
// (plans[0].monthly)", where the path alone led ("plans[0].monthly:
// cannot be negative"); the path stays, to find it in the file.
func restoreSummary(rep cliplog.ImportReport) string {
	refused := make([]*cliplog.ImportError, len(rep.ProfilesRefused))
	for i, e := range rep.ProfilesRefused {
		refused[i] = e
		if pe, ok := errors.AsType[*pricing.ProfileError](e.Err); ok && pe.Path != "" {
			msg := strings.TrimSuffix(fieldSentence(pathWords(pe.Path), pe.Err), ".") + " (" + pe.Path + ")"
			if pe.Profile != "" {
				msg = "profile “" + pe.Profile + "”: " + msg
			}
			refused[i] = &cliplog.ImportError{Line: e.Line, Row: e.Row, Err: errors.New(msg)}
		}
	}
	rep.ProfilesRefused = refused
	return rep.Summary()
}

// scheduleReload reads the log again shortly, once for a burst of changes
// (another tab importing a file changes many keys).
func (c *clipLog) scheduleReload(ctx app.Context) {
	if c.pending {
		return
	}
	c.pending = true
	ctx.After(150*time.Millisecond, func(ctx app.Context) {
		c.pending = false
		row := focusedRow()
		c.reload()
		c.syncInputs(ctx, "")
		if row != "" {
			// go-app keeps each row of the list in its place and changes
			// what it shows: a clip logged there, newer, came first, and
			// the Edit that had the focus became another clip's.
			focusAfterRender(c.page, row, "#log-list-title")
		}
	})
}

// focusOn reports whether the focus is on the element sel selects, or on
// nothing (the page's body, where a file picker may leave it).
func focusOn(sel string) bool {
	if !app.IsClient {
		return false
	}
	a := app.Window().Get("document").Get("activeElement")
	return !a.Truthy() || a.Call("matches", sel+", body").Bool()
}

// focusedRow selects the control of the list that has the focus by its
// clip (its Edit or Delete), or is "" when the focus is elsewhere.
func focusedRow() string {
	if !app.IsClient {
		return ""
	}
	a := app.Window().Get("document").Get("activeElement")
	if !a.Truthy() {
		return ""
	}
	tr := a.Call("closest", "#log-table tr[data-entry-id]")
	if !tr.Truthy() {
		return ""
	}
	which := ".log-edit"
	if a.Get("classList").Call("contains", "log-delete").Bool() {
		which = ".log-delete"
	}
	return `#log-table tr[data-entry-id="` + tr.Get("dataset").Get("entryId").String() + `"] ` + which
}

// reload reads the log again from storage (another tab changed it). What
// is typed in the clip and plan forms stays.
func (c *clipLog) reload() {
	if _, err := c.log.Reload(); err != nil {
		c.alert = err.Error()
	}
	c.fillRates()
	c.previewClip()
	c.refresh()
}

// refresh formats the log for the page: filter choices, the selected
// clips, totals, measured retakes, chart, plans and the last export.
func (c *clipLog) refresh() {
	all := c.log.Entries()
	setMeasured(c.log)
	c.corrupt = c.log.Corrupt()
	set := c.log.Settings()
	display, rates := set.DisplayCurrency(), set.RatesOrDefault()

	c.exported = "Never backed up."
	if t, err := time.Parse(time.RFC3339, set.LastExport); err == nil {
		c.exported = "Last backed up " + cliplog.Today(t.In(time.Local)) + "."
	} else if clips, plans, profiles, settings := c.log.Holds(); clips == 0 && plans == 0 && profiles == 0 && !settings {
		// Nothing to back up yet: no warning. Plans and profiles of one's
		// own are in a backup too: a device with them and no clips said
		// nothing. Profiles are counted as stored: the page's list leaves
		// out one whose id is a bundled platform's, and the backup holds it.
		// So are a display currency and exchange rates of one's own.
		c.exported = ""
	}

	// The rates keep their places while the page is open, new ones after
	// them: sorted anew, a currency another tab imported went before the
	// rate being typed, whose input (the same element) became the new one's.
	for _, cur := range rateCurrencies(all) {
		if !slices.Contains(c.rates, cur) {
			c.rates = append(c.rates, cur)
		}
	}
	ch := cliplog.ChoicesOf(all)
	all2 := func(vals []string, label func(string) string, picked string) []choice {
		out := []choice{{Value: "", Label: "All"}}
		if picked != "" && !slices.Contains(vals, picked) {
			vals = append(vals, picked) // from a link, or its last clip deleted: "No clip matches"
		}
		for _, v := range vals {
			out = append(out, choice{Value: v, Label: label(v)})
		}
		return out
	}
	same := func(s string) string { return s }
	c.filters = [4][]choice{all2(ch.Projects, same, c.values["f_project"]), all2(ch.Clients, same, c.values["f_client"]),
		all2(ch.Profiles, c.profileName, c.values["f_profile"]), all2(ch.Months, same, c.values["f_month"])}
	f := cliplog.Filter{
		Project: c.values["f_project"], Client: c.values["f_client"], ProfileID: c.values["f_profile"],
		Month: c.values["f_month"], Kept: cliplog.KeptFilter(c.values["f_kept"]),
	}
	sel := cliplog.Select(all, f)
	c.sel = nil
	if len(sel) != len(all) {
		c.sel = sel
	}

	c.rows = c.rows[:0]
	for i := len(sel) - 1; i >= 0 && len(c.rows) < c.limit; i-- {
		c.rows = append(c.rows, sel[i])
	}
	c.hidden = len(sel) - len(c.rows)
	c.count = pricing.CountInt(len(sel), "clip", "clips")
	if len(sel) != len(all) {
		c.count += " of " + pricing.FormatInt(len(all))
	}
	switch {
	case len(all) == 0:
		c.empty = "No clips yet: log your first one above."
	case len(sel) == 0:
		c.empty = "No clip matches these filters."
	default:
		c.empty = ""
	}

	t, err := cliplog.Total(sel, display, rates)
	c.totalMsg = ""
	if err != nil {
		c.totalMsg = errorMessage(err) + " Type its rate under Your data."
		var none []string
		for _, m := range t.ByCurrency {
			if _, err := rates.Convert(m, display); err != nil {
				none = append(none, string(m.Currency))
			}
		}
		if len(none) > 0 {
			// Named, and asked for there (rateCurrencies): the page said
			// "this currency", and had fields for EUR and GBP only.
			c.totalMsg = "There is no exchange rate for " + strings.Join(none, " or ") + ": type 1 USD in " +
				strings.Join(none, " and in ") + " under Your data, Exchange rates."
		}
	}
	secs := func(d decimal.Decimal) string { return pricing.FormatNumber(d) + " s" }
	// Money spent in cents, as the calculator's total; a cost per kept
	// second or clip keeps a rate's places.
	money := func(id, label string, m pricing.Money, ok bool, format func(pricing.Money) string) resultRow {
		r := resultRow{ID: id, Label: label, Text: noValue}
		if ok && err == nil {
			r.Value, r.Text = pricing.Exact(m.Amount), format(m)
		}
		return r
	}
	c.totals = []resultRow{
		{ID: idLogCount, Label: "Clips", Value: strconv.Itoa(t.Count), Text: pricing.FormatInt(t.Count),
			Working: pricing.FormatInt(t.KeptCount) + " kept, " + pricing.FormatInt(t.Count-t.KeptCount) + " rejected"},
		money(idLogCost, "Money spent", t.Spent, true, pricing.FormatTotal),
		{ID: idLogSeconds, Label: "Seconds generated", Value: pricing.Exact(t.SecondsGenerated), Text: secs(t.SecondsGenerated)},
		{ID: idLogKeptSeconds, Label: "Seconds kept", Value: pricing.Exact(t.SecondsKept), Text: secs(t.SecondsKept)},
		money(idLogCostPerKeptSec, "Cost per kept second", t.CostPerKeptSecond, t.HasCostPerKeptSecond, pricing.FormatMoney),
		// What one clip a client gets cost, retries included: the figure
		// the calculator ends on.
		money(idLogCostPerKept, "Cost per kept clip", pricing.NewMoney(
			t.Spent.Amount.DivRound(decimal.NewFromInt(int64(max(t.KeptCount, 1))), pricing.DivisionScale), t.Spent.Currency), t.KeptCount > 0,
			pricing.FormatMoney),
	}
	if c.unread {
		// The same lines as a read log's, none of them a figure.
		c.count, c.empty = "Clips", "Reading the log this browser keeps…"
		c.exported = "" // unknown too: an exported log would read "Never exported."
		for i := range c.totals {
			c.totals[i].Value, c.totals[i].Text = "", noValue
		}
		c.totals[0].Working = noValue + " kept, " + noValue + " rejected"
	}
	c.byCur = ""
	if len(t.ByCurrency) > 1 || len(t.ByCurrency) == 1 && t.ByCurrency[0].Currency != display {
		parts := make([]string, len(t.ByCurrency))
		for i, m := range t.ByCurrency {
			parts[i] = pricing.FormatTotal(m)
		}
		c.byCur = "Spent as priced: " + strings.Join(parts, " + ") + ", converted to " + string(display) + " at your rates."
	}

	c.retakes = cliplog.MeasureRetakes(sel)

	c.chart = c.spendChart(sel, display, rates)

	c.planRows = c.planRows[:0]
	for _, mp := range c.log.Plans() {
		p, _ := pricing.FindProfile(c.catalog, mp.ProfileID)
		r := planRow{Profile: mp.ProfileID, Name: c.profileName(mp.ProfileID), Plan: planWords(p, mp), Price: noValue}
		if price, err := mp.PricePerCredit(p); err == nil {
			r.Price = pricing.FormatMoney(price)
		}
		r.Price += " per " + p.UnitOne()
		c.planRows = append(c.planRows, r)
	}
}

// spendChart charts the spend of es per month (the last 24), or per
// project or client (the 12 largest).
func (c *clipLog) spendChart(es []cliplog.Entry, display pricing.Currency, rates pricing.Rates) barChart {
	by := c.values["chart"]
	var pts []cliplog.Point
	var err error
	title, none := "Spend per month", ""
	switch by {
	case "project":
		pts, err = cliplog.SpendByProject(es, display, rates)
		title, none = "Spend per project", "No project"
	case "client":
		pts, err = cliplog.SpendByClient(es, display, rates)
		title, none = "Spend per client", "No client"
	default:
		pts, err = cliplog.SpendByMonth(es, display, rates)
		pts = pts[max(len(pts)-24, 0):]
	}
	if none != "" {
		pts = pts[:min(len(pts), 12)]
	}
	if err != nil || len(pts) == 0 {
		return barChart{}
	}
	bars := make([]chartBar, len(pts))
	most := 0
	for i, p := range pts {
		label, key := cmp.Or(p.Key, none), p.Key
		if p.Split { // a project of two clients: "Website (Acme)"
			label += " (" + cmp.Or(p.Client, "no client") + ")"
			key += "/" + p.Client
		}
		bars[i] = chartBar{Label: label, Key: key, Amount: p.Spent.Amount,
			Text: pricing.FormatTotal(p.Spent) + " · " + pricing.CountInt(p.Count, "clip", "clips")}
		if p.Spent.Amount.GreaterThan(pts[most].Spent.Amount) {
			most = i
		}
	}
	bars[most].Mark = true
	desc := title + ", in " + string(display) + ": the most, " + bars[most].Text + ", in " + bars[most].Label + "."
	chart := newBarChart("log-chart", title, desc, "Spent", bars)
	chart.Mark = "the most spent"
	return chart
}

// describe names a clip in a sentence: "the 10 s clip of 2025-03-01 on
// Runway (app) · Gen-4 Turbo, $0.60".
func (c *clipLog) describe(e cliplog.Entry) string {
	return "the " + pricing.FormatNumber(e.Seconds) + " s clip of " + e.Date + " on " +
		c.where(e.ProfileID, e.ProfileName, e.ModelID, e.ModelName) + ", " + pricing.FormatMoney(e.Cost)
}

// where names a clip's platform and model, "Runway (app) · Gen-4": as
// logged, or else as the catalog names them (a CSV may carry only the
// IDs), or else by their IDs.
func (c *clipLog) where(profileID, profile, modelID, model string) string {
	if profile == "" || model == "" {
		p, _ := pricing.FindProfile(c.catalog, profileID)
		m, _ := p.FindModel(modelID)
		profile, model = cmp.Or(profile, p.Name, profileID), cmp.Or(model, m.Name, modelID)
	}
	return profile + " · " + model
}

// profileChoices lists every profile the clip can be made on.
func (c *clipLog) profileChoices() []choice { return profileChoices(c.catalog) }

// planChoices lists the plan form's platform's plans and a custom price.
func (c *clipLog) planChoices() []choice {
	p, _ := pricing.FindProfile(c.catalog, c.values["plan_profile"])
	return append(planChoices(p, c.values["billing"]), choice{Value: customPlan, Label: "My own price"})
}

// profileName names a profile by its id, as the catalog does.
func (c *clipLog) profileName(id string) string {
	if p, ok := pricing.FindProfile(c.catalog, id); ok {
		return p.Name
	}
	return id
}

// syncInputs makes the text inputs show the state after it changed other
// than by typing: go-app drops an empty value attribute instead of
// clearing the input. The input being typed in (skip) is left alone, so
// that a keystroke made meanwhile is never undone.
func (c *clipLog) syncInputs(ctx app.Context, skip string) {
	if !app.IsClient {
		return
	}
	ctx.Defer(func(app.Context) {
		names := make([]string, 0, len(logLabels)+len(c.rates))
		for _, l := range logLabels {
			names = append(names, l[0])
		}
		for _, cur := range c.rates {
			names = append(names, "rate_"+string(cur))
		}
		for _, name := range names {
			if name == skip {
				continue
			}
			in := app.Window().GetElementByID(fieldID(name))
			if in.Truthy() && in.Get("tagName").String() == "INPUT" && in.Get("value").String() != c.values[name] {
				in.Set("value", c.values[name])
			}
		}
	})
}

// preventSubmit keeps Enter in a form that saves nothing from reloading the
// page.
func preventSubmit(ctx app.Context, e app.Event) { e.PreventDefault() }

// errorText is err's message as a sentence, for errors that are already
// written for people (cliplog's).
func errorText(err error) string {
	if err == nil {
		return ""
	}
	return sentence(err.Error())
}
