package app

import (
	"cmp"
	"encoding/json"
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

// profilesPage is the page at /profiles: every profile, bundled and the
// person's own, with its plans, packs, free tier, models and their rules in
// words, each number with the source it was read from, the date and the
// evidence, and a warning when numbers are older than pricing.StaleDays.
// A search box filters by platform and model (link key "q").
//
// Custom profiles are made here: clone a bundled profile or start blank,
// edit the numbers with the catalog's own validation (each broken rule is
// shown beside its field), save (customprofiles.go stores it in the
// browser), export as JSON in the catalog's schema, import one.
type profilesPage struct {
	app.Compo
	page app.Context // the page's own context (OnMount): focusAfterRender

	ready   bool
	q       string // the search
	seen    string
	today   string // YYYY-MM-DD: the visitor's day; the catalog's newest date when prerendering
	catalog []pricing.Profile
	catErr  error
	custom  []pricing.Profile
	bad     []badRecord
	unread  bool            // generating the page: the person's own profiles are unknown
	hidden  map[string]bool // profile ids the search hides
	shown   int
	later   later           // in the browser, the profiles' details are built after the start
	openIDs map[string]bool // ids of the profiles whose details are open (profBody)

	ed         *profileEditor
	status     string // what the last action did (role=status)
	alert      string // what went wrong (role=alert)
	importBad  string // the id of the import field whose profile the alert refuses
	opener     string // selects the button that opened the editor, for Cancel
	undo       *pricing.Profile
	undoPlan   string // the clip log's plan for undo, as stored
	exportID   string
	exportText string
}

// Link keys of the profiles page.
var profilesKeys = []string{"q"}

var (
	_ app.Initializer = (*profilesPage)(nil)
	_ app.Navigator   = (*profilesPage)(nil)
	_ app.Dismounter  = (*profilesPage)(nil)
)

// newProfiles returns the profiles page.
func newProfiles() *profilesPage {
	return &profilesPage{openIDs: map[string]bool{}}
}

// OnInit loads the profiles and applies the link's search.
func (c *profilesPage) OnInit() {
	if c.ready {
		return
	}
	c.ready = true
	u := pageURL()
	if app.IsClient {
		c.today = time.Now().Format(time.DateOnly)
	}
	c.catalog, c.catErr = pricing.Catalog()
	if c.today == "" {
		c.today = catalogDate(c.catalog)
	}
	c.load()
	c.restoreEditor()
	// The person's own profiles are built with the page: the prerendered
	// page has none of them, and they are few.
	c.later.startAt(len(c.custom))
	c.later.pause = buildPause
	c.q = linkState(u).Get("q")
	c.filter()
	c.seen = c.q
}

// OnMount keeps the page's context, for focusAfterRender, and starts
// building the profiles' details (see buildPause).
func (c *profilesPage) OnMount(ctx app.Context) {
	c.page = ctx
	ctx.PreventUpdate() // nothing new to draw (see calculator.OnNav)
	c.later.begin(ctx, len(c.custom)+len(c.catalog))
}

// OnDismount stops building them, as another page replaces this one.
func (c *profilesPage) OnDismount() {
	c.later.stop()
}

// Every profile's numbers and sources, the tables in its closed <details>,
// are nine tenths of the page: 2,300 of its 2,600 elements. Mounting them
// with the rest took ~0.5 s of the page's start in Chromium (go-app makes
// each element and text node through a call into JavaScript). In the
// browser they are built after the page has started instead, a few
// profiles at a time (later: a profile's details are a part), every one at
// once before a printout, and a profile's at once when it is opened; until
// then a closed profile is its summary alone, which looks the same. The
// person's own profiles, which the prerendered page does not have, are
// built with the page (OnInit). Once all are built, so are those made
// later.
const buildPause = 50 * time.Millisecond // between two steps of later, and before the first

// OnNav applies a link's search when the fragment changes.
func (c *profilesPage) OnNav(ctx app.Context) {
	q := linkState(ctx.Page().URL()).Get("q")
	if q == c.seen {
		ctx.PreventUpdate() // nothing new to draw (see calculator.OnNav)
		return
	}
	c.q, c.seen = q, q
	c.filter()
}

func (c *profilesPage) Render() app.UI {
	list := make([]app.UI, 0, len(c.custom)+len(c.catalog))
	for _, ps := range [][]pricing.Profile{c.custom, c.catalog} {
		for i := range ps {
			list = append(list, c.renderProfile(&ps[i], c.later.has(len(list))))
		}
	}
	var editor app.UI = el("div").ID("prof-editor-slot")
	if c.ed != nil {
		editor = c.ed.render(c)
	}
	status := c.status
	var undo app.UI
	if c.undo != nil {
		status += " "
		// Described by what it undoes: a list of the page's buttons
		// said "Undo" and nothing else.
		undo = actionButton("secondary", "Undo", "undo", "").ID("prof-undo").Attr("aria-describedby", "prof-status-text")
	}
	// Buttons outside the editor carry data-action (and data-id) and no
	// handler of their own; the clicks, changes and input reach the
	// handlers on <main> and the search section.
	return elem("main", "page prof-page",
		elem("header", "prof-head",
			textElem("h1", "", "Platform profiles: where every number comes from"),
			lede("prof-lede", "Each platform's plans, packs, free credits and models, with the page every "+
				"number was read from, when, and how directly. Prices change every few weeks: correct a number in "+
				"your own copy, or add a platform we do not ship."),
			elem("p", "prof-feeds", app.Text("For tools: "),
				attrs(textElem("a", "", "every bundled profile (catalog.json)"), "href", "/catalog.json",
					"download", "catalog.json"),
				app.Text(" and "),
				attrs(textElem("a", "", "its JSON Schema (catalog.schema.json)"), "href", "/catalog.schema.json",
					"download", "catalog.schema.json"),
				app.Text(".")),
		),
		attrs(elem("p", "prof-status", textElem("span", "", status).ID("prof-status-text"), undo), "id", "prof-status", "role", "status", "aria-live", "polite", "tabindex", "-1"),
		textElem("p", "prof-alert field-msg", c.alert).ID("prof-alert").Attr("role", "alert"),
		c.renderMine(),
		editor,
		elem("section", "prof-all",
			textElem("h2", "", "All profiles").ID("prof-all-title").Attr("tabindex", "-1"),
			elem("div", "prof-search",
				textElem("label", "field-label", "Search platforms and models").Attr("for", "f-q"),
				void("input").ID("f-q").Attr("name", "q").Attr("type", "search").Class("field-input").
					Attr("value", c.q).Attr("placeholder", "Runway, Veo, Kling 2.1…").Attr("autocomplete", "off").
					Attr("aria-describedby", "prof-count"),
				textElem("p", "field-hint", c.countText()).ID("prof-count"),
			),
			elem("div", "prof-list", list...).ID("prof-list"),
		).ID("prof-all").Attr("aria-labelledby", "prof-all-title").On("input", c.onSearch),
	).ID("main").Attr("data-later", c.later.waiting()).On("click", c.onAction).On("change", c.onFile)
}

// renderMine is the person's own profiles: new, import, and the records
// that could not be read.
func (c *profilesPage) renderMine() app.UI {
	mine := "You have no profiles of your own yet."
	switch n := len(c.custom); {
	case c.unread:
		// The generated page, shown until the app starts (seconds on a
		// phone): it told a person with profiles that they had none.
		mine = "Reading the profiles this browser keeps…"
	case n > 0:
		mine = "Your profiles (" + strconv.Itoa(n) + ") are listed first below, marked custom, and offered in the calculator, compare and the planner."
	}
	var bad app.UI
	if len(c.bad) > 0 {
		recs := []app.UI{textElem("h3", "", "Saved profiles that could not be read"),
			textElem("p", "", "They are kept as they are: copy the text to keep it, then discard the record.")}
		for _, b := range c.bad {
			recs = append(recs, attrs(elem("div", "prof-bad-record",
				textElem("p", "", "“"+b.Key+"” could not be read: "+profileMessage(b.Err)),
				attrs(textElem("textarea", "prof-json", b.Raw), "readonly", "true", "rows", "4"),
				actionButton("secondary", "Discard this record", "discard", b.Key),
			), "data-key", b.Key))
		}
		bad = elem("div", "prof-bad", recs...).ID("prof-bad")
	}
	// The import field whose profile was refused is marked invalid and
	// described by the alert that says why: the alert was tied to none.
	// Any file: it is read by what it holds (importProfile), and a file
	// that is no profile says what it is. "accept" offered .json files
	// only, and a profile a mail client saved as .txt could not be picked.
	file := void("input").Attr("type", "file").ID("f-import-file")
	paste := attrs(elem("textarea", "prof-json"), "id", "f-import", "name", "import", "rows", "6", "spellcheck", "false")
	switch {
	case c.alert == "":
	case c.importBad == "f-import-file":
		file = file.Attr("aria-invalid", "true").Attr("aria-describedby", "prof-alert")
	case c.importBad == "f-import":
		paste = attrs(paste, "aria-invalid", "true", "aria-describedby", "prof-alert")
	}
	return attrs(elem("section", "prof-mine",
		textElem("h2", "", "Your own profiles").ID("prof-mine-title").Attr("tabindex", "-1"),
		textElem("p", "", mine+" They are kept in this browser only: export the ones you want to keep safe."),
		elem("div", "prof-actions", actionButton("", "Start a blank profile", "new", "").ID("prof-new")),
		details("prof-import",
			textElem("summary", "", "Import a profile (JSON)"),
			textElem("p", "field-hint", "A file exported here or from catalog.json, at most 1 MB, whatever its name "+
				"(runway.txt too). It is checked like the bundled catalog; a profile with a mistake is refused and nothing saved changes."),
			attrs(textElem("label", "field-label", "From a file"), "for", "f-import-file"),
			file,
			attrs(textElem("label", "field-label", "Or paste it"), "for", "f-import"),
			paste,
			actionButton("", "Import pasted JSON", "paste", "").ID("prof-import-paste"),
		).ID("prof-import"),
		bad,
	), "id", "prof-mine", "aria-labelledby", "prof-mine-title")
}

// actionButton is a button (type "button") without a handler: a click on
// it reaches onAction on <main>, which reads its data-action and data-id
// (when id is not "").
//
//go:noinline
func actionButton(class, text, action, id string) app.HTMLElem {
	b := attrs(textElem("button", class, text), "type", "button", "data-action", action)
	if id != "" {
		b = b.Attr("data-id", id)
	}
	return b
}

// renderProfile renders one profile: what it is and how fresh, its
// actions, and its details in a collapsed section.
func (c *profilesPage) renderProfile(pp *pricing.Profile, built bool) app.UI {
	p := *pp
	actions := [][2]string{{"clone", "Clone and edit"}, {"export", "Export JSON"}}
	if p.Custom {
		actions = [][2]string{{"edit", "Edit"}, {"clone", "Clone and edit"}, {"export", "Export JSON"}, {"delete", "Delete"}}
	}
	buttons := make([]app.UI, len(actions))
	for i, a := range actions {
		// Named with the profile: 23 buttons all called "Clone and edit"
		// tell a screen reader's list of buttons nothing.
		b := actionButton("secondary", a[1], a[0], p.ID).Attr("aria-label", a[1]+": "+p.Name)
		switch {
		case a[0] != "export":
		case c.exportID == p.ID:
			// A toggle: it shows the JSON right after it, and hides it.
			b = attrs(b, "aria-expanded", "true", "aria-controls", "prof-export")
		default:
			b = b.Attr("aria-expanded", "false")
		}
		buttons[i] = b
	}
	art := elem("article", "prof").ID("prof-"+p.ID).Attr("data-profile", p.ID)
	if p.Custom {
		art = art.Attr("data-custom", "true")
	}
	if c.hidden[p.ID] {
		art = art.Attr("hidden", true)
	}
	// The exported JSON is the card's last child, right after the button
	// that shows it (the next Tab reaches its download link). Between the
	// card and the details, it moved the details: go-app replaced them
	// with a new, closed <details>, and a profile opened to be read
	// snapped shut as it was exported.
	var export app.UI
	if c.exportID == p.ID {
		export = c.renderExport(p)
	}
	return art.Body(
		elem("div", "prof-card", profileHead(p, c.today), elem("div", "prof-actions", buttons...), export),
		&profBody{IProfile: pp, IBuilt: built, IOpen: c.openIDs},
	)
}

// profBody is a profile's numbers and sources, the <details> under its
// card. It is a component so that the page's other changes (a search, each
// key typed in the editor) do not build it again: go-app renders a child
// component again only when its exported fields change, and IProfile is
// the same pointer while the profile is the same.
//
// go-app keeps each element in its place and changes what it shows, so
// when a profile of one's own was added or removed above, every profile
// below moved into the next or the previous <details>, and an opened one
// stayed open in its place, under another profile's card. Which profiles'
// details are open is kept by id (IOpen, the page's), and a <details> that
// comes to show another profile is opened or closed as that one's were.
type profBody struct {
	_ pricing.NotComparable
	app.Compo
	IProfile *pricing.Profile
	IBuilt   bool            // the content is built (see buildPause)
	IOpen    map[string]bool // the page's: ids of the profiles whose details are open
	opened   bool            // opened before it was built
	shown    string          // the id of the profile the <details> shows
}

var _ app.Updater = (*profBody)(nil)

// OnUpdate opens or closes the details as the profile's were when another
// profile takes this place; not when the same one's are built, which could
// undo a click whose toggle event has not come yet. (Drawn as an
// attribute, go-app would undo what the browser did meanwhile: details
// closed after a printout, reopened.)
func (b *profBody) OnUpdate(ctx app.Context) {
	id := b.IProfile.ID
	if !app.IsClient || id == b.shown {
		return
	}
	b.shown = id
	ctx.Defer(func(app.Context) { b.JSValue().Set("open", b.IOpen[id]) })
}

func (b *profBody) Render() app.UI {
	p := *b.IProfile
	if b.shown == "" {
		b.shown = p.ID // as mounted (see OnUpdate)
	}
	var body []app.UI
	if b.IBuilt || b.opened || b.IOpen[p.ID] {
		body = profileBody(p)
	}
	// The summary names its profile for screen readers, which list the
	// page's summaries as 23 lines of "… models, with sources" otherwise.
	summary := elem("summary", "", textElem("span", "visually-hidden", p.Name+": "), app.Text(summaryText(p)))
	return details("prof-body", summary, elem("div", "prof-detail", body...)).
		On("toggle", b.onToggle)
}

// onToggle notes that the details are open or closed, and builds them
// when they are opened before the page has (see buildPause).
func (b *profBody) onToggle(ctx app.Context, e app.Event) {
	open := ctx.JSSrc().Get("open").Bool()
	if open {
		b.IOpen[b.IProfile.ID] = true
	} else {
		delete(b.IOpen, b.IProfile.ID)
	}
	if !open || b.opened || b.IBuilt {
		ctx.PreventUpdate()
		return
	}
	b.opened = true
}

// renderExport renders a profile's JSON with a download link.
func (c *profilesPage) renderExport(p pricing.Profile) app.UI {
	return elem("div", "prof-export",
		attrs(textElem("a", "button", "Download "+p.ID+".json"), "id", "prof-download",
			"href", jsonDataURL(c.exportText), "download", p.ID+".json"),
		attrs(textElem("label", "field-label", "The same JSON, to copy"), "for", "prof-export-json"),
		attrs(textElem("textarea", "prof-json", c.exportText), "id", "prof-export-json", "readonly", "true",
			"rows", "8", "spellcheck", "false"),
	).ID("prof-export")
}

// profileHead is a profile's header: name, platform, kind, currency,
// pricing page, the dates its numbers were read and, when some are older
// than pricing.StaleDays before today, a warning.
func profileHead(p pricing.Profile, today string) app.UI {
	kind := "credits"
	if p.Kind == pricing.KindAPI {
		kind = "pay as you go (API)"
	}
	var tag, link app.UI
	if p.Custom {
		tag = textElem("span", "tag", "custom")
	}
	meta := p.Platform + " · " + kind + " · " + string(p.Currency)
	if p.URL != "" {
		meta += " · "
		// Named for the profile: 23 links named "pricing page" (WCAG 2.4.9).
		link = linkElem(p.URL, "pricing page", p.Name+" pricing page")
	}
	var dates app.UI
	switch oldest, newest := profileDates(p); {
	case oldest == "":
		dates = textElem("p", "prof-dates", "Your own numbers: no sources.")
	default:
		t := "Numbers read " + oldest
		if newest != oldest {
			t += " to " + newest
		}
		t += "."
		// On the same line, so that a warning the visitor's date adds to
		// the prerendered page (dated by the catalog) moves nothing.
		var warn app.UI
		if isStale(oldest, today) {
			t += " "
			warn = textElem("strong", "prof-stale", "Prices change: some were read more than "+
				strconv.Itoa(pricing.StaleDays)+" days ago; check the sources.")
		}
		dates = elem("p", "prof-dates", app.Text(t), warn)
	}
	return elem("header", "prof-card-head",
		elem("h3", "", app.Text(p.Name), tag),
		elem("p", "prof-meta", app.Text(meta), link),
		dates,
	)
}

// profileBody is everything a profile says, each number with its source:
// the content of its collapsed section (profBody).
func profileBody(p pricing.Profile) []app.UI {
	unit := p.UnitName()
	units := func(d decimal.Decimal) string {
		if p.Kind == pricing.KindAPI {
			return pricing.FormatMoney(pricing.NewMoney(d, p.Currency))
		}
		return pricing.CountUnits(d, unit)
	}
	money := func(d decimal.NullDecimal) string {
		if !d.Valid {
			return "—"
		}
		return pricing.FormatMoney(pricing.NewMoney(d.Decimal, p.Currency))
	}
	unitHead := strings.TrimSuffix(sentence(unit), ".")
	var body []app.UI
	if len(p.Notes) > 0 {
		body = append(body, elem("ul", "prof-notes", textItems(p.Notes)...))
	}
	if len(p.Unknown) > 0 {
		body = append(body, textElem("p", "prof-unknown", unknownHint(p)))
	}
	if len(p.Plans) > 0 {
		rows := make([]tableRow, len(p.Plans))
		for i, pl := range p.Plans {
			yearly := money(pl.YearlyPerMonth)
			if pl.Yearly.Valid {
				yearly = money(pl.Yearly) + " a year"
			}
			extra := strings.TrimSpace(sentence(pl.Figure) + " " + pl.Notes) // which figure its price is, first
			if pl.MaxRes != "" {
				extra = strings.TrimSpace("Up to " + pl.MaxRes.Name() + ". " + extra)
			}
			if pl.Promo != nil {
				extra = strings.TrimSpace(promoWords(pl.Promo, p.Currency) + " " + extra)
			}
			notes := []app.UI{app.Text(extra)}
			if pl.Promo != nil && pl.Promo.Source != pl.Source {
				notes = []app.UI{app.Text(extra + " "), sourceElem(pl.Promo.Source)}
			}
			rows[i] = tableRow{"plan", pl.ID, [][]app.UI{texts(pl.Name), texts(money(pl.Monthly)), texts(yearly),
				texts(pricing.FormatNumber(pl.Credits)), notes, {sourceElem(pl.Source)}}}
		}
		body = append(body, profileTable("Plans", "Plan|Monthly|Billed yearly, a month|"+unitHead+" a month|Notes|Source", "_nnn", rows))
	}
	if len(p.Packs) > 0 {
		rows := make([]tableRow, len(p.Packs))
		for i, pk := range p.Packs {
			terms := []string{validityWords(pk, p.Platform)}
			if pk.RequiresPlan {
				terms = append(terms, "subscribers only")
			}
			if pk.Notes != "" {
				terms = append(terms, pk.Notes)
			}
			rows[i] = tableRow{"pack", pk.ID, [][]app.UI{texts(pk.Name),
				texts(pricing.FormatMoney(pricing.NewMoney(pk.Price, p.Currency))), texts(pricing.FormatNumber(pk.Credits)),
				texts(strings.Join(terms, "; ")), {sourceElem(pk.Source)}}}
		}
		body = append(body, profileTable("Top-up packs", "Pack|Price|"+unitHead+"|Terms|Source", "_nn", rows))
	}
	if f := p.Free; f != nil {
		text := pricing.FormatNumber(f.Credits) + " " + unit + periodWords(f.Period)
		if f.MaxRes != "" {
			text += ", up to " + f.MaxRes.Name()
		}
		if f.Notes != "" {
			text += ". " + f.Notes
		}
		body = append(body, textElem("h4", "", "Free tier"),
			elem("p", "prof-free", app.Text(text+" "), sourceElem(f.Source)))
	}
	rows := make([]tableRow, len(p.Models))
	for i, m := range p.Models {
		extra := []app.UI{}
		t := modelExtras(m, p.Custom, units)
		for _, a := range m.Addons {
			if a.Source != m.Source {
				extra = append(extra, app.Text(t+" "+a.Name+": "), sourceElem(a.Source))
				t = ""
			}
		}
		if t != "" || len(extra) == 0 {
			extra = append(extra, app.Text(t))
		}
		rows[i] = tableRow{"model", m.ID, [][]app.UI{texts(m.Name), texts(string(m.Tier)),
			texts(strings.TrimPrefix(durationHint(m, ""), "offered: ")),
			{elem("ul", "prof-rules", textItems(rateWords(m, units))...)}, extra, {sourceElem(m.Source)}}}
		if m.Figure != "" { // which figure the price is, under it
			rows[i].cells[3] = append(rows[i].cells[3], figureNote(m.Figure))
		}
	}
	return append(body, profileTable("Models", "Model|Tier|Clip lengths|Price by resolution|Also|Source", "", rows))
}

// texts is a cell of one text.
func texts(s string) []app.UI { return []app.UI{app.Text(s)} }

// textItems is a list item of text for each of ss.
func textItems(ss []string) []app.UI {
	items := make([]app.UI, len(ss))
	for i, s := range ss {
		items[i] = textElem("li", "", s)
	}
	return items
}

// tableRow is one row of a profile's table: the item it shows (its
// data-key attribute and id) and its cells (the first is the row's
// header).
type tableRow struct {
	key, id string
	cells   [][]app.UI
}

// profileTable is a titled table of a profile's items; cols are the
// headers separated by "|", and num marks with "n" the numeric columns.
func profileTable(title, cols, num string, rows []tableRow) app.UI {
	trs := make([]app.UI, len(rows))
	for i, r := range rows {
		cells := make([]app.UI, len(r.cells))
		cells[0] = elem("th", "", r.cells[0]...).Attr("scope", "row")
		for j := 1; j < len(r.cells); j++ {
			class := ""
			if j < len(num) && num[j] == 'n' {
				class = "num"
			}
			cells[j] = elem("td", class, r.cells[j]...)
		}
		trs[i] = attrs(elem("tr", "", cells...), "data-"+r.key, r.id)
	}
	return elem("div", "prof-part", textElem("h4", "", title),
		attrs(elem("div", "cmp-scroll",
			elem("table", "cmp-table prof-table", tableHead(cols, ""), elem("tbody", "", trs...)),
		), "role", "region", "tabindex", "0", "aria-label", title))
}

// tableHead is a table's head; cols are the headers separated by "|", and
// num marks with "n" the numeric columns. The planner uses it too.
//
//go:noinline
func tableHead(cols, num string) app.UI {
	var ths []app.UI
	for i, col := range strings.Split(cols, "|") {
		class := ""
		if i < len(num) && num[i] == 'n' {
			class = "num"
		}
		th := textElem("th", class, col).Attr("scope", "col")
		if col == "#" {
			th = th.Attr("aria-label", "Rank") // heard as "number sign"
		}
		ths = append(ths, th)
	}
	return elem("thead", "", elem("tr", "", ths...))
}

// sourceElem says where a number comes from: a link, the date read, the
// evidence, and the note.
func sourceElem(s pricing.Source) app.UI {
	if s == (pricing.Source{}) {
		return textElem("span", "prof-own", "your own number")
	}
	var note app.UI
	if s.Note != "" {
		note = textElem("small", "prof-note", s.Note)
	}
	return elem("span", "prof-source", linkElem(s.URL, "source", ""),
		app.Text(" · read "+s.Read+" · "+string(s.Evidence)), note)
}

// linkElem is a link to another site, opened in a new tab without telling
// it where the visitor came from. Only https links are made (a profile's
// URLs are checked so); anything else is shown as text.
func linkElem(href, text, name string) app.UI {
	if !strings.HasPrefix(href, "https://") {
		return app.Text(text)
	}
	a := attrs(textElem("a", "", text), "href", href, "target", "_blank", "rel", "noopener noreferrer")
	if name != "" {
		a = a.Attr("aria-label", name)
	}
	return a
}

// attrs sets the attributes kv (name, value, name, value…) of e: one call
// instead of one per attribute, for app.wasm's size (markup.go).
//
//go:noinline
func attrs(e app.HTMLElem, kv ...string) app.HTMLElem {
	for i := 0; i+1 < len(kv); i += 2 {
		e = e.Attr(kv[i], kv[i+1])
	}
	return e
}

// rateWords says a model's price at each resolution in words.
func rateWords(m pricing.Model, units func(decimal.Decimal) string) []string {
	if len(m.Rates) == 0 {
		return []string{"price not published"}
	}
	var out []string
	for _, r := range m.Rates {
		res := r.Res.Name()
		if r.Label != "" && !strings.EqualFold(r.Label, res) {
			res += " (" + r.Label + ")"
		}
		var w string
		switch {
		case r.PerSecond.Valid:
			w = units(r.PerSecond.Decimal) + " per second"
		case r.PerClip.Valid:
			w = units(r.PerClip.Decimal) + " per clip"
		case len(r.Buckets) > 0:
			parts := make([]string, len(r.Buckets))
			for i, b := range r.Buckets {
				parts[i] = strconv.Itoa(b.Seconds) + " s: " + units(b.Units)
			}
			w = strings.Join(parts, ", ")
		case r.Base != nil:
			w = units(r.Base.Units) + " for the first " + strconv.Itoa(r.Base.Seconds) + " s, then " +
				units(r.Base.PerExtraSecond) + " per extra second"
		case r.PerMegapixel.Valid:
			w = units(r.PerMegapixel.Decimal) + " per megapixel (" + strconv.Itoa(r.Width) + "×" +
				strconv.Itoa(r.Height) + " at " + strconv.Itoa(r.FPS) + " fps)"
		}
		if r.Durations != nil {
			mm := m
			mm.Durations = *r.Durations
			mm.Rates = nil
			w += " (" + durationHint(mm, "") + ")"
		}
		out = append(out, res+": "+w)
	}
	for _, x := range m.Multipliers {
		res := x.Res.Name()
		if x.Label != "" && !strings.EqualFold(x.Label, res) {
			res += " (" + x.Label + ")"
		}
		out = append(out, res+": "+pricing.FormatNumber(x.Factor)+" × the "+m.Rates[0].Res.Name()+" price")
	}
	return out
}

// modelExtras says the rest of a model's rule: audio, add-ons, minimum,
// rounding, plans. A model of a person's own profile (custom), which has
// no source, whose audio is not stated says their profile does not set it.
func modelExtras(m pricing.Model, custom bool, units func(decimal.Decimal) string) string {
	var parts []string
	switch m.Audio {
	case pricing.AudioNotStated:
		if custom {
			parts = append(parts, "native audio not set in your profile")
		} else {
			parts = append(parts, "native audio not stated by its source")
		}
	case pricing.AudioNone:
		parts = append(parts, "no native audio")
	case pricing.AudioIncluded:
		parts = append(parts, "native audio included")
	case pricing.AudioAddon:
		parts = append(parts, "native audio as an add-on")
	case pricing.AudioUnpriced:
		// Said once: the catalog's notes say it with the reason ("Sora
		// makes native audio, but whether this price includes it is not
		// stated, …"), and a tag before them said it again.
		if !strings.Contains(m.Notes, "native audio") {
			parts = append(parts, "native audio: its price is not published, so a shot with audio is not priced")
		}
	}
	for _, a := range m.Addons {
		w := a.Name + ": "
		switch {
		case a.PerClip.Valid:
			w += units(a.PerClip.Decimal) + " per clip"
		case a.PerSecond.Valid:
			w += units(a.PerSecond.Decimal) + " per second"
		case a.Block != nil:
			w += units(a.Block.Units) + " per started " + strconv.Itoa(a.Block.Seconds) + " s"
		case a.Factor.Valid:
			w += "× " + pricing.FormatNumber(a.Factor.Decimal)
		}
		parts = append(parts, w)
	}
	if m.MinCharge.Valid {
		parts = append(parts, "at least "+units(m.MinCharge.Decimal)+" a clip")
	}
	if m.RoundUp {
		parts = append(parts, "rounded up to whole units")
	}
	if len(m.Plans) > 0 {
		parts = append(parts, "plans: "+strings.Join(m.Plans, ", "))
	}
	if m.Notes != "" {
		parts = append(parts, m.Notes)
	}
	return strings.Join(parts, "; ")
}

// validityWords says how long a pack's credits last: "valid 365 days",
// "never expire", or "validity not stated by Kling" (it may expire; no
// one says when).
func validityWords(pk pricing.Pack, platform string) string {
	switch {
	case pk.ValidityNotStated:
		return "validity not stated by " + platform
	case pk.ValidDays > 0:
		return "valid " + pricing.CountInt(pk.ValidDays, "day", "days")
	}
	return "never expire"
}

// promoWords says a plan's first-month promotion.
func promoWords(pr *pricing.Promo, cur pricing.Currency) string {
	var parts []string
	if pr.BonusPercent.Valid {
		w := pricing.FormatNumber(pr.BonusPercent.Decimal) + "% more credits the first month"
		if pr.BonusCap.Valid {
			w += " (at most " + pricing.FormatNumber(pr.BonusCap.Decimal) + ")"
		}
		parts = append(parts, w)
	}
	if pr.IntroPrice.Valid {
		w := pricing.FormatMoney(pricing.NewMoney(pr.IntroPrice.Decimal, cur)) + " a month at first"
		if pr.IntroMonths > 0 {
			w += " for " + pricing.CountInt(pr.IntroMonths, "month", "months")
		}
		parts = append(parts, w)
	}
	return "Promotion: " + strings.Join(parts, ", ") + "."
}

// summaryText is the line that opens a profile's details.
func summaryText(p pricing.Profile) string {
	n := func(k int, one, many string) string {
		if k == 1 {
			return "1 " + one
		}
		return strconv.Itoa(k) + " " + many
	}
	parts := []string{}
	if len(p.Plans) > 0 {
		parts = append(parts, n(len(p.Plans), "plan", "plans"))
	}
	if len(p.Packs) > 0 {
		parts = append(parts, n(len(p.Packs), "pack", "packs"))
	}
	if p.Free != nil {
		parts = append(parts, "a free tier")
	}
	parts = append(parts, n(len(p.Models), "model", "models"))
	return strings.Join(parts, ", ") + ", with sources"
}

// profileDates returns the oldest and newest dates the profile's numbers
// were read.
func profileDates(p pricing.Profile) (oldest, newest string) {
	for _, s := range p.Sources() {
		if s.Read == "" {
			continue
		}
		if oldest == "" || s.Read < oldest {
			oldest = s.Read
		}
		newest = max(newest, s.Read)
	}
	return oldest, newest
}

// isStale reports whether the date read is more than pricing.StaleDays
// before today (both YYYY-MM-DD).
func isStale(read, today string) bool {
	r, err1 := time.Parse(time.DateOnly, read)
	t, err2 := time.Parse(time.DateOnly, today)
	return err1 == nil && err2 == nil && t.Sub(r) > pricing.StaleDays*24*time.Hour
}

// jsonDataURL is a data: URL of a JSON file, for an <a download>.
func jsonDataURL(text string) string {
	return "data:application/json;charset=utf-8," + url.PathEscape(text)
}

// load reads the custom profiles from the browser.
func (c *profilesPage) load() {
	c.custom, c.bad = nil, nil
	s := deviceStore()
	c.unread = s == nil
	if s == nil {
		return
	}
	var err error
	c.custom, c.bad, err = loadCustom(s)
	if err != nil {
		c.alert = profileMessage(err)
	}
}

// filter hides the profiles the search does not match.
func (c *profilesPage) filter() {
	c.hidden = map[string]bool{}
	c.shown = 0
	q := strings.ToLower(strings.TrimSpace(c.q))
	for _, ps := range [][]pricing.Profile{c.custom, c.catalog} {
		for _, p := range ps {
			if q == "" || profileMatches(p, q) {
				c.shown++
			} else {
				c.hidden[p.ID] = true
			}
		}
	}
}

// profileMatches reports whether a profile's name, platform, id or one of
// its models' names or ids holds q (lower case).
func profileMatches(p pricing.Profile, q string) bool {
	for _, s := range []string{p.Name, p.Platform, p.ID} {
		if strings.Contains(strings.ToLower(s), q) {
			return true
		}
	}
	for _, m := range p.Models {
		if strings.Contains(strings.ToLower(m.Name), q) || strings.Contains(strings.ToLower(m.ID), q) {
			return true
		}
	}
	return false
}

// countText says how many profiles the search shows.
func (c *profilesPage) countText() string {
	total := len(c.custom) + len(c.catalog)
	if c.shown == total {
		return strconv.Itoa(total) + " profiles"
	}
	return strconv.Itoa(c.shown) + " of " + strconv.Itoa(total) + " profiles match"
}

// find returns the profile id, custom ones first.
func (c *profilesPage) find(id string) (pricing.Profile, bool) {
	if p, ok := pricing.FindProfile(c.custom, id); ok {
		return p, true
	}
	return pricing.FindProfile(c.catalog, id)
}

// taken reports whether a profile id is used, bundled or custom.
func (c *profilesPage) taken(id string) bool {
	_, ok := c.find(id)
	return ok
}

// nameApart gives a copy of a profile (a clone, an import under a new id)
// a name of its own among the person's profiles: "My Runway (2)" beside
// "My Runway" (a bundled one's name is told apart by the "custom" mark).
// A profile imported from its own export was listed twice as "My Runway
// (custom)", on every page. A platform that is a bundled profile's is the
// vendor's, and stays, as Rename keeps one that is not the name.
func (c *profilesPage) nameApart(p pricing.Profile) pricing.Profile {
	platform := p.Platform
	p = cliplog.Rename(p, cliplog.FreeName(p.Name, func(name string) bool {
		return slices.ContainsFunc(c.custom, func(q pricing.Profile) bool { return q.Name == name })
	}))
	if slices.ContainsFunc(c.catalog, func(q pricing.Profile) bool { return q.Platform == platform }) {
		p.Platform = platform
	}
	return p
}

// onSearch filters as the person types and keeps the link current.
func (c *profilesPage) onSearch(ctx app.Context, e app.Event) {
	in := e.Get("target")
	if !in.Truthy() || in.Get("id").String() != "f-q" {
		return
	}
	c.q = in.Get("value").String()
	c.seen = c.q
	c.filter()
	v := url.Values{}
	if strings.TrimSpace(c.q) != "" {
		v.Set("q", c.q)
	}
	replaceLink(ctx, v, profilesKeys)
}

// onAction runs the action of the button clicked (its data-action), on
// the profile or record its data-id names: one handler, on <main>, for
// every such button of the page.
func (c *profilesPage) onAction(ctx app.Context, e app.Event) {
	defer c.keepEditor()
	b := e.Get("target")
	if b.Truthy() {
		b = b.Call("closest", "[data-action]")
	}
	if !b.Truthy() {
		return
	}
	id, action := attrText(b, "data-id"), attrText(b, "data-action")
	if action != "paste" {
		c.importBad = ""
	}
	// Cancel gives the focus back to the button that opened the editor.
	switch action {
	case "clone", "edit":
		c.opener = `#prof-` + id + `:not([hidden]) button[data-action="` + action + `"]`
	case "new":
		c.opener = "#prof-new"
	}
	switch action {
	case "clone":
		if p, ok := c.find(id); ok {
			c.open(ctx, c.nameApart(cloneProfile(p, c.taken)), "")
		}
	case "edit":
		if p, ok := pricing.FindProfile(c.custom, id); ok {
			c.open(ctx, p, id)
		}
	case "new":
		c.open(ctx, blankProfile(c.taken), "")
		if c.ed != nil {
			c.ed.follow = true
		}
	case "export":
		c.export(id)
	case "delete":
		c.delete(id)
		// The focus goes to Undo, which the status offers above the lists:
		// on the heading below it, a keyboard went back past the card's
		// place to reach it. Without Undo (a failure), to the list's heading.
		focusAfterRender(c.page, "#prof-undo", "#prof-all-title")
	case "discard":
		c.discard(id)
	case "undo":
		// The focus goes to the restored profile's Edit, the status saying
		// "Restored …" as a live region: on the status, which changed
		// under it, a keyboard was on no control and a screen reader
		// might read the change twice or not at all. Refused, it stays
		// on Undo; hidden by a search, it goes to the list's heading.
		if c.undo != nil {
			focusAfterRender(c.page, editButton(c.undo.ID), "#prof-undo", "#prof-all-title")
		}
		c.restore()
	case "paste":
		// Imported, the text goes: a second press imported it again, as
		// another copy ("… (2)").
		t := app.Window().GetElementByID("f-import")
		if !t.Truthy() {
			break
		}
		if c.importData([]byte(t.Get("value").String())) {
			t.Set("value", "")
			break
		}
		// Refused, the focus goes to the text to fix, which is marked
		// invalid and described by the reason: pressed again with the
		// same mistake, the alert, unchanged, said nothing.
		c.importBad = "f-import"
		focusAfterRender(c.page, "#f-import")
	}
}

// editButton is the selector of the Edit button of one's own profile id,
// where the list shows it.
func editButton(id string) string {
	return `#prof-` + id + `:not([hidden]) button[data-action="edit"]`
}

// attrText is an element's attribute, "" when it has none.
func attrText(v app.Value, name string) string {
	a := v.Call("getAttribute", name)
	if a.IsNull() || a.IsUndefined() {
		return ""
	}
	return a.String()
}

// open starts editing p, stored under origID ("" for a new profile), and
// moves the focus to the editor.
func (c *profilesPage) open(ctx app.Context, p pricing.Profile, origID string) {
	ed, err := newProfileEditor(p, origID)
	if err != nil {
		c.alert = profileMessage(err)
		return
	}
	c.ed, c.alert, c.status, c.undo = ed, "", "", nil
	ctx.Defer(func(app.Context) {
		if !app.IsClient {
			return
		}
		if h := app.Window().GetElementByID("prof-editor-title"); h.Truthy() {
			h.Call("scrollIntoView")
			h.Call("focus")
		}
	})
}

// export shows a profile's JSON with a download link, or hides it.
func (c *profilesPage) export(id string) {
	p, ok := c.find(id)
	if !ok || c.exportID == id {
		c.exportID, c.exportText = "", ""
		return
	}
	c.exportID, c.exportText = id, exportProfile(p)
}

// delete deletes a custom profile, with undo.
func (c *profilesPage) delete(id string) {
	p, ok := pricing.FindProfile(c.custom, id)
	if !ok {
		return
	}
	plan, err := deleteCustom(deviceStore(), id)
	if err != nil {
		c.alert = profileMessage(err)
		return
	}
	if c.ed != nil && c.ed.origID == id {
		c.ed = nil
	}
	renameProfileLinks(id, "")
	c.undo, c.undoPlan, c.alert = &p, plan, ""
	c.status = "Deleted “" + p.Name + "”."
	c.reload()
}

// restore saves the profile deleted last again.
func (c *profilesPage) restore() {
	if c.undo == nil {
		return
	}
	p, s := *c.undo, deviceStore()
	if err := saveCustom(s, p, ""); err != nil {
		c.alert = profileMessage(err)
		return
	}
	if c.undoPlan != "" {
		if err := s.Set(cliplog.PlanKey(p.ID), c.undoPlan); err != nil {
			c.alert = profileMessage(cliplog.StoreError(err))
			return
		}
	}
	c.undo, c.alert = nil, ""
	c.status = "Restored “" + p.Name + "”."
	c.reload()
}

// discard deletes a stored record that could not be read.
func (c *profilesPage) discard(key string) {
	s := deviceStore()
	if s == nil {
		return
	}
	if err := s.Del(key); err != nil {
		c.alert = profileMessage(err)
		return
	}
	c.status = "Discarded the record “" + key + "”."
	i := 0 // a loop: slices.IndexFunc's instantiation costs app.wasm
	for i < len(c.bad) && c.bad[i].Key != key {
		i++
	}
	c.reload()
	// The button is gone (it fell to <body>): the focus goes to the
	// Discard of the record that takes its place, else the one before
	// (by place: a key may hold any character), else (none left: no
	// nth-of-type(0)) the heading of the section that held them. On the
	// status, a screen reader heard "status" and no control to go on from.
	focusAfterRender(c.page, "#prof-bad > div:nth-of-type("+strconv.Itoa(min(i, len(c.bad)-1)+1)+") button", "#prof-mine-title")
}

// onFile imports the file chosen in the import's file input (changes
// reach it on <main>): its size is checked before it is read.
func (c *profilesPage) onFile(ctx app.Context, e app.Event) {
	in := e.Get("target")
	if !in.Truthy() || in.Get("id").String() != "f-import-file" {
		return
	}
	files := in.Get("files")
	if !files.Truthy() || files.Length() == 0 {
		return
	}
	f := files.Index(0)
	c.importBad = "f-import-file"
	if f.Get("size").Float() > pricing.ProfileMaxBytes {
		c.alert = "Import refused: " + profileMessage(errTooBig)
		in.Set("value", "")
		return
	}
	await(ctx, f.Call("text"), func(_ app.Context, text app.Value, ok bool) {
		if !ok {
			c.alert = "The file could not be read; nothing was imported."
			return
		}
		if c.importData([]byte(text.String())) {
			c.importBad = ""
		}
	})
	in.Set("value", "")
}

// importData checks and saves an imported profile, and reports whether
// it did. A profile whose id is taken gets a free one. Nothing is written
// unless the whole profile is good.
func (c *profilesPage) importData(data []byte) bool {
	c.status, c.undo = "", nil
	p, err := importProfile(data)
	if err != nil {
		c.alert = "Import refused: " + profileMessage(err) + " Nothing was saved or changed."
		return false
	}
	// A profile of one's own that is this one, but for its id and its
	// name's number, is not copied: a bundled profile's export imported
	// twice made "Higgsfield (2)", on the platform "Higgsfield (2)".
	for _, q := range c.custom {
		if cliplog.SameBut(q, p) {
			c.alert = ""
			c.status = "“" + q.Name + "” (" + q.ID + ") is already on this device, the same in every figure: nothing was imported. To change it, press its Edit."
			return true
		}
	}
	id := p.ID
	if c.taken(p.ID) {
		p.ID = uniqueID(strings.TrimSuffix(p.ID, "-custom")+"-custom", c.taken)
		p = c.nameApart(p)
	}
	if err := saveCustom(deviceStore(), p, ""); err != nil {
		c.alert = "Import failed: " + profileMessage(err)
		return false
	}
	c.alert = ""
	c.status = "Imported “" + p.Name + "”"
	if p.ID != id {
		c.status += " as “" + p.ID + "” (“" + id + "” is taken)"
	}
	c.status += ". It is in the calculator, compare and the planner now, marked custom."
	c.reload()
	return true
}

// reload reads the custom profiles again and re-applies the search. An
// export shown is of the profile as it is now: it kept the JSON of the
// click, and a price corrected meanwhile was downloaded as it was before.
func (c *profilesPage) reload() {
	c.load()
	c.filter()
	if id := c.exportID; id != "" {
		c.exportID = ""
		c.export(id)
	}
}

// editorDraftKey keeps the profile being edited, as it was left, in the
// tab's own storage (tabStore): a reload, or a visit to another page and
// back, closed the editor and lost every field typed into it.
const editorDraftKey = "aivc.draft.v1.profile"

// editorDraft is what editorDraftKey holds.
type editorDraft struct {
	Orig   string            `json:"orig,omitempty"`
	Follow bool              `json:"follow,omitempty"`
	Tree   map[string]any    `json:"tree"`
	Texts  map[string]string `json:"texts,omitempty"`
}

// keepEditor stores the editor as it is, or forgets it once closed.
func (c *profilesPage) keepEditor() {
	t := tabStore()
	if t == nil {
		return
	}
	ed := c.ed
	if ed == nil {
		_ = t.Del(editorDraftKey)
		return
	}
	if data, err := json.Marshal(editorDraft{ed.origID, ed.follow, ed.tree, ed.texts}); err == nil {
		_ = t.Set(editorDraftKey, string(data)) // a draft not kept costs only itself
	}
}

// restoreEditor opens the editor keepEditor stored, and says so. An edit
// of a profile deleted since (in another tab) is dropped.
func (c *profilesPage) restoreEditor() {
	t := tabStore()
	if t == nil {
		return
	}
	v, ok, err := t.Get(editorDraftKey)
	if !ok || err != nil {
		return
	}
	dec := json.NewDecoder(strings.NewReader(v))
	dec.UseNumber() // as jsonTree reads a profile: amounts stay exact
	var d editorDraft
	if dec.Decode(&d) != nil || d.Tree == nil {
		_ = t.Del(editorDraftKey)
		return
	}
	if _, ok := pricing.FindProfile(c.custom, d.Orig); d.Orig != "" && !ok {
		_ = t.Del(editorDraftKey)
		return
	}
	ed := &profileEditor{origID: d.Orig, follow: d.Follow, tree: d.Tree, texts: map[string]string{}, bad: map[string]string{}}
	for _, f := range ed.fields() { // what was typed, with its messages
		if text, ok := d.Texts[f.Path]; ok {
			ed.set(f, text)
		}
	}
	ed.check()
	c.ed = ed
	c.status = "Your unsaved edit of “" + str(d.Tree["name"]) + "” is back, as you left it."
}

// profileEditor edits one custom profile as the JSON of the catalog's
// schema (a tree of maps and lists), so that every edit is checked by
// pricing.DecodeProfile exactly as the catalog is, and a broken rule's
// path ("plans[0].monthly") is the name of the field to show it beside.
type profileEditor struct {
	origID  string            // the id it is stored under; "" for a new profile
	follow  bool              // a blank profile: its id and platform follow its name (followName)
	tree    map[string]any    // the profile's JSON
	texts   map[string]string // what was typed, by path: shown as typed
	bad     map[string]string // the message of a typed value that cannot be read, by path
	errs    map[string]string // every message shown beside a field, by path
	general string
}

// editField is one input of the editor.
type editField struct {
	Path    string
	Label   string
	Kind    string // "text", "amount", "optional" (an amount that may be empty), "select", "durations", "buckets"
	Choices []choice
	Hint    string
	Money   bool // an amount of the profile's currency: a mark must be its ("€20" is no USD price)
	// Monthly marks a plan's figure a month: "$30/month" and "3,000
	// credits a month", as a pricing page writes them, are read; "a year"
	// is refused (pricing.ParseInPer).
	Monthly bool
	// After is the unit shown after the input ("credits per second"),
	// where the label is short ("Audio"); a screen reader hears it with
	// the label.
	After string
}

// Choices of the editor's pickers.
var (
	kindChoices = []choice{{Value: "credits", Label: "Credits (plans and packs)"}, {Value: "api", Label: "Pay as you go (API)"}}
	ruleChoices = []choice{
		{Value: "per_second", Label: "Per second"}, {Value: "per_clip", Label: "Per clip"},
		{Value: "buckets", Label: "Per clip length"},
	}
	editTierChoices = tierChoices[1:]
	editResChoices  = func() []choice {
		out := make([]choice, len(pricing.Resolutions))
		for i, r := range pricing.Resolutions {
			out[i] = choice{Value: string(r), Label: r.Name()}
		}
		return out
	}()
	ruleKeys = []string{"per_second", "per_clip", "buckets", "base", "per_megapixel", "width", "height", "fps"}
)

// newProfileEditor starts editing p.
func newProfileEditor(p pricing.Profile, origID string) (*profileEditor, error) {
	p.Custom = true
	data, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	tree := jsonTree(string(data))
	if tree == nil {
		return nil, errors.New("the profile could not be read")
	}
	ed := &profileEditor{origID: origID, tree: tree, texts: map[string]string{}, bad: map[string]string{}}
	ed.check()
	return ed, nil
}

// Fields of the editor, by what they belong to: the key (a path below the
// item), the label ({cur} is the currency, {unit} the credit's name), the
// kind and a hint.
var (
	profileSpecs = []editField{
		{Path: "name", Label: "Name", Kind: "text"},
		{Path: "id", Label: "Id", Kind: "text", Hint: "lower-case letters, digits and hyphens; used in links"},
		{Path: "platform", Label: "Platform", Kind: "text"},
		{Path: "kind", Label: "Kind", Kind: "select"},
		{Path: "currency", Label: "Currency", Kind: "text", Hint: "three letters: USD, EUR, GBP"},
		{Path: "url", Label: "Pricing page", Kind: "text", Hint: "optional, https://…"},
	}
	planSpecs = []editField{
		{Path: "name", Label: "Plan name", Kind: "text"},
		{Path: "monthly", Label: "Monthly price ({cur})", Kind: "optional", Money: true, Monthly: true},
		{Path: "yearly_per_month", Label: "A month, billed yearly ({cur})", Kind: "optional", Money: true, Monthly: true},
		{Path: "credits", Label: "Credits a month", Kind: "amount", Monthly: true},
	}
	packSpecs = []editField{
		{Path: "name", Label: "Pack name", Kind: "text"},
		{Path: "price", Label: "Price ({cur})", Kind: "amount", Money: true},
		{Path: "credits", Label: "Credits", Kind: "amount"},
		{Path: "validity", Label: "Credits last", Kind: "select"},
	}
	modelSpecs = []editField{
		{Path: "name", Label: "Model name", Kind: "text"},
		{Path: "tier", Label: "Tier", Kind: "select"},
		{Path: "durations", Label: "Clip lengths (s)", Kind: "durations", Hint: "like 5, 10 or a range like 2-10"},
		{Path: "audio", Label: "Native audio", Kind: "select", Hint: "not set or price not known: a shot with audio is not priced on it"},
	}
	// audioSpecs are the price of a model's audio, an add-on of kind audio
	// priced per second or per clip (audioChoices), below its Native audio.
	audioSpecs = []editField{
		{Path: "per_second", Label: "Audio", After: "{units} per second", Kind: "amount"},
		{Path: "per_clip", Label: "Audio", After: "{units} per clip", Kind: "amount"},
	}
	rateSpecs = []editField{
		{Path: "res", Label: "Resolution", Kind: "select"},
		{Path: "rule", Label: "Priced", Kind: "select"},
		{Path: "per_second", Label: "{unit} per second", Kind: "amount"},
		{Path: "per_clip", Label: "{unit} per clip", Kind: "amount"},
		{Path: "buckets", Label: "{unit} by clip length", Kind: "buckets", Hint: "seconds: price, like 5: 50, 10: 100"},
	}
)

// fields lists the editor's inputs for the profile as it is now.
func (ed *profileEditor) fields() []editField {
	cur := str(ed.tree["currency"])
	unit, units := "Credits", "credits" // in a label, and after an input
	api := str(ed.tree["kind"]) == string(pricing.KindAPI)
	if api {
		unit, units = cur, cur
	} else if u := str(ed.tree["unit"]); u != "" {
		unit, units = strings.TrimSuffix(sentence(u), "."), u
	}
	var fs []editField
	add := func(prefix string, specs []editField) {
		for _, f := range specs {
			f.Label = strings.ReplaceAll(strings.ReplaceAll(f.Label, "{cur}", cur), "{unit}", unit)
			f.After = strings.ReplaceAll(f.After, "{units}", units)
			switch f.Path {
			case "kind":
				f.Choices = kindChoices
			case "tier":
				f.Choices = editTierChoices
			case "res":
				f.Choices = editResChoices
			case "rule":
				f.Choices = ruleChoices
			case "validity":
				f.Choices = validityChoices(ed.node(strings.TrimSuffix(prefix, ".")))
			case "audio":
				f.Choices = audioChoices(ed.node(strings.TrimSuffix(prefix, ".")))
			case "per_second", "per_clip", "buckets":
				f.Money = api // an API's units are money
			}
			f.Path = prefix + f.Path
			fs = append(fs, f)
		}
	}
	add("", profileSpecs)
	for i := range list(ed.tree["plans"]) {
		add("plans["+strconv.Itoa(i)+"].", planSpecs)
	}
	for i := range list(ed.tree["packs"]) {
		add("packs["+strconv.Itoa(i)+"].", packSpecs)
	}
	for i, m := range list(ed.tree["models"]) {
		mp := "models[" + strconv.Itoa(i) + "]"
		add(mp+".", modelSpecs)
		if k, rule := audioAddon(obj(m)); k >= 0 {
			for _, f := range audioSpecs {
				if f.Path == rule {
					add(mp+".addons["+strconv.Itoa(k)+"].", []editField{f})
				}
			}
		}
		for j, r := range list(obj(m)["rates"]) {
			rp := mp + ".rates[" + strconv.Itoa(j) + "]."
			add(rp, rateSpecs[:2])
			for k, key := range []string{"per_second", "per_clip", "buckets"} {
				if rateRule(obj(r)) == key {
					add(rp, rateSpecs[2+k:3+k])
				}
			}
		}
	}
	return fs
}

// render returns the editor's form: the profile's fields, then each plan,
// pack, model and rate in its own fieldset, with buttons to add and
// remove them.
func (ed *profileEditor) render(c *profilesPage) app.UI {
	fs := ed.fields()
	group := func(path, legend string, index int) app.UI {
		// A field of a plan, pack, model or rate is heard with its group
		// ("Resolution, Ray2, rate 2"), as /plan's row fields are: every
		// rate has a Resolution and a Priced, and a screen reader's list
		// of the form's fields, or one moving by Tab, may leave out the
		// legend.
		var inputs []app.UI
		for _, f := range fs {
			// A model's audio price (audioSpecs) is in the model's group.
			if g := groupOf(f.Path); g != path && listOf(g) != path+".addons" {
				continue
			}
			heard := ""
			if index >= 0 {
				heard = f.Label + ", " + legend
				if f.After != "" { // "Audio in credits per second, Model 2: Gen-4 Turbo"
					heard = f.Label + " in " + f.After + ", " + legend
				}
			}
			if f.Kind == "select" {
				inputs = append(inputs, picker{Name: f.Path, Label: f.Label, Value: ed.text(f), Hint: f.Hint,
					Error: ed.errs[f.Path], Choices: f.Choices, Heard: heard, OnChange: c.onEdField}.render())
				continue
			}
			mode := "decimal"
			if f.Kind == "text" || f.Kind == "buckets" {
				mode = "text"
			}
			inputs = append(inputs, field{Name: f.Path, Label: f.Label, Value: ed.text(f), Hint: f.Hint, Unit: f.After,
				Error: ed.errs[f.Path], Mode: mode, Heard: heard, OnInput: c.onEdField}.render())
		}
		if rule := rateRule(ed.node(path)); strings.Contains(path, ".rates[") && rule != "per_second" &&
			rule != "per_clip" && rule != "buckets" {
			inputs = append(inputs, textElem("p", "field-hint", "Priced by "+strings.ReplaceAll(rule, "_", " ")+
				": kept as it is (pick another way to change it)."))
		}
		var remove app.UI
		if index >= 0 {
			b := listButton(listOf(path), index, "Remove", c.onEdList).Attr("aria-label", "Remove: "+legend)
			// A model's only resolution stays: without one, the pages said
			// the person's own model's prices were "not published".
			if parent, key, ok := treeAt(ed.tree, listOf(path)); ok && key == "rates" && len(list(parent[key])) == 1 {
				b = b.Attr("disabled", true).Attr("title", "A model needs a resolution: remove the model instead")
			}
			remove = b
		}
		return elem("fieldset", "ed-item", textElem("legend", "", legend), elem("div", "ed-grid", inputs...), remove)
	}
	named := func(kind string, i int, item any) string {
		return kind + " " + strconv.Itoa(i+1) + ": " + str(obj(item)["name"])
	}
	body := []app.UI{
		textElem("p", "field-msg", ed.general).ID("prof-editor-msg").Attr("role", "alert").Attr("tabindex", "-1"),
		group("", "Profile", -1),
		textElem("h3", "", "Plans"),
	}
	for i, pl := range list(ed.tree["plans"]) {
		body = append(body, group("plans["+strconv.Itoa(i)+"]", named("Plan", i, pl), i))
	}
	body = append(body, listButton("plans", -1, "Add a plan", c.onEdList), textElem("h3", "", "Top-up packs"))
	for i, pk := range list(ed.tree["packs"]) {
		body = append(body, group("packs["+strconv.Itoa(i)+"]", named("Pack", i, pk), i))
	}
	body = append(body, listButton("packs", -1, "Add a pack", c.onEdList), textElem("h3", "", "Models"))
	models := list(ed.tree["models"])
	for i, m := range models {
		word := modelWord(models, i)
		mp := "models[" + strconv.Itoa(i) + "]"
		body = append(body, group(mp, named("Model", i, m), i))
		for j := range list(obj(m)["rates"]) {
			body = append(body, group(mp+".rates["+strconv.Itoa(j)+"]", word+", rate "+strconv.Itoa(j+1), j))
		}
		add := listButton(mp+".rates", -1, "Add a resolution to "+word, c.onEdList)
		if _, ok := nextRes(obj(m)); !ok {
			add = add.Attr("disabled", true).Attr("title", "Every resolution has a rate")
		}
		body = append(body, add)
	}
	title := "Edit your profile"
	if ed.origID == "" {
		title = "Your new profile"
	}
	body = append(body, listButton("models", -1, "Add a model", c.onEdList),
		textElem("p", "field-hint", "Promotions, free credits, add-ons other than audio, resolution multipliers and notes are kept "+
			"as they are; export the profile to change them in its JSON. A number you change here loses the "+
			"bundled source it came with: it is your own."),
		elem("div", "prof-actions",
			textElem("button", "", "Save profile").ID("prof-save").Attr("type", "submit"),
			button("prof-cancel", "secondary", "Cancel", c.onEdCancel)),
	)
	return elem("section", "prof-editor",
		textElem("h2", "", title).ID("prof-editor-title").Attr("tabindex", "-1"),
		elem("form", "", body...).ID("prof-editor-form").Attr("aria-labelledby", "prof-editor-title").On("submit", c.onEdSave),
	).ID("prof-editor").Attr("aria-labelledby", "prof-editor-title")
}

// modelWord names models[i] for the legends of its rates and its button
// ("Gen-4 Turbo, rate 2"), so that a screen reader's user tabbing through
// hears which model a rate is of: "Model 7, rate 2" said only where it
// was in the list. A model without a name is named by its place, "Model
// 7", and one whose name another model has too by both: "Model 7:
// Gen-4".
func modelWord(models []any, i int) string {
	name := str(obj(models[i])["name"])
	place := "Model " + strconv.Itoa(i+1)
	if name == "" {
		return place
	}
	for j, m := range models {
		if j != i && strings.EqualFold(str(obj(m)["name"]), name) {
			return place + ": " + name
		}
	}
	return name
}

// listButton is a button that adds an item to a list of the profile's
// JSON (index -1) or removes item index.
//
//go:noinline
func listButton(list string, index int, text string, h app.EventHandler) app.HTMLElem {
	return textElem("button", "secondary", text).Attr("type", "button").Attr("data-list", list).
		Attr("data-index", strconv.Itoa(index)).On("click", h)
}

// groupOf is the item a field's path belongs to: "models[0].rates[1]" for
// "models[0].rates[1].res", "" for a field of the profile itself.
func groupOf(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[:i]
	}
	return ""
}

