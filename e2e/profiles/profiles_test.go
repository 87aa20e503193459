package profiles

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aivc/aivc/e2e"
	"github.com/aivc/aivc/internal/site"
	"github.com/aivc/aivc/pricing"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// storageJS reads every localStorage item, sorted, as one string.
const storageJS = `JSON.stringify(Object.keys(localStorage).sort().map(k => [k, localStorage.getItem(k)]))`

// TestProfilesPrerendered: the HTML of /profiles lists every bundled
// profile with its sources, each a link to another site that opens in a
// new tab without a referrer.
func TestProfilesPrerendered(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	res, body := e2e.Get(t, srv.URL+"/profiles")
	if res.StatusCode != 200 {
		t.Fatalf("GET /profiles = %d", res.StatusCode)
	}
	html := string(body)
	ps, err := pricing.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if !strings.Contains(html, `data-profile="`+p.ID+`"`) {
			t.Errorf("prerendered /profiles lacks %s", p.ID)
		}
		for _, m := range p.Models {
			if !strings.Contains(html, `data-model="`+m.ID+`"`) {
				t.Errorf("prerendered /profiles lacks %s's model %s", p.ID, m.ID)
			}
		}
	}
	links := regexp.MustCompile(`<a [^>]*href="https://[^"]*"[^>]*>`).FindAllString(html, -1)
	if len(links) < 100 {
		t.Errorf("only %d links to sources", len(links))
	}
	for _, a := range links {
		if !strings.Contains(a, `rel="noopener noreferrer"`) || !strings.Contains(a, `target="_blank"`) {
			t.Errorf("a source link without target=_blank and rel=noopener noreferrer: %s", a)
		}
	}
	if !strings.Contains(html, "read 2026-10-01 · official") {
		t.Error("no source shows its date and evidence")
	}
	for _, f := range []string{site.CatalogFile, site.SchemaFile} {
		res, body := e2e.Get(t, srv.URL+"/"+f)
		var v map[string]any
		if res.StatusCode != 200 || json.Unmarshal(body, &v) != nil {
			t.Errorf("GET /%s = %d, %d bytes of JSON", f, res.StatusCode, len(body))
		}
	}
}

// watchBuild notes, as the live /profiles becomes ready, how many profiles'
// details are built ("0/23"), opens the last profile's, and notes how many
// were built when the last one was.
const watchBuild = `new MutationObserver((_, o) => {
  if (document.body?.dataset.wasm !== "ready") return;
  o.disconnect();
  const built = () => [...document.querySelectorAll(".prof-detail")].filter((d) => d.childElementCount > 0).length;
  const all = document.querySelectorAll(".prof-detail");
  window.builtAtReady = built() + "/" + all.length;
  const last = all[all.length - 1];
  new MutationObserver((_, o) => {
    o.disconnect();
    window.builtWithLast = built() + "/" + all.length;
  }).observe(last, { childList: true });
  last.closest("details").open = true;
}).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-wasm"] });`

// TestProfilesBuildAfterStart: the profiles' numbers and sources, nine
// tenths of /profiles' elements, are built after the live page is ready
// (mounting them took ~0.5 s of its start), all of them within seconds,
// and a profile's at once when it is opened before its turn.
func TestProfilesBuildAfterStart(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	e2e.Call(tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchBuild})
	tb.Open("/profiles")
	ps, _ := pricing.Catalog()
	if got, want := e2e.Eval[string](tb, `window.builtAtReady`), fmt.Sprintf("0/%d", len(ps)); got != want {
		t.Errorf("profiles' details built as the page became ready: %s, want %s", got, want)
	}
	tb.WaitFor("the last profile's details, opened", `!!window.builtWithLast`, 5*time.Second)
	var built, all int
	if _, err := fmt.Sscanf(e2e.Eval[string](tb, `window.builtWithLast`), "%d/%d", &built, &all); err != nil || built > all/2 {
		t.Errorf("the last profile's details were built with %s others: not when opened, but in their turn", e2e.Eval[string](tb, `window.builtWithLast`))
	}
	// (tb.open waited for every profile's details.)
	// The same rows as the prerendered page's (its only tables are these).
	html, err := os.ReadFile(filepath.Join(e2e.Dist, "profiles.html"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := e2e.Eval[int](tb, `document.querySelectorAll(".prof-detail tr").length`), strings.Count(string(html), "<tr"); got != want {
		t.Errorf("%d table rows in the live details, %d prerendered", got, want)
	}
	tb.AssertNoErrors()
}

// watchPrint prints /profiles (beforeprint) the moment the live page is
// ready, before it has built any bundled profile's details, and notes the
// table rows each profile shows then.
const watchPrint = `new MutationObserver((_, o) => {
  if (document.body?.dataset.wasm !== "ready") return;
  o.disconnect();
  dispatchEvent(new Event("beforeprint"));
  window.printRows = ` + profileRowsJS + `;
}).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-wasm"] });`

// profileRowsJS is the table rows each profile shows, by id.
const profileRowsJS = `JSON.stringify(Object.fromEntries([...document.querySelectorAll("article.prof")].map((a) =>
  [a.dataset.profile, [...a.querySelectorAll("tr")].filter((r) => r.checkVisibility()).length])))`

// TestProfilesPrintBeforeBuilt: /profiles printed as soon as the live page
// has started, before it has built the profiles' details, prints every
// profile's numbers and sources, one's own too, as it does later; then
// the page is as it was, each table once. They printed empty: the live
// page had not built them yet.
func TestProfilesPrintBeforeBuilt(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/profiles")
	tb.Do("cloning Runway", chromedp.Click(chromedp.CSS(`#prof-runway button[data-action="clone"]`)))
	tb.WaitFor("the editor", `!!document.getElementById("prof-save")`, 10*time.Second)
	tb.Do("saving", chromedp.Click(chromedp.ID("prof-save")))
	tb.WaitFor("the clone listed", `!!document.getElementById("prof-runway-custom")`, 10*time.Second)

	e2e.Call(tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchPrint})
	tb.Open("/profiles") // and waits for every profile's details
	var printed, built map[string]int
	if err := json.Unmarshal([]byte(e2e.Eval[string](tb, `window.printRows`)), &printed); err != nil {
		t.Fatal(err)
	}
	// Still "printing": every details open, built now.
	if err := json.Unmarshal([]byte(e2e.Eval[string](tb, profileRowsJS)), &built); err != nil {
		t.Fatal(err)
	}
	ps, _ := pricing.Catalog()
	if len(built) != len(ps)+1 || built["runway-custom"] == 0 {
		t.Fatalf("rows by profile once built: %v", built)
	}
	for id, n := range built {
		if printed[id] != n || n == 0 {
			t.Errorf("%s printed with %d table rows before its details were built; %d once built", id, printed[id], n)
		}
	}
	e2e.Eval[bool](tb, `dispatchEvent(new Event("afterprint"))`)
	if n := e2e.Eval[int](tb, `document.querySelectorAll("details.prof-body[open]").length`); n != 0 {
		t.Errorf("after the printout, %d details are left open", n)
	}
	e2e.Eval[bool](tb, `(document.querySelectorAll("details.prof-body").forEach((d) => d.open = true), true)`)
	var after map[string]int
	if err := json.Unmarshal([]byte(e2e.Eval[string](tb, profileRowsJS)), &after); err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(after, built) {
		t.Errorf("rows by profile after the printout %v, want %v", after, built)
	}
	tb.AssertNoErrors()
}

