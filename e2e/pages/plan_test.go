package pages

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aivc/aivc/e2e"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Months worked out by hand from pricing/catalog/*.json. The mix is b-roll
// on a fast model, 10 s at 720p, kept at the first try; only four profiles
// have a fast model that makes 10 s at 720p (the others' fast models stop
// at 5 or 6 s, or start at 1080p), so the ranking is complete:
//
//   - fal: Hailuo 2.3 Fast Standard's 10 s bucket, $0.32 a clip (Kling 2.5
//     Turbo: $0.21 + 5 × $0.042 = $0.42; Pika v2 Turbo makes 5 s only;
//     LTX 2.3 Fast starts at 1080p);
//   - luma: Ray2 Flash's 10 s bucket at 720p, 110 credits; Lite is $9.99
//     for 3,200 credits, Plus $30.00 for 10,000; the 1,200-credit top-up
//     costs $4.00 and needs a plan;
//   - runway-api: Gen-4 Turbo, $0.05 a second, $0.50 a clip;
//   - runway: Gen-4 Turbo, 5 credits a second, 50 a clip; Standard is $15
//     for 625 credits ($12 billed yearly), Pro $35 for 2,250 ($28 yearly);
//     the 1,000-credit top-up costs $10 and needs a plan.
var planCases = []struct {
	name, link string
	want       []planRow
	ways       map[string]string // platform → the way to buy it, as shown
}{
	{
		// The API beats every plan: fal pays $6.40 for the month, the
		// cheapest plan (Luma Lite) costs $9.99. Runway: 1,000 credits;
		// Standard ($15, 625) plus one top-up ($10, 1,000) is $25, less
		// than the bigger plan Pro ($35).
		name: "API beats every plan",
		link: "/plan#mix=broll:20:10:720p:fast:1",
		want: []planRow{{"fal", "6.4"}, {"luma", "9.99"}, {"runway-api", "10"}, {"runway", "25"}},
		ways: map[string]string{
			"fal": "pay as you go", "luma": "Lite plan",
			"runway": "Standard plan + 1 × Credit top-up (1,000 credits)",
		},
	},
	{
		// Plan + top-up beats a bigger plan: Luma needs 40 × 110 = 4,400
		// credits; Lite (3,200) and one 1,200-credit top-up cover it
		// exactly for $9.99 + $4.00 = $13.99, against $30.00 for Plus.
		// Runway needs 2,000: Pro ($35, 2,250) ties Standard and two
		// top-ups ($15 + $20, 2,625) and wins on fewer unused credits.
		name: "plan and top-up beat a bigger plan",
		link: "/plan#mix=broll:40:10:720p:fast:1",
		want: []planRow{{"fal", "12.8"}, {"luma", "13.99"}, {"runway-api", "20"}, {"runway", "35"}},
		ways: map[string]string{
			"luma": "Lite plan + 1 × Top-up 1,200 credits", "runway": "Pro plan",
		},
	},
	{
		// Billed yearly: Runway Standard is $12 a month, plus a $10 top-up;
		// Luma Lite has no yearly price, so Plus at $25.00 a month.
		name: "yearly",
		link: "/plan#mix=broll:20:10:720p:fast:1&billing=yearly",
		want: []planRow{{"fal", "6.4"}, {"runway-api", "10"}, {"runway", "22"}, {"luma", "25"}},
		ways: map[string]string{
			"runway": "Standard plan (billed yearly) + 1 × Credit top-up (1,000 credits)",
			"luma":   "Plus plan (billed yearly)",
		},
	},
}

// planRow is one row of the planner's ranking.
type planRow struct {
	Platform string `json:"platform"`
	Cost     string `json:"cost"`
}

// planTableJS reads the ranking: data-platform, data-monthly-cost and the
// way to buy.
const planTableJS = `[...document.querySelectorAll("#plan-table tbody tr")].map(r => ({
	platform: r.dataset.platform, cost: r.dataset.monthlyCost,
	way: r.querySelector(".plan-way").textContent.trim()}))`

type planTableRow struct {
	Platform string `json:"platform"`
	Cost     string `json:"cost"`
	Way      string `json:"way"`
}

// waitPlan waits until the ranking is exactly want.
func waitPlan(tb *e2e.Tab, what string, want []planRow) []planTableRow {
	tb.T.Helper()
	js, _ := json.Marshal(want)
	_, err := chromedp.Run(tb.Ctx, chromedp.Poll[bool](fmt.Sprintf(`(() => {
		const want = %s;
		const rows = [...document.querySelectorAll("#plan-table tbody tr")];
		return rows.length === want.length && want.every((w, i) =>
			rows[i].dataset.platform === w.platform && rows[i].dataset.monthlyCost === w.cost);
	})()`, js), chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second)))
	got := e2e.Eval[[]planTableRow](tb, planTableJS)
	if err != nil {
		tb.T.Fatalf("%s: ranking %v, want %v (%v)%s", what, got, want, err, tb.ConsoleDump())
	}
	return got
}