// listOf is the list an item's path is in: "models[0].rates" for
// "models[0].rates[1]".
func listOf(path string) string {
	if i := strings.LastIndexByte(path, '['); i >= 0 {
		return path[:i]
	}
	return path
}

// node is the object at path in the tree ("" is the profile).
func (ed *profileEditor) node(path string) map[string]any {
	if path == "" {
		return ed.tree
	}
	m, _ := treeWalk(ed.tree, strings.Split(path, "."))
	return m
}

// text is what the input of f shows: as typed, or the profile's value.
func (ed *profileEditor) text(f editField) string {
	if t, ok := ed.texts[f.Path]; ok {
		return t
	}
	parent, key, ok := treeAt(ed.tree, f.Path)
	if !ok {
		return ""
	}
	v := parent[key]
	switch f.Kind {
	case "durations":
		d := obj(v)
		if l := list(d["list"]); len(l) > 0 {
			parts := make([]string, len(l))
			for i, n := range l {
				parts[i] = str(n)
			}
			return strings.Join(parts, ", ")
		}
		if d["min"] != nil || d["max"] != nil {
			return str(d["min"]) + "-" + str(d["max"])
		}
		return ""
	case "buckets":
		l := list(v)
		parts := make([]string, len(l))
		for i, b := range l {
			parts[i] = str(obj(b)["seconds"]) + ": " + str(obj(b)["units"])
		}
		return strings.Join(parts, ", ")
	}
	switch key {
	case "rule":
		return rateRule(parent)
	case "validity":
		return packValidity(parent)
	case "audio":
		return modelAudio(parent)
	}
	return str(v)
}

