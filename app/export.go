package app

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/aivc/aivc/cliplog"
	"github.com/aivc/aivc/internal/order"
	"github.com/aivc/aivc/pricing"
	"github.com/shopspring/decimal"
)

// This file formats a ranking (pricing.Rank) once, into the cells the
// compare page's table shows, and from the same cells writes the two
// exports: a Markdown table for a blog post and a CSV file for a
// spreadsheet. Both carry the shot, the date of the comparison and the
// sources, so a copied table can be checked. Everything here is pure: no
// clock, no DOM; the page passes the date in.

// rankTable is a ranking formatted for people: the page's table, its
// Markdown and its CSV all read it, so they cannot disagree.
type rankTable struct {
	Title    string           // "10 s at 1080p, any tier"
	Shot     string           // "10 s at 1080p, any tier, 1 generation per kept clip, no add-ons"
	Billing  string           // "monthly plan"
	Currency pricing.Currency // the display currency
	Date     string           // the day of the comparison, YYYY-MM-DD
	Rows     []rankLine       // in rank order
	// Sources are every row's sources, each once, numbered from 1 in
	// order of first use; rankLine.Refs point into it.
	Sources []pricing.Source
	// Rates says which exchange rate converted which costs.
	Rates []string
	// Gone is what cannot make the shot, grouped by reason (goneGroups).
	Gone []goneGroup

	ranking pricing.Ranking
}

// rankLine is one ranked model, formatted.
type rankLine struct {
	Rank     int
	Key      string // "<profile id>/<model id>", the row's data-model
	Platform string // the profile's name: "Runway (app)"
	Model    string
	Tier     string
	Plan     string // the way the units are bought: "Ultra (billed monthly)"
	Credits  string // units per generated clip, "n/a" on a pay-as-you-go API
	Unit     string // what the profile calls its credits; "" on an API
	Clip     string // cost per generated clip, "≈" marks a converted cost
	Second   string // cost per second asked for
	Kept     string // cost per kept second, the ranking's measure
	Times    string // "×2.62" the cheapest
	Evidence string // "secondary · 2026-10-01"
	// Figures says which figure the plan's credits or the model's price
	// are where the sources give a range or two: "Kling 3.0: 10 credits,
	// the top of the 7–10 its source gives" (pricing.Profile.Figures).
	Figures string
	// Length is the clip the shot is made and paid as where the model
	// makes it longer than asked ("6 s clip": Veo makes 4, 6 or 8 s), or
	// "". Sora 2's $0.16 a second of a 5 s shot, an 8 s clip at $0.10,
	// said nothing of why (lengthNote).
	Length string
	Stale  bool  // the price was read more than pricing.StaleDays ago
	Refs   []int // numbers of the row's sources in rankTable.Sources

	row pricing.RankRow
}

// Markers used in the table and the exports.
const (
	markConverted = "≈"
	markStale     = "⚠"
	notApplicable = "n/a"
	noValue       = "—"
	// planUsedNote is what a plan's price in the ranking assumes, said
	// by /compare's legend and its Markdown.
	planUsedNote = "Plan used: each credit at the plan's price per credit, as if every credit of it is used."
	// evidenceNote says what the evidence column's words mean: a new
	// user read "secondary · 2026-10-01" with nothing to say of what.
	evidenceNote = "Evidence: official, the platform's own page; secondary, another site quoting it; derived, worked out from sourced numbers."
	// lengthNote says why a row's cost per second is above its model's
	// rate: the clip is made longer than the shot (rankLine.Length).
	lengthNote = "A model that makes set lengths is priced at the shortest that holds the shot, said under its cost per clip " +
		"(\"6 s clip\": Veo makes 4, 6 or 8 s); its cost per second is that clip's cost over the seconds asked."
)

// rankColumn is one column of the ranking table.
type rankColumn struct {
	_     pricing.NotComparable
	Key   string // sort key, also the CSS hook
	Label string
	Num   bool // a number: right-aligned
}