// TestPlanPrerendered: the HTML of /plan already plans the default mix.
func TestPlanPrerendered(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	res, body := e2e.Get(t, srv.URL+"/plan")
	if res.StatusCode != 200 {
		t.Fatalf("GET /plan = %d", res.StatusCode)
	}
	html := string(body)
	rows := regexp.MustCompile(`<tr[^>]*data-platform="([^"]+)"[^>]*>`).FindAllString(html, -1)
	if len(rows) < 2 {
		t.Fatalf("prerendered /plan ranks %d platforms, want several", len(rows))
	}
	for _, r := range rows {
		if !regexp.MustCompile(`data-monthly-cost="[0-9.]+"`).MatchString(r) {
			t.Errorf("a ranked row without an exact monthly cost: %s", r)
		}
	}
	for _, want := range []string{`name="mix-0-name"`, `name="mix-1-count"`, `name="billing"`, `name="cur"`,
		`id="plan-break-even"`, `id="plan-saving"`, `id="plan-chart"`} {
		if !strings.Contains(html, want) {
			t.Errorf("prerendered /plan lacks %s", want)
		}
	}
}

// TestPlanLinks: a mix from a link gives the cheapest way to buy it on
// each platform, in the order and at the exact costs worked out by hand.
func TestPlanLinks(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	for _, tc := range planCases {
		t.Run(tc.name, func(t *testing.T) {
			tb := e2e.NewTab(t, srv.URL)
			tb.Open(tc.link)
			got := waitPlan(tb, tc.link, tc.want)
			for _, r := range got {
				if want, ok := tc.ways[r.Platform]; ok && r.Way != want {
					t.Errorf("%s is bought as %q, want %q", r.Platform, r.Way, want)
				}
			}
			tb.AssertNoErrors()
		})
	}
}

// TestPlanEditing: typing changes the plan and the link; a bad value is
// named by its row and field and leaves no stale ranking; rows can be
// added and removed; the break-even and the chart follow.
func TestPlanEditing(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open(planCases[0].link)
	waitPlan(tb, "the link", planCases[0].want)

	e2e.TypeInto(tb, "f-mix-0-count", "40")
	waitPlan(tb, "40 clips", planCases[1].want)
	if h := e2e.Hash(tb); h != "mix=broll:40:10:720p:fast:1" {
		t.Errorf("fragment %q after typing 40", h)
	}

	e2e.TypeInto(tb, "f-mix-0-sec", "ten")
	tb.WaitFor("the message about the seconds", `document.getElementById("f-mix-0-sec-msg").textContent.includes("Row 1 (broll): Seconds")`, 10*time.Second)
	if n := e2e.Eval[int](tb, `document.querySelectorAll("#plan-table tbody tr").length`); n != 0 {
		t.Errorf("a bad value leaves %d ranked rows", n)
	}
	if s := e2e.Eval[string](tb, `document.getElementById("plan-status").textContent`); !strings.Contains(s, "not current") {
		t.Errorf("status %q after a bad value", s)
	}
	e2e.TypeInto(tb, "f-mix-0-sec", "10")
	waitPlan(tb, "fixed again", planCases[1].want)

	// Adding a row puts the focus in its name; removing one, in the name
	// of the row that took its place (it fell to <body>); the only row's
	// Remove is disabled (it did nothing).
	tb.Do("adding a row", chromedp.Click(chromedp.ID("plan-add")))
	tb.WaitFor("the second row", `!!document.getElementById("f-mix-1-count")`, 10*time.Second)
	tb.WaitFor("the focus in its name", `document.activeElement.id === "f-mix-1-name"`, 5*time.Second)
	if h := e2e.Hash(tb); !strings.HasPrefix(h, "mix=broll:40:10:720p:fast:1,row2:10:5:720p:any") {
		t.Errorf("fragment %q after adding a row", h)
	}
	tb.Do("removing the first row", chromedp.Click(chromedp.CSS(`.plan-row[data-row="0"] .plan-remove`)))
	tb.WaitFor("one row left", `document.querySelectorAll(".plan-row").length === 1 && document.getElementById("f-mix-0-name").value === "row2"`, 10*time.Second)
	tb.WaitFor("the focus in the name of the row left", `document.activeElement.id === "f-mix-0-name"`, 5*time.Second)
	if !e2e.Eval[bool](tb, `document.querySelector(".plan-remove").disabled`) {
		t.Error("the only row's Remove is not disabled")
	}
	if h := e2e.Hash(tb); h != "mix=row2:10:5:720p:any" {
		t.Errorf("fragment %q after removing a row", h)
	}

	even := e2e.Eval[map[string]string](tb, `(() => {
		const p = document.getElementById("plan-break-even");
		return {text: p.textContent, value: p.dataset.value || ""};
	})()`)
	if even["text"] == "" {
		t.Error("no break-even sentence")
	}
	if n := e2e.Eval[int](tb, `document.querySelectorAll("#plan-chart g.chart-bar").length`); n != 12 {
		t.Errorf("the break-even chart has %d bars, want 12 (6 sizes × subscription and API)", n)
	}
	if n := e2e.Eval[int](tb, `document.querySelectorAll("#plan-chart-data tbody tr").length`); n != 12 {
		t.Errorf("the chart's text alternative has %d rows, want 12", n)
	}
	e2e.AssertNoBadNumbers(tb)
	tb.AssertNoErrors()
}