// onEdField applies what is typed or picked in an editor field, named
// by its path.
func (c *profilesPage) onEdField(ctx app.Context, e app.Event) {
	defer c.keepEditor()
	if c.ed == nil {
		return
	}
	path := ctx.JSSrc().Get("name").String()
	for _, f := range c.ed.fields() {
		if f.Path == path {
			c.edit(f, ctx.JSSrc().Get("value").String())
			return
		}
	}
}

// edit applies text to the editor's field f. A new profile's name
// carries its id and platform along (followName).
func (c *profilesPage) edit(f editField, text string) {
	c.ed.set(f, text)
	if f.Path == "name" {
		c.ed.followName(c.taken)
	}
}

// followName keeps a blank profile's id and platform made from its name
// while the person has not typed them: a blank profile named "Acme
// Video" was saved as "my-platform", on a platform called "My platform",
// which /compare showed on its rows. A saved profile keeps its id (links
// name it), and a clone its "-custom" id and its platform.
func (ed *profileEditor) followName(taken func(string) bool) {
	if !ed.follow {
		return
	}
	name := str(ed.tree["name"])
	if _, typed := ed.texts["platform"]; !typed {
		ed.tree["platform"] = name
	}
	if _, typed := ed.texts["id"]; !typed {
		ed.tree["id"] = uniqueID(cmp.Or(idFromName(name), blankID), taken)
	}
	ed.check()
}