// rankColumns are the columns of the page's table and of the Markdown, in
// order.
var rankColumns = []rankColumn{
	{Key: "rank", Label: "#", Num: true},
	{Key: "platform", Label: "Platform"},
	{Key: "model", Label: "Model"},
	{Key: "tier", Label: "Tier"},
	{Key: "plan", Label: "Plan used"},
	{Key: "credits", Label: "Credits per clip", Num: true},
	{Key: "clip", Label: "Cost per clip", Num: true},
	{Key: "second", Label: "Cost per second", Num: true},
	{Key: "kept", Label: "Cost per kept second", Num: true},
	{Key: "times", Label: "× the cheapest", Num: true},
	{Key: "evidence", Label: "Evidence and date"},
}

// cells returns the line's text in the order of rankColumns (the evidence
// without its stale mark and sources).
func (l rankLine) cells() []string {
	return []string{
		strconv.Itoa(l.Rank), l.Platform, l.Model, l.Tier, l.Plan,
		l.Credits, l.clipText(), l.Second, l.Kept, l.Times, l.Evidence,
	}
}

// clipText is the cost per clip with the clip's length where the model
// makes it longer than the shot: "$0.30 (6 s clip)".
func (l rankLine) clipText() string {
	if l.Length == "" {
		return l.Clip
	}
	return l.Clip + " (" + l.Length + ")"
}

// billingLabels name each lens as the page's billing picker does.
var billingLabels = [][2]string{
	{string(pricing.LensMonthly), "monthly plan"},
	{string(pricing.LensYearly), "yearly plan"},
	{string(pricing.LensFirst), "first month with promotions"},
	{string(pricing.LensPacks), "top-up packs"},
	{string(pricing.LensAPI), "API pay-as-you-go"},
	{string(pricing.LensCheapest), "cheapest available"},
}

// newRankTable formats r. units names each profile's credit ("computing
// seconds") by profile id, where it is not "credits"; date is the day of
// the comparison.
func newRankTable(r pricing.Ranking, units map[string]string, date string) rankTable {
	lens := r.Options.Lens
	if lens == "" {
		lens = pricing.LensCheapest
	}
	display := r.Options.Display
	if display == "" {
		display = pricing.USD
	}
	t := rankTable{
		Title:    shotTitle(r.Shot),
		Shot:     describeShot(r.Shot),
		Billing:  word(billingLabels, string(lens)),
		Currency: display,
		Date:     date,
		Rates:    r.RatesUsed,
		Rows:     make([]rankLine, len(r.Rows)),
		Gone:     goneGroups(r.Unavailable),
		ranking:  r,
	}
	// A source is the same source when its address, date and evidence are:
	// two notes on one page are one reference.
	type sourceKey struct {
		url, read string
		ev        pricing.Evidence
	}
	refs := map[sourceKey]int{}
	for i, row := range r.Rows {
		l := rankLine{
			Rank:     i + 1,
			Key:      row.ProfileID + "/" + row.ModelID,
			Platform: row.ProfileName,
			Model:    row.ModelName,
			Tier:     string(row.Tier),
			Plan:     planText(row.Price),
			Credits:  creditsText(row, units[row.ProfileID]),
			Unit:     unitName(row, units[row.ProfileID]),
			Clip:     moneyText(row.CostPerClip, row.Converted),
			Second:   moneyText(row.CostPerSecond, row.Converted),
			Kept:     moneyText(row.CostPerKeptSecond, row.Converted),
			Times:    timesText(row.TimesCheapest),
			Evidence: evidenceText(row.Evidence, row.Read),
			Figures:  strings.Join(row.Figures, "; "),
			Stale:    row.Stale,
			row:      row,
		}
		if !row.Usage.UnusedSeconds.IsZero() {
			l.Length = pricing.Exact(row.Usage.PaidSeconds) + " s clip"
		}
		for _, src := range row.Sources {
			if src.URL == "" {
				continue
			}
			k := sourceKey{src.URL, src.Read, src.Evidence}
			n, ok := refs[k]
			if !ok {
				t.Sources = append(t.Sources, src)
				n = len(t.Sources)
				refs[k] = n
			}
			if !slices.Contains(l.Refs, n) {
				l.Refs = append(l.Refs, n)
			}
		}
		t.Rows[i] = l
	}
	return t
}

