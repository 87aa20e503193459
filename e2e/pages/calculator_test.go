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
	"github.com/aivc/aivc/pricing"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestCalculatorPrerendered: the HTML of / holds the guide's example and
// all its results before any script runs.
func TestCalculatorPrerendered(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	_, body := e2e.Get(t, srv.URL+"/")
	html := string(body)
	for id, want := range e2e.GuideResults {
		tag := regexp.MustCompile(`<[a-z]+[^>]*\sid="` + id + `"[^>]*>([^<]*)<`).FindStringSubmatch(html)
		if tag == nil {
			t.Errorf("prerendered / has no #%s", id)
			continue
		}
		v := regexp.MustCompile(`data-value="([^"]*)"`).FindStringSubmatch(tag[0])
		if v == nil || v[1] != want[0] || strings.TrimSpace(tag[1]) != want[1] {
			t.Errorf("prerendered #%s = %q, want data-value %q and text %q", id, tag[0], want[0], want[1])
		}
	}
	for _, name := range []string{"price", "credits", "clip", "dur", "takes", "clips"} {
		if !strings.Contains(html, `name="`+name+`"`) {
			t.Errorf("prerendered / has no field named %s", name)
		}
	}
	if !strings.Contains(html, "$30 ÷ 3,000 credits = $0.01 per credit") {
		t.Error("prerendered / does not show the price per credit's working")
	}
}

// TestCalculatorNoLayoutShift: the wasm takes over the prerendered page
// without moving it.
func TestCalculatorNoLayoutShift(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/")
	e2e.WaitResults(tb, "the default example", e2e.GuideResults)
	shift := e2e.Eval[float64](tb, `new Promise(resolve => {
		let sum = 0;
		new PerformanceObserver(list => { for (const e of list.getEntries()) sum += e.value; })
			.observe({type: "layout-shift", buffered: true});
		setTimeout(() => resolve(sum), 300);
	})`)
	if shift > 0.001 {
		t.Errorf("layout shift %.4f while the wasm took over the page, want 0", shift)
	}
	tb.AssertNoErrors()
}

// TestCalculatorPlanLink: a person pricing one clip on a platform finds,
// under the results, beside the link to /compare, a link that prices a
// month of it on /plan, which marks their platform. Before, the link was
// there only for clips past the plan's month, in the note. A bad field
// takes the link away.
func TestCalculatorPlanLink(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/#profile=kling&plan=pro&model=kling-2-6-standard&res=720p&dur=10")
	const links = `[...document.querySelectorAll("#results .calc-links a")].filter((a) => a.checkVisibility()).map((a) => a.textContent)`
	if got := e2e.Eval[[]string](tb, links); !slices.Equal(got, []string{"Compare platforms for this clip: standard-tier models, as Kling 2.6 Standard (with audio) is", "Price the month on the Plan page"}) {
		t.Fatalf("the links under one clip's results are %q", got)
	}
	// After the results, so that coming and going it moves none of them.
	if !e2e.Eval[bool](tb, `document.querySelector("#results .calc-links a:nth-child(2)").getBoundingClientRect().top >= document.querySelector("#results .calc-list").getBoundingClientRect().bottom`) {
		t.Error("the link to /plan is not under the results")
	}
	e2e.Eval[bool](tb, `(() => { const f = document.getElementById("f-dur"); f.value = "abc"; f.dispatchEvent(new Event("input", {bubbles: true})); return true })()`)
	tb.WaitFor("the link gone", `![...document.querySelectorAll("#results .calc-links a")].some((a) => a.textContent.startsWith("Price the month"))`, 5*time.Second)
	e2e.Eval[bool](tb, `(() => { const f = document.getElementById("f-dur"); f.value = "10"; f.dispatchEvent(new Event("input", {bubbles: true})); return true })()`)
	tb.WaitFor("the link back", `[...document.querySelectorAll("#results .calc-links a")].some((a) => a.textContent.startsWith("Price the month"))`, 5*time.Second)
	tb.Do("following the link", chromedp.Click(chromedp.Search(`//a[normalize-space()="Price the month on the Plan page"]`)))
	tb.WaitFor("/plan", `location.pathname === "/plan" && document.body.dataset.wasm === "ready" && !!document.getElementById("plan-yours")`, 10*time.Second)
	if got := e2e.Eval[string](tb, `document.getElementById("plan-yours").textContent`); !strings.HasPrefix(got, "Your platform, Kling AI (app), ranks ") {
		t.Errorf("/plan from one clip's link says %q", got)
	}
	if got := e2e.Eval[string](tb, `location.hash`); got != "#mix=clips:1:10:720p:standard:1&platform=kling&model=kling-2-6-standard" {
		t.Errorf("/plan opened at %q", got)
	}
	tb.AssertNoErrors()
}