// idFromName makes an id of a name: "Acme Video 2.0" is "acme-video-2-0";
// "" when the name has no letter or digit of a-z, 0-9.
func idFromName(name string) string {
	var b []byte
	for _, c := range []byte(strings.ToLower(name)) {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			b = append(b, c)
		case len(b) > 0 && b[len(b)-1] != '-':
			b = append(b, '-')
		}
	}
	return strings.TrimRight(string(b[:min(len(b), pricing.ProfileMaxID)]), "-")
}

// set applies text to the field f: a value that cannot be read keeps its
// message beside the field, and the profile keeps its last good value.
func (ed *profileEditor) set(f editField, text string) {
	parent, key, ok := treeAt(ed.tree, f.Path)
	if !ok {
		return
	}
	ed.texts[f.Path] = text
	delete(ed.bad, f.Path)
	t := strings.TrimSpace(text)
	var err error
	switch f.Kind {
	case "text", "select":
		if key == "rule" {
			setRule(parent, t)
			for _, k := range ruleKeys {
				delete(ed.texts, groupOf(f.Path)+"."+k)
				delete(ed.bad, groupOf(f.Path)+"."+k)
			}
			break
		}
		if key == "validity" {
			setValidity(parent, t)
			break
		}
		if key == "audio" {
			setAudio(parent, t)
			for p := range ed.texts { // the audio price typed goes with it
				if strings.HasPrefix(p, groupOf(f.Path)+".addons[") {
					delete(ed.texts, p)
					delete(ed.bad, p)
				}
			}
			break
		}
		parent[key] = t
	case "amount", "optional":
		if t == "" && f.Kind == "optional" {
			parent[key] = nil
			break
		}
		var d decimal.Decimal
		per := pricing.NoPeriod
		if f.Monthly {
			per = pricing.PerMonth
		}
		if d, err = parseUnits(f.Label, t, f.Money, ed.currency(), per); err == nil {
			parent[key] = pricing.Exact(d)
		}
	case "durations", "buckets":
		// Refused, the profile keeps its last good value: set to nil, a
		// half-typed "5: 10, 10" cleared the rate's rule, and the form said
		// "rate 1 needs a rule: per_second, buckets, …" above it.
		var v any
		if f.Kind == "durations" {
			v, err = parseDurations(f.Label, t)
		} else {
			v, err = parseBuckets(f.Label, t, f.Money, ed.currency())
		}
		if err == nil {
			parent[key] = v
		}
	}
	if f.Kind != "text" && f.Kind != "select" || key == "res" || key == "rule" || key == "validity" || key == "audio" {
		ed.ownNumber(f.Path)
	}
	if err != nil {
		// "5 s" in LTX Studio's credits: "in computing seconds, not seconds
		// of video", not "in credits, not seconds".
		ed.bad[f.Path] = errorMessage(pricing.NameCredits(err, str(ed.tree["unit"])))
	}
	ed.check()
	if f.Path == "currency" || f.Path == "kind" {
		ed.recheckMoney()
	}
}