// TestProfileCloneOwn: a profile of one's own has "Clone and edit", as a
// bundled one has: its clone opens in the editor under a name of its own
// and is saved beside it, which is left as it was. Importing its own
// export, the one way to copy it before, does nothing since (it is
// already there).
func TestProfileCloneOwn(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/profiles")
	tb.Do("cloning Runway", chromedp.Click(chromedp.CSS(`#prof-runway button[data-action="clone"]`)))
	tb.WaitFor("the editor", `!!document.getElementById("prof-save")`, 10*time.Second)
	tb.Do("saving", chromedp.Click(chromedp.ID("prof-save")))
	tb.WaitFor("the clone listed", `!!document.getElementById("prof-runway-custom")`, 10*time.Second)
	before := e2e.Eval[string](tb, `localStorage.getItem("aivc.profiles.v1.runway-custom")`)

	tb.WaitFor("Clone and edit on one's own profile", `!!document.querySelector('#prof-runway-custom button[data-action="clone"]')`, 10*time.Second)
	tb.Do("cloning the clone", chromedp.Click(chromedp.CSS(`#prof-runway-custom button[data-action="clone"]`)))
	tb.WaitFor("the editor", `!!document.getElementById("prof-save")`, 10*time.Second)
	if got := e2e.Eval[string](tb, `document.getElementById("f-name").value`); got != "Runway (app) (2)" {
		t.Errorf("the clone of one's own Runway (app) is named %q in the editor; want %q", got, "Runway (app) (2)")
	}
	tb.Do("saving", chromedp.Click(chromedp.ID("prof-save")))
	tb.WaitFor("the second clone listed", `!!document.getElementById("prof-runway-custom-2")`, 10*time.Second)
	if got := e2e.Eval[[]string](tb, e2e.CustomKeysJS); !slices.Equal(got, []string{"aivc.profiles.v1.runway-custom", "aivc.profiles.v1.runway-custom-2"}) {
		t.Errorf("stored profiles %v; want the clone and its clone", got)
	}
	if after := e2e.Eval[string](tb, `localStorage.getItem("aivc.profiles.v1.runway-custom")`); after != before {
		t.Errorf("cloning changed the profile cloned:\n%s\nwas\n%s", after, before)
	}
	tb.AssertNoErrors()
}

// TestProfilesOpenFollowsProfile: a profile's details stay open under
// its own card when a profile of one's own is added above it or removed.
// go-app keeps each <details> in its place: Kling's, opened, was shown
// open under Kling API's card after a clone was saved at the top, and
// under Kling's again after the clone was deleted.
func TestProfilesOpenFollowsProfile(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/profiles")
	const openJS = `[...document.querySelectorAll("article.prof")].filter((a) => a.querySelector("details.prof-body").open &&
		a.querySelector(".prof-detail").childElementCount > 0).map((a) => a.dataset.profile).join(",")`
	check := func(when string) {
		t.Helper()
		time.Sleep(300 * time.Millisecond) // the render after the change
		if got := e2e.Eval[string](tb, openJS); got != "kling" {
			t.Errorf("%s: the details open and built are %q's, want kling's", when, got)
		}
	}
	tb.Do("opening Kling's details", chromedp.Click(chromedp.CSS(`#prof-kling summary`)))
	check("opened")
	tb.Do("cloning Runway", chromedp.Click(chromedp.CSS(`#prof-runway button[data-action="clone"]`)))
	tb.WaitFor("the editor", `!!document.getElementById("prof-save")`, 10*time.Second)
	tb.Do("saving", chromedp.Click(chromedp.ID("prof-save")))
	tb.WaitFor("the clone listed", `!!document.getElementById("prof-runway-custom")`, 10*time.Second)
	check("after a clone was saved above it")
	tb.Do("deleting the clone", chromedp.Click(chromedp.CSS(`#prof-runway-custom button[data-action="delete"]`)))
	tb.WaitFor("the clone gone", `!document.getElementById("prof-runway-custom")`, 10*time.Second)
	check("after the clone was deleted")
	tb.Do("closing Kling's details", chromedp.Click(chromedp.CSS(`#prof-kling summary`)))
	time.Sleep(300 * time.Millisecond) // the render after the toggle
	tb.Do("undoing", chromedp.Click(chromedp.ID("prof-undo")))
	tb.WaitFor("the clone back", `!!document.getElementById("prof-runway-custom")`, 10*time.Second)
	time.Sleep(300 * time.Millisecond)
	if got := e2e.Eval[int](tb, `document.querySelectorAll("details.prof-body[open]").length`); got != 0 {
		t.Errorf("after closing Kling's and Undo, %d details are open, want none", got)
	}
	tb.AssertNoErrors()
}

// TestProfilesExportKeepsOpen: a profile opened to be read stays open
// when it is exported, and when the export is hidden again. The JSON was
// put between the card and the details, and go-app replaced the details
// with a new, closed one. The Export button keeps the focus and says the
// JSON is shown (aria-expanded), and the next Tab reaches its download
// link.
func TestProfilesExportKeepsOpen(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/profiles")
	const openJS = `[...document.querySelectorAll("details.prof-body[open]")].map((d) => d.closest("article").dataset.profile).join(",")`
	const exportBtn = `#prof-kling button[data-action="export"]`
	tb.Do("opening Kling's details", chromedp.Click(chromedp.CSS(`#prof-kling summary`)))
	tb.Do("exporting Kling", chromedp.Focus(chromedp.CSS(exportBtn)), chromedp.KeyEvent(kb.Enter))
	tb.WaitFor("the export", `!!document.querySelector("#prof-kling #prof-export")`, 10*time.Second)
	time.Sleep(300 * time.Millisecond) // the render after the change
	if got := e2e.Eval[string](tb, openJS); got != "kling" {
		t.Errorf("after Export JSON, the open details are %q's, want kling's", got)
	}
	if got := e2e.Eval[string](tb, `document.activeElement.getAttribute("aria-expanded") + " " + document.activeElement.dataset.action`); got != "true export" {
		t.Errorf("after Export JSON, the focus is on %q (aria-expanded, action), want the Export button, expanded", got)
	}
	tb.Do("tabbing", chromedp.KeyEvent(kb.Tab))
	if got := e2e.Eval[string](tb, `document.activeElement.id`); got != "prof-download" {
		t.Errorf("the Tab after Export JSON goes to %q, want the download link", got)
	}
	tb.Do("hiding the export", chromedp.Click(chromedp.CSS(exportBtn)))
	tb.WaitFor("the export hidden", `!document.getElementById("prof-export")`, 10*time.Second)
	time.Sleep(300 * time.Millisecond)
	if got := e2e.Eval[string](tb, openJS); got != "kling" {
		t.Errorf("after hiding the export, the open details are %q's, want kling's", got)
	}
	if got := e2e.Eval[string](tb, `document.querySelector(`+"`"+exportBtn+"`"+`).getAttribute("aria-expanded")`); got != "false" {
		t.Errorf("the hidden export's button has aria-expanded %q", got)
	}
	tb.AssertNoErrors()
}