// TestCalculatorTyping: every keystroke updates every result, and the
// fragment follows.
func TestCalculatorTyping(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/")
	e2e.WaitResults(tb, "the default example", e2e.GuideResults)

	e2e.TypeInto(tb, "f-price", "60")
	e2e.WaitResults(tb, "price 60", map[string][2]string{
		"price-per-credit":   {"0.02", "$0.02"},
		"credits-per-clip":   {"50", "50"},
		"cost-per-clip":      {"1", "$1.00"},
		"cost-per-second":    {"0.2", "$0.20"},
		"cost-per-kept-clip": {"1", "$1.00"},
		"total-cost":         {"1", "$1.00"},
	})
	// The intermediate keystroke "6" was computed too: one more key now.
	e2e.TypeInto(tb, "f-clip", "100")
	e2e.WaitResults(tb, "100 credits per clip", map[string][2]string{
		"credits-per-clip": {"100", "100"},
		"cost-per-clip":    {"2", "$2.00"},
	})
	e2e.TypeInto(tb, "f-dur", "10")
	e2e.TypeInto(tb, "f-takes", "3")
	e2e.TypeInto(tb, "f-clips", "4")
	e2e.WaitResults(tb, "10 s, 3 takes, 4 clips", map[string][2]string{
		"cost-per-second":    {"0.2", "$0.20"},
		"cost-per-kept-clip": {"6", "$6.00"},
		"total-cost":         {"24", "$24.00"},
	})
	if got, want := e2e.Hash(tb), "price=60&credits=3000&clip=100&dur=10&takes=3&clips=4"; got != want {
		t.Errorf("fragment = %q, want %q", got, want)
	}
	if got := e2e.Eval[string](tb, `location.pathname + location.search`); got != "/" {
		t.Errorf("editing moved the page to %q", got)
	}
	e2e.AssertNoBadNumbers(tb)
	tb.AssertNoErrors()
}

// TestCalculatorFragmentRoundTrip: open a link, edit, reload: same state.
func TestCalculatorFragmentRoundTrip(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/#price=15&credits=625&clip=50&dur=10")
	e2e.WaitResults(tb, "the link", map[string][2]string{
		"price-per-credit": {"0.024", "$0.024"},
		"cost-per-clip":    {"1.2", "$1.20"},
		"cost-per-second":  {"0.12", "$0.12"},
	})
	e2e.TypeInto(tb, "f-dur", "5")
	e2e.WaitResults(tb, "5 s", map[string][2]string{"cost-per-second": {"0.24", "$0.24"}})
	if got, want := e2e.Hash(tb), "price=15&credits=625&clip=50&dur=5"; got != want {
		t.Fatalf("fragment = %q, want %q", got, want)
	}

	tb.Do("reloading", chromedp.Reload())
	tb.WaitReady()
	e2e.WaitResults(tb, "after reload", map[string][2]string{
		"price-per-credit": {"0.024", "$0.024"},
		"cost-per-clip":    {"1.2", "$1.20"},
		"cost-per-second":  {"0.24", "$0.24"},
	})
	if v := e2e.Eval[string](tb, `document.getElementById("f-dur").value`); v != "5" {
		t.Errorf("after reload the duration field shows %q, want 5", v)
	}

	// Editing the fragment by hand (a popstate) applies it without a reload.
	e2e.Eval[bool](tb, `(location.hash = "#ppc=0.05&clip=20&dur=4", true)`)
	e2e.WaitResults(tb, "a hand-edited fragment", map[string][2]string{
		"price-per-credit": {"0.05", "$0.05"},
		"cost-per-clip":    {"1", "$1.00"},
		"cost-per-second":  {"0.25", "$0.25"},
	})
	if v := e2e.Eval[string](tb, `document.getElementById("f-ppc").value`); v != "0.05" {
		t.Errorf("after editing the fragment the price per credit field shows %q", v)
	}

	// A query string works too when online, and the state moves to the fragment on edit.
	tb.Open("/?ppc=0.02&cps=10&dur=5")
	e2e.WaitResults(tb, "the query link", map[string][2]string{
		"price-per-credit": {"0.02", "$0.02"},
		"credits-per-clip": {"50", "50"},
		"cost-per-clip":    {"1", "$1.00"},
	})
	e2e.TypeInto(tb, "f-cps", "20")
	e2e.WaitResults(tb, "20 credits per second", map[string][2]string{"cost-per-clip": {"2", "$2.00"}})
	if got := e2e.Eval[string](tb, `location.search + location.hash`); got != "#ppc=0.02&cps=20&dur=5" {
		t.Errorf("URL after editing a query link = %q", got)
	}
	tb.AssertNoErrors()
}

