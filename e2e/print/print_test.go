package print

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	aivc "github.com/aivc/aivc/app"
	"github.com/aivc/aivc/e2e"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// printFaultsJS returns what is wrong with the page as printed: a table
// cut by its box, the page wider than the paper, a control or a fixed or
// sticky element on the paper, or the screen's colours.
const printFaultsJS = `(() => {
  const bad = [];
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "");
  if (document.documentElement.scrollWidth > innerWidth + 1) {
    bad.push("the page is " + document.documentElement.scrollWidth + " px wide on " + innerWidth + " px of paper");
  }
  for (const box of document.querySelectorAll(".cmp-scroll")) {
    if (shown(box) && box.scrollWidth > box.clientWidth + 1) {
      bad.push(name(box.firstElementChild) + " is cut: " + box.scrollWidth + " px in " + box.clientWidth + " px");
    }
  }
  for (const th of document.querySelectorAll("table th")) {
    // A heading for screen readers only (/log's Delete) heads a screen-only column.
    if (shown(th.closest("table")) && th.textContent.trim() && !th.querySelector(".visually-hidden") && !shown(th)) {
      bad.push(name(th.closest("table")) + " leaves out its column " + JSON.stringify(th.textContent.trim()));
    }
  }
  // A table's notes (a figure, unused credits) in its small print, not
  // larger than its text: sized in rem, they kept the screen's 13.6 px
  // beside the paper's 8pt.
  for (const table of document.querySelectorAll("table")) {
    if (!shown(table)) continue;
    const size = parseFloat(getComputedStyle(table).fontSize);
    for (const el of table.querySelectorAll("td *, th *")) {
      if (shown(el) && el.textContent.trim() && parseFloat(getComputedStyle(el).fontSize) > size + 0.5) {
        bad.push(name(el) + " " + JSON.stringify(el.textContent.trim().slice(0, 30)) + " is printed at " + getComputedStyle(el).fontSize + " in a table of " + size + " px");
        break;
      }
    }
  }
  for (const el of document.querySelectorAll("nav, button:not(.cmp-sort), input[type=file]")) {
    if (shown(el)) bad.push(name(el) + " " + JSON.stringify(el.textContent.trim().slice(0, 30)) + " is printed");
  }
  for (const el of document.querySelectorAll("body *")) {
    const pos = getComputedStyle(el).position;
    if ((pos === "sticky" || pos === "fixed") && shown(el)) bad.push(name(el) + " is " + pos);
  }
  const body = getComputedStyle(document.body);
  if (body.color !== "rgb(0, 0, 0)" || !["rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"].includes(body.backgroundColor)) {
    bad.push("the text is " + body.color + " on " + body.backgroundColor);
  }
  return bad;
})()`

// TestPrint: every page, printed (or saved as PDF) on A4 or Letter, is a
// report: every column of every table whole, black on white even from a
// dark screen, and no navigation, button or form that only acts on the
// screen. Before, /compare's ranking printed 6 of its 11 columns, behind a
// cost column stuck over the rest, and /log's list lost its notes.
func TestPrint(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	e2e.SeedLog(tb, 12)
	// A4's printable width at Chromium's default margins (794 − 2 × 38 px);
	// Letter's is 740.
	const paper = 718
	for _, scheme := range []string{"light", "dark"} {
		for _, p := range aivc.Pages() {
			tb.Open(p)
			toPaper := func() {
				e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: paper, Height: 1000, DeviceScaleFactor: 1})
				e2e.Call(tb, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print",
					Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
				e2e.Eval[bool](tb, `dispatchEvent(new Event("beforeprint"))`)
			}
			backToScreen := func() {
				e2e.Eval[bool](tb, `dispatchEvent(new Event("afterprint"))`)
				e2e.Call(tb, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{})
			}
			if p == "/compare" {
				// 20 rows of 72: the paper says so, as the button does on screen.
				toPaper()
				if !e2e.Eval[bool](tb, `document.querySelector(".print-only").checkVisibility() && document.querySelector(".print-only").textContent === "Listed: the first 20 of 72 models."`) {
					t.Errorf("/compare printed with 20 rows of 72 does not say so")
				}
				backToScreen()
				e2e.Eval[bool](tb, `(document.getElementById("cmp-more").click(), true)`)
				tb.WaitFor("all the models", `document.querySelectorAll("#ranking tbody tr").length > 20`, 5*time.Second)
			}
			closed := e2e.Eval[int](tb, `document.querySelectorAll("details:not([open])").length`)
			toPaper()
			for _, m := range e2e.Eval[[]string](tb, printFaultsJS) {
				t.Errorf("%s printed from a %s screen: %s", p, scheme, m)
			}
			// Chromium repeats a table's heading on each page, but printed
			// the sort buttons in it blank there (seen in the PDF): on
			// paper they are their text alone.
			if n := e2e.Eval[int](tb, `[...document.querySelectorAll("th .cmp-sort")].filter((b) => getComputedStyle(b).display !== "contents").length`); n != 0 {
				t.Errorf("%s printed with %d sort buttons as boxes in the tables' headings", p, n)
			}
			// Closed details print open (their summary alone says nothing on
			// paper), but for the platform filter's checkboxes; and close
			// again after.
			if n := e2e.Eval[int](tb, `document.querySelectorAll("details:not([open]):not(.cmp-filter)").length`); n != 0 {
				t.Errorf("%s printed with %d details closed", p, n)
			}
			backToScreen()
			if n := e2e.Eval[int](tb, `document.querySelectorAll("details:not([open])").length`); n != closed {
				t.Errorf("%s after printing: %d details closed, before %d", p, n, closed)
			}
		}
	}
	tb.AssertNoErrors()
}