// BenchmarkProfilesKeystroke times a search typed on /profiles, from the
// input event to the frame after the count of matches changes: each key
// renders the page again (go test ./e2e/profiles -run '^$' -bench ProfilesKeystroke
// -benchtime 30x).
func BenchmarkProfilesKeystroke(b *testing.B) {
	srv := e2e.NewServer(b)
	tb := e2e.NewTab(b, srv.URL)
	tb.Open("/profiles") // and waits for every profile's details
	queries := []string{"kling", "", "veo", ""}
	var times []float64
	for b.Loop() {
		times = append(times, e2e.Eval[float64](tb, fmt.Sprintf(`new Promise(done => {
			const count = document.getElementById("prof-count"), before = count.textContent;
			const q = document.getElementById("f-q"), t0 = performance.now();
			q.value = %q;
			q.dispatchEvent(new Event("input", {bubbles: true}));
			const check = () => count.textContent !== before ?
				requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0))) : setTimeout(check, 1);
			check();
		})`, queries[len(times)%len(queries)])))
	}
	slices.Sort(times)
	b.ReportMetric(times[len(times)/2], "median-ms/keystroke")
}

// TestProfilesPage: the stale warning follows the visitor's date, and the
// search filters by platform and model, keeping the link current.
func TestProfilesPage(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/profiles")
	ps, _ := pricing.Catalog()
	today := time.Now().UTC()
	var wantStale []string
	for _, p := range ps {
		oldest := ""
		for _, s := range p.Sources() {
			if s.Read != "" && (oldest == "" || s.Read < oldest) {
				oldest = s.Read
			}
		}
		read, _ := time.Parse(time.DateOnly, oldest)
		if today.Sub(read) > pricing.StaleDays*24*time.Hour {
			wantStale = append(wantStale, p.ID)
		}
	}
	gotStale := e2e.Eval[[]string](tb, `[...document.querySelectorAll(".prof")].filter(a => a.querySelector(".prof-stale")).map(a => a.dataset.profile).sort()`)
	slices.Sort(wantStale)
	if !slices.Equal(gotStale, wantStale) {
		t.Errorf("stale profiles %v, want %v (today %s)", gotStale, wantStale, today.Format(time.DateOnly))
	}

	e2e.TypeInto(tb, "f-q", "kling")
	var want []string
	for _, p := range ps {
		match := strings.Contains(strings.ToLower(p.Name+" "+p.Platform+" "+p.ID), "kling")
		for _, m := range p.Models {
			match = match || strings.Contains(strings.ToLower(m.Name+" "+m.ID), "kling")
		}
		if match {
			want = append(want, p.ID)
		}
	}
	if len(want) < 2 || len(want) == len(ps) {
		t.Fatalf("the search for kling should match some profiles, not all: %v", want)
	}
	js, _ := json.Marshal(want)
	tb.WaitFor("the search to filter", fmt.Sprintf(`JSON.stringify([...document.querySelectorAll(".prof:not([hidden])")].map(a => a.dataset.profile)) === %q`, js), 10*time.Second)
	if h := e2e.Hash(tb); h != "q=kling" {
		t.Errorf("fragment %q after searching", h)
	}
	if c := e2e.Eval[string](tb, `document.getElementById("prof-count").textContent`); !strings.Contains(c, fmt.Sprintf("%d of %d", len(want), len(ps))) {
		t.Errorf("count %q", c)
	}
	tb.AssertNoErrors()
}

// TestCustomProfileEverywhere: a bundled profile cloned and edited on
// /profiles changes the calculator's, compare's and the planner's
// numbers, is marked custom there, and survives a reload.
func TestCustomProfileEverywhere(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/profiles")

	// Runway's Gen-4 Turbo (models[1]) goes from 5 to 10 credits a second.
	tb.Do("cloning Runway", chromedp.Click(chromedp.CSS(`#prof-runway button[data-action="clone"]`)))
	tb.WaitFor("the editor", `!!document.getElementById("f-models[1].rates[0].per_second")`, 10*time.Second)
	if v := e2e.Eval[string](tb, `document.getElementById("f-id").value`); v != "runway-custom" {
		t.Errorf("the clone's id is %q, want runway-custom", v)
	}
	// By keyboard, the editor keeps the focus where the person is: on the
	// field to fix after a refused Save, in the new plan after Add a plan,
	// in the plan before a removed last one, on the status after Save. It
	// fell to <body> each time.
	press := func(what, selector string) {
		t.Helper()
		e2e.Eval[bool](tb, `(document.querySelector('`+selector+`').focus(), true)`)
		tb.Do(what, chromedp.KeyEvent(kb.Enter))
	}
	e2e.TypeInto(tb, "f-models[1].rates[0].per_second", "abc")
	tb.WaitFor("the field's message", `document.getElementById("f-models[1].rates[0].per_second-msg").textContent !== ""`, 10*time.Second)
	press("saving a bad value", "#prof-save")
	tb.WaitFor("the focus on the field to fix", `document.activeElement.id === "f-models[1].rates[0].per_second"`, 10*time.Second)
	e2e.TypeInto(tb, "f-models[1].rates[0].per_second", "10")
	tb.WaitFor("the message to go", `document.getElementById("f-models[1].rates[0].per_second-msg").textContent === ""`, 10*time.Second)

	n := e2e.Eval[int](tb, `document.querySelectorAll('[id^="f-plans["][id$="].name"]').length`)
	press("adding a plan", `button[data-list="plans"][data-index="-1"]`)
	tb.WaitFor("the focus in the new plan", fmt.Sprintf(`document.activeElement.id.startsWith("f-plans[%d].")`, n), 10*time.Second)
	// What was typed elsewhere and cannot be read yet stays through the
	// removal, with its message (it went back to the last good value).
	e2e.TypeInto(tb, "f-models[1].rates[0].per_second", "12x")
	tb.WaitFor("the field's message", `document.getElementById("f-models[1].rates[0].per_second-msg").textContent !== ""`, 10*time.Second)
	press("removing it", fmt.Sprintf(`button[data-list="plans"][data-index="%d"]`, n))
	tb.WaitFor("the focus in the plan before", fmt.Sprintf(`document.activeElement.id.startsWith("f-plans[%d].")`, n-1), 10*time.Second)
	if v := e2e.Eval[string](tb, `document.getElementById("f-models[1].rates[0].per_second").value + "|" + (document.getElementById("f-models[1].rates[0].per_second-msg").textContent !== "")`); v != "12x|true" {
		t.Errorf("after removing a plan, the rate typed 12x reads %q (value|message)", v)
	}
	e2e.TypeInto(tb, "f-models[1].rates[0].per_second", "10")
	tb.WaitFor("the message to go", `document.getElementById("f-models[1].rates[0].per_second-msg").textContent === ""`, 10*time.Second)
	press("saving", "#prof-save")
	tb.WaitFor("saved", `document.getElementById("prof-status").textContent.includes("Saved")`, 10*time.Second)
	tb.WaitFor("the focus on its Edit", `document.activeElement.matches('#prof-runway-custom button[data-action="edit"]')`, 10*time.Second)
	if keys := e2e.Eval[[]string](tb, e2e.CustomKeysJS); !slices.Equal(keys, []string{"aivc.profiles.v1.runway-custom"}) {
		t.Fatalf("stored keys %v", keys)
	}

	check := func(when string) {
		t.Helper()
		tb.Open("/profiles")
		tb.WaitFor(when+": the custom profile listed", `!!document.querySelector('#prof-runway-custom[data-custom] .tag')`, 10*time.Second)
		if s := e2e.Eval[string](tb, `document.querySelector('#prof-runway-custom tr[data-model="gen-4-turbo"]').textContent`); !strings.Contains(s, "10 credits per second") {
			t.Errorf("%s: the custom Gen-4 Turbo reads %q", when, s)
		}

		tb.Open("/#profile=runway-custom&plan=standard&model=gen-4-turbo&res=720p&dur=10")
		e2e.WaitResults(tb, when+": the calculator on the custom profile", map[string][2]string{
			"price-per-credit": {"0.024", "$0.024"},
			"credits-per-clip": {"100", "100"},
			"cost-per-clip":    {"2.4", "$2.40"},
		})
		if o := e2e.Eval[string](tb, `document.querySelector('#f-profile option[value="runway-custom"]').textContent`); !strings.Contains(o, "(custom)") {
			t.Errorf("%s: the calculator's platform option reads %q", when, o)
		}

		// Monthly, Max is Runway's cheapest credit: $95 ÷ 9,500 = $0.01.
		// Gen-3 Alpha Turbo: 50 credits, $0.05 a second; the edited Gen-4
		// Turbo: 100 credits, $0.10 a second (bundled: $0.05, first by id).
		tb.Open("/compare#dur=10&res=720p&tier=fast&billing=monthly&platforms=runway-custom")
		e2e.WaitRanking(tb, when+": compare on the custom profile", []e2e.RankedRow{
			{Model: "runway-custom/gen-3-alpha-turbo", Cost: "0.05"},
			{Model: "runway-custom/gen-4-turbo", Cost: "0.1"},
		})
		if p := e2e.Eval[string](tb, `document.querySelector("#ranking tbody tr .cmp-col-platform").textContent`); !strings.Contains(p, "(custom)") {
			t.Errorf("%s: compare's platform cell reads %q", when, p)
		}

		tb.Open("/plan#mix=broll:20:10:720p:fast:1")
		tb.WaitFor(when+": the planner on the custom profile",
			`(() => { const r = document.querySelector('#plan-table tr[data-platform="runway-custom"]');
				return r && r.dataset.monthlyCost === "25" && !!r.querySelector(".tag"); })()`, 10*time.Second)
	}
	check("after saving")
	tb.Do("reloading", chromedp.Reload())
	tb.WaitReady()
	check("after a reload")

	// Delete and undo with the keyboard: the focus goes to Undo (it was on
	// the list's heading, below Undo), then, after Undo, to the status; not
	// back to the start of the page.
	// The plan the clip log keeps for the profile goes and comes back with
	// it: a profile cloned later under the same id must not inherit it.
	const planKey, plan = "aivc.log.v1.p.runway-custom", `{"profile_id":"runway-custom","plan_id":"standard","billing":"yearly"}`
	tb.Open("/profiles")
	e2e.Eval[bool](tb, `(localStorage.setItem("`+planKey+`", '`+plan+`'), true)`)
	e2e.Eval[bool](tb, `(document.querySelector('#prof-runway-custom button[data-action="delete"]').focus(), true)`)
	tb.Do("deleting the profile", chromedp.KeyEvent(kb.Enter))
	tb.WaitFor("the focus on Undo", `document.activeElement.id === "prof-undo"`, 10*time.Second)
	if got := e2e.Eval[bool](tb, `localStorage.getItem("`+planKey+`") === null`); !got {
		t.Error("the profile's plan in the clip log outlived the profile")
	}
	tb.Do("undoing", chromedp.KeyEvent(kb.Enter))
	tb.WaitFor("the profile back", `!!document.getElementById("prof-runway-custom")`, 10*time.Second)
	tb.WaitFor("the focus on its Edit", `document.activeElement.matches('#prof-runway-custom button[data-action="edit"]')`, 10*time.Second)
	if got := e2e.Eval[string](tb, `localStorage.getItem("`+planKey+`")`); got != plan {
		t.Errorf("after Undo the profile's plan reads %q, want %q", got, plan)
	}
	tb.AssertNoErrors()
}