// goneGroup is what cannot make a shot for one reason: the models (and
// whole profiles) by platform.
type goneGroup struct {
	Reason string // as a sentence, without its full stop: "Native audio not stated by its source"
	Count  string // "46 models", "3 platforms", "2 models and 1 platform"
	Places []gonePlace

	models, platforms int // counted: a profile whose every model is, a platform
}

// gonePlace is a platform of a goneGroup: those of its models the reason
// is about, or every model.
type gonePlace struct {
	_      pricing.NotComparable // no equality function in app.wasm
	Key    string                // the profile id
	Name   string                // "Runway (app)"
	Models string                // "Gen-4, Gen-4 Turbo", or "every model"
}

// goneGroups groups what cannot make the shot by reason: with native
// audio asked for, 46 of 84 models said the same "native audio not stated
// by its source", one line after another. The largest group comes first,
// groups of a size by their reason A to Z; in a group, platforms and their
// models keep the ranking's order (the catalog's, by name). An invalid
// shot's reason, which names no profile, is the status's.
func goneGroups(us []pricing.Unavailable) []goneGroup {
	var out []goneGroup
	for _, u := range us {
		if u.ProfileID == "" {
			continue
		}
		reason := goneReason(u)
		i := len(out) - 1
		for i >= 0 && out[i].Reason != reason {
			i--
		}
		if i < 0 {
			out = append(out, goneGroup{Reason: reason})
			i = len(out) - 1
		}
		g := &out[i]
		name := u.ModelName
		if u.ModelID == "" {
			name = "every model"
			g.platforms++
		} else {
			g.models++
		}
		if n := len(g.Places) - 1; n >= 0 && g.Places[n].Key == u.ProfileID { // a profile's models come together
			g.Places[n].Models += ", " + name
		} else {
			g.Places = append(g.Places, gonePlace{Key: u.ProfileID, Name: u.ProfileName, Models: name})
		}
	}
	for i := range out {
		out[i].Count = countWords(out[i].models, out[i].platforms)
	}
	idx := order.Indexes(len(out), func(i, j int) int {
		a, b := &out[i], &out[j]
		return cmp.Or(cmp.Compare(b.models+b.platforms, a.models+a.platforms), cmp.Compare(a.Reason, b.Reason))
	})
	sorted := make([]goneGroup, len(out))
	for i, j := range idx {
		sorted[i] = out[j]
	}
	return sorted
}

// goneReason is why u cannot make the shot, as /compare and its exports
// say it: "Native audio not stated by its source".
func goneReason(u pricing.Unavailable) string {
	return strings.TrimSuffix(sentence(u.Reason), ".")
}

// goneSummary says how many models and platforms cannot make the shot,
// for how many reasons, above the reasons (goneGroups).
func goneSummary(gs []goneGroup) string {
	if len(gs) == 0 {
		return "Every model of the chosen platforms can make this shot."
	}
	models, platforms := 0, 0
	for _, g := range gs {
		models, platforms = models+g.models, platforms+g.platforms
	}
	reasons := "1 reason:"
	if len(gs) > 1 {
		reasons = strconv.Itoa(len(gs)) + " reasons:"
	}
	return countWords(models, platforms) + " cannot make this shot, for " + reasons
}

// countWords says how many models and whole platforms: "46 models", "1
// platform", "2 models and 1 platform".
func countWords(models, platforms int) string {
	s := ""
	if models > 0 {
		s = plural(models, " model")
	}
	if models > 0 && platforms > 0 {
		s += " and "
	}
	if platforms > 0 {
		s += plural(platforms, " platform")
	}
	return s
}

// plural is n and its noun, with an s but for 1: "1 model", "46 models".
func plural(n int, noun string) string {
	if n == 1 {
		return "1" + noun
	}
	return strconv.Itoa(n) + noun + "s"
}