// TestNavKeepsWork: going to another page through the nav and back through
// it brings back the page as it was left: a month's mix, the calculator's
// numbers (they reset to the defaults: the nav linked to the bare paths),
// and after a reload too (the states lived in the wasm's memory).
func TestNavKeepsWork(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open(planCases[0].link)
	e2e.TypeInto(tb, "f-mix-0-count", "40")
	waitPlan(tb, "40 clips", planCases[1].want)
	mix := e2e.Hash(tb)

	e2e.FollowNav(tb, "Calculator")
	tb.WaitFor("the calculator", `!!document.getElementById("f-dur") && location.pathname === "/"`, 10*time.Second)
	e2e.TypeInto(tb, "f-dur", "7")
	tb.WaitFor("the calculator's state in its address", `location.hash.includes("dur=7")`, 10*time.Second)
	calc := e2e.Hash(tb)

	e2e.FollowNav(tb, "Plan")
	waitPlan(tb, "the mix, back through the nav", planCases[1].want)
	if h := e2e.Hash(tb); h != mix {
		t.Errorf("/plan through the nav: fragment %q, want %q", h, mix)
	}
	e2e.FollowNav(tb, "Calculator")
	tb.WaitFor("the calculator's duration, back through the nav", `document.getElementById("f-dur").value === "7"`, 10*time.Second)
	if h := e2e.Hash(tb); h != calc {
		t.Errorf("the calculator through the nav: fragment %q, want %q", h, calc)
	}

	// A reload (the new version's Reload) forgot the other pages' work:
	// the tab keeps it.
	tb.Do("reloading", chromedp.Reload())
	tb.WaitReady()
	e2e.FollowNav(tb, "Plan")
	waitPlan(tb, "the mix, through the nav after a reload", planCases[1].want)
	if h := e2e.Hash(tb); h != mix {
		t.Errorf("/plan through the nav after a reload: fragment %q, want %q", h, mix)
	}
	tb.AssertNoErrors()
}

// TestPlanLinkTypedComma: "1,200" clips typed on /plan are "1%2C200" in
// the address, escaped once (it was "1%252C200"), and the link opened in a
// fresh tab shows "1,200" and the same month.
func TestPlanLinkTypedComma(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open(planCases[0].link)
	waitPlan(tb, "the link", planCases[0].want)
	e2e.TypeInto(tb, "f-mix-0-count", "1,200")
	tb.WaitFor("the typed clips in the address", `location.hash.includes("broll:1")`, 10*time.Second)
	h := e2e.Hash(tb)
	if h != "mix=broll:1%2C200:10:720p:fast:1" || strings.Contains(h, "%25") {
		t.Errorf("fragment %q after typing 1,200, want mix=broll:1%%2C200:10:720p:fast:1", h)
	}
	month := e2e.Eval[[]planTableRow](tb, planTableJS)
	fresh := e2e.NewTab(t, srv.URL)
	fresh.Open("/plan#" + h)
	fresh.WaitFor("the link's clips", `document.getElementById("f-mix-0-count").value === "1,200"`, 10*time.Second)
	if got := e2e.Eval[[]planTableRow](fresh, planTableJS); len(got) == 0 || fmt.Sprint(got) != fmt.Sprint(month) {
		t.Errorf("the link's month %v, want %v", got, month)
	}
	if got := e2e.Hash(fresh); got != h {
		t.Errorf("the fresh tab's fragment %q, want %q", got, h)
	}
	tb.AssertNoErrors()
	fresh.AssertNoErrors()
}

// TestPlanBadLink: a link whose row lacks fields says which row and
// which field.
func TestPlanBadLink(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/plan#mix=hero:20:8:1080p:premium:1.5,broll:100:5")
	tb.WaitFor("the link's message", `document.getElementById("f-mix-msg").textContent.includes("Row 2")`, 10*time.Second)
	msg := e2e.Eval[string](tb, `document.getElementById("f-mix-msg").textContent`)
	if !strings.Contains(msg, "resolution is missing") {
		t.Errorf("message %q does not name the missing field", msg)
	}
	tb.AssertNoErrors()

	tb = e2e.NewTab(t, srv.URL)
	tb.Open("/plan#mix=hero:20:8:1080p:ultra:1.5")
	tb.WaitFor("the tier's message", `document.getElementById("f-mix-0-tier-msg").textContent !== ""`, 10*time.Second)
	if msg := e2e.Eval[string](tb, `document.getElementById("f-mix-0-tier-msg").textContent`); !strings.Contains(msg, "Row 1 (hero): Tier") {
		t.Errorf("tier message %q", msg)
	}
	tb.AssertNoErrors()
}

// TestPlanSpendGuidance: a mix with a fast row says what it saves against
// every row on a premium model.
func TestPlanSpendGuidance(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/plan#mix=hero:20:5:1080p:premium:1.5,broll:100:5:720p:any:1")
	tb.WaitFor("the saving", `!!document.getElementById("plan-saving").dataset.value`, 10*time.Second)
	s := e2e.Eval[string](tb, `document.getElementById("plan-saving").textContent`)
	if !strings.Contains(s, "it saves") {
		t.Errorf("guidance %q", s)
	}
	tb.AssertNoErrors()
}

