package e2e

import (
	"fmt"
	"testing"
	"time"

	aivc "github.com/aivc/aivc/app"
	"github.com/chromedp/cdproto/emulation"
)

// phoneLayoutJS returns what is wrong with the page's layout on a phone:
// a link of the main nav that is not in sight (clipped by the nav, or past
// the window's edge), and a field alone on its row whose label keeps room
// for a second line: an empty line above the label, which only fields side
// by side need (so that a neighbour's label wrapping does not move theirs).
const phoneLayoutJS = `(() => {
  const bad = [];
  const nav = document.querySelector(".site-nav");
  if (nav) {
    const box = nav.getBoundingClientRect();
    if (nav.scrollWidth > nav.clientWidth + 1) bad.push("the nav scrolls: " + nav.scrollWidth + " px of links in " + nav.clientWidth + " px");
    for (const a of nav.querySelectorAll("a")) {
      const r = a.getBoundingClientRect();
      if (r.left < Math.max(0, box.left) - 1 || r.right > Math.min(innerWidth, box.right) + 1) {
        bad.push("the nav's " + JSON.stringify(a.textContent) + " link is out of sight (" + r.left.toFixed(0) + "–" + r.right.toFixed(0) + " px)");
      }
    }
  }
  const tops = (grid) => [...grid.children].filter((f) => f.matches(".field")).map((f) => Math.round(f.getBoundingClientRect().top));
  for (const label of document.querySelectorAll(".field > .field-label")) {
    const field = label.parentElement, grid = field.parentElement;
    if (!getComputedStyle(grid).display.endsWith("grid") || label.getBoundingClientRect().height === 0) continue;
    const top = Math.round(field.getBoundingClientRect().top);
    if (tops(grid).filter((t) => Math.abs(t - top) <= 1).length > 1) continue; // has neighbours
    const text = document.createRange();
    text.selectNodeContents(label);
    const empty = label.getBoundingClientRect().height - text.getBoundingClientRect().height;
    if (empty > parseFloat(getComputedStyle(label).fontSize)) bad.push("the label " + JSON.stringify(label.textContent) + ", alone on its row, has " + empty.toFixed(0) + " px of empty room");
  }
  return bad;
})()`

// TestPhoneLayout: on a phone every page's nav shows all its links, and a
// field alone on its row has no empty line above its label. Before, on a
// 360 px phone, the nav showed "Calculator" and half of "Compare", the rest
// scrolled out of sight behind "Install app"; and /compare's fields, one per
// row, each had an empty line above the label.
func TestPhoneLayout(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	for _, width := range []int64{360, 412} {
		for _, p := range aivc.Pages() {
			tb := newTab(t, srv.URL)
			call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 780, DeviceScaleFactor: 2, Mobile: true})
			tb.open(p)
			for _, m := range eval[[]string](tb, phoneLayoutJS) {
				t.Errorf("%s, %d px wide: %s", p, width, m)
			}
			tb.assertNoErrors()
		}
	}
}

// TestPhoneInstallButton: on a phone the install button, which appears
// only once the browser offers to install the app, moves nothing: the
// header's first row keeps its height with or without it.
func TestPhoneInstallButton(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	tb := newTab(t, srv.URL)
	call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 360, Height: 780, DeviceScaleFactor: 2, Mobile: true})
	tb.open("/")
	tb.waitFor("the install button", `!!document.querySelector("#install")`, 60*time.Second)
	const top = `document.querySelector("main").getBoundingClientRect().top`
	with := eval[float64](tb, top)
	without := eval[float64](tb, `(document.querySelector("#install").style.display = "none", `+top+`)`)
	if with != without {
		t.Errorf("<main> starts at %v px with the install button and at %v px without it", with, without)
	}
	if bad := eval[[]string](tb, phoneLayoutJS); len(bad) > 0 {
		t.Errorf("with the install button: %v", fmt.Sprint(bad))
	}
}