// currency is the profile's currency as it is now.
func (ed *profileEditor) currency() pricing.Currency {
	return pricing.Currency(str(ed.tree["currency"]))
}

// recheckMoney reads again the amounts typed with a currency mark, after
// the profile's currency or kind changed: "€20" refused in a USD profile
// is a price once the profile is in EUR.
func (ed *profileEditor) recheckMoney() {
	for _, f := range ed.fields() {
		if t, typed := ed.texts[f.Path]; typed && f.Kind != "text" && f.Kind != "select" {
			ed.set(f, t)
		}
	}
}

// parseUnits reads an amount typed in the editor's field labelled label:
// a price in cur when it is money (ParsePrice: "€20" is no price in USD; it was read
// as $20), else credits (ParseIn: "$20" is no number of credits; it was
// read as 20 credits), counted per (a plan's "$30/month").
func parseUnits(label, s string, money bool, cur pricing.Currency, per pricing.Period) (decimal.Decimal, error) {
	if money {
		return pricing.ParsePricePer(label, s, cur, per)
	}
	return pricing.ParseInPer(label, s, pricing.UnitCredits, per)
}

// ownNumber clears the source of the plan, pack or model a changed number
// belongs to (and of the model's add-on it is of: its audio price), and
// what it said of which figure was taken: it is the person's number now,
// not the source's.
func (ed *profileEditor) ownNumber(path string) {
	segs := strings.Split(path, ".")
	if item, ok := treeWalk(ed.tree, segs[:1]); ok && strings.Contains(segs[0], "[") {
		item["source"] = noSource()
		delete(item, "figure")
	}
	if len(segs) > 2 && strings.HasPrefix(segs[1], "addons[") {
		if item, ok := treeWalk(ed.tree, segs[:2]); ok {
			item["source"] = noSource()
		}
	}
}