// describeShot says what a shot asks for, in words:
// "10 s at 1080p, any tier, 1 generation per kept clip, no add-ons".
func describeShot(s pricing.Shot) string {
	tier := s.Tier
	if tier == "" {
		tier = pricing.TierAny
	}
	takes := s.Takes
	if takes.IsZero() {
		takes = decimal.NewFromInt(1)
	}
	var b strings.Builder
	b.WriteString(pricing.FormatNumber(s.Seconds) + " s at " + s.Res.Name() + ", " + string(tier) + " tier, ")
	b.WriteString(pricing.CountApprox(takes, "generation", "generations") + " per kept clip, ")
	if len(s.Addons) == 0 {
		b.WriteString("no add-ons")
	} else {
		names := make([]string, len(s.Addons))
		for i, a := range s.Addons {
			names[i] = addonName(a)
		}
		b.WriteString("with " + strings.Join(names, " and "))
	}
	return b.String()
}

// shotTitle names a shot briefly: "10 s at 1080p, any tier".
func shotTitle(s pricing.Shot) string {
	tier := s.Tier
	if tier == "" {
		tier = pricing.TierAny
	}
	return pricing.FormatNumber(s.Seconds) + " s at " + s.Res.Name() + ", " + string(tier) + " tier"
}

// addonName is an add-on as people call it.
func addonName(a pricing.AddonKind) string {
	switch a {
	case pricing.AddonAudio:
		return "native audio"
	case pricing.AddonUpscale:
		return "upscale"
	case pricing.AddonLipSync:
		return "lip sync"
	case pricing.AddonExtend:
		return "extend"
	}
	return string(a)
}

// planText is the way a row's units are bought: "Ultra (billed monthly)",
// "pay as you go".
func planText(p pricing.UnitPrice) string {
	return planNoted(p, p.Note)
}

// planNoted is planText with the note given: the ranking's column has its
// short note (compare.planCell).
func planNoted(p pricing.UnitPrice, note string) string {
	name := p.Name
	if name == "" {
		name = string(p.Lens)
	}
	if note != "" && note != name {
		return name + " (" + note + ")"
	}
	return name
}

// creditsText is a row's units per generated clip; an API's units are
// money, so it has none.
func creditsText(row pricing.RankRow, unit string) string {
	if row.Price.Lens == pricing.LensAPI {
		return notApplicable
	}
	if unit != "" && unit != "credits" {
		return pricing.Count(row.Usage.Units, strings.TrimSuffix(unit, "s"), unit) // "1 unit", not "1 units"
	}
	return pricing.FormatNumber(row.Usage.Units)
}

// unitName is what a row's profile calls its credits: unit, or "credits";
// "" on a pay-as-you-go API, whose units are money.
func unitName(row pricing.RankRow, unit string) string {
	switch {
	case row.Price.Lens == pricing.LensAPI:
		return ""
	case unit == "":
		return "credits"
	}
	return unit
}

// moneyText formats a cost, marked when it was converted from another
// currency.
func moneyText(m pricing.Money, converted bool) string {
	s := pricing.FormatMoney(m)
	if converted {
		return markConverted + s
	}
	return s
}

// timesText is how many times the cheapest a row costs: "×1", "×2.62";
// a dash when the cheapest is free and the row is not.
func timesText(d decimal.Decimal) string {
	if d.IsZero() {
		return noValue
	}
	return "×" + pricing.FormatNumber(d)
}

// evidenceText is how a price was seen and when: "official · 2026-10-01".
func evidenceText(e pricing.Evidence, read string) string {
	switch {
	case e == "" && read == "":
		return noValue
	case e == "":
		return read
	case read == "":
		return string(e)
	}
	return string(e) + " · " + read
}

