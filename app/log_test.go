package app

import (
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aivc/aivc/cliplog"
	"github.com/aivc/aivc/pricing"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// countingReader gives distinct random bytes, so entry ids differ.
type countingReader struct{ n byte }

func (r *countingReader) Read(p []byte) (int, error) {
	for i := range p {
		r.n++
		p[i] = r.n
	}
	return len(p), nil
}

// testTabs holds the tab storage (tabStore) of each device storage a test
// loads the page on: loading it again on the same one is a reload of the
// same tab.
var testTabs = map[cliplog.Store]*cliplog.MemStore{}

// withLogStore makes the device's storage s for the test, with a fixed
// clock (2025-03-01 10:00 UTC) and random bytes, and an empty measured
// cache; the tab's storage is testTabs[s].
func withLogStore(t *testing.T, s cliplog.Store) {
	t.Helper()
	oldStore, oldTab, oldNow, oldRand := deviceStore, tabStore, logNow, logRandom
	deviceStore = func() cliplog.Store {
		if s == nil {
			return nil // a nil *MemStore is not a nil Store
		}
		return s
	}
	tabStore = func() cliplog.Store {
		if s == nil {
			return nil
		}
		if testTabs[s] == nil {
			testTabs[s] = cliplog.NewMemStore()
		}
		return testTabs[s]
	}
	logNow = func() time.Time { return time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC) }
	logRandom = &countingReader{}
	measured.done, measured.rs = false, nil
	t.Cleanup(func() {
		deviceStore, tabStore, logNow, logRandom = oldStore, oldTab, oldNow, oldRand
		measured.done, measured.rs = false, nil
		delete(testTabs, s)
	})
}

// loadLogInTab mounts the log page on s in another tab, whose storage is
// tab.
func loadLogInTab(t *testing.T, s, tab *cliplog.MemStore) *clipLog {
	t.Helper()
	withLogStore(t, s)
	was := testTabs[s]
	testTabs[s] = tab
	defer func() { testTabs[s] = was }()
	return loadLog(t, s)
}

// loadLog mounts the log page on s (nil: no device, as when prerendering).
func loadLog(t *testing.T, s *cliplog.MemStore) *clipLog {
	t.Helper()
	if s == nil {
		withLogStore(t, nil)
	} else {
		withLogStore(t, s)
	}
	c := newClipLog()
	e := app.NewTestEngine()
	if err := e.Load(c); err != nil {
		t.Fatalf("Load: %v", err)
	}
	e.ConsumeAll()
	return c
}

// logHTML renders the page.
func logHTML(t *testing.T, c *clipLog) string {
	t.Helper()
	html := app.HTMLString(c.Render()) // the current state, not the mounted tree
	checkClean(t, html)
	return html
}

// value returns the data-value of the element with id.
func value(t *testing.T, html, id string) string {
	t.Helper()
	tag, _, ok := element(html, id)
	if !ok {
		t.Fatalf("no element #%s", id)
	}
	v, _ := attr(tag, "data-value")
	return v
}

// typeClip fills the clip form as a person would, one input at a time.
func typeClip(c *clipLog, vals map[string]string) {
	for _, k := range []string{"profile", "model", "res", "dur", "audio", "upscale", "credits", "date", "kept", "project", "client", "note"} {
		if v, ok := vals[k]; ok {
			c.values[k] = v
			c.edited(k)
		}
	}
}

func TestLogPrerendered(t *testing.T) {
	c := loadLog(t, nil)
	html := logHTML(t, c)
	for _, id := range []string{"log-form", "log-save", "log-save-again", "log-alert", "log-status", "log-empty",
		"log-plan-form", "log-export-json", "log-export-csv", "log-import", "log-last-export", idLogCost, idLogKeptSeconds, idLogCostPerKeptSec, idLogCostPerKept} {
		if _, _, ok := element(html, id); !ok {
			t.Errorf("no #%s", id)
		}
	}
	// The generated page has no log to read: a person's log is read in
	// their browser, so its figures are unknown, not zeros, until then.
	for _, id := range []string{idLogCount, idLogCost, idLogSeconds, idLogKeptSeconds, idLogCostPerKeptSec, idLogCostPerKept} {
		tag, text, _ := element(html, id)
		if _, current := attr(tag, "data-value"); current || text != noValue {
			t.Errorf("#%s of the generated page: %s%s, want %s and no data-value", id, tag, text, noValue)
		}
	}
	if _, text, _ := element(html, "log-count"); text != "Clips" {
		t.Errorf("the list's heading %q, want Clips (no count)", text)
	}
	if _, text, _ := element(html, "log-empty"); !strings.HasPrefix(text, "Reading the log") {
		t.Errorf("in place of the list: %q, want it is being read", text)
	}
	if strings.Contains(html, `data-entry-id`) || strings.Contains(html, `id="log-table"`) {
		t.Errorf("the generated page shows a list of clips")
	}
	// The form starts on the default platform, priced by its first plan:
	// Runway Gen-4 at 720p, 5 s, 12 credits/s → 60 credits at $15 / 625.
	want := map[string]string{"profile": "runway", "model": "gen-4", "res": "720p", "dur": "5", "credits": "60", "date": "2025-03-01"}
	for k, v := range want {
		if c.values[k] != v {
			t.Errorf("form %s = %q, want %q", k, c.values[k], v)
		}
	}
	if got := value(t, html, "log-clip-cost"); got != "1.44" {
		t.Errorf("cost of the clip in the form: %q, want 1.44 (60 × 0.024)", got)
	}
	if got := value(t, html, "log-clip-cost-per-second"); got != "0.288" {
		t.Errorf("cost per second: %q, want 0.288", got)
	}
	if !strings.Contains(c.priceText, "$0.024 per credit: Standard, billed monthly") {
		t.Errorf("price line %q", c.priceText)
	}
	if c.exported != "" {
		t.Errorf("last export %q, want nothing said until the log is read", c.exported)
	}
	// Rows rounded to the cent need not add up to the total: it says so.
	if !strings.Contains(html, "Totals add the exact costs") {
		t.Error("the totals do not say they add the exact costs")
	}
	// The exchange rates are the app's until changed, and say so (they
	// said "typed by you" while filled in).
	if !strings.Contains(html, "typed in by hand on 2026-11-01 (not a live feed)") || strings.Contains(html, "typed by you") {
		t.Error("the exchange rates do not say where they come from")
	}
}