// TestProfileBlankNamed: a blank profile's id and platform follow the
// name a person types into it, until they type them: one named "Acme
// Video" was saved as my-platform, on a platform called "My platform".
func TestProfileBlankNamed(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/profiles")
	e2e.StartBlankProfile(tb)
	e2e.TypeInto(tb, "f-name", "Acme Video")
	tb.WaitFor("the id and platform following the name", `document.getElementById("f-id").value === "acme-video" &&
		document.getElementById("f-platform").value === "Acme Video"`, 10*time.Second)
	e2e.TypeInto(tb, "f-platform", "Acme")
	e2e.TypeInto(tb, "f-name", "Acme Turbo")
	tb.WaitFor("the id following, the typed platform kept", `document.getElementById("f-id").value === "acme-turbo" &&
		document.getElementById("f-platform").value === "Acme"`, 10*time.Second)
	tb.Do("saving it", chromedp.Click(chromedp.ID("prof-save")))
	tb.WaitFor("saved", `document.getElementById("prof-status").textContent.includes("Saved")`, 10*time.Second)
	if keys := e2e.Eval[[]string](tb, e2e.CustomKeysJS); !slices.Equal(keys, []string{"aivc.profiles.v1.acme-turbo"}) {
		t.Errorf("stored keys %v, want the profile under acme-turbo", keys)
	}
	tb.AssertNoErrors()
}

// TestProfileEditorKept: a profile half edited comes back after a reload
// and after a visit to another page, as it was left; once cancelled it
// does not. The editor closed and lost every field typed into it.
func TestProfileEditorKept(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/profiles")
	e2e.StartBlankProfile(tb)
	e2e.TypeInto(tb, "f-name", "Acme Video")
	e2e.TypeInto(tb, "f-plans[0].credits", "lots")
	const kept = `document.getElementById("f-name")?.value === "Acme Video" &&
		document.getElementById("f-plans[0].credits")?.value === "lots" &&
		(document.getElementById("f-plans[0].credits-msg")?.textContent || "") !== "" &&
		document.getElementById("prof-status")?.textContent.includes("is back")`
	tb.Open("/profiles")
	tb.WaitFor("the edit back after a reload", kept, 10*time.Second)
	e2e.FollowNav(tb, "Compare")
	tb.WaitFor("/compare", `location.pathname === "/compare"`, 10*time.Second)
	e2e.FollowNav(tb, "Profiles")
	tb.WaitFor("the edit back after a visit to /compare", `document.getElementById("f-name")?.value === "Acme Video"`, 10*time.Second)
	tb.Do("cancelling", chromedp.Click(chromedp.ID("prof-cancel")))
	tb.WaitFor("the editor closed", `!document.getElementById("prof-save")`, 10*time.Second)
	tb.Open("/profiles")
	if e2e.Eval[bool](tb, `!!document.getElementById("prof-save")`) {
		t.Error("a cancelled edit came back after a reload")
	}
	tb.AssertNoErrors()
}