// TestPlanWorkingFits: on a desktop the month's working, opened, fits its
// column: the table does not scroll sideways to show it. With the
// platform's column taking the room, the working's column was 8rem and its
// list ran 10rem past it, out of the box. On a phone, where the table
// scrolls, the list fits its column too: its 18rem ran 12 px past the
// 17.25rem the column had, over the table's edge.
func TestPlanWorkingFits(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	for _, width := range []int64{1280, 390} {
		e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 800, DeviceScaleFactor: 1, Mobile: width < 800})
		tb.Open("/plan")
		got := e2e.Eval[[]string](tb, fmt.Sprintf(`(() => {
			const bad = [], box = document.getElementById("plan-table").closest(".cmp-scroll");
			for (const d of document.querySelectorAll("#plan-table details.plan-how")) d.open = true;
			for (const ul of document.querySelectorAll("#plan-table details.plan-how ul")) {
				const td = ul.closest("td"), list = ul.getBoundingClientRect();
				const end = td.getBoundingClientRect().right - parseFloat(getComputedStyle(td).paddingRight);
				if (list.right > end + 1) bad.push("a working list ends at " + list.right.toFixed(0) + " px, its cell's text at " + end.toFixed(0));
			}
			if (%t && box.scrollWidth > box.clientWidth) bad.push("the table scrolls sideways: " + box.scrollWidth + " px in " + box.clientWidth);
			return bad;
		})()`, width >= 800))
		for _, m := range got {
			t.Errorf("%d px wide: %s", width, m)
		}
		tb.AssertNoErrors()
	}
}

// TestPlanFigureNoteFits: a platform whose figures are noted (Kling's
// plan price and a model's credits) has the note where the row has room,
// not folded into the narrow Credits column beside "52 unused, all may
// expire (validity not stated by Kling)": there it ran ten lines at 1280
// px while the working's column stood half empty.
func TestPlanFigureNoteFits(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	for _, c := range []struct {
		width    int64
		maxLines int
	}{{1280, 4}, {390, 6}} {
		e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: c.width, Height: 800, DeviceScaleFactor: 1, Mobile: c.width < 800})
		tb.Open("/plan#mix=hero:10:5:1080p:any:1:audio,broll:40:5:720p:any:1&cur=EUR")
		tb.WaitFor("Kling's month", `!!document.querySelector('#plan-table tr[data-platform="kling"] .figure-note')`, 10*time.Second)
		lines := e2e.Eval[float64](tb, `(() => {
			const n = document.querySelector('#plan-table tr[data-platform="kling"] .figure-note');
			return n.getBoundingClientRect().height / parseFloat(getComputedStyle(n).lineHeight);
		})()`)
		if int(lines+0.5) > c.maxLines {
			t.Errorf("%d px wide: Kling's figure note runs %.0f lines, want at most %d", c.width, lines, c.maxLines)
		}
		tb.AssertNoErrors()
	}
}

// planCost is the JavaScript of a platform's month in the ranking
// (data-monthly-cost), "" when it is not ranked.
func planCost(platform string) string {
	return fmt.Sprintf(`((document.querySelector('#plan-table tr[data-platform=%q]') || {dataset: {}}).dataset.monthlyCost || "")`, platform)
}

// TestPlanAudio: a person gives a row native audio from the keyboard; the
// month's cost changes as /compare prices the shot with audio (fal's row
// goes from Pika at $0.25 a clip to Veo 3 at $3.20), LTX's API, with no
// model that makes audio, is listed as unable to make it (said once), and the link
// carries the audio: opened again, it shows the same month. An old link,
// without audio, opens as before and keeps its address.
func TestPlanAudio(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/plan#mix=hero:10:8:720p:standard:1")
	tb.WaitFor("fal's silent month", planCost("fal")+` === "2.5" && `+planCost("ltx-api")+` === "3.2"`, 10*time.Second)
	if v := e2e.Eval[string](tb, `document.getElementById("f-mix-0-audio").value`); v != "" {
		t.Errorf("an old link's row has audio %q", v)
	}
	if h := e2e.Hash(tb); h != "mix=hero:10:8:720p:standard:1" {
		t.Errorf("an old link's address became %q", h)
	}

	e2e.Eval[bool](tb, `document.getElementById("f-mix-0-takes").focus() || true`)
	if got := e2e.FocusedAX(tb); got.Name != "Generations per kept clip, row 1" {
		t.Errorf("the row's generations are announced as %s, want “Generations per kept clip, row 1”", got)
	}
	e2e.TabTo(tb, "#f-mix-0-audio", 2) // the field after the row's generations per kept clip
	if got := e2e.FocusedAX(tb); got.Role != "combobox" || got.Name != "Audio, row 1" {
		t.Errorf("the audio picker is announced as %s, want combobox “Audio, row 1”", got)
	}
	tb.Do("choosing native audio", chromedp.KeyEvent(kb.ArrowDown))
	tb.WaitFor("fal's month with audio", planCost("fal")+` === "32" && `+planCost("ltx-api")+` === ""`, 10*time.Second)
	if h := e2e.Hash(tb); h != "mix=hero:10:8:720p:standard:1:audio" {
		t.Errorf("the address %q does not carry the audio", h)
	}
	gone := e2e.Eval[string](tb, `document.querySelector('#plan-gone li[data-platform="ltx-api"]').textContent`)
	if !strings.Contains(gone, "hero: no standard model makes 8 s at 720p with native audio; LTX-2: native audio not stated by its source.") {
		t.Errorf("LTX's API is listed as %q", gone)
	}
	if s := e2e.Eval[string](tb, `document.getElementById("plan-status").textContent`); !strings.Contains(s, "8 platforms can make this mix") {
		t.Errorf("status %q", s)
	}

	link := e2e.Eval[string](tb, `location.href`)
	tb2 := e2e.NewTab(t, srv.URL)
	tb2.Open(strings.TrimPrefix(link, srv.URL))
	tb2.WaitFor("the linked month with audio", planCost("fal")+` === "32" && `+planCost("ltx-api")+` === ""`, 10*time.Second)
	if v := e2e.Eval[string](tb2, `document.getElementById("f-mix-0-audio").value`); v != "audio" {
		t.Errorf("the linked row's audio is %q", v)
	}
	tb.AssertNoErrors()
	tb2.AssertNoErrors()
}