// order returns the indexes of t.Rows sorted by the column key, ascending
// or descending; ties keep rank order. An unknown key is rank order.
// Missing numbers (credits on an API) sort last either way.
func (t rankTable) order(key string, desc bool) []int {
	compareBy := func(a, b rankLine) (int, bool) {
		ra, rb := a.row, b.row
		switch key {
		case "platform":
			return cmp.Compare(strings.ToLower(a.Platform), strings.ToLower(b.Platform)), true
		case "model":
			return cmp.Compare(strings.ToLower(a.Model), strings.ToLower(b.Model)), true
		case "tier":
			return cmp.Compare(tierRank(ra.Tier), tierRank(rb.Tier)), true
		case "plan":
			return cmp.Compare(strings.ToLower(a.Plan), strings.ToLower(b.Plan)), true
		case "clip":
			return ra.CostPerClip.Amount.Cmp(rb.CostPerClip.Amount), true
		case "second":
			return ra.CostPerSecond.Amount.Cmp(rb.CostPerSecond.Amount), true
		case "kept", "times":
			return ra.CostPerKeptSecond.Amount.Cmp(rb.CostPerKeptSecond.Amount), true
		case "evidence":
			return cmp.Compare(ra.Read, rb.Read), true
		}
		return 0, false
	}
	return order.Indexes(len(t.Rows), func(i, j int) int {
		a, b := t.Rows[i], t.Rows[j]
		if key == "credits" {
			// Rows without credits go last in both directions.
			na, nb := a.Credits == notApplicable, b.Credits == notApplicable
			switch {
			case na && nb:
				return cmp.Compare(i, j)
			case na:
				return 1
			case nb:
				return -1
			}
			c := a.row.Usage.Units.Cmp(b.row.Usage.Units)
			if desc {
				c = -c
			}
			if c != 0 {
				return c
			}
			return cmp.Compare(i, j)
		}
		c, ok := compareBy(a, b)
		if !ok {
			c = cmp.Compare(i, j)
		}
		if desc {
			c = -c
		}
		if c != 0 {
			return c
		}
		return cmp.Compare(i, j)
	})
}

// tierRank orders tiers from fast to premium.
func tierRank(t pricing.Tier) int {
	switch t {
	case pricing.TierFast:
		return 1
	case pricing.TierStandard:
		return 2
	case pricing.TierPremium:
		return 3
	}
	return 4
}

// Markdown returns the ranking as a Markdown section for a blog post: a
// heading, the shot, billing, currency and date, the table (the page's
// columns, each row's source numbers after its evidence), the notes the
// marks need, and the numbered sources.
func (t rankTable) Markdown() string {
	var b strings.Builder
	b.WriteString("### AI video cost per kept second: " + t.Title + "\n\n")
	b.WriteString("Shot: " + t.Shot + ". Billing: " + t.Billing + ". Costs in " + string(t.Currency) +
		". Compared on " + t.Date + ".\n\n")
	if len(t.Rows) == 0 {
		b.WriteString("No model can make this shot.\n")
		t.goneMarkdown(&b)
		return b.String()
	}
	b.WriteString("|")
	for _, c := range rankColumns {
		b.WriteString(" " + mdCell(c.Label) + " |")
	}
	b.WriteString("\n|")
	for _, c := range rankColumns {
		if c.Num {
			b.WriteString(" ---: |")
		} else {
			b.WriteString(" --- |")
		}
	}
	b.WriteString("\n")
	stale, converted, plan, length := false, false, false, false
	for _, l := range t.Rows {
		plan = plan || l.row.Price.Lens != pricing.LensAPI
		length = length || l.Length != ""
		cells := l.cells()
		ev := cells[len(cells)-1]
		if l.Stale {
			ev += " " + markStale
			stale = true
		}
		for _, n := range l.Refs {
			ev += " [" + strconv.Itoa(n) + "]"
		}
		if l.Figures != "" {
			ev += "; " + l.Figures
		}
		cells[len(cells)-1] = ev
		converted = converted || l.row.Converted
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + mdCell(c) + " |")
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
	if stale {
		b.WriteString(markStale + " Possibly stale: the price was read more than " +
			strconv.Itoa(pricing.StaleDays) + " days before " + t.Date + ".\n")
	}
	if converted {
		b.WriteString(markConverted + " Converted into " + string(t.Currency) + ": " +
			strings.Join(t.Rates, "; ") + ".\n")
	}
	if plan {
		b.WriteString(planUsedNote + "\n")
	}
	if length {
		b.WriteString(lengthNote + "\n")
	}
	b.WriteString(evidenceNote + "\n")
	t.goneMarkdown(&b)
	b.WriteString("\nSources:\n\n")
	for i, s := range t.Sources {
		b.WriteString(strconv.Itoa(i+1) + ". <" + s.URL + ">")
		var about []string
		if s.Read != "" {
			about = append(about, "read "+s.Read)
		}
		if s.Evidence != "" {
			about = append(about, string(s.Evidence))
		}
		if len(about) > 0 {
			b.WriteString(" (" + strings.Join(about, ", ") + ")")
		}
		b.WriteString("\n")
	}
	b.WriteString("\nMade with AIVC, the AI video cost calculator. Check each source before you buy.\n")
	return b.String()
}

