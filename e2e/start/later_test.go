package start

import (
	"fmt"
	"testing"
	"time"

	"github.com/aivc/aivc/e2e"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
)

// watchLater notes, the moment the live page becomes ready, what of
// /compare it has built: its ranking's rows, its sections after the
// ranking, and whether it says parts are still to come (data-later).
const watchLater = `new MutationObserver((_, o) => {
  if (document.body?.dataset.wasm !== "ready") return;
  o.disconnect();
  window.laterAtReady = ` + e2e.LaterBuiltJS + `;
}).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-wasm"] });`

// onScreenRowsJS counts the ranking's rows on or above the screen.
const onScreenRowsJS = `[...document.querySelectorAll("#ranking tbody tr")].filter((r) => r.getBoundingClientRect().top < innerHeight).length`

// TestLaterParts: /compare's start mounts what is on the screen, and
// builds the rest after (app/later.go). Mounting the whole page, ~650
// elements each made by a call into JavaScript, kept Chromium's main
// thread busy ~190 ms in one task; Lighthouse's Total Blocking Time was
// 1,150 ms. At ready, every row the prerendered page showed on the screen
// is there and nothing below the screen is yet; within a second every row
// and section is, as prerendered, and nothing moved. A page scrolled to
// its end before the wasm came is built whole at once, and stays where it
// was scrolled.
func TestLaterParts(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	for _, height := range []int64{800, 1600} {
		tb := e2e.NewTab(t, srv.URL)
		e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 1280, Height: height, DeviceScaleFactor: 1})
		e2e.Call(tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchLater})
		tb.Navigate("/compare")
		tb.WaitFor("the live page", `!!window.laterAtReady`, 60*time.Second)
		at := e2e.Eval[e2e.LaterBuilt](tb, `window.laterAtReady`)
		onScreen := e2e.Eval[int](tb, onScreenRowsJS)
		what := fmt.Sprintf("%d px high: at ready", height)
		if at.Rows < onScreen {
			t.Errorf("%s %d rows built, %d are on the screen", what, at.Rows, onScreen)
		}
		if !at.Waiting || len(at.Sections) > 0 || at.Rows >= 20 {
			t.Errorf("%s the page was built whole (%+v): the parts below the screen are for after the start", what, at)
		}
		tb.WaitReady()
		done := e2e.Eval[e2e.LaterBuilt](tb, e2e.LaterBuiltJS)
		if done.Rows != 20 || len(done.Sections) != 5 || done.Waiting {
			t.Errorf("%d px high: once built, %+v, want 20 rows and 5 sections", height, done)
		}
		if shift := e2e.Eval[float64](tb, `window.__layoutShift`); shift != 0 {
			t.Errorf("%d px high: layout shift %.4f while the page was built: %v", height, shift, e2e.Eval[[]string](tb, `window.__layoutShifts`))
		}
		tb.AssertNoErrors()
	}

	// Scrolled to its end before the wasm came.
	held, release := e2e.NewHeldServer(t)
	tb := e2e.NewTab(t, held.URL)
	e2e.Call(tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchLater})
	tb.Navigate("/compare")
	before := e2e.Eval[int](tb, `scrollTo(0, document.documentElement.scrollHeight), Math.round(scrollY)`)
	release()
	tb.WaitFor("the live page", `!!window.laterAtReady`, 60*time.Second)
	at := e2e.Eval[e2e.LaterBuilt](tb, `window.laterAtReady`)
	if at.Rows != 20 || len(at.Sections) != 5 || at.Waiting || at.ScrollY != before {
		t.Errorf("scrolled to the end (%d px) before the wasm: at ready %+v, want it whole and where it was", before, at)
	}
	tb.AssertNoErrors()
}