// TestPlanUpscale: a person upscales a row from the keyboard; the month is
// priced as /compare prices the shot with Upscale ticked: only Luma's Ray2
// prices it (170 credits a 5 s clip, on the $9.99 Lite plan), every other
// platform is listed as unable to make it, and the link carries it after
// the audio field: opened again, it shows the same month.
func TestPlanUpscale(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/plan#mix=hero:10:5:720p:standard:1")
	tb.WaitFor("the month not upscaled", planCost("luma")+` === "9.99" && `+planCost("kling")+` === "10"`, 10*time.Second)
	if v := e2e.Eval[string](tb, `document.getElementById("f-mix-0-upscale").value`); v != "" {
		t.Errorf("an old link's row is upscaled: %q", v)
	}
	e2e.Eval[bool](tb, `document.getElementById("f-mix-0-audio").focus() || true`)
	e2e.TabTo(tb, "#f-mix-0-upscale", 2) // the field after the row's audio
	if got := e2e.FocusedAX(tb); got.Role != "combobox" || got.Name != "Upscale, row 1" {
		t.Errorf("the upscale picker is announced as %s, want combobox “Upscale, row 1”", got)
	}
	tb.Do("choosing upscale", chromedp.KeyEvent(kb.ArrowDown))
	tb.WaitFor("Luma's month upscaled, alone", planCost("luma")+` === "9.99" && `+planCost("kling")+` === "" &&
		document.querySelectorAll("#plan-table tr[data-platform]").length === 1`, 10*time.Second)
	if h := e2e.Hash(tb); h != "mix=hero:10:5:720p:standard:1::upscale" {
		t.Errorf("the address %q does not carry the upscale", h)
	}
	if gone := e2e.Eval[string](tb, `document.querySelector('#plan-gone li[data-platform="kling"]').textContent`); !strings.Contains(gone, "hero: no standard model makes 5 s at 720p with upscale.") {
		t.Errorf("Kling is listed as %q", gone)
	}
	link := e2e.Eval[string](tb, `location.href`)
	tb2 := e2e.NewTab(t, srv.URL)
	tb2.Open(strings.TrimPrefix(link, srv.URL))
	tb2.WaitFor("the linked month upscaled", planCost("luma")+` === "9.99" && `+planCost("kling")+` === ""`, 10*time.Second)
	if v := e2e.Eval[string](tb2, `document.getElementById("f-mix-0-upscale").value`); v != "upscale" {
		t.Errorf("the linked row's upscale is %q", v)
	}
	tb.AssertNoErrors()
	tb2.AssertNoErrors()
}

// TestPlanShare: /plan's Share section gives the link to the month as it
// is, following the edits, and the link opens the same month elsewhere.
func TestPlanShare(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/plan#mix=hero:10:8:720p:standard:1:audio,broll:100:5:720p:any:1&cur=EUR")
	tb.WaitFor("the month", planCost("fal")+` !== ""`, 10*time.Second)
	e2e.TypeInto(tb, "f-mix-1-count", "40")
	want := srv.URL + "/plan#mix=hero:10:8:720p:standard:1:audio,broll:40:5:720p:any:1&cur=EUR"
	tb.WaitFor("the share link to follow", fmt.Sprintf(`document.getElementById("share-link").value === %q`, want), 10*time.Second)
	if got := e2e.Eval[string](tb, `document.getElementById("share-title").textContent`); got != "Share" {
		t.Errorf("the section is titled %q", got)
	}
	month := e2e.Eval[[]planTableRow](tb, planTableJS)

	tb2 := e2e.NewTab(t, srv.URL)
	tb2.Open(strings.TrimPrefix(e2e.Eval[string](tb, `document.getElementById("share-link").value`), srv.URL))
	rows := make([]planRow, len(month))
	for i, r := range month {
		rows[i] = planRow{r.Platform, r.Cost}
	}
	waitPlan(tb2, "the shared month", rows)
	for id, want := range map[string]string{"f-mix-0-audio": "audio", "f-mix-1-count": "40", "f-cur": "EUR"} {
		if got := e2e.Eval[string](tb2, `document.getElementById("`+id+`").value`); got != want {
			t.Errorf("the shared link's #%s is %q, want %q", id, got, want)
		}
	}
	tb.AssertNoErrors()
	tb2.AssertNoErrors()
}

// TestPlanIntroPrice: Google AI Ultra is ranked at its regular $249.99,
// what the month costs from the fourth on, and its row says the first 3
// months at the intro price under the way to buy it (200 Veo 3.1 Fast
// clips of 10 credits: more than Pro's 1,000).
func TestPlanIntroPrice(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/plan#mix=b:200:8:720p:fast:1")
	const row = `document.querySelector('#plan-table tr[data-platform="google-flow"]')`
	tb.WaitFor("Flow's row", row+` !== null`, 10*time.Second)
	got := e2e.Eval[[]string](tb, `[`+row+`.dataset.monthlyCost, `+row+`.querySelector(".plan-way").textContent,
		`+row+`.querySelector(".plan-way + .figure-note")?.textContent ?? ""]`)
	want := []string{"249.99", "Google AI Ultra plan",
		"First 3 months $124.99 a month (intro price; who qualifies not stated), then $249.99."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Flow's row: %q, want %q", got, want)
	}
	tb.AssertNoErrors()
}