// watchComparePrint prints /compare (beforeprint) the moment the live
// page is ready, while it still builds its parts below the screen
// (app/later.go), and notes what it has built when beforeprint returns,
// which is what Chromium lays out on paper.
const watchComparePrint = `new MutationObserver((_, o) => {
  if (document.body?.dataset.wasm !== "ready") return;
  o.disconnect();
  const waiting = !!document.querySelector("[data-later]");
  dispatchEvent(new Event("beforeprint"));
  window.printed = Object.assign(` + e2e.LaterBuiltJS + `, { before: waiting, text: ` + compareTextJS + ` });
}).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-wasm"] });`

// compareTextJS is the text of /compare's ranking and of the sections
// after it that print.
const compareTextJS = `["ranking", "chart-section", "free-section", "unavailable"].map((id) => document.getElementById(id)?.textContent.replace(/\s+/g, " ") ?? "").join("\n")`

// TestComparePrintBeforeBuilt: /compare printed as soon as the live page
// has started, while it builds its rows and sections below the screen a
// few at a time, prints them all, as it does once built: the default
// shot, and a link's, whose rows are not the prerendered page's. Before,
// the printout lacked them: 1 row of 20, and none of the chart, the free
// tiers and the models that cannot make the shot.
func TestComparePrintBeforeBuilt(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	for _, path := range []string{"/compare", "/compare#dur=10&billing=monthly"} {
		tb := e2e.NewTab(t, srv.URL)
		e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 1280, Height: 800, DeviceScaleFactor: 1})
		e2e.Call(tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchComparePrint})
		tb.Navigate(path)
		tb.WaitFor("the printout", `!!window.printed`, 60*time.Second)
		type printed struct {
			e2e.LaterBuilt
			Before bool   `json:"before"`
			Text   string `json:"text"`
		}
		p := e2e.Eval[printed](tb, `window.printed`)
		if !p.Before {
			t.Fatalf("%s: the page was built whole at ready: nothing to test", path)
		}
		e2e.Eval[bool](tb, `(dispatchEvent(new Event("afterprint")), true)`)
		tb.WaitReady()
		done := e2e.Eval[e2e.LaterBuilt](tb, e2e.LaterBuiltJS)
		if p.Rows != done.Rows || len(p.Sections) != 5 || p.Waiting || done.Rows < 10 {
			t.Errorf("%s printed at the start: %d rows, sections %q, parts to come %v; once built %d rows and 5 sections", path, p.Rows, p.Sections, p.Waiting, done.Rows)
		}
		if built := e2e.Eval[string](tb, compareTextJS); p.Text != built {
			t.Errorf("%s printed at the start:\n%s\nonce built:\n%s", path, p.Text, built)
		}
		tb.AssertNoErrors()
	}

	// As Chromium prints: Page.printToPDF fires beforeprint, lays the
	// page out for paper, then fires afterprint. A listener added as the
	// document starts runs before the page's own, so it sees whether
	// parts were still to come; what afterprint finds is what was laid out.
	const notePrint = `addEventListener("beforeprint", () => window.waitingAtPrint = [...document.querySelectorAll(".prof-detail")].some((d) => d.childElementCount === 0));
addEventListener("afterprint", () => window.laidOut = ` + e2e.LaterBuiltJS + `);`
	for try := 1; ; try++ {
		tb := e2e.NewTab(t, srv.URL)
		e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 1280, Height: 800, DeviceScaleFactor: 1})
		e2e.Call(tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: notePrint})
		tb.Navigate("/compare")
		tb.WaitFor("the live page", `document.body?.dataset.wasm === "ready"`, 60*time.Second)
		e2e.Call(tb, page.PrintToPDF, page.PrintToPDFParams{})
		if !e2e.Eval[bool](tb, `window.waitingAtPrint`) {
			// Built whole before the PDF was asked for: again.
			if try == 3 {
				t.Skip("the page was built whole before each of 3 PDFs was asked for")
			}
			continue
		}
		if got := e2e.Eval[e2e.LaterBuilt](tb, `window.laidOut`); got.Rows != 20 || len(got.Sections) != 5 || got.Waiting {
			t.Errorf("printed to PDF at the start: laid out %+v, want 20 rows and 5 sections", got)
		}
		tb.AssertNoErrors()
		break
	}
}

