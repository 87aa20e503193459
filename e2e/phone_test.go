package e2e

import (
	"testing"
	"time"

	aivc "github.com/aivc/aivc/app"
	"github.com/chromedp/cdproto/emulation"
)

// navInSightJS returns the links of the main nav that are not in sight:
// clipped by the nav (which scrolls sideways when they do not fit) or past
// the window's edge.
const navInSightJS = `(() => {
  const bad = [];
  const nav = document.querySelector(".site-nav");
  const box = nav.getBoundingClientRect();
  if (nav.scrollWidth > nav.clientWidth + 1) bad.push("the nav scrolls: " + nav.scrollWidth + " px of links in " + nav.clientWidth + " px");
  for (const a of nav.querySelectorAll("a")) {
    const r = a.getBoundingClientRect();
    if (r.left < Math.max(0, box.left) - 1 || r.right > Math.min(innerWidth, box.right) + 1) {
      bad.push("the nav's " + JSON.stringify(a.textContent) + " link is out of sight (" + r.left.toFixed(0) + "–" + r.right.toFixed(0) + " px)");
    }
  }
  return bad;
})()`

// TestNavInSight: at every window width from a small phone's to a
// desktop's, the nav shows every page's link, with the install button in
// the header; and that button, which appears only once the browser offers
// to install the app, moves nothing. Before, a 360–412 px phone showed
// "Calculator" and half of "Compare", the rest scrolled out of sight behind
// "Install app", and so did windows of 640–860 px, beside the brand's tag.
func TestNavInSight(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	tb := newTab(t, srv.URL)
	tb.open("/")
	tb.waitFor("the install button", `!!document.querySelector("#install")`, 60*time.Second)
	const mainTop = `document.querySelector("main").getBoundingClientRect().top`
	const showInstall = `(document.querySelector("#install").style.display = "", true)`
	for width := int64(320); width <= 1280; width += 20 {
		call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 780, DeviceScaleFactor: 1, Mobile: width < 800})
		for _, m := range eval[[]string](tb, navInSightJS) {
			t.Errorf("%d px wide: %s", width, m)
		}
		with := eval[float64](tb, mainTop)
		without := eval[float64](tb, `(document.querySelector("#install").style.display = "none", `+mainTop+`)`)
		eval[bool](tb, showInstall)
		if with != without {
			t.Errorf("%d px wide: <main> starts at %v px with the install button and at %v px without it", width, with, without)
		}
	}
	tb.assertNoErrors()
}

// loneLabelsJS returns the labels of fields alone on their row that keep
// room for a second line: an empty line above the label, which only fields
// side by side need (so that a neighbour's label, wrapping, does not move
// theirs down when it arrives).
const loneLabelsJS = `(() => {
  const bad = [];
  const tops = (grid) => [...grid.children].filter((f) => f.matches(".field")).map((f) => Math.round(f.getBoundingClientRect().top));
  for (const label of document.querySelectorAll(".field > .field-label")) {
    const field = label.parentElement, grid = field.parentElement;
    if (!getComputedStyle(grid).display.endsWith("grid") || label.getBoundingClientRect().height === 0) continue;
    const top = Math.round(field.getBoundingClientRect().top);
    if (tops(grid).filter((t) => Math.abs(t - top) <= 1).length > 1) continue; // has neighbours
    const text = document.createRange();
    text.selectNodeContents(label);
    const empty = label.getBoundingClientRect().height - text.getBoundingClientRect().height;
    if (empty > parseFloat(getComputedStyle(label).fontSize)) {
      bad.push("the label " + JSON.stringify(label.textContent) + ", alone on its row, has " + empty.toFixed(0) + " px of empty room");
    }
  }
  return bad;
})()`

// TestLoneLabels: on a phone, a field alone on its row has no empty line
// above its label. Before, /compare's fields, one per row on a 360 px
// phone, each had one, and at 412 px so did "Exchange rate".
func TestLoneLabels(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	for _, width := range []int64{360, 412} {
		for _, p := range aivc.Pages() {
			tb := newTab(t, srv.URL)
			call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 780, DeviceScaleFactor: 2, Mobile: true})
			tb.open(p)
			for _, m := range eval[[]string](tb, loneLabelsJS) {
				t.Errorf("%s, %d px wide: %s", p, width, m)
			}
			tb.assertNoErrors()
		}
	}
}