// TestPlanUnusedSaid: each row says what becomes of its unused credits
// without a count of zero, in the row and in its Working. Kling's row
// read "52 unused, 0 expire, 52 may expire (validity not stated by
// Kling)", Runway's "425 unused, 0 expire", fal's pay-as-you-go "nothing
// unused" beside Luma's plan "560 unused, 560 expire". The Working's
// top-up line keeps a pack's name whole: it read "Credit top-up (1,000
// credits) (1,000 credits for $10)".
func TestPlanUnusedSaid(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	for _, tc := range []struct {
		link    string
		want    map[string]string   // platform → its unused credits, as shown
		working map[string][]string // platform → lines of its Working
	}{
		{"/plan#mix=b:48:5:720p:fast:1",
			map[string]string{"fal": "nothing unused", "luma": "560 unused, all expire", "runway": "425 unused, none expire"},
			map[string][]string{"runway": {"+ 1 × Credit top-up (1,000 credits) at $10 for 1,000 credits = $10.00",
				"total: $25.00 for 1,625 credits: 425 unused, none expiring"}}},
		{"/plan#mix=hero:40:5:1080p:premium:1",
			map[string]string{"kling": "52 unused, all may expire (validity not stated by Kling)"},
			map[string][]string{"kling": {"+ 12 × Top-up (rate per $1) at $1 for 66 credits = $12.00",
				"total: $22.00 for 1,452 credits: 52 unused, all may expire (validity not stated by Kling)"}}},
	} {
		tb.Open(tc.link)
		for platform, want := range tc.want {
			row := fmt.Sprintf(`document.querySelector('#plan-table tr[data-platform=%q]')`, platform)
			tb.WaitFor(platform+"'s row", row+` !== null`, 10*time.Second)
			if got := e2e.Eval[string](tb, row+`.querySelector(".plan-unused").textContent`); got != want {
				t.Errorf("%s, %s: unused %q, want %q", tc.link, platform, got, want)
			}
			lines := e2e.Eval[[]string](tb, `[...`+row+`.querySelectorAll("details li")].map(li => li.textContent)`)
			for _, w := range tc.working[platform] {
				if !slices.Contains(lines, w) {
					t.Errorf("%s, %s: the Working %q lacks %q", tc.link, platform, lines, w)
				}
			}
		}
	}
	tb.AssertNoErrors()
}

// TestPlanGoneNamesModel: a platform that cannot make a row, where one
// model was tried, names it with why: Sora 2 on OpenAI's API makes audio
// no source prices. It read "…; native audio price not published", of no
// model.
func TestPlanGoneNamesModel(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/plan#mix=hero:10:8:720p:standard:1:audio")
	const gone = `(document.querySelector('#plan-gone li[data-platform="sora-api"] .cmp-gone-reason') || {}).textContent`
	tb.WaitFor("OpenAI's API among those that cannot", gone+` !== undefined`, 10*time.Second)
	if got, want := e2e.Eval[string](tb, gone), "hero: no standard model makes 8 s at 720p with native audio; Sora 2: native audio price not published."; got != want {
		t.Errorf("OpenAI's API cannot make the mix: %q, want %q", got, want)
	}
	tb.AssertNoErrors()
}

// planInSightJS lists what a reader cannot read of /plan's table where it
// opens (scrolled to its start), row by row: the platform, the way to buy
// it (its column, or under the platform's name where the box is narrow:
// generated from the cell's data-way) and the month's cost, each out of
// the box or under the cost kept at its right edge; and the page, if it
// is wider than the screen.
const planInSightJS = `(() => {
	const box = document.getElementById("plan-table").closest(".cmp-scroll"), edge = box.getBoundingClientRect(), bad = [];
	box.scrollLeft = 0;
	if (document.documentElement.scrollWidth > document.documentElement.clientWidth)
		bad.push("the page is " + document.documentElement.scrollWidth + " px wide on a screen of " + document.documentElement.clientWidth);
	// A cell's text (its content box) is seen.
	const seen = (el) => {
		const r = el.getBoundingClientRect(), s = getComputedStyle(el);
		return [r.left + parseFloat(s.paddingLeft) + 1, r.right - parseFloat(s.paddingRight) - 1].every((x) => {
			const top = document.elementFromPoint(x, r.top + r.height / 2);
			return x > edge.left && x < edge.right && !!top && el.contains(top);
		});
	};
	for (const row of document.querySelectorAll("#plan-table tbody tr")) {
		scrollTo(0, scrollY + row.getBoundingClientRect().top - innerHeight / 2);
		const name = row.querySelector("th"), way = row.cells[2], cost = row.cells[3];
		const what = JSON.stringify(name.firstChild.textContent);
		if (!seen(name)) bad.push("the platform " + what + " is hidden");
		const words = way.querySelector(".plan-way").textContent, under = getComputedStyle(name, "::after").content;
		if (!(way.checkVisibility() ? seen(way) : under.startsWith(JSON.stringify(words).slice(0, -1)) && seen(name)))
			bad.push("the way to buy " + what + " is hidden");
		if (!seen(cost)) bad.push("the month's cost of " + what + " is hidden");
	}
	return bad;
})()`

