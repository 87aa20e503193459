package e2e

import (
	"testing"
	"time"

	aivc "github.com/aivc/aivc/app"
	"github.com/chromedp/cdproto/emulation"
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
	srv := newServer(t)
	tb := newTab(t, srv.URL)
	seedLog(tb, 12)
	// A4's printable width at Chromium's default margins (794 − 2 × 38 px);
	// Letter's is 740.
	const paper = 718
	for _, scheme := range []string{"light", "dark"} {
		for _, p := range aivc.Pages() {
			tb.open(p)
			toPaper := func() {
				call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: paper, Height: 1000, DeviceScaleFactor: 1})
				call(tb, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print",
					Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
				eval[bool](tb, `dispatchEvent(new Event("beforeprint"))`)
			}
			backToScreen := func() {
				eval[bool](tb, `dispatchEvent(new Event("afterprint"))`)
				call(tb, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{})
			}
			if p == "/compare" {
				// 20 rows of 72: the paper says so, as the button does on screen.
				toPaper()
				if !eval[bool](tb, `document.querySelector(".print-only").checkVisibility() && document.querySelector(".print-only").textContent === "Listed: the first 20 of 72 models."`) {
					t.Errorf("/compare printed with 20 rows of 72 does not say so")
				}
				backToScreen()
				eval[bool](tb, `(document.getElementById("cmp-more").click(), true)`)
				tb.waitFor("all the models", `document.querySelectorAll("#ranking tbody tr").length > 20`, 5*time.Second)
			}
			closed := eval[int](tb, `document.querySelectorAll("details:not([open])").length`)
			toPaper()
			for _, m := range eval[[]string](tb, printFaultsJS) {
				t.Errorf("%s printed from a %s screen: %s", p, scheme, m)
			}
			// Chromium repeats a table's heading on each page, but printed
			// the sort buttons in it blank there (seen in the PDF): on
			// paper they are their text alone.
			if n := eval[int](tb, `[...document.querySelectorAll("th .cmp-sort")].filter((b) => getComputedStyle(b).display !== "contents").length`); n != 0 {
				t.Errorf("%s printed with %d sort buttons as boxes in the tables' headings", p, n)
			}
			// Closed details print open (their summary alone says nothing on
			// paper), but for the platform filter's checkboxes; and close
			// again after.
			if n := eval[int](tb, `document.querySelectorAll("details:not([open]):not(.cmp-filter)").length`); n != 0 {
				t.Errorf("%s printed with %d details closed", p, n)
			}
			backToScreen()
			if n := eval[int](tb, `document.querySelectorAll("details:not([open])").length`); n != closed {
				t.Errorf("%s after printing: %d details closed, before %d", p, n, closed)
			}
		}
	}
	tb.assertNoErrors()
}