// noSource is the source of a number of the person's own.
func noSource() map[string]any { return jsonTree(`{"url":"","read":"","evidence":""}`) }

// check decodes the edited profile as the catalog is decoded and files
// the first broken rule beside its field.
func (ed *profileEditor) check() (pricing.Profile, bool) {
	ed.general = ""
	// A loop, not maps.Clone: that pulls the runtime's map cloning (~4 KB of
	// app.wasm) in for this one call.
	ed.errs = make(map[string]string, len(ed.bad))
	for k, v := range ed.bad {
		ed.errs[k] = v
	}
	ed.tree["custom"] = true
	data, err := json.Marshal(ed.tree)
	if err != nil {
		ed.general = errorMessage(err)
		return pricing.Profile{}, false
	}
	p, err := pricing.DecodeProfile(data)
	if err != nil {
		ed.fail(err)
		return p, false
	}
	return p, len(ed.errs) == 0
}

// fail files an error beside the field its path names (the nearest field
// that holds it), or above the form. Either way it is worded for the form,
// not for a file: beside a field, by the field's label ("Clip lengths (s):
// the shortest must be more than 0.", where an import says "Model 2, clip
// lengths, min must be more than 0. (models[1].durations.min)"); above the
// form, by the item as its legend names it ("Model 2 “Gen-4 Turbo”"), with
// the path only for what the form does not show (add-ons, promotions),
// which the person changes in the exported JSON.
func (ed *profileEditor) fail(err error) {
	pe, ok := errors.AsType[*pricing.ProfileError](err)
	if !ok || pe.Path == "" {
		ed.general = profileMessage(err)
		return
	}
	msg, at := pe.Err.Error(), pe.Path
	if ed.formRule(at, msg) {
		return
	}
	if strings.HasPrefix(msg, "set yearly or") { // a yearly price from the JSON, and one typed
		at = strings.TrimSuffix(at, "yearly") + "yearly_per_month"
	}
	var best *editField
	fs := ed.fields()
	for i, f := range fs {
		if (at == f.Path || strings.HasPrefix(at, f.Path+".") || strings.HasPrefix(at, f.Path+"[")) &&
			(best == nil || len(f.Path) > len(best.Path)) {
			best = &fs[i]
		}
	}
	if best == nil {
		ed.general = ed.placeMessage(at, formWords(msg))
		return
	}
	words := ed.fieldRule(best.Label, at, msg)
	if words == "" {
		words = fieldSentence(best.Label+ed.partWords(best.Path, at[len(best.Path):]), errors.New(formWords(msg)))
	}
	ed.setErr(best.Path, words)
}

// fieldRule words a broken rule at path, beside the field labelled label,
// as a creator reads it: pricing's words are the catalog file's
// ("duplicate bucket for 5 s (also buckets[0])", "want a list or a min
// and a max"), which reached the form. It returns "" for the rules
// fieldSentence words well ("Plan name is empty.", "Credits a month must
// be more than 0."). TestEditorRuleWords holds every rule of
// pricing.Profile.Validate to one or the other.
func (ed *profileEditor) fieldRule(label, path, msg string) string {
	v := ed.value(path)
	_, p, _ := strings.Cut(msg, "(")
	p, _, _ = strings.Cut(p, ")")
	p = pathWords(strings.TrimPrefix(p, "also ")) // "rate 1", "5, 10 s", "at most 100"
	switch {
	case strings.HasPrefix(msg, "must be longer") && p == v+" s":
		msg = "duplicate bucket"
	case msg == "must be more than 0" && (strings.HasSuffix(path, "]") || strings.HasSuffix(path, ".seconds")):
		msg += " s"
	}
	for _, r := range formSentences {
		if _, after, ok := strings.Cut(msg, r[0]); ok {
			n, _, _ := strings.Cut(strings.TrimSpace(after), " ")
			return label + strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(r[1], "{v}", v), "{p}", p), "{n}", n)
		}
	}
	return ""
}