// TestCalculatorBadValue: a bad value, typed or linked, shows its message
// beside its field, and no result shows a number as if current.
func TestCalculatorBadValue(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)

	assertBad := func(what, field, shown, msg string) {
		t.Helper()
		tb.WaitFor(what+": the message", fmt.Sprintf(
			`document.getElementById("f-%s-msg").textContent.trim() === %q`, field, msg), 10*time.Second)
		type state struct {
			Value, Invalid, Described string
			Values                    []*string
			Texts                     []string
			Status                    string
		}
		ids, _ := json.Marshal(e2e.CalcResultIDs)
		s := e2e.Eval[state](tb, fmt.Sprintf(`(() => {
			const f = document.getElementById("f-%s");
			const rs = %s.map(id => document.getElementById(id));
			return {
				value: f.value, invalid: f.getAttribute("aria-invalid"), described: f.getAttribute("aria-describedby"),
				values: rs.map(r => r.hasAttribute("data-value") ? r.dataset.value : null),
				texts: rs.map(r => r.textContent.trim()),
				status: document.getElementById("calc-status").textContent,
			};
		})()`, field, ids))
		if s.Value != shown {
			t.Errorf("%s: the field shows %q, want %q", what, s.Value, shown)
		}
		if s.Invalid != "true" || !strings.Contains(s.Described, "f-"+field+"-msg") {
			t.Errorf("%s: aria-invalid %q, aria-describedby %q", what, s.Invalid, s.Described)
		}
		for i, v := range s.Values {
			if v != nil || s.Texts[i] != "—" {
				t.Errorf("%s: #%s shows %q (data-value %v) with a bad input", what, e2e.CalcResultIDs[i], s.Texts[i], v)
			}
		}
		if !strings.Contains(s.Status, "not current") || !strings.Contains(s.Status, msg) {
			t.Errorf("%s: status %q", what, s.Status)
		}
		e2e.AssertNoBadNumbers(tb)
	}

	// From a link.
	tb.Open("/#price=abc&credits=3000&clip=50&dur=5")
	assertBad("linked price=abc", "price", "abc", "Plan price must be a number, like 30 or 1,200.50.")

	// Typed: the same message.
	e2e.TypeInto(tb, "f-price", "30")
	e2e.WaitResults(tb, "fixed price", e2e.GuideResults)
	e2e.TypeInto(tb, "f-price", "abc")
	assertBad("typed abc", "price", "abc", "Plan price must be a number, like 30 or 1,200.50.")
	e2e.TypeInto(tb, "f-price", "30")
	e2e.TypeInto(tb, "f-credits", "0")
	assertBad("typed 0 credits", "credits", "0", "Credits per month must be more than 0.")
	e2e.TypeInto(tb, "f-credits", "")
	assertBad("emptied credits", "credits", "", "Credits per month is empty.")
	e2e.TypeInto(tb, "f-credits", "3,000")
	e2e.WaitResults(tb, "fixed credits", e2e.GuideResults)
	if v := e2e.Eval[*string](tb, `document.getElementById("f-credits").getAttribute("aria-invalid")`); v != nil {
		t.Errorf("a fixed field keeps aria-invalid=%q", *v)
	}
	e2e.TypeInto(tb, "f-dur", "-5")
	assertBad("typed -5 s", "dur", "-5", "Duration cannot be negative.")
	tb.AssertNoErrors()
}