// partsJS is what a page holds: its table rows, its elements with an id,
// its details with nothing in them but the summary (not built yet), and
// whether it says parts are still to come. /log's line on whether the
// browser may clear the log comes with the browser's answer, just after
// the start (TestLogKeep): it is no part built later.
const partsJS = `(() => {
  const main = document.querySelector("main");
  return {
    rows: main.querySelectorAll("tr").length,
    ids: [...main.querySelectorAll("[id]")].filter((el) => !el.closest(".log-keep")).map((el) => el.id).sort(),
    empty: [...main.querySelectorAll("details")].filter((d) =>
      ![...d.children].some((c) => c.tagName !== "SUMMARY" && (c.childElementCount > 0 || c.textContent.trim() !== ""))).length,
    waiting: !!document.querySelector("[data-later]"),
  };
})()`

// pageParts is partsJS's value.
type pageParts struct {
	Rows    int      `json:"rows"`
	IDs     []string `json:"ids"`
	Empty   int      `json:"empty"`
	Waiting bool     `json:"waiting"`
}

// watchPagePrint prints the page (beforeprint) the moment the live page
// is ready, and notes what it holds when beforeprint returns, which is
// what Chromium lays out on paper, and whether parts were still to come.
const watchPagePrint = `new MutationObserver((_, o) => {
  if (document.body?.dataset.wasm !== "ready") return;
  o.disconnect();
  const waiting = !!document.querySelector("[data-later]");
  dispatchEvent(new Event("beforeprint"));
  window.printed = Object.assign(` + partsJS + `, { before: waiting });
  dispatchEvent(new Event("afterprint"));
}).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-wasm"] });`