// TestPlanNarrowFold: on a phone /plan's table showed the number, the
// platform and, kept at the box's right edge, the month's cost over the
// way to buy it ("pay", "Pro up" of it showed): a reader scrolled the
// table sideways to learn how the month is bought. Where the box is
// narrow (under 27rem) the way, with a promotion's first months, goes
// under the platform's name, as /compare's platform goes under the
// model's: every row's platform, way and cost are read where the table
// opens, and a screen reader hears the row as "Google Flow (AI credits),
// Google AI Ultra plan First 3 months…". The mix's rows stay usable: each
// field on the screen, not covered, heard with its label and row, and the
// Audio picker changes from the keyboard. At 1280 px the way keeps its
// column, and the row is heard by the platform alone.
func TestPlanNarrowFold(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	for _, width := range []int64{360, 390, 412, 1280} {
		e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 800, DeviceScaleFactor: 1, Mobile: width < 800})
		tb.Open("/plan#mix=b:200:8:720p:fast:1,h:10:8:720p:fast:1")
		tb.WaitFor("Flow's row", `!!document.querySelector('#plan-table tr[data-platform="google-flow"] .plan-way + .figure-note')`, 10*time.Second)
		for i, m := range e2e.Eval[[]string](tb, planInSightJS) {
			if i < 3 {
				t.Errorf("%d px: %s", width, m)
			}
		}
		// Scrolled to its end, each row's working beside its cost, not under it.
		for i, m := range e2e.Eval[[]string](tb, `(() => {
			const box = document.getElementById("plan-table").closest(".cmp-scroll"), bad = [];
			box.scrollLeft = box.scrollWidth;
			const edge = box.getBoundingClientRect();
			for (const row of document.querySelectorAll("#plan-table tbody tr")) {
				const how = row.querySelector(".plan-how summary").getBoundingClientRect(), cost = row.cells[3].getBoundingClientRect();
				if (how.left < cost.right - 1 && how.right > cost.left || how.right > edge.right)
					bad.push("scrolled to the end, the working of " + JSON.stringify(row.querySelector("th").firstChild.textContent) + " is at " +
						how.left.toFixed(0) + "–" + how.right.toFixed(0) + " px, the month's cost at " + cost.left.toFixed(0) + "–" + cost.right.toFixed(0));
			}
			box.scrollLeft = 0;
			return bad;
		})()`) {
			if i < 3 {
				t.Errorf("%d px: %s", width, m)
			}
		}
		n := e2e.Eval[int](tb, `document.querySelectorAll("#plan-table tbody tr").length`)
		for i := 1; i <= n; i++ {
			row := fmt.Sprintf(`document.querySelector("#plan-table tbody tr:nth-child(%d)")`, i)
			want := e2e.Eval[string](tb, row+`.querySelector("th").textContent`)
			if width < 800 {
				// What the hidden column is heard as: its price's stale
				// mark is hidden from a screen reader, its stale words
				// are there only where the price is stale.
				want += ", " + e2e.Eval[string](tb, `[...`+row+`.cells[2].children].map((e) => {
					const c = e.cloneNode(true);
					c.querySelectorAll('.cmp-stale-off, [aria-hidden="true"]').forEach((x) => x.remove());
					return c.textContent.replace(/\s+/g, " ").trim();
				}).join(" ")`)
			}
			// Chromium puts a space before the comma, where the generated
			// block starts; speech reads the two the same.
			if got := e2e.AXOf(tb, row+`.querySelector("th")`); strings.ReplaceAll(got.Name, " , ", ", ") != want {
				t.Errorf("%d px: row %d's header is heard as %s, want “%s”", width, i, got, want)
			}
		}
		// The mix's fields.
		type control struct{ ID, Heard string }
		for _, c := range e2e.Eval[[]control](tb, `[...document.querySelectorAll("#plan-form .plan-row :is(input, select)")].map((el) => ({
			id: el.id, heard: document.querySelector('label[for="' + el.id + '"]').textContent.trim() + ", row " + (+el.closest(".plan-row").dataset.row + 1)}))`) {
			el := fmt.Sprintf(`document.getElementById(%q)`, c.ID)
			if !e2e.Eval[bool](tb, `(() => {
				const el = `+el+`;
				el.scrollIntoView({block: "center"});
				const r = el.getBoundingClientRect();
				return r.left >= 0 && r.right <= document.documentElement.clientWidth && el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
			})()`) {
				t.Errorf("%d px: the field %s is off the screen or covered", width, c.ID)
			}
			if got := e2e.AXOf(tb, el); got.Name != c.Heard {
				t.Errorf("%d px: the field %s is heard as %s, want “%s”", width, c.ID, got, c.Heard)
			}
		}
		e2e.Eval[bool](tb, `document.getElementById("f-mix-1-audio").focus() || true`)
		tb.Do("choosing native audio", chromedp.KeyEvent(kb.ArrowDown))
		tb.WaitFor("the row with audio", `location.hash.includes(":audio")`, 10*time.Second)
		tb.AssertNoErrors()
	}
}

