package pages

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aivc/aivc/e2e"
	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Rankings of the catalog worked out by hand from pricing/catalog/*.json
// (every division to 16 decimal places), each as the first rows' data-model
// and data-cost-per-second (cost per kept second, exact).
var (
	// 10 s at 1080p, any tier, monthly plans. Luma's cheapest credit is
	// Ultra's: $300 ÷ 150,000 = $0.002; Ray2 Flash takes 130 credits for
	// 10 s ($0.26, $0.026 a second), Ray2 340 ($0.068 a second). Kling's is
	// Ultra's, $180 ÷ 26,000: Kling 3.0 Pro 12 credits/s × 10 s = 120
	// credits, $180 × 120 ÷ 26,000 = $0.8307692307692308, $0.0830769230769231
	// a second; Kling 2.6 Pro 200 credits, $0.1384615384615385 a second. Ray
	// 3.2: 80 credits/s × 10 s × $0.002 = $1.60, $0.16 a second.
	standardShot = []e2e.RankedRow{
		{Model: "luma/ray-2-flash", Cost: "0.026"},
		{Model: "luma/ray-2", Cost: "0.068"},
		{Model: "kling/kling-3-0-pro", Cost: "0.0830769230769231"},
		{Model: "kling/kling-2-6-pro", Cost: "0.1384615384615385"},
		{Model: "luma/ray-3-2", Cost: "0.16"},
	}
	// 5 s at 720p, fast tier, the cheapest way. Pika Starter billed yearly:
	// $8 ÷ 900 = $0.0088888888888889 × 10 credits ÷ 5 s =
	// $0.0177777777777778. Luma Ultra yearly: $250 × 55 credits ÷ (150,000
	// × 5 s) = $0.0183333333333333. Google
	// AI Ultra: $249.99 ÷ 25,000 = $0.0099996 × 10 credits for an 8 s clip
	// ÷ the 5 s asked = $0.0199992, Veo 2 Fast and Veo 3.1 Fast alike, in id
	// order.
	fastCheapest = []e2e.RankedRow{
		{Model: "pika/pika-2-5-turbo", Cost: "0.0177777777777778"},
		{Model: "luma/ray-2-flash", Cost: "0.0183333333333333"},
		{Model: "google-flow/veo-2-fast", Cost: "0.0199992"},
		{Model: "google-flow/veo-3-1-fast", Cost: "0.0199992"},
	}
	// The default shot: 5 s at 720p, any tier, the cheapest way. The four
	// above are fast models; next comes Krea's API Kling 1.0 Standard at
	// $0.0221 a second.
	defaultShot = append(fastCheapest[:len(fastCheapest):len(fastCheapest)],
		e2e.RankedRow{Model: "krea-api/kling-1-standard", Cost: "0.0221"})
	// 5 s at 720p, fast tier, API pay-as-you-go. fal Hailuo 2.3 Fast: a 6 s
	// clip $0.19 ÷ 5 s = $0.038; fal Pika v2 Turbo $0.20 a clip, $0.04; fal
	// Kling 2.5 Turbo $0.21 for the first 5 s, $0.042; Luma API Ray2 Flash
	// 1280 × 720 × 24 fps × 5 s = 110.592 Mpx × $0.0022 = $0.2433024,
	// $0.04866048 a second.
	fastAPI = []e2e.RankedRow{
		{Model: "fal/hailuo-2-3-fast-standard", Cost: "0.038"},
		{Model: "fal/pika-v2-turbo", Cost: "0.04"},
		{Model: "fal/kling-2-5-turbo-standard", Cost: "0.042"},
		{Model: "luma-api/ray-2-flash", Cost: "0.04866048"},
	}
	// 10 s at 1080p, premium: Kling 3.0 Pro, then Kling 2.6 Pro (above).
	premiumMonthly = []e2e.RankedRow{
		{Model: "kling/kling-3-0-pro", Cost: "0.0830769230769231"},
		{Model: "kling/kling-2-6-pro", Cost: "0.1384615384615385"},
	}
	// The same, the cheapest way: Krea's Kling 1 Pro at $0.0772 a second,
	// fal's LTX 2.3 Pro at $0.08, then Kling 3.0 Pro's monthly plan (Kling
	// sells no yearly plan).
	premiumCheapest = []e2e.RankedRow{
		{Model: "krea-api/kling-1-pro", Cost: "0.0772"},
		{Model: "fal/ltx-2-3-pro", Cost: "0.08"},
		{Model: "kling/kling-3-0-pro", Cost: "0.0830769230769231"},
	}
)

// tableRow is a row of the ranking table as the page shows it.
type tableRow struct {
	Model    string   `json:"model"`
	Cost     string   `json:"cost"`
	Cells    []string `json:"cells"` // every cell but the evidence, trimmed, without a folded note
	Promo    string   `json:"promo"` // the plan's promotion, folded in its cell
	Evidence string   `json:"evidence"`
}

// readTable reads the ranking table.
func readTable(tb *e2e.Tab) []tableRow {
	tb.T.Helper()
	return e2e.Eval[[]tableRow](tb, `[...document.querySelectorAll("#ranking tbody tr")].map(r => ({
		model: r.dataset.model, cost: r.dataset.costPerSecond,
		cells: [...r.cells].slice(0, -1).map(c => [...c.childNodes].filter((n) => n.nodeName !== "DETAILS").map((n) => n.textContent).join("").trim()),
		promo: r.querySelector(".cmp-col-plan .figure-note")?.textContent.trim() ?? "",
		evidence: r.querySelector(".cmp-ev-text").textContent.trim(),
	}))`)
}

// plan reports whether text (an export's) is the row's plan: its cell's
// words, with the promotion folded under them back in their parentheses
// ("Google AI Ultra (billed monthly)" and "At the regular price, …." are
// "Google AI Ultra (billed monthly at the regular price, …)").
func (r tableRow) plan(text string) bool {
	if r.Promo == "" {
		return text == r.Cells[4]
	}
	short, promo := strings.TrimSuffix(r.Cells[4], ")"), strings.TrimSuffix(r.Promo, ".")
	promo = strings.ToLower(promo[:1]) + promo[1:]
	return text == short+" "+promo+")" || text == short+", "+promo+")"
}

// TestComparePrerendered: the HTML of /compare already ranks the standard
// shot, before any script runs.
func TestComparePrerendered(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	res, body := e2e.Get(t, srv.URL+"/compare")
	if res.StatusCode != 200 {
		t.Fatalf("GET /compare = %d", res.StatusCode)
	}
	html := string(body)
	var got []e2e.RankedRow
	for _, tag := range regexp.MustCompile(`<tr [^>]*class="cmp-row"[^>]*>`).FindAllString(html, -1) {
		m := regexp.MustCompile(`data-model="([^"]*)"`).FindStringSubmatch(tag)
		v := regexp.MustCompile(`data-cost-per-second="([^"]*)"`).FindStringSubmatch(tag)
		if m == nil || v == nil {
			t.Fatalf("row without data-model or data-cost-per-second: %s", tag)
		}
		got = append(got, e2e.RankedRow{Model: m[1], Cost: v[1]})
	}
	if len(got) < len(defaultShot) || fmt.Sprint(got[:len(defaultShot)]) != fmt.Sprint(defaultShot) {
		t.Errorf("prerendered ranking %v, want it to start %v", got, defaultShot)
	}
	for _, name := range []string{"dur", "res", "tier", "takes", "billing", "audio", "upscale", "platforms", "cur", "rate"} {
		if !strings.Contains(html, `name="`+name+`"`) {
			t.Errorf("prerendered /compare has no field named %s", name)
		}
	}
	for _, want := range []string{`role="img"`, `id="markdown"`, `id="download-csv"`, `id="unavailable"`} {
		if !strings.Contains(html, want) {
			t.Errorf("prerendered /compare lacks %s", want)
		}
	}
}

// TestCompareLinks: shots from links rank in the hand-checked order, and
// the chart has one bar per ranked row.
func TestCompareLinks(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tests := []struct {
		name, link string
		want       []e2e.RankedRow
	}{
		{"default", "/compare#dur=5&res=720p&tier=any&takes=1&billing=cheapest", defaultShot},
		{"standard", "/compare#dur=10&res=1080p&tier=any&takes=1&billing=monthly", standardShot},
		{"fast-cheapest", "/compare#dur=5&res=720p&tier=fast&takes=1&billing=cheapest", fastCheapest},
		{"fast-api", "/compare#dur=5&res=720p&tier=fast&billing=api", fastAPI},
		{"premium", "/compare#dur=10&res=1080p&billing=monthly&tier=premium", premiumMonthly},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := e2e.NewTab(t, srv.URL)
			tb.Open(tt.link)
			e2e.WaitRanking(tb, tt.link, tt.want)
			rows := readTable(tb)
			bars := e2e.Eval[[]string](tb, `[...document.querySelectorAll("#cmp-chart svg g.chart-bar")].map(g => g.dataset.key)`)
			if len(bars) != len(rows) {
				t.Errorf("%d bars for %d ranked rows", len(bars), len(rows))
			}
			for i := range min(len(bars), len(rows)) {
				if bars[i] != rows[i].Model {
					t.Errorf("bar %d is %s, row %d is %s", i+1, bars[i], i+1, rows[i].Model)
				}
			}
			e2e.AssertNoBadNumbers(tb)
			tb.AssertNoErrors()
		})
	}
}

// TestCompareShowAll: the default shot ranks more models than the table
// and the chart show at first; the button after the table, pressed from the
// keyboard, shows every one, moves the focus to the first new row and says
// so, and a second press goes back to the first 20. A sort names itself.
func TestCompareShowAll(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/compare")
	e2e.WaitRanking(tb, "the default shot", defaultShot)
	var n int
	if _, err := fmt.Sscanf(e2e.Eval[string](tb, `document.getElementById("cmp-status").textContent`), "%d models", &n); err != nil || n <= 20 {
		t.Fatalf("the status says %d models (%v), want more than 20", n, err)
	}
	shown := func(rows int) string {
		return fmt.Sprintf(`document.querySelectorAll("#ranking tbody tr").length === %d &&
			document.querySelectorAll("#cmp-chart svg g.chart-bar").length === %d`, rows, rows)
	}
	tb.WaitFor("the first 20 rows and bars", shown(20), 10*time.Second)
	if got, want := e2e.Eval[string](tb, `document.getElementById("cmp-more").textContent`), fmt.Sprintf("Show all %d models", n); got != want {
		t.Errorf("button says %q, want %q", got, want)
	}

	tb.Do("focusing Show all", chromedp.Focus(chromedp.ID("cmp-more")))
	tb.Do("pressing Enter", chromedp.KeyEvent(kb.Enter))
	tb.WaitFor("every row and bar", shown(n), 10*time.Second)
	// The focus goes to the first row that was not shown (the button is
	// now below them all, out of sight), and a screen reader hears it.
	tb.WaitFor("the focus in row 21", `document.activeElement.closest("#ranking tbody tr:nth-child(21)") !== null`, 10*time.Second)
	if got, want := e2e.Eval[string](tb, `document.getElementById("cmp-view-status").textContent`), fmt.Sprintf("Showing all %d models.", n); got != want {
		t.Errorf("the status for screen readers says %q, want %q", got, want)
	}
	if got := e2e.Eval[string](tb, `document.getElementById("cmp-more").getAttribute("aria-expanded")`); got != "true" {
		t.Errorf("the button's aria-expanded is %q", got)
	}
	e2e.WaitRanking(tb, "still in rank order", defaultShot)

	tb.Do("focusing the button again", chromedp.Focus(chromedp.ID("cmp-more")))
	tb.Do("pressing Enter again", chromedp.KeyEvent(kb.Enter))
	tb.WaitFor("the first 20 again", shown(20), 10*time.Second)
	if got := e2e.Eval[string](tb, `document.activeElement.id`); got != "cmp-more" {
		t.Errorf("after showing the first 20 again, the focus is on %q, want the button", got)
	}

	// A sort names itself in the table's caption and says so.
	tb.Do("sorting by platform", chromedp.Click(chromedp.CSS(`button[data-sort="platform"]`)))
	tb.WaitFor("the caption of the sort", `document.querySelector("#ranking caption").textContent.startsWith("Models sorted by platform, A to Z;")`, 10*time.Second)
	if got := e2e.Eval[string](tb, `document.getElementById("cmp-view-status").textContent`); got != "Sorted by platform, A to Z." {
		t.Errorf("after a sort the status for screen readers says %q", got)
	}
	e2e.AssertNoBadNumbers(tb)
	tb.AssertNoErrors()
}

// BenchmarkCompareKeystroke times what a person waits for on /compare: from
// an edit of the duration (6, 7, 8, 5 s in turn) to the first frame after
// the status has changed, measured in the page. Three tables: a shot few
// models make (1080p on a monthly plan, 5 to 8 rows), the default shot's
// first 20 rows, and all of its rows (49 to 72). Not run by go test ./...:
//
//	go test ./e2e/pages -run '^$' -bench CompareKeystroke -benchtime 30x
func BenchmarkCompareKeystroke(b *testing.B) {
	srv := e2e.NewServer(b)
	for _, bc := range []struct {
		name, link string
		all        bool
	}{
		{"few", "/compare#res=1080p&billing=monthly", false},
		{"first20", "/compare", false},
		{"all", "/compare", true},
	} {
		b.Run(bc.name, func(b *testing.B) {
			tb := e2e.NewTab(b, srv.URL)
			tb.Open(bc.link)
			if bc.all {
				tb.Do("showing all", chromedp.Click(chromedp.ID("cmp-more")))
				tb.WaitFor("every row", `document.querySelectorAll("#ranking tbody tr").length > 20`, 10*time.Second)
			}
			durs := []string{"6", "7", "8", "5"}
			var times []float64
			for b.Loop() {
				times = append(times, e2e.Eval[float64](tb, fmt.Sprintf(`new Promise(done => {
					const status = document.getElementById("cmp-status"), before = status.textContent;
					const dur = document.getElementById("f-dur"), t0 = performance.now();
					dur.value = %q;
					dur.dispatchEvent(new Event("input", {bubbles: true}));
					const check = () => status.textContent !== before ?
						requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0))) : setTimeout(check, 1);
					check();
				})`, durs[len(times)%len(durs)])))
			}
			slices.Sort(times)
			b.ReportMetric(times[len(times)/2], "median-ms/keystroke")
			b.ReportMetric(float64(e2e.Eval[int](tb, `document.querySelectorAll("#ranking tbody tr").length`)), "rows")
		})
	}
}

// TestCompareChanges: changing the tier or the billing re-ranks, and the
// fragment follows the form.
func TestCompareChanges(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/compare#dur=10&res=1080p&billing=monthly")
	e2e.WaitRanking(tb, "the standard shot", standardShot)

	e2e.Pick(tb, "f-tier", "premium")
	e2e.WaitRanking(tb, "premium", premiumMonthly)
	if got, want := e2e.Hash(tb), "dur=10&res=1080p&tier=premium&takes=1&billing=monthly"; got != want {
		t.Errorf("fragment = %q, want %q", got, want)
	}

	e2e.Pick(tb, "f-billing", "cheapest")
	e2e.WaitRanking(tb, "premium, cheapest", premiumCheapest)
	if got, want := e2e.Hash(tb), "dur=10&res=1080p&tier=premium&takes=1&billing=cheapest"; got != want {
		t.Errorf("fragment = %q, want %q", got, want)
	}

	// Typing: 2 generations per kept clip double every cost per kept second.
	e2e.TypeInto(tb, "f-takes", "2")
	e2e.WaitRanking(tb, "2 takes", []e2e.RankedRow{{Model: "krea-api/kling-1-pro", Cost: "0.1544"}, {Model: "fal/ltx-2-3-pro", Cost: "0.16"}})
	if !strings.Contains(e2e.Hash(tb), "takes=2") {
		t.Errorf("fragment %q lacks takes=2", e2e.Hash(tb))
	}

	// A bad value: a message beside the field, no ranking.
	e2e.TypeInto(tb, "f-dur", "abc")
	tb.WaitFor("the duration's message", `document.getElementById("f-dur-msg").textContent.startsWith("Duration must be a number")`, 10*time.Second)
	if n := e2e.Eval[int](tb, `document.querySelectorAll("#ranking tbody tr").length`); n != 0 {
		t.Errorf("%d rows shown for a bad duration", n)
	}
	if got := e2e.Eval[string](tb, `document.getElementById("f-dur").getAttribute("aria-invalid")`); got != "true" {
		t.Errorf("duration aria-invalid = %q", got)
	}
	e2e.TypeInto(tb, "f-dur", "10")
	e2e.WaitRanking(tb, "fixed", []e2e.RankedRow{{Model: "krea-api/kling-1-pro", Cost: "0.1544"}})

	// The platform filter.
	tb.Do("opening the filter", chromedp.Click(chromedp.CSS(".cmp-filter summary")))
	tb.Do("unchecking Krea", chromedp.Click(chromedp.ID("f-platforms-krea-api")))
	e2e.WaitRanking(tb, "without Krea", []e2e.RankedRow{{Model: "fal/ltx-2-3-pro", Cost: "0.16"}})
	if !strings.Contains(e2e.Hash(tb), "platforms=") || strings.Contains(e2e.Hash(tb), "krea-api") {
		t.Errorf("fragment %q: want a platform list without krea-api", e2e.Hash(tb))
	}
	tb.Do("all platforms", chromedp.Click(chromedp.ID("cmp-all")))
	e2e.WaitRanking(tb, "all platforms again", []e2e.RankedRow{{Model: "krea-api/kling-1-pro", Cost: "0.1544"}})
	if strings.Contains(e2e.Hash(tb), "platforms=") {
		t.Errorf("fragment %q still filters", e2e.Hash(tb))
	}
	if !e2e.Eval[bool](tb, `document.getElementById("f-platforms-krea-api").checked`) {
		t.Error("Krea's box is not checked again")
	}

	// Sorting by a column, then back to rank order.
	tb.Do("sorting by platform", chromedp.Click(chromedp.CSS(`button[data-sort="platform"]`)))
	tb.WaitFor("the platform column sorted", `document.querySelector("th.cmp-col-platform").getAttribute("aria-sort") === "ascending"`, 10*time.Second)
	platforms := e2e.Eval[[]string](tb, `[...document.querySelectorAll("#ranking tbody td.cmp-col-platform")].map(c => c.textContent.trim().toLowerCase())`)
	for i := 1; i < len(platforms); i++ {
		if platforms[i-1] > platforms[i] {
			t.Errorf("sorted by platform, %q comes before %q", platforms[i-1], platforms[i])
		}
	}
	// The cheapest row stays the one marked, wherever the sort puts it.
	marked := e2e.Eval[[]string](tb, `(() => {
		const soft = getComputedStyle(document.documentElement).getPropertyValue("--accent-soft").trim();
		const probe = document.createElement("div");
		probe.style.background = soft;
		document.body.append(probe);
		const want = getComputedStyle(probe).backgroundColor;
		probe.remove();
		return [...document.querySelectorAll("#ranking tbody tr")]
			.filter(tr => getComputedStyle(tr.querySelector(".cmp-col-platform")).backgroundColor === want)
			.map(tr => tr.dataset.rank);
	})()`)
	if len(marked) != 1 || marked[0] != "1" {
		t.Errorf("sorted by platform, the rows marked as the cheapest have ranks %v, want [1]", marked)
	}
	tb.Do("sorting by rank", chromedp.Click(chromedp.CSS(`button[data-sort="rank"]`)))
	e2e.WaitRanking(tb, "rank order", []e2e.RankedRow{{Model: "krea-api/kling-1-pro", Cost: "0.1544"}, {Model: "fal/ltx-2-3-pro", Cost: "0.16"}})
	e2e.AssertNoBadNumbers(tb)
	tb.AssertNoErrors()
}

// TestCompareUnavailable: models that cannot make the shot are listed
// apart, with why.
func TestCompareUnavailable(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/compare#dur=10&res=1080p&tier=any&takes=1&billing=monthly")
	e2e.WaitRanking(tb, "the standard shot", standardShot)
	gone := goneOnPage(tb)
	for _, tt := range []struct{ reason, profile, model string }{
		// Flow makes Veo clips at 720p only; Higgsfield's Seedance 2.0 is
		// 5 s at 1080p; fal sells no plan, only pay-as-you-go.
		{"1080p not offered (720p)", "google-flow", "Veo 3.1 Fast"},
		{"10 s not offered at 1080p (longest is 5 s)", "higgsfield", "Seedance 2.0"},
		{"Pay-as-you-go only: choose API or cheapest", "fal", "every model"},
	} {
		if !goneNamed(gone, tt.reason, tt.profile, tt.model) {
			t.Errorf("%s's %s is not left out for %q: %v", tt.profile, tt.model, tt.reason, gone)
		}
	}
	// No ranked model is listed as unavailable.
	for _, r := range readTable(tb) {
		profile, _, _ := strings.Cut(r.Model, "/")
		for key, models := range gone {
			if reason, _, _ := strings.Cut(key, "|"); strings.HasSuffix(key, "|"+profile) &&
				(models == "every model" || goneNamed(gone, reason, profile, r.Cells[2])) {
				t.Errorf("%s is both ranked and unavailable (%s)", r.Model, key)
			}
		}
	}
	tb.AssertNoErrors()
}

// goneOnPage reads what cannot make the shot on /compare: by "reason|
// profile id", the platform's models ("Gen-4, Gen-4 Turbo", or "every
// model").
func goneOnPage(tb *e2e.Tab) map[string]string {
	tb.T.Helper()
	return e2e.Eval[map[string]string](tb, `Object.fromEntries([...document.querySelectorAll("#unavailable li[data-profile]")].map((li) =>
		[li.closest("details").querySelector(".cmp-gone-reason").textContent.trim() + "|" + li.dataset.profile,
		 li.textContent.slice(li.querySelector(".cmp-gone-platform").textContent.length).trim()]))`)
}

// goneNamed reports whether gone (goneOnPage) lists the model named of
// profile for reason; "every model" for the whole platform.
func goneNamed(gone map[string]string, reason, profile, model string) bool {
	models, ok := gone[reason+"|"+profile]
	return ok && strings.Contains(", "+models+", ", ", "+model+", ") // a name may hold ", " (PixVerse's)
}

// TestCompareGoneByReason: with native audio asked for, what cannot make
// the shot (84 models and platforms, one after another, 46 with the same
// reason) reads as a line a reason, its count in it, the largest first;
// a person opens one by keyboard and reads its platforms and models.
func TestCompareGoneByReason(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/compare#dur=5&res=720p&tier=any&takes=1&audio=1")
	tb.WaitFor("the reasons", `document.querySelectorAll("#unavailable .cmp-gone-group").length > 5`, 10*time.Second)
	lines := e2e.Eval[[]string](tb, `[...document.querySelectorAll("#unavailable .cmp-gone-group > summary")].map((s) => s.textContent)`)
	if len(lines) < 5 || lines[0] != "Native audio not stated by its source — 46 models" {
		t.Errorf("the reasons read %q", lines)
	}
	for _, l := range lines { // a group of one names it (goneCount)
		if strings.HasSuffix(l, " 1 platform") || strings.HasSuffix(l, " 1 model") {
			t.Errorf("a reason's one platform or model is not named: %q", l)
		}
	}
	if got := e2e.Eval[string](tb, `document.querySelector("#unavailable .cmp-gone-lede").textContent`); !strings.HasSuffix(got, " cannot make this shot, for "+strconv.Itoa(len(lines))+" reasons:") {
		t.Errorf("above the reasons: %q", got)
	}
	if n := e2e.Eval[int](tb, `[...document.querySelectorAll("#unavailable li[data-profile]")].filter((e) => e.checkVisibility()).length`); n != 0 {
		t.Errorf("%d platforms' models shown before a reason is opened", n)
	}
	const first = `document.querySelector("#unavailable .cmp-gone-group > summary")`
	if got := e2e.AXOf(tb, first); got.Name != lines[0] {
		t.Errorf("the first reason is heard as %s", got)
	}
	e2e.Eval[bool](tb, `(`+first+`.focus(), true)`)
	tb.Do("opening the first reason", chromedp.KeyEvent(kb.Enter))
	tb.WaitFor("its platforms", `document.querySelector('#unavailable li[data-profile="runway"]').checkVisibility()`, 5*time.Second)
	if n := e2e.Eval[int](tb, `[...document.querySelectorAll("#unavailable li[data-profile]")].filter((e) => e.checkVisibility()).length`); n != e2e.Eval[int](tb, first+`.parentElement.querySelectorAll("li").length`) {
		t.Errorf("opened, the first reason shows %d platforms", n)
	}
	if got := e2e.Eval[string](tb, `document.querySelector('#unavailable li[data-profile="runway"]').innerText`); got != "Runway (app): Gen-4, Gen-4 Turbo, Gen-4.5, Gen-3 Alpha, Gen-3 Alpha Turbo, Aleph (video to video)" {
		t.Errorf("Runway's line reads %q", got)
	}
	tb.AssertNoErrors()
}

// TestCompareExports: the Markdown and the CSV hold the table, and both
// work in the browser: the copy button puts the Markdown on the
// clipboard, the CSV link downloads the file under the site's CSP.
func TestCompareExports(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/compare#dur=5&res=720p&tier=fast&billing=cheapest")
	e2e.WaitRanking(tb, "fast, cheapest", fastCheapest)
	rows := readTable(tb)
	if len(rows) < len(fastCheapest) {
		t.Fatalf("%d rows", len(rows))
	}

	// Markdown: the textarea's table has the page table's cells, row by
	// row, and carries the shot, the date and the sources.
	md := e2e.Eval[string](tb, `document.getElementById("markdown").value`)
	mdRows := markdownRows(md)
	if len(mdRows) != len(rows)+1 {
		t.Fatalf("the Markdown has %d table rows, the page %d (+ header)", len(mdRows), len(rows))
	}
	for i, r := range rows {
		got := mdRows[i+1]
		for j, cell := range r.Cells {
			if j == 4 && !r.plan(got[j]) || j != 4 && got[j] != cell {
				t.Errorf("row %d cell %d: Markdown %q, table %q (%q folded)", i+1, j+1, got[j], cell, r.Promo)
			}
		}
		if ev := got[len(got)-1]; !strings.HasPrefix(ev, r.Evidence) {
			t.Errorf("row %d evidence: Markdown %q, table %q", i+1, ev, r.Evidence)
		}
	}
	today := e2e.Eval[string](tb, `new Date().toISOString().slice(0, 10)`)
	// What the ranking left out, as the page says it.
	gone := goneOnPage(tb)
	lede := e2e.Eval[string](tb, `document.querySelector("#unavailable .cmp-gone-lede").textContent`)
	if len(gone) == 0 {
		t.Fatal("the shot leaves nothing out: the exports' list of it is not tested")
	}
	for _, want := range []string{"5 s at 720p, fast tier", "Billing: cheapest available", "Compared on " + today, "Sources:", "<https://",
		"Not ranked: " + lede} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown lacks %q", want)
		}
	}

	// CSV: decode the link, parse it, compare with the rows' data.
	href := e2e.Eval[string](tb, `document.getElementById("download-csv").getAttribute("href")`)
	name := e2e.Eval[string](tb, `document.getElementById("download-csv").getAttribute("download")`)
	const prefix = "data:text/csv;charset=utf-8,"
	if !strings.HasPrefix(href, prefix) {
		t.Fatalf("CSV link %.60q", href)
	}
	text, err := url.PathUnescape(strings.TrimPrefix(href, prefix))
	if err != nil {
		t.Fatal(err)
	}
	checkCSV(t, strings.TrimPrefix(text, "\ufeff"), rows, gone, lede, today)
	if want := "aivc-compare-5s-720p-fast-" + today + ".csv"; name != want {
		t.Errorf("download name = %q, want %q", name, want)
	}

	// The download itself, under the page's Content-Security-Policy.
	dir := t.TempDir()
	e2e.Call(tb, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir,
	})
	tb.Do("downloading the CSV", chromedp.Click(chromedp.ID("download-csv")))
	file := filepath.Join(dir, name)
	deadline := time.Now().Add(15 * time.Second)
	var data []byte
	for time.Now().Before(deadline) {
		if data, err = os.ReadFile(file); err == nil && len(data) > 0 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		entries, _ := os.ReadDir(dir)
		t.Fatalf("no downloaded %s (%v); the folder holds %v%s", name, err, entries, tb.ConsoleDump())
	}
	if string(data) != text {
		t.Errorf("the downloaded file differs from the link's CSV")
	}
	if !strings.HasPrefix(string(data), "\ufeff") {
		t.Error("the downloaded CSV has no byte order mark (Excel reads it in the wrong code page)")
	}

	// Copy: the clipboard gets the textarea's Markdown.
	e2e.Call(tb, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
		Permission: &cdpbrowser.PermissionDescriptor{Name: "clipboard-write"}, Setting: cdpbrowser.PermissionSettingGranted, Origin: srv.URL,
	})
	e2e.Call(tb, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
		Permission: &cdpbrowser.PermissionDescriptor{Name: "clipboard-read"}, Setting: cdpbrowser.PermissionSettingGranted, Origin: srv.URL,
	})
	e2e.Call(tb, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
	tb.Do("copying the Markdown", chromedp.Click(chromedp.ID("copy-markdown")))
	tb.WaitFor("the copy to succeed", `document.getElementById("copy-status").textContent.startsWith("Copied")`, 10*time.Second)
	if got := e2e.Eval[string](tb, `navigator.clipboard.readText()`); got != md {
		t.Errorf("the clipboard holds %.80q…, want the Markdown", got)
	}
	tb.AssertNoErrors()
}

// checkCSV compares a CSV export with the ranking table's rows, and
// what it left out with the page's (goneOnPage, and its count in lede).
func checkCSV(t *testing.T, text string, rows []tableRow, gone map[string]string, lede, today string) {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatalf("reading the CSV: %v", err)
	}
	left := 0 // as the page counts them: "80 models and 4 platforms cannot…"
	for _, n := range regexp.MustCompile(`(\d+) (?:model|platform)`).FindAllStringSubmatch(lede, -1) {
		i, _ := strconv.Atoi(n[1])
		left += i
	}
	if len(recs) != len(rows)+left+1 {
		t.Fatalf("the CSV has %d records, the page %d rows and %d left out (+ header)", len(recs), len(rows), left)
	}
	col := map[string]int{}
	for i, name := range recs[0] {
		col[name] = i
	}
	for _, name := range []string{"rank", "profile_id", "model_id", "cost_per_kept_second", "sources", "shot", "date", "plan", "tier"} {
		if _, ok := col[name]; !ok {
			t.Fatalf("the CSV has no %s column: %v", name, recs[0])
		}
	}
	for i, r := range rows {
		rec := recs[i+1]
		if key := rec[col["profile_id"]] + "/" + rec[col["model_id"]]; key != r.Model {
			t.Errorf("CSV row %d is %s, the table's %s", i+1, key, r.Model)
		}
		if got := rec[col["cost_per_kept_second"]]; got != r.Cost {
			t.Errorf("CSV row %d cost per kept second %s, data-cost-per-second %s", i+1, got, r.Cost)
		}
		if rec[col["rank"]] != r.Cells[0] || !r.plan(rec[col["plan"]]) || rec[col["tier"]] != r.Cells[3] {
			t.Errorf("CSV row %d: rank %s, plan %q, tier %s; the table's %v (%q folded)", i+1, rec[col["rank"]], rec[col["plan"]], rec[col["tier"]], r.Cells, r.Promo)
		}
		if rec[col["date"]] != today || !strings.HasPrefix(rec[col["shot"]], "5 s at 720p, fast tier") || !strings.HasPrefix(rec[col["sources"]], "https://") {
			t.Errorf("CSV row %d lacks the date, the shot or the sources: %q", i+1, rec)
		}
	}
	for _, rec := range recs[len(rows)+1:] {
		profile, model, why := rec[col["profile_id"]], cmp.Or(rec[col["model"]], "every model"), rec[col["not_ranked_because"]]
		if why == "" || !goneNamed(gone, why, profile, model) || rec[col["rank"]] != "" || rec[col["cost_per_kept_second"]] != "" {
			t.Errorf("CSV's left-out %s/%s: rank %q, cost %q, because %q; the page says %v", profile, model, rec[col["rank"]], rec[col["cost_per_kept_second"]], why, gone)
		}
	}
}

// markdownRows returns the cells of a Markdown text's table rows (the
// header first, the separator left out), unescaping \|.
func markdownRows(md string) [][]string {
	var rows [][]string
	for line := range strings.SplitSeq(md, "\n") {
		if !strings.HasPrefix(line, "| ") || strings.HasPrefix(line, "| ---") {
			continue
		}
		line = strings.TrimSuffix(strings.TrimPrefix(line, "| "), " |")
		line = strings.ReplaceAll(line, `\|`, "\x00")
		var cells []string
		for c := range strings.SplitSeq(line, " | ") {
			cells = append(cells, strings.ReplaceAll(c, "\x00", "|"))
		}
		rows = append(rows, cells)
	}
	return rows
}

// TestCompareCalculatorLinks: a ranked row opens the calculator on its
// plan with the same numbers, and the calculator links back here with its
// shot (both in-app navigations, without reloading the page).
func TestCompareCalculatorLinks(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/compare")
	e2e.WaitRanking(tb, "the default shot", defaultShot)
	href := e2e.Eval[string](tb, `document.querySelector('#ranking tbody tr a').getAttribute("href")`)
	if want := "/#profile=pika&plan=starter&billing=yearly&model=pika-2-5-turbo&res=720p&dur=5"; href != want {
		t.Fatalf("the cheapest row links to %q, want %q", href, want)
	}
	tb.Do("opening the cheapest in the calculator", chromedp.Click(chromedp.CSS("#ranking tbody tr a")))
	tb.WaitFor("the calculator", `location.pathname === "/" && !!document.getElementById("cost-per-clip")`, 10*time.Second)
	// The calculator prices the same clip the same way: Pika Starter billed
	// yearly, $8 × 10 credits ÷ 900 credits = $0.0888888888888889 a clip,
	// $0.0177777777777778 a second.
	e2e.WaitResults(tb, "Pika 2.5 Turbo on Pika Starter, yearly", map[string][2]string{
		"cost-per-clip":   {"0.0888888888888889", "$0.0889"},
		"cost-per-second": {"0.0177777777777778", "$0.0178"},
	})
	// And back: the calculator's compare link carries the shot.
	back := e2e.Eval[string](tb, `document.querySelector('main a[href^="/compare#"]').getAttribute("href")`)
	if !strings.HasPrefix(back, "/compare#dur=5&res=720p") {
		t.Fatalf("the calculator's compare link = %q", back)
	}
	tb.Do("back to compare", chromedp.Click(chromedp.CSS(`main a[href^="/compare#"]`)))
	e2e.WaitRanking(tb, "back on compare", []e2e.RankedRow{defaultShot[0]})
	if got := e2e.Hash(tb); !strings.HasPrefix(got, "dur=5&res=720p") {
		t.Errorf("fragment = %q", got)
	}
	tb.AssertNoErrors()
}

// TestCompareShowFirstInSight: "Show the first 20 only", pressed below all
// the rows, leaves the button (which keeps the focus) in sight. The page
// shrank by some 50 rows above it and left it 2,000 px above a phone's
// screen.
func TestCompareShowFirstInSight(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 380, Height: 800, DeviceScaleFactor: 1, Mobile: true})
	tb.Open("/compare")
	e2e.WaitRanking(tb, "the default shot", defaultShot)
	tb.Do("showing all", chromedp.Click(chromedp.ID("cmp-more")))
	tb.WaitFor("every row", `document.querySelectorAll("#ranking tbody tr").length > 20`, 10*time.Second)
	tb.Do("pressing the button again", chromedp.Click(chromedp.ID("cmp-more")))
	tb.WaitFor("the first 20 again", `document.querySelectorAll("#ranking tbody tr").length === 20`, 10*time.Second)
	tb.WaitFor("the button in sight", `(() => {
		const r = document.getElementById("cmp-more").getBoundingClientRect();
		return r.top >= 0 && r.bottom <= innerHeight;
	})()`, 5*time.Second)
	if got := e2e.Eval[string](tb, `document.activeElement.id`); got != "cmp-more" {
		t.Errorf("the focus is on %q, want the button", got)
	}
	tb.AssertNoErrors()
}

// TestCompareNarrowRowHeard: where the ranking's box is narrow the
// Platform column is left out and the platform shows under the model's
// name; a screen reader, moving down the table by its row headers, heard
// the two run together ("Ray2 Flash Luma Dream Machine (app)", "Kling 3.0
// Pro Krea (API, fixed-price models)"). It hears "Ray2 Flash on Luma
// Dream Machine (app)", as the status says it; where the column is shown,
// the model alone, its platform a cell of its own.
func TestCompareNarrowRowHeard(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	for _, width := range []int64{390, 1280} {
		e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 800, DeviceScaleFactor: 1, Mobile: width < 800})
		tb.Open("/compare#dur=8&res=1080p&audio=1&cur=EUR")
		tb.WaitFor("the ranking", `document.querySelectorAll("#ranking tbody tr").length >= 3`, 10*time.Second)
		for i := 1; i <= 3; i++ {
			row := fmt.Sprintf(`document.querySelector("#ranking tbody tr:nth-child(%d)")`, i)
			model := e2e.Eval[string](tb, row+`.querySelector(".cmp-col-model a").textContent`)
			platform := e2e.Eval[string](tb, row+`.querySelector(".cmp-col-platform").textContent`)
			want := model
			if width < 800 {
				want = model + " on " + platform
			}
			if got := e2e.AXOf(tb, row+`.querySelector("th")`); got.Name != want {
				t.Errorf("%d px: row %d's header is heard as %s, want “%s”", width, i, got, want)
			}
		}
		tb.AssertNoErrors()
	}
}

// TestCompareNarrowSort: where the ranking's box is narrow, its Platform
// column is left out, and its sort button went with it: a phone's reader
// could sort by every column but the platform. Every column the wide table
// sorts by is sortable there too, by a button in sight: the platform's
// under the model's in its heading, next after it from the keyboard, heard
// as "Platform", sorting the rows by platform as the wide table's does.
func TestCompareNarrowSort(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	const sortable = `[...document.querySelectorAll("#ranking thead button[data-sort]")].filter((b) => b.checkVisibility()).map((b) => b.dataset.sort)`
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/compare")
	wide := e2e.Eval[[]string](tb, sortable)
	if !slices.Contains(wide, "platform") {
		t.Fatalf("at 1280 px the ranking sorts by %v, not by platform", wide)
	}
	for _, width := range []int64{360, 390, 412} {
		e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 800, DeviceScaleFactor: 1, Mobile: true})
		tb.Open("/compare")
		if e2e.Eval[bool](tb, `document.querySelector("#ranking th.cmp-col-platform").checkVisibility()`) {
			t.Fatalf("%d px: the Platform column is shown; this test is of the narrow ranking", width)
		}
		if got := e2e.Eval[[]string](tb, sortable); !slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(wide))) {
			t.Errorf("%d px: the ranking can be sorted by %v, the wide one by %v", width, got, wide)
			continue
		}
		// From the keyboard: the model's button, then Tab.
		e2e.Eval[bool](tb, `(document.querySelector('#ranking thead button[data-sort="model"]').focus(), true)`)
		tb.Do("pressing Tab", chromedp.KeyEvent(kb.Tab))
		if got := e2e.FocusedAX(tb); got.Role != "button" || got.Name != "Platform" ||
			!e2e.Eval[bool](tb, `document.activeElement.dataset.sort === "platform" && document.activeElement.checkVisibility()`) {
			t.Errorf("%d px: after the model's sort button, Tab is on %s, want the platform's, in sight", width, got)
			continue
		}
		tb.Do("pressing Enter", chromedp.KeyEvent(kb.Enter))
		tb.WaitFor("the status", `document.getElementById("cmp-view-status").textContent === "Sorted by platform, A to Z."`, 10*time.Second)
		platforms := e2e.Eval[[]string](tb, `[...document.querySelectorAll("#ranking tbody td.cmp-col-platform")].map(c => c.textContent.trim().toLowerCase())`)
		if !slices.IsSorted(platforms) {
			t.Errorf("%d px: sorted by platform, the rows' platforms are %q", width, platforms)
		}
		if got := e2e.Eval[string](tb, `document.activeElement.textContent`); got != "Platform▲" {
			t.Errorf("%d px: the focused button, after sorting, reads %q, want %q", width, got, "Platform▲")
		}
		// The order is said once: by one live region, not by the button's
		// name as well.
		if got := e2e.FocusedAX(tb); got.Name != "Platform" {
			t.Errorf("%d px: the focused button, after sorting, is heard as %s, want “Platform”", width, got)
		}
		if n := e2e.Eval[int](tb, `[...document.querySelectorAll('[role="status"], [role="alert"], [aria-live]')].filter((el) => el.textContent.includes("Sorted by")).length`); n != 1 {
			t.Errorf("%d px: %d live regions say the sort, want 1", width, n)
		}
		tb.AssertNoErrors()
	}
}

// TestCompareRowsShort: at a desktop's width no row of the ranking is
// taller than 110 px (most are 59–87, pay-as-you-go rows with long model
// names 100, Google Flow's 106), on every billing: Google Flow's rows were
// 165 px, its Plan cell's "billed monthly at the regular price, not the
// intro $124.99 of the first 3 months" 8 lines in a 128 px column. The promotion's words are folded under "Promotion", heard with
// their row, and open from the keyboard.
func TestCompareRowsShort(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 1280, Height: 800, DeviceScaleFactor: 1})
	for _, billing := range []string{"cheapest", "monthly", "first"} {
		tb.Open("/compare#dur=8&billing=" + billing)
		if e2e.Eval[bool](tb, `!!document.getElementById("cmp-more")`) {
			e2e.Eval[bool](tb, `(document.getElementById("cmp-more").click(), true)`)
			tb.WaitFor("every row", `document.querySelectorAll("#ranking tbody tr").length > 20`, 10*time.Second)
		}
		tall := e2e.Eval[[]string](tb, `[...document.querySelectorAll("#ranking tbody tr")].filter((tr) => tr.getBoundingClientRect().height > 110).
			map((tr) => tr.dataset.model + " " + Math.round(tr.getBoundingClientRect().height) + " px: " + JSON.stringify(tr.querySelector(".cmp-col-plan").innerText))`)
		for _, r := range tall {
			t.Errorf("billing %s: %s", billing, r)
		}
		if n := e2e.Eval[int](tb, `document.querySelectorAll('#ranking tr[data-model^="google-flow/"] .cmp-col-plan details').length`); n == 0 {
			t.Errorf("billing %s: no Google Flow row folds its promotion", billing)
		}
	}
	// From the keyboard: the first promotion's summary, Enter.
	e2e.Eval[bool](tb, `(document.querySelector('#ranking .cmp-col-plan details summary').focus(), true)`)
	whose := e2e.Eval[string](tb, `document.activeElement.closest("tr").querySelector("th a").textContent + " on " + document.activeElement.closest("tr").querySelector("td.cmp-col-platform").textContent`)
	if got := e2e.FocusedAX(tb); got.Name != "Promotion for "+whose {
		t.Errorf("the promotion's summary is heard as %s, want “Promotion for %s”", got, whose)
	}
	tb.Do("pressing Enter", chromedp.KeyEvent(kb.Enter))
	tb.WaitFor("the promotion shown", `document.activeElement.closest("details").open && document.activeElement.closest("details").querySelector(".figure-note").checkVisibility()`, 5*time.Second)
	if got := e2e.Eval[string](tb, `document.activeElement.closest("details").querySelector(".figure-note").innerText`); got != "For 3 months, then $249.99." {
		t.Errorf("the promotion reads %q", got)
	}
	tb.AssertNoErrors()
}

// TestCompareFigureRowsShort: a row whose price has a figure note (which
// of a range or of two figures it is) is no taller for it, at a phone's
// width and a desktop's: Google Flow's notes, in the narrow Evidence
// column, made its rows ~230 px tall. The note is folded under "Which
// figure is used", heard with its row, and opens from the keyboard.
func TestCompareFigureRowsShort(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	const flow = `[...document.querySelectorAll('#ranking tbody tr[data-model^="google-flow/"]')]`
	tb := e2e.NewTab(t, srv.URL)
	for _, width := range []int64{390, 1280} {
		e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 844, DeviceScaleFactor: 1, Mobile: width < 800})
		tb.Open("/compare#dur=8&res=720p&billing=monthly&platforms=google-flow")
		heights := e2e.Eval[[]int](tb, flow+`.map((tr) => Math.round(tr.getBoundingClientRect().height))`)
		if len(heights) == 0 {
			t.Fatalf("%d px: no Google Flow row", width)
		}
		// The tallest a row is for its other cells (the plan's words, the
		// model's name), evidence aside.
		others := e2e.Eval[[]int](tb, flow+`.map((tr) => Math.round(Math.max(...[...tr.cells].filter((c) => !c.matches(".cmp-col-evidence")).map((c) => {
			const r = document.createRange(); r.selectNodeContents(c); return r.getBoundingClientRect().height;
		}))))`)
		for i, h := range heights {
			if h > others[i]+24 {
				t.Errorf("%d px: Google Flow's row %d is %d px tall, its cells other than the evidence need %d", width, i+1, h, others[i])
			}
		}
		if n := e2e.Eval[int](tb, flow+`.filter((tr) => tr.querySelector(".cmp-col-evidence .figure-note")).length`); n == 0 {
			t.Fatalf("%d px: no Google Flow row has a figure note", width)
		}
		// From the keyboard: the first note's summary, Enter.
		e2e.Eval[bool](tb, `(document.querySelector('#ranking .cmp-col-evidence details summary').focus(), true)`)
		whose := e2e.Eval[string](tb, `document.activeElement.closest("tr").querySelector("th a").textContent + " on " + document.activeElement.closest("tr").querySelector("td.cmp-col-platform").textContent`)
		if got := e2e.FocusedAX(tb); got.Name != "Which figure is used for "+whose {
			t.Errorf("%d px: the note's summary is heard as %s, want “Which figure is used for %s”", width, got, whose)
		}
		tb.Do("pressing Enter", chromedp.KeyEvent(kb.Enter))
		tb.WaitFor("the note shown", `document.activeElement.closest("details").open && document.activeElement.closest("details").querySelector(".figure-note").checkVisibility()`, 5*time.Second)
		if got := e2e.Eval[string](tb, `document.activeElement.closest("details").querySelector(".figure-note").innerText`); !strings.Contains(got, "figures") {
			t.Errorf("%d px: the note reads %q", width, got)
		}
		tb.AssertNoErrors()
	}
}