// formSentences are the rules of pricing's Validate that fieldRule words,
// each by a part of its message, and their words after the field's label:
// {v} is the value the rule is about, {p} what the message says in
// brackets, {n} the word after the part. Data, not code: a case of a
// switch for each cost app.wasm 0.5 KB.
var formSentences = [][2]string{
	{"duplicate bucket", ": {v} s is listed twice."}, // or a clip length (above)
	{"is not an offered duration", ": {v} s is not one of the model's clip lengths ({p}); add it to Clip lengths (s), or price another length."},
	{"has no bucket for", ": {n} s, one of the model's clip lengths, has no price; add it, like {n}: 100."},
	{"must be longer than the one before", ": list the lengths from the shortest to the longest, like 5, 10."},
	{"must be more than 0 s", ": a clip length must be more than 0 s."},
	{"is more than 3600 s", ": {v} s is longer than an hour (3,600 s), the most a profile allows."},
	{"is empty (want a list", " is empty: type the lengths a clip can have, like 5, 10, or a range like 2-10."},
	{"duplicate resolution", ": {v} has a price already, in {p}; pick another resolution."},
	{"is not a valid id", ": “{v}” may hold only lower-case letters, digits and single hyphens, like my-platform."},
	{"is empty (want a currency", " is empty: type the currency's three capital letters, like USD."},
	{"is not a currency code", ": “{v}” is not a currency code; type three capital letters, like USD or EUR."},
	{"is not an https:// address", ": “{v}” is not a web address starting https:// (leave it empty if there is none)."},
	{"is missing (a plan needs", " is empty: a plan needs a monthly price, or a price billed yearly."},
	{"set yearly or", ": this plan has a yearly price already (kept from the profile's JSON); leave this empty."},
	{" items (at most", ": there are too many; {p} are allowed."},
}

// formRule words a broken rule that the form holds no field for, but a
// person using the form can break (a model's plans, by Kind or by a plan
// removed; the last model removed), and reports whether it did.
func (ed *profileEditor) formRule(path, msg string) bool {
	switch {
	case strings.HasPrefix(msg, "an api profile has no "):
		// The form's Kind was set to Pay as you go: beside it.
		what := "plans, and this one has plans"
		switch {
		case path == "packs":
			what = "top-up packs, and this one has packs"
		case path == "free":
			what = "free credits, and this one has a free tier (kept from its JSON)"
		case strings.HasPrefix(path, "models["):
			what = "plans, and " + pathWords(groupOf(path)) + " names the plans it is sold on (kept from the profile's JSON)"
		}
		ed.setErr("kind", "Kind: a pay-as-you-go (API) profile has no "+what+". Remove them, or keep Credits.")
	case strings.HasPrefix(msg, "duplicate resolution") && strings.Contains(path, ".multipliers["):
		// A rate's resolution picked in the form, which a multiplier of
		// the JSON prices: beside the rate's.
		model, _, _ := strings.Cut(path, ".multipliers[")
		_, rate, _ := strings.Cut(msg, "(also ")
		rate = model + "." + strings.TrimSuffix(rate, ")") + ".res"
		ed.setErr(rate, "Resolution: "+ed.value(rate)+" has a price already, as a multiple of rate 1's (kept from the profile's JSON); pick another resolution.")
	case strings.HasPrefix(msg, "is longer than the longest offered duration"):
		// A rate priced for its first seconds (the JSON's), and the
		// model's clip lengths shortened in the form: beside them.
		model, rate, _ := strings.Cut(path, ".rates[")
		rate, _, _ = strings.Cut(rate, "]")
		n, _ := strconv.Atoi(rate)
		v := ed.value(path)
		ed.setErr(model+".durations", "Clip lengths (s): rate "+strconv.Itoa(n+1)+"'s price is for the first "+v+
			" s of a clip, so the longest length must be "+v+" s or more.")
	case strings.HasPrefix(msg, "needs a price") && strings.Contains(path, ".addons["):
		// An extra cost picked for a model's audio, its price not yet
		// typed (the form shows no other add-on): beside the price.
		for _, f := range ed.fields() {
			if groupOf(f.Path) == path {
				ed.setErr(f.Path, f.Label+" is empty: type what audio adds to a clip, or pick another Native audio.")
				return true
			}
		}
		return false
	case path == "models" && strings.HasPrefix(msg, "is empty"):
		ed.general = "Models: a profile needs at least one model; add one with “Add a model”."
	case strings.HasPrefix(msg, "unknown plan "):
		ed.general = ed.placeMessage(groupOf(path), "is sold on plan “"+strings.Trim(strings.TrimPrefix(msg, "unknown plan "), `"`)+
			"”, which is no longer in the profile: add the plan back, or export the profile and remove it from the model's plans") +
			" (" + path + ")"
	default:
		return false
	}
	return true
}

// setErr files msg beside the field at path, unless what was typed there
// has a message already.
func (ed *profileEditor) setErr(path, msg string) {
	if ed.errs[path] == "" {
		ed.errs[path] = msg
	}
}

// value is the value at path in the profile's JSON, as text.
func (ed *profileEditor) value(path string) string {
	parent, key, ok := treeAt(ed.tree, path)
	name, index, hasIndex := strings.Cut(key, "[")
	v := parent[name]
	if i, err := strconv.Atoi(strings.TrimSuffix(index, "]")); hasIndex && err == nil && i >= 0 && i < len(list(v)) {
		v = list(v)[i]
	}
	if !ok {
		return ""
	}
	return str(v)
}

// partWords names the part of the field at path that tail ("[1].seconds",
// ".min") points into, as typed in the field: "Clip lengths (s): the
// shortest", "Credits by clip length at 8 s".
func (ed *profileEditor) partWords(path, tail string) string {
	switch tail {
	case "":
		return ""
	case ".min":
		return ": the shortest"
	case ".max":
		return ": the longest"
	}
	if bucket, _, ok := treeAt(ed.tree, path+tail); ok && strings.HasPrefix(tail, "[") {
		return " at " + str(bucket["seconds"]) + " s"
	}
	return ", " + pathWords(tail[1:])
}

// placeMessage words a broken rule at path that no field of the form
// holds, by the item of the form it is in ("Model 1 “Gen-4”, audio …"),
// and says where it is in the JSON when the form does not show it: the
// person changes that in the exported file.
func (ed *profileEditor) placeMessage(path, msg string) string {
	head, rest, below := strings.Cut(path, ".")
	words := pathWords(path)
	if item, ok := treeWalk(ed.tree, []string{head}); ok && str(item["name"]) != "" {
		words = pathWords(head) + " “" + str(item["name"]) + "”"
		if below {
			words += ", " + pathWords(rest)
		}
	}
	msg = fieldSentence(words, errors.New(msg))
	if below {
		msg += " (" + path + ")"
	}
	return msg
}

// formWords replaces the paths a message names ("duplicate resolution
// \"720p\" (also rates[0])") with the form's words ("(also rate 1)").
func formWords(msg string) string {
	before, rest, ok := strings.Cut(msg, "(also ")
	if !ok {
		return msg
	}
	path, after, ok := strings.Cut(rest, ")")
	if !ok || !strings.Contains(path, "[") {
		return msg
	}
	return before + "(also " + pathWords(path) + ")" + after
}

// onEdList adds an item with example numbers to a list of the profile (a
// plan, pack, model or rate: the button's data-list), or removes one
// (data-index).
func (c *profilesPage) onEdList(ctx app.Context, e app.Event) {
	defer c.keepEditor()
	ed := c.ed
	if ed == nil {
		return
	}
	data := ctx.JSSrc().Get("dataset")
	path := data.Get("list").String()
	i, _ := strconv.Atoi(data.Get("index").String())
	parent, key, ok := treeAt(ed.tree, path)
	if !ok {
		return
	}
	items := list(parent[key])
	if i >= 0 {
		if i >= len(items) || key == "rates" && len(items) == 1 { // a model's only resolution stays
			return
		}
		// A new slice (never nil: it is marshalled, [] not null), without
		// slices.Delete and Clone on []any, ~2 KB of app.wasm for this call.
		rest := make([]any, 0, len(items)-1)
		parent[key] = append(append(rest, items[:i]...), items[i+1:]...)
		if key == "rates" {
			ed.ownNumber(path)
		}
		// Typed text is kept by path: the paths after i moved up one.
		ed.texts, ed.bad = shiftTyped(ed.texts, path, i), shiftTyped(ed.bad, path, i)
		ed.check()
		// The button is gone: the focus goes to the item that took its
		// place, else the one before, else the list's Add button.
		focusAfterRender(c.page, itemFields(path, i), itemFields(path, i-1),
			`button[data-list="`+path+`"][data-index="-1"]`)
		return
	}
	const noSource = `,"source":{"url":"","read":"","evidence":""}}`
	var item string
	switch key {
	case "plans":
		item = `{"id":"` + freeItemID(items, "plan") + `","name":"New plan","monthly":"10","credits":"1000"` + noSource
	case "packs":
		item = `{"id":"` + freeItemID(items, "pack") + `","name":"New pack","price":"10","credits":"1000"` + noSource
	case "models":
		item = `{"id":"` + freeItemID(items, "model") + `","name":"New model","tier":"standard","durations":{"list":[5]},` +
			`"rates":[{"res":"720p","per_second":"10"}]` + noSource
	case "rates":
		res, ok := nextRes(parent)
		if !ok {
			return
		}
		item = `{"res":"` + string(res) + `","per_second":"10"}`
		ed.ownNumber(path)
	default:
		return
	}
	parent[key] = append(items, jsonTree(item))
	ed.check()
	focusAfterRender(c.page, itemFields(path, len(items))) // the new item's first field
}

// shiftTyped returns m (what was typed, or its message, by path) after
// item i of the list at path went: item i's entries go, those of the items
// after it move up one, and the rest stay. Typed text that could not be
// read was wiped from the whole editor when any item was removed.
func shiftTyped(m map[string]string, list string, i int) map[string]string {
	out := make(map[string]string, len(m))
	prefix := list + "["
	for k, v := range m {
		rest, ok := strings.CutPrefix(k, prefix)
		num, tail, closed := strings.Cut(rest, "]")
		j, err := strconv.Atoi(num)
		switch {
		case !ok || !closed || err != nil || j < i:
			out[k] = v
		case j > i:
			out[prefix+strconv.Itoa(j-1)+"]"+tail] = v
		}
	}
	return out
}

// nextRes is the resolution a model's new rate gets: the first above the
// ones it has, else the first it lacks; none when it has them all. (It was
// the last it lacked, 4K after 720p, and with all of them a second 1080p,
// which the editor then refused.) A resolution a multiplier of the JSON
// prices is one it has: 720p added to fal's Luma Ray2, which prices 720p
// as twice its 540p, was refused as priced twice.
func nextRes(model map[string]any) (pricing.Resolution, bool) {
	has := func(r pricing.Resolution) bool {
		is := func(x any) bool { return str(obj(x)["res"]) == string(r) }
		return slices.ContainsFunc(list(model["rates"]), is) || slices.ContainsFunc(list(model["multipliers"]), is)
	}
	top := -1
	for i, r := range pricing.Resolutions {
		if has(r) {
			top = i
		}
	}
	for _, rs := range [][]pricing.Resolution{pricing.Resolutions[top+1:], pricing.Resolutions} {
		for _, r := range rs {
			if !has(r) {
				return r, true
			}
		}
	}
	return "", false
}

// itemFields selects the fields of item i of a list of the editor: their
// ids start with the item's path ("f-plans[1].name").
func itemFields(list string, i int) string {
	return `[id^="` + fieldID(list+"["+strconv.Itoa(i)+"].") + `"]`
}