// TestPlanShareLeavesOutTypos: a typo in a row keeps that row out of the
// share link, which says so under it; fixed, the row is back. The link
// carried the typo to whoever opened it.
func TestPlanShareLeavesOutTypos(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/plan#mix=hero:10:8:720p:standard:1,broll:100:5:720p:any:1")
	tb.WaitFor("the month", planCost("fal")+` !== ""`, 10*time.Second)
	e2e.TypeInto(tb, "f-mix-1-count", "1x0")
	tb.WaitFor("the share link without the row", fmt.Sprintf(`document.getElementById("share-link").value === %q`,
		srv.URL+"/plan#mix=hero:10:8:720p:standard:1"), 10*time.Second)
	if got := e2e.Eval[string](tb, `(document.getElementById("share-note") || {}).textContent || ""`); got != "Row 2 (broll) is not in the link until its mistake is fixed." {
		t.Errorf("the note under the link: %q", got)
	}
	if !strings.Contains(e2e.Eval[string](tb, `location.hash`), "broll:1x0") {
		t.Error("the address lost the row being typed")
	}
	e2e.TypeInto(tb, "f-mix-1-count", "10")
	tb.WaitFor("the row back in the link", fmt.Sprintf(`document.getElementById("share-link").value === %q && !document.getElementById("share-note")`,
		srv.URL+"/plan#mix=hero:10:8:720p:standard:1,broll:10:5:720p:any:1"), 10*time.Second)
	tb.AssertNoErrors()
}

// TestPlanYoursFromCalculator: the calculator's "Price the month on the
// Plan page" takes the platform and model along (it lost them): /plan
// marks Kling's month as yours, says where it stands, and shows Kling in
// its picker; another platform picked there moves the mark, and the
// address keeps it without the old platform's model.
func TestPlanYoursFromCalculator(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	// Kling Pro: 3,000 credits; 2.6 Standard, 10 s: 100 credits × 2 × 20 = 4,000.
	tb.Open("/#profile=kling&plan=pro&model=kling-2-6-standard&res=720p&dur=10&takes=2&clips=20")
	tb.Do("pricing the month", chromedp.Click(chromedp.Search(`//a[normalize-space()="Price the month on the Plan page"]`)))
	tb.WaitFor("the marked month", `(document.getElementById("plan-yours") || {}).textContent?.startsWith("Your platform, Kling AI (app), ranks ")`,
		10*time.Second)
	for _, check := range []struct{ what, js string }{
		{"the platform's picker", `document.getElementById("f-platform").value === "kling"`},
		{"Kling's row marked", `document.querySelector('#plan-table tr[data-platform="kling"]').classList.contains("plan-yours") &&
			document.querySelector('#plan-table tr[data-platform="kling"] .tag-yours').textContent === "your platform"`},
		{"one row marked", `document.querySelectorAll("#plan-table .plan-yours").length === 1`},
		{"the address", `location.hash.includes("&platform=kling&model=kling-2-6-standard")`},
	} {
		if !e2e.Eval[bool](tb, check.js) {
			t.Errorf("%s: no (%s)", check.what, e2e.Eval[string](tb, `location.href`))
		}
	}
	tb.Do("picking fal", chromedp.SetValue(chromedp.ID("f-platform"), "fal"))
	e2e.Eval[bool](tb, `document.getElementById("f-platform").dispatchEvent(new Event("change", {bubbles: true}))`)
	tb.WaitFor("fal marked", `document.getElementById("plan-yours").textContent.startsWith("Your platform, fal (API marketplace), ranks ")`, 10*time.Second)
	if h := e2e.Eval[string](tb, `location.hash`); !strings.Contains(h, "&platform=fal") || strings.Contains(h, "model=") {
		t.Errorf("after picking fal the address is %s", h)
	}
	tb.AssertNoErrors()
}

// TestPlanTakesFits: on a phone a row's generations per kept clip takes
// the row's width, so its hint and its longest message stay short (half
// the row, 9rem, stood them 4 to 7 lines tall), and the fields stay in
// their order.
func TestPlanTakesFits(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	for _, width := range []int64{360, 390} {
		e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 800, DeviceScaleFactor: 1, Mobile: true})
		// Row 1: the longest takes message; row 2: the hint of a link's measure.
		tb.Open("/plan#mix=hero:10:8:720p:standard:1/0,broll:1:5:720p:any:~1.3333333333333333")
		tb.WaitFor("the message", `document.getElementById("f-mix-0-takes-msg").textContent !== ""`, 10*time.Second)
		for _, id := range []string{"f-mix-0-takes-msg", "f-mix-1-takes-hint"} {
			lines := e2e.Eval[float64](tb, `(() => { const el = document.getElementById("`+id+`");
				return el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight); })()`)
			if lines > 3.1 {
				t.Errorf("%d px: #%s is %.1f lines tall: %q", width, id, lines, e2e.Eval[string](tb, `document.getElementById("`+id+`").textContent`))
			}
		}
		if bad := e2e.Eval[string](tb, `(() => {
			const fields = [...document.querySelectorAll('.plan-row[data-row="0"] .plan-row-fields > .field')];
			for (let i = 1; i < fields.length; i++) {
				const a = fields[i - 1].getBoundingClientRect(), b = fields[i].getBoundingClientRect();
				if (b.top < a.top - 1 || b.top < a.bottom - 1 && b.left < a.right - 1) return "field " + (i + 1) + " is before or over field " + i;
			}
			return "";
		})()`); bad != "" {
			t.Errorf("%d px: %s", width, bad)
		}
		tb.AssertNoErrors()
	}
}