// TestPrintWhole: every page printed as soon as the live page has
// started, while it builds its parts below the screen (/compare's rows
// and sections, /profiles' numbers and sources), holds every part, as
// it does once built; and /log, whose list shows the newest 100 clips,
// says so on paper. Before, /profiles printed copies of the prerendered
// details, and /log's printout of 100 clips of 130 did not say there were
// more.
func TestPrintWhole(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	e2e.SeedLog(tb, 130)
	e2e.Call(tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchPagePrint})
	for _, p := range aivc.Pages() {
		tb.Navigate(p)
		tb.WaitFor("the printout", `!!window.printed`, 60*time.Second)
		type printed struct {
			pageParts
			Before bool `json:"before"`
		}
		at := e2e.Eval[printed](tb, `window.printed`)
		tb.WaitReady()
		e2e.Eval[bool](tb, `dispatchEvent(new Event("beforeprint"))`)
		built := e2e.Eval[pageParts](tb, partsJS)
		e2e.Eval[bool](tb, `dispatchEvent(new Event("afterprint"))`)
		t.Logf("%s: parts to come at the start %v; printed %d rows, %d details empty", p, at.Before, at.Rows, at.Empty)
		if at.Waiting || at.Rows != built.Rows || at.Empty != 0 || built.Empty != 0 || !slices.Equal(at.IDs, built.IDs) {
			t.Errorf("%s printed at the start: %d rows, %d details empty, parts to come %v, ids %d; once built %d rows, %d empty, ids %d",
				p, at.Rows, at.Empty, at.Waiting, len(at.IDs), built.Rows, built.Empty, len(built.IDs))
			for _, id := range built.IDs {
				if !slices.Contains(at.IDs, id) {
					t.Errorf("%s printed at the start without #%s", p, id)
				}
			}
		}
	}

	// /log lists the newest 100 clips of 130: the paper says so, as the
	// button does on screen, and once all are shown it says nothing.
	tb.Open("/log")
	listed := `(() => { const p = document.getElementById("log-listed"); return p && p.checkVisibility() ? p.textContent : ""; })()`
	if got := e2e.Eval[string](tb, listed); got != "" {
		t.Errorf("/log on screen shows %q", got)
	}
	e2e.Call(tb, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	if got, want := e2e.Eval[string](tb, listed), "Listed: the newest 100 of 130 clips."; got != want {
		t.Errorf("/log printed with 100 clips of 130 says %q, want %q", got, want)
	}
	e2e.Call(tb, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{})
	e2e.Eval[bool](tb, `(document.getElementById("log-more").click(), true)`)
	tb.WaitFor("every clip", `document.querySelectorAll("#log-table tbody tr").length === 130`, 10*time.Second)
	e2e.Call(tb, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	if got := e2e.Eval[string](tb, listed); got != "" {
		t.Errorf("/log printed with every clip says %q", got)
	}
	e2e.Call(tb, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{})
	tb.AssertNoErrors()
}

// TestProfilesPrintToPDFFromAnother: /profiles opened from another page of
// the app (go-app's navigation: no prerendered page) and printed to PDF at
// once, while it builds its profiles' details, prints every profile's
// numbers and sources. They printed empty: the copies web/early.js kept
// for a printout were the prerendered page's, and there was none.
func TestProfilesPrintToPDFFromAnother(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	html, err := os.ReadFile(filepath.Join(e2e.Dist, "profiles.html"))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Count(string(html), "<tr")
	// A listener added as the document starts runs before the page's
	// own: it sees whether details were still to come, and at afterprint,
	// before early.js closes the details again, what was laid out.
	const notePrint = `addEventListener("beforeprint", () => window.waitingAtPrint = [...document.querySelectorAll(".prof-detail")].some((d) => d.childElementCount === 0));
addEventListener("afterprint", () => window.laidOut = [...document.querySelectorAll(".prof-detail tr")].filter((r) => r.checkVisibility()).length);`
	for try := 1; ; try++ {
		tb := e2e.NewTab(t, srv.URL)
		e2e.Call(tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: notePrint})
		tb.Open("/")
		// A slower CPU: the PDF is asked for while the details are built.
		e2e.Call(tb, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 4})
		tb.Do("going to /profiles", chromedp.Click(chromedp.CSS(`nav[aria-label="Main"] a[href="/profiles"]`)))
		tb.WaitFor("/profiles", `location.pathname === "/profiles" && document.body.dataset.wasm === "ready" && !!document.querySelector("article.prof")`, 30*time.Second)
		e2e.Call(tb, page.PrintToPDF, page.PrintToPDFParams{})
		e2e.Call(tb, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 1})
		if !e2e.Eval[bool](tb, `window.waitingAtPrint`) {
			// Built whole before the PDF was asked for: again.
			if try == 3 {
				t.Skip("the details were built whole before each of 3 PDFs was asked for")
			}
			continue
		}
		if got := e2e.Eval[int](tb, `window.laidOut`); got != want {
			t.Errorf("printed to PDF at the start: %d rows of the profiles' details laid out, want %d", got, want)
		}
		if n := e2e.Eval[int](tb, `document.querySelectorAll("details.prof-body[open]").length`); n != 0 {
			t.Errorf("after the printout, %d details are left open", n)
		}
		tb.AssertNoErrors()
		break
	}
}