// goneMarkdown writes what cannot make the shot, as the page lists it
// (goneGroups), after a blank line: a reason a line, its count, then each
// platform and its models. A ranking copied into a post said nothing of
// the models left out of it.
func (t rankTable) goneMarkdown(b *strings.Builder) {
	if len(t.Gone) == 0 {
		return
	}
	b.WriteString("\nNot ranked: " + goneSummary(t.Gone) + "\n\n")
	for _, g := range t.Gone {
		places := make([]string, len(g.Places))
		for i, p := range g.Places {
			places[i] = p.Name + ": " + p.Models
		}
		b.WriteString("- " + mdCell(g.Reason+" — "+g.Count+": "+strings.Join(places, "; ")) + ".\n")
	}
}

// mdCell escapes text for a Markdown table cell: a pipe would end the
// cell, a newline the row, and "<" could start HTML in a blog post.
func mdCell(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '|':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '<':
			b.WriteString("&lt;")
		case '\r', '\n':
			if c == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			b.WriteByte(' ')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// csvColumns are the CSV export's header row.
var csvColumns = []string{
	"rank", "profile_id", "profile", "platform", "model_id", "model", "tier",
	"billing", "plan", "credits_per_clip", "credit_unit", "currency",
	"cost_per_clip", "cost_per_second", "cost_per_kept_clip", "cost_per_kept_second",
	"times_cheapest", "converted_from", "evidence", "read", "stale", "sources",
	"shot_seconds", "shot_res", "shot_tier", "shot_takes", "shot_addons", "shot", "date", "figures",
	"not_ranked_because",
}

// CSV returns the ranking as RFC 4180 CSV (CRLF line ends) with a header
// row of csvColumns: one line per ranked model, in rank order, with exact
// decimals ('.' and no grouping: "0.0830769230769231") and the currency in
// its own column. The shot, the billing and the date are on every line, and
// each line's sources are its URLs separated by spaces, so a single line
// pasted elsewhere still says what it is. A text cell a spreadsheet would
// run as a formula gets a leading apostrophe.
//
// After the ranked lines come those the ranking left out, in its order
// (the catalog's, by name): the same columns, with no rank, plan or cost,
// and the reason the page gives in the last column, not_ranked_because
// ("Native audio not stated by its source"); a whole platform has no
// model. Rows, not a note under the table: every line keeps the columns,
// so a spreadsheet sorts and filters them as one table (an empty cost
// sorts last, and SUM, MIN and AVERAGE skip it), and a line pasted alone
// still says what it is and why it has no price.
func (t rankTable) CSV() string {
	b := cliplog.AppendCSV(nil, csvColumns)
	s := t.ranking.Shot
	takes := s.Takes
	if takes.IsZero() {
		takes = decimal.NewFromInt(1)
	}
	tier := s.Tier
	if tier == "" {
		tier = pricing.TierAny
	}
	addons := make([]string, len(s.Addons))
	for i, a := range s.Addons {
		addons[i] = string(a)
	}
	for _, l := range t.Rows {
		r := l.row
		credits := pricing.Exact(r.Usage.Units)
		if r.Price.Lens == pricing.LensAPI {
			credits = ""
		}
		from := ""
		if r.Converted {
			from = string(r.Original)
		}
		stale := "no"
		if r.Stale {
			stale = "yes"
		}
		var urls []string
		for _, n := range l.Refs {
			urls = append(urls, t.Sources[n-1].URL)
		}
		times := ""
		if !r.TimesCheapest.IsZero() {
			times = pricing.Exact(r.TimesCheapest)
		}
		rec := []string{
			strconv.Itoa(l.Rank), cliplog.GuardCell(r.ProfileID), cliplog.GuardCell(r.ProfileName), cliplog.GuardCell(r.Platform),
			cliplog.GuardCell(r.ModelID), cliplog.GuardCell(r.ModelName), string(r.Tier),
			string(r.Price.Lens), cliplog.GuardCell(l.Plan), credits, cliplog.GuardCell(l.Unit), string(r.CostPerClip.Currency),
			pricing.Exact(r.CostPerClip.Amount), pricing.Exact(r.CostPerSecond.Amount),
			pricing.Exact(r.CostPerKeptClip.Amount), pricing.Exact(r.CostPerKeptSecond.Amount),
			times, from, string(r.Evidence), r.Read, stale, cliplog.GuardCell(strings.Join(urls, " ")),
			pricing.Exact(s.Seconds), string(s.Res), string(tier), pricing.Exact(takes),
			strings.Join(addons, " "), cliplog.GuardCell(t.Shot), t.Date, cliplog.GuardCell(l.Figures), "",
		}
		b = cliplog.AppendCSV(b, rec)
	}
	lens := t.ranking.Options.Lens
	if lens == "" {
		lens = pricing.LensCheapest
	}
	for _, u := range t.ranking.Unavailable {
		if u.ProfileID == "" {
			continue // an invalid shot: no ranking
		}
		rec := []string{
			"", cliplog.GuardCell(u.ProfileID), cliplog.GuardCell(u.ProfileName), cliplog.GuardCell(u.Platform),
			cliplog.GuardCell(u.ModelID), cliplog.GuardCell(u.ModelName), "",
			string(lens), "", "", "", "",
			"", "", "", "",
			"", "", "", "", "", "",
			pricing.Exact(s.Seconds), string(s.Res), string(tier), pricing.Exact(takes),
			strings.Join(addons, " "), cliplog.GuardCell(t.Shot), t.Date, "", cliplog.GuardCell(goneReason(u)),
		}
		b = cliplog.AppendCSV(b, rec)
	}
	return string(b)
}

// csvFileName names the CSV download after the shot and the date:
// "aivc-compare-10s-1080p-any-2026-11-25.csv".
func csvFileName(s pricing.Shot, date string) string {
	tier := s.Tier
	if tier == "" {
		tier = pricing.TierAny
	}
	name := "aivc-compare-" + pricing.Exact(s.Seconds) + "s-" + string(s.Res) + "-" + string(tier)
	if date != "" {
		name += "-" + date
	}
	var b strings.Builder
	for _, c := range name {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-':
			b.WriteRune(c)
		default:
			b.WriteByte('-')
		}
	}
	return b.String() + ".csv"
}

// csvDataURL returns a data: URL of a CSV file, for an <a download>: UTF-8
// with a byte order mark (Excel reads UTF-8 only with it), every byte but
// letters, digits and -._~,;:!*'()/ percent-encoded. The URL holds no
// quote, ampersand, angle bracket or space, so it is safe in any
// attribute. The site's Content-Security-Policy does not govern a link's
// target, so the download needs no script and no blob.
func csvDataURL(csvText string) string {
	const hex = "0123456789ABCDEF"
	data := "\ufeff" + csvText
	var b strings.Builder
	b.Grow(len("data:text/csv;charset=utf-8,") + len(data)*2)
	b.WriteString("data:text/csv;charset=utf-8,")
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			strings.IndexByte("-._~,;:!*'()/", c) >= 0:
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}