// TestCalculatorBundledLink: a link to a platform's plan computes from the
// catalog: Runway Standard $15 for 625 credits = $0.024 per credit; Gen-4
// Turbo 5 credits/s × 10 s = 50 credits = $1.20.
func TestCalculatorBundledLink(t *testing.T) {
	t.Parallel()
	ps, err := pricing.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := pricing.FindProfile(ps, "runway"); !ok {
		t.Skip("the catalog has no runway profile yet")
	}
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/#profile=runway&plan=standard&model=gen-4-turbo&res=720p&dur=10")
	e2e.WaitResults(tb, "Runway Standard, Gen-4 Turbo, 720p, 10 s", map[string][2]string{
		"price-per-credit":   {"0.024", "$0.024"},
		"credits-per-clip":   {"50", "50"},
		"cost-per-clip":      {"1.2", "$1.20"},
		"cost-per-second":    {"0.12", "$0.12"},
		"cost-per-kept-clip": {"1.2", "$1.20"},
		"total-cost":         {"1.2", "$1.20"},
	})
	for name, want := range map[string]string{"profile": "runway", "plan": "standard", "model": "gen-4-turbo", "res": "720p", "dur": "10"} {
		if got := e2e.Eval[string](tb, fmt.Sprintf(`document.querySelector('[name=%q]').value`, name)); got != want {
			t.Errorf("field %s = %q, want %q", name, got, want)
		}
	}
	href := e2e.Eval[string](tb, `document.querySelector('main a[href^="/compare#"]').getAttribute("href")`)
	if !strings.HasPrefix(href, "/compare#dur=10&res=720p") {
		t.Errorf("compare link = %q", href)
	}
	// Picking yearly billing updates the results and the link.
	tb.Do("picking yearly billing", chromedp.SetValue(chromedp.ID("f-billing"), "yearly"))
	e2e.Eval[bool](tb, `document.getElementById("f-billing").dispatchEvent(new Event("change", {bubbles: true}))`)
	tb.WaitFor("billing=yearly in the fragment", `location.hash.includes("billing=yearly")`, 10*time.Second)
	e2e.AssertNoBadNumbers(tb)

	// Veo 3 charges for its audio: $0.20 a second, $0.40 with it. The box
	// is there to tick, and the clip's cost and its link follow.
	tb.Open("/#profile=veo-api&model=veo-3&res=720p&dur=8")
	e2e.WaitResults(tb, "Veo 3 without audio", map[string][2]string{"cost-per-clip": {"1.6", "$1.60"}})
	tb.Do("ticking Native audio", chromedp.Click(chromedp.CSS(`label[for="f-audio"]`)))
	e2e.WaitResults(tb, "Veo 3 with audio", map[string][2]string{"cost-per-clip": {"3.2", "$3.20"}})
	if h := e2e.Hash(tb); !strings.Contains(h, "audio=1") {
		t.Errorf("fragment %q after ticking audio", h)
	}
	if w := e2e.Eval[string](tb, `document.getElementById("cost-per-clip").closest("div, tr, li").textContent`); !strings.Contains(w, "native audio") {
		t.Errorf("the cost per clip's working %q does not name the audio", w)
	}
	tb.AssertNoErrors()
}

// TestCalculatorUnpricedAudio: Kling 3.0 Standard (silent) makes native
// audio at a price no source gives, so it has no Native audio box to tick;
// a link with audio (from /compare's shot) shows the box ticked, and a
// person reads, and hears as the box's description, a sentence naming the
// model and the box: it was "Kling 3.0 Standard (silent)'s price with
// native audio is not published; untick it." Unticked, the clip is priced.
func TestCalculatorUnpricedAudio(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/#profile=kling&plan=standard&model=kling-3-0-standard&res=720p&dur=5&audio=1")
	const want = "The price of Kling 3.0 Standard (silent) with native audio is not published; untick the Native audio box."
	tb.WaitFor("the box's message", `(document.getElementById("f-audio-msg") || {}).textContent === `+e2e.JSString(want), 10*time.Second)
	if got := e2e.AXOf(tb, `document.getElementById("f-audio")`); got.Desc != want {
		t.Errorf("the box is heard as %s, want described %q", got, want)
	}
	tb.Do("unticking Native audio", chromedp.Click(chromedp.CSS(`label[for="f-audio"]`)))
	e2e.WaitResults(tb, "Kling 3.0 Standard, silent", map[string][2]string{"credits-per-clip": {"30", "30"}})
	tb.AssertNoErrors()
}

// TestCalculatorModeSwitch: switching to a platform's plan decodes the
// catalog and fills every picker; switching back restores typed numbers.
func TestCalculatorModeSwitch(t *testing.T) {
	t.Parallel()
	ps, err := pricing.Catalog()
	if err != nil || len(ps) == 0 {
		t.Skip("the catalog is empty")
	}
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/")
	e2e.WaitResults(tb, "the default example", e2e.GuideResults)
	tb.Do("choosing a platform's plan", chromedp.Click(chromedp.ID("r-source-bundled")))
	tb.WaitFor("the platform picker", `!!document.getElementById("f-profile")`, 10*time.Second)
	tb.WaitFor("a profile in the fragment", `location.hash.includes("profile=")`, 10*time.Second)
	e2e.AssertNoBadNumbers(tb)
	tb.Do("back to typed numbers", chromedp.Click(chromedp.ID("r-source-custom")))
	tb.WaitFor("the price field", `!!document.getElementById("f-price")`, 10*time.Second)
	e2e.WaitResults(tb, "the example again", map[string][2]string{"price-per-credit": {"0.01", "$0.01"}})
	tb.AssertNoErrors()
}