// TestProfileImportByContent: the file picker offers any file, and a
// file is read by what it holds: a profile a mail client saved as
// runway.txt (with Notepad's byte order mark) is imported; a clip log
// backup picked by mistake is refused saying what it is and where it goes,
// and nothing saved changes. The picker offered .json files only, and the
// backup was refused with "App: unknown field "app". (app)".
func TestProfileImportByContent(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/profiles")
	if accept := e2e.Eval[string](tb, `document.getElementById("f-import-file").accept`); accept != "" {
		t.Errorf("the file picker offers only %q", accept)
	}
	root, _ := site.FindRoot(".")
	runway, err := os.ReadFile(filepath.Join(root, "pricing", "catalog", "runway.json"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	backup := filepath.Join(dir, "aivc-clip-log-2026-11-27.json")
	os.WriteFile(backup, []byte(`{"app": "aivc", "kind": "backup", "version": 2, "exported": "2026-11-27T10:00:00Z", "entries": [], "plans": [], "profiles": [], "settings": {}}`), 0o644)
	before := e2e.Eval[string](tb, storageJS)
	tb.Do("choosing a clip log backup", chromedp.SetUploadFiles(chromedp.ID("f-import-file"), []string{backup}))
	tb.WaitFor("the backup refused, saying what it is", `document.getElementById("prof-alert").textContent === `+
		`"Import refused: This is not a platform profile: it is a clip log backup. Restore it on the Clip log page (/log): `+
		`it brings back the profiles it holds too. Nothing was saved or changed."`, 10*time.Second)
	if after := e2e.Eval[string](tb, storageJS); after != before {
		t.Errorf("a refused import changed storage:\n%s\nwas\n%s", after, before)
	}

	txt := filepath.Join(dir, "runway.txt")
	os.WriteFile(txt, append([]byte("\ufeff"), runway...), 0o644)
	tb.Do("choosing runway.txt", chromedp.SetUploadFiles(chromedp.ID("f-import-file"), []string{txt}))
	tb.WaitFor("imported", `document.getElementById("prof-status").textContent.includes("Imported")`, 10*time.Second)
	if keys := e2e.Eval[[]string](tb, e2e.CustomKeysJS); !slices.Equal(keys, []string{"aivc.profiles.v1.runway-custom"}) {
		t.Errorf("stored keys %v after importing runway.txt", keys)
	}
	tb.AssertNoErrors()
}

// TestProfileImport: a bad import is refused with a message naming the
// field and changes nothing saved; an oversized file is refused before it
// is read; a good file is imported under a free id; an export reads back.
func TestProfileImport(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/profiles")

	e2e.StartBlankProfile(tb)
	tb.Do("saving it", chromedp.Click(chromedp.ID("prof-save")))
	tb.WaitFor("saved", `document.getElementById("prof-status").textContent.includes("Saved")`, 10*time.Second)
	before := e2e.Eval[string](tb, storageJS)
	if !strings.Contains(before, "aivc.profiles.v1.my-platform") {
		t.Fatalf("the blank profile was not stored: %s", before)
	}

	root, _ := site.FindRoot(".")
	runway, err := os.ReadFile(filepath.Join(root, "pricing", "catalog", "runway.json"))
	if err != nil {
		t.Fatal(err)
	}
	refused := func(what, wantField string) {
		t.Helper()
		tb.WaitFor(what+" refused", fmt.Sprintf(`(() => {
			const msg = document.getElementById("prof-alert").textContent;
			return msg.includes("Import refused") && msg.includes(%q);
		})()`, wantField), 10*time.Second)
		if after := e2e.Eval[string](tb, storageJS); after != before {
			t.Errorf("%s changed storage:\n%s\nwas\n%s", what, after, before)
		}
	}

	// paste puts text in the import's box and presses its Import.
	paste := func(text string) {
		e2e.Eval[bool](tb, fmt.Sprintf(`(() => {
			const el = document.getElementById("f-import");
			el.value = %q; el.dispatchEvent(new Event("input", {bubbles: true}));
			document.getElementById("prof-import-paste").click();
			return true;
		})()`, text))
	}

	// Pasted, with a field the schema does not have.
	paste(strings.Replace(string(runway), `"name": "Standard",`, `"name": "Standard", "colour": "red",`, 1))
	refused("a pasted profile with an unknown field", "plans[0].colour")

	// A file whose model has an unknown tier.
	dir := t.TempDir()
	tierFile := filepath.Join(dir, "tier.json")
	os.WriteFile(tierFile, []byte(strings.Replace(string(runway), `"tier": "fast"`, `"tier": "ultra"`, 1)), 0o644)
	tb.Do("choosing a bad file", chromedp.SetUploadFiles(chromedp.ID("f-import-file"), []string{tierFile}))
	refused("a file with an unknown tier", "models[1].tier")

	// Over 1 MB: refused before it is read.
	bigFile := filepath.Join(dir, "big.json")
	os.WriteFile(bigFile, []byte(`{"id":"x","notes":["`+strings.Repeat("x", 1<<20)+`"]}`), 0o644)
	tb.Do("choosing a big file", chromedp.SetUploadFiles(chromedp.ID("f-import-file"), []string{bigFile}))
	refused("a file over 1 MB", "1 MB")

	// A good file: Runway's own, imported as runway-custom.
	goodFile := filepath.Join(dir, "runway.json")
	os.WriteFile(goodFile, runway, 0o644)
	tb.Do("choosing a good file", chromedp.SetUploadFiles(chromedp.ID("f-import-file"), []string{goodFile}))
	tb.WaitFor("imported", `document.getElementById("prof-status").textContent.includes("Imported")`, 10*time.Second)
	if keys := e2e.Eval[[]string](tb, e2e.CustomKeysJS); !slices.Equal(keys, []string{"aivc.profiles.v1.my-platform", "aivc.profiles.v1.runway-custom"}) {
		t.Errorf("stored keys %v after a good import", keys)
	}

	// Its export is the catalog's schema: it decodes to the same numbers.
	tb.Do("exporting", chromedp.Click(chromedp.CSS(`#prof-runway-custom button[data-action="export"]`)))
	tb.WaitFor("the export", `!!document.getElementById("prof-export-json")`, 10*time.Second)
	exported := e2e.Eval[string](tb, `document.getElementById("prof-export-json").value`)
	p, err := pricing.DecodeProfile([]byte(exported))
	if err != nil {
		t.Fatalf("the export does not decode: %v\n%s", err, exported)
	}
	orig, _ := pricing.DecodeProfile(runway)
	if p.ID != "runway-custom" || !p.Custom || p.Name != orig.Name || len(p.Models) != len(orig.Models) ||
		!p.Plans[0].Monthly.Decimal.Equal(orig.Plans[0].Monthly.Decimal) {
		t.Errorf("the export differs from what was imported: %+v", p)
	}
	if href := e2e.Eval[string](tb, `document.getElementById("prof-download").getAttribute("download")`); href != "runway-custom.json" {
		t.Errorf("download name %q", href)
	}

	// The same profile pasted is already here: nothing is imported, and
	// it says so (a second copy, "Runway (app) (2)", was made); another
	// Runway goes beside. Imported, the text goes: pressed again, the
	// button imported another copy.
	paste(string(runway))
	tb.WaitFor("the paste found here", `document.getElementById("prof-status").textContent.includes("is already on this device")`, 10*time.Second)
	if keys := e2e.Eval[[]string](tb, e2e.CustomKeysJS); len(keys) != 2 {
		t.Errorf("stored keys %v after pasting a profile already here", keys)
	}
	paste(strings.Replace(string(runway), `"name": "Standard",`, `"name": "Standard plan",`, 1))
	tb.WaitFor("the paste imported", `document.getElementById("prof-status").textContent.includes("as “runway-custom-2”")`, 10*time.Second)
	if v := e2e.Eval[string](tb, `document.getElementById("f-import").value`); v != "" {
		t.Errorf("after a pasted profile was imported, its text is still there (%d characters)", len(v))
	}
	tb.Do("pressing Import again", chromedp.Click(chromedp.CSS("#prof-import summary")), chromedp.Click(chromedp.ID("prof-import-paste")))
	tb.WaitFor("nothing pasted refused", `document.getElementById("prof-alert").textContent.includes("The profile is empty")`, 10*time.Second)
	if keys := e2e.Eval[[]string](tb, e2e.CustomKeysJS); len(keys) != 3 {
		t.Errorf("stored keys %v after two pastes and a third press", keys)
	}
	tb.AssertNoErrors()
}

// TestProfileStorageFull: when the browser's storage is full, saving says
// so and the form keeps what was typed.
func TestProfileStorageFull(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/profiles")
	e2e.StartBlankProfile(tb)
	e2e.TypeInto(tb, "f-name", "Kept on screen")
	e2e.Eval[bool](tb, `(() => {
		for (let size = 1 << 20, i = 0; size >= 16; size >>= 1) {
			try { for (;;) localStorage.setItem("junk-" + (i++), "x".repeat(size)); } catch (e) {}
		}
		return true;
	})()`)
	tb.Do("saving", chromedp.Click(chromedp.ID("prof-save")))
	tb.WaitFor("the message", `document.getElementById("prof-editor-msg").textContent.includes("storage is full")`, 10*time.Second)
	if v := e2e.Eval[string](tb, `document.getElementById("f-name").value`); v != "Kept on screen" {
		t.Errorf("the name field holds %q after the failed save", v)
	}
	if keys := e2e.Eval[[]string](tb, e2e.CustomKeysJS); len(keys) != 0 {
		t.Errorf("stored %v with a full storage", keys)
	}
	e2e.Eval[bool](tb, `(Object.keys(localStorage).filter(k => k.startsWith("junk-")).forEach(k => localStorage.removeItem(k)), true)`)
	tb.AssertNoErrors()
}

// TestProfileImportByKeyboard: a pasted profile imported by keyboard alone,
// as a screen reader hears it. Refused, the focus goes to the pasted text,
// marked invalid and described by the reason, each time Import is pressed:
// the reason, an alert tied to no field, was said once, and pressed again
// with the same mistake the page said nothing. Imported, the mark goes.
func TestProfileImportByKeyboard(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/profiles")
	e2e.Eval[bool](tb, `(document.querySelector("#prof-import summary").focus(), true)`)
	tb.Do("opening Import", chromedp.KeyEvent(kb.Enter))
	for _, want := range []string{"f-import-file", "f-import"} {
		tb.Do("tabbing", chromedp.KeyEvent(kb.Tab))
		if got := e2e.Eval[string](tb, `document.activeElement.id`); got != want {
			t.Fatalf("Tab reached #%s, want #%s", got, want)
		}
	}
	tb.Do("typing a broken profile", chromedp.KeyEvent(`{"id": "x"`))
	for i := range 2 {
		tb.Do("tabbing to Import", chromedp.KeyEvent(kb.Tab))
		if got := e2e.Eval[string](tb, `document.activeElement.id`); got != "prof-import-paste" {
			t.Fatalf("Tab reached #%s, want Import pasted JSON", got)
		}
		tb.Do("importing", chromedp.KeyEvent(kb.Enter))
		tb.WaitFor("the focus on the pasted text", `document.activeElement.id === "f-import"`, 10*time.Second)
		got := e2e.FocusedAX(tb)
		if got.Name != "Or paste it" || !strings.HasPrefix(got.Desc, "Import refused") ||
			!e2e.Eval[bool](tb, `document.activeElement.getAttribute("aria-invalid") === "true"`) {
			t.Errorf("press %d: the refused text is heard as %s, aria-invalid=%s", i+1, got,
				e2e.Eval[string](tb, `document.activeElement.getAttribute("aria-invalid")`))
		}
	}
	root, _ := site.FindRoot(".")
	runway, err := os.ReadFile(filepath.Join(root, "pricing", "catalog", "runway.json"))
	if err != nil {
		t.Fatal(err)
	}
	tb.Do("selecting the text", chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	e2e.Call(tb, input.InsertText, input.InsertTextParams{Text: string(runway)}) // pasted
	tb.Do("tabbing to Import", chromedp.KeyEvent(kb.Tab))
	tb.Do("importing", chromedp.KeyEvent(kb.Enter))
	tb.WaitFor("imported", `document.getElementById("prof-status").textContent.includes("Imported")`, 10*time.Second)
	if got := e2e.Eval[string](tb, `document.activeElement.id + " " + document.getElementById("f-import").hasAttribute("aria-invalid")`); got != "prof-import-paste false" {
		t.Errorf("after the import: focus on #%s, the text still marked invalid", got)
	}
	tb.AssertNoErrors()
}

// TestProfileEditorByKeyboard: a profile made, saved, edited and left by
// keyboard alone. From the top of the page Tab reaches Start a blank
// profile; typed in and saved with Enter, the profile is saved, the
// status says so and the focus is on the saved profile's Edit (it was on
// the status, heard as a nameless "status" and no control); Cancel gives
// the focus back to the button that opened the editor (Edit, Clone and
// edit, Start a blank profile), as /log's Cancel does: it went to the
// status at the top of the page, 30 presses of Tab above a profile's
// Edit. Deleted, the focus
// is on Undo, described by what it undoes: it was "Undo" alone. Undone,
// the focus is on the restored profile's Edit, not the status.
func TestProfileEditorByKeyboard(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/profiles")
	e2e.TabTo(tb, "#prof-new", 20)
	tb.Do("starting a blank profile", chromedp.KeyEvent(kb.Enter))
	tb.WaitFor("the focus on the editor's title", `document.activeElement.id === "prof-editor-title"`, 10*time.Second)
	e2e.TabTo(tb, "#f-name", 1)
	tb.Do("typing a name", chromedp.KeyEvent("Acme Video"))
	tb.WaitFor("the id following the name", `document.getElementById("f-id").value === "acme-video"`, 10*time.Second)
	tb.Do("saving with Enter", chromedp.KeyEvent(kb.Enter))
	tb.WaitFor("saved", `document.getElementById("prof-status").textContent.includes("Saved “Acme Video”")`, 10*time.Second)
	time.Sleep(100 * time.Millisecond) // the focus moves after the render
	if got := e2e.FocusedAX(tb); got.Role != "button" || got.Name != "Edit: Acme Video" {
		t.Errorf("saved, the focus is on %s, want the button “Edit: Acme Video”", got)
	}

	for _, c := range []struct{ opener, name string }{
		{`#prof-acme-video button[data-action="edit"]`, "Edit: Acme Video"},
		{`#prof-runway button[data-action="clone"]`, "Clone and edit: Runway (app)"},
		{"#prof-new", "Start a blank profile"},
	} {
		e2e.Eval[bool](tb, `(document.querySelector(`+e2e.JSString(c.opener)+`).focus(), true)`)
		tb.Do("opening the editor", chromedp.KeyEvent(kb.Enter))
		tb.WaitFor("the editor", `document.activeElement.id === "prof-editor-title"`, 10*time.Second)
		e2e.TabTo(tb, "#prof-cancel", 200)
		tb.Do("cancelling", chromedp.KeyEvent(kb.Enter))
		tb.WaitFor("the editor closed", `!document.getElementById("prof-editor")`, 10*time.Second)
		time.Sleep(100 * time.Millisecond) // the focus moves after the render
		if got := e2e.FocusedAX(tb); got.Role != "button" || got.Name != c.name {
			t.Errorf("after %s and Cancel, the focus is on %s, want the button %q", c.name, got, c.name)
		}
		if s := e2e.Eval[string](tb, `document.getElementById("prof-status").textContent`); s != "Nothing was saved." {
			t.Errorf("after %s and Cancel, the status says %q", c.name, s)
		}
	}

	// Deleted, the focus is on Undo, which says what it undoes.
	e2e.Eval[bool](tb, `(document.querySelector('#prof-acme-video button[data-action="delete"]').focus(), true)`)
	tb.Do("deleting the profile", chromedp.KeyEvent(kb.Enter))
	tb.WaitFor("the focus on Undo", `document.activeElement.id === "prof-undo"`, 10*time.Second)
	if got := e2e.FocusedAX(tb); got.Name != "Undo" || got.Desc != "Deleted “Acme Video”." {
		t.Errorf("Undo is heard as %s, want it described by what it undoes", got)
	}
	tb.Do("undoing", chromedp.KeyEvent(kb.Enter))
	tb.WaitFor("restored", `document.getElementById("prof-status").textContent.includes("Restored “Acme Video”")`, 10*time.Second)
	time.Sleep(100 * time.Millisecond)
	if got := e2e.FocusedAX(tb); got.Role != "button" || got.Name != "Edit: Acme Video" {
		t.Errorf("undone, the focus is on %s, want the button “Edit: Acme Video”", got)
	}
	tb.AssertNoErrors()
}

// TestProfileEditorRateNamed: tabbing through the editor, a screen reader
// hears which model a rate is of. Each rate's fieldset was "Model 1, rate
// 2", said only by its place in the list; it is "Ray2, rate 2", by its
// place where the model has no name yet or shares one, and no two groups
// of the editor are named alike. Each field says its group in its own
// name ("Resolution, Ray2, rate 2"), as /plan's row fields do: they were
// all "Resolution", "Priced", "Credits", the group's name said only on
// entering it, and no two fields of the editor are named alike.
func TestProfileEditorRateNamed(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/profiles")
	e2e.Eval[bool](tb, `(document.querySelector('#prof-luma button[data-action="clone"]').focus(), true)`)
	tb.Do("cloning Luma to edit", chromedp.KeyEvent(kb.Enter))
	tb.WaitFor("the editor", `document.activeElement.id === "prof-editor-title"`, 10*time.Second)
	e2e.TabTo(tb, `[id="f-models[0].rates[1].res"]`, 200)
	const group = `document.activeElement.closest("fieldset")`
	if got := e2e.AXOf(tb, group); got.Role != "group" || got.Name != "Ray2, rate 2" {
		t.Errorf("the focus on the first model's second rate is in the %s, want the group “Ray2, rate 2”", got)
	}
	if got := e2e.FocusedAX(tb); got.Role != "combobox" || got.Name != "Resolution, Ray2, rate 2" {
		t.Errorf("the first model's second rate's resolution is heard as %s, want “Resolution, Ray2, rate 2”", got)
	}
	fieldsUnique := func() {
		t.Helper()
		seen := map[string]int{}
		for _, n := range e2e.AXNodes(tb) {
			if n.Role == "textbox" || n.Role == "combobox" {
				seen[n.Name]++
			}
		}
		for name, n := range seen {
			if n > 1 {
				t.Errorf("%d fields are named %q", n, name)
			}
		}
	}
	fieldsUnique()
	groups := func() []string {
		var names []string
		for _, n := range e2e.AXNodes(tb) {
			if n.Role == "group" && strings.Contains(n.Name, ", rate ") {
				names = append(names, n.Name)
			}
		}
		return names
	}
	want := []string{"Ray2, rate 1", "Ray2, rate 2", "Ray2 Flash, rate 1", "Ray2 Flash, rate 2", "Ray1.6, rate 1", "Ray 3.2, rate 1"}
	if got := groups(); !slices.Equal(got, want) {
		t.Errorf("the rates' groups are %q, want %q", got, want)
	}

	// A model without a name, and two of one name, are told apart by
	// their place.
	e2e.TypeInto(tb, "f-models[0].name", "")
	e2e.TypeInto(tb, "f-models[2].name", "ray2 flash")
	tb.WaitFor("the legends following the names", `[...document.querySelectorAll("#prof-editor legend")].some((l) => l.textContent === "Model 1, rate 2")`, 10*time.Second)
	want = []string{"Model 1, rate 1", "Model 1, rate 2", "Model 2: Ray2 Flash, rate 1", "Model 2: Ray2 Flash, rate 2",
		"Model 3: ray2 flash, rate 1", "Ray 3.2, rate 1"}
	if got := groups(); !slices.Equal(got, want) {
		t.Errorf("the rates' groups are %q, want %q", got, want)
	}
	if got := e2e.AXOf(tb, `document.querySelector('[data-list="models[0].rates"][data-index="-1"]')`); got.Name != "Add a resolution to Model 1" {
		t.Errorf("the first model's Add a resolution is the %s", got)
	}
	if got := e2e.AXOf(tb, `document.getElementById("f-models[0].rates[1].res")`); got.Name != "Resolution, Model 1, rate 2" {
		t.Errorf("the first model's second rate's resolution is heard as %s, want “Resolution, Model 1, rate 2”", got)
	}
	fieldsUnique()
	var all []string
	for _, n := range e2e.AXNodes(tb) {
		if n.Role == "group" && n.Name != "" {
			if slices.Contains(all, n.Name) {
				t.Errorf("two groups are named %q", n.Name)
			}
			all = append(all, n.Name)
		}
	}
	tb.AssertNoErrors()
}

// TestProfilesPackValidity: Kling's top-up, whose terms clear a balance
// "upon expiration" and give no period, says so on /profiles as a person
// reads it (the profile opened), never "never expire"; Runway's, which
// the research says never expire, says that; and the editor of Kling's
// clone shows the pack's credits lasting "Not stated by the platform".
func TestProfilesPackValidity(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/profiles")
	for id, want := range map[string]string{
		"kling":  "validity not stated by Kling",
		"runway": "never expire",
		"luma":   "valid 365 days",
	} {
		tb.Do("opening "+id, chromedp.Click(chromedp.CSS(`#prof-`+id+` details.prof-body > summary`)))
		got := e2e.Eval[string](tb, `document.querySelector('#prof-`+id+` tr[data-pack]').innerText`)
		if !strings.Contains(got, want) {
			t.Errorf("%s's pack reads %q, want %q in it", id, got, want)
		}
		if id == "kling" && (!strings.Contains(got, "'cleared upon expiration'") || strings.Contains(got, "never expire")) {
			t.Errorf("Kling's pack reads %q: not what its terms say", got)
		}
	}
	tb.Do("cloning Kling", chromedp.Click(chromedp.CSS(`#prof-kling button[data-action="clone"]`)))
	tb.WaitFor("the editor", `!!document.getElementById("f-packs[0].validity")`, 10*time.Second)
	got := e2e.Eval[string](tb, `(s => document.querySelector('label[for="' + s.id + '"]').textContent + ": " + s.options[s.selectedIndex].text)(document.getElementById("f-packs[0].validity"))`)
	if got != "Credits last: Not stated by the platform" {
		t.Errorf("the clone's pack in the editor: %q", got)
	}
	tb.AssertNoErrors()
}

// TestProfilesAudioSaidOnce: a model whose native audio no source prices
// says so once in its row's "Also" column, with the reason, as a person
// reads it (the profile opened). It said a tag, "native audio, price with
// it not published", then the catalog's note saying it again with why.
func TestProfilesAudioSaidOnce(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/profiles")
	for _, row := range []struct{ profile, model, reason string }{
		{"kling", "kling-3-0-standard", "its price with audio at 720p is not given"},
		{"sora-api", "sora-2", "whether this price includes it is not stated"},
		{"ltx-studio", "veo-3", "its price is not published"},
	} {
		tb.Do("opening "+row.profile, chromedp.Click(chromedp.CSS(`#prof-`+row.profile+` details.prof-body > summary`)))
		also := e2e.Eval[string](tb, fmt.Sprintf(`(() => {
			const table = document.querySelector('#prof-%s tr[data-model=%q]').closest("table");
			const col = [...table.tHead.rows[0].cells].findIndex(c => c.textContent === "Also");
			return table.querySelector('tr[data-model=%q]').cells[col].innerText;
		})()`, row.profile, row.model, row.model))
		if n := strings.Count(also, "native audio"); n != 1 || !strings.Contains(also, row.reason) ||
			!strings.Contains(also, "so a shot with audio is not priced") {
			t.Errorf("%s/%s: Also says native audio %d times: %q, want once with %q", row.profile, row.model, n, also, row.reason)
		}
	}
	tb.AssertNoErrors()
}

// TestFiguresInBrowser: where the research gives a range or two figures
// and the catalog takes one, a person reads which beside the price:
// under /compare's row for Higgsfield's Kling 3.0, opened (10 credits, the top of
// 7–10) and in /profiles' row of Flow's Ultra plan (25,000 credits a
// month, where Google One help gives 12,500).
func TestFiguresInBrowser(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/compare#dur=5&res=720p&tier=standard&billing=monthly&platforms=higgsfield")
	tb.WaitFor("the ranking", `!!document.querySelector('#ranking tr[data-model="higgsfield/kling-3-0"]')`, 10*time.Second)
	tb.Do("opening the row's note", chromedp.Click(chromedp.CSS(`#ranking tr[data-model="higgsfield/kling-3-0"] .figure-fold summary`)))
	if got := e2e.Eval[string](tb, `document.querySelector('#ranking tr[data-model="higgsfield/kling-3-0"] .figure-note').innerText`); got != "Kling 3.0: 10 credits, the top of the 7–10 its source gives." {
		t.Errorf("/compare's Kling 3.0 row says %q", got)
	}
	tb.Open("/profiles")
	tb.Do("opening Google Flow", chromedp.Click(chromedp.CSS(`#prof-google-flow details.prof-body > summary`)))
	got := e2e.Eval[string](tb, `document.querySelector('#prof-google-flow tr[data-plan="ai-ultra"]').innerText`)
	if !strings.Contains(got, "25,000 credits a month is the later of two figures") || !strings.Contains(got, "Google One help gives 12,500") {
		t.Errorf("/profiles' Ultra row reads %q", got)
	}
	tb.AssertNoErrors()
}

// TestProfileAudio: in the editor, a person says by keyboard that their
// model's native audio is an extra cost, types it (the field says it is
// empty until then, heard with its model), saves, and /compare prices a
// shot with audio on it. A person's own model was always "not stated",
// and a shot with audio never priced on it; its other models, whose audio
// is not set, say so in the profile's words, not "by its source".
func TestProfileAudio(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/profiles")
	tb.Do("cloning Runway", chromedp.Click(chromedp.CSS(`#prof-runway button[data-action="clone"]`)))
	const audio, price = "f-models[1].audio", "f-models[1].addons[0].per_second"
	tb.WaitFor("the editor", `!!document.getElementById("`+audio+`")`, 10*time.Second)
	if got := e2e.AXOf(tb, `document.getElementById("`+audio+`")`); got.Role != "combobox" || got.Name != "Native audio, Model 2: Gen-4 Turbo" {
		t.Errorf("Gen-4 Turbo's audio is heard as %s", got)
	}
	// "E" is the first choice starting with E: "Extra cost per second".
	e2e.Eval[bool](tb, `(document.getElementById("`+audio+`").focus(), true)`)
	tb.Do("picking an extra cost by keyboard", chromedp.KeyEvent("E"))
	tb.WaitFor("the audio's price", `!!document.getElementById("`+price+`")`, 10*time.Second)
	if got := e2e.Eval[string](tb, `document.getElementById("`+price+`-msg").textContent`); got != "Audio is empty: type what audio adds to a clip, or pick another Native audio." {
		t.Errorf("the empty price says %q", got)
	}
	if got := e2e.AXOf(tb, `document.getElementById("`+price+`")`); got.Name != "Audio in credits per second, Model 2: Gen-4 Turbo" {
		t.Errorf("the audio's price is heard as %s", got)
	}
	// Its label is "Audio", its unit after the input, beside it within
	// its column of the form, the input left room to type in at every
	// width (the unit, kept whole, left it 23px at 800px).
	type box struct {
		Label, Unit                  string
		Input, UnitLeft, Right, Cell float64
	}
	for _, w := range []int64{360, 480, 800, 1024, 1280} { // the window's width last
		e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: w, Height: 900, DeviceScaleFactor: 1, Mobile: w < 800})
		tb.WaitFor("the width", fmt.Sprintf(`innerWidth === %d`, w), 10*time.Second)
		b := e2e.Eval[box](tb, `(() => {
			const f = document.getElementById("`+price+`"), u = f.parentElement.querySelector(".field-unit");
			const cell = f.closest(".field").getBoundingClientRect(), ir = f.getBoundingClientRect(), ur = u.getBoundingClientRect();
			return {label: document.querySelector('label[for="`+price+`"]').textContent, unit: u.textContent,
				input: ir.width, unitLeft: ur.left - ir.right, right: ur.right, cell: cell.right};
		})()`)
		if b.Label != "Audio" || b.Unit != "credits per second" || b.Input < 72 || b.UnitLeft < 0 || b.Right > b.Cell+0.5 {
			t.Errorf("%dpx: the audio's price: label %q, unit %q, input %.0fpx wide, unit %.0fpx after it, its right %.0f in a cell ending at %.0f",
				w, b.Label, b.Unit, b.Input, b.UnitLeft, b.Right, b.Cell)
		}
	}
	e2e.TypeInto(tb, price, "$5")
	tb.WaitFor("money refused", `document.getElementById("`+price+`-msg").textContent === "Audio is in credits, not money: type the number alone."`, 10*time.Second)
	e2e.TypeInto(tb, price, "5")
	tb.WaitFor("the message to go", `document.getElementById("`+price+`-msg").textContent === ""`, 10*time.Second)
	tb.Do("saving", chromedp.Click(chromedp.ID("prof-save")))
	tb.WaitFor("saved", `document.getElementById("prof-status").textContent.includes("Saved")`, 10*time.Second)

	// Monthly, Max is Runway's cheapest credit, $0.01: Gen-4 Turbo's 5
	// credits a second and 5 of audio, $0.10 a second.
	tb.Open("/compare#dur=10&res=720p&tier=fast&billing=monthly&audio=1&platforms=runway-custom")
	e2e.WaitRanking(tb, "compare with audio on the custom profile", []e2e.RankedRow{{Model: "runway-custom/gen-4-turbo", Cost: "0.1"}})
	if got := e2e.Eval[string](tb, `document.getElementById("unavailable").textContent`); !strings.Contains(got, "Native audio not set in your profile") || strings.Contains(got, "by its source") {
		t.Errorf("what cannot make the shot reads %q", got)
	}
	tb.AssertNoErrors()
}