func TestLogSaveAndTotals(t *testing.T) {
	s := cliplog.NewMemStore()
	c := loadLog(t, s)

	typeClip(c, map[string]string{"model": "gen-4-turbo", "dur": "10", "project": "Acme launch", "client": "Acme"})
	if c.values["credits"] != "50" {
		t.Fatalf("credits prefilled %q, want 50 (5 credits/s × 10 s)", c.values["credits"])
	}
	if !c.save(true) {
		t.Fatalf("save failed: alert %q, msg %q, errs %v", c.alert, c.clipMsg, c.errs)
	}
	// Log another like this: every field kept.
	if c.values["project"] != "Acme launch" || c.values["model"] != "gen-4-turbo" || c.values["dur"] != "10" {
		t.Errorf("log another like this lost fields: %v", c.values)
	}
	typeClip(c, map[string]string{"kept": "no", "credits": "55"})
	if !c.save(false) {
		t.Fatalf("second save failed: %q %q %v", c.alert, c.clipMsg, c.errs)
	}
	// Log clip: a fresh clip on the same platform.
	if c.values["project"] != "" || c.values["model"] != "gen-4" || c.values["kept"] != "" {
		t.Errorf("the form was not reset after Log clip: %v", c.values)
	}

	html := logHTML(t, c)
	if n := strings.Count(html, "data-entry-id="); n != 2 {
		t.Fatalf("%d rows, want 2", n)
	}
	for _, cost := range []string{`data-cost="1.2"`, `data-cost="1.32"`} { // 50 and 55 credits × 0.024
		if !strings.Contains(html, cost) {
			t.Errorf("no row with %s", cost)
		}
	}
	for id, want := range map[string]string{
		idLogCount: "2", idLogCost: "2.52", idLogSeconds: "20", idLogKeptSeconds: "10",
		idLogCostPerKeptSec: "0.252", // 2.52 ÷ 10
		idLogCostPerKept:    "2.52",  // 2.52 ÷ 1 kept clip: the rejected one's cost is in it
	} {
		if got := value(t, html, id); got != want {
			t.Errorf("#%s data-value %q, want %q", id, got, want)
		}
	}
	if len(c.retakes) != 1 || c.retakes[0].PerKept.String() != "2" || c.retakes[0].ModelID != "gen-4-turbo" {
		t.Errorf("measured retakes %+v, want runway/gen-4-turbo: 2", c.retakes)
	}
	// The entries are in storage, one key each.
	n := 0
	for k := range s.Snapshot() {
		if strings.HasPrefix(k, cliplog.EntryPrefix) {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d entry keys in storage, want 2", n)
	}

	// Filters: kept only.
	c.values["f_kept"] = "kept"
	c.edited("f_kept")
	html = logHTML(t, c)
	if got := value(t, html, idLogCost); got != "1.2" {
		t.Errorf("kept only: money spent %q, want 1.2", got)
	}
	if n := strings.Count(html, "data-entry-id="); n != 1 {
		t.Errorf("kept only: %d rows, want 1", n)
	}
	// Rejected only: nothing kept, no cost per kept clip.
	c.values["f_kept"] = "rejected"
	c.edited("f_kept")
	if html = logHTML(t, c); value(t, html, idLogCostPerKept) != "" {
		t.Errorf("rejected only: a cost per kept clip %q", value(t, html, idLogCostPerKept))
	}
}

// TestLogClipLength: Seconds emptied is not logged as the model's first
// length, and a length the catalog has no rule for empties the credits
// that were another length's. Before, an empty Seconds logged "the 5 s
// clip", and 1,000 s kept 60 credits: "$1.44 ÷ 1,000 s = $0.0014".
func TestLogClipLength(t *testing.T) {
	c := loadLog(t, cliplog.NewMemStore())
	typeClip(c, map[string]string{"model": "gen-4", "dur": ""})
	if c.values["dur"] != "" || c.errs["dur"] != "Seconds is empty." {
		t.Errorf("Seconds emptied: value %q, message %q", c.values["dur"], c.errs["dur"])
	}
	if c.save(false) || c.log.Len() != 0 {
		t.Errorf("a clip with no length was logged: %q", c.status)
	}
	typeClip(c, map[string]string{"dur": "7"})
	if c.values["credits"] != "120" { // billed as a 10 s clip: 12 credits/s × 10 s
		t.Fatalf("credits for 7 s %q, want 120", c.values["credits"])
	}
	typeClip(c, map[string]string{"dur": "1,000"})
	if c.values["credits"] != "" || !strings.Contains(c.usage, "type what the platform charged") {
		t.Errorf("1,000 s: credits %q, hint %q", c.values["credits"], c.usage)
	}
	if c.cost.Text != noValue || c.perSecond.Text != noValue {
		t.Errorf("1,000 s priced with another length's credits: %s, %s", c.cost.Text, c.perSecond.Text)
	}
	typeClip(c, map[string]string{"credits": "2,000"})
	if !c.save(false) {
		t.Fatalf("the typed credits were not logged: %q %v", c.clipMsg, c.errs)
	}
}

// TestLogLengthKeptAcrossPlatforms: Seconds typed stay when another
// platform is picked whose model makes clips that long, and become its
// model's first length where it does not (a length it cannot make would
// only be refused).
func TestLogLengthKeptAcrossPlatforms(t *testing.T) {
	c := loadLog(t, cliplog.NewMemStore())
	typeClip(c, map[string]string{"profile": "runway", "model": "gen-4", "dur": "10"})
	for _, step := range []struct{ profile, want string }{
		{"luma", "10"},       // Ray2: 5 or 10 s
		{"google-flow", "8"}, // Veo 3.1 Fast: 8 s only
		{"sora-api", "8"},    // Sora 2: 4, 8 or 12 s
		{"kling", "5"},       // Kling 2.1 Standard: 5 s only
	} {
		typeClip(c, map[string]string{"profile": step.profile})
		if got := c.values["dur"]; got != step.want {
			t.Errorf("picked %s: Seconds %q, want %q", step.profile, got, step.want)
		}
		if c.errs["dur"] != "" {
			t.Errorf("picked %s: Seconds says %q", step.profile, c.errs["dur"])
		}
	}
}

// TestLogEmptyList: a list with no row says why, in place of an empty
// table: no clips yet, or none that the filters let through.
func TestLogEmptyList(t *testing.T) {
	c := loadLog(t, cliplog.NewMemStore())
	html := logHTML(t, c)
	if _, text, _ := element(html, "log-empty"); text != "No clips yet: log your first one above." {
		t.Errorf("an empty log: %q", text)
	}
	if v := value(t, html, idLogCost); v != "0" {
		t.Errorf("money spent of an empty log: data-value %q, want 0", v)
	}
	if _, text, _ := element(html, "log-count"); text != "0 clips" {
		t.Errorf("an empty log's heading %q, want 0 clips", text)
	}
	// Nothing to export yet: no warning that it never was.
	if _, text, _ := element(html, "log-last-export"); text != "" {
		t.Errorf("an empty log's last export %q, want none", text)
	}

	typeClip(c, map[string]string{"model": "gen-4-turbo"})
	if !c.save(false) {
		t.Fatalf("save failed: alert %q, msg %q, errs %v", c.alert, c.clipMsg, c.errs)
	}
	html = logHTML(t, c)
	if _, text, _ := element(html, "log-last-export"); text != "Never backed up." {
		t.Errorf("a log of one clip: last export %q, want Never backed up.", text)
	}
	if _, _, ok := element(html, "log-empty"); ok || strings.Count(html, "data-entry-id=") != 1 {
		t.Errorf("one clip: want its row and no #log-empty")
	}

	c.values["f_kept"] = "rejected"
	c.edited("f_kept")
	html = logHTML(t, c)
	if _, text, _ := element(html, "log-empty"); text != "No clip matches these filters." {
		t.Errorf("every clip filtered out: %q", text)
	}
	if _, text, _ := element(html, "log-count"); text != "0 clips of 1" {
		t.Errorf("every clip filtered out: heading %q, want 0 clips of 1", text)
	}
	// Nothing shown, nothing to export as CSV (a header alone).
	if tag, text, _ := element(html, "log-export-csv"); text != "Export CSV: 0 clips shown" || !strings.Contains(tag, "disabled") {
		t.Errorf("every clip filtered out: CSV button %s%s", tag, text)
	}
}

func TestLogMeasuredTakes(t *testing.T) {
	s := cliplog.NewMemStore()
	c := loadLog(t, s)
	typeClip(c, map[string]string{"model": "gen-4-turbo"})
	for _, kept := range []string{"no", "no", "yes"} {
		typeClip(c, map[string]string{"kept": kept})
		if !c.save(true) {
			t.Fatalf("save: %q %q %v", c.alert, c.clipMsg, c.errs)
		}
	}
	d, src, ok := measuredTakes("runway", "gen-4-turbo")
	if !ok || d.String() != "3" || src != "measured from your log: 3 clips, 1 kept" {
		t.Errorf("measuredTakes = %v %q %v", d, src, ok)
	}
	if _, _, ok := measuredTakes("runway", "gen-4"); ok {
		t.Errorf("a model without clips has a measured figure")
	}

	// A new page (another visit) reads it from storage.
	measured.done, measured.rs = false, nil
	calc, html := loadCalculator(t, "/#profile=runway&model=gen-4-turbo&res=720p&dur=10")
	tag, _, _ := element(html, fieldID("takes"))
	if ph, _ := attr(tag, "placeholder"); ph != "3" {
		t.Errorf("calculator takes placeholder %q, want 3", ph)
	}
	if !strings.Contains(html, "Measured from your log: 3 clips, 1 kept.") {
		t.Errorf("calculator does not say where its takes come from")
	}
	// 50 credits × $0.024 = $1.20 a clip; 3 generations per kept clip.
	checkResults(t, html, []wantResult{{idCostPerKept, "3.6", "$3.60"}})
	_ = calc

	// A takes typed in the link wins.
	_, html = loadCalculator(t, "/#profile=runway&model=gen-4-turbo&res=720p&dur=10&takes=1")
	checkResults(t, html, []wantResult{{idCostPerKept, "1.2", "$1.20"}})

	// compare offers the whole log's figure.
	cmp := newCompare()
	cmp.init(mustURL(t, "/compare"))
	if cmp.values["takes"] != "3" {
		t.Errorf("compare takes %q, want 3", cmp.values["takes"])
	}
	cmp = newCompare()
	cmp.init(mustURL(t, "/compare#takes=1.5"))
	if cmp.values["takes"] != "1.5" {
		t.Errorf("compare takes from the link %q, want 1.5", cmp.values["takes"])
	}
}

// TestCalculatorCompareTakes: with a clip log, the calculator and /compare
// count the same generations per kept clip, and the calculator's link to
// /compare carries its own when /compare would count others. Before, the
// calculator fell back to 1 where /compare took the log's 2, and its link
// left out a model's own measure: Pika priced at $0.0178 a kept second in
// one, $0.0236 in the other.
func TestCalculatorCompareTakes(t *testing.T) {
	c := loadLog(t, cliplog.NewMemStore())
	for _, clip := range []map[string]string{
		{"model": "gen-4-turbo", "kept": "no"}, {"kept": "no"}, {"kept": "yes"}, // 3 for Gen-4 Turbo
		{"model": "gen-4", "kept": "yes"}, // 4 clips, 2 kept: 2 for every platform
	} {
		typeClip(c, clip)
		if !c.save(true) {
			t.Fatalf("save: %q %q %v", c.alert, c.clipMsg, c.errs)
		}
	}
	measured.done, measured.rs = false, nil
	for _, tt := range []struct{ link, placeholder, compare string }{
		// No clip of Pika's: every platform's 2, as /compare counts.
		{"/#profile=pika&plan=starter&model=pika-2-5-turbo&res=720p&dur=5", "2", "/compare#dur=5&res=720p&tier=fast"},
		// Gen-4 Turbo's own 3: the link says so.
		{"/#profile=runway&model=gen-4-turbo&res=720p&dur=10", "3", "/compare#dur=10&res=720p&tier=fast&takes=3"},
		// Typed: the link carries it unless it is /compare's own.
		{"/#profile=runway&model=gen-4-turbo&res=720p&dur=10&takes=1", "3", "/compare#dur=10&res=720p&tier=fast&takes=1"},
		{"/#profile=runway&model=gen-4-turbo&res=720p&dur=10&takes=2", "3", "/compare#dur=10&res=720p&tier=fast"},
		// Typed, but not a number of generations: not carried.
		{"/#profile=runway&model=gen-4-turbo&res=720p&dur=10&takes=0.5", "3", "/compare#dur=10&res=720p&tier=fast"},
	} {
		calc, html := loadCalculator(t, tt.link)
		tag, _, _ := element(html, fieldID("takes"))
		if ph, _ := attr(tag, "placeholder"); ph != tt.placeholder {
			t.Errorf("%s: takes placeholder %q, want %q", tt.link, ph, tt.placeholder)
		}
		if calc.compare != tt.compare {
			t.Errorf("%s: compare link %q, want %q", tt.link, calc.compare, tt.compare)
		}
		// The link it shares carries the figure it counts, typed or
		// measured, so that it shows the same on a device without the log;
		// its own address only what was typed (a reload would type it).
		typed := parsePairs(mustURL(t, tt.link).EscapedFragment()).Get("takes")
		want := typed
		if want == "" {
			want = tt.placeholder
		}
		if got := calc.shareValues().Get("takes"); got != want {
			t.Errorf("%s: the shared link's takes %q, want %q", tt.link, got, want)
		}
		if got := calc.linkValues().Get("takes"); got != typed {
			t.Errorf("%s: the address's takes %q, want %q", tt.link, got, typed)
		}
	}
	// /compare counts every platform's 2 and shares it, but keeps it out of
	// its address: a reload made it a typed 2 that no longer followed the
	// log. A typed figure stays in the address.
	for _, tt := range []struct{ link, address, shared string }{
		{"/compare#dur=7", "", "2"},
		{"/compare#dur=7&takes=2", "2", "2"},
		{"/compare#dur=7&takes=1.5", "1.5", "1.5"},
	} {
		cmp := newCompare()
		cmp.init(mustURL(t, tt.link))
		if cmp.values["takes"] != tt.shared || cmp.linkValues().Get("takes") != tt.address || cmp.shareValues().Get("takes") != tt.shared {
			t.Errorf("%s: takes %q, in the address %q (want %q), shared %q (want %q)", tt.link, cmp.values["takes"],
				cmp.linkValues().Get("takes"), tt.address, cmp.shareValues().Get("takes"), tt.shared)
		}
	}
}

// TestMeasuredTakesExact: the calculator, /compare and /plan price with the
// clip log's generations per kept clip as the log divides them, and show it
// rounded. 7 clips made and 3 kept at $1.20 a clip: /log says $2.80 a kept
// clip, and the pages, which counted 2.33, said $2.796 (a 100-clip total of
// $279.60 for $280).
func TestMeasuredTakesExact(t *testing.T) {
	c := loadLog(t, cliplog.NewMemStore())
	typeClip(c, map[string]string{"model": "gen-4-turbo"})
	for _, kept := range []string{"no", "yes", "no", "no", "yes", "no", "yes"} {
		typeClip(c, map[string]string{"kept": kept})
		if !c.save(true) {
			t.Fatalf("save: %q %q %v", c.alert, c.clipMsg, c.errs)
		}
	}
	measured.done, measured.rs = false, nil
	calc, html := loadCalculator(t, "/#profile=runway&model=gen-4-turbo&res=720p&dur=10&clips=100")
	checkResults(t, html, []wantResult{{idCostPerKept, "2.8", "$2.80"}, {idTotal, "279.999999999999996", "$280.00"}})
	tag, _, _ := element(html, fieldID("takes"))
	if ph, _ := attr(tag, "placeholder"); ph != "~2.33" {
		t.Errorf("calculator takes placeholder %q, want ~2.33", ph)
	}
	if !strings.Contains(html, "$1.20 × ~2.33 generations = $2.80") {
		t.Errorf("the working does not show the rounded figure")
	}
	// Its shared link carries the figure counted, as the log's counts
	// ("7/3", not 2.3333333333333333 in the field there), which read back
	// the same on a device without the log.
	shared := calc.shareValues().Get("takes")
	if shared != "7/3" {
		t.Errorf("the shared link's takes %q", shared)
	}
	// Typed, the rounded figure is the person's: their own 2.33.
	_, html = loadCalculator(t, "/#profile=runway&model=gen-4-turbo&res=720p&dur=10&clips=100&takes=2.33")
	checkResults(t, html, []wantResult{{idTotal, "279.6", "$279.60"}})
	if !strings.Contains(html, "Your log: ~2.33, measured from your log: 7 clips, 3 kept.") {
		t.Errorf("a typed 2.33 is taken for the log's figure")
	}

	// /compare shows 2.33 in its field and ranks with 7 ÷ 3: $0.40 a clip
	// on Runway's cheapest is $0.0933 a kept second, not $0.0932.
	cmp := newCompare()
	cmp.init(mustURL(t, "/compare#dur=10&res=720p&tier=fast"))
	if cmp.values["takes"] != "2.33" || cmp.shareValues().Get("takes") != "7/3" || cmp.linkValues().Has("takes") {
		t.Errorf("compare takes %q, shared %q, in the address %q", cmp.values["takes"],
			cmp.shareValues().Get("takes"), cmp.linkValues().Get("takes"))
	}
	if i := slices.IndexFunc(cmp.table.Rows, func(r rankLine) bool { return r.Key == "runway/gen-4-turbo" }); i < 0 || cmp.table.Rows[i].Kept != "$0.0933" {
		t.Errorf("compare's Runway Gen-4 Turbo: row %d of %d, not $0.0933 a kept second", i, len(cmp.table.Rows))
	}
	if hint := app.HTMLString(cmp.takesField()); !strings.Contains(hint, "Measured from your log: 7 clips, 3 kept (every platform).") {
		t.Errorf("compare's takes field: %s", hint)
	}

	// /plan: 100 clips of 50 credits, 7 ÷ 3 generations each, take
	// 11,666.67 credits; it counted 11,650.
	p := openPlanner(t, "mix=broll:100:10:720p:fast")
	if hint, _, _ := p.defaultTakes(p.rows[0]); hint != "if empty: ~2.33, measured from your log: 7 clips, 3 kept" {
		t.Errorf("plan hint %q", hint)
	}
	if i := slices.IndexFunc(p.results, func(l planLine) bool { return l.ID == "runway" }); i < 0 ||
		p.results[i].Credits != "~11,666.67 of 12,500 credits" {
		t.Errorf("plan's Runway: row %d of %d, not ~11,666.67 credits", i, len(p.results))
	}
	link := p.linkValues().Get("mix")
	if link != "broll:100:10:720p:fast:~7/3" {
		t.Errorf("plan link %q", link)
	}
	// Links carrying a measure read back: the new one as counted here, one
	// made before at 2 places as what it says.
	measured.rs = nil
	for mix, want := range map[string]string{link: "if empty: ~2.33, measured in the clip log this link was made with",
		"broll:100:10:720p:fast:~2.3333333333333333": "if empty: ~2.33, measured in the clip log this link was made with",
		"broll:100:10:720p:fast:~2.33":               "if empty: 2.33, measured in the clip log this link was made with"} {
		p = openPlanner(t, "mix="+mix)
		if hint, _, err := p.defaultTakes(p.rows[0]); hint != want || err != nil || !p.current {
			t.Errorf("%s without a log: %q %v", mix, hint, err)
		}
	}
	_, html = loadCalculator(t, "/#profile=runway&model=gen-4-turbo&res=720p&dur=10&clips=100&takes="+shared)
	checkResults(t, html, []wantResult{{idCostPerKept, "2.8", "$2.80"}, {idTotal, "279.999999999999996", "$280.00"}})
}

func TestLogStorageFull(t *testing.T) {
	s := cliplog.NewMemStore()
	c := loadLog(t, s)
	s.SetQuota(s.Size() + 10)
	typeClip(c, map[string]string{"project": "Big one", "note": "take 7", "credits": "61"})
	before := map[string]string{}
	for k, v := range c.values {
		before[k] = v
	}
	if c.save(false) {
		t.Fatal("a save into a full storage succeeded")
	}
	if !strings.Contains(c.alert, "storage is full") || !strings.Contains(c.alert, "still in the form") {
		t.Errorf("alert %q", c.alert)
	}
	for k, v := range before {
		if c.values[k] != v {
			t.Errorf("form %s changed from %q to %q", k, v, c.values[k])
		}
	}
	html := logHTML(t, c)
	if !strings.Contains(html, `role="alert"`) || strings.Contains(html, "data-entry-id") {
		t.Errorf("no alert, or a row for the clip that was not saved")
	}
	// Room again: the same form saves.
	s.SetQuota(0)
	if !c.save(false) {
		t.Fatalf("save after making room: %q", c.alert)
	}
	if c.alert != "" {
		t.Errorf("alert kept after a good save: %q", c.alert)
	}
}

func TestLogStorageUnavailable(t *testing.T) {
	s := cliplog.NewMemStore()
	s.SetUnavailable(true)
	c := loadLog(t, s)
	if !strings.Contains(c.alert, "only until this tab closes") {
		t.Errorf("alert %q", c.alert)
	}
	if !c.save(false) {
		t.Fatalf("saving in memory failed: %q", c.alert)
	}
	if c.log.Len() != 1 {
		t.Errorf("%d clips in memory, want 1", c.log.Len())
	}
}

func TestLogCorruptRecord(t *testing.T) {
	s := cliplog.NewMemStore()
	s.Put(cliplog.MetaKey, `{"schema":1}`)
	s.Put(cliplog.EntryKey("m7q16ps0-9f3a21bc04de"), `{"d":"2025-03-01","p":"runway","pn":"Runway (app)","m":"gen-4","mn":"Gen-4","s":"5","c":"60","cu":"USD","pc":"0.024","k":true,"t":"2025-03-01T10:00:00Z"}`)
	s.Put(cliplog.EntryKey("m7q16ps0-000000000001"), `{not json`)
	c := loadLog(t, s)
	html := logHTML(t, c)
	if n := strings.Count(html, "data-entry-id="); n != 1 {
		t.Errorf("%d rows, want the 1 good clip", n)
	}
	if !strings.Contains(html, `id="log-corrupt"`) || !strings.Contains(html, "{not json") {
		t.Fatalf("the corrupt record is not shown")
	}
	if len(c.corrupt) != 1 {
		t.Fatalf("%d corrupt records", len(c.corrupt))
	}
	// Set aside, not dropped.
	key := c.corrupt[0].QuarantineKey
	if v, ok, _ := s.Get(key); !ok || !strings.Contains(v, "{not json") {
		t.Errorf("the record is not kept under %s", key)
	}
	c.onDiscard(key)(app.Context{}, noEvent)
	if _, ok, _ := s.Get(key); ok || len(c.corrupt) != 0 {
		t.Errorf("discard left the record")
	}
}

// TestLogImportByContent: a file is read as a JSON backup or as CSV by
// what it holds, not by its name, and the page says which. A backup saved
// as backup.txt (or with a byte order mark) was read as CSV ("unknown
// column"), and a CSV named clips.json as JSON.
func TestLogImportByContent(t *testing.T) {
	c := loadLog(t, cliplog.NewMemStore())
	if !c.save(false) {
		t.Fatal(c.alert)
	}
	var backup, csv strings.Builder
	if err := c.log.ExportJSON(&backup, "2025-03-01T10:00:00Z"); err != nil {
		t.Fatal(err)
	}
	if err := c.log.ExportCSV(&csv, cliplog.CSVOptions{BOM: true}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct{ name, data, want string }{
		{"backup.txt", backup.String(), "Read backup.txt as a JSON backup. Imported 1 clip; everything in your log is in this backup, of 2025-03-01."},
		{"backup (1).txt", "\ufeff \r\n" + backup.String(), "Read backup (1).txt as a JSON backup. Imported 1 clip; everything in your log is in this backup, of 2025-03-01."},
		{"clips.json", csv.String(), "Read clips.json as CSV. Imported 1 clip."},
		{"clips.json.csv", csv.String(), "Read clips.json.csv as CSV. Imported 1 clip."},
	} {
		d := loadLog(t, cliplog.NewMemStore())
		d.importFile(f.name, []byte(f.data))
		if d.status != f.want || len(d.importErrs) != 0 {
			t.Errorf("%s: status %q, errors %q; want %q", f.name, d.status, d.importErrs, f.want)
		}
	}
	d := loadLog(t, cliplog.NewMemStore())
	d.importFile("clips.txt", []byte(`["not a backup"]`))
	if want := "Nothing was imported from clips.txt (read as a JSON backup): fix the 1 problem below and import it again."; len(d.importErrs) == 0 || d.importErrs[0] != want {
		t.Errorf("a JSON list: %q, want %q", d.importErrs, want)
	}
	// A platform profile, or a list of them, says what it is and where it
	// goes (notBackup): it said "line 2: not a readable JSON file: unknown
	// field "id"", and catalog.json "this file is not a backup made by
	// this app".
	kling := exportProfile(catalogProfile(t, "kling"))
	for _, f := range []struct{ name, data, want string }{
		{"kling.json", kling, "This is a platform profile, not a clip log backup: import it on the Profiles page (/profiles). Nothing was imported from kling.json."},
		{"kling.txt", "\ufeff" + kling, "This is a platform profile, not a clip log backup: import it on the Profiles page (/profiles). Nothing was imported from kling.txt."},
		{"catalog.json", `{"profiles": [` + kling + `]}`, "This is a list of platform profiles (as catalog.json is), not a clip log backup: import each profile on the Profiles page (/profiles). Nothing was imported from catalog.json."},
	} {
		d := loadLog(t, cliplog.NewMemStore())
		d.importFile(f.name, []byte(f.data))
		if len(d.importErrs) != 1 || d.importErrs[0] != f.want || d.status != "" {
			t.Errorf("%s: errors %q, want %q", f.name, d.importErrs, f.want)
		}
	}
	// A backup with a mistake is still told by its line.
	d = loadLog(t, cliplog.NewMemStore())
	d.importFile("backup.json", []byte(strings.Replace(backup.String(), `"kind": "backup"`, `"kind": "backup", "models": []`, 1)))
	if len(d.importErrs) < 2 || !strings.Contains(d.importErrs[1], `unknown field "models"`) {
		t.Errorf("a backup with a stray field: %q", d.importErrs)
	}
}

// TestLogCSVExportNotBackup: a CSV export leaves the reminder as it was
// and says what it leaves out; a backup clears it. A CSV marked the log
// backed up, without its plans, profiles or settings.
func TestLogCSVExportNotBackup(t *testing.T) {
	c := loadLog(t, cliplog.NewMemStore())
	if !c.save(false) {
		t.Fatal(c.alert)
	}
	c.onExport(false)(app.Context{}, noEvent)
	want := "Exported 1 clip to aivc-clip-log-" + cliplog.Today(logNow()) + ".csv. A CSV is for a spreadsheet or a bill, not a backup: " +
		"it holds clips only, without your plans, your own platform profiles, the display currency or the exchange rates."
	if c.status != want || c.log.Settings().LastExport != "" {
		t.Errorf("after a CSV export: status %q, last export %q; want %q and none", c.status, c.log.Settings().LastExport, want)
	}
	html := logHTML(t, c)
	if _, text, _ := element(html, "log-last-export"); text != "Never backed up." {
		t.Errorf("the reminder after a CSV export: %q", text)
	}
	if _, text, _ := element(html, "log-export-hint"); !strings.Contains(text, "not a backup") || strings.Count(html, `aria-describedby="log-export-hint"`) != 2 {
		t.Errorf("the export buttons are not described by what a CSV leaves out: %q", text)
	}
	c.onExport(true)(app.Context{}, noEvent)
	if _, text, _ := element(logHTML(t, c), "log-last-export"); text != "Last backed up "+cliplog.Today(logNow())+"." || !strings.HasPrefix(c.status, "Backed up 1 clip to ") {
		t.Errorf("after a backup: reminder %q, status %q", text, c.status)
	}
}

// TestLogBackupCountsProfiles: the person's own platform profiles are
// part of what a backup holds, so a device with profiles and no clips
// says "Never backed up." (it said nothing), and the status after a
// backup counts them ("Backed up 0 clips", or the clips alone).
func TestLogBackupCountsProfiles(t *testing.T) {
	s := cliplog.NewMemStore()
	mine := blankProfile(never)
	if err := saveCustom(s, mine, ""); err != nil {
		t.Fatal(err)
	}
	c := loadLog(t, s)
	if _, text, _ := element(logHTML(t, c), "log-last-export"); text != "Never backed up." {
		t.Errorf("a device with a profile and no clips: reminder %q, want Never backed up.", text)
	}
	c.onExport(true)(app.Context{}, noEvent)
	if want := "Backed up 1 platform profile to aivc-clip-log-" + cliplog.Today(logNow()) + ".json."; c.status != want {
		t.Errorf("a backup of a profile: status %q, want %q", c.status, want)
	}
	if !c.save(false) {
		t.Fatal(c.alert)
	}
	c.onExport(true)(app.Context{}, noEvent)
	if want := "Backed up 1 clip and 1 platform profile to aivc-clip-log-" + cliplog.Today(logNow()) + ".json."; c.status != want {
		t.Errorf("a backup of a clip and a profile: status %q, want %q", c.status, want)
	}
	for _, tc := range []struct {
		clips, plans, profiles int
		want                   string
	}{
		{0, 0, 0, "0 clips"},
		{12, 0, 2, "12 clips and 2 platform profiles"},
		{0, 2, 0, "2 plans"},
		{0, 1, 1, "1 plan and 1 platform profile"},
		{12, 1, 1, "12 clips, 1 plan and 1 platform profile"},
	} {
		if got := backupHolds(tc.clips, tc.plans, tc.profiles, false, false); got != tc.want {
			t.Errorf("backupHolds(%d, %d, %d) = %q, want %q", tc.clips, tc.plans, tc.profiles, got, tc.want)
		}
	}

	// Without profiles, nothing to back up: no reminder.
	if _, text, _ := element(logHTML(t, loadLog(t, cliplog.NewMemStore())), "log-last-export"); text != "" {
		t.Errorf("an empty device: reminder %q", text)
	}
}

// TestLogBackupCountsPlans: saved plans are this device's own and in a
// backup too, so a device with plans and no clips says "Never backed up."
// (it said nothing), and its backup's status names them ("Backed up 0
// clips").
func TestLogBackupCountsPlans(t *testing.T) {
	s := cliplog.NewMemStore()
	l, _, err := cliplog.Open(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"runway", "pika"} {
		if err := l.SetPlan(cliplog.MyPlan{ProfileID: id, PlanID: "standard", Billing: cliplog.Monthly}); err != nil {
			t.Fatal(err)
		}
	}
	c := loadLog(t, s)
	if _, text, _ := element(logHTML(t, c), "log-last-export"); text != "Never backed up." {
		t.Errorf("a device with plans and no clips: reminder %q, want Never backed up.", text)
	}
	c.onExport(true)(app.Context{}, noEvent)
	if want := "Backed up 2 plans to aivc-clip-log-" + cliplog.Today(logNow()) + ".json."; c.status != want {
		t.Errorf("a backup of plans: status %q, want %q", c.status, want)
	}
	if _, text, _ := element(logHTML(t, c), "log-last-export"); text != "Last backed up "+cliplog.Today(logNow())+"." {
		t.Errorf("after the backup: reminder %q", text)
	}
}

// TestLogBackupCountsSettings: a display currency and exchange rates of
// one's own are in a backup too (its settings), so a device with them and
// nothing else says "Never backed up." (it said nothing), and its backup's
// status names them (it said "Backed up 0 clips"). The bundled ones, and
// USD picked back, are nobody's own: no reminder.
func TestLogBackupCountsSettings(t *testing.T) {
	backedUp := func(what string) string {
		return "Backed up " + what + " to aivc-clip-log-" + cliplog.Today(logNow()) + ".json."
	}
	c := loadLog(t, cliplog.NewMemStore())
	c.values["disp"] = "EUR"
	c.edited("disp")
	if _, text, _ := element(logHTML(t, c), "log-last-export"); text != "Never backed up." {
		t.Errorf("a device with its display currency and nothing else: reminder %q, want Never backed up.", text)
	}
	c.values["disp"] = "USD"
	c.edited("disp")
	if _, text, _ := element(logHTML(t, c), "log-last-export"); text != "" {
		t.Errorf("USD picked back: reminder %q, want none", text)
	}
	c.values["rate_EUR"] = "0.9"
	c.edited("rate_EUR")
	if _, text, _ := element(logHTML(t, c), "log-last-export"); text != "Never backed up." {
		t.Errorf("a device with its exchange rates and nothing else: reminder %q, want Never backed up.", text)
	}
	c.onExport(true)(app.Context{}, noEvent)
	if want := backedUp("your exchange rates"); c.status != want {
		t.Errorf("a backup of rates: status %q, want %q", c.status, want)
	}
	if _, text, _ := element(logHTML(t, c), "log-last-export"); text != "Last backed up "+cliplog.Today(logNow())+"." {
		t.Errorf("after the backup: reminder %q", text)
	}
	c.values["disp"] = "GBP"
	c.edited("disp")
	if !c.save(false) {
		t.Fatal(c.alert)
	}
	c.onExport(true)(app.Context{}, noEvent)
	if want := backedUp("1 clip, your display currency and your exchange rates"); c.status != want {
		t.Errorf("a backup of a clip and settings: status %q, want %q", c.status, want)
	}
	for _, tc := range []struct {
		display, rates bool
		want           string
	}{
		{true, false, "your display currency"},
		{false, true, "your exchange rates"},
		{true, true, "your display currency and your exchange rates"},
		{false, false, "0 clips"},
	} {
		if got := backupHolds(0, 0, 0, tc.display, tc.rates); got != tc.want {
			t.Errorf("backupHolds(0, 0, 0, %v, %v) = %q, want %q", tc.display, tc.rates, got, tc.want)
		}
	}
	if got := backupHolds(2, 1, 0, true, false); got != "2 clips, 1 plan and your display currency" {
		t.Errorf("backupHolds(2, 1, 0, display) = %q", got)
	}
}

// TestLogBackupReminderBundledID: a profile of one's own whose id is a
// bundled platform's is in no list of the pages (allProfiles leaves it to
// /profiles, where its id can be changed), but it is stored and a backup
// holds it: a device with it and no clips says "Never backed up." (it
// said nothing).
func TestLogBackupReminderBundledID(t *testing.T) {
	s := cliplog.NewMemStore()
	mine := blankProfile(never)
	mine.ID = "runway"
	if err := saveCustom(s, mine, ""); err != nil {
		t.Fatal(err)
	}
	c := loadLog(t, s)
	if _, text, _ := element(logHTML(t, c), "log-last-export"); text != "Never backed up." {
		t.Errorf("a device with a profile of id runway and no clips: reminder %q, want Never backed up.", text)
	}
	c.onExport(true)(app.Context{}, noEvent)
	if want := "Backed up 1 platform profile to aivc-clip-log-" + cliplog.Today(logNow()) + ".json."; c.status != want {
		t.Errorf("its backup: status %q, want %q", c.status, want)
	}
}

// TestLogRestoreReminder: right after a first backup is restored on a new
// device, the reminder says the log's last backup is that one, and the
// summary why. It said "Never backed up": a first backup's settings have
// no last export.
func TestLogRestoreReminder(t *testing.T) {
	old := loadLog(t, cliplog.NewMemStore())
	if !old.save(false) {
		t.Fatal(old.alert)
	}
	made := logNow().Add(time.Hour) // after the clip
	first := old.log.Backup(cliplog.Timestamp(made))
	first.Settings.LastExport = "" // as a first backup was written
	var file strings.Builder
	if err := cliplog.WriteBackup(&file, first); err != nil {
		t.Fatal(err)
	}
	c := loadLog(t, cliplog.NewMemStore())
	c.importFile("backup.txt", []byte(file.String()))
	day := cliplog.Today(made.In(time.Local))
	if _, text, _ := element(logHTML(t, c), "log-last-export"); text != "Last backed up "+day+"." ||
		!strings.HasSuffix(c.status, "; everything in your log is in this backup, of 2025-03-01.") {
		t.Errorf("after the restore: reminder %q, status %q", text, c.status)
	}
}

func TestLogDeleteUndo(t *testing.T) {
	s := cliplog.NewMemStore()
	c := loadLog(t, s)
	if !c.save(false) {
		t.Fatal(c.alert)
	}
	id := c.rows[0].ID
	c.onDelete(id)(app.Context{}, noEvent)
	if c.log.Len() != 0 || c.undo == nil || !strings.Contains(c.status, "Deleted") {
		t.Fatalf("delete: len %d, status %q", c.log.Len(), c.status)
	}
	// The clip named whole, its price after a comma: the platform's name
	// has its own parentheses.
	if want := "Deleted the 5 s clip of 2025-03-01 on Runway (app) · Gen-4, $1.44."; c.status != want {
		t.Errorf("status %q, want %q", c.status, want)
	}
	if !strings.Contains(logHTML(t, c), `id="log-undo"`) {
		t.Errorf("no undo button")
	}
	c.onUndo(app.Context{}, noEvent)
	if _, ok := c.log.Entry(id); !ok || c.undo != nil {
		t.Errorf("undo did not restore the clip")
	}
}

func TestLogImport(t *testing.T) {
	s := cliplog.NewMemStore()
	c := loadLog(t, s)
	csv := "date,profile_id,model_id,seconds,credits,currency,price_per_credit,kept\r\n" +
		"2025-03-01,runway,gen-4,5,60,USD,0.024,yes\r\n" +
		"2025-03-02,runway,gen-4,five,60,USD,0.024,yes\r\n"
	c.importFile("clips.csv", []byte(csv))
	if c.log.Len() != 0 {
		t.Errorf("a file with a bad line imported %d clips", c.log.Len())
	}
	joined := strings.Join(c.importErrs, "\n")
	if !strings.Contains(joined, "line 3:") || !strings.Contains(joined, "Seconds") {
		t.Errorf("import errors %q, want line 3 about Seconds", joined)
	}
	// Two problems on one line are two problems (it said "fix 2 lines").
	c.importFile("clips.csv", []byte(strings.Replace(csv, "0.024,yes\r\n", "0.024,maybe\r\n", 2)))
	if got := c.importErrs[0]; got != "Nothing was imported from clips.csv (read as CSV): fix the 3 problems below and import it again." {
		t.Errorf("import summary %q", got)
	}
	good := strings.Replace(csv, "five", "5", 1)
	c.importFile("clips.csv", []byte(good))
	if c.log.Len() != 2 || len(c.importErrs) != 0 || !strings.Contains(c.status, "Imported 2 clips") {
		t.Errorf("good import: %d clips, errors %v, status %q", c.log.Len(), c.importErrs, c.status)
	}
	c.importFile("clips.csv", []byte(good))
	if c.log.Len() != 2 {
		t.Errorf("importing twice duplicated clips: %d", c.log.Len())
	}
	// The file names no platform or model, only their IDs: the list, the
	// measure and the delete buttons name them as the catalog does (before:
	// " · "), and an ID the catalog does not know by itself.
	c.importFile("more.csv", []byte("date,profile_id,model_id,seconds,credits,currency,price_per_credit,kept\r\n"+
		"2025-03-03,kling,kling-v9,5,20,USD,0.01,yes\r\n"))
	// An ID the app does not know is imported as written, and said.
	if want := "Read more.csv as CSV. Imported 1 clip; 1 clip names a platform or model this app does not know (line 2: kling · kling-v9), " +
		"imported as written: check the spelling."; c.status != want {
		t.Errorf("status %q, want %q", c.status, want)
	}
	html := logHTML(t, c)
	for text, n := range map[string]int{
		">Runway (app) · Gen-4<": 3, ": the clip of 2025-03-01, Runway (app) · Gen-4": 2, // its Edit and Delete
		">Kling AI (app) · kling-v9<": 2, "> · <": 0,
	} {
		if got := strings.Count(html, text); got != n {
			t.Errorf("%q %d times, want %d", text, got, n)
		}
	}
	// Each Delete has a name of its own, by its row: two clips of a day on
	// one model had one.
	for i := 1; i <= c.log.Len(); i++ {
		for _, b := range []string{"Edit", "Delete"} {
			if n := strings.Count(html, `aria-label="`+b+` row `+strconv.Itoa(i)+`: the clip of `); n != 1 {
				t.Errorf("%s row %d: %d buttons", b, i, n)
			}
		}
	}

	// A backup of this log, imported into an empty one, exports the same.
	var a strings.Builder
	if err := c.log.ExportJSON(&a, "2025-03-01T10:00:00Z"); err != nil {
		t.Fatal(err)
	}
	d := loadLog(t, cliplog.NewMemStore())
	d.importFile("backup.json", []byte(a.String()))
	var b strings.Builder
	if err := d.log.ExportJSON(&b, "2025-03-01T10:00:00Z"); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Errorf("export → import → export differs:\n%s\n%s", a.String(), b.String())
	}
}

// TestLogPackPricePeriod: on a platform that sells packs and no plan,
// what is paid is a pack's, once: "$30 a month" in Price paid is refused
// naming the field, as another period is, where it was read as the pack's
// price. A platform with plans still reads a month's (TestLogPlans).
func TestLogPackPricePeriod(t *testing.T) {
	s := cliplog.NewMemStore()
	packs := cloneProfile(catalogProfile(t, "runway"), never)
	packs.ID, packs.Name, packs.Platform, packs.Plans = "packs-only", "Packs Only", "Packs Only", nil
	for i := range packs.Packs {
		packs.Packs[i].RequiresPlan = false
	}
	if err := saveCustom(s, packs, ""); err != nil {
		t.Fatal(err)
	}
	c := loadLog(t, s)
	c.values["plan_profile"] = "packs-only"
	c.edited("plan_profile")
	// Its first pack is picked (TestLogPacks); a person's own price for
	// a pack is typed under "My own price".
	if c.values["plan"] != packs.Packs[0].ID {
		t.Fatalf("a platform with no plan: plan %q, want its first pack %q", c.values["plan"], packs.Packs[0].ID)
	}
	c.values["plan"] = customPlan
	c.edited("plan")
	if html := logHTML(t, c); !strings.Contains(html, ">for a pack<") || strings.Contains(html, "per month, or for a pack") {
		t.Error("Price paid's hint on a platform of packs alone is not “for a pack”")
	}
	for _, tt := range []struct{ price, credits, key, want string }{
		{"$30 a month", "1,000", "plan_price", "Price paid is not per month: type the amount alone."},
		{"$30/mo", "1,000", "plan_price", "Price paid is not per month: type the amount alone."},
		{"$30", "1,000 credits a month", "plan_credits", "Credits it buys is not per month: type the number alone."},
	} {
		c.values["plan_price"], c.values["plan_credits"] = tt.price, tt.credits
		c.edited("plan_price")
		if c.errs[tt.key] != tt.want || c.planPrice != "" {
			t.Errorf("%q for %q on a platform of packs: messages %v, price %q; want %q", tt.price, tt.credits, c.errs, c.planPrice, tt.want)
		}
	}
	c.values["plan_price"], c.values["plan_credits"] = "$30", "1,000 credits"
	c.edited("plan_price")
	if c.planPrice != "That is $0.03 per credit." || len(c.errs) != 0 {
		t.Errorf("$30 for 1,000 credits: %q %v", c.planPrice, c.errs)
	}
}

func TestLogPlans(t *testing.T) {
	s := cliplog.NewMemStore()
	c := loadLog(t, s)
	// Runway's Standard plan, monthly: $15 for 625 credits, its credits said
	// beside its price per credit (the picker names only the plan's price).
	c.values["plan"], c.values["billing"] = "standard", "monthly"
	c.edited("plan")
	if c.planPrice != "625 credits a month: $0.024 per credit." {
		t.Errorf("plan price %q", c.planPrice)
	}
	if i := slices.IndexFunc(c.planChoices(), func(ch choice) bool { return ch.Value == "standard" }); i < 0 ||
		c.planChoices()[i].Label != "Standard — $15.00/mo" {
		t.Errorf("plan choices %v", c.planChoices())
	}
	// A custom price: $10 for 1,000 credits → $0.01 a credit. Typed as
	// "€10" first, in a plan priced in dollars: refused, not read as $10.
	c.values["plan"] = customPlan
	c.edited("plan")
	// Nothing typed yet is not an error yet (it said "Price paid is
	// empty." as the fields appeared); saving says so.
	if len(c.errs) != 0 {
		t.Errorf("choosing my own price: messages %v before anything is typed", c.errs)
	}
	c.onSavePlan(app.Context{}, noEvent)
	if c.errs["plan_price"] != "Price paid is empty." {
		t.Errorf("saving my own price empty: messages %v", c.errs)
	}
	c.values["plan_price"], c.values["plan_credits"] = "€10", "1,000"
	c.edited("plan_credits")
	if want := "Price paid is in USD, not EUR: type the amount alone, or change the currency."; c.errs["plan_price"] != want {
		t.Errorf("€10 in a dollar plan: message %q, want %q", c.errs["plan_price"], want)
	}
	// A plan's month as its pricing page writes it; a year's is refused.
	c.values["plan_price"] = "$120 a year"
	c.edited("plan_price")
	if want := "Price paid is per month, not per year: type the price of one month."; c.errs["plan_price"] != want {
		t.Errorf("$120 a year: message %q, want %q", c.errs["plan_price"], want)
	}
	c.values["plan_price"], c.values["plan_credits"] = "$10/month", "1,000 credits a month"
	c.edited("plan_price")
	if c.planPrice != "That is $0.01 per credit." || c.errs["plan_price"] != "" || c.errs["plan_credits"] != "" {
		t.Errorf("$10/month for 1,000 credits a month: %q %v", c.planPrice, c.errs)
	}
	c.values["plan_price"], c.values["plan_credits"] = "10", "1,000"
	c.edited("plan_price")
	if c.planPrice != "That is $0.01 per credit." {
		t.Errorf("plan price %q", c.planPrice)
	}
	c.onSavePlan(app.Context{}, noEvent)
	if len(c.planRows) != 1 || c.planRows[0].Profile != "runway" {
		t.Fatalf("plans %+v (alert %q)", c.planRows, c.alert)
	}
	if html := logHTML(t, c); !strings.Contains(html, `aria-label="Remove: Runway (app)"`) {
		t.Error("the plan's Remove button does not name the plan's platform")
	}
	if got := value(t, logHTML(t, c), "log-clip-cost"); got != "0.6" { // 60 credits × 0.01
		t.Errorf("clip cost with my plan %q, want 0.6", got)
	}
	if !c.save(false) {
		t.Fatal(c.alert)
	}
	e := c.log.Entries()[0]
	if e.PlanID != "" || e.PricePerCredit.Amount.String() != "0.01" {
		t.Errorf("entry priced at %v plan %q", e.PricePerCredit, e.PlanID)
	}
	// A bundled plan, billed yearly: Pro, $28 a month for 2,250 credits.
	c.values["plan"] = "pro"
	c.edited("plan")
	c.values["billing"] = "yearly"
	c.edited("billing")
	c.onSavePlan(app.Context{}, noEvent)
	if p, _ := c.log.Plan("runway"); p.PlanID != "pro" || p.Billing != cliplog.Yearly {
		t.Errorf("saved plan %+v", p)
	}
	c.onRemovePlan("runway")(app.Context{}, noEvent)
	if len(c.planRows) != 0 {
		t.Errorf("plan not removed")
	}

	// Billing offers the ways the plan is sold, and follows the plan: from
	// Runway's yearly Pro to Kling, sold monthly only, then to Higgsfield's
	// Starter, sold yearly only.
	c.values["billing"] = "yearly"
	c.edited("billing")
	for _, pick := range [][4]string{
		{"plan_profile", "kling", "monthly", "1"},
		{"plan_profile", "higgsfield", "monthly", "2"},
		{"plan", "starter", "yearly", "1"},
	} {
		c.values[pick[0]] = pick[1]
		c.edited(pick[0])
		html := logHTML(t, c)
		sel := regexp.MustCompile(`(?s)<select[^>]*id="f-billing".*?</select>`).FindString(html)
		if c.values["billing"] != pick[2] || c.errs["billing"] != "" || c.planPrice == "" ||
			strconv.Itoa(strings.Count(sel, "<option")) != pick[3] {
			t.Errorf("after picking %s %s: billing %q (message %q, price %q), choices %s", pick[0], pick[1], c.values["billing"], c.errs["billing"], c.planPrice, sel)
		}
	}
}

// TestLogPlanNav: the nav's remembered calculator follows a plan saved in
// /log, and goes back to its default plan when the plan is removed: it
// stayed on the removed Pro yearly, while /log went back to the default.
func TestLogPlanNav(t *testing.T) {
	old := lastLinks
	t.Cleanup(func() { lastLinks = old })
	lastLinks = map[string]string{"/": "profile=runway&plan=standard&model=gen-4&dur=5"}
	c := loadLog(t, cliplog.NewMemStore())
	c.values["plan_profile"], c.values["plan"], c.values["billing"] = "runway", "pro", "yearly"
	c.edited("billing")
	c.onSavePlan(app.Context{}, noEvent)
	if got := lastLinks["/"]; got != "profile=runway&plan=pro&billing=yearly&model=gen-4&dur=5" {
		t.Errorf("after saving Pro yearly: /#%s", got)
	}
	c.onRemovePlan("runway")(app.Context{}, noEvent)
	if got := lastLinks["/"]; got != "profile=runway&model=gen-4&dur=5" {
		t.Errorf("after removing it: /#%s, want the calculator's default plan", got)
	}
	// A plan picked on the calculator since is the person's, and stays.
	c.values["plan_profile"], c.values["plan"], c.values["billing"] = "runway", "pro", "yearly"
	c.edited("billing")
	c.onSavePlan(app.Context{}, noEvent)
	if len(c.planRows) != 1 {
		t.Fatalf("Pro not saved again: %q", c.alert)
	}
	lastLinks["/"] = "profile=runway&plan=unlimited&model=gen-4&dur=5"
	c.onRemovePlan("runway")(app.Context{}, noEvent)
	if got := lastLinks["/"]; got != "profile=runway&plan=unlimited&model=gen-4&dur=5" {
		t.Errorf("another plan, after removing Pro: /#%s", got)
	}
}

func TestLogCurrency(t *testing.T) {
	s := cliplog.NewMemStore()
	c := loadLog(t, s)
	if !c.save(false) { // $1.44
		t.Fatal(c.alert)
	}
	c.values["disp"] = "EUR"
	c.edited("disp")
	c.values["rate_EUR"] = "0.5"
	c.edited("rate_EUR")
	html := logHTML(t, c)
	if got := value(t, html, idLogCost); got != "0.72" {
		t.Errorf("spent in EUR at 0.5: %q, want 0.72", got)
	}
	if c.log.Entries()[0].Cost.Currency != "USD" {
		t.Errorf("the entry's currency changed")
	}
	c.values["rate_EUR"] = "abc"
	c.edited("rate_EUR")
	if c.errs["rate_EUR"] == "" {
		t.Errorf("a bad rate has no message")
	}
	if r := c.log.Settings().Rates.Per["EUR"]; r.String() != "0.5" {
		t.Errorf("a bad rate was saved: %v", r)
	}
}

// TestLogRateMark: a rate is the number of its currency that 1 USD buys;
// typed with that currency's mark it is read, with another's it is refused
// naming the field and saying what the rate is, and the saved rate stays.
// "$0.9" and "0.9 GBP" in 1 USD in EUR were saved as 0.9 euros.
func TestLogRateMark(t *testing.T) {
	s := cliplog.NewMemStore()
	c := loadLog(t, s)
	for _, tt := range []struct{ key, in, want, saved string }{
		{"rate_EUR", "€0.9", "", "0.9"},
		{"rate_EUR", "0.8 EUR", "", "0.8"},
		{"rate_EUR", "$0.7", "1 USD in EUR is in EUR (what 1 USD buys), not USD: type the number alone.", "0.8"},
		{"rate_EUR", "0.7 GBP", "1 USD in EUR is in EUR (what 1 USD buys), not GBP: type the number alone.", "0.8"},
		{"rate_GBP", "€0.7", "1 USD in GBP is in GBP (what 1 USD buys), not EUR: type the number alone.", "0.76"},
		{"rate_GBP", "£0.7", "", "0.7"},
	} {
		c.values[tt.key] = tt.in
		c.edited(tt.key)
		if got := c.errs[tt.key]; got != tt.want {
			t.Errorf("%s %q: message %q, want %q", tt.key, tt.in, got, tt.want)
		}
		cur := pricing.Currency(strings.TrimPrefix(tt.key, "rate_"))
		if got := c.log.Settings().RatesOrDefault().Per[cur]; got.String() != tt.saved {
			t.Errorf("%s %q: saved %s, want %s", tt.key, tt.in, got, tt.saved)
		}
	}
	// A link's rate (euros for 1 USD) is read by the same rule.
	if _, used, err := linkedRate(pricing.DefaultRates(), "$0.9"); used || err == nil ||
		errorMessage(err) != "Exchange rate is in EUR (what 1 USD buys), not USD: type the number alone." {
		t.Errorf("a link's rate=~$0.9: used %v, %v", used, err)
	}
	if got := linkRateWords("$0.9", false); got != "the link's rate is not in EUR, and is not used" {
		t.Errorf("a link's rate=~$0.9 is said as %q", got)
	}
	if r, used, err := linkedRate(pricing.DefaultRates(), "€0.9"); !used || err != nil || r.Per[pricing.EUR].String() != "0.9" {
		t.Errorf("a link's rate=~€0.9: %v, used %v, %v", r.Per, used, err)
	}
}

// TestLogOtherCurrency: a clip priced in a currency other than USD, EUR and
// GBP (a CSV's, a custom profile's) is converted at a rate typed in a field
// of its own. The totals showed "—" and said "There is no exchange rate for
// this currency. Type its rate under Your data", where the only rates were
// EUR's and GBP's.
func TestLogOtherCurrency(t *testing.T) {
	s := cliplog.NewMemStore()
	c := loadLog(t, s)
	c.importFile("clips.csv", []byte("date,profile_id,model_id,seconds,credits,currency,price_per_credit,kept,client\r\n"+
		"2025-03-01,runway,gen-4,5,60,USD,0.024,yes,Acme\r\n"+
		"2025-03-01,runway,gen-4,5,60,CAD,0.03,yes,Beta\r\n"))
	if c.log.Len() != 2 {
		t.Fatalf("import: %q %v", c.status, c.importErrs)
	}
	if want := "There is no exchange rate for CAD: type 1 USD in CAD under Your data, Exchange rates."; c.totalMsg != want {
		t.Errorf("message %q, want %q", c.totalMsg, want)
	}
	html := logHTML(t, c)
	if !strings.Contains(html, `for="f-rate_CAD"`) || !strings.Contains(html, ">1 USD in CAD<") {
		t.Fatalf("no field for the CAD rate")
	}
	// As a person writes a Canadian dollar's rate: the sign and the code.
	c.values["rate_CAD"] = "$1.5 CAD"
	c.edited("rate_CAD")
	if msg := c.errs["rate_CAD"]; msg != "" {
		t.Errorf("rate %q: %q", c.values["rate_CAD"], msg)
	}
	html = logHTML(t, c)
	if got := value(t, html, idLogCost); got != "2.64" || c.totalMsg != "" { // $1.44 + CAD 1.80 ÷ 1.5
		t.Errorf("spent %q (%q), want 2.64", got, c.totalMsg)
	}
	// Saved with the others, and shown again on the next visit.
	d := loadLog(t, s)
	if got := d.values["rate_CAD"]; got != "1.5" || d.values["rate_EUR"] != "0.86" {
		t.Errorf("next visit: CAD %q, EUR %q", got, d.values["rate_EUR"])
	}
	if got := value(t, logHTML(t, d), idLogCost); got != "2.64" {
		t.Errorf("next visit: spent %q", got)
	}
}

// TestLogTwoTabs: two pages over one storage (two tabs) each log a clip;
// neither is lost, and a reload shows both.
func TestLogTwoTabs(t *testing.T) {
	s := cliplog.NewMemStore()
	a := loadLog(t, s)
	b := newClipLog()
	e := app.NewTestEngine()
	if err := e.Load(b); err != nil {
		t.Fatal(err)
	}
	if !a.save(false) || !b.save(false) {
		t.Fatalf("saves: %q %q", a.alert, b.alert)
	}
	a.reload()
	b.reload()
	if a.log.Len() != 2 || b.log.Len() != 2 {
		t.Errorf("after reload: %d and %d clips, want 2 and 2", a.log.Len(), b.log.Len())
	}
}

// noEvent is an event whose methods do nothing (natively).
var noEvent = app.Event{Value: app.Undefined()}

// The clip's working multiplies out as shown: $10 for 660 credits is
// $0.0152 a credit, but 20 credits × $0.0152 would be $0.304, not the $0.303
// shown as the cost.
func TestLogWorkingChecksOut(t *testing.T) {
	c := loadLog(t, cliplog.NewMemStore())
	c.values["plan"] = customPlan
	c.edited("plan")
	c.values["plan_price"], c.values["plan_credits"] = "10", "660"
	c.edited("plan_credits")
	c.onSavePlan(app.Context{}, noEvent)
	typeClip(c, map[string]string{"credits": "20", "dur": "7"})
	if c.cost.Text != "$0.303" || c.cost.Working != "20 credits × $0.01515" {
		t.Errorf("cost %q, working %q; want $0.303, 20 credits × $0.01515", c.cost.Text, c.cost.Working)
	}
	if c.perSecond.Text != "$0.0433" || c.perSecond.Working != "$0.303 ÷ 7 s" {
		t.Errorf("per second %q, working %q", c.perSecond.Text, c.perSecond.Working)
	}
}

// TestLogAPIClip: a pay-as-you-go clip's cost has no credits × price
// working: it read "0.96 USD × $1.00 = $0.96".
func TestLogAPIClip(t *testing.T) {
	c := loadLog(t, cliplog.NewMemStore())
	typeClip(c, map[string]string{"profile": "veo-api", "model": "veo-3-1-fast", "res": "1080p", "dur": "8"})
	if c.cost.Text != "$0.96" || c.cost.Working != "" {
		t.Errorf("Veo 3.1 Fast, 1080p, 8 s: cost %q, working %q", c.cost.Text, c.cost.Working)
	}
	typeClip(c, map[string]string{"profile": "runway", "model": "gen-4-turbo", "dur": "10"})
	if c.cost.Working == "" {
		t.Error("a plan's clip has no working")
	}
}

// TestLogDraftRestored: a draft comes back as it was picked: Kling's models
// for a Kling clip (it came back with Runway's list and credits, priced at
// Kling's rate), and nothing of a platform deleted since.
func TestLogDraftRestored(t *testing.T) {
	s := cliplog.NewMemStore()
	c := loadLog(t, s)
	typeClip(c, map[string]string{"profile": "kling", "model": "kling-2-6-standard", "dur": "10", "project": "Acme ad"})
	want := c.cost.Value
	c = loadLog(t, s)
	if c.values["profile"] != "kling" || c.values["model"] != "kling-2-6-standard" || c.values["project"] != "Acme ad" || c.cost.Value != want {
		t.Errorf("restored %v, cost %s (want %s)", c.values, c.cost.Value, want)
	}
	if !slices.ContainsFunc(c.models, func(ch choice) bool { return ch.Value == "kling-2-6-standard" }) ||
		slices.ContainsFunc(c.models, func(ch choice) bool { return ch.Value == "gen-4" }) {
		t.Errorf("the model list is not Kling's: %v", c.models)
	}
	testTabs[s].Put(draftKey, "profile=gone&model=x&note=kept")
	c = loadLog(t, s)
	if c.values["profile"] == "gone" || c.values["note"] != "kept" || c.clipMsg != "" {
		t.Errorf("a draft of a deleted platform: %v (message %q)", c.values, c.clipMsg)
	}
}

// TestLogDraftPerTab: two tabs on /log shared one draft in localStorage:
// a reload showed what the other tab typed last, a clip logged there
// emptied this tab's draft, a new tab opened with another's half-typed
// clip (to log twice), and a reload put the other tab's edit in the form.
// Each tab now has its own; the clips stay shared.
func TestLogDraftPerTab(t *testing.T) {
	s := cliplog.NewMemStore()
	a := loadLog(t, s)
	typeClip(a, map[string]string{"profile": "kling", "model": "kling-2-6-standard", "dur": "10", "project": "A's project", "note": "typed in A"})
	tabB := cliplog.NewMemStore()
	b := loadLogInTab(t, s, tabB)
	if b.values["project"] != "" || b.values["note"] != "" || b.values["profile"] == "kling" {
		t.Errorf("a new tab opened with the other's draft: %v", b.values)
	}
	typeClip(b, map[string]string{"project": "B's project", "note": "typed in B"})
	form := func(c *clipLog) string {
		return c.values["profile"] + "|" + c.values["project"] + "|" + c.values["note"]
	}
	if a = loadLog(t, s); form(a) != "kling|A's project|typed in A" {
		t.Errorf("tab A reloaded holds %q", form(a))
	}
	if !b.save(false) {
		t.Fatalf("tab B's save: %q %v", b.clipMsg, b.errs)
	}
	if a = loadLog(t, s); form(a) != "kling|A's project|typed in A" || len(a.rows) != 1 || a.rows[0].Project != "B's project" {
		t.Errorf("after tab B logged its clip, tab A reloaded holds %q and %d clips", form(a), len(a.rows))
	}
	if b = loadLogInTab(t, s, tabB); b.values["project"] != "" || b.values["note"] != "" {
		t.Errorf("tab B, its clip logged, reloaded holds %v", b.values)
	}
	// An edit begun in tab B stays there.
	b.onEdit(b.rows[0].ID)(app.Context{}, noEvent)
	if b.editing == nil {
		t.Fatal("tab B is not editing")
	}
	if a = loadLog(t, s); a.editing != nil || form(a) != "kling|A's project|typed in A" {
		t.Errorf("tab A reloaded edits %v, holds %q", a.editing, form(a))
	}
	if b = loadLogInTab(t, s, tabB); b.editing == nil || b.values["project"] != "B's project" {
		t.Errorf("tab B reloaded lost its edit: %v", b.values)
	}
}

// TestLogDraftDate: a date typed in the clip form comes back with the
// draft (a visit to another page, a reload): it was dropped, and last
// week's clips were logged at today's date unseen. The form's own date,
// today's, is not kept, so a draft left overnight is logged on the new
// day, and so is a draft of the version before, which kept it always.
func TestLogDraftDate(t *testing.T) {
	s := cliplog.NewMemStore()
	c := loadLog(t, s)
	typeClip(c, map[string]string{"date": "2025-02-20", "note": "last week's"})
	if c = loadLog(t, s); c.values["date"] != "2025-02-20" || c.values["note"] != "last week's" {
		t.Errorf("the draft came back dated %q (%v), want the 2025-02-20 typed", c.values["date"], c.values)
	}
	// Left on 2025-02-28 with the form's own date, opened on 2025-03-01.
	logNow = func() time.Time { return time.Date(2025, 2, 28, 23, 0, 0, 0, time.UTC) }
	c.resetClip("")
	typeClip(c, map[string]string{"note": "yesterday's draft"})
	if c = loadLog(t, s); c.values["date"] != "2025-03-01" || c.values["note"] != "yesterday's draft" {
		t.Errorf("yesterday's draft came back dated %q (%v), want today's", c.values["date"], c.values)
	}
	testTabs[s].Put(draftKey, "date=2025-02-27&note=before+the+update")
	if c = loadLog(t, s); c.values["date"] != "2025-03-01" || c.values["note"] != "before the update" {
		t.Errorf("the version before's draft came back dated %q (%v), want today's", c.values["date"], c.values)
	}
}

// TestLogDraftMoved: a draft the version before kept in localStorage, for
// every tab, comes back in the first tab to open /log after the update
// (its reload lost nothing), and only there.
func TestLogDraftMoved(t *testing.T) {
	s := cliplog.NewMemStore()
	s.Put(draftKey, "profile=kling&model=kling-2-6-standard&dur=10&note=typed+before+the+update")
	c := loadLog(t, s)
	if c.values["profile"] != "kling" || c.values["note"] != "typed before the update" {
		t.Errorf("the old draft did not come back: %v", c.values)
	}
	if _, ok, _ := s.Get(draftKey); ok {
		t.Error("the old draft is still in localStorage")
	}
	if c = loadLog(t, s); c.values["note"] != "typed before the update" {
		t.Errorf("reloaded, the tab lost the draft: %v", c.values)
	}
	if c = loadLogInTab(t, s, cliplog.NewMemStore()); c.values["note"] != "" {
		t.Errorf("a second tab got the draft too: %v", c.values)
	}
}

// TestLogAnotherLikeThis: "Log another like this" keeps every field but
// the credits typed by hand, which were what the platform charged for
// that clip: kept, the next clip was logged at them unseen. The next
// clip has the catalog's again, and the status says so; where the
// catalog has none (Sora 2 with audio) the field is left to type.
func TestLogAnotherLikeThis(t *testing.T) {
	s := cliplog.NewMemStore()
	c := loadLog(t, s)
	typeClip(c, map[string]string{"model": "gen-4-turbo", "dur": "10", "credits": "55", "project": "Acme launch", "client": "Acme", "kept": "no"})
	if !c.save(true) {
		t.Fatalf("save: %q %v", c.clipMsg, c.errs)
	}
	if c.values["credits"] != "50" || c.cost.Value != "1.2" {
		t.Errorf("the next clip's credits %q (cost %s), want the catalog's 50 ($1.20), not the 55 typed", c.values["credits"], c.cost.Value)
	}
	if want := " The next clip has the catalog's 50 credits, not the 55 typed for this one."; !strings.HasSuffix(c.status, want) {
		t.Errorf("status %q, want it to end %q", c.status, want)
	}
	for k, v := range map[string]string{"model": "gen-4-turbo", "dur": "10", "project": "Acme launch", "client": "Acme", "kept": "no"} {
		if c.values[k] != v {
			t.Errorf("the next clip's %s %q, want %q kept", k, c.values[k], v)
		}
	}
	if !c.save(true) || !strings.HasSuffix(c.status, " clips in your log.") {
		t.Errorf("the catalog's credits logged again: status %q, want nothing said of credits", c.status)
	}
	if c = loadLog(t, s); c.values["credits"] != "50" {
		t.Errorf("reloaded, the draft's credits %q, want 50", c.values["credits"])
	}
	logRandom = &countingReader{n: 100} // reloaded at the same millisecond: another id

	typeClip(c, map[string]string{"profile": "sora-api", "model": "sora-2", "res": "720p", "dur": "8", "audio": "1", "credits": "1.2"})
	if !c.save(true) {
		t.Fatalf("save: %q %v", c.clipMsg, c.errs)
	}
	if c.values["credits"] != "" || c.values["audio"] != "1" || !strings.HasSuffix(c.status, " Type the next clip's credits: the 1.2 typed were this clip's.") {
		t.Errorf("Sora 2 with audio again: credits %q, audio %q, status %q", c.values["credits"], c.values["audio"], c.status)
	}
	if c.save(true) || c.errs["credits"] == "" {
		t.Errorf("the next Sora 2 clip was logged without credits typed: %v", c.errs)
	}
}

// TestLogSpendPerProject: "Spend per project" of two clients who each
// have a "Website" shows two bars, one per client: it showed one, the sum
// of two bills.
func TestLogSpendPerProject(t *testing.T) {
	c := loadLog(t, cliplog.NewMemStore())
	for _, cl := range []map[string]string{
		{"model": "gen-4-turbo", "dur": "10", "project": "Website", "client": "Acme"},
		{"model": "gen-4-turbo", "dur": "5", "project": "Website", "client": "Beta"},
		{"model": "gen-4-turbo", "dur": "5", "project": "Launch", "client": "Acme"},
	} {
		typeClip(c, cl)
		if !c.save(false) {
			t.Fatalf("save: %q %v", c.clipMsg, c.errs)
		}
	}
	c.values["chart"] = "project"
	c.edited("chart")
	var bars []string
	for _, b := range c.chart.Bars {
		bars = append(bars, b.Label+": "+b.Text)
	}
	want := []string{"Website (Acme): $1.20 · 1 clip", "Launch: $0.60 · 1 clip", "Website (Beta): $0.60 · 1 clip"}
	if !slices.Equal(bars, want) {
		t.Errorf("spend per project %q, want %q", bars, want)
	}
}

// TestLogTotalsInCents: money spent, by currency and in the chart's
// bars (and their table), is money paid, in cents, as the calculator's
// total; a cost per kept second or clip keeps a rate's places, and every
// data-value stays exact. They showed 4 places under $1 ("$0.726").
func TestLogTotalsInCents(t *testing.T) {
	c := loadLog(t, cliplog.NewMemStore())
	typeClip(c, map[string]string{"model": "gen-4-turbo", "dur": "5", "credits": "30.25", "project": "Launch"}) // 30.25 × $0.024
	if !c.save(false) {
		t.Fatalf("save: %q %v", c.clipMsg, c.errs)
	}
	html := logHTML(t, c)
	for _, r := range []struct{ id, text, value string }{
		{idLogCost, "$0.73", "0.726"},
		{idLogCostPerKeptSec, "$0.1452", "0.1452"}, // 0.726 ÷ 5 s
		{idLogCostPerKept, "$0.726", "0.726"},
	} {
		if _, text, _ := element(html, r.id); !strings.Contains(text, r.text) || value(t, html, r.id) != r.value {
			t.Errorf("#%s %q (data-value %q), want %s (%s)", r.id, text, value(t, html, r.id), r.text, r.value)
		}
	}
	for _, by := range []string{"month", "project"} {
		c.values["chart"] = by
		c.edited("chart")
		if len(c.chart.Bars) != 1 || c.chart.Bars[0].Text != "$0.73 · 1 clip" {
			t.Errorf("spend per %s: %+v", by, c.chart.Bars)
		}
		html := logHTML(t, c)
		if _, table, _ := strings.Cut(html, `id="log-chart-data"`); !strings.Contains(table, ">$0.73 · 1 clip") {
			t.Errorf("spend per %s, its table:\n%s", by, table)
		}
	}
	c.values["disp"] = "EUR"
	c.edited("disp")
	if !strings.HasPrefix(c.byCur, "Spent as priced: $0.73, converted to EUR") {
		t.Errorf("by currency: %q", c.byCur)
	}
}

// TestLogAddons: a model that prices add-ons shows them as boxes, and a
// ticked one counts in the catalog's credits: Veo 3 on the API with audio,
// 8 s, is $3.20 ($0.20 + $0.20 a second), not $1.60. Another model's form
// has no box and counts none; the draft keeps the tick.
func TestLogAddons(t *testing.T) {
	s := cliplog.NewMemStore()
	c := loadLog(t, s)
	typeClip(c, map[string]string{"profile": "veo-api", "model": "veo-3", "res": "720p", "dur": "8"})
	if c.cost.Text != "$1.60" || !slices.Equal(c.addons, []string{"audio"}) {
		t.Fatalf("Veo 3 without audio: %s, boxes %v", c.cost.Text, c.addons)
	}
	if html := logHTML(t, c); !strings.Contains(html, `name="audio"`) {
		t.Error("the form has no box for Veo 3's audio")
	}
	typeClip(c, map[string]string{"audio": "1"})
	if c.cost.Text != "$3.20" || c.values["credits"] != "3.2" {
		t.Errorf("Veo 3 with audio: %s (%s credits), usage %q", c.cost.Text, c.values["credits"], c.usage)
	}
	if want := "Catalog: Veo 3: $0.20/s × 8 s = $1.60; + native audio: $0.20/s × 8 s = $1.60"; c.usage != want {
		t.Errorf("usage %q", c.usage)
	}
	if c = loadLog(t, s); c.values["audio"] != "1" || c.cost.Text != "$3.20" {
		t.Errorf("the draft came back without the audio: %v, %s", c.values, c.cost.Text)
	}
	// Edited, a clip logged with audio has its box ticked again (a clip
	// keeps credits, not add-ons): a new length counts the audio. One
	// logged without has it unticked.
	for _, audio := range []string{"1", ""} {
		typeClip(c, map[string]string{"profile": "veo-api", "model": "veo-3", "res": "720p", "dur": "8", "audio": audio})
		if !c.save(false) {
			t.Fatalf("save: %q %v", c.clipMsg, c.errs)
		}
		c.onEdit(c.rows[0].ID)(app.Context{}, noEvent)
		if c.values["audio"] != audio || c.values["credits"] != c.rows[0].Credits.String() {
			t.Errorf("editing a Veo 3 clip logged with audio %q: audio %q, credits %s", audio, c.values["audio"], c.values["credits"])
		}
		typeClip(c, map[string]string{"dur": "4"})
		if want := map[string]string{"1": "1.6", "": "0.8"}[audio]; c.values["credits"] != want {
			t.Errorf("edited to 4 s, audio %q: %s credits, want %s", audio, c.values["credits"], want)
		}
		c.onCancelEdit(app.Context{}, noEvent)
	}
	// Veo 2 makes none (pricing.md: "n/a"): no box.
	typeClip(c, map[string]string{"profile": "veo-api", "model": "veo-2", "dur": "8"})
	if len(c.addons) != 0 || c.values["audio"] != "" {
		t.Errorf("Veo 2 has boxes %v, audio %q", c.addons, c.values["audio"])
	}
	if strings.Contains(logHTML(t, c), `name="audio"`) {
		t.Error("Veo 2's form has a box for audio")
	}
}

// TestLogIncludedAudio: a model whose price is with native audio (Kling
// 2.6 "with audio", Veo 3.1 on Google's API) or includes it at 0 credits
// (Luma's Ray2) had no Audio box, so a clip made with audio could not say
// so, though its cost was right. Now the box is there, "(in the price)":
// ticked already on a model priced with audio, tickable on Ray2, changing
// no credit either way; the clip keeps what it says through the list, an
// edit, a reload of a draft, a CSV file and a backup. Leaving such a model
// for one where audio costs extra unticks it, so no audio's credits are
// added unasked.
func TestLogIncludedAudio(t *testing.T) {
	s := cliplog.NewMemStore()
	c := loadLog(t, s)
	typeClip(c, map[string]string{"profile": "kling", "model": "kling-2-6-standard", "dur": "5"})
	if !slices.Equal(c.addons, []string{"audio"}) || c.values["audio"] != "1" || c.values["credits"] != "50" {
		t.Fatalf("Kling 2.6 with audio: boxes %v, audio %q, credits %q (%s)", c.addons, c.values["audio"], c.values["credits"], c.usage)
	}
	html := logHTML(t, c)
	if !strings.Contains(html, "Native audio (in the price)") || !strings.Contains(html, `name="audio"`) {
		t.Error("the form has no Audio box saying it is in the price")
	}
	if !strings.HasSuffix(c.usage, "; + native audio: included") {
		t.Errorf("usage %q, want it to say the audio is included", c.usage)
	}
	cost := c.cost.Value
	if !c.save(false) {
		t.Fatalf("save: %q %v", c.clipMsg, c.errs)
	}
	typeClip(c, map[string]string{"model": "kling-2-6-standard", "audio": ""})
	if c.values["credits"] != "50" || c.cost.Value != cost {
		t.Errorf("unticked: credits %q, cost %s, want 50 and %s", c.values["credits"], c.cost.Value, cost)
	}
	// A draft keeps the box as the person left it, unticked too.
	if c = loadLog(t, s); c.values["model"] != "kling-2-6-standard" || c.values["audio"] != "" {
		t.Errorf("the draft came back with model %q, audio %q; want Kling 2.6 unticked", c.values["model"], c.values["audio"])
	}
	logRandom = &countingReader{n: 100} // reloaded at the same millisecond: another id
	if !c.save(false) {
		t.Fatalf("save: %q %v", c.clipMsg, c.errs)
	}
	with, without := c.rows[1], c.rows[0]
	if !slices.Equal(with.Addons, []pricing.AddonKind{pricing.AddonAudio}) || without.Addons != nil || !with.Cost.Amount.Equal(without.Cost.Amount) {
		t.Fatalf("logged %v at %s and %v at %s, want audio and none at one cost", with.Addons, with.Cost, without.Addons, without.Cost)
	}
	if html := logHTML(t, c); !strings.Contains(html, "Kling 2.6 Standard (with audio) + native audio") {
		t.Error("the list does not say which clip had audio")
	}
	// Edited, each shows its box as logged, and saves unchanged.
	for _, e := range []cliplog.Entry{with, without} {
		c.onEdit(e.ID)(app.Context{}, noEvent)
		if want := map[bool]string{true: "1"}[e.Addons != nil]; c.values["audio"] != want {
			t.Errorf("editing %v: audio %q, want %q", e.Addons, c.values["audio"], want)
		}
		if !c.save(false) || !strings.HasPrefix(c.status, "Nothing was changed") {
			t.Errorf("editing %v: Save changes unchanged: %q %q %v", e.Addons, c.status, c.clipMsg, c.errs)
		}
	}
	// A CSV file and a backup say it.
	var csv, backup strings.Builder
	if err := c.log.ExportCSV(&csv, cliplog.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := c.log.ExportJSON(&backup, "2026-11-27T00:00:00Z"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(csv.String(), ",audio\r\n") || !strings.Contains(backup.String(), `"addons":"audio"`) {
		t.Errorf("the exports lost the audio:\n%s\n%s", csv.String(), backup.String())
	}

	// Veo 3.1 on Google's API is priced with audio; Veo 3 there prices it
	// on top: coming from Veo 3.1, its box is unticked, $1.60 for 8 s.
	typeClip(c, map[string]string{"profile": "veo-api"})
	if c.values["model"] != "veo-3-1" || c.values["audio"] != "1" {
		t.Errorf("Veo 3.1: audio %q", c.values["audio"])
	}
	if !c.save(false) || c.values["model"] != "veo-3-1" || c.values["audio"] != "1" {
		t.Errorf("the fresh form after Log clip: %s, audio %q; want Veo 3.1 ticked (%q %v)", c.values["model"], c.values["audio"], c.clipMsg, c.errs)
	}
	typeClip(c, map[string]string{"model": "veo-3", "res": "720p", "dur": "8"})
	if c.values["audio"] != "" || c.cost.Text != "$1.60" {
		t.Errorf("Veo 3 after Veo 3.1: audio %q, %s; want unticked, $1.60", c.values["audio"], c.cost.Text)
	}
	// Ray2's audio is an option at 0 credits: a box, not ticked.
	typeClip(c, map[string]string{"profile": "luma", "model": "ray-2", "res": "720p", "dur": "5"})
	credits := c.values["credits"]
	if !slices.Equal(c.addons, []string{"audio", "upscale"}) || !slices.Equal(c.inPrice, []string{"audio"}) || c.values["audio"] != "" {
		t.Errorf("Ray2: boxes %v, in the price %v, audio %q", c.addons, c.inPrice, c.values["audio"])
	}
	if typeClip(c, map[string]string{"audio": "1"}); c.values["credits"] != credits {
		t.Errorf("Ray2 with audio: credits %q, want %q", c.values["credits"], credits)
	}
	if e, err := c.clipEntry(); err != nil || !slices.Equal(e.Addons, []pricing.AddonKind{pricing.AddonAudio}) {
		t.Errorf("Ray2 with audio: add-ons %v, %v", e.Addons, err)
	}
}

// TestLogUnpricedAudio: Sora 2 makes native audio at a price no source
// gives. Before, its form had no Audio box: a clip made with audio could
// not say so, and the form filled in the silent clip's $0.80 as its cost.
// Now the box is there; ticked, the credits are left for the person to
// type, the clip keeps its audio through an edit, a CSV file and a backup,
// and the generations per kept clip count it like any other.
// TestLogOneCredit: a clip of one credit is worked as "1 credit": it read
// "1 credits × $0.024".
func TestLogOneCredit(t *testing.T) {
	c := loadLog(t, cliplog.NewMemStore())
	typeClip(c, map[string]string{"profile": "runway"})
	for credits, want := range map[string]string{"1": "1 credit × $0.024", "50": "50 credits × $0.024"} {
		typeClip(c, map[string]string{"credits": credits})
		if c.cost.Working != want {
			t.Errorf("%s credits: the cost's working %q, want %q", credits, c.cost.Working, want)
		}
	}
}

// TestLogUnpublishedNamesModel: when the catalog has no credits for a
// clip, the Credits hint names the model as the calculator does. It read
// "Native audio price not published" and "Credit cost not published",
// beside a model picker a person may not have looked at.
func TestLogUnpublishedNamesModel(t *testing.T) {
	tests := []struct {
		clip map[string]string
		want string
	}{
		{map[string]string{"profile": "kling", "model": "kling-3-0-standard", "audio": "1"},
			"The price of Kling 3.0 Standard (silent) with native audio is not published: type what the platform charged."},
		{map[string]string{"profile": "sora", "model": "sora", "audio": "1"},
			"The price of Sora with native audio is not published: type what the platform charged."},
		// No source says whether Gen-4 Turbo makes audio: the person
		// knows, ticks the box and types the credits.
		{map[string]string{"profile": "runway", "model": "gen-4-turbo", "audio": "1"},
			"Whether Gen-4 Turbo makes native audio is not stated by its source: type what the platform charged."},
		{map[string]string{"profile": "hailuo", "model": "hailuo-2-3"},
			"The credit costs of Hailuo 2.3 are not published: type what the platform charged."},
		{map[string]string{"profile": "minimax-api", "model": "hailuo-02"},
			"The prices of Hailuo 02 are not published: type what the platform charged."},
	}
	for _, tt := range tests {
		c := loadLog(t, cliplog.NewMemStore())
		typeClip(c, map[string]string{"profile": tt.clip["profile"]})
		typeClip(c, tt.clip)
		if c.usage != tt.want || c.values["credits"] != "" {
			t.Errorf("%v: credits %q, hint %q, want %q", tt.clip, c.values["credits"], c.usage, tt.want)
		}
	}
}

func TestLogUnpricedAudio(t *testing.T) {
	s := cliplog.NewMemStore()
	c := loadLog(t, s)
	typeClip(c, map[string]string{"profile": "sora-api", "model": "sora-2", "res": "720p", "dur": "8"})
	if !slices.Equal(c.addons, []string{"audio"}) || c.values["credits"] != "0.8" {
		t.Fatalf("Sora 2, silent: boxes %v, credits %q (%s)", c.addons, c.values["credits"], c.usage)
	}
	if !strings.Contains(logHTML(t, c), `name="audio"`) {
		t.Error("the form has no box for Sora 2's audio")
	}
	typeClip(c, map[string]string{"audio": "1"})
	if want := "The price of Sora 2 with native audio is not published: type what the platform charged."; c.usage != want || c.values["credits"] != "" {
		t.Errorf("Sora 2 with audio: credits %q, usage %q, want %q", c.values["credits"], c.usage, want)
	}
	if c.save(false) || c.errs["credits"] == "" {
		t.Errorf("saved with the silent clip's credits or none: %v", c.errs)
	}
	typeClip(c, map[string]string{"credits": "1.2", "kept": "no"})
	if !c.save(true) {
		t.Fatalf("save: %q %v", c.clipMsg, c.errs)
	}
	if c.values["audio"] != "1" {
		t.Errorf("log another like this: audio %q", c.values["audio"])
	}
	typeClip(c, map[string]string{"audio": "", "kept": "yes"})
	if c.values["credits"] != "0.8" {
		t.Errorf("unticked, credits %q, want the catalog's 0.8", c.values["credits"])
	}
	if !c.save(false) {
		t.Fatalf("save: %q %v", c.clipMsg, c.errs)
	}
	byCredits := map[string][]pricing.AddonKind{}
	for _, e := range c.rows {
		byCredits[e.Credits.String()] = e.Addons
	}
	if len(byCredits) != 2 || !slices.Equal(byCredits["1.2"], []pricing.AddonKind{pricing.AddonAudio}) || byCredits["0.8"] != nil {
		t.Fatalf("logged %v, want 1.2 with audio and 0.8 without", byCredits)
	}
	if html := logHTML(t, c); value(t, html, idLogCost) != "2" || value(t, html, idLogCostPerKept) != "2" {
		t.Errorf("totals: money spent %q, per kept clip %q, want 2 and 2", value(t, html, idLogCost), value(t, html, idLogCostPerKept))
	}
	if d, src, ok := measuredTakes("sora-api", "sora-2"); !ok || d.String() != "2" {
		t.Errorf("measured takes %v %q %v, want 2", d, src, ok)
	}

	// Edited, the clip has its box ticked and its typed credits.
	for _, e := range c.rows {
		if e.Addons == nil {
			continue
		}
		c.onEdit(e.ID)(app.Context{}, noEvent)
		if c.values["audio"] != "1" || c.values["credits"] != "1.2" {
			t.Errorf("editing: audio %q, credits %q", c.values["audio"], c.values["credits"])
		}
		if !c.save(false) || !strings.HasPrefix(c.status, "Nothing was changed") {
			t.Errorf("Save changes unchanged: %q %q %v", c.status, c.clipMsg, c.errs)
		}
	}

	// A CSV file and a backup keep it.
	var csv, backup strings.Builder
	if err := c.log.ExportCSV(&csv, cliplog.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := c.log.ExportJSON(&backup, "2026-11-27T00:00:00Z"); err != nil {
		t.Fatal(err)
	}
	es, err := cliplog.ReadCSV([]byte(csv.String()))
	if err != nil {
		t.Fatal(err)
	}
	b, err := cliplog.ReadBackup([]byte(backup.String()))
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string][]cliplog.Entry{"CSV": es, "backup": b.Entries} {
		for _, e := range got {
			if i := slices.IndexFunc(c.rows, func(r cliplog.Entry) bool { return r.ID == e.ID }); len(got) != 2 || i < 0 || !e.Equal(c.rows[i]) {
				t.Errorf("the %s changed a clip: %+v", name, e)
			}
		}
	}
}

// TestLogReplace: a clip corrected in a spreadsheet (its client), imported
// again, was only "left out": nothing could save it. Replace saves the
// file's version, and Put back the saved one.
func TestLogReplace(t *testing.T) {
	s := cliplog.NewMemStore()
	c := loadLog(t, s)
	typeClip(c, map[string]string{"client": "Cobalt"})
	if !c.save(false) {
		t.Fatal(c.alert)
	}
	id := c.rows[0].ID
	var b strings.Builder
	if err := c.log.ExportCSV(&b, cliplog.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	c.importFile("clips.csv", []byte(strings.Replace(b.String(), "Cobalt", "Cobalt Ltd", 1)))
	if len(c.conflicts) != 1 || !strings.Contains(c.status, "other values") {
		t.Fatalf("import: %d to replace, status %q", len(c.conflicts), c.status)
	}
	if html := logHTML(t, c); !strings.Contains(html, ">Replace 1 saved clip with the file&#39;s version<") {
		t.Errorf("no Replace button")
	}
	c.onReplace(false)(app.Context{}, noEvent)
	if e, _ := c.log.Entry(id); e.Client != "Cobalt Ltd" || e.Updated == "" || c.status != "Replaced 1 clip with the file's version." {
		t.Errorf("replaced: client %q, updated %q, status %q", e.Client, e.Updated, c.status)
	}
	if html := logHTML(t, c); !strings.Contains(html, ">Put the replaced clip back as it was<") {
		t.Errorf("no Put back button")
	}
	c.onReplace(true)(app.Context{}, noEvent)
	if e, _ := c.log.Entry(id); e.Client != "Cobalt" || len(c.replaced) != 0 || c.status != "Put back 1 clip as it was." {
		t.Errorf("put back: client %q, status %q", e.Client, c.status)
	}
	// A clip deleted in the meantime is not saved again, and that is said;
	// the others are replaced (it stopped at the deleted one).
	typeClip(c, map[string]string{"client": "Dune"})
	if !c.save(false) {
		t.Fatal(c.alert)
	}
	id2 := c.rows[0].ID
	b.Reset()
	if err := c.log.ExportCSV(&b, cliplog.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	file := strings.Replace(strings.Replace(b.String(), "Cobalt", "Cobalt Ltd", 1), "Dune", "Dune SA", 1)
	c.importFile("clips.csv", []byte(file))
	if len(c.conflicts) != 2 {
		t.Fatalf("%d to replace, status %q", len(c.conflicts), c.status)
	}
	c.onDelete(id)(app.Context{}, noEvent)
	c.onReplace(false)(app.Context{}, noEvent)
	e2, _ := c.log.Entry(id2)
	if _, ok := c.log.Entry(id); ok || e2.Client != "Dune SA" ||
		c.status != "Replaced 1 clip with the file's version. 1 clip was deleted since and is not saved again." {
		t.Errorf("a deleted clip: saved %v, the other's client %q, status %q, alert %q", ok, e2.Client, c.status, c.alert)
	}
}

// TestLogFilterName: a filtered CSV is named for the client, project and
// month it holds (it was "-filtered" whatever the client).
func TestLogFilterName(t *testing.T) {
	c := loadLog(t, cliplog.NewMemStore())
	for _, tt := range []struct{ client, project, month, want string }{
		{"Acme Ltd.", "", "", "acme-ltd"},
		{"Café Noël", "Spring ad", "2025-03", "caf-no-l-spring-ad-2025-03"},
		{"", "", "", "filtered"},
		{"日本", "", "", "filtered"},
	} {
		c.values["f_client"], c.values["f_project"], c.values["f_month"] = tt.client, tt.project, tt.month
		if got := c.filterName(); got != tt.want {
			t.Errorf("%q %q %q: %q, want %q", tt.client, tt.project, tt.month, got, tt.want)
		}
	}
}

// TestLogFiltersLinked: the filters go in the address and come back from
// it (a reload lost them; a client's clips could not be bookmarked); a
// client the log has no clip of still shows as picked, with no clip; a
// kept filter that is none of the choices is said, and left out.
func TestLogFiltersLinked(t *testing.T) {
	c := loadLog(t, cliplog.NewMemStore())
	typeClip(c, map[string]string{"client": "Acme"})
	if !c.save(false) {
		t.Fatal(c.alert)
	}
	c.values["f_client"], c.values["f_kept"] = "Acme", "kept"
	if got := formatLinkState(c.filterValues(), logKeys); got != "client=Acme&kept=kept" {
		t.Errorf("link %q", got)
	}
	v, _ := url.ParseQuery("client=Beta&month=2025-03&kept=maybe")
	c.applyFilters(v)
	c.refresh()
	if c.values["f_client"] != "Beta" || c.values["f_month"] != "2025-03" || c.values["f_kept"] != "" || c.count != "0 clips of 1" {
		t.Errorf("after the link: %v, %q", c.values, c.count)
	}
	if !slices.ContainsFunc(c.filters[1], func(ch choice) bool { return ch.Value == "Beta" }) {
		t.Errorf("the client picker lacks the linked client: %v", c.filters[1])
	}
	if got := c.errs["f_kept"]; !strings.Contains(got, "“maybe” is not in the list") {
		t.Errorf("kept=maybe: message %q", got)
	}
	// The chart's choice too: a reload put it back to months.
	c.values["chart"] = "client"
	c.edited("chart")
	if got := formatLinkState(c.filterValues(), logKeys); got != "client=Beta&month=2025-03&chart=client" {
		t.Errorf("link with the chart per client %q", got)
	}
	for _, tt := range []struct{ link, chart, msg string }{
		{"chart=project", "project", ""},
		{"client=Acme", "month", ""},
		{"chart=pie", "month", "“pie” is not in the list"},
	} {
		v, _ := url.ParseQuery(tt.link)
		c.applyFilters(v)
		c.refresh()
		if c.values["chart"] != tt.chart || !strings.Contains(c.errs["chart"], tt.msg) || tt.msg == "" && c.errs["chart"] != "" {
			t.Errorf("%s: chart %q, message %q", tt.link, c.values["chart"], c.errs["chart"])
		}
	}
	if got := formatLinkState(c.filterValues(), logKeys); got != "" {
		t.Errorf("link with the chart per month %q, want it left out", got)
	}
}

// TestLogChartByClient: the spend chart is per client too, for the bills
// (it was per month or per project only).
func TestLogChartByClient(t *testing.T) {
	c := loadLog(t, cliplog.NewMemStore())
	for _, client := range []string{"Acme", "Beta", ""} {
		typeClip(c, map[string]string{"client": client})
		if !c.save(false) {
			t.Fatal(c.alert)
		}
	}
	c.values["chart"] = "client"
	c.edited("chart")
	html := logHTML(t, c)
	for _, want := range []string{">Spend per client<", ">Acme<", ">Beta<", ">No client<"} {
		if !strings.Contains(html, want) {
			t.Errorf("the chart lacks %s", want)
		}
	}
}

// TestLogEdit: a clip filed under the wrong client is corrected in place:
// Edit fills the form with it, Save changes keeps its id, creation time and
// price per credit (a plan taken since does not reprice it unless asked),
// Undo puts it back, and the new clip the person had half typed comes back
// to the form afterwards.
func TestLogEdit(t *testing.T) {
	s := cliplog.NewMemStore()
	c := loadLog(t, s)
	typeClip(c, map[string]string{"profile": "kling", "model": "kling-2-6-standard", "dur": "10", "client": "Cobalt", "note": "take 3"})
	if !c.save(false) {
		t.Fatal(c.clipMsg, c.alert)
	}
	orig := c.rows[0]
	// A plan taken since: $10 for 1,000 Kling credits, $0.01 a credit.
	c.values["plan_profile"] = "kling"
	c.edited("plan_profile")
	c.values["plan"], c.values["plan_price"], c.values["plan_credits"] = customPlan, "10", "1000"
	c.edited("plan")
	c.onSavePlan(app.Context{}, noEvent)
	if len(c.planRows) != 1 {
		t.Fatalf("plan not saved: %q %v", c.alert, c.errs)
	}
	// A new clip half typed before the edit.
	typeClip(c, map[string]string{"project": "Next ad"})

	c.onEdit(orig.ID)(app.Context{}, noEvent)
	if c.editing == nil {
		t.Fatalf("not editing: status %q", c.status)
	}
	for k, want := range map[string]string{"profile": "kling", "model": "kling-2-6-standard", "dur": "10", "client": "Cobalt",
		"note": "take 3", "project": "", "date": orig.Date, "kept": "yes", "credits": orig.Credits.String()} {
		if c.values[k] != want {
			t.Errorf("edit form %s = %q, want %q", k, c.values[k], want)
		}
	}
	html := logHTML(t, c)
	for _, want := range []string{`>Edit a clip<`, `aria-describedby="log-editing"`, `>Save changes<`, `id="log-cancel-edit"`, `class="log-row log-editing-row"`,
		`>Editing the 10 s clip of 2025-03-01 on Kling AI (app) · `, "as when it was logged.", `id="log-reprice"`} {
		if !strings.Contains(html, want) {
			t.Errorf("editing: no %s", want)
		}
	}
	if strings.Contains(html, "Log another like this") {
		t.Error("editing offers Log another like this")
	}
	typeClip(c, map[string]string{"client": "Cobalt Ltd"})
	if c.cost.Value != orig.Cost.Amount.String() {
		t.Errorf("edit preview cost %s, want %s as logged", c.cost.Value, orig.Cost.Amount)
	}
	logNow = func() time.Time { return time.Date(2025, 3, 2, 9, 0, 0, 0, time.UTC) }
	if !c.save(false) {
		t.Fatalf("save changes: %q %q %v", c.clipMsg, c.alert, c.errs)
	}
	got, _ := c.log.Entry(orig.ID)
	if c.log.Len() != 1 || got.Client != "Cobalt Ltd" || got.Created != orig.Created || got.Updated != "2025-03-02T09:00:00Z" ||
		!got.PricePerCredit.Amount.Equal(orig.PricePerCredit.Amount) || !got.Cost.Amount.Equal(orig.Cost.Amount) {
		t.Errorf("saved %d clips, the clip %+v", c.log.Len(), got)
	}
	if !strings.HasPrefix(c.status, "Saved your changes: the 10 s clip of 2025-03-01") || c.editing != nil || c.unedit == nil {
		t.Errorf("after saving: status %q, editing %v", c.status, c.editing != nil)
	}
	if c.values["project"] != "Next ad" || c.values["client"] != "" {
		t.Errorf("the half-typed clip did not come back: %v", c.values)
	}
	html = logHTML(t, c)
	if !strings.Contains(html, ">Log a clip<") || strings.Contains(html, "log-editing") {
		t.Error("the form is still editing")
	}
	c.onUndo(app.Context{}, noEvent)
	if back, _ := c.log.Entry(orig.ID); !back.Equal(orig) || !strings.HasPrefix(c.status, "Put back the 10 s clip") {
		t.Errorf("undo: %+v, status %q", back, c.status)
	}

	// Priced at the plan now when asked: 10 s of Kling 2.6 Standard.
	c.onEdit(orig.ID)(app.Context{}, noEvent)
	c.onReprice(app.Context{}, noEvent)
	if !c.save(false) {
		t.Fatalf("save repriced: %q %v", c.clipMsg, c.errs)
	}
	if got, _ := c.log.Entry(orig.ID); !got.PricePerCredit.Amount.Equal(decimal.RequireFromString("0.01")) || got.PlanID != "" {
		t.Errorf("repriced: %s per credit, plan %q", got.PricePerCredit.Amount, got.PlanID)
	}

	// Nothing changed is said, and nothing saved.
	before, _ := c.log.Entry(orig.ID)
	c.onEdit(orig.ID)(app.Context{}, noEvent)
	if !c.save(false) || !strings.HasPrefix(c.status, "Nothing was changed") {
		t.Errorf("no change: status %q", c.status)
	}
	if after, _ := c.log.Entry(orig.ID); !after.Equal(before) {
		t.Errorf("no change saved a change: %+v", after)
	}

	// Cancel leaves it as it was.
	c.onEdit(orig.ID)(app.Context{}, noEvent)
	typeClip(c, map[string]string{"client": "Wrong"})
	c.onCancelEdit(app.Context{}, noEvent)
	if after, _ := c.log.Entry(orig.ID); !after.Equal(before) || c.editing != nil || c.values["client"] != "" {
		t.Errorf("cancel: %+v, form %v", after, c.values)
	}
}

// TestLogEditConflicts: an edit never overwrites what it did not see. A
// clip changed in another tab is said: the form takes what changed there
// and not here, names what changed in both, and is saved only when asked
// again; a clip deleted meanwhile keeps the changes in the form, to log
// as a new clip; a clip on a platform the app does not know is not put in
// a form that would change its platform; deleting the clip being edited
// ends the edit.
func TestLogEditConflicts(t *testing.T) {
	s := cliplog.NewMemStore()
	c := loadLog(t, s)
	typeClip(c, map[string]string{"client": "Cobalt"})
	if !c.save(false) {
		t.Fatal(c.clipMsg)
	}
	id := c.rows[0].ID

	c.onEdit(id)(app.Context{}, noEvent)
	typeClip(c, map[string]string{"note": "mine", "credits": "65"})
	other, _ := c.log.Entry(id)
	other.Client, other.Credits = "Theirs", decimal.NewFromInt(70)
	if _, err := c.log.Update(other); err != nil {
		t.Fatal(err)
	}
	if want := "This clip was changed elsewhere since you began (another tab, or an import). The form now has its new Client. " +
		"Changed there and here: Credits used (70 there). Check the form, then Save changes to save it."; c.save(false) || c.clipMsg != want {
		t.Fatalf("changed elsewhere: message %q, want %q", c.clipMsg, want)
	}
	if !c.save(false) {
		t.Fatalf("saving again: %q", c.clipMsg)
	}
	if got, _ := c.log.Entry(id); got.Note != "mine" || got.Client != "Theirs" || got.Credits.String() != "65" {
		t.Errorf("saved over: %+v", got)
	}
	// Another tab's change this page has not heard of yet (its storage
	// event comes later): the same.
	c.onEdit(id)(app.Context{}, noEvent)
	typeClip(c, map[string]string{"note": "mine again"})
	tab, _, err := cliplog.Open(s)
	if err != nil {
		t.Fatal(err)
	}
	other, _ = tab.Entry(id)
	other.Project = "Tab 2"
	if _, err := tab.Update(other); err != nil {
		t.Fatal(err)
	}
	if c.save(false) || !strings.Contains(c.clipMsg, "The form now has its new Project.") {
		t.Fatalf("a change in another tab not heard of: message %q", c.clipMsg)
	}
	if !c.save(false) {
		t.Fatalf("saving again: %q", c.clipMsg)
	}
	if _, err := tab.Reload(); err != nil {
		t.Fatal(err)
	}
	if got, _ := tab.Entry(id); got.Note != "mine again" || got.Project != "Tab 2" {
		t.Errorf("saved %+v", got)
	}
	// Repriced there: the form prices the clip as saved now, and says so.
	c.onEdit(id)(app.Context{}, noEvent)
	typeClip(c, map[string]string{"note": "third"})
	other, _ = c.log.Entry(id)
	other.PricePerCredit = pricing.NewMoney(decimal.RequireFromString("0.01"), pricing.USD)
	if _, err := c.log.Update(other); err != nil {
		t.Fatal(err)
	}
	if c.save(false) || !strings.Contains(c.clipMsg, "The form now has its new price per credit.") || c.cost.Value != "0.65" {
		t.Fatalf("repriced elsewhere: message %q, cost %s", c.clipMsg, c.cost.Value)
	}
	if !c.save(false) {
		t.Fatal(c.clipMsg)
	}

	c.onEdit(id)(app.Context{}, noEvent)
	typeClip(c, map[string]string{"note": "kept"})
	if _, err := c.log.Delete(id); err != nil {
		t.Fatal(err)
	}
	if c.save(false) || !strings.Contains(c.clipMsg, "no longer in your log") || c.values["note"] != "kept" {
		t.Fatalf("deleted meanwhile: message %q, note %q", c.clipMsg, c.values["note"])
	}
	if !c.save(false) || c.log.Len() != 1 || c.rows[0].Note != "kept" || c.rows[0].ID == id {
		t.Errorf("logged as new: %d clips, %+v", c.log.Len(), c.rows)
	}

	id = c.rows[0].ID
	c.onEdit(id)(app.Context{}, noEvent)
	c.onDelete(id)(app.Context{}, noEvent)
	if c.editing != nil || !strings.Contains(logHTML(t, c), ">Log a clip<") {
		t.Error("deleting the clip being edited left the form editing it")
	}

	gone, err := c.log.Add(cliplog.Entry{ID: "x1", Date: "2025-03-01", ProfileID: "gone", ModelID: "m",
		Seconds: decimal.NewFromInt(5), Credits: decimal.NewFromInt(1), PricePerCredit: cliplog.APIPrice("USD"), Created: "2025-03-01T10:00:00Z"})
	if err != nil {
		t.Fatal(err)
	}
	c.refresh()
	c.onEdit(gone.ID)(app.Context{}, noEvent)
	if c.editing != nil || !strings.Contains(c.status, "add them under Profiles") {
		t.Errorf("unknown platform: editing %v, status %q", c.editing != nil, c.status)
	}
}

// TestLogEditKeepsWhatTheFormDoesNotShow: an edit changes only what the
// person changes. A clip keeps its credits, not its add-ons: a Veo 3 clip
// logged with audio came back with the Audio box unticked, and correcting
// its length priced it without the audio. A clip whose resolution the
// model does not offer (an import that did not say one, a resolution the
// catalog dropped) took the model's first when only its client was
// corrected.
func TestLogEditKeepsWhatTheFormDoesNotShow(t *testing.T) {
	s := cliplog.NewMemStore()
	c := loadLog(t, s)
	typeClip(c, map[string]string{"profile": "veo-api", "model": "veo-3", "dur": "8", "audio": "1"})
	if !c.save(false) {
		t.Fatal(c.clipMsg, c.alert)
	}
	veo := c.rows[0] // 8 s × ($0.20 + $0.20 audio) = 3.2
	c.onEdit(veo.ID)(app.Context{}, noEvent)
	if c.values["audio"] != "1" {
		t.Errorf("editing a clip logged with audio: the Audio box is not ticked (credits %s)", c.values["credits"])
	}
	typeClip(c, map[string]string{"dur": "6"})
	if c.values["credits"] != "2.4" {
		t.Errorf("6 s of Veo 3 with audio: credits %q, want 2.4", c.values["credits"])
	}
	c.onCancelEdit(app.Context{}, noEvent)

	for _, res := range []pricing.Resolution{"", "4k"} { // Gen-4 Turbo offers 720p only
		e, err := c.log.Add(cliplog.Entry{ID: "imported-" + string(res), Date: "2025-02-01", ProfileID: "runway", ModelID: "gen-4-turbo", Res: res,
			Seconds: decimal.NewFromInt(5), Credits: decimal.NewFromInt(25), PricePerCredit: pricing.NewMoney(decimal.RequireFromString("0.01"), pricing.USD),
			Created: "2025-02-01T10:00:00Z"})
		if err != nil {
			t.Fatal(err)
		}
		c.refresh()
		c.onEdit(e.ID)(app.Context{}, noEvent)
		if c.values["res"] != string(res) || c.errs["credits"] != "" {
			t.Errorf("editing a clip at %q: the form's resolution %q, credits message %q", res, c.values["res"], c.errs["credits"])
		}
		typeClip(c, map[string]string{"client": "Acme"})
		if !c.save(false) {
			t.Fatalf("saving: %q %v", c.clipMsg, c.errs)
		}
		if got, _ := c.log.Entry(e.ID); got.Res != res || got.Client != "Acme" {
			t.Errorf("a clip at %q, its client corrected, saved at %q", res, got.Res)
		}
	}
}

// TestLogEditUndoElsewhere: Undo puts back what the last edit changed, not
// over a change made since in another tab (which it overwrote without a
// word); and a clip deleted while its edit was open is priced, in the
// form, as the new clip Log clip then saves (the form said "as when it was
// logged" and saved it at the plan's price now).
func TestLogEditUndoElsewhere(t *testing.T) {
	s := cliplog.NewMemStore()
	c := loadLog(t, s)
	typeClip(c, map[string]string{"profile": "kling", "model": "kling-2-6-standard", "dur": "10"})
	if !c.save(false) {
		t.Fatal(c.clipMsg)
	}
	id := c.rows[0].ID
	c.onEdit(id)(app.Context{}, noEvent)
	typeClip(c, map[string]string{"client": "Mine"})
	if !c.save(false) {
		t.Fatal(c.clipMsg)
	}
	theirs, _ := c.log.Entry(id)
	theirs.Project, theirs.Updated = "Theirs", "2025-03-05T00:00:00Z"
	if _, err := c.log.Update(theirs); err != nil { // another tab, then the storage event's reload
		t.Fatal(err)
	}
	c.onUndo(app.Context{}, noEvent)
	if got, _ := c.log.Entry(id); got.Project != "Theirs" || !strings.Contains(c.alert, "changed elsewhere") {
		t.Errorf("Undo after another tab's change: project %q, alert %q", got.Project, c.alert)
	}

	// A plan taken since, then the clip deleted in another tab mid-edit.
	c.values["plan_profile"] = "kling"
	c.edited("plan_profile")
	c.values["plan"], c.values["plan_price"], c.values["plan_credits"] = customPlan, "10", "1000"
	c.edited("plan")
	c.onSavePlan(app.Context{}, noEvent)
	c.onEdit(id)(app.Context{}, noEvent)
	if _, err := c.log.Delete(id); err != nil {
		t.Fatal(err)
	}
	if c.save(false) {
		t.Fatal("saved a clip deleted meanwhile")
	}
	shown := c.cost.Value
	if !c.save(false) {
		t.Fatal(c.clipMsg)
	}
	if got := c.rows[0]; got.Cost.Amount.String() != shown {
		t.Errorf("the form showed a cost of %s, Log clip saved %s", shown, got.Cost.Amount)
	}
}

// TestLogEditKept: an edit waits through a reload or a visit to another
// page as a half-typed clip does, on the clip as it is saved then (a change
// made meanwhile is said; a clip deleted meanwhile ends it). Edit on another
// clip says that the first one's changes were not saved, and the new clip's
// form after an edit is the one before it.
func TestLogEditKept(t *testing.T) {
	s := cliplog.NewMemStore()
	c := loadLog(t, s)
	for _, client := range []string{"Acme", "Beta"} {
		typeClip(c, map[string]string{"client": client})
		if !c.save(false) {
			t.Fatal(c.clipMsg)
		}
	}
	beta, acme := c.rows[0].ID, c.rows[1].ID
	typeClip(c, map[string]string{"profile": "kling", "project": "Next"})

	c.onEdit(acme)(app.Context{}, noEvent)
	typeClip(c, map[string]string{"client": "Acme Ltd"})
	c = loadLog(t, s) // a reload
	if c.editing == nil || c.editing.ID != acme || c.values["client"] != "Acme Ltd" || c.clipMsg != "" {
		t.Fatalf("after a reload: editing %v, client %q, message %q", c.editing != nil, c.values["client"], c.clipMsg)
	}
	other, _ := c.log.Entry(acme)
	other.Note, other.Updated = "theirs", "2025-03-01T11:00:00Z"
	if _, err := c.log.Update(other); err != nil {
		t.Fatal(err)
	}
	c = loadLog(t, s)
	if c.editing == nil || c.values["client"] != "Acme Ltd" || !strings.Contains(c.clipMsg, "changed elsewhere since you began editing it") {
		t.Errorf("a change meanwhile: editing %v, client %q, message %q", c.editing != nil, c.values["client"], c.clipMsg)
	}

	c.onEdit(beta)(app.Context{}, noEvent)
	if !strings.HasPrefix(c.status, "Your changes to the 5 s clip of 2025-03-01") || c.values["client"] != "Beta" {
		t.Errorf("editing another clip: status %q, client %q", c.status, c.values["client"])
	}
	c.onCancelEdit(app.Context{}, noEvent)
	if c.values["profile"] != "kling" || c.values["project"] != "Next" {
		t.Errorf("after the edit the form is %v, want the Kling clip typed before", c.values)
	}
	if c = loadLog(t, s); c.editing != nil {
		t.Error("a cancelled edit came back after a reload")
	}

	c.onEdit(beta)(app.Context{}, noEvent)
	if _, err := c.log.Delete(beta); err != nil {
		t.Fatal(err)
	}
	if c = loadLog(t, s); c.editing != nil || c.values["project"] != "Next" {
		t.Errorf("the edit of a deleted clip came back: editing %v, form %v", c.editing != nil, c.values)
	}

	// Nothing typed since the page opened (no draft): the form after
	// editing a Kling clip is the one before, on Runway.
	s = cliplog.NewMemStore()
	l, _, err := cliplog.Open(s)
	if err != nil {
		t.Fatal(err)
	}
	kling, err := l.Add(cliplog.Entry{ID: "k1", Date: "2025-03-01", ProfileID: "kling", ModelID: "kling-2-6-standard",
		Seconds: decimal.NewFromInt(10), Credits: decimal.NewFromInt(100), PricePerCredit: pricing.NewMoney(decimal.RequireFromString("0.01"), pricing.USD),
		Created: "2025-03-01T10:00:00Z"})
	if err != nil {
		t.Fatal(err)
	}
	c = loadLog(t, s)
	c.onEdit(kling.ID)(app.Context{}, noEvent)
	c.onCancelEdit(app.Context{}, noEvent)
	if c.values["profile"] != defaultProfile {
		t.Errorf("after editing a Kling clip the new clip's form is on %q, want %q as before", c.values["profile"], defaultProfile)
	}
}

// TestRatesFollowTheLog: the rates typed on /log convert /compare's and
// /plan's euros too, as they convert the log's: a $1.44 clip was €0.72 in
// the log at 0.5 and €1.24 on /compare, at the bundled 0.86. /compare's
// share carries the rate, so that a device without the log shows the same.
func TestRatesFollowTheLog(t *testing.T) {
	s := cliplog.NewMemStore()
	c := loadLog(t, s)
	c.values["rate_EUR"] = "0.5"
	c.edited("rate_EUR")

	// At 0.5, as shown (the exact amounts differ past 15 decimals: one
	// divides the cost per credit, the other the cost per clip).
	half := func(usd decimal.Decimal) string {
		return pricing.FormatMoney(pricing.NewMoney(usd.Mul(decimal.RequireFromString("0.5")), pricing.EUR))
	}
	usd, _ := loadCompare(t, "/compare#dur=5&res=720p&billing=monthly")
	eur, _ := loadCompare(t, "/compare#dur=5&res=720p&billing=monthly&cur=EUR")
	if len(eur.table.Rows) != len(usd.table.Rows) || len(eur.table.Rows) == 0 {
		t.Fatalf("%d rows in euros, %d in dollars", len(eur.table.Rows), len(usd.table.Rows))
	}
	if !strings.Contains(eur.rateHint, "Your clip log's: 1 USD = 0.5 EUR") {
		t.Errorf("/compare's rate hint %q", eur.rateHint)
	}
	dollars := map[string]pricing.RankRow{}
	for _, l := range usd.table.Rows {
		dollars[l.Key] = l.row
	}
	for _, l := range eur.table.Rows {
		if d := dollars[l.Key]; d.Original == pricing.USD && pricing.FormatMoney(l.row.CostPerClip) != half(d.CostPerClip.Amount) {
			t.Errorf("/compare: %s costs %s a clip, %s at 0.5", l.Key, pricing.FormatMoney(l.row.CostPerClip), pricing.FormatMoney(d.CostPerClip))
		}
	}
	state := shareState(eur.shareValues(), eur.errs, compareKeys)
	if !strings.Contains(state, "rate=~0.5") {
		t.Errorf("/compare shares %q, without the log's rate", state)
	}

	pu, pe := openPlanner(t, "mix=broll:20:10:720p:fast:1"), openPlanner(t, "mix=broll:20:10:720p:fast:1&cur=EUR")
	if len(pe.results) == 0 || len(pe.results) != len(pu.results) {
		t.Fatalf("/plan: %d months in euros, %d in dollars", len(pe.results), len(pu.results))
	}
	months := map[string]planLine{}
	for _, u := range pu.results {
		months[u.ID] = u
	}
	for _, l := range pe.results {
		if u := months[l.ID]; pe.currency(l.ID) == pricing.USD && l.Cost != half(decimal.RequireFromString(u.Exact)) {
			t.Errorf("/plan: %s's month %s, %s at 0.5", l.ID, l.Cost, u.Cost)
		}
	}

	// /plan's address, which is its share link, carries the log's rate
	// too; a link's other rate does not count where the log has its own.
	month := formatLinkState(pe.linkValues(), planKeys)
	if !strings.Contains(month, "rate=~0.5") {
		t.Errorf("/plan's address %q, without the log's rate", month)
	}
	if other := openPlanner(t, "mix=broll:20:10:720p:fast:1&cur=EUR&rate=0.8"); other.results[0].Cost != pe.results[0].Cost ||
		other.linkValues().Get("rate") != "~0.5" {
		t.Errorf("/plan at a link's 0.8 where the log says 0.5: %s, want %s", other.results[0].Cost, pe.results[0].Cost)
	}

	useStore(t, nil) // the shared ranking on a device without the log
	if other, _ := loadCompare(t, "/compare#"+state); len(other.table.Rows) != len(eur.table.Rows) ||
		other.table.Rows[0].Clip != eur.table.Rows[0].Clip {
		t.Errorf("shared as %q, elsewhere the cheapest costs %s a clip, here %s", state, other.table.Rows[0].Clip, eur.table.Rows[0].Clip)
	}
	// The shared month, there: the same costs, and its address keeps the
	// rate. Without it, the bundled rate converts; a bad one is left out.
	if other := openPlanner(t, month); len(other.results) != len(pe.results) || other.results[0].Cost != pe.results[0].Cost ||
		other.linkValues().Get("rate") != "~0.5" {
		t.Errorf("/plan shared as %q, elsewhere the cheapest costs %s a month, here %s", month, other.results[0].Cost, pe.results[0].Cost)
	}
	for _, link := range []string{"mix=broll:20:10:720p:fast:1&cur=EUR", "mix=broll:20:10:720p:fast:1&cur=EUR&rate=abc"} {
		if other := openPlanner(t, link); other.results[0].Cost == pe.results[0].Cost || other.linkValues().Has("rate") || len(other.errs) > 0 {
			t.Errorf("/plan#%s converts at 0.5, or keeps a rate (%v)", link, other.errs)
		}
	}
}

// TestPlanRateTypedBack: /plan's address carries the clip log's rate
// (0.5), and the nav, a reload or Back reopen it; once the log's euro rate
// is typed back to the bundled 0.86, /plan converts at 0.86, as /log and
// /compare do. It kept converting at 0.5, taken for the rate of a link's
// maker, since the log's rate was the bundled one.
func TestPlanRateTypedBack(t *testing.T) {
	c := loadLog(t, cliplog.NewMemStore())
	c.values["rate_EUR"] = "0.5"
	c.edited("rate_EUR")
	p := openPlanner(t, "mix=broll:20:10:720p:fast:1&cur=EUR")
	link := formatLinkState(p.linkValues(), planKeys)
	if !strings.Contains(link, "rate=~0.5") {
		t.Fatalf("/plan's address %q, without the log's rate", link)
	}
	c.values["rate_EUR"] = "0.86"
	c.edited("rate_EUR")
	p = openPlanner(t, link)
	if got := p.rates.Per[pricing.EUR].String(); got != "0.86" || p.linkValues().Has("rate") {
		t.Errorf("/plan#%s after the log's rate went back to 0.86: converts at %s, address %q", link, got,
			formatLinkState(p.linkValues(), planKeys))
	}
}

// TestLinkedTakesReadable: the links between the pages carry the clip
// log's measured generations per kept clip as its counts ("7/3"), which
// the other page's field shows and prices exactly, not as
// "2.3333333333333333" in that field. Gen-4 Turbo: 7 clips made, 3 kept;
// Gen-4: 4 made, 3 kept; every platform: 11 made, 6 kept.
func TestLinkedTakesReadable(t *testing.T) {
	c := loadLog(t, cliplog.NewMemStore())
	typeClip(c, map[string]string{"model": "gen-4-turbo"})
	save := func(kept ...string) {
		for _, k := range kept {
			typeClip(c, map[string]string{"kept": k})
			if !c.save(true) {
				t.Fatalf("save: %q %q %v", c.alert, c.clipMsg, c.errs)
			}
		}
	}
	save("no", "yes", "no", "no", "yes", "no", "yes")
	typeClip(c, map[string]string{"model": "gen-4"})
	save("yes", "yes", "yes", "no")
	measured.done, measured.rs = false, nil
	field := func(html, name string) string {
		t.Helper()
		tag, _, ok := element(html, fieldID(name))
		if !ok {
			t.Fatalf("no field %s", name)
		}
		v, _ := attr(tag, "value")
		return v
	}

	// /compare counts every platform's 11/6; a row's link to the
	// calculator carries it so, and the calculator shows it so, says it is
	// the log's, and prices the row's kept clip as /compare did.
	cmp := newCompare()
	cmp.init(mustURL(t, "/compare#dur=10&res=720p&tier=fast"))
	i := slices.IndexFunc(cmp.table.Rows, func(r rankLine) bool { return !strings.HasPrefix(r.Key, "runway/") })
	if i < 0 {
		t.Fatalf("no row but Runway's in %d", len(cmp.table.Rows))
	}
	row := cmp.table.Rows[i]
	link := cmp.links[i]
	if !strings.Contains(link, "&takes=11/6") {
		t.Errorf("/compare's row links to %q", link)
	}
	calc, html := loadCalculator(t, link)
	if got := field(html, "takes"); got != "11/6" {
		t.Errorf("%s: the calculator's field shows %q", link, got)
	}
	if !strings.Contains(html, "Measured from your log: 11 clips, 6 kept (every platform).") {
		t.Errorf("%s: the field does not say it is the log's measure", link)
	}
	if got := pricing.FormatMoney(pricing.NewMoney(decimal.RequireFromString(calc.resultValue(idCostPerKept, "0")),
		row.row.CostPerKeptClip.Currency)); got != pricing.FormatMoney(row.row.CostPerKeptClip) {
		t.Errorf("%s: a kept clip costs %s, on /compare %s", link, got, pricing.FormatMoney(row.row.CostPerKeptClip))
	}

	// The calculator counts Gen-4 Turbo's own 7/3: its links to /compare
	// and, past the plan's credits, to /plan carry it so, and those pages
	// show it so and price with it exactly.
	calc, _ = loadCalculator(t, "/#profile=runway&plan=standard&model=gen-4-turbo&res=720p&dur=10&clips=200")
	if !strings.Contains(calc.compare, "&takes=7/3") || !strings.Contains(calc.plan, ":7/3") {
		t.Fatalf("the calculator links to %q and %q", calc.compare, calc.plan)
	}
	_, html = loadCompare(t, calc.compare)
	cmp = newCompare()
	cmp.init(mustURL(t, calc.compare))
	if got := field(html, "takes"); got != "7/3" || !cmp.current {
		t.Errorf("%s: /compare's field shows %q (%v)", calc.compare, got, cmp.errs)
	}
	if i := slices.IndexFunc(cmp.table.Rows, func(r rankLine) bool { return r.Key == "runway/gen-4-turbo" }); i < 0 {
		t.Errorf("%s: no Gen-4 Turbo", calc.compare)
	} else if r := cmp.table.Rows[i].row; !r.CostPerKeptClip.Amount.Mul(decimal.NewFromInt(3)).Round(12).Equal(
		r.CostPerClip.Amount.Mul(decimal.NewFromInt(7)).Round(12)) {
		t.Errorf("%s: Gen-4 Turbo's kept clip %s on /compare is not 7/3 of its clip's %s", calc.compare, r.CostPerKeptClip.Amount, r.CostPerClip.Amount)
	}
	u := mustURL(t, calc.plan)
	p := openPlanner(t, u.EscapedFragment())
	if !p.current || p.rows[0].Takes != "7/3" {
		t.Errorf("%s: /plan's row takes %q (%v)", calc.plan, p.rows[0].Takes, p.errs)
	}
	if ph := app.HTMLString(p.renderRow(0)); !strings.Contains(ph, `value="7/3"`) {
		t.Errorf("%s: /plan's row: %s", calc.plan, ph)
	}
}

// TestLinkRateOneRule: /compare and /plan read a link's exchange rate by
// one rule (linkedRate). The rate a link carries as its maker's clip
// log's ("~0.8") counts where this device has no rates saved on /log, and
// the page says it is the link's; where it has, its own count, and the
// page says the link's is not used. A rate typed in /compare's field is
// the person's and counts. Before, /compare converted at a link's rate on
// a device with rates of its own, and /plan did not, without a word.
func TestLinkRateOneRule(t *testing.T) {
	for _, own := range []bool{false, true} {
		c := loadLog(t, cliplog.NewMemStore())
		want := "0.8"
		if own {
			c.values["rate_EUR"] = "0.5"
			c.edited("rate_EUR")
			want = "0.5"
		}
		measured.done, measured.rs = true, nil
		cmp := newCompare()
		cmp.init(mustURL(t, "/compare#dur=5&res=720p&billing=monthly&cur=EUR&rate=~0.8"))
		if got := cmp.rates().Per[pricing.EUR].String(); got != want || !cmp.current {
			t.Errorf("own rates %v: /compare converts at %s, want %s (%v)", own, got, want, cmp.errs)
		}
		p := openPlanner(t, "mix=broll:20:10:720p:fast:1&cur=EUR&rate=~0.8")
		if got := p.rates.Per[pricing.EUR].String(); got != want || !p.current {
			t.Errorf("own rates %v: /plan converts at %s, want %s (%v)", own, got, want, p.errs)
		}
		says := "the link's rate, from the clip log it was made with"
		if own {
			says = "your clip log's; the link's 1 USD = 0.8 EUR is not used"
		}
		if !strings.Contains(cmp.rateHint, says) || !strings.Contains(p.rateHint(), says) {
			t.Errorf("own rates %v: /compare says %q, /plan %q; want %q", own, cmp.rateHint, p.rateHint(), says)
		}
		// Reloaded, the address reads the same way; shared, it carries
		// the rate converted at.
		if got := cmp.linkValues().Get("rate"); got != "~0.8" {
			t.Errorf("own rates %v: /compare's address rate %q", own, got)
		}
		if got := cmp.shareValues().Get("rate"); got != "~"+want {
			t.Errorf("own rates %v: /compare shares rate %q, want ~%s", own, got, want)
		}
		// Typed in /compare's field, a rate is the person's.
		typed := newCompare()
		typed.init(mustURL(t, "/compare#dur=5&res=720p&billing=monthly&cur=EUR&rate=0.8"))
		if got := typed.rates().Per[pricing.EUR].String(); got != "0.8" {
			t.Errorf("own rates %v: /compare with 0.8 typed converts at %s", own, got)
		}
	}
}

// backupOfOneClip is the JSON backup of a device that has its own profile
// mine and one clip logged on it (its model-1, 5 s for 50 credits).
func backupOfOneClip(t *testing.T, mine pricing.Profile) string {
	t.Helper()
	old := cliplog.NewMemStore()
	if err := saveCustom(old, mine, ""); err != nil {
		t.Fatal(err)
	}
	c := loadLog(t, old)
	clip := cliplog.Entry{ID: "c1", Date: "2025-03-01", ProfileID: mine.ID, ModelID: "model-1", Res: pricing.Res720p,
		Seconds: decimal.RequireFromString("5"), Credits: decimal.RequireFromString("50"),
		PricePerCredit: pricing.NewMoney(decimal.RequireFromString("0.01"), pricing.USD), Kept: true, Created: "2025-03-01T10:00:00Z"}.Derive()
	if _, err := c.log.Add(clip); err != nil {
		t.Fatal(err)
	}
	var backup strings.Builder
	if err := c.log.ExportJSON(&backup, "2025-03-01T10:00:00Z"); err != nil {
		t.Fatal(err)
	}
	return backup.String()
}

// A backup restored on a new device brings the person's own profiles with
// the clips priced on them, and the page says how many it added or kept:
// before, every such clip named "a platform … this app does not know" and
// the profile was gone.
func TestLogRestoresProfiles(t *testing.T) {
	mine := blankProfile(never)
	mine.Name = "My Runway"
	backup := backupOfOneClip(t, mine)

	// The new laptop.
	d := loadLog(t, cliplog.NewMemStore())
	d.importFile("backup.json", []byte(backup))
	want := "Read backup.json as a JSON backup. Imported 1 clip; 1 platform profile added; everything in your log is in this backup, of 2025-03-01."
	if d.status != want {
		t.Errorf("status %q, want %q", d.status, want)
	}
	if html := logHTML(t, d); !strings.Contains(html, ">My Runway (custom) · My model<") || !strings.Contains(html, want) {
		t.Errorf("the restored clip does not name its profile, or the summary is not shown:\n%s", html)
	}
	if ps, _, _ := loadCustom(deviceStore()); len(ps) != 1 || ps[0].Name != "My Runway" {
		t.Errorf("profiles after the restore: %+v", ps)
	}

	// A device with its own "my-platform", priced otherwise: it is kept,
	// and the backup's is added beside it, with the backup's clip on it.
	s := cliplog.NewMemStore()
	here := blankProfile(never)
	here.Plans[0].Monthly = decimal.NewNullDecimal(decimal.RequireFromString("45"))
	if err := saveCustom(s, here, ""); err != nil {
		t.Fatal(err)
	}
	e := loadLog(t, s)
	e.importFile("backup.json", []byte(backup))
	if want := "Read backup.json as a JSON backup. Imported 1 clip; 1 platform profile added; the backup's platform profile “My Runway” differs from yours " +
		"with its id (my-platform), so both are kept: the backup's is “My Runway” (my-platform-custom) here, with the backup's clips and plan on it."; e.status != want {
		t.Errorf("status %q, want %q", e.status, want)
	}
	if ps, _, _ := loadCustom(s); len(ps) != 2 || ps[0].Name != "My platform" || ps[0].Plans[0].Monthly.Decimal.String() != "45" ||
		ps[1].ID != "my-platform-custom" || ps[1].Name != "My Runway" {
		t.Errorf("the device's profile was not kept, or the backup's not added: %+v", ps)
	}
	if es := e.log.Entries(); len(es) != 1 || es[0].ProfileID != "my-platform-custom" {
		t.Errorf("the backup's clip: %+v", es)
	}
}

// TestLogRestoreBundledID: a backup's own profile with a bundled
// platform's id ("hailuo", made before the catalog had Hailuo) was stored
// under it, hidden on every page by the bundled Hailuo: the summary said
// it was added, and its clips named a model Hailuo has not, which Edit
// refused. It comes back as hailuo-custom, with its clips, and the
// summary says so. A profile left out for a broken rule is named in the
// form's words, not by its JSON path alone.
func TestLogRestoreBundledID(t *testing.T) {
	mine := blankProfile(never)
	mine.ID, mine.Name = "hailuo", "My Hailuo"
	backup := backupOfOneClip(t, mine)

	d := loadLog(t, cliplog.NewMemStore())
	d.importFile("backup.json", []byte(backup))
	if want := "Read backup.json as a JSON backup. Imported 1 clip; 1 platform profile added; your platform profile hailuo is hailuo-custom here"; !strings.HasPrefix(d.status, want) {
		t.Errorf("status %q, want %q…", d.status, want)
	}
	if len(d.rows) != 1 || d.rows[0].ProfileID != "hailuo-custom" || d.notEditable(d.rows[0]) != "" {
		t.Fatalf("the restored clip: %+v", d.rows)
	}
	if html := logHTML(t, d); !strings.Contains(html, ">My Hailuo (custom) · My model<") {
		t.Error("the restored clip does not name its profile")
	}

	broken := strings.Replace(backup, `"monthly":"30"`, `"monthly":"-1"`, 1)
	e := loadLog(t, cliplog.NewMemStore())
	e.importFile("backup.json", []byte(broken))
	if want := `profile “hailuo”: Plan 1, monthly price cannot be negative (plans[0].monthly)`; !strings.Contains(e.status, want) || strings.Contains(e.status, ": plans[0].monthly:") {
		t.Errorf("status %q, want it to say %q", e.status, want)
	}
}

// TestLogEditKeepsAddons: Edit shows a clip's add-ons as it was logged,
// and Save changes without a change leaves the stored clip as it was. Edit
// guessed them from the credits: a Veo 3 clip whose $3.20 was typed by
// hand, without audio, came back with Audio ticked (with audio, 8 s is
// $3.20), and a Luma clip typed at Ray2's upscaled 170 credits with
// Upscale.
func TestLogEditKeepsAddons(t *testing.T) {
	veo := map[string]string{"profile": "veo-api", "model": "veo-3", "res": "720p", "dur": "8"}
	luma := map[string]string{"profile": "luma", "model": "ray-2", "res": "720p", "dur": "5"}
	sora := map[string]string{"profile": "sora-api", "model": "sora-2", "res": "720p", "dur": "8"}
	with := func(m map[string]string, kv ...string) map[string]string {
		out := maps.Clone(m)
		for i := 0; i < len(kv); i += 2 {
			out[kv[i]] = kv[i+1]
		}
		return out
	}
	tests := []struct {
		name   string
		typed  map[string]string
		addons []pricing.AddonKind
	}{
		{"Veo 3 with audio", with(veo, "audio", "1"), []pricing.AddonKind{pricing.AddonAudio}},
		{"Veo 3 without", veo, nil},
		{"Veo 3, audio's credits typed without it", with(veo, "credits", "3.2"), nil},
		{"Veo 3 with audio, credits typed", with(veo, "audio", "1", "credits", "2.5"), []pricing.AddonKind{pricing.AddonAudio}},
		{"Ray2 upscaled", with(luma, "upscale", "1"), []pricing.AddonKind{pricing.AddonUpscale}},
		{"Ray2, upscale's credits typed without it", with(luma, "credits", "170"), nil},
		{"Sora 2 with audio, its price not published", with(sora, "audio", "1", "credits", "1.2"), []pricing.AddonKind{pricing.AddonAudio}},
		{"Sora 2 without", sora, nil},
	}
	for _, tt := range tests {
		s := cliplog.NewMemStore()
		c := loadLog(t, s)
		typeClip(c, tt.typed)
		if !c.save(false) {
			t.Fatalf("%s: save: %q %v", tt.name, c.clipMsg, c.errs)
		}
		saved := c.rows[0]
		if !slices.Equal(saved.Addons, tt.addons) {
			t.Errorf("%s: logged with add-ons %v, want %v", tt.name, saved.Addons, tt.addons)
		}
		stored, _, _ := s.Get(cliplog.EntryKey(saved.ID))
		c.onEdit(saved.ID)(app.Context{}, noEvent)
		for _, a := range addonKeys {
			if want := map[bool]string{true: "1"}[slices.Contains(tt.addons, a.kind)]; c.values[a.key] != want {
				t.Errorf("%s: editing, %s is %q, want %q", tt.name, a.key, c.values[a.key], want)
			}
		}
		if want := pricing.Exact(saved.Credits); c.values["credits"] != want {
			t.Errorf("%s: editing, credits %s, want %s", tt.name, c.values["credits"], want)
		}
		if !c.save(false) || !strings.HasPrefix(c.status, "Nothing was changed") {
			t.Errorf("%s: Save changes unchanged: %q %q %v", tt.name, c.status, c.clipMsg, c.errs)
		}
		if now, _, _ := s.Get(cliplog.EntryKey(saved.ID)); now != stored {
			t.Errorf("%s: saved unchanged, the clip went from %s to %s", tt.name, stored, now)
		}
	}

	// A clip logged before add-ons were kept, and one whose add-on the
	// model no longer has a box for (lip sync), come back as they are.
	for _, addons := range [][]pricing.AddonKind{nil, {pricing.AddonLipSync}} {
		s := cliplog.NewMemStore()
		c := loadLog(t, s)
		typeClip(c, with(veo, "credits", "3.2"))
		e, err := c.clipEntry()
		if err != nil {
			t.Fatal(err)
		}
		e.Addons = addons
		if e, err = c.log.Add(e); err != nil {
			t.Fatal(err)
		}
		stored, _, _ := s.Get(cliplog.EntryKey(e.ID))
		c.refresh()
		c.onEdit(e.ID)(app.Context{}, noEvent)
		if c.values["audio"] != "" {
			t.Errorf("add-ons %v: editing, Audio is ticked", addons)
		}
		if !c.save(false) || !strings.HasPrefix(c.status, "Nothing was changed") {
			t.Errorf("add-ons %v: Save changes unchanged: %q %q", addons, c.status, c.clipMsg)
		}
		if now, _, _ := s.Get(cliplog.EntryKey(e.ID)); now != stored {
			t.Errorf("add-ons %v: saved unchanged, the clip went from %s to %s", addons, stored, now)
		}
	}
}

// TestLogFigures: where the sources give a range or two figures and the
// catalog takes one, /log says which beside the number it uses, as the
// other pages do: the catalog's credits for a clip (Kling 2.1 Standard's
// 20, "about 20" in its source), the plan a clip is priced at (Kling
// Standard's $10, where the source of its credits lists $6.99) and a plan
// in My plans (Google AI Ultra's 25,000 credits, 12,500 in Google One
// help). It showed none.
func TestLogFigures(t *testing.T) {
	c := loadLog(t, cliplog.NewMemStore())
	typeClip(c, map[string]string{"profile": "kling", "model": "kling-2-1-standard", "res": "720p", "dur": "5"})
	c.values["plan_profile"] = "google-flow"
	c.edited("plan_profile")
	c.values["plan"] = "ai-ultra"
	c.edited("plan")
	html := logHTML(t, c)
	for _, tt := range []struct{ where, text, want string }{
		{"the clip's credits", c.usage, "Kling 2.1 Standard: 20 credits, where its source says about 20."},
		{"the clip's price", c.priceText, "Standard: $10 a month from a pricing blog; the source of its 660 credits lists $6.99"},
		{"My plans", c.planPrice, "Google AI Ultra: 25,000 credits a month is the later of two figures"},
	} {
		if !strings.Contains(tt.text, tt.want) || !strings.Contains(html, tt.want) {
			t.Errorf("%s: %q does not say %q", tt.where, tt.text, tt.want)
		}
	}
}

// TestLogsAddonAudio: a clip may be logged with audio a model includes,
// makes at a price no source gives, or no source says whether it makes
// (the cases unpricedAudio words), and not with audio a model is said not
// to make.
func TestLogsAddonAudio(t *testing.T) {
	for _, tt := range []struct {
		audio pricing.AudioSupport
		want  bool
	}{
		{pricing.AudioNotStated, true},
		{pricing.AudioNone, false},
		{pricing.AudioIncluded, true},
		{pricing.AudioUnpriced, true},
	} {
		m := pricing.Model{Name: "M", Audio: tt.audio}
		if got := logsAddon(m, pricing.AddonAudio); got != tt.want || got != (unpricedAudio(m, false) != "" || tt.audio == pricing.AudioIncluded) {
			t.Errorf("audio %q: logsAddon = %v, want %v", tt.audio, got, tt.want)
		}
		if logsAddon(m, pricing.AddonUpscale) {
			t.Errorf("audio %q: an upscale it does not price may be logged", tt.audio)
		}
	}
}

// TestLogWrongUnit: money typed as a clip's credits ("$5", "5 USD") was
// read as 5 credits, and "$10" as 10 s: each is refused beside its field,
// naming it, the clip's cost is not shown as current, and nothing is
// saved; its own unit ("55 credits", "10 s") is read. On an API, whose
// units are money, an amount in its currency is the clip's price.
func TestLogWrongUnit(t *testing.T) {
	s := cliplog.NewMemStore()
	c := loadLog(t, s)
	typeClip(c, map[string]string{"model": "gen-4-turbo", "dur": "10"})
	if !c.save(false) {
		t.Fatalf("save failed: %q %q %v", c.alert, c.clipMsg, c.errs)
	}
	for _, tt := range []struct{ key, typed, want string }{
		{"credits", "$5", "Credits used is in credits, not money: type the number alone."},
		{"credits", "5 USD", "Credits used is in credits, not money: type the number alone."},
		{"credits", "5%", "Credits used is in credits, not a percentage: type the number alone."},
		{"dur", "$10", "Seconds is in seconds, not money: type the number alone."},
		{"dur", "10 credits", "Seconds is in seconds, not credits: type the number alone."},
	} {
		typeClip(c, map[string]string{"model": "gen-4-turbo", "dur": "10", "credits": "50"})
		typeClip(c, map[string]string{tt.key: tt.typed})
		if got := c.errs[tt.key]; got != tt.want {
			t.Errorf("%s %q: message %q, want %q", tt.key, tt.typed, got, tt.want)
		}
		if tt.key == "credits" && c.cost.Text != noValue {
			t.Errorf("%s %q: the clip's cost shows %q", tt.key, tt.typed, c.cost.Text)
		}
		if c.save(false) {
			t.Errorf("%s %q: saved", tt.key, tt.typed)
		}
		if n := len(c.log.Entries()); n != 1 {
			t.Fatalf("%s %q: %d clips, want the 1 saved", tt.key, tt.typed, n)
		}
	}
	typeClip(c, map[string]string{"model": "gen-4-turbo", "dur": "10 s", "credits": "55 credits"})
	if c.errs["credits"] != "" || c.errs["dur"] != "" || c.cost.Value != "1.32" {
		t.Errorf("55 credits, 10 s: messages %v, cost %q", c.errs, c.cost.Value)
	}
	if !c.save(false) {
		t.Fatalf("55 credits, 10 s: save failed: %q %q %v", c.alert, c.clipMsg, c.errs)
	}
	typeClip(c, map[string]string{"profile": "sora-api", "model": "sora-2", "res": "720p", "dur": "8", "credits": "$0.80"})
	if c.errs["credits"] != "" || c.cost.Value != "0.8" {
		t.Errorf("$0.80 on an API: messages %v, cost %q", c.errs, c.cost.Value)
	}
	typeClip(c, map[string]string{"credits": "80 credits"})
	if want := "Credits used is in USD, not credits: type the amount alone."; c.errs["credits"] != want {
		t.Errorf("80 credits on an API: message %q, want %q", c.errs["credits"], want)
	}
	// LTX Studio's credits are computing seconds: "5 s" is refused in its
	// words ("in credits, not seconds" confused).
	typeClip(c, map[string]string{"profile": "ltx-studio", "model": "veo-2", "dur": "8", "credits": "5 s"})
	if c.save(false) {
		t.Error("5 s on LTX Studio: saved")
	}
	if want := "Credits used is in computing seconds, not seconds of video: type the number alone."; c.errs["credits"] != want {
		t.Errorf("5 s on LTX Studio: message %q, want %q", c.errs["credits"], want)
	}
	// As it is typed, before Save: LTX Studio has no plan price, and the
	// preview stopped there, saying nothing of the credits until Save.
	for typed, want := range map[string]string{
		"abc": "Credits used must be a number, like 30 or 1,200.50.",
		"$5":  "Credits used is in computing seconds, not money: type the number alone.",
		"5 s": "Credits used is in computing seconds, not seconds of video: type the number alone.",
		"50":  "",
	} {
		typeClip(c, map[string]string{"credits": typed})
		if c.errs["credits"] != want {
			t.Errorf("%q typed on LTX Studio: message %q, want %q", typed, c.errs["credits"], want)
		}
		if c.clipMsg == "" {
			t.Errorf("%q typed on LTX Studio: no message about its price", typed)
		}
	}

	// A plan of one's own: its credits are no money.
	c.values["plan"] = customPlan
	c.edited("plan")
	c.values["plan_price"], c.values["plan_credits"] = "10", "$1,000"
	c.edited("plan_credits")
	if want := "Credits it buys is in credits, not money: type the number alone."; c.errs["plan_credits"] != want {
		t.Errorf("$1,000 as a plan's credits: message %q, want %q", c.errs["plan_credits"], want)
	}
}

// TestLogPackNoBilling: My plans on Kling's API, whose packs are bought
// once, has no billing beside the pack, as the calculator has none: it
// offered "Billed monthly" and yearly beside Pack 1. A plan still has it.
// The price is per unit there, the API's word, where it said per credit.
func TestLogPackNoBilling(t *testing.T) {
	c := loadLog(t, cliplog.NewMemStore())
	for _, tc := range []struct {
		profile, plan, price string
		billing              bool
	}{
		{"kling-api", "pack-1", "5,000 units, bought once, valid 180 days: $0.14 per unit.", false},
		{"runway", "standard", "625 credits a month: $0.024 per credit.", true},
	} {
		c.values["plan_profile"] = tc.profile
		c.edited("plan_profile")
		html := logHTML(t, c)
		i := strings.Index(html, `id="log-plan-form"`)
		if i < 0 {
			t.Fatalf("%s: no plan form", tc.profile)
		}
		form, _, _ := strings.Cut(html[i:], "</form>")
		if c.values["plan"] != tc.plan {
			t.Errorf("%s: plan %q, want %q", tc.profile, c.values["plan"], tc.plan)
		}
		if c.planPrice != tc.price {
			t.Errorf("%s, %s: %q, want %q", tc.profile, tc.plan, c.planPrice, tc.price)
		}
		if got := strings.Contains(form, `id="f-billing"`); got != tc.billing {
			t.Errorf("%s, %s: a billing picker %v, want %v", tc.profile, tc.plan, got, tc.billing)
		}
	}
}

// TestLogPacks: a clip made on Kling's API, which sells units only in
// packs (research/pricing.md, pattern 17), is priced at its first pack
// when no plan is set, Pack 1, $700 ÷ 5,000 units = $0.14 a unit, as the
// calculator does; a pack set in My plans prices it, Pack 3 $5,670 ÷
// 45,000 = $0.126. Before the packs the API's units were money; without
// this a clip on it could not be logged: "plan prices not published".
func TestLogPacks(t *testing.T) {
	c := loadLog(t, cliplog.NewMemStore())
	p, _ := pricing.FindProfile(c.catalog, "kling-api")
	price, plan, words, err := c.priceNow(p)
	if err != nil || !price.Amount.Equal(decimal.RequireFromString("0.14")) || plan != "pack-1" ||
		words != "Priced at $0.14 per unit: Pack 1, bought once (set your own plan in My plans)." {
		t.Errorf("Kling API, no plan set: %s, plan %q, %q (%v)", pricing.Exact(price.Amount), plan, words, err)
	}
	got, err := cliplog.MyPlan{ProfileID: "kling-api", PlanID: "pack-3", Billing: cliplog.Monthly}.PricePerCredit(p)
	if err != nil || !got.Amount.Equal(decimal.RequireFromString("0.126")) {
		t.Errorf("Kling API at Pack 3: %s (%v), want 0.126", pricing.Exact(got.Amount), err)
	}
}