// TestCalculatorBonusLeftAsTheBrowserSets: a printout leaves the bonus'
// section closed as it was (web/early.js opens closed sections for paper
// and closes them after). The toggle handler rendered the page a frame
// after the section opened; when that render fell between early.js closing
// it and the handler hearing so (a window of ~2 ms in a 16 ms frame), it
// opened the section again, for good. TestPrint met it now and then under
// load. Printouts of every length from 0 to 29 ms, twice: without the fix,
// 1 to 3 of them ended open here.
func TestCalculatorBonusLeftAsTheBrowserSets(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/")
	e2e.WaitResults(tb, "the default example", e2e.GuideResults)
	var reopened []int
	for i := range 60 {
		ms := i % 30
		e2e.Eval[bool](tb, fmt.Sprintf(`(window.__afterprint = false, dispatchEvent(new Event("beforeprint")),
			setTimeout(() => (dispatchEvent(new Event("afterprint")), window.__afterprint = true), %d), true)`, ms))
		// On a loaded machine the timer can fire late: a section still
		// open before it is the printout's, not the fault's.
		tb.WaitFor("the printout's end", `window.__afterprint`, 5*time.Second)
		time.Sleep(120 * time.Millisecond) // the toggles, their handlers and a render
		if e2e.Eval[bool](tb, `document.querySelector("details.calc-bonus").open`) {
			reopened = append(reopened, ms)
			e2e.Eval[bool](tb, `(document.querySelector("details.calc-bonus").open = false, true)`)
			time.Sleep(120 * time.Millisecond)
		}
	}
	if len(reopened) > 0 {
		t.Errorf("the bonus' section stayed open after printouts of %v ms", reopened)
	}
	tb.AssertNoErrors()
}

// TestCalculatorBonusStaysOpen: clearing the first-month bonus to type
// another leaves its section open and the caret in the field. It closed
// the section under the person's fingers, and the focus fell to the page:
// the section was open only while the bonus held a value.
func TestCalculatorBonusStaysOpen(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/")
	e2e.WaitResults(tb, "the default example", e2e.GuideResults)

	// By keyboard: the summary opens the section, Tab goes to the field.
	tb.Do("focusing the bonus' summary", chromedp.Focus(chromedp.CSS("details.calc-bonus summary")))
	tb.Do("opening it", chromedp.KeyEvent(kb.Enter))
	tb.WaitFor("the bonus open", `document.querySelector("details.calc-bonus").open`, 5*time.Second)
	e2e.TypeInto(tb, "f-bonus", "10")
	tb.WaitFor("the bonus in the link", `location.hash.includes("bonus=10")`, 5*time.Second)
	e2e.TypeInto(tb, "f-bonus", "")
	tb.WaitFor("the bonus out of the link", `!location.hash.includes("bonus=")`, 5*time.Second)
	time.Sleep(300 * time.Millisecond) // a render that would close it
	if !e2e.Eval[bool](tb, `document.querySelector("details.calc-bonus").open`) {
		t.Errorf("clearing the bonus closed its section")
	}
	if got := e2e.Eval[string](tb, `document.activeElement.id`); got != "f-bonus" {
		t.Errorf("after clearing the bonus the focus is on %q, want f-bonus", got)
	}
	e2e.TypeInto(tb, "f-bonus", "20")
	e2e.WaitResults(tb, "the new bonus", e2e.GuideResults) // the bonus changes the first month only
	tb.WaitFor("the first month at 20%", `(document.getElementById("first-price-per-credit") || {}).dataset?.value?.startsWith("0.00833")`, 5*time.Second)

	// Closed by its summary, it stays closed while the bonus is typed elsewhere.
	tb.Do("closing it", chromedp.Click(chromedp.CSS("details.calc-bonus summary")))
	tb.WaitFor("the bonus closed", `!document.querySelector("details.calc-bonus").open`, 5*time.Second)
	e2e.TypeInto(tb, "f-dur", "6")
	time.Sleep(300 * time.Millisecond)
	if e2e.Eval[bool](tb, `document.querySelector("details.calc-bonus").open`) {
		t.Errorf("typing the duration opened the closed bonus section")
	}
	tb.AssertNoErrors()
}