// onEdSave saves the edited profile if it is good; the form stays open
// with the reason when it is not, or when storage refuses it.
func (c *profilesPage) onEdSave(ctx app.Context, e app.Event) {
	defer c.keepEditor()
	e.PreventDefault()
	ed := c.ed
	if ed == nil {
		return
	}
	// Refused, the focus goes to the first field to fix, or the message;
	// saved, to the status saying so (the button was gone either way).
	focusAfterRender(c.page, `#prof-editor [aria-invalid="true"]`, "#prof-editor-msg")
	p, ok := ed.check()
	if !ok {
		if ed.general == "" {
			ed.general = "Fix the fields marked below first: nothing was saved."
		}
		return
	}
	if p.ID != ed.origID && c.taken(p.ID) {
		ed.errs["id"] = "Id “" + p.ID + "” is taken by another profile; choose another."
		ed.general = ed.errs["id"]
		return
	}
	if err := saveCustom(deviceStore(), p, ed.origID); err != nil {
		ed.general = profileMessage(err)
		return
	}
	if ed.origID != "" && p.ID != ed.origID {
		renameProfileLinks(ed.origID, p.ID)
		// An export shown follows the profile to its new id: looked up
		// by the old one, it closed without a word.
		if c.exportID == ed.origID {
			c.exportID = p.ID
		}
	}
	// The focus goes to the saved profile's Edit, first of All profiles
	// and where the editor was, the status above saying "Saved …" as a
	// live region: on the status, which changed under it, a keyboard was
	// on no control. Hidden by a search, to the list's heading.
	focusAfterRender(c.page, editButton(p.ID), "#prof-all-title")
	c.ed, c.alert, c.undo = nil, "", nil
	c.status = "Saved “" + p.Name + "”. It is in the calculator, compare and the planner now, marked custom."
	c.reload()
}

// onEdCancel closes the editor without saving.
func (c *profilesPage) onEdCancel(ctx app.Context, e app.Event) {
	defer c.keepEditor()
	c.ed = nil
	c.status = "Nothing was saved."
	// The focus goes back to the button that opened the editor (the
	// status, far above a profile's Edit, says the same as a live
	// region); after a reload, which forgets it, to the status.
	focusAfterRender(c.page, cmp.Or(c.opener, "#prof-status"), "#prof-status")
	c.opener = ""
}

// validityChoices are the ways a pack's credits may last: a period kept
// as the profile gives it ("Valid 365 days"; typed in its JSON), for
// ever, or not stated by the platform (Kling's terms: "cleared upon
// expiration", no period).
func validityChoices(pack map[string]any) []choice {
	out := []choice{{Value: "never", Label: "For ever"}, {Value: "not_stated", Label: "Not stated by the platform"}}
	if packValidity(pack) == "days" {
		days := str(pack["valid_days"]) + " days"
		if days == "1 days" {
			days = "1 day"
		}
		out = append(out, choice{Value: "days", Label: "Valid " + days})
	}
	return out
}

// packValidity names how long a pack's credits last: "days",
// "not_stated" or "never" (valid_days 0 or absent: an older profile's
// meaning).
func packValidity(pack map[string]any) string {
	switch {
	case pack["validity_not_stated"] == true:
		return "not_stated"
	case str(pack["valid_days"]) != "" && str(pack["valid_days"]) != "0":
		return "days"
	}
	return "never"
}

// setValidity sets how long a pack's credits last ("days" keeps the
// period the profile gives).
func setValidity(pack map[string]any, v string) {
	switch v {
	case "never":
		delete(pack, "valid_days")
		delete(pack, "validity_not_stated")
	case "not_stated":
		delete(pack, "valid_days")
		pack["validity_not_stated"] = true
	}
}

// audioChoices are what a model's Native audio may be, in the words of
// pricing.AudioSupport: not set (pricing.AudioNotStated: a person's own
// profile has no source to state it), none, included in its price, an
// extra cost (an add-on of kind audio) per second or per clip, or made at
// a price not known (unpriced). An extra cost the profile's JSON gives
// otherwise (per started block, a factor) is kept as it is.
func audioChoices(model map[string]any) []choice {
	if modelAudio(model) == string(pricing.AudioAddon) {
		return audioAddonChoices
	}
	return audioAddonChoices[:len(audioAddonChoices)-1]
}

// audioAddonChoices are audioChoices, the last for an extra cost kept as
// it is; short, to be read whole in the field's width. Data, not code: a
// list built in audioChoices cost app.wasm 0.5 KB more.
var audioAddonChoices = []choice{
	{Value: "not_set", Label: "Not set"},
	{Value: string(pricing.AudioNone), Label: "None (silent)"},
	{Value: string(pricing.AudioIncluded), Label: "In the price"},
	{Value: "per_second", Label: "Extra cost per second"},
	{Value: "per_clip", Label: "Extra cost per clip"},
	{Value: string(pricing.AudioUnpriced), Label: "Made, price not known"},
	{Value: string(pricing.AudioAddon), Label: "Extra cost, as in its JSON"},
}

// audioRules are the ways an add-on is priced, in the order a rule is
// looked for.
var audioRules = []string{"per_second", "per_clip", "block", "factor"}

// audioAddon finds a model's add-on of kind audio: its index (-1 when it
// has none) and how it is priced (audioRules): the rule with a value, or
// the one picked in the form whose price is not yet typed (setAudio).
func audioAddon(model map[string]any) (int, string) {
	for i, a := range list(model["addons"]) {
		a := obj(a)
		if str(a["kind"]) != string(pricing.AddonAudio) {
			continue
		}
		for _, k := range audioRules {
			if a[k] != nil {
				return i, k
			}
		}
		for _, k := range audioRules {
			if _, ok := a[k]; ok {
				return i, k
			}
		}
		return i, ""
	}
	return -1, ""
}

// modelAudio is a model's choice of audioChoices.
func modelAudio(model map[string]any) string {
	a := str(model["audio"])
	switch a {
	case "":
		return "not_set"
	case string(pricing.AudioAddon):
		if _, rule := audioAddon(model); rule == "per_second" || rule == "per_clip" {
			return rule
		}
	}
	return a
}

// setAudio sets a model's audio to a choice of audioChoices. An extra
// cost is an add-on of kind audio, carrying its number over from the
// other of per second and per clip (setRule does so for a rate); its
// price is to be typed when there is none. Any other choice removes it.
func setAudio(model map[string]any, v string) {
	addons := list(model["addons"])
	k, rule := audioAddon(model)
	switch v {
	case string(pricing.AudioAddon): // kept as it is
	case "per_second", "per_clip":
		model["audio"] = string(pricing.AudioAddon)
		if k < 0 {
			a := jsonTree(`{"kind":"audio","name":"Native audio","source":{"url":"","read":"","evidence":""}}`)
			a[v] = nil
			model["addons"] = append(addons, a)
			return
		}
		a := obj(addons[k])
		var n any
		if rule == "per_second" || rule == "per_clip" {
			n = a[rule]
		}
		for _, r := range audioRules {
			delete(a, r)
		}
		a[v] = n
	default:
		if v == "not_set" {
			delete(model, "audio")
		} else {
			model["audio"] = v
		}
		if k >= 0 {
			model["addons"] = append(addons[:k], addons[k+1:]...)
		}
	}
}

// rateRule names the rule a rate sets.
func rateRule(r map[string]any) string {
	for _, k := range ruleKeys[:5] {
		if v, ok := r[k]; ok && v != nil {
			return k
		}
	}
	return "per_second"
}

// setRule switches a rate to another rule, carrying its number over.
func setRule(r map[string]any, rule string) {
	n := "1"
	switch old := rateRule(r); old {
	case "per_second", "per_clip":
		n = str(r[old])
	case "buckets":
		if l := list(r["buckets"]); len(l) > 0 {
			n = str(obj(l[0])["units"])
		}
	}
	for _, k := range ruleKeys {
		delete(r, k)
	}
	switch rule {
	case "buckets":
		r[rule] = []any{map[string]any{"seconds": json.Number("5"), "units": n}}
	case "per_second", "per_clip":
		r[rule] = n
	}
}

// parseDurations reads "5, 10" (a list) or "2-10" (a range), typed in
// the field labelled label.
func parseDurations(label, s string) (map[string]any, error) {
	bad := &pricing.InputError{Field: label, Value: s, Err: errors.New("must be seconds, like 5, 10, or a range like 2-10")}
	if s == "" {
		return map[string]any{}, nil
	}
	s = strings.ReplaceAll(s, "–", "-")
	if lo, hi, ok := strings.Cut(s, "-"); ok {
		a, err1 := strconv.Atoi(strings.TrimSpace(lo))
		b, err2 := strconv.Atoi(strings.TrimSpace(hi))
		if err1 != nil || err2 != nil {
			return nil, bad
		}
		if a > b { // (its message named the JSON's "max")
			bad.Err = errors.New("must be a range from the shortest to the longest, like 2-10")
			return nil, bad
		}
		return map[string]any{"min": json.Number(strconv.Itoa(a)), "max": json.Number(strconv.Itoa(b))}, nil
	}
	var l []any
	for _, part := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(part), "s")))
		if err != nil {
			return nil, bad
		}
		l = append(l, json.Number(strconv.Itoa(n)))
	}
	return map[string]any{"list": l}, nil
}

// parseBuckets reads "5: 50, 10: 100" (seconds: units), typed in the
// field labelled label, the units as parseUnits reads them.
func parseBuckets(label, s string, money bool, cur pricing.Currency) ([]any, error) {
	bad := &pricing.InputError{Field: label, Value: s, Err: errors.New("must be seconds and their price, like 5: 50, 10: 100")}
	// Commas separate the pairs, and may group thousands ("10: 1,000").
	var parts []string
	for _, part := range strings.Split(s, ",") {
		if n := len(parts); n > 0 && !strings.Contains(part, ":") {
			parts[n-1] += "," + part
			continue
		}
		parts = append(parts, part)
	}
	var out []any
	for _, part := range parts {
		secs, units, ok := strings.Cut(part, ":")
		n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(secs), "s")))
		if !ok || err != nil {
			return nil, bad
		}
		d, err := parseUnits(label, units, money, cur, pricing.NoPeriod)
		if err != nil {
			return nil, err
		}
		out = append(out, map[string]any{"seconds": json.Number(strconv.Itoa(n)), "units": pricing.Exact(d)})
	}
	return out, nil
}

// freeItemID returns prefix-N for the first N no item of items has as id.
func freeItemID(items []any, prefix string) string {
	return uniqueID(prefix+"-"+strconv.Itoa(len(items)+1), func(id string) bool {
		return slices.ContainsFunc(items, func(x any) bool { return str(obj(x)["id"]) == id })
	})
}

// jsonTree decodes a JSON object into maps and lists, numbers kept as
// json.Number; nil when it is not one.
func jsonTree(s string) map[string]any {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var tree map[string]any
	if dec.Decode(&tree) != nil {
		return nil
	}
	return tree
}

// treeAt returns the object that holds the last key of path, and the key.
func treeAt(tree map[string]any, path string) (map[string]any, string, bool) {
	segs := strings.Split(path, ".")
	parent, ok := treeWalk(tree, segs[:len(segs)-1])
	return parent, segs[len(segs)-1], ok
}

// treeWalk follows segments ("models[0]", "rates[1]") to an object.
func treeWalk(tree map[string]any, segs []string) (map[string]any, bool) {
	cur := tree
	for _, seg := range segs {
		name, index, hasIndex := strings.Cut(seg, "[")
		v := cur[name]
		if hasIndex {
			i, err := strconv.Atoi(strings.TrimSuffix(index, "]"))
			l := list(v)
			if err != nil || i < 0 || i >= len(l) {
				return nil, false
			}
			v = l[i]
		}
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		cur = m
	}
	return cur, true
}

// str is a JSON value as text.
func str(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return x.String()
	}
	return ""
}

// list is a JSON list, or nil.
func list(v any) []any {
	l, _ := v.([]any)
	return l
}

// obj is a JSON object, or nil.
func obj(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}
